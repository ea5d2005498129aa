"""``clientchain check`` in Spanish: the finding messages, the summary and the CI formats' texts
change with ``--lang es`` or the file's ``language: es``; the machine contract does not (rule ids,
levels, severities in JSON, exit codes, the SARIF and JUnit structure).

Each command runs in a copy of the current context, so the language it chooses does not leak
into the tests that follow.
"""

from __future__ import annotations

import contextvars
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
from tests.cli.cli_support import WARNING_ORG, RunResult
from typer.testing import CliRunner

from clientchain.app.check import check_report
from clientchain.cli import app
from clientchain.i18n import use
from clientchain.output.check_rich import check_rich

SARIF_SCHEMA = json.loads(
    (Path(__file__).parents[1] / "cli" / "data" / "sarif-schema-2.1.0.json").read_text(
        encoding="utf-8"
    )
)
NBSP = "\u00a0"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# WARNING_ORG (tests/cli/cli_support.py): Archivo has no handoffs (an isolated warning at line
# 8) and Ventas, Taller and Envíos each carry every path to Tiendas (three infos).
ISOLATED_ES = (
    "El departamento Archivo (archivo) no tiene ninguna entrega: nada le llega y no entrega nada."
)
ISOLATED_EN = (
    "Department Archivo (archivo) has no handoffs at all: nothing reaches it and it hands "
    "nothing over."
)
SPOF_ES = (
    "El departamento {name} es un punto único de fallo: todos los caminos de trabajo hacia "
    "Tiendas (tiendas) pasan por él."
)
SPANISH_MESSAGES = [
    SPOF_ES.format(name="Ventas (ventas)"),
    SPOF_ES.format(name="Taller de diseño (taller)"),
    SPOF_ES.format(name="Envíos (envios)"),
    ISOLATED_ES,
]
SUMMARY_EN = "checked 1 file: 0 errors, 1 warning, 3 info"
SUMMARY_ES = "1 archivo revisado: 0 errores, 1 aviso, 3 de información"
# the file says its language at the end, so its findings stay on the same lines
SPANISH_ORG = WARNING_ORG + "language: es\n"

Cli = Callable[..., RunResult]


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "NO_COLOR", "CLIENTCHAIN_DEBUG", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture
def cli() -> Cli:
    def invoke(*args: str) -> RunResult:
        result = contextvars.copy_context().run(CliRunner().invoke, app, list(args))
        return RunResult(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def org(tmp_path: Path) -> Callable[..., str]:
    def write(text: str = WARNING_ORG, name: str = "org.yaml") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def messages(text_output: str) -> list[str]:
    """The message of each ``file:line:col: severity [rule] message`` line."""
    return [line.split("] ", 1)[1] for line in text_output.splitlines()]


def places(text_output: str) -> list[tuple[str, str]]:
    """``(file:line:col, [rule])`` of each finding line: what no language changes."""
    found = []
    for line in text_output.splitlines():
        head, _message = line.split("] ", 1)
        place, _severity, rule = head.rsplit(" ", 2)
        found.append((place, rule))
    return found


# -- text --------------------------------------------------------------------------------------


def test_text_in_spanish_with_lang(cli: Cli, org) -> None:
    path = org()
    english = cli("check", path)
    spanish = cli("check", "--lang", "es", path)
    assert (english.exit_code, spanish.exit_code) == (1, 1)
    assert messages(spanish.stdout) == SPANISH_MESSAGES
    assert places(spanish.stdout) == places(english.stdout)
    assert spanish.stderr.strip() == SUMMARY_ES
    assert english.stderr.strip() == SUMMARY_EN
    assert messages(english.stdout)[-1] == ISOLATED_EN


def test_the_files_language_switches_it_and_lang_en_overrides_the_file(cli: Cli, org) -> None:
    english = cli("check", org(WARNING_ORG, "en.yaml"))
    path = org(SPANISH_ORG)
    from_file = cli("check", path)
    assert messages(from_file.stdout) == SPANISH_MESSAGES
    assert from_file.stderr.strip() == SUMMARY_ES
    overridden = cli("check", "--lang", "en", path)
    assert overridden.stdout == english.stdout.replace("en.yaml", "org.yaml")
    assert overridden.stderr == english.stderr


def test_several_files_speak_the_first_language_one_of_them_states(cli: Cli, org) -> None:
    # the first file states none, the second says es: the findings of both are Spanish
    first, second = org(WARNING_ORG, "a.yaml"), org(SPANISH_ORG, "b.yaml")
    result = cli("check", first, second)
    assert messages(result.stdout) == SPANISH_MESSAGES * 2
    assert result.stderr.strip() == "2 archivos revisados: 0 errores, 2 avisos, 6 de información"
    assert messages(cli("check", "--lang", "en", first, second).stdout)[-1] == ISOLATED_EN


def test_the_summary_counts_unreadable_files_in_spanish(cli: Cli, org, tmp_path: Path) -> None:
    result = cli("check", "--lang", "es", org(), str(tmp_path / "falta.yaml"))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "2 archivos revisados: 1 error, 1 aviso, 3 de información; 1 archivo no se pudo leer"
    )


def test_numbers_in_spanish_on_the_command_line(cli: Cli, org) -> None:
    text = WARNING_ORG.replace("  archivo: {name: Archivo}\n", "") + "language: es\n"
    text = text.replace("{department: taller, effort: 2h}", "{department: taller, effort: 3.8h}")
    # taller: 10 × 3.8 h = 38 h of 40 h → 95 % > 85 %
    result = cli("check", org(text), "--select", "near-capacity")
    assert messages(result.stdout) == [
        "El departamento Taller de diseño (taller) está cerca de su capacidad: utilización del "
        f"95{NBSP}% (38 h de 40 h por semana), por encima del umbral del 85{NBSP}%."
    ]
    assert result.stderr.strip() == "1 archivo revisado: 0 errores, 1 aviso, 0 de información"


def test_rich_text_writes_the_severity_in_spanish(org) -> None:
    def spanish_terminal() -> str:
        with use("es"):
            return check_rich(check_report([org()]).run, 200)

    lines = ANSI.sub("", contextvars.copy_context().run(spanish_terminal)).splitlines()
    assert lines[-1].endswith(f"aviso [isolated] {ISOLATED_ES}")
    assert lines[0].split(": ", 1)[1].startswith("información [single-point-of-failure] ")


# -- json --------------------------------------------------------------------------------------


def test_json_keeps_its_keys_and_severities(cli: Cli, org) -> None:
    path = org()
    english = json.loads(cli("check", path, "-f", "json").stdout)
    spanish = json.loads(cli("check", "--lang", "es", path, "-f", "json").stdout)
    assert [f["message"] for f in spanish["findings"]] == SPANISH_MESSAGES
    for finding in (*english["findings"], *spanish["findings"]):
        finding.pop("message")
    assert spanish == english
    assert {f["severity"] for f in spanish["findings"]} == {"info", "warning"}


# -- github ------------------------------------------------------------------------------------


def _annotations(output: str) -> tuple[list[str], list[str]]:
    """The command with its properties, and the message, of each annotation line."""
    split = [line.split("::", 2)[1:] for line in output.splitlines()]
    return [command for command, _text in split], [text for _command, text in split]


def test_github_annotations_in_spanish_with_the_same_commands(cli: Cli, org) -> None:
    path = org()
    english = cli("check", path, "-f", "github")
    spanish = cli("check", "--lang", "es", path, "-f", "github")
    assert (english.exit_code, spanish.exit_code) == (1, 1)
    commands_en, texts_en = _annotations(english.stdout)
    commands_es, texts_es = _annotations(spanish.stdout)
    assert commands_es == commands_en  # command, file, line, col, title
    assert commands_es[-1] == f"warning file={path},line=8,col=3,title=clientchain [isolated]"
    assert texts_es == SPANISH_MESSAGES
    assert texts_en[-1] == ISOLATED_EN
    assert spanish.stderr.strip() == SUMMARY_ES


# -- sarif -------------------------------------------------------------------------------------


def _without_texts(document: dict[str, Any]) -> dict[str, Any]:
    """The SARIF log with every human text removed: what must not change with the language."""
    run = document["runs"][0]
    for result in run["results"]:
        result.pop("message")
    for descriptor in run["tool"]["driver"]["rules"]:
        for key in ("shortDescription", "fullDescription", "help"):
            descriptor.pop(key, None)
    return document


def test_sarif_in_spanish_with_the_same_structure(cli: Cli, org, tmp_path: Path) -> None:
    paths = [org(), str(tmp_path / "falta.yaml")]
    english = json.loads(cli("check", *paths, "-f", "sarif").stdout)
    spanish = json.loads(cli("check", "--lang", "es", *paths, "-f", "sarif").stdout)
    validator = jsonschema.Draft7Validator(SARIF_SCHEMA)
    assert [error.message for error in validator.iter_errors(spanish)] == []
    run = spanish["runs"][0]
    found = [r["message"]["text"] for r in run["results"] if r["ruleId"] != "input-error"]
    assert found == SPANISH_MESSAGES
    rules = {descriptor["id"]: descriptor for descriptor in run["tool"]["driver"]["rules"]}
    assert rules["isolated"]["shortDescription"]["text"] == (
        "Un departamento, cliente externo o proveedor externo no tiene ninguna entrega."
    )
    assert rules["near-capacity"]["fullDescription"]["text"] == (
        f"La utilización de un departamento supera el umbral 'near_capacity', aunque no pasa "
        f"del 100{NBSP}%."
    )
    help_ = rules["isolated"]["help"]
    assert help_["text"].startswith("Nada le llega y nada sale de él: ")
    assert "(`handoffs: - {from: …, to: …}`)" in help_["markdown"]
    assert "('handoffs: - {from: …, to: …}')" in help_["text"]
    assert rules["input-error"]["shortDescription"]["text"] == (
        "No se pudo leer el archivo o no es un archivo de organización válido."
    )
    assert _without_texts(spanish) == _without_texts(english)


# -- junit -------------------------------------------------------------------------------------


def _structure(document: str) -> bytes:
    """The JUnit document without its messages and finding lines."""
    root = ElementTree.fromstring(document)
    for element in root.iter():
        element.attrib.pop("message", None)
        if element.tag in ("failure", "error", "system-out"):
            element.text = None
    return ElementTree.tostring(root)


def _outcomes(document: str) -> dict[tuple[str, str], tuple[str, str]]:
    """``(file, rule) → (outcome tag, its message)`` of every case that did not simply pass."""
    found = {}
    for case in ElementTree.fromstring(document).iter("testcase"):
        for child in case:
            if child.tag != "system-out":
                found[Path(case.get("file", "")).name, case.get("name", "")] = (
                    child.tag,
                    child.get("message", ""),
                )
    return found


def test_junit_in_spanish_with_the_same_structure(cli: Cli, org, tmp_path: Path) -> None:
    paths = [org(), str(tmp_path / "falta.yaml")]
    english = cli("check", *paths, "-f", "junit", "--select", "isolated,single-point-of-failure")
    spanish = cli(
        "check",
        "--lang",
        "es",
        *paths,
        "-f",
        "junit",
        "--select",
        "isolated,single-point-of-failure",
    )
    assert (english.exit_code, spanish.exit_code) == (2, 2)
    assert _structure(spanish.stdout) == _structure(english.stdout)
    outcomes = _outcomes(spanish.stdout)
    assert outcomes["org.yaml", "isolated"] == (
        "failure",
        "1 hallazgo de severidad aviso o superior",
    )
    assert outcomes["org.yaml", "overloaded"] == ("skipped", "regla no seleccionada")
    assert outcomes["falta.yaml", "isolated"] == ("skipped", "no se pudo leer el archivo")
    assert outcomes["falta.yaml", "input-error"] == ("error", f"no se pudo leer {paths[1]}")
    failure = ElementTree.fromstring(spanish.stdout).find(".//testcase[@name='isolated']/failure")
    assert failure is not None
    assert failure.get("type") == "warning"  # the severity's enum value, as in English
    assert (failure.text or "").endswith(ISOLATED_ES)
    assert _outcomes(english.stdout)["org.yaml", "isolated"] == (
        "failure",
        "1 finding at or above warning",
    )


def test_junit_counts_in_spanish_at_fail_on_info(cli: Cli, org) -> None:
    result = cli("check", org(SPANISH_ORG), "-f", "junit", "--fail-on", "info")
    outcomes = _outcomes(result.stdout)
    assert outcomes["org.yaml", "single-point-of-failure"] == (
        "failure",
        "3 hallazgos de severidad información o superior",
    )
