"""Generate the example event log of Agencia Ejemplo (fixed seed, reproducible).

The log is what a ticketing system of the agency in ``examples/agencia.yaml``
would export: one row per activity with the case (an order from a client), the
activity, the department that did it, the person, and when the work started and
finished. Three kinds of order follow the agency's chains, with what real logs
show besides: rework loops between content and design, approvals by the account
managers recorded at the very minute the work is delivered (timestamp ties),
invoices by administration after some campaigns, and a few system events that
carry no department (missing values).

Work happens in office hours (09:00–17:00, Monday to Friday); timestamps have
minute resolution, as most exports do. The default output is the shipped
``agencia-log.csv`` (Spanish headers, ``;`` delimiter, day-first timestamps).
``--standard`` writes XES-style column names with ISO timestamps instead, and
``--cases`` sets the size (the benchmark uses it for a 1,000,000-event log)::

    python examples/event-log/generate.py                       # the shipped example
    python examples/event-log/generate.py --cases 180000 --standard -o big.csv
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20240108
START = datetime(2024, 1, 8, 9, 0)  # a Monday
WEEKS = 104  # two years
DAY_START, DAY_END = 9, 17

PEOPLE = {
    "Cuentas y comercial": ["Jesús Muñoz", "Elena Ruiz"],
    "Contenido y comunicación": ["Ana Pérez", "Tomás Ortega"],
    "Creatividad": ["Íñigo Sáez", "Nuria Vidal"],
    "Producción audiovisual": ["Begoña Núñez", "Óscar León"],
    "Planificación de medios": ["Raúl Cañete"],
    "Redes sociales": ["Lucía Gómez", "Pablo Serrano"],
    "Administración y facturación": ["Ramón Ibáñez"],
}


@dataclass(frozen=True)
class Event:
    case: str
    activity: str
    department: str
    resource: str
    start: datetime
    end: datetime
    order: int  # position in its case, for a stable order of ties


def working(moment: datetime) -> datetime:
    """The first working minute at or after ``moment``."""
    while True:
        if moment.weekday() >= 5:
            moment = datetime(moment.year, moment.month, moment.day, DAY_START) + timedelta(
                days=7 - moment.weekday()
            )
        elif moment.hour < DAY_START:
            moment = moment.replace(hour=DAY_START, minute=0)
        elif moment.hour >= DAY_END:
            moment = moment.replace(hour=DAY_START, minute=0) + timedelta(days=1)
        else:
            return moment


def advance(moment: datetime, hours: float) -> datetime:
    """``moment`` plus ``hours`` of office time (nights and weekends skipped)."""
    moment = working(moment)
    left = math.ceil(hours * 60)
    while left > 0:
        end_of_day = moment.replace(hour=DAY_END, minute=0)
        room = int((end_of_day - moment).total_seconds() // 60)
        if left <= room:
            return moment + timedelta(minutes=left)
        left -= room
        moment = working(end_of_day)
    return moment


class Agency:
    """Draws orders and their activities from one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def effort(self, hours: float) -> float:
        return hours * self.rng.lognormvariate(0, 0.35)

    def wait(self, hours: float) -> float:
        return self.rng.expovariate(1 / hours)

    def route(self, kind: str) -> list[tuple[str, str, float]]:
        """(activity, department, mean effort in hours) along one order of ``kind``."""
        rng = self.rng
        steps: list[tuple[str, str, float]] = []
        if kind != "infografia":
            steps.append(("Recibir briefing", "Cuentas y comercial", 0.75))
        if kind == "video":
            steps.append(("Escribir guion", "Contenido y comunicación", 3.0))
            steps.append(("Grabar", "Producción audiovisual", 4.0))
            steps.append(("Montar vídeo", "Producción audiovisual", 5.0))
        else:
            steps.append(("Redactar textos", "Contenido y comunicación", 2.0))
            steps.append(("Diseñar piezas", "Creatividad", 4.0))
            while rng.random() < 0.12:  # rework: back to content, then design again
                steps.append(("Corregir textos", "Contenido y comunicación", 1.0))
                steps.append(("Ajustar diseño", "Creatividad", 1.5))
        if rng.random() < 0.3:  # the account manager approves at the minute of delivery
            steps.append(("Aprobar entrega", "Cuentas y comercial", 0.0))
        if kind == "campana":
            steps.append(("Planificar medios", "Planificación de medios", 3.0))
        steps.append(("Publicar", "Redes sociales", 1.0))
        if kind == "campana" and rng.random() < 0.4:
            steps.append(("Facturar", "Administración y facturación", 0.5))
        return steps

    def case(self, number: int, arrival: datetime) -> Iterator[Event]:
        kind = self.rng.choices(["infografia", "video", "campana"], weights=[10, 3, 4])[0]
        case = f"P-{number:06d}"
        moment = arrival
        for order, (activity, department, hours) in enumerate(self.route(kind)):
            resource = self.rng.choice(PEOPLE[department])
            if hours == 0:  # an instant approval: the same minute as the delivery
                yield Event(case, activity, department, resource, moment, moment, order)
                continue
            start = advance(moment, self.wait(3.0))
            end = advance(start, self.effort(hours))
            yield Event(case, activity, department, resource, start, end, order)
            moment = end


def arrival(offset: int) -> datetime:
    """The moment ``offset`` working minutes after :data:`START` (office hours only)."""
    day, minute = divmod(offset, (DAY_END - DAY_START) * 60)
    week, weekday = divmod(day, 5)
    return START + timedelta(weeks=week, days=weekday, minutes=minute)


def generate(cases: int, seed: int = SEED) -> list[Event]:
    """Every event of ``cases`` orders arriving over two years, in export order."""
    rng = random.Random(seed)
    agency = Agency(rng)
    minutes = WEEKS * 5 * (DAY_END - DAY_START) * 60
    arrivals = sorted(rng.randrange(minutes) for _ in range(cases))
    events: list[Event] = []
    for number, offset in enumerate(arrivals, start=1):
        events.extend(agency.case(number, arrival(offset)))
    # An export lists events by the time they were finished; same-minute events keep
    # their order within the case (the system wrote them one after the other).
    events.sort(key=lambda e: (e.end, e.case, e.order))
    for index in rng.sample(range(len(events)), k=max(1, len(events) // 800)):
        e = events[index]  # a system event: no department recorded
        events[index] = Event(e.case, "Notificación automática", "", "sistema", e.end, e.end, 0)
    return events


def write(events: list[Event], path: Path | None, standard: bool) -> None:
    """Write the log as CSV (Spanish or XES-style columns) to ``path`` or stdout."""
    if standard:
        header = ["case:concept:name", "concept:name", "org:group", "org:resource"]
        header += ["start_timestamp", "time:timestamp"]
        delimiter, stamp = ",", "%Y-%m-%dT%H:%M:%S"
    else:
        header = ["caso", "actividad", "departamento", "recurso", "inicio", "fin"]
        delimiter, stamp = ";", "%d/%m/%Y %H:%M"
    stream = sys.stdout if path is None else path.open("w", encoding="utf-8", newline="")
    try:
        writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        for e in events:
            times = [e.start.strftime(stamp), e.end.strftime(stamp)]
            writer.writerow([e.case, e.activity, e.department, e.resource, *times])
    finally:
        if path is not None:
            stream.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="orders to generate")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--standard", action="store_true", help="XES column names, ISO times")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    write(generate(args.cases, args.seed), args.output, args.standard)


if __name__ == "__main__":
    main()
