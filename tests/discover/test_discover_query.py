"""The aggregation query, in both of its forms, against a plain-Python discovery.

`AGGREGATE_PLAIN` (a log without a lifecycle column) and `AGGREGATE` (with the
start/complete pairing) must agree with `support.reference_discovery` — totals, edges
with their gaps and deliverables, variants with their step efforts — on the example log
(CSV and Parquet) and on seeded random logs full of timestamp ties, repeated
departments, missing values, stray spaces and quoted delimiters; and with each other
whenever a log has no lifecycle column.
"""

from __future__ import annotations

import csv
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clientchain.discover import ColumnOptions, DiscoverOptions, ReadOptions, discover_log
from clientchain.discover.api import PERIOD_SECONDS
from clientchain.discover.engine import connect
from clientchain.discover.query import AGGREGATE, AGGREGATE_PLAIN, Aggregate, aggregate
from clientchain.discover.readers import open_log

from .support import (
    EXAMPLE_FORMAT,
    EXAMPLE_LOG,
    Reference,
    example_as_parquet,
    read_example,
    reference_discovery,
    write_csv,
)

EXAMPLE_COLUMNS = {
    "case": "caso", "activity": "actividad", "department": "departamento",
    "timestamp": "fin", "start_timestamp": "inicio",
}  # fmt: skip
EXAMPLE_READ = ReadOptions(ColumnOptions("caso", "actividad", "departamento", "fin", "inicio"))


def run(path: Path, options: ReadOptions, *, lifecycle: bool) -> Aggregate:
    """The aggregation of the log at ``path``, in the form chosen by ``lifecycle``."""
    con = connect()
    try:
        with open_log(con, path, options) as _:
            return aggregate(con, PERIOD_SECONDS["week"], lifecycle=lifecycle)
    finally:
        con.close()


def assert_matches(found: Aggregate, expected: Reference) -> None:
    t = found.totals
    assert (t.rows_read, t.skipped, t.events, t.measured, t.cases) == (
        expected.rows_read, expected.skipped, expected.events, expected.measured, expected.cases,
    )  # fmt: skip
    assert (t.first, t.last) == (expected.first, expected.last)
    assert t.departments == expected.departments
    edges = [(e.source, e.target, e.handovers, e.deliverable) for e in found.edges]
    assert edges == [(s, t, n, d) for s, t, n, _, d in expected.edges]
    gaps = [e.gap_hours for e in found.edges]
    assert gaps == pytest.approx([gap for _, _, _, gap, _ in expected.edges])
    assert [(v.path, v.cases, v.measured) for v in found.variants] == [
        (path, cases, measured) for path, cases, _, measured in expected.variants
    ]
    returns = [(e.source, e.target, e.returns, e.cases) for e in found.edges]
    assert returns == list(expected.returns)
    assert [(r.department, r.cases, r.returned, r.visits) for r in found.reentries] == list(
        expected.reentries
    )
    assert [(r.activity, r.cases, r.repeated, r.done) for r in found.repeats] == list(
        expected.repeats
    )
    for variant, (_, _, efforts, _) in zip(found.variants, expected.variants, strict=True):
        assert [e is None for e in variant.efforts] == [e is None for e in efforts]
        assert [e or 0.0 for e in variant.efforts] == pytest.approx([e or 0.0 for e in efforts])


def example_stamp(text: str) -> datetime:
    return datetime.strptime(text, EXAMPLE_FORMAT)


def iso_stamp(text: str) -> datetime:
    stamp = datetime.fromisoformat(text)
    return stamp.astimezone(UTC).replace(tzinfo=None) if stamp.tzinfo else stamp


@pytest.fixture(scope="module")
def example_reference() -> Reference:
    return reference_discovery(read_example(), EXAMPLE_COLUMNS, example_stamp)


@pytest.mark.parametrize("lifecycle", [False, True], ids=["plain", "lifecycle-form"])
def test_example_csv_matches_the_reference(example_reference: Reference, lifecycle: bool) -> None:
    assert_matches(run(EXAMPLE_LOG, EXAMPLE_READ, lifecycle=lifecycle), example_reference)


def test_example_parquet_matches_the_reference(
    tmp_path: Path, example_reference: Reference
) -> None:
    path = example_as_parquet(tmp_path / "log.parquet")
    assert_matches(run(path, EXAMPLE_READ, lifecycle=False), example_reference)


def test_only_the_lifecycle_form_pairs_starts_with_completions() -> None:
    assert "starts AS" in AGGREGATE
    assert "starts AS" not in AGGREGATE_PLAIN
    assert AGGREGATE_PLAIN.count("OVER (PARTITION BY case_id, a, d") == 0


def test_discover_uses_the_plain_form_without_a_lifecycle_column(tmp_path: Path) -> None:
    header, rows = random_log(random.Random(7), cases=40, lifecycle=False)
    path = write_csv(tmp_path / "log.csv", header, rows)
    found = discover_log(path)
    assert found.log.columns.lifecycle is None
    assert found.result == run(path, ReadOptions(), lifecycle=False)
    assert found.result == run(path, ReadOptions(), lifecycle=True)


DEPARTMENTS = [
    "Ventas", " Ventas", "Ventas ", "\u00a0Ventas", "Diseño", "Diseño ", "Impresión",
    "EMPTY", " n/a", "-",  # placeholders: missing, like an empty department
]  # fmt: skip
ACTIVITIES = ["Pedir", " Pedir", "Diseñar, revisar", 'Dar el "visto bueno"', "Imprimir\ny enviar"]
TRANSITIONS = ["start", "complete", "COMPLETE", "completed", "schedule", "", "Start"]


def random_log(
    rng: random.Random, cases: int, *, lifecycle: bool
) -> tuple[list[str], list[list[str]]]:
    """A CSV log with ties (minute timestamps, few of them), repeats, gaps and odd text."""
    header = ["case", "activity", "department", "start_timestamp", "timestamp"]
    header += ["lifecycle"] if lifecycle else []
    base = datetime(2024, 3, 4, 9, 0)
    rows = []
    for number in range(cases):
        case = f" C{number} " if rng.random() < 0.1 else f"C{number}"
        for _ in range(rng.randint(1, 7)):
            end = base + timedelta(minutes=rng.randint(0, 6) * 30 + number)
            start = end - timedelta(minutes=rng.choice([-15, 0, 10, 45, 90]))
            row = [
                case if rng.random() > 0.03 else "",
                rng.choice(ACTIVITIES) if rng.random() > 0.1 else "",
                rng.choice(DEPARTMENTS) if rng.random() > 0.05 else rng.choice(["", "  "]),
                start.isoformat(sep=" ") if rng.random() > 0.3 else "",
                end.isoformat(sep=" ") if rng.random() > 0.03 else "",
            ]
            row += [rng.choice(TRANSITIONS)] if lifecycle else []
            rows.append(row)
    rng.shuffle(rows)  # file order decides the ties
    return header, rows


def as_dicts(header: list[str], rows: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.mark.parametrize("seed", range(5))
def test_random_logs_match_the_reference_in_both_forms(tmp_path: Path, seed: int) -> None:
    header, rows = random_log(random.Random(seed), cases=60, lifecycle=False)
    path = write_csv(tmp_path / "log.csv", header, rows)
    columns = {name: name for name in header}
    expected = reference_discovery(as_dicts(header, rows), columns, iso_stamp)
    plain = run(path, ReadOptions(), lifecycle=False)
    assert_matches(plain, expected)
    assert run(path, ReadOptions(), lifecycle=True) == plain


@pytest.mark.parametrize("seed", range(5))
def test_random_lifecycle_logs_match_the_reference(tmp_path: Path, seed: int) -> None:
    header, rows = random_log(random.Random(100 + seed), cases=60, lifecycle=True)
    path = write_csv(tmp_path / "log.csv", header, rows, delimiter=";")
    expected = reference_discovery(as_dicts(header, rows), {n: n for n in header}, iso_stamp)
    found = discover_log(path)  # standard names: the lifecycle column is recognised
    assert found.log.columns.lifecycle == "lifecycle"
    assert_matches(found.result, expected)


def test_departments_written_with_stray_spaces_are_one_department(tmp_path: Path) -> None:
    rows = [
        ["1", "Ventas", "2024-01-01 09:00"],
        ["1", " Diseño\u00a0", "2024-01-01 10:00"],
        ["2", "\u00a0Ventas ", "2024-01-02 09:00"],
        ["2", "Diseño", "2024-01-02 11:00"],
        ["2", "   ", "2024-01-02 12:00"],  # blank: skipped
    ]
    found = discover_log(write_csv(tmp_path / "s.csv", ["case", "department", "timestamp"], rows))
    assert found.result.totals.departments == (("Diseño", 2), ("Ventas", 2))
    assert found.result.totals.skipped == 1
    ((source, target, count),) = [(e.source, e.target, e.handovers) for e in found.result.edges]
    assert (source, target, count) == ("Ventas", "Diseño", 2)


def test_a_utc_offset_after_the_sample_is_not_ignored(tmp_path: Path) -> None:
    # 1,200 naive ISO timestamps: the sample (1,000) has no offset, so the fast shape
    # is tried first; the last case's offset must still move its first event to 10:00 UTC.
    rows = [[f"f{n}", "Ventas", f"2024-02-01T09:{n % 60:02d}:00"] for n in range(1200)]
    rows += [["x", "Ventas", "2024-03-01T12:00:00+02:00"], ["x", "Diseño", " 2024-03-01T10:30:00 "]]
    path = write_csv(tmp_path / "late.csv", ["case", "department", "timestamp"], rows)
    found = discover_log(path)
    (edge,) = found.result.edges
    assert (edge.source, edge.target, edge.gap_hours) == ("Ventas", "Diseño", 0.5)
    assert found.log.formats == {"timestamp": "iso"}


def test_an_unreadable_timestamp_far_down_the_log_names_its_row(tmp_path: Path) -> None:
    from clientchain.discover import DiscoverError

    rows = [[f"c{n}", "Ventas", "2024-02-01 09:00"] for n in range(1500)]
    rows.insert(1400, ["c", "Ventas", "1 de marzo"])
    path = write_csv(tmp_path / "bad.csv", ["case", "department", "timestamp"], rows)
    with pytest.raises(DiscoverError, match=r"row 1401: cannot read '1 de marzo'"):
        discover_log(path)


def test_quoted_delimiters_and_line_breaks_are_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        writer.writerow(["case", "activity", "department", "timestamp"])
        writer.writerow(["1", "Diseñar, revisar\ny enviar", "Ventas", "2024-01-01 09:00"])
        writer.writerow(["1", 'El "visto bueno"', "Diseño", "2024-01-01 10:00"])
    found = discover_log(path, DiscoverOptions())
    (edge,) = found.result.edges
    assert edge.deliverable == "Diseñar, revisar\ny enviar"
    assert found.result.totals.rows_read == 2
