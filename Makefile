# Everything a fresh clone needs: `make run` opens the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WHEELHOUSE := .wheelhouse
INSTALLED := $(VENV)/.installed
SYSDEPS := $(VENV)/.sysdeps
# What the packages are built with, beyond `make setup`: dpkg-deb, lintian, patchelf.
PACKAGING_SYSDEPS := $(VENV)/.packaging-sysdeps
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' src/reader/__init__.py)
BUNDLE := dist/bundle/statement-reader
DEB := dist/statement-reader_$(VERSION)_amd64.deb
# What the bundle is made of: a change to any of them builds it again.
BUNDLE_SOURCES := $(shell find src resources -type f -not -path '*/__pycache__/*') \
	pyproject.toml packaging/statement-reader.spec packaging/bundle_entry.py packaging/rthook_qt.py \
	packaging/clear_runpaths.py

.PHONY: run test lint bench setup sysdeps team-server screenshots clean translations update-translations \
	dist bundle deb check-dist

run: setup
	$(BIN)/statement-reader

# The Debian package's tests need `make deb` (about two minutes more): `make check-dist`.
test: setup lint
	$(BIN)/python -m pytest -m "not deb"

# The wheel and the sdist, as an index would take them.
dist: setup
	rm -rf dist/*.whl dist/*.tar.gz
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*.whl dist/*.tar.gz

# A one-folder application that needs no Python: $(BUNDLE)/statement-reader.
bundle: $(BUNDLE)/statement-reader

$(BUNDLE)/statement-reader: $(BUNDLE_SOURCES) | setup $(PACKAGING_SYSDEPS)
	rm -rf $(BUNDLE)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller \
		--distpath dist/bundle packaging/statement-reader.spec
	$(BIN)/python packaging/clear_runpaths.py $(BUNDLE)
	du -sh $(BUNDLE)

# The bundle as a Debian package: /opt/statement-reader, /usr/bin and /usr/share.
deb: $(DEB)

$(DEB): $(BUNDLE)/statement-reader packaging/build_deb.py $(wildcard packaging/deb/*) \
		| $(PACKAGING_SYSDEPS)
	$(BIN)/python packaging/build_deb.py $(BUNDLE) dist
	ls -l $(DEB)

# The packages' own tests: the .deb installed into a scratch root and run, lintian.
check-dist: dist deb
	$(BIN)/python -m pytest -m deb

# A throw-away PostgreSQL cluster with a demo team, in build/team-server (README: Team library).
TEAM_SERVER := build/team-server
team-server: setup
	$(BIN)/python -m tests.team.cluster $(TEAM_SERVER)

lint: setup
	$(BIN)/ruff check src tests bench packaging
	$(BIN)/mypy

bench: setup $(BENCH_VENV)/.installed
	$(BIN)/python bench/startup.py --instructions
	$(BENCH_VENV)/bin/python bench/search.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/import.py
	$(BIN)/python bench/long_paragraph.py
	$(BIN)/python bench/importers.py

screenshots: setup
	$(BIN)/python packaging/screenshots.py docs
	$(BIN)/python packaging/tour.py docs/tour

setup: $(INSTALLED) $(SYSDEPS) translations

# The interface's translations: the .ts files in resources/ are the sources (edited with Qt
# Linguist or by hand), the .qm files beside them are build outputs the wheel ships.
TS_FILES := $(wildcard resources/statement_reader_*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
UI_SOURCES := $(shell find src/reader/ui -name '*.py' | sort)

# The core's and the command line's sentences have no Qt (reader/core/translation.py): GNU
# gettext catalogues, the .po files the sources and the .mo files beside them the outputs, made
# with Babel (BSD, maintained; the tool Python projects use for gettext).
PO_FILES := $(wildcard resources/statement_reader_core_*.po)
MO_FILES := $(PO_FILES:.po=.mo)
CORE_SOURCES := $(shell find src/reader -name '*.py' -not -path 'src/reader/ui/*' | sort)

translations: $(QM_FILES) $(MO_FILES)

resources/%.qm: resources/%.ts | $(INSTALLED)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

resources/%.mo: resources/%.po | $(INSTALLED)
	$(BIN)/pybabel compile --statistics -i $< -o $@

# After changing the UI's strings: new ones arrive unfinished (tests/ui/test_translations.py
# fails until they are translated); no line numbers, so unrelated edits leave the .ts alone.
update-translations: | $(INSTALLED)
	$(BIN)/pyside6-lupdate $(UI_SOURCES) -locations none -no-obsolete -target-language ru_RU \
		-ts resources/statement_reader_ru.ts
	$(BIN)/pyside6-lupdate $(UI_SOURCES) -locations none -no-obsolete -target-language en_US \
		-pluralonly -ts resources/statement_reader_en.ts
	mkdir -p build
	$(BIN)/pybabel -q extract --no-location --sort-output -k _ -k ngettext:1,2 -k pgettext:1c,2 \
		--project "Statement Reader" -o build/statement_reader_core.pot $(CORE_SOURCES)
	$(BIN)/pybabel -q update --no-fuzzy-matching --ignore-obsolete \
		-l ru -D statement_reader_core -i build/statement_reader_core.pot \
		-o resources/statement_reader_core_ru.po

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The wheelhouse holds every runtime dependency as a wheel, so the packaging test can
# install the built wheel into a fresh venv without touching the network.
$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade setuptools
	$(BIN)/pip install --quiet -e '.[test,lint,packaging,team]'
	$(BIN)/pip wheel --quiet --wheel-dir $(WHEELHOUSE) .
	touch $@

# The search bench compares with Xapian, whose Python bindings Debian ships (python3-xapian):
# a venv of Debian's Python that sees them and, by one .pth line, everything $(VENV) holds,
# which itself stays without system packages.
BENCH_VENV := .venv-bench
SYSTEM_PYTHON ?= /usr/bin/python3
$(BENCH_VENV)/.installed: packaging/system-deps.sh | $(INSTALLED)
	bash packaging/system-deps.sh python3-xapian valgrind
	$(SYSTEM_PYTHON) -c 'import sys; v = sys.argv[1]; sys.exit(None if v == "%d.%d" % sys.version_info[:2] else f"$(SYSTEM_PYTHON) is not Python {v}, as $(VENV) is")' \
		$$($(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')
	$(SYSTEM_PYTHON) -m venv --without-pip --system-site-packages $(BENCH_VENV)
	echo "import site; site.addsitedir('$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))')')" \
		> $$($(BENCH_VENV)/bin/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/statement-reader.pth
	touch $@

$(SYSDEPS): packaging/system-deps.sh | $(BIN)/python
	bash packaging/system-deps.sh
	touch $@

$(PACKAGING_SYSDEPS): packaging/system-deps.sh | $(BIN)/python
	bash packaging/system-deps.sh dpkg-dev lintian patchelf
	touch $@

sysdeps:
	bash packaging/system-deps.sh

clean:
	rm -rf $(VENV) $(BENCH_VENV) $(WHEELHOUSE) build dist .mypy_cache .ruff_cache .pytest_cache $(QM_FILES) $(MO_FILES)
