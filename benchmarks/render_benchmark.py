"""Rendering at scale: ``clientchain render`` against the engine alone on the DOT we emit.

Run with ``python benchmarks/render_benchmark.py`` (``--quick``: 1,000 departments,
4 runs). It generates the seeded 2,000-department org (``benchmarks/generate.py``),
writes the DOT that ``clientchain render`` lays out (``-o org.dot``), then times,
taking turns after a warm-up (half the runs in each order), whole processes of

* ``clientchain render org.yaml -o org.svg`` (load, analysis, DOT, the engine, the file), and
* the same engine alone on that DOT (``graphviz-pure -Tsvg org.dot``),

for graphviz-pure (the default engine, the target's) and, where installed, Graphviz's
``dot`` (``--engine dot``). Medians, min–max and peak memory come from
``benchmarks/run.py``'s helpers. The table goes to ``benchmarks/RESULTS-render.md``
with the machine, versions and date; hand-written notes below the table survive
a new run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from run import (
    CLI,
    Row,
    Timing,
    generate,
    interleaved,
    measure,
    table,
    versions,
    write_results,
)

HERE = Path(__file__).resolve().parent
TARGET = 1.2
ENGINES = {
    "graphviz-pure": str(Path(sys.executable).with_name("graphviz-pure")),
    "dot": shutil.which("dot") or "",
}


def engine_version(path: str) -> str:
    done = subprocess.run([path, "-V"], capture_output=True, text=True, check=False)
    return (done.stderr or done.stdout).strip().splitlines()[0]


def emit_dot(org: Path, out: Path) -> str:
    """Write the DOT ``render`` lays out; return its ``wrote …`` and warning lines."""
    done = subprocess.run(
        [*CLI, "render", str(org), "-o", str(out)], capture_output=True, text=True, check=True
    )
    return done.stderr.strip().replace(str(out), out.name)


def taking_turns(
    first: tuple[str, list[str]], second: tuple[str, list[str]], runs: int
) -> tuple[Timing, Timing]:
    """Both commands, taking turns in one order for half the runs and in the other for the rest.

    On a shared machine a slow spell then falls on either command as often.
    """
    a_first, b_second = interleaved([first, second], (runs + 1) // 2)
    b_first, a_second = interleaved([second, first], runs // 2)
    return _merged(a_first, a_second), _merged(b_second, b_first)


def _merged(one: Timing, other: Timing) -> Timing:
    return Timing(one.label, one.times + other.times, max(one.peak_mib, other.peak_mib))


def engine_rows(org: Path, dot: Path, folder: Path, runs: int, n: int) -> list[Row]:
    """One row per installed engine: render with it against it alone on our DOT."""
    rows = []
    for name, path in ENGINES.items():
        if not path or not Path(path).exists():
            continue
        render = [*CLI, "render", str(org), "-o", str(folder / f"{name}.svg"), "--engine", name]
        ours, alone = taking_turns(
            (f"render ({name})", render), (f"{name} alone", [path, "-Tsvg", str(dot)]), runs
        )
        if name == "graphviz-pure":  # the target is about the default engine
            target, limit = f"render of {n:,} departments ≤ {TARGET} × {name} alone", TARGET
        else:
            target, limit = f"render of {n:,} departments, `--engine {name}`, vs {name} alone", None
        measured = f"{ours.cell()} vs {alone.cell()}"
        rows.append(Row(target, measured, ours.median / alone.median, limit))
    return rows


def our_part_row(org: Path, folder: Path, runs: int, n: int) -> Row:
    """``render -o org.dot``: loading, analysis and the DOT, no engine."""
    emit = measure("render to .dot", [*CLI, "render", str(org), "-o", str(folder / "o.dot")], runs)
    return Row(f"our part alone: `render -o org.dot` of {n:,} departments", emit.cell(), None, None)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time render against the engine alone.")
    parser.add_argument("--quick", action="store_true", help="1,000 departments, 4 runs")
    parser.add_argument("--departments", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS-render.md")
    args = parser.parse_args(argv)
    n = 1000 if args.quick else args.departments
    runs = 4 if args.quick else args.runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        org = generate(folder, [n])[n]
        dot = folder / "org.dot"
        said = emit_dot(org, dot)
        rows = engine_rows(org, dot, folder, runs, n)
        rows.append(our_part_row(org, folder, runs, n))
    text = table(rows)
    print(said)
    print(text)
    engines = "; ".join(engine_version(p) for p in ENGINES.values() if p and Path(p).exists())
    header = (
        "# Render benchmark results\n\n"
        f"Measured {dt.date.today().isoformat()} on {platform.machine()} with "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; {versions()}; "
        f"{engines}.\n"
        "Whole processes; medians of the runs after a warm-up, the two commands of a row "
        "taking turns (half the runs in each order); ratios measured in the same run; "
        "output to an SVG file (render) or discarded (engine alone). Regenerate with "
        "`python benchmarks/render_benchmark.py`.\n\n"
        f"`clientchain render` of the {n:,}-department org said:\n\n"
        + "".join(f"    {line}\n" for line in said.splitlines())
        + "\n"
    )
    write_results(args.results, header + text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
