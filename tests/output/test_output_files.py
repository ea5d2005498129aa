"""``write_atomic``: all or nothing, no temporary left behind, no clobbering on request."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from clientchain.output import files
from clientchain.output.files import write_atomic


def test_writes_text_as_utf8(tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    write_atomic(target, "organization: Compañía\n")
    assert target.read_bytes() == "organization: Compañía\n".encode()
    assert os.listdir(tmp_path) == ["org.yaml"]


def test_writes_bytes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    write_atomic(str(target), b"\x00new")
    assert target.read_bytes() == b"\x00new"


def test_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.yaml", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("mine")
    with pytest.raises(FileExistsError):
        write_atomic(target, "theirs", replace=False)
    assert target.read_text() == "mine"
    assert os.listdir(tmp_path) == ["org.yaml"]


def test_no_clobber_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(source: str, target: str) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    write_atomic(tmp_path / "a.yaml", "a", replace=False)
    assert (tmp_path / "a.yaml").read_text() == "a"
    assert os.listdir(tmp_path) == ["a.yaml"]


def test_failure_leaves_the_target_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["org.yaml"]


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nope" / "org.yaml", "x")
