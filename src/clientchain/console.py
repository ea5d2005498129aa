"""The two output streams: the report on stdout, diagnostics on stderr.

Formatters return strings; only the CLI writes them, through :func:`out` and
:func:`err`. Whether text output is *rich* (tables and colour for a person at a
terminal) or *plain* (stable lines for files, pipes and diffs) is decided once
here, by :func:`wants_rich`.

The streams are looked up when written to, never cached at import, so that test
runners that swap ``sys.stdout`` see everything.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
from typing import TextIO

__all__ = ["err", "out", "terminal_width", "wants_rich"]


def wants_rich(no_color: bool, stream: TextIO | None = None) -> bool:
    """Whether to draw rich tables and colour on ``stream`` (default: stdout).

    Plain when ``--no-color`` was given or ``NO_COLOR`` is set (https://no-color.org),
    rich when ``FORCE_COLOR`` is set, else rich only on a terminal.
    """
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    target = sys.stdout if stream is None else stream
    isatty = getattr(target, "isatty", None)
    return bool(isatty is not None and isatty())


def terminal_width(default: int = 100) -> int:
    """Columns of the terminal (``COLUMNS`` wins), ``default`` when unknown."""
    return shutil.get_terminal_size((default, 24)).columns


def out(text: str) -> None:
    """Write ``text`` to stdout, ending with exactly one newline (nothing for ``''``).

    Raises :class:`OSError` when the process was started with standard output closed.
    """
    if sys.stdout is None:  # started with descriptor 1 closed (`>&-`)
        if text:
            raise OSError(errno.EBADF, "standard output is closed")
        return
    _write(sys.stdout, text)


def err(text: str) -> None:
    """Write ``text`` to stderr, ending with exactly one newline (nothing for ``''``).

    Nothing is written when standard error is closed: there is nowhere to say it.
    """
    if sys.stderr is not None:
        _write(sys.stderr, text)


def _write(stream: TextIO, text: str) -> None:
    if not text:
        return
    stream.write(text if text.endswith("\n") else text + "\n")
    stream.flush()
