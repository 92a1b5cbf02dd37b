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


def test_merge_by_hand_first_polygon_keeps_the_overlap():
    a = shapely.box(100.0, 40.0, 100.02, 40.02)
    b = shapely.box(100.01, 40.0, 100.03, 40.02)  # half over a
    c = shapely.box(100.005, 40.005, 100.01, 40.01)  # inside a: dropped
    merged = mds.merge_footprints([a, b, c, None, shapely.Polygon()])
    assert merged.index.tolist() == [0, 1]
    assert merged.n_dropped == 3 and merged.n_overlapping == 3
    exp = ellipsoidal_area_km2([a, shapely.box(100.02, 40.0, 100.03, 40.02)])
    assert merged.area_km2 == pytest.approx(exp, rel=1e-12)
    assert merged.orig_km2 == pytest.approx(ellipsoidal_area_km2([a, b]), rel=1e-12)
    removed = ellipsoidal_area_km2([a, b, c]).sum() - exp.sum()
    assert merged.overlap_removed_km2 == pytest.approx(removed, rel=1e-9)
    kept = mds.merge_footprints([a, b, c], remove_overlaps=False)
    assert kept.index.tolist() == [0, 1, 2] and kept.overlap_removed_km2 == pytest.approx(0.0, abs=1e-12)


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
@given(polygon_sets())
def test_merged_polygons_are_disjoint_and_tile_the_union(geoms):
    valid = [g for g in geoms if g is not None and not g.is_empty and g.area > 0]
    if not valid:
        with pytest.raises(InvalidInputError):
            mds.merge_footprints(geoms)
    else:
        merged = mds.merge_footprints(geoms)
        union = shapely.union_all(valid)
        assert merged.area_km2.sum() == pytest.approx(ellipsoidal_area_km2([union])[0], rel=1e-9)
        assert shapely.area(merged.geometries).sum() == pytest.approx(shapely.area(union), rel=1e-9)
        # every kept piece lies in its own input polygon; the first polygon keeps all of its area
        for g, i in zip(merged.geometries, merged.index):
            assert shapely.area(shapely.difference(g, geoms[i])) <= 1e-12
        first = next(i for i, g in enumerate(geoms) if g is not None and not g.is_empty and g.area > 0)
        if first in merged.index.tolist():
            k = merged.index.tolist().index(first)
            assert merged.area_km2[k] == pytest.approx(merged.orig_km2[k], rel=1e-12)


def test_errors_and_cancel():
    with pytest.raises(InvalidInputError, match="no mining polygons"):
        mds.merge_footprints([])
    with pytest.raises(InvalidInputError, match="positive area"):
        mds.merge_footprints([None, shapely.LineString([(0, 0), (1, 1)])])
    with pytest.raises(CancelledError):
        mds.merge_footprints([shapely.box(0, 0, 1, 1)], progress=lambda f: False)
    with pytest.raises(InvalidInputError, match="Unknown dataset"):
        mds.normalise(mds.DatasetInfo("x", "", "", "", "", "", "", (), ""), {}, [1])
