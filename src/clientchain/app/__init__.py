"""The use cases: what each command does, between the command line and the formatters.

A use case loads what it needs, runs the analyses and rules, and returns a result
object (:mod:`clientchain.output.reports`, :mod:`clientchain.render.written`) or
writes a document to a path; it never prints and never parses command-line syntax.
``cli`` calls one use case per command and picks a formatter for its result.

- :mod:`~clientchain.app.check`: check a set of files (``clientchain check``).
- :mod:`~clientchain.app.overview`: the overview of one organization (``map``).
- :mod:`~clientchain.app.diagram`, :mod:`~clientchain.app.report`,
  :mod:`~clientchain.app.slides`: a diagram, the report or the slides written to a path.
"""
