"""Test set-up shared by every tier: paths, data folders and markers.

Tiers (markers are set here from the fixtures and folders a test uses, so they cannot be forgotten):
- ``tests/core``: plain pytest on numpy/shapely, no QGIS, no build, no ``../shared``;
- ``tests/algorithms``, ``tests/plugin``, ``tests/desktop``: QGIS headless against the assembled plugin
  (``tests/support/qgis_session.py``);
- ``qgis_process``: tests that spawn the ``qgis_process`` binary; ``realdata``: tests that read
  ``../shared/data``; ``oracle``: tests that compare with esda, libpysal, mapclassify, geopandas, pandas
  or scikit-learn (the independent implementations the core is checked against, pinned in
  ``requirements/tests.txt``; ask for them as fixtures); ``desktop``: the real desktop under Xvfb;
  ``slow``: long runs.

A missing ``../shared/data`` or oracle skips its tests with the reason; under CI
(``MINEMONITOR_REQUIRE_SHARED=1``, ``MINEMONITOR_REQUIRE_ORACLES=1``, set by ``.ci/run``) it fails them.

``make test-fast`` deselects ``qgis_process``, ``realdata``, ``desktop`` and ``slow``.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property-based tests (hypothesis): a fixed, deterministic example budget for `make test` ("ci", the
# default), many more random examples for `make test-props` ("long"). HYPOTHESIS_PROFILE selects one.
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=40, derandomize=True, deadline=None, database=None,
                          suppress_health_check=_SLOW_OK, print_blob=True)
settings.register_profile("long", max_examples=600, deadline=None, suppress_health_check=_SLOW_OK,
                          print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

pytest_plugins = ["tests.support.qgis_session"]  # the QGIS tier; prepared only when a QGIS test is collected

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "data" / "sample"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def sample_data() -> Path:
    """``data/sample`` in the repository (always present)."""
    return SAMPLE_DATA


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` beside the repository (real public data).

    Without it the test is skipped with the reason, unless ``MINEMONITOR_REQUIRE_SHARED=1`` (CI),
    where a missing folder fails the run."""
    if not SHARED_DATA.is_dir():
        message = f"{SHARED_DATA} is missing: this test reads ../shared/data beside the repository"
        if os.environ.get("MINEMONITOR_REQUIRE_SHARED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return SHARED_DATA


#: The oracles: independent implementations the core is compared with in tests (never imported by the
#: plugin), fixture name -> module; pinned in requirements/tests.txt.
ORACLES = {"esda": "esda", "libpysal": "libpysal", "mapclassify": "mapclassify", "geopandas": "geopandas",
           "pandas": "pandas", "sklearn_metrics": "sklearn.metrics"}


def _import_oracle(name: str):
    """Import the oracle ``name``; skip (or fail under ``MINEMONITOR_REQUIRE_ORACLES=1``) when missing."""
    try:
        return importlib.import_module(name)
    except ImportError as err:
        message = (f"the test oracle {name} is not importable ({err}); it is pinned in requirements/tests.txt "
                   "(make setup installs it)")
        if os.environ.get("MINEMONITOR_REQUIRE_ORACLES") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def esda():
    """The esda package (oracle of core/spatial_stats.py)."""
    return _import_oracle(ORACLES["esda"])


@pytest.fixture(scope="session")
def libpysal():
    """The libpysal package (oracle of core/weights.py; also the source of its example files)."""
    return _import_oracle(ORACLES["libpysal"])


@pytest.fixture(scope="session")
def mapclassify():
    """The mapclassify package (oracle of core/natural_breaks.py)."""
    return _import_oracle(ORACLES["mapclassify"])


@pytest.fixture(scope="session")
def geopandas():
    """geopandas (oracle of the overlap tabulation: geopandas.overlay)."""
    return _import_oracle(ORACLES["geopandas"])


@pytest.fixture(scope="session")
def pandas():
    """pandas (oracle of the footprint statistics: groupby)."""
    return _import_oracle(ORACLES["pandas"])


@pytest.fixture(scope="session")
def sklearn_metrics():
    """scikit-learn's metrics (oracle of the accuracy assessment: Cohen's kappa)."""
    return _import_oracle(ORACLES["sklearn_metrics"])


_FIXTURE_MARKERS = {"qgis_process": "qgis_process", "qgis_process_env": "qgis_process", "shared_data": "realdata",
                    **dict.fromkeys(ORACLES, "oracle")}


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        for fixture, marker in _FIXTURE_MARKERS.items():
            if fixture in names:
                item.add_marker(marker)
        if "desktop" in Path(str(item.fspath)).parts:
            item.add_marker("desktop")
