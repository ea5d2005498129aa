"""Issue 12 item 15: every command shows what an `effort: unknown` makes unknown as 'unknown'
(JSON null), and what stays known with its number."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from hand_orgs import UNKNOWN_EFFORT as ORG

from .cli_support import Invoke


@pytest.fixture
def org(org_file: Callable[..., Path]) -> str:
    return str(org_file(ORG))


def test_map_text(cli: Invoke, org: str) -> None:
    out = cli("map", org, "--no-color").stdout
    assert "    utilization: 62.5% (25 h of 40 h per week), the constraint" in out
    assert "    utilization: unknown (unknown of 40 h per week)" in out
    assert "    lead time unknown (effort unknown at 1 step); constraint Alfa (a)" in out
    assert "    lead time 1.25 working days (10 h); constraint Alfa (a)" in out
    assert "  Beta (b): unknown\n" in out
    assert "  headroom: unknown (utilization unknown at Beta (b): effort unknown)" in out
    assert "∞" not in out


def test_chains_json(cli: Invoke, org: str) -> None:
    x, y = json.loads(cli("chains", org, "--format", "json").stdout)["chains"]
    assert x["takt_hours"] == 4.0  # 40 / 10
    assert [x[k] for k in ("process_time_hours", "lead_time_hours", "value_added_ratio")] == [
        None,
        None,
        None,
    ]
    assert x["lead_time_days"] is None
    assert x["unknown_effort_steps"] == 1
    assert [(s["effort_hours"], s["cycle_time_hours"], s["over_takt"]) for s in x["steps"]] == [
        (2.0, 2.0, False),
        (None, None, None),
    ]
    assert [y[k] for k in ("process_time_hours", "lead_time_hours", "value_added_ratio")] == [
        5.0,
        10.0,
        0.5,
    ]
    assert y["unknown_effort_steps"] == 0


def test_bottlenecks_and_simulate_json(cli: Invoke, org: str) -> None:
    doc = json.loads(cli("bottlenecks", org, "--format", "json").stdout)
    assert [(d["id"], d["utilization"], d["unknown_effort_steps"]) for d in doc["departments"]] == [
        ("a", 0.625, 0),
        ("c", 0.5, 0),
        ("b", None, 1),
    ]
    assert (doc["constraint"], doc["headroom"], doc["demand_limit"]) == ("a", None, None)
    assert doc["unknown_utilization"] == ["b"]
    sim = json.loads(cli("simulate", org, "--demand", "2", "--format", "json").stdout)
    # Alfa 2 × 25 = 50 h of 40 h = 125%; Beta still unknown, so no demand limit.
    after = {d["id"]: d["utilization"] for d in sim["after"]["departments"]}
    assert after == {"a": 1.25, "c": 1.0, "b": None}
    assert sim["demand_limit"] is None
    assert sim["after"]["unknown_utilization"] == ["b"]


def test_simulate_text_and_diagram(cli: Invoke, org: str, tmp_path: Path) -> None:
    out = cli("simulate", org, "--demand", "2").stdout
    assert "  Beta (b): unknown → unknown (unknown of 40 h)" in out
    assert "  x: unknown → unknown (change unknown)" in out
    assert "demand limit: unknown (utilization unknown at Beta (b): effort unknown)" in out
    dot = tmp_path / "x.dot"
    assert cli("render", org, "-o", str(dot), "--view", "chain:x").exit_code == 0
    text = dot.read_text(encoding="utf-8")
    assert "process time unknown · lead time unknown · value added unknown" in text
    assert "operative · utilization unknown" in text
    assert "cycle unknown" in text


def test_report_markdown(cli: Invoke, org: str, tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    assert cli("report", org, "-o", str(report)).exit_code == 0
    text = report.read_text(encoding="utf-8")
    assert "| Headroom | unknown \\(utilization unknown at Beta: effort unknown\\) |" in text
    quality = "100% \\(unknown: 2 of 2 handoffs\\)"  # neither handoff of x gives a quality
    assert f"| x | 10/week | 4 h | unknown | unknown | unknown | {quality} | Alfa | none |" in text
    assert "| Beta | unknown | 40 h | unknown |" in text


def test_diff_says_unknown_not_none_or_new(cli: Invoke, org: str, org_file) -> None:
    # Beta's effort set to 3 h: 10 × 3 = 30 h of 40 h = 75%; x's lead 2 + 3 + 8 = 13 h.
    known = org_file(ORG.replace("effort: unknown, wait: 8h", "effort: 3h, wait: 8h"), "new.yaml")
    out = cli("diff", org, str(known)).stdout
    assert "  ~ x: steps[1].effort unknown → 3 h" in out
    assert "  utilization of Beta (b): unknown → 75% (change unknown)" in out
    assert "  lead time of x: unknown → 13 h (change unknown)" in out
    doc = json.loads(cli("diff", org, str(known), "--format", "json").stdout)
    beta = next(m for m in doc["metrics"] if m["id"] == "b")
    assert (beta["old"], beta["new"], beta["delta"]) == (None, 0.75, None)


def test_slides(cli: Invoke, org: str, tmp_path: Path) -> None:
    pptx = pytest.importorskip("pptx")
    deck = tmp_path / "s.pptx"
    assert cli("slides", org, "-o", str(deck)).exit_code == 0
    texts, notes = [], []
    for slide in pptx.Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [" | ".join(c.text for c in row.cells) for row in shape.table.rows]
        notes.append(slide.notes_slide.notes_text_frame.text)
    assert "Beta | unknown | 40 h | unknown" in texts  # the bottleneck table
    assert any("process time unknown · lead time unknown · value added unknown" in t for t in texts)
    assert "Headroom unknown: utilization unknown at Beta: effort unknown." in notes[0]
    assert "Beta: effort unknown, cycle unknown, wait 8 h" in "\n".join(notes)
    assert "∞" not in "\n".join(texts + notes)
