"""Check a set of org files, the way ``clientchain check`` does.

:func:`check_report` loads every file first and adopts the first ``language:`` one of
them states (unless ``--lang`` chose), so that every finding, each formatted when its
rule makes it, is written in that one language. Then, for each file, it finds the
``[tool.clientchain]`` defaults of the nearest ``pyproject.toml`` (walking up from the
file; from the current folder for standard input), plans the rules once, runs them and
records the rules that ran and the ``--fail-on`` threshold that applies. A file that
cannot be read is recorded, not raised, so the other files are still checked.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "org.yaml").write_text("version: 1\\ndepartments: {a: {}}\\n")
>>> report = check_report([str(folder / "org.yaml"), str(folder / "missing.yaml")])
>>> [f.rule for f in report.run.reported()], report.exit_code()
(['isolated', 'input-error'], 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from clientchain.checks import CheckOptions, Severity, run_plan
from clientchain.checks.config import plan_checks, with_project
from clientchain.errors import InputError, Issue
from clientchain.graph import build_graph
from clientchain.i18n import adopt
from clientchain.loading import STDIN, load_file
from clientchain.loading.project import find_project_config
from clientchain.model import Organization
from clientchain.output.reports import DEFAULT_FAIL_ON, CheckReport, CheckRun, FileCheck

__all__ = ["check_report"]


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
        else :data:`~clientchain.output.reports.DEFAULT_FAIL_ON`.

    Returns
    -------
    CheckReport
        One entry per path, in order.

    Raises
    ------
    UsageError
        ``options`` names an unknown rule or severity.
    """
    loaded = [_load(path) for path in paths]
    for org in loaded:
        if isinstance(org, Organization):
            adopt(org.language)  # the first file that states a language sets the output's
    results: list[FileCheck] = []
    ran: list[tuple[str, ...]] = []
    thresholds: list[Severity] = []
    for path, org in zip(paths, loaded, strict=True):
        result, rules, threshold = _check_one(path, org, options or CheckOptions(), fail_on)
        results.append(result)
        ran.append(rules)
        thresholds.append(threshold)
    return CheckReport(CheckRun(tuple(results)), tuple(ran), tuple(thresholds))


def _load(path: str) -> Organization | InputError:
    """The org in ``path``, or why it cannot be read."""
    try:
        return load_file(path)
    except InputError as exc:
        return exc


def _check_one(
    path: str, org: Organization | InputError, options: CheckOptions, fail_on: Severity | None
) -> tuple[FileCheck, tuple[str, ...], Severity]:
    threshold = fail_on or DEFAULT_FAIL_ON
    if isinstance(org, InputError):
        return _unreadable(path, org), (), threshold
    try:
        project = find_project_config(Path.cwd() if path == STDIN else Path(path).parent)
        if fail_on is None and project is not None and project.fail_on is not None:
            threshold = Severity.parse(project.fail_on)
        org = with_project(org, project)
        plan = plan_checks(org, options)  # InputError: bad `checks:`
        findings = run_plan(org, build_graph(org), plan)
    except InputError as exc:
        return _unreadable(path, exc), (), threshold
    return FileCheck(path, findings=tuple(findings)), tuple(r.id for r in plan.rules), threshold


def _unreadable(path: str, error: InputError) -> FileCheck:
    return FileCheck(path, issues=tuple(error.issues or [Issue(path, 0, 0, str(error))]))
