# MineMonitor: make setup | test | demo | package (see README).
SHELL := /bin/bash
PLUGIN := minemonitor_plugin
BUILD_DIR ?= build/plugin
BUILD := $(BUILD_DIR)/$(PLUGIN)
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
PY := .venv/bin/python
PYTEST_ARGS ?=
LINT_PATHS := minemonitor_plugin tests tools benchmarks

.PHONY: setup build deploy test test-core test-props test-fast lint typecheck demo package bench clean distclean i18n core-wheel

setup:
	@scripts/setup.sh

# Assemble the installable plugin folder: package + metadata.txt + LICENSE + resources + compiled .qm
# + the local HTML help (tools/gen_help.py, from docs/algorithms*.md)
build:
	@rm -rf $(BUILD) && mkdir -p $(BUILD)/i18n
	@cp -r $(PLUGIN)/. $(BUILD)/
	@cp metadata.txt LICENSE CHANGELOG.md $(BUILD)/
	@cp -r resources $(BUILD)/resources
	@for ts in i18n/*.ts; do lrelease -silent $$ts -qm $(BUILD)/i18n/$$(basename $${ts%.ts}).qm >/dev/null; done
	@$(if $(wildcard $(PY)),$(PY),/usr/bin/python3) -m tools.gen_help $(BUILD)/help >/dev/null
	@find $(BUILD) -name __pycache__ -prune -exec rm -rf {} + ; find $(BUILD) -name '*.pyc' -delete

# Enable the plugin in the project-local profile so qgis_process loads it
deploy:
	@. scripts/env.sh && mkdir -p "$$QGIS_CUSTOM_CONFIG_PATH" && \
	  out=$$(/usr/bin/qgis_process.bin plugins enable $(PLUGIN) 2>&1) || \
	  echo "$$out" | grep -q "already enabled" || { echo "$$out"; exit 1; }

# Everything: the lint and type gates, then core, QGIS (processing.run, qgis_process, models, release),
# desktop under Xvfb (the core's doctests run inside pytest: tests/core/test_doctests.py).
test: setup
	@$(PY) -m ruff check $(LINT_PATHS)
	@$(PY) -m mypy
	@. scripts/env.sh && $(PY) -m pytest tests $(PYTEST_ARGS)

# The pure core alone: no QGIS, no build, no ../shared (seconds); needs only numpy/scipy/shapely/pytest/hypothesis.
test-core:
	@$(if $(wildcard $(PY)),$(PY),python3) -m pytest tests/core $(PYTEST_ARGS)

# The property-based tests (hypothesis) with many more random examples than in `make test` (minutes);
# failures are kept in .hypothesis/ and replayed first on the next run.
test-props:
	@HYPOTHESIS_PROFILE=long $(if $(wildcard $(PY)),$(PY),python3) -m pytest tests/core -m props $(PYTEST_ARGS)

# Everything that runs in-process and on the bundled sample data (no qgis_process, ../shared, desktop, slow).
test-fast: setup
	@. scripts/env.sh && $(PY) -m pytest tests -m "not qgis_process and not realdata and not desktop and not slow" $(PYTEST_ARGS)

# Lint with the pinned ruff and the rules of pyproject.toml [tool.ruff] (`make test` runs it first).
lint:
	@$(PY) -m ruff --version >/dev/null 2>&1 || scripts/setup.sh
	@$(PY) -m ruff check $(LINT_PATHS)

# Static types of the pure core with the pinned mypy (pyproject.toml [tool.mypy]; a few seconds; `make test` runs it).
typecheck:
	@$(PY) -m mypy --version >/dev/null 2>&1 || scripts/setup.sh
	@$(PY) -m mypy

demo: setup
	@scripts/demo.sh

# Release ZIP for "Install from ZIP" and plugins.qgis.org: the assembled folder is the zip root, without
# compiled caches or hidden files (tests/test_release.py checks it as the repository's validator does).
# The links plugins.qgis.org requires come from REPOSITORY_URL / TRACKER_URL / HOMEPAGE_URL / MAINTAINER_EMAIL
# (or the git remote): tools/release_metadata.py; there are no placeholders in metadata.txt.
REPOSITORY_URL ?=
TRACKER_URL ?=
HOMEPAGE_URL ?=
MAINTAINER_EMAIL ?=
DIST_DIR ?= dist
package:
	@command -v zip >/dev/null && command -v lrelease >/dev/null || scripts/setup.sh
	@rm -rf $(DIST_DIR)/stage $(DIST_DIR)/$(PLUGIN)-*.zip && mkdir -p $(DIST_DIR)/stage
	@$(MAKE) -s --no-print-directory build BUILD_DIR=$(DIST_DIR)/stage
	@REPOSITORY_URL="$(REPOSITORY_URL)" TRACKER_URL="$(TRACKER_URL)" HOMEPAGE_URL="$(HOMEPAGE_URL)" \
	  MAINTAINER_EMAIL="$(MAINTAINER_EMAIL)" /usr/bin/python3 -m tools.release_metadata $(DIST_DIR)/stage/$(PLUGIN)/metadata.txt
	@find $(DIST_DIR)/stage/$(PLUGIN) \( -name __pycache__ -o -name '.*' -o -name '*~' \) -prune -exec rm -rf {} +
	@find $(DIST_DIR)/stage/$(PLUGIN) -name '*.py[co]' -delete
	@cd $(DIST_DIR)/stage && zip -q -r -X $(abspath $(DIST_DIR))/$(PLUGIN)-$(VERSION).zip $(PLUGIN)
	@rm -rf $(DIST_DIR)/stage
	@echo "$(DIST_DIR)/$(PLUGIN)-$(VERSION).zip"

# The minemonitor-core wheel for dask worker machines (core + engine, version from metadata.txt)
core-wheel:
	@$(if $(wildcard $(PY)),$(PY),python3) packaging/build_core.py --out $(DIST_DIR)

i18n:
	@$(PY) -m tools.i18n_sync

# Algorithm reference from the algorithm definitions: docs/algorithms.md and docs/algorithms_zh_CN.md
.PHONY: docs desktop
docs:
	@. scripts/env.sh && $(PY) -m tools.gen_docs

# The real QGIS desktop under Xvfb, plugin installed from the release ZIP (screenshot in build/artifacts/)
desktop:
	@. scripts/env.sh && $(PY) -m pytest tests/desktop $(PYTEST_ARGS)

bench: setup
	@. scripts/env.sh && for b in benchmarks/bench_*.py; do $(PY) -m benchmarks.$$(basename $$b .py) || exit 1; done

# Build outputs only (the venv stays: rebuilding shapely takes minutes); distclean removes it too.
clean:
	rm -rf build dist

distclean: clean
	rm -rf .venv output
