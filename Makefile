# Two commands do all the set-up:  `make run` (the dashboard) and `make test` (every test, browser included).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM := /usr/bin/chromium

.PHONY: run test check bench load

$(VENV)/.app: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.app requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Debian's Chromium drives the browser tests (Playwright's own browser download is not used).
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

run: $(VENV)/.app
	$(PY) -m streamlit run dashboard.py

test: $(VENV)/.dev $(CHROMIUM)
	$(PY) -m sco.check
	$(PY) -m pytest

check: $(VENV)/.app
	$(PY) -m sco.check

# Speed at 1x, 10x and 100x the curated data, and 20 concurrent browser sessions (figures go in the README).
bench: $(VENV)/.dev $(CHROMIUM)
	$(PY) benchmarks/run.py

load: $(VENV)/.dev $(CHROMIUM)
	$(PY) benchmarks/load.py --sessions 20
