"""``check``: plain text, the stderr summary, and JSON.

One finding per line, ``file:line:col: severity [rule] message``; the terminal variant
is :mod:`clientchain.output.check_rich`, the CI formats are
:mod:`~clientchain.output.check_github`, :mod:`~clientchain.output.check_sarif` and
:mod:`~clientchain.output.check_junit`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clientchain.i18n import ngettext
from clientchain.numbers import num, plural
from clientchain.output.common import dumps, finding_dict, finding_line

if TYPE_CHECKING:
    from clientchain.output.reports import CheckRun

__all__ = ["check_json", "check_summary", "check_text"]


def check_text(run: CheckRun) -> str:
    """``clientchain check`` report: one finding per line, input errors included."""
    return "\n".join(finding_line(f) for f in run.reported())


def check_summary(run: CheckRun) -> str:
    """The one-line summary ``check`` writes to stderr, in the current language:
    ``checked 2 files: 1 error, 0 warnings, 3 info; 1 file could not be read``."""
    counts = run.counts()
    found = ", ".join(
        [
            plural(counts["errors"], "{n} error", "{n} errors"),
            plural(counts["warnings"], "{n} warning", "{n} warnings"),
            # TRANSLATORS: findings of severity info, "3 info"
            plural(counts["infos"], "{n} info", "{n} info"),
        ]
    )
    files = counts["files"]
    # TRANSLATORS: findings is "1 error, 0 warnings, 3 info"
    text = ngettext("checked {n} file: {findings}", "checked {n} files: {findings}", files)
    text = text.format(n=num(files), findings=found)
    if run.unreadable:
        text += "; " + plural(
            run.unreadable, "{n} file could not be read", "{n} files could not be read"
        )
    return text


def check_json(run: CheckRun) -> str:
    """``clientchain check --format json``: findings of every file, then the summary."""
    return dumps(
        {
            "findings": [finding_dict(f) for f in run.reported()],
            "summary": run.counts(),
        }
    )
