"""Reading the versions of an org file: git history by period, files, dated folders."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest

from clientchain.errors import InputError, UsageError
from clientchain.loading import history
from clientchain.loading.history import file_versions, folder_versions, git_versions, parse_when

from .conftest import git


def test_since_and_until_include_their_periods(year_org: Path) -> None:
    versions = git_versions(
        str(year_org), since=datetime.date(2026, 4, 1), until=datetime.date(2026, 6, 30)
    )
    assert [v.label for v in versions] == ["2026-04", "2026-05", "2026-06"]
    assert all(v.source.endswith(":org/agencia.yaml") for v in versions)
    assert [v.date for v in versions] == ["2026-04-20", "2026-05-20", "2026-06-20"]


def test_quarters_take_the_last_commit_of_each(year_org: Path) -> None:
    versions = git_versions(str(year_org), "quarter")
    assert [(v.label, v.date) for v in versions] == [
        ("2026-Q1", "2026-03-20"),  # the broken March version ends the first quarter
        ("2026-Q2", "2026-06-20"),
        ("2026-Q3", "2026-09-20"),
        ("2026-Q4", "2026-12-20"),
    ]


def test_weeks_are_iso_weeks(year_org: Path) -> None:
    versions = git_versions(str(year_org), "week", until=datetime.date(2026, 2, 28))
    # 2026-01-05 is Monday of ISO week 2; 2026-01-20 week 4; 2026-02-20 week 8.
    assert [v.label for v in versions] == ["2026-W02", "2026-W04", "2026-W08"]


def test_rev_path_reads_the_history_up_to_rev(
    year_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(year_repo)
    versions = git_versions("HEAD~6:org/agencia.yaml")
    assert [v.label for v in versions][-1] == "2026-06"
    assert len(versions) == 6


def test_rev_dot_path_is_relative_to_the_current_folder(
    year_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(year_repo / "org")
    versions = git_versions("HEAD:./agencia.yaml", since=datetime.date(2026, 12, 1))
    assert [(v.label, v.source.split(":")[1]) for v in versions] == [
        ("2026-12", "org/agencia.yaml")
    ]


def test_blob_ids_name_contents(year_org: Path) -> None:
    blobs = {v.label: v.blob for v in git_versions(str(year_org))}
    expected = subprocess.run(
        ["git", "rev-parse", "HEAD:org/agencia.yaml"],
        cwd=year_org.parent,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert blobs["2026-12"] == expected
    assert len(set(blobs.values())) == 12


def test_git_is_asked_for_all_blobs_by_one_process(
    year_org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    real = subprocess.run

    def spy(arguments: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(arguments)
        return real(arguments, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(history.subprocess, "run", spy)
    versions = git_versions(str(year_org))
    assert len(versions) == 12
    assert [c[1] for c in calls] == ["rev-parse", "log", "cat-file"]


def test_a_deleted_file_is_a_version_with_its_error(tmp_path: Path) -> None:
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "org.yaml").write_text("version: 1\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a", date="2026-01-10T10:00:00+00:00")
    git(repo, "rm", "-q", "org.yaml")
    git(repo, "commit", "-qm", "b", date="2026-02-10T10:00:00+00:00")
    (repo / "org.yaml").write_text("version: 1\n")  # back in the work tree, uncommitted
    versions = git_versions(str(repo / "org.yaml"))
    assert [(v.label, v.data is None) for v in versions] == [("2026-01", False), ("2026-02", True)]
    assert versions[1].error is not None
    assert "does not exist in this commit" in str(versions[1].error)


def test_not_in_a_repository(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text("version: 1\n")
    with pytest.raises(InputError, match="cannot read its history from git: fatal: not a git"):
        git_versions(str(path))


def test_files_in_order_and_a_folder_by_date(tmp_path: Path) -> None:
    for name in ("org-2026-03.yaml", "org-2026-01.yaml", "org-2026-02.yml", "notes.yaml"):
        (tmp_path / name).write_text("version: 1\n")
    versions = folder_versions(tmp_path)
    assert [v.label for v in versions] == ["2026-01", "2026-02", "2026-03"]
    given = file_versions([str(tmp_path / "notes.yaml"), str(tmp_path / "missing.yaml")])
    assert [(v.label, v.data) for v in given] == [("notes", b"version: 1\n"), ("missing", None)]
    assert "No such file" in str(given[1].error)


def test_a_folder_without_dates_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text("version: 1\n")
    with pytest.raises(UsageError, match="carries a date in its name"):
        folder_versions(tmp_path)


def test_parse_when() -> None:
    assert parse_when("2026-W10") == datetime.date(2026, 3, 2)
    assert parse_when("2026-03-15") == datetime.date(2026, 3, 15)
    with pytest.raises(UsageError, match="'March' is not a date"):
        parse_when("March")
    with pytest.raises(UsageError, match="'2026-13' is not a date"):
        parse_when("2026-13")


def test_not_in_a_repository_hints_at_files(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text("version: 1\n")
    with pytest.raises(InputError) as caught:
        git_versions(str(path))
    assert caught.value.issues[0].hint == (
        "one file is read from its git history; give several files or a folder"
    )
