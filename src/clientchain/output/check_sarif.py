"""``check --format sarif``: a SARIF 2.1.0 log that code-scanning tools can show.

One run, tool ``clientchain``, with the metadata of every registered rule (and
of ``input-error``): id, short description (the rule docstring's summary), help
(the rest of the docstring) and default level. Each finding is a result with
its rule, level (``error``, ``warning``, ``note`` for info), message and
location (file URI, and line and column when known). Columns count Unicode code
points, as YAML does. Messages and descriptions are in the current language
(:mod:`clientchain.checks.descriptions`); ids, levels and the structure are not.

>>> import json
>>> from clientchain.output.reports import CheckReport
>>> from clientchain.output.reports import CheckRun
>>> log = json.loads(sarif_log(CheckReport(CheckRun(()), (), ())))
>>> log["version"], log["runs"][0]["tool"]["driver"]["name"], log["runs"][0]["results"]
('2.1.0', 'clientchain', [])
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from clientchain._version import __version__
from clientchain.checks import RULES, Finding, Rule
from clientchain.checks.descriptions import explanation, summary
from clientchain.i18n import N_, _
from clientchain.output.common import dumps
from clientchain.output.reports import INPUT_ERROR

if TYPE_CHECKING:
    from clientchain.output.reports import CheckReport

__all__ = ["SARIF_SCHEMA", "artifact_uri", "rule_descriptors", "sarif_log"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}

_INPUT_SUMMARY = N_("The file could not be read or is not a valid org file.")
_INPUT_HELP = N_(
    "Unreadable YAML, an unknown key, a value of the wrong kind, an unknown reference, a "
    "duplicate id or key, a missing required key or an unsupported version. Fix the key named "
    "in the message; every problem of the file is reported."
)


def _input_rule() -> dict[str, Any]:
    """The descriptor of ``input-error``, in the current language."""
    return {
        "id": INPUT_ERROR,
        "shortDescription": {"text": _(_INPUT_SUMMARY)},  # i18n: N_ table
        "help": {"text": _(_INPUT_HELP)},  # i18n: N_ table
        "defaultConfiguration": {"level": "error"},
    }


def sarif_log(report: CheckReport, rules: Mapping[str, Rule] = RULES) -> str:
    """The SARIF 2.1.0 document (JSON text) of a check run."""
    descriptors = rule_descriptors(rules)
    index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "clientchain",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index) for f in report.run.reported()],
    }
    return dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})


def rule_descriptors(rules: Mapping[str, Rule] = RULES) -> list[dict[str, Any]]:
    """``reportingDescriptor`` objects: every rule in registry order, then ``input-error``;
    descriptions in the current language."""
    described = []
    for rule in rules.values():
        short, help_text = summary(rule), explanation(rule)
        described.append(
            {
                "id": rule.id,
                "shortDescription": {"text": _plain(short)},
                "fullDescription": {"text": _plain(short)},
                "help": {"text": _plain(help_text), "markdown": _markdown(help_text)},
                "defaultConfiguration": {"level": _LEVEL[str(rule.severity)]},
            }
        )
    return [*described, _input_rule()]


def artifact_uri(path: str) -> str:
    """A URI reference for a file as given: relative paths stay relative (``/`` separated).

    >>> artifact_uri("examples/agencia.yaml"), artifact_uri("org chart.yaml")
    ('examples/agencia.yaml', 'org%20chart.yaml')
    >>> artifact_uri("/srv/org.yaml")
    'file:///srv/org.yaml'

    A name that is not UTF-8 (its bytes arrive as lone surrogates) keeps its bytes:

    >>> artifact_uri("org\\udcff.yaml")
    'org%FF.yaml'
    """
    posix = PureWindowsPath(path).as_posix() if "\\" in path else path
    encoded = posix.encode("utf-8", "surrogateescape")
    if PurePosixPath(posix).is_absolute():
        return "file://" + quote(encoded)
    return quote(encoded)


def _result(finding: Finding, index: Mapping[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(finding.file)}}
    if finding.line > 0:
        region = {"startLine": finding.line}
        if finding.column > 0:
            region["startColumn"] = finding.column
        location["region"] = region
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _LEVEL[str(finding.severity)],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.subject:
        result["properties"] = {"subject": finding.subject}
    if finding.details:
        result.setdefault("properties", {}).update(finding.details)
    return result


def _plain(text: str) -> str:
    """A description (paragraphs joined already) with its literals in quotes."""
    return text.replace("``", "'")


def _markdown(text: str) -> str:
    """A description with its literals as Markdown code."""
    return text.replace("``", "`")
