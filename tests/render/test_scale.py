"""Large views (docs/render.md "Large organizations"): what a diagram gives up to stay drawable.

Generated orgs (``benchmarks/generate.py``, seed 42): 150 departments lay out in
ranks with every label; 200 are drawn in ranks without edge labels; 350 and more
become a force-directed map. Nothing here is timed: the tests check which drawing
is chosen and that it keeps every node and edge.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from cli.cli_support import run_script
from clientchain.analysis.flow import analyze_flow
from clientchain.graph import build_graph
from clientchain.loading.dump import dump_org
from clientchain.model import Organization
from clientchain.render.dot import FORCE_LAYOUT, to_dot
from clientchain.render.engine import run_engine
from clientchain.render.mermaid import to_mermaid
from clientchain.render.scale import LAYERED_BUDGET, choose_fit, fit_diagram, layered_size
from clientchain.render.scene import Diagram, DiagramEdge, DiagramNode, node_key
from clientchain.render.theme import THEMES
from clientchain.render.views import SLIDE_LIMIT, DiagramOptions, build_diagram

from .conftest import needs_tool

INK = "#000000"


def org_diagram(org: Organization, view: str = "org") -> Diagram:
    graph = build_graph(org)
    return build_diagram(org, graph, analyze_flow(org), DiagramOptions(view=view))


def _nodes(keys: str) -> list[DiagramNode]:
    return [DiagramNode(k, k, "department", (k, "operative"), "#ffffff", INK) for k in keys]


def _edge(source: str, target: str, *, dashed: bool = False, label: bool = False) -> DiagramEdge:
    lines = ("Brief",) if label else ()
    return DiagramEdge(source, target, source, target, lines, INK, dashed)


# -- the estimate ------------------------------------------------------------------------------


def test_a_long_edge_adds_one_virtual_node_per_rank_it_crosses() -> None:
    nodes = _nodes("abcdef")
    path = [_edge(s, t) for s, t in ("ab", "bc", "cd", "de", "ef")]
    assert layered_size(nodes, path, labels=False) == 6
    assert layered_size(nodes, [*path, _edge("a", "f")], labels=False) == 6 + 4
    # labels double the ranks: one label node per edge, 2 × 5 − 1 on a → f
    assert layered_size(nodes, [*path, _edge("a", "f")], labels=True) == 6 + 5 + 9


def test_dashed_edges_do_not_shape_ranks_but_cross_them() -> None:
    nodes = _nodes("abcd")
    path = [_edge(s, t) for s, t in ("ab", "bc", "cd")]
    feedback = _edge("d", "a", dashed=True)  # back over three ranks: two virtual nodes
    assert layered_size(nodes, [*path, feedback], labels=False) == 4 + 2


def test_a_cycle_is_ranked_as_a_path_and_a_source_sits_next_to_its_client() -> None:
    nodes = _nodes("sabc")
    loop = [_edge("a", "b"), _edge("b", "c"), _edge("c", "a")]  # rework: c → a turned round
    # a, b, c on ranks 0, 1, 2; c → a crosses rank 1; s sits on rank 1, next to c
    assert layered_size(nodes, [*loop, _edge("s", "c")], labels=False) == 4 + 1


def test_small_views_are_layered() -> None:
    diagram = Diagram("", (), "LR", tuple(_nodes("ab")), (_edge("a", "b"),), (), THEMES["light"])
    assert choose_fit(diagram) == "layered"


# -- the three drawings on a small org, with a small budget ------------------------------------


def test_the_budget_picks_the_richest_drawing(agencia) -> None:
    org, graph = agencia
    diagram = build_diagram(org, graph, analyze_flow(org), DiagramOptions())
    labelled = layered_size(diagram.nodes, diagram.edges, labels=True)
    bare = layered_size(diagram.nodes, diagram.edges, labels=False)
    assert bare < labelled < LAYERED_BUDGET
    assert choose_fit(diagram) == "layered"
    assert choose_fit(diagram, budget=labelled) == "layered"
    assert choose_fit(diagram, budget=labelled - 1) == "unlabelled"
    assert choose_fit(diagram, budget=bare) == "unlabelled"
    assert choose_fit(diagram, budget=bare - 1) == "force"


def test_a_force_diagram_keeps_every_node_and_edge_and_names_groups(agencia) -> None:
    org, graph = agencia
    diagram = build_diagram(org, graph, analyze_flow(org), DiagramOptions())
    forced, fit = fit_diagram(diagram, budget=1)
    assert fit == "force"
    assert forced.layout == "force"
    assert forced.clusters == ()
    assert [n.id for n in forced.nodes] == [n.id for n in diagram.nodes]
    assert [(e.source, e.target) for e in forced.edges] == [
        (e.source, e.target) for e in diagram.edges
    ]
    assert all(e.lines == () for e in forced.edges)
    creatividad = next(n for n in forced.nodes if n.id == "creatividad")
    assert creatividad.cluster is None
    assert creatividad.lines[0] == "Creatividad"
    assert creatividad.lines[1].startswith("Producción creativa · operative · ")
    assert [n.lines for n in forced.nodes if n.shape != "department"] == [
        n.lines for n in diagram.nodes if n.shape != "department"
    ]


def test_force_dot_lays_out_in_sfdp_with_every_node_and_edge(agencia) -> None:
    org, graph = agencia
    forced, _ = fit_diagram(org_diagram(org), budget=1)
    text = to_dot(forced)
    assert f"graph [{FORCE_LAYOUT}, newrank=true" in text
    assert "subgraph" not in text
    layout = json.loads(run_engine(text, "json"))
    names = {o["name"] for o in layout["objects"] if "nodes" not in o}
    assert names == {node_key(n) for n in graph.nodes}
    assert len(layout["edges"]) == graph.number_of_edges()
    assert not [o for o in layout["objects"] if "nodes" in o]  # no cluster


# -- generated orgs on either side of the budget -----------------------------------------------


def test_150_departments_keep_ranks_clusters_and_labels(generate_org) -> None:
    diagram = org_diagram(generate_org(150))
    assert diagram.layout == "layered"
    assert diagram.clusters
    assert any(e.lines for e in diagram.edges)
    assert diagram.warnings == (
        f"this view has {len(diagram.nodes)} nodes; a 16:9 slide reads well up to "
        f"{SLIDE_LIMIT}: try --view groups, --view group:NAME, --view chain:ID "
        "or --view department:ID --depth 1",
    )
    text = to_dot(diagram)
    assert "layout=sfdp" not in text
    assert "subgraph cluster_1 {" in text


def test_200_departments_keep_ranks_and_clusters_but_drop_edge_labels(generate_org) -> None:
    org = generate_org(200)
    diagram = org_diagram(org)
    assert diagram.layout == "layered"
    assert len(diagram.clusters) == len({d.group for d in org.departments.values()})
    assert all(e.lines == () for e in diagram.edges)
    (warning,) = diagram.warnings
    assert f"its {len(diagram.edges)} edges are drawn without labels" in warning
    assert "--view group:NAME" in warning
    edge_lines = [line for line in to_dot(diagram).splitlines() if " -> " in line]
    assert len(edge_lines) == len(diagram.edges)
    assert not [line for line in edge_lines if "label=" in line]


def test_350_departments_become_a_force_directed_map(generate_org) -> None:
    org = generate_org(350)
    graph = build_graph(org)
    diagram = org_diagram(org)
    assert diagram.layout == "force"
    assert len(diagram.nodes) == graph.number_of_nodes()
    assert len(diagram.edges) == graph.number_of_edges()
    (warning,) = diagram.warnings
    assert warning.startswith(f"this view has {len(diagram.nodes)} nodes and ")
    assert "force-directed map (sfdp" in warning
    assert warning.endswith("--view department:ID --depth 1")
    assert "\n" not in warning
    text = to_dot(diagram)
    assert "subgraph" not in text
    assert not [line for line in text.splitlines() if " -> " in line and "label=" in line]
    # each department names its group where the cluster box used to be
    first = next(iter(org.departments.values()))
    assert re.search(rf"{node_key(first.id)} \[.*{re.escape(str(first.group))} · ", text)
    assert "subgraph" not in to_mermaid(diagram)


def test_a_small_view_of_a_large_org_is_still_layered(generate_org) -> None:
    org = generate_org(350)
    chain = next(iter(org.chains))
    department = next(iter(org.departments))
    for view in (f"chain:{chain}", f"department:{department}", "group:Group 3"):
        diagram = org_diagram(org, view)
        assert diagram.layout == "layered", view
        assert any(e.lines for e in diagram.edges), view


def _write(org: Organization, path: Path) -> Path:
    path.write_text(dump_org(org), encoding="utf-8")
    return path


def test_render_of_a_large_org_writes_an_svg_and_warns_once(tmp_path: Path, generate_org) -> None:
    """The user's case: ``clientchain render big.yaml -o big.svg`` gives a picture."""
    org = generate_org(350)
    big = _write(org, tmp_path / "big.yaml")
    out = tmp_path / "big.svg"
    result = run_script("render", str(big), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"wrote {out} (svg, 360 nodes, ")
    assert [line for line in lines if line.startswith("warning:")] == lines[1:]
    assert len(lines) == 2
    assert "force-directed map" in lines[1]
    root = ET.fromstring(out.read_bytes())
    titles = {t.text for t in root.iter("{http://www.w3.org/2000/svg}title")}
    assert {node_key(d) for d in org.departments} <= titles


def test_both_engines_draw_the_force_map_of_a_large_org(tmp_path: Path, generate_org) -> None:
    needs_tool("dot")
    org = generate_org(350)
    graph = build_graph(org)
    text = to_dot(org_diagram(org))
    for engine in ("graphviz-pure", "dot"):
        layout = json.loads(run_engine(text, "json", engine))
        names = {o["name"] for o in layout["objects"] if "nodes" not in o}
        assert names == {node_key(n) for n in graph.nodes}, engine
        assert len(layout["edges"]) == graph.number_of_edges(), engine


def test_a_small_org_renders_without_warning(tmp_path: Path, generate_org) -> None:
    small = _write(generate_org(20), tmp_path / "small.yaml")
    result = run_script("render", str(small), "-o", str(tmp_path / "small.dot"))
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr
    assert "layout=sfdp" not in (tmp_path / "small.dot").read_text(encoding="utf-8")
