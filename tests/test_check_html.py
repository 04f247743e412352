"""Tests for docs/check_html.py, the check of the built docs, on small hand-written pages."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

_SCRIPT = Path(__file__).parent.parent / "docs" / "check_html.py"


@pytest.fixture(scope="module")
def check_html() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_html", _SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_EXAMPLE = '<div class="doctest highlight-default"><pre>&gt;&gt;&gt; 1</pre></div>'


def _site(tmp_path: Path, body: str, name: str = "page.html") -> Path:
    (tmp_path / "index.html").write_text(f"<html><body>{_EXAMPLE}</body></html>")
    (tmp_path / name).write_text(f"<html><body>{_EXAMPLE}{body}</body></html>")
    return tmp_path / name


def _table(*rows: str, cols: int = 3) -> str:
    head = "<thead><tr>" + "".join(f"<th>h{i}</th>" for i in range(cols)) + "</tr></thead>"
    return (
        f"<table><colgroup>{'<col>' * cols}</colgroup>{head}<tbody>{''.join(rows)}</tbody></table>"
    )


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in cells) + "</tr>"


def test_a_good_page_has_no_faults(check_html: ModuleType, tmp_path: Path) -> None:
    page = _site(tmp_path, _table(_row("a", "b", "c"), _row("(none), exact", "e", "f")))
    assert check_html.check_page(tmp_path, page) == []


def test_a_row_split_off_by_a_wrapped_first_column_is_found(
    check_html: ModuleType, tmp_path: Path
) -> None:
    # the Speed table: "... on a derived financial-year" / "column" became its own row
    page = _site(
        tmp_path, _table(_row("polars on a derived", "0.291", "28.8x"), _row("column", "", ""))
    )
    [fault] = check_html.check_page(tmp_path, page)
    assert "row 3 ['column']" in fault
    assert "empty cell" in fault


def test_a_remark_in_brackets_as_a_row_is_found(check_html: ModuleType, tmp_path: Path) -> None:
    # the methods table: "(default)" under "exact" became a method of its own
    page = _site(
        tmp_path,
        _table(
            _row("exact", "given the total", "Clopper-"), _row("(default)", "binomial", "share")
        ),
    )
    [fault] = check_html.check_page(tmp_path, page)
    assert "'(default)'" in fault


def test_a_row_with_too_few_cells_is_found(check_html: ModuleType, tmp_path: Path) -> None:
    page = _site(tmp_path, _table(_row("a", "b")))
    [fault] = check_html.check_page(tmp_path, page)
    assert "2 cells, the table has 3 columns" in fault


def test_spanned_cells_count_as_cells(check_html: ModuleType, tmp_path: Path) -> None:
    row = '<tr><td colspan="2"><p>a</p></td><td><p>b</p></td></tr>'
    page = _site(tmp_path, _table(row))
    assert check_html.check_page(tmp_path, page) == []


def test_a_docutils_error_is_found(check_html: ModuleType, tmp_path: Path) -> None:
    page = _site(tmp_path, '<div class="system-message"><p>Malformed table.</p></div>')
    [fault] = check_html.check_page(tmp_path, page)
    assert "docutils error" in fault


def test_a_missing_picture_and_a_dead_link_are_found(
    check_html: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "_images").mkdir()
    (tmp_path / "_images" / "there.png").write_bytes(b"")
    body = (
        '<img src="_images/there.png"><img src="_images/gone.png">'
        '<a href="index.html#x">ok</a><a href="nowhere.html">dead</a><a href="https://x.org/">ok</a>'
    )
    faults = check_html.check_page(tmp_path, _site(tmp_path, body))
    assert faults == [
        "picture '_images/gone.png' is missing",
        "link to 'nowhere.html': no such page",
    ]


def test_a_page_without_an_example_is_found_unless_listed(
    check_html: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "index.html").write_text(f"<html><body>{_EXAMPLE}</body></html>")
    bare = tmp_path / "bare.html"
    bare.write_text("<html><body><p>Only words.</p></body></html>")
    assert check_html.check_page(tmp_path, bare) == [
        "no example on the page (a doctest, code block or chart)"
    ]
    (tmp_path / "search.html").write_text("<html><body><p>Search</p></body></html>")
    assert check_html.check_page(tmp_path, tmp_path / "search.html") == []


def test_a_listed_page_that_gained_an_example_is_found(
    check_html: ModuleType, tmp_path: Path
) -> None:
    page = _site(tmp_path, "", name="search.html")
    [fault] = check_html.check_page(tmp_path, page)
    assert "remove it from WITHOUT_EXAMPLE" in fault


def test_main_fails_on_a_fault_and_passes_a_clean_site(
    check_html: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path, "")
    assert check_html.main([str(tmp_path)]) == 0
    (tmp_path / "page.html").write_text(f"<html><body>{_EXAMPLE}<img src='gone.png'></body></html>")
    assert check_html.main([str(tmp_path)]) == 1
    assert "page.html: picture 'gone.png' is missing" in capsys.readouterr().out


def test_main_refuses_a_folder_without_a_built_site(check_html: ModuleType, tmp_path: Path) -> None:
    assert check_html.main([str(tmp_path)]) == 2
