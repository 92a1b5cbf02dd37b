"""minemonitor:fishnetdensity through processing.run and qgis_process."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

ALG = "minemonitor:fishnetdensity"
# Lambert cylindrical equal-area (metres): areas in this CRS are true areas
EQUAL_AREA = "EPSG:6933"
RTOL_AREA = 1e-9  # apportioned areas against hand computation (planar, exact arithmetic)
RTOL_RECONCILE = 1e-6  # sums against an independent GEOS computation


def square(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def features(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    rows = {}
    for f in layer.getFeatures():
        rows[(f["row"], f["col"])] = {k: f[k] for k in ("cell_id", "cell_km2", "n_polygons", "n_mines",
                                                         "mining_km2", "density_pct")}
        rows[(f["row"], f["col"])]["area_m2"] = f.geometry().area()
    return layer, rows


def test_footprint_straddling_cells_is_split(run_alg, make_layer, tmp_path):
    # 1 km cells. A 200 m x 200 m footprint straddles the line x = 1000 (half in each column);
    # a 100 m x 100 m one lies inside one cell; two footprints of mine "A", one of mine "B".
    src = make_layer(tmp_path / "fp.gpkg", [square(900, 100, 1100, 300), square(1200, 1200, 1300, 1300),
                                            square(2100, 100, 2200, 200)],
                     crs=EQUAL_AREA, fields={"mine": ["A", "A", "B"]})
    out = tmp_path / "grid.gpkg"
    res = run_alg(ALG, {"INPUT": src, "CELL_SIZE": 1000, "GRID_CRS": EQUAL_AREA, "MINE_ID_FIELD": "mine",
                        "OUTPUT": str(out)})
    layer, rows = features(out)
    # grid covers x 0..3000, y 0..2000 (aligned outward to multiples of 1000): 2 rows x 3 cols
    assert res["CELL_COUNT"] == 6 == layer.featureCount()
    assert res["CELLS_WITH_MINING"] == 4
    # row 0 is the northern row (y 1000..2000), row 1 the southern (y 0..1000)
    assert rows[(1, 0)]["mining_km2"] == pytest.approx(0.02, rel=RTOL_AREA)
    assert rows[(1, 1)]["mining_km2"] == pytest.approx(0.02, rel=RTOL_AREA)
    assert rows[(0, 1)]["mining_km2"] == pytest.approx(0.01, rel=RTOL_AREA)
    assert rows[(1, 2)]["mining_km2"] == pytest.approx(0.01, rel=RTOL_AREA)
    assert rows[(0, 0)]["mining_km2"] == 0 and rows[(0, 0)]["n_polygons"] == 0  # empty: 0, not NULL
    assert rows[(1, 0)]["density_pct"] == pytest.approx(2.0, rel=RTOL_AREA)
    assert rows[(1, 1)]["n_polygons"] == 1 and rows[(1, 0)]["n_polygons"] == 1
    assert rows[(1, 1)]["n_mines"] == 1 and rows[(1, 2)]["n_mines"] == 1
    assert all(r["cell_km2"] == pytest.approx(1.0) for r in rows.values())
    assert res["TOTAL_MINING_KM2"] == pytest.approx(0.06, rel=RTOL_AREA)
    assert res["MAX_DENSITY_PCT"] == pytest.approx(2.0, rel=RTOL_AREA)
    # grid lines on multiples of the cell size
    for r in rows.values():
        assert r["area_m2"] == pytest.approx(1e6)
    xs = sorted({round(f.geometry().boundingBox().xMinimum(), 6) for f in layer.getFeatures()})
    assert xs == [0.0, 1000.0, 2000.0]


def test_overlapping_footprints_not_counted_twice_and_keep_empty(run_alg, make_layer, tmp_path):
    src = make_layer(tmp_path / "fp.gpkg", [square(100, 100, 500, 500), square(300, 300, 700, 700)],
                     crs=EQUAL_AREA)
    res = run_alg(ALG, {"INPUT": src, "CELL_SIZE": 1000, "GRID_CRS": EQUAL_AREA, "KEEP_EMPTY": False,
                        "OUTPUT": str(tmp_path / "g.gpkg")})
    _, rows = features(tmp_path / "g.gpkg")
    assert list(rows) == [(0, 0)] and res["CELL_COUNT"] == 1
    union_km2 = (0.16 + 0.16 - 0.04)  # two 400 m squares overlapping on 200 m x 200 m
    assert rows[(0, 0)]["mining_km2"] == pytest.approx(union_km2, rel=RTOL_AREA)
    assert rows[(0, 0)]["n_polygons"] == 2


def test_total_reconciles_with_independent_clip_on_real_boundaries(run_alg, shared_data, tmp_path):
    """Maus mining cells (lon/lat input) in NW China: the apportioned total equals the footprint area
    inside the provinces computed by QGIS's own clip + ellipsoidal area (a second method)."""
    import processing
    from qgis.core import QgsDistanceArea, QgsProject, QgsUnitTypes, QgsVectorLayer

    cells = f"{shared_data}/maus_mining_area_grid_v2/maus_v2_5arcmin_cells_nw_bbox.gpkg|layername=mining_cells"
    provinces = f"{shared_data}/cn_admin_nw4_counties/nw4_admin.gpkg|layername=province"
    res = run_alg(ALG, {"INPUT": cells, "STUDY_AREA": provinces, "CELL_SIZE": 100000,
                        "OUTPUT": str(tmp_path / "fishnet.gpkg")})
    clipped = processing.run("native:clip", {"INPUT": cells, "OVERLAY": provinces, "OUTPUT": "memory:"})["OUTPUT"]
    da = QgsDistanceArea()
    da.setSourceCrs(clipped.crs(), QgsProject.instance().transformContext())
    da.setEllipsoid("WGS84")
    expected = sum(da.convertAreaMeasurement(da.measureArea(f.geometry()), QgsUnitTypes.AreaSquareKilometers)
                   for f in clipped.getFeatures())
    # the cells are adjacent squares, not overlapping: dissolving changes nothing
    assert res["TOTAL_MINING_KM2"] == pytest.approx(expected, rel=2e-4)  # Albers vs ellipsoid
    layer = QgsVectorLayer(str(tmp_path / "fishnet.gpkg"), "f", "ogr")
    assert layer.crs().toProj().startswith("+proj=aea")
    assert abs(layer.featureCount() - 358) < 60  # the paper's 100 km fishnet has 358 cells
    assert 0 < res["CELLS_WITH_MINING"] < layer.featureCount()
    log = res["_feedback"].log()
    assert "+proj=aea" in log


def test_weight_field_apportioned_and_study_area_clips(run_alg, make_layer, tmp_path):
    # one 2 km x 1 km footprint carrying 10 units, half of it outside the study area
    src = make_layer(tmp_path / "fp.gpkg", [square(0, 0, 2000, 1000)], crs=EQUAL_AREA,
                     fields={"w": [10.0]})
    study = make_layer(tmp_path / "study.gpkg", [square(0, 0, 1000, 1000)], crs=EQUAL_AREA)
    res = run_alg(ALG, {"INPUT": src, "STUDY_AREA": study, "CELL_SIZE": 500, "GRID_CRS": EQUAL_AREA,
                        "WEIGHT_FIELD": "w", "OUTPUT": str(tmp_path / "g.gpkg")})
    _, rows = features(tmp_path / "g.gpkg")
    assert len(rows) == 4  # only cells inside the study area
    assert res["TOTAL_MINING_KM2"] == pytest.approx(5.0, rel=RTOL_AREA)
    for r in rows.values():
        assert r["mining_km2"] == pytest.approx(1.25, rel=RTOL_AREA)


def test_min_cell_fraction_drops_slivers(run_alg, make_layer, tmp_path):
    src = make_layer(tmp_path / "fp.gpkg", [square(100, 100, 200, 200)], crs=EQUAL_AREA)
    study = make_layer(tmp_path / "study.gpkg", [square(0, 0, 1050, 1000)], crs=EQUAL_AREA)
    base = {"INPUT": src, "STUDY_AREA": study, "CELL_SIZE": 1000, "GRID_CRS": EQUAL_AREA}
    res_all = run_alg(ALG, dict(base, OUTPUT=str(tmp_path / "a.gpkg")))
    res_big = run_alg(ALG, dict(base, MIN_CELL_FRACTION=0.1, OUTPUT=str(tmp_path / "b.gpkg")))
    assert res_all["CELL_COUNT"] == 2  # a 50 m sliver column
    assert res_big["CELL_COUNT"] == 1
    _, rows = features(tmp_path / "a.gpkg")
    assert sorted(round(r["cell_km2"], 6) for r in rows.values()) == [0.05, 1.0]


def test_invalid_repaired_and_null_skipped_with_counts(run_alg, make_layer, tmp_path):
    # a self-intersecting 10 km "bow tie" (two 50 km² triangles) and a NULL geometry
    bowtie = "POLYGON((0 0,10000 10000,10000 0,0 10000,0 0))"
    src = make_layer(tmp_path / "fp.gpkg", [bowtie, None, square(20000, 0, 21000, 1000)], crs=EQUAL_AREA)
    res = run_alg(ALG, {"INPUT": src, "CELL_SIZE": 100000, "GRID_CRS": EQUAL_AREA,
                        "OUTPUT": str(tmp_path / "g.gpkg")})
    assert res["TOTAL_MINING_KM2"] == pytest.approx(50.0 + 1.0, rel=RTOL_AREA)
    log = res["_feedback"].log()
    assert "1 invalid geometries were repaired" in log
    assert "1 features with NULL or empty geometry were skipped" in log


def test_geographic_grid_crs_refused(run_alg, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    src = make_layer(tmp_path / "fp.gpkg", [square(0, 0, 1, 1)], crs="EPSG:4326")
    with pytest.raises(QgsProcessingException, match="not a projected CRS in metres"):
        run_alg(ALG, {"INPUT": src, "GRID_CRS": "EPSG:4326", "OUTPUT": "memory:"})


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("points", "not a polygon layer"),
        ("empty", "has no features"),
        ("outside", "inside the study area"),
        ("cellsize", "must be greater than 0"),
        ("toomany", "cells"),
        ("nullweight", "is NULL for feature"),
        ("negweight", "negative value -3.0 for feature"),
    ],
)
def test_bad_input_gives_clear_message(case, message, run_alg, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    params = {"CELL_SIZE": 1000, "GRID_CRS": EQUAL_AREA, "OUTPUT": str(tmp_path / "out.gpkg")}
    good = make_layer(tmp_path / "good.gpkg", [square(0, 0, 100, 100), square(500, 500, 600, 600)],
                      crs=EQUAL_AREA, fields={"w": [1.0, 2.0], "bad": [None, 1.0], "neg": [1.0, -3.0]})
    params["INPUT"] = good
    if case == "points":
        params["INPUT"] = make_layer(tmp_path / "pts.gpkg", ["POINT(1 1)"], crs=EQUAL_AREA)
    elif case == "empty":
        params["INPUT"] = make_layer(tmp_path / "empty.gpkg", [], crs=EQUAL_AREA)
    elif case == "outside":
        params["STUDY_AREA"] = make_layer(tmp_path / "far.gpkg", [square(1e6, 1e6, 1.1e6, 1.1e6)], crs=EQUAL_AREA)
    elif case == "cellsize":
        params["CELL_SIZE"] = 0
    elif case == "toomany":
        params["CELL_SIZE"] = 1
        params["MAX_CELLS"] = 1000
    elif case == "nullweight":
        params["WEIGHT_FIELD"] = "bad"
    elif case == "negweight":
        params["WEIGHT_FIELD"] = "neg"
    with pytest.raises(QgsProcessingException, match=message) as info:
        run_alg(ALG, params)
    if case == "toomany":
        text = str(info.value)
        assert "360000" in text.replace(",", "")  # 600 x 600 cells named
        assert "cell size" in text.lower()
    assert not (tmp_path / "out.gpkg").exists()  # nothing half-written


def test_cancel_leaves_no_output(run_alg, make_layer, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    src = make_layer(tmp_path / "fp.gpkg", [square(i * 300, 0, i * 300 + 100, 100) for i in range(50)],
                     crs=EQUAL_AREA)

    class CancelAtHalf(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress > 50:
                self.cancel()

    out = tmp_path / "g.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg(ALG, {"INPUT": src, "CELL_SIZE": 10, "GRID_CRS": EQUAL_AREA, "OUTPUT": str(out)},
                feedback=CancelAtHalf())
    assert not out.exists()


def test_reruns_identical_and_style_embedded(run_alg, make_layer, tmp_path):
    from qgis.core import QgsVectorLayer

    src = make_layer(tmp_path / "fp.gpkg", [square(120, 130, 1890, 870), square(2500, 1500, 2600, 1700)],
                     crs=EQUAL_AREA)
    outs = []
    for name in ("r1.gpkg", "r2.gpkg"):
        run_alg(ALG, {"INPUT": src, "CELL_SIZE": 250, "GRID_CRS": EQUAL_AREA, "OUTPUT": str(tmp_path / name)})
        _, rows = features(tmp_path / name)
        outs.append(rows)
    assert outs[0] == outs[1]
    with sqlite3.connect(tmp_path / "r1.gpkg") as db:
        styles = db.execute("select f_table_name, useAsDefault, styleQML from layer_styles").fetchall()
    assert len(styles) == 1 and styles[0][1] == 1 and "density_pct" in styles[0][2]
    layer = QgsVectorLayer(str(tmp_path / "r1.gpkg"), "reopened", "ogr")  # default style loads
    assert layer.renderer().type() == "graduatedSymbol"
    assert layer.renderer().classAttribute() == "density_pct"


def test_qgis_process_runs_fishnet_on_maus_grid(qgis_process, shared_data, tmp_path):
    cells = f"{shared_data}/maus_mining_area_grid_v2/maus_v2_5arcmin_cells_nw_bbox.gpkg|layername=mining_cells"
    provinces = f"{shared_data}/cn_admin_nw4_counties/nw4_admin.gpkg|layername=province"
    out = tmp_path / "density.gpkg"
    result = qgis_process(ALG, {"INPUT": cells, "STUDY_AREA": provinces, "CELL_SIZE": 100000,
                                "WEIGHT_FIELD": "mining_area_km2", "OUTPUT": str(out)})
    results = result["results"]
    assert results["CELL_COUNT"] > 300
    assert 0 < results["TOTAL_MINING_KM2"] < 6774  # part of the bbox's 6,774 km² lies in the 4 provinces
    assert out.exists()
    with sqlite3.connect(out) as db:
        assert db.execute("select count(*) from layer_styles where useAsDefault").fetchone()[0] == 1


def test_scripts_qgis_process_wrapper_runs_fishnet(qgis_process_env, plugin_dir, tmp_path):
    """The documented command line: scripts/qgis-process run ... --json (on the bundled sample data)."""
    import json
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = dict(qgis_process_env, MINEMONITOR_PLUGINPATH=str(plugin_dir.parent),
               MINEMONITOR_CONFIG=qgis_process_env["QGIS_CUSTOM_CONFIG_PATH"])
    out = tmp_path / "density.gpkg"
    proc = subprocess.run(
        [str(root / "scripts" / "qgis-process"), "--json", "run", ALG, "--",
         f"INPUT={root}/data/sample/maus_mining_cells.gpkg|layername=mining_cells",
         f"STUDY_AREA={root}/data/sample/nw4_admin.gpkg|layername=province",
         "CELL_SIZE=100000", "WEIGHT_FIELD=mining_area_km2", f"OUTPUT={out}"],
        env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout[proc.stdout.find("{"):])["results"]
    assert results["OUTPUT"] == str(out) and out.exists()
    assert results["CELL_COUNT"] > 300 and results["TOTAL_MINING_KM2"] > 0


def test_null_mine_id_is_not_a_mine(run_alg, make_layer, tmp_path):
    src = make_layer(tmp_path / "fp.gpkg", [square(100, 100, 200, 200), square(300, 300, 400, 400),
                                            square(500, 500, 600, 600)],
                     crs=EQUAL_AREA, fields={"mine": ["A", None, "A"]})
    run_alg(ALG, {"INPUT": src, "CELL_SIZE": 1000, "GRID_CRS": EQUAL_AREA, "MINE_ID_FIELD": "mine",
                  "OUTPUT": str(tmp_path / "g.gpkg")})
    _, rows = features(tmp_path / "g.gpkg")
    assert rows[(0, 0)]["n_polygons"] == 3
    assert rows[(0, 0)]["n_mines"] == 1


REGRESSIONS = Path(__file__).resolve().parents[2] / "data" / "regressions"


def test_study_area_that_geos_could_not_clip(run_alg, make_layer, tmp_path):
    """Issue #12 regression (data/regressions/SOURCE.md): GEOS 3.11's rectangle clipper left pieces of this
    valid study area with collapsed holes and then refused to clip them again ("Invalid number of points in
    LinearRing found 3"); the clip now falls back to an overlay, and every cell and the footprint reconcile."""
    from qgis.core import QgsGeometry, QgsVectorLayer

    study = f"{REGRESSIONS / 'clip_crash_provinces.gpkg'}|layername=provinces"
    provinces = QgsVectorLayer(study, "provinces", "ogr")
    assert provinces.isValid()
    crs = provinces.crs()
    study_km2 = sum(f.geometry().area() for f in provinces.getFeatures()) / 1e6  # planar, the CRS is equal-area
    centre = next(provinces.getFeatures()).geometry().pointOnSurface()
    footprint = QgsGeometry(centre).buffer(3000, 16)
    src = make_layer(tmp_path / "fp.gpkg", [footprint.asWkt()], crs=crs.toWkt())
    out = tmp_path / "grid.gpkg"
    res = run_alg(ALG, {"INPUT": src, "STUDY_AREA": study, "GRID_CRS": crs, "CELL_SIZE": 10000, "OUTPUT": str(out)})
    layer, rows = features(out)
    assert res["TOTAL_MINING_KM2"] == pytest.approx(footprint.area() / 1e6, rel=RTOL_AREA)
    assert sum(r["cell_km2"] for r in rows.values()) == pytest.approx(study_km2, rel=RTOL_AREA)
    assert sum(r["n_polygons"] for r in rows.values()) >= 1
    assert res["CELL_COUNT"] == layer.featureCount() > 29000  # 2.95 million km² in 100 km² cells
