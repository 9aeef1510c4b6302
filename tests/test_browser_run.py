"""The examples the site runs in the browser ("Try it here", docs/assets/runnable.json).

The list is written only by `make update-browser` (tools/pyodide/run_all.mjs
--write), from real runs in Pyodide: an example gets a Run button only if it
printed exactly its stored Python 3.14 output there. This test runs them all
again (node + the pinned Pyodide in node_modules/, about a minute) and fails
when the list is stale, naming each example and the fix. Without node or
node_modules/pyodide it skips locally and fails in CI (CI=1/true/yes).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from verify.project import REPO as ROOT
from verify.project import in_ci
from verify.snippets import discover_snippets

LIST = ROOT / "docs" / "assets" / "runnable.json"
RUN_ALL = ROOT / "tools" / "pyodide" / "run_all.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"
FIX = "make update-browser"


def _missing(message: str):
    if in_ci():
        pytest.fail(f"CI is set and {message}", pytrace=False)
    pytest.skip(message)


def _stored() -> dict:
    return json.loads(LIST.read_text(encoding="utf-8"))


def test_list_names_every_example_once():
    """Every snippet has an entry (runs, or a one-line reason), and nothing else does."""
    listed = set(_stored()["examples"])
    snippets = {snippet.rel for snippet in discover_snippets()}
    missing, extra = sorted(snippets - listed), sorted(listed - snippets)
    assert not missing and not extra, (
        f"{LIST.relative_to(ROOT)} is stale: not listed: {missing}; no such snippet: {extra}. "
        f"Fix: {FIX}"
    )


def test_reasons_are_one_line():
    for path, entry in _stored()["examples"].items():
        if entry["runs"]:
            assert set(entry) == {"runs"}, path
        else:
            reason = entry["reason"]
            assert reason and "\n" not in reason and len(reason) < 120, (path, reason)


def test_list_names_the_runtime_version():
    assert re.fullmatch(r"3\.14\.\d+", _stored()["runtime"])


def test_list_is_current():
    """Every example runs in Pyodide as the list says (slow: all of them)."""
    node = shutil.which("node")
    if node is None:
        _missing("node is not installed (Node 20+; the Run buttons' runtime runs in it)")
    if not PYODIDE.exists():
        _missing("node_modules/pyodide is missing: run `make pyodide`")
    proc = subprocess.run(
        [node, str(RUN_ALL)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    print(proc.stdout)
    assert proc.returncode == 0, f"{proc.stdout}\n{proc.stderr}"
