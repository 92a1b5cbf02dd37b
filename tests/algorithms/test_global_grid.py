"""minemonitor:fishnetdensity on geographic (degree) and sparse grids, through processing.run and qgis_process.

Oracles: the Maus et al. 5' grid aggregated by hand (numpy on the cell centres, and the original
GeoTIFF summed in 6 x 6 blocks), pyproj.Geod polygon areas of densified cells, and the dense fishnet.
"""

from __future__ import annotations

import numpy as np
import pytest

ALG = "minemonitor:fishnetdensity"
RTOL_SUM = 1e-9  # per-cell sums of the 5' cells on the 0.5° grid (the "done when" figure)
RTOL_CELL = 1e-6  # ellipsoidal cell areas against pyproj.Geod on densified cells
SAMPLE_CELLS = "maus_mining_cells.gpkg|layername=mining_cells"


def read_grid(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "grid", "ogr")
    assert layer.isValid(), path
    rows = {}
    for f in layer.getFeatures():
        rows[(int(f["row"]), int(f["col"]))] = {
            "mining_km2": f["mining_km2"], "cell_km2": f["cell_km2"], "n_polygons": f["n_polygons"],
            "density_pct": f["density_pct"], "wkt": f.geometry().asWkt(17),
            "bbox": f.geometry().boundingBox(),
        }
    return layer, rows


def maus_cells(folder):
    from osgeo import ogr

    ds = ogr.Open(str(folder / "maus_mining_cells.gpkg"))
    lyr = ds.GetLayer(0)
    values = np.array([(f["cell_lon"], f["cell_lat"], f["mining_area_km2"]) for f in lyr])
    return values[:, 0], values[:, 1], values[:, 2]


def geod_cell_km2(west, south, east, north, n=4000):
    """Area of a lon/lat cell by pyproj.Geod on the cell densified along its parallels."""
    from pyproj import Geod

    lons = np.linspace(west, east, n + 1)
    ring_lon = np.r_[lons, lons[::-1]]
    ring_lat = np.r_[np.full(n + 1, south), np.full(n + 1, north)]
    area, _ = Geod(ellps="WGS84").polygon_area_perimeter(ring_lon, ring_lat)
    return abs(area) / 1e6


def test_half_degree_grid_of_maus_5min_cells_matches_per_cell_sums(run_alg, sample_data, tmp_path):
    """The 0.5° grid of the bundled 5' Maus cells (weights = mining_area_km2) holds, in every cell, the
    sum of the 5' cells whose centre lies in it (each 5' cell lies in exactly one 0.5° cell)."""
    out = tmp_path / "grid05.gpkg"
    res = run_alg(ALG, {"INPUT": str(sample_data / SAMPLE_CELLS), "DEGREE_CELL_SIZE": "0.5",
                        "WEIGHT_FIELD": "mining_area_km2", "KEEP_EMPTY": False, "OUTPUT": str(out)})
    layer, rows = read_grid(out)
    assert layer.crs().authid() == "EPSG:4326"
    lon, lat, km2 = maus_cells(sample_data)
    row = np.floor((90.0 - lat) / 0.5).astype(int)  # the Maus raster convention: row 0 below 90° N
    col = np.floor((lon + 180.0) / 0.5).astype(int)
    expected = {}
    for r, c, v in zip(row, col, km2, strict=True):
        expected[(r, c)] = expected.get((r, c), 0.0) + v
    assert set(rows) == set(expected)
    for key, value in expected.items():
        assert rows[key]["mining_km2"] == pytest.approx(value, rel=RTOL_SUM)
    assert res["CELL_COUNT"] == len(expected) == res["CELLS_WITH_MINING"]
    assert res["TOTAL_MINING_KM2"] == pytest.approx(km2.sum(), rel=RTOL_SUM)
    assert sum(r["n_polygons"] for r in rows.values()) == len(km2)  # no sliver counted twice
    # cells on the 0.5° lines, areas exact on the ellipsoid
    for (r, c), cell in list(rows.items())[:25]:
        west, north = -180.0 + 0.5 * c, 90.0 - 0.5 * r
        bbox = cell["bbox"]
        assert (bbox.xMinimum(), bbox.yMaximum(), bbox.xMaximum(), bbox.yMinimum()) == pytest.approx(
            (west, north, west + 0.5, north - 0.5), abs=1e-12)
        assert cell["cell_km2"] == pytest.approx(geod_cell_km2(west, north - 0.5, west + 0.5, north), rel=RTOL_CELL)
        assert cell["density_pct"] == pytest.approx(100 * cell["mining_km2"] / cell["cell_km2"], rel=1e-12)
    log = res["_feedback"].log()
    assert "WGS 84 longitude/latitude cells of 0.5°" in log and "Sparse grid" in log


def test_half_degree_grid_matches_the_original_geotiff_in_blocks(run_alg, shared_data, tmp_path):
    """Independent of the polygon layer: the Maus 5' GeoTIFF clip summed in 6 x 6 blocks."""
    from osgeo import gdal

    out = tmp_path / "grid05.gpkg"
    cells = shared_data / "maus_mining_area_grid_v2" / "maus_v2_5arcmin_cells_nw_bbox.gpkg"
    run_alg(ALG, {"INPUT": f"{cells}|layername=mining_cells", "DEGREE_CELL_SIZE": "30'",
                  "WEIGHT_FIELD": "mining_area_km2", "KEEP_EMPTY": False, "OUTPUT": str(out)})
    _, rows = read_grid(out)
    ds = gdal.Open(str(shared_data / "maus_mining_area_grid_v2" / "global_miningarea_v2_5arcminute_nw_bbox.tif"))
    x0, dx, _, y0, _, _ = ds.GetGeoTransform()
    band = ds.GetRasterBand(1)
    data = band.ReadAsArray().astype(np.float64)
    data[~np.isfinite(data) | (data < 0) | (data == band.GetNoDataValue())] = 0.0
    assert (x0, y0) == pytest.approx((73.0, 50.0)) and dx == pytest.approx(1 / 12)
    blocks = data.reshape(data.shape[0] // 6, 6, data.shape[1] // 6, 6).sum(axis=(1, 3))
    row0, col0 = round((90 - y0) / 0.5), round((x0 + 180) / 0.5)
    expected = {(row0 + r, col0 + c): blocks[r, c] for r, c in zip(*np.nonzero(blocks), strict=True)}
    assert set(rows) == set(expected)
    for key, value in expected.items():
        assert rows[key]["mining_km2"] == pytest.approx(value, rel=RTOL_SUM)


def test_area_mode_on_the_ellipsoid_and_study_area(run_alg, sample_data, make_layer, tmp_path):
    """Without weights the mining area is the footprints' ellipsoidal area: a 0.25° square footprint
    straddling four 0.25° cells; the cells clipped to a study area keep their ellipsoidal area."""
    fp = make_layer(tmp_path / "fp.gpkg", ["POLYGON((100.125 40.125,100.375 40.125,100.375 40.375,"
                                           "100.125 40.375,100.125 40.125))"], crs="EPSG:4326")
    study = make_layer(tmp_path / "study.gpkg", ["POLYGON((99.9 39.9,100.4 39.9,100.4 40.3,99.9 40.3,99.9 39.9))"],
                       crs="EPSG:4326")
    out = tmp_path / "g.gpkg"
    res = run_alg(ALG, {"INPUT": fp, "STUDY_AREA": study, "DEGREE_CELL_SIZE": "0.25", "KEEP_EMPTY": True,
                        "OUTPUT": str(out)})
    _, rows = read_grid(out)
    # the study area spans columns 99.75-100.5 and rows 40.5-39.75: 3 x 3 cells, all meeting it
    assert len(rows) == 9 and res["CELL_COUNT"] == 9
    inside = geod_cell_km2(100.125, 40.125, 100.375, 40.3)  # the footprint's part inside the study area
    assert res["TOTAL_MINING_KM2"] == pytest.approx(inside, rel=RTOL_CELL)
    r0, c0 = int((90 - 40.25) / 0.25), int((100.0 + 180) / 0.25)  # the cell 100.0-100.25 / 40.0-40.25
    assert rows[(r0, c0)]["mining_km2"] == pytest.approx(geod_cell_km2(100.125, 40.125, 100.25, 40.25), rel=RTOL_CELL)
    assert rows[(r0, c0)]["cell_km2"] == pytest.approx(geod_cell_km2(100.0, 40.0, 100.25, 40.25), rel=RTOL_CELL)
    clipped = rows[(r0 - 1, c0 + 1)]  # 100.25-100.5 / 40.25-40.5: clipped to 100.25-100.4 / 40.25-40.3
    assert clipped["cell_km2"] == pytest.approx(geod_cell_km2(100.25, 40.25, 100.4, 40.3), rel=RTOL_CELL)
    assert sum(r["cell_km2"] for r in rows.values()) == pytest.approx(geod_cell_km2(99.9, 39.9, 100.4, 40.3),
                                                                      rel=RTOL_CELL)


def test_sparse_30_arcsecond_global_grid_enumerates_only_touched_cells(run_alg, make_layer, tmp_path):
    """Three small footprints on three continents: the 30" global grid has 933 million cells, the
    sparse output only the handful they meet (MAX_CELLS=50 would refuse any dense grid)."""
    wkts = ["POLYGON((-70.4 -23.6,-70.39 -23.6,-70.39 -23.59,-70.4 -23.59,-70.4 -23.6))",  # Chile, 4 cells
            "POLYGON((116.001 -31.001,116.002 -31.001,116.002 -31.002,116.001 -31.001))",  # Australia, 1 cell
            "POLYGON((110.3 40.5,110.31 40.5,110.31 40.505,110.3 40.505,110.3 40.5))"]  # Inner Mongolia
    fp = make_layer(tmp_path / "fp.gpkg", wkts, crs="EPSG:4326")
    out = tmp_path / "g.gpkg"
    res = run_alg(ALG, {"INPUT": fp, "DEGREE_CELL_SIZE": '30"', "KEEP_EMPTY": False, "MAX_CELLS": 50,
                        "OUTPUT": str(out)})
    _, rows = read_grid(out)
    assert res["CELL_COUNT"] == len(rows) <= 50
    # Chile: 0.01° = 1.2 cells of 1/120° wide and high -> cut into 2 x 2 (columns 13,151..13,152)
    chile = [k for k in rows if k[1] < 21600]
    assert len(chile) == 4
    import shapely

    from minemonitor_plugin.core.geodesy import ellipsoidal_area_km2

    total = ellipsoidal_area_km2([shapely.from_wkt(w) for w in wkts]).sum()
    assert res["TOTAL_MINING_KM2"] == pytest.approx(total, rel=1e-9)


def test_sparse_projected_grid_equals_the_dense_one_where_there_is_mining(run_alg, make_layer, tmp_path):
    """KEEP_EMPTY=False enumerates the cells sparsely: same cells and values as the dense grid's
    cells with mining, and the same footprint rule (a duplicate, a nested copy and a sliver among them)."""
    import re

    crs = "EPSG:6933"
    rng = np.random.default_rng(7)
    wkts = []
    for x, y, w, h in zip(rng.uniform(0, 40_000, 40), rng.uniform(0, 30_000, 40), rng.uniform(50, 3000, 40),
                          rng.uniform(50, 3000, 40), strict=True):
        wkts.append(f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))")
    wkts.append(wkts[0])  # feature 41: a duplicate of feature 1, not counted
    x, y = 20_000.0, 10_000.0
    wkts.append(f"POLYGON(({x} {y},{x + 400} {y},{x + 400} {y + 400},{x} {y + 400},{x} {y}))")  # 42
    wkts.append(f"POLYGON(({x + 100} {y + 100},{x + 200} {y + 100},{x + 200} {y + 200},{x + 100} {y + 200},"
                f"{x + 100} {y + 100}))")  # 43: nested in 42, keeps its own land
    wkts.append(f"POLYGON(({x} {y + 1000},{x + 900} {y + 1000},{x + 900} {y + 1000.001},{x} {y + 1000.001},"
                f"{x} {y + 1000}))")  # 44: a sliver, no area
    fp = make_layer(tmp_path / "fp.gpkg", wkts, crs=crs)
    study = make_layer(tmp_path / "s.gpkg", ["POLYGON((1000 -500,41000 2000,30000 31000,-200 25000,1000 -500))"],
                       crs=crs)
    base = {"INPUT": fp, "STUDY_AREA": study, "CELL_SIZE": 2500, "GRID_CRS": crs}
    dense_res = run_alg(ALG, dict(base, KEEP_EMPTY=True, OUTPUT=str(tmp_path / "dense.gpkg")))
    res = run_alg(ALG, dict(base, KEEP_EMPTY=False, OUTPUT=str(tmp_path / "sparse.gpkg")))
    ids = {}
    for name, run in (("dense", dense_res), ("sparse", res)):
        log = run["_feedback"].log()
        covered = re.search(r"footprints have no land of their own .*?\(feature ids ([0-9, ]+)\)", log)
        sliver = re.search(r"footprints have no area .*?\(feature ids ([0-9, ]+)\)", log)
        ids[name] = (covered.group(1), sliver.group(1))
    assert ids["sparse"] == ids["dense"] and "41" in ids["sparse"][0].split(", ") and ids["sparse"][1] == "44"
    _, dense = read_grid(tmp_path / "dense.gpkg")
    _, sparse = read_grid(tmp_path / "sparse.gpkg")
    mined = {k: v for k, v in dense.items() if v["n_polygons"] > 0}
    assert set(sparse) == set(mined) and res["CELL_COUNT"] == len(mined)
    for key, cell in mined.items():
        for name in ("mining_km2", "cell_km2", "density_pct"):
            assert sparse[key][name] == pytest.approx(cell[name], rel=1e-9, abs=1e-12)
        assert sparse[key]["n_polygons"] == cell["n_polygons"]


def test_statistics_accept_the_degree_grid(run_alg, sample_data, tmp_path):
    """Local Moran on the 0.5° grid: queen weights from the global row/col, areas in km²."""
    grid = tmp_path / "grid05.gpkg"
    provinces = str(sample_data / "nw4_admin.gpkg|layername=province")
    run_alg(ALG, {"INPUT": str(sample_data / SAMPLE_CELLS), "STUDY_AREA": provinces,
                  "DEGREE_CELL_SIZE": "0.5", "WEIGHT_FIELD": "mining_area_km2", "KEEP_EMPTY": True,
                  "OUTPUT": str(grid)})
    res = run_alg("minemonitor:localmoran", {"INPUT": str(grid), "FIELD": "density_pct", "PERMUTATIONS": 99,
                                            "SEED": 1, "OUTPUT": str(tmp_path / "lisa.gpkg")})
    log = res["_feedback"].log()
    assert "contiguity from the fishnet's row/col fields" in log
    assert 0 < res["AREA_PCT_NS"] <= 100


@pytest.mark.parametrize(("value", "message"), [("0.7", "does not divide 180"), ("abc", "not a number of degrees"),
                                                ("0", "greater than 0")])
def test_bad_degree_cell_size_is_refused(value, message, run_alg, sample_data, tmp_path):
    from qgis.core import QgsProcessingException

    out = tmp_path / "g.gpkg"
    with pytest.raises(QgsProcessingException, match=message):
        run_alg(ALG, {"INPUT": str(sample_data / SAMPLE_CELLS), "DEGREE_CELL_SIZE": value, "OUTPUT": str(out)})
    assert not out.exists()


def test_dense_degree_grid_over_limit_is_refused(run_alg, sample_data, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="more than the limit of 1000"):
        run_alg(ALG, {"INPUT": str(sample_data / SAMPLE_CELLS), "DEGREE_CELL_SIZE": "5'", "KEEP_EMPTY": True,
                      "MAX_CELLS": 1000, "OUTPUT": str(tmp_path / "g.gpkg")})


def test_cancel_degree_grid_leaves_no_output(run_alg, sample_data, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelAtHalf(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress > 40:
                self.cancel()

    out = tmp_path / "g.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg(ALG, {"INPUT": str(sample_data / SAMPLE_CELLS), "DEGREE_CELL_SIZE": '30"', "KEEP_EMPTY": False,
                      "OUTPUT": str(out)}, feedback=CancelAtHalf())
    assert not out.exists()


def test_qgis_process_degree_grid(qgis_process, sample_data, tmp_path):
    out = tmp_path / "grid5min.gpkg"
    result = qgis_process(ALG, {"INPUT": str(sample_data / SAMPLE_CELLS),
                                "STUDY_AREA": str(sample_data / "nw4_admin.gpkg|layername=province"),
                                "DEGREE_CELL_SIZE": "5'", "WEIGHT_FIELD": "mining_area_km2", "KEEP_EMPTY": "false",
                                "OUTPUT": str(out)})
    results = result["results"]
    *_, km2 = maus_cells(sample_data)
    assert 0 < results["TOTAL_MINING_KM2"] < km2.sum()  # the bbox reaches beyond the four provinces
    assert results["CELL_COUNT"] <= len(km2)
