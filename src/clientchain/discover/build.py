"""From the aggregate to an :class:`~clientchain.model.Organization` the loader accepts.

* **Departments**: every department seen, with an id made from its name
  (lowercase ASCII, ``-`` between words: ``Producción audiovisual`` →
  ``produccion-audiovisual``; at most :data:`MAX_ID` characters) and the name as
  written in the log. Headcount and capacity are not in a log: they are left at the
  defaults (1 person).
* **Handoffs**: one per observed pair, ``volume`` = handovers per period,
  ``lead_time`` = median clock hours between the two events, ``deliverable`` =
  the activity most often handed over; ``quality`` = the observed %C&A
  (:func:`~clientchain.discover.rework.observed_quality`: cases ÷ handovers), only where
  some case passed the pair more than once.
* **Chains**: the chosen variants (:func:`select_variants`), delivering to the
  external client; ``demand`` = the variant's cases per period; a step's
  ``effort`` = its median measured duration, or ``None`` (``effort: unknown``) when no
  case measured it.

Numbers are rounded to four significant digits.

>>> slug("Producción audiovisual"), slug("Group 1"), slug("???")
('produccion-audiovisual', 'group-1', 'department')
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

from clientchain.discover.errors import DiscoverError
from clientchain.discover.query import Aggregate, ObservedEdge, Variant
from clientchain.discover.rework import observed_quality
from clientchain.i18n import _
from clientchain.loading.labels import MAX_TEXT, renderable
from clientchain.model import Chain, Department, ExternalParty, Handoff, Organization, Step
from clientchain.units import Period

__all__ = ["MAX_ID", "build_org", "identifiers", "rounded", "select_variants", "shown", "slug"]


MAX_ID = 64
"""Longest id discover makes (YAML keys of more than 1,024 characters cannot be read back)."""


def slug(text: str, fallback: str = "department") -> str:
    """A readable id: accents dropped, lowercase, words joined by ``-``, at most :data:`MAX_ID`
    characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:MAX_ID].rstrip("-") or fallback


def identifiers(names: Iterable[str], taken: Iterable[str] = ()) -> dict[str, str]:
    """A distinct id for each name (``-2``, ``-3`` … on collisions), in the order given; the
    suffix shortens the slug so that no id is longer than :data:`MAX_ID`."""
    used = set(taken)
    ids: dict[str, str] = {}
    for name in names:
        base = candidate = slug(name)
        n = 1
        while candidate in used:
            n += 1
            suffix = f"-{n}"
            candidate = base[: MAX_ID - len(suffix)].rstrip("-") + suffix
        used.add(candidate)
        ids[name] = candidate
    return ids


def rounded(value: float) -> float:
    """``value`` to four significant digits: ``12.3456`` → ``12.35``, ``0.0012345`` → ``0.001234``.

    >>> rounded(12.3456), rounded(0.0012345), rounded(0.0)
    (12.35, 0.001234, 0.0)
    """
    return float(f"{value:.4g}") if value and math.isfinite(value) else 0.0


def select_variants(
    variants: Sequence[Variant], top: int | None, coverage: float | None
) -> tuple[Variant, ...]:
    """The most frequent variants: the first ``top``, or the fewest covering ``coverage``.

    ``variants`` come most frequent first. With ``coverage`` (a fraction of the
    cases), variants are taken until their cases reach it; with neither, 5.

    >>> v = [Variant(("a",), 6, (None,), (0,)), Variant(("b",), 3, (None,), (0,)),
    ...      Variant(("c",), 1, (None,), (0,))]
    >>> [x.path for x in select_variants(v, None, 0.9)], len(select_variants(v, 2, None))
    ([('a',), ('b',)], 2)
    """
    if coverage is None:
        return tuple(variants[: 5 if top is None else top])
    total = sum(v.cases for v in variants)
    chosen: list[Variant] = []
    covered = 0
    for variant in variants:
        if total and covered / total >= coverage - 1e-12:
            break
        chosen.append(variant)
        covered += variant.cases
    return tuple(chosen)


def shown(name: str, key: str) -> str:
    """``name`` as an org file can carry it (see :mod:`clientchain.loading.labels`): what no
    output can carry becomes U+FFFD, and a name over :data:`MAX_TEXT` characters is cut and
    ends with ``… (key)``, so two long names that start alike stay apart.

    >>> shown("Ventas", "ventas")
    'Ventas'
    >>> cut = shown("x" * 500, "x-2")
    >>> len(cut), cut[-8:]
    (200, 'x… (x-2)')
    """
    if len(name) <= MAX_TEXT:
        return renderable(name)
    suffix = f"… ({key})"
    return renderable(name)[: MAX_TEXT - len(suffix)] + suffix


def build_org(
    result: Aggregate,
    chosen: Sequence[Variant],
    *,
    name: str,
    period: Period,
    client: str,
    language: str | None = None,
) -> tuple[Organization, dict[str, str]]:
    """The organization observed in ``result``, and the department id of each log name;
    ``language`` is the org's ``language:`` (``None``: not stated)."""
    names = [department for department, _events in result.totals.departments]
    if not names:
        raise DiscoverError(_("the log has no usable event (each needs a case, department, time)"))
    ids = identifiers(names)
    client_id = identifiers([client], taken=ids.values())[client]
    periods = result.totals.periods
    departments = {ids[n]: Department(ids[n], shown(n, ids[n])) for n in names}
    handoffs = tuple(
        Handoff(
            ids[e.source],
            ids[e.target],
            deliverable=renderable(e.deliverable) if e.deliverable else e.deliverable,
            volume=rounded(e.handovers / periods),
            lead_time=rounded(e.gap_hours),
            quality=_quality(e),
        )
        for e in result.edges
    )
    chains = {}
    for number, variant in enumerate(chosen, start=1):
        chain_id = f"variant-{number}"
        steps = tuple(
            Step(ids[d], rounded(effort) if effort is not None else None)
            for d, effort in zip(variant.path, variant.efforts, strict=True)
        )
        label = renderable(" → ".join(variant.path))
        demand = rounded(variant.cases / periods)
        chains[chain_id] = Chain(chain_id, label, client_id, demand, steps)
    clients = {client_id: ExternalParty(client_id, shown(client, client_id), "client")}
    org = Organization(
        renderable(name), departments, clients, {}, handoffs, chains, period, language=language
    )
    return org, ids


def _quality(e: ObservedEdge) -> float | None:
    """The observed %C&A of a pair, when some case passed it again (else no rating)."""
    if e.handovers <= e.cases or not e.cases:
        return None
    q = observed_quality(e.handovers, e.cases)
    return rounded(q) if q is not None else None
