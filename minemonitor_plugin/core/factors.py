"""Diagnostics of graded sensitivity factors, and the alternative readings of Table 6 rows.

A factor graded by a table whose breaks its values never reach (the paper's NDVI-trend row read as a
per-year slope: breaks of -0.17 and -0.12 NDVI per year, where real slopes are of order 1e-3) puts
nearly every pixel in one grade and silently drops out of the sum. :class:`GradeTally` counts the
pixels of every grade and the value range block by block; :func:`diagnose` says when a factor leaves
grades of its table empty or puts more than :data:`DOMINANCE` of its pixels in one grade.

The alternative readings (``alternatives`` of ``data/table6_presets.json``) are presets of the same
rows in another unit, e.g. the NDVI-trend breaks as the change over the whole trend period: a per-year
slope raster is graded by the breaks divided by the period length (:func:`per_year_table`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from .errors import InvalidInputError
from .grading import PRESETS_FILE, CategoricalTable, FactorPreset, ThresholdTable, threshold_table

#: Share of the valid pixels in one grade above which a factor is reported as (nearly) constant.
DOMINANCE = 0.95


@dataclass
class GradeTally:
    """Pixels per grade and the range of the raw values of one factor, accumulated block by block.

    ``expected``: the grades of the factor's table, counted with one comparison each (a few times faster
    than a histogram of the whole block); any other grade is found by a histogram of the rest."""

    counts: dict[int, int] = field(default_factory=dict)
    value_min: float = float("inf")
    value_max: float = float("-inf")
    expected: tuple[int, ...] = ()

    def add(self, grades: np.ndarray, nodata: np.ndarray, values: np.ndarray | None = None,
            values_nodata: np.ndarray | None = None) -> None:
        """Count ``grades`` where not ``nodata``; widen the value range with ``values`` where not
        ``values_nodata`` (NaN ignored)."""
        g = grades[~nodata] if nodata.any() else grades.ravel()
        if g.size:
            left = g.size
            for grade in self.expected:
                n = int(np.count_nonzero(g == grade))
                if n:
                    self.counts[grade] = self.counts.get(grade, 0) + n
                left -= n
            if left:  # grades outside the table (the grade given to values outside every row)
                rest = g[~np.isin(g, self.expected)] if self.expected else g
                low = int(rest.min())
                binned = np.bincount(rest.astype(np.int64) - low if low < 0 else rest)
                start = low if low < 0 else 0
                for index in np.flatnonzero(binned):
                    grade = int(index) + start
                    self.counts[grade] = self.counts.get(grade, 0) + int(binned[index])
        if values is None or not values.size:
            return
        if values_nodata is not None and values_nodata.any():
            values = values[~values_nodata]
            if not values.size:
                return
        if values.dtype.kind == "f":  # NaN ignored (fmin/fmax)
            low, high = np.fmin.reduce(values, axis=None), np.fmax.reduce(values, axis=None)
        else:
            low, high = values.min(), values.max()
        if np.isfinite(low):
            self.value_min = min(self.value_min, float(low))
        if np.isfinite(high):
            self.value_max = max(self.value_max, float(high))

    def merge(self, other: GradeTally) -> None:
        """Add the counts and value range of ``other`` (the tally of another window)."""
        for grade, n in other.counts.items():
            self.counts[grade] = self.counts.get(grade, 0) + n
        self.value_min = min(self.value_min, other.value_min)
        self.value_max = max(self.value_max, other.value_max)

    @property
    def total(self) -> int:
        return int(sum(self.counts.values()))


@dataclass(frozen=True)
class Diagnosis:
    """What :func:`diagnose` found for one factor."""

    name: str
    grades: tuple[int, ...]
    counts: tuple[int, ...]
    shares: tuple[float, ...]
    value_min: float
    value_max: float
    empty_grades: tuple[int, ...]
    dominant_grade: int | None
    dominant_share: float

    dominance: float = DOMINANCE

    @property
    def warn(self) -> bool:
        """True when grades of the table stay empty or one grade holds more than the dominance share."""
        return bool(self.empty_grades) or self.dominant_share > self.dominance

    @property
    def total(self) -> int:
        return int(sum(self.counts))


def table_grades(table: ThresholdTable | CategoricalTable) -> tuple[int, ...]:
    """The distinct grades of a table, in increasing order."""
    return tuple(sorted({int(g) for g in np.asarray(table.grades).ravel()}))


def diagnose(name: str, tally: GradeTally, expected_grades: Iterable[int], dominance: float = DOMINANCE) -> Diagnosis:
    """Grade histogram of a factor and whether it is degenerate.

    ``expected_grades`` are the grades of its table; a grade outside them (the grade given to values
    outside every row) is listed too. Without any valid pixel every expected grade is empty.
    """
    if not 0.5 <= dominance <= 1.0:
        raise InvalidInputError("The dominance share must lie between 0.5 and 1; got {value}.", value=dominance)
    grades = tuple(sorted({int(g) for g in expected_grades} | set(tally.counts)))
    counts = tuple(int(tally.counts.get(g, 0)) for g in grades)
    total = sum(counts)
    shares = tuple(c / total if total else 0.0 for c in counts)
    empty = tuple(g for g, c in zip(grades, counts, strict=True) if c == 0 and g in set(expected_grades))
    dominant = None
    top = 0.0
    if total:
        index = int(np.argmax(counts))
        dominant, top = grades[index], shares[index]
    low = tally.value_min if np.isfinite(tally.value_min) else float("nan")
    high = tally.value_max if np.isfinite(tally.value_max) else float("nan")
    return Diagnosis(name, grades, counts, shares, low, high, empty, dominant, top, dominance)


def load_alternatives(path: str = PRESETS_FILE) -> dict[str, tuple[FactorPreset, str, bool]]:
    """The alternative readings of Table 6 rows: ``key -> (preset, factor key it replaces, per_period)``.
    ``per_period``: the breaks are a change over the whole trend period, not per year."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    closed = data.get("closed", "lower")
    out = {}
    for item in data.get("alternatives", []):
        table = threshold_table([(r["lower"], r["upper"], r["grade"], r.get("label", "")) for r in item["rows"]],
                                closed)
        preset = FactorPreset(item["key"], item["name"], item.get("unit", ""), table, item.get("note", ""))
        out[item["key"]] = (preset, item["factor"], bool(item.get("per_period", False)))
    return out


def per_year_table(table: ThresholdTable, years: float) -> ThresholdTable:
    """A table of breaks given as the change over ``years`` years, for values given per year: every
    bound divided by ``years`` (the same grades; open ends stay open)."""
    if not (np.isfinite(years) and years > 0):
        raise InvalidInputError("The trend period must be a positive number of years; got {value}.", value=years)
    rows = []
    for row in table.rows:
        lower = None if np.isinf(row.lower) else row.lower / years
        upper = None if np.isinf(row.upper) else row.upper / years
        rows.append((lower, upper, row.grade))
    return threshold_table(rows, table.closed)


def class_ranges(breaks: Iterable[float], score_min: float, score_max: float) -> list[tuple[float, float]]:
    """``(lower, upper)`` score range of every class cut by ``breaks`` (a score equal to a break belongs
    to the class below it): the first class starts at ``score_min``, the last ends at ``score_max``."""
    edges = [float(b) for b in breaks]
    lows = [score_min, *edges]
    highs = [*edges, score_max]
    return list(zip(lows, highs, strict=True))


def class_shares(counts: Mapping[int, int]) -> dict[int, float]:
    """Percentage of the classified pixels in every class."""
    total = sum(counts.values())
    return {c: (100.0 * n / total if total else 0.0) for c, n in counts.items()}
