"""What the report shows: :func:`build_report` collects the overview (who serves whom,
findings), the flow analysis and the diagrams into a :class:`ReportData`, which
:func:`~clientchain.render.html.report_html` and
:func:`~clientchain.render.markdown.report_markdown` write down.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import networkx as nx

from clientchain._version import __version__
from clientchain.analysis.flow import FlowReport, analyze_flow
from clientchain.model import Organization
from clientchain.output.reports import Overview, build_overview
from clientchain.render.diagrams import render_diagram
from clientchain.render.engine import Engine
from clientchain.render.scene import Diagram
from clientchain.render.views import DiagramOptions, build_diagram

__all__ = ["Figure", "ReportData", "build_report", "inline_svg"]


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
