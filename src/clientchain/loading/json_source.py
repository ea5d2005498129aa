"""Read machine-written JSON org files into the same tree as :mod:`.yaml_source`, faster.

JSON is (nearly) a subset of YAML, so a JSON org file is already a valid org file;
this module only reads it faster. :func:`compose_json` returns *exactly* the tree
:func:`~clientchain.loading.yaml_source.compose_lenient` would build from the same
text — the same values as written, ``plain`` flags, 1-based lines and columns and
key order — so parsing and every message stay the same. Strings are quoted scalars
(their decoded text); numbers, ``true``, ``false`` and ``null`` are plain scalars
keeping the text as written; a mapping or list sits at its ``{`` or ``[``.

Structure and string unescaping come from :func:`json.loads` (C); positions come
from one cursor moving through the text in step with a pre-order walk of the
decoded data: each string is at the next ``"``, each other token is found by a
small regular expression, and lines are counted as the cursor crosses them.

When the text is not JSON, or JSON that libyaml would read differently or report
on (a duplicate key, ``NaN``, a tab, a surrogate ``\\u`` escape, a control or
line-breaking character libyaml treats apart, a key whose ``:`` is on a later
line or over a thousand characters away, nesting past
:data:`~clientchain.loading.yaml_source.MAX_DEPTH`), it returns None and the
caller reads the text as YAML, which gives the canonical messages.

>>> root = compose_json('{"a": [1.50, "x"],\\n "b": null}')
>>> [(k.value, k.line, k.column) for k, _ in root.items]
[('a', 1, 2), ('b', 2, 2)]
>>> [(n.value, n.plain, n.column) for n in root.get("a").items]
[('1.50', True, 8), ('x', False, 14)]
>>> compose_json('{"a": 1, "a": 2}') is None  # YAML reports the duplicate
True
"""

from __future__ import annotations

import re
from typing import Any

from clientchain.loading.yaml_source import MAX_DEPTH, MapNode, Node, ScalarNode, SeqNode

__all__ = ["compose_json", "looks_like_json"]

# Patterns, compiled on first use (``re`` caches them): reading YAML never needs them.
_JSON_START = r"[ \t\r\n]*\{"
_SURROGATE_ESCAPE = r"\\u[dD][89abcdefABCDEF]"
# Characters JSON takes raw in a string that libyaml refuses (DEL, C1 controls,
# surrogates, U+FFFE/U+FFFF) or reads as a line break (NEL, LS, PS).
_YAML_APART = "[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
_OTHER_TOKEN = r'[{\["]|[^\s,:\]}\[{"]+'
_WHITE = frozenset(" \t\r\n")
_NOT_PLAIN = frozenset('{["')
_FAR_COLON = 1000
"""libyaml reads a key only if its ``:`` is within 1,024 characters of its start."""


class _Fallback(Exception):
    """The text must be read as YAML."""


def looks_like_json(text: str) -> bool:
    """True when the first character that is not white space is ``{``.

    >>> looks_like_json('  {"version": 1}'), looks_like_json("version: 1")
    (True, False)
    """
    first = text[:1]
    if first == "{":
        return True
    return first in _WHITE and re.match(_JSON_START, text) is not None


def compose_json(text: str) -> Node | None:
    """The tree :func:`~.yaml_source.compose_lenient` would build from JSON ``text``, or None.

    None means: read ``text`` as YAML (it is not JSON, or JSON that YAML reads
    differently or reports an issue on). A tree means the YAML reading has no issues.
    """
    if not _reads_alike(text):
        return None
    import json  # here: most org files are YAML, and start-up counts

    try:
        data = json.loads(text, object_pairs_hook=tuple, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        return None
    if type(data) is not tuple and type(data) is not list:
        return None
    try:
        return _tree(text, data)
    except _Fallback:
        return None


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: libyaml would read them as text


def _reads_alike(text: str) -> bool:
    """False when libyaml could read this text differently from a JSON parser."""
    if "\t" in text or text.count("\r") != text.count("\r\n"):
        return False
    if text.isascii():
        if "\x7f" in text:
            return False
    elif re.search(_YAML_APART, text):
        return False
    return "\\u" not in text or re.search(_SURROGATE_ESCAPE, text) is None


def _tree(text: str, data: Any) -> Node:
    """The nodes of ``data`` (decoded from ``text``), placed by a cursor moving through ``text``.

    Tokens come in the order of a pre-order walk of ``data``; each is found from
    the end of the previous one: a string at the next ``"``, anything else by a
    regular expression that skips white space and punctuation. The cursor keeps
    its line, the offset of the line break before it (``base``: column = offset -
    base) and of the one after it (``end``), so a token on the same line costs a
    comparison. Closures over this state rather than methods: it is the hot loop.
    """
    # Blank out escaped backslashes and quotes (same length): every '"' left delimits a string.
    if '\\"' in text:
        text = text.replace("\\\\", "__").replace('\\"', "__")
    scan = text + "\n"  # a last line break: ``find`` of the next one always succeeds
    find = scan.find
    search = re.compile(_OTHER_TOKEN).search
    pos = 0  # just past the previous token
    line, base, end = 1, -1, find("\n")

    def other() -> tuple[str, int]:
        """The next token that is not a string, and its column; the cursor moves past it."""
        nonlocal pos, line, base, end
        match = search(scan, pos)
        if match is None:
            raise _Fallback
        start = match.start()
        while start > end:
            line, base, end = line + 1, end, find("\n", end + 1)
        pos = match.end()
        return match.group(), start - base

    def string() -> int:
        """The offset of the next string; the cursor moves past it."""
        nonlocal pos, line, base, end
        start = find('"', pos)
        while start > end:
            line, base, end = line + 1, end, find("\n", end + 1)
        pos = find('"', start + 1) + 1
        return start

    def item(value: Any, depth: int) -> Node:
        """The node of ``value``, an item of a collection at ``depth``."""
        kind = type(value)
        if kind is str:
            start = string()
            return ScalarNode(value, False, line, start - base)
        if kind is tuple or kind is list:
            return collection(value, depth + 1)
        token, column = other()
        if token in _NOT_PLAIN:
            raise _Fallback
        return ScalarNode(token, True, line, column)

    def collection(value: Any, depth: int) -> Node:
        """The node of ``value``, a list or a tuple of (key, value) pairs, at ``depth``."""
        if depth > MAX_DEPTH:
            raise _Fallback
        token, column = other()
        if type(value) is list:
            if token != "[":
                raise _Fallback
            sequence = SeqNode(line, column)
            sequence.items = [item(each, depth) for each in value]
            return sequence
        if token != "{" or len(dict(value)) != len(value):  # YAML reports duplicate keys
            raise _Fallback
        mapping = MapNode(line, column)
        add = mapping.items.append
        for key, each in value:
            start = string()
            if scan[pos] != ":" or pos - start > _FAR_COLON:
                _check_colon(scan, start, pos)
            add((ScalarNode(key, False, line, start - base), item(each, depth)))
        return mapping

    root = collection(data, 1)
    if find('"', pos) >= 0 or search(scan, pos) is not None:
        raise _Fallback
    return root


def _check_colon(scan: str, start: int, end: int) -> None:
    """libyaml reads the key from ``start`` to ``end`` only if its ``:`` is near, on its line."""
    colon = scan.find(":", end)
    if colon - start > _FAR_COLON or scan.count("\n", end, colon):
        raise _Fallback
