# Two commands: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
export SITE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test install lint check bench clean translations messages

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install: $(BIN)/.installed

# The .po files are committed; their .mo files are compiled here with Babel (no GNU gettext needed).
translations: install
	$(MANAGE) compile_translations

# Adds new interface strings to the .po files (this one needs GNU gettext: apt-get install gettext).
messages: install
	$(MANAGE) makemessages -l ru -l kk --add-location=file --no-obsolete --ignore=.venv --ignore=tests --ignore=var
	$(MANAGE) compile_translations

# Migrate, load the demo data (a second run changes nothing), print the admin login, then serve the
# site with the Celery worker and beat. Ctrl-C stops all three.
run: install translations
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) demo_admin
	@echo "Site: http://127.0.0.1:$(PORT)/  (Ctrl-C stops the site, the worker and beat)"
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/celery -A config worker --beat --loglevel=INFO --concurrency=1 & \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# ruff's rules (line length included) and formatting, then the layers (pyproject.toml,
# [tool.importlinter]; docs/architecture.md): a new import against them fails here.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: install translations
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check

test: install lint check
	$(BIN)/pytest

# Figures for the reminder path (tests/bench_reminders.py) and the public pages under gunicorn
# (tests/bench_web.py, which needs wrk: installed here with apt-get when it is missing and we are root).
bench: install
	$(BIN)/python tests/bench_reminders.py
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python tests/bench_web.py

clean:
	rm -rf $(VENV) var staticfiles db.sqlite3
