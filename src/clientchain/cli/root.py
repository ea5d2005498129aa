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

import enum
import errno
import importlib
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.main
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandInfo

from clientchain._version import __version__
from clientchain.cli.common import RunState
from clientchain.console import err, out
from clientchain.errors import ClientchainError, InputError
from clientchain.gc_pause import gc_paused
from clientchain.i18n import DEFAULT, LANGUAGES, N_, _, choose, current

if TYPE_CHECKING:
    # typer vendors click (0.26+); these are the types its group methods take.
    from typer._click import Command, Context, HelpFormatter, Parameter

__all__ = [
    "COMMANDS",
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

REPORT_BUG = N_(
    "this is a bug in clientchain; please report it with the command you ran "
    "(run it again with --debug for the traceback)"
)


# Every command, in the order of ``clientchain --help``: the module in clientchain.cli and the
# function that implement it, and the line shown in that list. A command's module is imported
# only when the command runs (or its own --help is asked for), so start-up stays light;
# tests/cli/test_cli_docs.py checks each line against the first line of the function's docstring.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "map": (
        "overview",
        "map_command",
        # i18n: --help stays English
        "The overview: counts, who serves whom for every department, chains and findings.",
    ),
    "who": (
        "overview",
        "who_command",
        # i18n: --help stays English
        "Who serves whom around DEPT: suppliers, clients, up- and downstream, line of sight.",
    ),
    "sipoc": (
        "overview",
        "sipoc_command",
        # i18n: --help stays English
        "SIPOC of DEPT: suppliers, inputs, process, outputs and customers with their requirements.",
    ),
    "bottlenecks": (
        "flow",
        "bottlenecks_command",
        # i18n: --help stays English
        "Departments by utilization, the constraint, headroom, over-takt steps, chokepoints.",
    ),
    "chains": (
        "flow",
        "chains_command",
        # i18n: --help stays English
        "Per chain: takt, process time, lead time, value-added ratio, rolled quality, constraint.",
    ),
    "simulate": (
        "flow",
        "simulate_command",
        # i18n: --help stays English
        "What-if: before and after, the new constraint, lead-time change and hires needed.",
    ),
    "montecarlo": (
        "montecarlo",
        "montecarlo_command",
        # i18n: --help stays English
        "Simulate every chain through shared departments: lead-time percentiles, queues, waits.",
    ),
    "summary": (
        "summary",
        "summary_command",
        # i18n: --help stays English
        "The executive summary: the findings that matter most, each with its best action.",
    ),
    "check": (
        "check",
        "check_command",
        # i18n: --help stays English
        "Validate org files and run the rules; the exit code is for CI.",
    ),
    "diff": (
        "diff",
        "diff_command",
        # i18n: --help stays English
        "Compare two versions of an org file: structure, metric deltas, constraint shift.",
    ),
    "trend": (
        "trend",
        "trend_command",
        # i18n: --help stays English
        "The organization over time: constraint, utilization, chains, satisfaction, findings.",
    ),
    "init": (
        "scaffold",
        "init_command",
        # i18n: --help stays English
        "Write a commented starter org file that passes `check`.",
    ),
    "schema": (
        "scaffold",
        "schema_command",
        # i18n: --help stays English
        "Print the JSON Schema of the org file (for editors and check-jsonschema).",
    ),
    "render": (
        "render",
        "render_command",
        "Draw a diagram: .dot .svg .png .pdf or .mmd (Mermaid), from OUT's extension.",
    ),
    "report": (
        "render",
        "report_command",
        # i18n: --help stays English
        "Write a report: a self-contained .html page (inline SVG, works offline) or .md (Mermaid).",
    ),
    "slides": (
        "render",
        "slides_command",
        # i18n: --help stays English
        "Write an editable .pptx deck: title, summary, overview, chains, bottlenecks, charts.",
    ),
    "survey": (
        "survey",
        "survey_command",
        # i18n: --help stays English
        "Survey results per supplier → client pair and period: scores, NPS, self-rating.",
    ),
    "discover": (
        "discover",
        "discover_command",
        # i18n: --help stays English
        "Discover the customer chain from an event log (CSV, Parquet, XES) and write an org file.",
    ),
}


@contextmanager
def _help_as_written(command: Command, markup_mode: object) -> Iterator[None]:
    """Escape rich markup in ``command``'s help texts while its help is drawn.

    Typer reads help as rich markup, which would swallow text in square brackets
    (``[tool.clientchain]``, ``[default: …]``), and keeps the docstring's line breaks, which
    a terminal narrower than the source's lines then wraps into ragged lines: each plain
    paragraph is joined into one line for rich to wrap (a list or an indented block keeps
    its lines). The texts are restored afterwards.
    """
    if markup_mode != "rich":
        yield
        return
    from rich.markup import escape

    texts: list[tuple[Any, str, str]] = [
        (item, attribute, getattr(item, attribute))
        for item in (command, *command.params)
        for attribute in ("help", "short_help")
        if isinstance(getattr(item, attribute, None), str)
    ]
    try:
        for item, attribute, text in texts:
            setattr(item, attribute, escape(_reflowed(text)))
        yield
    finally:
        for item, attribute, text in texts:
            setattr(item, attribute, text)


def _reflowed(text: str) -> str:
    """``text`` with each paragraph's lines joined, but for a paragraph with a list item or
    an indented line (an example), which keeps its lines as written."""
    paragraphs = text.split("\n\n")
    kept = ("-", "*", "•", " ", "\t", "\b", "$")
    return "\n\n".join(
        p if any(line.startswith(kept) for line in p.split("\n")) else " ".join(p.split("\n"))
        for p in paragraphs
    )


class Lang(enum.StrEnum):
    """``--lang``: the languages clientchain speaks."""

    EN = "en"
    ES = "es"


assert tuple(Lang) == LANGUAGES


def _lang_chosen(value: Lang | None) -> None:
    if value is not None:
        choose(value.value)


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        # i18n: --help stays English
        help="Language of the output: es or en (default: the file's 'language:', else the "
        "locale, else English).",
        callback=_lang_chosen,
        is_eager=True,
        show_default=False,
    ),
]


def _lang_parameter() -> Parameter:
    """The ``--lang`` option every command takes (not passed to the command's function)."""

    def takes_lang(lang: LangOption = None) -> None:  # pragma: no branch - never called
        """Only its parameter is used."""

    command = typer.main.get_command_from_info(
        CommandInfo(name="lang", callback=takes_lang),
        pretty_exceptions_short=True,
        rich_markup_mode=None,
    )
    parameter = command.params[0]
    parameter.expose_value = False
    return parameter


def requested_language(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``args`` before the command line is parsed, so that even
    a usage error is written in it; ``None`` when absent or not a language we speak.

    >>> requested_language(["map", "--lang", "es", "x.yaml"]), requested_language(["--lang=en"])
    ('es', 'en')
    >>> requested_language(["map", "--", "--lang", "es"]), requested_language(["--lang", "fr"])
    (None, None)
    """
    for index, arg in enumerate(args):
        if arg == "--":
            return None
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


class _Listed(TyperCommand):
    """A command as the root's help lists it: its name and one line, nothing imported."""


class _Command(TyperCommand):
    """A command whose help is shown as written (see :func:`_help_as_written`)."""

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        with _help_as_written(self, self.rich_markup_mode):
            super().format_help(ctx, formatter)


class _Guarded(TyperGroup):
    """The root command. Its ``main`` is the entry point for the console script,
    ``python -m clientchain`` and typer's ``CliRunner`` alike, so they share one
    error handler.

    Its commands start as :class:`_Listed` entries of :data:`COMMANDS`; the real
    command (module imported, parameters built) replaces an entry the first time
    it is looked up to run or to show its own help. Listing the commands in
    ``clientchain --help`` uses the entries as they are.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._listing = False
        self._standalone = True
        for name, (_module, _function, line) in COMMANDS.items():
            self.commands.setdefault(name, _Listed(name=name, short_help=line, help=line))

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        command = self.commands.get(cmd_name)
        if isinstance(command, _Listed) and not self._listing:
            command = self.commands[cmd_name] = self._load(cmd_name)
        return command

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        self._listing = True
        listed = [c for c in self.commands.values() if isinstance(c, _Listed)]
        try:
            with ExitStack() as escaped:
                for command in (self, *listed):
                    escaped.enter_context(_help_as_written(command, self.rich_markup_mode))
                super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Context | None = None,
        **extra: Any,
    ) -> Context:
        with self._usage_errors_in_language():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Context) -> Any:
        with self._usage_errors_in_language():
            return super().invoke(ctx)

    @contextmanager
    def _usage_errors_in_language(self) -> Iterator[None]:
        """Write a usage error (the root's or a command's) in the language in force.

        English is left to typer as it is; another language is written by
        :func:`clientchain.cli.usage.show_usage_error`, with the same exit code (2).
        """
        try:
            yield
        except UsageError as exc:
            if current() == DEFAULT or not self._standalone or type(exc) is NoArgsIsHelpError:
                raise
            from typer.core import HAS_RICH

            from clientchain.cli.usage import show_usage_error

            show_usage_error(exc, rich=HAS_RICH and self.rich_markup_mode is not None)
            raise typer.Exit(exc.exit_code) from None

    def _load(self, name: str) -> Command:
        module_name, function, _line = COMMANDS[name]
        module = importlib.import_module(f"clientchain.cli.{module_name}")
        command = typer.main.get_command_from_info(
            CommandInfo(name=name, callback=getattr(module, function), cls=_Command),
            pretty_exceptions_short=app.pretty_exceptions_short,
            rich_markup_mode=self.rich_markup_mode,
        )
        command.params.append(_lang_parameter())
        return command

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        with gc_paused():  # a large acyclic model: see clientchain.gc_pause
            return self._guarded_main(
                args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra
            )

    def _guarded_main(
        self,
        args: Sequence[str] | None,
        prog_name: str | None,
        complete_var: str | None,
        standalone_mode: bool,
        windows_expand_args: bool,
        **extra: Any,
    ) -> Any:
        state = extra.setdefault("obj", RunState(debug=bool(os.environ.get("CLIENTCHAIN_DEBUG"))))
        self._standalone = standalone_mode
        choose(requested_language(sys.argv[1:] if args is None else args))
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
        err("\n".join(str(issue) for issue in exc.issues) or _error(str(exc)))
        return EXIT_USAGE
    if isinstance(exc, ClientchainError):
        err(_error(str(exc)))
        return EXIT_USAGE
    if isinstance(exc, OSError):
        err(_error(_os_error(exc)))
        return EXIT_USAGE
    err(
        _("clientchain: internal error: {kind}: {message}; {report}").format(
            kind=type(exc).__name__,
            message=exc,
            report=_(REPORT_BUG),  # i18n: N_ table
        )
    )
    return EXIT_BUG


def _error(message: str) -> str:
    """``clientchain: error: …``, the one line of an error that is not a bug."""
    return _("clientchain: error: {message}").format(message=message)


# What the C library says of an OS error is English; another language says it with these,
# by errno (an errno not listed keeps the C library's words).
_OS_ERRORS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.EBADF: N_("Bad file descriptor"),
}


def _os_error(exc: OSError) -> str:
    """``'No such file or directory: out/org.yaml'`` rather than ``[Errno 2] …``; the words
    in the current language (``No existe el archivo o el directorio: out/org.yaml``)."""
    reason = exc.strerror
    if reason and current() != DEFAULT and exc.errno in _OS_ERRORS:
        reason = _(_OS_ERRORS[exc.errno])  # i18n: N_ table
    if reason and exc.filename is not None:
        return f"{reason}: {exc.filename}"
    return reason or str(exc)


def _print_version(value: bool) -> None:
    if value:
        out(f"clientchain {__version__}")  # i18n: the program and its version
        raise typer.Exit(EXIT_OK)


app = typer.Typer(
    cls=_Guarded,
    name="clientchain",
    # i18n: --help stays English
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
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",  # i18n: --help stays English
        ),
    ] = False,
    no_color: Annotated[
        # i18n: --help stays English
        bool, typer.Option("--no-color", help="Plain, stable text for every command.")
    ] = False,
    debug: Annotated[
        bool,
        # i18n: --help stays English
        typer.Option("--debug", help="Show the traceback of an error (also CLIENTCHAIN_DEBUG=1)."),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Map an organization's internal customer chain from a YAML org file.

    Exit codes: 0 ok · 1 check findings at or above --fail-on · 2 usage error or
    invalid input · 3 internal error (a bug) · 130 interrupted.
    """
    state = ctx.ensure_object(RunState)
    state.no_color = state.no_color or no_color
    state.debug = state.debug or debug


def main() -> None:
    """Console-script entry point: run the app, exit with its exit code.

    The process ends with :func:`os._exit` once the output is flushed: tearing down
    the interpreter would free a large model object by object for nothing (measured in
    ``docs/performance.md``). Everything a command writes to a file is closed before
    the command returns; programs that run the app in-process use :data:`app`.
    """
    try:
        app(prog_name="clientchain")
        code: object = EXIT_OK
    except SystemExit as done:
        code = done.code
    if not isinstance(code, int):  # sys.exit(None) or sys.exit("message"), as Python does
        if code is not None:
            print(code, file=sys.stderr)
        code = EXIT_OK if code is None else EXIT_FINDINGS
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: the process started with it closed
                stream.flush()
        except BrokenPipeError:  # the reader stopped early (`| head`): nothing more to say
            code = code or EXIT_FINDINGS
        except OSError:  # a stream that cannot be written (`1<&-`, a full disk)
            code = code or EXIT_USAGE
    os._exit(code)
