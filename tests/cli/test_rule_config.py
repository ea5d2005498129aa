"""Rule configuration: per-entity ``ignore:``, ``[tool.clientchain]`` in pyproject.toml,
and the precedence defaults < pyproject < org file ``checks:`` < command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clientchain.checks import run_checks
from clientchain.errors import InputError
from clientchain.graph import build_graph
from clientchain.loading import load_text
from clientchain.loading.dump import dump_org
from clientchain.loading.project import find_project_config

from .cli_support import TALLER, WARNING_ORG, Invoke, run_script

# Two isolated departments (archivo line 7, museo line 8), an isolated supplier (line 15),
# a handoff without deliverable (line 22) and a chain at 50% × 95% = 47.5% rolled quality.
ENTITIES = """\
version: 1
organization: Suppressions
departments:
  ventas: {name: Ventas}
  taller: {name: Taller}
  envios: {name: Envíos}
  archivo: {name: Archivo, ignore: [isolated]}
  museo: {name: Museo}
clients:
  tiendas: {name: Tiendas}
  nadie: {name: Nadie, ignore: [isolated, unserved-client]}
suppliers:
  papel: {name: Papelera}
  tinta: {name: Tintas, ignore: isolated}
handoffs:
  - {from: papel, to: ventas, deliverable: Papel, quality: 50%}
  - {from: ventas, to: taller, deliverable: Pedido, quality: 95%}
  - {from: taller, to: envios, ignore: [missing-deliverable]}
  - {from: envios, to: tiendas, deliverable: Entregas}
  - {from: envios, to: ventas, type: feedback}
chains:
  pedido:
    client: tiendas
    supplier: papel
    demand: 10
    ignore: [low-quality]
    steps:
      - {department: ventas, effort: 30m}
      - {department: taller, effort: 2h}
      - {department: envios, effort: 15m}
"""


def findings(text: str) -> set[tuple[str, str]]:
    org = load_text(text, "org.yaml")
    return {(f.rule, f.subject) for f in run_checks(org, build_graph(org))}


def test_entity_ignore_suppresses_only_that_entity_and_rule() -> None:
    found = findings(ENTITIES)
    assert ("isolated", "archivo") not in found  # department
    assert ("isolated", "museo") in found  # the same rule elsewhere still runs
    assert ("isolated", "nadie") not in found  # client
    assert ("isolated", "tinta") not in found  # supplier (a scalar is a one-item list)
    assert ("missing-deliverable", "taller->envios") not in found  # handoff
    assert ("missing-deliverable", "envios->ventas") in found
    assert ("low-quality", "pedido") not in found  # chain


def test_without_the_ignore_lists_every_finding_comes_back() -> None:
    plain = "\n".join(
        line.replace(", ignore: [isolated]", "")
        .replace(", ignore: [isolated, unserved-client]", "")
        .replace(", ignore: isolated", "")
        .replace(", ignore: [missing-deliverable]", "")
        for line in ENTITIES.splitlines()
        if "ignore: [low-quality]" not in line
    )
    found = findings(plain)
    for expected in [
        ("isolated", "archivo"),
        ("isolated", "nadie"),
        ("isolated", "tinta"),
        ("missing-deliverable", "taller->envios"),
        ("low-quality", "pedido"),  # 50% × 95% = 47.5% < 80%
    ]:
        assert expected in found


def test_ignore_survives_dump_and_load() -> None:
    org = load_text(ENTITIES, "org.yaml")
    again = load_text(dump_org(org), "org.yaml")
    assert again.departments["archivo"].ignore == ("isolated",)
    assert again.suppliers["tinta"].ignore == ("isolated",)
    assert again.handoffs[2].ignore == ("missing-deliverable",)
    assert again.chains["pedido"].ignore == ("low-quality",)


def test_unknown_rule_in_an_entity_ignore_is_an_input_error(cli: Invoke, org_file) -> None:
    path = org_file(ENTITIES.replace("ignore: [isolated]}", "ignore: [isolatd]}"))
    with pytest.raises(InputError) as info:
        run_checks(org := load_text(path.read_text(), str(path)), build_graph(org))
    (issue,) = info.value.issues
    assert (issue.line, issue.column, issue.path) == (7, 3, "departments.archivo.ignore")
    assert "did you mean 'isolated'?" in issue.hint
    result = cli("check", str(path))
    assert result.exit_code == 2
    assert f"{path}:7:3: error [input-error] departments.archivo.ignore: unknown rule" in (
        result.stdout
    )


def test_a_chain_sharing_a_department_id_keeps_its_own_ignore_list() -> None:
    # chain `museo` ignores low-quality; department `museo` is still reported isolated
    text = ENTITIES + (
        "  museo:\n    client: tiendas\n    demand: 1\n    ignore: [isolated]\n"
        "    steps: [{department: ventas, effort: 1h}]\n"
    )
    found = findings(text)
    assert ("isolated", "museo") in found  # the department's finding points at line 8
    assert ("isolated", "archivo") not in found


# -- pyproject.toml ------------------------------------------------------------------------


def project(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(f'[project]\nname = "x"\n\n[tool.clientchain]\n{body}', encoding="utf-8")
    return path


def rules_found(cli: Invoke, path: Path, *options: str) -> dict[str, str]:
    result = cli("check", str(path), "-f", "json", *options)
    return {f["rule"]: f["severity"] for f in json.loads(result.stdout)["findings"]}


def test_pyproject_is_found_walking_up_and_the_nearest_table_wins(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b" / "c"
    nested.mkdir(parents=True)
    project(tmp_path, 'fail-on = "info"\n')
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "no-table"\n')
    assert find_project_config(nested).path == str(tmp_path / "pyproject.toml")
    project(tmp_path / "a" / "b", 'fail_on = "error"\n')
    found = find_project_config(nested)
    assert (found.path, found.fail_on, found.line) == (
        str(tmp_path / "a" / "b" / "pyproject.toml"),
        "error",
        4,
    )


def test_precedence_of_selection(cli: Invoke, org_file, tmp_path) -> None:
    path = org_file(WARNING_ORG, "team/org.yaml")
    assert set(rules_found(cli, path)) == {"isolated", "single-point-of-failure"}  # defaults
    project(tmp_path, 'ignore = ["isolated"]\n')
    assert set(rules_found(cli, path)) == {"single-point-of-failure"}  # pyproject
    filed = org_file(WARNING_ORG + "checks:\n  select: [isolated]\n", "team/org.yaml")
    assert set(rules_found(cli, filed)) == {"isolated"}  # the file's select replaces it
    assert set(rules_found(cli, filed, "--ignore", "isolated")) == set()  # command line


def test_precedence_of_severity_and_fail_on(cli: Invoke, org_file, tmp_path) -> None:
    path = org_file(WARNING_ORG, "team/org.yaml")
    assert cli("check", str(path)).exit_code == 1  # default fail-on warning, 1 warning
    project(tmp_path, 'fail-on = "error"\n')
    assert cli("check", str(path)).exit_code == 0  # pyproject: only errors fail
    assert cli("check", str(path), "--fail-on", "warning").exit_code == 1  # command line
    project(tmp_path, 'fail-on = "error"\nseverity = { isolated = "error" }\n')
    assert rules_found(cli, path)["isolated"] == "error"
    assert cli("check", str(path)).exit_code == 1
    filed = org_file(WARNING_ORG + "checks:\n  severity: {isolated: info}\n", "team/org.yaml")
    assert rules_found(cli, filed)["isolated"] == "info"  # the file wins over pyproject
    assert cli("check", str(filed)).exit_code == 0


def test_precedence_of_thresholds(cli: Invoke, org_file, tmp_path) -> None:
    # ventas → taller is rated 4: below a minimum of 4.5, not below the default 3
    path = org_file(TALLER, "team/org.yaml")
    assert "low-satisfaction" not in rules_found(cli, path)
    project(tmp_path, "min_satisfaction = 4.5\n")
    assert "low-satisfaction" in rules_found(cli, path)  # pyproject: 4 < 4.5
    filed = org_file(TALLER + "checks:\n  min_satisfaction: 3.5\n", "team/org.yaml")
    assert "low-satisfaction" not in rules_found(cli, filed)  # the file's 3.5 wins: 4 ≥ 3.5


def test_standard_input_uses_the_current_folder(tmp_path: Path) -> None:
    project(tmp_path, 'ignore = ["isolated"]\n')
    result = run_script("check", "-", "-f", "json", input=WARNING_ORG, cwd=tmp_path)
    assert result.exit_code == 0  # the only warning is ignored by the pyproject
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"single-point-of-failure"}


@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        ('fail-on = "never"\n', ":5:1: error [input-error] tool.clientchain.fail_on: ", "one of"),
        ('ignore = ["isolatd"]\n', ":5:1: error [input-error] tool.clientchain.ignore: ", "mean"),
        ("colour = true\n", ":5:1: error [input-error] tool.clientchain.colour: ", "'colour'"),
        ('near_capacity = "1.2"\n', ":5:1: error [input-error] tool.clientchain.near_", "100%"),
        ("select = [\n", ":5:1: error [input-error] invalid TOML", "end of document"),
    ],
)
def test_pyproject_problems_are_located_input_errors(
    cli: Invoke, org_file, tmp_path, body: str, where: str, message: str
) -> None:
    path = org_file(TALLER, "team/org.yaml")
    toml = project(tmp_path, body)
    result = cli("check", str(path))
    assert result.exit_code == 2
    assert f"{toml}{where}" in result.stdout
    assert message in result.stdout
