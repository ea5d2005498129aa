"""``check --format github``: GitHub Actions workflow commands that annotate the files.

One line per finding, in the documented workflow-command syntax::

    ::error file=org.yaml,line=12,col=3,title=clientchain [isolated]::Department …

``error`` findings (input errors included) become ``::error``, warnings
``::warning`` and info findings ``::notice``. ``line`` and ``col`` are left out
when the position is unknown. As the syntax requires, the message escapes ``%``,
``\\r`` and ``\\n`` (``%25``, ``%0D``, ``%0A``) and property values also escape
``:`` and ``,`` (``%3A``, ``%2C``), so no message can end the command early or
start another one. Any other control character is shown as an escape
(``\\x1b``), so a name cannot rewrite or hide a line of the log.

>>> from clientchain.checks import Finding, Severity
>>> finding = Finding("isolated", Severity.INFO, "50% done\\nnext", "a,b.yaml", 2, 3, "x")
>>> annotation(finding)
'::notice file=a%2Cb.yaml,line=2,col=3,title=clientchain [isolated]::50%25 done%0Anext'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clientchain.console import visible

if TYPE_CHECKING:
    from clientchain.checks import Finding
    from clientchain.output.reports import CheckReport

__all__ = ["annotation", "escape_data", "escape_property", "github_annotations"]

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    r"""Escape a command's message: ``%`` first, then carriage return and line feed.

    Other control characters, which the syntax leaves alone but a log viewer would
    obey (an erase-line, "conceal"), are shown as escapes
    (:func:`~clientchain.console.visible`).

    >>> escape_data("100%\r\n\x1b[8m")
    '100%25%0D%0A\\x1b[8m'
    """
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value: as :func:`escape_data`, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """The workflow command for one finding."""
    properties = [f"file={escape_property(finding.file)}"]
    if finding.line > 0:
        properties.append(f"line={finding.line}")
        if finding.column > 0:
            properties.append(f"col={finding.column}")
    properties.append(f"title={escape_property(f'clientchain [{finding.rule}]')}")
    command = _COMMAND[str(finding.severity)]
    return f"::{command} {','.join(properties)}::{escape_data(finding.message)}"


def github_annotations(report: CheckReport) -> str:
    """Every finding of every file (input errors included) as annotation lines."""
    return "\n".join(annotation(finding) for finding in report.run.reported())
