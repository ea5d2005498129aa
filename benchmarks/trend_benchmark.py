"""Benchmark ``clientchain trend`` over 24 monthly versions of a 1,000-department org (issue 18).

The org comes from ``benchmarks/generate.py`` (seed 42). Each month every chain's demand
grows by 2 % of the first month's (``Change.demand``), and every third month one department
gains a person, so that each of the 24 versions differs from the one before (no version is
loaded twice for being identical). The versions are committed to a temporary git
repository, one commit a month from 2025-01 to 2026-12 (``GIT_COMMITTER_DATE``), and also
written as 24 files (both cached in ``clientchain-trend-benchmark/``).

Timed, as whole processes, in turns (one warm-up, then ``--runs`` rounds):

* ``clientchain trend org.yaml --format json`` in the repository (24 points);
* 24 separate ``clientchain check FILE --format json`` processes, one per version: what a
  script looping over the history with ``check`` would spend (the target's denominator);
  its time is the sum of the 24 processes of a round.

The ratio is of the medians; the target is at most 0.5. Results replace the ``## Trend``
section of ``benchmarks/RESULTS.md``.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(tempfile.gettempdir()) / "clientchain-trend-benchmark"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SECTION = "## Trend"
NOTES = "### Notes"
CLIENTCHAIN = Path(sys.executable).with_name("clientchain")
MONTHS = 24


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks/generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_history(departments: int) -> tuple[Path, list[Path]]:
    """The repository's org file and the 24 version files (made once, then cached)."""
    from clientchain.analysis.change import Change
    from clientchain.analysis.whatif import apply_changes
    from clientchain.loading.dump import dump_org

    folder = DATA / f"org-{departments}"
    repo = folder / "repo"
    files = [folder / f"org-{month:02d}.yaml" for month in range(MONTHS)]
    if (folder / "done").exists():
        return repo / "org.yaml", files
    repo.mkdir(parents=True, exist_ok=True)
    _git(repo, "init", "-q")
    base = _generator().generate(departments, seed=42)
    ids = list(base.departments)
    for month in range(MONTHS):
        changes = [Change.demand(1 + 0.02 * month)]
        changes += [Change.headcount(ids[i], add=1) for i in range(month // 3)]
        text = dump_org(apply_changes(base, changes))
        files[month].write_text(text, encoding="utf-8")
        (repo / "org.yaml").write_text(text, encoding="utf-8")
        day = datetime.date(2025 + month // 12, month % 12 + 1, 15).isoformat()
        _git(repo, "add", "org.yaml")
        _git(repo, "commit", "-q", "-m", f"org {day}", date=f"{day}T12:00:00+00:00")
    (folder / "done").write_text("")
    return repo / "org.yaml", files


def _git(repo: Path, *args: str, date: str = "2025-01-01T12:00:00+00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.com",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.com",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True)


def run(command: list[str], cwd: Path | None = None) -> float:
    """Wall seconds of one process (its output discarded; exit 0 or 1 is fine)."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr.decode()[-2000:]}")
    return elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--departments", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    org, files = make_history(args.departments)
    trend = [str(CLIENTCHAIN), "trend", str(org), "--format", "json", "--since", "2025-01"]
    checks = [[str(CLIENTCHAIN), "check", str(f), "--format", "json"] for f in files]
    load = os.getloadavg()
    run(trend, org.parent)  # warm-up
    run(checks[0])
    trend_s: list[float] = []
    check_s: list[float] = []
    for number in range(args.runs):
        rounds = [lambda: trend_s.append(run(trend, org.parent)),
                  lambda: check_s.append(sum(run(c) for c in checks))]  # fmt: skip
        for step in rounds if number % 2 == 0 else reversed(rounds):
            step()
    ratio = statistics.median(trend_s) / statistics.median(check_s)
    verdict = "met" if ratio <= 0.5 else f"missed by {(ratio / 0.5 - 1) * 100:.0f}%"
    lines = [
        SECTION,
        "",
        f"Generated by `benchmarks/trend_benchmark.py` on {datetime.date.today()} "
        f"({platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"load average {load[0]:.2f} before, {os.getloadavg()[0]:.2f} after).",
        f"Input: {MONTHS} monthly versions of a {args.departments:,}-department org "
        f"(`benchmarks/generate.py`, {files[-1].stat().st_size / 1e6:.1f} MB each), every one "
        "different (demand +2 % a month, a person more every third month), committed to a git "
        f"repository. Whole processes, a warm-up then {args.runs} rounds in turns; medians "
        "(min–max) in seconds.",
        "",
        "| target | measured | ratio | verdict |",
        "|---|---|---|---|",
        f"| `trend` over {MONTHS} monthly versions ≤ 0.5 × {MONTHS} separate `check` runs | "
        f"{_spread(trend_s)} vs {_spread(check_s)} | {ratio:.2f} | {verdict} |",
        "",
    ]
    write_section("\n".join(lines))
    print("\n".join(lines))


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def write_section(section: str) -> None:
    """Replace (or append) the ``## Trend`` section of RESULTS.md, keeping everything else and
    the section's own hand-written ``### Notes``."""
    text = RESULTS.read_text(encoding="utf-8")
    if SECTION + "\n" in text:
        before, after = text.split(SECTION + "\n", 1)
        rest = after.split("\n## ", 1)
        notes = rest[0].split(NOTES, 1)
        kept = "\n" + NOTES + notes[1].rstrip("\n") + "\n" if len(notes) > 1 else ""
        tail = "\n## " + rest[1] if len(rest) > 1 else ""
        text = before + section + kept + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
