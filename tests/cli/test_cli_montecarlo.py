"""``clientchain montecarlo`` (issue 19 items 4 and 5): outputs, seeds, exit codes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .cli_support import TALLER, Invoke, run_script
from .test_cli_flow import strict_json

pytest.importorskip("simpy")

# TALLER: 10 pedidos a week of 40 h arrive every 4 h; ventas 30 min, taller 2 h, envíos 15 min.
# With no variability (cv 0) nobody ever waits: every lead time is 0.5 + 2 + 0.25 = 2.75 h.
# Ten weeks = 400 h, the first 40 h not counted: the arrivals at 40, 44 … 400 h are counted,
# (400 − 40) / 4 + 1 = 91 units. Taller is busy 2 h of every 4 h in the measured window
# [40 h, 400 h]: from 40.5 to 42.5 h … from 396.5 to 398.5 h, 90 × 2 h = 180 h of 360 h = 50 %.
CONSTANT = ("--periods", "10", "--cv", "0", "--arrival-cv", "0", "--runs", "3")


def test_constant_times_give_the_hand_computed_figures(cli: Invoke, org_file) -> None:
    result = cli("montecarlo", str(org_file()), *CONSTANT)
    assert result.exit_code == 0, result
    out = result.stdout
    assert out.startswith(
        "simulation of Taller Núñez: 3 runs of 10 periods (400 h), seed 0; "
        "the first 40 h of each run not counted\n"
        "arrivals cv 0, efforts cv 0 (gamma), without rework; "
        "figures are means of the runs ± 95 % confidence\n"
    )
    assert "  Pedido estándar (pedido): 91 units a run\n" in out
    assert "    mean 2.75 h ± 0 h · P50 2.75 h ± 0 h · P85 2.75 h ± 0 h · P95 2.75 h ± 0 h\n" in out
    assert (
        "  Taller de diseño (taller), 1 server: queue 0 ± 0 · wait 0 h ± 0 h · "
        "utilization 50% ± 0%\n" in out
    )
    # ventas: 0.5 h of every 4 h = 12.5 %
    assert "queue 0 ± 0 · wait 0 h ± 0 h · utilization 12.5% ± 0%" in out


def test_json_fields(cli: Invoke, org_file) -> None:
    result = cli("montecarlo", str(org_file()), *CONSTANT, "--format", "json")
    assert result.exit_code == 0, result
    data = strict_json(result.stdout)
    assert data["runs"] == 3
    assert data["periods"] == 10
    assert data["horizon_hours"] == 400
    assert data["warmup_hours"] == 40
    assert (data["arrival_cv"], data["service_cv"]) == (0, 0)
    assert data["distribution"] == "gamma"
    assert data["rework"] is False
    assert data["unstable"] == []
    (chain,) = data["chains"]
    assert chain["id"] == "pedido"
    assert chain["units_per_run"] == 91
    lead = chain["lead_time_hours"]
    assert set(lead) == {"mean", "p50", "p85", "p95"}
    assert lead["p85"] == {"mean": 2.75, "half_width": 0.0, "low": 2.75, "high": 2.75}
    taller = next(d for d in data["departments"] if d["id"] == "taller")
    assert set(taller) == {
        "id", "name", "servers", "mean_queue", "mean_wait_hours", "utilization"
    }  # fmt: skip
    assert taller["servers"] == 1
    assert taller["utilization"]["mean"] == pytest.approx(0.5)


def test_same_seed_same_output_another_seed_another(cli: Invoke, org_file) -> None:
    path = str(org_file())
    first = cli("montecarlo", path, "--runs", "4", "--periods", "8", "--seed", "7")
    again = cli("montecarlo", path, "--runs", "4", "--periods", "8", "--seed", "7")
    other = cli("montecarlo", path, "--runs", "4", "--periods", "8", "--seed", "8")
    assert first.exit_code == again.exit_code == other.exit_code == 0
    assert first.stdout == again.stdout
    assert first.stdout != other.stdout
    assert "seed 7;" in first.stdout


def test_rework_from_the_option_and_from_the_file(cli: Invoke, org_file) -> None:
    # ventas → taller at 95 %: with rework ventas does 1 / 0.95 passes a unit.
    plain = strict_json(cli("montecarlo", str(org_file()), *CONSTANT, "--format", "json").stdout)
    asked = cli("montecarlo", str(org_file()), *CONSTANT, "--format", "json", "--with-rework")
    in_file = org_file(TALLER + "rework: true\n", name="rework.yaml")
    filed = cli("montecarlo", str(in_file), *CONSTANT, "--format", "json")
    assert asked.exit_code == filed.exit_code == 0
    assert strict_json(asked.stdout)["rework"] is True
    assert strict_json(filed.stdout) == strict_json(asked.stdout)
    lead = strict_json(asked.stdout)["chains"][0]["lead_time_hours"]["mean"]["mean"]
    assert lead > plain["chains"][0]["lead_time_hours"]["mean"]["mean"] == 2.75


def test_lognormal_and_a_bad_distribution(cli: Invoke, org_file) -> None:
    path = str(org_file())
    result = cli("montecarlo", path, "--runs", "2", "--periods", "4", "--distribution", "lognormal")
    assert result.exit_code == 0, result
    assert "(lognormal)" in result.stdout
    bad = cli("montecarlo", path, "--distribution", "normal")
    assert bad.exit_code == 2
    assert "--distribution: expected gamma or lognormal, got 'normal'" in bad.stderr


def test_unknown_effort_is_refused(cli: Invoke, org_file) -> None:
    path = org_file(TALLER.replace("effort: 2h", "effort: unknown"))
    result = cli("montecarlo", str(path))
    assert result.exit_code == 2
    assert "cannot simulate pedido: the effort at taller is unknown" in result.stderr


def test_an_overloaded_department_is_named(cli: Invoke, org_file) -> None:
    # taller at 10 × 5 h = 50 h of 40 h a week: 125 %
    path = org_file(TALLER.replace("effort: 2h", "effort: 5h"))
    result = cli("montecarlo", str(path), "--runs", "2", "--periods", "4")
    assert result.exit_code == 0, result
    assert (
        "at or above 100 % utilization per week, their queues grow with the horizon: "
        "Taller de diseño (taller)" in result.stdout
    )


def test_without_simpy_the_extra_is_named(
    cli: Invoke, org_file, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "simpy", None)  # import simpy raises ImportError
    result = cli("montecarlo", str(org_file()))
    assert result.exit_code == 2
    assert "pip install 'clientchain[simulation]'" in result.stderr


def test_progress_appears_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from clientchain.cli import montecarlo

    with montecarlo.tty_progress() as progress:  # the test's stderr is no terminal
        assert progress is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(montecarlo, "SHOW_AFTER", 0.0)
    with montecarlo.tty_progress() as progress:
        assert progress is not None
        progress(1, 2)
        progress(2, 2)


def test_spanish(cli: Invoke, org_file: Path) -> None:
    result = cli("montecarlo", str(org_file()), *CONSTANT, "--lang", "es")
    assert result.exit_code == 0, result
    assert result.stdout.startswith(
        "simulación de Taller Núñez: 3 réplicas de 10 periodos (400 h), semilla 0; "
    )


def test_the_installed_script_from_standard_input() -> None:
    # a pipe is no terminal: no progress bar on stderr, one JSON document on stdout
    result = run_script("montecarlo", "-", *CONSTANT, "--format", "json", input=TALLER)
    assert result.exit_code == 0, result
    assert result.stderr == ""
    assert strict_json(result.stdout)["chains"][0]["units_per_run"] == 91
