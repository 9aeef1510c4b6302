"""Try it here, in Chromium: the Run buttons of docs/assets/runnable.json.

* A page loads nothing of "Try it" but the small try-it.js until the reader
  scrolls, points, touches or types; then try-it.mjs and the list, and the
  Python runtime (assets/pyodide/) only on the first Run.
* Run prints exactly the example's stored Python 3.14 output, under the
  label "Python 3.14.x in your browser" (the runtime's own version), and
  draws its timeline.
* Stop ends a run that never finishes (it terminates the Web Worker), and a
  later Run starts a fresh one.
* An example that cannot run in the browser says why, and how to run it.
* Keyboard only, on a phone, light and dark: axe finds nothing serious.
* Putting the controls on the heaviest page restyles no whole page.
* No console error throughout.

The runtime is copied into docs/ by `make pyodide`; without it these tests
skip locally and fail in CI. Timings are `make bench-try-it`'s (figures,
not tests).
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

import pytest

from verify.expected import stored_timeline
from verify.project import PHONE, REPO, in_ci
from verify.pyodide_runs import BROWSER_PYTHON
from verify.site.axe import axe_findings
from verify.site.browser import example_page as page_of
from verify.site.browser import reach_example, restyles, trace_events, whole_page
from verify.site.browser import try_it_bar as bar
from verify.site.lighthouse import heaviest_page
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


def open_page(page, path: str) -> None:
    page.goto(page_of(path))
    reach_example(page, path)


def expected(path: str) -> str:
    return Snippet(REPO / path).expected_file(BROWSER_PYTHON).read_text(encoding="utf-8")


def output_of(page, path: str):
    return page.locator(".highlight", has=bar(page, path)).locator(".try-it-output")


def wait_status(page, path: str, text: str, timeout: float = LOAD_TIMEOUT_MS):
    output_of(page, path).locator(".try-it-status", has_text=text).wait_for(timeout=timeout)


def run(page, path: str) -> None:
    """Click Run; return once the run's output is complete."""
    bar(page, path).locator(".try-it-run").click()
    wait_status(page, path, "Done")


TRY_IT = ("try-it.mjs", "runnable.json", "try-it-worker", RUNTIME_PATH)


def test_first_load_fetches_only_the_small_script(open_context):
    """Before the reader does anything, a page fetches try-it.js and nothing
    else of "Try it"; after, the list and try-it.mjs, but no runtime."""
    assert LIST["examples"][EXAMPLE]["runs"]
    context = open_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_of(EXAMPLE))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    early = [url for url in requests if any(part in url for part in TRY_IT)]
    assert not early, f"fetched before the reader did anything: {early}"
    assert any(url.endswith("/try-it.js") for url in requests)
    assert page.locator(".try-it").count() == 0
    open_page(page, EXAMPLE)
    bar(page, EXAMPLE).wait_for()
    page.wait_for_load_state("networkidle")
    runtime = [url for url in requests if RUNTIME_PATH in url or "try-it-worker" in url]
    assert not runtime, f"fetched before any Run: {runtime}"
    assert not context.watch.problems(), context.watch.problems()


def test_run_prints_the_stored_output_and_draws_the_timeline(open_context):
    context = open_context()
    page = context.new_page()
    open_page(page, EXAMPLE)
    run(page, EXAMPLE)
    output = output_of(page, EXAMPLE)
    assert output.locator("code").text_content() == expected(EXAMPLE)
    assert output.locator(".try-it-version").text_content() == (
        f"Python {LIST['runtime']} in your browser"
    )
    # The picture drawn in the page from this run says what the stored one
    # says: its <desc> lists every lane, wait and ending (the node check,
    # tests/test_browser_run.py, compares whole pictures for every example).
    stored = stored_timeline(Snippet(REPO / EXAMPLE).expected_timeline(BROWSER_PYTHON))
    assert stored, f"{EXAMPLE} has no stored timeline to compare with"
    described = html.unescape(re.search(r"<desc[^>]*>(.*?)</desc>", stored, re.S).group(1))
    assert output.locator("figure.timeline svg desc").text_content() == described
    # Its lines and moments are linked, as on the page's own pictures.
    output.locator(".tl-out-line").last.hover()
    lit = output.locator("figure.timeline .tl-printed path.is-linked")
    assert lit.count() == 1, "hovering a line of the run's output lit no moment of its picture"
    status = output.locator(".try-it-status")
    for _ in range(2):  # by keyboard this time: Enter on the focused button
        status.evaluate("el => { el.textContent = ''; }")  # the last run's "Done"
        bar(page, EXAMPLE).locator(".try-it-run").focus()
        page.keyboard.press("Enter")
        done = "el => el.textContent.startsWith('Done')"
        page.wait_for_function(done, arg=status.element_handle())
        assert output.locator("code").text_content() == expected(EXAMPLE)
        # Fresh state every run: the task is Task-1 again, not Task-3.
        assert output.locator("figure.timeline svg desc").text_content() == described
    # A new page in the same context: the runtime comes from the HTTP cache.
    warm_page = context.new_page()
    open_page(warm_page, EXAMPLE)
    run(warm_page, EXAMPLE)
    assert output_of(warm_page, EXAMPLE).locator("code").text_content() == expected(EXAMPLE)
    assert not context.watch.problems(), context.watch.problems()


def test_edit_reset_and_stop(open_context):
    context = open_context(viewport=PHONE)
    page = context.new_page()
    open_page(page, EXAMPLE)
    tools = bar(page, EXAMPLE)
    assert tools.locator(".try-it-stop, .try-it-reset").count() == 0  # added when needed
    tools.locator(".try-it-edit").click()
    editor = page.locator(f'textarea[aria-label="Code of {EXAMPLE} (editable)"]')
    assert editor.input_value() == (REPO / EXAMPLE).read_text(encoding="utf-8")
    assert editor.evaluate("el => el === document.activeElement")
    assert tools.locator(".try-it-edit").is_hidden() and tools.locator(".try-it-reset").is_visible()
    verified = page.locator(".highlight", has=tools).locator("pre").first
    assert verified.is_hidden(), "the verified code still shows beside the editor"
    editor.fill("import time\nprint('started', flush=True)\nwhile True:\n    time.perf_counter()\n")
    page.keyboard.press("Control+Enter")  # runs from the editor
    output = output_of(page, EXAMPLE).locator("code")
    output.filter(has_text="started").wait_for(timeout=LOAD_TIMEOUT_MS)
    assert tools.locator(".try-it-run").is_hidden()  # Stop in its place
    tools.locator(".try-it-stop").click()
    wait_status(page, EXAMPLE, "Stopped", timeout=5_000)
    assert output.text_content() == "started\n[stopped]"
    assert tools.locator(".try-it-stop").is_hidden() and tools.locator(".try-it-run").is_visible()
    # Reset: the verified code is back, and runs as shown, in a fresh worker.
    tools.locator(".try-it-reset").click()
    assert editor.count() == 0 and verified.is_visible()
    run(page, EXAMPLE)
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_only_at_phone_width_and_accessible(open_context, scheme):
    """Run and Edit sit before the code in the tab order; Enter runs it
    (focus goes to Stop, then back to Run); Tab, Enter edits; Ctrl+Enter
    runs the edit. Then axe on the page with the editor,
    the output and the drawn timeline showing, and nothing scrolls sideways."""
    # A phone's width, with a keyboard (no touch): on a touch device Material
    # leaves sideways-scrolling code unfocusable by design (overrides/main.html,
    # content.lazy), which axe reports whatever this page adds.
    context = open_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(page_of(EXAMPLE))
    page.keyboard.press("Tab")  # a key press: try-it.js loads the rest
    block = page.locator(".highlight", has=page.locator(".filename", has_text=EXAMPLE))
    block.scroll_into_view_if_needed()
    bar(page, EXAMPLE).wait_for()
    # The title row's Run and Edit come just before the block's copy button
    # (Material's) in the tab order.
    block.locator("button.md-code__button").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.classList.contains('try-it-edit')")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.classList.contains('try-it-run')")
    page.keyboard.press("Enter")
    wait_status(page, EXAMPLE, "Done")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('try-it-edit')")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+End")
    page.keyboard.type("print('edited')\n")
    page.keyboard.press("Control+Enter")
    page.wait_for_function(
        "el => el.textContent.startsWith('Done') && el.closest('.highlight')"
        ".querySelector('.try-it-output code').textContent.endsWith('edited\\n')",
        arg=output_of(page, EXAMPLE).locator(".try-it-status").element_handle(),
        timeout=LOAD_TIMEOUT_MS,
    )
    problems = axe_findings(page, scheme, page_of(EXAMPLE), {})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways: {width} px"
    assert problems == [] and not context.watch.problems(), problems + context.watch.problems()


def test_putting_the_controls_on_the_heaviest_page_restyles_no_whole_page(browser, site):
    """Controls go inside each example's block. Inserted beside the blocks (as
    they once were), each batch restyled every element of the page."""
    path = heaviest_page(site.prod)
    context = browser.new_context(base_url=site.base_url)
    page = context.new_page()
    page.goto(path)
    page.wait_for_load_state("networkidle")
    elements = page.evaluate("document.getElementsByTagName('*').length")
    browser.start_tracing(page=page, categories=["devtools.timeline"])
    page.mouse.move(5, 300)
    height = page.evaluate("document.documentElement.scrollHeight")
    for _ in range(0, height, 600):
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(60)
    page.wait_for_timeout(500)
    events = trace_events(browser.stop_tracing())
    decorated = page.locator(".try-it, .try-it-note").count()
    context.close()
    whole = [n for _, n in restyles(events) if whole_page(n, elements)]
    assert decorated > 10, f"/{path}: only {decorated} examples got controls while scrolling"
    assert not whole, (
        f"/{path}: {len(whole)} whole-page restyles while the controls went in "
        f"({whole} of {elements} elements); keep them inside the .highlight block"
    )


def test_controls_come_on_a_page_reached_by_instant_navigation(open_context):
    """Material swaps the next page in without loading scripts again:
    try-it.mjs, already loaded, puts controls on that page too."""
    context = open_context()
    page = context.new_page()
    open_page(page, NOT_RUNNABLE)
    page.locator(".try-it-note", has_text=NOT_RUNNABLE).wait_for()
    page.evaluate("window.__samePage = true")  # gone if the page were reloaded
    page.locator(".md-sidebar--primary").get_by_role("link", name="Futures by hand").click()
    # By path: under load Material's navigation.tracking can briefly give the
    # new URL the old page's #anchor (seen in CI), which a glob would not match.
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(f"/{page_of(EXAMPLE)}"))
    page.locator(".highlight > .filename", has_text=EXAMPLE).scroll_into_view_if_needed()
    bar(page, EXAMPLE).wait_for()
    assert page.evaluate("window.__samePage === true"), "the link reloaded the page"
    assert not context.watch.problems(), context.watch.problems()


def test_without_the_runtime_run_says_how_to_get_it(open_context):
    """A copy of the site built without `make pyodide`: Run says what to do."""
    context = open_context()
    context.route("**/assets/pyodide/**", lambda route: route.fulfill(status=404))
    page = context.new_page()
    open_page(page, EXAMPLE)
    run_button = bar(page, EXAMPLE).locator(".try-it-run")
    run_button.click()
    output = output_of(page, EXAMPLE)
    output.locator("code", has_text="make pyodide").wait_for(timeout=LOAD_TIMEOUT_MS)
    assert output.locator(".try-it-version").text_content() == "Could not run"
    assert run_button.is_visible()  # and Run can be tried again
    problems = [p for p in context.watch.problems() if "404" not in p]
    assert not problems, problems


def test_once_loaded_runs_need_no_network(open_context):
    """After the first Run the page runs examples offline: the worker keeps
    Python, and nothing else is fetched (the list and try-it.mjs came first)."""
    context = open_context()
    page = context.new_page()
    open_page(page, EXAMPLE)
    run(page, EXAMPLE)
    context.set_offline(True)
    output_of(page, EXAMPLE).locator(".try-it-status").evaluate("el => { el.textContent = ''; }")
    run(page, EXAMPLE)
    assert output_of(page, EXAMPLE).locator("code").text_content() == expected(EXAMPLE)
    context.set_offline(False)
    assert not context.watch.problems(), context.watch.problems()
