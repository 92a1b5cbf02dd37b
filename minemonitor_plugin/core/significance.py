"""Significance helpers shared by the statistics: p-values, multiple testing, Gi* bins, class shares.

The esda counterpart is ``esda/significance.py``. Conventions (see :mod:`.spatial_stats`):
normal p-values are two-sided (:func:`two_sided`); permutation pseudo p-values are *folded*
(:func:`folded_p`, esda's ``alternative="folded"``: one-sided in the direction of the observed
value); Benjamini-Hochberg false discovery rate control (:func:`fdr_threshold`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, overload

import numpy as np
from scipy.special import ndtr  # scipy.stats would add ~0.5 s of import time

from .errors import InvalidInputError

#: Default significance level.
ALPHA = 0.05
#: Gi* bins: (bin, two-sided alpha) from the most to the least confident.
GI_LEVELS = ((3, 0.01), (2, 0.05), (1, 0.10))


def check_alpha(alpha: float) -> float:
    if not 0 < alpha < 1:
        raise InvalidInputError("The significance level must be between 0 and 1 (found {value})", value=alpha)
    return float(alpha)


@overload
def two_sided(z: np.ndarray) -> np.ndarray:
    ...


@overload
def two_sided(z: float) -> float:
    ...


def two_sided(z: np.ndarray | float) -> np.ndarray | float:
    return 2.0 * ndtr(-np.abs(z))


def folded_p(n_ge: np.ndarray | float, n_le: np.ndarray | float, permutations: int) -> Any:
    return (np.minimum(n_ge, n_le) + 1.0) / (permutations + 1.0)



@dataclass(frozen=True)
class ClassShares:
    """Number, feature share and area share of every class (cluster type or Gi bin).

    Attributes
    ----------
    classes : tuple of int
        Class codes in report order.
    labels : tuple of str
        Label of every class.
    counts : numpy.ndarray
        Number of features per class.
    feature_share : numpy.ndarray
        Share of features (0..1).
    area, area_share : numpy.ndarray
        Area per class and share of the total area (NaN when no areas were given).
    """

    classes: tuple[int, ...]
    labels: tuple[str, ...]
    counts: np.ndarray
    feature_share: np.ndarray
    area: np.ndarray
    area_share: np.ndarray

    def as_rows(self) -> list[tuple[int, str, int, float, float, float]]:
        """``(code, label, count, feature share, area, area share)`` tuples."""
        return [
            (c, lab, int(n), float(fs), float(a), float(s))
            for c, lab, n, fs, a, s in zip(
                self.classes, self.labels, self.counts, self.feature_share, self.area,
                self.area_share, strict=True,
            )
        ]


def fdr_threshold(p: Sequence[float] | np.ndarray, alpha: float = ALPHA) -> float:
    """Benjamini-Hochberg p-value cut-off at false discovery rate ``alpha``.

    The largest sorted p-value ``p_(k)`` with ``p_(k) <= k alpha / m`` (``m`` = number of
    finite p-values; NaN entries, e.g. islands, are not tests). Hypotheses with
    ``p <= cut-off`` are rejected. Returns 0.0 when nothing passes.
    """
    alpha = check_alpha(alpha)
    arr = np.asarray(p, dtype=np.float64).ravel()
    arr = np.sort(arr[np.isfinite(arr)])
    m = arr.size
    if m == 0:
        return 0.0
    passed = np.flatnonzero(arr <= alpha * np.arange(1, m + 1) / m)
    return float(arr[passed[-1]]) if passed.size else 0.0


def significant(p: np.ndarray, alpha: float = ALPHA, fdr: bool = False) -> np.ndarray:
    """Significance mask: ``p < alpha``, or Benjamini-Hochberg ``p <= cut-off`` when ``fdr``.

    NaN p-values are never significant.
    """
    alpha = check_alpha(alpha)
    p = np.asarray(p, dtype=np.float64)
    finite = np.isfinite(p)
    if fdr:
        cut = fdr_threshold(p, alpha)
        return finite & (p <= cut) & (cut > 0)
    return finite & (p < alpha)


def gi_bins(z: np.ndarray, p: np.ndarray, fdr: bool = False) -> np.ndarray:
    """Gi* confidence bins -3..3 (ArcGIS ``Gi_Bin``).

    ``±3`` when significant at 99 %, ``±2`` at 95 %, ``±1`` at 90 % (two-sided ``p`` below
    0.01 / 0.05 / 0.10, or Benjamini-Hochberg at each of these rates when ``fdr``), signed by
    the z-score; 0 otherwise or where ``z``/``p`` is NaN.
    """
    z = np.asarray(z, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    out = np.zeros(z.shape, dtype=np.int64)
    for level, alpha in reversed(GI_LEVELS):
        sig = significant(p, alpha, fdr) & np.isfinite(z)
        out[sig] = level
    return out * np.sign(np.nan_to_num(z)).astype(np.int64)


def class_shares(
    codes: Sequence[int] | np.ndarray,
    classes: Sequence[int],
    labels: Sequence[str],
    areas: Sequence[float] | np.ndarray | None = None,
) -> ClassShares:
    """Count features (and sum areas) per class code; shares of the total.

    Parameters
    ----------
    codes : array_like of int
        Class code of every feature (cluster code or Gi bin).
    classes, labels : sequence
        Codes to report, in order, and their labels.
    areas : array_like or None
        Area of every feature (any unit); None gives NaN area columns.
    """
    codes = np.asarray(codes).astype(np.int64).ravel()
    counts = np.array([np.count_nonzero(codes == c) for c in classes], dtype=np.int64)
    total = codes.size
    feature_share = counts / total if total else np.full(len(classes), np.nan)
    if areas is None:
        area = np.full(len(classes), np.nan)
        area_share = area.copy()
    else:
        a = np.asarray(areas, dtype=np.float64).ravel()
        if a.size != codes.size:
            raise InvalidInputError(
                "Got {value} areas for {n} features", value=a.size, n=codes.size
            )
        area = np.array([a[codes == c].sum() for c in classes])
        area_total = a.sum()
        area_share = area / area_total if area_total > 0 else np.full(len(classes), np.nan)
    return ClassShares(tuple(int(c) for c in classes), tuple(labels), counts, feature_share, area, area_share)

