"""The org file's keys as data: one table per section, said once.

Each :class:`Field` names its key, the model attribute it fills, its kind and
its default. The parser (:mod:`clientchain.loading.parse`), the dumper
(:mod:`clientchain.loading.dump`), the JSON Schema
(:mod:`clientchain.loading.schema`) and the ``[tool.clientchain]`` reader
(:mod:`clientchain.loading.project`) all walk these tables, so adding a key is
one line here and one attribute in :mod:`clientchain.model`.

Defaults are the model's (a dataclass default is where a library user meets
them too): :func:`_table` copies each one into its field and refuses an
attribute the model does not have. A default of nothing (``None``, zero, empty)
is :attr:`Field.stated` as ``None``: the schema does not document it and the
dumper does not write a value equal to it.

>>> headcount = next(f for f in DEPARTMENT if f.key == "headcount")
>>> headcount.attr, headcount.kind, headcount.default, headcount.stated
('headcount', 'count', 1.0, 1.0)
>>> source = next(f for f in HANDOFF if f.key == "from")
>>> source.attr, source.required, source.default
('source', True, None)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from clientchain.i18n import LANGUAGES
from clientchain.model import (
    CLIENT_ROLES,
    HANDOFF_TYPES,
    KINDS,
    Chain,
    ChecksConfig,
    Department,
    ExternalParty,
    Handoff,
    Organization,
    Requirement,
    Step,
)
from clientchain.units import CALENDAR_LIMITS, PERIODS, Calendar

__all__ = [
    "CALENDAR",
    "CHAIN",
    "CHECKS",
    "CLIENT",
    "DEPARTMENT",
    "FAIL_ON",
    "HANDOFF",
    "REQUIREMENT",
    "SEVERITIES",
    "STEP",
    "SUPPLIER",
    "THRESHOLDS",
    "TOP",
    "Field",
    "FieldKind",
    "Table",
]

SEVERITIES = ("error", "warning", "info")

FieldKind = Literal[
    "text",
    "ref",
    "version",
    "count",
    "positive",
    "duration",
    "effort",
    "percent",
    "rating",
    "whole",
    "choice",
    "flag",
    "texts",
    "severities",
    "section",
]
"""What a key holds; a misspelt kind in a table fails type checking."""


@dataclass(frozen=True, slots=True)
class Field:
    """One key of a section.

    ``kind`` is one of: ``text``, ``ref`` (an id of a department, client or
    supplier), ``version``, ``count`` (a number ≥ 0), ``positive`` (> 0),
    ``duration``, ``effort`` (a duration or ``unknown``), ``percent``, ``rating`` (1–5),
    ``whole`` (a whole number ≥ 1), ``choice``, ``texts`` (a list
    of text), ``severities`` (a mapping rule → severity), or ``section`` for a
    nested table handled by the parser itself. ``maximum`` bounds a ``positive`` or ``count``
    number from above (inclusive); ``minimum`` bounds a ``whole`` number from
    below (1 when not given). ``attr`` is the model attribute the key
    fills (the key itself when not given) and ``default`` the model's default
    for it (``None`` for a required key or a section), both set by :func:`_table`.
    A ``choice`` also accepts the Spanish spellings :data:`clientchain.terms.SPANISH`
    lists for the field ``term`` (the key itself when not given): ``kind: operativo``
    reads as ``operative``.

    The descriptions are the JSON Schema's, published in English (``clientchain schema``).
    """

    key: str
    kind: FieldKind
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    maximum: float | None = None
    minimum: int | None = None
    attr: str = ""
    default: Any = None
    term: str = ""

    @property
    def stated(self) -> Any:
        """The default a reader is told of; ``None`` when it is nothing (none, zero, empty)."""
        return self.default if self.default else None


@dataclass(frozen=True, slots=True)
class Table:
    """The fields of one section in file order, and the lookups that reading it needs."""

    model: type
    fields: tuple[Field, ...]
    by_key: Mapping[str, Field]
    scalars: tuple[Field, ...]
    """The fields whose values the parser converts: neither sections nor references."""

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)


def _table(model: type, *spec: Field) -> Table:
    """``spec`` with each field's model attribute checked and its default read from ``model``."""
    defaults = {f.name: f for f in dataclasses.fields(model)}
    table = []
    for f in spec:
        attr = f.attr or f.key
        if attr not in defaults:
            raise TypeError(  # i18n: a programmer's error in the table
                f"field '{f.key}': {model.__name__} has no attribute '{attr}'"
            )
        default = None
        if not f.required and f.kind != "section":
            known = defaults[attr]
            if known.default is not dataclasses.MISSING:
                default = known.default
            elif known.default_factory is not dataclasses.MISSING:
                default = known.default_factory()
        table.append(dataclasses.replace(f, attr=attr, default=default))
    scalars = tuple(f for f in table if f.kind not in ("section", "ref"))
    return Table(model, tuple(table), {f.key: f for f in table}, scalars)


TOP = _table(
    Organization,
    # i18n: schema text (the published JSON Schema is English)
    Field("version", "version", "Format version of the file; must be 1.", required=True),
    # i18n: schema text (the published JSON Schema is English)
    Field("organization", "text", "Name of the organization shown in outputs.", attr="name"),
    Field(
        "language",
        "choice",
        # i18n: schema text (the published JSON Schema is English)
        "Language of every report, diagram, deck and message for this file (es or en).",
        choices=LANGUAGES,
    ),
    Field(
        "period",
        "choice",
        # i18n: schema text (the published JSON Schema is English)
        "Demand, volume and capacity are counted per this period (a quarter is 3 months).",
        choices=PERIODS,
    ),
    # i18n: schema text (the published JSON Schema is English)
    Field("calendar", "section", "Working time that converts d / w / mo and sets H."),
    Field("departments", "section", "Internal departments by id."),  # i18n: schema text
    Field("clients", "section", "External clients (where work ends) by id."),  # i18n: schema text
    # i18n: schema text (the published JSON Schema is English)
    Field("suppliers", "section", "External suppliers (where work starts) by id."),
    Field("handoffs", "section", "Explicit supplier → client relationships."),  # i18n: schema text
    Field("chains", "section", "Process chains (value streams) by id."),  # i18n: schema text
    Field("checks", "section", "Rule configuration for 'clientchain check'."),  # i18n: schema text
    Field(
        "rework",
        "flag",
        # i18n: schema text (the published JSON Schema is English)
        "true: 'bottlenecks' and 'chains' also show load and lead time with the rework "
        "that each handoff's %C&A causes (as --with-rework).",
    ),
)

CALENDAR = _table(
    Calendar,
    Field(
        "hours_per_day",
        "positive",
        "Working hours in a day.",  # i18n: schema text
        maximum=CALENDAR_LIMITS["hours_per_day"],
    ),
    Field(
        "days_per_week",
        "positive",
        "Working days in a week.",  # i18n: schema text
        maximum=CALENDAR_LIMITS["days_per_week"],
    ),
    Field(
        "days_per_month",
        "positive",
        # i18n: schema text (the published JSON Schema is English)
        "Working days in a month; default 4 × days_per_week (20 for a five-day week).",
        maximum=CALENDAR_LIMITS["days_per_month"],
    ),
)

DEPARTMENT = _table(
    Department,
    Field("name", "text", "Display label, any Unicode; default: the id."),  # i18n: schema text
    Field("kind", "choice", "Kind of department.", choices=KINDS),  # i18n: schema text
    Field("group", "text", "Cluster for diagrams and reports."),  # i18n: schema text
    Field("headcount", "count", "People or parallel stations."),  # i18n: schema text
    # i18n: schema text (the published JSON Schema is English)
    Field("capacity", "duration", "Time available per period; default headcount × H."),
    # i18n: schema text (the published JSON Schema is English)
    Field("other_load", "duration", "Time per period spent on work outside the chains."),
    Field("owner", "text", "Person responsible."),  # i18n: schema text
    Field("tags", "texts", "Free labels."),  # i18n: schema text
    Field("ignore", "texts", "Rule ids not reported for this department."),  # i18n: schema text
)

CLIENT = _table(
    ExternalParty,
    Field("name", "text", "Display label; default: the id."),  # i18n: schema text
    Field(
        "role",
        "choice",
        # i18n: schema text (the published JSON Schema is English)
        "Place in the chain: intermediary (passes the work on) or final (uses it).",
        choices=CLIENT_ROLES,
        attr="client_role",
    ),
    # i18n: schema text (the published JSON Schema is English)
    Field("segment", "text", "Commercial segment, free text: loyal, discount, impulsive …"),
    Field("ignore", "texts", "Rule ids not reported for this client."),  # i18n: schema text
)

SUPPLIER = _table(
    ExternalParty,
    Field("name", "text", "Display label; default: the id."),  # i18n: schema text
    Field("ignore", "texts", "Rule ids not reported for this supplier."),  # i18n: schema text
)

HANDOFF = _table(
    Handoff,
    Field(
        "from",
        "ref",
        "Supplier: the id that hands the work over.",  # i18n: schema text
        required=True,
        attr="source",
    ),
    # i18n: schema text (the published JSON Schema is English)
    Field("to", "ref", "Client: the id that receives it.", required=True, attr="target"),
    Field("deliverable", "text", "What is handed over."),  # i18n: schema text
    # i18n: schema text (the published JSON Schema is English)
    Field("volume", "count", "Units per period; default: the demand of the chains passing."),
    Field("lead_time", "duration", "Time the deliverable takes to arrive."),  # i18n: schema text
    Field("quality", "percent", "%C&A: share received complete and accurate."),  # i18n: schema text
    Field("satisfaction", "rating", "The receiving client's rating, 1–5."),  # i18n: schema text
    Field(
        "answers",
        "whole",
        # i18n: schema text (the published JSON Schema is English)
        "How many survey answers the satisfaction rests on (only with satisfaction).",
    ),
    Field("type", "choice", "What flows.", choices=HANDOFF_TYPES),  # i18n: schema text
    Field(
        "requires",
        "section",
        # i18n: schema text (the published JSON Schema is English)
        "What the client requires of it: lead_time, quality, satisfaction (requirement-missed).",
    ),
    # i18n: schema text (the published JSON Schema is English)
    Field("needs", "text", "What the client needs from it, in its own words."),
    Field("ignore", "texts", "Rule ids not reported for this handoff."),  # i18n: schema text
)

REQUIREMENT = _table(
    Requirement,
    # i18n: schema text (the published JSON Schema is English)
    Field("lead_time", "duration", "The longest time the client accepts for it to arrive."),
    # i18n: schema text (the published JSON Schema is English)
    Field("quality", "percent", "The least %C&A the client accepts."),
    # i18n: schema text (the published JSON Schema is English)
    Field("satisfaction", "rating", "The least satisfaction (1–5) the client accepts."),
)

CHAIN = _table(
    Chain,
    Field("name", "text", "Display label; default: the id."),  # i18n: schema text
    # i18n: schema text (the published JSON Schema is English)
    Field("client", "ref", "External client the chain delivers to.", required=True),
    Field("supplier", "ref", "External supplier feeding the first step."),  # i18n: schema text
    Field("demand", "count", "Units per period.", required=True),  # i18n: schema text
    Field("steps", "section", "Ordered steps.", required=True),  # i18n: schema text
    Field("finished_inventory", "count", "Units waiting after the last step."),  # i18n: schema text
    Field("ignore", "texts", "Rule ids not reported for this chain."),  # i18n: schema text
)

STEP = _table(
    Step,
    Field("department", "ref", "Department doing the step.", required=True),  # i18n: schema text
    Field(
        "effort",
        "effort",
        "Touch time per unit (cycle time); 'unknown' when not measured.",  # i18n: schema text
        required=True,
    ),
    Field("wait", "duration", "Queue time before the step."),  # i18n: schema text
    # i18n: schema text (the published JSON Schema is English)
    Field("inventory", "count", "Units waiting before the step (wait by Little's law)."),
    Field(
        "cv",
        "count",
        # i18n: schema text (the published JSON Schema is English)
        "Variability of the effort: standard deviation ÷ mean, 0 to 10; 1 when not given.",
        maximum=10,
    ),
)

CHECKS = _table(
    ChecksConfig,
    # i18n: schema text (the published JSON Schema is English)
    Field("near_capacity", "percent", "Utilization that counts as near capacity."),
    Field("min_satisfaction", "rating", "Lowest acceptable satisfaction."),  # i18n: schema text
    Field("min_rolled_quality", "percent", "Lowest acceptable rolled %C&A."),  # i18n: schema text
    Field(
        "satisfaction_drop",
        "positive",
        # i18n: schema text (the published JSON Schema is English)
        "'trend': a fall in satisfaction from one version to the next worth a finding.",
        maximum=4,
    ),
    # i18n: schema text (the published JSON Schema is English)
    Field("lead_time_rise", "percent", "'trend': a rise in a chain's lead time worth a finding."),
    Field(
        "forecast_window",
        "whole",
        # i18n: schema text (the published JSON Schema is English)
        "'trend': the last versions the forecast fits its line to (3 or more).",
        minimum=3,
    ),
    # i18n: schema text (the published JSON Schema is English)
    Field("forecast_horizon", "whole", "'trend': periods ahead the forecast warns of an overload."),
    Field("ignore", "texts", "Rule ids not to run."),  # i18n: schema text
    Field("select", "texts", "Run only these rule ids."),  # i18n: schema text
    # i18n: schema text (the published JSON Schema is English)
    Field("severity", "severities", "Severity per rule id: error, warning or info."),
)

THRESHOLDS = tuple(
    CHECKS.by_key[key] for key in ("near_capacity", "min_satisfaction", "min_rolled_quality")
)
"""The numbers of ``checks:`` that ``check``'s rules read; ``[tool.clientchain]`` may set
them too (the ``trend`` thresholds are read from each version's own ``checks:``)."""

FAIL_ON = Field(
    "fail_on",
    "choice",
    # i18n: schema text (the published JSON Schema is English)
    "Lowest severity that makes 'clientchain check' fail (pyproject.toml only).",
    choices=SEVERITIES,
    attr="fail_on",
    term="severity",
)
"""The one ``[tool.clientchain]`` key that the org file's ``checks:`` does not have."""
