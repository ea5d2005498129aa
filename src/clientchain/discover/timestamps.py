"""Reading timestamps and CSV dialects: detect what the file uses, let the user override.

A timestamp column stored as text is parsed with one format for the whole
column. ``iso`` (ISO 8601, with or without ``T``, fractions of a second and a UTC
offset) is tried first, then the day-first and month-first forms common in
spreadsheets. The format that reads the most of the first 1,000 values wins; when
day-first and month-first read them all (no day above 12), day-first is taken and
a note says so. Every timestamp is converted to UTC.

Reading ISO text through a ``TIMESTAMPTZ`` cast (which understands UTC offsets and
zone names) costs about twice a ``strptime`` of a fixed shape. When every sampled
value has one shape without an offset (:data:`ISO_SHAPES`), that shape is tried
first and the cast only reads what it leaves (a later value with an offset, say):
the same instants, sooner.

>>> sniff_delimiter("caso;actividad;fin\\nP-1;Redactar;08/01/2024 12:15\\n")
';'
>>> timestamp_sql('"fin"', "%d/%m/%Y %H:%M")
'try_strptime(trim("fin"), \\'%d/%m/%Y %H:%M\\')'
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from clientchain.discover.engine import first, literal
from clientchain.i18n import _

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "DELIMITERS",
    "FORMATS",
    "ISO",
    "ISO_SHAPES",
    "detect_iso_shape",
    "detect_timestamp_format",
    "quote_identifier",
    "sniff_delimiter",
    "timestamp_sql",
]

ISO = "iso"
"""ISO 8601 timestamps, with or without a UTC offset (naive ones are taken as UTC)."""

FORMATS = (
    ISO,
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
)
"""Formats tried, in order (strptime codes as DuckDB reads them)."""

ISO_SHAPES = (
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%d %H:%M:%SZ",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
)
"""ISO 8601 shapes without a UTC offset (or with ``Z``, UTC) that ``strptime`` reads fast."""

DELIMITERS = ",;\t|"
"""Delimiters :func:`sniff_delimiter` chooses from."""

SAMPLE_ROWS = 1000


def quote_identifier(name: str) -> str:
    """``name`` as a SQL identifier: ``'org:group'`` → ``'"org:group"'``."""
    return '"' + name.replace('"', '""') + '"'


def sniff_delimiter(sample: str) -> str:
    """The delimiter of a CSV sample (``,`` when the sample does not tell)."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


def timestamp_sql(expression: str, fmt: str, shape: str | None = None) -> str:
    """SQL reading the text ``expression`` as a UTC ``TIMESTAMP`` (``NULL`` if it cannot).

    The text is trimmed; empty text reads as ``NULL``. With ``fmt`` ISO, ``shape`` (one
    of :data:`ISO_SHAPES`) is tried first, on the text as it is (``strptime`` skips the
    spaces around it), and the cast only reads what it leaves: the trimming is then only
    paid for those values.

    >>> timestamp_sql("v", ISO, "%Y-%m-%d")[:40]
    "coalesce(try_strptime(v, '%Y-%m-%d'), CA"
    """
    text = f"trim({expression})"
    if fmt == ISO:
        cast = f"CAST(TRY_CAST({text} AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS TIMESTAMP)"
        if shape is None:
            return cast
        return f"coalesce(try_strptime({expression}, {literal(shape)}), {cast})"
    return f"try_strptime({text}, {literal(fmt)})"


def detect_iso_shape(con: duckdb.DuckDBPyConnection, relation: str, column: str) -> str | None:
    """The first of :data:`ISO_SHAPES` that reads every sampled value of ``column``, if any."""
    sample = _sample(relation, column)
    counts = ", ".join(f"count(try_strptime(v, {literal(shape)}))" for shape in ISO_SHAPES)
    row = first(con, f"SELECT count(*), {counts} FROM ({sample})")
    if row is None or row[0] == 0:
        return None
    return next((shape for shape, n in zip(ISO_SHAPES, row[1:], strict=True) if n == row[0]), None)


def _sample(relation: str, column: str) -> str:
    value = f"nullif(trim({quote_identifier(column)}), '')"
    return f"SELECT {value} AS v FROM {relation} WHERE {value} IS NOT NULL LIMIT {SAMPLE_ROWS}"


def detect_timestamp_format(
    con: duckdb.DuckDBPyConnection, relation: str, column: str
) -> tuple[str, str | None]:
    """The format of the text ``column`` of ``relation``, and a note when it was a guess.

    Returns ``(ISO, None)`` for an empty column (nothing to read); a column no
    format reads at all returns the format of the best attempt, and reading the
    whole column then reports its first bad row.
    """
    counts = ", ".join(f"count({timestamp_sql('v', fmt)})" for fmt in FORMATS)
    row = first(con, f"SELECT count(*), {counts} FROM ({_sample(relation, column)})")
    if row is None or row[0] == 0:
        return ISO, None
    read = dict(zip(FORMATS, row[1:], strict=True))
    best = max(FORMATS, key=lambda fmt: read[fmt])  # first of the best, in FORMATS order
    other = _month_first(best)
    if other is not None and read[other] == read[best] == row[0]:
        return best, _(
            "column {column}: dates read both day-first and month-first; "
            "took day-first ({format}); set --timestamp-format if that is wrong"
        ).format(column=repr(column), format=best)
    return best, None


def _month_first(fmt: str) -> str | None:
    if fmt.startswith("%d/%m/"):
        return "%m/%d/" + fmt[len("%d/%m/") :]
    return None
