"""``clientchain montecarlo``: the simulation's figures as plain lines and as JSON.

Every figure is the mean over the runs with its 95 % confidence half-width
(:mod:`clientchain.analysis.simulation_stats`); JSON writes each as
``{"mean", "half_width", "low", "high"}``, hours for times, fractions for utilization,
``null`` where a run gave no value or there is a single run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from clientchain.i18n import _, ngettext
from clientchain.numbers import duration, finite, given, lead_time, num, pct, per_period
from clientchain.output.common import dumps, none

if TYPE_CHECKING:
    from clientchain.analysis.simulation import SimulationReport
    from clientchain.analysis.simulation_distribution import Histogram
    from clientchain.analysis.simulation_stats import Estimate
    from clientchain.model import Organization

__all__ = [
    "arrival_sentence",
    "distribution_dict",
    "estimate_dict",
    "montecarlo_json",
    "montecarlo_text",
    "simulation_headline",
]


def estimate_dict(value: Estimate) -> dict[str, Any]:
    """``{"mean", "half_width", "low", "high"}`` of one figure."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {
        "mean": finite(value.mean),
        "half_width": finite(value.half_width),
        "low": finite(value.low),
        "high": finite(value.high),
    }


def montecarlo_json(result: SimulationReport) -> str:
    """The documented JSON of ``montecarlo`` (docs/commands.md)."""
    settings = result.settings
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    document = {
        "runs": settings.runs,
        "seed": settings.seed,
        "periods": result.periods,
        "horizon_hours": result.horizon_hours,
        "warmup_hours": result.warmup_hours,
        "arrival_cv": settings.arrival_cv,
        "service_cv": settings.service_cv,
        "distribution": settings.distribution,
        "rework": settings.rework,
        "confidence": 0.95,
        "unstable": list(result.unstable),
        "chains": [
            {
                "id": chain.id,
                "name": chain.name,
                "units_per_run": chain.units,
                "lead_time_hours": {
                    "mean": estimate_dict(chain.mean),
                    **_percentiles(chain.percentiles),
                },
                "distribution": distribution_dict(chain.distribution),
            }
            for chain in result.chains.values()
        ],
        "departments": [
            {
                "id": dept.id,
                "name": dept.name,
                "servers": dept.servers,
                "mean_queue": estimate_dict(dept.queue),
                "mean_wait_hours": estimate_dict(dept.wait_hours),
                "utilization": estimate_dict(dept.utilization),
            }
            for dept in result.departments.values()
        ],
    }
    return dumps(document)


def distribution_dict(histogram: Histogram | None) -> dict[str, Any] | None:
    """The pooled lead times of a chain as bins (``null`` without units)."""
    if histogram is None:
        return None
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {
        "units": histogram.units,
        "bin_hours": histogram.width,
        "edges_hours": list(histogram.edges),
        "counts": list(histogram.counts),
        "above": histogram.above,
        "percentiles_hours": {
            f"p{round(q * 100)}": finite(value) for q, value in histogram.percentiles.items()
        },
    }


def arrival_sentence(histogram: Histogram, hours_per_day: float) -> str:
    """``'85% of the units arrive within 3.81 working days (30.5 h).'``: the pooled P85."""
    return _("{share} of the units arrive within {lead_time}.").format(
        share=pct(0.85), lead_time=lead_time(histogram.percentiles[0.85], hours_per_day)
    )


def _percentiles(values: dict[float, Estimate]) -> dict[str, Any]:
    """``{"p50", "p85", "p95"}`` of a chain's lead time."""
    return {f"p{round(q * 100)}": estimate_dict(e) for q, e in values.items()}


def _pm(value: Estimate, write: Callable[[float | None], str]) -> str:
    """``'12 h ± 0.5 h'``, or the mean alone without an interval."""
    if value.mean is None:
        return _("no value")
    if value.half_width is None:
        return write(value.mean)
    return _("{mean} ± {half_width}").format(
        mean=write(value.mean), half_width=write(value.half_width)
    )


def simulation_headline(org: Organization, result: SimulationReport) -> list[str]:
    settings = result.settings
    rework = _("with rework") if settings.rework else _("without rework")
    return [
        _(
            "simulation of {organization}: {runs} runs of {periods} periods ({horizon}), "
            "seed {seed}; the first {warmup} of each run not counted"
        ).format(
            organization=org.name,
            runs=settings.runs,
            periods=given(result.periods),
            horizon=duration(result.horizon_hours),
            seed=settings.seed,
            warmup=duration(result.warmup_hours),
        ),
        _(
            "arrivals cv {arrival_cv}, efforts cv {service_cv} ({distribution}), {rework}; "
            "figures are means of the runs ± 95 % confidence"
        ).format(
            arrival_cv=given(settings.arrival_cv),
            service_cv=given(settings.service_cv),
            distribution=settings.distribution,  # i18n: an option value, as typed
            rework=rework,
        ),
    ]


def montecarlo_text(org: Organization, result: SimulationReport) -> str:
    """``clientchain montecarlo`` as plain lines: lead times per chain, then departments."""
    lines = [*simulation_headline(org, result), "", _("lead time per chain") + ":"]
    for chain in result.chains.values():
        lines.append(
            "  "
            + _("{chain}: {units} units a run").format(
                chain=org.chains[chain.id].describe(), units=num(chain.units)
            )
        )
        lines.append(
            "    "
            + _("mean {mean} · P50 {p50} · P85 {p85} · P95 {p95}").format(
                mean=_pm(chain.mean, duration),
                p50=_pm(chain.percentiles[0.5], duration),
                p85=_pm(chain.percentiles[0.85], duration),
                p95=_pm(chain.percentiles[0.95], duration),
            )
        )
        if chain.distribution is not None:
            lines.append("    " + arrival_sentence(chain.distribution, result.hours_per_day))
    if not result.chains:
        lines.append(f"  {none('chains')}")
    lines += ["", _("departments") + ":"]
    for dept in result.departments.values():
        lines.append(
            "  "
            + _(
                "{department}, {servers}: queue {queue} · wait {wait} · utilization {utilization}"
            ).format(
                department=org.describe(dept.id),
                servers=ngettext("{count} server", "{count} servers", dept.servers).format(
                    count=dept.servers
                ),
                queue=_pm(dept.queue, num),
                wait=_pm(dept.wait_hours, duration),
                utilization=_pm(dept.utilization, pct),
            )
        )
    if result.unstable:
        lines += [
            "",
            _(
                "at or above 100 % utilization {period}, their queues grow with the horizon: "
                "{departments}"
            ).format(
                period=per_period(org.period),
                departments=", ".join(org.describe(d) for d in result.unstable),
            ),
        ]
    return "\n".join(lines)
