"""The shipped example log: the engine's handover counts agree exactly with a plain-Python
count, for the CSV, Parquet and XES versions of it; the discovered file passes `check`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli.cli_support import run_script
from clientchain.discover import ColumnOptions, DiscoverOptions, ReadOptions, discover_log

from .support import (
    EXAMPLE_FORMAT,
    EXAMPLE_LOG,
    EXAMPLE_OPTIONS,
    EXAMPLE_ORG,
    ROOT,
    example_as_parquet,
    example_as_xes,
    python_handovers,
    read_example,
)

COLUMNS = ColumnOptions(
    case="caso", activity="actividad", department="departamento", timestamp="fin",
    start_timestamp="inicio",
)  # fmt: skip


@pytest.fixture(scope="module")
def expected() -> dict[tuple[str, str], int]:
    counted = python_handovers(read_example(), "caso", "departamento", "fin", EXAMPLE_FORMAT)
    assert sum(counted.values()) > 5000  # a real workload, not a toy
    return dict(counted)


def observed(path: Path, options: DiscoverOptions) -> dict[tuple[str, str], int]:
    found = discover_log(path, options)
    return {(e.source, e.target): e.handovers for e in found.result.edges}


def test_csv_counts_agree_with_plain_python(expected: dict[tuple[str, str], int]) -> None:
    assert observed(EXAMPLE_LOG, DiscoverOptions(ReadOptions(COLUMNS))) == expected


def test_the_example_has_ties_that_file_order_decides() -> None:
    rows = [r for r in read_example() if r["departamento"]]
    seen: dict[tuple[str, str], str] = {}
    ties = 0
    for row in rows:
        key = (row["caso"], row["fin"])
        if key in seen and seen[key] != row["departamento"]:
            ties += 1
        seen[key] = row["departamento"]
    assert ties > 100  # approvals recorded at the minute of delivery


def test_parquet_counts_agree(tmp_path: Path, expected: dict[tuple[str, str], int]) -> None:
    path = example_as_parquet(tmp_path / "agencia-log.parquet")
    assert observed(path, DiscoverOptions(ReadOptions(COLUMNS))) == expected


@pytest.mark.parametrize("name", ["agencia-log.xes", "agencia-log.xes.gz"])
def test_xes_counts_agree(tmp_path: Path, expected: dict[tuple[str, str], int], name: str) -> None:
    path = example_as_xes(tmp_path / name, gz=name.endswith(".gz"))
    assert observed(path, DiscoverOptions()) == expected  # standard names, no options


def test_xes_lifecycle_efforts_match_the_csv_start_column(tmp_path: Path) -> None:
    from_csv = discover_log(EXAMPLE_LOG, DiscoverOptions(ReadOptions(COLUMNS)))
    from_xes = discover_log(example_as_xes(tmp_path / "log.xes"))
    assert from_xes.result.variants == from_csv.result.variants
    assert from_xes.result.totals.measured == from_csv.result.totals.measured > 8000


def test_the_shipped_discovered_file_is_current() -> None:
    done = subprocess.run(
        [str(Path(sys.executable).with_name("clientchain")), "discover",
         str(EXAMPLE_LOG.relative_to(ROOT)), *EXAMPLE_OPTIONS,
         "--client", "Marcas y pymes", "--name", "Agencia Ejemplo (observada)"],
        capture_output=True, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == EXAMPLE_ORG.read_text(encoding="utf-8")


def test_the_discovered_example_passes_check() -> None:
    # Exit 1, never 2: the file is valid; its findings are real. Efforts are clock hours
    # (nights included) at headcount 1, so some departments are overloaded, and the
    # observed rework loop (creatividad → contenido → creatividad) is a work-cycle.
    result = run_script("check", str(EXAMPLE_ORG), "--fail-on", "error")
    assert result.exit_code == 1, result
    assert "[overloaded]" in result.stdout
    assert "input-error" not in result.stdout
    assert run_script("check", str(EXAMPLE_ORG), "--select", "isolated").exit_code == 0


def test_the_generator_is_reproducible(tmp_path: Path) -> None:
    target = tmp_path / "log.csv"
    script = ROOT / "examples" / "event-log" / "generate.py"
    subprocess.run([sys.executable, str(script), "-o", str(target)], check=True, timeout=120)
    assert target.read_bytes() == EXAMPLE_LOG.read_bytes()
    assert EXAMPLE_LOG.stat().st_size < 3_000_000
