# Two commands do all the set-up:  `make run` (the dashboard) and `make test` (every test, browser included).
PYTHON ?= python3
PORT ?= 8501
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM := /usr/bin/chromium
# Without it headless Chromium draws Chinese as empty boxes in screenshots.
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

.PHONY: run test check cities mutation bench load

$(VENV)/.app: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] not in ((3, 11), (3, 12)))' || { \
	  echo "Python 3.11 or 3.12 needed; $(PYTHON) is $$($(PYTHON) --version 2>&1). Try: make PYTHON=python3.12 ..."; \
	  exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.app requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Debian's Chromium drives the browser tests (Playwright's own browser download is not used).
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

$(CJK_FONT):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null

# Served on this machine only (127.0.0.1): Streamlit then does not ask an outside service for the external IP.
RUN := $(PY) -m streamlit run dashboard.py --server.headless true --server.address 127.0.0.1 --server.port $(PORT)

run: $(VENV)/.app
	@echo "The dashboard: http://127.0.0.1:$(PORT)"
	$(RUN)

# The fast tier (unit tests and AppTest, under a minute), then the browser tier.
test: $(VENV)/.dev $(CHROMIUM) $(CJK_FONT)
	$(PY) -m sco.check
	$(PY) -m pytest
	$(PY) -m pytest -m browser

check: $(VENV)/.app
	$(PY) -m sco.check

# After adding rows that name a new city: its GeoNames coordinates into data/cities.csv.
cities: $(VENV)/.dev
	$(PY) scripts/build_cities.py

# Mutation testing of the pure core (setup.cfg says which modules and tests): the score per module, target 85 %.
mutation: $(VENV)/.dev
	rm -rf mutants
	$(PY) -m mutmut run --max-children 2
	$(PY) scripts/mutation_score.py

# Speed at 1x, 10x and 100x the curated data, and 20 concurrent browser sessions (figures go in the README).
bench: $(VENV)/.dev $(CHROMIUM) $(CJK_FONT)
	$(PY) benchmarks/run.py

load: $(VENV)/.dev $(CHROMIUM) $(CJK_FONT)
	$(PY) benchmarks/load.py --sessions 20
