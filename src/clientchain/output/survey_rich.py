"""``clientchain survey`` on a terminal (plain text: :mod:`.survey`).

Per period, one table of pairs (answers, overall mean with its 95 % interval, share of 4s
and 5s, internal NPS, self-rating and gap), one table of the dimensions' means for the pairs
shown, then each pair's comments. Pairs are named by their departments' names (``map`` and
the plain text give the ids). Names and comments go in as :class:`rich.text.Text`, never as
markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from clientchain.analysis.survey import OVERALL
from clientchain.i18n import _
from clientchain.numbers import num, pct, plural
from clientchain.output.rich_common import render
from clientchain.output.survey import dimension_name, signed

if TYPE_CHECKING:
    from rich.console import RenderableType

    from clientchain.analysis.survey import PairResult, Stats
    from clientchain.model import Organization
    from clientchain.output.survey import SurveyReport

__all__ = ["survey_rich"]

_DASH = "—"


def _mean(stats: Stats | None, *, interval: bool = False) -> Text:
    if stats is None:
        return Text(_DASH, style="dim")
    text = Text(num(stats.mean), style=_style(stats.mean))
    if interval and stats.ci_low is not None and stats.ci_high is not None:
        text.append(f" ({num(stats.ci_low)}–{num(stats.ci_high)})", style="dim")
    return text


def _style(mean: float) -> str:
    if mean < 3:
        return "bold red"  # i18n: rich style
    return "green" if mean >= 4 else ""


def _pair(org: Organization, pair: PairResult) -> Text:
    return Text(f"{org.label(pair.supplier)} → {org.label(pair.client)}")


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column(columns[0], overflow="fold", ratio=3)
    for column in columns[1:]:
        table.add_column(column, overflow="fold", min_width=min(len(column), 12))
    return table


def _pairs_table(report: SurveyReport, period: str, pairs: list[PairResult]) -> Table:
    columns = [
        _("supplier → client"),
        _("answers"),
        dimension_name(OVERALL) + " " + _("(95% CI)"),
        _("4s and 5s"),
        _("NPS"),
        _("self-rating"),
        _("gap"),
    ]
    table = _table(_("Period {period}").format(period=period), columns)
    for pair in pairs:
        clients = pair.clients
        own = pair.own
        self_text = _DASH if own is None else num(own.overall.mean) if own.overall else _("too few")
        if not clients.shown:
            few = Text(plural(clients.n, "{n} answer", "{n} answers") + " " + _("(too few)"), "dim")
            table.add_row(_pair(report.org, pair), few, _DASH, _DASH, _DASH, self_text, _DASH)
            continue
        overall = clients.overall
        table.add_row(
            _pair(report.org, pair),
            str(clients.n),
            _mean(overall, interval=True),
            pct(overall.top_two) if overall else _DASH,
            signed(clients.nps.score) if clients.nps else _DASH,
            self_text,
            _DASH if pair.gap is None else signed(pair.gap),
        )
    return table


def _dimensions_table(report: SurveyReport, pairs: list[PairResult]) -> Table | None:
    others = [d for d in report.result.dimensions if d != OVERALL]
    shown = [p for p in pairs if p.clients.shown]
    if not others or not shown:
        return None
    table = _table(
        _("Mean per dimension"), [_("supplier → client"), *(dimension_name(d) for d in others)]
    )
    for pair in shown:
        table.add_row(
            _pair(report.org, pair), *(_mean(pair.clients.dimensions.get(d)) for d in others)
        )
    return table


def survey_rich(report: SurveyReport, width: int) -> str:
    """``clientchain survey`` as tables, then comments and undeclared relationships."""
    result, org = report.result, report.org
    parts: list[RenderableType] = [
        Text(
            _("{answers}; a pair is shown from {threshold}").format(
                answers=plural(result.answers, "{n} answer", "{n} answers"),
                threshold=plural(result.min_responses, "{n} answer", "{n} answers"),
            ),
            style="bold",
        )
    ]
    for period in result.periods:
        pairs = [p for p in result.pairs if p.period == period]
        parts.append(_pairs_table(report, period, pairs))
        dimensions = _dimensions_table(report, pairs)
        if dimensions is not None:
            parts.append(dimensions)
        for pair in (p for p in pairs if p.clients.comments):
            parts.append(Text(_("Comments on {pair}").format(pair=_pair(org, pair)), "bold"))
            parts += [Text(f"  “{c}”") for c in pair.clients.comments]  # i18n: quotes
    if result.undeclared:
        parts.append(
            Text(_("undeclared relationships (rated, but no handoff in the org file):"), "yellow")
        )
        parts += [Text(f"  {org.describe(s)} → {org.describe(c)}") for s, c in result.undeclared]
    return render(parts, width)
