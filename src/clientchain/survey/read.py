"""Read a survey file into a header and numbered rows: CSV or ``.xlsx``.

A CSV's encoding and delimiter are detected as ``discover`` detects an event log's
(:func:`clientchain.discover.encoding.detect_encoding`,
:func:`clientchain.discover.timestamps.sniff_delimiter`) unless given, and it is read with
the standard :mod:`csv` module (a survey is small next to an event log: no engine needed).
An ``.xlsx`` workbook's first sheet is read with openpyxl (the ``survey`` extra), imported
only here and only for such a file. Rows are numbered as a spreadsheet or an editor shows
them: the header is row (line) 1 of a CSV without blank lines above it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clientchain.discover.encoding import (
    SAMPLE_BYTES,
    check_decodes,
    check_encoding,
    detect_encoding,
)
from clientchain.discover.timestamps import sniff_delimiter
from clientchain.i18n import _
from clientchain.survey.errors import MissingSpreadsheetError, SurveyError

__all__ = ["Cell", "Sheet", "read_sheet"]

Cell = Any
"""A cell's value: text from a CSV; text, a number, a date or ``None`` from a workbook."""


@dataclass(frozen=True, slots=True)
class Sheet:
    """The header, and the data rows with their row numbers (1-based, as shown), read from
    the file as they are iterated (once): a large file never sits in memory as rows."""

    source: str
    header: tuple[str, ...]
    rows: Iterator[tuple[int, Sequence[Cell]]]
    kind: str  # "csv" | "xlsx"
    encoding: str | None = None
    delimiter: str | None = None


def read_sheet(
    path: str | Path, *, delimiter: str | None = None, encoding: str | None = None
) -> Sheet:
    """Open the answers at ``path``: ``.xlsx`` as a workbook, anything else as CSV.

    Raises
    ------
    SurveyError
        No such file, an unreadable workbook, an empty file, a missing openpyxl (here or
        while the rows are read).
    DiscoverError
        A byte the CSV's encoding cannot read (located ``file:line:column``).
    """
    path = Path(path)
    shown = str(path)
    if not path.is_file():
        message = (
            _("{file}: no such file") if not path.exists() else _("{file}: not a regular file")
        )
        raise SurveyError(message.format(file=shown))
    if path.name.lower().endswith((".xlsx", ".xlsm")):
        records = _xlsx_records(path, shown)
        kind = "xlsx"
    else:
        if encoding is not None:
            check_encoding(encoding)
        else:
            with path.open("rb") as stream:
                encoding = detect_encoding(stream.read(SAMPLE_BYTES))
        if delimiter is None:
            with path.open(encoding=encoding, errors="replace", newline="") as stream:
                delimiter = sniff_delimiter(stream.read(SAMPLE_BYTES))
        records = _csv_records(path, shown, encoding, delimiter)
        kind = "csv"
    first = next(records, None)
    if first is None:
        raise SurveyError(_("{source}: the file is empty").format(source=shown))
    header = tuple("" if v is None else str(v).strip().lstrip("\ufeff") for v in first[1])
    return Sheet(shown, header, records, kind, encoding, delimiter)


def _csv_records(
    path: Path, shown: str, encoding: str, delimiter: str
) -> Iterator[tuple[int, Sequence[Cell]]]:
    """Every record that is not blank, with the line it starts on."""
    try:
        with path.open(encoding=encoding, newline="") as stream:
            reader = csv.reader(stream, delimiter=delimiter)
            line = 1
            for record in reader:
                start, line = line, reader.line_num + 1
                if "".join(record).strip():
                    yield start, record
    except UnicodeDecodeError:
        check_decodes(path, encoding, shown)  # raises, located
        raise
    except csv.Error as exc:
        raise SurveyError(
            _("{source}: cannot read the CSV: {reason}").format(source=shown, reason=exc)
        ) from None


def _xlsx_records(path: Path, shown: str) -> Iterator[tuple[int, Sequence[Cell]]]:
    """Every row of the first sheet that is not blank, with its row number."""
    try:
        import openpyxl
    except ImportError:
        raise MissingSpreadsheetError(shown) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise SurveyError(
            _("{source}: cannot read the workbook: {reason}").format(
                source=shown, reason=str(exc) or type(exc).__name__
            )
        ) from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        for number, values in enumerate(rows, start=1):
            if any(v is not None and (not isinstance(v, str) or v.strip()) for v in values):
                # TRUE and FALSE as text: a boolean is no score (True == 1 in Python)
                yield number, tuple(str(v) if isinstance(v, bool) else v for v in values)
    except Exception as exc:  # noqa: BLE001 - a damaged sheet, read lazily: many kinds
        raise SurveyError(
            _("{source}: cannot read the workbook: {reason}").format(
                source=shown, reason=str(exc) or type(exc).__name__
            )
        ) from None
    finally:
        book.close()
