"""Stored outputs and timelines: which file a run is compared with, how a refresh
writes them, and the failure messages (each names the file and the command that fixes it)."""

from __future__ import annotations

import difflib
from pathlib import Path

from verify.interpreters import python_name
from verify.project import ROOT
from verify.running import TIMELINE_ID, Run
from verify.snippets import Snippet

UPDATE_COMMAND = "make update  (or: .venv/bin/pytest --update-snippets)"


def update_command(snippet: Snippet) -> str:
    """The refresh command for one snippet's page (snippets/<page>/...)."""
    page = snippet.page
    if page is None:
        return UPDATE_COMMAND
    return (
        f"make update PAGE={page}  (or: .venv/bin/pytest tests/test_snippets.py "
        f"--update-snippets -k {page}/)"
    )


def timeline_id(path: Path) -> str:
    """'tl-threads-to_thread_keeps_loop_free-py312': unique on the page that shows the file."""
    name = path.name.removesuffix(".timeline.svg").replace(".", "-")
    return f"tl-{path.parent.name}-{name}"


def timeline_for_file(svg: str, path: Path) -> str:
    return svg.replace(TIMELINE_ID, timeline_id(path))


def stored_timeline(path: Path | None) -> str | None:
    """A stored timeline with the placeholder id back, to compare across versions."""
    if path is None or not path.exists():
        return None
    return path.read_text(encoding="utf-8").replace(timeline_id(path), TIMELINE_ID)


def group_outputs(
    snippet: Snippet, outputs: dict[str, str], suffix: str = ".out"
) -> dict[Path, str]:
    """The minimal set of files for per-version outputs: a new file where the output changes."""
    files: dict[Path, str] = {}
    previous = None
    for version in snippet.versions:
        output = outputs[version]
        if previous is None:
            files[snippet.path.with_name(snippet.path.stem + suffix)] = output
        elif output != previous:
            minor = version.split(".")[1]
            files[snippet.path.with_name(f"{snippet.path.stem}.py3{minor}{suffix}")] = output
        previous = output
    return files


def group_timelines(
    snippet: Snippet, timelines: dict[str, str | None], needed: bool
) -> dict[Path, str]:
    """Like group_outputs, for the SVGs (placeholder ids); none if no version needs one."""
    if not needed:
        return {}
    files = group_outputs(snippet, {v: t or "" for v, t in timelines.items()}, ".timeline.svg")
    # A version that ran no task at all (it failed first) has no picture: no file for it.
    return {path: timeline_for_file(svg, path) for path, svg in files.items() if svg}


def write_outputs(snippet: Snippet, files: dict[Path, str], timelines: bool = False) -> list[str]:
    """Write the new expected outputs (or timelines) and remove the stored ones no longer wanted."""
    changes = []
    for _, old in snippet.timeline_files() if timelines else snippet.output_files():
        if old not in files and old.exists():
            old.unlink()
            changes.append(f"removed {old.relative_to(ROOT)}")
    for path, text in files.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changes.append(f"wrote {path.relative_to(ROOT)}")
    return changes


def unified_diff(expected: str, actual: str, expected_name: str) -> str:
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"{expected_name} (expected)",
            tofile="actual output",
        )
    )


def failure_for(snippet: Snippet, version: str, run: Run, timeout: float) -> str | None:
    """A message naming the file and the fix, or None when the run is as expected."""
    where = f"{snippet.rel} on {python_name(version)}"
    if run.returncode is None:
        return (
            f"{where} hung: killed after {timeout:.0f} s.\n"
            f"Output before it was killed:\n{run.output}\n"
            f"Fix: make it finish (is something awaiting a future nobody resolves?); "
            f"run it by hand with `python {snippet.rel}` to see where it waits."
        )
    if run.returncode != 0:
        return (
            f"{where} exited with status {run.returncode}.\n{run.output}\n"
            f"Fix: a snippet must exit with status 0 — catch the exception you want to "
            f"show and print it."
        )
    return None


def timeline_failure(snippet: Snippet, version: str, run: Run) -> str | None:
    """A message naming the file and the fix when the stored timeline is not this run's."""
    expected = snippet.expected_timeline(version)
    drawn = run.timeline
    where = f"{snippet.rel} on Python {version}"
    fix = f"Fix: {update_command(snippet)}, then review the picture (git diff, or the page)."
    if expected is None or not expected.exists():
        if not run.needs_timeline:
            return None
        name = snippet.path.stem + ".timeline.svg"
        return (
            f"{where} has no timeline ({name} is missing): it runs two or more tasks "
            f"or waits.\n{fix} Or opt out with a first line `# No timeline: <reason>`."
        )
    if drawn is None:
        return (
            f"{where} needs no timeline (it opts out, or runs no task), "
            f"but {expected.relative_to(ROOT).as_posix()} exists.\n{fix} (it removes the file)"
        )
    if expected.read_text(encoding="utf-8") != timeline_for_file(drawn, expected):
        return (
            f"{expected.relative_to(ROOT).as_posix()} is not the timeline of this run on "
            f"Python {version}: it was edited by hand, or the example changed since it was "
            f"drawn.\n{fix}"
        )
    return None
