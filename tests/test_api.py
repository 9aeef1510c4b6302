"""API coverage: every Task/Future name is demonstrated by an executed snippet."""

import json
import subprocess

import pytest

from verify.apiindex import NAMES, demonstrations, render
from verify.interpreters import find_interpreters
from verify.project import ROOT, version_key
from verify.snippets import discover_snippets

# What each interpreter calls its Task/Future API: the public names of the
# asyncio modules about tasks and futures, and the public methods of their classes.
LIST_PUBLIC_NAMES = """
import asyncio, importlib, json
names = set()
for module in ("tasks", "futures", "taskgroups", "timeouts", "runners", "graph",
               "exceptions"):
    try:
        names |= set(importlib.import_module("asyncio." + module).__all__)
    except ImportError:  # a module newer than this Python
        pass
for cls in ("Task", "Future", "TaskGroup", "Timeout", "Runner"):
    if hasattr(asyncio, cls):
        names |= {f"{cls}.{m}" for m in dir(getattr(asyncio, cls)) if m[0] != "_"}
print(json.dumps(sorted(n for n in names if not n.startswith("_"))))
"""

# Public names in those modules that are not about tasks or futures, or that
# the index covers under another name.
NOT_INDEXED = {
    "BrokenBarrierError": "asyncio.Barrier, a synchronisation primitive",
    "IncompleteReadError": "streams",
    "LimitOverrunError": "streams",
    "SendfileNotAvailableError": "loop.sendfile()",
    "Runner.close": "called by the `with` block that Runner.run is shown in",
}


@pytest.mark.parametrize("name,since", NAMES, ids=[name for name, _ in NAMES])
def test_api_name_is_demonstrated_by_a_snippet(name, since):
    shown = demonstrations(name, discover_snippets())
    if not shown:
        pytest.fail(
            f"No snippet demonstrates asyncio {name}. Fix: add an example that calls it "
            f"to the page that explains it, then `make api-index`.",
            pytrace=False,
        )
    if since:
        # The demonstration must run where the name exists, and only there.
        wrong = [s.rel for s in shown if version_key(s.min_version) < version_key(since)]
        if len(wrong) == len(shown):
            pytest.fail(
                f"{name} appeared in Python {since}, but its snippets ({', '.join(wrong)}) "
                f"do not start with `# Requires Python {since}+`.",
                pytrace=False,
            )


def test_api_index_page_is_current():
    page = ROOT / "docs" / "api.md"
    if page.read_text(encoding="utf-8") != render():
        pytest.fail(
            "docs/api.md is out of date with the snippets. Fix: `make api-index`, "
            "then review the diff.",
            pytrace=False,
        )


def test_api_index_covers_every_task_and_future_name():
    """Every public Task/Future name of every supported Python is in NAMES."""
    indexed = {name for name, _ in NAMES}
    missing: dict[str, list[str]] = {}
    for version, python in find_interpreters().items():
        if python is None:
            continue
        out = subprocess.run(
            [str(python), "-c", LIST_PUBLIC_NAMES], capture_output=True, text=True, check=True
        ).stdout
        for name in json.loads(out):
            if name not in indexed and name not in NOT_INDEXED:
                missing.setdefault(name, []).append(version)
    if missing:
        listed = ", ".join(f"{name} ({' '.join(vs)})" for name, vs in sorted(missing.items()))
        pytest.fail(
            f"Public asyncio Task/Future names missing from the API index: {listed}. "
            "Fix: add each to NAMES in verify/apiindex.py with the version it "
            "appeared in (or to NOT_INDEXED in tests/test_api.py, with the reason), "
            "then `make api-index`.",
            pytrace=False,
        )
