"""The corpus of invalid and valid org files, through the library and the real CLI.

Every invalid file must be refused with each of its problems located exactly as
``tests/cases/invalid/expected.json`` says, and nothing else; every valid file
must load.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clientchain.errors import InputError
from clientchain.loading import load_file

CASES = Path(__file__).resolve().parent / "cases"
INVALID = sorted((CASES / "invalid").glob("*.yaml"))
VALID = sorted((CASES / "valid").glob("*.yaml"))
EXPECTED: dict[str, list[dict[str, object]]] = json.loads(
    (CASES / "invalid" / "expected.json").read_text(encoding="utf-8")
)


def test_the_corpus_is_large_and_fully_described() -> None:
    assert len(INVALID) >= 20
    assert sorted(EXPECTED) == [p.name for p in INVALID]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_file_is_refused_with_every_problem_located(path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_file(path)
    found = [(i.line, i.column, f"{i.message} {i.hint}".lower()) for i in caught.value.issues]
    expected = EXPECTED[path.name]
    for want in expected:
        assert any(
            line == want["line"] and column == want["column"] and str(want["contains"]) in text
            for line, column, text in found
        ), f"{want} not in {found}"
    assert len(found) == len(expected), found
    assert all(i.file == str(path) for i in caught.value.issues)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_file_loads(path: Path) -> None:
    org = load_file(path)
    assert org.departments


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clientchain", *args],
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_cli_check_refuses_the_whole_corpus_located_without_traceback() -> None:
    result = run_cli("check", *map(str, INVALID))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    for path in INVALID:
        first = EXPECTED[path.name][0]
        assert f"{path}:{first['line']}:{first['column']}:" in result.stdout, path.name


def test_alias_bomb_fails_fast_through_the_cli(tmp_path: Path) -> None:
    lines = ["version: 1", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="alias"):
        load_file(bomb)
    result = run_cli("check", str(bomb))
    assert result.returncode == 2
    # Nodes aliases expand to, line by line: b (line 3) 9 × 10 = 90; c 9 × 91 = 819 (909 in all);
    # d 9 × 820 = 7,380 (8,289); e 9 × 7,381 = 66,429 (74,718); the first '*e' on line 7,
    # column 8, adds 66,430 more: 141,148 > 100,000, so reading stops right there.
    assert f"{bomb}:7:8: error [input-error] aliases expand" in result.stdout
    assert "Traceback" not in result.stderr


def test_twenty_thousand_levels_of_nesting_are_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("version: 1\nx: " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    result = run_cli("check", str(deep))
    assert result.returncode == 2
    assert "nests deeper than" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_3000_department_linear_chain_checks_through_the_cli(tmp_path: Path) -> None:
    n = 3000
    departments = "".join(f"  d{i}: {{}}\n" for i in range(n))
    steps = "".join(f"      - {{department: d{i}, effort: 1m}}\n" for i in range(n))
    org = tmp_path / "long.yaml"
    org.write_text(
        f"version: 1\ndepartments:\n{departments}clients:\n  end: {{}}\n"
        f"chains:\n  long:\n    client: end\n    demand: 1\n    steps:\n{steps}",
        encoding="utf-8",
    )
    result = run_cli("check", str(org), "--format", "json")
    assert result.returncode == 1, result.stderr  # warnings: no-feedback on d2999
    findings = json.loads(result.stdout)["findings"]
    # every department of a single line is a single point of failure for 'end'
    assert sum(f["rule"] == "single-point-of-failure" for f in findings) == n
    assert "RecursionError" not in result.stderr
