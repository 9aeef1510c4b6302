"""The pages' Python fences, run by pytest-markdown-docs as a reader runs them.

pytest-markdown-docs collects every ```python fence on every page and `exec`s
it. Ours hold an include line (`--8<-- "snippets/x.py"`), which is valid Python
that fails when exec'd, and running a snippet in pytest's own process would use
the real clock and print into pytest's output. So, through the plugin's two
public hooks, each fence's code becomes one call, `verify_fence(<the fence>, <line>)`,
and that call runs what the fence shows in its own process (the included file,
or the inline code) and compares it with the verified output.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from verify.expected import unified_diff, update_command
from verify.project import INCLUDE_RE, ROOT, version_key
from verify.snippets import Snippet

CALL = "verify_fence"
PYTHON = ("py", "python", "python3")


class PageFences:
    """Registered by plugin.pytest_configure with this run's config."""

    def __init__(self, config, run_checked):
        self.config = config
        self.run_checked = run_checked

    @pytest.hookimpl(tryfirst=True)
    def pytest_markdown_docs_markdown_it(self):
        from markdown_it import MarkdownIt

        parser = MarkdownIt("commonmark")
        parser.core.ruler.push("verify_fences", _rewrite_fences)
        return parser

    def pytest_markdown_docs_globals(self):
        return {CALL: self.verify_fence}

    def verify_fence(self, source: str, line: int) -> None:
        # The fence's code is compiled with the page as its file name.
        page = Path(sys._getframe(1).f_code.co_filename)
        if page.is_relative_to(ROOT):
            page = page.relative_to(ROOT)
        where = f"{page.as_posix()}:{line}"
        lines = [text for text in source.splitlines() if text.strip()]
        includes = [INCLUDE_RE.match(text) for text in lines]
        if lines and all(includes):
            snippets = [Snippet(ROOT / m.group("path")) for m in includes]
        else:
            inline = Path(tempfile.mkdtemp()) / "inline_fence.py"
            inline.write_text(source, encoding="utf-8")
            snippets = [Snippet(inline)]
        version = f"{sys.version_info[0]}.{sys.version_info[1]}"
        for snippet in snippets:
            self._check(snippet, version, where)

    def _check(self, snippet: Snippet, version: str, where: str) -> None:
        if not snippet.path.exists():
            pytest.fail(
                f"{where}: includes {snippet.rel}, which does not exist. "
                f"Fix the path (relative to the repo root).",
                pytrace=False,
            )
        if version_key(version) < version_key(snippet.min_version):
            pytest.skip(f"{snippet.rel} needs Python {snippet.min_version}+")
        # --real-clock and --snippet-timeout apply here too.
        output = self.run_checked(
            snippet, sys.executable, version, self.config, where=f"{where}: "
        ).output
        expected = snippet.expected_file(version)
        if snippet.path.is_relative_to(ROOT) and expected.exists():
            shown = expected.read_text(encoding="utf-8")
            if shown != output:
                pytest.fail(
                    f"{where}: the output shown for {snippet.rel} is not what it "
                    f"prints:\n{unified_diff(shown, output, expected.name)}"
                    f"Fix: {update_command(snippet)}, then review the diff.",
                    pytrace=False,
                )


def _rewrite_fences(state) -> None:
    """A markdown-it core rule: each Python fence's code becomes one verify_fence call.
    The fence's first line stays as a comment, so a failure shows which fence it was."""
    for token in state.tokens:
        words = token.info.split()
        if token.type == "fence" and token.map and words and words[0] in PYTHON:
            first = (token.content.strip().splitlines() or [""])[0]
            token.content = f"# {first}\n{CALL}({token.content!r}, {token.map[0] + 1})\n"
