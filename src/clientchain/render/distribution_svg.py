"""The simulated lead-time distributions (:mod:`~clientchain.render.distribution_chart`) in
the report: each chain's histogram as inline SVG (HTML) or a table (Markdown).

In the SVG, hours run left to right on a linear scale from the first edge to the last (the
open last bar, ``≥ X h``, one bin wider, hatched); each bar is a ``<rect class="bar">``
with its count in ``data-value``; each percentile a dashed ``<line class="marker">`` with
its hours in ``data-hours``, labelled at the top in three rows (P50, P85, P95) so that
close markers never write over each other. Every text is escaped (:func:`html.escape`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from clientchain.analysis.simulation import SimulationReport
from clientchain.analysis.simulation_distribution import nice_width
from clientchain.controls import visible
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import num
from clientchain.output.simulation import simulation_headline
from clientchain.render.distribution_chart import DistributionChart
from clientchain.render.theme import Theme

__all__ = ["distribution_html", "distribution_markdown", "distribution_svg"]

WIDTH, HEIGHT = 960.0, 360.0
_LEFT, _RIGHT, _TOP, _BOTTOM = 64.0, 24.0, 58.0, 52.0
_ROW = 16.0
"""The height of a row of marker labels above the plot."""
ANCHOR = "simulation"  # i18n: an HTML anchor


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")  # i18n: SVG coordinates


def _ticks(chart: DistributionChart) -> list[int]:
    """The edges labelled under the axis: every one up to 12 bins, else every other."""
    step = 1 if len(chart.edges) <= 13 else 2
    return list(range(0, len(chart.edges), step))


def distribution_svg(chart: DistributionChart, theme: Theme) -> str:
    """An ``<svg>`` element of ``chart``: the bars on an hours scale, the percentile markers."""
    plot_width, plot_height = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM
    first, last = chart.edges[0], chart.edges[-1]
    width = chart.edges[1] - first if len(chart.edges) > 1 else 1.0
    end = last + (width if chart.open_end else 0.0)
    x_scale = plot_width / max(end - first, 1e-9)
    top = max(max(chart.counts, default=0), 1) * 1.05
    base = _TOP + plot_height

    def x(hours: float) -> float:
        return _LEFT + (hours - first) * x_scale

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart distribution" '
        f'data-chart="{_e(chart.key)}" viewBox="0 0 {_n(WIDTH)} {_n(HEIGHT)}" '
        f'width="{_n(WIDTH)}" height="{_n(HEIGHT)}" role="img" aria-label="{_e(chart.title)}" '
        f'font-family="{_e(theme.font)}" font-size="12">',
        f"<title>{_e(chart.title)}</title>",
        f'<defs><pattern id="open-{_e(chart.chain)}" width="6" height="6" '
        f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{chart.fill}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{chart.line}" stroke-width="1.5"/>'
        "</pattern></defs>",
        f'<rect width="{_n(WIDTH)}" height="{_n(HEIGHT)}" fill="{theme.background}"/>',
    ]
    for index, (label, count) in enumerate(zip(chart.labels, chart.counts, strict=True)):
        low = chart.edges[index] if index < len(chart.edges) else last
        high = chart.edges[index + 1] if index + 1 < len(chart.edges) else end
        height = count / top * plot_height
        opened = chart.open_end and index == len(chart.counts) - 1
        fill = f"url(#open-{_e(chart.chain)})" if opened else chart.fill
        units = _("{count} units").format(count=num(count))
        parts.append(
            f'<rect class="bar" x="{_n(x(low))}" y="{_n(base - height)}" '
            f'width="{_n((high - low) * x_scale)}" height="{_n(height)}" fill="{fill}" '
            f'stroke="{chart.line}" stroke-width="0.8" data-value="{count}">'
            f"<title>{_e(label)}: {_e(units)}</title></rect>"
        )
    parts.append(
        f'<line x1="{_n(_LEFT)}" y1="{_n(base)}" x2="{_n(x(end))}" y2="{_n(base)}" '
        f'stroke="{theme.muted}"/>'
    )
    step = max(nice_width(top / 4), 1.0)
    for level in (step * k for k in range(1, int(top // step) + 1)):
        y = base - level / top * plot_height
        parts.append(
            f'<line class="grid" x1="{_n(_LEFT)}" y1="{_n(y)}" x2="{_n(x(end))}" y2="{_n(y)}" '
            f'stroke="{theme.muted}" stroke-opacity="0.25"/>'
            f'<text x="{_n(_LEFT - 6)}" y="{_n(y + 4)}" text-anchor="end" '
            f'fill="{theme.muted}">{_e(num(level))}</text>'
        )
    for index in _ticks(chart):
        at = x(chart.edges[index])
        parts.append(
            f'<text class="tick" x="{_n(at)}" y="{_n(base + 16)}" text-anchor="middle" '
            f'fill="{theme.text}">{_e(num(chart.edges[index]))}</text>'
        )
    for row, marker in enumerate(chart.markers):
        at = x(marker.hours)
        anchor = "end" if at > _LEFT + plot_width * 0.8 else "start"
        shift = -4 if anchor == "end" else 4
        label_y = _TOP - 8 - (len(chart.markers) - 1 - row) * _ROW
        parts.append(
            f'<line class="marker" x1="{_n(at)}" y1="{_n(label_y + 4)}" x2="{_n(at)}" '
            f'y2="{_n(base)}" stroke="{marker.colour}" stroke-width="2" '
            f'stroke-dasharray="6 4" data-hours="{marker.hours!r}"/>'
        )
        parts.append(
            f'<text x="{_n(at + shift)}" y="{_n(label_y)}" text-anchor="{anchor}" '
            f'fill="{marker.colour}" font-weight="bold">'
            f"{_e(marker.name)} {_e(marker.text)}</text>"
        )
    middle = _TOP + plot_height / 2
    axis = f'<text x="14" y="{_n(middle)}" text-anchor="middle" '
    axis += f'transform="rotate(-90 14 {_n(middle)})" fill="{theme.muted}">'
    hours = _("Lead time (hours)")
    parts += [
        f"{axis}{_e(chart.axis)}</text>",
        f'<text x="{_n(_LEFT + plot_width / 2)}" y="{_n(HEIGHT - 10)}" text-anchor="middle" '
        f'fill="{theme.muted}">{_e(hours)}</text>',
        "</svg>",
    ]
    return "\n".join(parts)


def _intro(org: Organization, result: SimulationReport) -> list[str]:
    """The heading's paragraphs: how it was simulated, and what the markers are."""
    meaning = _(
        "Each bar counts the simulated units whose lead time fell in its range; the dashed "
        "lines are the percentiles of all the units: P85 is the time within which 85 of "
        "every 100 arrived."
    )
    said = [line[:1].upper() + line[1:] + "." for line in simulation_headline(org, result)]
    return [*said, meaning]


def distribution_html(
    org: Organization,
    result: SimulationReport,
    charts: Sequence[DistributionChart],
    theme: Theme,
) -> list[str]:
    """The report's section: its heading, how it was simulated, then per chain its name,
    the sentence to say, and the histogram in a figure."""
    heading = _("Simulated lead time")
    parts = [f'<h2 id="{ANCHOR}">{_e(heading)}</h2>']
    parts += [f"<p>{_e(text)}</p>" for text in _intro(org, result)]
    for index, chart in enumerate(charts, start=1):
        name = org.chains[chart.chain].name
        parts += [  # one block, kept on one printed page
            '<div class="distribution">',
            f'<h3 id="{ANCHOR}-{index}">{_e(name)}</h3>',
            f'<p class="distribution-sentence"><strong>{_e(chart.sentence)}</strong></p>',
            f"<figure>\n{distribution_svg(chart, theme)}\n"
            f"<figcaption>{_e(chart.note)}</figcaption>\n</figure>",
            "</div>",
        ]
    return parts


def distribution_markdown(
    org: Organization,
    result: SimulationReport,
    charts: Sequence[DistributionChart],
    md_text: Callable[[str], str],
) -> list[str]:
    """The report's section in Markdown (``md_text`` escapes a text): per chain the
    sentence, a table of the bins with each bar drawn in blocks (█, the fullest 20), and
    the percentiles."""
    lines = ["", "## " + md_text(_("Simulated lead time")), ""]
    for text in _intro(org, result):
        lines += [md_text(text), ""]
    heading = md_text(_("Lead time"))
    for chart in charts:
        most = max(max(chart.counts, default=0), 1)
        lines += [f"### {md_text(org.chains[chart.chain].name)}", ""]
        lines += [f"**{md_text(chart.sentence)}**", ""]
        lines += [f"| {heading} | {md_text(chart.series)} | |", "|---|---:|---|"]
        lines += [
            f"| {md_text(label)} | {num(count)} | {'█' * round(count / most * 20)} |"
            for label, count in zip(chart.labels, chart.counts, strict=True)
        ]
        marks = " · ".join(f"{marker.name} {marker.text}" for marker in chart.markers)
        lines += ["", md_text(marks), "", md_text(chart.note), ""]
    return lines
