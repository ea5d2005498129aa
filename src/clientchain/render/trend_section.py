"""The trend section of the Markdown report (``report ORG --trend -o informe.md``).

What changed since the previous period (the attention findings about the last point and
``diff`` of the last two versions read: changes, metrics, findings new and resolved), the
forecast, and a Mermaid ``xychart-beta`` line chart per series: the constraint's
utilization and the utilization of the departments busiest at the last point. Versions
that could not be read are left out of the charts.
"""

from __future__ import annotations

from collections.abc import Callable

from clientchain.analysis.diff import diff_orgs
from clientchain.checks import check_org
from clientchain.i18n import _
from clientchain.output.diff import diff_markdown
from clientchain.render.dot import clean_text
from clientchain.trend.result import TrendResult
from clientchain.trend.series import Point

__all__ = ["CHARTED", "trend_markdown_section"]

CHARTED = 3
"""How many of the busiest departments get a chart of their own."""


Escape = Callable[[str], str]


def trend_markdown_section(result: TrendResult, md: Escape) -> list[str]:
    """The section's lines; ``md`` makes text safe in Markdown (``md_text``)."""
    read = [p for p in result.points if p.ok]
    first, last = result.points[0], result.points[-1]
    lines = ["", "## " + md(_("Trend")), ""]
    lines.append(
        md(
            _("{n} versions read, {first} … {last}.").format(
                n=len(read), first=first.label, last=last.label
            )
        )
    )
    if len(read) >= 2:
        lines += _changes(result, read[-2], read[-1], md)
    lines += ["", "### " + md(_("Forecast")), ""]
    forecasts = [f for f in result.findings if f.rule == "forecast-overload"]
    lines += [f"- {md(f.message)}" for f in forecasts] or [
        md(_("No department overloads within the horizon at its recent rate."))
    ]
    lines += _charts(read, md)
    return lines


def _changes(result: TrendResult, before: Point, after: Point, md: Escape) -> list[str]:
    assert before.org is not None
    assert after.org is not None
    heading = _("What changed since {period}").format(period=before.label)
    lines = ["", f"### {md(heading)}", ""]
    attention = [
        f for f in result.findings if dict(f.details).get("period") == after.label
        and f.rule != "forecast-overload"
    ]  # fmt: skip
    lines += [f"- {md(f.message)}" for f in attention]
    change = diff_orgs(before.org, after.org, check=check_org)
    body = diff_markdown(change).split("\n")[1:]  # its own title names the two sources
    while body and not body[0]:
        body = body[1:]
    return [*lines, "", *body] if attention else [*lines, *body]


def _charts(read: list[Point], md: Escape) -> list[str]:
    if len(read) < 2:
        return []
    last = read[-1]
    busiest = sorted(
        (d for d in last.departments.values() if d.utilization is not None),
        key=lambda d: -(d.utilization or 0.0),
    )[:CHARTED]
    series: list[tuple[str, list[float | None]]] = [
        (_("Utilization of the constraint"), [p.constraint_utilization for p in read])
    ]
    assert last.org is not None
    for dept in busiest:
        title = _("Utilization of {department}").format(department=last.org.describe(dept.id))
        values = [
            p.departments[dept.id].utilization if dept.id in p.departments else None for p in read
        ]
        series.append((title, values))
    lines = ["", "### " + md(_("Charts"))]
    labels = ", ".join(f'"{p.label}"' for p in read)
    for at, (title, values) in enumerate(series):
        if any(v is None for v in values) or (
            at == 0 and len(series) > 1 and series[1][1] == values
        ):
            continue  # a line chart needs every point; the constraint was always the busiest
        shown = [round((v or 0.0) * 100, 1) for v in values]
        top = max(100.0, *shown)
        lines += [
            "",
            "```mermaid",
            "xychart-beta",
            f'    title "{_mermaid(title)}"',
            f"    x-axis [{labels}]",
            f'    y-axis "%" 0 --> {_plain(top)}',
            f"    line [{', '.join(_plain(v) for v in shown)}]",
            "```",
        ]
    return lines


def _mermaid(text: str) -> str:
    """A title safe inside Mermaid's double quotes."""
    return clean_text(text).replace('"', "'").replace("\n", " ")


def _plain(value: float) -> str:
    """``62.5``, ``50`` (a dot whatever the language: Mermaid's syntax)."""
    return f"{value:g}"
