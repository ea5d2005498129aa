"""``clientchain report``: gather what the report shows, then write it as HTML or Markdown.

:func:`build_report` collects the overview (who serves whom, findings), the flow
analysis and the diagrams; :func:`~clientchain.render.html.report_html` and
:func:`~clientchain.render.markdown.report_markdown` write it down. The HTML
report embeds the diagrams as inline SVG laid out by the engine; the Markdown
report embeds them as Mermaid, which GitHub and GitLab draw.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx

from clientchain._version import __version__
from clientchain.analysis.flow import FlowReport, analyze_flow
from clientchain.errors import UsageError
from clientchain.model import Organization
from clientchain.output.files import write_atomic
from clientchain.output.reports import Overview, build_overview
from clientchain.render.diagrams import render_diagram
from clientchain.render.engine import Engine
from clientchain.render.scene import Diagram
from clientchain.render.views import DiagramOptions, build_diagram
from clientchain.render.written import Written

__all__ = ["REPORT_FORMATS", "Figure", "ReportData", "build_report", "write_report"]

REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


@dataclass(frozen=True, slots=True)
class Figure:
    """A diagram of the report and, for HTML, its SVG (``svg`` is empty for Markdown)."""

    diagram: Diagram
    svg: str = ""


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the report shows: overview, flow, the overview and chain figures."""

    overview: Overview
    flow: FlowReport
    figure: Figure
    chain_figures: tuple[Figure, ...]
    version: str = __version__

    @property
    def org(self) -> Organization:
        """The organization reported on."""
        return self.overview.org


def build_report(
    org: Organization,
    graph: nx.DiGraph,
    options: DiagramOptions,
    *,
    svg: bool = True,
    engine: Engine | None = None,
) -> ReportData:
    """The report's content; with ``svg`` each figure is laid out to SVG by the engine."""
    flow = analyze_flow(org)
    views = ["org", *(f"chain:{chain_id}" for chain_id in org.chains)]
    figures = []
    for view in views:
        diagram = build_diagram(org, graph, flow, replace(options, view=view))
        text = render_diagram(diagram, "svg", engine).data.decode("utf-8") if svg else ""
        figures.append(Figure(diagram, inline_svg(text)))
    return ReportData(build_overview(org, graph), flow, figures[0], tuple(figures[1:]))


def inline_svg(svg: str) -> str:
    """The ``<svg>`` element of an SVG document: no XML declaration, doctype or comments before it.

    >>> inline_svg('<?xml version="1.0"?>\\n<!DOCTYPE svg>\\n<!-- x -->\\n<svg a="1"></svg>\\n')
    '<svg a="1"></svg>'
    """
    start = svg.find("<svg")
    return svg[start:].strip() if start >= 0 else ""


def write_report(
    org: Organization,
    graph: nx.DiGraph,
    output: str | Path,
    options: DiagramOptions | None = None,
    engine: Engine | None = None,
) -> Written:
    """Write the report to ``output``: ``.html`` (self-contained) or ``.md`` (Mermaid).

    Raises
    ------
    UsageError
        ``output`` has another extension.
    RenderError
        HTML only: no engine to lay out the SVG, or the engine failed.
    """
    from clientchain.render.html import report_html
    from clientchain.render.markdown import report_markdown

    suffix = Path(output).suffix.lower()
    if suffix not in REPORT_FORMATS:
        raise UsageError(f"a report is .html or .md, not {str(output)!r}")
    fmt = REPORT_FORMATS[suffix]
    data = build_report(org, graph, options or DiagramOptions(), svg=fmt == "html", engine=engine)
    text = report_html(data) if fmt == "html" else report_markdown(data)
    write_atomic(output, text)
    figures = (data.figure, *data.chain_figures)
    counts = {"diagrams": len(figures), "findings": len(data.overview.findings)}
    warnings = tuple(w for f in figures for w in f.diagram.warnings)
    used = None if fmt == "md" else (engine or "graphviz-pure")
    return Written(str(output), fmt, used, counts, warnings)
