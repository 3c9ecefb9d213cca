# Gongkai: `make demo` runs the main job, `make test` runs every test. Both create .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# PostgreSQL for the web tests' second pass (pytest-django creates test_gongkai from it).
PG_URL ?= postgres://postgres@127.0.0.1:5432/gongkai
PG_PROBE ?= postgresql://postgres@127.0.0.1:5432/postgres

.PHONY: demo demo-schema report-demo test lint check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The main job: the web system on its embedded SQLite database, recreated with demo data
# (示例市 and its agencies, every role, applications in every state). Prints the address and accounts.
# `make demo PORT=8001 HOST=0.0.0.0` chooses another address.
PORT ?= 8000
HOST ?= 127.0.0.1
demo: $(STAMP)
	$(BIN)/gongkai serve --demo --host $(HOST) --port $(PORT)

# After a new migration: regenerate the demo's prepared empty database (src/gongkai/web/demo/schema.sql)
# from a real migrate; tests/web/test_demo_schema.py fails until it is done.
demo-schema: $(STAMP)
	$(BIN)/python -m gongkai.web.demo.schema

# The annual-report core on files alone: a generated report rendered in every format and checked.
report-demo: $(STAMP)
	$(BIN)/gongkai demo

test: $(STAMP)
	@echo "== Every test (the web tests on the embedded SQLite database)"
	$(BIN)/python -m pytest -n auto -q
	@# The web suite (and the API fuzzing) a second time on PostgreSQL: on CI, or whenever it is reachable.
	@if [ -n "$$CI" ] || $(BIN)/python -c "import psycopg; psycopg.connect('$(PG_PROBE)', connect_timeout=2).close()" 2>/dev/null; \
	then echo "== The web tests again on PostgreSQL ($(PG_URL)): tests/web tests/browser and the API fuzzing"; \
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -n auto -q tests/web tests/browser tests/fuzz/test_api_schemathesis.py; \
	else echo "PostgreSQL not reachable at $(PG_PROBE): the web tests ran on SQLite only"; fi

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

check: lint test

# Every benchmark; each prints its numbers (written down in bench/RESULTS.md).
bench: $(STAMP)
	for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
