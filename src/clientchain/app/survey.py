"""``clientchain survey``: read the answers, check them, aggregate them per pair and period."""

from __future__ import annotations

from pathlib import Path

from clientchain.analysis.survey import (
    PairSatisfaction,
    satisfaction_by_pair,
    summarize,
)
from clientchain.model import Organization
from clientchain.output.survey import SurveyReport
from clientchain.survey import SurveyOptions, read_responses

__all__ = ["SurveyReport", "survey_report", "survey_satisfaction"]


def survey_report(
    path: str | Path,
    org: Organization,
    options: SurveyOptions | None = None,
    *,
    min_responses: int = 3,
    period: str | None = None,
) -> SurveyReport:
    """Read the answers at ``path``, check them against ``org`` and aggregate them.

    Raises
    ------
    SurveyError, InputError, UsageError
        The file cannot be read; answers are wrong (located); a bad threshold or period.
    """
    read = read_responses(path, org, options)
    result = summarize(read.responses, org, min_responses=min_responses, period=period)
    return SurveyReport(org, read.source, result)


def survey_satisfaction(
    path: str | Path,
    org: Organization,
    options: SurveyOptions | None = None,
    *,
    min_responses: int = 3,
    period: str | None = None,
) -> dict[tuple[str, str], PairSatisfaction]:
    """Per (supplier, client) pair, the clients' overall mean and number of answers over the
    last period (or ``period``), for pairs meeting ``min_responses``: what ``survey --update``
    writes into the matching handoffs (see
    :func:`clientchain.analysis.survey.satisfaction_by_pair`)."""
    read = read_responses(path, org, options)
    return satisfaction_by_pair(read.responses, org, min_responses=min_responses, period=period)
