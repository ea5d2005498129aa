"""The language an org file's own messages are written in.

A file that says ``language: es`` is reported on in Spanish when it cannot be read, as its
reports are when it can (docs/commands.md "Language"): ``--lang`` still wins, and so does the
language an earlier file of the same command chose. The file's ``language:`` is found in its
text before the file is read, so even a file whose YAML is broken is reported on in its
language; the loader checks the value itself as it checks every key.

>>> stated_language("version: 1\\nlanguage: es  # español\\n")
'es'
>>> stated_language(b'{"version": 1, "language": "en"}')
'en'
>>> stated_language("departments:\\n  language: es\\n") is None  # not the top-level key
True
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from typing import Any, TypeVar

from clientchain.i18n import LANGUAGES, adopt

__all__ = ["in_language_of", "stated_language"]

T = TypeVar("T")

_CODES = "|".join(LANGUAGES)
# A top-level YAML key (at the start of a line), or a JSON member (a nested "language" key is
# not part of the format). Each is looked for with find() first: a regular expression
# searching the whole text would cost as much as reading a large file's other keys.
_YAML = r"""language[ \t]*:[ \t]*(["']?)(""" + _CODES + r""")\1[ \t]*(?:#.*)?\r?$"""
_JSON = r'"language"[ \t\r\n]*:[ \t\r\n]*"(' + _CODES + ')"'


def _looks(kind: type[str] | type[bytes]) -> tuple[tuple[Any, int, Any, int], ...]:
    """Per kind of text: (needle, where the key starts after the needle, pattern, group)."""
    if kind is str:
        return (
            ("\nlanguage", 1, re.compile(_YAML, re.MULTILINE), 2),
            ('"language"', 0, re.compile(_JSON), 1),
        )
    return (
        (b"\nlanguage", 1, re.compile(_YAML.encode(), re.MULTILINE), 2),
        (b'"language"', 0, re.compile(_JSON.encode()), 1),
    )


_LOOKS = {str: _looks(str), bytes: _looks(bytes)}


def stated_language(text: str | bytes) -> str | None:
    """The language the top-level ``language:`` of ``text`` names, if it names one we speak."""
    looks = _LOOKS[bytes if isinstance(text, bytes) else str]
    first = looks[0][2].match(text, 0) or looks[0][2].match(text, _bom(text))
    if first is not None:
        return _text(first.group(2))
    for needle, skip, pattern, group in looks:
        at = text.find(needle)
        while at >= 0:
            found = pattern.match(text, at + skip)
            if found is not None:
                return _text(found.group(group))
            at = text.find(needle, at + 1)
    return None


def _bom(text: str | bytes) -> int:
    """Where the text starts after a byte order mark."""
    if isinstance(text, bytes):
        return 3 if text.startswith(b"\xef\xbb\xbf") else 0
    return 1 if text.startswith("\ufeff") else 0


def _text(code: str | bytes) -> str:
    return code if isinstance(code, str) else code.decode("ascii")


def in_language_of(text: str | bytes, read: Callable[[], T]) -> T:
    """``read()``, with the messages it writes in the language ``text`` states (unless
    ``--lang`` or an earlier file chose one). The caller's language is left as it was."""
    language = stated_language(text)
    if language is None:
        return read()

    def speaking() -> T:
        adopt(language)
        return read()

    return contextvars.copy_context().run(speaking)
