"""What the commands share: the run state, option types and loading an org file."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientchain.console import wants_rich

if TYPE_CHECKING:
    import networkx as nx

    from clientchain.model import Organization

__all__ = [
    "Format",
    "FormatOption",
    "NoColorOption",
    "OrgFile",
    "RunState",
    "load",
    "rich_output",
]


@dataclass
class RunState:
    """Global options of one invocation, shared through ``ctx.obj``.

    Created by the error handler before parsing, so it can read ``debug`` even
    when the command fails.
    """

    debug: bool = False
    no_color: bool = False


class Format(enum.StrEnum):
    """``--format`` of the commands that read an org file."""

    TEXT = "text"
    JSON = "json"


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the report to FILE (atomically) instead of standard output.",
        show_default=False,
        dir_okay=False,
    ),
]

OrgFile = Annotated[
    str,
    typer.Argument(
        metavar="FILE", help="The org file (YAML); '-' reads standard input.", show_default=False
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="text (tables on a terminal) or json.", show_default=True),
]
NoColorOption = Annotated[
    bool,
    typer.Option("--no-color", help="Plain, stable text: no colour, no tables (also NO_COLOR=1)."),
]


def rich_output(ctx: typer.Context, no_color: bool) -> bool:
    """Whether text output gets tables and colour (a terminal, colour not refused)."""
    state = ctx.ensure_object(RunState)
    return wants_rich(no_color or state.no_color)


def load(path: str) -> tuple[Organization, nx.DiGraph]:
    """Load ``path`` (``-``: stdin) and build its graph; :class:`InputError` if invalid."""
    from clientchain.graph import build_graph
    from clientchain.loading import load_file

    org = load_file(path)
    return org, build_graph(org)
