"""Issue 17: requirements in the report and the matrix, the SIPOC in the report and on
slides (``slides --sipoc``)."""

from __future__ import annotations

import html
import re

import pytest
from pptx import Presentation
from typer.testing import CliRunner

from clientchain.app.report import write_report
from clientchain.app.slides import write_slides
from clientchain.cli import app
from clientchain.errors import UsageError
from clientchain.graph import build_graph
from clientchain.loading import load_text
from clientchain.render.charts import matrix_chart
from clientchain.render.theme import THEMES

from .conftest import EXAMPLES, needs_tool
from .test_deck_fit import _overflows

ORG = """\
version: 1
organization: Estudio
departments:
  texto: {name: Textos, headcount: 2}
  diseno: {name: Diseño, headcount: 1}
clients:
  marca: {name: Marca}
handoffs:
  - from: texto
    to: diseno
    deliverable: Borradores
    volume: 10
    lead_time: 3d
    quality: 90%
    satisfaction: 3.5
    answers: 12
    requires: {lead_time: 2d, quality: 95%}
    needs: Textos revisados
  - {from: diseno, to: marca, deliverable: Piezas, volume: 10, quality: 99%,
     requires: {quality: 98%}}
chains:
  pieza:
    name: Pieza
    client: marca
    demand: 10
    steps:
      - {department: texto, effort: 2h}
      - {department: diseno, effort: 3h}
"""
# texto → diseno: 3 d = 24 h > 2 d = 16 h and 90 % < 95 %: missed (two requirements);
# diseno → marca: 99 % ≥ 98 %: met.


@pytest.fixture(scope="module")
def estudio():
    org = load_text(ORG, "estudio.yaml")
    return org, build_graph(org)


def _rows(page: str, anchor: str) -> list[list[str]]:
    section = page.split(f'<h2 id="{anchor}">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)
    cells = (re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S) for row in rows)
    return [[html.unescape(c).strip() for c in line] for line in cells]


def test_the_quality_table_says_each_requirement_and_marks_the_missed(estudio, tmp_path) -> None:
    out = tmp_path / "estudio.html"
    write_report(*estudio, out)
    rows = _rows(out.read_text(encoding="utf-8"), "quality")
    assert rows[0][-1] == "Client's requirement"
    borradores, piezas = rows[1], rows[2]
    assert borradores[3:] == [
        "90%",
        "3.5 / 5 (12 answers)",
        "lead time ≤ 16 h, %C&A ≥ 95%; needs: Textos revisados (missed)",
    ]
    assert piezas[3:] == ["99%", "–", "%C&A ≥ 98%"]


def test_without_requirements_the_quality_table_keeps_its_five_columns(agencia, tmp_path) -> None:
    out = tmp_path / "agencia.html"
    write_report(*agencia, out)
    assert len(_rows(out.read_text(encoding="utf-8"), "quality")[0]) == 5


def test_the_matrix_marks_a_missed_requirement(estudio) -> None:
    matrix = matrix_chart(*estudio, THEMES["slides"])
    texts = [cell.text for line in matrix.cells for cell in line if cell is not None]
    assert texts == ["3.5 · 90% !", "– · 99%"]  # only texto → diseno misses one
    assert matrix.note.startswith("!: misses a requirement of its client (requires:).")


def test_the_report_has_a_sipoc_per_department(estudio, tmp_path) -> None:
    page_path, md = tmp_path / "estudio.html", tmp_path / "estudio.md"
    write_report(*estudio, page_path)
    write_report(*estudio, md)
    page = page_path.read_text(encoding="utf-8")
    # after quality and satisfaction, before the lead time
    assert page.index('id="quality"') < page.index('id="sipoc"') < page.index('id="lead-time"')
    assert re.findall(r'<h3 id="sipoc-\d+">(.*?)</h3>', page) == ["Textos", "Diseño"]
    diseno = page.split('<h3 id="sipoc-2">', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r"<td>(.*?)</td>", diseno, re.S)
    assert cells[0] == "Textos"
    assert cells[1] == (
        "Borradores ← Textos: volume 10 per week, %C&amp;A 90%, satisfaction 3.5 (12 answers)"
    )
    # diseño: step 2 of Pieza, 3 h each, 10 a week on 1 person: 30 h of 40 h = 75 %
    assert cells[2].split("<br>")[-1] == "utilization 75% (30 h of 40 h per week)"
    assert cells[4] == "Marca — requires: %C&amp;A ≥ 98%"
    text = md.read_text(encoding="utf-8")
    assert "## SIPOC" in text
    assert "| Suppliers | Inputs | Process | Outputs | Customers |" in text


def test_slides_sipoc_adds_one_slide_a_department_in_the_order_given(agencia, tmp_path) -> None:
    out = tmp_path / "sipoc.pptx"
    written = write_slides(
        *agencia, out, chains=["infografia"], sipocs=["creatividad", "contenido"]
    )
    slides = list(Presentation(str(out)).slides)
    # title + summary + overview + 1 chain + 2 SIPOC + table + 3 charts (utilization, takt,
    # matrix)
    assert len(slides) == 10 == written.counts["slides"]
    titles = [
        next(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides[4:6]
    ]
    assert titles == ["SIPOC: Creatividad", "SIPOC: Contenido y comunicación"]
    table = next(s for s in slides[4].shapes if s.name == "sipoc table").table
    assert [c.text for c in table.rows[0].cells] == [
        "Suppliers", "Inputs", "Process", "Outputs", "Customers",
    ]  # fmt: skip
    body = [c.text for c in table.rows[1].cells]
    assert body[0] == "Contenido y comunicación"
    # creatividad: 10 × 4 h (infografía) + 4 × 6 h (campaña) = 64 h of 2 × 40 h = 80 %
    assert body[2].endswith("utilization 80% (64 h of 80 h per week)")
    assert body[4] == "Redes sociales\n\nPlanificación de medios"


def test_sipoc_slides_fit_in_both_languages(agencia, tmp_path) -> None:
    needs_tool("fc-match")
    from clientchain.i18n import use

    for language in ("en", "es"):
        out = tmp_path / f"{language}.pptx"
        with use(language):
            write_slides(*agencia, out, chains=[], sipocs=list(agencia[0].departments))
        assert _overflows(Presentation(str(out))) == []


def test_an_unknown_sipoc_department_exits_2_and_writes_nothing(tmp_path) -> None:
    out = tmp_path / "deck.pptx"
    args = ["slides", str(EXAMPLES / "agencia.yaml"), "-o", str(out), "--sipoc", "creatividd"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "unknown department 'creatividd' (did you mean 'creatividad'?)" in result.output
    assert not out.exists()
    with pytest.raises(UsageError):
        write_slides(*build_graph_pair(), out, sipocs=["nadie"])


def build_graph_pair():
    org = load_text(ORG, "estudio.yaml")
    return org, build_graph(org)
