# Two commands on a fresh clone: `make run` (the bot; the offline console without Slack
# credentials) and `make test` (ruff, mypy and the whole test suite, as CI runs it).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install clean i18n

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/medicon-bot

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Two workers, each running whole test files in order (a file's module-scoped web app and
# database are made once, in one worker); every test has its own database, paths and ports.
test: lint
	$(BIN)/pytest -n 2 --dist loadfile

# Catalogs in step with the code: extract, update da/sv, compile the .mo files, check.
i18n: $(STAMP)
	$(BIN)/medicon-bot i18n all

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
