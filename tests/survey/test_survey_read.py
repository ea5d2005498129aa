"""Reading survey answers: columns in English and Spanish, CSV dialects, .xlsx, and every
bad answer located ``file:row:column`` (exit 2 at the command line)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clientchain.discover import DiscoverError
from clientchain.errors import InputError
from clientchain.loading import load_file
from clientchain.survey import (
    MissingSpreadsheetError,
    SurveyColumns,
    SurveyError,
    SurveyOptions,
    read_responses,
)
from clientchain.survey.answers import MAX_ISSUES

ROOT = Path(__file__).resolve().parents[2]
ORG = load_file(ROOT / "examples" / "agencia.yaml")
HEADER = "period,respondent,rater,supplier,client,on time,overall,recommend,comment\n"


def _write(tmp_path: Path, text: str, name: str = "answers.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _issues(path: Path, options: SurveyOptions | None = None) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_responses(path, ORG, options)
    return [str(issue) for issue in caught.value.issues]


def test_reads_ids_names_and_defaults(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER
        + "2026-11,r1,redes,creatividad,,4,5,9,Bien\n"
        + "2026-11-20,r2,Redes sociales,CREATIVIDAD,,,3,,\n"
        + "2026-11,r3,creatividad,creatividad,redes,5,5,10,\n",
    )
    read = read_responses(path, ORG)
    responses = read.responses
    assert responses.dimensions == ("on_time", "overall")
    assert responses.recommend
    assert [(a.period, a.rater, a.supplier, a.client) for a in responses.answers] == [
        ("2026-11", "redes", "creatividad", "redes"),  # the client defaults to the rater
        ("2026-11", "redes", "creatividad", "redes"),  # by name, by id in any case; a date
        ("2026-11", "creatividad", "creatividad", "redes"),  # a self-rating
    ]
    assert [a.scores for a in responses.answers] == [(4, 5), (None, 3), (5, 5)]
    assert [a.recommend for a in responses.answers] == [9, None, 10]
    assert responses.answers[0].comment == "Bien"


def test_spanish_headers_semicolons_and_cp1252(tmp_path: Path) -> None:
    text = (
        "Periodo;Evaluador;Proveedor;A_Tiempo;Completo y preciso;Capacidad de respuesta;"
        "Comunicacion;Cortesía;General;Recomendación;Comentario\n"
        "2026-10;Dirección;administracion;4;4;3;5;5;4;8;Puntual y claro\n"
    )
    read = read_responses(_write(tmp_path, text, encoding="cp1252"), ORG)
    assert read.responses.dimensions == (
        "on_time",
        "complete_accurate",
        "responsiveness",
        "communication",
        "courtesy",
        "overall",
    )
    (answer,) = read.responses.answers
    assert (answer.rater, answer.supplier, answer.client) == (
        "direccion",
        "administracion",
        "direccion",
    )
    assert answer.scores == (4, 4, 3, 5, 5, 4)
    assert answer.comment == "Puntual y claro"


def test_columns_named_by_option_and_extra_dimensions(tmp_path: Path) -> None:
    text = "mes|quien|a quien|plazo|trato\n2026-11|redes|creatividad|4|5\n"
    columns = SurveyColumns(rater="quien", supplier="a quien", dimensions=("plazo", "trato"))
    read = read_responses(_write(tmp_path, text), ORG, SurveyOptions(columns, delimiter="|"))
    assert read.responses.dimensions == ("plazo", "trato")
    assert read.responses.answers[0].scores == (4, 5)


def test_the_example_csv_and_xlsx_hold_the_same_answers() -> None:
    csv_answers = read_responses(ROOT / "examples/survey/encuesta.csv", ORG).responses
    xlsx_answers = read_responses(ROOT / "examples/survey/survey.xlsx", ORG).responses
    assert len(csv_answers.answers) == 54
    assert csv_answers == xlsx_answers


def test_every_bad_answer_is_located(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER
        + "2026-11,r1,creatividd,contenido,,4,4,,\n"  # row 2: unknown rater
        + "2026-11,r2,redes,creatividad,,6,4,,\n"  # row 3: out of range
        + "2026-11,r3,redes,creatividad,,bien,3.5,,\n"  # row 4: not a number; not whole
        + "2026-11,r4,redes,creatividad,,4,4,11,\n"  # row 5: recommend out of range
        + "2026-11,r5,creatividad,creatividad,,5,5,,\n"  # row 6: a self-rating with no client
        + "2026-11,r6,redes,creatividad,creatividad,4,4,,\n"  # row 7: supplier = client
        + "noviembre,r7,redes,creatividad,,4,4,,\n"  # row 8: a period that is no month
        + ",r8,,creatividad,,4,4,,\n"  # row 9: no period, no rater
        + "2026-11,r9,redes,creatividad,,4,4,,\n"  # row 10: good
        + "2026-11,r9,redes,creatividad,,5,5,,\n",  # row 11: the same respondent again
    )
    name = str(path)
    assert _issues(path) == [
        f"{name}:2:3: unknown department 'creatividd' (did you mean 'creatividad'?)",
        f"{name}:3:6: column 'on time': expected a whole score from 1 to 5, got '6'",
        f"{name}:4:6: column 'on time': expected a whole score from 1 to 5, got 'bien'",
        f"{name}:4:7: column 'overall': expected a whole score from 1 to 5, got '3.5'",
        f"{name}:5:8: column 'recommend': expected a whole score from 0 to 10, got '11'",
        f"{name}:6:3: creatividad rates itself as its own client (a self-rating names, in the "
        "client column, the department it serves)",
        f"{name}:7:5: creatividad rates itself as its own client",
        f"{name}:8:1: expected a period like 2026-11 or a date like 2026-11-15, got 'noviembre'",
        f"{name}:9:1: the period is missing",
        f"{name}:9:3: column 'rater': the department is missing",
        f"{name}:11:2: duplicate answer: respondent 'r9' already rated creatividad for redes in "
        "2026-11 (row 10)",
    ]


def test_the_list_of_problems_is_bounded(tmp_path: Path) -> None:
    rows = "".join(f"2026-11,r{i},redes,creatividad,,9,4,,\n" for i in range(MAX_ISSUES + 5))
    issues = _issues(_write(tmp_path, HEADER + rows))
    assert len(issues) == MAX_ISSUES + 1
    assert issues[-1].endswith(f":{MAX_ISSUES + 7}:1: 5 more problems not listed")


@pytest.mark.parametrize(
    ("header", "options", "message"),
    [
        (
            "period,supplier,overall",
            SurveyOptions(),
            "no rater column found; name it with --rater (the file's columns are 'period', "
            "'supplier', 'overall')",
        ),
        (
            "period,rater,supplier,notes",
            SurveyOptions(),
            "no score column found (such as 'overall' or 'on time'); name one with --dimension",
        ),
        (
            "period,rater,supplier,overall",
            SurveyOptions(SurveyColumns(client="cliente")),
            "no column 'cliente' (given with --client)",
        ),
        (
            "period,rater,supplier,overall",
            SurveyOptions(SurveyColumns(dimensions=("speed",))),
            "no column 'speed' (given with --dimension)",
        ),
    ],
)
def test_missing_columns(tmp_path: Path, header: str, options: SurveyOptions, message: str) -> None:
    path = _write(tmp_path, header + "\n")
    with pytest.raises(SurveyError, match="^" + str(path).replace(".", r"\.") + ": ") as caught:
        read_responses(path, ORG, options)
    assert message in str(caught.value)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(SurveyError, match="no such file"):
        read_responses(tmp_path / "nothing.csv", ORG)
    with pytest.raises(SurveyError, match="the file is empty"):
        read_responses(_write(tmp_path, "\n\n"), ORG)
    with pytest.raises(SurveyError, match="cannot read the workbook"):
        read_responses(_write(tmp_path, "not a zip", name="broken.xlsx"), ORG)


def test_a_byte_the_encoding_cannot_read_is_located(tmp_path: Path) -> None:
    path = _write(
        tmp_path, HEADER + "2026-11,r1,redes,creatividad,,4,4,,caf\xe9\n", encoding="cp1252"
    )
    # "2026-11,r1,redes,creatividad,,4,4,," is 35 characters, "caf" 3 more: é is column 39
    with pytest.raises(DiscoverError, match=r"answers\.csv:2:39: cannot read byte 0xe9 as utf-8"):
        read_responses(path, ORG, SurveyOptions(encoding="utf-8"))


def test_xlsx_without_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl raises ImportError
    with pytest.raises(MissingSpreadsheetError) as caught:
        read_responses(ROOT / "examples/survey/survey.xlsx", ORG)
    assert "pip install 'clientchain[survey]'" in str(caught.value)
    assert "survey.xlsx: reading .xlsx needs openpyxl" in str(caught.value)


def test_csv_reading_never_imports_openpyxl(tmp_path: Path) -> None:
    import subprocess

    code = (
        "import sys; from clientchain.loading import load_file; "
        "from clientchain.survey import read_responses; "
        f"read_responses({str(ROOT / 'examples/survey/encuesta.csv')!r}, "
        f"load_file({str(ROOT / 'examples/agencia.yaml')!r})); "
        "print('openpyxl' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_workbook_cells_dates_numbers_and_booleans(tmp_path: Path) -> None:
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["period", "rater", "supplier", "overall", "recommend"])
    sheet.append([datetime.datetime(2026, 11, 5, 9, 30), "redes", "creatividad", 4.0, 9])
    sheet.append([])  # a blank row is skipped, and the rows keep their numbers
    sheet.append(["2026-12", "redes", "creatividad", True, 10])
    path = tmp_path / "answers.xlsx"
    book.save(path)
    # row 4, column 4: a boolean is no score (Python would read True as 1)
    assert _issues(path) == [
        f"{path}:4:4: column 'overall': expected a whole score from 1 to 5, got 'True'"
    ]
    sheet.delete_rows(4)
    book.save(path)
    (answer,) = read_responses(path, ORG).responses.answers
    assert (answer.period, answer.scores, answer.recommend) == ("2026-11", (4,), 9)


def test_satisfaction_per_pair_for_the_org_file() -> None:
    from clientchain.app.survey import survey_satisfaction

    found = survey_satisfaction(ROOT / "examples/survey/encuesta.csv", ORG)
    # the last period (2026-11), pairs with at least 3 answers from their clients; the pair
    # Administración → Dirección (2 answers) is left out, self-ratings never count
    assert {pair: (s.n, s.period) for pair, s in found.items()} == {
        ("audiovisual", "medios"): (3, "2026-11"),
        ("audiovisual", "redes"): (4, "2026-11"),
        ("contenido", "creatividad"): (4, "2026-11"),
        ("creatividad", "redes"): (5, "2026-11"),
        ("cuentas", "contenido"): (3, "2026-11"),
        ("medios", "redes"): (3, "2026-11"),
    }
    # the same means as the command shows for 2026-11 (text output: 3.6 and 4.33)
    assert found["creatividad", "redes"].mean == pytest.approx(3.6)
    assert round(found["medios", "redes"].mean, 2) == 4.33
    earlier = survey_satisfaction(ROOT / "examples/survey/encuesta.csv", ORG, period="2026-10")
    assert earlier["creatividad", "redes"].mean == pytest.approx(3.4)


def test_a_damaged_sheet_is_an_error_not_a_crash(tmp_path: Path) -> None:
    import zipfile

    good = ROOT / "examples/survey/survey.xlsx"
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # the sheet's XML cut in the middle
            target.writestr(info, data)
    with pytest.raises(SurveyError, match=r"damaged\.xlsx: cannot read the workbook"):
        read_responses(damaged, ORG)


def test_an_external_party_is_no_department(tmp_path: Path) -> None:
    path = _write(tmp_path, "period,rater,supplier,overall\n2026-11,Marcas,redes,4\n")
    assert _issues(path) == [
        f"{path}:2:2: 'Marcas' is an external client or supplier (marcas), not a department: "
        "the survey rates the departments' work for one another"
    ]
