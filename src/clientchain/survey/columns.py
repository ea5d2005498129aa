"""Which column of the answers holds the period, the rater, the supplier, the scores…

Columns are named with options (``--rater``, ``--supplier``, ``--dimension`` …); without
one, common names in English and Spanish are recognised, as ``discover`` does for event
logs (:func:`clientchain.discover.columns.match_column`), here loosely: case, accents, ``_``
and ``-`` do not matter (``A_Tiempo`` is ``a tiempo``).

>>> cols = resolve_columns(["Mes", "Evaluador", "Proveedor", "A tiempo", "General"],
...                        SurveyColumns(), "a.csv")
>>> cols.period, cols.rater, cols.supplier, cols.client, cols.dimensions
('Mes', 'Evaluador', 'Proveedor', None, (('on_time', 'A tiempo'), ('overall', 'General')))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clientchain.analysis.survey import DIMENSIONS, OVERALL
from clientchain.discover.columns import match_column
from clientchain.i18n import N_, _
from clientchain.survey.errors import SurveyError

__all__ = [
    "DIMENSION_NAMES",
    "OPTION",
    "ROLE_NAMES",
    "ColumnMap",
    "SurveyColumns",
    "resolve_columns",
]

# Column names are data, not text: each line of names is marked for the i18n lint.
ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "period": ("period", "month", "date", "periodo", "período", "mes", "fecha"),
    "rater": (
        "rater", "rater department", "rated by", "department",  # i18n: column names
        "evaluador", "departamento evaluador", "evaluado por", "departamento",  # i18n: names
        "área", "area",
    ),
    "supplier": (
        "supplier", "supplier department", "rated", "rated department",  # i18n: column names
        "proveedor", "departamento proveedor", "evaluado", "departamento evaluado",  # i18n: names
    ),
    "client": (
        "client", "client department", "customer",  # i18n: column names
        "cliente", "departamento cliente",  # i18n: column names
    ),
    "recommend": (
        "recommend", "would recommend", "likely to recommend", "nps",  # i18n: column names
        "recomendación", "recomendaría", "recomendaria",
    ),
    "comment": ("comment", "comments", "comentario", "comentarios", "observaciones"),
    "respondent": (
        "respondent", "respondent id", "response id", "response",  # i18n: column names
        "encuestado", "id encuestado", "id respuesta", "respuesta",  # i18n: column names
    ),
}  # fmt: skip
"""Names recognised without an option, per role, English then Spanish."""

DIMENSION_NAMES: dict[str, tuple[str, ...]] = {
    "on_time": ("on time", "on-time", "timeliness", "a tiempo", "puntualidad"),  # i18n: names
    "complete_accurate": (
        "complete and accurate", "complete & accurate", "complete accurate",  # i18n: names
        "completo y preciso", "completo y exacto", "completo preciso",  # i18n: column names
    ),
    "responsiveness": ("responsiveness", "capacidad de respuesta"),  # i18n: column names
    "communication": ("communication", "comunicación"),
    "courtesy": ("courtesy", "cortesía"),
    OVERALL: (
        "overall", "overall satisfaction", "satisfaction",  # i18n: column names
        "general", "satisfacción general", "satisfacción",  # i18n: column names
    ),
}  # fmt: skip
"""Column names of the default dimensions (their ids are the keys), English then Spanish."""

assert tuple(DIMENSION_NAMES) == (*DIMENSIONS, OVERALL)

OPTION = {
    "period": "--period-column",
    "rater": "--rater",
    "supplier": "--supplier",
    "client": "--client",
    "recommend": "--recommend",
    "comment": "--comment",
    "respondent": "--respondent",
}
"""The command-line option that names each column."""

REQUIRED = ("period", "rater", "supplier")

_ROLE_WORDS = {
    "period": N_("period"),
    "rater": N_("rater"),
    "supplier": N_("supplier"),
}
"""How a message names a required role ("no rater column found")."""


@dataclass(frozen=True, slots=True)
class SurveyColumns:
    """Column names as given by the user; ``None`` means "recognise it". ``dimensions`` are
    more score columns (``--dimension``), besides the default ones found."""

    period: str | None = None
    rater: str | None = None
    supplier: str | None = None
    client: str | None = None
    recommend: str | None = None
    comment: str | None = None
    respondent: str | None = None
    dimensions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """The columns in use; ``dimensions`` pairs each dimension id with its column."""

    period: str
    rater: str
    supplier: str
    dimensions: tuple[tuple[str, str], ...]
    client: str | None = None
    recommend: str | None = None
    comment: str | None = None
    respondent: str | None = None


def resolve_columns(available: Sequence[str], options: SurveyColumns, source: str) -> ColumnMap:
    """Map each role and dimension to a column of ``available``.

    Raises
    ------
    SurveyError
        A named column does not exist, a required one is not found, or no score column is.
    """
    listing = ", ".join(repr(name) for name in available if name) or _("none")
    chosen: dict[str, str | None] = {}
    for role, option in OPTION.items():
        named = getattr(options, role)
        found = match_column(available, (named,) if named else ROLE_NAMES[role], loose=True)
        if named and found is None:
            raise _missing(source, named, option, listing)
        if found is None and role in REQUIRED:
            raise SurveyError(
                _(
                    "{source}: no {role} column found; name it with {option} "
                    "(the file's columns are {columns})"
                ).format(
                    source=source,
                    role=_(_ROLE_WORDS[role]),  # i18n: N_ table
                    option=option,
                    columns=listing,
                )
            )
        chosen[role] = found
    taken = {column for column in chosen.values() if column}
    dimensions: list[tuple[str, str]] = []
    for dimension, names in DIMENSION_NAMES.items():
        found = match_column([c for c in available if c not in taken], names, loose=True)
        if found is not None:
            dimensions.append((dimension, found))
            taken.add(found)
    for named in options.dimensions:
        found = match_column(available, (named,), loose=True)
        if found is None:
            raise _missing(source, named, "--dimension", listing)
        if found not in taken:
            dimensions.append((found, found))
            taken.add(found)
    if not dimensions:
        raise SurveyError(
            _(
                "{source}: no score column found (such as 'overall' or 'on time'); name one "
                "with --dimension (the file's columns are {columns})"
            ).format(source=source, columns=listing)
        )
    return ColumnMap(
        period=str(chosen["period"]),
        rater=str(chosen["rater"]),
        supplier=str(chosen["supplier"]),
        dimensions=tuple(dimensions),
        client=chosen["client"],
        recommend=chosen["recommend"],
        comment=chosen["comment"],
        respondent=chosen["respondent"],
    )


def _missing(source: str, named: str, option: str, listing: str) -> SurveyError:
    return SurveyError(
        _(
            "{source}: no column {column} (given with {option}); the file's columns are {columns}"
        ).format(source=source, column=repr(named), option=option, columns=listing)
    )
