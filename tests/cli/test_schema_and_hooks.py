"""The published JSON Schema, check-jsonschema on it, and the pre-commit hook."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .cli_support import EXAMPLES, TALLER, Invoke
from .conftest import git

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema" / "clientchain.schema.json"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
VALID = sorted(EXAMPLES.glob("*.yaml")) + sorted(
    (ROOT / "tests" / "cases" / "valid").glob("*.yaml")
)


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(SCHEMA), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_published_schema_is_the_one_the_command_prints(cli: Invoke) -> None:
    result = cli("schema")
    assert result.exit_code == 0
    assert SCHEMA.read_text(encoding="utf-8") == result.stdout, (
        "run: clientchain schema > schema/clientchain.schema.json"
    )


def test_check_jsonschema_accepts_every_example_and_valid_case() -> None:
    done = check_jsonschema(*VALID)
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_jsonschema_accepts_entity_ignore_lists(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        TALLER.replace("envios: {name: Envíos}", "envios: {name: Envíos, ignore: [isolated]}"),
        encoding="utf-8",
    )
    assert check_jsonschema(path).returncode == 0


@pytest.mark.parametrize(
    ("text", "pointer"),
    [
        (TALLER.replace("version: 1", "version: 2"), "$.version"),
        (TALLER.replace("period: week", "period: year"), "$.period"),
        (TALLER.replace("envios: {name: Envíos}", "envios: {name: Envíos, colour: red}"), "envios"),
        (TALLER.replace("quality: 95%", "quality: lots"), "quality"),
        (TALLER.replace("- {department: taller, effort: 2h}", "- {department: taller}"), "effort"),
    ],
)
def test_check_jsonschema_rejects_invalid_files(tmp_path: Path, text: str, pointer: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    done = check_jsonschema(path)
    assert done.returncode == 1
    assert pointer in done.stdout + done.stderr


def test_docs_show_the_yaml_language_server_line() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=" in text
    assert "schema/clientchain.schema.json" in text


# -- pre-commit ------------------------------------------------------------------------------

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hook_manifest_runs_check_on_org_yaml_files() -> None:
    (hook,) = HOOKS
    assert hook["id"] == "clientchain-check"
    assert hook["entry"] == "clientchain check"
    assert hook["language"] == "python"
    pattern = re.compile(hook["files"])
    for name in ("org.yaml", "org.yml", "team/agencia.org.yaml", "a/b/org.yml"):
        assert pattern.search(name), name
    for name in ("workflow.yaml", "organization.yaml", "org.yaml.bak", "dorg.yaml"):
        assert not pattern.search(name), name


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This project as a committed git repository (the working tree as it is now)."""
    folder = tmp_path_factory.mktemp("hook-repo")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(
        ROOT / "src", folder / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "hook")
    return folder


@pytest.fixture(scope="module")
def user_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A team's repository: a good org file, a bad one, and a YAML file that is no org file."""
    folder = tmp_path_factory.mktemp("user-repo")
    (folder / "good.org.yaml").write_text(TALLER, encoding="utf-8")
    bad = TALLER.replace("  envios: {name: Envíos}\n", "  envios: {name: Envíos}\n  archivo: {}\n")
    (folder / "bad.org.yaml").write_text(bad, encoding="utf-8")
    (folder / "ci.yaml").write_text("stages: [test]\n", encoding="utf-8")
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "orgs")
    return folder


def try_repo(
    hook_repo: Path, user_repo: Path, home: Path, *files: str
) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` (it builds the hook's venv from the package index)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRE_COMMIT")}
    env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(hook_repo), "clientchain-check", "--files", *files],
        cwd=user_repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_pre_commit_try_repo_passes_on_a_good_file(hook_repo, user_repo, tmp_path_factory) -> None:
    home = tmp_path_factory.mktemp("pre-commit-home")
    done = try_repo(hook_repo, user_repo, home, "good.org.yaml", "ci.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"clientchain check\.+Passed", done.stdout)


def test_pre_commit_try_repo_fails_with_the_finding(hook_repo, user_repo, tmp_path_factory) -> None:
    home = tmp_path_factory.mktemp("pre-commit-home")
    done = try_repo(hook_repo, user_repo, home, "bad.org.yaml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"clientchain check\.+Failed", done.stdout)
    assert "bad.org.yaml:8:3: warning [isolated] Department archivo has no handoffs" in done.stdout
