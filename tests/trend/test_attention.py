"""The attention rules on the year of monthly commits: one finding each, where and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientchain.app.trend import build_trend, versions_of
from clientchain.checks import Severity
from clientchain.trend.attention import Thresholds
from clientchain.trend.result import TrendResult


@pytest.fixture(scope="module")
def result(year_org: Path) -> TrendResult:
    return build_trend(versions_of([str(year_org)]))


def _found(result: TrendResult, rule: str) -> list[tuple[str, str, int, int, str]]:
    return [
        (dict(f.details)["period"], f.subject, f.line, f.column, f.message)
        for f in result.findings
        if f.rule == rule
    ]


def test_capacity_crossing(result: TrendResult) -> None:
    # May: Cuentas 24/160 = 15 % → 144/160 = 90 %; November: Creatividad 260/320 = 81.25 %
    # → 280/320 = 87.5 %. Both cross 85 %; Creatividad's 93.75 % in December does not cross.
    assert _found(result, "capacity-crossing") == [
        (
            "2026-05",
            "cuentas",
            5,
            3,
            "2026-05: Cuentas (cuentas) crossed the near-capacity threshold of 85%: "
            "utilization 15% → 90%.",
        ),
        (
            "2026-11",
            "creatividad",
            6,
            3,
            "2026-11: Creatividad (creatividad) crossed the near-capacity threshold of 85%: "
            "utilization 81.2% → 87.5%.",
        ),
    ]


def test_satisfaction_drop_from_the_previous_point_read(result: TrendResult) -> None:
    # March does not load: April's 3.8 is compared with February's 4.4 (a drop of 0.6 ≥ 0.5);
    # October → November 3.9 → 3.6 (0.3) is not.
    assert _found(result, "satisfaction-drop") == [
        (
            "2026-04",
            "cuentas->creatividad",
            10,
            5,
            "2026-04: the satisfaction of Creatividad (creatividad) with Cuentas (cuentas) "
            "dropped from 4.4 to 3.8.",
        )
    ]


def test_lead_time_rise(result: TrendResult) -> None:
    # August: the wait at Cuentas goes 1 d → 2 d: 20 h → 28 h, 28 / 20 − 1 = +40 % ≥ 20 %.
    assert _found(result, "lead-time-rise") == [
        (
            "2026-08",
            "campana",
            14,
            3,
            "2026-08: the lead time of chain Campaña (campana) rose +40%: 20 h → 28 h.",
        )
    ]


def test_constraint_moved(result: TrendResult) -> None:
    moved = _found(result, "constraint-moved")
    assert [(period, subject) for period, subject, *_ in moved] == [
        ("2026-05", "cuentas"),
        ("2026-06", "creatividad"),
    ]
    assert moved[0][4] == (
        "2026-05: the constraint moved from Creatividad (creatividad) to Cuentas (cuentas)."
    )


def test_severities_and_the_exit_code(result: TrendResult) -> None:
    severities = {f.rule: f.severity for f in result.findings}
    assert severities == {
        "satisfaction-drop": Severity.WARNING,
        "capacity-crossing": Severity.WARNING,
        "constraint-moved": Severity.INFO,
        "lead-time-rise": Severity.WARNING,
        "forecast-overload": Severity.WARNING,
    }
    # only the findings about December count: the forecast (a warning)
    assert [f.rule for f in result.latest] == ["forecast-overload"]
    assert result.exit_code(Severity.WARNING) == 1
    assert result.exit_code(Severity.ERROR) == 0


def test_thresholds_are_configurable(year_org: Path) -> None:
    strict = Thresholds(satisfaction_drop=0.7, lead_time_rise=0.5, horizon=1)
    result = build_trend(versions_of([str(year_org)]), strict)
    rules = [f.rule for f in result.findings]
    assert "satisfaction-drop" not in rules  # 0.6 < 0.7
    assert "lead-time-rise" not in rules  # 40 % < 50 %
    assert "forecast-overload" not in rules  # 2 months > 1
    assert result.exit_code(Severity.WARNING) == 0


def test_near_capacity_comes_from_the_files_checks(year_org: Path, tmp_path: Path) -> None:
    text = year_org.read_text(encoding="utf-8") + "checks: {near_capacity: 95%}\n"
    older = text.replace("demand: 30", "demand: 26")  # Creatividad 260/320 = 81.25 %
    (tmp_path / "a.yaml").write_text(older, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")  # 300/320 = 93.75 % < 95 %
    result = build_trend(versions_of([str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]))
    assert [f.rule for f in result.findings] == []
