"""What the commands share: the run state, option types and loading an org file."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientchain.console import out, visible, wants_rich

if TYPE_CHECKING:
    import networkx as nx

    from clientchain.model import Organization

__all__ = [
    "Format",
    "FormatOption",
    "NoColorOption",
    "OrgFile",
    "RunState",
    "emit",
    "load",
    "refuse_input_as_output",
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
        help="Write the report to FILE (atomically) instead of standard output.",  # i18n: --help
        show_default=False,
    ),
]

OrgFile = Annotated[
    str,
    typer.Argument(
        metavar="FILE",
        help="The org file (YAML); '-' reads standard input.",  # i18n: --help stays English
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    # i18n: --help stays English (docs/commands.md "Language")
    typer.Option("--format", "-f", help="text (tables on a terminal) or json.", show_default=True),
]
NoColorOption = Annotated[
    bool,
    # i18n: --help stays English
    typer.Option("--no-color", help="Plain, stable text: no colour, no tables (also NO_COLOR=1)."),
]


def rich_output(ctx: typer.Context, no_color: bool) -> bool:
    """Whether text output gets tables and colour (a terminal, colour not refused)."""
    state = ctx.ensure_object(RunState)
    return wants_rich(no_color or state.no_color)


def load(path: str) -> tuple[Organization, nx.DiGraph]:
    """Load ``path`` (``-``: stdin) and build its graph; :class:`InputError` if invalid.

    From here on the command speaks the file's ``language:`` unless ``--lang`` said one.
    """
    from clientchain.graph import build_graph
    from clientchain.i18n import adopt
    from clientchain.loading import load_file

    org = load_file(path)
    adopt(org.language)
    return org, build_graph(org)


def refuse_input_as_output(output: str | Path | None, inputs: Iterable[str | Path | None]) -> None:
    """:class:`UsageError` (exit 2) when the file ``output`` is one of ``inputs``.

    Compared by device and inode, so a symbolic link, ``..`` or a hard link to an
    input is caught too; ``-`` among the inputs is standard input, caught when it
    is redirected from ``output``. Called before anything is read or written.
    """
    if output is None or str(output) == "-":
        return
    from clientchain.errors import UsageError
    from clientchain.i18n import _
    from clientchain.output.files import same_file

    for source in inputs:
        if source is None:
            continue
        if str(source) == "-":
            if _stdin_is(output):
                raise UsageError(
                    _("-o {output} is the input {input}; write to another file").format(
                        output=output, input="<stdin>"
                    )
                )
        elif same_file(output, source):
            raise UsageError(
                _("-o {output} is the input {input}; write to another file").format(
                    output=output, input=source
                )
            )


def _stdin_is(output: str | Path) -> bool:
    try:
        descriptor = sys.stdin.fileno()
    except (AttributeError, ValueError, OSError):  # closed, or not a real file (CliRunner)
        return False
    from clientchain.output.files import same_file

    return same_file(output, descriptor)


def emit(document: str, output: str | Path | None) -> None:
    """A report to standard output, or to the file ``output`` (atomically).

    Either way its control characters are made :func:`~clientchain.console.visible`,
    so a report read later in a terminal is as safe as one read now.
    """
    if output is None:
        out(document)
        return
    from clientchain.output.files import write_atomic

    write_atomic(output, visible(document) + "\n" if document else "")
