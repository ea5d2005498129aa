"""A handoff misses what its client requires of it (``requires:``).

A handoff may state the internal client's requirements — the longest ``lead_time`` it
accepts, the least ``quality`` (%C&A) and the least ``satisfaction`` — as an internal
service level agreed between the two departments. Each requirement the handoff's own
declared value misses is one finding, with both numbers: a lead time longer than
required, a %C&A or a satisfaction below it. A requirement whose value the file does not
give is not judged. Meet the requirement (fix the cause with the supplier, re-measure) or
agree a new one with the client and change ``requires:``.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.analysis.quality import requirement_misses
from clientchain.checks.base import Finding, Severity, finding
from clientchain.i18n import _
from clientchain.model import Handoff, Organization
from clientchain.numbers import duration, num, pct

__all__ = ["ID", "SEVERITY", "check", "misses"]

ID = "requirement-missed"
SEVERITY = Severity.WARNING


def misses(handoff: Handoff) -> list[tuple[str, float, float]]:
    """``(what, value, required)`` for each requirement of ``handoff`` its declared value
    misses (:func:`clientchain.analysis.quality.requirement_misses`)."""
    return requirement_misses(handoff)


def _message(org: Organization, handoff: Handoff, what: str, value: float, need: float) -> str:
    names = {"source": org.describe(handoff.source), "target": org.describe(handoff.target)}
    if what == "lead_time":
        return _(
            "The handoff from {source} to {target} takes {value}; its client requires "
            "at most {required}."
        ).format(**names, value=duration(value), required=duration(need))
    if what == "quality":
        return _(
            "The handoff from {source} to {target} arrives {value} complete and accurate; "
            "its client requires at least {required}."
        ).format(**names, value=pct(value), required=pct(need))
    # TRANSLATORS: value and required are 1-5 satisfaction ratings, "3.5"
    return _(
        "The handoff from {source} to {target} is rated {value} by its client, who "
        "requires at least {required}."
    ).format(**names, value=num(value), required=num(need))


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per requirement a handoff misses, in file order."""
    for handoff in org.handoffs:
        for what, value, need in misses(handoff):
            yield finding(
                org,
                ID,
                SEVERITY,
                f"{handoff.source}->{handoff.target}",
                _message(org, handoff, what, value, need),
                handoff.requires.location if handoff.requires else handoff.location,
            )
