"""Turn the node tree of an org file into the typed model, collecting every issue.

Reading goes section by section with the tables of :mod:`.fields`; a bad value
is recorded as an :class:`~clientchain.errors.Issue` and reading goes on, so a
user sees every problem at once. References (``from``, ``to``, ``client``,
``supplier``, ``department``) are resolved after all ids are known.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from clientchain.errors import InputError, Issue
from clientchain.loading import fields as F
from clientchain.loading.labels import MAX_TEXT, label_problem, renderable, unwritable
from clientchain.loading.yaml_source import (
    NULLS,
    MapNode,
    Node,
    ScalarNode,
    SeqNode,
    plain_number,
)
from clientchain.model import (
    Chain,
    ChecksConfig,
    Department,
    ExternalParty,
    Handoff,
    Location,
    Organization,
    Step,
)
from clientchain.units import (
    Calendar,
    parse_duration,
    parse_percentage,
    suggest_duration,
    suggest_percentage,
)

__all__ = ["parse_org"]

_ROLES = {
    "department": "a department",
    "client": "an external client",
    "supplier": "an external supplier",
}


def parse_org(
    root: Node, source: str, default_name: str, issues: Iterable[Issue] = ()
) -> Organization:
    """The :class:`Organization` in ``root``; raises :class:`InputError` with every issue.

    ``issues`` found while reading the YAML are reported together with the parser's.
    """
    reader = _Reader(source)
    reader.issues.extend(issues)
    org = reader.organization(root, default_name)
    if reader.issues or org is None:
        raise InputError(reader.issues)
    return org


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, or ``''``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _describe(node: Node) -> str:
    if isinstance(node, MapNode):
        return "a mapping"
    if isinstance(node, SeqNode):
        return "a list"
    return f"'{node.value}'" if len(node.value) <= 40 else f"'{node.value[:37]}...'"


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.issues: list[Issue] = []
        self.calendar = Calendar()
        self.ids: dict[str, tuple[str, ScalarNode]] = {}
        self.memo: dict[str, dict[str, Any]] = {kind: {} for kind in _MEMO_KINDS}

    # -- reporting ---------------------------------------------------------------------------

    def issue(self, node: Node | Location, path: str, message: str, hint: str = "") -> None:
        self.issues.append(Issue(self.source, node.line, node.column, message, path, hint))

    # -- structure -----------------------------------------------------------------------------

    def mapping(self, node: Node | None, path: str) -> MapNode | None:
        if node is None or (isinstance(node, ScalarNode) and node.is_null):
            return None
        if not isinstance(node, MapNode):
            self.issue(node, path, f"expected a mapping of keys, got {_describe(node)}")
            return None
        return node

    def sequence(self, node: Node | None, path: str) -> SeqNode | None:
        if node is None or (isinstance(node, ScalarNode) and node.is_null):
            return None
        if not isinstance(node, SeqNode):
            self.issue(node, path, f"expected a list, got {_describe(node)}")
            return None
        return node

    def read(
        self, node: MapNode, spec: F.Table, path: str, owner: Node
    ) -> tuple[dict[str, Node], dict[str, Any]]:
        """The nodes by key and the converted values of the scalar fields among them.

        Unknown keys and missing required keys are reported, then bad values in the
        order of ``spec``. A scalar converts as it did the last time the same text was
        read (org files repeat ``4h``, ``90%`` and ratings thousands of times).
        """
        known = spec.by_key
        found: dict[str, Node] = {}
        converted: dict[str, Any] = {}
        misses: dict[str, str | None] = {}  # key → memo text of a value still to convert
        memo = self.memo
        for key, value in node.items:
            name = key.value
            f = known.get(name)
            if f is None:
                self.issue(
                    key,
                    _join(path, name),
                    f"unknown key '{name}'",
                    _decimal_comma(key, node)
                    or did_you_mean(name, known)
                    or f"known keys: {', '.join(known)}",
                )
                continue
            kind = f.kind
            text: str | None = None
            if type(value) is ScalarNode:
                text = value.value
                if value.plain:
                    if text == "" if kind == "ref" else text in NULLS:
                        continue  # an empty value means "not given"; so does null but for ids
                else:
                    text = _QUOTED + text
                found[name] = value
                if kind == "text" or (kind == "choice" and text in f.choices):
                    converted[name] = value.value
                    shown = value.value
                    if kind == "text" and _unfit(shown):
                        self.label(value, _join(path, name), shown)
                    continue
                cache = memo.get(kind)
                if cache is not None and text in cache:
                    converted[name] = cache[text]
                    continue
            else:
                found[name] = value
            if kind not in _UNCONVERTED:
                misses[name] = text
        for f in spec:
            if f.required and f.key not in found:
                self.issue(owner, _join(path, f.key), f"missing required key '{f.key}'")
        for f in spec.scalars:  # in the order of spec, as the issues of bad values are
            if f.key in misses:
                converted[f.key] = result = self.value(f, found[f.key], path)
                cache, text = memo.get(f.kind), misses[f.key]
                if cache is not None and text is not None and result is not None:
                    cache[text] = result
        return found, converted

    def attributes(self, node: MapNode, spec: F.Table, path: str, owner: Node) -> dict[str, Any]:
        """The converted scalar values given in ``node``, by model attribute."""
        return _attributes(spec, self.read(node, spec, path, owner)[1])

    # -- scalars -------------------------------------------------------------------------------

    def value(self, f: F.Field, node: Node, path: str) -> Any:
        where = _join(path, f.key)
        if f.kind == "texts":
            return self.texts(node, where)
        if f.kind == "severities":
            return self.severities(node, where)
        if not isinstance(node, ScalarNode):
            self.issue(node, where, f"expected {_EXPECTED[f.kind]}, got {_describe(node)}")
            return None
        try:
            return _CONVERT[f.kind](self, f, node)
        except ValueError as exc:
            self.issue(node, where, str(exc), _hint(f, node))
            return None

    def label(self, node: Node, path: str, text: str) -> bool:
        """Whether ``text`` can be a label in every output; reported where it is if not."""
        problem = label_problem(text)
        if problem is not None:
            self.issue(node, path, *problem)
        return problem is None

    def texts(self, node: Node, path: str) -> tuple[str, ...]:
        if isinstance(node, ScalarNode):
            if _unfit(node.value):
                self.label(node, path, node.value)
            return (node.value,)
        seq = self.sequence(node, path)
        out = []
        for i, item in enumerate(seq.items if seq else ()):
            if isinstance(item, ScalarNode):
                if _unfit(item.value):
                    self.label(item, f"{path}[{i}]", item.value)
                out.append(item.value)
            else:
                self.issue(item, f"{path}[{i}]", f"expected text, got {_describe(item)}")
        return tuple(out)

    def severities(self, node: Node, path: str) -> dict[str, str]:
        table = self.mapping(node, path)
        out: dict[str, str] = {}
        for key, value in table.items if table else ():
            f = F.Field(key.value, "choice", "", choices=F.SEVERITIES)
            level = self.value(f, value, path)
            if level is not None:
                out[key.value] = level
        return out

    # -- the sections ------------------------------------------------------------------------

    def organization(self, root: Node, default_name: str) -> Organization | None:
        if not isinstance(root, MapNode):
            self.issue(
                root,
                "",
                f"expected a mapping at the top of the file, got {_describe(root)}",
                "an org file starts with 'version: 1'",
            )
            return None
        top, converted = self.read(root, F.TOP, "", root)
        given = _attributes(F.TOP, converted)
        calendar = self.mapping(top.get("calendar"), "calendar")
        if calendar is not None:
            self.calendar = Calendar(**self.attributes(calendar, F.CALENDAR, "calendar", calendar))
            self.memo["duration"].clear()  # durations in days and weeks follow the calendar
            self.memo["effort"].clear()
        departments = self.entities(top.get("departments"), "departments", self.department)
        clients = self.entities(top.get("clients"), "clients", self.party("client"))
        suppliers = self.entities(top.get("suppliers"), "suppliers", self.party("supplier"))
        handoffs = self.handoffs(top.get("handoffs"))
        chains = self.entities(top.get("chains"), "chains", self.chain, shared_ids=False)
        checks = self.checks(top.get("checks"))
        if self.issues:
            return None
        given["name"] = given.get("name") or renderable(default_name)
        return Organization(
            departments=departments,
            clients=clients,
            suppliers=suppliers,
            handoffs=tuple(handoffs),
            chains=chains,
            calendar=self.calendar,
            checks=checks,
            source=self.source,
            **given,
        )

    def entities(
        self,
        node: Node | None,
        path: str,
        build: Callable[[ScalarNode, MapNode, str], Any],
        shared_ids: bool = True,
    ) -> dict[str, Any]:
        table = self.mapping(node, path)
        out: dict[str, Any] = {}
        role = path.rstrip("s")
        for key, value in table.items if table else ():
            where = _join(path, key.value)
            if key.value == "":
                self.issue(key, where, "an id cannot be empty")
                continue
            if _unfit(key.value) and not self.label(key, where, key.value):
                continue
            if shared_ids and not self.claim(key, role, where):
                continue
            body = MapNode(value.line, value.column)
            if not (isinstance(value, ScalarNode) and value.is_null):
                body = self.mapping(value, where) or body
            entity = build(key, body, where)
            if entity is not None:
                out[key.value] = entity
        return out

    def claim(self, key: ScalarNode, role: str, path: str) -> bool:
        earlier = self.ids.get(key.value)
        if earlier is not None:
            other_role, other = earlier
            self.issue(
                key,
                path,
                f"duplicate id '{key.value}': already defined as {_ROLES[other_role]} "
                f"at line {other.line}",
                "departments, clients and suppliers share one set of ids",
            )
            return False
        self.ids[key.value] = (role, key)
        return True

    def department(self, key: ScalarNode, body: MapNode, path: str) -> Department:
        given = self.attributes(body, F.DEPARTMENT, path, key)
        given["name"] = given.get("name") or key.value
        return Department(id=key.value, location=_loc(key), **given)

    def party(self, role: str) -> Callable[[ScalarNode, MapNode, str], ExternalParty]:
        spec = F.CLIENT if role == "client" else F.SUPPLIER

        def build(key: ScalarNode, body: MapNode, path: str) -> ExternalParty:
            given = self.attributes(body, spec, path, key)
            given["name"] = given.get("name") or key.value
            return ExternalParty(
                id=key.value,
                role="client" if role == "client" else "supplier",
                location=_loc(key),
                **given,
            )

        return build

    def entries(self, seq: SeqNode | None, path: str, keys: str) -> Iterator[tuple[str, MapNode]]:
        """The mappings of a list with their paths; anything else is reported once."""
        for i, item in enumerate(seq.items if seq else ()):
            where = f"{path}[{i}]"
            if isinstance(item, MapNode):
                yield where, item
            else:
                self.issue(item, where, f"expected a mapping with {keys}, got {_describe(item)}")

    def handoffs(self, node: Node | None) -> list[Handoff]:
        seq = self.sequence(node, "handoffs")
        out: list[Handoff] = []
        seen: dict[tuple[str, str], int] = {}
        for path, body in self.entries(seq, "handoffs", "'from' and 'to'"):
            found, v = self.read(body, F.HANDOFF, path, body)
            source, target = (
                self.ref(found.get("from"), path + ".from"),
                self.ref(found.get("to"), path + ".to"),
            )
            if source is None or target is None:
                continue
            if source == target:
                self.issue(found["to"], path + ".to", f"a handoff from '{source}' to itself")
                continue
            if (source, target) in seen:
                self.issue(
                    body,
                    path,
                    f"duplicate handoff from '{source}' to '{target}' "
                    f"(first at line {seen[source, target]})",
                    "merge the two entries",
                )
                continue
            seen[source, target] = body.line
            given = _attributes(F.HANDOFF, v)
            out.append(Handoff(source=source, target=target, location=_loc(body), **given))
        return out

    def chain(self, key: ScalarNode, body: MapNode, path: str) -> Chain | None:
        found, v = self.read(body, F.CHAIN, path, key)
        client = self.ref(found.get("client"), path + ".client", want="client")
        supplier = self.ref(found.get("supplier"), path + ".supplier", want="supplier")
        steps = self.steps(found.get("steps"), path + ".steps")
        if client is None or v.get("demand") is None or not steps:
            return None
        if "supplier" in found and supplier is None:
            return None
        given = _attributes(F.CHAIN, v)
        given["name"] = given.get("name") or key.value
        return Chain(
            id=key.value,
            client=client,
            steps=tuple(steps),
            supplier=supplier,
            location=_loc(key),
            **given,
        )

    def steps(self, node: Node | None, path: str) -> list[Step]:
        seq = self.sequence(node, path)
        if seq is not None and not seq.items:
            self.issue(seq, path, "a chain needs at least one step")
        out: list[Step] = []
        for where, body in self.entries(seq, path, "'department' and 'effort'"):
            found, v = self.read(body, F.STEP, where, body)
            department = self.ref(found.get("department"), where + ".department", "department")
            if "wait" in found and "inventory" in found:
                self.issue(
                    found["inventory"],
                    where + ".inventory",
                    "give either 'wait' or 'inventory', not both",
                )
            if department is None or v.get("effort") is None:
                continue
            attributes = _attributes(F.STEP, v)
            if attributes["effort"] == UNKNOWN_EFFORT:
                attributes["effort"] = None  # not measured: unknown, never 0
            out.append(Step(department=department, location=_loc(body), **attributes))
        return out

    def checks(self, node: Node | None) -> ChecksConfig:
        body = self.mapping(node, "checks")
        if body is None:
            return ChecksConfig()
        v = self.read(body, F.CHECKS, "checks", body)[1]
        return ChecksConfig(
            location=_loc(body),
            given=frozenset(key for key, value in v.items() if value is not None),
            places=_rule_places(body),
            **_attributes(F.CHECKS, v),
        )

    def known(self, word: str, want: str) -> str:
        """The hint for an unknown id: the nearest id of the role wanted, else the ids
        of that role, else where such ids go (ids may be defined anywhere in the file)."""
        ids = [i for i, (role, _key) in self.ids.items() if not want or role == want]
        close = did_you_mean(word, ids)
        if close:
            return close
        if not ids:
            return f"no {want} is defined: add it under '{want}s'" if want else ""
        shown = ", ".join(ids[:_KNOWN_SHOWN])
        more = f" and {len(ids) - _KNOWN_SHOWN} more" if len(ids) > _KNOWN_SHOWN else ""
        return f"known {want + 's' if want else 'ids'}: {shown}{more}"

    def ref(self, node: Node | None, path: str, want: str = "") -> str | None:
        """The id ``node`` names, checked against the ids defined (and their role)."""
        if node is None:
            return None
        if not isinstance(node, ScalarNode):
            self.issue(node, path, f"expected an id, got {_describe(node)}")
            return None
        entry = self.ids.get(node.value)
        if entry is None:
            wanted = _ROLES.get(want, "a department, client or supplier")
            self.issue(
                node,
                path,
                f"unknown id '{node.value}': expected {wanted}",
                self.known(node.value, want),
            )
            return None
        if want and entry[0] != want:
            self.issue(
                node,
                path,
                f"'{node.value}' is {_ROLES[entry[0]]}; expected {_ROLES[want]}",
            )
            return None
        return node.value


_DIGITS = re.compile(r"^[0-9]+$")
_DECIMALS = re.compile(r"^[0-9]+[^,:{}\[\]]*$")


def _unfit(text: str) -> bool:
    """A quick test before :func:`label_problem`: most texts are short ASCII."""
    return len(text) > MAX_TEXT or (not text.isascii() and unwritable(text) is not None)


def _decimal_comma(unknown: ScalarNode, node: MapNode) -> str:
    """The hint for a key such as ``5h`` that YAML split off ``{effort: 1,5h}``."""
    name = unknown.value
    if not _DECIMALS.match(name):
        return ""
    index = next(i for i, (k, _v) in enumerate(node.items) if k is unknown)
    if index == 0:
        return ""
    key, value = node.items[index - 1]
    if type(value) is not ScalarNode or not value.plain or not _DIGITS.match(value.value):
        return ""
    joined = f"{value.value}.{name}"
    meant = suggest_duration(joined) or joined
    return f"did you mean '{key.value}: {meant}'? a comma inside {{…}} starts a new key"


def _rule_places(checks: MapNode) -> dict[str, Location]:
    """Where each rule id is written under ``select``, ``ignore`` and ``severity``."""
    places: dict[str, Location] = {}
    for key in ("select", "ignore"):
        node = checks.get(key)
        items = node.items if isinstance(node, SeqNode) else [node] if node is not None else []
        for item in items:
            if isinstance(item, ScalarNode):
                places.setdefault(f"{key}:{item.value}", _loc(item))
    severity = checks.get("severity")
    if isinstance(severity, MapNode):
        for rule, _level in severity.items:
            places.setdefault(f"severity:{rule.value}", _loc(rule))
    return places


_KNOWN_SHOWN = 8
"""Most ids a hint lists for an unknown reference."""
_UNCONVERTED: frozenset[F.FieldKind] = frozenset(("section", "ref"))
_MEMO_KINDS: tuple[F.FieldKind, ...] = ("count", "rating", "duration", "effort", "percent")
"""Kinds whose value depends only on a scalar's text and quoting (and the calendar);
not ``positive``, whose bound is the field's."""
_QUOTED = "\x00"
"""Prefix of a quoted scalar's text in the memo (a plain scalar cannot hold NUL)."""


def _attributes(spec: F.Table, converted: dict[str, Any]) -> dict[str, Any]:
    """Converted values by the model attribute each key fills; a key not given (or whose
    value was refused) is left out, so the model's default applies."""
    known = spec.by_key
    return {known[key].attr: value for key, value in converted.items() if value is not None}


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _loc(node: Node) -> Location:
    return Location(node.line, node.column)


def _number(node: ScalarNode) -> float:
    number = plain_number(node.value) if node.plain else None
    if number is None:
        raise ValueError(f"expected a number, got '{node.value}'")
    if math.isnan(number) or math.isinf(number):
        raise ValueError(f"expected a finite number, got '{node.value}'")
    return number


def _count(_r: _Reader, _f: F.Field, node: ScalarNode) -> float:
    number = _number(node)
    if number < 0:
        raise ValueError(f"expected a number of 0 or more, got '{node.value}'")
    return number


def _positive(_r: _Reader, f: F.Field, node: ScalarNode) -> float:
    number = _number(node)
    if f.maximum is not None and not 0 < number <= f.maximum:
        raise ValueError(f"expected a number above 0 and at most {f.maximum:g}, got '{node.value}'")
    if number <= 0:
        raise ValueError(f"expected a number above 0, got '{node.value}'")
    return number


def _rating(_r: _Reader, _f: F.Field, node: ScalarNode) -> float:
    number = _number(node)
    if not 1 <= number <= 5:
        raise ValueError(f"expected a rating from 1 to 5, got '{node.value}'")
    return number


def _duration(r: _Reader, _f: F.Field, node: ScalarNode) -> float:
    number = plain_number(node.value) if node.plain else None
    return parse_duration(node.value if number is None else number, r.calendar)


UNKNOWN_EFFORT = "unknown"
"""A step's ``effort: unknown``: not measured (the step's effort is ``None``)."""


def _effort(r: _Reader, f: F.Field, node: ScalarNode) -> float | str:
    return UNKNOWN_EFFORT if node.value == UNKNOWN_EFFORT else _duration(r, f, node)


def _percent(_r: _Reader, _f: F.Field, node: ScalarNode) -> float:
    number = plain_number(node.value) if node.plain else None
    return parse_percentage(node.value if number is None else number)


def _choice(_r: _Reader, f: F.Field, node: ScalarNode) -> str:
    if node.value not in f.choices:
        raise ValueError(f"expected one of {', '.join(f.choices)}, got '{node.value}'")
    return node.value


def _text(_r: _Reader, _f: F.Field, node: ScalarNode) -> str:
    return node.value


def _version(_r: _Reader, _f: F.Field, node: ScalarNode) -> int:
    if node.value.strip() == "1":  # plain or quoted: version "1" is version 1
        return 1
    raise ValueError(f"unsupported version '{node.value}': this clientchain reads version 1")


def _ref(_r: _Reader, _f: F.Field, node: ScalarNode) -> str:
    return node.value


_CONVERT: dict[F.FieldKind, Callable[[_Reader, F.Field, ScalarNode], Any]] = {
    "text": _text,
    "ref": _ref,
    "version": _version,
    "count": _count,
    "positive": _positive,
    "rating": _rating,
    "duration": _duration,
    "effort": _effort,
    "percent": _percent,
    "choice": _choice,
}

_EXPECTED: dict[F.FieldKind, str] = {
    "text": "text",
    "ref": "an id",
    "version": "the number 1",
    "count": "a number",
    "positive": "a number",
    "rating": "a rating from 1 to 5",
    "duration": "a duration like '4h' or '1.5d'",
    "effort": "a duration like '4h' or '1.5d', or 'unknown'",
    "percent": "a percentage like '90%'",
    "choice": "one word",
    "section": "a mapping",
}


def _hint(f: F.Field, node: ScalarNode) -> str:
    if f.kind == "choice":
        return did_you_mean(node.value, f.choices)
    if f.kind in ("count", "positive", "rating") and not node.plain:
        return "write the number without quotes"
    misspelt = did_you_mean(node.value.lower(), [UNKNOWN_EFFORT]) if f.kind == "effort" else ""
    if misspelt:
        return misspelt
    if f.kind in ("duration", "effort"):
        meant = suggest_duration(node.value)
        units = "units: s, m, h, d, w, mo (d, w and mo follow the calendar)"
        unknown = "; 'unknown' when not measured" if f.kind == "effort" else ""
        return _did_you(meant) or units + unknown
    if f.kind == "percent" and node.plain:
        return _did_you(suggest_percentage(plain_number(node.value)))
    return ""


def _did_you(meant: str | None) -> str:
    return f"did you mean '{meant}'?" if meant else ""
