"""Output safety (issue #12, audit D1, D9, D11, D12): a run deletes only what it created, writes under a
temporary name and moves outputs into place when complete, refuses outputs that are inputs or that
cannot be written, and fails (keeping nothing) when a write did not reach the disk."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"


def _layers(path) -> list[str]:
    from osgeo import ogr

    ds = ogr.Open(str(path))
    try:
        return [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    finally:
        ds = None


def _count(path, layer=None) -> int:
    from osgeo import ogr

    ds = ogr.Open(str(path))
    try:
        lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
        return lyr.GetFeatureCount()
    finally:
        ds = None


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in Path(folder).iterdir() if ".mm-partial-" in p.name or "_mm_partial_" in p.name)


@pytest.fixture
def two_outputs(qgis_app):
    """A minimal MineMonitor algorithm with a vector, a raster and an HTML output that fails on demand
    after writing all three (so the base class's clean-up is what is tested)."""
    import numpy as np
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsProcessingException,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSink,
        QgsProcessingParameterFileDestination,
        QgsProcessingParameterRasterDestination,
    )

    from minemonitor_plugin import compat
    from minemonitor_plugin.algorithms.base import MineMonitorAlgorithm
    from minemonitor_plugin.core.errors import CancelledError
    from minemonitor_plugin.qgis_io import raster as rio
    from minemonitor_plugin.qgis_io import vector as vio

    class TwoOutputs(MineMonitorAlgorithm):
        ALG_ID = "testtwooutputs"
        GROUP_ID = "reporting"

        def displayName(self):
            return "Test outputs"

        def shortHelpString(self):
            return "Writes three outputs, then fails if asked."

        def initAlgorithm(self, config=None):
            self.addParameter(QgsProcessingParameterEnum("FAIL", "Fail", ["no", "error", "cancel", "bug"],
                                                         defaultValue=0))
            self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "Vector", compat.TYPE_VECTOR_POLYGON))
            self.addParameter(QgsProcessingParameterRasterDestination("RASTER", "Raster", optional=True))
            self.addParameter(QgsProcessingParameterFileDestination("HTML", "Page", "HTML files (*.html)",
                                                                    optional=True))

        def execute(self, parameters, context, feedback):
            import shapely

            crs = QgsCoordinateReferenceSystem("EPSG:3857")
            sink, dest = self.sink(parameters, "OUTPUT", context, vio.make_fields([("v", "int")]),
                                   compat.WKB_MULTIPOLYGON, crs)
            geoms = shapely.multipolygons([[shapely.box(i, 0, i + 1, 1)] for i in range(3)])
            vio.write_features(self, sink, parameters, "OUTPUT", feedback, [np.arange(3)], geoms)
            del sink
            results = {"OUTPUT": dest}
            raster = self.raster_destination(parameters, "RASTER", context)
            if raster:
                grid = rio.RasterGrid(4, 4, (0.0, 1.0, 0.0, 4.0, 0.0, -1.0), crs.toWkt())
                with rio.BlockWriter(raster, grid, "uint8", 255, background=False) as writer:
                    writer.write(rio.Window(0, 0, 4, 4), np.ones((4, 4), dtype=np.uint8))
                results["RASTER"] = raster
            page = self.output_file(parameters, "HTML", context)
            if page:
                Path(page).write_text("<p>new</p>", encoding="utf-8")
                results["HTML"] = page
            fail = self.parameterAsEnum(parameters, "FAIL", context)
            if fail == 1:
                raise QgsProcessingException("failing on purpose")
            if fail == 2:
                raise CancelledError()
            if fail == 3:
                raise ZeroDivisionError("a bug")
            return results

        def createInstance(self):
            return TwoOutputs()

    def run(params):
        import processing
        from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        alg = TwoOutputs()
        alg.initAlgorithm()
        return processing.run(alg, params, context=context, feedback=QgsProcessingFeedback())

    return run


@pytest.mark.parametrize("fail", [1, 2, 3], ids=["error", "cancel", "bug"])
def test_failed_run_drops_only_its_new_layer_from_an_existing_geopackage(two_outputs, tmp_path, fail):
    """D1: a new layer in the user's GeoPackage is dropped on failure; the file and its layers stay."""
    from qgis.core import QgsProcessingException

    user = tmp_path / "mydata.gpkg"
    shutil.copy(SAMPLE / "epochs_2021_2022.gpkg", user)
    before = {name: _count(user, name) for name in _layers(user)}
    page = tmp_path / "report.html"
    page.write_text("<p>the user's old report</p>", encoding="utf-8")
    with pytest.raises(QgsProcessingException):
        two_outputs({"FAIL": fail, "OUTPUT": f"ogr:dbname='{user}' table=\"stats\"", "RASTER": str(tmp_path / "r.tif"),
                     "HTML": str(page)})
    assert {name: _count(user, name) for name in _layers(user)} == before
    assert page.read_text(encoding="utf-8") == "<p>the user's old report</p>"
    assert not (tmp_path / "r.tif").exists()
    assert _leftovers(tmp_path) == []


def test_failed_run_keeps_a_file_it_would_have_replaced(two_outputs, tmp_path):
    from qgis.core import QgsProcessingException

    old = tmp_path / "out.gpkg"
    shutil.copy(SAMPLE / "nw4_admin.gpkg", old)
    size = old.stat().st_size
    with pytest.raises(QgsProcessingException, match="failing on purpose"):
        two_outputs({"FAIL": 1, "OUTPUT": str(old)})
    assert old.stat().st_size == size and "province" in _layers(old)
    assert _leftovers(tmp_path) == []


def test_successful_run_replaces_outputs_and_keeps_other_layers(two_outputs, tmp_path):
    """The layer is replaced in place, the other layers stay; a plain GeoPackage path gets QGIS's layer
    name; a raster's stale .aux.xml of the replaced file goes; nothing temporary is left."""
    user = tmp_path / "mydata.gpkg"
    shutil.copy(SAMPLE / "epochs_2021_2022.gpkg", user)
    first = two_outputs({"OUTPUT": f"ogr:dbname='{user}' table=\"footprints_2021\""})
    assert first["OUTPUT"] == f"{user}|layername=footprints_2021"
    assert sorted(_layers(user)) == ["footprints_2021", "footprints_2022", "layer_styles", "verification_2022"] or \
        sorted(_layers(user)) == ["footprints_2021", "footprints_2022", "verification_2022"]
    assert _count(user, "footprints_2021") == 3 and _count(user, "footprints_2022") == 419

    plain = tmp_path / "plain.gpkg"
    raster = tmp_path / "r.tif"
    raster.write_bytes(b"old")
    Path(str(raster) + ".aux.xml").write_text("<PAMDataset>stale</PAMDataset>")
    res = two_outputs({"OUTPUT": str(plain), "RASTER": str(raster), "HTML": str(tmp_path / "p.html")})
    assert res["OUTPUT"] == str(plain) and res["RASTER"] == str(raster) and res["HTML"] == str(tmp_path / "p.html")
    assert _layers(plain) == ["plain"] and _count(plain) == 3
    assert raster.stat().st_size > 100 and not Path(str(raster) + ".aux.xml").exists()
    assert (tmp_path / "p.html").read_text(encoding="utf-8") == "<p>new</p>"
    assert _leftovers(tmp_path) == []


def test_shapefile_output_keeps_no_partial_sidecars(two_outputs, tmp_path):
    """D12: a failed shapefile output leaves none of its .dbf/.shx/.prj/.cpg behind; a good one is whole."""
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException):
        two_outputs({"FAIL": 1, "OUTPUT": str(tmp_path / "out.shp")})
    assert list(tmp_path.iterdir()) == []
    two_outputs({"OUTPUT": str(tmp_path / "out.shp")})
    names = sorted(p.name for p in tmp_path.iterdir())
    assert {"out.shp", "out.shx", "out.dbf", "out.prj"} <= set(names) and _leftovers(tmp_path) == []


def test_outputs_are_checked_before_any_work(run_alg, tmp_path):
    """D9, D11: output = input, a missing folder, a table as shapefile: refused with the names, before
    the input is touched."""
    from qgis.core import QgsProcessingException

    raster = tmp_path / "x.tif"
    shutil.copy(SAMPLE / "etopo20_nw.tif", raster)
    size = raster.stat().st_size
    with pytest.raises(QgsProcessingException, match=r"OUTPUT .*would overwrite the input INPUT"):
        run_alg("minemonitor:gradefactor", {"INPUT": str(raster), "PRESET": 9, "OUTPUT": str(raster)})
    assert raster.stat().st_size == size

    gpkg = tmp_path / "data.gpkg"
    shutil.copy(SAMPLE / "epochs_2021_2022.gpkg", gpkg)
    with pytest.raises(QgsProcessingException, match="would overwrite the input"):
        run_alg("minemonitor:occupationtypes", {"INPUT": f"{gpkg}|layername=footprints_2022", "TYPE_FIELD": "type_code",
                                                "OUTPUT": f"ogr:dbname='{gpkg}' table=\"footprints_2022\"",
                                                "OUTPUT_SUMMARY": str(tmp_path / "s.gpkg")})
    assert _count(gpkg, "footprints_2022") == 419
    # another layer of the same GeoPackage is fine
    run_alg("minemonitor:occupationtypes", {"INPUT": f"{gpkg}|layername=footprints_2022", "TYPE_FIELD": "type_code",
                                            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"types\"",
                                            "OUTPUT_SUMMARY": str(tmp_path / "s.gpkg")})
    assert {"footprints_2021", "footprints_2022", "types"} <= set(_layers(gpkg))

    with pytest.raises(QgsProcessingException,
                       match=r"folder .*missing of output OUTPUT_SIZE_CLASSES .*does not exist"):
        run_alg("minemonitor:footprintstatistics", {
            "INPUT": f"{gpkg}|layername=footprints_2022", "OUTPUT": str(tmp_path / "st.gpkg"),
            "OUTPUT_SIZE_CLASSES": str(tmp_path / "missing" / "s.gpkg")})
    with pytest.raises(QgsProcessingException, match="a shapefile cannot hold"):
        run_alg("minemonitor:footprintstatistics", {
            "INPUT": f"{gpkg}|layername=footprints_2022", "OUTPUT": str(tmp_path / "st.shp"),
            "OUTPUT_SIZE_CLASSES": str(tmp_path / "s.gpkg")})
    assert not (tmp_path / "st.gpkg").exists() and _leftovers(tmp_path) == []


def _read_only_folder() -> str | None:
    for folder in ("/proc/sys", "/sys/fs/cgroup"):
        if os.path.isdir(folder) and not os.access(folder, os.W_OK):
            return folder
    return None


def test_read_only_output_folder_is_refused(run_alg):
    from qgis.core import QgsProcessingException

    folder = _read_only_folder()
    if folder is None:
        pytest.skip("no read-only folder on this machine (running as root on writable file systems)")
    with pytest.raises(QgsProcessingException, match="is not writable"):
        run_alg("minemonitor:gradefactor", {"INPUT": str(SAMPLE / "etopo20_nw.tif"), "PRESET": 9,
                                            "OUTPUT": f"{folder}/out.tif"})


def test_full_disk_fails_the_run_and_keeps_nothing(qgis_process_env, tmp_path):
    """A file-size limit (what a full disk looks like to the writer): the run fails with a message and
    no partial GeoPackage or GeoTIFF is left (the audit saw exit 0 and a truncated layer)."""
    from tests.support.qgis_session import QGIS_PROCESS_BIN

    vector = [QGIS_PROCESS_BIN, "run", "minemonitor:fishnetdensity", "--",
              f"INPUT={SAMPLE / 'maus_mining_cells.gpkg'}|layername=mining_cells", "CELL_SIZE=20000",
              f"OUTPUT={tmp_path / 'grid.gpkg'}"]
    raster = [QGIS_PROCESS_BIN, "run", "minemonitor:gradefactor", "--", f"INPUT={SAMPLE / 'lai_nw_2001_2020.tif'}",
              "PRESET=9", "COMPRESSION=3", f"OUTPUT={tmp_path / 'g.tif'}"]
    for args, limit_kb in ((vector, 2000), (raster, 1)):
        proc = subprocess.run(["bash", "-c", f'ulimit -f {limit_kb}; exec "$@"', "limited", *args],
                              env=qgis_process_env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 1, proc.stdout[-1500:]
        assert ("is incomplete" in proc.stdout + proc.stderr) or ("Could not write the raster" in
                                                                  proc.stdout + proc.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
