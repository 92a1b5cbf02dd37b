"""Zones from boundary layers in footprintstatistics and overlaptabulation (issue #17, Fig. 3).

Oracle: QGIS's own "Join attributes by location" with the largest-overlap method (native), and
QGIS's native intersection for the split areas.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

STATS = "minemonitor:footprintstatistics"
OVERLAP = "minemonitor:overlaptabulation"
ALBERS = "+proj=aea +lat_0=40 +lon_0=90 +lat_1=34 +lat_2=47 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"


def rows_of(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid(), path
    names = layer.fields().names()
    return [{n: (None if f[n] is None or (hasattr(f[n], "isNull") and f[n].isNull()) else f[n]) for n in names}
            for f in layer.getFeatures()]


@pytest.fixture(scope="module")
def county_footprints(tmp_path_factory, sample_data):
    """500 squares of 300 m - 3 km in Albers metres around points inside the NW4 counties (seeded),
    many crossing county lines, and 5 squares far outside every county (in Mongolia)."""
    import shapely
    from osgeo import ogr, osr

    ds = ogr.Open(str(sample_data / "nw4_admin.gpkg"))
    lyr = ds.GetLayerByName("county")
    src = lyr.GetSpatialRef()
    dst = osr.SpatialReference()
    dst.ImportFromProj4(ALBERS)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_albers = osr.CoordinateTransformation(src, dst)
    counties = []
    for f in lyr:
        g = f.GetGeometryRef().Clone()
        g.Transform(to_albers)
        counties.append(shapely.from_wkb(bytes(g.ExportToWkb())))
    counties = np.array(counties, dtype=object)
    rng = np.random.default_rng(17)
    # points: on county boundaries (straddlers) and inside counties
    boundary = shapely.get_coordinates(shapely.boundary(counties[rng.choice(len(counties), 60)]))
    inner = shapely.get_coordinates(shapely.point_on_surface(counties))
    outside = np.column_stack([np.linspace(900_000, 1_000_000, 5), np.full(5, 800_000.0)])
    centres = np.vstack([boundary[rng.choice(len(boundary), 300)], inner[rng.choice(len(inner), 200)], outside])
    sides = rng.uniform(300, 3000, len(centres))
    wkts = [shapely.box(x - s / 2, y - s / 2, x + s / 2, y + s / 2).wkt for (x, y), s in zip(centres, sides,
                                                                                             strict=True)]
    path = tmp_path_factory.mktemp("zones") / "fp.gpkg"
    out = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = out.CreateLayer("fp", dst, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("mineral", ogr.OFTString))
    for i, wkt in enumerate(wkts):
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetField("mineral", ["coal", "gold", "salt"][i % 3])
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feat)
    out = None
    return f"{path}|layername=fp", str(sample_data / "nw4_admin.gpkg|layername=county")


def largest_overlap_join(footprints, counties, tmp_path):
    """QGIS's join by location, largest overlap: (province, name_zh) per footprint id."""
    import processing

    joined = processing.run("native:joinattributesbylocation", {
        "INPUT": footprints, "JOIN": counties, "PREDICATE": [0], "JOIN_FIELDS": ["province", "name_zh"],
        "METHOD": 2, "DISCARD_NONMATCHING": False, "PREFIX": "", "OUTPUT": str(tmp_path / "joined.gpkg")})["OUTPUT"]
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(joined, "j", "ogr")
    return {f.id(): (f["province"] if f["province"] else None, f["name_zh"] if f["name_zh"] else None)
            for f in layer.getFeatures()}


def test_county_ranking_from_the_county_layer_matches_a_largest_overlap_join(run_alg, county_footprints, tmp_path):
    footprints, counties = county_footprints
    out, report, crossed = tmp_path / "stats.gpkg", tmp_path / "report.html", tmp_path / "crossed.gpkg"
    res = run_alg(STATS, {"INPUT": footprints, "ZONES": counties, "ZONE_FIELDS": ["province", "name_zh"],
                          "TOP_N": 10, "OUTPUT": str(out), "OUTPUT_SIZE_CLASSES": str(tmp_path / "sizes.gpkg"),
                          "OUTPUT_SIZE_BY_GROUP": str(crossed), "OUTPUT_HTML": str(report)})
    expected = {}
    for key in largest_overlap_join(footprints, counties, tmp_path).values():
        expected[key] = expected.get(key, 0) + 1
    rows = [r for r in rows_of(out) if not r["is_total"]]
    got = {(r["province"], r["name_zh"]): r["n_polygons"] for r in rows}
    assert got == expected
    n = sum(expected.values())
    assert res["N_POLYGONS"] == n == 505
    assert res["N_OUTSIDE_ZONES"] == expected[(None, None)] == 5
    for r in rows:
        assert r["count_share_pct"] == pytest.approx(100 * r["n_polygons"] / n, rel=1e-12)
    # the report ranks the top 10 counties of each province by polygon count
    page = report.read_text(encoding="utf-8")
    for province in ("Gansu", "Qinghai", "Ningxia", "Xinjiang"):
        assert f"province = {province}" in page
        ranked = sorted(((c, k) for k, c in expected.items() if k[0] == province), key=lambda t: -t[0])
        count, (_, top) = ranked[0]
        assert f"{province} / {top}" in page
        # its polygon count shows as a whole number in the ranking table (not 407.0000)
        cell = r"</td>\s*<td[^>]*>([^<]*)"
        ranking = rf"{re.escape(province)} / {re.escape(top)}{cell}{cell}</td>\s*</tr>"  # 3-column rankings
        assert next(m.group(1) for m in re.finditer(ranking, page)) == str(count)  # by count, then by area
    assert "Share of polygons (%)" in page  # the count ranking shows count shares (readable header)
    # size classes crossed with the (province, county) groups add up to the group counts
    cross = rows_of(crossed)
    per_group = {}
    for r in cross:
        per_group[(r["province"], r["name_zh"])] = per_group.get((r["province"], r["name_zh"]), 0) + r["n_polygons"]
    assert per_group == expected
    log = res["_feedback"].log()
    assert "footprints cross a zone boundary" in log and "outside every zone polygon" in log


def own_lands(footprints, path):
    """The footprints' own lands by the footprint rule (the slow one-footprint-at-a-time reference of
    tests/support/geometry_reference.py: where squares overlap, the smaller keeps the shared land), written
    as a layer for QGIS's own tools; returns the layer source, the number counted and the union's area (km²)."""
    import shapely
    from osgeo import ogr, osr
    from qgis.core import QgsVectorLayer

    from tests.support.geometry_reference import reference_layer

    layer = QgsVectorLayer(footprints, "f", "ogr")
    geoms = [shapely.from_wkb(bytes(f.geometry().asWkb())) for f in layer.getFeatures()]
    ref = reference_layer(geoms)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(layer.crs().toWkt())
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    out = ds.CreateLayer("lands", srs, ogr.wkbMultiPolygon)
    for land in ref.land:
        if land is not None:
            feat = ogr.Feature(out.GetLayerDefn())
            feat.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(shapely.multipolygons(shapely.get_parts(land)))))
            out.CreateFeature(feat)
    ds = None
    return f"{path}|layername=lands", int(ref.counted.sum()), ref.union.area / 1e6


def test_split_by_county_areas_match_native_intersection(run_alg, county_footprints, tmp_path):
    """Split areas per county against native:intersection of the footprints' own lands (squares drawn around
    the same county point overlap: the shared land is counted once, for the smaller square)."""
    import processing
    from qgis.core import QgsVectorLayer

    footprints, counties = county_footprints
    out = tmp_path / "split.gpkg"
    own_crs = QgsVectorLayer(footprints, "f", "ogr").crs()  # areas in the footprints' own CRS, as native:intersection
    res = run_alg(STATS, {"INPUT": footprints, "ZONES": counties, "ZONE_FIELDS": ["name_zh"], "ZONE_METHOD": 1,
                          "AREA_CRS": own_crs, "OUTPUT": str(out), "OUTPUT_SIZE_CLASSES": str(tmp_path / "s.gpkg")})
    lands, n_counted, union_km2 = own_lands(footprints, tmp_path / "lands.gpkg")
    assert n_counted == 505  # nested squares keep land of their own: every footprint is counted
    inter = processing.run("native:intersection", {"INPUT": lands, "OVERLAY": counties,
                                                   "OVERLAY_FIELDS": ["name_zh"], "OUTPUT": "memory:"})["OUTPUT"]
    expected_area, expected_n = {}, {}
    for f in inter.getFeatures():
        area = f.geometry().area() / 1e6  # planar in the Albers CRS of the footprints
        if area <= 0:
            continue
        expected_area[f["name_zh"]] = expected_area.get(f["name_zh"], 0.0) + area
        expected_n[f["name_zh"]] = expected_n.get(f["name_zh"], 0) + 1
    rows = {r["name_zh"]: r for r in rows_of(out) if not r["is_total"]}
    for name, area in expected_area.items():
        assert rows[name]["total_km2"] == pytest.approx(area, rel=1e-9)
        assert rows[name]["n_polygons"] == expected_n[name]
    total = next(r for r in rows_of(out) if r["is_total"])
    assert total["n_polygons"] == 505 and res["N_POLYGONS"] == 505
    fp_area = union_km2  # the footprints' union: overlaps counted once
    assert total["total_km2"] == pytest.approx(fp_area, rel=1e-9)
    raw_km2 = sum(f.geometry().area() for f in QgsVectorLayer(footprints, "f", "ogr").getFeatures()) / 1e6
    assert fp_area < raw_km2  # the fixture does have overlapping squares
    # the simplified sample counties overlap their neighbours in slivers: pieces cover the footprints
    # (the parts in no county form the NULL row), overlaps of counties count in both
    assert sum(r["total_km2"] for r in rows.values()) >= fp_area * (1 - 1e-12)
    assert sum(r["n_polygons"] for r in rows.values()) > 505  # straddlers count in each county
    assert "were cut into" in res["_feedback"].log()


def test_overlap_tabulation_largest_overlap_equals_attribute_zones(run_alg, county_footprints, tmp_path, sample_data):
    """ZONE_METHOD=1 gives the same table as zones taken from the joined county attribute."""
    import processing

    footprints, counties = county_footprints
    regions = str(sample_data / "ne_physical_regions.gpkg|layername=physical_regions")
    joined = processing.run("native:joinattributesbylocation", {
        "INPUT": footprints, "JOIN": counties, "PREDICATE": [0], "JOIN_FIELDS": ["name_zh"], "METHOD": 2,
        "DISCARD_NONMATCHING": False, "OUTPUT": str(tmp_path / "joined.gpkg")})["OUTPUT"]
    common = {"OVERLAY": regions, "CLASS_FIELD": "name", "AREA_CRS": ALBERS}
    a = run_alg(OVERLAP, dict(common, INPUT=footprints, ZONES=counties, ZONES_FIELD="name_zh", ZONE_METHOD=1,
                              OUTPUT=str(tmp_path / "a.gpkg")))
    b = run_alg(OVERLAP, dict(common, INPUT=joined, ZONE_FIELD="name_zh", OUTPUT=str(tmp_path / "b.gpkg")))
    rows_a = {(r["zone"], r["class"]): (r["n_polygons"], r["area_km2"]) for r in rows_of(tmp_path / "a.gpkg")}
    rows_b = {(r["zone"] if r["zone"] is not None else "(outside every zone)", r["class"]): (r["n_polygons"],
              r["area_km2"]) for r in rows_of(tmp_path / "b.gpkg")}
    assert rows_a.keys() == rows_b.keys()
    for key, (n, area) in rows_a.items():
        assert n == rows_b[key][0] and area == pytest.approx(rows_b[key][1], rel=1e-9)
    assert a["FOOTPRINT_AREA_KM2"] == pytest.approx(b["FOOTPRINT_AREA_KM2"], rel=1e-12)
    assert "given whole to the zone" in a["_feedback"].log()


@pytest.mark.parametrize(("case", "message"), [("nofields", "Choose the zone fields"),
                                               ("clash", "same name as a grouping field"),
                                               ("points", "not a polygon layer")])
def test_bad_zone_input(case, message, run_alg, county_footprints, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    footprints, counties = county_footprints
    params = {"INPUT": footprints, "ZONES": counties, "ZONE_FIELDS": ["name_zh"], "OUTPUT": str(tmp_path / "o.gpkg"),
              "OUTPUT_SIZE_CLASSES": str(tmp_path / "c.gpkg")}
    if case == "nofields":
        params["ZONE_FIELDS"] = []
    elif case == "clash":
        params["INPUT"] = make_layer(tmp_path / "named.gpkg", ["POLYGON((90 40,90.1 40,90.1 40.1,90 40.1,90 40))"],
                                     crs="EPSG:4326", fields={"name_zh": ["x"]})
        params["GROUP_FIELDS"] = ["name_zh"]
    elif case == "points":
        params["ZONES"] = make_layer(tmp_path / "pts.gpkg", ["POINT(90 40)"], crs="EPSG:4326",
                                     fields={"name_zh": ["x"]})
    with pytest.raises(QgsProcessingException, match=message):
        run_alg(STATS, params)
    assert not (tmp_path / "o.gpkg").exists() and not (tmp_path / "c.gpkg").exists()


def test_qgis_process_statistics_by_county_layer(qgis_process, county_footprints, tmp_path):
    footprints, counties = county_footprints
    result = qgis_process(STATS, {"INPUT": footprints, "ZONES": counties, "ZONE_FIELDS": ["province", "name_zh"],
                                  "OUTPUT": str(tmp_path / "s.gpkg"), "OUTPUT_SIZE_CLASSES": str(tmp_path / "c.gpkg")})
    assert result["results"]["N_POLYGONS"] == 505
    assert result["results"]["N_OUTSIDE_ZONES"] == 5


def test_cancel_during_zone_assignment_leaves_no_output(run_alg, county_footprints, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelInZones(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress >= 62:
                self.cancel()

    footprints, counties = county_footprints
    out, sizes = tmp_path / "o.gpkg", tmp_path / "c.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg(STATS, {"INPUT": footprints, "ZONES": counties, "ZONE_FIELDS": ["name_zh"], "ZONE_METHOD": 1,
                        "OUTPUT": str(out), "OUTPUT_SIZE_CLASSES": str(sizes)}, feedback=CancelInZones())
    assert not out.exists() and not sizes.exists()
