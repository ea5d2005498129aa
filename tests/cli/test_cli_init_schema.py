"""``clientchain init`` and ``clientchain schema``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clientchain.cli.scaffold import starter_text

from .cli_support import Invoke, run_script


def test_init_to_stdout(cli: Invoke) -> None:
    result = cli("init")
    assert result.exit_code == 0
    assert result.stdout.rstrip("\n") == starter_text().rstrip("\n")


def test_init_dash_is_stdout(cli: Invoke) -> None:
    assert cli("init", "-").stdout == cli("init").stdout


def test_init_then_check_round_trip(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    result = cli("init", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert str(target) in result.stderr
    assert target.read_text(encoding="utf-8") == starter_text()
    checked = cli("check", str(target))
    assert checked.exit_code == 0, checked
    assert cli("map", str(target)).exit_code == 0


def test_init_stdout_piped_into_check() -> None:
    starter = run_script("init")
    assert starter.exit_code == 0
    checked = run_script("check", "-", "--fail-on", "warning", input=starter.stdout)
    assert checked.exit_code == 0, checked


def test_init_refuses_to_overwrite(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = cli("init", str(target))
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_init_force_overwrites(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("mine\n", encoding="utf-8")
    assert cli("init", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") == starter_text()
    assert [p.name for p in tmp_path.iterdir()] == ["org.yaml"]  # no temporary left


def test_init_into_a_missing_directory_exits_2(cli: Invoke, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "nope" / "org.yaml"))
    assert result.exit_code == 2
    assert result.stderr.startswith("clientchain: error: ")
    assert len(result.stderr.splitlines()) == 1


def test_schema_is_json_schema_2020_12(cli: Invoke) -> None:
    result = cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert result.stdout.startswith('{\n  "$schema"')


def test_schema_accepts_the_starter(cli: Invoke) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    yaml = pytest.importorskip("yaml")
    schema = json.loads(cli("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(yaml.safe_load(starter_text()), schema)
