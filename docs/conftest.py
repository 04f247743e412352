"""pytest collects docs/*.rst for doctests from the root of the source tree, where
examples/ is; the Sphinx helpers are not tests."""

from __future__ import annotations

from pathlib import Path

import pytest

collect_ignore = ["conf.py", "check_html.py"]
collect_ignore_glob = ["_ext/*"]


@pytest.fixture(autouse=True)
def _run_from_the_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).parents[1])
