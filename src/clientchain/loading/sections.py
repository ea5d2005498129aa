"""Load many versions of one org file fast: unchanged entries are read from YAML once.

Versions of an org file differ in a few lines. :class:`SectionLoader` cuts a block-style
file into its top-level keys and, under a key whose value is a block mapping or sequence
(``departments:``, ``handoffs:``, ``chains:`` …), into its entries, and composes each
piece on its own, keyed by its text and first line: a piece already seen in an earlier
version is not read again. The pieces are assembled into the tree that reading the whole
file gives (the same nodes, lines and columns), and parsed as :func:`load_text` parses it.

Anything unusual takes the ordinary path, :func:`~clientchain.loading.load_text`, so
its messages are the same: anchors, aliases or merge keys (``&``, ``*``, ``<<``
anywhere), tabs, carriage returns, directives or document markers, JSON, a piece with
a tag or a duplicate key, a piece that is not one entry, and any version that is not
a valid org file.

>>> text = "version: 1\\ndepartments:\\n  a: {name: A}\\n  b: {}\\n"
>>> loader = SectionLoader()
>>> org = loader.load(text.encode(), "v1.yaml")
>>> org == load_text(text, "v1.yaml"), loader.pieces
(True, 4)
>>> _ = loader.load(text.replace("{}", "{headcount: 2}").encode(), "v2.yaml")
>>> loader.pieces  # only the changed entry was read
5
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from clientchain.errors import InputError
from clientchain.gc_pause import gc_paused
from clientchain.loading import STDIN, load_text
from clientchain.loading.json_source import looks_like_json
from clientchain.loading.language import in_language_of
from clientchain.loading.parse import parse_org
from clientchain.loading.yaml_source import (
    MapNode,
    Node,
    ScalarNode,
    SeqNode,
    compose_lenient,
    decode,
)
from clientchain.model import Organization

__all__ = ["SectionLoader"]

_REFUSED = ("&", "*", "<<", "\t", "\r", "\ufeff")


class _Fallback(Exception):
    """The file is not one :class:`SectionLoader` cuts; read it whole."""


class SectionLoader:
    """Loads versions of an org file, composing each unchanged piece of YAML once."""

    def __init__(self) -> None:
        self._pieces: dict[tuple[int, str], Node] = {}

    @property
    def pieces(self) -> int:
        """How many distinct pieces were read so far."""
        return len(self._pieces)

    def load(self, data: bytes, source: str) -> Organization:
        """The organization in ``data``, as :func:`~clientchain.loading.load_text` reads it.

        Raises :class:`~clientchain.errors.InputError` as ``load_text`` does.
        """
        try:
            text = decode(data, source)
            with gc_paused():
                root = self._compose(text)
        except (_Fallback, InputError):
            return load_text(data, source)
        stem = Path(source).stem if source not in (STDIN, "<stdin>", "<org>") else "Organization"
        try:
            return in_language_of(text, lambda: parse_org(root, source, stem, []))
        except InputError:
            return load_text(data, source)  # its own words for what is wrong

    def _compose(self, text: str) -> MapNode:
        if any(mark in text for mark in _REFUSED) or looks_like_json(text):
            raise _Fallback
        lines = _Lines(text)
        tops = [lines.line_at(m.start()) for m in _TOP.finditer(text)]
        if not tops or _CONTENT.search(text, 0, lines.start(tops[0])):
            raise _Fallback  # something before the first key that is not a comment
        root: MapNode | None = None
        seen: set[str] = set()
        for at, end in zip(tops, [*tops[1:], lines.count], strict=True):
            if text.startswith(("-", "%", "---", "...", "{", "["), lines.start(at)):
                raise _Fallback
            key, value = self._section(lines, at, end)
            if key.value in seen:
                raise _Fallback
            seen.add(key.value)
            if root is None:
                root = MapNode(key.line, key.column)
            root.items.append((key, value))
        assert root is not None
        return root

    def _section(self, lines: _Lines, at: int, end: int) -> tuple[ScalarNode, Node]:
        """The key and value of the top-level key written on line ``at``."""
        head = self._entries(lines, [(at, at + 1)])[0]
        if not isinstance(head, MapNode) or len(head.items) != 1:
            raise _Fallback
        key, value = head.items[0]
        text, low, high = lines.text, lines.start(at + 1), lines.start(end)
        first = _CONTENT.search(text, low, high)
        if first is None or not (isinstance(value, ScalarNode) and value.is_null):
            return self._one(self._entries(lines, [(at, end)])[0])  # a value on its own line(s)
        indent = first.end() - 1 - first.start()
        if indent == 0:
            raise _Fallback
        entry = re.compile(rf"^ {{{indent}}}[^ #\n]", re.MULTILINE)
        entries = [lines.line_at(m.start()) for m in entry.finditer(text, low, high)]
        if not entries or lines.start(entries[0]) != first.start():
            raise _Fallback
        ranges = list(zip(entries, [*entries[1:], end], strict=True))
        return key, _joined(self._entries(lines, ranges))

    def _one(self, node: Node) -> tuple[ScalarNode, Node]:
        if not isinstance(node, MapNode) or len(node.items) != 1:
            raise _Fallback
        return node.items[0]

    def _entries(self, lines: _Lines, ranges: list[tuple[int, int]]) -> list[Node]:
        """Each range of lines composed as one entry, where it stands in the file; the
        consecutive ones not seen before are composed together (one parser for a run of
        changed entries)."""
        texts = [lines.slice(begin, stop) for begin, stop in ranges]
        found: list[Node | None] = [
            self._pieces.get((begin, text))
            for (begin, _stop), text in zip(ranges, texts, strict=True)
        ]
        at = 0
        while at < len(ranges):
            if found[at] is not None:
                at += 1
                continue
            until = at
            while until < len(ranges) and found[until] is None:
                until += 1
            node, issues = compose_lenient("\n".join(texts[at:until]), "<piece>")
            if issues:
                raise _Fallback
            parts = _split(node, until - at)
            for index, part in zip(range(at, until), parts, strict=True):
                _shift(part, ranges[at][0])
                if isinstance(part, SeqNode):  # at its "-", as a whole sequence would be
                    begin = ranges[index][0]
                    line = lines.slice(begin, begin + 1)
                    part.line, part.column = begin + 1, len(line) - len(line.lstrip()) + 1
                found[index] = self._pieces[(ranges[index][0], texts[index])] = part
            at = until
        return [node for node in found if node is not None]


_TOP = re.compile(r"^[^ #\n]", re.MULTILINE)
"""The start of a line that is not indented, blank or a comment: a top-level key."""

_CONTENT = re.compile(r"^ *[^ #\n]", re.MULTILINE)
"""The start of a line with something other than spaces and a comment."""


class _Lines:
    """A text and where each of its lines starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.count = len(self.starts)

    def start(self, line: int) -> int:
        """Where line ``line`` (0-based) starts; the end of the text past the last."""
        return self.starts[line] if line < self.count else len(self.text) + 1

    def line_at(self, offset: int) -> int:
        """The 0-based line of the character at ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1

    def slice(self, begin: int, stop: int) -> str:
        """Lines ``begin`` to ``stop`` (excluded), joined by newlines, without the last one."""
        return self.text[self.starts[begin] : self.start(stop) - 1]


def _split(node: Node, count: int) -> list[Node]:
    """A mapping or sequence of ``count`` entries cut into ``count`` one-entry nodes (each
    at its entry's place); one node when ``count`` is 1."""
    if count == 1:
        return [node]
    if isinstance(node, MapNode) and len(node.items) == count:
        parts: list[Node] = []
        for key, value in node.items:
            part = MapNode(key.line, key.column)
            part.items.append((key, value))
            parts.append(part)
        return parts
    if isinstance(node, SeqNode) and len(node.items) == count:
        return [_item(item) for item in node.items]
    raise _Fallback


def _item(item: Node) -> SeqNode:
    """A one-item sequence (placed at its ``-`` by the caller)."""
    sequence = SeqNode(item.line, item.column)
    sequence.items.append(item)
    return sequence


def _shift(node: Node, lines: int) -> None:
    """Move ``node`` and everything in it down by ``lines``."""
    if not lines:
        return
    stack = [node]
    while stack:
        current = stack.pop()
        current.line += lines
        if isinstance(current, MapNode):
            for key, value in current.items:
                key.line += lines
                stack.append(value)
        elif isinstance(current, SeqNode):
            stack.extend(current.items)


def _joined(nodes: list[Node]) -> Node:
    """The mapping or sequence whose entries are the one entry of each of ``nodes``."""
    first = nodes[0]
    if isinstance(first, SeqNode):
        sequence = SeqNode(first.line, first.column)
        for node in nodes:
            if not isinstance(node, SeqNode) or len(node.items) != 1:
                raise _Fallback
            sequence.items.append(node.items[0])
        return sequence
    mapping = MapNode(first.line, first.column)
    keys: set[str] = set()
    for node in nodes:
        if not isinstance(node, MapNode) or len(node.items) != 1 or node.items[0][0].value in keys:
            raise _Fallback
        keys.add(node.items[0][0].value)
        mapping.items.append(node.items[0])
    return mapping
