"""Every registered rule has its own test file here, so the next rule cannot arrive untested."""

from __future__ import annotations

from pathlib import Path

from clientchain.checks.registry import RULE_MODULES

HERE = Path(__file__).resolve().parent


def test_every_registered_rule_has_its_own_test_file() -> None:
    missing = [name for name in RULE_MODULES if not (HERE / f"test_{name}.py").exists()]
    assert missing == []


def test_every_rule_test_file_names_a_registered_rule() -> None:
    helpers = {"test_every_rule_is_tested"}
    stems = {path.stem.removeprefix("test_") for path in HERE.glob("test_*.py")}
    assert stems - {h.removeprefix("test_") for h in helpers} <= set(RULE_MODULES)
