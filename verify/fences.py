"""The pages as text: fences, includes, content-tab labels and timeline figures.

What they render to is checked by tests/test_site.py and the browser tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from verify.project import INCLUDE_RE, ROOT

FENCE_RE = re.compile(r"^(?P<indent>\s*)(?P<ticks>`{3,}|~{3,})\s*(?P<info>.*)$")
# `===!` starts a new tab set (a timeline's tabs right after an output's).
TAB_RE = re.compile(r'^(?P<indent>\s*)===[+!]*\s+"(?P<label>[^"]*)"')
TITLE_RE = re.compile(r'title="(?P<title>[^"]*)"')


@dataclass
class Fence:
    page: Path
    line: int  # 1-based line of the opening fence
    lang: str
    title: str
    tab: str | None
    info: str = ""
    body: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT).as_posix()}:{self.line}"

    @property
    def includes(self) -> list[str]:
        return [m.group("path") for m in map(INCLUDE_RE.match, self.body) if m]

    @property
    def only_includes(self) -> bool:
        lines = [line for line in self.body if line.strip()]
        return bool(lines) and all(INCLUDE_RE.match(line) for line in lines)


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip())


def parse_fences(page: Path) -> list[Fence]:
    fences: list[Fence] = []
    current: Fence | None = None
    closing = ""
    tab: tuple[int, str] | None = None
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if current is not None:
            if line.strip() == closing:
                fences.append(current)
                current = None
            else:
                current.body.append(line)
            continue
        indent = indent_of(line)
        if tab and line.strip() and indent <= tab[0] and not TAB_RE.match(line):
            tab = None  # text outside the tab set ends it
        if match := TAB_RE.match(line):
            tab = (len(match.group("indent")), match.group("label"))
        elif match := FENCE_RE.match(line):
            info = match.group("info")
            title = TITLE_RE.search(info)
            current = Fence(
                page,
                number,
                (info.split() or [""])[0].lstrip("{.").rstrip("}"),
                title.group("title") if title else "",
                tab[1] if tab and indent > tab[0] else None,
                info,
            )
            closing = match.group("ticks")
    return fences


def pages() -> list[Path]:
    return sorted((ROOT / "docs").rglob("*.md"))


def all_fences() -> list[Fence]:
    return [fence for page in pages() for fence in parse_fences(page)]


def included_paths() -> dict[str, list[str]]:
    """Included file (repo-relative) -> where it is included."""
    found: dict[str, list[str]] = {}
    for fence in all_fences():
        for path in fence.includes:
            found.setdefault(path, []).append(fence.where)
    return found


def timeline_includes(page: Path) -> list[tuple[int, str, str | None]]:
    """(line, included SVG, tab label or None) for each timeline include on a page."""
    found = []
    tab: tuple[int, str] | None = None
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        indent = indent_of(line)
        if tab and line.strip() and indent <= tab[0] and not TAB_RE.match(line):
            tab = None
        if match := TAB_RE.match(line):
            tab = (len(match.group("indent")), match.group("label"))
        elif (match := INCLUDE_RE.match(line)) and match.group("path").endswith(".timeline.svg"):
            label = tab[1] if tab and indent > tab[0] else None
            found.append((number, match.group("path"), label))
    return found
