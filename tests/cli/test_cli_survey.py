"""``clientchain survey``: what a user sees in every format, the anonymity threshold, bad
answers (exit 2, located) and undeclared relationships (a warning, exit 0)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .cli_support import ANSI, Invoke

AGENCIA = "examples/agencia.yaml"
ENCUESTA = "examples/survey/encuesta.csv"
XLSX = "examples/survey/survey.xlsx"

# The worked example of docs/concepts.md "Internal-customer survey": Redes rates Creatividad
# five times (overall 5, 4, 4, 3, 5; recommend 10, 9, 7, 6, 10), Creatividad rates its own work
# for Redes three times (5, 5, 4), Medios rates Creatividad twice (below the threshold, with a
# comment that must never be shown), and Medios rates Redes, with no handoff redes → medios.
WORKED = (Path(__file__).parents[1] / "cases" / "survey" / "worked.csv").read_text(encoding="utf-8")

# n = 5, mean 21 / 5 = 4.2; s² = (0.64 + 0.04 + 0.04 + 1.44 + 0.64) / 4 = 0.7, s = 0.84;
# t(0.975, 4) = 2.776, margin 2.776 × 0.8367 / √5 = 1.04 → 3.16–5.24; 4s and 5s 4 / 5 = 80 %;
# NPS 3 / 5 promoters − 1 / 5 detractors = 60 % − 20 % = +40; self (5 + 5 + 4) / 3 = 4.67,
# gap 4.667 − 4.2 = +0.47.
WORKED_TEXT = """\
{file}: 11 answers, 3 pairs; a pair is shown from 3 answers
period 2026-11:
  Creatividad (creatividad) → Planificación de medios (medios):
    clients: 2 answers: too few answers (fewer than 3)
  Creatividad (creatividad) → Redes sociales (redes):
    clients: 5 answers
      overall: mean 4.2, sd 0.84, 95% CI 3.16–5.24, 4s and 5s 80%, scores 1–5: 0/0/1/2/2
      internal NPS: +40 (5 answers: 60% promoters, 20% detractors)
    self-rating: 3 answers; overall 4.67
      gap (self minus clients): +0.47
    comments:
      “Llega tarde a veces”
      “Muy claro”
  Redes sociales (redes) → Planificación de medios (medios):
    clients: 1 answer: too few answers (fewer than 3)
undeclared relationships (rated, but no handoff in the org file):
  Redes sociales (redes) → Planificación de medios (medios)
"""

WARNING = (
    "warning: Redes sociales (redes) → Planificación de medios (medios) is rated but the "
    "org file declares no handoff between them (an undeclared relationship)\n"
)


@pytest.fixture
def worked(tmp_path: Path) -> Path:
    path = tmp_path / "answers.csv"
    path.write_text(WORKED, encoding="utf-8")
    return path


def test_text_worked_by_hand(cli: Invoke, worked: Path) -> None:
    done = cli("survey", str(worked), "--org", AGENCIA)
    assert done.exit_code == 0
    assert done.stdout == WORKED_TEXT.format(file=worked)
    assert done.stderr == WARNING


def test_json_fields_and_numbers(cli: Invoke, worked: Path) -> None:
    done = cli("survey", str(worked), "--org", AGENCIA, "--format", "json")
    assert done.exit_code == 0
    document = json.loads(done.stdout)
    assert document["min_responses"] == 3
    assert document["answers"] == 11
    assert document["dimensions"] == []
    assert document["overall_asked"] is True
    assert document["periods"] == ["2026-11"]
    assert document["undeclared_relationships"] == [{"supplier": "redes", "client": "medios"}]
    pair = document["pairs"][1]
    assert (pair["supplier"], pair["client"], pair["responses"]) == ("creatividad", "redes", 5)
    assert pair["too_few_answers"] is False
    overall = pair["overall"]
    assert overall["mean"] == pytest.approx(4.2)
    assert overall["sd"] == pytest.approx(0.7**0.5)
    assert (round(overall["ci_low"], 3), round(overall["ci_high"], 3)) == (3.161, 5.239)
    assert overall["top_two"] == pytest.approx(0.8)
    assert overall["counts"] == [0, 0, 1, 2, 2]
    assert pair["nps"] == {"n": 5, "promoters": 0.6, "detractors": 0.2, "score": 40.0}
    assert pair["comments"] == ["Llega tarde a veces", "Muy claro"]
    assert pair["self_rating"]["overall"]["mean"] == pytest.approx(14 / 3)
    assert pair["gap"] == pytest.approx(7 / 15)


def test_json_of_a_pair_below_the_threshold_holds_only_its_count(cli: Invoke, worked: Path) -> None:
    document = json.loads(cli("survey", str(worked), "--org", AGENCIA, "-f", "json").stdout)
    few = document["pairs"][0]
    assert few == {
        "period": "2026-11",
        "supplier": "creatividad",
        "client": "medios",
        "responses": 2,
        "too_few_answers": True,
        "self_rating": None,
        "gap": None,
    }


@pytest.mark.parametrize("output_format", ["text", "json", "markdown"])
def test_a_comment_below_the_threshold_is_never_shown(
    cli: Invoke, worked: Path, output_format: str
) -> None:
    done = cli("survey", str(worked), "--org", AGENCIA, "--format", output_format)
    assert done.exit_code == 0
    assert "Secreto" not in done.stdout + done.stderr
    assert "1.5" not in done.stdout  # the mean of (1 + 2) / 2 for that pair


def test_the_threshold_is_an_option(cli: Invoke, worked: Path) -> None:
    done = cli("survey", str(worked), "--org", AGENCIA, "--min-responses", "2")
    assert "      overall: mean 1.5, sd 0.71, 95% CI -4.85–7.85, 4s and 5s 0%" in done.stdout
    assert "“Secreto de Medios”" in done.stdout
    bad = cli("survey", str(worked), "--org", AGENCIA, "--min-responses", "0")
    assert bad.exit_code == 2
    assert "--min-responses must be at least 1, got 0" in bad.stderr


def test_rich_tables_on_a_terminal(
    cli: Invoke, worked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    done = cli("survey", str(worked), "--org", AGENCIA)
    assert done.exit_code == 0
    assert ANSI in done.stdout
    shown = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)
    assert "Period 2026-11" in shown
    assert "4.2 (3.16–5.24)" in shown
    assert "2 answers (too" in shown  # "(too few)", wrapped in its column
    assert "Secreto" not in shown
    plain = cli("survey", str(worked), "--org", AGENCIA, "--no-color")
    assert ANSI not in plain.stdout


def test_markdown(cli: Invoke, worked: Path) -> None:
    done = cli("survey", str(worked), "--org", AGENCIA, "-f", "markdown")
    lines = done.stdout.splitlines()
    assert lines[0] == "# Internal-customer survey"
    assert (
        "| Creatividad (creatividad) → Redes sociales (redes) | 5 | 4.2 (3.16–5.24) | 80% | +40 "
        "| 4.67 | +0.47 |" in lines
    )
    assert (
        "| Creatividad (creatividad) → Planificación de medios (medios) | 2 | 2 answers: too few "
        "answers (fewer than 3) | — | — | — | — |" in lines
    )
    assert "## Undeclared relationships" in lines


def test_the_example_csv_and_xlsx_say_the_same(cli: Invoke) -> None:
    from_csv = json.loads(cli("survey", ENCUESTA, "--org", AGENCIA, "-f", "json").stdout)
    from_xlsx = json.loads(cli("survey", XLSX, "--org", AGENCIA, "-f", "json").stdout)
    assert from_csv.pop("source") == ENCUESTA
    assert from_xlsx.pop("source") == XLSX
    assert from_csv == from_xlsx
    assert from_csv["periods"] == ["2026-10", "2026-11"]
    assert from_csv["undeclared_relationships"] == [{"supplier": "audiovisual", "client": "medios"}]
    shown = {(p["period"], p["supplier"], p["client"]): p for p in from_csv["pairs"]}
    assert shown["2026-11", "administracion", "direccion"]["too_few_answers"] is True
    assert shown["2026-11", "creatividad", "redes"]["self_rating"]["responses"] == 3


def test_one_period(cli: Invoke) -> None:
    done = cli("survey", ENCUESTA, "--org", AGENCIA, "--period", "2026-10", "-f", "json")
    document = json.loads(done.stdout)
    assert document["periods"] == ["2026-10"]
    # a month of examples/survey: 4 + 5 + 3 (self) + 3 + 4 + 3 + 2 + 3 answers
    assert document["answers"] == 27
    assert {p["period"] for p in document["pairs"]} == {"2026-10"}
    bad = cli("survey", ENCUESTA, "--org", AGENCIA, "--period", "octubre")
    assert bad.exit_code == 2
    assert "--period: expected a month like 2026-11, got 'octubre'" in bad.stderr
    absent = cli("survey", ENCUESTA, "--org", AGENCIA, "--period", "2025-01")
    assert absent.exit_code == 2
    assert "no answers in that period (the answers cover 2026-10, 2026-11)" in absent.stderr


def test_bad_answers_exit_2_with_their_place(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "period,rater,supplier,overall\n2026-11,redes,creatvidad,4\n2026-11,redes,redes,9\n",
        encoding="utf-8",
    )
    done = cli("survey", str(path), "--org", AGENCIA)
    assert done.exit_code == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"{path}:2:3: unknown department 'creatvidad' (did you mean 'creatividad'?)",
        f"{path}:3:2: redes rates itself as its own client (a self-rating names, in the client "
        "column, the department it serves)",
        f"{path}:3:4: column 'overall': expected a whole score from 1 to 5, got '9'",
    ]


def test_unreadable_inputs_exit_2(cli: Invoke, tmp_path: Path) -> None:
    missing = cli("survey", str(tmp_path / "none.csv"), "--org", AGENCIA)
    assert missing.exit_code == 2
    assert "none.csv: no such file" in missing.stderr
    no_org = cli("survey", ENCUESTA)
    assert no_org.exit_code == 2
    assert "--org" in no_org.stderr


def test_spanish_output(cli: Invoke, worked: Path) -> None:
    done = cli("survey", str(worked), "--org", AGENCIA, "--lang", "es")
    assert done.exit_code == 0
    assert "2 respuestas: demasiado pocas respuestas (menos de 3)" in done.stdout
    assert "general: media 4,2, de 0,84, IC 95 % 3,16–5,24" in done.stdout
    assert done.stderr.startswith("aviso: Redes sociales (redes) → Planificación de medios")


def test_one_answer_has_no_spread(cli: Invoke, worked: Path) -> None:
    done = cli("survey", str(worked), "--org", AGENCIA, "--min-responses", "1")
    # Medios rates Redes once: overall 4, recommend 8 (neither promoter nor detractor)
    assert (
        "      overall: mean 4, sd not defined (one answer), 4s and 5s 100%, scores 1–5: 0/0/0/1/0"
        in done.stdout
    )
    assert "      internal NPS: 0 (1 answer: 0% promoters, 0% detractors)" in done.stdout


def test_every_dimension_in_every_format(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ("survey", ENCUESTA, "--org", AGENCIA, "--period", "2026-11")
    text = cli(*args).stdout
    # Creatividad → Redes sociales, 2026-11: five answers from Redes (see examples/survey)
    assert "      capacidad" not in text  # the Spanish headers are read, the output is English
    assert "      responsiveness: mean 3.8, sd 0.45, 95% CI 3.24–4.36" in text
    markdown = cli(*args, "-f", "markdown").stdout
    assert (
        "| Supplier → client | Answers | Overall | On time | Complete and accurate | "
        "Responsiveness | Communication | Courtesy | 4s and 5s | Internal NPS | Self-rating | Gap |"
        in markdown
    )
    assert (
        "| Creatividad (creatividad) → Redes sociales (redes) | 5 | 3.6 (2.18–5.02) |" in markdown
    )
    monkeypatch.setenv("FORCE_COLOR", "1")
    shown = re.sub(r"\x1b\[[0-9;]*m", "", cli(*args).stdout)
    assert "Mean per dimension" in shown
    assert "Comments on Creatividad → Redes sociales" in shown
    assert "undeclared relationships" in shown
