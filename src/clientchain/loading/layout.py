"""Where each node of a YAML text starts and ends, and how it is written: for editing in place.

The loader (:mod:`.yaml_source`) keeps only where a node starts, which is all a message
needs, and expands aliases and merge keys as it reads. Editing a file in place
(:mod:`.update`) needs more: the character offsets of both ends of every node, whether a
mapping is written in flow style (``{from: a, to: b}``), how a scalar is quoted, and which
nodes are anchors (``&name``) or aliases (``*name``), without expanding them. This module
reads the same PyYAML event stream for that, on a text the loader has already accepted
(so it is one document within the loader's bounds; aliases are recorded, never expanded).

Offsets are Python string indices: libyaml counts characters, as ``str`` does.

>>> root = layout("a: {b: 'x'}  # note\\n")
>>> key, value = root.items[0]
>>> key.value, value.flow, value.start, value.end
('a', True, 3, 11)
>>> inner = value.items[0][1]
>>> inner.value, inner.style, "a: {b: 'x'}"[inner.start : inner.end]
('x', "'", "'x'")
>>> layout("a: [")
Traceback (most recent call last):
...
ValueError: while parsing a flow node
...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

__all__ = ["Span", "layout"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(slots=True)
class Span:
    """A node as written: its kind, its offsets ``[start, end)`` in the text and its style.

    ``items`` holds a sequence's nodes or a mapping's ``(key, value)`` pairs; ``value`` and
    ``style`` (``None`` when plain, else ``'`` ``"`` ``|`` or ``>``) a scalar's; ``anchor``
    is true for a node written with ``&name`` (an ``alias`` node is a ``*name``).
    """

    kind: Literal["map", "seq", "scalar", "alias"]
    start: int
    end: int = 0
    flow: bool = False
    value: str = ""
    style: str | None = None
    anchor: bool = False
    items: list[Any] = field(default_factory=list)

    def get(self, key: str) -> Span | None:
        """A mapping's value under the plain or quoted key ``key``, or ``None``."""
        for k, v in self.items:
            if k.kind == "scalar" and k.value == key:
                return v  # type: ignore[no-any-return]
        return None

    def tainted(self) -> bool:
        """Whether this node or one inside it is an anchor, an alias or a plain ``<<`` key."""
        if self.anchor or self.kind == "alias":
            return True
        if self.kind == "seq":
            return any(item.tainted() for item in self.items)
        if self.kind == "map":
            return any(
                (k.kind == "scalar" and k.style is None and k.value == "<<")
                or k.tainted()
                or v.tainted()
                for k, v in self.items
            )
        return False


def layout(text: str) -> Span:
    """The root node of ``text`` (one YAML document the loader accepted) with its spans;
    :class:`ValueError` when YAML cannot read it."""
    stack: list[Span] = []
    pending: list[Span | None] = []  # per open mapping: its key awaiting a value
    root: Span | None = None

    def add(node: Span) -> None:
        nonlocal root
        if not stack:
            root = node
        elif stack[-1].kind == "seq":
            stack[-1].items.append(node)
        elif pending[-1] is None:
            pending[-1] = node
        else:
            stack[-1].items.append((pending[-1], node))
            pending[-1] = None

    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.YAMLError as exc:  # the loader read it (as JSON, say) but YAML does not
        raise ValueError(str(exc)) from None
    event: Any
    for event in events:
        start, end = event.start_mark.index, event.end_mark.index
        if isinstance(event, yaml.ScalarEvent):
            style = event.style or None
            add(
                Span(
                    "scalar", start, end, value=event.value, style=style, anchor=bool(event.anchor)
                )
            )
        elif isinstance(event, yaml.AliasEvent):
            add(Span("alias", start, end))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            kind: Literal["map", "seq"] = (
                "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
            )
            stack.append(Span(kind, start, flow=bool(event.flow_style), anchor=bool(event.anchor)))
            pending.append(None)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            node = stack.pop()
            pending.pop()
            node.end = end
            add(node)
    if root is None:
        raise ValueError("no YAML document")  # i18n: the loader refuses an empty file first
    return root
