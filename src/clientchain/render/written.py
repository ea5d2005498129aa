"""What ``render``, ``report`` and ``slides`` wrote, and the two ways of saying it.

>>> w = Written("org.svg", "svg", "graphviz-pure", {"nodes": 3, "edges": 2}, ("too big",))
>>> print(written_text(w))
wrote org.svg (svg, 3 nodes, 2 edges, engine graphviz-pure)
warning: too big
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from clientchain.numbers import plural
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


def written_text(written: Written) -> str:
    """``wrote PATH (format, counts, engine)`` and one ``warning:`` line per warning."""
    parts = [written.format, *(plural(n, what[:-1]) for what, n in written.counts.items())]
    if written.engine:
        parts.append(f"engine {written.engine}")
    lines = [f"wrote {written.path} ({', '.join(parts)})"]
    return "\n".join([*lines, *(f"warning: {w}" for w in written.warnings)])


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
