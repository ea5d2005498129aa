"""The survey aggregation: hand-computed statistics, NPS, self-rating gap, anonymity.

The numbers are those of docs/concepts.md "Internal-customer survey", worked by hand.
"""

from __future__ import annotations

import math

import pytest

from clientchain.analysis.survey import (
    Answer,
    Responses,
    satisfaction_by_pair,
    stats,
    summarize,
)
from clientchain.errors import UsageError
from clientchain.model import Department, Handoff, Organization

ORG = Organization(
    "Agencia",
    {d: Department(d, d.title()) for d in ("contenido", "creatividad", "redes", "medios")},
    handoffs=(Handoff("creatividad", "redes"), Handoff("contenido", "creatividad")),
)
DIMS = ("on_time", "overall")

# Redes rates Creatividad five times in 2026-11 (overall 5, 4, 4, 3, 5; recommend 10, 9, 7,
# 6, 10); Creatividad rates its own work for Redes three times (overall 5, 5, 4).
CLIENTS = [
    Answer("2026-11", "redes", "creatividad", "redes", (4, 5), 10, "Muy claro"),
    Answer("2026-11", "redes", "creatividad", "redes", (5, 4), 9, None),
    Answer("2026-11", "redes", "creatividad", "redes", (4, 4), 7, "Llega tarde a veces"),
    Answer("2026-11", "redes", "creatividad", "redes", (2, 3), 6, None),
    Answer("2026-11", "redes", "creatividad", "redes", (None, 5), 10, None),
]
OWN = [Answer("2026-11", "creatividad", "creatividad", "redes", (5, s)) for s in (5, 5, 4)]
# Medios rates Creatividad twice: below the threshold of 3.
FEW = [
    Answer("2026-11", "medios", "creatividad", "medios", (1, 1), 0, "Secreto de Medios"),
    Answer("2026-11", "medios", "creatividad", "medios", (2, 2), 3, None),
]
RESPONSES = Responses(DIMS, tuple(CLIENTS + OWN + FEW), recommend=True)


def _pair(result, supplier, client):
    (pair,) = [p for p in result.pairs if (p.supplier, p.client) == (supplier, client)]
    return pair


def test_overall_statistics_worked_by_hand() -> None:
    pair = _pair(summarize(RESPONSES, ORG), "creatividad", "redes")
    overall = pair.clients.overall
    assert overall is not None
    # n = 5, mean = (5 + 4 + 4 + 3 + 5) / 5 = 21 / 5 = 4.2
    assert (overall.n, overall.mean) == (5, pytest.approx(4.2))
    # squared deviations 0.64 + 0.04 + 0.04 + 1.44 + 0.64 = 2.8; s² = 2.8 / 4 = 0.7
    assert overall.sd == pytest.approx(math.sqrt(0.7))  # 0.8367
    # t(0.975, 4) = 2.776; margin = 2.776 × 0.8367 / √5 = 1.0389 → 3.161 … 5.239
    assert round(overall.ci_low, 3) == 3.161
    assert round(overall.ci_high, 3) == 5.239
    # four of five answers are 4 or 5; one 3, two 4s, two 5s
    assert overall.top_two == pytest.approx(0.8)
    assert overall.counts == (0, 0, 1, 2, 2)


def test_a_dimension_counts_only_the_answers_that_scored_it() -> None:
    on_time = _pair(summarize(RESPONSES, ORG), "creatividad", "redes").clients.dimensions["on_time"]
    assert on_time is not None
    # four scores (4, 5, 4, 2): mean 15 / 4 = 3.75; three of the four (4, 5, 4) are 4 or 5
    assert (on_time.n, on_time.mean, on_time.top_two) == (4, 3.75, 0.75)


def test_internal_nps_worked_by_hand() -> None:
    nps = _pair(summarize(RESPONSES, ORG), "creatividad", "redes").clients.nps
    assert nps is not None
    # 10, 9, 10 promoters (3 of 5 = 60 %); 6 a detractor (1 of 5 = 20 %); 7 passive
    assert (nps.promoters, nps.detractors) == (0.6, 0.2)
    assert nps.score == 40.0  # 60 − 20


def test_self_rating_and_gap() -> None:
    pair = _pair(summarize(RESPONSES, ORG), "creatividad", "redes")
    assert pair.own is not None
    assert pair.own.overall is not None
    # self: (5 + 5 + 4) / 3 = 4.667; clients 4.2; gap = 14/3 − 21/5 = 7/15 = 0.467
    assert pair.own.overall.mean == pytest.approx(14 / 3)
    assert pair.gap == pytest.approx(7 / 15)
    assert pair.clients.n == 5  # the self-ratings are not the clients'


def test_comments_are_sorted_and_only_where_the_threshold_is_met() -> None:
    result = summarize(RESPONSES, ORG)
    assert _pair(result, "creatividad", "redes").clients.comments == (
        "Llega tarde a veces",
        "Muy claro",
    )
    few = _pair(result, "creatividad", "medios").clients
    assert (few.n, few.shown) == (2, False)
    assert (few.overall, dict(few.dimensions), few.nps, few.comments) == (None, {}, None, ())


def test_the_threshold_is_an_option() -> None:
    few = _pair(summarize(RESPONSES, ORG, min_responses=2), "creatividad", "medios").clients
    assert few.shown
    assert few.overall is not None
    assert few.overall.mean == 1.5  # (1 + 2) / 2
    assert few.comments == ("Secreto de Medios",)


def test_a_dimension_below_the_threshold_is_withheld_in_a_shown_pair() -> None:
    answers = [Answer("2026-11", "redes", "creatividad", "redes", (s, 4)) for s in (5, None, None)]
    pair = summarize(Responses(DIMS, tuple(answers)), ORG).pairs[0]
    assert pair.clients.shown
    assert pair.clients.dimensions["on_time"] is None  # one score of 3 answers


def test_overall_is_each_answers_mean_when_not_asked() -> None:
    answers = [
        Answer("2026-11", "redes", "creatividad", "redes", s) for s in ((4, 5), (3, None), (2, 2))
    ]
    overall = summarize(Responses(("on_time", "courtesy"), tuple(answers)), ORG).pairs[0]
    assert overall.clients.overall is not None
    # answer means 4.5, 3, 2 → (4.5 + 3 + 2) / 3 = 3.1667; one of three is 4 or more
    assert overall.clients.overall.mean == pytest.approx(9.5 / 3)
    assert overall.clients.overall.top_two == pytest.approx(1 / 3)
    assert overall.clients.overall.counts is None  # means are not whole scores


def test_undeclared_relationships() -> None:
    result = summarize(RESPONSES, ORG)
    assert result.undeclared == (("creatividad", "medios"),)


def test_periods_apart_and_one_period() -> None:
    later = Answer("2026-12", "redes", "creatividad", "redes", (3, 3))
    responses = Responses(DIMS, (*RESPONSES.answers, later))
    assert summarize(responses, ORG).periods == ("2026-11", "2026-12")
    only = summarize(responses, ORG, period="2026-12")
    assert [(p.period, p.clients.n, p.clients.shown) for p in only.pairs] == [("2026-12", 1, False)]


def test_bad_threshold_and_unknown_period() -> None:
    with pytest.raises(UsageError, match="at least 1"):
        summarize(RESPONSES, ORG, min_responses=0)
    with pytest.raises(UsageError, match=r"2026-05.*2026-11"):
        summarize(RESPONSES, ORG, period="2026-05")


def test_single_answer_has_no_spread() -> None:
    one = stats([4])
    assert (one.mean, one.sd, one.ci_low, one.ci_high) == (4.0, None, None, None)


def test_satisfaction_by_pair_takes_the_last_period_and_the_threshold() -> None:
    later = [Answer("2026-12", "redes", "creatividad", "redes", (3, s)) for s in (3, 4, 2)]
    later.append(Answer("2026-12", "medios", "creatividad", "medios", (3, 3)))
    responses = Responses(DIMS, (*RESPONSES.answers, *later))
    found = satisfaction_by_pair(responses, ORG)
    # 2026-12: (3 + 4 + 2) / 3 = 3 on 3 answers; medios has one answer: left out
    assert {k: (v.mean, v.n, v.period) for k, v in found.items()} == {
        ("creatividad", "redes"): (3.0, 3, "2026-12")
    }
    earlier = satisfaction_by_pair(responses, ORG, period="2026-11")
    assert earlier[("creatividad", "redes")].mean == pytest.approx(4.2)
    assert ("creatividad", "medios") not in earlier  # two answers, threshold 3
    assert satisfaction_by_pair(Responses(DIMS, ()), ORG) == {}
