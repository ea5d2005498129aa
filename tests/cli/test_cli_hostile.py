"""Hostile input through the command line: exit 2, located one-line messages, no traceback."""

from __future__ import annotations

import pytest

from .cli_support import Invoke, run_script

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
