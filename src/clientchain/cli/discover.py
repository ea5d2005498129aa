"""``clientchain discover``: build an org file from an event log, or compare one with it."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from clientchain.console import err, out
from clientchain.errors import UsageError
from clientchain.i18n import _, ngettext
from clientchain.numbers import num, pct

if TYPE_CHECKING:
    from clientchain.discover import DiscoverOptions
    from clientchain.discover.engine import Progress

__all__ = ["CompareFormat", "discover_command", "fraction", "parse_delimiter", "tty_progress"]

DEFAULT_CLIENT = "External client"  # i18n: the default shown by --help (English)

LARGE_LOG = 5_000_000
"""Bytes from which a log gets a progress bar (on a terminal only)."""


class PeriodChoice(enum.StrEnum):
    """``--period``."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class CompareFormat(enum.StrEnum):
    """``--format`` of ``--compare``: a report, JSON, or check-style rule lines for CI."""

    TEXT = "text"
    JSON = "json"
    RULES = "rules"


def _option(text: str, *names: str, metavar: str | None = None) -> Any:
    return typer.Option(*names, help=text, metavar=metavar, show_default=False)


def _column(role: str) -> Any:
    # i18n: --help stays English
    return _option(f"Column (or XES attribute) holding the {role}.")


Log = Annotated[
    str,
    typer.Argument(
        metavar="LOG",
        # i18n: --help stays English
        help="Event log: .csv, .parquet, .xes or .xes.gz, read as named; - for stdin.",
    ),
]
Output = Annotated[
    str | None,
    # i18n: --help stays English
    _option("Write the org file here (default: stdout).", "--output", "-o", metavar="OUT.yaml"),
]
Column = str | None
# i18n: --help stays English
Delimiter = Annotated[str | None, _option("CSV delimiter (default: detected; 'tab' for a tab).")]
Encoding = Annotated[
    str | None,
    # i18n: --help stays English
    _option("CSV text encoding, e.g. utf-8, utf-16, cp1252 (default: detected)."),
]
Missing = Annotated[
    list[str] | None,
    _option(
        # i18n: --help stays English
        "A department value that means 'none' (repeatable); EMPTY, NULL, N/A, - and empty "
        "always do.",
        metavar="VALUE",
    ),
]
StampFormat = Annotated[
    # i18n: --help stays English
    str | None, _option("Timestamp format: 'iso' or strptime codes like '%d/%m/%Y %H:%M'.")
]
PeriodOption = Annotated[
    PeriodChoice | None,
    # i18n: --help stays English
    _option("Count per day, week or month (default: week; with --compare, the org file's)."),
]
# i18n: --help stays English
Top = Annotated[int | None, _option("Chains: the N most frequent variants (default 5).")]
Coverage = Annotated[
    # i18n: --help stays English
    str | None, _option("Chains: the fewest top variants covering this share of cases, e.g. 80%.")
]
# i18n: --help stays English
# i18n: --help stays English; the name itself follows the language (Cliente externo)
Client = Annotated[str, typer.Option(help="Name of the external client the chains deliver to.")]
# i18n: --help stays English
Name = Annotated[str | None, _option("Organization name (default: the log's file name).")]
CompareWith = Annotated[
    str | None,
    _option(
        # i18n: --help stays English
        "Compare the log with this org file; exit 1 if they disagree.",
        "--compare",
        metavar="ORG.yaml",
    ),
]
Tolerance = Annotated[
    # i18n: --help stays English
    str, typer.Option(help="--compare: a volume ratio further than this from 1 is a mismatch.")
]
FormatOption = Annotated[
    CompareFormat,
    # i18n: --help stays English
    typer.Option("--format", "-f", help="--compare output: text, json, or rules (for CI)."),
]


def discover_command(
    ctx: typer.Context,
    log: Log,
    output: Output = None,
    # i18n: --help stays English
    case: Annotated[Column, _column("case id")] = None,
    activity: Annotated[Column, _column("activity")] = None,
    # i18n: --help stays English
    department: Annotated[Column, _column("department (or resource)")] = None,
    timestamp: Annotated[Column, _column("(completion) timestamp")] = None,
    # i18n: --help stays English
    start_timestamp: Annotated[Column, _column("start timestamp")] = None,
    # i18n: --help stays English
    lifecycle: Annotated[Column, _column("lifecycle transition (start/complete)")] = None,
    delimiter: Delimiter = None,
    encoding: Encoding = None,
    missing: Missing = None,
    timestamp_format: StampFormat = None,
    period: PeriodOption = None,
    top: Top = None,
    coverage: Coverage = None,
    client: Client = DEFAULT_CLIENT,
    name: Name = None,
    compare_with: CompareWith = None,
    tolerance: Tolerance = "50%",
    output_format: FormatOption = CompareFormat.TEXT,
) -> None:
    """Discover the customer chain from an event log (CSV, Parquet, XES) and write an org file.

    Handovers (consecutive events of a case in different departments) become handoffs,
    the most frequent department sequences become chains. A summary goes to stderr.
    With --compare ORG.yaml: declared vs observed; exit 0 when they agree, 1 when they
    disagree, 2 when a file cannot be read. Semantics: docs/discover.md.
    """
    from clientchain.cli.common import refuse_input_as_output
    from clientchain.discover import ColumnOptions, DiscoverOptions, ReadOptions
    from clientchain.discover.query import PLACEHOLDERS

    refuse_input_as_output(output, (log, compare_with))

    columns = ColumnOptions(case, activity, department, timestamp, start_timestamp, lifecycle)
    read = ReadOptions(
        columns,
        parse_delimiter(delimiter),
        timestamp_format,
        encoding,
        (*PLACEHOLDERS, *(missing or ())),
    )
    options = DiscoverOptions(
        read,
        period.value if period is not None else None,
        top,
        None if coverage is None else fraction(coverage, "--coverage", most=1.0),
        _given(ctx, "client", client),
        name,
    )
    if compare_with is not None:
        raise typer.Exit(_compare(log, compare_with, options, output, tolerance, output_format))
    _discover(log, options, output)


def _discover(log: str, options: DiscoverOptions, output: str | None) -> None:
    from clientchain.discover import discover_log
    from clientchain.output.discover import org_yaml, summary_text
    from clientchain.output.files import write_atomic

    with tty_progress(log) as progress:
        found = discover_log(log, options, progress)
    err(summary_text(found))
    if output is None:
        out(org_yaml(found))
        return
    write_atomic(output, org_yaml(found))
    command = f"clientchain check {output}"  # i18n: a command line
    err(_("wrote {file}; next: {command}").format(file=output, command=command))


def _compare(
    log: str,
    org_path: str,
    options: DiscoverOptions,
    output: str | None,
    tolerance: str,
    output_format: CompareFormat,
) -> int:
    """Run ``--compare``; the exit code: 0 agree, 1 disagree."""
    from clientchain.discover import compare_log
    from clientchain.i18n import adopt
    from clientchain.loading import load_file
    from clientchain.output import discover as fmt
    from clientchain.output.files import write_atomic

    limit = fraction(tolerance, "--tolerance", most=None)
    declared = load_file(org_path)
    adopt(declared.language)
    with tty_progress(log) as progress:
        result = compare_log(log, declared, options, tolerance=limit, progress=progress)
    err(fmt.summary_text(result.discovery))
    if output is not None:
        write_atomic(output, fmt.org_yaml(result.discovery))
        err(_("wrote {file}").format(file=output))
    formatter = {
        CompareFormat.TEXT: fmt.comparison_text,
        CompareFormat.JSON: fmt.comparison_json,
        CompareFormat.RULES: fmt.comparison_rules,
    }[output_format]
    out(formatter(result))
    if result.agrees:
        err(_("declared and observed agree"))
        return 0
    n = len(result.findings)
    err(
        ngettext(
            "declared and observed disagree ({n} finding)",
            "declared and observed disagree ({n} findings)",
            n,
        ).format(n=num(n))
    )
    return 1


def _given(ctx: typer.Context, name: str, value: str) -> str | None:
    """``value`` when the command line gave it, ``None`` when it is the default (which the
    library then says in the language in force: ``Cliente externo``)."""
    source = ctx.get_parameter_source(name)
    return None if source is None or source.name == "DEFAULT" else value


def fraction(text: str, option: str, most: float | None) -> float:
    """``'80%'`` or ``'0.8'`` → 0.8; :class:`UsageError` naming ``option`` otherwise.

    >>> fraction("80%", "--coverage", 1.0), fraction("1.5", "--tolerance", None)
    (0.8, 1.5)
    """
    stripped = text.strip()
    try:
        value = float(stripped[:-1]) / 100 if stripped.endswith("%") else float(stripped)
    except ValueError:
        raise UsageError(
            _("{option}: expected a percentage like '80%' or 0.8, got {value}").format(
                option=option, value=repr(text)
            )
        ) from None
    if not value >= 0 or (most is not None and value > most) or value == float("inf"):
        if most is None:
            message = _("{option}: expected a share of at least 0, got {value}")
        else:
            message = _("{option}: expected a share of at least 0 and at most {most}, got {value}")
        raise UsageError(message.format(option=option, most=pct(most), value=repr(text)))
    return value


def parse_delimiter(text: str | None) -> str | None:
    """``--delimiter``: one character, or ``tab``; :class:`UsageError` otherwise."""
    if text is None:
        return None
    if text.lower() in ("tab", "\\t"):
        return "\t"
    if len(text) != 1:
        raise UsageError(
            _("{option}: expected one character (or 'tab'), got {value}").format(
                option="--delimiter", value=repr(text)
            )
        )
    return text


@contextmanager
def tty_progress(log: str) -> Iterator[Progress | None]:
    """A rich progress bar on stderr for a large log when stderr is a terminal, else ``None``."""
    import os

    try:
        large = os.path.getsize(log) >= LARGE_LOG
    except OSError:
        large = False
    if not (large and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def report(stage: str, done: float | None) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=1.0 if done is not None else None)
        bar.update(tasks[stage], completed=done or 0.0)

    with bar:
        yield report
