"""clientchain: map an organization's internal customer chain.

Every department is the *client* of the departments whose work it receives and
the *supplier* of those it hands work to, until the work reaches an external
client. This package loads an org file, builds the supplier → client graph and
analyses it::

    from clientchain import load_file, build_graph, who, run_checks

    org = load_file("examples/agencia.yaml")
    graph = build_graph(org)
    who(org, graph, "creatividad").serves_external
    run_checks(org, graph)

What-if analyses take :class:`Change` values, not command-line text (``clientchain
simulate`` reads ``--demand 1.3`` into ``Change.demand(1.3, label="--demand 1.3")``)::

    from clientchain import Change, simulate

    sim = simulate(org, [Change.demand(1.3), Change.headcount("creatividad", add=1)])
    sim.after.constraint, sim.hires, sim.demand_limit

The names below are imported on first use, so ``import clientchain`` (and
``clientchain --help``) stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from clientchain._version import __version__

_PUBLIC = {
    "load_file": "clientchain.loading",
    "load_text": "clientchain.loading",
    "dump_org": "clientchain.loading.dump",
    "org_schema": "clientchain.loading.schema",
    "update_satisfaction": "clientchain.loading.update",
    "update_satisfaction_file": "clientchain.app.org_update",
    "build_graph": "clientchain.graph",
    "work_graph": "clientchain.graph",
    "who": "clientchain.analysis.structure",
    "who_all": "clientchain.analysis.structure",
    "single_points_of_failure": "clientchain.analysis.structure",
    "department_satisfaction": "clientchain.analysis.quality",
    "analyze_flow": "clientchain.analysis.flow",
    "simulate": "clientchain.analysis.whatif",
    "Change": "clientchain.analysis.whatif",
    "diff_orgs": "clientchain.analysis.diff",
    "render_file": "clientchain.app.diagram",
    "write_report": "clientchain.app.report",
    "write_slides": "clientchain.app.slides",
    "discover_log": "clientchain.discover",
    "run_checks": "clientchain.checks",
    "CheckOptions": "clientchain.checks",
    "Finding": "clientchain.checks",
    "Severity": "clientchain.checks",
    "ClientchainError": "clientchain.errors",
    "InputError": "clientchain.errors",
    "UsageError": "clientchain.errors",
    "Issue": "clientchain.errors",
    "Organization": "clientchain.model",
    "Department": "clientchain.model",
    "ExternalParty": "clientchain.model",
    "Handoff": "clientchain.model",
    "Chain": "clientchain.model",
    "Step": "clientchain.model",
}

__all__ = [
    "Chain",
    "Change",
    "CheckOptions",
    "ClientchainError",
    "Department",
    "ExternalParty",
    "Finding",
    "Handoff",
    "InputError",
    "Issue",
    "Organization",
    "Severity",
    "Step",
    "UsageError",
    "__version__",
    "analyze_flow",
    "build_graph",
    "department_satisfaction",
    "diff_orgs",
    "discover_log",
    "dump_org",
    "load_file",
    "load_text",
    "org_schema",
    "render_file",
    "run_checks",
    "simulate",
    "single_points_of_failure",
    "update_satisfaction",
    "update_satisfaction_file",
    "who",
    "who_all",
    "work_graph",
    "write_report",
    "write_slides",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from clientchain.analysis.diff import diff_orgs
    from clientchain.analysis.flow import analyze_flow
    from clientchain.analysis.quality import department_satisfaction
    from clientchain.analysis.structure import single_points_of_failure, who, who_all
    from clientchain.analysis.whatif import Change, simulate
    from clientchain.app.diagram import render_file
    from clientchain.app.org_update import update_satisfaction_file
    from clientchain.app.report import write_report
    from clientchain.app.slides import write_slides
    from clientchain.checks import CheckOptions, Finding, Severity, run_checks
    from clientchain.discover import discover_log
    from clientchain.errors import ClientchainError, InputError, Issue, UsageError
    from clientchain.graph import build_graph, work_graph
    from clientchain.loading import load_file, load_text
    from clientchain.loading.dump import dump_org
    from clientchain.loading.schema import org_schema
    from clientchain.loading.update import update_satisfaction
    from clientchain.model import Chain, Department, ExternalParty, Handoff, Organization, Step


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use (PEP 562)."""
    module = _PUBLIC.get(name)
    if module is None:
        # i18n: Python's own message for a missing attribute
        raise AttributeError(f"module 'clientchain' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])
