"""Golden trend sections: the HTML report's (English) and the Markdown report's (Spanish).

The year of monthly commits (tests/trend/conftest.py). Regenerate with
``CLIENTCHAIN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/trend/test_trend_golden.py``
and read the diff: the numbers are checked by hand in test_report_trend_html.py and
test_report_trend.py; these files hold the rest (markup, order, words) still.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli.cli_support import run_script

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("CLIENTCHAIN_UPDATE_GOLDEN") == "1"


def _check(path: Path, text: str) -> None:
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with CLIENTCHAIN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{path} differs from the output"


def _report(org: Path, out: Path, *options: str) -> str:
    done = run_script("report", str(org), "--trend", *options, "-o", str(out))
    assert done.exit_code == 0, done
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("since", ["2026-01", "2026-10"])
def test_the_html_section(year_org: Path, tmp_path: Path, since: str) -> None:
    page = _report(year_org, tmp_path / "informe.html", "--since", since)
    section = page[page.index('<h2 id="trend">') : page.index("<script>")]
    _check(GOLDEN / f"section-{since}.html", section)


def test_the_spanish_markdown_section(year_org: Path, tmp_path: Path) -> None:
    text = _report(year_org, tmp_path / "informe.md", "--lang", "es")
    _check(GOLDEN / "section.es.md", text[text.index("\n## Tendencia\n") :])
