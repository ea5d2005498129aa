"""The versions of an org file over time: its git history, or files given in order.

:func:`git_versions` lists the commits that touched a file (``git log``), keeps the
last commit of each period (month, week or quarter) between ``since`` and ``until``
and reads every kept version's bytes through **one** ``git cat-file --batch`` process,
each with its blob id, so that versions whose content is identical can be loaded
once. :func:`file_versions` takes files in the order given; :func:`folder_versions`
the files of a folder whose names carry a date, in date order.

Periods are labelled ``2026-01`` (month), ``2026-W03`` (ISO week) and ``2026-Q1``
(quarter):

>>> import datetime
>>> day = datetime.date(2026, 1, 14)
>>> period_label(day, "month"), period_label(day, "week"), period_label(day, "quarter")
('2026-01', '2026-W03', '2026-Q1')
>>> parse_when("2026-02"), parse_when("2026-Q2"), parse_when("2026")
(datetime.date(2026, 2, 1), datetime.date(2026, 4, 1), datetime.date(2026, 1, 1))
"""

from __future__ import annotations

import datetime
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from clientchain.errors import InputError, Issue, UsageError
from clientchain.i18n import _
from clientchain.loading.git import GIT_TIMEOUT, split_revision

__all__ = [
    "EVERY",
    "Every",
    "Version",
    "file_versions",
    "folder_versions",
    "git_versions",
    "parse_when",
    "period_label",
]

Every = Literal["month", "week", "quarter"]
EVERY: tuple[Every, ...] = ("month", "week", "quarter")


@dataclass(frozen=True, slots=True)
class Version:
    """One version of the org file: its label, where it comes from, and its bytes.

    ``blob`` is git's blob id (versions with the same id have the same content), or
    empty for a file read from disk; ``data`` is ``None`` when the version cannot be
    read, and ``error`` then says why.
    """

    label: str
    source: str
    data: bytes | None
    blob: str = ""
    commit: str = ""
    date: str = ""
    error: InputError | None = None


def period_label(day: datetime.date, every: Every) -> str:
    """The label of the period ``day`` falls in."""
    if every == "week":
        year, week, _weekday = day.isocalendar()
        return f"{year}-W{week:02d}"
    if every == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


_WHEN = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<q>Q[1-4])|W(?P<w>\d{2})|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?$"
)


def parse_when(text: str) -> datetime.date:
    """The first day of ``2026``, ``2026-03``, ``2026-03-15``, ``2026-Q2`` or ``2026-W10``.

    Raises :class:`~clientchain.errors.UsageError` for anything else.
    """
    found = _WHEN.match(text.strip())
    try:
        if found is None:
            raise ValueError(text)
        year = int(found["y"])
        if found["q"]:
            return datetime.date(year, 3 * int(found["q"][1]) - 2, 1)
        if found["w"]:
            return datetime.date.fromisocalendar(year, int(found["w"]), 1)
        return datetime.date(year, int(found["m"] or 1), int(found["d"] or 1))
    except ValueError:
        message = _(
            "'{value}' is not a date: expected 2026, 2026-03, 2026-03-15, 2026-Q1 or 2026-W10"
        )
        raise UsageError(message.format(value=text)) from None


def git_versions(
    spec: str,
    every: Every = "month",
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> list[Version]:
    """The last version of each period in the git history of ``spec``, oldest first.

    ``spec`` is a path in a git work tree, or ``REV:PATH`` (the history up to ``REV``,
    ``PATH`` relative to the top of the repository). ``since`` and ``until`` are
    included: every commit of the period they fall in counts.

    Raises
    ------
    InputError
        git is missing, the path is not in a repository, or it has no history there.
    UsageError
        ``REV`` starts with ``-``.
    """
    found = split_revision(spec)
    if found is None:
        where = Path(spec).resolve().parent
        top = _git(["rev-parse", "--show-toplevel"], where, spec).strip()
        rev, path = "HEAD", Path(spec).resolve().relative_to(Path(top).resolve()).as_posix()
    else:
        rev, path = found
        if rev.startswith("-"):
            raise UsageError(_("'{spec}': a revision cannot start with '-'").format(spec=spec))
        where = Path.cwd()
        top = _git(["rev-parse", "--show-toplevel"], where, spec).strip()
        if path.startswith("./"):  # relative to the current folder, as git show reads it
            prefix = _git(["rev-parse", "--show-prefix"], where, spec).strip()
            path = prefix + path[2:]
    log = _git(["log", "--format=%H %cI", rev or "HEAD", "--", path], Path(top), spec)
    chosen: dict[str, tuple[str, str]] = {}
    for line in reversed(log.splitlines()):  # oldest first: a later commit replaces
        commit, _sep, stamp = line.partition(" ")
        day = datetime.datetime.fromisoformat(stamp).date()
        key = period_label(day, every)
        if (since and key < period_label(since, every)) or (
            until and key > period_label(until, every)
        ):
            continue
        chosen[key] = (commit, day.isoformat())
    if not chosen:
        message = _("no commit of {path} in the periods asked for").format(path=path)
        raise InputError([Issue(spec, 1, 1, message)])
    blobs = read_blobs([f"{commit}:{path}" for commit, _day in chosen.values()], Path(top))
    return [
        _version(label, f"{commit[:12]}:{path}", blob, commit, day)
        for (label, (commit, day)), blob in zip(chosen.items(), blobs, strict=True)
    ]


def _version(
    label: str, source: str, blob: tuple[str, bytes] | None, commit: str, day: str
) -> Version:
    if blob is None:  # the file did not exist in that commit (deleted there)
        error = InputError([Issue(source, 1, 1, _("the file does not exist in this commit"))])
        return Version(label, source, None, commit=commit, date=day, error=error)
    return Version(label, source, blob[1], blob=blob[0], commit=commit, date=day)


def read_blobs(specs: Sequence[str], cwd: Path) -> list[tuple[str, bytes] | None]:
    """``(blob id, bytes)`` of each ``REV:PATH`` in ``specs`` (``None`` when missing),
    asked of one ``git cat-file --batch`` process."""
    request = "".join(f"{spec}\n" for spec in specs).encode()
    done = _run(["cat-file", "--batch"], cwd, specs[0] if specs else "", request)
    result: list[tuple[str, bytes] | None] = []
    at = 0
    data = done
    for _spec in specs:
        end = data.index(b"\n", at)
        header = data[at:end].decode("utf-8", "replace").split()
        at = end + 1
        if len(header) != 3 or header[1] != "blob":  # "<spec> missing"
            result.append(None)
            continue
        size = int(header[2])
        result.append((header[0], data[at : at + size]))
        at += size + 1  # the content is followed by a newline
    return result


def _git(arguments: list[str], cwd: Path, spec: str) -> str:
    return _run(arguments, cwd, spec).decode("utf-8", "replace")


def _run(arguments: list[str], cwd: Path, spec: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *arguments],
            input=stdin,
            capture_output=True,
            cwd=cwd,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise _error(spec, _("git is not installed, so a revision cannot be read")) from None
    except subprocess.TimeoutExpired:
        raise _error(spec, _("git took too long to answer")) from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[0].strip() if lines else str(done.returncode)
        # TRANSLATORS: {reason} is git's own words (fatal: not a git repository)
        message = _("cannot read its history from git: {reason}").format(reason=reason)
        hint = ""
        if "not a git repository" in reason:  # i18n: git's words
            hint = _("one file is read from its git history; give several files or a folder")
        raise InputError([Issue(spec, 1, 1, message, hint=hint)])
    return done.stdout


def _error(spec: str, message: str) -> InputError:
    return InputError([Issue(spec, 1, 1, message)])


def file_versions(paths: Sequence[str]) -> list[Version]:
    """The files (or ``REV:PATH``) in ``paths``, in that order, labelled by their name."""
    from clientchain.loading.git import read_revision

    versions: list[Version] = []
    for spec in paths:
        found = split_revision(spec)
        try:
            data = read_revision(*found) if found else Path(spec).read_bytes()
        except InputError as exc:
            versions.append(Version(_label(spec), spec, None, error=exc))
            continue
        except OSError as exc:
            # TRANSLATORS: {reason} is the operating system's own words (Permission denied)
            message = _("cannot read the file: {reason}").format(reason=exc.strerror)
            versions.append(Version(_label(spec), spec, None, error=_error(spec, message)))
            continue
        versions.append(Version(_label(spec), spec, data))
    return versions


def _label(spec: str) -> str:
    found = _DATED.search(Path(spec).name)
    return found.group(0) if found else Path(spec.rpartition(":")[2] or spec).stem


_DATED = re.compile(r"\d{4}-(?:Q[1-4]|W\d{2}|\d{2}(?:-\d{2})?)")


def folder_versions(folder: str | Path) -> list[Version]:
    """The org files of ``folder`` whose names carry a date (``org-2026-03.yaml``), by date.

    Raises :class:`~clientchain.errors.UsageError` when no file name carries one.
    """
    dated: list[tuple[datetime.date, str, str]] = []
    for path in Path(folder).iterdir():
        found = _DATED.search(path.name)
        if found and path.suffix.lower() in (".yaml", ".yml", ".json") and path.is_file():
            try:
                dated.append((parse_when(found.group(0)), path.name, str(path)))
            except UsageError:
                continue
    if not dated:
        message = _("no org file in {folder} carries a date in its name (org-2026-03.yaml)")
        raise UsageError(message.format(folder=folder))
    return file_versions([path for _day, _name, path in sorted(dated)])
