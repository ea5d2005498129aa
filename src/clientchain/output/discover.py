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

from clientchain.loading.dump import comment_text, dump_org
from clientchain.numbers import finite, num, pct
from clientchain.output.common import dumps, finding_dict, finding_line

if TYPE_CHECKING:
    from clientchain.discover.compare import Comparison, EdgeComparison
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


def _int(n: int) -> str:
    return f"{n:,}"


def _plural(n: int, word: str) -> str:
    return f"{_int(n)} {word}" if n == 1 else f"{_int(n)} {word}s"


def _periods(count: float, period: str) -> str:
    """``'1 month'``, ``'2.5 weeks'``."""
    return f"{num(count)} {period if count == 1 else period + 's'}"


def _facts(d: Discovery) -> list[str]:
    """The numbers shared by the header comment and the summary."""
    t = d.result.totals
    log = d.log
    span = (
        f"from {t.first:%Y-%m-%d %H:%M} to {t.last:%Y-%m-%d %H:%M} UTC, "
        f"{_periods(t.periods, d.period)}"
        if t.first is not None and t.last is not None
        else "no time span"
    )
    skipped = f", {_int(t.skipped)} skipped (no case, department or timestamp)" if t.skipped else ""
    variants = len(d.result.variants)
    return [
        f"{_plural(t.rows_read, 'row')} read{skipped}",
        f"{_plural(t.events, 'event')} in {_plural(t.cases, 'case')}, {span}",
        f"{_plural(len(t.departments), 'department')}, {_plural(d.handovers, 'handover')} "
        f"between {_plural(len(d.result.edges), 'pair')} of departments",
        f"chains: the {len(d.chains)} most frequent of {_plural(variants, 'variant')}, "
        f"covering {pct(d.coverage)} of the cases",
        f"durations measured for {_int(t.measured)} of {_plural(t.events, 'event')}"
        + ("" if t.measured else f" ({_no_durations(log.columns.lifecycle)})"),
        *_missing(t.missing),
    ]


def _missing(missing: tuple[tuple[str, int], ...]) -> list[str]:
    """``department missing in 5 rows: 'EMPTY' 4, empty 1 (...)``, or nothing."""
    if not missing:
        return []
    rows = sum(n for _, n in missing)
    listed = sorted(missing, key=lambda m: m[0] == "")  # empty last, else most rows first
    values = ", ".join(f"{name!r} {_int(n)}" if name else f"empty {_int(n)}" for name, n in listed)
    return [
        f"department missing in {_plural(rows, 'row')}: {values} "
        "(placeholders count as missing; --missing VALUE adds others)"
    ]


def _no_durations(lifecycle: str | None) -> str:
    if lifecycle is None:
        return "no start times: give --start-timestamp or --lifecycle"
    return "no start events to pair with the completions"


def _format(d: Discovery) -> str:
    """``csv, encoding cp1252, delimiter ';'``: the encoding only when it is not plain UTF-8."""
    log = d.log
    encoding = f", encoding {log.encoding}" if log.encoding not in (None, "utf-8") else ""
    delimiter = f", delimiter {log.delimiter!r}" if log.delimiter else ""
    return f"{log.kind}{encoding}{delimiter}"


def summary_text(d: Discovery) -> str:
    """What was found, for stderr: one fact per line."""
    lines = [f"{d.source}: {_format(d)}"]
    lines += [f"  {fact}" for fact in _facts(d)]
    unknown, steps = _unknown_steps(d)
    if unknown:
        lines.append(
            f"  step efforts: unknown for {unknown} of {steps} chain steps (written as "
            "'effort: unknown'; the lead time, value added, utilization and headroom they "
            "touch are unknown until they are set)"
        )
    lines += [f"  note: {note}" for note in d.log.notes]
    return "\n".join(lines)


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
        f"{role} {name!r}" + (f" ({d.log.formats[name]})" if name in d.log.formats else "")
        for role, name in given.items()
        if name is not None
    )
    lines = [
        f"Discovered by `clientchain discover` from the event log {d.source}",
        f"({_format(d)}).",
        f"Columns: {columns}.",
        *(f"{fact}." for fact in _facts(d)),
        "",
        "How to read it (docs/discover.md):",
        f"- handoff volume = handovers per {d.period} over the log's time span; lead_time =",
        "  median clock hours between the two events; deliverable = the activity most often",
        "  handed over.",
        f"- chain demand = the variant's cases per {d.period}; step effort = median clock hours",
        "  from start to completion (nights and weekends included), summed over the step's",
        "  consecutive events.",
    ]
    unknown, steps = _unknown_steps(d)
    if unknown:
        why = f" ({_no_durations(c.lifecycle)})" if d.result.totals.measured == 0 else ""
        paragraph = (
            f"- UNKNOWN EFFORTS: no case measured {unknown} of the {steps} chain steps{why}. "
            "They are written as `effort: unknown`. The lead time, value added, utilization "
            "and headroom they touch are shown as unknown by map, bottlenecks and simulate "
            "until the efforts are measured or estimated and set."
        )
        lines += textwrap.wrap(paragraph, 88, subsequent_indent="  ", break_on_hyphens=False)
    lines += [
        "- Headcount, capacity, quality and satisfaction are not in a log: every department has",
        "  the default headcount 1 and the handoffs carry no rating. Set them before analysing.",
    ]
    return [f"# {comment_text(line)}".rstrip() for line in lines]


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
    for line in dump_org(d.org).splitlines():
        if not line.startswith(" "):
            section = line.split(":", 1)[0]
        elif section == "handoffs" and line.startswith("  - from: "):
            e = next(handoffs)
            yield f"  # {_plural(e.handovers, 'handover')}"
        elif section == "chains" and line.startswith('  "'):
            v = next(chains)
            efforts, step = v.efforts, -1
            yield f"  # {_plural(v.cases, 'case')} ({pct(v.cases / total)}); {_chain_effort(v)}"
        elif section == "chains" and line.startswith("      - department: "):
            step += 1
        elif section == "chains" and line.startswith("        effort: ") and efforts[step] is None:
            line += "  # unknown: no case of this variant measured it"
        yield line


def _chain_effort(v: Variant) -> str:
    """What the chain comment says of its efforts: measured in how many cases, or unknown where."""
    unknown = sum(effort is None for effort in v.efforts)
    if unknown == len(v.efforts):
        return "effort unknown at every step"
    if unknown:
        return f"effort unknown at {unknown} of {len(v.efforts)} steps"
    return f"effort measured in {_int(min(v.measured))} of them"


def _unknown_steps(d: Discovery) -> tuple[int, int]:
    """Steps of the chosen chains that no case measured, and all their steps."""
    efforts = [effort for v in d.chains for effort in v.efforts]
    return sum(effort is None for effort in efforts), len(efforts)


def _edge(org: Organization, e: EdgeComparison) -> str:
    return f"{org.describe(e.source)} → {org.describe(e.target)}"


def comparison_text(c: Comparison) -> str:
    """Declared vs observed, plain text, one fact per line."""
    org, d = c.declared, c.discovery
    unit = f"per {d.period}"
    lines = [
        f"declared: {org.source} ({org.name})",
        f"observed: {d.source} ({_plural(d.result.totals.cases, 'case')}, "
        f"{_periods(d.result.totals.periods, d.period)})",
        f"declared but never seen ({len(c.not_observed)}):",
        *(f"  {_edge(org, e)}: declared volume {num(e.declared_volume)}" for e in c.not_observed),
        f"seen but not declared ({len(c.not_declared)}):",
        *(
            f"  {_edge(org, e)}: {_plural(e.handovers, 'handover')}, "
            f"{num(e.observed_volume)} {unit}"
            for e in c.not_declared
        ),
        f"volume ratios, observed / declared {unit} (tolerance {pct(c.tolerance)}):",
    ]
    for e in c.both:
        ratio = e.ratio
        flag = "  MISMATCH" if ratio is not None and abs(ratio - 1) > c.tolerance else ""
        lines.append(
            f"  {_edge(org, e)}: observed {num(e.observed_volume)}, declared "
            f"{num(e.declared_volume)}, ratio {num(ratio)}{flag}"
        )
    if c.departments_not_declared:
        lines.append(
            f"departments in the log, not declared: {', '.join(c.departments_not_declared)}"
        )
    if c.departments_not_observed:
        names = ", ".join(org.describe(x) for x in c.departments_not_observed)
        lines.append(f"declared departments with no work in the log: {names}")
    verdict = "agree" if c.agrees else f"disagree: {_plural(len(c.findings), 'finding')}"
    lines.append(f"result: declared and observed {verdict}")
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
        "departments_not_declared": list(c.departments_not_declared),
        "departments_not_observed": list(c.departments_not_observed),
        "chains": [_chain_json(d, v) for v in d.chains],
        "findings": [finding_dict(f) for f in c.findings],
    }
    return dumps(document)


def comparison_rules(c: Comparison) -> str:
    """One ``check``-style line per disagreement (empty when they agree)."""
    return "\n".join(finding_line(f) for f in c.findings)
