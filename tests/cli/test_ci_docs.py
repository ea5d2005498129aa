"""docs/ci.md cannot drift: its jobs validate against the CI vendors' schemas (shipped with
check-jsonschema, no network), and its pre-commit snippet names the shipped hook."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def yaml_block(first_line: str) -> str:
    """The ```yaml block of docs/ci.md that starts with ``first_line``."""
    for block in re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S):
        if block.startswith(first_line):
            return block
    raise AssertionError(f"no yaml block starting with {first_line!r}")


@pytest.mark.parametrize(
    ("first_line", "schema"),
    [
        ("# .github/workflows/clientchain.yml", "vendor.github-workflows"),
        ("# .gitlab-ci.yml", "vendor.gitlab-ci"),
    ],
)
def test_ci_jobs_are_valid_for_their_vendor(tmp_path: Path, first_line: str, schema: str) -> None:
    path = tmp_path / "ci.yml"
    path.write_text(yaml_block(first_line), encoding="utf-8")
    done = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_jobs_use_the_documented_options() -> None:
    github = yaml.safe_load(yaml_block("# .github/workflows/clientchain.yml"))
    runs = [step.get("run", "") for job in github["jobs"].values() for step in job["steps"]]
    assert any("--format sarif --output clientchain.sarif" in run for run in runs)
    assert any("--format markdown --output diff.md --fail-on-regression" in run for run in runs)
    gitlab = yaml.safe_load(yaml_block("# .gitlab-ci.yml"))
    assert gitlab["clientchain-check"]["artifacts"]["reports"]["junit"] == "clientchain-junit.xml"


def test_pre_commit_snippet_names_the_shipped_hook() -> None:
    config = yaml.safe_load(yaml_block("# .pre-commit-config.yaml"))
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in config["repos"][0]["hooks"]] == [h["id"] for h in hooks]
    assert hooks[0]["files"] in DOC  # the default files pattern is documented
