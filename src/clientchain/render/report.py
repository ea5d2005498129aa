"""``clientchain report``: gather what the report shows, then write it as HTML or Markdown.

The content is built by :func:`~clientchain.render.report_data.build_report`; the HTML
report embeds the diagrams as inline SVG laid out by the engine; the Markdown
report embeds them as Mermaid, which GitHub and GitLab draw.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from clientchain.errors import UsageError
from clientchain.model import Organization
from clientchain.output.files import write_atomic
from clientchain.render.engine import Engine
from clientchain.render.html import report_html
from clientchain.render.markdown import report_markdown
from clientchain.render.report_data import build_report
from clientchain.render.views import DiagramOptions
from clientchain.render.written import Written

__all__ = ["REPORT_FORMATS", "write_report"]

REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def write_report(
    org: Organization,
    graph: nx.DiGraph,
    output: str | Path,
    options: DiagramOptions | None = None,
    engine: Engine | None = None,
) -> Written:
    """Write the report to ``output``: ``.html`` (self-contained) or ``.md`` (Mermaid).

    Raises
    ------
    UsageError
        ``output`` has another extension.
    RenderError
        HTML only: no engine to lay out the SVG, or the engine failed.
    """
    suffix = Path(output).suffix.lower()
    if suffix not in REPORT_FORMATS:
        raise UsageError(f"a report is .html or .md, not {str(output)!r}")
    fmt = REPORT_FORMATS[suffix]
    data = build_report(org, graph, options or DiagramOptions(), svg=fmt == "html", engine=engine)
    text = report_html(data) if fmt == "html" else report_markdown(data)
    write_atomic(output, text)
    figures = (data.figure, *data.chain_figures)
    counts = {"diagrams": len(figures), "findings": len(data.overview.findings)}
    warnings = tuple(w for f in figures for w in f.diagram.warnings)
    used = None if fmt == "md" else (engine or "graphviz-pure")
    return Written(str(output), fmt, used, counts, warnings)
