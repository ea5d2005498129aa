"""``check`` on a terminal: the finding lines, severities in colour (plain: :mod:`.check`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from clientchain.output.common import where
from clientchain.output.rich_common import SEVERITY_STYLE, render
from clientchain.terms import term

if TYPE_CHECKING:
    from clientchain.checks import Finding
    from clientchain.output.reports import CheckRun

__all__ = ["check_rich"]


def check_rich(run: CheckRun, width: int) -> str:
    """``clientchain check``: the finding lines, severities in colour."""
    lines = [_finding_text(f) for f in run.reported()]
    return render(lines, width) if lines else ""


def _finding_text(finding: Finding) -> Text:
    severity = str(finding.severity)  # the style's key; people read term(): "aviso"
    return Text.assemble(
        f"{where(finding.file, finding.line, finding.column)}: ",
        (term("severity", severity), SEVERITY_STYLE.get(severity, "")),
        f" [{finding.rule}] ",
        finding.message,
    )
