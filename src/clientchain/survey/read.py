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
    """The header and the data rows, each with its row number (1-based, as shown)."""

    source: str
    header: tuple[str, ...]
    rows: list[tuple[int, tuple[Cell, ...]]]
    kind: str  # "csv" | "xlsx"
    encoding: str | None = None
    delimiter: str | None = None


def read_sheet(
    path: str | Path, *, delimiter: str | None = None, encoding: str | None = None
) -> Sheet:
    """Read the answers at ``path``: ``.xlsx`` as a workbook, anything else as CSV.

    Raises
    ------
    SurveyError
        No such file, an unreadable workbook, an empty file, a missing openpyxl.
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
        return _read_xlsx(path, shown)
    return _read_csv(path, shown, delimiter, encoding)


def _read_csv(path: Path, shown: str, delimiter: str | None, encoding: str | None) -> Sheet:
    if encoding is not None:
        check_encoding(encoding)
    else:
        with path.open("rb") as stream:
            encoding = detect_encoding(stream.read(SAMPLE_BYTES))
    try:
        with path.open(encoding=encoding, newline="") as stream:
            sample = stream.read(SAMPLE_BYTES)
            delimiter = delimiter or sniff_delimiter(sample)
            stream.seek(0)
            reader = csv.reader(stream, delimiter=delimiter)
            header, rows = _numbered(reader)
    except UnicodeDecodeError:
        check_decodes(path, encoding, shown)  # raises, located
        raise
    except csv.Error as exc:
        raise SurveyError(
            _("{source}: cannot read the CSV: {reason}").format(source=shown, reason=exc)
        ) from None
    if header is None:
        raise SurveyError(_("{source}: the file is empty").format(source=shown))
    return Sheet(shown, header, rows, "csv", encoding, delimiter)


def _numbered(reader: Any) -> tuple[tuple[str, ...] | None, list[tuple[int, tuple[Cell, ...]]]]:
    """The first non-blank record as the header, then every non-blank record with the line
    it starts on."""
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    line = 1
    for record in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = tuple(cell.strip().lstrip("\ufeff") for cell in record)
        else:
            rows.append((start, tuple(record)))
    return header, rows


def _read_xlsx(path: Path, shown: str) -> Sheet:
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
        sheet = book.worksheets[0]
        header: tuple[str, ...] | None = None
        rows: list[tuple[int, tuple[Cell, ...]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if header is None:
                header = tuple("" if v is None else str(v).strip() for v in values)
            else:
                rows.append((number, tuple(values)))
    finally:
        book.close()
    if header is None:
        raise SurveyError(_("{source}: the first sheet is empty").format(source=shown))
    return Sheet(shown, header, rows, "xlsx")
