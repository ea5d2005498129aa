"""``check --format junit``: JUnit XML for GitLab, Jenkins and other test reports.

One ``<testsuite>`` per file, and in it one ``<testcase>`` per rule × file:
every registered rule, then ``input-error``, so every file has the same cases.

* a rule with findings at or above the file's ``--fail-on`` threshold fails
  (``<failure>``, one line per finding); findings below it are listed in
  ``<system-out>`` of a passing case;
* a rule that did not run (not selected, or the file could not be read) is
  ``<skipped>``;
* ``input-error`` passes when the file loaded; otherwise it is an ``<error>``
  listing every problem of the file.

The messages (of ``<failure>``, ``<error>`` and ``<skipped>``) are in the current
language; the structure, the rule ids and the severities in ``type`` are not.

Characters XML 1.0 cannot carry (control characters from a hostile file) are
written as ``\\uXXXX`` so that the document always parses.

>>> from xml.etree import ElementTree
>>> from clientchain.output.reports import CheckReport
>>> from clientchain.output.reports import CheckRun
>>> root = ElementTree.fromstring(junit_xml(CheckReport(CheckRun(()), (), ())))
>>> root.tag, root.get("tests"), root.get("failures")
('testsuites', '0', '0')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from clientchain.checks import RULES, Finding, Rule, Severity
from clientchain.i18n import _, ngettext
from clientchain.numbers import num
from clientchain.output.common import finding_line
from clientchain.output.reports import INPUT_ERROR
from clientchain.terms import term

if TYPE_CHECKING:
    from clientchain.output.reports import CheckReport, FileCheck

__all__ = ["junit_xml"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COUNTS = ("tests", "failures", "errors", "skipped")


def junit_xml(report: CheckReport, rules: Mapping[str, Rule] = RULES) -> str:
    """The JUnit XML document (text, with its declaration) of a check run."""
    root = ET.Element("testsuites", name="clientchain check")  # i18n: the suite's name
    totals = dict.fromkeys(_COUNTS, 0)
    for result, ran, threshold in zip(report.run.files, report.ran, report.fail_on, strict=True):
        suite = _suite(result, ran, threshold, tuple(rules))
        for key in _COUNTS:
            totals[key] += int(suite.get(key, "0"))
        root.append(suite)
    for key in _COUNTS:
        root.set(key, str(totals[key]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _suite(
    result: FileCheck, ran: Sequence[str], threshold: Severity, rule_ids: Sequence[str]
) -> ET.Element:
    name = _safe(result.file)
    suite = ET.Element("testsuite", name=name)
    counts = dict.fromkeys(_COUNTS, 0)
    for rule in (*rule_ids, INPUT_ERROR):
        case = ET.SubElement(suite, "testcase", classname=name, name=rule, file=name)
        outcome = _outcome(case, result, rule, ran, threshold)
        counts["tests"] += 1
        if outcome:
            counts[outcome] += 1
    for key in _COUNTS:
        suite.set(key, str(counts[key]))
    return suite


def _outcome(
    case: ET.Element, result: FileCheck, rule: str, ran: Sequence[str], threshold: Severity
) -> str:
    """Fill ``case``; return the counter it adds to (``''`` for a pass)."""
    if rule == INPUT_ERROR:
        if result.readable:
            return ""
        message = _("{file} could not be read").format(file=result.file)
        _detail(case, "error", result.reported(), message)
        return "errors"
    if rule not in ran:
        reason = _("the file could not be read") if not result.readable else _("rule not selected")
        ET.SubElement(case, "skipped", message=reason)
        return "skipped"
    found = [f for f in result.findings if f.rule == rule]
    failing = [f for f in found if f.severity >= threshold]
    if failing:
        _detail(case, "failure", failing, _count(len(failing), threshold))
        return "failures"
    if found:
        ET.SubElement(case, "system-out").text = _safe(_lines(found))
    return ""


def _detail(case: ET.Element, tag: str, findings: Sequence[Finding], message: str) -> None:
    worst = max((f.severity for f in findings), default=Severity.ERROR)
    element = ET.SubElement(case, tag, message=_safe(message), type=str(worst))
    element.text = _safe(_lines(findings))


def _lines(findings: Sequence[Finding]) -> str:
    return "\n".join(finding_line(f) for f in findings)


def _count(n: int, threshold: Severity) -> str:
    """``'2 findings at or above warning'``, in the current language."""
    # TRANSLATORS: severity is the --fail-on threshold: error, warning or info
    text = ngettext("{n} finding at or above {severity}", "{n} findings at or above {severity}", n)
    return text.format(n=num(n), severity=term("severity", str(threshold)))


def _safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids written as ``\\uXXXX``."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
