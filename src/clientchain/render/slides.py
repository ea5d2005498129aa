"""``clientchain slides``: an editable 16:9 PowerPoint deck (python-pptx, imported lazily).

Slides: a title slide, the overview, one slide per chain, a bottleneck table.
Diagrams are **native shapes and connectors**: one shape per node (rounded
rectangle for a department, stadium for an external client, pentagon for an
external supplier) placed where the engine's ``-Tjson`` layout puts it, one
connector per edge glued to both shapes (move a box in PowerPoint and its
arrows follow), edge labels as small text boxes, clusters as rectangles
behind. For each diagram both directions are laid out and the one whose shape
is closer to the slide's is used. Speaker notes carry the numbers.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from clientchain.analysis.flow import FlowReport, analyze_flow
from clientchain.errors import UsageError
from clientchain.model import Organization
from clientchain.output.files import write_atomic
from clientchain.render.dot import to_dot
from clientchain.render.engine import Engine, choose_engine, run_engine
from clientchain.render.layout import Layout, parse_layout
from clientchain.render.notes import chain_notes, overview_notes
from clientchain.render.numbers import hours, percent
from clientchain.render.pptx_shapes import Area, draw_diagram, fill_background, text_box
from clientchain.render.scene import Diagram
from clientchain.render.views import DiagramOptions, build_diagram
from clientchain.render.written import Written

if TYPE_CHECKING:
    from pptx.presentation import Presentation

__all__ = ["SLIDE_HEIGHT_IN", "SLIDE_WIDTH_IN", "DeckPlan", "plan_deck", "write_slides"]

SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
_DIAGRAM_AREA = Area(0.4 * 72, 1.25 * 72, 12.53 * 72, 5.9 * 72)


@dataclass(frozen=True, slots=True)
class DeckPlan:
    """The diagrams of the deck with their layouts, and the flow they show."""

    org: Organization
    flow: FlowReport
    overview: tuple[Diagram, Layout]
    chains: tuple[tuple[Diagram, Layout], ...]
    engine: Engine


def _laid_out(diagram: Diagram, engine: Engine) -> Layout:
    bare = replace(diagram, title="", caption=())
    return parse_layout(run_engine(to_dot(bare), "json", engine))


def _best_direction(diagram: Diagram, engine: Engine) -> tuple[Diagram, Layout]:
    """LR or TB, whichever layout can be drawn larger in the diagram area (LR on a tie).

    A force-directed diagram has no direction: it is laid out once.
    """
    if diagram.layout == "force":
        return diagram, _laid_out(diagram, engine)
    candidates = []
    for direction in ("LR", "TB"):
        turned = replace(diagram, direction=direction)
        layout = _laid_out(turned, engine)
        scale = min(
            _DIAGRAM_AREA.width / max(layout.width, 1.0),
            _DIAGRAM_AREA.height / max(layout.height, 1.0),
        )
        candidates.append((scale, turned, layout))
    _, best, layout = max(candidates, key=lambda candidate: candidate[0])
    return best, layout


def plan_deck(
    org: Organization, graph: nx.DiGraph, options: DiagramOptions, engine: Engine | None = None
) -> DeckPlan:
    """Lay out the overview and every chain (each in its best direction)."""
    chosen = choose_engine("json", engine)
    flow = analyze_flow(org)
    whole = build_diagram(org, graph, flow, options)
    # The overview slide leaves edge labels to the chain slides: without them the layout
    # is about half as wide and the boxes' text reads at a glance (see docs/render.md).
    bare = replace(whole, edges=tuple(replace(e, lines=()) for e in whole.edges))
    overview = _best_direction(bare, chosen)
    chains = tuple(
        _best_direction(
            build_diagram(org, graph, flow, replace(options, view=f"chain:{chain_id}")), chosen
        )
        for chain_id in org.chains
    )
    return DeckPlan(org, flow, overview, chains, chosen)


def _new_deck() -> Presentation:
    try:
        from pptx import Presentation as new_presentation
        from pptx.util import Inches
    except ImportError as exc:  # the 'slides' extra is not installed
        raise UsageError("slides need python-pptx: pip install 'clientchain[slides]'") from exc
    deck = new_presentation()
    deck.slide_width = Inches(SLIDE_WIDTH_IN)
    deck.slide_height = Inches(SLIDE_HEIGHT_IN)
    return deck


def build_deck(plan: DeckPlan) -> bytes:
    """The ``.pptx`` bytes of ``plan``: title, overview, chains, bottleneck table."""
    deck = _new_deck()
    org, flow = plan.org, plan.flow
    _title_slide(deck, plan)
    _diagram_slide(deck, *plan.overview, overview_notes(org, flow))
    for (diagram, layout), chain_id in zip(plan.chains, org.chains, strict=True):
        _diagram_slide(deck, diagram, layout, chain_notes(org, flow.chains[chain_id]))
    _bottleneck_slide(deck, plan)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _title_slide(deck: Presentation, plan: DeckPlan) -> None:
    org, flow, theme = plan.org, plan.flow, plan.overview[0].theme
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    fill_background(slide, theme)
    text_box(slide, Area(0.8 * 72, 2.4 * 72, 11.7 * 72, 1.4 * 72), org.name, theme, 40, bold=True)
    subtitle = f"Internal customer chain · per {org.period}"
    if flow.constraint is not None:
        subtitle += f" · constraint: {org.label(flow.constraint)}"
    text_box(slide, Area(0.8 * 72, 3.9 * 72, 11.7 * 72, 0.8 * 72), subtitle, theme, 20)
    slide.notes_slide.notes_text_frame.text = overview_notes(org, flow)


def _diagram_slide(deck: Presentation, diagram: Diagram, layout: Layout, notes: str) -> None:
    theme = diagram.theme
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    fill_background(slide, theme)
    heading = Area(0.4 * 72, 0.25 * 72, 12.5 * 72, 0.6 * 72)
    text_box(slide, heading, diagram.title, theme, 26, bold=True)
    caption = Area(0.4 * 72, 0.8 * 72, 12.5 * 72, 0.45 * 72)
    text_box(slide, caption, " · ".join(diagram.caption), theme, 12)
    draw_diagram(slide, diagram, layout, _DIAGRAM_AREA)
    slide.notes_slide.notes_text_frame.text = notes


def _bottleneck_slide(deck: Presentation, plan: DeckPlan) -> None:
    from pptx.util import Pt

    theme, flow, org = plan.overview[0].theme, plan.flow, plan.org
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    fill_background(slide, theme)
    text_box(
        slide, Area(0.4 * 72, 0.25 * 72, 12.5 * 72, 0.6 * 72), "Bottlenecks", theme, 26, bold=True
    )
    ranked = sorted(flow.departments.values(), key=lambda d: -d.utilization)
    rows = [("Department", "Load", "Capacity", "Utilization")]
    rows += [
        (d.name, hours(d.load_hours), hours(d.capacity_hours), percent(d.utilization))
        for d in ranked
    ]
    height = min(5.9 * 72, 0.4 * 72 * len(rows))
    frame = slide.shapes.add_table(
        len(rows), 4, Pt(0.4 * 72), Pt(1.2 * 72), Pt(12.5 * 72), Pt(height)
    )
    frame.name = "bottleneck table"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = frame.table.cell(r, c)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(14 if len(rows) < 14 else 10)
                    run.font.bold = r == 0 or (r > 0 and ranked[r - 1].id == flow.constraint)
    slide.notes_slide.notes_text_frame.text = overview_notes(org, flow)


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
        raise UsageError(f"slides are written as .pptx, not {str(output)!r}")
    plan = plan_deck(org, graph, options or DiagramOptions(), engine)
    write_atomic(output, build_deck(plan))
    counts = {"slides": 3 + len(plan.chains), "nodes": len(plan.overview[0].nodes)}
    warnings = plan.overview[0].warnings
    return Written(str(output), "pptx", plan.engine, counts, warnings)
