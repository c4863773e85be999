# `make run` opens the app, `make test` runs every check; both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint bench desktop clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m tracker

lint: $(STAMP)
	$(VENV)/bin/ruff check tracker tests bench main.py
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) bench/extract_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/timeline_bench.py

# Adds Tracker to the desktop's application menu (freedesktop: GNOME, KDE, XFCE ...).
desktop: $(STAMP)
	install -Dm644 resources/icons/tracker.svg $(HOME)/.local/share/icons/hicolor/scalable/apps/tracker.svg
	mkdir -p $(HOME)/.local/share/applications
	sed "s|^Exec=tracker-gui|Exec=$(CURDIR)/.venv/bin/tracker-gui|; s|^TryExec=tracker-gui|TryExec=$(CURDIR)/.venv/bin/tracker-gui|" \
		resources/tracker.desktop > $(HOME)/.local/share/applications/tracker.desktop
	-update-desktop-database $(HOME)/.local/share/applications 2>/dev/null
	-gtk-update-icon-cache -f -t $(HOME)/.local/share/icons/hicolor 2>/dev/null

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
