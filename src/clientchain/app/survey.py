"""``clientchain survey``: read the answers, check them, aggregate them per pair and period."""

from __future__ import annotations

from pathlib import Path

from clientchain.analysis.survey import (
    PairSatisfaction,
    satisfaction_by_pair,
    summarize,
)
from clientchain.app.org_update import update_satisfaction_file
from clientchain.loading.update import UpdateResult
from clientchain.model import Organization
from clientchain.output.survey import SurveyReport
from clientchain.survey import SurveyOptions, read_responses

__all__ = ["SurveyReport", "survey_report", "survey_satisfaction", "survey_update"]


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


def survey_update(
    path: str | Path,
    org_path: str | Path,
    org: Organization,
    options: SurveyOptions | None = None,
    *,
    min_responses: int = 3,
    period: str | None = None,
) -> tuple[SurveyReport, UpdateResult]:
    """Read the answers once, aggregate them (as :func:`survey_report`) and write each pair's
    overall mean and number of answers (as :func:`survey_satisfaction` gives them) into the
    matching handoffs of the org file at ``org_path`` — ``satisfaction`` and ``answers`` —
    keeping everything else of the file as it is. Pairs below ``min_responses`` are left
    unchanged; pairs with no handoff come back in the result's ``not_found``.

    Raises
    ------
    SurveyError, InputError, UsageError
        As :func:`survey_report`; and :func:`~clientchain.app.org_update.update_satisfaction_file`'s
        (standard input, a handoff that cannot be edited in place, the file changed meanwhile).
    """
    read = read_responses(path, org, options)
    result = summarize(read.responses, org, min_responses=min_responses, period=period)
    pairs = satisfaction_by_pair(read.responses, org, min_responses=min_responses, period=period)
    updates = {pair: (found.mean, found.n) for pair, found in pairs.items()}
    return SurveyReport(org, read.source, result), update_satisfaction_file(org_path, updates)


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
