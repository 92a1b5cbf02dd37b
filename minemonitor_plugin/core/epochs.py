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
overlaps are looked for once over all epochs, and the footprint rule of :mod:`.geometry` (shared
land belongs to the smallest footprint; duplicates, covered footprints and slivers are not
counted) is applied within each epoch, so each epoch gives what the fishnet gives on its own
footprints, while a footprint and its enlarged version in the next epoch never affect each other.

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
from .geometry import (
    COUNTED,
    COVERED,
    DEGENERATE,
    EMPTY,
    WRONG_TYPE,
    _is_not,
    clean_polygons,
    prepare_footprints,
)
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
    distinct: dict[tuple[str, object], int] = {}
    keys = []
    for v in values:
        key = (type(v).__name__, v)
        keys.append(distinct.setdefault(key, len(distinct)))
    parsed: list[Epoch] = []  # complete when nothing is bad
    bad: list[str] = []
    for (_, v) in distinct:
        try:
            parsed.append(parse_epoch(v))
        except InvalidInputError:
            bad.append(repr(v))
    if bad:
        raise InvalidInputError(
            "Cannot order the epoch values {values}: use years (2022), half years (2022H1), quarters (2022Q3), "
            "months (2022-03) or dates (2022-03-31).",
            values=", ".join(bad[:10]) + (" ..." if len(bad) > 10 else ""),
        )
    unique = sorted(set(parsed), key=lambda e: (e.start, e.end))
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
    per_distinct = [position[e] for e in parsed]
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

    Every epoch follows the footprint rule of :mod:`.geometry` on its own footprints: land shared by
    footprints of one epoch is counted once and belongs to the smallest of them; a footprint without
    land of its own in its epoch (an exact duplicate, or covered by smaller footprints of the epoch)
    and a zero-area or sliver footprint is not counted.

    Attributes
    ----------
    mining_km2 : numpy.ndarray
        Footprint area in the cell (shared land within an epoch counted once), km².
    n_polygons, n_mines : numpy.ndarray
        Counted footprints with area in the cell (more than a sliver of numerical noise), distinct
        mine ids among them (0 without ids): :func:`.grid.fishnet_density` on the epoch's footprints.
    density_pct : numpy.ndarray
        ``100 * mining_km2 / cell_km2``.
    footprint_km2 : numpy.ndarray
        Area of each epoch's footprints (the sum of their own lands: the area of their union),
        inside and outside the study area.
    grid_km2 : numpy.ndarray
        Sum of ``mining_km2`` over the output cells (inside the study area, dropped cells left out).
    n_footprints : numpy.ndarray
        Footprints counted in each epoch (with land of their own; repaired ones included).
    n_covered, n_degenerate : numpy.ndarray
        Footprints of each epoch not counted: without land of their own in the epoch (exact
        duplicates, footprints covered by smaller ones), or without area (zero-area, collapsed, slivers).
    n_mines_total : numpy.ndarray
        Distinct mine ids of the counted footprints per epoch (0 without ids).
    n_overlapping, overlap_km2 : numpy.ndarray
        Footprints of each epoch whose area overlaps another footprint of the epoch (more than
        numerical noise; duplicates included), and the area that would have been counted twice
        had overlaps not been counted once.
    zone_km2, zone_polygons : numpy.ndarray or None
        Footprint area per zone and epoch (own lands cut at zone boundaries) and counted footprints
        per zone (by their representative point); None without zones.
    footprint_status : numpy.ndarray
        int8 status of every input footprint in its epoch (:data:`.geometry.COUNTED`, ``EMPTY``,
        ``DEGENERATE``, ``COVERED``).
    n_unique, n_lands : int
        Distinct footprint geometries over all epochs and distinct own lands of overlapping
        footprints: the pieces apportioned once (instead of once per epoch and footprint).
    n_repaired, n_empty : int
        Footprints repaired with ``make_valid`` and NULL or empty footprints (skipped).
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
    n_covered: np.ndarray
    n_degenerate: np.ndarray
    n_mines_total: np.ndarray
    n_overlapping: np.ndarray
    overlap_km2: np.ndarray
    zone_km2: np.ndarray | None
    zone_polygons: np.ndarray | None
    footprint_status: np.ndarray
    n_unique: int
    n_lands: int
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
        progress = self.progress
        if progress is None:
            return None
        return lambda f: progress(start + (end - start) * min(max(f, 0.0), 1.0))


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
        skipped (counted in ``n_empty``); invalid ones are repaired with ``make_valid``; points and
        lines are refused.
    epochs : array_like of int
        Epoch of every footprint, ``0 .. n_epochs - 1`` in chronological order.
    n_epochs : int
        Number of epochs (>= 2). An epoch without footprints gets zero mining everywhere.
    cell_size, study_area, clip, min_cell_fraction, max_cells
        As :func:`.grid.fishnet_density`: one grid for every epoch.
    mine_ids : array_like, optional
        One mine id per footprint (``None`` = no mine) for ``n_mines``; as in
        :func:`.grid.fishnet_density` it also decides between exact duplicates of two mines.
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
    alone: the footprint rule of :mod:`.geometry` applies within each epoch (the smallest footprint
    keeps shared land; duplicates, covered and sliver footprints are not counted), never across
    epochs, so a footprint and its enlarged version in the next epoch do not affect each other. The
    work is shared: distinct geometries (identical vertex for vertex) are validated, repaired and
    apportioned once; overlaps are searched once over the distinct geometries, and the own lands of
    overlapping footprints are computed once per distinct set of overlapping footprints (a set that
    repeats from epoch to epoch is done once), all sets in one vectorised
    :func:`.geometry.prepare_footprints` call; geometries and lands are apportioned in one
    :func:`.grid.fishnet_density` call and the per-epoch values are sparse sums of those pieces.
    """
    with np.errstate(invalid="ignore"):  # GEOS flags empty intersections as invalid values
        return _epoch_density(footprints, epochs, n_epochs, cell_size=cell_size, study_area=study_area, clip=clip,
                              min_cell_fraction=min_cell_fraction, mine_ids=mine_ids, keep_empty=keep_empty,
                              max_cells=max_cells, zones=zones, progress=progress)


def _epoch_density(footprints, epochs, n_epochs, *, cell_size, study_area, clip, min_cell_fraction, mine_ids,
                   keep_empty, max_cells, zones, progress) -> EpochDensityResult:
    import scipy.sparse as sp

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

    # 1. Distinct geometries: a footprint repeated unchanged in later epochs is checked, repaired and
    # apportioned once.
    status = np.full(n, EMPTY, dtype=np.int8)  # of every input footprint in its epoch
    present = np.flatnonzero(~shapely.is_missing(geoms))
    firsts, present_uid = _distinct(geoms[present])
    clean = clean_polygons(geoms[present[firsts]])
    status[present] = clean.status[present_uid]
    wrong = np.flatnonzero(status == WRONG_TYPE)
    if wrong.size:
        raise InvalidInputError("Footprint {index} is a {geometry_type}, not a polygon.", index=int(wrong[0]),
                                geometry_type=geoms[wrong[0]].geom_type)
    n_repaired = int(clean.repaired[present_uid].sum())
    usable_u = clean.status == COUNTED
    if not usable_u.any():
        raise InvalidInputError("None of the {count} footprints has a positive area.", count=n)
    keep_u = np.flatnonzero(usable_u)
    renumber = np.full(len(firsts), -1, dtype=np.int64)
    renumber[keep_u] = np.arange(keep_u.size)
    occ_ok = usable_u[present_uid]
    kept = present[occ_ok]  # usable footprints (input positions)
    uid = renumber[present_uid[occ_ok]]
    n_unique = int(keep_u.size)
    ugeom = clean.geometries[keep_u]
    uarea = shapely.area(ugeom)
    occ_e = codes[kept]
    occ_m = np.zeros(kept.size, dtype=np.int64) if mine_code is None else mine_code[kept]
    stages(0.05)

    # 2. Nodes: one per distinct geometry and epoch. Exact repeats of a geometry within one epoch are
    # duplicates: the one with the lowest mine id (then the first listed) is the node's footprint, as
    # the footprint rule decides; the others have no land of their own.
    occ_key = uid * n_epochs + occ_e
    order = np.lexsort((kept, occ_m, occ_key))
    sorted_key = occ_key[order]
    starts = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
    node_key = sorted_key[starts]
    node_mult = np.diff(np.r_[starts, sorted_key.size])
    rep = order[starts]
    duplicate = np.ones(kept.size, dtype=bool)
    duplicate[rep] = False
    status[kept[duplicate]] = COVERED
    node_u, node_e = np.divmod(node_key, n_epochs)
    node_code = occ_m[rep]
    n_nodes = node_key.size
    stages(0.08)

    # 3. Overlaps: components of overlapping geometries over all epochs once; within each component and
    # epoch the footprint rule gives the own lands. Sets of overlapping footprints that repeat from
    # epoch to epoch are prepared once, all distinct sets in one call (one layer per set).
    node_counted = np.ones(n_nodes, dtype=bool)
    node_carrier = node_u.copy()  # what carries the node's area: its geometry or its own land
    node_overlaps = node_mult > 1
    lands = np.empty(0, dtype=object)
    members, labels = _overlap_groups(ugeom, uarea)
    comp = np.full(n_unique, -1, dtype=np.int64)
    comp[members] = labels
    grouped = np.flatnonzero(comp[node_u] >= 0)
    if grouped.size:
        group_key = comp[node_u[grouped]] * n_epochs + node_e[grouped]
        order = np.lexsort((node_u[grouped], group_key))
        grouped, group_key = grouped[order], group_key[order]
        g_start = np.flatnonzero(np.r_[True, group_key[1:] != group_key[:-1]])
        g_size = np.diff(np.r_[g_start, group_key.size])
        multi = g_size >= 2
        g_start, g_size = g_start[multi], g_size[multi]
        if g_start.size:
            ident = np.ascontiguousarray(np.column_stack([node_u[grouped], node_code[grouped]]))
            set_ids: dict[bytes, int] = {}
            set_of_group = np.array([set_ids.setdefault(ident[a:a + k].tobytes(), len(set_ids))
                                     for a, k in zip(g_start.tolist(), g_size.tolist(), strict=True)], dtype=np.int64)
            _, first_group = np.unique(set_of_group, return_index=True)
            set_size = g_size[first_group]
            set_start = np.r_[0, np.cumsum(set_size)[:-1]]
            # the slots of every distinct set, then the slot of every grouped node
            local = np.arange(set_size.sum()) - np.repeat(set_start, set_size)
            slot_node = grouped[np.repeat(g_start[first_group], set_size) + local]
            slot_layer = np.repeat(np.arange(set_size.size), set_size)
            fps = prepare_footprints(ugeom[node_u[slot_node]], tie_break=node_code[slot_node], layers=slot_layer,
                                     progress=stages.sub(0.08, 0.15))
            local = np.arange(g_size.sum()) - np.repeat(np.r_[0, np.cumsum(g_size)[:-1]], g_size)
            group_nodes = grouped[np.repeat(g_start, g_size) + local]
            node_slot = np.repeat(set_start[set_of_group], g_size) + local
            node_counted[group_nodes] = fps.status[node_slot] == COUNTED
            in_pair = np.zeros(len(fps), dtype=bool)
            in_pair[fps.first] = True
            in_pair[fps.second] = True
            node_overlaps[group_nodes] |= in_pair[node_slot]
            # footprints that lost land to smaller ones carry their own land; the others their geometry
            involved = np.flatnonzero(fps.involved)
            involved = involved[_is_not(fps.land[involved], fps.geometries[involved]).astype(bool)]
            lands = fps.land[involved]
            land_of_slot = np.full(len(fps), -1, dtype=np.int64)
            land_of_slot[involved] = n_unique + np.arange(involved.size)
            uses_land = land_of_slot[node_slot] >= 0
            node_carrier[group_nodes[uses_land]] = land_of_slot[node_slot[uses_land]]
    status[kept[rep[~node_counted]]] = COVERED
    node_carrier[~node_counted] = -1
    stages(0.15)

    carriers = np.concatenate([ugeom, lands])
    carrier_area = np.concatenate([uarea, shapely.area(lands)])
    counted_nodes = np.flatnonzero(node_counted)
    c_node_u, c_node_e = node_u[counted_nodes], node_e[counted_nodes]
    carry_c = node_carrier[counted_nodes]  # one carrier per counted node; a carrier at most once per epoch

    # 4. One apportioning of every carrier, its own area as the weight (no footprint rule between
    # carriers: they belong to different epochs or are disjoint within one).
    grid = fishnet_density(
        carriers, cell_size=cell_size, study_area=study_area, clip=clip, min_cell_fraction=min_cell_fraction,
        weights=carrier_area, keep_empty=True, max_cells=max_cells, progress=stages.sub(0.15, 0.85),
        return_pieces=True, prepared=True,
    )
    p_carrier, p_cell, p_area, p_has = grid.pieces  # type: ignore[misc]
    n_cells = len(grid.cell_id)
    n_carriers = len(carriers)
    carry = sp.csr_matrix((np.ones(counted_nodes.size), (carry_c, c_node_e)), shape=(n_carriers, n_epochs))
    pieces = sp.csr_matrix((p_area, (p_cell, p_carrier)), shape=(n_cells, n_carriers))
    mining_km2 = np.asarray((pieces @ carry).todense()) / 1e6
    # a footprint counts in a cell where its own geometry has area there (as in fishnet_density)
    own = (p_carrier < n_unique) & p_has
    touched = sp.csr_matrix((np.ones(int(own.sum())), (p_cell[own], p_carrier[own])), shape=(n_cells, n_unique))
    present_in = sp.csr_matrix((np.ones(counted_nodes.size), (c_node_u, c_node_e)), shape=(n_unique, n_epochs))
    n_polygons = np.rint(np.asarray((touched @ present_in).todense())).astype(np.int64)
    stages(0.9)

    n_mines = np.zeros((n_cells, n_epochs), dtype=np.int64)
    n_mines_total = np.zeros(n_epochs, dtype=np.int64)
    c_node_m = node_code[counted_nodes]
    has_id = c_node_m >= 0
    if mine_code is not None and has_id.any():
        n_codes = int(c_node_m.max()) + 1
        t_u, t_e, t_m = c_node_u[has_id], c_node_e[has_id], c_node_m[has_id]
        n_mines_total = np.bincount(np.unique(t_e * n_codes + t_m) // n_codes, minlength=n_epochs)
        # every piece (with area) of a footprint's geometry, for each counted (geometry, epoch, mine)
        order = np.argsort(p_carrier[own], kind="stable")
        pu, pc = p_carrier[own][order], p_cell[own][order]
        start = np.searchsorted(pu, t_u)
        count = np.searchsorted(pu, t_u, side="right") - start
        expand = np.repeat(np.arange(t_u.size), count)
        offset = np.arange(expand.size) - np.repeat(np.cumsum(count) - count, count)
        cells = pc[start[expand] + offset]
        keys = np.unique((cells * n_epochs + t_e[expand]) * n_codes + t_m[expand])
        n_mines = np.bincount(keys // n_codes, minlength=n_cells * n_epochs).reshape(n_cells, n_epochs)

    footprint_km2 = np.bincount(c_node_e, weights=carrier_area[carry_c], minlength=n_epochs) / 1e6
    n_footprints = np.bincount(c_node_e, minlength=n_epochs).astype(np.int64)
    n_covered = np.bincount(codes[status == COVERED], minlength=n_epochs).astype(np.int64)
    n_degenerate = np.bincount(codes[status == DEGENERATE], minlength=n_epochs).astype(np.int64)
    member_area = np.bincount(node_e, weights=uarea[node_u] * node_mult, minlength=n_epochs) / 1e6
    overlap_km2 = np.maximum(member_area - footprint_km2, 0.0)
    n_overlapping = np.bincount(node_e[node_overlaps], weights=node_mult[node_overlaps],
                                minlength=n_epochs).astype(np.int64)

    zone_km2 = zone_polygons = None
    if zones is not None:
        zone_km2, zone_polygons = _zone_totals(zones, carriers, carrier_area, carry, ugeom, c_node_u, c_node_e,
                                               n_epochs)
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
        n_covered=n_covered,
        n_degenerate=n_degenerate,
        n_mines_total=np.asarray(n_mines_total, dtype=np.int64),
        n_overlapping=n_overlapping,
        overlap_km2=overlap_km2,
        zone_km2=zone_km2,
        zone_polygons=zone_polygons,
        footprint_status=status,
        n_unique=n_unique,
        n_lands=len(lands),
        n_repaired=n_repaired,
        n_empty=int(np.count_nonzero(status == EMPTY)),
    )
    stages(1.0)
    return result


def _zone_totals(zones, carriers, carrier_area, carry, ugeom, node_u, node_e, n_epochs):
    """Area (km²) and counted footprints per zone and epoch; the last row is outside every zone."""
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
    np.add.at(zone_polygons, (zone_of[node_u], node_e), 1)
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
