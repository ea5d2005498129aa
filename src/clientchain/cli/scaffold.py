"""``clientchain init`` and ``clientchain schema``: getting started and editor support."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from clientchain.console import err, out
from clientchain.errors import UsageError

__all__ = ["init_command", "schema_command", "starter_text"]

STARTER = "starter.yaml"


def starter_text() -> str:
    """The commented starter org file shipped in the package."""
    return resources.files("clientchain").joinpath(STARTER).read_text(encoding="utf-8")


def init_command(
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="FILE",
            help="Where to write the starter org file; standard output when omitted or '-'.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Write a commented starter org file that passes `check`.

    Refuses to overwrite an existing FILE (exit 2) unless --force is given.
    """
    from clientchain.output.files import write_atomic

    content = starter_text()
    if file is None or file == "-":
        out(content)
        return
    if Path(file).exists() and not force:
        raise UsageError(f"{file} already exists; use --force to overwrite it")
    write_atomic(file, content, replace=force)
    err(f"wrote {file}; next: clientchain check {file}")


def schema_command() -> None:
    """Print the JSON Schema of the org file (for editors and check-jsonschema)."""
    from clientchain.loading.schema import org_schema
    from clientchain.output.common import schema_json

    out(schema_json(org_schema()))
