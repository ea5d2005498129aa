"""``clientchain slides``: an editable 16:9 PowerPoint deck (python-pptx, imported lazily).

Slides: a title slide, the executive summary, the overview, one slide per chain, the
bottleneck table, then the charts (:mod:`clientchain.render.charts_slides`): utilization,
cycle time against takt per chain, the satisfaction matrix.
Diagrams are **native shapes and connectors**: one shape per node (rounded
rectangle for a department, stadium for an external client, pentagon for an
external supplier) placed where the engine's ``-Tjson`` layout puts it, one
connector per edge glued to both shapes (move a box in PowerPoint and its
arrows follow), edge labels as small text boxes, clusters as rectangles
behind. For each diagram both directions are laid out and the one whose shape
is closer to the slide's is used. Speaker notes carry the numbers.

The bottleneck table lists departments by utilization, :data:`TABLE_ROWS` to a
slide at 14 pt, continued over at most :data:`TABLE_PAGES` slides; a larger
organization shows its busiest ``TABLE_ROWS × TABLE_PAGES`` departments and a
note says how many are left out and how busy they are at most.

>>> table_pages(8), table_pages(16), table_pages(60), table_pages(400)
(1, 2, 4, 4)
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import networkx as nx

from clientchain.analysis.flow import DepartmentFlow, FlowReport, analyze_flow
from clientchain.analysis.summary import Summary
from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import duration, num, pct, per_period
from clientchain.output.limits import constraint_line, marked_constraint
from clientchain.render.charts import BarChart, MatrixChart, chart_set
from clientchain.render.charts_slides import MATRIX_LIMIT, chart_slides
from clientchain.render.dot import to_dot
from clientchain.render.engine import Engine, choose_engine, run_engine
from clientchain.render.layout import Layout, parse_layout
from clientchain.render.notes import chain_notes, overview_notes
from clientchain.render.pptx_shapes import Area, draw_diagram, fill_background, set_text, text_box
from clientchain.render.scene import Diagram
from clientchain.render.views import DiagramOptions, build_diagram
from clientchain.render.vsm_pptx import draw_vsm, fit_vsm
from clientchain.render.vsm_scene import VsmScene

if TYPE_CHECKING:
    from pptx.presentation import Presentation

__all__ = [
    "SLIDE_HEIGHT_IN",
    "SLIDE_WIDTH_IN",
    "TABLE_PAGES",
    "TABLE_ROWS",
    "DeckPlan",
    "plan_deck",
    "slide_count",
    "table_pages",
]

SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
_DIAGRAM_AREA = Area(0.4 * 72, 1.25 * 72, 12.53 * 72, 5.9 * 72)
_CAPTION_AREA = Area(0.4 * 72, 0.8 * 72, 12.5 * 72, 0.45 * 72)
_CAPTION_SIZES = (12.0, 11.0, 10.0, 9.0)
"""The caption's type sizes, largest first: the first whose text fits in two lines is used."""
_CHAR_WIDTH = 0.58
"""The average width of a character of the theme's sans-serif font, in ems (DejaVu Sans
measures about 0.55; the rest is what word wrapping leaves at the ends of lines)."""
TABLE_ROWS = 15
"""Departments on one bottleneck slide: with the header, 16 rows of 14 pt in 5.9 in."""
TABLE_PAGES = 4
"""Bottleneck slides at most: beyond ``TABLE_ROWS × TABLE_PAGES`` departments, the busiest."""
_TABLE_FONT = 14
_TABLE_AREA = Area(0.4 * 72, 1.2 * 72, 12.5 * 72, 5.9 * 72)
_ROW_HEIGHT = _TABLE_AREA.height / (TABLE_ROWS + 1)
_SUMMARY_AREA = Area(0.4 * 72, 1.1 * 72, 12.5 * 72, 6.0 * 72)
_SUMMARY_SIZES = (18.0, 16.0, 14.0, 12.0)
"""The executive summary's type sizes, largest first: the first at which it fits is used."""


def caption_size(text: str, width: float = _CAPTION_AREA.width) -> float:
    """The largest of :data:`_CAPTION_SIZES` at which ``text`` fills at most two lines of
    ``width`` points (the smallest when none does): a Spanish caption is longer than its
    English one and must not run into the diagram below it.

    >>> caption_size("x" * 100), caption_size("x" * 270), caption_size("x" * 1000)
    (12.0, 11.0, 9.0)
    """
    for size in _CAPTION_SIZES:
        if len(text) * size * _CHAR_WIDTH <= 2 * width:
            return size
    return _CAPTION_SIZES[-1]


def summary_size(paragraphs: list[str], area: Area = _SUMMARY_AREA) -> float:
    """The largest of :data:`_SUMMARY_SIZES` at which ``paragraphs`` fit ``area`` (wrapped at
    :data:`_CHAR_WIDTH` ems a character, lines of 1.2 ems), else the smallest.

    >>> summary_size(["x" * 200] * 5), summary_size(["x" * 400] * 5), summary_size(["x" * 900] * 5)
    (18.0, 14.0, 12.0)
    """
    for size in _SUMMARY_SIZES:
        per_line = max(int(area.width / (size * _CHAR_WIDTH)), 1)
        lines = sum(-(-len(text) // per_line) for text in paragraphs)
        if (lines * 1.2 + len(paragraphs) / 2) * size <= area.height:
            return size
    return _SUMMARY_SIZES[-1]


def table_pages(departments: int) -> int:
    """How many bottleneck slides a deck of ``departments`` departments has (at least one)."""
    return min(TABLE_PAGES, max(1, -(-departments // TABLE_ROWS)))


@dataclass(frozen=True, slots=True)
class DeckPlan:
    """The diagrams of the deck with their layouts, and the flow they show."""

    org: Organization
    flow: FlowReport
    overview: tuple[Diagram, Layout]
    chains: tuple[tuple[Diagram, Layout], ...]
    engine: Engine
    executive: Summary | None = None
    """The executive summary, a slide after the title when it has items."""
    charts: tuple[BarChart | MatrixChart, ...] = ()


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
    _scale, best, layout = max(candidates, key=lambda candidate: candidate[0])
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
    charts = chart_set(org, graph, flow, options.theme, MATRIX_LIMIT)
    return DeckPlan(org, flow, overview, chains, chosen, charts=charts)


def _new_deck() -> Presentation:
    try:
        from pptx import Presentation as new_presentation
        from pptx.util import Inches
    except ImportError as exc:  # the 'slides' extra is not installed
        raise UsageError(_("slides need python-pptx: pip install 'clientchain[slides]'")) from exc
    deck = new_presentation()
    deck.slide_width = Inches(SLIDE_WIDTH_IN)
    deck.slide_height = Inches(SLIDE_HEIGHT_IN)
    return deck


def build_deck(plan: DeckPlan) -> bytes:
    """The ``.pptx`` bytes of ``plan``: title, executive summary, overview, chains, bottlenecks."""
    deck = _new_deck()
    org, flow = plan.org, plan.flow
    _title_slide(deck, plan)
    _summary_slide(deck, plan)
    _diagram_slide(deck, *plan.overview, overview_notes(org, flow))
    for (diagram, _layout), chain_id in zip(plan.chains, org.chains, strict=True):
        scene = fit_vsm(org, flow, chain_id, diagram.theme, _DIAGRAM_AREA)  # a value-stream map
        _diagram_slide(deck, diagram, scene, chain_notes(org, flow.chains[chain_id]))
    _bottleneck_slides(deck, plan)
    chart_slides(deck, plan.charts, plan.overview[0].theme)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _title_slide(deck: Presentation, plan: DeckPlan) -> None:
    org, flow, theme = plan.org, plan.flow, plan.overview[0].theme
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    fill_background(slide, theme)
    text_box(slide, Area(0.8 * 72, 2.4 * 72, 11.7 * 72, 1.4 * 72), org.name, theme, 40, bold=True)
    # TRANSLATORS: the title slide's subtitle: {per_period} is "per week"…
    subtitle = _("Internal customer chain · {per_period}").format(per_period=per_period(org.period))
    if flow.constraint is not None:
        subtitle += f" · {constraint_line(flow, org.label)}"
    text_box(slide, Area(0.8 * 72, 3.9 * 72, 11.7 * 72, 0.8 * 72), subtitle, theme, 20)
    set_text(slide.notes_slide.notes_text_frame, overview_notes(org, flow))


def _summary_slide(deck: Presentation, plan: DeckPlan) -> None:
    """The executive summary: one numbered sentence a paragraph (no slide without items)."""
    from clientchain.output.summary import summary_sentences

    if plan.executive is None or not plan.executive.items:
        return
    theme = plan.overview[0].theme
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    fill_background(slide, theme)
    heading = Area(0.4 * 72, 0.25 * 72, 12.5 * 72, 0.6 * 72)
    text_box(slide, heading, _("Executive summary"), theme, 26, bold=True)
    sentences = summary_sentences(plan.org, plan.executive)
    lines = [f"{rank}. {s}" for rank, s in enumerate(sentences, start=1)]
    from pptx.util import Pt

    size = summary_size(lines)
    box = text_box(slide, _SUMMARY_AREA, "\n".join(lines), theme, size)
    for paragraph in box.text_frame.paragraphs:
        paragraph.space_after = Pt(size / 2)


def _diagram_slide(
    deck: Presentation, diagram: Diagram, layout: Layout | VsmScene, notes: str
) -> None:
    theme = diagram.theme
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    fill_background(slide, theme)
    heading = Area(0.4 * 72, 0.25 * 72, 12.5 * 72, 0.6 * 72)
    text_box(slide, heading, diagram.title, theme, 26, bold=True)
    caption = " · ".join(diagram.caption)
    box = text_box(slide, _CAPTION_AREA, caption, theme, caption_size(caption))
    # two lines of 12 pt (2 × 14.4 pt) fit the 0.45 in above the diagram without the insets
    box.text_frame.margin_top = box.text_frame.margin_bottom = 0
    if isinstance(layout, VsmScene):
        draw_vsm(slide, layout, _DIAGRAM_AREA)
    else:
        draw_diagram(slide, diagram, layout, _DIAGRAM_AREA)
    set_text(slide.notes_slide.notes_text_frame, notes)


def _bottleneck_slides(deck: Presentation, plan: DeckPlan) -> None:
    """The departments by utilization, :data:`TABLE_ROWS` a slide, the header on each."""
    flow, org = plan.flow, plan.org
    ranked = flow.by_utilization()
    pages = table_pages(len(ranked))
    shown = ranked[: TABLE_ROWS * pages]
    for page in range(pages):
        title = _("Bottlenecks")
        if pages > 1:
            # TRANSLATORS: the title of the first of several bottleneck slides: "(1 of 4)"
            title = _("Bottlenecks ({page} of {pages})")
            if page:
                # TRANSLATORS: the title of the next bottleneck slides: "(continued, 2 of 4)"
                title = _("Bottlenecks (continued, {page} of {pages})")
            title = title.format(page=num(page + 1), pages=num(pages))
        note = None
        if page == pages - 1 and len(shown) < len(ranked):
            # TRANSLATORS: "clientchain bottlenecks" is a command; keep it as it is
            note = _(
                "The {shown} busiest of {total} departments; the other {rest} are at {value} "
                "utilization or less. clientchain bottlenecks and the report list every department."
            ).format(
                shown=num(len(shown)),
                total=num(len(ranked)),
                rest=num(len(ranked) - len(shown)),
                value=pct(ranked[len(shown)].utilization),
            )
        rows = shown[page * TABLE_ROWS : (page + 1) * TABLE_ROWS]
        notes = overview_notes(org, flow) if page == 0 else ""
        _table_slide(deck, plan, (title, note, notes), rows)


def _table_slide(
    deck: Presentation,
    plan: DeckPlan,
    texts: tuple[str, str | None, str],
    ranked: list[DepartmentFlow],
) -> None:
    """One bottleneck slide: ``texts`` are its title, a note under the table and speaker notes."""
    from pptx.util import Pt

    theme, marked = plan.overview[0].theme, marked_constraint(plan.flow)
    title, note, notes = texts
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    fill_background(slide, theme)
    text_box(slide, Area(0.4 * 72, 0.25 * 72, 12.5 * 72, 0.6 * 72), title, theme, 26, bold=True)
    rows = [(_("Department"), _("Load"), _("Capacity"), _("Utilization"))]
    rows += [
        (d.name, duration(d.load_hours), duration(d.capacity_hours), pct(d.utilization))
        for d in ranked
    ]
    area = _TABLE_AREA
    frame = slide.shapes.add_table(
        len(rows), 4, Pt(area.left), Pt(area.top), Pt(area.width), Pt(_ROW_HEIGHT * len(rows))
    )
    frame.name = "bottleneck table"  # i18n: shape name, a machine key
    for r, row in enumerate(rows):
        frame.table.rows[r].height = Pt(_ROW_HEIGHT)
        for c, value in enumerate(row):
            cell = frame.table.cell(r, c)
            set_text(cell, value)
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(_TABLE_FONT)
                    run.font.bold = r == 0 or ranked[r - 1].id == marked
    if note is not None:
        text_box(slide, Area(0.4 * 72, 7.1 * 72, 12.5 * 72, 0.35 * 72), note, theme, 12)
    if notes:
        set_text(slide.notes_slide.notes_text_frame, notes)


def slide_count(plan: DeckPlan) -> int:
    """Slides in the deck of ``plan``: title, executive summary (when it has items), overview,
    one per chain, the bottleneck tables, one per chart."""
    opening = int(plan.executive is not None and bool(plan.executive.items))
    pages = table_pages(len(plan.flow.departments))
    return 2 + opening + len(plan.chains) + pages + len(plan.charts)
