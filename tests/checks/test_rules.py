"""The work-cycle rule and behaviour across rules, on hand-built models (every other rule is
tested from YAML in its own tests/rules/test_<rule>.py)."""

from __future__ import annotations

from collections.abc import Iterable

from clientchain.checks import CheckOptions, Finding, run_checks
from clientchain.graph import build_graph
from clientchain.model import (
    Chain,
    ChecksConfig,
    Department,
    ExternalParty,
    Handoff,
    Location,
    Organization,
    Step,
)

SPOF = "single-point-of-failure"


def make_org(
    depts: Iterable[str] = ("a", "b"),
    handoffs: Iterable[Handoff] = (),
    clients: Iterable[str] = ("z",),
    suppliers: Iterable[str] = ("s",),
    chains: Iterable[tuple[str, ...]] = (("s", "a", "b", "z"),),
    checks: ChecksConfig | None = None,
) -> Organization:
    """An org whose chains are given as paths (supplier?, steps…, client), demand 10."""
    ids = list(depts)
    parties = {*clients, *suppliers}
    chain_map = {}
    for number, path in enumerate(chains):
        supplier = path[0] if path[0] in parties else None
        steps = tuple(Step(d, 1.0) for d in path[1 if supplier else 0 : -1])
        chain_map[f"c{number}"] = Chain(
            f"c{number}",
            f"Chain {number}",
            path[-1],
            10.0,
            steps,
            supplier,
            location=Location(90, 3),
        )
    return Organization(
        name="Test",
        departments={
            d: Department(d, d.upper(), location=Location(i + 2, 3)) for i, d in enumerate(ids)
        },
        clients={
            c: ExternalParty(c, f"Client {c}", "client", location=Location(20, 3)) for c in clients
        },
        suppliers={
            s: ExternalParty(s, f"Sup {s}", "supplier", location=Location(30, 3)) for s in suppliers
        },
        handoffs=tuple(handoffs),
        chains=chain_map,
        checks=checks or ChecksConfig(),
        source="org.yaml",
    )


def healthy_handoffs() -> tuple[Handoff, ...]:
    return (
        Handoff("a", "b", deliverable="Textos", satisfaction=4.0, location=Location(40, 5)),
        Handoff("b", "a", deliverable="Comentarios", type="feedback", location=Location(41, 5)),
    )


def findings(org: Organization, rule: str | None = None) -> list[Finding]:
    options = CheckOptions(select=(rule,)) if rule else None
    return run_checks(org, build_graph(org), options)


def rules_fired(org: Organization) -> list[tuple[str, str]]:
    return [(f.rule, f.subject) for f in findings(org)]


def test_healthy_org_has_only_spof_info() -> None:
    org = make_org(handoffs=healthy_handoffs())
    assert rules_fired(org) == [(SPOF, "a"), (SPOF, "b")]


def test_work_cycle_lists_members_in_cycle_order() -> None:
    # a → b → c → a, and b ⇄ d in the same component; the feedback b ⇢ a is not work
    handoffs = (
        Handoff("b", "c", deliverable="x"),
        Handoff("c", "a", deliverable="x"),
        Handoff("b", "d", deliverable="x"),
        Handoff("d", "b", deliverable="x"),
    )
    org = make_org(depts=("a", "b", "c", "d"), handoffs=handoffs)
    [cycle] = findings(org, "work-cycle")
    assert cycle.subject == "a"
    assert cycle.message == (
        "Work handoffs form a loop that no chain walks: A (a) → B (b) → C (c) → A (a)"
        " (the loop also involves D (d)). If b → c or c → a only returns comments or approval,"
        " declare it `type: feedback`."
    )


def test_one_finding_per_cycle_component() -> None:
    handoffs = (
        Handoff("b", "a", deliverable="x"),
        Handoff("d", "c", deliverable="x"),
        Handoff("c", "d", deliverable="x"),
    )
    org = make_org(depts=("a", "b", "c", "d"), handoffs=handoffs, chains=[("s", "a", "b", "z")])
    cycles = findings(org, "work-cycle")
    assert [f.subject for f in cycles] == ["a", "c"]
    assert cycles[1].message == (
        "Work handoffs form a loop that no chain walks: C (c) → D (d) → C (c)."
        " If c → d or d → c only returns comments or approval, declare it `type: feedback`."
    )


def test_feedback_loops_are_not_work_cycles() -> None:
    assert findings(make_org(handoffs=healthy_handoffs()), "work-cycle") == []


def test_findings_sorted_by_position_then_rule() -> None:
    org = make_org(
        depts=("a", "b", "lonely"), handoffs=(Handoff("a", "b", location=Location(40, 5)),)
    )
    result = findings(org)
    assert result == sorted(result, key=lambda f: (f.file, f.line, f.column, f.rule))
    assert [(f.line, f.rule) for f in result] == [
        (2, SPOF),
        (3, "no-feedback"),
        (3, SPOF),
        (4, "isolated"),
        (40, "missing-deliverable"),
    ]
