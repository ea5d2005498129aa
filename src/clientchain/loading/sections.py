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
        lines = text.split("\n")
        starts = [i for i, line in enumerate(lines) if line[:1] not in ("", " ", "#")]
        if not starts or any(line.strip() and not line.lstrip().startswith("#")
                             for line in lines[: starts[0]]):  # fmt: skip
            raise _Fallback
        root: MapNode | None = None
        seen: set[str] = set()
        for at, end in zip(starts, [*starts[1:], len(lines)], strict=True):
            key, value = self._section(lines, at, end)
            if key.value in seen or lines[at].startswith(("-", "%", "---", "...", "{", "[")):
                raise _Fallback
            seen.add(key.value)
            if root is None:
                root = MapNode(key.line, key.column)
            root.items.append((key, value))
        assert root is not None
        return root

    def _section(self, lines: list[str], at: int, end: int) -> tuple[ScalarNode, Node]:
        """The key and value of the top-level key written on line ``at``."""
        head = self._piece(lines, at, at + 1)
        if not isinstance(head, MapNode) or len(head.items) != 1:
            raise _Fallback
        key, value = head.items[0]
        body = [i for i in range(at + 1, end) if lines[i].strip()[:1] not in ("", "#")]
        if not (isinstance(value, ScalarNode) and value.is_null and body):
            return self._one(self._piece(lines, at, end))  # a value on its own line(s)
        indent = len(lines[body[0]]) - len(lines[body[0]].lstrip(" "))
        entries = [i for i in body if len(lines[i]) - len(lines[i].lstrip(" ")) == indent]
        if not indent or entries[0] != body[0]:
            raise _Fallback
        ranges = list(zip(entries, [*entries[1:], end], strict=True))
        nodes = self._entries(lines, ranges)
        return key, _joined(nodes)

    def _one(self, node: Node) -> tuple[ScalarNode, Node]:
        if not isinstance(node, MapNode) or len(node.items) != 1:
            raise _Fallback
        return node.items[0]

    def _piece(self, lines: list[str], begin: int, stop: int) -> Node:
        """Lines ``begin`` to ``stop`` composed alone, where they stand in the file."""
        return self._entries(lines, [(begin, stop)])[0]

    def _entries(self, lines: list[str], ranges: list[tuple[int, int]]) -> list[Node]:
        """Each range of lines composed as one entry; the consecutive ones not seen
        before are composed together (one parser for a run of changed entries)."""
        texts = ["\n".join(lines[begin:stop]) for begin, stop in ranges]
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
                    line = lines[ranges[index][0]]
                    part.line, part.column = (
                        ranges[index][0] + 1,
                        len(line) - len(line.lstrip()) + 1,
                    )
                found[index] = self._pieces[(ranges[index][0], texts[index])] = part
            at = until
        return [node for node in found if node is not None]


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
