"""Check the built docs for faults that Sphinx does not report as warnings.

Run it after the build (CI does, in ``.ci/run``)::

    sphinx-build -n -W -b html docs docs/_build/html
    python docs/check_html.py docs/_build/html

It fails (exit status 1, one line per fault) on

* a table row with the wrong number of cells, an empty cell, or a first cell that is only
  a remark in brackets such as "(default)": the marks a simple reST table leaves when a
  wrapped line of one row becomes a row of its own;
* a docutils error left in a page (a "system-message" block or "problematic" text);
* a picture whose file is missing, a ``.. plot::`` that drew nothing, or a link to a page
  of the site that does not exist;
* a page of the guide or the API reference without an example (a code block, doctest or
  chart), unless the page is listed in ``WITHOUT_EXAMPLE``.

Only the standard library is used, so it runs anywhere the docs were built.
"""

from __future__ import annotations

import argparse
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Pages that may have no example: indexes made by Sphinx, pages that are lists of links,
#: and pages whose example is still to be written (each names where the text lives).
WITHOUT_EXAMPLE = {
    "genindex.html",
    "search.html",
    "py-modindex.html",
    "api.html",  # a list of links to the pages below
    "changelog.html",
}

#: Classes of HTML elements that count as an example on a page.
_EXAMPLE_CLASSES = {"doctest", "highlight-python", "highlight-pycon", "highlight-console"}


class _Page(HTMLParser):
    """Collects what the checks need from one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.images: list[str] = []
        self.links: list[str] = []
        self.has_example = False
        self._stack: list[str] = []
        self._table: dict[str, object] | None = None
        self._tables: list[dict[str, object]] = []
        self._row: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = set(a.get("class", "").split())
        if tag not in {"img", "br", "hr", "meta", "link", "input", "col", "source"}:
            self._stack.append(tag)
        if "system-message" in classes or "problematic" in classes:
            self.problems.append(f"docutils error left in the page: <{tag} class={a['class']!r}>")
        if classes & _EXAMPLE_CLASSES or any(c.startswith("highlight-") for c in classes):
            self.has_example = True
        if tag == "img":
            self.images.append(a.get("src", ""))
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "table":
            self._table = {"rows": [], "head_rows": 0, "cols": 0, "line": self.getpos()[0]}
            self._tables.append(self._table)
        elif tag == "col" and self._table is not None:
            self._table["cols"] = int(self._table["cols"]) + 1  # type: ignore[call-overload]
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in {"td", "th"} and self._row is not None:
            self._cell = []
            span = int(a.get("colspan") or 1)
            self._row.append(self._cell)
            for _ in range(span - 1):
                self._row.append(["(spanned)"])

    def handle_endtag(self, tag: str) -> None:
        if self._stack and tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass
        if tag in {"td", "th"}:
            self._cell = None
        elif tag == "tr" and self._table is not None and self._row is not None:
            rows = self._table["rows"]
            assert isinstance(rows, list)
            rows.append(([" ".join("".join(c).split()) for c in self._row], self._in_head))
            self._row = None
        elif tag == "thead":
            self._in_head = False
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def table_problems(self) -> list[str]:
        problems = []
        for table in self._tables:
            rows = table["rows"]
            assert isinstance(rows, list)
            if not rows:
                continue
            width = int(table["cols"]) or len(rows[0][0])  # type: ignore[call-overload]
            header = [cells for cells, head in rows if head]
            for number, (cells, head) in enumerate(rows, start=1):
                where = f"table at line {table['line']}, row {number} {cells[:1]!r}"
                if len(cells) != width:
                    problems.append(f"{where}: {len(cells)} cells, the table has {width} columns")
                    continue
                if head:
                    continue
                if header and any(not c for c in cells) and all(header[0]):
                    problems.append(
                        f"{where}: an empty cell; is it a line of the row above that became "
                        "a row of its own? (in a simple table, a line whose first column is "
                        "not blank starts a new row; use a list-table)"
                    )
                elif number > 1 and cells[0].startswith("(") and cells[0].endswith(")"):
                    problems.append(
                        f"{where}: the first cell is only a remark in brackets, so the row "
                        "reads as the continuation of the row above (use a list-table)"
                    )
        return problems


def check_page(root: Path, page: Path) -> list[str]:
    """The faults of one built page, each as a sentence."""
    parser = _Page()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    problems = parser.problems + parser.table_problems()
    for src in parser.images:
        if urlsplit(src).scheme in {"http", "https", "data"}:
            continue
        target = (page.parent / unquote(urlsplit(src).path)).resolve()
        if not target.is_file():
            problems.append(f"picture {src!r} is missing")
    for href in parser.links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = (page.parent / unquote(parts.path)).resolve()
        if root.resolve() in target.parents and not target.exists():
            problems.append(f"link to {href!r}: no such page")
    name = page.relative_to(root).as_posix()
    if not parser.has_example and name not in WITHOUT_EXAMPLE:
        problems.append("no example on the page (a doctest, code block or chart)")
    if parser.has_example and name in WITHOUT_EXAMPLE:
        problems.append("has an example now: remove it from WITHOUT_EXAMPLE in check_html.py")
    return problems


def check_plots(root: Path) -> list[str]:
    """Every ``.. plot::`` in the sources drew a picture that a page shows."""
    problems = []
    sources = root / "_sources"
    for source in sorted(sources.glob("*.rst.txt")):
        expected = source.read_text(encoding="utf-8").count(".. plot::")
        if not expected:
            continue
        page = root / source.name.removesuffix(".rst.txt")
        html = page.with_suffix(".html").read_text(encoding="utf-8")
        shown = html.count('src="_images/' + page.name + "-")
        if shown < expected:
            problems.append(
                f"{page.name}.html: {expected} plot directives but {shown} pictures drawn"
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the built site, e.g. docs/_build/html")
    args = parser.parse_args(argv)
    root: Path = args.html
    if not (root / "index.html").is_file():
        print(f"{root} has no index.html: build the docs first", file=sys.stderr)
        return 2
    faults = []
    pages = sorted(
        p
        for p in root.rglob("*.html")
        if not p.relative_to(root).parts[0].startswith(("_", "plot_directive"))
    )
    for page in pages:
        faults += [f"{page.relative_to(root)}: {p}" for p in check_page(root, page)]
    faults += check_plots(root)
    for fault in faults:
        print(fault)
    print(f"checked {len(pages)} pages: {len(faults) or 'no'} faults", file=sys.stderr)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
