"""Issue 12 item 14: placeholder departments (EMPTY, NULL, N/A, -, empty) are missing values."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.cli_support import Invoke
from clientchain.discover import DiscoverOptions, ReadOptions, discover_log
from clientchain.loading import load_text

from .support import write_csv

HEADER = ["case", "department", "timestamp"]

# Case 1: Sales 09:00, EMPTY 10:00, Design 11:00 → with EMPTY missing, Sales → Design (gap 2 h).
# Case 2: Sales 09:00, n/a, NULL, -, "", "(none)", Design 16:00 → with all six missing,
# Sales → Design (gap 7 h).
ROWS = [
    ["1", "Sales", "2024-01-01 09:00"],
    ["1", "EMPTY", "2024-01-01 10:00"],
    ["1", "Design", "2024-01-01 11:00"],
    ["2", "Sales", "2024-01-02 09:00"],
    ["2", " n/a ", "2024-01-02 10:00"],
    ["2", "NULL", "2024-01-02 11:00"],
    ["2", "-", "2024-01-02 12:00"],
    ["2", "", "2024-01-02 13:00"],
    ["2", "(none)", "2024-01-02 14:00"],
    ["2", "Design", "2024-01-02 16:00"],
]


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "log.csv", HEADER, ROWS)


def test_placeholders_are_missing_and_counted_on_one_line(cli: Invoke, log: Path) -> None:
    result = cli("discover", str(log))
    assert result.exit_code == 0, result
    org = load_text(result.stdout, "found.yaml")
    # "(none)" is not a placeholder by default: a department, between Sales and Design in case 2.
    assert sorted(d.name for d in org.departments.values()) == ["(none)", "Design", "Sales"]
    # 10 rows; missing department: EMPTY, n/a, NULL, -, empty = 5 rows, skipped.
    assert "10 rows read, 5 skipped (no case, department or timestamp)" in result.stderr
    lines = [line for line in result.stderr.splitlines() if "department missing" in line]
    assert lines == [
        "  department missing in 5 rows: '-' 1, 'EMPTY' 1, 'NULL' 1, 'n/a' 1, empty 1 "
        "(placeholders count as missing; --missing VALUE adds others)"
    ]


def test_missing_option_adds_values(cli: Invoke, log: Path) -> None:
    result = cli("discover", str(log), "--missing", "(NONE)")
    assert result.exit_code == 0, result
    org = load_text(result.stdout, "found.yaml")
    (handoff,) = org.handoffs
    assert (handoff.source, handoff.target) == ("sales", "design")
    assert handoff.volume == 2  # one handover per case, a span under a week
    assert handoff.lead_time == 4.5  # median of 2 h (case 1) and 7 h (case 2)
    assert "department missing in 6 rows: " in result.stderr
    assert "'(none)' 1" in result.stderr


def test_library_option_and_totals(log: Path) -> None:
    found = discover_log(log, DiscoverOptions(ReadOptions(missing=("EMPTY", "(none)"))))
    # Only EMPTY and (none) (and the empty one) are missing now: n/a, NULL and - are departments.
    assert [name for name, _ in found.result.totals.departments] == [
        "-", "Design", "NULL", "Sales", "n/a",
    ]  # fmt: skip
    assert found.result.totals.missing == (("", 1), ("(none)", 1), ("EMPTY", 1))


def test_no_line_when_nothing_is_missing(cli: Invoke, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "clean.csv", HEADER, [ROWS[0], ROWS[2]])
    result = cli("discover", str(path))
    assert result.exit_code == 0, result
    assert "missing" not in result.stderr
