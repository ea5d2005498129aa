"""Golden outputs of the shipped Spanish example in both languages (issue 15's acceptance).

For ``examples/agencia.yaml``: ``map``, ``bottlenecks``, ``chains``, ``simulate``, ``check``
(text, github, sarif), ``diff``, the Markdown report and the slide texts, in English and
Spanish (``tests/golden/languages/<lang>/``), and the DOT and Mermaid of every view in Spanish
(the English ones are ``tests/golden/agencia/``). JSON outputs are the same in both languages.
A Spanish report, deck or diagram leaves no English word of ours in it: every word that the
English catalog uses and no Spanish translation does, and the small words of English, are
looked for in every text of the Spanish outputs; only the client's own names may carry them.

Regenerate with ``CLIENTCHAIN_UPDATE_GOLDEN=1`` and read the diff before committing.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path

import pytest
from tests.render.golden_cases import load, slug, views
from typer.testing import CliRunner

from clientchain import __version__
from clientchain.analysis.flow import analyze_flow
from clientchain.cli import app
from clientchain.i18n import use
from clientchain.render.dot import to_dot
from clientchain.render.mermaid import to_mermaid
from clientchain.render.views import DiagramOptions, build_diagram

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "languages"
AGENCIA = "examples/agencia.yaml"
NEXT = "tests/golden/languages/agencia-next.yaml"  # agencia with one more creative, and changes
UPDATE = os.environ.get("CLIENTCHAIN_UPDATE_GOLDEN") == "1"
LANGUAGES = ("en", "es")

COMMANDS: dict[str, tuple[str, ...]] = {
    "map.txt": ("map", AGENCIA),
    "bottlenecks.txt": ("bottlenecks", AGENCIA),
    "chains.txt": ("chains", AGENCIA),
    "simulate.txt": ("simulate", AGENCIA, "--demand", "1.2", "--headcount", "creatividad=+1"),
    "check.txt": ("check", AGENCIA),
    "check-github.txt": ("check", AGENCIA, "--format", "github"),
    "check-sarif.json": ("check", AGENCIA, "--format", "sarif"),
    "diff.txt": ("diff", AGENCIA, NEXT),
}


def _run(language: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--no-color", "--lang", language, *args])
    assert result.exit_code in (0, 1), result.output
    text = result.stdout
    # the version changes with every release, not with the language
    return text.replace(f'"{__version__}"', '"VERSION"')


def _check(path: Path, text: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with CLIENTCHAIN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{path} differs from the output"


@pytest.fixture(autouse=True)
def _columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    for name in ("FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_output_matches_the_golden_file(name: str, language: str) -> None:
    _check(GOLDEN / language / name, _run(language, *COMMANDS[name]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_markdown_report_matches_the_golden_file(language: str, tmp_path: Path) -> None:
    _check(GOLDEN / language / "report.md", _report(language, tmp_path, ".md"))


def _report(language: str, folder: Path, suffix: str) -> str:
    out = folder / f"informe-{language}{suffix}"
    result = CliRunner().invoke(app, ["--lang", language, "report", AGENCIA, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def _deck(language: str, folder: Path) -> list[str]:
    """Every text of the deck, slide by slide: shapes, table cells, then speaker notes."""
    pptx = pytest.importorskip("pptx")
    out = folder / f"deck-{language}.pptx"
    result = CliRunner().invoke(app, ["--lang", language, "slides", AGENCIA, "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = []
    for number, slide in enumerate(pptx.Presentation(str(out)).slides, start=1):
        lines.append(f"--- {number}")
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                lines.append(shape.text_frame.text)
            if shape.has_table:
                for row in shape.table.rows:
                    lines.append(" | ".join(cell.text for cell in row.cells))
        if slide.has_notes_slide:
            lines.append("notes: " + slide.notes_slide.notes_text_frame.text)
    return lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_slide_texts_match_the_golden_file(language: str, tmp_path: Path) -> None:
    _check(GOLDEN / language / "slides.txt", "\n".join(_deck(language, tmp_path)) + "\n")


SPANISH_VIEWS = views("agencia")


def _diagram(view: str) -> tuple[str, str]:
    org, graph = load("agencia")
    with use("es"):
        diagram = build_diagram(org, graph, analyze_flow(org), DiagramOptions(view=view))
        return to_dot(diagram), to_mermaid(diagram)


@pytest.mark.parametrize("view", SPANISH_VIEWS)
def test_spanish_dot_and_mermaid_of_every_view(view: str) -> None:
    dot, mermaid = _diagram(view)
    _check(GOLDEN / "es" / "views" / f"{slug(view)}.dot", dot)
    _check(GOLDEN / "es" / "views" / f"{slug(view)}.mmd", mermaid)


@pytest.mark.parametrize(
    "args",
    [
        ("map", AGENCIA, "--format", "json"),
        ("chains", AGENCIA, "--format", "json"),
        ("bottlenecks", AGENCIA, "--format", "json"),
        ("simulate", AGENCIA, "--demand", "1.2", "--format", "json"),
        ("diff", AGENCIA, NEXT, "--format", "json"),
    ],
)
def test_json_is_the_same_in_both_languages(args: tuple[str, ...]) -> None:
    """Keys, enum values and numbers do not change with the language; only the findings'
    messages and hints (text for people) do."""
    english, spanish = (json.loads(_run(language, *args)) for language in LANGUAGES)
    assert _without_text(english) == _without_text(spanish)


def _without_text(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_text(v) for k, v in value.items() if k not in ("message", "hint")}
    if isinstance(value, list):
        return [_without_text(v) for v in value]
    return value


# ---- no English left in the Spanish deliverables -------------------------------------------

WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]{2,}")
ENGLISH_SMALL_WORDS = {
    "the", "of", "and", "per", "with", "to", "in", "is", "by", "from", "for", "at", "on",
    "week", "weeks", "day", "days", "month", "hours", "wait", "step", "steps", "chain",
    "chains", "department", "departments", "client", "clients", "supplier", "suppliers",
    "handoff", "handoffs", "utilized", "utilization", "constraint", "headroom", "demand",
    "lead", "time", "quality", "findings", "unknown", "none", "busiest",
}  # fmt: skip


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """Words of our English messages, and words of their Spanish translations."""
    from tests.test_i18n import SPANISH

    english: set[str] = set()
    spanish: set[str] = set()
    for message in SPANISH:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            english.update(word.lower() for word in WORD.findall(_strip(text)))
        for text in strings:
            spanish.update(word.lower() for word in WORD.findall(_strip(text)))
    return frozenset(english), frozenset(spanish)


def _strip(text: str) -> str:
    return re.sub(r"\{[^{}]*\}|<[^<>]*>|&#?\w+;", " ", text)


@cache
def _names() -> frozenset[str]:
    """Every word of the client's own names: departments, groups, owners, tags, clients,
    suppliers, deliverables, chains and the organization."""
    org, _graph = load("agencia")
    texts = [org.name]
    for department in org.departments.values():
        texts += [department.id, department.name, department.group or "", department.owner or ""]
        texts += department.tags
    for party in [*org.clients.values(), *org.suppliers.values()]:
        texts += [party.id, party.name, party.segment or ""]
    texts += [handoff.deliverable or "" for handoff in org.handoffs]
    texts += [text for chain in org.chains.values() for text in (chain.id, chain.name)]
    return frozenset(word.lower() for text in texts for word in WORD.findall(text))


def _english_words(text: str) -> set[str]:
    english, spanish = _vocabulary()
    suspects = (english - spanish) | ENGLISH_SMALL_WORDS
    # rule ids (single-point-of-failure) are a machine contract and stay as they are
    text = re.sub(r"\b[a-z]+(?:-[a-z]+)+\b", " ", text)
    text = re.sub(r"#[0-9a-fA-F]{6}\b", " ", text)  # colours (#ccf3be is not "be")
    words = {word.lower() for word in WORD.findall(text)}
    return {word for word in words & suspects if word not in _names() and word not in spanish}


def _html_text(html: str) -> str:
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    # the visible text and the attributes a reader meets (titles, alt text)
    visible = re.sub(r"<[^<>]*>", " ", html)
    attributes = " ".join(re.findall(r'(?:title|alt|aria-label)="([^"]*)"', html))
    return f"{visible} {attributes}"


def test_no_english_word_in_the_spanish_deck(tmp_path: Path) -> None:
    leaks = {line: words for line in _deck("es", tmp_path) if (words := _english_words(line))}
    assert leaks == {}


def test_no_english_word_in_the_spanish_reports(tmp_path: Path) -> None:
    html = _html_text(_report("es", tmp_path, ".html"))
    # Markdown escapes (single\\-point) and Mermaid's own keywords are not text
    markdown = _report("es", tmp_path, ".md").replace("\\", "")
    markdown = re.sub(r"(?m)^\s*(end|flowchart \w+|subgraph)\b", " ", markdown)
    assert _english_words(html) == set()
    assert {line: words for line in markdown.splitlines() if (words := _english_words(line))} == {}


@pytest.mark.parametrize("view", SPANISH_VIEWS)
def test_no_english_word_in_the_spanish_diagrams(view: str) -> None:
    dot, _ = _diagram(view)
    # DOT's own syntax (attribute names, their unquoted keyword values such as style=dashed,
    # colours, font names) is not text: every label the diagram shows is quoted
    text = re.sub(
        r'\b\w+=(?:[A-Za-z_]\w*\b)?|"#\w+"|"DejaVu Sans"|\b(di|sub)?graph\b|\b(node|edge)\b',
        " ",
        _html_text(dot),
    )
    assert _english_words(text) == set()


def test_the_leak_check_sees_english() -> None:
    assert _english_words("Creatividad: 80 % utilized, busiest of the week") == {
        "utilized", "busiest", "of", "the", "week"
    }  # fmt: skip
    assert _english_words("Creatividad: 80 % de utilización, Redes sociales") == set()
