"""Inputs the product was not written against give correct numbers, not just no crash (issue #12):
curved and reprojected copies give the numbers of the original, class values that differ only in case
get their own pivot columns, fishnet cells are declared as what they are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
FOOTPRINTS = f"{SAMPLE / 'epochs_2021_2022.gpkg'}|layername=footprints_2022"


def _translate(src: str, dst: Path, *options: str, sql: str | None = None) -> str:
    from osgeo import gdal

    path, _, layer = src.partition("|layername=")
    gdal.VectorTranslate(str(dst), path, options=gdal.VectorTranslateOptions(
        format="GPKG", layerName="copy", layers=None if sql else [layer], SQLStatement=sql,
        SQLDialect="SQLite" if sql else None, options=list(options)))
    return f"{dst}|layername=copy"


@pytest.mark.parametrize("options", [("-nlt", "MULTISURFACE"), ("-t_srs", "EPSG:32646"), ("-t_srs", "EPSG:3857")],
                         ids=["curved", "utm", "web-mercator"])
def test_other_encodings_of_the_same_footprints_give_the_same_areas(run_alg, tmp_path, options):
    """The same polygons as multi-surfaces or in another CRS: same total area (km² in the fitted
    equal-area CRS) to 1e-6 relative, same number of polygons."""
    reference = run_alg("minemonitor:footprintstatistics", {
        "INPUT": FOOTPRINTS, "OUTPUT": str(tmp_path / "a.gpkg"), "OUTPUT_SIZE_CLASSES": str(tmp_path / "b.gpkg")})
    copy = _translate(FOOTPRINTS, tmp_path / "copy.gpkg", *options)
    other = run_alg("minemonitor:footprintstatistics", {
        "INPUT": copy, "OUTPUT": str(tmp_path / "c.gpkg"), "OUTPUT_SIZE_CLASSES": str(tmp_path / "d.gpkg")})
    assert other["N_POLYGONS"] == reference["N_POLYGONS"] == 419
    assert other["TOTAL_KM2"] == pytest.approx(reference["TOTAL_KM2"], rel=1e-6)
    if options[0] == "-nlt":
        assert "curved geometries" in other["_feedback"].log()


def test_pivot_columns_of_case_differing_classes(run_alg, tmp_path):
    """D14: Desert / desert / "" / NULL are four classes with four column pairs (GeoPackage ignores case
    in column names; "" and NULL are different values)."""
    from qgis.core import QgsVectorLayer

    regions = f"{SAMPLE / 'ne_physical_regions.gpkg'}|layername=physical_regions"
    classes = _translate(regions, tmp_path / "cls.gpkg", sql=(
        "SELECT geom, CASE WHEN fid % 4 = 0 THEN 'Desert' WHEN fid % 4 = 1 THEN 'desert' "
        "WHEN fid % 4 = 2 THEN '' ELSE NULL END AS cls FROM physical_regions"))
    res = run_alg("minemonitor:overlaptabulation", {
        "INPUT": f"{SAMPLE / 'maus_mining_cells.gpkg'}|layername=mining_cells", "OVERLAY": classes,
        "CLASS_FIELD": "cls", "OUTPUT": str(tmp_path / "t.gpkg"), "OUTPUT_PIVOT": str(tmp_path / "p.gpkg")})
    pivot = QgsVectorLayer(res["OUTPUT_PIVOT"], "p", "ogr")
    names = [f.name() for f in pivot.fields()]
    lowered = [n.lower() for n in names]
    assert len(set(lowered)) == len(lowered), names
    area_columns = [n for n in names if n.endswith("_km2") and n != "total_km2"]
    present = {n[: -len("_km2")] for n in area_columns}
    assert {"Desert", "desert_2", "empty", "NULL"} <= present or {"desert", "Desert_2", "empty",
                                                                  "NULL"} <= present, names
    # the totals reconcile: class columns add up to the total of each row
    for feature in pivot.getFeatures():
        values = [feature[n] or 0.0 for n in area_columns]
        assert sum(values) == pytest.approx(feature["total_km2"], rel=1e-9, abs=1e-12)


def test_fishnet_cells_are_declared_multipolygon(run_alg, tmp_path):
    """D17: clipped cells can fall apart, so the layer is MultiPolygon (GeoPackage refuses mixed types)."""
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    res = run_alg("minemonitor:fishnetdensity", {
        "INPUT": f"{SAMPLE / 'maus_mining_cells.gpkg'}|layername=mining_cells",
        "STUDY_AREA": f"{SAMPLE / 'nw4_admin.gpkg'}|layername=province", "CELL_SIZE": 100000,
        "OUTPUT": str(tmp_path / "f.gpkg")})
    layer = QgsVectorLayer(res["OUTPUT"], "f", "ogr")
    assert QgsWkbTypes.displayString(layer.wkbType()) == "MultiPolygon"
    assert layer.featureCount() == res["CELL_COUNT"]


def test_distance_band_guard_names_the_outlier(run_alg, tmp_path, make_layer):
    """D6: one feature 2,000 km from a regular lattice makes the automatic band span everything: refused
    before any pair is built, naming that feature, suggesting K nearest neighbours."""
    from qgis.core import QgsProcessingException

    wkts = [f"POINT({x * 1000} {y * 1000})" for x in range(120) for y in range(120)] + ["POINT(2000000 2000000)"]
    values = [float((i * 7919) % 101) for i in range(len(wkts))]
    src = make_layer(tmp_path / "pts.gpkg", wkts, crs="EPSG:32648", fields={"v": values})
    with pytest.raises(QgsProcessingException, match=r"Feature 14400 is .* from its nearest neighbour.*K nearest"):
        run_alg("minemonitor:globalautocorrelation", {"INPUT": src, "FIELD": "v", "WEIGHTS": 2, "DISTANCE": 0,
                                                      "OUTPUT_REPORT": str(tmp_path / "g.html")})
    assert not (tmp_path / "g.html").exists()
    # K nearest neighbours works on the same layer
    res = run_alg("minemonitor:globalautocorrelation", {"INPUT": src, "FIELD": "v", "WEIGHTS": 3, "K": 4,
                                                        "PERMUTATIONS": 0, "OUTPUT_REPORT": str(tmp_path / "g.html")})
    assert res["N"] == len(wkts)
