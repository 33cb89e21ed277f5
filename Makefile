# Developer and CI entry points. On a fresh Debian 12 machine with python3:
#   make run    # install, migrate, load the demo catalogue, serve on 127.0.0.1:5000
#   make test   # install, run the whole test suite
# Settings come from OPENDATA_* environment variables (see opendata/config.py);
# they reach every command below unchanged, e.g.
#   OPENDATA_SITE_NAME="..." make run PORT=8000

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV ?= .venv
PORT ?= 5000
WORKERS ?= 2
PYTEST_ARGS ?=

BIN := $(VENV)/bin
PY := $(BIN)/python
# Touched after a successful `pip install`; reinstalls only when pyproject.toml is newer.
STAMP := $(VENV)/.installed

PO_FILES := $(wildcard translations/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: help install run test bench lint clean distclean

## help: list the targets (the default)
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

## install: create .venv if missing, install the package and test tools when pyproject.toml changed, compile translations
install: $(STAMP) $(MO_FILES)

$(PY):
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create $(VENV). On Debian/Ubuntu: apt-get install python3-venv" >&2; \
	  rm -rf $(VENV); exit 1; }

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -e ".[test]"
	@touch $@

# One .mo per catalogue, rebuilt when its .po changes; no catalogue, nothing to do.
translations/%.mo: translations/%.po $(STAMP)
	$(BIN)/pybabel compile -i $< -o $@

## run: install, migrate, load the demo catalogue if the database is empty, build the search index if missing, serve with gunicorn on 127.0.0.1:$(PORT)
run: install
	$(BIN)/flask --app wsgi db upgrade
	$(BIN)/flask --app wsgi opendata demo --if-empty
	$(BIN)/flask --app wsgi opendata reindex --if-missing
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	exec $(BIN)/gunicorn -w $(WORKERS) -b 127.0.0.1:$(PORT) wsgi:app

## test: install, run the whole test suite (extra pytest arguments: PYTEST_ARGS="-k licence -x")
test: install
	$(PY) -m pytest $(PYTEST_ARGS)

## bench: install, run the benchmarks (bench/run.py; BENCH_ARGS=--quick for a 2,000-dataset smoke run)
bench: install
	@if [ -f bench/run.py ]; then $(PY) bench/run.py $(BENCH_ARGS); else echo "no benchmarks yet"; fi

## lint: byte-compile every Python file (catches syntax errors)
lint: install
	$(PY) -m compileall -q opendata migrations tests wsgi.py $(wildcard bench/*.py)

## clean: remove caches, build output and compiled translations (keeps .venv and instance/)
clean:
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
	rm -rf .pytest_cache build dist *.egg-info test-artifacts
	rm -f $(MO_FILES)

## distclean: clean, and remove .venv too (instance/ with its data is never removed)
distclean: clean
	rm -rf $(VENV)
