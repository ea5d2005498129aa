"""A client's ``role`` (intermediary, final) beside its ``segment`` in every output (issue 12.7).

Diagrams (every view) and slides write it in the client's box, the report lists every
client with its role and segment, and ``who --format json`` of a client names it.
"""

from __future__ import annotations

import json
from pathlib import Path

from pptx import Presentation
from typer.testing import CliRunner

from clientchain.analysis.flow import analyze_flow
from clientchain.app.report import write_report
from clientchain.app.slides import write_slides
from clientchain.cli import app
from clientchain.graph import build_graph
from clientchain.loading import load_text
from clientchain.render.views import DiagramOptions, build_diagram

SHOP = """\
version: 1
organization: Tienda
departments:
  ventas: {name: Ventas}
clients:
  distribuidores: {name: Distribuidores, role: intermediary, segment: discount}
  pacientes: {name: Pacientes, role: final}
  marcas: {name: Marcas, segment: loyal}
handoffs:
  - {from: ventas, to: distribuidores, deliverable: Pedidos}
  - {from: ventas, to: pacientes, deliverable: Citas}
  - {from: ventas, to: marcas, deliverable: Campañas}
chains:
  citas:
    name: Citas
    client: pacientes
    demand: 4
    steps:
      - {department: ventas, effort: 1h}
"""

BOXES = {
    "distribuidores": "external intermediary client · discount",
    "pacientes": "external final client",
    "marcas": "external client · loyal",  # no role given: none is guessed
}


def _org():
    org = load_text(SHOP, "tienda.yaml")
    return org, build_graph(org)


def test_every_view_writes_the_role_and_segment_in_the_clients_box() -> None:
    org, graph = _org()
    flow = analyze_flow(org)
    for view in ("org", "department:ventas", "chain:citas"):
        diagram = build_diagram(org, graph, flow, DiagramOptions(view=view))
        clients = [n for n in diagram.nodes if n.shape == "client"]
        assert clients, view
        for node in clients:
            assert node.lines[1] == BOXES[node.id], (view, node.id)


def test_the_report_lists_every_client_with_role_and_segment(tmp_path: Path) -> None:
    org, graph = _org()
    write_report(org, graph, tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    section = page.split('<h2 id="clients">Clients</h2>', 1)[1].split("</table>", 1)[0]
    assert "<th>Client</th><th>Role</th><th>Segment</th>" in section
    assert "<tr><td>Distribuidores</td><td>intermediary</td><td>discount</td></tr>" in section
    assert "<tr><td>Pacientes</td><td>final</td><td>–</td></tr>" in section
    assert "<tr><td>Marcas</td><td>–</td><td>loyal</td></tr>" in section
    write_report(org, graph, tmp_path / "r.md")
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    table = markdown.split("## Clients\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert table == [
        "| Client | Role | Segment |",
        "|---|---|---|",
        "| Distribuidores | intermediary | discount |",
        "| Pacientes | final | – |",
        "| Marcas | – | loyal |",
    ]


def test_slides_write_the_role_in_the_clients_shape(tmp_path: Path) -> None:
    org, graph = _org()
    out = tmp_path / "deck.pptx"
    write_slides(org, graph, out)
    overview = Presentation(str(out)).slides[2]
    texts = {s.name: s.text_frame.text for s in overview.shapes if s.name.startswith("node ")}
    assert texts["node n_distribuidores"] == "Distribuidores\n" + BOXES["distribuidores"]
    assert texts["node n_pacientes"] == "Pacientes\n" + BOXES["pacientes"]


def test_who_json_names_a_clients_role(tmp_path: Path) -> None:
    path = tmp_path / "tienda.yaml"
    path.write_text(SHOP, encoding="utf-8")
    runner = CliRunner()

    def who(node: str) -> dict[str, object]:
        result = runner.invoke(app, ["who", str(path), node, "--format", "json"])
        assert result.exit_code == 0, result.output
        return dict(json.loads(result.stdout))

    distribuidores = who("distribuidores")
    assert list(distribuidores)[:4] == ["id", "name", "role", "client_role"]
    assert (distribuidores["role"], distribuidores["client_role"]) == ("client", "intermediary")
    assert who("pacientes")["client_role"] == "final"
    assert who("marcas")["client_role"] is None
    assert who("ventas")["client_role"] is None  # a department has no client role
