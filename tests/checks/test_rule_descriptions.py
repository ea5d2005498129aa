"""The rules' descriptions for SARIF: the catalog's copies match the docstrings, Spanish has
them all, and docs/rules.md stays English whatever the language in force."""

from __future__ import annotations

import pytest

from clientchain.checks import RULES
from clientchain.checks.descriptions import DESCRIPTIONS, explanation, paragraphs, summary
from clientchain.checks.docs import rules_markdown
from clientchain.i18n import use


def test_every_docstring_is_copied_for_the_catalog() -> None:
    # after editing a rule's docstring: copy it into checks/descriptions.py, run make i18n
    expected = [
        text for rule in RULES.values() for text in (rule.summary, paragraphs(rule.explanation))
    ]
    assert list(DESCRIPTIONS) == expected


@pytest.mark.parametrize("rule_id", list(RULES))
def test_every_description_is_translated(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert summary(rule) == rule.summary  # English: the docstring itself
    with use("es"):
        spanish = (summary(rule), explanation(rule))
    assert spanish[0] != rule.summary
    assert spanish[1] != paragraphs(rule.explanation)
    assert spanish[0].endswith(".")
    # the file's own words stay as the file writes them
    for literal in (
        "``type: feedback``",
        "``checks: near_capacity``",
        "``ignore: [unknown-effort]``",
    ):
        if literal in rule.explanation:
            assert literal in spanish[1]


def test_the_rules_reference_is_english_under_spanish() -> None:
    english = rules_markdown()
    with use("es"):
        assert rules_markdown() == english
    assert "`checks: near_capacity` (default 0.85)" in english  # English numbers, never "0,85"
