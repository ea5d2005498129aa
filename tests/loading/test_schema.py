"""The JSON Schema accepts what the loader accepts and rejects what it can see is wrong."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from clientchain.loading import load_file
from clientchain.loading.schema import org_schema
from clientchain.loading.yaml_source import compose, to_data

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"
GOOD = sorted((ROOT / "examples").glob("*.yaml")) + sorted((CASES / "valid").glob("*.yaml"))
VALIDATOR = jsonschema.Draft202012Validator(org_schema())

# Invalid files whose problem a schema can see. References, duplicate ids,
# encodings and NaN (JSON has no NaN; every comparison with it is false) are
# beyond any schema: the loader refuses those.
SCHEMA_VISIBLE = [
    "bad-duration.yaml",
    "bad-percentage.yaml",
    "calendar-out-of-bounds.yaml",
    "departments-as-list.yaml",
    "missing-chain-demand.yaml",
    "missing-step-effort.yaml",
    "missing-version.yaml",
    "multiple-problems.yaml",
    "negative-headcount.yaml",
    "period-year.yaml",
    "satisfaction-out-of-range.yaml",
    "unknown-department-key.yaml",
    "unknown-kind.yaml",
    "unknown-top-level-key.yaml",
    "unsupported-version.yaml",
]


def data_of(path: Path) -> object:
    """What an editor's YAML 1.2 language server sees in the file."""
    text = path.read_bytes().decode("utf-8-sig")
    return to_data(compose(text, str(path)))


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    schema = org_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_good_files_are_many() -> None:
    names = {p.name for p in GOOD}
    assert {"agencia.yaml", "software-company.yaml", "broken.yaml"} <= names
    assert len(GOOD) >= 9


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_every_example_and_valid_case_matches_the_schema(path: Path) -> None:
    load_file(path)  # the loader accepts it ...
    errors = [e.message for e in VALIDATOR.iter_errors(data_of(path))]
    assert errors == []  # ... and so does the schema


@pytest.mark.parametrize("name", SCHEMA_VISIBLE)
def test_the_schema_rejects_invalid_files_the_loader_rejects(name: str) -> None:
    path = CASES / "invalid" / name
    with pytest.raises(Exception, match=r"\d+:\d+"):
        load_file(path)
    assert not VALIDATOR.is_valid(data_of(path))


def test_the_starter_template_matches_the_schema() -> None:
    starter = ROOT / "src" / "clientchain" / "starter.yaml"
    assert VALIDATOR.is_valid(data_of(starter))
