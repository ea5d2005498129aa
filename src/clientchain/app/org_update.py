"""Survey results written into an org file on disk (``clientchain survey … --update``).

:func:`update_satisfaction_file` reads the file as bytes (so CRLF line endings and a byte
order mark are seen as they are), lets :func:`clientchain.loading.update.update_satisfaction`
edit the text, and writes the result with
:func:`~clientchain.output.files.write_atomic`: a reader sees the old file or the new one,
never half of one, and a file that changed on disk meanwhile is not overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from clientchain.errors import InputError, Issue, UsageError
from clientchain.i18n import _
from clientchain.loading import STDIN, read_file
from clientchain.loading.update import BOM, UpdateResult, update_satisfaction
from clientchain.loading.yaml_source import decode
from clientchain.output.files import write_atomic

__all__ = ["update_satisfaction_file"]


def update_satisfaction_file(
    path: str | os.PathLike[str], updates: Mapping[tuple[str, str], tuple[float, int]]
) -> UpdateResult:
    """Write ``updates`` (``(supplier, client)`` → ``(mean, answers)``) into the org file at
    ``path``; the file is written only when its text changes.

    Raises
    ------
    UsageError
        ``path`` is ``-`` (standard input cannot be updated).
    InputError
        The file cannot be read, is not a valid org file, a handoff cannot be edited in
        place, or the file changed on disk while it was being updated.
    OSError
        The file cannot be written (it is left as it was).
    """
    name = str(path)
    if name == STDIN:
        raise UsageError(_("standard input cannot be updated; give the org file's path"))
    data = _read(name)
    text = decode(data, name)
    if data.startswith(BOM.encode()):
        text = BOM + text
    result = update_satisfaction(text, name, updates)
    if result.changed:
        if _read(name) != data:
            message = _("the file changed while it was being updated; nothing was written")
            raise InputError([Issue(name, 1, 1, message, hint=_("run the update again"))])
        write_atomic(path, result.text)
    return result


def _read(name: str) -> bytes:
    """The file's bytes (:func:`~clientchain.loading.read_file`); what is not a regular file
    (a FIFO, a device) is refused: it cannot be replaced in place."""
    if Path(name).exists() and not Path(name).is_file() and not Path(name).is_dir():
        message = _("not a regular file; only a file can be updated in place")
        raise InputError([Issue(name, 1, 1, message)])
    return read_file(name)
