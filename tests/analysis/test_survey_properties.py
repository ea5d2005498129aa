"""Invariants of the survey aggregation over any answers (Hypothesis)."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from clientchain.analysis.survey import OVERALL, Answer, Responses, summarize
from clientchain.model import Department, Handoff, Organization
from clientchain.output.survey import SurveyReport, survey_json, survey_markdown, survey_text

DEPARTMENTS = ("a", "b", "c")
ORG = Organization(
    "o", {d: Department(d, d.upper()) for d in DEPARTMENTS}, handoffs=(Handoff("a", "b"),)
)
DIMS = ("on_time", OVERALL)


@st.composite
def answers(draw: st.DrawFn) -> Answer:
    supplier, client = draw(st.permutations(DEPARTMENTS))[:2]
    rater = draw(st.sampled_from((client, supplier)))
    score = st.one_of(st.none(), st.integers(1, 5))
    return Answer(
        draw(st.sampled_from(("2026-10", "2026-11"))),
        rater,
        supplier,
        client,
        (draw(score), draw(score)),
        draw(st.one_of(st.none(), st.integers(0, 10))),
        "a comment" if draw(st.booleans()) else None,  # made unique per row by the test
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(answers(), max_size=40), st.integers(1, 5))
def test_below_the_threshold_nothing_but_the_count_shows(
    rows: list[Answer], threshold: int
) -> None:
    rows = [replace(a, comment=f"<note {i}>" if a.comment else None) for i, a in enumerate(rows)]
    result = summarize(Responses(DIMS, tuple(rows), True), ORG, min_responses=threshold)
    report = SurveyReport(ORG, "answers.csv", result)
    shown = survey_text(report) + survey_json(report) + survey_markdown(report)
    for pair in result.pairs:
        for rating in (pair.clients, pair.own):
            if rating is None:
                continue
            if rating.n < threshold:
                assert not rating.shown
                assert (rating.overall, rating.nps, rating.comments) == (None, None, ())
            for stats in (rating.overall, *rating.dimensions.values()):
                assert stats is None or stats.n >= threshold
            if rating.nps is not None:
                assert rating.nps.n >= threshold
    hidden = {
        a.comment
        for a in rows
        for p in result.pairs
        if (a.period, a.supplier, a.client) == (p.period, p.supplier, p.client)
        and a.rater != a.supplier
        and not p.clients.shown
        and a.comment
    }
    assert not any(comment in shown for comment in hidden)
    json.loads(survey_json(report))


@settings(max_examples=60, deadline=None)
@given(st.lists(answers(), min_size=1, max_size=40))
def test_statistics_stay_on_the_scale_and_the_interval_holds_the_mean(rows: list[Answer]) -> None:
    result = summarize(Responses(DIMS, tuple(rows)), ORG, min_responses=1)
    assert sum(p.clients.n + (p.own.n if p.own else 0) for p in result.pairs) == len(rows)
    for pair in result.pairs:
        for stats in (pair.clients.overall, *pair.clients.dimensions.values()):
            if stats is None:
                continue
            assert 1 <= stats.mean <= 5
            assert 0 <= stats.top_two <= 1
            if stats.ci_low is not None and stats.ci_high is not None:
                assert stats.ci_low <= stats.mean <= stats.ci_high
            if stats.counts is not None:
                assert sum(stats.counts) == stats.n
