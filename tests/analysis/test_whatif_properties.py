"""What-if invariants over generated organizations and extreme factors (Hypothesis)."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientchain.analysis import whatif
from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.whatif import Change, apply_changes, simulate
from clientchain.errors import UsageError
from clientchain.loading import load_text
from clientchain.model import Chain, Department, ExternalParty, Organization, Step

ONE = """\
version: 1
departments:
  a: {name: Alfa, other_load: 2h}
  b: {name: Beta, headcount: 3, capacity: 50h}
clients:
  z: {name: Zeta}
chains:
  x: {client: z, demand: 10, steps: [{department: a, effort: 1h}, {department: b, effort: 2h}]}
"""

# factors spanning every binade, from the smallest subnormal to the largest float
EXTREME = st.floats(min_value=0.0, max_value=1.7e308, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(factor=EXTREME | st.sampled_from([1e22, 1e300, 1e-300, 5e-324, 0.0]))
def test_any_demand_factor_answers_or_is_refused(factor: float) -> None:
    """Issue 13 item 3: every factor ends, with a checked answer or a usage error.

    Bounded time is asserted by counting re-simulations (no clock): the hire search
    evaluates a department at most a few thousand times whatever the numbers.
    """
    org = load_text(ONE)
    calls = 0
    real = whatif._utilization_with

    def counted(*args: object, **kwargs: object) -> float:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    # b's load, 10 × factor × 2 h, is the largest number: refused when it overflows
    if not math.isfinite(10 * factor * 2.0):
        with pytest.raises(UsageError, match="too large to compute"):
            simulate(org, [Change.demand(factor)])
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(whatif, "_utilization_with", counted)
        sim = simulate(org, [Change.demand(factor)])
    assert calls <= 2 * 2 * 1100  # two departments, a doubling then a bisection each
    changed = apply_changes(org, [Change.demand(factor)])
    for hire in sim.hires:
        assert hire.extra_people is not None
        n = hire.extra_people
        more = [Change.headcount(hire.department, add=n)]
        fewer = [Change.headcount(hire.department, add=n - 1)]
        after = analyze_flow(apply_changes(changed, more)).departments[hire.department]
        before = analyze_flow(apply_changes(changed, fewer)).departments[hire.department]
        assert after.utilization <= sim.threshold < before.utilization


@st.composite
def organizations(draw: st.DrawFn) -> Organization:
    """Random valid organizations with everything that feeds a lead time."""
    # units: none, or from a millionth up (a subnormal count like 5e-324 has no relative
    # precision left, so any rounding of it looks like a change of 20%)
    count = st.just(0.0) | st.floats(1e-6, 1000)
    depts = {
        f"d{i}": Department(
            f"d{i}",
            f"D{i}",
            headcount=draw(st.sampled_from([0.0, 0.5, 1.0, 2.0, 7.0])),
            capacity=draw(st.none() | st.floats(0, 500)),
            other_load=draw(st.floats(0, 100)),
        )
        for i in range(draw(st.integers(1, 5)))
    }
    chains = {}
    for number in range(draw(st.integers(0, 4))):
        steps = tuple(
            Step(
                draw(st.sampled_from(sorted(depts))),
                draw(st.floats(0, 40)),
                wait=wait,
                inventory=None if wait is not None else draw(st.none() | count),
            )
            for wait in draw(st.lists(st.none() | st.floats(0, 80), min_size=1, max_size=5))
        )
        chains[f"k{number}"] = Chain(
            f"k{number}",
            f"K{number}",
            "z",
            draw(st.sampled_from([0.0, 1e-9]) | st.floats(0, 200)),
            steps,
            finished_inventory=draw(count),
        )
    return Organization(
        name="Random",
        departments=depts,
        clients={"z": ExternalParty("z", "Z", "client")},
        chains=chains,
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    org=organizations(),
    factor=st.floats(1, 1e6),
    one_chain=st.booleans(),
    predict=st.booleans(),
)
def test_more_demand_never_shortens_a_chain(
    org: Organization, factor: float, one_chain: bool, predict: bool
) -> None:
    """Issue 12 item 3: for any org and any factor ≥ 1, no chain's lead time goes down.

    Waits from inventory are held in days of demand, so (inventory × f) ÷ (demand × f)
    equals the old ratio up to rounding: the scaled numbers are kept to 12 significant
    digits (so the future-state file reads 3.9), which moves each by at most 5e-13 of
    itself; allow 1e-11 of the lead time.
    """
    target = next(iter(org.chains), None) if one_chain else None
    sim = simulate(org, [Change.demand(factor, target)], predict_waits=predict)
    for chain_id, before in sim.before.chains.items():
        after = sim.after.chains[chain_id].lead_time_hours
        assert after >= before.lead_time_hours * (1 - 1e-11), chain_id
