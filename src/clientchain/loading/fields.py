"""The org file's keys as data: one table per section.

The parser (:mod:`clientchain.loading.parse`) reads values by these tables and
the JSON Schema (:mod:`clientchain.loading.schema`) is generated from them, so
the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from clientchain.model import CLIENT_ROLES, HANDOFF_TYPES, KINDS
from clientchain.units import CALENDAR_LIMITS, PERIODS

__all__ = [
    "CALENDAR",
    "CHAIN",
    "CHECKS",
    "CLIENT",
    "DEPARTMENT",
    "HANDOFF",
    "SEVERITIES",
    "STEP",
    "SUPPLIER",
    "TOP",
    "Field",
]

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Field:
    """One key of a section.

    ``kind`` is one of: ``text``, ``ref`` (an id of a department, client or
    supplier), ``version``, ``count`` (a number ≥ 0), ``positive`` (> 0),
    ``duration``, ``effort`` (a duration or ``unknown``), ``percent``, ``rating``
    (1–5), ``choice``, ``texts`` (a list of text), ``severities`` (a mapping rule →
    severity), or ``section`` for a nested table handled by the parser itself.
    ``maximum`` bounds a ``positive`` number from above (inclusive).
    """

    key: str
    kind: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    default: object = None
    maximum: float | None = None


TOP = (
    Field("version", "version", "Format version of the file; must be 1.", required=True),
    Field("organization", "text", "Name of the organization shown in outputs."),
    Field(
        "period",
        "choice",
        "Demand, volume and capacity are counted per this period (a quarter is 3 months).",
        choices=PERIODS,
        default="week",
    ),
    Field("calendar", "section", "Working time that converts d / w / mo and sets H."),
    Field("departments", "section", "Internal departments by id."),
    Field("clients", "section", "External clients (where work ends) by id."),
    Field("suppliers", "section", "External suppliers (where work starts) by id."),
    Field("handoffs", "section", "Explicit supplier → client relationships."),
    Field("chains", "section", "Process chains (value streams) by id."),
    Field("checks", "section", "Rule configuration for 'clientchain check'."),
)

CALENDAR = (
    Field(
        "hours_per_day",
        "positive",
        "Working hours in a day.",
        default=8,
        maximum=CALENDAR_LIMITS["hours_per_day"],
    ),
    Field(
        "days_per_week",
        "positive",
        "Working days in a week.",
        default=5,
        maximum=CALENDAR_LIMITS["days_per_week"],
    ),
    Field(
        "days_per_month",
        "positive",
        "Working days in a month; default 4 × days_per_week (20 for a five-day week).",
        maximum=CALENDAR_LIMITS["days_per_month"],
    ),
)

DEPARTMENT = (
    Field("name", "text", "Display label, any Unicode; default: the id."),
    Field("kind", "choice", "Kind of department.", choices=KINDS, default="operative"),
    Field("group", "text", "Cluster for diagrams and reports."),
    Field("headcount", "count", "People or parallel stations.", default=1),
    Field("capacity", "duration", "Time available per period; default headcount × H."),
    Field("other_load", "duration", "Time per period spent on work outside the chains."),
    Field("owner", "text", "Person responsible."),
    Field("tags", "texts", "Free labels."),
    Field("ignore", "texts", "Rule ids not reported for this department."),
)

CLIENT = (
    Field("name", "text", "Display label; default: the id."),
    Field(
        "role",
        "choice",
        "Place in the chain: intermediary (passes the work on) or final (uses it).",
        choices=CLIENT_ROLES,
    ),
    Field("segment", "text", "Commercial segment, free text: loyal, discount, impulsive …"),
    Field("ignore", "texts", "Rule ids not reported for this client."),
)

SUPPLIER = (
    Field("name", "text", "Display label; default: the id."),
    Field("ignore", "texts", "Rule ids not reported for this supplier."),
)

HANDOFF = (
    Field("from", "ref", "Supplier: the id that hands the work over.", required=True),
    Field("to", "ref", "Client: the id that receives it.", required=True),
    Field("deliverable", "text", "What is handed over."),
    Field("volume", "count", "Units per period; default: the demand of the chains passing."),
    Field("lead_time", "duration", "Time the deliverable takes to arrive."),
    Field("quality", "percent", "%C&A: share received complete and accurate."),
    Field("satisfaction", "rating", "The receiving client's rating, 1–5."),
    Field("type", "choice", "What flows.", choices=HANDOFF_TYPES, default="work"),
    Field("ignore", "texts", "Rule ids not reported for this handoff."),
)

CHAIN = (
    Field("name", "text", "Display label; default: the id."),
    Field("client", "ref", "External client the chain delivers to.", required=True),
    Field("supplier", "ref", "External supplier feeding the first step."),
    Field("demand", "count", "Units per period.", required=True),
    Field("steps", "section", "Ordered steps.", required=True),
    Field("finished_inventory", "count", "Units waiting after the last step."),
    Field("ignore", "texts", "Rule ids not reported for this chain."),
)

STEP = (
    Field("department", "ref", "Department doing the step.", required=True),
    Field(
        "effort",
        "effort",
        "Touch time per unit (cycle time); 'unknown' when not measured.",
        required=True,
    ),
    Field("wait", "duration", "Queue time before the step."),
    Field("inventory", "count", "Units waiting before the step (wait by Little's law)."),
)

CHECKS = (
    Field("near_capacity", "percent", "Utilization that counts as near capacity.", default=0.85),
    Field("min_satisfaction", "rating", "Lowest acceptable satisfaction.", default=3),
    Field("min_rolled_quality", "percent", "Lowest acceptable rolled %C&A.", default=0.8),
    Field("ignore", "texts", "Rule ids not to run."),
    Field("select", "texts", "Run only these rule ids."),
    Field("severity", "severities", "Severity per rule id: error, warning or info."),
)
