"""The explicit, ordered registry of rules.

Adding a rule is one new module in :mod:`clientchain.checks` (see
:mod:`clientchain.checks.base` for its shape) plus one line in
``_RULE_MODULES`` below. The order here is the order of ``docs/rules.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from types import MappingProxyType

from clientchain.checks.base import Rule

__all__ = ["RULES", "RULE_MODULES"]

RULE_MODULES: tuple[str, ...] = (
    "overloaded",
    "near_capacity",
    "over_takt",
    "orphan_department",
    "unserved_client",
    "isolated",
    "work_cycle",
    "single_point_of_failure",
    "no_feedback",
    "low_satisfaction",
    "low_quality",
    "requirement_missed",
    "missing_deliverable",
    "undeclared_handoff",
    "unknown_effort",
)
"""Module names (inside :mod:`clientchain.checks`) of the registered rules, in order."""


def _load(names: tuple[str, ...]) -> Mapping[str, Rule]:
    rules: dict[str, Rule] = {}
    for name in names:
        rule = Rule.from_module(import_module(f"clientchain.checks.{name}"))
        if rule.id in rules:
            raise TypeError(f"rule id '{rule.id}' registered twice")  # i18n: a bug
        rules[rule.id] = rule
    return MappingProxyType(rules)


RULES: Mapping[str, Rule] = _load(RULE_MODULES)
"""Rule id → :class:`~clientchain.checks.base.Rule`, in registry order (read-only)."""
