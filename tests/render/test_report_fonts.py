"""Fonts (issue 16, item 7): the default engine's PNG is drawn with the theme's font and with
system fonts for emoji and CJK (:mod:`clientchain.render.raster`), not with graphviz-pure's
three bundled fonts. A glyph a font lacks is drawn as an empty box (tofu), the same box for
every missing character, so "drawn" is checked as "differs from characters nobody has"."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace

import pytest
from PIL import Image

from clientchain.app.report import write_report
from clientchain.render.diagrams import diagram_for, render_diagram
from clientchain.render.raster import svg_to_png
from clientchain.render.theme import THEMES
from clientchain.render.views import DiagramOptions

from .conftest import TOOL_SKIP


def _text_png(text: str, family: str = "DejaVu Sans") -> bytes:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="150pt" height="30pt">'  # i18n: SVG
        f'<rect width="200" height="40" fill="#fff"/><text x="4" y="26" font-size="20" '
        f'font-family="{family}">{text}</text></svg>'  # i18n: SVG
    )
    return svg_to_png(svg.encode("utf-8"))


def _needs_font(language: str, package: str) -> None:
    fc_list = shutil.which("fc-list")
    found = (
        fc_list
        and subprocess.run(
            [fc_list, f":lang={language}", "family"], capture_output=True, text=True
        ).stdout.strip()
    )
    if not found:
        pytest.skip(f"{TOOL_SKIP} fonts for {language} ({package})")


def test_png_is_the_size_of_the_svg_at_96_dpi() -> None:
    image = Image.open(io.BytesIO(_text_png("A")))
    assert image.size == (200, 40)  # 150 pt × 4/3 = 200 px, 30 pt × 4/3 = 40 px


def test_png_uses_the_font_the_svg_names() -> None:
    _needs_font("en", "fonts-dejavu-core")
    # graphviz-pure's own PNG drew both in its serif Tinos: the same pixels
    assert _text_png("Creatividad", "DejaVu Sans") != _text_png("Creatividad", "DejaVu Serif")


def test_cjk_names_are_drawn() -> None:
    _needs_font("zh", "fonts-noto-cjk")
    assert _text_png("中文名") != _text_png("\ue000\ue001\ue002")  # private use: tofu


def test_emoji_are_drawn() -> None:
    _needs_font("und-zsye", "fonts-noto-color-emoji")
    image = Image.open(io.BytesIO(_text_png("🚀"))).convert("RGB")
    colours = {rgb for _, rgb in image.getcolors(maxcolors=1 << 16) or []}
    # a colour emoji: more than the black text on white and its grey anti-aliasing
    assert any(len({r, g, b}) > 1 for r, g, b in colours)


def test_default_engine_png_of_a_diagram(agencia) -> None:
    data = render_diagram(diagram_for(*agencia, DiagramOptions()), "png").data
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert render_diagram(diagram_for(*agencia, DiagramOptions()), "png").engine == "graphviz-pure"


def test_report_uses_the_themes_font(agencia, tmp_path) -> None:
    theme = replace(THEMES["light"], font="Fira Sans")
    out = tmp_path / "brand.html"
    write_report(*agencia, out, DiagramOptions(theme=theme))
    page = out.read_text(encoding="utf-8")
    assert 'body { font-family: "Fira Sans", "DejaVu Sans", Arial' in page  # the page's text
    assert 'font-family="Fira Sans"' in page  # the diagrams' text


def test_a_huge_drawing_is_scaled_to_the_longest_side_allowed() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="24576pt" height="96pt"></svg>'
    image = Image.open(io.BytesIO(svg_to_png(svg)))
    # 24,576 pt × 4/3 = 32,768 px, halved to 16,384; 96 pt × 4/3 = 128 px, halved to 64
    assert image.size == (16384, 64)
