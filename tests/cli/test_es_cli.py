"""The command line in Spanish: usage errors, errors, "wrote …" lines and ``init``.

Every test asks for Spanish itself (``--lang es`` or ``LANG=es_ES.UTF-8`` in a subprocess's
environment); the same commands without it stay in English, as typer and click write them.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from clientchain import i18n
from clientchain.cli.root import exit_code_for
from clientchain.cli.scaffold import starter_text

from .cli_support import SCRIPT, TALLER, Invoke, run_script


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """A Spanish command leaves the language it chose; the next test starts in English."""
    yield
    i18n.choose(None, {})


def plain(text: str) -> str:
    """``text`` without rich's panel (borders, wrapping): one line of words."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def spanish_process(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """The installed script run with a Spanish locale and no ``--lang``."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "es_ES.UTF-8"
    return subprocess.run(
        [str(SCRIPT), *args], input=input, capture_output=True, text=True, env=env, timeout=60
    )


# ---- usage errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["map", "--formt", "json", "x.yaml"],
            "No existe la opción: --formt. ¿Quiso decir --format?",
        ),
        (["map", "--bogus", "x.yaml"], "No existe la opción: --bogus"),
        (["map"], "Falta el argumento 'FILE'."),
        (["render", "x.yaml"], "Falta la opción '--output' / '-o'."),
        (
            ["map", "-f", "xml", "x.yaml"],
            "Valor no válido para '--format' / '-f': 'xml' no es ninguno de estos valores: "
            "'text', 'json'.",
        ),
        (
            ["render", "x.yaml", "-o", "a.svg", "--depth", "0"],
            "Valor no válido para '--depth': 0 no está en el intervalo x>=1.",
        ),
        (
            ["render", "x.yaml", "-o", "a.svg", "--depth", "z"],
            "Valor no válido para '--depth': 'z' no es un número entero válido.",
        ),
        (["mapp", "x.yaml"], "No existe el comando 'mapp'. ¿Quiso decir 'map'?"),
        (["bogus"], "No existe el comando 'bogus'."),
        (["map", "a.yaml", "b.yaml"], "Sobran argumentos que no se esperaban (b.yaml)"),
        (["simulate", "x.yaml", "--demand"], "La opción '--demand' necesita un valor."),
        (["map", "--no-color=3", "x.yaml"], "La opción '--no-color' no admite ningún valor."),
        (["--versio"], "No existe la opción: --versio. ¿Quiso decir --version?"),
    ],
)
def test_usage_errors_in_spanish(cli: Invoke, args: list[str], message: str) -> None:
    result = cli("--lang", "es", *args)
    assert result.exit_code == 2, result
    assert result.stdout == ""
    assert message in plain(result.stderr)
    assert "Traceback" not in result.stderr
    for english in ("Usage:", "Try '", "No such", "Missing", "Invalid value", "Got unexpected"):
        assert english not in result.stderr


def test_a_usage_error_keeps_typers_layout_in_spanish(cli: Invoke) -> None:
    result = cli("map", "--formt", "json", "x.yaml", "--lang", "es")  # --lang after the error
    lines = result.stderr.splitlines()
    assert lines[0] == "Uso: clientchain map [OPCIONES] {FILE}"
    assert lines[1] == "Probar 'clientchain map -h' para ver la ayuda."
    assert lines[2].startswith("╭─ Error ─")
    assert "No existe la opción: --formt. ¿Quiso decir --format?" in lines[3]
    assert lines[4].startswith("╰")
    root = cli("--lang", "es", "bogus").stderr.splitlines()
    assert root[0] == "Uso: clientchain [OPCIONES] COMANDO [ARGUMENTOS]..."
    assert root[1] == "Probar 'clientchain -h' para ver la ayuda."


def test_usage_errors_stay_english_without_spanish(cli: Invoke) -> None:
    result = cli("map", "--formt", "json", "x.yaml")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "Usage: clientchain map [OPTIONS] {FILE}"
    assert lines[1] == "Try 'clientchain map -h' for help."
    assert "No such option: --formt (Possible options: --format)" in plain(result.stderr)
    assert "Missing argument 'FILE'." in plain(cli("map").stderr)


def test_usage_errors_follow_a_spanish_locale() -> None:
    done = spanish_process("map", "--formt", "json", "x.yaml")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == "Uso: clientchain map [OPCIONES] {FILE}"
    assert "No existe la opción: --formt. ¿Quiso decir --format?" in plain(done.stderr)
    assert "Traceback" not in done.stderr


def test_plain_usage_error_without_rich() -> None:
    # TYPER_USE_RICH=0: click's own layout, "Error: …" on its own line, in Spanish.
    env = {**os.environ, "TYPER_USE_RICH": "0"}
    done = subprocess.run(
        [str(SCRIPT), "--lang", "es", "map", "--bogus", "x.yaml"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "Uso: clientchain map [OPCIONES] {FILE}",
        "Probar 'clientchain map -h' para ver la ayuda.",
        "",
        "Error: No existe la opción: --bogus",
    ]


def test_help_stays_english(cli: Invoke) -> None:
    result = cli("--lang", "es", "map", "--help")
    assert result.exit_code == 0
    assert "The overview: counts, who serves whom" in result.stdout


# ---- errors and what the commands write on stderr ---------------------------------------------


def test_an_os_error_in_spanish(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "nope" / "org.yaml"
    result = cli("--lang", "es", "init", str(target))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"clientchain: error: No existe el archivo o el directorio: {target}"
    )


def test_a_bug_reported_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    with i18n.use("es"):
        assert exit_code_for(RuntimeError("boom")) == 3
    assert capsys.readouterr().err.strip() == (
        "clientchain: error interno: RuntimeError: boom; es un error de clientchain; informar "
        "de él con la orden que se ejecutó (ejecutarla de nuevo con --debug para ver la traza)"
    )


def test_simulate_option_errors_in_spanish(cli: Invoke, org_file) -> None:
    path = org_file(TALLER)
    result = cli("--lang", "es", "simulate", str(path), "--demand", "abc")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "clientchain: error: --demand abc: se esperaba un factor: 1.3, x1.3, 130% o +30% "
        "(todas las cadenas), o CADENA= uno de estos; se recibió 'abc'"
    )
    headcount = cli("--lang", "es", "simulate", str(path), "--headcount", "3")
    assert headcount.stderr.strip() == (
        "clientchain: error: --headcount 3: se esperaba DEPT=+1 (añadir personas) o DEPT=3 (fijar)"
    )
    count = cli("--lang", "es", "simulate", str(path), "--headcount", "taller=x")
    assert count.stderr.strip() == (
        "clientchain: error: --headcount taller=x: se esperaba DEPT=+1 o DEPT=3; se recibió 'x'"
    )


def test_simulate_writes_the_future_state_in_spanish(cli: Invoke, org_file, tmp_path) -> None:
    path = org_file(TALLER)
    future = tmp_path / "futuro.yaml"
    result = cli("--lang", "es", "simulate", str(path), "--demand", "2", "-o", str(future))
    assert result.exit_code == 0, result
    assert (
        f"escrito {future} (el estado futuro); comparar: clientchain diff {path} {future}"
        in result.stderr
    )


def test_diff_tolerance_error_in_spanish(cli: Invoke, org_file) -> None:
    path = org_file(TALLER)
    result = cli("--lang", "es", "diff", str(path), str(path), "--lead-time-tolerance", "x")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "clientchain: error: --lead-time-tolerance: se esperaba una proporción como '10%' "
        "o 0.1; se recibió 'x'"
    )


def test_output_that_is_the_input_in_spanish(cli: Invoke, org_file) -> None:
    path = org_file(TALLER)
    result = cli("--lang", "es", "diff", str(path), str(path), "-o", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"clientchain: error: -o {path} es la entrada {path}; escribir en otro archivo"
    )


# ---- init ------------------------------------------------------------------------------------

# English words that never appear in Spanish prose; the starter's keys and their fixed values
# (operative, week, work …) are taken out of a comment before it is looked at.
ENGLISH = {
    "the", "and", "of", "to", "is", "are", "with", "each", "every", "per", "optional",
    "default", "required", "time", "when", "this", "that", "run", "file", "here", "units",
    "people", "edit", "then", "passes", "what", "where", "who", "whom", "its", "into", "or",
    "as", "by", "from", "for", "in", "on", "at", "not", "only", "these", "rules",
}  # fmt: skip
FORMAT_WORDS = re.compile(
    r"`[^`]*`|\b[a-z]+_[a-z_]+\b|\b(?:executive|commercial|operative|intermediary|final|work|"
    r"information|feedback|day|week|month|quarter|error|warning|info|clientchain|check|map|"
    r"schema|yaml|json|docs/file-format\.md|from|to|deliverable|type|kind|ignore|select|"
    r"severity|near-capacity|low-satisfaction|low-quality|overloaded|single-point-of-failure|"
    r"missing-deliverable|language-server|schema=clientchain\.schema\.json)\b"
)


def _comments(text: str) -> list[str]:
    comments = []
    for line in text.splitlines():
        if "#" in line:
            comments.append(line.split("#", 1)[1])
    return comments


def test_init_in_spanish_writes_the_spanish_starter(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    result = cli("--lang", "es", "init", str(target))
    assert result.exit_code == 0, result
    assert result.stderr.strip() == (
        f"escrito {target}; siguiente paso: clientchain check {target}"
    )
    text = target.read_text(encoding="utf-8")
    assert text == starter_text("es")
    data = yaml.safe_load(text)
    assert data["language"] == "es"
    assert data["organization"] == "Agencia de ejemplo"
    names = [department["name"] for department in data["departments"].values()]
    assert names == ["Contenido y comunicación", "Creatividad", "Redes sociales"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_both_starters_pass_check(cli: Invoke, tmp_path: Path, language: str) -> None:
    target = tmp_path / f"org-{language}.yaml"
    target.write_text(starter_text(language), encoding="utf-8")
    checked = cli("check", str(target), "--fail-on", "warning")
    assert checked.exit_code == 0, checked
    assert cli("map", str(target)).exit_code == 0


def _english_comments(text: str) -> list[str]:
    found = []
    for comment in _comments(text):
        words = re.findall(r"[A-Za-zÁÉÍÓÚÑáéíóúñü]+", FORMAT_WORDS.sub(" ", comment).lower())
        if ENGLISH & set(words):
            found.append(comment)
    return found


def test_the_spanish_starter_has_no_english_comment() -> None:
    assert len(_comments(starter_text("es"))) >= len(_comments(starter_text("en")))
    assert _english_comments(starter_text("es")) == []
    assert len(_english_comments(starter_text("en"))) > 50  # the test sees English
    lines = starter_text("es").splitlines()
    version = next(i for i, line in enumerate(lines) if line.startswith("version:"))
    assert lines[version + 1].startswith("language: es ")  # at the top, after the version


def test_the_spanish_starter_is_its_english_one_translated() -> None:
    english = yaml.safe_load(starter_text("en"))
    spanish = yaml.safe_load(starter_text("es"))
    assert sorted(spanish) == sorted([*english, "language"])
    assert len(spanish["departments"]) == len(english["departments"])
    assert len(spanish["handoffs"]) == len(english["handoffs"])
    assert spanish["checks"] == english["checks"]
    assert spanish["calendar"] == english["calendar"]


def test_init_follows_a_spanish_locale_and_check_agrees() -> None:
    starter = spanish_process("init")
    assert starter.returncode == 0
    assert starter.stdout.rstrip("\n") == starter_text("es").rstrip("\n")
    checked = run_script("check", "-", "--fail-on", "warning", input=starter.stdout)
    assert checked.exit_code == 0, checked


def test_init_in_english_is_unchanged(cli: Invoke) -> None:
    result = cli("--lang", "en", "init")
    assert result.stdout.rstrip("\n") == starter_text("en").rstrip("\n")
    assert "language:" not in result.stdout


def test_init_refuses_to_overwrite_in_spanish(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("mío\n", encoding="utf-8")
    result = cli("--lang", "es", "init", str(target))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"clientchain: error: {target} ya existe; usar --force para sobrescribirlo"
    )


def test_the_english_process_is_still_english() -> None:
    done = run_script("map", "--formt", "json", "x.yaml")
    assert done.exit_code == 2
    assert "No such option" in done.stderr
