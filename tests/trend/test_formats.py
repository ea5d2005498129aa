"""The trend formatters called in process: sections, filters, versions that did not load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clientchain.app.trend import build_trend, versions_of
from clientchain.cli import app
from clientchain.output.trend import View, trend_json, trend_markdown, trend_text
from clientchain.trend.result import TrendResult


@pytest.fixture(scope="module")
def result(year_org: Path) -> TrendResult:
    return build_trend(versions_of([str(year_org)]))


def test_plain_text_has_every_section_and_the_unread_version(result: TrendResult) -> None:
    lines = trend_text(result).splitlines()
    assert (
        lines[0] == "Trend of Agencia Tendencia: 12 points, 2026-01 … 2026-12 (1 could not be read)"
    )
    titles = [line for line in lines if line and not line.startswith(" ")]
    assert titles[1:] == [
        "Constraint",
        "Utilization per department",
        "Chains",
        "Satisfaction per handoff",
        "Findings of the rules",
        "Versions that could not be read",
        "What deserves attention",
    ]
    assert "  2026-03  —        —" in lines  # the unread March, in the departments' table
    assert lines[lines.index("Versions that could not be read") + 1].startswith("  2026-03: ")


def test_chain_and_department_filters(result: TrendResult) -> None:
    text = trend_text(result, View(only="chains", chains=("nothing",)))
    assert text.splitlines()[2:16] == ["Chains", "  period"] + [
        f"  {p.label}" for p in result.points
    ]
    handoffs = trend_text(result, View(only="handoffs", departments=("marcas",)))
    assert "cuentas → creatividad" not in handoffs  # the one rated handoff is not Marcas'
    rows = json.loads(trend_json(result, View(departments=("cuentas",), chains=("x",))))
    assert {len(p["departments"]) for p in rows["points"] if p["departments"]} == {1}
    assert {len(p["chains"]) for p in rows["points"]} == {0}


def test_sparklines_show_the_constraint_as_its_runs(result: TrendResult) -> None:
    lines = trend_text(result, spark=True).splitlines()
    assert lines[3] == "  constraint                creatividad → cuentas → creatividad"
    # least 43.75 % (June), greatest 93.75 %: January 50 % → 0.875 → ▂, May 90 % → 6.475 → ▇
    assert lines[4] == "  constraint's utilization  ▂▄ ▅▇▁▄▅▅▆▇█  50% → 93.8%"


def test_markdown_lists_the_unread_version_and_nothing_else_to_say(
    result: TrendResult, tmp_path: Path
) -> None:
    text = trend_markdown(result, View(only="findings"))
    assert "#### Versions that could not be read\n\n- 2026-03: " in text
    assert "\\[" not in text.split("#### What deserves attention")[0]
    (tmp_path / "a.yaml").write_text("version: 1\ndepartments: {a: {}}\n", encoding="utf-8")
    quiet = build_trend(versions_of([str(tmp_path / "a.yaml"), str(tmp_path / "a.yaml")]))
    assert trend_markdown(quiet, View(only="findings")).endswith(
        "#### What deserves attention\n\nnothing"
    )
    assert trend_text(quiet, View(only="findings")).endswith("What deserves attention\n  nothing")


def test_report_trend_in_process(year_org: Path, tmp_path: Path) -> None:
    out = tmp_path / "informe.md"
    done = CliRunner().invoke(
        app, ["report", str(year_org), "--trend", "--since", "2026-06", "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    section = out.read_text(encoding="utf-8").split("\n## Trend\n", 1)[1]
    assert section.startswith("\n7 versions read, 2026\\-06 … 2026\\-12\\.\n")
    # June–December: Creatividad was the constraint throughout: no chart of its own; then
    # Creatividad, Cuentas and Campaña's lead time.
    assert section.count("```mermaid") == 3
    assert "    line [43.8, 62.5, 68.8, 75, 81.2, 87.5, 93.8]" in section
