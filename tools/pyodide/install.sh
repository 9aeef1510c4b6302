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
# (read at start-up; no package is installed), and virtual_clock.py plus
# virtual_selector.py: the project's virtual clock (verify/child/sitecustomize.py
# and verify/child/virtual_selector.py, unchanged).
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
cp verify/child/sitecustomize.py "$out.new/virtual_clock.py"
cp verify/child/virtual_selector.py "$out.new/virtual_selector.py"
rm -rf "$out"
mv "$out.new" "$out"
echo "Pyodide $(node -p 'require("./node_modules/pyodide/package.json").version') copied to $out/ ($(du -sh "$out" | cut -f1))"
