"""Read YAML text into a light tree of nodes that remember their positions.

This is the only module that uses PyYAML. It reads the *event* stream of
PyYAML's parser (libyaml's C parser where available) and builds the tree
itself, which keeps every guarantee in one place:

* safe: no object is ever constructed from a tag; any tag other than YAML's
  core ones is reported as an issue;
* bounded: nesting deeper than :data:`MAX_DEPTH` stops reading at once, and
  aliases may expand to at most :data:`MAX_ALIAS_NODES` nodes in all, so a
  "billion laughs" file is refused after a few events instead of expanded;
* precise: every node carries its 1-based line and column, and duplicate keys
  are reported with the lines of both occurrences;
* literal: scalars keep the text *as written* (``no`` stays ``"no"``), with a
  flag telling whether it was plain (unquoted), so callers decide what a value
  means in its place;
* merging: a plain ``<<`` key merges a mapping (``<<: *defaults``) or a list
  of mappings into its own as YAML 1.1 defines it: keys the mapping writes
  itself win, then earlier mappings of the list; merged keys keep the
  positions where they are written.

>>> tree = compose("a: 1\\nb: [x, 'y']\\n", "org.yaml")
>>> tree.get("a").value, tree.get("a").plain, tree.get("a").line
('1', True, 1)
>>> [item.value for item in tree.get("b").items]
['x', 'y']
"""

from __future__ import annotations

import io
import math
import os
import re
import stat
from collections.abc import Iterator
from typing import Any, BinaryIO, Union

import yaml

from clientchain.errors import InputError, Issue
from clientchain.i18n import N_, _
from clientchain.numbers import num

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "MAX_STREAM_BYTES",
    "MERGE",
    "NULLS",
    "MapNode",
    "Node",
    "ScalarNode",
    "SeqNode",
    "compose",
    "compose_lenient",
    "decode",
    "plain_number",
    "read_limited",
    "to_data",
]

MAX_DEPTH = 64
"""Deepest nesting read; an org file needs about six levels."""

MAX_ALIAS_NODES = 100_000
"""Most nodes that aliases (``*name``) may expand to in one file."""

MAX_STREAM_BYTES = 128 * 1024 * 1024
"""Most bytes read from an input that is not a regular file (a pipe, a FIFO, a device).

A regular file is read whole (its size is known); standard input, a FIFO or
``/dev/zero`` could be endless. 128 MiB holds an org file of about 150,000
departments (the 10,000-department benchmark file is 8 MB).
"""

_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)
MERGE = "<<"
"""The YAML 1.1 merge key, when plain."""
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
"""Plain scalars that mean null (YAML 1.1 core schema)."""
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_DIGIT = re.compile(r"[0-9]")
_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOATS = {
    ".inf": math.inf,
    "+.inf": math.inf,
    "-.inf": -math.inf,
    ".nan": math.nan,
}
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ScalarNode:
    """A scalar as written. ``plain`` is False for quoted or ``!!str``-tagged scalars."""

    __slots__ = ("column", "line", "plain", "value")

    def __init__(self, value: str, plain: bool, line: int, column: int) -> None:
        self.value = value
        self.plain = plain
        self.line = line
        self.column = column

    @property
    def is_null(self) -> bool:
        """True for an empty, ``~`` or ``null`` plain scalar."""
        return self.plain and self.value in NULLS

    def __repr__(self) -> str:
        return f"ScalarNode({self.value!r}, line={self.line}, column={self.column})"


class MapNode:
    """A mapping: ``items`` are (key, value) pairs in file order, keys are scalars."""

    __slots__ = ("column", "items", "line")

    def __init__(self, line: int, column: int) -> None:
        self.items: list[tuple[ScalarNode, Node]] = []
        self.line = line
        self.column = column

    def get(self, key: str) -> Node | None:
        """The value under ``key``, or None."""
        for k, v in self.items:
            if k.value == key:
                return v
        return None

    def __repr__(self) -> str:
        # i18n: repr, for debugging
        return f"MapNode({len(self.items)} items, line={self.line}, column={self.column})"


class SeqNode:
    """A sequence of nodes."""

    __slots__ = ("column", "items", "line")

    def __init__(self, line: int, column: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        # i18n: repr, for debugging
        return f"SeqNode({len(self.items)} items, line={self.line}, column={self.column})"


Node = Union[ScalarNode, MapNode, SeqNode]  # noqa: UP007 - a runtime alias


class _Refused(Exception):
    """Reading stopped: the file is past a safety bound."""


def read_limited(stream: BinaryIO, source: str) -> bytes:
    """All the bytes of ``stream``; at most :data:`MAX_STREAM_BYTES` unless it is a regular file.

    Raises :class:`InputError` (``source:1:1``) when a pipe, FIFO or device holds more.
    """
    try:
        regular = stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):  # no descriptor: an in-memory stream
        regular = False
    if regular:
        return stream.read()
    data = stream.read(MAX_STREAM_BYTES + 1)
    if len(data) > MAX_STREAM_BYTES:
        limit = f"{num(MAX_STREAM_BYTES // (1024 * 1024))} MiB"
        # TRANSLATORS: {limit} is a size such as 128 MiB
        message = _("more than {limit} from something that is not a regular file; not read")
        hint = _("a pipe, FIFO or device is read up to that size; save it to a file")
        raise InputError([Issue(source, 1, 1, message.format(limit=limit), hint=hint)])
    return data


def decode(data: bytes, source: str) -> str:
    """UTF-8 text from ``data`` (a BOM is fine), or an :class:`InputError` that says why not."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            [Issue(source, 1, 1, _("the file is UTF-16 encoded"), hint=_("save it as UTF-8"))]
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(data, nul)
        raise InputError(
            [
                Issue(
                    source,
                    line,
                    column,
                    _("this is a binary file, not YAML text (it contains NUL bytes)"),
                    hint=_("an org file is UTF-8 YAML"),
                )
            ]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(data, exc.start)
        # TRANSLATORS: {byte} is a byte in hexadecimal such as 0xf3
        message = _("the file is not UTF-8: byte {byte} cannot be decoded")
        try:
            data.decode("cp1252")
            # TRANSLATORS: {byte} is a byte in hexadecimal such as 0xf3
            message = _(
                "the file is not UTF-8: byte {byte} cannot be decoded; "
                "it looks like Latin-1/Windows-1252"
            )
        except UnicodeDecodeError:
            pass
        text = message.format(byte=f"0x{data[exc.start]:02x}")
        hint = _("save the file as UTF-8")
        raise InputError([Issue(source, line, column, text, hint=hint)]) from None


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    prefix = data[line_start:offset].decode("utf-8", errors="replace")
    return data.count(b"\n", 0, offset) + 1, len(prefix) + 1


def compose(text: str, source: str) -> Node:
    """The root node of the one YAML document in ``text``.

    Raises :class:`InputError` with every issue found: unreadable YAML, an
    empty file, several documents, tags, duplicate keys, non-scalar keys,
    nesting or alias expansion past the bounds.
    """
    root, issues = compose_lenient(text, source)
    if issues:
        raise InputError(issues)
    return root


def compose_lenient(text: str, source: str) -> tuple[Node, list[Issue]]:
    """The root node and the issues that did not stop reading (tags, duplicate keys).

    A duplicate key's second value is dropped, a tag is ignored, so the rest of
    the file can still be checked. Raises :class:`InputError` when reading stopped.
    """
    builder = _Builder(source)
    try:
        builder.run(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "unreadable YAML"  # i18n: PyYAML's words
        if "maximum nesting depth" in problem:  # i18n: libyaml ≥ 0.2.6 scans ahead of our bound
            issue = Issue(source, line, column, _too_deep(), hint=_too_deep_hint())
        else:
            # TRANSLATORS: {problem} is the YAML parser's description of the problem
            message = _("invalid YAML: {problem}").format(problem=_yaml_problem(problem))
            issue = Issue(source, line, column, message, hint=_yaml_hint(problem))
        builder.issues.append(issue)
        builder.fatal = True
    except yaml.YAMLError as exc:
        builder.issues.append(_reader_issue(exc, text, source))
        builder.fatal = True
    except _Refused:
        builder.fatal = True
    if builder.fatal:
        raise InputError(builder.issues)
    if builder.root is None:
        hint = _("an org file starts with 'version: 1'; 'clientchain init' writes one")
        raise InputError([Issue(source, 1, 1, _("the file is empty"), hint=hint)])
    return builder.root, builder.issues


def _too_deep() -> str:
    return _("the file nests deeper than {depth} levels").format(depth=num(MAX_DEPTH))


def _too_deep_hint() -> str:
    return _("an org file needs about six")


_YAML_PROBLEMS = {
    problem: problem
    for problem in (
        N_("mapping values are not allowed here"),
        N_("mapping values are not allowed in this context"),
        N_("found character that cannot start any token"),
        N_("could not find expected ':'"),
        N_("did not find expected key"),
        N_("did not find expected node content"),
        N_("did not find expected '-' indicator"),
        N_("did not find expected ',' or ']'"),
        N_("did not find expected ',' or '}'"),
        N_("did not find expected <document start>"),
        N_("found unexpected end of stream"),
        N_("found unexpected ':'"),
        N_("found unknown escape character"),
        N_("found a tab character that violates indentation"),
        N_("found a tab character where an indentation space is expected"),
        N_("block sequence entries are not allowed in this context"),
        N_("expected <block end>, but found '<block mapping start>'"),
        N_("expected <block end>, but found '<block sequence start>'"),
        N_("expected <block end>, but found '-'"),
        N_("expected <block end>, but found '?'"),
        N_("expected <block end>, but found '<scalar>'"),
        N_("unreadable YAML"),
    )
}
"""The YAML parser's commonest descriptions of a problem, translated where shown; any other
is shown as the parser writes it (in English)."""


def _yaml_problem(problem: str) -> str:
    known = _YAML_PROBLEMS.get(problem)
    return problem if known is None else _(known)  # i18n: N_ table


def _yaml_hint(problem: str) -> str:
    if "cannot start any token" in problem:  # i18n: PyYAML's words
        return _("indent with spaces, not tabs, and quote values that start with @ or `")
    return ""


def _reader_issue(exc: yaml.YAMLError, text: str, source: str) -> Issue:
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
    else:
        line, column = 1, 1
    reason = getattr(exc, "reason", None) or str(exc)
    # TRANSLATORS: {reason} is the YAML reader's own words (special characters are not allowed)
    return Issue(source, line, column, _("unreadable text: {reason}").format(reason=reason))


class _Frame:
    __slots__ = ("anchor", "key", "node", "seen", "size", "skip")

    def __init__(self, node: MapNode | SeqNode, anchor: str | None) -> None:
        self.node = node
        self.anchor = anchor
        self.key: ScalarNode | None = None
        self.skip = False  # the pending key is a duplicate: drop its value
        self.seen: dict[str, int] = {}
        self.size = 1


class _Builder:
    """Turns PyYAML events into nodes, checking the bounds as it goes."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.issues: list[Issue] = []
        self.fatal = False
        self.root: Node | None = None
        self.documents = 0
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.alias_nodes = 0

    def run(self, events: Iterator[Any]) -> None:
        stack = self.stack
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                mark = event.start_mark
                tag = event.tag
                plain = event.style in (None, "") and (
                    tag is None or tag not in ("tag:yaml.org,2002:str", "!")
                )
                if tag is not None and tag != "!":
                    self._check_tag(tag, mark)
                node = ScalarNode(event.value, plain, mark.line + 1, mark.column + 1)
                if event.anchor is not None or not stack:
                    self._add(node, 1, event.anchor)
                    continue
                # The common case, inlined from _add and _key: a scalar in a collection.
                frame = stack[-1]
                frame.size += 1
                parent = frame.node
                if type(parent) is SeqNode:
                    parent.items.append(node)
                elif frame.key is None:
                    if node.value in frame.seen:
                        frame.key = self._key(node, frame)  # reports the duplicate
                    else:
                        frame.seen[node.value] = node.line
                        frame.key = node
                else:
                    if not frame.skip:
                        parent.items.append((frame.key, node))  # type: ignore[arg-type]
                    frame.key = None
                    frame.skip = False
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                mark = event.start_mark
                if event.tag is not None and event.tag != "!":
                    self._check_tag(event.tag, mark)
                if len(stack) >= MAX_DEPTH:
                    self._refuse(mark, _too_deep(), _too_deep_hint())
                cls = MapNode if kind is yaml.MappingStartEvent else SeqNode
                stack.append(_Frame(cls(mark.line + 1, mark.column + 1), event.anchor))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if MERGE in frame.seen:
                    self._merge(frame.node)  # type: ignore[arg-type]
                self._add(frame.node, frame.size, frame.anchor)
            elif kind is yaml.AliasEvent:
                self._alias(event)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    mark = event.start_mark
                    message = _("the file holds more than one YAML document")
                    self._refuse(mark, message, _("keep one"))

    def _add(self, node: Node, size: int, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (node, size)
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        frame.size += size
        parent = frame.node
        if type(parent) is SeqNode:
            parent.items.append(node)
        elif frame.key is None:
            frame.key = self._key(node, frame)
        else:
            if not frame.skip:
                parent.items.append((frame.key, node))  # type: ignore[arg-type]
            frame.key = None
            frame.skip = False

    def _key(self, node: Node, frame: _Frame) -> ScalarNode:
        if type(node) is not ScalarNode:
            self.issues.append(
                Issue(
                    self.source,
                    node.line,
                    node.column,
                    _("a key must be plain text, not a mapping or a list"),
                )
            )
            return ScalarNode("", False, node.line, node.column)
        first = frame.seen.get(node.value)
        if first is not None:
            self.issues.append(
                Issue(
                    self.source,
                    node.line,
                    node.column,
                    _("duplicate key '{key}' (first at line {line})").format(
                        key=node.value, line=first
                    ),
                    hint=_("each key may appear once in a mapping"),
                )
            )
            frame.skip = True
        else:
            frame.seen[node.value] = node.line
        return node

    def _merge(self, node: MapNode) -> None:
        """Replace the plain ``<<`` keys of ``node`` by the keys they merge in."""
        own = [(k, v) for k, v in node.items if not (k.plain and k.value == MERGE)]
        written = {k.value for k, _ in own}
        merged: list[tuple[ScalarNode, Node]] = []
        for key, value in node.items:
            if not (key.plain and key.value == MERGE):
                continue
            for source in value.items if type(value) is SeqNode else [value]:
                if type(source) is not MapNode:
                    self.issues.append(
                        Issue(
                            self.source,
                            source.line,
                            source.column,
                            _("a merge key '<<' takes a mapping or a list of mappings"),
                            hint=_("write '<<: *name' with an anchor '&name' on a mapping"),
                        )
                    )
                    continue
                for item in source.items:
                    if item[0].value not in written:
                        written.add(item[0].value)
                        merged.append(item)
        node.items = own + merged

    def _alias(self, event: Any) -> None:
        mark = event.start_mark
        target = self.anchors.get(event.anchor)
        if target is None:
            message = _("unknown or recursive alias '*{name}'").format(name=event.anchor)
            self._refuse(mark, message, "")
            return
        node, size = target
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            self._refuse(
                mark,
                _("aliases expand to more than {n} nodes").format(n=num(MAX_ALIAS_NODES)),
                _("this looks like an alias bomb; write the values out"),
            )
        self._add(node, size, None)

    def _check_tag(self, tag: str, mark: Any) -> None:
        if tag not in _CORE_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self.issues.append(
                Issue(
                    self.source,
                    mark.line + 1,
                    mark.column + 1,
                    _("tags such as '{tag}' are not allowed").format(tag=shown),
                    hint=_("org files hold plain data; remove the tag"),
                )
            )

    def _refuse(self, mark: Any, message: str, hint: str) -> None:
        self.issues.append(Issue(self.source, mark.line + 1, mark.column + 1, message, hint=hint))
        raise _Refused


def plain_number(text: str) -> float | None:
    """The number a plain scalar spells (YAML 1.1 ints and floats), else None.

    >>> plain_number("1_000"), plain_number(".5"), plain_number("4h"), plain_number("e5")
    (1000.0, 0.5, None, None)
    """
    special = _SPECIAL_FLOATS.get(text.lower())
    if special is not None:
        return special
    if not _DIGIT.search(text):
        return None
    if _INT.match(text) or _FLOAT.match(text):
        try:
            return float(text.replace("_", ""))
        except ValueError:  # digits only in an exponent: 'e5', '.e5'
            return None
    return None


def to_data(node: Node) -> Any:
    """Plain Python data from a node, resolving plain scalars as YAML 1.2's core schema.

    This is what an editor's YAML language server sees; ``no`` stays a string.

    >>> to_data(compose("no: [1, 2.5, true, null, 'x']", "f"))
    {'no': [1, 2.5, True, None, 'x']}
    """
    if type(node) is MapNode:
        return {k.value: to_data(v) for k, v in node.items}
    if type(node) is SeqNode:
        return [to_data(item) for item in node.items]
    assert type(node) is ScalarNode
    if not node.plain:
        return node.value
    if node.is_null:
        return None
    if node.value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return node.value.lower() == "true"
    number = plain_number(node.value)
    if number is None:
        return node.value
    return int(number) if _INT.match(node.value) else number
