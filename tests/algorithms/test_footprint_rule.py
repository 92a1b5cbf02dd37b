"""One footprint rule in every algorithm (issue #12, audit D16): overlaps counted once, duplicates and
slivers not counted, nothing depends on the order of the features. Through processing.run."""

from __future__ import annotations

import pytest

EQUAL_AREA = "EPSG:6933"  # Lambert cylindrical equal-area, metres
RTOL = 1e-9

STOPE = "POLYGON((0 0,300 0,300 300,0 300,0 0))"  # 0.09 km²
STOPE_AGAIN = "POLYGON((300 300,0 300,0 0,300 0,300 300))"  # the stope digitised again from another corner
POND = "POLYGON((100 100,150 100,150 150,100 150,100 100))"  # inside the stope
SQUARE = "POLYGON((500 0,600 0,600 100,500 100,500 0))"  # 0.01 km²
UNION_KM2 = 0.09 + 0.01


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [4, 2, 3, 1, 0]])
def test_fishnet_statistics_and_tabulation_agree_on_duplicates_and_nested_footprints(run_alg, make_layer,
                                                                                      tmp_path, order):
    wkts = [[STOPE, POND, STOPE, SQUARE, STOPE_AGAIN][i] for i in order]
    provinces = [["a", "a", "a", "b", "a"][i] for i in order]
    src = make_layer(tmp_path / "fp.gpkg", wkts, crs=EQUAL_AREA, fields={"province": provinces})
    classes = make_layer(tmp_path / "cls.gpkg", ["POLYGON((-10 -10,1000 -10,1000 1000,-10 1000,-10 -10))"],
                         crs=EQUAL_AREA, fields={"cls": ["desert"]})
    fishnet = run_alg("minemonitor:fishnetdensity", {"INPUT": src, "CELL_SIZE": 1000, "GRID_CRS": EQUAL_AREA,
                                                     "OUTPUT": str(tmp_path / "f.gpkg")})
    stats = run_alg("minemonitor:footprintstatistics", {"INPUT": src, "GROUP_FIELDS": ["province"],
                                                        "AREA_CRS": EQUAL_AREA, "OUTPUT": str(tmp_path / "s.gpkg"),
                                                        "OUTPUT_SIZE_CLASSES": str(tmp_path / "z.gpkg")})
    table = run_alg("minemonitor:overlaptabulation", {"INPUT": src, "OVERLAY": classes, "CLASS_FIELD": "cls",
                                                      "AREA_CRS": EQUAL_AREA, "OUTPUT": str(tmp_path / "t.gpkg")})
    # the stope and its copy are one footprint; the pond keeps its own 2,500 m², the stope the rest
    assert fishnet["TOTAL_MINING_KM2"] == pytest.approx(UNION_KM2, rel=RTOL)
    assert stats["TOTAL_KM2"] == pytest.approx(UNION_KM2, rel=RTOL)
    assert table["FOOTPRINT_AREA_KM2"] == pytest.approx(UNION_KM2, rel=RTOL)
    assert stats["N_POLYGONS"] == 3 and table["N_FOOTPRINTS"] == 3
    from qgis.core import QgsVectorLayer

    cells = QgsVectorLayer(str(tmp_path / "f.gpkg"), "f", "ogr")
    assert sum(f["n_polygons"] for f in cells.getFeatures()) == 3
    rows = {f["province"]: f for f in QgsVectorLayer(str(tmp_path / "s.gpkg"), "s", "ogr").getFeatures()
            if not f["is_total"]}
    assert rows["a"]["n_polygons"] == 2 and rows["a"]["total_km2"] == pytest.approx(0.09, rel=RTOL)
    assert rows["a"]["min_km2"] == pytest.approx(0.0025, rel=RTOL)  # the pond
    assert rows["b"]["total_km2"] == pytest.approx(0.01, rel=RTOL)
    for res in (fishnet, stats, table):
        assert "2 footprints have no land of their own" in res["_feedback"].log()


def test_zero_area_footprint_reprojected_is_not_counted(run_alg, make_layer, tmp_path):
    """Audit D16: a zero-area polygon in lon/lat became a sliver of a few hundredths of a m² in the equal-area
    CRS and was counted as a footprint."""
    real = "POLYGON((90 40,90.001 40,90.001 40.001,90 40.001,90 40))"
    collinear = "POLYGON((90.01 40.01,90.012 40.011,90.014 40.012,90.01 40.01))"
    src = make_layer(tmp_path / "fp.gpkg", [real, collinear], crs="EPSG:4326")
    stats = run_alg("minemonitor:footprintstatistics", {"INPUT": src, "OUTPUT": str(tmp_path / "s.gpkg"),
                                                        "OUTPUT_SIZE_CLASSES": str(tmp_path / "z.gpkg")})
    fishnet = run_alg("minemonitor:fishnetdensity", {"INPUT": src, "CELL_SIZE": 1000,
                                                     "OUTPUT": str(tmp_path / "f.gpkg")})
    assert stats["N_POLYGONS"] == 1
    assert "1 footprints have no area" in stats["_feedback"].log()
    from qgis.core import QgsVectorLayer

    assert sum(f["n_polygons"] for f in QgsVectorLayer(str(tmp_path / "f.gpkg"), "f", "ogr").getFeatures()) == 1
    assert fishnet["TOTAL_MINING_KM2"] == pytest.approx(stats["TOTAL_KM2"], rel=1e-6)
