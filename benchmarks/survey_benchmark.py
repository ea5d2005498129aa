"""Benchmark ``clientchain survey`` on 100,000 answers for a 1,000-department org (issue 17).

The org comes from ``benchmarks/generate.py`` (seed 42) and the answers from
``examples/survey/generate.py --org`` (seed 2026: three months, the six default dimensions,
a recommend score, a comment in one of ten, one answer in twenty a self-rating), both cached
in the temporary directory (``clientchain-survey-benchmark/``). Each command runs as its own
process: one warm-up, then ``--runs`` runs; the table gives the median wall time (min–max),
the median CPU time (user + system) and the peak resident memory of the process
(``ru_maxrss`` from ``os.wait4``). The floor is a process that only loads the org file and
reads the CSV's rows with the :mod:`csv` module (what any survey command must do), run in
turns with the others; the ratio is of the medians. An in-process breakdown (CPU seconds,
median of the runs) follows. Results replace the ``## Survey`` section of
``benchmarks/RESULTS.md`` (kept when ``make bench`` rewrites the table above it).
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from results import write_section

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(tempfile.gettempdir()) / "clientchain-survey-benchmark"
SECTION = "## Survey"
CLIENTCHAIN = Path(sys.executable).with_name("clientchain")

FLOOR = """
import csv, sys
from clientchain.loading import load_file
load_file(sys.argv[1])
with open(sys.argv[2], encoding="utf-8", newline="") as stream:
    rows = [tuple(row) for row in csv.reader(stream)]
print(len(rows))
"""

BREAKDOWN = """
import gc, json, statistics, sys, time
from clientchain.loading import load_file
from clientchain.analysis.survey import summarize
from clientchain.output.survey import SurveyReport, survey_json, survey_text
from clientchain.survey.answers import parse_answers
from clientchain.survey.columns import SurveyColumns, resolve_columns
from clientchain.survey.read import read_sheet
gc.disable()  # as the command runs (clientchain.gc_pause)
org = load_file(sys.argv[1])
steps = {"read and check the answers": [], "aggregate": [], "JSON": [], "text": []}
for _ in range(int(sys.argv[3])):
    t1 = time.process_time()
    sheet = read_sheet(sys.argv[2])  # the rows are read as they are checked
    responses = parse_answers(sheet, resolve_columns(sheet.header, SurveyColumns(), "x"), org)
    t2 = time.process_time()
    result = summarize(responses, org)
    t3 = time.process_time()
    survey_json(SurveyReport(org, "x", result))
    t4 = time.process_time()
    survey_text(SurveyReport(org, "x", result))
    t5 = time.process_time()
    for name, spent in zip(steps, (t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
        steps[name].append(spent)
print(json.dumps({name: statistics.median(spent) for name, spent in steps.items()}))
"""


@dataclass
class Runs:
    """Measurements of one command: wall and CPU seconds per run, peak RSS in bytes."""

    name: str
    command: list[str]
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)

    def row(self, floor: Runs | None) -> str:
        median = statistics.median(self.wall)
        ratio = f"{median / statistics.median(floor.wall):.2f}" if floor else "—"
        return (
            f"| {self.name} | {median:.2f} | {min(self.wall):.2f}–{max(self.wall):.2f} "
            f"| {statistics.median(self.cpu):.2f} | {max(self.rss) / 2**20:.0f} | {ratio} |"
        )


def _module(path: Path, name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_inputs(departments: int, answers: int) -> tuple[Path, Path]:
    """The org file and the answers (generated once, then cached)."""
    DATA.mkdir(parents=True, exist_ok=True)
    org = DATA / f"org-{departments}.yaml"
    if not org.exists():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks/generate.py"),
                str(departments),
                "-o",
                str(org),
            ],
            check=True,
        )
    csv = DATA / f"answers-{departments}-{answers}.csv"
    if not csv.exists():
        generator = _module(ROOT / "examples/survey/generate.py", "survey_generate")
        partial = csv.with_suffix(".part")
        generator.write_large(org, answers, partial, generator.SEED)
        partial.replace(csv)
    return org, csv


def measure(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS in bytes of one run (output discarded)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    assert process.stderr is not None
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def bench(tools: list[Runs], runs: int) -> None:
    """One warm-up of each, then ``runs`` rounds of all in turn (order alternating)."""
    for tool in tools:
        measure(tool.command)
    for number in range(runs):
        for tool in tools if number % 2 == 0 else list(reversed(tools)):
            wall, cpu, rss = measure(tool.command)
            tool.wall.append(wall)
            tool.cpu.append(cpu)
            tool.rss.append(rss)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--departments", type=int, default=1000)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    org, csv = make_inputs(args.departments, args.answers)
    base = [str(CLIENTCHAIN), "survey", str(csv), "--org", str(org)]
    floor = Runs(
        "floor: load the org, read the CSV's rows",
        [sys.executable, "-c", FLOOR, str(org), str(csv)],
    )
    text = Runs("`survey` (plain text)", base)
    as_json = Runs("`survey --format json`", [*base, "--format", "json"])
    load = os.getloadavg()
    bench([floor, text, as_json], args.runs)
    breakdown = subprocess.run(
        [sys.executable, "-c", BREAKDOWN, str(org), str(csv), str(args.runs)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    import json

    steps = json.loads(breakdown)
    lines = [
        SECTION,
        "",
        f"Generated by `benchmarks/survey_benchmark.py` on {datetime.date.today()} "
        f"({platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"load average {load[0]:.2f} before, {os.getloadavg()[0]:.2f} after).",
        f"Input: {args.answers:,} answers ({csv.stat().st_size / 1e6:.1f} MB CSV, six dimensions, "
        f"three months) for a {args.departments:,}-department org (`benchmarks/generate.py`). "
        f"Whole processes, 1 warm-up then {args.runs} runs in turns; wall time median (min–max), "
        "CPU time median, peak RSS (`ru_maxrss`) the largest; ratio of medians to the floor.",
        "",
        "| command | median s | min–max s | CPU s | peak memory MiB | ÷ floor |",
        "|---|---:|---:|---:|---:|---:|",
        floor.row(None),
        text.row(floor),
        as_json.row(floor),
        "",
        "In-process CPU seconds (median of the runs): "
        + ", ".join(f"{name} {spent:.2f}" for name, spent in steps.items())
        + ".",
        "",
    ]
    write_section(SECTION, "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
