"""core.mining_datasets: recognising the published datasets, the common schema, merging without overlaps.

Oracles: the published field names (PANGAEA / Zenodo landing pages, the authors' code), shapely unions,
and core.geodesy areas (checked against GeographicLib in test_geodesy.py).
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minemonitor_plugin.core import mining_datasets as mds
from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.geodesy import ellipsoidal_area_km2
from minemonitor_plugin.core.geometry import COUNTED, COVERED, DEGENERATE, EMPTY
from tests.support.geometry_reference import reference_layer

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


@pytest.mark.parametrize(("fields", "name", "key"), [
    (["fid", "ISO3_CODE", "COUNTRY_NAME", "AREA"], "global_mining_polygons_v2", "maus_v2"),
    (["ISO3_CODE", "COUNTRY_NAME", "AREA"], "global_mining_polygons_v1", "maus_v1"),
    (["iso3_code", "country_name", "area"], "mining", "maus_v2"),  # a GeoJSON / lower-case copy
    (["OBJECTID", "Name"], "74548_projected polygons", "tang_werner_2023"),
    (["OBJECTID", "Shape_Area"], "74548_projected polygons", "tang_werner_2023"),
    (["OBJECTID", "Name"], "clip_of_tang", "tang_werner_2023"),
    (["fid", "source", "source_id", "iso3", "country", "area_km2"], "merged", "minemonitor"),
])
def test_detect_dataset(fields, name, key):
    assert mds.detect_dataset(fields, name).key == key


@pytest.mark.parametrize("fields", [["landuse"], ["OBJECTID"], ["ISO3_CODE"], []])
def test_unknown_layers_are_not_guessed(fields):
    assert mds.detect_dataset(fields, "something") is None


def test_datasets_carry_citation_and_licence():
    assert mds.MAUS_V2.licence == "CC BY-SA 4.0" and "10.1594/PANGAEA.942325" in mds.MAUS_V2.citation
    assert mds.TANG_WERNER.licence == "CC BY 4.0" and "10.5281/zenodo.7894216" in mds.TANG_WERNER.citation
    assert "10.1038/s43247-023-00805-6" in mds.TANG_WERNER.paper
    assert set(mds.DATASETS) == {"maus_v2", "maus_v1", "tang_werner_2023"}


def test_normalise_maps_each_schema():
    maus = mds.normalise(mds.MAUS_V2, {"ISO3_CODE": ["CHN", None], "COUNTRY_NAME": ["China", "Chile"],
                                       "AREA": [1.5, "bad"]}, [7, 8])
    assert maus.source.tolist() == ["maus_v2", "maus_v2"]
    assert maus.source_id.tolist() == ["7", "8"]
    assert maus.iso3.tolist() == ["CHN", None] and maus.country.tolist() == ["China", "Chile"]
    assert maus.published_km2[0] == 1.5 and np.isnan(maus.published_km2[1])
    tang = mds.normalise(mds.TANG_WERNER, {"OBJECTID": [101.0, None]}, [1, 2])
    assert tang.source_id.tolist() == ["101", "2"]  # a NULL OBJECTID falls back to the feature id
    assert tang.iso3.tolist() == [None, None]
    assert mds.fields_to_read(mds.MAUS_V2, ["fid", "iso3_code", "country_name", "AREA"]) == [
        "iso3_code", "country_name", "AREA"]
    assert mds.fields_to_read(mds.TANG_WERNER, ["OBJECTID", "Name"]) == ["OBJECTID"]


def test_merge_one_dataset_by_hand_follows_the_footprint_rule():
    a = shapely.box(100.0, 40.0, 100.02, 40.02)
    b = shapely.box(100.01, 40.0, 100.025, 40.02)  # smaller than a, half over it: keeps the shared area
    c = shapely.box(100.005, 40.005, 100.01, 40.01)  # inside a, the smallest: keeps its own area
    sliver = shapely.box(100.05, 40.0, 100.06, 40.0 + 1e-10)  # no area
    merged = mds.merge_footprints([a, b, c, None, shapely.Polygon(), a, sliver])
    assert merged.index.tolist() == [0, 1, 2]  # the duplicate of a (listed later) has no land of its own
    assert merged.status.tolist() == [COUNTED, COUNTED, COUNTED, EMPTY, EMPTY, COVERED, DEGENERATE]
    assert (merged.n_dropped, merged.n_empty, merged.n_covered, merged.n_degenerate) == (4, 2, 1, 1)
    assert merged.n_overlapping == 4
    a_own = shapely.difference(shapely.box(100.0, 40.0, 100.01, 40.02), c)
    exp = ellipsoidal_area_km2([a_own, b, c])
    assert merged.area_km2 == pytest.approx(exp, rel=1e-12)
    assert merged.orig_km2 == pytest.approx(ellipsoidal_area_km2([a, b, c]), rel=1e-12)
    removed = ellipsoidal_area_km2([a, b, c, a]).sum() - exp.sum()
    assert merged.overlap_removed_km2 == pytest.approx(removed, rel=1e-9)
    kept = mds.merge_footprints([a, b, c, sliver], remove_overlaps=False)
    assert kept.index.tolist() == [0, 1, 2] and kept.overlap_removed_km2 == 0.0
    assert kept.area_km2 == pytest.approx(ellipsoidal_area_km2([a, b, c]), rel=1e-12)


def test_merge_datasets_by_hand_the_first_dataset_keeps_the_overlap():
    a = shapely.box(100.0, 40.0, 100.02, 40.02)  # dataset 0
    b = shapely.box(100.01, 40.0, 100.025, 40.02)  # dataset 1, smaller but ranked later: keeps only its rest
    c = shapely.box(100.005, 40.005, 100.01, 40.01)  # dataset 1, inside a: nothing left
    d = shapely.box(100.02, 40.0, 100.022, 40.02)  # dataset 1, inside b and smaller: keeps its area from b
    merged = mds.merge_footprints([b, c, d, a], datasets=[1, 1, 1, 0])
    assert merged.index.tolist() == [0, 2, 3]
    assert merged.status.tolist() == [COUNTED, COVERED, COUNTED, COUNTED]
    exp = ellipsoidal_area_km2([shapely.box(100.022, 40.0, 100.025, 40.02), d, a])
    assert merged.area_km2 == pytest.approx(exp, rel=1e-12)
    # the order of the polygons does not matter, only the ranks of their datasets
    shuffled = mds.merge_footprints([a, d, c, b], datasets=[0, 1, 1, 1])
    assert shuffled.index.tolist() == [0, 1, 3]
    assert shuffled.area_km2 == pytest.approx(exp[[2, 1, 0]], rel=1e-12)
    # ranked the other way round, b, c and d come first (d, the smaller, keeps its area from b) and a keeps
    # the rest
    other = mds.merge_footprints([b, c, d, a], datasets=[0, 0, 0, 1])
    assert other.status.tolist() == [COUNTED, COUNTED, COUNTED, COUNTED]
    b_rest = shapely.MultiPolygon([shapely.box(100.01, 40.0, 100.02, 40.02),
                                   shapely.box(100.022, 40.0, 100.025, 40.02)])
    a_rest = shapely.difference(shapely.box(100.0, 40.0, 100.01, 40.02), c)
    assert other.area_km2 == pytest.approx(ellipsoidal_area_km2([b_rest, c, d, a_rest]), rel=1e-12)


@st.composite
def polygon_sets(draw):
    geoms = []
    for _ in range(draw(st.integers(1, 7))):
        x, y = draw(st.integers(0, 30)) * 0.001, draw(st.integers(0, 30)) * 0.001
        w, h = draw(st.integers(1, 15)) * 0.001, draw(st.integers(1, 15)) * 0.001
        kind = draw(st.sampled_from(["plain", "hole", "sliver"]))
        box = shapely.box(90 + x, 40 + y, 90 + x + w, 40 + y + h)
        if kind == "hole" and w > 0.002 and h > 0.002:
            box = shapely.Polygon(box.exterior.coords, [shapely.box(90 + x + 0.0005, 40 + y + 0.0005, 90 + x + 0.001,
                                                                    40 + y + 0.001).exterior.coords])
        elif kind == "sliver":
            box = shapely.box(90 + x, 40 + y, 90 + x + w, 40 + y + 1e-9)
        geoms.append(box)
    extra = draw(st.sampled_from(["none", "duplicate", "nested", "empty", "null"]))
    if extra == "duplicate":
        geoms.append(geoms[0])
    elif extra == "nested":
        geoms.append(shapely.buffer(geoms[0], -0.0002, join_style="mitre"))
    elif extra == "empty":
        geoms.append(shapely.Polygon())
    elif extra == "null":
        geoms.append(None)
    return geoms


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(polygon_sets(), st.data())
def test_merged_polygons_are_disjoint_and_follow_dataset_precedence(geoms, data):
    datasets = data.draw(st.none() | st.lists(st.integers(0, 2), min_size=len(geoms), max_size=len(geoms)))
    with np.errstate(invalid="ignore"):
        ref = reference_layer(geoms, precedence=datasets)  # one polygon at a time, in rank order
    if not ref.counted.any():
        with pytest.raises(InvalidInputError):
            mds.merge_footprints(geoms, datasets=datasets)
    else:
        merged = mds.merge_footprints(geoms, datasets=datasets)
        assert merged.index.tolist() == np.flatnonzero(ref.counted).tolist()
        union = ref.union
        assert merged.area_km2.sum() == pytest.approx(ellipsoidal_area_km2([union])[0], rel=1e-9)
        assert shapely.area(merged.geometries).sum() == pytest.approx(shapely.area(union), rel=1e-9)
        expected = ellipsoidal_area_km2([ref.land[i] for i in merged.index])
        assert merged.area_km2 == pytest.approx(expected, rel=1e-9, abs=1e-12)
        # every kept piece lies in its own input polygon; polygons of the first dataset lose area only to
        # smaller polygons of that dataset
        for g, i in zip(merged.geometries, merged.index, strict=True):
            assert shapely.area(shapely.difference(g, geoms[i])) <= 1e-12
        if datasets is not None:
            top = min(datasets[i] for i in merged.index)
            firsts = [i for i in range(len(geoms)) if ref.own[i] is not None and datasets[i] == top]
            alone = mds.merge_footprints([geoms[i] for i in firsts])
            k = [merged.index.tolist().index(firsts[j]) for j in alone.index]
            assert merged.area_km2[k] == pytest.approx(alone.area_km2, rel=1e-9, abs=1e-12)


def test_errors_and_cancel():
    with pytest.raises(InvalidInputError, match="no mining polygons"):
        mds.merge_footprints([])
    with pytest.raises(InvalidInputError, match="positive area"):
        mds.merge_footprints([None, shapely.LineString([(0, 0), (1, 1)])])
    with pytest.raises(CancelledError):
        mds.merge_footprints([shapely.box(0, 0, 1, 1)], progress=lambda f: False)
    with pytest.raises(InvalidInputError, match="Unknown dataset"):
        mds.normalise(mds.DatasetInfo("x", "", "", "", "", "", "", (), ""), {}, [1])
