"""Write an :class:`~clientchain.model.Organization` back as org-file YAML.

Durations are written in hours (``'2.5h'``), percentages as fractions, and
every id and text is quoted, so that ``load(dump(org))`` gives ``org`` back
(locations aside). ``discover`` writes its org files with it.

>>> from clientchain.loading import load_text
>>> org = load_text("version: 1\\ndepartments: {no: {headcount: 2}}\\n", "o.yaml")
>>> print(dump_org(org).splitlines()[7:10])
['departments:', '  "no":', '    name: "no"']
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields

from clientchain.model import (
    Chain,
    ChecksConfig,
    Department,
    ExternalParty,
    Handoff,
    Organization,
)

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
    if all(_printable(c) for c in quoted):
        return quoted
    return "".join(c if _printable(c) else json.dumps(c)[1:-1] for c in quoted)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _hours(value: float) -> str:
    return _q(f"{_num(value)}h")


def dump_org(org: Organization) -> str:
    """The YAML text of ``org``."""
    cal = org.calendar
    lines = [
        "version: 1",
        f"organization: {_q(org.name)}",
        f"period: {org.period}",
        "calendar:",
        *(f"  {f.name}: {_num(getattr(cal, f.name))}" for f in fields(cal)),
        "departments:" if org.departments else "departments: {}",
    ]
    for dept in org.departments.values():
        lines += _department(dept)
    for title, table in (("clients", org.clients), ("suppliers", org.suppliers)):
        lines.append(f"{title}:" if table else f"{title}: {{}}")
        for party in table.values():
            lines += _party(party)
    lines.append("handoffs:" if org.handoffs else "handoffs: []")
    for handoff in org.handoffs:
        lines += _handoff(handoff)
    lines.append("chains:" if org.chains else "chains: {}")
    for chain in org.chains.values():
        lines += _chain(chain)
    lines += _checks(org.checks)
    return "\n".join(lines) + "\n"


def _department(d: Department) -> Iterator[str]:
    yield f"  {_q(d.id)}:"
    yield f"    name: {_q(d.name)}"
    yield f"    kind: {d.kind}"
    if d.group is not None:
        yield f"    group: {_q(d.group)}"
    yield f"    headcount: {_num(d.headcount)}"
    if d.capacity is not None:
        yield f"    capacity: {_hours(d.capacity)}"
    if d.other_load:
        yield f"    other_load: {_hours(d.other_load)}"
    if d.owner is not None:
        yield f"    owner: {_q(d.owner)}"
    if d.tags:
        yield f"    tags: [{', '.join(_q(t) for t in d.tags)}]"
    yield from _ignore(d.ignore)


def _party(p: ExternalParty) -> Iterator[str]:
    yield f"  {_q(p.id)}:"
    yield f"    name: {_q(p.name)}"
    if p.client_role is not None:
        yield f"    role: {p.client_role}"
    if p.segment is not None:
        yield f"    segment: {_q(p.segment)}"
    yield from _ignore(p.ignore)


def _handoff(h: Handoff) -> Iterator[str]:
    yield f"  - from: {_q(h.source)}"
    yield f"    to: {_q(h.target)}"
    if h.deliverable is not None:
        yield f"    deliverable: {_q(h.deliverable)}"
    if h.volume is not None:
        yield f"    volume: {_num(h.volume)}"
    if h.lead_time is not None:
        yield f"    lead_time: {_hours(h.lead_time)}"
    if h.quality is not None:
        yield f"    quality: {_num(h.quality)}"
    if h.satisfaction is not None:
        yield f"    satisfaction: {_num(h.satisfaction)}"
    yield f"    type: {h.type}"
    yield from _ignore(h.ignore)


def _chain(c: Chain) -> Iterator[str]:
    yield f"  {_q(c.id)}:"
    yield f"    name: {_q(c.name)}"
    yield f"    client: {_q(c.client)}"
    if c.supplier is not None:
        yield f"    supplier: {_q(c.supplier)}"
    yield f"    demand: {_num(c.demand)}"
    yield "    steps:"
    for s in c.steps:
        yield f"      - department: {_q(s.department)}"
        yield f"        effort: {'unknown' if s.effort is None else _hours(s.effort)}"
        if s.wait is not None:
            yield f"        wait: {_hours(s.wait)}"
        if s.inventory is not None:
            yield f"        inventory: {_num(s.inventory)}"
    if c.finished_inventory:
        yield f"    finished_inventory: {_num(c.finished_inventory)}"
    yield from _ignore(c.ignore)


def _ignore(rules: tuple[str, ...]) -> Iterator[str]:
    """The per-entity ``ignore: [rule, …]`` line, when there is one."""
    if rules:
        yield f"    ignore: [{', '.join(_q(r) for r in rules)}]"


def _checks(c: ChecksConfig) -> list[str]:
    """The ``checks:`` section; a threshold is written when the file gave it or it is not
    the default, so that an unwritten one can still come from ``[tool.clientchain]``."""
    defaults = ChecksConfig()
    lines = ["checks:"]
    for key in ("near_capacity", "min_satisfaction", "min_rolled_quality"):
        value = getattr(c, key)
        if key in c.given or value != getattr(defaults, key):
            lines.append(f"  {key}: {_num(value)}")
    for key in ("ignore", "select"):
        values = getattr(c, key)
        if values:
            lines.append(f"  {key}: [{', '.join(_q(v) for v in values)}]")
    if c.severity:
        pairs = ", ".join(f"{_q(rule)}: {level}" for rule, level in c.severity.items())
        lines.append(f"  severity: {{{pairs}}}")
    return lines if len(lines) > 1 else ["checks: {}"]
