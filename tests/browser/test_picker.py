"""The Python picker (issue 22), in Chromium: one choice of Python in the
header that every version tab set on every page follows, remembered across
pages and visits, settable by ?python=, with a note where an example needs a
newer Python. overrides/main.html and docs/assets/javascripts/python-picker.js
implement it."""

from __future__ import annotations

import re

from verify.project import PHONE
from verify.site.axe import axe_findings

NEWEST = "3.15"
# Pages with version tab sets, outputs and timelines alike.
TABBED = "cancellation/"
OTHER = "timeouts/"
# An example marked "# Requires Python 3.15+" (many-tasks) and one marked
# 3.14+ (creating).
NEEDS_315 = ("many-tasks/", "snippets/many-tasks/taskgroup_cancel.py")
NEEDS_314 = ("creating/", "snippets/creating/create_task_eager_start.py")

# Every version tab set of the page: its labels and the checked one's.
VERSION_SETS = """() => [...document.querySelectorAll('.md-content .tabbed-set')]
  .map(set => {
    const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')];
    const checked = labels.find(l => document.getElementById(l.htmlFor).checked);
    return {labels: labels.map(l => l.textContent.trim()),
            checked: checked ? checked.textContent.trim() : null,
            shown: set.querySelector(':scope > .tabbed-content > .tabbed-block:nth-child('
                   + (labels.indexOf(checked) + 1) + ')').offsetHeight > 0};
  })
  .filter(s => s.labels.every(l => /^Python 3\\.\\d+/.test(l)))"""

LABEL = re.compile(r"^Python 3\.(\d+)(?:\s*[–-]\s*3\.(\d+)|(\+))?$")


def holds(label: str, version: str) -> bool:
    m = LABEL.match(label)
    assert m, f"not a version label: {label!r}"
    first = int(m[1])
    last = 99 if m[3] else int(m[2] or m[1])
    return first <= int(version.split(".")[1]) <= last


def wrong_sets(page, version: str) -> list[str]:
    """Version tab sets that do not show the tab holding `version` (a set
    that has no such tab must show its nearest, the first or the last)."""
    sets = page.evaluate(VERSION_SETS)
    assert sets, f"no version tab set on {page.url}"
    wrong = []
    for s in sets:
        want = [label for label in s["labels"] if holds(label, version)]
        if not want:  # e.g. 3.10 for an example that needs 3.11+
            minor = int(version.split(".")[1])
            firsts = [int(LABEL.match(label)[1]) for label in s["labels"]]
            want = [s["labels"][0] if minor < firsts[0] else s["labels"][-1]]
        if s["checked"] != want[0] or not s["shown"]:
            wrong.append(f"{s['labels']}: checked {s['checked']!r}, want {want[0]!r}")
    return wrong


def picker(page):
    return page.locator("#__python")


def test_default_is_the_newest_python(open_context, site):
    context = open_context()
    page = context.new_page()
    page.goto(site.url(TABBED))
    assert picker(page).is_visible()
    assert picker(page).input_value() == NEWEST
    # A real <select> with a label: its accessible name says what it is.
    assert picker(page).evaluate("s => s.labels[0].textContent") == (
        "Python version of the examples"
    )
    assert wrong_sets(page, NEWEST) == []
    assert page.locator(".python-picker-note").count() == 0
    assert not context.watch.problems()


def test_a_choice_applies_to_every_page_and_survives_a_reload(open_context, site):
    context = open_context()
    page = context.new_page()
    page.goto(site.url(TABBED))
    picker(page).select_option("3.12")
    assert wrong_sets(page, "3.12") == []
    # Another page, by a full load: every version tab set, outputs and
    # timelines, shows the tab that holds 3.12.
    page.goto(site.url(OTHER))
    assert picker(page).input_value() == "3.12"
    assert wrong_sets(page, "3.12") == []
    page.reload()
    assert picker(page).input_value() == "3.12"
    assert wrong_sets(page, "3.12") == []
    # A new visit: a new tab of the same browser profile.
    again = context.new_page()
    again.goto(site.url(TABBED))
    assert picker(again).input_value() == "3.12"
    assert wrong_sets(again, "3.12") == []
    assert not context.watch.problems()


def test_instant_navigation_applies_the_choice(open_context, site):
    context = open_context()
    page = context.new_page()
    page.goto(site.url(TABBED))
    page.evaluate("window.__instantProbe = 1")
    picker(page).select_option("3.10")
    page.locator(f'.md-nav a[href$="/{OTHER}"], .md-nav a[href="../{OTHER}"]').first.click()
    page.wait_for_function(f"location.pathname.endsWith('/{OTHER}')")
    page.wait_for_function("document.querySelector('h1').id !== ''")
    assert page.evaluate("window.__instantProbe") == 1, "not an instant navigation"
    assert picker(page).input_value() == "3.10"
    assert wrong_sets(page, "3.10") == []
    assert not context.watch.problems()


def test_link_with_python_sets_the_choice(open_context, site):
    context = open_context()
    page = context.new_page()
    page.goto(site.url(TABBED) + "?python=3.12")
    assert picker(page).input_value() == "3.12"
    assert wrong_sets(page, "3.12") == []
    page.goto(site.url(OTHER))  # remembered
    assert picker(page).input_value() == "3.12"
    page.goto(site.url(OTHER) + "?python=2.7")  # not offered: ignored
    assert picker(page).input_value() == "3.12"
    assert not context.watch.problems()


def test_an_example_that_needs_a_newer_python_says_so(open_context, site):
    context = open_context()
    page = context.new_page()
    path, snippet = NEEDS_315
    page.goto(site.url(path) + "?python=3.12")
    # The note sits between the example and its output. (has-text: the title
    # row also holds Run and Edit once try-it.mjs has loaded.)
    note = page.locator(
        f'.highlight:has(> .filename:has-text("{snippet}")) ~ .python-picker-note >> nth=0'
    )
    assert note.inner_text() == (
        "Needs Python 3.15+ — you chose 3.12. The output below is from a newer Python."
    )
    assert note.is_visible()
    # Every such example on the page has one, and only those.
    newer = r"'^# Requires Python 3\\.1[3-5]\\+'"  # newer than 3.12
    needs = page.locator(f".highlight:has(code > .c1:first-child:text-matches({newer}))")
    assert page.locator(".python-picker-note").count() == needs.count() > 0
    # Choosing a new enough Python takes the note away, at once.
    picker(page).select_option("3.15")
    assert page.locator(".python-picker-note").count() == 0
    path, snippet = NEEDS_314
    page.goto(site.url(path) + "?python=3.13")
    note = page.locator(
        f'.highlight:has(> .filename:has-text("{snippet}")) ~ .python-picker-note >> nth=0'
    )
    assert note.inner_text().startswith("Needs Python 3.14+ — you chose 3.13.")
    assert not context.watch.problems()


def test_a_version_tab_click_moves_the_choice_without_a_jump(open_context, site):
    """content.tabs.link and the picker together: a click on "Python 3.13+"
    with 3.12 chosen chooses 3.13 (the nearest version in that range), every
    version tab set follows, and the clicked tab stays where it was."""
    context = open_context()
    page = context.new_page()
    page.goto(site.url(TABBED) + "?python=3.12")
    label = page.locator(".tabbed-labels > label", has_text=re.compile(r"^Python 3\.13\+$")).nth(1)
    label.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -200)")
    before = label.evaluate("l => l.getBoundingClientRect().top")
    label.click()
    page.wait_for_function("document.getElementById('__python').value === '3.13'")
    page.wait_for_timeout(300)  # any scrolling the theme starts
    after = label.evaluate("l => l.getBoundingClientRect().top")
    assert abs(after - before) <= 2
    assert wrong_sets(page, "3.13") == []
    page.goto(site.url(OTHER))
    assert picker(page).input_value() == "3.13"
    assert wrong_sets(page, "3.13") == []
    assert not context.watch.problems()


def test_the_picker_works_from_the_keyboard(open_context, site):
    context = open_context()
    page = context.new_page()
    page.goto(site.url(TABBED))
    picker(page).focus()
    page.keyboard.press("ArrowUp")  # the previous option, 3.14
    assert picker(page).input_value() == "3.14"
    assert wrong_sets(page, "3.14") == []
    assert not context.watch.problems()


def test_without_javascript_no_picker_and_the_tabs_still_work(open_context, site):
    context = open_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url(TABBED))
    assert not picker(page).is_visible()
    labels = page.locator(".tabbed-set").first.locator(".tabbed-labels > label")
    labels.nth(1).click()
    blocks = page.locator(".tabbed-set").first.locator(".tabbed-content > .tabbed-block")
    assert blocks.nth(1).is_visible() and not blocks.nth(0).is_visible()


def test_the_picker_is_accessible_and_fits_a_phone(open_context, site):
    problems = []
    for scheme in ("light", "dark"):
        context = open_context(color_scheme=scheme, viewport=PHONE)
        page = context.new_page()
        page.goto(site.url(NEEDS_315[0]) + "?python=3.12")  # notes shown too
        problems += axe_findings(page, scheme, NEEDS_315[0], {})
        # Inside the header, clear of the toggle and search buttons, and
        # nothing scrolls sideways.
        box = picker(page).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
        assert box["x"] + box["width"] <= toggle.bounding_box()["x"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        problems += context.watch.problems()
    assert problems == []


def test_the_tabs_are_right_before_any_script_file_runs(open_context, site):
    """No flash: the page's own inline pass shows the chosen version's tabs
    and notes before the theme's bundle or python-picker.js runs (here they
    never load), as instant navigation's does before the theme sets up the
    new page's tabs."""
    context = open_context()
    page = context.new_page()
    page.goto(site.url(OTHER) + "?python=3.12")  # remembered for the next load
    page.route(re.compile(r"/(bundle\.[0-9a-f]+\.min|python-picker)\.js$"), lambda r: r.abort())
    page.goto(site.url(TABBED))
    assert page.evaluate("typeof document$") == "undefined"
    assert picker(page).input_value() == "3.12"
    assert wrong_sets(page, "3.12") == []
    page.goto(site.url(NEEDS_315[0]))
    assert page.locator(".python-picker-note").count() > 0


def test_a_link_to_one_tab_opens_it_and_the_picker_follows(open_context, site):
    """A tab's own link (#__tabbed_N_M) opens that tab. Material's
    content.tabs.link treats it as a click on the tab, and so does the
    picker: it chooses the version of that tab's range nearest the choice,
    and every tab set follows."""
    context = open_context()
    page = context.new_page()
    page.goto(site.url(TABBED))
    first, label = page.evaluate(
        """() => [...document.querySelectorAll('.md-content .tabbed-set')]
             .map(set => set.querySelector(':scope > input'))
             .filter(input => !input.checked)
             .map(input => [input.id, document.querySelector(
                 `label[for="${input.id}"]`).textContent.trim()])[0]"""
    )
    m = LABEL.match(label)
    version = f"3.{min(int(m[2] or m[1]), int(NEWEST.split('.')[1]))}"
    page.goto(site.url(TABBED) + "#" + first)
    page.wait_for_function(f"document.getElementById('__python').value === {version!r}")
    assert page.evaluate(f"document.getElementById({first!r}).checked")
    assert wrong_sets(page, version) == []
    assert not context.watch.problems()


def test_the_address_follows_a_new_choice(open_context, site):
    context = open_context()
    page = context.new_page()
    page.goto(site.url(TABBED) + "?python=3.12")
    picker(page).select_option("3.10")
    assert page.evaluate("location.search") == "?python=3.10"
    page.reload()
    assert picker(page).input_value() == "3.10"
    assert wrong_sets(page, "3.10") == []
    assert not context.watch.problems()
