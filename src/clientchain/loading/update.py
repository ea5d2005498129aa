"""Write survey results into an org file: each handoff's ``satisfaction`` and ``answers``, in place.

``clientchain survey … --update`` gives each supplier → client pair the overall mean of
its answers and their number; :func:`update_satisfaction` writes them into the matching
handoff and leaves every other character of the file as it was: comments, blank lines,
key order, quoting, flow or block style, CRLF line endings and a byte order mark.

How: by edits placed at the positions of the nodes as written (:mod:`.layout`), not by
loading and dumping the file. A round-trip YAML library (ruamel.yaml) would be a new
dependency and still re-emits what it parsed (it re-indents, re-wraps and re-spaces
here and there), while an edit at known offsets cannot touch anything else by
construction. Each result is then loaded again with the project's loader and compared
with the original organization: if anything but the two values differs, nothing is
written and an :class:`~clientchain.errors.InputError` says so.

Rules:

* A value already present is replaced where it stands; a missing ``satisfaction`` is
  inserted after the last of ``from``, ``to``, ``deliverable``, ``volume``,
  ``lead_time`` and ``quality`` written, a missing ``answers`` right after
  ``satisfaction``. A block mapping gets new lines at its keys' indentation (aligned
  when its values are aligned), a flow mapping ``{from: a, to: b}`` gets
  ``, satisfaction: 4.2, answers: 12`` inside its braces, and keys are quoted as the
  mapping's first key is (so a JSON org file stays JSON).
* The mean is written with at most two decimals, rounded half up on its decimal form
  (``3.456`` → ``3.46``, ``4.0`` → ``4``): one decimal would round a mean of 2.96 up to
  3.0, past a ``min_satisfaction`` of 3.
* Every handoff of a pair is written (the survey rates the pair, not one deliverable);
  the loader allows one handoff per pair, so that is one entry.
* A pair with no handoff is returned in :attr:`UpdateResult.not_found` (its edge may
  exist through a chain only: add a handoff to record its satisfaction).
* A handoff that uses anchors, aliases or merge keys (``&x``, ``*x``, ``<<``) is refused:
  its values may be shared with other places. Several documents, an empty file or an
  invalid one are refused by the loader first.

>>> text = "version: 1\\ndepartments: {a: {}, b: {}}\\n"
>>> text += "handoffs:\\n  - from: a  # texts\\n    to: b\\n"
>>> result = update_satisfaction(text, "org.yaml", {("a", "b"): (3.456, 12)})
>>> print(result.text, end="")
version: 1
departments: {a: {}, b: {}}
handoffs:
  - from: a  # texts
    to: b
    satisfaction: 3.46
    answers: 12
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from clientchain.errors import InputError, Issue
from clientchain.i18n import _
from clientchain.loading import load_text
from clientchain.loading.dump import dump_org
from clientchain.loading.layout import Span, layout
from clientchain.model import Organization

__all__ = ["SatisfactionChange", "UpdateResult", "rounded_mean", "update_satisfaction"]

BOM = "\ufeff"
_BREAK = re.compile(r"\r\n|\n|\r")
_BEFORE = ("from", "to", "deliverable", "volume", "lead_time", "quality")
"""The keys a new ``satisfaction`` goes after (the order of the handoff table)."""

Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class SatisfactionChange:
    """One handoff written: its pair, its line in the file, and its values before and after."""

    source: str
    target: str
    line: int
    satisfaction: float
    answers: int
    old_satisfaction: float | None = None
    old_answers: int | None = None


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """The new text, the handoffs written (file order) and the pairs without a handoff
    (the order given). ``changed`` is false when the text is the same as before."""

    text: str
    changes: tuple[SatisfactionChange, ...]
    not_found: tuple[Pair, ...]
    changed: bool


def rounded_mean(mean: float) -> str:
    """The text written for a mean satisfaction: two decimals at most, half up.

    >>> rounded_mean(3.456), rounded_mean(2.345), rounded_mean(4.0), rounded_mean(2.96)
    ('3.46', '2.35', '4', '2.96')
    """
    fixed = Decimal(repr(float(mean))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format(fixed, "f").rstrip("0").rstrip(".")


def update_satisfaction(
    text: str, source_name: str, updates: Mapping[Pair, tuple[float, int]]
) -> UpdateResult:
    """``text`` (an org file) with ``satisfaction`` and ``answers`` set on the handoffs of
    each pair ``(supplier id, client id)`` of ``updates`` to ``(mean, number of answers)``.

    Parameters
    ----------
    text : str
        The whole org file, as read (a leading byte order mark is kept).
    source_name : str
        The file's name in messages.
    updates : mapping of (str, str) to (float, int)
        A mean from 1 to 5 and a number of answers of 1 or more per pair.

    Raises
    ------
    InputError
        The file is not a valid org file, or a handoff to write cannot be edited in place.
    ValueError
        A mean or a number of answers out of range (a caller's bug).
    """
    wanted = {pair: _checked(pair, mean, answers) for pair, (mean, answers) in updates.items()}
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom) :]
    org = load_text(body, source_name)
    present = {(h.source, h.target) for h in org.handoffs}
    not_found = tuple(pair for pair in wanted if pair not in present)
    matches = [i for i, h in enumerate(org.handoffs) if (h.source, h.target) in wanted]
    if not matches:
        return UpdateResult(text, (), not_found, changed=False)
    items = _handoff_items(body, org, source_name)
    edits: list[tuple[int, int, str]] = []
    changes = []
    handoffs = list(org.handoffs)
    for index in matches:
        handoff = handoffs[index]
        written, answers = wanted[handoff.source, handoff.target]
        item = items[index]
        if item.tainted():
            raise _refusal(
                body,
                source_name,
                item,
                index,
                _("this handoff uses YAML anchors, aliases or merge keys; not edited in place"),
                _("write its keys out in full, then update it"),
            )
        edits += _edits(body, item, written, str(answers))
        handoffs[index] = dataclasses.replace(handoff, satisfaction=float(written), answers=answers)
        changes.append(
            SatisfactionChange(
                handoff.source,
                handoff.target,
                handoff.location.line,
                float(written),
                answers,
                handoff.satisfaction,
                handoff.answers,
            )
        )
    new_body = _apply(body, edits)
    expected = dataclasses.replace(org, handoffs=tuple(handoffs))
    _verify(new_body, source_name, expected, body, items[matches[0]], matches[0])
    return UpdateResult(bom + new_body, tuple(changes), not_found, changed=new_body != body)


def _checked(pair: Pair, mean: float, answers: int) -> tuple[str, int]:
    """The text of ``mean`` and the number of answers, both checked."""
    if not (isinstance(mean, int | float) and math.isfinite(mean)):
        raise ValueError(f"{pair}: the mean {mean!r} is not a finite number")  # i18n: caller bug
    written = rounded_mean(mean)
    if not 1 <= float(written) <= 5:
        raise ValueError(f"{pair}: the mean {mean!r} is not from 1 to 5")  # i18n: caller bug
    if isinstance(answers, bool) or not isinstance(answers, int) or answers < 1:
        raise ValueError(f"{pair}: {answers!r} answers is not a whole number ≥ 1")  # i18n: bug
    return written, answers


def _handoff_items(body: str, org: Organization, source_name: str) -> list[Span]:
    """The nodes of the ``handoffs`` list as written, one per handoff of ``org``."""
    try:
        root = layout(body)
    except ValueError:
        raise _refusal(
            body, source_name, Span("seq", 0), None, _not_kept(), _not_kept_hint()
        ) from None
    handoffs = root.get("handoffs") if root.kind == "map" else None
    if handoffs is None or handoffs.kind != "seq" or handoffs.anchor:
        where = handoffs or root
        line, column = _position(body, where.start)
        message = _("the handoffs list is not written out here (an alias or a merge key)")
        hint = _("write the handoffs list out in full, then update it")
        raise InputError([Issue(source_name, line, column, message, "handoffs", hint)])
    items = list(handoffs.items)
    if len(items) != len(org.handoffs) or any(item.kind != "map" for item in items):
        raise _refusal(body, source_name, handoffs, None, _not_kept(), _not_kept_hint())
    return items


def _edits(body: str, item: Span, satisfaction: str, answers: str) -> list[tuple[int, int, str]]:
    """The replacements ``(start, end, text)`` that give ``item`` the two values."""
    edits = []
    missing = []
    for key, value in (("satisfaction", satisfaction), ("answers", answers)):
        node = item.get(key)
        if node is None:
            missing.append((key, value))
        elif node.start == node.end:  # written with no value (null): put one after the colon
            edits.append((node.start, node.end, _spaced(body, node.start, value)))
        else:
            edits.append((node.start, node.end, value))
    if missing:
        after = item.get("satisfaction") or _last_before(body, item)
        edits.append(_insertion(body, item, after, missing))
    return edits


def _spaced(body: str, offset: int, value: str) -> str:
    return f" {value}" if offset and body[offset - 1] == ":" else value


def _last_before(body: str, item: Span) -> Span:
    """The value of the key of :data:`_BEFORE` written last in ``item``; not a block scalar
    (``|``, ``>``) that ends the file without a line break, whose value a line added after
    it would change (it would gain a final line break)."""
    values = [
        v
        for k, v in item.items
        if k.kind == "scalar"
        and k.value in _BEFORE
        and not (v.style in ("|", ">") and body[v.end - 1 : v.end] not in ("\n", "\r"))
    ]
    return max(values or [item.items[-1][1]], key=lambda v: v.end)  # type: ignore[no-any-return]


def _insertion(
    body: str, item: Span, after: Span, keys: list[tuple[str, str]]
) -> tuple[int, int, str]:
    """New ``key: value`` entries written after the node ``after``, in ``item``'s style."""
    first = item.items[0][0]
    quote = first.style if first.style in ("'", '"') else ""
    if item.flow:
        text = "".join(f", {quote}{key}{quote}: {value}" for key, value in keys)
        return after.end, after.end, text
    indent = " " * _column(body, first.start)
    end = after.end
    if end and body[end - 1] in "\r\n":  # a block scalar ends after its line break
        eol = "\r\n" if body[max(end - 2, 0) : end] == "\r\n" else body[end - 1]
        lines = [f"{indent}{_key(body, item, quote, key)}{value}{eol}" for key, value in keys]
        return end, end, "".join(lines)
    found = _BREAK.search(body, end)
    if found is None:  # the last line, without a line break
        eol = _first_break(body)
        lines = [f"{eol}{indent}{_key(body, item, quote, key)}{value}" for key, value in keys]
        return len(body), len(body), "".join(lines)
    eol = found.group()
    lines = [f"{indent}{_key(body, item, quote, key)}{value}{eol}" for key, value in keys]
    return found.end(), found.end(), "".join(lines)


def _key(body: str, item: Span, quote: str, key: str) -> str:
    """``key: `` as ``item`` writes its keys: quoted like them, values aligned if they are."""
    written = f"{quote}{key}{quote}:"
    offsets = {
        v.start - k.start
        for k, v in item.items
        if v.kind == "scalar" and v.start != v.end and _same_line(body, k.end, v.start)
    }
    if len(offsets) == 1 and len(item.items) > 1:
        width = offsets.pop()
        if width > len(written):
            return written.ljust(width)
    return written + " "


def _same_line(body: str, start: int, end: int) -> bool:
    return _BREAK.search(body, start, end) is None


def _column(body: str, offset: int) -> int:
    """0-based column of ``offset``."""
    return offset - (max(body.rfind("\n", 0, offset), body.rfind("\r", 0, offset)) + 1)


def _position(body: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``."""
    return len(_BREAK.findall(body, 0, offset)) + 1, _column(body, offset) + 1


def _first_break(body: str) -> str:
    found = _BREAK.search(body)
    return found.group() if found else "\n"


def _apply(body: str, edits: list[tuple[int, int, str]]) -> str:
    """``body`` with each replacement made (the last first, so offsets hold); two at one
    offset keep their order (a value filled in, then the keys inserted after it)."""
    ordered = sorted(enumerate(edits), key=lambda e: (e[1][0], e[1][1], e[0]), reverse=True)
    for _index, (start, end, text) in ordered:
        body = body[:start] + text + body[end:]
    return body


def _verify(
    new_body: str, source_name: str, expected: Organization, body: str, item: Span, index: int
) -> None:
    """Refuse the edit unless ``new_body`` loads as ``expected`` (locations aside)."""
    try:
        same = dump_org(load_text(new_body, source_name)) == dump_org(expected)
    except InputError:
        same = False
    if not same:
        raise _refusal(body, source_name, item, index, _not_kept(), _not_kept_hint())


def _not_kept() -> str:
    return _("cannot write the survey results here without changing something else")


def _not_kept_hint() -> str:
    return _("nothing was written; set satisfaction and answers by hand")


def _refusal(
    body: str, source_name: str, node: Span, index: int | None, message: str, hint: str
) -> InputError:
    line, column = _position(body, node.start)
    path = "handoffs" if index is None else f"handoffs[{index}]"
    return InputError([Issue(source_name, line, column, message, path, hint)])
