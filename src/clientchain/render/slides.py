"""``clientchain slides``: an editable 16:9 PowerPoint deck (python-pptx, imported lazily).

Slides: a title slide, the executive summary, the overview, one slide per chain (its
value-stream map), the bottleneck table, the charts
(:mod:`clientchain.render.charts_slides`: utilization, cycle time against takt per chain,
the satisfaction matrix), given a trend its slides (:mod:`clientchain.render.trend_pptx`)
and, given a scenario, the what-if slide.
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

import difflib
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import networkx as nx

from clientchain.analysis.flow import DepartmentFlow, FlowReport, analyze_flow
from clientchain.analysis.sipoc import Sipoc
from clientchain.analysis.summary import Summary
from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import duration, num, pct, per_period
from clientchain.output.limits import constraint_line, marked_constraint
from clientchain.output.sipoc import sipoc_columns, sipoc_headers
from clientchain.render.aspect import fit_aspect
from clientchain.render.charts import BarChart, MatrixChart, chart_set
from clientchain.render.charts_slides import MATRIX_LIMIT, chart_slides
from clientchain.render.distribution_chart import DistributionChart
from clientchain.render.distribution_pptx import distribution_slides
from clientchain.render.dot import to_dot
from clientchain.render.engine import Engine, choose_engine, run_engine
from clientchain.render.layout import Layout, parse_layout
from clientchain.render.legend_pptx import LEGEND_HEIGHT, draw_legend
from clientchain.render.notes import chain_notes, overview_notes
from clientchain.render.pptx_shapes import (
    Area,
    draw_diagram,
    fill_background,
    fill_placeholder,
    set_notes,
    sizes_from,
    text_box,
)
from clientchain.render.pptx_table import add_table
from clientchain.render.pptx_template import (
    Frame,
    content_slide,
    drop_empty_placeholders,
    new_frame,
)
from clientchain.render.scene import Diagram
from clientchain.render.sipoc_slide import sipoc_slide
from clientchain.render.theme import Theme
from clientchain.render.trend_pptx import trend_slide_count, trend_slides
from clientchain.render.views import DiagramOptions, build_diagram
from clientchain.render.vsm_pptx import draw_vsm, fit_vsm
from clientchain.render.whatif_slide import Scenario, whatif_slide
from clientchain.trend.result import TrendResult

if TYPE_CHECKING:
    from pptx.slide import Slide


__all__ = [
    "SLIDE_HEIGHT_IN",
    "SLIDE_WIDTH_IN",
    "TABLE_PAGES",
    "TABLE_ROWS",
    "DeckPlan",
    "Scenario",
    "plan_deck",
    "slide_count",
    "table_pages",
]

SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
_INCH = 72.0
_MARGIN = 0.4 * _INCH
_CAPTION_HEIGHT = 0.45 * _INCH
_DIAGRAM_AREA = Area(_MARGIN, 1.25 * _INCH, 12.53 * _INCH, 5.9 * _INCH)
"""Where a diagram goes on a 16:9 slide (a template's slide scales it)."""
_CAPTION_SIZES = (12.0, 9.0)
"""The caption's type sizes, largest and smallest: the largest at which it fits is used."""
TABLE_ROWS = 15
"""Departments on one bottleneck slide: with the header, 16 rows of 14 pt in 5.9 in."""
TABLE_PAGES = 4
"""Bottleneck slides at most: beyond ``TABLE_ROWS × TABLE_PAGES`` departments, the busiest."""
_TABLE_FONT = 14.0


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
    chain_ids: tuple[str, ...] = ()
    scenario: Scenario | None = None
    executive: Summary | None = None
    """The executive summary, a slide after the title when it has items."""
    charts: tuple[BarChart | MatrixChart, ...] = ()
    sipocs: tuple[Sipoc, ...] = ()
    """The departments given a SIPOC slide (``slides --sipoc``), after the chains."""
    trend: TrendResult | None = None
    """The org file's versions (``slides --trend``): what changed, then its line charts."""
    distributions: tuple[DistributionChart, ...] = ()
    """Each chain's simulated lead time (``slides --simulate``), a slide each after the charts."""


def _laid_out(diagram: Diagram, engine: Engine) -> Layout:
    bare = replace(diagram, title="", caption=(), legend=None)  # the slide titles itself
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


def _fitted(diagram: Diagram, engine: Engine) -> tuple[Diagram, Layout]:
    """The overview fitted to the diagram area's shape (direction, group boxes, spread:
    :func:`~clientchain.render.aspect.fit_aspect`), with its title, caption and legend kept
    (the legend, drawn natively under it, takes its height off the area)."""
    plain = replace(diagram, title="", caption=(), legend=None)
    height = _DIAGRAM_AREA.height - (0 if diagram.legend is None else LEGEND_HEIGHT + 4)
    fitted, layout = fit_aspect(plain, _DIAGRAM_AREA.width / height, engine)
    kept = replace(fitted, title=diagram.title, caption=diagram.caption, legend=diagram.legend)
    return kept, layout


def selected_chains(org: Organization, chains: Sequence[str] | None) -> tuple[str, ...]:
    """The ids of ``chains`` in the order given (every chain when ``None``).

    Raises
    ------
    UsageError
        An unknown chain, with the closest ids.
    """
    if chains is None:
        return tuple(org.chains)
    for chain_id in chains:
        if chain_id not in org.chains:
            message = _("unknown chain {name}").format(name=repr(chain_id))
            close = difflib.get_close_matches(chain_id, sorted(org.chains), n=3)
            if close:
                names = ", ".join(repr(c) for c in close)
                suggestion = _("did you mean {names}?").format(names=names)
                message += f" ({suggestion})"
            raise UsageError(message)
    return tuple(dict.fromkeys(chains))


def plan_deck(
    org: Organization,
    graph: nx.DiGraph,
    options: DiagramOptions,
    engine: Engine | None = None,
    *,
    chains: Sequence[str] | None = None,
    scenario: Scenario | None = None,
) -> DeckPlan:
    """Lay out the overview and each of ``chains`` (every chain when ``None``), each in its
    best direction; ``scenario`` adds a what-if slide."""
    chain_ids = selected_chains(org, chains)
    chosen = choose_engine("json", engine)
    flow = analyze_flow(org)
    whole = build_diagram(org, graph, flow, options)
    # The overview slide leaves edge labels to the chain slides: without them the layout
    # is about half as wide and the boxes' text reads at a glance (see docs/render.md).
    bare = replace(whole, edges=tuple(replace(e, lines=()) for e in whole.edges))
    overview = _fitted(bare, chosen)
    laid_out = tuple(
        _best_direction(
            build_diagram(org, graph, flow, replace(options, view=f"chain:{chain_id}")), chosen
        )
        for chain_id in chain_ids
    )
    charts = chart_set(org, graph, flow, options.theme, MATRIX_LIMIT, chain_ids)
    return DeckPlan(org, flow, overview, laid_out, chosen, chain_ids, scenario, charts=charts)


def build_deck(plan: DeckPlan, template: bytes | None = None, template_name: str = "") -> bytes:
    """The ``.pptx`` bytes of ``plan``: title, overview, chains, bottleneck table, and the
    what-if slide when the plan has a scenario; on ``template``'s masters when given.

    Raises
    ------
    UsageError
        python-pptx is missing, or ``template`` is not a PowerPoint file.
    """
    frame = new_frame(template, template_name, (SLIDE_WIDTH_IN, SLIDE_HEIGHT_IN))
    org, flow = plan.org, plan.flow
    _title_slide(frame, plan)
    _summary_slide(frame, plan)
    _diagram_slide(frame, *plan.overview, overview_notes(org, flow))
    for (diagram, _layout), chain_id in zip(plan.chains, plan.chain_ids, strict=True):
        _vsm_slide(frame, diagram, chain_id, plan)
    for result in plan.sipocs:
        columns = sipoc_columns(org, result)
        sipoc_slide(frame, _theme(frame, plan), org.label(result.id), sipoc_headers(), columns)
    _bottleneck_slides(frame, plan)
    chart_slides(frame, plan.charts, _theme(frame, plan))
    distribution_slides(frame, plan.distributions, _theme(frame, plan))
    if plan.trend is not None:
        trend_slides(frame, plan.trend, _theme(frame, plan))
    if plan.scenario is not None:
        what_if = (plan.scenario, plan.chain_ids)
        whatif_slide(frame, _theme(frame, plan), plan.org, plan.flow, what_if)
    buffer = io.BytesIO()
    frame.deck.save(buffer)
    return buffer.getvalue()


def _theme(frame: Frame, plan: DeckPlan) -> Theme:
    """The deck's theme: the template's font and text colour over the plan's."""
    theme = plan.overview[0].theme
    if frame.font is not None:
        theme = replace(theme, font=frame.font)
    if frame.text is not None:
        theme = replace(theme, text=frame.text)
    return theme


def _title_slide(frame: Frame, plan: DeckPlan) -> None:
    org, flow, theme = plan.org, plan.flow, _theme(frame, plan)
    # TRANSLATORS: the title slide's subtitle: {per_period} is "per week"…
    subtitle = _("Internal customer chain · {per_period}").format(per_period=per_period(org.period))
    if flow.constraint is not None:
        subtitle += f" · {constraint_line(flow, org.label)}"
    slide = frame.deck.slides.add_slide(frame.title_layout)
    holders = {int(p.placeholder_format.type): p for p in slide.placeholders}
    title = holders.get(3) or holders.get(1)  # a centred title, else a title
    sub = holders.get(4)  # the subtitle
    if frame.branded and title is not None:
        fill_placeholder(title, org.name, sizes_from(40, 24), lines=2)
    if frame.branded and sub is not None:
        fill_placeholder(sub, subtitle, sizes_from(20, 12), lines=3)
    if not frame.branded:
        fill_background(slide, theme)
    sx, sy = frame.width / (SLIDE_WIDTH_IN * _INCH), frame.height / (SLIDE_HEIGHT_IN * _INCH)
    if not frame.branded or title is None:
        area = Area(0.8 * _INCH * sx, 2.4 * _INCH * sy, 11.7 * _INCH * sx, 1.4 * _INCH * sy)
        text_box(slide, area, org.name, theme, 40, bold=True, smallest=24, lines=2)
    if not frame.branded or sub is None:
        area = Area(0.8 * _INCH * sx, 3.9 * _INCH * sy, 11.7 * _INCH * sx, 0.8 * _INCH * sy)
        text_box(slide, area, subtitle, theme, 20, smallest=12)
    drop_empty_placeholders(slide)
    set_notes(slide, overview_notes(org, flow))


def _summary_slide(frame: Frame, plan: DeckPlan) -> None:
    """The executive summary: one numbered sentence a paragraph, at the largest size from
    18 pt down to 12 pt at which it fits (no slide without items)."""
    from clientchain.output.summary import summary_sentences

    if plan.executive is None or not plan.executive.items:
        return
    theme = _theme(frame, plan)
    slide, top = content_slide(frame, theme, _("Executive summary"))
    sentences = summary_sentences(plan.org, plan.executive)
    text = "\n".join(f"{rank}. {s}" for rank, s in enumerate(sentences, start=1))
    area = Area(_MARGIN, top + 0.3 * _INCH, frame.width - 2 * _MARGIN, 0)
    area = replace(area, height=frame.height - area.top - 0.4 * _INCH)
    text_box(slide, area, text, theme, 18, smallest=12)
    set_notes(slide, overview_notes(plan.org, plan.flow))


def _caption(frame: Frame, diagram: Diagram) -> tuple[Slide, Theme, Area]:
    """A slide with ``diagram``'s title and caption; its theme and the room left under them."""
    theme = replace(diagram.theme, font=frame.font or diagram.theme.font)
    slide, top = content_slide(frame, theme, diagram.title)
    width = frame.width - 2 * _MARGIN
    caption = " · ".join(diagram.caption)
    area = Area(_MARGIN, top, width, _CAPTION_HEIGHT)
    text_box(slide, area, caption, theme, _CAPTION_SIZES[0], smallest=_CAPTION_SIZES[1], tight=True)
    below = top + _CAPTION_HEIGHT
    return slide, theme, Area(_MARGIN, below, width, frame.height - below - 0.35 * _INCH)


def _vsm_slide(frame: Frame, diagram: Diagram, chain_id: str, plan: DeckPlan) -> None:
    """A chain's slide: its value-stream map across the room under the caption."""
    slide, theme, room = _caption(frame, diagram)
    scene = fit_vsm(plan.org, plan.flow, chain_id, theme, room)
    draw_vsm(slide, scene, room)
    set_notes(slide, chain_notes(plan.org, plan.flow.chains[chain_id]))


def _diagram_slide(frame: Frame, diagram: Diagram, layout: Layout, notes: str) -> None:
    slide, theme, room = _caption(frame, diagram)
    if diagram.legend is not None:  # the highlight's scale under the drawing, at the right
        draw_legend(slide, diagram.legend, room, theme)
        room = replace(room, height=room.height - LEGEND_HEIGHT - 4)
    draw_diagram(slide, replace(diagram, theme=theme), layout, room)
    set_notes(slide, notes)


def _bottleneck_slides(frame: Frame, plan: DeckPlan) -> None:
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
        _table_slide(frame, plan, (title, note, notes), rows)


def _table_slide(
    frame: Frame,
    plan: DeckPlan,
    texts: tuple[str, str | None, str],
    ranked: list[DepartmentFlow],
) -> None:
    """One bottleneck slide: ``texts`` are its title, a note under the table and speaker notes."""
    theme, marked = _theme(frame, plan), marked_constraint(plan.flow)
    title, note, notes = texts
    slide, top = content_slide(frame, theme, title)
    rows = [(_("Department"), _("Load"), _("Capacity"), _("Utilization"))]
    rows += [
        (d.name, duration(d.load_hours), duration(d.capacity_hours), pct(d.utilization))
        for d in ranked
    ]
    bold = [True] + [d.id == marked for d in ranked]
    area = Area(_MARGIN, top + 0.4 * _INCH, frame.width - 2 * _MARGIN, 0)
    area = replace(area, height=frame.height - area.top - 0.4 * _INCH)
    table = add_table(slide, area, rows, bold, TABLE_ROWS + 1, _TABLE_FONT)
    table.name = "bottleneck table"  # i18n: shape name, a machine key
    if note is not None:
        below = Area(_MARGIN, frame.height - 0.4 * _INCH, area.width, 0.35 * _INCH)
        text_box(slide, below, note, theme, 12, smallest=8, tight=True)
    if notes:
        set_notes(slide, notes)


def slide_count(plan: DeckPlan) -> int:
    """Slides in the deck of ``plan``: title, executive summary (when it has items), overview,
    one per chain, one per SIPOC, the bottleneck tables, one per chart, the trend's and the
    what-if slide."""
    opening = int(plan.executive is not None and bool(plan.executive.items))
    whatif = 0 if plan.scenario is None else 1
    pages = table_pages(len(plan.flow.departments))
    sipocs = len(plan.sipocs)
    trend = trend_slide_count(plan.trend, plan.overview[0].theme)
    charts = len(plan.charts) + len(plan.distributions)
    return 2 + opening + len(plan.chains) + sipocs + pages + charts + trend + whatif
