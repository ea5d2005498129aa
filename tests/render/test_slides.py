"""The deck reopens with python-pptx: slides, one shape per node, one glued connector per edge,
theme colours, speaker notes with the numbers; LibreOffice converts it where installed."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from clientchain.app.slides import write_slides
from clientchain.graph import build_graph
from clientchain.loading import load_file
from clientchain.render.scene import node_key
from clientchain.render.slides import SLIDE_HEIGHT_IN, SLIDE_WIDTH_IN
from clientchain.render.theme import THEMES
from clientchain.render.views import DiagramOptions

from .conftest import EXAMPLES, TRICKY, needs_tool


@pytest.fixture(scope="module")
def deck(tmp_path_factory, agencia):
    out = tmp_path_factory.mktemp("deck") / "agencia.pptx"
    written = write_slides(*agencia, out, DiagramOptions(theme=THEMES["slides"]))
    return written, Presentation(str(out)), out


def _named(slide, prefix: str):
    return [shape for shape in slide.shapes if shape.name.startswith(prefix)]


def test_deck_has_title_overview_chains_and_bottlenecks(deck) -> None:
    written, presentation, _ = deck
    # title + executive summary + overview + 3 chains + bottleneck table + 5 charts
    # (utilization, 3 takt, matrix)
    assert len(presentation.slides) == 12 == written.counts["slides"]
    assert Emu(presentation.slide_width).inches == pytest.approx(SLIDE_WIDTH_IN, abs=0.01)
    assert Emu(presentation.slide_height).inches == pytest.approx(SLIDE_HEIGHT_IN, abs=0.01)
    texts = [
        " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in presentation.slides
    ]
    assert "Agencia Ejemplo" in texts[0]
    assert "constraint: Creatividad" in texts[0]
    assert texts[1].startswith("Executive summary 1. ")
    assert "Infografía" in texts[3]
    assert "Vídeo para redes" in texts[4]
    assert "Bottlenecks" in texts[6]


def test_overview_has_one_shape_per_node_and_one_connector_per_edge(deck, agencia) -> None:
    _, presentation, _ = deck
    _org, graph = agencia
    overview = presentation.slides[2]
    nodes = _named(overview, "node ")
    edges = _named(overview, "edge ")
    assert sorted(s.name for s in nodes) == sorted(f"node {node_key(n)}" for n in graph.nodes)
    assert len(edges) == graph.number_of_edges() == 16
    assert all(shape.shape_type == 1 for shape in nodes)  # MSO_SHAPE_TYPE.AUTO_SHAPE
    ids = {shape.shape_id: shape.name for shape in nodes}
    for connector in edges:  # glued at both ends to the shapes of its edge
        _, tail, head = connector.name.split(" ")
        xml = connector._element.xml
        start = int(xml.split("<a:stCxn id=", 1)[1].split('"')[1])
        end = int(xml.split("<a:endCxn id=", 1)[1].split('"')[1])
        assert (ids[start], ids[end]) == (f"node {tail}", f"node {head}")
        assert 'tailEnd type="triangle"' in xml


def test_shapes_are_inside_the_slide_and_show_the_labels(deck) -> None:
    _, presentation, _ = deck
    width, height = presentation.slide_width, presentation.slide_height
    overview = presentation.slides[2]
    for shape in _named(overview, "node "):
        assert shape.left >= 0
        assert shape.left + shape.width <= width
        assert shape.top >= 0
        assert shape.top + shape.height <= height
    creatividad = next(s for s in overview.shapes if s.name == "node n_creatividad")
    assert creatividad.text_frame.text == "Creatividad\noperative · 80% utilized\nconstraint"
    assert str(creatividad.line.color.rgb) == THEMES["slides"].constraint.lstrip("#").upper()
    # 80%: 6/7 of the way from the 50% colour to the 85% one (tests/render/test_views.py)
    assert str(creatividad.fill.fore_color.rgb) == "F4E894"


def test_chain_slide_has_the_chain_path(deck) -> None:
    _, presentation, _ = deck
    slide = presentation.slides[3]  # Infografía: stock → contenido → creatividad → redes → marcas
    assert len(_named(slide, "vsm process ")) == 3  # its value-stream map: one box per step
    assert len(_named(slide, "vsm supplier ")) == 1
    assert len(_named(slide, "vsm client ")) == 1


def test_speaker_notes_carry_the_numbers(deck) -> None:
    _, presentation, _ = deck
    overview = presentation.slides[2].notes_slide.notes_text_frame.text
    # creatividad: 10 × 4 h + 4 × 6 h = 64 h of 2 × 40 h = 80 h
    assert "Constraint: Creatividad at 80% utilization." in overview
    # creatividad has no other_load: all work and chain demand alone both give 80 / 64 = 1.25
    assert (
        "Headroom × 1.25: if all work grows, other work included, Creatividad reaches 100% first."
        in overview
    )
    assert (
        "Demand limit × 1.25: if only chain demand grows, Creatividad reaches 100% first."
        in overview
    )
    assert "Creatividad: 64 h of 80 h per week (80%)" in overview
    chain = presentation.slides[3].notes_slide.notes_text_frame.text
    assert "Infografía: demand 10 per week, takt 4 h." in chain
    # value added 6.5 ÷ 30.5 = 21.3%
    assert "Process time 6.5 h, lead time 30.5 h, value added 21.3%." in chain


def test_bottleneck_table(deck) -> None:
    _, presentation, _ = deck
    table = next(s for s in presentation.slides[6].shapes if s.has_table).table
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Department", "Load", "Capacity", "Utilization"]
    assert rows[1] == ["Creatividad", "64 h", "80 h", "80%"]
    assert len(rows) == 1 + 8


def test_theme_colours_are_applied(tmp_path, agencia) -> None:
    out = tmp_path / "dark.pptx"
    write_slides(*agencia, out, DiagramOptions(theme=THEMES["dark"]))
    slide = Presentation(str(out)).slides[2]
    assert str(slide.background.fill.fore_color.rgb) == "111827"


def test_the_label_corpus_survives_in_shapes(tmp_path) -> None:
    org = load_file(TRICKY)
    out = tmp_path / "tricky.pptx"
    write_slides(org, build_graph(org), out)
    overview = Presentation(str(out)).slides[2]
    texts = {s.name: s.text_frame.text for s in _named(overview, "node ")}
    assert texts["node n_script"].startswith(
        "<script>alert(1)</script><img\nsrc=x\nonerror=alert(2)>"
    )
    assert texts["node n_amp"].startswith('R&D <customers> &\n"friends"')


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_makes_a_deck(tmp_path, example) -> None:
    org = load_file(example)
    out = tmp_path / "deck.pptx"
    written = write_slides(org, build_graph(org), out)
    # title + executive summary + overview + one per chain + the bottleneck table at 15
    # departments a slide (software-company's 25 departments take two), then the charts:
    # utilization, one takt chart per chain and the satisfaction matrix when a handoff is
    # rated (not in discovered)
    tables = -(-len(org.departments) // 15)
    rated = any(h.satisfaction is not None or h.quality is not None for h in org.handoffs)
    expected = 3 + len(org.chains) + tables + 1 + len(org.chains) + rated
    assert len(Presentation(str(out)).slides) == expected == written.counts["slides"]


def test_libreoffice_converts_the_deck_to_pdf(deck, tmp_path) -> None:
    """The deck opens in LibreOffice (installed by .ci/run; a skip fails under ``CI=true``)."""
    office = needs_tool("soffice", "libreoffice")
    _, _, path = deck
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                office,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path),
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
    pdf = tmp_path / "agencia.pdf"
    assert pdf.exists(), done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_a_wrapped_name_stays_in_the_title_style(deck) -> None:
    _, presentation, _ = deck
    medios = next(s for s in presentation.slides[2].shapes if s.name == "node n_medios")
    paragraphs = medios.text_frame.paragraphs
    # "Planificación de medios" wraps after 22 characters: both lines are the bold title
    assert [p.text for p in paragraphs[:2]] == ["Planificación de", "medios"]
    assert [p.runs[0].font.bold for p in paragraphs] == [True, True, False]
