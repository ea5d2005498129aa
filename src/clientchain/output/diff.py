"""``clientchain diff`` formatters: plain text, JSON and Markdown for a pull-request comment.

Pure functions of an :class:`~clientchain.analysis.diff.OrgDiff`. Values are
written as every other command writes them (:mod:`clientchain.numbers`):
durations in hours, under an hour in minutes (``4 h``, ``30 min``), fractions as
percentages (``90%``), changes of a percentage in points (``+16.7 pts``), names as
``Name (id)``; ``none`` (``null`` in JSON) where a value is not given. JSON keeps
ids and plain numbers (hours and fractions).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clientchain.i18n import N_, NC_, _, pgettext, use
from clientchain.numbers import (
    duration,
    given,
    name_id,
    pct,
    plural,
    points,
    signed_duration,
    signed_pct,
    unknown_text,
)
from clientchain.output.common import dumps, finding_dict, none, severity_word
from clientchain.terms import term

if TYPE_CHECKING:
    from clientchain.analysis.diff import (
        EntityChange,
        FieldChange,
        FindingChange,
        MetricDelta,
        OrgDiff,
    )

__all__ = [
    "DiffRows",
    "diff_json",
    "diff_markdown",
    "diff_rows",
    "diff_text",
    "field_value",
    "metric_value",
]

_HOURS = frozenset({"capacity", "other_load", "effort", "wait", "lead_time"})
_PERCENT = frozenset({"quality", "near_capacity", "min_rolled_quality", "lead_time_rise"})
_KINDS = ("organization", "department", "client", "supplier", "handoff", "chain")
_SIGN = {"added": "+", "removed": "-", "changed": "~"}
_METRIC = {
    "utilization": N_("utilization"),
    "lead_time_hours": N_("lead time"),
    "rolled_quality": N_("rolled quality"),
}
_HEADINGS = {
    "organization": N_("organization"),
    "department": N_("departments"),
    "client": N_("clients"),
    "supplier": N_("suppliers"),
    "handoff": N_("handoffs"),
    "chain": N_("chains"),
}
"""The heading of each kind's changes in plain text."""
_KIND_WORDS = {
    "organization": NC_("kind of entity", "organization"),
    "department": NC_("kind of entity", "department"),
    "client": NC_("kind of entity", "client"),
    "supplier": NC_("kind of entity", "supplier"),
    "handoff": NC_("kind of entity", "handoff"),
    "chain": NC_("kind of entity", "chain"),
}
"""The kind of an entity in the Markdown table's ``kind`` column."""
_STATUS_WORDS = {
    "added": NC_("change", "added"),
    "removed": NC_("change", "removed"),
    "changed": NC_("change", "changed"),
    "appeared": NC_("change", "appeared"),
    "resolved": NC_("change", "resolved"),
}
"""What happened to an entity or a finding, in the Markdown comment."""
_TERMS = {"kind": "kind", "type": "type", "client_role": "role", "period": "period"}
"""Fields whose values are enumerated: the value is shown as :func:`~clientchain.terms.term`."""


def _metric(metric: str) -> str:
    return _(_METRIC[metric])  # i18n: N_ table


def _status(status: str) -> str:
    return pgettext("change", _STATUS_WORDS[status])  # i18n: N_ table


def _kind(kind: str) -> str:
    if kind not in _KIND_WORDS:
        return kind
    return pgettext("kind of entity", _KIND_WORDS[kind])  # i18n: N_ table


def field_value(name: str, value: Any) -> str:
    """A field's value as ``map`` writes it: ``2.5 h``, ``30 min``, ``90%``, ``none``, ``[a, b]``.

    >>> field_value("steps[0].effort", 2.5), field_value("quality", 0.9), field_value("tags", [])
    ('2.5 h', '90%', '[]')
    """
    if value is None:
        return unknown_text() if name.endswith("effort") else none()  # an effort None is unknown
    if isinstance(value, list):
        return f"[{', '.join(str(v) for v in value)}]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    leaf = name.rsplit(".", 1)[-1]
    if isinstance(value, str) and leaf in _TERMS:
        return term(_TERMS[leaf], value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if leaf in _HOURS:
        return duration(value)
    if leaf in _PERCENT:
        return pct(value)
    return f"{given(value)}"


def metric_value(metric: str, value: float | None, present: bool = True) -> str:
    """``75%`` for utilization and rolled quality, ``13 h`` for lead time, ``∞``, ``none``
    (not in that version) or ``unknown`` (``present`` but not known)."""
    if value is None:
        return unknown_text() if present else none()
    if math.isinf(value):
        return "∞"
    return duration(value) if metric == "lead_time_hours" else pct(value)


def metric_change(delta: MetricDelta) -> str:
    """``+20 pts``, ``+2 h, +15.4%``, ``new``, ``removed`` or ``change unknown``."""
    if delta.old is None and not delta.old_present:
        # TRANSLATORS: a metric of an entity that is new in this version
        return pgettext("metric", "new")
    if delta.new is None and not delta.new_present:
        # TRANSLATORS: a metric of an entity that was removed in this version
        return pgettext("metric", "removed")
    if delta.old is None or delta.new is None:
        return _("change unknown")
    change = delta.delta
    if change is None or math.isnan(change) or math.isinf(change):
        # TRANSLATORS: not applicable (a change that is no number)
        return "∞" if change is not None and not math.isnan(change) else _("n/a")
    if delta.metric == "lead_time_hours":
        share = f", {signed_pct(change / delta.old)}" if delta.old else ""
        return f"{signed_duration(change)}{share}"
    return points(change)


# -- text ----------------------------------------------------------------------------------


def diff_text(diff: OrgDiff) -> str:
    """Plain, stable lines: changes by kind, metrics, constraint shifts, regressions."""
    # TRANSLATORS: the heading of diff's output: "diff: old.yaml → new.yaml"
    lines = [_("diff") + f": {diff.old.source} → {diff.new.source}"]
    if diff.empty:
        return "\n".join([*lines, _("no changes")])
    for kind in _KINDS:
        changes = [c for c in diff.entities if c.kind == kind]
        if changes:
            lines.append(_(_HEADINGS[kind]) + ":")  # i18n: N_ table
            lines += [f"  {_SIGN[c.status]} {_entity_text(diff, c)}" for c in changes]
    if diff.metrics:
        lines.append(_("metrics") + ":")
        lines += [f"  {_metric_text(diff, m)}" for m in diff.metrics]
    if diff.shifted:
        old, new = _node(diff, diff.constraint.old), _node(diff, diff.constraint.new)
        lines.append(_("constraint") + f": {old} → {new}")
    for shift in diff.chain_constraints:
        lines.append(
            _("constraint of chain {chain}: {old} → {new}").format(
                chain=_chain(diff, shift.chain or ""),
                old=_node(diff, shift.old),
                new=_node(diff, shift.new),
            )
        )
    lines += _findings_text(diff)
    regressions = _("regressions")
    lines.append(f"{regressions}:" if diff.regressions else f"{regressions}: {none()}")
    lines += [f"  {r.message}" for r in diff.regressions]
    return "\n".join(lines)


def _findings_text(diff: OrgDiff) -> list[str]:
    """``findings:`` then ``+`` for each that appears and ``-`` for each resolved."""
    if not diff.findings_checked:
        return []
    changed = [("+", f) for f in diff.findings_appeared]
    changed += [("-", f) for f in diff.findings_resolved]
    if not changed:
        return [_("findings") + f": {none()}"]
    return [_("findings") + ":", *(f"  {sign} {_finding_line(f)}" for sign, f in changed)]


def _finding_line(item: FindingChange) -> str:
    """As ``check`` writes it: ``file:line:col: severity [rule] message``."""
    severity = severity_word(item.severity)
    return f"{item.file}:{item.line}:{item.column}: {severity} [{item.rule}] {item.message}"


def _entity_text(diff: OrgDiff, change: EntityChange) -> str:
    title = _label(diff, change)
    if change.status != "changed":
        return title
    return f"{title}: " + "; ".join(_field_text(f) for f in change.fields)


def _field_text(change: FieldChange) -> str:
    old, new = field_value(change.field, change.old), field_value(change.field, change.new)
    return f"{change.field} {old} → {new}"


def _metric_text(diff: OrgDiff, delta: MetricDelta) -> str:
    old = metric_value(delta.metric, delta.old, delta.old_present)
    new = metric_value(delta.metric, delta.new, delta.new_present)
    return _("{metric} of {subject}: {old} → {new} ({change})").format(
        metric=_metric(delta.metric),
        subject=_metric_subject(diff, delta),
        old=old,
        new=new,
        change=metric_change(delta),
    )


# -- JSON ----------------------------------------------------------------------------------


def diff_json(diff: OrgDiff) -> str:
    """The ``diff --format json`` document (non-finite numbers are ``null``)."""
    # i18n: JSON keys and enum values are the machine contract in every language
    return dumps(
        {
            "old": diff.old.source,
            "new": diff.new.source,
            "empty": diff.empty,
            "added": [_entity_dict(c) for c in diff.by_status("added")],
            "removed": [_entity_dict(c) for c in diff.by_status("removed")],
            "changed": [_entity_dict(c) for c in diff.by_status("changed")],
            "metrics": [
                {
                    "kind": m.kind,
                    "id": m.id,
                    "metric": m.metric,
                    "old": _finite(m.old),
                    "new": _finite(m.new),
                    "delta": _finite(m.delta),
                }
                for m in diff.metrics
            ],
            "constraint": {
                "old": diff.constraint.old,
                "new": diff.constraint.new,
                "shifted": diff.shifted,
            },
            "chain_constraints": [
                {"chain": s.chain, "old": s.old, "new": s.new} for s in diff.chain_constraints
            ],
            "findings": _findings_dict(diff),
            "regressions": _regressions_dict(diff),
            "lead_time_tolerance": diff.lead_time_tolerance,
        }
    )


def _regressions_dict(diff: OrgDiff) -> list[dict[str, Any]]:
    """The regressions, their messages in English as every JSON output keeps them: a
    script reading the document gets the same text whatever the language of the run."""
    with use("en"):
        return [{"kind": r.kind, "id": r.id, "message": r.message} for r in diff.regressions]


def _findings_dict(diff: OrgDiff) -> dict[str, Any] | None:
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    if not diff.findings_checked:
        return None
    return {
        "appeared": [finding_dict(f) for f in diff.findings_appeared],
        "resolved": [finding_dict(f) for f in diff.findings_resolved],
    }


def _entity_dict(change: EntityChange) -> dict[str, Any]:
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    entry: dict[str, Any] = {"kind": change.kind, "id": change.id, "name": change.name}
    if change.status == "changed":
        entry["fields"] = [
            {"field": f.field, "old": _json_value(f.old), "new": _json_value(f.new)}
            for f in change.fields
        ]
    return entry


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _json_value(value: Any) -> Any:
    if isinstance(value, float):
        return _finite(value)
    return value


# -- Markdown ------------------------------------------------------------------------------


def diff_markdown(diff: OrgDiff) -> str:
    """A pull-request comment: a headline, regressions, changes and metrics as tables."""
    title = _("clientchain diff: {old} → {new}").format(
        old=_code(diff.old.source), new=_code(diff.new.source)
    )
    lines = [f"### {title}", ""]
    if diff.empty:
        return "\n".join([*lines, _("No changes to the customer chain.")])
    lines += [_headline(diff), ""]
    if diff.regressions:
        lines += ["#### " + _("Regressions"), ""]
        lines += [f"- :warning: {_md(r.message)}" for r in diff.regressions]
        lines.append("")
    if diff.entities:
        changes = ("", _("kind"), _("entity"), _("what changed"))
        lines += ["#### " + _("Changes"), "", _row(changes), "|---|---|---|---|"]
        lines += [_change_row(diff, c) for c in diff.entities]
        lines.append("")
    if diff.metrics:
        metrics = _("entity"), _("metric"), _("before"), _("after"), _("change")
        lines += ["#### " + _("Metrics"), "", _row(metrics)]
        lines.append("|---|---|--:|--:|--:|")
        lines += [_metric_row(diff, m) for m in diff.metrics]
        lines.append("")
    if diff.findings_appeared or diff.findings_resolved:
        lines += ["#### " + _("Findings"), ""]
        lines += [_finding_item("appeared", f) for f in diff.findings_appeared]
        lines += [_finding_item("resolved", f) for f in diff.findings_resolved]
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _row(cells: tuple[str, ...]) -> str:
    """A Markdown table row: ``| a | b |`` (an empty cell stays one space wide)."""
    return ("| " + " | ".join(cells) + " |").replace("|  |", "| |")


def _finding_item(status: str, item: FindingChange) -> str:
    place = _code(f"{item.file}:{item.line}:{item.column}")
    severity = severity_word(item.severity)
    return f"- {_status(status)}: {place} {severity} {_md(f'[{item.rule}] {item.message}')}"


def _headline(diff: OrgDiff) -> str:
    counts, constraint, regressions = _headline_parts(diff, _md)
    flag = f":warning: {regressions}" if regressions else _("no regression")
    return " · ".join((f"**{counts}**", constraint, flag))


def _headline_parts(diff: OrgDiff, shown: Callable[[str], str]) -> tuple[str, str, str]:
    """The headline's counts (``1 added · 0 removed · 2 changed``), its constraint (names as
    ``shown`` writes them) and its regressions (``""`` without any)."""
    added, removed, changed = (len(diff.by_status(s)) for s in ("added", "removed", "changed"))
    counts = " · ".join(
        (
            plural(added, "{n} added", "{n} added"),
            plural(removed, "{n} removed", "{n} removed"),
            plural(changed, "{n} changed", "{n} changed"),
        )
    )
    old, new = _node(diff, diff.constraint.old), _node(diff, diff.constraint.new)
    if diff.shifted:
        constraint = _("constraint {old} → {new}").format(old=shown(old), new=shown(new))
    else:
        constraint = _("constraint {constraint}").format(constraint=shown(new))
    found = len(diff.regressions)
    return counts, constraint, plural(found, "{n} regression", "{n} regressions") if found else ""


def _change_row(diff: OrgDiff, change: EntityChange) -> str:
    what = "<br>".join(
        f"{_code(f.field)}: {_md(field_value(f.field, f.old))} → {_md(field_value(f.field, f.new))}"
        for f in change.fields
    )
    kind, label = _kind(change.kind), _md(_label(diff, change))
    return f"| {_status(change.status)} | {kind} | {label} | {what} |"


def _metric_row(diff: OrgDiff, delta: MetricDelta) -> str:
    cells = [
        _md(_metric_subject(diff, delta)),
        _metric(delta.metric),
        metric_value(delta.metric, delta.old, delta.old_present),
        metric_value(delta.metric, delta.new, delta.new_present),
        metric_change(delta),
    ]
    return "| " + " | ".join(cells) + " |"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _md(text: str) -> str:
    """Text that Markdown and HTML show as written (no markup, no table breaks)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\r", " ").replace("\n", " ")


def _code(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace('|', '¦')}{pad}{fence}"


# -- rows, for other documents -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DiffRows:
    """The Markdown comment's content as plain text (the report's trend section in HTML,
    the deck): its headline, the changes' and the metrics' tables, the findings' lines."""

    headline: str
    changes: tuple[tuple[str, ...], ...]
    metrics: tuple[tuple[str, ...], ...]
    findings: tuple[str, ...]

    @staticmethod
    def change_headers() -> tuple[str, ...]:
        """The changes' column headers."""
        return ("", _("kind"), _("entity"), _("what changed"))

    @staticmethod
    def metric_headers() -> tuple[str, ...]:
        """The metrics' column headers."""
        return (_("entity"), _("metric"), _("before"), _("after"), _("change"))


def diff_rows(diff: OrgDiff) -> DiffRows:
    """What :func:`diff_markdown` shows, as plain text cells (nothing escaped)."""
    counts, constraint, regressions = _headline_parts(diff, str)
    headline = " · ".join((counts, constraint, regressions or _("no regression")))
    changes = tuple(
        (
            _status(c.status),
            _kind(c.kind),
            _label(diff, c),
            "\n".join(
                f"{f.field}: {field_value(f.field, f.old)} → {field_value(f.field, f.new)}"
                for f in c.fields
            ),
        )
        for c in diff.entities
    )
    metrics = tuple(
        (
            _metric_subject(diff, m),
            _metric(m.metric),
            metric_value(m.metric, m.old, m.old_present),
            metric_value(m.metric, m.new, m.new_present),
            metric_change(m),
        )
        for m in diff.metrics
    )
    findings = tuple(
        f"{_status(status)}: {_finding_line(item)}"
        for status, items in (
            ("appeared", diff.findings_appeared),
            ("resolved", diff.findings_resolved),
        )
        for item in items
    )
    return DiffRows(headline, changes, metrics, findings)


# -- shared --------------------------------------------------------------------------------


def _label(diff: OrgDiff, change: EntityChange) -> str:
    if change.kind == "organization":
        return change.name
    if change.kind == "handoff":
        source, _arrow, target = change.id.partition("->")
        return f"{_node(diff, source)} → {_node(diff, target)}"
    return name_id(change.name or change.id, change.id)


def _node(diff: OrgDiff, node_id: str | None) -> str:
    """``Name (id)`` of a department, client or supplier of either version; ``none``."""
    if node_id is None:
        return none()
    for org in (diff.new, diff.old):
        name = org.label(node_id)
        if name != node_id:
            return name_id(name, node_id)
    return node_id


def _chain(diff: OrgDiff, chain_id: str) -> str:
    for org in (diff.new, diff.old):
        if chain_id in org.chains:
            return org.chains[chain_id].describe()
    return chain_id


def _metric_subject(diff: OrgDiff, delta: MetricDelta) -> str:
    if delta.kind == "chain":
        return _chain(diff, delta.id)
    return _node(diff, delta.id)
