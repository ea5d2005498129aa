"""``--with-rework`` on ``bottlenecks`` and ``chains`` (issue 19 item 1), on agencia.yaml.

agencia's handoffs the arithmetic below uses (%C&A): contenido → creatividad 96 %,
creatividad → redes 95 %, redes → marcas 97 %, creatividad → medios 98 %.
"""

from __future__ import annotations

import re

import pytest

from .cli_support import ANSI, EXAMPLES, Invoke
from .test_cli_flow import strict_json

AGENCIA = str(EXAMPLES / "agencia.yaml")

# Creatividad: infografía 10 × 4 h × 0.05 ÷ 0.95 = 2.1053 h (→ redes at 95 %)
#            + campaña 4 × 6 h × 0.02 ÷ 0.98 = 0.4898 h (→ medios at 98 %) = 2.5951 h;
# load 64 h + 2.5951 h = 66.5951 h of 80 h = 83.24 %; headroom 1 ÷ 0.8324 = × 1.2
CREATIVE_REWORK = 10 * 4 * 0.05 / 0.95 + 4 * 6 * 0.02 / 0.98
# Infografía: contenido (1d wait = 8 h + 2 h) ÷ 0.96 = 10.4167 h; creatividad (2d = 16 h + 4 h)
# ÷ 0.95 = 21.0526 h; redes 0.5 h ÷ 0.97 = 0.5155 h → 31.9848 h = 4 working days; today 30.5 h
INFOGRAPHIC_LEAD = 10 / 0.96 + 20 / 0.95 + 0.5 / 0.97


def test_bottlenecks_text_with_rework(cli: Invoke) -> None:
    result = cli("bottlenecks", AGENCIA, "--with-rework", "--no-color")
    assert result.exit_code == 0, result
    out = result.stdout
    assert "constraint: Creatividad (creatividad) at 80%" in out  # today's, unchanged
    assert "with rework (returned units done again in full):" in out
    assert "  constraint: Creatividad (creatividad) at 83.2%" in out
    assert "  headroom: × 1.2\n" in out
    assert (
        "  Creatividad (creatividad): 83.2% (today 80%), 66.6 h of 80 h per week, rework 2.6 h"
        in out
    )
    # creatividad → redes: 10 × 4 × 0.05 ÷ 0.95 = 2.105 h a week, the costliest handoff
    handoffs = out.split("rework per handoff (hours its supplier spends redoing):\n")[1]
    assert handoffs.splitlines()[0] == (
        "  Creatividad (creatividad) → Redes sociales (redes) at 95%: 2.11 h per week"
    )


def test_bottlenecks_json_with_rework(cli: Invoke) -> None:
    document = strict_json(cli("bottlenecks", AGENCIA, "--format", "json", "--with-rework").stdout)
    creative = next(d for d in document["departments"] if d["id"] == "creatividad")
    assert creative["load_hours"] == 64.0  # today's
    assert creative["rework_hours"] == pytest.approx(CREATIVE_REWORK)
    assert creative["load_with_rework_hours"] == pytest.approx(64 + CREATIVE_REWORK)
    assert creative["utilization_with_rework"] == pytest.approx((64 + CREATIVE_REWORK) / 80)
    assert document["rework"]["constraint"] == "creatividad"
    assert document["rework"]["headroom"] == pytest.approx(80 / (64 + CREATIVE_REWORK))
    first = document["rework"]["handoffs"][0]
    assert first == {
        "from": "creatividad",
        "to": "redes",
        "quality": 0.95,
        "chains": ["infografia"],
        "rework_hours": pytest.approx(10 * 4 * 0.05 / 0.95),
    }


def test_chains_with_rework(cli: Invoke) -> None:
    out = cli("chains", AGENCIA, "--with-rework", "--no-color").stdout
    # 31.9848 h ÷ 8 h = 4.00 working days; 31.9848 − 30.5 = +1.48 h
    assert "  lead time: 3.81 working days (30.5 h)\n" in out
    assert "  lead time with rework: 4 working days (31.98 h), +1.48 h\n" in out
    assert "rework per handoff (hours its supplier spends redoing):" in out
    document = strict_json(cli("chains", AGENCIA, "--format", "json", "--with-rework").stdout)
    infographic = document["chains"][0]
    assert infographic["lead_time_hours"] == 30.5
    assert infographic["lead_time_with_rework_hours"] == pytest.approx(INFOGRAPHIC_LEAD)
    assert infographic["lead_time_with_rework_days"] == pytest.approx(INFOGRAPHIC_LEAD / 8)
    assert infographic["rework_lead_time_hours"] == pytest.approx(INFOGRAPHIC_LEAD - 30.5)
    assert [h["from"] for h in document["rework"]["handoffs"]][:2] == ["creatividad", "audiovisual"]


def test_without_the_option_nothing_changes(cli: Invoke) -> None:
    for command in ("bottlenecks", "chains"):
        plain = cli(command, AGENCIA, "--format", "json").stdout
        assert "rework" not in plain
        assert "rework" not in cli(command, AGENCIA, "--no-color").stdout


def _plain(text: str) -> str:
    return re.sub("\x1b\\[[0-9;]*m", "", text)


def test_terminal_tables_with_rework(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = cli("bottlenecks", AGENCIA, "--with-rework")
    assert ANSI in result.stdout
    out = _plain(result.stdout)
    assert "With rework (returned units done again in full)" in out
    assert "constraint: Creatividad; headroom: × 1.2" in out
    assert "Rework per handoff (per week)" in out
    out = _plain(cli("chains", AGENCIA, "--with-rework").stdout)
    assert "Rework per handoff (per week)" in out


def test_spanish_with_rework(cli: Invoke) -> None:
    out = cli("--lang", "es", "chains", AGENCIA, "--with-rework", "--no-color").stdout
    assert "tiempo de entrega con retrabajo: 4 días laborables (31,98 h), +1,48 h" in out


def test_rework_true_in_the_file(cli: Invoke, tmp_path) -> None:
    text = (EXAMPLES / "agencia.yaml").read_text(encoding="utf-8")
    path = tmp_path / "agencia.yaml"
    path.write_text(text + "rework: true\n", encoding="utf-8")
    out = cli("chains", str(path), "--no-color").stdout
    assert "  lead time with rework: 4 working days (31.98 h), +1.48 h\n" in out
    document = strict_json(cli("bottlenecks", str(path), "--format", "json").stdout)
    assert document["rework"]["constraint"] == "creatividad"


@pytest.mark.parametrize("value", ["yes", '"true"', "1"])
def test_rework_takes_true_or_false_only(cli: Invoke, tmp_path, value: str) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(f"version: 1\ndepartments: {{a: {{}}}}\nrework: {value}\n", encoding="utf-8")
    result = cli("chains", str(path))
    assert result.exit_code == 2
    shown = value if value != '"true"' else "true"
    assert f"org.yaml:3:9: rework: expected true or false, got '{shown}'" in result.stderr
    if value == '"true"':
        assert "write true or false without quotes" in result.stderr
