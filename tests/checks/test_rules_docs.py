"""The rule registry and the generated rules reference (docs/rules.md)."""

from __future__ import annotations

import inspect
import pkgutil
import subprocess
import sys
import types
from importlib import import_module
from pathlib import Path

import pytest

import clientchain.checks
from clientchain.checks import RULES, Rule, Severity
from clientchain.checks.docs import rules_markdown
from clientchain.checks.registry import RULE_MODULES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
SUPPORT = {"base", "config", "descriptions", "docs", "facts", "registry"}


def test_docs_rules_md_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is out of date: run `make docs`"
    )


def test_docs_module_runs_as_a_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clientchain.checks.docs"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )
    assert result.stdout == rules_markdown()


def test_every_rule_module_is_registered() -> None:
    modules = {m.name for m in pkgutil.iter_modules(clientchain.checks.__path__)} - SUPPORT
    assert modules == set(RULE_MODULES)


@pytest.mark.parametrize("name", RULE_MODULES)
def test_rule_module_shape(name: str) -> None:
    module = import_module(f"clientchain.checks.{name}")
    rule = RULES[module.ID]
    assert rule.id == name.replace("_", "-")
    assert isinstance(rule.severity, Severity)
    assert rule.summary.endswith(".")
    assert len(rule.explanation.split()) >= 20, "explain why it matters and how to fix it"
    assert inspect.isgeneratorfunction(module.check)
    assert f"## {rule.id}" in rules_markdown()


def test_docs_mention_thresholds() -> None:
    text = rules_markdown()
    row = "| warning | `checks: min_satisfaction` (default 3) |"
    assert f"| [`low-satisfaction`](#low-satisfaction) {row}" in text
    assert "``" not in text.replace("```", ""), "reStructuredText literal left in Markdown"


def test_malformed_rule_modules_are_refused() -> None:
    bare = types.ModuleType("clientchain.checks.bare", "Summary.\n\nWhy.")
    with pytest.raises(TypeError, match="needs ID"):
        Rule.from_module(bare)
    bare.ID = "bare"  # type: ignore[attr-defined]
    bare.SEVERITY = Severity.INFO  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match="needs check"):
        Rule.from_module(bare)
    bare.check = lambda org, graph: iter(())  # type: ignore[attr-defined]
    bare.THRESHOLD = 3  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match="THRESHOLD"):
        Rule.from_module(bare)
    bare.THRESHOLD = None  # type: ignore[attr-defined]
    assert Rule.from_module(bare).summary == "Summary."
