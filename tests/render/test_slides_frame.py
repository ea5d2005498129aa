"""The deck's frame (issue 16, item 5): ``--chains``, ``--template`` and ``--scenario``."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches
from typer.testing import CliRunner

from clientchain.analysis.whatif import Change, simulate
from clientchain.app.slides import write_slides
from clientchain.cli import app
from clientchain.errors import UsageError
from clientchain.i18n import use
from clientchain.numbers import factor, pct

from .conftest import EXAMPLES

AGENCIA = str(EXAMPLES / "agencia.yaml")
BRAND_FONT = "Liberation Serif"
BRAND_BACKGROUND = RGBColor(0x12, 0x34, 0x56)
TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_TYPE = (
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def _template(tmp_path, suffix: str = ".pptx"):
    """A brand template: 12 × 6.75 in, a navy master background, Liberation Serif as the
    theme's body font, and one slide of its own (which the deck must not keep)."""
    template = Presentation()
    template.slide_width, template.slide_height = Inches(12), Inches(6.75)
    master = template.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = BRAND_BACKGROUND
    theme = next(r.target_part for r in master.part.rels.values() if r.reltype.endswith("/theme"))
    body = b'<a:latin typeface="%s"/>' % BRAND_FONT.encode()
    theme._blob = theme.blob.replace(b'<a:latin typeface="Calibri"/>', body)
    own = template.slides.add_slide(template.slide_layouts[0])
    own.shapes.title.text = "Brand guidelines — do not ship"
    buffer = io.BytesIO()
    template.save(buffer)
    data = buffer.getvalue()
    if suffix == ".potx":  # the same package with a template's content type
        source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                body = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    body = body.replace(PRESENTATION_TYPE, TEMPLATE_TYPE)
                target.writestr(item, body)
        data = out.getvalue()
        assert TEMPLATE_TYPE in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    path = tmp_path / f"brand{suffix}"
    path.write_bytes(data)
    return path


# --chains ------------------------------------------------------------------------------


def test_chains_picks_the_chain_slides_in_the_order_given(tmp_path, agencia) -> None:
    out = tmp_path / "two.pptx"
    written = write_slides(*agencia, out, chains=["video", "infografia"])
    slides = list(Presentation(str(out)).slides)
    # title + summary + overview + 2 chains + the bottleneck table + the charts: utilization,
    # the 2 chains' takt charts and the matrix
    assert len(slides) == 10 == written.counts["slides"]
    assert "Vídeo para redes" in _texts(slides[3])[0]
    assert "Infografía" in _texts(slides[4])[0]
    takt = [t for s in slides for t in _texts(s)[:1] if "takt" in t]
    assert len(takt) == 2
    assert "Vídeo para redes" in takt[0]
    assert "Infografía" in takt[1]


def test_an_unknown_chain_exits_2_with_the_closest_ids(tmp_path) -> None:
    out = tmp_path / "deck.pptx"
    result = CliRunner().invoke(app, ["slides", AGENCIA, "-o", str(out), "--chains", "vidoe"])
    assert result.exit_code == 2
    assert "unknown chain 'vidoe' (did you mean 'video'?)" in result.output
    assert not out.exists()


# --template ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".pptx", ".potx"])
def test_the_deck_builds_on_the_template(tmp_path, agencia, suffix: str) -> None:
    out = tmp_path / "branded.pptx"
    written = write_slides(*agencia, out, template=_template(tmp_path, suffix))
    deck = Presentation(str(out))
    assert (deck.slide_width, deck.slide_height) == (Inches(12), Inches(6.75))
    slides = list(deck.slides)
    # title + summary + overview + 3 chains + table + 5 charts; the template's own slide is gone
    assert len(slides) == 12 == written.counts["slides"]
    assert all("Brand guidelines" not in " ".join(_texts(s)) for s in slides)
    layouts = [slide.slide_layout.name for slide in slides]
    assert layouts == ["Title Slide"] + ["Title Only"] * 11
    # the headings are in the layouts' title placeholders; the master's background shows
    assert slides[0].shapes.title.text == "Agencia Ejemplo"
    assert slides[1].shapes.title.text == "Executive summary"
    assert slides[6].shapes.title.text == "Bottlenecks"
    assert all(not slide.background._cSld.bg for slide in slides[1:])  # not painted over
    assert deck.slide_master.background.fill.fore_color.rgb == BRAND_BACKGROUND
    # the theme's font is the text's: the nodes and the caption are in Liberation Serif
    fonts = {
        run.font.name
        for shape in slides[2].shapes
        if shape.has_text_frame and not shape.is_placeholder
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    }
    assert fonts == {BRAND_FONT}
    # every shape of the diagram lies on the smaller slide
    for shape in (shape for slide in slides for shape in slide.shapes):
        assert shape.left >= 0
        assert shape.left + shape.width <= deck.slide_width + 12700
        assert shape.top >= 0
        assert shape.top + shape.height <= deck.slide_height + 12700


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"not a zip", "brand.pptx", "is not a PowerPoint template (.pptx or .potx)"),
        (b"", "brand.key", "a template is a .pptx or .potx file, not"),
    ],
)
def test_a_bad_template_exits_2_with_a_clear_message(tmp_path, content, name, message) -> None:
    template = tmp_path / name
    template.write_bytes(content)
    out = tmp_path / "deck.pptx"
    args = ["slides", AGENCIA, "-o", str(out), "--template", str(template)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_a_zip_that_is_no_presentation_is_refused(tmp_path, agencia) -> None:
    template = tmp_path / "brand.pptx"
    with zipfile.ZipFile(template, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UsageError, match="is not a PowerPoint template"):
        write_slides(*agencia, tmp_path / "deck.pptx", template=template)


# --scenario ----------------------------------------------------------------------------


@pytest.fixture
def future(tmp_path, agencia):
    """agencia with one more person in Creatividad (simulate --headcount creatividad=+1)."""
    org, _graph = agencia
    path = tmp_path / "future.yaml"
    args = ["simulate", AGENCIA, "--headcount", "creatividad=+1", "-o", str(path)]
    assert CliRunner().invoke(app, args).exit_code == 0
    return path, simulate(org, [Change.headcount("creatividad", add=1)])


def _table(slide) -> list[list[str]]:
    frame = next(shape for shape in slide.shapes if shape.has_table)
    return [[cell.text for cell in row.cells] for row in frame.table.rows]


def test_the_whatif_slide_sets_before_beside_after(tmp_path, agencia, future) -> None:
    path, sim = future
    out = tmp_path / "whatif.pptx"
    written = write_slides(*agencia, out, chains=["infografia"], scenario=path)
    slides = list(Presentation(str(out)).slides)
    # title, summary, overview, 1 chain, table, 3 charts (utilization, takt, matrix), what-if
    assert len(slides) == 9 == written.counts["slides"]
    assert _texts(slides[-1])[0] == "What if: future.yaml"
    rows = _table(slides[-1])
    assert rows[0] == ["", "Before", "After"]
    # Creatividad: 2 people at 80 % → 3 people: 0.8 × 2 / 3 = 53.3 %; the busiest is then
    # Administración y facturación at 66.7 %; headroom 1 / 0.8 = ×1.25 → 1 / 0.667 = ×1.5
    busiest = sim.after.departments[sim.after.constraint].name
    assert rows[1] == [
        "Constraint",
        "Creatividad at 80%",
        f"{busiest} at {pct(sim.after.max_utilization)}",
    ]
    assert rows[2] == ["Headroom", factor(1.25), factor(sim.after.headroom)]
    assert rows[3][0] == "Infografía: lead time"
    assert rows[1][2] == "Administración y facturación at 66.7%"
    assert rows[2] == ["Headroom", "× 1.25", "× 1.5"]
    assert ["Creatividad: utilization", "80%", "53.3%"] in rows
    assert len(rows) == 5  # only Creatividad's utilization changed


def test_the_whatif_slide_in_spanish(tmp_path, agencia, future) -> None:
    path, _sim = future
    out = tmp_path / "whatif.pptx"
    with use("es"):
        write_slides(*agencia, out, chains=["infografia"], scenario=path)
    slide = list(Presentation(str(out)).slides)[-1]
    assert _texts(slide)[0] == "Escenario: future.yaml"
    rows = _table(slide)
    assert rows[0] == ["", "Antes", "Después"]
    assert rows[1][0] == "Restricción"
    assert ["Creatividad: utilización", "80\u00a0%", "53,3\u00a0%"] in rows


def test_a_scenario_of_another_organization_exits_2(tmp_path) -> None:
    out = tmp_path / "deck.pptx"
    other = str(EXAMPLES / "software-company.yaml")
    result = CliRunner().invoke(app, ["slides", AGENCIA, "-o", str(out), "--scenario", other])
    assert result.exit_code == 2
    assert "is not a scenario of Agencia Ejemplo" in result.output
    assert not out.exists()
