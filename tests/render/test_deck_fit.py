"""No text of the deck overflows its box (issue 16, item 5).

Every text of every slide is measured with the theme font's metrics (Pillow and
DejaVu Sans, as fontconfig finds it), word-wrapped at the box's width less its
insets, one line 1.2 × the type size high, against the box's height less its
insets; titles stay on one line, above the subtitle. The measuring here is the
test's own (not :mod:`clientchain.render.fit`'s). LibreOffice converts each deck
to PDF with one page a slide.
"""

from __future__ import annotations

import subprocess
from functools import cache

import pytest
from pptx import Presentation
from pptx.util import Emu, Pt

from clientchain import i18n
from clientchain.app.slides import write_slides
from clientchain.graph import build_graph
from clientchain.loading import load_file
from clientchain.render.theme import THEMES
from clientchain.render.views import DiagramOptions

from .conftest import EXAMPLES, needs_tool

LINE = 1.2
"""A line's height in ems."""
DEFAULT_INSET = (Emu(91440).pt, Emu(45720).pt)
"""A text frame's default insets (left/right 0.1 in, top/bottom 0.05 in), in points."""


@cache
def _font(size_tenths: int, bold: bool):
    from PIL import ImageFont

    pattern = "DejaVu Sans:bold" if bold else "DejaVu Sans"
    path = subprocess.run(
        ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=True
    ).stdout
    return ImageFont.truetype(path, size_tenths)


def _width(text: str, size: float, bold: bool) -> float:
    return _font(round(size * 10), bold).getlength(text) / 10


def _lines(text: str, size: float, bold: bool, width: float) -> int:
    """Lines of ``text`` word-wrapped at ``width`` points (a too-long word breaks)."""
    count = 0
    for paragraph in text.split("\n"):
        line = ""
        count += 1
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if _width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                count += 1
            line = word
            while _width(line, size, bold) > width and len(line) > 1:
                count += 1
                cut = max(1, int(len(line) * width / _width(line, size, bold)))
                line = line[cut:]
    return count


def _runs(frame):
    """(text, size, bold) of each paragraph of ``frame``: its first run's font."""
    for paragraph in frame.paragraphs:
        runs = paragraph.runs
        if runs and runs[0].font.size is not None:
            yield paragraph.text, runs[0].font.size.pt, bool(runs[0].font.bold)


def _insets(frame) -> tuple[float, float, float, float]:
    def pt(value, default: float) -> float:
        return default if value is None else Emu(value).pt

    body = frame._txBody.bodyPr  # None attributes are the defaults
    return (
        pt(body.get("lIns") and int(body.get("lIns")), DEFAULT_INSET[0]),
        pt(body.get("rIns") and int(body.get("rIns")), DEFAULT_INSET[0]),
        pt(body.get("tIns") and int(body.get("tIns")), DEFAULT_INSET[1]),
        pt(body.get("bIns") and int(body.get("bIns")), DEFAULT_INSET[1]),
    )


def _needed(frame, width: float) -> float:
    """The height in points the paragraphs of ``frame`` take wrapped at ``width``."""
    wraps = frame.word_wrap is not False
    total = 0.0
    for text, size, bold in _runs(frame):
        if wraps:
            total += _lines(text, size, bold, width) * size * LINE
        else:
            total += size * LINE
            assert _width(text, size, bold) <= width + 0.5, f"too wide: {text!r}"
    return total


def _overflows(presentation) -> list[str]:
    """Every text that does not fit its box, as ``slide N: text (needed > box)``."""
    found = []
    for number, slide in enumerate(presentation.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                frame = shape.text_frame
                left, right, top, bottom = _insets(frame)
                width = Emu(shape.width).pt - left - right
                try:
                    needed = _needed(frame, width)
                except AssertionError as error:
                    found.append(f"slide {number}: {error}")
                    continue
                room = Emu(shape.height).pt - top - bottom
                if needed > room + 0.5:
                    found.append(f"slide {number}: {frame.text[:50]!r} ({needed:.0f} > {room:.0f})")
            if shape.has_table:
                found += _table_overflows(number, shape, presentation)
    return found


def _table_overflows(number: int, shape, presentation) -> list[str]:
    found, table = [], shape.table
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            width = Emu(table.columns[c].width).pt - Emu(cell.margin_left).pt
            width -= Emu(cell.margin_right).pt
            needed = _needed(cell.text_frame, width)
            needed += Emu(cell.margin_top).pt + Emu(cell.margin_bottom).pt
            if needed > Emu(row.height).pt + 0.5:
                found.append(f"slide {number}: cell {r},{c} {cell.text[:40]!r}")
    if shape.top + sum(row.height for row in table.rows) > presentation.slide_height:
        found.append(f"slide {number}: the table runs off the slide")
    return found


def _title_and_subtitle(slide):
    """The slide's title (its first text box) and the text box below it, if any."""
    boxes = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]
    return boxes[0], (boxes[1] if len(boxes) > 1 else None)


CASES = [
    ("agencia", "en"),
    ("agencia", "es"),
    ("software-company", "en"),
    ("software-company", "es"),
    ("generated-30", "en"),
]


@pytest.fixture(scope="module")
def decks(tmp_path_factory, generate_org):
    made = {}
    for name, language in CASES:
        org = generate_org(30) if name == "generated-30" else load_file(EXAMPLES / f"{name}.yaml")
        out = tmp_path_factory.mktemp("fit") / f"{name}-{language}.pptx"
        options = DiagramOptions(theme=THEMES["slides"])
        with i18n.use(language):
            written = write_slides(org, build_graph(org), out, options)
        made[name, language] = (out, written)
    return made


@pytest.mark.parametrize(("name", "language"), CASES)
def test_no_text_overflows_its_box(decks, name: str, language: str) -> None:
    needs_tool("fc-match")
    out, _ = decks[name, language]
    assert _overflows(Presentation(str(out))) == []


@pytest.mark.parametrize(("name", "language"), CASES)
def test_titles_stay_on_one_line_above_the_subtitle(decks, name: str, language: str) -> None:
    needs_tool("fc-match")
    out, _ = decks[name, language]
    for slide in list(Presentation(str(out)).slides)[1:]:  # the title slide's name may take two
        title, below = _title_and_subtitle(slide)
        left, right, _top, _bottom = _insets(title.text_frame)
        for text, size, bold in _runs(title.text_frame):
            assert _lines(text, size, bold, Emu(title.width).pt - left - right) == 1, text
        if below is not None:
            assert title.top + title.height <= below.top


def test_the_measure_sees_an_overflow(tmp_path) -> None:
    """The check is not vacuous: a long sentence in a small box is reported."""
    needs_tool("fc-match")
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    box = slide.shapes.add_textbox(Pt(10), Pt(10), Pt(200), Pt(30))
    box.text_frame.word_wrap = True
    box.text_frame.text = "Creatividad is the constraint at 80 % of its capacity this week"
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    # at 12 pt the sentence is about 400 pt wide: 3 lines of 180 pt, 3 × 14.4 = 43 pt > 30 − 7.2
    assert len(_overflows(presentation)) == 1


@pytest.mark.parametrize(("name", "language"), [("agencia", "es"), ("generated-30", "en")])
def test_libreoffice_prints_one_page_a_slide(decks, tmp_path, name: str, language: str) -> None:
    soffice = needs_tool("soffice", "libreoffice")
    out, written = decks[name, language]
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pdfinfo = needs_tool("pdfinfo")
    info = subprocess.run(
        [pdfinfo, str((tmp_path / out.name).with_suffix(".pdf"))],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert pages == written.counts["slides"] == len(Presentation(str(out)).slides)


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_text_overflows_on_a_template(tmp_path, language: str) -> None:
    """On a smaller slide (12 × 6.75 in) with the template's own title placeholders."""
    needs_tool("fc-match")
    from .test_slides_frame import _template

    org = load_file(EXAMPLES / "software-company.yaml")
    out = tmp_path / "branded.pptx"
    with i18n.use(language):
        write_slides(org, build_graph(org), out, template=_template(tmp_path))
    presentation = Presentation(str(out))
    assert _overflows(presentation) == []
    for slide in list(presentation.slides)[1:]:
        title = slide.shapes.title
        left, right, _top, _bottom = _insets(title.text_frame)
        for text, size, bold in _runs(title.text_frame):
            assert _lines(text, size, bold, Emu(title.width).pt - left - right) == 1, text


def test_a_long_chain_name_is_shrunk_then_cut_on_one_line(tmp_path) -> None:
    needs_tool("fc-match")
    from clientchain.loading import load_text

    long_name = "Infografía " + "muy larga para el cliente " * 6  # 167 characters
    text = (EXAMPLES / "agencia.yaml").read_text(encoding="utf-8")
    text = text.replace("    name: Infografía\n", f"    name: {long_name.strip()}\n", 1)
    org = load_text(text, "long.yaml")
    out = tmp_path / "long.pptx"
    write_slides(org, build_graph(org), out, chains=["infografia"])
    slide = list(Presentation(str(out)).slides)[3]  # title, summary, overview, the chain
    title, below = _title_and_subtitle(slide)
    # "Agencia Ejemplo — Infografía muy larga…" is far wider than 12.5 in at 18 pt: cut
    assert title.text_frame.text.startswith("Agencia Ejemplo — Infografía muy larga")
    assert title.text_frame.text.endswith("…")
    assert title.text_frame.paragraphs[0].runs[0].font.size.pt == 18
    assert title.top + title.height <= below.top
    assert _overflows(Presentation(str(out))) == []
