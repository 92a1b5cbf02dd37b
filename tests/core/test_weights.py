"""Spatial weights on hand-made lattices, polygons and weights files (no oracle needed).

The comparisons with libpysal's builders (the oracle) are in ``test_weights_vs_libpysal.py``.
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from minemonitor_plugin.core import weights as W
from minemonitor_plugin.core.errors import InvalidInputError
from tests.support.lattices import same_neighbours as _same_neighbours

RTOL = 1e-12  # same arithmetic, rounding only


# ---------------------------------------------------------------------------- lattices


def test_lattice_matches_polygon_contiguity_of_the_same_cells():
    r, c = np.divmod(np.arange(12 * 9), 9)
    boxes = shapely.box(c, -r - 1, c + 1, -r)
    for contiguity in ("queen", "rook"):
        assert _same_neighbours(
            W.lattice_weights(r, c, contiguity).base, W.contiguity_weights(boxes, contiguity).base
        )


def test_lattice_rejects_duplicates_and_fractions():
    with pytest.raises(InvalidInputError, match="3/4"):
        W.lattice_weights([1, 3, 3], [2, 4, 4])
    with pytest.raises(InvalidInputError, match="integers"):
        W.lattice_weights([0.5, 1], [0, 0])
    with pytest.raises(InvalidInputError, match="queen or rook"):
        W.lattice_weights([0], [0], "bishop")


# ---------------------------------------------------------------------------- polygons


def test_polygon_islands_none_holes_and_tolerance():
    a = shapely.box(0, 0, 1, 1)
    b = shapely.box(1, 0, 2, 1)  # shares an edge with a
    c = shapely.box(2, 1, 3, 2)  # touches b at one corner only
    far = shapely.box(10, 10, 11, 11)
    gap = shapely.box(3 + 1e-9, 1, 4, 2)  # almost touches c
    ring = shapely.Polygon([(20, 20), (26, 20), (26, 26), (20, 26)], [[(22, 22), (24, 22), (24, 24), (22, 24)]])
    inner = shapely.box(22, 22, 24, 24)  # fills the hole: shares the hole's edges
    geoms = np.array([a, b, c, far, gap, None, ring, inner], dtype=object)
    queen = W.contiguity_weights(geoms, "queen")
    rook = W.contiguity_weights(geoms, "rook")
    assert set(queen.base[1].indices) == {0, 2}
    assert set(rook.base[1].indices) == {0}
    assert set(rook.base[6].indices) == {7}
    assert queen.islands.tolist() == [False, False, False, True, True, True, False, False]
    assert queen.n_islands == 3
    snapped = W.contiguity_weights(geoms, "rook", tolerance=1e-6)
    assert set(snapped.base[4].indices) == {2}
    row = queen.transformed("R").matrix
    sums = np.asarray(row.sum(axis=1)).ravel()
    np.testing.assert_allclose(sums, np.where(queen.islands, 0.0, 1.0), rtol=RTOL)


def test_multipolygon_parts_count_for_their_feature():
    left = shapely.box(0, 0, 1, 1)
    right = shapely.box(5, 0, 6, 1)
    both = shapely.MultiPolygon([shapely.box(1, 0, 2, 1), shapely.box(4, 0, 5, 1)])
    w = W.contiguity_weights(np.array([left, right, both], dtype=object), "rook")
    assert set(w.base[2].indices) == {0, 1}
    assert w.n_islands == 0


# ---------------------------------------------------------------------------- points


def test_knn_handles_coincident_points_and_refuses_k():
    dup = np.array([[0.0, 0], [0, 0], [0, 0], [0, 0], [5, 5]])
    wd = W.knn_weights(dup, 2)
    assert np.all(wd.cardinalities == 2)
    assert np.all(wd.base.diagonal() == 0)
    with pytest.raises(InvalidInputError, match="between 1 and"):
        W.knn_weights(dup, 5)


def test_inverse_distance_refuses_coincident_points():
    with pytest.raises(InvalidInputError, match="same location"):
        W.inverse_distance_weights(np.array([[0.0, 0], [0, 0], [1, 1]]))


# ---------------------------------------------------------------------------- files


def test_read_gwt_keeps_weights_and_reports_problems(tmp_path):
    gwt = tmp_path / "w.gwt"
    gwt.write_text("0 4 layer code\nA B 0.5\nB A 0.5\nB C 2.0\nC B 2.0\nC C 1.0\n")
    w = W.read_weights_file(str(gwt), ["C", "B", "A", "D"])
    dense = w.base.toarray()
    expected = np.zeros((4, 4))
    expected[2, 1] = expected[1, 2] = 0.5  # A-B
    expected[1, 0] = expected[0, 1] = 2.0  # B-C; the self pair C-C is dropped
    np.testing.assert_allclose(dense, expected, rtol=RTOL)
    assert w.islands.tolist() == [False, False, False, True]
    bad = tmp_path / "bad.gwt"
    bad.write_text("0 2 layer code\nA B\n")
    with pytest.raises(InvalidInputError, match="triples"):
        W.read_weights_file(str(bad), ["A", "B"])
    twice = tmp_path / "twice.gwt"
    twice.write_text("2\nA B 1\nA B 1\n")
    with pytest.raises(InvalidInputError, match="twice"):
        W.read_weights_file(str(twice), ["A", "B"])
    gal = tmp_path / "short.gal"
    gal.write_text("3\n1 1\n2\n2 1\n1\n")
    with pytest.raises(InvalidInputError, match="no entry"):
        W.read_weights_file(str(gal), [1, 2, 3])
    with pytest.raises(InvalidInputError, match=r"\.gal or \.gwt"):
        W.read_weights_file(str(tmp_path / "w.txt"), [1])


def test_normalise_ids():
    assert list(W.normalise_ids([3, 3.0, "3", " 3 ", "3.0", "a", 2.5])) == ["3", "3", "3", "3", "3", "a", "2.5"]
