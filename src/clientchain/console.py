"""The two output streams: the report on stdout, diagnostics on stderr.

Formatters return strings; only the CLI writes them, through :func:`out` and
:func:`err`. Whether text output is *rich* (tables and colour for a person at a
terminal) or *plain* (stable lines for files, pipes and diffs) is decided once
here, by :func:`wants_rich`.

Everything written goes through :func:`visible` first: a name in an org file may
hold a carriage return, an erase-line or cursor-up sequence or an OSC window
title, and none of them may reach a terminal or a CI log raw. Only
:class:`Styled` text (rich's tables, whose data was made visible when they were
drawn) keeps its escape sequences, which are then clientchain's own colours.

The streams are looked up when written to, never cached at import, so that test
runners that swap ``sys.stdout`` see everything.
"""

from __future__ import annotations

import codecs
import errno
import os
import shutil
import sys
from typing import TextIO

from clientchain.controls import visible
from clientchain.i18n import _

__all__ = ["Styled", "encodable", "err", "out", "terminal_width", "visible", "wants_rich"]


class Styled(str):
    """Text whose escape sequences are clientchain's own styles (rich's colours).

    Its data was made :func:`visible` when it was drawn, so it is written as it is.
    """

    __slots__ = ()


def wants_rich(no_color: bool, stream: TextIO | None = None) -> bool:
    """Whether to draw rich tables and colour on ``stream`` (default: stdout).

    Plain when ``--no-color`` was given or ``NO_COLOR`` is set (https://no-color.org),
    rich when ``FORCE_COLOR`` is set, else rich only on a terminal.
    """
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    target = sys.stdout if stream is None else stream
    isatty = getattr(target, "isatty", None)
    return bool(isatty is not None and isatty())


def terminal_width(default: int = 100) -> int:
    """Columns of the terminal (``COLUMNS`` wins), ``default`` when unknown."""
    return shutil.get_terminal_size((default, 24)).columns


def out(text: str) -> None:
    """Write ``text`` to stdout, ending with exactly one newline (nothing for ``''``).

    Raises :class:`OSError` when the process was started with standard output closed.
    """
    if sys.stdout is None:  # started with descriptor 1 closed (`>&-`)
        if text:
            raise OSError(errno.EBADF, _("standard output is closed"))
        return
    _write(sys.stdout, text)


def err(text: str) -> None:
    """Write ``text`` to stderr, ending with exactly one newline (nothing for ``''``).

    Nothing is written when standard error is closed: there is nowhere to say it.
    """
    if sys.stderr is not None:
        _write(sys.stderr, text)


def _write(stream: TextIO, text: str) -> None:
    if not text:
        return
    shown = text if isinstance(text, Styled) else visible(text)
    shown = shown if shown.endswith("\n") else shown + "\n"
    try:
        stream.write(shown)
    except UnicodeEncodeError:  # e.g. PYTHONIOENCODING=cp1252, which has no '→'
        stream.write(encodable(shown, stream.encoding))
    stream.flush()


_ASCII = {
    "→": "->",
    "←": "<-",
    "↔": "<->",
    "≥": ">=",
    "≤": "<=",
    "≈": "~",
    "×": "x",
    "·": ".",
    "•": "*",
    "…": "...",
    "–": "-",
    "—": "-",
    "✓": "ok",
    "✗": "x",
    **dict.fromkeys("─━═╌", "-"),
    **dict.fromkeys("│┃║╎", "|"),
    **dict.fromkeys("┌┐└┘├┤┬┴┼╭╮╰╯╴╶", "+"),
}
"""ASCII stand-ins for the symbols clientchain writes, for encodings that lack them."""


def encodable(text: str, encoding: str) -> str:
    r"""``text`` with what ``encoding`` cannot write replaced: arrows and rules by ASCII
    (``→`` as ``->``), anything else by its escape (``中``).

    >>> encodable("Diseño → Envíos 中", "cp1252")
    'Diseño -> Envíos \\u4e2d'
    """
    return text.encode(encoding, _ASCII_FALLBACK).decode(encoding)


def _ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeEncodeError)
    failed = error.object[error.start : error.end]
    return "".join(
        _ASCII.get(c) or c.encode("ascii", "backslashreplace").decode() for c in failed
    ), error.end


_ASCII_FALLBACK = "clientchain-ascii"
codecs.register_error(_ASCII_FALLBACK, _ascii_fallback)
