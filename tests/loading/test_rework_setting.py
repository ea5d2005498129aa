"""The top-level ``rework:`` setting (issue 19 item 1): a flag read, written and round-tripped."""

from __future__ import annotations

from clientchain.loading import load_text
from clientchain.loading.dump import dump_org

BASE = "version: 1\ndepartments: {a: {}}\n"


def test_rework_true_round_trips() -> None:
    org = load_text(BASE + "rework: true\n")
    assert org.rework is True
    assert "\nrework: true\n" in dump_org(org)
    assert load_text(dump_org(org)).rework is True


def test_rework_false_is_the_default_and_not_written() -> None:
    plain = load_text(BASE + "rework: false\n")
    assert plain.rework is False
    assert load_text(BASE).rework is False
    assert "rework" not in dump_org(plain)


def test_json_input_takes_a_json_boolean() -> None:
    org = load_text('{"version": 1, "departments": {"a": {}}, "rework": true}')
    assert org.rework is True
