"""A ``clientchain check`` over several files, with what CI formats need to know.

:func:`check_report` is the library side of the command: for each file it loads
the org, finds the ``[tool.clientchain]`` defaults of the nearest
``pyproject.toml`` (walking up from the file; from the current folder for
standard input), runs the rules and records the rules that ran and the
``--fail-on`` threshold that applies. A file that cannot be read is recorded,
not raised, so the other files are still checked.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "org.yaml").write_text("version: 1\\ndepartments: {a: {}}\\n")
>>> report = check_report([str(folder / "org.yaml"), str(folder / "missing.yaml")])
>>> [f.rule for f in report.run.reported()], report.exit_code()
(['isolated', 'input-error'], 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clientchain.checks import CheckOptions, Finding, Severity
from clientchain.output.reports import CheckRun, FileCheck

__all__ = ["DEFAULT_FAIL_ON", "CheckReport", "check_report"]

DEFAULT_FAIL_ON = Severity.WARNING
"""``--fail-on`` when neither the command line nor ``[tool.clientchain]`` sets it."""


@dataclass(frozen=True, slots=True)
class CheckReport:
    """A :class:`CheckRun` plus, file by file, the rules that ran and the fail-on threshold.

    ``ran[i]`` and ``fail_on[i]`` belong to ``run.files[i]``; an unreadable file
    ran no rule.
    """

    run: CheckRun
    ran: tuple[tuple[str, ...], ...]
    fail_on: tuple[Severity, ...]

    def failing(self) -> list[Finding]:
        """Rule findings at or above their file's threshold (what makes ``check`` exit 1)."""
        return [
            finding
            for result, threshold in zip(self.run.files, self.fail_on, strict=True)
            for finding in result.findings
            if finding.severity >= threshold
        ]

    def exit_code(self) -> int:
        """2 when a file could not be read, else 1 when something fails, else 0."""
        if self.run.unreadable:
            return 2
        return 1 if self.failing() else 0


def check_report(
    paths: Sequence[str],
    options: CheckOptions | None = None,
    fail_on: Severity | None = None,
) -> CheckReport:
    """Load and check every file in ``paths`` (``-`` is standard input).

    Parameters
    ----------
    paths : sequence of str
        Org files, in the order to report them.
    options : CheckOptions, optional
        ``--select`` / ``--ignore`` / severities from the command line.
    fail_on : Severity, optional
        ``--fail-on``; when ``None``, each file's ``[tool.clientchain] fail_on``,
        else :data:`DEFAULT_FAIL_ON`.

    Returns
    -------
    CheckReport
        One entry per path, in order.

    Raises
    ------
    UsageError
        ``options`` names an unknown rule or severity.
    """
    results: list[FileCheck] = []
    ran: list[tuple[str, ...]] = []
    thresholds: list[Severity] = []
    for path in paths:
        result, rules, threshold = _check_one(path, options or CheckOptions(), fail_on)
        results.append(result)
        ran.append(rules)
        thresholds.append(threshold)
    return CheckReport(CheckRun(tuple(results)), tuple(ran), tuple(thresholds))


def _check_one(
    path: str, options: CheckOptions, fail_on: Severity | None
) -> tuple[FileCheck, tuple[str, ...], Severity]:
    from clientchain.checks import run_checks
    from clientchain.checks.config import plan_checks, with_project
    from clientchain.errors import InputError, Issue
    from clientchain.graph import build_graph
    from clientchain.loading import STDIN, load_file
    from clientchain.loading.project import find_project_config

    threshold = fail_on or DEFAULT_FAIL_ON
    try:
        org = load_file(path)
        project = find_project_config(Path.cwd() if path == STDIN else Path(path).parent)
        if fail_on is None and project is not None and project.fail_on is not None:
            threshold = Severity.parse(project.fail_on)
        org = with_project(org, project)
        findings = run_checks(org, build_graph(org), options)  # InputError: bad `checks:`
    except InputError as exc:
        issues = exc.issues or [Issue(path, 0, 0, str(exc))]
        return FileCheck(path, issues=tuple(issues)), (), threshold
    rules = tuple(rule.id for rule in plan_checks(org, options).rules)
    return FileCheck(path, findings=tuple(findings)), rules, threshold
