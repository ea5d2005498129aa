"""Views of an organization: which nodes and edges a diagram shows, and how.

``--view`` selects the nodes:

* ``org`` — the whole organization;
* ``chain:ID`` — the chain's path in order (supplier, steps, client), one box
  per step (a department visited twice is two boxes) with its cycle time, each
  arrow with the chain's demand and the wait before the step it enters (the last
  one the finished inventory's), the caption with takt, process and lead time,
  the over-takt steps outlined (see :mod:`~clientchain.render.chain_view`);
* ``department:ID`` — the department and its neighbours up to ``depth``
  handoffs up- and downstream (every edge type);
* ``group:NAME`` — the departments of a group and their direct neighbours.

``--highlight`` colours departments by utilization (the scale of the theme:
below 50%, up to the ``near_capacity`` threshold, up to 100%, above 100%;
the constraint outlined; when the busiest department carries no chain work it is
named "busiest, no chain work" and the chains' constraint is the one outlined)
or edges by %C&A (95% and above, 90% and above, below, unknown). Every number
comes from :mod:`clientchain.analysis.flow`; this module only chooses colours and words.
"""

from __future__ import annotations

import difflib
import functools
import textwrap
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, Literal

import networkx as nx

from clientchain.analysis.flow import ChainFlow, FlowReport
from clientchain.analysis.groups import group_flows, group_handoffs, unit_of
from clientchain.errors import UsageError
from clientchain.graph import (
    CLIENT,
    DELIVERABLE,
    GROUP,
    KIND,
    QUALITY,
    ROLE,
    SUPPLIER,
    TYPE,
    VOLUME,
    WORK,
)
from clientchain.i18n import _, ngettext
from clientchain.model import ExternalParty, Organization
from clientchain.numbers import duration, factor, num, or_unknown, pct, per_period
from clientchain.output.limits import (
    carries_no_chain_work,
    demand_limit_clause,
    headroom_clause,
    limit_factor,
    marked_constraint,
)
from clientchain.render.chain_view import (
    Stop,
    arrow_lines,
    chain_stops,
    quality_text,
    rate,
    step_lines,
)
from clientchain.render.groups_view import group_edge, group_node
from clientchain.render.legend import (
    legend_for,
    quality_colour,
    utilization_colour,
    volume_width,
)
from clientchain.render.scale import Fit, fit_diagram
from clientchain.render.scene import Diagram, DiagramEdge, DiagramNode, Direction, node_key
from clientchain.render.theme import THEMES, Theme
from clientchain.terms import term

__all__ = [
    "QUALITY_FAIR",
    "QUALITY_GOOD",
    "SLIDE_LIMIT",
    "DiagramOptions",
    "GroupBy",
    "Highlight",
    "build_diagram",
    "parse_view",
    "wrap",
]

GroupBy = Literal["group", "kind", "none"]
Highlight = Literal["utilization", "quality", "none"]

SLIDE_LIMIT = 24
"""More nodes than this do not read on a 16:9 slide: the view gets a warning."""
NAME_WIDTH = 22
"""Node names wrap at spaces to lines of about this many characters."""
LABEL_WIDTH = 18
"""Edge labels wrap at spaces to lines of about this many characters (narrow ranks)."""
QUALITY_GOOD = 0.95
QUALITY_FAIR = 0.90


@dataclass(frozen=True, slots=True)
class DiagramOptions:
    """How to draw: the view, clustering, direction, highlight and theme."""

    view: str = "org"
    depth: int = 1
    group_by: GroupBy = "group"
    direction: Direction = "LR"
    highlight: Highlight = "utilization"
    theme: Theme = THEMES["light"]
    min_volume: float = 0.0
    """Handoffs of a known volume below this are not drawn (the caption counts them)."""
    aspect: float | None = None
    """Width over height the drawing should land near (``render --aspect``); ``None``: as is."""


@dataclass(frozen=True, slots=True)
class _Context:
    org: Organization
    graph: nx.DiGraph
    flow: FlowReport
    options: DiagramOptions
    constraint: str | None
    chain: ChainFlow | None = None
    focus: str | None = None
    busiest: str | None = None
    """The busiest department when it carries no chain work (not the constraint then)."""
    heaviest: float | None = None
    """The largest volume among the view's edges: the widest arrow."""


def parse_view(view: str) -> tuple[str, str]:
    """``'chain:video'`` → ``('chain', 'video')``; ``'org'`` → ``('org', '')``.

    >>> parse_view("department:creatividad")
    ('department', 'creatividad')
    """
    kind, _colon, argument = view.partition(":")
    if kind in ("org", "groups") and not argument:
        return kind, ""
    if kind in ("chain", "department", "group") and argument:
        return kind, argument
    raise UsageError(
        _("unknown view {view}: use org, groups, chain:ID, department:ID or group:NAME").format(
            view=repr(view)
        )
    )


def build_diagram(
    org: Organization, graph: nx.DiGraph, flow: FlowReport, options: DiagramOptions
) -> Diagram:
    """The diagram of one view of ``org``.

    Parameters
    ----------
    org, graph : Organization, networkx.DiGraph
        The organization and its :func:`~clientchain.graph.build_graph` graph.
    flow : FlowReport
        :func:`~clientchain.analysis.flow.analyze_flow` of ``org``.
    options : DiagramOptions

    Raises
    ------
    UsageError
        An unknown view, chain, department or group (with the closest names), or
        a depth below 1.
    """
    kind, argument = parse_view(options.view)
    if kind == "chain":
        return _chain_diagram(org, graph, flow, options, argument)
    context = _org_context(org, graph, flow, options)
    if kind == "groups":
        return _groups_diagram(context)
    if kind == "department":
        _known(argument, set(graph.nodes), _("unknown department, client or supplier {name}"))
        context = replace(context, focus=argument)
        ids = _neighbourhood(graph, argument, options.depth)
        title = f"{org.name} — {org.label(argument)}"
        # TRANSLATORS: the caption of a department view: the handoffs shown around it
        depth = ngettext(
            "{n} handoff(s) up- and downstream", "{n} handoff(s) up- and downstream", options.depth
        )
        caption: tuple[str, ...] = (depth.format(n=num(options.depth)),)
    elif kind == "group":
        ids = _group(org, graph, argument)
        title = f"{org.name} — {argument}"
        caption = _org_caption(org, flow)
    else:
        ids = list(graph.nodes)
        title, caption = org.name, _org_caption(org, flow)
    nodes = [_node(context, node_id) for node_id in ids]
    edges, hidden = _edges(context, ids)
    if hidden:
        caption = (*caption, _hidden_caption(hidden, options.min_volume, org.period))
    return _assemble(context, nodes, edges, title, caption)


def _hidden_caption(hidden: int, min_volume: float, period: str) -> str:
    """``3 handoffs below 2/week not drawn (--min-volume)``."""
    # TRANSLATORS: {volume} is a rate such as "2/week"
    template = ngettext(
        "{n} handoff below {volume} not drawn (--min-volume)",
        "{n} handoffs below {volume} not drawn (--min-volume)",
        hidden,
    )
    return template.format(n=num(hidden), volume=rate(min_volume, period))


def _groups_diagram(context: _Context) -> Diagram:
    """Each group one box, the other nodes their own, the work handoffs between them."""
    org, graph, flow, theme = context.org, context.graph, context.flow, context.options.theme
    groups = group_flows(org, flow)
    constraint = flow.constraint
    nodes, seen = [], set()
    for node in graph:
        unit = unit_of(graph, node)
        if unit in seen:
            continue
        seen.add(unit)
        group = groups.get(unit.removeprefix("group:")) if unit != node else None
        if group is None:
            nodes.append(_node(replace(context, options=_no_clusters(context.options)), node))
            continue
        holds = constraint if constraint in group.departments else None
        named = None if holds is None else org.label(holds)
        nodes.append(group_node(group, theme, org.checks.near_capacity, org.period, named))
    between = group_handoffs(graph)
    heaviest = max((h.volume for h in between if h.volume is not None), default=None)
    edges = [group_edge(h, theme, org.period, heaviest) for h in between]
    # TRANSLATORS: the caption of the groups view
    note = _("one shape per group; arrows sum the work handoffs between groups")
    if not groups:
        # TRANSLATORS: the caption of the groups view of a file whose departments have no group
        note = _("no department has a group: each is drawn on its own")
    caption = (*_org_caption(org, flow), note)
    return _assemble(context, nodes, edges, org.name, caption)


def _no_clusters(options: DiagramOptions) -> DiagramOptions:
    return replace(options, group_by="none")


def _org_context(
    org: Organization, graph: nx.DiGraph, flow: FlowReport, options: DiagramOptions
) -> _Context:
    """The busiest department is the constraint unless it carries no chain work: then the
    chains' constraint is (``None`` without chains) and the busiest is named apart."""
    busiest = flow.constraint if carries_no_chain_work(flow, flow.constraint) else None
    return _Context(org, graph, flow, options, marked_constraint(flow), busiest=busiest)


def _chain_diagram(
    org: Organization, graph: nx.DiGraph, flow: FlowReport, options: DiagramOptions, chain_id: str
) -> Diagram:
    """The chain as walked: one box per step, one arrow per step and one into the client."""
    _known(chain_id, flow.chains.keys(), _("unknown chain {name}"))
    chain = flow.chains[chain_id]
    context = _Context(org, graph, flow, options, chain.constraint, chain=chain)
    stops = chain_stops(org.chains[chain_id])
    nodes = [_node(context, stop.id, stop) for stop in stops]
    edges = [_chain_edge(context, a, b) for a, b in pairwise(stops)]
    title = f"{org.name} — {chain.name}"
    return _assemble(context, nodes, edges, title, _chain_caption(chain, org))


def _known(name: str, candidates: Collection[str], unknown: str) -> None:
    """Nothing when ``name`` is one of ``candidates``, else a :class:`UsageError` with the
    message ``unknown`` (a template with ``{name}``) and the closest candidates."""
    if name in candidates:
        return
    close = difflib.get_close_matches(name, sorted(candidates), n=3)
    message = unknown.format(name=repr(name))
    if close:
        names = ", ".join(repr(c) for c in close)
        suggestion = _("did you mean {names}?").format(names=names)
        message += f" ({suggestion})"
    raise UsageError(message)


def _neighbourhood(graph: nx.DiGraph, centre: str, depth: int) -> list[str]:
    if depth < 1:
        raise UsageError(_("--depth must be 1 or more, got {depth}").format(depth=depth))
    up = nx.single_source_shortest_path_length(graph.reverse(copy=False), centre, cutoff=depth)
    down = nx.single_source_shortest_path_length(graph, centre, cutoff=depth)
    keep = set(up) | set(down)
    return [n for n in graph.nodes if n in keep]


def _group(org: Organization, graph: nx.DiGraph, name: str) -> list[str]:
    _known(name, {d.group for d in org.departments.values() if d.group}, _("unknown group {name}"))
    members = {d.id for d in org.departments.values() if d.group == name}
    neighbours = {n for m in members for n in (*graph.predecessors(m), *graph.successors(m))}
    return [n for n in graph.nodes if n in members | neighbours]


@functools.lru_cache(maxsize=4096)  # deliverables repeat on thousands of edges
def wrap(text: str, width: int) -> str:
    """``text`` with line breaks at spaces so lines stay near ``width`` characters.

    Existing line breaks are kept (trailing ones dropped); no word is split and no
    character is lost but the spaces where lines break.

    >>> wrap("Objetivos y presupuestos aprobados", 18)
    'Objetivos y\\npresupuestos\\naprobados'
    """
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    wrapped = (
        textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [line]
        for line in lines
    )
    return "\n".join(part for parts in wrapped for part in parts)


def _org_caption(org: Organization, flow: FlowReport) -> tuple[str, ...]:
    if flow.constraint is None:
        return ()
    utilization = flow.departments[flow.constraint].utilization
    name = org.label(flow.constraint)
    first = _("constraint: {name} ({value} utilized)").format(name=name, value=pct(utilization))
    if carries_no_chain_work(flow, flow.constraint) and flow.chain_constraint is not None:
        chains = flow.departments[flow.chain_constraint]
        # TRANSLATORS: the busiest department carries no chain work, so another department is
        # the chains' constraint (docs/concepts.md)
        first = _(
            "busiest: {name} ({value} utilized), no chain work; "
            "the chains' constraint: {chain} ({chain_value})"
        ).format(
            name=name,
            value=pct(utilization),
            chain=org.label(chains.id),
            chain_value=pct(chains.utilization),
        )
    return (
        first,
        _("headroom {factor}: {clause}").format(
            factor=or_unknown(flow.headroom, factor), clause=headroom_clause(flow, org.label)
        ),
        _("demand limit {factor}: {clause}").format(
            factor=limit_factor(flow, factor), clause=demand_limit_clause(flow, org.label)
        ),
    )


def _chain_caption(chain: ChainFlow, org: Organization) -> tuple[str, ...]:
    over = ", ".join(org.label(d) for d in chain.over_takt) or _("none")
    return (
        # TRANSLATORS: {per_period} is "per week", "per day"…
        _("demand {demand} {per_period} · takt {takt}").format(
            demand=num(chain.demand),
            per_period=per_period(org.period),
            takt=duration(chain.takt_hours),
        ),
        _("process time {process} · lead time {lead} · value added {value_added}").format(
            process=duration(chain.process_time_hours),
            lead=duration(chain.lead_time_hours),
            value_added=pct(chain.value_added_ratio),
        ),
        _("rolled quality {quality} · over takt: {over}").format(
            quality=quality_text(chain, org.chains[chain.id]), over=over
        ),
    )


def _assemble(
    context: _Context,
    nodes: Sequence[DiagramNode],
    edges: Sequence[DiagramEdge],
    title: str,
    caption: tuple[str, ...],
) -> Diagram:
    by_cluster: dict[str | None, list[DiagramNode]] = {}
    for node in nodes:
        by_cluster.setdefault(node.cluster, []).append(node)
    clusters = tuple(c for c in by_cluster if c is not None)
    ordered = [n for c in (*clusters, None) for n in by_cluster.get(c, ())]
    options = context.options
    legend = legend_for(options.highlight, options.theme, context.org.checks.near_capacity)
    diagram = Diagram(
        title,
        caption,
        options.direction,
        tuple(ordered),
        tuple(edges),
        clusters,
        options.theme,
        legend=legend,
    )
    diagram, fit = fit_diagram(diagram)
    return replace(diagram, warnings=_warnings(len(nodes), len(edges), fit))


def _warnings(nodes: int, edges: int, fit: Fit) -> tuple[str, ...]:
    """One line when the view is too large for a slide, saying what it gave up to stay drawable."""
    if nodes <= SLIDE_LIMIT and fit == "layered":
        return ()
    counts = {"nodes": num(nodes), "edges": num(edges), "limit": num(SLIDE_LIMIT)}
    if fit == "force":
        size = _(
            "this view has {nodes} nodes and {edges} edges, too many to lay out in ranks: "
            "drawn as a force-directed map (sfdp; groups named in the boxes, no edge labels); "
            "a 16:9 slide reads well up to {limit} nodes"
        ).format(**counts)
    elif fit == "unlabelled":
        size = _(
            "this view has {nodes} nodes; its {edges} edges are drawn without labels to keep "
            "the layout fast; a 16:9 slide reads well up to {limit}"
        ).format(**counts)
    else:
        size = _("this view has {nodes} nodes; a 16:9 slide reads well up to {limit}").format(
            **counts
        )
    return (
        _(
            "{size}: try --view groups, --view group:NAME, --view chain:ID "
            "or --view department:ID --depth 1"
        ).format(size=size),
    )


def _node(context: _Context, node_id: str, stop: Stop | None = None) -> DiagramNode:
    """The box of ``node_id``; in a chain view, of one ``stop`` of the chain."""
    attributes = context.graph.nodes[node_id]
    role, theme = attributes[ROLE], context.options.theme
    name = wrap(context.org.label(node_id), NAME_WIDTH)
    key = node_key(node_id) if stop is None else stop.key
    if role == CLIENT:
        party = context.org.clients[node_id]
        detail = " · ".join(filter(None, (_external_client(party), party.segment)))
        lines: tuple[str, ...] = (name, detail)
        return DiagramNode(node_id, key, "client", lines, theme.client_fill, theme.party_line)
    if role == SUPPLIER:
        lines = (name, _("external supplier"))
        return DiagramNode(node_id, key, "supplier", lines, theme.supplier_fill, theme.party_line)
    fill, line, emphasis = _department_style(context, node_id, stop)
    cluster = None  # a chain reads left to right: clusters would only scatter its steps
    if context.chain is None:
        cluster = _cluster(context.options.group_by, attributes[GROUP], attributes[KIND])
    lines = (name, *_department_details(context, node_id, stop))
    return DiagramNode(node_id, key, "department", lines, fill, line, cluster, emphasis)


def _external_client(party: ExternalParty) -> str:
    """``external client``, ``external final client``, ``external intermediary client``."""
    if party.client_role:
        # TRANSLATORS: {role} is the client's role: "final" or "intermediary"
        return _("external {role} client").format(role=term("role", party.client_role))
    return _("external client")


def _cluster(group_by: GroupBy, group: str | None, kind: str) -> str | None:
    if group_by == "group":
        return group
    return term("kind", kind) if group_by == "kind" else None


def _department_details(context: _Context, node_id: str, stop: Stop | None) -> list[str]:
    department = context.flow.departments[node_id]
    kind = term("kind", context.graph.nodes[node_id][KIND])
    if department.utilization is None:
        lines = [_("{kind} · utilization unknown").format(kind=kind)]
    else:
        # TRANSLATORS: a department's box: its kind and how busy it is, "operative · 80% utilized"
        utilization = pct(department.utilization)
        lines = [_("{kind} · {value} utilized").format(kind=kind, value=utilization)]
    if context.chain is not None and stop is not None:
        lines += step_lines(context.chain, context.org.chains[context.chain.id], stop)
    if node_id == context.busiest:
        # TRANSLATORS: the busiest department, whose load is all other work (not chain work)
        lines.append(_("busiest, no chain work"))
    elif node_id == context.constraint:
        lines.append(_("chains' constraint") if context.busiest else _("constraint"))
    return lines


def _department_style(context: _Context, node_id: str, stop: Stop | None) -> tuple[str, str, bool]:
    theme, options = context.options.theme, context.options
    fill, line, emphasis = theme.department_fill, theme.department_line, False
    if options.highlight == "utilization":
        utilization = context.flow.departments[node_id].utilization
        if utilization is not None:  # unknown (effort unknown): the plain fill
            fill = utilization_colour(theme, utilization, context.org.checks.near_capacity)
        if node_id == context.constraint:
            line, emphasis = theme.constraint, True
    step = None if stop is None else stop.step
    if context.chain is not None and step is not None and context.chain.steps[step].over_takt:
        line, emphasis = theme.constraint, True
    if node_id == context.focus:
        line, emphasis = theme.accent, True
    return fill, line, emphasis


def _edges(context: _Context, ids: Sequence[str]) -> tuple[list[DiagramEdge], int]:
    """The edges among ``ids`` in graph order, and how many ``--min-volume`` hid."""
    graph, keep = context.graph, set(ids)
    order = {node: index for index, node in enumerate(graph.nodes)}.__getitem__
    successors = graph.succ  # sources in graph order, each one's clients in graph order
    pairs = [
        (source, target)
        for source in graph
        if source in keep
        for target in sorted(successors[source], key=order)
        if target in keep
    ]
    floor = context.options.min_volume
    shown = [p for p in pairs if not _rare(successors[p[0]][p[1]][VOLUME], floor)]
    volumes = [v for s, t in shown if (v := successors[s][t][VOLUME]) is not None]
    context = replace(context, heaviest=max(volumes, default=None))
    return [_edge(context, source, target) for source, target in shown], len(pairs) - len(shown)


def _rare(volume: float | None, floor: float) -> bool:
    return volume is not None and volume < floor


def _edge(context: _Context, source: str, target: str) -> DiagramEdge:
    attributes = context.graph.succ[source][target]
    lines: list[str] = []
    if attributes[DELIVERABLE]:
        lines.append(wrap(attributes[DELIVERABLE], LABEL_WIDTH))
    if attributes[VOLUME] is not None:
        lines.append(rate(attributes[VOLUME], context.org.period))
    keys = node_key(source), node_key(target)
    width = volume_width(attributes[VOLUME], context.heaviest)
    return _styled(context, (source, target), keys, lines, attributes, width)


def _chain_edge(context: _Context, source: Stop, target: Stop) -> DiagramEdge:
    """The arrow between two stops of a chain: the chain's demand, the wait of ``target``.

    Two consecutive steps at one department have no handoff (no graph edge): their
    arrow carries the demand and the wait only.
    """
    assert context.chain is not None
    attributes = context.graph.succ[source.id].get(target.id)
    deliverable = attributes[DELIVERABLE] if attributes else None
    chain = context.org.chains[context.chain.id]
    lines = arrow_lines(context.org, context.chain, chain, target, deliverable)
    if deliverable:
        lines[0] = wrap(deliverable, LABEL_WIDTH)
    return _styled(context, (source.id, target.id), (source.key, target.key), lines, attributes)


def _styled(
    context: _Context,
    ids: tuple[str, str],
    keys: tuple[str, str],
    lines: list[str],
    attributes: Mapping[str, Any] | None,
    width: float = 1.2,
) -> DiagramEdge:
    """The arrow with its type, colour, width and dashes (``attributes``: the graph edge's;
    ``width``: a work edge's, by volume)."""
    theme = context.options.theme
    kind = attributes[TYPE] if attributes else WORK
    if kind != WORK:
        lines.append(term("type", str(kind)))
    colour, width = (theme.edge, width) if kind == WORK else (theme.feedback_edge, 1.0)
    if context.options.highlight == "quality" and kind == WORK and attributes:
        quality = attributes[QUALITY]
        colour, width = quality_colour(theme, quality), width + 1.2
        # TRANSLATORS: %C&A is "percent complete and accurate" (Spanish %C&P)
        lines.append(_("%C&A {value}").format(value=pct(quality)))
    return DiagramEdge(*ids, *keys, tuple(lines), colour, kind != WORK, width)
