"""The columns and gaps of a value-stream map: what each box and triangle says, and how wide.

A :class:`Column` is the supplier, a step or the client: its box (name, ``visit 2 of 2``,
``constraint``, ``over takt``) and, for a step, its data box. A :class:`Gap` is the space
between two columns: the inventory triangle and the wait before the next step (or the
finished inventory's wait before the client). Numbers are the flow analysis's, written
with :mod:`clientchain.numbers`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from clientchain.analysis.flow import ChainFlow, FlowReport
from clientchain.analysis.quality import handoff_quality
from clientchain.i18n import _, ngettext
from clientchain.model import Chain, Organization
from clientchain.numbers import duration, num, pct
from clientchain.render.chain_view import Stop
from clientchain.render.textwidth import text_width
from clientchain.render.vsm_scene import LINE, Canvas, Rect

__all__ = ["Column", "Gap", "column_for", "gap_for", "totals_lines", "wrap_to"]


@dataclass(frozen=True, slots=True)
class Column:
    """A box of the top row and, for a step, its data box; ``stop`` ``None``: an empty
    place (before the first step when the chain has no supplier)."""

    stop: Stop | None
    name: tuple[str, ...]
    details: tuple[str, ...]
    width: float
    rows: tuple[tuple[str, str], ...] = ()
    role: str = "process"
    over_takt: bool = False
    constraint: bool = False
    ladder: str = ""
    stacked: bool = False
    """Each data row on two lines, the label over the value (a narrower, taller column)."""

    def box_height(self, big: float, small: float) -> float:
        """The height its top box needs."""
        return (len(self.name) * big + len(self.details) * small) * LINE + small

    def data_height(self, small: float) -> float:
        """The height its data box needs (0 without one)."""
        lines = len(self.rows) * (2 if self.stacked else 1)
        return (lines * LINE + 0.8) * small if self.rows else 0.0

    def draw(self, canvas: Canvas, x: float, y: float, heights: tuple[float, float]) -> None:
        """The top box at ``x, y`` and the data box under it, ``heights`` high each."""
        assert self.stop is not None
        theme, big, small = canvas.theme, canvas.big, canvas.small
        fill = {"supplier": theme.supplier_fill, "client": theme.client_fill}
        line, width = theme.department_line, 1.2
        if self.over_takt:
            line, width = theme.constraint, 3.0
        elif self.constraint:
            width = 2.4
        box, data = heights
        canvas.rects.append(
            Rect(
                x,
                y,
                self.width,
                box,
                fill.get(self.role, theme.department_fill),
                line,
                width,
                self.role,
                self.stop.key,
            )
        )
        middle = x + self.width / 2
        ty = y + (box - self.box_height(big, small) + small) / 2
        for text in self.name:
            canvas.text(middle, ty, text, big, anchor="middle", bold=True, role="name")
            ty += big * LINE
        for text in self.details:
            marked = text == _("over takt")
            colour = theme.constraint if marked else theme.muted
            canvas.text(
                middle, ty, text, small, anchor="middle", bold=marked, colour=colour, role="detail"
            )
            ty += small * LINE
        if self.rows:
            self._data(canvas, x, y + box + small * 1.5, data)

    def _data(self, canvas: Canvas, x: float, y: float, height: float) -> None:
        theme, small = canvas.theme, canvas.small
        canvas.rects.append(
            Rect(
                x,
                y,
                self.width,
                height,
                theme.background,
                theme.department_line,
                1.0,
                "data",
                self.stop.key if self.stop else "",
            )
        )
        ty = y + small * 0.4
        for index, (label, value) in enumerate(self.rows):
            marked = index == 1 and self.over_takt
            colour = theme.constraint if marked else theme.text
            canvas.text(x + small * 0.6, ty, label, small, colour=theme.muted, role="label")
            if self.stacked:
                ty += small * LINE
            canvas.text(
                x + self.width - small * 0.6,
                ty,
                value,
                small,
                anchor="end",
                bold=marked,
                colour=colour,
                role="value",
            )
            ty += small * LINE


@dataclass(frozen=True, slots=True)
class Gap:
    """The space before a step (or before the client): its triangle and its words."""

    lines: tuple[str, ...]
    width: float
    shown: bool
    ladder: str


def wrap_to(text: str, width: float, size: float, *, bold: bool = False) -> tuple[str, ...]:
    """``text`` broken at spaces into lines of at most ``width`` points (a longer word
    stays whole on its own line); a word of one or two letters stays with the next one.

    >>> wrap_to("Urgencias con analítica", 100, 12)
    ('Urgencias con', 'analítica')
    >>> wrap_to("Cuentas y comercial", 60, 12)
    ('Cuentas', 'y comercial')
    """
    words: list[str] = []
    for word in text.split():
        if words and len(words[-1]) <= 2 and " " not in words[-1]:
            words[-1] = f"{words[-1]} {word}"
        else:
            words.append(word)
    lines: list[str] = []
    for word in words:
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, size, bold=bold) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return tuple(lines) or ("",)


def column_for(
    org: Organization,
    flow: FlowReport,
    chain: ChainFlow,
    stop: Stop,
    sizes: tuple[float, float],
    stacked: bool = False,
) -> Column:
    """The column of ``stop``: its box's words, its data rows (``stacked``: label over
    value), its width."""
    big, small = sizes
    if stop.step is None:
        role = "client" if stop.id == org.chains[chain.id].client else "supplier"
        kind = _("client") if role == "client" else _("supplier")
        return _sized(Column(stop, (org.label(stop.id),), (kind,), 0.0, role=role), big, small)
    step = chain.steps[stop.step]
    dept = flow.departments[step.department]
    details = []
    if stop.visits > 1:
        details.append(
            _("visit {visit} of {visits}").format(visit=num(stop.visit), visits=num(stop.visits))
        )
    if step.department == chain.constraint:
        details.append(_("constraint"))
    if step.over_takt:
        details.append(_("over takt"))
    rows = (
        (_("effort"), duration(step.effort_hours)),
        (_("cycle time"), duration(step.cycle_time_hours)),
        (_("headcount"), num(dept.headcount)),
        (_("utilization"), pct(dept.utilization)),
        (_("%C&A in"), _incoming_quality(org, chain, stop)),
    )
    column = Column(
        stop,
        (org.label(step.department),),
        tuple(details),
        0.0,
        rows,
        over_takt=bool(step.over_takt),
        constraint=step.department == chain.constraint,
        ladder=duration(step.effort_hours),
        stacked=stacked,
    )
    return _sized(column, big, small)


def _sized(column: Column, big: float, small: float) -> Column:
    """``column`` as wide as its widest word, detail or data row (at least 7 ems), its
    name wrapped to that width."""
    tokens = wrap_to(" ".join(column.name), 0, big, bold=True)  # one word (or "y word") a line
    words = [text_width(w, big, bold=True) for w in tokens]
    details = [text_width(d, small, bold=True) for d in column.details]
    rows = [
        max(text_width(label, small), text_width(value, small, bold=True))
        if column.stacked
        else text_width(label, small) + text_width(value, small, bold=True) + small
        for label, value in column.rows
    ]
    width = max([small * (5 if column.stacked else 7), *words, *details, *rows]) + small * 1.2
    name = wrap_to(" ".join(column.name), width - small * 1.2, big, bold=True)
    return replace(column, name=name, width=width)


def _incoming_quality(org: Organization, chain: ChainFlow, stop: Stop) -> str:
    """The %C&A of the handoff into the step; ``—`` when the previous step is at the
    same department (no handoff), ``unknown`` when not given."""
    assert stop.step is not None
    model = org.chains[chain.id]
    source = model.supplier if stop.step == 0 else model.steps[stop.step - 1].department
    target = model.steps[stop.step].department
    if source is None or source == target:
        return "—"  # i18n: a dash, no handoff
    return pct(handoff_quality(org).get((source, target)))


def gap_for(chain: ChainFlow, model: Chain, stop: Stop, small: float) -> Gap:
    """The gap before ``stop``: its triangle's words and the wait on the ladder."""
    if stop.step is None:  # before the client: the finished inventory
        units = model.finished_inventory
        wait = chain.finished_wait_hours
        lines = []
        if units:
            lines.append(_("finished {units}").format(units=num(units)))
        shown = bool(units)
    else:
        step = chain.steps[stop.step]
        wait = step.wait_hours or 0.0
        shown = step.wait_source != "none"
        lines = []
        inventory = model.steps[stop.step].inventory
        if step.wait_source == "inventory" and inventory is not None:
            lines.append(_("inventory {units}").format(units=num(inventory)))
        if step.wait_source == "predicted":
            lines.append(_("predicted"))
    waited = duration(step.wait_hours if stop.step is not None else wait)
    if shown:
        lines.append(waited)
    width = max([small * 4, *(text_width(t, small) + small for t in lines)])
    return Gap(tuple(lines), width, shown, waited)


def totals_lines(chain: ChainFlow, hours_per_day: float) -> tuple[str, ...]:
    """The ladder's totals: lead time (in hours, then working days), process time, value
    added, takt.

    >>> from clientchain.analysis.flow import ChainFlow
    >>> flow = ChainFlow("x", "X", 48, 0.5, 2.0, 12.5, 0.16, 1.0, (), None, (), ())
    >>> totals_lines(flow, 24)
    ('lead time 12.5 h', '0.52 working days', 'process time 2 h', 'value added 16%', 'takt 30 min')
    """
    lines = [_("lead time {lead}").format(lead=duration(chain.lead_time_hours))]
    lead = chain.lead_time_hours
    if lead is not None and not math.isinf(lead) and hours_per_day:
        days = lead / hours_per_day
        # TRANSLATORS: the lead time in working days, under the lead time in hours
        lines.append(
            ngettext("{days} working day", "{days} working days", days).format(days=num(days))
        )
    return (
        *lines,
        _("process time {process}").format(process=duration(chain.process_time_hours)),
        _("value added {ratio}").format(ratio=pct(chain.value_added_ratio)),
        _("takt {takt}").format(takt=duration(chain.takt_hours)),
    )
