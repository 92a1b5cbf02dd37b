"""Slow, obviously-correct references for the property-based tests: plain shapely, one pair at a time.

The input rule (which geometry is usable, :func:`minemonitor_plugin.core.geometry.clean_polygons`) and
the "has area" predicate (:func:`~minemonitor_plugin.core.geometry.has_area`) are definitions with
their own tests in ``tests/core/test_geometry.py``; everything after them is recomputed here with
Python loops over single geometries, never with the kernels' vectorised code.

Imported as ``tests.support.geometry_reference``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from minemonitor_plugin.core.geometry import COUNTED, clean_polygons, has_area


def _has_area(g) -> bool:
    return bool(has_area([g])[0])


@dataclass
class ReferenceLayer:
    """A footprint layer by the rule, computed slowly."""

    own: list  # cleaned geometry per input (None where unusable)
    land: list  # own land per input (None where not counted)
    counted: np.ndarray

    @property
    def union(self):
        """The union of the footprints, without the slivers that uncounted footprints leave."""
        parts = [g for g in self.land if g is not None]
        return shapely.union_all(parts) if parts else shapely.Polygon()

    @property
    def raw_union(self):
        """The union of every usable footprint (differs from :attr:`union` by slivers only)."""
        parts = [g for g in self.own if g is not None]
        return shapely.union_all(parts) if parts else shapely.Polygon()


def reference_layer(geoms, tie_break=None, precedence=None) -> ReferenceLayer:
    """Own land of every footprint: minus each smaller (then canonical-first) footprint, one at a time.

    ``tie_break``: the attribute key deciding between exact duplicates (lower first), as in the kernels.
    ``precedence``: the rank of each footprint's dataset when merging datasets (lower first, before size).
    """
    clean = clean_polygons(list(geoms))
    own = [g if s == COUNTED else None for g, s in zip(clean.geometries, clean.status, strict=True)]
    usable = [i for i, g in enumerate(own) if g is not None]

    def key(i):
        g = own[i]
        return (0 if precedence is None else int(precedence[i]), g.area, shapely.to_wkb(shapely.normalize(g)),
                0 if tie_break is None else int(tie_break[i]), i)

    ordered = sorted(usable, key=key)
    land: list = [None] * len(own)
    counted = np.zeros(len(own), dtype=bool)
    for pos, i in enumerate(ordered):
        piece = own[i]
        for j in ordered[:pos]:
            piece = shapely.difference(piece, own[j])
        if _has_area(piece):
            land[i] = piece
            counted[i] = True
    return ReferenceLayer(own, land, counted)


def area_of(g) -> float:
    return 0.0 if g is None else float(shapely.area(g))
