"""Sphinx helpers for the trendcalc docs (a local extension, loaded by ``docs/conf.py``).

``.. story-report::`` checks a story when the docs build and shows the verdicts as a
table, so the page always shows what the installed trendcalc says. With no argument it
checks the built-in Lincolnshire example; the argument names a story file relative to
the page (``.. story-report:: ../examples/northshire-rates.toml``).

The table has the class ``story-report``: ``_static/trendcalc.css`` stacks its cells on
narrow screens, so the verdict stays in view on a phone.

``.. html-repr::`` runs Python code when the docs build and shows the code followed by the
HTML of the value of its last line (its ``_repr_html_()``, as a notebook would show it),
for results that are tables, such as a ``CountTable``::

    .. html-repr::

       import numpy as np
       import trendcalc as tc
       dates = np.array(["2016-03-31", "2016-04-01"], dtype="datetime64[D]")
       tc.count_events(dates, "2015/16 to 2016/17")

Add ``:hide-code:`` to show only the table. The HTML sits in a box that scrolls sideways
when it is wider than the page.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

_COLUMNS = ("#", "Claim", "Published", "Verdict", "Why")
_WIDTHS = (4, 34, 11, 13, 38)


def _paragraph(text: str, *, classes: list[str] | None = None) -> nodes.paragraph:
    paragraph = nodes.paragraph(text, text)
    if classes:
        paragraph["classes"] += classes
    return paragraph


def _row(cells: list[nodes.Node], *, classes: list[str] | None = None) -> nodes.row:
    row = nodes.row()
    if classes:
        row["classes"] += classes
    for cell in cells:
        entry = nodes.entry()
        entry += cell
        row += entry
    return row


class StoryReportDirective(SphinxDirective):
    """Check a story while the docs build and show its verdicts as a table."""

    optional_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"mode": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        import trendcalc as tc

        if self.arguments:
            path = self.env.relfn2path(self.arguments[0], self.env.docname)[1]
            self.env.note_dependency(path)
            story = tc.load_story(path)
        else:
            story = tc.example_story()
        report = tc.check_story(story, mode=self.options.get("mode"))

        table = nodes.table(classes=["story-report"])
        group = nodes.tgroup(cols=len(_COLUMNS))
        table += group
        for width in _WIDTHS:
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += _row([_paragraph(c) for c in _COLUMNS])
        group += head
        body = nodes.tbody()
        for result in report.results:
            claim = result.claim
            status = result.status.replace(" ", "-")
            verdict = nodes.paragraph()
            verdict += nodes.inline(result.status, result.status, classes=[f"verdict-{status}"])
            body += _row(
                [
                    _paragraph(str(claim.number)),
                    _paragraph(claim.says or claim.kind),
                    _paragraph(claim.figure),
                    verdict,
                    _paragraph(result.explanation),
                ],
                classes=[f"status-{status}"],
            )
        group += body
        caption = f"{story.title} (rounding judged as {report.mode})"
        title = nodes.title(caption, caption)
        table.insert(0, title)
        return [table]


class HtmlReprDirective(SphinxDirective):
    """Run code while the docs build and show the HTML of its last expression."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"hide-code": directives.flag}

    def run(self) -> list[nodes.Node]:
        import ast

        code = "\n".join(self.content)
        tree = ast.parse(code)
        if not tree.body or not isinstance(tree.body[-1], ast.Expr):
            raise self.error("html-repr: the last line must be an expression to show")
        last = ast.Expression(tree.body.pop().value)
        namespace: dict[str, Any] = {}
        try:
            exec(compile(tree, self.get_source_info()[0] or "<html-repr>", "exec"), namespace)
            value = eval(compile(last, "<html-repr>", "eval"), namespace)
        except Exception as e:  # any failure becomes a build error, with its message
            raise self.error(f"html-repr: the code raised {type(e).__name__}: {e}") from e
        if not hasattr(value, "_repr_html_"):
            raise self.error(f"html-repr: a {type(value).__name__} has no _repr_html_()")
        out: list[nodes.Node] = []
        if "hide-code" not in self.options:
            block = nodes.literal_block(code, code, language="python")
            out.append(block)
        box = nodes.container(classes=["html-repr"])
        box += nodes.raw("", value._repr_html_(), format="html")
        out.append(box)
        return out


class ClaimKindsDirective(SphinxDirective):
    """``.. trendcalc-claim-kinds::``: the table of claim kinds, from their registry."""

    def run(self) -> list[nodes.Node]:
        from docutils.statemachine import StringList

        from trendcalc._claims.registry import kinds_rst

        container = nodes.container()
        lines = StringList(kinds_rst().splitlines(), source="trendcalc._claims.registry")
        self.state.nested_parse(lines, self.content_offset, container)
        return list(container.children)


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("trendcalc-claim-kinds", ClaimKindsDirective)
    app.add_directive("story-report", StoryReportDirective)
    app.add_directive("html-repr", HtmlReprDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
