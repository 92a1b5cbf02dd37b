"""core.proximity: nearest distances and footprint area within distance bands.

Oracles: brute force with shapely (distance to the union of all features; footprint ∩ buffer of that
union), and for geographic input PROJ's azimuthal equidistant projection (pyproj) centred on the data.
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyproj import Geod, Transformer

from minemonitor_plugin.core import proximity as px
from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.geodesy import ellipsoidal_area_km2
from minemonitor_plugin.core.geometry import COUNTED, COVERED, DEGENERATE
from tests.support.geometry_reference import area_of, reference_layer

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def test_by_hand_square_and_a_line():
    # a 100 m square 50 m from a line: within 100 m: the strip x <= 100 (half), within 200 m: all
    fp = shapely.box(50, 0, 150, 100)
    line = shapely.LineString([(0, -1000), (0, 1000)])
    res = px.proximity([fp], [line], [25, 100, 200], geographic=False)
    assert res.nearest_m.tolist() == [50.0] and res.nearest_feature.tolist() == [0]
    assert res.within_km2[0] == pytest.approx([0.0, 0.005, 0.01], rel=1e-12)
    assert res.within_band().tolist() == [[False, True, True]]
    assert res.area_km2.tolist() == [pytest.approx(0.01)]


@st.composite
def scenes(draw):
    fps = []
    for _ in range(draw(st.integers(1, 6))):
        x, y = draw(st.integers(0, 40)) * 50.0, draw(st.integers(0, 40)) * 50.0
        w, h = draw(st.integers(1, 10)) * 40.0, draw(st.integers(1, 10)) * 40.0
        kind = draw(st.sampled_from(["plain", "hole", "sliver"]))
        g = shapely.box(x, y, x + w, y + h)
        if kind == "hole" and w > 80 and h > 80:
            g = shapely.Polygon(g.exterior.coords, [shapely.box(x + 20, y + 20, x + 40, y + 40).exterior.coords])
        elif kind == "sliver":
            g = shapely.box(x, y, x + w, y + 1e-4)
        fps.append(g)
    extra = draw(st.sampled_from(["none", "duplicate", "nested", "empty", "null"]))
    if extra == "duplicate":
        fps.append(fps[0])
    elif extra == "nested":
        fps.append(shapely.buffer(fps[0], -5.0, join_style="mitre"))
    elif extra == "empty":
        fps.append(shapely.Polygon())
    elif extra == "null":
        fps.append(None)
    feats = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["line", "point", "polygon"]))
        x, y = draw(st.integers(-10, 50)) * 50.0, draw(st.integers(-10, 50)) * 50.0
        if kind == "line":
            feats.append(shapely.LineString([(x, y), (x + draw(st.integers(-20, 20)) * 50.0, y + 700)]))
        elif kind == "point":
            feats.append(shapely.Point(x, y))
        else:
            feats.append(shapely.buffer(shapely.Point(x, y), draw(st.integers(1, 10)) * 30.0))
    if draw(st.booleans()):
        feats.append(None)
    bands = sorted(set(draw(st.lists(st.integers(1, 30), min_size=1, max_size=3))))
    return fps, feats, [b * 50.0 for b in bands]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenes())
def test_matches_brute_force(scene):
    fps, feats, bands = scene
    with np.errstate(invalid="ignore"):  # GEOS reports an empty intersection as "invalid value"
        ref = reference_layer(fps)  # the footprint rule, one footprint at a time
    if not ref.counted.any():  # only slivers, NULL and empty footprints
        with pytest.raises(InvalidInputError, match="positive area"):
            px.proximity(fps, feats, bands, geographic=False)
    else:
        _check_brute_force(px.proximity(fps, feats, bands, geographic=False), ref, feats, bands)


def _check_brute_force(res, ref, feats, bands):
    union = shapely.union_all([f for f in feats if f is not None])
    assert res.counted.tolist() == ref.counted.tolist()
    for i, g in enumerate(ref.own):
        if not ref.counted[i]:  # NULL, empty, sliver, duplicate or covered: not a footprint, no distance
            assert np.isnan(res.nearest_m[i]) and res.nearest_feature[i] == -1
            assert res.area_km2[i] == 0 and res.within_km2[i].sum() == 0
            continue
        d = shapely.distance(g, union)
        if d <= bands[-1]:
            assert res.nearest_m[i] == pytest.approx(d, abs=1e-7)
            assert shapely.distance(g, feats[res.nearest_feature[i]]) == pytest.approx(d, abs=1e-7)
        else:
            assert np.isnan(res.nearest_m[i]) and res.nearest_feature[i] == -1
        # the footprint's own land (what it shares with smaller footprints belongs to them)
        assert res.area_km2[i] == pytest.approx(area_of(ref.land[i]) / 1e6, rel=1e-9, abs=1e-12)
    for j, d in enumerate(bands):
        with np.errstate(invalid="ignore"):
            expected = shapely.area(shapely.intersection(ref.union, shapely.buffer(union, d, quad_segs=32))) / 1e6
        assert res.within_km2[:, j].sum() == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert res.area_km2.sum() == pytest.approx(shapely.area(ref.union) / 1e6, rel=1e-9, abs=1e-12)


def test_footprint_rule_by_hand():
    """A stope, a pond digitised inside it, a duplicate of the stope and a sliver, 50 m from a line."""
    stope = shapely.box(50, 0, 250, 100)
    pond = shapely.box(100, 20, 140, 60)
    sliver = shapely.box(50, 200, 250, 200.001)
    line = shapely.LineString([(0, -1000), (0, 1000)])
    res = px.proximity([stope, pond, stope, sliver], [line], [75, 120], geographic=False)
    assert res.status.tolist() == [COUNTED, COUNTED, COVERED, DEGENERATE]
    assert res.nearest_m[:2].tolist() == [50.0, 100.0] and np.isnan(res.nearest_m[2:]).all()
    # own lands: the stope 0.02 - 0.0016 km², the pond 0.0016 km²; within 75 m: the strip x <= 75 of the stope;
    # within 120 m: x <= 120 of the stope but the pond's 20 m x 40 m belongs to the pond
    assert res.area_km2.tolist() == pytest.approx([0.0184, 0.0016, 0.0, 0.0], rel=1e-12)
    assert res.within_km2[0] == pytest.approx([0.0025, 0.007 - 0.0008], rel=1e-12)
    assert res.within_km2[1] == pytest.approx([0.0, 0.0008], rel=1e-12)
    # the pond and the duplicate are counted once: 0.02 + 0.0016 + 0.02 - 0.02 km² (the union)
    assert res.n_overlapping == 3 and res.overlap_km2 == pytest.approx(0.0216, rel=1e-12)


def test_geographic_distances_match_a_single_aeqd_projection():
    rng = np.random.default_rng(2)
    lon = rng.uniform(100.05, 100.95, 200)
    lat = rng.uniform(38.05, 38.95, 200)
    fps = shapely.buffer(shapely.points(np.c_[lon, lat]), 0.002, quad_segs=4)
    lines = shapely.linestrings(np.cumsum(rng.normal(0, 0.02, (20, 15, 2)), axis=1) +
                                np.c_[rng.uniform(99.9, 101.1, 20), rng.uniform(37.9, 39.1, 20)][:, None, :])
    res = px.proximity(fps, lines, [2000, 8000], geographic=True)
    assert res.n_frames == 1  # all inside one 1° tile
    to_aeqd = Transformer.from_crs("EPSG:4326", "+proj=aeqd +lon_0=100.5 +lat_0=38.5 +ellps=WGS84", always_xy=True)

    def proj(g):
        return shapely.transform(shapely.segmentize(g, 0.01),
                                 lambda c: np.column_stack(to_aeqd.transform(c[:, 0], c[:, 1])))

    ref = shapely.distance(proj(fps)[:, None], proj(lines)[None, :]).min(axis=1)
    ok = ref <= 8000
    assert ok.sum() > 20
    # 2e-5 covers the projections' own distortion (~70 km from the centre at most); 1 cm the bending of
    # ~200 m edges, straight in one projection, between the two projections' centres
    assert res.nearest_m[ok] == pytest.approx(ref[ok], rel=2e-5, abs=0.01)
    assert np.isnan(res.nearest_m[~ok]).all()
    assert res.area_km2 == pytest.approx(ellipsoidal_area_km2(fps), rel=1e-12)
    union_ref = shapely.buffer(shapely.union_all(proj(lines)), 8000, quad_segs=32)
    share = shapely.area(shapely.intersection(shapely.union_all(proj(fps)), union_ref)) / shapely.area(
        shapely.union_all(proj(fps)))
    assert res.within_km2[:, 1].sum() / res.area_km2.sum() == pytest.approx(share, rel=1e-4)


def test_tiles_cover_a_large_extent():
    # footprints spread over 6° of longitude: several tiles, each with the features near it
    lon = np.linspace(90.2, 95.8, 12)
    fps = shapely.box(lon, 40.0, lon + 0.01, 40.01)
    line = shapely.LineString([(89.0, 40.05), (97.0, 40.05)])  # about 4.4 km north of every footprint
    res = px.proximity(fps, [line], [5000, 6000], geographic=True)
    assert res.n_frames == 6
    # along the meridian from the parallel 40.05° N: 4,440 m to the top edge of every footprint
    geod = Geod(ellps="WGS84")
    top = geod.inv(93.0, 40.05, 93.0, 40.01)[2]
    assert res.nearest_m == pytest.approx(np.full(12, top), rel=1e-4)
    # within 5 km: the part of each footprint north of the latitude 5 km south of the line
    cut = geod.fwd(93.0, 40.05, 180.0, 5000.0)[1]
    assert res.within_km2[:, 0] / res.area_km2 == pytest.approx(np.full(12, (40.01 - cut) / 0.01), rel=2e-3)
    assert res.within_km2[:, 1] == pytest.approx(res.area_km2, rel=1e-9)  # the whole footprint within 6 km


def test_errors_and_cancel():
    fp = [shapely.box(0, 0, 10, 10)]
    for bands in ([], [100, 50], [-1], [np.nan]):
        with pytest.raises(InvalidInputError, match="strictly increasing"):
            px.proximity(fp, [shapely.Point(0, 0)], bands, geographic=False)
    with pytest.raises(InvalidInputError, match="no usable geometry"):
        px.proximity(fp, [None, shapely.Point()], [10], geographic=False)
    with pytest.raises(InvalidInputError, match="no footprints"):
        px.proximity([], [shapely.Point(0, 0)], [10], geographic=False)
    with pytest.raises(CancelledError):
        px.proximity(fp, [shapely.Point(0, 0)], [10], geographic=False, progress=lambda f: f < 0.5)
    # a search distance beyond the bands finds farther nearest features
    res = px.proximity(fp, [shapely.Point(500, 0)], [10], geographic=False, search_m=1000)
    assert res.nearest_m.tolist() == [490.0] and res.search_m == 1000.0
