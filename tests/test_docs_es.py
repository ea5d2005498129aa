"""docs/es/guia.md (the Spanish guide) tells the truth, as the README and docs/commands.md do.

Every ``clientchain …`` line of its ```console/```sh blocks (and of the README's "En español"
section) runs and exits with the code its comment states (``# código de salida 1``; 0 when
the comment says none), every option it names exists in the command's ``--help``, every link
resolves, its table of Spanish spellings is the loader's, its example file passes ``check``,
and the numbers and language rules it states are the program's.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from clientchain import terms
from clientchain.i18n import use
from clientchain.numbers import factor, lead_time, load_of, num, pct

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "es" / "guia.md"
TEXT = GUIDE.read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent  # the environment's scripts: `clientchain` is there

# The setup lines of the shell blocks: not run here (make and the pip extras are checked below).
SETUP = {
    "make demo",
    "make test",
    "python3 -m venv .venv",
    ". .venv/bin/activate",
    "python3 -m pip install '.[slides]'",
}


def fenced(text: str, languages: tuple[str, ...]) -> list[str]:
    """The bodies of the ```lang blocks of ``text`` whose language is in ``languages``."""
    found = re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.S | re.M)
    return [body for lang, body in found if lang in languages]


def shell_lines(text: str) -> list[tuple[str, int]]:
    """Each command line of the shell blocks (continuations joined) and the exit code its
    comment states."""
    lines: list[tuple[str, int]] = []
    for body in fenced(text, ("console", "sh")):
        for raw in body.replace("\\\n", " ").splitlines():
            match = re.fullmatch(r"(.*?)(?:\s+#\s(.*))?", raw)
            assert match is not None
            command, comment = match.group(1).strip(), match.group(2) or ""
            if not command or command.startswith("#"):
                continue
            stated = re.search(r"código de salida (\d+)", comment)
            lines.append((command, int(stated.group(1)) if stated else 0))
    return lines


def spanish_section(readme: str) -> str:
    return readme.split("## En español", 1)[1].split("\n## ", 1)[0]


GUIDE_LINES = shell_lines(TEXT)
README_LINES = shell_lines(spanish_section(README))
RUNNABLE = list(
    dict.fromkeys((c, code) for c, code in GUIDE_LINES + README_LINES if c not in SETUP)
)


def invocations(command: str) -> list[list[str]]:
    """The argument lists of every ``clientchain`` call in a shell line (after pipes, ``&&``,
    environment assignments)."""
    calls = []
    for segment in re.split(r"\s*(?:\|\||&&|\||;)\s*", command):
        words = shlex.split(segment)
        while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
            words = words[1:]
        if words and words[0] == "clientchain":
            calls.append(words[1:])
    return calls


def writes_files(command: str) -> bool:
    # --update writes into the org file it names: run in a copy too
    return bool(
        re.search(r"(^|\s)(-o|--output)(\s|=)|>|(^|\s)init\s+[^-\s]|\s--update(\s|$)", command)
    )


def environment(**extra: str) -> dict[str, str]:
    env = dict(os.environ, COLUMNS="200", **extra)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "clientchain"), *args],
        cwd=ROOT,
        env=environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- the commands run and exit as stated -------------------------------------------------


def test_the_guide_has_commands_and_every_shell_line_is_known() -> None:
    assert len(RUNNABLE) >= 20
    for command, _ in GUIDE_LINES + README_LINES:
        assert command in SETUP or invocations(command), f"neither clientchain nor setup: {command}"


@pytest.mark.parametrize(("command", "code"), RUNNABLE, ids=[c for c, _ in RUNNABLE])
def test_each_command_exits_as_the_guide_says(tmp_path: Path, command: str, code: int) -> None:
    writer = writes_files(command)
    if writer:  # in a copy, so that nothing lands in the repository
        shutil.copytree(ROOT / "examples", tmp_path / "examples")
    cwd = tmp_path if writer else ROOT
    before = sorted(p.name for p in (ROOT / "examples").iterdir())
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=cwd,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == code, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in (ROOT / "examples").iterdir()) == before
    for call in invocations(command):
        for flag in ("-o", "--output"):
            if flag in call and code == 0:
                written = cwd / call[call.index(flag) + 1]
                assert written.is_file(), written
                assert written.stat().st_size > 0


def test_the_setup_lines_are_true() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M)
    assert re.search(r"^test:", makefile, re.M)
    assert "$(BIN)/clientchain map examples/agencia.yaml" in makefile  # what `make demo` shows
    extras = (
        (ROOT / "pyproject.toml")
        .read_text(encoding="utf-8")
        .split("[project.optional-dependencies]", 1)[1]
    )
    for extra in ("slides", "discover", "simulation"):  # the extras the guide names
        assert re.search(rf"^{extra} = ", extras, re.M)
    assert "`discover` (DuckDB" in TEXT
    assert "`slides`\n(python-pptx" in TEXT


# --- options -----------------------------------------------------------------------------


@cache
def help_text(command: str | None) -> str:
    done = run([command, "--help"] if command else ["--help"])
    assert done.returncode == 0, done.stderr
    return done.stdout


def options_of(call: list[str]) -> list[tuple[str | None, str]]:
    """``(command, option)`` for each option of a call; global options have command None."""
    found: list[tuple[str | None, str]] = []
    command: str | None = None
    skip = False
    for word in call:
        if skip:
            skip = False
        elif word.startswith("-") and len(word) > 1 and not re.match(r"-[\d+]", word):
            found.append((command, word.split("=", 1)[0]))
            skip = command is None and word == "--lang"  # a global option with a value
        elif command is None:
            command = word
    return found


def inline_calls() -> list[list[str]]:
    """``clientchain …`` written in inline code in the guide's prose."""
    prose = re.sub(r"^```.*?^```", "", TEXT, flags=re.S | re.M)
    return [shlex.split(span)[1:] for span in re.findall(r"`(clientchain [^`]+)`", prose)]


def test_every_option_of_a_command_is_in_its_help() -> None:
    calls = [call for command, _ in RUNNABLE for call in invocations(command)] + inline_calls()
    checked = 0
    for call in calls:
        for command, option in options_of(call):
            assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", help_text(command)), (
                f"{option} is not in `clientchain {command or ''} --help`"
            )
            checked += 1
    assert checked >= 30


def test_every_option_the_prose_names_exists() -> None:
    prose = re.sub(r"^```.*?^```", "", TEXT, flags=re.S | re.M)
    named = set(re.findall(r"`(--?[a-z][\w-]*)", prose))
    assert {"--lang", "--fail-on", "--format", "--view", "--theme", "--find-limit"} <= named
    everything = help_text(None) + "".join(
        help_text(c)
        for c in (
            "map",
            "who",
            "bottlenecks",
            "chains",
            "simulate",
            "montecarlo",
            "check",
            "render",
            "report",
            "survey",
            "trend",
            "discover",
        )
    )
    for option in sorted(named):
        assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", everything), option


def test_fail_on_takes_the_english_severities_the_guide_names() -> None:
    assert "`--fail-on` toma `error`, `warning` o `info`" in TEXT
    assert "<error|warning|info>" in help_text("check")


# --- links -------------------------------------------------------------------------------


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces → '-'."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    prose = re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)
    seen: dict[str, int] = {}
    found = set()
    for heading in re.findall(r"^#{1,6} (.+)$", prose, flags=re.M):
        base = slug(heading)
        n = seen.get(base, 0)
        seen[base] = n + 1
        found.add(base if n == 0 else f"{base}-{n}")
    return found


def links(markdown: str) -> list[str]:
    prose = re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)
    return re.findall(r"\]\(([^)\s]+)\)", prose)


@pytest.mark.parametrize(
    ("source", "target"),
    [(GUIDE, t) for t in links(TEXT)]
    + [(ROOT / "README.md", t) for t in links(spanish_section(README))],
    ids=lambda value: str(value) if isinstance(value, str) else value.name,
)
def test_each_link_resolves(source: Path, target: str) -> None:
    assert not target.startswith(("http://", "https://")), "no web links in the Spanish docs"
    path, _, anchor = target.partition("#")
    file = (source.parent / path).resolve() if path else source
    assert file.is_file(), f"{target} from {source.name}: no such file"
    if anchor:
        assert anchor in anchors(file.read_text(encoding="utf-8")), f"{target}: no such heading"


def test_the_readme_points_to_the_guide_near_the_top() -> None:
    assert README.index("## En español") < README.index("## Quick start")
    assert "](docs/es/guia.md)" in spanish_section(README)
    assert len([c for c, _ in README_LINES]) == 3


# --- the file format ---------------------------------------------------------------------


def test_the_table_of_spanish_spellings_is_the_loaders() -> None:
    section = TEXT.split("### Valores enumerados en español", 1)[1].split("\n### ", 1)[0]
    table: dict[str, dict[str, str]] = {}
    for field, english, spanish in re.findall(r"^\| `(\w+)` \| `(\w+)` \| (.+) \|$", section, re.M):
        for word in re.findall(r"`([^`]+)`", spanish):
            table.setdefault(field, {})[word] = english
    assert table == terms.SPANISH


def example() -> str:
    (body,) = [b for b in fenced(TEXT, ("yaml",)) if b.startswith("version: 1")]
    return body


def in_english(org: dict[str, Any]) -> dict[str, Any]:
    """The example with its Spanish spellings replaced by the English values they stand for."""

    def word(field: str, value: str) -> str:
        return terms.english(field, value) or value

    org["period"] = word("period", org["period"])
    for department in org["departments"].values():
        if "kind" in department:
            department["kind"] = word("kind", department["kind"])
    for client in org["clients"].values():
        if "role" in client:
            client["role"] = word("role", client["role"])
    for handoff in org["handoffs"]:
        if "type" in handoff:
            handoff["type"] = word("type", handoff["type"])
    severity = org["checks"]["severity"]
    org["checks"]["severity"] = {rule: word("severity", s) for rule, s in severity.items()}
    return org


def test_the_example_file_uses_spanish_spellings_and_passes_check(tmp_path: Path) -> None:
    # The file as the loader reads it today, in English values (JSON is an org file too).
    org = yaml.safe_load(example())
    assert org["language"] == "es"
    english = in_english(json.loads(json.dumps(org)))
    assert english != org  # it does show Spanish spellings
    path = tmp_path / "norte.json"
    path.write_text(json.dumps(english, ensure_ascii=False), encoding="utf-8")
    done = run(["check", str(path)])
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_example_file_passes_check_as_written(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(example(), encoding="utf-8")
    done = run(["check", str(path)])
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("written", "meant"),
    [("1,5h", "1.5h"), ("2 días", "2d"), ("3 horas", "3h"), ("2 semanas", "2w")],
)
def test_a_duration_in_words_is_refused_with_the_form_read(
    tmp_path: Path, written: str, meant: str
) -> None:
    assert f"`{written}` → `{meant}`" in TEXT
    path = tmp_path / "org.yaml"
    path.write_text(f"version: 1\ndepartments:\n  a:\n    capacity: {written}\n", encoding="utf-8")
    done = run(["check", str(path), "--lang", "es"])
    assert done.returncode == 2
    assert f"'{meant}'" in done.stdout


# --- the numbers and the language rules the guide states ---------------------------------


def as_json(*args: str) -> Any:
    done = run([*args, "--format", "json"])
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def said(text: str) -> bool:
    """Whether the guide says ``text`` (line breaks and no-break spaces read as spaces)."""
    return " ".join(text.replace("\xa0", " ").split()) in " ".join(TEXT.split())


def test_the_numbers_the_guide_states_are_the_programs() -> None:
    agencia = "examples/agencia.yaml"
    load = as_json("bottlenecks", agencia)
    creatividad = next(d for d in load["departments"] if d["id"] == "creatividad")
    assert load["constraint"] == "creatividad"
    assert (creatividad["load_hours"], creatividad["capacity_hours"]) == (64.0, 80.0)
    flow = {c["id"]: c for c in as_json("chains", agencia)["chains"]}
    whatif = as_json("simulate", agencia, "--demand", "+30%", "--headcount", "creatividad=+1")
    after = next(d for d in whatif["after"]["departments"] if d["id"] == "contenido")
    assert whatif["constraint"]["after"] == "contenido"
    with use("es"):  # 64 h of 80 h → 80 %; 1 ÷ 0.8 → × 1,25; 30.5 h at 8 h a day → 3,81 days
        assert said(f"{pct(creatividad['utilization'])} de utilización (64 h de 80 h")
        assert said(f"El margen es {factor(load['headroom'])}")
        assert said(lead_time(flow["infografia"]["lead_time_hours"], 8))
        # 1.3 × 37 h + 10 h = 58.1 h of 80 h → 72,6 %
        assert said(f"{pct(after['utilization'])} de utilización ({load_of(58.1, 80)})")
    redes = [f for f in as_json("map", agencia)["findings"] if f["subject"] == "redes"]
    assert [(f["rule"], f["severity"]) for f in redes] == [("single-point-of-failure", "info")]


def test_spanish_numbers_and_the_precedence_of_the_language() -> None:
    args = ["chains", "examples/agencia.yaml", "--no-color"]
    english = run(args).stdout
    spanish = run([*args, "--lang", "es"]).stdout
    assert "3.81" in english
    assert "3,81" in spanish
    assert "3,81" in TEXT
    with use("es"):
        assert said(f"(`3,81`, `{num(1234.5)}`)")
    assert said(f"`3.81`, `{num(1234.5)}` y `{pct(0.8)}`")
    assert run(args, LANG="es_ES.UTF-8").stdout == spanish  # the locale
    assert run(args, LC_MESSAGES="es_MX", LANG="C.UTF-8").stdout == spanish
    assert run(args, LC_ALL="C", LANG="es_ES.UTF-8").stdout == english  # the first set decides
    assert run([*args, "--lang", "en"], LANG="es_ES.UTF-8").stdout == english  # --lang wins
    assert run(["--lang", "es", *args]).stdout == spanish  # before the command, too


def test_the_file_language_is_used_unless_lang_says_otherwise(tmp_path: Path) -> None:
    source = (ROOT / "examples" / "agencia.yaml").read_text(encoding="utf-8")
    path = tmp_path / "agencia.yaml"
    path.write_text(source.replace("version: 1\n", "version: 1\nlanguage: es\n"), encoding="utf-8")
    args = ["map", str(path), "--no-color"]
    spanish = run([*args, "--lang", "es"]).stdout
    assert "80\xa0%" in spanish
    assert run(args).stdout == spanish  # the file's language: es
    assert run(args, LANG="en_US.UTF-8").stdout == spanish  # over the locale
    english = run([*args, "--lang", "en"]).stdout  # --lang over the file
    assert "80%" in english
    assert "80\xa0%" not in english


def skeleton(value: Any) -> Any:
    """A JSON document without its human-facing messages."""
    if isinstance(value, dict):
        return {k: skeleton(v) for k, v in value.items() if k not in ("message", "hint")}
    if isinstance(value, list):
        return [skeleton(v) for v in value]
    return value


@pytest.mark.parametrize("command", ["map", "bottlenecks", "chains", "check"])
def test_what_machines_read_does_not_change_with_the_language(command: str) -> None:
    args = [command, "examples/agencia.yaml", "--format", "json", "--fail-on", "info"]
    if command != "check":
        args = args[:-2]
    english, spanish = run(args), run([*args, "--lang", "es"])
    assert english.returncode == spanish.returncode
    assert skeleton(json.loads(english.stdout)) == skeleton(json.loads(spanish.stdout))


def test_help_is_in_english_in_both_languages() -> None:
    assert run(["--lang", "es", "check", "--help"]).stdout == help_text("check")
    assert run(["map", "--help"], LANG="es_ES.UTF-8").stdout == help_text("map")
