"""A chain's value-stream timeline as a table, for the Markdown report (whose Mermaid cannot
draw a value-stream map): each step's wait before it, effort and cycle time, the finished
inventory's wait, then the totals of the map's ladder.

>>> from clientchain.analysis.flow import analyze_flow
>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "Alfa"), "b": Department("b", "Beta")},
...     clients={"z": ExternalParty("z", "Zeta", "client")},
...     chains={"x": Chain("x", "X", "z", 10.0, (Step("a", 2.0), Step("b", 3.0, wait=8.0)))},
... )
>>> table, totals = timeline_table(org, analyze_flow(org), "x")
>>> table.rows
(('Alfa', '0 h', '2 h', '2 h'), ('Beta', '8 h', '3 h', '3 h'))
>>> totals
'lead time 13 h · 1.62 working days · process time 5 h · value added 38.5% · takt 4 h'
"""

from __future__ import annotations

from clientchain.analysis.flow import FlowReport
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import duration, num
from clientchain.render.chain_view import chain_stops
from clientchain.render.tables import Table
from clientchain.render.vsm_parts import totals_lines

__all__ = ["timeline_table"]


def timeline_table(org: Organization, flow: FlowReport, chain_id: str) -> tuple[Table, str]:
    """The timeline of ``chain_id``, one row per step (and one for the finished inventory),
    and the totals line."""
    chain, model = flow.chains[chain_id], org.chains[chain_id]
    rows = []
    for stop in chain_stops(model):
        if stop.step is None:
            continue
        step = chain.steps[stop.step]
        name = org.label(step.department)
        if stop.visits > 1:
            visit = _("visit {visit} of {visits}").format(
                visit=num(stop.visit), visits=num(stop.visits)
            )
            name = f"{name} ({visit})"  # i18n: a name and its visit
        wait = duration(step.wait_hours)
        inventory = model.steps[stop.step].inventory
        if step.wait_source == "inventory" and inventory is not None:
            # TRANSLATORS: a wait and the units waiting (inventory) it comes from
            wait = _("{wait} (inventory {units})").format(wait=wait, units=num(inventory))
        elif step.wait_source == "predicted":
            # TRANSLATORS: a wait the queueing model predicts (none was given in the file)
            wait = _("{wait} (predicted)").format(wait=wait)
        cycle = duration(step.cycle_time_hours)
        if step.over_takt:
            cycle = _("{cycle} (over takt)").format(cycle=cycle)
        rows.append((name, wait, duration(step.effort_hours), cycle))
    if model.finished_inventory:
        # TRANSLATORS: a row of the timeline table: the units finished and waiting for the client
        finished = _("finished inventory {units}").format(units=num(model.finished_inventory))
        rows.append((finished, duration(chain.finished_wait_hours), "", ""))
    headers = (_("Step"), _("Wait before it"), _("Effort"), _("Cycle time"))
    return Table(headers, tuple(rows)), " · ".join(totals_lines(chain, flow.hours_per_day))
