"""Rules that lint an org file (SPEC §4), the way a linter checks code.

Each rule is one module with ``ID``, ``SEVERITY``, a docstring and
``check(org, graph) -> Iterator[Finding]`` (see :mod:`clientchain.checks.base`;
the analyses a rule needs are computed once per run, :mod:`clientchain.checks.facts`);
:data:`RULES` is the explicit registry and :func:`run_checks` runs the rules
selected by the org file's ``checks:`` section and :class:`CheckOptions`
(precedence in :mod:`clientchain.checks.config`).

Examples
--------
>>> from clientchain.graph import build_graph
>>> from clientchain.model import Department, Organization
>>> org = Organization("Tiny", {"a": Department("a", "Alfa")}, source="org.yaml")
>>> [(f.rule, str(f.severity), f.subject) for f in run_checks(org, build_graph(org))]
[('isolated', 'warning', 'a')]
>>> run_checks(org, build_graph(org), CheckOptions(ignore=("isolated",)))
[]
"""

from __future__ import annotations

from dataclasses import replace

import networkx as nx

from clientchain.analysis.flow import FlowReport
from clientchain.checks.base import Finding, Rule, Severity
from clientchain.checks.config import CheckOptions, Plan, plan_checks
from clientchain.checks.facts import gather
from clientchain.checks.registry import RULES
from clientchain.graph import build_graph
from clientchain.model import Organization

__all__ = [
    "RULES",
    "CheckOptions",
    "Finding",
    "Rule",
    "Severity",
    "check_org",
    "run_checks",
    "run_plan",
]


def run_checks(
    org: Organization,
    graph: nx.DiGraph,
    options: CheckOptions | None = None,
    *,
    flow: FlowReport | None = None,
) -> list[Finding]:
    """Run the selected rules on ``org`` and its graph.

    Parameters
    ----------
    org : Organization
        The organization; ``org.checks`` configures thresholds and selection.
    graph : networkx.DiGraph
        ``clientchain.graph.build_graph(org)``.
    options : CheckOptions, optional
        Selection and severity overrides from the command line; they take
        precedence over ``org.checks``.
    flow : FlowReport, optional
        ``analyze_flow(org)``, when the caller has it already; computed (once)
        when a selected rule needs it and it is not given.

    Returns
    -------
    list of Finding
        Sorted by file, line, column and rule (then subject and message), each
        with its effective severity.

    Raises
    ------
    InputError
        ``org.checks`` names an unknown rule or severity.
    UsageError
        ``options`` names an unknown rule or severity.
    """
    return run_plan(org, graph, plan_checks(org, options), flow=flow)


def run_plan(
    org: Organization, graph: nx.DiGraph, plan: Plan, *, flow: FlowReport | None = None
) -> list[Finding]:
    """Run the rules of ``plan`` (from :func:`~clientchain.checks.config.plan_checks`),
    sorted as :func:`run_checks` sorts them; for callers that also need the plan. The
    facts the rules ask for are computed once (``flow`` is taken when given)."""
    facts = gather(org, graph, (name for rule in plan.rules for name in rule.facts), {"flow": flow})
    findings: list[Finding] = []
    for rule in plan.rules:
        severity = plan.severity[rule.id]
        given = {name: facts[name] for name in rule.facts}
        findings.extend(
            item if item.severity is severity else replace(item, severity=severity)
            for item in rule.check(org, graph, **given)
            if plan.keeps(item)  # the entity's own `ignore: [rule…]`
        )
    return sorted(findings, key=Finding.sort_key)


def check_org(org: Organization, flow: FlowReport | None = None) -> list[Finding]:
    """The findings of ``org`` as its ``checks:`` section configures the rules
    (``run_checks`` on its graph, without command-line options; ``flow`` when the
    caller has the analysis already)."""
    return run_checks(org, build_graph(org), flow=flow)
