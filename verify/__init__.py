"""The verification engine: every example on the site is run, and what it prints is checked.

Loaded by pytest as a plugin (the `pytest11` entry point in pyproject.toml), so
its options apply to every run. One job per module:

- project:      facts written once (repo root, Pythons, the include line, CI, phone size)
- snippets:     discovery and naming conventions (`x.py`, `x.out`, `x.py311.out`, timelines)
- interpreters: finding each Python 3.X and the clean venv snippets run in
- running:      running a snippet as a reader would (fresh, or forked from a warm one)
- warm:         the client of the warm interpreter (child/forkserver.py)
- expected:     stored outputs and timelines: grouping, writing, failure messages
- fences:       the Markdown pages as text: fences, includes, tab labels, timelines
- pages:        pytest-markdown-docs integration: a page's fences run as a reader runs them
- timeline:     drawing a run's record as an SVG (timeline_trace: the run as lanes;
                timeline_layout: text widths and free places; timeline_marks: end marks, legend)
- apiindex:     the API index page (docs/api.md), generated from the snippets
- pyodide_runs: "Try it here": the examples run in Pyodide, judged by these rules
                (docs/assets/runnable.json)
- plugin:       pytest wiring: options, collection, reports
- site/:        the built site for browser tests and measuring tools (build, serve, Chromium)
- realclock:    real-clock runs that hold up on a loaded machine (retry alone, reported)
- child/:       what runs inside a snippet's process (virtual clock + its loop selector,
                timeline recorder + its names and notes, fork server);
                never imported by pytest, put on the child's PYTHONPATH
"""
