r"""Control characters shown visibly: the one escaping every human-facing text shares.

A name in an org file may hold a carriage return, an erase-line or cursor-up
sequence or an OSC window title. :func:`visible` writes each as an escape
(``\r``, ``\x1b``); the console (:mod:`clientchain.console`) applies it to all it
writes, and so do the documents that carry names for people: the slides and the
HTML report. Pure text, no I/O, so every layer may use it.
"""

from __future__ import annotations

import re

__all__ = ["visible"]

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""C0 controls but tab and line feed; DEL; C1 controls; the bidirectional embeddings,
overrides and isolates (U+202A-U+202E, U+2066-U+2069: "Trojan Source" reordering);
lone surrogates (undecodable bytes). Other format characters (U+200D, the joiner of
emoji sequences; U+200C; U+200E/U+200F marks; soft hyphen) are text and stay."""


def visible(text: str) -> str:
    r"""``text`` with every control character written as a visible escape.

    C0 controls become ``\r`` or ``\xNN``; DEL, C1 controls, the bidirectional
    controls that reorder what a terminal shows (U+202A-U+202E, U+2066-U+2069) and
    lone surrogates (bytes of a file name that are not UTF-8) become ``\uNNNN``. Tab and line
    feed stay. JSON text keeps its meaning: JSON never holds a raw C0 control, and
    ``\uNNNN`` is JSON's own escape for the others.

    >>> print(visible("Ventas\r\x1b[2K ok\x9b end\n"))
    Ventas\r\x1b[2K ok\u009b end
    <BLANKLINE>
    >>> print(visible("Taller\u202egnp.exe"))
    Taller\u202egnp.exe
    """
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if code == 0x0D:
        return "\\r"
    return f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}"
