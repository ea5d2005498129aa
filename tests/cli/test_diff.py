"""``clientchain diff``: structure, metric deltas, constraint shift, git revisions, exit codes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from clientchain.analysis.diff import diff_orgs
from clientchain.checks import check_org
from clientchain.errors import InputError, UsageError
from clientchain.loading import load_file, load_text
from clientchain.loading.dump import dump_org
from clientchain.loading.git import load_version, read_revision
from clientchain.model import Organization
from clientchain.output.diff import diff_markdown, diff_text

from .cli_support import EXAMPLES, TALLER, Invoke, run_script
from .conftest import git


def _roundtrip_generator():  # the generator of tests/loading/test_roundtrip.py, imported
    path = Path(__file__).resolve().parents[1] / "loading" / "test_roundtrip.py"
    spec = importlib.util.spec_from_file_location("roundtrip_generator", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.organizations


organizations = _roundtrip_generator()
CORPUS = sorted(EXAMPLES.glob("*.yaml")) + sorted(
    (Path(__file__).resolve().parents[1] / "cases" / "valid").glob("*.yaml")
)

# TALLER (H = 40 h a week, demand 10): ventas 10 × 0.5 h = 5 h → 12.5%, taller 10 × 2 h
# = 20 h → 50%, envios 10 × 0.25 h = 2.5 h → 6.25%; lead time 0.5 + 2 + 0.25 = 2.75 h;
# rolled quality: only ventas → taller is rated, 95%.
SLOWER = TALLER.replace("{department: taller, effort: 2h}", "{department: taller, effort: 3.6h}")
# taller: 10 × 3.6 = 36 h → 90% (crosses 85%); lead time 0.5 + 3.6 + 0.25 = 4.35 h (+58.2%)


def org(text: str, name: str = "org.yaml") -> Organization:
    return load_text(text, name)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_a_version_against_itself_is_empty(path: Path) -> None:
    first, second = load_file(path), load_file(path)
    result = diff_orgs(first, second)
    assert result.empty
    assert (result.entities, result.metrics, result.regressions) == ((), (), ())
    assert diff_text(result).endswith("no changes")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organizations())
def test_property_diff_of_an_org_with_its_reloaded_self_is_empty(generated: Organization) -> None:
    loaded = load_text(dump_org(generated), "a.yaml")
    assert diff_orgs(generated, loaded).empty
    assert diff_orgs(loaded, loaded).empty


def test_renamed_department_is_one_removal_and_one_addition_with_its_handoffs() -> None:
    renamed = TALLER.replace("taller:", "diseno:").replace("to: taller", "to: diseno")
    renamed = renamed.replace("from: taller", "from: diseno").replace(
        "department: taller", "department: diseno"
    )
    result = diff_orgs(org(TALLER), org(renamed))
    added = [(c.kind, c.id) for c in result.by_status("added")]
    removed = [(c.kind, c.id) for c in result.by_status("removed")]
    assert added == [
        ("department", "diseno"),
        ("handoff", "ventas->diseno"),
        ("handoff", "diseno->envios"),
    ]
    assert removed == [
        ("department", "taller"),
        ("handoff", "ventas->taller"),
        ("handoff", "taller->envios"),
    ]
    (chain,) = result.by_status("changed")
    assert (chain.kind, chain.id) == ("chain", "pedido")
    assert [(f.field, f.old, f.new) for f in chain.fields] == [
        ("steps", ["ventas", "taller", "envios"], ["ventas", "diseno", "envios"])
    ]


def test_fields_change_one_by_one() -> None:
    changed = TALLER.replace("envios: {name: Envíos}", "envios: {name: Envíos, headcount: 2}")
    changed = changed.replace("quality: 95%", "quality: 80%").replace("demand: 10", "demand: 12")
    result = diff_orgs(org(TALLER), org(changed))
    fields = {(c.kind, c.id): [(f.field, f.old, f.new) for f in c.fields] for c in result.entities}
    assert fields == {
        ("department", "envios"): [("headcount", 1.0, 2.0)],
        ("handoff", "ventas->taller"): [("quality", 0.95, 0.8)],
        ("chain", "pedido"): [("demand", 10.0, 12.0)],
    }
    text = diff_text(result)
    assert "~ Envíos (envios): headcount 1 → 2" in text
    assert "~ Ventas (ventas) → Taller de diseño (taller): quality 95% → 80%" in text


def test_metric_deltas_and_regressions_by_hand() -> None:
    result = diff_orgs(org(TALLER), org(SLOWER))
    metrics = {(m.id, m.metric): (m.old, m.new) for m in result.metrics}
    assert metrics == {
        ("taller", "utilization"): (20 / 40, 36 / 40),
        ("pedido", "lead_time_hours"): (2.75, pytest.approx(4.35)),
    }
    (steps,) = [c for c in result.entities if c.id == "pedido"]
    assert [(f.field, f.old, f.new) for f in steps.fields] == [("steps[1].effort", 2.0, 3.6)]
    messages = [r.message for r in result.regressions]
    assert messages == [
        "Taller de diseño (taller) crosses the near-capacity threshold of 85%: "
        "utilization 50% → 90%.",
        "Pedido estándar (pedido): lead time grows by 58.2% (2.75 h → 4.35 h), "
        "more than the tolerance of 10%.",
    ]
    # (4.35 - 2.75) / 2.75 = 0.5818…: within a tolerance of 60%, over one of 50%
    assert len(diff_orgs(org(TALLER), org(SLOWER), lead_time_tolerance=0.6).regressions) == 1
    assert len(diff_orgs(org(TALLER), org(SLOWER), lead_time_tolerance=0.5).regressions) == 2


def test_rolled_quality_delta_and_constraint_shift() -> None:
    # ventas gets 45 h of other load: 5 + 45 = 50 h of 40 → 125%, now the constraint
    busy = TALLER.replace("kind: commercial, group: Frente}", "kind: commercial, other_load: 45h}")
    worse = busy.replace("quality: 95%", "quality: 70%")
    result = diff_orgs(org(TALLER), org(worse))
    assert (result.constraint.old, result.constraint.new, result.shifted) == (
        "taller",
        "ventas",
        True,
    )
    metrics = {(m.id, m.metric): (m.old, m.new) for m in result.metrics}
    assert metrics[("pedido", "rolled_quality")] == (0.95, 0.70)
    assert metrics[("ventas", "utilization")] == (5 / 40, 50 / 40)
    assert [c.chain for c in result.chain_constraints] == ["pedido"]
    assert "Ventas (ventas) becomes overloaded: utilization 12.5% → 125%." in [
        r.message for r in result.regressions
    ]
    assert "constraint: Taller de diseño (taller) → Ventas (ventas)" in diff_text(result)


def test_negative_tolerance_is_refused() -> None:
    with pytest.raises(ValueError, match="tolerance"):
        diff_orgs(org(TALLER), org(TALLER), lead_time_tolerance=-0.1)


# -- git -------------------------------------------------------------------------------------


def commit(repo: Path, text: str, name: str = "org.yaml") -> None:
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", "change")


def test_rev_path_reads_the_committed_version(repo: Path, monkeypatch) -> None:
    commit(repo, TALLER)
    commit(repo, SLOWER)
    monkeypatch.chdir(repo)
    old = load_version("HEAD~1:org.yaml")
    assert old.source == "HEAD~1:org.yaml"
    assert old.chains["pedido"].steps[1].effort == 2.0
    assert load_version("main:org.yaml").chains["pedido"].steps[1].effort == 3.6
    assert diff_orgs(old, load_version("org.yaml")).regressions


@pytest.mark.parametrize(
    ("spec", "message", "hint"),
    [
        ("mian:org.yaml", "cannot read it from git", "is 'mian' a branch, tag or commit?"),
        ("main:nothere.yaml", "cannot read it from git", "relative to the top"),
    ],
)
def test_bad_revision_or_path_is_an_input_error(
    repo: Path, monkeypatch, spec: str, message: str, hint: str
) -> None:
    commit(repo, TALLER)
    monkeypatch.chdir(repo)
    with pytest.raises(InputError) as info:
        load_version(spec)
    (issue,) = info.value.issues
    assert issue.file == spec
    assert message in issue.message
    assert hint in issue.hint


def test_outside_a_repository_and_option_like_revisions(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_revision("main", "org.yaml", cwd=tmp_path)
    assert "not a git repository" in info.value.issues[0].message.lower()
    with pytest.raises(UsageError, match="cannot start with '-'"):
        read_revision("--output=/tmp/x", "org.yaml", cwd=tmp_path)


def test_cli_diff_with_git_and_fail_on_regression(repo: Path) -> None:
    commit(repo, TALLER)
    (repo / "org.yaml").write_text(SLOWER, encoding="utf-8")
    plain = run_script("diff", "main:org.yaml", "org.yaml", cwd=repo)
    assert plain.exit_code == 0  # a report, not a gate, without --fail-on-regression
    assert "diff: main:org.yaml → org.yaml" in plain.stdout
    gate = run_script("diff", "main:org.yaml", "org.yaml", "--fail-on-regression", cwd=repo)
    assert gate.exit_code == 1
    same = run_script("diff", "main:org.yaml", "main:org.yaml", "--fail-on-regression", cwd=repo)
    assert (same.exit_code, same.stdout.strip().splitlines()[-1]) == (0, "no changes")
    bad = run_script("diff", "mian:org.yaml", "org.yaml", cwd=repo)
    assert bad.exit_code == 2
    assert "Traceback" not in bad.stderr
    assert bad.stderr.startswith("mian:org.yaml:1:1: cannot read it from git")


@pytest.mark.parametrize("tolerance", ["10%", "0.5", "60%", "1000%"])
def test_crossing_near_capacity_fails_whatever_the_tolerance(
    cli: Invoke, org_file, tolerance: str
) -> None:
    # taller goes 50% → 90%, over the 85% threshold: a regression at any tolerance
    old, new = org_file(TALLER, "old.yaml"), org_file(SLOWER, "new.yaml")
    args = ("diff", str(old), str(new), "--fail-on-regression", "--lead-time-tolerance")
    assert cli(*args, tolerance).exit_code == 1
    relaxed = SLOWER + "checks:\n  near_capacity: 95%\n"  # 90% no longer crosses
    new = org_file(relaxed, "relaxed.yaml")
    assert cli(
        "diff", str(old), str(new), "--fail-on-regression", "--lead-time-tolerance", tolerance
    ).exit_code == (
        1 if tolerance in ("10%", "0.5") else 0  # lead time +58.2%: over 10% and 50% only
    )


def test_lead_time_alone_decides_with_the_tolerance(cli: Invoke, org_file) -> None:
    # waits only: 1 d = 8 h before taller → lead time 2.75 → 10.75 h (+290.9%), no load change
    waited = TALLER.replace(
        "{department: taller, effort: 2h}", "{department: taller, effort: 2h, wait: 1d}"
    )
    old, new = str(org_file(TALLER, "old.yaml")), str(org_file(waited, "new.yaml"))
    gate = ("diff", old, new, "--fail-on-regression")
    assert cli(*gate).exit_code == 1
    assert cli(*gate, "--lead-time-tolerance", "291%").exit_code == 0  # 290.9% ≤ 291%
    assert cli(*gate, "--lead-time-tolerance", "290%").exit_code == 1
    assert cli(*gate, "--lead-time-tolerance", "lots").exit_code == 2
    assert cli("diff", old, new).exit_code == 0


def test_json_and_markdown(cli: Invoke, org_file, tmp_path) -> None:
    old, new = str(org_file(TALLER, "old.yaml")), str(org_file(SLOWER, "new.yaml"))
    document = json.loads(cli("diff", old, new, "-f", "json").stdout)
    assert document["empty"] is False
    assert document["changed"][0]["fields"] == [
        {"field": "steps[1].effort", "old": 2.0, "new": 3.6}
    ]
    assert {(m["id"], m["metric"]) for m in document["metrics"]} == {
        ("taller", "utilization"),
        ("pedido", "lead_time_hours"),
    }
    assert document["constraint"] == {"old": "taller", "new": "taller", "shifted": False}
    assert len(document["regressions"]) == 2
    target = tmp_path / "comment.md"
    result = cli("diff", old, new, "-f", "markdown", "-o", str(target))
    assert result.exit_code == 0
    comment = target.read_text(encoding="utf-8")
    assert comment.startswith("### clientchain diff:")
    assert "#### Regressions" in comment
    assert "| Taller de diseño (taller) | utilization | 50% | 90% | +40 pts |" in comment


def test_markdown_cannot_be_injected() -> None:
    hostile = TALLER.replace(
        "taller: {name: Taller de diseño", 'taller: {name: "<img src=x> | *b*"'
    )
    slower = hostile.replace("effort: 2h}", "effort: 3.6h}")
    comment = diff_markdown(diff_orgs(org(hostile), org(slower)))
    assert "<img" not in comment
    assert "&lt;img src=x&gt; \\| \\*b\\*" in comment


# -- findings that appear and findings that are resolved ------------------------------------------

UNUSED_SUPPLIER = TALLER.replace(
    "  papel: {name: Papelera}\n", "  papel: {name: Papelera}\n  tinta: {name: Tintas}\n"
)  # tinta (line 12) has no handoff at all: one `isolated` warning in the new version
ISOLATED = "[isolated] External supplier Tintas (tinta) has no handoffs at all"


def test_a_new_supplier_nothing_uses_is_a_finding_that_appears(cli: Invoke, org_file) -> None:
    old, new = str(org_file(TALLER, "old.yaml")), str(org_file(UNUSED_SUPPLIER, "new.yaml"))
    lines = cli("diff", old, new).stdout.splitlines()
    assert lines[lines.index("findings:") :] == [
        "findings:",
        f"  + {new}:12:3: warning {ISOLATED}: nothing reaches it and it hands nothing over.",
        "regressions: none",
    ]
    document = json.loads(cli("diff", old, new, "-f", "json").stdout)
    assert document["findings"] == {
        "appeared": [
            {
                "rule": "isolated",
                "severity": "warning",
                "message": "External supplier Tintas (tinta) has no handoffs at all: nothing "
                "reaches it and it hands nothing over.",
                "file": new,
                "line": 12,
                "column": 3,
                "subject": "tinta",
            }
        ],
        "resolved": [],
    }
    # the other way round it is resolved, at its place in the old version
    back = cli("diff", new, old).stdout
    assert f"  - {new}:12:3: warning {ISOLATED}" in back
    assert json.loads(cli("diff", new, old, "-f", "json").stdout)["findings"]["appeared"] == []
    # a finding is no regression: the gate stays open
    assert cli("diff", old, new, "--fail-on-regression").exit_code == 0


def test_a_finding_whose_numbers_change_is_neither_new_nor_resolved(cli: Invoke, org_file) -> None:
    # taller 10 × 4.4 h = 44 h of 40 → 110%, then 10 × 4.8 h = 48 h → 120%: still overloaded
    over = TALLER.replace("{department: taller, effort: 2h}", "{department: taller, effort: 4.4h}")
    more = over.replace("effort: 4.4h", "effort: 4.8h")
    old, new = str(org_file(over, "old.yaml")), str(org_file(more, "new.yaml"))
    assert "findings: none" in cli("diff", old, new).stdout.splitlines()
    document = json.loads(cli("diff", old, new, "-f", "json").stdout)
    assert document["findings"] == {"appeared": [], "resolved": []}


def test_markdown_lists_findings() -> None:
    old, new = org(TALLER, "old.yaml"), org(UNUSED_SUPPLIER, "new.yaml")
    result = diff_orgs(old, new, check=check_org)
    comment = diff_markdown(result)
    assert "#### Findings" in comment
    assert "- appeared: `new.yaml:12:3` warning \\[isolated\\] External supplier Tintas" in comment
