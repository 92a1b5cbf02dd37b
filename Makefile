# MineMonitor: make setup | test | demo | package (see README).
SHELL := /bin/bash
PLUGIN := minemonitor_plugin
BUILD_DIR ?= build/plugin
BUILD := $(BUILD_DIR)/$(PLUGIN)
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
PY := .venv/bin/python
PYTEST_ARGS ?=

.PHONY: setup build deploy test test-core demo package bench clean i18n

setup:
	@scripts/setup.sh

# Assemble the installable plugin folder: package + metadata.txt + LICENSE + resources + compiled .qm
build:
	@rm -rf $(BUILD) && mkdir -p $(BUILD)/i18n
	@cp -r $(PLUGIN)/. $(BUILD)/
	@cp metadata.txt LICENSE CHANGELOG.md $(BUILD)/
	@cp -r resources $(BUILD)/resources
	@for ts in i18n/*.ts; do lrelease -silent $$ts -qm $(BUILD)/i18n/$$(basename $${ts%.ts}).qm >/dev/null; done
	@find $(BUILD) -name __pycache__ -prune -exec rm -rf {} + ; find $(BUILD) -name '*.pyc' -delete

# Enable the plugin in the project-local profile so qgis_process loads it
deploy:
	@. scripts/env.sh && mkdir -p "$$QGIS_CUSTOM_CONFIG_PATH" && \
	  /usr/bin/qgis_process.bin plugins enable $(PLUGIN) >/dev/null 2>&1 || \
	  { . scripts/env.sh; /usr/bin/qgis_process.bin plugins enable $(PLUGIN); }

test: setup
	@. scripts/env.sh && $(PY) -m pytest tests $(PYTEST_ARGS)

test-core: setup
	@$(PY) -m pytest tests/core $(PYTEST_ARGS)

demo: setup
	@scripts/demo.sh

package: setup
	@rm -rf dist && mkdir -p dist
	@cd $(BUILD_DIR) && zip -q -r ../../dist/$(PLUGIN)-$(VERSION).zip $(PLUGIN) -x '*/__pycache__/*' '*.pyc'
	@echo "dist/$(PLUGIN)-$(VERSION).zip"

i18n:
	@$(PY) scripts/i18n_sync.py

bench: setup
	@. scripts/env.sh && for b in benchmarks/bench_*.py; do $(PY) $$b; done

clean:
	rm -rf build dist .venv
