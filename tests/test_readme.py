"""The README tells the truth: its quick start, its capture of `map`, its exit codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_the_two_make_commands_and_ci_runs_the_second() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make \w+", quick, re.M)
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in ci.splitlines() if line.startswith("make")] == ["make test"]


def test_the_map_capture_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clientchain", "map", "examples/agencia.yaml", "--no-color"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.rstrip("\n") in README


def test_exit_codes_are_documented() -> None:
    table = README.split("## Exit codes", 1)[1]
    for code in ("0", "1", "2", "3", "130"):
        assert f"| {code} |" in table


def test_the_coverage_floor_in_the_readme_is_the_one_make_test_enforces() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    floor = re.search(r"^COVERAGE_FLOOR := (\d+)$", makefile, re.M)
    assert floor is not None
    assert f"fails under {floor.group(1)}%" in README
    assert "--cov-fail-under=$(COVERAGE_FLOOR)" in makefile
