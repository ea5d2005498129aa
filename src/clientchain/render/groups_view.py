"""``--view groups``: each group one box, with the handoffs between groups.

For an organization too big for one slide: a group's box shows its departments,
headcount, load against capacity and utilization (filled on the utilization
scale, outlined when the constraint is in it); an arrow from one group to
another carries how many work handoffs go that way and their volume per period,
its width following the volume. External parties and departments without a group
keep their own boxes. The numbers come from :mod:`clientchain.analysis.groups`.
"""

from __future__ import annotations

from clientchain.analysis.groups import GroupFlow, GroupHandoffs
from clientchain.i18n import _
from clientchain.numbers import load_of, num, pct, plural
from clientchain.render.chain_view import rate
from clientchain.render.legend import utilization_colour, volume_width
from clientchain.render.scene import DiagramEdge, DiagramNode, node_key
from clientchain.render.theme import Theme

__all__ = ["group_edge", "group_node"]


def group_node(
    group: GroupFlow, theme: Theme, near: float, period: str, constraint: str | None
) -> DiagramNode:
    """The box of ``group`` (``constraint``: the constraint's name when it is in the group)."""
    count = plural(len(group.departments), "{n} department", "{n} departments")
    # TRANSLATORS: a group's box in the groups view: "4 departments · headcount 12"
    people = _("{departments} · headcount {headcount}").format(
        departments=count, headcount=num(group.headcount)
    )
    load = load_of(group.load_hours, group.capacity_hours, period)
    lines = [group.name, people, load]
    fill, line, emphasis = theme.department_fill, theme.department_line, False
    if group.utilization is None:
        lines.append(_("utilization unknown"))
    else:
        lines.append(_("{value} utilized").format(value=pct(group.utilization)))
        fill = utilization_colour(theme, group.utilization, near)
    if constraint is not None:
        lines.append(_("constraint: {name}").format(name=constraint))
        line, emphasis = theme.constraint, True
    unit = f"group:{group.name}"
    return DiagramNode(unit, node_key(unit), "department", tuple(lines), fill, line, None, emphasis)


def group_edge(
    handoffs: GroupHandoffs, theme: Theme, period: str, heaviest: float | None
) -> DiagramEdge:
    """The arrow of the work handoffs from one unit to another."""
    lines = [plural(handoffs.handoffs, "{n} handoff", "{n} handoffs")]
    if handoffs.volume is not None:
        lines.append(rate(handoffs.volume, period))
    width = volume_width(handoffs.volume, heaviest)
    keys = node_key(handoffs.source), node_key(handoffs.target)
    return DiagramEdge(
        handoffs.source, handoffs.target, *keys, tuple(lines), theme.edge, False, width
    )
