"""Rework observed in a log: handoffs a case passes more than once, handovers sent straight
back (ping-pong), cases that come back to a department and activities done again, with the
%C&A they imply.

The counts come from the aggregation query (:mod:`clientchain.discover.query`); this module
holds their types and the estimator, which follows the rework model of
:mod:`clientchain.analysis.rework` (docs/concepts.md, "Rework from quality"): a handoff of
%C&A ``q`` returns each pass independently with probability ``1 − q``, so a unit makes
``1 ÷ q`` passes on average. A log shows, for a pair A → B, its ``h`` handovers and the
``c`` cases that made at least one; ``h ÷ c`` is the mean number of passes of a case, so
the observed %C&A is

    q = c ÷ h

(the maximum-likelihood estimate of the geometric model: ``1 ÷ q`` passes). A ping-pong
A → B → A is counted too (``returns``), but is not the estimate: a department that asks
another for advice and gets it back makes one with no rework at all.

>>> observed_quality(30, 25)
0.8333333333333334
>>> observed_quality(30, 30), observed_quality(0, 0)
(1.0, None)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ActivityRepeat", "DepartmentReentry", "observed_quality"]


def observed_quality(handovers: int, cases: int) -> float | None:
    """The observed %C&A of a pair: ``cases ÷ handovers`` (``None`` when it has none)."""
    if handovers <= 0:
        return None
    return cases / handovers


@dataclass(frozen=True, slots=True)
class DepartmentReentry:
    """How often cases came back to a department: ``cases`` passed through it in ``visits``
    separate steps; ``returned`` of them had more than one step there."""

    department: str
    cases: int
    returned: int
    visits: int

    @property
    def extra(self) -> int:
        """The steps beyond each case's first: ``visits − cases``."""
        return self.visits - self.cases


@dataclass(frozen=True, slots=True)
class ActivityRepeat:
    """An activity done more than once within a case: of the ``cases`` that did it,
    ``repeated`` did it more than once; ``done`` is how often it was done in all."""

    activity: str
    cases: int
    repeated: int
    done: int
