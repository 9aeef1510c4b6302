"""The examples the site runs in the browser ("Try it here", docs/assets/runnable.json).

The list is written only by `make update-browser` (`python -m tools.browser_list
--write`), from real runs in Pyodide (tools/pyodide/run_all.mjs, the site's own
worker): an example gets a Run button only if it printed exactly its stored
Python 3.14 output there; its entry also says when the picture the browser
draws is not its stored 3.14 timeline. The rules are verify/pyodide_runs.py's,
which reuses the harness's (stored file for 3.14, normalise, `# Requires
Python`). The last test runs them all again (node + the runtime `make pyodide`
copies into docs/assets/pyodide/, one to two minutes) and fails when the list
is stale, naming each example and the fix. Without node or that runtime it
skips locally and fails in CI (CI=1/true/yes).
"""

from __future__ import annotations

import json
import re

import pytest

from verify import pyodide_runs as pr
from verify.expected import stored_timeline
from verify.project import REPO as ROOT
from verify.project import in_ci
from verify.pyodide_runs import BROWSER_PYTHON
from verify.snippets import Snippet, discover_snippets

LIST = pr.LIST
# An example with a stored 3.14 output and timeline (a cancellation: a picture with marks).
EXAMPLE = Snippet(ROOT / "snippets" / "cancellation" / "cancel_raises_inside_the_task.py")


def _stored() -> dict:
    return json.loads(LIST.read_text(encoding="utf-8"))


def test_list_names_every_example_once():
    """Every snippet has an entry (runs, or a one-line reason), and nothing else does."""
    listed = set(_stored()["examples"])
    snippets = {snippet.rel for snippet in discover_snippets()}
    missing, extra = sorted(snippets - listed), sorted(listed - snippets)
    assert not missing and not extra, (
        f"{LIST.relative_to(ROOT)} is stale: not listed: {missing}; no such snippet: {extra}. "
        f"Fix: {pr.FIX}"
    )


def test_reasons_are_one_line():
    for path, entry in _stored()["examples"].items():
        key = "reason" if not entry["runs"] else "timeline"
        assert set(entry) <= {"runs", key}, (path, entry)
        if key in entry or not entry["runs"]:
            reason = entry[key]
            assert reason and "\n" not in reason and len(reason) < 120, (path, reason)


def test_list_names_the_runtime_version():
    # The release of the Python the pinned Pyodide is built on (package.json).
    assert re.fullmatch(re.escape(BROWSER_PYTHON) + r"\.\d+", _stored()["runtime"])


def _run(output=None, status=0, timeline="stored") -> pr.BrowserRun:
    """A browser run of EXAMPLE that printed and drew what is stored, unless told otherwise."""
    expected = EXAMPLE.expected_file(BROWSER_PYTHON).read_text(encoding="utf-8")
    stored = stored_timeline(EXAMPLE.expected_timeline(BROWSER_PYTHON))
    assert stored, "EXAMPLE needs a stored 3.14 timeline for these tests"
    return pr.BrowserRun(
        expected if output is None else output,
        status,
        0.1,
        stored if timeline == "stored" else timeline,
    )


def test_same_output_and_picture_runs():
    assert pr.entry_for(EXAMPLE, _run(), "3.14.2") == ({"runs": True}, None)


def test_another_picture_is_listed_with_its_reason():
    drawn = _run().timeline.replace("cancelled", "returned", 1)
    entry, detail = pr.entry_for(EXAMPLE, _run(timeline=drawn), "3.14.2")
    assert entry["runs"] and entry["timeline"], entry
    assert "cancel_raises_inside_the_task.timeline.svg" in detail
    entry, _ = pr.entry_for(EXAMPLE, _run(timeline=None), "3.14.2")
    assert entry == {"runs": True, "timeline": "the browser draws no picture"}


def test_a_picture_for_an_example_that_opts_out_is_listed():
    """The runner applies `# No timeline` itself (the harness records nothing then)."""
    opted = next(s for s in discover_snippets() if s.no_timeline and not s.timeline_files())
    output = opted.expected_file(BROWSER_PYTHON).read_text(encoding="utf-8")
    assert pr.entry_for(opted, pr.BrowserRun(output, 0, 0.1, None), "3.14.2") == (
        {"runs": True},
        None,
    )
    entry, _ = pr.entry_for(opted, pr.BrowserRun(output, 0, 0.1, "<svg/>"), "3.14.2")
    assert entry == {
        "runs": True,
        "timeline": "the browser draws a picture the example opts out of",
    }


def test_other_output_or_status_does_not_run():
    expected = _run().output
    entry, detail = pr.entry_for(EXAMPLE, _run(output=expected + "one more line\n"), "3.14.2")
    assert not entry["runs"] and "prints something else" in entry["reason"]
    assert "cancel_raises_inside_the_task.out" in detail and "one more line" in detail
    entry, _ = pr.entry_for(EXAMPLE, _run(status=1), "3.14.2")
    assert not entry["runs"]
    entry, _ = pr.entry_for(
        EXAMPLE, _run(output="RuntimeError: can't start new thread\n", status=1), "3.14.2"
    )
    assert entry["reason"] == "starts a thread, and a page's Python cannot"
    entry, _ = pr.entry_for(
        EXAMPLE, _run(output="OSError exception in shielded future\n"), "3.14.2"
    )
    assert "Python 3.14.2 logs a shielded task's error" in entry["reason"]
    entry, _ = pr.entry_for(EXAMPLE, _run(status=None), "3.14.2")
    assert entry["reason"].startswith("does not finish in the browser")


def test_a_stale_list_names_each_example():
    current = {"runtime": "3.14.2", "examples": {EXAMPLE.rel: {"runs": True}}}
    stored = {
        "runtime": "3.14.1",
        "examples": {
            EXAMPLE.rel: {"runs": False, "reason": "r"},
            "snippets/x/gone.py": {"runs": True},
        },
    }
    stale = pr.stale_entries(stored, current, {})
    assert len(stale) == 3, stale
    assert stale[0].startswith(f"{EXAMPLE.rel}: the list says not run (r), a run now says it runs")
    assert "snippets/x/gone.py" in stale[1] and "no such example" in stale[1]
    assert "3.14.1" in stale[2]


def test_list_is_current():
    """Every example runs in Pyodide as the list says (slow: all of them)."""
    problem = pr.missing()
    if problem:
        if in_ci():
            pytest.fail(f"CI is set and {problem}", pytrace=False)
        pytest.skip(problem)
    listing, details, results = pr.current_list()
    print(pr.summary(listing, results))
    stale = pr.stale_entries(_stored(), listing, details)
    assert not stale, pr.stale_report(stale)
