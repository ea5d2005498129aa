"""Views, highlight and themes: what a diagram shows, with hand-checked numbers.

Agencia (examples/agencia.yaml): a week is H = 5 × 8 = 40 h per person.
"""

from __future__ import annotations

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.errors import UsageError
from clientchain.graph import build_graph
from clientchain.loading import load_text
from clientchain.render.theme import THEMES
from clientchain.render.views import SLIDE_LIMIT, DiagramOptions, build_diagram, parse_view, wrap

LIGHT = THEMES["light"]


def _diagram(org_graph, **options):
    org, graph = org_graph
    return build_diagram(org, graph, analyze_flow(org), DiagramOptions(**options))


def _node(diagram, node_id):
    return next(n for n in diagram.nodes if n.id == node_id)


def _edge(diagram, source, target):
    return next(e for e in diagram.edges if (e.source, e.target) == (source, target))


def test_org_view_has_every_node_and_edge_once(agencia) -> None:
    _org, graph = agencia
    diagram = _diagram(agencia)
    assert sorted(n.id for n in diagram.nodes) == sorted(graph.nodes)
    assert len(diagram.edges) == graph.number_of_edges() == 16
    assert diagram.clusters == ("Dirección", "Comercial", "Producción creativa")
    assert diagram.warnings == ()


def test_constraint_is_outlined_and_coloured_by_utilization(agencia) -> None:
    diagram = _diagram(agencia)
    # creatividad: (10 × 4 h + 4 × 6 h) / (2 × 40 h) = 64 / 80 = 80%, between the 50% colour
    # #bbf7d0 and the 85% colour #fde68a, (80 − 50) / (85 − 50) = 6/7 of the way:
    # red 187 + 66 × 6/7 = 243.6 → f4, green 247 − 17 × 6/7 = 232.4 → e8, blue 208 − 70 × 6/7 = 148
    creatividad = _node(diagram, "creatividad")
    assert creatividad.lines == ("Creatividad", "operative · 80% utilized", "constraint")
    assert creatividad.emphasis
    assert creatividad.line == LIGHT.constraint
    assert creatividad.fill == "#f4e894"
    # redes: (10 × 0.5 h + 3 × 1 h + 4 × 1 h + 20 h) / 80 h = 32 / 80 = 40%: 0.8 of the way
    # from #dbeafe (0%) to #bbf7d0 (50%): 219 − 32 × 0.8 = 193.4 → c1, 234 + 10.4 → f4,
    # 254 − 36.8 = 217.2 → d9
    redes = _node(diagram, "redes")
    assert redes.fill == "#c1f4d9"
    assert not redes.emphasis
    assert "40% utilized" in redes.lines[1]


def test_edges_carry_deliverable_and_volume(agencia) -> None:
    diagram = _diagram(agencia)
    # contenido → creatividad: infografía 10 + campaña 4 = 14 per week
    assert _edge(diagram, "contenido", "creatividad").lines == ("Textos", "14/week")
    feedback = _edge(diagram, "redes", "contenido")
    assert feedback.dashed
    assert feedback.colour == LIGHT.feedback_edge
    assert not _edge(diagram, "contenido", "creatividad").dashed


def test_no_highlight_uses_plain_fills(agencia) -> None:
    diagram = _diagram(agencia, highlight="none")
    fills = {n.fill for n in diagram.nodes if n.shape == "department"}
    assert fills == {LIGHT.department_fill}
    assert not _node(diagram, "creatividad").emphasis


def test_quality_highlight_colours_edges_by_percent(agencia) -> None:
    diagram = _diagram(agencia, highlight="quality")
    good = _edge(diagram, "contenido", "creatividad")  # 96% ≥ 95%
    # 94%: 0.8 of the way from the 90% colour #ca8a04 to the 95% colour #15803d:
    # 202 − 181 × 0.8 = 57.2 → 39, 138 − 8 = 130 → 82, 4 + 45.6 = 49.6 → 32
    fair = _edge(diagram, "contenido", "audiovisual")
    unknown = _edge(diagram, "direccion", "cuentas")  # no quality given
    assert (good.colour, fair.colour, unknown.colour) == (
        LIGHT.quality[0],
        "#398232",
        LIGHT.quality[3],
    )
    assert good.lines[-1] == "%C&A 96%"
    assert unknown.lines[-1] == "%C&A unknown"


def test_chain_view_is_the_path_in_order_with_takt_and_lead_time(agencia) -> None:
    diagram = _diagram(agencia, view="chain:infografia")
    assert [n.id for n in diagram.nodes] == ["stock", "contenido", "creatividad", "redes", "marcas"]
    assert [(e.source, e.target) for e in diagram.edges] == [
        ("stock", "contenido"),
        ("contenido", "creatividad"),
        ("creatividad", "redes"),
        ("redes", "marcas"),
    ]
    assert diagram.clusters == ()
    # takt 40 h / 10 = 4 h; process 2 + 4 + 0.5 = 6.5 h; lead 6.5 + 1 d (8 h) + 2 d (16 h) = 30.5 h
    # value added 6.5 / 30.5 = 21.3%
    assert diagram.caption[0] == "demand 10 per week · takt 4 h"
    assert diagram.caption[1] == "process time 6.5 h · lead time 30.5 h · value added 21.3%"
    # creatividad: cycle 4 h / 2 people = 2 h; its wait of 2 d = 16 h labels the arrow into it
    assert "cycle 2 h" in _node(diagram, "creatividad").lines
    assert _edge(diagram, "contenido", "creatividad").lines[-1] == "wait 16 h"


def test_chain_view_inventory_wait(agencia) -> None:
    diagram = _diagram(agencia, view="chain:video")
    # audiovisual: inventory 2 ÷ (3 per week / 5 days) = 3.33 days × 8 h = 26.67 h
    assert _edge(diagram, "contenido", "audiovisual").lines[-1] == "wait 26.67 h (inventory 2)"


OVER = """\
version: 1
organization: Over
departments:
  a: {name: Alfa}
  b: {name: Beta, headcount: 2}
clients:
  z: {name: Zeta}
chains:
  x:
    name: Equis
    client: z
    demand: 10
    steps:
      - {department: a, effort: 5h}
      - {department: b, effort: 1h}
"""


def test_chain_view_marks_the_over_takt_step() -> None:
    org = load_text(OVER, "over.yaml")
    diagram = _diagram((org, build_graph(org)), view="chain:x")
    # takt 40 h / 10 = 4 h; a: cycle 5 h / 1 = 5 h > 4 h (over); b: 1 h / 2 = 0.5 h
    # a: load 10 × 5 h = 50 h of 40 h = 125% → overloaded band, and the constraint
    alfa, beta = _node(diagram, "a"), _node(diagram, "b")
    assert "cycle 5 h · OVER TAKT" in alfa.lines
    assert alfa.emphasis
    assert alfa.line == LIGHT.constraint
    assert alfa.fill == LIGHT.scale[3]
    assert "cycle 30 min" in beta.lines  # 0.5 h, under an hour: in minutes
    assert not beta.emphasis
    assert diagram.caption[2].endswith("over takt: Alfa")


def test_department_view_depth_one(agencia) -> None:
    diagram = _diagram(agencia, view="department:creatividad")
    assert {n.id for n in diagram.nodes} == {"contenido", "creatividad", "medios", "redes"}
    focus = _node(diagram, "creatividad")
    assert focus.emphasis
    assert focus.line == LIGHT.accent


def test_department_view_depth_two_reaches_further(agencia) -> None:
    one = {n.id for n in _diagram(agencia, view="department:creatividad").nodes}
    two = {n.id for n in _diagram(agencia, view="department:creatividad", depth=2).nodes}
    assert one < two
    assert {"cuentas", "stock", "marcas", "pymes"} <= two


def test_group_view_is_the_group_and_its_neighbours(agencia) -> None:
    diagram = _diagram(agencia, view="group:Comercial")
    members = {n.id for n in diagram.nodes if n.cluster == "Comercial"}
    assert members == {"cuentas", "medios", "redes"}
    assert {"direccion", "creatividad", "marcas", "pymes"} <= {n.id for n in diagram.nodes}


@pytest.mark.parametrize(
    ("view", "message"),
    [
        ("chain:videos", "unknown chain 'videos' (did you mean 'video'?)"),
        ("department:creatividd", "did you mean 'creatividad'?"),
        ("group:Comerical", "unknown group 'Comerical' (did you mean 'Comercial'?)"),
        ("whole", "unknown view 'whole'"),
        ("chain:", "unknown view 'chain:'"),
    ],
)
def test_unknown_views_are_usage_errors_with_suggestions(agencia, view, message) -> None:
    with pytest.raises(UsageError) as raised:
        _diagram(agencia, view=view)
    assert message in str(raised.value)


def test_parse_view() -> None:
    assert parse_view("org") == ("org", "")
    assert parse_view("group:Producción creativa") == ("group", "Producción creativa")


def test_group_by_kind_and_none(agencia) -> None:
    assert _diagram(agencia, group_by="kind").clusters == ("executive", "commercial", "operative")
    assert _diagram(agencia, group_by="none").clusters == ()


def test_too_large_view_warns_and_suggests_a_smaller_one() -> None:
    departments = "\n".join(f"  d{i}: {{name: D{i}}}" for i in range(SLIDE_LIMIT + 1))
    org = load_text(f"version: 1\norganization: Big\ndepartments:\n{departments}\n", "big.yaml")
    diagram = _diagram((org, build_graph(org)))
    assert len(diagram.nodes) == SLIDE_LIMIT + 1 == 25
    assert len(diagram.warnings) == 1
    assert "25 nodes" in diagram.warnings[0]
    assert "--view group:NAME" in diagram.warnings[0]


def test_wrap_keeps_every_character_but_the_breaking_spaces() -> None:
    text = "Informe de rentabilidad por cliente\ncon saltos"
    wrapped = wrap(text, 18)
    assert wrapped == "Informe de\nrentabilidad por\ncliente\ncon saltos"
    assert wrapped.replace("\n", " ") == text.replace("\n", " ")
