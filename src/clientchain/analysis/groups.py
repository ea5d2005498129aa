"""Groups rolled up: each group's load, capacity, headcount and the handoffs between groups.

A group's load and capacity are the sums of its departments' (hours per period),
its utilization their quotient; the load is unknown when any member's is. A
handoff between departments of two different groups (or between a group and an
external party) counts towards the pair's handoffs, and its volume towards their
volume when given. Departments without a group stand for themselves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from clientchain.analysis.flow import FlowReport
from clientchain.graph import GROUP, TYPE, VOLUME, WORK
from clientchain.model import Organization

__all__ = ["GroupFlow", "GroupHandoffs", "group_flows", "group_handoffs", "unit_of"]


@dataclass(frozen=True, slots=True)
class GroupFlow:
    """One group's departments, headcount, load and capacity (hours per period)."""

    name: str
    departments: tuple[str, ...]
    headcount: float
    load_hours: float | None
    capacity_hours: float
    utilization: float | None


@dataclass(frozen=True, slots=True)
class GroupHandoffs:
    """The work handoffs from one unit to another: how many, and their known volume."""

    source: str
    target: str
    handoffs: int
    volume: float | None


def unit_of(graph: nx.DiGraph, node: str) -> str:
    """The group of a department (``group:`` + its name), else the node itself."""
    group = graph.nodes[node].get(GROUP)
    return f"group:{group}" if group else node


def group_flows(org: Organization, flow: FlowReport) -> dict[str, GroupFlow]:
    """Each group (file order of its first department) rolled up from ``flow``."""
    members: dict[str, list[str]] = {}
    for department in org.departments.values():
        if department.group:
            members.setdefault(department.group, []).append(department.id)
    result = {}
    for name, ids in members.items():
        rows = [flow.departments[i] for i in ids]
        loads = [row.load_hours for row in rows if row.load_hours is not None]
        load = math.fsum(loads) if len(loads) == len(rows) else None
        capacity = math.fsum(row.capacity_hours for row in rows)
        utilization = None if load is None else (load / capacity if capacity else math.inf)
        headcount = math.fsum(row.headcount for row in rows)
        result[name] = GroupFlow(name, tuple(ids), headcount, load, capacity, utilization)
    return result


def group_handoffs(graph: nx.DiGraph) -> list[GroupHandoffs]:
    """The work handoffs between different units (:func:`unit_of`), in graph order."""
    pairs: dict[tuple[str, str], list[float | None]] = {}
    for source, target, data in graph.edges(data=True):
        if data[TYPE] != WORK:
            continue
        key = unit_of(graph, source), unit_of(graph, target)
        if key[0] != key[1]:
            pairs.setdefault(key, []).append(data[VOLUME])
    result = []
    for (source, target), volumes in pairs.items():
        known = [volume for volume in volumes if volume is not None]
        total = math.fsum(known) if known else None
        result.append(GroupHandoffs(source, target, len(volumes), total))
    return result
