"""Debian's Chromium, driven by Playwright (never a Playwright-downloaded browser)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil

from verify.project import CHROMIUM_INSTALL_HINT as INSTALL_HINT

# Material's JavaScript bundle, as the trace names the script it evaluates.
BUNDLE_RE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")

# Flags for a quiet, deterministic headless Chromium that never phones home.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
if hasattr(os, "geteuid") and os.geteuid() == 0:
    CHROMIUM_ARGS.append("--no-sandbox")

def find_chromium() -> str | None:
    """Path of a system Chromium, or None.

    `CHROMIUM_PATH`, when set, is the only candidate (set it to a missing
    path to see how the tests behave without a browser).
    """
    if "CHROMIUM_PATH" in os.environ:
        candidates = [os.environ["CHROMIUM_PATH"]]
    else:
        candidates = ["/usr/bin/chromium"]
        candidates += [shutil.which(n) for n in ("chromium", "chromium-browser")]
    for path in candidates:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def _executable() -> str:
    path = find_chromium()
    if path is None:
        raise FileNotFoundError(f"no Chromium found; install it: {INSTALL_HINT}")
    return path


@contextlib.contextmanager
def chromium():
    """Yield a launched headless Chromium (Playwright sync API)."""
    from playwright.sync_api import sync_playwright

    path = _executable()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def chromium_profile(user_data_dir):
    """Yield the browser context of a headless Chromium whose profile is kept
    in `user_data_dir` (give it an empty folder for an empty cache).

    Its HTTP cache is on disk, as a reader's browser has it. The contexts of
    `chromium()` (`browser.new_context()`) keep theirs in memory, where
    Chromium stores no large file: a 9.6 MB WebAssembly file was fetched
    again on every page there.
    """
    from playwright.sync_api import sync_playwright

    path = _executable()
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(user_data_dir), executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield context
        finally:
            context.close()


def style_work(browser, page, url: str, settle_ms: int = 2000) -> dict:
    """Load `url` in `page` under a Chromium trace and count the style work
    while it loads and settles: elements restyled in all, elements on the
    page, and whole-page restyles from the start of Material's bundle on (a
    restyle of at least 3/4 of the elements).

    Before the bundle, the parser styles the page in slices as the HTML
    streams in: first styles, not restyles, and how many elements one slice
    holds depends on the machine's load (on a busy machine one slice can hold
    most of the page). From the bundle on the whole page is parsed, so a
    large recalculation is a restyle: one on a default Material site, as the
    bundle starts (it swaps the root's `no-js` class for `js`), more when the
    bundle changes what applies to every element. Counted that way, the number does not
    move with the load; the total restyled varies a little with the slices."""
    browser.start_tracing(page=page, categories=["devtools.timeline"])
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle_ms)
    events = trace_events(browser.stop_tracing())
    bundle = [
        e["ts"]
        for e in events
        if e["name"] == "EvaluateScript"
        and BUNDLE_RE.search((e.get("args", {}).get("data") or {}).get("url", ""))
    ]
    if not bundle:
        raise AssertionError(
            f"{url}: no evaluation of Material's bundle (assets/javascripts/bundle.*.min.js)"
            " in the trace; if the theme renamed it, update BUNDLE_RE in"
            " verify/site/browser.py"
        )
    recalculations = restyles(events)
    elements = page.evaluate("document.getElementsByTagName('*').length")
    return {
        "restyled": sum(n for _, n in recalculations),
        "elements": elements,
        "full_restyles": sum(
            1 for ts, n in recalculations if ts >= min(bundle) and whole_page(n, elements)
        ),
    }


def trace_events(trace: bytes) -> list[dict]:
    """The events of a Chromium trace (`browser.stop_tracing()`)."""
    import json

    trace = json.loads(trace)
    return trace["traceEvents"] if isinstance(trace, dict) else trace


def restyles(events: list[dict]) -> list[tuple[float, int]]:
    """(time, elements restyled) of every style recalculation in a trace."""
    return [
        (e["ts"], e.get("args", {}).get("elementCount", 0))
        for e in events
        if e["name"] == "UpdateLayoutTree"
    ]


def whole_page(restyled: int, elements: int) -> bool:
    """A restyle of at least 3/4 of the page's elements counts as the whole page."""
    return restyled >= 0.75 * elements


# "Try it here" (docs/assets/javascripts/try-it.mjs), as the browser tests and
# tools/bench_try_it.py reach an example.
def example_page(path: str) -> str:
    """The page an example is on: snippets/<page>/x.py is on <page>/."""
    return path.split("/")[1] + "/"


def reach_example(page, path: str) -> None:
    """As a reader reaches the example on its open page: the pointer moves
    (try-it.js then loads try-it.mjs and the list) and it is scrolled to."""
    page.mouse.move(5, 300)
    page.locator(".highlight > .filename", has_text=path).scroll_into_view_if_needed()


def try_it_bar(page, path: str):
    """The example's Run and Edit buttons (its title row's group)."""
    return page.locator(f'.try-it[aria-label="Try {path} here"]')
