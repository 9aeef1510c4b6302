"""Shared helpers for the browser tests and `page_weight.py`.

Builds the site into a temporary directory, serves it from 127.0.0.1 on a
port the OS picks, and launches Debian's Chromium through Playwright (never a
Playwright-downloaded browser).
"""

from __future__ import annotations

import contextlib
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "mkdocs.yml"

INSTALL_HINT = "sudo apt-get install -y chromium"

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

# `mkdocs build --strict` with `site_url` overridden, which the command line
# cannot do (`mkdocs serve` does the same through this API).
_BUILD_WITH_SITE_URL = """
import logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
config_file, site_dir, site_url = sys.argv[1:4]
config = load_config(config_file, site_dir=site_dir, site_url=site_url, strict=True)
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
"""


class BuildFailed(RuntimeError):
    pass


def build_site(
    site_dir: Path,
    *,
    config_file: Path = CONFIG,
    site_url: str | None = None,
    env: dict | None = None,
) -> subprocess.Popen:
    """Start `mkdocs build --strict` of `config_file` into `site_dir` (with
    `site_url` overridden if given); finish it with `wait_build`.

    Runs from the repository root, because pymdownx.snippets resolves
    `--8<-- "snippets/..."` against the working directory.
    """
    if site_url:
        command = ["-c", _BUILD_WITH_SITE_URL, str(config_file), str(site_dir), site_url]
    else:
        command = ["-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
    return subprocess.Popen(
        [sys.executable, *command],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_build(proc: subprocess.Popen, what: str = "site") -> None:
    out, _ = proc.communicate(timeout=180)
    if proc.returncode != 0:
        raise BuildFailed(f"strict build of the {what} failed:\n{out[-4000:]}")


def site_url() -> str:
    """The configured `site_url` (read without loading plugins)."""
    for line in CONFIG.read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return line.split(":", 1)[1].strip().strip("'\"")
    raise ValueError("mkdocs.yml has no site_url")


def site_prefix() -> str:
    """Path part of `site_url`, e.g. `/tasks-and-futures/` (GitHub Pages)."""
    path = urllib.parse.urlsplit(site_url()).path or "/"
    return path if path.endswith("/") else path + "/"


def page_paths(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths relative to its root.

    `model/index.html` becomes `model/`, `index.html` becomes ``, other files
    keep their name (`404.html`, or `model.html` in an offline build).
    Theme assets and the search index are not pages.
    """
    pages = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        pages.append(rel)
    return pages


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files under a URL prefix; unknown paths get the site's 404 page,
    as GitHub Pages does."""

    prefix = "/"

    def translate_path(self, path):
        parsed = urllib.parse.urlsplit(path).path
        if not parsed.startswith(self.prefix):  # outside the site: not found
            return os.path.join(self.directory, "__outside_the_site__", "missing")
        return super().translate_path("/" + parsed[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def end_headers(self):
        # Every load in a test is a cold load; never let the browser revalidate.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser closing a connection mid-response is not a test failure.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class StaticServer:
    """A ThreadingHTTPServer on 127.0.0.1, port chosen by the OS.

    Bound on creation (so the port is known before the site is built); files
    are served from `directory` once it is set.
    """

    def __init__(self, prefix: str = "/"):
        self.prefix = prefix
        self.directory: Path | None = None
        self._handler = type("Handler", (_Handler,), {"prefix": prefix})
        self.httpd = _QuietServer(("127.0.0.1", 0), self._make_handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base_url = self.origin + prefix
        self._thread: threading.Thread | None = None

    def _make_handler(self, *args, **kwargs):
        return self._handler(*args, directory=str(self.directory), **kwargs)

    def start(self, directory: Path) -> StaticServer:
        self.directory = directory
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:  # shutdown() waits for serve_forever()
            self.httpd.shutdown()
        self.httpd.server_close()


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


@contextlib.contextmanager
def chromium():
    """Yield a launched headless Chromium (Playwright sync API)."""
    from playwright.sync_api import sync_playwright

    path = find_chromium()
    if path is None:
        raise FileNotFoundError(f"no Chromium found; install it: {INSTALL_HINT}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


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
    import json

    browser.start_tracing(page=page, categories=["devtools.timeline"])
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle_ms)
    trace = json.loads(browser.stop_tracing())
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
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
            " tests/browser/browser_support.py"
        )
    restyles = [
        (e["ts"], e.get("args", {}).get("elementCount", 0))
        for e in events
        if e["name"] == "UpdateLayoutTree"
    ]
    elements = page.evaluate("document.getElementsByTagName('*').length")
    return {
        "restyled": sum(n for _, n in restyles),
        "elements": elements,
        "full_restyles": sum(1 for ts, n in restyles if ts >= min(bundle) and n >= 0.75 * elements),
    }


# ---------------------------------------------------------------------------
# Pages, discovered from the sources (collection time) and checked against
# the build (test_browser_static.py), so a new page is tested without editing a list.


def docs_page_paths() -> list[str]:
    """URL path of every page under docs/, as MkDocs builds it, plus 404."""
    paths = []
    for md in sorted((REPO / "docs").rglob("*.md")):
        rel = md.relative_to(REPO / "docs")
        if any(part.startswith(".") for part in rel.parts):
            continue
        stem = rel.with_suffix("").as_posix()
        if rel.name in ("index.md", "README.md"):
            stem = rel.parent.as_posix()
            paths.append("" if stem == "." else stem + "/")
        else:
            paths.append(stem + "/")
    return sorted(set(paths)) + ["404.html"]


def page_id(path: str) -> str:
    return path.rstrip("/") or "home"
