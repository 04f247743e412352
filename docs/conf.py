"""Sphinx configuration for the trendcalc docs.

Built with warnings as errors and nitpicky references:
``sphinx-build -n -W --keep-going -b html docs docs/_build/html``. Nothing here fetches
from the network (no intersphinx), so the build works offline.
"""

from __future__ import annotations

import trendcalc

project = "trendcalc"
author = "trendcalc developers"
copyright = "2026, trendcalc developers"
release = trendcalc.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
]

templates_path = ["_templates"]
exclude_patterns = ["_build"]
html_theme = "furo"
html_static_path = ["_static"]
html_title = f"trendcalc {release}"

autosummary_generate = True
autodoc_typehints = "none"  # types are in the numpydoc Parameters and Returns sections
autodoc_member_order = "bysource"
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_validation_checks: set[str] = set()

# Standard-library and numpy names cannot be linked without intersphinx, which would need
# the network; say so here rather than let every reference to them warn.
nitpick_ignore_regex = [
    (r"py:.*", r"(decimal|fractions|datetime|numbers|typing|collections\.abc|numpy)(\..*)?"),
    (r"py:.*", r"(Decimal|Fraction|NDArray|ArrayLike)"),
    (r"py:.*", r"(round|int|float|str|bool|ValueError|ZeroDivisionError)"),  # builtins
]


def setup(app: object) -> dict[str, bool]:
    """Add ``.. trendcalc-claim-kinds::``: the table of claim kinds, from their registry."""
    from docutils.statemachine import StringList
    from sphinx.util.docutils import SphinxDirective

    from trendcalc._claims.registry import kinds_rst

    class ClaimKinds(SphinxDirective):
        def run(self) -> list[object]:
            from docutils import nodes

            container = nodes.container()
            lines = StringList(kinds_rst().splitlines(), source="trendcalc._claims.registry")
            self.state.nested_parse(lines, self.content_offset, container)
            return list(container.children)

    app.add_directive("trendcalc-claim-kinds", ClaimKinds)  # type: ignore[attr-defined]
    return {"parallel_read_safe": True}
