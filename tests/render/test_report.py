"""The HTML and Markdown reports: content with hand-checked numbers, self-containment,
and the HTML page opened in a real headless browser (chromium) with no network."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from clientchain.app.report import write_report
from clientchain.cli import app
from clientchain.render.html import CSP

from .conftest import EXAMPLES, needs_tool


@pytest.fixture(scope="module")
def agencia_html(tmp_path_factory, agencia) -> Path:
    out = tmp_path_factory.mktemp("report") / "agencia.html"
    write_report(*agencia, out)
    return out


@pytest.fixture(scope="module")
def agencia_md(tmp_path_factory, agencia) -> str:
    out = tmp_path_factory.mktemp("report") / "agencia.md"
    write_report(*agencia, out)
    return out.read_text(encoding="utf-8")


def _cells(row_html: str) -> list[str]:
    return re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row_html, re.S)


def _row(page: str, first_cell: str) -> list[str]:
    for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
        cells = _cells(row)
        if cells and cells[0] == first_cell:
            return cells
    raise AssertionError(f"no row {first_cell!r}")


def test_html_is_self_contained(agencia_html) -> None:
    page = agencia_html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert f'content="{CSP}"' in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page
    assert "url(" not in page
    assert page.lower().count("<script") == 1  # the zoom script, allowed by its hash
    # the overview and three chains, then the charts: utilization and three takt charts
    assert page.count("<svg") == 4 + 4


def test_html_sections_and_summary(agencia_html) -> None:
    page = agencia_html.read_text(encoding="utf-8")
    for section in ("Summary", "Overview", "Who serves whom", "Chains", "Bottlenecks", "Findings"):
        assert f">{section}</h2>" in page
    # constraint creatividad: 64 h / 80 h = 80%; headroom 1 / 0.8 = 1.25
    assert _row(page, "Constraint") == ["Constraint", "Creatividad (80%)"]
    assert _row(page, "Headroom")[1].startswith("× 1.25")
    assert _row(page, "Period") == ["Period", "week (40 h)"]


def test_html_chain_row_is_hand_checked(agencia_html) -> None:
    page = agencia_html.read_text(encoding="utf-8")
    # Infografía: takt 40 / 10 = 4 h; process 2 + 4 + 0.5 = 6.5 h; lead 6.5 + 8 + 16 = 30.5 h;
    # value added 6.5 / 30.5 = 0.2131 → 21.3%;
    # rolled quality 0.98 × 0.96 × 0.95 × 0.97 = 0.86695 → 86.7%
    assert _row(page, "Infografía") == [
        "Infografía",
        "10/week",
        "4 h",
        "6.5 h",
        "30.5 h",
        "21.3%",
        "86.7%",
        "Creatividad",
        "none",
    ]


def test_html_bottlenecks_are_sorted_by_utilization(agencia_html) -> None:
    page = agencia_html.read_text(encoding="utf-8")
    section = page.split(">Bottlenecks</h2>", 1)[1].split("</table>", 1)[0]
    rows = [_cells(r) for r in re.findall(r"<tr>(.*?)</tr>", section, re.S)][1:]
    # creatividad 64/80, administración 20/30, dirección 24/40, contenido 47/80, …, redes 32/80
    assert [r[0] for r in rows[:3]] == ["Creatividad", "Administración y facturación", "Dirección"]
    assert rows[0] == ["Creatividad", "64 h", "80 h", "80%", "the constraint"]
    assert rows[1][1:4] == ["20 h", "30 h", "66.7%"]  # 20 ÷ 30 = 66.7%
    assert rows[-1] == ["Redes sociales", "32 h", "80 h", "40%", ""]


def test_html_who_serves_whom_and_findings(agencia_html) -> None:
    page = agencia_html.read_text(encoding="utf-8")
    who = page.split('<h2 id="who">', 1)[1]  # the satisfaction matrix comes before it
    creatividad = _row(who, "Creatividad")
    assert creatividad[3:7] == [
        "Contenido y comunicación",
        "Planificación de medios, Redes sociales",
        "Marcas, Pymes",
        "2",
    ]
    assert "single-point-of-failure" in page


def test_markdown_report(agencia_md) -> None:
    assert agencia_md.startswith("# Agencia Ejemplo\n")
    assert agencia_md.count("```mermaid\nflowchart LR\n") == 4
    # the HTML row's numbers (test_html_chain_row_is_hand_checked), dots escaped for Markdown
    row = (
        "| Infografía | 10/week | 4 h | 6\\.5 h | 30\\.5 h | 21\\.3% | 86\\.7% "
        "| Creatividad | none |"
    )
    assert row in agencia_md
    assert "| Creatividad | 64 h | 80 h | 80% | the constraint |" in agencia_md
    for section in ("Summary", "Overview", "Who serves whom", "Chains", "Bottlenecks", "Findings"):
        assert f"\n## {section}\n" in agencia_md


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=http://127.0.0.1:9",  # any network fetch would fail and be logged
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=5000",
]


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    browser = needs_tool("chromium", "chromium-browser", "google-chrome")
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )


def test_html_report_in_a_headless_browser(agencia_html, tmp_path) -> None:
    url = agencia_html.as_uri()
    dom = _chromium("--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.count("<svg") == 4 + 4  # diagrams + charts
    assert "Creatividad (80%)" in dom.stdout
    problems = [
        line
        for line in dom.stderr.splitlines()
        if "CONSOLE" in line or "net::ERR" in line or "Refused to" in line
    ]
    assert problems == []
    shot = tmp_path / "report.png"
    done = _chromium("--window-size=1280,1800", f"--screenshot={shot}", url)
    assert done.returncode == 0, done.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 1800)
    colours = {rgb for _, rgb in image.getcolors(maxcolors=1 << 22) or []}
    # the diagram is drawn: the constraint's outline (#b91c1c) and the 50–85% fill (#bbf7d0)
    assert (0xB9, 0x1C, 0x1C) in colours
    assert (0xBB, 0xF7, 0xD0) in colours


def test_spanish_html_report_in_a_headless_browser(tmp_path) -> None:
    """The Spanish report opens in chromium as the English one does, with its texts in
    Spanish: lang="es", Spanish headings, numbers with a decimal comma."""
    page = tmp_path / "informe.html"
    done_cli = CliRunner().invoke(
        app, ["--lang", "es", "report", str(EXAMPLES / "agencia.yaml"), "-o", str(page)]
    )
    assert done_cli.exit_code == 0, done_cli.output
    dom = _chromium("--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert '<html lang="es">' in dom.stdout
    assert dom.stdout.count("<svg") == 4 + 4  # diagrams + charts
    # Creatividad: 64 h of 80 h → 80 % (a no-break space before % in Spanish, CLDR)
    assert "Creatividad (80&nbsp;%)" in dom.stdout  # the DOM writes the no-break space so
    assert "Resumen" in dom.stdout
    shot = tmp_path / "informe.png"
    done = _chromium("--window-size=1280,1800", f"--screenshot={shot}", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert Image.open(shot).size == (1280, 1800)


def test_the_report_opens_with_the_executive_summary(agencia_html, agencia_md) -> None:
    # the same five findings as `clientchain summary` (tests/cli/test_cli_summary.py)
    page = agencia_html.read_text(encoding="utf-8")
    start = page.index('<h2 id="executive-summary">Executive summary</h2>')
    assert start < page.index('<h2 id="summary">') < page.index('<h2 id="diagram">')
    items = re.findall(r"<li>(.*?)</li>", page[start : page.index("</ol>", start)])
    assert len(items) == 5
    assert items[2] == (
        "Creatividad is the constraint at 80%: one more person raises the headroom from "
        "× 1.25 to × 1.5."
    )
    lines = agencia_md.splitlines()
    assert lines[4:7] == ["## Executive summary", "", lines[6]]
    assert lines[6].startswith("1. Infografía waits 2 working days \\(16 h\\) before Creatividad")
    assert lines.index("## Summary") == 12  # five findings (lines 6–10), a blank line
