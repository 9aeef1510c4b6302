"""Reading features, in Chromium: search, light/dark toggle that persists,
instant navigation; and the offline copy opened from file://."""

from __future__ import annotations

import re
import time

import pytest

from verify.project import PHONE
from verify.site.browser import style_work
from verify.site.build import (
    build_site,
    default_config,
    docs_page_paths,
    page_paths,
    site_prefix,
    wait_build,
)
from verify.site.lighthouse import heaviest_page, pages_server

SEARCH_TERM = "TaskGroup"
SEARCH_PAGE = "many-tasks/"  # "Running many tasks": where TaskGroup is taught


def search(page, term: str, nudge: bool = True) -> list[str]:
    """Type `term` into the search dialog; return the result links. With
    `nudge=False` no key is pressed after the term: the results must come."""
    page.wait_for_load_state()
    box = page.locator("input.md-search__input")
    # Below Material's 60em breakpoint the box is off screen (Playwright may
    # still call it visible): the search icon opens it.
    if not box.is_visible() or page.viewport_size["width"] < 960:
        page.locator("label.md-header__button[for=__search]").click()
    box.click()
    box.press_sequentially(term)  # Material searches on keyup, as a reader types
    results = page.locator(".md-search-result__list > .md-search-result__item a")
    # A reader keeps typing: a further keystroke runs the query again, in
    # case the first came before the index (Material does replay it once its
    # worker is ready: test_search_index_is_fetched_when_search_opens).
    deadline = time.monotonic() + 15
    while not results.count() and time.monotonic() < deadline:
        if nudge:
            box.press("End")
        page.wait_for_timeout(200)
    assert results.count(), page.locator(".md-search-result__meta").text_content()
    return results.evaluate_all("els => els.map(a => a.href)")


def test_search_finds_taskgroup_page(open_context, site):
    context = open_context()
    page = context.new_page()
    page.goto(site.url())
    hrefs = search(page, SEARCH_TERM)
    documents = list(dict.fromkeys(re.sub(r"[?#].*", "", h) for h in hrefs))
    # The page that teaches it comes first (then the API index, pitfalls...).
    assert documents[0] == site.url(SEARCH_PAGE), documents
    meta = page.locator(".md-search-result__meta").inner_text()
    assert re.search(r"\d+ matching document", meta), meta
    assert not context.watch.problems()


@pytest.mark.parametrize("width", [390, 1280])
def test_search_index_is_fetched_when_search_opens(open_context, site, width):
    """Not as the page loads (overrides/main.html, extrahead): at phone and
    desktop width, nothing asks for it in the seconds after load, nor while the
    reader scrolls and follows a link; opening search fetches it, and results come."""
    context = open_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "search_index" in r.url else None)
    page.goto(site.url(SEARCH_PAGE))
    page.wait_for_load_state("load")
    page.mouse.wheel(0, 2000)
    home = page.evaluate("location.pathname")
    # A script click: at phone width the sticky header can cover the link.
    page.evaluate("document.querySelector('a.md-footer__link--next').click()")
    page.wait_for_function(f"location.pathname !== {home!r}")  # instant navigation
    page.wait_for_timeout(2000)
    assert asked == [], asked
    # Typed at once, while the index is still on its way: the query is run
    # when it has arrived, with no further keystroke.
    hrefs = search(page, SEARCH_TERM, nudge=False)
    assert hrefs
    assert [url.rsplit("/", 2)[-2:] for url in asked] == [["search", "search_index.json"]]
    assert not context.watch.problems()


def test_link_with_search_terms_fetches_the_index_at_once(open_context, site):
    context = open_context()
    page = context.new_page()
    with page.expect_request(lambda r: "search_index.json" in r.url, timeout=10000):
        page.goto(site.url(SEARCH_PAGE) + "?q=" + SEARCH_TERM)
    assert not context.watch.problems()


def test_palette_toggle_persists_across_pages(open_context, site):
    context = open_context(color_scheme="light")
    page = context.new_page()
    other = next(p for p in docs_page_paths() if p not in ("", "404.html"))
    page.goto(site.url())
    scheme = lambda: page.evaluate("document.body.dataset.mdColorScheme")  # noqa: E731
    toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
    assert scheme() == "default"
    # The page's root (scrollbar, canvas) follows the toggle through
    # extra.css, not through Material's color-scheme meta, which
    # overrides/main.html keeps out (it restyles the whole page).
    root = lambda: page.evaluate("getComputedStyle(document.documentElement).colorScheme")  # noqa: E731
    assert root() == "normal"
    toggle.click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert root() == "dark"
    assert page.locator("meta[name=color-scheme]").count() == 0
    home = page.evaluate("location.pathname")
    page.locator("a.md-footer__link--next").click()  # instant navigation
    page.wait_for_function(f"location.pathname !== {home!r}")
    assert scheme() == "slate"
    page.goto(site.url(other))  # a full page load
    assert scheme() == "slate"
    page.reload()
    assert scheme() == "slate"
    toggle.click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    page.goto(site.url())
    assert scheme() == "default"
    assert not context.watch.problems()


def test_instant_navigation_keeps_the_page_alive(open_context, site):
    """A click on an internal link swaps the content without a page load:
    a variable set on `window` survives. (A full load, as the control shows,
    would reset it.)"""
    context = open_context()
    page = context.new_page()
    page.goto(site.url())
    title = page.locator("h1").first.inner_text()
    page.evaluate("window.__instantProbe = 'still here'")
    sheets = "[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href)"
    before = page.evaluate(sheets)
    link = page.locator("a.md-footer__link--next")
    target = link.evaluate("a => a.href")
    link.click()
    # navigation.tracking then adds the visible section's #anchor to the URL.
    page.wait_for_function(f"location.href.split('#')[0] === {target!r}")
    page.wait_for_function(f"document.querySelector('h1').innerText !== {title!r}")
    assert page.evaluate("window.__instantProbe") == "still here"
    assert page.evaluate("document.querySelector('link[rel=canonical]').href") == target
    # The stylesheets, whose addresses overrides/main.html made absolute, are
    # the same elements: none added twice, none dropped.
    assert page.evaluate(sheets) == before
    page.reload()
    assert page.evaluate("window.__instantProbe") is None
    assert not context.watch.problems()


# --- Style work as a page loads (overrides/main.html) -----------------------


@pytest.fixture(scope="module")
def default_site(tmp_path_factory):
    """The same pages built with stock Material and `font: false` (the owner's
    baseline: the same no-third-party, offline constraint as ours)."""
    tmp = tmp_path_factory.mktemp("default-material")
    (tmp / "config").mkdir()
    wait_build(
        build_site(tmp / "site", config_file=default_config(tmp / "config", fonts=False)),
        "default Material site",
    )
    return tmp / "site"


@pytest.mark.parametrize("phone", [True, False], ids=["phone", "desktop"])
def test_a_page_is_restyled_whole_no_more_than_on_default_material(
    browser, site, default_site, phone
):
    """The heaviest page: no more whole-page restyles once Material's bundle
    starts than the same page on a default Material build. The bundle's own
    start is one (it swaps the root's `no-js` class for `js`); a page with a
    wide table has another on both sites (Material wraps the table as the page
    is set up). Ours once added two more (instant navigation rewriting the
    stylesheets' addresses, the toggle's color-scheme meta), each costing as
    much as the first on a phone. Counted in a Chromium trace
    (verify.site.browser.style_work), which does not depend on timing.

    Both served as GitHub Pages serves them (gzip, `max-age=600`;
    verify.site.lighthouse.pages_server): the stylesheets' addresses are
    rewritten as the page loads, which with `no-store` would fetch and apply
    them a second time."""
    path = heaviest_page(site.prod)
    counts = {}
    for name, directory, prefix in (
        ("ours", site.prod, site_prefix()),
        ("default", default_site, "/"),
    ):
        server = pages_server(prefix).start(directory)
        try:
            options = {"viewport": PHONE} if phone else {}
            context = browser.new_context(is_mobile=phone, has_touch=phone, **options)
            counts[name] = style_work(browser, context.new_page(), server.base_url + path)
            context.close()
        finally:
            server.stop()
    ours, default = counts["ours"], counts["default"]
    assert ours["full_restyles"] <= default["full_restyles"], (
        f"/{path}: {ours['full_restyles']} whole-page restyles while loading "
        f"({ours['restyled']:,} elements restyled, {ours['elements']:,} on the page), "
        f"against {default['full_restyles']} on default Material; see "
        "overrides/main.html, extrahead"
    )


def test_code_blocks_are_set_up_as_they_near_the_screen_on_a_phone(open_context, site):
    """With no hover (a phone), Material's content.lazy sets a code block up
    (its copy button) when it nears the screen (overrides/main.html, block
    config); with hover (desktop), every block at load."""
    path = heaviest_page(site.served)
    blocks = "document.querySelectorAll('.highlight pre > code').length"
    buttons = "document.querySelectorAll('.highlight button.md-code__button').length"

    desktop = open_context().new_page()
    desktop.goto(site.url(path))
    desktop.wait_for_function(f"{buttons} === {blocks}", timeout=10_000)

    context = open_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(site.url(path))
    phone.wait_for_timeout(500)
    total, ready = phone.evaluate(blocks), phone.evaluate(buttons)
    assert ready < total, f"{ready} of {total} code blocks set up at load on a phone"
    last = phone.locator(".highlight pre > code").filter(visible=True).last
    last.scroll_into_view_if_needed()
    last.locator("xpath=../..").locator("button.md-code__button").wait_for(timeout=5_000)
    assert not context.watch.problems()


# --- Offline copy, opened from the file system ------------------------------


def test_offline_copy_from_file_urls(open_context, site):
    """OFFLINE=true build, opened from the file system: key pages load with
    no error and no request but local files. (Every page's links are
    checked in test_browser_static.py.)"""
    context = open_context(file_mode=True)
    page = context.new_page()
    paths = page_paths(site.offline)
    assert "" in paths and not any(p.endswith("/") for p in paths if p)
    for path in ["", SEARCH_PAGE, "contributing/"]:
        file = site.offline / (path.rstrip("/") + ".html" if path else "index.html")
        if not file.exists():
            continue
        page.goto(file.as_uri())
        assert page.title().strip(), path
    assert not context.watch.problems()


def test_offline_copy_navigation_and_search(open_context, site):
    context = open_context(file_mode=True)
    page = context.new_page()
    page.goto((site.offline / "index.html").as_uri())
    link = page.locator("a.md-footer__link--next")
    target = link.evaluate("a => a.href")
    assert target.startswith("file://") and target.endswith(".html")
    link.click()
    page.wait_for_function(f"location.href.split('#')[0] === {target!r}")
    hrefs = search(page, SEARCH_TERM)
    expected = (site.offline / (SEARCH_PAGE.rstrip("/") + ".html")).as_uri()
    assert expected in [re.sub(r"[?#].*", "", h) for h in hrefs], hrefs
    assert not context.watch.problems()


def test_unknown_url_shows_the_styled_404_page(open_context, site):
    """GitHub Pages answers an unknown URL with 404.html, at that URL: its
    links must work from any depth (they are absolute, under site_url)."""
    context = open_context()
    page = context.new_page()
    response = page.goto(site.url("no/such/page/"))
    assert response.status == 404
    assert page.locator("h1").inner_text().startswith("404")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert header == "sticky"  # Material's stylesheet is applied
    page.locator("a.md-header__button.md-logo").click()
    page.wait_for_url(site.url())
    # The only errors are the 404 status itself (reported twice by Chromium).
    missing = site.url("no/such/page/")
    assert [p for p in context.watch.problems() if missing not in p] == []
