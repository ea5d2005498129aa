"""``clientchain map``: plain text, rich text, JSON (every field), stdin, exit codes."""

from __future__ import annotations

import json

import pytest

from .cli_support import ANSI, EXAMPLES, TALLER, WARNING_ORG, Invoke, run_script


def test_plain_text_overview(cli: Invoke, org_file) -> None:
    result = cli("map", str(org_file()))
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "organization: Taller Núñez",
        "period: week",
        "counts: 3 departments, 1 client, 1 supplier, 5 handoffs, 1 chain",
    ]
    text = result.stdout
    assert "  Taller de diseño (taller): operative, group Producción" in text
    assert "    suppliers: Ventas (ventas)" in text
    assert "    clients: Envíos (envios)" in text
    assert "    serves external: Tiendas (tiendas); nearest in 2 handoffs" in text
    assert "  Tiendas (tiendas): loyal" in text
    assert "  Papelera (papel)" in text
    assert "  Pedido estándar (pedido): demand 10 per week" in text
    assert "    Papelera → Ventas → Taller de diseño → Envíos → Tiendas" in text
    # ventas 10 × 0.5 h = 5 h of 40 → 12.5%; taller 20 h → 50%, the constraint
    assert "    utilization: 12.5% (5 h of 40 h per week)" in text
    assert "    utilization: 50% (20 h of 40 h per week), the constraint" in text
    assert "    lead time 0.34 working days (2.75 h); constraint Taller de diseño (taller)" in text
    assert "bottlenecks:\n  Taller de diseño (taller): 50%, the constraint\n" in text
    # taller has no other_load: both factors are 1 / 0.5 = 2
    assert (
        "  headroom: × 2 (if all work grows, other work included, "
        "Taller de diseño (taller) reaches 100% first)"
    ) in text
    assert (
        "  demand limit: × 2 (if only chain demand grows, "
        "Taller de diseño (taller) reaches 100% first)"
    ) in text
    assert "info [single-point-of-failure]" in text


def test_plain_text_has_no_ansi_and_no_box_drawing(cli: Invoke, org_file) -> None:
    out = cli("map", str(org_file()), "--no-color").stdout
    assert ANSI not in out
    assert not set(out) & set("│┃─━┌┐└┘╭╮╰╯┏┓┗┛")


def test_no_color_beats_force_color(cli: Invoke, org_file, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ANSI not in cli("map", str(org_file()), "--no-color").stdout
    assert ANSI not in cli("--no-color", "map", str(org_file())).stdout


def test_no_color_environment_variable(
    cli: Invoke, org_file, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert ANSI not in cli("map", str(org_file())).stdout


def test_rich_tables_on_a_terminal(cli: Invoke, org_file, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = cli("map", str(org_file()))
    assert result.exit_code == 0
    assert ANSI in result.stdout
    for title in ("Departments", "External clients and suppliers", "Chains", "Findings"):
        assert title in result.stdout
    assert "Taller de diseño" in result.stdout


def test_plain_text_is_stable(cli: Invoke, org_file) -> None:
    path = str(org_file())
    assert cli("map", path).stdout == cli("map", path).stdout


def test_reads_standard_input(cli: Invoke) -> None:
    result = cli("map", "-", input=TALLER)
    assert result.exit_code == 0
    assert "organization: Taller Núñez" in result.stdout


def test_exits_0_even_with_warnings(cli: Invoke, org_file) -> None:
    result = cli("map", str(org_file(WARNING_ORG)))
    assert result.exit_code == 0
    assert "warning [isolated]" in result.stdout


def test_invalid_input_exits_2(cli: Invoke, org_file) -> None:
    result = cli("map", str(org_file("version: 1\ndepartments: {a: {headcount: lots}}\n")))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "org.yaml:2:" in result.stderr
    assert "headcount" in result.stderr


# --- JSON, field by field --------------------------------------------------------------


@pytest.fixture
def doc(cli: Invoke, org_file) -> dict:
    result = cli("map", str(org_file()), "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_json_top_level_fields(doc: dict) -> None:
    assert list(doc) == [
        "organization",
        "period",
        "counts",
        "departments",
        "clients",
        "suppliers",
        "chains",
        "constraint",
        "headroom",
        "demand_limit",
        "limit_department",
        "chain_constraint",
        "unknown_utilization",
        "bottlenecks",
        "findings",
    ]
    assert doc["organization"] == "Taller Núñez"
    # taller: 10 × 2 h = 20 h of 40 h → 50%, the highest; headroom 1 / 0.5 = 2
    assert doc["constraint"] == "taller"
    assert doc["headroom"] == 2.0
    # demand limit (40 − 0) / 20 = 2 at taller, the busiest department with chain work
    assert doc["demand_limit"] == 2.0
    assert doc["limit_department"] == doc["chain_constraint"] == "taller"
    assert doc["bottlenecks"] == ["taller", "ventas", "envios"]
    assert doc["period"] == "week"


def test_json_counts(doc: dict) -> None:
    assert doc["counts"] == {
        "departments": 3,
        "clients": 1,
        "suppliers": 1,
        "handoffs": 5,
        "chains": 1,
    }


def test_json_departments(doc: dict) -> None:
    assert [d["id"] for d in doc["departments"]] == ["ventas", "taller", "envios"]
    taller = doc["departments"][1]
    assert list(taller) == [
        "id",
        "name",
        "kind",
        "group",
        "suppliers",
        "clients",
        "upstream",
        "downstream",
        "serves_external",
        "hops_to_external",
        "information_from",
        "information_to",
        "feedback_from",
        "feedback_to",
        "load_hours",
        "capacity_hours",
        "utilization",
    ]
    assert (taller["load_hours"], taller["capacity_hours"], taller["utilization"]) == (20, 40, 0.5)
    assert taller["name"] == "Taller de diseño"
    assert taller["kind"] == "operative"
    assert taller["group"] == "Producción"
    assert taller["suppliers"] == ["ventas"]
    assert taller["clients"] == ["envios"]
    assert taller["upstream"] == ["ventas", "papel"]
    assert taller["downstream"] == ["envios", "tiendas"]
    assert taller["serves_external"] == ["tiendas"]
    assert taller["hops_to_external"] == 2
    assert taller["information_from"] == []
    assert taller["information_to"] == []
    envios = doc["departments"][2]
    assert envios["group"] is None
    assert (envios["feedback_to"], envios["information_to"]) == (["ventas"], [])  # Reclamaciones
    assert doc["departments"][0]["kind"] == "commercial"
    assert doc["departments"][0]["feedback_from"] == ["envios"]


def test_json_clients_and_suppliers(doc: dict) -> None:
    assert doc["clients"] == [
        {"id": "tiendas", "name": "Tiendas", "role": None, "segment": "loyal"}
    ]
    assert doc["suppliers"] == [{"id": "papel", "name": "Papelera", "segment": None}]


def test_json_chains(doc: dict) -> None:
    assert doc["chains"] == [
        {
            "id": "pedido",
            "name": "Pedido estándar",
            "client": "tiendas",
            "supplier": "papel",
            "demand": 10,
            "path": ["papel", "ventas", "taller", "envios", "tiendas"],
            # no waits: lead time = process time 0.5 + 2 + 0.25 h
            "lead_time_hours": 2.75,
            "constraint": "taller",
        }
    ]


def test_json_findings_are_check_findings(doc: dict) -> None:
    assert doc["findings"]
    for finding in doc["findings"]:
        assert list(finding) == ["rule", "severity", "message", "file", "line", "column", "subject"]
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["file"].endswith("org.yaml")
        assert isinstance(finding["line"], int)
        assert finding["line"] > 0
        assert isinstance(finding["column"], int)
    assert {f["rule"] for f in doc["findings"]} == {"single-point-of-failure"}


def test_json_keeps_unicode_readable(cli: Invoke, org_file) -> None:
    out = cli("map", str(org_file()), "-f", "json").stdout
    assert "Núñez" in out
    assert "\\u00f1" not in out


def test_json_with_no_color_is_the_same(cli: Invoke, org_file) -> None:
    path = str(org_file())
    assert (
        cli("map", path, "-f", "json").stdout == cli("map", path, "-f", "json", "--no-color").stdout
    )


def test_json_findings_match_check(cli: Invoke, org_file) -> None:
    path = str(org_file(WARNING_ORG))
    mapped = json.loads(cli("map", path, "-f", "json").stdout)["findings"]
    checked = json.loads(cli("check", path, "-f", "json").stdout)["findings"]
    assert mapped == checked


def test_shipped_spanish_example_through_the_script() -> None:
    result = run_script("map", str(EXAMPLES / "agencia.yaml"))
    assert result.exit_code == 0, result
    assert "Agencia Ejemplo" in result.stdout
    assert " → " in result.stdout
    assert ANSI not in result.stdout


@pytest.mark.parametrize(
    ("args", "analyses"),
    [
        (["map", "{}"], 1),
        (["check", "{}"], 1),
        (["bottlenecks", "{}"], 1),
        (["chains", "{}"], 1),
        (["render", "{}", "-o", "{out}.dot"], 1),
        (["report", "{}", "-o", "{out}.md"], 1),
        (["summary", "{}"], 1),
        (["diff", "{}", "{}"], 2),  # one per version, shared with its rules
        (["simulate", "{}", "--demand", "1.3"], 2),  # before and after
    ],
)
def test_each_command_analyses_the_flow_once_per_version(
    cli: Invoke, org_file, tmp_path, monkeypatch: pytest.MonkeyPatch, args, analyses
) -> None:
    # no module-global cache: the use case computes the analysis once and hands it on
    # (to the rules through checks/facts.py)
    import clientchain.analysis.flow as flow

    calls = []
    analyze = flow._analyze

    def counted(*given):  # type: ignore[no-untyped-def]
        calls.append(1)
        return analyze(*given)

    monkeypatch.setattr(flow, "_analyze", counted)
    path = str(org_file())
    result = cli(*[a.replace("{}", path).replace("{out}", str(tmp_path / "x")) for a in args])
    assert result.exit_code in (0, 1), result
    assert len(calls) == analyses
