"""Fixtures for the real-browser tests (marker `browser`).

Once per session the site is built strictly three times, in parallel, into a
temporary directory:

* `prod`: exactly what is deployed (`mkdocs build --strict`), for the static
  checks (links, canonical URLs, sitemap, descriptions);
* `served`: the same with `site_url` set to where the test server listens,
  which is what `mkdocs serve` does too. Material's instant navigation only
  intercepts links listed in sitemap.xml, after swapping in the browser's
  protocol and host name but not its port, so a site built for
  https://asyncio-tasks.github.io/ and served from 127.0.0.1:PORT would
  silently fall back to full page loads;
* `offline`: `OFFLINE=true`, which turns on Material's offline plugin, for
  file:// browsing.

`served` is served by a ThreadingHTTPServer on 127.0.0.1 (port chosen by the
OS) under the path of `site_url` (/tasks-and-futures/), as on GitHub Pages.
Chromium is Debian's (`/usr/bin/chromium`, or `CHROMIUM_PATH`), driven by
Playwright; Playwright's own browser download is never used. Without a
browser the tests are skipped, or fail when `CI=true`.
"""

from __future__ import annotations

import os
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from filelock import FileLock

from verify.project import CHROMIUM_INSTALL_HINT, REPO, in_ci
from verify.site.browser import CHROMIUM_ARGS, find_chromium
from verify.site.build import BuildFailed, build_site, site_prefix, wait_build
from verify.site.serve import StaticServer

HERE = Path(__file__).resolve().parent
SCREENSHOTS = REPO / "screenshots"


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "browser: real-browser tests of the built site (Debian Chromium via Playwright)",
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# ---------------------------------------------------------------------------
# Browser


def _no_browser(reason: str):
    message = f"{reason}; install it with: {CHROMIUM_INSTALL_HINT}"
    if in_ci():
        pytest.fail(f"in CI (CI={os.environ['CI']}) and {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        where = (
            f"CHROMIUM_PATH={os.environ['CHROMIUM_PATH']} is not an executable"
            if "CHROMIUM_PATH" in os.environ
            else "no /usr/bin/chromium, and no chromium or chromium-browser on PATH"
        )
        _no_browser(f"Chromium not found ({where})")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the environment
        message = "Python package playwright missing: pip install -r requirements.txt"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    manager = sync_playwright().start()
    try:
        browser = manager.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
    except Exception as exc:  # a broken install is a failure, not a skip
        manager.stop()
        pytest.fail(f"could not launch {chromium_path}: {exc}", pytrace=False)
    yield browser
    browser.close()
    manager.stop()


# ---------------------------------------------------------------------------
# Site builds and server


@dataclass
class Site:
    prod: Path
    served: Path
    offline: Path
    base_url: str  # where `served` is, e.g. http://127.0.0.1:PORT/tasks-and-futures/
    origin: str
    build_seconds: float = 0.0

    def url(self, path: str = "") -> str:
        return self.base_url + path


def _shared_dir(tmp_path_factory) -> Path:
    """A directory all xdist workers of this run share (this run's own
    temporary directory without xdist)."""
    base = tmp_path_factory.getbasetemp()
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not run:
        return base
    shared = base.parent / f"browser-site-{run}"
    shared.mkdir(exist_ok=True)
    return shared


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The three builds. `prod` and `offline` are built once per run (the
    first xdist worker builds them, the others wait and reuse them); `served`
    is per worker, since its site_url names the worker's server port."""
    server = StaticServer(site_prefix())
    served = tmp_path_factory.mktemp("browser-served") / "site"
    shared = _shared_dir(tmp_path_factory)
    started = time.perf_counter()
    served_job = build_site(served, site_url=server.base_url)
    try:
        with FileLock(shared / "build.lock"):
            failure = shared / "build-failed.txt"
            if not (shared / "build-done").exists() and not failure.exists():
                jobs = [
                    (build_site(shared / "prod"), "site (as deployed)"),
                    (
                        build_site(shared / "offline", env={"OFFLINE": "true"}),
                        "site (OFFLINE=true)",
                    ),
                ]
                try:
                    for proc, what in jobs:
                        wait_build(proc, what)
                except BuildFailed as exc:
                    for proc, _ in jobs:
                        proc.kill()
                    failure.write_text(str(exc), encoding="utf-8")
                else:
                    (shared / "build-done").touch()
            if failure.exists():
                raise BuildFailed(failure.read_text(encoding="utf-8"))
        wait_build(served_job, "site (served)")
    except BuildFailed as exc:
        served_job.kill()
        server.stop()
        pytest.fail(str(exc), pytrace=False)
    seconds = time.perf_counter() - started
    server.start(served)
    yield Site(
        prod=shared / "prod",
        served=served,
        offline=shared / "offline",
        base_url=server.base_url,
        origin=server.origin,
        build_seconds=seconds,
    )
    server.stop()


# ---------------------------------------------------------------------------
# Pages that record everything that goes wrong while they are open


@dataclass
class Watch:
    """Console errors, page errors, failed or third-party requests."""

    allowed_scheme: str
    allowed_origin: str | None
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    third_party: list = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"failed request: {m}" for m in self.failed]
            + [f"request to another host (blocked): {m}" for m in self.third_party]
        )

    def local(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        if parts.scheme != self.allowed_scheme:
            return False
        return (
            self.allowed_origin is None or f"{parts.scheme}://{parts.netloc}" == self.allowed_origin
        )


@pytest.fixture
def open_context(browser, site):
    """Factory: a fresh browser context (cold cache) whose pages are watched.

    Every request that is not to the test server (or, for file://, not a
    local file) is recorded and aborted; console errors, uncaught exceptions,
    failed requests and HTTP errors are recorded. `watch.problems()` lists
    them.
    """
    contexts = []

    def make(*, file_mode: bool = False, **options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        if not file_mode:
            options.setdefault("base_url", site.base_url)
        context = browser.new_context(**options)
        context.grant_permissions(
            ["clipboard-read", "clipboard-write"],
            **({} if file_mode else {"origin": site.origin}),
        )
        watch = Watch(
            allowed_scheme="file" if file_mode else "http",
            allowed_origin=None if file_mode else site.origin,
        )

        def route(route):
            if watch.local(route.request.url):
                route.continue_()
            else:
                watch.third_party.append(route.request.url)
                route.abort("blockedbyclient")

        def failed(request):
            # ERR_ABORTED: cancelled because the page navigated away (e.g. a
            # favicon still loading). A missing file shows as HTTP 404 or
            # ERR_FILE_NOT_FOUND instead.
            if watch.local(request.url) and request.failure != "net::ERR_ABORTED":
                watch.failed.append(f"{request.url} ({request.failure})")

        def response(resp):
            if resp.status >= 400:
                watch.failed.append(f"{resp.url} (HTTP {resp.status})")

        def on_page(page):
            page.on(
                "console",
                lambda m: (
                    m.type == "error"
                    and watch.console_errors.append(f"{m.text} @ {m.location.get('url', '')}")
                ),
            )
            page.on("pageerror", lambda e: watch.page_errors.append(str(e)))

        context.route("**/*", route)
        context.on("requestfailed", failed)
        context.on("response", response)
        context.on("page", on_page)
        context.watch = watch
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


# ---------------------------------------------------------------------------
# Reporting


@pytest.fixture(scope="session")
def screenshots_dir():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def _collected(terminalreporter, key: str) -> dict:
    """Merge the `key` user property of every test report (works with xdist)."""
    merged: dict = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            for name, value in getattr(report, "user_properties", ()):
                if name == key:
                    for item, pages in value.items():
                        merged.setdefault(item, set()).update(pages)
    return merged


def pytest_terminal_summary(terminalreporter):
    links = _collected(terminalreporter, "external_links")
    if links:
        terminalreporter.section("external links (listed, not fetched)")
        for url in sorted(links):
            pages = sorted(links[url])
            shown = ", ".join(pages[:3]) + (f" +{len(pages) - 3}" if len(pages) > 3 else "")
            terminalreporter.write_line(f"{url}  <- {shown}")
    builds = [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        for name, value in getattr(report, "user_properties", ())
        if name == "build_seconds"
    ]
    if builds:
        terminalreporter.write_line(
            f"browser tests: a worker waited at most {max(builds):.1f} s for the site builds"
        )
    minor = _collected(terminalreporter, "axe_minor")
    if minor:
        terminalreporter.section("axe: moderate/minor findings (not failing)")
        for rule in sorted(minor):
            terminalreporter.write_line(f"{rule}: {', '.join(sorted(minor[rule]))}")
