"""Reading features, in Chromium: search, light/dark toggle, instant
navigation, screenshots; and the offline (file://) copy."""

from __future__ import annotations

import re
import time

import pytest
from browser_support import docs_page_paths, page_id, page_paths

SEARCH_TERM = "TaskGroup"
SEARCH_PAGE = "many-tasks/"  # "Running many tasks": where TaskGroup is taught
KEY_PAGES = ["", "many-tasks/", "contributing/"]


def search(page, term: str) -> list[str]:
    """Type `term` into the search dialog; return the result links."""
    page.wait_for_load_state()
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # narrow screens: the search icon opens it
        page.locator("label.md-header__button[for=__search]").click()
    box.click()
    box.press_sequentially(term)  # Material searches on keyup, as a reader types
    results = page.locator(".md-search-result__list > .md-search-result__item a")
    # A query typed while the worker still builds the index is not replayed
    # (the result panel keeps "Initializing search"): a further keystroke is,
    # as when a reader keeps typing.
    deadline = time.monotonic() + 15
    while not results.count() and time.monotonic() < deadline:
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
    assert site.url(SEARCH_PAGE) in documents, documents
    meta = page.locator(".md-search-result__meta").inner_text()
    assert re.search(r"\d+ matching document", meta), meta
    assert not context.watch.problems()


def test_palette_toggle_persists_across_pages(open_context, site):
    context = open_context(color_scheme="light")
    page = context.new_page()
    other = next(p for p in docs_page_paths() if p not in ("", "404.html"))
    page.goto(site.url())
    scheme = lambda: page.evaluate("document.body.dataset.mdColorScheme")  # noqa: E731
    assert scheme() == "default"
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert scheme() == "slate"
    page.goto(site.url(other))  # a full page load
    assert scheme() == "slate"
    page.reload()
    assert scheme() == "slate"
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
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
    link = page.locator("a.md-footer__link--next")
    target = link.evaluate("a => a.href")
    link.click()
    # navigation.tracking then adds the visible section's #anchor to the URL.
    page.wait_for_function(f"location.href.split('#')[0] === {target!r}")
    page.wait_for_function(f"document.querySelector('h1').innerText !== {title!r}")
    assert page.evaluate("window.__instantProbe") == "still here"
    assert page.evaluate("document.querySelector('link[rel=canonical]').href") == target
    page.reload()
    assert page.evaluate("window.__instantProbe") is None
    assert not context.watch.problems()


@pytest.mark.parametrize("path", KEY_PAGES, ids=page_id)
def test_screenshots(open_context, site, screenshots_dir, path):
    """Light, dark and phone screenshots of key pages, in screenshots/."""
    if path not in docs_page_paths():
        pytest.skip(f"no page /{path}")
    name = page_id(path).replace("/", "-")
    variants = [
        ("light", {"color_scheme": "light"}),
        ("dark", {"color_scheme": "dark"}),
        (
            "phone",
            {
                "color_scheme": "light",
                "viewport": {"width": 375, "height": 740},
                "is_mobile": True,
                "has_touch": True,
            },
        ),
    ]
    for variant, options in variants:
        context = open_context(**options)
        page = context.new_page()
        page.goto(site.url(path))
        expected = "slate" if variant == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        # The whole page in light; the first screen in dark and on a phone.
        page.screenshot(
            path=screenshots_dir / f"{name}-{variant}.png",
            full_page=variant == "light",
            animations="disabled",
            caret="hide",
        )
        assert not context.watch.problems()


# --- Offline copy, opened from the file system ------------------------------


def test_offline_copy_from_file_urls(open_context, site):
    """OFFLINE=true build: every page opens from file:// with no error and
    no request but local files; links go to .html files."""
    context = open_context(file_mode=True)
    page = context.new_page()
    # 404.html is an error page for servers (absolute /tasks-and-futures/
    # links); from files it is never shown.
    paths = [p for p in page_paths(site.offline) if p != "404.html"]
    assert "" in paths and not any(p.endswith("/") for p in paths if p)
    for path in paths:
        page.goto((site.offline / (path or "index.html")).as_uri())
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
