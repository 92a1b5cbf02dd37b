"""Survey epochs: ordering epoch labels, the fishnet of many epochs, and per-cell trends.

Epochs
------
An epoch value is a period: a year (``2022``), a half year (``2022H1``), a quarter (``2022Q3``,
``Q3 2022``, ``2022年第3季度``), a month (``2022-03``, ``202203``) or a day (a date, ``2022-03-31``,
``20220331``). :func:`order_epochs` parses the distinct values of an epoch field (or the labels
of a list of layers), sorts the periods chronologically and refuses values it cannot read and
periods that overlap (``2022`` and ``2022Q3``: which comes first?).

The fishnet of many epochs
--------------------------
:func:`epoch_density` apportions the footprints of every epoch to one fishnet with
:func:`.grid.fishnet_density` (same grid rules, clipping and minimum cell fraction), doing the
shared work once: the study area is laid on the grid once; identical footprints repeated from
epoch to epoch (the usual case: a survey carries unchanged outlines forward) are apportioned once;
overlaps are looked for once over all epochs and dissolved per epoch, so overlapping footprints of
one epoch are counted once (as everywhere in MineMonitor) while a footprint and its enlarged
version in the next epoch are never merged.

Per-cell trends
---------------
:func:`cell_trends` is the Mann-Kendall test and Theil-Sen slope of every cell's series over the
epochs, computed by :func:`.trend.trend_statistics` (the vegetation trend core), with the real
spacing of the epochs for the slope per year.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from .errors import CancelledError, InvalidInputError
from .grid import _encode_ids, fishnet_density, overlap_groups, polygonal_parts

Progress = Callable[[float], Any]

#: Granularities of an epoch, from the coarsest.
KINDS = ("year", "half", "quarter", "month", "day")
#: Years accepted in epoch values (a sanity range that still catches typos such as 20222).
MIN_YEAR, MAX_YEAR = 1800, 2199
#: Days per year used to turn a slope per day into a slope per year (the Gregorian mean).
DAYS_PER_YEAR = 365.2425


@dataclass(frozen=True, order=True)
class Epoch:
    """One survey epoch: the period ``[start, end)`` and its canonical label.

    Attributes
    ----------
    start, end : datetime.date
        First day of the period and first day after it.
    label : str
        Canonical text: ``2022``, ``2022H1``, ``2022Q3``, ``2022-03`` or ``2022-03-31``.
    kind : str
        One of :data:`KINDS`.
    """

    start: _dt.date
    end: _dt.date
    label: str
    kind: str


@dataclass(frozen=True)
class EpochOrder:
    """Distinct epoch values put in chronological order.

    Attributes
    ----------
    epochs : tuple of Epoch
        The periods, earliest first.
    index : tuple of int
        For every value given to :func:`order_epochs`, the position of its epoch in ``epochs``.
    """

    epochs: tuple[Epoch, ...]
    index: tuple[int, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(e.label for e in self.epochs)


def _add_months(year: int, month: int, months: int) -> _dt.date:
    total = year * 12 + (month - 1) + months
    return _dt.date(total // 12, total % 12 + 1, 1)


def _year(value: int) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ValueError(value)
    return value


def _period(kind: str, year: int, part: int = 1, day: int = 1) -> Epoch:
    """The epoch of a year / half / quarter / month / day; ValueError when it does not exist."""
    year = _year(year)
    if kind == "year":
        return Epoch(_dt.date(year, 1, 1), _dt.date(year + 1, 1, 1), f"{year:04d}", kind)
    if kind == "half":
        if part not in (1, 2):
            raise ValueError(part)
        start = _dt.date(year, 6 * part - 5, 1)
        return Epoch(start, _add_months(year, start.month, 6), f"{year:04d}H{part}", kind)
    if kind == "quarter":
        if not 1 <= part <= 4:
            raise ValueError(part)
        start = _dt.date(year, 3 * part - 2, 1)
        return Epoch(start, _add_months(year, start.month, 3), f"{year:04d}Q{part}", kind)
    if kind == "month":
        start = _dt.date(year, part, 1)
        return Epoch(start, _add_months(year, part, 1), f"{year:04d}-{part:02d}", kind)
    start = _dt.date(year, part, day)
    return Epoch(start, start + _dt.timedelta(days=1), start.isoformat(), "day")


_CN_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4}
_SEP = r"\s*[-_/. ]?\s*"
_PATTERNS: tuple[tuple[re.Pattern, Callable[[re.Match], Epoch]], ...] = (
    (re.compile(r"(\d{4})"), lambda m: _period("year", int(m[1]))),
    (re.compile(r"(\d{4})\s*年"), lambda m: _period("year", int(m[1]))),
    (re.compile(rf"(\d{{4}}){_SEP}q([1-4])"), lambda m: _period("quarter", int(m[1]), int(m[2]))),
    (re.compile(rf"q([1-4]){_SEP}(\d{{4}})"), lambda m: _period("quarter", int(m[2]), int(m[1]))),
    (re.compile(r"(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?"),
     lambda m: _period("quarter", int(m[1]), _CN_NUMBERS.get(m[2]) or int(m[2]))),
    (re.compile(r"(\d{4})\s*年?\s*q([1-4])"), lambda m: _period("quarter", int(m[1]), int(m[2]))),
    (re.compile(rf"(\d{{4}}){_SEP}h([12])"), lambda m: _period("half", int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})\s*年\s*([上下])半年"), lambda m: _period("half", int(m[1]), 1 if m[2] == "上" else 2)),
    (re.compile(r"(\d{4})[-/.](\d{1,2})"), lambda m: _period("month", int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})(\d{2})"), lambda m: _period("month", int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月"), lambda m: _period("month", int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
                r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"),
     lambda m: _period("day", int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), lambda m: _period("day", int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
     lambda m: _period("day", int(m[1]), int(m[2]), int(m[3]))),
)


def parse_epoch(value: object) -> Epoch:
    """The epoch (period) a value denotes.

    Accepts ``datetime.date``/``datetime.datetime`` (a day; the time of day is ignored), whole
    numbers ``YYYY``, ``YYYYMM`` and ``YYYYMMDD``, and text: ``2022``, ``2022H1``, ``2022Q3``,
    ``2022-Q3``, ``Q3 2022``, ``2022-03``, ``2022/03``, ``202203``, ``2022-03-31`` (an ISO time
    part is ignored), ``20220331``, and the Chinese forms ``2022年``, ``2022年上半年``,
    ``2022年第3季度``, ``2022年3月``, ``2022年3月31日``. Years must lie in 1800-2199.

    Raises
    ------
    InvalidInputError
        A value that is none of these (naming it).
    """
    try:
        if isinstance(value, _dt.datetime):
            return _period("day", value.year, value.month, value.day)
        if isinstance(value, _dt.date):
            return _period("day", value.year, value.month, value.day)
        if isinstance(value, (bool, np.bool_)) or value is None:
            raise ValueError(value)
        if isinstance(value, (int, np.integer, float, np.floating)):
            number = float(value)
            if not math.isfinite(number) or number != math.floor(number):
                raise ValueError(value)
            value = str(int(number))
        text = str(value).strip().lower()
        for pattern, make in _PATTERNS:
            match = pattern.fullmatch(text)
            if match:
                return make(match)
    except (ValueError, OverflowError):
        pass
    raise InvalidInputError(
        "Cannot read the epoch value {value}: use years (2022), half years (2022H1), quarters (2022Q3), "
        "months (2022-03) or dates (2022-03-31).",
        value=repr(value),
    )


_NAME_PATTERNS: tuple[tuple[re.Pattern, Callable[[re.Match], Epoch]], ...] = (
    (re.compile(r"(?<!\d)(\d{4})[-_. ]?q([1-4])(?!\d)"), lambda m: _period("quarter", int(m[1]), int(m[2]))),
    (re.compile(r"(?<![0-9a-z])q([1-4])[-_. ]?(\d{4})(?!\d)"), lambda m: _period("quarter", int(m[2]), int(m[1]))),
    (re.compile(r"(?<!\d)(\d{4})[-_.]?h([12])(?!\d)"), lambda m: _period("half", int(m[1]), int(m[2]))),
    (re.compile(r"(?<!\d)(\d{4})[-_./](\d{1,2})[-_./](\d{1,2})(?!\d)"),
     lambda m: _period("day", int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"), lambda m: _period("day", int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"(?<!\d)(\d{4})[-_./](\d{1,2})(?!\d)"), lambda m: _period("month", int(m[1]), int(m[2]))),
    (re.compile(r"(?<!\d)(\d{4})(?!\d)"), lambda m: _period("year", int(m[1]))),
)


def epoch_from_name(name: str) -> Epoch:
    """The epoch in a layer or file name (``footprints_2022Q3``, ``mines 2022-03-31``, ``fp_2022``).

    The whole name is read with :func:`parse_epoch` first; failing that, the most specific
    pattern found in it (quarter, half year, date, month, year) is taken.

    Raises
    ------
    InvalidInputError
        No epoch in the name, or several different ones.
    """
    try:
        return parse_epoch(name)
    except InvalidInputError:
        pass
    text = str(name).lower()
    for pattern, make in _NAME_PATTERNS:
        found = set()
        for match in pattern.finditer(text):
            try:
                found.add(make(match))
            except ValueError:
                continue
        if len(found) == 1:
            return found.pop()
        if len(found) > 1:
            raise InvalidInputError(
                "The name {name} contains several epochs ({labels}); give the epoch labels explicitly.",
                name=name, labels=", ".join(sorted(e.label for e in found)),
            )
    raise InvalidInputError(
        "No epoch (such as 2022, 2022Q3, 2022-03 or 2022-03-31) found in the name {name}; give the epoch labels "
        "explicitly.", name=name,
    )


def order_epochs(values: Sequence[object]) -> EpochOrder:
    """Parse epoch values and sort their periods chronologically.

    Parameters
    ----------
    values : sequence
        Epoch values (field values or layer labels); repeated values are allowed.

    Returns
    -------
    EpochOrder

    Raises
    ------
    InvalidInputError
        Values that cannot be read (all of them are named), periods that overlap (for example
        ``2022`` and ``2022Q3``, or ``2022Q3`` and ``2022-Q3``), or fewer than two epochs.
    """
    distinct: dict[object, int] = {}
    keys = []
    for v in values:
        key = (type(v).__name__, v)
        keys.append(distinct.setdefault(key, len(distinct)))
    parsed: list[Epoch | None] = []
    bad: list[str] = []
    for (_, v) in distinct:
        try:
            parsed.append(parse_epoch(v))
        except InvalidInputError:
            parsed.append(None)
            bad.append(repr(v))
    if bad:
        raise InvalidInputError(
            "Cannot order the epoch values {values}: use years (2022), half years (2022H1), quarters (2022Q3), "
            "months (2022-03) or dates (2022-03-31).",
            values=", ".join(bad[:10]) + (" ..." if len(bad) > 10 else ""),
        )
    unique = sorted(set(parsed), key=lambda e: (e.start, e.end))  # type: ignore[arg-type, union-attr]
    for a, b in itertools.pairwise(unique):
        if b.start < a.end:
            raise InvalidInputError(
                "The epochs {first} and {second} overlap in time; give each epoch once and use periods that do "
                "not overlap (all years, all quarters or all dates, for example).",
                first=a.label, second=b.label,
            )
    if len(unique) < 2:
        raise InvalidInputError(
            "At least two epochs are needed; found {count} ({labels}).",
            count=len(unique), labels=", ".join(e.label for e in unique) or "none",
        )
    position = {e: i for i, e in enumerate(unique)}
    per_distinct = [position[e] for e in parsed]  # type: ignore[index]
    return EpochOrder(tuple(unique), tuple(per_distinct[k] for k in keys))


@dataclass(frozen=True)
class TimeAxis:
    """Integer time of every epoch for the trend core, and the units of a slope.

    ``units`` count months (when every epoch starts on the first of a month: years, halves,
    quarters, months) or days since the first epoch; ``per_year`` is the number of units in a
    year, so ``slope per unit * per_year`` is a slope per year. ``regular`` says whether the
    epochs are evenly spaced; then ``step`` is the spacing in units.
    """

    units: np.ndarray
    unit: str
    per_year: float
    regular: bool
    step: int


def time_axis(epochs: Sequence[Epoch]) -> TimeAxis:
    """The :class:`TimeAxis` of chronologically ordered epochs."""
    if all(e.start.day == 1 for e in epochs):
        months = np.array([e.start.year * 12 + e.start.month - 1 for e in epochs], dtype=np.int64)
        units, unit, per_year = months - months[0], "month", 12.0
    else:
        days = np.array([e.start.toordinal() for e in epochs], dtype=np.int64)
        units, unit, per_year = days - days[0], "day", DAYS_PER_YEAR
    gaps = np.diff(units)
    regular = bool(gaps.size and np.all(gaps == gaps[0]))
    return TimeAxis(units, unit, per_year, regular, int(gaps[0]) if regular else 0)


# --------------------------------------------------------------------------------------
# The fishnet of many epochs


@dataclass(frozen=True)
class EpochDensityResult:
    """Mining per cell and epoch on one fishnet.

    Grid arrays (``cell_id`` ... ``cell_km2``) have one entry per output cell, as
    :class:`.grid.FishnetResult`; cube arrays are ``(cells, epochs)``; per-epoch arrays have one
    entry per epoch; zone arrays are ``(zones + 1, epochs)``, the last row being the area (and
    footprints) outside every zone.

    Attributes
    ----------
    mining_km2 : numpy.ndarray
        Footprint area in the cell (overlaps within an epoch counted once), km².
    n_polygons, n_mines : numpy.ndarray
        Footprints with a positive area in the cell, distinct mine ids among them (0 without ids).
    density_pct : numpy.ndarray
        ``100 * mining_km2 / cell_km2``.
    footprint_km2 : numpy.ndarray
        Area of each epoch's footprints (overlaps counted once), inside and outside the study area.
    grid_km2 : numpy.ndarray
        Sum of ``mining_km2`` over the output cells (inside the study area, dropped cells left out).
    n_footprints : numpy.ndarray
        Footprints of each epoch with a polygonal area (repaired ones included).
    n_mines_total : numpy.ndarray
        Distinct mine ids per epoch (0 without ids).
    overlap_groups, overlap_km2 : numpy.ndarray
        Groups of overlapping footprints dissolved per epoch and the area they would have added
        had overlaps been counted twice.
    zone_km2, zone_polygons : numpy.ndarray or None
        Footprint area per zone and epoch (footprints cut at zone boundaries) and footprints per
        zone (by their representative point); None without zones.
    n_unique, n_unions : int
        Distinct footprint geometries over all epochs and dissolved unions: the pieces apportioned
        once (instead of once per epoch and footprint).
    n_repaired, n_empty : int
        Footprints repaired with ``make_valid`` and footprints without a polygonal area (skipped).
    """

    cell_id: np.ndarray
    row: np.ndarray
    col: np.ndarray
    geometries: np.ndarray
    cell_km2: np.ndarray
    n_cells_dropped: int
    origin_x: float
    origin_y: float
    n_rows: int
    n_cols: int
    mining_km2: np.ndarray
    n_polygons: np.ndarray
    n_mines: np.ndarray
    density_pct: np.ndarray
    footprint_km2: np.ndarray
    grid_km2: np.ndarray
    n_footprints: np.ndarray
    n_mines_total: np.ndarray
    overlap_groups: np.ndarray
    overlap_km2: np.ndarray
    zone_km2: np.ndarray | None
    zone_polygons: np.ndarray | None
    n_unique: int
    n_unions: int
    n_repaired: int
    n_empty: int

    @property
    def n_epochs(self) -> int:
        return int(self.mining_km2.shape[1])


class _Stages:
    """Progress of consecutive stages of one run mapped onto [0, 1]; False from ``progress`` cancels."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress

    def __call__(self, fraction: float) -> None:
        if self.progress is not None and self.progress(min(max(fraction, 0.0), 1.0)) is False:
            raise CancelledError()

    def sub(self, start: float, end: float) -> Progress | None:
        if self.progress is None:
            return None
        return lambda f: self.progress(start + (end - start) * min(max(f, 0.0), 1.0))


def _distinct(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct geometries of ``geoms`` (no missing entries): ``(first index of each, id of every entry)``.

    A survey carries unchanged outlines forward, so most footprints repeat ones of earlier epochs.
    Candidates share a hash of their bounds, area and number of vertices (vectorised, one sort of
    integers); each is confirmed to be vertex for vertex identical to its candidate's first
    occurrence, so a hash collision only costs a comparison. Ids number the
    distinct geometries in order of first appearance.
    """
    n = len(geoms)
    if n == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    with np.errstate(invalid="ignore"):
        keys = np.column_stack([shapely.bounds(geoms), shapely.area(geoms),
                                shapely.get_num_coordinates(geoms).astype(np.float64)])
    keys = np.ascontiguousarray(np.nan_to_num(keys, nan=-np.inf))  # empty geometries: one key
    # one 64-bit hash of the six numbers (FNV-style mixing of their bits): a sort of integers, not rows
    bits = keys.view(np.uint64)
    digest = np.full(n, 0xCBF29CE484222325, dtype=np.uint64)
    for column in range(bits.shape[1]):
        digest = (digest ^ bits[:, column]) * np.uint64(0x100000001B3)
    _, first_of_key, key_of = np.unique(digest, return_index=True, return_inverse=True)
    rep = first_of_key[key_of.ravel()]
    same = rep == np.arange(n)
    check = np.flatnonzero(~same)
    if check.size:
        identical = getattr(shapely, "equals_identical", None)  # shapely >= 2.1
        if identical is not None:
            same[check] = identical(geoms[check], geoms[rep[check]])
        else:
            same[check] = shapely.equals_exact(geoms[check], geoms[rep[check]], tolerance=0.0)
    rep = np.where(same, rep, np.arange(n))  # a key collision: its own geometry (compared by WKB below)
    odd = np.flatnonzero(~same)
    if odd.size:
        seen: dict[bytes, int] = {}
        for i, wkb in zip(odd, shapely.to_wkb(geoms[odd]), strict=True):
            rep[i] = seen.setdefault(wkb, int(i))
    firsts, uid = np.unique(rep, return_inverse=True)
    return firsts, uid.ravel().astype(np.int64)


def _overlap_groups(geoms: np.ndarray, area: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`.grid.overlap_groups`, or the same groups decided by the area of the intersections when
    GEOS's relate fails.

    GEOS before 3.13 (relate without the NG engine) can raise a TopologyException ("side location
    conflict") on valid polygons with nearly coincident vertices, such as two repaired bow-ties; the
    overlay (OverlayNG, with its snapping fallbacks) then says whether each candidate pair shares area.
    """
    try:
        return overlap_groups(geoms, area)
    except shapely.errors.GEOSException:
        pass
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    live = np.flatnonzero(area > 0)
    left, right = shapely.STRtree(geoms[live]).query(geoms[live], predicate="intersects")
    pair = left < right
    left, right = left[pair], right[pair]
    shared = shapely.area(shapely.intersection(geoms[live][left], geoms[live][right])) > 0
    left, right = left[shared], right[shared]
    if not len(left):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(len(live), len(live)))
    _, labels = connected_components(graph, directed=False)
    grouped = np.flatnonzero(np.bincount(labels)[labels] > 1)
    return live[grouped], labels[grouped]


def _repair(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Polygonal, valid versions of ``geoms`` (make_valid where invalid) and the mask of repaired ones."""
    geoms = geoms.copy()
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        geoms[invalid] = polygonal_parts(shapely.make_valid(geoms[invalid]))
    types = shapely.get_type_id(geoms)
    polygonal = np.isin(types, (int(shapely.GeometryType.POLYGON), int(shapely.GeometryType.MULTIPOLYGON)))
    if not polygonal.all():
        geoms[~polygonal] = polygonal_parts(geoms[~polygonal])
    return geoms, invalid


def epoch_density(
    footprints: Any,
    epochs: Any,
    n_epochs: int,
    *,
    cell_size: float,
    study_area: Any = None,
    clip: bool = True,
    min_cell_fraction: float = 0.0,
    mine_ids: Any = None,
    keep_empty: bool = True,
    max_cells: int = 5_000_000,
    zones: Any = None,
    progress: Progress | None = None,
) -> EpochDensityResult:
    """Mining area, footprints, mines and density per fishnet cell and epoch.

    Parameters
    ----------
    footprints : array_like of shapely geometries
        Footprints of all epochs in an equal-area CRS in metres. ``None``/empty entries are
        skipped (counted in ``n_empty``); invalid ones are repaired with ``make_valid``.
    epochs : array_like of int
        Epoch of every footprint, ``0 .. n_epochs - 1`` in chronological order.
    n_epochs : int
        Number of epochs (>= 2). An epoch without footprints gets zero mining everywhere.
    cell_size, study_area, clip, min_cell_fraction, max_cells
        As :func:`.grid.fishnet_density`: one grid for every epoch.
    mine_ids : array_like, optional
        One mine id per footprint (``None`` = no mine) for ``n_mines``.
    keep_empty : bool, default True
        Keep cells without a footprint in any epoch (a cell kept is kept in every epoch).
    zones : array_like of shapely polygons, optional
        Zones (provinces, counties...) for the per-zone totals; they should not overlap.
    progress : callable, optional
        ``progress(fraction) -> bool``; returning False cancels (:class:`.errors.CancelledError`).

    Returns
    -------
    EpochDensityResult

    Raises
    ------
    InvalidInputError
        Fewer than two epochs, epoch codes out of range, lengths that differ, no footprint with
        an area in any epoch, and everything :func:`.grid.fishnet_density` refuses.

    Notes
    -----
    Each epoch gives exactly what :func:`.grid.fishnet_density` gives for that epoch's footprints
    alone (overlaps within the epoch dissolved), but the work is shared: distinct geometries
    (identical vertex for vertex) are validated, repaired and apportioned once, with their own
    area as the weight, together
    with the unions of the footprints that overlap within an epoch; the per-epoch values are
    sparse sums of those pieces. Overlap candidates are searched once over the distinct
    geometries; only groups that overlap across epochs are re-examined epoch by epoch.
    """
    stages = _Stages(progress)
    n_epochs = int(n_epochs)
    if n_epochs < 2:
        raise InvalidInputError("At least two epochs are needed; found {count} ({labels}).", count=n_epochs, labels="")
    geoms = np.asarray(footprints, dtype=object).ravel()
    n = len(geoms)
    codes = np.asarray(epochs)
    if codes.shape != (n,):
        raise InvalidInputError("There are {n_values} epoch values for {n} footprints.", n_values=codes.size, n=n)
    if n and (codes.dtype.kind not in "iu" or codes.min() < 0 or codes.max() >= n_epochs):
        raise InvalidInputError("Epoch codes must be whole numbers from 0 to {last}.", last=n_epochs - 1)
    codes = codes.astype(np.int64)
    mine_code = None if mine_ids is None else _encode_ids(mine_ids, n)
    n_mine_codes = 0 if mine_code is None or not n else int(mine_code.max()) + 1

    # 1. Distinct geometries: a footprint repeated unchanged in later epochs is checked, repaired and
    # apportioned once.
    present = np.flatnonzero(~shapely.is_missing(geoms))
    firsts, present_uid = _distinct(geoms[present])
    repaired, was_invalid = _repair(geoms[present[firsts]])
    area = shapely.area(repaired)
    usable_u = ~shapely.is_missing(repaired) & (area > 0)
    n_repaired = int(was_invalid[present_uid].sum())
    if not usable_u.any():
        raise InvalidInputError("None of the {count} footprints has a positive area.", count=n)
    keep_u = np.flatnonzero(usable_u)
    renumber = np.full(len(firsts), -1, dtype=np.int64)
    renumber[keep_u] = np.arange(keep_u.size)
    occ_ok = usable_u[present_uid]
    kept = present[occ_ok]
    uid = renumber[present_uid[occ_ok]]
    usable = np.zeros(n, dtype=bool)
    usable[kept] = True
    n_unique = int(keep_u.size)
    ugeom = repaired[keep_u]
    uarea = area[keep_u]
    stages(0.05)
    occ_e = codes[kept]
    node_key, node_mult = np.unique(uid * n_epochs + occ_e, return_counts=True)
    node_u, node_e = np.divmod(node_key, n_epochs)
    stages(0.08)

    # 2. Overlaps: components over all epochs once, then per epoch only where they could matter.
    members, labels = _overlap_groups(ugeom, uarea)
    comp = np.full(n_unique, -1, dtype=np.int64)
    comp[members] = labels
    node_carrier = node_u.copy()  # what carries the node's area: itself, or its group's union
    union_of: dict[tuple[int, ...], int] = {}
    union_geoms: list[Any] = []
    groups_per_epoch = np.zeros(n_epochs, dtype=np.int64)
    grouped = np.flatnonzero(comp[node_u] >= 0)
    if grouped.size:
        key = comp[node_u[grouped]] * n_epochs + node_e[grouped]
        order = np.argsort(key, kind="stable")
        grouped, key = grouped[order], key[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        bounds = np.r_[starts, key.size]
        split_memo: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
        for a, b in itertools.pairwise(bounds):
            if b - a < 2:
                continue
            nodes = grouped[a:b]
            us = tuple(int(u) for u in node_u[nodes])
            parts = split_memo.get(us)
            if parts is None:
                sub_members, sub_labels = _overlap_groups(ugeom[list(us)], uarea[list(us)])
                parts = []
                for label in np.unique(sub_labels):
                    parts.append(tuple(sorted(us[int(i)] for i in sub_members[sub_labels == label])))
                split_memo[us] = parts
            position = {u: k for k, u in enumerate(us)}
            for part in parts:
                carrier = union_of.get(part)
                if carrier is None:
                    carrier = n_unique + len(union_geoms)
                    union_of[part] = carrier
                    union_geoms.append(shapely.union_all(ugeom[list(part)]))
                node_carrier[nodes[[position[u] for u in part]]] = carrier
                groups_per_epoch[int(node_e[nodes[0]])] += 1
    stages(0.15)

    carriers = np.concatenate([ugeom, np.array(union_geoms, dtype=object)]) if union_geoms else ugeom
    unions = carriers[n_unique:]
    if len(unions):
        unions[:] = polygonal_parts(unions)
    carrier_area = np.concatenate([uarea, shapely.area(unions)])
    carry_key = np.unique(node_carrier * n_epochs + node_e)
    carry_c, carry_e = np.divmod(carry_key, n_epochs)

    # 3. One apportioning of every carrier, its own area as the weight (no dissolving between
    # carriers: they belong to different epochs or are disjoint within one).
    grid = fishnet_density(
        carriers, cell_size=cell_size, study_area=study_area, clip=clip, min_cell_fraction=min_cell_fraction,
        weights=carrier_area, keep_empty=True, max_cells=max_cells, progress=stages.sub(0.15, 0.85),
        return_pieces=True,
    )
    import scipy.sparse as sp

    p_carrier, p_cell, p_area = grid.pieces  # type: ignore[misc]
    n_cells = len(grid.cell_id)
    n_carriers = len(carriers)
    carry = sp.csr_matrix((np.ones(carry_c.size), (carry_c, carry_e)), shape=(n_carriers, n_epochs))
    pieces = sp.csr_matrix((p_area, (p_cell, p_carrier)), shape=(n_cells, n_carriers))
    mining_km2 = np.asarray((pieces @ carry).todense()) / 1e6
    own = p_carrier < n_unique
    touched = sp.csr_matrix((np.ones(int(own.sum())), (p_cell[own], p_carrier[own])), shape=(n_cells, n_unique))
    mult = sp.csr_matrix((node_mult.astype(np.float64), (node_u, node_e)), shape=(n_unique, n_epochs))
    n_polygons = np.rint(np.asarray((touched @ mult).todense())).astype(np.int64)
    stages(0.9)

    n_mines = np.zeros((n_cells, n_epochs), dtype=np.int64)
    n_mines_total = np.zeros(n_epochs, dtype=np.int64)
    if mine_code is not None and n_mine_codes:
        occ_m = mine_code[kept]
        has = occ_m >= 0
        triple = np.unique((uid[has] * n_epochs + occ_e[has]) * n_mine_codes + occ_m[has])
        t_node, t_m = np.divmod(triple, n_mine_codes)
        t_u, t_e = np.divmod(t_node, n_epochs)
        n_mines_total = np.bincount(np.unique(t_e * n_mine_codes + t_m) // n_mine_codes, minlength=n_epochs)
        # every piece of a footprint's geometry, for each (footprint geometry, epoch, mine)
        order = np.argsort(p_carrier[own], kind="stable")
        pu, pc = p_carrier[own][order], p_cell[own][order]
        start = np.searchsorted(pu, t_u)
        count = np.searchsorted(pu, t_u, side="right") - start
        rep = np.repeat(np.arange(t_u.size), count)
        offset = np.arange(rep.size) - np.repeat(np.cumsum(count) - count, count)
        cells = pc[start[rep] + offset]
        keys = np.unique((cells * n_epochs + t_e[rep]) * n_mine_codes + t_m[rep])
        n_mines = np.bincount(keys // n_mine_codes, minlength=n_cells * n_epochs).reshape(n_cells, n_epochs)

    footprint_km2 = np.bincount(carry_e, weights=carrier_area[carry_c], minlength=n_epochs) / 1e6
    n_footprints = np.bincount(occ_e, minlength=n_epochs).astype(np.int64)
    member_area = np.bincount(node_e, weights=uarea[node_u] * node_mult, minlength=n_epochs) / 1e6
    overlap_km2 = np.maximum(member_area - footprint_km2, 0.0)

    zone_km2 = zone_polygons = None
    if zones is not None:
        zone_km2, zone_polygons = _zone_totals(zones, carriers, carrier_area, carry, ugeom, node_u, node_e,
                                               node_mult, n_epochs)
    stages(0.97)

    keep = np.ones(n_cells, dtype=bool) if keep_empty else n_polygons.sum(axis=1) > 0
    mining_km2, n_polygons, n_mines = mining_km2[keep], n_polygons[keep], n_mines[keep]
    cell_km2 = grid.cell_km2[keep]
    result = EpochDensityResult(
        cell_id=np.arange(1, int(keep.sum()) + 1, dtype=np.int64),
        row=grid.row[keep],
        col=grid.col[keep],
        geometries=grid.geometries[keep],
        cell_km2=cell_km2,
        n_cells_dropped=grid.n_cells_dropped,
        origin_x=grid.origin_x,
        origin_y=grid.origin_y,
        n_rows=grid.n_rows,
        n_cols=grid.n_cols,
        mining_km2=mining_km2,
        n_polygons=n_polygons,
        n_mines=n_mines,
        density_pct=100.0 * mining_km2 / cell_km2[:, None],
        footprint_km2=footprint_km2,
        grid_km2=mining_km2.sum(axis=0),
        n_footprints=n_footprints,
        n_mines_total=np.asarray(n_mines_total, dtype=np.int64),
        overlap_groups=groups_per_epoch,
        overlap_km2=overlap_km2,
        zone_km2=zone_km2,
        zone_polygons=zone_polygons,
        n_unique=n_unique,
        n_unions=len(union_geoms),
        n_repaired=n_repaired,
        n_empty=int(n - usable.sum()),
    )
    stages(1.0)
    return result


def _zone_totals(zones, carriers, carrier_area, carry, ugeom, node_u, node_e, node_mult, n_epochs):
    """Area (km²) and footprints per zone and epoch; the last row is outside every zone."""
    import scipy.sparse as sp

    zone_geom = np.asarray(zones, dtype=object).ravel()
    bad = [i for i, g in enumerate(zone_geom) if g is None or shapely.get_type_id(g) not in (3, 6)]
    if bad:
        raise InvalidInputError("Zone {index} is not a polygon.", index=bad[0])
    zone_geom = zone_geom.copy()
    invalid = ~shapely.is_valid(zone_geom)
    if invalid.any():
        zone_geom[invalid] = polygonal_parts(shapely.make_valid(zone_geom[invalid]))
    n_zones = len(zone_geom)
    tree = shapely.STRtree(zone_geom)
    c_idx, z_idx = tree.query(carriers, predicate="intersects")
    area = carrier_area[c_idx].copy()
    cut = ~shapely.within(carriers[c_idx], zone_geom[z_idx])
    if cut.any():
        area[cut] = shapely.area(shapely.intersection(carriers[c_idx[cut]], zone_geom[z_idx[cut]]))
    inside = np.bincount(c_idx, weights=area, minlength=len(carriers))
    rows = np.r_[z_idx, np.full(len(carriers), n_zones)]
    cols = np.r_[c_idx, np.arange(len(carriers))]
    vals = np.r_[area, np.maximum(carrier_area - inside, 0.0)]
    share = sp.csr_matrix((vals, (rows, cols)), shape=(n_zones + 1, len(carriers)))
    zone_km2 = np.asarray((share @ carry).todense()) / 1e6
    points = shapely.point_on_surface(ugeom)
    p_idx, pz = tree.query(points, predicate="within")
    zone_of = np.full(len(ugeom), n_zones, dtype=np.int64)
    zone_of[p_idx[::-1]] = pz[::-1]  # the first zone listed wins where zones overlap
    zone_polygons = np.zeros((n_zones + 1, n_epochs), dtype=np.int64)
    np.add.at(zone_polygons, (zone_of[node_u], node_e), node_mult)
    return zone_km2, zone_polygons


# --------------------------------------------------------------------------------------
# Per-cell trends over the epochs


@dataclass(frozen=True)
class CellTrendResult:
    """Mann-Kendall test and Theil-Sen slope of every cell's series over the epochs.

    Arrays have one entry per cell; NaN where a cell has fewer than ``min_epochs`` valid values.

    Attributes
    ----------
    mk_s, mk_var_s, mk_z, mk_p : numpy.ndarray
        Mann-Kendall S, its tie-corrected variance, the continuity-corrected Z and the two-sided
        p-value (:func:`.trend.trend_statistics`).
    sen_per_epoch, sen_per_year : numpy.ndarray
        Theil-Sen slope per epoch (over the epoch number) and per year (over the real dates).
    trend_class : numpy.ndarray
        int8: 1 significant increase, 0 no significant trend (also a series that never changes),
        -1 significant decrease, :data:`.trend.TREND_CLASS_NODATA` too few values.
    n_valid : numpy.ndarray
        Valid (finite) values per cell.
    constant : numpy.ndarray
        Cells whose valid values are all equal (no trend by construction: S = 0, p = 1, slope 0).
    alpha : float
    axis : TimeAxis
    """

    mk_s: np.ndarray
    mk_var_s: np.ndarray
    mk_z: np.ndarray
    mk_p: np.ndarray
    sen_per_epoch: np.ndarray
    sen_per_year: np.ndarray
    trend_class: np.ndarray
    n_valid: np.ndarray
    constant: np.ndarray
    alpha: float
    axis: TimeAxis


def cell_trends(
    values: Any,
    epochs: Sequence[Epoch],
    *,
    alpha: float = 0.05,
    min_epochs: int = 3,
    progress: Progress | None = None,
) -> CellTrendResult:
    """Mann-Kendall and Theil-Sen over the epochs for every cell.

    Parameters
    ----------
    values : array_like, shape (cells, epochs)
        The series of every cell in epoch order (NaN = missing).
    epochs : sequence of Epoch
        The epochs, in order (their dates give the slope per year).
    alpha : float
        Two-sided significance level of ``trend_class``.
    min_epochs : int
        Fewest valid values for a trend (at least 3, as the trend core).
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels.

    Raises
    ------
    InvalidInputError
        Fewer than three epochs, a shape that does not match the epochs, ``alpha`` outside (0, 1).
    """
    from .trend import trend_statistics

    x = np.asarray(values, dtype=np.float64)
    n_ep = len(epochs)
    if n_ep < 3:
        raise InvalidInputError(
            "A trend over epochs needs at least three epochs; found {count}.", count=n_ep)
    if x.ndim != 2 or x.shape[1] != n_ep:
        raise InvalidInputError(
            "The values have shape {shape}; expected one column per epoch ({count}).", shape=x.shape, count=n_ep)
    min_epochs = int(min(max(min_epochs, 3), n_ep))
    axis = time_axis(epochs)
    stages = _Stages(progress)
    stack = x.T
    res = trend_statistics(stack, axis.units, statistics=("sen_slope", "mk_s", "mk_var_s", "mk_z", "mk_p",
                                                         "trend_class"),
                           alpha=alpha, min_years=min_epochs, progress=stages.sub(0.0, 0.8))
    per_unit = np.asarray(res.sen_slope, dtype=np.float64)
    if axis.regular:
        per_epoch = per_unit * axis.step
    else:
        per_epoch = np.asarray(trend_statistics(stack, np.arange(n_ep), statistics=("sen_slope",), alpha=alpha,
                                                min_years=min_epochs, progress=stages.sub(0.8, 1.0)).sen_slope)
    finite = np.isfinite(x)
    with np.errstate(invalid="ignore"):
        lo = np.where(finite, x, np.inf).min(axis=1)
        hi = np.where(finite, x, -np.inf).max(axis=1)
    constant = finite.any(axis=1) & (lo == hi)
    stages(1.0)
    return CellTrendResult(
        mk_s=np.asarray(res.mk_s), mk_var_s=np.asarray(res.mk_var_s), mk_z=np.asarray(res.mk_z),
        mk_p=np.asarray(res.mk_p), sen_per_epoch=per_epoch, sen_per_year=per_unit * axis.per_year,
        trend_class=np.asarray(res.trend_class), n_valid=np.asarray(res.n_valid, dtype=np.int64),
        constant=constant, alpha=float(alpha), axis=axis,
    )
