"""``pyproject.toml`` of any shape: a clear located message and exit 2, never an internal error.

Every case runs ``clientchain check`` for real on an org file next to the
``pyproject.toml`` in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from clientchain.cli import app

ORG = "version: 1\ndepartments: {a: {}}\nchecks: {ignore: [isolated]}\n"  # no findings


def check(folder: Path, toml: str) -> tuple[int, str, Path]:
    (folder / "pyproject.toml").write_text(toml, encoding="utf-8")
    org = folder / "org.yaml"
    org.write_text(ORG, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(org)])
    return result.exit_code, result.output, folder / "pyproject.toml"


@pytest.mark.parametrize(
    ("toml", "line", "message"),
    [
        ('tool = 1\n[project]\nname = "x"\n', 1, "'tool' must be a table, got an integer"),
        ('name = "x"\ntool = "x"\n', 2, "'tool' must be a table, got a string"),
        ("[[tool]]\nclientchain = 1\n", 1, "'tool' must be a table, got an array of tables"),
        ("tool = [1, 2]\n", 1, "'tool' must be a table, got an array"),
        ("[tool]\nclientchain = 1\n", 2, "tool.clientchain: expected a table, got an integer"),
        ('[tool]\nclientchain = "x"\n', 2, "tool.clientchain: expected a table, got a string"),
        ("[[tool.clientchain]]\nfail-on = 'error'\n", 1, "expected a table, got an array"),
        ('name = "x"\ntool = {clientchain = "y"}\n[project]\n', 2, "got a string"),
    ],
)
def test_a_pyproject_of_the_wrong_shape_is_a_located_input_error(
    tmp_path: Path, toml: str, line: int, message: str
) -> None:
    code, output, path = check(tmp_path, toml)
    assert code == 2, output
    assert "internal error" not in output
    assert "Traceback" not in output
    assert f"{path}:{line}:1: error [input-error] " in output
    assert message in output


def test_a_tool_table_without_clientchain_is_no_configuration(tmp_path: Path) -> None:
    # [tool.ruff] alone: nothing for clientchain; the check runs with the defaults
    code, output, _ = check(tmp_path, "[tool.ruff]\nline-length = 100\n")
    assert code == 0, output


@pytest.mark.parametrize(
    ("toml", "line"),
    [
        ('[tool.clientchain]\nfail_on = "error"\nfail-on = "info"\n', 3),
        ('[tool.clientchain]\nfail-on = "info"\nignore = []\nfail_on = "error"\n', 4),
    ],
)
def test_fail_on_written_both_ways_is_a_conflict_not_last_wins(
    tmp_path: Path, toml: str, line: int
) -> None:
    code, output, path = check(tmp_path, toml)
    assert code == 2, output
    assert (
        f"{path}:{line}:1: error [input-error] tool.clientchain.fail_on: 'fail_on' and "
        "'fail-on' are the same key; keep one" in output
    )


def test_near_capacity_written_both_ways_is_a_conflict_too(tmp_path: Path) -> None:
    toml = '[tool.clientchain]\nnear_capacity = "80%"\nnear-capacity = "90%"\n'
    code, output, path = check(tmp_path, toml)
    assert code == 2, output
    assert f"{path}:3:1: " in output
    assert "'near_capacity' and 'near-capacity' are the same key" in output


def test_a_bare_percentage_in_pyproject_suggests_the_percent_sign(tmp_path: Path) -> None:
    code, output, path = check(tmp_path, "[tool.clientchain]\nnear_capacity = 90\n")
    assert code == 2, output
    assert f"{path}:2:1: " in output
    assert "did you mean '90%'?" in output
