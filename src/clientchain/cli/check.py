"""``clientchain check``: validate org files and run the rules, for people and for CI."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from clientchain.cli.common import Format, FormatOption, NoColorOption, rich_output
from clientchain.console import err, out, terminal_width

if TYPE_CHECKING:
    from clientchain.checks import CheckOptions
    from clientchain.output.reports import CheckRun

__all__ = ["FailOn", "check_command", "check_files", "rule_ids"]


class FailOn(enum.StrEnum):
    """``--fail-on``: the lowest severity that makes ``check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


Files = Annotated[
    list[str],
    typer.Argument(metavar="FILE", help="Org files; '-' reads standard input.", show_default=False),
]
Rules = Annotated[
    list[str] | None,
    typer.Option(
        metavar="RULES", help="Rule ids, comma-separated or repeated.", show_default=False
    ),
]
FailOnOption = Annotated[
    FailOn, typer.Option("--fail-on", help="Exit 1 on findings at or above this severity.")
]


def check_command(
    ctx: typer.Context,
    files: Files,
    select: Rules = None,
    ignore: Rules = None,
    fail_on: FailOnOption = FailOn.WARNING,
    output_format: FormatOption = Format.TEXT,
    no_color: NoColorOption = False,
) -> None:
    """Validate org files and run the rules; the exit code is for CI.

    Exit 0 clean, 1 findings at or above --fail-on, 2 a file could not be read
    (its problems are reported and the other files are still checked; 2 wins over 1).
    """
    from clientchain.checks import CheckOptions, Severity
    from clientchain.output import json as as_json
    from clientchain.output import rich_text, text

    options = CheckOptions(select=rule_ids(select), ignore=rule_ids(ignore))
    run = check_files(files, options)
    if output_format is Format.JSON:
        out(as_json.check_json(run))
    else:
        rich = rich_output(ctx, no_color)
        out(rich_text.check_rich(run, terminal_width()) if rich else text.check_text(run))
        err(text.check_summary(run))
    if run.unreadable:
        raise typer.Exit(2)
    raise typer.Exit(1 if run.failing(Severity(fail_on.value)) else 0)


def check_files(paths: Sequence[str], options: CheckOptions) -> CheckRun:
    """Load and check every file; a file that cannot be loaded is recorded, not raised."""
    from clientchain.checks import run_checks
    from clientchain.errors import InputError, Issue
    from clientchain.graph import build_graph
    from clientchain.loading import load_file
    from clientchain.output.reports import CheckRun, FileCheck

    results: list[FileCheck] = []
    for path in paths:
        try:
            org = load_file(path)
            findings = run_checks(org, build_graph(org), options)  # InputError: bad `checks:`
        except InputError as exc:
            issues = exc.issues or [Issue(path, 0, 0, str(exc))]
            results.append(FileCheck(path, issues=tuple(issues)))
        else:
            results.append(FileCheck(path, findings=tuple(findings)))
    return CheckRun(tuple(results))


def rule_ids(values: Iterable[str] | None) -> tuple[str, ...]:
    """``['a,b', 'c']`` → ``('a', 'b', 'c')``: comma-separated, repeatable, blanks dropped.

    >>> rule_ids(["overloaded, isolated", "work-cycle", ""])
    ('overloaded', 'isolated', 'work-cycle')
    """
    found: dict[str, None] = {}
    for value in values or ():
        found.update((part.strip(), None) for part in value.split(",") if part.strip())
    return tuple(found)
