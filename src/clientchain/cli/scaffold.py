"""``clientchain init`` and ``clientchain schema``: getting started and editor support."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from clientchain.console import err, out
from clientchain.errors import UsageError
from clientchain.i18n import _, current

__all__ = ["STARTERS", "init_command", "schema_command", "starter_text"]

STARTER = "starter.yaml"
STARTERS = {"en": STARTER, "es": "starter.es.yaml"}
"""The starter of each language: the Spanish one is commented in Spanish, names its
departments in Spanish and says ``language: es``; both pass ``check``."""


def starter_text(language: str | None = None) -> str:
    """The commented starter org file shipped in the package, in ``language`` (default: the
    language in force: ``--lang``, else the locale)."""
    name = STARTERS.get(language or current(), STARTER)
    return resources.files("clientchain").joinpath(name).read_text(encoding="utf-8")


def init_command(
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="FILE",
            # i18n: --help stays English
            help="Where to write the starter org file; standard output when omitted or '-'.",
            show_default=False,
        ),
    ] = None,
    # i18n: --help stays English
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Write a commented starter org file that passes `check`.

    Refuses to overwrite an existing FILE (exit 2) unless --force is given. With
    --lang es (or a Spanish locale) the starter is in Spanish.
    """
    from clientchain.output.files import write_atomic

    content = starter_text()
    if file is None or file == "-":
        out(content)
        return
    if Path(file).exists() and not force:
        raise UsageError(_("{file} already exists; use --force to overwrite it").format(file=file))
    write_atomic(file, content, replace=force)
    command = f"clientchain check {file}"  # i18n: a command line
    err(_("wrote {file}; next: {command}").format(file=file, command=command))


def schema_command() -> None:
    """Print the JSON Schema of the org file (for editors and check-jsonschema)."""
    from clientchain.loading.schema import org_schema
    from clientchain.output.common import schema_json

    out(schema_json(org_schema()))
