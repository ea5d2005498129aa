"""Helpers for the discover tests: hand-made logs, an XES writer, and a second,
plain-Python count of handovers to check the engine's against."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby, pairwise
from pathlib import Path
from statistics import median
from xml.sax.saxutils import quoteattr

PLACEHOLDERS = ("empty", "null", "n/a", "-")  # written out again, not imported: a second opinion
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_LOG = ROOT / "examples" / "event-log" / "agencia-log.csv"
EXAMPLE_ORG = ROOT / "examples" / "discovered.yaml"
EXAMPLE_FORMAT = "%d/%m/%Y %H:%M"
EXAMPLE_OPTIONS = (
    "--case", "caso", "--activity", "actividad", "--department", "departamento",
    "--timestamp", "fin", "--start-timestamp", "inicio",
)  # fmt: skip


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[str]], delimiter: str = ","
) -> Path:
    """Write a small CSV log."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_example() -> list[dict[str, str]]:
    """The example log's rows, in file order."""
    with EXAMPLE_LOG.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter=";"))


def python_handovers(
    rows: Iterable[dict[str, str]], case: str, department: str, timestamp: str, fmt: str
) -> Counter[tuple[str, str]]:
    """Handovers counted the plain way: group by case, stable-sort by time, compare neighbours.

    Rows missing a case, department or timestamp are left out. ``sorted`` is stable,
    so events with the same timestamp keep their order in the file.
    """
    cases: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
    for row in rows:
        if row[case].strip() and row[department].strip() and row[timestamp].strip():
            stamp = datetime.strptime(row[timestamp].strip(), fmt)
            cases[row[case].strip()].append((stamp, row[department].strip()))
    counts: Counter[tuple[str, str]] = Counter()
    for events in cases.values():
        ordered = sorted(events, key=lambda event: event[0])
        for (_, a), (_, b) in pairwise(ordered):
            if a != b:
                counts[a, b] += 1
    return counts


def example_as_xes(path: Path, gz: bool = False) -> Path:
    """The example log as XES: one trace per case, a start and a complete event per row.

    Traces follow the cases' first appearance; within a trace, rows keep their file
    order. A row without a department gets no ``org:group`` attribute.
    """
    traces: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in read_example():
        traces[row["caso"]].append(row)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<log xes.version="1.0" xmlns="http://www.xes-standard.org/">',
        '  <global scope="event"><string key="org:group" value="UNKNOWN"/></global>',
    ]
    for case, rows in traces.items():
        lines.append(f'  <trace>\n    <string key="concept:name" value={quoteattr(case)}/>')
        for row in rows:
            for transition, column in (("start", "inicio"), ("complete", "fin")):
                stamp = datetime.strptime(row[column], EXAMPLE_FORMAT).isoformat()
                group = (
                    f'<string key="org:group" value={quoteattr(row["departamento"])}/>'
                    if row["departamento"]
                    else ""
                )
                lines.append(
                    f'    <event><string key="concept:name" value={quoteattr(row["actividad"])}/>'
                    f"{group}"
                    f'<string key="org:resource" value={quoteattr(row["recurso"])}/>'
                    f'<date key="time:timestamp" value="{stamp}.000+00:00"/>'
                    f'<string key="lifecycle:transition" value="{transition}"/></event>'
                )
        lines.append("  </trace>")
    lines.append("</log>")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if gz:
        import gzip

        data = gzip.compress(data)
    path.write_bytes(data)
    return path


def example_as_parquet(path: Path) -> Path:
    """The example log as Parquet, written by DuckDB with typed timestamps, rows in file order."""
    import duckdb

    con = duckdb.connect()
    source = str(EXAMPLE_LOG).replace("'", "''")
    con.execute(
        "COPY (SELECT caso, actividad, departamento, recurso, "
        f"strptime(inicio, '{EXAMPLE_FORMAT}') AS inicio, strptime(fin, '{EXAMPLE_FORMAT}') AS fin "
        f"FROM read_csv('{source}', delim = ';', header = true, all_varchar = true)) "
        f"TO '{str(path).replace(chr(39), chr(39) * 2)}' (FORMAT parquet)"
    ).fetchall()
    con.close()
    return path


# A second, plain-Python discovery of a whole log: totals, edges and variants, as
# docs/discover.md states them. The engine's result must equal it (see test_discover_query).

Stamp = Callable[[str], datetime]


@dataclass(frozen=True)
class Reference:
    """What a log shows, counted the plain way (hours for gaps and efforts)."""

    rows_read: int
    skipped: int
    events: int
    measured: int
    cases: int
    first: datetime | None
    last: datetime | None
    departments: tuple[tuple[str, int], ...]
    edges: tuple[tuple[str, str, int, float, str | None], ...]  # most handovers first
    variants: tuple[tuple[tuple[str, ...], int, tuple[float | None, ...], tuple[int, ...]], ...]
    returns: tuple[tuple[str, str, int, int], ...] = ()  # (source, target, returns, cases)
    reentries: tuple[tuple[str, int, int, int], ...] = ()  # (department, cases, returned, visits)
    repeats: tuple[tuple[str, int, int, int], ...] = ()  # (activity, cases, repeated, done)


@dataclass(frozen=True)
class _Event:
    seq: int
    case: str
    activity: str | None
    department: str
    end: datetime
    start: datetime | None


def reference_discovery(
    rows: Sequence[dict[str, str]],
    columns: dict[str, str],
    stamp: Stamp,
) -> Reference:
    """Discover ``rows`` (dicts in file order) with ``columns`` mapping role -> column name.

    Roles: ``case``, ``department``, ``timestamp`` and optionally ``activity``,
    ``start_timestamp``, ``lifecycle``. Text is stripped of spaces (DuckDB's ``trim``)
    and empty text is missing; so is a department written as a placeholder (``EMPTY``,
    ``NULL``, ``N/A``, ``-``, any case).
    """

    def text(row: dict[str, str], role: str) -> str | None:
        column = columns.get(role)
        value = row.get(column, "") if column else ""
        return value.strip(" \u00a0") or None

    usable: list[tuple[_Event, str | None]] = []
    for seq, row in enumerate(rows, start=1):
        case, department, end = text(row, "case"), text(row, "department"), text(row, "timestamp")
        if department is not None and department.lower() in PLACEHOLDERS:
            department = None
        if case is None or department is None or end is None:
            continue
        begin = text(row, "start_timestamp")
        event = _Event(
            seq, case, text(row, "activity"), department, stamp(end),
            stamp(begin) if begin else None,
        )  # fmt: skip
        transition = text(row, "lifecycle")
        usable.append((event, transition.lower() if transition else None))
    events = _paired(usable) if "lifecycle" in columns else [e for e, _ in usable]
    return _aggregate(len(rows), len(rows) - len(usable), events)


def _paired(usable: list[tuple[_Event, str | None]]) -> list[_Event]:
    """Completions, each with the start of its n-th start event when it has none."""
    completes: dict[tuple[str, str | None, str], list[_Event]] = defaultdict(list)
    starts: dict[tuple[str, str | None, str], list[_Event]] = defaultdict(list)
    for event, transition in usable:
        key = (event.case, event.activity, event.department)
        if transition in (None, "complete", "completed"):
            completes[key].append(event)
        elif transition == "start":
            starts[key].append(event)
    paired: list[_Event] = []
    for key, done in completes.items():
        began = sorted(starts.get(key, []), key=lambda e: (e.end, e.seq))
        for nth, event in enumerate(sorted(done, key=lambda e: (e.end, e.seq))):
            start = event.start or (began[nth].end if nth < len(began) else None)
            paired.append(_Event(event.seq, event.case, event.activity, event.department,
                                 event.end, start))  # fmt: skip
    return paired


def _duration(event: _Event) -> float | None:
    if event.start is None or event.start > event.end:
        return None
    return (event.end - event.start).total_seconds() / 3600


def _aggregate(rows_read: int, skipped: int, events: list[_Event]) -> Reference:
    cases: dict[str, list[_Event]] = defaultdict(list)
    for event in events:
        cases[event.case].append(event)
    handovers: dict[tuple[str, str], list[float]] = defaultdict(list)
    handed: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    variants: dict[tuple[str, ...], list[list[float | None]]] = defaultdict(list)
    returned: Counter[tuple[str, str]] = Counter()
    passed: Counter[tuple[str, str]] = Counter()  # cases with the pair
    visits: dict[str, Counter[str]] = defaultdict(Counter)  # department -> case -> steps
    done: dict[str, Counter[str]] = defaultdict(Counter)  # activity -> case -> times
    for case, case_events in cases.items():
        ordered = sorted(case_events, key=lambda e: (e.end, e.seq))
        for event in ordered:
            if event.activity is not None:
                done[event.activity][case] += 1
        walk = [d for d, _ in groupby(e.department for e in ordered)]
        for pair in set(pairwise(walk)):
            passed[pair] += 1
        for d in walk:
            visits[d][case] += 1
        for a, b, c in zip(walk, walk[1:], walk[2:], strict=False):
            if a == c:
                returned[a, b] += 1
        for a, b in pairwise(ordered):
            if a.department != b.department:
                handovers[a.department, b.department].append((b.end - a.end).total_seconds())
                if a.activity is not None:
                    handed[a.department, b.department][a.activity] += 1
        path: list[str] = []
        efforts: list[float | None] = []
        for event in ordered:
            duration = _duration(event)
            if path and path[-1] == event.department:
                before = efforts[-1]
                efforts[-1] = None if before is None or duration is None else before + duration
            else:
                path.append(event.department)
                efforts.append(duration)
        variants[tuple(path)].append(efforts)
    edges = sorted(
        (
            (s, t, len(gaps), median(gaps) / 3600,
             min(handed[s, t].items(), key=lambda kv: (-kv[1], kv[0]))[0] if handed[s, t] else None)
            for (s, t), gaps in handovers.items()
        ),
        key=lambda e: (-e[2], e[0], e[1]),
    )  # fmt: skip
    found = []
    for path, runs in variants.items():
        per_step = [[r[i] for r in runs if r[i] is not None] for i in range(len(path))]
        found.append((path, len(runs), tuple(median(m) if m else None for m in per_step),
                      tuple(len(m) for m in per_step)))  # fmt: skip
    found.sort(key=lambda v: (-v[1], v[0]))
    counted = Counter(e.department for e in events)
    ends = [e.end for e in events]
    return Reference(
        rows_read, skipped, len(events), sum(_duration(e) is not None for e in events),
        len(cases), min(ends, default=None), max(ends, default=None),
        tuple(sorted(counted.items())), tuple(edges), tuple(found),
        tuple((s, t, returned[s, t], passed[s, t]) for s, t, *_ in edges),
        tuple((d, len(v), sum(n > 1 for n in v.values()), sum(v.values()))
              for d, v in sorted(visits.items())),
        tuple(sorted(((a, len(v), sum(n > 1 for n in v.values()), sum(v.values()))
                      for a, v in done.items() if max(v.values()) > 1),
                     key=lambda r: (-r[2], r[0]))),
    )  # fmt: skip
