"""What the trend says in words, shared by the report (HTML, Markdown) and the deck.

How many versions were read, what changed since the previous period (the attention findings
about the last point, and ``diff`` of the last two versions read) and the forecast.
"""

from __future__ import annotations

from dataclasses import dataclass

from clientchain.analysis.diff import OrgDiff, diff_orgs
from clientchain.checks import check_org
from clientchain.i18n import _, ngettext
from clientchain.trend.result import TrendResult

__all__ = ["TrendSummary", "trend_summary"]


@dataclass(frozen=True, slots=True)
class TrendSummary:
    """``read``: the versions read; ``since``: the previous period read (``None`` with fewer
    than two versions read); ``attention``: the findings about the last point but the
    forecast; ``diff``: the last two versions read; ``forecast``: its sentences, or the one
    that says there is none."""

    read: str
    since: str | None
    attention: tuple[str, ...]
    diff: OrgDiff | None
    forecast: tuple[str, ...]
    forecasts: bool

    @property
    def heading(self) -> str:
        """``What changed since 2026-11`` (empty without a previous period)."""
        if self.since is None:
            return ""
        return _("What changed since {period}").format(period=self.since)


def trend_summary(result: TrendResult) -> TrendSummary:
    """The words of the trend of ``result`` (at least one point)."""
    read = [p for p in result.points if p.ok]
    first, last = result.points[0], result.points[-1]
    span = first.label if first.label == last.label else f"{first.label} … {last.label}"
    line = ngettext("{n} version read, {span}.", "{n} versions read, {span}.", len(read))
    line = line.format(n=len(read), span=span)
    since: str | None = None
    attention: tuple[str, ...] = ()
    change: OrgDiff | None = None
    if len(read) >= 2:
        before, after = read[-2], read[-1]
        assert before.org is not None
        assert after.org is not None
        since = before.label
        attention = tuple(
            f.message
            for f in result.findings
            if dict(f.details).get("period") == after.label and f.rule != "forecast-overload"
        )
        change = diff_orgs(before.org, after.org, check=check_org)
    forecast = tuple(f.message for f in result.findings if f.rule == "forecast-overload")
    none = (_("No department overloads within the horizon at its recent rate."),)
    return TrendSummary(line, since, attention, change, forecast or none, bool(forecast))
