"""The bad-input matrix (issue #12): every algorithm and shipped model through ``qgis_process`` against
the classes of bad input of the reliability audit (wrong geometry type, empty, NULL and invalid
geometries, missing CRS, curved, zero/NaN/huge parameters, missing and text fields, misaligned,
NoData-only and oversized rasters, output problems). Each case expects either a clear message
(exit 1, no traceback, nothing written, an existing file at the output path intact) or a correct
result (exit 0, the output present).

The runs are independent processes: they run two at a time in a module fixture, and every case is
one test that checks its own run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support import bad_inputs
from tests.support.qgis_session import QGIS_PROCESS_BIN

OK = None  # expected message of a legal input: the run succeeds
MODEL = "minemonitor:"

# (case id, algorithm, parameters, expected message regex or OK, outputs that must exist on success)
# "{name}" is a bad input of tests/support/bad_inputs.py, "{out}" the case's own output folder.
CASES = [
    # ---------------------------------------------------------------- fishnetdensity
    ("fishnet-nocrs", "fishnetdensity", {"INPUT": "{nocrs}", "OUTPUT": "{out}/o.gpkg"},
     r"Layer nocrs has no coordinate reference system", ()),
    ("fishnet-nullgeom", "fishnetdensity", {"INPUT": "{nullgeom}", "OUTPUT": "{out}/o.gpkg"},
     r"Layer nullgeom has no usable geometry", ()),
    ("fishnet-empty", "fishnetdensity", {"INPUT": "{empty}", "OUTPUT": "{out}/o.gpkg"},
     r"Layer empty has no features", ()),
    ("fishnet-curved", "fishnetdensity", {"INPUT": "{curved}", "CELL_SIZE": "50000", "OUTPUT": "{out}/o.gpkg"},
     OK, ("o.gpkg",)),
    ("fishnet-invalid", "fishnetdensity", {"INPUT": "{invalid}", "CELL_SIZE": "10000", "OUTPUT": "{out}/o.gpkg"},
     OK, ("o.gpkg",)),
    ("fishnet-points", "fishnetdensity", {"INPUT": "{points}", "OUTPUT": "{out}/o.gpkg"},
     r"(not a polygon layer|[Ii]ncorrect parameter value for INPUT)", ()),
    ("fishnet-cell-nan", "fishnetdensity", {"INPUT": "{cells}", "CELL_SIZE": "nan", "OUTPUT": "{out}/o.gpkg"},
     r"CELL_SIZE .*must be a finite number", ()),
    ("fishnet-cell-zero", "fishnetdensity", {"INPUT": "{cells}", "CELL_SIZE": "0", "OUTPUT": "{out}/o.gpkg"},
     r"(cell size must be greater than 0|[Ii]ncorrect parameter value for CELL_SIZE)", ()),
    ("fishnet-cell-tiny", "fishnetdensity", {"INPUT": "{cells}", "CELL_SIZE": "1", "OUTPUT": "{out}/o.gpkg"},
     r"(cells|memory)", ()),
    ("fishnet-grid-crs", "fishnetdensity", {"INPUT": "{cells}", "GRID_CRS": "EPSG:999999", "OUTPUT": "{out}/o.gpkg"},
     r"(is not a valid coordinate reference system|[Ii]ncorrect parameter value for GRID_CRS)", ()),
    ("fishnet-weight-text", "fishnetdensity", {"INPUT": "{text_values}", "WEIGHT_FIELD": "code_text",
                                               "OUTPUT": "{out}/o.gpkg"},
     r"(non-numeric value|[Ii]ncorrect parameter value for WEIGHT_FIELD)", ()),
    ("fishnet-field-missing", "fishnetdensity", {"INPUT": "{cells}", "WEIGHT_FIELD": "nosuch",
                                                 "OUTPUT": "{out}/o.gpkg"},
     r"Field nosuch \(parameter WEIGHT_FIELD\) does not exist in layer", ()),
    ("fishnet-out-folder", "fishnetdensity", {"INPUT": "{cells}", "OUTPUT": "{out}/missing/o.gpkg"},
     r"folder .* of output OUTPUT .*does not exist", ()),
    ("fishnet-out-is-in", "fishnetdensity", {"INPUT": "{out}/data.gpkg|layername=footprints_2022",
                                             "OUTPUT": "ogr:dbname='{out}/data.gpkg' table=\"footprints_2022\""},
     r"would overwrite the input INPUT", ()),
    # ---------------------------------------------------------------- footprintstatistics
    ("stats-nocrs", "footprintstatistics", {"INPUT": "{nocrs}", "OUTPUT": "{out}/s.gpkg",
                                            "OUTPUT_SIZE_CLASSES": "{out}/c.gpkg"},
     r"has no coordinate reference system", ()),
    ("stats-curved", "footprintstatistics", {"INPUT": "{curved}", "OUTPUT": "{out}/s.gpkg",
                                             "OUTPUT_SIZE_CLASSES": "{out}/c.gpkg"}, OK, ("s.gpkg", "c.gpkg")),
    ("stats-nullgeom", "footprintstatistics", {"INPUT": "{nullgeom}", "OUTPUT": "{out}/s.gpkg",
                                               "OUTPUT_SIZE_CLASSES": "{out}/c.gpkg"},
     r"has no usable geometry", ()),
    ("stats-group-missing", "footprintstatistics", {"INPUT": "{footprints}", "GROUP_FIELDS": "nosuch",
                                                    "OUTPUT": "{out}/s.gpkg", "OUTPUT_SIZE_CLASSES": "{out}/c.gpkg"},
     r"Field nosuch \(parameter GROUP_FIELDS\) does not exist", ()),
    ("stats-table-shp", "footprintstatistics", {"INPUT": "{footprints}", "OUTPUT": "{out}/s.shp",
                                                "OUTPUT_SIZE_CLASSES": "{out}/c.gpkg"},
     r"a shapefile cannot hold", ()),
    ("stats-into-user-gpkg", "footprintstatistics", {"INPUT": "{footprints}",
                                                     "OUTPUT": "ogr:dbname='{out}/data.gpkg' table=\"stats\"",
                                                     "OUTPUT_SIZE_CLASSES": "ogr:dbname='{out}/data.gpkg' table=\"c\""},
     OK, ("data.gpkg",)),
    ("stats-second-output-fails", "footprintstatistics", {
        "INPUT": "{footprints}", "OUTPUT": "ogr:dbname='{out}/data.gpkg' table=\"stats\"",
        "OUTPUT_SIZE_CLASSES": "{out}/c.gpkg", "OUTPUT_HTML": "{out}/no/such/dir/r.html"},
     r"folder .* of output OUTPUT_HTML .*does not exist", ()),
    # ---------------------------------------------------------------- footprintchange
    ("change-nocrs", "footprintchange", {"EARLIER": "{nocrs}", "LATER": "{footprints}", "OUTPUT": "{out}/c.gpkg",
                                         "OUTPUT_SUMMARY": "{out}/s.gpkg"},
     r"has no coordinate reference system", ()),
    ("change-curved", "footprintchange", {"EARLIER": "{footprints_2021}", "LATER": "{curved}",
                                          "OUTPUT": "{out}/c.gpkg", "OUTPUT_SUMMARY": "{out}/s.gpkg"},
     OK, ("c.gpkg", "s.gpkg")),
    ("change-reprojected", "footprintchange", {"EARLIER": "{footprints_2021}", "LATER": "{reprojected}",
                                               "OUTPUT": "{out}/c.gpkg", "OUTPUT_SUMMARY": "{out}/s.gpkg"},
     OK, ("c.gpkg", "s.gpkg")),
    ("change-empty-later", "footprintchange", {"EARLIER": "{footprints_2021}", "LATER": "{empty}",
                                               "OUTPUT": "{out}/c.gpkg", "OUTPUT_SUMMARY": "{out}/s.gpkg"},
     r"(Layer empty has no|no footprint|empty)", ()),
    # ---------------------------------------------------------------- occupationtypes
    ("types-field-missing", "occupationtypes", {"INPUT": "{footprints}", "TYPE_FIELD": "nosuch",
                                                "OUTPUT": "{out}/t.gpkg", "OUTPUT_SUMMARY": "{out}/s.gpkg"},
     r"Field nosuch \(parameter TYPE_FIELD\) does not exist", ()),
    ("types-nocrs", "occupationtypes", {"INPUT": "{nocrs}", "TYPE_FIELD": "type_code", "OUTPUT": "{out}/t.gpkg",
                                        "OUTPUT_SUMMARY": "{out}/s.gpkg"},
     r"has no coordinate reference system", ()),
    # ---------------------------------------------------------------- accuracyassessment
    ("accuracy-empty", "accuracyassessment", {"VERIFICATION": "{empty}", "OBSERVED_FIELD": "type_code",
                                              "FOOTPRINTS": "{footprints}", "MAPPED_FIELD": "type_code",
                                              "OUTPUT_MATRIX": "{out}/m.gpkg", "OUTPUT_CLASSES": "{out}/c.gpkg"},
     r"Layer empty has no feature", ()),
    ("accuracy-nocrs", "accuracyassessment", {"VERIFICATION": "{verification}", "OBSERVED_FIELD": "observed",
                                              "FOOTPRINTS": "{nocrs}", "MAPPED_FIELD": "type_code",
                                              "OUTPUT_MATRIX": "{out}/m.gpkg", "OUTPUT_CLASSES": "{out}/c.gpkg"},
     r"has no coordinate reference system", ()),
    # ---------------------------------------------------------------- overlaptabulation
    ("overlap-case-classes", "overlaptabulation", {"INPUT": "{cells}", "OVERLAY": "{case_classes}",
                                                   "CLASS_FIELD": "cls", "OUTPUT": "{out}/t.gpkg",
                                                   "OUTPUT_PIVOT": "{out}/p.gpkg"}, OK, ("t.gpkg", "p.gpkg")),
    ("overlap-class-missing", "overlaptabulation", {"INPUT": "{cells}", "OVERLAY": "{regions}",
                                                    "CLASS_FIELD": "nosuch", "OUTPUT": "{out}/t.gpkg"},
     r"Field nosuch \(parameter CLASS_FIELD\) does not exist", ()),
    ("overlap-nocrs", "overlaptabulation", {"INPUT": "{footprints}", "OVERLAY": "{nocrs}",
                                            "CLASS_FIELD": "type_code", "OUTPUT": "{out}/t.gpkg"},
     r"has no coordinate reference system", ()),
    # ---------------------------------------------------------------- statistics
    ("moran-field-missing", "globalautocorrelation", {"INPUT": "{provinces}", "FIELD": "nosuch",
                                                      "OUTPUT_REPORT": "{out}/g.html"},
     r"Field nosuch \(parameter FIELD\) does not exist in layer", ()),
    ("moran-distance-huge", "globalautocorrelation", {"INPUT": "{cells}", "FIELD": "mining_area_km2",
                                                      "WEIGHTS": "2", "DISTANCE": "1e9",
                                                      "OUTPUT_REPORT": "{out}/g.html"},
     r"neighbour pairs.*K nearest neighbours", ()),
    ("moran-text-field", "globalautocorrelation", {"INPUT": "{text_values}", "FIELD": "code_text",
                                                   "OUTPUT_REPORT": "{out}/g.html"},
     r"(non-numeric value|[Ii]ncorrect parameter value for FIELD)", ()),
    ("moran-constant", "globalautocorrelation", {"INPUT": "{text_values}", "FIELD": "constant",
                                                 "OUTPUT_REPORT": "{out}/g.html"},
     r"(All values are equal|at least)", ()),
    ("moran-gwt-negative", "globalautocorrelation", {"INPUT": "{provinces}", "FIELD": "adcode",
                                                     "WEIGHTS_FILE": "{negative_gwt}", "ID_FIELD": "adcode",
                                                     "OUTPUT_REPORT": "{out}/g.html"},
     r"(non-negative|non-numeric|weight)", ()),
    ("hotspots-nocrs", "hotspots", {"INPUT": "{nocrs}", "FIELD": "area_km2", "OUTPUT": "{out}/h.gpkg"},
     r"has no coordinate reference system", ()),
    ("hotspots-points-knn", "hotspots", {"INPUT": "{points}", "FIELD": "area_km2", "WEIGHTS": "3", "K": "6",
                                         "OUTPUT": "{out}/h.gpkg"}, OK, ("h.gpkg",)),
    ("localmoran-alpha-nan", "localmoran", {"INPUT": "{cells}", "FIELD": "mining_area_km2", "ALPHA": "nan",
                                            "OUTPUT": "{out}/l.gpkg"},
     r"ALPHA .*must be a finite number", ()),
    ("localmoran-curved", "localmoran", {"INPUT": "{curved}", "FIELD": "area_km2", "WEIGHTS": "3",
                                         "PERMUTATIONS": "99", "OUTPUT": "{out}/l.gpkg"}, OK, ("l.gpkg",)),
    # ---------------------------------------------------------------- rasters
    ("grade-nocrs", "gradefactor", {"INPUT": "{dem_nocrs}", "PRESET": "9", "OUTPUT": "{out}/g.tif"},
     r"raster layer dem_nocrs has no coordinate reference system", ()),
    ("grade-huge", "gradefactor", {"INPUT": "{huge}", "PRESET": "9", "OUTPUT": "{out}/g.tif"},
     r"pixels per band, more than this machine", ()),
    ("grade-band-keeps-old-file", "gradefactor", {"INPUT": "{dem}", "BAND": "3", "PRESET": "9",
                                                  "OUTPUT": "{out}/existing.tif"},
     r"(has no band 3|[Ii]ncorrect parameter value for BAND)", ()),
    ("grade-out-is-in", "gradefactor", {"INPUT": "{out}/existing.tif", "PRESET": "9", "OUTPUT": "{out}/existing.tif"},
     r"would overwrite the input INPUT", ()),
    ("overlay-zero-weights", "weightedoverlay", {"FACTORS": ["{dem}", "{dem}"], "METHOD": "2", "WEIGHTS": "0,0",
                                                 "OUTPUT": "{out}/w.tif"},
     r"Every weight is 0", ()),
    ("overlay-huge-factor", "weightedoverlay", {"FACTORS": ["{dem}", "{huge}"], "OUTPUT": "{out}/w.tif"},
     r"pixels per band, more than this machine", ()),
    ("overlay-misaligned", "weightedoverlay", {"FACTORS": ["{dem}", "{dem_shifted}"], "CLASS_METHOD": "1",
                                               "BREAKS": "3000,6000", "OUTPUT": "{out}/w.tif",
                                               "OUTPUT_CLASSES": "{out}/c.tif"}, OK, ("w.tif", "c.tif")),
    ("overlay-vector-factor", "weightedoverlay", {"FACTORS": ["{dem}", "{provinces}"], "OUTPUT": "{out}/w.tif"},
     r"(not a raster|[Ii]ncorrect parameter value)", ()),
    ("desert-grade-overflow", "desertificationsensitivity", {
        "SLOPE": "{dem}", "LAND_USE": "{dem}", "FOOTPRINTS": "{cells}", "OUTSIDE_MINING_GRADE": "100000",
        "CLASS_METHOD": "1", "BREAKS": "3,5", "OUTPUT_SCORE": "{out}/s.tif", "OUTPUT_CLASSES": "{out}/c.tif"},
     r"([Ii]ncorrect parameter value for OUTSIDE_MINING_GRADE|32767)", ()),
    ("desert-weight-twice", "desertificationsensitivity", {
        "SLOPE": "{dem}", "NDVI_MEAN": "{dem}", "WEIGHTS": "SLOPE=1,SLOPE=2", "METHOD": "2", "CLASS_METHOD": "1",
        "BREAKS": "3,5", "OUTPUT_SCORE": "{out}/s.tif", "OUTPUT_CLASSES": "{out}/c.tif"},
     r"weight of SLOPE is given twice", ()),
    ("zonal-continuous", "zonalclassarea", {"INPUT": "{dem}", "ZONES": "{provinces}", "OUTPUT": "{out}/z.gpkg",
                                            "OUTPUT_TABLE": "{out}/t.gpkg"},
     r"(distinct values|continuous|non-integer|whole)", ()),
    ("zonal-nocrs-raster", "zonalclassarea", {"INPUT": "{dem_nocrs}", "ZONES": "{provinces}",
                                              "OUTPUT": "{out}/z.gpkg", "OUTPUT_TABLE": "{out}/t.gpkg"},
     r"has no coordinate reference system", ()),
    ("trend-vector-input", "ndvitrend", {"INPUT": "{provinces}", "OUTPUT_SEN_SLOPE": "{out}/s.tif"},
     r"(not a raster layer|[Ii]ncorrect parameter value for INPUT)", ()),
    ("trend-alpha-nan", "ndvitrend", {"INPUT": "{lai}", "ALPHA": "nan", "OUTPUT_SEN_SLOPE": "{out}/s.tif"},
     r"ALPHA .*must be a finite number", ()),
    ("series-ring-huge", "zonaltimeseries", {"INPUT": "{lai}", "FOOTPRINTS": "{cells}", "BUFFERS": "0-100000000",
                                             "OUTPUT": "{out}/s.gpkg", "OUTPUT_CHANGE": "{out}/c.gpkg"},
     r"reaches farther than 500 km", ()),
    ("series-all-nodata", "zonaltimeseries", {"INPUT": "{lai_nodata}", "ZONES": "{provinces}",
                                              "OUTPUT": "{out}/s.gpkg", "OUTPUT_CHANGE": "{out}/c.gpkg"},
     r"NoData in every year", ()),
    ("series-alpha-nan", "zonaltimeseries", {"INPUT": "{lai}", "ZONES": "{provinces}", "ALPHA": "nan",
                                             "OUTPUT": "{out}/s.gpkg", "OUTPUT_CHANGE": "{out}/c.gpkg"},
     r"ALPHA .*must be a finite number", ()),
    # ---------------------------------------------------------------- global datasets, proximity
    ("import-unknown-schema", "importminingdataset", {"INPUTS": "{provinces}", "OUTPUT": "{out}/m.gpkg"},
     r"is not one of the supported mining datasets: expected the fields", ()),
    ("import-nocrs", "importminingdataset", {"INPUTS": "{nocrs}", "OUTPUT": "{out}/m.gpkg"},
     r"(has no coordinate reference system|is not one of the supported mining datasets)", ()),
    ("proximity-nocrs-features", "proximitybands", {"INPUT": "{footprints}", "FEATURES": "{nocrs}",
                                                    "OUTPUT": "{out}/p.gpkg"},
     r"has no coordinate reference system", ()),
    ("proximity-bands-text", "proximitybands", {"INPUT": "{footprints}", "FEATURES": "{provinces}",
                                                "BANDS": "near,far", "OUTPUT": "{out}/p.gpkg"},
     r"(band|distance)", ()),
    ("proximity-curved", "proximitybands", {"INPUT": "{curved}", "FEATURES": "{provinces}", "BANDS": "5000",
                                            "OUTPUT": "{out}/p.gpkg"}, OK, ("p.gpkg",)),
    ("fishnet-degree-bad", "fishnetdensity", {"INPUT": "{cells}", "DEGREE_CELL_SIZE": "7", "OUTPUT": "{out}/o.gpkg"},
     r"(divide 180|degree|cell size)", ()),
    # ---------------------------------------------------------------- report
    ("report-latin1", "report", {"REPORTS": "{latin1_report}", "OUTPUT": "{out}/r.html"}, OK, ("r.html",)),
    ("report-empty-map", "report", {"MAP_LAYERS": ["{empty}", "{provinces}"], "OUTPUT": "{out}/r.html"},
     OK, ("r.html",)),
    ("report-missing-file", "report", {"REPORTS": "{out}/nothing.html", "OUTPUT": "{out}/r.html"},
     r"(does not exist|[Ii]ncorrect parameter value)", ()),
    ("report-out-folder", "report", {"MAP_LAYERS": "{provinces}", "OUTPUT": "{out}/missing/r.html"},
     r"folder .* of output OUTPUT .*does not exist", ()),
    # ---------------------------------------------------------------- shipped models
    ("model-pattern-nocrs", "miningspatialpattern", {
        "FOOTPRINTS": "{nocrs}", "STUDY_AREA": "{provinces}", "CELL_SIZE": "100000",
        "fishnet:DENSITY": "{out}/d.gpkg", "localmoran:CLUSTERS": "{out}/l.gpkg", "hotspots:HOT_SPOTS": "{out}/h.gpkg",
        "report:REPORT": "{out}/r.html"},
     r"has no coordinate reference system", ()),
    ("model-pattern-shapefile-truncation", "miningspatialpattern", {
        "FOOTPRINTS": "{cells}", "STUDY_AREA": "{provinces}", "CELL_SIZE": "100000", "PERMUTATIONS": "99",
        "fishnet:DENSITY": "{out}/d.shp", "localmoran:CLUSTERS": "{out}/l.gpkg", "hotspots:HOT_SPOTS": "{out}/h.gpkg",
        "report:REPORT": "{out}/r.html"},
     r"cuts field names to 10 characters", ()),
    ("model-overlap-field", "footprintoverlap", {
        "FOOTPRINTS": "{cells}", "CLASSES": "{regions}", "CLASS_FIELD": "nosuch", "ZONES": "{provinces}",
        "ZONES_FIELD": "province", "overlap:TABLE": "{out}/t.gpkg", "report:REPORT": "{out}/r.html"},
     r"Field nosuch .* does not exist", ()),
    ("model-vegetation-rings", "vegetationchange", {
        "STACK": "{lai}", "FOOTPRINTS": "{cells}", "ZONES": "{provinces}", "ZONE_FIELD": "province",
        "BUFFERS": "0-100000000", "trend:SLOPE": "{out}/slope.tif", "series:SERIES": "{out}/s.gpkg",
        "report:REPORT": "{out}/r.html"},
     r"reaches farther than 500 km", ()),
    ("model-desert-out-folder", "desertificationsensitivitymodel", {
        "SLOPE": "{dem}", "NDVI_MEAN": "{dem}", "NDVI_TREND": "{dem}", "FOOTPRINTS": "{cells}", "CLASS_METHOD": "1",
        "sensitivity:SCORE": "{out}/missing/s.tif", "sensitivity:CLASSES": "{out}/c.tif",
        "zonal:CLASS_AREA": "{out}/z.gpkg", "report:REPORT": "{out}/r.html"},
     r"(folder .* does not exist|[Ii]ncorrect)", ()),
]

_SENTINEL = b"the user's file, not to be touched"


def _fill(value, bad, out):
    if isinstance(value, list):
        return [_fill(v, bad, out) for v in value]
    return value.format(out=out, **bad) if isinstance(value, str) else value


def _snapshot(folder: Path) -> dict[str, bytes]:
    """The files of ``folder`` (GDAL's .aux.xml statistics sidecars of inputs it read are not outputs)."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.endswith(".aux.xml")}


def _run(case, bad, root: Path, env) -> dict:
    case_id, alg, params, _expected, outputs = case
    out = root / case_id
    out.mkdir()
    # files the user had: a GeoPackage with layers, a raster and an HTML page at output-like paths
    shutil.copy(bad_inputs.SAMPLE / "epochs_2021_2022.gpkg", out / "data.gpkg")
    shutil.copy(bad_inputs.SAMPLE / "etopo20_nw.tif", out / "existing.tif")
    if "r.html" not in outputs:
        (out / "r.html").write_bytes(_SENTINEL)
    before = _snapshot(out)
    args = [QGIS_PROCESS_BIN, "run", MODEL + alg, "--"]
    for key, value in params.items():
        values = _fill(value, bad, str(out))
        for v in values if isinstance(values, list) else [values]:
            args.append(f"{key}={v}")
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    return {"proc": proc, "out": out, "before": before}


@pytest.fixture(scope="module")
def matrix(request, qgis_process_env, tmp_path_factory):
    """Runs the selected cases (all of them unless ``-k`` narrowed the selection), two at a time."""
    selected = {item.callspec.params["case"][0] for item in request.session.items
                if getattr(item, "originalname", "") == "test_bad_input" and hasattr(item, "callspec")}
    bad = bad_inputs.build(tmp_path_factory.mktemp("bad"))
    root = tmp_path_factory.mktemp("cases")
    with ThreadPoolExecutor(2) as pool:
        futures = {case[0]: pool.submit(_run, case, bad, root, qgis_process_env) for case in CASES
                   if case[0] in selected}
        return {key: f.result() for key, f in futures.items()}


def _gpkg_layers(path: Path) -> dict[str, int]:
    from osgeo import ogr

    ds = ogr.Open(str(path))
    try:
        return {ds.GetLayer(i).GetName(): ds.GetLayer(i).GetFeatureCount() for i in range(ds.GetLayerCount())}
    finally:
        ds = None


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input(matrix, case):
    case_id, _alg, _params, expected, outputs = case
    result = matrix[case_id]
    proc, out, before = result["proc"], result["out"], result["before"]
    log = proc.stdout + proc.stderr
    assert "Traceback" not in log and "Unexpected error" not in log, log[-3000:]
    if expected is OK:
        assert proc.returncode == 0, log[-3000:]
        for name in outputs:
            assert (out / name).exists(), (name, sorted(p.name for p in out.iterdir()))
    else:
        assert proc.returncode == 1, log[-3000:]
        assert re.search(expected, log), log[-3000:]
        # nothing half-written, nothing of the user's lost or changed
        now = _snapshot(out)
        assert set(now) == set(before), sorted(set(now) ^ set(before))
        changed = [n for n in before if n != "data.gpkg" and now[n] != before[n]]
        assert changed == []
        assert [p.name for p in out.iterdir() if p.is_dir()] == []
    layers = _gpkg_layers(out / "data.gpkg")
    assert _gpkg_layers(bad_inputs.SAMPLE / "epochs_2021_2022.gpkg").items() <= layers.items(), layers
    assert not any("_mm_partial_" in name for name in layers), layers
    assert not [p.name for p in out.iterdir() if ".mm-partial-" in p.name]
