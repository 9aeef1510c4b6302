"""Regenerate the API index page: `python -m tools.api_index --write` (`make api-index`).

Without --write it prints the page. The page's content comes from verify/apiindex.py,
which tests/test_api.py also uses to check that docs/api.md is current.
"""

import sys

from verify.apiindex import render, write

if __name__ == "__main__":
    if "--write" in sys.argv:
        print(f"wrote {write()}")
    else:
        print(render())
