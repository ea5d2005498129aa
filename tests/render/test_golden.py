"""Golden DOT and Mermaid for every example and view (tests/golden/<example>/<view>.{dot,mmd}).

Regenerate with ``CLIENTCHAIN_UPDATE_GOLDEN=1`` (see golden_cases.py and docs/render.md).
"""

from __future__ import annotations

import os

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.render.dot import to_dot
from clientchain.render.mermaid import to_mermaid
from clientchain.render.views import DiagramOptions, build_diagram

from .golden_cases import GOLDEN, cases, load

UPDATE = os.environ.get("CLIENTCHAIN_UPDATE_GOLDEN") == "1"
CASES = cases()


def _check(path, text: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with CLIENTCHAIN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{path} differs from the output"


@pytest.mark.parametrize(("example", "view", "stem", "options"), CASES, ids=lambda v: str(v))
def test_dot_and_mermaid_match_the_golden_files(
    example: str, view: str, stem: str, options: DiagramOptions
) -> None:
    org, graph = load(example)
    diagram = build_diagram(org, graph, analyze_flow(org), options)
    _check(GOLDEN / example / f"{stem}.dot", to_dot(diagram))
    _check(GOLDEN / example / f"{stem}.mmd", to_mermaid(diagram))


def test_every_golden_file_belongs_to_a_case() -> None:
    """No stale golden file is left behind when a view disappears."""
    expected = {GOLDEN / e / f"{stem}.{ext}" for e, _, stem, _ in CASES for ext in ("dot", "mmd")}
    assert len(expected) == 2 * len(CASES), "two cases share a file name"
    # tests/golden/languages/ belongs to tests/test_languages.py
    found = {path for path in GOLDEN.glob("*/*.*") if path.parent.name != "languages"}
    assert found == expected


def test_output_is_deterministic() -> None:
    """Two runs give the same bytes (the golden files could not be stable otherwise)."""
    org, graph = load("software-company")
    first = to_dot(build_diagram(org, graph, analyze_flow(org), DiagramOptions()))
    org, graph = load("software-company")
    assert to_dot(build_diagram(org, graph, analyze_flow(org), DiagramOptions())) == first
