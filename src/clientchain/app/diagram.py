"""A diagram written to a path (``clientchain render``, ``map -o``)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from clientchain.analysis.flow import analyze_flow
from clientchain.model import Organization
from clientchain.output.files import write_atomic
from clientchain.render.aspect import fit_drawing
from clientchain.render.diagrams import diagram_for, format_for, render_diagram
from clientchain.render.engine import Engine
from clientchain.render.views import DiagramOptions, parse_view
from clientchain.render.vsm_write import VSM_FORMATS, render_vsm
from clientchain.render.written import Written

__all__ = ["render_file"]


def render_file(
    org: Organization,
    graph: nx.DiGraph,
    output: str | Path,
    options: DiagramOptions | None = None,
    engine: Engine | None = None,
) -> Written:
    """Render ``options.view`` of ``org`` to ``output`` (format from its extension).

    Raises
    ------
    UsageError
        Unknown extension, view, chain, department or group.
    RenderError
        No engine for the format, or the engine failed.
    OSError
        The file cannot be written (it is left as it was).
    """
    fmt = format_for(output)
    options = options or DiagramOptions()
    kind, chain_id = parse_view(options.view)
    if kind == "chain" and fmt in VSM_FORMATS:  # the chain as a value-stream map
        flow = analyze_flow(org)
        rendered = render_vsm(org, flow, chain_id, options.theme, fmt, engine)
    else:
        diagram = fit_drawing(diagram_for(org, graph, options), fmt, options.aspect, engine)
        rendered = render_diagram(diagram, fmt, engine)
    write_atomic(output, rendered.data)
    counts = {"nodes": rendered.nodes, "edges": rendered.edges}
    return Written(str(output), fmt, rendered.engine, counts, rendered.warnings)
