"""A git repository holding a year of monthly versions of a small agency (built per test).

H = 8 h × 5 days × 4 weeks = 160 h a month (days_per_month defaults to 20). The chain
``campana`` takes 2 h at Cuentas (after a wait W) and 10 h at Creatividad per unit, so

* Creatividad's load = 10 h × demand, capacity = headcount × 160 h;
* Cuentas' load = 2 h × demand + other_load, capacity 160 h;
* the chain's lead time = W + 2 h + 10 h.

March's commit is not a valid org file. January has two commits: the later one counts.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

# Under CI=true a test that needs chromium, LibreOffice or fc-match fails instead of skipping,
# as in tests/render (the hook applies to the tests of the folder whose conftest holds it).
from render.conftest import pytest_runtest_makereport  # noqa: F401

TEMPLATE = """\
version: 1
organization: Agencia Tendencia
period: month
departments:
  cuentas: {{name: Cuentas, other_load: {other}h}}
  creatividad: {{name: Creatividad, headcount: {people}}}
clients:
  marcas: {{name: Marcas}}
handoffs:
  - {{from: cuentas, to: creatividad, deliverable: Brief, satisfaction: {sat}, answers: {answers}}}
  - {{from: creatividad, to: marcas, deliverable: Piezas}}
  - {{from: marcas, to: cuentas, type: feedback, deliverable: Opiniones}}
chains:
  campana:
    name: Campaña
    client: marcas
    demand: {demand}
    steps:
      - {{department: cuentas, effort: 2h, wait: {wait}d}}
      - {{department: creatividad, effort: 10h}}
"""

# month, demand, Creatividad's headcount, Cuentas' other_load (h), satisfaction, answers, wait (d)
MONTHS = [
    ("2026-01-05", 7, 1, 0, 4.5, 10, 1),  # replaced by the next commit of January
    ("2026-01-20", 8, 1, 0, 4.5, 10, 1),
    ("2026-02-20", 10, 1, 0, 4.4, 12, 1),
    ("2026-03-20", None, 0, 0, 0, 0, 0),  # broken
    ("2026-04-20", 12, 1, 0, 3.8, 9, 1),
    ("2026-05-20", 12, 1, 120, 3.8, 9, 1),
    ("2026-06-20", 14, 2, 0, 4.0, 11, 1),
    ("2026-07-20", 20, 2, 0, 4.2, 11, 1),
    ("2026-08-20", 22, 2, 0, 4.2, 10, 2),
    ("2026-09-20", 24, 2, 0, 4.0, 10, 2),
    ("2026-10-20", 26, 2, 0, 3.9, 8, 2),
    ("2026-11-20", 28, 2, 0, 3.6, 8, 2),
    ("2026-12-20", 30, 2, 0, 3.5, 8, 2),
]

BROKEN = "version: 1\ndepartments:\n  cuentas: {name: Cuentas\n"


def org_text(demand: int, people: int, other: int, sat: float, answers: int, wait: int) -> str:
    return TEMPLATE.format(
        demand=demand, people=people, other=other, sat=sat, answers=answers, wait=wait
    )


def git(repo: Path, *args: str, date: str = "2026-01-01T12:00:00+00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ana",
        "GIT_AUTHOR_EMAIL": "ana@example.com",
        "GIT_COMMITTER_NAME": "Ana",
        "GIT_COMMITTER_EMAIL": "ana@example.com",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture(scope="module")
def year_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository (shared by a module's tests; none changes it); the org file is
    ``org/agencia.yaml`` in it."""
    repo = tmp_path_factory.mktemp("trend") / "repo"
    (repo / "org").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    path = repo / "org" / "agencia.yaml"
    for day, demand, people, other, sat, answers, wait in MONTHS:
        text = BROKEN if demand is None else org_text(demand, people, other, sat, answers, wait)
        path.write_text(text, encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"org of {day}", date=f"{day}T12:00:00+00:00")
    return repo


@pytest.fixture(scope="module")
def year_org(year_repo: Path) -> Path:
    return year_repo / "org" / "agencia.yaml"
