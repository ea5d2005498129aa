"""The charts: read back from the deck with python-pptx (native charts and a native table),
parsed from the report's SVG, in English and Spanish."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from clientchain.analysis.flow import analyze_flow
from clientchain.app.report import build_report
from clientchain.app.slides import write_slides
from clientchain.graph import build_graph
from clientchain.i18n import use
from clientchain.loading import load_file, load_text
from clientchain.render.charts import BarChart, MatrixChart, matrix_chart, tint, utilization_chart
from clientchain.render.charts_slides import MATRIX_LIMIT
from clientchain.render.charts_svg import PLOT_HEIGHT, bar_chart_svg
from clientchain.render.html import report_html
from clientchain.render.theme import THEMES
from clientchain.render.views import DiagramOptions

from .conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"
THEME = THEMES["slides"]
NBSP = "\u00a0"

# A week of 40 h; takt of "x" = 40 h ÷ 10 a week = 4 h. Steps a → b → a → b:
#   cycle times 3 h ÷ 1 = 3 h · 10 h ÷ 2 = 5 h (over takt) · 1 h ÷ 1 = 1 h · 2 h ÷ 2 = 1 h
#   loads: Alfa 10 × (3 + 1) = 40 h of 40 h = 100 % · Beta 10 × (10 + 2) = 120 h of 80 h = 150 %
TALLER = """\
version: 1
organization: Taller
departments:
  a: {name: Alfa, headcount: 1}
  b: {name: Beta, headcount: 2}
clients:
  z: {name: Zeta}
handoffs:
  - {from: a, to: b, quality: 85%, satisfaction: 4.5}
  - {from: b, to: a, satisfaction: 2.5}
  - {from: b, to: z, quality: 92%, satisfaction: 3.2}
chains:
  x:
    name: Equis
    client: z
    demand: 10
    steps:
      - {department: a, effort: 3h}
      - {department: b, effort: 10h}
      - {department: a, effort: 1h}
      - {department: b, effort: 2h}
"""


@pytest.fixture(scope="module")
def agencia_deck(tmp_path_factory, agencia):
    out = tmp_path_factory.mktemp("charts") / "agencia.pptx"
    write_slides(*agencia, out, DiagramOptions(theme=THEME))
    return Presentation(str(out))


@pytest.fixture(scope="module")
def taller():
    org = load_text(TALLER, "taller.yaml")
    return org, build_graph(org)


def _shape(presentation, name: str):
    return next(s for slide in presentation.slides for s in slide.shapes if s.name == name)


def _slide_of(presentation, name: str):
    return next(slide for slide in presentation.slides if any(s.name == name for s in slide.shapes))


def _fill(point) -> str:
    return f"#{point.format.fill.fore_color.rgb}".lower()


def test_utilization_chart_is_a_native_column_chart_with_two_lines(agencia_deck) -> None:
    chart = _shape(agencia_deck, "chart utilization").chart
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    bars, lines = chart.plots
    # busiest first (agencia.yaml's header): Creatividad 64 h ÷ 80 h, Administración 20 ÷ 30,
    # Dirección 24 ÷ 40, Contenido 47 ÷ 80, Audiovisual 44 ÷ 80, Medios 22 ÷ 40 (a tie with
    # Audiovisual at 55 %: file order), Cuentas 41 ÷ 80, Redes 32 ÷ 80
    assert list(bars.categories) == [
        "Creatividad",
        "Administración y facturación",
        "Dirección",
        "Contenido y comunicación",
        "Producción audiovisual",
        "Planificación de medios",
        "Cuentas y comercial",
        "Redes sociales",
    ]
    expected = [64 / 80, 20 / 30, 24 / 40, 47 / 80, 44 / 80, 22 / 40, 41 / 80, 32 / 80]
    assert [s.name for s in bars.series] == ["Utilization"]
    assert list(bars.series[0].values) == pytest.approx(expected)
    # the lines are line series over the same categories, one value per category
    assert lines.__class__.__name__ == "LinePlot"
    assert [s.name for s in lines.series] == ["Full capacity (100%)", "Near capacity (85%)"]
    assert list(lines.series[0].values) == [1.0] * 8
    assert list(lines.series[1].values) == [0.85] * 8  # checks.near_capacity: 85%
    # each bar on the diagrams' scale: Creatividad 80 % is 50 %–85 %, Redes 40 % below 50 %
    points = bars.series[0].points
    assert _fill(points[0]) == THEME.scale[1]
    assert _fill(points[7]) == THEME.scale[0]
    # it sits after the bottleneck table, on its own slide with its title
    slides = list(agencia_deck.slides)
    index = slides.index(_slide_of(agencia_deck, "chart utilization"))
    assert index == slides.index(_slide_of(agencia_deck, "bottleneck table")) + 1
    title = slides[index].shapes[0].text_frame.text
    assert title == "Utilization by department"


def test_takt_chart_of_a_chain_holds_cycle_times_and_takt(agencia_deck) -> None:
    chart = _shape(agencia_deck, "chart takt infografia").chart
    bars, takt = chart.plots
    assert list(bars.categories) == ["Contenido y comunicación", "Creatividad", "Redes sociales"]
    # effort ÷ headcount: 2 h ÷ 2, 4 h ÷ 2, 30 min ÷ 2
    assert list(bars.series[0].values) == pytest.approx([1.0, 2.0, 0.25])
    # takt = 40 h a week ÷ 10 infografías = 4 h
    assert [s.name for s in takt.series] == ["Takt (4 h)"]
    assert list(takt.series[0].values) == [4.0] * 3
    video = _shape(agencia_deck, "chart takt video").chart
    # 40 h ÷ 3 vídeos = 13.33 h
    assert list(video.plots[1].series[0].values) == pytest.approx([40 / 3] * 4)


def test_takt_chart_marks_over_takt_steps_and_names_each_visit(tmp_path, taller) -> None:
    out = tmp_path / "taller.pptx"
    write_slides(*taller, out, DiagramOptions(theme=THEME))
    chart = _shape(Presentation(str(out)), "chart takt x").chart
    bars = chart.plots[0]
    assert list(bars.categories) == [
        "Alfa (1 of 2)",
        "Beta (1 of 2)",
        "Alfa (2 of 2)",
        "Beta (2 of 2)",
    ]
    assert list(bars.series[0].values) == pytest.approx([3.0, 5.0, 1.0, 1.0])
    fills = [_fill(point) for point in bars.series[0].points]
    # Beta's first visit, 5 h, is over the 4 h takt
    assert fills == [
        THEME.department_line,
        THEME.constraint,
        THEME.department_line,
        THEME.department_line,
    ]
    utilization = _shape(Presentation(str(out)), "chart utilization").chart.plots[0]
    assert list(utilization.categories) == ["Beta", "Alfa"]
    assert list(utilization.series[0].values) == pytest.approx([1.5, 1.0])  # 120 ÷ 80, 40 ÷ 40


def _matrix(presentation) -> list[list[str]]:
    table = _shape(presentation, "table matrix").table
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_matrix_is_a_native_table_of_satisfaction_and_quality(agencia_deck) -> None:
    rows = _matrix(agencia_deck)
    header = rows[0]
    assert header[0] == "Supplier ↓ · client → (satisfaction 1–5 · %C&A)"
    assert header[-2:] == ["Marcas", "Pymes"]
    by_name = {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in rows[1:]}
    # contenido → creatividad: quality 96%, satisfaction 4.2
    assert by_name["Contenido y comunicación"]["Creatividad"] == "4.2 · 96%"
    # direccion → cuentas: satisfaction 3.5, no %C&A
    assert by_name["Dirección"]["Cuentas y comercial"] == "3.5 · –"
    assert by_name["Banco de imágenes"]["Creatividad"] == ""  # no handoff
    table = _shape(agencia_deck, "table matrix").table
    column = header.index("Creatividad")
    row = [r[0] for r in rows].index("Contenido y comunicación")
    # 4.2 ≥ 3 + 1 and 96 % ≥ 95 %: good
    good = tint(THEME.quality[0], THEME.background)
    assert f"#{table.cell(row, column).fill.fore_color.rgb}".lower() == good
    row, column = [r[0] for r in rows].index("Dirección"), header.index("Cuentas y comercial")
    # 3.5 is between min_satisfaction 3 and 4: fair
    fair = tint(THEME.quality[1], THEME.background)
    assert f"#{table.cell(row, column).fill.fore_color.rgb}".lower() == fair


def test_matrix_bands_take_the_worse_value(taller) -> None:
    org, graph = taller
    data = build_report(org, graph, DiagramOptions(theme=THEME), svg=False)
    assert data.charts == ()  # Markdown draws no charts
    data = build_report(org, graph, DiagramOptions(theme=THEME))
    matrix = next(c for c in data.charts if isinstance(c, MatrixChart))
    assert matrix.rows == ("Alfa", "Beta")
    assert matrix.columns == ("Alfa", "Beta", "Zeta")
    cells = {
        (row, column): cell
        for row, line in zip(matrix.rows, matrix.cells, strict=True)
        for column, cell in zip(matrix.columns, line, strict=True)
        if cell is not None
    }
    # a → b: satisfaction 4.5 is good but 85 % < 90 % is poor; b → a: 2.5 < 3 is poor;
    # b → z: 3.2 (3 to 4) and 92 % (90 % to 95 %) are both fair
    assert {key: (cell.text, cell.band) for key, cell in cells.items()} == {
        ("Alfa", "Beta"): ("4.5 · 85%", 2),
        ("Beta", "Alfa"): ("2.5 · –", 2),
        ("Beta", "Zeta"): ("3.2 · 92%", 1),
    }
    page = report_html(data)
    assert '<td class="num band-poor" style="background:' in page
    assert page.count("band-poor") == 2
    assert page.count("band-fair") == 1


def test_svg_bars_are_proportional_to_their_values(taller) -> None:
    org, graph = taller
    data = build_report(org, graph, DiagramOptions(theme=THEME))
    chart = next(c for c in data.charts if isinstance(c, BarChart) and c.key == "utilization")
    root = ET.fromstring(bar_chart_svg(chart, THEME))
    bars = [e for e in root.iter(f"{SVG}rect") if e.get("class") == "bar"]
    heights = [float(bar.get("height")) for bar in bars]
    # the scale's top is the highest value, Beta's 150 %, with 10 % room: 1.5 × 1.1
    per_unit = PLOT_HEIGHT / (1.5 * 1.1)
    assert heights == pytest.approx([1.5 * per_unit, 1.0 * per_unit], abs=0.01)
    assert heights[0] / heights[1] == pytest.approx(1.5 / 1.0, abs=1e-3)
    lines = [e for e in root.iter(f"{SVG}line") if e.get("class") == "ref"]
    assert [float(line.get("data-value")) for line in lines] == [1.0, 0.85]
    base = float(bars[1].get("y")) + heights[1]
    # the 100 % line is exactly at the top of Alfa's 100 % bar
    assert float(lines[0].get("y1")) == pytest.approx(base - heights[1], abs=0.01)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "150%" in texts
    assert "Full capacity (100%)" in texts


def test_report_has_a_charts_section_of_inline_svg(agencia) -> None:
    page = report_html(build_report(*agencia, DiagramOptions()))
    section = page[page.index('<h2 id="charts">') : page.index('<h2 id="findings">')]
    # utilization + 3 takt charts as SVG, the matrix as a table
    assert section.count("<svg") == 4
    assert section.count('<table class="matrix"') == 1
    for svg in section.split("<svg")[1:]:
        ET.fromstring("<svg" + svg[: svg.index("</svg>") + len("</svg>")])


def test_charts_in_spanish(tmp_path, agencia) -> None:
    out = tmp_path / "agencia.pptx"
    with use("es"):
        write_slides(*agencia, out, DiagramOptions(theme=THEME))
        page = report_html(build_report(*agencia, DiagramOptions()))
    deck = Presentation(str(out))
    chart = _shape(deck, "chart utilization").chart
    assert [s.name for p in chart.plots for s in p.series] == [
        "Utilización",
        f"Capacidad completa (100{NBSP}%)",
        f"Cerca de la capacidad (85{NBSP}%)",
    ]
    title = _slide_of(deck, "chart utilization").shapes[0].text_frame.text
    assert title == "Utilización por departamento"
    takt = _slide_of(deck, "chart takt infografia").shapes[0].text_frame.text
    assert takt == "Tiempo de ciclo frente al takt: Infografía"
    assert _shape(deck, "chart takt infografia").chart.plots[1].series[0].name == "Takt (4 h)"
    rows = _matrix(deck)
    assert rows[0][0] == "Proveedor ↓ · cliente → (satisfacción 1–5 · %C&P)"
    assert f"4,2 · 96{NBSP}%" in [cell for row in rows for cell in row]
    assert '<h2 id="charts">Gráficos</h2>' in page
    assert "Matriz de satisfacción de clientes internos" in page


def test_chart_fits_its_slide(agencia_deck) -> None:
    frame = _shape(agencia_deck, "chart utilization")
    assert Emu(frame.left + frame.width) <= agencia_deck.slide_width
    assert Emu(frame.top + frame.height) <= agencia_deck.slide_height


def test_deck_matrix_of_a_large_org_keeps_the_rated_handoffs_with_a_note() -> None:
    org = load_file(EXAMPLES / "software-company.yaml")
    graph = build_graph(org)
    full = matrix_chart(org, graph, THEME)
    shown = matrix_chart(org, graph, THEME, MATRIX_LIMIT)
    assert (len(full.rows), len(full.columns)) == (29, 22)  # the report's: every work handoff
    assert len(shown.rows) <= MATRIX_LIMIT[0]
    assert len(shown.columns) <= MATRIX_LIMIT[1]
    # every row and column of the slide holds at least one rated handoff
    assert all(any(cell is not None and cell.band < 3 for cell in line) for line in shown.cells)
    for index in range(len(shown.columns)):
        assert any(line[index] is not None for line in shown.cells)
    assert shown.note == (
        f"The rated handoffs: {len(shown.rows)} of 29 suppliers and {len(shown.columns)} of 22 "
        "clients; the report shows them all."
    )
    assert full.note == ""


def test_a_bar_that_cannot_be_drawn_says_its_value_in_its_name(tmp_path) -> None:
    org = load_text(
        """\
version: 1
organization: Borde
departments:
  a: {name: Alfa}
  b: {name: Beta, capacity: 0h}
clients:
  z: {name: Zeta}
chains:
  x:
    name: Equis
    client: z
    demand: 10
    steps:
      - {department: a, effort: unknown}
      - {department: b, effort: 1h}
""",
        "borde.yaml",
    )
    out = tmp_path / "borde.pptx"
    write_slides(org, build_graph(org), out)
    chart = _shape(Presentation(str(out)), "chart utilization").chart
    # Beta: 10 h of 0 h is unbounded; Alfa's load is unknown (its effort is): no bar, a name
    assert list(chart.plots[0].categories) == ["Beta (∞%)", "Alfa (unknown)"]
    assert list(chart.plots[0].series[0].values) == [None, None]
    with use("es"):
        chart = utilization_chart(org, analyze_flow(org), THEME)
    assert [bar.label for bar in chart.bars] == [f"Beta (∞{NBSP}%)", "Alfa (desconocido)"]
