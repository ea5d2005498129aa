"""The report written to a path (``clientchain report``): HTML or Markdown."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import networkx as nx

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.simulation_result import SimulationReport
from clientchain.analysis.sipoc import sipoc
from clientchain.app.overview import build_overview
from clientchain.app.summary import build_summary
from clientchain.app.survey import survey_report
from clientchain.model import Organization
from clientchain.output.files import write_atomic
from clientchain.render.aspect import fit_drawing
from clientchain.render.charts import chart_set
from clientchain.render.diagrams import render_diagram
from clientchain.render.distribution_chart import distribution_charts
from clientchain.render.engine import Engine
from clientchain.render.report import report_format, report_text
from clientchain.render.report_data import Figure, ReportData, inline_svg
from clientchain.render.views import DiagramOptions, build_diagram
from clientchain.render.vsm import build_vsm
from clientchain.render.vsm_write import vsm_svg
from clientchain.render.written import Written
from clientchain.trend.result import TrendResult

__all__ = ["build_report", "write_report"]


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
        if svg and view.startswith("chain:"):  # each chain as a value-stream map
            scene = build_vsm(org, flow, view.partition(":")[2], options.theme)
            figures.append(Figure(diagram, inline_svg(vsm_svg(scene))))
            continue
        if svg:  # labels apart (a label moved under the title joins the caption)
            diagram = fit_drawing(diagram, "svg", None, engine)
        # the report says the title in a heading and the caption under the drawing: not in the SVG
        bare = replace(diagram, title="", caption=())
        text = render_diagram(bare, "svg", engine).data.decode("utf-8") if svg else ""
        figures.append(Figure(diagram, inline_svg(text)))
    overview = build_overview(org, graph, flow=flow)
    executive = build_summary(org, graph, flow=flow)
    charts = chart_set(org, graph, flow, options.theme) if svg else ()
    sipocs = tuple(sipoc(org, graph, flow, dept) for dept in org.departments)
    return ReportData(
        overview,
        flow,
        figures[0],
        tuple(figures[1:]),
        executive=executive,
        charts=charts,
        sipocs=sipocs,
    )


def write_report(
    org: Organization,
    graph: nx.DiGraph,
    output: str | Path,
    options: DiagramOptions | None = None,
    engine: Engine | None = None,
    *,
    survey: str | Path | None = None,
    min_responses: int = 3,
    trend: TrendResult | None = None,
    simulation: SimulationReport | None = None,
) -> Written:
    """Write the report to ``output``: ``.html`` (self-contained) or ``.md`` (Mermaid); with
    ``survey``, a file of internal-customer survey answers, its section after quality and
    satisfaction (pairs below ``min_responses`` show only their count); with ``trend``
    (:func:`clientchain.app.trend.build_trend`), its section at the end (line charts as
    inline SVG in HTML, as Mermaid in Markdown); with ``simulation``
    (:func:`clientchain.analysis.simulation.simulate_flow`), each chain's simulated lead-time
    distribution after the lead-time table.

    Raises
    ------
    UsageError
        ``output`` has another extension; a bad threshold.
    SurveyError, InputError
        The survey cannot be read, or its answers are wrong (located); nothing is written.
    RenderError
        HTML only: no engine to lay out the SVG, or the engine failed.
    """
    fmt = report_format(output)
    surveyed = None if survey is None else survey_report(survey, org, min_responses=min_responses)
    data = build_report(org, graph, options or DiagramOptions(), svg=fmt == "html", engine=engine)
    data = replace(data, survey=surveyed, trend=trend)
    if simulation is not None:
        charts = distribution_charts(org, simulation, data.figure.diagram.theme)
        data = replace(data, simulation=simulation, distributions=charts)
    write_atomic(output, report_text(data, fmt))
    figures = (data.figure, *data.chain_figures)
    counts = {"diagrams": len(figures), "findings": len(data.overview.findings)}
    warnings = tuple(w for f in figures for w in f.diagram.warnings)
    used = None if fmt == "md" else (engine or "graphviz-pure")
    return Written(str(output), fmt, used, counts, warnings)
