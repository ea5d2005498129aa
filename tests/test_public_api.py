"""The package's public names import lazily and work together."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import clientchain

ROOT = Path(__file__).resolve().parent.parent


def test_every_public_name_resolves() -> None:
    for name in clientchain.__all__:
        assert getattr(clientchain, name) is not None, name


def test_importing_the_package_imports_nothing_heavy() -> None:
    heavy = "{'networkx', 'yaml', 'rich'}"
    probe = f"import sys, clientchain; print(sorted({heavy} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_readme_library_example_runs() -> None:
    from clientchain import build_graph, load_file, run_checks, who

    org = load_file(ROOT / "examples" / "agencia.yaml")
    graph = build_graph(org)
    assert who(org, graph, "creatividad").serves_external == ("marcas", "pymes")
    assert all(f.severity.name != "ERROR" for f in run_checks(org, graph))


def test_the_readme_what_if_example_runs() -> None:
    """Issue 14 item 6: ``simulate`` takes :class:`Change` values from the package root."""
    from clientchain import Change, load_file, simulate

    org = load_file(ROOT / "examples" / "agencia.yaml")
    sim = simulate(org, [Change.demand(1.3), Change.headcount("creatividad", add=1)])
    after = sim.after.departments
    # contenido: 1.3 × 37 h + 10 h other_load = 58.1 h of 80 h = 72.6%
    # creatividad: 1.3 × 64 h = 83.2 h of 3 × 40 h = 120 h = 69.3%
    assert after["contenido"].utilization == pytest.approx(58.1 / 80)
    assert after["creatividad"].utilization == pytest.approx(83.2 / 120)
    assert (sim.before.constraint, sim.after.constraint) == ("creatividad", "contenido")
    assert [str(change) for change in sim.changes] == [
        "demand × 1.3",
        "headcount of creatividad +1",
    ]
