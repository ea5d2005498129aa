"""The series of a year of monthly commits, computed by hand (tests/trend/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientchain.app.trend import build_trend, versions_of
from clientchain.checks import check_org
from clientchain.loading import load_text
from clientchain.loading.history import git_versions
from clientchain.trend.result import TrendResult

LABELS = [f"2026-{m:02d}" for m in range(1, 13)]


@pytest.fixture(scope="module")
def result(year_org: Path) -> TrendResult:
    return build_trend(versions_of([str(year_org)]))


def test_one_point_per_month_labelled_by_the_month(result: TrendResult) -> None:
    assert [p.label for p in result.points] == LABELS
    # January's later commit (demand 8, not the 5 January one's 7) is its point.
    assert result.points[0].chains["campana"].demand == 8
    assert result.points[0].date == "2026-01-20"


def test_creatividad_utilization_by_hand(result: TrendResult) -> None:
    # 10 h × demand ÷ (headcount × 160 h): Jan 80/160, Feb 100/160, Mar unread, Apr 120/160,
    # May 120/160, Jun 140/320, Jul 200/320, Aug 220/320 … Dec 300/320.
    expected = [0.5, 0.625, None, 0.75, 0.75, 0.4375, 0.625, 0.6875, 0.75, 0.8125, 0.875, 0.9375]
    got = [p.departments["creatividad"].utilization if p.ok else None for p in result.points]
    assert got == pytest.approx(expected)


def test_constraint_headroom_and_demand_limit(result: TrendResult) -> None:
    may = result.points[4]
    # May: Cuentas (120 h other load + 2 h × 12) / 160 = 0.9 beats Creatividad's 0.75.
    assert (may.constraint, may.constraint_utilization) == ("cuentas", pytest.approx(0.9))
    assert may.headroom == pytest.approx(1 / 0.9)
    # demand limit keeps other load fixed: Cuentas (160 − 120) / 24 = 1.67, Creatividad
    # 160 / 120 = 1.33: the smaller.
    assert may.demand_limit == pytest.approx(160 / 120)
    assert [p.constraint for p in result.points] == [
        "creatividad",
        "creatividad",
        None,
        "creatividad",
        "cuentas",
        *["creatividad"] * 7,
    ]


def test_chains_demand_lead_time_and_rolled_quality(result: TrendResult) -> None:
    read = [p for p in result.points if p.ok]
    assert [p.chains["campana"].demand for p in read] == [8, 10, 12, 12, 14, 20, 22, 24, 26, 28, 30]
    # lead time = wait + 2 h + 10 h: 1 d (8 h) → 20 h until July, 2 d (16 h) → 28 h after.
    assert [p.chains["campana"].lead_time_hours for p in read] == [20.0] * 6 + [28.0] * 5
    assert {p.chains["campana"].rolled_quality for p in read} == {1.0}


def test_satisfaction_and_answers_per_handoff(result: TrendResult) -> None:
    read = [p for p in result.points if p.ok]
    brief = [p.handoffs["cuentas->creatividad"] for p in read]
    assert [h.satisfaction for h in brief] == [
        4.5,
        4.4,
        3.8,
        3.8,
        4.0,
        4.2,
        4.2,
        4.0,
        3.9,
        3.6,
        3.5,
    ]
    assert [h.answers for h in brief] == [10, 12, 9, 9, 11, 11, 10, 10, 8, 8, 8]
    assert read[0].handoffs["creatividad->marcas"].satisfaction is None


def test_findings_by_severity_are_checks(result: TrendResult, year_org: Path) -> None:
    versions = {v.label: v for v in git_versions(str(year_org))}
    for point in result.points:
        if not point.ok:
            continue
        assert versions[point.label].data is not None
        findings = check_org(load_text(versions[point.label].data or b"", "org.yaml"))
        counts = {s: sum(1 for f in findings if str(f.severity) == s) for s in point.findings}
        assert dict(point.findings) == counts
    # December: Creatividad at 93.75 % is the one warning (near-capacity).
    assert result.points[-1].findings["warning"] == 1


def test_a_version_that_does_not_load_is_a_point_with_its_error(result: TrendResult) -> None:
    march = result.points[2]
    assert not march.ok
    assert march.departments == {}
    (issue,) = march.issues
    assert issue.file.endswith(":org/agencia.yaml")
    assert (issue.line, issue.column) == (4, 1)
    assert "invalid YAML" in issue.message


def test_identical_contents_are_loaded_once(tmp_path: Path, year_org: Path) -> None:
    text = year_org.read_bytes()
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (tmp_path / name).write_bytes(text)
    result = build_trend(versions_of([str(tmp_path / n) for n in ("a.yaml", "b.yaml", "c.yaml")]))
    assert [p.label for p in result.points] == ["a", "b", "c"]
    assert result.loaded == 1
    assert [p.org.source for p in result.points if p.org] == [
        str(tmp_path / n) for n in ("a.yaml", "b.yaml", "c.yaml")
    ]  # findings about a point name its own file
    assert [p.source for p in result.points] == [
        str(tmp_path / n) for n in ("a.yaml", "b.yaml", "c.yaml")
    ]
