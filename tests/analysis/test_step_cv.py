"""A step's ``cv:`` (the variability of its effort) in the predicted waits.

One person, 40 h a week; demand 10 a week of a 2 h step: load 20 h, u = 0.5. The
predicted wait is Allen–Cunneen at c = 1 (Kingman), ((ca² + cs²)/2) · u/(1 − u) · tₑ
with ca = 1 and cs the step's cv:

* no cv (1): (1 + 1)/2 · 1 · 2 h = 2 h (M/M/1: ρ/(μ − λ) = 0.5/(0.5 − 0.25) = 2 h);
* cv 0: (1 + 0)/2 · 1 · 2 h = 1 h, the exact M/D/1 wait λ·E[S²]/(2(1 − ρ)) =
  0.25 · 4 / (2 · 0.5) = 1 h (Pollaczek–Khinchine);
* cv 2: (1 + 4)/2 · 1 · 2 h = 5 h.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.rework import analyze_rework
from clientchain.cli import app
from clientchain.loading import load_text
from clientchain.loading.dump import dump_org

ORG = """\
version: 1
departments: {{a: {{}}, b: {{}}}}
clients: {{c: {{}}}}
handoffs:
  - {{from: a, to: b, quality: 80%}}
chains:
  x:
    client: c
    demand: 10
    steps:
      - {{department: a, effort: 2h{cv}}}
      - {{department: b, effort: 1h}}
"""


@pytest.mark.parametrize(("cv", "wait"), [("", 2.0), (", cv: 0", 1.0), (", cv: 2", 5.0)])
def test_the_steps_cv_in_the_predicted_wait(cv: str, wait: float) -> None:
    org = load_text(ORG.format(cv=cv))
    step = analyze_flow(org, predict_waits=True).chains["x"].steps[0]
    assert step.wait_source == "predicted"
    assert step.wait_hours == pytest.approx(wait)
    assert step.effort_cv == (1.0 if not cv else float(cv.rpartition(" ")[2]))
    assert analyze_flow(org).chains["x"].steps[0].wait_hours == 0  # not predicted: unknown


def test_the_steps_cv_in_the_wait_with_rework() -> None:
    # a's handoff to b is at 80 %: 1/0.8 = 1.25 passes, a's load 10 × 2 h × 1.25 = 25 h of
    # 40 → u = 0.625; with cv 0 a pass waits ½ · 0.625/0.375 · 2 h = 5/3 h. b (1 h, cv 1,
    # u = 10/40 = 0.25, not reworked) waits 0.25/0.75 · 1 h = 1/3 h. Lead time with rework:
    # (2 + 5/3)/0.8 + 1 + 1/3 = 4.5833 + 1.3333 = 5.9167 h (cv 1 at a: (2 + 10/3)/0.8 + 4/3).
    rework = analyze_rework(load_text(ORG.format(cv=", cv: 0")), predict_waits=True)
    assert rework.chains["x"].lead_time_hours == pytest.approx((2 + 5 / 3) / 0.8 + 1 + 1 / 3)
    plain = analyze_rework(load_text(ORG.format(cv="")), predict_waits=True)
    assert plain.chains["x"].lead_time_hours == pytest.approx((2 + 10 / 3) / 0.8 + 4 / 3)


def test_cv_is_written_back_and_bounded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    org = load_text(ORG.format(cv=", cv: 0.5"))
    assert load_text(dump_org(org)).chains["x"].steps[0].cv == 0.5
    path = tmp_path / "org.yaml"
    path.write_text(ORG.format(cv=", cv: 11"), encoding="utf-8")
    done = CliRunner().invoke(app, ["check", str(path)])
    assert done.exit_code == 2
    assert f"{path}:11:41: error [input-error] chains.x.steps[0].cv: " in done.stdout
    assert "expected a number from 0 to 10, got '11'" in done.stdout
