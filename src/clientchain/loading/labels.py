"""Text every output can carry: the bounds on ids and texts that become labels.

A file that passes ``check`` must render. Two things in a name break a diagram
although YAML reads them: a Unicode **noncharacter** (U+FFFE, U+FFFF, U+FDD0–U+FDEF,
and the last two code points of every plane) or a lone **surrogate**, which XML —
SVG, the PNG and PDF drawn from it, slides — cannot carry; and a label so long
that Graphviz's ``dot`` refuses it (its HTML-like labels stop at 16 KB). The
loader refuses both where they are written. C0 control characters are not
refused: the diagrams draw them as U+FFFD.

>>> label_problem("Contenido y comunicación") is None
True
>>> label_problem("A\\ufffeB")
('contains U+FFFE, a Unicode noncharacter that SVG, PNG, PDF and slides cannot carry', 'remove it')
>>> label_problem("x" * 201)[0]
'201 characters, longer than the 200 a label may have'
"""

from __future__ import annotations

import re

from clientchain.i18n import _
from clientchain.numbers import num

__all__ = ["MAX_TEXT", "label_problem", "renderable", "unwritable"]

MAX_TEXT = 200
"""Most characters in one id or text (a name, a deliverable …). A longer label fits no
box nor slide; at 200 characters even the longest-escaping ones (``"`` is ``&quot;``)
keep a chain view's title and caption well under Graphviz's 16 KB."""

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_UNWRITABLE = re.compile(f"[{_NONCHARACTERS}\ud800-\udfff]")
unwritable = _UNWRITABLE.search
"""The first character of a text that no output can carry (a match), or ``None``."""


def label_problem(text: str) -> tuple[str, str] | None:
    """``(message, hint)`` when ``text`` cannot be a label in every output, else ``None``."""
    if len(text) > MAX_TEXT:
        return (
            _("{n} characters, longer than the {limit} a label may have").format(
                n=num(len(text)), limit=num(MAX_TEXT)
            ),
            _("shorten it; put long text in a document"),
        )
    bad = _UNWRITABLE.search(text)
    if bad is None:
        return None
    code = ord(bad.group())
    if 0xD800 <= code <= 0xDFFF:
        # TRANSLATORS: {code} is a Unicode code point such as U+D800
        message = _("contains {code}, a lone surrogate that SVG, PNG, PDF and slides cannot carry")
    else:
        # TRANSLATORS: {code} is a Unicode code point such as U+FFFE
        message = _(
            "contains {code}, a Unicode noncharacter that SVG, PNG, PDF and slides cannot carry"
        )
    return message.format(code=f"U+{code:04X}"), _("remove it")


def renderable(text: str) -> str:
    """``text`` with what no output can carry replaced by U+FFFD, cut to :data:`MAX_TEXT`
    (for names clientchain makes up itself, such as one taken from a file name).

    >>> renderable("team\\ufffe")
    'team\\ufffd'
    """
    return _UNWRITABLE.sub("\ufffd", text)[:MAX_TEXT]
