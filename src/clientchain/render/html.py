"""The report as one self-contained HTML page.

Inline CSS, inline SVG and one small inline script (:data:`ZOOM_SCRIPT`: zoom and pan the
diagrams), nothing else: no font, no image, no link to fetch. A Content-Security-Policy
(``default-src 'none'``, the script allowed by its SHA-256 hash only) makes that a promise
the browser keeps, so the page works offline from a USB stick and no label can run a script
even if it slipped through. Every text from the org file has its control characters shown
visibly (``\\x1b``, as on a terminal: :func:`~clientchain.controls.visible`), then is escaped
with :func:`html.escape`; the SVGs are the engine's output of DOT whose labels were escaped
(:mod:`clientchain.render.dot`). The print style sheet lays the page out on A4 landscape:
each section on a new page, figures and table rows kept whole, table headers repeated.
"""

from __future__ import annotations

import base64
import hashlib
import html

from clientchain.controls import visible
from clientchain.i18n import _, current
from clientchain.numbers import per_period
from clientchain.output.survey import period_tables, survey_summary
from clientchain.render.charts_svg import charts_section
from clientchain.render.distribution_svg import distribution_html
from clientchain.render.report_data import Figure, ReportData, executive_sentences
from clientchain.render.story import AFTER_CHAINS, CHAINS, sipoc_tables
from clientchain.render.tables import Section, Table, finding_table, summary_table
from clientchain.render.trend_html import trend_html_section

__all__ = ["CSP", "ZOOM_SCRIPT", "report_html", "script_hash"]

# i18n: JavaScript, machine text
ZOOM_SCRIPT = """
document.querySelectorAll("figure svg").forEach(function (svg) {
  var box = svg.viewBox.baseVal, drag = null;
  if (!box || !box.width) { return; }
  var home = [box.x, box.y, box.width, box.height];
  function set(v) { box.x = v[0]; box.y = v[1]; box.width = v[2]; box.height = v[3]; }
  function point(e) {
    var r = svg.getBoundingClientRect();
    return [box.x + (e.clientX - r.left) / r.width * box.width,
            box.y + (e.clientY - r.top) / r.height * box.height];
  }
  svg.addEventListener("wheel", function (e) {
    if (!e.ctrlKey && !e.metaKey) { return; }
    e.preventDefault();
    var p = point(e), k = e.deltaY < 0 ? 0.8 : 1.25;
    set([p[0] - (p[0] - box.x) * k, p[1] - (p[1] - box.y) * k, box.width * k, box.height * k]);
  }, {passive: false});
  svg.addEventListener("pointerdown", function (e) {
    drag = [e.clientX, e.clientY]; svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", function (e) {
    if (!drag) { return; }
    var r = svg.getBoundingClientRect();
    box.x -= (e.clientX - drag[0]) / r.width * box.width;
    box.y -= (e.clientY - drag[1]) / r.height * box.height;
    drag = [e.clientX, e.clientY];
  });
  svg.addEventListener("pointerup", function () { drag = null; });
  svg.addEventListener("dblclick", function () { set(home); });
});
"""
"""The one script of the page: Ctrl (or ⌘) + wheel zooms a diagram at the pointer, dragging
pans it, a double click resets it. It changes only the SVG's ``viewBox``; it fetches nothing."""


def script_hash(script: str) -> str:
    """The CSP source that allows exactly ``script`` inline: ``'sha256-<base64>'``.

    >>> script_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "  # i18n: HTTP header
    f"script-src {script_hash(ZOOM_SCRIPT)}"  # i18n: HTTP header
)
"""Nothing may be fetched; only the inline styles, data: images and :data:`ZOOM_SCRIPT`
(by its hash: no other script, inline or not, can run) apply."""

# i18n: CSS, machine text
_CSS = """
:root { color-scheme: light; --ink: #1f2937; --muted: #6b7280; --line: #d1d5db; }
body { font-family: "__FONT__", "DejaVu Sans", Arial, Helvetica, sans-serif; color: var(--ink);
  margin: 2rem auto; max-width: 90rem; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; }
.meta { color: var(--muted); margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left;
  vertical-align: top; white-space: pre-line; overflow-wrap: break-word; }
td.wrap { overflow-wrap: anywhere; }
th { background: #f3f4f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1rem 0; border: 1px solid var(--line); padding: .5rem; overflow: hidden; }
figure svg { width: 100%; height: auto; max-height: 85vh; display: block; cursor: grab;
  touch-action: none; }
figcaption { color: var(--muted); font-size: .9rem; white-space: pre-line; }
.hint { color: var(--muted); font-size: .8rem; }
table.matrix th { white-space: normal; }
table.sipoc td { vertical-align: top; width: 20%; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.4rem;
  color: var(--muted); font-size: .9rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border: 1px solid var(--line);
  margin-right: .4rem; vertical-align: -.1rem; }
.severity-error { color: #b91c1c; font-weight: bold; }
.severity-warning { color: #a16207; font-weight: bold; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
  h1 { font-size: 16pt; } h2 { font-size: 13pt; } h3 { font-size: 11pt; }
  #diagram, #chains, #who, #trend { break-before: page; }  /* overview, chains, who…, trend */
  h2, h3 { break-after: avoid; }
  figure, tr, .distribution { break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 8pt; }
  figure { overflow: visible; border: none; padding: 0; }
  figure svg { max-height: 150mm; cursor: auto; }
  .hint { display: none; }
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


def _survey(data: ReportData) -> list[str]:
    """The internal-customer survey: a table a period, then the comments (none without one)."""
    if data.survey is None:
        return []
    parts = [
        _heading("survey", _("Internal-customer survey")),
        f"<p>{_e(survey_summary(data.survey))}</p>",
    ]
    for index, table in enumerate(period_tables(data.survey), start=1):
        parts += [
            _heading(f"survey-{index}", table.heading, 3),
            _table(Table(table.header, table.rows)),
        ]
        for name, comments in table.comments:
            items = "".join(f"<li>{_e(comment)}</li>" for comment in comments)
            parts.append(f"<p><strong>{_e(name)}</strong></p>\n<ul>{items}</ul>")
    return parts


def _sipoc(data: ReportData) -> list[str]:
    """Each department's Suppliers, Inputs, Process, Outputs and Customers, a table each."""
    parts = [_heading("sipoc", "SIPOC")]  # i18n: SIPOC, a method's name
    for index, (name, table) in enumerate(sipoc_tables(data), start=1):
        head = "".join(f"<th>{_e(h)}</th>" for h in table.headers)
        cells = "".join(
            "<td>" + "<br>".join(_e(line) for line in cell.split("\n")) + "</td>"
            for cell in table.rows[0]
        )
        parts += [
            _heading(f"sipoc-{index}", name, 3),
            f'<table class="sipoc">\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n<tr>{cells}</tr>\n</tbody>\n</table>",
        ]
    return parts


def _figure(figure: Figure) -> str:
    """The SVG (drawn without its title: the heading above it says it) and its caption."""
    caption = "\n".join(figure.diagram.caption)
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
        f'<td class="wrap">{_e(where)}</td><td>{_e(message)}</td></tr>'
        for css, (sev, rule, where, message) in zip(severities, table.rows, strict=True)
    )
    head = "".join(f"<th>{_e(h)}</th>" for h in table.headers)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


def _executive(data: ReportData) -> list[str]:
    """The executive summary as a numbered list under its heading (nothing without one)."""
    items = "\n".join(f"<li>{_e(s)}</li>" for s in executive_sentences(data))
    heading = _("Executive summary")
    return (
        [f'<h2 id="executive-summary">{_e(heading)}</h2>', f"<ol>\n{items}\n</ol>"] if items else []
    )


def _heading(anchor: str, title: str, level: int = 2) -> str:
    return f'<h{level} id="{anchor}">{_e(title)}</h{level}>'


def _section(section: Section, data: ReportData) -> list[str]:
    body = (
        _findings(data)
        if section.anchor == "findings"
        else _table(section.table(data), section.numeric)
    )
    return [_heading(section.anchor, section.title), body]


def _overview(data: ReportData) -> list[str]:
    """Key figures and the whole organization's diagram."""
    summary = summary_table(data)
    rows = "\n".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in summary.rows)
    hint = _("Ctrl + wheel zooms a diagram, dragging moves it, a double click resets it.")
    return [
        _heading("summary", _("Summary")),
        f"<table>\n{rows}\n</table>",
        _heading("diagram", _("Overview")),
        f'<p class="hint">{_e(hint)}</p>',
        _figure(data.figure),
    ]


def _chains(data: ReportData) -> list[str]:
    """The chains' table, then each chain under its name (said once: the drawing has no title)."""
    parts = _section(CHAINS, data)
    for index, (chain, figure) in enumerate(
        zip(data.org.chains.values(), data.chain_figures, strict=True), start=1
    ):
        parts += [_heading(f"chain-{index}", chain.name, 3), _figure(figure)]
    return parts


def report_html(data: ReportData) -> str:
    """The whole page, in the story's order (:mod:`clientchain.render.story`)."""
    org = data.org
    # TRANSLATORS: the title of the HTML report's page (the browser's tab)
    title = _("{name} — internal customer chain").format(name=org.name)
    # TRANSLATORS: the line under the report's heading: {per_period} is "per week"…
    meta = _("Internal customer chain · {per_period} · clientchain {version}").format(
        per_period=per_period(org.period), version=data.version
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{current()}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="clientchain {_e(data.version)}">',
        f"<title>{_e(title)}</title>",
        # the theme's font (a checked name: letters, digits, spaces, . , -), as in the diagrams
        f"<style>{_CSS.replace('__FONT__', data.figure.diagram.theme.font)}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(org.name)}</h1>",
        f'<p class="meta">{_e(meta)}</p>',
    ]
    parts += _executive(data)  # 1. the executive summary
    parts += _overview(data)  # 2. key figures and the overview diagram
    parts += _chains(data)  # 3. each chain
    if data.charts:  # 4. the charts
        parts.append(charts_section(data.charts, data.figure.diagram.theme))
    for section in AFTER_CHAINS:  # 5. who serves whom … findings
        parts += _section(section, data)
        if section.anchor == "quality":  # then the survey, then each department's SIPOC
            parts += _survey(data)
            parts += _sipoc(data)
        if section.anchor == "lead-time" and data.simulation is not None:  # the simulation
            theme = data.figure.diagram.theme
            parts += distribution_html(org, data.simulation, data.distributions, theme)
    if data.trend is not None:  # 6. the trend (report --trend)
        parts += trend_html_section(data.trend, data.figure.diagram.theme)
    parts += [f"<script>{ZOOM_SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
