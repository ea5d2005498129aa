"""``clientchain summary``: the executive summary as sentences (plain text) and as JSON.

The findings and their numbers come from :func:`clientchain.analysis.summary.summarize`;
here each becomes one sentence in the current language. The report and the deck open
with the same sentences (:func:`summary_sentences`). JSON fields are listed in
docs/commands.md ("summary"); infinity is ``null`` there, as in every JSON output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientchain.i18n import _
from clientchain.numbers import duration, factor, finite, lead_time, pct, per_period, plural
from clientchain.output.common import dumps

if TYPE_CHECKING:
    from clientchain.analysis.summary import Summary, SummaryItem
    from clientchain.model import Organization

__all__ = [
    "item_sentence",
    "summary_dict",
    "summary_json",
    "summary_sentences",
    "summary_text",
]


def item_sentence(org: Organization, summary: Summary, item: SummaryItem) -> str:
    """One finding, its numbers and its action, as a sentence in the current language."""
    label = org.label
    if item.kind == "constraint":
        return _(
            "{department} is the constraint at {utilization}: one more person raises the "
            "headroom from {before} to {after}."
        ).format(
            department=label(item.subjects[0]),
            utilization=pct(item.value),
            before=factor(item.before or 0.0),
            after=factor(item.after or 0.0),
        )
    if item.kind == "wait":
        days = summary.hours_per_day
        return _(
            "{chain} waits {wait} before {department}: removing that wait cuts its lead "
            "time from {before} to {after}."
        ).format(
            chain=_chain(org, item.subjects[0]),
            wait=lead_time(item.value, days),
            department=label(item.subjects[1]),
            before=lead_time(item.before, days),
            after=lead_time(item.after, days),
        )
    if item.kind == "handoff_quality":
        return _handoff_sentence(org, summary, item)
    chains = plural(item.value or 0.0, "{n} chain", "{n} chains")
    return _(
        "{department} is the only way work reaches {clients} ({chains}): a back-up able to "
        "do its steps removes that single point of failure."
    ).format(
        department=label(item.subjects[0]),
        clients=", ".join(label(client) for client in item.subjects[1:]),
        chains=chains,
    )


def _handoff_sentence(org: Organization, summary: Summary, item: SummaryItem) -> str:
    source, target, chain, *others = item.subjects
    numbers = {
        "source": org.label(source),
        "target": org.label(target),
        "quality": pct(item.value),
        "chain": _chain(org, chain),
        "perfect": pct(1.0),
        "before": pct(item.before),
        "after": pct(item.after),
    }
    if item.rework_hours is None:
        return _(
            "The handoff {source} → {target} is {quality} complete and accurate; at {perfect} "
            "the rolled quality of {chain} rises from {before} to {after}."
        ).format(**numbers)
    return _(
        "The handoff {source} → {target} is {quality} complete and accurate: it costs "
        "{rework} of rework {per_period} ({chains}); at {perfect} the rolled quality of {chain} "
        "rises from {before} to {after}."
    ).format(
        **numbers,
        rework=duration(item.rework_hours),
        per_period=per_period(summary.period),
        chains=", ".join(_chain(org, c) for c in (chain, *others)),
    )


def _chain(org: Organization, chain_id: str) -> str:
    """A chain's display name."""
    chain = org.chains.get(chain_id)
    return chain_id if chain is None else chain.name


def summary_sentences(org: Organization, summary: Summary) -> list[str]:
    """The sentence of each item, best first."""
    return [item_sentence(org, summary, item) for item in summary.items]


def summary_text(org: Organization, summary: Summary) -> str:
    """``clientchain summary``: a heading, then one numbered sentence per finding."""
    heading = _("Executive summary of {name}").format(name=org.name)
    sentences = summary_sentences(org, summary)
    if not sentences:
        nothing = _(
            "Nothing stands out: no constraint with headroom to gain, no wait, no handoff "
            "below {perfect} and no single point of failure."
        ).format(perfect=pct(1.0))
        return f"{heading}\n\n{nothing}"
    lines = [f"{rank}. {sentence}" for rank, sentence in enumerate(sentences, start=1)]
    return "\n".join((heading, "", *lines))


def summary_dict(org: Organization, summary: Summary) -> dict[str, Any]:
    """The JSON document of the summary (docs/commands.md "summary")."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {
        "organization": org.name,
        "period": summary.period,
        "candidates": summary.candidates,
        "items": [
            {
                "rank": rank,
                "kind": item.kind,
                "subjects": list(item.subjects),
                "value": finite(item.value),
                "metric": item.metric or None,
                "before": finite(item.before),
                "after": finite(item.after),
                "score": finite(item.score),
                "action": {"kind": item.action.kind, "target": list(item.action.target)},
                "rework_hours": finite(item.rework_hours),
                "step": item.step,
                "text": item_sentence(org, summary, item),
            }
            for rank, item in enumerate(summary.items, start=1)
        ],
    }


def summary_json(org: Organization, summary: Summary) -> str:
    """``clientchain summary --format json``."""
    return dumps(summary_dict(org, summary))
