"""The QGIS tier of the tests: the assembled plugin, QGIS headless, ``qgis_process``.

A pytest plugin (``pytest_plugins`` of tests/conftest.py). Nothing happens on import: the first time
a test file outside tests/core is collected, :func:`prepare` builds the plugin, so
``pytest tests/core`` needs neither QGIS nor a build.

- :func:`prepare` builds the plugin (``make build``) into a session folder, which goes first on
  sys.path, so tests import the assembled plugin (with its compiled .qm and resources), not the
  source tree.
- ``qgis_app`` (session) starts QGIS headless once, initialises Processing and loads the provider
  through the real entry point: ``classFactory(None).initProcessing()``.
- ``qgis_process`` runs the ``qgis_process`` binary as a subprocess against the same assembled
  plugin, enabled in a session-private QGIS profile.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QGIS_PROCESS_BIN = "/usr/bin/qgis_process.bin"
PLUGIN_NAME = "minemonitor_plugin"


def _purge_source_tree_modules() -> None:
    """Forget ``minemonitor_plugin`` modules imported from the source tree (by tests/core collected
    earlier in the same session): from here on the assembled copy is imported."""
    for name in [m for m in sys.modules if m == PLUGIN_NAME or m.startswith(PLUGIN_NAME + ".")]:
        del sys.modules[name]


BUILD_ROOT = Path(os.environ.get("MINEMONITOR_TEST_BUILD", ROOT / "build" / f"test-plugin-{os.getpid()}"))
CONFIG_DIR = BUILD_ROOT / "qgis-config"
_prepared = False


def prepare() -> None:
    """Build the plugin into BUILD_ROOT, put it first on sys.path and set the QGIS environment (once)."""
    global _prepared
    if _prepared:
        return
    _prepared = True
    subprocess.run(["make", "-s", "-C", str(ROOT), "build", f"BUILD_DIR={BUILD_ROOT}"], check=True)
    sys.path.insert(0, str(BUILD_ROOT))
    _purge_source_tree_modules()
    os.environ["QGIS_PLUGINPATH"] = str(BUILD_ROOT)
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(CONFIG_DIR)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
    site = [p for p in sys.path if p.endswith("site-packages") and str(ROOT / ".venv") in p]
    if site:  # qgis_process's embedded Python must see the venv's packages (shapely 2...)
        os.environ["PYTHONPATH"] = os.pathsep.join([*site, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    atexit.register(_remove_build)


def _remove_build() -> None:
    if "MINEMONITOR_TEST_BUILD" not in os.environ:
        shutil.rmtree(BUILD_ROOT, ignore_errors=True)


def pytest_collect_file(file_path, parent):
    """Prepare the QGIS tier before the first test module outside tests/core is imported."""
    parts = Path(file_path).relative_to(ROOT).parts if Path(file_path).is_relative_to(ROOT) else ()
    if (len(parts) > 2 and parts[0] == "tests" and parts[1] not in ("core", "support")
            and file_path.suffix == ".py"):
        prepare()


@pytest.fixture(scope="session")
def plugin_dir() -> Path:
    """The assembled plugin folder the tests run against."""
    prepare()
    return BUILD_ROOT / PLUGIN_NAME


@pytest.fixture(scope="session")
def qgis_app():
    """QGIS started headless once, Processing initialised, the plugin loaded via classFactory."""
    prepare()
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import minemonitor_plugin

    plugin = minemonitor_plugin.classFactory(None)
    plugin.initProcessing()
    app._minemonitor_plugin = plugin  # keep the plugin (and its provider) alive
    yield app
    plugin.unload()


@pytest.fixture(scope="session")
def provider(qgis_app):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().providerById("minemonitor")


@pytest.fixture
def run_alg(qgis_app):
    """``processing.run`` with a fresh context and a feedback that records the log."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    class RecordingFeedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.messages = []

        def pushInfo(self, info):
            self.messages.append(info)
            super().pushInfo(info)

        def pushWarning(self, warning):
            self.messages.append(warning)
            super().pushWarning(warning)

        def reportError(self, error, fatalError=False):
            self.messages.append(error)
            super().reportError(error, fatalError)

        def log(self):
            return "\n".join(self.messages)

    def run(alg_id, params, feedback=None, context=None):
        feedback = feedback or RecordingFeedback()
        context = context or QgsProcessingContext()
        context.setProject(QgsProject.instance())
        results = processing.run(alg_id, params, feedback=feedback, context=context)
        results["_feedback"] = feedback
        results["_context"] = context
        return results

    return run


@pytest.fixture(scope="session")
def qgis_process_env(qgis_app):
    """Environment for the qgis_process subprocess with the plugin enabled in the test profile."""
    env = dict(os.environ)
    enable = subprocess.run(
        [QGIS_PROCESS_BIN, "plugins", "enable", PLUGIN_NAME], env=env, capture_output=True, text=True, timeout=300
    )
    assert enable.returncode == 0, enable.stdout + enable.stderr
    return env


@pytest.fixture
def qgis_process(qgis_process_env):
    """Run ``qgis_process --json run <alg> -- KEY=VALUE...``; returns the parsed JSON."""

    def run(alg_id, params: dict, timeout: int = 600, expect_ok: bool = True):
        args = [QGIS_PROCESS_BIN, "--json", "run", alg_id, "--"]
        for key, value in params.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            args += [f"{key}={v}" for v in values]
        proc = subprocess.run(args, env=qgis_process_env, capture_output=True, text=True, timeout=timeout)
        if expect_ok:
            assert proc.returncode == 0, f"qgis_process failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
            start = proc.stdout.find("{")
            return json.loads(proc.stdout[start:])
        return proc

    return run


@pytest.fixture(scope="session")
def make_layer():
    """Write a small GeoPackage layer: ``make_layer(path, wkts, crs="EPSG:...", fields={name: values})``.

    Field types follow the Python values (int, float, str); None values are NULL; a None WKT is a
    NULL geometry; ``options`` are OGR layer creation options (e.g. ``["SPATIAL_INDEX=NO"]``).
    Returns the ``path|layername=...`` source string.
    """
    from osgeo import ogr, osr

    ogr.UseExceptions()

    def make(path, wkts, crs="EPSG:3857", fields=None, layer="layer", geom_type=None, options=()):
        fields = fields or {}
        driver = ogr.GetDriverByName("GPKG")
        ds = driver.Open(str(path), 1) if Path(path).exists() else driver.CreateDataSource(str(path))
        srs = osr.SpatialReference()
        srs.SetFromUserInput(crs)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        first = next((w for w in wkts if w), None)
        if geom_type is None:
            geom_type = ogr.CreateGeometryFromWkt(first).GetGeometryType() if first else ogr.wkbPolygon
            if geom_type in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
                geom_type = ogr.wkbMultiPolygon
        lyr = ds.CreateLayer(layer, srs, geom_type, options=list(options))
        kinds = {}
        for name, values in fields.items():
            sample = next((v for v in values if v is not None), "")
            kind = ogr.OFTInteger64 if isinstance(sample, int) else ogr.OFTReal if isinstance(sample,
                                                                                              float) else ogr.OFTString
            kinds[name] = kind
            lyr.CreateField(ogr.FieldDefn(name, kind))
        for i, wkt in enumerate(wkts):
            feature = ogr.Feature(lyr.GetLayerDefn())
            for name, values in fields.items():
                if values[i] is None:
                    feature.SetFieldNull(name)
                else:
                    feature.SetField(name, values[i])
            if wkt:
                geom = ogr.CreateGeometryFromWkt(wkt)
                if geom_type == ogr.wkbMultiPolygon and geom.GetGeometryType() == ogr.wkbPolygon:
                    geom = ogr.ForceToMultiPolygon(geom)
                feature.SetGeometryDirectly(geom)
            lyr.CreateFeature(feature)
        ds = None
        return f"{path}|layername={layer}"

    return make
