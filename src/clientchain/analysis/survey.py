"""Internal-customer survey results per supplier → client pair and period.

The answers come in as :class:`Responses` (read and checked by :mod:`clientchain.survey`);
:func:`summarize` groups them by period, supplier and client, and for each group gives the
number of answers and, per dimension and overall, the mean, sample standard deviation, a
95 % confidence interval (Student's t), the share of 4s and 5s and the distribution of
scores; the internal NPS where a 0–10 recommend score was asked; and the supplier's rating
of its own work for that client next to the clients' rating, with the gap. Formulas and a
worked example: ``docs/concepts.md`` "Internal-customer survey".

**Anonymity.** A group with fewer answers than ``min_responses`` keeps its count and
nothing else: no statistic, distribution or comment is computed into the result, so no
output can show one. The same holds for each dimension and for the NPS: a number is only
there when it rests on at least ``min_responses`` answers.

>>> from clientchain.model import Department, Handoff, Organization
>>> org = Organization("o", {d: Department(d, d) for d in "ab"}, handoffs=(Handoff("a", "b"),))
>>> answers = tuple(Answer("2026-11", "b", "a", "b", (s,)) for s in (4, 5, 3))
>>> result = summarize(Responses(("overall",), answers), org)
>>> pair = result.pairs[0]
>>> pair.clients.n, pair.clients.overall.mean, round(pair.clients.overall.sd, 3)
(3, 4.0, 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from clientchain.analysis.student import t_quantile
from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.model import Organization

__all__ = [
    "DIMENSIONS",
    "OVERALL",
    "Answer",
    "Nps",
    "PairResult",
    "PairSatisfaction",
    "Rating",
    "Responses",
    "Stats",
    "SurveyResult",
    "nps",
    "satisfaction_by_pair",
    "stats",
    "summarize",
]

DIMENSIONS = ("on_time", "complete_accurate", "responsiveness", "communication", "courtesy")
"""The default dimensions (SERVQUAL-style), in the order outputs show them, besides
:data:`OVERALL`."""

OVERALL = "overall"
"""The dimension that is the overall score when the survey asks it."""

SCORES = (1, 2, 3, 4, 5)
"""The scores of a dimension."""


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: ``rater`` rates ``supplier``'s work for ``client`` in ``period`` (``YYYY-MM``).

    ``scores`` has one entry per :attr:`Responses.dimensions` (``None``: not answered);
    ``recommend`` is the 0–10 score. ``rater == supplier`` is a self-rating.
    """

    period: str
    rater: str
    supplier: str
    client: str
    scores: tuple[int | None, ...]
    recommend: int | None = None
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class Responses:
    """Answers and the dimensions their scores are on (ids; the default ones or column names)."""

    dimensions: tuple[str, ...]
    answers: tuple[Answer, ...]
    recommend: bool = False  # whether the survey asked the 0–10 recommend score


@dataclass(frozen=True, slots=True)
class Stats:
    """Scores of one dimension (or overall) of one group of answers.

    ``sd`` and the interval are ``None`` for a single answer; ``counts`` is the number of
    1s … 5s (``None`` for an overall score that is the mean of the dimensions).
    """

    n: int
    mean: float
    sd: float | None
    ci_low: float | None
    ci_high: float | None
    top_two: float  # share of scores of 4 or more
    counts: tuple[int, ...] | None


@dataclass(frozen=True, slots=True)
class Nps:
    """Internal NPS: ``score`` = (``promoters`` − ``detractors``) × 100, from −100 to 100."""

    n: int
    promoters: float  # share of 9s and 10s
    detractors: float  # share of 0s to 6s
    score: float


@dataclass(frozen=True, slots=True)
class Rating:
    """A group of answers: their number, and, when ``shown`` (at least the threshold), the rest.

    A statistic (a dimension, overall, the NPS) is ``None`` when fewer answers than the
    threshold gave it; a group that is not ``shown`` has none and no comments.
    """

    n: int
    shown: bool
    overall: Stats | None = None
    dimensions: Mapping[str, Stats | None] = field(default_factory=dict)
    nps: Nps | None = None
    comments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PairResult:
    """One supplier → client pair in one period: its clients' rating and its own.

    ``own`` is the supplier's rating of its work for this client (``None`` when it gave
    none); ``gap`` is its overall mean minus the clients', when both are shown.
    """

    period: str
    supplier: str
    client: str
    clients: Rating
    own: Rating | None
    gap: float | None


@dataclass(frozen=True, slots=True)
class SurveyResult:
    """Every pair of every period (sorted by period, supplier, client), and what the org lacks.

    ``undeclared`` lists the (supplier, client) pairs rated with no handoff between them in
    the org file: the survey found a relationship the map does not have. ``answers`` counts
    the answers of the periods shown, self-ratings included.
    """

    dimensions: tuple[str, ...]
    min_responses: int
    periods: tuple[str, ...]
    pairs: tuple[PairResult, ...]
    undeclared: tuple[tuple[str, str], ...]
    answers: int
    recommend: bool = False


@dataclass(frozen=True, slots=True)
class PairSatisfaction:
    """A pair's overall mean from its clients' answers, their number, and the period."""

    mean: float
    n: int
    period: str


def stats(values: Sequence[float], *, counts: bool = True) -> Stats:
    """Mean, sample standard deviation, 95 % t interval, share of 4s and 5s of ``values``.

    >>> s = stats([4, 5, 3, 4])
    >>> s.mean, round(s.sd, 4), round(s.ci_low, 3), round(s.ci_high, 3), s.top_two, s.counts
    (4.0, 0.8165, 2.701, 5.299, 0.75, (0, 0, 1, 2, 1))
    """
    n = len(values)
    count = values.count
    tally: tuple[int, ...] | None = (
        (count(1), count(2), count(3), count(4), count(5)) if counts else None
    )
    if tally is not None and sum(tally) == n:  # whole scores: sums from the five counts
        c1, c2, c3, c4, c5 = tally
        mean = (c1 + 2 * c2 + 3 * c3 + 4 * c4 + 5 * c5) / n
        squares = (
            c1 * (1 - mean) ** 2
            + c2 * (2 - mean) ** 2
            + c3 * (3 - mean) ** 2
            + c4 * (4 - mean) ** 2
            + c5 * (5 - mean) ** 2
        )
        top = (c4 + c5) / n
    else:
        tally = None
        mean = math.fsum(values) / n
        squares = math.fsum((x - mean) ** 2 for x in values)
        top = sum(1 for x in values if x >= 4) / n
    sd = low = high = None
    if n > 1:
        sd = math.sqrt(squares / (n - 1))
        margin = t_quantile(0.975, n - 1) * sd / math.sqrt(n)
        low, high = mean - margin, mean + margin
    return Stats(n, mean, sd, low, high, top, tally)


def nps(values: Sequence[int]) -> Nps:
    """Internal NPS of 0–10 ``values``: % of 9–10 minus % of 0–6.

    >>> nps([10, 9, 8, 6, 10])
    Nps(n=5, promoters=0.6, detractors=0.2, score=40.0)
    """
    n = len(values)
    promoters = sum(1 for v in values if v >= 9) / n
    detractors = sum(1 for v in values if v <= 6) / n
    return Nps(n, promoters, detractors, round((promoters - detractors) * 100, 10))


def summarize(
    responses: Responses,
    org: Organization,
    *,
    min_responses: int = 3,
    period: str | None = None,
) -> SurveyResult:
    """Aggregate ``responses`` per supplier → client pair and period (``period``: that one only).

    Raises
    ------
    UsageError
        ``min_responses`` below 1, or a ``period`` with no answers.
    """
    if min_responses < 1:
        raise UsageError(
            _("--min-responses must be at least 1, got {value}").format(value=min_responses)
        )
    periods = sorted({a.period for a in responses.answers})
    if period is not None and period not in periods:
        raise UsageError(
            _("--period {period}: no answers in that period (the answers cover {periods})").format(
                period=period, periods=", ".join(periods) or _("none")
            )
        )
    groups: dict[tuple[str, str, str, bool], list[Answer]] = {}
    for answer in responses.answers:
        if period is None or answer.period == period:
            own = answer.rater == answer.supplier
            key = (answer.period, answer.supplier, answer.client, own)
            groups.setdefault(key, []).append(answer)
    pairs = []
    for p, supplier, client in sorted({k[:3] for k in groups}):
        clients = _rating(groups.get((p, supplier, client, False), []), responses, min_responses)
        mine = groups.get((p, supplier, client, True))
        rating = _rating(mine, responses, min_responses) if mine else None
        pairs.append(PairResult(p, supplier, client, clients, rating, _gap(rating, clients)))
    declared = {(h.source, h.target) for h in org.handoffs}
    rated = {(supplier, client) for _p, supplier, client, _own in groups}
    return SurveyResult(
        responses.dimensions,
        min_responses,
        tuple(periods if period is None else [period]),
        tuple(pairs),
        tuple(sorted(rated - declared)),
        sum(len(group) for group in groups.values()),
        responses.recommend,
    )


def satisfaction_by_pair(
    responses: Responses,
    org: Organization,
    *,
    min_responses: int = 3,
    period: str | None = None,
) -> dict[tuple[str, str], PairSatisfaction]:
    """The clients' overall mean and number of answers per (supplier, client) pair, for the
    org file's ``satisfaction`` (and ``responses``) of the matching handoff.

    Over one period: ``period`` (``YYYY-MM``) when given, else the last period with answers
    (the latest survey wave, for every pair alike). Only pairs whose clients' overall score
    rests on at least ``min_responses`` answers are in the mapping; self-ratings never
    count. Pairs with no declared handoff are included (the caller decides what to do with
    them). Empty when there are no answers.

    >>> from clientchain.model import Department, Handoff, Organization
    >>> org = Organization("o", {d: Department(d, d) for d in "ab"}, handoffs=(Handoff("a", "b"),))
    >>> rows = [Answer(p, "b", "a", "b", (s,)) for p, s in [("2026-10", 1)] + [("2026-11", 4)] * 3]
    >>> satisfaction_by_pair(Responses(("overall",), tuple(rows)), org)
    {('a', 'b'): PairSatisfaction(mean=4.0, n=3, period='2026-11')}
    """
    if not responses.answers:
        return {}
    chosen = period or max(a.period for a in responses.answers)
    result = summarize(responses, org, min_responses=min_responses, period=chosen)
    return {
        (pair.supplier, pair.client): PairSatisfaction(
            pair.clients.overall.mean, pair.clients.overall.n, chosen
        )
        for pair in result.pairs
        if pair.clients.overall is not None
    }


def _rating(answers: Sequence[Answer], responses: Responses, threshold: int) -> Rating:
    n = len(answers)
    if n < threshold:
        return Rating(n, shown=False)
    # one column of scores per dimension, transposed at C speed; the blanks taken out
    columns = zip(*(a.scores for a in answers), strict=True)
    dimensions = {
        name: _enough(_given(column), threshold, counts=True)
        for name, column in zip(responses.dimensions, columns, strict=True)
    }
    if OVERALL in dimensions:
        overall = dimensions.pop(OVERALL)
    else:
        overall = _enough(list(_answer_means(answers)), threshold, counts=False)
    recommend = [a.recommend for a in answers if a.recommend is not None]
    comments = tuple(sorted(a.comment for a in answers if a.comment))
    return Rating(
        n,
        shown=True,
        overall=overall,
        dimensions=dimensions,
        nps=nps(recommend) if len(recommend) >= threshold else None,
        comments=comments,
    )


def _enough(values: Sequence[float], threshold: int, *, counts: bool) -> Stats | None:
    return stats(values, counts=counts) if len(values) >= threshold else None


def _given(column: Sequence[int | None]) -> Sequence[float]:
    """The scores of a dimension that were given."""
    if None not in column:
        return column  # type: ignore[return-value]
    return [score for score in column if score is not None]


def _answer_means(answers: Iterable[Answer]) -> Iterable[float]:
    """Each answer's mean over the dimensions it scored (an answer with none is left out)."""
    for answer in answers:
        given = [s for s in answer.scores if s is not None]
        if given:
            yield math.fsum(given) / len(given)


def _gap(own: Rating | None, clients: Rating) -> float | None:
    if own is None or own.overall is None or clients.overall is None:
        return None
    return own.overall.mean - clients.overall.mean
