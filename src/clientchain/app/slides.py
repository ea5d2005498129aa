"""The slides written to a path (``clientchain slides``): a ``.pptx`` deck."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import networkx as nx

from clientchain.app.summary import build_summary
from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.output.files import write_atomic
from clientchain.render.engine import Engine
from clientchain.render.slides import build_deck, plan_deck, slide_count
from clientchain.render.views import DiagramOptions
from clientchain.render.written import Written

__all__ = ["write_slides"]


def write_slides(
    org: Organization,
    graph: nx.DiGraph,
    output: str | Path,
    options: DiagramOptions | None = None,
    engine: Engine | None = None,
) -> Written:
    """Write the deck to ``output`` (``.pptx``).

    Raises
    ------
    UsageError
        ``output`` is not ``.pptx``, or python-pptx is not installed.
    RenderError
        No engine to lay out the diagrams, or the engine failed.
    """
    if Path(output).suffix.lower() != ".pptx":
        raise UsageError(
            _("slides are written as .pptx, not {path}").format(path=repr(str(output)))
        )
    plan = plan_deck(org, graph, options or DiagramOptions(), engine)
    plan = replace(plan, executive=build_summary(org, graph, flow=plan.flow))
    write_atomic(output, build_deck(plan))
    counts = {"slides": slide_count(plan), "nodes": len(plan.overview[0].nodes)}
    warnings = plan.overview[0].warnings
    return Written(str(output), "pptx", plan.engine, counts, warnings)
