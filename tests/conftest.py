"""Shared fixtures: paths to the shipped examples and the test corpus."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from clientchain import i18n
from clientchain.model import Organization

# The suite speaks English whatever the machine's locale: a test that wants Spanish says so
# (--lang es, language: es or its own environment). Subprocesses inherit this.
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(autouse=True)
def _english() -> None:
    """Each test starts in English, whatever a command run by an earlier test chose."""
    i18n.choose(None, {})


@pytest.fixture
def write(tmp_path: Path):
    """Write text (or bytes) to a file in a temporary folder and return its path."""

    def _write(content: str | bytes, name: str = "org.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def generate_org() -> Callable[..., Organization]:
    """``benchmarks/generate.py``'s seeded org generator, ``generate_org(departments, seed=42)``.

    Cached: the same arguments give the same (immutable) organization.
    """
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    generate: Callable[..., Organization] = cache(module.generate)
    return generate
