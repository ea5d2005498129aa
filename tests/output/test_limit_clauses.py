"""The words after the headroom and the demand limit, in every case (docs/concepts.md)."""

from __future__ import annotations

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.model import Chain, Department, ExternalParty, Organization, Step
from clientchain.output.limits import demand_limit_clause, headroom_clause

CLIENTS = {"z": ExternalParty("z", "Zeta", "client")}


def _org(department: Department, demand: float) -> Organization:
    chains = {"x": Chain("x", "X", "z", demand, (Step("a", 1.0),))} if demand else {}
    return Organization("T", {"a": department}, clients=CLIENTS, chains=chains)


@pytest.mark.parametrize(
    ("department", "demand", "headroom", "limit"),
    [
        # no work at all: nothing limits either factor
        (Department("a", "Alfa"), 0, "nothing is loaded", "no department carries chain work"),
        # 10 h of chain work, no capacity: both factors are 0
        (
            Department("a", "Alfa", capacity=0.0),
            10,
            "Alfa has work but no capacity",
            "Alfa has no capacity left for chain work",
        ),
        # 50 h of chain work of 40 h: 1.25 → headroom 40 ÷ 50 = 0.8, demand limit 0.8
        (
            Department("a", "Alfa"),
            50,
            "Alfa is over 100% already",
            "Alfa is over 100% already",
        ),
        # 20 h of 40 h: both 2, room to grow
        (
            Department("a", "Alfa"),
            20,
            "if all work grows, other work included, Alfa reaches 100% first",
            "if only chain demand grows, Alfa reaches 100% first",
        ),
    ],
)
def test_every_case_has_its_words(
    department: Department, demand: float, headroom: str, limit: str
) -> None:
    org = _org(department, demand)
    flow = analyze_flow(org)
    assert headroom_clause(flow, org.label) == headroom
    assert demand_limit_clause(flow, org.label) == limit
