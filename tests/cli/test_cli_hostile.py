"""Hostile input through the command line: exit 2, located one-line messages, no traceback."""

from __future__ import annotations

import contextlib
import json
import os
import re
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
