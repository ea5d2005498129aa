"""A file that passes ``check`` renders: text no diagram can carry is refused at load.

Names with Unicode noncharacters (U+FFFE, U+FFFF …) break every XML output (SVG, PNG
through SVG, slides); a label longer than Graphviz's 16 KB HTML-string buffer breaks
``dot``. Both are refused where they are written, so ``check`` and ``render`` agree.
The hostile names are built here, not stored.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from clientchain.cli import app
from clientchain.errors import InputError
from clientchain.loading import load_text
from clientchain.loading.labels import MAX_TEXT
from clientchain.loading.schema import org_schema
from clientchain.loading.yaml_source import compose, to_data

TEMPLATE = """\
version: 1
organization: {organization}
departments:
  {dept_id}: {{name: {name}, group: {group}, tags: [{tag}]}}
  b: {{name: B}}
clients:
  c: {{name: C, segment: {segment}}}
handoffs:
  - {{from: {dept_id}, to: b, deliverable: {deliverable}}}
chains:
  {chain_id}:
    name: {chain}
    client: c
    demand: 10
    steps:
      - {{department: {dept_id}, effort: 2h}}
      - {{department: b, effort: 1h}}
"""
FIELDS = ("organization", "dept_id", "name", "group", "tag", "segment", "deliverable", "chain_id")
PLAIN = {key: "x" + key.replace("_", "") for key in FIELDS} | {"chain": "Chain"}


def org_text(**hostile: str) -> str:
    return TEMPLATE.format(**(PLAIN | hostile))


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_text(text, "org.yaml")
    return [str(issue) for issue in caught.value.issues]


# Where each field's value starts in TEMPLATE with PLAIN values (line, column).
PLACES = {
    "organization": (2, 15, "organization"),
    "dept_id": (4, 3, "departments.\ufffe"),
    "name": (4, 19, "departments.xdeptid.name"),
    "group": (4, 33, "departments.xdeptid.group"),
    "tag": (4, 48, "departments.xdeptid.tags[0]"),
    "segment": (7, 25, "clients.c.segment"),
    "deliverable": (9, 41, "handoffs[0].deliverable"),
    "chain_id": (11, 3, "chains.\ufffe"),
}


@pytest.mark.parametrize("field", FIELDS)
def test_a_noncharacter_is_refused_where_it_is_written(field: str) -> None:
    # a double-quoted YAML escape is the only way to write U+FFFE (raw, YAML refuses it)
    found = problems(org_text(**{field: '"\\uFFFE"'}))
    line, column, path = PLACES[field]
    message = "contains U+FFFE, a Unicode noncharacter that SVG, PNG, PDF and slides cannot carry"
    assert found[0] == f"org.yaml:{line}:{column}: {path}: {message} (remove it)"


@pytest.mark.parametrize("char", ["\\uFFFF", "\\uFDD0", "\\U0001FFFE", "\\U0010FFFF"])
def test_every_noncharacter_is_refused(char: str) -> None:
    found = problems(org_text(name=f'"A{char}B"'))
    code = char[2:].lstrip("0").upper()
    assert f"contains U+{code:0>4}, a Unicode noncharacter" in found[0]


def test_a_noncharacter_from_json_input_is_refused_too() -> None:
    document = {"version": 1, "departments": {"a": {"name": "A\ufffeB"}}}
    found = problems(json.dumps(document))
    assert found[0].startswith("org.yaml:1:46: departments.a.name: contains U+FFFE")


def test_control_characters_are_not_refused_here() -> None:
    # C0 controls are legal in YAML escapes; the diagrams draw them as U+FFFD
    org = load_text(org_text(name='"A\\x1bB"'), "org.yaml")
    assert org.departments["xdeptid"].name == "A\x1bB"


def test_a_text_at_the_limit_loads_and_one_more_character_is_refused() -> None:
    # MAX_TEXT characters load; MAX_TEXT + 1 are refused, at the value, saying the limit
    assert load_text(org_text(name="n" * MAX_TEXT), "org.yaml")
    found = problems(org_text(name="n" * (MAX_TEXT + 1)))
    assert found == [
        f"org.yaml:4:19: departments.xdeptid.name: {MAX_TEXT + 1:,} characters, "
        f"longer than the {MAX_TEXT} a label may have (shorten it; put long text in a document)"
    ]


def test_the_schema_knows_the_limit() -> None:
    validator = jsonschema.Draft202012Validator(org_schema())
    assert validator.is_valid(to_data(compose(org_text(name="n" * MAX_TEXT), "org.yaml")))
    for field in ("name", "dept_id", "tag", "chain_id"):
        long = to_data(compose(org_text(**{field: "n" * (MAX_TEXT + 1)}), "org.yaml"))
        assert not validator.is_valid(long), field


def test_a_long_id_is_refused_at_its_key() -> None:
    found = problems(org_text(dept_id="d" * (MAX_TEXT + 1)))
    assert found[0].startswith("org.yaml:4:3: departments.ddd")
    assert f"{MAX_TEXT + 1:,} characters, longer than the {MAX_TEXT}" in found[0]


def test_an_unwritable_file_name_does_not_become_an_unrenderable_org_name() -> None:
    # no 'organization:': the file name is the name; its noncharacters become U+FFFD
    text = "version: 1\ndepartments: {a: {}}\n"
    assert load_text(text, "team\ufffe.yaml").name == "team\ufffd"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def worst_case_org(path: Path) -> Path:
    """Every label at the limit, written with the character that escapes longest (``"``:
    ``&quot;``, six bytes), and the department over takt so the chain caption names it."""
    worst = "'" + '"' * MAX_TEXT + "'"
    text = org_text(
        organization=worst, name=worst, group=worst, segment=worst, deliverable=worst
    ).replace("name: Chain", f"name: {worst}")
    # takt = 40 h / 10 units = 4 h; an effort of 5 h (one person) is over it
    text = text.replace("effort: 2h", "effort: 5h")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["graphviz-pure", "dot"])
@pytest.mark.parametrize("view", ["org", "chain:xchainid"])
def test_what_check_passes_renders(tmp_path: Path, engine: str, view: str) -> None:
    if engine == "dot" and shutil.which("dot") is None:
        pytest.skip("Graphviz dot is not installed")
    org = worst_case_org(tmp_path / "org.yaml")
    code, output = run("check", str(org), "--fail-on", "error")
    assert code in (0, 1), output  # findings, but the file is read
    out = tmp_path / "out.svg"
    code, output = run("render", str(org), "-o", str(out), "--view", view, "--engine", engine)
    assert code == 0, output
    assert out.read_text(encoding="utf-8").startswith(("<?xml", "<svg"))


def test_a_noncharacter_fails_check_and_render_alike(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text(org_text(name='"A\\uFFFEB"'), encoding="utf-8")
    check_code, check_output = run("check", str(org))
    render_code, render_output = run("render", str(org), "-o", str(tmp_path / "o.svg"))
    assert (check_code, render_code) == (2, 2)
    assert f"{org}:4:19:" in check_output
    assert f"{org}:4:19:" in render_output
    assert not (tmp_path / "o.svg").exists()
