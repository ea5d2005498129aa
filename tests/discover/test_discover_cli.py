"""`clientchain discover` through typer's CliRunner and a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli.cli_support import Invoke, run_script
from clientchain.loading import load_text

from .support import EXAMPLE_LOG, EXAMPLE_OPTIONS, write_csv

ROWS = [
    ["1", "Ventas", "2024-01-01 09:00"],
    ["1", "Diseño", "2024-01-01 10:00"],
    ["2", "Ventas", "2024-01-02 09:00"],
    ["2", "Diseño", "2024-01-02 12:00"],
]


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "small.csv", ["case", "department", "timestamp"], ROWS)


def test_org_file_on_stdout_and_summary_on_stderr(cli: Invoke, log: Path) -> None:
    result = cli("discover", str(log), "--client", "Clientes")
    assert result.exit_code == 0, result
    org = load_text(result.stdout, "out.yaml")
    (handoff,) = org.handoffs
    assert (handoff.source, handoff.target) == ("ventas", "diseno")
    assert handoff.volume == 2  # 2 handovers in a log shorter than a week: one period
    assert handoff.lead_time == 2  # median of 1 h and 3 h
    assert "4 events in 2 cases" in result.stderr
    assert "2 handovers between 1 pair of departments" in result.stderr
    assert "covering 100% of the cases" in result.stderr


def test_output_file_is_written(cli: Invoke, log: Path, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    result = cli("discover", str(log), "-o", str(target), "--period", "day", "--top", "1")
    assert result.exit_code == 0, result
    assert result.stdout == ""
    assert f"wrote {target}; next: clientchain check {target}" in result.stderr
    org = load_text(target.read_text(encoding="utf-8"), str(target))
    assert org.period == "day"
    # Span: 2024-01-01 09:00 → 2024-01-02 12:00 = 27 h = 1.125 days; 2 / 1.125 = 1.7778.
    assert org.handoffs[0].volume == 1.778
    assert run_script("check", str(target), "--fail-on", "error").exit_code == 0


def test_bad_timestamp_is_one_line_and_exit_2(cli: Invoke, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "bad.csv", ["case", "department", "timestamp"], [*ROWS, ["3", "X", "31/31/2024"]]
    )
    for result in (cli("discover", str(path)), run_script("discover", str(path))):
        assert result.exit_code == 2
        assert result.stderr.strip().splitlines() == [
            f"clientchain: error: {path}: column 'timestamp' (--timestamp), row 5: cannot "
            "read '31/31/2024' as a timestamp (format iso); give the format with --timestamp-format"
        ]
        assert "Traceback" not in result.stderr


def test_missing_column_exit_2(cli: Invoke, log: Path) -> None:
    result = cli("discover", str(log), "--activity", "actividad")
    assert result.exit_code == 2
    assert "no column 'actividad' (given with --activity)" in result.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--coverage", "lots"], "--coverage: expected a percentage"),
        (["--coverage", "120%"], "at most 100%"),
        (["--top", "2", "--coverage", "80%"], "either --top or --coverage"),
        (["--delimiter", ";;"], "--delimiter: expected one character"),
        (["--tolerance", "-5%"], "--tolerance"),
    ],
)
def test_bad_options_exit_2(cli: Invoke, log: Path, options: list[str], message: str) -> None:
    extra = ["--compare", str(log)] if "--tolerance" in options else []
    result = cli("discover", str(log), *options, *extra)
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_engine_names_the_extra(
    cli: Invoke, log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "duckdb", None)  # `import duckdb` now raises ImportError
    result = cli("discover", str(log))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "clientchain: error: discover needs DuckDB, which is not installed; "
        "install the extra with: pip install 'clientchain[discover]'"
    )


def test_start_up_does_not_import_the_engine() -> None:
    code = (
        "import sys, clientchain.cli; print(sorted({'duckdb', 'rich.progress'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_help_lists_discover_and_its_options() -> None:
    assert "discover" in run_script("--help").stdout
    help_text = run_script("discover", "--help").stdout
    for option in ("--case", "--start-timestamp", "--lifecycle", "--coverage", "--compare"):
        assert option in help_text


def test_example_through_python_m(tmp_path: Path) -> None:
    target = tmp_path / "found.yaml"
    result = run_script(
        "discover", str(EXAMPLE_LOG), *EXAMPLE_OPTIONS, "-o", str(target), module=True
    )
    assert result.exit_code == 0, result
    assert "2,000 cases" in result.stderr
    assert "delimiter ';'" in result.stderr
    assert load_text(target.read_text(encoding="utf-8"), "f.yaml").chains["variant-1"].steps
