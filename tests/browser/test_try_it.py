"""Try it here, in Chromium: the Run buttons of docs/assets/runnable.json.

* A page loads nothing of the Python runtime (assets/pyodide/) until Run.
* Run prints exactly the example's stored Python 3.14 output, under the
  label "Python 3.14.x in your browser" (the runtime's own version).
* Stop ends a run that never finishes (it terminates the Web Worker), and a
  later Run starts a fresh one.
* An example that cannot run in the browser says why, and how to run it.
* No console error throughout.

The runtime is copied into docs/ by `make pyodide`; without it these tests
skip locally and fail in CI. Timings (click to output, cold and warm cache)
are printed: run with -s to see them.
"""

from __future__ import annotations

import json
import statistics
import time

import pytest

from verify.project import REPO, in_ci
from verify.snippets import Snippet

RUNTIME = REPO / "docs" / "assets" / "pyodide" / "pyodide.mjs"
LIST = json.loads((REPO / "docs" / "assets" / "runnable.json").read_text(encoding="utf-8"))
# One example that runs (time passes, two tasks) and one that cannot (a thread).
EXAMPLE = "snippets/futures/set_result_later_with_call_later.py"
NOT_RUNNABLE = "snippets/threads/to_thread_keeps_loop_free.py"
RUNTIME_PATH = "/assets/pyodide/"
LOAD_TIMEOUT_MS = 120_000  # a cold load on a loaded 2-core machine


@pytest.fixture(autouse=True)
def runtime_installed():
    if not RUNTIME.exists():
        message = "docs/assets/pyodide/ is missing: run `make pyodide`"
        if in_ci():
            pytest.fail(f"CI is set and {message}", pytrace=False)
        pytest.skip(message)


def page_of(path: str) -> str:
    return path.split("/")[1] + "/"


def open_page(page, path: str) -> None:
    """The example's page, with try-it.js added: the site does not load it yet
    (on every page it cost one whole-page restyle as it decorated the examples;
    docs/contributing.md, "Try it"), so the test loads it as the site would."""
    page.goto(page_of(path))
    page.add_script_tag(url="../assets/javascripts/try-it.js")


def expected(path: str) -> str:
    return Snippet(REPO / path).expected_file("3.14").read_text(encoding="utf-8")


def bar(page, path: str):
    return page.locator(f'.try-it[aria-label="Try {path} here"]')


def output_of(page, path: str):
    return bar(page, path).locator("xpath=following-sibling::div[@class='try-it-output'][1]")


def wait_status(page, path: str, text: str, timeout: float = LOAD_TIMEOUT_MS):
    bar(page, path).locator(".try-it-status", has_text=text).wait_for(timeout=timeout)


def run_and_time(page, path: str) -> float:
    """Click Run; seconds until the run's output is complete."""
    button = bar(page, path).locator(".try-it-run")
    start = time.perf_counter()
    button.click()
    wait_status(page, path, "Done")
    return time.perf_counter() - start


def test_first_load_fetches_no_runtime(open_context):
    assert LIST["examples"][EXAMPLE]["runs"]
    context = open_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, EXAMPLE)
    bar(page, EXAMPLE).wait_for()
    page.wait_for_load_state("networkidle")
    runtime = [url for url in requests if RUNTIME_PATH in url or "try-it-worker" in url]
    assert not runtime, f"fetched before any Run: {runtime}"
    assert not context.watch.problems(), context.watch.problems()


def test_run_prints_the_stored_output(open_context):
    context = open_context()
    page = context.new_page()
    open_page(page, EXAMPLE)
    cold = run_and_time(page, EXAMPLE)
    output = output_of(page, EXAMPLE)
    assert output.locator("code").text_content() == expected(EXAMPLE)
    assert output.locator(".try-it-label").text_content() == (
        f"Python {LIST['runtime']} in your browser"
    )
    later = []
    for _ in range(3):  # by keyboard this time: Enter on the focused button
        start = time.perf_counter()
        bar(page, EXAMPLE).locator(".try-it-run").focus()
        page.keyboard.press("Enter")
        page.wait_for_function(
            "el => el.textContent.startsWith('Done')",
            arg=bar(page, EXAMPLE).locator(".try-it-status").element_handle(),
        )
        later.append(time.perf_counter() - start)
        assert output.locator("code").text_content() == expected(EXAMPLE)
    # A new page in the same context: the runtime comes from the HTTP cache.
    warm_page = context.new_page()
    open_page(warm_page, EXAMPLE)
    warm = run_and_time(warm_page, EXAMPLE)
    assert output_of(warm_page, EXAMPLE).locator("code").text_content() == expected(EXAMPLE)
    print(
        f"\nTry it here: first Run (click to output) {cold:.1f} s with a cold cache, "
        f"{warm:.1f} s with a warm one; later runs median {statistics.median(later):.2f} s"
    )
    assert not context.watch.problems(), context.watch.problems()


def test_edit_reset_and_stop(open_context):
    context = open_context(viewport={"width": 390, "height": 844})  # a phone
    page = context.new_page()
    open_page(page, EXAMPLE)
    tools = bar(page, EXAMPLE)
    tools.locator(".try-it-edit").click()
    editor = page.locator(f'textarea[aria-label="Code of {EXAMPLE} (editable)"]')
    assert editor.input_value() == (REPO / EXAMPLE).read_text(encoding="utf-8")
    editor.fill("import time\nprint('started', flush=True)\nwhile True:\n    time.perf_counter()\n")
    tools.locator(".try-it-run").click()
    output = output_of(page, EXAMPLE).locator("code")
    output.filter(has_text="started").wait_for(timeout=LOAD_TIMEOUT_MS)
    assert tools.locator(".try-it-run").is_disabled()
    tools.locator(".try-it-stop").click()
    wait_status(page, EXAMPLE, "Stopped", timeout=5_000)
    assert output.text_content() == "started\n[stopped]"
    assert tools.locator(".try-it-stop").is_disabled()
    # Reset: the verified code is back, and runs as shown, in a fresh worker.
    tools.locator(".try-it-reset").click()
    assert editor.count() == 0
    run_and_time(page, EXAMPLE)
    assert output.text_content() == expected(EXAMPLE)
    assert not context.watch.problems(), context.watch.problems()


def test_not_runnable_example_says_how_to_run_it(open_context):
    reason = LIST["examples"][NOT_RUNNABLE].get("reason")
    assert reason
    context = open_context()
    page = context.new_page()
    open_page(page, NOT_RUNNABLE)
    note = page.locator(".try-it-note", has_text=f"python {NOT_RUNNABLE}")
    note.wait_for()
    assert reason in note.text_content()
    assert not context.watch.problems(), context.watch.problems()
