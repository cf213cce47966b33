# The two commands: `make run` (server on the embedded default) and `make test` (what CI runs).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/watchparty_test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: run install install-dev services browser test test-postgres test-embedded lint migrate

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

install: $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt

install-dev: $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements-dev.txt

## make run: install, create/upgrade the schema, serve on $$PORT (default 5000)
run: install
	$(VENV)/bin/flask --app "watchparty:create_app()" db upgrade
	$(PY) wsgi.py

services:
	bash scripts/test-services.sh

browser:
	bash scripts/browser.sh

lint: install-dev
	$(VENV)/bin/ruff check watchparty workers tests bench wsgi.py scripts
	$(VENV)/bin/ruff format --check watchparty workers tests bench wsgi.py scripts
	$(VENV)/bin/lint-imports

test-postgres: install-dev services browser
	TEST_DATABASE_URL=$(TEST_DATABASE_URL) TEST_REDIS_URL=$(TEST_REDIS_URL) $(PY) -m pytest -q --durations=20

test-embedded: install-dev
	$(PY) -m pytest -q -m "not browser and not once" --durations=20

## make test: install test needs, start PostgreSQL/Redis if needed, lint, run the suite both ways,
## then the short API contract run
test: lint test-postgres test-embedded contract

## make contract: a short, seeded contract run of the API (scripts/fuzz-api.sh --quick): fails
## on any 5xx or any response that does not match the OpenAPI document
.PHONY: contract
contract: install-dev
	bash scripts/fuzz-api.sh --quick

migrate:
	$(VENV)/bin/flask --app "watchparty:create_app()" db upgrade
