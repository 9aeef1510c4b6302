"""Code style: ruff, configured once in pyproject.toml (80 columns for
snippets/, see snippets/ruff.toml), over tests and snippets; and the GitHub
Actions workflow against GitHub's schema, since it cannot run here."""

import subprocess
import sys
from pathlib import Path

from verify.project import ROOT

RUFF = Path(sys.executable).parent / "ruff"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_ruff_check_passes():
    result = subprocess.run([RUFF, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"{result.stdout}\nFix: `make format` or edit the files above."


def test_ruff_format_is_applied():
    result = subprocess.run(
        [RUFF, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, (
        f"{result.stdout}\nFix: `make format`, then `make update` if a snippet's line numbers "
        f"moved, and review the diff."
    )


def check_workflows(*paths: Path) -> subprocess.CompletedProcess:
    """GitHub's workflow schema, as vendored in check-jsonschema: no network."""
    return subprocess.run(
        [CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-workflows", *paths],
        capture_output=True,
        text=True,
    )


def test_workflows_match_githubs_schema():
    assert WORKFLOWS, "no workflow in .github/workflows"
    result = check_workflows(*WORKFLOWS)
    assert result.returncode == 0, f"{result.stdout}{result.stderr}\nFix the keys named above."


def test_workflow_check_catches_a_misspelt_key(tmp_path):
    bad = tmp_path / "site.yml"
    bad.write_text(WORKFLOWS[0].read_text(encoding="utf-8").replace("runs-on:", "run-on:"))
    result = check_workflows(bad)
    assert result.returncode == 1 and "'runs-on' is a required property" in result.stdout
