"""Stream an XES event log (IEEE 1849) into a flat CSV file the engine can read.

The XML is read with :func:`xml.etree.ElementTree.iterparse`, one element at a
time: each event is cleared once read, each trace (and the log's list of
children) once written, so memory holds one trace, never the whole tree.
``.xes.gz`` is read through :mod:`gzip`.

Event attributes keep their keys (``concept:name``, ``org:group``,
``time:timestamp``, ``lifecycle:transition`` …); trace attributes get the prefix
``case:`` (``case:concept:name`` is the case id), as pm4py names them. Nested
attributes and ``<global>`` defaults are ignored. Values are written as text:
timestamps stay ISO 8601 and are parsed by the engine.
"""

from __future__ import annotations

import csv
import gzip
import os
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from clientchain.discover.engine import Progress
from clientchain.discover.errors import DiscoverError
from clientchain.i18n import _
from clientchain.numbers import num

__all__ = ["MAX_TEXT_RUN", "SEQ", "XesTable", "is_xes", "xes_to_csv"]

SEQ = "__seq"
"""Column holding the event's 1-based position in the file."""

MAX_TEXT_RUN = 1024 * 1024
"""Longest run of characters without ``<`` or ``>`` read: text between tags (an XES log has only
line breaks and indentation there) or one attribute value. A gzip of blanks unpacks a
thousandfold, and the parser would hold the whole run."""

_ATTRIBUTES = frozenset({"string", "date", "int", "float", "boolean", "id", "list", "container"})
_REPORT_EVERY = 20_000


@dataclass(frozen=True, slots=True)
class XesTable:
    """What :func:`xes_to_csv` wrote: the columns (keys seen), traces and events."""

    columns: tuple[str, ...]
    traces: int
    events: int


def is_xes(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names an XES file (``.xes`` or ``.xes.gz``)."""
    name = str(path).lower()
    return name.endswith((".xes", ".xes.gz"))


def xes_to_csv(
    source: Path,
    target: Path,
    keys: Collection[str],
    progress: Progress | None = None,
    *,
    shown: str | None = None,
) -> XesTable:
    """Write the events of ``source`` with the attributes ``keys`` as CSV rows to ``target``.

    The CSV has a header: :data:`SEQ`, then ``keys`` in the order given; missing
    attributes are empty. The returned columns list the keys at least one
    event (or trace, for ``case:`` keys) actually has. Messages name the log
    ``shown`` (default: ``source``).
    """
    wanted = tuple(dict.fromkeys(keys))
    seen: set[str] = set()
    traces = events = 0
    next_report = _REPORT_EVERY
    size = max(source.stat().st_size, 1)
    with source.open("rb") as raw, target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([SEQ, *wanted])
        unpacked: IO[bytes] = gzip.GzipFile(fileobj=raw) if _gzipped(source) else raw  # type: ignore[assignment]
        stream = _Bounded(unpacked, shown or str(source))
        for rows in _traces(stream, shown or str(source)):
            traces += 1
            for row in rows:
                events += 1
                seen.update(k for k in wanted if k in row)
                writer.writerow([events, *(row.get(k, "") for k in wanted)])
            if progress is not None and events >= next_report:
                next_report = events + _REPORT_EVERY
                progress(_("reading XES"), min(raw.tell() / size, 1.0))
    return XesTable(tuple(k for k in wanted if k in seen), traces, events)


class _Bounded:
    """A byte stream that refuses a run of more than :data:`MAX_TEXT_RUN` bytes without ``<``
    or ``>``, before the parser holds it; the message gives the line where the run began."""

    def __init__(self, stream: IO[bytes], source: str) -> None:
        self._stream = stream
        self._source = source
        self._run = 0  # bytes since the last < or >
        self._lines = 1  # line of the next byte
        self._run_line = 1  # line where the current run began

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size if 0 < size <= 65536 else 65536)
        last = max(chunk.rfind(b"<"), chunk.rfind(b">"))
        if last < 0:
            self._run += len(chunk)
        else:
            marks = [i for i in (chunk.find(b"<"), chunk.find(b">")) if i >= 0]
            self._check(self._run + min(marks))
            self._run_line = self._lines + chunk.count(b"\n", 0, last)
            self._run = len(chunk) - last - 1
        self._check(self._run)  # runs inside one chunk are shorter than the bound
        self._lines += chunk.count(b"\n")
        return chunk

    def _check(self, run: int) -> None:
        if run > MAX_TEXT_RUN:
            raise DiscoverError(
                _(
                    "{where}: more than {mib} MiB of text outside the tags (or in one attribute "
                    "value); an XES log has none: refused"
                ).format(where=f"{self._source}:{self._run_line}", mib=num(MAX_TEXT_RUN // 1048576))
            )


def _gzipped(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(2) == b"\x1f\x8b"


def _traces(stream: _Bounded, source: str) -> Iterator[list[dict[str, str]]]:
    """Each trace's events as attribute dicts, trace attributes merged in as ``case:``."""
    path: list[str] = []
    root: ET.Element | None = None
    trace: dict[str, str] = {}
    event: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    try:
        for kind, elem in ET.iterparse(stream, events=("start", "end")):
            tag = elem.tag.rpartition("}")[2]
            if kind == "start":
                root = elem if root is None else root
                path.append(tag)
                continue
            path.pop()
            parent = path[-1] if path else ""
            if tag in _ATTRIBUTES and parent in ("event", "trace"):
                key, value = elem.get("key"), elem.get("value")
                if key is not None and value is not None:
                    (event if parent == "event" else trace)[
                        key if parent == "event" else f"case:{key}"
                    ] = value
            elif tag == "event" and parent == "trace":
                rows.append(event)
                event = {}
                elem.clear()
            elif tag == "trace":
                yield [{**trace, **row} for row in rows]
                trace, rows = {}, []
                elem.clear()
                if root is not None:
                    root.clear()
    except ET.ParseError as exc:
        line, column = exc.position
        raise DiscoverError(
            _("{where}: not a valid XES file: {reason}").format(
                where=f"{source}:{line}:{column + 1}", reason=exc
            )
        ) from None
    except (OSError, EOFError) as exc:  # a damaged .gz
        raise DiscoverError(
            _("{source}: cannot read the XES file: {reason}").format(source=source, reason=exc)
        ) from None
