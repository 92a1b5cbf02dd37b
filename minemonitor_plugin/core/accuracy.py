"""Interpretation accuracy against field verification: confusion matrix, kappa, per-class accuracy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from scipy.stats import norm
from shapely import STRtree

from .errors import InvalidInputError
from .occupation import canonical_keys

#: Interval methods for proportions (overall, producer's and user's accuracy).
CI_METHODS = ("wilson", "normal")


@dataclass(frozen=True)
class AccuracyResult:
    """Result of :func:`assess_accuracy`.

    Attributes
    ----------
    classes
        Class labels, the order of the matrix rows and columns.
    matrix
        Confusion matrix ``matrix[i, j]`` = records mapped as ``classes[i]``
        whose field-observed (reference) class is ``classes[j]``: rows are the
        map, columns the reference (Congalton & Green's layout).
    n
        Records in the matrix.
    overall, overall_ci
        Overall accuracy (trace / n) and its interval.
    kappa, kappa_se, kappa_ci
        Cohen's kappa, its large-sample standard error (delta method) and the
        normal interval ``kappa ± z·se``.
    producers, producers_ci
        Producer's accuracy per class (diagonal / reference column total; 1 −
        omission error) and intervals (rows = classes, columns = low, high).
    users, users_ci
        User's accuracy per class (diagonal / map row total; 1 − commission
        error) and intervals.
    map_totals, reference_totals
        Row and column totals.
    unmatched_index
        Positions of records without a mapped class (e.g. verification points
        outside every interpreted footprint); excluded unless ``unmatched_class``
        was given.
    missing_observed_index
        Positions of records without an observed class (always excluded).
    confidence, ci_method
        Confidence level and proportion interval method.
    """

    classes: tuple[str, ...]
    matrix: np.ndarray
    n: int
    overall: float
    overall_ci: tuple[float, float]
    kappa: float
    kappa_se: float
    kappa_ci: tuple[float, float]
    producers: np.ndarray
    producers_ci: np.ndarray
    users: np.ndarray
    users_ci: np.ndarray
    map_totals: np.ndarray
    reference_totals: np.ndarray
    unmatched_index: np.ndarray
    missing_observed_index: np.ndarray
    confidence: float
    ci_method: str


def proportion_interval(
    successes: np.ndarray | float, trials: np.ndarray | float, *, confidence: float = 0.95, method: str = "wilson"
) -> np.ndarray:
    """Two-sided confidence interval of a binomial proportion ``successes / trials``.

    Parameters
    ----------
    successes, trials
        Counts (arrays broadcast together).
    confidence
        Confidence level in (0, 1).
    method
        ``"wilson"``: Wilson (1927) score interval, which keeps its coverage for
        accuracies near 1 and small class totals (recommended by Agresti & Coull
        1998). ``"normal"``: ``p ± z·sqrt(p(1−p)/(m−1))``, the normal
        approximation with the variance estimator of Olofsson et al. (2014,
        eq. 6) for simple random (or census) samples; clipped to [0, 1].

    Returns
    -------
    numpy.ndarray
        Shape ``(..., 2)``: lower and upper bounds; NaN where ``trials`` is 0
        (or 1 for ``"normal"``).
    """
    if method not in CI_METHODS:
        raise InvalidInputError("Unknown interval method {method} (use wilson or normal)", method=method)
    if not 0 < confidence < 1:
        raise InvalidInputError("The confidence level must be between 0 and 1, got {value}", value=confidence)
    x = np.asarray(successes, dtype=float)
    m = np.asarray(trials, dtype=float)
    x, m = np.broadcast_arrays(x, m)
    z = norm.ppf(0.5 + confidence / 2.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = x / m
        if method == "wilson":
            denom = 1.0 + z**2 / m
            centre = (p + z**2 / (2 * m)) / denom
            half = z / denom * np.sqrt(p * (1 - p) / m + z**2 / (4 * m**2))
            low, high = centre - half, centre + half
            low, high = np.where(m > 0, low, np.nan), np.where(m > 0, high, np.nan)
        else:
            half = z * np.sqrt(p * (1 - p) / (m - 1))
            low = np.where(m > 1, np.clip(p - half, 0, 1), np.nan)
            high = np.where(m > 1, np.clip(p + half, 0, 1), np.nan)
    return np.stack([low, high], axis=-1)


def kappa_statistics(matrix: np.ndarray) -> tuple[float, float]:
    """Cohen's kappa of a confusion matrix and its large-sample standard error.

    Parameters
    ----------
    matrix
        Square matrix of counts (rows = map, columns = reference; kappa is
        symmetric in the two).

    Returns
    -------
    (kappa, se)
        ``kappa = (θ1 − θ2) / (1 − θ2)`` and ``se = sqrt(var)`` with the delta
        method variance of Bishop, Fienberg & Holland (1975) as given by
        Congalton & Green (2009, ch. 5) and Fleiss, Cohen & Everitt (1969)::

            var = 1/n [ θ1(1−θ1)/(1−θ2)² + 2(1−θ1)(2θ1θ2−θ3)/(1−θ2)³
                        + (1−θ1)²(θ4−4θ2²)/(1−θ2)⁴ ]

        with θ1 = Σ n_ii / n, θ2 = Σ n_i+ n_+i / n², θ3 = Σ n_ii (n_i+ + n_+i) / n²,
        θ4 = Σ_ij n_ij (n_j+ + n_+i)² / n³. NaN when ``θ2 = 1`` (a single class).
    """
    counts = np.asarray(matrix, dtype=float)
    n = counts.sum()
    if n == 0:
        return float("nan"), float("nan")
    rows = counts.sum(axis=1)
    cols = counts.sum(axis=0)
    diag = np.diag(counts)
    t1 = diag.sum() / n
    t2 = (rows * cols).sum() / n**2
    if np.isclose(t2, 1.0):
        return float("nan"), float("nan")
    t3 = (diag * (rows + cols)).sum() / n**2
    # n_ij weighted by (n_j+ + n_+i)^2: row total of the column class plus column total of the row class
    t4 = (counts * (rows[np.newaxis, :] + cols[:, np.newaxis]) ** 2).sum() / n**3
    kappa = (t1 - t2) / (1 - t2)
    var = (
        t1 * (1 - t1) / (1 - t2) ** 2
        + 2 * (1 - t1) * (2 * t1 * t2 - t3) / (1 - t2) ** 3
        + (1 - t1) ** 2 * (t4 - 4 * t2**2) / (1 - t2) ** 4
    ) / n
    return float(kappa), float(np.sqrt(max(var, 0.0)))


def assess_accuracy(
    observed: Sequence[object] | np.ndarray,
    mapped: Sequence[object] | np.ndarray,
    *,
    classes: Sequence[object] | None = None,
    confidence: float = 0.95,
    ci_method: str = "wilson",
    unmatched_class: str | None = None,
    fold_case: bool = True,
) -> AccuracyResult:
    """Confusion matrix and accuracy measures of mapped classes against observed ones.

    Parameters
    ----------
    observed
        Field-observed (reference) class per verification record.
    mapped
        Interpreted (map) class per record; ``None`` / empty = the record
        matched no interpreted footprint.
    classes
        Optional order of the classes (e.g. Table 1 order); labels not listed
        are appended in sorted order.
    confidence
        Confidence level of all intervals.
    ci_method
        Interval for proportions, see :func:`proportion_interval`.
    unmatched_class
        If given, unmatched records are counted as mapped to this class (e.g.
        ``"non-mining"``) instead of being excluded.
    fold_case
        Compare labels as occupation codes (:func:`~.occupation.canonical_key`
        with ``fold_case``: ``"2a"`` = ``"2A"``, ``10`` = ``"10"``); if False
        only surrounding whitespace and number formatting are normalised.

    Returns
    -------
    AccuracyResult

    Notes
    -----
    The estimators treat the verification records as a simple random sample
    (or a census, as in the county field checks where every patch is
    visited); they are not the area-weighted stratified estimators of
    Olofsson et al. (2014). Producer's accuracy of class j is
    ``n_jj / n_+j`` (reference total), user's accuracy ``n_ii / n_i+`` (map
    total); their intervals are binomial intervals on those totals.
    """
    obs = canonical_keys(observed, fold_case=fold_case)
    mp = canonical_keys(mapped, fold_case=fold_case)
    if len(obs) != len(mp):
        raise InvalidInputError(
            "Got {n_observed} observed and {n_mapped} mapped classes", n_observed=len(obs), n_mapped=len(mp)
        )
    missing_obs = obs == ""
    unmatched = (mp == "") & ~missing_obs
    if unmatched_class is not None:
        fill = canonical_keys([unmatched_class], fold_case=fold_case)[0]
        if not fill:
            raise InvalidInputError("The class for unmatched records must not be empty")
        mp = mp.copy()
        mp[unmatched] = fill
        use = ~missing_obs
    else:
        use = ~missing_obs & ~unmatched
    labels = np.concatenate([obs[use], mp[use]]).astype(str)
    present = sorted(set(labels.tolist()))
    order: list[str] = []
    if classes is not None:
        order = [c for c in canonical_keys(classes, fold_case=fold_case).tolist() if c]
        order = list(dict.fromkeys(order))
    order += [c for c in present if c not in set(order)]
    if not order:
        raise InvalidInputError("No verification record has both an observed and a mapped class")
    position = {c: i for i, c in enumerate(order)}
    k = len(order)
    row = np.fromiter((position[c] for c in mp[use]), dtype=np.int64, count=int(use.sum()))
    col = np.fromiter((position[c] for c in obs[use]), dtype=np.int64, count=int(use.sum()))
    matrix = np.bincount(row * k + col, minlength=k * k).reshape(k, k)

    n = int(matrix.sum())
    diag = np.diag(matrix)
    map_totals = matrix.sum(axis=1)
    ref_totals = matrix.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        producers = np.where(ref_totals > 0, diag / ref_totals, np.nan)
        users = np.where(map_totals > 0, diag / map_totals, np.nan)
    overall = diag.sum() / n if n else float("nan")
    overall_ci = proportion_interval(diag.sum(), n, confidence=confidence, method=ci_method)
    kappa, se = kappa_statistics(matrix)
    z = norm.ppf(0.5 + confidence / 2.0)
    return AccuracyResult(
        classes=tuple(order),
        matrix=matrix,
        n=n,
        overall=float(overall),
        overall_ci=(float(overall_ci[0]), float(overall_ci[1])),
        kappa=kappa,
        kappa_se=se,
        kappa_ci=(kappa - z * se, kappa + z * se),
        producers=producers,
        producers_ci=proportion_interval(diag, ref_totals, confidence=confidence, method=ci_method),
        users=users,
        users_ci=proportion_interval(diag, map_totals, confidence=confidence, method=ci_method),
        map_totals=map_totals,
        reference_totals=ref_totals,
        unmatched_index=np.flatnonzero(unmatched),
        missing_observed_index=np.flatnonzero(missing_obs),
        confidence=float(confidence),
        ci_method=ci_method,
    )


@dataclass(frozen=True)
class VerificationMatch:
    """Which interpreted footprint each verification record falls on.

    Attributes
    ----------
    footprint_index
        Matched footprint per record, -1 if none.
    mapped
        The mapped class of that footprint (``None`` if unmatched).
    candidates
        Number of footprints the record touches (> 1 = ambiguous; the match is
        the footprint with the largest overlap for polygons, the first listed
        for points).
    """

    footprint_index: np.ndarray
    mapped: np.ndarray
    candidates: np.ndarray


def match_verification(
    records: Sequence[object] | np.ndarray,
    footprints: Sequence[object] | np.ndarray,
    footprint_classes: Sequence[object] | np.ndarray,
) -> VerificationMatch:
    """Match verification points or polygons to the interpreted footprints.

    Parameters
    ----------
    records
        Verification points (a point on a footprint's boundary counts as on
        it) or polygons (matched to the footprint they overlap most).
    footprints
        Interpreted footprint polygons, same CRS.
    footprint_classes
        Mapped class per footprint.

    Returns
    -------
    VerificationMatch
    """
    rec = np.empty(len(records), dtype=object)
    rec[:] = list(records)
    fp = np.empty(len(footprints), dtype=object)
    fp[:] = list(footprints)
    cls = np.empty(len(footprint_classes), dtype=object)
    cls[:] = list(footprint_classes)
    if len(cls) != len(fp):
        raise InvalidInputError(
            "Got {n_classes} mapped classes for {n_footprints} footprints", n_classes=len(cls), n_footprints=len(fp)
        )
    missing = shapely.is_missing(rec) | shapely.is_empty(rec)
    types = shapely.get_type_id(rec)
    is_point = np.isin(types, (0, 4))
    is_poly = np.isin(types, (3, 6))
    bad = np.flatnonzero(~missing & ~is_point & ~is_poly)
    if bad.size:
        raise InvalidInputError(
            "Verification record {index} is a {kind}; use points or polygons",
            index=int(bad[0]),
            kind=rec[bad[0]].geom_type,
        )
    n = len(rec)
    valid = np.flatnonzero(~missing)
    rec_of, fp_of = STRtree(fp).query(rec[valid], predicate="intersects")
    rec_of = valid[rec_of]
    score = np.ones(len(rec_of))
    poly_pair = is_poly[rec_of]
    score[poly_pair] = shapely.area(shapely.intersection(rec[rec_of[poly_pair]], fp[fp_of[poly_pair]]))
    # polygons must overlap with positive area (touching edges are no match)
    ok = score > 0
    rec_of, fp_of, score = rec_of[ok], fp_of[ok], score[ok]
    candidates = np.bincount(rec_of, minlength=n)
    order = np.lexsort((fp_of, -score, rec_of))
    rec_of, fp_of = rec_of[order], fp_of[order]
    first = np.unique(rec_of, return_index=True)[1]
    index = np.full(n, -1, dtype=np.int64)
    index[rec_of[first]] = fp_of[first]
    mapped = np.full(n, None, dtype=object)
    hit = index >= 0
    mapped[hit] = cls[index[hit]]
    return VerificationMatch(index, mapped, candidates)
