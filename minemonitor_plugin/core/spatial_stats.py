"""Global and local spatial autocorrelation: Moran's I, General G, local Moran (LISA), Gi*.

Statistics are computed here with numpy/scipy on :class:`~.weights.SpatialWeights` and agree
with esda 2.7 (the reference implementation, which the tests call directly):

* :func:`global_moran` — Moran's I with the variance under normality and randomisation
  (Cliff & Ord 1981), two-sided normal p-value, and a folded permutation pseudo p-value.
* :func:`general_g` — Getis & Ord (1992) General G on *binary* weights (always), for
  non-negative values; two-sided normal p-value (esda's ``p_norm`` is one-sided: ours is twice
  it) and folded permutation pseudo p-value.
* :func:`local_moran` — Anselin (1995) local Moran with esda's scaling and quadrant coding
  (``q`` 1 HH, 2 LH, 3 LL, 4 HL), conditional-randomisation pseudo p-values, optional
  Benjamini-Hochberg FDR.
* :func:`gi_star` — Getis & Ord (1992, 1995) Gi* (the feature itself included), analytical z
  by default (the textbook formula, valid for any weights), conditional randomisation as an
  option, bins -3..3 at 99/95/90 % confidence.

Conventions (also written in the algorithms' help and reports)
-------------------------------------------------------------
* Local Moran scaling: esda reports ``I_i = (n - 1) z_i lag_i / sum(z**2)``; GeoDa reports
  ``n / (n - 1)`` times that, ArcGIS ``sum(z**2) / (sum(z**2) - z_i**2)`` times that (its
  variance estimate leaves feature *i* out). Signs, z-scores and p-values do not depend on
  the scaling. :meth:`LocalMoranResult.i_geoda` and :meth:`LocalMoranResult.i_arcgis` convert.
* Pseudo p-values are *folded* as in esda and GeoDa: ``(min(#{sim >= obs}, #{sim <= obs}) + 1)
  / (permutations + 1)``, i.e. one-sided in the direction of the observed value. Ties (exactly
  equal simulated values, common with many zeros) count on both sides, so a feature at the mean
  gets p = 1 where esda reports the smallest possible p.
* Gi* p-values are two-sided: the normal tail probability doubled (analytical, as ArcGIS), and
  in permutation mode twice the folded pseudo p-value (capped at 1), so the 90/95/99 % bins mean
  the same in both modes. Local Moran keeps the folded pseudo p (GeoDa's LISA convention).
* Features without neighbours (islands) are kept: they enter the global statistics with a zero
  spatial lag (as in esda and GeoDa), and in local statistics they get no value (NaN), no
  p-value, quadrant 0, cluster code :data:`CLUSTER_NO_NEIGHBOURS` / Gi bin 0, and are left out of
  the FDR count.

The permutation engine is in :mod:`.crand`, the significance helpers in :mod:`.significance`.

References
----------
Anselin, L. (1995) Local indicators of spatial association—LISA. *Geographical Analysis* 27(2).
Getis, A. & Ord, J. K. (1992) The analysis of spatial association by use of distance
statistics. *Geographical Analysis* 24(3). Ord, J. K. & Getis, A. (1995) Local spatial
autocorrelation statistics. *Geographical Analysis* 27(4). Sokal, R. R., Oden, N. L. &
Thomson, B. A. (1998) Local spatial autocorrelation in a biological model. *Geographical
Analysis* 30(4). Benjamini, Y. & Hochberg, Y. (1995) *JRSS B* 57(1).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from .crand import (  # noqa: F401 - re-exported: the engine's public names
    BLOCK_ELEMENTS,
    TIE_RTOL,
    Progress,
    conditional_randomisation,
    folded_from_sims,
    permuted_positions,
    simulate_quadratic,
)
from .errors import InvalidInputError
from .significance import (  # noqa: F401 - re-exported
    ALPHA,
    GI_LEVELS,
    ClassShares,
    check_alpha,
    class_shares,
    fdr_threshold,
    folded_p,
    gi_bins,
    significant,
    two_sided,
)
from .weights import SpatialWeights

#: Default number of permutations and seed (fixed so that reruns are identical).
PERMUTATIONS = 999
SEED = 12345

#: Local Moran quadrant codes (esda's ``q``) and the derived cluster codes used for styling.
Q_HH, Q_LH, Q_LL, Q_HL = 1, 2, 3, 4
CLUSTER_NOT_SIGNIFICANT = 0
CLUSTER_NO_NEIGHBOURS = 5
#: ArcGIS ``COType`` label of every cluster code (empty = not significant).
CLUSTER_LABELS = {0: "", 1: "HH", 2: "LH", 3: "LL", 4: "HL", 5: "NN"}


# --------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GlobalMoranResult:
    """Global Moran's I.

    Attributes
    ----------
    i, expected : float
        Moran's I and its expectation ``-1 / (n - 1)``.
    variance_norm, variance_rand : float
        Variance under normality and under randomisation (Cliff & Ord).
    z_norm, z : float
        z-scores under normality and randomisation.
    p_norm, p : float
        Two-sided p-values under normality and randomisation.
    permutations, seed : int
        Permutation settings (0 = none).
    p_sim, mean_sim, std_sim, z_sim : float
        Folded pseudo p-value and moments of the permutation distribution (NaN without).
    n, n_islands : int
        Number of features and of features without neighbours.
    s0 : float
        Sum of the (transformed) weights.
    transform : str
        Weights standardisation used.
    """

    i: float
    expected: float
    variance_norm: float
    variance_rand: float
    z_norm: float
    z: float
    p_norm: float
    p: float
    permutations: int
    seed: int
    p_sim: float
    mean_sim: float
    std_sim: float
    z_sim: float
    n: int
    n_islands: int
    s0: float
    transform: str
    #: Moran's I of every permutation (the reference distribution; None without permutations).
    sims: np.ndarray | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class GeneralGResult:
    """Getis-Ord General G on binary weights.

    Attributes
    ----------
    g, expected, variance, z : float
        Statistic, expectation ``S0 / (n (n - 1))``, variance under randomisation, z-score.
    p : float
        Two-sided normal p-value (twice esda's one-sided ``p_norm``).
    permutations, seed : int
    p_sim, mean_sim, std_sim, z_sim : float
        Folded pseudo p-value and permutation moments (NaN without permutations).
    n, n_islands : int
    """

    g: float
    expected: float
    variance: float
    z: float
    p: float
    permutations: int
    seed: int
    p_sim: float
    mean_sim: float
    std_sim: float
    z_sim: float
    n: int
    n_islands: int


@dataclass(frozen=True)
class LocalMoranResult:
    """Anselin local Moran's I for every feature (esda's scaling and quadrant coding).

    Attributes
    ----------
    i : numpy.ndarray
        Local Moran ``(n - 1) z_i lag_i / sum(z**2)`` (esda), NaN for islands.
    z_values, lag : numpy.ndarray
        Standardised values ``(y - mean) / std`` and their spatial lag (Moran scatterplot axes).
    lag_values : numpy.ndarray
        Spatial lag of the original values (neighbour average with row weights).
    q : numpy.ndarray
        Quadrant 1 HH, 2 LH, 3 LL, 4 HL; 0 for islands.
    expected, variance, z_norm, p_norm : numpy.ndarray
        Total-randomisation moments (Sokal et al. 1998, as esda ``EI``/``VI``), analytical
        z-score and two-sided normal p-value.
    expected_conditional, variance_conditional : numpy.ndarray
        Conditional-randomisation moments (esda ``EIc``/``VIc``).
    p_sim, z_sim, mean_sim, std_sim : numpy.ndarray
        Folded pseudo p-values and permutation moments (NaN without permutations).
    z_score, p_value : numpy.ndarray
        What is reported: ``z_sim``/``p_sim`` with permutations, else ``z_norm``/``p_norm``.
    significant : numpy.ndarray
        ``p_value < alpha`` (or Benjamini-Hochberg at ``alpha`` when ``fdr``).
    cluster : numpy.ndarray
        0 not significant, 1..4 as ``q``, 5 no neighbours.
    n_neighbors : numpy.ndarray
        Number of neighbours of every feature.
    alpha, fdr, permutations, seed, transform, fdr_threshold
        Settings; ``fdr_threshold`` is the BH p-value cut-off (NaN if unused / nothing passes).
    """

    i: np.ndarray
    z_values: np.ndarray
    lag: np.ndarray
    lag_values: np.ndarray
    q: np.ndarray
    expected: np.ndarray
    variance: np.ndarray
    z_norm: np.ndarray
    p_norm: np.ndarray
    expected_conditional: np.ndarray
    variance_conditional: np.ndarray
    p_sim: np.ndarray
    z_sim: np.ndarray
    mean_sim: np.ndarray
    std_sim: np.ndarray
    z_score: np.ndarray
    p_value: np.ndarray
    significant: np.ndarray
    cluster: np.ndarray
    n_neighbors: np.ndarray
    alpha: float
    fdr: bool
    fdr_threshold: float
    permutations: int
    seed: int
    transform: str

    @property
    def n(self) -> int:
        """Number of features."""
        return int(self.i.size)

    @property
    def labels(self) -> np.ndarray:
        """ArcGIS ``COType`` label per feature: HH, HL, LH, LL, "" (not significant), NN."""
        return np.array([CLUSTER_LABELS[int(c)] for c in self.cluster], dtype=object)

    def i_geoda(self) -> np.ndarray:
        """Local Moran with GeoDa's scaling (``n / (n - 1)`` times esda's)."""
        return self.i * self.n / (self.n - 1)

    def i_arcgis(self) -> np.ndarray:
        """Local Moran with ArcGIS's scaling (variance leaving feature *i* out)."""
        ss = float(np.sum(self.z_values**2))
        return self.i * ss / (ss - self.z_values**2)


@dataclass(frozen=True)
class GiStarResult:
    """Getis-Ord Gi* for every feature.

    Attributes
    ----------
    g : numpy.ndarray
        ``G*_i = sum_j w*_ij y_j / sum(y)`` (esda's ``Gs``, self included), NaN for islands.
    z_norm, p_norm : numpy.ndarray
        Analytical z (Ord & Getis 1995, any weights) and two-sided normal p-value.
    p_sim, z_sim : numpy.ndarray
        Folded pseudo p-value and permutation z (NaN without permutations).
    z_score, p_value : numpy.ndarray
        Reported values: analytical by default; with permutations ``z_sim`` and
        ``min(1, 2 p_sim)`` (two-sided).
    gi_bin : numpy.ndarray
        -3..3: sign of the z-score times 3/2/1 at 99/95/90 % confidence (FDR-corrected per
        level when ``fdr``); 0 otherwise and for islands.
    n_neighbors : numpy.ndarray
        Number of neighbours, the feature itself not counted.
    alpha_levels, fdr, permutations, seed, transform
        Settings.
    """

    g: np.ndarray
    z_norm: np.ndarray
    p_norm: np.ndarray
    p_sim: np.ndarray
    z_sim: np.ndarray
    z_score: np.ndarray
    p_value: np.ndarray
    gi_bin: np.ndarray
    n_neighbors: np.ndarray
    fdr: bool
    permutations: int
    seed: int
    transform: str

    @property
    def n(self) -> int:
        """Number of features."""
        return int(self.g.size)


# --------------------------------------------------------------------------------------
# Validation helpers
# --------------------------------------------------------------------------------------


def _values(y: Any, w: SpatialWeights, minimum: int) -> np.ndarray:
    arr = np.asarray(y, dtype=np.float64).ravel()
    if arr.size != w.n:
        raise InvalidInputError(
            "The weights describe {n} features but {value} values were given", n=w.n, value=arr.size
        )
    bad = ~np.isfinite(arr)
    if bad.any():
        raise InvalidInputError(
            "Value of feature {value} is missing or not finite", value=int(np.flatnonzero(bad)[0])
        )
    if arr.size < minimum:
        raise InvalidInputError(
            "The statistic needs at least {minimum} features (found {value})",
            minimum=minimum, value=arr.size,
        )
    if np.ptp(arr) == 0:
        raise InvalidInputError(
            "All values are equal ({value}); spatial autocorrelation is undefined", value=arr[0]
        )
    return arr


def _check_permutations(permutations: int, seed: int) -> tuple[int, int]:
    if int(permutations) != permutations or permutations < 0:
        raise InvalidInputError(
            "The number of permutations must be a whole number >= 0 (found {value})",
            value=permutations,
        )
    if int(seed) != seed or seed < 0 or seed >= 2**32:
        raise InvalidInputError(
            "The seed must be a whole number between 0 and 4294967295 (found {value})", value=seed
        )
    return int(permutations), int(seed)



# --------------------------------------------------------------------------------------
# Global statistics
# --------------------------------------------------------------------------------------


def _s_moments(m: sp.csr_matrix) -> tuple[float, float, float]:
    """S0, S1, S2 of Cliff & Ord."""
    s0 = float(m.sum())
    sym = m + m.T
    s1 = 0.5 * float(sym.multiply(sym).sum())
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel()
    s2 = float(((row + col) ** 2).sum())
    return s0, s1, s2


def global_moran(
    y: Any,
    w: SpatialWeights,
    permutations: int = PERMUTATIONS,
    seed: int = SEED,
    transform: str = "R",
    scheme: str = "numpy",
    progress: Progress = None,
    mapper: Any = None,
) -> GlobalMoranResult:
    """Global Moran's I (Moran 1950; moments of Cliff & Ord 1981).

    Parameters
    ----------
    y : array_like, shape (n,)
        Values, finite and not all equal.
    w : SpatialWeights
        Neighbours; ``transform`` is applied to them.
    permutations : int
        Random permutations for the pseudo p-value (0 = none).
    seed : int
        Seed of the permutations.
    transform : {"R", "B", "O"}
        Weights standardisation (row by default, as esda and GeoDa).
    scheme : {"numpy", "esda"}
        Random stream: ``numpy.random.default_rng(seed)``, or esda's (``np.random.seed(seed)``
        then ``Moran(..., permutations)`` draws the same permutations).
    progress : callable or None
        ``progress(fraction) -> bool``; False cancels.
    mapper : optional
        Where the permutation tasks run (:mod:`.parallel`): two local threads by default, or a
        dask cluster's mapper; the results are the same on every mapper.

    Returns
    -------
    GlobalMoranResult
        ``p`` is the two-sided p-value under randomisation (esda ``p_rand``); ``p_sim`` is
        folded (one-sided in the direction of the observed I), as esda's.

    Examples
    --------
    >>> import numpy as np
    >>> from minemonitor_plugin.core.weights import lattice_weights
    >>> r, c = np.divmod(np.arange(16), 4)
    >>> round(global_moran(c.astype(float), lattice_weights(r, c, "rook"), 0).i, 4)
    0.75
    """
    permutations, seed = _check_permutations(permutations, seed)
    y = _values(y, w, 4)
    wt = w.transformed(transform)
    m = wt.matrix
    n = y.size
    z = y - y.mean()
    zz = float(z @ z)
    s0, s1, s2 = _s_moments(m)
    if s0 == 0:
        raise InvalidInputError("No feature has a neighbour ({value} features)", value=n)
    i_stat = n / s0 * float(z @ (m @ z)) / zz
    ei = -1.0 / (n - 1)
    n2, s02 = n * n, s0 * s0
    v_norm = (n2 * s1 - n * s2 + 3 * s02) / ((n - 1) * (n + 1) * s02) - ei**2
    k = (np.sum(z**4) / n) / (zz / n) ** 2
    a = n * ((n2 - 3 * n + 3) * s1 - n * s2 + 3 * s02)
    b = k * ((n2 - n) * s1 - 2 * n * s2 + 6 * s02)
    v_rand = (a - b) / ((n - 1) * (n - 2) * (n - 3) * s02) - ei**2
    z_norm = (i_stat - ei) / np.sqrt(v_norm)
    z_rand = (i_stat - ei) / np.sqrt(v_rand)
    p_sim = mean_sim = std_sim = z_sim = float("nan")
    sims = None
    if permutations:
        zs = z / np.sqrt(zz / n)  # esda permutes the standardised z; I is scale-free anyway
        sims = simulate_quadratic(zs, m, permutations, seed, scheme, progress, mapper) * (n / s0) / n
        p_sim, mean_sim, std_sim, z_sim = folded_from_sims(sims, i_stat, permutations)
    return GlobalMoranResult(
        i=i_stat, expected=ei, variance_norm=float(v_norm), variance_rand=float(v_rand),
        z_norm=float(z_norm), z=float(z_rand), p_norm=float(two_sided(z_norm)),
        p=float(two_sided(z_rand)), permutations=permutations, seed=seed, p_sim=p_sim,
        mean_sim=mean_sim, std_sim=std_sim, z_sim=z_sim, n=n, n_islands=w.n_islands, s0=s0,
        transform=transform, sims=sims,
    )


def general_g(
    y: Any,
    w: SpatialWeights,
    permutations: int = PERMUTATIONS,
    seed: int = SEED,
    scheme: str = "numpy",
    progress: Progress = None,
    mapper: Any = None,
) -> GeneralGResult:
    """Getis-Ord General G on binary weights (Getis & Ord 1992).

    ``G = sum_{i != j} w_ij y_i y_j / sum_{i != j} y_i y_j`` with ``w`` binary whatever the
    standardisation of ``w`` (the statistic is defined on binary weights).

    Parameters
    ----------
    y : array_like, shape (n,)
        Non-negative values, not all equal.
    w : SpatialWeights
        Neighbours (binarised here).
    permutations, seed, scheme, progress
        As :func:`global_moran`.

    Returns
    -------
    GeneralGResult
        ``p`` is two-sided (esda's ``p_norm`` is one-sided: half of it).

    Raises
    ------
    InvalidInputError
        A negative value (the message names the minimum).
    """
    permutations, seed = _check_permutations(permutations, seed)
    y = _values(y, w, 4)
    if y.min() < 0:
        raise InvalidInputError(
            "General G needs non-negative values; the minimum is {value}", value=float(y.min())
        )
    m = w.transformed("B").matrix
    n = y.size
    s0, s1, s2 = _s_moments(m)
    if s0 == 0:
        raise InvalidInputError("No feature has a neighbour ({value} features)", value=n)
    sy, sy2, sy3, sy4 = y.sum(), (y**2).sum(), (y**3).sum(), (y**4).sum()
    den = sy**2 - sy2
    if den <= 0:
        raise InvalidInputError(
            "General G needs at least two features with positive values (found {value})",
            value=int(np.count_nonzero(y > 0)),
        )
    g = float(y @ (m @ y)) / den
    eg = s0 / (n * (n - 1))
    n2, s02 = n * n, s0 * s0
    b0 = (n2 - 3 * n + 3) * s1 - n * s2 + 3 * s02
    b1 = -((n2 - n) * s1 - 2 * n * s2 + 6 * s02)
    b2 = -(2 * n * s1 - (n + 3) * s2 + 6 * s02)
    b3 = 4 * (n - 1) * s1 - 2 * (n + 1) * s2 + 8 * s02
    b4 = s1 - s2 + s02
    eg2 = (b0 * sy2**2 + b1 * sy4 + b2 * sy**2 * sy2 + b3 * sy * sy3 + b4 * sy**4) / (
        den**2 * n * (n - 1) * (n - 2) * (n - 3)
    )
    vg = eg2 - eg**2
    z = (g - eg) / np.sqrt(vg)
    p_sim = mean_sim = std_sim = z_sim = float("nan")
    if permutations:
        sims = simulate_quadratic(y, m, permutations, seed, scheme, progress, mapper) / den
        p_sim, mean_sim, std_sim, z_sim = folded_from_sims(sims, g, permutations)
    return GeneralGResult(
        g=g, expected=eg, variance=float(vg), z=float(z), p=float(two_sided(z)),
        permutations=permutations, seed=seed, p_sim=p_sim, mean_sim=mean_sim, std_sim=std_sim,
        z_sim=z_sim, n=n, n_islands=w.n_islands,
    )


# --------------------------------------------------------------------------------------
# Local statistics
# --------------------------------------------------------------------------------------


def local_moran(
    y: Any,
    w: SpatialWeights,
    permutations: int = PERMUTATIONS,
    seed: int = SEED,
    alpha: float = ALPHA,
    fdr: bool = False,
    transform: str = "R",
    scheme: str = "numpy",
    progress: Progress = None,
    mapper: Any = None,
) -> LocalMoranResult:
    """Anselin local Moran's I (LISA) with conditional-randomisation inference.

    Parameters
    ----------
    y : array_like, shape (n,)
        Values, finite and not all equal.
    w : SpatialWeights
        Neighbours; ``transform`` is applied.
    permutations : int
        Conditional permutations (0 = analytical total-randomisation z only).
    seed : int
        Seed of the permutations.
    alpha : float
        Significance level for the cluster map.
    fdr : bool
        Benjamini-Hochberg false discovery rate control at ``alpha`` instead of ``p < alpha``.
    transform : {"R", "B", "O"}
        Weights standardisation (row by default).
    scheme : {"numpy", "esda"}
        Random stream (see :func:`permuted_positions`); "esda" reproduces esda's pseudo
        p-values for the same seed.
    progress : callable or None
        ``progress(fraction) -> bool``; False cancels.
    mapper : optional
        Where the permutation tasks run (:mod:`.parallel`): two local threads by default, or a
        dask cluster's mapper; the results are the same on every mapper.

    Returns
    -------
    LocalMoranResult

    Notes
    -----
    With permutations, significance uses the folded pseudo p-value (GeoDa/esda) and the
    reported z is ``(I_i - mean_sim) / std_sim``; without, the two-sided normal p-value of the
    total-randomisation z. See the module notes for scaling, ties and islands.
    """
    permutations, seed = _check_permutations(permutations, seed)
    alpha = check_alpha(alpha)
    y = _values(y, w, 3)
    wt = w.transformed(transform)
    m = wt.matrix
    n = y.size
    islands = wt.islands
    z = (y - y.mean()) / y.std()
    den = float(z @ z)
    lag = m @ z
    i_stat = (n - 1) * z * lag / den
    zp, lp = z > 0, lag > 0
    q = np.where(zp & lp, Q_HH, np.where(~zp & lp, Q_LH, np.where(~zp & ~lp, Q_LL, Q_HL)))
    q[islands] = 0
    # Moments of Sokal et al. (1998): A3/A4* under total and A7/A8 under conditional
    # randomisation, with the global kurtosis b2 = m4 / m2**2. They describe I_i = z_i lag_i / m2
    # (GeoDa's scaling). esda 2.7 applies them unchanged to its (n-1)/n-scaled I and takes b2
    # per feature (z_i**4 / n instead of the mean of z**4), which biases its analytical z;
    # here they are rescaled to esda's I, so z = (I - E) / sqrt(V) matches a Monte Carlo check.
    m2 = den / n
    scale = (n - 1) / n
    wi = np.asarray(m.sum(axis=1)).ravel()
    wi2 = np.asarray(m.multiply(m).sum(axis=1)).ravel()
    eic = -(z**2 * wi) / ((n - 1) * m2) * scale
    vic = (z / m2) ** 2 * (n / (n - 2)) * (wi2 - wi**2 / (n - 1)) * (m2 - z**2 / (n - 1)) * scale**2
    b2 = (np.sum(z**4) / n) / m2**2
    ei = -wi / (n - 1) * scale
    vi = (
        wi2 * (n - b2) / (n - 1)
        + (wi**2 - wi2) * (2 * b2 - n) / ((n - 1) * (n - 2))
        - (wi / (n - 1)) ** 2
    ) * scale**2
    with np.errstate(divide="ignore", invalid="ignore"):
        z_norm = (i_stat - ei) / np.sqrt(vi)
    p_norm = two_sided(z_norm)
    nan = np.full(n, np.nan)
    p_sim, z_sim, mean_sim, std_sim = nan.copy(), nan.copy(), nan.copy(), nan.copy()
    if permutations:
        cr = conditional_randomisation(z, m, lag, permutations, seed, scheme, progress, mapper=mapper)
        # I_ik = (n-1)/den * z_i * T_ik: for z_i < 0 the order of T is reversed.
        pos = z > 0
        n_ge = np.where(pos, cr.n_ge, cr.n_le)
        n_le = np.where(pos, cr.n_le, cr.n_ge)
        zero = z == 0
        n_ge[zero] = n_le[zero] = permutations  # I is 0 for every draw: all ties
        p_sim = folded_p(n_ge, n_le, permutations)
        factor = (n - 1) / den * z
        mean_sim = factor * cr.mean
        std_sim = np.abs(factor) * cr.std
        with np.errstate(divide="ignore", invalid="ignore"):
            z_sim = np.where(std_sim > 0, (i_stat - mean_sim) / std_sim, np.nan)
        z_score, p_value = z_sim.copy(), p_sim.copy()
    else:
        z_score, p_value = z_norm.copy(), np.asarray(p_norm, dtype=np.float64).copy()
    for arr in (i_stat, z_norm, p_norm, z_score, p_value, p_sim, z_sim, mean_sim, std_sim, eic, vic, ei, vi):
        arr[islands] = np.nan
    sig = significant(p_value, alpha, fdr)
    cluster = np.where(sig, q, CLUSTER_NOT_SIGNIFICANT)
    cluster[islands] = CLUSTER_NO_NEIGHBOURS
    cut = fdr_threshold(p_value, alpha) if fdr else float("nan")
    lag_values = w.transformed("R").matrix @ y
    lag_values[islands] = np.nan
    return LocalMoranResult(
        i=i_stat, z_values=z, lag=lag, lag_values=lag_values, q=q.astype(np.int64), expected=ei,
        variance=vi, z_norm=z_norm, p_norm=np.asarray(p_norm, dtype=np.float64),
        expected_conditional=eic, variance_conditional=vic, p_sim=p_sim, z_sim=z_sim,
        mean_sim=mean_sim, std_sim=std_sim, z_score=z_score, p_value=p_value, significant=sig,
        cluster=cluster.astype(np.int64), n_neighbors=wt.cardinalities.copy(), alpha=alpha,
        fdr=bool(fdr), fdr_threshold=cut if (fdr and cut > 0) else float("nan"),
        permutations=permutations, seed=seed, transform=transform,
    )


def _star_weights(w: SpatialWeights, transform: str) -> tuple[sp.csr_matrix, np.ndarray]:
    """Gi* weights: neighbours (no diagonal) and the self weights, after ``transform``.

    The self weight is 1 for binary weights and the row's largest weight otherwise (esda's
    rule); row standardisation then divides the whole row, self included.
    """
    if transform not in ("B", "R", "O"):
        raise InvalidInputError("Unknown weights standardisation {value}; use O, B or R", value=transform)
    base = w.transformed("B").matrix if transform == "B" else w.base
    self_w = np.ones(w.n)
    has = w.cardinalities > 0
    if transform != "B" and base.nnz:
        self_w[has] = np.maximum.reduceat(base.data, base.indptr[:-1][has])
    neighbours = base.copy()
    if transform == "R":
        rowsum = np.asarray(base.sum(axis=1)).ravel() + self_w
        rows = np.repeat(np.arange(w.n), np.diff(base.indptr))
        neighbours.data = neighbours.data / rowsum[rows]
        self_w = self_w / rowsum
    return neighbours, self_w


def gi_star(
    y: Any,
    w: SpatialWeights,
    permutations: int = 0,
    seed: int = SEED,
    fdr: bool = False,
    transform: str = "B",
    scheme: str = "numpy",
    progress: Progress = None,
    mapper: Any = None,
) -> GiStarResult:
    """Getis-Ord Gi* hot spots.

    Analytical z (Ord & Getis 1995, eq. 14, the ArcGIS formula), valid for any weights::

        z_i = (sum_j w*_ij y_j - ybar W_i) / (S sqrt((n S1_i - W_i**2) / (n - 1)))

    with ``w*`` the weights including the feature itself, ``W_i = sum_j w*_ij``,
    ``S1_i = sum_j w*_ij**2`` and ``S`` the population standard deviation. For binary weights
    this equals esda's ``G_Local(star=True).Zs``.

    Parameters
    ----------
    y : array_like, shape (n,)
        Values, finite and not all equal (negative values allowed).
    w : SpatialWeights
        Neighbours (without the feature itself).
    permutations : int
        0 (default) = analytical inference; > 0 = conditional randomisation.
    seed, scheme, progress
        As :func:`local_moran`.
    fdr : bool
        Benjamini-Hochberg correction per confidence level for the bins.
    transform : {"B", "R", "O"}
        Binary (default, as ArcGIS), row standardised, or as built.

    Returns
    -------
    GiStarResult
    """
    permutations, seed = _check_permutations(permutations, seed)
    y = _values(y, w, 3)
    n = y.size
    islands = w.islands
    neighbours, self_w = _star_weights(w, transform)
    t_obs = neighbours @ y
    t_star = t_obs + self_w * y
    wi = np.asarray(neighbours.sum(axis=1)).ravel() + self_w
    s1i = np.asarray(neighbours.multiply(neighbours).sum(axis=1)).ravel() + self_w**2
    ybar = y.mean()
    s = y.std()
    with np.errstate(divide="ignore", invalid="ignore"):
        z_norm = (t_star - ybar * wi) / (s * np.sqrt((n * s1i - wi**2) / (n - 1)))
        g = t_star / y.sum()
    p_norm = np.asarray(two_sided(z_norm), dtype=np.float64)
    nan = np.full(n, np.nan)
    p_sim, z_sim = nan.copy(), nan.copy()
    if permutations:
        cr = conditional_randomisation(y, neighbours, t_obs, permutations, seed, scheme, progress,
                                       mapper=mapper)
        p_sim = folded_p(cr.n_ge, cr.n_le, permutations)
        with np.errstate(divide="ignore", invalid="ignore"):
            z_sim = np.where(cr.std > 0, (t_obs - cr.mean) / cr.std, np.nan)
        z_score = z_sim.copy()
        p_value = np.minimum(1.0, 2.0 * p_sim)
    else:
        z_score, p_value = z_norm.copy(), p_norm.copy()
    for arr in (g, z_norm, p_norm, p_sim, z_sim, z_score, p_value):
        arr[islands] = np.nan
    return GiStarResult(
        g=g, z_norm=z_norm, p_norm=p_norm, p_sim=p_sim, z_sim=z_sim, z_score=z_score,
        p_value=p_value, gi_bin=gi_bins(z_score, p_value, fdr), n_neighbors=w.cardinalities.copy(),
        fdr=bool(fdr), permutations=permutations, seed=seed, transform=transform,
    )
