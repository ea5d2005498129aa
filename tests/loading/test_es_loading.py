"""Spanish in and out of the loader: the Spanish spellings of the enumerated values
(``kind: operativo``) read as their English values, the schema accepts them, did-you-mean looks
in both languages, and every located input error can be read in Spanish (``--lang es`` or the
file's own ``language: es``) while English stays as it was."""

from __future__ import annotations

import contextvars
import json
import unicodedata
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from clientchain.cli import app
from clientchain.errors import InputError, Issue
from clientchain.i18n import current, use
from clientchain.loading import load_text
from clientchain.loading.labels import label_problem
from clientchain.loading.language import stated_language
from clientchain.loading.project import read_project_config
from clientchain.loading.schema import org_schema
from clientchain.loading.yaml_source import compose, to_data
from clientchain.model import ExternalParty
from clientchain.terms import SPANISH
from clientchain.units import Calendar, parse_duration, parse_percentage

ROOT = Path(__file__).resolve().parents[2]
ALIASES = ROOT / "tests" / "cases" / "valid" / "spanish-aliases.yaml"

# A small valid organization; {kind}, {type}, {role}, {period} and {severity} are filled in.
ORG = """\
version: 1
period: {period}
departments:
  ventas: {{kind: {kind}}}
  taller: {{}}
clients:
  tienda: {{role: {role}}}
handoffs:
  - {{from: ventas, to: taller}}
  - {{from: taller, to: tienda}}
  - {{from: taller, to: ventas, type: {type}}}
chains:
  c:
    client: tienda
    demand: 1
    steps: [{{department: ventas, effort: 1h}}, {{department: taller, effort: 1h}}]
checks:
  severity: {{isolated: {severity}}}
"""
ENGLISH = {
    "kind": "operative",
    "type": "feedback",
    "role": "final",
    "period": "week",
    "severity": "warning",
}


def org_with(**values: str) -> str:
    return ORG.format(**{**ENGLISH, **values})


def read_back(field: str, org_text: str) -> str:
    """The value the model holds for ``field`` of ORG."""
    org = load_text(org_text, "org.yaml")
    return {
        "kind": org.departments["ventas"].kind,
        "type": org.handoffs[2].type,
        "role": org.clients["tienda"].client_role,
        "period": org.period,
        "severity": org.checks.severity["isolated"],
    }[field]


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_text(text, "org.yaml")
    return [str(issue) for issue in caught.value.issues]


def unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def invoke(*args: str) -> tuple[int, str, str]:
    """The CLI in process; the language it chooses stays inside the call."""
    result = contextvars.copy_context().run(CliRunner().invoke, app, list(args))
    return result.exit_code, result.stdout, result.stderr


# -- Spanish spellings in, English values in the model ------------------------------------------

SPELLINGS = [
    (field, spelling, value)
    for field, words in SPANISH.items()
    for spelling, value in words.items()
]


@pytest.mark.parametrize(("field", "spelling", "value"), SPELLINGS, ids=lambda x: str(x))
def test_every_spanish_spelling_reads_as_its_english_value(
    field: str, spelling: str, value: str
) -> None:
    assert read_back(field, org_with(**{field: spelling})) == value
    # without accents, capitalized, and quoted, too
    assert read_back(field, org_with(**{field: unaccented(spelling)})) == value
    assert read_back(field, org_with(**{field: spelling.capitalize()})) == value
    assert read_back(field, org_with(**{field: f'"{spelling}"'})) == value


def test_english_values_still_read_as_themselves() -> None:
    org = load_text(org_with(), "org.yaml")
    assert (org.departments["ventas"].kind, org.handoffs[2].type, org.period) == (
        "operative",
        "feedback",
        "week",
    )


def test_the_corpus_file_of_spanish_spellings_holds_english_values() -> None:
    org = load_text(ALIASES.read_text(encoding="utf-8"), str(ALIASES))
    assert org.period == "month"
    assert {d.id: d.kind for d in org.departments.values()} == {
        "direccion": "executive",
        "ventas": "commercial",
        "taller": "operative",
    }
    assert {c.id: c.client_role for c in org.clients.values()} == {
        "distribuidor": "intermediary",
        "lector": "final",
    }
    assert [h.type for h in org.handoffs] == [
        "work",
        "work",
        "work",
        "work",
        "feedback",
        "information",
        "information",
    ]
    assert dict(org.checks.severity) == {"isolated": "warning", "single-point-of-failure": "info"}


def test_map_json_shows_the_english_values() -> None:
    code, out, _err = invoke("map", str(ALIASES), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["period"] == "month"
    assert [d["kind"] for d in data["departments"]] == ["executive", "commercial", "operative"]
    assert [c["role"] for c in data["clients"]] == ["intermediary", "final"]


def test_a_spanish_spelling_of_another_field_is_refused() -> None:
    # 'mes' is a period, not a kind
    assert problems(org_with(kind="mes")) == [
        "org.yaml:4:18: departments.ventas.kind: expected one of executive, commercial, "
        "operative, got 'mes'"
    ]


def test_pyproject_severities_take_spanish_spellings_too(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[tool.clientchain]\nfail-on = "Aviso"\nseverity = { isolated = "información" }\n',
        encoding="utf-8",
    )
    config = read_project_config(path)
    assert config is not None
    assert (config.fail_on, dict(config.severity)) == ("warning", {"isolated": "info"})


# -- the schema ---------------------------------------------------------------------------------


def test_the_schema_accepts_the_spanish_spellings_file() -> None:
    validator = jsonschema.Draft202012Validator(org_schema())
    data = to_data(compose(ALIASES.read_text(encoding="utf-8"), str(ALIASES)))
    assert list(validator.iter_errors(data)) == []


def test_the_schema_lists_every_spelling_the_loader_takes_and_nothing_else() -> None:
    schema = org_schema()
    definitions = schema["$defs"]
    enums = {
        "kind": definitions["department"]["properties"]["kind"]["anyOf"][0]["enum"],
        "type": definitions["handoff"]["properties"]["type"]["anyOf"][0]["enum"],
        "role": definitions["client"]["properties"]["role"]["anyOf"][0]["enum"],
        "period": schema["properties"]["period"]["anyOf"][0]["enum"],
        "severity": definitions["checks"]["properties"]["severity"]["anyOf"][0][
            "additionalProperties"
        ]["enum"],
    }
    for field, enum in enums.items():
        spanish = SPANISH[field]
        expected = set(spanish.values()) | set(spanish) | {unaccented(w) for w in spanish}
        assert set(enum) == expected, field
        assert len(enum) == len(set(enum)), field
        for spelling in enum:  # the loader reads each, to an English value
            assert read_back(field, org_with(**{field: f'"{spelling}"'})) in spanish.values()
    assert enums["kind"][:3] == ["executive", "commercial", "operative"]
    assert schema["properties"]["language"]["anyOf"][0]["enum"] == ["en", "es"]


def test_the_schema_still_rejects_a_word_in_neither_language() -> None:
    validator = jsonschema.Draft202012Validator(org_schema())
    data = to_data(compose(org_with(kind="operatvo"), "org.yaml"))
    assert [error.message for error in validator.iter_errors(data)]


# -- did you mean, across both languages --------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("operatvo", "operativo"),
        ("operatve", "operative"),
        ("comercal", "comercial"),
        ("commercal", "commercial"),
        ("trimestr", "trimestre"),
    ],
)
def test_did_you_mean_suggests_the_nearest_word_in_either_language(
    written: str, meant: str
) -> None:
    field = "period" if written == "trimestr" else "kind"
    [found] = problems(org_with(**{field: written}))
    assert found.endswith(f"(did you mean '{meant}'?)")
    with use("es"):
        [found] = problems(org_with(**{field: written}))
    assert found.endswith(f"(¿quiso decir '{meant}'?)")


def test_did_you_mean_prefers_the_language_of_the_messages_on_a_tie() -> None:
    # 'operativa' is as close to 'operative' as to 'operativo' (case does not count)
    [found] = problems(org_with(kind="OPERATIVA"))
    assert found.endswith("(did you mean 'operative'?)")
    with use("es"):
        [found] = problems(org_with(kind="OPERATIVA"))
    assert found.endswith("(¿quiso decir 'operativo'?)")


def test_did_you_mean_for_a_handoff_type_and_a_severity() -> None:
    found = problems(org_with(type="retroalimentacio", severity="avisos"))
    assert [line.rsplit("(", 1)[1] for line in found] == [
        "did you mean 'retroalimentación'?)",
        "did you mean 'aviso'?)",
    ]


# -- located messages in Spanish --------------------------------------------------------------

BAD = org_with(kind="operatvo").replace("demand: 1", "demand: mucha")


def test_english_messages_are_unchanged() -> None:
    assert problems(BAD) == [
        "org.yaml:4:18: departments.ventas.kind: expected one of executive, commercial, "
        "operative, got 'operatvo' (did you mean 'operativo'?)",
        "org.yaml:15:13: chains.c.demand: expected a number, got 'mucha'",
    ]


def test_messages_in_spanish_with_lang_es(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(BAD, encoding="utf-8")
    code, out, err = invoke("map", "--lang", "es", str(path))
    assert code == 2
    assert "Traceback" not in out + err
    # the choices in Spanish (dirección is executive's word), the suggestion in Spanish
    assert err.splitlines() == [
        f"{path}:4:18: departments.ventas.kind: se esperaba uno de: dirección, comercial, "
        "operativo; se recibió 'operatvo' (¿quiso decir 'operativo'?)",
        f"{path}:15:13: chains.c.demand: se esperaba un número, se recibió 'mucha'",
    ]


def test_messages_in_spanish_from_the_files_own_language(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(BAD.replace("version: 1\n", "version: 1\nlanguage: es\n"), encoding="utf-8")
    code, _out, err = invoke("map", str(path))
    assert code == 2
    assert err.splitlines()[1] == (
        f"{path}:16:13: chains.c.demand: se esperaba un número, se recibió 'mucha'"
    )
    # check reports the same message as a finding
    code, out, _err = invoke("check", str(path))
    assert code == 2
    assert f"{path}:16:13: error [input-error] chains.c.demand: se esperaba un número" in out
    # --lang wins over the file
    code, _out, err = invoke("map", "--lang", "en", str(path))
    assert code == 2
    assert err.splitlines()[1] == f"{path}:16:13: chains.c.demand: expected a number, got 'mucha'"


def test_a_file_in_spanish_whose_yaml_is_broken_is_reported_in_spanish(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text("version: 1\nlanguage: es\ndepartments:\n  a: b: c\n", encoding="utf-8")
    code, _out, err = invoke("map", str(path))
    assert code == 2
    assert err.strip() == (
        f"{path}:4:7: YAML no válido: no se admiten valores de mapeo en este contexto"
    )


def test_a_files_language_leaves_the_callers_language_as_it_was() -> None:
    assert problems("language: es\nversion: 2\n") == [
        "org.yaml:2:10: version: versión no admitida '2': este clientchain lee la versión 1"
    ]
    assert current() == "en"
    with use("en"):  # the caller chose: the file does not change it
        assert problems("language: es\nversion: 2\n") == [
            "org.yaml:2:10: version: unsupported version '2': this clientchain reads version 1"
        ]


def test_the_language_a_file_states_is_found_before_it_is_read() -> None:
    assert stated_language("version: 1\nlanguage: es\n") == "es"
    assert stated_language(b"\xef\xbb\xbflanguage: 'en'  # English\n") == "en"
    assert stated_language('{"version": 1,\n "language" : "es"}') == "es"
    assert stated_language("departments:\n  language: es\n") is None  # not the top-level key
    assert stated_language("language: fr\n") is None
    assert stated_language("languages: es\n") is None


def test_spanish_hints_with_numbers_written_the_spanish_way() -> None:
    ids = "".join(f"  d{i:02}: {{}}\n" for i in range(1, 13))
    text = f"version: 1\ndepartments:\n{ids}handoffs:\n  - {{from: d01, to: nada}}\n"
    with use("es"):
        found = problems(text)
    assert found == [
        "org.yaml:16:21: handoffs[0].to: id desconocido 'nada': se esperaba un departamento, "
        "cliente o proveedor (ids conocidos: d01, d02, d03, d04, d05, d06, d07, d08 y 4 más)"
    ]


def test_the_other_spanish_messages_of_the_loader() -> None:
    with use("es"):
        assert problems("version: 1\ncalendar: {hours_per_day: 25}\n") == [
            "org.yaml:2:27: calendar.hours_per_day: se esperaba un número mayor que 0 y como "
            "máximo 24, se recibió '25'"
        ]
        assert problems("version: 1\ndepartments: {a: {capacity: 2 semanas}}\n") == [
            "org.yaml:2:29: departments.a.capacity: se esperaba una duración como '4h', '30m' o "
            "'1.5d', se recibió '2 semanas' (¿quiso decir '2w'?)"
        ]
        assert problems("version: 1\nversion: 1\n") == [
            "org.yaml:2:1: clave duplicada 'version' (la primera, en la línea 1) "
            "(cada clave puede aparecer una sola vez en un mapeo)"
        ]
        assert problems("") == [
            "org.yaml:1:1: el archivo está vacío (un archivo de organización empieza por "
            "'version: 1'; 'clientchain init' escribe uno)"
        ]
        assert problems("version: 1\nchains: {c: {client: x, demand: 1, steps: [uno]}}\n")[-1] == (
            "org.yaml:2:44: chains.c.steps[0]: se esperaba un mapeo con 'department' y 'effort', "
            "se recibió 'uno'"
        )


def test_units_and_labels_in_spanish() -> None:
    with use("es"):
        with pytest.raises(ValueError, match=r"^se esperaba una duración como '4h', '30m' o"):
            parse_duration("mucho", Calendar())
        with pytest.raises(ValueError, match=r"^un porcentaje debe estar entre 0 % y 100 %"):
            parse_percentage("120%")
        # 31 is the most days a month may have; the value given is echoed as Python writes it
        with pytest.raises(
            ValueError,
            match=r"^days_per_month debe ser mayor que 0 y como máximo 31, se recibió 40$",
        ):
            Calendar(days_per_month=40)
        # 1234 characters: "1.234" with the Spanish group separator
        assert label_problem("x" * 1234) == (
            "1.234 caracteres, más que los 200 que puede tener una etiqueta",
            "acortarlo; poner el texto largo en un documento",
        )


def test_and_n_more_in_spanish() -> None:
    issues = [Issue("org.yaml", line, 1, "x") for line in (1, 2, 3)]
    assert str(InputError(issues)) == "org.yaml:1:1: x (and 2 more)"
    with use("es"):
        assert str(InputError(issues)) == "org.yaml:1:1: x (y 2 más)"


def test_role_words_in_spanish() -> None:
    final = ExternalParty("t", "Tienda", "client", client_role="final")
    supplier = ExternalParty("p", "Papel", "supplier")
    assert (final.role_words, supplier.role_words) == ("final client", "supplier")
    with use("es"):
        assert (final.role_words, supplier.role_words) == ("cliente final", "proveedor")
