"""The text encoding of a CSV log: detected, or given with ``--encoding``.

DuckDB reads UTF-8 only (a byte-order mark is skipped). A spreadsheet exports other
encodings: Excel on Windows writes cp1252 ("ANSI") for "CSV", and UTF-16 for
"Unicode text". :func:`detect_encoding` looks at the first 64 KiB: a byte-order
mark names UTF-8 or UTF-16; zero bytes mean UTF-16 without one (little-endian
when they follow the letters); text that decodes as UTF-8 is UTF-8; anything else
is taken as cp1252. A log not in UTF-8 is copied to UTF-8 by :func:`transcode`,
streamed, before the engine reads it.

A byte the encoding cannot read stops the discovery with the line and column
(``file:line:column``), whether it is met while copying or, in a file taken as
UTF-8 from its first 64 KiB, by the engine further on.

>>> detect_encoding("año".encode("cp1252")), detect_encoding("año".encode("utf-8"))
('cp1252', 'utf-8')
>>> detect_encoding("año".encode("utf-16")), detect_encoding("año".encode("utf-16-le"))
('utf-16', 'utf-16-le')
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from clientchain.discover.errors import DiscoverError
from clientchain.errors import UsageError
from clientchain.i18n import N_, _

__all__ = [
    "SAMPLE_BYTES",
    "check_decodes",
    "check_encoding",
    "detect_encoding",
    "engine_reads",
    "transcode",
]

SAMPLE_BYTES = 65536
"""Bytes :func:`detect_encoding` looks at."""

_CHUNK = 1024 * 1024
_HINT = N_("give the file's encoding with --encoding (Excel on Windows writes cp1252)")


def check_encoding(name: str) -> str:
    """``name`` if Python knows the encoding; :class:`UsageError` otherwise."""
    try:
        codecs.lookup(name)
    except LookupError:
        raise UsageError(
            _(
                "--encoding: unknown encoding {name} (for example utf-8, utf-16, cp1252, latin-1)"
            ).format(name=repr(name))
        ) from None
    return name


def detect_encoding(head: bytes) -> str:
    """The encoding of a text file whose first bytes are ``head``."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        return "utf-16-le" if head[1::2].count(0) >= head[0::2].count(0) else "utf-16-be"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def engine_reads(encoding: str) -> bool:
    """Whether DuckDB reads a file in ``encoding`` as it is (UTF-8, with or without a BOM)."""
    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


def transcode(source: Path, target: Path, encoding: str, shown: str) -> None:
    """Copy ``source`` (in ``encoding``) to ``target`` in UTF-8, streamed.

    Raises
    ------
    DiscoverError
        A byte ``encoding`` cannot read, located as ``shown:line:column``.
    """
    with target.open("w", encoding="utf-8", newline="") as out:
        for text in _decoded(source, encoding, shown):
            out.write(text)


def check_decodes(path: Path, encoding: str, shown: str) -> None:
    """Read ``path``; a :class:`DiscoverError` at the first byte ``encoding`` cannot read."""
    for _text in _decoded(path, encoding, shown):
        pass


def _decoded(path: Path, encoding: str, shown: str) -> Iterator[str]:
    """The text of ``path``, a chunk at a time; a bad byte is reported as ``line:column``
    (counted from 1, columns in characters)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line, column = 1, 1
    with path.open("rb") as stream:
        while True:
            chunk = stream.read(_CHUNK)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                data = bytes(exc.object)  # the decoder's pending bytes, then the chunk
                line, column = _advance(line, column, data[: exc.start].decode(encoding, "replace"))
                where = f"{shown}:{line}:{column}"
                raise DiscoverError(
                    _("{where}: cannot read byte {byte} as {encoding}; {hint}").format(
                        where=where,
                        byte=f"0x{data[exc.start]:02x}",
                        encoding=encoding,
                        hint=_(_HINT),  # i18n: N_ table
                    )
                ) from None
            line, column = _advance(line, column, text)
            yield text
            if not chunk:
                return


def _advance(line: int, column: int, text: str) -> tuple[int, int]:
    """The position after ``text``, read from ``line:column``."""
    newlines = text.count("\n")
    if newlines:
        return line + newlines, len(text) - text.rfind("\n")
    return line, column + len(text)
