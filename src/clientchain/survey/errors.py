"""What can go wrong reading survey answers: a file that cannot be read, a missing extra.

Both derive from :class:`~clientchain.errors.ClientchainError` (exit 2). Answers that are
read but wrong (an unknown department, a score out of range) are located issues of an
:class:`~clientchain.errors.InputError` instead, all of them at once.
"""

from __future__ import annotations

from clientchain.errors import ClientchainError
from clientchain.i18n import _

__all__ = ["EXTRA", "MissingSpreadsheetError", "SurveyError"]

EXTRA = "clientchain[survey]"
"""The optional dependency group that reads ``.xlsx`` answers (openpyxl)."""


class SurveyError(ClientchainError):
    """A survey file cannot be read: no such file, an unknown format, a missing column."""


class MissingSpreadsheetError(SurveyError):
    """openpyxl, which reads ``.xlsx`` files, is not installed."""

    def __init__(self, source: str) -> None:
        super().__init__(
            _(
                "{source}: reading .xlsx needs openpyxl, which is not installed; "
                "install the extra with: {command} (or save the sheet as CSV)"
            ).format(source=source, command=f"pip install '{EXTRA}'")  # i18n: a command line
        )
