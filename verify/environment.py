"""The environment a snippet runs in: a reader's, plus the virtual clock when asked."""

from __future__ import annotations

import os
import re

from verify.project import REPO, ROOT

CHILD_DIR = REPO / "verify" / "child"  # sitecustomize (the virtual clock), recorder, fork server


def normalise(text: str) -> str:
    """Replace only what must differ between runs and machines (documented in contributing.md)."""
    text = text.replace(str(ROOT) + os.sep, "")
    return re.sub(r"\b0x[0-9a-fA-F]{4,}\b", "0x...", text)


def reader_env(virtual_clock: bool = False) -> dict[str, str]:
    """This environment without PYTHON* variables (a reader's), with the clock if asked."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    if virtual_clock:
        env["PYTHONPATH"] = str(CHILD_DIR)
    return env


def run_env(virtual_clock: bool, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = reader_env(virtual_clock=virtual_clock)
    env.pop("TIMELINE_TRACE", None)
    env.pop("VIRTUAL_CLOCK_REPORT", None)
    env["PYTHONUNBUFFERED"] = "1"  # keep stdout and stderr in the order they were written
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra or {})
    return env
