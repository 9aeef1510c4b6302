# Plain shortcuts for the commands in README.md. `make help` lists them.
# PAGE=<page> narrows test/update to one page, e.g. `make update PAGE=model`.
VENV ?= .venv
BIN := $(VENV)/bin
PAGE ?=
export NO_MKDOCS_2_WARNING := 1
# With PAGE, the page-wide checks run too (test_pages, test_api: a few seconds):
# orphans, missing timelines and a stale API index are not tied to one page.
K := $(if $(PAGE),-k "$(PAGE)/ or docs/$(PAGE).md or $(PAGE).md or test_pages.py or test_api.py",)

.PHONY: help install pythons serve build test test-real-clock update lint format bench bench-against bench-site bench-try-it bench-timelines clean api-index stress stress-browser stress-real-clock timelines verify-recording pyodide update-browser

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.txt
	touch $@

install: $(BIN)/.installed ## create .venv and install requirements.txt

pythons: install ## install Python 3.13-3.15 from Debian's archive into .cache/pythons (fast when present)
	bash tools/install_pythons.sh

serve: install ## serve the site on http://127.0.0.1:8000, reloading on changes
	$(BIN)/mkdocs serve --dirty

build: install ## build the site into site/ (strict)
	$(BIN)/mkdocs build --strict

test: install pythons ## run every test (PAGE=model for one page's snippets)
	$(BIN)/pytest $(K)

test-real-clock: install pythons ## run the snippets on the real clock (slow: they really sleep)
	$(BIN)/pytest tests/test_snippets.py --real-clock -n 8 $(K)

update: install pythons ## rewrite expected outputs from real runs (PAGE=model for one page); review git diff
	$(BIN)/pytest tests/test_snippets.py --update-snippets $(K)
	@git status --short snippets/ || true

lint: install ## ruff check and format check
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: install ## ruff fix and format
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

bench: install pythons ## print speed figures (snippets, build, page weight, Lighthouse vs default Material, serve reload, Try it)
	$(BIN)/python -m tools.bench

bench-against: install ## Lighthouse mobile of this checkout against REV=<commit>, alternating runs
	$(BIN)/python -m tools.compare_revisions $(REV)

bench-timelines: install pythons ## only the cost of recording timelines, and the pictures' sizes
	$(BIN)/python -m tools.bench --timelines

bench-site: install ## only the site figures of `make bench` (build, page weight, Lighthouse, serve reload, Try it)
	$(BIN)/python -m tools.bench --site

bench-try-it: install ## Try it here: first Run (cold/warm cache), later runs, first-load bytes with and without try-it.js (REV=<commit>: against that revision)
	$(BIN)/python -m tools.bench_try_it $(if $(REV),--against $(REV),)

clean: ## remove build output
	rm -rf site .pytest_cache

api-index: install ## regenerate the API index page (docs/api.md) from the snippets
	$(BIN)/python -m tools.api_index --write

stress: install pythons ## run the snippet suite 20 times with every core kept busy (flakiness check)
	$(BIN)/python -m tools.stress 20

stress-browser: install ## run the browser tests 3 times with every core kept busy (flakiness check)
	$(BIN)/python -m tools.stress 3 tests/browser

stress-real-clock: install pythons ## run the real-clock step of CI 10 times with every core kept busy
	$(BIN)/python -m tools.stress 10 tests/test_snippets.py --real-clock -n 8

timelines: install ## insert missing timeline includes under each example's output (review git diff)
	$(BIN)/python -m tools.add_timelines

verify-recording: install pythons ## run the snippets without recording timelines: outputs must not change
	$(BIN)/pytest tests/test_snippets.py --no-timelines $(K)

pyodide: ## install the pinned Pyodide (package.json) and copy the runtime into docs/assets/pyodide/ for the Run buttons
	bash tools/pyodide/install.sh

update-browser: install pyodide ## run every example in Pyodide and rewrite docs/assets/runnable.json (which ones the site runs, and whose picture differs); review git diff
	$(BIN)/python -m tools.browser_list --write
