"""Issue 13 item 6: discover reads exactly the file named (no pattern, no ``~``); ``-`` is stdin."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.cli_support import Invoke
from clientchain.loading import load_text

from .support import example_as_parquet, example_as_xes, write_csv

HEADER = ["case", "department", "timestamp"]


def _log(path: Path, first: str, second: str) -> Path:
    """One case handing over from ``first`` to ``second``."""
    rows = [["1", first, "2024-01-01 09:00"], ["1", second, "2024-01-01 10:00"]]
    return write_csv(path, HEADER, rows)


def _names(stdout: str) -> list[str]:
    org = load_text(stdout, "found.yaml")
    return sorted(d.name for d in org.departments.values())


def test_brackets_in_the_name_are_not_a_pattern(cli: Invoke, tmp_path: Path) -> None:
    named = _log(tmp_path / "log[1].csv", "Bracket", "Named")
    _log(tmp_path / "log1.csv", "Pattern", "Match")  # what the pattern log[1].csv matches
    result = cli("discover", str(named))
    assert result.exit_code == 0, result
    assert _names(result.stdout) == ["Bracket", "Named"]


def test_star_in_the_name_reads_one_file(cli: Invoke, tmp_path: Path) -> None:
    named = _log(tmp_path / "star*.csv", "Star", "Literal")
    _log(tmp_path / "star-other.csv", "Other", "File")  # star*.csv as a pattern would merge it
    result = cli("discover", str(named))
    assert result.exit_code == 0, result
    assert _names(result.stdout) == ["Literal", "Star"]
    assert "2 events in 1 case" in result.stderr  # not 4 events in 2 cases


def test_question_mark_in_the_name_reads_one_file(cli: Invoke, tmp_path: Path) -> None:
    named = _log(tmp_path / "log?.csv", "Question", "Mark")
    _log(tmp_path / "logA.csv", "Other", "File")
    result = cli("discover", str(named))
    assert result.exit_code == 0, result
    assert _names(result.stdout) == ["Mark", "Question"]


def test_folder_named_tilde_is_a_folder(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "~").mkdir()
    _log(tmp_path / "~" / "log.csv", "Tilde", "Folder")
    monkeypatch.chdir(tmp_path)
    result = cli("discover", "~/log.csv")
    assert result.exit_code == 0, result
    assert _names(result.stdout) == ["Folder", "Tilde"]


def test_parquet_with_brackets_in_the_name(cli: Invoke, tmp_path: Path) -> None:
    example_as_parquet(tmp_path / "plain.parquet")
    named = tmp_path / "log[1].parquet"
    (tmp_path / "plain.parquet").rename(named)
    _log(tmp_path / "log1.parquet", "Not", "Parquet")  # a CSV under a parquet name
    result = cli(
        "discover", str(named), "--case", "caso", "--department", "departamento",
        "--timestamp", "fin",
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert "2,000 cases" in result.stderr


def test_xes_with_brackets_in_the_name(cli: Invoke, tmp_path: Path) -> None:
    named = example_as_xes(tmp_path / "log[1].xes")
    _log(tmp_path / "log1.xes", "Not", "Xes")  # a CSV under an XES name: read, it would fail
    result = cli("discover", str(named))
    assert result.exit_code == 0, result
    assert "2,000 cases" in result.stderr


def test_dash_reads_standard_input(cli: Invoke, tmp_path: Path) -> None:
    data = _log(tmp_path / "log.csv", "Stdin", "Piped").read_bytes()
    result = cli("discover", "-", input=data)
    assert result.exit_code == 0, result
    assert _names(result.stdout) == ["Piped", "Stdin"]
    assert result.stderr.startswith("<stdin>: csv")


def test_dash_reads_parquet_from_standard_input(cli: Invoke, tmp_path: Path) -> None:
    data = example_as_parquet(tmp_path / "log.parquet").read_bytes()
    result = cli(
        "discover", "-", "--case", "caso", "--department", "departamento", "--timestamp", "fin",
        input=data,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert result.stderr.startswith("<stdin>: parquet")
    assert "2,000 cases" in result.stderr


def test_empty_standard_input_is_one_line_and_exit_2(cli: Invoke) -> None:
    result = cli("discover", "-", input=b"")
    assert result.exit_code == 2
    assert result.stderr.strip() == "clientchain: error: <stdin>: the log is empty"


def test_standard_input_is_read_up_to_a_bound(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clientchain.discover import source

    data = _log(tmp_path / "log.csv", "Stdin", "Piped").read_bytes()
    monkeypatch.setattr(source, "STDIN_LIMIT", len(data) - 1)  # one byte short of the log
    result = cli("discover", "-", input=data)
    assert result.exit_code == 2
    assert "<stdin>: more than" in result.stderr
    assert "save the log to a file and give its name" in result.stderr
    monkeypatch.setattr(source, "STDIN_LIMIT", len(data))  # exactly the log: read
    assert cli("discover", "-", input=data).exit_code == 0


def test_a_fifo_is_not_read_by_name(cli: Invoke, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "log.csv"
    os.mkfifo(fifo)
    result = cli("discover", str(fifo))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"clientchain: error: {fifo}: not a regular file (for a pipe, give - and standard input)"
    )
