"""Which examples the site runs in the browser ("Try it here"): docs/assets/runnable.json.

tools/pyodide/run_all.mjs runs examples in Pyodide with the site's own worker
and prints what each printed and drew; everything else is decided here, by
the harness's own rules: which stored file applies to Python 3.14
(Snippet.expected_file, expected_timeline), what is normalised
(environment.normalise), the `# Requires Python` line (Snippet.min_version).

An example runs in the browser (`"runs": true`) when it printed exactly its
stored 3.14 output there and exited with status 0. If it did and its stored
3.14 timeline is not the picture the browser drew, its entry says why in
`"timeline"`; the others get a one-line `"reason"`. The list is written only
by `make update-browser` (`python -m tools.browser_list --write`), and
tests/test_browser_run.py checks it.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import zipfile
from dataclasses import dataclass, field

from verify.environment import normalise
from verify.expected import stored_timeline
from verify.project import REPO, ROOT, version_key
from verify.running import TIMEOUT
from verify.snippets import Snippet, discover_snippets


def _pinned_python() -> str:
    """The Python the pinned Pyodide is built on (package.json): 314.0.8 -> 3.14."""
    pin = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["dependencies"]
    major = pin["pyodide"].split(".")[0]
    return f"{major[0]}.{major[1:]}"


BROWSER_PYTHON = _pinned_python()
RUNTIME = REPO / "docs" / "assets" / "pyodide"  # `make pyodide` copies it there
MODULES = RUNTIME / "try_it_modules.zip"  # verify/child/ and verify/timeline*.py, copied
RUN_ALL = REPO / "tools" / "pyodide" / "run_all.mjs"
LIST = ROOT / "docs" / "assets" / "runnable.json"
FIX = "make update-browser  (or: .venv/bin/python -m tools.browser_list --write)"


@dataclass
class BrowserRun:
    output: str  # normalised as the harness does
    status: int | None  # None: stopped after the timeout
    seconds: float
    timeline: str | None  # the SVG, with the harness's placeholder id


@dataclass
class Results:
    version: str  # e.g. 3.14.2
    boot_seconds: float
    runs: dict[str, BrowserRun] = field(default_factory=dict)


def missing() -> str | None:
    """Why the examples cannot run in Pyodide here (with the fix), or None."""
    if shutil.which("node") is None:
        return "node is not installed (Node 20+; the Run buttons' runtime runs in it)"
    if not (RUNTIME / "pyodide.mjs").exists() or not MODULES.exists():
        return f"{RUNTIME.relative_to(REPO)}/ is missing or incomplete: run `make pyodide`"
    with zipfile.ZipFile(MODULES) as modules:
        stale = [
            name
            for name in modules.namelist()
            if not (REPO / name).exists() or modules.read(name) != (REPO / name).read_bytes()
        ]
    if stale:
        return (
            f"{MODULES.relative_to(REPO)} holds older copies of {', '.join(stale)}: "
            f"run `make pyodide`"
        )
    return None


def run_in_pyodide(snippets: list[Snippet], record: bool = True) -> Results:
    """Run each example in Pyodide (tools/pyodide/run_all.mjs), as the page does."""
    problem = missing()
    if problem:
        raise RuntimeError(problem)
    command = ["node", str(RUN_ALL), "--timeout", str(TIMEOUT), *(s.rel for s in snippets)]
    if not record:
        command.insert(2, "--no-record")
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, text=True)
    results = None
    for line in proc.stdout:
        message = json.loads(line)
        if message["type"] == "ready":
            results = Results(message["version"], message["seconds"])
        else:
            results.runs[message["path"]] = BrowserRun(
                normalise(message["output"]),
                message["status"],
                message["seconds"],
                message["timeline"],
            )
    if proc.wait() != 0 or results is None or len(results.runs) != len(snippets):
        raise RuntimeError(f"{RUN_ALL.relative_to(REPO)} failed (exit status {proc.returncode})")
    return results


def _first_difference(expected: str, actual: str) -> str:
    a, b = expected.split("\n"), actual.split("\n")
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<end>"
        y = b[i] if i < len(b) else "<end>"
        if x != y:
            return f"line {i + 1}: expected {x!r}, got {y!r}"
    return ""


def _why_not(snippet: Snippet, run: BrowserRun, runtime: str) -> str:
    """The one line a page shows under an example it cannot run."""
    if run.status is None:
        return f"does not finish in the browser within {TIMEOUT:.0f} s"
    if "can't start new thread" in run.output:
        return "starts a thread, and a page's Python cannot"
    if "lacks multiprocessing" in run.output or "does not support processes" in run.output:
        return "starts a process, and a page's Python cannot"
    if "signal" in snippet.source and "signal" in run.output:
        return "uses signals, which a page's Python does not have"
    if "socketpair" in run.output:  # its traceback: Pyodide cannot make one (EINVAL)
        return "opens a pair of sockets, which a page's Python cannot"
    if "exception in shielded future" in run.output:  # asyncio.shield's log in 3.14.2 only
        shown = "the newest 3.14 (shown) does not"
        return f"the browser's Python {runtime} logs a shielded task's error; {shown}"
    return f"prints something else in the browser's Python ({runtime} on WebAssembly)"


def entry_for(snippet: Snippet, run: BrowserRun, runtime: str) -> tuple[dict, str | None]:
    """The example's entry in the list, and what went differently (for the report)."""
    expected_path = snippet.expected_file(BROWSER_PYTHON)
    expected = expected_path.read_text(encoding="utf-8")
    if run.status != 0 or run.output != expected:
        if run.status == 0:
            detail = f"differs from {expected_path.relative_to(ROOT).as_posix()}: " + (
                _first_difference(expected, run.output)
            )
        elif run.status is None:
            detail = "stopped"
        else:
            last = (run.output.strip().split("\n") or [""])[-1]
            detail = f"exit status {run.status}: {last}"
        return {"runs": False, "reason": _why_not(snippet, run, runtime)}, detail
    stored_path = snippet.expected_timeline(BROWSER_PYTHON)
    stored = stored_timeline(stored_path)
    if stored is None and run.timeline is not None and snippet.no_timeline:
        picture = "the browser draws a picture the example opts out of"
        return {"runs": True, "timeline": picture}, f"# No timeline: {snippet.no_timeline}"
    if stored is None or stored == run.timeline:
        return {"runs": True}, None  # no picture on the page, or the same one
    name = stored_path.relative_to(ROOT).as_posix()
    if run.timeline is None:
        return {"runs": True, "timeline": "the browser draws no picture"}, f"{name}: none drawn"
    # None differs today (Pyodide 314.0.8); a change would show in the check's diff.
    return {"runs": True, "timeline": "the browser's run draws another picture"}, f"{name} differs"


def current_list(snippets: list[Snippet] | None = None) -> tuple[dict, dict[str, str], Results]:
    """Run the examples (default: every one) in Pyodide: the list they make, what went
    differently for each that is not simply runnable, and the runs."""
    snippets = discover_snippets() if snippets is None else snippets
    results = run_in_pyodide(browser_snippets(snippets))
    return (*build_list(results, snippets), results)


def build_list(results: Results, snippets: list[Snippet]) -> tuple[dict, dict[str, str]]:
    examples, details = {}, {}
    for snippet in snippets:
        if version_key(snippet.min_version) > version_key(BROWSER_PYTHON):
            examples[snippet.rel] = {
                "runs": False,
                "reason": f"needs Python {snippet.min_version}+; the browser has {results.version}",
            }
            continue
        examples[snippet.rel], detail = entry_for(
            snippet, results.runs[snippet.rel], results.version
        )
        if detail:
            details[snippet.rel] = detail
    return {"runtime": results.version, "examples": examples}, details


def browser_snippets(snippets: list[Snippet]) -> list[Snippet]:
    """The ones Python 3.14 can run at all (a 3.15+ example is not tried)."""
    return [s for s in snippets if version_key(s.min_version) <= version_key(BROWSER_PYTHON)]


def serialise(listing: dict) -> str:
    """One line per example: a refresh's diff names exactly the examples that changed."""
    lines = [
        f"  {json.dumps(rel)}: {json.dumps(entry, separators=(',', ':'))}"
        for rel, entry in sorted(listing["examples"].items())
    ]
    body = ",\n".join(lines)
    return f'{{\n "runtime": {json.dumps(listing["runtime"])},\n "examples": {{\n{body}\n }}\n}}\n'


def says(entry: dict | None) -> str:
    if entry is None:
        return "nothing"
    if not entry["runs"]:
        return f"not run ({entry['reason']})"
    return f"it runs, picture: {entry['timeline']}" if "timeline" in entry else "it runs"


def stale_entries(stored: dict, current: dict, details: dict[str, str]) -> list[str]:
    """One line per example the stored list is wrong about: what it says, what a run says."""
    stale = []
    was_all, now_all = stored.get("examples", {}), current["examples"]
    for rel in sorted(set(was_all) | set(now_all)):
        was, now = was_all.get(rel), now_all.get(rel)
        if was != now:
            extra = f" [{details[rel]}]" if rel in details else ""
            if now is None:
                stale.append(f"{rel}: the list says {says(was)}, but there is no such example")
            else:
                stale.append(f"{rel}: the list says {says(was)}, a run now says {says(now)}{extra}")
    if stored.get("runtime") != current["runtime"]:
        stale.append(
            f"runtime: the list says {stored.get('runtime')}, the runtime is {current['runtime']}"
        )
    return stale


def stale_report(stale: list[str]) -> str:
    """What a stale list's check prints: each example, then the fix."""
    return (
        f"{LIST.relative_to(ROOT)} is stale:\n  "
        + "\n  ".join(stale)
        + f"\nFix: {FIX}, then review git diff"
    )


def median(values) -> float:
    return statistics.median(values) if values else 0.0


def summary(listing: dict, results: Results) -> str:
    runs = [rel for rel, e in listing["examples"].items() if e["runs"]]
    pictures = [rel for rel in runs if Snippet(ROOT / rel).expected_timeline(BROWSER_PYTHON)]
    same = [rel for rel in pictures if "timeline" not in listing["examples"][rel]]
    seconds = [r.seconds for r in results.runs.values() if r.status is not None]
    return (
        f"Python {listing['runtime']} in Pyodide: {len(runs)} of {len(listing['examples'])} "
        f"examples print their stored 3.14 output; {len(same)} of the {len(pictures)} of them "
        f"with a stored 3.14 timeline draw it the same; runtime loaded in "
        f"{results.boot_seconds:.1f} s, median run {median(seconds):.2f} s, "
        f"slowest {max(seconds, default=0):.2f} s"
    )
