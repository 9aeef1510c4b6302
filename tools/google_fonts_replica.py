"""A local stand-in for Google Fonts, so the page-weight benchmark can count
the fonts a default Material site downloads when it is online.

Material's default theme asks `fonts.googleapis.com/css?family=Roboto:...`
for a stylesheet of `@font-face` rules, one per weight, style and Unicode
subset, and the browser then fetches from `fonts.gstatic.com` only the files
whose subsets the page's text uses. This machine has no route to Google, so
`GoogleFontsReplica` answers those two hosts from Fontsource's npm packages,
which are built from Google Fonts' own subset files (the npm registry is
reachable; downloads are cached in `.cache/fonts/`).

Google may serve a family as static files (one per weight) or as one variable
file that every weight shares; the replica can model either ("static",
"variable"), and the benchmark counts the lighter one, so the default site's
figure errs low.
"""

from __future__ import annotations

import io
import re
import tarfile
import urllib.parse
import urllib.request
from pathlib import Path

from verify.project import REPO

CACHE = REPO / ".cache" / "fonts"
VERSION = "5.3.0"  # of the Fontsource packages; pinned so the figures are reproducible
MODELS = ("static", "variable")
_SCOPE = {"static": "@fontsource", "variable": "@fontsource-variable"}


def _package_dir(model: str, family: str) -> Path:
    """Unpacked Fontsource package for `family` ("Roboto Mono" -> roboto-mono)."""
    name = family.lower().replace(" ", "-")
    target = CACHE / f"{model}-{name}-{VERSION}"
    if not target.exists():
        url = f"https://registry.npmjs.org/{_SCOPE[model]}/{name}/-/{name}-{VERSION}.tgz"
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read()
        partial = target.with_suffix(".partial")
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            members = [m for m in archive.getmembers() if m.name.endswith((".css", ".woff2"))]
            archive.extractall(partial, members=members, filter="data")
        partial.rename(target)
    return target / "package"


def _faces(css: str) -> list[dict]:
    faces = []
    for block in re.findall(r"@font-face\s*{(.*?)}", css, re.S):
        face = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", block))
        face["file"] = re.search(r"url\(\./files/([^)]+\.woff2)\)", block).group(1)
        faces.append(face)
    return faces


def _requested(query: str) -> list[tuple[str, int, str]]:
    """(family, weight, style) for a Google Fonts CSS API v1 query string,
    e.g. family=Roboto:300,300i,400|Roboto+Mono:400."""
    wanted = []
    for spec in urllib.parse.parse_qs(query)["family"][0].split("|"):
        family, _, variants = spec.partition(":")
        for variant in (variants or "400").split(","):
            italic = variant.endswith("i")
            wanted.append(
                (family, int(variant.rstrip("i") or 400), "italic" if italic else "normal")
            )
    return wanted


class GoogleFontsReplica:
    """Answers Google Fonts requests from local files (see module docstring)."""

    HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com")

    def __init__(self, model: str):
        if model not in MODELS:
            raise ValueError(f"model must be one of {MODELS}")
        self.model = model
        self.files: dict[str, Path] = {}  # gstatic path -> local file

    def _rules(self, family: str, weight: int, style: str) -> list[str]:
        package = _package_dir(self.model, family)
        slug = family.lower().replace(" ", "-")
        if self.model == "static":
            css = package / (f"{weight}-italic.css" if style == "italic" else f"{weight}.css")
        else:  # one variable file per subset and style, shared by every weight
            css = package / ("wght-italic.css" if style == "italic" else "wght.css")
        rules = []
        for face in _faces(css.read_text(encoding="utf-8")):
            path = f"/s/{slug}/{VERSION}/{face['file']}"
            self.files[path] = package / "files" / face["file"]
            rules.append(
                "@font-face {\n"
                f"  font-family: '{family}';\n"
                f"  font-style: {style};\n"
                f"  font-weight: {weight};\n"
                "  font-display: fallback;\n"
                f"  src: url(https://fonts.gstatic.com{path}) format('woff2');\n"
                f"  unicode-range: {face['unicode-range']};\n"
                "}\n"
            )
        return rules

    def stylesheet(self, url: str) -> str:
        query = urllib.parse.urlsplit(url).query
        return "".join(rule for spec in _requested(query) for rule in self._rules(*spec))

    def handles(self, url: str) -> bool:
        return urllib.parse.urlsplit(url).netloc in self.HOSTS

    def fulfil(self, route) -> None:
        """Answer a Playwright route for one of `HOSTS`."""
        url = route.request.url
        parts = urllib.parse.urlsplit(url)
        if parts.netloc == "fonts.googleapis.com":
            route.fulfill(status=200, content_type="text/css", body=self.stylesheet(url))
        elif parts.path in self.files:
            route.fulfill(
                status=200, content_type="font/woff2", body=self.files[parts.path].read_bytes()
            )
        else:
            route.fulfill(status=404, body="")
