"""The analytical engine: DuckDB, imported only here and only when discover runs.

DuckDB reads CSV and Parquet itself, runs window functions over logs that do not
fit comfortably in Python objects and spills to disk when memory runs short. It is
an optional dependency (the ``discover`` extra); :func:`connect` turns its absence
into a :class:`~clientchain.discover.errors.MissingEngineError` naming the extra.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from clientchain.discover.errors import DiscoverError, MissingEngineError
from clientchain.i18n import _

if TYPE_CHECKING:
    import duckdb

__all__ = ["FLUSH_THRESHOLD", "THREADS", "Progress", "connect", "execute", "first", "literal"]

THREADS = 1
"""Engine threads. One: the scans that number the rows run on one thread anyway, and a
second thread costs more memory than the memory target of issue 7 can spare
(measurements: ``docs/discover.md``, "Performance")."""

FLUSH_THRESHOLD = "8MB"
"""Freed memory DuckDB's allocator keeps before handing it back to the system. Its default,
512 MiB, raises the peak of a large discovery over the ½-of-pm4py target of issue 7
(measurements: ``docs/discover.md``, "Performance")."""

Progress = Callable[[str, "float | None"], None]
"""A progress callback: ``progress(stage, fraction)``; ``fraction`` is 0–1 or ``None``
when the stage cannot say how far it is."""


def connect() -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB connection: UTC time zone, :data:`THREADS` threads, and freed
    memory returned to the system past :data:`FLUSH_THRESHOLD`.

    Raises
    ------
    MissingEngineError
        DuckDB is not installed (``pip install 'clientchain[discover]'``).
    """
    try:
        import duckdb
    except ImportError:
        raise MissingEngineError() from None
    config: dict[str, str | bool | int | float | list[str]] = {
        "threads": THREADS,
        "allocator_bulk_deallocation_flush_threshold": FLUSH_THRESHOLD,
    }
    con = duckdb.connect(":memory:", config=config)
    con.execute("SET TimeZone = 'UTC'").fetchall()
    return con


def literal(text: str) -> str:
    """``text`` as a SQL string literal (for table-function arguments such as paths).

    >>> literal("it's.csv")
    "'it''s.csv'"
    """
    return "'" + text.replace("'", "''") + "'"


def execute(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: Sequence[Any] | None = None,
    *,
    progress: Progress | None = None,
    stage: str = "",
) -> list[tuple[Any, ...]]:
    """Run ``sql`` and fetch every row; with ``progress``, report DuckDB's own estimate.

    The query runs in a worker thread while this one polls
    ``con.query_progress()`` every 0.1 s. Ctrl-C interrupts the query and raises
    :class:`KeyboardInterrupt` (DuckDB's own "Query interrupted" becomes one).
    """
    if progress is None:
        with _interruptible():
            return con.execute(sql, params).fetchall()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            with _interruptible():
                outcome["rows"] = con.execute(sql, params).fetchall()
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - handed to the caller
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="clientchain-discover", daemon=True)
    thread.start()
    try:
        while thread.is_alive():
            thread.join(0.1)
            done = con.query_progress()
            progress(stage, done / 100 if done >= 0 else None)
    except KeyboardInterrupt:
        con.interrupt()
        thread.join()
        raise
    if "error" in outcome:
        raise outcome["error"]
    if "rows" not in outcome:
        raise DiscoverError(
            _("the {stage} stopped without a result").format(stage=stage or _("query"))
        )
    rows: list[tuple[Any, ...]] = outcome["rows"]
    return rows


def first(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | None = None
) -> tuple[Any, ...] | None:
    """The first row of ``sql`` (``None`` when it has none); the result is fully consumed."""
    with _interruptible():
        rows = con.execute(sql, params).fetchall()
    return rows[0] if rows else None


@contextmanager
def _interruptible() -> Iterator[None]:
    """Turn DuckDB's report of a Ctrl-C (``RuntimeError('Query interrupted')`` or its
    ``InterruptException``) into the :class:`KeyboardInterrupt` it stands for (exit 130)."""
    import duckdb

    try:
        yield
    except duckdb.InterruptException:
        raise KeyboardInterrupt from None
    except RuntimeError as exc:
        if "interrupted" not in str(exc).lower():
            raise
        raise KeyboardInterrupt from None
