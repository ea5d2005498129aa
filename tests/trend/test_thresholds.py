"""The attention thresholds come from each version's ``checks:`` (like ``near_capacity``),
and the ``trend`` options override them. Versions are files given in order here.

The org is conftest's template: the chain's lead time is W + 2 h + 10 h, Creatividad's load
10 h × demand against headcount × 160 h.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from clientchain.app.trend import build_trend, versions_of
from clientchain.cli import app
from clientchain.trend.attention import Thresholds
from clientchain.trend.result import TrendResult

from .conftest import org_text

runner = CliRunner()


def _versions(tmp_path: Path, *texts: str) -> list[str]:
    paths = []
    for number, text in enumerate(texts):
        path = tmp_path / f"v{number}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _rules(result: TrendResult) -> list[str]:
    return [f.rule for f in result.findings]


def test_satisfaction_drop_from_the_files_checks(tmp_path: Path) -> None:
    # 3.9 → 3.6 is a drop of 0.3: not a finding at the default 0.5, one at the file's 0.3
    before = org_text(26, 2, 0, 3.9, 8, 2)
    after = org_text(28, 2, 0, 3.6, 8, 2)
    plain = build_trend(versions_of(_versions(tmp_path, before, after)))
    assert "satisfaction-drop" not in _rules(plain)
    strict = after + "checks: {satisfaction_drop: 0.3}\n"
    result = build_trend(versions_of(_versions(tmp_path, before, strict)))
    drops = [f for f in result.findings if f.rule == "satisfaction-drop"]
    assert [f.message for f in drops] == [
        "v1: the satisfaction of Creatividad (creatividad) with Cuentas (cuentas) "
        "dropped from 3.9 to 3.6."
    ]


def test_lead_time_rise_from_the_files_checks_and_the_option_wins(tmp_path: Path) -> None:
    # wait 1 d = 8 h → 11 h: lead time 8 + 12 = 20 h → 11 + 12 = 23 h, 23 / 20 − 1 = +15 %:
    # under the default 20 %, over the file's 10 %.
    before = org_text(20, 2, 0, 4.0, 8, 1)
    after = org_text(20, 2, 0, 4.0, 8, 1).replace("wait: 1d", "wait: 11h")
    assert "lead-time-rise" not in _rules(
        build_trend(versions_of(_versions(tmp_path, before, after)))
    )
    paths = _versions(tmp_path, before, after + "checks: {lead_time_rise: 10%}\n")
    result = build_trend(versions_of(paths))
    assert [f.message for f in result.findings if f.rule == "lead-time-rise"] == [
        "v1: the lead time of chain Campaña (campana) rose +15%: 20 h → 23 h."
    ]
    # the command line's threshold overrides the file's
    overridden = build_trend(versions_of(paths), Thresholds(lead_time_rise=0.2))
    assert "lead-time-rise" not in _rules(overridden)
    done = runner.invoke(app, ["trend", *paths, "--lead-time-rise", "20%", "-f", "json"])
    assert done.exit_code == 0, done.output
    assert '"lead-time-rise"' not in done.stdout


def _half_year(tmp_path: Path, checks: str) -> list[str]:
    # July–December: demand 20, 22, …, 30 → Creatividad's load 200 … 300 h against 320 h,
    # growing 20 h a month: 340 h > 320 h two months after December.
    texts = [org_text(demand, 2, 0, 4.0, 8, 2) for demand in range(20, 31, 2)]
    texts[-1] += checks
    return _versions(tmp_path, *texts)


def test_forecast_horizon_and_window_from_the_last_versions_checks(tmp_path: Path) -> None:
    plain = build_trend(versions_of(_half_year(tmp_path, "")))
    (overload,) = [f for f in plain.findings if f.rule == "forecast-overload"]
    assert "overloads in 2 months" in overload.message
    assert "fitted over the last 6 points" in overload.message
    short = build_trend(versions_of(_half_year(tmp_path, "checks: {forecast_window: 3}\n")))
    (overload,) = [f for f in short.findings if f.rule == "forecast-overload"]
    assert "fitted over the last 3 points" in overload.message  # Oct–Dec: the same 20 h/month
    near = build_trend(versions_of(_half_year(tmp_path, "checks: {forecast_horizon: 1}\n")))
    assert "forecast-overload" not in _rules(near)  # 2 months > 1
    # the option overrides the file
    wide = build_trend(
        versions_of(_half_year(tmp_path, "checks: {forecast_horizon: 1}\n")),
        Thresholds(horizon=2),
    )
    assert "forecast-overload" in _rules(wide)


def test_bad_thresholds_in_checks_are_located(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    lines = org_text(20, 2, 0, 4.0, 8, 2).count("\n")
    path.write_text(
        org_text(20, 2, 0, 4.0, 8, 2)
        + "checks:\n  forecast_window: 2\n  satisfaction_drop: 6\n  lead_time_rise: -5%\n",
        encoding="utf-8",
    )
    done = runner.invoke(app, ["check", str(path)])
    assert done.exit_code == 2
    err = done.stdout  # check reports input errors as findings, on standard output
    assert f"{path}:{lines + 2}:20: " in err
    assert "expected a whole number of 3 or more, got '2'" in err
    assert f"{path}:{lines + 3}:22: " in err
    assert "expected a number above 0 and at most 4, got '6'" in err
    assert f"{path}:{lines + 4}:19: " in err
    assert "a percentage must lie between 0% and 100%, got '-5%'" in err
    assert "Traceback" not in err


def test_a_bad_lead_time_rise_option_names_itself(tmp_path: Path) -> None:
    paths = _versions(tmp_path, org_text(20, 2, 0, 4.0, 8, 2))
    done = runner.invoke(app, ["trend", *paths, "--lead-time-rise", "lots"])
    assert done.exit_code == 2
    assert "--lead-time-rise: expected a share like '10%' or 0.1, got 'lots'" in done.stderr
    assert "--lead-time-tolerance" not in done.stderr
