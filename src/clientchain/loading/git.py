"""Read an org file as it is in a git revision: ``REV:PATH`` (``main:org.yaml``).

``PATH`` is relative to the top of the repository, as git reads it (``./org.yaml``
is relative to the current folder); ``REV`` is anything ``git show`` accepts: a
branch, tag, commit, ``HEAD~1``, ``origin/main`` (or nothing: ``:org.yaml`` is
the staged version). A spec that names an existing file is that file, even with
a colon in its name.

>>> split_revision("main:org.yaml"), split_revision("org.yaml")
(('main', 'org.yaml'), None)
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from clientchain.errors import InputError, Issue, UsageError
from clientchain.i18n import _
from clientchain.loading import STDIN, load_file, load_text
from clientchain.model import Organization
from clientchain.numbers import num

__all__ = ["GIT_TIMEOUT", "load_version", "read_revision", "split_revision"]

GIT_TIMEOUT = 60.0
"""Seconds ``git show`` may take."""


def split_revision(spec: str) -> tuple[str, str] | None:
    """``(rev, path)`` when ``spec`` reads as ``REV:PATH`` and is not a file; else ``None``."""
    if spec == STDIN or ":" not in spec or Path(spec).exists():
        return None
    rev, _, path = spec.partition(":")
    if not path or (len(rev) == 1 and rev.isalpha() and path[:1] in ("\\", "/")):
        return None  # 'C:\\org.yaml' is a Windows path, not a revision
    return rev, path


def load_version(spec: str) -> Organization:
    """The organization in ``spec``: a file, ``-`` (standard input) or ``REV:PATH`` from git.

    Raises
    ------
    InputError
        The file or revision cannot be read, or is not a valid org file.
    UsageError
        ``REV`` starts with ``-`` (it would be read as an option of git).
    """
    found = split_revision(spec)
    if found is None:
        return load_file(spec)
    return load_text(read_revision(*found), spec)


def read_revision(rev: str, path: str, cwd: str | Path | None = None) -> bytes:
    """The bytes of ``path`` at ``rev``, read with ``git show REV:PATH``."""
    spec = f"{rev}:{path}"
    if rev.startswith("-"):
        raise UsageError(_("'{spec}': a revision cannot start with '-'").format(spec=spec))
    try:
        done = subprocess.run(
            ["git", "show", spec],
            capture_output=True,
            cwd=cwd,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise _error(spec, _("git is not installed, so a revision cannot be read")) from None
    except subprocess.TimeoutExpired:
        message = _("git show took more than {seconds} s").format(seconds=num(GIT_TIMEOUT))
        raise _error(spec, message) from None
    if done.returncode != 0:
        message = _first_line(done.stderr) or _("git show exited with {code}").format(
            code=done.returncode
        )
        # TRANSLATORS: {reason} is git's own words (fatal: invalid object name 'x')
        text = _("cannot read it from git: {reason}").format(reason=message)
        raise _error(spec, text, _hint(message, rev))
    return done.stdout


def _error(spec: str, message: str, hint: str = "") -> InputError:
    return InputError([Issue(spec, 1, 1, message, hint=hint)])


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0].strip() if lines else ""


def _hint(message: str, rev: str) -> str:
    """The hint for what git said (its words are matched as git writes them in English)."""
    if "not a git repository" in message:  # i18n: git's words
        return _("run clientchain inside the repository, or give a file path")
    # i18n: git's words
    if "exists on disk, but not in" in message or "does not exist in" in message:
        return _("the path is relative to the top of the repository; './' makes it relative here")
    # i18n: git's words
    if "invalid object name" in message or "unknown revision" in message:
        return _("is '{rev}' a branch, tag or commit? ('git fetch' may be missing in CI)").format(
            rev=rev
        )
    return ""
