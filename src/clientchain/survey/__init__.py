"""Read internal-customer survey answers: CSV or ``.xlsx``, one row per answer.

Each row says the period (``2026-11`` or a date), the rater's department, the supplier
department rated, optionally the client it served (default: the rater), scores 1–5 on
dimensions, optionally a 0–10 recommend score and a comment. Columns are recognised in
English and Spanish or named (:class:`SurveyColumns`); the answers are checked against
the org file, every problem located ``file:row:column``
(:mod:`clientchain.survey.answers`). The aggregation is
:func:`clientchain.analysis.survey.summarize`. Semantics: ``docs/commands.md`` "survey".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from clientchain.analysis.survey import Responses
from clientchain.model import Organization
from clientchain.survey.answers import parse_answers
from clientchain.survey.columns import ColumnMap, SurveyColumns, resolve_columns
from clientchain.survey.errors import EXTRA, MissingSpreadsheetError, SurveyError
from clientchain.survey.read import read_sheet

__all__ = [
    "EXTRA",
    "ColumnMap",
    "MissingSpreadsheetError",
    "ReadSurvey",
    "SurveyColumns",
    "SurveyError",
    "SurveyOptions",
    "read_responses",
]


@dataclass(frozen=True, slots=True)
class SurveyOptions:
    """How to read the answers: columns, and a CSV's delimiter and encoding if known."""

    columns: SurveyColumns = field(default_factory=SurveyColumns)
    delimiter: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class ReadSurvey:
    """The checked answers, the file's name in messages and the columns used."""

    source: str
    responses: Responses
    columns: ColumnMap


def read_responses(
    path: str | Path, org: Organization, options: SurveyOptions | None = None
) -> ReadSurvey:
    """Read and check the survey answers at ``path`` against ``org``.

    Raises
    ------
    SurveyError
        The file cannot be read, or a column is missing.
    InputError
        Answers that are wrong, each located ``file:row:column``.
    """
    options = options or SurveyOptions()
    sheet = read_sheet(path, delimiter=options.delimiter, encoding=options.encoding)
    columns = resolve_columns(sheet.header, options.columns, sheet.source)
    return ReadSurvey(sheet.source, parse_answers(sheet, columns, org), columns)
