# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := sqlite:///demo.db

.PHONY: setup demo test test-deps bench score-dev train-ner clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

demo: setup
	$(BIN)/kabar ingest examples/corpus --db $(DEMO_DB)
	$(BIN)/kabar stories --db $(DEMO_DB)
	$(BIN)/kabar show $$($(BIN)/kabar stories --db $(DEMO_DB) --sort size --limit 1 --ids) --db $(DEMO_DB)
	@echo
	@echo "Browse it: $(BIN)/kabar serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"

test: setup test-deps
	$(BIN)/pytest

# Chromium and PostgreSQL for the tests that use them for real (skipped where they cannot be had).
test-deps:
	bash scripts/install-test-deps.sh

# The dev-set figures, measured the way the held-out test splits are (needs ../shared).
score-dev: setup
	../shared/bin/score-dev

train-ner: setup
	$(BIN)/kabar train-ner --data ../shared/data

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm build *.egg-info src/*.egg-info
