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
from harness import ROOT, find_interpreters

TESTS = Path(__file__).resolve().parent
CURRENT = f"{sys.version_info[0]}.{sys.version_info[1]}"

GOOD = """\
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
            str(ROOT / "pyproject.toml"),
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
        pytest.skip("needs every supported Python installed (tests/install_pythons.sh)")
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
