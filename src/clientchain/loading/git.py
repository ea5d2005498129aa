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
from clientchain.loading import STDIN, load_file, load_text
from clientchain.model import Organization

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
        raise UsageError(f"'{spec}': a revision cannot start with '-'")
    try:
        done = subprocess.run(
            ["git", "show", spec],
            capture_output=True,
            cwd=cwd,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise _error(spec, "git is not installed, so a revision cannot be read") from None
    except subprocess.TimeoutExpired:
        raise _error(spec, f"git show took more than {GIT_TIMEOUT:g} s") from None
    if done.returncode != 0:
        message = _first_line(done.stderr) or f"git show exited with {done.returncode}"
        raise _error(spec, f"cannot read it from git: {message}", _hint(message, rev))
    return done.stdout


def _error(spec: str, message: str, hint: str = "") -> InputError:
    return InputError([Issue(spec, 1, 1, message, hint=hint)])


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0].strip() if lines else ""


def _hint(message: str, rev: str) -> str:
    if "not a git repository" in message:
        return "run clientchain inside the repository, or give a file path"
    if "exists on disk, but not in" in message or "does not exist in" in message:
        return "the path is relative to the top of the repository; './' makes it relative here"
    if "invalid object name" in message or "unknown revision" in message:
        return f"is '{rev}' a branch, tag or commit? ('git fetch' may be missing in CI)"
    return ""
