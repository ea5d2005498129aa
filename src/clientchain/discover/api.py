"""The library entry points: :func:`discover_log` and :func:`compare_log`.

Both put the log behind a DuckDB view, run the one aggregation query over it and
return a result object; nothing here prints or writes files (the CLI does, with the
formatters of :mod:`clientchain.output.discover`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from clientchain.discover.compare import Comparison, compare
from clientchain.discover.engine import Progress, connect
from clientchain.discover.query import aggregate
from clientchain.discover.readers import ReadOptions, check_timestamps, open_log
from clientchain.discover.result import Discovery
from clientchain.discover.source import STDIN
from clientchain.errors import UsageError
from clientchain.i18n import DEFAULT, N_, _, current
from clientchain.model import Organization
from clientchain.numbers import pct
from clientchain.units import Period

__all__ = [
    "DEFAULT_CLIENT",
    "PERIOD_SECONDS",
    "DiscoverOptions",
    "compare_log",
    "discover_log",
]

DEFAULT_CLIENT = N_("External client")
"""The name of the external client when none is given, in the language in force
(``Cliente externo`` in Spanish)."""

PERIOD_SECONDS: dict[str, float] = {
    "day": 86_400.0,
    "week": 7 * 86_400.0,
    "month": 365.25 / 12 * 86_400.0,
    "quarter": 365.25 / 4 * 86_400.0,
}
"""Clock seconds in a period: a day, 7 days, an average month (365.25 / 12 days), a quarter."""


@dataclass(frozen=True, slots=True)
class DiscoverOptions:
    """Everything ``discover`` can be told besides the log's path.

    ``period`` ``None`` means week (or, with :func:`compare_log`, the declared
    org's period); ``coverage`` is a fraction of the cases; ``top`` and
    ``coverage`` exclude each other. ``client`` ``None`` is :data:`DEFAULT_CLIENT` in the
    language in force.
    """

    read: ReadOptions = field(default_factory=ReadOptions)
    period: Period | None = None
    top: int | None = None
    coverage: float | None = None
    client: str | None = None
    name: str | None = None


def discover_log(
    path: str | Path, options: DiscoverOptions | None = None, progress: Progress | None = None
) -> Discovery:
    """Discover the customer chain recorded in the event log at ``path``.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.parquet``, ``.xes`` or ``.xes.gz`` event log, read exactly as
        named (no pattern, no ``~``); ``-`` reads standard input (its format told by
        its first bytes).
    options : DiscoverOptions, optional
        Columns, formats, period, chain selection and the client's name.
    progress : callable, optional
        Called as ``progress(stage, fraction)`` while reading and aggregating.

    The result's messages and the discovered org follow the language in force
    (:mod:`clientchain.i18n`); in a language other than English the org states it
    (``language: es``), as its comments are written in it.

    Raises
    ------
    DiscoverError
        The log cannot be read (the message names the column and first bad row),
        or DuckDB is missing (:class:`~clientchain.discover.errors.MissingEngineError`).
    """
    from clientchain.discover.build import build_org, select_variants

    options = options or DiscoverOptions()
    _check_selection(options)
    period: Period = options.period or "week"
    con = connect()
    try:
        with open_log(con, path, options.read, progress) as loaded:
            lifecycle = loaded.columns.lifecycle is not None
            result = aggregate(
                con,
                PERIOD_SECONDS[period],
                progress,
                lifecycle=lifecycle,
                missing=options.read.missing,
            )
            check_timestamps(con, loaded, result.bad_rows)
    finally:
        con.close()
    chosen = select_variants(result.variants, options.top, options.coverage)
    name = options.name or _default_name(path)
    client = options.client if options.client is not None else _(DEFAULT_CLIENT)  # i18n: N_
    language = None if current() == DEFAULT else current()
    org, ids = build_org(result, chosen, name=name, period=period, client=client, language=language)
    return Discovery(loaded.source, loaded, period, result, chosen, org, ids)


def _default_name(path: str | Path) -> str:
    """The organization's name when none is given: the log's file name up to its first dot."""
    if str(path) == STDIN:
        return _("Organization")
    return Path(path).name.split(".")[0] or _("Organization")


def compare_log(
    path: str | Path,
    declared: Organization,
    options: DiscoverOptions | None = None,
    *,
    tolerance: float = 0.5,
    progress: Progress | None = None,
) -> Comparison:
    """Discover the log at ``path`` and compare it with the ``declared`` organization.

    The log is counted in the declared org's period unless ``options.period``
    says otherwise, so that volumes compare like with like.
    """
    options = options or DiscoverOptions()
    if options.period is None:
        options = replace(options, period=declared.period)
    return compare(declared, discover_log(path, options, progress), tolerance)


def _check_selection(options: DiscoverOptions) -> None:
    if options.top is not None and options.coverage is not None:
        raise UsageError(_("give either --top or --coverage, not both"))
    if options.top is not None and options.top < 1:
        raise UsageError(_("--top must be at least 1, got {value}").format(value=options.top))
    if options.coverage is not None and not 0 < options.coverage <= 1:
        raise UsageError(
            _("--coverage must lie above {low} and at most {high}").format(low=pct(0), high=pct(1))
        )
