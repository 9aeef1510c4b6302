"""The harness itself: bad input fails clearly, naming the file and the fix.

Each test builds a scratch repository (docs/, snippets/) and runs the real
collectors on it in a separate pytest, with SNIPPETS_ROOT pointing there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from verify import timeline
from verify.interpreters import find_interpreters
from verify.project import REPO

TESTS = Path(__file__).resolve().parent
CURRENT = f"{sys.version_info[0]}.{sys.version_info[1]}"

GOOD = """\
# No timeline: the harness's own tests add theirs where they test them
import asyncio


async def main():
    await asyncio.sleep(1)
    print("slept")


asyncio.run(main())
"""


def page_for(*names: str) -> str:
    blocks = []
    for name in names:
        blocks.append(
            f'```python\n--8<-- "snippets/demo/{name}.py"\n```\n\n'
            f'```text title="Output"\n--8<-- "snippets/demo/{name}.out"\n```\n'
        )
    return "---\ndescription: Demo.\n---\n\n# Demo\n\n" + "\n".join(blocks)


@pytest.fixture
def repo(tmp_path):
    """A scratch repository with one good snippet, shown on a page, with its output."""
    (tmp_path / "snippets" / "demo").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "snippets" / "demo" / "good.py").write_text(GOOD)
    (tmp_path / "snippets" / "demo" / "good.out").write_text("slept\n")
    (tmp_path / "docs" / "demo.md").write_text(page_for("good"))
    return tmp_path


def run_pytest(repo: Path, *args: str, every_python: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "SNIPPETS_ROOT": str(repo)}
    versions = [] if every_python else ["--python", CURRENT]
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(REPO / "pyproject.toml"),
            "--rootdir",
            str(repo),
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
            *versions,
            *args,
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def write(repo: Path, rel: str, text: str) -> None:
    (repo / rel).write_text(textwrap.dedent(text))


def test_good_snippet_passes(repo):
    result = run_pytest(repo, str(TESTS / "test_snippets.py"), str(TESTS / "test_pages.py"))
    assert result.returncode == 0, result.stdout
    assert "passed" in result.stdout and "failed" not in result.stdout


def test_hanging_snippet_is_killed_and_the_rest_still_runs(repo):
    write(
        repo,
        "snippets/demo/hangs.py",
        """\
        import asyncio


        async def main():
            await asyncio.get_running_loop().create_future()  # nobody resolves it


        asyncio.run(main())
        """,
    )
    result = run_pytest(repo, str(TESTS / "test_snippets.py"), "--snippet-timeout", "2")
    assert result.returncode == 1
    assert "snippets/demo/hangs.py on Python" in result.stdout
    assert "hung: killed after 2 s" in result.stdout and "Fix:" in result.stdout
    assert "1 failed, 1 passed" in result.stdout


def test_snippet_that_exits_non_zero_fails(repo):
    write(repo, "snippets/demo/crashes.py", "raise ValueError('boom')\n")
    write(repo, "snippets/demo/crashes.out", "")
    result = run_pytest(repo, str(TESTS / "test_snippets.py"))
    assert result.returncode == 1
    assert "snippets/demo/crashes.py on Python" in result.stdout
    assert "exited with status 1" in result.stdout and "ValueError: boom" in result.stdout
    assert "Fix: a snippet must exit with status 0" in result.stdout


def test_snippet_without_expected_output_fails(repo):
    write(repo, "snippets/demo/new.py", "print('hello')\n")
    result = run_pytest(repo, str(TESTS / "test_snippets.py"))
    assert result.returncode == 1
    assert "snippets/demo/new.py has no expected output (new.out is missing)" in result.stdout
    assert "make update" in result.stdout


def test_expected_output_without_snippet_fails(repo):
    write(repo, "snippets/demo/gone.out", "old\n")
    result = run_pytest(repo, str(TESTS / "test_pages.py"))
    assert result.returncode == 1
    assert "snippets/demo/gone.out (no gone.py beside it)" in result.stdout
    assert "delete them, or restore the snippet" in result.stdout


def test_snippet_on_no_page_fails(repo):
    write(repo, "snippets/demo/unseen.py", "print('hi')\n")
    result = run_pytest(repo, str(TESTS / "test_pages.py"))
    assert result.returncode == 1
    assert "Snippets that no page includes" in result.stdout
    assert "snippets/demo/unseen.py" in result.stdout


def test_output_not_shown_after_its_code_fails(repo):
    write(
        repo,
        "docs/demo.md",
        "---\ndescription: Demo.\n---\n\n# Demo\n\n"
        '```python\n--8<-- "snippets/demo/good.py"\n```\n',
    )
    result = run_pytest(repo, str(TESTS / "test_pages.py"))
    assert result.returncode == 1
    assert "docs/demo.md:7: snippets/demo/good.py is not followed by its output" in result.stdout


def test_changed_output_fails_with_a_diff_and_update_restores_it(repo):
    write(repo, "snippets/demo/good.out", "slepT\n")
    result = run_pytest(repo, str(TESTS / "test_snippets.py"))
    assert result.returncode == 1
    assert "snippets/demo/good.py on Python" in result.stdout
    assert "--- good.out (expected)" in result.stdout
    assert "-slepT" in result.stdout and "+slept" in result.stdout
    assert "make update" in result.stdout
    # Without the flag, nothing was written.
    assert (repo / "snippets/demo/good.out").read_text() == "slepT\n"

    updated = run_pytest(
        repo, str(TESTS / "test_snippets.py"), "--update-snippets", every_python=True
    )
    assert updated.returncode == 0, updated.stdout
    assert "wrote snippets/demo/good" in updated.stdout
    assert run_pytest(repo, str(TESTS / "test_snippets.py")).returncode == 0
    if all(find_interpreters().values()):  # else the missing versions keep "slepT"
        assert (repo / "snippets/demo/good.out").read_text() == "slept\n"
        assert not list((repo / "snippets/demo").glob("good.py3*.out"))


def test_page_shows_wrong_output_is_caught_by_markdown_docs(repo):
    """pytest-markdown-docs runs the page's fence as a reader would and checks what it shows."""
    write(repo, "snippets/demo/good.out", "something else\n")
    result = run_pytest(repo, str(repo / "docs" / "demo.md"))
    assert result.returncode == 1
    assert (
        "docs/demo.md:7: the output shown for snippets/demo/good.py is not what it prints"
        in result.stdout
    )


def test_versions_that_differ_get_their_own_output_and_tab(repo):
    if not all(find_interpreters().values()):
        pytest.skip("needs every supported Python installed (tools/install_pythons.sh)")
    write(
        repo,
        "snippets/demo/versions.py",
        """\
        import sys

        print("new" if sys.version_info >= (3, 11) else "old")
        """,
    )
    snippets = str(TESTS / "test_snippets.py")
    assert run_pytest(repo, snippets, "--update-snippets", every_python=True).returncode == 0
    demo = repo / "snippets" / "demo"
    assert (demo / "versions.out").read_text() == "old\n"
    assert (demo / "versions.py311.out").read_text() == "new\n"
    assert not list(demo.glob("versions.py31[023].out"))
    assert run_pytest(repo, snippets, every_python=True).returncode == 0

    page = page_for("good") + (
        '\n```python\n--8<-- "snippets/demo/versions.py"\n```\n\n'
        '=== "Python 3.9–3.10"\n\n    ```text title="Output"\n'
        '    --8<-- "snippets/demo/versions.out"\n    ```\n\n'
        '=== "Python 3.12+"\n\n    ```text title="Output"\n'
        '    --8<-- "snippets/demo/versions.py311.out"\n    ```\n'
    )
    write(repo, "docs/demo.md", page)
    result = run_pytest(repo, str(TESTS / "test_pages.py"))
    assert (
        "shown under the tab 'Python 3.12+', but it is the output of 'Python 3.11+'"
        in result.stdout
    )
    write(repo, "docs/demo.md", page.replace("3.12+", "3.11+"))
    assert run_pytest(repo, str(TESTS / "test_pages.py")).returncode == 0


# --- timelines (verify/timeline.py; Contributing, "Timelines") ----------------------

TWO_TASKS = """\
import asyncio


async def fetch_price(delay):
    await asyncio.sleep(delay)
    return 42


async def main():
    price = asyncio.create_task(fetch_price(0.5))
    await asyncio.sleep(0.25)
    print("price:", await price)


asyncio.run(main())
"""


@pytest.fixture
def timeline_repo(repo):
    """The scratch repo plus an example with two tasks, its output and its timeline."""
    write(repo, "snippets/demo/two_tasks.py", TWO_TASKS)
    write(repo, "snippets/demo/two_tasks.out", "price: 42\n")
    write(repo, "docs/demo.md", page_for("good", "two_tasks"))
    if not all(find_interpreters().values()):
        pytest.skip("needs every supported Python installed (tools/install_pythons.sh)")
    updated = run_pytest(
        repo, str(TESTS / "test_snippets.py"), "--update-snippets", every_python=True
    )
    assert "wrote snippets/demo/two_tasks.timeline.svg" in updated.stdout, updated.stdout
    return repo


def test_missing_timeline_fails_naming_the_fix(repo):
    write(repo, "snippets/demo/two_tasks.py", TWO_TASKS)
    write(repo, "snippets/demo/two_tasks.out", "price: 42\n")
    result = run_pytest(repo, str(TESTS / "test_snippets.py"))
    assert result.returncode == 1
    assert "snippets/demo/two_tasks.py on Python" in result.stdout
    assert "has no timeline (two_tasks.timeline.svg is missing)" in result.stdout
    assert "make update" in result.stdout and "# No timeline: <reason>" in result.stdout


def test_timeline_is_written_by_update_and_checked(timeline_repo):
    repo = timeline_repo
    svg = repo / "snippets/demo/two_tasks.timeline.svg"
    text = svg.read_text()
    assert 'role="img"' in text and "<title" in text and "<desc" in text
    assert "sleep(0.5)" in text and "returned 42" in text
    assert run_pytest(repo, str(TESTS / "test_snippets.py")).returncode == 0

    # Edited by hand: fails, naming the file and the fix.
    svg.write_text(text.replace("returned 42", "returned 43"))
    result = run_pytest(repo, str(TESTS / "test_snippets.py"))
    assert result.returncode == 1
    assert "snippets/demo/two_tasks.timeline.svg is not the timeline of this run" in result.stdout
    assert "make update" in result.stdout
    svg.write_text(text)

    # A changed sleep prints the same output but draws another picture: stale.
    write(repo, "snippets/demo/two_tasks.py", TWO_TASKS.replace("(0.5)", "(0.75)"))
    result = run_pytest(repo, str(TESTS / "test_snippets.py"))
    assert result.returncode == 1
    assert "is not the timeline of this run" in result.stdout
    assert "the example changed since it was drawn" in result.stdout

    # Without recording, the same outputs pass: recording is not what they depend on.
    assert run_pytest(repo, str(TESTS / "test_snippets.py"), "--no-timelines").returncode == 0


def test_timeline_left_over_fails(timeline_repo):
    repo = timeline_repo
    svg = repo / "snippets/demo/two_tasks.timeline.svg"
    (repo / "snippets/demo/good.timeline.svg").write_text(svg.read_text())
    result = run_pytest(repo, str(TESTS / "test_snippets.py"))
    assert result.returncode == 1
    assert "snippets/demo/good.py on Python" in result.stdout
    assert "needs no timeline" in result.stdout and "good.timeline.svg exists" in result.stdout


def test_page_must_show_the_timeline_and_the_script_adds_it(timeline_repo):
    repo = timeline_repo
    result = run_pytest(repo, str(TESTS / "test_pages.py"))
    assert result.returncode == 1
    assert (
        "snippets/demo/two_tasks.py is not followed by its timeline "
        "snippets/demo/two_tasks.timeline.svg" in result.stdout
    )
    env = {**os.environ, "SNIPPETS_ROOT": str(repo)}
    added = subprocess.run(
        [sys.executable, "-m", "tools.add_timelines"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "docs/demo.md: added 1 timeline(s)" in added.stdout, added.stderr
    page = (repo / "docs/demo.md").read_text()
    include = '--8<-- "snippets/demo/two_tasks.timeline.svg"'
    assert f"{timeline.FIGURE_OPEN}\n{include}" in page
    result = run_pytest(repo, str(TESTS / "test_pages.py"))
    assert result.returncode == 0, result.stdout
