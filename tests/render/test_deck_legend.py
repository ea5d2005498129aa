"""The deck's overview carries the highlight's colour scale, as native shapes (issue 16,
item 2: a legend whenever a highlight is on)."""

from __future__ import annotations

from pptx import Presentation

from clientchain.app.slides import write_slides
from clientchain.render.views import DiagramOptions

from .test_deck_fit import _overflows


def _overview(agencia, tmp_path, highlight: str):
    out = tmp_path / f"{highlight}.pptx"
    write_slides(*agencia, out, DiagramOptions(highlight=highlight), chains=[])
    presentation = Presentation(str(out))
    return presentation, list(presentation.slides)[2]  # title, summary, overview


def test_utilization_scale_under_the_overview(agencia, tmp_path) -> None:
    presentation, slide = _overview(agencia, tmp_path, "utilization")
    cells = [s for s in slide.shapes if s.name == "legend cell"]
    # 0% to 110% in steps of 5%: 110 / 5 + 1 = 23 cells
    assert len(cells) == 23
    texts = {s.text_frame.text for s in slide.shapes if s.has_text_frame}
    assert {"0%", "50%", "85%", "100%"} <= texts  # agencia's near_capacity is 85 %
    assert "utilization: near capacity above 85%, over capacity above 100%" in texts
    # the scale lies under every node of the diagram
    nodes = [s for s in slide.shapes if s.name.startswith("node ")]
    assert min(c.top for c in cells) >= max(n.top + n.height for n in nodes)
    assert _overflows(presentation) == []


def test_quality_scale_has_its_unknown_swatch_and_none_without_highlight(agencia, tmp_path) -> None:
    _, slide = _overview(agencia, tmp_path, "quality")
    cells = [s for s in slide.shapes if s.name == "legend cell"]
    # 80% to 100% in steps of 2.5%: 20 / 2.5 + 1 = 9 cells, and the "unknown" swatch
    assert len(cells) == 9 + 1
    texts = {s.text_frame.text for s in slide.shapes if s.has_text_frame}
    assert "%C&A unknown" in texts
    _, plain = _overview(agencia, tmp_path, "none")
    assert not [s for s in plain.shapes if s.name == "legend cell"]
