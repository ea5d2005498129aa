"""What the analyses say to people, in Spanish: a what-if change that cannot be made, an
unknown department, and the regressions ``diff`` refuses. The same calls in English keep
their words."""

from __future__ import annotations

import math
import sys

import pytest

from clientchain.analysis.change import Change, check_changes, unknown_target
from clientchain.analysis.diff import diff_orgs
from clientchain.analysis.structure import who
from clientchain.analysis.whatif import simulate
from clientchain.errors import UsageError
from clientchain.graph import build_graph
from clientchain.i18n import use
from clientchain.model import Chain, Department, ExternalParty, Organization, Step

CLIENTS = {"z": ExternalParty("z", "Zeta", "client")}


def _org(effort: float = 2.0, headcount: float = 1) -> Organization:
    """Alfa: 10 × effort hours of headcount × 40 h."""
    return Organization(
        "Tiny",
        {"a": Department("a", "Alfa", headcount=headcount)},
        clients=CLIENTS,
        chains={"x": Chain("x", "X", "z", 10.0, (Step("a", effort),))},
    )


def _refusal(org: Organization, *changes: Change) -> str:
    with pytest.raises(UsageError) as refused:
        simulate(org, changes)
    return str(refused.value)


def test_unknown_targets_in_spanish() -> None:
    with use("es"):
        assert _refusal(_org(), Change.headcount("aa", add=1)) == (
            "headcount of aa +1: departamento desconocido 'aa' (¿quiso decir 'a'?)"
        )
        assert _refusal(_org(), Change.demand(2, "zz")) == (
            "demand of zz × 2: cadena desconocida 'zz'"
        )
        assert unknown_target("chain", "y", ["x", "y1"]) == (
            "cadena desconocida 'y' (¿quiso decir 'y1'?)"
        )
    assert unknown_target("chain", "y", ["x", "y1"]) == "unknown chain 'y' (did you mean 'y1'?)"


def test_values_no_change_can_have_in_spanish() -> None:
    with use("es"):
        assert _refusal(_org(), Change.capacity("a", -1)) == (
            "capacity of a = -1 h: se esperaba un número finito, 0 o mayor; se recibió -1.0"
        )
        assert _refusal(_org(), Change.headcount("a", add=math.inf)) == (
            "headcount of a +inf: se esperaba un número finito; se recibió inf"
        )
        # 1 person − 3 = −2 people
        assert _refusal(_org(), Change.headcount("a", add=-3)) == (
            "headcount of a -3: a tendría -2 personas (tiene 1)"
        )
        huge = _refusal(_org(), Change.demand(sys.float_info.max))
    assert huge.startswith("demand × 1.79769e+308: la carga del departamento 'a' sería demasiado")
    assert huge.endswith("(más de 1,8e+308 horas)")
    # the label is the change's own (its repr, and what JSON lists), the same in every language
    with use("es"):
        assert str(Change.headcount("a", add=1)) == "headcount of a +1"


def test_a_change_without_a_department_in_spanish() -> None:
    with use("es"), pytest.raises(UsageError) as refused:
        check_changes(_org(), [Change("capacity", None, "set", 10.0)])
    assert str(refused.value) == "capacity = 10 h: un cambio de capacity necesita un departamento"


def test_unknown_node_in_spanish() -> None:
    org = _org()
    graph = build_graph(org)
    with use("es"):
        with pytest.raises(UsageError) as close:
            who(org, graph, "aa")
        with pytest.raises(UsageError) as far:
            who(org, graph, "nada")
    assert str(close.value) == (
        "departamento, cliente o proveedor desconocido 'aa' (¿quiso decir 'a'?)"
    )
    assert str(far.value) == "departamento, cliente o proveedor desconocido 'nada'"


def test_regressions_in_spanish_and_english() -> None:
    # Alfa: 10 × 2 h = 20 h of 40 h = 50 %, then 10 × 3.6 h = 36 h = 90 % (over 85 %);
    # X's lead time 2 h → 3.6 h: +80 %, more than 10 %
    change = diff_orgs(_org(2.0), _org(3.6))
    with use("es"):
        spanish = [r.message.replace("\xa0", " ") for r in change.regressions]
    assert spanish == [
        "Alfa (a) supera el umbral de casi plena capacidad del 85 %: utilización 50 % → 90 %.",
        "X (x): el tiempo de entrega crece un 80 % (2 h → 3,6 h), más que la tolerancia del 10 %.",
    ]
    assert [r.message for r in change.regressions] == [
        "Alfa (a) crosses the near-capacity threshold of 85%: utilization 50% → 90%.",
        "X (x): lead time grows by 80% (2 h → 3.6 h), more than the tolerance of 10%.",
    ]
    # 10 × 5 h = 50 h of 40 h: overloaded
    overloaded = diff_orgs(_org(2.0), _org(5.0)).regressions[0]
    assert (overloaded.reason, overloaded.old, overloaded.new) == ("overloaded", 0.5, 1.25)
    with use("es"):
        assert overloaded.message.replace("\xa0", " ") == (
            "Alfa (a) pasa a estar sobrecargado: utilización 50 % → 125 %."
        )
