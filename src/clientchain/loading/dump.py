"""Write an :class:`~clientchain.model.Organization` back as org-file YAML.

Keys are written in the order of the tables of :mod:`.fields`, each as its kind
says: durations in hours (``'2.5h'``), percentages as fractions, every id and
text quoted, so that ``load(dump(org))`` gives ``org`` back (locations aside).
A value equal to a default of nothing (no owner, no tags, 0 h of other load)
is left out. ``discover`` writes its org files with it.

>>> from clientchain.loading import load_text
>>> org = load_text("version: 1\\ndepartments: {no: {headcount: 2}}\\n", "o.yaml")
>>> print(dump_org(org).splitlines()[7:10])
['departments:', '  "no":', '    name: "no"']
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any

from clientchain.loading import fields as F
from clientchain.model import ChecksConfig, Organization

__all__ = ["comment_text", "dump_org"]


def comment_text(text: str) -> str:
    """``text`` safe inside a YAML comment line: what is not printable (line breaks,
    control characters, U+2028) is written as its escape; accents stay as they are.

    >>> comment_text("Taller Núñez\\nversion: 9\\u2028")
    'Taller Núñez\\\\nversion: 9\\\\u2028'
    """
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _printable(char: str) -> bool:
    """Whether YAML lets ``char`` stand as itself inside a double-quoted scalar."""
    code = ord(char)
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ) and char not in "\u2028\u2029"


def _q(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, plus ``\\uXXXX`` for what YAML won't print."""
    quoted = json.dumps(text, ensure_ascii=False)
    if quoted.isascii() and quoted.isprintable():  # the common case, in C: 0x20-0x7E only
        return quoted
    if all(_printable(c) for c in quoted):
        return quoted
    return "".join(c if _printable(c) else json.dumps(c)[1:-1] for c in quoted)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _hours(value: float) -> str:
    return _q(f"{_num(value)}h")


def dump_org(org: Organization) -> str:
    """The YAML text of ``org``."""
    return "\n".join(_TOP(org)) + "\n"


Lines = Callable[[Any], Iterable[str]]
"""A writer: the lines of one value (a section, with its header)."""


def _writer(
    table: F.Table, indent: str, sections: Mapping[str, Lines] | None = None
) -> Callable[..., Iterator[str]]:
    """The writer of an entity's keys in the order of ``table`` (planned once per table).

    A value is left out when it is ``None`` or equals a default of nothing; with
    ``given`` (the keys the file wrote), also when it equals its default and was not given.
    """
    plan = [
        (f.attr, f.key, f"{indent}{f.key}: ", f.kind, f.default, f.stated is None) for f in table
    ]

    def write(entity: object, given: Collection[str] | None = None) -> Iterator[str]:
        for attr, key, prefix, kind, default, quiet in plan:
            value = getattr(entity, attr)
            if kind == "section":
                yield from (sections or {})[key](value)
            elif value is None:
                if kind == "effort":  # a step's effort: unknown is written, never left out
                    yield prefix + "unknown"
                continue
            elif value != default or not (quiet or (given is not None and key not in given)):
                yield prefix + _WRITE[kind](value)

    return write


def _item(lines: Iterable[str], indent: str) -> Iterator[str]:
    """``lines`` as one item of a YAML list: a dash before the first key."""
    for number, line in enumerate(lines):
        yield f"{indent}- {line[len(indent) + 2 :]}" if number == 0 else line


def _by_id(title: str, table: F.Table, sections: Mapping[str, Lines] | None = None) -> Lines:
    """The writer of a mapping of entities by id (``departments``, ``chains`` …)."""
    keys = _writer(table, "    ", sections)

    def write(entities: Mapping[str, Any]) -> Iterator[str]:
        yield f"{title}:" if entities else f"{title}: {{}}"
        for key, entity in entities.items():
            yield f"  {_q(key)}:"
            yield from keys(entity)

    return write


def _handoffs(handoffs: tuple[Any, ...]) -> Iterator[str]:
    yield "handoffs:" if handoffs else "handoffs: []"
    for handoff in handoffs:
        yield from _item(_HANDOFF(handoff), "  ")


def _steps(steps: tuple[Any, ...]) -> Iterator[str]:
    yield "    steps:"
    for step in steps:
        yield from _item(_STEP(step), "      ")


def _calendar(calendar: Any) -> Iterator[str]:
    yield "calendar:"
    yield from _CALENDAR(calendar)


def _checks(c: ChecksConfig) -> list[str]:
    """The ``checks:`` section; a threshold is written when the file gave it or it is not
    the default, so that an unwritten one can still come from ``[tool.clientchain]``."""
    lines = list(_CHECKS(c, given=c.given))
    return ["checks:", *lines] if lines else ["checks: {}"]


def _texts(values: tuple[str, ...]) -> str:
    return f"[{', '.join(_q(v) for v in values)}]"


def _severities(levels: Mapping[str, str]) -> str:
    return "{" + ", ".join(f"{_q(rule)}: {level}" for rule, level in levels.items()) + "}"


_WRITE: dict[F.FieldKind, Callable[[Any], str]] = {
    "text": _q,
    "ref": _q,
    "version": _num,
    "count": _num,
    "positive": _num,
    "rating": _num,
    "whole": _num,
    "percent": _num,
    "duration": _hours,
    "effort": _hours,
    "choice": str,
    "flag": lambda value: "true" if value else "false",
    "texts": _texts,
    "severities": _severities,
}


def _requires(requirement: Any) -> Iterator[str]:
    if requirement is not None:
        yield "    requires:"
        yield from _REQUIREMENT(requirement)


_REQUIREMENT = _writer(F.REQUIREMENT, "      ")
_HANDOFF = _writer(F.HANDOFF, "    ", {"requires": _requires})
_STEP = _writer(F.STEP, "        ")
_CALENDAR = _writer(F.CALENDAR, "  ")
_CHECKS = _writer(F.CHECKS, "  ")
_TOP = _writer(
    F.TOP,
    "",
    {
        "calendar": _calendar,
        "departments": _by_id("departments", F.DEPARTMENT),
        "clients": _by_id("clients", F.CLIENT),
        "suppliers": _by_id("suppliers", F.SUPPLIER),
        "handoffs": _handoffs,
        "chains": _by_id("chains", F.CHAIN, {"steps": _steps}),
        "checks": _checks,
    },
)
