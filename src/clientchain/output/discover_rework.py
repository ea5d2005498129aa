"""What ``discover`` says of the rework it observed: facts for the summary and the file's
header, the comments on handoffs and departments, and ``--compare``'s quality table.

Nothing here is written for a log with no repeat (no pair passed twice in a case, no
department or activity seen again in a case), so that such a log's output stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from clientchain.i18n import _
from clientchain.numbers import num, pct, plural

if TYPE_CHECKING:
    from clientchain.discover.compare import Comparison, QualityComparison
    from clientchain.discover.query import ObservedEdge
    from clientchain.discover.result import Discovery
    from clientchain.discover.rework import DepartmentReentry

__all__ = [
    "has_rework",
    "quality_comment",
    "quality_json",
    "quality_text",
    "reentry_comment",
    "rework_facts",
]

SHOWN = 3
"""Activities named in the summary line on repeated activities (the most repeated first)."""


def has_rework(d: Discovery) -> bool:
    """Whether some pair was passed again, or some department or activity seen again, in a case."""
    r = d.result
    return (
        any(e.handovers > e.cases > 0 for e in r.edges)
        or any(x.returned for x in r.reentries)
        or bool(r.repeats)
    )


def rework_facts(d: Discovery) -> list[str]:
    """Lines on the rework observed (none for a log without repeats)."""
    if not has_rework(d):
        return []
    r = d.result
    again = [e for e in r.edges if e.handovers > e.cases > 0]
    extra = sum(e.handovers - e.cases for e in again)
    lines = [
        _(
            "rework: {passes} on {pairs} beyond each case's first (quality observed on them); "
            "{returns} sent straight back (A → B → A)"
        ).format(
            passes=plural(extra, "{n} handover", "{n} handovers"),
            pairs=plural(len(again), "{n} pair", "{n} pairs"),
            returns=num(sum(e.returns for e in r.edges)),
        )
    ]
    back = sorted((x for x in r.reentries if x.returned), key=lambda x: (-x.returned, x.department))
    if back:
        lines.append(
            _("cases that came back to a department: {list}").format(
                list=", ".join(
                    _("{name} {returned} of {cases}").format(
                        name=x.department, returned=num(x.returned), cases=num(x.cases)
                    )
                    for x in back
                )
            )
        )
    if r.repeats:
        shown = ", ".join(
            _("{name!r} in {repeated} of {cases}").format(
                name=x.activity, repeated=num(x.repeated), cases=num(x.cases)
            )
            for x in r.repeats[:SHOWN]
        )
        lines.append(
            _("activities done again in a case: {n}, most: {list}").format(
                n=num(len(r.repeats)), list=shown
            )
        )
    return lines


def quality_comment(e: ObservedEdge) -> str:
    """The comment on an observed ``quality:`` line."""
    text = _("observed: {cases} cases in {handovers} handovers, {returns} sent straight back")
    return text.format(cases=num(e.cases), handovers=num(e.handovers), returns=num(e.returns))


def reentry_comment(x: DepartmentReentry) -> str:
    """The comment above a department that cases came back to."""
    return _("{returned} of {cases} cases came back to it ({extra} steps beyond the first)").format(
        returned=num(x.returned), cases=num(x.cases), extra=num(x.extra)
    )


def quality_text(c: Comparison, describe: Callable[[QualityComparison], str]) -> list[str]:
    """``--compare``'s lines on %C&A, declared vs observed (none when the log shows no repeat
    and the declared file rates no handoff it shares with the log)."""
    if not c.quality:
        return []
    lines = [_("quality (%C&A), declared vs observed (cases ÷ handovers):")]
    for q in c.quality:
        counts = {
            "handoff": describe(q),
            "observed": pct(q.observed),
            "cases": num(q.cases),
            "handovers": num(q.handovers),
        }
        if q.declared is None:
            text = _("{handoff}: not rated, observed {observed} ({cases} of {handovers})")
            lines.append("  " + text.format(**counts))
        else:
            text = _("{handoff}: declared {declared}, observed {observed} ({cases} of {handovers})")
            lines.append("  " + text.format(declared=pct(q.declared), **counts))
    return lines


def quality_json(q: QualityComparison) -> dict[str, Any]:
    """One row of ``--compare --format json``'s ``quality``."""
    return {
        "from": q.source,
        "to": q.target,
        "declared_quality": q.declared,
        "observed_quality": q.observed,
        "handovers": q.handovers,
        "cases": q.cases,
        "returns": q.returns,
    }
