"""What every rule test shares, the way yamllint tests its rules.

A test writes a short org file as a user would, runs it through the real loader
and the real rule runner, and compares the findings of one rule with the exact
``(rule, line, column, message)`` tuples it expects, line and column being where
the finding points in the YAML the test wrote (line 1 is the first line of the
dedented text).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from clientchain.checks import CheckOptions, Finding, run_checks
from clientchain.graph import build_graph
from clientchain.loading import load_file, load_text

__all__ = [
    "EXAMPLES",
    "SOURCE",
    "Found",
    "edit",
    "example_findings",
    "findings",
    "problems",
    "run",
    "severities",
]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
"""The shipped example org files."""

SOURCE = "org.yaml"
"""The file name every test's org is loaded as."""

Found = tuple[str, int, int, str]
"""``(rule, line, column, message)`` of one finding."""


def edit(yaml_text: str, old: str, new: str) -> str:
    """``yaml_text`` with ``old`` replaced by ``new``; ``old`` must be there (a variant of an
    org that silently stayed the same would make its test pass for the wrong reason)."""
    assert old in yaml_text, f"{old!r} is not in the org file"
    return yaml_text.replace(old, new)


def run(yaml_text: str, options: CheckOptions | None = None) -> list[Finding]:
    """Every finding of every selected rule on the org written in ``yaml_text``.

    The rules run as ``clientchain check`` runs them: the file's ``checks:`` section
    and each entity's ``ignore:`` apply, then ``options`` (the command line).
    """
    org = load_text(textwrap.dedent(yaml_text), SOURCE)
    found = run_checks(org, build_graph(org), options)
    assert {f.file for f in found} <= {SOURCE}, "a finding points outside the org file"
    return found


def findings(yaml_text: str, *rules: str, options: CheckOptions | None = None) -> list[Found]:
    """``(rule, line, column, message)`` of the findings of ``rules`` (of all rules when
    none is named), in the order ``check`` reports them."""
    return [
        (f.rule, f.line, f.column, f.message)
        for f in run(yaml_text, options)
        if not rules or f.rule in rules
    ]


def problems(yaml_text: str, rule: str) -> list[Found]:
    """:func:`findings` of one ``rule`` where the text may start with a blank line: line 1 is
    the first line that is not blank (write ``version: 1`` there)."""
    return findings(textwrap.dedent(yaml_text).lstrip("\n"), rule)


def severities(yaml_text: str, rule: str, options: CheckOptions | None = None) -> list[str]:
    """The severity of each finding of ``rule``, as ``check`` reports it."""
    return [str(f.severity) for f in run(yaml_text, options) if f.rule == rule]


def example_findings(name: str, rule: str) -> list[Found]:
    """``(rule, line, column, message)`` of the findings of ``rule`` in the shipped example
    ``examples/<name>``."""
    org = load_file(EXAMPLES / name)
    return [
        (f.rule, f.line, f.column, f.message)
        for f in run_checks(org, build_graph(org))
        if f.rule == rule
    ]
