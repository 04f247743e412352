"""Sphinx helpers for the trendcalc docs (a local extension, loaded by ``docs/conf.py``).

``.. story-report::`` checks a story when the docs build and shows the verdicts as a
table, so the page always shows what the installed trendcalc says. With no argument it
checks the built-in Lincolnshire example; the argument names a story file relative to
the page (``.. story-report:: ../examples/northshire-rates.toml``).

The table has the class ``story-report``: ``_static/trendcalc.css`` stacks its cells on
narrow screens, so the verdict stays in view on a phone.
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


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("story-report", StoryReportDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
