"""Names that try to rewrite the terminal or a CI log (issue 13 item 5).

An org file may hold any character in a name: carriage returns, erase-line and
cursor-up sequences, "conceal", an OSC window title, 8-bit C1 controls, DEL, NUL.
Every human-facing output shows them as visible escapes (``\\r``, ``\\x1b``,
``\\u009b``); machine formats escape them as their format requires, so a JSON or
SARIF reader still gets the name exactly as written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from clientchain.cli import app

HOSTILE = r"""version: 1
organization: "Org\x1b]0;pwned\x07"
period: week
departments:
  ventas: {name: "Ventas\r\x1b[2Kall clear", kind: commercial}
  taller: {name: "Taller\x1b[8mhidden\x1b[0m"}
  envios: {name: "Env\x9b2Kios\x7f"}
  archivo: {name: "Archivo\x1b[1A"}
clients:
  tiendas: {name: "Tiendas\x00x"}
handoffs:
  - {from: ventas, to: taller, deliverable: "Pedido\x1b[31m"}
  - {from: taller, to: envios, deliverable: Piezas}
  - {from: envios, to: tiendas, deliverable: Entregas}
chains:
  pedido:
    name: "Pedido\rX"
    client: tiendas
    demand: 10
    steps:
      - {department: ventas, effort: 30m}
      - {department: taller, effort: 2h}
      - {department: envios, effort: 15m}
"""

VENTAS = "Ventas\r\x1b[2Kall clear"
TALLER = "Taller\x1b[8mhidden\x1b[0m"
ENVIOS = "Env\x9b2Kios\x7f"
# As a person sees them: every control written as an escape, the rest as it was.
VENTAS_SHOWN = r"Ventas\r\x1b[2Kall clear"
TALLER_SHOWN = r"Taller\x1b[8mhidden\x1b[0m"
ENVIOS_SHOWN = r"Env\u009b2Kios\u007f"

# C0 controls but line feed and tab, DEL, C1 controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What rich writes for its own colours: SGR sequences of digits and semicolons.
RICH_STYLE = re.compile("\x1b\\[[0-9;]*m")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def _run(*args: str, color: bool = False) -> tuple[int, str, str]:
    env = {"COLUMNS": "100", "NO_COLOR": None, "GITHUB_ACTIONS": None}
    env["FORCE_COLOR"] = "1" if color else None
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def _assert_no_raw_controls(text: str) -> None:
    found = RAW_CONTROL.search(text)
    assert found is None, f"raw {found.group()!r} in {text!r}"


HUMAN = {
    "map": ["map", "{}"],
    "who": ["who", "{}", "taller"],
    "bottlenecks": ["bottlenecks", "{}"],
    "chains": ["chains", "{}"],
    "simulate": ["simulate", "{}", "--demand", "2"],
    "check": ["check", "{}"],
}


@pytest.mark.parametrize("command", sorted(HUMAN))
def test_plain_text_shows_controls_visibly(hostile: Path, command: str) -> None:
    code, stdout, stderr = _run(*[str(hostile) if a == "{}" else a for a in HUMAN[command]])
    assert code in (0, 1), (code, stdout, stderr)
    _assert_no_raw_controls(stdout + stderr)
    assert TALLER_SHOWN in stdout


@pytest.mark.parametrize("command", sorted(HUMAN))
def test_rich_tables_show_controls_visibly(hostile: Path, command: str) -> None:
    code, stdout, stderr = _run(
        *[str(hostile) if a == "{}" else a for a in HUMAN[command]], color=True
    )
    assert code in (0, 1), (code, stdout, stderr)
    assert RICH_STYLE.search(stdout), "expected rich's own colours"
    # the only escape sequences left are rich's colours; the names' own are shown as text
    for sequence in ("\x1b[2K", "\x1b[8m", "\x1b[1A", "\x1b]0;", "\x9b", "\x07", "\r"):
        assert sequence not in stdout + stderr, sequence
    _assert_no_raw_controls(RICH_STYLE.sub("", stdout) + stderr)
    assert r"Taller\x1b[8mhidd" in RICH_STYLE.sub("", stdout)  # a table may wrap the rest


def test_map_plain_names_every_hostile_name(hostile: Path) -> None:
    _, stdout, _ = _run("map", str(hostile), "--no-color")
    assert stdout.startswith("organization: Org\\x1b]0;pwned\\x07\n")
    for shown in (VENTAS_SHOWN, TALLER_SHOWN, ENVIOS_SHOWN, r"Archivo\x1b[1A", r"Tiendas\x00x"):
        assert shown in stdout


def test_github_annotations_stay_one_line_each(hostile: Path) -> None:
    code, stdout, _ = _run("check", str(hostile), "--format", "github")
    assert code == 1
    _assert_no_raw_controls(stdout)
    lines = stdout.splitlines()
    # findings: single-point-of-failure on ventas, taller, envios; no-feedback on envios;
    # isolated on archivo = 5 annotations
    assert len(lines) == 5
    assert all(line.startswith("::") for line in lines)
    # the carriage return is the format's own %0D; the escape sequence is shown as text
    assert r"Ventas%0D\x1b[2Kall clear" in stdout


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_keep_the_names_exactly(hostile: Path, fmt: str) -> None:
    code, stdout, _ = _run("check", str(hostile), "--format", fmt)
    assert code == 1
    _assert_no_raw_controls(stdout)
    document = json.loads(stdout)
    texts = json.dumps(document, ensure_ascii=False)
    for name in (VENTAS, TALLER, ENVIOS):
        assert json.dumps(name, ensure_ascii=False)[1:-1] in texts


def test_junit_parses_and_shows_controls_visibly(hostile: Path) -> None:
    code, stdout, _ = _run("check", str(hostile), "--format", "junit")
    assert code == 1
    _assert_no_raw_controls(stdout)
    root = ElementTree.fromstring(stdout)
    assert root.get("tests") is not None
    # XML 1.0 cannot carry ESC: the JUnit formatter writes it as \u001b
    assert r"Taller\u001b[8mhidden\u001b[0m" in stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_diff_shows_controls_visibly(hostile: Path, tmp_path: Path, fmt: str) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(HOSTILE.replace("effort: 2h", "effort: 3h"), encoding="utf-8")
    code, stdout, stderr = _run("diff", str(hostile), str(new), "--format", fmt)
    assert code == 0, (stdout, stderr)
    _assert_no_raw_controls(stdout + stderr)
    if fmt == "json":
        json.loads(stdout)


def test_reports_written_with_o_show_controls_visibly(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.txt"
    code, _, _ = _run("check", str(hostile), "-o", str(out))
    assert code == 1
    text = out.read_text(encoding="utf-8")
    _assert_no_raw_controls(text)
    assert TALLER_SHOWN in text


def test_messages_on_stderr_show_controls_visibly(hostile: Path) -> None:
    code, _, stderr = _run("who", str(hostile), "x\x1b]0;pwned\x07")
    assert code == 2
    _assert_no_raw_controls(stderr)
    assert r"x\x1b]0;pwned\x07" in stderr


def test_input_errors_show_controls_visibly(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text('version: 1\ndepartments:\n  a: {"cap\\x1b[2Kacity": 1}\n', encoding="utf-8")
    code, stdout, _ = _run("check", str(path))
    assert code == 2
    _assert_no_raw_controls(stdout)
    assert r"cap\x1b[2Kacity" in stdout


def test_github_annotations_are_safe_without_the_console() -> None:
    # the library's own string, as a program using clientchain would print it
    from clientchain.checks import Finding, Severity
    from clientchain.output.check_github import annotation

    message = f"{TALLER} 50%\r\nnext"
    finding = Finding("isolated", Severity.WARNING, message, "a\x1b.yaml", 2, 3, "x")
    line = annotation(finding)
    _assert_no_raw_controls(line)
    assert line == (
        r"::warning file=a\x1b.yaml,line=2,col=3,title=clientchain [isolated]"
        r"::Taller\x1b[8mhidden\x1b[0m 50%25%0D%0Anext"
    )


# "Trojan Source": the bidirectional embeddings, overrides and isolates reorder what a
# terminal shows (U+202A-U+202E, U+2066-U+2069). A zero-width joiner (U+200D) joins an
# emoji sequence and stays, as do the other format characters of normal text.
BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji: man ZWJ woman ZWJ girl
BIDI_ORG = HOSTILE.replace('"Taller\\x1b[8mhidden\\x1b[0m"', '"Taller\\u202egnp.exe"').replace(
    '"Archivo\\x1b[1A"',
    '"Archivo ' + FAMILY + " " + "".join(f"\\u{ord(c):04x}" for c in BIDI) + '"',
)


def test_visible_shows_bidi_controls_but_keeps_joiners() -> None:
    from clientchain.console import visible

    assert visible("Taller\u202egnp.exe") == r"Taller\u202egnp.exe"
    assert visible("".join(BIDI)) == "".join(f"\\u{ord(c):04x}" for c in BIDI)
    # ZWJ, zero-width non-joiner, LRM/RLM, soft hyphen, BOM: format characters of normal text
    for kept in (FAMILY, "a\u200cb", "a\u200eb\u200f", "Ab\u00adc", "\ufeffx"):
        assert visible(kept) == kept


@pytest.mark.parametrize("command", sorted(HUMAN))
@pytest.mark.parametrize("color", [False, True])
def test_bidi_controls_never_reach_the_terminal_raw(
    tmp_path: Path, command: str, color: bool
) -> None:
    path = tmp_path / "bidi.yaml"
    path.write_text(BIDI_ORG, encoding="utf-8")
    code, stdout, stderr = _run(
        *[str(path) if a == "{}" else a for a in HUMAN[command]], color=color
    )
    assert code in (0, 1), (code, stdout, stderr)
    for character in BIDI:
        assert character not in stdout + stderr, f"raw U+{ord(character):04X}"
    assert r"Taller\u202eg" in RICH_STYLE.sub("", stdout)  # a table may wrap the rest


def test_github_annotations_show_bidi_controls(tmp_path: Path) -> None:
    path = tmp_path / "bidi.yaml"
    path.write_text(BIDI_ORG, encoding="utf-8")
    code, stdout, _ = _run("check", str(path), "--format", "github")
    assert code == 1
    for character in BIDI:
        assert character not in stdout, f"raw U+{ord(character):04X}"
    assert r"Taller\u202egnp.exe" in stdout
    # the isolated department keeps its emoji whole, joiners and all
    _, text, _ = _run("map", str(path), "--no-color")
    assert f"Archivo {FAMILY} " + "".join(f"\\u{ord(c):04x}" for c in BIDI) in text
