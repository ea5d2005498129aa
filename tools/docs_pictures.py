"""The pictures of docs/render.md: one of each deliverable, made from examples/agencia.yaml.

    python tools/docs_pictures.py           # (make docs) write docs/images/*.png and SOURCES.json
    python tools/docs_pictures.py --check   # exit 1 when a picture is older than its deliverable

Each picture is drawn from a text that says everything it shows: the DOT of a diagram, the
HTML of the report, the slide XML of the deck. ``docs/images/SOURCES.json`` records the
SHA-256 of that text next to each picture; ``tests/test_docs_pictures.py`` recomputes the texts
(fast and the same on every machine: no browser, no rasteriser) and fails when one changed,
so a change to a deliverable comes with its new picture. The pictures themselves need
chromium (the report), LibreOffice and poppler (the slide): ``make docs`` only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from clientchain.app.report import build_report
from clientchain.app.slides import write_slides
from clientchain.graph import build_graph
from clientchain.loading import load_file
from clientchain.render.diagrams import diagram_for, render_diagram
from clientchain.render.dot import to_dot
from clientchain.render.report import report_text
from clientchain.render.views import DiagramOptions

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
SOURCES = IMAGES / "SOURCES.json"
EXAMPLE = Path("examples", "agencia.yaml")
"""Relative to ``ROOT`` (the working directory of :func:`main`), so that the report's
findings name the file the same way on every machine."""
SLIDE = 3
"""The slide shown: the overview (after the title slide and the executive summary)."""


def _org():  # type: ignore[no-untyped-def]
    org = load_file(EXAMPLE)
    return org, build_graph(org)


def _dot(view: str) -> Callable[[Path], str]:
    def source(folder: Path) -> str:
        del folder
        return to_dot(diagram_for(*_org(), DiagramOptions(view=view)))

    return source


def _report_html(folder: Path) -> str:
    text = report_text(build_report(*_org(), DiagramOptions()), "html")
    (folder / "report.html").write_text(text, encoding="utf-8")
    return text


def _slide_xml(folder: Path) -> str:
    deck = folder / "deck.pptx"
    write_slides(*_org(), deck)
    with zipfile.ZipFile(deck) as archive:
        return archive.read(f"ppt/slides/slide{SLIDE}.xml").decode("utf-8")


SOURCE_OF: dict[str, Callable[[Path], str]] = {
    "overview.png": _dot("org"),
    "chain.png": _dot("chain:infografia"),
    "report.png": _report_html,
    "slide.png": _slide_xml,
}
"""Each picture and the function that writes (into a scratch folder) and returns its text."""


def digests(folder: Path) -> dict[str, str]:
    """The SHA-256 of each picture's source text (the scratch ``folder`` keeps the files)."""
    return {
        name: hashlib.sha256(source(folder).encode("utf-8")).hexdigest()
        for name, source in SOURCE_OF.items()
    }


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=300)


def _draw(folder: Path) -> None:
    org = _org()
    for name, view in (("overview.png", "org"), ("chain.png", "chain:infografia")):
        png = render_diagram(diagram_for(*org, DiagramOptions(view=view)), "png").data
        (IMAGES / name).write_bytes(png)
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    _run(
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--user-data-dir={folder / 'profile'}",
        "--window-size=1280,1500",
        f"--screenshot={IMAGES / 'report.png'}",
        (folder / "report.html").as_uri(),
    )
    _run(
        "soffice",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(folder / "deck.pptx"),
    )
    stem = folder / "slide"
    _run(
        "pdftoppm",
        "-png",
        "-r",
        "60",
        "-f",
        str(SLIDE),
        "-l",
        str(SLIDE),
        "-singlefile",
        str(folder / "deck.pdf"),
        str(stem),
    )
    shutil.copyfile(stem.with_suffix(".png"), IMAGES / "slide.png")


def main(argv: list[str]) -> int:
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        current = digests(folder)
        if argv == ["--check"]:
            recorded = json.loads(SOURCES.read_text(encoding="utf-8"))
            stale = sorted(name for name in current if recorded.get(name) != current[name])
            for name in stale:
                print(f"docs/images/{name} is out of date: run make docs", file=sys.stderr)
            return 1 if stale else 0
        IMAGES.mkdir(parents=True, exist_ok=True)
        _draw(folder)
    SOURCES.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
