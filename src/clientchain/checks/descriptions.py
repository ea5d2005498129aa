"""The rules' descriptions in the reader's language (SARIF's rule metadata).

A rule's docstring is its English description: ``docs/rules.md`` is generated from it and
stays English. ``check --format sarif`` shows it to the reader in their language, so each
docstring's summary and explanation are repeated here for the message catalog, the
explanation with the line breaks inside its paragraphs joined (:func:`paragraphs`).
tests/checks/test_rule_descriptions.py keeps them equal to the docstrings: after editing a
docstring, copy it here and run ``make i18n``. A rule missing here is shown in English.

>>> from clientchain.checks import RULES
>>> from clientchain.i18n import use
>>> with use("es"):
...     summary(RULES["isolated"])
'Un departamento, cliente externo o proveedor externo no tiene ninguna entrega.'
"""

from __future__ import annotations

from clientchain.checks.base import Rule
from clientchain.i18n import N_, _

__all__ = ["DESCRIPTIONS", "explanation", "paragraphs", "summary"]


def paragraphs(text: str) -> str:
    """``text`` with the line breaks inside each paragraph joined and paragraphs separated
    by one blank line.

    >>> paragraphs("One\\n  line.\\n\\nTwo.\\n")
    'One line.\\n\\nTwo.'
    """
    return "\n\n".join(" ".join(part.split()) for part in text.split("\n\n") if part.strip())


def summary(rule: Rule) -> str:
    """The first line of ``rule``'s docstring, in the current language."""
    return _(rule.summary)  # i18n: N_ table (DESCRIPTIONS)


def explanation(rule: Rule) -> str:
    """The rest of ``rule``'s docstring (:func:`paragraphs`), in the current language."""
    text = paragraphs(rule.explanation)
    return _(text) if text else text  # i18n: N_ table (DESCRIPTIONS); _("") is the header


DESCRIPTIONS: tuple[str, ...] = (
    # overloaded
    N_("A department's load exceeds its capacity (utilization above 100%)."),
    N_(
        "Load is the work the chains bring (demand × effort of every step at the "
        "department) plus its ``other_load``; capacity is its ``capacity``, else "
        "headcount × the hours of one period. Above 100% work piles up in front of "
        "the department without bound: lead times grow week after week, and every "
        "chain through it misses its dates. A department with no capacity at all "
        "(``capacity: 0h`` or headcount 0) and any load is overloaded (its "
        "utilization is infinite). Add people or capacity, move work elsewhere, or "
        "reduce demand; ``clientchain simulate --headcount DEPT=+1`` shows the effect "
        "and the number of people needed."
    ),
    # near-capacity
    N_(
        "A department's utilization is above the ``near_capacity`` threshold, though not over 100%."
    ),
    N_(
        "Queues grow steeply as utilization nears 100%: with variable work, a "
        "department at 90% makes work wait several times longer than one at 70% "
        "(Kingman's formula, see docs/concepts.md). Such a department has no slack "
        "for a busy week, a sick day or a new client. Plan capacity before it "
        "overloads; ``clientchain simulate`` tells how many people bring it back "
        "under the threshold. Set the threshold with ``checks: near_capacity`` "
        "(default 85%). Departments above 100% are reported by ``overloaded`` "
        "instead."
    ),
    # over-takt
    N_("A chain step's cycle time exceeds the chain's takt time."),
    N_(
        "Takt is the pace the external client demands: the hours of one period "
        "divided by the chain's demand. A step's cycle time is its effort per unit "
        "divided by the department's headcount. When the cycle time is longer than "
        "takt, the step cannot keep up with demand even if it worked on nothing else: "
        "units queue in front of it (Rother & Shook, *Learning to See*). Split the "
        "work, add people or stations at the step, remove waste from its effort, or "
        "level the demand."
    ),
    # orphan-department
    N_("A department has no work path to any external client."),
    N_(
        "Whatever it produces never reaches a client outside the organization, not "
        "even through other departments: in internal-customer terms it has no line of "
        "sight to the customer. Either a handoff is missing (add the work handoff or "
        "chain step that takes its output onward), the work it does is not needed, or "
        "it is a support function whose output is information (declare those handoffs "
        "with ``type: information``; they do not count as work). Departments with no "
        "handoffs at all are reported by ``isolated`` instead."
    ),
    # unserved-client
    N_("An external client receives no work: no chain and no work handoff delivers to it."),
    N_(
        "A client in the file that nothing delivers to is either a client the "
        "organization has stopped serving, or a chain is missing. Add the chain that "
        "delivers to it (``chains: …: client: …``) or a work handoff to it, or remove "
        "the client. Information or feedback handoffs to a client do not count: they "
        "carry no work. Clients with no handoffs at all are reported by ``isolated`` "
        "instead."
    ),
    # isolated
    N_("A department, external client or external supplier has no handoffs at all."),
    N_(
        "Nothing reaches it and nothing leaves it: no chain passes through it and no "
        "explicit handoff names it, so the map cannot say whom it serves or who "
        "serves it. It is usually a leftover from an earlier version of the org file, "
        "or its handoffs have not been written yet. Add the chain steps or handoffs "
        "that connect it (``handoffs: - {from: …, to: …}``), or remove it from the "
        "file."
    ),
    # work-cycle
    N_("Work handoffs form a loop that no chain walks (a rework loop)."),
    N_(
        "Work that goes round a loop (A hands to B, B hands back to A) outside any "
        "chain is usually rework: the receiving client sends the deliverable back "
        "because it was incomplete or wrong. Each turn costs capacity on every "
        "department in the loop and stretches the lead time. Find out why the work "
        "comes back and fix the upstream handoff (its ``quality`` %C&A tells how "
        "often).\n\n"
        "A chain that visits a department twice (triage → doctors → lab → doctors → "
        "discharge) walks its own loop: that is its path, each visit with its own "
        "effort and load, and it is not reported. Do not remove a step to silence "
        "this rule: the department would lose that step's load. A loop is reported "
        "only when no single chain walks it in that order — a declared handoff that "
        "sends work back, or two chains that cross in opposite directions.\n\n"
        "The message says what may change. If a handoff of the loop that no chain "
        "passes only returns comments or approval, declare it with ``type: feedback`` "
        "or ``type: information``: those carry no work and may form cycles. A handoff "
        "that a chain passes carries that chain's work and is never offered for "
        "re-typing (as feedback it would cut the chain's steps off the work paths to "
        "the client); when every handoff of the loop is a chain step, check the order "
        "of the chains' steps. One finding is reported per group of departments "
        "linked by such loops."
    ),
    # single-point-of-failure
    N_("Every work path to an external client passes through one department."),
    N_(
        "If that department stops (absence, overload, a system down), nothing reaches "
        "the client: there is no other route for the work. This is information, not "
        "necessarily a defect; small organizations are often lines. Where the client "
        "matters, train a second department or person to take the work over, or add "
        "an alternative route, and keep the department's utilization well below "
        "capacity. Betweenness centrality (``clientchain bottlenecks``) ranks the "
        "other chokepoints."
    ),
    # no-feedback
    N_(
        "A department delivers to an external client but passes no feedback back into "
        "the organization."
    ),
    N_(
        "The department facing the client is the one that hears what the client "
        "thinks. When it has no feedback or information handoff to another department "
        "(and the client has none either), the organization's suppliers upstream "
        "never learn how their work landed, and quality cannot improve from the "
        "client's side. Declare how the client's voice travels inward, for example "
        "``{from: social, to: content, type: feedback, deliverable: Comentarios de "
        "clientes}``."
    ),
    # low-satisfaction
    N_("A department's clients rate its handoffs below ``min_satisfaction``."),
    N_(
        "Satisfaction is the volume-weighted mean of the 1–5 ratings its internal "
        "(and external) clients gave to its outgoing handoffs. A low score means the "
        "departments it serves are not getting what they need, which shows up later "
        "as rework, waiting and lost clients. Talk to the client of the weakest "
        "handoff named in the message, agree on what a complete and accurate "
        "deliverable is, and re-rate after the change. Set the threshold with "
        "``checks: min_satisfaction`` (default 3)."
    ),
    # low-quality
    N_("A chain's rolled quality (rolled %C&A) is below ``min_rolled_quality``."),
    N_(
        "Rolled %C&A is the product of the share of work each handoff of the chain "
        "delivers complete and accurate, as rated by the receiving client: three "
        "handoffs at 90% deliver only 73% of units right first time. Every other unit "
        "is corrected, clarified or redone somewhere along the chain. Start with the "
        "weakest handoff named in the message: agree with the receiving department on "
        "what complete and accurate means. Handoffs with no ``quality`` count as 100% "
        "and are listed in ``clientchain chains``. Set the threshold with ``checks: "
        "min_rolled_quality`` (default 80%)."
    ),
    # requirement-missed
    N_("A handoff misses what its client requires of it (``requires:``)."),
    N_(
        "A handoff may state the internal client's requirements — the longest "
        "``lead_time`` it accepts, the least ``quality`` (%C&A) and the least "
        "``satisfaction`` — as an internal service level agreed between the two "
        "departments. Each requirement the handoff's own declared value misses is one "
        "finding, with both numbers: a lead time longer than required, a %C&A or a "
        "satisfaction below it. A requirement whose value the file does not give is not "
        "judged. Meet the requirement (fix the cause with the supplier, re-measure) or "
        "agree a new one with the client and change ``requires:``."
    ),
    # missing-deliverable
    N_("An explicit handoff does not say what is handed over."),
    N_(
        "A handoff is a supplier → client agreement about a deliverable; without "
        'naming it, the two departments cannot agree on what "complete and accurate" '
        "means and the quality and satisfaction ratings have nothing to refer to. Add "
        "``deliverable: …`` to the handoff (for example ``deliverable: Textos``)."
    ),
    # undeclared-handoff
    N_("A chain hands work between two steps with no declared handoff."),
    N_(
        "A file that declares its handoffs says who hands work to whom. A chain whose "
        "consecutive steps have no declared work handoff between them (handoffs "
        "content → design → publish, a chain content → publish) silently adds its own "
        "edge: the skipped department shows no load from that chain, and the diagrams "
        "draw a handoff nobody declared. The message names the declared path between "
        "the two steps when there is one, which usually means a step is missing from "
        "the chain; otherwise declare the handoff, or correct the chain's steps. A "
        "chain step declared as ``type: feedback`` or ``type: information`` is "
        "reported too: the chain hands work over it, so declare it ``type: work``.\n\n"
        "The rule runs only when the file declares handoffs of that kind: pairs of "
        "departments when at least one work handoff between departments is declared, "
        "the chain's supplier → first step when at least one work handoff from an "
        "external supplier is declared, and last step → client when at least one work "
        "handoff to an external client is declared. A file that declares no work "
        "handoffs leaves the chains to say everything and is not checked. The finding "
        "points at the step that receives the work (the last step for the client) and "
        "its subject is the chain, so ``ignore: [undeclared-handoff]`` on a chain "
        "silences it."
    ),
    # unknown-effort
    N_("A chain step's effort is ``unknown``: what it feeds is unknown too."),
    N_(
        "A step written ``effort: unknown`` (as ``clientchain discover`` writes a "
        "step no case of the event log measured) is never counted as 0 hours. Its "
        "chain's process time, lead time and value-added ratio are unknown, and so "
        "are the load and utilization of its department; while any utilization is "
        "unknown, the headroom and the demand limit are unknown as well, and "
        "``overloaded``, ``near-capacity`` and ``over-takt`` cannot judge that step "
        "or department. Measure or estimate the effort (a time study, the people who "
        "do the work, start and completion times in the log) and write it. The "
        "finding points at the chain's first unknown step and its subject is the "
        "chain, so ``ignore: [unknown-effort]`` on a chain silences it."
    ),
)
"""Every rule's summary and explanation, in registry order, marked for the catalog."""
