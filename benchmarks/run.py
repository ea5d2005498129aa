"""clientchain's benchmark: whole processes, medians, and ratios measured in the same run.

Run with ``make bench`` (or ``python benchmarks/run.py [--quick]``). It generates
org files with ``benchmarks/generate.py`` (seeded), times every case several
times after a warm-up, records the median, min and max wall time and the peak
memory of the child process, and prints a table of ratios against floors
measured in the same run, because absolute times on a shared machine mean
little. The table is also written to ``benchmarks/RESULTS.md`` with the
machine, versions and date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SECTION = "\n## "  # the results' sections, kept when the table is written again
PY = sys.executable
# the console script, as users run it (python -m adds runpy to every start)
CLI = [str(Path(PY).with_name("clientchain"))]


@dataclass(frozen=True)
class Timing:
    """Wall times (s) of several runs of one command, and its peak memory (MiB)."""

    label: str
    times: tuple[float, ...]
    peak_mib: float

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def cell(self) -> str:
        return (
            f"{self.median * 1000:.0f} ms ({min(self.times) * 1000:.0f}–"
            f"{max(self.times) * 1000:.0f}), {self.peak_mib:.0f} MiB"
        )


def run_once(cmd: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run of ``cmd``; its output is discarded."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024


def measure(label: str, cmd: Sequence[str], runs: int, warmup: int = 1) -> Timing:
    """Run ``cmd`` ``warmup`` times untimed, then ``runs`` times timed."""
    for _ in range(warmup):
        run_once(cmd)
    samples = [run_once(cmd) for _ in range(runs)]
    return Timing(label, tuple(t for t, _ in samples), max(m for _, m in samples))


def interleaved(pairs: Sequence[tuple[str, Sequence[str]]], runs: int) -> list[Timing]:
    """Time several commands taking turns, so that machine noise hits them alike."""
    for _, cmd in pairs:
        run_once(cmd)
    samples: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in pairs}
    for _ in range(runs):
        for label, cmd in pairs:
            samples[label].append(run_once(cmd))
    return [
        Timing(label, tuple(t for t, _ in s), max(m for _, m in s)) for label, s in samples.items()
    ]


BARE_TYPER = '''
import typer
app = typer.Typer()
@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(name)
app()
'''

LOAD_PROBE = """
import sys, time, statistics, yaml, gc
from clientchain.loading import load_text
data = open(sys.argv[1], "rb").read()
which = sys.argv[2]
def yaml_load(): yaml.load(data, Loader=yaml.CSafeLoader)
def ours(): load_text(data, sys.argv[1])
f = yaml_load if which == "yaml" else ours
f()
times = []
for _ in range(int(sys.argv[3])):
    t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
print(statistics.median(times))
"""

PIPELINE_PROBE = """
import gc, sys, time
from clientchain.loading import load_file
from clientchain.graph import build_graph
from clientchain.checks import run_checks
from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.structure import betweenness
gc.disable()  # as the command line does while a command runs
t = time.perf_counter()
org = load_file(sys.argv[1]); graph = build_graph(org); run_checks(org, graph)
analyze_flow(org)
if sys.argv[2] == "betweenness":
    betweenness(graph)  # what `bottlenecks` adds: exact, O(nodes x edges)
print(time.perf_counter() - t)
"""


def probe(code: str, *args: str, runs: int) -> float:
    """Median of a probe script that prints one number per run."""
    values = []
    for _ in range(runs):
        out = subprocess.run([PY, "-c", code, *args], capture_output=True, text=True, check=True)
        values.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(values)


@dataclass(frozen=True)
class Row:
    target: str
    measured: str
    ratio: float | None
    limit: float | None

    def verdict(self) -> str:
        if self.ratio is None or self.limit is None:
            return "—"
        if self.ratio <= self.limit:
            return "met"
        return f"missed by {self.ratio / self.limit - 1:.0%}"


def generate(folder: Path, sizes: Sequence[int]) -> dict[int, Path]:
    paths = {}
    for n in sizes:
        path = folder / f"org-{n}.yaml"
        subprocess.run([PY, str(HERE / "generate.py"), str(n), "-o", str(path)], check=True)
        paths[n] = path
    return paths


TO_JSON = """
import json, sys, yaml
data = yaml.load(open(sys.argv[1], "rb"), Loader=yaml.CSafeLoader)
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(data, indent=1))
"""


def as_json(path: Path) -> Path:
    """The same org as JSON (YAML's subset), as a program that writes org files would.

    Converted in a child process: a large parent would inflate the peak memory that
    ``os.wait4`` reports for the children it forks afterwards.
    """
    target = path.with_suffix(".json")
    subprocess.run([PY, "-c", TO_JSON, str(path), str(target)], check=True)
    return target


def startup_rows(folder: Path, orgs: dict[int, Path], runs: int) -> list[Row]:
    bare = folder / "bare_typer.py"
    bare.write_text(BARE_TYPER, encoding="utf-8")
    help_ours, help_bare = interleaved(
        [
            ("clientchain --help", [*CLI, "--help"]),
            ("bare typer --help", [PY, str(bare), "--help"]),
        ],
        runs,
    )
    check_50, imports = interleaved(
        [
            ("check 50 departments", [*CLI, "check", str(orgs[50]), "--fail-on", "error"]),
            ("import typer, yaml, networkx", [PY, "-c", "import typer, yaml, networkx"]),
        ],
        runs,
    )
    spanish, english = interleaved(
        [
            ("check 50 departments --lang es", [*CLI, "--lang", "es", "check", str(orgs[50])]),
            ("check 50 departments --lang en", [*CLI, "--lang", "en", "check", str(orgs[50])]),
        ],
        runs,
    )
    return [
        Row(
            "`check` of 50 departments in Spanish ≤ 1.05 × in English (the catalog's cost)",
            f"{spanish.cell()} vs {english.cell()}",
            spanish.median / english.median,
            1.05,
        ),
        Row(
            "`clientchain --help` ≤ 1.1 × bare typer app `--help`",
            f"{help_ours.cell()} vs {help_bare.cell()}",
            help_ours.median / help_bare.median,
            1.1,
        ),
        Row(
            "`check` of 50 departments ≤ 1.15 × `import typer, yaml, networkx`",
            f"{check_50.cell()} vs {imports.cell()}",
            check_50.median / imports.median,
            1.15,
        ),
    ]


def loading_rows(orgs: dict[int, Path], runs: int) -> list[Row]:
    rows = []
    for n in (1000, 10000, 100000):
        if n not in orgs:
            continue
        repeat = "3" if n < 100000 else "1"
        times = max(1, runs // 2) if n < 100000 else 1
        pyyaml = probe(LOAD_PROBE, str(orgs[n]), "yaml", repeat, runs=times)
        files = [("", orgs[n])]
        if n == 10000:
            files.append((" as JSON", as_json(orgs[n])))
        for label, path in files:
            ours = probe(LOAD_PROBE, str(path), "ours", repeat, runs=times)
            rows.append(
                Row(
                    f"loading {n:,} departments{label} ≤ 1.0 × `yaml.load(CSafeLoader)`",
                    f"{ours * 1000:.0f} ms vs {pyyaml * 1000:.0f} ms",
                    ours / pyyaml,
                    1.0,
                )
            )
    return rows


def scale_rows(orgs: dict[int, Path], runs: int) -> list[Row]:
    if 10000 not in orgs:
        return []
    check_10k = measure(
        "check 10,000", [*CLI, "check", str(orgs[10000]), "--fail-on", "error"], runs=3
    )
    json_10k = orgs[10000].with_suffix(".json")
    json_10k = json_10k if json_10k.exists() else as_json(orgs[10000])
    check_json = measure(
        "check 10,000 JSON", [*CLI, "check", str(json_10k), "--fail-on", "error"], runs=3
    )
    small = probe(PIPELINE_PROBE, str(orgs[1000]), "", runs=runs)
    large = probe(PIPELINE_PROBE, str(orgs[10000]), "", runs=3)
    small_b = probe(PIPELINE_PROBE, str(orgs[1000]), "betweenness", runs=runs)
    large_b = probe(PIPELINE_PROBE, str(orgs[10000]), "betweenness", runs=3)
    rows = [
        Row(
            "`check` end to end on 10,000 departments ≤ 4 s",
            check_10k.cell(),
            check_10k.median / 4.0,
            1.0,
        ),
        Row(
            "`check` end to end on 10,000 departments written as JSON ≤ 4 s",
            check_json.cell(),
            check_json.median / 4.0,
            1.0,
        ),
        Row(
            "time(10k) / time(1k) ≤ 12 for load + check + flow analysis (in-process)",
            f"{large * 1000:.0f} ms / {small * 1000:.0f} ms",
            large / small,
            12.0,
        ),
        Row(
            "the same with `bottlenecks`' exact betweenness (O(nodes × edges))",
            f"{large_b * 1000:.0f} ms / {small_b * 1000:.0f} ms",
            large_b / small_b,
            12.0,
        ),
    ]
    if 100000 in orgs:
        check_100k = measure(
            "check 100,000", [*CLI, "check", str(orgs[100000]), "--fail-on", "error"], runs=1
        )
        rows.append(
            Row(
                "`check` end to end on 100,000 departments (no target)",
                check_100k.cell(),
                None,
                None,
            )
        )
    return rows


def byte_compile() -> None:
    """Compile clientchain's modules the way pip does when it installs a wheel.

    An editable install run with ``PYTHONDONTWRITEBYTECODE=1`` (as on our CI machines)
    would otherwise compile every module from source on every start, which is not what
    an installed clientchain does.
    """
    import compileall

    import clientchain

    compileall.compile_dir(Path(clientchain.__file__).parent, quiet=1)


def versions() -> str:
    names = ("clientchain", "typer", "networkx", "PyYAML", "rich")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def table(rows: Sequence[Row]) -> str:
    lines = ["| target | measured (median (min–max), peak memory) | ratio | verdict |"]
    lines.append("|---|---|---|---|")
    for row in rows:
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}"
        lines.append(f"| {row.target} | {row.measured} | {ratio} | {row.verdict()} |")
    return "\n".join(lines)


def write_results(path: Path, text: str) -> None:
    """Write ``text`` (the title and the table) to ``path``, keeping every section of the
    previous results (each ``## `` heading onwards, written by hand or by another benchmark)."""
    notes = ""
    if path.exists():
        previous = path.read_text(encoding="utf-8")
        start = previous.find(SECTION)
        if start != -1:
            notes = previous[start:]
    path.write_text(text + notes, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run clientchain's benchmarks.")
    parser.add_argument("--quick", action="store_true", help="sizes up to 1,000 and fewer runs")
    parser.add_argument(
        "--huge", action="store_true", help="also 100,000 departments (one run; minutes)"
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    sizes = (50, 100, 1000) if args.quick else (50, 100, 1000, 10000)
    if args.huge:
        sizes = (*sizes, 100000)
    runs = 3 if args.quick else args.runs
    byte_compile()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        orgs = generate(folder, sizes)
        rows = startup_rows(folder, orgs, runs) + loading_rows(orgs, runs)
        rows += scale_rows(orgs, runs)
    text = table(rows)
    print(text)
    header = (
        "# Benchmark results\n\n"
        f"Measured {dt.date.today().isoformat()} on {platform.machine()} with "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; {versions()}.\n"
        "Whole processes unless noted; medians of the runs after a warm-up; ratios against "
        "floors measured in the same run; clientchain byte-compiled first, as pip does on "
        "install. Regenerate with `make bench`.\n\n"
    )
    write_results(args.results, header + text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
