"""Readers: put any event log behind one engine view, ``events_raw``, with typed columns.

``events_raw(seq, case_id, activity, department, ts, start_ts, lifecycle, ts_bad,
start_bad)``: ``seq`` is the event's 1-based position in the file (its data row for
CSV and Parquet, its event number for XES) and breaks timestamp ties; the case and
the lifecycle are trimmed and empty ones become ``NULL``; the activity and the
department are the text as written (the aggregation trims each distinct one once,
rather than every row); timestamps are UTC; ``ts_bad`` and ``start_bad`` flag a
timestamp that is given but cannot be read. Every reader ends here, so the
aggregation (:mod:`clientchain.discover.query`) knows nothing of formats.

The view is not materialized: the aggregation streams the file through it (reading
only the columns in use), so a large log never sits in memory as a table. CSV is
read by DuckDB (delimiter sniffed unless given, every column as text; the dialect
DuckDB detects is then spelled out, so that later queries do not sample the file
again); Parquet by DuckDB with its file row numbers; XES is streamed to a temporary CSV first
(:mod:`clientchain.discover.xes`), kept while :func:`open_log` is open. A timestamp
that cannot be read stops the discovery with the column and the first bad row
(:func:`check_timestamps`, once the aggregation has found it).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from clientchain.discover.columns import STANDARD, ColumnMap, ColumnOptions, resolve_columns
from clientchain.discover.encoding import check_decodes
from clientchain.discover.engine import Progress, execute, first, literal
from clientchain.discover.errors import DiscoverError
from clientchain.discover.query import PLACEHOLDERS
from clientchain.discover.source import Staged, stage
from clientchain.discover.timestamps import (
    ISO,
    detect_iso_shape,
    detect_timestamp_format,
    quote_identifier,
    sniff_delimiter,
    timestamp_sql,
)
from clientchain.discover.xes import SEQ, xes_to_csv
from clientchain.errors import UsageError
from clientchain.i18n import _

if TYPE_CHECKING:
    import duckdb

__all__ = ["LoadedLog", "ReadOptions", "check_timestamps", "open_log"]

SOURCE = "log_source"
VIEW = "events_raw"
CSV_BUFFER = 2 * 1024 * 1024
"""Bytes each CSV reader thread buffers (DuckDB's default is several times more; the
smaller buffer lowers peak memory at no measurable cost in time)."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read the log: columns, the CSV delimiter, timestamp format and encoding if
    known, and the department values that mean "missing"."""

    columns: ColumnOptions = field(default_factory=ColumnOptions)
    delimiter: str | None = None
    timestamp_format: str | None = None
    encoding: str | None = None  # of a CSV log; None: detected
    missing: tuple[str, ...] = PLACEHOLDERS  # department values that mean "none"


@dataclass(frozen=True, slots=True)
class LoadedLog:
    """What was read: format, columns, how timestamps were parsed, notes for the user."""

    kind: str  # "csv" | "parquet" | "xes"
    source: str  # the log's name in messages: the path as given, or <stdin>
    columns: ColumnMap
    delimiter: str | None
    encoding: str | None  # a CSV log's encoding
    formats: dict[str, str]  # timestamp column -> format ("iso", strptime, or the stored type)
    notes: tuple[str, ...] = ()

    @property
    def unit(self) -> str:
        """What ``seq`` counts: ``'event'`` in XES, else ``'row'``."""
        return "event" if self.kind == "xes" else "row"


@contextmanager
def open_log(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    options: ReadOptions,
    progress: Progress | None = None,
) -> Iterator[LoadedLog]:
    """Put the log at ``path`` behind the view ``events_raw`` of ``con`` while the context is open.

    The engine reads exactly the file named (``-``: standard input), through
    :func:`clientchain.discover.source.stage`. The file is read when the view is
    queried, inside the context; an engine error while reading it (here or there)
    becomes a :class:`DiscoverError` naming the file.
    """
    import duckdb

    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="clientchain-")))
        log = stage(path, folder, options.encoding)
        try:
            if log.kind == "xes":
                yield _load_xes(con, log, folder / "events.csv", options, progress)
            else:
                yield _load_file(con, log, options)
        except (duckdb.BinderException, duckdb.ParserException, duckdb.CatalogException):
            raise  # a query of ours is wrong: an internal error, not the log's
        except duckdb.Error as exc:
            message = str(exc).strip().splitlines()
            # i18n: matched against the engine's message
            if log.encoding is not None and "invalid unicode" in str(exc).lower():
                check_decodes(log.path, log.encoding, log.shown)  # raises, located
            first_line = message[0].replace(str(log.path), log.shown)  # the user's name for it
            raise DiscoverError(
                _("{source}: cannot read the log: {reason}").format(
                    source=log.shown, reason=first_line
                )
            ) from None


def _load_file(con: duckdb.DuckDBPyConnection, log: Staged, options: ReadOptions) -> LoadedLog:
    delimiter = None
    if log.kind == "csv":
        delimiter = _check_delimiter(options.delimiter) or _sniff(log.path)
        _csv_source(con, log.path, delimiter)
    else:
        execute(
            con,
            f"CREATE OR REPLACE TEMP VIEW {SOURCE} AS SELECT file_row_number + 1 AS {SEQ}, "
            f"* EXCLUDE (file_row_number) FROM read_parquet({literal(str(log.path))}, "
            "file_row_number = true)",
        )
    columns = resolve_columns(_source_columns(con), options.columns, log.shown)
    return _define_view(con, log, columns, delimiter, options)


def _check_delimiter(delimiter: str | None) -> str | None:
    """``delimiter`` unless it is the quote or a line break, which cannot separate fields."""
    if delimiter is not None and delimiter in ('"', "\n", "\r"):
        raise UsageError(
            _(
                "--delimiter: {delimiter} cannot separate CSV fields (it is the quote or a line "
                "break); expected one character such as , ; | or tab"
            ).format(delimiter=repr(delimiter))
        )
    return delimiter


def _sniff(path: Path) -> str:
    with path.open("r", encoding="utf-8", errors="replace", newline="") as stream:
        return sniff_delimiter(stream.read(65536))


def _csv_source(con: duckdb.DuckDBPyConnection, path: Path, delimiter: str) -> None:
    options = (  # i18n: SQL
        f"delim = {literal(delimiter)}, header = true, all_varchar = true, "
        "quote = '\"', escape = '\"'"
    )
    reader = _sniffed(con, path, options) or f"read_csv({literal(str(path))}, {options})"
    execute(
        con,
        f"CREATE OR REPLACE TEMP VIEW {SOURCE} AS SELECT row_number() OVER () AS {SEQ}, * "
        f"FROM {reader[:-1]}, buffer_size = {CSV_BUFFER})",
    )


def _sniffed(con: duckdb.DuckDBPyConnection, path: Path, options: str) -> str | None:
    """The ``read_csv(...)`` call with every setting DuckDB's sniffer detects made explicit.

    Each query over the log binds the reader again; with the dialect and columns spelled
    out it no longer samples the file each time. ``None`` (sniff at every bind, as
    before) when the sniffer cannot say.
    """
    import duckdb

    try:
        found = first(con, f"SELECT Prompt FROM sniff_csv({literal(str(path))}, {options})")
    except duckdb.Error:
        return None
    prompt = str(found[0]).strip() if found else ""
    if not (prompt.startswith("FROM read_csv(") and prompt.endswith(");")):
        return None
    return prompt.removeprefix("FROM ").removesuffix(";")


def _source_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [name for name in _source_types(con) if name != SEQ]


def _source_types(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = execute(con, f"SELECT column_name, column_type FROM (DESCRIBE {SOURCE})")
    return {str(name): str(kind) for name, kind in rows}


def _load_xes(
    con: duckdb.DuckDBPyConnection,
    log: Staged,
    flat: Path,
    options: ReadOptions,
    progress: Progress | None,
) -> LoadedLog:
    named = [getattr(options.columns, f.name) for f in fields(options.columns)]
    named = [name for name in named if name is not None]
    keys = [*named, *(k for names in STANDARD.values() for k in names if ":" in k)]
    table = xes_to_csv(log.original, flat, keys, progress, shown=log.shown)
    _csv_source(con, flat, ",")
    columns = resolve_columns(list(table.columns), options.columns, log.shown)
    return _define_view(con, log, columns, None, options)


def _define_view(
    con: duckdb.DuckDBPyConnection,
    log: Staged,
    columns: ColumnMap,
    delimiter: str | None,
    options: ReadOptions,
) -> LoadedLog:
    """Define ``events_raw`` over the source view, with timestamps read in the detected format."""
    types = _source_types(con)
    formats: dict[str, str] = {}
    notes: list[str] = []
    stamps: dict[str, str] = {}
    for role in ("timestamp", "start_timestamp"):
        column = getattr(columns, role)
        if column is None:
            stamps[role] = "CAST(NULL AS TIMESTAMP)"
            continue
        expression, formats[column], note = _stamp(con, column, str(types[column]), options)
        stamps[role] = expression
        notes += [note] if note else []
    text = {role: _raw(getattr(columns, role)) for role in ("activity", "department")}
    text["case"] = _text(columns.case)
    raw = {role: _raw(getattr(columns, role)) for role in ("timestamp", "start_timestamp")}
    execute(
        con,
        # i18n: SQL
        f"CREATE OR REPLACE TEMP VIEW {VIEW} AS SELECT seq, case_id, activity, department, "
        f"ts, start_ts, lifecycle, {_unread('ts', 'ts_raw')} AS ts_bad, "
        f"{_unread('start_ts', 'start_raw')} AS start_bad FROM ("
        f"SELECT {SEQ} AS seq, {text['case']} AS case_id, {text['activity']} AS activity, "
        f"{text['department']} AS department, {stamps['timestamp']} AS ts, "
        f"{raw['timestamp']} AS ts_raw, {stamps['start_timestamp']} AS start_ts, "
        f"{raw['start_timestamp']} AS start_raw, {_text(columns.lifecycle)} AS lifecycle "
        f"FROM {SOURCE})",
    )
    return LoadedLog(log.kind, log.shown, columns, delimiter, log.encoding, formats, tuple(notes))


def _text(column: str | None) -> str:
    """The column's text, trimmed, ``NULL`` when empty."""
    return f"nullif(trim({_raw(column)}), '')"


def _raw(column: str | None) -> str:
    """The column's text as written (``NULL`` when the log has no such column)."""
    if column is None:
        return "CAST(NULL AS VARCHAR)"
    return f"CAST({quote_identifier(column)} AS VARCHAR)"


def _unread(stamp: str, raw: str) -> str:
    """Whether a timestamp is given but unreadable; its text is only looked at when unread.

    ``ltrim``, not ``trim``: the same test, but not an expression the engine would compute
    once for every row and share with the timestamp's own (lazy) trimming.
    """
    return f"CASE WHEN {stamp} IS NULL THEN ltrim({raw}) <> '' ELSE false END"


def _stamp(
    con: duckdb.DuckDBPyConnection, column: str, kind: str, options: ReadOptions
) -> tuple[str, str, str | None]:
    """SQL for one timestamp column, the format used, and a note if it was guessed."""
    name = quote_identifier(column)
    if kind.startswith("TIMESTAMP WITH TIME ZONE"):
        return f"CAST({name} AT TIME ZONE 'UTC' AS TIMESTAMP)", kind, None
    if kind.startswith(("TIMESTAMP", "DATE")):
        return f"CAST({name} AS TIMESTAMP)", kind, None
    if kind != "VARCHAR":
        raise DiscoverError(
            _("column {column} holds {kind} values; expected timestamps (or text to parse)").format(
                column=repr(column), kind=kind
            )
        )
    fmt, note = (options.timestamp_format, None)
    if fmt is None:
        fmt, note = detect_timestamp_format(con, SOURCE, column)
    shape = detect_iso_shape(con, SOURCE, column) if fmt == ISO else None
    return timestamp_sql(name, fmt, shape), fmt, note


def check_timestamps(
    con: duckdb.DuckDBPyConnection,
    log: LoadedLog,
    bad_rows: tuple[int | None, int | None],
) -> None:
    """Refuse the log at the first non-empty timestamp that could not be read.

    ``bad_rows`` are the positions the aggregation found for the timestamp and the
    start timestamp (:attr:`clientchain.discover.query.Aggregate.bad_rows`).
    """
    for role, seq in zip(("timestamp", "start_timestamp"), bad_rows, strict=True):
        column = getattr(log.columns, role)
        if column is None or seq is None:
            continue
        raw = first(con, f"SELECT {quote_identifier(column)} FROM {SOURCE} WHERE {SEQ} = ?", [seq])
        option = "--timestamp" if role == "timestamp" else "--start-timestamp"
        if log.unit == "event":
            message = _(
                "{source}: column {column} ({option}), event {n}: cannot read {value} as a "
                "timestamp (format {format}); give the format with --timestamp-format"
            )
        else:
            message = _(
                "{source}: column {column} ({option}), row {n}: cannot read {value} as a "
                "timestamp (format {format}); give the format with --timestamp-format"
            )
        raise DiscoverError(
            message.format(
                source=log.source,
                column=repr(column),
                option=option,
                n=seq,
                value=repr(raw[0] if raw else None),
                format=log.formats[column],
            )
        )
