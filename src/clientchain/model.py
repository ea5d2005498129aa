"""The typed model of an org file: frozen dataclasses, no I/O.

Durations are in hours, percentages are fractions in [0, 1], volumes and
demand are units per period (the organization's ``period``).
Every entity keeps the :class:`Location` of its key in the file so that
findings can point at a line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from clientchain.i18n import _
from clientchain.numbers import name_id
from clientchain.terms import term
from clientchain.units import Calendar, Period

__all__ = [
    "CLIENT_ROLES",
    "HANDOFF_TYPES",
    "KINDS",
    "NOWHERE",
    "Chain",
    "ChecksConfig",
    "ClientRole",
    "Department",
    "ExternalParty",
    "Handoff",
    "HandoffType",
    "Kind",
    "Location",
    "Organization",
    "Requirement",
    "Step",
]

Kind = Literal["executive", "commercial", "operative"]
KINDS: tuple[Kind, ...] = ("executive", "commercial", "operative")
HandoffType = Literal["work", "information", "feedback"]
HANDOFF_TYPES: tuple[HandoffType, ...] = ("work", "information", "feedback")
ClientRole = Literal["intermediary", "final"]
CLIENT_ROLES: tuple[ClientRole, ...] = ("intermediary", "final")


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based line and column in the org file."""

    line: int = 0
    column: int = 0


NOWHERE = Location()


@dataclass(frozen=True, slots=True)
class Department:
    """An internal department: a supplier to some, a client of others."""

    id: str
    name: str
    kind: Kind = "operative"
    group: str | None = None
    headcount: float = 1.0
    capacity: float | None = None  # hours per period; None: headcount × H
    other_load: float = 0.0  # hours per period outside the chains
    owner: str | None = None
    tags: tuple[str, ...] = ()
    location: Location = NOWHERE
    ignore: tuple[str, ...] = ()  # rule ids not reported for this entity


@dataclass(frozen=True, slots=True)
class ExternalParty:
    """An external client (a sink of work) or an external supplier (a source).

    ``role`` says which of the two it is; ``client_role`` is a client's ``role:``
    in the file — ``intermediary`` (passes the work on) or ``final`` (uses it) —
    and ``segment`` its commercial segment (loyal, discount …); both ``None``
    when not given.
    """

    id: str
    name: str
    role: Literal["client", "supplier"]
    segment: str | None = None
    location: Location = NOWHERE
    ignore: tuple[str, ...] = ()  # rule ids not reported for this entity
    client_role: ClientRole | None = None

    @property
    def role_words(self) -> str:
        """``'final client'``, ``'intermediary client'``, ``'client'`` or ``'supplier'``, in the
        current language (``'cliente final'``)."""
        if self.client_role:
            # TRANSLATORS: {role} is the client's role: intermediary or final
            return _("{role} client").format(role=term("role", self.client_role))
        return _("client") if self.role == "client" else _("supplier")


@dataclass(frozen=True, slots=True)
class Requirement:
    """What a handoff's client requires of it (an internal service level, SIPOC-R): the most
    lead time it accepts, the least %C&A and the least satisfaction; ``None`` when not stated."""

    lead_time: float | None = None  # hours
    quality: float | None = None  # %C&A as a fraction
    satisfaction: float | None = None  # 1–5
    location: Location = NOWHERE


@dataclass(frozen=True, slots=True)
class Handoff:
    """An explicit supplier → client relationship from the ``handoffs`` list."""

    source: str  # ``from`` in the file
    target: str  # ``to`` in the file
    deliverable: str | None = None
    volume: float | None = None  # units per period
    lead_time: float | None = None  # hours
    quality: float | None = None  # %C&A as a fraction
    satisfaction: float | None = None  # 1–5
    type: HandoffType = "work"
    requires: Requirement | None = None  # what the client requires of it
    needs: str | None = None  # what the client needs, in its words
    location: Location = NOWHERE
    ignore: tuple[str, ...] = ()  # rule ids not reported for this entity
    answers: int | None = None  # how many survey answers ``satisfaction`` rests on


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a chain: a department's touch time per unit, and the queue before it.

    ``effort`` is ``None`` when the file says ``effort: unknown`` (not measured): every
    quantity it contributes to is then unknown too, never computed as 0.
    """

    department: str
    effort: float | None  # hours per unit; None: unknown
    wait: float | None = None  # hours
    inventory: float | None = None  # units waiting before the step
    cv: float | None = None  # coefficient of variation of the effort; None: 1 (exponential)
    location: Location = NOWHERE


@dataclass(frozen=True, slots=True)
class Chain:
    """A process chain (value stream): ordered steps delivering to an external client."""

    id: str
    name: str
    client: str
    demand: float  # units per period
    steps: tuple[Step, ...]
    supplier: str | None = None
    finished_inventory: float = 0.0
    location: Location = NOWHERE
    ignore: tuple[str, ...] = ()  # rule ids not reported for this entity

    def describe(self) -> str:
        """``'Name (id)'``, or just ``'id'`` when the name is the id."""
        return name_id(self.name, self.id)

    @property
    def path(self) -> tuple[str, ...]:
        """Node ids along the chain: supplier (if any), the steps, the client."""
        head = (self.supplier,) if self.supplier is not None else ()
        return (*head, *(s.department for s in self.steps), self.client)


@dataclass(frozen=True, slots=True)
class ChecksConfig:
    """The ``checks:`` section: thresholds, ignored rules and severity overrides."""

    near_capacity: float = 0.85
    min_satisfaction: float = 3.0
    min_rolled_quality: float = 0.8
    # read by ``clientchain trend``'s attention rules (clientchain.trend.attention)
    satisfaction_drop: float = 0.5
    lead_time_rise: float = 0.2
    forecast_window: int = 6
    forecast_horizon: int = 6
    ignore: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    location: Location = NOWHERE
    # Keys written in the file's ``checks:`` (provenance, not compared): a threshold
    # not written there may come from ``[tool.clientchain]`` in pyproject.toml.
    given: frozenset[str] = field(default=frozenset(), compare=False)
    # Where each rule id of ``select``, ``ignore`` and ``severity`` is written, keyed
    # ``"ignore:isolated"``: problems with a rule id point at the id itself.
    places: Mapping[str, Location] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Organization:
    """A whole org file, parsed and cross-checked."""

    name: str
    departments: Mapping[str, Department]
    clients: Mapping[str, ExternalParty] = field(default_factory=dict)
    suppliers: Mapping[str, ExternalParty] = field(default_factory=dict)
    handoffs: tuple[Handoff, ...] = ()
    chains: Mapping[str, Chain] = field(default_factory=dict)
    period: Period = "week"
    calendar: Calendar = field(default_factory=Calendar)
    checks: ChecksConfig = field(default_factory=ChecksConfig)
    version: int = 1
    source: str = "<org>"
    language: str | None = None
    """``language: es|en``: the language the file's outputs are written in by default."""
    rework: bool = False
    """``rework: true``: ``bottlenecks`` and ``chains`` also show the figures with rework."""

    @property
    def period_hours(self) -> float:
        """Working hours in one period (``H``)."""
        return self.calendar.period_hours(self.period)

    def entity(self, node_id: str) -> Department | ExternalParty | None:
        """The department, client or supplier ``node_id``; ``None`` when there is none."""
        for table in (self.departments, self.clients, self.suppliers):
            if node_id in table:
                return table[node_id]
        return None

    def label(self, node_id: str) -> str:
        """Display name of any department, client or supplier id (the id when unknown)."""
        entity = self.entity(node_id)
        return node_id if entity is None else entity.name

    def describe(self, node_id: str) -> str:
        """``'Name (id)'`` of any department, client or supplier; just ``'id'`` when the
        name is the id, as every text output and finding writes it.

        >>> org = Organization("X", {"a": Department("a", "Alfa"), "b": Department("b", "b")})
        >>> org.describe("a"), org.describe("b")
        ('Alfa (a)', 'b')
        """
        return name_id(self.label(node_id), node_id)

    def location_of(self, node_id: str) -> Location:
        """Where a department, client or supplier is defined."""
        entity = self.entity(node_id)
        return NOWHERE if entity is None else entity.location

    def capacity_hours(self, department_id: str) -> float:
        """Capacity per period: ``capacity`` if given, else headcount × H."""
        dept = self.departments[department_id]
        if dept.capacity is not None:
            return dept.capacity
        return dept.headcount * self.period_hours
