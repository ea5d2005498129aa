"""Pieces every command family's plain formatters share: node lists, positions, JSON.

Plain text writes nodes as ``Name (id)`` (just ``id`` when the name is the id) and
findings as ``file:line:col: severity [rule] message``; every JSON document leaves
through :func:`dumps` (two-space indent, Unicode kept, ``null`` for "not known / none").
No rich here: the terminal helpers are :mod:`clientchain.output.rich_common`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from clientchain.i18n import N_, NC_, _, pgettext
from clientchain.numbers import plural
from clientchain.output.json_text import indented_json
from clientchain.terms import term

if TYPE_CHECKING:
    from clientchain.analysis.diff import FindingChange
    from clientchain.checks import Finding
    from clientchain.errors import Issue
    from clientchain.model import Chain, ExternalParty, Organization

__all__ = [
    "NONE",
    "chain_path",
    "dumps",
    "finding_dict",
    "finding_line",
    "hops_text",
    "issues_text",
    "node_role",
    "nodes",
    "none",
    "party_role",
    "schema_json",
    "severity_word",
    "where",
]

NONE = N_("none")
"""Written for an empty list (the English message id; :func:`none` gives it translated)."""

_ROLES = {
    "department": NC_("role of a node", "department"),
    "client": NC_("role of a node", "client"),
    "supplier": NC_("role of a node", "supplier"),
}
_CLIENT_ROLES = {
    "final": N_("final client"),
    "intermediary": N_("intermediary client"),
}


_NONE_OF = {
    # TRANSLATORS: an empty list of chains ("chains through it: none")
    "chains": NC_("chains", "none"),
    # TRANSLATORS: an empty list of handoffs ("weakest handoffs: none")
    "handoffs": NC_("handoffs", "none"),
    # TRANSLATORS: no department needs more people ("people needed …: none")
    "people": NC_("people", "none"),
}


def none(of: str | None = None) -> str:
    """``none`` in the current language: what an empty list reads as. ``of`` names what
    the list holds (``chains``, ``handoffs``, ``people``) where the word agrees with it
    (Spanish ``ninguna`` for chains)."""
    if of in _NONE_OF:
        return pgettext(of, _NONE_OF[of])  # i18n: N_ table
    return _(NONE)  # i18n: N_ table


def nodes(org: Organization, node_ids: Iterable[str]) -> str:
    """Comma-separated ``Name (id)`` of each node, or ``none``."""
    return ", ".join(org.describe(n) for n in node_ids) or none()


def party_role(party: ExternalParty) -> str:
    """``final client``, ``intermediary client``, ``client`` or ``supplier``, in the current
    language (what :attr:`~clientchain.model.ExternalParty.role_words` says in English)."""
    if party.client_role in _CLIENT_ROLES:
        return _(_CLIENT_ROLES[party.client_role])  # i18n: N_ table
    return node_role(party.role)


def node_role(role: str) -> str:
    """``department``, ``client`` or ``supplier`` in the current language."""
    if role not in _ROLES:
        return role
    return pgettext("role of a node", _ROLES[role])  # i18n: N_ table


def severity_word(severity: object) -> str:
    """A finding's severity as people read it: ``warning``, ``aviso`` in Spanish."""
    return term("severity", str(severity))


def chain_path(org: Organization, chain: Chain) -> str:
    """Display names along the chain: ``Banco → Contenido → Redes → Marcas``."""
    return " → ".join(org.label(n) for n in chain.path)


def hops_text(hops: int | None) -> str:
    """``'1 handoff'``, ``'3 handoffs'`` or ``'none'``."""
    if hops is None:
        return none()
    return plural(hops, "{n} handoff", "{n} handoffs")


def where(file: str, line: int, column: int) -> str:
    """``file:line:col``, or just ``file`` when the position is unknown (line 0)."""
    return f"{file}:{line}:{column}" if line > 0 else file


def finding_line(finding: Finding) -> str:
    """``file:line:col: severity [rule] message``."""
    place = where(finding.file, finding.line, finding.column)
    return f"{place}: {severity_word(finding.severity)} [{finding.rule}] {finding.message}"


def issues_text(issues: Iterable[Issue]) -> str:
    """One input issue per line, as ``file:line:col: key.path: message (hint)``."""
    return "\n".join(str(issue) for issue in issues)


def dumps(document: Mapping[str, Any]) -> str:
    """The project's JSON style: two-space indent, Unicode kept, no trailing newline.

    Every JSON output leaves through here. An infinity that slipped past
    :func:`clientchain.numbers.finite` is refused (``Infinity`` is not JSON).
    """
    return indented_json(document)  # json.dumps(indent=2, ...)'s text, written faster


def finding_dict(finding: Finding | FindingChange) -> dict[str, Any]:
    """``{"rule", "severity", "message", "file", "line", "column", "subject"}``: a finding of
    ``check``, or one that ``diff`` says appeared or was resolved; then a finding's
    ``details`` (``"answers"`` …), when it has any."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    document = {
        "rule": finding.rule,
        "severity": str(finding.severity),
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "subject": finding.subject,
    }
    document.update(getattr(finding, "details", ()))  # a FindingChange has none
    return document


def schema_json(schema: Mapping[str, Any]) -> str:
    """``clientchain schema``."""
    return dumps(schema)
