"""The golden cases: every example (and the tricky-label case) in every view.

Regenerate after an intended change with::

    CLIENTCHAIN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/render/test_golden.py

then review ``git diff tests/golden`` like any code change.
"""

from __future__ import annotations

import re
from pathlib import Path

from clientchain.graph import build_graph
from clientchain.loading import load_file
from clientchain.render.theme import THEMES
from clientchain.render.views import DiagramOptions

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
# Every shipped example (a new one needs its golden files), plus the tricky-label case and
# a chain that visits a department twice and holds finished inventory.
SOURCES = {path.stem: path for path in sorted((ROOT / "examples").glob("*.yaml"))}
SOURCES["tricky-labels"] = ROOT / "tests" / "cases" / "valid" / "tricky-labels.yaml"
SOURCES["hospital-revisit"] = ROOT / "tests" / "cases" / "valid" / "hospital-revisit.yaml"

# Option variants beyond the default (drawn for the org view of agencia and tricky-labels).
VARIANTS = {
    "quality-TB-kind-dark": DiagramOptions(
        group_by="kind", direction="TB", highlight="quality", theme=THEMES["dark"]
    ),
    "none-nogroups-print": DiagramOptions(group_by="none", highlight="none", theme=THEMES["print"]),
    "slides": DiagramOptions(theme=THEMES["slides"]),
    "min-volume-4": DiagramOptions(min_volume=4),
}


def slug(view: str) -> str:
    """A file-name-safe, readable name for a view (``chain:video`` → ``chain-video``)."""
    kind, _, name = view.partition(":")
    safe = re.sub(r"[^A-Za-z0-9_]+", "_", name).strip("_")
    return f"{kind}-{safe}" if name else kind


def views(name: str) -> list[str]:
    """Every view of an example: org, the groups rolled up, each chain, each group, each
    department."""
    org = load_file(SOURCES[name])
    groups = dict.fromkeys(d.group for d in org.departments.values() if d.group)
    return [
        "org",
        "groups",
        *(f"chain:{c}" for c in org.chains),
        *(f"group:{g}" for g in groups),
        *(f"department:{d}" for d in org.departments),
    ]


def cases() -> list[tuple[str, str, str, DiagramOptions]]:
    """``(example, view, file stem, options)`` for every golden pair of files."""
    found = []
    for name in SOURCES:
        for view in views(name):
            found.append((name, view, slug(view), DiagramOptions(view=view)))
        if name in ("agencia", "tricky-labels"):
            for variant, options in VARIANTS.items():
                found.append((name, "org", f"org-{variant}", options))
    return found


def load(name: str):
    org = load_file(SOURCES[name])
    return org, build_graph(org)


__all__ = ["GOLDEN", "SOURCES", "VARIANTS", "cases", "load", "slug", "views"]
