"""The overview of one organization, as ``clientchain map`` shows it."""

from __future__ import annotations

import networkx as nx

from clientchain.analysis.flow import FlowReport, analyze_flow
from clientchain.analysis.structure import who_all
from clientchain.checks import run_checks
from clientchain.model import Organization
from clientchain.output.reports import Overview

__all__ = ["build_overview"]


def build_overview(
    org: Organization, graph: nx.DiGraph, *, reach: bool = True, flow: FlowReport | None = None
) -> Overview:
    """Who serves whom, utilization and lead times, and every finding (``checks:`` applied).

    ``reach=False`` leaves every department's up- and downstream lists empty
    (see :func:`~clientchain.analysis.structure.who_all`) for outputs that do not show them.
    The flow analysis is computed once (or taken from ``flow``) and handed to the rules.
    """
    flow = flow or analyze_flow(org)
    return Overview(
        org=org,
        handoffs=graph.number_of_edges(),
        departments=tuple(who_all(org, graph, reach=reach)),
        findings=tuple(run_checks(org, graph, None, flow=flow)),
        flow=flow,
    )
