"""``clientchain map``, ``who`` and ``sipoc``: the overview and one department's place."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from clientchain.cli.common import (
    Format,
    FormatOption,
    NoColorOption,
    OrgFile,
    load,
    refuse_input_as_output,
)
from clientchain.cli.formats import show
from clientchain.console import err

__all__ = ["map_command", "sipoc_command", "who_command"]

Dept = Annotated[
    str,
    typer.Argument(
        metavar="DEPT",
        # i18n: --help stays English
        help="A department id (a client or supplier id works too).",
        show_default=False,
    ),
]


def map_command(
    ctx: typer.Context,
    file: OrgFile,
    output_format: FormatOption = Format.TEXT,
    no_color: NoColorOption = False,
    diagram: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE.svg",
            # i18n: --help stays English
            help="Also write the diagram (.svg .png .pdf .dot .mmd, as `render`).",
        ),
    ] = None,
) -> None:
    """The overview: counts, who serves whom for every department, chains and findings.

    Exits 0 even when there are findings (use `check` as a gate); 2 on invalid input.
    """
    from clientchain.app.overview import build_overview

    refuse_input_as_output(diagram, (file,))
    org, graph = load(file)
    if diagram is not None:  # written first: an error leaves no half-done command
        from clientchain.app.diagram import render_file
        from clientchain.render.written import written_text

        err(written_text(render_file(org, graph, diagram)))
    # only the JSON lists every department's up- and downstream nodes (O(n²) in size)
    overview = build_overview(org, graph, reach=output_format is Format.JSON)
    show(ctx, output_format, no_color, "map", overview)


def who_command(
    ctx: typer.Context,
    file: OrgFile,
    dept: Dept,
    output_format: FormatOption = Format.TEXT,
    no_color: NoColorOption = False,
) -> None:
    """Who serves whom around DEPT: suppliers, clients, up- and downstream, line of sight.

    An unknown DEPT exits 2 and suggests the closest ids.
    """
    from clientchain.analysis.structure import who

    org, graph = load(file)
    result = who(org, graph, dept)
    show(ctx, output_format, no_color, "who", org, result, json_args=(org, result))


class SipocFormat(StrEnum):
    """``sipoc``'s output formats: ``who``'s two and Markdown."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


def sipoc_command(
    ctx: typer.Context,
    file: OrgFile,
    dept: Dept,
    output_format: Annotated[
        SipocFormat,
        typer.Option(
            "--format",
            "-f",
            # i18n: --help stays English
            help="text, json or markdown (one table per part, for a report or a wiki).",
        ),
    ] = SipocFormat.TEXT,
) -> None:
    """SIPOC of DEPT: suppliers, inputs, process, outputs and customers with their requirements.

    Inputs and outputs carry their deliverable, volume, %C&A and satisfaction; the process
    lists the chain steps DEPT performs and its load; each customer what it requires
    (`requires:`, `needs:`). An unknown DEPT exits 2 and suggests the closest ids.
    """
    from clientchain.analysis.flow import analyze_flow
    from clientchain.analysis.sipoc import sipoc

    org, graph = load(file)
    result = sipoc(org, graph, analyze_flow(org), dept)
    if output_format is SipocFormat.MARKDOWN:
        show(ctx, Format.TEXT, True, "sipoc --format markdown", org, result)
    else:
        show(ctx, Format(output_format.value), True, "sipoc", org, result)
