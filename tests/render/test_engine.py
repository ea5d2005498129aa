"""The engines: every example to SVG and PNG with the default engine, PDF with Graphviz's dot,
both engines on every example, and clear errors for a missing or failing engine."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from PIL import Image

from clientchain.app.diagram import render_file
from clientchain.graph import build_graph
from clientchain.loading import load_file
from clientchain.render import engine as engine_module
from clientchain.render.engine import RenderError, choose_engine, find_engine, run_engine
from clientchain.render.layout import parse_layout
from clientchain.render.views import DiagramOptions

from .conftest import EXAMPLES, needs_tool

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
MINIMAL = 'digraph { a -> b [label="x"] }\n'


def _load(path: Path):
    org = load_file(path)
    return org, build_graph(org)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_renders_to_svg_with_the_default_engine(example, tmp_path) -> None:
    org, graph = _load(example)
    written = render_file(org, graph, tmp_path / "out.svg")
    svg = (tmp_path / "out.svg").read_text(encoding="utf-8")
    assert written.engine == "graphviz-pure"
    assert svg.count('class="node"') == graph.number_of_nodes()
    assert svg.count('class="edge"') == graph.number_of_edges()


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_renders_to_a_real_png(example, tmp_path) -> None:
    org, graph = _load(example)
    render_file(org, graph, tmp_path / "out.png")
    image = Image.open(tmp_path / "out.png").convert("RGB")
    width, height = image.size
    assert width >= 400, image.size
    assert height >= 100, image.size
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50, "a blank or almost blank picture"
    white = sum(count for count, rgb in colours if rgb == (255, 255, 255))
    assert white / (width * height) < 0.97, "nothing drawn"


def test_png_bytes_are_a_png(agencia) -> None:
    from clientchain.render.diagrams import diagram_for, render_diagram

    data = render_diagram(diagram_for(*agencia, DiagramOptions()), "png").data
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(io.BytesIO(data)).format == "PNG"


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_renders_to_pdf_with_graphviz(example, tmp_path) -> None:
    needs_tool("dot")
    org, graph = _load(example)
    written = render_file(org, graph, tmp_path / "out.pdf")
    data = (tmp_path / "out.pdf").read_bytes()
    assert written.engine == "dot"
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert len(data) > 5_000


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("view", ["org", "first-chain"])
def test_both_engines_lay_out_every_node_and_edge(example, view, tmp_path) -> None:
    """docs/render.md "Engines compared": the same nodes and edges from both engines."""
    needs_tool("dot")
    org, graph = _load(example)
    if view == "first-chain":
        if not org.chains:
            pytest.skip("the example has no chain")
        view = f"chain:{next(iter(org.chains))}"
    layouts = []
    for engine in ("graphviz-pure", "dot"):
        render_file(org, graph, tmp_path / "out.dot", DiagramOptions(view=view))
        text = (tmp_path / "out.dot").read_text(encoding="utf-8")
        layouts.append(parse_layout(run_engine(text, "json", engine)))
    pure, dot = layouts
    assert set(pure.nodes) == set(dot.nodes)
    assert {(e.tail, e.head) for e in pure.edges} == {(e.tail, e.head) for e in dot.edges}
    assert set(pure.clusters) == set(dot.clusters)


def test_pdf_needs_graphviz_dot() -> None:
    assert choose_engine("pdf") == "dot"
    with pytest.raises(RenderError, match=r"cannot write pdf.*--engine dot"):
        choose_engine("pdf", "graphviz-pure")


def test_graphviz_pure_is_found_next_to_python() -> None:
    assert Path(find_engine("graphviz-pure")).parent == Path(sys.executable).parent


def test_a_missing_engine_says_how_to_install_it(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(engine_module.sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError, match=r"graphviz-pure engine is not installed \(pip install"):
        run_engine(MINIMAL, "svg")
    with pytest.raises(RenderError, match=r"dot engine is not installed.*apt-get install graphviz"):
        run_engine(MINIMAL, "pdf")


def test_an_engine_failure_is_a_render_error_with_its_message() -> None:
    with pytest.raises(RenderError, match=r"graphviz-pure engine failed: .*syntax"):
        run_engine("digraph { a -> }\n", "svg")


def test_the_layout_is_read_from_json() -> None:
    layout = parse_layout(run_engine(MINIMAL, "json"))
    assert set(layout.nodes) == {"a", "b"}
    assert [(e.tail, e.head) for e in layout.edges] == [("a", "b")]
    a, b = layout.nodes["a"], layout.nodes["b"]
    assert a.centre[1] < b.centre[1], "a is drawn above b (y grows downwards)"
    assert layout.width > 0
    assert layout.height > 0
    label = layout.edges[0].label
    assert label is not None
    assert re.match(r"\d", str(label[0]))
