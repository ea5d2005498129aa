"""Each rule of SPEC §4 firing, and not firing."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from clientchain.checks import CheckOptions, Finding, Severity, run_checks
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


def test_isolated_nodes_and_nothing_else_for_them() -> None:
    org = make_org(
        depts=("a", "b", "lonely"),
        clients=("z", "gone"),
        suppliers=("s", "idle"),
        handoffs=healthy_handoffs(),
    )
    isolated = [f for f in findings(org) if f.subject in {"lonely", "gone", "idle"}]
    assert [(f.rule, f.subject) for f in isolated] == [
        ("isolated", "lonely"),
        ("isolated", "gone"),
        ("isolated", "idle"),
    ]
    assert isolated[0].message == (
        "Department LONELY (lonely) has no handoffs at all: "
        "nothing reaches it and it hands nothing over."
    )
    assert isolated[1].message.startswith("External client Client gone (gone) has no handoffs")
    assert isolated[2].message.startswith("External supplier Sup idle (idle)")


def test_orphan_department_with_work_going_nowhere() -> None:
    # c receives work from a but hands nothing onward
    handoffs = (*healthy_handoffs(), Handoff("a", "c", deliverable="Copias"))
    org = make_org(depts=("a", "b", "c"), handoffs=handoffs)
    [orphan] = findings(org, "orphan-department")
    assert (orphan.subject, orphan.line, orphan.column) == ("c", 4, 3)
    assert orphan.message == "Department C (c) has no work path to any external client."
    assert orphan.severity is Severity.WARNING
    assert orphan.file == "org.yaml"


def test_information_only_department_is_orphan() -> None:
    handoffs = (*healthy_handoffs(), Handoff("x", "a", type="information", deliverable="Informe"))
    org = make_org(depts=("a", "b", "x"), handoffs=handoffs)
    assert [f.subject for f in findings(org, "orphan-department")] == ["x"]


def test_no_orphan_when_work_reaches_a_client() -> None:
    assert findings(make_org(handoffs=healthy_handoffs()), "orphan-department") == []


def test_unserved_client_with_only_feedback_edges() -> None:
    handoffs = (*healthy_handoffs(), Handoff("y", "a", type="feedback", deliverable="Quejas"))
    org = make_org(clients=("z", "y"), handoffs=handoffs)
    [unserved] = findings(org, "unserved-client")
    assert unserved.subject == "y"
    assert unserved.message == (
        "External client Client y (y) receives no work: no chain or work handoff delivers to it."
    )
    assert "y" not in {f.subject for f in findings(org, "isolated")}


def test_served_client_is_not_reported() -> None:
    assert findings(make_org(handoffs=healthy_handoffs()), "unserved-client") == []


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


def test_single_point_of_failure_one_finding_per_department() -> None:
    # s → a → b → z and a → y: a is on every route to both clients, b only to z
    handoffs = (*healthy_handoffs(), Handoff("a", "y", deliverable="x"))
    org = make_org(clients=("z", "y"), handoffs=handoffs)
    spofs = findings(org, SPOF)
    assert [f.subject for f in spofs] == ["a", "b"]
    assert spofs[0].severity is Severity.INFO
    assert spofs[0].message == (
        "Department A (a) is a single point of failure: every work path to "
        "Client z (z) and Client y (y) passes through it."
    )


def test_no_spof_with_two_routes() -> None:
    org = make_org(chains=[("s", "a", "z"), ("s", "b", "z")])
    assert findings(org, SPOF) == []


def test_no_feedback_fires_for_client_facing_department() -> None:
    org = make_org(handoffs=(Handoff("a", "b", deliverable="Textos"),))
    [finding] = findings(org, "no-feedback")
    assert finding.subject == "b"
    assert finding.message == (
        "Department B (b) delivers to Client z (z) but has no feedback "
        "or information handoff back to another department."
    )


@pytest.mark.parametrize(
    "back",
    [
        Handoff("b", "a", type="feedback"),
        Handoff("b", "a", type="information"),
        Handoff("z", "a", type="feedback"),  # the client itself talks to a department
    ],
)
def test_no_feedback_satisfied(back: Handoff) -> None:
    org = make_org(handoffs=(back,))
    assert findings(org, "no-feedback") == []


def test_no_feedback_ignores_a_department_whose_client_edge_is_not_work() -> None:
    # the explicit information type wins over the chain: b hands no work to z
    org = make_org(handoffs=(Handoff("b", "z", type="information"),))
    assert findings(org, "no-feedback") == []


def test_no_feedback_when_feedback_goes_only_to_a_client() -> None:
    org = make_org(clients=("z", "y"), handoffs=(Handoff("b", "y", type="feedback"),))
    assert [f.subject for f in findings(org, "no-feedback")] == ["b"]


def test_low_satisfaction_names_the_weakest_handoff() -> None:
    handoffs = (
        Handoff("a", "b", volume=10, satisfaction=2.0, deliverable="x"),
        Handoff("a", "c", volume=10, satisfaction=3.0, deliverable="x"),
    )
    org = make_org(depts=("a", "b", "c"), handoffs=handoffs)
    [low] = findings(org, "low-satisfaction")
    # (10·2 + 10·3) / 20 = 2.5 < 3
    assert low.subject == "a"
    assert low.message == (
        "Department A (a) has a satisfaction of 2.5, below the minimum of 3; "
        "its weakest handoff is to B (b), rated 2."
    )


@pytest.mark.parametrize(("minimum", "fires"), [(3.0, False), (3.01, True), (1.0, False)])
def test_low_satisfaction_threshold_from_checks(minimum: float, fires: bool) -> None:
    org = make_org(
        handoffs=(Handoff("a", "b", satisfaction=3.0, deliverable="x"),),
        checks=ChecksConfig(min_satisfaction=minimum),
    )
    assert bool(findings(org, "low-satisfaction")) is fires


def test_missing_deliverable_on_explicit_handoffs_only() -> None:
    handoffs = (
        Handoff("a", "b", location=Location(40, 5)),
        Handoff("b", "a", deliverable="  ", type="feedback", location=Location(41, 5)),
        Handoff("s", "a", deliverable="Fotos", location=Location(42, 5)),
    )
    org = make_org(handoffs=handoffs)
    missing = findings(org, "missing-deliverable")
    assert [(f.subject, f.line, f.column) for f in missing] == [("a->b", 40, 5), ("b->a", 41, 5)]
    assert missing[0].message == (
        "The handoff from A (a) to B (b) does not say what is handed over (no deliverable)."
    )
    assert missing[0].severity is Severity.INFO


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
