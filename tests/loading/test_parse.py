"""From YAML text to the typed model: values, references and every problem at once."""

from __future__ import annotations

import pytest

from clientchain.errors import InputError
from clientchain.loading import load_file, load_text
from clientchain.model import Location

AGENCY = """\
version: 1
organization: Agencia Ejemplo
period: month
calendar: {hours_per_day: 7.5, days_per_week: 5, days_per_month: 20}
departments:
  content:
    name: Contenido y comunicación
    kind: operative
    group: Marketing
    headcount: 2
    capacity: 70h
    other_load: 1d
    owner: Ana Pérez
    tags: [core, "quoted tag"]
  creative: {name: Creatividad, headcount: 3}
  social: {name: Redes sociales, kind: commercial}
clients:
  brands: {name: Marcas, segment: loyal}
suppliers:
  stock: {name: Banco de imágenes}
handoffs:
  - from: content
    to: creative
    deliverable: Textos
    volume: 20
    lead_time: 1d
    quality: 90%
    satisfaction: 4.2
  - {from: social, to: content, type: feedback, deliverable: Comentarios}
chains:
  infographic:
    name: Infografía
    client: brands
    supplier: stock
    demand: 10
    steps:
      - {department: content, effort: 2h, wait: 1d}
      - {department: creative, effort: 4h, inventory: 40}
      - {department: social, effort: 30m}
    finished_inventory: 5
checks:
  near_capacity: 80%
  min_satisfaction: 3.5
  ignore: [single-point-of-failure]
  severity: {no-feedback: error}
"""


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_text(text, "org.yaml")
    return [str(issue) for issue in caught.value.issues]


def test_every_key_reaches_the_model() -> None:
    org = load_text(AGENCY, "org.yaml")
    assert org.name == "Agencia Ejemplo"
    assert org.period == "month"
    # H = 7.5 h/day × 20 days/month = 150 h
    assert org.period_hours == pytest.approx(150.0)
    content = org.departments["content"]
    assert content.name == "Contenido y comunicación"
    assert (content.kind, content.group, content.headcount) == ("operative", "Marketing", 2)
    assert content.capacity == 70.0
    assert content.other_load == 7.5  # 1d = hours_per_day = 7.5 h
    assert content.owner == "Ana Pérez"
    assert content.tags == ("core", "quoted tag")
    assert content.location == Location(6, 3)
    assert org.departments["creative"].kind == "operative"  # the default
    assert org.capacity_hours("creative") == pytest.approx(3 * 150.0)  # headcount × H
    assert org.clients["brands"].segment == "loyal"
    assert org.suppliers["stock"].role == "supplier"
    first, feedback = org.handoffs
    assert (first.source, first.target, first.deliverable) == ("content", "creative", "Textos")
    assert (first.volume, first.lead_time, first.quality, first.satisfaction) == (
        20,
        7.5,
        pytest.approx(0.9),
        4.2,
    )
    assert (feedback.type, first.type) == ("feedback", "work")
    chain = org.chains["infographic"]
    assert (chain.name, chain.client, chain.supplier, chain.demand) == (
        "Infografía",
        "brands",
        "stock",
        10,
    )
    assert [s.department for s in chain.steps] == ["content", "creative", "social"]
    assert [s.effort for s in chain.steps] == [2.0, 4.0, 0.5]
    assert chain.steps[0].wait == 7.5
    assert chain.steps[1].inventory == 40
    assert chain.finished_inventory == 5
    assert chain.path == ("stock", "content", "creative", "social", "brands")
    assert org.checks.near_capacity == pytest.approx(0.8)
    assert org.checks.min_satisfaction == 3.5
    assert org.checks.min_rolled_quality == pytest.approx(0.8)  # the default
    assert org.checks.ignore == ("single-point-of-failure",)
    assert dict(org.checks.severity) == {"no-feedback": "error"}


def test_defaults_for_a_minimal_file() -> None:
    org = load_text("version: 1\ndepartments:\n  a:\n", "minimal.yaml")
    assert org.name == "minimal"  # the file's stem
    assert org.period == "week"
    assert org.period_hours == 40.0
    a = org.departments["a"]
    assert (a.name, a.kind, a.headcount, a.capacity, a.other_load) == (
        "a",
        "operative",
        1.0,
        None,
        0.0,
    )


@pytest.mark.parametrize("word", ["no", "on", "off", "yes", "1", "null", "true", "~x"])
def test_ids_are_taken_as_written_as_keys_and_references(word: str) -> None:
    text = (
        "version: 1\n"
        f"departments:\n  {word}: {{}}\n  other: {{}}\n"
        f"handoffs:\n  - {{from: {word}, to: other}}\n"
        f"  - {{from: other, to: {word}, type: feedback}}\n"
    )
    org = load_text(text, "ids.yaml")
    assert list(org.departments) == [word, "other"]
    assert [(h.source, h.target) for h in org.handoffs] == [(word, "other"), ("other", word)]


def test_every_problem_is_reported_at_once_with_its_place() -> None:
    text = (
        "version: 1\n"
        "departmens: {}\n"
        "departments:\n"
        "  x: {headcont: 2, capacity: lots}\n"
        "handoffs:\n"
        "  - {from: x, to: y}\n"
    )
    assert problems(text) == [
        "org.yaml:2:1: departmens: unknown key 'departmens' (did you mean 'departments'?)",
        "org.yaml:4:7: departments.x.headcont: unknown key 'headcont' (did you mean 'headcount'?)",
        "org.yaml:4:30: departments.x.capacity: expected a duration like '4h', '30m' or '1.5d', "
        "got 'lots' (units: s, m, h, d, w, mo (d, w and mo follow the calendar))",
        "org.yaml:6:19: handoffs[0].to: unknown id 'y': expected a department, client or "
        "supplier (known ids: x)",
    ]


def test_duplicate_ids_across_sections_name_both_lines() -> None:
    text = "version: 1\ndepartments:\n  a: {}\nclients:\n  a: {}\n"
    assert problems(text) == [
        "org.yaml:5:3: clients.a: duplicate id 'a': already defined as a department at line 3 "
        "(departments, clients and suppliers share one set of ids)"
    ]


def test_references_must_have_the_right_role() -> None:
    text = (
        "version: 1\n"
        "departments: {a: {}, b: {}}\n"
        "clients: {c: {}}\n"
        "chains:\n"
        "  x: {client: a, supplier: c, demand: 1, steps: [{department: c, effort: 1h}]}\n"
    )
    found = problems(text)
    assert found == [
        "org.yaml:5:15: chains.x.client: 'a' is a department; expected an external client",
        "org.yaml:5:28: chains.x.supplier: 'c' is an external client; expected an external "
        "supplier",
        "org.yaml:5:63: chains.x.steps[0].department: 'c' is an external client; expected a "
        "department",
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("version: 2\n", "1:10: version: unsupported version '2'"),
        ("organization: x\n", "1:1: version: missing required key 'version'"),
        ("version: 1\nperiod: year\n", "2:9: period: expected one of day, week, month"),
        ("version: 1\ndepartments: [a, b]\n", "2:14: departments: expected a mapping of keys"),
        ("version: 1\ndepartments: {a: {headcount: -1}}\n", "2:30: departments.a.headcount"),
        ("version: 1\ndepartments: {a: {headcount: '3'}}\n", "without quotes"),
        # digits only in an exponent: not a number (was a raw Python message)
        (
            "version: 1\ndepartments: {a: {headcount: e5}}\n",
            "2:30: departments.a.headcount: expected a number, got 'e5'",
        ),
        ("version: 1\ndepartments: {a: {kind: boss}}\n", "expected one of executive"),
        ("version: 1\ndepartments: {'': {}}\n", "an id cannot be empty"),
        ("version: 1\ndepartments: {a: {}}\nhandoffs: [{from: a, to: a}]\n", "to itself"),
        (
            "version: 1\ndepartments: {a: {}, b: {}}\n"
            "handoffs: [{from: a, to: b}, {from: a, to: b}]\n",
            "3:30: handoffs[1]: duplicate handoff from 'a' to 'b' (first at line 3)",
        ),
        (
            "version: 1\ndepartments: {a: {}}\nclients: {c: {}}\n"
            "chains: {x: {client: c, demand: 1, steps: []}}\n",
            "a chain needs at least one step",
        ),
        (
            "version: 1\ndepartments: {a: {}}\nclients: {c: {}}\n"
            "chains: {x: {client: c, demand: 1, steps: "
            "[{department: a, effort: 1h, wait: 1d, inventory: 3}]}}\n",
            "either 'wait' or 'inventory'",
        ),
        ("version: 1\nhandoffs: [x]\n", "expected a mapping with 'from' and 'to'"),
        ("version: 1\nchecks: {severity: {isolated: fatal}}\n", "expected one of error"),
        ("version: 1\nchecks: {near_capacity: 120%}\n", "between 0% and 100%"),
    ],
)
def test_invalid_values(body: str, expected: str) -> None:
    assert any(expected in p for p in problems(body)), problems(body)


def test_load_file_reads_paths_and_reports_missing_ones(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "org.yaml"
    path.write_text("version: 1\ndepartments: {a: {name: Ñandú}}\n", encoding="utf-8")
    assert load_file(path).departments["a"].name == "Ñandú"
    with pytest.raises(InputError, match="no such file"):
        load_file(tmp_path / "missing.yaml")
    with pytest.raises(InputError, match="directory"):
        load_file(tmp_path)


def test_a_long_linear_chain_loads_without_recursion() -> None:
    n = 3000
    departments = "".join(f"  d{i}: {{}}\n" for i in range(n))
    steps = "".join(f"      - {{department: d{i}, effort: 1m}}\n" for i in range(n))
    text = (
        f"version: 1\ndepartments:\n{departments}clients:\n  end: {{}}\n"
        f"chains:\n  long:\n    client: end\n    demand: 1\n    steps:\n{steps}"
    )
    org = load_text(text, "long.yaml")
    assert len(org.departments) == n
    assert len(org.chains["long"].steps) == n


def test_a_text_read_again_converts_the_same_and_is_reported_every_time() -> None:
    # Values are remembered by text and quoting once converted; a bad one is not.
    org = load_text(
        "version: 1\n"
        "calendar: {hours_per_day: 6}\n"
        "departments:\n"
        "  a: {capacity: 1d, other_load: '1d', headcount: 2}\n"
        "  b: {capacity: 1d, other_load: 2, headcount: 2}\n",
        "org.yaml",
    )
    a, b = org.departments["a"], org.departments["b"]
    # 1d = 6 h on this calendar, quoted or not; a bare 2 is 2 hours
    assert (a.capacity, a.other_load, b.capacity, b.other_load) == (6.0, 6.0, 6.0, 2.0)
    assert problems(
        "version: 1\n"
        "period: week\n"
        "departments:\n"
        "  a: {headcount: '3'}\n"
        "  b: {headcount: '3'}\n"
        "  c: {headcount: 3}\n"
        "  d: {kind: week}\n"
    ) == [
        "org.yaml:4:18: departments.a.headcount: expected a number, got '3' "
        "(write the number without quotes)",
        "org.yaml:5:18: departments.b.headcount: expected a number, got '3' "
        "(write the number without quotes)",
        # 'week' is a period, read above, but not a kind of department
        "org.yaml:7:13: departments.d.kind: expected one of executive, commercial, operative, "
        "got 'week'",
    ]
