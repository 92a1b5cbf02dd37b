"""Spatial weights against libpysal's builders (the reference), hand-made lattices and files."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
import shapely

from minemonitor_plugin.core import weights as W
from minemonitor_plugin.core.errors import InvalidInputError

libpysal = pytest.importorskip("libpysal")
from libpysal import examples  # noqa: E402

RTOL = 1e-12  # same arithmetic, rounding only


def _pattern(m: sp.spmatrix) -> sp.csr_matrix:
    m = sp.csr_matrix(m, dtype=np.float64, copy=True)
    m.eliminate_zeros()
    m.data[:] = 1.0
    return m


def _same_neighbours(a: sp.spmatrix, b: sp.spmatrix) -> bool:
    return (_pattern(a) != _pattern(b)).nnz == 0


def _columbus_xy() -> np.ndarray:
    db = libpysal.io.open(examples.get_path("columbus.dbf"))
    return np.column_stack([db.by_col("X"), db.by_col("Y")]).astype(float)


def _columbus_polygons() -> np.ndarray:
    shapes = libpysal.io.open(examples.get_path("columbus.shp")).read()
    return np.array([shapely.geometry.shape(s.__geo_interface__) for s in shapes], dtype=object)


# ---------------------------------------------------------------------------- lattices


@pytest.mark.parametrize("contiguity", ["queen", "rook"])
def test_lattice_matches_libpysal_lat2sw(contiguity):
    nrows, ncols = 23, 31
    r, c = np.divmod(np.arange(nrows * ncols), ncols)
    w = W.lattice_weights(r, c, contiguity)
    ref = libpysal.weights.lat2SW(nrows, ncols, contiguity).tocsr()
    assert _same_neighbours(w.base, ref)
    assert w.base.has_sorted_indices
    assert np.all(np.diff(w.base.indptr) == np.asarray(ref.sum(axis=1)).ravel())
    corner = {"queen": 3, "rook": 2}[contiguity]
    assert w.cardinalities[0] == corner and w.n_islands == 0


def test_lattice_shuffled_with_holes_and_sparse_lookup():
    rng = np.random.default_rng(4)
    nrows, ncols = 40, 50
    r, c = np.divmod(np.arange(nrows * ncols), ncols)
    kept = rng.permutation(np.flatnonzero(rng.random(r.size) < 0.7))
    ref = libpysal.weights.lat2SW(nrows, ncols, "queen").tocsr()[kept][:, kept]
    w = W.lattice_weights(r[kept] + 7, c[kept] - 3)  # offsets must not matter
    assert _same_neighbours(w.base, ref)
    # A huge gap between two halves forces the sorted-key lookup instead of a dense table;
    # it must give the same neighbours as the dense table minus the pairs across the gap.
    far = r[kept] + (r[kept] >= 20) * 10**9
    w_far = W.lattice_weights(far, c[kept])
    i, j = ref.nonzero()
    same_half = (r[kept][i] >= 20) == (r[kept][j] >= 20)
    ref_far = sp.csr_matrix((np.ones(same_half.sum()), (i[same_half], j[same_half])), shape=ref.shape)
    assert _same_neighbours(w_far.base, ref_far)
    singles = W.lattice_weights([0, 5], [0, 5])
    assert singles.n_islands == 2


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


@pytest.mark.parametrize("contiguity", ["queen", "rook"])
def test_polygon_contiguity_matches_libpysal(contiguity):
    geoms = _columbus_polygons()
    w = W.contiguity_weights(geoms, contiguity)
    builder = libpysal.weights.Queen if contiguity == "queen" else libpysal.weights.Rook
    ref = builder.from_shapefile(examples.get_path("columbus.shp"))
    assert ref.id_order == list(range(ref.n))
    assert _same_neighbours(w.base, ref.sparse)
    assert w.is_symmetric
    # Binary although neighbours share several vertices; row weights as libpysal's.
    assert set(np.unique(w.base.data)) == {1.0}
    ref.transform = "R"
    np.testing.assert_allclose(w.transformed("R").matrix.toarray(), ref.sparse.toarray(), rtol=RTOL)


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


# ---------------------------------------------------------------------------- distances


def test_distance_band_default_threshold_and_libpysal():
    xy = _columbus_xy()
    w = W.distance_band_weights(xy)
    expected = libpysal.weights.min_threshold_distance(xy)
    np.testing.assert_allclose(w.threshold, expected, rtol=1e-8)
    assert w.n_islands == 0
    ref = libpysal.weights.DistanceBand.from_array(xy, threshold=w.threshold, binary=True)
    assert _same_neighbours(w.base, ref.sparse)
    # A slightly smaller band leaves the farthest feature without a neighbour.
    assert W.distance_band_weights(xy, expected * 0.999).n_islands >= 1


def test_knn_matches_libpysal_and_handles_coincident_points():
    xy = _columbus_xy()
    w = W.knn_weights(xy, 4)
    ref = libpysal.weights.KNN.from_array(xy, k=4)
    assert _same_neighbours(w.base, ref.sparse)
    assert np.all(w.cardinalities == 4) and not w.is_symmetric
    dup = np.array([[0.0, 0], [0, 0], [0, 0], [0, 0], [5, 5]])
    wd = W.knn_weights(dup, 2)
    assert np.all(wd.cardinalities == 2)
    assert np.all(wd.base.diagonal() == 0)
    with pytest.raises(InvalidInputError, match="between 1 and"):
        W.knn_weights(xy, 49)


def test_inverse_distance_matches_libpysal():
    xy = _columbus_xy()
    w = W.inverse_distance_weights(xy, threshold=5.0, power=2.0)
    ref = libpysal.weights.DistanceBand.from_array(xy, threshold=5.0, binary=False, alpha=-2.0)
    assert _same_neighbours(w.base, ref.sparse)
    np.testing.assert_allclose(w.base.toarray(), ref.sparse.toarray(), rtol=RTOL)
    with pytest.raises(InvalidInputError, match="same location"):
        W.inverse_distance_weights(np.array([[0.0, 0], [0, 0], [1, 1]]))


def test_transforms_and_libpysal_roundtrip():
    xy = _columbus_xy()
    w = W.inverse_distance_weights(xy)
    rowsums = np.asarray(w.transformed("R").matrix.sum(axis=1)).ravel()
    np.testing.assert_allclose(rowsums, 1.0, rtol=RTOL)
    assert set(np.unique(w.transformed("B").matrix.data)) == {1.0}
    lp = w.transformed("R").to_libpysal()
    lp.transform = "O"
    ref = libpysal.weights.DistanceBand.from_array(xy, threshold=w.threshold, binary=False)
    ref.transform = "R"
    np.testing.assert_allclose(lp.sparse.toarray(), ref.sparse.toarray(), rtol=RTOL)


# ---------------------------------------------------------------------------- files


def test_read_gal_matches_libpysal_with_ids_in_another_order(tmp_path):
    path = examples.get_path("stl.gal")
    ref = libpysal.io.open(path).read()
    ids = [str(i) for i in range(1, 79)]
    w = W.read_weights_file(path, ids)
    order = [ref.id_order.index(i) for i in ids]
    assert _same_neighbours(w.base, ref.sparse[order][:, order])
    # Layer ids as integers in reversed order: positions follow the layer, not the file.
    rev = np.arange(78, 0, -1)
    wr = W.read_weights_file(path, rev)
    perm = [ref.id_order.index(str(i)) for i in rev]
    assert _same_neighbours(wr.base, ref.sparse[perm][:, perm])
    with pytest.raises(InvalidInputError, match="78"):
        W.read_weights_file(path, ids[:-1] + ["x"])
    with pytest.raises(InvalidInputError, match="duplicate"):
        W.read_weights_file(path, ["1"] * 78)


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
    with pytest.raises(InvalidInputError, match=".gal or .gwt"):
        W.read_weights_file(str(tmp_path / "w.txt"), [1])


def test_normalise_ids():
    assert list(W.normalise_ids([3, 3.0, "3", " 3 ", "3.0", "a", 2.5])) == ["3", "3", "3", "3", "3", "a", "2.5"]
