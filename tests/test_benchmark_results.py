"""``make bench`` rewrites the table of benchmarks/RESULTS.md and keeps what was written by hand."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _run_module() -> Any:  # benchmarks/run.py, imported as the benchmarks import it (by its folder)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        name = "benchmarks_run"
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "run.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_every_hand_written_section_after_the_table_is_kept(tmp_path: Path) -> None:
    # Reported: `make bench` dropped the "Languages" and "Before and after" sections, written
    # between the table and "## Where the time goes", keeping only the latter onwards.
    results = tmp_path / "RESULTS.md"
    results.write_text(
        "# Benchmark results\n\nMeasured yesterday.\n\n| old | table |\n\n"
        "## Languages\n\nA note.\n\n## Where the time goes\n\nAnother.\n\n## Trend\n\nMore.\n",
        encoding="utf-8",
    )
    _run_module().write_results(results, "# Benchmark results\n\nMeasured today.\n\n| new |\n")
    assert results.read_text(encoding="utf-8") == (
        "# Benchmark results\n\nMeasured today.\n\n| new |\n"
        "\n## Languages\n\nA note.\n\n## Where the time goes\n\nAnother.\n\n## Trend\n\nMore.\n"
    )


def test_a_first_run_writes_the_table_alone(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    _run_module().write_results(results, "# Benchmark results\n\n| new |\n")
    assert results.read_text(encoding="utf-8") == "# Benchmark results\n\n| new |\n"
