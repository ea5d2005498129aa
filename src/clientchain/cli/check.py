"""``clientchain check``: validate org files and run the rules, for people and for CI."""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated

import typer

from clientchain.cli.common import (
    NoColorOption,
    OutputOption,
    emit,
    refuse_input_as_output,
    rich_output,
)
from clientchain.console import err, terminal_width

if TYPE_CHECKING:
    from clientchain.output.reports import CheckReport

__all__ = [
    "CheckFormat",
    "FailOn",
    "check_command",
    "default_format",
    "render_check",
    "rule_ids",
]


class FailOn(enum.StrEnum):
    """``--fail-on``: the lowest severity that makes ``check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class CheckFormat(enum.StrEnum):
    """``check --format``: for people, programs, GitHub, code scanning and test reports."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"
    JUNIT = "junit"


Files = Annotated[
    list[str],
    # i18n: --help stays English
    typer.Argument(metavar="FILE", help="Org files; '-' reads standard input.", show_default=False),
]
Rules = Annotated[
    list[str] | None,
    typer.Option(
        metavar="RULES",
        help="Rule ids, comma-separated or repeated.",  # i18n: --help stays English
        show_default=False,
    ),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        # i18n: --help stays English
        help="Exit 1 on findings at or above this severity "
        "[default: [tool.clientchain] fail-on, else warning].",
        show_default=False,
    ),
]
CheckFormatOption = Annotated[
    CheckFormat | None,
    typer.Option(
        "--format",
        "-f",
        # i18n: --help stays English
        help="text, json, github (workflow annotations), sarif (2.1.0) or junit "
        "[default: github when GITHUB_ACTIONS=true, else text].",
        show_default=False,
    ),
]


def check_command(
    ctx: typer.Context,
    files: Files,
    select: Rules = None,
    ignore: Rules = None,
    fail_on: FailOnOption = None,
    output_format: CheckFormatOption = None,
    output: OutputOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Validate org files and run the rules; the exit code is for CI.

    Exit 0 clean, 1 findings at or above --fail-on, 2 a file could not be read
    (its problems are reported and the other files are still checked; 2 wins over 1).
    """
    from clientchain.app.check import check_report
    from clientchain.checks import CheckOptions, Severity
    from clientchain.output.check import check_summary

    refuse_input_as_output(output, files)
    options = CheckOptions(select=rule_ids(select), ignore=rule_ids(ignore))
    threshold = None if fail_on is None else Severity(fail_on.value)
    report = check_report(files, options, threshold)
    chosen = output_format or default_format()
    rich = output is None and chosen is CheckFormat.TEXT and rich_output(ctx, no_color)
    document = render_check(report, chosen, rich=rich)
    emit(document, output)
    if chosen is not CheckFormat.JSON or output is not None:
        err(check_summary(report.run))
    raise typer.Exit(report.exit_code())


def default_format() -> CheckFormat:
    """``github`` under GitHub Actions (``GITHUB_ACTIONS=true``), else ``text``."""
    return CheckFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.TEXT


def render_check(report: CheckReport, chosen: CheckFormat, *, rich: bool = False) -> str:
    """The report of a check run in the chosen format (a pure function of the report).

    Only the chosen format's module is imported.
    """
    if chosen is CheckFormat.TEXT:
        if rich:
            from clientchain.output.check_rich import check_rich

            return check_rich(report.run, terminal_width())
        from clientchain.output.check import check_text

        return check_text(report.run)
    if chosen is CheckFormat.JSON:
        from clientchain.output.check import check_json

        return check_json(report.run)
    if chosen is CheckFormat.GITHUB:
        from clientchain.output.check_github import github_annotations

        return github_annotations(report)
    if chosen is CheckFormat.SARIF:
        from clientchain.output.check_sarif import sarif_log

        return sarif_log(report)
    from clientchain.output.check_junit import junit_xml

    return junit_xml(report)


def rule_ids(values: Iterable[str] | None) -> tuple[str, ...]:
    """``['a,b', 'c']`` → ``('a', 'b', 'c')``: comma-separated, repeatable, blanks dropped.

    >>> rule_ids(["overloaded, isolated", "work-cycle", ""])
    ('overloaded', 'isolated', 'work-cycle')
    """
    found: dict[str, None] = {}
    for value in values or ():
        found.update((part.strip(), None) for part in value.split(",") if part.strip())
    return tuple(found)
