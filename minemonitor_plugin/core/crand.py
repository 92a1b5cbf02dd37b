"""Randomisation engine of the statistics: permutation draws for global and local statistics.

Expert-only module (see docs/DEVELOPING.md): its invariants are tested on their own
(``tests/core/test_spatial_stats.py``), and ``scheme="esda"`` must keep reproducing esda's
random stream bit for bit. The esda counterpart is ``esda/crand.py``.

Conditional randomisation (local statistics)
--------------------------------------------
esda's ``crand`` shares one matrix of random neighbour positions ``P`` (permutations x
max cardinality, drawn from ``n - 1`` positions) between all features: feature ``i`` takes the
values ``z_without_i[P[:, :k_i]]``. Without numba it loops over features in Python and copies
``z_without_i`` (O(n)) for each of them, hence its worse-than-linear growth. The engine here
draws ``P`` the same way and evaluates *the same null distribution* in blocks of features of
equal cardinality: ``z_without_i[p] = z[p + (p >= i)]``, so for a block spanning positions
``lo..hi`` one gather ``z[P + (P >= hi)]`` serves every feature, and only the few entries with
``lo <= P < hi`` need a per-feature correction. The work is one dense
``permutations x block`` pass per block (no per-feature Python loop, no O(n) copy).

Total randomisation (global statistics)
---------------------------------------
:func:`simulate_quadratic` evaluates ``v_p' M v_p`` for random permutations ``v_p`` of the values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from .errors import CancelledError, InvalidInputError
from .parallel import DEFAULT_THREADS, LocalMapper
from .significance import folded_p

Progress = Callable[[float], bool] | None

#: Relative tolerance under which a simulated statistic counts as a tie with the observed one
#: (different summation orders of equal sets of values differ in the last bits).
TIE_RTOL = 1e-10
#: Number of float64 elements of one permutations x features block (32 MiB).
BLOCK_ELEMENTS = 1 << 22


def report(progress: Progress, fraction: float) -> None:
    if progress is not None and progress(min(max(fraction, 0.0), 1.0)) is False:
        raise CancelledError()



#: Work (values x permutations) of one task of :func:`simulate_quadratic`: small lattices get up
#: to :data:`MAX_QUADRATIC_CHUNK` permutations per task (fewer, larger tasks for threads and
#: clusters), large ones one permutation per task.
QUADRATIC_CHUNK_ELEMENTS = 1 << 19
MAX_QUADRATIC_CHUNK = 64
#: Below this many values a chunk is evaluated as one sparse x dense block product (Python's per-call
#: overhead dominates single products of small vectors) and on one thread (tasks this small only fight
#: over Python's lock); from it on, one sparse product per permutation on two threads.
SMALL_VALUES = 8192


def _generator(scheme: str, seed: int) -> Any:
    if scheme == "esda":
        # esda's global statistics call np.random.permutation(values) after the caller seeded
        # the global generator; a private RandomState with that seed gives the same stream.
        return np.random.RandomState(seed)
    raise InvalidInputError("Unknown random scheme {value}; use numpy or esda", value=scheme)


def chunk_generator(seed: int, chunk: int) -> np.random.Generator:
    """The generator of permutation chunk ``chunk`` under ``scheme="numpy"``: seeded by ``(seed, chunk)``.

    Each chunk of :func:`quadratic_chunks` (fixed by the number of values and permutations, never by
    the mapper) draws its permutations from its own stream (``SeedSequence(seed, spawn_key=(chunk,))``),
    so the draws do not depend on how the chunks are spread over threads or cluster workers.
    """
    return np.random.default_rng(np.random.SeedSequence(int(seed), spawn_key=(int(chunk),)))


def quadratic_chunks(n: int, permutations: int) -> list[tuple[int, int, int]]:
    """The chunks ``(index, start, stop)`` of permutations of the tasks of :func:`simulate_quadratic`.

    Depends on ``n`` and ``permutations`` only (never on the mapper), so every mapper evaluates
    the same dense products and the simulated values are bit-identical everywhere.
    """
    size = int(min(MAX_QUADRATIC_CHUNK, max(1, QUADRATIC_CHUNK_ELEMENTS // max(int(n), 1))))
    return [(i, s, min(s + size, permutations)) for i, s in enumerate(range(0, permutations, size))]


def _quadratic_rows(block: np.ndarray, m: sp.csr_matrix) -> np.ndarray:
    """``v' M v`` of every row ``v`` of ``block`` (b x n): one sparse x dense product."""
    return np.einsum("ij,ij->i", block, (m @ block.T).T)


def _quadratic(v: np.ndarray, m: sp.csr_matrix) -> float:
    """``v' M v``: one sparse product and a dot product.

    One product per permutation, not one sparse x dense block product per chunk: with scipy 1.10
    the block product (``csr_matvecs``) measured 1.6 times slower here than the same number of
    single products (10,000 cells, chunks of 52 permutations)."""
    return float(v @ (m @ v))


def quadratic_chunk(chunk: tuple[int, int, int], values: np.ndarray, m: sp.csr_matrix, seed: int) -> np.ndarray:
    """Simulated ``v_k' M v_k`` for the permutations ``k`` in ``[start, stop)`` of chunk ``(index, start,
    stop)`` (``scheme="numpy"``), drawn in order from :func:`chunk_generator` ``(seed, index)``.

    A task of :func:`simulate_quadratic`: module level, so a cluster worker can run it.
    """
    index, start, stop = chunk
    gen = chunk_generator(seed, index)
    if values.size < SMALL_VALUES:
        block = np.empty((stop - start, values.size))
        for j in range(stop - start):
            block[j] = gen.permutation(values)
        return _quadratic_rows(block, m)
    return np.array([_quadratic(gen.permutation(values), m) for _ in range(start, stop)])


def simulate_quadratic(
    values: np.ndarray, m: sp.csr_matrix, permutations: int, seed: int, scheme: str,
    progress: Progress, mapper: Any = None,
) -> np.ndarray:
    """``v_p' M v_p`` for ``permutations`` random permutations ``v_p`` of ``values``.

    The permutations are evaluated in chunks (:func:`quadratic_chunks`), the chunks on a
    :class:`~.parallel.LocalMapper` (two threads: drawing a permutation, the dominant cost,
    releases Python's lock) or the ``mapper`` given (a dask cluster).
    ``scheme="numpy"``: chunk ``c`` draws its permutations from :func:`chunk_generator` ``(seed, c)``.
    ``scheme="esda"``: esda's single sequential stream (bit for bit), drawn here in order, so it
    runs in this process only.
    """
    values = np.ascontiguousarray(values, dtype=np.float64)
    chunks = quadratic_chunks(values.size, permutations)
    if scheme == "numpy":
        if mapper is None:
            mapper = LocalMapper(1 if values.size < SMALL_VALUES else DEFAULT_THREADS)
        parts = mapper.map(quadratic_chunk, chunks, {"values": values, "m": m, "seed": int(seed)}, progress)
        sims = np.concatenate(parts) if parts else np.empty(0)
        report(progress, 1.0)
        return sims
    if mapper is not None and not isinstance(mapper, LocalMapper):
        raise InvalidInputError("The {value} random scheme runs on this computer only.", value=scheme)
    gen = _generator(scheme, seed)
    sims = np.empty(permutations)
    for _index, start, stop in chunks:
        if values.size < SMALL_VALUES:
            block = np.empty((stop - start, values.size))
            for j in range(stop - start):
                block[j] = gen.permutation(values)
            sims[start:stop] = _quadratic_rows(block, m)
        else:
            for k in range(start, stop):
                sims[k] = _quadratic(gen.permutation(values), m)
        report(progress, stop / permutations)
    report(progress, 1.0)
    return sims


def folded_from_sims(sims: np.ndarray, observed: float, permutations: int) -> tuple[float, float, float, float]:
    tol = TIE_RTOL * max(abs(observed), float(np.abs(sims).max(initial=0.0)), 1e-300)
    n_ge = np.count_nonzero(sims >= observed - tol)
    n_le = np.count_nonzero(sims <= observed + tol)
    mean = float(sims.mean())
    std = float(sims.std())
    z_sim = (observed - mean) / std if std > 0 else float("nan")
    return float(folded_p(n_ge, n_le, permutations)), mean, std, z_sim


@dataclass(frozen=True)
class _CrandResult:
    n_ge: np.ndarray
    n_le: np.ndarray
    mean: np.ndarray
    std: np.ndarray


def permuted_positions(n: int, max_card: int, permutations: int, seed: int, scheme: str = "numpy") -> np.ndarray:
    """Matrix ``(permutations, max_card)`` of distinct positions in ``range(n - 1)`` per row.

    ``scheme="esda"`` reproduces esda's ``vec_permutations`` without numba
    (``np.random.seed(seed)`` then ``np.random.choice(n - 1, max_card, replace=False)`` per
    row) with a private :class:`numpy.random.RandomState`, leaving the global generator alone.
    """
    out = np.empty((permutations, max_card), dtype=np.int64)
    if max_card == 0 or permutations == 0:
        return out
    if scheme == "esda":
        rs = np.random.RandomState(seed)
        for k in range(permutations):
            out[k] = rs.choice(n - 1, size=max_card, replace=False)
    elif scheme == "numpy":
        rng = np.random.default_rng(seed)
        for k in range(permutations):
            out[k] = rng.choice(n - 1, size=max_card, replace=False)
    else:
        raise InvalidInputError("Unknown random scheme {value}; use numpy or esda", value=scheme)
    return out


def _uniform_rows(m: sp.csr_matrix) -> bool:
    """Whether every row's non-zero weights are all equal (binary/row-standardised kinds)."""
    starts = m.indptr[:-1][np.diff(m.indptr) > 0]
    if starts.size == 0:
        return True
    hi = np.maximum.reduceat(m.data, starts)
    lo = np.minimum.reduceat(m.data, starts)
    return bool(np.all(hi - lo <= 1e-12 * np.abs(hi)))


def conditional_randomisation(
    values: np.ndarray,
    m: sp.csr_matrix,
    observed: np.ndarray,
    permutations: int,
    seed: int,
    scheme: str = "numpy",
    progress: Progress = None,
    block_elements: int = BLOCK_ELEMENTS,
    mapper: Any = None,
) -> _CrandResult:
    """Null distribution of the neighbour sums ``T_i = sum_j m_ij values_j`` (self excluded).

    For every feature ``i`` with ``k_i > 0`` neighbours, the permutation draws are
    ``T_ik = sum_j m_ij v_without_i[P[k, j]]`` with ``P`` from :func:`permuted_positions`
    (exactly esda's conditional randomisation). Returns, per feature, the number of draws
    ``>= observed`` and ``<= observed`` (ties within :data:`TIE_RTOL` count on both sides) and
    the mean and standard deviation of the draws. Islands get zeros/NaN.

    Parameters
    ----------
    values : numpy.ndarray
        Values being permuted (standardised z for Moran, raw y for Gi*).
    m : scipy.sparse.csr_matrix
        Weights without the diagonal, canonical CSR (sorted indices).
    observed : numpy.ndarray
        Observed ``T_i``.
    permutations, seed, scheme, progress
        See :func:`permuted_positions`; ``progress`` is called once per task.
    block_elements : int
        Size of the dense ``permutations x features`` work block.
    mapper : optional
        Where the blocks are computed (:class:`~.parallel.LocalMapper` by default, or a dask
        cluster's mapper). The blocks, hence the results, are the same on every mapper; only how
        many blocks one task carries (``mapper.task_elements``) changes.
    """
    n = values.size
    card = np.diff(m.indptr).astype(np.int64)
    max_card = int(card.max(initial=0))
    n_ge = np.zeros(n, dtype=np.int64)
    n_le = np.zeros(n, dtype=np.int64)
    mean = np.full(n, np.nan)
    std = np.full(n, np.nan)
    if max_card == 0:
        return _CrandResult(n_ge, n_le, mean, std)
    m = m.copy()
    m.sort_indices()
    values = np.ascontiguousarray(values, dtype=np.float64)
    positions = permuted_positions(n, max_card, permutations, seed, scheme)
    uniform = _uniform_rows(m)
    scale = np.abs(values).max()
    abs_rows = np.asarray(abs(m).sum(axis=1)).ravel()
    block = max(1, block_elements // permutations)
    blocks = []
    index_type = np.int32 if n < 2**31 else np.int64  # tasks carry their features' indices: keep them small
    for c in np.unique(card[card > 0]):
        members = np.flatnonzero(card == c).astype(index_type)
        # uniform rows need one weight per feature (the draws use the first column only)
        row_w = m.data[m.indptr[members][:, None] + np.arange(1 if uniform else c)]  # (members, c or 1)
        for start in range(0, members.size, block):
            idx = members[start : start + block]
            obs = observed[idx]
            tol = TIE_RTOL * (np.abs(obs) + abs_rows[idx] * scale)
            blocks.append((int(c), idx, row_w[start : start + block], obs, tol))
    mapper = mapper if mapper is not None else LocalMapper()
    # group consecutive blocks into tasks of about mapper.task_elements (one block per task locally)
    tasks: list[list] = []
    size = 0
    for b in blocks:
        work = permutations * b[1].size
        if not tasks or size + work > getattr(mapper, "task_elements", 0):
            tasks.append([])
            size = 0
        tasks[-1].append(b)
        size += work
    report(progress, 0.0)
    results = mapper.map(crand_task, tasks, {"values": values, "positions": positions, "uniform": uniform},
                         progress)
    for task, res in zip(tasks, results, strict=True):
        for (_c, idx, *_rest), (ge, le, mu, sd) in zip(task, res, strict=True):
            n_ge[idx], n_le[idx], mean[idx], std[idx] = ge, le, mu, sd
    return _CrandResult(n_ge, n_le, mean, std)


def crand_task(task: list, values: np.ndarray, positions: np.ndarray, uniform: bool) -> list:
    """Counts, means and standard deviations of the draws of a list of feature blocks.

    A task of :func:`conditional_randomisation` (module level, so a cluster worker can run it):
    each block is ``(cardinality, feature indices, their weights, observed T, tie tolerance)``.
    """
    out = []
    for c, idx, w_blk, obs, tol in task:
        t = _block_draws(values, positions[:, :c], idx, w_blk, uniform)
        ge = np.count_nonzero(t >= obs - tol, axis=0)
        le = np.count_nonzero(t <= obs + tol, axis=0)
        mu = t.mean(axis=0)
        t -= mu
        np.square(t, out=t)
        out.append((ge, le, mu, np.sqrt(t.mean(axis=0))))
    return out


def _block_draws(
    values: np.ndarray, pc: np.ndarray, idx: np.ndarray, w_blk: np.ndarray, uniform: bool
) -> np.ndarray:
    """Draws ``T[k, b]`` (permutations x block features) for the features ``idx`` (ascending)."""
    lo, hi = int(idx[0]), int(idx[-1])
    width, perms = idx.size, pc.shape[0]
    # Positions >= hi are shifted for every feature of the block (p >= hi >= i); positions
    # < lo for none; the ones in [lo, hi) depend on the feature and are corrected below.
    base_vals = values[pc + (pc >= hi)]  # (perm, c)
    k_e, j_e = np.nonzero((pc >= lo) & (pc < hi))
    p_e = pc[k_e, j_e]
    d_e = values[p_e + 1] - values[p_e]
    # feature b (position idx[b]) takes the shifted value exactly when idx[b] <= p_e
    r_e = np.searchsorted(idx, p_e, side="right")
    if uniform:
        if k_e.size <= 64:
            t = np.repeat(base_vals.sum(axis=1)[:, None], width, axis=1)
            for k, r, d in zip(k_e, r_e, d_e, strict=True):
                t[k, :r] += d
        else:
            t = _suffix_corrections(r_e, k_e, d_e, width, perms)
            t += base_vals.sum(axis=1)[:, None]
        t *= w_blk[:, 0]
        return t
    t = base_vals @ w_blk.T  # (perm, width)
    if k_e.size <= 64:
        for k, j, r, d in zip(k_e, j_e, r_e, d_e, strict=True):
            t[k, :r] += d * w_blk[:r, j]
    else:
        for j in range(pc.shape[1]):
            sel = j_e == j
            if sel.any():
                t += _suffix_corrections(r_e[sel], k_e[sel], d_e[sel], width, perms) * w_blk[:, j]
    return t


def _suffix_corrections(r_e: np.ndarray, k_e: np.ndarray, d_e: np.ndarray, width: int, perms: int) -> np.ndarray:
    """``C[k, b] = sum of d_e over the entries with k_e == k and r_e > b`` (perms x width).

    Every entry is scattered at column ``r_e``; cumulative sums along the (contiguous) rows give
    in column ``b`` the entries with ``r_e <= b``, and the row total minus that the ones with
    ``r_e > b``.
    """
    acc = np.bincount(k_e * (width + 1) + r_e, weights=d_e, minlength=perms * (width + 1))
    acc = acc.reshape(perms, width + 1)
    np.cumsum(acc, axis=1, out=acc)
    return acc[:, width:] - acc[:, :width]

