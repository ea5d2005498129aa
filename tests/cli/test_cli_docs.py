"""Docs that cannot drift: every command and option has help and is in docs/commands.md."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from clientchain.cli import app

DOC = Path(__file__).resolve().parents[2] / "docs" / "commands.md"
ROOT = typer.main.get_command(app)
COMMANDS = sorted(ROOT.commands)  # type: ignore[attr-defined]


def test_the_expected_commands_exist() -> None:
    assert set(COMMANDS) >= {"map", "who", "check", "init", "schema"}


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name: str) -> None:
    command = ROOT.commands[name]  # type: ignore[attr-defined]
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
    command = ROOT.commands[name]  # type: ignore[attr-defined]
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in section, f"{name} {opt} is not in docs/commands.md"


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
