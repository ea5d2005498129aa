"""A chain's rolled quality (rolled %C&A) is below ``min_rolled_quality``.

Rolled %C&A is the product of the share of work each handoff of the chain
delivers complete and accurate, as rated by the receiving client: three handoffs
at 90% deliver only 73% of units right first time. Every other unit is
corrected, clarified or redone somewhere along the chain. Start with the
weakest handoff named in the message: agree with the receiving department on
what complete and accurate means. Handoffs with no ``quality`` count as 100%
and are listed in ``clientchain chains``. Set the threshold with ``checks:
min_rolled_quality`` (default 80%).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import networkx as nx

from clientchain.analysis.flow import FlowReport
from clientchain.analysis.quality import handoff_quality
from clientchain.checks.base import Finding, Severity, finding
from clientchain.i18n import _
from clientchain.model import Chain, Organization
from clientchain.numbers import pct

__all__ = ["ID", "SEVERITY", "THRESHOLD", "check"]

ID = "low-quality"
SEVERITY = Severity.WARNING
THRESHOLD = "min_rolled_quality"


def check(org: Organization, graph: nx.DiGraph, *, flow: FlowReport) -> Iterator[Finding]:
    """Yield one finding per chain whose rolled quality is below the threshold."""
    minimum = org.checks.min_rolled_quality
    rated = handoff_quality(org)
    for chain_id, chain_flow in flow.chains.items():
        if chain_flow.rolled_quality >= minimum:
            continue
        chain = org.chains[chain_id]
        message = _message(org, chain, chain_flow.rolled_quality, minimum, rated)
        yield finding(org, ID, SEVERITY, chain.id, message, chain.location)


def _message(
    org: Organization,
    chain: Chain,
    rolled: float,
    minimum: float,
    rated: dict[tuple[str, str], float],
) -> str:
    values = {"chain": chain.describe(), "quality": pct(rolled), "minimum": pct(minimum)}
    along = [(edge, rated[edge]) for edge in pairwise(chain.path) if edge in rated]
    if not along:
        return _(
            "Chain {chain} has a rolled quality of {quality}, below the minimum of {minimum}."
        ).format(**values)
    (source, target), quality = min(along, key=lambda item: item[1])
    # TRANSLATORS: rolled quality is rolled %C&A; weakest is the %C&A of one handoff, "85%"
    return _(
        "Chain {chain} has a rolled quality of {quality}, below the minimum of {minimum}; "
        "its weakest handoff is {source} → {target} at {weakest}."
    ).format(
        **values, source=org.describe(source), target=org.describe(target), weakest=pct(quality)
    )
