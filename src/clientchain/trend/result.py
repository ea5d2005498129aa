"""The result of ``clientchain trend``: the points, the attention findings, the exit code."""

from __future__ import annotations

from dataclasses import dataclass

from clientchain.checks.base import Finding, Severity
from clientchain.trend.series import Point

__all__ = ["TrendResult"]


@dataclass(frozen=True, slots=True)
class TrendResult:
    """The points of the series, oldest first, and the attention findings.

    ``loaded`` counts the versions actually loaded (identical contents once).
    """

    points: tuple[Point, ...]
    findings: tuple[Finding, ...]
    every: str
    loaded: int = 0

    @property
    def latest(self) -> tuple[Finding, ...]:
        """The findings about the last point (its transition and the forecast)."""
        if not self.points:
            return ()
        label = self.points[-1].label
        return tuple(f for f in self.findings if dict(f.details).get("period") == label)

    def exit_code(self, fail_on: Severity) -> int:
        """2 when the last version cannot be read; 1 when a finding about the last point
        is at or above ``fail_on``; else 0."""
        if self.points and not self.points[-1].ok:
            return 2
        return 1 if any(f.severity >= fail_on for f in self.latest) else 0
