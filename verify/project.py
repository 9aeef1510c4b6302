"""Facts about this project, each written once."""

from __future__ import annotations

import os
import re
from pathlib import Path

# SNIPPETS_ROOT lets the engine's own tests point it at a scratch repository.
REPO = Path(__file__).resolve().parent.parent  # this checkout (its .cache/, tools, mkdocs.yml)
ROOT = Path(os.environ.get("SNIPPETS_ROOT", REPO))  # the docs/ and snippets/ being verified
VERSIONS = ("3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15")

# A pymdownx.snippets include line: `--8<-- "snippets/model/x.py"` (optionally `:lines`).
INCLUDE_RE = re.compile(
    r"""^(?P<indent>[ \t]*)-{1,}8<-{1,}[ \t]+["'](?P<path>[^"':]+)(?::[^"']*)?["'][ \t]*$""",
    re.MULTILINE,
)

# The phone the site is checked at (browser tests, Lighthouse's style work).
PHONE = {"width": 375, "height": 740}

CHROMIUM_INSTALL_HINT = "sudo apt-get install -y chromium"


def in_ci() -> bool:
    """In CI a missing interpreter or browser fails the run instead of skipping."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def version_label(first: str, last: str | None) -> str:
    """'Python 3.9–3.10', 'Python 3.12' or, open-ended, 'Python 3.11+'."""
    if last is None:
        return f"Python {first}+"
    if first == last:
        return f"Python {first}"
    return f"Python {first}\N{EN DASH}{last}"
