"""The report as GitHub/GitLab-flavoured Markdown with Mermaid diagrams.

Text from the org file goes through :func:`md_text`: ``& < >`` become HTML
entities (no tag, comment or CDATA can open), Markdown punctuation gets a
backslash (no emphasis, link, heading or table cell can be started by a label),
and newlines become ``<br>``. Diagrams are fenced ```` ```mermaid ```` blocks
written by :mod:`clientchain.render.mermaid`, whose labels never contain a backtick.

>>> md_text("a|b *c* <d> [e](f)")
'a\\\\|b \\\\*c\\\\* &lt;d&gt; \\\\[e\\\\]\\\\(f\\\\)'
"""

from __future__ import annotations

import re

from clientchain.i18n import _
from clientchain.numbers import per_period
from clientchain.output.survey import period_tables, survey_summary
from clientchain.render.distribution_svg import distribution_markdown
from clientchain.render.dot import clean_text
from clientchain.render.mermaid import to_mermaid
from clientchain.render.report_data import Figure, ReportData, executive_sentences
from clientchain.render.story import AFTER_CHAINS, CHAINS, sipoc_tables
from clientchain.render.tables import Section, Table, summary_table
from clientchain.render.trend_section import trend_markdown_section
from clientchain.render.vsm_table import timeline_table

__all__ = ["md_text", "report_markdown"]

_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md_text(text: str) -> str:
    """``text`` safe in a Markdown paragraph, heading or table cell."""
    text = clean_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _PUNCTUATION.sub(r"\\\1", text).replace("\n", "<br>")


def _table(table: Table) -> list[str]:
    lines = [
        "| " + " | ".join(md_text(h) for h in table.headers) + " |",
        "|" + "---|" * len(table.headers),
    ]
    lines += ["| " + " | ".join(md_text(c) for c in row) + " |" for row in table.rows]
    return lines if table.rows else [md_text(_("none"))]


def _figure(figure: Figure) -> list[str]:
    caption = [md_text(line) for line in figure.diagram.caption]
    return ["```mermaid", to_mermaid(figure.diagram).rstrip("\n"), "```", "", *caption]


def _section(section: Section, data: ReportData) -> list[str]:
    return ["", f"## {section.title}", "", *_table(section.table(data))]


def _executive(data: ReportData) -> list[str]:
    """The executive summary as a numbered list under its heading (nothing without one)."""
    sentences = executive_sentences(data)
    if not sentences:
        return []
    heading = _("Executive summary")
    numbered = [f"{rank}. {md_text(s)}" for rank, s in enumerate(sentences, start=1)]
    return [f"## {heading}", "", *numbered, ""]


def _survey(data: ReportData) -> list[str]:
    """The internal-customer survey: a table a period, then the comments (none without one)."""
    if data.survey is None:
        return []
    lines = [
        "",
        "## " + md_text(_("Internal-customer survey")),
        "",
        md_text(survey_summary(data.survey)),
    ]
    for table in period_tables(data.survey):
        lines += ["", f"### {md_text(table.heading)}", "", *_table(Table(table.header, table.rows))]
        for name, comments in table.comments:
            lines += ["", f"**{md_text(name)}**", ""]  # i18n: Markdown syntax
            lines += [f"- {md_text(comment)}" for comment in comments]
    return lines


def report_markdown(data: ReportData) -> str:
    """The report in the story's order (:mod:`clientchain.render.story`), as the HTML one."""
    org = data.org
    # TRANSLATORS: the line under the report's heading: {per_period} is "per week"…
    meta = _("Internal customer chain, {per_period} · clientchain {version}").format(
        per_period=per_period(org.period), version=data.version
    )
    summary_heading, diagram_heading = _("Summary"), _("Overview")
    lines = [f"# {md_text(org.name)}", "", meta]
    lines += [
        "",
        *_executive(data),
        f"## {summary_heading}",
        "",
        *_table(summary_table(data)),
        "",
        f"## {diagram_heading}",
        "",
        *_figure(data.figure),
    ]
    lines += _section(CHAINS, data)
    for (chain_id, chain), figure in zip(data.org.chains.items(), data.chain_figures, strict=True):
        lines += ["", f"### {md_text(chain.name)}", "", *_figure(figure)]
        timeline, totals = timeline_table(data.org, data.flow, chain_id)
        lines += ["", *_table(timeline), "", md_text(totals)]
    # 4. the charts (issue 16, item 4) go here
    for section in AFTER_CHAINS:
        lines += _section(section, data)
        if section.anchor == "quality":  # then the survey, then each department's SIPOC
            lines += _survey(data)
            lines += ["", "## SIPOC"]  # i18n: SIPOC, a method's name
            for name, table in sipoc_tables(data):
                lines += ["", f"### {md_text(name)}", "", *_table(table)]
        if section.anchor == "lead-time" and data.simulation is not None:  # the simulation
            lines += distribution_markdown(org, data.simulation, data.distributions, md_text)
    if data.trend is not None:
        lines += trend_markdown_section(data.trend, md_text)
    return "\n".join(lines) + "\n"
