"""The forecast: a least-squares line through the last loads, and the people it needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientchain.app.trend import build_trend, versions_of
from clientchain.loading import load_text
from clientchain.trend.forecast import fit_line, forecast
from clientchain.trend.series import Point, measure

ONE = """\
version: 1
organization: Uno
period: month
departments:
  creatividad: {{name: Creatividad, other_load: {load}h{capacity}}}
"""


def _points(loads: list[float], capacity: str = "") -> list[Point]:
    orgs = [load_text(ONE.format(load=x, capacity=capacity), "uno.yaml") for x in loads]
    return [measure(f"p{i}", "uno.yaml", org, ()) for i, org in enumerate(orgs)]


def test_fit_line_by_hand() -> None:
    # t̄ = 1.5, l̄ = 116.25; Σ(t − t̄)(l − l̄) = 24.375 + 3.125 + 6.875 + 13.125 = 47.5;
    # Σ(t − t̄)² = 5 → b = 9.5; a = 116.25 − 9.5 × 1.5 = 102.
    assert fit_line([100, 110, 130, 125]) == pytest.approx((102.0, 9.5))
    assert fit_line([7.0]) == (7.0, 0.0)


def test_overload_in_four_periods_and_one_person_for_a_year() -> None:
    # capacity 1 × 160 h. Load at k periods after the last point (t = 3): 102 + 9.5 (3 + k)
    # > 160 ⇔ k > 3.1 → 4. In 12 periods: 102 + 9.5 × 15 = 244.5 h; one more person gives
    # 320 h, and 0.85 × 320 = 272 ≥ 244.5.
    (found,) = forecast(_points([100, 110, 130, 125]))
    assert (found.department, found.periods, found.people) == ("creatividad", 4, 1)
    assert found.slope_hours == pytest.approx(9.5)
    assert forecast(_points([100, 110, 130, 125]), horizon=3) == []


def test_explicit_capacity_keeps_its_capacity_per_person() -> None:
    # capacity 100 h per person. Loads 60, 70, 80 → a = 60, b = 10; 60 + 10 (2 + k) > 100
    # ⇔ k > 2 → 3. In 12 periods: 60 + 10 × 14 = 200 h; +1 → 200 h capacity (0.85 × 200 =
    # 170 < 200), +2 → 300 h (255 ≥ 200): 2 people.
    (found,) = forecast(_points([60, 70, 80], ", capacity: 100h"))
    assert (found.periods, found.people) == (3, 2)


def test_no_forecast_when_flat_falling_too_short_or_overloaded() -> None:
    assert forecast(_points([100, 100, 100])) == []
    assert forecast(_points([130, 120, 110])) == []
    assert forecast(_points([100, 150])) == []  # fewer than 3 points
    assert forecast(_points([150, 160, 170])) == []  # already over: `overloaded` says so


def test_the_year_of_monthly_commits(year_org: Path) -> None:
    # Creatividad's load at the last 6 points (July–December): 10 h × demand 20 … 30 =
    # 200, 220, 240, 260, 280, 300 → a = 200, b = 20. 200 + 20 (5 + k) > 2 × 160 = 320
    # ⇔ k > 1 → 2 months. In 12 months: 200 + 20 × 17 = 540 h; +1 person: 0.85 × 480 = 408
    # < 540; +2: 0.85 × 640 = 544 ≥ 540 → 2 people. Cuentas: 40 … 60 h, b = 4:
    # 60 + 4k > 160 only for k > 25, beyond the horizon.
    result = build_trend(versions_of([str(year_org)]))
    (finding,) = [f for f in result.findings if f.rule == "forecast-overload"]
    assert finding.subject == "creatividad"
    assert finding.message == (
        "2026-12: at this rate Creatividad (creatividad) overloads in 2 months (its load grows "
        "20 h per month, fitted over the last 6 points). 2 more people keep it under 85% for "
        "a year."
    )
    assert dict(finding.details) == {"period": "2026-12", "periods": 2, "people": 2}
