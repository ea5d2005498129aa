"""The typer app, its global options, and the one place errors become exit codes.

Exit codes (docs/commands.md "Exit codes"):

==== =====================================================================
0    success; for ``check``: no finding at or above ``--fail-on``
1    ``check`` found something at or above ``--fail-on``
2    usage error, or an input that cannot be read or is not a valid org file
3    internal error: a bug in clientchain (``--debug`` shows the traceback)
130  interrupted (Ctrl-C)
==== =====================================================================
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from clientchain._version import __version__
from clientchain.cli import check, overview, scaffold
from clientchain.cli import diff as diff_commands
from clientchain.cli import discover as discover_commands
from clientchain.cli import flow as flow_commands
from clientchain.cli import render as render_commands
from clientchain.cli.common import RunState
from clientchain.console import err, out
from clientchain.errors import ClientchainError, InputError

__all__ = [
    "EXIT_BUG",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "app",
    "exit_code_for",
    "main",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130

REPORT_BUG = (
    "this is a bug in clientchain; please report it with the command you ran "
    "(run it again with --debug for the traceback)"
)


class _Guarded(TyperGroup):
    """The root command. Its ``main`` is the entry point for the console script,
    ``python -m clientchain`` and typer's ``CliRunner`` alike, so they share one
    error handler."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        state = extra.setdefault("obj", RunState(debug=bool(os.environ.get("CLIENTCHAIN_DEBUG"))))
        try:
            return super().main(
                args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra
            )
        except KeyboardInterrupt:
            code = EXIT_INTERRUPTED
        # The one broad catch: every error that escapes a command ends here and becomes an
        # exit code and a message, never a traceback. typer's Exit and usage errors have been
        # handled by typer already (standalone mode); SystemExit is not an Exception.
        except Exception as exc:  # noqa: BLE001
            code = exit_code_for(exc, debug=isinstance(state, RunState) and state.debug)
        if standalone_mode:
            sys.exit(code)
        return code


def exit_code_for(exc: Exception, *, debug: bool = False) -> int:
    """Report ``exc`` on stderr and return its exit code (2 for bad input, 3 for a bug)."""
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, InputError):
        err("\n".join(str(issue) for issue in exc.issues) or f"clientchain: error: {exc}")
        return EXIT_USAGE
    if isinstance(exc, ClientchainError):
        err(f"clientchain: error: {exc}")
        return EXIT_USAGE
    if isinstance(exc, OSError):
        err(f"clientchain: error: {_os_error(exc)}")
        return EXIT_USAGE
    err(f"clientchain: internal error: {type(exc).__name__}: {exc}; {REPORT_BUG}")
    return EXIT_BUG


def _os_error(exc: OSError) -> str:
    """``'No such file or directory: out/org.yaml'`` rather than ``[Errno 2] …``."""
    if exc.strerror and exc.filename is not None:
        return f"{exc.strerror}: {exc.filename}"
    return exc.strerror or str(exc)


def _print_version(value: bool) -> None:
    if value:
        out(f"clientchain {__version__}")
        raise typer.Exit(EXIT_OK)


app = typer.Typer(
    cls=_Guarded,
    name="clientchain",
    help="Map an organization's internal customer chain: who serves whom, and what to fix.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Plain, stable text for every command.")
    ] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="Show the traceback of an error (also CLIENTCHAIN_DEBUG=1)."),
    ] = False,
) -> None:
    """Map an organization's internal customer chain from a YAML org file.

    Exit codes: 0 ok · 1 check findings at or above --fail-on · 2 usage error or
    invalid input · 3 internal error (a bug) · 130 interrupted.
    """
    state = ctx.ensure_object(RunState)
    state.no_color = state.no_color or no_color
    state.debug = state.debug or debug


app.command("map")(overview.map_command)
app.command("who")(overview.who_command)
app.command("bottlenecks")(flow_commands.bottlenecks_command)
app.command("chains")(flow_commands.chains_command)
app.command("simulate")(flow_commands.simulate_command)
app.command("check")(check.check_command)
app.command("diff")(diff_commands.diff_command)
app.command("init")(scaffold.init_command)
app.command("schema")(scaffold.schema_command)
app.command("render")(render_commands.render_command)
app.command("report")(render_commands.report_command)
app.command("slides")(render_commands.slides_command)
app.command("discover")(discover_commands.discover_command)


def main() -> None:
    """Console-script entry point: run the app, exit with its exit code."""
    app(prog_name="clientchain")
