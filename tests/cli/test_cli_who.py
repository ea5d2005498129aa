"""``clientchain who``: SPEC §3 JSON fields, text with names and ids, unknown ids."""

from __future__ import annotations

import json

from .cli_support import ANSI, TALLER, Invoke

SPEC_FIELDS = [
    "id",
    "suppliers",
    "clients",
    "upstream",
    "downstream",
    "serves_external",
    "hops_to_external",
]


def test_json_has_the_spec_fields(cli: Invoke, org_file) -> None:
    result = cli("who", str(org_file()), "taller", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert set(SPEC_FIELDS) <= set(doc)
    assert doc["id"] == "taller"
    assert doc["suppliers"] == ["ventas"]
    assert doc["clients"] == ["envios"]
    assert doc["upstream"] == ["ventas", "papel"]
    assert doc["downstream"] == ["envios", "tiendas"]
    assert doc["serves_external"] == ["tiendas"]
    assert doc["hops_to_external"] == 2


def test_json_extra_fields(cli: Invoke, org_file) -> None:
    doc = json.loads(cli("who", str(org_file()), "ventas", "-f", "json").stdout)
    assert list(doc) == [
        "id",
        "name",
        "role",
        "client_role",
        *SPEC_FIELDS[1:],
        "information_from",
        "information_to",
        "feedback_from",
        "feedback_to",
        "requirements",
    ]
    assert doc["requirements"] == []  # no handoff of ventas states requires: or needs:
    assert doc["name"] == "Ventas"
    assert doc["role"] == "department"
    assert doc["feedback_from"] == ["envios"]  # Reclamaciones, type: feedback
    assert doc["information_from"] == doc["information_to"] == doc["feedback_to"] == []


def test_json_of_an_external_client(cli: Invoke, org_file) -> None:
    doc = json.loads(cli("who", str(org_file()), "tiendas", "-f", "json").stdout)
    assert doc["role"] == "client"
    assert doc["serves_external"] == []
    assert doc["hops_to_external"] is None


def test_text_shows_names_and_ids(cli: Invoke, org_file) -> None:
    result = cli("who", str(org_file()), "taller")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Taller de diseño (taller): department",
        "suppliers: Ventas (ventas)",
        "clients: Envíos (envios)",
        "upstream: Ventas (ventas), Papelera (papel)",
        "downstream: Envíos (envios), Tiendas (tiendas)",
        "serves external: Tiendas (tiendas)",
        "nearest external client: 2 handoffs",
        "information from: none",
        "information to: none",
        "feedback from: none",
        "feedback to: none",
    ]
    assert ANSI not in result.stdout


def test_rich_text(cli: Invoke, org_file, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = cli("who", str(org_file()), "taller")
    assert result.exit_code == 0
    assert ANSI in result.stdout
    assert "Envíos (envios)" in result.stdout


def test_unknown_department_suggests_the_closest(cli: Invoke, org_file) -> None:
    result = cli("who", str(org_file()), "envio")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("clientchain: error: unknown department")
    assert "did you mean 'envios'" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_reads_standard_input(cli: Invoke) -> None:
    result = cli("who", "-", "envios", "-f", "json", input=TALLER)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["hops_to_external"] == 1


def test_missing_department_argument_is_a_usage_error(cli: Invoke, org_file) -> None:
    assert cli("who", str(org_file())).exit_code == 2
