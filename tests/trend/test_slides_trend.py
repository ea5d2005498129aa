"""``slides ORG --trend``: a slide of what changed and the forecast, then native line charts.

The deck of the year of monthly commits (tests/trend/conftest.py, March unreadable), read
back with python-pptx. The series, by hand (H = 160 h a month), as in
test_report_trend_html.py: Creatividad = 10 h × demand ÷ (headcount × 160 h), Cuentas =
(other load + 2 h × demand) ÷ 160 h, the constraint Creatividad's but for Cuentas' 90 % in
May, Campaña's lead time = wait + 2 h + 10 h (20 h until July, 28 h after).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_MARKER_STYLE

from cli.cli_support import run_script
from render.conftest import needs_tool
from render.test_deck_fit import _insets, _lines, _overflows, _runs

from .test_report_trend_html import CONSTRAINT, CREATIVIDAD, CUENTAS, LEAD_TIME

LABELS = tuple(f"2026-{m:02d}" for m in range(1, 13))


@pytest.fixture(scope="module")
def deck(year_org: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("deck") / "deck.pptx"
    done = run_script("slides", str(year_org), "--trend", "-o", str(out))
    assert done.exit_code == 0, done
    # title, summary, overview, 1 chain, bottlenecks, 3 charts; what changed + 3 line charts
    assert "12 slides" in done.stderr
    return Presentation(str(out))


def _title(slide) -> str:
    return next(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def _line_charts(deck) -> dict[str, object]:
    """Each native line chart by its slide's title."""
    found = {}
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_chart and shape.chart.plots[0]._element.tag.endswith("lineChart"):
                found[_title(slide)] = shape.chart
    return found


def test_what_changed_and_the_forecast(deck) -> None:
    slides = list(deck.slides)
    assert len(slides) == 12
    slide = slides[8]  # after the three bar charts
    assert _title(slide) == "What changed since 2026-11"
    text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "11 versions read, 2026-01 … 2026-12." in text
    # November → December: demand 28 → 30, Creatividad 280/320 = 87.5 % → 300/320 = 93.75 %
    assert "• Creatividad (creatividad), utilization: 87.5% → 93.8% (+6.2 pts)" in text
    assert "• Campaña (campana): demand: 28 → 30" in text
    assert "Forecast:\n• 2026-12: at this rate Creatividad (creatividad) overloads in 2 months" in (
        text
    )


def test_one_native_line_chart_a_slide_with_the_hand_computed_series(deck) -> None:
    charts = _line_charts(deck)
    assert list(charts) == [
        "Utilization of the constraint",
        "Utilization of the busiest departments",
        "Lead time of each chain",
    ]
    expected = {
        "Utilization of the constraint": [("Constraint", CONSTRAINT)],
        "Utilization of the busiest departments": [
            ("Creatividad (creatividad)", CREATIVIDAD),
            ("Cuentas (cuentas)", CUENTAS),
        ],
        "Lead time of each chain": [("Campaña (campana)", LEAD_TIME)],
    }
    for title, chart in charts.items():
        plot = chart.plots[0]
        assert tuple(plot.categories) == LABELS, title
        series = list(plot.series)
        drawn = expected[title]
        for (name, values), got in zip(drawn, series, strict=False):
            assert got.name == name
            # the unreadable March is an empty cell (None), never 0
            assert got.values == pytest.approx(values), title
            assert got.marker.style not in (None, XL_MARKER_STYLE.NONE)
        references = series[len(drawn) :]
        if title.startswith("Utilization"):  # 100 % and near capacity, lines without markers
            assert [s.values for s in references] == [(1.0,) * 12, (0.85,) * 12]
            assert [s.marker.style for s in references] == [XL_MARKER_STYLE.NONE] * 2
        else:
            assert references == []
        # the chart shows an empty cell as a gap
        assert chart._chartSpace.xpath("c:chart/c:dispBlanksAs/@val") == ["gap"]


def test_series_differ_by_dash_and_marker_not_only_colour(deck) -> None:
    chart = _line_charts(deck)["Utilization of the busiest departments"]
    first, second = list(chart.plots[0].series)[:2]
    assert first.marker.style != second.marker.style
    assert first.format.line.dash_style != second.format.line.dash_style


def test_the_value_axis_ends_where_the_report_s_does(deck) -> None:
    # the 100 % line × 1.1 = 1.1 → steps of 0.25 → 1.25; 28 h × 1.1 = 30.8 → steps of 10 → 40
    charts = _line_charts(deck)
    axis = charts["Utilization of the busiest departments"].value_axis
    assert (axis.minimum_scale, axis.maximum_scale, axis.major_unit) == (0, 1.25, 0.25)
    assert charts["Lead time of each chain"].value_axis.maximum_scale == 40


def test_every_text_fits_and_titles_keep_one_line(deck) -> None:
    needs_tool("fc-match")
    assert _overflows(deck) == []
    for slide in list(deck.slides)[8:]:
        title = next(s for s in slide.shapes if s.has_text_frame)
        left, right, _top, _bottom = _insets(title.text_frame)
        for text, size, bold in _runs(title.text_frame):
            assert _lines(text, size, bold, title.width.pt - left - right) == 1, text


def test_since_and_spanish(year_org: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    done = run_script(
        "slides", str(year_org), "--trend", "--since", "2026-10", "--lang", "es", "-o", str(out)
    )
    assert done.exit_code == 0, done
    deck = Presentation(str(out))
    charts = _line_charts(deck)
    # October–December: Creatividad the constraint throughout, so no constraint's chart
    assert list(charts) == [
        "Utilización de los departamentos más ocupados",
        "Tiempo de entrega de cada cadena",
    ]
    plot = charts["Tiempo de entrega de cada cadena"].plots[0]
    assert tuple(plot.categories) == ("2026-10", "2026-11", "2026-12")
    assert next(iter(plot.series)).values == (28.0, 28.0, 28.0)  # 2 d × 8 h + 2 h + 10 h
    titles = [_title(slide) for slide in deck.slides]
    assert "Qué cambió desde 2026-11" in titles


def test_the_speaker_notes_carry_the_numbers(deck) -> None:
    slide = next(s for s in deck.slides if _title(s) == "Lead time of each chain")
    notes = slide.notes_slide.notes_text_frame.text
    # 20 h until July (1 d wait), 28 h after (2 d); March not read
    assert "Campaña (campana): 2026-01 20 h, 2026-02 20 h, 2026-03 —, 2026-04 20 h" in notes
    assert "2026-08 28 h" in notes
    assert notes.endswith("Not read: 2026-03 (a gap in the lines).")
