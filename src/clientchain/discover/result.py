"""What ``discover`` found in a log: the :class:`Discovery` result the API returns and
the comparison and formatters take (apart from :mod:`~clientchain.discover.api`, so that
they need not import the entry points)."""

from __future__ import annotations

from dataclasses import dataclass

from clientchain.discover.query import Aggregate, Variant
from clientchain.discover.readers import LoadedLog
from clientchain.model import Organization
from clientchain.units import Period

__all__ = ["Discovery"]


@dataclass(frozen=True, slots=True)
class Discovery:
    """What an event log shows: the aggregate, the chosen chains and the org built from them."""

    source: str
    log: LoadedLog
    period: Period
    result: Aggregate
    chains: tuple[Variant, ...]
    org: Organization
    ids: dict[str, str]  # log department name -> department id

    @property
    def coverage(self) -> float:
        """Share of the cases that follow one of the chosen chains (0 for an empty log)."""
        cases = self.result.totals.cases
        return sum(v.cases for v in self.chains) / cases if cases else 0.0

    @property
    def handovers(self) -> int:
        """All handovers counted."""
        return sum(e.handovers for e in self.result.edges)
