"""pytest wiring: the engine's options, collection and reports.

Loaded for every pytest run through the `pytest11` entry point in pyproject.toml
(the project is installed in editable mode by requirements.txt), so its options
apply whether you run `pytest`, `pytest docs/model.md` or `pytest tests/test_snippets.py`.
"""

from __future__ import annotations

from contextlib import nullcontext

import pytest

from verify import realclock
from verify.expected import failure_for
from verify.interpreters import found_interpreters, interpreter_release
from verify.pages import PageFences
from verify.project import VERSIONS
from verify.running import REAL_CLOCK_TIMEOUT, TIMEOUT, Run, run_snippet
from verify.snippets import Snippet


def pytest_addoption(parser):
    group = parser.getgroup("snippets", "documentation snippets")
    group.addoption(
        "--update-snippets",
        action="store_true",
        help="rewrite the expected outputs (snippets/**/*.out) from real runs",
    )
    group.addoption(
        "--real-clock",
        action="store_true",
        help="run snippets on the real clock instead of the virtual one",
    )
    group.addoption(
        "--no-timelines",
        action="store_true",
        help="run without recording timelines (outputs must be the same: proves recording "
        "changes nothing); timelines are not checked",
    )
    group.addoption(
        "--fresh",
        action="store_true",
        help="start a new interpreter for every run, as a reader does, instead of forking "
        "from a warm one (--update-snippets and --real-clock always do)",
    )
    group.addoption(
        "--python",
        action="append",
        default=[],
        metavar="3.X",
        help="run snippets only on these Python versions (repeatable)",
    )
    group.addoption(
        "--snippet-timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help=f"kill a snippet run after this long (default {TIMEOUT:.0f}, "
        f"{REAL_CLOCK_TIMEOUT:.0f} with --real-clock)",
    )


def pytest_configure(config):
    # A plugin object, not module state: it holds this run's config for the page fences.
    config.pluginmanager.register(PageFences(config, run_checked), "verify-pages")


def pytest_report_header(config):
    lines = []
    for version, path in found_interpreters().items():
        found = f"{interpreter_release(version)}  {path}" if path else "NOT FOUND"
        lines.append(f"  Python {version}: {found}")
    clock = "real clock" if config.getoption("--real-clock") else "virtual clock"
    return [f"snippet interpreters ({clock}, each in a clean venv under .cache/venvs/):", *lines]


def selected_versions(config) -> list[str]:
    wanted = config.getoption("--python")
    unknown = [v for v in wanted if v not in VERSIONS]
    if unknown:
        raise pytest.UsageError(
            f"--python {unknown[0]}: supported versions are {', '.join(VERSIONS)}"
        )
    return [v for v in VERSIONS if not wanted or v in wanted]


def snippet_timeout(config) -> float:
    explicit = config.getoption("--snippet-timeout")
    if explicit:
        return explicit
    return REAL_CLOCK_TIMEOUT if config.getoption("--real-clock") else TIMEOUT


def recording(config) -> bool:
    """Record timelines on the virtual clock; --no-timelines proves outputs do not need it."""
    return bool(
        config and not config.getoption("--real-clock") and not config.getoption("--no-timelines")
    )


def run_checked(snippet: Snippet, python, version: str, config=None, where: str = "") -> Run:
    """Run it as the options say; fail the test (naming the file and the fix) on a hang
    or a non-zero exit. Real-clock runs hold a shared slot (see realclock.py)."""
    timeout = snippet_timeout(config) if config else TIMEOUT
    real_clock = bool(config and config.getoption("--real-clock"))
    fresh = bool(config and (config.getoption("--fresh") or config.getoption("--update-snippets")))
    with realclock.slot() if real_clock or snippet.real_clock else nullcontext():
        run = run_snippet(
            snippet,
            python,
            real_clock=real_clock,
            timeout=timeout,
            record=recording(config),
            fresh=fresh,
        )
    failure = failure_for(snippet, version, run, timeout)
    if failure:
        pytest.fail(where + failure, pytrace=False)
    return run


def pytest_terminal_summary(terminalreporter):
    """The interpreters the snippets ran on (the header that names them is hidden
    by -q); after --update-snippets, what was rewritten, to review with git diff."""
    if terminalreporter.config.getoption("verbose") < 0 and any(
        report.nodeid.startswith("tests/test_snippets.py")
        for reports in terminalreporter.stats.values()
        for report in reports
        if hasattr(report, "nodeid")
    ):
        header = pytest_report_header(terminalreporter.config)
        terminalreporter.section(header[0].rstrip(":"))
        for line in header[1:]:
            terminalreporter.write_line(line.strip())
    changes = [
        change
        for report in terminalreporter.stats.get("passed", [])
        for name, value in getattr(report, "user_properties", [])
        if name == "snippet_changes"
        for change in value
    ]
    if terminalreporter.config.getoption("--update-snippets"):
        terminalreporter.section("expected outputs")
        for change in changes or ["no expected output changed"]:
            terminalreporter.write_line(change)
    retries = {  # a dict: the call and teardown reports carry the same property
        value: None
        for reports in terminalreporter.stats.values()
        for report in reports
        for name, value in getattr(report, "user_properties", [])
        if name == "real_clock_retry"
    }
    if retries:
        terminalreporter.section("real-clock runs that needed a retry")
        for line in retries:
            terminalreporter.write_line(line)


def pytest_collection_modifyitems(config, items):
    """Outputs are either checked (default) or rewritten (--update-snippets), never both."""
    updating = config.getoption("--update-snippets")
    keep, drop = [], []
    for item in items:
        in_collector = item.path.name == "test_snippets.py"
        is_update = getattr(item, "originalname", "") == "test_update_expected_outputs"
        (drop if in_collector and is_update != updating else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
