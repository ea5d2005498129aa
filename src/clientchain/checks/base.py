"""What every rule shares: severities, findings and the shape of a rule module.

A rule is one module of :mod:`clientchain.checks` with

* ``ID``: the rule id (``"orphan-department"``), as written in ``checks:`` and ``--select``;
* ``SEVERITY``: its default :class:`Severity`;
* optionally ``THRESHOLD``: the name of the ``checks:`` threshold it reads;
* a docstring whose first line is the summary and whose rest explains why the
  finding matters and how to fix it (it becomes ``docs/rules.md``);
* ``check(org, graph) -> Iterator[Finding]``; a rule that needs an analysis asks
  for it by a keyword-only parameter (``check(org, graph, *, flow)``, the facts
  of :mod:`clientchain.checks.facts`), computed once per run and passed to it.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType

import networkx as nx

from clientchain.analysis.flow import DepartmentFlow, FlowReport
from clientchain.checks.facts import FACTS
from clientchain.graph import ROLE
from clientchain.i18n import N_, _, ngettext
from clientchain.model import Location, Organization

__all__ = [
    "Check",
    "Finding",
    "Rule",
    "Severity",
    "department_findings",
    "finding",
    "join",
    "role_word",
]

Check = Callable[..., Iterator["Finding"]]
"""``check(org, graph, **facts)``: the facts are the keyword-only parameters it names."""


class Severity(enum.Enum):
    """How serious a finding is; ``ERROR > WARNING > INFO``.

    >>> Severity.ERROR > Severity.WARNING > Severity.INFO
    True
    >>> Severity.parse("Warning"), str(Severity.INFO)
    (<Severity.WARNING: 'warning'>, 'info')
    """

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANK[self.value]

    @classmethod
    def parse(cls, text: str) -> Severity:
        """The severity named ``text`` (case-insensitive); :class:`ValueError` otherwise."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            message = _("unknown severity '{value}' (expected {names})")
            raise ValueError(message.format(value=text, names=names)) from None

    def __str__(self) -> str:
        return self.value

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank


_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found, with its place in the org file.

    ``file`` is ``org.source``; ``line`` and ``column`` (1-based, 0 when
    unknown) point at the entity concerned; ``subject`` is its id (a department,
    client or supplier id, or ``from->to`` for a handoff). ``details`` are facts a rule
    adds for machines, as ``(key, value)`` pairs: the JSON finding carries them as keys
    after ``subject`` (``low-satisfaction``'s ``answers``); none for most findings.
    """

    rule: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    subject: str
    details: tuple[tuple[str, int | float | str], ...] = ()

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """Position first, then rule id, subject and message (a total, stable order)."""
        return (self.file, self.line, self.column, self.rule, self.subject, self.message)


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: what ``docs/rules.md`` and ``run_checks`` need to know."""

    id: str
    severity: Severity
    summary: str
    explanation: str
    threshold: str | None
    check: Check
    facts: tuple[str, ...] = ()  # the keyword-only parameters of ``check``

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        """Read a rule module, refusing one that lacks a part (a bug, caught at import)."""
        rule_id = getattr(module, "ID", None)
        severity = getattr(module, "SEVERITY", None)
        check = getattr(module, "check", None)
        threshold = getattr(module, "THRESHOLD", None)
        doc = inspect.getdoc(module) or ""
        summary, _, explanation = doc.partition("\n")
        name = module.__name__
        if not isinstance(rule_id, str) or not isinstance(severity, Severity):
            raise TypeError(f"rule module {name} needs ID: str and SEVERITY: Severity")  # i18n: bug
        if not callable(check) or not summary.strip():
            raise TypeError(f"rule module {name} needs check() and a docstring")  # i18n: bug
        if threshold is not None and not isinstance(threshold, str):
            raise TypeError(f"rule module {name}: THRESHOLD must be a str")  # i18n: bug
        facts = tuple(
            p.name
            for p in inspect.signature(check).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY
        )
        unknown = [name for name in facts if name not in FACTS]
        if unknown:
            raise TypeError(f"rule module {name} asks for unknown facts {unknown}")  # i18n: bug
        return cls(rule_id, severity, summary.strip(), explanation.strip(), threshold, check, facts)


def finding(
    org: Organization,
    rule: str,
    severity: Severity,
    subject: str,
    message: str,
    location: Location | None = None,
    details: tuple[tuple[str, int | float | str], ...] = (),
) -> Finding:
    """A :class:`Finding` in ``org``'s file at ``location``, by default where ``subject`` is."""
    where = org.location_of(subject) if location is None else location
    return Finding(rule, severity, message, org.source, where.line, where.column, subject, details)


def department_findings(
    org: Organization,
    flow: FlowReport,
    rule: str,
    severity: Severity,
    applies: Callable[[DepartmentFlow], bool],
    message: Callable[[DepartmentFlow], str],
) -> Iterator[Finding]:
    """One finding per department (file order) whose load ``applies``, saying ``message``."""
    for dept in flow.departments.values():
        if applies(dept):
            yield finding(org, rule, severity, dept.id, message(dept))


def role_word(graph: nx.DiGraph, node_id: str) -> str:
    """``'Department'``, ``'External client'`` or ``'External supplier'`` (in the
    current language)."""
    return _(_ROLE_WORDS[str(graph.nodes[node_id][ROLE])])  # i18n: N_ table


_ROLE_WORDS = {
    "department": N_("Department"),
    "client": N_("External client"),
    "supplier": N_("External supplier"),
}


def join(items: Sequence[str], limit: int = 10, *, last: str = "and") -> str:
    """``'a'``, ``'a and b'``, ``'a, b and c'``; beyond ``limit`` items, ``'… and N more'``
    (in the current language). ``last="or"`` joins the last item with "or".

    >>> join(["a", "b", "c"]), join(["a", "b", "c"], limit=2), join(["a", "b"], last="or")
    ('a, b and c', 'a, b and 1 more', 'a or b')
    >>> from clientchain.i18n import use
    >>> with use("es"):
    ...     join(["a", "b", "c"]), join(["a", "b", "c"], limit=2), join(["a", "b"], last="or")
    ('a, b y c', 'a, b y 1 más', 'a o b')
    """
    shown = list(items[:limit])
    if len(items) > limit:
        rest = len(items) - limit  # written as a plain integer, "2995 more", as before
        # TRANSLATORS: the rest of a list that is too long to show, "a, b and 3 more"
        shown.append(ngettext("{n} more", "{n} more", rest).format(n=rest))
    if len(shown) <= 1:
        return "".join(shown)
    head = ", ".join(shown[:-1])
    if last == "or":
        # TRANSLATORS: the end of a list of alternatives, "a, b or c"
        return _("{items} or {last}").format(items=head, last=shown[-1])
    # TRANSLATORS: the end of a list, "a, b and c"
    return _("{items} and {last}").format(items=head, last=shown[-1])
