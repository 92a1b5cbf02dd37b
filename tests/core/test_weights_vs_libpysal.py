"""Spatial weights against libpysal's builders and files (the oracle; marked ``oracle``).

libpysal is pinned in ``requirements/tests.txt``; without it these tests are skipped with the reason,
or fail under CI (``MINEMONITOR_REQUIRE_ORACLES=1``).
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
import shapely

from minemonitor_plugin.core import weights as W
from minemonitor_plugin.core.errors import InvalidInputError
from tests.support.lattices import columbus, to_libpysal
from tests.support.lattices import same_neighbours as _same_neighbours

RTOL = 1e-12  # same arithmetic, rounding only


def _columbus_xy() -> np.ndarray:
    return columbus()[0]


def _columbus_polygons(libpysal) -> np.ndarray:
    shapes = libpysal.io.open(libpysal.examples.get_path("columbus.shp")).read()
    return np.array([shapely.geometry.shape(s.__geo_interface__) for s in shapes], dtype=object)


@pytest.mark.parametrize("contiguity", ["queen", "rook"])
def test_lattice_matches_libpysal_lat2sw(contiguity, libpysal):
    nrows, ncols = 23, 31
    r, c = np.divmod(np.arange(nrows * ncols), ncols)
    w = W.lattice_weights(r, c, contiguity)
    ref = libpysal.weights.lat2SW(nrows, ncols, contiguity).tocsr()
    assert _same_neighbours(w.base, ref)
    assert w.base.has_sorted_indices
    assert np.all(np.diff(w.base.indptr) == np.asarray(ref.sum(axis=1)).ravel())
    corner = {"queen": 3, "rook": 2}[contiguity]
    assert w.cardinalities[0] == corner and w.n_islands == 0


def test_lattice_shuffled_with_holes_and_sparse_lookup(libpysal):
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


@pytest.mark.parametrize("contiguity", ["queen", "rook"])
def test_polygon_contiguity_matches_libpysal(contiguity, libpysal):
    geoms = _columbus_polygons(libpysal)
    w = W.contiguity_weights(geoms, contiguity)
    builder = libpysal.weights.Queen if contiguity == "queen" else libpysal.weights.Rook
    ref = builder.from_shapefile(libpysal.examples.get_path("columbus.shp"))
    assert ref.id_order == list(range(ref.n))
    assert _same_neighbours(w.base, ref.sparse)
    assert w.is_symmetric
    # Binary although neighbours share several vertices; row weights as libpysal's.
    assert set(np.unique(w.base.data)) == {1.0}
    ref.transform = "R"
    np.testing.assert_allclose(w.transformed("R").matrix.toarray(), ref.sparse.toarray(), rtol=RTOL)


def test_distance_band_default_threshold_and_libpysal(libpysal):
    xy = _columbus_xy()
    w = W.distance_band_weights(xy)
    expected = libpysal.weights.min_threshold_distance(xy)
    np.testing.assert_allclose(w.threshold, expected, rtol=1e-8)
    assert w.n_islands == 0
    ref = libpysal.weights.DistanceBand.from_array(xy, threshold=w.threshold, binary=True)
    assert _same_neighbours(w.base, ref.sparse)
    # A slightly smaller band leaves the farthest feature without a neighbour.
    assert W.distance_band_weights(xy, expected * 0.999).n_islands >= 1


def test_knn_matches_libpysal(libpysal):
    xy = _columbus_xy()
    w = W.knn_weights(xy, 4)
    ref = libpysal.weights.KNN.from_array(xy, k=4)
    assert _same_neighbours(w.base, ref.sparse)
    assert np.all(w.cardinalities == 4) and not w.is_symmetric


def test_inverse_distance_matches_libpysal(libpysal):
    xy = _columbus_xy()
    w = W.inverse_distance_weights(xy, threshold=5.0, power=2.0)
    ref = libpysal.weights.DistanceBand.from_array(xy, threshold=5.0, binary=False, alpha=-2.0)
    assert _same_neighbours(w.base, ref.sparse)
    np.testing.assert_allclose(w.base.toarray(), ref.sparse.toarray(), rtol=RTOL)


def test_transforms_and_libpysal_roundtrip(libpysal):
    xy = _columbus_xy()
    w = W.inverse_distance_weights(xy)
    rowsums = np.asarray(w.transformed("R").matrix.sum(axis=1)).ravel()
    np.testing.assert_allclose(rowsums, 1.0, rtol=RTOL)
    assert set(np.unique(w.transformed("B").matrix.data)) == {1.0}
    lp = to_libpysal(w.transformed("R"), libpysal)
    lp.transform = "O"
    ref = libpysal.weights.DistanceBand.from_array(xy, threshold=w.threshold, binary=False)
    ref.transform = "R"
    np.testing.assert_allclose(lp.sparse.toarray(), ref.sparse.toarray(), rtol=RTOL)


def test_read_gal_matches_libpysal_with_ids_in_another_order(tmp_path, libpysal):
    path = libpysal.examples.get_path("stl.gal")
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
        W.read_weights_file(path, [*ids[:-1], "x"])
    with pytest.raises(InvalidInputError, match="duplicate"):
        W.read_weights_file(path, ["1"] * 78)
