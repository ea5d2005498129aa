"""The key tables: each field names a model attribute that exists and takes the model's default."""

from __future__ import annotations

import pytest

from clientchain.loading import fields as F
from clientchain.loading import load_text
from clientchain.loading.schema import org_schema
from clientchain.model import Department


def test_a_field_naming_an_attribute_the_model_lacks_is_refused_at_import() -> None:
    with pytest.raises(TypeError, match="Department has no attribute 'head_count'"):
        F._table(Department, F.Field("headcount", "count", "People.", attr="head_count"))


def test_keys_fill_the_attributes_their_fields_name() -> None:
    org = load_text(
        "version: 1\n"
        "organization: Acme\n"
        "departments: {a: {}, b: {}}\n"
        "clients: {shop: {role: final}}\n"
        "handoffs: [{from: a, to: b}]\n",
        "o.yaml",
    )
    assert org.name == "Acme"  # organization → Organization.name
    assert org.clients["shop"].client_role == "final"  # role → ExternalParty.client_role
    handoff = org.handoffs[0]
    assert (handoff.source, handoff.target) == ("a", "b")  # from/to → source/target


def test_a_key_not_written_takes_the_default_the_schema_documents() -> None:
    org = load_text("version: 1\ndepartments: {a: {}}\nchecks: {}\n", "o.yaml")
    department = org_schema()["$defs"]["department"]["properties"]
    checks = org_schema()["$defs"]["checks"]["properties"]
    assert department["headcount"]["default"] == org.departments["a"].headcount == 1
    assert department["kind"]["default"] == org.departments["a"].kind == "operative"
    assert checks["near_capacity"]["default"] == org.checks.near_capacity == 0.85
    assert org_schema()["properties"]["period"]["default"] == org.period == "week"
    # a default of nothing (other_load 0 h, no tags) is neither documented nor written
    assert "default" not in department["other_load"]
    assert org.departments["a"].other_load == 0.0
