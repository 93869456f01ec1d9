# The two commands a developer needs; see README.md.
PYTHON ?= python3
VENV ?= .venv

.PHONY: test venv run

$(VENV)/.installed: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

test: venv
	$(VENV)/bin/python tests/run_tests.py $(ARGS)
