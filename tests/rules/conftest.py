"""Rule tests in yamllint's way: a short org file inline, then the exact problems expected.

Each ``tests/rules/test_<rule>.py`` loads a few lines of YAML with :func:`problems`
and compares the result with a list of ``(rule, line, column, message)`` tuples,
so a reader sees the input and what a user would read side by side.
"""

from __future__ import annotations

import textwrap

from clientchain.checks import CheckOptions, run_checks
from clientchain.graph import build_graph
from clientchain.loading import load_text

Problem = tuple[str, int, int, str]


def problems(yaml: str, rule: str) -> list[Problem]:
    """``(rule, line, column, message)`` of each finding of ``rule`` in the org file ``yaml``.

    ``yaml`` is dedented; line 1 is its first line (write ``version: 1`` there).
    """
    org = load_text(textwrap.dedent(yaml).lstrip("\n"), source="org.yaml")
    found = run_checks(org, build_graph(org), CheckOptions(select=(rule,)))
    return [(f.rule, f.line, f.column, f.message) for f in found]
