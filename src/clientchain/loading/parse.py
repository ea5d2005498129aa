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
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from clientchain.errors import InputError, Issue
from clientchain.i18n import N_, _, current, ngettext
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
    Requirement,
    Step,
)
from clientchain.numbers import num
from clientchain.terms import SPANISH, english, term
from clientchain.units import (
    Calendar,
    parse_duration,
    parse_percentage,
    suggest_duration,
    suggest_percentage,
)

__all__ = ["parse_org"]

# TRANSLATORS: what an id names, in messages such as "'x' is a department; expected ..."
_ROLES = {
    "department": N_("a department"),
    "client": N_("an external client"),
    "supplier": N_("an external supplier"),
    "": N_("a department, client or supplier"),
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
    return _did_you(close[0]) if close else ""


def _did_you(meant: str | None) -> str:
    return _("did you mean '{word}'?").format(word=meant) if meant else ""


def _describe(node: Node) -> str:
    if isinstance(node, MapNode):
        return _("a mapping")
    if isinstance(node, SeqNode):
        return _("a list")
    return f"'{node.value}'" if len(node.value) <= 40 else f"'{node.value[:37]}...'"


def _role(want: str) -> str:
    return _(_ROLES[want])  # i18n: N_ table


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
            self.issue(
                node, path, _("expected a mapping of keys, got {got}").format(got=_describe(node))
            )
            return None
        return node

    def sequence(self, node: Node | None, path: str) -> SeqNode | None:
        if node is None or (isinstance(node, ScalarNode) and node.is_null):
            return None
        if not isinstance(node, SeqNode):
            self.issue(node, path, _("expected a list, got {got}").format(got=_describe(node)))
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
                    _("unknown key '{key}'").format(key=name),
                    _decimal_comma(key, node)
                    or did_you_mean(name, known)
                    or _("known keys: {keys}").format(keys=", ".join(known)),
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
                cache = memo.get(kind) if f.maximum is None else None
                if cache is not None and text in cache:
                    converted[name] = cache[text]
                    continue
            else:
                found[name] = value
            if kind not in _UNCONVERTED:
                misses[name] = text
        for f in spec:
            if f.required and f.key not in found:
                message = _("missing required key '{key}'").format(key=f.key)
                self.issue(owner, _join(path, f.key), message)
        for f in spec.scalars:  # in the order of spec, as the issues of bad values are
            if f.key in misses:
                converted[f.key] = result = self.value(f, found[f.key], path)
                cache = memo.get(f.kind) if f.maximum is None else None
                text = misses[f.key]
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
            expected = _(_EXPECTED[f.kind])  # i18n: N_ table
            message = _expected_got().format(expected=expected, got=_describe(node))
            self.issue(node, where, message)
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
                message = _("expected text, got {got}").format(got=_describe(item))
                self.issue(item, f"{path}[{i}]", message)
        return tuple(out)

    def severities(self, node: Node, path: str) -> dict[str, str]:
        table = self.mapping(node, path)
        out: dict[str, str] = {}
        for key, value in table.items if table else ():
            f = F.Field(key.value, "choice", "", choices=F.SEVERITIES, term="severity")
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
                _("expected a mapping at the top of the file, got {got}").format(
                    got=_describe(root)
                ),
                _("an org file starts with 'version: 1'"),
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
                self.issue(key, where, _("an id cannot be empty"))
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
                # TRANSLATORS: {role} is "a department", "an external client" …
                _("duplicate id '{id}': already defined as {role} at line {line}").format(
                    id=key.value, role=_role(other_role), line=other.line
                ),
                _("departments, clients and suppliers share one set of ids"),
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

    def entries(
        self, seq: SeqNode | None, path: str, expected: str
    ) -> Iterator[tuple[str, MapNode]]:
        """The mappings of a list with their paths; anything else is reported once, with
        ``expected`` (a message with ``{got}``)."""
        for i, item in enumerate(seq.items if seq else ()):
            where = f"{path}[{i}]"
            if isinstance(item, MapNode):
                yield where, item
            else:
                self.issue(item, where, expected.format(got=_describe(item)))

    def handoffs(self, node: Node | None) -> list[Handoff]:
        seq = self.sequence(node, "handoffs")
        out: list[Handoff] = []
        seen: dict[tuple[str, str], int] = {}
        expected = _("expected a mapping with 'from' and 'to', got {got}")
        for path, body in self.entries(seq, "handoffs", expected):
            found, v = self.read(body, F.HANDOFF, path, body)
            source, target = (
                self.ref(found.get("from"), path + ".from"),
                self.ref(found.get("to"), path + ".to"),
            )
            if source is None or target is None:
                continue
            if source == target:
                message = _("a handoff from '{source}' to itself").format(source=source)
                self.issue(found["to"], path + ".to", message)
                continue
            if (source, target) in seen:
                self.issue(
                    body,
                    path,
                    _(
                        "duplicate handoff from '{source}' to '{target}' (first at line {line})"
                    ).format(source=source, target=target, line=seen[source, target]),
                    _("merge the two entries"),
                )
                continue
            seen[source, target] = body.line
            given = _attributes(F.HANDOFF, v)
            if "answers" in found and "satisfaction" not in found:
                self.issue(
                    found["answers"],
                    path + ".answers",
                    _(
                        "'answers' without 'satisfaction': it counts the answers a satisfaction "
                        "rests on"
                    ),
                    _("give the handoff's 'satisfaction' too, or remove 'answers'"),
                )
            requires = self.mapping(found.get("requires"), path + ".requires")
            if requires is not None:
                where = path + ".requires"
                given["requires"] = Requirement(
                    **self.attributes(requires, F.REQUIREMENT, where, requires),
                    location=_loc(requires),
                )
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
            self.issue(seq, path, _("a chain needs at least one step"))
        out: list[Step] = []
        expected = _("expected a mapping with 'department' and 'effort', got {got}")
        for where, body in self.entries(seq, path, expected):
            found, v = self.read(body, F.STEP, where, body)
            department = self.ref(found.get("department"), where + ".department", "department")
            if "wait" in found and "inventory" in found:
                self.issue(
                    found["inventory"],
                    where + ".inventory",
                    _("give either 'wait' or 'inventory', not both"),
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
            return _(_NONE_DEFINED[want]) if want else ""  # i18n: N_ table
        shown = ", ".join(ids[:_KNOWN_SHOWN])
        more = len(ids) - _KNOWN_SHOWN
        if more > 0:
            # TRANSLATORS: {ids} is a list of ids ("a, b, c"), {n} how many more there are
            shown = ngettext("{ids} and {n} more", "{ids} and {n} more", more).format(
                ids=shown, n=num(more)
            )
        return _(_KNOWN[want]).format(ids=shown)  # i18n: N_ table

    def ref(self, node: Node | None, path: str, want: str = "") -> str | None:
        """The id ``node`` names, checked against the ids defined (and their role)."""
        if node is None:
            return None
        if not isinstance(node, ScalarNode):
            self.issue(node, path, _("expected an id, got {got}").format(got=_describe(node)))
            return None
        entry = self.ids.get(node.value)
        if entry is None:
            self.issue(
                node,
                path,
                # TRANSLATORS: {role} is "a department", "an external client" …
                _("unknown id '{id}': expected {role}").format(id=node.value, role=_role(want)),
                self.known(node.value, want),
            )
            return None
        if want and entry[0] != want:
            self.issue(
                node,
                path,
                # TRANSLATORS: {role} and {expected} are "a department", "an external client" …
                _("'{id}' is {role}; expected {expected}").format(
                    id=node.value, role=_role(entry[0]), expected=_role(want)
                ),
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
    # TRANSLATORS: {meant} is YAML as it should be written ("effort: 1.5h"); {{…}} is a
    # mapping written in braces
    return _("did you mean '{meant}'? a comma inside {{…}} starts a new key").format(
        meant=f"{key.value}: {meant}"
    )


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
_NONE_DEFINED = {
    "department": N_("no department is defined: add it under 'departments'"),
    "client": N_("no client is defined: add it under 'clients'"),
    "supplier": N_("no supplier is defined: add it under 'suppliers'"),
}
_KNOWN = {
    "department": N_("known departments: {ids}"),
    "client": N_("known clients: {ids}"),
    "supplier": N_("known suppliers: {ids}"),
    "": N_("known ids: {ids}"),
}
_UNCONVERTED: frozenset[F.FieldKind] = frozenset(("section", "ref"))
_MEMO_KINDS: tuple[F.FieldKind, ...] = (
    "count",
    "rating",
    "duration",
    "effort",
    "percent",
)
"""Kinds whose value depends only on a scalar's text and quoting (and the calendar);
not ``positive`` nor ``whole``, whose bounds are the field's (nor a bounded ``count``)."""
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
        raise ValueError(_("expected a number, got '{value}'").format(value=node.value))
    if math.isnan(number) or math.isinf(number):
        raise ValueError(_("expected a finite number, got '{value}'").format(value=node.value))
    return number


def _count(_r: _Reader, f: F.Field, node: ScalarNode) -> float:
    number = _number(node)
    if f.maximum is not None and not 0 <= number <= f.maximum:
        message = _("expected a number from 0 to {maximum}, got '{value}'")
        raise ValueError(message.format(maximum=num(f.maximum), value=node.value))
    if number < 0:
        message = _("expected a number of 0 or more, got '{value}'")
        raise ValueError(message.format(value=node.value))
    return number


def _positive(_r: _Reader, f: F.Field, node: ScalarNode) -> float:
    number = _number(node)
    if f.maximum is not None and not 0 < number <= f.maximum:
        message = _("expected a number above 0 and at most {maximum}, got '{value}'")
        raise ValueError(message.format(maximum=num(f.maximum), value=node.value))
    if number <= 0:
        raise ValueError(_("expected a number above 0, got '{value}'").format(value=node.value))
    return number


def _rating(_r: _Reader, _f: F.Field, node: ScalarNode) -> float:
    number = _number(node)
    if not 1 <= number <= 5:
        message = _("expected a rating from 1 to 5, got '{value}'")
        raise ValueError(message.format(value=node.value))
    return number


def _whole(_r: _Reader, f: F.Field, node: ScalarNode) -> int:
    number = _number(node)
    least = f.minimum or 1
    if number < least or not number.is_integer():
        message = _("expected a whole number of {minimum} or more, got '{value}'")
        raise ValueError(message.format(minimum=least, value=node.value))
    return int(number)


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
    if node.value in f.choices:
        return node.value
    alias = english(f.term or f.key, node.value)  # a Spanish spelling: the English value
    if alias is not None and alias in f.choices:
        return alias
    shown = ", ".join(term(f.term or f.key, choice) for choice in f.choices)
    # TRANSLATORS: {choices} lists the values the key takes, in the current language
    message = _("expected one of {choices}, got '{value}'")
    raise ValueError(message.format(choices=shown, value=node.value))


def _text(_r: _Reader, _f: F.Field, node: ScalarNode) -> str:
    return node.value


def _version(_r: _Reader, _f: F.Field, node: ScalarNode) -> int:
    if node.value.strip() == "1":  # plain or quoted: version "1" is version 1
        return 1
    message = _("unsupported version '{version}': this clientchain reads version 1")
    raise ValueError(message.format(version=node.value))


def _flag(_r: _Reader, _f: F.Field, node: ScalarNode) -> bool:
    """``true`` or ``false`` as YAML writes them (plain ``True``, ``FALSE`` too), nothing else."""
    if node.plain and node.value.lower() in ("true", "false"):
        return node.value.lower() == "true"
    raise ValueError(_expected_got().format(expected=_("true or false"), got=_describe(node)))


def _ref(_r: _Reader, _f: F.Field, node: ScalarNode) -> str:
    return node.value


_CONVERT: dict[F.FieldKind, Callable[[_Reader, F.Field, ScalarNode], Any]] = {
    "text": _text,
    "ref": _ref,
    "version": _version,
    "count": _count,
    "positive": _positive,
    "rating": _rating,
    "whole": _whole,
    "duration": _duration,
    "effort": _effort,
    "percent": _percent,
    "choice": _choice,
    "flag": _flag,
}

# TRANSLATORS: what a key takes, in "expected {expected}, got {got}"; keep the examples
# ('4h', '1.5d', '90%', 'unknown') as written: they are the file's syntax
_EXPECTED: dict[F.FieldKind, str] = {
    "text": N_("text"),
    "ref": N_("an id"),
    "version": N_("the number 1"),
    "count": N_("a number"),
    "positive": N_("a number"),
    "rating": N_("a rating from 1 to 5"),
    "whole": N_("a whole number"),
    "duration": N_("a duration like '4h' or '1.5d'"),
    "effort": N_("a duration like '4h' or '1.5d', or 'unknown'"),
    "percent": N_("a percentage like '90%'"),
    "choice": N_("one word"),
    "flag": N_("true or false"),
    "section": N_("a mapping"),
}


def _expected_got() -> str:
    # TRANSLATORS: {expected} is what a key takes ("a number"), {got} what the file has
    # ("a list", or the value in quotes)
    return _("expected {expected}, got {got}")


def _hint(f: F.Field, node: ScalarNode) -> str:
    if f.kind == "choice":
        return _did_you(_closest_choice(node.value, f))
    if f.kind in ("count", "positive", "rating", "whole") and not node.plain:
        return _("write the number without quotes")
    if f.kind == "flag" and not node.plain and node.value.lower() in ("true", "false"):
        return _("write true or false without quotes")
    misspelt = did_you_mean(node.value.lower(), [UNKNOWN_EFFORT]) if f.kind == "effort" else ""
    if misspelt:
        return misspelt
    if f.kind == "duration":
        return _did_you(suggest_duration(node.value)) or _(
            "units: s, m, h, d, w, mo (d, w and mo follow the calendar)"
        )
    if f.kind == "effort":
        return _did_you(suggest_duration(node.value)) or _(
            "units: s, m, h, d, w, mo (d, w and mo follow the calendar); "
            "'unknown' when not measured"
        )
    if f.kind == "percent" and node.plain:
        return _did_you(suggest_percentage(plain_number(node.value)))
    return ""


def _closest_choice(word: str, f: F.Field) -> str | None:
    """The value of ``f`` closest to ``word`` among its English values and their Spanish
    spellings (``operatvo`` → ``operativo``, ``operatve`` → ``operative``); on a tie, the
    spelling in the language of the messages. ``None`` when nothing is close."""
    spanish = [
        spelling
        for spelling, value in SPANISH.get(f.term or f.key, {}).items()
        if value in f.choices
    ]
    preferred, other = (spanish, list(f.choices)) if current() == "es" else (f.choices, spanish)
    folded = _fold(word)
    best, best_score = None, _CUTOFF
    for candidate in (*preferred, *other):
        matcher = difflib.SequenceMatcher(None, folded, _fold(candidate))
        score = matcher.ratio()
        if score > best_score:
            best, best_score = candidate, score
    return best


_CUTOFF = 0.6 - 1e-9
"""The closeness from which a choice is suggested (difflib's default cutoff, inclusive)."""


def _fold(word: str) -> str:
    """``word`` compared without case nor accents: ``Retroalimentación`` → ``retroalimentacion``."""
    decomposed = unicodedata.normalize("NFKD", word.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
