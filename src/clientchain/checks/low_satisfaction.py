"""A department's clients rate its handoffs below ``min_satisfaction``.

Satisfaction is the volume-weighted mean of the 1–5 ratings its internal (and
external) clients gave to its outgoing handoffs. A low score means the
departments it serves are not getting what they need, which shows up later as
rework, waiting and lost clients. Talk to the client of the weakest handoff
named in the message, agree on what a complete and accurate deliverable is,
and re-rate after the change. Set the threshold with ``checks: min_satisfaction``
(default 3).
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.analysis.quality import (
    department_satisfaction,
    satisfaction_answers,
    weakest_handoff,
)
from clientchain.checks.base import Finding, Severity, finding
from clientchain.graph import ANSWERS
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import num, rating

__all__ = ["ID", "SEVERITY", "THRESHOLD", "check"]

ID = "low-satisfaction"
SEVERITY = Severity.WARNING
THRESHOLD = "min_satisfaction"


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per department whose satisfaction is below the threshold."""
    minimum = org.checks.min_satisfaction
    for dept, score in department_satisfaction(org, graph).items():
        if score >= minimum:
            continue
        weakest = weakest_handoff(graph, dept)
        answers = satisfaction_answers(graph, dept)
        values = {
            "department": org.describe(dept),
            "score": rating(score, answers),
            "minimum": num(minimum),
        }
        details: list[tuple[str, int | float | str]] = []
        if answers is not None:
            details.append(("answers", answers))
        if weakest is None:
            message = _(
                "Department {department} has a satisfaction of {score}, below the minimum "
                "of {minimum}."
            ).format(**values)
        else:
            client, rated = weakest
            weakest_answers = graph.edges[dept, client][ANSWERS]
            if weakest_answers is not None:
                details.append(("weakest_answers", weakest_answers))
            # TRANSLATORS: score and rating are 1-5 satisfaction ratings, "3.5" (or
            # "3.5 (12 answers)")
            message = _(
                "Department {department} has a satisfaction of {score}, below the minimum "
                "of {minimum}; its weakest handoff is to {client}, rated {rating}."
            ).format(
                **values,
                client=org.describe(client),
                rating=rating(rated, weakest_answers),
            )
        yield finding(org, ID, SEVERITY, dept, message, details=tuple(details))
