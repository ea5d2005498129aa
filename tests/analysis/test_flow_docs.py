"""The worked example of docs/concepts.md: its YAML loads and its numbers are the code's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.whatif import Change, demand_limit, simulate
from clientchain.cli import app
from clientchain.loading import load_text

DOC = (Path(__file__).resolve().parents[2] / "docs" / "concepts.md").read_text(encoding="utf-8")
EXAMPLE = DOC.split("## Worked example", 1)[1]
YAML = re.search(r"```yaml\n(.*?)```", EXAMPLE, re.S).group(1)  # type: ignore[union-attr]
TABLE = {
    row[0].strip(): row[2].strip()
    for row in (
        line.strip("|").split("|") for line in EXAMPLE.splitlines() if line.startswith("| ")
    )
    if len(row) == 3
}


def documented(metric: str) -> str:
    return TABLE[metric]


def hours(text: str) -> float:
    return float(text.removesuffix(" h"))


@pytest.fixture(scope="module")
def org():
    return load_text(YAML, "concepts.yaml")


def test_every_number_of_the_worked_example(org) -> None:
    report = analyze_flow(org)
    d = report.departments
    post = report.chains["post"]
    assert d["redaccion"].load_hours == hours(documented("load redaccion")) == 8 * 3 + 4
    assert d["redaccion"].utilization == float(documented("utilization redaccion")) == 28 / 40
    assert d["diseno"].load_hours == hours(documented("load diseno")) == 8 * 6
    assert d["diseno"].utilization == float(documented("utilization diseno")) == 48 / 80
    assert d["publicacion"].utilization == float(documented("utilization publicacion")) == 8 / 40
    assert report.constraint == documented("constraint")
    assert report.headroom == pytest.approx(float(documented("headroom")), abs=1e-4)
    assert demand_limit(org) == float(documented("demand limit")) == (40 - 4) / 24
    assert post.takt_hours == hours(documented("takt")) == 40 / 8
    assert post.steps[1].cycle_time_hours == hours(documented("cycle time diseno")) == 6 / 2
    assert post.steps[0].wait_hours == hours(documented("wait redaccion")) == 8
    assert post.steps[1].wait_hours == hours(documented("wait diseno")) == 4 / (8 / 5) * 8
    assert post.finished_wait_hours == hours(documented("wait finished")) == 2 / 1.6 * 8
    assert post.process_time_hours == hours(documented("process time")) == 3 + 6 + 1
    assert post.lead_time_hours == hours(documented("lead time")) == 10 + 8 + 20 + 10
    assert post.lead_time_days == float(documented("lead time in days")) == 48 / 8
    assert post.value_added_ratio == pytest.approx(float(documented("value-added ratio")), abs=1e-4)
    assert post.rolled_quality == pytest.approx(float(documented("rolled quality")))
    assert post.rolled_quality == pytest.approx(0.90 * 0.95)
    assert post.unknown_quality == (("publicacion", "lectores"),)


def test_predicted_wait_and_what_if_of_the_worked_example(org) -> None:
    predicted = analyze_flow(org, predict_waits=True).chains["post"]
    # Kingman at u = 0.2, c = 1: (0.2 / 0.8) × 1 h
    assert predicted.steps[2].wait_hours == hours(documented("predicted wait publicacion")) == 0.25
    assert predicted.lead_time_hours == hours(documented("lead time, `--predict-waits`"))
    sim = simulate(org, [Change.demand(1.5)])
    after = sim.after.departments
    assert after["redaccion"].utilization == float(
        documented("`--demand 1.5`: utilization redaccion")
    )
    assert after["diseno"].utilization == float(documented("`--demand 1.5`: utilization diseno"))
    hires = {h.department: h.extra_people for h in sim.hires}
    # 1.3 × 8 = 10.4 a week = 2.08 a day
    held_in_days = simulate(org, [Change.demand(1.3)]).after.chains["post"].lead_time_hours
    assert held_in_days == pytest.approx(hours(documented("`--demand 1.3`: lead time")))
    in_units = simulate(org, [Change.demand(1.3)], hold_inventory=True).after.chains["post"]
    assert in_units.lead_time_hours == pytest.approx(10 + 8 + 4 / 2.08 * 8 + 2 / 2.08 * 8)
    assert in_units.lead_time_hours == pytest.approx(
        hours(documented("`--demand 1.3 --hold-inventory`: lead time")), abs=0.005
    )
    assert hires == {
        "redaccion": int(documented("hires redaccion")),
        "diseno": int(documented("hires diseno")),
    }


def test_the_quoted_output_is_what_chains_prints(org) -> None:
    result = CliRunner().invoke(app, ["chains", "-", "--no-color"], input=YAML)
    assert result.exit_code == 0, result.output
    quoted = EXAMPLE.split("```text\n", 1)[1].split("```", 1)[0]
    for line in quoted.splitlines():
        assert line in result.stdout.splitlines()
