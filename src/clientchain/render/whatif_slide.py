"""The what-if slide (``slides --scenario future.yaml``): before and after side by side.

One table: the constraint, the headroom and each chain's lead time in both versions,
then each department whose utilization changed, the largest change first, as many
as the slide holds (:data:`WHATIF_ROWS`); a note says how many more changed. Every
number comes from the analysis: :func:`~clientchain.analysis.flow.analyze_flow` of
both versions and the metric changes of :func:`~clientchain.analysis.diff.diff_orgs`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from clientchain.analysis.flow import FlowReport
from clientchain.i18n import _
from clientchain.numbers import factor, lead_time, or_unknown, pct, plural
from clientchain.render.pptx_shapes import Area, set_notes, text_box
from clientchain.render.pptx_table import add_table
from clientchain.render.pptx_template import content_slide

if TYPE_CHECKING:
    from clientchain.analysis.diff import MetricDelta, OrgDiff
    from clientchain.model import Organization
    from clientchain.render.pptx_template import Frame
    from clientchain.render.theme import Theme

__all__ = ["WHATIF_ROWS", "Scenario", "whatif_rows", "whatif_slide"]

WHATIF_ROWS = 12
"""Rows of the what-if table under its header: the constraint, the headroom, each chain's
lead time, then the utilizations that changed, the largest change first."""
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
    """How much a utilization moved, for ranking."""
    return abs((change.new or 0.0) - (change.old or 0.0))


def whatif_rows(
    org: Organization, before: FlowReport, scenario: Scenario, chains: Sequence[str]
) -> tuple[list[tuple[str, str, str]], int]:
    """The table's rows (label, before, after) for the deck's ``chains``, and how many
    changed utilizations did not fit."""
    after, future = scenario.after, scenario.change.new
    rows = [
        (_("Constraint"), _constraint(before, org), _constraint(after, future)),
        (
            _("Headroom"),
            or_unknown(before.headroom, factor),
            or_unknown(after.headroom, factor),
        ),
    ]
    per_day = after.hours_per_day
    for chain_id in chains:
        was, now = before.chains.get(chain_id), after.chains.get(chain_id)
        if was is not None and now is not None:
            # TRANSLATORS: a row of the what-if slide: "Infografía: lead time"
            label = _("{name}: lead time").format(name=now.name)
            rows.append(
                (
                    label,
                    lead_time(was.lead_time_hours, per_day),
                    lead_time(now.lead_time_hours, per_day),
                )
            )
    wanted = [
        m
        for m in scenario.change.metrics
        if m.metric == "utilization" and m.kind == "department" and m.old_present and m.new_present
    ]
    wanted.sort(key=_changed, reverse=True)
    room = max(0, WHATIF_ROWS - len(rows))
    for change in wanted[:room]:
        name = future.label(change.id)
        # TRANSLATORS: a row of the what-if slide: "Creatividad: utilization"
        label = _("{name}: utilization").format(name=name)
        rows.append((label, pct(change.old), pct(change.new)))
    return rows, max(0, len(wanted) - room)


def whatif_slide(
    frame: Frame,
    theme: Theme,
    org: Organization,
    before: FlowReport,
    shown: tuple[Scenario, Sequence[str]],
) -> None:
    """The what-if slide of a scenario against ``org``'s flow ``before``, with the lead
    times of the deck's chains (``shown`` is both)."""
    scenario, chains = shown
    # TRANSLATORS: the what-if slide's title; {scenario} is the scenario file's name
    title = _("What if: {scenario}").format(scenario=scenario.name)
    slide, top = content_slide(frame, theme, title)
    rows, left_out = whatif_rows(org, before, scenario, chains)
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
