"""Benchmark ``clientchain discover`` on a 1,000,000-event log, optionally against pm4py.

The log comes from ``examples/event-log/generate.py`` (fixed seed, XES-style column
names, ISO timestamps) and is cached in the temporary directory
(``clientchain-discover-benchmark/``). Each tool runs as its own process: one warm-up,
then ``--runs`` timed runs; the table gives the median wall time (and min–max) and the
peak resident memory of the process (``ru_maxrss`` from ``os.wait4``, i.e. ``getrusage``
of that one child).

pm4py is AGPL: it is never a dependency of clientchain. To compare, install it in a
scratch virtual environment and point ``--pm4py-python`` at that interpreter::

    python3 -m venv /tmp/pm4py-venv && /tmp/pm4py-venv/bin/pip install pm4py
    .venv/bin/python benchmarks/discover_benchmark.py --pm4py-python /tmp/pm4py-venv/bin/python

pm4py's measure is ``pm4py.discover_handover_of_work_network(df, beta=0)`` with the
department column as resource key, timed from reading the CSV with pandas, the way a
pm4py user would run it. Results go to ``benchmarks/RESULTS-discover.md``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(tempfile.gettempdir()) / "clientchain-discover-benchmark"
GENERATOR = ROOT / "examples" / "event-log" / "generate.py"
RESULTS = ROOT / "benchmarks" / "RESULTS-discover.md"
CLIENTCHAIN = Path(sys.executable).with_name("clientchain")
EVENTS_PER_CASE = 4.43  # the generator's mean, measured on the shipped example

PM4PY_SCRIPT = """
import sys
import pandas as pd
import pm4py
df = pd.read_csv(sys.argv[1])
df = df.dropna(subset=["org:group"])  # as discover skips events without a department
df = pm4py.format_dataframe(df, case_id="case:concept:name", activity_key="concept:name",
                            timestamp_key="time:timestamp")
sna = pm4py.discover_handover_of_work_network(
    df, beta=0, resource_key="org:group", timestamp_key="time:timestamp",
    case_id_key="case:concept:name")
pairs = sorted((a, b) for (a, b) in sna.connections if a != b)
print(len(pairs), pairs)
"""


def make_log(events: int) -> Path:
    """The benchmark log with about ``events`` events (generated once, then cached)."""
    cases = round(events / EVENTS_PER_CASE)
    path = DATA / f"log-{cases}-cases.csv"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        subprocess.run(
            [
                sys.executable,
                str(GENERATOR),
                "--cases",
                str(cases),
                "--standard",
                "-o",
                str(partial),
            ],
            check=True,
        )
        partial.replace(path)
    return path


def measure(command: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in bytes and stdout of one run of ``command``."""
    with tempfile.TemporaryFile() as captured:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=captured, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
        captured.seek(0)
        output = captured.read().decode("utf-8", "replace")
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return elapsed, rss, output


def bench(command: list[str], runs: int) -> dict[str, float | str]:
    """Warm up once, then ``runs`` timed runs: median, min, max seconds and peak memory."""
    _, _, output = measure(command)
    times, peaks = [], []
    for _ in range(runs):
        elapsed, rss, output = measure(command)
        times.append(elapsed)
        peaks.append(rss)
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "rss": max(peaks),
        "output": output,
    }


def count_events(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for _ in stream) - 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pm4py-python", help="a Python with pm4py and pandas installed")
    args = parser.parse_args(argv)
    log = make_log(args.events)
    events = count_events(log)
    out = Path(tempfile.mkdtemp()) / "org.yaml"
    ours = bench([str(CLIENTCHAIN), "discover", str(log), "-o", str(out)], args.runs)
    rows = [("clientchain discover (DuckDB)", ours)]
    theirs = None
    if args.pm4py_python:
        script = Path(tempfile.mkdtemp()) / "pm4py_handover.py"
        script.write_text(PM4PY_SCRIPT, encoding="utf-8")
        theirs = bench([args.pm4py_python, str(script), str(log)], args.runs)
        rows.append(("pm4py handover of work (pandas)", theirs))
    report = render(events, log, rows, theirs, args.runs)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)


def render(events, log, rows, theirs, runs) -> str:  # type: ignore[no-untyped-def]
    ours = rows[0][1]
    lines = [
        "# discover benchmark",
        "",
        f"Generated by `benchmarks/discover_benchmark.py` on {datetime.date.today()}.",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}.",
        f"Log: {events:,} events ({log.stat().st_size / 1e6:.0f} MB CSV) from "
        "`examples/event-log/generate.py --standard` (fixed seed).",
        f"Each tool: its own process, 1 warm-up + {runs} runs; wall time median (min–max); "
        "peak RSS of the process (`ru_maxrss` via `os.wait4`).",
        "",
        "| tool | median s | min–max s | peak memory MB |",
        "|---|---:|---:|---:|",
    ]
    for name, r in rows:
        lines.append(
            f"| {name} | {r['median']:.2f} | {r['min']:.2f}–{r['max']:.2f} | {r['rss'] / 1e6:.0f} |"
        )
    if theirs is not None:
        speed = float(theirs["median"]) / float(ours["median"])
        memory = float(ours["rss"]) / float(theirs["rss"])
        lines += [
            "",
            "Targets (issue 7): discover ≥ 10 × faster than pm4py, peak memory ≤ ½ of pm4py's.",
            "",
            f"- speed: pm4py / clientchain = **{speed:.1f} ×** "
            f"({'met' if speed >= 10 else f'missed: {speed / 10:.0%} of the target'})",
            f"- memory: clientchain / pm4py = **{memory:.2f}** "
            f"({'met' if memory <= 0.5 else 'missed'})",
            "- department pairs pm4py found: " + str(theirs["output"]).split(" ", 1)[0],
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
