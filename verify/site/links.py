"""Offline checker for links and anchors in a built static site.

Every `href`/`src` in every HTML file must resolve to a file of the build and
every `#fragment` to an `id` (or `name`) in the target page. Links that point
at `site_url` (canonical links) are resolved locally. Other absolute URLs are
external: they are collected for listing and never fetched.

Written for this repo instead of running LinkChecker: on this site LinkChecker
re-downloads and re-parses a page for every anchor link (each heading has two,
each code line one with `anchor_linenums`): 9-30 s over http for 15 short
pages, and in file mode (LinkChecker 10.6, AnchorCheck, 2026-11-25) 11 min 34 s
for 4,099 URLs, 374 MB read, while still not checking the anchors of directory
URLs (`model/#x`), which are all of this site's.
"""

from __future__ import annotations

import html.parser
import posixpath
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

LINK_ATTRS = {
    "a": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "iframe": ("src",),
    "source": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}


class _Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attr, value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for attr in LINK_ATTRS.get(tag, ()):
            value = attrs.get(attr)
            if value is not None:
                self.links.append((tag, attr, value.strip()))
        if tag == "img" and attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                if candidate.strip():
                    self.links.append((tag, "srcset", candidate.split()[0]))


@dataclass
class Result:
    checked: int = 0
    broken: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=dict)


def _parse(path: Path) -> _Parser:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def check_site(root: Path, site_url: str | None = None) -> Result:
    """Check every link and anchor of the static site in `root`."""
    root = root.resolve()
    site = urllib.parse.urlsplit(site_url) if site_url else None
    prefix = (site.path.rstrip("/") + "/") if site else "/"
    pages = {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*.html"))}
    parsed = {rel: _parse(path) for rel, path in pages.items()}
    result = Result()

    def target_file(url_path: str) -> str | None:
        """Site-relative file for an absolute URL path, or None."""
        rel = url_path.lstrip("/")
        candidates = [rel] if rel and not rel.endswith("/") else []
        candidates += [posixpath.join(rel, "index.html")]
        for cand in candidates:
            cand = posixpath.normpath(cand) if cand else cand
            if cand.startswith("../"):
                return None
            if (root / cand).is_file():
                return cand
        return None

    for rel, parser in parsed.items():
        base = "http://site.invalid/" + rel
        for tag, attr, value in parser.links:
            if not value or value.startswith(("javascript:", "mailto:", "tel:", "data:")):
                continue
            parts = urllib.parse.urlsplit(value)
            if parts.scheme in ("http", "https") or value.startswith("//"):
                if site and parts.netloc == site.netloc and parts.path.startswith(prefix):
                    url_path = "/" + parts.path[len(prefix) :]
                    fragment = parts.fragment
                else:
                    result.external.setdefault(value, set()).add(rel)
                    continue
            elif parts.scheme:
                result.broken.append(f"{rel}: <{tag} {attr}={value!r}>: unknown scheme")
                continue
            else:
                if value.startswith("/"):
                    if not value.startswith(prefix):
                        result.broken.append(f"{rel}: <{tag} {attr}={value!r}>: outside {prefix}")
                        continue
                    value = "/" + value[len(prefix) :]
                joined = urllib.parse.urlsplit(urllib.parse.urljoin(base, value))
                url_path = joined.path
                fragment = joined.fragment
            result.checked += 1
            path = urllib.parse.unquote(url_path)
            target = target_file(path)
            if target is None:
                result.broken.append(f"{rel}: <{tag} {attr}={value!r}>: no such file")
                continue
            if fragment and target in parsed:
                anchor = urllib.parse.unquote(fragment)
                if anchor not in parsed[target].ids:
                    result.broken.append(
                        f"{rel}: <{tag} {attr}={value!r}>: no id {anchor!r} in {target}"
                    )
    return result
