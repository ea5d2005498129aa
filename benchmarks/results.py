"""RESULTS.md sections written by the benchmark scripts (run as ``python benchmarks/x.py``,
so this module is importable beside them)."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
NOTES = "### Notes"


def write_section(heading: str, section: str, results: Path = RESULTS) -> None:
    """Replace (or append) the ``heading`` section (``## Survey``…) of ``results`` with
    ``section``, keeping everything else and the section's own hand-written ``### Notes``."""
    text = results.read_text(encoding="utf-8")
    if heading + "\n" in text:
        before, after = text.split(heading + "\n", 1)
        rest = after.split("\n## ", 1)
        notes = rest[0].split(NOTES, 1)
        kept = "\n" + NOTES + notes[1].rstrip("\n") + "\n" if len(notes) > 1 else ""
        tail = "\n## " + rest[1] if len(rest) > 1 else ""
        text = before + section + kept + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results.write_text(text, encoding="utf-8")
