"""Formatters for ``discover``: pure functions of its result, returning strings.

* :func:`org_yaml` — the discovered org file: ``dump_org`` output with a header
  saying what was found and how to read it, and a comment above every handoff
  and chain with its counts;
* :func:`summary_text` — the summary written to stderr;
* :func:`comparison_text`, :func:`comparison_json`, :func:`comparison_rules` —
  ``--compare`` as a report, a JSON document, and ``file:line:col: severity
  [rule] message`` lines for CI (the format of ``check``).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from clientchain.i18n import N_, _, ngettext
from clientchain.loading.dump import comment_text, dump_org
from clientchain.numbers import finite, num, pct, per_period, plural
from clientchain.output.common import dumps, finding_dict, finding_line
from clientchain.output.discover_rework import (
    has_rework,
    quality_comment,
    quality_json,
    quality_text,
    reentry_comment,
    rework_facts,
)

if TYPE_CHECKING:
    from clientchain.discover.compare import Comparison, EdgeComparison, QualityComparison
    from clientchain.discover.query import Variant
    from clientchain.discover.result import Discovery
    from clientchain.model import Organization

__all__ = [
    "comparison_json",
    "comparison_rules",
    "comparison_text",
    "org_yaml",
    "summary_text",
]

NBSP = "\u00a0"
"""The no-break space of Spanish percentages (``80 %``), written plain in YAML comments."""


def _periods(count: float, period: str) -> str:
    """``'1 month'``, ``'2.5 weeks'``."""
    if period == "day":
        return plural(count, "{n} day", "{n} days")
    if period == "month":
        return plural(count, "{n} month", "{n} months")
    if period == "quarter":
        return plural(count, "{n} quarter", "{n} quarters")
    return plural(count, "{n} week", "{n} weeks")


def _facts(d: Discovery) -> list[str]:
    """The numbers shared by the header comment and the summary."""
    t = d.result.totals
    log = d.log
    span = (
        _("from {first} to {last} UTC, {periods}").format(
            first=f"{t.first:%Y-%m-%d %H:%M}",
            last=f"{t.last:%Y-%m-%d %H:%M}",
            periods=_periods(t.periods, d.period),
        )
        if t.first is not None and t.last is not None
        else _("no time span")
    )
    if t.skipped:
        read = ngettext(
            "{n} row read, {skipped} skipped (no case, department or timestamp)",
            "{n} rows read, {skipped} skipped (no case, department or timestamp)",
            t.rows_read,
        ).format(n=num(t.rows_read), skipped=num(t.skipped))
    else:
        read = ngettext("{n} row read", "{n} rows read", t.rows_read).format(n=num(t.rows_read))
    events = plural(t.events, "{n} event", "{n} events")
    if t.measured:
        measured = _("durations measured for {measured} of {events}").format(
            measured=num(t.measured), events=events
        )
    else:
        measured = _("durations measured for {measured} of {events} ({reason})").format(
            measured=num(t.measured), events=events, reason=_no_durations(log.columns.lifecycle)
        )
    return [
        read,
        _("{events} in {cases}, {span}").format(
            events=events, cases=plural(t.cases, "{n} case", "{n} cases"), span=span
        ),
        _("{departments}, {handovers} between {pairs} of departments").format(
            departments=plural(len(t.departments), "{n} department", "{n} departments"),
            handovers=plural(d.handovers, "{n} handover", "{n} handovers"),
            pairs=plural(len(d.result.edges), "{n} pair", "{n} pairs"),
        ),
        ngettext(
            "chains: the {n} most frequent of {variants}, covering {share} of the cases",
            "chains: the {n} most frequent of {variants}, covering {share} of the cases",
            len(d.chains),
        ).format(
            n=num(len(d.chains)),
            variants=plural(len(d.result.variants), "{n} variant", "{n} variants"),
            share=pct(d.coverage),
        ),
        measured,
        *_missing(t.missing),
        *rework_facts(d),
    ]


def _missing(missing: tuple[tuple[str, int], ...]) -> list[str]:
    """``department missing in 5 rows: 'EMPTY' 4, empty 1 (...)``, or nothing."""
    if not missing:
        return []
    rows = sum(n for _name, n in missing)
    listed = sorted(missing, key=lambda m: m[0] == "")  # empty last, else most rows first
    values = ", ".join(
        f"{name!r} {num(n)}" if name else _("empty {n}").format(n=num(n)) for name, n in listed
    )
    return [
        _(
            "department missing in {rows}: {values} "
            "(placeholders count as missing; --missing VALUE adds others)"
        ).format(rows=plural(rows, "{n} row", "{n} rows"), values=values)
    ]


def _no_durations(lifecycle: str | None) -> str:
    if lifecycle is None:
        return _("no start times: give --start-timestamp or --lifecycle")
    return _("no start events to pair with the completions")


def _format(d: Discovery) -> str:
    """``csv, encoding cp1252, delimiter ';'``: the encoding only when it is not plain UTF-8."""
    log = d.log
    parts = [log.kind]
    if log.encoding not in (None, "utf-8"):
        parts.append(_("encoding {encoding}").format(encoding=log.encoding))
    if log.delimiter:
        parts.append(_("delimiter {delimiter}").format(delimiter=repr(log.delimiter)))
    return ", ".join(parts)


def summary_text(d: Discovery) -> str:
    """What was found, for stderr: one fact per line."""
    lines = [f"{d.source}: {_format(d)}"]
    lines += [f"  {fact}" for fact in _facts(d)]
    unknown, steps = _unknown_steps(d)
    if unknown:
        text = _(
            "step efforts: unknown for {unknown} of {steps} chain steps (written as "
            "'effort: unknown'; the lead time, value added, utilization and headroom they "
            "touch are unknown until they are set)"
        ).format(unknown=num(unknown), steps=num(steps))
        lines.append(f"  {text}")
    lines += ["  " + _("note: {note}").format(note=note) for note in d.log.notes]
    return "\n".join(lines)


# The roles of the log's columns, as the header names them ("case 'caso'").
_ROLES = {
    "case": N_("case"),
    "activity": N_("activity"),
    "department": N_("department"),
    "timestamp": N_("timestamp"),
    "start": N_("start"),
    "lifecycle": N_("lifecycle"),
}


def _header(d: Discovery) -> list[str]:
    c = d.log.columns
    given = {
        "case": c.case,
        "activity": c.activity,
        "department": c.department,
        "timestamp": c.timestamp,
        "start": c.start_timestamp,
        "lifecycle": c.lifecycle,
    }
    columns = ", ".join(
        f"{_(_ROLES[role])} {name!r}"  # i18n: N_ table
        + (f" ({d.log.formats[name]})" if name in d.log.formats else "")
        for role, name in given.items()
        if name is not None
    )
    per = per_period(d.period)
    lines = [
        _("Discovered by `clientchain discover` from the event log {source}").format(
            source=d.source
        ),
        f"({_format(d)}).",
        _("Columns: {columns}.").format(columns=columns),
        *(f"{fact}." for fact in _facts(d)),
        "",
        _("How to read it (docs/discover.md):"),
        # TRANSLATORS: three lines of a YAML comment; keep the line breaks (under 90 characters)
        *_(
            "- handoff volume = handovers {per_period} over the log's time span; lead_time =\n"
            "  median clock hours between the two events; deliverable = the activity most often\n"
            "  handed over."
        )
        .format(per_period=per)
        .splitlines(),
        # TRANSLATORS: three lines of a YAML comment; keep the line breaks (under 90 characters)
        *_(
            "- chain demand = the variant's cases {per_period}; step effort = median clock hours\n"
            "  from start to completion (nights and weekends included), summed over the step's\n"
            "  consecutive events."
        )
        .format(per_period=per)
        .splitlines(),
    ]
    unknown, steps = _unknown_steps(d)
    if unknown:
        counts = {"unknown": num(unknown), "steps": num(steps)}
        if d.result.totals.measured == 0:
            paragraph = _(
                "- UNKNOWN EFFORTS: no case measured {unknown} of the {steps} chain steps "
                "({reason}). They are written as `effort: unknown`. The lead time, value added, "
                "utilization and headroom they touch are shown as unknown by map, bottlenecks "
                "and simulate until the efforts are measured or estimated and set."
            ).format(reason=_no_durations(c.lifecycle), **counts)
        else:
            paragraph = _(
                "- UNKNOWN EFFORTS: no case measured {unknown} of the {steps} chain steps. "
                "They are written as `effort: unknown`. The lead time, value added, utilization "
                "and headroom they touch are shown as unknown by map, bottlenecks and simulate "
                "until the efforts are measured or estimated and set."
            ).format(**counts)
        lines += textwrap.wrap(paragraph, 88, subsequent_indent="  ", break_on_hyphens=False)
    lines += _ratings(d).splitlines()
    # a no-break space (Spanish "80 %") is written as a plain one: YAML comments stay plain
    return [f"# {comment_text(line.replace(NBSP, ' '))}".rstrip() for line in lines]


def _ratings(d: Discovery) -> str:
    """The header's last paragraph: what the log does not give, and the observed quality."""
    if has_rework(d):
        # TRANSLATORS: four lines of a YAML comment; keep the line breaks (under 90 characters)
        return _(
            "- quality = observed %C&A: a pair's cases ÷ its handovers (1 ÷ quality = the mean\n"
            "  passes of a case), written only where some case passed it again (rework model,\n"
            "  docs/concepts.md). Headcount, capacity and satisfaction are not in a log: every\n"
            "  department has the default headcount 1. Set them before analysing."
        )
    # TRANSLATORS: two lines of a YAML comment; keep the line break (under 90 characters)
    return _(
        "- Headcount, capacity, quality and satisfaction are not in a log: every department has\n"
        "  the default headcount 1 and the handoffs carry no rating. Set them before analysing."
    )


def org_yaml(d: Discovery) -> str:
    """The discovered org file, commented; ``load_text`` reads it back as ``d.org``."""
    return "\n".join([*_header(d), "", *_annotated(d)]) + "\n"


def _annotated(d: Discovery) -> Iterator[str]:
    """``dump_org`` lines with a comment above each handoff and each chain."""
    handoffs = iter(d.result.edges)
    chains = iter(d.chains)
    total = d.result.totals.cases
    section = ""
    efforts: tuple[float | None, ...] = ()
    step = -1
    unmeasured = _("unknown: no case of this variant measured it")
    back = {d.ids[x.department]: x for x in d.result.reentries if x.returned}
    e = None
    for line in dump_org(d.org).splitlines():
        if not line.startswith(" "):
            section = line.split(":", 1)[0]
        elif section == "departments" and line.startswith('  "') and line[3:-2] in back:
            yield "  # " + reentry_comment(back[line[3:-2]])
        elif section == "handoffs" and line.startswith("  - from: "):
            e = next(handoffs)
            yield "  # " + _handovers(e.handovers)
        elif section == "handoffs" and line.startswith("    quality: ") and e is not None:
            line += "  # " + quality_comment(e)
        elif section == "chains" and line.startswith('  "'):
            v = next(chains)
            efforts, step = v.efforts, -1
            cases = plural(v.cases, "{n} case", "{n} cases")
            comment = f"{cases} ({pct(v.cases / total)}); {_chain_effort(v)}"
            yield "  # " + comment.replace(NBSP, " ")
        elif section == "chains" and line.startswith("      - department: "):
            step += 1
        elif section == "chains" and line.startswith("        effort: ") and efforts[step] is None:
            line += f"  # {unmeasured}"
        yield line


def _handovers(n: int) -> str:
    return plural(n, "{n} handover", "{n} handovers")


def _chain_effort(v: Variant) -> str:
    """What the chain comment says of its efforts: measured in how many cases, or unknown where."""
    unknown = sum(effort is None for effort in v.efforts)
    if unknown == len(v.efforts):
        return _("effort unknown at every step")
    if unknown:
        return _("effort unknown at {unknown} of {steps} steps").format(
            unknown=num(unknown), steps=num(len(v.efforts))
        )
    return _("effort measured in {n} of them").format(n=num(min(v.measured)))


def _unknown_steps(d: Discovery) -> tuple[int, int]:
    """Steps of the chosen chains that no case measured, and all their steps."""
    efforts = [effort for v in d.chains for effort in v.efforts]
    return sum(effort is None for effort in efforts), len(efforts)


def _edge(org: Organization, e: EdgeComparison | QualityComparison) -> str:
    return f"{org.describe(e.source)} → {org.describe(e.target)}"


def comparison_text(c: Comparison) -> str:
    """Declared vs observed, plain text, one fact per line."""
    org, d = c.declared, c.discovery
    unit = per_period(d.period)
    lines = [
        _("declared: {file} ({name})").format(file=org.source, name=org.name),
        _("observed: {file} ({cases}, {periods})").format(
            file=d.source,
            cases=plural(d.result.totals.cases, "{n} case", "{n} cases"),
            periods=_periods(d.result.totals.periods, d.period),
        ),
        _("declared but never seen ({n}):").format(n=num(len(c.not_observed))),
        *(
            "  "
            + _("{handoff}: declared volume {volume}").format(
                handoff=_edge(org, e), volume=num(e.declared_volume)
            )
            for e in c.not_observed
        ),
        _("seen but not declared ({n}):").format(n=num(len(c.not_declared))),
        *(
            f"  {_edge(org, e)}: {_handovers(e.handovers)}, {num(e.observed_volume)} {unit}"
            for e in c.not_declared
        ),
        _("volume ratios, observed / declared {per_period} (tolerance {tolerance}):").format(
            per_period=unit, tolerance=pct(c.tolerance)
        ),
    ]
    for e in c.both:
        ratio = e.ratio
        flag = "  " + _("MISMATCH") if ratio is not None and abs(ratio - 1) > c.tolerance else ""
        pair = _("{handoff}: observed {observed}, declared {declared}, ratio {ratio}").format(
            handoff=_edge(org, e),
            observed=num(e.observed_volume),
            declared=num(e.declared_volume),
            ratio=num(ratio),
        )
        lines.append(f"  {pair}{flag}")
    lines += quality_text(c, lambda q: _edge(org, q))
    if c.departments_not_declared:
        lines.append(
            _("departments in the log, not declared: {names}").format(
                names=", ".join(c.departments_not_declared)
            )
        )
    if c.departments_not_observed:
        names = ", ".join(org.describe(x) for x in c.departments_not_observed)
        lines.append(_("declared departments with no work in the log: {names}").format(names=names))
    if c.agrees:
        lines.append(_("result: declared and observed agree"))
    else:
        n = len(c.findings)
        lines.append(
            ngettext(
                "result: declared and observed disagree: {n} finding",
                "result: declared and observed disagree: {n} findings",
                n,
            ).format(n=num(n))
        )
    return "\n".join(lines)


def _edge_json(e: EdgeComparison) -> dict[str, Any]:
    ratio = e.ratio
    return {
        "from": e.source,
        "to": e.target,
        "handovers": e.handovers,
        "observed_volume": e.observed_volume,
        "declared_volume": e.declared_volume,
        "ratio": finite(ratio),
    }


def _chain_json(d: Discovery, v: Variant) -> dict[str, Any]:
    """A discovered chain: its departments, cases, and per step the effort in hours (``null``:
    unknown, no case measured it) and how many cases measured it."""
    return {
        "path": list(v.path),
        "cases": v.cases,
        "demand": v.cases / d.result.totals.periods,
        "efforts": list(v.efforts),
        "measured": list(v.measured),
    }


def comparison_json(c: Comparison) -> str:
    """Declared vs observed as one JSON document (volumes per period, ratio observed/declared)."""
    d = c.discovery
    document = {
        "declared": c.declared.source,
        "log": c.discovery.source,
        "period": c.discovery.period,
        "tolerance": c.tolerance,
        "agrees": c.agrees,
        "not_observed": [_edge_json(e) for e in c.not_observed],
        "not_declared": [_edge_json(e) for e in c.not_declared],
        "volumes": [_edge_json(e) for e in c.both],
        "quality": [quality_json(q) for q in c.quality],
        "departments_not_declared": list(c.departments_not_declared),
        "departments_not_observed": list(c.departments_not_observed),
        "chains": [_chain_json(d, v) for v in d.chains],
        "findings": [finding_dict(f) for f in c.findings],
    }
    return dumps(document)


def comparison_rules(c: Comparison) -> str:
    """One ``check``-style line per disagreement (empty when they agree)."""
    return "\n".join(finding_line(f) for f in c.findings)
