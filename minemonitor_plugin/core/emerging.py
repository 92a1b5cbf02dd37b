"""Emerging hot spots: space-time Gi* over survey epochs, Mann-Kendall trends, ArcGIS categories.

The method of ArcGIS Pro's *Emerging Hot Spot Analysis* ("How Emerging Hot Spot Analysis works"),
on a cube of ``cells x epochs`` values:

1. **Space-time Gi*.** Every bin (cell *i*, epoch *t*) is a feature of one Gi* analysis of the whole
   cube (ArcGIS's default global window, *entire cube*): its neighbours are the spatial
   neighbours of *i* in epoch *t* and *i* itself and its spatial neighbours in the previous
   ``time_steps`` epochs (:func:`space_time_weights`). The statistic, its analytical z, the
   conditional permutations and the FDR-corrected 90/95/99 % bins are those of
   :func:`.spatial_stats.gi_star` (binary weights by default, as ArcGIS).
2. **Trend.** The Mann-Kendall test of each cell's series of Gi* z-scores over the epochs
   (:func:`.trend.trend_statistics`): is the clustering intensifying or diminishing?
3. **Categories** (:func:`classify`), with "hot" meaning a bin significant as a hot spot at the
   chosen confidence (90 % by default: any non-zero Gi bin), and "90 %" meaning at least 90 % of
   the epochs (``10 * count >= 9 * epochs``):

   * **new**: hot in the final epoch and never before;
   * **consecutive**: a single uninterrupted run of at least two hot epochs ending with the final
     one, never hot before the run, hot in less than 90 % of the epochs;
   * **intensifying** / **diminishing**: hot in at least 90 % of the epochs including the final one,
     and the Gi* z-scores increase / decrease significantly (Mann-Kendall, two-sided p < the trend
     level);
   * **persistent**: hot in at least 90 % of the epochs including the final one, no significant trend;
   * **sporadic**: hot in the final epoch, hot in less than 90 % of the epochs, on and off, never a
     cold spot;
   * **oscillating**: hot in the final epoch, hot in less than 90 % of the epochs, and a cold spot in
     an earlier epoch;
   * **historical**: not hot in the final epoch but hot in at least 90 % of the epochs.

   Cold spots mirror them (an intensifying cold spot has decreasing z-scores). Where the published
   definitions overlap, the more specific one wins, as in sfdep's order of tests: a location hot
   only in the final epoch (or final run) after earlier cold spots is oscillating, not new (or
   consecutive); a location cold in 90 % of the epochs and hot in the final one is an oscillating
   hot spot, not a historical cold spot.

Codes (:data:`CATEGORIES`): 1 new ... 8 historical hot spot, -1 ... -8 the cold ones, 0 no pattern
detected. The differences from R sfdep's ``emerging_hotspot_analysis`` (per-epoch standardisation,
pseudo p <= 0.01 without FDR, and five rules) are listed in the algorithm's help and report and
checked one by one in ``tests/core/test_emerging.py``.

References
----------
Esri, *How Emerging Hot Spot Analysis works* (ArcGIS Pro tool reference, space-time pattern mining).
Getis, A. & Ord, J. K. (1992); Ord, J. K. & Getis, A. (1995). Mann, H. B. (1945); Kendall, M. G.
(1975). Parry, J. & Locke, D. H., sfdep: ``emerging_hotspot_analysis`` (R package).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from .errors import CancelledError, InvalidInputError
from .spatial_stats import SEED, gi_star
from .weights import SpatialWeights

Progress = Callable[[float], Any]

NO_PATTERN = 0
NEW, CONSECUTIVE, INTENSIFYING, PERSISTENT, DIMINISHING, SPORADIC, OSCILLATING, HISTORICAL = range(1, 9)
#: Category code -> English name (ArcGIS's pattern names); cold spots have the negative codes.
CATEGORIES = {
    NO_PATTERN: "No pattern detected",
    NEW: "New hot spot",
    CONSECUTIVE: "Consecutive hot spot",
    INTENSIFYING: "Intensifying hot spot",
    PERSISTENT: "Persistent hot spot",
    DIMINISHING: "Diminishing hot spot",
    SPORADIC: "Sporadic hot spot",
    OSCILLATING: "Oscillating hot spot",
    HISTORICAL: "Historical hot spot",
    -NEW: "New cold spot",
    -CONSECUTIVE: "Consecutive cold spot",
    -INTENSIFYING: "Intensifying cold spot",
    -PERSISTENT: "Persistent cold spot",
    -DIMINISHING: "Diminishing cold spot",
    -SPORADIC: "Sporadic cold spot",
    -OSCILLATING: "Oscillating cold spot",
    -HISTORICAL: "Historical cold spot",
}
#: Bin confidence -> smallest |Gi bin| that counts as a hot / cold spot.
CONFIDENCE_LEVELS = {0.90: 1, 0.95: 2, 0.99: 3}
#: At least this share of the epochs (the "90 % rule"), tested as 10 * count >= 9 * epochs.
SHARE = 0.9
def space_time_weights(w: SpatialWeights, n_epochs: int, time_steps: int = 1) -> SpatialWeights:
    """Space-time neighbours of the bins of a ``locations x epochs`` cube.

    Bin ``(i, t)`` has index ``t * n + i``. Its neighbours are ``(j, t)`` for the spatial
    neighbours ``j`` of ``i``, and ``(j, t - l)`` for ``l = 1 .. time_steps`` (while ``t - l >= 0``)
    for ``j`` = ``i`` itself and its spatial neighbours: the bins within the neighbourhood distance
    and the neighbourhood time step (ArcGIS), the time-lagged neighbours of sfdep's ``spt_nb``.
    The bin itself is not a neighbour (Gi* adds it).

    Weights: the spatial weight of ``j`` (as built) in every epoch; the location's own earlier
    bins weigh 1 for binary weights and the row's largest weight otherwise (the self-weight rule
    of :func:`.spatial_stats.gi_star`).

    Raises
    ------
    InvalidInputError
        Fewer than one epoch or a negative number of time steps.
    """
    if int(n_epochs) < 1:
        raise InvalidInputError("The cube needs at least one epoch; found {count}.", count=n_epochs)
    if int(time_steps) != time_steps or time_steps < 0:
        raise InvalidInputError("The neighbourhood time step must be a whole number >= 0; got {value}.",
                                value=time_steps)
    n, t_count, k = w.n, int(n_epochs), int(time_steps)
    base = w.base.tocsr()
    base.sort_indices()
    card_w = np.diff(base.indptr).astype(np.int64)
    self_w = np.ones(n)
    has = card_w > 0
    if base.nnz:
        self_w[has] = np.maximum.reduceat(base.data, base.indptr[:-1][has])
    lagged = (base + sp.diags(self_w, format="csr")).tocsr()
    lagged.sum_duplicates()
    lagged.sort_indices()
    card_a = np.diff(lagged.indptr).astype(np.int64)
    within_w = np.arange(base.nnz) - np.repeat(base.indptr[:-1].astype(np.int64), card_w)
    within_a = np.arange(lagged.nnz) - np.repeat(lagged.indptr[:-1].astype(np.int64), card_a)
    lengths = np.concatenate([min(t, k) * card_a + card_w for t in range(t_count)])
    indptr = np.zeros(n * t_count + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    nnz = int(indptr[-1])
    index_dtype = np.int32 if max(nnz, n * t_count) < 2**31 - 1 else np.int64
    indices = np.empty(nnz, dtype=index_dtype)
    data = np.empty(nnz, dtype=np.float64)
    for t in range(t_count):
        lags = min(t, k)
        starts = indptr[t * n : (t + 1) * n]
        # blocks in increasing column order: epoch t - lags ... t - 1 (self included), then t
        for j, lag in enumerate(range(lags, 0, -1)):
            pos = np.repeat(starts + j * card_a, card_a) + within_a
            indices[pos] = lagged.indices + (t - lag) * n
            data[pos] = lagged.data
        pos = np.repeat(starts + lags * card_a, card_w) + within_w
        indices[pos] = base.indices + t * n
        data[pos] = base.data
    matrix = sp.csr_matrix((data, indices, indptr.astype(index_dtype)), shape=(n * t_count, n * t_count))
    matrix.has_sorted_indices = True
    return SpatialWeights(matrix, f"space-time {w.kind}", w.transform, w.threshold, w.k)


def classify(hot: np.ndarray, cold: np.ndarray, trend_z: np.ndarray, trend_p: np.ndarray,
             trend_alpha: float = 0.05) -> np.ndarray:
    """Emerging hot spot category of every location (see the module notes).

    Parameters
    ----------
    hot, cold : numpy.ndarray of bool, shape (epochs, locations)
        Bins significant as hot / cold spots (never both).
    trend_z, trend_p : numpy.ndarray, shape (locations,)
        Mann-Kendall Z and two-sided p of the Gi* z series (NaN = no trend).
    trend_alpha : float
        Level below which the trend is significant.

    Returns
    -------
    numpy.ndarray of int64
        Codes of :data:`CATEGORIES`.
    """
    hot = np.asarray(hot, dtype=bool)
    cold = np.asarray(cold, dtype=bool)
    if hot.shape != cold.shape or hot.ndim != 2:
        raise InvalidInputError("Hot and cold bins must be two arrays of the same shape (epochs, locations); "
                                "got {shape}.", shape=(hot.shape, cold.shape))
    if (hot & cold).any():
        raise InvalidInputError("A bin cannot be both a hot and a cold spot ({count} are).",
                                count=int((hot & cold).sum()))
    n_t = hot.shape[0]
    z = np.asarray(trend_z, dtype=np.float64)
    p = np.asarray(trend_p, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        significant = np.isfinite(p) & (p < trend_alpha)
        up = significant & (z > 0)
        down = significant & (z < 0)
    out = np.zeros(hot.shape[1], dtype=np.int64)
    historical = np.zeros_like(out)
    for sign, mine, other, rising, falling in ((1, hot, cold, up, down), (-1, cold, hot, down, up)):
        count = mine.sum(axis=0)
        mostly = 10 * count >= 9 * n_t  # the 90 % rule, in integers
        final = mine[-1]
        reverse = mine[::-1]
        run = np.where(reverse.all(axis=0), n_t, np.argmax(~reverse, axis=0))  # final run length
        code = np.zeros_like(out)
        code[final & mostly] = PERSISTENT
        code[final & mostly & rising] = INTENSIFYING
        code[final & mostly & falling] = DIMINISHING
        few = final & ~mostly
        code[few] = SPORADIC
        code[few & (count == run) & (run >= 2)] = CONSECUTIVE
        code[few & (count == 1)] = NEW
        code[few & other.any(axis=0)] = OSCILLATING
        out[final] = sign * code[final]
        historical[~final & mostly] = sign * HISTORICAL
    # what the final epoch is wins: a cold spot of 90 % of the epochs that turned hot is oscillating hot
    out[out == 0] = historical[out == 0]
    return out


@dataclass(frozen=True)
class EmergingResult:
    """Emerging hot spot analysis of a ``locations x epochs`` cube.

    Attributes
    ----------
    category : numpy.ndarray
        Code of :data:`CATEGORIES` per location.
    n_hot, n_cold : numpy.ndarray
        Epochs in which the location is a significant hot / cold spot.
    trend_s, trend_z, trend_p : numpy.ndarray
        Mann-Kendall S, Z and two-sided p of the location's Gi* z-scores over the epochs.
    z, p, bins : numpy.ndarray, shape (locations, epochs)
        Gi* z-score, two-sided p-value and -3..3 bin of every bin of the cube.
    constant : bool
        Every value of the cube is equal: no Gi* is defined, every location has no pattern.
    n_bins, n_neighbours_mean : int, float
        Bins analysed and mean number of space-time neighbours.
    settings : dict
        time_steps, permutations, seed, fdr, transform, confidence, trend_alpha.
    """

    category: np.ndarray
    n_hot: np.ndarray
    n_cold: np.ndarray
    trend_s: np.ndarray
    trend_z: np.ndarray
    trend_p: np.ndarray
    z: np.ndarray
    p: np.ndarray
    bins: np.ndarray
    constant: bool
    n_bins: int
    n_neighbours_mean: float
    settings: dict

    @property
    def last_bin(self) -> np.ndarray:
        return self.bins[:, -1]


def emerging_hot_spots(
    values: Any,
    w: SpatialWeights,
    *,
    time_steps: int = 1,
    permutations: int = 0,
    seed: int = SEED,
    fdr: bool = True,
    transform: str = "B",
    confidence: float = 0.90,
    trend_alpha: float = 0.05,
    progress: Progress | None = None,
) -> EmergingResult:
    """Emerging hot spot analysis (see the module notes).

    Parameters
    ----------
    values : array_like, shape (locations, epochs)
        The analysed value of every location in every epoch (epochs in chronological order),
        finite.
    w : SpatialWeights
        Spatial neighbours of the locations.
    time_steps : int
        Earlier epochs in the neighbourhood (ArcGIS's neighbourhood time step; sfdep's ``k``).
    permutations, seed : int
        Conditional permutations for the Gi* p-values (0 = analytical, as ArcGIS) and their seed.
    fdr : bool
        Benjamini-Hochberg false discovery rate correction of the bins over the whole cube.
    transform : {"B", "R", "O"}
        Binary (ArcGIS), row-standardised (sfdep) or as built (inverse distance).
    confidence : {0.90, 0.95, 0.99}
        Bins at least this confident count as hot / cold spots.
    trend_alpha : float
        Significance level of the Mann-Kendall trend.
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels.

    Raises
    ------
    InvalidInputError
        Fewer than three epochs, missing or non-finite values, a shape that does not match the
        weights, an unknown confidence or a level outside (0, 1).
    """
    from .trend import trend_statistics

    x = np.asarray(values, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] != w.n:
        raise InvalidInputError("The cube has shape {shape}; expected {n} locations by epochs.", shape=x.shape, n=w.n)
    n_loc, n_t = x.shape
    if n_t < 3:
        raise InvalidInputError("Emerging hot spots need at least three epochs (a trend); found {count}.", count=n_t)
    bad = np.argwhere(~np.isfinite(x))
    if bad.size:
        raise InvalidInputError("The value of location {index} in epoch {epoch} is missing or not finite.",
                                index=int(bad[0, 0]), epoch=int(bad[0, 1]) + 1)
    level = CONFIDENCE_LEVELS.get(round(float(confidence), 2))
    if level is None:
        raise InvalidInputError("The confidence must be 0.90, 0.95 or 0.99; got {value}.", value=confidence)
    if not 0.0 < trend_alpha < 1.0:
        raise InvalidInputError("The significance level must be between 0 and 1 (found {value})", value=trend_alpha)
    settings = {"time_steps": int(time_steps), "permutations": int(permutations), "seed": int(seed),
                "fdr": bool(fdr), "transform": transform, "confidence": float(confidence),
                "trend_alpha": float(trend_alpha)}

    def report(fraction: float) -> None:
        if progress is not None and progress(fraction) is False:
            raise CancelledError()

    st = space_time_weights(w, n_t, time_steps)
    report(0.05)
    nan = np.full((n_loc, n_t), np.nan)
    if np.ptp(x) == 0:
        zeros = np.zeros(n_loc, dtype=np.int64)
        return EmergingResult(zeros, zeros, zeros.copy(), np.full(n_loc, np.nan), np.full(n_loc, np.nan),
                              np.full(n_loc, np.nan), nan, nan.copy(), np.zeros((n_loc, n_t), dtype=np.int64), True,
                              st.n, float(st.cardinalities.mean()), settings)
    y = x.T.ravel()  # bin (i, t) at t * n + i
    sub = None if progress is None else (lambda f: progress(0.05 + 0.85 * min(max(f, 0.0), 1.0)))
    gi = gi_star(y, st, permutations, seed, fdr, transform, progress=sub)
    z = gi.z_score.reshape(n_t, n_loc)
    bins = gi.gi_bin.reshape(n_t, n_loc)
    report(0.92)
    mk = trend_statistics(z, np.arange(n_t), statistics=("mk_s", "mk_z", "mk_p"), min_years=3)
    hot, cold = bins >= level, bins <= -level
    assert mk.mk_z is not None and mk.mk_p is not None  # requested above
    category = classify(hot, cold, mk.mk_z, mk.mk_p, trend_alpha)
    report(1.0)
    return EmergingResult(
        category=category, n_hot=hot.sum(axis=0).astype(np.int64), n_cold=cold.sum(axis=0).astype(np.int64),
        trend_s=np.asarray(mk.mk_s), trend_z=np.asarray(mk.mk_z), trend_p=np.asarray(mk.mk_p),
        z=np.ascontiguousarray(z.T), p=np.ascontiguousarray(gi.p_value.reshape(n_t, n_loc).T),
        bins=np.ascontiguousarray(bins.T), constant=False, n_bins=st.n,
        n_neighbours_mean=float(st.cardinalities.mean()), settings=settings,
    )
