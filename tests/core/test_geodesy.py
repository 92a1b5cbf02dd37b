"""core.geodesy: ellipsoidal cell and polygon areas, geodesics and the local azimuthal equidistant projection.

Oracles: published WGS 84 constants, pyproj.Geod (GeographicLib) on densified polygons, PROJ's aeqd.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyproj import Geod, Transformer
from scipy import integrate

from minemonitor_plugin.core import geodesy
from minemonitor_plugin.core.errors import InvalidInputError
from tests.support.geodesy_oracle import geod_area_km2, geod_cell_km2

GEOD = Geod(ellps="WGS84")
RTOL_CELL = 1e-9  # cells against GeographicLib on cells densified along their parallels
RTOL_POLY = 1e-8  # polygons against GeographicLib on densified polygons (tests/support/geodesy_oracle.py)
ABS_POLY = 1e-9  # km² (0.001 m²): GeographicLib's own rounding over hundreds of short segments
RTOL_EXACT = 1e-11  # against adaptive quadrature of the strip formula

geod_km2 = geod_area_km2


def test_published_constants():
    # WGS 84: total area 510,065,621.718 km², authalic radius 6,371,007.181 m (NIMA TR8350.2 / GeographicLib)
    assert 2 * math.pi * geodesy.WGS84_A**2 * geodesy.Q_POLE / 1e6 == pytest.approx(510_065_621.718, abs=0.01)
    assert pytest.approx(6_371_007.181, abs=0.001) == geodesy.AUTHALIC_RADIUS
    # the whole globe as cells adds up to that area
    lats = np.linspace(-90, 90, 361)
    assert geodesy.cell_area_km2(lats[:-1], lats[1:], 360.0).sum() == pytest.approx(510_065_621.718, abs=0.01)


@pytest.mark.parametrize(("west", "south", "size"), [(10, 45, 0.5), (73, 49.5, 1 / 12), (-70.5, -23.5, 1 / 120),
                                                     (0, 89.5, 0.5), (179.5, -90.0, 0.5), (-180, -0.5, 1.0)])
def test_cell_area_matches_geographiclib(west, south, size):
    expected = geod_cell_km2(west, south, west + size, south + size)
    assert geodesy.cell_area_km2(south, south + size, size) == pytest.approx(expected, rel=RTOL_CELL)
    box = shapely.box(west, south, west + size, south + size)
    assert geodesy.ellipsoidal_area_km2([box])[0] == pytest.approx(expected, rel=RTOL_CELL)


@pytest.mark.parametrize("lat", [-85.0, -33.0, 0.0, 47.0, 67.0, 85.0])
@pytest.mark.parametrize("size", [0.002, 0.05, 1.0])
def test_triangle_area_matches_strip_integration(lat, size):
    """A right triangle with a meridian edge, a parallel edge and a diagonal (latitude linear in
    longitude): its area is the integral over longitude of the cell formula up to the diagonal,
    computed here by adaptive Gauss-Kronrod quadrature (scipy), a second method."""
    top = lat + size if lat < 89 - size else lat - size

    def strip(lon_deg):
        diag = top + (lat - top) * lon_deg / size
        return 0.5 * geodesy.WGS84_A**2 * abs(float(geodesy.authalic_q(diag)) - float(geodesy.authalic_q(lat)))

    value, _ = integrate.quad(strip, 0.0, size, epsabs=0.0, epsrel=1e-13)
    expected = np.radians(value) / 1e6
    triangle = shapely.Polygon([(10.0, lat), (10.0, top), (10.0 + size, lat)])
    assert geodesy.ellipsoidal_area_km2([triangle])[0] == pytest.approx(expected, rel=RTOL_EXACT)


def _polygon(draw_values, cx, cy):
    pts = np.array(draw_values).reshape(-1, 2) * 0.01 + [cx, cy]
    return shapely.make_valid(shapely.convex_hull(shapely.multipoints(pts)))


coords = st.lists(st.tuples(st.floats(-1, 1, allow_nan=False), st.floats(-1, 1, allow_nan=False)), min_size=4,
                  max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(coords, st.floats(-179, 179), st.floats(-80, 80))
def test_polygon_area_matches_geographiclib(values, cx, cy):
    poly = _polygon(values, cx, cy)
    area = geodesy.ellipsoidal_area_km2([poly])[0]
    if shapely.area(poly) < 1e-8:  # a degenerate hull (all points in a line): no area either way
        assert area == pytest.approx(0.0, abs=1e-6)
    else:
        assert area == pytest.approx(geod_km2(poly), rel=RTOL_POLY, abs=ABS_POLY)


@settings(max_examples=40, deadline=None)
@given(coords, st.floats(-179, 179), st.floats(-80, 80), st.floats(0.05, 0.95), st.booleans())
def test_area_is_additive_over_cuts_along_meridians_and_parallels(values, cx, cy, where, along_meridian):
    poly = _polygon(values, cx, cy)
    x0, y0, x1, y1 = poly.bounds
    if along_meridian:
        cut = x0 + where * (x1 - x0)
        halves = shapely.intersection(poly, [shapely.box(-180, -90, cut, 90), shapely.box(cut, -90, 180, 90)])
    else:
        cut = y0 + where * (y1 - y0)
        halves = shapely.intersection(poly, [shapely.box(-180, -90, 180, cut), shapely.box(-180, cut, 180, 90)])
    whole = geodesy.ellipsoidal_area_km2([poly])[0]
    parts = geodesy.ellipsoidal_area_km2(halves).sum()
    assert parts == pytest.approx(whole, rel=1e-10, abs=1e-12)


def test_holes_multipolygons_collections_duplicates_slivers_and_empties():
    outer = shapely.box(100, 40, 100.2, 40.2)
    hole = shapely.box(100.05, 40.05, 100.1, 40.1)
    with_hole = shapely.Polygon(outer.exterior.coords, [hole.exterior.coords[::-1]])
    far = shapely.box(-60, -10, -59.9, -9.9)
    sliver = shapely.box(100, 40, 100 + 1e-9, 40.1)
    collection = shapely.GeometryCollection([outer, shapely.LineString([(0, 0), (1, 1)]), shapely.Point(3, 3)])
    geoms = [with_hole, shapely.MultiPolygon([with_hole, far]), outer, outer, collection, sliver,
             shapely.Polygon(), None, shapely.LineString([(0, 0), (1, 1)])]
    area = geodesy.ellipsoidal_area_km2(geoms)
    a_outer, a_hole, a_far = (geod_km2(g) for g in (outer, hole, far))
    assert area[0] == pytest.approx(a_outer - a_hole, rel=RTOL_POLY)
    assert area[1] == pytest.approx(a_outer - a_hole + a_far, rel=RTOL_POLY)
    assert area[2] == area[3] == pytest.approx(a_outer, rel=RTOL_POLY)  # duplicates, same value
    assert area[4] == pytest.approx(a_outer, rel=RTOL_POLY)  # lines and points of a collection add nothing
    assert 0 < area[5] < 1e-6
    assert list(area[6:]) == [0.0, 0.0, 0.0]
    # orientation does not matter (clockwise exterior, counter-clockwise hole)
    flipped = shapely.Polygon(outer.exterior.coords[::-1], [hole.exterior.coords])
    assert geodesy.ellipsoidal_area_km2([flipped])[0] == pytest.approx(area[0], rel=1e-12)
    # nested copy inside a polygon: areas are per geometry, not dissolved
    inner = shapely.box(100.01, 40.01, 100.02, 40.02)
    assert geodesy.ellipsoidal_area_km2([outer, inner]).sum() > area[2]


def test_long_edges_are_split_before_quadrature():
    # a 20° x 20° quadrangle whose edges are straight in lon/lat; reference: densified GeographicLib
    big = shapely.box(60, 10, 80, 30)
    assert geodesy.ellipsoidal_area_km2([big])[0] == pytest.approx(
        float(geodesy.cell_area_km2(10, 30, 20)), rel=1e-12)
    tilted = shapely.Polygon([(60, 10), (80, 14), (75, 30), (62, 25)])
    assert geodesy.ellipsoidal_area_km2([tilted])[0] == pytest.approx(geod_km2(tilted, 1e-3), rel=1e-7)


def test_errors_name_the_polygon():
    ok = shapely.box(0, 0, 1, 1)
    across = shapely.Polygon([(179.5, 0), (-179.5, 0), (-179.5, 1), (179.5, 1)])
    with pytest.raises(InvalidInputError, match="Polygon 1 crosses the antimeridian"):
        geodesy.ellipsoidal_area_km2([ok, across])
    with pytest.raises(InvalidInputError, match="Polygon 2 has coordinates outside"):
        geodesy.ellipsoidal_area_km2([ok, ok, shapely.box(500000, 0, 500100, 100)])


@settings(max_examples=30, deadline=None)
@given(st.floats(-179, 179), st.floats(-75, 75), st.floats(-2, 2), st.floats(-2, 2))
def test_geodesic_inverse_matches_geographiclib(lon, lat, dlon, dlat):
    lat2 = min(max(lat + dlat, -89.0), 89.0)
    lon2 = lon + dlon
    s, az = geodesy.geodesic_inverse(lon, lat, lon2, lat2)
    az_ref, _, s_ref = GEOD.inv(lon, lat, lon2, lat2)
    assert float(s) == pytest.approx(s_ref, abs=1e-3)
    if s_ref > 1.0:  # azimuths compared on the circle: 180 and -180 are the same direction
        difference = (math.degrees(float(az)) - az_ref + 180.0) % 360.0 - 180.0
        assert difference == pytest.approx(0.0, abs=1e-6)


def test_aeqd_matches_proj():
    rng = np.random.default_rng(3)
    lon = rng.uniform(88, 97, 2000)
    lat = rng.uniform(33, 42, 2000)
    x, y = geodesy.aeqd_forward(lon, lat, 92.5, 37.5)
    proj = Transformer.from_crs("EPSG:4326", "+proj=aeqd +lon_0=92.5 +lat_0=37.5 +ellps=WGS84", always_xy=True)
    px, py = proj.transform(lon, lat)
    assert np.abs(x - px).max() < 1e-3 and np.abs(y - py).max() < 1e-3
    centre = geodesy.aeqd_forward(92.5, 37.5, 92.5, 37.5)
    assert float(centre[0]) == 0.0 and float(centre[1]) == 0.0
    line = shapely.LineString([(92.5, 37.5), (92.6, 37.6)])
    projected = geodesy.aeqd_geometries([line, None], 92.5, 37.5)
    assert projected[1] is None
    assert shapely.length(projected[0]) == pytest.approx(GEOD.inv(92.5, 37.5, 92.6, 37.6)[2], abs=1e-3)


def test_antipodal_points_raise():
    with pytest.raises(InvalidInputError, match="did not converge"):
        geodesy.geodesic_inverse(0.0, 0.0, 179.7, 0.3)


def test_degrees_for_metres_is_conservative():
    for lat in (0.0, 40.0, 70.0):
        dlon, dlat = geodesy.degrees_for_metres(10_000, lat)
        east = GEOD.fwd(0.0, lat, 90.0, 10_000)
        north = GEOD.fwd(0.0, lat, 0.0, 10_000)
        assert dlon >= abs(east[0]) and dlat >= abs(north[1] - lat)
