"""What the report shows: the overview (who serves whom, findings), the flow analysis and
the diagrams in one :class:`ReportData` (built by
:func:`clientchain.app.report.build_report`), which
:func:`~clientchain.render.html.report_html` and
:func:`~clientchain.render.markdown.report_markdown` write down.
"""

from __future__ import annotations

from dataclasses import dataclass

from clientchain._version import __version__
from clientchain.analysis.flow import FlowReport
from clientchain.analysis.simulation_result import SimulationReport
from clientchain.analysis.sipoc import Sipoc
from clientchain.analysis.summary import Summary
from clientchain.model import Organization
from clientchain.output.reports import Overview
from clientchain.output.survey import SurveyReport
from clientchain.render.charts import BarChart, MatrixChart
from clientchain.render.distribution_chart import DistributionChart
from clientchain.render.scene import Diagram
from clientchain.trend.result import TrendResult

__all__ = ["Figure", "ReportData", "executive_sentences", "inline_svg"]


@dataclass(frozen=True, slots=True)
class Figure:
    """A diagram of the report and, for HTML, its SVG (``svg`` is empty for Markdown)."""

    diagram: Diagram
    svg: str = ""


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the report shows: overview, flow, the overview and chain figures, charts."""

    overview: Overview
    flow: FlowReport
    figure: Figure
    chain_figures: tuple[Figure, ...]
    version: str = __version__
    executive: Summary | None = None
    """The executive summary that opens the report (``None``: the report has none)."""
    charts: tuple[BarChart | MatrixChart, ...] = ()
    """The charts (:func:`~clientchain.render.charts.chart_set`); HTML draws them."""
    sipocs: tuple[Sipoc, ...] = ()
    """Each department's SIPOC (:func:`~clientchain.analysis.sipoc.sipoc`), in file order."""
    survey: SurveyReport | None = None
    """The internal-customer survey (``report --survey``), after quality and satisfaction."""
    trend: TrendResult | None = None
    """The series of the org file's versions (``report --trend``), at the end."""
    simulation: SimulationReport | None = None
    """The simulation (``report --simulate``): its section after the lead-time table."""
    distributions: tuple[DistributionChart, ...] = ()
    """Each chain's simulated lead-time histogram (with ``simulation``)."""

    @property
    def org(self) -> Organization:
        """The organization reported on."""
        return self.overview.org


def executive_sentences(data: ReportData) -> list[str]:
    """The executive summary's sentences, best first (none without a summary)."""
    from clientchain.output.summary import summary_sentences

    return [] if data.executive is None else summary_sentences(data.org, data.executive)


def inline_svg(svg: str) -> str:
    """The ``<svg>`` element of an SVG document: no XML declaration, doctype or comments before it.

    >>> inline_svg('<?xml version="1.0"?>\\n<!DOCTYPE svg>\\n<!-- x -->\\n<svg a="1"></svg>\\n')
    '<svg a="1"></svg>'
    """
    start = svg.find("<svg")
    return svg[start:].strip() if start >= 0 else ""
