"""Hints that tell the truth: unknown ids, durations and percentages as people type them."""

from __future__ import annotations

import jsonschema
import pytest

from clientchain.errors import InputError
from clientchain.loading import load_text
from clientchain.loading.schema import org_schema


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_text(text, "org.yaml")
    return [str(issue) for issue in caught.value.issues]


# -- unknown references ----------------------------------------------------------------------

ORG = """\
version: 1
departments: {ventas: {}, taller: {}, envios: {}}
clients: {tiendas: {}}
suppliers: {papel: {}}
"""


def test_an_unknown_id_lists_the_known_ids_instead_of_asking_for_an_order() -> None:
    # ids may be defined after their use: the hint must not say "define it first"
    found = problems(ORG + "handoffs:\n  - {from: ventas, to: almacen}\n")
    assert found == [
        "org.yaml:6:24: handoffs[0].to: unknown id 'almacen': expected a department, client "
        "or supplier (known ids: ventas, taller, envios, tiendas, papel)"
    ]


def test_a_chain_client_lists_only_the_clients() -> None:
    chain = (
        "chains:\n  c: {client: mayoristas, demand: 1, steps: [{department: taller, effort: 1h}]}\n"
    )
    assert problems(ORG + chain) == [
        "org.yaml:6:15: chains.c.client: unknown id 'mayoristas': expected an external client "
        "(known clients: tiendas)"
    ]


def test_the_did_you_mean_prefers_an_id_of_the_wanted_role() -> None:
    # 'taler' is close to the department 'taller'; 'tienda' to the client 'tiendas'
    chain = "chains:\n  c: {client: tienda, demand: 1, steps: [{department: taler, effort: 1h}]}\n"
    assert problems(ORG + chain) == [
        "org.yaml:6:15: chains.c.client: unknown id 'tienda': expected an external client "
        "(did you mean 'tiendas'?)",
        "org.yaml:6:55: chains.c.steps[0].department: unknown id 'taler': expected a department "
        "(did you mean 'taller'?)",
    ]


def test_a_role_with_no_ids_says_where_they_go() -> None:
    text = "version: 1\ndepartments: {a: {}}\n"
    text += "chains:\n  c: {client: tiendas, demand: 1, steps: [{department: a, effort: 1h}]}\n"
    assert problems(text) == [
        "org.yaml:4:15: chains.c.client: unknown id 'tiendas': expected an external client "
        "(no client is defined: add it under 'clients')"
    ]


def test_a_long_list_of_known_ids_is_cut_short() -> None:
    ids = ", ".join(f"d{n:02}: {{}}" for n in range(1, 13))  # twelve departments
    text = f"version: 1\ndepartments: {{{ids}}}\nhandoffs: [{{from: d01, to: zz}}]\n"
    # eight shown, 12 - 8 = 4 more
    assert problems(text)[0].endswith(
        "(known ids: d01, d02, d03, d04, d05, d06, d07, d08 and 4 more)"
    )


def test_an_id_used_before_its_section_is_fine() -> None:
    text = "version: 1\nhandoffs: [{from: a, to: b}]\ndepartments: {a: {}, b: {}}\n"
    assert len(load_text(text, "org.yaml").handoffs) == 1


# -- durations as people type them -----------------------------------------------------------

STEP = """\
version: 1
departments: {a: {}}
clients: {c: {}}
chains:
  x:
    client: c
    demand: 1
    steps:
      - department: a
        effort: {effort}
"""


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("2 days", "2d"),
        ("4hrs", "4h"),
        ("1,5h", "1.5h"),
        ("2 días", "2d"),
        ("3 horas", "3h"),
        ("45 mins", "45m"),
        ("1 week", "1w"),
        ("2 semanas", "2w"),
        ("1 month", "1mo"),
        ("0,5 meses", "0.5mo"),
        ("90 minutos", "90m"),
        ("2 Days", "2d"),
        ("1,5", "1.5h"),  # a bare number is hours
    ],
)
def test_a_duration_typed_in_words_gets_a_did_you_mean(written: str, meant: str) -> None:
    assert problems(STEP.replace("{effort}", written)) == [
        f"org.yaml:10:17: chains.x.steps[0].effort: expected a duration like '4h', '30m' or "
        f"'1.5d', got '{written}' (did you mean '{meant}'?)"
    ]


def test_a_duration_past_saving_keeps_the_list_of_units() -> None:
    assert problems(STEP.replace("{effort}", "lots"))[0].endswith(
        "got 'lots' (units: s, m, h, d, w, mo (d, w and mo follow the calendar); "
        "'unknown' when not measured)"
    )


@pytest.mark.parametrize("written", ["Unknown", "UNKNOWN", "unknwn", "unkown"])
def test_an_unknown_effort_misspelt_gets_a_did_you_mean(written: str) -> None:
    assert problems(STEP.replace("{effort}", written)) == [
        f"org.yaml:10:17: chains.x.steps[0].effort: expected a duration like '4h', '30m' or "
        f"'1.5d', got '{written}' (did you mean 'unknown'?)"
    ]


def test_an_empty_effort_is_still_missing_unknown_has_to_be_said() -> None:
    assert problems(STEP.replace("{effort}", "~")) == [
        "org.yaml:9:9: chains.x.steps[0].effort: missing required key 'effort'"
    ]


def test_a_decimal_comma_inside_braces_is_explained() -> None:
    # YAML splits {effort: 1,5h} into effort: 1 and a key '5h'
    text = STEP.replace("      - department: a\n        effort: {effort}\n", "")
    text += "      - {department: a, effort: 1,5h}\n"
    assert problems(text) == [
        "org.yaml:9:35: chains.x.steps[0].5h: unknown key '5h' (did you mean 'effort: 1.5h'? "
        "a comma inside {…} starts a new key)"
    ]


# -- percentages and version -------------------------------------------------------------------

HANDOFF = "version: 1\ndepartments: {a: {}, b: {}}\nhandoffs: [{from: a, to: b, quality: {q}}]\n"


@pytest.mark.parametrize(("written", "meant"), [("90", "90%"), ("92.5", "92.5%")])
def test_a_bare_percentage_suggests_itself_with_a_percent_sign(written: str, meant: str) -> None:
    assert problems(HANDOFF.replace("{q}", written)) == [
        f"org.yaml:3:38: handoffs[0].quality: expected a percentage like '90%' or a fraction "
        f"0–1, got {written} (did you mean '{meant}'?)"
    ]


@pytest.mark.parametrize("version", ['"1"', "'1'", "1"])
def test_version_one_quoted_or_not(version: str) -> None:
    org = load_text(f"version: {version}\ndepartments: {{a: {{}}}}\n", "org.yaml")
    assert org.version == 1


@pytest.mark.parametrize("version", ['"2"', "2", "1.5", '"one"'])
def test_other_versions_are_refused(version: str) -> None:
    assert problems(f"version: {version}\ndepartments: {{a: {{}}}}\n")[0].startswith(
        "org.yaml:1:10: version: unsupported version"
    )


def test_the_schema_agrees_on_a_quoted_version() -> None:
    validator = jsonschema.Draft202012Validator(org_schema())
    assert validator.is_valid({"version": "1"})
    assert validator.is_valid({"version": 1})
    assert not validator.is_valid({"version": "2"})
