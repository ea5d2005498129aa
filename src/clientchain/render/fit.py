"""Text that fits its box on a slide: measured with the theme font's metrics.

PowerPoint and LibreOffice wrap a text box's words at its width and let the
text run out of the box's bottom when there are more lines than fit. The deck
measures every text before it places it: with Pillow (python-pptx's own
dependency) and the DejaVu Sans font where it is installed, else with an
average character width of :data:`FALLBACK_EM` ems, and takes the largest type
size at which the wrapped lines fit, or shortens the text with an ellipsis at
the smallest one.

Lines are ``LINE_HEIGHT × size`` high (PowerPoint's single spacing for DejaVu
Sans is about 1.17). Widths carry a safety margin of :data:`SLACK` for the
viewer's own rounding and for a font substituted by a similar one.

>>> m = Measure(None)  # the fallback: every character 0.6 em
>>> m.width("abcd", 10.0)
24.0
>>> m.wrap("one two three", 10.0, 60.0)
['one two', 'three']
>>> m.fit("one two three", 60.0, 25.0, (12.0, 10.0))  # two lines: 28.8 pt at 12, 24 at 10
10.0
>>> m.ellipsize("a long heading", 10.0, 50.0)
'a long…'
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from functools import cache
from typing import Any

__all__ = ["FALLBACK_EM", "LINE_HEIGHT", "SLACK", "Measure", "font_file", "measure"]

LINE_HEIGHT = 1.2
"""A line's height in ems."""
SLACK = 1.06
"""Measured widths are multiplied by this: the viewer's font may be a little wider."""
FALLBACK_EM = 0.6
"""A character's width in ems when no font file is found (DejaVu Sans averages 0.55)."""
_ELLIPSIS = "…"


@cache
def font_file(bold: bool = False) -> str | None:
    """The DejaVu Sans file (bold or regular) fontconfig names, or ``None``."""
    if shutil.which("fc-match") is None:
        return None
    pattern = "DejaVu Sans:bold" if bold else "DejaVu Sans"  # i18n: a fontconfig pattern
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern],  # i18n: fontconfig arguments
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return found if found.lower().endswith((".ttf", ".otf")) else None


class Measure:
    """Widths of text in points at a type size, from a font file or an average width."""

    def __init__(self, path: str | None, bold_path: str | None = None) -> None:
        self._paths = (path, bold_path or path)
        self._fonts: dict[tuple[bool, float], Any] = {}

    def _font(self, size: float, bold: bool) -> Any:
        key = (bold, size)
        if key not in self._fonts:
            path = self._paths[bold]
            font = None
            if path is not None:
                try:
                    from PIL import ImageFont

                    # Pillow measures in pixels of the size given: 10× for precision; the
                    # basic layout (no shaping library) is enough for widths and never fails
                    basic = ImageFont.Layout.BASIC
                    font = ImageFont.truetype(path, round(size * 10), layout_engine=basic)
                except (ImportError, OSError):
                    font = None
            self._fonts[key] = font
        return self._fonts[key]

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        """The width of ``text`` (one line) in points at ``size`` points."""
        font = self._font(size, bold)
        if font is not None:
            try:
                return float(font.getlength(text)) / 10
            except (RuntimeError, ValueError, UnicodeError):  # a text Pillow cannot lay out
                pass
        return len(text) * size * FALLBACK_EM

    def wrap(self, text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
        """``text`` broken into the lines a viewer draws in a box ``width`` points wide.

        Words go on a line while it fits; a word wider than the box is broken where it
        no longer fits, as PowerPoint does.
        """
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                candidate = f"{line} {word}" if line else word
                if self.width(candidate, size, bold=bold) * SLACK <= width or not candidate:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                line = word
                while len(line) > 1 and self.width(line, size, bold=bold) * SLACK > width:
                    cut = len(line) - 1
                    while cut > 1 and self.width(line[:cut], size, bold=bold) * SLACK > width:
                        cut -= 1
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line)
        return lines

    def height(self, text: str, size: float, width: float, *, bold: bool = False) -> float:
        """The height of ``text`` wrapped at ``width``, in points."""
        return len(self.wrap(text, size, width, bold=bold)) * size * LINE_HEIGHT

    def fit(
        self,
        text: str,
        width: float,
        height: float,
        sizes: Sequence[float],
        *,
        bold: bool = False,
    ) -> float:
        """The first of ``sizes`` (largest first) at which ``text`` fits, else the last."""
        for size in sizes:
            if self.height(text, size, width, bold=bold) <= height:
                return size
        return sizes[-1]

    def ellipsize(
        self, text: str, size: float, width: float, lines: int = 1, *, bold: bool = False
    ) -> str:
        """``text`` cut at a word (or a character) and ended with "…" so that it wraps
        into at most ``lines`` lines of ``width`` points; unchanged when it already does."""
        if len(self.wrap(text, size, width, bold=bold)) <= lines:
            return text
        words = text.split(" ")
        while len(words) > 1:
            words.pop()
            shorter = " ".join(words).rstrip(" ,;:·-") + _ELLIPSIS
            if len(self.wrap(shorter, size, width, bold=bold)) <= lines:
                return shorter
        word = words[0]
        while len(word) > 1:
            word = word[:-1]
            if len(self.wrap(word + _ELLIPSIS, size, width, bold=bold)) <= lines:
                return word + _ELLIPSIS
        return _ELLIPSIS


@cache
def measure() -> Measure:
    """The deck's measure: DejaVu Sans where fontconfig finds it, else the fallback."""
    return Measure(font_file(False), font_file(True))
