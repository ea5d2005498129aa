"""What ``render``, ``report`` and ``slides`` wrote, and the two ways of saying it.

>>> w = Written("org.svg", "svg", "graphviz-pure", {"nodes": 3, "edges": 2}, ("too big",))
>>> print(written_text(w))
wrote org.svg (svg, 3 nodes, 2 edges, engine graphviz-pure)
warning: too big
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from clientchain.i18n import _
from clientchain.numbers import num, plural
from clientchain.output.common import dumps

__all__ = ["Written", "written_json", "written_text"]


@dataclass(frozen=True, slots=True)
class Written:
    """One output file: its path, format, the engine that laid it out, counts, warnings."""

    path: str
    format: str
    engine: str | None
    counts: Mapping[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


_COUNTS: dict[str, Callable[[int], str]] = {
    "nodes": lambda n: plural(n, "{n} node", "{n} nodes"),
    "edges": lambda n: plural(n, "{n} edge", "{n} edges"),
    "slides": lambda n: plural(n, "{n} slide", "{n} slides"),
    "diagrams": lambda n: plural(n, "{n} diagram", "{n} diagrams"),
    "findings": lambda n: plural(n, "{n} finding", "{n} findings"),
}
"""How each count of a :class:`Written` reads (``Written.counts`` keys)."""


def _count(what: str, n: int) -> str:
    if what in _COUNTS:
        return _COUNTS[what](n)
    return f"{num(n)} {what}"  # a count without words of its own: its key


def written_text(written: Written) -> str:
    """``wrote PATH (format, counts, engine)`` and one ``warning:`` line per warning."""
    parts = [written.format, *(_count(what, n) for what, n in written.counts.items())]
    if written.engine:
        parts.append(_("engine {engine}").format(engine=written.engine))
    details = ", ".join(parts)
    lines = [_("wrote {path} ({details})").format(path=written.path, details=details)]
    return "\n".join(
        [*lines, *(_("warning: {warning}").format(warning=w) for w in written.warnings)]
    )


def written_json(written: Written) -> str:
    """``{"output", "format", "engine", "counts", "warnings"}`` as indented JSON."""
    document = {
        "output": written.path,
        "format": written.format,
        "engine": written.engine,
        "counts": dict(written.counts),
        "warnings": list(written.warnings),
    }
    return dumps(document)
