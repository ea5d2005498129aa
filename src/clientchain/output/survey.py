"""``clientchain survey``: aggregates per supplier → client pair, as text, JSON or Markdown.

A pair below the threshold reads "too few answers" and nothing else: the result holds no
number for it (:mod:`clientchain.analysis.survey`), so no format can leak one. JSON fields:
docs/commands.md "survey" (means and intervals on the 1–5 scale, shares as fractions, the
NPS from −100 to 100).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clientchain.analysis.survey import OVERALL, SurveyResult
from clientchain.i18n import N_, _, ngettext
from clientchain.numbers import num, pct, plural, rating
from clientchain.output.common import dumps

if TYPE_CHECKING:
    from clientchain.analysis.survey import Nps, PairResult, Rating, Stats
    from clientchain.loading.update import UpdateResult
    from clientchain.model import Organization

__all__ = [
    "DIMENSION_WORDS",
    "PeriodTable",
    "SurveyReport",
    "dimension_name",
    "nps_text",
    "pair_heading",
    "period_tables",
    "signed",
    "stats_text",
    "survey_json",
    "survey_markdown",
    "survey_summary",
    "survey_text",
    "too_few",
    "undeclared_warnings",
    "update_lines",
]


@dataclass(frozen=True, slots=True)
class SurveyReport:
    """What ``clientchain survey`` shows: the org, the answers' file name, the aggregates."""

    org: Organization
    source: str
    result: SurveyResult


DIMENSION_WORDS = {
    "on_time": N_("on time"),
    "complete_accurate": N_("complete and accurate"),
    "responsiveness": N_("responsiveness"),
    "communication": N_("communication"),
    "courtesy": N_("courtesy"),
    OVERALL: N_("overall"),
}
"""How the default dimensions read; another dimension reads as its column."""


def dimension_name(dimension: str) -> str:
    """The dimension's name in the language in force (a custom one: its column name)."""
    if dimension in DIMENSION_WORDS:
        return _(DIMENSION_WORDS[dimension])  # i18n: N_ table
    return dimension


def too_few(rating: Rating, threshold: int) -> str:
    """``'2 answers: too few answers (fewer than 3)'``."""
    return _("{answers}: too few answers (fewer than {threshold})").format(
        answers=plural(rating.n, "{n} answer", "{n} answers"), threshold=num(threshold)
    )


def stats_text(stats: Stats | None) -> str:
    """``'mean 4, sd 1, 95% CI 1.52–6.48, 4s and 5s 66.7%, scores 1–5: 0/0/1/1/1'``."""
    if stats is None:
        return _("too few answers")
    if stats.sd is None or stats.ci_low is None or stats.ci_high is None:
        spread = _("sd not defined (one answer)")
    else:
        spread = _("sd {sd}, 95% CI {low}–{high}").format(
            sd=num(stats.sd), low=num(stats.ci_low), high=num(stats.ci_high)
        )
    text = _("mean {mean}, {spread}, 4s and 5s {top}").format(
        mean=num(stats.mean), spread=spread, top=pct(stats.top_two)
    )
    if stats.counts is not None:
        text += ", " + _("scores 1–5: {counts}").format(
            counts="/".join(str(c) for c in stats.counts)
        )
    return text


def nps_text(nps: Nps) -> str:
    """``'+33.3 (3 answers: 66.7% promoters, 33.3% detractors)'``."""
    return _("{score} ({answers}: {promoters} promoters, {detractors} detractors)").format(
        score=signed(nps.score),
        answers=plural(nps.n, "{n} answer", "{n} answers"),
        promoters=pct(nps.promoters),
        detractors=pct(nps.detractors),
    )


def signed(value: float) -> str:
    """``+0.47``, ``−40``, ``0``: a gap or an NPS with its sign."""
    return ("+" if value > 0 else "−" if value < 0 else "") + num(abs(value))


def pair_heading(org: Organization, pair: PairResult) -> str:
    """``'Creatividad (creatividad) → Redes sociales (redes)'``."""
    return f"{org.describe(pair.supplier)} → {org.describe(pair.client)}"


def _rating_lines(rating: Rating, dimensions: tuple[str, ...], indent: str) -> list[str]:
    lines = [f"{indent}{dimension_name(OVERALL)}: {stats_text(rating.overall)}"]
    lines += [
        f"{indent}{dimension_name(d)}: {stats_text(rating.dimensions.get(d))}"
        for d in dimensions
        if d != OVERALL
    ]
    return lines


def survey_text(report: SurveyReport) -> str:
    """Per period, each pair with its answers, statistics, NPS, self-rating and comments."""
    result, org = report.result, report.org
    lines = [_summary(report)]
    for period in result.periods:
        lines.append(_("period {period}:").format(period=period))
        for pair in (p for p in result.pairs if p.period == period):
            lines.append(f"  {pair_heading(org, pair)}:")
            lines += _pair_lines(pair, result.dimensions, result.min_responses)
    lines += _undeclared_lines(org, result.undeclared)
    return "\n".join(lines)


def _summary(report: SurveyReport) -> str:
    result = report.result
    return _("{source}: {answers}, {pairs}; a pair is shown from {threshold}").format(
        source=report.source,
        answers=plural(result.answers, "{n} answer", "{n} answers"),
        pairs=plural(len(result.pairs), "{n} pair", "{n} pairs"),
        threshold=plural(result.min_responses, "{n} answer", "{n} answers"),
    )


def _answers(rating: Rating, threshold: int) -> str:
    """``'5 answers'``, or ``'2 answers: too few answers (fewer than 3)'``."""
    if not rating.shown:
        return too_few(rating, threshold)
    return plural(rating.n, "{n} answer", "{n} answers")


def _pair_lines(pair: PairResult, dimensions: tuple[str, ...], threshold: int) -> list[str]:
    clients, own = pair.clients, pair.own
    lines = ["    " + _("clients: {answers}").format(answers=_answers(clients, threshold))]
    if clients.shown:
        lines += _rating_lines(clients, dimensions, "      ")
        if clients.nps is not None:
            lines.append("      " + _("internal NPS: {nps}").format(nps=nps_text(clients.nps)))
    if own is not None:
        text = _("self-rating: {answers}").format(answers=_answers(own, threshold))
        if own.overall is not None:
            text = _("self-rating: {answers}; overall {mean}").format(
                answers=_answers(own, threshold), mean=num(own.overall.mean)
            )
        lines.append("    " + text)
        if pair.gap is not None:
            lines.append(
                "      " + _("gap (self minus clients): {gap}").format(gap=signed(pair.gap))
            )
    if clients.comments:
        lines.append("    " + _("comments:"))
        lines += [f"      “{comment}”" for comment in clients.comments]  # i18n: quotes
    return lines


def _undeclared_lines(org: Organization, pairs: tuple[tuple[str, str], ...]) -> list[str]:
    if not pairs:
        return []
    lines = [_("undeclared relationships (rated, but no handoff in the org file):")]
    lines += [f"  {org.describe(s)} → {org.describe(c)}" for s, c in pairs]
    return lines


def update_lines(org_file: str, result: UpdateResult) -> list[str]:
    """What ``survey --update`` wrote into ``org_file``: one line a handoff, then a summary."""
    lines = []
    for change in result.changes:
        before = "–" if change.old_satisfaction is None else num(change.old_satisfaction)
        # TRANSLATORS: a handoff survey --update wrote: "org.yaml:31: a → b: satisfaction 3.5 → 4"
        lines.append(
            _("{file}:{line}: {supplier} → {client}: satisfaction {before} → {after}").format(
                file=org_file,
                line=change.line,
                supplier=change.source,
                client=change.target,
                before=before,
                after=rating(change.satisfaction, change.answers),
            )
        )
    for supplier, client in result.not_found:
        lines.append(
            _(
                "{supplier} → {client}: no handoff in the file to write it to (left as it is)"
            ).format(supplier=supplier, client=client)
        )
    if not result.changed:
        lines.append(_("{file}: nothing to update").format(file=org_file))
    else:
        lines.append(
            ngettext(
                "updated {file}: {n} handoff", "updated {file}: {n} handoffs", len(result.changes)
            ).format(file=org_file, n=num(len(result.changes)))
        )
    return lines


def undeclared_warnings(report: SurveyReport) -> list[str]:
    """One warning line per pair rated with no handoff declared, for standard error."""
    org = report.org
    return [
        _(
            "warning: {supplier} → {client} is rated but the org file declares no handoff "
            "between them (an undeclared relationship)"
        ).format(supplier=org.describe(s), client=org.describe(c))
        for s, c in report.result.undeclared
    ]


@dataclass(frozen=True, slots=True)
class PeriodTable:
    """One period of the survey as a table: its heading, the header, a row a pair, and the
    comments of the pairs that meet the threshold (``(pair, comments)``)."""

    heading: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    comments: tuple[tuple[str, tuple[str, ...]], ...]


def period_tables(report: SurveyReport) -> list[PeriodTable]:
    """The survey as tables, a period each (``survey --format markdown`` and the report)."""
    result, org = report.result, report.org
    others = [d for d in result.dimensions if d != OVERALL]
    header = [
        _("Supplier → client"),
        _("Answers"),
        _capital(dimension_name(OVERALL)),
        *(_capital(dimension_name(d)) for d in others),
        _("4s and 5s"),
        _("Internal NPS"),
        _("Self-rating"),
        _("Gap"),
    ]
    tables = []
    for period in result.periods:
        pairs = [p for p in result.pairs if p.period == period]
        rows = tuple(
            (pair_heading(org, pair), *_markdown_row(pair, others, result.min_responses))
            for pair in pairs
        )
        comments = tuple(
            (pair_heading(org, pair), pair.clients.comments)
            for pair in pairs
            if pair.clients.comments
        )
        heading = _("Period {period}").format(period=period)
        tables.append(PeriodTable(heading, tuple(header), rows, comments))
    return tables


def survey_summary(report: SurveyReport) -> str:
    """``'answers.csv: 11 answers, 3 pairs; a pair is shown from 3 answers'``."""
    return _summary(report)


def survey_markdown(report: SurveyReport) -> str:
    """A heading per period, one table of pairs (overall and each dimension), then comments."""
    result, org = report.result, report.org

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["# " + _("Internal-customer survey"), "", cell(_summary(report)), ""]
    for table in period_tables(report):
        lines += ["## " + table.heading, ""]
        header = table.header
        lines += ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in table.rows]
        if table.comments:
            lines += ["", "### " + _("Comments"), ""]
            for name, comments in table.comments:
                lines.append(f"- **{cell(name)}**")  # i18n: Markdown syntax
                lines += [f"  - {cell(c)}" for c in comments]
        lines.append("")
    if result.undeclared:
        lines += ["## " + _("Undeclared relationships"), ""]
        lines += [
            f"- {cell(org.describe(s))} → {cell(org.describe(c))}" for s, c in result.undeclared
        ]
        lines.append("")
    return "\n".join(lines)


def _capital(text: str) -> str:
    """A table header: ``'On time'``."""
    return text[:1].upper() + text[1:]


def _mean_ci(stats: Stats | None) -> str:
    if stats is None:
        return "—"
    if stats.ci_low is None or stats.ci_high is None:
        return num(stats.mean)
    return f"{num(stats.mean)} ({num(stats.ci_low)}–{num(stats.ci_high)})"


def _markdown_row(pair: PairResult, others: list[str], threshold: int) -> list[str]:
    clients = pair.clients
    if not clients.shown:
        blank = ["—"] * (len(others) + 2)  # the other dimensions, 4s and 5s, NPS
        return [str(clients.n), too_few(clients, threshold), *blank, _own(pair), "—"]
    overall = clients.overall
    return [
        str(clients.n),
        _mean_ci(overall),
        *(_mean_ci(clients.dimensions.get(d)) for d in others),
        pct(overall.top_two) if overall else "—",
        signed(clients.nps.score) if clients.nps else "—",
        _own(pair),
        signed(pair.gap) if pair.gap is not None else "—",
    ]


def _own(pair: PairResult) -> str:
    own = pair.own
    if own is None:
        return "—"
    if own.overall is None:
        return _("too few answers")
    return num(own.overall.mean)


def _stats_dict(stats: Stats | None) -> dict[str, Any] | None:
    if stats is None:
        return None
    # i18n: JSON keys are the machine contract, the same in every language
    return {
        "n": stats.n,
        "mean": stats.mean,
        "sd": stats.sd,
        "ci_low": stats.ci_low,
        "ci_high": stats.ci_high,
        "top_two": stats.top_two,
        "counts": list(stats.counts) if stats.counts is not None else None,
    }


def _rating_dict(rating: Rating, dimensions: tuple[str, ...]) -> dict[str, Any]:
    # i18n: JSON keys are the machine contract, the same in every language
    document: dict[str, Any] = {
        "responses": rating.n,
        "too_few_answers": not rating.shown,
    }
    if not rating.shown:
        return document
    nps = rating.nps
    document["overall"] = _stats_dict(rating.overall)
    document["dimensions"] = {
        d: _stats_dict(rating.dimensions.get(d)) for d in dimensions if d != OVERALL
    }
    document["nps"] = (
        None
        if nps is None
        else {
            "n": nps.n,
            "promoters": nps.promoters,
            "detractors": nps.detractors,
            "score": nps.score,
        }
    )
    document["comments"] = list(rating.comments)
    return document


def survey_json(report: SurveyReport) -> str:
    """The document of docs/commands.md "survey"."""
    result = report.result
    dims = result.dimensions
    # i18n: JSON keys are the machine contract, the same in every language
    return dumps(
        {
            "source": report.source,
            "min_responses": result.min_responses,
            "answers": result.answers,
            "dimensions": [d for d in dims if d != OVERALL],
            "overall_asked": OVERALL in dims,
            "periods": list(result.periods),
            "pairs": [
                {
                    "period": pair.period,
                    "supplier": pair.supplier,
                    "client": pair.client,
                    **_rating_dict(pair.clients, dims),
                    "self_rating": None if pair.own is None else _rating_dict(pair.own, dims),
                    "gap": pair.gap,
                }
                for pair in result.pairs
            ],
            "undeclared_relationships": [
                {"supplier": s, "client": c} for s, c in result.undeclared
            ],
        }
    )
