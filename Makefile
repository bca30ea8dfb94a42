# Everything a fresh clone needs: `make run` opens the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WHEELHOUSE := .wheelhouse
INSTALLED := $(VENV)/.installed
SYSDEPS := $(VENV)/.sysdeps

.PHONY: run test lint bench setup sysdeps screenshots clean translations update-translations

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

setup: $(INSTALLED) $(SYSDEPS) translations

# The interface's translations: the .ts files in resources/ are the sources (edited with Qt
# Linguist or by hand), the .qm files beside them are build outputs the wheel ships.
TS_FILES := $(wildcard resources/statement_reader_*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
UI_SOURCES := $(shell find src/reader/ui -name '*.py' | sort)

translations: $(QM_FILES)

resources/%.qm: resources/%.ts | $(INSTALLED)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing the UI's strings: new ones arrive unfinished (tests/ui/test_translations.py
# fails until they are translated); no line numbers, so unrelated edits leave the .ts alone.
update-translations: | $(INSTALLED)
	$(BIN)/pyside6-lupdate $(UI_SOURCES) -locations none -no-obsolete -target-language ru_RU \
		-ts resources/statement_reader_ru.ts
	$(BIN)/pyside6-lupdate $(UI_SOURCES) -locations none -no-obsolete -target-language en_US \
		-pluralonly -ts resources/statement_reader_en.ts

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
	rm -rf $(VENV) $(WHEELHOUSE) build dist .mypy_cache .ruff_cache .pytest_cache $(QM_FILES)
