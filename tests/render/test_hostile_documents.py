"""Names with control characters in the documents: the deck and the HTML report (issue 13 item 5).

Every text of an org file may hold a control character (ESC, BEL, CR, vertical tab, C1
controls, DEL, NUL). The deck and the report show each one visibly escaped, as the
terminal does (:func:`clientchain.console.visible`: ``\\x1b``, ``\\r``, ``\\u009b``), and
never write one raw. The hostile org files are built here, one control character class in
each field that reaches a document.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clientchain.cli import app

from .conftest import needs_tool

# One text per field that can reach a document; each holds a different control.
HOSTILE = r"""version: 1
organization: "Org\e]0;title\a"
period: week
departments:
  ventas:
    name: "Ventas\r\e[2Kclear"
    kind: commercial
    group: "Grupo\e[2K"
    owner: "Own\e[8m"
    tags: ["tag\e[1A"]
  taller: {name: "Taller\x01T", group: "H\vI", capacity: 40}
  envios: {name: "Env\x9b2Kios\x7f", group: "H\vI"}
clients:
  tiendas: {name: "Tiendas\x00x", segment: "Seg\x1bZ"}
suppliers:
  stock: {name: "Stock\x85S"}
handoffs:
  - {from: stock, to: ventas, deliverable: "Fotos\x1f"}
  - {from: ventas, to: taller, deliverable: "A\e[2KB"}
  - {from: taller, to: envios, deliverable: Piezas}
  - {from: envios, to: tiendas, deliverable: "Entregas\x08"}
chains:
  pedido:
    name: "Pedido\rX"
    client: tiendas
    supplier: stock
    demand: 10
    steps:
      - {department: ventas, effort: 30m}
      - {department: taller, effort: 2h}
      - {department: envios, effort: 15m}
"""

# As a person sees them in any output (console.visible).
ORGANIZATION = r"Org\x1b]0;title\x07"
DEPARTMENTS = (r"Ventas\r\x1b[2Kclear", r"Taller\x01T", r"Env\u009b2Kios\u007f")
GROUPS = (r"Grupo\x1b[2K", r"H\x0bI")
CLIENT = r"Tiendas\x00x"
SUPPLIER = r"Stock\u0085S"
CHAIN = r"Pedido\rX"
DELIVERABLES = (r"Fotos\x1f", r"A\x1b[2KB", r"Entregas\x08")
# on the deck: the group clusters of the overview, every name and each handoff's deliverable
ON_THE_DECK = (ORGANIZATION, *DEPARTMENTS, *GROUPS, CLIENT, SUPPLIER, CHAIN, *DELIVERABLES)

# C0 controls but line feed and tab, DEL, C1 controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# how python-pptx writes a control character it is given: "_x001B_"
PPTX_ESCAPE = re.compile("_x00[0-9A-F]{2}_")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str, str]:
    env = {"COLUMNS": "100", "NO_COLOR": None, "FORCE_COLOR": None, "GITHUB_ACTIONS": None}
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def _deck_texts(path: Path) -> list[str]:
    """Every text of the deck as python-pptx reads it back: shape names and texts, table
    cells, speaker notes."""
    from pptx import Presentation

    texts = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            texts.append(shape.name)
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
    return texts


PLAIN = """version: 1
organization: Org
departments:
  a: {{name: A, group: {group_a}}}
  b: {{name: B, group: {group_b}}}
clients:
  c: {{name: C}}
handoffs:
  - {{from: a, to: b, deliverable: {deliverable}}}
  - {{from: b, to: c, deliverable: Piezas}}
chains:
  x:
    name: X
    client: c
    demand: 10
    steps:
      - {{department: a, effort: 2h}}
      - {{department: b, effort: 1h}}
"""
# the two that crashed the deck (exit 3), each alone in an otherwise plain file
ALONE = {
    "deliverable": (
        PLAIN.format(group_a="G", group_b="H", deliverable=r'"A\e[2KB"'),
        (r"A\x1b[2KB",),
    ),
    "group": (
        PLAIN.format(group_a=r'"G\e[2K"', group_b=r'"H\vI"', deliverable="Pedido"),
        (r"G\x1b[2K", r"H\x0bI"),
    ),
}


@pytest.mark.parametrize("field", [*ALONE, "every field"])
def test_slides_show_every_control_visibly(hostile: Path, tmp_path: Path, field: str) -> None:
    needs_tool("dot")
    path, expected = hostile, ON_THE_DECK
    if field in ALONE:
        text, expected = ALONE[field]
        path = tmp_path / f"{field}.yaml"
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "deck.pptx"
    code, stdout, stderr = _run("slides", str(path), "-o", str(out))
    assert code == 0, (stdout, stderr)
    texts = "\n".join(_deck_texts(out))
    found = RAW_CONTROL.search(texts)
    assert found is None, f"raw {found.group()!r} in the deck"
    assert PPTX_ESCAPE.search(texts) is None, "python-pptx's _xHHHH_ instead of a visible escape"
    for shown in expected:
        assert shown in texts, shown


# Every control character, by class: C0 but tab and line feed, DEL, C1.
CLASSES = {
    "c0": [chr(c) for c in range(0x20) if chr(c) not in "\t\n"],
    "del": ["\x7f"],
    "c1": [chr(c) for c in range(0x80, 0xA0)],
}


def _quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar, every control as a ``\\xNN`` escape."""
    return '"' + "".join(f"\\x{ord(c):02x}" if RAW_CONTROL.match(c) else c for c in text) + '"'


@pytest.mark.parametrize("controls", sorted(CLASSES))
def test_html_report_shows_every_control_visibly(tmp_path: Path, controls: str) -> None:
    from clientchain.console import visible

    characters = "".join(CLASSES[controls])
    names = {
        "organization": f"Org{characters}end",
        "group_a": f"G{characters}",
        "group_b": "H",
        "deliverable": f"D{characters}",
    }
    path = tmp_path / "ctl.yaml"
    text = PLAIN.format(**{k: _quoted(v) for k, v in names.items() if k != "organization"})
    text = text.replace("organization: Org", f"organization: {_quoted(names['organization'])}")
    text = text.replace("{name: A,", f"{{name: {_quoted('A' + characters)},")
    text = text.replace("{name: C}", f"{{name: {_quoted('C' + characters)}}}")
    text = text.replace("name: X", f"name: {_quoted('X' + characters)}")
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "ctl.html"
    code, stdout, stderr = _run("report", str(path), "-o", str(out))
    assert code == 0, (stdout, stderr)
    page = out.read_text(encoding="utf-8")
    for character in characters:
        assert character not in page, f"raw {character!r} in the page"
    # the escapes have no character HTML escapes: visible's text is in the page as it is
    org = visible(names["organization"])
    assert f"<title>{org} — internal customer chain</title>" in page
    assert f"<h1>{org}</h1>" in page
    for name in ("A", "C", "X"):
        assert f"{name}{visible(characters)}" in page, name
