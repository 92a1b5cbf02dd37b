"""The WGS 84 ellipsoid: exact areas of lon/lat cells and polygons, geodesic distances, local projections.

Everything here is vectorised numpy on plain coordinates in degrees (longitude, latitude on WGS 84).

Areas
-----
A lon/lat cell bounded by two meridians and two parallels has the exact area
``a²/2 · Δλ · (q(φ2) - q(φ1))`` on the ellipsoid, where ``q`` is the authalic-latitude function
(Snyder 1987, eq. 3-12; ``q(φ) = (1 - e²)(sin φ / (1 - e² sin² φ) + atanh(e sin φ) / e)``):
this is the cell area of the Maus et al. grid products and of :mod:`.sparse_grid`.

A polygon given in lon/lat is taken with its edges straight in (longitude, latitude), the reading
GEOS and every GIS give it when clipping, intersecting or gridding lon/lat data. Its ellipsoidal
area follows from Green's theorem on the authalic sphere, ``A = -a²/2 ∮ q(φ) dλ``, integrated
edge by edge (latitude linear in longitude along an edge) with 3-point Gauss-Legendre quadrature
after splitting edges longer than half a degree, which is exact to rounding for such short edges.
Because this area is additive, the pieces of a polygon cut along any meridian or parallel (grid
cells) add up to the polygon's area exactly, which a geodesic-edge area would not do.

Distances
---------
:func:`aeqd_forward` is the ellipsoidal azimuthal equidistant projection centred on a point
(``x = s sin α1, y = s cos α1`` with ``s`` and ``α1`` the geodesic distance and azimuth from the
centre, by Vincenty's inverse formula, accurate to about 0.5 mm): distances from the centre are
exact, other distances within ``r`` of the centre are off by at most about ``(r/R)²/6``
(3e-5 at 100 km).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely

from .errors import InvalidInputError

#: WGS 84 semi-major axis (m) and flattening.
WGS84_A = 6378137.0
WGS84_F = 1.0 / 298.257223563
WGS84_B = WGS84_A * (1.0 - WGS84_F)
WGS84_E2 = WGS84_F * (2.0 - WGS84_F)
WGS84_E = math.sqrt(WGS84_E2)

#: Edges longer than this (degrees) are split before quadrature.
MAX_EDGE_DEG = 0.5

# 3-point Gauss-Legendre nodes and weights on [0, 1].
_GL_NODES = np.array([0.5 - math.sqrt(0.15), 0.5, 0.5 + math.sqrt(0.15)])
_GL_WEIGHTS = np.array([5.0 / 18.0, 8.0 / 18.0, 5.0 / 18.0])
# Edges processed per quadrature chunk (memory bound: 3 floats per edge and node).
_EDGE_CHUNK = 1_000_000


def authalic_q(lat_deg: Any) -> np.ndarray:
    """The authalic function ``q(φ)`` of WGS 84 (dimensionless), for latitudes in degrees.

    ``q(90°) - q(-90°)`` times ``π a²`` is the area of the whole ellipsoid.
    """
    s = np.sin(np.radians(np.asarray(lat_deg, dtype=np.float64)))
    return (1.0 - WGS84_E2) * (s / (1.0 - WGS84_E2 * s * s) + np.arctanh(WGS84_E * s) / WGS84_E)


#: ``q`` at the pole; ``2 π a² Q_POLE`` is the area of WGS 84 (510,065,621.7 km²).
Q_POLE = float(authalic_q(90.0))
#: Radius of the sphere with the ellipsoid's area (m).
AUTHALIC_RADIUS = WGS84_A * math.sqrt(Q_POLE / 2.0)


def cell_area_km2(lat_south: Any, lat_north: Any, width_deg: Any) -> np.ndarray:
    """Exact ellipsoidal area (km²) of lon/lat cells between two parallels, ``width_deg`` wide.

    Parameters
    ----------
    lat_south, lat_north : array_like
        Latitudes (degrees) of the southern and northern edges.
    width_deg : array_like
        Width in degrees of longitude.

    Examples
    --------
    >>> round(float(cell_area_km2(0.0, 0.5, 0.5)), 3)  # a 0.5° cell at the equator
    3077.23
    """
    qn = authalic_q(lat_north)
    qs = authalic_q(lat_south)
    width = np.radians(np.asarray(width_deg, dtype=np.float64))
    return 0.5 * WGS84_A * WGS84_A * width * (qn - qs) / 1e6


def _simple_polygons(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Polygon parts of the geometries and the index of the geometry each comes from."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    types = shapely.get_type_id(parts)
    nested = np.isin(types, (4, 5, 6, 7))  # collections inside collections
    while nested.any():
        sub, sub_owner = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], sub])
        owner = np.concatenate([owner[~nested], owner[nested][sub_owner]])
        types = shapely.get_type_id(parts)
        nested = np.isin(types, (4, 5, 6, 7))
    keep = (types == 3) & ~shapely.is_empty(parts)
    return parts[keep], owner[keep]


def ellipsoidal_area_km2(geometries: Sequence[Any] | np.ndarray) -> np.ndarray:
    """Area (km²) on WGS 84 of lon/lat polygons whose edges are straight in (longitude, latitude).

    Parameters
    ----------
    geometries : array of shapely geometries
        Coordinates in degrees (x = longitude, y = latitude). Polygonal parts count (holes
        subtracted); points, lines, empty and missing geometries have area 0.

    Returns
    -------
    ndarray of float64, one area per geometry.

    Raises
    ------
    InvalidInputError
        For a ring spanning more than 180° of longitude (a polygon crossing the antimeridian
        must be split there) or coordinates outside [-180, 180] x [-90, 90].

    Notes
    -----
    Vectorised over all rings: ``-a²/2 ∮ q(φ) dλ`` per ring (a reference ``q`` of the ring's first
    vertex is subtracted, which leaves the closed integral unchanged and avoids cancellation), the
    exterior ring counted positive and holes negative whatever their orientation.
    """
    geoms = np.asarray(geometries, dtype=object).reshape(-1)
    out = np.zeros(geoms.size, dtype=np.float64)
    if geoms.size == 0:
        return out
    present = np.flatnonzero(~shapely.is_missing(geoms))
    if present.size == 0:
        return out
    polys, owner = _simple_polygons(geoms[present])
    if polys.size == 0:
        return out
    rings, ring_poly = shapely.get_rings(polys, return_index=True)
    exterior = np.r_[True, ring_poly[1:] != ring_poly[:-1]]
    bounds = shapely.bounds(rings)
    if (bounds[:, 0] < -180.0).any() or (bounds[:, 2] > 180.0).any() or (bounds[:, 1] < -90.0).any() or (
        bounds[:, 3] > 90.0
    ).any():
        bad = int(present[owner[ring_poly[np.flatnonzero(
            (bounds[:, 0] < -180.0) | (bounds[:, 2] > 180.0) | (bounds[:, 1] < -90.0) | (bounds[:, 3] > 90.0)
        )[0]]]])
        raise InvalidInputError(
            "Polygon {index} has coordinates outside longitude -180..180 / latitude -90..90; "
            "areas on the ellipsoid need coordinates in degrees (WGS 84).",
            index=bad,
        )
    wide = bounds[:, 2] - bounds[:, 0] > 180.0
    if wide.any():
        raise InvalidInputError(
            "Polygon {index} crosses the antimeridian (an edge spans more than 180° of longitude); "
            "split it at ±180° first.",
            index=int(present[owner[ring_poly[np.flatnonzero(wide)[0]]]]),
        )
    long_edges = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]) > MAX_EDGE_DEG
    if long_edges.any():
        rings = rings.copy()
        rings[long_edges] = shapely.segmentize(rings[long_edges], MAX_EDGE_DEG)
    coords, ring_index = shapely.get_coordinates(rings, return_index=True)
    lon = np.radians(coords[:, 0])
    lat = coords[:, 1]
    same = ring_index[1:] == ring_index[:-1]
    er = ring_index[:-1][same]
    dlam = (lon[1:] - lon[:-1])[same]
    lat0 = lat[:-1][same]
    lat1 = lat[1:][same]
    starts = np.flatnonzero(np.r_[True, ring_index[1:] != ring_index[:-1]])
    q_ref = np.zeros(rings.size)
    q_ref[ring_index[starts]] = authalic_q(lat[starts])
    ring_sum = np.zeros(rings.size)
    for lo in range(0, er.size, _EDGE_CHUNK):
        hi = min(lo + _EDGE_CHUNK, er.size)
        a, b = lat0[lo:hi], lat1[lo:hi]
        nodes = a[:, None] + (b - a)[:, None] * _GL_NODES[None, :]
        mean_q = (authalic_q(nodes) - q_ref[er[lo:hi], None]) @ _GL_WEIGHTS
        ring_sum += np.bincount(er[lo:hi], weights=dlam[lo:hi] * mean_q, minlength=rings.size)
    ring_area = np.abs(-0.5 * WGS84_A * WGS84_A * ring_sum)
    poly_area = np.bincount(ring_poly, weights=np.where(exterior, ring_area, -ring_area), minlength=polys.size)
    out[present] = np.bincount(owner, weights=poly_area, minlength=present.size) / 1e6
    return np.maximum(out, 0.0)


# --------------------------------------------------------------------------- geodesics
def geodesic_inverse(lon1: Any, lat1: Any, lon2: Any, lat2: Any) -> tuple[np.ndarray, np.ndarray]:
    """Geodesic distance (m) and forward azimuth (radians, clockwise from north) on WGS 84.

    Vincenty's inverse formula, vectorised (about 0.5 mm accurate; points must not be nearly
    antipodal, where the iteration does not converge: such pairs raise InvalidInputError).
    """
    f, a, b = WGS84_F, WGS84_A, WGS84_B
    lon1, lat1, lon2, lat2 = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in (lon1, lat1, lon2, lat2)))
    big_l = np.radians(lon2 - lon1)
    big_l = (big_l + math.pi) % (2.0 * math.pi) - math.pi
    u1 = np.arctan((1.0 - f) * np.tan(np.radians(lat1)))
    u2 = np.arctan((1.0 - f) * np.tan(np.radians(lat2)))
    sin_u1, cos_u1 = np.sin(u1), np.cos(u1)
    sin_u2, cos_u2 = np.sin(u2), np.cos(u2)
    lam = big_l.copy()
    active = np.ones(lam.shape, dtype=bool)
    # all bound by the first pass of the loop below
    sin_sigma: np.ndarray
    cos_sigma: np.ndarray
    sigma: np.ndarray
    cos2_alpha: np.ndarray
    cos_2sm: np.ndarray
    sin_lam: np.ndarray
    cos_lam: np.ndarray
    for _ in range(200):
        sin_lam, cos_lam = np.sin(lam), np.cos(lam)
        sin_sigma = np.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
        sigma = np.arctan2(sin_sigma, cos_sigma)
        with np.errstate(invalid="ignore", divide="ignore"):
            sin_alpha = np.where(sin_sigma > 0, cos_u1 * cos_u2 * sin_lam / sin_sigma, 0.0)
            cos2_alpha = 1.0 - sin_alpha * sin_alpha
            cos_2sm = np.where(cos2_alpha > 0, cos_sigma - 2.0 * sin_u1 * sin_u2 / cos2_alpha, 0.0)
        c = f / 16.0 * cos2_alpha * (4.0 + f * (4.0 - 3.0 * cos2_alpha))
        new = big_l + (1.0 - c) * f * sin_alpha * (
            sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1.0 + 2.0 * cos_2sm * cos_2sm))
        )
        change = np.abs(new - lam)
        lam = np.where(active, new, lam)
        active &= change > 1e-12
        if not active.any():
            break
    if active.any():
        raise InvalidInputError(
            "The geodesic between ({lon1}, {lat1}) and ({lon2}, {lat2}) did not converge (nearly antipodal points).",
            lon1=float(lon1[active][0]), lat1=float(lat1[active][0]),
            lon2=float(lon2[active][0]), lat2=float(lat2[active][0]),
        )
    u_sq = cos2_alpha * (a * a - b * b) / (b * b)
    big_a = 1.0 + u_sq / 16384.0 * (4096.0 + u_sq * (-768.0 + u_sq * (320.0 - 175.0 * u_sq)))
    big_b = u_sq / 1024.0 * (256.0 + u_sq * (-128.0 + u_sq * (74.0 - 47.0 * u_sq)))
    d_sigma = big_b * sin_sigma * (
        cos_2sm + big_b / 4.0 * (
            cos_sigma * (-1.0 + 2.0 * cos_2sm * cos_2sm)
            - big_b / 6.0 * cos_2sm * (-3.0 + 4.0 * sin_sigma * sin_sigma) * (-3.0 + 4.0 * cos_2sm * cos_2sm)
        )
    )
    distance = b * big_a * (sigma - d_sigma)
    azimuth = np.arctan2(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
    return distance, azimuth


def aeqd_forward(lon: Any, lat: Any, lon0: float, lat0: float) -> tuple[np.ndarray, np.ndarray]:
    """Ellipsoidal azimuthal equidistant coordinates (m) of lon/lat points about ``(lon0, lat0)``.

    The same projection as PROJ's ``+proj=aeqd +lon_0 +lat_0 +ellps=WGS84``.
    """
    distance, azimuth = geodesic_inverse(lon0, lat0, lon, lat)
    return distance * np.sin(azimuth), distance * np.cos(azimuth)


def aeqd_geometries(geometries: Sequence[Any] | np.ndarray, lon0: float, lat0: float) -> np.ndarray:
    """Shapely geometries in lon/lat projected to the azimuthal equidistant plane about a centre."""
    geoms = np.asarray(geometries, dtype=object).reshape(-1)
    if geoms.size == 0:
        return geoms.copy()

    def project(coords: np.ndarray) -> np.ndarray:
        if coords.size == 0:
            return coords
        x, y = aeqd_forward(coords[:, 0], coords[:, 1], lon0, lat0)
        return np.column_stack([x, y])

    return shapely.transform(geoms, project)


def degrees_for_metres(distance_m: float, max_abs_lat: float) -> tuple[float, float]:
    """Conservative (longitude, latitude) half-widths in degrees of a box that contains every point
    within ``distance_m`` of any point at latitudes up to ``max_abs_lat`` (for candidate searches)."""
    lat = min(abs(float(max_abs_lat)) + distance_m / 110_000.0, 89.0)
    dlat = distance_m / 110_500.0 * 1.01 + 1e-9
    dlon = distance_m / (111_000.0 * math.cos(math.radians(lat))) * 1.01 + 1e-9
    return min(dlon, 360.0), min(dlat, 180.0)
