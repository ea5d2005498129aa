"""Chain views take their waits per step: a revisit, finished inventory, the chain's own demand.

Hospital (tests/cases/valid/hospital-revisit.yaml): a day of 24 h; chain ``lab`` walks
Emergencias 112 → Triaje → Médicos → Laboratorio → Médicos → Altas → Pacientes at
48 patients a day, chain ``leve`` walks triage → doctors → discharge at 72 a day.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from pptx import Presentation

from clientchain.analysis.flow import analyze_flow
from clientchain.app.report import write_report
from clientchain.app.slides import write_slides
from clientchain.graph import VOLUME, build_graph
from clientchain.loading import load_file, load_text
from clientchain.render.dot import to_dot
from clientchain.render.mermaid import to_mermaid
from clientchain.render.notes import chain_notes
from clientchain.render.views import DiagramOptions, build_diagram

HOSPITAL = Path(__file__).resolve().parents[1] / "cases" / "valid" / "hospital-revisit.yaml"
WAIT = re.compile(r"^(?:before this step: )?wait ([0-9.]+) (h|min)\b")


@pytest.fixture(scope="module")
def hospital():
    org = load_file(HOSPITAL)
    return org, build_graph(org)


def _chain(org_graph, chain_id: str, **options):
    org, graph = org_graph
    return build_diagram(org, graph, analyze_flow(org), DiagramOptions(view=f"chain:{chain_id}"))


def _waits(lines) -> list[float]:
    """The waits written on ``lines``, in hours (``45 min`` is 0.75 h)."""
    per = {"h": 1.0, "min": 1 / 60}
    return [float(m.group(1)) * per[m.group(2)] for line in lines if (m := WAIT.match(line))]


def test_a_revisit_is_drawn_as_two_steps(hospital) -> None:
    diagram = _chain(hospital, "lab")
    assert [n.id for n in diagram.nodes] == [
        "ambulancias",
        "triage",
        "doctors",
        "lab",
        "doctors",
        "discharge",
        "pacientes",
    ]
    keys = [n.key for n in diagram.nodes]
    assert len(set(keys)) == 7
    assert keys[2] == "n_doctors"  # the first visit keeps the department's key
    assert keys[4] == "v2_n_doctors"
    assert [(e.source_key, e.target_key) for e in diagram.edges] == list(pairwise(keys))
    first, second = diagram.nodes[2], diagram.nodes[4]
    # doctors: 60 h of 4 × 24 = 96 h = 62.5% utilized (written as every command writes it);
    # cycle 30 min / 4 people = 7.5 min; 15 min / 4 = 3.75 min (shown 3.75 min)
    assert first.lines[1:] == ("operative · 62.5% utilized", "visit 1 of 2", "cycle 7.5 min")
    assert second.lines[1:] == ("operative · 62.5% utilized", "visit 2 of 2", "cycle 3.75 min")


def test_each_arrow_reads_the_wait_of_the_step_it_enters(hospital) -> None:
    edges = _chain(hospital, "lab").edges
    # triage → doctors (first visit): 12 waiting ÷ 48 a day = 0.25 day × 24 h = 6 h
    assert edges[1].lines == ("Paciente\nclasificado", "48/day", "wait 6 h (inventory 12)")
    # lab → doctors (second visit): its own wait of 45 min (0.75 h, under an hour so written
    # in minutes as every command writes it), not the first visit's 6 h
    assert edges[3].lines == ("Resultados", "48/day", "wait 45 min")
    assert (edges[3].source, edges[3].target) == ("lab", "doctors")


def test_finished_inventory_is_the_last_arrows_wait(hospital) -> None:
    last = _chain(hospital, "lab").edges[-1]
    assert (last.source, last.target) == ("discharge", "pacientes")
    # 4 finished ÷ 48 a day = 1/12 day × 24 h = 2 h
    assert last.lines[-1] == "wait 2 h (finished inventory 4)"


def test_arrow_waits_add_up_to_lead_time_minus_process_time(hospital) -> None:
    diagram = _chain(hospital, "lab")
    # process 15 + 30 + 45 + 15 + 15 min = 120 min = 2 h
    # waits 15 min = 0.25 h (triage) + 6 h (doctors) + 1 h (lab) + 45 min = 0.75 h (doctors)
    #       + 30 min = 0.5 h (discharge) + 2 h (finished) = 10.5 h; lead time 2 + 10.5 = 12.5 h
    waits = _waits(line for edge in diagram.edges for line in edge.lines)
    assert waits == [0.25, 6.0, 1.0, 0.75, 0.5, 2.0]
    assert sum(waits) == 10.5 == 12.5 - 2
    # value added 2 ÷ 12.5 = 16%
    assert diagram.caption[1] == "process time 2 h · lead time 12.5 h · value added 16%"


def test_chain_view_shows_the_chains_demand_not_the_edges_volume(hospital) -> None:
    org, graph = hospital
    # triage → doctors carries both chains: 48 + 72 = 120 a day; the lab chain brings 48
    assert graph.edges["triage", "doctors"][VOLUME] == 120
    lab = _chain(hospital, "lab")
    assert all(edge.lines[1] == "48/day" for edge in lab.edges)
    leve = _chain(hospital, "leve")
    assert all(edge.lines[1] == "72/day" for edge in leve.edges)
    whole = build_diagram(org, graph, analyze_flow(org), DiagramOptions())
    org_edge = next(e for e in whole.edges if (e.source, e.target) == ("triage", "doctors"))
    assert org_edge.lines[1] == "120/day"


def test_no_wait_says_wait_twice(hospital, agencia) -> None:
    agencia_video = _chain(agencia, "video")
    # cuentas → contenido: contenido's wait of 1 day = 8 h, written once
    assert agencia_video.edges[0].lines[-1] == "wait 8 h"
    for diagram in (agencia_video, _chain(hospital, "lab"), _chain(hospital, "leve")):
        text = to_dot(diagram) + to_mermaid(diagram)
        assert "(wait)" not in text
    org, _ = hospital
    notes = chain_notes(org, analyze_flow(org).chains["lab"])
    assert "(wait)" not in notes
    # second doctors visit: effort 15 min, cycle 15 ÷ 4 people = 3.75 min, wait 45 min
    assert "Médicos: effort 15 min, cycle 3.75 min, wait 45 min" in notes.splitlines()
    assert "Finished inventory: wait 2 h (finished inventory 4)" in notes.splitlines()


NO_SUPPLIER = """\
version: 1
organization: Taller
departments:
  a: {name: Alfa}
  b: {name: Beta}
clients:
  z: {name: Zeta}
chains:
  x:
    name: Equis
    client: z
    demand: 5
    steps:
      - {department: a, effort: 1h, wait: 3h}
      - {department: b, effort: 2h}
      - {department: b, effort: 1h, wait: 30m}
"""


def test_a_first_wait_without_supplier_and_a_repeated_step_are_shown() -> None:
    org = load_text(NO_SUPPLIER, "taller.yaml")
    diagram = _chain((org, build_graph(org)), "x")
    assert [n.id for n in diagram.nodes] == ["a", "b", "b", "z"]
    # no arrow enters a: its wait of 3 h is written on its box
    assert "before this step: wait 3 h" in diagram.nodes[0].lines
    # b then b again: two boxes joined by an arrow carrying the second step's 30 min
    assert [e.lines for e in diagram.edges] == [("5/week",), ("5/week", "wait 30 min"), ("5/week",)]
    # process 1 + 2 + 1 = 4 h; waits 3 + 0.5 = 3.5 h; lead time 7.5 h
    node_waits = _waits(line for node in diagram.nodes for line in node.lines)
    edge_waits = _waits(line for edge in diagram.edges for line in edge.lines)
    assert sum(node_waits + edge_waits) == 3.5 == 7.5 - 4
    # value added 4 ÷ 7.5 = 53.3%
    assert diagram.caption[1] == "process time 4 h · lead time 7.5 h · value added 53.3%"


def test_dot_and_mermaid_draw_both_visits(hospital) -> None:
    diagram = _chain(hospital, "lab")
    dot, mermaid = to_dot(diagram), to_mermaid(diagram)
    assert "n_lab -> v2_n_doctors [" in dot
    assert "n_doctors -> n_lab [" in dot
    assert dot.count("<B>Médicos</B>") == 2
    assert re.search(r"^  n_lab -->\|.*wait 45 min.*\| v2_n_doctors$", mermaid, re.M)


def test_slides_draw_the_revisit_and_its_waits(hospital, tmp_path) -> None:
    out = tmp_path / "hospital.pptx"
    write_slides(*hospital, out)
    slide = Presentation(str(out)).slides[3]  # title, summary, overview, then chain "lab" as a VSM
    boxes = [s.name for s in slide.shapes if s.name.startswith("vsm process ")]
    keys = "n_triage n_doctors n_lab v2_n_doctors n_discharge"
    assert boxes == [f"vsm process {key}" for key in keys.split()]
    names = [s.name for s in slide.shapes]
    assert "vsm supplier n_ambulancias" in names
    assert "vsm client n_pacientes" in names
    assert names.count("vsm inventory") == 6  # five waits and the finished inventory
    texts = [s.text_frame.text for s in slide.shapes if s.name == "vsm text"]
    assert "visit 2 of 2" in texts
    assert "inventory 12" in texts
    assert "finished 4" in texts
    assert "lead time 12.5 h" in texts


def test_markdown_report_draws_the_revisit(hospital, tmp_path) -> None:
    out = tmp_path / "hospital.md"
    write_report(*hospital, out)
    text = out.read_text(encoding="utf-8")
    assert 'n_lab -->|"Resultados<br>48/day<br>wait 45 min"| v2_n_doctors' in text
