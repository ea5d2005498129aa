"""What can go wrong while discovering: a log that cannot be read, a missing engine.

Both derive from :class:`~clientchain.errors.ClientchainError`, so the CLI's one
error handler turns them into one line on stderr and exit code 2.
"""

from __future__ import annotations

from clientchain.errors import ClientchainError
from clientchain.i18n import _

__all__ = ["EXTRA", "DiscoverError", "MissingEngineError"]

EXTRA = "clientchain[discover]"
"""The optional dependency group that installs the discover engine (DuckDB)."""


class DiscoverError(ClientchainError):
    """An event log cannot be read: no such file, a missing or unparsable column, bad XML."""


class MissingEngineError(DiscoverError):
    """DuckDB, the engine ``discover`` runs on, is not installed."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "discover needs DuckDB, which is not installed; install the extra with: {command}"
            ).format(command=f"pip install '{EXTRA}'")  # i18n: a command line
        )
