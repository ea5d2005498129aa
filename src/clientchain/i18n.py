"""The language of every human-facing text: choosing it, and the message catalog.

Every sentence a person reads leaves through :func:`_` (or :func:`ngettext` when it
counts something), so a second language is a catalog, not a rewrite. The source
language is English: the English text *is* the message id, and English needs no
catalog at all. Spanish comes from ``locale/es/LC_MESSAGES/clientchain.mo``, compiled
from the ``.po`` file next to it (``make i18n`` extracts, updates and compiles them with
Babel); it is read with the standard library's :mod:`gettext` the first time a Spanish
text is asked for, so an English run loads no catalog.

Which language (docs/commands.md "Language"), first that applies:

1. ``--lang es|en`` on the command line;
2. ``language: es|en`` in the org file the command reads (the first that states one);
3. the locale: ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG`` (``es_ES.UTF-8`` → ``es``);
4. English.

The language lives in a :class:`contextvars.ContextVar`, so a library user can write
Spanish in one thread and English in another; :func:`use` sets it for a block.

>>> with use("es"):
...     _("unknown"), ngettext("{n} person", "{n} people", 2).format(n=2)
('desconocido', '2 personas')
>>> _("unknown")
'unknown'

Text decided at import time (a table of captions) is marked with :func:`N_` and
translated where it is shown: ``_(CAPTIONS[key])``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import gettext as _gettext

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "NC_",
    "N_",
    "Language",
    "Setting",
    "_",
    "adopt",
    "choose",
    "current",
    "from_environment",
    "ngettext",
    "pgettext",
    "use",
]

Language = Literal["en", "es"]

LANGUAGES: tuple[Language, ...] = ("en", "es")
"""The languages clientchain speaks; ``language:`` and ``--lang`` take these."""

DEFAULT: Language = "en"
"""The language when neither the command line, the file nor the locale says one."""

DOMAIN = "clientchain"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Read in this order, as POSIX does for messages; the first that is set and not empty wins."""


@dataclass(frozen=True, slots=True)
class Setting:
    """The language in force, and whether it was asked for on the command line
    (``explicit``: a file's ``language:`` does not override it) or taken from a file
    (``adopted``: a second file's ``language:`` does not change it)."""

    language: Language = DEFAULT
    explicit: bool = False
    adopted: bool = False


_SETTING: ContextVar[Setting] = ContextVar("clientchain_language", default=Setting())  # noqa: B039 - frozen


def current() -> Language:
    """The language texts are written in now."""
    return _SETTING.get().language


def choose(requested: str | None, environ: Mapping[str, str] | None = None) -> None:
    """Set the language of this run: ``requested`` (``--lang``) when given, else the
    locale (:func:`from_environment`). A file read later may still :func:`adopt` its own
    language unless ``requested`` was given."""
    if requested is not None:
        _SETTING.set(Setting(parse(requested), explicit=True))
    else:
        _SETTING.set(Setting(from_environment(environ)))


def adopt(language: str | None) -> None:
    """Speak the org file's ``language:`` from now on, unless ``--lang`` was given or an
    earlier file already chose (a command reading several files speaks the first one's)."""
    setting = _SETTING.get()
    if language is None or setting.explicit or setting.adopted:
        return
    _SETTING.set(Setting(parse(language), adopted=True))


@contextmanager
def use(language: str) -> Iterator[None]:
    """Write in ``language`` inside the block (as if ``--lang`` had said it)."""
    token = _SETTING.set(Setting(parse(language), explicit=True))
    try:
        yield
    finally:
        _SETTING.reset(token)


def parse(language: str) -> Language:
    """``'es'`` from ``'es'``, ``'ES'``, ``'es_ES.UTF-8'`` or ``'es-MX'``; a language
    clientchain does not speak raises ``ValueError``."""
    code = language.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    for known in LANGUAGES:
        if code == known:
            return known
    raise ValueError(language)


def from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """The language of the locale: the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``
    that is set; English for ``C``, ``POSIX`` or a language clientchain does not speak.

    >>> from_environment({"LANG": "es_AR.UTF-8"}), from_environment({"LC_ALL": "C", "LANG": "es"})
    ('es', 'en')
    """
    env = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = env.get(variable)
        if value:
            try:
                return parse(value)
            except ValueError:
                return DEFAULT
    return DEFAULT


@cache
def _catalog(language: Language) -> _gettext.GNUTranslations:
    """The compiled catalog of ``language``, read once; English never asks for one."""
    import gettext as _gettext  # only a run that speaks another language pays for it

    # A missing catalog is a broken install: fail loudly rather than speak English.
    with open(LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as mo:
        return _gettext.GNUTranslations(mo)


def _(message: str) -> str:
    """``message`` in the current language (the English text is the message id)."""
    language = _SETTING.get().language
    if language == DEFAULT:
        return message
    return _catalog(language).gettext(message)


def ngettext(singular: str, plural: str, count: float) -> str:
    """The form of ``singular``/``plural`` for ``count`` in the current language.

    A count that is not a whole number takes the plural form in both languages
    (``1.5 months``, ``1,5 meses``).
    """
    n = int(count) if float(count).is_integer() else 2
    language = _SETTING.get().language
    if language == DEFAULT:
        return singular if n == 1 else plural
    return _catalog(language).ngettext(singular, plural, n)  # i18n: the catalog itself


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (one English word, two Spanish ones)."""
    language = _SETTING.get().language
    if language == DEFAULT:
        return message
    return _catalog(language).pgettext(context, message)  # i18n: the catalog itself


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (import-time tables)."""
    return message


def NC_(context: str, message: str) -> str:
    """Mark ``message`` in ``context`` for the catalog (for :func:`pgettext` later)."""
    del context
    return message
