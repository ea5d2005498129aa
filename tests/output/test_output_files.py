"""``write_atomic``: all or nothing, no temporary left behind, no clobbering on request."""

from __future__ import annotations

import contextlib
import os
import stat
import threading
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


# --- What is not a regular file (issue 13, item 2) ----------------------------------------------


def _read_in_background(path: Path) -> tuple[threading.Thread, list[bytes]]:
    """Start a reader of the FIFO ``path``; its bytes land in the returned list."""
    received: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, received


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    reader, received = _read_in_background(fifo)
    write_atomic(fifo, "<svg/>\n")
    reader.join(timeout=30)
    assert received == [b"<svg/>\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert os.listdir(tmp_path) == ["pipe.svg"]


def test_a_fifo_is_waited_on_until_a_reader_comes(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    writer = threading.Thread(target=write_atomic, args=(fifo, "late\n"), daemon=True)
    writer.start()
    with open(fifo, "rb") as stream:  # the reader opens after the writer started
        assert stream.read() == b"late\n"
    writer.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlink_to_an_open_descriptor_is_written_through(tmp_path: Path) -> None:
    # `-o /dev/stdout` is a link to /proc/self/fd/1; a pipe's write end stands for stdout.
    read_end, write_end = os.pipe()
    link = tmp_path / "stdout"
    link.symlink_to(f"/proc/self/fd/{write_end}")
    try:
        write_atomic(link, "report\n")
        os.close(write_end)
        with os.fdopen(read_end, "rb") as stream:
            assert stream.read() == b"report\n"
    finally:
        with contextlib.suppress(OSError):
            os.close(write_end)
    assert link.is_symlink()


def test_a_link_to_a_redirected_regular_file_appends_to_it(tmp_path: Path) -> None:
    # `clientchain check org.yaml -o /dev/stdout >> log.txt`: the log keeps its inode and lines.
    log = tmp_path / "log.txt"
    log.write_text("earlier\n")
    inode = log.stat().st_ino
    with open(log, "ab") as redirected:
        link = tmp_path / "stdout"
        link.symlink_to(f"/proc/self/fd/{redirected.fileno()}")
        write_atomic(link, "report\n")
    assert log.read_text() == "earlier\nreport\n"
    assert log.stat().st_ino == inode


def test_a_symlink_keeps_being_a_link_and_its_target_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "org.svg"
    target.write_text("old")
    link = tmp_path / "org.svg"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_text() == "new"
    assert sorted(os.listdir(tmp_path / "real")) == ["org.svg"]  # no temporary left


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "org.svg"
    link.symlink_to("made.svg")
    write_atomic(link, "new")
    assert link.is_symlink()
    assert (tmp_path / "made.svg").read_text() == "new"


def test_a_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "org.svg"
    target.write_text("mine")
    target.chmod(0o444)
    with pytest.raises(PermissionError) as caught:
        write_atomic(target, "theirs")
    assert caught.value.filename == str(target)
    assert target.read_text() == "mine"
    assert os.listdir(tmp_path) == ["org.svg"]


def test_a_directory_is_refused_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "adir.svg"
    folder.mkdir()
    with pytest.raises(IsADirectoryError) as caught:
        write_atomic(folder, "x")
    assert caught.value.filename == str(folder)
    assert os.listdir(tmp_path) == ["adir.svg"]
    assert os.listdir(folder) == []
