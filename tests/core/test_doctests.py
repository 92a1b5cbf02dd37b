"""The examples in the docstrings of every core module run and print what they say."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import minemonitor_plugin.core as core

MODULES = sorted(info.name for info in pkgutil.iter_modules(core.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_core_module_doctests(name):
    module = importlib.import_module(f"{core.__name__}.{name}")
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    for test in finder.find(module):
        runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)


def test_core_has_examples():
    """The modules documented with examples keep them (a deleted example would pass silently)."""
    counted = {}
    for name in MODULES:
        module = importlib.import_module(f"{core.__name__}.{name}")
        counted[name] = sum(len(t.examples) for t in doctest.DocTestFinder().find(module))
    assert counted["natural_breaks"] >= 3 and counted["zonal"] >= 4
    assert sum(counted.values()) >= 15, counted
