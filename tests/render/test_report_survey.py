"""``report --survey``: the internal-customer survey's section (issue 17, item 8), with the
anonymity threshold kept."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from clientchain.app.report import write_report
from clientchain.cli import app

from .conftest import EXAMPLES
from .test_report_story import _right_margin_blank

# the worked example of docs/concepts.md (tests/cli/test_cli_survey.py says what it holds):
# Redes rates Creatividad five times, Creatividad rates its own work for Redes three times,
# Medios rates Creatividad twice (below the threshold, a comment never to be shown)
WORKED = (Path(__file__).parents[1] / "cases" / "survey" / "worked.csv").read_text(encoding="utf-8")


def _answers(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text(WORKED, encoding="utf-8")
    return path


def test_the_survey_section_follows_quality_and_keeps_anonymity(agencia, tmp_path) -> None:
    out = tmp_path / "report.html"
    write_report(*agencia, out, survey=_answers(tmp_path))
    page = out.read_text(encoding="utf-8")
    assert page.index('id="quality"') < page.index('id="survey"') < page.index('id="sipoc"')
    section = page.split('<h2 id="survey">', 1)[1].split('<h2 id="sipoc">', 1)[0]
    rows = {
        cells[0]: cells[1:]
        for cells in (
            re.findall(r"<td[^>]*>(.*?)</td>", row)
            for row in re.findall(r"<tr>(.*?)</tr>", section)
        )
        if cells
    }
    # Redes rates Creatividad 5, 4, 4, 3, 5: mean 21 / 5 = 4.2, s = √0.7 = 0.84,
    # t(0.975, 4) 2.776 × 0.8367 / √5 = 1.04 → 3.16–5.24; 4s and 5s 4 / 5 = 80 %; NPS
    # 60 % − 20 % = +40; self-rating (5 + 5 + 4) / 3 = 4.67, gap 4.67 − 4.2 = +0.47
    creatividad = rows["Creatividad (creatividad) → Redes sociales (redes)"]
    assert creatividad == ["5", "4.2 (3.16–5.24)", "80%", "+40", "4.67", "+0.47"]
    # Medios' two answers: the count, never the mean nor its comment
    medios = rows["Creatividad (creatividad) → Planificación de medios (medios)"]
    assert medios[:2] == ["2", "2 answers: too few answers (fewer than 3)"]
    assert "Secreto de Medios" not in page
    assert "Llega tarde a veces" in section  # Redes' comment: 5 answers meet the threshold


def test_the_survey_section_fits_the_page(agencia, tmp_path) -> None:
    out = tmp_path / "report.html"
    write_report(*agencia, out, survey=EXAMPLES / "survey" / "encuesta.csv")
    assert _right_margin_blank(out)


def test_report_survey_in_markdown_and_bad_answers_exit_2(tmp_path) -> None:
    out = tmp_path / "report.md"
    args = ["report", str(EXAMPLES / "agencia.yaml"), "-o", str(out)]
    done = CliRunner().invoke(app, [*args, "--survey", str(_answers(tmp_path))])
    assert done.exit_code == 0, done.output
    text = out.read_text(encoding="utf-8")
    assert "## Internal\\-customer survey" in text
    pair = "| Creatividad \\(creatividad\\) → Redes sociales \\(redes\\) | 5 |"
    assert f"{pair} 4\\.2 \\(3\\.16–5\\.24\\)" in text
    bad = tmp_path / "bad.csv"
    bad.write_text("period,rater,supplier,overall\n2026-11,redes,creatividd,9\n", encoding="utf-8")
    other = tmp_path / "other.md"
    done = CliRunner().invoke(
        app, ["report", str(EXAMPLES / "agencia.yaml"), "-o", str(other), "--survey", str(bad)]
    )
    assert done.exit_code == 2
    assert f"{bad}:2:" in done.output
    assert not other.exists()
