"""The slides written to a path (``clientchain slides``): a ``.pptx`` deck."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import networkx as nx

from clientchain.analysis.diff import diff_orgs
from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.simulation_result import SimulationReport
from clientchain.analysis.sipoc import sipoc
from clientchain.app.summary import build_summary
from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.loading import load_file
from clientchain.model import Organization
from clientchain.output.files import write_atomic
from clientchain.render.distribution_chart import distribution_charts
from clientchain.render.engine import Engine
from clientchain.render.slides import Scenario, build_deck, plan_deck, slide_count
from clientchain.render.views import DiagramOptions
from clientchain.render.written import Written
from clientchain.trend.result import TrendResult

__all__ = ["write_slides"]

_TEMPLATES = (".pptx", ".potx")  # i18n: file extensions


def _template(path: str | Path | None) -> bytes | None:
    if path is None:
        return None
    if Path(path).suffix.lower() not in _TEMPLATES:
        raise UsageError(
            _("a template is a .pptx or .potx file, not {path}").format(path=repr(str(path)))
        )
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(
            _("cannot read the template {path}: {error}").format(
                path=repr(str(path)), error=exc.strerror or exc
            )
        ) from exc


def _departments(org: Organization, ids: Sequence[str]) -> tuple[str, ...]:
    """``ids`` in the order given, each once; an unknown one exits 2 with the closest ids."""
    for dept in ids:
        if dept not in org.departments:
            message = _("unknown department {name}").format(name=repr(dept))
            close = difflib.get_close_matches(dept, sorted(org.departments), n=3)
            if close:
                names = ", ".join(repr(c) for c in close)
                message += " (" + _("did you mean {names}?").format(names=names) + ")"
            raise UsageError(message)
    return tuple(dict.fromkeys(ids))


def _scenario(org: Organization, path: str | Path | None) -> Scenario | None:
    if path is None:
        return None
    future = load_file(path)
    if org.departments and not org.departments.keys() & future.departments.keys():
        raise UsageError(
            # TRANSLATORS: {path} is the --scenario file, {name} the organization's name
            _("{path} is not a scenario of {name}: they have no department in common").format(
                path=repr(str(path)), name=org.name
            )
        )
    return Scenario(Path(path).name, analyze_flow(future), diff_orgs(org, future))


def write_slides(
    org: Organization,
    graph: nx.DiGraph,
    output: str | Path,
    options: DiagramOptions | None = None,
    engine: Engine | None = None,
    *,
    chains: Sequence[str] | None = None,
    template: str | Path | None = None,
    scenario: str | Path | None = None,
    sipocs: Sequence[str] = (),
    trend: TrendResult | None = None,
    simulation: SimulationReport | None = None,
) -> Written:
    """Write the deck to ``output`` (``.pptx``): every chain or those of ``chains``, on the
    masters of ``template`` (a ``.pptx`` or ``.potx``) when given, with a what-if slide
    comparing ``org`` with the ``scenario`` file (as ``simulate -o`` writes it) when given, a
    SIPOC slide for each department of ``sipocs``, with ``trend``
    (:func:`clientchain.app.trend.build_trend`) a slide of what changed and the forecast and
    one native line chart a slide, and with ``simulation``
    (:func:`clientchain.analysis.simulation.simulate_flow`) a slide per chain shown with its
    simulated lead-time distribution.

    Raises
    ------
    UsageError
        ``output`` is not ``.pptx``, python-pptx is not installed, an unknown chain or
        department, a
        template that is not a readable PowerPoint file, or a scenario with no department
        of ``org``.
    InputError
        The scenario file is not a valid organization.
    RenderError
        No engine to lay out the diagrams, or the engine failed.
    """
    if Path(output).suffix.lower() != ".pptx":
        raise UsageError(
            _("slides are written as .pptx, not {path}").format(path=repr(str(output)))
        )
    departments = _departments(org, sipocs)
    brand = _template(template)
    what_if = _scenario(org, scenario)
    plan = plan_deck(
        org, graph, options or DiagramOptions(), engine, chains=chains, scenario=what_if
    )
    plan = replace(
        plan,
        executive=build_summary(org, graph, flow=plan.flow),
        sipocs=tuple(sipoc(org, graph, plan.flow, dept) for dept in departments),
        trend=trend,
    )
    if simulation is not None:
        theme = (options or DiagramOptions()).theme
        charts = distribution_charts(org, simulation, theme, plan.chain_ids)
        plan = replace(plan, distributions=charts)
    write_atomic(output, build_deck(plan, brand, str(template or "")))
    counts = {"slides": slide_count(plan), "nodes": len(plan.overview[0].nodes)}
    warnings = plan.overview[0].warnings
    return Written(str(output), "pptx", plan.engine, counts, warnings)
