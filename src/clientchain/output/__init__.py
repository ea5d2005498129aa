"""Formatters: pure functions from a result object to a string, and atomic file writes.

* :mod:`~clientchain.output.text`: plain, stable text (pipes, files, ``--no-color``);
* :mod:`~clientchain.output.rich_text`: tables and colour for a terminal;
* :mod:`~clientchain.output.json`: the ``--format json`` documents;
* :mod:`~clientchain.output.reports`: the result objects they render;
* :mod:`~clientchain.output.files`: :func:`~clientchain.output.files.write_atomic`.

Nothing is imported here so that each command loads only what it uses.
"""
