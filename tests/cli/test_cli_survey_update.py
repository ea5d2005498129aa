"""``clientchain survey … --update`` (issue 17, item 6): each pair's overall mean and its
number of answers written into the org file's matching handoff, the rest of the file kept
byte for byte; pairs below the threshold left as they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli_support import Invoke
from .test_cli_survey import WORKED

AGENCIA = Path("examples/agencia.yaml")

# In WORKED only Creatividad → Redes reaches 3 clients' answers: (5 + 4 + 4 + 3 + 5) / 5 = 4.2
# on 5 answers (the self-ratings are not counted). Medios → Creatividad has 2 (below the
# threshold: left as it is) and Medios → Redes 1 (and no handoff).
BEFORE = """\
  - from: creatividad
    to: redes
    deliverable: Piezas gráficas
    lead_time: 4h
    quality: 95%
    satisfaction: 4
"""
AFTER = BEFORE.replace("    satisfaction: 4\n", "    satisfaction: 4.2\n    answers: 5\n")


@pytest.fixture
def org(tmp_path: Path) -> Path:
    path = tmp_path / "agencia.yaml"
    path.write_bytes(AGENCIA.read_bytes())
    return path


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.csv"
    path.write_text(WORKED, encoding="utf-8")
    return path


def test_update_writes_the_mean_and_count_and_keeps_the_rest(cli: Invoke, org, answers) -> None:
    original = org.read_text(encoding="utf-8")
    assert original.count(BEFORE) == 1
    done = cli("survey", str(answers), "--org", str(org), "--update")
    assert done.exit_code == 0, done.stderr
    # the whole file, comments and all, is the original with that one handoff changed
    assert org.read_text(encoding="utf-8") == original.replace(BEFORE, AFTER)
    line = original[: original.index(BEFORE)].count("\n") + 1  # the handoff's "- from:" line
    assert f"{org}:{line}: creatividad → redes: satisfaction 4 → 4.2 (5 answers)" in done.stderr
    assert f"updated {org}: 1 handoff" in done.stderr
    # the report itself is still on standard output
    assert "Creatividad (creatividad) → Redes sociales (redes):" in done.stdout


def test_check_then_says_on_how_many_answers_a_rating_rests(cli: Invoke, org, answers) -> None:
    # a minimum of 4.5, and Creatividad's other client (Medios, 3.9) raised to 4.8: its
    # weakest handoff is then the surveyed one, to Redes at 4.2 on 5 answers
    text = org.read_text(encoding="utf-8")
    assert text.count("    satisfaction: 3.9\n") == 1
    low = text.replace("  min_satisfaction: 3\n", "  min_satisfaction: 4.5\n", 1).replace(
        "    satisfaction: 3.9\n", "    satisfaction: 4.8\n"
    )
    org.write_text(low, encoding="utf-8")
    assert cli("survey", str(answers), "--org", str(org), "--update").exit_code == 0
    done = cli("check", str(org), "--format", "json")
    found = json.loads(done.stdout)["findings"]
    (creatividad,) = [f for f in found if "Department Creatividad" in f["message"]]
    assert (
        "its weakest handoff is to Redes sociales (redes), rated 4.2 (5 answers)"
        in (creatividad["message"])
    )


def test_a_second_update_changes_nothing(cli: Invoke, org, answers) -> None:
    assert cli("survey", str(answers), "--org", str(org), "--update").exit_code == 0
    once = org.read_bytes()
    done = cli("survey", str(answers), "--org", str(org), "--update")
    assert done.exit_code == 0
    assert org.read_bytes() == once
    assert f"{org}: nothing to update" in done.stderr


def test_a_higher_threshold_leaves_the_file_as_it_was(cli: Invoke, org, answers) -> None:
    original = org.read_bytes()
    done = cli("survey", str(answers), "--org", str(org), "--update", "--min-responses", "6")
    assert done.exit_code == 0
    assert org.read_bytes() == original  # 5 answers < 6: nothing written


def test_standard_input_cannot_be_updated(cli: Invoke, answers) -> None:
    done = cli(
        "survey", str(answers), "--org", "-", "--update", input=AGENCIA.read_text(encoding="utf-8")
    )
    assert done.exit_code == 2
    assert "standard input cannot be updated" in done.stderr
    assert "Traceback" not in done.stderr
