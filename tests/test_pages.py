"""The page contract: every example is shown, every shown output is a verified file.

Pages are read as text (fences, includes, content-tab labels); what they render
to is checked by test_site.py.
"""

from __future__ import annotations

import re

import pytest

from verify.fences import (
    all_fences,
    included_paths,
    indent_of,
    pages,
    parse_fences,
    timeline_includes,
)
from verify.interpreters import find_interpreters, interpreter_release
from verify.project import ROOT, in_ci
from verify.snippets import Snippet, discover_snippets, snippet_for_output
from verify.timeline import FIGURE_OPEN


def fail_if(problems: list[str], header: str = "") -> None:
    """Fail with a plain message: what is wrong, where, and the fix."""
    if problems:
        pytest.fail((header + "\n" if header else "") + "\n".join(problems), pytrace=False)


def test_every_include_exists():
    missing = [
        f"{where}: includes {path}"
        for path, wheres in included_paths().items()
        for where in wheres
        if not (ROOT / path).is_file()
    ]
    fail_if(
        missing,
        "Pages include files that do not exist (fix the path, relative to the "
        "repo root, or restore the file):",
    )


def test_no_include_is_escaped_on_a_guide_page():
    """`;--8<--` is an escaped include: the line shows as written. Contributing
    uses it to show include lines; anywhere else it is a copied example."""
    escaped = [
        f"{page.relative_to(ROOT).as_posix()}:{number}: {line.strip()}"
        for page in pages()
        if page.name != "contributing.md"
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if line.lstrip().startswith(";--8<--")
    ]
    fail_if(
        escaped,
        "Escaped includes (`;--8<--` shows the line instead of the file; remove the `;`):",
    )


def test_every_snippet_is_shown_on_a_page():
    shown = included_paths()
    orphans = [s.rel for s in discover_snippets() if s.rel not in shown]
    fail_if(
        orphans,
        "Snippets that no page includes (include them in their page, code then "
        "output, or delete them):",
    )


def test_every_expected_output_belongs_to_a_snippet():
    stray = []
    for out in sorted((ROOT / "snippets").rglob("*.out")):
        snippet = snippet_for_output(out)
        if not snippet.exists():
            stray.append(f"{out.relative_to(ROOT).as_posix()} (no {snippet.name} beside it)")
    fail_if(
        stray,
        "Expected outputs without a snippet (delete them, or restore the snippet "
        "and run `make update`):",
    )


def test_every_output_is_shown_right_after_its_code():
    """The code include is followed, before the next example, by all of its outputs."""
    problems = []
    fences = all_fences()
    for i, fence in enumerate(fences):
        if fence.lang != "python" or not fence.only_includes:
            continue
        (path,) = set(fence.includes) or {""}
        snippet = Snippet(ROOT / path)
        if not snippet.path.is_file() or not path.startswith("snippets/"):
            continue
        following = []
        for later in fences[i + 1 :]:
            if later.page != fence.page or later.lang == "python":
                same = later.page == fence.page and later.includes == fence.includes
                if same:  # the same file shown again in sections: its outputs come later
                    following = None
                break
            following.append(later)
        if following is None:
            continue
        shown = {p for later in following for p in later.includes}
        labels = snippet.output_labels()
        for out, label in labels.items():
            rel = out.relative_to(ROOT).as_posix()
            if rel not in shown:
                problems.append(
                    f"{fence.where}: {path} is not followed by its output {rel} "
                    f"(add a text fence titled Output that includes it)"
                )
                continue
            if len(labels) > 1:
                tab = next(later.tab for later in following if rel in later.includes)
                if tab != label:
                    problems.append(
                        f"{fence.where}: {rel} is shown under the tab {tab!r}, "
                        f"but it is the output of {label!r}: label the tab "
                        f'=== "{label}"'
                    )
    fail_if(problems)


def test_outputs_on_pages_are_included_not_typed():
    typed = [
        f"{f.where}: an output block typed into the page; include its .out file instead"
        for f in all_fences()
        if f.title.lower().startswith("output") and not f.only_includes
    ]
    fail_if(typed)


def test_python_on_pages_is_an_include_or_marked_not_runnable():
    """Inline Python would be executed by pytest-markdown-docs but its output never verified."""
    inline = [
        f"{f.where}: Python written into the page; move it to snippets/ and include it, "
        f"or mark the fence `notest` if it is not meant to run"
        for f in all_fences()
        if f.lang in ("python", "py", "python3")
        and not f.only_includes
        and "notest" not in f.info.split()
    ]
    fail_if(inline)


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_page_has_a_description(page):
    """Used for the meta description, which search engines and link previews show."""
    import yaml

    text = page.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    meta = yaml.safe_load(match.group(1)) if match else {}
    description = (meta or {}).get("description", "")
    name = page.relative_to(ROOT).as_posix()
    if not description:
        pytest.fail(
            f"{name} has no `description:` in its front matter. Add one sentence at the "
            f"top:\n---\ndescription: ...\n---",
            pytrace=False,
        )
    if '"' in description:
        # The theme writes it into content="..." unescaped: a quote would cut it short.
        pytest.fail(
            f"{name}: its description contains a double quote; use single quotes.", pytrace=False
        )


def test_home_page_names_the_releases_outputs_come_from():
    """docs/index.md names the exact CPython releases the outputs were made and
    checked with (a later patch release can print differently); they must be
    the ones this suite runs. Fails in CI, skips locally with other releases."""
    index = ROOT / "docs" / "index.md"
    if not index.exists():  # a harness self-test project (tests/test_harness.py)
        pytest.skip("no docs/index.md")
    text = index.read_text(encoding="utf-8")
    match = re.search(r"made and checked with CPython (.+?)\.\s", text, re.DOTALL)
    assert match, "docs/index.md no longer says which CPython releases the outputs come from"
    stated = re.findall(r"3\.\d+\.\d+", match.group(1))
    running = [
        interpreter_release(version) or f"{version} (missing)" for version in find_interpreters()
    ]
    if stated != running:
        message = (
            f"docs/index.md says the outputs come from CPython {', '.join(stated)}; "
            f"this suite runs {', '.join(running)}. Fix: after refreshing the outputs "
            f"on these releases (`make update`, review the diff), update that sentence."
        )
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


# --- timelines (verify/timeline.py; Contributing, "Timelines") ----------------------


def test_every_timeline_is_shown_under_its_output():
    """Each example's timeline(s) sit after its outputs, before the next example,
    in tabs labelled with their versions when there are several."""
    problems = []
    for page in pages():
        fences = parse_fences(page)
        svgs = timeline_includes(page)
        lines = page.read_text(encoding="utf-8").splitlines()
        code = [
            f
            for f in fences
            if f.lang == "python" and f.only_includes and f.includes[0].startswith("snippets/")
        ]
        for i, fence in enumerate(code):
            snippet = Snippet(ROOT / fence.includes[0])
            if not snippet.path.is_file():
                continue
            if any(later.includes == fence.includes for later in code[i + 1 :]):
                continue  # shown again further down: its timeline goes there
            stop = code[i + 1].line if i + 1 < len(code) else 10**9
            shown = {path: label for line, path, label in svgs if fence.line < line < stop}
            fence_indent = indent_of(lines[fence.line - 1])
            for line, path, _ in svgs:
                if not fence.line < line < stop:
                    continue
                # A line less indented than the example (the figure, or its tab) closes
                # the admonition or tab the example sits in: what follows renders as code.
                outdented = [
                    n
                    for n in range(fence.line + 1, line + 1)
                    if lines[n - 1].strip() and indent_of(lines[n - 1]) < fence_indent
                ]
                if outdented:
                    problems.append(
                        f"{page.relative_to(ROOT).as_posix()}:{outdented[0]}: the timeline "
                        f"{path} is indented less than its example ({fence.where}): indent "
                        f"the figure and its tabs by {fence_indent} more spaces"
                    )
            labels = snippet.timeline_labels()
            for svg, label in labels.items():
                rel = svg.relative_to(ROOT).as_posix()
                if rel not in shown:
                    problems.append(
                        f"{fence.where}: {snippet.rel} is not followed by its timeline {rel} "
                        f"(run `make timelines`, or add under its output: "
                        f'{FIGURE_OPEN} --8<-- "{rel}" </figure>)'
                    )
                elif (len(labels) > 1 or ".py3" in svg.name) and shown[rel] != label:
                    problems.append(
                        f"{fence.where}: {rel} is shown under the tab {shown[rel]!r}, but it "
                        f'is the timeline of {label!r}: label the tab ===! "{label}"'
                    )
    fail_if(problems, "Examples without their timeline (Contributing, Timelines):")


def test_every_timeline_figure_is_kept_out_of_search():
    """The picture's labels are not prose: each figure opens with FIGURE_OPEN."""
    problems = []
    for page in pages():
        lines = page.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if "<figure" in line and 'class="timeline"' in line and line.strip() != FIGURE_OPEN:
                problems.append(f"{page.relative_to(ROOT)}:{number}: write {FIGURE_OPEN}")
    fail_if(problems, "Timeline figures indexed by search (Contributing, Timelines):")


def test_every_timeline_belongs_to_a_snippet():
    stray = []
    for svg in sorted((ROOT / "snippets").rglob("*.timeline.svg")):
        snippet = snippet_for_output(svg)
        if not snippet.exists():
            stray.append(f"{svg.relative_to(ROOT).as_posix()} (no {snippet.name} beside it)")
    fail_if(stray, "Timelines without a snippet (delete them, or restore the snippet):")


def test_every_guide_page_opens_with_its_key_points():
    """A reader can stop after the summary: a guide page's `## Key points` comes
    before its first example (the home page opens with its key idea instead)."""
    if not (ROOT / "mkdocs.yml").exists():  # a harness self-test project (tests/test_harness.py)
        pytest.skip("no site here, only pages made up to test the harness")
    problems = []
    for page in pages():
        if page.name in ("index.md", "contributing.md"):
            continue
        fences = [f for f in parse_fences(page) if f.lang == "python" and f.includes]
        if not fences:
            continue
        lines = page.read_text(encoding="utf-8").splitlines()
        key = next((n for n, line in enumerate(lines, 1) if line.startswith("## Key points")), None)
        if key is None or key > fences[0].line:
            problems.append(
                f"{page.relative_to(ROOT).as_posix()}: `## Key points` "
                f"{'is missing' if key is None else f'at line {key}'}; move it above the "
                f"first example (line {fences[0].line})"
            )
    fail_if(problems, "Guide pages whose key points do not come first:")
