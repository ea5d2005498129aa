"""``simulate``'s option syntax read into what-if changes (clientchain.cli.changes).

The parsing tests moved here from tests/analysis/test_whatif.py with issue 14 item 6:
the analysis takes :class:`Change` values, the command line owns the option text.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientchain.analysis.whatif import Change, apply_changes, simulate
from clientchain.cli.changes import parse_changes, parse_factor
from clientchain.errors import UsageError
from clientchain.loading import load_text
from hand_orgs import SMALL


@pytest.fixture
def small():
    return load_text(SMALL)


def test_each_option_becomes_a_change_labelled_as_typed(small) -> None:
    changes = parse_changes(
        small, demand=["1.5", "y=3"], headcount=["a=+1", "b=3", "c=-1"], capacity=["c=1w"]
    )
    assert changes == (
        Change.demand(1.5),
        Change.demand(3, "y"),
        Change.headcount("a", add=1),
        Change.headcount("b", to=3),
        Change.headcount("c", add=-1),
        Change.capacity("c", 40),  # 1 week = 5 days × 8 h
    )
    assert [str(c) for c in changes] == [
        "--demand 1.5",
        "--demand y=3",
        "--headcount a=+1",
        "--headcount b=3",
        "--headcount c=-1",
        "--capacity c=1w",
    ]


def test_options_apply_demand_then_headcount_then_capacity(small) -> None:
    """Whatever order they are typed in: typer collects each option's values apart."""
    [headcount, capacity] = parse_changes(small, capacity=["a=100h"], headcount=["a=3"])
    assert (headcount.kind, capacity.kind) == ("headcount", "capacity")
    # a: 3 people (3 × 40 = 120 h), then capacity 100 h: the last word, 100 h
    assert apply_changes(small, [headcount, capacity]).capacity_hours("a") == 100.0


def test_capacity_set_with_a_duration(small) -> None:
    org = apply_changes(small, parse_changes(small, capacity=["c=1w", "b=12.5h"]))
    assert org.capacity_hours("c") == 40.0  # 1 week = 5 days × 8 h
    assert org.capacity_hours("b") == 12.5


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"demand": ["zz=2"]}, "--demand: unknown chain 'zz'"),
        ({"demand": ["twice"]}, "--demand twice: expected a factor"),
        ({"demand": ["-1"]}, "--demand -1: expected a factor"),
        ({"headcount": ["aa=+1"]}, r"--headcount: unknown department 'aa' \(did you mean 'a'"),
        ({"headcount": ["a"]}, "--headcount a: expected DEPT=\\+1"),
        ({"headcount": ["a=lots"]}, "--headcount a=lots: expected DEPT=\\+1 or DEPT=3, got 'lots'"),
        ({"headcount": ["a=-inf"]}, "--headcount a=-inf: expected a finite, non-negative number"),
        ({"headcount": ["a=-5"]}, r"--headcount a=-5: a would have -3 people \(it has 2\)"),
        ({"capacity": ["a=lots"]}, "--capacity a=lots: expected a duration"),
        ({"capacity": ["60h"]}, "--capacity 60h: expected DEPT=DURATION"),
        ({"capacity": ["zz=60h"]}, "--capacity: unknown department 'zz'"),
    ],
)
def test_bad_changes_are_usage_errors(small, kwargs, message: str) -> None:
    with pytest.raises(UsageError, match=f"^{message}"):
        simulate(small, parse_changes(small, **kwargs))


def test_a_result_too_large_is_refused_naming_the_option(small) -> None:
    # x: 10 × 1e308 overflows a float (the largest is about 1.8e308)
    with pytest.raises(UsageError, match=r"^--demand 1e308: .*too large"):
        simulate(small, parse_changes(small, demand=["1e308"]))


@pytest.mark.parametrize("text", ["1.3", "+30%", "130%", "x1.3", "×1.3", "X1.3", " +30% "])
def test_demand_factor_forms_mean_the_same(small, text: str) -> None:
    """Issue 12 item 4: ``1.3``, ``+30%``, ``130%`` and ``x1.3`` are one factor."""
    [change] = parse_changes(small, demand=[text])
    # +30% = 1 + 30 / 100 = 1.3; 130% = 130 / 100 = 1.3 (both exactly the float 1.3)
    assert (change.target, change.value) == (None, 1.3)
    [one] = parse_changes(small, demand=[f"y={text}"])
    assert (one.target, one.value) == ("y", 1.3)
    # y: 5 × 1.3 = 6.5; c = 6.5 × 4 h + 10 h = 36 h of 40 h
    after = simulate(small, [one]).after
    assert after.departments["c"].load_hours == pytest.approx(36.0)


@pytest.mark.parametrize(
    ("text", "factor"),
    [("-20%", 0.8), ("+0%", 1.0), ("50%", 0.5), ("x0", 0.0), ("1e22", 1e22), ("+250%", 3.5)],
)
def test_other_factors_in_each_form(small, text: str, factor: float) -> None:
    # −20% = 1 − 0.2 = 0.8; 50% of today's demand = 0.5; +250% = 1 + 2.5 = 3.5
    [change] = parse_changes(small, demand=[text])
    assert change.value == pytest.approx(factor)


@pytest.mark.parametrize(
    "text", ["twice", "1,3", "+30", "1.3x", "%", "x", "-120%", "-1", "nan", "inf", "x=", "1e400"]
)
def test_a_factor_in_no_accepted_form_lists_the_forms(small, text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_changes(small, demand=[text])
    message = str(caught.value)
    assert message.startswith(f"--demand {text}: ")
    assert "expected a" in message
    assert "1.3, x1.3, 130% or +30% (every chain), or CHAIN= one of these" in message


@given(st.floats(min_value=0.0, allow_nan=False, allow_infinity=False))
def test_a_factor_written_as_python_writes_it_reads_back_exactly(factor: float) -> None:
    assert parse_factor(repr(factor)) == factor
    assert parse_factor(f"x{factor!r}") == factor
    assert math.isfinite(parse_factor(f"{factor!r}%"))
