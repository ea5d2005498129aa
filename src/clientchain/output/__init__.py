"""Formatters: pure functions from a result object to a string, and atomic file writes.

One module per command family, holding its plain formats (text and JSON), and a
``<family>_rich`` sibling for the terminal (rich is a heavy import, loaded only there):

* :mod:`~clientchain.output.overview` / :mod:`~clientchain.output.overview_rich`: ``map``, ``who``;
* :mod:`~clientchain.output.check` / :mod:`~clientchain.output.check_rich`: ``check``, and its CI
  formats :mod:`~clientchain.output.check_github`, :mod:`~clientchain.output.check_sarif`,
  :mod:`~clientchain.output.check_junit`;
* :mod:`~clientchain.output.flow` / :mod:`~clientchain.output.flow_rich`: ``bottlenecks``,
  ``chains``, ``simulate``;
* :mod:`~clientchain.output.diff`, :mod:`~clientchain.output.discover`;
* :mod:`~clientchain.output.common` / :mod:`~clientchain.output.rich_common`: what several
  families share (node lists, positions, :func:`~clientchain.output.common.dumps`; rendering);
* :mod:`~clientchain.output.limits`: the words for a flow's limits;
* :mod:`~clientchain.output.reports`: the result objects they render;
* :mod:`~clientchain.output.files`: :func:`~clientchain.output.files.write_atomic`.

Every word a person reads leaves through the catalog (:mod:`clientchain.i18n`), enumerated
values through :func:`clientchain.terms.term` and numbers through :mod:`clientchain.numbers`,
so ``--lang es`` writes the same outputs in Spanish. JSON does not change with the language:
its keys and enum values are the machine contract, and the sentences this package puts in it
(``diff``'s regressions) are written in English.

Nothing is imported here so that each command loads only what it uses.
"""
