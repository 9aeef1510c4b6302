"""Serving a built site from 127.0.0.1 as GitHub Pages does: under its path, with its 404 page."""

from __future__ import annotations

import http.server
import os
import sys
import threading
import urllib.parse
from pathlib import Path

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
