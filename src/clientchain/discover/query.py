"""The aggregation: one SQL query from ``events_raw`` to handovers, variants and totals.

Everything discover knows about the work comes from :data:`AGGREGATE`, a single
statement (common table expressions and window functions, nothing specific to
one engine beyond DuckDB's ``list``/struct literals and ``median``), so the same
logic can later run on a distributed SQL engine. It reads the table built by
:mod:`clientchain.discover.readers` and returns **one row** whose columns are
lists of structs. The semantics are documented step by step in the query itself
and in ``docs/discover.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from clientchain.discover.engine import Progress, execute

if TYPE_CHECKING:
    import duckdb

__all__ = ["AGGREGATE", "Aggregate", "ObservedEdge", "Totals", "Variant", "aggregate"]

AGGREGATE = """
-- clientchain discover: the whole aggregation of an event log, in one query.
-- Input: events_raw(seq, case_id, activity, department, ts, start_ts, lifecycle); seq is the
-- position in the file. Parameter $1: seconds in one period (day, week or month).
WITH
-- 1. Usable events: a case, a department and a timestamp are required; rows missing any of
--    them are skipped (and counted in the totals).
usable AS (
    SELECT * FROM events_raw
    WHERE case_id IS NOT NULL AND department IS NOT NULL AND ts IS NOT NULL
),
-- 2. With a lifecycle column, an activity is its 'complete' event (rows with no transition
--    count as complete); 'start' events only give the start time; other transitions
--    (schedule, assign, suspend ...) are ignored. The n-th start of an activity by a
--    department in a case pairs with its n-th completion.
completes AS (
    SELECT seq, case_id, activity, department, ts, start_ts,
           row_number() OVER (PARTITION BY case_id, activity, department ORDER BY ts, seq) AS nth
    FROM usable
    WHERE lifecycle IS NULL OR lower(lifecycle) IN ('complete', 'completed')
),
starts AS (
    SELECT case_id, activity, department, ts AS started,
           row_number() OVER (PARTITION BY case_id, activity, department ORDER BY ts, seq) AS nth
    FROM usable
    WHERE lower(lifecycle) = 'start'
),
-- 3. Duration of each activity in seconds: its own start column, else its paired start
--    event; NULL when neither exists or the start is after the end (never invented).
timed AS (
    SELECT c.seq, c.case_id, c.activity, c.department, c.ts,
           CASE WHEN coalesce(c.start_ts, s.started) <= c.ts
                THEN epoch(c.ts) - epoch(coalesce(c.start_ts, s.started)) END AS duration
    FROM completes c
    LEFT JOIN starts s
      ON s.case_id = c.case_id AND s.department = c.department AND s.nth = c.nth
     AND s.activity IS NOT DISTINCT FROM c.activity
),
-- 4. Within each case, events ordered by timestamp; ties keep file order (seq).
ordered AS (
    SELECT *,
           lag(department) OVER w AS prev_department,
           lag(activity) OVER w AS prev_activity,
           lag(ts) OVER w AS prev_ts,
           row_number() OVER w AS position
    FROM timed
    WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq)
),
-- 5. A handover: two consecutive events of a case whose departments differ. Its gap is
--    the time between the two events; its deliverable the activity handed over.
handovers AS (
    SELECT prev_department AS source, department AS target, prev_activity AS deliverable,
           epoch(ts) - epoch(prev_ts) AS gap
    FROM ordered
    WHERE prev_department <> department
),
edges AS (
    SELECT source, target, count(*) AS handovers, median(gap) AS gap
    FROM handovers GROUP BY source, target
),
deliverables AS (  -- the most frequent activity handed over (ties: alphabetical)
    SELECT source, target, first(deliverable ORDER BY n DESC, deliverable) AS deliverable
    FROM (SELECT source, target, deliverable, count(*) AS n FROM handovers
          WHERE deliverable IS NOT NULL GROUP BY source, target, deliverable)
    GROUP BY source, target
),
-- 6. Runs: consecutive events of a case in one department collapse into one step. A run's
--    effort is the sum of its durations, only when every event of the run has one.
runs AS (
    SELECT case_id, department, duration,
           sum(CASE WHEN prev_department IS DISTINCT FROM department THEN 1 ELSE 0 END)
               OVER (PARTITION BY case_id ORDER BY position) AS run
    FROM ordered
),
steps AS (
    SELECT case_id, run, any_value(department) AS department,
           CASE WHEN count(duration) = count(*) THEN sum(duration) END AS effort
    FROM runs GROUP BY case_id, run
),
-- 7. A case's variant: its sequence of departments, repeats collapsed.
paths AS (
    SELECT case_id, list(department ORDER BY run) AS path FROM steps GROUP BY case_id
),
variant_steps AS (  -- per variant and step: median effort over the cases that measured it
    SELECT p.path, s.run, median(s.effort) AS effort, count(s.effort) AS measured
    FROM steps s JOIN paths p USING (case_id) GROUP BY p.path, s.run
),
variants AS (
    SELECT p.path, count(*) AS cases,
           any_value(e.efforts) AS efforts, any_value(e.measured) AS measured
    FROM paths p
    JOIN (SELECT path, list(effort ORDER BY run) AS efforts, list(measured ORDER BY run)
                 AS measured FROM variant_steps GROUP BY path) e USING (path)
    GROUP BY p.path
),
-- 8. The time span of the log and the number of periods it covers (at least one).
span AS (
    SELECT min(ts) AS first_ts, max(ts) AS last_ts,
           greatest((epoch(max(ts)) - epoch(min(ts))) / $1, 1.0) AS periods
    FROM timed
)
SELECT
    (SELECT count(*) FROM events_raw) AS rows_read,
    (SELECT count(*) FROM events_raw) - (SELECT count(*) FROM usable) AS skipped,
    (SELECT count(*) FROM timed) AS events,
    (SELECT count(duration) FROM timed) AS measured,
    (SELECT count(DISTINCT case_id) FROM timed) AS cases,
    (SELECT first_ts FROM span) AS first_ts,
    (SELECT last_ts FROM span) AS last_ts,
    (SELECT periods FROM span) AS periods,
    (SELECT list({'department': department, 'events': n} ORDER BY department)
       FROM (SELECT department, count(*) AS n FROM timed GROUP BY department)) AS departments,
    (SELECT list({'source': e.source, 'target': e.target, 'handovers': e.handovers,
                  'gap': e.gap, 'deliverable': d.deliverable}
                 ORDER BY e.handovers DESC, e.source, e.target)
       FROM edges e LEFT JOIN deliverables d USING (source, target)) AS edges,
    (SELECT list({'path': path, 'cases': cases, 'efforts': efforts, 'measured': measured}
                 ORDER BY cases DESC, path)
       FROM variants) AS variants
"""
"""The one aggregation query (parameter ``$1``: seconds in one period)."""


@dataclass(frozen=True, slots=True)
class ObservedEdge:
    """Handovers from one department to another, as counted in the log."""

    source: str
    target: str
    handovers: int
    gap_hours: float  # median clock hours between the two events
    deliverable: str | None


@dataclass(frozen=True, slots=True)
class Variant:
    """A department sequence (repeats collapsed) and the cases that followed it.

    ``efforts`` holds, per step, the median effort in hours over the cases whose
    every event at that step had a duration (``None`` if none had); ``measured``
    how many cases that was.
    """

    path: tuple[str, ...]
    cases: int
    efforts: tuple[float | None, ...]
    measured: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Totals:
    """What the log holds: rows read and skipped, events, cases, durations, time span."""

    rows_read: int
    skipped: int
    events: int
    measured: int  # events with a duration
    cases: int
    first: datetime | None
    last: datetime | None
    periods: float  # periods spanned by the log (at least 1)
    departments: tuple[tuple[str, int], ...]  # (department, events), by name


@dataclass(frozen=True, slots=True)
class Aggregate:
    """The result of :data:`AGGREGATE`, typed."""

    totals: Totals
    edges: tuple[ObservedEdge, ...]  # most handovers first
    variants: tuple[Variant, ...]  # most cases first


def aggregate(
    con: duckdb.DuckDBPyConnection, period_seconds: float, progress: Progress | None = None
) -> Aggregate:
    """Run :data:`AGGREGATE` on the ``events_raw`` table of ``con``."""
    rows = execute(con, AGGREGATE, [period_seconds], progress=progress, stage="aggregating")
    row = rows[0]
    totals = Totals(
        rows_read=int(row[0]),
        skipped=int(row[1]),
        events=int(row[2]),
        measured=int(row[3]),
        cases=int(row[4]),
        first=row[5],
        last=row[6],
        periods=float(row[7]) if row[7] is not None else 1.0,
        departments=tuple((d["department"], int(d["events"])) for d in row[8] or ()),
    )
    return Aggregate(
        totals,
        tuple(_edge(e) for e in row[9] or ()),
        tuple(_variant(v) for v in row[10] or ()),
    )


def _edge(e: dict[str, Any]) -> ObservedEdge:
    return ObservedEdge(
        e["source"], e["target"], int(e["handovers"]), float(e["gap"]) / 3600, e["deliverable"]
    )


def _variant(v: dict[str, Any]) -> Variant:
    return Variant(
        tuple(v["path"]),
        int(v["cases"]),
        tuple(None if x is None else float(x) / 3600 for x in v["efforts"]),
        tuple(int(m) for m in v["measured"]),
    )
