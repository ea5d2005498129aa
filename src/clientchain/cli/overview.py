"""``clientchain map`` and ``clientchain who``: the overview and one department's place."""

from __future__ import annotations

from typing import Annotated

import typer

from clientchain.cli.common import Format, FormatOption, NoColorOption, OrgFile, load, rich_output
from clientchain.console import err, out, terminal_width

__all__ = ["map_command", "who_command"]

Dept = Annotated[
    str,
    typer.Argument(
        metavar="DEPT",
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
            help="Also write the diagram (.svg .png .pdf .dot .mmd, as `render`).",
        ),
    ] = None,
) -> None:
    """The overview: counts, who serves whom for every department, chains and findings.

    Exits 0 even when there are findings (use `check` as a gate); 2 on invalid input.
    """
    from clientchain.output import json as as_json
    from clientchain.output import rich_text, text
    from clientchain.output.reports import build_overview

    org, graph = load(file)
    if diagram is not None:  # written first: an error leaves no half-done command
        from clientchain.render.diagrams import render_file
        from clientchain.render.written import written_text

        err(written_text(render_file(org, graph, diagram)))
    # only the JSON lists every department's up- and downstream nodes (O(n²) in size)
    overview = build_overview(org, graph, reach=output_format is Format.JSON)
    if output_format is Format.JSON:
        out(as_json.map_json(overview))
    elif rich_output(ctx, no_color):
        out(rich_text.map_rich(overview, terminal_width()))
    else:
        out(text.map_text(overview))


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
    from clientchain.output import json as as_json
    from clientchain.output import rich_text, text

    org, graph = load(file)
    result = who(org, graph, dept)
    if output_format is Format.JSON:
        out(as_json.who_json(org, result))
    elif rich_output(ctx, no_color):
        out(rich_text.who_rich(org, result, terminal_width()))
    else:
        out(text.who_text(org, result))
