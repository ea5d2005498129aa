"""Readers: put any event log into one engine table, ``events_raw``, with typed columns.

``events_raw(seq, case_id, activity, department, ts, start_ts, lifecycle)``:
``seq`` is the event's 1-based position in the file (its data row for CSV and
Parquet, its event number for XES) and breaks timestamp ties; text values are
trimmed and empty ones become ``NULL``; timestamps are UTC. Every reader ends
here, so the aggregation (:mod:`clientchain.discover.query`) knows nothing of
formats.

CSV is read by DuckDB (delimiter sniffed unless given, every column as text);
Parquet by DuckDB with its file row numbers; XES is streamed to a temporary CSV
first (:mod:`clientchain.discover.xes`). A timestamp that cannot be read stops
the discovery with the column and the first bad row.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from clientchain.discover.columns import STANDARD, ColumnMap, ColumnOptions, resolve_columns
from clientchain.discover.engine import Progress, execute, first, literal
from clientchain.discover.errors import DiscoverError
from clientchain.discover.timestamps import (
    detect_timestamp_format,
    quote_identifier,
    sniff_delimiter,
    timestamp_sql,
)
from clientchain.discover.xes import SEQ, is_xes, xes_to_csv

if TYPE_CHECKING:
    import duckdb

__all__ = ["LoadedLog", "ReadOptions", "load_events", "log_kind"]

SOURCE = "log_source"
TABLE = "events_raw"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read the log: columns, and the CSV delimiter and timestamp format if known."""

    columns: ColumnOptions = field(default_factory=ColumnOptions)
    delimiter: str | None = None
    timestamp_format: str | None = None


@dataclass(frozen=True, slots=True)
class LoadedLog:
    """What was read: format, columns, how timestamps were parsed, notes for the user."""

    kind: str  # "csv" | "parquet" | "xes"
    columns: ColumnMap
    delimiter: str | None
    formats: dict[str, str]  # timestamp column -> format ("iso", strptime, or the stored type)
    notes: tuple[str, ...] = ()

    @property
    def unit(self) -> str:
        """What ``seq`` counts: ``'event'`` in XES, else ``'row'``."""
        return "event" if self.kind == "xes" else "row"


def log_kind(path: Path) -> str:
    """``'csv'``, ``'parquet'`` or ``'xes'`` from the file name."""
    name = path.name.lower()
    if is_xes(name):
        return "xes"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    raise DiscoverError(
        f"{path}: unknown log format; expected .csv (or .tsv, .txt), .parquet, .xes or .xes.gz"
    )


def load_events(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    options: ReadOptions,
    progress: Progress | None = None,
) -> LoadedLog:
    """Read the log at ``path`` into the table ``events_raw`` of ``con``."""
    import duckdb

    if not path.is_file():
        raise DiscoverError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    kind = log_kind(path)
    try:
        if kind == "xes":
            with tempfile.TemporaryDirectory(prefix="clientchain-xes-") as folder:
                return _load_xes(con, path, Path(folder) / "events.csv", options, progress)
        delimiter = None
        if kind == "csv":
            delimiter = options.delimiter or _sniff(path)
            _csv_source(con, path, delimiter)
        else:
            execute(
                con,
                f"CREATE OR REPLACE TEMP VIEW {SOURCE} AS SELECT file_row_number + 1 AS {SEQ}, "
                f"* EXCLUDE (file_row_number) FROM read_parquet({literal(str(path))}, "
                "file_row_number = true)",
            )
        columns = resolve_columns(_source_columns(con), options.columns, str(path))
        return _materialize(con, path, kind, columns, delimiter, options, progress)
    except duckdb.Error as exc:
        message = str(exc).strip().splitlines()[0]
        raise DiscoverError(f"{path}: cannot read the log: {message}") from None


def _sniff(path: Path) -> str:
    with path.open("r", encoding="utf-8", errors="replace", newline="") as stream:
        return sniff_delimiter(stream.read(65536))


def _csv_source(con: duckdb.DuckDBPyConnection, path: Path, delimiter: str) -> None:
    execute(
        con,
        f"CREATE OR REPLACE TEMP VIEW {SOURCE} AS SELECT row_number() OVER () AS {SEQ}, * "
        f"FROM read_csv({literal(str(path))}, delim = {literal(delimiter)}, header = true, "
        "all_varchar = true, quote = '\"', escape = '\"')",
    )


def _source_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [name for name in _source_types(con) if name != SEQ]


def _source_types(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = execute(con, f"SELECT column_name, column_type FROM (DESCRIBE {SOURCE})")
    return {str(name): str(kind) for name, kind in rows}


def _load_xes(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    flat: Path,
    options: ReadOptions,
    progress: Progress | None,
) -> LoadedLog:
    named = [getattr(options.columns, f.name) for f in fields(options.columns)]
    named = [name for name in named if name is not None]
    keys = [*named, *(k for names in STANDARD.values() for k in names if ":" in k)]
    table = xes_to_csv(path, flat, keys, progress)
    _csv_source(con, flat, ",")
    columns = resolve_columns(list(table.columns), options.columns, str(path))
    return _materialize(con, path, "xes", columns, None, options, progress)


def _materialize(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    kind: str,
    columns: ColumnMap,
    delimiter: str | None,
    options: ReadOptions,
    progress: Progress | None,
) -> LoadedLog:
    """Create ``events_raw`` from the source view, then refuse unreadable timestamps."""
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
    text = {role: _text(getattr(columns, role)) for role in ("case", "activity", "department")}
    ts_text = _text(columns.timestamp)
    start_text = _text(columns.start_timestamp)
    execute(
        con,
        f"CREATE OR REPLACE TEMP TABLE {TABLE} AS SELECT seq, case_id, activity, department, "
        "ts, start_ts, lifecycle, ts IS NULL AND ts_text IS NOT NULL AS ts_bad, "
        "start_ts IS NULL AND start_text IS NOT NULL AS start_bad FROM ("
        f"SELECT {SEQ} AS seq, {text['case']} AS case_id, {text['activity']} AS activity, "
        f"{text['department']} AS department, {stamps['timestamp']} AS ts, {ts_text} AS ts_text, "
        f"{stamps['start_timestamp']} AS start_ts, {start_text} AS start_text, "
        f"{_text(columns.lifecycle)} AS lifecycle FROM {SOURCE})",
        progress=progress,
        stage="reading the log",
    )
    loaded = LoadedLog(kind, columns, delimiter, formats, tuple(notes))
    _check_timestamps(con, path, loaded)
    return loaded


def _text(column: str | None) -> str:
    if column is None:
        return "CAST(NULL AS VARCHAR)"
    return f"nullif(trim(CAST({quote_identifier(column)} AS VARCHAR)), '')"


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
            f"column {column!r} holds {kind} values; expected timestamps (or text to parse)"
        )
    fmt, note = (options.timestamp_format, None)
    if fmt is None:
        fmt, note = detect_timestamp_format(con, SOURCE, column)
    return timestamp_sql(f"nullif(trim({name}), '')", fmt), fmt, note


def _check_timestamps(con: duckdb.DuckDBPyConnection, path: Path, log: LoadedLog) -> None:
    """Refuse the log at the first non-empty timestamp that could not be read."""
    found = first(
        con,
        f"SELECT min(seq) FILTER (WHERE ts_bad), min(seq) FILTER (WHERE start_bad) FROM {TABLE}",
    )
    for role, seq in zip(("timestamp", "start_timestamp"), found or (), strict=False):
        column = getattr(log.columns, role)
        if column is None or seq is None:
            continue
        raw = first(con, f"SELECT {quote_identifier(column)} FROM {SOURCE} WHERE {SEQ} = ?", [seq])
        option = "--timestamp" if role == "timestamp" else "--start-timestamp"
        raise DiscoverError(
            f"{path}: column {column!r} ({option}), {log.unit} {seq}: cannot read "
            f"{raw[0] if raw else None!r} as a timestamp (format {log.formats[column]}); "
            "give the format with --timestamp-format"
        )
