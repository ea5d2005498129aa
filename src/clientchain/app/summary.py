"""The executive summary of one organization (``clientchain summary``; it also opens the
report and the deck)."""

from __future__ import annotations

import networkx as nx

from clientchain.analysis.flow import FlowReport
from clientchain.analysis.summary import DEFAULT_TOP, Summary, summarize
from clientchain.model import Organization

__all__ = ["build_summary"]


def build_summary(
    org: Organization,
    graph: nx.DiGraph,
    *,
    top: int = DEFAULT_TOP,
    flow: FlowReport | None = None,
) -> Summary:
    """The ``top`` findings that matter most, ranked by the effect of their action
    (:func:`~clientchain.analysis.summary.summarize`); ``flow`` when already computed."""
    return summarize(org, graph, top=top, flow=flow)
