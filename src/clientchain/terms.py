"""The words for the file format's enumerated values, both ways.

A file says ``kind: operative`` (or, written by a Spanish-speaking consultant, ``kind: operativo``);
the model and every JSON output keep the English value, the one machine contract. People read
the value in their language: :func:`term` gives the word (``operativo`` in a Spanish map).
:data:`SPANISH` lists the Spanish spellings the loader accepts for each field, normalized to the
English value (accents optional: ``retroalimentación`` and ``retroalimentacion``).

>>> from clientchain.i18n import use
>>> with use("es"):
...     term("kind", "operative"), term("period", "week"), term("type", "feedback")
('operativo', 'semana', 'retroalimentación')
>>> term("kind", "operative")
'operative'
>>> english("type", "Retroalimentación"), english("period", "mes"), english("kind", "nada")
('feedback', 'month', None)
"""

from __future__ import annotations

import unicodedata

from clientchain.i18n import NC_, pgettext

__all__ = ["SPANISH", "english", "term"]

# What each enumerated value reads as; the context is the field, since one English word may
# need two Spanish ones. pgettext("kind", "operative") → "operativo".
_WORDS: dict[str, tuple[str, ...]] = {
    "kind": (
        NC_("kind", "executive"),
        NC_("kind", "commercial"),
        NC_("kind", "operative"),
    ),
    "type": (NC_("type", "work"), NC_("type", "information"), NC_("type", "feedback")),
    "role": (NC_("role", "intermediary"), NC_("role", "final")),
    "period": (
        NC_("period", "day"),
        NC_("period", "week"),
        NC_("period", "month"),
        NC_("period", "quarter"),
    ),
    "severity": (NC_("severity", "error"), NC_("severity", "warning"), NC_("severity", "info")),
}

SPANISH: dict[str, dict[str, str]] = {
    "kind": {
        "ejecutivo": "executive",
        "directivo": "executive",
        "dirección": "executive",
        "comercial": "commercial",
        "operativo": "operative",
    },
    "type": {
        "trabajo": "work",
        "información": "information",
        "retroalimentación": "feedback",
    },
    "role": {"intermediario": "intermediary", "final": "final"},
    "period": {"día": "day", "semana": "week", "mes": "month", "trimestre": "quarter"},
    "severity": {"error": "error", "aviso": "warning", "información": "info"},
}
"""Per field, each Spanish spelling and the English value it stands for. Every spelling is also
accepted without its accents and in any case."""


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_LOOKUP: dict[str, dict[str, str]] = {
    field: {_plain(spanish): value for spanish, value in words.items()}
    for field, words in SPANISH.items()
}


def english(field: str, word: str) -> str | None:
    """The English value a Spanish spelling of ``field`` stands for, else ``None``."""
    return _LOOKUP.get(field, {}).get(_plain(word))


def term(field: str, value: str) -> str:
    """How ``value`` of ``field`` (``kind``, ``type``, ``role``, ``period``, ``severity``)
    reads in the current language."""
    if value not in _WORDS.get(field, ()):
        return value
    return pgettext(field, value)  # i18n: NC_ table
