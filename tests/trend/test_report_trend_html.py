"""``report ORG --trend -o informe.html``: the trend section with its line charts as inline SVG.

The report of the year of monthly commits (tests/trend/conftest.py, March unreadable). The
values are the fixture's, by hand (H = 160 h a month):

* Creatividad = 10 h × demand ÷ (headcount × 160 h): Jan 80/160 = 50 %, Feb 100/160 = 62.5 %,
  Mar not read, Apr 120/160 = 75 %, May 75 %, Jun 140/320 = 43.75 %, Jul 200/320 = 62.5 %,
  Aug 220/320 = 68.75 %, Sep 240/320 = 75 %, Oct 81.25 %, Nov 87.5 %, Dec 300/320 = 93.75 %;
* Cuentas = (other load + 2 h × demand) ÷ 160 h: Jan 16/160 = 10 %, Feb 12.5 %, Apr 15 %,
  May (120 + 24)/160 = 90 %, Jun 17.5 %, Jul 25 %, Aug 27.5 %, Sep 30 %, Oct 32.5 %,
  Nov 35 %, Dec 37.5 %;
* the constraint: Creatividad's, but Cuentas' 90 % in May;
* Campaña's lead time = wait + 2 h + 10 h: 1 d = 8 h → 20 h until July, 2 d → 28 h after.

Where the SVG puts them (render/line_chart_svg.py): the plot is 960 − 72 − 24 = 864 px wide,
12 periods → 72 px each, period i at x = 72 + 72 i + 36 = 108 + 72 i; 260 px high from
y = 16. The utilization charts' highest value is the 100 % line: × 1.1 = 1.1, five steps of
0.22 → the next step of 1, 2, 2.5, 5 × 10^k is 0.25 → the axis ends at 1.25, so
y = 16 + 260 × (1 − v / 1.25). The lead time's highest is 28 h: × 1.1 = 30.8, 6.16 a step
→ 10 → the axis ends at 40 h, y = 16 + 260 × (1 − h / 40).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cli.cli_support import run_script
from clientchain.render.html import CSP
from render.test_report import _chromium
from render.test_report_story import _blank, _pages, _right_margin_blank

SVG = "{http://www.w3.org/2000/svg}"
CREATIVIDAD = [0.5, 0.625, None, 0.75, 0.75, 0.4375, 0.625, 0.6875, 0.75, 0.8125, 0.875, 0.9375]
CUENTAS = [0.1, 0.125, None, 0.15, 0.9, 0.175, 0.25, 0.275, 0.3, 0.325, 0.35, 0.375]
CONSTRAINT = [0.5, 0.625, None, 0.75, 0.9, 0.4375, 0.625, 0.6875, 0.75, 0.8125, 0.875, 0.9375]
LEAD_TIME = [20.0, 20.0, None, 20.0, 20.0, 20.0, 20.0, 28.0, 28.0, 28.0, 28.0, 28.0]


@pytest.fixture(scope="module")
def page_path(year_org: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "informe.html"
    done = run_script("report", str(year_org), "--trend", "-o", str(out))
    assert done.exit_code == 0, done
    return out


@pytest.fixture(scope="module")
def page(page_path: Path) -> str:
    return page_path.read_text(encoding="utf-8")


def _charts(page: str) -> dict[str, ET.Element]:
    """Each line chart's ``<svg>`` parsed, by its ``data-chart``."""
    found = re.findall(r'<svg[^>]*class="chart line-chart".*?</svg>', page, flags=re.S)
    parsed = [ET.fromstring(svg) for svg in found]
    return {svg.get("data-chart", ""): svg for svg in parsed}


def _runs(svg: ET.Element, series: int) -> list[list[tuple[float, float]]]:
    """The points of each polyline of ``series``."""
    runs = []
    for line in svg.iter(f"{SVG}polyline"):
        if line.get("class") == "series" and line.get("data-series") == str(series):
            pairs = (p.split(",") for p in (line.get("points") or "").split())
            runs.append([(float(x), float(y)) for x, y in pairs])
    return runs


def _flat(runs: list[list[tuple[float, float]]]) -> list[float]:
    return [c for run in runs for point in run for c in point]


def _expected(values: list[float | None], end: float) -> list[list[tuple[float, float]]]:
    """The runs the values make: x = 108 + 72 i, y = 16 + 260 × (1 − v / end); None cuts."""
    runs: list[list[tuple[float, float]]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            runs.append([])
        else:
            runs[-1].append((108 + 72 * i, 16 + 260 * (1 - v / end)))
    return [run for run in runs if len(run) > 1]


def test_the_section_says_what_changed_and_the_forecast(page: str) -> None:
    section = page.split('<h2 id="trend">Trend</h2>', 1)[1]
    assert "<p>11 versions read, 2026-01 … 2026-12.</p>" in section  # 12 periods, March unread
    assert '<h3 id="trend-changes">What changed since 2026-11</h3>' in section
    assert "0 added · 0 removed · 2 changed · constraint Creatividad (creatividad)" in section
    # November → December: demand 28 → 30, Creatividad 280/320 = 87.5 % → 300/320 = 93.75 %
    assert (
        "<tr><td>Creatividad (creatividad)</td><td>utilization</td>"
        '<td class="num">87.5%</td><td class="num">93.8%</td><td class="num">+6.2 pts</td></tr>'
    ) in section
    assert "<td>satisfaction: 3.6 → 3.5</td>" in section
    assert '<h3 id="trend-forecast">Forecast</h3>' in section
    assert "2026-12: at this rate Creatividad (creatividad) overloads in 2 months" in section
    assert section.index("trend-forecast") < section.index('id="trend-charts"')


def test_the_charts_are_inline_svg_line_charts(page: str) -> None:
    charts = _charts(page)
    # Creatividad was not the constraint in May: the constraint's chart is its own.
    assert list(charts) == ["trend constraint", "trend departments", "trend lead-time"]
    names = [p.get("data-name") for p in charts["trend departments"].iter(f"{SVG}polyline")]
    assert set(names) == {"Creatividad (creatividad)", "Cuentas (cuentas)"}
    assert "<script" not in "".join(ET.tostring(svg, encoding="unicode") for svg in charts.values())
    labels = [t.text for t in charts["trend lead-time"].iter(f"{SVG}text") if t.get("class")]
    assert labels[-12:] == [f"2026-{m:02d}" for m in range(1, 13)]


def test_the_polylines_encode_the_hand_computed_series(page: str) -> None:
    charts = _charts(page)
    departments = charts["trend departments"]
    assert float(departments.get("data-end", "")) == pytest.approx(1.25)
    for series, values in ((0, CREATIVIDAD), (1, CUENTAS)):
        got = _runs(departments, series)
        want = _expected(values, 1.25)
        assert [len(run) for run in got] == [2, 9]  # Jan–Feb, then Apr–Dec: March is a gap
        assert _flat(got) == pytest.approx(_flat(want), abs=0.01)
    # Creatividad in January: 16 + 260 × (1 − 0.5 / 1.25) = 172; in December 93.75 %:
    # 16 + 260 × 0.25 = 81, at x = 108 + 72 × 11 = 900.
    assert _runs(departments, 0)[0][0] == (108, 172)
    assert _runs(departments, 0)[1][-1] == (900, 81)
    constraint = _runs(charts["trend constraint"], 0)
    assert _flat(constraint) == pytest.approx(_flat(_expected(CONSTRAINT, 1.25)), abs=0.01)
    lead = charts["trend lead-time"]
    assert float(lead.get("data-end", "")) == 40
    # 20 h: 16 + 260 × (1 − 20/40) = 146; 28 h: 16 + 260 × 0.3 = 94
    assert _flat(_runs(lead, 0)) == pytest.approx(_flat(_expected(LEAD_TIME, 40)), abs=0.01)
    assert {y for _x, y in _runs(lead, 0)[1]} == {146, 94}


def _marker_x(marker: ET.Element) -> float:
    """The centre's x of a circle, a square (4.5 px from its left) or a polygon's apex."""
    if marker.get("cx"):
        return float(marker.get("cx", ""))
    if marker.get("x"):
        return float(marker.get("x", "")) + 4.5
    return float((marker.get("points") or "").split(",")[0])


def test_the_unread_version_is_a_gap_not_a_zero(page: str) -> None:
    for key, svg in _charts(page).items():
        markers = [m for m in svg.iter() if m.get("class") == "marker"]
        values = [float(m.get("data-value", "")) for m in markers]
        assert 0.0 not in values, key
        # no marker stands at March's x = 108 + 72 × 2 = 252
        assert 252 not in {_marker_x(m) for m in markers}, key
        assert len(markers) == 11 * len({m.get("data-series") for m in markers}), key
    assert page.count("Not read: 2026-03 (a gap in the lines).") == 3


def test_the_reference_lines_at_100_and_85_percent(page: str) -> None:
    svg = _charts(page)["trend departments"]
    refs = [line for line in svg.iter(f"{SVG}line") if line.get("class") == "ref"]
    # 100 %: 16 + 260 × (1 − 1/1.25) = 68; 85 %: 16 + 260 × (1 − 0.85/1.25) = 99.2
    assert [float(line.get("y1", "")) for line in refs] == pytest.approx([68, 99.2])
    assert [float(line.get("data-value", "")) for line in refs] == [1.0, 0.85]


_PROBE = """
var out = [];
document.querySelectorAll("svg.line-chart").forEach(function (svg) {
  var r = svg.getBoundingClientRect(), box = svg.viewBox.baseVal, k = r.width / box.width;
  var outside = 0;
  svg.querySelectorAll("text").forEach(function (t) {
    var b = t.getBoundingClientRect();
    if (b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 ||
        b.bottom > r.bottom + 1) { outside += 1; }
  });
  out.push({key: svg.getAttribute("data-chart"), width: r.width, height: r.height,
            right: r.right, visible: getComputedStyle(svg).visibility,
            page: document.documentElement.clientWidth, outside: outside});
});
document.body.setAttribute("data-probe", JSON.stringify(out));
"""


def test_the_charts_show_in_chromium_and_nothing_overflows(page: str, tmp_path: Path) -> None:
    """A probe script (allowed by its own hash in a copy of the page) measures each line
    chart and each of its texts; the screenshot's right margin stays blank."""
    probe_hash = base64.b64encode(hashlib.sha256(_PROBE.encode()).digest()).decode()
    probed = page.replace(CSP, f"{CSP} 'sha256-{probe_hash}'").replace(
        "</body>", f"<script>{_PROBE}</script>\n</body>"
    )
    copy = tmp_path / "probed.html"
    copy.write_text(probed, encoding="utf-8")
    dom = _chromium("--window-size=1280,4000", "--dump-dom", copy.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert not [line for line in dom.stderr.splitlines() if "Refused" in line]
    found = re.search(r'data-probe="([^"]*)"', dom.stdout)
    assert found, "the probe did not run"
    charts = json.loads(found.group(1).replace("&quot;", '"'))
    assert [c["key"] for c in charts] == [
        "trend constraint",
        "trend departments",
        "trend lead-time",
    ]
    for chart in charts:
        assert chart["visible"] == "visible"
        assert chart["width"] > 600, chart  # drawn, not collapsed
        assert chart["height"] > 200, chart
        assert chart["right"] <= chart["page"], chart  # within the page
        assert chart["outside"] == 0, chart  # no label past the chart's edges
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    assert _right_margin_blank(tmp_path / "report.html")


def test_in_print_the_trend_opens_a_page_and_stays_on_its_pages(
    page_path: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "informe.pdf"
    done = _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page_path.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    images = _pages(pdf, tmp_path)
    for image in images:
        # 36 dpi: the 12 mm margin is 17 px; its outer 12 px on the right stay blank
        assert _blank(image, (image.width - 12, 0, image.width, image.height))
    # the section and its three charts (each kept whole) take the last pages: at least two
    without = tmp_path / "without.html"
    start, end = page_path.read_text(encoding="utf-8").split('<h2 id="trend">', 1)
    without.write_text(start + "<script>" + end.split("<script>", 1)[1], encoding="utf-8")
    fewer = tmp_path / "without.pdf"
    done = _chromium("--no-pdf-header-footer", f"--print-to-pdf={fewer}", without.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    folder = tmp_path / "fewer"
    folder.mkdir()
    assert len(images) - len(_pages(fewer, folder)) >= 2


def test_spanish_titles(year_org: Path, tmp_path: Path) -> None:
    out = tmp_path / "informe.html"
    done = run_script("report", str(year_org), "--trend", "--lang", "es", "-o", str(out))
    assert done.exit_code == 0, done
    page = out.read_text(encoding="utf-8")
    assert '<h2 id="trend">Tendencia</h2>' in page
    assert "<figcaption>Utilización de los departamentos más ocupados\n" in page
    assert "<figcaption>Tiempo de entrega de cada cadena\n" in page
    assert "Sin leer: 2026-03 (un hueco en las líneas)." in page
    assert ">Capacidad completa (100\u00a0%)</text>" in page  # a reference line's legend
