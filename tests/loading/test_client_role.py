"""External clients: ``role: intermediary|final`` beside the commercial ``segment``."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from clientchain.cli import app
from clientchain.errors import InputError
from clientchain.loading import load_text
from clientchain.loading.dump import dump_org
from clientchain.loading.schema import org_schema
from clientchain.loading.yaml_source import compose, to_data

SHOP = """\
version: 1
departments:
  ventas: {name: Ventas}
clients:
  distribuidores: {name: Distribuidores, role: intermediary, segment: discount}
  pacientes: {name: Pacientes, role: final}
  marcas: {name: Marcas, segment: loyal}
handoffs:
  - {from: ventas, to: distribuidores, deliverable: Pedidos}
  - {from: ventas, to: pacientes, deliverable: Citas}
  - {from: ventas, to: marcas, deliverable: Campañas}
"""


def test_the_role_reaches_the_model_apart_from_the_segment() -> None:
    org = load_text(SHOP, "org.yaml")
    distribuidores = org.clients["distribuidores"]
    assert (distribuidores.client_role, distribuidores.segment) == ("intermediary", "discount")
    assert org.clients["pacientes"].client_role == "final"
    assert org.clients["pacientes"].segment is None
    assert org.clients["marcas"].client_role is None  # not given: unknown, not guessed


def test_an_unknown_role_is_refused_with_the_choices() -> None:
    text = SHOP.replace("role: final", "role: finall")
    with pytest.raises(InputError) as caught:
        load_text(text, "org.yaml")
    assert [str(i) for i in caught.value.issues] == [
        "org.yaml:6:38: clients.pacientes.role: expected one of intermediary, final, "
        "got 'finall' (did you mean 'final'?)"
    ]


def test_a_segment_word_given_as_role_is_refused() -> None:
    # 'loyal' is a commercial segment, not a role in the chain
    text = SHOP.replace("role: final", "role: loyal")
    with pytest.raises(InputError) as caught:
        load_text(text, "org.yaml")
    assert "expected one of intermediary, final, got 'loyal'" in str(caught.value)


def test_suppliers_have_no_role() -> None:
    text = SHOP + "suppliers:\n  stock: {role: final}\n"
    with pytest.raises(InputError) as caught:
        load_text(text, "org.yaml")
    assert "suppliers.stock.role: unknown key 'role'" in str(caught.value)


def test_the_role_survives_dump_and_load() -> None:
    org = load_text(SHOP, "org.yaml")
    text = dump_org(org)
    assert '    role: intermediary\n    segment: "discount"' in text
    again = load_text(text, "again.yaml")
    assert {k: c.client_role for k, c in again.clients.items()} == {
        "distribuidores": "intermediary",
        "pacientes": "final",
        "marcas": None,
    }


def test_the_schema_knows_the_role() -> None:
    validator = jsonschema.Draft202012Validator(org_schema())
    assert not list(validator.iter_errors(to_data(compose(SHOP, "org.yaml"))))
    bad = to_data(compose(SHOP.replace("role: final", "role: loyal"), "org.yaml"))
    assert [e.json_path for e in validator.iter_errors(bad)] == ["$.clients.pacientes"]


def test_map_shows_the_role_in_text_and_json() -> None:
    text = CliRunner().invoke(app, ["map", "-", "--no-color"], input=SHOP)
    assert text.exit_code == 0, text.output
    assert "  Distribuidores (distribuidores): intermediary client, discount\n" in text.stdout
    assert "  Pacientes (pacientes): final client\n" in text.stdout
    assert "  Marcas (marcas): loyal\n" in text.stdout
    data = CliRunner().invoke(app, ["map", "-", "--format", "json"], input=SHOP)
    clients = json.loads(data.stdout)["clients"]
    assert clients[0] == {
        "id": "distribuidores",
        "name": "Distribuidores",
        "role": "intermediary",
        "segment": "discount",
    }
    assert [c["role"] for c in clients] == ["intermediary", "final", None]


def test_who_of_a_client_names_its_role() -> None:
    result = CliRunner().invoke(app, ["who", "-", "pacientes", "--no-color"], input=SHOP)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Pacientes (pacientes): final client"
