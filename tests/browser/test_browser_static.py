"""Static checks of the built site: pages, links, publishing metadata.

These read the strict build (`prod`, what is deployed) and need no browser.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from verify.project import REPO
from verify.site.build import docs_page_paths, page_paths, site_url
from verify.site.links import check_site

SITE_URL = site_url()


def _html(site_dir: Path, path: str) -> str:
    file = site_dir / (path + "index.html" if path == "" or path.endswith("/") else path)
    return file.read_text(encoding="utf-8")


def _meta(page: str, name: str) -> str | None:
    match = re.search(rf'<meta name="{name}" content="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def _front_matter_description(path: str) -> str | None:
    md = REPO / "docs" / (path.rstrip("/") + ".md" if path else "index.md")
    if not md.is_file():
        return None
    text = md.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    meta = yaml.safe_load(match.group(1)) if match else None
    return meta.get("description") if isinstance(meta, dict) else None


def test_every_built_page_is_under_test(site, record_property):
    """Pages are discovered from docs/ at collection time; the build agrees."""
    record_property("build_seconds", round(site.build_seconds, 2))
    assert sorted(page_paths(site.prod)) == sorted(docs_page_paths())


def test_internal_links_and_anchors_resolve(site, record_property):
    result = check_site(site.prod, SITE_URL)
    # Listed in the terminal summary (conftest.py); never fetched.
    record_property("external_links", {u: sorted(p) for u, p in result.external.items()})
    assert result.checked > 0
    assert not result.broken, "\n".join(result.broken)


def test_offline_build_links_resolve(site):
    result = check_site(site.offline)
    # 404.html is for servers (absolute /tasks-and-futures/ links), never
    # shown from files.
    broken = [b for b in result.broken if not b.startswith("404.html:")]
    assert not broken, "\n".join(broken)


def test_link_checker_catches_broken_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<h1 id="top">x</h1><a href="a/#here">ok</a><a href="a/#gone">bad anchor</a>'
        '<a href="b/">bad page</a><img src="x.png"><a href="#top">ok</a>'
        '<a href="https://example.org/">external</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<p id="here"><a href="../">up</a></p>')
    result = check_site(tmp_path)
    assert len(result.broken) == 3, result.broken
    assert [b.split(": ", 1)[1] for b in result.broken] == [
        "<a href='a/#gone'>: no id 'gone' in a/index.html",
        "<a href='b/'>: no such file",
        "<img src='x.png'>: no such file",
    ]
    assert set(result.external) == {"https://example.org/"}


@pytest.mark.parametrize("path", [p for p in docs_page_paths() if p != "404.html"])
def test_canonical_link(site, path):
    page = _html(site.prod, path)
    assert f'<link rel="canonical" href="{SITE_URL}{path}">' in page


@pytest.mark.parametrize("path", docs_page_paths())
def test_meta_description(site, path):
    """Every page has a description; front matter wins over site_description."""
    page = _html(site.prod, path)
    description = _meta(page, "description")
    assert description, "no <meta name=description>"
    own = _front_matter_description(path)
    if path in ("", "404.html"):
        assert description == (own or description)
    else:
        assert own, f"docs/{path.rstrip('/')}.md has no `description:` front matter"
        assert description == own.strip()


def test_sitemap_lists_every_page_at_site_url(site):
    """In production, instant navigation relies on these exact URLs."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.parse(site.prod / "sitemap.xml")
    locs = sorted(e.text for e in tree.getroot().findall("s:url/s:loc", ns))
    expected = sorted(SITE_URL + p for p in docs_page_paths() if p != "404.html")
    assert locs == expected
    assert (site.prod / "sitemap.xml.gz").is_file()


def test_favicon_is_our_svg(site):
    for path in docs_page_paths():
        page = _html(site.prod, path)
        match = re.search(r'<link rel="icon" href="([^"]+)"', page)
        assert match and match.group(1).endswith("assets/favicon.svg"), path
    svg = (site.prod / "assets" / "favicon.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and len(svg) < 2000


def test_no_third_party_assets_in_html(site):
    """No stylesheet, script, image or font is loaded from another host."""
    pattern = re.compile(
        r'<(?:script|img|iframe|source)[^>]+src="(?:https?:)?//|'
        r'<link(?![^>]*rel="(?:canonical|alternate)")[^>]+href="(?:https?:)?//'
    )
    for directory in (site.prod, site.offline):
        for file in directory.rglob("*.html"):
            found = pattern.findall(file.read_text(encoding="utf-8"))
            assert not found, f"{file.relative_to(directory)}: {found}"


def test_offline_build_is_browsable_from_files(site):
    """OFFLINE=true: no directory URLs, search index inlined, shim local."""
    for path in docs_page_paths():
        file = path.rstrip("/") + ".html" if path.endswith("/") else path or "index.html"
        assert (site.offline / file).is_file(), file
    assert (site.offline / "search" / "search_index.js").is_file()
    index = (site.offline / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/javascripts/iframe-worker-shim.js"' in index
    deployed = (site.prod / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in deployed, "the shim is only needed for file://"


def _property(page: str, name: str) -> str | None:
    match = re.search(rf'<meta property="{name}" content="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


@pytest.mark.parametrize("path", [p for p in docs_page_paths() if p != "404.html"])
def test_link_preview_metadata(site, path):
    """Open Graph tags (overrides/main.html) agree with the page's own title,
    description and canonical address, so a shared link previews correctly."""
    page = _html(site.prod, path)
    title = html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip())
    assert _property(page, "og:title") == title
    assert _property(page, "og:description") == _meta(page, "description")
    assert _property(page, "og:url") == SITE_URL + path
