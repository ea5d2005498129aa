"""Rework observed in a log: cases that come back to a department, activities done again,
and handovers sent straight back (ping-pong), with the %C&A they imply.

The counts come from the aggregation query (:mod:`clientchain.discover.query`); this module
holds their types and the estimator, which follows the rework model of
:mod:`clientchain.analysis.rework` (docs/concepts.md, "Rework from quality"): a handoff of
%C&A ``q`` returns each pass independently with probability ``1 − q``, so a unit makes
``1 ÷ q`` passes on average. A handover A → B **returns** when the case's next handover is
B → A. Of ``h`` handovers A → B, ``r`` returned, the observed %C&A is the share of passes that
were not sent back:

    q = (h − r) ÷ h

When every returned case is handed over again (A → B → A → B), ``h − r`` is the number of
cases that passed A → B, and ``1 ÷ q = h ÷ (h − r)`` is their mean number of passes: ``q`` is
the maximum-likelihood estimate of the geometric model.

>>> observed_quality(30, 5)
0.8333333333333334
>>> observed_quality(30, 0), observed_quality(0, 0)
(1.0, None)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ActivityRepeat", "DepartmentReentry", "observed_quality"]


def observed_quality(handovers: int, returns: int) -> float | None:
    """The observed %C&A of a handoff: ``(handovers − returns) ÷ handovers`` (``None``: none)."""
    if handovers <= 0:
        return None
    return (handovers - returns) / handovers


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
