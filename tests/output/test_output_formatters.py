"""The formatters are pure functions of a result: checked here without the CLI."""

from __future__ import annotations

import json

import pytest

from clientchain.analysis.structure import who
from clientchain.app.overview import build_overview
from clientchain.checks import Finding, Severity
from clientchain.errors import Issue
from clientchain.graph import build_graph
from clientchain.model import Chain, Department, ExternalParty, Handoff, Organization, Step
from clientchain.output import check, check_rich, common, overview, overview_rich
from clientchain.output.reports import CheckRun, FileCheck, input_finding


@pytest.fixture
def org() -> Organization:
    return Organization(
        name="Ñandú [bold]",
        departments={
            "a": Department("a", "Alfa [red]x[/red]", group="G"),
            "b": Department("b", "b"),
        },
        clients={"z": ExternalParty("z", "Zeta", "client", segment="loyal")},
        chains={"x": Chain("x", "Equis", "z", 2.5, (Step("a", 1.0), Step("b", 1.0)))},
        handoffs=(Handoff("b", "a", type="feedback"),),
        source="org.yaml",
    )


def warning(line: int = 3) -> Finding:
    return Finding("isolated", Severity.WARNING, "msg", "org.yaml", line, 5, "a")


def test_node_labels(org: Organization) -> None:
    assert org.describe("a") == "Alfa [red]x[/red] (a)"
    assert org.describe("b") == "b"
    assert common.nodes(org, ["a", "b"]) == "Alfa [red]x[/red] (a), b"
    assert common.nodes(org, []) == "none"
    assert org.chains["x"].describe() == "Equis (x)"
    assert common.chain_path(org, org.chains["x"]) == "Alfa [red]x[/red] → b → Zeta"


@pytest.mark.parametrize(("hops", "shown"), [(None, "none"), (1, "1 handoff"), (2, "2 handoffs")])
def test_hops_text(hops: int | None, shown: str) -> None:
    assert common.hops_text(hops) == shown


def test_finding_line_with_and_without_position() -> None:
    assert common.finding_line(warning()) == "org.yaml:3:5: warning [isolated] msg"
    assert common.finding_line(warning(0)) == "org.yaml: warning [isolated] msg"


def test_issues_text() -> None:
    issues = [Issue("f", 1, 2, "bad", "a.b", "hint"), Issue("f", 3, 1, "worse")]
    assert common.issues_text(issues) == "f:1:2: a.b: bad (hint)\nf:3:1: worse"


def test_map_text_is_plain(org: Organization) -> None:
    out = overview.map_text(build_overview(org, build_graph(org)))
    assert "\x1b[" not in out
    assert "organization: Ñandú [bold]" in out
    assert "  Equis (x): demand 2.5 per week" in out
    assert "suppliers:\n  none" in out


def test_rich_output_never_interprets_names_as_markup(org: Organization) -> None:
    overview = build_overview(org, build_graph(org))
    out = overview_rich.map_rich(overview, 200)
    assert "Alfa [red]x[/red]" in out
    assert "Ñandú [bold]" in out
    who_out = overview_rich.who_rich(org, who(org, build_graph(org), "a"), 200)
    assert "Alfa [red]x[/red] (a)" in who_out


def test_who_json(org: Organization) -> None:
    doc = json.loads(overview.who_json(org, who(org, build_graph(org), "a")))
    assert doc["suppliers"] == []
    assert doc["clients"] == ["b"]
    assert (doc["feedback_from"], doc["information_from"]) == (["b"], [])
    assert doc["hops_to_external"] == 2


def test_map_json_demand_and_nulls(org: Organization) -> None:
    doc = json.loads(overview.map_json(build_overview(org, build_graph(org))))
    assert doc["chains"][0]["demand"] == 2.5
    assert doc["chains"][0]["supplier"] is None
    assert doc["departments"][1]["group"] is None
    assert "role" not in doc["departments"][0]


def test_input_finding() -> None:
    found = input_finding(Issue("f.yaml", 2, 3, "bad value", "departments.a", "try 4h"))
    assert found == Finding(
        "input-error",
        Severity.ERROR,
        "departments.a: bad value (try 4h)",
        "f.yaml",
        2,
        3,
        "departments.a",
    )


def test_check_run_counts_and_failing() -> None:
    info = Finding("single-point-of-failure", Severity.INFO, "m", "a.yaml", 1, 1, "a")
    run = CheckRun(
        (
            FileCheck("a.yaml", findings=(warning(), info)),
            FileCheck("b.yaml", issues=(Issue("b.yaml", 1, 1, "no such file"),)),
        )
    )
    assert run.unreadable == 1
    assert run.counts() == {"files": 2, "errors": 1, "warnings": 1, "infos": 1, "unreadable": 1}
    assert run.failing(Severity.ERROR) == []  # input errors are exit 2, not 1
    assert run.failing(Severity.WARNING) == [warning()]
    assert len(run.failing(Severity.INFO)) == 2
    assert check.check_summary(run) == (
        "checked 2 files: 1 error, 1 warning, 1 info; 1 file could not be read"
    )
    assert check.check_text(run).splitlines()[-1] == "b.yaml:1:1: error [input-error] no such file"
    doc = json.loads(check.check_json(run))
    assert [f["rule"] for f in doc["findings"]] == [
        "isolated",
        "single-point-of-failure",
        "input-error",
    ]


def test_empty_check_run() -> None:
    run = CheckRun(())
    assert check.check_text(run) == ""
    assert check_rich.check_rich(run, 80) == ""
    assert check.check_summary(run) == "checked 0 files: 0 errors, 0 warnings, 0 info"
