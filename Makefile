# Two commands on a fresh machine with Python ≥ 3.11 and make:
#   make demo   sets up .venv and maps the shipped example
#   make test   sets up .venv and runs lint, type checks, layer contracts and the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev

.PHONY: demo test lint format setup clean docs bench bench-all bench-survey i18n

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	# byte-compile as pip does for an installed wheel (start-up stays fast even where
	# PYTHONDONTWRITEBYTECODE is set, as on our CI machines)
	$(BIN)/python -m compileall -q src > /dev/null
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/clientchain map examples/agencia.yaml

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/lint-imports
	$(BIN)/mypy

# Branch coverage of src/ by the in-process tests (subprocess runs are not counted); the floor
# is stated in the README (95.4 % measured on 2026-12-04).
COVERAGE_FLOOR := 93

test: lint
	$(BIN)/python -m pytest --cov=clientchain --cov-branch --cov-report= \
	  --cov-fail-under=$(COVERAGE_FLOOR)

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks tools
	$(BIN)/ruff check --fix src tests benchmarks tools

# docs/images: a picture of each deliverable for docs/render.md (needs chromium, LibreOffice
# and poppler); tests/test_docs_pictures.py fails when one is older than its deliverable
docs: $(STAMP)
	$(BIN)/python -m clientchain.checks.docs > docs/rules.md
	$(BIN)/clientchain render tests/cases/valid/hospital-revisit.yaml --view chain:lab -o docs/img/vsm-hospital-lab.svg
	$(BIN)/python tools/docs_pictures.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Every target of issue 7: benchmarks/run.py's table, render at 2,000 departments against the engine
# alone, and discover against pm4py (AGPL: only ever in this scratch environment). ~40 min.
PM4PY := build/pm4py-venv
$(PM4PY)/.installed:
	$(PYTHON) -m venv $(PM4PY)
	$(PM4PY)/bin/python -m pip install --quiet --disable-pip-version-check pm4py
	touch $@

bench-all: $(STAMP) $(PM4PY)/.installed
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/render_benchmark.py
	$(BIN)/python benchmarks/discover_benchmark.py --pm4py-python $(PM4PY)/bin/python
	$(BIN)/python benchmarks/survey_benchmark.py
	$(BIN)/python benchmarks/trend_benchmark.py

# survey on 100,000 answers for a 1,000-department org (issue 17): the "## Survey" section of
# benchmarks/RESULTS.md; about a minute.
bench-survey: $(STAMP)
	$(BIN)/python benchmarks/survey_benchmark.py

# Extract every translatable message into the template, merge it into each language's .po
# (new messages arrive untranslated: tests/test_i18n.py fails until they are translated),
# and compile the .mo files the package reads (committed, so a fresh clone and a wheel find them).
i18n: $(STAMP)
	$(BIN)/python tools/i18n.py
