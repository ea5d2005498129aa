"""A :class:`~clientchain.render.scene.Diagram` as Graphviz DOT text.

Deterministic: the same diagram gives the same bytes (nodes by cluster, then in
view order; edges in file order), so golden files are stable. Every label is an
HTML-like label (``label=<…>``) built by :func:`html_label`: ``& < > "`` become
entities and backslashes are doubled (Graphviz expands ``\\N``, ``\\G`` … even
inside HTML labels, after decoding entities), newlines become ``<BR/>``. No user
text is ever written outside such a label: node ids are
:func:`~clientchain.render.scene.node_key` keys, colours are checked hex, the
font a checked name. The graph sets ``newrank=true``: without it clustered graphs
of a few hundred nodes fail in Graphviz ("trouble in init_rank"). A diagram too
large for ranks (``layout="force"``, :mod:`~clientchain.render.scale`) also sets
:data:`FORCE_LAYOUT`, so any engine given this DOT lays it out the same way.

>>> html_text('a "b" <c> & \\\\N\\nline')
'a &quot;b&quot; &lt;c&gt; &amp; \\\\\\\\N<BR/>line'
"""

from __future__ import annotations

import re

from clientchain.render.scene import Diagram, DiagramEdge, DiagramNode, Legend
from clientchain.render.theme import Theme

__all__ = ["FORCE_LAYOUT", "clean_text", "html_label", "html_text", "to_dot"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 but tab and line feed, DEL, C1
_SHAPES = {
    "department": 'shape=box, style="rounded,filled"',
    "client": 'shape=ellipse, style="filled", peripheries=2',
    "supplier": 'shape=cds, style="filled"',
}
FORCE_LAYOUT = "layout=sfdp, quadtree=fast, overlap=prism10, outputorder=edgesfirst"
"""Graph attributes of a force-directed diagram, in both engines.

``sfdp`` with the Barnes–Hut ``quadtree=fast``; ten rounds of overlap removal
(``prism10``) leave about one box in ten touching a neighbour at a fraction of the
full ``prism``'s time; edges drawn first so that no line crosses a box. The
measurements behind the choice are in ``docs/render.md``.
"""


def clean_text(text: str) -> str:
    """Newlines as ``\\n`` (``\\r\\n`` and ``\\r`` too), other control characters as U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("\ufffd", text)


def html_text(text: str) -> str:
    """``text`` for a Graphviz HTML-like label: entities, doubled backslashes, ``<BR/>``."""
    text = clean_text(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace('"', "&quot;").replace("\\", "\\\\")
    return text.replace("\n", "<BR/>")


def html_label(lines: tuple[str, ...], small: float, *, bold_first: bool = True) -> str:
    """``<…>``: the first line bold, the others in a smaller font."""
    if not lines:
        return '""'
    head = html_text(lines[0])
    parts = [f"<B>{head}</B>" if bold_first else head]
    parts += [f'<FONT POINT-SIZE="{small:g}">{html_text(line)}</FONT>' for line in lines[1:]]
    return "<" + "<BR/>".join(parts) + ">"


def to_dot(diagram: Diagram) -> str:
    """The DOT text of ``diagram`` (UTF-8, ends with a newline)."""
    theme = diagram.theme
    lines = ["digraph clientchain {", *_defaults(diagram, theme)]  # i18n: DOT syntax
    for index, cluster in enumerate(diagram.clusters, start=1):
        lines.append(f"  subgraph cluster_{index} {{")
        lines.append(
            f"    graph [label={html_label((cluster,), theme.small_size)}, "
            f'style="rounded,filled", fillcolor="{theme.cluster_fill}", '
            f'color="{theme.cluster_line}", fontcolor="{theme.muted}"];'
        )
        lines += [f"    {_node(node, theme)}" for node in diagram.in_cluster(cluster)]
        lines.append("  }")
    lines += [f"  {_node(node, theme)}" for node in diagram.in_cluster(None)]
    lines += [f"  {_edge(edge, theme)}" for edge in diagram.edges]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _defaults(diagram: Diagram, theme: Theme) -> list[str]:
    title = ""
    if diagram.title or diagram.legend is not None:
        label = html_label((diagram.title, *diagram.caption), theme.font_size)
        if diagram.legend is not None:  # under the title; alone when the title is left out
            label = _with_legend(label if diagram.title else None, diagram.legend, theme)
        title = f"label={label}, labelloc=t, labeljust=l, "
    font = f'fontname="{theme.font}"'
    layout = f"{FORCE_LAYOUT}, " if diagram.layout == "force" else ""
    if diagram.ratio is not None:
        layout += f"ratio={diagram.ratio:.4f}, "
    if any(edge.floating for edge in diagram.edges):  # an xlabel that fits nowhere is left out
        layout += "forcelabels=false, "
    return [
        f"  graph [{layout}newrank=true, rankdir={diagram.direction}, "
        f'bgcolor="{theme.background}", '
        f'{font}, fontsize={theme.font_size + 4:g}, fontcolor="{theme.text}", '
        f"{title}pad=0.3, nodesep=0.4, ranksep=0.5];",
        f'  node [{font}, fontsize={theme.font_size:g}, fontcolor="{theme.text}", '
        'margin="0.18,0.08"];',
        f'  edge [{font}, fontsize={theme.small_size:g}, fontcolor="{theme.muted}", '
        "arrowsize=0.8];",
    ]


LEGEND_CELL = 10
"""Width in points of one cell of a legend's colour bar."""


def _with_legend(label: str | None, legend: Legend, theme: Theme) -> str:
    """The title ``label`` (``<…>``) with the ``legend``'s colour bar under it, as an HTML table
    (``None``: the legend alone, as the report and the slides write the title themselves)."""
    small = f'<FONT POINT-SIZE="{theme.small_size:g}">'  # i18n: DOT syntax
    count = len(legend.cells)
    starts = [index for index, _text in legend.ticks]
    bar = "".join(
        f'<TD BGCOLOR="{colour}" WIDTH="{LEGEND_CELL}" HEIGHT="10" BORDER="1" '
        f'SIDES="{_sides(index, count, starts)}" COLOR="{theme.muted}"></TD>'
        for index, colour in enumerate(legend.cells)
    )
    ticks = f'<TD COLSPAN="{starts[0]}"></TD>' if starts and starts[0] > 0 else ""
    for (index, text), end in zip(legend.ticks, [*starts[1:], count], strict=True):
        span = max(end - index, 1)
        ticks += f'<TD COLSPAN="{span}" ALIGN="LEFT">{small}{html_text(text)}</FONT></TD>'
    swatches = "".join(  # one row each: a cell of the bar's width, its meaning beside it
        f'<TR><TD BGCOLOR="{colour}" HEIGHT="10" BORDER="1" COLOR="{theme.muted}"></TD>'
        f'<TD COLSPAN="{count - 1}" ALIGN="LEFT">{small}{html_text(text)}</FONT></TD></TR>'
        for colour, text in legend.swatches
    )
    table = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD COLSPAN="{count}" ALIGN="LEFT">{small}{html_text(legend.title)}</FONT></TD></TR>'
        f"<TR>{bar}</TR><TR>{ticks}</TR>{swatches}</TABLE>"
    )
    heading = "" if label is None else f"<TR><TD>{label[1:-1]}</TD></TR>"
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0">'
        f'{heading}<TR><TD ALIGN="LEFT">{table}</TD></TR></TABLE>>'
    )


def _sides(index: int, count: int, ticks: list[int]) -> str:
    """The outlined sides of a bar cell: the bar's outline, and a line where a tick starts
    (50%, near capacity, 100%), so the thresholds show on the bar in any theme (a white 0% on a
    white page included)."""
    sides = "L" if index == 0 or index in ticks else ""  # i18n: DOT syntax
    return sides + "TB" + ("R" if index == count - 1 else "")


def _node(node: DiagramNode, theme: Theme) -> str:
    width = 3.0 if node.emphasis else 1.2
    return (
        f'{node.key} [{_SHAPES[node.shape]}, fillcolor="{node.fill}", color="{node.line}", '
        f"penwidth={width:g}, label={html_label(node.lines, theme.small_size)}];"
    )


def _edge(edge: DiagramEdge, theme: Theme) -> str:
    attributes = [f'color="{edge.colour}"', f"penwidth={edge.width:g}"]
    if edge.dashed:  # information and feedback: drawn, but they do not shape the ranks
        attributes += ["style=dashed", "constraint=false"]
    if edge.lines:
        label = html_label(edge.lines, theme.small_size, bold_first=False)
        attributes.append(f"{'xlabel' if edge.floating else 'label'}={label}")
    return f"{edge.source_key} -> {edge.target_key} [{', '.join(attributes)}];"
