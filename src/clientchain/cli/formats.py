"""The one table of formatters: which function writes each command's result in each style.

A command computes its result with one use case, then calls :func:`show`, which picks
the style (``json`` when asked, ``rich`` on a terminal, else plain ``text``), imports
only the chosen formatter's module (start-up stays light) and writes the document to
standard output. Formatters are pure: result in, text out.

Calling convention, the same for every row: the text formatter takes the command's
arguments, the rich formatter the same plus the terminal's width, the JSON formatter the
last of them (the result) unless the command passes ``json_args``. A row without a rich
formatter prints its text on a terminal.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Literal

import typer

from clientchain.cli.common import Format, rich_output
from clientchain.console import out, terminal_width

__all__ = ["FORMATTERS", "Style", "formatter", "show"]

Style = Literal["text", "rich", "json"]

_OVERVIEW, _OVERVIEW_RICH = "clientchain.output.overview", "clientchain.output.overview_rich"
_FLOW, _FLOW_RICH = "clientchain.output.flow", "clientchain.output.flow_rich"

FORMATTERS: Mapping[str, Mapping[Style, str]] = {
    "map": {
        "text": f"{_OVERVIEW}:map_text",
        "rich": f"{_OVERVIEW_RICH}:map_rich",
        "json": f"{_OVERVIEW}:map_json",
    },
    "who": {
        "text": f"{_OVERVIEW}:who_text",
        "rich": f"{_OVERVIEW_RICH}:who_rich",
        "json": f"{_OVERVIEW}:who_json",
    },
    "bottlenecks": {
        "text": f"{_FLOW}:bottlenecks_text",
        "rich": f"{_FLOW_RICH}:bottlenecks_rich",
        "json": f"{_FLOW}:bottlenecks_json",
    },
    "chains": {
        "text": f"{_FLOW}:chains_text",
        "rich": f"{_FLOW_RICH}:chains_rich",
        "json": f"{_FLOW}:chains_json",
    },
    "simulate": {
        "text": f"{_FLOW}:simulate_text",
        "rich": f"{_FLOW_RICH}:simulate_rich",
        "json": f"{_FLOW}:simulate_json",
    },
    "simulate --find-limit": {"text": f"{_FLOW}:limit_text", "json": f"{_FLOW}:limit_json"},
    "montecarlo": {
        "text": "clientchain.output.simulation:montecarlo_text",
        "json": "clientchain.output.simulation:montecarlo_json",
    },
    "sipoc": {
        "text": "clientchain.output.sipoc:sipoc_text",
        "json": "clientchain.output.sipoc:sipoc_json",
    },
    "sipoc --format markdown": {"text": "clientchain.output.sipoc:sipoc_markdown"},
    "summary": {
        "text": "clientchain.output.summary:summary_text",
        "json": "clientchain.output.summary:summary_json",
    },
    "survey": {
        "text": "clientchain.output.survey:survey_text",
        "rich": "clientchain.output.survey_rich:survey_rich",
        "json": "clientchain.output.survey:survey_json",
    },
    "survey --format markdown": {"text": "clientchain.output.survey:survey_markdown"},
}
"""Command → style → ``module:function`` of its formatter."""


def formatter(command: str, style: Style) -> str:
    """The ``module:function`` that writes ``command``'s result in ``style``.

    >>> formatter("map", "json")
    'clientchain.output.overview:map_json'
    >>> formatter("simulate --find-limit", "rich")  # no rich form: the text one
    'clientchain.output.flow:limit_text'
    """
    row = FORMATTERS[command]
    return row.get(style) or row["text"]


def show(
    ctx: typer.Context,
    output_format: Format,
    no_color: bool,
    command: str,
    *args: object,
    json_args: tuple[object, ...] | None = None,
) -> None:
    """Write ``command``'s result (``args``, see the module's convention) to standard output."""
    style: Style = (
        "json" if output_format is Format.JSON else "rich" if rich_output(ctx, no_color) else "text"
    )
    path = formatter(command, style)
    module, name = path.split(":")
    function = getattr(import_module(module), name)
    if style == "json":
        out(function(*(args[-1:] if json_args is None else json_args)))
    elif style == "rich" and "rich" in FORMATTERS[command]:
        out(function(*args, terminal_width()))
    else:
        out(function(*args))
