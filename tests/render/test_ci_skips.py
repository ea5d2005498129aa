"""Under CI=true a test that skips for want of a system tool fails; elsewhere it skips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]

CONFTEST = "from render.conftest import pytest_runtest_makereport  # noqa: F401\n"
SAMPLE = """\
import pytest
from render.conftest import needs_tool

def test_needs_a_missing_tool():
    needs_tool("no-such-tool-clientchain")

def test_other_skip():
    pytest.skip("not a system tool")
"""


def _run(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(TESTS)
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def test_a_missing_tool_skips_with_the_reason_outside_ci(tmp_path) -> None:
    done = _run(tmp_path, None)
    assert done.returncode == 0, done.stdout
    assert "2 skipped" in done.stdout
    assert "needs system tool no-such-tool-clientchain" in done.stdout


@pytest.mark.parametrize("value", ["true", "TRUE"])
def test_a_missing_tool_fails_under_ci(tmp_path, value) -> None:
    done = _run(tmp_path, value)
    assert done.returncode == 1, done.stdout
    assert "1 failed, 1 skipped" in done.stdout
    assert "CI=true but needs system tool no-such-tool-clientchain" in done.stdout
