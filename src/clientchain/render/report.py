"""The report as text: HTML (self-contained, diagrams as inline SVG laid out by the
engine) or Markdown (diagrams as Mermaid, which GitHub and GitLab draw).

The content is gathered by :func:`clientchain.app.report.build_report`.
"""

from __future__ import annotations

from pathlib import Path

from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.render.html import report_html
from clientchain.render.markdown import report_markdown
from clientchain.render.report_data import ReportData

__all__ = ["REPORT_FORMATS", "report_format", "report_text"]

REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def report_format(output: str | Path) -> str:
    """``html`` or ``md`` from the extension of ``output``; :class:`UsageError` otherwise.

    >>> report_format("informe.HTML"), report_format("informe.md")
    ('html', 'md')
    """
    suffix = Path(output).suffix.lower()
    if suffix not in REPORT_FORMATS:
        raise UsageError(
            _("a report is .html or .md, not {output}").format(output=repr(str(output)))
        )
    return REPORT_FORMATS[suffix]


def report_text(data: ReportData, fmt: str) -> str:
    """The report in ``fmt`` (``html`` or ``md``)."""
    return report_html(data) if fmt == "html" else report_markdown(data)
