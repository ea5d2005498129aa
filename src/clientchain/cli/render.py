"""``clientchain render``, ``report`` and ``slides``: diagrams and deliverables."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from clientchain.cli.common import Format, FormatOption, OrgFile, load, refuse_input_as_output
from clientchain.cli.montecarlo import JobsOption, SimRunsOption, SimSeedOption, SimulateOption
from clientchain.console import err, out
from clientchain.i18n import _

if TYPE_CHECKING:
    from clientchain.render.engine import Engine
    from clientchain.render.theme import Theme
    from clientchain.render.views import DiagramOptions
    from clientchain.render.written import Written
    from clientchain.trend.result import TrendResult

__all__ = [
    "DiagramSettings",
    "diagram_options",
    "render_command",
    "report_command",
    "slides_command",
    "working",
]


class GroupByChoice(enum.StrEnum):
    """``--group-by``: clusters in the diagram."""

    GROUP = "group"
    KIND = "kind"
    NONE = "none"


class DirectionChoice(enum.StrEnum):
    """``--direction``: left to right or top to bottom."""

    LR = "LR"
    TB = "TB"


class HighlightChoice(enum.StrEnum):
    """``--highlight``: what colours show."""

    UTILIZATION = "utilization"
    QUALITY = "quality"
    NONE = "none"


class ThemeChoice(enum.StrEnum):
    """``--theme``: the built-in themes."""

    LIGHT = "light"
    DARK = "dark"
    PRINT = "print"
    SLIDES = "slides"


class EngineChoice(enum.StrEnum):
    """``--engine``: graphviz-pure (bundled) or Graphviz's own dot."""

    GRAPHVIZ_PURE = "graphviz-pure"
    DOT = "dot"


Output = Annotated[
    str,
    typer.Option(
        "--output",
        "-o",
        metavar="OUT",
        help="The file to write; its extension picks the format.",  # i18n: --help stays English
    ),
]
ViewOption = Annotated[
    str,
    typer.Option(
        "--view",
        # i18n: --help stays English
        help="org, chain:ID, department:ID (with --depth) or group:NAME.",
        show_default=True,
    ),
]
DepthOption = Annotated[
    # i18n: --help stays English
    int, typer.Option("--depth", min=1, help="Handoffs up- and downstream in a department view.")
]
GroupByOption = Annotated[
    # i18n: --help stays English
    GroupByChoice, typer.Option("--group-by", help="Cluster departments by group, kind or none.")
]
DirectionOption = Annotated[
    # i18n: --help stays English
    DirectionChoice, typer.Option("--direction", help="LR (left to right) or TB (top to bottom).")
]
HighlightOption = Annotated[
    HighlightChoice,
    # i18n: --help stays English
    typer.Option("--highlight", help="utilization (scale + constraint), quality (%C&A) or none."),
]
ThemeOption = Annotated[
    # i18n: --help stays English
    ThemeChoice, typer.Option("--theme", help="light, dark, print (greyscale) or slides (16:9).")
]
ThemeFileOption = Annotated[
    str | None,
    typer.Option(
        "--theme-file",
        metavar="PATH",
        # i18n: --help stays English
        help="A YAML/JSON theme: brand colours (#rrggbb) and font over a base theme.",
    ),
]
AspectOption = Annotated[
    str | None,
    typer.Option(
        "--aspect",
        metavar="W:H",
        # i18n: --help stays English
        help="Turn and spread the drawing to land near this shape, e.g. 16:9 (needs an engine).",
        show_default=False,
    ),
]
MinVolumeOption = Annotated[
    float,
    typer.Option(
        "--min-volume",
        min=0,
        metavar="N",
        # i18n: --help stays English
        help="Hide handoffs whose volume per period is below N (the caption counts them).",
    ),
]
EngineOption = Annotated[
    EngineChoice | None,
    typer.Option(
        "--engine",
        # i18n: --help stays English
        help="graphviz-pure (default, bundled) or dot (Graphviz; the default for PDF).",
        show_default=False,
    ),
]

ChainsOption = Annotated[
    str | None,
    typer.Option(
        "--chains",
        metavar="IDS",
        # i18n: --help stays English
        help="Only these chains get a slide, in this order (comma-separated ids).",
    ),
]
TemplateOption = Annotated[
    str | None,
    typer.Option(
        "--template",
        metavar="PATH",
        # i18n: --help stays English
        help="Build on a .pptx or .potx: its slide size, layouts, fonts and colours.",
    ),
]
SipocOption = Annotated[
    str | None,
    typer.Option(
        "--sipoc",
        metavar="IDS",
        # i18n: --help stays English
        help="A SIPOC slide for each of these departments, after the chains (comma-separated ids).",
    ),
]
ScenarioOption = Annotated[
    str | None,
    typer.Option(
        "--scenario",
        metavar="PATH",
        # i18n: --help stays English
        help="A future org file (simulate -o): adds a what-if slide, before and after.",
    ),
]
TrendOption = Annotated[
    bool,
    typer.Option(
        "--trend",
        # i18n: --help stays English
        help="Add the trend of FILE's git history (as `trend` reads it): changes, line charts.",
    ),
]
SinceOption = Annotated[
    str | None,
    # i18n: --help stays English
    typer.Option("--since", metavar="DATE", help="With --trend: the first period (2026-01)."),
]
UntilOption = Annotated[
    str | None,
    # i18n: --help stays English
    typer.Option("--until", metavar="DATE", help="With --trend: the last period."),
]
EveryOption = Annotated[
    # i18n: --help stays English
    str, typer.Option("--every", metavar="PERIOD", help="With --trend: month, week or quarter.")
]


class DiagramSettings:
    """The diagram options shared by ``render``, ``report`` and ``slides``, as parsed."""

    def __init__(
        self,
        view: str = "org",
        depth: int = 1,
        group_by: GroupByChoice = GroupByChoice.GROUP,
        direction: DirectionChoice = DirectionChoice.LR,
        highlight: HighlightChoice = HighlightChoice.UTILIZATION,
        theme: ThemeChoice = ThemeChoice.LIGHT,
        theme_file: str | None = None,
        aspect: str | None = None,
        min_volume: float = 0.0,
    ) -> None:
        self.view, self.depth, self.group_by, self.direction = view, depth, group_by, direction
        self.highlight, self.theme, self.theme_file = highlight, theme, theme_file
        self.aspect, self.min_volume = aspect, min_volume


def diagram_options(settings: DiagramSettings) -> DiagramOptions:
    """The library's :class:`~clientchain.render.views.DiagramOptions` for parsed options."""
    from clientchain.render.layout import parse_aspect
    from clientchain.render.theme import THEMES, load_theme_file
    from clientchain.render.views import DiagramOptions

    theme: Theme = THEMES[settings.theme.value]
    if settings.theme_file is not None:
        theme = load_theme_file(settings.theme_file)
    return DiagramOptions(
        view=settings.view,
        depth=settings.depth,
        group_by=settings.group_by.value,
        direction=settings.direction.value,
        highlight=settings.highlight.value,
        theme=theme,
        min_volume=settings.min_volume,
        aspect=None if settings.aspect is None else parse_aspect(settings.aspect),
    )


def _engine(choice: EngineChoice | None) -> Engine | None:
    return None if choice is None else choice.value


@contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner with ``message`` on stderr while the body runs, on a terminal only.

    A large organization takes seconds to lay out; rich is imported only then.
    """
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(message):
        yield


def _tell(written: Written, output_format: Format) -> None:
    """JSON on stdout with ``--format json``; the ``wrote …`` line and warnings on stderr."""
    from clientchain.render.written import written_json, written_text

    if output_format is Format.JSON:
        out(written_json(written))
    err(written_text(written))


def render_command(
    file: OrgFile,
    output: Output,
    view: ViewOption = "org",
    depth: DepthOption = 1,
    group_by: GroupByOption = GroupByChoice.GROUP,
    direction: DirectionOption = DirectionChoice.LR,
    highlight: HighlightOption = HighlightChoice.UTILIZATION,
    theme: ThemeOption = ThemeChoice.LIGHT,
    theme_file: ThemeFileOption = None,
    aspect: AspectOption = None,
    min_volume: MinVolumeOption = 0.0,
    engine: EngineOption = None,
    output_format: FormatOption = Format.TEXT,
) -> None:
    """Draw a diagram: .dot .svg .png .pdf or .mmd (Mermaid), from OUT's extension.

    SVG and PNG use the bundled graphviz-pure engine; PDF needs Graphviz's dot.
    A view too large for a slide is written with a warning on stderr. Exits 2 on
    invalid input, an unknown view, a missing engine or an unwritable OUT.
    """
    from clientchain.app.diagram import render_file

    settings = DiagramSettings(
        view, depth, group_by, direction, highlight, theme, theme_file, aspect, min_volume
    )
    refuse_input_as_output(output, (file, theme_file))
    options = diagram_options(settings)
    with working(_("rendering {file}").format(file=output)):
        written = render_file(*load(file), output, options, _engine(engine))
    _tell(written, output_format)


def report_command(
    file: OrgFile,
    output: Output,
    group_by: GroupByOption = GroupByChoice.GROUP,
    direction: DirectionOption = DirectionChoice.LR,
    highlight: HighlightOption = HighlightChoice.UTILIZATION,
    theme: ThemeOption = ThemeChoice.LIGHT,
    theme_file: ThemeFileOption = None,
    engine: EngineOption = None,
    survey: Annotated[
        str | None,
        typer.Option(
            "--survey",
            metavar="PATH",
            # i18n: --help stays English
            help="Internal-customer survey answers (CSV or .xlsx): adds their section.",
        ),
    ] = None,
    min_responses: Annotated[
        int,
        typer.Option(
            "--min-responses",
            # i18n: --help stays English
            help="With --survey: fewest answers a pair needs to show anything (anonymity).",
        ),
    ] = 3,
    trend: TrendOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    every: EveryOption = "month",
    simulate: SimulateOption = False,
    runs: SimRunsOption = None,
    seed: SimSeedOption = None,
    jobs: JobsOption = None,
    output_format: FormatOption = Format.TEXT,
) -> None:
    """Write a report: a self-contained .html page (inline SVG, works offline) or .md (Mermaid).

    Executive summary, overview, chains as value-stream maps, charts, who serves whom,
    quality and satisfaction (and the survey with --survey), a SIPOC per department, lead
    times (with --simulate, each chain's simulated distribution), bottlenecks and findings.
    Exits 2 on invalid input or an unknown extension.
    """
    from clientchain.app.report import write_report
    from clientchain.cli.montecarlo import simulated

    settings = DiagramSettings("org", 1, group_by, direction, highlight, theme, theme_file)
    refuse_input_as_output(output, (file, theme_file, survey))
    options = diagram_options(settings)
    with working(_("writing {file}").format(file=output)):
        org, graph = load(file)
        series = _trend(file, since, until, every) if trend else None
    simulation = simulated(org, simulate, runs, seed, jobs)  # its own progress bar
    with working(_("writing {file}").format(file=output)):
        written = write_report(
            org,
            graph,
            output,
            options,
            _engine(engine),
            survey=survey,
            min_responses=min_responses,
            trend=series,
            simulation=simulation,
        )
    _tell(written, output_format)


def _trend(file: str, since: str | None, until: str | None, every: str) -> TrendResult:
    """The series ``report --trend`` adds: ``file``'s git history, as ``trend`` reads it."""
    from clientchain.app.trend import build_trend, versions_of
    from clientchain.errors import UsageError
    from clientchain.loading.history import EVERY, parse_when

    if every not in EVERY:
        message = _("--every: expected one of {choices}, got '{value}'")
        raise UsageError(message.format(choices=", ".join(EVERY), value=every))
    start = parse_when(since) if since else None
    end = parse_when(until) if until else None
    return build_trend(versions_of([file], every, start, end), every=every)


def slides_command(
    file: OrgFile,
    output: Output,
    group_by: GroupByOption = GroupByChoice.GROUP,
    highlight: HighlightOption = HighlightChoice.UTILIZATION,
    theme: ThemeOption = ThemeChoice.SLIDES,
    theme_file: ThemeFileOption = None,
    engine: EngineOption = None,
    chains: ChainsOption = None,
    template: TemplateOption = None,
    scenario: ScenarioOption = None,
    sipoc: SipocOption = None,
    trend: TrendOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    every: EveryOption = "month",
    simulate: SimulateOption = False,
    runs: SimRunsOption = None,
    seed: SimSeedOption = None,
    jobs: JobsOption = None,
    output_format: FormatOption = Format.TEXT,
) -> None:
    """Write an editable .pptx deck: title, summary, overview, chains, bottlenecks, charts.

    Diagrams are native PowerPoint shapes and connectors placed from the Graphviz
    layout; speaker notes carry the numbers; every text is fitted to its box. With
    --trend, what changed and the forecast, then native line charts; with --simulate, a
    slide per chain with its simulated lead-time distribution. Needs python-pptx (the
    'slides' extra).
    """
    from clientchain.app.slides import write_slides
    from clientchain.cli.montecarlo import simulated

    settings = DiagramSettings("org", 1, group_by, DirectionChoice.LR, highlight, theme, theme_file)
    refuse_input_as_output(output, (file, theme_file, template, scenario))
    options = diagram_options(settings)
    selected = None if chains is None else [c.strip() for c in chains.split(",") if c.strip()]
    departments = [] if sipoc is None else [d.strip() for d in sipoc.split(",") if d.strip()]
    with working(_("writing {file}").format(file=output)):
        org, graph = load(file)
        series = _trend(file, since, until, every) if trend else None
    simulation = simulated(org, simulate, runs, seed, jobs)  # its own progress bar
    with working(_("writing {file}").format(file=output)):
        written = write_slides(
            org, graph, output, options, _engine(engine), chains=selected,
            template=template, scenario=scenario, sipocs=departments, trend=series,
            simulation=simulation,
        )  # fmt: skip
    _tell(written, output_format)
