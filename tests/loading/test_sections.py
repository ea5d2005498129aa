"""SectionLoader reads what load_text reads, reading unchanged entries once."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientchain.errors import InputError
from clientchain.loading import load_text
from clientchain.loading.sections import SectionLoader

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/cases/**/*.yaml")], key=str)

ORG = """\
version: 1
organization: Agencia
# a comment at the top level
departments:
  cuentas: {name: Cuentas}
  # a comment between entries
  creatividad:
    name: Creatividad
    headcount: 2
clients:
  marcas: {name: Marcas}
handoffs:
  - {from: cuentas, to: creatividad, deliverable: Brief}
  -   from: creatividad
      to: marcas
chains:
  campana:
    client: marcas
    demand: 8
    steps:
      - {department: cuentas, effort: 2h}
      - {department: creatividad, effort: 10h}
"""


def _read(read, data: bytes, source: str):  # type: ignore[no-untyped-def]
    try:
        return read(data, source)
    except InputError as exc:
        return [str(issue) for issue in exc.issues]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_same_organization_or_the_same_errors(path: Path) -> None:
    data = path.read_bytes()
    assert _read(SectionLoader().load, data, str(path)) == _read(load_text, data, str(path))


def test_only_changed_entries_are_read_again() -> None:
    loader = SectionLoader()
    first = loader.load(ORG.encode(), "a.yaml")
    assert first == load_text(ORG, "a.yaml")  # the same nodes, lines and columns
    read = loader.pieces
    second = ORG.replace("headcount: 2", "headcount: 3").replace("demand: 8", "demand: 9")
    org = loader.load(second.encode(), "b.yaml")
    assert org == load_text(second, "b.yaml")
    assert org.departments["creatividad"].headcount == 3
    assert loader.pieces == read + 2  # the creatividad entry and the campana chain


def test_errors_are_the_ordinary_ones() -> None:
    loader = SectionLoader()
    loader.load(ORG.encode(), "a.yaml")
    duplicate = ORG.replace("  creatividad:\n", "  cuentas:\n")  # a duplicate across entries
    aliased = ORG.replace("{name: Marcas}", "&m {name: Marcas}\n  otras: *m")
    for text in (duplicate, aliased, ORG.replace("demand: 8", "demand: lots")):
        assert _read(loader.load, text.encode(), "b.yaml") == _read(load_text, text, "b.yaml")
