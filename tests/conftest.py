"""Shared fixtures: paths to the shipped examples and the test corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CASES = Path(__file__).resolve().parent / "cases"


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
