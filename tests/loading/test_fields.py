"""The key tables: each field names a model attribute that exists and takes the model's default."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientchain.errors import InputError
from clientchain.loading import fields as F
from clientchain.loading import load_text
from clientchain.loading.project import read_project_config
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


def test_the_pyproject_table_reads_the_checks_keys_and_fail_on(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[tool.clientchain]\nmin-satisfaction = 4\nfail-on = "Warning"\nnear_capacity = 85\n'
        "cpacity = 1\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        read_project_config(path)
    assert [(i.line, i.message, i.hint) for i in raised.value.issues] == [
        (4, "expected a percentage like '90%' or a fraction 0–1, got 85", "did you mean '85%'?"),
        (
            5,
            "unknown key 'cpacity'",
            "known keys: select, ignore, severity, fail-on, near_capacity, min_satisfaction, "
            "min_rolled_quality",
        ),
    ]
    path.write_text('[tool.clientchain]\nmin-satisfaction = 4\nfail-on = "Warning"\n')
    config = read_project_config(path)
    assert config is not None
    assert (config.min_satisfaction, config.fail_on) == (4.0, "warning")
