"""``clientchain trend`` as text, JSON and Markdown (pure functions of the result).

Text has one table per section with a row per point (plain columns, stable for a
pipe); on a terminal (``spark=True``) each series is one line with a sparkline,
its first and its last value. A point that could not be read shows its first issue.
:class:`View` holds ``--only`` and the ``--department`` / ``--chain`` filters.

>>> sparkline([1.0, 2.0, None, 4.0])
'▁▃ █'
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from clientchain.i18n import _, ngettext
from clientchain.numbers import duration, finite, num, pct, rating
from clientchain.output.common import dumps, finding_dict, finding_line, severity_word
from clientchain.trend.result import TrendResult
from clientchain.trend.series import Point

__all__ = ["SECTIONS", "View", "sparkline", "trend_json", "trend_markdown", "trend_text"]

SECTIONS = ("departments", "chains", "handoffs", "findings")
"""The values of ``--only``."""

_BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class View:
    """What to show: ``only`` a section (``None``: all), and the departments and chains
    kept (empty: all)."""

    only: str | None = None
    departments: tuple[str, ...] = ()
    chains: tuple[str, ...] = ()

    def shows(self, section: str) -> bool:
        """Whether ``section`` is shown (the overview only without ``--only``)."""
        return self.only is None or self.only == section


Series = tuple[str, list[Any], Callable[[Any], str]]
"""A row of the sparkline view: its name, its values per point, how a value is written."""


def sparkline(values: Sequence[float | None]) -> str:
    """One bar per value, scaled between the series' least and greatest; a blank for none."""
    known = [v for v in values if v is not None and math.isfinite(v)]
    if not known:
        return " " * len(values)
    low, high = min(known), max(known)
    span = high - low
    bars = []
    for value in values:
        if value is None or not math.isfinite(value):
            bars.append(" ")
        else:
            at = 0 if span == 0 else round((value - low) / span * (len(_BARS) - 1))
            bars.append(_BARS[at])
    return "".join(bars)


# -- the series --------------------------------------------------------------------------------


def _sections(result: TrendResult, view: View) -> list[tuple[str, list[Series]]]:
    points = result.points
    sections: list[tuple[str, list[Series]]] = []
    if view.only is None:
        sections.append((_("Constraint"), _overview(points)))
    if view.shows("departments"):
        rows: list[Series] = [
            (name, [_dept(p, dept_id) for p in points], pct)
            for dept_id, name in _ids(points, "departments", view.departments)
        ]
        sections.append((_("Utilization per department"), rows))
    if view.shows("chains"):
        rows = []  # one list of Series for every section
        for chain_id, name in _ids(points, "chains", view.chains):
            rows += [
                (f"{name}: " + _("demand"), [_chain(p, chain_id, "demand") for p in points], num),
                (
                    f"{name}: " + _("lead time"),
                    [_chain(p, chain_id, "lead_time_hours") for p in points],
                    duration,
                ),
                (
                    f"{name}: " + _("rolled quality"),
                    [_chain(p, chain_id, "rolled_quality") for p in points],
                    pct,
                ),
            ]
        sections.append((_("Chains"), rows))
    if view.shows("handoffs"):
        sections.append((_("Satisfaction per handoff"), _handoffs(points, view)))
    if view.shows("findings"):
        rows = [
            (severity_word(s), [float(p.findings[s]) if p.ok else None for p in points], num)
            for s in ("error", "warning", "info")
        ]
        sections.append((_("Findings of the rules"), rows))
    return sections


def _overview(points: Sequence[Point]) -> list[Series]:
    return [
        (_("constraint"), [p.constraint for p in points], str),
        (_("constraint's utilization"), [p.constraint_utilization for p in points], pct),
        (_("headroom"), [finite(p.headroom) if p.ok else None for p in points], _factor),
        (_("demand limit"), [finite(p.demand_limit) if p.ok else None for p in points], _factor),
    ]


def _factor(value: float | None) -> str:
    return "—" if value is None else "×" + num(value)


def _ids(points: Sequence[Point], kind: str, kept: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(id, name)`` of every department or chain of any point, first seen first."""
    found: dict[str, str] = {}
    for point in points:
        for key, item in getattr(point, kind).items():
            if not kept or key in kept:
                found.setdefault(key, item.name)
    return list(found.items())


def _dept(point: Point, dept_id: str) -> float | None:
    dept = point.departments.get(dept_id)
    return None if dept is None else dept.utilization


def _chain(point: Point, chain_id: str, attribute: str) -> float | None:
    chain = point.chains.get(chain_id)
    return None if chain is None else finite(getattr(chain, attribute))


def _handoffs(points: Sequence[Point], view: View) -> list[Series]:
    keys: dict[str, None] = {}
    for point in points:
        for key, handoff in point.handoffs.items():
            if handoff.satisfaction is None:
                continue
            if view.departments and not {handoff.source, handoff.target} & set(view.departments):
                continue
            keys.setdefault(key)
    rows: list[Series] = []
    for key in keys:
        values = [p.handoffs[key].satisfaction if key in p.handoffs else None for p in points]
        rows.append((key.replace("->", " → "), values, _rating))
        answers = [_answers(p, key) for p in points]
        if any(a is not None for a in answers):
            rows.append(("  " + _("answers"), answers, num))
    return rows


def _answers(point: Point, key: str) -> float | None:
    handoff = point.handoffs.get(key)
    return None if handoff is None or handoff.answers is None else float(handoff.answers)


def _rating(value: float | None) -> str:
    return "—" if value is None else rating(value)


def _value(write: Callable[[Any], str], value: Any) -> str:
    return "—" if value is None else write(value)


# -- text --------------------------------------------------------------------------------------


def trend_text(result: TrendResult, view: View | None = None, *, spark: bool = False) -> str:
    """The series as text: plain columns (a row per point), or a sparkline per series."""
    view = view or View()
    points = result.points
    lines = [_headline(result), ""]
    for title, rows in _sections(result, view):
        lines.append(title)
        if spark:
            lines += _spark_rows(rows)
        else:
            lines += _table(points, rows)
        lines.append("")
    unread = [p for p in points if not p.ok]
    if unread:
        lines.append(_("Versions that could not be read"))
        lines += [f"  {p.label}: {p.issues[0] if p.issues else p.source}" for p in unread]
        lines.append("")
    if view.shows("findings"):
        lines.append(_("What deserves attention"))
        lines += [f"  {finding_line(f)}" for f in result.findings] or ["  " + _("nothing")]
    return "\n".join(lines).rstrip("\n")


def _headline(result: TrendResult) -> str:
    points = result.points
    unread = sum(1 for p in points if not p.ok)
    first = next((p.org for p in points if p.org is not None), None)
    name = first.name if first is not None else "?"
    span = f"{points[0].label} … {points[-1].label}" if points else "—"
    text = ngettext(
        "Trend of {organization}: {n} point, {span}",
        "Trend of {organization}: {n} points, {span}",
        len(points),
    ).format(organization=name, n=len(points), span=span)
    if unread:
        # TRANSLATORS: after "Trend of X: 12 points, 2026-01 … 2026-12"
        text += " " + ngettext("({n} could not be read)", "({n} could not be read)", unread).format(
            n=unread
        )
    return text


def _spark_rows(rows: list[Series]) -> list[str]:
    width = max((len(name) for name, _values, _write in rows), default=0)
    out = []
    for name, values, write in rows:
        known = [v for v in values if v is not None]
        if any(isinstance(v, str) for v in known):
            runs = [v for i, v in enumerate(known) if i == 0 or known[i - 1] != v]
            out.append(f"  {name.ljust(width)}  {' → '.join(runs)}")
            continue
        ends = f"{_value(write, known[0])} → {_value(write, known[-1])}" if known else "—"
        out.append(f"  {name.ljust(width)}  {sparkline(values)}  {ends}")
    return out


def _table(points: Sequence[Point], rows: list[Series]) -> list[str]:
    header = [_("period"), *(name.strip() for name, _values, _write in rows)]
    body = [
        [point.label, *(_value(write, values[i]) for _name, values, write in rows)]
        for i, point in enumerate(points)
    ]
    widths = [max(len(r[c]) for r in [header, *body]) for c in range(len(header))]
    return [
        "  " + "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
        for r in [header, *body]
    ]


# -- JSON --------------------------------------------------------------------------------------


def trend_json(result: TrendResult, view: View | None = None) -> str:
    """``{"every", "points": [...], "findings": [...]}``; the fields are in docs/commands.md.

    ``--department`` and ``--chain`` keep only those in each point; ``--only`` does not
    change the JSON (its fields are fixed).
    """
    view = view or View()
    # i18n: JSON keys are the machine contract, the same in every language
    return dumps(
        {
            "every": result.every,
            "points": [_point_json(p, view) for p in result.points],
            "findings": [finding_dict(f) for f in result.findings],
        }
    )


def _point_json(point: Point, view: View) -> dict[str, Any]:
    # i18n: JSON keys are the machine contract, the same in every language
    return {
        "label": point.label,
        "source": point.source,
        "commit": point.commit or None,
        "date": point.date or None,
        "errors": [
            {"file": i.file, "line": i.line, "column": i.column, "message": i.message}
            for i in point.issues
        ],
        "constraint": point.constraint,
        "constraint_utilization": point.constraint_utilization,
        "headroom": finite(point.headroom),
        "demand_limit": finite(point.demand_limit),
        "departments": [
            {
                "id": d.id,
                "name": d.name,
                "load_hours": d.load_hours,
                "capacity_hours": d.capacity_hours,
                "utilization": finite(d.utilization),
                "headcount": d.headcount,
            }
            for d in point.departments.values()
            if not view.departments or d.id in view.departments
        ],
        "chains": [
            {
                "id": c.id,
                "name": c.name,
                "demand": c.demand,
                "lead_time_hours": finite(c.lead_time_hours),
                "rolled_quality": c.rolled_quality,
            }
            for c in point.chains.values()
            if not view.chains or c.id in view.chains
        ],
        "handoffs": [
            {"from": h.source, "to": h.target, "satisfaction": h.satisfaction, "answers": h.answers}
            for h in point.handoffs.values()
        ],
        "findings": dict(point.findings) if point.ok else None,
    }


# -- Markdown ----------------------------------------------------------------------------------


def trend_markdown(result: TrendResult, view: View | None = None) -> str:
    """Markdown: a table per section with a row per point, then what deserves attention."""
    view = view or View()
    points = result.points
    lines = [f"### {_md(_headline(result))}", ""]
    for title, rows in _sections(result, view):
        lines += [f"#### {_md(title)}", ""]
        header = [_("period"), *(_md(name.strip()) for name, _values, _write in rows)]
        lines.append(_row(header))
        lines.append("|---|" + "".join(_align(values) for _n, values, _w in rows))
        for i, point in enumerate(points):
            cells = [point.label, *(_value(write, values[i]) for _n, values, write in rows)]
            lines.append(_row(cells))
        lines.append("")
    unread = [p for p in points if not p.ok]
    if unread:
        title = _("Versions that could not be read")
        lines += [f"#### {_md(title)}", ""]
        lines += [f"- {p.label}: {_md(str(p.issues[0]) if p.issues else p.source)}" for p in unread]
        lines.append("")
    if view.shows("findings"):
        title = _("What deserves attention")
        lines += [f"#### {_md(title)}", ""]
        lines += [
            f"- {severity_word(f.severity)} `{f.rule}` {_md(f.message)}" for f in result.findings
        ] or [_md(_("nothing"))]
    return "\n".join(lines).rstrip("\n")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _md(text: str) -> str:
    """Text that Markdown and HTML show as written (no markup, no table breaks)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\r", " ").replace("\n", " ")


def _align(values: Sequence[Any]) -> str:
    """Numbers to the right, names to the left."""
    return "---|" if any(isinstance(v, str) for v in values) else "--:|"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"
