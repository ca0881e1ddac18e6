# US-China Trade Watch: the verbs users expect. Everything runs inside .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: help setup briefs pdf brief student notebook-text test lab data-status data-refresh data-changes data-package lint bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## setup: create .venv and install the kit with its development tools, at the versions pinned in requirements.lock
setup: $(STAMP)

## briefs: render every narrative notebook into reports/ from the embedded data (FORCE=1 rebuilds all)
## briefs EDITION=instructor: the same with exercises, methods and collapsed solutions, into reports/instructor/
briefs: $(STAMP)
	$(BIN)/python -m helpers briefs $(if $(FORCE),--force,) $(if $(EDITION),--edition $(EDITION),)

## pdf: the briefs, then a PDF of each (reports/<name>.pdf, headless Chromium; PAPER=Letter for US paper)
pdf: $(STAMP)
	$(BIN)/python -m helpers briefs --pdf $(if $(PAPER),--paper $(PAPER),) $(if $(FORCE),--force,)

## student: the student edition in dist/student/ (notebooks with solution stubs, data, kit, README)
student: $(STAMP)
	$(BIN)/python -m helpers student

## brief: one parameterised brief, e.g. make brief NB=05_outlook PARAMS="as_of=2026-10-01 history_start=2010"
##        (or PARAMS_FILE=params.json); values reach the kit through the environment, never the shell
brief: export TRADEWATCH_BRIEF_NB = $(NB)
brief: export TRADEWATCH_BRIEF_PARAMS = $(PARAMS)
brief: export TRADEWATCH_BRIEF_PARAMS_FILE = $(PARAMS_FILE)
brief: $(STAMP)
	$(BIN)/python -m helpers briefs --notebook "$$TRADEWATCH_BRIEF_NB" --params "$$TRADEWATCH_BRIEF_PARAMS" \
	  $(if $(PARAMS_FILE),--params-file "$$TRADEWATCH_BRIEF_PARAMS_FILE")

## notebook-text: rewrite notebooks/text/<name>.py (jupytext py:percent, for review as diffs) from the notebooks
notebook-text: $(STAMP)
	$(BIN)/python -m helpers notebooks sync

## test: the whole test suite (what CI runs)
test: $(STAMP)
	$(BIN)/python -m helpers test

## lab: JupyterLab on notebooks/ with the kit importable
lab: $(STAMP)
	$(BIN)/python -m helpers lab

## data-status: one row per dataset: coverage, as-of, origin, fresh or stale
data-status: $(STAMP)
	$(BIN)/python -m helpers data status

## data-refresh: pull newer data from the official origins into data/cache/ (needs internet)
data-refresh: $(STAMP)
	$(BIN)/python -m helpers data refresh

## data-changes: new months, revised values and new events since the previous vintage
data-changes: $(STAMP)
	$(BIN)/python -m helpers data changes

## data-package: write data/datapackage.json (Frictionless Data Package) from the dataset registry
data-package: $(STAMP)
	$(BIN)/python -m helpers data package

## lint: ruff over the project's code, tests, benchmarks and notebooks (the paths are in pyproject.toml)
lint: $(STAMP)
	$(BIN)/python -m helpers lint

## bench: speed and memory benchmarks, printed as ratios
bench: $(STAMP)
	$(BIN)/python -m helpers bench

## clean: remove what builds, the student edition and refreshes wrote (never while a build runs)
clean: $(STAMP)
	$(BIN)/python -m helpers clean

## help: list these verbs (each is `python -m helpers ...` underneath; make is optional)
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## //'

