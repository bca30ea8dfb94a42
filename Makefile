# Everything a fresh clone needs: `make run` opens the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WHEELHOUSE := .wheelhouse
INSTALLED := $(VENV)/.installed
SYSDEPS := $(VENV)/.sysdeps

.PHONY: run test lint bench setup sysdeps screenshots clean

run: setup
	$(BIN)/statement-reader

test: setup lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests bench packaging
	$(BIN)/mypy

bench: setup
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/import.py
	$(BIN)/python bench/long_paragraph.py

screenshots: setup
	$(BIN)/python packaging/screenshots.py docs

setup: $(INSTALLED) $(SYSDEPS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The wheelhouse holds every runtime dependency as a wheel, so the packaging test can
# install the built wheel into a fresh venv without touching the network.
$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade setuptools
	$(BIN)/pip install --quiet -e '.[test,lint]'
	$(BIN)/pip wheel --quiet --wheel-dir $(WHEELHOUSE) .
	touch $@

$(SYSDEPS): packaging/system-deps.sh | $(BIN)/python
	bash packaging/system-deps.sh
	touch $@

sysdeps:
	bash packaging/system-deps.sh

clean:
	rm -rf $(VENV) $(WHEELHOUSE) build dist .mypy_cache .ruff_cache .pytest_cache
