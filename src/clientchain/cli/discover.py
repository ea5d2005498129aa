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

if TYPE_CHECKING:
    from clientchain.discover import DiscoverOptions
    from clientchain.discover.engine import Progress

__all__ = ["CompareFormat", "discover_command", "fraction", "tty_progress"]

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
    return _option(f"Column (or XES attribute) holding the {role}.")


Log = Annotated[
    str,
    typer.Argument(
        metavar="LOG",
        help="Event log: .csv, .parquet, .xes or .xes.gz, read as named; - for stdin.",
    ),
]
Output = Annotated[
    str | None,
    _option("Write the org file here (default: stdout).", "--output", "-o", metavar="OUT.yaml"),
]
Column = str | None
Delimiter = Annotated[str | None, _option("CSV delimiter (default: detected; 'tab' for a tab).")]
Encoding = Annotated[
    str | None,
    _option("CSV text encoding, e.g. utf-8, utf-16, cp1252 (default: detected)."),
]
Missing = Annotated[
    list[str] | None,
    _option(
        "A department value that means 'none' (repeatable); EMPTY, NULL, N/A, - and empty "
        "always do.",
        metavar="VALUE",
    ),
]
StampFormat = Annotated[
    str | None, _option("Timestamp format: 'iso' or strptime codes like '%d/%m/%Y %H:%M'.")
]
PeriodOption = Annotated[
    PeriodChoice | None,
    _option("Count per day, week or month (default: week; with --compare, the org file's)."),
]
Top = Annotated[int | None, _option("Chains: the N most frequent variants (default 5).")]
Coverage = Annotated[
    str | None, _option("Chains: the fewest top variants covering this share of cases, e.g. 80%.")
]
Client = Annotated[str, typer.Option(help="Name of the external client the chains deliver to.")]
Name = Annotated[str | None, _option("Organization name (default: the log's file name).")]
CompareWith = Annotated[
    str | None,
    _option(
        "Compare the log with this org file; exit 1 if they disagree.",
        "--compare",
        metavar="ORG.yaml",
    ),
]
Tolerance = Annotated[
    str, typer.Option(help="--compare: a volume ratio further than this from 1 is a mismatch.")
]
FormatOption = Annotated[
    CompareFormat,
    typer.Option("--format", "-f", help="--compare output: text, json, or rules (for CI)."),
]


def discover_command(
    log: Log,
    output: Output = None,
    case: Annotated[Column, _column("case id")] = None,
    activity: Annotated[Column, _column("activity")] = None,
    department: Annotated[Column, _column("department (or resource)")] = None,
    timestamp: Annotated[Column, _column("(completion) timestamp")] = None,
    start_timestamp: Annotated[Column, _column("start timestamp")] = None,
    lifecycle: Annotated[Column, _column("lifecycle transition (start/complete)")] = None,
    delimiter: Delimiter = None,
    encoding: Encoding = None,
    missing: Missing = None,
    timestamp_format: StampFormat = None,
    period: PeriodOption = None,
    top: Top = None,
    coverage: Coverage = None,
    client: Client = "External client",
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
        _delimiter(delimiter),
        timestamp_format,
        encoding,
        (*PLACEHOLDERS, *(missing or ())),
    )
    options = DiscoverOptions(
        read,
        period.value if period is not None else None,
        top,
        None if coverage is None else fraction(coverage, "--coverage", most=1.0),
        client,
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
    err(f"wrote {output}; next: clientchain check {output}")


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
        err(f"wrote {output}")
    formatter = {
        CompareFormat.TEXT: fmt.comparison_text,
        CompareFormat.JSON: fmt.comparison_json,
        CompareFormat.RULES: fmt.comparison_rules,
    }[output_format]
    out(formatter(result))
    verdict = (
        "agree"
        if result.agrees
        else f"disagree ({len(result.findings)} finding{'' if len(result.findings) == 1 else 's'})"
    )
    err(f"declared and observed {verdict}")
    return 0 if result.agrees else 1


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
            f"{option}: expected a percentage like '80%' or 0.8, got {text!r}"
        ) from None
    if not value >= 0 or (most is not None and value > most) or value == float("inf"):
        limit = "" if most is None else f" and at most {most:.0%}"
        raise UsageError(f"{option}: expected a share of at least 0{limit}, got {text!r}")
    return value


def _delimiter(text: str | None) -> str | None:
    if text is None:
        return None
    if text.lower() in ("tab", "\\t"):
        return "\t"
    if len(text) != 1:
        raise UsageError(f"--delimiter: expected one character (or 'tab'), got {text!r}")
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
