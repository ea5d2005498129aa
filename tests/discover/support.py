"""Helpers for the discover tests: hand-made logs, an XES writer, and a second,
plain-Python count of handovers to check the engine's against."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from xml.sax.saxutils import quoteattr

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
