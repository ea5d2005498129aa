"""Fixtures for driving the real command line: typer's CliRunner and subprocesses."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clientchain.cli import app

from .cli_support import TALLER, Invoke, RunResult


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests decide colour and CI detection themselves; the developer's shell must not."""
    for name in ("FORCE_COLOR", "NO_COLOR", "CLIENTCHAIN_DEBUG", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner: CliRunner) -> Invoke:
    """``cli("map", path, input=...)`` through typer's CliRunner and the app's own main()."""

    def invoke(*args: str, input: str | bytes | None = None) -> RunResult:
        result = runner.invoke(app, list(args), input=input)
        return RunResult(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def org_file(tmp_path: Path) -> Callable[..., Path]:
    """Write org text to a file in ``tmp_path`` and return its path."""

    def write(text: str | bytes = TALLER, name: str = "org.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


def git(folder: Path, *args: str) -> str:
    """Run git in ``folder`` with a fixed identity; return its stdout."""
    done = subprocess.run(
        ["git", "-c", "user.email=ci@example.com", "-c", "user.name=CI", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository (branch ``main``)."""
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    return folder
