"""The shipped models: they load with every child resolved and run through qgis_process on sample data."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
MODELS = ("miningspatialpattern", "footprintoverlap", "desertificationsensitivitymodel", "vegetationchange",
          "miningdynamics")


def test_models_listed_with_valid_children(provider, plugin_dir):
    from qgis.core import QgsProcessingModelAlgorithm

    files = sorted(p.stem for p in (plugin_dir / "resources" / "models").glob("*.model3"))
    assert files == sorted(MODELS)
    ids = {a.id() for a in provider.algorithms()}
    for name in MODELS:
        assert f"minemonitor:{name}" in ids
        model = QgsProcessingModelAlgorithm()  # as the graphical modeler opens the file
        assert model.fromFile(str(plugin_dir / "resources" / "models" / f"{name}.model3"))
        ok, issues = model.validate()
        assert ok, (name, issues)
        for child in model.childAlgorithms().values():
            assert child.algorithm() is not None and child.algorithmId().startswith("minemonitor:")


def report_images(path) -> int:
    return len(re.findall(r'src="data:image/png;base64,', Path(path).read_text(encoding="utf-8")))


def test_spatial_pattern_model_through_qgis_process(qgis_process, tmp_path):
    out = {k: tmp_path / f"{k}.gpkg" for k in ("density", "clusters", "hotspots")}
    result = qgis_process("minemonitor:miningspatialpattern", {
        "FOOTPRINTS": f"{SAMPLE}/maus_mining_cells.gpkg|layername=mining_cells",
        "STUDY_AREA": f"{SAMPLE}/nw4_admin.gpkg|layername=province", "CELL_SIZE": 100000,
        "WEIGHT_FIELD": "mining_area_km2", "GROUP_FIELD": "province_centroid", "PERMUTATIONS": 99,
        "fishnet:DENSITY": out["density"], "localmoran:CLUSTERS": out["clusters"],
        "hotspots:HOT_SPOTS": out["hotspots"], "report:REPORT": tmp_path / "report.html"})
    assert set(result["results"]) == {"fishnet:DENSITY", "localmoran:CLUSTERS", "hotspots:HOT_SPOTS", "report:REPORT"}
    for path in out.values():
        with sqlite3.connect(path) as db:  # every map carries its style
            assert db.execute("select count(*) from layer_styles where useAsDefault").fetchone()[0] == 1
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report_images(tmp_path / "report.html") == 3
    assert "Moran" in text and "Size classes" in text  # the global statistics and footprint reports embedded
    assert 'class="legend"' in text  # maps drawn with their stored styles


def test_overlap_model_through_qgis_process(qgis_process, tmp_path):
    qgis_process("minemonitor:footprintoverlap", {
        "FOOTPRINTS": f"{SAMPLE}/maus_mining_cells.gpkg|layername=mining_cells",
        "CLASSES": f"{SAMPLE}/ne_physical_regions.gpkg|layername=physical_regions", "CLASS_FIELD": "name",
        "ZONES": f"{SAMPLE}/nw4_admin.gpkg|layername=province", "ZONES_FIELD": "province",
        "overlap:TABLE": tmp_path / "table.gpkg", "report:REPORT": tmp_path / "report.html"})
    with sqlite3.connect(tmp_path / "table.gpkg") as db:
        name = db.execute("select table_name from gpkg_contents").fetchone()[0]
        zones = {r[0] for r in db.execute(f'select zone from "{name}"')}
    # Maus cells outside the four provinces are reported as such, so the rows reconcile
    assert zones == {"Gansu", "Qinghai", "Ningxia", "Xinjiang", "(outside every zone)"}
    assert report_images(tmp_path / "report.html") == 1


def test_vegetation_then_desertification_models_through_qgis_process(qgis_process, tmp_path):
    """The vegetation model's mean and trend rasters feed the desertification model as factors."""
    from osgeo import gdal

    tmp = tmp_path
    qgis_process("minemonitor:vegetationchange", {
        "STACK": SAMPLE / "lai_nw_2001_2020.tif", "FOOTPRINTS": f"{SAMPLE}/maus_mining_cells.gpkg|layername=mining_cells",
        "BUFFERS": "0-20000", "ZONES": f"{SAMPLE}/nw4_admin.gpkg|layername=province", "ZONE_FIELD": "province",
        "trend:SLOPE": tmp / "slope.tif", "trend:TREND_CLASS": tmp / "class.tif", "trend:MEAN": tmp / "mean.tif",
        "series:SERIES": tmp / "series.gpkg", "report:REPORT": tmp / "report.html"})
    assert (tmp / "class.qml").exists() and (tmp / "slope.qml").exists()  # styled rasters
    with sqlite3.connect(tmp / "series.gpkg") as db:
        name = db.execute("select table_name from gpkg_contents").fetchone()[0]
        years = db.execute(f'select min(year), max(year), count(distinct zone) from "{name}"').fetchone()
    assert years[:2] == (2001, 2020) and years[2] >= 6  # footprints, one ring, four provinces
    assert report_images(tmp / "report.html") == 2

    dem_slope = tmp / "dem_slope.tif"
    gdal.DEMProcessing(str(dem_slope), str(SAMPLE / "etopo20_nw.tif"), "slope", scale=111120)
    qgis_process("minemonitor:desertificationsensitivitymodel", {
        "SLOPE": dem_slope, "NDVI_MEAN": tmp / "mean.tif", "NDVI_TREND": tmp / "slope.tif",
        "FOOTPRINTS": f"{SAMPLE}/maus_mining_cells.gpkg|layername=mining_cells", "CLASS_METHOD": 1,
        "BREAKS": "5,7,9", "sensitivity:SCORE": tmp / "score.tif", "sensitivity:CLASSES": tmp / "classes.tif",
        "zonal:CLASS_AREA": tmp / "area.gpkg", "report:REPORT": tmp / "sensitivity.html"})
    assert (tmp / "classes.qml").exists()
    with sqlite3.connect(tmp / "area.gpkg") as db:
        name = db.execute("select table_name from gpkg_contents").fetchone()[0]
        rows = db.execute(f'select class, share_pct from "{name}" where level = \'total\'').fetchall()
    assert rows and {r[0] for r in rows} <= {1, 2, 3, 4}
    assert sum(r[1] for r in rows) == pytest.approx(100.0, abs=1e-6)


def test_mining_dynamics_model_through_qgis_process(qgis_process, tmp_path):
    """The quarterly sample: one density per epoch, trends, emerging hot spots at the planted clusters, one report."""
    from tests.algorithms.test_epoch_algorithms import _category_at_planted_points

    quarters = SAMPLE / "quarters_2021_2023.gpkg"
    out = {k: tmp_path / f"{k}.gpkg" for k in ("density", "wide", "totals", "trend", "emerging")}
    result = qgis_process("minemonitor:miningdynamics", {
        "FOOTPRINTS": f"{quarters}|layername=footprints", "EPOCH_FIELD": "quarter",
        "STUDY_AREA": f"{quarters}|layername=study_area", "ZONES": f"{quarters}|layername=counties",
        "ZONE_FIELD": "name_zh", "CELL_SIZE": 5000, "TIME_STEPS": 1, "PERMUTATIONS": 0,
        "epochs:DENSITY": out["density"], "epochs:DENSITY_WIDE": out["wide"], "epochs:TOTALS": out["totals"],
        "trend:TREND": out["trend"], "emerging:EMERGING": out["emerging"], "report:REPORT": tmp_path / "report.html"})
    assert len(result["results"]) == 6
    for name in ("density", "wide", "trend", "emerging"):
        with sqlite3.connect(out[name]) as db:  # every map carries its style
            assert db.execute("select count(*) from layer_styles where useAsDefault").fetchone()[0] == 1
    found = _category_at_planted_points(out["emerging"])
    assert {k: v[0] for k, v in found.items()} == {k: v[1] for k, v in found.items()}
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report_images(tmp_path / "report.html") == 3  # category, trend and last-epoch density maps
    assert "Density per epoch" in text and "Mining area per zone and epoch" in text  # the embedded sections
    assert "Fastest-growing cells" in text and "Emerging hot and cold spots" in text
