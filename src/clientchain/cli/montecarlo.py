"""``clientchain montecarlo``: lead-time percentiles and queues by discrete-event simulation."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from clientchain.cli.common import Format, FormatOption, NoColorOption, OrgFile, load
from clientchain.cli.flow import WithRework
from clientchain.cli.formats import show
from clientchain.i18n import _

if TYPE_CHECKING:
    from clientchain.analysis.simulation import Distribution, Settings, SimulationReport
    from clientchain.model import Organization

__all__ = [
    "JobsOption",
    "RunsOption",
    "SeedOption",
    "SimRunsOption",
    "SimSeedOption",
    "SimulateOption",
    "montecarlo_command",
    "simulate",
    "simulated",
    "tty_progress",
]

SHOW_AFTER = 1.0
"""Seconds of work before the progress bar appears (shorter runs show none)."""

RunsOption = Annotated[
    int,
    # i18n: --help stays English
    typer.Option("--runs", min=1, max=10_000, help="Independent replications."),
]
SeedOption = Annotated[
    int,
    typer.Option(
        "--seed",
        # i18n: --help stays English
        help="Seed of the random streams: the same seed gives the same output.",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        # i18n: --help stays English
        help="Processes running the replications (default: one per core; 1: in this process). "
        "The output is the same for any number.",
        show_default=False,
    ),
]


SimulateOption = Annotated[
    bool,
    typer.Option(
        "--simulate",
        # i18n: --help stays English
        help="Add each chain's simulated lead-time distribution (as montecarlo: a year, "
        "--runs, --seed, --jobs; needs the 'simulation' extra).",
    ),
]
SimRunsOption = Annotated[
    int | None,
    typer.Option(
        "--runs",
        min=1,
        max=10_000,
        # i18n: --help stays English
        help="With --simulate: independent replications (default 20).",
        show_default=False,
    ),
]
SimSeedOption = Annotated[
    int | None,
    # i18n: --help stays English
    typer.Option("--seed", help="With --simulate: the seed (default 0).", show_default=False),
]


def simulated(
    org: Organization, on: bool, runs: int | None, seed: int | None, jobs: int | None
) -> SimulationReport | None:
    """The simulation ``report --simulate`` and ``slides --simulate`` add (``None``
    without ``--simulate``): a year of the file, its rework setting, cv 1.

    Raises
    ------
    UsageError
        ``--runs``, ``--seed`` or ``--jobs`` without ``--simulate``.
    """
    from clientchain.analysis.simulation import Settings
    from clientchain.errors import UsageError

    if not on:
        options = (("--runs", runs), ("--seed", seed), ("--jobs", jobs))
        given = [name for name, value in options if value is not None]
        if given:
            raise UsageError(_("{options} needs --simulate").format(options=", ".join(given)))
        return None
    settings = Settings(
        runs=20 if runs is None else runs, seed=0 if seed is None else seed, rework=org.rework
    )
    return simulate(org, settings, jobs)


def simulate(org: Organization, settings: Settings, jobs: int | None) -> SimulationReport:
    """Simulate ``org`` over ``jobs`` processes (one per core when ``None``), with a
    progress bar on a terminal once it takes a second."""
    from clientchain.analysis.simulation import simulate_flow
    from clientchain.analysis.simulation_pool import default_jobs

    with tty_progress() as progress:
        return simulate_flow(org, settings, progress, default_jobs() if jobs is None else jobs)


def montecarlo_command(
    ctx: typer.Context,
    file: OrgFile,
    runs: RunsOption = 20,
    seed: SeedOption = 0,
    periods: Annotated[
        float | None,
        typer.Option(
            # i18n: --help stays English
            help="Periods of the file to simulate in each run (default: a year).",
            show_default=False,
        ),
    ] = None,
    arrival_cv: Annotated[
        float,
        typer.Option(
            min=0.0,
            # i18n: --help stays English
            help="Coefficient of variation of the gaps between arrivals (1: Poisson).",
        ),
    ] = 1.0,
    cv: Annotated[
        float,
        typer.Option(
            min=0.0,
            # i18n: --help stays English
            help="Coefficient of variation of efforts whose step has no cv: (1: exponential).",
        ),
    ] = 1.0,
    distribution: Annotated[
        str,
        typer.Option(
            metavar="gamma|lognormal",
            # i18n: --help stays English
            help="Distribution of efforts and gaps with the given mean and cv.",
        ),
    ] = "gamma",
    output_format: FormatOption = Format.TEXT,
    no_color: NoColorOption = False,
    with_rework: WithRework = False,
    jobs: JobsOption = None,
) -> None:
    """Simulate every chain through shared departments: lead-time percentiles, queues, waits.

    A discrete-event simulation (SimPy, the 'simulation' extra): each chain's units arrive
    at its demand rate and queue for their department's people, shared by every chain.
    The runs go in parallel over the cores (--jobs); the output does not depend on it.
    """
    from clientchain.analysis.simulation import Settings
    from clientchain.errors import UsageError

    if distribution not in ("gamma", "lognormal"):
        raise UsageError(
            _("--distribution: expected gamma or lognormal, got {value}").format(
                value=repr(distribution)
            )
        )
    org, _graph = load(file)
    chosen: Distribution = "lognormal" if distribution == "lognormal" else "gamma"
    settings = Settings(
        runs=runs,
        seed=seed,
        periods=periods,
        arrival_cv=arrival_cv,
        service_cv=cv,
        distribution=chosen,
        rework=with_rework or org.rework,
    )
    result = simulate(org, settings, jobs)
    show(ctx, output_format, no_color, "montecarlo", org, result)


@contextmanager
def tty_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr, shown once the work has taken a second, when stderr
    is a terminal; ``None`` otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    started = time.monotonic()
    shown: dict[str, Any] = {}

    def report(done: int, total: int) -> None:
        if not shown and time.monotonic() - started < SHOW_AFTER:
            return
        if not shown:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            bar = Progress(
                TextColumn(_("simulating")),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            bar.start()
            shown["bar"], shown["task"] = bar, bar.add_task("", total=total)
        shown["bar"].update(shown["task"], completed=done)

    try:
        yield report
    finally:
        if shown:
            shown["bar"].stop()
