"""Overlap tabulation: hand-built cases with known answers and an independent geopandas.overlay check."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, box

from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.tabulate import (
    ALL,
    OUTSIDE,
    OverlapTable,
    dissolve_overlaps,
    overlap_pivot,
    overlap_tabulation,
)

RTOL = 1e-9  # the reconciliation tolerance
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")  # GEOS errors surface as RuntimeWarnings


def rows(t: OverlapTable) -> dict[tuple[object, object], tuple[int, float]]:
    """{(zone, class): (n_polygons, area in m2)}."""
    return {(z, c): (int(n), a * 1e6) for z, c, n, a in zip(t.zones, t.classes, t.n_polygons, t.area_km2, strict=True)}


def test_footprint_split_across_two_classes_and_two_zones() -> None:
    # one 100 x 100 m footprint; class A west of x=30, B east; zone 1 south of y=60, zone 2 north
    fp = [box(0, 0, 100, 100)]
    classes = [box(-50, -50, 30, 150), box(30, -50, 150, 150)]
    zones = [box(-50, -50, 150, 60), box(-50, 60, 150, 150)]
    t = overlap_tabulation(fp, classes, ["A", "B"], zones=zones, zone_values=["z1", "z2"])
    assert rows(t) == {
        ("z1", "A"): (1, pytest.approx(30 * 60)),
        ("z1", "B"): (1, pytest.approx(70 * 60)),
        ("z2", "A"): (1, pytest.approx(30 * 40)),
        ("z2", "B"): (1, pytest.approx(70 * 40)),
    }
    np.testing.assert_allclose(t.pct_of_zone, [30, 70, 30, 70], rtol=RTOL)
    np.testing.assert_allclose(t.pct_of_class_total, [60, 60, 40, 40], rtol=RTOL)
    np.testing.assert_allclose(t.zone_area_km2 * 1e6, [6000, 4000, 0], rtol=RTOL, atol=1e-12)
    assert t.zone_keys == ("z1", "z2", OUTSIDE)
    assert t.zone_n_polygons.tolist() == [1, 1, 0]
    assert t.class_n_polygons.tolist() == [1, 1, 0]  # A, B, OUTSIDE: the footprint counts once per class
    np.testing.assert_allclose(t.footprint_area_km2, 0.01, rtol=RTOL)


def test_nested_and_overlapping_class_polygons() -> None:
    fp = [box(0, 0, 100, 100)]
    classes = [
        box(0, 0, 50, 100),   # A
        box(10, 10, 20, 20),  # A nested in the first: adds nothing
        box(40, 0, 70, 100),  # A overlapping the first: adds 20 x 100
        box(60, 0, 100, 50),  # B overlaps A's [60, 70] strip: both classes count it
    ]
    t = overlap_tabulation(fp, classes, ["A", "A", "A", "B"])
    r = rows(t)
    assert r[(ALL, "A")] == (1, pytest.approx(70 * 100))
    assert r[(ALL, "B")] == (1, pytest.approx(40 * 50))
    # outside every class: x in [70, 100], y in [50, 100]
    assert r[(ALL, OUTSIDE)] == (1, pytest.approx(30 * 50))
    # covered = union of all classes, so covered + outside = footprint even though A and B overlap
    np.testing.assert_allclose(t.zone_covered_km2 * 1e6 + 1500, 10_000, rtol=RTOL)
    np.testing.assert_allclose(t.pct_of_zone, [70, 20, 15], rtol=RTOL)


def test_multipart_footprint_counts_once_per_class() -> None:
    fp = [MultiPolygon([box(0, 0, 10, 10), box(20, 0, 30, 10), box(40, 0, 50, 10)])]
    classes = [box(-5, -5, 35, 15), box(35, -5, 60, 15)]
    t = overlap_tabulation(fp, classes, [1, 2])
    assert rows(t) == {(ALL, 1): (1, pytest.approx(200)), (ALL, 2): (1, pytest.approx(100))}
    assert t.class_keys == (1, 2, OUTSIDE)


def test_footprint_outside_all_classes_reconciles() -> None:
    fps = [box(0, 0, 10, 10), box(100, 100, 120, 110), box(5, 0, 15, 10)]  # third overlaps the first
    classes = [box(-10, -10, 8, 20)]
    t = overlap_tabulation(fps, classes, ["reserve"], footprint_zones=["Gansu", "Xinjiang", "Gansu"])
    r = rows(t)
    assert r[("Gansu", "reserve")] == (2, pytest.approx(80))
    assert r[("Gansu", OUTSIDE)] == (2, pytest.approx(150 - 80))  # union 15 x 10 minus the reserve part
    assert r[("Xinjiang", OUTSIDE)] == (1, pytest.approx(200))
    np.testing.assert_allclose(t.zone_area_km2.sum() * 1e6, 350, rtol=RTOL)
    np.testing.assert_allclose(t.footprint_area_km2 * 1e6, 350, rtol=RTOL)
    assert t.n_overlapping_footprints == 2
    np.testing.assert_allclose(t.overlap_removed_km2 * 1e6, 50, rtol=RTOL)
    assert t.zone_n_polygons.tolist() == [2, 1]


def test_null_class_and_null_zone_are_rows_of_their_own() -> None:
    fps = [box(0, 0, 10, 10), box(20, 0, 30, 10)]
    classes = [box(0, 0, 5, 10), box(5, 0, 10, 10), box(20, 0, 30, 10)]
    t = overlap_tabulation(fps, classes, ["A", None, float("nan")], footprint_zones=[None, "Qinghai"])
    assert rows(t) == {
        ("Qinghai", None): (1, pytest.approx(100)),
        (None, "A"): (1, pytest.approx(50)),
        (None, None): (1, pytest.approx(50)),
    }
    assert t.zone_keys == ("Qinghai", None)


def test_footprints_overlapping_across_zones_go_to_the_first() -> None:
    fps = [box(0, 0, 10, 10), box(5, 0, 15, 10)]
    t = overlap_tabulation(fps, [box(-100, -100, 100, 100)], ["all"], footprint_zones=["b", "a"])
    # overlap [5, 10] belongs to footprint 0 (zone b); both footprints still count where they lie
    assert rows(t) == {("a", "all"): (1, pytest.approx(50)), ("b", "all"): (1, pytest.approx(100))}


def test_empty_and_invalid_geometries_are_counted() -> None:
    bowtie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)])  # invalid, 2 triangles of 25 m2
    t = overlap_tabulation([bowtie, None, shapely.Polygon()], [box(-1, -1, 11, 11)], ["x"])
    assert t.n_repaired == 1 and t.n_empty == 2 and t.n_footprints == 1
    assert rows(t) == {(ALL, "x"): (1, pytest.approx(50))}


def test_errors_name_the_problem() -> None:
    with pytest.raises(InvalidInputError, match="Footprint 1 is a LineString"):
        overlap_tabulation([box(0, 0, 1, 1), shapely.LineString([(0, 0), (1, 1)])], [box(0, 0, 1, 1)], ["a"])
    with pytest.raises(InvalidInputError, match="2 class values for 1 class polygons"):
        overlap_tabulation([box(0, 0, 1, 1)], [box(0, 0, 1, 1)], ["a", "b"])
    with pytest.raises(InvalidInputError, match="no polygons"):
        overlap_tabulation([None], [box(0, 0, 1, 1)], ["a"])
    with pytest.raises(InvalidInputError):
        overlap_tabulation([box(0, 0, 1, 1)], [box(0, 0, 1, 1)], ["a"], footprint_zones=["z"],
                           zones=[box(0, 0, 1, 1)], zone_values=["z"])


def test_cancel_raises() -> None:
    with pytest.raises(CancelledError):
        overlap_tabulation([box(0, 0, 1, 1)], [box(0, 0, 1, 1)], ["a"], progress=lambda f: f < 0.5)


# --------------------------------------------------------------------------- realistic cases
def _realistic(seed: int, n_fp: int = 400, n_cells: int = 1500) -> dict[str, np.ndarray]:
    """Clustered log-normal footprints (some overlapping) over a Voronoi land-use mosaic and reserves."""
    rng = np.random.default_rng(seed)
    extent = 60_000.0
    centres = rng.uniform(5_000, extent - 5_000, (6, 2))
    xy = centres[rng.integers(0, 6, n_fp)] + rng.normal(0, 3_000, (n_fp, 2))
    radius = np.sqrt(rng.lognormal(np.log(24_000), 1.5, n_fp) / np.pi)
    fps = shapely.buffer(shapely.points(xy), radius, quad_segs=6)
    # a few multipart footprints
    fps[:10] = shapely.union(fps[:10], shapely.transform(fps[:10], lambda c: c + np.array([4_000.0, 0.0])))
    seeds = shapely.multipoints(rng.uniform(-1_000, extent + 1_000, (n_cells, 2)))
    mosaic = shapely.intersection(shapely.get_parts(shapely.voronoi_polygons(seeds)),
                                  box(-2_000, -2_000, extent + 2_000, extent + 2_000))
    landuse = rng.choice(np.array(["grass", "farmland", "mining", "forest", "other", "water", "garden"], dtype=object),
                         mosaic.size)
    landuse[:5] = None
    reserves = shapely.buffer(shapely.points(rng.uniform(0, extent, (25, 2))), rng.uniform(1_000, 6_000, 25))
    reserve_class = rng.choice(np.array(["windbreak", "biodiversity", "water source"], dtype=object), 25)
    provinces = np.array([box(-5_000, -5_000, 30_000, 65_000), box(30_000, -5_000, 50_000, 65_000),
                          box(50_000, -5_000, 65_000, 40_000)], dtype=object)  # a corner outside every zone
    return {"fps": fps, "mosaic": mosaic, "landuse": landuse, "reserves": reserves,
            "reserve_class": reserve_class, "provinces": provinces,
            "zone_field": np.where(xy[:, 0] < 30_000, "west", "east").astype(object)}


@pytest.fixture(scope="module")
def case() -> dict[str, np.ndarray]:
    return _realistic(42)


def _geopandas_reference(gpd, pd, fps, fp_zone, classes, class_values, zone_polys=None, zone_values=None):
    """The same table computed independently with geopandas.overlay + groupby (the oracle modules)."""
    f = gpd.GeoDataFrame({"fid": np.arange(len(fps))}, geometry=list(fps), crs=3857)
    if zone_polys is not None:
        z = gpd.GeoDataFrame({"zone": list(zone_values)}, geometry=list(zone_polys), crs=3857)
        f = gpd.overlay(f, z, how="intersection", keep_geom_type=True)
        outside = gpd.overlay(gpd.GeoDataFrame({"fid": np.arange(len(fps))}, geometry=list(fps), crs=3857),
                              z.dissolve()[["geometry"]], how="difference", keep_geom_type=True)
        outside["zone"] = "<outside>"
        f = pd.concat([f, outside], ignore_index=True)
    else:
        f["zone"] = list(fp_zone)
    f["zone"] = f["zone"].fillna("<null>")
    # area: dissolve footprints per zone (overlaps once); counts: per original footprint
    fz = f.dissolve(by="zone", as_index=False)[["zone", "geometry"]]
    c = gpd.GeoDataFrame({"cls": list(class_values)}, geometry=list(classes), crs=3857)
    c["cls"] = c["cls"].fillna("<null>")
    cd = c.dissolve(by="cls", as_index=False)
    inter = gpd.overlay(fz, cd, how="intersection", keep_geom_type=True)
    area = inter.assign(a=inter.area).groupby(["zone", "cls"])["a"].sum()
    out = gpd.overlay(fz, gpd.GeoDataFrame(geometry=[c.union_all()], crs=3857), how="difference",
                      keep_geom_type=True)
    out_area = out.assign(a=out.area).groupby("zone")["a"].sum()
    pieces = gpd.overlay(f, cd, how="intersection", keep_geom_type=True)
    pieces = pieces[pieces.area > 0]
    counts = pieces.groupby(["zone", "cls"])["fid"].nunique()
    opieces = gpd.overlay(f, gpd.GeoDataFrame(geometry=[c.union_all()], crs=3857), how="difference",
                          keep_geom_type=True)
    opieces = opieces[opieces.area > 1e-10 * np.asarray(shapely.area(np.asarray(fps)))[opieces["fid"]]]
    out_counts = opieces.groupby("zone")["fid"].nunique()
    ref = {(z, k): (int(counts.get((z, k), 0)), float(a)) for (z, k), a in area.items()}
    for z, a in out_area.items():
        if a > 0:
            ref[(z, "<outside>")] = (int(out_counts.get(z, 0)), float(a))
    return ref


def _normalise(t: OverlapTable) -> dict[tuple[object, object], tuple[int, float]]:
    def lab(v: object) -> object:
        return "<outside>" if v is OUTSIDE else "<null>" if v is None else v

    return {(lab(z), lab(c)): (n, a) for (z, c), (n, a) in rows(t).items()}


@pytest.mark.parametrize("layer", ["landuse", "reserves"])
def test_agrees_with_geopandas_overlay_zone_field(case: dict[str, np.ndarray], layer: str, geopandas,
                                                  pandas) -> None:
    classes, values = (case["mosaic"], case["landuse"]) if layer == "landuse" else (case["reserves"],
                                                                                    case["reserve_class"])
    t = overlap_tabulation(case["fps"], classes, values, footprint_zones=case["zone_field"])
    ref = _geopandas_reference(geopandas, pandas, case["fps"], case["zone_field"], classes, values)
    got = _normalise(t)
    assert set(got) == set(ref)
    for key, (n, a) in ref.items():
        assert got[key][0] == n, key
        np.testing.assert_allclose(got[key][1], a, rtol=1e-8, err_msg=str(key))


def test_agrees_with_geopandas_overlay_zone_layer(case: dict[str, np.ndarray], geopandas, pandas) -> None:
    t = overlap_tabulation(case["fps"], case["reserves"], case["reserve_class"], zones=case["provinces"],
                           zone_values=["Gansu", "Qinghai", "Ningxia"])
    ref = _geopandas_reference(geopandas, pandas, case["fps"], None, case["reserves"], case["reserve_class"],
                               case["provinces"], ["Gansu", "Qinghai", "Ningxia"])
    got = _normalise(t)
    assert set(got) == set(ref)
    for key, (n, a) in ref.items():
        assert got[key][0] == n, key
        np.testing.assert_allclose(got[key][1], a, rtol=1e-8, err_msg=str(key))


def test_totals_reconcile_with_footprint_area(case: dict[str, np.ndarray]) -> None:
    fps = case["fps"]
    union_area = shapely.union_all(fps).area / 1e6
    t = overlap_tabulation(fps, case["mosaic"], case["landuse"], zones=case["provinces"],
                           zone_values=["Gansu", "Qinghai", "Ningxia"], keep_pieces=True)
    # land-use classes do not overlap: the rows of every zone add up to its footprint area
    per_zone = dict.fromkeys(t.zone_keys, 0.0)
    for z, a in zip(t.zones, t.area_km2, strict=True):
        per_zone[z] += a
    np.testing.assert_allclose([per_zone[z] for z in t.zone_keys], t.zone_area_km2, rtol=RTOL)
    np.testing.assert_allclose(t.zone_area_km2.sum(), union_area, rtol=RTOL)
    np.testing.assert_allclose(t.footprint_area_km2, union_area, rtol=RTOL)
    np.testing.assert_allclose(t.area_km2.sum(), union_area, rtol=RTOL)
    assert t.n_overlapping_footprints > 0
    np.testing.assert_allclose(t.overlap_removed_km2, shapely.area(fps).sum() / 1e6 - union_area, rtol=1e-6)
    # percentages
    for z in t.zone_keys:
        sel = [i for i, zz in enumerate(t.zones) if zz == z]
        if sel:
            np.testing.assert_allclose(t.pct_of_zone[sel].sum(), 100.0, rtol=RTOL)
    for c in t.class_keys:
        sel = [i for i, cc in enumerate(t.classes) if cc == c]
        if sel:
            np.testing.assert_allclose(t.pct_of_class_total[sel].sum(), 100.0, rtol=RTOL)
    # pieces: disjoint, add up to the rows, and tile the footprint union
    p = t.pieces
    assert p is not None
    np.testing.assert_allclose(p.area_km2.sum(), union_area, rtol=RTOL)
    np.testing.assert_allclose(shapely.area(p.geometries) / 1e6, p.area_km2, rtol=1e-7)
    np.testing.assert_allclose(shapely.union_all(p.geometries).area / 1e6, union_area, rtol=1e-7)
    piece_sum: dict[tuple[object, object], float] = {}
    for z, c, a in zip(p.zones, p.classes, p.area_km2, strict=True):
        piece_sum[(z, c)] = piece_sum.get((z, c), 0.0) + a
    for z, c, a in zip(t.zones, t.classes, t.area_km2, strict=True):
        np.testing.assert_allclose(piece_sum[(z, c)], a, rtol=RTOL)
    assert set(shapely.get_type_id(p.geometries)) <= {3, 6}


def test_pivot_has_table_totals(case: dict[str, np.ndarray]) -> None:
    t = overlap_tabulation(case["fps"], case["reserves"], case["reserve_class"], footprint_zones=case["zone_field"])
    pv = overlap_pivot(t)
    assert pv.zone_keys == ("east", "west")
    assert pv.class_keys[-1] is OUTSIDE
    for z, c, n, a in zip(t.zones, t.classes, t.n_polygons, t.area_km2, strict=True):
        i, j = pv.zone_keys.index(z), pv.class_keys.index(c)
        assert pv.n_polygons[i, j] == n
        assert pv.area_km2[i, j] == a
    np.testing.assert_allclose(pv.area_km2.sum(axis=0), pv.class_area_km2, rtol=RTOL)
    # reserves overlap each other: a row may exceed the zone's area, never fall below it
    assert np.all(pv.area_km2.sum(axis=1) >= pv.zone_area_km2 * (1 - RTOL))
    np.testing.assert_allclose(pv.total_area_km2, t.footprint_area_km2, rtol=RTOL)
    assert pv.total_n_polygons == len(case["fps"])
    assert pv.zone_n_polygons.sum() == len(case["fps"])


def test_dissolve_overlaps_tiles_the_union(case: dict[str, np.ndarray]) -> None:
    fps = case["fps"]
    d = dissolve_overlaps(fps)
    np.testing.assert_allclose(shapely.area(d.geometries).sum(), shapely.union_all(fps).area, rtol=RTOL)
    untouched = ~d.involved
    assert all(shapely.equals_exact(d.geometries[untouched], fps[untouched]))
    # pieces of different footprints share no area
    tree = shapely.STRtree(d.geometries)
    a, b = tree.query(d.geometries, predicate="intersects")
    keep = a < b
    inter = shapely.area(shapely.intersection(d.geometries[a[keep]], d.geometries[b[keep]]))
    assert inter.max(initial=0.0) < 1e-6
