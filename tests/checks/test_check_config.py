"""Rule selection and severity: defaults < org file ``checks:`` < command line."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from clientchain.checks import RULES, CheckOptions, Severity, run_checks
from clientchain.checks.config import plan_checks
from clientchain.errors import InputError, UsageError
from clientchain.graph import build_graph
from clientchain.model import ChecksConfig, Department, Handoff, Location, Organization

ALL = tuple(RULES)


def org_with(
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    severity: Mapping[str, str] | None = None,
) -> Organization:
    """``lonely`` is isolated; the a → b handoff has no deliverable."""
    return Organization(
        name="Cfg",
        departments={d: Department(d, d.upper()) for d in ("a", "b", "lonely")},
        handoffs=(Handoff("a", "b"),),
        checks=ChecksConfig(
            select=select, ignore=ignore, severity=severity or {}, location=Location(50, 1)
        ),
        source="org.yaml",
    )


def selected(org: Organization, options: CheckOptions | None = None) -> tuple[str, ...]:
    return tuple(rule.id for rule in plan_checks(org, options).rules)


def severities(org: Organization, options: CheckOptions | None = None) -> dict[str, Severity]:
    return {f.rule: f.severity for f in run_checks(org, build_graph(org), options)}


def test_defaults_run_every_rule_at_its_default_severity() -> None:
    org = org_with()
    assert selected(org) == ALL
    assert severities(org) == {
        "orphan-department": Severity.WARNING,  # a and b reach no client
        "isolated": Severity.WARNING,
        "missing-deliverable": Severity.INFO,
    }


def test_file_ignore_removes_rules() -> None:
    org = org_with(ignore=("isolated", "orphan-department"))
    assert "isolated" not in selected(org)
    assert set(severities(org)) == {"missing-deliverable"}


def test_file_select_restricts_and_file_ignore_still_applies() -> None:
    org = org_with(select=("isolated", "missing-deliverable"), ignore=("missing-deliverable",))
    assert selected(org) == ("isolated",)


def test_file_severity_overrides_default() -> None:
    org = org_with(severity={"missing-deliverable": "error", "isolated": "Info"})
    result = severities(org)
    assert result["missing-deliverable"] is Severity.ERROR
    assert result["isolated"] is Severity.INFO


def test_cli_select_replaces_file_selection_including_file_ignore() -> None:
    org = org_with(select=("isolated",), ignore=("missing-deliverable",))
    options = CheckOptions(select=("missing-deliverable", "work-cycle"))
    assert selected(org, options) == ("work-cycle", "missing-deliverable")  # registry order


def test_cli_ignore_adds_to_file_ignore() -> None:
    org = org_with(ignore=("isolated",))
    assert set(selected(org, CheckOptions(ignore=("missing-deliverable",)))) == set(ALL) - {
        "isolated",
        "missing-deliverable",
    }


def test_cli_ignore_wins_over_cli_select() -> None:
    options = CheckOptions(select=("isolated", "work-cycle"), ignore=("isolated",))
    assert selected(org_with(), options) == ("work-cycle",)


def test_cli_severity_overrides_file_severity() -> None:
    org = org_with(severity={"missing-deliverable": "error", "isolated": "error"})
    options = CheckOptions(severity={"missing-deliverable": Severity.WARNING, "isolated": "info"})
    result = severities(org, options)
    assert result["missing-deliverable"] is Severity.WARNING
    assert result["isolated"] is Severity.INFO


def test_unknown_rule_in_file_is_an_input_error_at_the_checks_key() -> None:
    org = org_with(ignore=("isolatd",), select=("bogus-rule-name",), severity={"orphan": "info"})
    with pytest.raises(InputError) as info:
        run_checks(org, build_graph(org))
    issues = {(i.path, i.message): i for i in info.value.issues}
    assert set(issues) == {
        ("checks.ignore", "unknown rule 'isolatd'"),
        ("checks.select", "unknown rule 'bogus-rule-name'"),
        ("checks.severity", "unknown rule 'orphan'"),
    }
    ignore = issues["checks.ignore", "unknown rule 'isolatd'"]
    assert (ignore.file, ignore.line, ignore.column) == ("org.yaml", 50, 1)
    assert ignore.hint == "did you mean 'isolated'?"
    assert issues["checks.select", "unknown rule 'bogus-rule-name'"].hint.startswith("known rules:")
    assert str(ignore) == (
        "org.yaml:50:1: checks.ignore: unknown rule 'isolatd' (did you mean 'isolated'?)"
    )


def test_unknown_severity_in_file() -> None:
    org = org_with(severity={"isolated": "fatal"})
    with pytest.raises(InputError) as info:
        run_checks(org, build_graph(org))
    [issue] = info.value.issues
    assert (issue.path, issue.message) == ("checks.severity.isolated", "unknown severity 'fatal'")


def test_unknown_rule_in_options_is_a_usage_error() -> None:
    org = org_with()
    with pytest.raises(
        UsageError, match=r"unknown rule 'work-cycles' in --select \(did you mean 'work-cycle'\?\)"
    ):
        run_checks(org, build_graph(org), CheckOptions(select=("work-cycles",)))
    with pytest.raises(UsageError, match="in --ignore"):
        run_checks(org, build_graph(org), CheckOptions(ignore=("nope",)))
    with pytest.raises(UsageError, match=r"unknown severity 'loud'.*'isolated'"):
        run_checks(org, build_graph(org), CheckOptions(severity={"isolated": "loud"}))
    with pytest.raises(UsageError, match="in --severity"):
        run_checks(org, build_graph(org), CheckOptions(severity={"isolate": "info"}))


def test_flow_rules_are_selected_and_ignored_like_the_others() -> None:
    # the flow rules (issue 3) are registered now: over-takt runs, low-quality does not
    org = org_with(ignore=("near-capacity",), severity={"overloaded": "warning"})
    options = CheckOptions(ignore=("low-quality",), select=("over-takt", "isolated"))
    assert selected(org, options) == ("over-takt", "isolated")


def test_severity_order_and_parsing() -> None:
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert Severity.INFO < Severity.ERROR
    assert Severity.WARNING >= Severity.WARNING
    assert Severity.WARNING <= Severity.ERROR
    assert max([Severity.INFO, Severity.ERROR, Severity.WARNING]) is Severity.ERROR
    assert Severity.parse(" ERROR ") is Severity.ERROR
    with pytest.raises(ValueError, match="expected info, warning, error"):
        Severity.parse("critical")
    with pytest.raises(TypeError):
        _ = Severity.INFO < 1  # type: ignore[operator]


def test_unknown_rules_in_a_loaded_file_point_at_the_id_itself() -> None:
    from clientchain.loading import load_text

    text = (
        "version: 1\n"
        "departments: {a: {}}\n"
        "checks:\n"
        "  ignore:\n"
        "    - isolated\n"
        "    - isolatd\n"  # line 6, column 7
        "  select: [orphan-department, nope]\n"  # 'nope' at line 7, column 31
        "  severity: {orphan: info}\n"  # 'orphan' at line 8, column 14
    )
    org = load_text(text, "org.yaml")
    with pytest.raises(InputError) as info:
        run_checks(org, build_graph(org))
    assert sorted((i.line, i.column, i.path) for i in info.value.issues) == [
        (6, 7, "checks.ignore"),
        (7, 31, "checks.select"),
        (8, 14, "checks.severity"),
    ]
