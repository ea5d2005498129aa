"""The deck's frame: a new 16:9 presentation, or the client's template (``--template``).

A template is a ``.pptx`` or ``.potx`` (a ``.potx`` is the same package with the
content type of a template; it is opened as a presentation). Its own slides are
removed; its slide size, masters and layouts stay. The deck uses three of its
layouts, found by their placeholders:

* **title**: a centred title (or a title and a subtitle) — the title slide;
* **title only**: a title and no body — every other slide, its heading in the
  layout's title placeholder where the template put it;
* **blank**: no title — when the template has no title-only layout.

The template's theme gives the text font (the minor Latin font) and colour (``dk1``),
and its master's background stays: the slides are not painted over.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.render.pptx_shapes import (
    Area,
    fill_background,
    fill_placeholder,
    sizes_from,
    text_box,
)
from clientchain.render.theme import Theme

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import Slide, SlideLayout

__all__ = ["TITLE_SIZES", "Frame", "content_slide", "drop_empty_placeholders", "new_frame"]

TITLE_SIZES = (26.0, 18.0)
"""A slide heading's sizes, largest and smallest: one line, cut with "…" at the smallest."""
_INCH = 72.0
_MARGIN = 0.4 * _INCH

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = (
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)
_CONTENT_TYPES = "[Content_Types].xml"  # i18n: a part name of the package
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"  # i18n: an XML namespace
# placeholder types (ST_PlaceholderType): title, body, centred title, subtitle, object
_TITLE, _BODY, _CENTER_TITLE, _SUBTITLE, _OBJECT = 1, 2, 3, 4, 7


@dataclass(slots=True)
class Frame:
    """The presentation being built and how its slides are made."""

    deck: Presentation
    title_layout: SlideLayout
    content_layout: SlideLayout
    branded: bool
    """Built on a template: headings go into its placeholders, its background stays."""
    font: str | None = None
    text: str | None = None

    @property
    def width(self) -> float:
        """The slide's width in points."""
        return float(self.deck.slide_width or 0) / 12700

    @property
    def height(self) -> float:
        """The slide's height in points."""
        return float(self.deck.slide_height or 0) / 12700


def _as_presentation(data: bytes) -> bytes:
    """``data`` with a template's main content type turned into a presentation's."""
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read(_CONTENT_TYPES)
    if _TEMPLATE_TYPE not in types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == _CONTENT_TYPES:
                body = body.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
            target.writestr(item, body)
    return out.getvalue()


def _open(data: bytes, name: str) -> Presentation:
    from pptx import Presentation as open_presentation
    from pptx.exc import PackageNotFoundError

    # lxml's XMLSyntaxError is a SyntaxError
    broken = (zipfile.BadZipFile, PackageNotFoundError, SyntaxError, KeyError, ValueError)
    try:
        return open_presentation(io.BytesIO(_as_presentation(data)))
    except (*broken, TypeError, AttributeError) as exc:
        raise UsageError(
            # TRANSLATORS: {error} is the reason python-pptx gives, in English
            _("{path} is not a PowerPoint template (.pptx or .potx): {error}").format(
                path=repr(name), error=exc
            )
        ) from exc


def _remove_slides(deck: Presentation) -> None:
    """Drop the template's own slides (and their relationships)."""
    ids = deck.slides._sldIdLst
    for slide_id in list(ids):
        deck.part.drop_rel(slide_id.rId)
        ids.remove(slide_id)


def _types(layout: SlideLayout) -> set[int]:
    return {int(s.placeholder_format.type) for s in layout.shapes if s.is_placeholder}


def _find(deck: Presentation, wanted: Any) -> SlideLayout | None:
    return next((layout for layout in deck.slide_layouts if wanted(_types(layout))), None)


def _theme_text(deck: Presentation) -> tuple[str | None, str | None]:
    """The theme's minor Latin font and its ``dk1`` colour (``#rrggbb``), where given."""
    from xml.etree import ElementTree

    master = deck.slide_masters[0]
    for rel in master.part.rels.values():
        if rel.reltype.endswith("/theme"):
            root = ElementTree.fromstring(rel.target_part.blob)
            latin = root.find(f".//{_A}minorFont/{_A}latin")
            colour = root.find(f".//{_A}dk1/{_A}srgbClr")
            font = latin.get("typeface") if latin is not None else None
            text = f"#{colour.get('val')}" if colour is not None else None  # i18n: a colour
            return (font or None), text
    return None, None


def new_frame(template: bytes | None, name: str, size: tuple[float, float]) -> Frame:
    """A frame on a new presentation of ``size`` inches, or on ``template``'s masters.

    Raises
    ------
    UsageError
        python-pptx is missing, or ``template`` is not a presentation or template with
        at least one layout (``name`` is its path, for the message).
    """
    try:
        from pptx import Presentation as new_presentation
        from pptx.util import Inches
    except ImportError as exc:  # the 'slides' extra is not installed
        raise UsageError(_("slides need python-pptx: pip install 'clientchain[slides]'")) from exc
    if template is None:
        deck = new_presentation()
        deck.slide_width, deck.slide_height = Inches(size[0]), Inches(size[1])
        blank = deck.slide_layouts[6]
        return Frame(deck, blank, blank, branded=False)
    deck = _open(template, name)
    if not len(deck.slide_layouts):
        raise UsageError(
            _("{path} is not a PowerPoint template (.pptx or .potx): {error}").format(
                path=repr(name), error=_("it has no slide layouts")
            )
        )
    _remove_slides(deck)
    titled = {_TITLE, _CENTER_TITLE}
    title = _find(deck, lambda t: _CENTER_TITLE in t) or _find(deck, lambda t: bool(t & titled))
    content = _find(deck, lambda t: _TITLE in t and not t & {_BODY, _OBJECT, _SUBTITLE})
    content = content or _find(deck, lambda t: not t & titled) or deck.slide_layouts[0]
    font, text = _theme_text(deck)
    return Frame(deck, title or deck.slide_layouts[0], content, True, font, text)


def drop_empty_placeholders(slide: Slide) -> None:
    """Remove the layout's placeholders left empty ("Click to add text" in PowerPoint)."""
    for holder in list(slide.placeholders):
        if not (holder.has_text_frame and holder.text_frame.text):
            holder._element.getparent().remove(holder._element)


def content_slide(frame: Frame, theme: Theme, title: str) -> tuple[Slide, float]:
    """A slide with ``title`` as its heading on one line, and where its content may start
    (points from the top): under the template's title placeholder, or under a heading
    0.25 in from the top of a plain slide."""
    slide = frame.deck.slides.add_slide(frame.content_layout)
    if not frame.branded:
        fill_background(slide, theme)
    holder = slide.shapes.title if frame.branded else None
    if holder is not None:
        fill_placeholder(holder, title, sizes_from(*TITLE_SIZES))
        top = float(holder.top + holder.height) / 12700
    else:
        sy = frame.height / (7.5 * _INCH)
        heading = Area(_MARGIN, 0.25 * _INCH * sy, frame.width - 2 * _MARGIN, 0.55 * _INCH * sy)
        largest, smallest = TITLE_SIZES
        text_box(slide, heading, title, theme, largest, bold=True, smallest=smallest, lines=1)
        top = 0.8 * _INCH * sy
    drop_empty_placeholders(slide)
    return slide, top
