"""Diagrams, report and deck in Spanish: every word of ours through the catalog, numbers in
Spanish (``80 %`` with a no-break space, ``13,33 h``), enumerated values as terms, rates as
``10/semana``; machine text (DOT and Mermaid syntax, HTML classes, anchors, shape names)
unchanged. English is checked byte for byte by the golden files (test_golden.py).

The words still in English here come from other modules (the headroom and demand-limit
clauses of clientchain.output.limits, the rule messages) or from the org file itself (the
client segments ``loyal`` and ``discount`` of agencia.yaml): the tests do not assert on them.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from pptx import Presentation

from clientchain.analysis.flow import analyze_flow
from clientchain.app.report import build_report, write_report
from clientchain.app.slides import write_slides
from clientchain.errors import UsageError
from clientchain.i18n import use
from clientchain.render.dot import to_dot
from clientchain.render.engine import RenderError, choose_engine
from clientchain.render.fit import Measure
from clientchain.render.markdown import report_markdown
from clientchain.render.mermaid import to_mermaid
from clientchain.render.notes import chain_notes, overview_notes
from clientchain.render.pptx_shapes import fitted, sizes_from
from clientchain.render.report import report_format
from clientchain.render.views import DiagramOptions, build_diagram
from clientchain.render.written import Written, written_text

from .conftest import EXAMPLES
from .golden_cases import load
from .test_slides_tables import _org

NBSP = "\u00a0"


DEPARTMENTS = (  # agencia's, in file order: a SIPOC each
    "Dirección",
    "Cuentas y comercial",
    "Contenido y comunicación",
    "Creatividad",
    "Producción audiovisual",
    "Planificación de medios",
    "Redes sociales",
    "Administración y facturación",
)


def _diagram(name: str, view: str = "org", **options):
    org, graph = load(name)
    with use("es"):
        return build_diagram(org, graph, analyze_flow(org), DiagramOptions(view=view, **options))


def _lines(diagram) -> list[str]:
    return [line for node in diagram.nodes for line in node.lines] + [
        line for edge in diagram.edges for line in edge.lines
    ]


# -- diagrams ---------------------------------------------------------------------------------


def test_org_view_of_agencia_in_spanish_dot() -> None:
    with use("es"):
        text = to_dot(_diagram("agencia"))
    # Creatividad: 64 h of 80 h → 80 %, the constraint (busiest, and it carries chain work)
    assert (
        "<B>Creatividad</B><BR/>"
        f'<FONT POINT-SIZE="9">operativo · 80{NBSP}% de utilización</FONT><BR/>'
        '<FONT POINT-SIZE="9">restricción</FONT>'
    ) in text
    # Contenido: 47 h of 80 h → 58,75 % → 58,8 %; Administración: 20 h of 30 h → 66,7 %
    assert f"operativo · 58,8{NBSP}% de utilización" in text
    assert f"operativo · 66,7{NBSP}% de utilización" in text
    assert f"dirección · 60{NBSP}% de utilización" in text  # kind: executive
    # the per-period rate on an arrow: Piezas gráficas, 10 a week
    assert 'Piezas gráficas<BR/><FONT POINT-SIZE="9">10/semana</FONT>' in text
    assert "cliente externo · loyal" in text  # the segment is the file's own word
    assert "proveedor externo" in text
    # the caption: constraint and both factors (their clauses are clientchain.output's)
    assert f"restricción: Creatividad (80{NBSP}% de utilización)" in text
    assert "margen × 1,25: " in text
    assert "límite de demanda × 1,25: " in text
    # machine text stays: DOT syntax, node keys, attributes
    assert text.startswith("digraph clientchain {\n  graph [newrank=true, rankdir=LR")
    assert "n_creatividad [shape=box" in text
    for english in ("utilized", "/week", "external", "constraint<", "information", "feedback"):
        assert english not in text


def test_org_view_of_agencia_in_spanish_mermaid() -> None:
    with use("es"):
        text = to_mermaid(_diagram("agencia"))
    # % is Mermaid's #37;, the no-break space before it stays
    assert (
        f'n_creatividad("<b>Creatividad</b><br>operativo · 80{NBSP}#37; de utilización'
        '<br>restricción")'
    ) in text
    # the information and feedback handoffs are named by their Spanish type
    assert '-.->|"Horas y entregas<br>facturables<br>1/semana<br>información"|' in text
    assert "<br>5/semana<br>retroalimentación" in text
    assert 'n_stock>"<b>Banco de imágenes</b><br>proveedor externo"]' in text
    assert text.startswith('flowchart LR\n  subgraph c_1["Dirección"]')


def test_chain_view_of_agencia_in_spanish() -> None:
    diagram = _diagram("agencia", "chain:video")
    # demand 3 a week: takt 40 h / 3 = 13,33 h; process 1 + 3 + 12 + 1 = 17 h;
    # value added 17 / 51,67 = 32,9 %
    assert diagram.caption == (
        "demanda 3 por semana · takt 13,33 h",
        f"tiempo de proceso 17 h · tiempo de entrega 51,67 h · valor añadido 32,9{NBSP}%",
        f"calidad encadenada 82,3{NBSP}% · por encima del takt: ninguno",
    )
    lines = _lines(diagram)
    # Contenido: effort 3 h with two people → cycle 1,5 h
    assert "ciclo 1,5 h" in lines
    # two scripts wait before audiovisual: 2 × takt 13,33 h = 26,67 h
    assert "espera 26,67 h (inventario 2)" in lines
    assert "3/semana" in lines
    with use("es"):
        text = to_dot(diagram)
    assert '<FONT POINT-SIZE="9">espera 8 h</FONT>' in text


def test_chain_view_with_two_visits_finished_inventory_and_a_final_client() -> None:
    diagram = _diagram("hospital-revisit", "chain:lab")
    assert diagram.caption[0] == "demanda 48 por día · takt 30 min"  # 24 h ÷ 48
    # no handoff of the chain has a quality: 100 % over none of six
    assert diagram.caption[2] == (
        f"calidad encadenada 100{NBSP}% (desconocida: 6 de 6 entregas) · "
        "por encima del takt: ninguno"
    )
    lines = _lines(diagram)
    assert "visita 1 de 2" in lines
    assert "visita 2 de 2" in lines
    assert "espera 6 h (inventario 12)" in lines
    assert "espera 2 h (inventario terminado 4)" in lines
    assert "48/día" in lines
    assert "cliente final externo" in lines


def test_over_takt_steps_in_spanish() -> None:
    lines = _lines(_diagram("discovered", "chain:variant-1"))
    assert "ciclo 18,58 h · POR ENCIMA DEL TAKT" in lines


def test_department_view_caption_counts_the_handoffs_in_spanish() -> None:
    assert _diagram("agencia", "department:redes").caption == (
        "1 entrega aguas arriba y aguas abajo",
    )
    assert _diagram("agencia", "department:redes", depth=2).caption == (
        "2 entregas aguas arriba y aguas abajo",
    )


def test_kind_clusters_and_quality_labels_in_spanish() -> None:
    diagram = _diagram("agencia", group_by="kind", highlight="quality")
    assert diagram.clusters == ("dirección", "comercial", "operativo")
    # Piezas gráficas, Creatividad → Redes sociales: %C&A 0.97 in the file
    assert any(f"%C&P 97{NBSP}%" in edge.lines for edge in diagram.edges)


def test_usage_errors_in_spanish() -> None:
    org, graph = load("agencia")
    flow = analyze_flow(org)
    with use("es"), pytest.raises(UsageError) as raised:
        build_diagram(org, graph, flow, DiagramOptions(view="chain:vide"))
    assert str(raised.value) == "cadena desconocida 'vide' (¿quiso decir 'video'?)"
    with use("es"), pytest.raises(UsageError) as raised:
        build_diagram(org, graph, flow, DiagramOptions(view="todo"))
    assert str(raised.value).startswith("vista desconocida 'todo': usar org, groups, chain:ID")
    with use("es"), pytest.raises(UsageError) as raised:
        report_format("informe.pdf")
    assert str(raised.value) == "un informe es .html o .md, no 'informe.pdf'"
    with use("es"), pytest.raises(RenderError) as render_error:
        choose_engine("pdf", "graphviz-pure")
    assert str(render_error.value).startswith("el motor graphviz-pure no puede escribir pdf (usar")


def test_written_line_in_spanish() -> None:
    written = Written("x.pptx", "pptx", "graphviz-pure", {"slides": 6, "nodes": 1}, ("grande",))
    with use("es"):
        assert written_text(written) == (
            "escrito x.pptx (pptx, 6 diapositivas, 1 nodo, motor graphviz-pure)\naviso: grande"
        )


# -- report -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spanish_html(tmp_path_factory, agencia) -> str:
    out = tmp_path_factory.mktemp("informe") / "agencia.html"
    with use("es"):
        write_report(*agencia, out)
    return out.read_text(encoding="utf-8")


def test_html_report_in_spanish_has_lang_es_and_spanish_headings(spanish_html) -> None:
    page = spanish_html
    assert page.startswith('<!DOCTYPE html>\n<html lang="es">\n')
    assert "<title>Agencia Ejemplo — cadena de clientes internos</title>" in page
    assert '<p class="meta">Cadena de clientes internos · por semana · clientchain ' in page
    for anchor, heading in (
        ("summary", "Resumen"),
        ("diagram", "Vista general"),
        ("quality", "Calidad y satisfacción"),
        ("sipoc", "SIPOC"),
        ("lead-time", "Tiempo de entrega"),
        ("who", "Quién sirve a quién"),
        ("clients", "Clientes"),
        ("chains", "Cadenas"),
        ("bottlenecks", "Cuellos de botella"),
        ("findings", "Hallazgos"),
    ):
        assert f'<h2 id="{anchor}">{heading}</h2>' in page  # the anchors stay English
    # constraint Creatividad: 64 h / 80 h = 80 %; the period: 5 days × 8 h = 40 h
    assert f"<tr><th>Restricción</th><td>Creatividad (80{NBSP}%)</td></tr>" in page
    assert "<tr><th>Periodo</th><td>semana (40 h)</td></tr>" in page
    assert "<tr><th>Departamentos</th><td>8</td></tr>" in page
    assert "<th>Departamento</th><th>Tipo</th><th>Grupo</th><th>Proveedores</th>" in page
    # Infografía: 10 a week, takt 40 / 10 = 4 h, process 6,5 h, lead 30,5 h, 6,5 / 30,5 = 21,3 %
    assert (
        '<tr><td>Infografía</td><td class="num">10/semana</td><td class="num">4 h</td>'
        '<td class="num">6,5 h</td><td class="num">30,5 h</td>'
        f'<td class="num">21,3{NBSP}%</td>'
    ) in page
    # the severity reads in Spanish; its style class stays the English value
    assert '<td class="severity-info">información</td>' in page


def test_html_report_in_english_keeps_lang_en(agencia, tmp_path) -> None:
    out = tmp_path / "agencia.html"
    write_report(*agencia, out)
    page = out.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n')
    assert '<h2 id="summary">Summary</h2>' in page


def test_markdown_report_in_spanish(agencia, tmp_path) -> None:
    out = tmp_path / "agencia.md"
    with use("es"):
        write_report(*agencia, out)
    text = out.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Agencia Ejemplo",
        "## Resumen ejecutivo",
        "## Resumen",
        "## Vista general",
        "## Cadenas",
        "### Infografía",
        "### Vídeo para redes",
        "### Campaña para pymes",
        "## Quién sirve a quién",
        "## Clientes",
        "## Calidad y satisfacción",
        "## SIPOC",
        *(f"### {name}" for name in DEPARTMENTS),
        "## Tiempo de entrega",
        "## Cuellos de botella",
        "## Hallazgos",
    ]
    assert "\nCadena de clientes internos, por semana · clientchain " in text
    assert "| Periodo | semana \\(40 h\\) |" in text
    assert "| Cliente | Rol | Segmento |" in text
    # Vídeo para redes: 3 a week, takt 40 / 3 = 13,33 h
    assert f"| Vídeo para redes | 3/semana | 13,33 h | 17 h | 51,67 h | 32,9{NBSP}% |" in text
    assert "| Administración y facturación | operativo | Dirección | ninguno |" in text


def test_markdown_report_without_findings_says_none_in_spanish(agencia) -> None:
    with use("es"):
        data = build_report(*agencia, DiagramOptions(), svg=False)
        empty = type(data.overview)(data.org, data.overview.handoffs, data.overview.departments, ())
        text = report_markdown(type(data)(empty, data.flow, data.figure, data.chain_figures))
    assert "## Hallazgos\n\nninguno\n" in text


# -- slides -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spanish_deck(tmp_path_factory):
    """The deck made by the real command line with ``--lang es``."""
    out = tmp_path_factory.mktemp("deck") / "x.pptx"
    command = [sys.executable, "-m", "clientchain", "slides", str(EXAMPLES / "agencia.yaml")]
    done = subprocess.run(
        [*command, "--lang", "es", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr + done.stdout, Presentation(str(out))


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_deck_texts_read_back_in_spanish(spanish_deck) -> None:
    said, deck = spanish_deck
    assert "escrito " in said
    # title, summary, overview, 3 chains, bottlenecks + 5 charts (utilization, 3 takt, matrix)
    assert "(pptx, 12 diapositivas, 12 nodos, motor graphviz-pure)" in said
    slides = list(deck.slides)
    assert _texts(slides[0])[1].startswith("Cadena de clientes internos · por semana · ")
    overview = _texts(slides[2])
    assert overview[1].startswith(f"restricción: Creatividad (80{NBSP}% de utilización) · margen")
    assert f"Creatividad\noperativo · 80{NBSP}% de utilización\nrestricción" in overview
    assert "Marcas\ncliente externo · loyal" in overview
    video = _texts(slides[4])
    assert video[0] == "Agencia Ejemplo — Vídeo para redes"
    assert video[1].startswith("demanda 3 por semana · takt 13,33 h · tiempo de proceso 17 h")
    assert "inventario 2" in video  # the chain's value-stream map
    assert "26,67 h" in video
    assert "tiempo de entrega 51,67 h" in video
    assert "6,46 días laborables" in video
    bottlenecks = slides[6]
    assert _texts(bottlenecks)[0] == "Cuellos de botella"
    (table,) = [shape.table for shape in bottlenecks.shapes if shape.has_table]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Departamento", "Carga", "Capacidad", "Utilización"]
    assert rows[1] == ["Creatividad", "64 h", "80 h", f"80{NBSP}%"]
    # shape names are machine keys, the same in every language
    assert any(shape.name == "node n_creatividad" for shape in slides[2].shapes)


def test_speaker_notes_in_spanish(spanish_deck) -> None:
    _, deck = spanish_deck
    slides = list(deck.slides)
    overview = slides[2].notes_slide.notes_text_frame.text.splitlines()
    assert overview[0] == f"Restricción: Creatividad al 80{NBSP}% de utilización."
    # Contenido: 37 h of chain work + 10 h other = 47 h of 80 h
    assert f"Contenido y comunicación: 47 h de 80 h por semana (58,8{NBSP}%)" in overview
    campaign = slides[5].notes_slide.notes_text_frame.text.splitlines()
    # Campaña para pymes: 4 a week, takt 40 / 4 = 10 h
    assert campaign[0] == "Campaña para pymes: demanda 4 por semana, takt 10 h."
    assert campaign[1].startswith("Tiempo de proceso 14 h, tiempo de entrega 52 h, valor añadido")
    assert "Cuentas y comercial: esfuerzo 2 h, ciclo 1 h, sin espera indicada" in campaign
    assert "Inventario terminado: espera 10 h (inventario terminado 1)" in campaign
    # then what each handoff carries, which the value-stream map on the slide leaves out
    assert campaign[-1] == "Redes sociales → Pymes: Campaña publicada"


def test_notes_library_in_spanish(agencia) -> None:
    org, _graph = agencia
    flow = analyze_flow(org)
    with use("es"):
        notes = chain_notes(org, flow.chains["infografia"]).splitlines()
        overview = overview_notes(org, flow).splitlines()
    assert notes[2] == (
        f"Calidad encadenada 86,7{NBSP}%; restricción Creatividad; por encima del takt: ninguno."
    )
    assert overview[1].startswith("Margen × 1,25: ")
    assert overview[2].startswith("Límite de demanda × 1,25: ")


def test_bottleneck_slide_titles_in_spanish(tmp_path) -> None:
    out = tmp_path / "grande.pptx"
    with use("es"):
        write_slides(*_org(400), out)
    slides = list(Presentation(str(out)).slides)
    tables = [s for s in slides if any(shape.name == "bottleneck table" for shape in s.shapes)]
    titles = [_texts(slide)[0] for slide in tables]
    assert titles == [
        "Cuellos de botella (1 de 4)",
        "Cuellos de botella (continuación, 2 de 4)",
        "Cuellos de botella (continuación, 3 de 4)",
        "Cuellos de botella (continuación, 4 de 4)",
    ]
    # the 61st busiest: 339 × 39,9 / 399 = 33,9 h of 40 h → 84,7 % (see test_slides_tables)
    assert _texts(tables[-1])[-1] == (
        f"Los 60 departamentos más cargados de 400; los otros 340 están al 84,7{NBSP}% de "
        "utilización o menos. clientchain bottlenecks y el informe listan todos los "
        "departamentos."
    )


def test_a_long_caption_takes_a_smaller_size_to_stay_in_its_box() -> None:
    # The caption box: 900 pt less 14.4 pt of insets, 32.4 pt high (two lines of 12 pt,
    # three of 9). With the fallback measure a character is 0.6 em × 1.06: 7.63 pt at 12 pt,
    # 116 characters a line, 23 words of "xxxx " → 40 words take 2 lines (28.8 pt), 50 take 3
    # (43.2 pt > 32.4); at 11 pt 126 characters, 25 words: 50 words take 2 lines (26.4 pt).
    measure, sizes = Measure(None), sizes_from(12, 9)
    words = lambda n: " ".join(["xxxx"] * n)  # noqa: E731
    assert measure.fit(words(40), 885.6, 32.4, sizes) == 12.0
    assert measure.fit(words(50), 885.6, 32.4, sizes) == 11.0
    assert measure.fit(words(60), 885.6, 32.4, sizes) == 9.0  # never below 9 pt
    # far too long at 9 pt: cut with an ellipsis to the three lines that fit
    text, size = fitted(words(400), 885.6, 32.4, sizes)
    assert size == 9.0
    assert text.endswith("…")
    assert len(text) < len(words(400))
