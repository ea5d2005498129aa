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

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""C0 controls but tab and line feed; DEL; C1 controls; lone surrogates (undecodable bytes)."""


def visible(text: str) -> str:
    r"""``text`` with every control character written as a visible escape.

    C0 controls become ``\r`` or ``\xNN``; DEL, C1 controls and lone surrogates
    (bytes of a file name that are not UTF-8) become ``\uNNNN``. Tab and line
    feed stay. JSON text keeps its meaning: JSON never holds a raw C0 control, and
    ``\uNNNN`` is JSON's own escape for the others.

    >>> print(visible("Ventas\r\x1b[2K ok\x9b end\n"))
    Ventas\r\x1b[2K ok\u009b end
    <BLANKLINE>
    """
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if code == 0x0D:
        return "\\r"
    return f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}"
