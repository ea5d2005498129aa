"""Writing output files: a reader sees the old file or the new one, never half of one.

:func:`write_atomic` decides by what the path names:

* a new path, or an existing regular file: the data goes to a temporary file in
  the target's directory (same file system), is flushed to disk, then renamed
  over the target in one step (:func:`os.replace`). On any failure the
  temporary file is removed and the target is left as it was. An existing file
  keeps its permissions; a read-only one is refused, not replaced.
* a symbolic link: what it points to is written by these same rules, and the
  link stays a link (a dangling link creates the file it points to).
* a FIFO, a device, or a path through ``/dev/stdout``, ``/dev/fd/N`` or
  ``/proc/…/fd/N``: written straight through, appended to what is there, never
  replaced (no temporary file next to it). A FIFO is waited on until a program
  reads it, as a shell redirection does.
* a directory: refused.

Every error names the path as the caller gave it, never a temporary file.

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
import re
import stat
import tempfile
from pathlib import Path

from clientchain.i18n import _

__all__ = ["same_file", "write_atomic"]

_STREAM_PATH = re.compile(r"/dev/(?:std(?:in|out|err)|fd/\d+)|/proc/(?:self|\d+)/fd/\d+")
"""Paths that name an open descriptor of a process: written through, never replaced."""

_MAX_LINKS = 40
"""Symbolic links followed when looking for a descriptor path (the kernel's own limit)."""


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, replace: bool = True) -> None:
    """Write ``data`` (text is UTF-8 encoded) to ``path``; atomically when it is a file.

    Parameters
    ----------
    path : str or path-like
        The file to write; its directory must exist. See the module's
        documentation for links, FIFOs and devices.
    data : str or bytes
        The whole new content.
    replace : bool
        When false, refuse to overwrite: :class:`FileExistsError` if ``path``
        exists, even if it appears while writing (the final step is a hard link,
        which never clobbers).

    Raises
    ------
    OSError
        The directory is missing or not writable, the disk is full, ``path`` is
        a directory or a read-only file, or (with ``replace=False``) it exists.
        The target is untouched; the error's ``filename`` is ``path`` as given.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        _write(Path(path), payload, replace)
    except OSError as exc:
        if exc.filename == str(path) and exc.filename2 is None:
            raise
        raise type(exc)(exc.errno, exc.strerror or str(exc), str(path)) from exc


def _write(target: Path, payload: bytes, replace: bool) -> None:
    try:
        found: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        found = None  # a new file, or a link to one
    if found is not None:
        if not replace:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
        if stat.S_ISDIR(found.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        if not stat.S_ISREG(found.st_mode) or _names_a_descriptor(target):
            _write_through(target, payload)
            return
        if not os.access(target, os.W_OK) or not found.st_mode & 0o222:
            message = _("read-only file, not overwritten")
            raise PermissionError(errno.EACCES, message, str(target))
    destination = Path(os.path.realpath(target)) if target.is_symlink() else target
    _replace(destination, payload, replace, found)


def _replace(target: Path, payload: bytes, replace: bool, found: os.stat_result | None) -> None:
    """The atomic write proper: a temporary file renamed (or linked) over ``target``."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(found))
        if replace:
            os.replace(temporary, target)
        else:
            _link_no_clobber(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _write_through(target: Path, payload: bytes) -> None:
    """Write to a FIFO, device or open descriptor as it is: appended, never replaced.

    A FIFO is opened as a shell redirection opens it: waiting for a reader.
    """
    descriptor = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_NOCTTY)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def _names_a_descriptor(target: Path) -> bool:
    """Whether ``target``, or a link on the way to its file, is ``/dev/stdout`` and the like."""
    current = os.path.abspath(target)
    for _link in range(_MAX_LINKS):
        if _STREAM_PATH.fullmatch(os.path.normpath(current)):
            return True
        if not os.path.islink(current):
            return False
        current = os.path.join(os.path.dirname(current), os.readlink(current))
    return False


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


def _mode_for(found: os.stat_result | None) -> int:
    """Keep an existing file's permissions; a new file gets 0o666 minus the umask."""
    if found is not None:
        return stat.S_IMODE(found.st_mode)
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
