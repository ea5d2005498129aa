"""The chain as a value-stream map (issue 16, item 1): ``render --view chain:ID`` as SVG, PNG
and PDF, the report's chain figures and the deck's chain slides.

Checked on the shipped agencia, on ``tests/cases/valid/hospital-revisit.yaml`` (a chain that
visits the doctors twice and holds finished inventory) and on a hand-made chain over takt:
one process box per step, the ladder's waits and efforts add up to ``chains``' lead time,
the totals are ``chains``' numbers, over-takt steps are marked, the SVG is XML, no two
texts overlap (measured with DejaVu Sans's real metrics through Pillow), the slide's map
lies within the slide and spans at least 90% of its width, and Spanish reads Spanish.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from itertools import combinations
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clientchain.analysis.flow import analyze_flow
from clientchain.cli import app
from clientchain.i18n import use
from clientchain.loading import load_file, load_text
from clientchain.numbers import duration, pct
from clientchain.render.slides import _DIAGRAM_AREA as DIAGRAM_AREA
from clientchain.render.theme import THEMES
from clientchain.render.vsm import build_vsm, over_takt_boxes
from clientchain.render.vsm_pptx import fit_vsm
from clientchain.render.vsm_scene import Text, VsmScene
from clientchain.render.vsm_write import vsm_dot, vsm_svg

from .conftest import EXAMPLES, ROOT, TOOL_SKIP, needs_tool

HOSPITAL = ROOT / "tests" / "cases" / "valid" / "hospital-revisit.yaml"
AGENCIA = EXAMPLES / "agencia.yaml"

# A week of 5 × 8 h = 40 h. Chain x, demand 8: takt 40 / 8 = 5 h; Alfa twice, Beta between.
#   step 1 Alfa  effort 2 h, headcount 1: cycle 2 h; no wait
#   step 2 Beta  effort 6 h, headcount 2: cycle 3 h; wait 4 h
#   step 3 Alfa  effort 6 h: cycle 6 h > takt 5 h → over takt; inventory 4 ÷ (8 ÷ 5 a day)
#                = 2.5 days = 20 h
#   finished inventory 2 ÷ 1.6 a day = 1.25 days = 10 h
#   process 2 + 6 + 6 = 14 h; lead 14 + 0 + 4 + 20 + 10 = 48 h = 6 working days;
#   value added 14 / 48 = 29.2%
OVER_TAKT = """\
version: 1
organization: Taller
period: week
departments:
  a: {name: Alfa}
  b: {name: Beta, headcount: 2}
clients:
  z: {name: Zeta}
handoffs:
  - {from: a, to: b, quality: 90%}
  - {from: b, to: a, quality: 80%}
  - {from: a, to: z}
chains:
  x:
    name: Equis
    client: z
    demand: 8
    steps:
      - {department: a, effort: 2h}
      - {department: b, effort: 6h, wait: 4h}
      - {department: a, effort: 6h, inventory: 4}
    finished_inventory: 2
"""


def _scene(org, chain_id: str, **options) -> VsmScene:
    return build_vsm(
        org, analyze_flow(org), chain_id, options.pop("theme", THEMES["light"]), **options
    )


def _texts(scene: VsmScene, role: str) -> list[str]:
    return [t.text for t in scene.texts if t.role == role]


def _hours(text: str) -> float:
    """``'45 min'`` → 0.75, ``'6 h'`` → 6.0 (the English durations of the ladder)."""
    value, unit = text.split()
    return float(value) / 60 if unit == "min" else float(value)


def _chains_json(path: Path) -> dict[str, dict]:
    result = CliRunner().invoke(app, ["chains", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {c["id"]: c for c in json.loads(result.stdout)["chains"]}


def test_hospital_one_process_box_per_step_the_revisit_twice() -> None:
    scene = _scene(load_file(HOSPITAL), "lab")
    boxes = [r.key for r in scene.rects if r.role == "process"]
    assert boxes == ["n_triage", "n_doctors", "n_lab", "v2_n_doctors", "n_discharge"]
    assert [r.key for r in scene.rects if r.role == "data"] == boxes
    assert _texts(scene, "name")[:3] == ["Emergencias", "112", "Triaje"]  # the supplier wraps
    assert _texts(scene, "name").count("Médicos") == 2
    assert "visit 1 of 2" in _texts(scene, "detail")
    assert "visit 2 of 2" in _texts(scene, "detail")


def test_hospital_ladder_and_totals_equal_chains_numbers() -> None:
    scene = _scene(load_file(HOSPITAL), "lab")
    # waits: triage 15 min · doctors 12 ÷ 48 a day × 24 h = 6 h · lab 1 h · doctors 45 min ·
    # discharge 30 min · finished 4 ÷ 48 × 24 = 2 h  →  10.5 h
    assert _texts(scene, "wait") == ["15 min", "6 h", "1 h", "45 min", "30 min", "2 h"]
    # efforts 15 + 30 + 45 + 15 + 15 min = 2 h
    assert _texts(scene, "process") == ["15 min", "30 min", "45 min", "15 min", "15 min"]
    waits = sum(_hours(t) for t in _texts(scene, "wait"))
    process = sum(_hours(t) for t in _texts(scene, "process"))
    chains = _chains_json(HOSPITAL)["lab"]
    assert process == pytest.approx(chains["process_time_hours"]) == pytest.approx(2.0)
    assert waits + process == pytest.approx(chains["lead_time_hours"]) == pytest.approx(12.5)
    assert process / (waits + process) == pytest.approx(chains["value_added_ratio"])  # 16%
    # 12.5 h ÷ 24 h a day = 0.52 working days; takt 24 h ÷ 48 = 30 min
    assert _texts(scene, "total") == [
        "lead time 12.5 h",
        "0.52 working days",
        "process time 2 h",
        "value added 16%",
        "takt 30 min",
    ]
    assert "inventory 12" in _texts(scene, "gap")
    assert "finished 4" in _texts(scene, "gap")
    assert len(scene.triangles) == 6  # every step has a wait, and the finished inventory


@pytest.mark.parametrize("chain_id", ["infografia", "video", "campana"])
def test_agencia_totals_equal_chains_numbers(chain_id: str) -> None:
    org = load_file(AGENCIA)
    scene = _scene(org, chain_id)
    chains = _chains_json(AGENCIA)[chain_id]
    steps = org.chains[chain_id].steps
    assert [r.key for r in scene.rects if r.role == "process"] == [
        f"n_{s.department}" for s in steps
    ]
    waits = [_hours(t) for t in _texts(scene, "wait")]
    efforts = [_hours(t) for t in _texts(scene, "process")]
    assert len(waits) == len(steps) + 1
    assert len(efforts) == len(steps)
    # the ladder's labels are rounded to two decimals (26.67 h), the totals are not
    assert sum(efforts) == pytest.approx(chains["process_time_hours"])
    assert sum(waits) + sum(efforts) == pytest.approx(chains["lead_time_hours"], abs=0.01)
    assert _texts(scene, "total")[0] == f"lead time {duration(chains['lead_time_hours'])}"
    assert _texts(scene, "total")[2] == f"process time {duration(chains['process_time_hours'])}"
    assert _texts(scene, "total")[3] == f"value added {pct(chains['value_added_ratio'])}"


def test_video_totals_by_hand() -> None:
    # Vídeo para redes, demand 3 a week: takt 40 / 3 = 13.33 h; efforts 1 + 3 + 12 + 1 = 17 h;
    # waits: contenido 1 d = 8 h, audiovisual 2 ÷ (3 / 5 a day) = 3.33 d = 26.67 h → 34.67 h;
    # lead 51.67 h = 6.46 working days; value added 17 / 51.67 = 32.9%
    scene = _scene(load_file(AGENCIA), "video")
    assert _texts(scene, "total") == [
        "lead time 51.67 h",
        "6.46 working days",
        "process time 17 h",
        "value added 32.9%",
        "takt 13.33 h",
    ]
    assert _texts(scene, "wait") == ["0 h", "8 h", "26.67 h", "0 h", "0 h"]


def test_over_takt_step_is_marked_and_totals_by_hand() -> None:
    org = load_text(OVER_TAKT, "taller.yaml")
    scene = _scene(org, "x")
    assert over_takt_boxes(scene) == ("v2_n_a",)  # the second visit to Alfa only
    assert _texts(scene, "detail").count("over takt") == 1
    red = [line for line in scene.lines if line.colour == scene.theme.constraint]
    assert len(red) == 1  # its process segment on the ladder
    assert _texts(scene, "total") == [
        "lead time 48 h",
        "6 working days",
        "process time 14 h",
        "value added 29.2%",
        "takt 5 h",
    ]
    assert _texts(scene, "wait") == ["0 h", "4 h", "20 h", "10 h"]
    # the data boxes: cycle time, headcount and the %C&A of the handoff into each step
    values = _texts(scene, "value")
    assert values[:5] == ["2 h", "2 h", "1", "160%", "—"]  # no supplier: no handoff in
    assert values[5:10] == ["6 h", "3 h", "2", "60%", "90%"]  # a → b
    assert values[10:15] == ["6 h", "6 h", "1", "160%", "80%"]  # b → a


@cache
def _font(bold: bool):
    from PIL import ImageFont

    found = subprocess.run(
        [needs_tool("fc-match"), "-f", "%{file}", "DejaVu Sans:bold" if bold else "DejaVu Sans"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    if not found.endswith(".ttf") or "DejaVu" not in found:
        pytest.skip(f"{TOOL_SKIP} fonts-dejavu-core")
    return ImageFont.truetype(found, 100)


def _real_box(text: Text) -> tuple[float, float, float, float]:
    """The text's box with its width measured in the real font (at 100 pt, scaled)."""
    width = _font(text.bold).getlength(text.text) * text.size / 100
    if text.anchor == "middle":
        left = text.x + text.width / 2 - width / 2
    elif text.anchor == "end":
        left = text.x + text.width - width
    else:
        left = text.x
    return left, text.y, left + width, text.y + text.height


def _overlaps(a, b) -> bool:
    return a[0] < b[2] - 0.01 and b[0] < a[2] - 0.01 and a[1] < b[3] - 0.01 and b[1] < a[3] - 0.01


def _scenes():
    for path, chains in ((AGENCIA, None), (HOSPITAL, None)):
        org = load_file(path)
        for chain_id in chains or org.chains:
            for theme in ("light", "slides"):
                yield f"{path.stem}:{chain_id}:{theme}", org, chain_id, theme


SCENES = list(_scenes())


@pytest.mark.parametrize(("name", "org", "chain_id", "theme"), SCENES, ids=[s[0] for s in SCENES])
@pytest.mark.parametrize("stacked", [False, True])
def test_no_text_overlaps_another_and_every_text_fits_its_box(
    name: str, org, chain_id: str, theme: str, stacked: bool
) -> None:
    _check_texts(_scene(org, chain_id, theme=THEMES[theme], title=True, stacked=stacked))


@pytest.mark.parametrize(
    ("name", "org", "chain_id"), [s[:3] for s in SCENES[::2]], ids=[s[0] for s in SCENES[::2]]
)
def test_slide_maps_no_text_overlaps_another(name: str, org, chain_id: str) -> None:
    """The map as the deck builds it (for the slide's width, the best of four ways)."""
    _check_texts(fit_vsm(org, analyze_flow(org), chain_id, THEMES["slides"], DIAGRAM_AREA))


def _check_texts(scene: VsmScene) -> None:
    """No text overlaps another; a text on a box lies wholly within it; all within the page."""
    pytest.importorskip("PIL")
    boxes = [(t, _real_box(t)) for t in scene.texts]
    for (a, box_a), (b, box_b) in combinations(boxes, 2):
        assert not _overlaps(box_a, box_b), (a.text, b.text)
    for text, box in boxes:
        assert box[2] - box[0] <= text.width + 0.5, text.text  # our widths are never short
        inside = [
            r for r in scene.rects if _overlaps(box, (r.x, r.y, r.x + r.width, r.y + r.height))
        ]
        for rect in inside:  # a text on a box lies wholly within it
            where = (text.text, rect.role)
            assert rect.x <= box[0], where
            assert box[2] <= rect.x + rect.width, where
            assert rect.y <= box[1], where
            assert box[3] <= rect.y + rect.height, where
        assert box[0] >= 0
        assert box[2] <= scene.width
        assert box[3] <= scene.height


def test_svg_is_xml_with_every_text_escaped() -> None:
    org = load_file(AGENCIA)
    scene = _scene(org, "campana", title=True)
    root = ET.fromstring(vsm_svg(scene).encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert texts == [t.text for t in scene.texts]
    assert root.get("font-family") == "DejaVu Sans"
    arrows = sum(line.arrow for line in scene.lines)
    assert len(list(root.iter(f"{ns}polygon"))) == len(scene.triangles) + arrows


def test_hostile_names_stay_text(tricky) -> None:
    org, _graph = tricky
    for chain_id in org.chains:
        scene = _scene(org, chain_id, title=True)
        root = ET.fromstring(vsm_svg(scene).encode("utf-8"))  # parses: nothing broke out
        tags = {element.tag.split("}")[1] for element in root.iter()}
        assert tags <= {
            "svg",
            "title",
            "defs",
            "marker",
            "path",
            "rect",
            "polyline",
            "polygon",
            "text",
        }
        assert vsm_dot(scene).count("\n}") == 1  # one graph, closed once


def test_render_command_writes_the_map_as_svg_and_png(tmp_path: Path) -> None:
    svg, png = tmp_path / "lab.svg", tmp_path / "lab.png"
    for out in (svg, png):
        args = ["render", str(HOSPITAL), "--view", "chain:lab", "-o", str(out)]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
    text = svg.read_text(encoding="utf-8")
    assert "lead time 12.5 h" in text
    assert "visit 2 of 2" in text
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dot = tmp_path / "lab.dot"  # DOT and Mermaid keep the chain's flow diagram (goldens)
    result = CliRunner().invoke(
        app, ["render", str(HOSPITAL), "--view", "chain:lab", "-o", str(dot)]
    )
    assert result.exit_code == 0
    assert dot.read_text(encoding="utf-8") == (
        ROOT / "tests" / "golden" / "hospital-revisit" / "chain-lab.dot"
    ).read_text(encoding="utf-8")


def test_render_pdf_with_graphviz(tmp_path: Path) -> None:
    needs_tool("dot")
    out = tmp_path / "video.pdf"
    args = ["render", str(AGENCIA), "--view", "chain:video", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:5] == b"%PDF-"


def test_spanish_labels() -> None:
    org = load_file(HOSPITAL)
    with use("es"):
        scene = _scene(org, "lab", title=True)
    labels = set(_texts(scene, "label"))
    assert {"esfuerzo", "tiempo de ciclo", "personas", "utilización", "%C&P de entrada"} <= labels
    assert "visita 2 de 2" in _texts(scene, "detail")
    assert _texts(scene, "total")[0] == "tiempo de entrega 12,5 h"
    assert "effort" not in labels


def _slide_maps(deck: Path):
    pptx = pytest.importorskip("pptx")
    presentation = pptx.Presentation(str(deck))
    for slide in presentation.slides:
        shapes = [s for s in slide.shapes if s.name.startswith("vsm ")]
        if shapes:
            yield presentation, shapes


@pytest.mark.parametrize("path", [AGENCIA, HOSPITAL], ids=["agencia", "hospital"])
def test_chain_slides_hold_the_map_across_the_slide(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    result = CliRunner().invoke(app, ["slides", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    maps = list(_slide_maps(out))
    assert len(maps) == len(load_file(path).chains)
    for presentation, shapes in maps:
        width, height = presentation.slide_width, presentation.slide_height
        for shape in shapes:
            assert shape.left >= 0, shape.name
            assert shape.left + shape.width <= width, shape.name
            assert shape.top >= 0, shape.name
            assert shape.top + shape.height <= height, shape.name
        left = min(s.left for s in shapes)
        right = max(s.left + s.width for s in shapes)
        assert right - left >= 0.9 * width
        texts = [s.text_frame.text for s in shapes if s.has_text_frame and s.text_frame.text]
        assert any(re.fullmatch(r"lead time .+", t) for t in texts)
        sizes = {
            r.font.size.pt
            for s in shapes
            if s.has_text_frame
            for p in s.text_frame.paragraphs
            for r in p.runs
        }
        assert min(sizes) >= 8  # the data is read from the back of the room, not 4 pt


def test_report_chain_figures_are_maps(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(HOSPITAL), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count('class="totals"') == 2  # one map per chain
    assert "lead time 12.5 h" in page


def test_docs_picture_is_current() -> None:
    """``make docs`` writes docs/img/vsm-hospital-lab.svg; docs/render.md shows it."""
    org = load_file(HOSPITAL)
    expected = vsm_svg(_scene(org, "lab", title=True))
    picture = ROOT / "docs" / "img" / "vsm-hospital-lab.svg"
    assert picture.read_text(encoding="utf-8") == expected, "run make docs"
    assert "](img/vsm-hospital-lab.svg)" in (ROOT / "docs" / "render.md").read_text("utf-8")


def test_markdown_report_has_the_timeline_table(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = CliRunner().invoke(app, ["report", str(HOSPITAL), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    # the lab chain's rows: the wait before each step (12 waiting ÷ 48 a day × 24 h = 6 h),
    # its effort and its cycle time (effort ÷ headcount: 30 min ÷ 4 = 7.5 min)
    rows = [
        r"| Step | Wait before it | Effort | Cycle time |",
        r"| Triaje | 15 min | 15 min | 7\.5 min |",
        r"| Médicos \(visit 1 of 2\) | 6 h \(inventory 12\) | 30 min | 7\.5 min |",
        r"| Laboratorio | 1 h | 45 min | 22\.5 min |",
        r"| Médicos \(visit 2 of 2\) | 45 min | 15 min | 3\.75 min |",
        r"| Altas | 30 min | 15 min | 7\.5 min |",
        r"| finished inventory 4 | 2 h |  |  |",
    ]
    for row in rows:
        assert row in text, row
    assert (
        r"lead time 12\.5 h · 0\.52 working days · process time 2 h · value added 16% · takt 30 min"
        in text
    )
