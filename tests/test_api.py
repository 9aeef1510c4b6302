"""API coverage: every Task/Future name is demonstrated by an executed snippet."""

import pytest
from api_index import NAMES, demonstrations, render
from harness import ROOT, discover_snippets, version_key


@pytest.mark.parametrize("name,since", NAMES, ids=[name for name, _ in NAMES])
def test_api_name_is_demonstrated_by_a_snippet(name, since):
    shown = demonstrations(name, discover_snippets())
    if not shown:
        pytest.fail(
            f"No snippet demonstrates asyncio {name}. Fix: add an example that calls it "
            f"to the page that explains it, then `make api-index`.",
            pytrace=False,
        )
    if since:
        # The demonstration must run where the name exists, and only there.
        wrong = [s.rel for s in shown if version_key(s.min_version) < version_key(since)]
        if len(wrong) == len(shown):
            pytest.fail(
                f"{name} appeared in Python {since}, but its snippets ({', '.join(wrong)}) "
                f"do not start with `# Requires Python {since}+`.",
                pytrace=False,
            )


def test_api_index_page_is_current():
    page = ROOT / "docs" / "api.md"
    if page.read_text(encoding="utf-8") != render():
        pytest.fail(
            "docs/api.md is out of date with the snippets. Fix: `make api-index` "
            "(python tests/api_index.py --write), then review the diff.",
            pytrace=False,
        )
