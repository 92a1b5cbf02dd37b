"""Independent ellipsoidal areas for the tests: GeographicLib (pyproj.Geod) on densified polygons.

A lon/lat polygon's edges are straight in (longitude, latitude); GeographicLib joins vertices by
geodesics. Densifying the edges makes the two agree up to a term that shrinks with the square of
the step, which Richardson extrapolation over two steps removes (``(4 A(h) - A(2h)) / 3``); what
remains is GeographicLib's rounding over the added vertices, about 1e-10 km² per polygon.
"""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry.polygon import orient

GEOD = Geod(ellps="WGS84")


def geod_area_km2(geom, step: float = 1e-4) -> float:
    """Area (km²) of a lon/lat (multi)polygon, Richardson-extrapolated from two densifications."""

    # GeographicLib's polygon area is signed by ring orientation: exterior counter-clockwise, holes clockwise
    parts = [orient(p, 1.0) for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
    oriented = shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]

    def area(h: float) -> float:
        return abs(GEOD.geometry_area_perimeter(shapely.segmentize(oriented, h))[0]) / 1e6

    fine, coarse = area(step), area(2 * step)
    return (4.0 * fine - coarse) / 3.0


def geod_cell_km2(west: float, south: float, east: float, north: float, n: int = 4000) -> float:
    """Area (km²) of a lon/lat cell by GeographicLib on the cell densified along its parallels."""
    lons = np.linspace(west, east, n + 1)
    ring_lon = np.r_[lons, lons[::-1]]
    ring_lat = np.r_[np.full(n + 1, south), np.full(n + 1, north)]
    area, _ = GEOD.polygon_area_perimeter(ring_lon, ring_lat)
    return abs(area) / 1e6
