"""Issue 12 item 15: an effort the log does not measure is shown as unknown, never as a number."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cli.cli_support import Invoke
from clientchain.loading import load_text

from .support import write_csv

# Two cases, Sales → Design → Print. Sales runs 09:00-10:00 (1 h) and 09:00-09:30 (0.5 h):
# median 0.75 h; Design 10:00-12:00 (2 h) and 10:00-11:00 (1 h): median 1.5 h; Print has no
# start in either case: unknown.
HEADER = ["case", "department", "start_timestamp", "timestamp"]
ROWS = [
    ["1", "Sales", "2024-01-01 09:00", "2024-01-01 10:00"],
    ["1", "Design", "2024-01-01 10:00", "2024-01-01 12:00"],
    ["1", "Print", "", "2024-01-01 13:00"],
    ["2", "Sales", "2024-01-02 09:00", "2024-01-02 09:30"],
    ["2", "Design", "2024-01-02 10:00", "2024-01-02 11:00"],
    ["2", "Print", "", "2024-01-02 12:00"],
]
UNKNOWN = "        effort: unknown  # unknown: no case of this variant measured it"


def test_unmeasured_steps_are_marked_unknown_in_the_file(cli: Invoke, tmp_path: Path) -> None:
    log = write_csv(tmp_path / "log.csv", HEADER, ROWS)
    result = cli("discover", str(log))
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.strip().startswith("effort:")] == [
        '        effort: "0.75h"',
        '        effort: "1.5h"',
        UNKNOWN,
    ]
    assert "  # 2 cases (100%); effort unknown at 1 of 3 steps" in lines
    (chain,) = load_text(result.stdout, "found.yaml").chains.values()
    assert [step.effort for step in chain.steps] == [0.75, 1.5, None]
    assert (
        "  step efforts: unknown for 1 of 3 chain steps (written as 'effort: unknown'"
        in result.stderr
    )


def test_a_log_without_start_times_has_no_measured_effort(cli: Invoke, tmp_path: Path) -> None:
    log = write_csv(
        tmp_path / "log.csv",
        ["case", "department", "timestamp"],
        [[case, department, end] for case, department, _, end in ROWS],
    )
    result = cli("discover", str(log))
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.strip().startswith("effort:")] == [UNKNOWN] * 3
    assert "  # 2 cases (100%); effort unknown at every step" in lines
    header = " ".join(line.lstrip("# ") for line in lines if line.startswith("#"))
    assert "lead time, value added, utilization and headroom" in header
    assert "shown as unknown" in header
    assert (
        "  step efforts: unknown for 3 of 3 chain steps (written as 'effort: unknown'"
        in result.stderr
    )


def test_compare_json_gives_unknown_efforts_as_null(cli: Invoke, tmp_path: Path) -> None:
    log = write_csv(tmp_path / "log.csv", HEADER, ROWS)
    org = tmp_path / "org.yaml"
    assert cli("discover", str(log), "-o", str(org)).exit_code == 0
    result = cli("discover", str(log), "--compare", str(org), "--format", "json")
    assert result.exit_code == 0, result
    (chain,) = json.loads(result.stdout)["chains"]
    assert chain["path"] == ["Sales", "Design", "Print"]
    assert chain["cases"] == 2
    assert chain["efforts"] == [0.75, 1.5, None]


NOT_MEASURED = re.compile(r"(?<![\d.])0 h|(?<![\d.])0%|100%|∞")
"""What an unknown used to be shown as: 0 h of effort or load, 0% utilization, 100% value
added, an infinite headroom."""


def _discovered(cli: Invoke, tmp_path: Path, rows: list[list[str]], header: list[str]) -> Path:
    log = write_csv(tmp_path / "log.csv", header, rows)
    org = tmp_path / "found.yaml"
    result = cli("discover", str(log), "-o", str(org))
    assert result.exit_code == 0, result
    return org


def test_discover_then_map_shows_unknown_without_start_times(cli: Invoke, tmp_path: Path) -> None:
    # No start times: every effort is unknown. 2 cases over one week: demand 2, takt 40 / 2
    # = 20 h (takt does not need effort); load, utilization, lead time, headroom: unknown.
    no_starts = [[case, department, end] for case, department, _, end in ROWS]
    org = _discovered(cli, tmp_path, no_starts, ["case", "department", "timestamp"])
    text = cli("map", str(org), "--no-color")
    assert text.exit_code == 0, text
    assert NOT_MEASURED.findall(text.stdout) == []
    assert "    utilization: unknown (unknown of 40 h per week)" in text.stdout
    assert "    lead time unknown (effort unknown at 3 steps); constraint unknown" in text.stdout
    assert "  headroom: unknown (utilization unknown at Design (design), Print (print), " in (
        text.stdout
    )
    doc = json.loads(cli("map", str(org), "--format", "json").stdout)
    assert [(d["id"], d["load_hours"], d["utilization"]) for d in doc["departments"]] == [
        ("design", None, None),
        ("print", None, None),
        ("sales", None, None),
    ]
    assert [c["lead_time_hours"] for c in doc["chains"]] == [None]
    assert (doc["constraint"], doc["headroom"], doc["demand_limit"]) == (None, None, None)
    assert doc["unknown_utilization"] == ["design", "print", "sales"]
    chains = json.loads(cli("chains", str(org), "--format", "json").stdout)["chains"]
    assert chains[0]["takt_hours"] == 20.0
    assert [chains[0][k] for k in ("process_time_hours", "lead_time_hours")] == [None, None]
    assert chains[0]["value_added_ratio"] is None
    assert chains[0]["unknown_effort_steps"] == 3
    assert NOT_MEASURED.findall(cli("bottlenecks", str(org)).stdout) == []
    text = cli("chains", str(org), "--no-color").stdout
    assert "  process time: unknown\n  lead time: unknown\n  value-added ratio: unknown\n" in text
    # (its rolled quality reads 100%: handoffs without a quality count as 100%, said there)
    assert "  rolled quality: 100% (unknown: Sales → Design, " in text
    findings = cli("check", str(org), "--format", "json").stdout
    assert [f["rule"] for f in json.loads(findings)["findings"]].count("unknown-effort") == 1


def test_discover_then_map_keeps_what_was_measured(cli: Invoke, tmp_path: Path) -> None:
    # Sales 0.75 h and Design 1.5 h measured, Print not; demand 2 per week (H = 40 h):
    # Sales 2 × 0.75 = 1.5 h of 40 h = 3.75%, Design 2 × 1.5 = 3 h = 7.5%, Print unknown.
    org = _discovered(cli, tmp_path, ROWS, HEADER)
    doc = json.loads(cli("bottlenecks", str(org), "--format", "json").stdout)
    assert [(d["id"], d["load_hours"], d["utilization"]) for d in doc["departments"]] == [
        ("design", 3.0, 0.075),
        ("sales", 1.5, 0.0375),
        ("print", None, None),  # unknown, last
    ]
    assert doc["constraint"] == "design"  # the busiest of the known
    assert (doc["headroom"], doc["demand_limit"]) == (None, None)  # Print could be busier
    assert doc["unknown_utilization"] == ["print"]
    text = cli("bottlenecks", str(org)).stdout
    assert "constraint: Design (design) at 7.5%; utilization unknown at Print (print)" in text
