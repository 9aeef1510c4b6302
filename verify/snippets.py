"""What an example is, and the files beside it (docs/contributing.md, "Adding an example").

- `snippets/<page>/<name>.py` is an example; a first line `# Requires Python 3.11+`
  declares the oldest Python it needs.
- `<name>.out` is its verified output on the oldest Python it runs on;
  `<name>.py311.out` is the output from Python 3.11 on, where it differs.
- `<name>.timeline.svg` (and `<name>.py312.timeline.svg`) is its picture, the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from verify.project import ROOT, VERSIONS, version_key, version_label

REQUIRES_RE = re.compile(r"#\s*Requires Python (3\.\d+)\+")
GC_RE = re.compile(r"^\s*(import gc\b|from gc import)", re.MULTILINE)
REAL_CLOCK_RE = re.compile(r"^#\s*Real clock\b", re.MULTILINE)
VARIANT_RE = re.compile(r"\.py3(\d+)\.out$")
NO_TIMELINE_RE = re.compile(r"^#\s*No timeline:\s*(\S.*)$", re.MULTILINE)
TIMELINE_VARIANT_RE = re.compile(r"\.py3(\d+)\.timeline\.svg$")


@dataclass(frozen=True)
class Snippet:
    path: Path

    @property
    def rel(self) -> str:
        try:
            return self.path.relative_to(ROOT).as_posix()
        except ValueError:  # an inline fence, written to a temporary file
            return str(self.path)

    @property
    def page(self) -> str | None:
        """'model' for snippets/model/x.py."""
        parts = self.rel.split("/")
        return parts[1] if len(parts) >= 3 and parts[0] == "snippets" else None

    @property
    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def min_version(self) -> str:
        first_line = self.source.split("\n", 1)[0]
        match = REQUIRES_RE.match(first_line)
        return match.group(1) if match else VERSIONS[0]

    @property
    def real_clock(self) -> bool:
        return bool(REAL_CLOCK_RE.search(self.source))

    @property
    def uses_gc(self) -> bool:
        """It drives the garbage collector: what it prints may depend on the collector's
        state at start-up, so it always runs in a fresh interpreter (see child/forkserver.py)."""
        return bool(GC_RE.search(self.source))

    @property
    def no_timeline(self) -> str | None:
        """Why it has no timeline: its own `# No timeline: <reason>` line, or the real clock."""
        head = "\n".join(self.source.splitlines()[:5])
        match = NO_TIMELINE_RE.search(head)
        if match:
            return match.group(1)
        if self.real_clock:
            return "runs on the real clock"
        return None

    @property
    def versions(self) -> list[str]:
        """The supported versions this snippet runs on."""
        return [v for v in VERSIONS if version_key(v) >= version_key(self.min_version)]

    def output_files(self) -> list[tuple[str, Path]]:
        """(first version, file) for each stored output, oldest first."""
        files = [(self.min_version, self.path.with_suffix(".out"))]
        for path in self.path.parent.glob(self.path.stem + ".py3*.out"):
            match = VARIANT_RE.search(path.name)
            if match:
                files.append((f"3.{match.group(1)}", path))
        return sorted(files, key=lambda item: version_key(item[0]))

    def timeline_files(self) -> list[tuple[str, Path]]:
        """(first version, file) for each stored timeline, oldest first (like output_files)."""
        files = []
        for path in self.path.parent.glob(self.path.stem + ".*timeline.svg"):
            if path.name == self.path.stem + ".timeline.svg":
                files.append((self.min_version, path))
            elif match := TIMELINE_VARIANT_RE.search(path.name):
                if path.name == f"{self.path.stem}.py3{match.group(1)}.timeline.svg":
                    files.append((f"3.{match.group(1)}", path))
        return sorted(files, key=lambda item: version_key(item[0]))

    def expected_file(self, version: str) -> Path:
        """The stored output that applies to `version` (the newest file not newer)."""
        return _applicable(self.output_files(), version)

    def expected_timeline(self, version: str) -> Path | None:
        return _applicable(self.timeline_files(), version, None)

    def output_labels(self) -> dict[Path, str]:
        """Which versions each stored output is for, as a page shows it."""
        return _labels(self.output_files())

    def timeline_labels(self) -> dict[Path, str]:
        """Which versions each stored timeline is for, as a page's tabs label it."""
        return _labels(self.timeline_files())


_NONE = object()


def _applicable(files: list[tuple[str, Path]], version: str, default=_NONE):
    applicable = [p for v, p in files if version_key(v) <= version_key(version)]
    if applicable:
        return applicable[-1]
    if default is _NONE:
        raise LookupError(f"no stored file applies to Python {version}")
    return default


def _labels(files: list[tuple[str, Path]]) -> dict[Path, str]:
    labels = {}
    for i, (first, path) in enumerate(files):
        last = None
        if i + 1 < len(files):
            nxt = files[i + 1][0]
            last = VERSIONS[VERSIONS.index(nxt) - 1] if nxt in VERSIONS else None
        labels[path] = version_label(first, last)
    return labels


def discover_snippets() -> list[Snippet]:
    return [Snippet(p) for p in sorted((ROOT / "snippets").rglob("*.py"))]


def snippet_for_output(out: Path) -> Path:
    """The example a stored output or timeline belongs to: x.py311.out -> x.py."""
    name = re.sub(r"(\.py3\d+)?\.(out|timeline\.svg)$", "", out.name)
    return out.with_name(name + ".py")
