"""``clientchain bottlenecks``, ``chains`` and ``simulate``: where work piles up, and what if."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clientchain.cli.common import (
    Format,
    FormatOption,
    NoColorOption,
    OrgFile,
    load,
    refuse_input_as_output,
)
from clientchain.cli.formats import show
from clientchain.console import err
from clientchain.i18n import _

__all__ = ["bottlenecks_command", "chains_command", "simulate_command"]

PredictWaits = Annotated[
    bool,
    typer.Option(
        "--predict-waits",
        # i18n: --help stays English
        help="Estimate the wait of steps without wait or inventory (G/G/c queueing).",
    ),
]


WithRework = Annotated[
    bool,
    typer.Option(
        "--with-rework",
        # i18n: --help stays English
        help="Also show load, utilization and lead time with the rework that each "
        "handoff's %C&A causes, and what each handoff's rework costs (also: 'rework: true' "
        "in the file).",
    ),
]


def bottlenecks_command(
    ctx: typer.Context,
    file: OrgFile,
    output_format: FormatOption = Format.TEXT,
    no_color: NoColorOption = False,
    with_rework: WithRework = False,
) -> None:
    """Departments by utilization, the constraint, headroom, over-takt steps, chokepoints.

    Next to each department: its betweenness on the work graph and what a stall
    would hit (chains, external clients). Infinite values are null in JSON.
    """
    from clientchain.analysis.impact import analyze_bottlenecks

    org, graph = load(file)
    result = analyze_bottlenecks(org, graph, rework=with_rework or org.rework)
    show(ctx, output_format, no_color, "bottlenecks", org, result)


def chains_command(
    ctx: typer.Context,
    file: OrgFile,
    output_format: FormatOption = Format.TEXT,
    no_color: NoColorOption = False,
    predict_waits: PredictWaits = False,
    with_rework: WithRework = False,
) -> None:
    """Per chain: takt, process time, lead time, value-added ratio, rolled quality, constraint.

    Lead time is shown in working days and hours; the weakest handoffs and the
    satisfaction of supplier departments follow.
    """
    from clientchain.analysis.impact import analyze_chains

    org, graph = load(file)
    result = analyze_chains(
        org, graph, predict_waits=predict_waits, rework=with_rework or org.rework
    )
    show(ctx, output_format, no_color, "chains", org, result)


def simulate_command(
    ctx: typer.Context,
    file: OrgFile,
    demand: Annotated[
        list[str] | None,
        typer.Option(
            metavar="X|CHAIN=X",
            # i18n: --help stays English
            help="Multiply all demand (1.3, x1.3, 130% or +30% mean the same) or one "
            "chain's (infografia=2). Repeatable.",
            show_default=False,
        ),
    ] = None,
    headcount: Annotated[
        list[str] | None,
        typer.Option(
            metavar="DEPT=+N|DEPT=N",
            # i18n: --help stays English
            help="Add people (creative=+1) or set the headcount (creative=3). Repeatable.",
            show_default=False,
        ),
    ] = None,
    capacity: Annotated[
        list[str] | None,
        typer.Option(
            metavar="DEPT=DURATION",
            # i18n: --help stays English
            help="Set a department's capacity per period (creative=60h). Repeatable.",
            show_default=False,
        ),
    ] = None,
    find_limit: Annotated[
        bool,
        typer.Option(
            "--find-limit",
            # i18n: --help stays English
            help="Report only the largest demand factor before an overload.",
        ),
    ] = False,
    output_format: FormatOption = Format.TEXT,
    no_color: NoColorOption = False,
    predict_waits: PredictWaits = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE.yaml",
            # i18n: --help stays English
            help="Also write the changed org file (the future state) to FILE.yaml.",
            show_default=False,
        ),
    ] = None,
    hold_inventory: Annotated[
        bool,
        typer.Option(
            "--hold-inventory",
            # i18n: --help stays English
            help="Keep inventory in units when demand changes (default: in days of demand, "
            "so its waits stay the same).",
        ),
    ] = False,
) -> None:
    """What-if: before and after, the new constraint, lead-time change and hires needed.

    With no change, compares the file with itself (and still reports the demand limit).
    """
    from clientchain.analysis.whatif import simulate
    from clientchain.cli.changes import parse_changes
    from clientchain.output import flow

    refuse_input_as_output(output, (file,))
    org, _graph = load(file)
    changes = parse_changes(
        org, demand=demand or (), headcount=headcount or (), capacity=capacity or ()
    )
    result = simulate(org, changes, predict_waits=predict_waits, hold_inventory=hold_inventory)
    if output is not None:  # written first: an error leaves no half-done command
        from clientchain.output.files import write_atomic

        write_atomic(output, flow.future_yaml(result))
        err(
            _("wrote {file} (the future state); compare: {command}").format(
                file=output,
                command=f"clientchain diff {file} {output}",  # i18n: a command line
            )
        )
    command = "simulate --find-limit" if find_limit else "simulate"
    show(ctx, output_format, no_color, command, org, result)
