"""The task split of the permutation engine: results do not depend on the mapper or the task size."""

from __future__ import annotations

import numpy as np
import pytest

from minemonitor_plugin.core import crand
from minemonitor_plugin.core import spatial_stats as S
from minemonitor_plugin.core import weights as W
from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.parallel import LocalMapper


class RecordingMapper(LocalMapper):
    """A serial mapper that groups ``task_elements`` of work per task and records the tasks."""

    def __init__(self, task_elements: int):
        super().__init__(threads=1)
        self.task_elements = task_elements
        self.tasks = 0

    def map(self, func, items, shared=None, progress=None):
        self.tasks += len(items)
        return super().map(func, items, shared, progress)


def _lattice(nrows, ncols):
    r, c = np.divmod(np.arange(nrows * ncols), ncols)
    return W.lattice_weights(r, c, "queen")


def _values(n, seed):
    return np.random.default_rng(seed).lognormal(size=n)


def test_each_simulated_statistic_is_a_permutation_of_its_chunk_stream():
    """sims[k] = v_k' M v_k with v_k the k-th draw of its chunk's stream, seeded by (seed, chunk) alone."""
    w = _lattice(23, 17)
    m = w.transformed("R").matrix
    y = _values(w.n, 1)
    sims = crand.simulate_quadratic(y, m, 150, 42, "numpy", None)
    chunks = crand.quadratic_chunks(y.size, 150)
    assert [c[0] for c in chunks] == [0, 1, 2] and chunks[1][1] == 64  # 391 values: chunks of 64
    for index, start, stop in chunks:
        gen = np.random.default_rng(np.random.SeedSequence(42, spawn_key=(index,)))
        for k in range(start, stop):
            vp = gen.permutation(y)
            np.testing.assert_allclose(sims[k], vp @ (m @ vp), rtol=1e-12)
            np.testing.assert_array_equal(np.sort(vp), np.sort(y))


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_simulations_are_bit_identical_on_any_number_of_threads(threads):
    w = _lattice(40, 31)
    m = w.transformed("R").matrix
    y = _values(w.n, 2)
    ref = crand.simulate_quadratic(y, m, 199, 7, "numpy", None, mapper=LocalMapper(1))
    got = crand.simulate_quadratic(y, m, 199, 7, "numpy", None, mapper=LocalMapper(threads))
    np.testing.assert_array_equal(got, ref)


def test_chunks_depend_on_size_only_and_cover_every_permutation():
    for n in (10, 9_000, 2_000_000):
        chunks = crand.quadratic_chunks(n, 999)
        covered = np.concatenate([np.arange(a, b) for _i, a, b in chunks])
        np.testing.assert_array_equal(covered, np.arange(999))
    assert len(crand.quadratic_chunks(10, 999)) == -(-999 // crand.MAX_QUADRATIC_CHUNK)
    assert len(crand.quadratic_chunks(2_000_000, 999)) == 999


class ForeignMapper:
    """Stands for a cluster's mapper (not a LocalMapper)."""

    task_elements = 0

    def map(self, func, items, shared=None, progress=None):
        return [func(item, **(shared or {})) for item in items]


def test_esda_stream_stays_local():
    w = _lattice(5, 5)
    with pytest.raises(InvalidInputError):
        crand.simulate_quadratic(_values(25, 1), w.transformed("R").matrix, 9, 1, "esda", None,
                                 mapper=ForeignMapper())
    with pytest.raises(InvalidInputError):
        crand.simulate_quadratic(_values(25, 1), w.transformed("R").matrix, 9, 1, "other", None)


@pytest.mark.parametrize("task_elements", [0, 199 * 50, 199 * 400, 1 << 30])
def test_conditional_randomisation_is_bit_identical_whatever_the_task_size(task_elements):
    w = _lattice(30, 37)
    y = _values(w.n, 3)
    m = w.transformed("R").matrix
    z = (y - y.mean()) / y.std()
    ref = crand.conditional_randomisation(z, m, m @ z, 199, 9, block_elements=199 * 100,
                                          mapper=LocalMapper(1))
    mapper = RecordingMapper(task_elements)
    got = crand.conditional_randomisation(z, m, m @ z, 199, 9, block_elements=199 * 100, mapper=mapper)
    for a, b in zip((got.n_ge, got.n_le, got.mean, got.std), (ref.n_ge, ref.n_le, ref.mean, ref.std), strict=True):
        np.testing.assert_array_equal(a, b)
    if task_elements == 1 << 30:
        assert mapper.tasks == 1
    elif task_elements == 0:
        assert mapper.tasks > 3  # one block per task


def test_local_statistics_with_threads_equal_the_serial_run():
    w = _lattice(25, 25)
    y = _values(w.n, 4)
    a = S.local_moran(y, w, permutations=99, seed=3)
    b = S.local_moran(y, w, permutations=99, seed=3, mapper=LocalMapper(1))
    np.testing.assert_array_equal(a.p_sim, b.p_sim)
    np.testing.assert_array_equal(a.z_sim, b.z_sim)
    g1 = S.gi_star(y, w, permutations=99, seed=3)
    g2 = S.gi_star(y, w, permutations=99, seed=3, mapper=RecordingMapper(1 << 30))
    np.testing.assert_array_equal(g1.p_sim, g2.p_sim)
    m1 = S.global_moran(y, w, permutations=99, seed=3)
    m2 = S.global_moran(y, w, permutations=99, seed=3, mapper=LocalMapper(1))
    assert m1.p_sim == m2.p_sim and m1.z_sim == m2.z_sim


def test_cancel_stops_the_mapper():
    calls = []

    def progress(fraction):
        calls.append(fraction)
        return len(calls) < 2

    w = _lattice(30, 30)
    y = _values(w.n, 5)
    with pytest.raises(CancelledError):
        crand.simulate_quadratic(y, w.transformed("R").matrix, 999, 1, "numpy", progress, mapper=LocalMapper(2))
    assert len(calls) == 2
