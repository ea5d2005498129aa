"""``report ORG --trend -o informe.md``: the trend section of the Markdown report."""

from __future__ import annotations

from pathlib import Path

from cli.cli_support import run_script

# Oct–Dec of the year of monthly commits. What changed since November: the brief's
# satisfaction 3.6 → 3.5 and demand 28 → 30, so Cuentas 56/160 = 35 % → 60/160 = 37.5 % and
# Creatividad 280/320 = 87.5 % → 300/320 = 93.75 %. The forecast as in test_cli_trend.py.
# Charts: Creatividad was the constraint at each point, so the constraint's chart is its;
# then Campaña's lead time, wait 2 d × 8 h + 2 h + 10 h = 28 h each month.
SECTION = """\
## Trend

3 versions read, 2026\\-10 … 2026\\-12\\.

### What changed since 2026\\-11

**0 added · 0 removed · 2 changed** · constraint Creatividad (creatividad) · no regression

#### Changes

| | kind | entity | what changed |
|---|---|---|---|
| changed | handoff | Cuentas (cuentas) → Creatividad (creatividad) | `satisfaction`: 3.6 → 3.5 |
| changed | chain | Campaña (campana) | `demand`: 28 → 30 |

#### Metrics

| entity | metric | before | after | change |
|---|---|--:|--:|--:|
| Cuentas (cuentas) | utilization | 35% | 37.5% | +2.5 pts |
| Creatividad (creatividad) | utilization | 87.5% | 93.8% | +6.2 pts |

### Forecast

- 2026\\-12: at this rate Creatividad \\(creatividad\\) overloads in 2 months \\(its load grows \
20 h per month, fitted over the last 3 points\\)\\. 2 more people keep it under 85% for a year\\.

### Charts

```mermaid
xychart-beta
    title "Utilization of Creatividad (creatividad)"
    x-axis ["2026-10", "2026-11", "2026-12"]
    y-axis "%" 0 --> 100
    line [81.2, 87.5, 93.8]
```

```mermaid
xychart-beta
    title "Utilization of Cuentas (cuentas)"
    x-axis ["2026-10", "2026-11", "2026-12"]
    y-axis "%" 0 --> 100
    line [32.5, 35, 37.5]
```

```mermaid
xychart-beta
    title "Lead time of Campaña (campana)"
    x-axis ["2026-10", "2026-11", "2026-12"]
    y-axis "h" 0 --> 28
    line [28, 28, 28]
```
"""


def test_the_markdown_section(year_org: Path, tmp_path: Path) -> None:
    out = tmp_path / "informe.md"
    done = run_script("report", str(year_org), "--trend", "--since", "2026-10", "-o", str(out))
    assert done.exit_code == 0, done
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n" + SECTION)
    assert text.count("## Trend") == 1


def test_a_transition_with_attention_findings(year_org: Path, tmp_path: Path) -> None:
    # April → May: Cuentas (120 h + 2 h × 12) / 160 = 90 % crosses 85 % and becomes the
    # constraint; the attention findings come first, then the diff. Two points: no forecast.
    out = tmp_path / "informe.md"
    done = run_script(
        "report", str(year_org), "--trend", "--since", "2026-04", "--until", "2026-05",
        "-o", str(out),
    )  # fmt: skip
    assert done.exit_code == 0, done
    section = out.read_text(encoding="utf-8").split("\n## Trend\n", 1)[1]
    assert section.split("\n#### ")[0] == (
        "\n2 versions read, 2026\\-04 … 2026\\-05\\.\n"
        "\n### What changed since 2026\\-04\n"
        "\n- 2026\\-05: Cuentas \\(cuentas\\) crossed the near\\-capacity threshold of 85%: "
        "utilization 15% → 90%\\.\n"
        "- 2026\\-05: the constraint moved from Creatividad \\(creatividad\\) to Cuentas "
        "\\(cuentas\\)\\.\n"
        "\n**0 added · 0 removed · 1 changed** · constraint Creatividad (creatividad) → "
        "Cuentas (cuentas) · :warning: 1 regression\n"
    )
    assert "No department overloads within the horizon at its recent rate\\." in section


def test_a_bad_every_is_a_usage_error(year_org: Path, tmp_path: Path) -> None:
    done = run_script(
        "report", str(year_org), "--trend", "--every", "year", "-o", str(tmp_path / "r.md")
    )
    assert done.exit_code == 2
    assert "--every: expected one of month, week, quarter, got 'year'" in done.stderr


def test_one_version_read_is_one_version(year_org: Path, tmp_path: Path) -> None:
    # Reported: a trend of a single version said "1 versions read, 2026-05 … 2026-05."
    out = tmp_path / "informe.md"
    done = run_script(
        "report", str(year_org), "--trend", "--since", "2026-05", "--until", "2026-05",
        "-o", str(out),
    )  # fmt: skip
    assert done.exit_code == 0, done
    section = out.read_text(encoding="utf-8").split("\n## Trend\n", 1)[1]
    assert section.startswith("\n1 version read, 2026\\-05\\.\n"), section[:200]
    spanish = tmp_path / "informe.es.md"
    done = run_script(
        "--lang", "es", "report", str(year_org), "--trend", "--since", "2026-05",
        "--until", "2026-05", "-o", str(spanish),
    )  # fmt: skip
    assert done.exit_code == 0, done
    assert "\n1 versión leída, 2026\\-05\\.\n" in spanish.read_text(encoding="utf-8")
