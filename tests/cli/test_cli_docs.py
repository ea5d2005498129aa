"""Docs that cannot drift: every command and option has help and is in docs/commands.md."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from clientchain.cli import app
from clientchain.cli.root import COMMANDS as TABLE

DOC = Path(__file__).resolve().parents[2] / "docs" / "commands.md"
ROOT = typer.main.get_command(app)
COMMANDS = sorted(ROOT.commands)  # type: ignore[attr-defined]


def _command(name: str) -> Any:
    """The real command (its module imported), as running it would build it."""
    return ROOT.get_command(typer.Context(ROOT), name)  # type: ignore[attr-defined]


def test_the_expected_commands_exist() -> None:
    assert set(COMMANDS) >= {"map", "who", "check", "init", "schema"}


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name: str) -> None:
    command = _command(name)
    assert command.help
    assert len(command.help.strip()) > 20
    for param in command.params:
        if param.param_type_name == "option":
            assert param.help, f"{name} {param.opts} has no help"
        else:
            assert getattr(param, "help", None), f"{name} {param.name} has no help"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented(name: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    assert f"\n## clientchain {name}\n" in text
    section = text.split(f"\n## clientchain {name}\n", 1)[1].split("\n## ", 1)[0]
    command = _command(name)
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt not in ("--help", "--lang"):  # --lang: global
                assert f"`{opt}" in section, f"{name} {opt} is not in docs/commands.md"


@pytest.mark.parametrize("name", COMMANDS)
def test_listed_line_is_the_first_line_of_the_commands_docstring(name: str) -> None:
    # `clientchain --help` lists commands from the table without importing them.
    assert TABLE[name][2] == _command(name).help.strip().splitlines()[0]


def test_root_help_imports_no_command_module(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from clientchain.cli import app\n"
        "result = CliRunner().invoke(app, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert 'discover' in result.output\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('clientchain.cli.'))\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.strip() == "['clientchain.cli.common', 'clientchain.cli.root']"


def test_global_options_are_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for param in ROOT.params:
        for opt in param.opts:
            if opt.startswith("--"):
                assert f"`{opt}`" in text


def test_exit_codes_are_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 130 |"):
        assert code in text


def test_a_command_pauses_the_cyclic_gc_and_restores_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from typer.testing import CliRunner

    from clientchain.cli import scaffold

    during: list[bool] = []
    monkeypatch.setattr(scaffold, "out", lambda text: during.append(gc.isenabled()))
    try:
        assert gc.isenabled()
        assert CliRunner().invoke(app, ["schema"]).exit_code == 0
        assert during == [False]  # paused while the command ran
        assert gc.isenabled()  # restored for the program that ran it
        gc.disable()
        CliRunner().invoke(app, ["schema"])
        assert not gc.isenabled()  # a program's own setting is kept
    finally:
        gc.enable()


@pytest.mark.parametrize("name", ["report", "check", "trend", "simulate"])
def test_help_paragraphs_wrap_to_the_terminal_not_to_the_source(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reported: at 80 columns `report --help` broke its description into ragged lines
    # ("whom," / "department, lead" alone on a line) because the docstring's own line
    # breaks were kept and rich wrapped each source line again. A paragraph now wraps as
    # one text: no line of the description is followed by a line that would have fitted
    # on it.
    from typer.testing import CliRunner

    monkeypatch.setenv("COLUMNS", "80")
    out = CliRunner().invoke(app, [name, "--help"]).stdout
    description = out.split("╭")[0].splitlines()[3:]  # after "Usage:" and its blank line
    for line, following in itertools.pairwise(description):
        if not line.strip() or not following.strip():
            continue
        first_word = following.split()[0]
        assert len(line.rstrip()) + 1 + len(first_word) > 79, (line, following)
