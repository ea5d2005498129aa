"""Turn a sheet's rows into checked answers, every problem located ``file:row:column``.

Errors (the answers are refused, exit 2, all of them listed; at most :data:`MAX_ISSUES`):

* a rater, supplier or client that is not a department of the org file (by id, or by name
  in any case), with a "did you mean" (or saying it is an external client or supplier);
* a missing rater, supplier or period; a period that is neither ``YYYY-MM`` nor a date;
* a score that is not a whole number from 1 to 5, a recommend score not from 0 to 10;
* a department rated as its own client (the client defaults to the rater, so a
  self-rating must name the client it serves);
* a duplicate answer: the same respondent answering for the same supplier → client pair
  twice in a period (checked when the file has a respondent column; without one, two
  rows cannot be told from two people of the same department).

An answer with no score at all is kept (it counts towards the pair's answers, and may carry
a recommend score or a comment). What is not an error: a pair rated with no handoff
declared between them, reported by :func:`clientchain.analysis.survey.summarize`.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from clientchain.analysis.survey import Answer, Responses
from clientchain.errors import InputError, Issue
from clientchain.i18n import _
from clientchain.loading.parse import did_you_mean
from clientchain.model import Organization
from clientchain.survey.columns import ColumnMap
from clientchain.survey.read import Cell, Sheet

__all__ = ["MAX_ISSUES", "Departments", "parse_answers", "parse_period"]

MAX_ISSUES = 100
"""Problems listed at most; a file with more says how many more there are."""

_PERIOD = re.compile(r"(\d{4})[-/](\d{1,2})(?:[-/]\d{1,2}(?:[ T].*)?)?")


class Departments:
    """The org's departments as answers may name them: id, or id or name in any case."""

    def __init__(self, org: Organization) -> None:
        self._known: dict[str, str] = {}
        for key, dept in org.departments.items():
            self._known.setdefault(dept.name.casefold(), key)
            self._known.setdefault(key.casefold(), key)
        for key in org.departments:
            self._known[key] = key
        self._exact: dict[object, str] = {d.name: key for key, d in org.departments.items()}
        self._exact.update({key: key for key in org.departments})  # an id wins over a name
        self._choices = [*org.departments, *(d.name for d in org.departments.values())]
        self._outside = {
            name.casefold(): party.id
            for party in (*org.clients.values(), *org.suppliers.values())
            for name in (party.id, party.name)
        }

    def external(self, text: str) -> str | None:
        """The id of the external client or supplier ``text`` names, or ``None``."""
        return self._outside.get(text.casefold())

    def known(self, value: object) -> str | None:
        """The id a cell names as written (no trimming, exact case), or ``None``: the fast path."""
        return self._exact.get(value) if value.__class__ is str else None

    def find(self, text: str) -> str | None:
        """The id ``text`` names, or ``None``."""
        return self._known.get(text) or self._known.get(text.casefold())

    def hint(self, text: str) -> str:
        """A "did you mean" naming the closest id or name, or ``''``."""
        return did_you_mean(text, self._choices)


def parse_period(value: Cell) -> str | None:
    """``'2026-11'`` from ``2026-11``, ``2026-11-15``, ``2026/11``, a date or datetime; else None.

    >>> parse_period("2026-11"), parse_period("2026-11-05T10:00"), parse_period("11/2026")
    ('2026-11', '2026-11', None)
    """
    if isinstance(value, datetime.date):
        return f"{value.year:04d}-{value.month:02d}"
    match = _PERIOD.fullmatch(str(value).strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return f"{match.group(1)}-{int(match.group(2)):02d}"


@dataclass
class _Context:
    sheet: Sheet
    departments: Departments
    issues: list[Issue]
    dropped: int = 0
    periods: dict[object, str | None] = field(default_factory=dict)

    def add(self, row: int, column: int, message: str, hint: str = "") -> None:
        if len(self.issues) < MAX_ISSUES:
            self.issues.append(Issue(self.sheet.source, row, column, message, hint=hint))
        else:
            self.dropped += 1

    @property
    def count(self) -> int:
        return len(self.issues) + self.dropped


_MISSING = object()
_NOT_FOUND = itertools.repeat(_MISSING)
_SCORES: dict[int, dict[object, int | None]] = {
    low: {
        **{str(n): n for n in range(low, high + 1)},
        **{n: n for n in range(low, high + 1)},  # 4.0 finds 4 too
        "": None,
        None: None,
    }
    for low, high in ((1, 5), (0, 10))
}
"""Fast paths: valid scores as text (a CSV's cells) or numbers (a workbook's), blank cells."""


def parse_answers(sheet: Sheet, columns: ColumnMap, org: Organization) -> Responses:
    """The answers of ``sheet`` read through ``columns``, checked against ``org``.

    Raises
    ------
    InputError
        Every problem found (see the module), located ``file:row:column``.
    """
    width = len(sheet.header)
    index = {name: i for i, name in reversed(list(enumerate(sheet.header)))}
    context = _Context(sheet, Departments(org), [])
    dimensions = tuple(dimension for dimension, _column in columns.dimensions)
    score_at = [index[column] for _dimension, column in columns.dimensions]
    # a role the file lacks reads the blank cell put after each row's last one
    at = {role: index.get(getattr(columns, role) or "", width) for role in _ROLES}
    answers: list[Answer] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    row = 1
    for row, given in sheet.rows:
        cells = (*given[:width], *([None] * (width - len(given))), None)
        answer = _answer(context, row, cells, at, score_at, columns)
        if answer is None:
            continue
        respondent = cells[at["respondent"]]
        respondent = respondent.strip() if respondent.__class__ is str else _text(respondent)
        if respondent:
            key = (answer.period, respondent, answer.supplier, answer.client)
            first = seen.setdefault(key, row)
            if first != row:
                context.add(
                    row,
                    at["respondent"] + 1,
                    _(
                        "duplicate answer: respondent {respondent} already rated {supplier} "
                        "for {client} in {period} (row {first})"
                    ).format(
                        respondent=repr(respondent),
                        supplier=answer.supplier,
                        client=answer.client,
                        period=answer.period,
                        first=first,
                    ),
                )
        answers.append(answer)
    if context.issues:
        if context.dropped:
            context.issues.append(
                Issue(  # placed after the last row: it sorts last
                    sheet.source,
                    row + 1,
                    1,
                    _("{n} more problems not listed").format(n=context.dropped),
                )
            )
        raise InputError(context.issues)
    return Responses(dimensions, tuple(answers), columns.recommend is not None)


_ROLES = ("period", "rater", "supplier", "client", "recommend", "comment", "respondent")


def _answer(
    context: _Context,
    row: int,
    cells: Sequence[Cell],
    at: dict[str, int],
    score_at: list[int],
    columns: ColumnMap,
) -> Answer | None:
    """The answer on ``row``, or ``None`` (its problems added to ``context``)."""
    before = context.count
    period = _period(context, row, cells, at["period"])
    rater = _department(context, row, cells, at["rater"], required=True)
    supplier = _department(context, row, cells, at["supplier"], required=True)
    client = _department(context, row, cells, at["client"], required=False) or rater
    # the fast path: a table lookup per score (a workbook's TRUE/FALSE arrive as text)
    scores = tuple(map(_SCORES[1].get, [cells[i] for i in score_at], _NOT_FOUND))
    if _MISSING in scores:
        scores = tuple(_score(context, row, cells, i, 1, 5) for i in score_at)
    recommend = None
    if columns.recommend is not None:
        recommend = _SCORES[0].get(cells[at["recommend"]], _MISSING)
        if recommend is _MISSING:
            recommend = _score(context, row, cells, at["recommend"], 0, 10)
    if supplier is not None and supplier == client:
        named = columns.client is not None and _text(cells[at["client"]])
        hint = _("a self-rating names, in the client column, the department it serves")
        context.add(
            row,
            (at["client"] if named else at["rater"]) + 1,
            _("{department} rates itself as its own client").format(department=supplier),
            hint if rater == supplier else "",
        )
    if context.count > before:
        return None
    assert period is not None
    assert rater is not None
    assert supplier is not None
    assert client is not None
    comment = cells[at["comment"]]
    comment = (comment.strip() if comment.__class__ is str else _text(comment)) or None
    return Answer(period, rater, supplier, client, scores, recommend, comment)  # type: ignore[arg-type]


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _period(context: _Context, row: int, cells: Sequence[Cell], i: int) -> str | None:
    value = cells[i]
    period = context.periods.get(value, _MISSING)
    if period is _MISSING:
        period = context.periods[value] = parse_period(value) if _text(value) else None
    if period is None:
        got = _text(value)
        context.add(
            row,
            i + 1,
            _("expected a period like 2026-11 or a date like 2026-11-15, got {value}").format(
                value=repr(got)
            )
            if got
            else _("the period is missing"),
        )
    return period  # type: ignore[return-value]


def _department(
    context: _Context, row: int, cells: Sequence[Cell], i: int, *, required: bool
) -> str | None:
    found = context.departments.known(cells[i])
    if found is not None:
        return found
    text = _text(cells[i])
    if not text:
        if required:
            context.add(
                row,
                i + 1,
                _("column {column}: the department is missing").format(
                    column=repr(context.sheet.header[i])
                ),
            )
        return None
    found = context.departments.find(text)
    if found is None:
        outside = context.departments.external(text)
        if outside is not None:
            message = _(
                "{name} is an external client or supplier ({id}), not a department: the survey "
                "rates the departments' work for one another"
            ).format(name=repr(text), id=outside)
            context.add(row, i + 1, message)
        else:
            context.add(
                row,
                i + 1,
                _("unknown department {name}").format(name=repr(text)),
                context.departments.hint(text),
            )
    return found


def _score(
    context: _Context, row: int, cells: Sequence[Cell], i: int, low: int, high: int
) -> int | None:
    value = cells[i]
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int | float):
        number: float | None = float(value)
    else:
        text = _text(value)
        if not text:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            number = None
    if number is None or not number.is_integer() or not low <= number <= high:
        column = context.sheet.header[i]
        context.add(
            row,
            i + 1,
            _("column {column}: expected a whole score from {low} to {high}, got {value}").format(
                column=repr(column), low=low, high=high, value=repr(_text(value))
            ),
        )
        return None
    return int(number)
