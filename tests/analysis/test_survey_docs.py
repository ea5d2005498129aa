"""The worked survey example of docs/concepts.md: its numbers are the command's."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clientchain.cli import app

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "concepts.md").read_text(encoding="utf-8")
SECTION = DOC.split("## Internal-customer survey", 1)[1].split("\n## ", 1)[0]
CSV = re.search(r"```csv\n(.*?)```", SECTION, re.S).group(1)  # type: ignore[union-attr]
TABLE = {
    cells[0]: cells[2]
    for cells in (
        [c.strip() for c in line.strip("|").split("|")]
        for line in SECTION.splitlines()
        if line.startswith("| ")
    )
}


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("survey") / "answers.csv"
    path.write_text(CSV, encoding="utf-8")
    done = CliRunner().invoke(
        app, ["survey", str(path), "--org", str(ROOT / "examples/agencia.yaml"), "-f", "json"]
    )
    assert done.exit_code == 0, done.stderr
    return json.loads(done.stdout)


def _pair(document: dict, supplier: str, client: str) -> dict:
    (pair,) = [p for p in document["pairs"] if (p["supplier"], p["client"]) == (supplier, client)]
    return pair


def test_the_documented_numbers_are_the_commands(document: dict) -> None:
    pair = _pair(document, "creatividad", "redes")
    overall = pair["overall"]
    assert pair["responses"] == int(TABLE["n"])
    assert overall["mean"] == pytest.approx(float(TABLE["mean"]))
    assert round(overall["sd"], 3) == float(TABLE["sd"])
    assert round(overall["ci_low"], 3) == float(TABLE["95 % CI low"])
    assert round(overall["ci_high"], 3) == float(TABLE["95 % CI high"])
    assert overall["top_two"] == pytest.approx(float(TABLE["share of 4s and 5s"]))
    assert pair["nps"]["score"] == float(TABLE["internal NPS"])
    assert round(pair["self_rating"]["overall"]["mean"], 3) == float(TABLE["self-rating"])
    assert round(pair["gap"], 3) == float(TABLE["gap"])


def test_the_pair_below_the_threshold_shows_nothing_but_its_count(document: dict) -> None:
    assert TABLE["Medios → Creatividad"] == "too few answers"
    few = _pair(document, "creatividad", "medios")
    assert few["too_few_answers"] is True
    assert "overall" not in few
    assert "Secreto" not in json.dumps(document)
