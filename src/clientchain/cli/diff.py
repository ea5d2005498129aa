"""``clientchain diff OLD NEW``: what a change did to the customer chain, for reviews and CI."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Annotated

import typer

from clientchain.cli.common import OutputOption, emit, refuse_input_as_output
from clientchain.console import err
from clientchain.i18n import _

if TYPE_CHECKING:
    from clientchain.analysis.diff import OrgDiff

__all__ = ["DiffFormat", "diff_command", "parse_tolerance", "render_diff"]


class DiffFormat(enum.StrEnum):
    """``diff --format``."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


# i18n: --help stays English
_VERSION_HELP = "An org file, '-' for standard input, or REV:PATH read from git (main:org.yaml)."
Old = Annotated[str, typer.Argument(metavar="OLD", help=_VERSION_HELP, show_default=False)]
New = Annotated[str, typer.Argument(metavar="NEW", help=_VERSION_HELP, show_default=False)]


def diff_command(
    old: Old,
    new: New,
    output_format: Annotated[
        DiffFormat,
        # i18n: --help stays English
        typer.Option("--format", "-f", help="text, json or markdown (a pull-request comment)."),
    ] = DiffFormat.TEXT,
    fail_on_regression: Annotated[
        bool,
        typer.Option(
            "--fail-on-regression",
            # i18n: --help stays English
            help="Exit 1 when a department crosses the near-capacity threshold (or 100%) "
            "or a chain's lead time grows by more than --lead-time-tolerance.",
        ),
    ] = False,
    lead_time_tolerance: Annotated[
        str,
        typer.Option(
            "--lead-time-tolerance",
            metavar="SHARE",
            # i18n: --help stays English
            help="Growth of a chain's lead time that is still fine: '10%' or 0.1.",
        ),
    ] = "10%",
    output: OutputOption = None,
) -> None:
    """Compare two versions of an org file: structure, metric deltas, constraint shift.

    Departments, clients, suppliers, handoffs and chains added, removed and
    changed field by field; utilization, lead time and rolled quality deltas;
    the rules' findings that appear and those resolved.
    Exit 0, or 1 with --fail-on-regression when the change is a regression.
    """
    from clientchain.analysis.diff import diff_orgs
    from clientchain.checks import check_org
    from clientchain.loading.git import load_version

    refuse_input_as_output(output, (old, new))
    tolerance = parse_tolerance(lead_time_tolerance)
    result = diff_orgs(
        load_version(old), load_version(new), lead_time_tolerance=tolerance, check=check_org
    )
    document = render_diff(result, output_format)
    emit(document, output)
    if output is not None:
        err(_("wrote {file}").format(file=output))
    raise typer.Exit(1 if fail_on_regression and result.regressions else 0)


def render_diff(result: OrgDiff, chosen: DiffFormat) -> str:
    """The diff in the chosen format (pure)."""
    from clientchain.output import diff

    formatters = {
        DiffFormat.TEXT: diff.diff_text,
        DiffFormat.JSON: diff.diff_json,
        DiffFormat.MARKDOWN: diff.diff_markdown,
    }
    return formatters[chosen](result)


def parse_tolerance(text: str, option: str = "--lead-time-tolerance") -> float:
    """``'10%'`` → 0.1, ``'0.25'`` → 0.25, ``'150%'`` → 1.5; a usage error naming
    ``option`` otherwise.

    >>> parse_tolerance("10%"), parse_tolerance("0.25"), parse_tolerance("150%")
    (0.1, 0.25, 1.5)
    """
    from clientchain.errors import UsageError

    raw = text.strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise UsageError(
            _("{option}: expected a share like '10%' or 0.1, got {value}").format(
                option=option, value=f"'{text}'"
            )
        )
    return value
