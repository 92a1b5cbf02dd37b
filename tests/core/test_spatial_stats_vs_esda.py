"""Spatial statistics against esda 2.7 called directly (the oracle; marked ``oracle``).

With ``scheme="esda"`` the core draws the random neighbour positions as esda does, so pseudo p-values
must be equal feature by feature; analytical moments agree to rounding. esda and libpysal are pinned
in ``requirements/tests.txt`` to the versions these exact comparisons were written for; without them
these tests are skipped with the reason, or fail under CI (``MINEMONITOR_REQUIRE_ORACLES=1``).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from minemonitor_plugin.core import spatial_stats as S
from minemonitor_plugin.core import weights as W
from tests.support.lattices import columbus as columbus_data
from tests.support.lattices import lattice as _lattice
from tests.support.lattices import smooth_field as _smooth_field
from tests.support.lattices import to_libpysal

RTOL = 1e-10  # same quantity computed with a different operation order


@pytest.fixture(autouse=True)
def _quiet_libpysal():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # libpysal island / disconnected-component chatter
        yield


@pytest.fixture(scope="module")
def columbus():
    return columbus_data()


# ---------------------------------------------------------------------------- published in esda's tests


def test_st_louis_hr8893_with_bundled_gal(libpysal):
    """esda's test suite: Moran(HR8893, stl.gal) = 0.24365582621771659."""
    import csv

    with open(libpysal.examples.get_path("stl_hom.csv"), newline="") as handle:
        hr = np.array([float(row["HR8893"]) for row in csv.DictReader(handle)])
    w = W.read_weights_file(libpysal.examples.get_path("stl.gal"), np.arange(1, hr.size + 1))
    res = S.global_moran(hr, w, permutations=0)
    np.testing.assert_allclose(res.i, 0.24365582621771659, rtol=RTOL)


def test_global_moran_and_general_g_match_esda(columbus, esda, libpysal):
    xy, crime = columbus
    w = W.knn_weights(xy, 4)
    ours = S.global_moran(crime, w, permutations=199, seed=11, scheme="esda")
    np.random.seed(11)  # esda's global statistics only read the global generator
    ref = esda.Moran(crime, to_libpysal(w.transformed("R"), libpysal), transformation="r", permutations=199)
    for a, b in [
        (ours.i, ref.I), (ours.variance_norm, ref.VI_norm), (ours.variance_rand, ref.VI_rand),
        (ours.z, ref.z_rand), (ours.p, ref.p_rand), (ours.z_sim, ref.z_sim), (ours.mean_sim, ref.EI_sim),
    ]:
        np.testing.assert_allclose(a, b, rtol=RTOL)
    assert ours.p_sim == ref.p_sim
    g = S.general_g(crime, w, permutations=199, seed=11, scheme="esda")
    np.random.seed(11)
    gref = esda.G(crime, to_libpysal(w, libpysal), permutations=199)
    for a, b in [(g.g, gref.G), (g.expected, gref.EG), (g.variance, gref.VG), (g.z, gref.z_norm),
                 (g.z_sim, gref.z_sim)]:
        np.testing.assert_allclose(a, b, rtol=1e-9)
    # ours is two-sided; esda's is one-sided and computed as 1 - cdf (absolute precision only)
    np.testing.assert_allclose(g.p, 2 * gref.p_norm, rtol=0, atol=1e-15)
    assert g.p_sim == gref.p_sim
    # The default stream (numpy Generator) is a different sample of the same null.
    other = S.global_moran(crime, w, permutations=199, seed=11)
    assert other.p_sim == pytest.approx(1 / 200) and other.mean_sim != ours.mean_sim


def test_local_moran_matches_esda_exactly_with_the_esda_stream(esda, libpysal):
    w = _lattice(9, 11)
    y = _smooth_field(9, 11, 1)
    ours = S.local_moran(y, w, permutations=999, seed=5, scheme="esda")
    ref = esda.Moran_Local(y, to_libpysal(w, libpysal), transformation="r", permutations=999, seed=5, n_jobs=1)
    np.testing.assert_allclose(ours.i, ref.Is, rtol=RTOL)
    assert np.array_equal(ours.q, ref.q)
    np.testing.assert_array_equal(ours.p_sim, ref.p_sim)
    np.testing.assert_allclose(ours.z_sim, ref.z_sim, rtol=1e-9)
    np.testing.assert_allclose(ours.mean_sim, ref.EI_sim, rtol=1e-9, atol=1e-13)
    np.testing.assert_allclose(ours.std_sim, ref.seI_sim, rtol=1e-9)
    # esda's conditional moments are written for GeoDa's scaling: ours are rescaled by (n-1)/n.
    n = y.size
    np.testing.assert_allclose(ours.expected_conditional, ref.EIc * (n - 1) / n, rtol=RTOL)
    np.testing.assert_allclose(ours.variance_conditional, ref.VIc * ((n - 1) / n) ** 2, rtol=RTOL)
    np.testing.assert_allclose(ours.i_geoda(), ref.Is * n / (n - 1), rtol=RTOL)
    # Significant clusters as esda labels them (p < alpha).
    ref_cluster = np.where(ref.p_sim < 0.05, ref.q, 0)
    np.testing.assert_array_equal(ours.cluster, ref_cluster)


def test_local_moran_non_uniform_weights_match_esda(columbus, esda, libpysal):
    """Inverse-distance rows take the matrix-product path; draws equal esda's."""
    xy, crime = columbus
    w = W.inverse_distance_weights(xy)
    rng = np.random.default_rng(2)
    y = crime + rng.standard_normal(crime.size)
    ours = S.local_moran(y, w, permutations=499, seed=3, scheme="esda")
    ref = esda.Moran_Local(y, to_libpysal(w.transformed("R"), libpysal), transformation="r",
                           permutations=499, seed=3, n_jobs=1)
    np.testing.assert_allclose(ours.z_sim, ref.z_sim, rtol=1e-9)
    # With a single neighbour a draw equals the observed lag whenever it picks that very
    # neighbour: a tie that esda counts on one side only and we on both. Elsewhere: equal.
    many = w.cardinalities >= 2
    np.testing.assert_array_equal(ours.p_sim[many], ref.p_sim[many])
    assert np.all(ours.p_sim >= ref.p_sim)


def test_local_moran_default_stream_agrees_in_distribution(esda, libpysal):
    """Different random stream, same null: moments and p-values agree statistically."""
    w = _lattice(20, 20)
    y = _smooth_field(20, 20, 4)
    perms = 1999
    ours = S.local_moran(y, w, permutations=perms, seed=8)
    ref = esda.Moran_Local(y, to_libpysal(w, libpysal), transformation="r", permutations=perms, seed=8, n_jobs=1)
    # The permutation mean estimates the conditional expectation (exact in expectation).
    se = ours.std_sim / np.sqrt(perms)
    assert np.all(np.abs(ours.mean_sim - ours.expected_conditional) < 5 * se)
    np.testing.assert_allclose(ours.std_sim, np.sqrt(ours.variance_conditional), rtol=0.12)
    # Two independent pseudo p-values of the same feature differ by binomial noise only.
    p = np.clip(ref.p_sim, 1e-3, 0.5)
    assert np.all(np.abs(ours.p_sim - ref.p_sim) < 6 * np.sqrt(p * (1 - p) / perms) + 2e-3)
    assert abs(np.mean(ours.p_sim < 0.05) - np.mean(ref.p_sim < 0.05)) < 0.03


def test_gi_star_matches_esda_binary_analytical_and_permutations(esda, libpysal):
    w = _lattice(12, 10)
    y = _smooth_field(12, 10, 6)
    ours = S.gi_star(y, w, permutations=999, seed=4, scheme="esda")
    ref = esda.G_Local(y, to_libpysal(w, libpysal), transform="B", star=True, permutations=999, seed=4, n_jobs=1)
    np.testing.assert_allclose(ours.g, ref.Gs, rtol=RTOL)
    np.testing.assert_allclose(ours.z_norm, ref.Zs, rtol=1e-9)
    np.testing.assert_allclose(ours.p_norm, 2 * ref.p_norm, rtol=1e-9)
    np.testing.assert_array_equal(ours.p_sim, ref.p_sim)
    np.testing.assert_allclose(ours.z_sim, ref.z_sim, rtol=1e-9)
    np.testing.assert_allclose(ours.p_value, np.minimum(1, 2 * ref.p_sim), rtol=RTOL)
    ref_r = esda.G_Local(y, to_libpysal(w, libpysal), transform="R", star=True, permutations=999, seed=4, n_jobs=1)
    ours_r = S.gi_star(y, w, permutations=999, seed=4, scheme="esda", transform="R")
    np.testing.assert_allclose(ours_r.g, ref_r.Gs, rtol=RTOL)
    np.testing.assert_array_equal(ours_r.p_sim, ref_r.p_sim)
