"""Issue 12 item 15: an effort the log does not measure is shown as unknown, never as a number."""

from __future__ import annotations

import json
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
    assert "  # 2 cases (100.0%); effort unknown at 1 of 3 steps" in lines
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
    assert "  # 2 cases (100.0%); effort unknown at every step" in lines
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
