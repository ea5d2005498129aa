"""Durations, percentages and periods, converted both ways."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientchain.units import Calendar, parse_duration, parse_percentage

DEFAULT = Calendar()
SHORT_DAYS = Calendar(hours_per_day=7.5, days_per_week=4, days_per_month=18)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("2h", 2.0),
        ("30m", 0.5),
        ("90min", 1.5),
        ("3600s", 1.0),
        ("1.5h", 1.5),
        ("1d", 8.0),  # a working day is hours_per_day = 8
        ("1w", 40.0),  # 5 days × 8 h
        ("1mo", 160.0),  # 20 days × 8 h
        ("0.5d", 4.0),
        (3, 3.0),  # a bare number is hours
        (2.25, 2.25),
        ("4", 4.0),
    ],
)
def test_durations_in_the_default_calendar(text: object, hours: float) -> None:
    assert parse_duration(text, DEFAULT) == pytest.approx(hours)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("1d", 7.5),  # 7.5 h a day
        ("2d", 15.0),
        ("1w", 30.0),  # 4 days × 7.5 h
        ("1mo", 135.0),  # 18 days × 7.5 h
    ],
)
def test_durations_follow_a_fractional_calendar(text: str, hours: float) -> None:
    assert parse_duration(text, SHORT_DAYS) == pytest.approx(hours)


@pytest.mark.parametrize(
    ("period", "default_hours", "short_hours"),
    # a quarter is 3 months: 3 × 20 d × 8 h = 480 h; 3 × 18 d × 7.5 h = 405 h
    [("day", 8, 7.5), ("week", 40, 30), ("month", 160, 135), ("quarter", 480, 405)],
)
def test_period_hours_and_back(period: str, default_hours: float, short_hours: float) -> None:
    assert DEFAULT.period_hours(period) == default_hours  # type: ignore[arg-type]
    assert SHORT_DAYS.period_hours(period) == short_hours  # type: ignore[arg-type]
    # back: hours of a period divided by hours of a day is days per period
    days = SHORT_DAYS.period_hours(period) / SHORT_DAYS.hours_per_day  # type: ignore[arg-type]
    assert days == SHORT_DAYS.days_per_period(period)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["lots", "-2h", "2 hours", "h", "", "nan", "inf", True, None, [1]])
def test_bad_durations_are_refused_with_a_message(bad: object) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(bad, DEFAULT)


@pytest.mark.parametrize(
    ("text", "fraction"), [("90%", 0.9), ("100%", 1.0), (0.9, 0.9), ("0.25", 0.25), (1, 1.0)]
)
def test_percentages(text: object, fraction: float) -> None:
    assert parse_percentage(text) == pytest.approx(fraction)


@pytest.mark.parametrize("bad", ["150%", "-5%", 90, "lots", math.nan, False])
def test_bad_percentages(bad: object) -> None:
    with pytest.raises(ValueError, match="percentage"):
        parse_percentage(bad)


@given(
    hours=st.floats(min_value=0.25, max_value=24),
    week=st.floats(min_value=0.5, max_value=7),
    month=st.one_of(st.none(), st.floats(min_value=1, max_value=31)),
)
def test_one_month_everywhere(hours: float, week: float, month: float | None) -> None:
    # not given, a month is four weeks; 'mo' and a quarter (3 months) use the same month
    cal = Calendar(hours, week) if month is None else Calendar(hours, week, month)
    days = 4 * week if month is None else month
    assert cal.days_per_month == pytest.approx(days)
    assert parse_duration("1mo", cal) == pytest.approx(cal.period_hours("month"))
    assert cal.period_hours("month") == pytest.approx(hours * days)
    assert cal.period_hours("quarter") == pytest.approx(3 * hours * days)
    assert parse_duration("1w", cal) == pytest.approx(cal.period_hours("week"))


@pytest.mark.parametrize(
    "calendar",
    [{"hours_per_day": 24.5}, {"days_per_week": 8}, {"days_per_month": 32}, {"hours_per_day": -1}],
)
def test_the_library_refuses_an_impossible_calendar(calendar: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be above 0 and at most"):
        Calendar(**calendar)
