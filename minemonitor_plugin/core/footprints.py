"""Footprint statistics: per-group area summaries, size classes and a log-normality check.

These are the numbers behind Table 2, Figs 3-5 and Figs 7-8 of Han et al. (2025):
polygon count, area, mean and spread per province; the top counties and minerals;
the log-normal size distribution (geometric mean 0.024 km2) and the size classes.
Everything here works on plain arrays of areas (km2) and perimeters (km) measured
by the caller (on the ellipsoid or in an equal-area CRS); grouping values are plain
Python values where ``None`` (or a float NaN) is a NULL, kept as its own group.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from .errors import InvalidInputError
from .geometry import StatusCounts

#: Size-class thresholds of the paper (km2): 0.024 is the geometric mean of the
#: 12,680 polygons, 10 and 50 km2 separate small, medium and large mines.
SIZE_BREAKS_KM2: tuple[float, ...] = (0.024, 0.1, 0.2, 1.0, 10.0, 50.0, 100.0, 1000.0)

#: Above this sample size the Shapiro-Wilk p-value is no longer accurate
#: (scipy documents N > 5000); ``method="auto"`` switches to D'Agostino-Pearson.
SHAPIRO_MAX_N = 5000

#: Columns of :class:`FootprintStatistics`, in output order.
STATISTIC_COLUMNS: tuple[str, ...] = (
    "n_polygons",
    "n_mines",
    "total_km2",
    "share_pct",
    "count_share_pct",
    "mean_km2",
    "std_km2",
    "median_km2",
    "geomean_km2",
    "min_km2",
    "max_km2",
    "total_perimeter_km",
    "mean_perimeter_km",
)

# --------------------------------------------------------------------------- grouping
def _null_to_none(value: object) -> object:
    # QGIS NULLs arrive as None; pandas/numpy callers may hand NaN instead.
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _sort_key(value: object) -> tuple[int, object]:
    return (1, "") if value is None else (0, value)


def factorize(values: Sequence[object]) -> tuple[np.ndarray, list[object]]:
    """Integer codes for arbitrary hashable values, NULL (None/NaN) kept as a value.

    Parameters
    ----------
    values : sequence
        One value per feature (str, int, float, None, ...).

    Returns
    -------
    codes : ndarray of int64
        ``codes[i]`` indexes ``uniques``.
    uniques : list
        The distinct values sorted ascending with ``None`` last (values of mixed
        types that cannot be compared are sorted by their text).
    """
    arr = np.empty(len(values), dtype=object)
    arr[:] = list(values)
    fast = _factorize_typed(arr)
    if fast is not None:
        return fast
    lookup: dict[Hashable, int] = {}
    first = np.fromiter(
        (lookup.setdefault(_null_to_none(v), len(lookup)) for v in arr),
        dtype=np.int64,
        count=arr.size,
    )
    found = list(lookup)
    try:
        order = sorted(range(len(found)), key=lambda k: _sort_key(found[k]))
    except TypeError:
        order = sorted(range(len(found)), key=lambda k: (found[k] is None, str(found[k])))
    remap = np.empty(len(found), dtype=np.int64)
    remap[np.asarray(order, dtype=np.int64)] = np.arange(len(found), dtype=np.int64)
    return (remap[first] if len(found) else first), [found[k] for k in order]


def _factorize_typed(arr: np.ndarray) -> tuple[np.ndarray, list[object]] | None:
    """Vectorised factorize when the non-NULL values all share one plain type (str, int or float)."""
    null = np.equal(arr, None)  # type: ignore[call-overload]  # numpy stubs: None operand
    rest = arr[~null]
    kinds = set(map(type, rest))
    if kinds <= {str}:
        typed = rest.astype(str)
    elif kinds <= {int, bool, np.int64, np.int32}:
        typed = rest.astype(np.int64)
    elif kinds <= {float, int, np.float64}:
        typed = rest.astype(np.float64)
        nan = np.isnan(typed)
        if nan.any():
            null[np.flatnonzero(~null)[nan]] = True
            typed = typed[~nan]
    else:
        return None
    uniq, inverse = np.unique(typed, return_inverse=True)
    codes = np.full(arr.size, uniq.size, dtype=np.int64)
    codes[~null] = inverse.reshape(-1)
    uniques: list[object] = uniq.tolist()
    if null.any():
        uniques.append(None)
    return codes, uniques


def _combine_codes(columns: Sequence[np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """One code per distinct combination of several code columns (row-sorted)."""
    if not columns:
        return np.zeros(n, dtype=np.int64), np.zeros((1, 0), dtype=np.int64)
    stacked = np.stack(columns, axis=1)
    combos, inverse = np.unique(stacked, axis=0, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64), combos


# --------------------------------------------------------------------------- results
@dataclass(frozen=True)
class FootprintStatistics:
    """Per-group footprint statistics plus the whole-layer row.

    Attributes
    ----------
    group_fields : tuple of str
        Names of the grouping fields (empty: only the whole-layer row).
    keys : tuple of tuple
        ``keys[g]`` holds the values of the grouping fields of group ``g``
        (``None`` for NULL); groups are sorted by these values, NULL last.
    columns : dict of str to ndarray
        One array per name in :data:`STATISTIC_COLUMNS`, one value per group.
        Statistics undefined for a group are NaN (``std_km2`` of a single polygon,
        ``geomean_km2`` without positive areas, ``n_mines`` without a mine field).
    total : dict of str to float
        The same statistics for the whole layer.
    ddof : int
        Delta degrees of freedom of the standard deviations.
    n_zero_area : int
        Polygons with zero area: counted everywhere but left out of the geometric mean.
    codes : ndarray of int64 or None
        Group index of every input polygon (``keys[codes[i]]`` is polygon i's group), for tables
        crossed with the groups (:func:`grouped_size_classes`).
    """

    group_fields: tuple[str, ...]
    keys: tuple[tuple[object, ...], ...]
    columns: dict[str, np.ndarray]
    total: dict[str, float]
    ddof: int
    n_zero_area: int
    codes: np.ndarray | None = None

    @property
    def n_groups(self) -> int:
        """Number of groups (rows without the whole-layer row)."""
        return len(self.keys)


@dataclass(frozen=True)
class SizeClassTable:
    """Polygons tallied by area class ``[lower_km2, upper_km2)``.

    Attributes
    ----------
    lower_km2, upper_km2 : ndarray
        Class bounds; the first class starts at 0, the last one ends at ``inf``.
    n_polygons : ndarray of int64
        Polygons per class.
    pct_polygons : ndarray
        Share of all polygons in the class (%).
    cum_pct_polygons : ndarray
        Share of polygons with area below ``upper_km2`` (%): the paper's
        "47.9 % of polygons below 0.024 km2".
    total_km2 : ndarray
        Summed area of the class.
    pct_area : ndarray
        Share of the total area in the class (%).
    cum_pct_area : ndarray
        Share of the total area held by polygons below ``upper_km2`` (%).
    pct_area_at_or_above : ndarray
        Share of the total area held by polygons of at least ``lower_km2`` (%):
        the paper's "polygons above 10 km2 hold 71.8 % of the area".
    """

    lower_km2: np.ndarray
    upper_km2: np.ndarray
    n_polygons: np.ndarray
    pct_polygons: np.ndarray
    cum_pct_polygons: np.ndarray
    total_km2: np.ndarray
    pct_area: np.ndarray
    cum_pct_area: np.ndarray
    pct_area_at_or_above: np.ndarray


@dataclass(frozen=True)
class LogNormalityTest:
    """A normality test of the natural logarithm of the areas.

    Attributes
    ----------
    method : str
        ``"shapiro"`` (Shapiro-Wilk W) or ``"dagostino"`` (D'Agostino-Pearson K2).
    statistic, pvalue : float
        Test statistic and p-value (H0: log areas are normally distributed).
    n : int
        Positive areas tested (zero areas have no logarithm and are left out).
    mu, sigma : float
        Mean and standard deviation (ddof=1) of the log areas; ``exp(mu)`` is the
        geometric mean in the areas' unit.
    skewness, excess_kurtosis : float
        Sample skewness and excess kurtosis of the log areas (0 for a normal).
    pp_max_deviation : float
        Largest vertical distance of the log-normal P-P plot from its diagonal
        (the Kolmogorov-Smirnov/Lilliefors D with fitted parameters): a size-free
        measure of how straight the plot is, since with thousands of polygons any
        test rejects tiny departures.
    note : str
        English sentence stating the test and, where applicable, why it was chosen.
    """

    method: str
    statistic: float
    pvalue: float
    n: int
    mu: float
    sigma: float
    skewness: float
    excess_kurtosis: float
    pp_max_deviation: float
    note: str


# --------------------------------------------------------------------------- helpers
def _check_areas(area_km2: np.ndarray, name: str) -> np.ndarray:
    area = np.asarray(area_km2, dtype=np.float64).reshape(-1)
    bad = ~np.isfinite(area) | (area < 0)
    if bad.any():
        index = int(np.flatnonzero(bad)[0])
        if name == "perimeter":
            raise InvalidInputError(
                "Polygon {index} has the perimeter {value}; perimeters must be finite and non-negative.",
                index=index,
                value=float(area[index]),
            )
        raise InvalidInputError(
            "Polygon {index} has the area {value}; areas must be finite and non-negative.",
            index=index,
            value=float(area[index]),
        )
    return area


def measure_polygons(geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Planar area (km2) and perimeter (km) of shapely geometries in metres.

    Parameters
    ----------
    geometries : array of shapely geometries
        Polygons in a projected CRS whose unit is the metre (equal-area for areas).

    Returns
    -------
    area_km2, perimeter_km : ndarray
        Perimeters include the rings of holes (what ArcGIS ``Shape_Length`` reports).
    """
    import shapely

    geoms = np.asarray(geometries, dtype=object)
    return shapely.area(geoms) / 1e6, shapely.length(geoms) / 1e3


@dataclass(frozen=True)
class FootprintMeasures(StatusCounts):
    """Area and perimeter of the footprints counted in a layer (:func:`measure_footprints`).

    Attributes
    ----------
    index : ndarray of int64
        Position in the input of every counted footprint (the rows of the other arrays).
    area_km2 : ndarray
        Area of each counted footprint's own land: where footprints overlap, the shared area
        belongs to the smallest of them, so the areas add up to the area of the layer's union.
    perimeter_km : ndarray
        Perimeter of each counted footprint's own polygon (rings of holes included).
    status : ndarray of int8
        Status of every input footprint (:data:`.geometry.COUNTED`, ``EMPTY``, ``DEGENERATE``,
        ``COVERED``, ``WRONG_TYPE``).
    repaired : ndarray of bool
        Input footprints repaired with MakeValid.
    overlap_km2 : float
        Area that overlapping footprints would have counted twice.
    n_overlapping : int
        Counted footprints that share area with another one.
    land : ndarray of shapely geometries or None
        Each counted footprint's own land (the geometry ``area_km2`` measures), e.g. to split the
        footprints by zone without counting an overlap twice.
    """

    index: np.ndarray
    area_km2: np.ndarray
    perimeter_km: np.ndarray
    status: np.ndarray
    repaired: np.ndarray
    overlap_km2: float
    n_overlapping: int
    land: np.ndarray | None = None


def attribute_codes(columns: Sequence[Sequence[object]], n: int) -> np.ndarray:
    """One integer per row ranking the combination of its values (NULL last), e.g. for tie breaks."""
    codes = [factorize(values)[0] for values in columns]
    return _combine_codes(codes, n)[0]


def measure_footprints(geometries: np.ndarray, progress=None, tie_break=None) -> FootprintMeasures:
    """Area (km2) of each footprint's own land and perimeter (km), overlaps counted once.

    Parameters
    ----------
    geometries : array of shapely geometries
        Footprints of one layer in a projected equal-area CRS whose unit is the metre.
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels (:class:`~.errors.CancelledError`).
    tie_break : array of int, optional
        Key per footprint (:func:`attribute_codes` of the grouping fields) deciding which of two exact
        duplicates with different attributes is counted, so the groups do not depend on the order.

    Returns
    -------
    FootprintMeasures

    Notes
    -----
    The rule every algorithm shares (:func:`.geometry.prepare_footprints`): NULL and empty
    footprints are skipped, invalid ones repaired, zero-area and sliver footprints and footprints
    without land of their own (exact duplicates, footprints entirely covered by smaller ones) are
    not counted; where footprints overlap, the smallest keeps the shared area, so the total is the
    area of the union and no footprint is counted twice. The result does not depend on the order of
    the footprints. Points and lines are an :class:`InvalidInputError` naming the first one.
    """
    import shapely

    from .geometry import WRONG_TYPE, prepare_footprints

    geoms = np.asarray(geometries, dtype=object).reshape(-1)
    fps = prepare_footprints(geoms, tie_break=tie_break, progress=progress)
    wrong = fps.first_of(WRONG_TYPE)
    if wrong >= 0:
        raise InvalidInputError(
            "Footprint {index} is a {geometry_type}, not a polygon.", index=wrong,
            geometry_type=geoms[wrong].geom_type,
        )
    index = np.flatnonzero(fps.counted)
    return FootprintMeasures(
        index=index,
        area_km2=shapely.area(fps.land[index]) / 1e6,
        perimeter_km=shapely.length(fps.geometries[index]) / 1e3,
        status=fps.status,
        repaired=fps.repaired,
        overlap_km2=fps.overlap_total / 1e6,
        n_overlapping=fps.n_overlapping,
        land=fps.land[index],
    )


def _group_table(
    codes: np.ndarray,
    n_groups: int,
    area: np.ndarray,
    perimeter: np.ndarray,
    mine_codes: np.ndarray | None,
    grand_total: float,
    ddof: int,
    count_total: float | None = None,
) -> dict[str, np.ndarray]:
    count = np.bincount(codes, minlength=n_groups).astype(np.int64)
    count_total = float(area.size if count_total is None else count_total)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.bincount(codes, weights=area, minlength=n_groups)
        mean = total / count
        # two-pass variance: stable for the 1e-6 .. 1e3 km2 range of footprints
        sq = np.bincount(codes, weights=(area - mean[codes]) ** 2, minlength=n_groups)
        std = np.sqrt(sq / (count - ddof))
        std[count - ddof <= 0] = np.nan
        positive = area > 0
        logs = np.log(np.where(positive, area, 1.0))
        n_pos = np.bincount(codes, weights=positive.astype(np.float64), minlength=n_groups)
        geomean = np.exp(np.bincount(codes, weights=np.where(positive, logs, 0.0), minlength=n_groups) / n_pos)
        geomean[n_pos == 0] = np.nan
        per_total = np.bincount(codes, weights=perimeter, minlength=n_groups)
        per_mean = per_total / count
        share = total / grand_total * 100.0 if grand_total > 0 else np.full(n_groups, np.nan)
        count_share = count / count_total * 100.0 if count_total > 0 else np.full(n_groups, np.nan)

    order = np.lexsort((area, codes))
    sorted_area = area[order]
    starts = np.concatenate(([0], np.cumsum(count)[:-1]))
    ends = starts + count - 1
    nonempty = count > 0
    mins = np.full(n_groups, np.nan)
    maxs = np.full(n_groups, np.nan)
    median = np.full(n_groups, np.nan)
    mins[nonempty] = sorted_area[starts[nonempty]]
    maxs[nonempty] = sorted_area[ends[nonempty]]
    lo = starts + (count - 1) // 2
    hi = starts + count // 2
    median[nonempty] = 0.5 * (sorted_area[lo[nonempty]] + sorted_area[hi[nonempty]])

    if mine_codes is None:
        n_mines = np.full(n_groups, np.nan)
    else:
        # distinct (group, mine) pairs; NULL mine ids (code -1) are not mines
        has_id = mine_codes >= 0
        pairs = np.unique(np.stack([codes[has_id], mine_codes[has_id]], axis=1), axis=0)
        n_mines = np.bincount(pairs[:, 0], minlength=n_groups).astype(np.float64) if len(pairs) else np.zeros(n_groups)

    return {
        "n_polygons": count,
        "n_mines": n_mines,
        "total_km2": total,
        "share_pct": share,
        "count_share_pct": count_share,
        "mean_km2": mean,
        "std_km2": std,
        "median_km2": median,
        "geomean_km2": geomean,
        "min_km2": mins,
        "max_km2": maxs,
        "total_perimeter_km": per_total,
        "mean_perimeter_km": per_mean,
    }


# --------------------------------------------------------------------------- public API
def footprint_statistics(
    area_km2: Sequence[float] | np.ndarray,
    perimeter_km: Sequence[float] | np.ndarray,
    group_values: Sequence[Sequence[object]] = (),
    group_fields: Sequence[str] = (),
    mine_ids: Sequence[object] | None = None,
    ddof: int = 1,
    count_total: int | None = None,
) -> FootprintStatistics:
    """Polygon count, mines, area and perimeter statistics per group (Table 2).

    Parameters
    ----------
    area_km2, perimeter_km : array_like of float
        Area and perimeter of every footprint polygon (finite, non-negative).
    group_values : sequence of sequences
        One sequence per grouping field, each with one value per polygon; ``None``
        or NaN is NULL and forms its own group. Empty: only the whole-layer row.
    group_fields : sequence of str
        Field names matching ``group_values`` (used for labels only).
    mine_ids : sequence, optional
        Mine identifier of every polygon; ``n_mines`` counts distinct non-NULL ids.
    ddof : int, default 1
        Delta degrees of freedom of ``std_km2`` (1: sample standard deviation,
        0: population standard deviation).
    count_total : int, optional
        Denominator of ``count_share_pct`` (default: the number of polygons given). Footprints
        split by zone pass the number of whole footprints, so a footprint crossing a boundary
        counts in each zone it lies in.

    Returns
    -------
    FootprintStatistics

    Notes
    -----
    ``share_pct`` is the group's share of the whole layer's area, ``count_share_pct`` its share
    of the polygons (the paper's "54/28/12/6 % of the patches"). ``geomean_km2``
    is ``exp(mean(log(area)))`` over positive areas (the paper's 0.024 km2 for the
    12,680 polygons); zero-area polygons are counted in every other column and
    reported in ``n_zero_area``. The median of an even-sized group is the mean of
    the two middle values. All statistics are vectorised over groups with
    ``numpy.bincount`` and one ``lexsort``.

    Examples
    --------
    >>> s = footprint_statistics([1.0, 4.0, 2.0], [4.0, 8.0, 6.0], [["a", "a", None]], ["prov"])
    >>> s.keys, s.columns["geomean_km2"].tolist(), s.total["n_polygons"]
    ((('a',), (None,)), [2.0, 2.0], 3.0)
    """
    area = _check_areas(np.asarray(area_km2), "area")
    perimeter = _check_areas(np.asarray(perimeter_km), "perimeter")
    n = area.size
    if perimeter.size != n:
        raise InvalidInputError(
            "Got {n_area} areas but {n_perimeter} perimeters; give one of each per polygon.",
            n_area=n,
            n_perimeter=perimeter.size,
        )
    if n == 0:
        raise InvalidInputError("The footprint layer has no polygons to summarise (count {count}).", count=0)
    if ddof < 0:
        raise InvalidInputError("The degrees-of-freedom correction must be 0 or more, got {ddof}.", ddof=ddof)
    fields = tuple(str(f) for f in group_fields)
    if len(fields) != len(group_values):
        raise InvalidInputError(
            "Got {n_values} grouping value columns for {n_fields} grouping fields.",
            n_values=len(group_values),
            n_fields=len(fields),
        )
    field_codes: list[np.ndarray] = []
    field_uniques: list[list[object]] = []
    for name, values in zip(fields, group_values, strict=True):
        if len(values) != n:
            raise InvalidInputError(
                "Grouping field {field} has {n_values} values for {n} polygons.",
                field=name,
                n_values=len(values),
                n=n,
            )
        codes, uniques = factorize(values)
        field_codes.append(codes)
        field_uniques.append(uniques)

    mine_codes: np.ndarray | None = None
    if mine_ids is not None:
        if len(mine_ids) != n:
            raise InvalidInputError(
                "The mine id field has {n_values} values for {n} polygons.", n_values=len(mine_ids), n=n
            )
        codes, uniques = factorize(mine_ids)
        if uniques and uniques[-1] is None:
            codes = np.where(codes == len(uniques) - 1, -1, codes)
        mine_codes = codes

    group_codes, combos = _combine_codes(field_codes, n)
    keys = tuple(
        tuple(field_uniques[f][int(combos[g, f])] for f in range(len(fields))) for g in range(combos.shape[0])
    )
    grand_total = float(area.sum())
    table = _group_table(group_codes, len(keys), area, perimeter, mine_codes, grand_total, ddof, count_total)
    whole = _group_table(np.zeros(n, dtype=np.int64), 1, area, perimeter, mine_codes, grand_total, ddof, count_total)
    total = {name: float(whole[name][0]) for name in STATISTIC_COLUMNS}
    if not fields:
        keys = ()
        table = {name: np.asarray(col)[:0] for name, col in table.items()}
    return FootprintStatistics(
        group_fields=fields,
        keys=keys,
        columns=table,
        total=total,
        ddof=int(ddof),
        n_zero_area=int((area == 0).sum()),
        codes=group_codes if fields else None,
    )


def size_classes(area_km2: Sequence[float] | np.ndarray,
                 breaks_km2: Sequence[float] = SIZE_BREAKS_KM2) -> SizeClassTable:
    """Tally polygons into area classes ``[0, b1), [b1, b2), ..., [bk, inf)`` (Fig. 8).

    Parameters
    ----------
    area_km2 : array_like of float
        Polygon areas (finite, non-negative).
    breaks_km2 : sequence of float
        Strictly increasing positive thresholds; default :data:`SIZE_BREAKS_KM2`.

    Returns
    -------
    SizeClassTable
        ``len(breaks_km2) + 1`` classes. A polygon of exactly a threshold falls in
        the class starting there, so ``cum_pct_polygons`` is the share strictly below
        each upper bound.
    """
    area = _check_areas(np.asarray(area_km2), "area")
    breaks = np.asarray(breaks_km2, dtype=np.float64).reshape(-1)
    if breaks.size == 0 or not np.all(np.isfinite(breaks)) or breaks[0] <= 0 or np.any(np.diff(breaks) <= 0):
        raise InvalidInputError(
            "Size-class breaks must be positive and strictly increasing, got {breaks}.",
            breaks=", ".join(f"{b:g}" for b in breaks),
        )
    if area.size == 0:
        raise InvalidInputError("The footprint layer has no polygons to summarise (count {count}).", count=0)
    cls = np.searchsorted(breaks, area, side="right")
    k = breaks.size + 1
    count = np.bincount(cls, minlength=k).astype(np.int64)
    total = np.bincount(cls, weights=area, minlength=k)
    grand = float(area.sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        pct_area = total / grand * 100.0 if grand > 0 else np.full(k, np.nan)
    pct_n = count / area.size * 100.0
    cum_area = np.cumsum(pct_area)
    with np.errstate(invalid="ignore", divide="ignore"):
        above = np.cumsum(total[::-1])[::-1] / grand * 100.0 if grand > 0 else np.full(k, np.nan)
    return SizeClassTable(
        lower_km2=np.concatenate(([0.0], breaks)),
        upper_km2=np.concatenate((breaks, [np.inf])),
        n_polygons=count,
        pct_polygons=pct_n,
        cum_pct_polygons=np.cumsum(count) / area.size * 100.0,
        total_km2=total,
        pct_area=pct_area,
        cum_pct_area=cum_area,
        pct_area_at_or_above=above,
    )


@dataclass(frozen=True)
class GroupedSizeClasses:
    """Polygons per (group, size class): the size classes crossed with the groups.

    ``n_polygons[g, k]`` and ``total_km2[g, k]`` for group ``g`` (the groups of a
    :class:`FootprintStatistics`) and class ``k`` (``[lower_km2[k], upper_km2[k])``);
    ``pct_polygons`` and ``pct_area`` are shares of the group's polygons and area (%).
    """

    lower_km2: np.ndarray
    upper_km2: np.ndarray
    n_polygons: np.ndarray
    pct_polygons: np.ndarray
    total_km2: np.ndarray
    pct_area: np.ndarray


def grouped_size_classes(
    area_km2: Sequence[float] | np.ndarray,
    group_codes: Sequence[int] | np.ndarray,
    n_groups: int,
    breaks_km2: Sequence[float] = SIZE_BREAKS_KM2,
) -> GroupedSizeClasses:
    """Size classes (as :func:`size_classes`) within each group, e.g. medium and large mines per province.

    Parameters
    ----------
    area_km2 : array_like of float
        Polygon areas.
    group_codes : array_like of int
        Group index of each polygon (``FootprintStatistics.codes``), 0 .. n_groups - 1.
    n_groups : int
    breaks_km2 : sequence of float
        Strictly increasing positive thresholds.
    """
    area = _check_areas(np.asarray(area_km2), "area")
    codes = np.asarray(group_codes, dtype=np.int64).reshape(-1)
    if codes.size != area.size:
        raise InvalidInputError(
            "Got {n_codes} group codes for {n} polygons.", n_codes=int(codes.size), n=int(area.size)
        )
    base = size_classes(area, breaks_km2) if area.size else None
    breaks = np.asarray(breaks_km2, dtype=np.float64).reshape(-1)
    k = breaks.size + 1
    cls = np.searchsorted(breaks, area, side="right")
    flat = codes * k + cls
    count = np.bincount(flat, minlength=n_groups * k).reshape(n_groups, k).astype(np.int64)
    total = np.bincount(flat, weights=area, minlength=n_groups * k).reshape(n_groups, k)
    with np.errstate(invalid="ignore", divide="ignore"):
        pct_n = count / count.sum(axis=1, keepdims=True) * 100.0
        pct_a = total / total.sum(axis=1, keepdims=True) * 100.0
    return GroupedSizeClasses(
        lower_km2=base.lower_km2 if base is not None else np.concatenate(([0.0], breaks)),
        upper_km2=base.upper_km2 if base is not None else np.concatenate((breaks, [np.inf])),
        n_polygons=count,
        pct_polygons=pct_n,
        total_km2=total,
        pct_area=pct_a,
    )


def lognormal_pp(area_km2: Sequence[float] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates of the log-normal P-P plot (Fig. 7).

    Parameters
    ----------
    area_km2 : array_like of float
        Polygon areas; zero areas are left out.

    Returns
    -------
    expected, observed : ndarray
        ``expected[i]`` is the fitted normal CDF of the i-th smallest log area
        (mean and ddof=1 standard deviation of the log areas), ``observed[i]`` its
        plotting position ``(i + 0.5) / n``. Points on the diagonal mean log-normal.
    """
    logs = np.log(_positive(area_km2))
    if logs.size < 2:
        raise InvalidInputError(
            "At least {minimum} polygons with positive area are needed for a log-normal fit, got {count}.",
            minimum=2,
            count=int(logs.size),
        )
    return _pp_from_logs(logs)


def _pp_from_logs(logs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    from scipy import stats

    logs = np.sort(logs)
    sigma = float(np.std(logs, ddof=1))
    expected = stats.norm.cdf(logs, loc=float(logs.mean()), scale=sigma) if sigma > 0 else np.full(logs.size, 0.5)
    observed = (np.arange(logs.size) + 0.5) / logs.size
    return expected, observed


def _positive(area_km2: Sequence[float] | np.ndarray) -> np.ndarray:
    area = _check_areas(np.asarray(area_km2), "area")
    return area[area > 0]


def lognormality_test(area_km2: Sequence[float] | np.ndarray, method: str = "auto") -> LogNormalityTest:
    """Test whether the areas are log-normal: a normality test on ``log(area)``.

    Parameters
    ----------
    area_km2 : array_like of float
        Polygon areas; zero areas have no logarithm and are left out.
    method : {"auto", "shapiro", "dagostino"}
        ``"shapiro"``: Shapiro-Wilk W (``scipy.stats.shapiro``), the most powerful
        omnibus test for small and medium samples, needs n >= 3; its p-value is only
        accurate up to n = 5000, beyond that the result carries a warning note.
        ``"dagostino"``: D'Agostino-Pearson K2 from skewness and kurtosis
        (``scipy.stats.normaltest``), whose chi-square approximation improves with n;
        needs n >= 8 (20 recommended). ``"auto"`` (default): Shapiro-Wilk for
        n <= 5000, D'Agostino-Pearson above (the paper's 12,680 polygons).

    Returns
    -------
    LogNormalityTest

    Notes
    -----
    With thousands of polygons every goodness-of-fit test rejects departures far too
    small to matter, so the result also carries ``pp_max_deviation``, the largest
    distance of the P-P plot from the diagonal, which is how the paper judged the
    fit ("an approximately straight diagonal line", Fig. 7).
    """
    from scipy import stats

    if method not in ("auto", "shapiro", "dagostino"):
        raise InvalidInputError(
            "Unknown normality test {method}; use auto, shapiro or dagostino.", method=method
        )
    logs = np.log(_positive(area_km2))
    n = int(logs.size)
    chosen = method if method != "auto" else ("shapiro" if n <= SHAPIRO_MAX_N else "dagostino")
    minimum = 3 if chosen == "shapiro" else 8
    if n < minimum:
        raise InvalidInputError(
            "At least {minimum} polygons with positive area are needed for the {test} test, got {count}.",
            minimum=minimum,
            test=chosen,
            count=n,
        )
    if chosen == "shapiro":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            res = stats.shapiro(logs)
        note = f"Shapiro-Wilk W test on the natural log of {n} positive areas (H0: log-normal areas)."
        if n > SHAPIRO_MAX_N:
            note += f" The Shapiro-Wilk p-value is approximate above n = {SHAPIRO_MAX_N}."
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # scipy's kurtosis-test warning below n = 20
            res = stats.normaltest(logs)
        note = (f"D'Agostino-Pearson K2 test (skewness and kurtosis) on the natural log of {n} positive areas "
                "(H0: log-normal areas).")
        if n < 20:
            note += " Its kurtosis part is approximate below n = 20."
        if method == "auto":
            note += f" Chosen because n > {SHAPIRO_MAX_N}, where Shapiro-Wilk p-values are not accurate."
    expected, observed = _pp_from_logs(logs)
    return LogNormalityTest(
        method=chosen,
        statistic=float(res.statistic),
        pvalue=float(res.pvalue),
        n=n,
        mu=float(logs.mean()),
        sigma=float(np.std(logs, ddof=1)),
        skewness=float(stats.skew(logs)),
        excess_kurtosis=float(stats.kurtosis(logs)),
        pp_max_deviation=float(np.max(np.abs(expected - observed) + 0.5 / n)),
        note=note,
    )


def top_groups(
    stats: FootprintStatistics, n: int = 10, by: str = "n_polygons", within_levels: int = 0
) -> np.ndarray:
    """Indices of the top-``n`` groups by polygon count or area (Figs 3-5).

    Parameters
    ----------
    stats : FootprintStatistics
        Result of :func:`footprint_statistics`.
    n : int
        Number of groups to keep (per partition).
    by : {"n_polygons", "total_km2"} or any statistic column
        Ranking column, descending; ties keep the group order.
    within_levels : int
        Rank within partitions made by the first ``within_levels`` grouping fields,
        e.g. 1 with fields (province, county) gives the top counties per province.

    Returns
    -------
    ndarray of int
        Group indices, ordered by partition then rank.
    """
    if by not in stats.columns:
        raise InvalidInputError("Unknown ranking column {column}.", column=by)
    if n < 1:
        raise InvalidInputError("The number of top groups must be at least 1, got {n}.", n=n)
    if not 0 <= within_levels < max(len(stats.group_fields), 1):
        raise InvalidInputError(
            "Cannot rank within {levels} grouping levels with {n_fields} grouping fields.",
            levels=within_levels,
            n_fields=len(stats.group_fields),
        )
    if stats.n_groups == 0:
        return np.zeros(0, dtype=np.int64)
    values = np.nan_to_num(np.asarray(stats.columns[by], dtype=np.float64), nan=-np.inf)
    if within_levels:
        part_codes = [factorize([k[f] for k in stats.keys])[0] for f in range(within_levels)]
        part, _ = _combine_codes(part_codes, stats.n_groups)
    else:
        part = np.zeros(stats.n_groups, dtype=np.int64)
    index = np.arange(stats.n_groups)
    order = np.lexsort((index, -values, part))
    sorted_part = part[order]
    first = np.concatenate(([True], sorted_part[1:] != sorted_part[:-1]))
    start = np.maximum.accumulate(np.where(first, np.arange(order.size), 0))
    rank = np.arange(order.size) - start
    return order[rank < n]

