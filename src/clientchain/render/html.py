"""The report as one self-contained HTML page.

Inline CSS and inline SVG, nothing else: no script, no font, no image, no link
to fetch. A Content-Security-Policy (``default-src 'none'``) makes that a
promise the browser keeps, so the page works offline from a USB stick and no
label can run a script even if it slipped through. Every text from the org
file has its control characters shown visibly (``\\x1b``, as on a terminal:
:func:`~clientchain.controls.visible`), then is escaped with :func:`html.escape`;
the SVGs are the engine's output of DOT whose labels were escaped
(:mod:`clientchain.render.dot`). Print styles keep figures and table rows whole.
"""

from __future__ import annotations

import html

from clientchain.controls import visible
from clientchain.i18n import _, current
from clientchain.numbers import per_period
from clientchain.render.charts_svg import charts_section
from clientchain.render.report_data import Figure, ReportData
from clientchain.render.tables import SECTIONS, Table, finding_table, summary_table

__all__ = ["CSP", "report_html"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""Nothing may be fetched; only the inline styles (and data: images) apply."""

# i18n: CSS, machine text
_CSS = """
:root { color-scheme: light; --ink: #1f2937; --muted: #6b7280; --line: #d1d5db; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: var(--ink);
  margin: 2rem auto; max-width: 80rem; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; }
.meta { color: var(--muted); margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left;
  vertical-align: top; white-space: pre-line; }
th { background: #f3f4f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1rem 0; border: 1px solid var(--line); padding: .5rem; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
figcaption { color: var(--muted); font-size: .9rem; white-space: pre-line; }
table.matrix th { white-space: normal; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.4rem;
  color: var(--muted); font-size: .9rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border: 1px solid var(--line);
  margin-right: .4rem; vertical-align: -.1rem; }
.severity-error { color: #b91c1c; font-weight: bold; }
.severity-warning { color: #a16207; font-weight: bold; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  figure, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  figure { overflow: visible; border: none; }
}
"""


def _e(text: str) -> str:
    r"""``text`` for the page: control characters shown visibly (``\x1b``), then HTML-escaped."""
    return html.escape(visible(text), quote=True)


def _table(table: Table, numeric: frozenset[int] = frozenset()) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in table.headers)
    rows = []
    for row in table.rows:
        cells = "".join(
            f'<td class="num">{_e(c)}</td>' if i in numeric else f"<td>{_e(c)}</td>"
            for i, c in enumerate(row)
        )
        rows.append(f"<tr>{cells}</tr>")
    none = _e(_("none"))  # Babel does not extract _() inside an f-string
    empty = f'<tr><td colspan="{len(table.headers)}">{none}</td></tr>'  # i18n: HTML
    body = "\n".join(rows) or empty
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _figure(figure: Figure) -> str:
    caption = "\n".join((figure.diagram.title, *figure.diagram.caption))
    return f"<figure>\n{figure.svg}\n<figcaption>{_e(caption)}</figcaption>\n</figure>"


def _findings(data: ReportData) -> str:
    table = finding_table(data)
    if not table.rows:
        no_findings = _("No findings.")
        return f"<p>{_e(no_findings)}</p>"
    # the class names the severity in English (the style sheet's), the cell in the language
    severities = (str(finding.severity) for finding in data.overview.findings)
    rows = "\n".join(
        f'<tr><td class="severity-{_e(css)}">{_e(sev)}</td><td>{_e(rule)}</td>'  # i18n: HTML
        f"<td>{_e(where)}</td><td>{_e(message)}</td></tr>"
        for css, (sev, rule, where, message) in zip(severities, table.rows, strict=True)
    )
    head = "".join(f"<th>{_e(h)}</th>" for h in table.headers)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


def report_html(data: ReportData) -> str:
    """The whole page: summary, diagram, who serves whom, clients, chains, bottlenecks, findings."""
    org = data.org
    summary = summary_table(data)
    summary_rows = "\n".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in summary.rows)
    chains = "\n".join(f"<h3>{_e(f.diagram.title)}</h3>\n{_figure(f)}" for f in data.chain_figures)
    # TRANSLATORS: the title of the HTML report's page (the browser's tab)
    title = _("{name} — internal customer chain").format(name=org.name)
    # TRANSLATORS: the line under the report's heading: {per_period} is "per week"…
    meta = _("Internal customer chain · {per_period} · clientchain {version}").format(
        per_period=per_period(org.period), version=data.version
    )
    summary_heading, diagram_heading = _("Summary"), _("Diagram")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{current()}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="clientchain {_e(data.version)}">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(org.name)}</h1>",
        f'<p class="meta">{_e(meta)}</p>',
        f'<h2 id="summary">{_e(summary_heading)}</h2>',
        f"<table>\n{summary_rows}\n</table>",
        f'<h2 id="diagram">{_e(diagram_heading)}</h2>',
        _figure(data.figure),
    ]
    for section in SECTIONS:
        parts.append(f'<h2 id="{section.anchor}">{_e(section.title)}</h2>')
        if section.anchor == "findings":
            parts.append(_findings(data))
        else:
            parts.append(_table(section.table(data), section.numeric))
        if section.anchor == "chains":
            parts.append(chains)
        if section.anchor == "bottlenecks" and data.charts:
            parts.append(charts_section(data.charts, data.figure.diagram.theme))
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"
