"""No two labels overlap: the engine's own layout (``-Tjson``) of every example and view, as
``render`` draws it (:func:`~clientchain.render.aspect.fit_drawing`), is read back, and no text
box (node, edge and floating labels, cluster titles, the title, caption and legend) may cover
another text or a node it does not belong to."""

from __future__ import annotations

import json

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.graph import build_graph
from clientchain.loading import load_file
from clientchain.render.aspect import SLIDE_ASPECT, fit_drawing
from clientchain.render.dot import to_dot
from clientchain.render.engine import run_engine
from clientchain.render.untangle import collisions, label_collisions, text_boxes
from clientchain.render.views import DiagramOptions, build_diagram

from .conftest import EXAMPLES, needs_tool


def _views(org) -> list[str]:
    groups = sorted({d.group for d in org.departments.values() if d.group})
    return [
        "org",
        "groups",
        *(f"chain:{chain}" for chain in org.chains),
        *(f"department:{department}" for department in org.departments),
        *(f"group:{group}" for group in groups),
    ]


CASES = [
    (path, view) for path in sorted(EXAMPLES.glob("*.yaml")) for view in _views(load_file(path))
]


def _diagram(org, view: str, **options):
    return build_diagram(org, build_graph(org), analyze_flow(org), DiagramOptions(view, **options))


def _drawn(diagram, engine=None) -> bytes:
    """The layout of ``diagram`` as ``render -o x.svg`` draws it."""
    drawn = fit_drawing(diagram, "svg", None, engine)
    return run_engine(to_dot(drawn), "json", engine)


def _described(document: bytes) -> list[str]:
    return [f"{c.text.owner} {c.text.text!r} over {c.other}" for c in collisions(document)]


def test_the_check_sees_text_boxes_and_the_known_overlap() -> None:
    # software-company: Finance → Billing and Billing → Finance, both labelled, in one
    # cluster: both engines put "Pricing and invoicing rules" on "Collections and churn report"
    diagram = _diagram(load_file(EXAMPLES / "software-company.yaml"), "org")
    document = run_engine(to_dot(diagram), "json")
    texts, nodes = text_boxes(document)
    assert "node n_finance" in nodes
    assert any(t.text == "Pricing and" for t in texts)
    assert any(t.owner == "graph" and t.text == "Northwind Cloud" for t in texts)
    assert any(t.owner == "cluster cluster_1" for t in texts)  # a group's title
    pricing, collections = (
        index
        for index, edge in enumerate(diagram.edges)
        if {edge.source, edge.target} == {"finance", "billing"}
    )
    assert {pricing, collections} <= label_collisions(document)


@pytest.mark.parametrize(("path", "view"), CASES, ids=[f"{p.stem}-{v}" for p, v in CASES])
def test_no_label_overlaps_another_or_a_node(path, view) -> None:
    diagram = _diagram(load_file(path), view)
    document = _drawn(diagram)
    assert _described(document) == []
    # nothing is lost: every label is drawn, or written under the title
    drawn = fit_drawing(diagram, "svg")
    edges = json.loads(document).get("edges", [])
    for index, edge in enumerate(drawn.edges):
        if edge.lines:
            assert "lp" in edges[index] or "xlp" in edges[index]
    moved = len(drawn.caption) - len(diagram.caption)
    assert moved == sum(bool(e.lines) for e in diagram.edges) - sum(
        bool(e.lines) for e in drawn.edges
    )


@pytest.mark.parametrize("view", ["org", "groups"])
@pytest.mark.parametrize("aspect", [None, SLIDE_ASPECT])
def test_no_label_overlaps_on_a_30_department_org(generate_org, view, aspect) -> None:
    diagram = _diagram(generate_org(30), view)
    drawn = fit_drawing(diagram, "svg", aspect)
    assert _described(run_engine(to_dot(drawn), "json")) == []


@pytest.mark.parametrize("name", ["agencia", "software-company"])
@pytest.mark.parametrize("view", ["org", "groups"])
def test_no_label_overlaps_with_graphviz_dot(name, view) -> None:
    needs_tool("dot")
    diagram = _diagram(load_file(EXAMPLES / f"{name}.yaml"), view)
    assert _described(_drawn(diagram, "dot")) == []


def test_a_label_that_fits_nowhere_is_written_under_the_title() -> None:
    diagram = _diagram(load_file(EXAMPLES / "software-company.yaml"), "org")
    untangled = fit_drawing(diagram, "svg")
    moved = untangled.caption[len(diagram.caption) :]
    assert "Finance → Billing: Pricing and invoicing rules · 2/month" in moved
    pricing = next(e for e in untangled.edges if (e.source, e.target) == ("finance", "billing"))
    assert pricing.lines == ()


def test_dot_output_is_not_untangled() -> None:
    # the DOT file is the same for any engine: no label moved by one engine's layout
    diagram = _diagram(load_file(EXAMPLES / "software-company.yaml"), "org")
    assert fit_drawing(diagram, "dot") == diagram
