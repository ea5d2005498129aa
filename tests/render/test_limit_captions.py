"""Diagram captions, speaker notes and the report summary say which factor they show.

Issue 12 item 2: "demand can grow ×1.28 before a department overloads" was false when the
busiest department's load is other work, which chain demand does not scale.
"""

from __future__ import annotations

from clientchain.analysis.flow import analyze_flow
from clientchain.app.report import build_report
from clientchain.graph import build_graph
from clientchain.loading import load_text
from clientchain.render.notes import overview_notes
from clientchain.render.tables import summary_table
from clientchain.render.views import DiagramOptions, build_diagram

BUSY = """\
version: 1
organization: Agencia
departments:
  admin: {name: Administración, other_load: 31.2h}
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
# H = 40 h. admin: no chain work, 31.2 / 40 = 78%; video 9 × 3 + 2.2 = 29.2 h → 73%.
# headroom 1 / 0.78 = × 1.28 (admin); demand limit (40 − 2.2) / 27 = × 1.4 (video)


def test_overview_caption_says_which_factor() -> None:
    org = load_text(BUSY)
    diagram = build_diagram(org, build_graph(org), analyze_flow(org), DiagramOptions())
    assert diagram.caption == (
        "busiest: Administración (78% utilized), no chain work; "
        "the chains' constraint: Vídeo (73%)",
        "headroom × 1.28: if all work grows, other work included, "
        "Administración reaches 100% first",
        "demand limit × 1.4: if only chain demand grows, Vídeo reaches 100% first",
    )


def test_speaker_notes_and_report_summary() -> None:
    org = load_text(BUSY)
    notes = overview_notes(org, analyze_flow(org)).splitlines()
    assert notes[:3] == [
        "Busiest: Administración at 78% utilization, no chain work; "
        "the chains' constraint: Vídeo at 73%.",
        "Headroom × 1.28: if all work grows, other work included, "
        "Administración reaches 100% first.",
        "Demand limit × 1.4: if only chain demand grows, Vídeo reaches 100% first.",
    ]
    rows = dict(
        summary_table(build_report(org, build_graph(org), DiagramOptions(), svg=False)).rows
    )
    assert (
        rows["Constraint"]
        == "Administración (78%), no chain work; the chains' constraint: Vídeo (73%)"
    )
    assert (
        rows["Headroom"]
        == "× 1.28 (if all work grows, other work included, Administración reaches 100% first)"
    )
    assert rows["Demand limit"] == "× 1.4 (if only chain demand grows, Vídeo reaches 100% first)"
