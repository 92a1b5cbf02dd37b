"""Zonal class areas: pixel rules, reconciliation with polygon areas, block independence."""

import math

import numpy as np
import pytest
import shapely
from matplotlib.path import Path

from minemonitor_plugin.core.errors import InvalidInputError
from minemonitor_plugin.core.zonal import PixelGrid, PolygonCoverage, geographic_row_areas, tabulate_class_areas

RTOL = 1e-9
GRID = PixelGrid(1000.0, 2000.0, 30.0, 30.0, 60, 50)  # 30 m pixels, x 1000..2800, y 500..2000


def _classes():
    rows, cols = np.mgrid[0:GRID.height, 0:GRID.width]
    return ((rows // 7 + cols // 9) % 4 + 1).astype(np.uint8)


def _blocks(values, nodata=None, rows=16):
    for r in range(0, values.shape[0], rows):
        yield r, 0, values[r:r + rows], None if nodata is None else nodata[r:r + rows]


def _polygons():
    ring = shapely.Point(1500, 1500).buffer(200)
    holed = shapely.Polygon(ring.exterior.coords, [shapely.Point(1500, 1500).buffer(60).exterior.coords])
    tri = shapely.Polygon([(1810.5, 700.2), (2600.1, 900.9), (2000.3, 1400.7)])
    multi = shapely.MultiPolygon([shapely.box(2100, 1600, 2170, 1690), shapely.box(2300.5, 1500.5, 2320.5, 1530.5)])
    tiny = shapely.box(1043, 1907, 1061, 1921)  # smaller than a pixel, off the pixel lattice
    return [holed, tri, multi, tiny]


def _brute_force_fraction(poly, values):
    """Exact class areas by intersecting every pixel square with the polygon (no shortcuts)."""
    rows, cols = np.mgrid[0:GRID.height, 0:GRID.width]
    boxes = shapely.box(GRID.x0 + cols * GRID.dx, GRID.y0 - (rows + 1) * GRID.dy,
                        GRID.x0 + (cols + 1) * GRID.dx, GRID.y0 - rows * GRID.dy)
    with np.errstate(invalid="ignore"):  # GEOS flags the empty intersections of far-away boxes
        area = shapely.area(shapely.intersection(boxes, poly))
    return {c: float(area[values == c].sum()) for c in range(1, 5)}


def test_fraction_rule_reconciles_with_polygon_areas():
    polys = _polygons()
    cov = PolygonCoverage(polys, GRID, "fraction")
    table = tabulate_class_areas(cov, _blocks(_classes()))
    np.testing.assert_allclose(table.classified_area, shapely.area(polys), rtol=RTOL)
    np.testing.assert_allclose(table.total.sum(), shapely.area(polys).sum(), rtol=RTOL)


def test_fraction_rule_matches_brute_force_per_class():
    polys = _polygons()
    values = _classes()
    table = tabulate_class_areas(PolygonCoverage(polys, GRID, "fraction"), _blocks(values))
    for i, poly in enumerate(polys):
        expected = _brute_force_fraction(poly, values)
        got = {c: table.area[i, table.classes.index(c)] if c in table.classes else 0.0 for c in range(1, 5)}
        for c in range(1, 5):
            assert got[c] == pytest.approx(expected[c], rel=RTOL, abs=1e-6), (i, c)


def test_centre_rule_counts_pixel_centres_inside():
    polys = _polygons()
    values = _classes()
    table = tabulate_class_areas(PolygonCoverage(polys, GRID, "centre"), _blocks(values))
    rows, cols = np.mgrid[0:GRID.height, 0:GRID.width]
    centres = np.column_stack([(GRID.x0 + (cols + 0.5) * GRID.dx).ravel(), (GRID.y0 - (rows + 0.5) * GRID.dy).ravel()])
    for i, poly in enumerate(polys):
        # second method: matplotlib's point-in-polygon on every exterior/interior ring
        inside = np.zeros(len(centres), bool)
        for part in getattr(poly, "geoms", [poly]):
            part_in = Path(np.asarray(part.exterior.coords)).contains_points(centres)
            for hole in part.interiors:
                part_in &= ~Path(np.asarray(hole.coords)).contains_points(centres)
            inside |= part_in
        for c in range(1, 5):
            expected = np.count_nonzero(inside & (values.ravel() == c)) * GRID.pixel_area
            got = table.area[i, table.classes.index(c)] if c in table.classes else 0.0
            assert got == pytest.approx(expected), (i, c)
    # the sub-pixel footprint holds no pixel centre: centre rule 0, fraction rule its area
    assert table.classified_area[3] == 0
    frac = tabulate_class_areas(PolygonCoverage(polys, GRID, "fraction"), _blocks(values))
    assert frac.classified_area[3] == pytest.approx(18 * 14)


def test_pixel_aligned_polygons_agree_under_both_rules():
    poly = shapely.box(1090, 1640, 1390, 1910)  # 10 x 9 pixels exactly
    values = _classes()
    for rule in ("centre", "fraction"):
        t = tabulate_class_areas(PolygonCoverage([poly], GRID, rule), _blocks(values))
        assert t.classified_area[0] == pytest.approx(poly.area, rel=RTOL)
        assert t.pixels[0] == 90


def test_results_do_not_depend_on_block_height():
    polys = _polygons()
    values = _classes()
    ref = tabulate_class_areas(PolygonCoverage(polys, GRID, "fraction"), _blocks(values, rows=GRID.height))
    for rows in (1, 5, 16):
        t = tabulate_class_areas(PolygonCoverage(polys, GRID, "fraction"), _blocks(values, rows=rows))
        np.testing.assert_allclose(t.area, ref.area, rtol=RTOL)


def test_nodata_area_shares_groups_and_outside_polygons():
    values = _classes()
    nodata = np.zeros(values.shape, bool)
    nodata[:, :5] = True  # x < 1150 is NoData
    polys = [shapely.box(1000, 1700, 1300, 2000), shapely.box(2000, 800, 2300, 1100),
             shapely.box(5000, 5000, 5100, 5100)]
    t = tabulate_class_areas(PolygonCoverage(polys, GRID, "fraction"), _blocks(values, nodata))
    assert t.nodata_area[0] == pytest.approx(150 * 300)
    assert t.classified_area[0] == pytest.approx(150 * 300)
    assert t.classified_area[2] == 0 and t.nodata_area[2] == 0  # outside the raster
    share = t.share
    np.testing.assert_allclose(np.nansum(share, axis=1)[:2], [1.0, 1.0])
    assert np.isnan(share[2]).all()
    keys, area, nod = t.grouped(["a", "b", "a"])
    assert keys == ["a", "b"]
    np.testing.assert_allclose(area[0], t.area[0] + t.area[2])
    np.testing.assert_allclose(nod, [t.nodata_area[0], t.nodata_area[1]])
    with pytest.raises(InvalidInputError):
        t.grouped(["a"])


def test_empty_and_missing_geometries_cover_nothing():
    t = tabulate_class_areas(PolygonCoverage([None, shapely.Polygon()], GRID, "fraction"), _blocks(_classes()))
    np.testing.assert_array_equal(t.classified_area, [0, 0])


def test_geographic_row_areas_add_up_to_the_ellipsoid():
    rows = geographic_row_areas(90.0, 1.0, 180, 1.0)
    # WGS84 surface area 510,065,621.724 km^2 (e.g. Moritz 2000, Geodetic Reference System 1980 values)
    assert rows.sum() * 360 == pytest.approx(510_065_621.724e6, rel=1e-9)
    # a 1 x 1 degree cell at the equator is about 12,308 km^2
    assert rows[89] / 1e6 == pytest.approx(12308.0, rel=1e-3)
    assert math.isclose(rows[0], rows[-1])


def test_bad_rule_and_grid():
    with pytest.raises(InvalidInputError):
        PolygonCoverage([], GRID, "touch")
    with pytest.raises(InvalidInputError):
        PixelGrid.from_geotransform((0, 1, 0, 0, 0, 1), 10, 10)
