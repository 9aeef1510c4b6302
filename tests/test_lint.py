"""Code style: ruff, configured once in pyproject.toml, over tests and snippets."""

import subprocess
import sys
from pathlib import Path

from harness import ROOT

RUFF = Path(sys.executable).parent / "ruff"


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
