"""The label corpus renders in every format without breaking syntax, injecting or losing text.

Corpus: tests/render/labels.yaml (quotes, backslashes, ``\\N``, ``<script>``, ``]]>``,
newlines, braces, pipes, ``-->``, ``click``, ``%%{init}%%``, accents, emoji, CJK) and
tests/cases/valid/tricky-labels.yaml.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.app.report import write_report
from clientchain.graph import build_graph
from clientchain.loading import load_file
from clientchain.render.diagrams import render_diagram
from clientchain.render.dot import html_text, to_dot
from clientchain.render.engine import run_engine
from clientchain.render.html import ZOOM_SCRIPT
from clientchain.render.markdown import md_text
from clientchain.render.mermaid import mermaid_text, to_mermaid
from clientchain.render.scene import node_key
from clientchain.render.views import DiagramOptions, build_diagram

from .conftest import TRICKY, needs_tool

CORPUS = Path(__file__).with_name("labels.yaml")
SOURCES = [CORPUS, TRICKY]
STRINGS = [
    'He said "hello"',
    "back\\slash \\N \\G \\L \\n \\\\",
    "<script>alert(1)</script>",
    "]]> <![CDATA[x]]> <!-- c -->",
    "first\nsecond\r\nthird\rfourth",
    "{braces} |pipes| [b] (p) #h; &amp; &#60;",
    "A --> B; click A call alert() %%{init: {'theme':'dark'}}%%",
    "Ñandú àéïõü ç 😀 🚀 中文 «»",
    "end\nsubgraph X\nstyle A fill:#f00",
    "`tick` *star* _under_ ~tilde~",
]


def _visible(text: str) -> str:
    """What a reader sees, ignoring where lines break."""
    return re.sub(r"\s+", "", text.replace("\r", "\n"))


def _names(org) -> list[str]:
    parties = [*org.departments.values(), *org.clients.values(), *org.suppliers.values()]
    return [p.name for p in parties]


# --- the escaping functions ----------------------------------------------------------


@pytest.mark.parametrize("text", STRINGS)
def test_dot_text_has_no_markup_and_decodes_back(text: str) -> None:
    escaped = html_text(text)
    assert not re.search(r"<(?!BR/>)", escaped), "only <BR/> may open a tag"
    assert '"' not in escaped
    assert not re.search(r"(?<!\\)\\(?!\\)", escaped.replace("\\\\", "")), "lone backslash"
    decoded = html.unescape(escaped.replace("<BR/>", "\n")).replace("\\\\", "\\")
    assert decoded == text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("text", STRINGS)
def test_mermaid_text_has_no_special_character_and_decodes_back(text: str) -> None:
    escaped = mermaid_text(text)
    bare = re.sub(r"#\d+;", "", escaped.replace("<br>", ""))
    assert not set(bare) & set('"#&<>%`|[]{}()\\*_~;'), bare
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), escaped.replace("<br>", "\n"))
    assert decoded == text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("text", STRINGS)
def test_markdown_text_opens_no_tag_and_keeps_every_character(text: str) -> None:
    escaped = md_text(text)
    assert not re.search(r"<(?!br>)", escaped)
    unescaped = html.unescape(re.sub(r"\\(.)", r"\1", escaped.replace("<br>", "\n")))
    assert unescaped == text.replace("\r\n", "\n").replace("\r", "\n")


def test_node_keys_are_safe_and_distinct() -> None:
    ids = ["a", "a b", "a_b", "x_61", "n_a", 'q"]', "end", "ñ", "😀", "1"]
    keys = [node_key(i) for i in ids]
    assert len(set(keys)) == len(ids)
    assert all(re.fullmatch(r"[nx]_[A-Za-z0-9_]+", k) for k in keys)


# --- DOT through the real engines ----------------------------------------------------


def _diagram(path: Path, view: str = "org"):
    org = load_file(path)
    graph = build_graph(org)
    return org, graph, build_diagram(org, graph, analyze_flow(org), DiagramOptions(view=view))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_dot_parses_to_exactly_the_graph_nodes_and_edges(source: Path) -> None:
    """No label adds a node, an edge or an attribute: the layout has just the graph's."""
    _org, graph, diagram = _diagram(source)
    layout = json.loads(run_engine(to_dot(diagram), "json"))
    names = {o["name"] for o in layout["objects"] if "nodes" not in o}
    assert names == {node_key(n) for n in graph.nodes}
    assert len(layout["edges"]) == graph.number_of_edges()
    colours = {o.get("color") for o in layout["objects"] if "nodes" not in o}
    assert "red" not in colours
    assert {o.get("shape") for o in layout["objects"] if "nodes" not in o} <= {
        "box",
        "ellipse",
        "cds",
    }


ALLOWED_SVG = {"svg", "g", "title", "text", "path", "polygon", "ellipse", "polyline", "defs"}


def _svg_texts(svg: bytes) -> tuple[set[str], str]:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    texts = "".join(e.text or "" for e in root.iter() if e.tag.endswith("text"))
    return tags, texts


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_svg_of_the_default_engine_shows_every_label_and_no_markup(source: Path) -> None:
    org, _, diagram = _diagram(source)
    svg = render_diagram(diagram, "svg").data
    tags, texts = _svg_texts(svg)
    assert tags <= ALLOWED_SVG, tags - ALLOWED_SVG
    for name in [org.name, *_names(org)]:
        assert _visible(name) in _visible(texts), name
    assert b"onload=" not in svg.replace(b"onload=alert(3)&gt;", b"")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_svg_of_graphviz_dot_shows_every_label_and_no_markup(source: Path) -> None:
    needs_tool("dot")
    org, _, diagram = _diagram(source)
    tags, texts = _svg_texts(render_diagram(diagram, "svg", "dot").data)
    assert tags <= ALLOWED_SVG | {"a"}
    for name in [org.name, *_names(org)]:
        assert _visible(name) in _visible(texts), name


def test_chain_view_of_the_corpus_keeps_the_chain_name() -> None:
    org, _, diagram = _diagram(CORPUS, "chain:everything")
    _, texts = _svg_texts(render_diagram(diagram, "svg").data)
    assert _visible(org.chains["everything"].name) in _visible(texts)


# --- Mermaid -------------------------------------------------------------------------

_LABEL = r'"[^"]*"'
_MERMAID_LINE = re.compile(
    "|".join(
        [
            r"flowchart (LR|TB)",
            rf"  subgraph c_\d+\[{_LABEL}\]",
            r"  end",
            rf" {{2,4}}[nx]_\w+(\({_LABEL}\)|\(\[{_LABEL}\]\)|>{_LABEL}\])",
            rf"  [nx]_\w+ (-->|-\.->)(\|{_LABEL}\|)? [nx]_\w+",
            r"  style [nxc]_\w+ [a-z-]+:[#\w.]+(,[a-z-]+:[#\w.]+)*",
            r"  linkStyle \d+ stroke:#[0-9a-f]{6},stroke-width:[\d.]+px",
        ]
    )
)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_every_mermaid_line_is_a_known_statement(source: Path) -> None:
    """Each line is one statement of the small grammar we write: no label broke out."""
    org, _, diagram = _diagram(source)
    text = to_mermaid(diagram)
    for line in text.splitlines():
        assert _MERMAID_LINE.fullmatch(line), line
    ours = text.replace("<br>", "\n").replace("<b>", "").replace("</b>", "")
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), ours)
    for name in _names(org):
        assert _visible(name) in _visible(decoded), name


# --- HTML and Markdown reports -------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_html_report_has_no_injected_tag_or_handler(source: Path, tmp_path: Path) -> None:
    org = load_file(source)
    out = tmp_path / "report.html"
    write_report(org, build_graph(org), out)
    page = out.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(page)
    assert not parser.tags & {"img", "iframe", "object", "embed", "b", "link"}
    # the one script is ours, whole, and the only one: no label opened another
    assert page.count("<script") == 1
    assert f"<script>{ZOOM_SCRIPT}</script>" in page
    assert not [name for name, _ in parser.attributes if name.startswith("on")]
    text = "".join(parser.text)
    for name in [org.name, *_names(org)]:
        assert _visible(name) in _visible(text), name


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_markdown_report_opens_tags_only_inside_mermaid(source: Path, tmp_path: Path) -> None:
    org = load_file(source)
    out = tmp_path / "report.md"
    write_report(org, build_graph(org), out)
    text = out.read_text(encoding="utf-8")
    blocks = re.split(r"^```mermaid\n(.*?)^```\n", text, flags=re.S | re.M)
    prose, diagrams = blocks[0::2], blocks[1::2]
    assert len(diagrams) == 1 + len(org.chains)
    for part in prose:
        assert not re.search(r"<(?!br>)", part), part
    for diagram in diagrams:
        assert "`" not in diagram
        for line in diagram.splitlines():
            assert _MERMAID_LINE.fullmatch(line), line
