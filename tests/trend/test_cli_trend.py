"""``clientchain trend``: what a user sees, in every format, and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.cli_support import run_script
from clientchain.app.trend import build_trend, versions_of
from clientchain.cli import app
from clientchain.output.trend import View, trend_text

MARKDOWN = """\
### Trend of Agencia Tendencia: 3 points, 2026-10 … 2026-12

#### Constraint

| period | constraint | constraint's utilization | headroom | demand limit |
|---|---|--:|--:|--:|
| 2026-10 | creatividad | 81.2% | ×1.23 | ×1.23 |
| 2026-11 | creatividad | 87.5% | ×1.14 | ×1.14 |
| 2026-12 | creatividad | 93.8% | ×1.07 | ×1.07 |

#### Utilization per department

| period | Cuentas | Creatividad |
|---|--:|--:|
| 2026-10 | 32.5% | 81.2% |
| 2026-11 | 35% | 87.5% |
| 2026-12 | 37.5% | 93.8% |

#### Chains

| period | Campaña: demand | Campaña: lead time | Campaña: rolled quality |
|---|--:|--:|--:|
| 2026-10 | 26 | 28 h | 100% |
| 2026-11 | 28 | 28 h | 100% |
| 2026-12 | 30 | 28 h | 100% |

#### Satisfaction per handoff

| period | cuentas → creatividad | answers |
|---|--:|--:|
| 2026-10 | 3.9 | 8 |
| 2026-11 | 3.6 | 8 |
| 2026-12 | 3.5 | 8 |

#### Findings of the rules

| period | error | warning | info |
|---|--:|--:|--:|
| 2026-10 | 0 | 0 | 2 |
| 2026-11 | 0 | 1 | 2 |
| 2026-12 | 0 | 1 | 2 |

#### What deserves attention

- warning `capacity-crossing` 2026-11: Creatividad (creatividad) crossed the near-capacity \
threshold of 85%: utilization 81.2% → 87.5%.
- warning `forecast-overload` 2026-12: at this rate Creatividad (creatividad) overloads in \
2 months (its load grows 20 h per month, fitted over the last 3 points). 2 more people keep \
it under 85% for a year.
"""


def test_markdown_exactly(year_org: Path) -> None:
    # Oct–Dec: Creatividad 260, 280, 300 h → a = 260, b = 20; 260 + 20 (2 + k) > 320 ⇔ k > 1.
    done = run_script("trend", str(year_org), "--since", "2026-10", "--format", "markdown")
    assert done.exit_code == 1  # the forecast is a warning about the last point
    assert done.stdout == MARKDOWN


def test_json_one_object_per_point_with_fixed_fields(year_org: Path) -> None:
    done = run_script("trend", str(year_org), "--format", "json", "--fail-on", "error")
    assert done.exit_code == 0
    document = json.loads(done.stdout)
    assert list(document) == ["every", "points", "findings"]
    points = document["points"]
    assert [p["label"] for p in points] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert list(points[0]) == [
        "label", "source", "commit", "date", "errors", "constraint", "constraint_utilization",
        "headroom", "demand_limit", "departments", "chains", "handoffs", "findings",
    ]  # fmt: skip
    assert points[0]["departments"][1] == {
        "id": "creatividad",
        "name": "Creatividad",
        "load_hours": 80.0,  # 8 × 10 h
        "capacity_hours": 160.0,
        "utilization": 0.5,
        "headcount": 1.0,
    }
    assert points[0]["handoffs"][0] == {
        "from": "cuentas", "to": "creatividad", "satisfaction": 4.5, "answers": 10
    }  # fmt: skip
    assert points[2]["constraint"] is None
    assert points[2]["findings"] is None
    assert points[2]["errors"][0]["line"] == 4
    assert points[-1]["findings"] == {"error": 0, "warning": 1, "info": 2}
    forecast = document["findings"][-1]
    assert (forecast["rule"], forecast["period"], forecast["periods"], forecast["people"]) == (
        "forecast-overload", "2026-12", 2, 2,
    )  # fmt: skip


def test_plain_columns_in_a_pipe_with_filters(year_org: Path) -> None:
    done = run_script(
        "trend", str(year_org), "--since", "2026-11", "--only", "departments",
        "--department", "creatividad",
    )  # fmt: skip
    assert done.stdout == (
        "Trend of Agencia Tendencia: 2 points, 2026-11 … 2026-12\n"
        "\n"
        "Utilization per department\n"
        "  period   Creatividad\n"
        "  2026-11  87.5%\n"
        "  2026-12  93.8%\n"
    )


def test_sparklines_on_a_terminal(year_org: Path) -> None:
    result = build_trend(versions_of([str(year_org)]))
    text = trend_text(result, View(only="departments"), spark=True)
    # A bar is round((value − least) / (greatest − least) × 7); March is a blank.
    # Cuentas: least 10 %, greatest 90 % (May): June 17.5 % → 0.66 → ▂, August 27.5 % →
    # 1.53 → ▃, December 37.5 % → 2.41 → ▃. Creatividad: least 43.75 % (June: ▁), greatest
    # 93.75 % (December: █); January 50 % → 0.875 → ▂; August 68.75 % → 3.5 → ▅ (round
    # half to even).
    assert text.splitlines()[2:5] == [
        "Utilization per department",
        "  Cuentas      ▁▁ ▁█▂▂▃▃▃▃▃  10% → 37.5%",
        "  Creatividad  ▂▄ ▅▅▁▄▅▅▆▇█  50% → 93.8%",
    ]


def test_a_broken_last_version_exits_2(tmp_path: Path, year_org: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(year_org.read_bytes())
    (tmp_path / "b.yaml").write_text("version: 1\ndepartments: [\n", encoding="utf-8")
    done = run_script("trend", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    assert done.exit_code == 2
    assert "Versions that could not be read\n  b: " in done.stdout
    assert f"{tmp_path / 'b.yaml'}:3:1" in done.stderr


def test_bad_since_is_a_usage_error(year_org: Path) -> None:
    done = run_script("trend", str(year_org), "--since", "enero")
    assert done.exit_code == 2
    assert "'enero' is not a date" in done.stderr


def test_in_spanish(year_org: Path) -> None:
    result = CliRunner().invoke(
        app, ["--lang", "es", "trend", str(year_org), "--only", "findings", "--since", "2026-10"]
    )
    assert result.exit_code == 1
    assert "a este ritmo Creatividad (creatividad) se sobrecarga en 2 meses" in result.stdout


@pytest.mark.parametrize("every", ["week", "quarter"])
def test_every(year_org: Path, every: str) -> None:
    done = run_script("trend", str(year_org), "--every", every, "-f", "json", "--fail-on", "error")
    labels = [p["label"] for p in json.loads(done.stdout)["points"]]
    assert labels[-1] == {"week": "2026-W51", "quarter": "2026-Q4"}[every]
