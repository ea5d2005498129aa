"""Pieces every command family's plain formatters share: node lists, positions, JSON.

Plain text writes nodes as ``Name (id)`` (just ``id`` when the name is the id) and
findings as ``file:line:col: severity [rule] message``; every JSON document leaves
through :func:`dumps` (two-space indent, Unicode kept, ``null`` for "not known / none").
No rich here: the terminal helpers are :mod:`clientchain.output.rich_common`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clientchain.analysis.diff import FindingChange
    from clientchain.checks import Finding
    from clientchain.errors import Issue
    from clientchain.model import Chain, Organization

__all__ = [
    "NONE",
    "chain_path",
    "dumps",
    "finding_dict",
    "finding_line",
    "hops_text",
    "issues_text",
    "nodes",
    "schema_json",
    "where",
]

NONE = "none"
"""Written for an empty list."""


def nodes(org: Organization, node_ids: Iterable[str]) -> str:
    """Comma-separated ``Name (id)`` of each node, or ``none``."""
    return ", ".join(org.describe(n) for n in node_ids) or NONE


def chain_path(org: Organization, chain: Chain) -> str:
    """Display names along the chain: ``Banco → Contenido → Redes → Marcas``."""
    return " → ".join(org.label(n) for n in chain.path)


def hops_text(hops: int | None) -> str:
    """``'1 handoff'``, ``'3 handoffs'`` or ``'none'``."""
    if hops is None:
        return NONE
    return f"{hops} handoff" if hops == 1 else f"{hops} handoffs"


def where(file: str, line: int, column: int) -> str:
    """``file:line:col``, or just ``file`` when the position is unknown (line 0)."""
    return f"{file}:{line}:{column}" if line > 0 else file


def finding_line(finding: Finding) -> str:
    """``file:line:col: severity [rule] message``."""
    place = where(finding.file, finding.line, finding.column)
    return f"{place}: {finding.severity} [{finding.rule}] {finding.message}"


def issues_text(issues: Iterable[Issue]) -> str:
    """One input issue per line, as ``file:line:col: key.path: message (hint)``."""
    return "\n".join(str(issue) for issue in issues)


def dumps(document: Mapping[str, Any]) -> str:
    """The project's JSON style: two-space indent, Unicode kept, no trailing newline.

    Every JSON output leaves through here. An infinity that slipped past
    :func:`clientchain.numbers.finite` is refused (``Infinity`` is not JSON).
    """
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)


def finding_dict(finding: Finding | FindingChange) -> dict[str, Any]:
    """``{"rule", "severity", "message", "file", "line", "column", "subject"}``: a finding of
    ``check``, or one that ``diff`` says appeared or was resolved."""
    return {
        "rule": finding.rule,
        "severity": str(finding.severity),
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "subject": finding.subject,
    }


def schema_json(schema: Mapping[str, Any]) -> str:
    """``clientchain schema``."""
    return dumps(schema)
