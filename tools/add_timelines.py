"""Insert each example's timeline under its output on the pages (`make timelines`).

For every `python` fence that includes a snippet with stored timelines
(`<name>.timeline.svg`, `<name>.py3XX.timeline.svg`) not yet on the page, add
after the last fence showing its outputs:

    <figure class="timeline" data-search-exclude>
    --8<-- "snippets/<page>/<name>.timeline.svg"
    </figure>

or, when versions differ, one `===! "Python 3.X+"` tab per file (`===!` starts
a new tab set, so these tabs do not join the output's). Idempotent: a page
that already shows a timeline is left alone. Review the diff, then move the
figure where the prose points at it if need be.

Usage: python -m tools.add_timelines [docs/page.md ...]   (default: every page)
"""

from __future__ import annotations

import sys
from pathlib import Path

from verify.fences import indent_of, parse_fences, timeline_includes
from verify.project import ROOT
from verify.snippets import Snippet
from verify.timeline import FIGURE_OPEN


def figure(rel: str, indent: str = "") -> list[str]:
    return [
        f"{indent}{FIGURE_OPEN}",
        f'{indent}--8<-- "{rel}"',
        f"{indent}</figure>",
    ]


def block_for(snippet: Snippet) -> list[str]:
    labels = snippet.timeline_labels()
    rels = {p.relative_to(ROOT).as_posix(): label for p, label in labels.items()}
    first_version = snippet.timeline_files()[0][0]
    if len(rels) == 1 and first_version == snippet.min_version:
        return figure(next(iter(rels)))
    lines: list[str] = []
    for rel, label in rels.items():
        lines += [f'===! "{label}"' if not lines else f'=== "{label}"', ""]
        lines += figure(rel, "    ") + [""]
    return lines[:-1]


def add_to_page(page: Path) -> int:
    lines = page.read_text(encoding="utf-8").splitlines()
    fences = parse_fences(page)
    shown = {path for _, path, _ in timeline_includes(page)}
    inserts: list[tuple[int, list[str]]] = []
    for i, fence in enumerate(fences):
        if fence.lang != "python" or not fence.only_includes:
            continue
        snippet = Snippet(ROOT / fence.includes[0])
        if not snippet.path.is_file() or not snippet.timeline_files():
            continue
        if any(p.relative_to(ROOT).as_posix() in shown for _, p in snippet.timeline_files()):
            continue
        outs = {p.relative_to(ROOT).as_posix() for _, p in snippet.output_files()}
        last = None
        for later in fences[i + 1 :]:
            if later.lang == "python":
                break
            if outs & set(later.includes):
                last = later
        if last is None:
            continue  # its output is not shown: test_pages says so
        closing = last.line + len(last.body)  # 0-based index of the closing fence line
        # Indented like the example, so that an example inside an admonition or a
        # tab keeps its timeline there (at column 0 it would close the block).
        indent = " " * indent_of(lines[fence.line - 1])
        block = [indent + line if line else line for line in block_for(snippet)]
        inserts.append((closing + 1, ["", *block]))
    for at, block in reversed(inserts):
        lines[at:at] = block
    if inserts:
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(inserts)


def main(argv: list[str]) -> None:
    pages = [Path(a).resolve() for a in argv] or sorted((ROOT / "docs").rglob("*.md"))
    for page in pages:
        count = add_to_page(page)
        if count:
            print(f"{page.relative_to(ROOT).as_posix()}: added {count} timeline(s)")


if __name__ == "__main__":
    main(sys.argv[1:])
