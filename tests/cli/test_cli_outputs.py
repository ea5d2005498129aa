"""Output files through the command line: never an input, never a temporary file's name,
never a FIFO, device or link replaced (issue 13 items 1, 2 and 11; issue 12 item 11)."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from .cli_support import SCRIPT, TALLER, Invoke, run_script

# --- An output that is one of the inputs (issue 13, item 1) -------------------------------------

LOG = "case,department,timestamp\n1,Ventas,2024-01-01 09:00\n1,Taller,2024-01-01 10:00\n"


def _writers(org: Path, other: Path, log: Path, theme: Path) -> dict[str, tuple[list[str], Path]]:
    """Each command that writes a file, with the input it is asked to overwrite."""
    return {
        "check": (["check", str(org), "-o", "{}"], org),
        "check second file": (["check", str(other), str(org), "-o", "{}"], org),
        "diff new": (["diff", str(other), str(org), "-o", "{}"], org),
        "diff old": (["diff", str(org), str(other), "-o", "{}"], org),
        "map": (["map", str(org), "-o", "{}"], org),
        "render": (["render", str(org), "-o", "{}"], org),
        "render theme file": (
            ["render", str(org), "--theme-file", str(theme), "-o", "{}"],
            theme,
        ),
        "report": (["report", str(org), "-o", "{}"], org),
        "slides": (["slides", str(org), "-o", "{}"], org),
        "discover": (["discover", str(log), "-o", "{}"], log),
        "discover compare": (["discover", str(log), "--compare", str(org), "-o", "{}"], org),
        "simulate": (["simulate", str(org), "--demand", "1.2", "-o", "{}"], org),
    }


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "sub").mkdir()
    files = {
        "org": tmp_path / "org.yaml",
        "other": tmp_path / "other.yaml",
        "log": tmp_path / "log.csv",
        "theme": tmp_path / "brand.yaml",
    }
    files["org"].write_text(TALLER, encoding="utf-8")
    files["other"].write_text(TALLER.replace("Taller Núñez", "Otro"), encoding="utf-8")
    files["log"].write_text(LOG, encoding="utf-8")
    files["theme"].write_text("accent: '#0055aa'\n", encoding="utf-8")
    return files


def _spellings(target: Path) -> dict[str, str]:
    """The same file named as given, through `..`, a symbolic link and a hard link."""
    folder = target.parent
    (folder / "link").symlink_to(target.name)
    os.link(target, folder / "hard")
    return {
        "as given": str(target),
        "dot-dot": str(folder / "sub" / ".." / target.name),
        "symlink": str(folder / "link"),
        "hard link": str(folder / "hard"),
    }


@pytest.mark.parametrize(
    "command",
    [
        "check",
        "check second file",
        "diff new",
        "diff old",
        "map",
        "render",
        "render theme file",
        "report",
        "slides",
        "discover",
        "discover compare",
        "simulate",
    ],
)
def test_an_output_that_is_an_input_is_refused(
    cli: Invoke, inputs: dict[str, Path], command: str
) -> None:
    args, victim = _writers(inputs["org"], inputs["other"], inputs["log"], inputs["theme"])[command]
    before = victim.read_bytes()
    for how, spelling in _spellings(victim).items():
        result = cli(*[spelling if a == "{}" else a for a in args])
        assert result.exit_code == 2, (how, result)
        assert f"clientchain: error: -o {spelling} is the input {victim}" in result.stderr, how
        assert "Traceback" not in result.stderr
        assert victim.read_bytes() == before, how
        assert result.stdout == "", how


def test_standard_input_redirected_from_the_output_is_refused(inputs: dict[str, Path]) -> None:
    org = inputs["org"]
    before = org.read_bytes()
    with org.open("rb") as stdin:
        done = subprocess.run(
            [str(SCRIPT), "check", "-", "-o", str(org)], stdin=stdin, capture_output=True
        )
    assert done.returncode == 2, done
    assert f"-o {org} is the input <stdin>" in done.stderr.decode()
    assert org.read_bytes() == before


def test_another_file_next_to_the_input_is_written(cli: Invoke, inputs: dict[str, Path]) -> None:
    out = inputs["org"].with_name("report.txt")
    result = cli("check", str(inputs["org"]), "-o", str(out))
    assert result.exit_code == 0, result
    assert "single-point-of-failure" in out.read_text(encoding="utf-8")


# --- Outputs that are not regular files (issue 13, item 2) --------------------------------------


def test_a_link_to_standard_output_is_written_through(org_file, tmp_path: Path) -> None:
    # `-o /dev/stdout` is a link to /proc/self/fd/1; a link of our own stands for it, so that a
    # regression (a rename over the link) can only ever replace a file in tmp_path.
    path = org_file()
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = run_script("check", str(path), "-o", str(link))
    assert result.exit_code == 0, result
    assert f"{path}:" in result.stdout
    assert "single-point-of-failure" in result.stdout
    assert "checked 1 file" in result.stderr
    assert link.is_symlink()


def test_standard_output_redirected_to_a_file_is_appended_to(org_file, tmp_path: Path) -> None:
    # `clientchain check org.yaml -o /dev/stdout >> log.txt`: the log keeps what it had.
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    log = tmp_path / "log.txt"
    log.write_text("earlier\n")
    with log.open("ab") as redirected:
        done = subprocess.run(
            [str(SCRIPT), "check", str(org_file()), "-o", str(link)],
            stdout=redirected,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert done.returncode == 0, done
    lines = log.read_text().splitlines()
    assert lines[0] == "earlier"
    assert "single-point-of-failure" in lines[1]


def test_a_fifo_output_stays_a_fifo(cli: Invoke, org_file, tmp_path: Path) -> None:
    fifo = tmp_path / "findings.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = cli("check", str(org_file()), "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result
    assert b"single-point-of-failure" in received[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_read_only_output_is_refused(cli: Invoke, org_file, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    out.write_text("keep me\n")
    out.chmod(0o444)
    result = cli("check", str(org_file()), "-o", str(out))
    assert result.exit_code == 2, result
    assert result.stderr.endswith(f"clientchain: error: read-only file, not overwritten: {out}\n")
    assert out.read_text() == "keep me\n"


# --- A failed write names the user's path (issue 12 item 11, issue 13 item 11) ------------------


def _write_commands(org: Path, out: str) -> dict[str, list[str]]:
    return {
        "render": ["render", str(org), "-o", out],
        "report": ["report", str(org), "-o", out],
        "slides": ["slides", str(org), "-o", out],
        "map": ["map", str(org), "-o", out],
        "check": ["check", str(org), "-o", out],
        "diff": ["diff", str(org), str(org), "-o", out],
        "init": ["init", out, "--force"],
        "simulate": ["simulate", str(org), "--demand", "1.1", "-o", out],
    }


EXTENSION = {
    "report": ".html",
    "slides": ".pptx",
    "check": ".txt",
    "diff": ".txt",
    "init": ".yaml",
    "simulate": ".yaml",
}


@pytest.mark.parametrize("command", sorted(_write_commands(Path(), "")))
@pytest.mark.parametrize("where", ["missing folder", "a directory"])
def test_a_failed_write_names_the_users_path(
    cli: Invoke, org_file, tmp_path: Path, command: str, where: str
) -> None:
    name = "x" + EXTENSION.get(command, ".svg")
    if where == "missing folder":
        out, reason = tmp_path / "missing" / name, "No such file or directory"
    else:
        out, reason = tmp_path / name, "Is a directory"
        out.mkdir()
    result = cli(*_write_commands(org_file(), str(out))[command])
    assert result.exit_code == 2, result
    assert ".tmp" not in result.stderr
    # one wording for every command (QA found `check`, `diff` and `simulate` answering a
    # directory in typer's usage box while the others said this)
    assert f"clientchain: error: {reason}: {out}\n" in result.stderr, result
    assert sorted(os.listdir(tmp_path)) == sorted(["org.yaml", *([name] if out.is_dir() else [])])
