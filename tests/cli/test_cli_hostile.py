"""Hostile input through the command line: exit 2, located one-line messages, no traceback."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import subprocess
import threading
from pathlib import Path

import pytest
import typer

from clientchain.cli import app
from clientchain.cli.root import COMMANDS
from clientchain.loading.yaml_source import MAX_STREAM_BYTES

from .cli_support import SCRIPT, TALLER, Invoke, run_script

HOSTILE = {
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "not a mapping": b"- just\n- a list\n",
    "bad yaml": b"departments: {a: [\n",
    "latin-1": "organization: Compañía\n".encode("latin-1"),
    "billion laughs": (
        b'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
        + b"".join(
            f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n".encode()
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
    ),
}


@pytest.mark.parametrize("command", ["map", "check"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file(cli: Invoke, org_file, command: str, name: str) -> None:
    path = org_file(HOSTILE[name])
    result = cli(command, str(path))
    assert result.exit_code == 2, result
    diagnostics = result.stdout if command == "check" else result.stderr
    assert f"{path}:" in diagnostics
    assert "Traceback" not in result.stdout + result.stderr


def test_missing_file_is_one_line(cli: Invoke, tmp_path) -> None:
    missing = tmp_path / "nowhere.yaml"
    result = cli("map", str(missing))
    assert result.exit_code == 2
    assert result.stderr == f"{missing}:1:1: no such file\n"
    assert result.stdout == ""


def test_directory_instead_of_a_file(cli: Invoke, tmp_path) -> None:
    result = cli("who", str(tmp_path), "x")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("module", [False, True])
def test_missing_file_through_the_script(tmp_path, module: bool) -> None:
    result = run_script("map", str(tmp_path / "nowhere.yaml"), module=module)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_binary_on_stdin(cli: Invoke) -> None:
    result = cli("map", "-", input=HOSTILE["binary"])
    assert result.exit_code == 2
    assert result.stderr.startswith("<stdin>:")


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
    }


EXTENSION = {"report": ".html", "slides": ".pptx", "check": ".txt", "diff": ".txt", "init": ".yaml"}


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
    # `check -o` and `diff -o` refuse a directory while parsing options, in typer's words.
    by_typer = command in ("check", "diff") and out.is_dir()
    expected = "is a directory" if by_typer else f"clientchain: error: {reason}: {out}\n"
    assert expected in result.stderr, result
    assert sorted(os.listdir(tmp_path)) == sorted(["org.yaml", *([name] if out.is_dir() else [])])


# --- Help text is shown as written, square brackets included (issue 12 item 11) -----------------

ROOT = typer.main.get_command(app)


def _flat(text: str) -> str:
    """Help as one line: box drawing and line breaks out, runs of spaces as one."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_keeps_text_in_square_brackets(cli: Invoke, name: str) -> None:
    command = ROOT.get_command(typer.Context(ROOT), name)  # type: ignore[attr-defined]
    texts = [command.help, *(getattr(p, "help", None) for p in command.params)]
    shown = _flat(cli(name, "--help").stdout)
    for text in texts:
        for paragraph in (text or "").split("\n\n"):
            assert _flat(paragraph) in shown, (name, paragraph)


def test_check_help_shows_its_defaults(cli: Invoke) -> None:
    shown = _flat(cli("check", "--help").stdout)
    assert "[default: [tool.clientchain] fail-on, else warning]" in shown
    assert "[default: github when GITHUB_ACTIONS=true, else text]" in shown


# --- Inputs that are not regular files are bounded (issue 13 item 4) ----------------------------


def _flood(fifo: Path, size: int) -> threading.Thread:
    """Write ``size`` bytes of YAML comment into ``fifo`` from a thread (the reader may stop)."""

    def feed() -> None:
        chunk = b"#" * (1024 * 1024 - 1) + b"\n"
        left = size
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as stream:
            while left > 0:
                left -= stream.write(chunk[: min(left, len(chunk))])

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    return feeder


@pytest.mark.parametrize("option", ["org file", "--theme-file"])
def test_an_endless_fifo_is_read_up_to_the_bound(
    cli: Invoke, org_file, tmp_path: Path, option: str
) -> None:
    fifo = tmp_path / "endless.yaml"
    os.mkfifo(fifo)
    feeder = _flood(fifo, MAX_STREAM_BYTES + 1)
    if option == "org file":
        result = cli("check", str(fifo))
        shown = result.stdout
    else:
        result = cli(
            "render", str(org_file()), "-o", str(tmp_path / "x.svg"), "--theme-file", str(fifo)
        )
        shown = result.stderr
    feeder.join(timeout=60)
    assert result.exit_code == 2, result
    assert f"{fifo}:1:1: " in shown
    assert "more than 128 MiB from something that is not a regular file; not read" in shown
    assert not (tmp_path / "x.svg").exists()


def test_a_fifo_up_to_the_bound_is_read(cli: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "org.yaml"
    os.mkfifo(fifo)
    feeder = threading.Thread(target=lambda: fifo.write_text(TALLER, encoding="utf-8"))
    feeder.start()
    result = cli("check", str(fifo), "--fail-on", "error")
    feeder.join(timeout=60)
    assert result.exit_code == 0, result


def test_check_with_standard_input_closed(org_file) -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" check - <&-', str(SCRIPT)], capture_output=True, timeout=60
    )
    assert done.returncode == 2, done
    assert done.stdout.decode() == "<stdin>:1:1: error [input-error] standard input is closed\n"
    assert b"Traceback" not in done.stderr
    assert b"internal error" not in done.stderr


def test_map_with_standard_output_closed(org_file) -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" map "$1" >&-', str(SCRIPT), str(org_file())],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2, done
    assert done.stderr.decode() == "clientchain: error: standard output is closed\n"


# --- A file name that is not UTF-8 (issue 13 item 10) -------------------------------------------

NOT_UTF8 = os.fsdecode(b"org\xff.yaml")  # 'org\udcff.yaml', as Python receives it in argv


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_a_file_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    (tmp_path / NOT_UTF8).write_text(TALLER, encoding="utf-8")
    result = run_script("check", NOT_UTF8, "--format", fmt, cwd=tmp_path)  # stdout: strict UTF-8
    assert result.exit_code == 0, result
    assert "internal error" not in result.stderr
    if fmt == "sarif":
        (run,) = json.loads(result.stdout)["runs"]
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
        }
        assert uris == {"org%FF.yaml"}  # the file's own bytes, percent-encoded as URIs are
    elif fmt == "json":
        assert {f["file"] for f in json.loads(result.stdout)["findings"]} == {NOT_UTF8}
    else:
        assert r"org\udcff.yaml" in result.stdout


def test_a_report_on_a_file_name_that_is_not_utf8_is_written(tmp_path: Path) -> None:
    (tmp_path / NOT_UTF8).write_text(TALLER, encoding="utf-8")
    result = run_script("check", NOT_UTF8, "--format", "sarif", "-o", "out.sarif", cwd=tmp_path)
    assert result.exit_code == 0, result
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


# --- An output encoding that cannot write every character (issue 13 item 10) --------------------


def _run_encoded(*args: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env["PYTHONIOENCODING"] = encoding
    return subprocess.run([str(SCRIPT), *args], capture_output=True, env=env, timeout=60)


@pytest.mark.parametrize("command", ["map", "chains", "check", "simulate"])
def test_cp1252_output_falls_back_to_ascii_arrows(org_file, command: str) -> None:
    text = TALLER.replace("Envíos", "Envíos Tōkyō 中")
    # a work loop taller → ventas → taller, so that `check` has an arrow to write
    text = text.replace(
        "handoffs:\n", "handoffs:\n  - {from: taller, to: ventas, deliverable: Dudas}\n"
    )
    extra = {"simulate": ["--demand", "2"], "check": ["--fail-on", "error"]}
    args = [command, str(org_file(text)), *extra.get(command, [])]
    done = _run_encoded(*args, encoding="cp1252")
    assert done.returncode == 0, done
    shown = done.stdout.decode("cp1252")
    assert "→" not in shown
    assert "->" in shown
    assert "Taller de diseño" in shown  # cp1252 has ñ: written as it is
    assert r"Envíos T\u014dky\u014d \u4e2d" in shown  # what it has not: escaped, not dropped
    assert b"internal error" not in done.stderr
