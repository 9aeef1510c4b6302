"""MkDocs hook (mkdocs.yml `hooks:`): quick rebuilds under `mkdocs serve
--dirty` (`make serve`) that stay correct.

With `--dirty`, MkDocs rebuilds only the pages whose Markdown file is newer than
the HTML it last wrote. Our pages take their code and outputs from snippets/
(`--8<-- "snippets/..."` lines), so on its own `--dirty` would keep showing an
edited example's old code. Before each build this hook marks pages stale, by
dating their last HTML back to 1970 in the temporary directory `mkdocs serve`
builds into:

* a page whose included files changed since its HTML was written;
* every page, when mkdocs.yml, a template in overrides/ or any page changed
  (titles and headings appear in every page's navigation), so `--dirty` never
  leaves a page with stale navigation;
* every page, when more than one page or the home page would be rebuilt, so
  that Material's search index stays whole (see on_files).

It does nothing unless MkDocs was started with `--dirty`: `mkdocs build` and a
plain `mkdocs serve` build every page anyway. Zensical does not run MkDocs
hooks, and does not need this one. It lives in hooks/, not in overrides/:
Zensical publishes every file of that folder.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import jinja2

from verify.project import INCLUDE_RE  # the include lines pymdownx.snippets expands

_dirty = False


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept between rebuilds. `mkdocs serve` makes a new
    Jinja environment for every rebuild, which compiled Material's templates
    again each time (a quarter of a one-page rebuild). Jinja checks each
    entry against the template's source, so an edited template compiles anew."""

    def __init__(self):
        self.store = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


_templates = _MemoryBytecodeCache()


def on_startup(command, dirty):
    global _dirty
    _dirty = dirty
    if dirty:
        # MkDocs warns on every `--dirty` build that navigation may be wrong,
        # which this hook rules out; the warning would also abort the build,
        # as mkdocs.yml sets `strict: true`.
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not record.getMessage().startswith("A 'dirty' build is being performed")
        )


def _mtime(path) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:  # a missing include: the build itself reports it
        return 0.0


def on_files(files, config):
    if not _dirty:
        return files
    pages = [f for f in files.documentation_pages() if os.path.isfile(f.abs_dest_path)]
    if not pages:  # the first build writes everything
        return files
    shared = [config.config_file_path, *(f.abs_src_path for f in files.documentation_pages())]
    if config.theme.custom_dir:
        shared += [p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file()]
    newest_shared = max(map(_mtime, shared))
    stale = []
    for page in pages:
        markdown = Path(page.abs_src_path).read_text(encoding="utf-8")
        # Include paths are relative to the working directory (base_path ".").
        included = [m.group("path") for m in INCLUDE_RE.finditer(markdown)]
        newest = max([newest_shared, *map(_mtime, included)])
        if newest > _mtime(page.abs_dest_path):
            stale.append(page)
    # Material's search plugin, on a dirty build, swaps the entries of the
    # first page it indexed for the new ones (all of them when that page is
    # the home page, at URL ""). That is right for one page, or for all pages:
    # any other set is rebuilt in full.
    if len(stale) > 1 or any(page.url in ("", "./") for page in stale):
        stale = pages
    for page in stale:
        os.utime(page.abs_dest_path, (0, 0))
    return files


def on_env(env, config, files):
    if _dirty:
        env.bytecode_cache = _templates
    return env
