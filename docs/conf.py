"""Sphinx configuration for the trendcalc docs.

Built with warnings as errors and nitpicky references:
``sphinx-build -n -W --keep-going -b html docs docs/_build/html``. Nothing here fetches
from the network (no intersphinx): links to the Python, numpy and matplotlib docs come
from the small table ``EXTERNAL`` below, so the build works offline. Charts are drawn
while the docs build (``.. plot::``); no picture is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import trendcalc

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "trendcalc"
author = "trendcalc developers"
copyright = "2026, trendcalc developers"
release = trendcalc.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.viewcode",  # the [source] links
    "numpydoc",
    "matplotlib.sphinxext.plot_directive",  # charts drawn from code at build time
    "sphinx_copybutton",
    "myst_parser",  # CHANGELOG.md
    "trendcalc_docs",  # docs/_ext: the story-report table
]

nitpicky = True  # every reference must resolve, also where the build runs without -n
templates_path = ["_templates"]
exclude_patterns = ["_build"]
html_theme = "furo"
html_static_path = ["_static"]
html_css_files = ["trendcalc.css"]
html_title = f"trendcalc {release}"
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}

autosummary_generate = True
autodoc_typehints = "none"  # types are in the numpydoc Parameters and Returns sections
autodoc_member_order = "bysource"
# Class pages list their documented members (methods and properties) through the
# autosummary template docs/_templates/autosummary/class.rst; numpydoc's own member
# tables would list every attrs field a second time, without text.
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_attributes_as_param_list = True
numpydoc_validation_checks: set[str] = set()

# Types in Parameters/Returns/Raises become links. Every name below resolves either to a
# page of this site or, through ``EXTERNAL``, to the Python/numpy/matplotlib docs; a
# word in ``numpydoc_xref_ignore`` stays plain text; any other word fails the nitpicky
# build, so a new type in a docstring needs an alias here (or a word to ignore).
numpydoc_xref_param_type = True
numpydoc_xref_ignore = {
    *("of", "or", "and", "a", "an", "the", "with", "each", "any", "like", "in", "for", "to"),
    *("optional", "default", "shape", "one", "per", "same", "length", "keyword", "only"),
    *("label", "labels", "event", "events", "column", "columns", "row", "rows", "dates"),
    *("groups", "periods", "counts", "values", "names", "float64", "int64", "1-D", "2-D"),
    *("datetime64", "dask", "Series", "Array", "DataFrame"),  # "dask Series or ..."
    *("frame", "group", "tuples", "count", "period", "them", "months", "pair"),
}
numpydoc_xref_aliases = {name: f"trendcalc.{name}" for name in trendcalc.__all__} | {
    "Fraction": "fractions.Fraction",
    "Decimal": "decimal.Decimal",
    # builtins go through "builtins." so that numpydoc makes them links too
    **{
        b: f"builtins.{b}"
        for b in ("int", "float", "str", "bool", "tuple", "list", "dict", "set", "range")
    },
    "object": "builtins.object",
    "iterable": "collections.abc.Iterable",
    "callable": "collections.abc.Callable",
    **{c: f"builtins.{c}" for c in ("None", "True", "False")},
    "number": "numbers.Number",
    "sequence": "collections.abc.Sequence",
    "mapping": "collections.abc.Mapping",
    "array": "numpy.ndarray",
    "array_like": "numpy.typing.ArrayLike",
    "numpy.ndarray": "numpy.ndarray",
    "datetime.date": "datetime.date",
    "pathlib.Path": "pathlib.Path",
    "matplotlib.axes.Axes": "matplotlib.axes.Axes",
    "dask.delayed.Delayed": "dask.delayed.Delayed",
}

_PY = "https://docs.python.org/3/library/"
#: Where names outside trendcalc are documented (used instead of intersphinx).
EXTERNAL = {
    "int": _PY + "functions.html#int",
    "float": _PY + "functions.html#float",
    "bool": _PY + "functions.html#bool",
    "round": _PY + "functions.html#round",
    "str": _PY + "stdtypes.html#str",
    "tuple": _PY + "stdtypes.html#tuple",
    "list": _PY + "stdtypes.html#list",
    "set": _PY + "stdtypes.html#set",
    "object": _PY + "functions.html#object",
    "dict": _PY + "stdtypes.html#dict",
    "range": _PY + "stdtypes.html#range",
    "None": _PY + "constants.html#None",
    "True": _PY + "constants.html#True",
    "False": _PY + "constants.html#False",
    "decimal": _PY + "decimal.html",
    "fractions": _PY + "fractions.html",
    "ValueError": _PY + "exceptions.html#ValueError",
    "ZeroDivisionError": _PY + "exceptions.html#ZeroDivisionError",
    "fractions.Fraction": _PY + "fractions.html#fractions.Fraction",
    "decimal.Decimal": _PY + "decimal.html#decimal.Decimal",
    "decimal.ROUND_HALF_UP": _PY + "decimal.html#decimal.ROUND_HALF_UP",
    "decimal.ROUND_HALF_EVEN": _PY + "decimal.html#decimal.ROUND_HALF_EVEN",
    "datetime.date": _PY + "datetime.html#datetime.date",
    "pathlib.Path": _PY + "pathlib.html#pathlib.Path",
    "numbers.Number": _PY + "numbers.html#numbers.Number",
    "collections.abc.Sequence": _PY + "collections.abc.html#collections.abc.Sequence",
    "collections.abc.Mapping": _PY + "collections.abc.html#collections.abc.Mapping",
    "collections.abc.Iterable": _PY + "collections.abc.html#collections.abc.Iterable",
    "collections.abc.Callable": _PY + "collections.abc.html#collections.abc.Callable",
    "typing.Literal": _PY + "typing.html#typing.Literal",
    "numpy.ndarray": "https://numpy.org/doc/stable/reference/generated/numpy.ndarray.html",
    "numpy.typing.ArrayLike": "https://numpy.org/doc/stable/glossary.html#term-array_like",
    "numpy.round": "https://numpy.org/doc/stable/reference/generated/numpy.round.html",
    "numpy.bincount": "https://numpy.org/doc/stable/reference/generated/numpy.bincount.html",
    "numpy.datetime64": "https://numpy.org/doc/stable/reference/arrays.scalars.html#numpy.datetime64",
    "numpy.dtype": "https://numpy.org/doc/stable/reference/generated/numpy.dtype.html",
    "matplotlib.axes.Axes": "https://matplotlib.org/stable/api/_as_gen/matplotlib.axes.Axes.html",
    "matplotlib.figure.Figure": (
        "https://matplotlib.org/stable/api/_as_gen/matplotlib.figure.Figure.html"
    ),
    "pandas.DataFrame": "https://pandas.pydata.org/docs/reference/api/pandas.DataFrame.html",
    "pandas.Series": "https://pandas.pydata.org/docs/reference/api/pandas.Series.html",
    "polars.DataFrame": "https://docs.pola.rs/api/python/stable/reference/dataframe/index.html",
    "polars.Series": "https://docs.pola.rs/api/python/stable/reference/series/index.html",
    "dask.delayed.Delayed": "https://docs.dask.org/en/stable/delayed-api.html",
    "pyarrow.Table": "https://arrow.apache.org/docs/python/generated/pyarrow.Table.html",
}


def _external_reference(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a Python reference to a name in ``EXTERNAL`` as a link to its docs."""
    from docutils import nodes

    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"].removeprefix("python:").removeprefix("builtins.")
    url = EXTERNAL.get(target)
    if url is None:
        return None
    reference = nodes.reference("", "", internal=False, refuri=url, reftitle=target)
    reference += contnode
    return reference


# Charts: ``.. plot::`` runs its code when the docs build and shows the PNG it draws.
plot_include_source = True
plot_working_directory = str(Path(__file__).resolve().parents[1])  # sample data paths from the root
plot_html_show_source_link = False
plot_html_show_formats = False
plot_formats = [("png", 110)]
plot_rcparams = {"savefig.bbox": "tight"}

# The copy button copies commands and code without the ">>> ", "... " and "$ " prompts,
# and without the output lines of a doctest.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_exclude = ".linenos"  # prompts and output are dropped by the pattern above

myst_heading_anchors = 2


def setup(app: Any) -> None:
    app.connect("missing-reference", _external_reference)
