"""``map``, ``who``, ``bottlenecks``, ``chains``, ``simulate`` and ``diff`` in Spanish.

Real command lines with ``--lang es``: key lines asserted with numbers worked out by hand
(in the comments), plurals, the terminal tables' headings, no English heading left, and
JSON that does not change with the language. The check rules' own messages are another
area's; the lines that carry them (findings) are left out of the "no English" checks.
Spanish writes a no-break space before ``%`` (``80\xa0%``); the assertions read it as a space.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .cli_support import EXAMPLES, TALLER, Invoke

AGENCIA = str(EXAMPLES / "agencia.yaml")
ANSI_STYLE = re.compile(r"\x1b\[[0-9;]*m")

# The English words and headings of these outputs; none may be left in the Spanish ones.
ENGLISH = re.compile(
    r"\b(organization|period|counts|departments?|clients?|suppliers?|chains?|handoffs?|"
    r"bottlenecks|findings|utilization|headroom|demand|lead time|constraint|busiest|"
    r"per (day|week|month|quarter)|none|unknown|group|nearest|serves|upstream|downstream|"
    r"information|feedback|betweenness|stalls|takt:|process time|value-added|rolled quality|"
    r"over takt|steps|effort|cycle time|wait|inventory|people|changes|before|after|metrics|"
    r"regressions?|the constraint|reaches|grows|operative|commercial|executive|week)\b"
)


def spanish(cli: Invoke, *args: str) -> str:
    """The plain output of a Spanish run, no-break spaces read as spaces."""
    result = cli("--no-color", "--lang", "es", *args)
    assert result.exit_code == 0, result
    return result.stdout.replace("\xa0", " ")


def terminal(cli: Invoke, *args: str) -> str:
    """The terminal tables of a Spanish run (``FORCE_COLOR``), styles and no-break spaces out."""
    result = cli("--lang", "es", *args)
    assert result.exit_code == 0, result
    return ANSI_STYLE.sub("", result.stdout).replace("\xa0", " ")


def human_lines(text: str) -> list[str]:
    """The lines this area writes: without the findings, whose messages the rules write,
    and without ``--demand 1.2``-like options typed by the user."""
    lines = [line for line in text.splitlines() if not re.match(r"\s*\S+\.yaml:\d+:\d+: ", line)]
    return [re.sub(r"--[a-z-]+", "", line) for line in lines]


def english_left(text: str) -> list[str]:
    return [line for line in human_lines(text) if ENGLISH.search(line.lower())]


# ---- map ---------------------------------------------------------------------------------


def test_map_in_spanish(cli: Invoke) -> None:
    out = spanish(cli, "map", AGENCIA)
    lines = out.splitlines()
    assert lines[:3] == [
        "organización: Agencia Ejemplo",
        "periodo: semana",
        "recuento: 8 departamentos, 2 clientes, 2 proveedores, 16 entregas, 3 cadenas",
    ]
    for heading in ("departamentos:", "clientes:", "proveedores:", "cadenas:"):
        assert heading in lines
    assert "cuellos de botella:" in lines
    assert "hallazgos:" in lines
    # Cuentas: 11 h of chains + 30 h other = 41 h of 2 × 40 h = 80 h → 51.25 % → 51,2 %
    assert "    utilización: 51,2 % (41 h de 80 h por semana)" in lines
    # Creatividad: 64 h of 80 h → 80 %, the constraint
    assert "    utilización: 80 % (64 h de 80 h por semana), la restricción" in lines
    assert "  Contenido y comunicación (contenido): operativo, grupo Producción creativa" in lines
    assert "  Dirección (direccion): dirección, grupo Dirección" in lines
    assert (
        "    sirve a externos: Marcas (marcas), Pymes (pymes); el más cercano a 1 entrega" in lines
    )
    assert "    proveedores: ninguno" in lines
    assert "  Infografía (infografia): demanda 10 por semana" in lines
    # Infografía: 30.5 h ÷ 8 h a day = 3.8125 → 3,81 working days
    assert (
        "    tiempo de entrega 3,81 días laborables (30,5 h); restricción Creatividad (creatividad)"
        in lines
    )
    # headroom 1 ÷ 0.80 = × 1.25; demand limit (80 − 0) ÷ 64 = × 1.25
    assert (
        "  margen: × 1,25 (si crece todo el trabajo, incluido el otro trabajo, "
        "Creatividad (creatividad) llega primero al 100 %)"
    ) in lines
    assert (
        "  límite de demanda: × 1,25 (si solo crece la demanda de las cadenas, "
        "Creatividad (creatividad) llega primero al 100 %)"
    ) in lines
    assert english_left(out) == []


def test_percentages_keep_a_no_break_space(cli: Invoke) -> None:
    raw = cli("--no-color", "--lang", "es", "map", AGENCIA).stdout
    assert "utilización: 51,2\xa0% (41 h de 80 h por semana)" in raw


def test_map_counts_one_and_many(cli: Invoke, org_file) -> None:
    out = spanish(cli, "map", str(org_file(TALLER)))
    # three departments, one client, one supplier, five handoffs (four work, one feedback)
    assert "recuento: 3 departamentos, 1 cliente, 1 proveedor, 5 entregas, 1 cadena" in out
    # envíos: 10 × 15 min = 2.5 h of 40 h → 6.25 % → 6,2 %
    assert "    utilización: 6,2 % (2,5 h de 40 h por semana)" in out
    # 30 min + 2 h + 15 min = 2.75 h ÷ 8 h = 0.34 working days
    assert "tiempo de entrega 0,34 días laborables (2,75 h)" in out
    assert "el más cercano a 1 entrega" in out
    assert "el más cercano a 3 entregas" in out
    assert english_left(out) == []


def test_map_tables_on_a_terminal_in_spanish(cli: Invoke, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    out = terminal(cli, "map", AGENCIA)
    assert out.startswith(
        "Agencia Ejemplo  por semana  ·  8 departamentos, 2 clientes, 2 proveedores"
    )
    for title in (
        "Departamentos",
        "Clientes y proveedores externos",
        "Cadenas",
        "Cuellos de botella: Creatividad 80 %",
        "Hallazgos",
    ):
        assert title in out
    for column in ("departamento", "tipo", "grupo", "sirve a", "carga", "rol", "segmento"):
        assert f" {column} " in out
    for column in ("recorrido", "tiempo de entrega", "restricción", "gravedad", "regla", "mensaje"):
        assert f" {column} " in out
    assert "margen ×1,25 (todo el trabajo)" in out
    assert "límite de demanda ×1,25 (solo" in out  # the line wraps after "solo"
    assert "51,2 %" in out
    assert "41/80 h" in out
    assert "a 5 entregas" in out
    for english in ("Departments", "External clients", "Chains", "Bottlenecks", "Findings"):
        assert english not in out
    for english in (" kind ", " serves ", " load ", " segment ", " severity ", "per week"):
        assert english not in out


def test_who_in_spanish(cli: Invoke) -> None:
    out = spanish(cli, "who", AGENCIA, "creatividad")
    assert out.splitlines() == [
        "Creatividad (creatividad): departamento",
        "proveedores: Contenido y comunicación (contenido)",
        "clientes: Planificación de medios (medios), Redes sociales (redes)",
        "aguas arriba: Contenido y comunicación (contenido), Cuentas y comercial (cuentas), "
        "Banco de imágenes (stock), Dirección (direccion), Administración y facturación "
        "(administracion)",
        "aguas abajo: Planificación de medios (medios), Redes sociales (redes), Marcas (marcas), "
        "Pymes (pymes)",
        "sirve a externos: Marcas (marcas), Pymes (pymes)",
        "cliente externo más cercano: 2 entregas",
        "información de: ninguno",
        "información a: ninguno",
        "retroalimentación de: ninguno",
        "retroalimentación a: ninguno",
    ]
    assert spanish(cli, "who", AGENCIA, "marcas").splitlines()[0] == "Marcas (marcas): cliente"


# ---- bottlenecks and chains ----------------------------------------------------------------


def test_bottlenecks_in_spanish(cli: Invoke) -> None:
    out = spanish(cli, "bottlenecks", AGENCIA)
    lines = out.splitlines()
    assert lines[:6] == [
        "organización: Agencia Ejemplo",
        "periodo: semana (40 h)",
        "restricción: Creatividad (creatividad) al 80 %",
        "margen: × 1,25 (si crece todo el trabajo, incluido el otro trabajo, "
        "Creatividad (creatividad) llega primero al 100 %)",
        "límite de demanda: × 1,25 (si solo crece la demanda de las cadenas, "
        "Creatividad (creatividad) llega primero al 100 %)",
        "umbral de casi plena capacidad: 85 %",
    ]
    assert "departamentos por utilización:" in lines
    # Administración: 20 h of other work in a 30 h capacity → 66,7 %; no chain passes
    assert (
        "  Administración y facturación (administracion): 66,7 %, 20 h de 30 h por semana, "
        "intermediación 0,00"
    ) in lines
    assert "    si se detiene: no se detiene ninguna cadena (no tiene trabajo de cadena)" in lines
    assert "    cadenas que pasan por él: ninguna" in lines
    assert (
        "    si se detiene: afecta a Marcas (marcas), Pymes (pymes); "
        "deja sin servicio a Marcas (marcas), Pymes (pymes)"
    ) in lines
    # Planificación de medios: only the Campaña for Pymes passes; Redes still reaches Pymes
    medios = "    si se detiene: afecta a Pymes (pymes); no deja a ningún cliente sin servicio"
    assert medios in lines
    assert lines[-2:] == ["pasos por encima del takt:", "  ninguno"]
    assert english_left(out) == []


def test_bottlenecks_table_on_a_terminal_in_spanish(cli: Invoke, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    out = terminal(cli, "bottlenecks", AGENCIA)
    assert "Agencia Ejemplo  ·  restricción Creatividad  ·  margen ×1,25 (todo el trabajo)" in out
    assert "Departamentos por utilización" in out
    for column in ("carga", "capacidad", "utilización", "intermediación", "si se detiene"):
        assert f" {column} " in out
    # Creatividad carries two chains (Infografía, Campaña), Producción audiovisual one
    assert "2 cadenas; afecta a Marcas, Pymes" in out
    assert "1 cadena; afecta a Marcas" in out
    assert "sin trabajo de cadena: no se detiene ninguna cadena" in out
    assert "Pasos por encima del takt: ninguno" in out
    assert "Departments" not in out
    assert "if it stalls" not in out


def test_chains_in_spanish(cli: Invoke) -> None:
    out = spanish(cli, "chains", AGENCIA)
    lines = out.splitlines()
    # Infografía: takt 40 h ÷ 10 = 4 h; process 2 + 4 + 0.5 = 6.5 h;
    # lead time 30.5 h ÷ 8 = 3.81 days; value added 6.5 ÷ 30.5 = 21.3 %
    assert lines[:9] == [
        "Infografía (infografia): demanda 10 por semana",
        "  takt: 4 h",
        "  tiempo de proceso: 6,5 h",
        "  tiempo de entrega: 3,81 días laborables (30,5 h)",
        "  ratio de valor añadido: 21,3 %",
        "  calidad encadenada: 86,7 %",
        "  restricción: Creatividad (creatividad)",
        "  por encima del takt: ninguno",
        "  pasos:",
    ]
    assert (
        "    Creatividad (creatividad): esfuerzo 4 h, tiempo de ciclo 2 h, espera 16 h (indicada)"
        in lines
    )
    # Vídeo: 2 finished videos held for 3 a week → 2 ÷ 3 × 40 h = 26,67 h of wait
    assert (
        "    Producción audiovisual (audiovisual): esfuerzo 12 h, tiempo de ciclo 6 h, "
        "espera 26,67 h (del inventario)"
    ) in lines
    assert "    inventario terminado: espera 10 h" in lines
    assert "entregas más débiles (%C&P):" in lines
    assert "satisfacción con los departamentos proveedores (ponderada por volumen, 1–5):" in lines
    assert "  Contenido y comunicación (contenido): 4,18" in lines
    assert english_left(out) == []


def test_chains_table_on_a_terminal_in_spanish(cli: Invoke, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "180")
    out = terminal(cli, "chains", AGENCIA)
    assert out.startswith("Agencia Ejemplo  ·  por semana")
    for title in ("Cadenas", "Entregas más débiles (%C&P)"):
        assert title in out
    for column in ("cadena", "proceso", "tiempo de entrega", "ratio de VA", "calidad", "desde"):
        assert f" {column} " in out
    assert "Weakest" not in out
    assert " from " not in out


# ---- simulate ------------------------------------------------------------------------------


def test_simulate_in_spanish(cli: Invoke) -> None:
    out = spanish(cli, "simulate", AGENCIA, "--demand", "1.2", "--headcount", "creatividad=+1")
    lines = out.splitlines()
    # Contenido: 37 h × 1.2 = 44.4 h + 10 h other = 54.4 h of 80 h → 68 %, now the busiest;
    # Creatividad: 64 h × 1.2 = 76.8 h of 3 × 40 h = 120 h → 64 %
    assert lines[:3] == [
        "cambios: --demand 1.2, --headcount creatividad=+1",
        "restricción: Creatividad (creatividad) al 80 % → Contenido y comunicación (contenido) "
        "al 68 %",
        # 1 ÷ 0.68 = × 1.47
        "margen: × 1,25 → × 1,47 (si crece todo el trabajo, incluido el otro trabajo, "
        "Contenido y comunicación (contenido) llega primero al 100 %)",
    ]
    assert "utilización (antes → después):" in lines
    assert "  Creatividad (creatividad): 80 % → 64 % (76,8 h de 120 h)" in lines
    assert "tiempo de entrega (antes → después):" in lines
    assert (
        "  inventario: mantenido en días de demanda (las unidades crecen con la demanda), "
        "sus esperas no cambian"
    ) in lines
    assert "personas necesarias para llevar cada departamento al 85 % o menos:" in lines
    assert lines[
        lines.index("personas necesarias para llevar cada departamento al 85 % o menos:") + 1
    ] == ("  ninguna")
    # Creatividad: (120 − 0) ÷ 76.8 = × 1.5625, the lowest
    assert lines[-1] == (
        "límite de demanda: × 1,56 (si solo crece la demanda de las cadenas, "
        "Creatividad (creatividad) llega primero al 100 %)"
    )
    assert english_left(out) == []


def test_simulate_hires_one_and_many(cli: Invoke) -> None:
    out = spanish(cli, "simulate", AGENCIA, "--demand", "2")
    # Creatividad: 128 h of 80 h = 160 %; with 2 more people 128 ÷ 160 = 80 % ≤ 85 %
    assert "  Creatividad (creatividad): 160 % con 2; +2 personas → 80 %" in out
    # Contenido: 74 h + 10 h = 84 h of 80 h = 105 %; one more: 84 ÷ 120 = 70 %
    assert "  Contenido y comunicación (contenido): 105 % con 2; +1 persona → 70 %" in out
    # (80 − 0) ÷ 128 = 0.625: Creatividad is full already
    assert "límite de demanda: × 0,62 (Creatividad (creatividad) ya supera el 100 %)" in out
    assert english_left(out) == []


def test_simulate_find_limit_in_spanish(cli: Invoke) -> None:
    out = spanish(cli, "simulate", AGENCIA, "--find-limit")
    assert out.splitlines()[0] == "cambios: ninguno"
    assert "límite de demanda: × 1,25 (" in out
    assert "margen: × 1,25 (" in out


def test_simulate_tables_on_a_terminal_in_spanish(cli: Invoke, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    out = terminal(cli, "simulate", AGENCIA, "--demand", "1.5")
    assert "Agencia Ejemplo  ·  --demand 1.5  ·  restricción Creatividad → Creatividad" in out
    for title in ("Utilización", "Tiempo de entrega", "Personas necesarias"):
        assert title in out
    for column in ("antes", "después", "carga después", "personas adicionales", "entonces"):
        assert f" {column} " in out
    # 64 h × 1.5 = 96 h of 80 h = 120 %; one more person: 96 ÷ 120 = 80 %
    assert "120 %" in out
    assert "+1" in out
    assert "restricción Creatividad  ·  margen ×0,83 (todo el trabajo)" in out
    for english in ("People needed", "Lead time", "extra people", " before ", "constraint"):
        assert english not in out


def test_simulate_writes_the_future_state_with_a_spanish_header(
    cli: Invoke, tmp_path: Path
) -> None:
    future = tmp_path / "futuro.yaml"
    spanish(cli, "simulate", AGENCIA, "--demand", "1.5", "-o", str(future))
    head = future.read_text(encoding="utf-8").splitlines()[:2]
    assert head == [
        "# Estado futuro de Agencia Ejemplo: clientchain simulate --demand 1.5",
        "# inventario mantenido en días de demanda",
    ]


# ---- diff ----------------------------------------------------------------------------------


@pytest.fixture
def next_version(tmp_path: Path) -> Path:
    """agencia with one more creative (2 → 3 people) and Textos at 90 % instead of 96 %."""
    text = (EXAMPLES / "agencia.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    group: Producción creativa\n    headcount: 2\n    owner: Íñigo Sáez",
        "    group: Producción creativa\n    headcount: 3\n    owner: Íñigo Sáez",
    )
    text = text.replace(
        "    deliverable: Textos\n    lead_time: 1d\n    quality: 96%",
        "    deliverable: Textos\n    lead_time: 1d\n    quality: 90%",
    )
    path = tmp_path / "agencia-next.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def overloaded(tmp_path: Path) -> Path:
    """agencia with one person fewer in Producción audiovisual and Imprenta, a new supplier."""
    text = (EXAMPLES / "agencia.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    headcount: 2\n    other_load: 8h", "    headcount: 1\n    other_load: 8h"
    )
    text = text.replace(
        "  locucion: {name: Estudio de locución}\n",
        "  locucion: {name: Estudio de locución}\n  imprenta: {name: Imprenta}\n",
    )
    path = tmp_path / "agencia-menos.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_diff_in_spanish(cli: Invoke, next_version: Path) -> None:
    out = spanish(cli, "diff", AGENCIA, str(next_version))
    lines = out.splitlines()
    assert lines[0] == f"diferencias: {AGENCIA} → {next_version}"
    assert "departamentos:" in lines
    assert "  ~ Creatividad (creatividad): headcount 2 → 3" in lines
    assert "entregas:" in lines
    assert "métricas:" in lines
    # Creatividad: 64 h of 120 h = 53.3 %, 26.7 points less
    assert "  utilización de Creatividad (creatividad): 80 % → 53,3 % (−26,7 p. p.)" in lines
    # Infografía: 0.98 × 0.90 × 0.95 × 0.97 = 81.3 % (was 86.7 % with 0.96)
    assert "  calidad encadenada de Infografía (infografia): 86,7 % → 81,3 % (−5,4 p. p.)" in lines
    assert (
        "restricción: Creatividad (creatividad) → Administración y facturación (administracion)"
        in lines
    )
    assert (
        "restricción de la cadena Infografía (infografia): Creatividad (creatividad) → "
        "Contenido y comunicación (contenido)"
    ) in lines
    assert lines[-2:] == ["hallazgos: ninguno", "regresiones: ninguno"]
    # the changed fields are named by the file's own keys (headcount, quality), as written there
    assert (
        "  ~ Contenido y comunicación (contenido) → Creatividad (creatividad): quality 96 % → 90 %"
        in lines
    )
    assert english_left(out) == []


def test_diff_regressions_in_spanish(cli: Invoke, overloaded: Path) -> None:
    out = spanish(cli, "diff", AGENCIA, str(overloaded))
    lines = out.splitlines()
    assert "  ~ Redes sociales (redes): headcount 2 → 1" not in lines
    assert "proveedores:" in lines
    assert "  + Imprenta (imprenta)" in lines
    # Producción audiovisual: 36 h + 8 h = 44 h of 1 × 40 h = 110 %
    assert (
        "  utilización de Producción audiovisual (audiovisual): 55 % → 110 % (+55 p. p.)" in lines
    )
    assert lines[-2:] == [
        "regresiones:",
        "  Producción audiovisual (audiovisual) pasa a estar sobrecargado: "
        "utilización 55 % → 110 %.",
    ]


def test_diff_markdown_in_spanish(cli: Invoke, overloaded: Path) -> None:
    out = spanish(cli, "diff", AGENCIA, str(overloaded), "--format", "markdown")
    lines = out.splitlines()
    assert lines[2] == (
        "**1 añadido · 0 eliminados · 1 cambiado** · restricción Creatividad (creatividad) → "
        "Producción audiovisual (audiovisual) · :warning: 1 regresión"
    )
    for heading in ("#### Regresiones", "#### Cambios", "#### Métricas", "#### Hallazgos"):
        assert heading in lines
    assert "| | tipo | entidad | qué cambió |" in lines
    assert "| entidad | métrica | antes | después | cambio |" in lines
    assert (
        "| cambiado | departamento | Producción audiovisual (audiovisual) | `headcount`: 2 → 1 |"
        in lines
    )
    assert "| añadido | proveedor | Imprenta (imprenta) |  |" in lines
    assert any(line.startswith("- nuevo: `") and " aviso " in line for line in lines)


def test_diff_without_changes_in_spanish(cli: Invoke) -> None:
    assert spanish(cli, "diff", AGENCIA, AGENCIA).splitlines()[1] == "sin cambios"
    markdown = spanish(cli, "diff", AGENCIA, AGENCIA, "--format", "markdown")
    assert markdown.splitlines()[-1] == "Sin cambios en la cadena de clientes."


# ---- JSON is the same in both languages ----------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("map", AGENCIA),
        ("who", AGENCIA, "creatividad"),
        ("bottlenecks", AGENCIA),
        ("chains", AGENCIA),
        ("simulate", AGENCIA, "--demand", "2", "--headcount", "creatividad=+1"),
        ("simulate", AGENCIA, "--find-limit"),
    ],
)
def test_json_does_not_change_with_the_language(cli: Invoke, args: tuple[str, ...]) -> None:
    english, spanish_json = (
        cli("--lang", language, *args, "--format", "json") for language in ("en", "es")
    )
    assert english.exit_code == spanish_json.exit_code == 0
    # keys, enum values and numbers are the machine contract; the findings' messages and
    # hints are text for people and follow --lang, as in SARIF (docs/commands.md "Language")
    assert _without_text(json.loads(english.stdout)) == _without_text(
        json.loads(spanish_json.stdout)
    )


def _without_text(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_text(v) for k, v in value.items() if k not in ("message", "hint")}
    if isinstance(value, list):
        return [_without_text(v) for v in value]
    return value


def test_diff_json_does_not_change_with_the_language(cli: Invoke, next_version: Path) -> None:
    args = ("diff", AGENCIA, str(next_version), "--format", "json")
    english, spanish_json = (cli("--lang", language, *args) for language in ("en", "es"))
    assert english.stdout == spanish_json.stdout


def test_diff_json_writes_regressions_in_english(cli: Invoke, overloaded: Path) -> None:
    args = ("diff", AGENCIA, str(overloaded), "--format", "json")
    english, spanish_json = (json.loads(cli("--lang", lang, *args).stdout) for lang in ("en", "es"))
    # the regression's sentence stays English in JSON, whatever the language of the run (the
    # findings' messages are the rules' to keep English)
    assert spanish_json["regressions"] == english["regressions"]
    assert spanish_json["regressions"][0]["message"] == (
        "Producción audiovisual (audiovisual) becomes overloaded: utilization 55% → 110%."
    )


@pytest.mark.parametrize("command", ["map", "bottlenecks", "chains", "simulate"])
def test_the_english_check_sees_english(cli: Invoke, command: str) -> None:
    """The "no English left" assertions above are not vacuous: an English run fails them."""
    english = cli("--no-color", "--lang", "en", command, AGENCIA)
    assert len(english_left(english.stdout)) >= 5
