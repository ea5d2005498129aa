"""``clientchain check``: several files, unreadable ones, --select/--ignore, --fail-on, JSON."""

from __future__ import annotations

import json

import pytest

from .cli_support import ANSI, ERROR_ORG, TALLER, WARNING_ORG, Invoke, run_script

SUMMARY_KEYS = ["files", "errors", "warnings", "infos", "unreadable"]


def test_clean_file_exits_0(cli: Invoke, org_file) -> None:
    result = cli("check", str(org_file()))
    assert result.exit_code == 0
    assert result.stderr.strip() == "checked 1 file: 0 errors, 0 warnings, 3 info"


def test_text_lines_are_file_line_col_severity_rule_message(cli: Invoke, org_file) -> None:
    path = org_file(WARNING_ORG)
    result = cli("check", str(path))
    assert f"{path}:8:3: warning [isolated] " in result.stdout
    for line in result.stdout.splitlines():
        place, _, rest = line.partition(": ")
        assert place.startswith(str(path) + ":")
        severity, rule = rest.split(" ")[:2]
        assert severity in ("error", "warning", "info")
        assert rule.startswith("[")
        assert rule.endswith("]")
    assert ANSI not in result.stdout


@pytest.mark.parametrize(
    ("text", "fail_on", "code"),
    [
        (WARNING_ORG, None, 1),  # the default --fail-on is warning
        (WARNING_ORG, "error", 0),
        (WARNING_ORG, "warning", 1),
        (WARNING_ORG, "info", 1),
        (TALLER, "warning", 0),
        (TALLER, "info", 1),
        (ERROR_ORG, None, 1),
        (ERROR_ORG, "error", 1),
    ],
)
def test_fail_on_thresholds(
    cli: Invoke, org_file, text: str, fail_on: str | None, code: int
) -> None:
    options = [] if fail_on is None else ["--fail-on", fail_on]
    assert cli("check", str(org_file(text)), *options).exit_code == code


def test_unknown_fail_on_is_a_usage_error(cli: Invoke, org_file) -> None:
    assert cli("check", str(org_file()), "--fail-on", "fatal").exit_code == 2


def test_several_files_one_unreadable(cli: Invoke, org_file, tmp_path) -> None:
    good = org_file(WARNING_ORG, "good.yaml")
    bad = org_file("version: 1\ndepartments: {a: {headcount: -3}}\n", "bad.yaml")
    missing = tmp_path / "missing.yaml"
    result = cli("check", str(good), str(bad), str(missing), "--fail-on", "warning")
    assert result.exit_code == 2  # 2 wins over 1
    out = result.stdout
    assert f"{good}:8:3: warning [isolated]" in out  # the readable file was still checked
    assert f"{bad}:2:" in out
    assert "error [input-error]" in out
    assert f"{missing}:1:1: error [input-error] no such file" in out
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("2 files could not be read")


def test_json_document(cli: Invoke, org_file, tmp_path) -> None:
    good = org_file(WARNING_ORG, "good.yaml")
    missing = tmp_path / "missing.yaml"
    result = cli("check", str(good), str(missing), "--format", "json")
    assert result.exit_code == 2
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    assert list(doc) == ["findings", "summary"]
    for finding in doc["findings"]:
        assert list(finding) == ["rule", "severity", "message", "file", "line", "column", "subject"]
    isolated = next(f for f in doc["findings"] if f["rule"] == "isolated")
    assert isolated["severity"] == "warning"
    assert isolated["file"] == str(good)
    assert (isolated["line"], isolated["column"]) == (8, 3)
    assert isolated["subject"] == "archivo"
    assert "Archivo" in isolated["message"]
    unreadable = [f for f in doc["findings"] if f["rule"] == "input-error"]
    assert unreadable == [
        {
            "rule": "input-error",
            "severity": "error",
            "message": "no such file",
            "file": str(missing),
            "line": 1,
            "column": 1,
            "subject": "",
        }
    ]
    summary = doc["summary"]
    assert list(summary) == SUMMARY_KEYS
    assert summary["files"] == 2
    assert summary["unreadable"] == 1
    assert summary["errors"] == 1
    assert summary["warnings"] == 1
    assert summary["infos"] == sum(f["severity"] == "info" for f in doc["findings"])
    assert summary["errors"] + summary["warnings"] + summary["infos"] == len(doc["findings"])


def test_input_error_subject_is_the_key_path(cli: Invoke, org_file) -> None:
    bad = org_file("version: 1\ndepartments: {a: {headcount: lots}}\n")
    doc = json.loads(cli("check", str(bad), "-f", "json").stdout)
    (finding,) = doc["findings"]
    assert finding["subject"] == "departments.a.headcount"
    assert finding["message"].startswith("departments.a.headcount: ")
    assert finding["line"] == 2


def test_select_and_ignore(cli: Invoke, org_file) -> None:
    path = str(org_file(WARNING_ORG))

    def rules(*options: str) -> set[str]:
        doc = json.loads(cli("check", path, "-f", "json", *options).stdout)
        return {f["rule"] for f in doc["findings"]}

    assert rules() == {"isolated", "single-point-of-failure"}
    assert rules("--select", "isolated") == {"isolated"}
    assert rules("--ignore", "isolated") == {"single-point-of-failure"}
    assert rules("--ignore", "isolated,single-point-of-failure") == set()
    assert rules("--ignore", "isolated", "--ignore", "single-point-of-failure") == set()
    assert rules("--select", "isolated, work-cycle") == {"isolated"}


def test_ignore_changes_the_exit_code(cli: Invoke, org_file) -> None:
    path = str(org_file(ERROR_ORG))
    assert cli("check", path).exit_code == 1
    assert cli("check", path, "--ignore", "isolated").exit_code == 0


def test_unknown_rule_is_a_usage_error(cli: Invoke, org_file) -> None:
    result = cli("check", str(org_file()), "--select", "isolatd")
    assert result.exit_code == 2
    assert "unknown rule 'isolatd'" in result.stderr
    assert "Traceback" not in result.stderr


def test_reads_standard_input(cli: Invoke) -> None:
    result = cli("check", "-", "-f", "json", input=WARNING_ORG)
    assert result.exit_code == 1  # one warning, the default --fail-on
    files = {f["file"] for f in json.loads(result.stdout)["findings"]}
    assert files == {"<stdin>"}


def test_no_file_is_a_usage_error(cli: Invoke) -> None:
    assert cli("check").exit_code == 2


def test_rich_output_colours_severities(cli: Invoke, org_file, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = cli("check", str(org_file(WARNING_ORG)))
    assert ANSI in result.stdout
    assert "[isolated]" in result.stdout


def test_through_the_script_several_files(tmp_path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(TALLER, encoding="utf-8")
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    result = run_script("check", str(good), str(empty))
    assert result.exit_code == 2
    assert f"{empty}:" in result.stdout
    assert "Traceback" not in result.stderr
