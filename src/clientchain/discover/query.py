"""The aggregation: one SQL query from ``events_raw`` to handovers, variants and totals.

Everything discover knows about the work comes from one statement, :data:`AGGREGATE`
(common table expressions and window functions, nothing specific to one engine beyond
DuckDB's list and struct values, list functions and ``median``), so the same logic can
later run on a distributed SQL engine. It reads the view built by
:mod:`clientchain.discover.readers` and returns **one row** whose columns are lists of
structs. The semantics are documented step by step in the query itself and in
``docs/discover.md``.

The query comes in two forms that differ only in step 2 (and in which rows give the
time span): :data:`AGGREGATE` pairs ``start`` and ``complete`` events of a lifecycle
column; :data:`AGGREGATE_PLAIN`, for logs without one, takes every usable row as an
event and skips the pairing windows. On a log without a lifecycle column both give the
same result (the tests check it).

How it stays fast and small on a million events (``benchmarks/RESULTS-discover.md``):
the log is streamed twice instead of being copied into a table; departments and
activities become small numbers before the sort, and their text is trimmed once per
distinct value; cases are sorted once, by one window, and a second, smaller window
over the last event of each step does the rest; variants are found by grouping the
cases' department lists, never by joining on them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from clientchain.discover.engine import Progress, execute
from clientchain.discover.rework import ActivityRepeat, DepartmentReentry
from clientchain.i18n import _

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "AGGREGATE",
    "AGGREGATE_PLAIN",
    "PLACEHOLDERS",
    "Aggregate",
    "ObservedEdge",
    "Totals",
    "Variant",
    "aggregate",
    "aggregate_sql",
]

# i18n: SQL
_HEAD = """
-- clientchain discover: the whole aggregation of an event log, in one query.
-- Input: the view events_raw(seq, case_id, activity, department, ts, start_ts, lifecycle,
-- ts_bad, start_bad) over the log; seq is the position in the file; activity and department
-- are the text as written (trimmed here, once per distinct text); ts_bad / start_bad flag a
-- timestamp that is given but unreadable. The view is scanned twice: for the totals and the
-- names (1), then for the events (2). Parameter $1: seconds in one period (day, week, month);
-- $2: department placeholders that mean "missing" (lowercase: 'empty', 'null', 'n/a', '-' ...).
WITH
-- 1. Totals of the rows. Usable rows have a case, a department and a timestamp; the others
--    are skipped (and counted). A department that is empty or a placeholder ($2, any case)
--    is missing. Departments and activities are numbered in name order, and the rest of the
--    query works on these numbers.
rows AS (
    SELECT seq, case_id, activity, department, ts, lifecycle, ts_bad, start_bad FROM events_raw
),
log AS (
    SELECT count(*) AS rows_read,
           min(seq) FILTER (WHERE ts_bad) AS bad_ts,
           min(seq) FILTER (WHERE start_bad) AS bad_start,
           count(*) FILTER (WHERE department IS NULL AND case_id IS NOT NULL
               AND ts IS NOT NULL) AS no_department,
           list(DISTINCT department) FILTER (WHERE department IS NOT NULL AND case_id IS NOT NULL
               AND ts IS NOT NULL) AS department_texts,
           list(DISTINCT activity) FILTER (WHERE activity IS NOT NULL AND case_id IS NOT NULL
               AND department IS NOT NULL AND ts IS NOT NULL) AS activity_texts
    FROM rows
),
written AS (  -- per department as written: the rows with a case and a timestamp, their span
    SELECT department AS text, count(*) AS n,
           min(ts) {completed} AS first_ts,
           max(ts) {completed} AS last_ts
    FROM rows
    WHERE department IS NOT NULL AND case_id IS NOT NULL AND ts IS NOT NULL
    GROUP BY department
),
departments AS (  -- department text -> number (texts that trim alike share it)
    SELECT text, name, CAST(dense_rank() OVER (ORDER BY name) AS UINTEGER) AS d
    FROM (SELECT text, nullif(trim(text), '') AS name
          FROM (SELECT unnest(department_texts) AS text FROM log))
    WHERE name IS NOT NULL AND NOT list_contains($2, lower(name))
),
missing AS (  -- rows (with a case and a timestamp) whose department is missing, per text
    SELECT name, sum(n) AS n
    FROM (SELECT coalesce(nullif(trim(text), ''), '') AS name, n FROM written
          WHERE nullif(trim(text), '') IS NULL OR list_contains($2, lower(trim(text)))
          UNION ALL
          SELECT '' AS name, no_department AS n FROM log WHERE no_department > 0)
    GROUP BY name
),
department_names AS (SELECT DISTINCT d, name AS department FROM departments),
activities AS (
    SELECT text, name, CAST(dense_rank() OVER (ORDER BY name) AS UINTEGER) AS a
    FROM (SELECT text, nullif(trim(text), '') AS name
          FROM (SELECT unnest(activity_texts) AS text FROM log))
    WHERE name IS NOT NULL
),
activity_names AS (SELECT DISTINCT a, name AS activity FROM activities),
usable AS (
    SELECT sum(n) AS n, min(first_ts) AS first_ts, max(last_ts) AS last_ts
    FROM written JOIN departments USING (text)
),
"""

# i18n: SQL
_EVENTS_PLAIN = """
-- 2. Events: every usable row (the log has no lifecycle column). Times in microseconds; an
--    event's duration runs from its start column, never from an invented start (NULL when
--    there is none or it is after the end).
events AS (
    SELECT case_id, seq, d, a, epoch_us(ts) AS t,
           CASE WHEN start_ts <= ts THEN epoch_us(ts) - epoch_us(start_ts) END AS duration
    FROM events_raw r
    JOIN departments ON departments.text = r.department
    LEFT JOIN activities ON activities.text = r.activity
    WHERE case_id IS NOT NULL AND ts IS NOT NULL
),
"""

# i18n: SQL
_EVENTS_LIFECYCLE = """
-- 2. Events. With a lifecycle column, an activity is its 'complete' event (rows with no
--    transition count as complete); 'start' events only give the start time; other
--    transitions (schedule, assign, suspend ...) are ignored. The n-th start of an activity
--    by a department in a case pairs with its n-th completion. Times in microseconds; the
--    duration runs from the start column, else the paired start event; NULL when neither
--    exists or the start is after the end (never invented).
transitions AS (
    SELECT seq, case_id, d, a, ts, start_ts, lower(lifecycle) AS transition
    FROM events_raw r
    JOIN departments ON departments.text = r.department
    LEFT JOIN activities ON activities.text = r.activity
    WHERE case_id IS NOT NULL AND ts IS NOT NULL
),
completes AS (
    SELECT seq, case_id, d, a, ts, start_ts,
           row_number() OVER (PARTITION BY case_id, a, d ORDER BY ts, seq) AS nth
    FROM transitions
    WHERE transition IS NULL OR transition IN ('complete', 'completed')
),
starts AS (
    SELECT case_id, d, a, ts AS started,
           row_number() OVER (PARTITION BY case_id, a, d ORDER BY ts, seq) AS nth
    FROM transitions
    WHERE transition = 'start'
),
events AS (
    SELECT c.case_id, c.seq, c.d, c.a, epoch_us(c.ts) AS t,
           CASE WHEN coalesce(c.start_ts, s.started) <= c.ts
                THEN epoch_us(c.ts) - epoch_us(coalesce(c.start_ts, s.started)) END AS duration
    FROM completes c
    LEFT JOIN starts s
      ON s.case_id = c.case_id AND s.d = c.d AND s.nth = c.nth AND s.a IS NOT DISTINCT FROM c.a
),
"""

# i18n: SQL
_TAIL = """
-- 3. Within each case, events ordered by timestamp; ties keep file order (seq). Each event
--    knows the next one and the running total and count of the case's durations so far.
ordered AS (
    SELECT case_id, d, a,
           row_number() OVER w AS position,
           lead(d) OVER w AS next_d,
           lead(t) OVER w - t AS gap,
           CAST(coalesce(sum(duration) OVER (w ROWS UNBOUNDED PRECEDING), 0) AS BIGINT) AS total,
           count(duration) OVER (w ROWS UNBOUNDED PRECEDING) AS measured
    FROM events
    WINDOW w AS (PARTITION BY case_id ORDER BY t, seq)
),
-- 4. Steps: consecutive events of a case in one department collapse into one step, kept as
--    its last event (the next event is in another department, or there is none). A step's
--    effort is the sum of its events' durations, only when every one of them has one;
--    after_d is the department the next step hands to (A -> B -> A: a return).
steps AS (
    SELECT case_id, d, a, next_d, after_d, gap, step, events, measured,
           CASE WHEN measured = events THEN duration END AS effort
    FROM (
        SELECT case_id, d, a, next_d, gap, lead(next_d) OVER s AS after_d,
               CAST(row_number() OVER s AS UINTEGER) AS step,
               position - lag(position, 1, 0) OVER s AS events,
               measured - lag(measured, 1, 0) OVER s AS measured,
               total - lag(total, 1, 0) OVER s AS duration
        FROM ordered
        WHERE next_d IS DISTINCT FROM d
        WINDOW s AS (PARTITION BY case_id ORDER BY position)
    )
),
-- 5. A handover: two consecutive events of a case whose departments differ, i.e. a step and
--    the first event of the next one. Its gap is the time between the two events; its
--    deliverable the activity handed over (the step's last). A handover returns when the
--    client's step hands the case straight back to the supplier (ping-pong A -> B -> A).
edges AS (
    SELECT d AS source, next_d AS target, count(*) AS handovers, median(gap) / 1e6 AS gap,
           count(*) FILTER (WHERE after_d = d) AS returns
    FROM steps WHERE next_d IS NOT NULL GROUP BY d, next_d
),
deliverables AS (  -- the most frequent activity handed over (ties: alphabetical)
    SELECT source, target, first(a ORDER BY n DESC, a) AS deliverable
    FROM (SELECT d AS source, next_d AS target, a, count(*) AS n FROM steps
          WHERE next_d IS NOT NULL AND a IS NOT NULL GROUP BY d, next_d, a)
    GROUP BY source, target
),
department_events AS (
    SELECT d, sum(events) AS events, sum(measured) AS measured, count(*) AS visits
    FROM steps GROUP BY d
),
activity_repeats AS (  -- per activity: cases, and cases that did it more than once
    SELECT a, count(*) AS cases, count(*) FILTER (WHERE n > 1) AS repeated, sum(n) AS done
    FROM (SELECT a, case_id, count(*) AS n FROM ordered WHERE a IS NOT NULL GROUP BY a, case_id)
    GROUP BY a
),
-- 6. A case's variant: its sequence of departments, repeats collapsed (sorted as
--    step * 2^32 + department, then the step dropped); its efforts keep their step number.
cases AS (
    SELECT [x % 4294967296 for x in list_sort(list(step * 4294967296 + d))] AS path,
           list({'step': step, 'effort': effort}) AS efforts,
           list(d * 4294967296 + next_d) FILTER (WHERE next_d IS NOT NULL) AS pairs
    FROM steps GROUP BY case_id
),
-- 7. Rework: the few cases whose path repeats a department (a pair passed twice repeats its
--    supplier) are unnested, per department and per pair (source * 2^32 + target) seen more
--    than once in the case: cases that came back, and the steps or passes beyond the first.
again AS (SELECT path, pairs FROM cases WHERE len(path) > len(list_distinct(path))),
department_again AS (
    SELECT r.x AS d, count(*) AS returned, sum(r.n - 1) AS extra
    FROM (SELECT unnest([{'x': x, 'n': len([y for y in path if y = x])}
                         for x in list_distinct(path)]) AS r FROM again)
    WHERE r.n > 1 GROUP BY r.x
),
pair_again AS (
    SELECT r.x // 4294967296 AS source, r.x % 4294967296 AS target, sum(r.n - 1) AS extra
    FROM (SELECT unnest([{'x': x, 'n': len([y for y in pairs if y = x])}
                         for x in list_distinct(pairs)]) AS r FROM again)
    WHERE r.n > 1 GROUP BY r.x
),
variants AS (
    SELECT path, count(*) AS cases, row_number() OVER () AS v FROM cases GROUP BY path
),
variant_steps AS (  -- per variant and step: median effort over the cases that measured it
    SELECT v, s.step AS step, median(s.effort) / 1e6 AS effort, count(s.effort) AS measured
    FROM (SELECT v, unnest(efforts) AS s FROM cases JOIN variants USING (path))
    GROUP BY v, s.step
)
SELECT
    (SELECT rows_read FROM log) AS rows_read,
    (SELECT rows_read FROM log) - (SELECT coalesce(n, 0) FROM usable) AS skipped,
    (SELECT sum(events) FROM department_events) AS events,
    (SELECT sum(measured) FROM department_events) AS measured,
    (SELECT sum(cases) FROM variants) AS cases,
    (SELECT first_ts FROM usable) AS first_ts,
    (SELECT last_ts FROM usable) AS last_ts,
    -- 8. The number of periods the log spans (at least one).
    (SELECT greatest((epoch(last_ts) - epoch(first_ts)) / $1, 1.0) FROM usable) AS periods,
    (SELECT list({'department': department, 'events': events,
                  'cases': visits - coalesce(extra, 0), 'returned': coalesce(returned, 0),
                  'visits': visits} ORDER BY department)
       FROM department_events JOIN department_names USING (d)
       LEFT JOIN department_again USING (d)) AS departments,
    (SELECT list({'source': s.department, 'target': t.department, 'handovers': e.handovers,
                  'gap': e.gap, 'deliverable': a.activity, 'returns': e.returns,
                  'cases': e.handovers - coalesce(p.extra, 0)}
                 ORDER BY e.handovers DESC, s.department, t.department)
       FROM edges e
       JOIN department_names s ON s.d = e.source
       JOIN department_names t ON t.d = e.target
       LEFT JOIN deliverables x USING (source, target)
       LEFT JOIN activity_names a ON a.a = x.deliverable
       LEFT JOIN pair_again p USING (source, target)) AS edges,
    (SELECT list({'path': names, 'cases': cases, 'efforts': efforts, 'measured': measured}
                 ORDER BY cases DESC, names)
       FROM (SELECT v.cases, e.efforts, e.measured,
                    (SELECT list(n.department ORDER BY p.i)
                       FROM unnest(v.path) WITH ORDINALITY AS p(d, i)
                       JOIN department_names n USING (d)) AS names
             FROM variants v
             JOIN (SELECT v, list(effort ORDER BY step) AS efforts,
                          list(measured ORDER BY step) AS measured
                   FROM variant_steps GROUP BY v) e USING (v))) AS variants,
    (SELECT bad_ts FROM log) AS bad_ts,
    (SELECT bad_start FROM log) AS bad_start,
    (SELECT list({'name': name, 'rows': n} ORDER BY n DESC, name) FROM missing) AS missing,
    (SELECT list({'activity': activity, 'cases': cases, 'repeated': repeated, 'done': done}
                 ORDER BY repeated DESC, activity)
       FROM activity_repeats JOIN activity_names USING (a) WHERE repeated > 0) AS activities
"""

PLACEHOLDERS = ("EMPTY", "NULL", "N/A", "-")
"""Department values that mean "no department" (any case, spaces around ignored), as an empty
one does: what exports write where nothing was recorded."""

_COMPLETED = "FILTER (WHERE lifecycle IS NULL OR lower(lifecycle) IN ('complete', 'completed'))"
"""With a lifecycle column, the time span is that of the completions (the events)."""


def aggregate_sql(lifecycle: bool) -> str:
    """The aggregation query, with the lifecycle pairing (step 2) only when ``lifecycle``."""
    head = _HEAD.format(completed=_COMPLETED if lifecycle else "")
    return head + (_EVENTS_LIFECYCLE if lifecycle else _EVENTS_PLAIN) + _TAIL


AGGREGATE = aggregate_sql(lifecycle=True)
"""The aggregation for a log with a lifecycle column (parameter ``$1``: seconds in a period)."""

AGGREGATE_PLAIN = aggregate_sql(lifecycle=False)
"""The same query for a log without a lifecycle column: no start/complete pairing."""


@dataclass(frozen=True, slots=True)
class ObservedEdge:
    """Handovers from one department to another, as counted in the log."""

    source: str
    target: str
    handovers: int
    gap_hours: float  # median clock hours between the two events
    deliverable: str | None
    returns: int = 0  # handovers the client sent straight back (A -> B -> A)
    cases: int = 0  # cases with at least one handover of the pair (0: not counted)


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
    missing: tuple[tuple[str, int], ...] = ()  # (placeholder or '' for empty, rows), most first


@dataclass(frozen=True, slots=True)
class Aggregate:
    """The result of the aggregation query, typed.

    ``bad_rows`` holds the position (``seq``) of the first row whose timestamp, and
    whose start timestamp, is given but cannot be read (``None`` when there is none):
    the caller refuses such a log (:func:`clientchain.discover.readers.check_timestamps`).
    """

    totals: Totals
    edges: tuple[ObservedEdge, ...]  # most handovers first
    variants: tuple[Variant, ...]  # most cases first
    bad_rows: tuple[int | None, int | None] = (None, None)
    reentries: tuple[DepartmentReentry, ...] = ()  # per department, by name
    repeats: tuple[ActivityRepeat, ...] = ()  # activities repeated in some case, most first


def aggregate(
    con: duckdb.DuckDBPyConnection,
    period_seconds: float,
    progress: Progress | None = None,
    *,
    lifecycle: bool = True,
    missing: Sequence[str] = PLACEHOLDERS,
) -> Aggregate:
    """Run the aggregation query on the ``events_raw`` view of ``con``.

    ``lifecycle`` ``False`` runs :data:`AGGREGATE_PLAIN`, for a log without a lifecycle
    column (its ``lifecycle`` is all ``NULL``); the result is the same, sooner.
    A department written as one of ``missing`` (trimmed, any case) is missing, as an
    empty one is.
    """
    sql = AGGREGATE if lifecycle else AGGREGATE_PLAIN
    placeholders = sorted({value.strip().lower() for value in missing} - {""})
    rows = execute(
        con,
        sql,
        [period_seconds, placeholders],
        progress=progress,
        stage=_("reading and aggregating"),
    )
    row = rows[0]
    totals = Totals(
        rows_read=int(row[0]),
        skipped=int(row[1]),
        events=int(row[2] or 0),
        measured=int(row[3] or 0),
        cases=int(row[4] or 0),
        first=row[5],
        last=row[6],
        periods=float(row[7]) if row[7] is not None else 1.0,
        departments=tuple((d["department"], int(d["events"])) for d in row[8] or ()),
        missing=tuple((m["name"], int(m["rows"])) for m in row[13] or ()),
    )
    return Aggregate(
        totals,
        tuple(_edge(e) for e in row[9] or ()),
        tuple(_variant(v) for v in row[10] or ()),
        (row[11], row[12]),
        tuple(
            DepartmentReentry(
                d["department"], int(d["cases"]), int(d["returned"]), int(d["visits"])
            )
            for d in row[8] or ()
        ),
        tuple(
            ActivityRepeat(r["activity"], int(r["cases"]), int(r["repeated"]), int(r["done"]))
            for r in row[14] or ()
        ),
    )


def _edge(e: dict[str, Any]) -> ObservedEdge:
    return ObservedEdge(
        e["source"],
        e["target"],
        int(e["handovers"]),
        float(e["gap"]) / 3600,
        e["deliverable"],
        int(e["returns"]),
        int(e["cases"]),
    )


def _variant(v: dict[str, Any]) -> Variant:
    return Variant(
        tuple(v["path"]),
        int(v["cases"]),
        tuple(None if x is None else float(x) / 3600 for x in v["efforts"]),
        tuple(int(m) for m in v["measured"]),
    )
