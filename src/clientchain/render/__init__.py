"""Diagrams and deliverables: DOT, Mermaid, SVG/PNG/PDF, the HTML and Markdown report, slides.

Layer: above :mod:`clientchain.output` (it writes files with
:func:`clientchain.output.files.write_atomic` and reuses the overview), below the
CLI. Nothing here computes a metric: numbers come from
:mod:`clientchain.analysis.flow` and :mod:`clientchain.analysis.structure`.
Only :mod:`clientchain.render.engine` runs a Graphviz engine.
"""

__all__: list[str] = []
