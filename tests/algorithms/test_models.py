"""The shipped models: they load with every child resolved and run through qgis_process on sample data."""

from __future__ import annotations

import re
import sqlite3
import subprocess
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


def _boxes(model):
    """Scene rectangles of every input, child algorithm and output box of a model."""
    from qgis.PyQt.QtCore import QRectF

    def rect(component):
        pos, size = component.position(), component.size()
        return QRectF(pos.x() - size.width() / 2, pos.y() - size.height() / 2, size.width(), size.height())

    boxes = [(f"input {n}", rect(p)) for n, p in model.parameterComponents().items()]
    for child_id, child in model.childAlgorithms().items():
        boxes.append((f"child {child_id}", rect(child)))
        boxes += [(f"output {child_id}:{n}", rect(o)) for n, o in child.modelOutputs().items()]
    return boxes


def test_models_read_in_order_with_help_and_no_overlapping_boxes(provider, plugin_dir):
    """Dialog order: footprints first; every input has help; in the modeler no box covers another and
    the inputs stand in columns; outputs have titles; the spatial pattern model exposes weights and
    mine id (queen by default) and the class-share tables."""
    from qgis.core import QgsApplication

    for name in MODELS:
        model = QgsApplication.processingRegistry().createAlgorithmById(f"minemonitor:{name}")
        order = [p.parameterName() for p in model.orderedParameters()]
        assert order[0] == "FOOTPRINTS", (name, order)
        inputs = [p for p in model.parameterDefinitions() if not p.isDestination()]
        assert [p.name() for p in inputs] == [n for n in order if n in {p.name() for p in inputs}]
        for param in inputs:
            assert param.help().strip() and param.description()[0].isupper(), (name, param.name())
            assert "_" not in param.description(), (name, param.description())  # "NDVI mean", not "Ndvi_mean"
        boxes = _boxes(model)
        for i, (a, ra) in enumerate(boxes):
            for b, rb in boxes[i + 1:]:
                assert not ra.intersects(rb), (name, a, b)
        xs = [round(r.center().x()) for label, r in boxes if label.startswith("input")]
        columns = {x: xs.count(x) for x in xs}
        assert len(columns) <= 3 and max(columns.values()) <= 9, (name, columns)  # columns, not one long row
        for output in model.outputDefinitions():
            assert output.description() and not output.description().isupper(), (name, output.name())
        assert model.shortHelpString() and model.shortDescription().endswith(".")
    pattern = QgsApplication.processingRegistry().createAlgorithmById("minemonitor:miningspatialpattern")
    weights = pattern.parameterDefinition("WEIGHTS")
    assert weights.defaultValue() == 0 and weights.options()[0] == "Queen contiguity"
    assert "Fixed distance band" in weights.options()
    assert pattern.parameterDefinition("MINE_ID_FIELD") is not None
    names = {o.name() for o in pattern.outputDefinitions()}
    assert {"localmoran:LISA_SUMMARY", "hotspots:HOT_SPOT_SUMMARY", "report:REPORT_PDF"} <= names


def test_models_speak_chinese_in_a_chinese_qgis(provider):
    from qgis.core import QgsApplication

    from minemonitor_plugin.i18n import install_translator, remove_translator

    assert install_translator("zh-Hans")
    try:
        model = QgsApplication.processingRegistry().createAlgorithmById("minemonitor:miningspatialpattern")
        assert model.displayName() == "采矿空间格局"
        assert model.parameterDefinition("FOOTPRINTS").description() == "矿区范围"
        assert "图斑" in model.parameterDefinition("FOOTPRINTS").help()
        assert re.search(r"[\u4e00-\u9fff]", model.parameterDefinition("WEIGHTS").options()[0])
        assert model.shortDescription().endswith("。") and not model.shortDescription().endswith("。.")
        assert {o.description() for o in model.outputDefinitions()} >= {"LISA 类别占比", "报告（PDF）"}
    finally:
        remove_translator()


def report_images(path) -> int:
    return len(re.findall(r'src="data:image/png;base64,', Path(path).read_text(encoding="utf-8")))


def test_spatial_pattern_model_through_qgis_process(qgis_process, tmp_path):
    out = {k: tmp_path / f"{k}.gpkg" for k in ("density", "clusters", "hotspots", "lisa_shares", "hot_shares")}
    result = qgis_process("minemonitor:miningspatialpattern", {
        "FOOTPRINTS": f"{SAMPLE}/maus_mining_cells.gpkg|layername=mining_cells",
        "STUDY_AREA": f"{SAMPLE}/nw4_admin.gpkg|layername=province", "CELL_SIZE": 100000,
        "WEIGHT_FIELD": "mining_area_km2", "GROUP_FIELD": "province_centroid", "PERMUTATIONS": 99,
        "fishnet:DENSITY": out["density"], "localmoran:CLUSTERS": out["clusters"],
        "hotspots:HOT_SPOTS": out["hotspots"], "localmoran:LISA_SUMMARY": out["lisa_shares"],
        "hotspots:HOT_SPOT_SUMMARY": out["hot_shares"], "report:REPORT": tmp_path / "report.html",
        "report:REPORT_PDF": tmp_path / "report.pdf"})
    assert set(result["results"]) == {"fishnet:DENSITY", "localmoran:CLUSTERS", "hotspots:HOT_SPOTS",
                                      "localmoran:LISA_SUMMARY", "hotspots:HOT_SPOT_SUMMARY", "report:REPORT",
                                      "report:REPORT_PDF"}
    for key in ("density", "clusters", "hotspots"):
        with sqlite3.connect(out[key]) as db:  # every map carries its style
            assert db.execute("select count(*) from layer_styles where useAsDefault").fetchone()[0] == 1
            srs = db.execute("select srs_name from gpkg_spatial_ref_sys where srs_id > 0 and srs_id != 4326")
            assert srs.fetchone()[0].startswith("MineMonitor Albers equal-area (lon0 ")  # not "unknown"
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report_images(tmp_path / "report.html") == 4  # density, clusters, their significance, hot spots
    assert "Moran" in text and "Size classes" in text  # the global statistics and footprint reports embedded
    assert "Reference distribution" in text and "Hot and cold spots" in text and "Clusters and outliers" in text
    pdf = subprocess.run(["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout.replace("\ufb01", "fi")  # the "fi" ligature
    # the class shares of the model's tables are the report's (LISA and Gi*), in the PDF as in the outputs
    for path, heading in ((out["lisa_shares"], "Clusters and outliers\n"), (out["hot_shares"], "Hot and cold spots\n")):
        with sqlite3.connect(path) as db:
            table = db.execute("select table_name from gpkg_contents").fetchone()[0]
            rows = db.execute(f'select label, features, area_pct from "{table}"').fetchall()
        start = pdf.rindex(heading)
        section = pdf[start:pdf.index("Settings", start)]
        for label, features, area_pct in rows:
            line = next(ln for ln in section.splitlines() if ln.strip().startswith(label))
            numbers = re.findall(r"-?\d+(?:\.\d+)?", line[line.index(label) + len(label):])
            assert int(numbers[0]) == features and float(numbers[3]) == pytest.approx(area_pct, abs=0.005), label


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
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    for word in ("NoGeometry", "PROJCRS", "wkt:"):  # temporary tables are named, never described by their URI
        assert word not in html, word


def test_vegetation_then_desertification_models_through_qgis_process(qgis_process, tmp_path):
    """The vegetation model's mean and trend rasters feed the desertification model as factors."""
    from osgeo import gdal

    tmp = tmp_path
    qgis_process("minemonitor:vegetationchange", {
        "STACK": SAMPLE / "lai_nw_2001_2020.tif",
        "FOOTPRINTS": f"{SAMPLE}/maus_mining_cells.gpkg|layername=mining_cells",
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
        "STUDY_AREA": f"{SAMPLE}/nw4_admin.gpkg|layername=province",
        "BREAKS": "5,7,9", "sensitivity:SCORE": tmp / "score.tif", "sensitivity:CLASSES": tmp / "classes.tif",
        "sensitivity:CLASS_TABLE": tmp / "breaks.gpkg", "sensitivity:FACTOR_TABLE": tmp / "factors.gpkg",
        "zonal:CLASS_AREA": tmp / "area.gpkg", "report:REPORT": tmp / "sensitivity.html",
        "report:REPORT_PDF": tmp / "sensitivity.pdf"})
    assert (tmp / "classes.qml").exists()
    with sqlite3.connect(tmp / "breaks.gpkg") as db:
        table = db.execute("select table_name from gpkg_contents").fetchone()[0]
        upper = [r[0] for r in db.execute(f'select score_to from "{table}" order by class')]
    assert upper[:3] == [5.0, 7.0, 9.0]  # the breaks used
    with sqlite3.connect(tmp / "factors.gpkg") as db:
        table = db.execute("select table_name from gpkg_contents").fetchone()[0]
        factors = {r[0] for r in db.execute(f'select parameter from "{table}"')}
        warned = {r[0] for r in db.execute(f'select parameter from "{table}" where warning != ""')}
    assert factors == {"SLOPE", "NDVI_MEAN", "NDVI_TREND"}
    assert "NDVI_TREND" in warned  # the LAI slopes never reach Table 6's per-year trend grades 3-4
    pdf = subprocess.run(["pdftotext", str(tmp / "sensitivity.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Class breaks used (user breaks): 5, 7, 9" in pdf and "Factor diagnostics" in pdf
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
        "trend:TREND": out["trend"], "emerging:EMERGING": out["emerging"], "report:REPORT": tmp_path / "report.html",
        "report:REPORT_PDF": tmp_path / "report.pdf"})
    assert len(result["results"]) == 7 and (tmp_path / "report.pdf").stat().st_size > 10000
    for name in ("density", "wide", "trend", "emerging"):
        with sqlite3.connect(out[name]) as db:  # every map carries its style
            assert db.execute("select count(*) from layer_styles where useAsDefault").fetchone()[0] == 1
    found = _category_at_planted_points(out["emerging"])
    assert {k: v[0] for k, v in found.items()} == {k: v[1] for k, v in found.items()}
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report_images(tmp_path / "report.html") == 3  # category, trend and last-epoch density maps
    assert "Density per epoch" in text and "Mining area per zone and epoch" in text  # the embedded sections
    assert "Fastest-growing cells" in text and "Emerging hot and cold spots" in text
