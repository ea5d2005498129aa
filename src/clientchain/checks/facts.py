"""What a check run computes once and hands to the rules that ask for it.

A rule asks for a fact by naming it as a keyword-only parameter of its
``check``: ``def check(org, graph, *, flow: FlowReport)``. :func:`gather`
computes each fact the selected rules ask for once per run (or takes the one a
caller already has), and :func:`~clientchain.checks.run_checks` passes it; no
rule reaches for an analysis on its own.

>>> from clientchain.graph import build_graph
>>> from clientchain.model import Department, Organization
>>> org = Organization("Tiny", {"a": Department("a", "Alfa")})
>>> facts = gather(org, build_graph(org), ["flow", "flow"])
>>> list(facts), facts["flow"].departments["a"].utilization
(['flow'], 0.0)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import networkx as nx

from clientchain.analysis.flow import analyze_flow
from clientchain.model import Organization

__all__ = ["FACTS", "gather"]

FACTS: Mapping[str, Callable[[Organization, nx.DiGraph], object]] = {
    "flow": lambda org, _graph: analyze_flow(org),  # FlowReport: load, utilization, takt
}
"""Each fact a rule may ask for, by parameter name, and how it is computed."""


def gather(
    org: Organization,
    graph: nx.DiGraph,
    wanted: Iterable[str],
    known: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """The facts named in ``wanted``, each computed once; ``known`` ones are taken as given."""
    facts: dict[str, object] = {}
    for name in wanted:
        if name not in facts:
            given = (known or {}).get(name)
            facts[name] = FACTS[name](org, graph) if given is None else given
    return facts
