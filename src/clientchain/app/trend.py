"""Build the series of an org file's versions, the way ``clientchain trend`` does.

The versions come from git (one file: its history, the last commit of each period),
from files given in order, or from a folder of files whose names carry a date
(:mod:`clientchain.loading.history`). Versions with the same content (the same git
blob) are loaded, analysed and checked once, and the YAML of entries unchanged since an
earlier version is read once (:class:`~clientchain.loading.sections.SectionLoader`).
A version that cannot be read is a point with its issues; the series goes on.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from clientchain.analysis.flow import analyze_flow
from clientchain.checks import run_plan
from clientchain.checks.config import plan_checks
from clientchain.errors import InputError
from clientchain.graph import build_graph
from clientchain.i18n import adopt
from clientchain.loading.git import split_revision
from clientchain.loading.history import (
    Every,
    Version,
    file_versions,
    folder_versions,
    git_versions,
)
from clientchain.loading.sections import SectionLoader
from clientchain.trend.attention import Thresholds, attention
from clientchain.trend.result import TrendResult
from clientchain.trend.series import Point, measure

__all__ = ["TrendResult", "build_trend", "versions_of"]


def versions_of(
    inputs: Sequence[str],
    every: Every = "month",
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> list[Version]:
    """The versions ``inputs`` name: one file or ``REV:PATH`` → its git history; one
    folder → its dated files; several → those files in order."""
    if len(inputs) == 1:
        (only,) = inputs
        if Path(only).is_dir():
            return folder_versions(only)
        if split_revision(only) is not None or Path(only).is_file():
            return git_versions(only, every, since, until)
    return file_versions(inputs)


def build_trend(
    versions: Sequence[Version],
    thresholds: Thresholds | None = None,
    every: Every = "month",
) -> TrendResult:
    """Load, analyse and check each version once per distinct content; the series and
    its attention findings."""
    done: dict[str, Point | InputError] = {}
    points: list[Point] = []
    loader = SectionLoader()
    for version in versions:
        point = _point(version, done, loader)
        if point.ok and len([p for p in points if p.ok]) == 0:
            assert point.org is not None
            adopt(point.org.language)  # the first version read sets the language
        points.append(point)
    found = attention(points, thresholds, every)
    return TrendResult(tuple(points), tuple(found), every, len(done))


def _point(version: Version, done: dict[str, Point | InputError], loader: SectionLoader) -> Point:
    if version.data is None:
        issues = version.error.issues if version.error else []
        return Point(
            version.label, version.source, None, tuple(issues), version.commit, version.date
        )
    key = version.blob or hashlib.sha1(version.data).hexdigest()
    if key not in done:
        done[key] = _measure(version, loader)
    known = done[key]
    if isinstance(known, InputError):
        return Point(
            version.label, version.source, None, tuple(known.issues), version.commit, version.date
        )
    org = known.org
    if org is not None and org.source != version.source:  # the same content, another version
        org = replace(org, source=version.source)
    return replace(
        known,
        label=version.label,
        source=version.source,
        org=org,
        commit=version.commit,
        date=version.date,
    )


def _measure(version: Version, loader: SectionLoader) -> Point | InputError:
    assert version.data is not None
    try:
        org = loader.load(version.data, version.source)
        plan = plan_checks(org)
        flow = analyze_flow(org)
        findings = run_plan(org, build_graph(org), plan, flow=flow)
    except InputError as exc:
        return exc
    return measure(version.label, version.source, org, findings, flow)
