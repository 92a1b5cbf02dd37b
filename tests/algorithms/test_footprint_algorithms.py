"""minemonitor:footprintstatistics and minemonitor:overlaptabulation through processing.run and qgis_process."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import numpy as np
import pytest

STATS = "minemonitor:footprintstatistics"
OVERLAP = "minemonitor:overlaptabulation"
EQUAL_AREA = "EPSG:6933"  # Lambert cylindrical equal-area, metres: planar areas are true areas
RTOL = 1e-9
ROOT = Path(__file__).resolve().parents[2]


def square(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def rows_of(path, layer=None):
    from qgis.core import QgsVectorLayer

    uri = f"{path}|layername={layer}" if layer else str(path)
    lyr = QgsVectorLayer(uri, "t", "ogr")
    assert lyr.isValid(), uri
    names = lyr.fields().names()
    return [{n: (None if f[n] is None or (hasattr(f[n], "isNull") and f[n].isNull()) else f[n]) for n in names}
            for f in lyr.getFeatures()]


# ----------------------------------------------------------------------------- footprintstatistics
@pytest.fixture
def stats_layer(make_layer, tmp_path):
    # squares of side s m: areas s²/1e6 km², perimeters 4s/1e3 km
    sides = [100, 200, 300, 150, 1000, 3200, 50, 400]
    prov = ["Gansu", "Gansu", "Gansu", "Ningxia", "Ningxia", "Qinghai", None, "Qinghai"]
    mine = ["m1", "m1", "m2", "m3", "m3", "m4", "m5", None]
    wkts = [square(i * 5000, 0, i * 5000 + s, s) for i, s in enumerate(sides)]
    src = make_layer(tmp_path / "fp.gpkg", wkts, crs=EQUAL_AREA, fields={"province": prov, "mine": mine})
    area = np.array(sides, dtype=float) ** 2 / 1e6
    return src, area, np.array(sides) * 4 / 1e3, prov, mine


def test_statistics_per_group_match_numpy(run_alg, stats_layer, tmp_path):
    from scipy import stats as sps

    src, area, perim, prov, mine = stats_layer
    out, sizes, report = tmp_path / "stats.gpkg", tmp_path / "sizes.gpkg", tmp_path / "report.html"
    res = run_alg(STATS, {"INPUT": src, "GROUP_FIELDS": ["province"], "MINE_ID_FIELD": "mine",
                          "AREA_CRS": EQUAL_AREA, "OUTPUT": str(out), "OUTPUT_SIZE_CLASSES": str(sizes),
                          "OUTPUT_HTML": str(report)})
    rows = rows_of(out)
    assert [r["province"] for r in rows] == ["Gansu", "Ningxia", "Qinghai", None, None]
    assert [r["is_total"] for r in rows] == [0, 0, 0, 0, 1]
    prov_arr = np.array(prov, dtype=object)
    for r in rows:
        sel = np.ones(area.size, bool) if r["is_total"] else np.array([p == r["province"] for p in prov_arr])
        a = area[sel]
        assert r["n_polygons"] == sel.sum()
        assert r["total_km2"] == pytest.approx(a.sum(), rel=RTOL)
        assert r["mean_km2"] == pytest.approx(a.mean(), rel=RTOL)
        assert r["median_km2"] == pytest.approx(np.median(a), rel=RTOL)
        assert r["geomean_km2"] == pytest.approx(sps.gmean(a), rel=RTOL)
        assert r["max_km2"] == pytest.approx(a.max(), rel=RTOL)
        assert r["total_perimeter_km"] == pytest.approx(perim[sel].sum(), rel=RTOL)
        assert r["share_pct"] == pytest.approx(100 * a.sum() / area.sum(), rel=RTOL)
        if sel.sum() > 1:
            assert r["std_km2"] == pytest.approx(a.std(ddof=1), rel=RTOL)
        else:
            assert r["std_km2"] is None  # undefined for one polygon: NULL, not 0
        ids = {m for m, s in zip(mine, sel, strict=True) if s and m is not None}
        assert r["n_mines"] == len(ids)
    assert res["N_POLYGONS"] == 8
    assert res["GEOMEAN_KM2"] == pytest.approx(sps.gmean(area), rel=RTOL)
    assert res["NORMALITY_METHOD"] == "shapiro"
    ref = sps.shapiro(np.log(area))
    assert res["NORMALITY_STATISTIC"] == pytest.approx(ref.statistic, rel=1e-9)
    assert res["NORMALITY_P_VALUE"] == pytest.approx(ref.pvalue, rel=1e-9)
    # size classes: counts against numpy, paper's default breaks
    srows = rows_of(sizes)
    edges = [0, 0.024, 0.1, 0.2, 1, 10, 50, 100, 1000, np.inf]
    assert [r["n_polygons"] for r in srows] == [int(((area >= lo) & (area < hi)).sum())
                                                 for lo, hi in itertools.pairwise(edges)]
    assert srows[0]["cum_pct_polygons"] == pytest.approx(100 * np.mean(area < 0.024), rel=RTOL)
    assert srows[-1]["upper_km2"] is None
    assert sum(r["pct_area"] for r in srows) == pytest.approx(100.0, rel=RTOL)
    page = report.read_text(encoding="utf-8")
    assert page.count("<svg") >= 4  # histogram, P-P plot, size classes, top groups
    assert "Shapiro-Wilk" in page and EQUAL_AREA in page
    assert "Gansu" in page
    log = res["_feedback"].log()
    assert "Shapiro-Wilk test on the log areas of 8 polygons" in log
    assert EQUAL_AREA in log


def test_statistics_population_std_and_custom_breaks(run_alg, stats_layer, tmp_path):
    src, area, *_ = stats_layer
    res = run_alg(STATS, {"INPUT": src, "AREA_CRS": EQUAL_AREA, "STD_TYPE": 1, "SIZE_BREAKS": "0.05; 1",
                          "NORMALITY_TEST": 2, "OUTPUT": str(tmp_path / "s.gpkg"),
                          "OUTPUT_SIZE_CLASSES": str(tmp_path / "c.gpkg")})
    rows = rows_of(tmp_path / "s.gpkg")
    assert len(rows) == 1 and rows[0]["is_total"] == 1
    assert rows[0]["std_km2"] == pytest.approx(area.std(ddof=0), rel=RTOL)
    assert [r["n_polygons"] for r in rows_of(tmp_path / "c.gpkg")] == [
        int((area < 0.05).sum()), int(((area >= 0.05) & (area < 1)).sum()), int((area >= 1).sum())]
    assert res["NORMALITY_METHOD"] == "dagostino"


@pytest.mark.parametrize(("params", "message"), [
    ({"SIZE_BREAKS": "0.1, x"}, "not a list of numbers"),
    ({"SIZE_BREAKS": "1, 0.5"}, "strictly increasing"),
    ({"AREA_CRS": "EPSG:4326"}, "not a projected CRS"),
])
def test_statistics_bad_parameters(run_alg, stats_layer, tmp_path, params, message):
    from qgis.core import QgsProcessingException

    src = stats_layer[0]
    with pytest.raises(QgsProcessingException, match=message):
        run_alg(STATS, dict({"INPUT": src, "OUTPUT": "memory:", "OUTPUT_SIZE_CLASSES": "memory:"}, **params))


# ----------------------------------------------------------------------------- overlaptabulation
@pytest.fixture
def overlap_layers(make_layer, tmp_path):
    # footprint 0: 100 x 100 m split by class A | B at x = 30 and zones z1 | z2 at y = 60;
    # footprint 1 overlaps footprint 0 by 20 x 100 m (x 80..100) and lies in B; footprint 2 outside all classes.
    fps = make_layer(tmp_path / "fp.gpkg", [square(0, 0, 100, 100), square(80, 0, 180, 100),
                                            square(1000, 1000, 1010, 1010)],
                     crs=EQUAL_AREA, fields={"province": ["P1", "P1", None]})
    classes = make_layer(tmp_path / "cls.gpkg", [square(-50, -50, 30, 150), square(30, -50, 200, 150),
                                                 square(150, 0, 200, 50)],  # B again, overlapping B
                         crs=EQUAL_AREA, fields={"landuse": ["A", "B", "B"]})
    zones = make_layer(tmp_path / "zones.gpkg", [square(-50, -50, 2000, 60), square(-50, 60, 2000, 2000)],
                       crs=EQUAL_AREA, fields={"name": ["z1", "z2"]})
    return fps, classes, zones


def test_overlap_table_with_zone_layer(run_alg, overlap_layers, tmp_path):
    fps, classes, zones = overlap_layers
    out, pivot, pieces = tmp_path / "t.gpkg", tmp_path / "p.gpkg", tmp_path / "pieces.gpkg"
    res = run_alg(OVERLAP, {"INPUT": fps, "OVERLAY": classes, "CLASS_FIELD": "landuse", "ZONES": zones,
                            "ZONES_FIELD": "name", "AREA_CRS": EQUAL_AREA, "OUTPUT": str(out),
                            "OUTPUT_PIVOT": str(pivot), "OUTPUT_PIECES": str(pieces)})
    got = {(r["zone"], r["class"]): (r["n_polygons"], r["area_km2"] * 1e6, r["pct_of_zone"], r["pct_of_class_total"])
           for r in rows_of(out)}
    # union of footprints 0 and 1: x 0..180, y 0..100; A is x < 30, B x >= 30
    expected = {("z1", "A"): (1, 30 * 60), ("z1", "B"): (2, 150 * 60), ("z2", "A"): (1, 30 * 40),
                ("z2", "B"): (2, 150 * 40), ("z2", "(outside every class)"): (1, 100)}
    assert set(got) == set(expected)
    for key, (n, a) in expected.items():
        assert got[key][0] == n, key
        assert got[key][1] == pytest.approx(a, rel=RTOL), key
    assert got[("z1", "A")][2] == pytest.approx(100 * 1800 / 10800, rel=RTOL)
    assert got[("z1", "B")][3] == pytest.approx(60.0, rel=RTOL)
    assert res["FOOTPRINT_AREA_KM2"] == pytest.approx(180 * 100 / 1e6 + 100 / 1e6, rel=RTOL)
    assert res["OUTSIDE_KM2"] == pytest.approx(100 / 1e6, rel=RTOL)
    assert res["N_FOOTPRINTS"] == 3 and res["AREA_CRS_USED"] == EQUAL_AREA
    prow = {r["zone"]: r for r in rows_of(pivot)}
    assert set(prow) == {"z1", "z2", "Total"}
    assert prow["Total"]["A_km2"] == pytest.approx(0.003, rel=RTOL)
    assert prow["Total"]["B_n"] == 2 and prow["z2"]["outside_n"] == 1
    assert prow["Total"]["total_km2"] == pytest.approx(res["FOOTPRINT_AREA_KM2"], rel=RTOL)
    assert prow["z1"]["total_km2"] == pytest.approx(180 * 60 / 1e6, rel=RTOL)
    prs = rows_of(pieces)
    assert sum(r["area_km2"] for r in prs) == pytest.approx(res["FOOTPRINT_AREA_KM2"], rel=RTOL)
    assert {r["class_id"] for r in prs if r["class"] == "(outside every class)"} == {0}
    assert {r["footprint_fid"] for r in prs} == {1, 2, 3}
    with sqlite3.connect(pieces) as db:
        qml = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()[0]
    assert "class_id" in qml
    log = res["_feedback"].log()
    assert "footprints overlap others" in log and EQUAL_AREA in log


def test_overlap_zone_field_keeps_null_zone(run_alg, overlap_layers, tmp_path):
    fps, classes, _ = overlap_layers
    run_alg(OVERLAP, {"INPUT": fps, "OVERLAY": classes, "CLASS_FIELD": "landuse", "ZONE_FIELD": "province",
                      "AREA_CRS": EQUAL_AREA, "OUTPUT": str(tmp_path / "t.gpkg")})
    got = {(r["zone"], r["class"]): (r["n_polygons"], round(r["area_km2"] * 1e6,
                                                            6)) for r in rows_of(tmp_path / "t.gpkg")}
    assert got == {("P1", "A"): (1, 3000.0), ("P1", "B"): (2, 15000.0), (None, "(outside every class)"): (1, 100.0)}


@pytest.mark.parametrize(("extra", "message"), [
    ({"ZONE_FIELD": "province", "ZONES_FIELD": "name"}, "not both"),
    ({"ZONES_FIELD": ""}, "zone name field"),
])
def test_overlap_zone_parameters_checked(run_alg, overlap_layers, tmp_path, extra, message):
    from qgis.core import QgsProcessingException

    fps, classes, zones = overlap_layers
    params = {"INPUT": fps, "OVERLAY": classes, "CLASS_FIELD": "landuse", "ZONES": zones,
              "OUTPUT": str(tmp_path / "t.gpkg")}
    with pytest.raises(QgsProcessingException, match=message):
        run_alg(OVERLAP, dict(params, **extra))
    assert not (tmp_path / "t.gpkg").exists()


# ----------------------------------------------------------------------------- sample data (Tables 2-5 shape)
@pytest.fixture(scope="module")
def synthetic_footprints(tmp_path_factory, shared_data):
    from tools import synthetic

    # the paper-scale generator (12,680 polygons), thinned to every 8th polygon to keep the test quick
    full = synthetic.generate_footprints(seed=2022)
    keep = np.arange(0, len(full), 8)
    attributes = {k: np.asarray(v)[keep] for k, v in full.attributes.items()}
    attributes["fid"] = np.arange(1, keep.size + 1, dtype=np.int64)
    fp = synthetic.SyntheticFootprints(full.geometries[keep], attributes)
    path = tmp_path_factory.mktemp("synthetic") / "footprints.gpkg"
    synthetic.write_gpkg(path, fp.geometries, fp.attributes, to_wgs84=True)
    return f"{path}|layername=footprints", fp


def test_tables_on_sample_data_agree_with_geopandas(run_alg, synthetic_footprints, shared_data, tmp_path, geopandas):
    """Provinces as zones, Natural Earth physical regions as (overlapping) classes: the Table 5 shape.
    The areas agree with an independent geopandas.overlay computation in the same CRS."""
    gpd = geopandas
    src, fp = synthetic_footprints
    provinces = f"{shared_data}/cn_admin_nw4_counties/nw4_admin.gpkg|layername=province"
    regions = (f"{shared_data}/natural_earth_physical_nw/ne_10m_physical_nw_bbox.gpkg"
               "|layername=ne_10m_geography_regions_polys")
    res = run_alg(OVERLAP, {"INPUT": src, "OVERLAY": regions, "CLASS_FIELD": "featurecla", "ZONES": provinces,
                            "ZONES_FIELD": "province", "OUTPUT": str(tmp_path / "t.gpkg"),
                            "OUTPUT_PIVOT": str(tmp_path / "p.gpkg")})
    rows = rows_of(tmp_path / "t.gpkg")
    crs = res["AREA_CRS_USED"]
    assert crs.startswith("+proj=aea")
    zones = {r["zone"] for r in rows}
    assert {"Gansu", "Qinghai", "Ningxia", "Xinjiang"} <= zones
    # independent: geopandas overlay in the same Albers CRS
    f = gpd.read_file(src.split("|")[0], layer="footprints").to_crs(crs)[["geometry"]]
    p = gpd.read_file(provinces.split("|")[0], layer="province").to_crs(crs)
    r = gpd.read_file(regions.split("|")[0], layer="ne_10m_geography_regions_polys").to_crs(crs)
    r["geometry"] = r.make_valid()
    p["geometry"] = p.make_valid()
    fz = gpd.overlay(f, p[["province", "geometry"]], how="intersection", keep_geom_type=True)
    zone_area = fz.dissolve(by="province").area / 1e6
    fzd = fz.dissolve(by="province", as_index=False)[["province", "geometry"]]
    rd = r.dissolve(by="featurecla", as_index=False)[["featurecla", "geometry"]]
    inter = gpd.overlay(fzd, rd, how="intersection", keep_geom_type=True)
    ref = inter.assign(a=inter.area / 1e6).groupby(["province", "featurecla"])["a"].sum()
    got = {(row["zone"], row["class"]): row["area_km2"] for row in rows}
    for (z, c), a in ref.items():
        if a > 1e-9:
            assert got[(z, c)] == pytest.approx(a, rel=1e-6), (z, c)
    pivot = {row["zone"]: row for row in rows_of(tmp_path / "p.gpkg")}
    for z, a in zone_area.items():
        assert pivot[z]["total_km2"] == pytest.approx(a, rel=1e-6)
    total = fp.attributes["area_km2"].sum()  # synthetic footprints do not overlap
    assert pivot["Total"]["total_km2"] == pytest.approx(total, rel=2e-3)  # generator's Albers vs fitted Albers


def test_statistics_on_sample_data_shape_of_table_2(run_alg, synthetic_footprints, tmp_path):
    src, fp = synthetic_footprints
    res = run_alg(STATS, {"INPUT": src, "GROUP_FIELDS": ["province", "county"], "MINE_ID_FIELD": "mine_id",
                          "OUTPUT": str(tmp_path / "s.gpkg"), "OUTPUT_SIZE_CLASSES": str(tmp_path / "c.gpkg"),
                          "OUTPUT_HTML": str(tmp_path / "r.html")})
    rows = rows_of(tmp_path / "s.gpkg")
    total = next(r for r in rows if r["is_total"])
    assert total["n_polygons"] == len(fp) == res["N_POLYGONS"]
    assert total["n_mines"] == len(set(fp.attributes["mine_id"]))
    assert total["total_km2"] == pytest.approx(fp.attributes["area_km2"].sum(), rel=2e-3)
    per_prov = {}
    for r in rows:
        if not r["is_total"]:
            per_prov[r["province"]] = per_prov.get(r["province"], 0) + r["n_polygons"]
    for prov in ("Gansu", "Qinghai", "Ningxia", "Xinjiang"):
        assert per_prov[prov] == int((fp.attributes["province"] == prov).sum())
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "D'Agostino" not in page or res["NORMALITY_METHOD"] == "dagostino"
    assert "province = Xinjiang" in page  # top counties per province (Fig. 3 panels)


def test_qgis_process_runs_overlaptabulation(qgis_process, overlap_layers, tmp_path):
    fps, classes, _zones = overlap_layers
    out = tmp_path / "table.gpkg"
    result = qgis_process(OVERLAP, {"INPUT": fps, "OVERLAY": classes, "CLASS_FIELD": "landuse",
                                    "ZONE_FIELD": "province", "AREA_CRS": EQUAL_AREA, "OUTPUT": str(out)})
    results = result["results"]
    assert results["FOOTPRINT_AREA_KM2"] == pytest.approx(0.0181, rel=RTOL)
    assert results["OUTSIDE_KM2"] == pytest.approx(0.0001, rel=RTOL)
    assert results["AREA_CRS_USED"] == EQUAL_AREA
    assert len(rows_of(out)) == 3


def test_qgis_process_runs_footprintstatistics(qgis_process, stats_layer, tmp_path):
    from scipy import stats as sps

    src, area, *_ = stats_layer
    result = qgis_process(STATS, {"INPUT": src, "GROUP_FIELDS": ["province", "mine"], "AREA_CRS": EQUAL_AREA,
                                  "OUTPUT": str(tmp_path / "s.gpkg"), "OUTPUT_SIZE_CLASSES": str(tmp_path / "c.gpkg"),
                                  "OUTPUT_HTML": str(tmp_path / "r.html")})
    results = result["results"]
    assert results["N_POLYGONS"] == 8
    assert results["GEOMEAN_KM2"] == pytest.approx(sps.gmean(area), rel=RTOL)
    rows = rows_of(tmp_path / "s.gpkg")
    assert len(rows) == 7  # 6 distinct (province, mine) combinations + the whole-layer row
    assert (tmp_path / "r.html").read_text(encoding="utf-8").count("<svg") >= 4


@pytest.mark.parametrize("path", ["batches, R*-tree", "batches, no R*-tree", "QGIS iterator, requests",
                                  "QGIS iterator, spatial index"])
def test_large_class_layer_read_near_footprints_only(run_alg, overlap_layers, make_layer, monkeypatch, tmp_path, path):
    """Above NEAR_THRESHOLD class polygons, only those near a footprint are read, by every reading
    path: same table as reading them all."""
    import minemonitor_plugin.qgis_io.ogr_batch as ogr_batch
    import minemonitor_plugin.qgis_io.vector as vector

    fps, _classes, _zones = overlap_layers
    options = ["SPATIAL_INDEX=NO"] if path == "batches, no R*-tree" else []
    far = make_layer(tmp_path / "far.gpkg", [square(-50, -50, 30, 150), square(30, -50, 200, 150),
                                             square(150, 0, 200, 50), square(50000, 50000, 50100, 50100)],
                     crs=EQUAL_AREA, fields={"landuse": ["A", "B", "B", "C"]}, options=options)
    params = {"INPUT": fps, "OVERLAY": far, "CLASS_FIELD": "landuse", "ZONE_FIELD": "province", "AREA_CRS": EQUAL_AREA}
    full = run_alg(OVERLAP, dict(params, OUTPUT=str(tmp_path / "full.gpkg")))
    assert "lie near the other layer's features" not in full["_feedback"].log()
    monkeypatch.setattr(vector, "NEAR_THRESHOLD", 0)
    if path.startswith("QGIS"):
        monkeypatch.setattr(ogr_batch, "batch_table", lambda *args: None)
        # ratio 0: one bounding-box request per footprint on the GeoPackage's R-tree; huge: a QgsSpatialIndex
        monkeypatch.setattr(vector, "NEAR_REQUESTS_RATIO", 0 if path.endswith("requests") else 10**9)
    near = run_alg(OVERLAP, dict(params, OUTPUT=str(tmp_path / "near.gpkg")))
    assert "3 of its 4 features lie near the other layer's features" in near["_feedback"].log()
    assert rows_of(tmp_path / "near.gpkg") == rows_of(tmp_path / "full.gpkg")
    assert near["FOOTPRINT_AREA_KM2"] == full["FOOTPRINT_AREA_KM2"]
