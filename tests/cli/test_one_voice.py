"""One way to write each kind of number in every command (issue 12 item 10).

Percentages as ``map`` writes them (one decimal, a space, ``%``), durations under an hour
in minutes, names as ``Name (id)``, plurals that agree, ``none`` for an empty section.
"""

from __future__ import annotations

import json

from .cli_support import TALLER, Invoke

# TALLER (H = 40 h a week, demand 10): ventas 10 × 30 min = 5 h, taller 10 × 2 h = 20 h,
# envios 10 × 15 min = 2.5 h.
SMALLER_TALLER = TALLER.replace(
    "taller: {name: Taller de diseño, group: Producción}",
    "taller: {name: Taller de diseño, group: Producción, capacity: 30h}",
)  # taller: 20 h of 30 h = 66.666… % → "66.7%"; it was 20 / 40 = 50%: +16.666… pts


def lines_of(text: str) -> list[str]:
    return text.splitlines()


def test_diff_writes_percentages_and_names_as_map_does(cli: Invoke, org_file) -> None:
    old, new = str(org_file(TALLER, "old.yaml")), str(org_file(SMALLER_TALLER, "new.yaml"))
    diff = lines_of(cli("diff", old, new).stdout)
    assert "  ~ Taller de diseño (taller): capacity none → 30 h" in diff
    assert "  utilization of Taller de diseño (taller): 50% → 66.7% (+16.7 pts)" in diff
    mapped = lines_of(cli("map", new).stdout)
    assert "    utilization: 66.7% (20 h of 30 h per week), the constraint" in mapped


def test_regressions_write_percentages_and_durations_the_same_way(cli: Invoke, org_file) -> None:
    # taller 2 h → 3.6 h: 10 × 3.6 = 36 h of 40 → 90%, over 85%;
    # lead time 0.5 + 2 + 0.25 = 2.75 h → 0.5 + 3.6 + 0.25 = 4.35 h: +1.6 h, 1.6 / 2.75 = +58.2%
    slower = TALLER.replace("taller, effort: 2h}", "taller, effort: 3.6h}")
    old, new = str(org_file(TALLER, "old.yaml")), str(org_file(slower, "new.yaml"))
    diff = lines_of(cli("diff", old, new).stdout)
    assert "  lead time of Pedido estándar (pedido): 2.75 h → 4.35 h (+1.6 h, +58.2%)" in diff
    assert diff[-2:] == [
        "  Taller de diseño (taller) crosses the near-capacity threshold of 85%: "
        "utilization 50% → 90%.",
        "  Pedido estándar (pedido): lead time grows by 58.2% (2.75 h → 4.35 h), "
        "more than the tolerance of 10%.",
    ]


def test_findings_write_percentages_as_map_does(cli: Invoke, org_file) -> None:
    # taller: 20 h of 21 h = 95.238… % → "95.2%", above 85%
    tight = TALLER.replace(
        "taller: {name: Taller de diseño, group: Producción}",
        "taller: {name: Taller de diseño, group: Producción, capacity: 21h}",
    )
    checked = cli("check", str(org_file(tight)), "--select", "near-capacity").stdout
    assert checked.endswith(
        "Department Taller de diseño (taller) is near capacity: utilization 95.2% "
        "(20 h of 21 h per week), above the threshold of 85%.\n"
    )


def test_durations_under_an_hour_are_written_in_minutes(cli: Invoke, org_file) -> None:
    chains = lines_of(cli("chains", str(org_file())).stdout)
    assert "    Ventas (ventas): effort 30 min, cycle time 30 min" in chains
    assert "    Taller de diseño (taller): effort 2 h, cycle time 2 h" in chains
    assert "    Envíos (envios): effort 15 min, cycle time 15 min" in chains
    longer = TALLER.replace("ventas, effort: 30m}", "ventas, effort: 45m}")
    old, new = str(org_file(TALLER, "old.yaml")), str(org_file(longer, "new.yaml"))
    assert "  ~ Pedido estándar (pedido): steps[0].effort 30 min → 45 min" in lines_of(
        cli("diff", old, new).stdout
    )


def test_diff_names_constraints_and_handoffs(cli: Invoke, org_file) -> None:
    # ventas gets 45 h of other load: 5 + 45 = 50 h of 40 h → 125%, the new constraint
    busy = TALLER.replace("kind: commercial, group: Frente}", "kind: commercial, other_load: 45h}")
    busy = busy.replace("quality: 95%", "quality: 80%")
    old, new = str(org_file(TALLER, "old.yaml")), str(org_file(busy, "new.yaml"))
    diff = lines_of(cli("diff", old, new).stdout)
    assert "  ~ Ventas (ventas) → Taller de diseño (taller): quality 95% → 80%" in diff
    assert "constraint: Taller de diseño (taller) → Ventas (ventas)" in diff
    assert (
        "constraint of chain Pedido estándar (pedido): Taller de diseño (taller) → Ventas (ventas)"
        in diff
    )


def test_counts_agree_with_their_numbers(cli: Invoke, org_file) -> None:
    mapped = lines_of(cli("map", str(org_file())).stdout)
    assert "counts: 3 departments, 1 client, 1 supplier, 5 handoffs, 1 chain" in mapped


def test_who_lists_feedback_apart_from_information(cli: Invoke, org_file) -> None:
    # TALLER: envios → ventas is feedback (Reclamaciones); add ventas → taller information
    informed = TALLER.replace(
        "chains:", "  - {from: taller, to: ventas, type: information, deliverable: Plazos}\nchains:"
    )
    who = lines_of(cli("who", str(org_file(informed)), "ventas").stdout)
    assert who[-4:] == [
        "information from: Taller de diseño (taller)",
        "information to: none",
        "feedback from: Envíos (envios)",
        "feedback to: none",
    ]
    document = json.loads(cli("who", str(org_file(informed)), "ventas", "-f", "json").stdout)
    assert (document["information_from"], document["feedback_from"]) == (["taller"], ["envios"])
    assert (document["information_to"], document["feedback_to"]) == ([], [])


def test_a_log_of_one_period_says_one_month(cli: Invoke, tmp_path) -> None:
    # the log spans 3 hours: less than a month counts as one period (at least 1)
    log = tmp_path / "log.csv"
    log.write_text(
        "case,activity,department,timestamp\n"
        "1,a,Ventas,2026-01-05 09:00\n1,b,Taller,2026-01-05 10:00\n"
        "2,a,Ventas,2026-01-05 11:00\n2,b,Taller,2026-01-05 12:00\n",
        encoding="utf-8",
    )
    written = cli("discover", str(log), "--period", "month").stdout
    assert "# 4 events in 2 cases, from 2026-01-05 09:00 to 2026-01-05 12:00 UTC, 1 month." in (
        written.splitlines()
    )


def test_an_empty_section_says_none(cli: Invoke, org_file) -> None:
    lonely = org_file("version: 1\norganization: Vacía\ndepartments:\n  a: {name: Alfa}\n")
    simulated = lines_of(cli("simulate", str(lonely), "--demand", "1.3").stdout)
    start = simulated.index("lead time (before → after):")
    assert simulated[start + 1] == "  none"
