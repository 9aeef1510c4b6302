"""Write docs/stylesheets/palette.css: Material's palette stylesheet without
its one rule that costs every page a full restyle as it loads.

Material's palette.css has

    [data-md-color-switching] *, ... {transition-duration:0s!important}

and its bundle sets `data-md-color-switching` on <body> as each page starts
(also when nobody switches), reads a computed style, then removes it. That
rule makes each change of the attribute restyle every element of the page:
on the heaviest page it was half the style work of a load (tools/README.md). Without it, switching light/dark may animate a colour for a moment.

It also drops the rules for colours the site does not use: Material's file
defines all 21 primary and 17 accent colours (11.9 KB); mkdocs.yml's palette
uses one, and the copy is 3 KB. A rule stays if any of its selectors names no
colour or only colours mkdocs.yml names; selectors naming other colours are
dropped from the lists that stay. tinycss2 (PyPI) parses and writes the CSS.

overrides/main.html links this copy instead of Material's (by file name, so a
Material release with another palette file name links its own again), and
tests/test_site.py checks that this copy is what this script derives now.

Written by `python -m tools.palette_css` (after upgrading mkdocs-material).
"""

from __future__ import annotations

import re
from pathlib import Path

import material

from verify.project import REPO as ROOT
OURS = ROOT / "docs" / "stylesheets" / "palette.css"
RULE = re.compile(r"\[data-md-color-switching\] \*,[^{}]*\{[^{}]*\}")
MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


def materials() -> Path:
    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    (found,) = folder.glob("palette.*.min.css")
    return found


COLOUR = re.compile(r"data-md-color-(?:primary|accent)=([a-z-]+)")


def used_colours() -> set[str]:
    """The primary and accent colours of mkdocs.yml's palette (Material's default: indigo)."""
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own reader: !ENV, !relative

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    palette = config.get("theme", {}).get("palette") or [{}]
    colours = {"indigo"}
    for scheme in palette if isinstance(palette, list) else [palette]:
        for key in ("primary", "accent"):
            if scheme.get(key):
                colours.add(str(scheme[key]).lower().replace(" ", "-"))
    return colours


def _selectors(prelude) -> list[list]:
    """A selector list's selectors, split at its top-level commas."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _keep_used(rules, colours: set[str]) -> str:
    import tinycss2

    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [
                selector
                for selector in _selectors(rule.prelude)
                if set(COLOUR.findall(tinycss2.serialize(selector))) <= colours
            ]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                kept.append(f"{prelude}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            body = _keep_used(inner, colours)
            if body:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return "".join(kept)


def derived() -> str:
    import tinycss2

    text = materials().read_text(encoding="utf-8")
    stripped, count = RULE.subn("", text)
    if count != 1:
        raise SystemExit(f"{materials()}: expected one data-md-color-switching rule, found {count}")
    colours = used_colours()
    rules = tinycss2.parse_stylesheet(
        MAP.sub("", stripped), skip_comments=True, skip_whitespace=True
    )
    header = (
        f"/* {materials().name} of mkdocs-material without its data-md-color-switching"
        f" rule, for the colours {', '.join(sorted(colours))} only: written by"
        " tools/palette_css.py */\n"
    )
    return header + _keep_used(rules, colours) + "\n"
