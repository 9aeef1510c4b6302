"""Check or rewrite docs/assets/runnable.json: which examples the site runs in
the browser (`make update-browser` is the --write run). The decisions are
verify/pyodide_runs.py's; this is the command.

Usage: python -m tools.browser_list [--write] [--cost] [snippets/<page>/<name>.py ...]

  (no option)  run every example in Pyodide; exit 1, naming each example, if the list is stale
  --write      rewrite the list from the runs (review git diff)
  --cost       run them all again without the timeline recorder; print both median run times
  paths        run only these, and report (the list is neither checked nor written)
"""

from __future__ import annotations

import json
import sys

from verify import pyodide_runs as pr
from verify.project import ROOT
from verify.snippets import Snippet


def main(argv: list[str]) -> int:
    write, cost = "--write" in argv, "--cost" in argv
    paths = [a for a in argv if not a.startswith("--")]
    problem = pr.missing()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    listing, details, results = pr.current_list(
        [Snippet((ROOT / p).resolve()) for p in paths] or None
    )
    for rel, detail in details.items():
        print(f"{rel}: {pr.says(listing['examples'][rel])} ({detail})")
    print(pr.summary(listing, results))
    if cost:
        runnable = [Snippet(ROOT / rel) for rel, e in listing["examples"].items() if e["runs"]]
        plain = pr.run_in_pyodide(runnable, record=False)
        with_it = [results.runs[s.rel].seconds for s in runnable]
        print(
            f"median run of the {len(runnable)} runnable examples: "
            f"{pr.median(with_it):.3f} s recording the timeline, "
            f"{pr.median([r.seconds for r in plain.runs.values()]):.3f} s without"
        )
    if paths:
        return 0
    if write:
        pr.LIST.write_text(pr.serialise(listing), encoding="utf-8")
        print(f"wrote {pr.LIST.relative_to(ROOT)}")
        return 0
    stored = json.loads(pr.LIST.read_text(encoding="utf-8")) if pr.LIST.exists() else {}
    stale = pr.stale_entries(stored, listing, details)
    if stale:
        print(pr.stale_report(stale))
        return 1
    print(f"{pr.LIST.relative_to(ROOT)} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
