"""Hand-made logs whose handovers are worked out by hand, through the library and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientchain.discover import (
    ColumnOptions,
    DiscoverError,
    DiscoverOptions,
    ReadOptions,
    discover_log,
)
from clientchain.errors import UsageError
from clientchain.loading import load_text
from clientchain.output.discover import org_yaml

from .support import write_csv

HEADER = ["case", "activity", "department", "timestamp"]

# Span: 2024-01-01 00:00 → 2024-01-15 00:00 = 14 days = exactly 2 weeks.
ROWS = [
    ["c1", "a1", "Sales", "2024-01-01 00:00:00"],
    ["c1", "a2", "Sales", "2024-01-01 02:00:00"],  # Sales → Sales: no handover
    ["c1", "a3", "Design", "2024-01-01 03:00:00"],  # Sales → Design, gap 1 h
    ["c1", "a4", "Print", "2024-01-01 03:00:00"],  # tie: file order, Design → Print, gap 0
    ["c2", "b2", "Design", "2024-01-08 05:00:00"],  # listed before b1 but later in time
    ["c2", "b1", "Sales", "2024-01-08 02:00:00"],  # Sales → Design, gap 3 h
    ["c2", "b3", "", "2024-01-08 06:00:00"],  # no department: skipped
    ["c2", "b4", "Print", "2024-01-15 00:00:00"],  # Design → Print, gap 6 d 19 h = 163 h
    ["c3", "s1", "Sales", "2024-01-10 09:00:00"],  # a single-event case
    ["c4", "p1", "Print", "2024-01-03 10:00:00"],  # tie, Print listed first:
    ["c4", "d1", "Design", "2024-01-03 10:00:00"],  # Print → Design, gap 0
    ["", "x", "Sales", "2024-01-02 00:00:00"],  # no case: skipped
]


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "hand.csv", HEADER, ROWS)


def counts(found) -> dict[tuple[str, str], int]:
    return {(e.source, e.target): e.handovers for e in found.result.edges}


def test_handovers_ties_self_handovers_missing_values(log: Path) -> None:
    found = discover_log(log)
    # c1: Sales→Design, Design→Print; c2: Sales→Design, Design→Print; c4: Print→Design.
    assert counts(found) == {("Sales", "Design"): 2, ("Design", "Print"): 2, ("Print", "Design"): 1}
    totals = found.result.totals
    assert (totals.rows_read, totals.skipped, totals.events, totals.cases) == (12, 2, 10, 4)
    assert found.handovers == 5


def test_lead_time_is_the_median_gap(log: Path) -> None:
    gaps = {(e.source, e.target): e.gap_hours for e in discover_log(log).result.edges}
    assert gaps["Sales", "Design"] == pytest.approx((1 + 3) / 2)  # median of 1 h and 3 h
    assert gaps["Design", "Print"] == pytest.approx((0 + 163) / 2)  # 6 d 19 h = 163 h
    assert gaps["Print", "Design"] == 0


def test_volume_is_handovers_per_period_over_the_span(log: Path) -> None:
    weekly = discover_log(log)
    assert weekly.result.totals.periods == pytest.approx(2.0)  # 14 days / 7
    volumes = {(h.source, h.target): h.volume for h in weekly.org.handoffs}
    assert volumes["sales", "design"] == 1.0  # 2 handovers / 2 weeks
    assert volumes["print", "design"] == 0.5  # 1 / 2
    daily = discover_log(log, DiscoverOptions(period="day"))
    volumes = {(h.source, h.target): h.volume for h in daily.org.handoffs}
    assert volumes["sales", "design"] == 0.1429  # 2 / 14 days, four significant digits


def test_a_log_shorter_than_a_period_counts_as_one(log: Path) -> None:
    monthly = discover_log(log, DiscoverOptions(period="month"))
    assert monthly.result.totals.periods == 1.0  # 14 days < 30.44 days
    volumes = {(h.source, h.target): h.volume for h in monthly.org.handoffs}
    assert volumes["sales", "design"] == 2.0


def test_variants_collapse_repeats_and_chains_follow_frequency(log: Path) -> None:
    found = discover_log(log)
    paths = [(v.path, v.cases) for v in found.result.variants]
    # c1 and c2: Sales→Design→Print; c4: Print→Design; c3: Sales (ties sorted by path).
    assert paths == [
        (("Sales", "Design", "Print"), 2),
        (("Print", "Design"), 1),
        (("Sales",), 1),
    ]
    chain = found.org.chains["variant-1"]
    assert chain.demand == 1.0  # 2 cases / 2 weeks
    assert [s.department for s in chain.steps] == ["sales", "design", "print"]
    assert [s.effort for s in chain.steps] == [None, None, None]  # no start times: unknown


def test_top_and_coverage(log: Path) -> None:
    assert len(discover_log(log, DiscoverOptions(top=2)).chains) == 2
    assert len(discover_log(log, DiscoverOptions(coverage=0.5)).chains) == 1  # 2 of 4 cases
    found = discover_log(log, DiscoverOptions(coverage=0.6))
    assert len(found.chains) == 2  # 2/4 < 60% ≤ 3/4
    assert found.coverage == 0.75
    with pytest.raises(UsageError, match="either --top or --coverage"):
        discover_log(log, DiscoverOptions(top=1, coverage=0.5))


def test_the_org_file_loads_back_and_says_efforts_are_unknown(log: Path) -> None:
    found = discover_log(log, DiscoverOptions(client="Imprenta Núñez"))
    text = org_yaml(found)
    org = load_text(text, "found.yaml")
    assert set(org.departments) == {"sales", "design", "print"}
    assert org.clients["imprenta-nunez"].name == "Imprenta Núñez"
    # Variants Sales → Design → Print, Print → Design and Sales: 3 + 2 + 1 = 6 steps, none measured.
    assert "UNKNOWN EFFORTS: no case measured 6 of the 6 chain steps" in text
    assert "efforts are measured or estimated and set" in text
    assert '  # 2 handovers\n  - from: "sales"\n    to: "design"' in text


def test_start_timestamps_give_step_efforts(tmp_path: Path) -> None:
    rows = [
        ["k1", "Sales", "2024-03-04 09:00", "2024-03-04 10:00"],  # 1 h
        ["k1", "Sales", "2024-03-04 10:00", "2024-03-04 10:30"],  # + 0.5 h: run of 1.5 h
        ["k1", "Design", "2024-03-04 11:00", "2024-03-04 15:00"],  # 4 h
        ["k2", "Sales", "2024-03-05 09:00", "2024-03-05 09:30"],  # 0.5 h
        ["k2", "Design", "2024-03-05 10:00", "2024-03-05 12:00"],  # 2 h
        ["k3", "Sales", "2024-03-06 09:00", "2024-03-06 10:00"],  # 1 h
        ["k3", "Design", "", "2024-03-06 12:00"],  # no start: not measured
    ]
    log = write_csv(tmp_path / "t.csv", ["case", "department", "start", "end"], rows)
    columns = ColumnOptions(timestamp="end", start_timestamp="start")
    found = discover_log(log, DiscoverOptions(ReadOptions(columns)))
    (variant,) = found.result.variants
    assert variant.measured == (3, 2)
    assert variant.efforts == (1.0, 3.0)  # median(1.5, 0.5, 1) = 1; median(4, 2) = 3
    assert [s.effort for s in found.org.chains["variant-1"].steps] == [1.0, 3.0]
    assert found.result.totals.measured == 6  # 7 events, one without a start


def test_lifecycle_pairs_start_and_complete_events(tmp_path: Path) -> None:
    rows = [
        ["L1", "A", "Sales", "start", "2024-03-04T09:00:00"],
        ["L1", "B", "Design", "schedule", "2024-03-04T08:00:00"],  # ignored
        ["L1", "A", "Sales", "complete", "2024-03-04T11:00:00"],  # 2 h
        ["L1", "B", "Design", "start", "2024-03-04T11:30:00"],
        ["L1", "B", "Design", "complete", "2024-03-04T12:30:00"],  # 1 h
    ]
    header = ["case:concept:name", "concept:name", "org:group", "lifecycle:transition"]
    log = write_csv(tmp_path / "l.csv", [*header, "time:timestamp"], rows)
    found = discover_log(log)  # XES standard names: no options needed
    assert found.result.totals.events == 2  # the two completions
    (edge,) = found.result.edges
    assert (edge.source, edge.target, edge.handovers) == ("Sales", "Design", 1)
    assert edge.gap_hours == 1.5  # 11:00 → 12:30
    assert found.result.variants[0].efforts == (2.0, 1.0)


def test_semicolons_and_day_first_dates_are_detected(tmp_path: Path) -> None:
    rows = [["1", "Sales", "13/01/2024 09:00"], ["1", "Design", "13/01/2024 10:30"]]
    log = write_csv(tmp_path / "es.csv", ["case", "department", "timestamp"], rows, ";")
    found = discover_log(log)
    assert found.log.delimiter == ";"
    assert found.log.formats == {"timestamp": "%d/%m/%Y %H:%M"}
    assert found.result.edges[0].gap_hours == 1.5
    assert found.log.notes == ()


def test_ambiguous_dates_are_read_day_first_with_a_note(tmp_path: Path) -> None:
    rows = [["1", "Sales", "02/03/2024 09:00"], ["1", "Design", "03/03/2024 09:00"]]
    log = write_csv(tmp_path / "amb.csv", ["case", "department", "timestamp"], rows)
    found = discover_log(log)
    assert found.result.edges[0].gap_hours == 24  # 2 March → 3 March, not 3 Feb → 3 Mar
    assert "day-first" in found.log.notes[0]
    american = DiscoverOptions(ReadOptions(timestamp_format="%m/%d/%Y %H:%M"))
    assert discover_log(log, american).result.edges[0].gap_hours == 29 * 24  # Feb 3 → Mar 3


def test_an_unreadable_timestamp_names_the_column_and_row(tmp_path: Path) -> None:
    rows = [["1", "Sales", "2024-01-01 09:00"], ["1", "Design", "2024-01-01 10:00"]]
    rows.append(["1", "Print", "yesterday"])
    log = write_csv(tmp_path / "bad.csv", ["case", "department", "timestamp"], rows)
    with pytest.raises(DiscoverError) as caught:
        discover_log(log)
    assert str(caught.value) == (
        f"{log}: column 'timestamp' (--timestamp), row 3: cannot read 'yesterday' as a "
        "timestamp (format iso); give the format with --timestamp-format"
    )


def test_a_missing_column_is_named(log: Path) -> None:
    with pytest.raises(DiscoverError, match=r"no column 'dept' \(given with --department\)"):
        discover_log(log, DiscoverOptions(ReadOptions(ColumnOptions(department="dept"))))


def test_a_log_without_a_department_column_says_which_option(tmp_path: Path) -> None:
    log = write_csv(tmp_path / "x.csv", ["case", "who", "timestamp"], [["1", "a", "2024-01-01"]])
    with pytest.raises(
        DiscoverError, match="no department column found; name it with --department"
    ):
        discover_log(log)


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DiscoverError, match="unknown log format"):
        discover_log(write_csv(tmp_path / "log.json", ["a"], []))
    with pytest.raises(DiscoverError, match="no such file"):
        discover_log(tmp_path / "none.csv")


XES = """<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <global scope="event"><string key="org:group" value="UNKNOWN"/></global>
  <trace>
    <string key="concept:name" value="T1"/>
    <event><string key="concept:name" value="Pedir"/><string key="org:group" value="Ventas"/>
      <date key="time:timestamp" value="2024-01-01T09:00:00+01:00"/>
      <list key="notes"><string key="org:group" value="nested, ignored"/></list></event>
    <event><string key="concept:name" value="Diseñar"/><string key="org:group" value="Diseño"/>
      <date key="time:timestamp" value="2024-01-01T08:30:00Z"/></event>
  </trace>
  <trace>
    <string key="concept:name" value="T2"/>
    <event><string key="org:group" value="Ventas"/>
      <date key="time:timestamp" value="2024-01-02T09:00:00.000+00:00"/></event>
  </trace>
</log>
"""


@pytest.mark.parametrize("gz", [False, True])
def test_xes_is_streamed_with_standard_names(tmp_path: Path, gz: bool) -> None:
    import gzip

    data = XES.encode("utf-8")
    path = tmp_path / ("log.xes.gz" if gz else "log.xes")
    path.write_bytes(gzip.compress(data) if gz else data)
    found = discover_log(path)
    # T1: Ventas at 08:00 UTC, Diseño at 08:30 UTC → one handover, gap 0.5 h.
    assert counts(found) == {("Ventas", "Diseño"): 1}
    assert found.result.edges[0].gap_hours == 0.5
    assert found.result.totals.cases == 2
    assert found.log.unit == "event"


def test_broken_xml_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.xes"
    path.write_text("<log>\n  <trace>\n</log>\n", encoding="utf-8")
    with pytest.raises(DiscoverError, match=r"bad.xes:3:\d+: not a valid XES file"):
        discover_log(path)


def test_progress_is_reported_by_stage_without_changing_the_result(log: Path) -> None:
    seen: list[tuple[str, float | None]] = []
    found = discover_log(log, progress=lambda stage, done: seen.append((stage, done)))
    assert {stage for stage, _ in seen} == {"reading and aggregating"}
    assert all(done is None or 0 <= done <= 1 for _, done in seen)
    assert counts(found) == counts(discover_log(log))
