"""Fixtures for the render tests, and the rule that CI never skips a system-tool test.

Tests that need a system tool (Graphviz's ``dot``, ``chromium``) call
:func:`needs_tool`. Where the tool is missing they skip with the reason
``needs system tool …``; when ``CI=true`` such a skip is turned into a failure,
so CI (where ``.ci/run`` installs the tools) always exercises them. LibreOffice
(the deck converted to PDF) is one of them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Generator
from pathlib import Path

import pytest

from clientchain.graph import build_graph
from clientchain.loading import load_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TRICKY = ROOT / "tests" / "cases" / "valid" / "tricky-labels.yaml"
TOOL_SKIP = "needs system tool"


def needs_tool(*names: str) -> str:
    """The path of the first of ``names`` on PATH, or skip (a failure under ``CI=true``)."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(f"{TOOL_SKIP} {' or '.join(names)} (.ci/run installs it)")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, None]:
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI", "").lower() == "true":
        reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else ""
        if TOOL_SKIP in reason:
            report.outcome = "failed"
            report.longrepr = f"CI=true but {reason.removeprefix('Skipped: ')}: CI must install it"


@pytest.fixture(scope="session")
def agencia():
    org = load_file(EXAMPLES / "agencia.yaml")
    return org, build_graph(org)


@pytest.fixture(scope="session")
def tricky():
    org = load_file(TRICKY)
    return org, build_graph(org)
