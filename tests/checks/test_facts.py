"""A check run computes each fact its rules ask for once and passes it to them explicitly."""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator

import networkx as nx
import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.checks import CheckOptions, run_checks
from clientchain.checks import facts as facts_module
from clientchain.checks.base import Finding, Rule, Severity
from clientchain.checks.registry import RULES
from clientchain.graph import build_graph
from clientchain.loading import load_text
from clientchain.model import Organization

# a: 10 units × 5 h = 50 h of 40 h (one person × 40 h) = 125%: overloaded, and over takt
# (takt = 40 h / 10 units = 4 h per unit < 5 h of effort).
ORG = """\
version: 1
departments: {a: {}}
clients: {shop: {}}
chains: {c: {client: shop, demand: 10, steps: [{department: a, effort: 5h}]}}
"""


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Organization]:
    """Every organization the ``flow`` fact is computed for."""
    calls: list[Organization] = []
    compute: Callable[[Organization, nx.DiGraph], object] = facts_module.FACTS["flow"]

    def counting(org: Organization, graph: nx.DiGraph) -> object:
        calls.append(org)
        return compute(org, graph)

    monkeypatch.setitem(facts_module.FACTS, "flow", counting)  # type: ignore[index]
    return calls


def test_the_rules_that_read_the_flow_analysis_ask_for_it() -> None:
    asking = sorted(rule.id for rule in RULES.values() if "flow" in rule.facts)
    assert asking == ["low-quality", "near-capacity", "over-takt", "overloaded"]


def test_one_check_run_computes_the_flow_analysis_once(counted: list[Organization]) -> None:
    org = load_text(ORG, "org.yaml")
    findings = run_checks(org, build_graph(org))
    assert {"overloaded", "over-takt"} <= {f.rule for f in findings}
    assert counted == [org]  # four rules read it; computed once


def test_a_flow_analysis_the_caller_has_is_passed_on(counted: list[Organization]) -> None:
    org = load_text(ORG, "org.yaml")
    flow = analyze_flow(org)
    findings = run_checks(org, build_graph(org), flow=flow)
    overloaded = [f.message for f in findings if f.rule == "overloaded"]
    assert overloaded == [
        "Department a is overloaded: 50 h of work per week against a capacity of 40 h "
        "(utilization 125%)."
    ]
    assert counted == []  # not computed again


def test_no_flow_analysis_when_no_selected_rule_reads_it(counted: list[Organization]) -> None:
    org = load_text(ORG, "org.yaml")
    run_checks(org, build_graph(org), CheckOptions(select=("isolated",)))
    assert counted == []


def test_a_rule_asking_for_an_unknown_fact_is_refused() -> None:
    def check(org: Organization, graph: nx.DiGraph, *, weather: object) -> Iterator[Finding]:
        yield from ()

    module = types.ModuleType("clientchain.checks.fake", "A fake rule.\n\nIt asks for weather.")
    module.ID, module.SEVERITY, module.check = "fake", Severity.INFO, check  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match=r"asks for unknown facts \['weather'\]"):
        Rule.from_module(module)
