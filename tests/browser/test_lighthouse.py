"""Lighthouse's accessibility, best-practices and SEO scores are 100, mobile
and desktop, on the home page and the heaviest guide page.

Performance is not asserted: on a shared 2-core machine it varies by +-10
points between runs, so it is a benchmark figure (`make bench`), compared
with a default Material build measured in the same run. Every page's three
scores are printed by `make bench` too; this test keeps the two pages that
matter most from regressing. Lighthouse comes from the npm registry
(.cache/lighthouse/, installed by `make bench`); without it the test skips
locally, and in CI it is installed here.
"""

from __future__ import annotations

import pytest

from verify.project import in_ci
from verify.site.lighthouse import (
    CATEGORIES,
    LIGHTHOUSE_DIR,
    ensure_lighthouse,
    heaviest_page,
    rank_comparison,
    run_jobs,
)


@pytest.fixture(scope="module")
def lighthouse_installed():
    if not (LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json").exists():
        if not in_ci():
            pytest.skip("Lighthouse not installed in .cache/lighthouse (run `make bench` once)")
        ensure_lighthouse()  # CI checks every time: a missing tool is not a pass


def test_lighthouse_categories_are_100(site, chromium_path, lighthouse_installed):
    pages = ["", heaviest_page(site.served)]
    jobs = [
        {
            "key": f"/{page} {preset}",
            "url": site.url(page),
            "preset": preset,
            "categories": CATEGORIES,
        }
        for page in pages
        for preset in ("mobile", "desktop")
    ]
    problems = [
        f"{row['key']}: {row['categories']} {row['lost']} {row['runtimeError'] or ''}"
        for row in run_jobs(jobs, chromium_path)
        if row["runtimeError"] or any(v != 100 for v in row["categories"].values())
    ]
    assert not problems, "Lighthouse scores below 100:\n" + "\n".join(problems)


def test_rank_comparison_of_runs():
    """The bench's rank figure, against scipy's: mannwhitneyu(x, y,
    method="asymptotic") gives p = 0.0122 for five runs entirely below five
    others, and 1.0 when the runs cannot be told apart."""
    low, high = [1, 2, 3, 4, 5], [6, 7, 8, 9, 10]
    assert rank_comparison(low, high) == (0.0, pytest.approx(0.0122, abs=5e-4))
    assert rank_comparison(high, low) == (1.0, pytest.approx(0.0122, abs=5e-4))
    assert rank_comparison([3, 1, 2], [2, 3, 1]) == (0.5, 1.0)
    assert rank_comparison([7, 7], [7, 7, 7]) == (0.5, 1.0)
    # Ties count half: ours 5 against 1, 5, 9 is one pair higher, one tied.
    assert rank_comparison([5], [1, 5, 9])[0] == pytest.approx(0.5)
    with pytest.raises(ValueError):
        rank_comparison([], [1])
