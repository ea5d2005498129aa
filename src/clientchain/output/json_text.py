"""The project's indented JSON text, written fast: exactly ``json.dumps(document, indent=2,
ensure_ascii=False, allow_nan=False)``, character for character.

The standard library writes indented JSON with its pure-Python encoder, one generator step
per value: 0.6 s for the 18 MB of ``trend --format json`` over 24 versions of a
1,000-department org. Here the containers are walked in Python, but a container that holds
only scalars (most of them: a department at a point, a finding) is written by the C encoder
in one call, with ``",\\n" + indent`` as its item separator; the result differs from the
standard library's in nothing (tests/output/test_json_text.py compares them on generated
documents). Anything the walk does not expect (a key that is not a string, a value that is
not JSON) falls back to the standard library, whose error or output is then the answer.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["indented_json"]

_SCALARS = (str, int, float, bool, type(None))
_SCALAR_TYPES = frozenset(_SCALARS)
_STEP = "  "


class _Unusual(Exception):
    """Something only the standard library's own walk handles."""


def indented_json(document: Any) -> str:
    """``document`` as two-space-indented JSON, Unicode kept, no NaN or infinity."""
    parts: list[str] = []
    try:
        _write(document, "", parts)
    except _Unusual:
        return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)
    return "".join(parts)


def _flat(value: Any, inner: str) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",\n" + inner, ": "))


def _records_only(items: list[Any] | tuple[Any, ...]) -> bool:
    """Whether every item is a non-empty dict of scalars (of exactly a scalar type: a
    subclass takes the longer way). Keys need no check: the C encoder writes any key as
    the standard library does."""
    if {type(item) for item in items} != {dict} or not all(items):
        return False
    return {type(v) for item in items for v in item.values()} <= _SCALAR_TYPES


def _records(records: list[Any] | tuple[Any, ...], indent: str) -> str:
    """A list of non-empty dicts of scalars in one call of the C encoder: written with the
    records' own separator, then each boundary between records (``},\n`` + their indent +
    ``{``, which no string can hold: a newline in a string is written ``\\n``) re-indented."""
    inner = indent + _STEP
    deeper = inner + _STEP
    text = _flat(records, deeper)[2:-2]  # without "[{" and "}]"
    text = text.replace("},\n" + deeper + "{", "\n" + inner + "},\n" + inner + "{\n" + deeper)
    return "[\n" + inner + "{\n" + deeper + text + "\n" + inner + "}\n" + indent + "]"


def _write(value: Any, indent: str, out: list[str]) -> None:
    inner = indent + _STEP
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        if not all(type(key) is str for key in value):
            raise _Unusual
        if all(isinstance(item, _SCALARS) for item in value.values()):
            out.append("{\n" + inner + _flat(value, inner)[1:-1] + "\n" + indent + "}")
            return
        separator = "{\n" + inner
        for key, item in value.items():
            out.append(separator + _flat(key, inner) + ": ")
            _write(item, inner, out)
            separator = ",\n" + inner
        out.append("\n" + indent + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        if all(isinstance(item, _SCALARS) for item in value):
            out.append("[\n" + inner + _flat(value, inner)[1:-1] + "\n" + indent + "]")
            return
        if _records_only(value):
            out.append(_records(value, indent))
            return
        separator = "[\n" + inner
        for item in value:
            out.append(separator)
            _write(item, inner, out)
            separator = ",\n" + inner
        out.append("\n" + indent + "]")
    elif isinstance(value, _SCALARS):
        out.append(_flat(value, inner))
    else:
        raise _Unusual
