"""Terminal rendering every rich formatter shares: :func:`render` and the severity colours.

Used only when a person is at a terminal (see :func:`clientchain.console.wants_rich`);
pipes, files and ``--no-color`` get the plain modules. Every piece of text from the org
file goes in as :class:`rich.text.Text`, never as markup, so a name like ``[bold]`` is
shown as written.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from clientchain.console import Styled, visible

__all__ = ["SEVERITY_STYLE", "render"]

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}  # i18n: rich styles
"""Colour of each finding severity."""


def render(renderables: Iterable[RenderableType], width: int) -> Styled:
    """Render to a string with ANSI styles, ``width`` columns wide.

    Control characters in the data are shown as escapes (:func:`~clientchain.console.visible`)
    before rich wraps the text; the only escape sequences in the result are rich's styles.
    """
    console = _VisibleConsole(
        file=io.StringIO(), width=width, force_terminal=True, highlight=False, emoji=False
    )
    for renderable in renderables:
        console.print(renderable)
    buffer = console.file
    assert isinstance(buffer, io.StringIO)
    return Styled(buffer.getvalue())


class _VisibleConsole(Console):
    """A console that writes the data's control characters as visible escapes.

    Left to itself, rich drops carriage return, backspace, bell and form feed when a
    :class:`~rich.text.Text` is made, but writes escape and the C1 controls raw; here
    every text is escaped before it is wrapped, and any segment that still holds a
    control character after rendering is escaped too.
    """

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        if isinstance(renderable, str):
            renderable = visible(renderable)
        elif isinstance(renderable, Text):
            renderable = _visible_text(renderable)
        for segment in super().render(renderable, options):
            if segment.control or visible(segment.text) == segment.text:
                yield segment
            else:  # data that came as neither text nor a string
                yield Segment(visible(segment.text), segment.style)


def _visible_text(text: Text) -> Text:
    """``text`` with its control characters as escapes, its styled spans moved along."""
    plain = text.plain
    if visible(plain) == plain:
        return text
    starts = [0]
    for character in plain:
        starts.append(starts[-1] + len(visible(character)))
    shown = Text(
        "".join(visible(character) for character in plain),
        style=text.style,
        justify=text.justify,
        overflow=text.overflow,
        no_wrap=text.no_wrap,
        end=text.end,
        tab_size=text.tab_size,
    )
    for span in text.spans:
        shown.stylize(span.style, starts[span.start], starts[span.end])
    return shown
