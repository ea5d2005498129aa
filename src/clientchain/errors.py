"""The exception hierarchy and located input issues.

Everything clientchain raises on purpose derives from :class:`ClientchainError`.
The CLI maps each class to an exit code (see README "Exit codes"); nothing below
the CLI prints or exits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clientchain.i18n import _, ngettext

__all__ = [
    "ClientchainError",
    "InputError",
    "Issue",
    "UsageError",
]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in an input file, with its place.

    ``line`` and ``column`` are 1-based, as editors show them.
    ``path`` is the dotted key path inside the file (``departments.content.capacity``),
    empty when the problem is not inside a key (unreadable YAML, empty file).
    """

    file: str
    line: int
    column: int
    message: str
    path: str = ""
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ClientchainError(Exception):
    """Root of every error clientchain raises on purpose."""


class UsageError(ClientchainError):
    """The request cannot be carried out as asked (unknown department, bad option value)."""


class InputError(ClientchainError):
    """An input file could not be read or is not a valid org file.

    Holds every :class:`Issue` found, sorted by position, not only the first.
    """

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: list[Issue] = sorted(
            issues, key=lambda i: (i.file, i.line, i.column, i.message)
        )
        first = str(self.issues[0]) if self.issues else _("invalid input")
        more = len(self.issues) - 1
        if more > 0:
            # TRANSLATORS: {first} is the first problem found in a file (a whole located message)
            first = ngettext("{first} (and {n} more)", "{first} (and {n} more)", more).format(
                first=first, n=more
            )
        super().__init__(first)
