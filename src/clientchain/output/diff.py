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
from typing import TYPE_CHECKING, Any

from clientchain.numbers import (
    duration,
    given,
    name_id,
    pct,
    points,
    signed_duration,
    signed_pct,
    unknown_text,
)
from clientchain.output.common import dumps, finding_dict

if TYPE_CHECKING:
    from clientchain.analysis.diff import (
        EntityChange,
        FieldChange,
        FindingChange,
        MetricDelta,
        OrgDiff,
    )

__all__ = ["diff_json", "diff_markdown", "diff_text", "field_value", "metric_value"]

_HOURS = frozenset({"capacity", "other_load", "effort", "wait", "lead_time"})
_PERCENT = frozenset({"quality", "near_capacity", "min_rolled_quality"})
_KINDS = ("organization", "department", "client", "supplier", "handoff", "chain")
_SIGN = {"added": "+", "removed": "-", "changed": "~"}
_METRIC = {
    "utilization": "utilization",
    "lead_time_hours": "lead time",
    "rolled_quality": "rolled quality",
}


def field_value(name: str, value: Any) -> str:
    """A field's value as ``map`` writes it: ``2.5 h``, ``30 min``, ``90%``, ``none``, ``[a, b]``.

    >>> field_value("steps[0].effort", 2.5), field_value("quality", 0.9), field_value("tags", [])
    ('2.5 h', '90%', '[]')
    """
    if value is None:
        return unknown_text() if name.endswith("effort") else "none"  # an effort None is unknown
    if isinstance(value, list):
        return f"[{', '.join(str(v) for v in value)}]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    leaf = name.rsplit(".", 1)[-1]
    if leaf in _HOURS:
        return duration(value)
    if leaf in _PERCENT:
        return pct(value)
    return f"{given(value)}"


def metric_value(metric: str, value: float | None, present: bool = True) -> str:
    """``75%`` for utilization and rolled quality, ``13 h`` for lead time, ``∞``, ``none``
    (not in that version) or ``unknown`` (``present`` but not known)."""
    if value is None:
        return unknown_text() if present else "none"
    if math.isinf(value):
        return "∞"
    return duration(value) if metric == "lead_time_hours" else pct(value)


def metric_change(delta: MetricDelta) -> str:
    """``+20 pts``, ``+2 h, +15.4%``, ``new``, ``removed`` or ``change unknown``."""
    if delta.old is None and not delta.old_present:
        return "new"
    if delta.new is None and not delta.new_present:
        return "removed"
    if delta.old is None or delta.new is None:
        return f"change {unknown_text()}"
    change = delta.delta
    if change is None or math.isnan(change) or math.isinf(change):
        return "∞" if change is not None and not math.isnan(change) else "n/a"
    if delta.metric == "lead_time_hours":
        share = f", {signed_pct(change / delta.old)}" if delta.old else ""
        return f"{signed_duration(change)}{share}"
    return points(change)


# -- text ----------------------------------------------------------------------------------


def diff_text(diff: OrgDiff) -> str:
    """Plain, stable lines: changes by kind, metrics, constraint shifts, regressions."""
    lines = [f"diff: {diff.old.source} → {diff.new.source}"]
    if diff.empty:
        return "\n".join([*lines, "no changes"])
    for kind in _KINDS:
        changes = [c for c in diff.entities if c.kind == kind]
        if changes:
            lines.append(f"{_plural(kind)}:")
            lines += [f"  {_SIGN[c.status]} {_entity_text(diff, c)}" for c in changes]
    if diff.metrics:
        lines.append("metrics:")
        lines += [f"  {_metric_text(diff, m)}" for m in diff.metrics]
    if diff.shifted:
        old, new = _node(diff, diff.constraint.old), _node(diff, diff.constraint.new)
        lines.append(f"constraint: {old} → {new}")
    for shift in diff.chain_constraints:
        chain = _chain(diff, shift.chain or "")
        lines.append(
            f"constraint of chain {chain}: {_node(diff, shift.old)} → {_node(diff, shift.new)}"
        )
    lines += _findings_text(diff)
    lines.append("regressions:" if diff.regressions else "regressions: none")
    lines += [f"  {r.message}" for r in diff.regressions]
    return "\n".join(lines)


def _findings_text(diff: OrgDiff) -> list[str]:
    """``findings:`` then ``+`` for each that appears and ``-`` for each resolved."""
    if not diff.findings_checked:
        return []
    changed = [("+", f) for f in diff.findings_appeared]
    changed += [("-", f) for f in diff.findings_resolved]
    if not changed:
        return ["findings: none"]
    return ["findings:", *(f"  {sign} {_finding_line(f)}" for sign, f in changed)]


def _finding_line(item: FindingChange) -> str:
    """As ``check`` writes it: ``file:line:col: severity [rule] message``."""
    return f"{item.file}:{item.line}:{item.column}: {item.severity} [{item.rule}] {item.message}"


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
    return (
        f"{_METRIC[delta.metric]} of {_metric_subject(diff, delta)}: "
        f"{old} → {new} ({metric_change(delta)})"
    )


# -- JSON ----------------------------------------------------------------------------------


def diff_json(diff: OrgDiff) -> str:
    """The ``diff --format json`` document (non-finite numbers are ``null``)."""
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
            "regressions": [
                {"kind": r.kind, "id": r.id, "message": r.message} for r in diff.regressions
            ],
            "lead_time_tolerance": diff.lead_time_tolerance,
        }
    )


def _findings_dict(diff: OrgDiff) -> dict[str, Any] | None:
    if not diff.findings_checked:
        return None
    return {
        "appeared": [finding_dict(f) for f in diff.findings_appeared],
        "resolved": [finding_dict(f) for f in diff.findings_resolved],
    }


def _entity_dict(change: EntityChange) -> dict[str, Any]:
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
    lines = [f"### clientchain diff: {_code(diff.old.source)} → {_code(diff.new.source)}", ""]
    if diff.empty:
        return "\n".join([*lines, "No changes to the customer chain."])
    lines += [_headline(diff), ""]
    if diff.regressions:
        lines += ["#### Regressions", ""]
        lines += [f"- :warning: {_md(r.message)}" for r in diff.regressions]
        lines.append("")
    if diff.entities:
        lines += ["#### Changes", "", "| | kind | entity | what changed |", "|---|---|---|---|"]
        lines += [_change_row(diff, c) for c in diff.entities]
        lines.append("")
    if diff.metrics:
        lines += ["#### Metrics", "", "| entity | metric | before | after | change |"]
        lines.append("|---|---|--:|--:|--:|")
        lines += [_metric_row(diff, m) for m in diff.metrics]
        lines.append("")
    if diff.findings_appeared or diff.findings_resolved:
        lines += ["#### Findings", ""]
        lines += [_finding_item("appeared", f) for f in diff.findings_appeared]
        lines += [_finding_item("resolved", f) for f in diff.findings_resolved]
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _finding_item(status: str, item: FindingChange) -> str:
    place = _code(f"{item.file}:{item.line}:{item.column}")
    return f"- {status}: {place} {item.severity} {_md(f'[{item.rule}] {item.message}')}"


def _headline(diff: OrgDiff) -> str:
    counts = [f"{len(diff.by_status(s))} {s}" for s in ("added", "removed", "changed")]
    parts = [f"**{' · '.join(counts)}**"]
    old, new = _node(diff, diff.constraint.old), _node(diff, diff.constraint.new)
    parts.append(
        f"constraint {_md(old)} → {_md(new)}" if diff.shifted else f"constraint {_md(new)}"
    )
    found = len(diff.regressions)
    parts.append(
        f":warning: {found} regression{'' if found == 1 else 's'}" if found else "no regression"
    )
    return " · ".join(parts)


def _change_row(diff: OrgDiff, change: EntityChange) -> str:
    what = "<br>".join(
        f"{_code(f.field)}: {_md(field_value(f.field, f.old))} → {_md(field_value(f.field, f.new))}"
        for f in change.fields
    )
    return f"| {change.status} | {change.kind} | {_md(_label(diff, change))} | {what} |"


def _metric_row(diff: OrgDiff, delta: MetricDelta) -> str:
    cells = [
        _md(_metric_subject(diff, delta)),
        _METRIC[delta.metric],
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


# -- shared --------------------------------------------------------------------------------


def _label(diff: OrgDiff, change: EntityChange) -> str:
    if change.kind == "organization":
        return change.name
    if change.kind == "handoff":
        source, _, target = change.id.partition("->")
        return f"{_node(diff, source)} → {_node(diff, target)}"
    return name_id(change.name or change.id, change.id)


def _node(diff: OrgDiff, node_id: str | None) -> str:
    """``Name (id)`` of a department, client or supplier of either version; ``none``."""
    if node_id is None:
        return "none"
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


def _plural(kind: str) -> str:
    return "organization" if kind == "organization" else f"{kind}s"
