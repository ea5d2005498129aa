"""The simulated lead-time distribution of each chain as a chart, for the report and the deck.

Built from :class:`~clientchain.analysis.simulation.SimulationReport` only (nothing is
computed here but text and colours): one bar per bin of the chain's pooled histogram
(:mod:`clientchain.analysis.simulation_distribution`), labelled by its range in hours, a
last bar ``≥ X h`` for the units beyond the last edge when there are any, and a vertical
marker at each pooled percentile, P50, P85 and P95. The org file has no promised lead
time and takt is a pace, not a lead time, so neither is marked.
:mod:`~clientchain.render.distribution_svg` draws it as inline SVG and a Markdown table,
:mod:`~clientchain.render.distribution_pptx` as a native column chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from clientchain.analysis.simulation import SimulationReport
from clientchain.analysis.simulation_distribution import Histogram
from clientchain.i18n import _, ngettext
from clientchain.model import Organization
from clientchain.numbers import duration, lead_time, num
from clientchain.output.simulation import arrival_sentence
from clientchain.render.charts import tint
from clientchain.render.theme import Theme

__all__ = ["DistributionChart", "Marker", "bin_labels", "distribution_charts"]


@dataclass(frozen=True, slots=True)
class Marker:
    """A vertical line at ``hours``: its name (``P85``), its value's text and colour."""

    name: str
    hours: float
    text: str
    colour: str


@dataclass(frozen=True, slots=True)
class DistributionChart:
    """A chain's lead-time histogram: ``counts[i]`` units in the bin ``labels[i]``, whose
    hours run from ``edges[i]`` to ``edges[i + 1]`` (the last bar, ``≥ X h``, is open when
    ``open_end``); ``markers`` stand at their hours on that scale."""

    key: str
    chain: str
    title: str
    series: str
    axis: str
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    edges: tuple[float, ...]
    open_end: bool
    markers: tuple[Marker, ...]
    sentence: str
    note: str
    fill: str
    line: str


def bin_labels(histogram: Histogram) -> tuple[str, ...]:
    """``'12–13 h'`` for each bin, then ``'≥ 30 h'`` when units lie beyond the last edge.

    >>> from clientchain.analysis.simulation_distribution import lead_time_histogram
    >>> bin_labels(lead_time_histogram([1.0, 1.5, 2.0, 9.0]))[:2]
    ('1–1.5 h', '1.5–2 h')
    """
    edges = histogram.edges
    # i18n: a range of hours, "12–13 h" (the unit symbol is the same in Spanish)
    labels = [f"{num(low)}–{num(high)} h" for low, high in pairwise(edges)]
    if histogram.above:
        labels.append(f"≥ {num(edges[-1])} h")  # i18n: "at least 30 h"
    return tuple(labels)


def _chart(
    org: Organization, result: SimulationReport, chain_id: str, theme: Theme
) -> DistributionChart | None:
    chain = result.chains[chain_id]
    histogram = chain.distribution
    if histogram is None:
        return None
    colours = (theme.accent, theme.constraint, theme.text)
    markers = tuple(
        Marker(f"P{round(q * 100)}", hours, duration(hours), colour)  # i18n: P50, P85, P95
        for (q, hours), colour in zip(histogram.percentiles.items(), colours, strict=True)
    )
    runs = result.settings.runs
    p85 = chain.percentiles[0.85]
    note = _(
        "{units} simulated units in {runs} runs, in bins of {width}; the runs' P85 is "
        "{low} to {high} (95 % confidence)."
    ).format(
        units=num(histogram.units),
        runs=num(runs),
        width=duration(histogram.width),
        low=lead_time(p85.low if p85.low is not None else p85.mean, result.hours_per_day),
        high=lead_time(p85.high if p85.high is not None else p85.mean, result.hours_per_day),
    )
    if histogram.above:
        beyond = ngettext(
            "The last bar counts the unit of {hours} or more.",
            "The last bar counts the {units} units of {hours} or more.",
            histogram.above,
        )
        note += " " + beyond.format(units=num(histogram.above), hours=duration(histogram.edges[-1]))
    counts = (*histogram.counts, *((histogram.above,) if histogram.above else ()))
    return DistributionChart(
        f"lead-time-distribution:{chain_id}",  # i18n: a machine key
        chain_id,
        _("Simulated lead time of {chain}").format(chain=org.chains[chain_id].name),
        _("Units"),
        _("Units per bin"),
        bin_labels(histogram),
        counts,
        histogram.edges,
        bool(histogram.above),
        markers,
        arrival_sentence(histogram, result.hours_per_day),
        note,
        tint(theme.department_line, theme.background, 0.45),
        theme.department_line,
    )


def distribution_charts(
    org: Organization,
    result: SimulationReport,
    theme: Theme,
    chain_ids: Sequence[str] | None = None,
) -> tuple[DistributionChart, ...]:
    """A chart for each chain of ``chain_ids`` (every chain when ``None``) with units."""
    ids = tuple(result.chains) if chain_ids is None else tuple(chain_ids)
    charts = (_chart(org, result, chain_id, theme) for chain_id in ids)
    return tuple(chart for chart in charts if chart is not None)
