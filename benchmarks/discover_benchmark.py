"""Benchmark ``clientchain discover`` on a 1,000,000-event log, optionally against pm4py.

The log comes from ``examples/event-log/generate.py --standard`` (fixed seed, XES-style
column names, ISO timestamps, a start column) and is cached in the temporary directory
(``clientchain-discover-benchmark/``). Each tool runs as its own process: one warm-up
each, then ``--runs`` rounds in which the two run one after the other (alternating which
goes first), so that both see the same load on a shared machine. The table gives the
median wall time (and min–max), the median CPU time (user + system) and the peak
resident memory of the process (``ru_maxrss`` from ``os.wait4``, i.e. ``getrusage`` of
that one child); the ratios are of the medians, and the median of the per-round ratios.

pm4py is AGPL: it is never a dependency of clientchain. To compare, install it in a
scratch virtual environment and point ``--pm4py-python`` at that interpreter::

    python3 -m venv /tmp/pm4py-venv && /tmp/pm4py-venv/bin/pip install pm4py
    .venv/bin/python benchmarks/discover_benchmark.py --pm4py-python /tmp/pm4py-venv/bin/python

pm4py's measure is ``pm4py.discover_handover_of_work_network(df, beta=0)`` with the
department column as resource key, timed from reading the CSV with pandas, the way a
pm4py user would run it. Results go to ``benchmarks/RESULTS-discover.md``; its hand-written
``## Notes`` section is kept when the table is rewritten.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(tempfile.gettempdir()) / "clientchain-discover-benchmark"
GENERATOR = ROOT / "examples" / "event-log" / "generate.py"
RESULTS = ROOT / "benchmarks" / "RESULTS-discover.md"
NOTES = "## Notes"
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


@dataclass
class Runs:
    """Measurements of one tool: wall and CPU seconds per run, peak RSS in bytes."""

    name: str
    command: list[str]
    wall: list[float]
    cpu: list[float]
    rss: list[int]
    output: str = ""

    def median(self) -> float:
        return statistics.median(self.wall)


def make_log(events: int) -> Path:
    """The benchmark log with about ``events`` events (generated once, then cached)."""
    cases = round(events / EVENTS_PER_CASE)
    path = DATA / f"log-{cases}-cases.csv"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        command = [sys.executable, str(GENERATOR), "--cases", str(cases), "--standard"]
        subprocess.run([*command, "-o", str(partial)], check=True)
        partial.replace(path)
    return path


def measure(command: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds, peak RSS in bytes and stdout + stderr of one run."""
    with tempfile.TemporaryFile() as captured:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=captured, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            captured.seek(0)
            tail = captured.read().decode("utf-8", "replace")[-2000:]
            raise SystemExit(f"failed: {' '.join(command)}\n{tail}")
        captured.seek(0)
        output = captured.read().decode("utf-8", "replace")
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return elapsed, usage.ru_utime + usage.ru_stime, rss, output


def bench(tools: list[Runs], rounds: int) -> None:
    """One warm-up of each tool, then ``rounds`` rounds of all tools, alternating the order."""
    for tool in tools:
        measure(tool.command)
    for number in range(rounds):
        for tool in tools if number % 2 == 0 else reversed(tools):
            wall, cpu, rss, output = measure(tool.command)
            tool.wall.append(wall)
            tool.cpu.append(cpu)
            tool.rss.append(rss)
            tool.output = output


def count_events(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for _ in stream) - 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pm4py-python", help="a Python with pm4py and pandas installed")
    args = parser.parse_args(argv)
    log = make_log(args.events)
    out = Path(tempfile.mkdtemp()) / "org.yaml"
    ours = Runs(
        "clientchain discover (DuckDB)", [str(CLIENTCHAIN), "discover", str(log)], [], [], []
    )
    ours.command += ["-o", str(out)]
    tools = [ours]
    if args.pm4py_python:
        script = Path(tempfile.mkdtemp()) / "pm4py_handover.py"
        script.write_text(PM4PY_SCRIPT, encoding="utf-8")
        tools.append(
            Runs(
                "pm4py handover of work (pandas)",
                [args.pm4py_python, str(script), str(log)],
                [],
                [],
                [],
            )
        )
    load_before = os.getloadavg()
    bench(tools, args.runs)
    load_after = os.getloadavg()
    versions = _versions(args.pm4py_python)
    report = render(count_events(log), log, tools, args.runs, (load_before, load_after), versions)
    notes = _notes()
    RESULTS.write_text(report + (f"\n{notes}" if notes else ""), encoding="utf-8")
    print(report)


def _versions(pm4py_python: str | None) -> str:
    found = [f"duckdb {metadata.version('duckdb')}"]
    if pm4py_python:
        probe = (
            "from importlib import metadata as m; print(m.version('pm4py'), m.version('pandas'))"
        )
        done = subprocess.run(
            [pm4py_python, "-c", probe], capture_output=True, text=True, check=False
        )
        if done.returncode == 0 and done.stdout.split():
            pm4py, pandas = done.stdout.split()[:2]
            found += [f"pm4py {pm4py}", f"pandas {pandas}"]
    return ", ".join(found)


def _notes() -> str:
    """The hand-written notes of the current results file, kept across runs."""
    if not RESULTS.exists():
        return ""
    text = RESULTS.read_text(encoding="utf-8")
    return text[text.index(NOTES) :] if NOTES in text else ""


def _pairs(ours: Runs, theirs: Runs | None) -> str:
    found = re.search(r"between ([\d,]+) pairs? of departments", ours.output)
    line = f"- department pairs: clientchain {found.group(1) if found else '?'}"
    if theirs is not None:
        line += f", pm4py {theirs.output.strip().splitlines()[-1].split(' ', 1)[0]}"
    return line


def render(
    events: int,
    log: Path,
    tools: list[Runs],
    runs: int,
    load: tuple[tuple[float, float, float], tuple[float, float, float]],
    versions: str,
) -> str:
    ours, theirs = tools[0], (tools[1] if len(tools) > 1 else None)
    lines = [
        "# discover benchmark",
        "",
        f"Generated by `benchmarks/discover_benchmark.py` on {datetime.date.today()}.",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; {versions}.",
        f"Load average (1 min) {load[0][0]:.2f} before, {load[1][0]:.2f} after the runs.",
        f"Log: {events:,} events ({log.stat().st_size / 1e6:.0f} MB CSV) from "
        "`examples/event-log/generate.py --standard` (fixed seed).",
        f"Each tool: its own process, 1 warm-up, then {runs} rounds of both tools in turn "
        "(order alternating); wall and CPU (user + system) time: median (wall min–max); "
        "peak RSS of the process (`ru_maxrss` via `os.wait4`), the largest of the runs.",
        "",
        "| tool | median s | min–max s | CPU s | peak memory MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for tool in tools:
        lines.append(
            f"| {tool.name} | {tool.median():.2f} | {min(tool.wall):.2f}–{max(tool.wall):.2f} "
            f"| {statistics.median(tool.cpu):.2f} | {max(tool.rss) / 1e6:.0f} |"
        )
    if theirs is not None:
        speed = theirs.median() / ours.median()
        per_round = statistics.median(t / o for t, o in zip(theirs.wall, ours.wall, strict=True))
        cpu = statistics.median(theirs.cpu) / statistics.median(ours.cpu)
        memory = max(ours.rss) / max(theirs.rss)
        met = "met" if speed >= 10 else f"missed: {speed / 10:.0%} of the target"
        lines += [
            "",
            "Targets (issue 7): discover ≥ 10 × faster than pm4py, peak memory ≤ ½ of pm4py's.",
            "",
            f"- speed: pm4py / clientchain = **{speed:.1f} ×** ({met}); median of the "
            f"per-round ratios {per_round:.1f} ×; CPU time {cpu:.1f} ×",
            f"- memory: clientchain / pm4py = **{memory:.2f}** "
            f"({'met' if memory <= 0.5 else 'missed'})",
        ]
    lines.append(_pairs(ours, theirs))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
