"""Issue 12 item 13: Excel exports (cp1252, UTF-16, a BOM, ``;``, CRLF) and Spanish column names."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.cli_support import Invoke
from clientchain.discover import discover_log
from clientchain.loading import load_text

from .support import EXAMPLE_LOG, EXAMPLE_OPTIONS

# What Excel's "CSV (separado por punto y coma)" writes on a Spanish Windows: cp1252, `;`, CRLF.
# Case 1: Diseño 09:00 → Producción 11:30 (gap 2.5 h); case 2: Diseño → Producción 13:00 → 14:00
# (gap 1 h). Median gap of the two handovers: (2.5 + 1) / 2 = 1.75 h.
EXCEL_TEXT = (
    "caso;actividad;área;marca de tiempo\r\n"
    "1;Boceto «€»;Diseño;2024-01-01 09:00\r\n"
    "1;Impresión;Producción;2024-01-01 11:30\r\n"
    "2;Boceto «€»;Diseño;2024-01-02 13:00\r\n"
    "2;Impresión;Producción;2024-01-02 14:00\r\n"
)


def _excel(path: Path, encoding: str) -> Path:
    path.write_bytes(EXCEL_TEXT.encode(encoding))
    return path


def _check_excel_org(stdout: str) -> None:
    org = load_text(stdout, "found.yaml")
    assert sorted(d.name for d in org.departments.values()) == ["Diseño", "Producción"]
    (handoff,) = org.handoffs
    assert (handoff.source, handoff.target) == ("diseno", "produccion")
    assert handoff.deliverable == "Boceto «€»"
    assert handoff.volume == 2  # 2 handovers, a span under a week: one period
    assert handoff.lead_time == 1.75  # median of 2.5 h and 1 h


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [
        ("cp1252", "encoding cp1252"),
        ("utf-8-sig", "encoding utf-8-sig"),
        ("utf-16", "encoding utf-16"),  # Excel's "Unicode text": UTF-16 with a BOM
        ("utf-16-le", "encoding utf-16-le"),  # no BOM: told by the zero bytes
        ("utf-8", "csv, delimiter ';'"),
    ],
)
def test_excel_exports_are_read_without_options(
    cli: Invoke, tmp_path: Path, encoding: str, shown: str
) -> None:
    path = _excel(tmp_path / "excel.csv", encoding)
    result = cli("discover", str(path))
    assert result.exit_code == 0, result
    _check_excel_org(result.stdout)
    assert shown in result.stderr.splitlines()[0]


def test_encoding_option_overrides_detection(cli: Invoke, tmp_path: Path) -> None:
    # The bytes of EXCEL_TEXT in cp1252 read as Latin-1 give the same letters but for € (0x80),
    # which Latin-1 reads as the control character U+0080.
    path = _excel(tmp_path / "excel.csv", "cp1252")
    result = cli("discover", str(path), "--encoding", "latin-1")
    assert result.exit_code == 0, result
    org = load_text(result.stdout, "found.yaml")
    assert org.handoffs[0].deliverable == "Boceto «\x80»"
    assert "encoding latin-1" in result.stderr.splitlines()[0]


def test_decoding_error_names_the_line_and_suggests_the_option(cli: Invoke, tmp_path: Path) -> None:
    path = _excel(tmp_path / "excel.csv", "cp1252")
    result = cli("discover", str(path), "--encoding", "utf-8")
    assert result.exit_code == 2
    # Line 1 is the header: 'área' starts with 0xE1 in cp1252, after the 15 characters of
    # 'caso;actividad;': column 16.
    assert result.stderr.strip() == (
        f"clientchain: error: {path}:1:16: cannot read byte 0xe1 as utf-8; "
        "give the file's encoding with --encoding (Excel on Windows writes cp1252)"
    )


def test_a_late_non_utf8_byte_is_found_and_located(cli: Invoke, tmp_path: Path) -> None:
    # 3,000 plain ASCII rows (over the 64 KiB detection sample), then one cp1252 name on line
    # 3,002 (header 1, rows 2-3,001): 'ñ' after the 7 characters of 'c1,Dise', column 8.
    lines = ["case,department,timestamp"]
    lines += [
        f"c{n},{'Sales' if n % 2 else 'Design'},2024-01-01 09:{n % 60:02}" for n in range(3000)
    ]
    lines += ["c1,Diseño,2024-01-01 10:00"]
    path = tmp_path / "late.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    assert path.stat().st_size > 65536
    result = cli("discover", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"clientchain: error: {path}:3002:8: cannot read byte 0xf1 as utf-8; "
        "give the file's encoding with --encoding (Excel on Windows writes cp1252)"
    )
    assert "Traceback" not in result.stderr


def test_undecodable_byte_in_a_transcoded_log_is_located(cli: Invoke, tmp_path: Path) -> None:
    # 0x81 is not a cp1252 character: line 3, after "2;" (column 3).
    path = tmp_path / "bad.csv"
    path.write_bytes(
        b"case;department;timestamp\r\n1;Dise\xf1o;2024-01-01\r\n2;\x81;2024-01-02\r\n"
    )
    result = cli("discover", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"clientchain: error: {path}:3:3: cannot read byte 0x81 as cp1252; "
        "give the file's encoding with --encoding (Excel on Windows writes cp1252)"
    )


def test_unknown_encoding_is_a_usage_error(cli: Invoke, tmp_path: Path) -> None:
    path = _excel(tmp_path / "excel.csv", "utf-8")
    result = cli("discover", str(path), "--encoding", "klingon")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "clientchain: error: --encoding: unknown encoding 'klingon' "
        "(for example utf-8, utf-16, cp1252, latin-1)"
    )


def test_spanish_columns_are_recognised(tmp_path: Path) -> None:
    named = discover_log(EXAMPLE_LOG, _options(EXAMPLE_OPTIONS))
    recognised = discover_log(EXAMPLE_LOG)
    columns = recognised.log.columns
    assert (columns.case, columns.activity, columns.department) == (
        "caso", "actividad", "departamento",
    )  # fmt: skip
    assert (columns.timestamp, columns.start_timestamp) == ("fin", "inicio")
    assert recognised.result == named.result


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Caso", "Actividad", "Departamento", "Fecha"], ("Caso", "Departamento", "Fecha")),
        (["id_caso", "tarea", "Área", "marca_de_tiempo"], ("id_caso", "Área", "marca_de_tiempo")),
        (["caso", "area", "fecha", "fin"], ("caso", "area", "fin")),  # the end wins over a date
        (["caso", "recurso", "fecha y hora"], ("caso", "recurso", "fecha y hora")),
    ],
)
def test_spanish_column_variants(
    tmp_path: Path, header: list[str], expected: tuple[str, str, str]
) -> None:
    path = tmp_path / "es.csv"
    values = {
        "fecha": "2024-01-01", "fin": "2024-01-01 10:00", "marca_de_tiempo": "2024-01-01",
        "fecha y hora": "2024-01-01 10:00",
    }  # fmt: skip
    row = [values.get(name.lower(), name) for name in header]
    path.write_text(";".join(header) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    columns = discover_log(path).log.columns
    assert (columns.case, columns.department, columns.timestamp) == expected


def _options(args: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from clientchain.discover import ColumnOptions, DiscoverOptions, ReadOptions

    named = dict(zip(args[::2], args[1::2], strict=True))
    columns = ColumnOptions(
        case=named["--case"],
        activity=named["--activity"],
        department=named["--department"],
        timestamp=named["--timestamp"],
        start_timestamp=named["--start-timestamp"],
    )
    return DiscoverOptions(ReadOptions(columns))
