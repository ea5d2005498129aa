"""The simulated lead-time distribution on the command line (issue 19, items 4 and 6):
``montecarlo``'s JSON and text, ``--jobs``, ``report --simulate`` and its refusals."""

from __future__ import annotations

import pytest

from .cli_support import Invoke
from .test_cli_flow import strict_json
from .test_cli_montecarlo import CONSTANT

pytest.importorskip("simpy")


def test_json_distribution_by_hand(cli: Invoke, org_file) -> None:
    # TALLER without variability: every lead time is 0.5 + 2 + 0.25 = 2.75 h, 91 units a
    # run × 3 runs = 273 units pooled. No spread: width ≥ 2.75 / 20 = 0.1375 → 0.2 h; first
    # edge 0.2 × ⌊2.75 / 0.2⌋ = 0.2 × 13 = 2.6 h; one bin [2.6, 2.8) holds all 273.
    result = cli("montecarlo", str(org_file()), *CONSTANT, "--format", "json")
    assert result.exit_code == 0, result
    (chain,) = strict_json(result.stdout)["chains"]
    distribution = chain["distribution"]
    assert set(distribution) == {
        "units", "bin_hours", "edges_hours", "counts", "above", "percentiles_hours"
    }  # fmt: skip
    assert distribution["units"] == 273
    assert distribution["bin_hours"] == 0.2
    assert distribution["edges_hours"] == [2.6, 2.8]
    assert distribution["counts"] == [273]
    assert distribution["above"] == 0
    assert distribution["percentiles_hours"] == {
        "p50": pytest.approx(2.75),
        "p85": pytest.approx(2.75),
        "p95": pytest.approx(2.75),
    }


def test_text_says_where_85_of_100_arrive(cli: Invoke, org_file) -> None:
    # 2.75 h at 8 h a working day: 0.34375 → 0.34 working days
    result = cli("montecarlo", str(org_file()), *CONSTANT)
    assert result.exit_code == 0, result
    assert "    85% of the units arrive within 0.34 working days (2.75 h).\n" in result.stdout
    spanish = cli("--lang", "es", "montecarlo", str(org_file()), *CONSTANT)
    said = "El 85\xa0% de las unidades llega en 0,34 días laborables (2,75 h) o menos."
    assert said in spanish.stdout


def test_any_number_of_jobs_gives_the_same_output(cli: Invoke, org_file) -> None:
    path = str(org_file())
    args = ("montecarlo", path, "--runs", "5", "--periods", "6", "--seed", "11", "-f", "json")
    outputs = [cli(*args, "--jobs", jobs).stdout for jobs in ("1", "2", "3")]
    assert outputs[0] == outputs[1] == outputs[2]
    assert strict_json(outputs[0])["chains"][0]["distribution"]["units"] > 0
    assert cli(*args, "--jobs", "0").exit_code == 2


def test_report_simulate_adds_the_section(cli: Invoke, org_file, tmp_path) -> None:
    out = tmp_path / "informe.md"
    args = ("report", str(org_file()), "-o", str(out), "--simulate", "--runs", "3", "--jobs", "1")
    result = cli(*args)
    assert result.exit_code == 0, result
    text = out.read_text(encoding="utf-8")
    section = text[text.index("## Simulated lead time") : text.index("## Bottlenecks")]
    assert "### Pedido estándar" in section
    assert "| Lead time | Units | |" in section
    assert "of the units arrive within" in section
    # the table's bins are montecarlo's with the same runs and seed (a year, cv 1)
    rows = [line.split("|") for line in section.splitlines() if line.startswith("| ")]
    counts = [int(row[2].replace(",", "")) for row in rows[1:]]
    found = cli("montecarlo", str(org_file()), "--runs", "3", "--format", "json")
    distribution = strict_json(found.stdout)["chains"][0]["distribution"]
    above = [distribution["above"]] if distribution["above"] else []
    assert counts == distribution["counts"] + above
    assert sum(counts) == distribution["units"]


def test_simulation_options_need_simulate(cli: Invoke, org_file, tmp_path) -> None:
    out = tmp_path / "informe.md"
    result = cli("report", str(org_file()), "-o", str(out), "--runs", "5", "--seed", "0")
    assert result.exit_code == 2
    assert "--runs, --seed needs --simulate" in result.stderr
    assert not out.exists()
    deck = cli("slides", str(org_file()), "-o", str(tmp_path / "d.pptx"), "--jobs", "2")
    assert deck.exit_code == 2
    assert "--jobs needs --simulate" in deck.stderr
