"""`--compare`: declared vs observed, through the library and the command line."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from cli.cli_support import Invoke, run_script
from clientchain.discover import ColumnOptions, DiscoverOptions, ReadOptions, compare_log
from clientchain.loading import load_file, load_text
from clientchain.loading.dump import dump_org
from clientchain.model import Handoff

from .support import EXAMPLE_LOG, EXAMPLE_OPTIONS, EXAMPLE_ORG

OPTIONS = DiscoverOptions(
    ReadOptions(ColumnOptions("caso", "actividad", "departamento", "fin", "inicio"))
)
REMOVED = ("creatividad", "contenido-y-comunicacion")  # the rework loop: on no chain
INVENTED = ("administracion-y-facturacion", "produccion-audiovisual")  # never in the log


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """The discovered example with one handoff removed and one invented."""
    org = load_file(EXAMPLE_ORG)
    kept = tuple(h for h in org.handoffs if (h.source, h.target) != REMOVED)
    assert len(kept) == len(org.handoffs) - 1
    invented = Handoff(*INVENTED, deliverable="Facturas de vídeo", volume=2.0)
    path = tmp_path / "declared.yaml"
    path.write_text(dump_org(replace(org, handoffs=(*kept, invented))), encoding="utf-8")
    return path


def test_the_discovered_file_agrees_with_its_log() -> None:
    result = compare_log(EXAMPLE_LOG, load_file(EXAMPLE_ORG), OPTIONS)
    assert result.agrees
    assert result.findings == ()
    assert len(result.both) == 16
    for edge in result.both:  # volumes were rounded to four significant digits
        assert edge.ratio == pytest.approx(1, abs=1e-3)


def test_one_removed_and_one_invented_handoff_are_exactly_the_findings(edited: Path) -> None:
    result = compare_log(EXAMPLE_LOG, load_file(edited), OPTIONS)
    assert [(f.rule, f.subject) for f in result.findings] == [
        ("handoff-not-declared", "creatividad->contenido-y-comunicacion"),
        ("handoff-not-observed", "administracion-y-facturacion->produccion-audiovisual"),
    ]
    (missing,) = result.not_declared
    assert missing.handovers == 223 == _count_in_log("Creatividad", "Contenido y comunicación")
    (ghost,) = result.not_observed
    assert (ghost.declared_volume, ghost.observed_volume) == (2.0, 0.0)


def _count_in_log(source: str, target: str) -> int:
    from .support import EXAMPLE_FORMAT, python_handovers, read_example

    counted = python_handovers(read_example(), "caso", "departamento", "fin", EXAMPLE_FORMAT)
    return counted[source, target]


def test_volume_mismatch_uses_the_tolerance(tmp_path: Path) -> None:
    org = load_file(EXAMPLE_ORG)
    first = org.handoffs[0]  # contenido → creatividad, observed ≈ 18.04 per week
    assert first.volume is not None
    doubled = replace(first, volume=first.volume * 1.9)  # ratio 1 / 1.9 = 0.526
    path = tmp_path / "more.yaml"
    text = dump_org(replace(org, handoffs=(doubled, *org.handoffs[1:])))
    path.write_text(text, encoding="utf-8")
    # |0.526 − 1| = 0.474: within the default 50%, outside 40%.
    assert compare_log(EXAMPLE_LOG, load_text(text, str(path)), OPTIONS).agrees
    strict = compare_log(EXAMPLE_LOG, load_text(text, str(path)), OPTIONS, tolerance=0.4)
    (finding,) = strict.findings
    assert finding.rule == "volume-mismatch"
    assert "ratio 0.53, tolerance 40%" in finding.message


def test_log_names_match_declared_names(tmp_path: Path) -> None:
    # agencia.yaml declares ids such as `creatividad` with the names the log uses.
    agencia = EXAMPLE_ORG.parent / "agencia.yaml"
    result = compare_log(EXAMPLE_LOG, load_file(agencia), OPTIONS)
    assert result.departments_not_declared == ()
    assert result.departments_not_observed == ("direccion",)
    assert result.discovery.period == "week"  # the declared org's period


def test_cli_compare_text_json_and_rules(cli: Invoke, edited: Path) -> None:
    args = ["discover", str(EXAMPLE_LOG), *EXAMPLE_OPTIONS, "--compare", str(edited)]
    text = cli(*args)
    assert text.exit_code == 1, text
    assert "declared but never seen (1):" in text.stdout
    assert "seen but not declared (1):" in text.stdout
    assert "Creatividad (creatividad) → Contenido y comunicación" in text.stdout
    assert "declared and observed disagree (2 findings)" in text.stderr
    document = json.loads(cli(*args, "--format", "json").stdout)
    assert document["agrees"] is False
    assert [(e["from"], e["to"]) for e in document["not_observed"]] == [INVENTED]
    assert [(e["from"], e["to"], e["handovers"]) for e in document["not_declared"]] == [
        (*REMOVED, 223)
    ]
    rules = cli(*args, "--format", "rules")
    lines = rules.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{edited}:")
    assert "warning [handoff-not-declared]" in lines[0]
    assert "warning [handoff-not-observed]" in lines[1]
    assert rules.exit_code == 1


def test_cli_compare_agreeing_exits_0_in_a_real_process() -> None:
    result = run_script(
        "discover", str(EXAMPLE_LOG), *EXAMPLE_OPTIONS, "--compare", str(EXAMPLE_ORG),
        "--format", "rules",
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert result.stdout == ""
    assert "declared and observed agree" in result.stderr


def test_cli_compare_with_an_invalid_org_exits_2(cli: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\ndepartments: {a: {headcount: lots}}\n", encoding="utf-8")
    result = cli("discover", str(EXAMPLE_LOG), *EXAMPLE_OPTIONS, "--compare", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:2:" in result.stderr
