"""Hypothesis strategies for the property-based tests of the geometric kernels (pure shapely, no QGIS).

Footprint layers are what users really have: rectangles and irregular convex polygons, polygons
with holes, multipart polygons, hair-thin (but real) slivers, zero-area polygons, bow-ties,
GeometryCollections as left by makeValid, NULL and empty geometries, and copies of other
footprints of the same layer: exact duplicates, re-digitised copies (other starting vertex,
other orientation, an extra vertex on an edge), nested copies (scaled down inside the original),
all in a shuffled order. Coordinates are metres of an Albers-like CRS (about 500 km east and
4,000 km north of the origin), and vertices are often aligned with the grid lines the fishnet
uses (multiples of ``CELL / 4``), where clipping and overlays meet their special cases.

Imported as ``tests.support.geometry_strategies``.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from hypothesis import strategies as st
from shapely import affinity

#: Fishnet cell size the property tests use (metres); aligned vertices lie on quarters of it.
CELL = 100.0
#: Origin of the generated coordinates (a metric CRS far from its origin, as Albers is).
X0, Y0 = 500_000.0, 4_000_000.0
#: Generated shapes lie within this square (metres from the origin above).
SPAN = 600.0

_STEP = CELL / 4


@st.composite
def coordinate(draw, aligned: bool | None = None) -> float:
    """A coordinate offset in [0, SPAN]: on the quarter-cell lattice or anywhere."""
    if aligned is None:
        aligned = draw(st.booleans())
    if aligned:
        return draw(st.integers(0, int(SPAN / _STEP))) * _STEP
    return draw(st.floats(0, SPAN, allow_nan=False, allow_infinity=False))


@st.composite
def rectangles(draw) -> shapely.Polygon:
    x, y = draw(coordinate()), draw(coordinate())
    aligned = draw(st.booleans())
    if aligned:
        w = draw(st.integers(1, 12)) * _STEP
        h = draw(st.integers(1, 12)) * _STEP
    else:
        w = draw(st.floats(1.0, 300.0))
        h = draw(st.floats(1.0, 300.0))
    return shapely.box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + h)


@st.composite
def convex_polygons(draw) -> shapely.Polygon:
    """An irregular convex polygon: vertices on a circle at random angles."""
    cx, cy = draw(coordinate()), draw(coordinate())
    r = draw(st.floats(2.0, 200.0))
    n = draw(st.integers(3, 9))
    angles = sorted(draw(st.lists(st.floats(0, 2 * math.pi, exclude_max=True), min_size=n, max_size=n,
                                  unique=True)))
    pts = [(X0 + cx + r * math.cos(a), Y0 + cy + r * math.sin(a)) for a in angles]
    poly = shapely.Polygon(pts)
    if not poly.is_valid or poly.area < 1.0:
        poly = shapely.box(X0 + cx, Y0 + cy, X0 + cx + r, Y0 + cy + r)
    return poly


@st.composite
def polygons_with_holes(draw) -> shapely.Polygon:
    """A shell with one or two holes (possibly touching the shell at a vertex or along the grid)."""
    shell = draw(st.one_of(rectangles(), convex_polygons()))
    minx, miny, maxx, maxy = shell.bounds
    out = shell
    for _ in range(draw(st.integers(1, 2))):
        fx = sorted(draw(st.lists(st.floats(0.05, 0.95), min_size=2, max_size=2)))
        fy = sorted(draw(st.lists(st.floats(0.05, 0.95), min_size=2, max_size=2)))
        hole = shapely.box(minx + fx[0] * (maxx - minx), miny + fy[0] * (maxy - miny),
                           minx + max(fx[1], fx[0] + 0.01) * (maxx - minx),
                           miny + max(fy[1], fy[0] + 0.01) * (maxy - miny))
        cut = shapely.difference(out, hole)
        if isinstance(cut, shapely.Polygon) and not cut.is_empty:
            out = cut
    return out


@st.composite
def multipolygons(draw) -> shapely.MultiPolygon:
    """Two or three parts side by side (touching at most along an edge)."""
    parts = []
    dx = 0.0
    for _ in range(draw(st.integers(2, 3))):
        part = draw(st.one_of(rectangles(), convex_polygons()))
        minx, _, maxx, _ = part.bounds
        part = affinity.translate(part, xoff=dx - (minx - X0))
        dx += (maxx - minx) + draw(st.sampled_from([0.0, _STEP, 7.3]))
        parts.append(part)
    return shapely.MultiPolygon(parts)


@st.composite
def slivers(draw) -> shapely.Polygon:
    """A long, thin but real footprint (a road or a trench): 1 cm to 0.5 m wide."""
    x, y = draw(coordinate()), draw(coordinate())
    length = draw(st.floats(10.0, 400.0))
    width = draw(st.floats(0.01, 0.5))
    poly = shapely.box(X0 + x, Y0 + y, X0 + x + length, Y0 + y + width)
    angle = draw(st.sampled_from([0.0, 90.0, 30.0, draw(st.floats(0, 180))]))
    return affinity.rotate(poly, angle, origin=(X0 + x, Y0 + y))


@st.composite
def zero_area_polygons(draw) -> shapely.Polygon:
    """A polygon whose vertices are collinear (invalid; makeValid gives a line)."""
    x, y = draw(coordinate()), draw(coordinate())
    dx, dy = draw(st.floats(1, 200)), draw(st.floats(0, 200))
    return shapely.Polygon([(X0 + x, Y0 + y), (X0 + x + dx, Y0 + y + dy), (X0 + x + 2 * dx, Y0 + y + 2 * dy),
                            (X0 + x, Y0 + y)])


@st.composite
def bow_ties(draw) -> shapely.Polygon:
    """A self-intersecting quadrilateral (invalid; makeValid gives two triangles)."""
    x, y = draw(coordinate()), draw(coordinate())
    s = draw(st.floats(2, 200))
    return shapely.Polygon([(X0 + x, Y0 + y), (X0 + x + s, Y0 + y + s), (X0 + x + s, Y0 + y), (X0 + x, Y0 + y + s)])


@st.composite
def collections(draw) -> shapely.GeometryCollection:
    """A polygon with a dangling line, as makeValid returns for a polygon with a spike."""
    poly = draw(st.one_of(rectangles(), convex_polygons()))
    x, y = poly.exterior.coords[0]
    line = shapely.LineString([(x, y), (x - 37.5, y - 12.5)])
    return shapely.GeometryCollection([poly, line])


def empties() -> st.SearchStrategy:
    return st.sampled_from([None, shapely.Polygon(), shapely.MultiPolygon(), shapely.GeometryCollection()])


def footprint_shapes(invalid: bool = True) -> st.SearchStrategy:
    """One footprint geometry of any legal kind (and, with ``invalid``, the invalid kinds users have)."""
    valid = [rectangles(), convex_polygons(), polygons_with_holes(), multipolygons(), slivers(), collections()]
    if invalid:
        valid += [zero_area_polygons(), bow_ties()]
    return st.one_of(*valid)


def redigitised(poly: shapely.Geometry, how: int) -> shapely.Geometry:
    """The same polygon as digitised again: another starting vertex, reversed, or an extra vertex."""
    if not isinstance(poly, shapely.Polygon) or poly.is_empty:
        return shapely.reverse(poly)
    ring = list(poly.exterior.coords)[:-1]
    holes = [list(h.coords) for h in poly.interiors]
    if how == 0:
        k = len(ring) // 2
        ring = ring[k:] + ring[:k]
    elif how == 1:
        ring = ring[::-1]
    else:  # a vertex in the middle of the first edge
        (ax, ay), (bx, by) = ring[0], ring[1]
        ring = [ring[0], ((ax + bx) / 2, (ay + by) / 2), *ring[1:]]
    return shapely.Polygon(ring, holes)


@st.composite
def footprint_layers(draw, min_size: int = 1, max_size: int = 7, invalid: bool = True,
                     empty: bool = True) -> list:
    """A layer of footprints with duplicates, re-digitised and nested copies, empties, shuffled."""
    base = draw(st.lists(footprint_shapes(invalid), min_size=min_size, max_size=max_size))
    layer = list(base)
    for g in base:
        kind = draw(st.sampled_from(["none", "none", "duplicate", "redigitised", "nested"]))
        if kind == "duplicate":
            layer.append(g)
        elif kind == "redigitised":
            layer.append(redigitised(g, draw(st.integers(0, 2))))
        elif kind == "nested" and g.is_valid and not g.is_empty:
            c = g.centroid
            layer.append(affinity.scale(g, draw(st.floats(0.2, 0.9)), draw(st.floats(0.2, 0.9)), origin=c))
    if empty:
        layer += draw(st.lists(empties(), max_size=2))
    return draw(st.permutations(layer))


@st.composite
def study_areas(draw) -> shapely.Geometry:
    """A study area: a polygon with holes, a multipolygon, a union of boxes, or a collection."""
    kind = draw(st.sampled_from(["box", "holes", "multi", "union", "collection", "convex"]))
    if kind == "box":
        return draw(rectangles())
    if kind == "holes":
        return draw(polygons_with_holes())
    if kind == "multi":
        return draw(multipolygons())
    if kind == "convex":
        return draw(convex_polygons())
    boxes = draw(st.lists(rectangles(), min_size=2, max_size=4))
    union = shapely.union_all(boxes)
    if kind == "union":
        return union
    return shapely.GeometryCollection([union, shapely.LineString([(X0, Y0), (X0 + 10, Y0 + 10)])])


def shuffled(draw, items: list) -> tuple[list, np.ndarray]:
    """``items`` in a drawn order, with the permutation (``out[k] = items[perm[k]]``)."""
    perm = np.asarray(draw(st.permutations(list(range(len(items))))), dtype=np.int64)
    return [items[i] for i in perm], perm
