"""A chain as a value-stream map: a scene of boxes, triangles, lines and texts, in points.

Left to right: the supplier, one **process box** per step (a department the chain visits
twice appears twice), the client. Under each process box a **data box**: the step's
effort, cycle time, the department's headcount and utilization, and the %C&A of the
handoff into the step. Between two boxes, an **inventory triangle** with the wait before
the step (and the units waiting when the wait comes from ``inventory``); the last one holds
the finished inventory. Below, the **timeline ladder**: each wait on the upper level, under
its triangle, each step's effort on the lower level, under its box; at its right end the
totals: lead time, process time, value-added ratio and takt. A step over takt has a thick
outline in the theme's constraint colour, the words ``over takt`` and a red process
segment.

Every number comes from :mod:`clientchain.analysis.flow` (a :class:`ChainFlow` and its
:class:`StepFlow` s) and the handoffs' %C&A
(:func:`~clientchain.analysis.quality.handoff_quality`); this module only places and
words them.
:func:`build_vsm` computes the scene once; :mod:`~clientchain.render.vsm_write` writes it
as SVG or pinned DOT (for PNG and PDF), :mod:`~clientchain.render.vsm_pptx` as native
slide shapes. Text widths are DejaVu Sans's (:mod:`~clientchain.render.textwidth`).

>>> from clientchain.analysis.flow import analyze_flow
>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> from clientchain.render.theme import THEMES
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "Alfa"), "b": Department("b", "Beta")},
...     clients={"z": ExternalParty("z", "Zeta", "client")},
...     chains={"x": Chain("x", "X", "z", 10.0, (Step("a", 2.0), Step("b", 3.0, wait=8.0)))},
... )
>>> scene = build_vsm(org, analyze_flow(org), "x", THEMES["light"])
>>> [r.key for r in scene.rects if r.role == "process"]
['n_a', 'n_b']
>>> [t.text for t in scene.texts if t.role == "total"]
['lead time 13 h', '1.62 working days', 'process time 5 h', 'value added 38.5%', 'takt 4 h']
"""

from __future__ import annotations

from dataclasses import replace

from clientchain.analysis.flow import ChainFlow, FlowReport
from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import duration, num, pct
from clientchain.render.chain_view import chain_stops
from clientchain.render.textwidth import text_width
from clientchain.render.theme import Theme
from clientchain.render.vsm_parts import Column, Gap, column_for, gap_for, totals_lines
from clientchain.render.vsm_scene import LINE, Canvas, Line, Rect, Triangle, VsmScene

__all__ = ["build_vsm", "over_takt_boxes"]


def build_vsm(
    org: Organization,
    flow: FlowReport,
    chain_id: str,
    theme: Theme,
    *,
    width: float | None = None,
    title: bool = False,
    stacked: bool = False,
) -> VsmScene:
    """The value-stream map of chain ``chain_id``.

    Parameters
    ----------
    org, flow
        The organization (its chain, names and each handoff's %C&A) and its flow analysis.
    chain_id : str
        A chain of ``org``.
    theme : Theme
        Colours, font sizes (names at ``font_size``, the rest at ``small_size``).
    width : float, optional
        Fill exactly this many points: a narrower map is spread out, a wider one drawn
        smaller.
    title : bool
        Write the chain's title and demand above the map (a file of its own has no other).
    stacked : bool
        Write each data row's label over its value: narrower columns, a taller map (for a
        slide, where height is to spare and width is not).

    Raises
    ------
    UsageError
        An unknown chain.
    """
    if chain_id not in flow.chains:
        raise UsageError(_("unknown chain {name}").format(name=repr(chain_id)))
    place = (org, flow, chain_id, theme, title, stacked)
    scale = 1.0
    scene = _layout(place, scale, 0.0)
    if width is not None and scene.width > width:
        scale = width / scene.width * 0.98
        scene = _layout(place, scale, 0.0)
    if width is not None and scene.width < width:
        scene = _layout(place, scale, width - scene.width)
    return scene


_Place = tuple[Organization, FlowReport, str, Theme, bool, bool]


def _layout(place: _Place, scale: float, extra: float) -> VsmScene:
    """One pass at ``scale`` of the theme's sizes, ``extra`` points shared out over the
    columns and gaps."""
    org, flow, chain_id, theme, title, stacked = place
    canvas = Canvas(theme, theme.font_size * scale, theme.small_size * scale)
    chain, model = flow.chains[chain_id], org.chains[chain_id]
    stops = chain_stops(model)
    sizes = (canvas.big, canvas.small)
    columns: list[Column] = [column_for(org, flow, chain, s, sizes, stacked) for s in stops]
    gaps = [gap_for(chain, model, stop, canvas.small) for stop in stops[1:]]
    if model.supplier is None:  # the wait before the first step still has its place
        gaps.insert(0, gap_for(chain, model, stops[0], canvas.small))
        columns.insert(0, Column(None, (), (), 0.0))
    totals = totals_lines(chain, flow.hours_per_day)
    widest = max(text_width(t, canvas.small, bold=True) for t in totals) + 2 * canvas.small
    columns[-1] = replace(columns[-1], width=max(columns[-1].width, widest))
    share = extra / (sum(c.stop is not None for c in columns) + len(gaps))
    columns = [c if c.stop is None else replace(c, width=c.width + share) for c in columns]
    gaps = [replace(g, width=g.width + share) for g in gaps]
    margin = canvas.small
    top = _title(canvas, org, chain, margin) if title else margin
    _row(canvas, columns, gaps, (margin, top), totals)
    right = max(r.x + r.width for r in canvas.rects) + margin
    bottom = max(max(t.y + t.height for t in canvas.texts), *(r.y + r.height for r in canvas.rects))
    return VsmScene(
        right,
        bottom + margin,
        replace(theme, font_size=canvas.big, small_size=canvas.small),
        tuple(canvas.rects),
        tuple(canvas.lines),
        tuple(canvas.triangles),
        tuple(canvas.texts),
        f"{org.name} — {chain.name}" if title else "",
    )


def _title(canvas: Canvas, org: Organization, chain: ChainFlow, margin: float) -> float:
    """The title and the chain's demand, takt and rolled quality; the y under them."""
    canvas.text(margin, margin, f"{org.name} — {chain.name}", canvas.big, bold=True, role="title")
    # TRANSLATORS: under a value-stream map's title: "demand 48 · takt 30 min · rolled quality 96%"
    line = _("demand {demand} · takt {takt} · rolled quality {quality}").format(
        demand=num(chain.demand), takt=duration(chain.takt_hours), quality=pct(chain.rolled_quality)
    )
    y = margin + canvas.big * LINE
    canvas.text(margin, y, line, canvas.small, colour=canvas.theme.muted, role="title")
    return y + canvas.small * LINE * 2


_Span = tuple[float, float, Column | Gap]


def _row(
    canvas: Canvas,
    columns: list[Column],
    gaps: list[Gap],
    origin: tuple[float, float],
    totals: tuple[str, ...],
) -> None:
    """Boxes, triangles and arrows in one row, data boxes under them, then the ladder."""
    x, y = origin
    small = canvas.small
    heights = (
        max(c.box_height(canvas.big, small) for c in columns),
        max(c.data_height(small) for c in columns),
    )
    spans: list[_Span] = []
    previous: float | None = None
    middle = y + heights[0] / 2
    for index, column in enumerate(columns):
        if index:
            gap = gaps[index - 1]
            _gap(canvas, gap, x, middle, previous)
            spans.append((x, x + gap.width, gap))
            x += gap.width
        if column.stop is not None:
            column.draw(canvas, x, y, heights)
            if column.stop.step is not None:
                spans.append((x, x + column.width, column))
            previous = x + column.width
        x += column.width
    top = y + heights[0] + small * 1.5 + heights[1] + small * 2.6
    _ladder(canvas, spans, top, (x - columns[-1].width, columns[-1].width), totals)


def _gap(canvas: Canvas, gap: Gap, x: float, middle: float, previous: float | None) -> None:
    """The arrow across the gap, the triangle on it and its words under it."""
    small, theme = canvas.small, canvas.theme
    centre, size = x + gap.width / 2, small * 2.2
    if previous is not None:
        canvas.lines.append(
            Line(((previous, middle), (x + gap.width, middle)), theme.edge, 1.2, True)
        )
    if gap.shown:
        canvas.triangles.append(
            Triangle(
                centre - size * 0.6,
                middle - size / 2,
                size * 1.2,
                size,
                theme.supplier_fill,
                theme.edge,
            )
        )
        # i18n: the inventory symbol of value-stream maps
        canvas.text(centre, middle - small * 0.35, "I", small * 0.9, anchor="middle", bold=True)
    y = middle + size / 2 + small * 0.3
    for line in gap.lines:
        canvas.text(centre, y, line, small, anchor="middle", role="gap")
        y += small * LINE


def _ladder(
    canvas: Canvas,
    spans: list[_Span],
    top: float,
    client: tuple[float, float],
    totals: tuple[str, ...],
) -> None:
    """Waits on the upper level, efforts on the lower, one line; the totals at its end."""
    small, theme = canvas.small, canvas.theme
    low = top + small * 1.6
    points: list[tuple[float, float]] = []
    for left, right, item in spans:
        if isinstance(item, Gap):
            points += [(left, top), (right, top)]
            y = top - small * (LINE + 0.2)
            role = "wait"
        else:
            points += [(left, low), (right, low)]
            y, role = low + small * 0.2, "process"
            if item.over_takt:
                canvas.lines.append(Line(((left, low), (right, low)), theme.constraint, 3.0))
        canvas.text((left + right) / 2, y, item.ladder, small, anchor="middle", role=role)
    canvas.lines.insert(0, Line(tuple(points), theme.edge, 1.2))
    left, width = client
    box_top = top - small * (LINE + 0.2)
    height = (len(totals) * LINE + 0.8) * small
    canvas.rects.append(
        Rect(left, box_top, width, height, theme.background, theme.edge, 1.0, "totals")
    )
    y = box_top + small * 0.4
    for index, line in enumerate(totals):
        canvas.text(left + small, y, line, small, bold=index == 0, role="total")
        y += small * LINE


def over_takt_boxes(scene: VsmScene) -> tuple[str, ...]:
    """The keys of the process boxes marked over takt (outlined in the constraint colour)."""
    return tuple(
        r.key for r in scene.rects if r.role == "process" and r.line == scene.theme.constraint
    )
