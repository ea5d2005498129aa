"""Render a view of an organization to a file: DOT, SVG, PNG, PDF or Mermaid.

The format comes from the extension of the output (:data:`FORMATS`). DOT and
Mermaid are text written by :mod:`~clientchain.render.dot` and
:mod:`~clientchain.render.mermaid`; SVG, PNG and PDF are the DOT laid out by an
engine (:mod:`~clientchain.render.engine`). The file is written atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from clientchain.analysis.flow import FlowReport, analyze_flow
from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.render.dot import to_dot
from clientchain.render.engine import Engine, choose_engine, run_engine
from clientchain.render.mermaid import to_mermaid
from clientchain.render.scene import Diagram
from clientchain.render.views import DiagramOptions, build_diagram

__all__ = ["FORMATS", "Rendered", "diagram_for", "format_for", "render_diagram"]

FORMATS = {".dot": "dot", ".gv": "dot", ".svg": "svg", ".png": "png", ".pdf": "pdf", ".mmd": "mmd"}
"""Output extensions and the format each one means."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered diagram: its bytes, what wrote them, its size and its warnings."""

    format: str
    engine: Engine | None
    data: bytes
    nodes: int
    edges: int
    warnings: tuple[str, ...]


def format_for(path: str | Path) -> str:
    """The format of an output path, from its extension.

    >>> format_for("deck/overview.SVG"), format_for("org.mmd")
    ('svg', 'mmd')
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = " ".join(sorted(FORMATS))
        raise UsageError(
            _("cannot tell the format of {path}: use one of {known}").format(
                path=repr(str(path)), known=known
            )
        )
    return FORMATS[suffix]


def diagram_for(
    org: Organization,
    graph: nx.DiGraph,
    options: DiagramOptions,
    flow: FlowReport | None = None,
) -> Diagram:
    """The :class:`~clientchain.render.scene.Diagram` of ``options.view``.

    ``flow`` is computed with :func:`~clientchain.analysis.flow.analyze_flow` when not given.
    """
    return build_diagram(org, graph, flow or analyze_flow(org), options)


def render_diagram(
    diagram: Diagram, fmt: str, engine: Engine | None = None, *, timeout: float = 120.0
) -> Rendered:
    """``diagram`` as ``fmt`` (``dot``, ``mmd``, ``svg``, ``png``, ``pdf``, ``json``, ``plain``)."""
    counts = (len(diagram.nodes), len(diagram.edges), diagram.warnings)
    if fmt == "mmd":
        return Rendered(fmt, None, to_mermaid(diagram).encode("utf-8"), *counts)
    text = to_dot(diagram)
    if fmt == "dot":
        return Rendered(fmt, None, text.encode("utf-8"), *counts)
    chosen = choose_engine(fmt, engine)
    return Rendered(fmt, chosen, run_engine(text, fmt, chosen, timeout=timeout), *counts)
