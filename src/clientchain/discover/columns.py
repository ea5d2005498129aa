"""Which column of the log is the case, the activity, the department, the timestamp.

Columns are named with ``--case --activity --department --timestamp
[--start-timestamp] [--lifecycle]``; without an option, the XES standard attribute
names (as pm4py and most exporters write them) and a few common names, in English
and Spanish, are recognised. Matching is exact first, then case-insensitive.

>>> cols = resolve_columns(["case:concept:name", "concept:name", "org:resource",
...                         "time:timestamp"], ColumnOptions(), "log.csv")
>>> cols.case, cols.department, cols.timestamp, cols.start_timestamp
('case:concept:name', 'org:resource', 'time:timestamp', None)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from clientchain.discover.errors import DiscoverError
from clientchain.i18n import N_, _

__all__ = [
    "OPTION",
    "REQUIRED",
    "STANDARD",
    "ColumnMap",
    "ColumnOptions",
    "match_column",
    "resolve_columns",
]

# Column names are data, not text: each line of names is marked for the i18n lint.
STANDARD: dict[str, tuple[str, ...]] = {
    "case": (
        "case:concept:name", "case_id", "case id", "caseid", "case",  # i18n: column names
        "caso", "id_caso", "id caso", "caso_id", "id del caso",  # i18n: column names
    ),
    "activity": ("concept:name", "activity", "activity_name", "task", "actividad", "tarea"),
    "department": (
        "org:group", "department", "departamento", "área", "area",
        "org:resource", "resource", "recurso",
    ),
    "timestamp": (
        "time:timestamp", "timestamp", "complete_timestamp", "end_timestamp",
        "fin", "fecha_fin", "fecha fin", "fecha de fin",  # i18n: column names
        "marca de tiempo", "marca_de_tiempo", "marca temporal",  # i18n: column names
        "fecha y hora", "fecha_hora", "fecha",  # i18n: column names
    ),
    "start_timestamp": (
        "start_timestamp", "time:start_timestamp", "start_time",
        "inicio", "fecha_inicio", "fecha inicio", "fecha de inicio",  # i18n: column names
    ),
    "lifecycle": (
        "lifecycle:transition", "lifecycle", "transition", "transición", "transicion",
        "ciclo de vida",  # i18n: column names
    ),
}  # fmt: skip
"""Names recognised without an option, best first (XES standard names lead, then English,
then Spanish: ``caso``, ``actividad``, ``departamento``/``área``, ``fin``/``fecha``/``marca de
tiempo``, ``inicio``; a department name before a resource's)."""

OPTION = {
    "case": "--case",
    "activity": "--activity",
    "department": "--department",
    "timestamp": "--timestamp",
    "start_timestamp": "--start-timestamp",
    "lifecycle": "--lifecycle",
}
"""The command-line option that names each column."""

REQUIRED = ("case", "department", "timestamp")
"""Roles a log cannot do without."""

_ROLE_WORDS = {
    "case": N_("case"),
    "activity": N_("activity"),
    "department": N_("department"),
    "timestamp": N_("timestamp"),
    "start_timestamp": N_("start timestamp"),
    "lifecycle": N_("lifecycle"),
}
"""How a message names each role ("no case column found")."""


@dataclass(frozen=True, slots=True)
class ColumnOptions:
    """Column names as given by the user; ``None`` means "recognise it"."""

    case: str | None = None
    activity: str | None = None
    department: str | None = None
    timestamp: str | None = None
    start_timestamp: str | None = None
    lifecycle: str | None = None


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """The columns in use; optional roles are ``None`` when the log has no such column."""

    case: str
    department: str
    timestamp: str
    activity: str | None = None
    start_timestamp: str | None = None
    lifecycle: str | None = None


def resolve_columns(available: Sequence[str], options: ColumnOptions, source: str) -> ColumnMap:
    """Map each role to a column of ``available``.

    Raises
    ------
    DiscoverError
        A named column does not exist, or a required one is neither named nor
        recognised; the message names the column and lists those the log has.
    """
    chosen: dict[str, str | None] = {}
    listing = ", ".join(repr(name) for name in available) or _("none")
    for f in fields(options):
        role = f.name
        named = getattr(options, role)
        if named is not None:
            found = match_column(available, (named,))
            if found is None:
                raise DiscoverError(
                    _(
                        "{source}: no column {column} (given with {option}); "
                        "the log's columns are {columns}"
                    ).format(
                        source=source, column=repr(named), option=OPTION[role], columns=listing
                    )
                )
        else:
            found = match_column(available, STANDARD[role])
            if found is None and role in REQUIRED:
                raise DiscoverError(
                    _(
                        "{source}: no {role} column found; name it with {option} "
                        "(the log's columns are {columns})"
                    ).format(
                        source=source,
                        role=_(_ROLE_WORDS[role]),  # i18n: N_ table
                        option=OPTION[role],
                        columns=listing,
                    )
                )
        chosen[role] = found
    return ColumnMap(**chosen)  # type: ignore[arg-type]


def match_column(
    available: Sequence[str], wanted: Sequence[str], *, loose: bool = False
) -> str | None:
    """The first of ``wanted`` among the column names ``available``: exact first, then
    case-insensitive; ``loose`` also ignores ``_``, ``-``, repeated spaces and accents
    (``Complete_and-Accurate`` for ``complete and accurate``, ``comunicacion`` for
    ``comunicación``).

    >>> match_column(["Caso", "fin"], ["case", "caso"]), match_column(["A_Tiempo"], ["a tiempo"])
    ('Caso', None)
    >>> match_column(["A_Tiempo"], ["a tiempo"], loose=True)
    'A_Tiempo'
    """
    for name in wanted:
        if name in available:
            return name
    lowered = {column.casefold(): column for column in reversed(available)}
    for name in wanted:
        if name.casefold() in lowered:
            return lowered[name.casefold()]
    if loose:
        normal = {_loose(column): column for column in reversed(available)}
        for name in wanted:
            if _loose(name) in normal:
                return normal[_loose(name)]
    return None


def _loose(name: str) -> str:
    """``name`` folded for a loose match: lower case, no accents, separators as one space."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.replace("_", " ").replace("-", " ").split())
