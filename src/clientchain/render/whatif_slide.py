"""The what-if slide (``slides --scenario future.yaml``): before and after side by side.

One table: the constraint and the headroom of both versions, then each department
whose utilization changed and each chain whose lead time changed, the largest
changes first, as many as the slide holds (:data:`WHATIF_ROWS`); a note says how
many more changed. Every number comes from the analysis:
:func:`~clientchain.analysis.flow.analyze_flow` of both versions and the metric
changes of :func:`~clientchain.analysis.diff.diff_orgs`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from clientchain.analysis.flow import FlowReport
from clientchain.i18n import _
from clientchain.numbers import factor, lead_time, or_unknown, pct, plural
from clientchain.render.pptx_shapes import Area, add_table, set_notes, text_box
from clientchain.render.pptx_template import content_slide

if TYPE_CHECKING:
    from clientchain.analysis.diff import MetricDelta, OrgDiff
    from clientchain.model import Organization
    from clientchain.render.pptx_template import Frame
    from clientchain.render.theme import Theme

__all__ = ["WHATIF_ROWS", "Scenario", "whatif_rows", "whatif_slide"]

WHATIF_ROWS = 12
"""Rows of the what-if table under its header: the constraint, the headroom, ten changes."""
_INCH = 72.0


@dataclass(frozen=True, slots=True)
class Scenario:
    """A what-if to show beside the deck's flow: its name, the future's flow (from
    :func:`~clientchain.analysis.flow.analyze_flow`) and what changed
    (:func:`~clientchain.analysis.diff.diff_orgs` of the current and the future org)."""

    name: str
    after: FlowReport
    change: OrgDiff


def _constraint(flow: FlowReport, org: Organization) -> str:
    if flow.constraint is None:
        return "—"  # i18n: a dash, no value
    return _("{name} at {utilization}").format(
        name=org.label(flow.constraint), utilization=pct(flow.max_utilization)
    )


def _changed(change: MetricDelta) -> float:
    """How much ``change`` moved, for ranking: relative for lead times."""
    old, new = change.old or 0.0, change.new or 0.0
    if change.metric == "lead_time_hours":
        return abs(new - old) / max(abs(old), 1e-9)
    return abs(new - old)


def whatif_rows(
    org: Organization, before: FlowReport, scenario: Scenario
) -> tuple[list[tuple[str, str, str]], int]:
    """The table's rows (label, before, after) and how many changes did not fit."""
    after, future = scenario.after, scenario.change.new
    rows = [
        (_("Constraint"), _constraint(before, org), _constraint(after, future)),
        (
            _("Headroom"),
            or_unknown(before.headroom, factor),
            or_unknown(after.headroom, factor),
        ),
    ]
    wanted = [
        m
        for m in scenario.change.metrics
        if m.metric in ("utilization", "lead_time_hours") and m.old_present and m.new_present
    ]
    wanted.sort(key=_changed, reverse=True)
    room = WHATIF_ROWS - len(rows)
    for change in wanted[:room]:
        if change.metric == "utilization":
            name = future.label(change.id) if change.id in future.departments else change.id
            # TRANSLATORS: a row of the what-if slide: "Creatividad: utilization"
            label = _("{name}: utilization").format(name=name)
            rows.append((label, pct(change.old), pct(change.new)))
        else:
            chain = future.chains.get(change.id)
            # TRANSLATORS: a row of the what-if slide: "Infografía: lead time"
            label = _("{name}: lead time").format(name=chain.name if chain else change.id)
            per_day = after.hours_per_day
            rows.append((label, lead_time(change.old, per_day), lead_time(change.new, per_day)))
    return rows, max(0, len(wanted) - room)


def whatif_slide(
    frame: Frame, theme: Theme, org: Organization, before: FlowReport, scenario: Scenario
) -> None:
    """The what-if slide of ``scenario`` against ``org``'s flow ``before``."""
    # TRANSLATORS: the what-if slide's title; {scenario} is the scenario file's name
    title = _("What if: {scenario}").format(scenario=scenario.name)
    slide, top = content_slide(frame, theme, title)
    rows, left_out = whatif_rows(org, before, scenario)
    header = ("", _("Before"), _("After"))
    area = Area(0.4 * _INCH, top + 0.3 * _INCH, frame.width - 0.8 * _INCH, 0)
    area = replace(area, height=frame.height - area.top - 0.5 * _INCH)
    bold = [True, True] + [False] * (len(rows) - 1)
    table = add_table(slide, area, [header, *rows], bold, WHATIF_ROWS + 1, 16.0)
    table.name = "what-if table"  # i18n: shape name, a machine key
    if left_out:
        note = plural(
            left_out,
            # TRANSLATORS: "clientchain diff" is a command; keep it as it is
            "and {n} more change; clientchain diff lists them all",
            "and {n} more changes; clientchain diff lists them all",
        )
        below = Area(0.4 * _INCH, frame.height - 0.45 * _INCH, area.width, 0.35 * _INCH)
        text_box(slide, below, note, theme, 12, smallest=8, tight=True)
    set_notes(slide, "\n".join(" · ".join(row) for row in rows))
