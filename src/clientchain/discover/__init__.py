"""Discover the customer chain from an event log, and compare it with an org file.

An event log has one row per event: a case, an activity, the department (or
resource) that did it, and when. Within each case, events are ordered by time
(ties keep file order); a **handover** is two consecutive events whose
departments differ. Counting them per pair of departments gives the observed
supplier → client handoffs; the most frequent department sequences become
chains. The engine is DuckDB (the ``discover`` extra), imported only when a
log is read; the aggregation is one SQL query (:data:`~clientchain.discover.query.AGGREGATE`).
Semantics: ``docs/discover.md``.
"""

from __future__ import annotations

from clientchain.discover.api import (
    DEFAULT_CLIENT,
    PERIOD_SECONDS,
    DiscoverOptions,
    compare_log,
    discover_log,
)
from clientchain.discover.columns import ColumnMap, ColumnOptions
from clientchain.discover.compare import Comparison, EdgeComparison, compare
from clientchain.discover.errors import EXTRA, DiscoverError, MissingEngineError
from clientchain.discover.readers import ReadOptions
from clientchain.discover.result import Discovery

__all__ = [
    "DEFAULT_CLIENT",
    "EXTRA",
    "PERIOD_SECONDS",
    "ColumnMap",
    "ColumnOptions",
    "Comparison",
    "DiscoverError",
    "DiscoverOptions",
    "Discovery",
    "EdgeComparison",
    "MissingEngineError",
    "ReadOptions",
    "compare",
    "compare_log",
    "discover_log",
]
