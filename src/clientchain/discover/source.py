"""Hand the engine exactly the file the user named, or standard input.

DuckDB reads a path as a pattern: ``log[1].csv`` matches ``log1.csv``, ``star*.csv``
merges every file it matches, and a leading ``~`` is the home folder. So the engine
is never given the user's path: :func:`stage` puts a symbolic link to the named file
(by its absolute path, which the operating system resolves, not DuckDB) in a private
temporary folder whose name has no pattern character, and the engine reads the link.
``-`` is standard input, copied to that folder first (the engine reads a log twice);
its format is told by its first bytes, since it has no file name.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from clientchain.discover.encoding import (
    SAMPLE_BYTES,
    check_encoding,
    detect_encoding,
    engine_reads,
    transcode,
)
from clientchain.discover.errors import DiscoverError
from clientchain.discover.xes import is_xes
from clientchain.i18n import _
from clientchain.numbers import num

__all__ = ["STDIN", "STDIN_LIMIT", "STDIN_NAME", "Staged", "log_kind", "stage"]

STDIN = "-"
"""The log name that means standard input."""

STDIN_NAME = "<stdin>"
"""How standard input is named in messages and in the written file."""

PATTERN_CHARACTERS = frozenset("*?[]{}~")
"""Characters DuckDB may read as a file pattern (or, leading, as the home folder)."""

STDIN_LIMIT = 4 * 1024**3
"""Most bytes read from standard input (4 GiB, about 40 million events of a typical CSV log):
it is copied to a temporary file, and a stream without end (``/dev/zero``) must not fill the
disk. A larger log is read from a file, which has no bound."""

_COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Staged:
    """The log as the engine reads it: ``path`` (a link or a copy), ``kind``, and ``shown``,
    the name messages use (the path as the user gave it, or ``<stdin>``)."""

    shown: str
    path: Path
    original: Path  # the named file itself (the copy, for standard input)
    kind: str  # "csv" | "parquet" | "xes"
    encoding: str | None = None  # a CSV's encoding as read (``path`` is UTF-8 in any case)


def log_kind(path: Path) -> str:
    """``'csv'``, ``'parquet'`` or ``'xes'`` from the file name."""
    name = path.name.lower()
    if is_xes(name):
        return "xes"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    raise DiscoverError(
        _(
            "{file}: unknown log format; expected .csv (or .tsv, .txt), .parquet, .xes or .xes.gz"
        ).format(file=path)
    )


def stage(
    named: str | os.PathLike[str],
    folder: Path,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> Staged:
    """Put the log ``named`` where the engine can read it safely: a link in ``folder``.

    ``folder`` is an empty private folder that lives while the log is read; ``-``
    copies ``stdin`` (default: the process's standard input) into it. A CSV log in
    an ``encoding`` (default: detected) other than UTF-8 is copied there in UTF-8
    (:mod:`clientchain.discover.encoding`).

    Raises
    ------
    DiscoverError
        No such file, not a regular file, an unknown format, empty standard input, a
        byte the encoding cannot read, or a temporary folder whose own name DuckDB
        would read as a pattern.
    UsageError
        ``encoding`` is not an encoding Python knows.
    """
    if encoding is not None:
        check_encoding(encoding)
    if PATTERN_CHARACTERS & set(str(folder)):
        raise DiscoverError(
            _(
                "the temporary folder {folder} has a character DuckDB reads as a file pattern "
                "(one of {characters}); set TMPDIR to a plain folder"
            ).format(folder=folder, characters="* ? [ ] { } ~")
        )
    if str(named) == STDIN:
        copy = _copy_stdin(folder, stdin if stdin is not None else sys.stdin.buffer)
        return _decoded(Staged(STDIN_NAME, copy, copy, _content_kind(copy)), folder, encoding)
    path = Path(named)
    if not path.is_file():
        raise DiscoverError(
            _("{file}: no such file").format(file=path)
            if not path.exists()
            else _("{file}: not a regular file (for a pipe, give - and standard input)").format(
                file=path
            )
        )
    kind = log_kind(path)
    link = folder / "log"
    link.symlink_to(path.absolute())
    return _decoded(Staged(str(path), link, path, kind), folder, encoding)


def _decoded(log: Staged, folder: Path, encoding: str | None) -> Staged:
    """``log`` with its encoding, as a UTF-8 copy in ``folder`` when the engine cannot read it."""
    if log.kind != "csv":
        return log
    if encoding is None:
        with log.original.open("rb") as stream:
            encoding = detect_encoding(stream.read(SAMPLE_BYTES))
    if engine_reads(encoding):
        return replace(log, encoding=encoding)
    copy = folder / "utf-8"
    transcode(log.original, copy, encoding, log.shown)
    return replace(log, path=copy, encoding=encoding)


def _copy_stdin(folder: Path, stream: BinaryIO) -> Path:
    copy = folder / "stdin"
    copied = 0
    with copy.open("wb") as target:
        while chunk := stream.read(_COPY_CHUNK):
            copied += len(chunk)
            if copied > STDIN_LIMIT:
                raise DiscoverError(
                    _(
                        "{source}: more than {gib} GiB on standard input; "
                        "save the log to a file and give its name"
                    ).format(source=STDIN_NAME, gib=num(STDIN_LIMIT / 1024**3))
                )
            target.write(chunk)
    if copied == 0:
        raise DiscoverError(_("{source}: the log is empty").format(source=STDIN_NAME))
    return copy


def _content_kind(path: Path) -> str:
    """The format of a log with no name, from its first bytes (Parquet, XES, else CSV)."""
    with path.open("rb") as stream:
        head = stream.read(512)
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"\x1f\x8b") or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "xes"
    return "csv"
