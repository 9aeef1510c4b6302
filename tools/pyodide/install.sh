#!/usr/bin/env bash
# `make pyodide`: install the pinned Pyodide (package.json + package-lock.json,
# exact version) into node_modules/ with `npm ci`, then copy the files a page
# needs to run an example into docs/assets/pyodide/ (git-ignored), which the
# site build ships as it is. Without that folder the site still builds; its
# Run buttons then say to run `make pyodide`.
#
# What a page loads from there, on its first Run only: pyodide.mjs (the
# loader), pyodide.asm.mjs + pyodide.asm.wasm (CPython compiled to
# WebAssembly), python_stdlib.zip (the standard library), pyodide-lock.json
# (read at start-up; no package is installed), and try_it_modules.zip: the
# project's own modules, unchanged and at their repository paths, that a run
# uses: the virtual clock and the timeline recorder (verify/child/), the code
# that draws the timeline (verify/timeline*.py), and the rule for which
# examples have none (verify/snippets.py, with verify/project.py). The worker
# (docs/assets/javascripts/try-it-worker.mjs) unpacks it; verify/pyodide_runs.py
# checks that the copy matches the checkout.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f node_modules/pyodide/package.json ] ||
  [ "$(node -p 'require("./node_modules/pyodide/package.json").version')" != \
    "$(node -p 'require("./package-lock.json").packages["node_modules/pyodide"].version')" ]; then
  npm ci --no-audit --no-fund
fi
out=docs/assets/pyodide
rm -rf "$out.new"
mkdir -p "$out.new"
for file in pyodide.mjs pyodide.asm.mjs pyodide.asm.wasm python_stdlib.zip pyodide-lock.json; do
  cp node_modules/pyodide/$file "$out.new/"
done
python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for path in sys.argv[2:]:
        z.write(path)  # at its repository path: verify/child/sitecustomize.py
' "$out.new/try_it_modules.zip" verify/__init__.py verify/timeline*.py \
  verify/snippets.py verify/project.py \
  verify/child/sitecustomize.py verify/child/virtual_selector.py \
  verify/child/timeline_recorder.py verify/child/timeline_names.py verify/child/timeline_notes.py
rm -rf "$out"
mv "$out.new" "$out"
echo "Pyodide $(node -p 'require("./node_modules/pyodide/package.json").version') copied to $out/ ($(du -sh "$out" | cut -f1))"
