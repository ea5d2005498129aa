"""Text widths in the theme's default font, DejaVu Sans, without a font library.

The value-stream map (:mod:`clientchain.render.vsm`) sizes its boxes around their text,
so it needs each line's width before anything is drawn. The advance widths below are
DejaVu Sans's (regular and bold), in thousandths of an em, for printable ASCII, Latin-1
and the few symbols our numbers use (``· × – — … ∞ →``); any other character counts as
one em, wider than most glyphs of DejaVu's, so a box is never too narrow for it. Measured
with Pillow (``ImageFont.truetype(…).getlength``) from ``DejaVuSans.ttf`` and
``DejaVuSans-Bold.ttf``; ``tests/render/test_vsm.py`` measures every text of a map with
the real font and checks it fits its box.

>>> round(text_width("Creatividad", 12), 2), round(text_width("Creatividad", 12, bold=True), 2)
(69.12, 78.04)
>>> text_width("", 12)
0.0
"""

from __future__ import annotations

__all__ = ["ASCENT", "DESCENT", "text_width"]

ASCENT = 0.929
"""DejaVu Sans's ascent, in ems."""
DESCENT = 0.236
"""DejaVu Sans's descent, in ems."""

_CHARS = (
    "".join(map(chr, range(32, 127)))
    + "".join(map(chr, range(160, 256)))
    + "\u2026\u00b7\u00d7\u2013\u2014\u221e\u2192\u2265\u2264\u20ac\u2019\u2018\u201c\u201d\u2022"
)
# fmt: off
_REGULAR = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698,
    770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732,
    684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
    634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
    525, 636, 337, 636, 838, 318, 401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838,
    0, 1000, 500, 500, 838, 401, 401, 500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969,
    531, 684, 684, 684, 684, 684, 684, 974, 698, 632, 632, 632, 632, 295, 295, 295, 295, 775,
    748, 787, 787, 787, 787, 787, 838, 787, 732, 732, 732, 732, 611, 605, 630, 613, 613, 613,
    613, 613, 613, 982, 550, 615, 615, 615, 615, 278, 278, 278, 278, 612, 634, 612, 612, 612,
    612, 612, 838, 612, 634, 634, 634, 634, 592, 635, 592, 1000, 318, 838, 500, 1000, 833, 838,
    838, 838, 636, 318, 318, 518, 518, 590,
)
# fmt: on
# fmt: off
_BOLD = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734,
    830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812,
    774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
    712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652,
    582, 712, 365, 712, 838, 348, 456, 696, 696, 636, 696, 365, 500, 500, 1000, 564, 646, 838,
    0, 1000, 500, 500, 838, 438, 438, 500, 736, 636, 380, 500, 438, 564, 646, 1035, 1035, 1035,
    580, 774, 774, 774, 774, 774, 774, 1085, 734, 683, 683, 683, 683, 372, 372, 372, 372, 838,
    837, 850, 850, 850, 850, 850, 838, 850, 812, 812, 812, 812, 724, 738, 719, 675, 675, 675,
    675, 675, 675, 1048, 593, 678, 678, 678, 678, 343, 343, 343, 343, 687, 712, 687, 687, 687,
    687, 687, 838, 687, 712, 712, 712, 712, 652, 716, 652, 1000, 380, 838, 500, 1000, 833, 838,
    838, 838, 696, 380, 380, 657, 657, 639,
)
# fmt: on
_WIDTHS = dict(zip(_CHARS, _REGULAR, strict=True))
_BOLD_WIDTHS = dict(zip(_CHARS, _BOLD, strict=True))
_OTHER = 1000


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in points of ``text`` on one line at ``size`` points."""
    widths = _BOLD_WIDTHS if bold else _WIDTHS
    return sum(widths.get(char, _OTHER) for char in text) * size / 1000
