"""Seeded generator of internal-customer survey answers.

Without options it writes the two shipped examples for ``examples/agencia.yaml``, the same
answers twice: ``encuesta.csv`` (Spanish headers, ``;`` as Excel writes it in Spanish,
raters named by department name) and ``survey.xlsx`` (English headers, ids, the period as
a date cell). They hold two months, a self-rating (Creatividad rates its work for Redes
sociales), a pair below the threshold of 3 (Administración rated by Dirección twice a
month), a pair with no handoff in the org file (Medios rating Producción audiovisual), and
comments::

    python examples/survey/generate.py

With ``--org`` it writes ``--answers`` answers over the org's department → department
handoffs (three months, every dimension, a recommend score, a comment in one of ten), the
benchmark's input::

    python examples/survey/generate.py --org org-1000.yaml --answers 100000 -o answers.csv
"""

from __future__ import annotations

import argparse
import csv
import datetime
import random
import sys
from pathlib import Path

from clientchain.loading import load_file

HERE = Path(__file__).resolve().parent
AGENCIA = HERE.parent / "agencia.yaml"
SEED = 2026

SPANISH = [
    "periodo", "encuestado", "evaluador", "proveedor", "cliente", "a tiempo",
    "completo y preciso", "capacidad de respuesta", "comunicación", "cortesía", "general",
    "recomendación", "comentario",
]  # fmt: skip
ENGLISH = [
    "period", "respondent", "rater", "supplier", "client", "on time", "complete and accurate",
    "responsiveness", "communication", "courtesy", "overall", "recommend", "comment",
]  # fmt: skip

# (supplier, client, rater, answers per month, the level the scores centre on)
PAIRS = [
    ("contenido", "creatividad", "creatividad", 4, 4.2),
    ("creatividad", "redes", "redes", 5, 3.6),
    ("creatividad", "redes", "creatividad", 3, 4.6),  # the self-rating
    ("cuentas", "contenido", "contenido", 3, 3.0),
    ("audiovisual", "redes", "redes", 4, 3.9),
    ("medios", "redes", "redes", 3, 4.4),
    ("administracion", "direccion", "direccion", 2, 3.5),  # below the threshold
    ("audiovisual", "medios", "medios", 3, 3.2),  # no handoff declared
]
COMMENTS = [
    "Llega a tiempo y completo.",
    "Faltan datos en el brief; hay que pedirlos otra vez.",
    "Muy buena disposición.",
    "Los cambios de última hora nos retrasan.",
    "Comunicación clara.",
]
MONTHS = [(2026, 10), (2026, 11)]


def _score(rng: random.Random, level: float) -> int:
    return max(1, min(5, round(rng.gauss(level, 0.8))))


def _recommend(rng: random.Random, level: float) -> int:
    return max(0, min(10, round(rng.gauss(level * 2, 1.5))))


def agencia_rows(seed: int = SEED) -> list[list[object]]:
    """The example answers: period (a date), respondent, rater, supplier, client, six
    scores, recommend, comment."""
    rng = random.Random(seed)
    rows: list[list[object]] = []
    for year, month in MONTHS:
        for supplier, client, rater, count, level in PAIRS:
            for k in range(count):
                day = datetime.date(year, month, 3 + k)
                scores = [_score(rng, level) for _ in range(6)]
                comment = rng.choice(COMMENTS) if rng.random() < 0.3 else ""
                respondent = f"{rater[:3]}-{k + 1}"
                rows.append(
                    [
                        day,
                        respondent,
                        rater,
                        supplier,
                        client,
                        *scores,
                        _recommend(rng, level),
                        comment,
                    ]
                )
    return rows


def write_examples() -> None:
    """``encuesta.csv`` and ``survey.xlsx`` next to this script."""
    import openpyxl

    org = load_file(AGENCIA)
    rows = agencia_rows()
    with (HERE / "encuesta.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\n")
        writer.writerow(SPANISH)
        for day, respondent, rater, supplier, client, *rest in rows:
            assert isinstance(day, datetime.date)
            # the Spanish file names raters by name, and months without a day
            name = org.departments[str(rater)].name
            writer.writerow([f"{day:%Y-%m}", respondent, name, supplier, client, *rest])
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "answers"
    sheet.append(ENGLISH)
    for row in rows:
        sheet.append([cell if cell != "" else None for cell in row])
    fixed = datetime.datetime(2026, 12, 1)
    book.properties.created = book.properties.modified = fixed
    book.save(HERE / "survey.xlsx")
    _fix_zip_times(HERE / "survey.xlsx", (2026, 12, 1, 0, 0, 0))


def _fix_zip_times(path: Path, when: tuple[int, int, int, int, int, int]) -> None:
    """Give every member of the workbook (a zip) the same time, and the workbook the same
    modification time (openpyxl stamps the clock's), so the file is reproducible."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            info.date_time = when
            if info.filename == "docProps/core.xml":
                stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*when).encode()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            target.writestr(info, data)


def write_large(org_path: Path, answers: int, output: Path, seed: int) -> None:
    """``answers`` answers over the department → department handoffs of ``org_path``."""
    org = load_file(org_path)
    pairs = sorted(
        {(h.source, h.target) for h in org.handoffs}
        & {(a, b) for a in org.departments for b in org.departments if a != b}
    )
    if not pairs:
        raise SystemExit(f"{org_path}: no handoff between two departments")
    rng = random.Random(seed)
    levels = {pair: rng.uniform(2.5, 4.6) for pair in pairs}
    months = ["2026-09", "2026-10", "2026-11"]
    with output.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(ENGLISH)
        for i in range(answers):
            supplier, client = pair = rng.choice(pairs)
            level = levels[pair]
            own = rng.random() < 0.05
            rater = supplier if own else client
            scores = [_score(rng, level + (0.5 if own else 0)) for _ in range(6)]
            comment = rng.choice(COMMENTS) if rng.random() < 0.1 else ""
            writer.writerow(
                [rng.choice(months), f"r{i}", rater, supplier, client, *scores,
                 _recommend(rng, level), comment]
            )  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--org", type=Path, help="write answers for this org file instead")
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if args.org is None:
        write_examples()
        return
    write_large(args.org, args.answers, args.output or Path("answers.csv"), args.seed)


if __name__ == "__main__":
    main(sys.argv[1:])
