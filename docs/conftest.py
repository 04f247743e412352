"""pytest collects docs/*.rst for doctests; the Sphinx helpers are not tests."""

collect_ignore = ["conf.py", "check_html.py"]
collect_ignore_glob = ["_ext/*"]
