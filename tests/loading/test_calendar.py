"""The calendar: a month that follows the week, impossible calendars refused, quarters."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from clientchain.cli import app
from clientchain.errors import InputError
from clientchain.loading import load_text
from clientchain.loading.dump import dump_org
from clientchain.units import Calendar, parse_duration

# A Spanish agency on a four-day week, counted per month, with no days_per_month.
FOUR_DAY_AGENCY = """\
version: 1
organization: Agencia de cuatro días
period: month
calendar: {hours_per_day: 8, days_per_week: 4}
departments:
  video: {name: Vídeo, headcount: 2}
clients:
  marcas: {name: Marcas}
chains:
  spot:
    client: marcas
    demand: 16
    steps:
      - {department: video, effort: 8h}
"""


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_text(text, "org.yaml")
    return [str(issue) for issue in caught.value.issues]


def test_a_four_day_week_has_a_sixteen_day_month() -> None:
    org = load_text(FOUR_DAY_AGENCY, "org.yaml")
    # days_per_month not given: 4 × days_per_week = 4 × 4 = 16 days
    assert org.calendar.days_per_month == 16
    # one person: 8 h × 4 d × 4 weeks = 128 h per month, not 8 × 20 = 160
    assert org.period_hours == 128
    # 'mo' follows the same month: 1mo = 16 d × 8 h = 128 h
    assert parse_duration("1mo", org.calendar) == 128


def test_the_four_day_agency_capacity_as_bottlenecks_shows_it() -> None:
    result = CliRunner().invoke(
        app, ["bottlenecks", "-", "--format", "json"], input=FOUR_DAY_AGENCY
    )
    assert result.exit_code == 0, result.output
    video = json.loads(result.stdout)["departments"][0]
    # capacity: 2 people × 128 h = 256 h; load: 16 spots × 8 h = 128 h; utilization 0.5
    assert video["capacity_hours"] == pytest.approx(256)
    assert video["load_hours"] == pytest.approx(128)
    assert video["utilization"] == pytest.approx(0.5)


def test_a_five_day_week_keeps_twenty_days_a_month() -> None:
    org = load_text("version: 1\nperiod: month\ndepartments: {a: {}}\n", "org.yaml")
    # 4 × 5 days = 20 days; 20 × 8 h = 160 h
    assert org.calendar.days_per_month == 20
    assert org.period_hours == 160


def test_a_given_days_per_month_wins_over_the_week() -> None:
    text = FOUR_DAY_AGENCY.replace("days_per_week: 4}", "days_per_week: 4, days_per_month: 17}")
    # 17 days × 8 h = 136 h
    assert load_text(text, "org.yaml").period_hours == 136


def test_the_library_calendar_derives_the_month_too() -> None:
    # 4 × 4.5 days = 18 days
    assert Calendar(days_per_week=4.5).days_per_month == 18
    assert Calendar(days_per_week=4.5, days_per_month=19).days_per_month == 19


@pytest.mark.parametrize(
    ("calendar", "column", "message"),
    [
        ("hours_per_day: 25", 27, "expected a number above 0 and at most 24, got '25'"),
        ("hours_per_day: 0", 27, "expected a number above 0 and at most 24, got '0'"),
        ("days_per_week: 8", 27, "expected a number above 0 and at most 7, got '8'"),
        ("days_per_week: 7.5", 27, "expected a number above 0 and at most 7, got '7.5'"),
        ("days_per_month: 32", 28, "expected a number above 0 and at most 31, got '32'"),
        ("days_per_month: -1", 28, "expected a number above 0 and at most 31, got '-1'"),
    ],
)
def test_an_impossible_calendar_is_refused_where_it_is_written(
    calendar: str, column: int, message: str
) -> None:
    text = f"version: 1\ndepartments: {{a: {{}}}}\ncalendar: {{{calendar}}}\n"
    assert problems(text) == [f"org.yaml:3:{column}: calendar.{calendar.split(':')[0]}: {message}"]


def test_the_same_text_is_checked_against_each_key_bound() -> None:
    # 20 is a fine hours_per_day (at most 24) but not a days_per_week (at most 7)
    text = "version: 1\ndepartments: {a: {}}\ncalendar: {hours_per_day: 20, days_per_week: 20}\n"
    assert problems(text) == [
        "org.yaml:3:46: calendar.days_per_week: expected a number above 0 and at most 7, got '20'"
    ]


def test_the_bounds_themselves_are_fine() -> None:
    text = "version: 1\nperiod: month\ndepartments: {a: {}}\n"
    text += "calendar: {hours_per_day: 24, days_per_week: 7, days_per_month: 31}\n"
    # 24 h × 31 d = 744 h
    assert load_text(text, "org.yaml").period_hours == 744


def test_days_per_week_over_seven_with_a_derived_month_is_one_problem() -> None:
    # the month is not derived from a refused week: one message, about the week
    text = "version: 1\ndepartments: {a: {}}\ncalendar: {days_per_week: 9}\n"
    assert len(problems(text)) == 1


def test_a_quarter_is_three_months_of_the_calendar() -> None:
    quarterly = FOUR_DAY_AGENCY.replace("period: month", "period: quarter")
    org = load_text(quarterly, "org.yaml")
    # 3 × days_per_month = 3 × 16 = 48 working days; 48 × 8 h = 384 h per person
    assert org.period == "quarter"
    assert org.calendar.days_per_period("quarter") == 48
    assert org.period_hours == 384
    # the default calendar: 3 × 20 days × 8 h = 480 h, the same as 3mo
    assert Calendar().period_hours("quarter") == 480


def test_a_quarter_through_the_cli() -> None:
    quarterly = FOUR_DAY_AGENCY.replace("period: month", "period: quarter")
    result = CliRunner().invoke(app, ["bottlenecks", "-", "--format", "json"], input=quarterly)
    assert result.exit_code == 0, result.output
    video = json.loads(result.stdout)["departments"][0]
    # 2 people × 384 h = 768 h; 16 spots × 8 h = 128 h; 128 / 768 = 1/6
    assert video["capacity_hours"] == pytest.approx(768)
    assert video["utilization"] == pytest.approx(128 / 768)


def test_a_derived_month_survives_dump_and_load() -> None:
    org = load_text(FOUR_DAY_AGENCY, "org.yaml")
    again = load_text(dump_org(org), "again.yaml")
    assert again.calendar == org.calendar
    assert again.period_hours == 128  # 8 h × 16 d
