"""update_satisfaction_file: the org file on disk, written atomically and only when it changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clientchain.app.org_update import update_satisfaction_file
from clientchain.errors import InputError, UsageError
from clientchain.loading import load_file

TEXT = (
    "version: 1\r\n"
    "departments: {a: {}, b: {}}   # two\r\n"
    "handoffs:\r\n"
    "  - {from: a, to: b, satisfaction: 3.8}  # old\r\n"
)


def test_writes_the_new_values_keeping_bytes(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    os.chmod(path, 0o640)
    result = update_satisfaction_file(path, {("a", "b"): (4.125, 9), ("b", "a"): (2.0, 3)})
    assert path.read_bytes() == b"\xef\xbb\xbf" + TEXT.replace(
        "satisfaction: 3.8}", "satisfaction: 4.13, answers: 9}"
    ).encode("utf-8")
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert result.not_found == (("b", "a"),)
    handoff = load_file(path).handoffs[0]
    assert (handoff.satisfaction, handoff.answers) == (4.13, 9)
    assert [p.name for p in tmp_path.iterdir()] == ["org.yaml"]  # no temporary file left


def test_nothing_to_write_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_bytes(TEXT.encode())
    before = os.stat(path).st_mtime_ns
    result = update_satisfaction_file(path, {("b", "a"): (2.0, 3)})
    assert not result.changed
    assert os.stat(path).st_mtime_ns == before


def test_a_refused_edit_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    text = TEXT.replace("{from: a", "&h {from: a")
    path.write_bytes(text.encode())
    with pytest.raises(InputError, match="anchors"):
        update_satisfaction_file(path, {("a", "b"): (4.0, 9)})
    assert path.read_bytes() == text.encode()


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        update_satisfaction_file(tmp_path / "missing.yaml", {})
    with pytest.raises(InputError, match="a directory"):
        update_satisfaction_file(tmp_path, {})
    with pytest.raises(UsageError, match="standard input"):
        update_satisfaction_file("-", {})
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        update_satisfaction_file(fifo, {})


def test_a_file_changed_meanwhile_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import clientchain.app.org_update as module

    path = tmp_path / "org.yaml"
    path.write_bytes(TEXT.encode())
    real = module.update_satisfaction

    def meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(*args, **kwargs)
        path.write_bytes(TEXT.encode() + b"# edited by someone else\n")
        return result

    monkeypatch.setattr(module, "update_satisfaction", meanwhile)
    with pytest.raises(InputError, match="changed while it was being updated"):
        update_satisfaction_file(path, {("a", "b"): (4.0, 9)})
    assert path.read_bytes().endswith(b"# edited by someone else\n")
