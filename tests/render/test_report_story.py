"""The report tells the story in order (issue 16, item 6): sections, each chain's title once,
the quality and lead-time tables with hand-checked numbers, zoom and pan allowed by a CSP hash
and working in chromium, and the A4-landscape print that keeps every element on its page.

How "no element overflows" is checked without running a script of our own in the page: the
page has a margin (the body's padding on screen, the ``@page`` margin in print) where nothing
is ever drawn, so any element wider than the page paints into it. The tests take chromium's
screenshot (1280 px wide, scrollbars hidden) and its PDF (rasterised by ``pdftoppm``) and
assert that the right-hand margin strip is blank on screen and on every printed page.
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
from html import escape
from pathlib import Path

import pytest
from PIL import Image

from clientchain.app.report import write_report
from clientchain.graph import build_graph
from clientchain.render.html import CSP, ZOOM_SCRIPT

from .conftest import needs_tool
from .test_es_render import DEPARTMENTS
from .test_report import _chromium, _row

STORY = ["executive-summary", "summary", "diagram", "chains", "charts", "who", "clients", "quality"]
STORY += ["sipoc", "lead-time"]
STORY += ["bottlenecks", "findings"]


@pytest.fixture(scope="module")
def page_path(tmp_path_factory, agencia) -> Path:
    out = tmp_path_factory.mktemp("story") / "agencia.html"
    write_report(*agencia, out)
    return out


@pytest.fixture(scope="module")
def page(page_path) -> str:
    return page_path.read_text(encoding="utf-8")


def test_sections_follow_the_story(page) -> None:
    assert re.findall(r'<h2 id="([a-z-]+)">', page) == STORY


def test_markdown_follows_the_same_story(agencia, tmp_path) -> None:
    out = tmp_path / "agencia.md"
    write_report(*agencia, out)
    headings = [
        line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("##")
    ]
    assert headings == [
        "## Executive summary",
        "## Summary",
        "## Overview",
        "## Chains",
        "### Infografía",
        "### Vídeo para redes",
        "### Campaña para pymes",
        "## Who serves whom",
        "## Clients",
        "## Quality and satisfaction",
        "## SIPOC",
        *(f"### {name}" for name in DEPARTMENTS),
        "## Lead time",
        "## Bottlenecks",
        "## Findings",
    ]


def test_each_chain_title_appears_once(page) -> None:
    for name in ("Infografía", "Vídeo para redes", "Campaña para pymes"):
        assert page.count(f">{name}</h3>") == 1
        # not again in the drawing nor in its caption ("Agencia Ejemplo — Infografía" before)
        assert f"Agencia Ejemplo — {name}" not in page
    # besides: a row of the chains' table and one of the lead-time table
    assert page.count(">Vídeo para redes<") == 3


def test_quality_and_satisfaction_per_handoff(page) -> None:
    section = page.split('id="quality">', 1)[1].split("</table>", 1)[0]
    assert "<th>%C&amp;A</th><th>Satisfaction</th>" in section
    # agencia.yaml: stock → contenido, "Imágenes con licencia", quality 98%, satisfaction 4.5
    assert _row(section, "Banco de imágenes") == [
        "Banco de imágenes",
        "Contenido y comunicación",
        "Imágenes con licencia",
        "98%",
        "4.5 / 5",
    ]
    # direccion → comercial has no quality given: a dash, never 0%
    assert _row(section, "Dirección")[3:] == ["–", "3.5 / 5"]
    # 13 work handoffs (the feedback and 2 information handoffs of the file are not listed)
    assert section.count("<tr>") == 1 + 13


def test_lead_time_in_working_days_and_hours(page) -> None:
    section = page.split('id="lead-time">', 1)[1].split("</table>", 1)[0]
    # Infografía: lead 30.5 h ÷ 8 h a working day = 3.8125 → 3.81 working days; process 6.5 h,
    # 6.5 / 30.5 = 21.3%; the longest wait is the 16 h queue before Creatividad
    assert _row(section, "Infografía") == [
        "Infografía",
        "3.81 working days (30.5 h)",
        "6.5 h",
        "21.3%",
        "Creatividad (16 h)",
    ]
    # Campaña para pymes: 52 h ÷ 8 = 6.5 working days
    assert _row(section, "Campaña para pymes")[1] == "6.5 working days (52 h)"


def test_the_only_script_is_allowed_by_its_hash(page) -> None:
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert scripts == [ZOOM_SCRIPT]
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    assert CSP.startswith("default-src 'none';")
    assert f"script-src 'sha256-{digest}'" in CSP
    assert f'content="{CSP}"' in page
    assert "unsafe-eval" not in CSP
    assert "script-src 'unsafe-inline'" not in CSP


_PROBE = """
var svg = document.querySelector("figure svg"), before = svg.viewBox.baseVal.width;
var r = svg.getBoundingClientRect();
svg.dispatchEvent(new WheelEvent("wheel", {deltaY: -100, ctrlKey: true, bubbles: true,
  cancelable: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2}));
document.body.setAttribute("data-zoom", before + " " + svg.viewBox.baseVal.width);
"""


def test_zoom_script_runs_under_the_csp_in_chromium(page, tmp_path) -> None:
    """The page's script runs (no 'Refused to execute') and Ctrl + wheel zooms in by 0.8.

    A probe script, allowed by its own hash in a copy of the page, dispatches the wheel event
    and writes the viewBox width before and after on ``<body>`` for ``--dump-dom`` to show."""
    probe_hash = base64.b64encode(hashlib.sha256(_PROBE.encode()).digest()).decode()
    probed = page.replace(CSP, f"{CSP} 'sha256-{probe_hash}'").replace(
        "</body>", f"<script>{_PROBE}</script>\n</body>"
    )
    copy = tmp_path / "probed.html"
    copy.write_text(probed, encoding="utf-8")
    dom = _chromium("--dump-dom", copy.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    problems = [line for line in dom.stderr.splitlines() if "Refused" in line or "CONSOLE" in line]
    assert problems == []
    zoom = re.search(r'data-zoom="([\d.]+) ([\d.]+)"', dom.stdout)
    assert zoom, "the probe did not run"
    before, after = map(float, zoom.groups())
    assert after == pytest.approx(before * 0.8, rel=1e-3)  # zoomed in by one step


def test_the_page_itself_loads_without_csp_errors(page_path) -> None:
    dom = _chromium("--dump-dom", page_path.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert not [line for line in dom.stderr.splitlines() if "Refused" in line]
    assert dom.stdout.count("<svg") == 4 + 4  # the overview, three chains, four charts


def _blank(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    darkest, _ = image.crop(box).convert("L").getextrema()
    return bool(darkest >= 250)


def _right_margin_blank(page: Path) -> bool:
    shot = page.with_suffix(".png")
    done = _chromium(
        "--window-size=1280,4000", "--hide-scrollbars", f"--screenshot={shot}", page.as_uri()
    )
    assert done.returncode == 0, done.stderr[-2000:]
    image = Image.open(shot)
    # the body's right padding is 1.5rem = 24 px: its outer 16 px stay blank
    return _blank(image, (1280 - 16, 0, 1280, image.height))


def test_no_element_overflows_the_screen(page, tmp_path) -> None:
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    assert _right_margin_blank(tmp_path / "report.html")
    # the check sees an overflow: a 3,000 px bar after the heading paints into the margin
    wide = '<div style="width:3000px;height:8px;background:#000"></div>'  # i18n: test HTML
    (tmp_path / "wide.html").write_text(page.replace("</h1>", "</h1>" + wide), encoding="utf-8")
    assert not _right_margin_blank(tmp_path / "wide.html")


def _pages(pdf: Path, folder: Path) -> list[Image.Image]:
    """Each page of ``pdf`` at 36 dpi (``pdftoppm``)."""
    pdftoppm = needs_tool("pdftoppm")
    subprocess.run([pdftoppm, "-png", "-r", "36", str(pdf), str(folder / "p")], check=True)
    return [Image.open(path) for path in sorted(folder.glob("p-*.png"))]


def test_print_is_a4_landscape_and_nothing_leaves_the_page(page_path, tmp_path) -> None:
    pdfinfo = needs_tool("pdfinfo")
    pdf = tmp_path / "report.pdf"
    done = _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page_path.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    # A4 landscape: 297 mm × 210 mm = 841.89 pt × 595.28 pt (chromium rounds to whole pixels)
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width == pytest.approx(841.9, abs=1)
    assert height == pytest.approx(595.3, abs=1)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    # the overview, the chains and who serves whom each open a page; agencia takes 16
    assert 3 <= pages <= 18
    images = _pages(pdf, tmp_path)
    assert len(images) == pages
    for image in images:
        # 36 dpi: the 12 mm margin is 17 px; its outer 12 px on the right stay blank
        assert _blank(image, (image.width - 12, 0, image.width, image.height))


def test_a_30_department_report_stays_on_its_pages(generate_org, tmp_path) -> None:
    """The generated 30-department org (long names, many handoffs): nothing overflows the
    screen or the A4-landscape pages, and each chain's title is said once."""
    org = generate_org(30)
    out = tmp_path / "org30.html"
    write_report(org, build_graph(org), out)
    page = out.read_text(encoding="utf-8")
    for chain in org.chains.values():
        assert page.count(f">{escape(chain.name)}</h3>") == 1
    assert _right_margin_blank(out)
    pdf = tmp_path / "org30.pdf"
    done = _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", out.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    for image in _pages(pdf, tmp_path):
        assert _blank(image, (image.width - 12, 0, image.width, image.height))
