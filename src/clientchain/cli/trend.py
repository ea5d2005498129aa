"""``clientchain trend ORG``: the organization's series over its versions, for CI and reports."""

from __future__ import annotations

import enum
from typing import Annotated

import typer

from clientchain.cli.check import FailOn
from clientchain.cli.common import NoColorOption, OutputOption, emit, rich_output
from clientchain.cli.diff import parse_tolerance
from clientchain.console import err

__all__ = ["Every", "Only", "TrendFormat", "trend_command"]


class TrendFormat(enum.StrEnum):
    """``trend --format``."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


class Every(enum.StrEnum):
    """``trend --every``: the period whose last commit is a point."""

    MONTH = "month"
    WEEK = "week"
    QUARTER = "quarter"


class Only(enum.StrEnum):
    """``trend --only``: one section of the series."""

    DEPARTMENTS = "departments"
    CHAINS = "chains"
    HANDOFFS = "handoffs"
    FINDINGS = "findings"


Inputs = Annotated[
    list[str],
    typer.Argument(
        metavar="ORG",
        # i18n: --help stays English
        help="One org file in git (its history) or REV:PATH; a folder of files with a date "
        "in their names; or several files, oldest first.",
        show_default=False,
    ),
]
When = Annotated[
    str | None,
    # i18n: --help stays English
    typer.Option(metavar="DATE", help="2026, 2026-01, 2026-01-15, 2026-Q1 or 2026-W03."),
]
Ids = Annotated[
    list[str] | None,
    # i18n: --help stays English
    typer.Option(metavar="ID", help="Show only this one (repeatable).", show_default=False),
]


def trend_command(
    ctx: typer.Context,
    inputs: Inputs,
    since: When = None,
    until: When = None,
    every: Annotated[
        Every,
        typer.Option(help="One point per period."),  # i18n: --help stays English
    ] = Every.MONTH,
    output_format: Annotated[
        TrendFormat,
        # i18n: --help stays English
        typer.Option("--format", "-f", help="text, json or markdown."),
    ] = TrendFormat.TEXT,
    only: Annotated[
        Only | None,
        typer.Option(help="Show one section."),  # i18n: --help stays English
    ] = None,
    department: Ids = None,
    chain: Ids = None,
    fail_on: Annotated[
        FailOn,
        # i18n: --help stays English
        typer.Option("--fail-on", help="Exit 1 on findings about the last point at or above."),
    ] = FailOn.WARNING,
    satisfaction_drop: Annotated[
        float | None,
        typer.Option(
            metavar="POINTS",
            # i18n: --help stays English
            help="A drop in satisfaction worth a finding (default: the file's "
            "checks: satisfaction_drop, else 0.5).",
        ),
    ] = None,
    lead_time_rise: Annotated[
        str | None,
        typer.Option(
            metavar="SHARE",
            # i18n: --help stays English
            help="A lead-time rise worth a finding: '20%' or 0.2 (default: the file's "
            "checks: lead_time_rise, else 20%).",
        ),
    ] = None,
    window: Annotated[
        int | None,
        typer.Option(
            min=3,
            # i18n: --help stays English
            help="Points the forecast fits its line to (default: the file's "
            "checks: forecast_window, else 6).",
        ),
    ] = None,
    horizon: Annotated[
        int | None,
        typer.Option(
            min=1,
            # i18n: --help stays English
            help="Periods ahead the forecast warns of an overload (default: the file's "
            "checks: forecast_horizon, else 6).",
        ),
    ] = None,
    output: OutputOption = None,
    no_color: NoColorOption = False,
) -> None:
    """The organization over time: constraint, utilization, chains, satisfaction, findings.

    Points are the last commit of each period of the file's git history, or the files
    given. A version that cannot be read is a point with its error. Exit 0; 1 when a
    finding about the last point is at or above --fail-on; 2 when the last version
    cannot be read.
    """
    from clientchain.app.trend import build_trend, versions_of
    from clientchain.checks import Severity
    from clientchain.loading.history import parse_when
    from clientchain.output import trend as formats
    from clientchain.trend.attention import Thresholds

    rise = None if lead_time_rise is None else parse_tolerance(lead_time_rise, "--lead-time-rise")
    limits = Thresholds(satisfaction_drop, rise, window, horizon)
    start = parse_when(since) if since else None
    end = parse_when(until) if until else None
    versions = versions_of(inputs, every.value, start, end)
    result = build_trend(versions, limits, every.value)
    view = formats.View(only and only.value, tuple(department or ()), tuple(chain or ()))
    if output_format is TrendFormat.JSON:
        document = formats.trend_json(result, view)
    elif output_format is TrendFormat.MARKDOWN:
        document = formats.trend_markdown(result, view)
    else:
        spark = output is None and rich_output(ctx, no_color)
        document = formats.trend_text(result, view, spark=spark)
    emit(document, output)
    code = result.exit_code(Severity(fail_on.value))
    if code == 2:
        err(str(result.points[-1].issues[0]) if result.points[-1].issues else "")
    raise typer.Exit(code)
