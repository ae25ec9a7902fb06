# The one list of developer commands. `make run` and `make test` do their own set-up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types contracts pytest bench demo venv clean screenshots translations \
	system-packages dist installer bench-frozen

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade --quiet pip
	$(BIN)/python -m pip install --quiet -e '.[dev,server]'
	touch $(STAMP)

venv: $(STAMP)

# The Debian packages (Qt's libraries, fonts, LibreOffice for the tests): installed if missing.
system-packages:
	PYTHON=$(PYTHON) scripts/system-packages.sh

# Starts the window on the demo database in the user's data folder, made on first run.
run: system-packages $(STAMP)
	$(BIN)/python -m enhetschef_app.devtools ensure-demo
	$(BIN)/enhetschef --db "$$($(BIN)/python -m enhetschef_app.devtools demo-path)"

# Makes the demo database anew (the real database is never touched).
demo: $(STAMP)
	$(BIN)/python -m enhetschef_app.devtools ensure-demo --fresh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

# The suite includes the smoke test of the frozen program, which builds dist/enhetschef/ first
# when its inputs changed (installer/build.py), and compiles the Windows installer script.
pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

test: system-packages lint types contracts pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/schedule.py
	$(BIN)/python bench/omtanke.py
	$(BIN)/python bench/month.py
	$(BIN)/python bench/imports.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/ui_stall.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/scale.py
	$(BIN)/python bench/compare.py --record

# Draws the user guide's pictures (docs/guide/bilder/) and the README's anew from a demo unit
# on a fixed day, at a maximised 1366x768 laptop's size.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/screenshots/make_screenshots.py

# The frozen program's bundle size and start-up against a bare window (after `make dist`).
bench-frozen: dist
	$(BIN)/python bench/frozen.py

# dist/enhetschef/ (PyInstaller, installer/enhetschef.spec) and its versioned archive; rebuilt
# only when the package, db/, resources/, the spec or the installed libraries changed.
dist: system-packages $(STAMP)
	$(BIN)/python installer/build.py

# The Windows installer (installer/windows/enhetschef.nsi) around the bundle. Built on Linux the
# payload is the Linux bundle, a stand-in that only proves the script compiles.
installer: system-packages $(STAMP)
	$(BIN)/python installer/build.py --installer

# The source strings are Swedish; the .ts is what a translator to another language starts from.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py -no-obsolete -locations none \
		-source-language sv_SE -target-language sv_SE \
		enhetschef_app/ui enhetschef_app/app.py -ts resources/translations/enhetschef_sv.ts
	$(BIN)/pyside6-lrelease resources/translations/enhetschef_sv.ts \
		-qm resources/translations/enhetschef_sv.qm

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
