"""``clientchain summary``: the executive summary, the findings that matter most."""

from __future__ import annotations

from typing import Annotated

import typer

from clientchain.cli.common import Format, FormatOption, NoColorOption, OrgFile, load
from clientchain.cli.formats import show

__all__ = ["summary_command"]

Top = Annotated[
    int,
    typer.Option(
        "--top",
        "-n",
        min=1,
        metavar="N",
        # i18n: --help stays English
        help="Keep at most N findings.",
        show_default=True,
    ),
]


def summary_command(
    ctx: typer.Context,
    file: OrgFile,
    output_format: FormatOption = Format.TEXT,
    no_color: NoColorOption = False,
    top: Top = 5,
) -> None:
    """The executive summary: the findings that matter most, each with its best action.

    Ranked by the computed effect of the action (headroom, lead time, rolled quality):
    the best finding of each kind first, then the next best (docs/concepts.md).
    """
    from clientchain.app.summary import build_summary

    org, graph = load(file)
    result = build_summary(org, graph, top=top)
    show(ctx, output_format, no_color, "summary", org, result, json_args=(org, result))
