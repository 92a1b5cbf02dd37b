"""minemonitor:proximitybands through processing.run and qgis_process.

Oracles: QGIS's own buffer-and-intersect chain (native:buffer with the same 32 segments, dissolved,
native:intersection, native:extractbylocation) in the distance CRS, or in an azimuthal equidistant CRS
centred on the data for the default per-tile measurement; GeographicLib (pyproj.Geod) distances to
GEM coal mine points.
"""

from __future__ import annotations

import numpy as np
import pytest

ALG = "minemonitor:proximitybands"
UTM47 = "EPSG:32647"


def rows_of(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid(), path
    names = layer.fields().names()
    return [{n: (None if f[n] is None or (hasattr(f[n], "isNull") and f[n].isNull()) else f[n]) for n in names}
            for f in layer.getFeatures()]


def write_layer(path, layer, crs, wkts, fields=None, geom_type=None):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = ogr.GetDriverByName("GPKG").Open(str(path), 1) if path.exists() else \
        ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, srs, geom_type or ogr.CreateGeometryFromWkt(wkts[0]).GetGeometryType())
    for name in fields or {}:
        lyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for i, wkt in enumerate(wkts):
        feat = ogr.Feature(lyr.GetLayerDefn())
        for name, values in (fields or {}).items():
            feat.SetField(name, values[i])
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(feat)
    ds = None
    return f"{path}|layername={layer}"


def buffer_intersect(footprints, features, distance, crs=None):
    """QGIS's chain: footprint area within ``distance`` of the features (dissolved footprints) and the
    number of footprints meeting the buffer, in the footprints' CRS (or ``crs``)."""
    import processing
    from qgis.core import QgsCoordinateReferenceSystem

    if crs is not None:
        target = (QgsCoordinateReferenceSystem.fromProj(crs) if crs.startswith("+")
                  else QgsCoordinateReferenceSystem(crs))
        footprints = processing.run("native:reprojectlayer", {"INPUT": footprints, "TARGET_CRS": target,
                                                               "OUTPUT": "memory:"})["OUTPUT"]
        features = [processing.run("native:reprojectlayer", {"INPUT": f, "TARGET_CRS": target,
                                                              "OUTPUT": "memory:"})["OUTPUT"] for f in features]
    buffers = [processing.run("native:buffer", {"INPUT": f, "DISTANCE": distance, "SEGMENTS": 32, "DISSOLVE": True,
                                                "OUTPUT": "memory:"})["OUTPUT"] for f in features]
    merged = processing.run("native:mergevectorlayers", {"LAYERS": buffers, "OUTPUT": "memory:"})["OUTPUT"]
    buffered = processing.run("native:dissolve", {"INPUT": merged, "OUTPUT": "memory:"})["OUTPUT"]
    dissolved = processing.run("native:dissolve", {"INPUT": footprints, "OUTPUT": "memory:"})["OUTPUT"]
    inter = processing.run("native:intersection", {"INPUT": dissolved, "OVERLAY": buffered,
                                                   "OUTPUT": "memory:"})["OUTPUT"]
    area = sum(f.geometry().area() for f in inter.getFeatures()) / 1e6
    hit = processing.run("native:extractbylocation", {"INPUT": footprints, "PREDICATE": [0], "INTERSECT": buffered,
                                                      "OUTPUT": "memory:"})["OUTPUT"]
    total = sum(f.geometry().area() for f in dissolved.getFeatures()) / 1e6
    return area, hit.featureCount(), total


@pytest.fixture(scope="module")
def planar_scene(tmp_path_factory):
    """UTM footprints (some overlapping) in two provinces, river lines and lake polygons."""
    import shapely

    rng = np.random.default_rng(11)
    folder = tmp_path_factory.mktemp("prox")
    origin = np.array([400_000.0, 4_400_000.0])  # UTM 47N metres
    centres = rng.uniform(0, 60_000, (150, 2)) + origin
    sides = rng.uniform(100, 1500, 150)
    wkts = [shapely.box(x, y, x + s, y + s).wkt for (x, y), s in zip(centres, sides, strict=True)]
    wkts.append(shapely.box(centres[0, 0] + 50, centres[0, 1] + 50, centres[0, 0] + 80, centres[0, 1] + 80).wkt)
    zone = ["A" if x < 430_000 else "B" for x, _ in centres] + ["A" if centres[0, 0] < 430_000 else "B"]
    fp = write_layer(folder / "fp.gpkg", "fp", UTM47, wkts, {"province": zone})
    steps = rng.normal(0, 1500, (12, 30, 2))
    starts = rng.uniform(0, 60_000, (12, 1, 2)) + origin
    rivers = write_layer(folder / "rivers.gpkg", "rivers", UTM47,
                         [shapely.LineString(np.cumsum(s, axis=0) + o).wkt for s, o in zip(steps, starts, strict=True)])
    lakes = write_layer(folder / "lakes.gpkg", "lakes", UTM47,
                        [shapely.buffer(shapely.Point(c), r).wkt for c, r in
                         zip(rng.uniform(0, 60_000, (4, 2)) + origin, [800, 1500, 300, 2500], strict=True)])
    return fp, rivers, lakes, folder


def test_bands_reconcile_with_buffer_and_intersect_in_a_projected_crs(run_alg, planar_scene, tmp_path):
    fp, rivers, lakes, _ = planar_scene
    out, per_fp = tmp_path / "table.gpkg", tmp_path / "fp.gpkg"
    res = run_alg(ALG, {"INPUT": fp, "FEATURES": [rivers, lakes], "BANDS": "500, 2000, 5000", "DISTANCE_CRS": UTM47,
                        "ZONE_FIELD": "province", "OUTPUT": str(out), "OUTPUT_FOOTPRINTS": str(per_fp)})
    rows = rows_of(out)
    total = [r for r in rows if r["zone"] == "(all footprints)"]
    assert [r["band_m"] for r in total] == [500.0, 2000.0, 5000.0]
    for r in total:
        area, count, fp_total = buffer_intersect(fp, [rivers, lakes], r["band_m"])
        assert r["area_km2"] == pytest.approx(area, rel=1e-9)
        assert r["n_footprints"] == count
        assert r["zone_km2"] == pytest.approx(fp_total, rel=1e-9)  # overlapping footprints counted once
        assert r["pct_area"] == pytest.approx(100 * area / fp_total, rel=1e-9)
    assert res["N_FOOTPRINTS"] == 151 and res["PCT_AREA_FIRST_BAND"] == pytest.approx(total[0]["pct_area"])
    # per-footprint distances: nearest_m against shapely on the same UTM coordinates
    import shapely

    feats = []
    for source in (rivers, lakes):
        feats += [shapely.from_wkt(r) for r in _wkts(source)]
    union = shapely.union_all(feats)
    for r in rows_of(per_fp):
        geom = _wkts(fp)[r["footprint_fid"] - 1]
        d = shapely.distance(shapely.from_wkt(geom), union)
        if d <= 5000:
            assert r["nearest_m"] == pytest.approx(d, abs=1e-6)
            assert r["band_m"] == next(b for b in (500.0, 2000.0, 5000.0) if d <= b)
        else:
            assert r["nearest_m"] is None and r["band_m"] is None
    # zones from the province field: zones add up to the total
    for b in (500.0, 2000.0, 5000.0):
        zone_rows = [r for r in rows if r["band_m"] == b and r["zone"] != "(all footprints)"]
        assert {r["zone"] for r in zone_rows} == {"A", "B"}
        assert sum(r["n_footprints"] for r in zone_rows) == next(r for r in total if r["band_m"] == b)["n_footprints"]


def _wkts(source):
    from qgis.core import QgsVectorLayer

    return [f.geometry().asWkt(12) for f in QgsVectorLayer(source, "s", "ogr").getFeatures()]


@pytest.fixture(scope="module")
def river_scene(shared_data, tmp_path_factory):
    """300 footprints of 200 m - 1.5 km within 15 km of Natural Earth rivers around 36-37° N, 101-102° E
    (the Yellow River above Lanzhou), in WGS 84."""
    import shapely
    from osgeo import ogr

    ne = shared_data / "natural_earth_physical_nw" / "ne_10m_physical_nw_bbox.gpkg"
    ds = ogr.Open(str(ne))
    lines = [shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb()))
             for f in ds.GetLayerByName("ne_10m_rivers_lake_centerlines")]
    coords = shapely.get_coordinates(shapely.segmentize(np.array(lines, dtype=object), 0.01))
    near = coords[(coords[:, 0] > 100.5) & (coords[:, 0] < 102.5) & (coords[:, 1] > 35.5) & (coords[:, 1] < 37.0)]
    rng = np.random.default_rng(5)
    pick = near[rng.choice(len(near), 300)]
    offset = rng.uniform(-0.15, 0.15, (300, 2))
    size = rng.uniform(0.002, 0.015, 300)
    wkts = [shapely.box(x, y, x + s, y + s).wkt for (x, y), s in zip(pick + offset, size, strict=True)]
    folder = tmp_path_factory.mktemp("rivers")
    fp = write_layer(folder / "fp.gpkg", "fp", "EPSG:4326", wkts)
    rivers = f"{ne}|layername=ne_10m_rivers_lake_centerlines"
    lakes = f"{ne}|layername=ne_10m_lakes"
    return fp, rivers, lakes


def test_natural_earth_rivers_and_lakes_on_the_ellipsoid(run_alg, river_scene, tmp_path):
    """Default measurement (local azimuthal equidistant per 1° tile) against QGIS's buffer-and-intersect
    in one azimuthal equidistant CRS centred on the footprints (distortion below 1e-4 over ±100 km)."""
    fp, rivers, lakes = river_scene
    out = tmp_path / "t.gpkg"
    res = run_alg(ALG, {"INPUT": fp, "FEATURES": [rivers, lakes], "BANDS": "1000,5000,10000", "OUTPUT": str(out),
                        "OUTPUT_HTML": str(tmp_path / "r.html")})
    total = [r for r in rows_of(out) if r["zone"] == "(all footprints)"]
    aeqd = "+proj=aeqd +lat_0=36.25 +lon_0=101.5 +ellps=WGS84 +units=m +no_defs"
    for r in total:
        area, count, fp_total = buffer_intersect(fp, [rivers, lakes], r["band_m"], crs=aeqd)
        assert r["pct_area"] == pytest.approx(100 * area / fp_total, rel=2e-3, abs=0.02)
        assert abs(r["n_footprints"] - count) <= 1  # a footprint within a metre of a band edge may differ
    assert 0 < total[0]["pct_area"] < total[1]["pct_area"] < total[2]["pct_area"] <= 100
    assert "azimuthal equidistant" in res["DISTANCE_METHOD"]
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "≤ 5 km" in page and "ne_10m_lakes" in page


def test_distances_to_gem_coal_mines_match_geodesics(run_alg, shared_data, make_layer, tmp_path):
    """The nearest reported coal mine (GEM points) of footprints near Hami: geodesic distances."""
    import shapely
    from osgeo import ogr
    from pyproj import Geod

    gem = shared_data / "gem_coal_mine_tracker_2022" / "gcmt_july2022_china.gpkg"
    ds = ogr.Open(str(gem))
    pts = np.array([(f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY()) for f in ds.GetLayer(0)])
    near = pts[(pts[:, 0] > 92) & (pts[:, 0] < 95) & (pts[:, 1] > 42) & (pts[:, 1] < 44)]
    rng = np.random.default_rng(3)
    corners = near[rng.choice(len(near), 25)] + rng.uniform(-0.2, 0.2, (25, 2))
    squares = [shapely.box(x, y, x + 0.01, y + 0.01) for x, y in corners]
    fp = make_layer(tmp_path / "fp.gpkg", [s.wkt for s in squares], crs="EPSG:4326")
    res = run_alg(ALG, {"INPUT": fp, "FEATURES": [f"{gem}|layername=coal_mines_china"], "BANDS": "10000",
                        "SEARCH_DISTANCE": 60000, "OUTPUT": str(tmp_path / "t.gpkg"),
                        "OUTPUT_FOOTPRINTS": str(tmp_path / "d.gpkg")})
    geod = Geod(ellps="WGS84")
    got = {r["footprint_fid"]: r["nearest_m"] for r in rows_of(tmp_path / "d.gpkg")}
    for fid, square in enumerate(squares, start=1):
        ring = shapely.get_coordinates(shapely.segmentize(square.exterior, 0.00005))
        best = np.inf
        for px, py in pts:
            if abs(px - square.centroid.x) > 1.5 or abs(py - square.centroid.y) > 1.0:
                continue
            if square.contains(shapely.Point(px, py)):
                best = 0.0
                break
            _, _, dist = geod.inv(np.full(len(ring), px), np.full(len(ring), py), ring[:, 0], ring[:, 1])
            best = min(best, dist.min())
        if best <= 60000:
            assert got[fid] == pytest.approx(best, abs=3.0)  # boundary densified to ~5 m
        else:
            assert got[fid] is None
    assert res["N_FEATURES"] >= len(near)


def test_zones_from_a_layer_and_bad_input(run_alg, planar_scene, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    fp, rivers, _, folder = planar_scene
    zones = write_layer(folder / "zones.gpkg", "zones", UTM47,
                        ["POLYGON((400000 4400000,430000 4400000,430000 4470000,400000 4470000,400000 4400000))",
                         "POLYGON((430000 4400000,470000 4400000,470000 4470000,430000 4470000,430000 4400000))"],
                        {"name": ["west", "east"]})
    out = tmp_path / "z.gpkg"
    run_alg(ALG, {"INPUT": fp, "FEATURES": [rivers], "ZONES": zones, "ZONES_FIELD": "name", "DISTANCE_CRS": UTM47,
                  "OUTPUT": str(out)})
    assert {r["zone"] for r in rows_of(out)} == {"west", "east", "(all footprints)"}
    base = {"INPUT": fp, "FEATURES": [rivers], "OUTPUT": str(tmp_path / "bad.gpkg")}
    for extra, message in (({"BANDS": "5000, 1000"}, "strictly increasing"), ({"BANDS": "a, b"}, "not a list"),
                           ({"BANDS": "-5"}, "strictly increasing"),
                           ({"DISTANCE_CRS": "EPSG:4326"}, "not a projected CRS in metres"),
                           ({"ZONES": zones}, "zone name field"),
                           ({"ZONES": zones, "ZONES_FIELD": "name", "ZONE_FIELD": "province"}, "not both")):
        with pytest.raises(QgsProcessingException, match=message):
            run_alg(ALG, dict(base, **extra))
        assert not (tmp_path / "bad.gpkg").exists()
    empty = make_layer(tmp_path / "none.gpkg", [None], crs="EPSG:4326")  # only a NULL geometry
    with pytest.raises(QgsProcessingException, match="no usable geometry near the footprints"):
        run_alg(ALG, dict(base, FEATURES=[empty]))


def test_footprint_rule_duplicates_and_slivers_are_not_footprints(run_alg, tmp_path):
    """A stope, a pond digitised inside it, a duplicate of the stope and a sliver, 50 m from a river (by hand):
    the pond keeps its own land, the duplicate and the sliver are not counted (as in every algorithm)."""
    x, y = 500_000, 4_400_000
    wkts = [f"POLYGON(({x + 50} {y},{x + 250} {y},{x + 250} {y + 100},{x + 50} {y + 100},{x + 50} {y}))",
            f"POLYGON(({x + 100} {y + 20},{x + 140} {y + 20},{x + 140} {y + 60},{x + 100} {y + 60},"
            f"{x + 100} {y + 20}))",
            f"POLYGON(({x + 50} {y},{x + 250} {y},{x + 250} {y + 100},{x + 50} {y + 100},{x + 50} {y}))",
            f"POLYGON(({x + 50} {y + 200},{x + 250} {y + 200},{x + 250} {y + 200.001},{x + 50} {y + 200.001},"
            f"{x + 50} {y + 200}))"]
    fp = write_layer(tmp_path / "fp.gpkg", "fp", UTM47, wkts)
    river = write_layer(tmp_path / "river.gpkg", "river", UTM47, [f"LINESTRING({x} {y - 1000},{x} {y + 1000})"])
    out, per_fp = tmp_path / "t.gpkg", tmp_path / "f.gpkg"
    res = run_alg(ALG, {"INPUT": fp, "FEATURES": [river], "BANDS": "75, 120", "DISTANCE_CRS": UTM47,
                        "OUTPUT": str(out), "OUTPUT_FOOTPRINTS": str(per_fp)})
    assert res["N_FOOTPRINTS"] == 2 and res["TOTAL_KM2"] == pytest.approx(0.02, rel=1e-9)
    total = {r["band_m"]: r for r in rows_of(out)}
    # within 75 m: the stope's strip x <= 75 m; within 120 m: x <= 120 m, of which 20 m x 40 m is the pond's
    assert (total[75.0]["n_footprints"], total[120.0]["n_footprints"]) == (1, 2)
    assert total[75.0]["area_km2"] == pytest.approx(0.0025, rel=1e-9)
    assert total[120.0]["area_km2"] == pytest.approx(0.007, rel=1e-9)
    assert total[75.0]["pct_footprints"] == pytest.approx(50.0) and total[75.0]["zone_n"] == 2
    fps = {r["footprint_fid"]: r for r in rows_of(per_fp)}
    assert set(fps) == {1, 2}  # the duplicate (3) and the sliver (4) are no footprints
    assert fps[1]["area_km2"] == pytest.approx(0.0184, rel=1e-9) and fps[2]["area_km2"] == pytest.approx(0.0016)
    assert (fps[1]["nearest_m"], fps[2]["nearest_m"]) == (pytest.approx(50.0), pytest.approx(100.0))
    log = res["_feedback"].log()
    assert "Layer fp: 1 footprints have no area (zero-area, collapsed or hair-thin slivers)" in log
    assert "(feature ids 4)" in log and "(feature ids 3)" in log
    assert "Layer fp: 3 footprints overlap others" in log


def test_cancel_leaves_no_output(run_alg, planar_scene, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelMidway(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress >= 40:
                self.cancel()

    fp, rivers, lakes, _ = planar_scene
    out = tmp_path / "c.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg(ALG, {"INPUT": fp, "FEATURES": [rivers, lakes], "OUTPUT": str(out)}, feedback=CancelMidway())
    assert not out.exists()


def test_qgis_process_proximity(qgis_process, planar_scene, tmp_path):
    fp, rivers, lakes, _ = planar_scene
    result = qgis_process(ALG, {"INPUT": fp, "FEATURES": [rivers, lakes], "BANDS": "1000,5000",
                                "ZONE_FIELD": "province", "OUTPUT": str(tmp_path / "q.gpkg"),
                                "OUTPUT_FOOTPRINTS": str(tmp_path / "f.gpkg")})["results"]
    assert result["N_FOOTPRINTS"] == 151 and 0 <= result["PCT_AREA_FIRST_BAND"] <= 100
    import sqlite3

    with sqlite3.connect(tmp_path / "f.gpkg") as db:
        assert db.execute("select count(*) from layer_styles where useAsDefault").fetchone()[0] == 1
