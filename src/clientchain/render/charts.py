"""The charts of the deck and the report as data, shared by both writers.

Three charts, each built from analysis results only (nothing is computed here but
colours and text):

* **utilization by department** (:func:`utilization_chart`): one bar per department,
  busiest first (:meth:`FlowReport.by_utilization`), filled on the theme's utilization
  scale as the diagrams fill the boxes, with two lines: 100 % and the file's
  ``checks.near_capacity``;
* **cycle time against takt** of a chain (:func:`takt_chart`): one bar per step in
  chain order (a department visited twice is two bars), over-takt bars in the theme's
  constraint colour, and the takt as a line;
* **the internal-customer satisfaction matrix** (:func:`matrix_chart`): supplier rows ×
  client columns of :func:`~clientchain.analysis.quality.satisfaction_matrix`, each
  cell the handoff's satisfaction (1–5) and %C&A, filled by the worse of its two bands
  (:func:`cell_band`).

:mod:`~clientchain.render.charts_pptx` draws them as native PowerPoint charts and
tables, :mod:`~clientchain.render.charts_svg` as inline SVG and HTML.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from clientchain.analysis.flow import ChainFlow, FlowReport
from clientchain.analysis.quality import MatrixCell, satisfaction_matrix
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import duration, num, pct, unknown_text
from clientchain.render.chain_view import chain_stops
from clientchain.render.theme import Theme

__all__ = [
    "BANDS",
    "BAR_LIMIT",
    "Bar",
    "BarChart",
    "Cell",
    "Line",
    "MatrixChart",
    "cell_band",
    "chart_set",
    "matrix_chart",
    "takt_chart",
    "tint",
    "utilization_chart",
]

BAR_LIMIT = 30
"""Departments in the utilization chart at most (the busiest): more do not read on a slide."""
QUALITY_GOOD, QUALITY_FAIR = 0.95, 0.90
"""%C&A bands, as the diagrams' ``--highlight quality`` colours edges."""
BANDS = ("good", "fair", "poor", "unknown")
"""The matrix's colour bands, indexes into the theme's ``quality`` colours."""
Unit = Literal["percent", "hours"]


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its category label, value (``None``: unknown or unbounded), text and fill."""

    label: str
    value: float | None
    text: str
    fill: str


@dataclass(frozen=True, slots=True)
class Line:
    """A horizontal reference line across the bars (100 %, near capacity, takt)."""

    name: str
    value: float
    colour: str


@dataclass(frozen=True, slots=True)
class BarChart:
    """A bar chart: ``key`` names it for machines, ``unit`` says how values read."""

    key: str
    title: str
    series: str
    axis: str
    unit: Unit
    bars: tuple[Bar, ...]
    lines: tuple[Line, ...]
    note: str = ""

    @property
    def top(self) -> float:
        """The largest value or line, at least a small positive number (the axis' scale)."""
        values = [bar.value for bar in self.bars if bar.value is not None]
        return max([*values, *(line.value for line in self.lines), 1e-9])


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of the matrix: its text, colour band (index into :data:`BANDS`) and fill."""

    text: str
    band: int
    fill: str


@dataclass(frozen=True, slots=True)
class MatrixChart:
    """Supplier rows × client columns; ``cells[r][c]`` is ``None`` where no work passes."""

    key: str
    title: str
    corner: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Cell | None, ...], ...]
    legend: tuple[tuple[str, str], ...]
    note: str = ""


def tint(colour: str, background: str, strength: float = 0.35) -> str:
    """``colour`` mixed into ``background``: ``strength`` of the colour (a light cell fill).

    >>> tint("#000000", "#ffffff", 0.5), tint("#15803d", "#ffffff", 1.0)
    ('#808080', '#15803d')
    """
    mixed = (
        round(
            int(colour[i : i + 2], 16) * strength + int(background[i : i + 2], 16) * (1 - strength)
        )
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{part:02x}" for part in mixed)  # i18n: a colour


def _utilization_band(utilization: float, near: float) -> int:
    """0 below 50 %, 1 up to ``near``, 2 up to 100 %, 3 above (the diagrams' scale)."""
    if utilization > 1.0:
        return 3
    if utilization > near:
        return 2
    return 1 if utilization >= 0.5 else 0


def _bar(label: str, value: float | None, text: str, fill: str) -> Bar:
    """A bar; one that cannot be drawn (unknown, unbounded) says its value in its label."""
    if value is not None and math.isfinite(value):
        return Bar(label, value, text, fill)
    # TRANSLATORS: a bar that cannot be drawn: its name and its value, "Alfa (unknown)"
    return Bar(_("{name} ({value})").format(name=label, value=text), None, text, fill)


def utilization_chart(org: Organization, flow: FlowReport, theme: Theme) -> BarChart:
    """Utilization by department, busiest first, with the 100 % and near-capacity lines."""
    ranked = flow.by_utilization()
    near = org.checks.near_capacity
    bars = []
    for department in ranked[:BAR_LIMIT]:
        value = department.utilization
        fill = theme.department_fill
        if value is not None:
            fill = theme.scale[_utilization_band(value, near)]
        text = pct(value) if value is not None else unknown_text()
        bars.append(_bar(department.name, value, text, fill))
    lines = (
        Line(_("Full capacity ({value})").format(value=pct(1.0)), 1.0, theme.constraint),
        Line(_("Near capacity ({value})").format(value=pct(near)), near, theme.muted),
    )
    note = ""
    if len(ranked) > BAR_LIMIT:
        note = _("The {shown} busiest of {total} departments.").format(
            shown=num(BAR_LIMIT), total=num(len(ranked))
        )
    return BarChart(
        "utilization",  # i18n: a machine key
        _("Utilization by department"),
        _("Utilization"),
        _("Utilization"),
        "percent",  # i18n: a machine key
        tuple(bars),
        lines,
        note,
    )


def takt_chart(org: Organization, chain: ChainFlow, theme: Theme) -> BarChart:
    """The cycle time of each step of ``chain`` in chain order, and its takt as a line."""
    bars = []
    stops = [stop for stop in chain_stops(org.chains[chain.id]) if stop.step is not None]
    for stop, step in zip(stops, chain.steps, strict=True):
        label = org.label(stop.id)
        if stop.visits > 1:
            # TRANSLATORS: a bar of the takt chart for one of several visits: "Doctors (2 of 2)"
            label = _("{name} ({visit} of {visits})").format(
                name=label, visit=num(stop.visit), visits=num(stop.visits)
            )
        value = step.cycle_time_hours
        fill = theme.constraint if step.over_takt else theme.department_line
        text = duration(value) if value is not None else unknown_text()
        bars.append(_bar(label, value, text, fill))
    lines: tuple[Line, ...] = ()
    if math.isfinite(chain.takt_hours):
        takt = Line(
            _("Takt ({value})").format(value=duration(chain.takt_hours)),
            chain.takt_hours,
            theme.accent,
        )
        lines = (takt,)
    return BarChart(
        f"takt {chain.id}",  # i18n: a machine key
        _("Cycle time against takt: {chain}").format(chain=chain.name),
        _("Cycle time"),
        _("Hours"),
        "hours",  # i18n: a machine key
        tuple(bars),
        lines,
    )


def cell_band(cell: MatrixCell, min_satisfaction: float) -> int:
    """The worse band of a cell's two values (:data:`BANDS`); ``3`` (unknown) with neither.

    Satisfaction is good from ``min_satisfaction + 1``, fair from ``min_satisfaction``,
    poor below; %C&A good from 95 %, fair from 90 %, poor below.

    >>> cell_band(MatrixCell(4.2, 0.96), 3.0), cell_band(MatrixCell(3.5, 0.99), 3.0)
    (0, 1)
    >>> cell_band(MatrixCell(4.5, 0.85), 3.0), cell_band(MatrixCell(None, None), 3.0)
    (2, 3)
    """
    bands = []
    if cell.satisfaction is not None:
        good, fair = (
            cell.satisfaction >= min_satisfaction + 1,
            cell.satisfaction >= min_satisfaction,
        )
        bands.append(0 if good else 1 if fair else 2)
    if cell.quality is not None:
        bands.append(
            0 if cell.quality >= QUALITY_GOOD else 1 if cell.quality >= QUALITY_FAIR else 2
        )
    return max(bands) if bands else 3


MISSED_MARK = "!"  # i18n: a mark, explained by the matrix's note
"""Marks a cell whose handoff misses a requirement of its client (``requires:``)."""


def _cell_text(cell: MatrixCell) -> str:
    none = "–"
    satisfaction = none if cell.satisfaction is None else num(cell.satisfaction)
    quality = none if cell.quality is None else pct(cell.quality)
    mark = f" {MISSED_MARK}" if cell.missed else ""
    return f"{satisfaction} · {quality}{mark}"  # i18n: two numbers and a mark


def matrix_chart(
    org: Organization, graph: nx.DiGraph, theme: Theme, limit: tuple[int, int] | None = None
) -> MatrixChart:
    """The satisfaction matrix; with ``limit`` (rows, columns), for a slide, only the suppliers
    and clients of handoffs with a satisfaction or %C&A, at most ``limit`` of them, noted."""
    matrix = satisfaction_matrix(org, graph)
    rows, columns = matrix.suppliers, matrix.clients
    if limit is not None:  # a slide: the rated handoffs' suppliers and clients, the first ones
        rated = [key for key, cell in matrix.cells.items() if cell != MatrixCell(None, None)]
        columns = tuple(col for col in columns if any(key[1] == col for key in rated))[: limit[1]]
        shown = [key for key in rated if key[1] in columns]
        rows = tuple(row for row in rows if any(key[0] == row for key in shown))[: limit[0]]
    fills = tuple(tint(colour, theme.background) for colour in theme.quality)
    cells = []
    for row in rows:
        line: list[Cell | None] = []
        for column in columns:
            found = matrix.cells.get((row, column))
            if found is None:
                line.append(None)
            else:
                band = cell_band(found, matrix.min_satisfaction)
                line.append(Cell(_cell_text(found), band, fills[band]))
        cells.append(tuple(line))
    low = matrix.min_satisfaction
    legend = (
        (
            _("good: satisfaction {value} or more and %C&A {quality} or more").format(
                value=num(low + 1), quality=pct(QUALITY_GOOD)
            ),
            fills[0],
        ),
        (
            _("fair: satisfaction {value} or more and %C&A {quality} or more").format(
                value=num(low), quality=pct(QUALITY_FAIR)
            ),
            fills[1],
        ),
        (
            _("poor: satisfaction below {value} or %C&A below {quality}").format(
                value=num(low), quality=pct(QUALITY_FAIR)
            ),
            fills[2],
        ),
        (_("not rated"), fills[3]),
    )
    note = ""
    if (len(rows), len(columns)) != (len(matrix.suppliers), len(matrix.clients)):
        note = _(
            "The rated handoffs: {rows} of {all_rows} suppliers and {columns} of {all_columns} "
            "clients; the report shows them all."
        ).format(
            rows=num(len(rows)),
            all_rows=num(len(matrix.suppliers)),
            columns=num(len(columns)),
            all_columns=num(len(matrix.clients)),
        )
    if any(
        cell.missed for key, cell in matrix.cells.items() if key[0] in rows and key[1] in columns
    ):
        # TRANSLATORS: {mark} is the "!" after a cell's numbers
        missed = _("{mark}: misses a requirement of its client (requires:).").format(
            mark=MISSED_MARK
        )
        note = f"{missed} {note}".strip()
    return MatrixChart(
        "matrix",  # i18n: a machine key
        _("Internal customer satisfaction matrix"),
        # TRANSLATORS: the corner of the matrix: suppliers are rows, clients are columns
        _("Supplier ↓ · client → (satisfaction 1–5 · %C&A)"),
        tuple(org.label(row) for row in rows),
        tuple(org.label(column) for column in columns),
        tuple(cells),
        legend,
        note,
    )


def chart_set(
    org: Organization,
    graph: nx.DiGraph,
    flow: FlowReport,
    theme: Theme,
    limit: tuple[int, int] | None = None,
    chain_ids: Sequence[str] | None = None,
) -> tuple[BarChart | MatrixChart, ...]:
    """Every chart in order: utilization, one takt chart per chain (of ``chain_ids`` when
    given, in their order), the matrix (when a work handoff has a satisfaction or %C&A)."""
    charts: list[BarChart | MatrixChart] = [utilization_chart(org, flow, theme)]
    chosen = flow.chains if chain_ids is None else {c: flow.chains[c] for c in chain_ids}
    charts += [takt_chart(org, chain, theme) for chain in chosen.values()]
    matrix = matrix_chart(org, graph, theme, limit)
    if any(
        cell is not None and cell.band < len(BANDS) - 1 for line in matrix.cells for cell in line
    ):
        charts.append(matrix)
    return tuple(charts)
