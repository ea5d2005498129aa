"""Usage errors (an unknown option, a missing argument, a bad value) in the language in force.

typer's vendored click writes its usage errors in English only, with no catalog to hook into.
In English they are left to typer, byte for byte. In another language the error is written
here from the exception's own attributes (:class:`NoSuchOption`'s ``option_name`` and
``possibilities``, :class:`MissingParameter`'s ``param``, :class:`BadParameter`'s ``param``,
:class:`BadOptionUsage`'s ``option_name``); the few errors click raises as plain text
(``No such command 'x'.``, ``Got unexpected extra argument(s) (…)``, a choice or range that
does not fit) are recognised by their English form; any other text is kept as it is. The
layout is typer's: the usage line, a hint naming the help option, and the message in a panel
titled "Error" (or click's plain ``Error: …`` when typer writes without rich).

Only the message is translated: ``--help`` stays English (docs/commands.md "Language"), so
the usage line keeps the metavars (``FILE``, ``DEPT``) that the help shows.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoSuchOption,
    UsageError,
)

from clientchain.i18n import N_, _, ngettext
from clientchain.numbers import num

if TYPE_CHECKING:
    from typer._click import Context

__all__ = ["show_usage_error", "usage_line", "usage_message"]

# The usage line's words, as click writes them (the metavars of the options stay).
_PIECES = {
    "[OPTIONS]": N_("[OPTIONS]"),
    "COMMAND [ARGS]...": N_("COMMAND [ARGS]..."),
}

# Texts click and typer raise without attributes to rebuild them from: their English form
# (a full match) and the message it becomes.
_PLAIN: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        # i18n: click's English text, matched
        re.compile(r"No such command (?P<name>.+)\. Did you mean (?P<names>.+)\?", re.S),
        N_("No such command {name}. Did you mean {names}?"),
    ),
    # i18n: click's English text, matched
    (re.compile(r"No such command (?P<name>.+)\.", re.S), N_("No such command {name}.")),
    # i18n: click's English text, matched
    (re.compile(r"Missing command\."), N_("Missing command.")),
    (
        # i18n: click's English text, matched
        re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)", re.S),
        N_("Got unexpected extra argument(s) ({args})"),
    ),
    (
        # i18n: click's English text, matched
        re.compile(r"Option (?P<option>.+) does not take a value\.", re.S),
        N_("Option {option} does not take a value."),
    ),
)

# i18n: click's English text, matched
_REQUIRES = re.compile(r"Option .+ requires (an argument|(?P<n>\d+) arguments)\.")

# Why a value is refused, as click's parameter types say it.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        # i18n: click's English text, matched
        re.compile(r"(?P<value>.+) is not one of (?P<choices>.+)\.", re.S),
        N_("{value} is not one of {choices}."),
    ),
    (
        # i18n: click's English text, matched
        re.compile(r"(?P<value>.+) is not in the range (?P<range>.+)\.", re.S),
        N_("{value} is not in the range {range}."),
    ),
    (
        # i18n: click's English text, matched
        re.compile(r"(?P<value>.+) is not a valid (?:integer|int range)\.", re.S),
        N_("{value} is not a valid integer."),
    ),
    (
        # i18n: click's English text, matched
        re.compile(r"(?P<value>.+) is not a valid (?:float|float range)\.", re.S),
        N_("{value} is not a valid float."),
    ),
)


def _recognised(text: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    """``text`` translated through the first pattern of ``table`` it matches, else as it is."""
    for pattern, message in table:
        found = pattern.fullmatch(text)
        if found:
            return _(message).format(**found.groupdict())  # i18n: N_ table
    return text


def _hint(exc: BadParameter) -> str | None:
    """How click names the parameter: ``'--format' / '-f'`` or ``'FILE'``."""
    if exc.param_hint is not None:
        hint = exc.param_hint
        return hint if isinstance(hint, str) else " / ".join(repr(x) for x in hint)
    if exc.param is not None:
        return exc.param.get_error_hint(exc.ctx)  # type: ignore[arg-type]
    return None


def usage_message(exc: UsageError) -> str:
    """The message of ``exc`` in the current language (without ``Error:``)."""
    if isinstance(exc, NoSuchOption):
        if exc.possibilities:
            return _("No such option: {option}. Did you mean {options}?").format(
                option=exc.option_name, options=", ".join(sorted(exc.possibilities))
            )
        return _("No such option: {option}").format(option=exc.option_name)
    if isinstance(exc, MissingParameter):
        missing = _hint(exc) or ""
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "")
        if kind == "argument":
            return _("Missing argument {name}.").format(name=missing)
        if kind == "option":
            return _("Missing option {name}.").format(name=missing)
        return _("Missing parameter {name}.").format(name=missing)
    if isinstance(exc, BadParameter):
        hint = _hint(exc)
        reason = _recognised(exc.message, _REASONS)
        if hint is None:
            return _("Invalid value: {reason}").format(reason=reason)
        return _("Invalid value for {name}: {reason}").format(name=hint, reason=reason)
    if isinstance(exc, BadOptionUsage):
        option = repr(exc.option_name)
        needs = _REQUIRES.fullmatch(exc.message)
        if needs:
            n = int(needs["n"] or 1)
            return ngettext(
                "Option {option} requires an argument.",
                "Option {option} requires {n} arguments.",
                n,
            ).format(option=option, n=num(n))
    return _recognised(exc.message, _PLAIN)


def usage_line(ctx: Context) -> str:
    """``Usage: clientchain map [OPTIONS] FILE`` with its words in the current language."""
    pieces = [
        _(_PIECES[piece]) if piece in _PIECES else piece  # i18n: N_ table
        for piece in ctx.command.collect_usage_pieces(ctx)
    ]
    formatter = ctx.make_formatter()
    # TRANSLATORS: the start of a usage line, "Usage: clientchain map [OPTIONS] FILE"
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))
    return formatter.getvalue().rstrip("\n")


def _help_hint(ctx: Context) -> str | None:
    """``Try 'clientchain map -h' for help.``, or ``None`` when the command has no help."""
    if ctx.command.get_help_option(ctx) is None:
        return None
    command = f"{ctx.command_path} {ctx.help_option_names[0]}"
    return _("Try {command} for help.").format(command=f"'{command}'")


def show_usage_error(exc: UsageError, *, rich: bool) -> None:
    """Write ``exc`` to stderr as typer would, in the current language.

    ``rich``: typer's layout (usage, hint, the message in a panel); else click's plain one.
    """
    ctx = exc.ctx
    usage = usage_line(ctx) if ctx is not None else None
    hint = _help_hint(ctx) if ctx is not None else None
    message = usage_message(exc)
    if not rich:
        from typer import echo

        color = ctx.color if ctx is not None else None
        if usage is not None:
            echo(f"{usage}\n{hint}\n" if hint else f"{usage}\n", file=sys.stderr, color=color)
        # TRANSLATORS: click's plain usage error, "Error: No such option: --x"
        echo(_("Error: {message}").format(message=message), file=sys.stderr, color=color)
        return
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text
    from typer import rich_utils

    console = Console(
        color_system=rich_utils.COLOR_SYSTEM,
        force_terminal=rich_utils.FORCE_TERMINAL,
        width=rich_utils.MAX_WIDTH,
        stderr=True,
        highlight=False,
    )
    if usage is not None:
        console.print(Text(usage), style=rich_utils.STYLE_USAGE_COMMAND)
    if hint is not None:
        console.print(Text(hint), style=rich_utils.STYLE_ERRORS_SUGGESTION)
    console.print(
        Panel(
            Text(message),
            border_style=rich_utils.STYLE_ERRORS_PANEL_BORDER,
            # TRANSLATORS: the title of the panel that holds a usage error
            title=_("Error"),
            title_align=rich_utils.ALIGN_ERRORS_PANEL,
        )
    )
