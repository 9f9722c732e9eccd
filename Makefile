# Relais – every command an operator or a developer needs. `make help` lists them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help install system-deps test-deps bench-deps messages demo test test-sqlite test-postgres bench bench-packs soak lint audit deploy-check format

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed system-deps messages ## Create .venv and install Relais with its dev tools

# Debian packages as command:package pairs, installed with apt-get only when the command is absent.
DEMO_PACKAGES := ffmpeg:ffmpeg espeak-ng:espeak-ng msgfmt:gettext
TEST_PACKAGES := chromium:chromium java:default-jre-headless
BENCH_PACKAGES := wrk:wrk
define apt_install
	@missing=""; \
	for cmd in $(1); do \
		command -v $${cmd%%:*} >/dev/null 2>&1 || missing="$$missing $${cmd#*:}"; \
	done; \
	$(2) \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi
endef
# The demo draws its stand-in logo with DejaVu Sans (French accents).
DEJAVU_CHECK := [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core";

system-deps: ## Install what the demo needs from Debian when absent: ffmpeg, espeak-ng, gettext
	$(call apt_install,$(DEMO_PACKAGES),$(DEJAVU_CHECK))

test-deps: ## Install what the browser tests need from Debian when absent: Chromium, Java
	$(call apt_install,$(TEST_PACKAGES),)

bench-deps: ## Install wrk from Debian when absent
	$(call apt_install,$(BENCH_PACKAGES),)

messages: $(VENV)/.installed ## Compile the French translations
	$(PY) manage.py compilemessages --ignore '.venv' -v 0

demo: install ## Install, migrate, load the demo content and serve http://127.0.0.1:$(PORT)
	mkdir -p var
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py ensure_demo_editor
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install test-deps ## Run the whole suite on SQLite, then on PostgreSQL (127.0.0.1:5432)
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite:
	$(PY) -m pytest

test-postgres:
	$(PY) scripts/test_postgres.py

bench: install bench-deps ## Benchmark the public pages with gunicorn and wrk, then the soak (about 35 min)
	$(PY) bench/run.py
	$(MAKE) --no-print-directory soak

bench-packs: install ## Time import_pack and export_pack on a pack of 1,000 stories and 100 audio files
	$(PY) bench/packs.py

# Needs Redis and PostgreSQL on 127.0.0.1 (see README, Performance); SOAK_SECONDS=60 for a quick look.
soak: install ## Soak: 50 visitors and 10 ambassadors for 10 min on SQLite, then on PostgreSQL
	$(PY) -m bench.soak

lint: $(VENV)/.installed ## ruff, the layers of the apps, bandit, Django checks (also --deploy), migrations, audit
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/bandit -c pyproject.toml -r relais config scripts --severity-level medium -q
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory deploy-check
	$(MAKE) --no-print-directory audit

# Production settings with stand-in values: a random 50-character key, a placeholder host.
deploy-check: $(VENV)/.installed ## Django's deployment checklist on the production settings; any warning fails
	DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	ALLOWED_HOSTS=relais.example.org \
	$(PY) manage.py check --deploy --fail-level WARNING

audit: $(VENV)/.installed ## Known vulnerabilities in the dependencies (pip-audit); says SKIPPED when offline
	$(PY) scripts/audit.py

format: $(VENV)/.installed ## Reformat the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
