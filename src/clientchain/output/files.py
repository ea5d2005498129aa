"""Atomic file writes: a reader sees the old file or the new one, never half of one.

The data goes to a temporary file in the target's directory (same file system),
is flushed to disk, then renamed over the target in one step
(:func:`os.replace`). On any failure the temporary file is removed and the
target is left as it was.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "org.yaml", "version: 1\\n")
>>> (folder / "org.yaml").read_text()
'version: 1\\n'
>>> write_atomic(folder / "org.yaml", "again", replace=False)
Traceback (most recent call last):
...
FileExistsError: [Errno 17] File exists: ...
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["same_file", "write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, replace: bool = True) -> None:
    """Write ``data`` (text is UTF-8 encoded) to ``path`` atomically.

    Parameters
    ----------
    path : str or path-like
        The file to write; its directory must exist.
    data : str or bytes
        The whole new content.
    replace : bool
        When false, refuse to overwrite: :class:`FileExistsError` if ``path``
        exists, even if it appears while writing (the final step is a hard link,
        which never clobbers).

    Raises
    ------
    OSError
        The directory is missing or not writable, the disk is full, or (with
        ``replace=False``) the file exists. The target is untouched.
    """
    target = Path(path)
    if not replace and target.exists():
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        if replace:
            os.replace(temporary, target)
        else:
            _link_no_clobber(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _link_no_clobber(temporary: str, target: Path) -> None:
    """Put ``temporary`` at ``target`` unless it exists (hard link, else a checked rename)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # the file system has no hard links: check, then rename
        if target.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.replace(temporary, target)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0o666 minus the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def same_file(first: str | os.PathLike[str] | int, second: str | os.PathLike[str] | int) -> bool:
    """Whether two paths (or open file descriptors) are one file: same device and inode.

    Symbolic links, ``..`` and hard links are seen through; a path that does not
    exist (or cannot be examined) is no file, so it is the same as nothing.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.yaml").write_text("x")
    >>> same_file(folder / "a.yaml", folder / "." / "a.yaml"), same_file(folder / "a.yaml", folder)
    (True, False)
    """
    try:
        one, other = os.stat(first), os.stat(second)
    except (OSError, ValueError):
        return False
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)
