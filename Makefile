# Libya's appeals to Russia, 2015-2021: build, test and refresh the book.
# `make help` lists the targets. The README's two commands are `make book` and `make test`.

# Python 3.11: python3 when it is 3.11, else python3.11 (or: make book PYTHON=/path/to/python3.11).
PYTHON ?= $(shell for p in python3 python3.11; do $$p -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
            >/dev/null 2>&1 && { command -v $$p; break; }; done)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab has an environment of its own: its 100-odd packages would otherwise change what the book's
# kernels import (and slow each kernel's start by a second: jsonschema's optional format checkers).
LAB_VENV := .venv-lab
LAB    := $(LAB_VENV)/.installed
# Another corpus folder (same sources.yml format): make book CORPUS=path/to/folder
CORPUS ?=
export ANALYSIS_CORPUS := $(if $(CORPUS),$(abspath $(CORPUS)),)
# Each corpus builds into its own folder (see analysis/config.py).
OUT    := $(if $(CORPUS),_build/corpora/$(notdir $(abspath $(CORPUS))),.)

.DEFAULT_GOAL := help
.PHONY: help python venv book html pdf hostile generated preflight test lab bench bench-build bench-stages profile refresh lint \
        lock clean

define PYTHON_HELP
error: this project needs Python 3.11, and $(or $(PYTHON),neither python3 nor python3.11 on PATH) is not it. Get it with one of:
  apt-get install python3.11 python3.11-venv     (Debian 12, Ubuntu 22.04 and later)
  conda env create -f environment.yml && conda activate libya-russia-book && make book PYTHON=python
  pyenv install 3.11 && pyenv local 3.11
or name one: make book PYTHON=/path/to/python3.11
endef
export PYTHON_HELP

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

python: ## Check that a Python 3.11 with venv is here (every target that builds the environment does)
	@"$(PYTHON)" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { echo "$$PYTHON_HELP" >&2; exit 2; }
	@"$(PYTHON)" -c 'import ensurepip, venv' 2>/dev/null || { echo "error: $(PYTHON) has no venv module; \
	  install it: apt-get install python3.11-venv" >&2; exit 2; }

$(STAMP): requirements.lock pyproject.toml | python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $(STAMP)

venv: $(STAMP) ## Create or refresh the virtual environment from requirements.lock

book: html pdf ## Build the website and its PDF edition (make book CORPUS=DIR for another corpus)
	@echo "The book is in $(abspath $(OUT))/_build/html/index.html"

html: $(STAMP) ## Build the website only (chapters re-run when their inputs change)
	$(BIN)/python -m analysis.site prepare
	@# On failure, forget what Sphinx read: otherwise the next build finds nothing
	@# out of date and "succeeds" with the broken page.
	$(BIN)/jupyter-book build . -W -n --keep-going --path-output $(OUT) \
	  || { rm -rf $(OUT)/_build/.doctrees $(OUT)/_build/.inputs.sha256; exit 1; }

pdf: html ## Typeset the built site into the PDF edition, no browser needed (_build/html/book/libya-russia-book.pdf)
	$(BIN)/python -m analysis.site.pdf

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

hostile: $(STAMP) ## Build the book from the hostile test corpus (tests/fixtures/hostile)
	$(MAKE) --no-print-directory html CORPUS=tests/fixtures/hostile

GENERATED := _build/generated-corpus
generated: $(STAMP) ## Build the book from a generated corpus with a document of every shape (tests/corpus_shapes.py)
	rm -rf $(GENERATED) && $(BIN)/python -m tests.corpus_shapes $(GENERATED) --seed 1
	$(MAKE) --no-print-directory html CORPUS=$(GENERATED)

preflight: python ## Check the system programs make test needs (Chromium, Node.js, npm, Pango) before building
	@$(PYTHON) -m analysis.site.preflight test

# make test runs the tests on every core (pytest-xdist): a notebook's cells, and a file's tests, stay on one worker.
TEST_JOBS ?= auto
test: preflight ## Run every test: unit tests, nbval, browser checks of both builds (TEST_JOBS=N workers)
	@# The three editions (main with its PDF, hostile, generated: each executes its chapters on one core)
	@# and the installs side by side; each build has its own folder, and the shared chart bundle is
	@# written atomically (analysis/site/build.py).
	@$(MAKE) --no-print-directory -j 4 --output-sync=target book hostile generated node_modules/.installed $(LAB)
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadfile

$(LAB): requirements-lab.lock requirements.lock | python
	$(PYTHON) -m venv $(LAB_VENV)
	$(LAB_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LAB_VENV)/bin/python -m pip install --quiet -r requirements-lab.lock -c requirements.lock
	@touch $(LAB)

lab: $(LAB) $(STAMP) ## Open JupyterLab on book/ with the project's kernel (installs JupyterLab once, in .venv-lab)
	$(BIN)/python -m analysis.site.lab

bench: $(STAMP) ## Export speed and memory on synthetic corpora (on demand; SIZES="1000 10000" ENGINE=local|dask JOBS=N)
	$(BIN)/python -m benchmarks.run export $(or $(SIZES),1000 10000) --engine $(or $(ENGINE),local) $(if $(JOBS),--jobs $(JOBS))
	$(BIN)/python -m benchmarks.run report

bench-build: $(STAMP) ## Time cold, warm and one-chapter builds and make test in a fresh clone (on demand)
	$(BIN)/python -m benchmarks.run build
	$(BIN)/python -m benchmarks.run report

bench-stages: $(STAMP) ## Seconds per extraction stage on 1,000 synthetic documents, one process (on demand)
	$(BIN)/python -m benchmarks.run stages $(or $(SIZE),1000)
	$(BIN)/python -m benchmarks.run report

profile: $(STAMP) ## Profile a one-process export with pyinstrument (SIZE=1000): benchmarks/results/profile-*.txt
	$(BIN)/python -m benchmarks.run profile $(or $(SIZE),1000)

refresh: $(STAMP) ## Re-execute every chapter in place (after a change that alters outputs)
	$(BIN)/python -m analysis rerun --all

lint: $(STAMP) ## Check the code style with ruff, and the package's layers with import-linter
	$(BIN)/ruff check analysis tests benchmarks _ext
	$(BIN)/lint-imports

lock: | python ## Re-resolve requirements.in (and JupyterLab for make lab) into the lock files and environment.yml
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -r requirements.in
	{ echo "# Fully pinned environment for the book and its tests (Python 3.11)."; \
	  echo "# Generated by 'make lock' from requirements.in; do not edit by hand."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | sort -f; } > requirements.lock
	.lock-venv/bin/python -m pip install --quiet -c requirements.lock jupyterlab
	{ echo "# JupyterLab for 'make lab', on top of requirements.lock (every shared pin agrees)."; \
	  echo "# Generated by 'make lock'; do not edit by hand."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | sort -f | grep -vxFf requirements.lock; } \
	  > requirements-lab.lock
	rm -rf .lock-venv
	$(PYTHON) -m analysis.site environment > environment.yml

clean: ## Remove the build and the virtual environment
	rm -rf _build $(VENV) $(LAB_VENV) _static/vendor node_modules
