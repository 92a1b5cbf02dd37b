"""Grading rasters into integer sensitivity grades by threshold tables or categorical mappings.

Threshold tables are validated (bounds ordered, rows neither overlapping nor leaving gaps, the
offending rows named) and applied with a stated edge rule; categorical mappings assign grades to
codes. Values outside every row become NoData or a stated grade, never silently 0. The presets
of the paper's Table 6 (13 desertification factors) live in ``data/table6_presets.json``.
"""

from __future__ import annotations

import itertools
import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .errors import InvalidInputError

#: ``"lower"``: a row covers ``lower <= v < upper`` (a value on a break gets the grade of the row
#: above it, the reading of Table 6's "<0.2 | 0.2~0.28 | ... | >=0.35"); ``"upper"``:
#: ``lower < v <= upper`` (QGIS "Reclassify by table" "min < value <= max").
CLOSED_SIDES = ("lower", "upper")

#: Marker for "values outside every row become NoData".
OUTSIDE_NODATA = None

PRESETS_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "table6_presets.json")


@dataclass(frozen=True)
class ThresholdRow:
    """One row of a threshold table: values in [lower, upper) (or (lower, upper]) get ``grade``.

    ``lower`` may be ``-inf`` and ``upper`` ``+inf`` (open-ended first/last rows).
    """

    lower: float
    upper: float
    grade: int
    label: str = ""


@dataclass(frozen=True)
class ThresholdTable:
    """A validated threshold table: rows sorted by value, contiguous, non-overlapping.

    Attributes
    ----------
    rows : tuple of ThresholdRow
        Sorted by ``lower``; ``rows[i].upper == rows[i + 1].lower``.
    closed : str
        Edge rule, one of :data:`CLOSED_SIDES`.
    """

    rows: tuple[ThresholdRow, ...]
    closed: str = "lower"

    @property
    def edges(self) -> np.ndarray:
        """The ``len(rows) + 1`` increasing bounds (first/last may be infinite)."""
        return np.array([r.lower for r in self.rows] + [self.rows[-1].upper], dtype=np.float64)

    @property
    def grades(self) -> np.ndarray:
        return np.array([r.grade for r in self.rows], dtype=np.int64)

    @property
    def direction(self) -> str:
        """``"ascending"`` (grade grows with the value), ``"descending"`` or ``"mixed"``."""
        return _direction(self.grades)

    def as_matrix(self) -> list[str]:
        """Flat ``[lower, upper, grade, ...]`` strings (empty for infinite bounds), as a
        Processing matrix parameter holds them."""
        out: list[str] = []
        for r in self.rows:
            out += [_fmt(r.lower, True), _fmt(r.upper, True), str(r.grade)]
        return out


@dataclass(frozen=True)
class CategoricalTable:
    """Codes -> grades (erosion classes, hazard classes, land-use codes)."""

    codes: tuple[float, ...]
    grades: tuple[int, ...]
    labels: tuple[str, ...] = ()

    def as_matrix(self) -> list[str]:
        """Flat ``[code, grade, ...]`` strings."""
        out: list[str] = []
        for c, g in zip(self.codes, self.grades, strict=True):
            out += [_fmt(c), str(g)]
        return out


@dataclass(frozen=True)
class GradedBlock:
    """Result of grading one array.

    Attributes
    ----------
    grades : ndarray of int8 or int16
        Grade per pixel (meaningless where ``nodata``): int8 when every grade of the table (and
        the outside grade) fits in it, else int16.
    nodata : ndarray of bool
        True where the input was NoData, or outside every row when those become NoData (the
        caller's own mask when that adds nothing: treat it as read-only).
    outside : int
        Number of valid input pixels that fell outside every row (whatever they became).
    """

    grades: np.ndarray
    nodata: np.ndarray
    outside: int


@dataclass(frozen=True)
class FactorPreset:
    """A Table 6 factor: its grading table and how the printed table was read."""

    key: str
    name: str
    unit: str
    table: ThresholdTable | CategoricalTable
    note: str

    @property
    def kind(self) -> str:
        return "threshold" if isinstance(self.table, ThresholdTable) else "categorical"


# --------------------------------------------------------------------------------------------
# building and validating tables
# --------------------------------------------------------------------------------------------
def threshold_table(rows: Iterable[Sequence], closed: str = "lower") -> ThresholdTable:
    """Validate ``(lower, upper, grade[, label])`` rows into a :class:`ThresholdTable`.

    Parameters
    ----------
    rows : iterable of sequences
        Bounds as numbers, or None / "" / "-inf" / "inf" for open ends; grades integers.
        Rows may come in any order; messages number them from 1 in the order given.
    closed : {"lower", "upper"}
        Edge rule (:data:`CLOSED_SIDES`).

    Raises
    ------
    InvalidInputError
        Empty table, a bound that is not a number, a non-integer grade, a row whose lower bound
        is not below its upper bound, two rows that overlap or leave a gap (both rows named).
    """
    if closed not in CLOSED_SIDES:
        raise InvalidInputError("Unknown edge rule {rule}: use lower or upper.", rule=closed)
    parsed: list[tuple[int, ThresholdRow]] = []
    for i, row in enumerate(rows, start=1):
        row = list(row)
        if len(row) < 3:
            raise InvalidInputError("Row {row} of the grading table needs a lower bound, an upper bound and a grade.",
                                    row=i)
        lower = _bound(row[0], -math.inf, i)
        upper = _bound(row[1], math.inf, i)
        grade = _grade(row[2], i)
        label = str(row[3]) if len(row) > 3 and row[3] is not None else ""
        if not lower < upper:
            raise InvalidInputError(
                "Row {row} of the grading table: the lower bound {lower} is not below the upper bound {upper}.",
                row=i, lower=_fmt(lower), upper=_fmt(upper))
        parsed.append((i, ThresholdRow(lower, upper, grade, label)))
    if not parsed:
        raise InvalidInputError("The grading table has no rows.")
    parsed.sort(key=lambda item: (item[1].lower, item[1].upper))
    for (ia, a), (ib, b) in itertools.pairwise(parsed):
        if a.upper > b.lower:
            raise InvalidInputError(
                "Rows {row_a} and {row_b} of the grading table overlap: {a_lower}..{a_upper} and "
                "{b_lower}..{b_upper}.", row_a=ia, row_b=ib, a_lower=_fmt(a.lower), a_upper=_fmt(a.upper),
                b_lower=_fmt(b.lower), b_upper=_fmt(b.upper))
        if a.upper < b.lower:
            raise InvalidInputError(
                "Rows {row_a} and {row_b} of the grading table leave a gap between {a_upper} and {b_lower}.",
                row_a=ia, row_b=ib, a_upper=_fmt(a.upper), b_lower=_fmt(b.lower))
    return ThresholdTable(tuple(r for _, r in parsed), closed)


def table_from_breaks(
    breaks: Sequence[float],
    direction: str = "ascending",
    lower: float = -math.inf,
    upper: float = math.inf,
    first_grade: int = 1,
    closed: str = "lower",
) -> ThresholdTable:
    """A table from increasing ``breaks``: ``len(breaks) + 1`` rows graded ``first_grade, ...``
    upwards with the value (``"ascending"``) or downwards (``"descending"``: more precipitation,
    lower sensitivity)."""
    if direction not in ("ascending", "descending"):
        raise InvalidInputError("Unknown direction {direction}: use ascending or descending.", direction=direction)
    edges = [lower, *[float(b) for b in breaks], upper]
    n = len(edges) - 1
    grades = [first_grade + k for k in range(n)]
    if direction == "descending":
        grades.reverse()
    return threshold_table([(edges[k], edges[k + 1], grades[k]) for k in range(n)], closed)


def categorical_table(rows: Iterable[Sequence]) -> CategoricalTable:
    """Validate ``(code, grade[, label])`` rows; a code listed twice is refused naming both rows."""
    codes: list[float] = []
    grades: list[int] = []
    labels: list[str] = []
    seen: dict[float, int] = {}
    for i, row in enumerate(rows, start=1):
        row = list(row)
        if len(row) < 2:
            raise InvalidInputError("Row {row} of the category table needs a code and a grade.", row=i)
        code = _number(row[0], i)
        if code is None or not math.isfinite(code):
            raise InvalidInputError("Row {row} of the category table has no valid code ({value}).", row=i,
                                    value=row[0])
        if code in seen:
            raise InvalidInputError("Rows {row_a} and {row_b} of the category table both map the code {code}.",
                                    row_a=seen[code], row_b=i, code=_fmt(code))
        seen[code] = i
        codes.append(code)
        grades.append(_grade(row[1], i))
        labels.append(str(row[2]) if len(row) > 2 and row[2] is not None else "")
    if not codes:
        raise InvalidInputError("The category table has no rows.")
    return CategoricalTable(tuple(codes), tuple(grades), tuple(labels))


def rows_from_matrix(values: Sequence, columns: int) -> list[list]:
    """Split a Processing matrix value (flat list of strings) into rows of ``columns`` cells."""
    values = list(values or [])
    if len(values) % columns:
        raise InvalidInputError("The table has {count} cells, not a multiple of its {columns} columns.",
                                count=len(values), columns=columns)
    return [values[k:k + columns] for k in range(0, len(values), columns)]


# --------------------------------------------------------------------------------------------
# applying tables
# --------------------------------------------------------------------------------------------
def grade_array(
    values: np.ndarray,
    table: ThresholdTable | CategoricalTable,
    nodata: np.ndarray | None = None,
    outside_grade: int | None = OUTSIDE_NODATA,
    nan_in_nodata: bool = False,
) -> GradedBlock:
    """Grade ``values`` by ``table``.

    Parameters
    ----------
    values : ndarray
        Any shape; NaN counts as NoData.
    table : ThresholdTable or CategoricalTable
    nodata : ndarray of bool, optional
        True where the input is NoData (stays NoData).
    outside_grade : int or None
        Grade for valid values outside every row (below the first/above the last bound, or a code
        not in a categorical table); None makes them NoData.
    nan_in_nodata : bool
        ``nodata`` already marks every NaN (as the raster reader's masks do): NaN is then not
        looked for again.

    Returns
    -------
    GradedBlock
    """
    values = np.asarray(values)
    # never modified in place: the result's mask may be the caller's own when nothing is added
    invalid = np.zeros(values.shape, dtype=bool) if nodata is None else np.asarray(nodata, dtype=bool)
    if values.dtype.kind == "f" and not (nan_in_nodata and nodata is not None):
        invalid = invalid | np.isnan(values)
    lo, hi = grade_range(table, outside_grade)
    # grades of one byte when they fit (half the memory traffic of int16 in the steps below)
    gtype = np.int8 if lo >= -128 and hi <= 127 else np.int16
    inside = None  # None: every valid value lies in some row
    if isinstance(table, ThresholdTable):
        rows = table.rows
        # start from the first row's grade and step by the grade difference at each inner break the
        # value has passed: one comparison and one small-int add per break, no float64 copy
        grades = np.full(values.shape, rows[0].grade, dtype=gtype)
        for prev, row in itertools.pairwise(rows):
            if row.grade != prev.grade:
                _step(grades, passes(values, row.lower, table.closed), prev.grade, row.grade)
        if math.isfinite(rows[0].lower):
            inside = passes(values, rows[0].lower, table.closed)
        if math.isfinite(rows[-1].upper):
            below = ~passes(values, rows[-1].upper, table.closed)
            inside = below if inside is None else inside & below
    else:
        grades = np.zeros(values.shape, dtype=gtype)
        inside = np.zeros(values.shape, dtype=bool)
        for code, grade in zip(table.codes, table.grades, strict=True):
            hit = _equals(values, code)
            if hit is not None:
                _add_where(grades, hit, grade)  # codes are distinct: each pixel is hit once at most
                inside |= hit
    outside = 0
    if inside is not None:
        outside_mask = ~inside & ~invalid
        outside = int(np.count_nonzero(outside_mask))
        if outside_grade is None:
            invalid = invalid | outside_mask
        elif outside:
            grades = np.where(outside_mask, gtype(outside_grade), grades)
    return GradedBlock(grades, invalid, outside)


def _step(grades: np.ndarray, passed: np.ndarray, previous: int, grade: int) -> None:
    """Pixels that ``passed`` a break go from ``previous`` to ``grade`` (breaks are passed in order,
    so a pixel past this break holds ``previous``)."""
    _add_where(grades, passed, grade - previous)


def _add_where(target: np.ndarray, where: np.ndarray, amount: int) -> None:
    """``target += amount`` where ``where`` is True: the mask viewed as int8, times the amount, added
    (a masked write, ``np.copyto(where=)``, is 10-100 times slower). An amount beyond the target's
    type wraps, and so does the sum, which lands on the (representable) grade."""
    step = where.view(np.int8)
    if amount == 1:
        np.add(target, step, out=target, casting="unsafe")
    elif amount == -1:
        np.subtract(target, step, out=target, casting="unsafe")
    elif -128 <= amount <= 127:
        np.add(target, step * np.int8(amount), out=target, casting="unsafe")
    else:
        delta = np.array(amount, dtype=np.int64).astype(target.dtype)  # wraps, like the sum
        np.add(target, step.astype(target.dtype) * delta, out=target, casting="unsafe")


def passes(values: np.ndarray, edge: float, closed: str) -> np.ndarray:
    """``values >= edge`` (lower rule) or ``values > edge`` (upper rule), exactly as in real numbers,
    but computed in the array's own type (no float64 copy of a float32 block).

    The edge is replaced by the nearest value of the array's type on the correct side, so a
    float32 value compares as its exact value would against the float64 edge (as QGIS's Reclassify
    by table does in double precision).
    """
    dt = values.dtype
    if dt.kind == "f":
        e = dt.type(edge)
        if closed == "lower" and float(e) < edge:
            e = np.nextafter(e, dt.type(np.inf))
        elif closed == "upper" and float(e) > edge:
            e = np.nextafter(e, dt.type(-np.inf))
        return values >= e if closed == "lower" else values > e
    if dt.kind in "iu":
        info = np.iinfo(dt)
        # integers: v >= e  <=>  v >= ceil(e);  v > e  <=>  v > floor(e)
        bound = math.ceil(edge) if closed == "lower" else math.floor(edge)
        if bound > info.max:
            return np.zeros(values.shape, dtype=bool)
        if bound < info.min:
            return np.ones(values.shape, dtype=bool)
        b = dt.type(bound)
        return values >= b if closed == "lower" else values > b
    as64 = values.astype(np.float64)
    return as64 >= edge if closed == "lower" else as64 > edge


def _equals(values: np.ndarray, code: float) -> np.ndarray | None:
    """``values == code`` in the array's own type; None when no value of that type can equal it."""
    dt = values.dtype
    if dt.kind == "f":
        c = dt.type(code)
        return values == c if float(c) == code else None
    if dt.kind in "iu":
        info = np.iinfo(dt)
        if not float(code).is_integer() or not info.min <= code <= info.max:
            return None
        return values == dt.type(int(code))
    return values.astype(np.float64) == code


def grade_range(table: ThresholdTable | CategoricalTable, outside_grade: int | None = None) -> tuple[int, int]:
    """Smallest and largest grade the table (and the outside grade) can produce."""
    g = list(table.grades) + ([] if outside_grade is None else [int(outside_grade)])
    return int(min(g)), int(max(g))


def output_dtype(table: ThresholdTable | CategoricalTable, outside_grade: int | None = None) -> tuple[str, int]:
    """Data type and NoData value for a graded raster: Byte/255 when grades fit 0..254,
    Int16/-32768 otherwise."""
    lo, hi = grade_range(table, outside_grade)
    if lo >= 0 and hi <= 254:
        return "uint8", 255
    if lo > -32768 and hi <= 32767:
        return "int16", -32768
    raise InvalidInputError("Grades must lie between -32767 and 32767; found {low}..{high}.", low=lo, high=hi)


# --------------------------------------------------------------------------------------------
# Table 6 presets
# --------------------------------------------------------------------------------------------
def load_presets(path: str = PRESETS_FILE) -> dict[str, FactorPreset]:
    """The Table 6 factor presets, keyed by factor key, in the file's order."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    closed = data.get("closed", "lower")
    out: dict[str, FactorPreset] = {}
    for item in data["factors"]:
        if item["kind"] == "threshold":
            table: ThresholdTable | CategoricalTable = threshold_table(
                [(r["lower"], r["upper"], r["grade"], r.get("label", "")) for r in item["rows"]], closed)
        else:
            table = categorical_table([(r["code"], r["grade"], r.get("label", "")) for r in item["rows"]])
        out[item["key"]] = FactorPreset(item["key"], item["name"], item.get("unit", ""), table, item.get("note", ""))
    return out


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------
def _bound(value, default: float, row: int) -> float:
    """A table bound: a number, or ``default`` (an infinity) for an empty cell."""
    number = _number(value, row)
    return default if number is None else number


def _number(value, row: int) -> float | None:
    """A table cell as a number; None for an empty cell."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    try:
        out = float(str(value).strip().replace("\u2212", "-"))
    except ValueError:
        raise InvalidInputError("Row {row} of the table: {value} is not a number.", row=row, value=value) from None
    if math.isnan(out):
        raise InvalidInputError("Row {row} of the table: {value} is not a number.", row=row, value=value)
    return out


def _grade(value, row: int) -> int:
    try:
        g = float(str(value).strip())
    except ValueError:
        raise InvalidInputError("Row {row} of the table: the grade {value} is not an integer.", row=row,
                                value=value) from None
    if not math.isfinite(g) or not g.is_integer():
        raise InvalidInputError("Row {row} of the table: the grade {value} is not an integer.", row=row, value=value)
    return int(g)


def _fmt(x: float, empty_infinite: bool = False) -> str:
    if math.isinf(x):
        return "" if empty_infinite else ("inf" if x > 0 else "-inf")
    return f"{x:g}"


def _direction(grades: np.ndarray) -> str:
    d = np.diff(grades)
    if np.all(d >= 0):
        return "ascending"
    if np.all(d <= 0):
        return "descending"
    return "mixed"
