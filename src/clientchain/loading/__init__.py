"""Reading org files: YAML with positions → checked, typed :class:`~clientchain.model.Organization`.

A file is reported on in the language its ``language:`` states (:mod:`.language`).

A file whose first character is ``{`` may be JSON, which YAML reads too: it goes
through :mod:`.json_source` (faster, the same tree), and through YAML when that
path declines, so the messages are always YAML's.

>>> org = load_text("version: 1\\ndepartments: {no: {name: Nordic}}\\n", "org.yaml")
>>> list(org.departments), org.departments["no"].name
(['no'], 'Nordic')
"""

from __future__ import annotations

import sys
from pathlib import Path

from clientchain.errors import InputError, Issue
from clientchain.gc_pause import gc_paused
from clientchain.i18n import _
from clientchain.loading.json_source import compose_json, looks_like_json
from clientchain.loading.language import in_language_of
from clientchain.loading.parse import parse_org
from clientchain.loading.yaml_source import Node, compose_lenient, decode, read_limited
from clientchain.model import Organization

__all__ = ["STDIN", "load_file", "load_text", "read_file"]

STDIN = "-"
"""The path that means standard input."""


def load_text(text: str | bytes, source: str = "<org>") -> Organization:
    """The organization in ``text``; ``source`` names it in messages.

    Raises :class:`~clientchain.errors.InputError` listing every problem found, written in
    the language the file's ``language:`` states unless one was chosen before
    (:func:`clientchain.i18n.use`, ``--lang``).
    """
    return in_language_of(text, lambda: _load_text(text, source))


def _load_text(text: str | bytes, source: str) -> Organization:
    if isinstance(text, bytes):
        text = decode(text, source)
    elif text.startswith("\ufeff"):
        text = text[1:]
    stem = Path(source).stem if source not in (STDIN, "<stdin>", "<org>") else "Organization"
    with gc_paused():  # a tree of many small objects and no cycles
        root: Node | None = compose_json(text) if looks_like_json(text) else None
        issues: list[Issue] = []
        if root is None:
            root, issues = compose_lenient(text, source)
        return parse_org(root, source, stem, issues)


def load_file(path: str | Path) -> Organization:
    """The organization in the file at ``path``; ``-`` reads standard input.

    What is not a regular file (standard input from a pipe, a FIFO, a device) is
    read up to :data:`~clientchain.loading.yaml_source.MAX_STREAM_BYTES`.
    """
    if str(path) == STDIN:
        if sys.stdin is None:  # the process started with descriptor 0 closed
            raise InputError([Issue("<stdin>", 1, 1, _("standard input is closed"))])
        return load_text(read_limited(sys.stdin.buffer, "<stdin>"), "<stdin>")
    return load_text(read_file(path), str(path))


def read_file(path: str | Path) -> bytes:
    """The bytes of the file at ``path`` (up to
    :data:`~clientchain.loading.yaml_source.MAX_STREAM_BYTES` when it is not a regular file).

    Raises
    ------
    InputError
        No such file, a directory, or the operating system's reason it cannot be read.
    """
    name = str(path)
    try:
        with open(path, "rb") as stream:
            return read_limited(stream, name)
    except FileNotFoundError:
        raise InputError([Issue(name, 1, 1, _("no such file"))]) from None
    except IsADirectoryError:
        message = _("this is a directory, not an org file")
        raise InputError([Issue(name, 1, 1, message)]) from None
    except OSError as exc:
        # TRANSLATORS: {reason} is the operating system's own words (Permission denied)
        message = _("cannot read the file: {reason}").format(reason=exc.strerror)
        raise InputError([Issue(name, 1, 1, message)]) from None
