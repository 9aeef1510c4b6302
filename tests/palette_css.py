"""Write docs/stylesheets/palette.css: Material's palette stylesheet without
its one rule that costs every page a full restyle as it loads.

Material's palette.css has

    [data-md-color-switching] *, ... {transition-duration:0s!important}

and its bundle sets `data-md-color-switching` on <body> as each page starts
(also when nobody switches), reads a computed style, then removes it. That
rule makes each change of the attribute restyle every element of the page:
on the heaviest page it was half the style work of a load (Contributing,
Benchmark). Without it, switching light/dark may animate a colour for a moment.

overrides/main.html links this copy instead of Material's (by file name, so a
Material release with another palette file name links its own again), and
tests/test_site.py checks that this copy is Material's, minus that rule.

Usage: python tests/palette_css.py      (after upgrading mkdocs-material)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parent.parent
OURS = ROOT / "docs" / "stylesheets" / "palette.css"
RULE = re.compile(r"\[data-md-color-switching\] \*,[^{}]*\{[^{}]*\}")
MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


def materials() -> Path:
    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    (found,) = folder.glob("palette.*.min.css")
    return found


def derived() -> str:
    text = materials().read_text(encoding="utf-8")
    stripped, count = RULE.subn("", text)
    if count != 1:
        raise SystemExit(f"{materials()}: expected one data-md-color-switching rule, found {count}")
    header = (
        f"/* {materials().name} of mkdocs-material without its data-md-color-switching"
        " rule: written by tests/palette_css.py */\n"
    )
    return header + MAP.sub("", stripped).rstrip() + "\n"


if __name__ == "__main__":
    OURS.write_text(derived(), encoding="utf-8")
    print(f"wrote {OURS.relative_to(ROOT)} from {materials().name}")
    sys.exit(0)
