"""``check --format github|sarif|junit``, ``--output``, and GitHub Actions auto-detection."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

from clientchain.app.check import check_report
from clientchain.checks import RULES, Finding, Severity
from clientchain.output.check_github import annotation
from clientchain.output.check_junit import junit_xml
from clientchain.output.check_sarif import sarif_log
from clientchain.output.reports import CheckReport, CheckRun, FileCheck

from .cli_support import TALLER, WARNING_ORG, Invoke, run_script

SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
# ::command prop=value,prop=value::message — no raw ',' or ':' in a value, no raw CR/LF.
ANNOTATION = re.compile(
    r"^::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:\r\n]+)(?:,line=(?P<line>\d+),col=(?P<col>\d+))?,"
    r"title=(?P<title>[^,:\r\n]+)::(?P<message>[^\r\n]*)$"
)
# A department whose name needs every escape; the file name needs ',' and ':' escaped.
HOSTILE = WARNING_ORG.replace("archivo: {name: Archivo}", 'archivo: {name: "50% off: a,b\\r\\nc"}')
HOSTILE_NAME = "org, v2: final.yaml"
# WARNING_ORG: 3 single-point-of-failure infos (ventas, taller, envios) + 1 isolated warning.
WARNING_FINDINGS = {"isolated": 1, "single-point-of-failure": 3}


def unescape(text: str) -> str:
    """Undo the workflow-command escapes (the runner does this)."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def sarif_errors(document: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(SARIF_SCHEMA)
    return [error.message for error in validator.iter_errors(document)]


# -- github ----------------------------------------------------------------------------------


def test_github_lines_follow_the_workflow_command_syntax(cli: Invoke, org_file) -> None:
    path = org_file(WARNING_ORG)
    result = cli("check", str(path), "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == sum(WARNING_FINDINGS.values())
    parsed = [ANNOTATION.match(line) for line in lines]
    assert all(parsed), lines
    isolated = next(m for m in parsed if m and m["title"] == "clientchain [isolated]")
    assert (isolated["command"], isolated["line"], isolated["col"]) == ("warning", "8", "3")
    assert isolated["file"] == str(path)
    notices = [m for m in parsed if m and m["command"] == "notice"]
    assert len(notices) == WARNING_FINDINGS["single-point-of-failure"]  # info → notice
    assert result.stderr.strip() == "checked 1 file: 0 errors, 1 warning, 3 info"


def test_github_escapes_percent_newlines_and_property_separators(cli: Invoke, org_file) -> None:
    path = org_file(HOSTILE, HOSTILE_NAME)
    lines = cli("check", str(path), "-f", "github").stdout.splitlines()
    line = next(line for line in lines if "[isolated]" in line)
    match = ANNOTATION.match(line)
    assert match, line
    assert "%25" in match["message"]
    assert "%0D%0A" in match["message"]
    assert "\r" not in line
    assert match["file"] == str(path).replace(",", "%2C").replace(":", "%3A")
    assert unescape(match["file"]) == str(path)
    message = json.loads(cli("check", str(path), "-f", "json").stdout)["findings"]
    isolated = next(f for f in message if f["rule"] == "isolated")
    assert unescape(match["message"]) == isolated["message"]
    assert "50% off: a,b\r\nc" in isolated["message"]


def test_github_annotation_without_position_and_escaped_title() -> None:
    finding = Finding("input-error", Severity.ERROR, "100%", "a:b.yaml", 0, 0, "")
    assert annotation(finding) == "::error file=a%3Ab.yaml,title=clientchain [input-error]::100%25"


def test_github_is_the_default_under_github_actions(cli: Invoke, org_file, monkeypatch) -> None:
    path = str(org_file(WARNING_ORG))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    auto = cli("check", path)
    assert auto.stdout.startswith("::")
    assert auto.stdout == cli("check", path, "--format", "github").stdout
    assert cli("check", path, "--format", "text").stdout.startswith(path)  # explicit wins
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert cli("check", path).stdout.startswith(path)


def test_github_reports_unreadable_files_as_input_errors(cli: Invoke, tmp_path) -> None:
    missing = tmp_path / "missing.yaml"
    result = cli("check", str(missing), "-f", "github")
    assert result.exit_code == 2
    assert result.stdout.strip() == (
        f"::error file={missing},line=1,col=1,title=clientchain [input-error]::no such file"
    )


# -- sarif -----------------------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(cli: Invoke, org_file, tmp_path) -> None:
    good = org_file(WARNING_ORG, "good.yaml")
    bad = org_file("version: 1\ndepartments: {a: {headcount: lots}}\n", "bad.yaml")
    hostile = org_file(HOSTILE, HOSTILE_NAME)
    result = cli(
        "check", str(good), str(bad), str(hostile), str(tmp_path / "no.yaml"), "-f", "sarif"
    )
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert sarif_errors(document) == []
    assert document["version"] == "2.1.0"
    results = document["runs"][0]["results"]
    # good: 4 findings; bad: 1 input error; hostile: 4 findings; missing: 1 input error
    assert len(results) == 4 + 1 + 4 + 1
    assert [r["ruleId"] for r in results].count("input-error") == 2
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "org%2C%20v2%3A%20final.yaml" in {uri.rsplit("/", 1)[-1] for uri in uris}


def test_sarif_levels_locations_and_rule_metadata(org_file) -> None:
    report = check_report([str(org_file(WARNING_ORG))])
    document = json.loads(sarif_log(report))
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [*RULES, "input-error"]
    for descriptor in rules[:-1]:
        rule = RULES[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.summary.replace("``", "'")
        first_words = " ".join(rule.explanation.split()[:4]).replace("``", "'")
        assert descriptor["help"]["text"].startswith(first_words)
        level = {"error": "error", "warning": "warning", "info": "note"}[str(rule.severity)]
        assert descriptor["defaultConfiguration"]["level"] == level
    levels = sorted(r["level"] for r in run["results"])
    assert levels == ["note", "note", "note", "warning"]
    isolated = next(r for r in run["results"] if r["ruleId"] == "isolated")
    assert rules[isolated["ruleIndex"]]["id"] == "isolated"
    assert isolated["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 8,
        "startColumn": 3,
    }


def test_sarif_of_an_issue_without_position_has_no_region() -> None:
    from clientchain.errors import Issue

    run = CheckRun((FileCheck("x.yaml", issues=(Issue("x.yaml", 0, 0, "empty file"),)),))
    document = json.loads(sarif_log(CheckReport(run, ((),), (Severity.WARNING,))))
    assert sarif_errors(document) == []
    (result,) = document["runs"][0]["results"]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert result["level"] == "error"


def test_sarif_to_a_file_is_written_atomically(cli: Invoke, org_file, tmp_path) -> None:
    target = tmp_path / "out" / "clientchain.sarif"
    target.parent.mkdir()
    result = cli("check", str(org_file(WARNING_ORG)), "-f", "sarif", "--output", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == "checked 1 file: 0 errors, 1 warning, 3 info"
    assert sarif_errors(json.loads(target.read_text(encoding="utf-8"))) == []
    assert [p.name for p in target.parent.iterdir()] == ["clientchain.sarif"]  # no temp left


def test_output_into_a_missing_folder_is_exit_2(cli: Invoke, org_file, tmp_path) -> None:
    result = cli("check", str(org_file()), "-o", str(tmp_path / "nowhere" / "x.sarif"))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


# -- junit -----------------------------------------------------------------------------------


def junit(cli: Invoke, *args: str) -> ElementTree.Element:
    return ElementTree.fromstring(cli("check", *args, "--format", "junit").stdout)


def counts(element: ElementTree.Element) -> dict[str, int]:
    return {key: int(element.get(key, "-1")) for key in ("tests", "failures", "errors", "skipped")}


def test_junit_one_case_per_rule_and_file_with_the_right_failures(cli: Invoke, org_file) -> None:
    path = str(org_file(WARNING_ORG))
    root = junit(cli, path)
    cases = len(RULES) + 1  # every rule, plus input-error
    # fail-on warning: only `isolated` (1 warning) fails; the 3 infos are printed, not failed
    assert counts(root) == {"tests": cases, "failures": 1, "errors": 0, "skipped": 0}
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == path
    names = [case.get("name") for case in suite.findall("testcase")]
    assert names == [*RULES, "input-error"]
    failed = [case for case in suite.findall("testcase") if case.find("failure") is not None]
    assert [case.get("name") for case in failed] == ["isolated"]
    assert f"{path}:8:3: warning [isolated]" in failed[0].find("failure").text
    spof = next(c for c in suite.findall("testcase") if c.get("name") == "single-point-of-failure")
    assert spof.find("system-out").text.count("[single-point-of-failure]") == 3


def test_junit_failure_counts_follow_fail_on_and_selection(cli: Invoke, org_file) -> None:
    path = str(org_file(WARNING_ORG))
    cases = len(RULES) + 1
    # fail-on info: isolated and single-point-of-failure fail (one case each, 4 findings)
    assert counts(junit(cli, path, "--fail-on", "info")) == {
        "tests": cases, "failures": 2, "errors": 0, "skipped": 0,
    }  # fmt: skip
    # ignoring `isolated` skips its case: nothing fails at warning
    assert counts(junit(cli, path, "--ignore", "isolated")) == {
        "tests": cases, "failures": 0, "errors": 0, "skipped": 1,
    }  # fmt: skip


def test_junit_unreadable_file_is_an_error_and_its_rules_are_skipped(
    cli: Invoke, org_file, tmp_path
) -> None:
    good = str(org_file(TALLER))
    missing = str(tmp_path / "missing.yaml")
    result = cli("check", good, missing, "-f", "junit")
    assert result.exit_code == 2
    root = ElementTree.fromstring(result.stdout)
    cases = len(RULES) + 1
    good_suite, bad_suite = root.findall("testsuite")
    assert counts(good_suite) == {"tests": cases, "failures": 0, "errors": 0, "skipped": 0}
    assert counts(bad_suite) == {"tests": cases, "failures": 0, "errors": 1, "skipped": len(RULES)}
    assert counts(root) == {"tests": 2 * cases, "failures": 0, "errors": 1, "skipped": len(RULES)}
    error = bad_suite.find("testcase[@name='input-error']/error")
    assert "no such file" in error.text


def test_junit_survives_control_characters(org_file) -> None:
    text = WARNING_ORG.replace("{name: Archivo}", '{name: "Archivo \\x01 <&> ]]>"}')
    report = check_report([str(org_file(text))])
    root = ElementTree.fromstring(junit_xml(report))
    failure = root.find(".//testcase[@name='isolated']/failure")
    assert "Archivo \\u0001 <&> ]]>" in failure.text


@pytest.mark.parametrize("fmt", ["github", "sarif", "junit"])
def test_formats_through_the_installed_script(org_file, fmt: str) -> None:
    result = run_script("check", str(org_file(WARNING_ORG)), "--format", fmt)
    assert result.exit_code == 1
    assert "isolated" in result.stdout
    assert result.stderr.strip() == "checked 1 file: 0 errors, 1 warning, 3 info"


def test_unknown_format_is_a_usage_error(cli: Invoke, org_file) -> None:
    assert cli("check", str(org_file()), "--format", "xml").exit_code == 2
