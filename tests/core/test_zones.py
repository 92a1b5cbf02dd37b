"""core.zones: footprints assigned to zones by largest overlap, or split by zone.

Oracles: hand computations and a brute-force overlay (every footprint intersected with every zone).
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minemonitor_plugin.core import zones as cz
from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.geodesy import ellipsoidal_area_km2

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def test_largest_overlap_by_hand_with_a_zone_in_two_polygons():
    # zone 0 = two squares (x 0-10 and x 20-30), zone 1 = x 10-20; a footprint from x 8 to 22:
    # zone 0 holds 2 + 2 = 4 units, zone 1 holds 10 -> zone 1; a footprint x 5-12 -> zone 0 (5 vs 2)
    zones = [shapely.box(0, 0, 10, 10), shapely.box(20, 0, 30, 10), shapely.box(10, 0, 20, 10)]
    codes = [0, 0, 1]
    fps = [shapely.box(8, 0, 22, 1), shapely.box(5, 0, 12, 1), shapely.box(40, 0, 41, 1), None, shapely.Polygon(),
           shapely.box(1, 1, 2, 2)]
    res = cz.largest_overlap(fps, zones, codes)
    assert res.code.tolist() == [1, 0, -1, -1, -1, 0]
    assert res.share == pytest.approx([10 / 14, 5 / 7, 0, 0, 0, 1.0])
    assert res.n_zones.tolist() == [2, 2, 0, 0, 0, 1]
    assert res.n_unassigned == 3 and res.n_straddling == 2
    # two polygons of zone 0 together beat zone 1's single larger polygon
    together = cz.largest_overlap([shapely.box(4, 0, 26, 1)], zones, codes)  # 6 + 6 in zone 0, 10 in zone 1
    assert together.code.tolist() == [0]


def test_ties_go_to_the_lowest_code():
    zones = [shapely.box(10, 0, 20, 10), shapely.box(0, 0, 10, 10)]
    assert cz.largest_overlap([shapely.box(5, 0, 15, 1)], zones, [1, 0]).code.tolist() == [0]


def test_split_by_hand_with_outside_part_and_merged_polygons_of_one_zone():
    zones = [shapely.box(0, 0, 10, 10), shapely.box(20, 0, 30, 10), shapely.box(10, 0, 20, 10)]
    fp = shapely.box(-5, 0, 25, 1)  # 5 outside, 10 in zone 0 (left), 10 in zone 1, 5 in zone 0 (right)
    res = cz.split_by_zones([fp, shapely.box(2, 2, 3, 3)], zones, [0, 0, 1])
    rows = sorted(zip(res.footprint.tolist(), res.code.tolist(), res.area.tolist(), strict=True))
    assert rows == [(0, -1, pytest.approx(5.0)), (0, 0, pytest.approx(15.0)), (0, 1, pytest.approx(10.0)),
                    (1, 0, pytest.approx(1.0))]
    zone0 = res.geometries[(res.footprint == 0) & (res.code == 0)][0]
    assert zone0.geom_type == "MultiPolygon" and zone0.area == pytest.approx(15.0)
    outside = res.geometries[res.code == -1][0]
    assert outside.equals(shapely.box(-5, 0, 0, 1))


@st.composite
def scenes(draw):
    """A 3 x 3 partition of zones (some sharing a code) and footprints: rectangles, holes, duplicates,
    nested copies, slivers, empties, NULLs, some partly outside the zones."""
    zones = [shapely.box(c * 10, r * 10, c * 10 + 10, r * 10 + 10) for r in range(3) for c in range(3)]
    codes = [draw(st.integers(0, 4)) for _ in zones]
    fps = []
    for _ in range(draw(st.integers(1, 8))):
        x, y = draw(st.integers(-4, 30)), draw(st.integers(-4, 30))
        w, h = draw(st.integers(1, 14)), draw(st.integers(1, 14))
        kind = draw(st.sampled_from(["plain", "hole", "sliver"]))
        box = shapely.box(x, y, x + w, y + h)
        if kind == "hole" and w > 2 and h > 2:
            box = shapely.Polygon(box.exterior.coords, [shapely.box(x + 1, y + 1, x + 2, y + 2).exterior.coords])
        elif kind == "sliver":
            box = shapely.box(x, y, x + w, y + 1e-7)
        fps.append(box)
    extra = draw(st.sampled_from(["none", "duplicate", "nested", "empty", "null"]))
    if extra == "duplicate":
        fps.append(fps[0])
    elif extra == "nested":
        fps.append(shapely.buffer(fps[0], -0.25, join_style="mitre"))
    elif extra == "empty":
        fps.append(shapely.Polygon())
    elif extra == "null":
        fps.append(None)
    return fps, zones, codes


def _brute(fps, zones, codes):
    table = {}
    for i, fp in enumerate(fps):
        if fp is None or fp.is_empty:
            continue
        for z, code in zip(zones, codes, strict=True):
            with np.errstate(invalid="ignore"):  # an empty intersection is reported as "invalid value"
                a = shapely.intersection(fp, z).area
            if a > 1e-9 * fp.area:
                table[(i, code)] = table.get((i, code), 0.0) + a
    return table


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenes())
def test_largest_overlap_and_split_match_brute_force(scene):
    fps, zones, codes = scene
    table = _brute(fps, zones, codes)
    res = cz.largest_overlap(fps, zones, codes)
    for i, fp in enumerate(fps):
        mine = {c: a for (j, c), a in table.items() if j == i}
        if not mine:
            assert res.code[i] == -1
            continue
        best = max(mine.values())
        winners = sorted(c for c, a in mine.items() if a >= best * (1 - 1e-12))
        assert res.code[i] == winners[0]
        assert res.share[i] == pytest.approx(best / fp.area, rel=1e-9)
    split = cz.split_by_zones(fps, zones, codes)
    got = {}
    for f, c, a in zip(split.footprint.tolist(), split.code.tolist(), split.area.tolist(), strict=True):
        got[(f, c)] = got.get((f, c), 0.0) + a
    for key, value in table.items():
        assert got[key] == pytest.approx(value, rel=1e-9)
    assert {k for k in got if k[1] >= 0} == set(table)
    # zones partition their square: pieces (outside part included) add up to each footprint's area
    for i, fp in enumerate(fps):
        if fp is None or fp.is_empty:
            assert i not in split.footprint
            continue
        assert split.area[split.footprint == i].sum() == pytest.approx(fp.area, rel=1e-9)
        pieces = split.geometries[split.footprint == i]
        assert shapely.area(shapely.union_all(pieces)) == pytest.approx(fp.area, rel=1e-9)


def test_ellipsoidal_area_function_for_lon_lat_zones():
    zones = [shapely.box(100, 40, 100.5, 40.5), shapely.box(100.5, 40, 101, 40.5)]
    fp = shapely.box(100.2, 40.1, 100.8, 40.2)  # symmetric about the line: equal ellipsoidal halves
    res = cz.split_by_zones([fp], zones, [0, 1], area_fn=ellipsoidal_area_km2)
    assert res.area.tolist() == pytest.approx([ellipsoidal_area_km2([fp])[0] / 2] * 2, rel=1e-12)


def test_invalid_zones_and_footprints_are_repaired():
    bowtie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)])
    res = cz.largest_overlap([bowtie], [bowtie, shapely.box(20, 0, 30, 10)], [0, 1])
    assert res.code.tolist() == [0] and res.share[0] == pytest.approx(1.0)


def test_errors_and_cancel():
    with pytest.raises(InvalidInputError, match="2 zone values for 1 zone polygons"):
        cz.largest_overlap([shapely.box(0, 0, 1, 1)], [shapely.box(0, 0, 1, 1)], [0, 1])
    with pytest.raises(InvalidInputError, match="Zone polygon 1 is a LineString"):
        cz.split_by_zones([shapely.box(0, 0, 1, 1)], [shapely.box(0, 0, 1, 1), shapely.LineString([(0, 0), (1, 1)])],
                          [0, 1])
    with pytest.raises(CancelledError):
        cz.largest_overlap([shapely.box(0, 0, 1, 1)], [shapely.box(0, 0, 1, 1)], [0], progress=lambda f: False)
    # no zones at all: everything unassigned / outside
    res = cz.largest_overlap([shapely.box(0, 0, 1, 1)], [], [])
    assert res.code.tolist() == [-1]
    split = cz.split_by_zones([shapely.box(0, 0, 1, 1)], np.array([], dtype=object), [])
    assert split.code.tolist() == [-1] and split.area.tolist() == [1.0]
