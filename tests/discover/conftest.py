"""Fixtures for the discover tests: the real app through typer's CliRunner."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cli.cli_support import Invoke, RunResult
from clientchain.cli import app


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "NO_COLOR", "CLIENTCHAIN_DEBUG", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def cli() -> Invoke:
    """``cli("discover", log, ...)`` through CliRunner and the app's own error handler."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None) -> RunResult:
        result = runner.invoke(app, list(args), input=input)
        return RunResult(result.exit_code, result.stdout, result.stderr)

    return invoke
