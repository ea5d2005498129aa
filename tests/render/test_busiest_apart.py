"""The busiest department that carries no chain work is not called the constraint (issue 12 item 2).

The text commands (``map``, ``bottlenecks``) say "busiest: Administración, 78.1%, no chain
work; the chains' constraint: Vídeo, 73%"; the diagrams, the report's bottleneck table and
the deck's title slide must say the same, and the chains' constraint gets the highlight.
"""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from clientchain.analysis.flow import analyze_flow
from clientchain.app.report import build_report
from clientchain.app.slides import write_slides
from clientchain.graph import build_graph
from clientchain.loading import load_text
from clientchain.render.dot import to_dot
from clientchain.render.html import report_html
from clientchain.render.markdown import report_markdown
from clientchain.render.mermaid import to_mermaid
from clientchain.render.notes import chain_notes
from clientchain.render.tables import bottleneck_table, chain_table
from clientchain.render.theme import THEMES
from clientchain.render.views import DiagramOptions, build_diagram

ORG = """\
version: 1
organization: Agencia
departments:
  admin: {name: Administración, other_load: 31.25h}
  edicion: {name: Edición}
  video: {name: Vídeo, other_load: 2.2h}
clients:
  marcas: {name: Marcas}
chains:
  clip:
    client: marcas
    demand: 9
    steps:
      - {department: edicion, effort: 1h}
      - {department: video, effort: 3h}
"""
# A week of 5 days × 8 h: every department has 40 h.
# admin: other work only, 31.25 / 40 = 78.125% → "78.1%", the busiest, no chain work;
# video: 9 × 3 h + 2.2 h = 29.2 h, 29.2 / 40 = 73%, the chains' constraint;
# edicion: 9 × 1 h = 9 h, 9 / 40 = 22.5%.


def _org():
    org = load_text(ORG)
    return org, build_graph(org)


def _diagram(view: str = "org"):
    org, graph = _org()
    return build_diagram(org, graph, analyze_flow(org), DiagramOptions(view=view))


def _node(diagram, node_id: str):
    return next(n for n in diagram.nodes if n.id == node_id)


def test_org_diagram_names_the_busiest_apart_and_highlights_the_chains_constraint() -> None:
    diagram = _diagram()
    theme = diagram.theme
    admin, video, edicion = (_node(diagram, i) for i in ("admin", "video", "edicion"))
    assert admin.lines == (
        "Administración",
        "operative · 78.1% utilized",
        "busiest, no chain work",
    )
    assert admin.line != theme.constraint
    assert not admin.emphasis
    assert video.lines == ("Vídeo", "operative · 73% utilized", "chains' constraint")
    assert video.line == theme.constraint
    assert video.emphasis
    assert edicion.lines == ("Edición", "operative · 22.5% utilized")
    assert edicion.line != theme.constraint


def test_dot_and_mermaid_say_the_same() -> None:
    diagram = _diagram()
    constraint = diagram.theme.constraint
    dot = {line.split()[0]: line for line in to_dot(diagram).splitlines() if " [shape=" in line}
    assert "busiest, no chain work" in dot["n_admin"]
    assert "constraint" not in dot["n_admin"]
    assert f'color="{constraint}"' not in dot["n_admin"]
    assert "chains' constraint" in dot["n_video"]
    assert f'color="{constraint}", penwidth=3' in dot["n_video"]
    mermaid = to_mermaid(diagram).splitlines()
    admin = "<b>Administración</b><br>operative · 78.1#37; utilized<br>busiest, no chain work"
    assert f'  n_admin("{admin}")' in mermaid
    assert (
        '  n_video("<b>Vídeo</b><br>operative · 73#37; utilized<br>chains\' constraint")' in mermaid
    )
    # 73%: (73 − 50) / (85 − 50) = 0.657 of the way from #bbf7d0 to #fde68a:
    # 187 + 66 × 0.657 = 230.4 → e6, 247 − 17 × 0.657 = 235.8 → ec, 208 − 70 × 0.657 = 162 → a2
    assert (
        f"  style n_video fill:#e6eca2,stroke:{constraint},stroke-width:3px,color:#1f2937"
        in mermaid
    )
    assert not any(line.startswith("  style n_admin") and constraint in line for line in mermaid)


def test_chain_view_keeps_the_chains_own_constraint() -> None:
    # the chain's constraint is its busiest step: video 73% > edicion 22.5%
    diagram = _diagram("chain:clip")
    theme = diagram.theme
    video, edicion = _node(diagram, "video"), _node(diagram, "edicion")
    assert video.lines[-1] == "constraint"
    assert video.line == theme.constraint
    assert "constraint" not in " ".join(edicion.lines)
    assert all(n.id != "admin" for n in diagram.nodes)


def test_report_bottleneck_table_uses_the_words_of_bottlenecks() -> None:
    org, graph = _org()
    table = bottleneck_table(build_report(org, graph, DiagramOptions(), svg=False))
    assert table.rows == (
        ("Administración", "31.25 h", "40 h", "78.1%", "the busiest, no chain work"),
        ("Vídeo", "29.2 h", "40 h", "73%", "the chains' constraint"),
        ("Edición", "9 h", "40 h", "22.5%", ""),
    )


def test_report_html_and_markdown_carry_those_words() -> None:
    org, graph = _org()
    data = build_report(org, graph, DiagramOptions(), svg=False)
    markdown = report_markdown(data)
    admin = "| Administración | 31\\.25 h | 40 h | 78\\.1% | the busiest, no chain work |"
    assert admin in markdown  # Markdown escapes the decimal points
    assert "| Vídeo | 29\\.2 h | 40 h | 73% | the chains' constraint |" in markdown
    html = report_html(data)
    assert "<td>the busiest, no chain work</td>" in html
    assert "<td>the chains&#x27; constraint</td>" in html
    assert "<td>constraint</td>" not in html


def test_title_slide_says_the_two_part_sentence_of_map(tmp_path: Path) -> None:
    org, graph = _org()
    out = tmp_path / "deck.pptx"
    write_slides(org, graph, out, DiagramOptions(theme=THEMES["slides"]))
    title = Presentation(str(out)).slides[0]
    text = " ".join(s.text_frame.text for s in title.shapes if s.has_text_frame)
    assert (
        "busiest: Administración, 78.1%, no chain work; the chains' constraint: Vídeo, 73%" in text
    )
    assert "constraint: Administración" not in text


# Issue 12 item 4: a rolled quality over unrated handoffs is not a measured 100%.
RATED = (
    ORG
    + """\
handoffs:
  - {from: edicion, to: video, quality: 90%}
  - {from: video, to: marcas}
"""
)


def test_chain_caption_says_how_many_handoffs_are_unrated() -> None:
    # chain clip walks edicion → video → marcas: 2 handoffs, no quality given for either;
    # the product over the rated ones is the empty product, 100%
    assert _diagram("chain:clip").caption[2] == (
        "rolled quality 100% (unknown: 2 of 2 handoffs) · over takt: none"
    )


def test_chain_caption_with_some_handoffs_rated() -> None:
    org = load_text(RATED)
    diagram = build_diagram(
        org, build_graph(org), analyze_flow(org), DiagramOptions(view="chain:clip")
    )
    # edicion → video 90%, video → marcas unrated: 90% over 1 rated handoff, 1 of 2 unknown
    assert diagram.caption[2] == "rolled quality 90% (unknown: 1 of 2 handoffs) · over takt: none"


def test_chain_caption_with_every_handoff_rated_has_no_unknown(agencia) -> None:
    org, graph = agencia
    diagram = build_diagram(org, graph, analyze_flow(org), DiagramOptions(view="chain:infografia"))
    # 0.98 × 0.96 × 0.95 × 0.97 = 0.86695 → 86.7% (tests/render/test_report.py), all rated
    assert diagram.caption[2].startswith("rolled quality 86.7% · over takt")


def test_chain_speaker_notes_say_it_too() -> None:
    org = load_text(RATED)
    notes = chain_notes(org, analyze_flow(org).chains["clip"]).splitlines()
    # 90% over edicion → video; video → marcas unrated
    assert notes[2].startswith("Rolled quality 90% (unknown: 1 of 2 handoffs); constraint Vídeo")


def test_report_chain_table_says_it_too() -> None:
    org, graph = _org()
    table = chain_table(build_report(org, graph, DiagramOptions(), svg=False))
    column = table.headers.index("Rolled quality")
    # clip: edicion → video → marcas, neither handoff rated: 100% is the empty product
    assert table.rows[0][column] == "100% (unknown: 2 of 2 handoffs)"


def test_slide_bottleneck_table_bolds_the_chains_constraint(tmp_path: Path) -> None:
    org, graph = _org()
    out = tmp_path / "deck.pptx"
    write_slides(org, graph, out, DiagramOptions(theme=THEMES["slides"]))
    shapes = (s for slide in Presentation(str(out)).slides for s in slide.shapes)
    table = next(s for s in shapes if s.name == "bottleneck table").table
    bold = {
        table.cell(r, 0).text: table.cell(r, 0).text_frame.paragraphs[0].runs[0].font.bold
        for r in range(1, len(table.rows))
    }
    # by utilization: Administración 78.1% (no chain work), Vídeo 73%, Edición 22.5%
    assert bold == {"Administración": False, "Vídeo": True, "Edición": False}
