"""The package's public names import lazily and work together."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
