"""`clientchain discover` in Spanish: its summary, the discovered file's comments and
``language: es``, ``--compare``, its errors; English stays as it was."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from cli.cli_support import SCRIPT, Invoke, run_script
from clientchain import i18n
from clientchain.discover import DiscoverOptions, ReadOptions, discover_log
from clientchain.discover.columns import ColumnOptions
from clientchain.loading import load_file, load_text
from clientchain.loading.dump import dump_org
from clientchain.model import Handoff
from clientchain.output.discover import org_yaml

from .support import EXAMPLE_LOG, EXAMPLE_OPTIONS, EXAMPLE_ORG, write_csv

# Two cases, each Ventas then Diseño: one handover of 1 h and one of 3 h (median 2 h), over
# 2024-01-01 09:00 → 2024-01-02 12:00 = 27 h, shorter than a week: one period.
ROWS = [
    ["1", "Ventas", "2024-01-01 09:00"],
    ["1", "Diseño", "2024-01-01 10:00"],
    ["2", "Ventas", "2024-01-02 09:00"],
    ["2", "Diseño", "2024-01-02 12:00"],
]


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.choose(None, {})


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "pequeño.csv", ["case", "department", "timestamp"], ROWS)


def test_the_summary_in_spanish(cli: Invoke, log: Path) -> None:
    result = cli("--lang", "es", "discover", str(log))
    assert result.exit_code == 0, result
    assert result.stderr.splitlines() == [
        f"{log}: csv, separador ','",
        "  4 filas leídas",
        "  4 eventos en 2 casos, del 2024-01-01 09:00 al 2024-01-02 12:00 UTC, 1 semana",
        "  2 departamentos, 2 traspasos entre 1 par de departamentos",
        "  cadenas: 1 (la más frecuente) de 1 variante, que cubre el 100\xa0% de los casos",
        "  duraciones medidas en 0 de 4 eventos (no hay horas de inicio: indicar "
        "--start-timestamp o --lifecycle)",
        "  esfuerzos de los pasos: desconocidos en 2 de 2 pasos de cadena (escritos como "
        "'effort: unknown'; el tiempo de entrega, el valor añadido, la utilización y el margen "
        "que dependen de ellos son desconocidos hasta que se fijen)",
    ]


def test_the_discovered_file_in_spanish(cli: Invoke, log: Path, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    result = cli("--lang", "es", "discover", str(log), "-o", str(target))
    assert result.exit_code == 0, result
    assert f"escrito {target}; siguiente paso: clientchain check {target}" in result.stderr
    text = target.read_text(encoding="utf-8")
    org = load_text(text, str(target))
    assert org.language == "es"  # its comments are Spanish: so is what it shows
    assert org.clients["cliente-externo"].name == "Cliente externo"
    assert org.handoffs[0].lead_time == 2  # median of 1 h and 3 h
    lines = text.splitlines()
    assert (
        lines[0]
        == f"# Descubierto por `clientchain discover` a partir del registro de eventos {log}"
    )
    assert "# 4 filas leídas." in lines
    assert "# 2 departamentos, 2 traspasos entre 1 par de departamentos." in lines
    assert "  # 2 traspasos" in lines
    assert "  # 2 casos (100 %); esfuerzo desconocido en todos los pasos" in lines  # plain space
    assert "        effort: unknown  # desconocido: ningún caso de esta variante lo midió" in lines
    assert "\xa0" not in text
    assert "language: es" in lines
    for english in ("rows read", "handovers", "How to read", "unknown: no case", "Headcount"):
        assert english not in text
    checked = run_script("check", str(target), "--fail-on", "error")
    assert checked.exit_code == 0, checked


def test_the_discovered_file_in_english_states_no_language(cli: Invoke, log: Path) -> None:
    result = cli("discover", str(log))
    assert "language:" not in result.stdout
    assert '"external-client":' in result.stdout
    assert "4 rows read" in result.stderr


def test_the_library_writes_what_the_language_in_force_says(log: Path) -> None:
    with i18n.use("es"):
        found = discover_log(log)
        text = org_yaml(found)
    assert found.org.language == "es"
    assert found.org.clients["cliente-externo"].name == "Cliente externo"
    assert dump_org(load_text(text, "o.yaml")) == dump_org(found.org)  # read back as found
    english = discover_log(log)
    assert english.org.language is None
    assert english.org.clients["external-client"].name == "External client"
    named = discover_log(log, DiscoverOptions(client="Tiendas"))
    assert named.org.clients["tiendas"].name == "Tiendas"


def test_a_spanish_locale_discovers_in_spanish(log: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "es_MX.UTF-8"
    done = subprocess.run(
        [str(SCRIPT), "discover", str(log)], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "  4 eventos en 2 casos" in done.stderr.splitlines()[2]
    assert "\nlanguage: es\n" in done.stdout


def test_the_example_in_spanish_counts_as_in_english(cli: Invoke) -> None:
    # The shipped example: 8,874 rows, 11 without a department; 6,525 handovers.
    result = cli(
        "--lang", "es", "discover", str(EXAMPLE_LOG), *EXAMPLE_OPTIONS,
        "--client", "Marcas y pymes", "--name", "Agencia Ejemplo (observada)",
    )  # fmt: skip
    assert result.exit_code == 0, result
    summary = result.stderr.splitlines()
    assert summary[0] == f"{EXAMPLE_LOG}: csv, separador ';'"
    assert summary[1] == (
        "  8.874 filas leídas; omitidas: 11 (sin caso, departamento o marca de tiempo)"
    )
    assert summary[2].startswith("  8.863 eventos en 2.000 casos, del 2024-01-09 10:44 al ")
    assert summary[2].endswith(" UTC, 104,28 semanas")
    assert summary[3] == "  7 departamentos, 6.525 traspasos entre 16 pares de departamentos"
    assert summary[4] == (
        "  cadenas: las 5 más frecuentes de 30 variantes, que cubren el 78,1\xa0% de los casos"
    )
    # the Spanish file and the English one describe the same organization
    spanish = load_text(result.stdout, "es.yaml")
    english = load_file(EXAMPLE_ORG)
    assert spanish.language == "es"
    assert dump_org(replace(spanish, language=None)) == dump_org(english)


def test_compare_in_spanish(cli: Invoke, tmp_path: Path) -> None:
    org = load_file(EXAMPLE_ORG)
    removed = ("creatividad", "contenido-y-comunicacion")
    kept = tuple(h for h in org.handoffs if (h.source, h.target) != removed)
    invented = Handoff("administracion-y-facturacion", "produccion-audiovisual", volume=2.0)
    declared = tmp_path / "declarado.yaml"
    declared.write_text(dump_org(replace(org, handoffs=(*kept, invented))), encoding="utf-8")
    args = ("discover", str(EXAMPLE_LOG), *EXAMPLE_OPTIONS, "--compare", str(declared))
    result = cli("--lang", "es", *args)
    assert result.exit_code == 1, result
    assert (
        result.stderr.splitlines()[-1] == "lo declarado y lo observado no coinciden (2 hallazgos)"
    )
    lines = result.stdout.splitlines()
    assert lines[0] == f"declarado: {declared} (Agencia Ejemplo (observada))"
    assert lines[1] == f"observado: {EXAMPLE_LOG} (2.000 casos, 104,28 semanas)"
    assert lines[2] == "declaradas pero nunca vistas (1):"
    assert lines[3] == (
        "  Administración y facturación (administracion-y-facturacion) → Producción audiovisual "
        "(produccion-audiovisual): volumen declarado 2"
    )
    assert lines[4] == "vistas pero no declaradas (1):"
    # 223 handovers over 104.28 weeks: 223 / 104.28 = 2.14 per week
    assert lines[5] == (
        "  Creatividad (creatividad) → Contenido y comunicación (contenido-y-comunicacion): "
        "223 traspasos, 2,14 por semana"
    )
    assert (
        lines[6] == "cocientes de volumen, observado / declarado por semana (tolerancia 50\xa0%):"
    )
    assert lines[-1] == "resultado: lo declarado y lo observado no coinciden: 2 hallazgos"
    rules = cli("--lang", "es", *args, "--format", "rules").stdout.splitlines()
    assert rules[0].endswith(
        "223 traspasos Creatividad (creatividad) → Contenido y comunicación "
        "(contenido-y-comunicacion) en el registro (2,14 por semana), no declarados"
    )
    assert rules[1].endswith(
        "la entrega declarada Administración y facturación (administracion-y-facturacion) → "
        "Producción audiovisual (produccion-audiovisual) no aparece nunca en el registro"
    )


def test_compare_speaks_the_declared_files_language(cli: Invoke, tmp_path: Path) -> None:
    declared = tmp_path / "declarado.yaml"
    declared.write_text(
        EXAMPLE_ORG.read_text(encoding="utf-8").replace(
            "version: 1\n", "version: 1\nlanguage: es\n"
        ),
        encoding="utf-8",
    )
    result = cli("discover", str(EXAMPLE_LOG), *EXAMPLE_OPTIONS, "--compare", str(declared))
    assert result.exit_code == 0, result
    assert result.stderr.splitlines()[-1] == "lo declarado y lo observado coinciden"
    assert result.stdout.splitlines()[-1] == "resultado: lo declarado y lo observado coinciden"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--activity", "actividad"],
            "{log}: no hay ninguna columna 'actividad' (indicada con --activity); las columnas "
            "del registro son 'case', 'department', 'timestamp'",
        ),
        (
            ["--coverage", "mucho"],
            "--coverage: se esperaba un porcentaje como '80%' o 0.8; se recibió 'mucho'",
        ),
        (
            ["--coverage", "120%"],
            "--coverage: se esperaba una proporción de al menos 0 y como máximo 100\xa0%; "
            "se recibió '120%'",
        ),
        (["--top", "2", "--coverage", "80%"], "indicar --top o --coverage, no ambos"),
        (
            ["--delimiter", ";;"],
            "--delimiter: se esperaba un solo carácter (o 'tab'); se recibió ';;'",
        ),
        (
            ["--encoding", "klingon"],
            "--encoding: codificación desconocida 'klingon' (por ejemplo utf-8, utf-16, cp1252, "
            "latin-1)",
        ),
    ],
)
def test_errors_in_spanish(cli: Invoke, log: Path, options: list[str], message: str) -> None:
    result = cli("--lang", "es", "discover", str(log), *options)
    assert result.exit_code == 2, result
    assert result.stderr.strip() == "clientchain: error: " + message.format(log=log)
    assert "Traceback" not in result.stderr


def test_an_unreadable_timestamp_in_spanish(cli: Invoke, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "malo.csv",
        ["case", "department", "timestamp"],
        [*ROWS, ["3", "X", "31/31/2024"]],
    )
    result = cli("--lang", "es", "discover", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"clientchain: error: {path}: columna 'timestamp' (--timestamp), fila 5: no se puede leer "
        "'31/31/2024' como marca de tiempo (formato iso); indicar el formato con --timestamp-format"
    )


def test_a_missing_required_column_in_spanish(cli: Invoke, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "sin.csv", ["case", "department"], [["1", "Ventas"]])
    result = cli("--lang", "es", "discover", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"clientchain: error: {path}: no se encontró la columna de marca de tiempo; nombrarla "
        "con --timestamp (las columnas del registro son 'case', 'department')"
    )


def test_no_such_log_in_spanish(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "no-existe.csv"
    result = cli("--lang", "es", "discover", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"clientchain: error: {path}: no existe el archivo"


def test_column_options_are_the_same_in_both_languages(log: Path) -> None:
    options = DiscoverOptions(ReadOptions(ColumnOptions(case="case")))
    with i18n.use("es"):
        spanish = discover_log(log, options)
    english = discover_log(log, options)
    assert spanish.result == english.result
