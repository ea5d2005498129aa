"""docs/render.md shows a picture of each deliverable, made by ``make docs``
(tools/docs_pictures.py), and the pictures are current: each one's source text (the DOT of a
diagram, the HTML of the report, the XML of the slide) hashes to what docs/images/SOURCES.json
recorded when the picture was made. Recomputing the texts needs no browser and no rasteriser,
so the check is fast and the same on every machine."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"


def _pictures() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "docs_pictures", ROOT / "tools" / "docs_pictures.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["docs_pictures"] = module
    spec.loader.exec_module(module)
    return module


def test_render_md_shows_each_deliverable() -> None:
    text = (ROOT / "docs" / "render.md").read_text(encoding="utf-8")
    recorded = json.loads((IMAGES / "SOURCES.json").read_text(encoding="utf-8"))
    assert sorted(recorded) == ["chain.png", "overview.png", "report.png", "slide.png"]
    for name in recorded:
        assert f"](images/{name})" in text, name
        assert (IMAGES / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), name


def test_pictures_are_current(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pictures = _pictures()
    monkeypatch.chdir(ROOT)  # the report names examples/agencia.yaml as make docs does
    recorded = json.loads((IMAGES / "SOURCES.json").read_text(encoding="utf-8"))
    current = pictures.digests(tmp_path)
    stale = [name for name in current if recorded.get(name) != current[name]]
    assert stale == [], f"out of date: {stale}: run make docs and commit docs/images"
