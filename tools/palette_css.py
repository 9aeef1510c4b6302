"""Write docs/stylesheets/palette.css: `python -m tools.palette_css` (after upgrading
mkdocs-material). Why the copy exists and how it is derived: verify/site/palette.py."""

from verify.site.palette import OURS, ROOT, derived, materials

if __name__ == "__main__":
    OURS.write_text(derived(), encoding="utf-8")
    print(f"wrote {OURS.relative_to(ROOT)} from {materials().name}")
