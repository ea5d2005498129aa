"""`check` on each shipped example behaves as its header comment documents."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def check(name: str, *options: str) -> tuple[int, list[dict[str, object]]]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "clientchain",
            "check",
            str(EXAMPLES / name),
            "-f",
            "json",
            *options,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, json.loads(result.stdout)["findings"]


def test_agencia_is_clean_but_for_information() -> None:
    code, findings = check("agencia.yaml")
    assert code == 0
    assert {(f["rule"], f["severity"]) for f in findings} == {("single-point-of-failure", "info")}


def test_software_company_reports_what_its_header_says() -> None:
    code, findings = check("software-company.yaml")
    assert code == 1  # two warnings, and --fail-on defaults to warning
    assert Counter(str(f["rule"]) for f in findings) == {
        "near-capacity": 1,  # eng_web 1060 h / 1176 h = 90.1% > 85%
        "low-satisfaction": 1,  # sales rated 2.8 < 3.2
        "single-point-of-failure": 3,  # sre, partnerships, people_ops
    }
    assert check("software-company.yaml", "--fail-on", "error")[0] == 0


def test_broken_exits_1_with_every_documented_problem_on_its_line() -> None:
    code, findings = check("broken.yaml")
    assert code == 1
    assert {f["rule"] for f in findings if f["severity"] == "warning"} == {
        "orphan-department",
        "isolated",
        "unserved-client",
        "low-satisfaction",
        "work-cycle",
        "no-feedback",
    }
    assert "missing-deliverable" in {f["rule"] for f in findings}
    lines = (EXAMPLES / "broken.yaml").read_text(encoding="utf-8").splitlines()
    for finding in findings:
        line = lines[int(str(finding["line"])) - 1]
        subject = str(finding["subject"]).split("->")[0]
        assert subject in line, (finding, line)  # the finding names the subject's own line
