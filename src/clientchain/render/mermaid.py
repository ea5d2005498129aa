"""A :class:`~clientchain.render.scene.Diagram` as a Mermaid flowchart.

Every label is written in double quotes, and every character that means
something to Mermaid, Markdown or HTML (``" # & < > % ` | [ ] { } ( ) \\ * _ ~ ;``)
as a Mermaid entity code ``#<decimal>;``, so a label can never close its shape,
start a comment (``%%``), a directive (``%%{init}%%``), a link (``-->``), a
``click`` callback or HTML markup; newlines become ``<br>``. Node ids are
:func:`~clientchain.render.scene.node_key` keys (never a keyword such as ``end``),
subgraph ids ``c_1``, ``c_2`` … No user text appears outside a quoted label, and
nothing is written in comments.

>>> mermaid_text('Say "hi" --> %%{init}%% <b>')
'Say #34;hi#34; --#62; #37;#37;#123;init#125;#37;#37; #60;b#62;'
"""

from __future__ import annotations

from clientchain.render.dot import clean_text
from clientchain.render.scene import Diagram, DiagramEdge, DiagramNode

__all__ = ["mermaid_label", "mermaid_text", "to_mermaid"]

_SPECIAL = frozenset('"#&<>%`|[]{}()\\*_~;')
_SHAPES = {
    "department": ('("', '")'),
    "client": ('(["', '"])'),
    "supplier": ('>"', '"]'),
}


def mermaid_text(text: str) -> str:
    """``text`` with Mermaid's special characters as entity codes, newlines as ``<br>``."""
    text = clean_text(text)
    encoded = "".join(f"#{ord(c)};" if c in _SPECIAL else c for c in text)
    return encoded.replace("\n", "<br>")


def mermaid_label(lines: tuple[str, ...], *, bold_first: bool = True) -> str:
    """The quoted label: the first line bold, the others on their own lines."""
    parts = [mermaid_text(line) for line in lines]
    if parts and bold_first:
        parts[0] = f"<b>{parts[0]}</b>"
    return '"' + "<br>".join(parts) + '"'


def to_mermaid(diagram: Diagram) -> str:
    """The Mermaid text of ``diagram`` (``flowchart LR`` or ``TB``; ends with a newline)."""
    lines = [f"flowchart {diagram.direction}"]  # i18n: Mermaid syntax
    for index, cluster in enumerate(diagram.clusters, start=1):
        lines.append(f"  subgraph c_{index}[{mermaid_label((cluster,), bold_first=False)}]")
        lines += [f"    {_node(node)}" for node in diagram.in_cluster(cluster)]
        lines.append("  end")
    lines += [f"  {_node(node)}" for node in diagram.in_cluster(None)]
    lines += [f"  {_edge(edge)}" for edge in diagram.edges]
    theme = diagram.theme
    for node in diagram.nodes:
        width = 3 if node.emphasis else 1
        lines.append(  # i18n: Mermaid syntax
            f"  style {node.key} fill:{node.fill},stroke:{node.line},"
            f"stroke-width:{width}px,color:{theme.text}"
        )
    for index in range(1, len(diagram.clusters) + 1):
        # i18n: Mermaid syntax
        lines.append(f"  style c_{index} fill:{theme.cluster_fill},stroke:{theme.cluster_line}")
    for index, edge in enumerate(diagram.edges):
        # i18n: Mermaid syntax
        lines.append(f"  linkStyle {index} stroke:{edge.colour},stroke-width:{edge.width:g}px")
    return "\n".join(lines) + "\n"


def _node(node: DiagramNode) -> str:
    opening, closing = _SHAPES[node.shape]
    return f"{node.key}{opening}{mermaid_label(node.lines)[1:-1]}{closing}"


def _edge(edge: DiagramEdge) -> str:
    arrow = "-.->" if edge.dashed else "-->"
    if not edge.lines:
        return f"{edge.source_key} {arrow} {edge.target_key}"
    label = mermaid_label(edge.lines, bold_first=False)
    return f"{edge.source_key} {arrow}|{label}| {edge.target_key}"
