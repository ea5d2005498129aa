"""``check``: plain text, the stderr summary, and JSON.

One finding per line, ``file:line:col: severity [rule] message``; the terminal variant
is :mod:`clientchain.output.check_rich`, the CI formats are
:mod:`~clientchain.output.check_github`, :mod:`~clientchain.output.check_sarif` and
:mod:`~clientchain.output.check_junit`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clientchain.numbers import plural
from clientchain.output.common import dumps, finding_dict, finding_line

if TYPE_CHECKING:
    from clientchain.output.reports import CheckRun

__all__ = ["check_json", "check_summary", "check_text"]


def check_text(run: CheckRun) -> str:
    """``clientchain check`` report: one finding per line, input errors included."""
    return "\n".join(finding_line(f) for f in run.reported())


def check_summary(run: CheckRun) -> str:
    """The one-line summary ``check`` writes to stderr."""
    counts = run.counts()
    files = plural(counts["files"], "file")
    found = [
        plural(counts["errors"], "error"),
        plural(counts["warnings"], "warning"),
        plural(counts["infos"], "info", "info"),
    ]
    text = f"checked {files}: {', '.join(found)}"
    if run.unreadable:
        text += f"; {plural(run.unreadable, 'file')} could not be read"
    return text


def check_json(run: CheckRun) -> str:
    """``clientchain check --format json``: findings of every file, then the summary."""
    return dumps(
        {
            "findings": [finding_dict(f) for f in run.reported()],
            "summary": run.counts(),
        }
    )
