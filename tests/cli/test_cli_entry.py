"""The entry points, global options, start-up cost and the one error handler."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clientchain import __version__
from clientchain.cli import root as app_module
from clientchain.cli.root import exit_code_for
from clientchain.errors import InputError, Issue, UsageError

from .cli_support import TALLER, Invoke, run_script

COMMANDS = ("map", "who", "check", "init", "schema")


def test_version(cli: Invoke) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"clientchain {__version__}\n"


def test_help_lists_every_command(cli: Invoke) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_no_arguments_shows_help(cli: Invoke) -> None:
    result = cli()
    assert "Usage" in result.stdout + result.stderr
    assert result.exit_code in (0, 2)


def test_unknown_command_is_a_usage_error(cli: Invoke) -> None:
    result = cli("mapp")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_unknown_option_is_a_usage_error(cli: Invoke, org_file) -> None:
    result = cli("map", str(org_file()), "--frobnicate")
    assert result.exit_code == 2


def test_bad_format_value_is_a_usage_error(cli: Invoke, org_file) -> None:
    result = cli("map", str(org_file()), "--format", "xml")
    assert result.exit_code == 2


def test_installed_script_runs() -> None:
    result = run_script("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"clientchain {__version__}"


def test_python_dash_m_runs() -> None:
    result = run_script("--version", module=True)
    assert result.exit_code == 0
    assert result.stdout.strip() == f"clientchain {__version__}"


def test_script_reads_stdin_and_exits_0() -> None:
    result = run_script("map", "-", input=TALLER)
    assert result.exit_code == 0, result
    assert "organization: Taller Núñez" in result.stdout


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_start_up_does_not_import_heavy_modules(option: str) -> None:
    """``--help`` and ``--version`` import neither networkx, yaml, jsonschema nor analyses."""
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from clientchain.cli import app\n"
        f"CliRunner().invoke(app, [{option!r}])\n"
        "heavy = ('networkx', 'yaml', 'jsonschema', 'clientchain.analysis', 'clientchain.checks',\n"
        "         'clientchain.loading', 'clientchain.graph')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_start_up_import_time_shows_no_networkx_or_yaml() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "clientchain", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    imported = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert imported
    assert not [line for line in imported if "networkx" in line or "yaml" in line]


# --- the error handler -----------------------------------------------------------------


def test_input_error_prints_every_issue_one_per_line(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch, org_file
) -> None:
    issues = [Issue("org.yaml", 3, 5, "first problem"), Issue("org.yaml", 7, 1, "second", "a.b")]

    def broken(path: str) -> None:
        raise InputError(issues)

    monkeypatch.setattr("clientchain.loading.load_file", broken)
    result = cli("map", str(org_file()))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "org.yaml:3:5: first problem",
        "org.yaml:7:1: a.b: second",
    ]
    assert result.stdout == ""


def test_usage_error_is_one_line(cli: Invoke, org_file) -> None:
    result = cli("who", str(org_file()), "tallr")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "did you mean 'taller'" in result.stderr


def test_internal_error_exits_3_with_an_invitation(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch, org_file
) -> None:
    def bug(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("clientchain.app.overview.build_overview", bug)
    result = cli("map", str(org_file()))
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert "internal error: ZeroDivisionError: boom" in result.stderr
    assert "report" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback(cli: Invoke, monkeypatch: pytest.MonkeyPatch, org_file) -> None:
    def bug(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("clientchain.app.overview.build_overview", bug)
    result = cli("--debug", "map", str(org_file()))
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr


def test_debug_from_the_environment(cli: Invoke, monkeypatch: pytest.MonkeyPatch, org_file) -> None:
    monkeypatch.setenv("CLIENTCHAIN_DEBUG", "1")
    result = cli("who", str(org_file()), "nobody")
    assert result.exit_code == 2
    assert "Traceback" in result.stderr


def test_keyboard_interrupt_exits_130(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch, org_file
) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("clientchain.app.overview.build_overview", interrupted)
    assert cli("map", str(org_file())).exit_code == 130


def test_exit_code_for_maps_each_class(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code_for(InputError([Issue("f", 1, 2, "bad")])) == 2
    assert exit_code_for(UsageError("nope")) == 2
    assert exit_code_for(FileNotFoundError(2, "No such file or directory", "out/x.yaml")) == 2
    assert exit_code_for(RuntimeError("bug")) == 3
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "f:1:2: bad",
        "clientchain: error: nope",
        "clientchain: error: No such file or directory: out/x.yaml",
        f"clientchain: internal error: RuntimeError: bug; {app_module.REPORT_BUG}",
    ]


class _Ended(Exception):
    """Stands in for os._exit, which would end the test run."""


@pytest.mark.parametrize(
    ("argv", "code"),
    [(["--version"], 0), (["check", "examples/broken.yaml"], 1), (["bogus"], 2)],
)
def test_main_flushes_and_ends_the_process_with_the_code(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], code: int
) -> None:
    ended: list[int] = []

    def end(status: int) -> None:
        ended.append(status)
        raise _Ended

    monkeypatch.setattr(sys, "argv", ["clientchain", *argv])
    monkeypatch.setattr(app_module.os, "_exit", end)
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    with pytest.raises(_Ended):
        app_module.main()
    assert ended == [code]
