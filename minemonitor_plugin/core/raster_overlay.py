"""Weighted overlay of graded rasters, deterministic sampling, natural breaks and classification.

All functions work on one block (window) of arrays at a time, so the QGIS glue can stream
arbitrarily large rasters through them with bounded memory.

Overlay methods (:data:`OVERLAY_METHODS`):

``sum``
    Plain sum of the grades (the paper's model: 13 factors graded 1-4 summed to 13-52).
``percent``
    ArcGIS Weighted Overlay: integer grades, integer percentage weights summing to 100; the
    weighted sum is rounded half up to an integer (ArcGIS's "rounded to the closest integer",
    e.g. 2.5 -> 3), computed in integer arithmetic so no floating-point tie is lost.
``weighted``
    Float weighted sum with any weights (ArcGIS Weighted Sum).

NoData rules (:data:`NODATA_RULES`): ``propagate`` (NoData in any factor gives NoData) or
``renormalise`` (NoData factors are skipped and the others' weights scaled up so they keep
their total: value = sum(w_i x_i over valid) * sum(all w) / sum(valid w); a pixel with no
valid factor is NoData).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .errors import InvalidInputError
from .grading import passes

OVERLAY_METHODS = ("sum", "percent", "weighted")
NODATA_RULES = ("propagate", "renormalise")

#: Default size of the deterministic sample natural breaks are computed on; 1,000 pixels pin down
#: breaks of integer scores like the paper's 13-52 sums.
DEFAULT_SAMPLE_SIZE = 1000

#: Largest sample accepted: the exact Fisher-Jenks of :mod:`.natural_breaks` takes about 0.4 s for
#: 100,000 distinct values and 4 classes, 1.6 s for 20 classes (docs/benchmarks/natural_breaks.md),
#: and is cancellable between its steps.
MAX_SAMPLE_SIZE = 100_000


@dataclass(frozen=True)
class OverlaySpec:
    """A validated overlay: method, one weight per factor, NoData rule."""

    method: str
    weights: tuple[float, ...]
    nodata_rule: str = "propagate"

    @property
    def integer_output(self) -> bool:
        """True when the score is integer (plain sum without renormalising, or percent)."""
        return self.method == "percent" or (self.method == "sum" and self.nodata_rule == "propagate")

    def describe(self) -> str:
        """English one-liner for logs."""
        w = ", ".join(f"{x:g}" for x in self.weights)
        return f"method {self.method}, weights [{w}], NoData rule {self.nodata_rule}"


@dataclass(frozen=True)
class OverlayBlock:
    """Score of one block: ``values`` (int16, int32 or float) and ``nodata`` (bool)."""

    values: np.ndarray
    nodata: np.ndarray


@dataclass(frozen=True)
class NaturalBreaks:
    """Class breaks for a score raster.

    Attributes
    ----------
    breaks : tuple of float
        Increasing upper bounds of classes 1..k-1 (class k is everything above the last).
        A value equal to a break belongs to the class below it (mapclassify's convention, and the
        paper's "low 22-28, moderate 28-31, relatively high 31-34, high > 34").
    method : str
        ``"fisher_jenks"`` or ``"user"``.
    sample : ndarray
        The deterministic sample the breaks were computed on (empty for user breaks).
    population : int
        Number of valid pixels the sample was drawn from.
    """

    breaks: tuple[float, ...]
    method: str
    sample: np.ndarray
    population: int

    @property
    def k(self) -> int:
        return len(self.breaks) + 1


# --------------------------------------------------------------------------------------------
# weights and overlay
# --------------------------------------------------------------------------------------------
def parse_weights(text: str | Sequence[float] | None, count: int) -> tuple[float, ...] | None:
    """Weights from a string (``"1, 2; 3"``: commas, semicolons or spaces) or a sequence.

    Returns None for an empty value (equal weights). Refuses a count different from ``count``.
    """
    if text is None:
        return None
    if isinstance(text, str):
        parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
        if not parts:
            return None
        try:
            values = [float(p) for p in parts]
        except ValueError:
            bad = next(p for p in parts if not _is_number(p))
            raise InvalidInputError("The weight {value} is not a number.", value=bad) from None
    else:
        values = [float(v) for v in text]
        if not values:
            return None
    if len(values) != count:
        raise InvalidInputError("{given} weights were given for {count} factor rasters.", given=len(values),
                                count=count)
    for v in values:
        if not np.isfinite(v):
            raise InvalidInputError("The weight {value} is not a number.", value=v)
    return tuple(values)


def overlay_spec(count: int, method: str = "sum", weights: str | Sequence[float] | None = None,
                 nodata_rule: str = "propagate") -> OverlaySpec:
    """Validate an overlay of ``count`` factors.

    ``sum`` takes no weights (or all 1); ``percent`` needs integer weights >= 0 summing to 100
    (equal split when none are given and 100 divides evenly); ``weighted`` takes any finite
    weights (default 1 each).
    """
    if count < 1:
        raise InvalidInputError("At least one factor raster is needed.")
    if method not in OVERLAY_METHODS:
        raise InvalidInputError("Unknown overlay method {method}.", method=method)
    if nodata_rule not in NODATA_RULES:
        raise InvalidInputError("Unknown NoData rule {rule}.", rule=nodata_rule)
    w = parse_weights(weights, count)
    if method == "sum":
        if w is not None and any(x != 1 for x in w):
            raise InvalidInputError("The plain sum takes no weights; choose the percent or weighted method to "
                                    "use the weights {weights}.", weights=", ".join(f"{x:g}" for x in w))
        w = (1.0,) * count
    elif method == "percent":
        if w is None:
            if 100 % count:
                raise InvalidInputError("Give percentage weights for the {count} factors: 100 cannot be split "
                                        "equally into whole percentages.", count=count)
            w = (100.0 / count,) * count
        for x in w:
            if x < 0 or not float(x).is_integer():
                raise InvalidInputError("Percentage weights must be whole numbers >= 0; found {value}.", value=x)
        if sum(w) != 100:
            raise InvalidInputError("Percentage weights must add up to 100; they add up to {total}.",
                                    total=f"{sum(w):g}")
    else:
        w = w if w is not None else (1.0,) * count
        if all(x == 0 for x in w):
            raise InvalidInputError("Every weight is 0: the score would be 0 everywhere. Give at least one factor "
                                    "a non-zero weight.")
    if method != "sum" and nodata_rule == "renormalise" and sum(w) == 0:
        raise InvalidInputError("The weights add up to 0, so they cannot be renormalised.")
    return OverlaySpec(method, tuple(float(x) for x in w), nodata_rule)


def weighted_overlay(
    arrays: Sequence[np.ndarray],
    spec: OverlaySpec,
    nodata: Sequence[np.ndarray] | None = None,
    names: Sequence[str] | None = None,
) -> OverlayBlock:
    """Combine one block of factor arrays.

    Parameters
    ----------
    arrays : sequence of ndarray
        Same-shape arrays, one per factor (graded rasters).
    spec : OverlaySpec
    nodata : sequence of bool ndarray, optional
        NoData masks (True = NoData); NaN is NoData too.
    names : sequence of str, optional
        Factor names for messages.

    Returns
    -------
    OverlayBlock
        int16 (sums of one-byte grades) or int32 values for integer outputs
        (:attr:`OverlaySpec.integer_output`), float64 otherwise.

    Raises
    ------
    InvalidInputError
        A percent overlay given a non-integer value.
    """
    if len(arrays) != len(spec.weights):
        raise InvalidInputError("{given} weights were given for {count} factor rasters.", given=len(spec.weights),
                                count=len(arrays))
    shape = np.shape(arrays[0])
    renorm = spec.nodata_rule == "renormalise"
    # NaN must be masked per factor where it would be skipped or cast to an integer; when it only
    # propagates into a float sum, one isnan on the result finds it (13 times cheaper)
    nan_per_factor = renorm or spec.method == "percent"
    masks = []
    for k, a in enumerate(arrays):
        if np.shape(a) != shape:
            raise InvalidInputError("The factor {factor} has a different block shape.", factor=_name(names, k))
        m = np.zeros(shape, dtype=bool) if nodata is None or nodata[k] is None else np.asarray(nodata[k], bool)
        if nan_per_factor and np.asarray(a).dtype.kind == "f":
            m = m | np.isnan(a)
        masks.append(m)
    any_missing = np.zeros(shape, dtype=bool)
    for m in masks:
        any_missing |= m

    acc: np.ndarray | None
    if spec.method == "percent":
        acc = np.zeros(shape, dtype=np.int64)
        wsum = np.zeros(shape, dtype=np.int64) if renorm else None
        for k, (a, m) in enumerate(zip(arrays, masks, strict=True)):
            a = np.asarray(a)
            if a.dtype.kind == "f":
                valid = a[~m]
                bad = valid[valid != np.round(valid)]
                if bad.size:
                    raise InvalidInputError("The factor {factor} has the non-integer value {value}; the percent "
                                            "overlay needs graded (integer) rasters.", factor=_name(names, k),
                                            value=f"{bad[0]:g}")
                a = np.where(m, 0, a).astype(np.int64)
            pct = int(spec.weights[k])
            acc += np.where(m, 0, a.astype(np.int64) * pct)
            if wsum is not None:
                wsum += np.where(m, 0, pct)
        total = np.full(shape, 100, dtype=np.int64) if wsum is None else wsum
        out_nodata = any_missing.copy() if not renorm else (total == 0)
        safe = np.where(total == 0, 1, total)
        # round half up: floor(acc / total + 1/2) = (2 acc + total) // (2 total), exact in integers
        values = ((2 * acc + safe) // (2 * safe)).astype(np.int32)
        return OverlayBlock(values, out_nodata)

    integer = spec.integer_output and all(np.asarray(a).dtype.kind in "iub" for a in arrays)
    sizes = [np.asarray(a).dtype.itemsize for a in arrays]
    # sums of up to 128 one-byte grades fit int16 (128 x 255 < 32767), of 16-bit grades int32
    int_acc = np.int16 if max(sizes) == 1 and len(arrays) <= 128 else np.int32 if max(sizes) <= 2 else np.int64
    # floats accumulate in the inputs' precision (float32 rasters: float32, like the Float32 output)
    float_type = np.result_type(np.float32, *[np.asarray(a).dtype for a in arrays])
    acc_type = np.dtype(int_acc if integer else float_type)
    acc = None
    wsum = np.zeros(shape, dtype=np.float64) if renorm else None
    for k, (a, m) in enumerate(zip(arrays, masks, strict=True)):
        w = spec.weights[k]
        a = np.asarray(a)
        if renorm:
            contrib = np.where(m, 0, a)
            wsum += np.where(m, 0.0, w)
        else:
            # masked pixels end up NoData whatever they add (NaN included): no need to zero them
            contrib = a
        if not (spec.method == "sum" or w == 1.0):
            contrib = contrib * w
        if acc is None:
            # the first term starts the sum (a copy in the accumulator's type: no zeros + add pass)
            acc = np.array(contrib, dtype=acc_type, copy=True)
        else:
            acc += contrib
    assert acc is not None  # arrays[0] exists, so the loop above ran
    if wsum is not None:  # renorm
        total_w = float(sum(spec.weights))
        out_nodata = wsum == 0
        scale = np.where(out_nodata, 0.0, total_w / np.where(wsum == 0, 1.0, wsum))
        values = acc * scale
    else:
        out_nodata = any_missing
        if integer:
            values = acc if acc.dtype == np.int16 else acc.astype(np.int32, copy=False)
        else:
            values = acc
            out_nodata |= np.isnan(values)
    return OverlayBlock(values, out_nodata)


# --------------------------------------------------------------------------------------------
# deterministic sampling
# --------------------------------------------------------------------------------------------
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def pixel_keys(flat_index: np.ndarray, seed: int) -> np.ndarray:
    """Pseudo-random uint64 keys of pixels from their flat index and a seed (SplitMix64).

    A pixel's key does not depend on how the raster is cut into blocks, so the sample (the pixels
    with the smallest keys) is the same whatever the block size or reading order.
    """
    offset = np.uint64(((int(seed) + 1) * 0x9E3779B97F4A7C15) % (1 << 64))  # Python ints: no overflow warning
    x = np.asarray(flat_index, dtype=np.uint64) + offset
    x = (x ^ (x >> np.uint64(30))) * _M1
    x = (x ^ (x >> np.uint64(27))) * _M2
    return x ^ (x >> np.uint64(31))


class DeterministicSample:
    """Uniform random sample without replacement of ``size`` valid pixels, drawn block by block.

    Each valid pixel gets the key :func:`pixel_keys` (flat index, seed); the sample is the
    ``size`` pixels with the smallest keys, kept in O(size) memory.

    Parameters
    ----------
    size : int
        Sample size (all valid pixels when there are fewer).
    seed : int
    """

    def __init__(self, size: int, seed: int = 0) -> None:
        if size < 1:
            raise InvalidInputError("The sample size must be at least 1; got {size}.", size=size)
        self.size = int(size)
        self.seed = int(seed)
        self.population = 0
        self._keys = np.empty(0, dtype=np.uint64)
        self._values = np.empty(0, dtype=np.float64)

    def add(self, values: np.ndarray, flat_index: np.ndarray) -> None:
        """Offer valid ``values`` with their flat pixel indices (same length, 1-D)."""
        values = np.asarray(values, dtype=np.float64).ravel()
        flat_index = np.asarray(flat_index).ravel()
        self.population += values.size
        if not values.size:
            return
        self._offer(pixel_keys(flat_index, self.seed), values)

    def add_block(self, values: np.ndarray, nodata: np.ndarray | None, row: int, col: int, width: int) -> None:
        """Offer a 2-D block whose top-left pixel is (``row``, ``col``) of a grid ``width`` wide."""
        values = np.asarray(values)
        valid = ~np.asarray(nodata, bool) if nodata is not None else np.ones(values.shape, bool)
        if values.dtype.kind == "f":
            valid &= ~np.isnan(values)
        r, c = np.nonzero(valid)
        flat = (r.astype(np.int64) + row) * width + (c.astype(np.int64) + col)
        self.add(values[valid], flat)

    def state(self) -> tuple[np.ndarray, np.ndarray, int]:
        """``(keys, values, population)``: what :meth:`merge` needs (small: at most ``size`` pixels)."""
        return self._keys.copy(), self._values.copy(), self.population

    def merge(self, state: tuple[np.ndarray, np.ndarray, int]) -> None:
        """Add another sample's :meth:`state` (of other pixels, same seed and size).

        Keeping the ``size`` smallest keys of the union gives exactly the sample of all the pixels
        together, in any merge order: samples drawn per window on cluster workers merge into the
        sample the local path draws."""
        keys, values, population = state
        before = self.population
        self._offer(np.asarray(keys, dtype=np.uint64), np.asarray(values, dtype=np.float64))
        self.population = before + int(population)

    def _offer(self, keys: np.ndarray, values: np.ndarray) -> None:
        if self._keys.size >= self.size:
            keep = keys < self._keys.max()
            keys, values = keys[keep], values[keep]
        keys = np.concatenate([self._keys, keys])
        values = np.concatenate([self._values, values])
        if keys.size > self.size:
            idx = np.argpartition(keys, self.size - 1)[: self.size]
            keys, values = keys[idx], values[idx]
        self._keys, self._values = keys, values

    @property
    def values(self) -> np.ndarray:
        """The sample in key order (deterministic)."""
        return self._values[np.argsort(self._keys, kind="stable")]


# --------------------------------------------------------------------------------------------
# natural breaks and classes
# --------------------------------------------------------------------------------------------
def fisher_jenks_breaks(sample: np.ndarray, k: int = 4, population: int | None = None,
                        progress: Callable[[float], bool] | None = None) -> NaturalBreaks:
    """Exact Fisher-Jenks breaks of ``sample`` into ``k`` classes (:func:`.natural_breaks.fisher_jenks`).

    The breaks are the largest value of each class but the last (mapclassify's ``FisherJenks(sample,
    k).bins`` without the sample maximum), so the top class stays open upwards for pixels not in the
    sample. ``progress(fraction) -> bool`` returning False cancels (``CancelledError``).
    """
    from .natural_breaks import fisher_jenks

    sample = np.asarray(sample, dtype=np.float64)
    result = fisher_jenks(sample, k, progress)
    return NaturalBreaks(result.breaks, "fisher_jenks", sample, int(sample.size if population is None else population))


def user_breaks(breaks: str | Sequence[float]) -> NaturalBreaks:
    """Validated user breaks (e.g. the paper's ``"28, 31, 34"``): strictly increasing numbers."""
    if isinstance(breaks, str):
        parts = [p for p in re.split(r"[,;\s]+", breaks.strip()) if p]
        try:
            values = [float(p) for p in parts]
        except ValueError:
            bad = next(p for p in parts if not _is_number(p))
            raise InvalidInputError("The break {value} is not a number.", value=bad) from None
    else:
        values = [float(b) for b in breaks]
    if not values:
        raise InvalidInputError("No class breaks were given.")
    for a, b in itertools.pairwise(values):
        if not a < b:
            raise InvalidInputError("Class breaks must increase; {first} is followed by {second}.",
                                    first=f"{a:g}", second=f"{b:g}")
    if not all(np.isfinite(values)):
        raise InvalidInputError("Class breaks must be finite numbers.")
    return NaturalBreaks(tuple(values), "user", np.empty(0), 0)


def classify(values: np.ndarray, breaks: Sequence[float],
             nodata: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Classes 1..k of ``values`` by upper-inclusive ``breaks`` (value <= breaks[0] -> 1, ...).

    Returns ``(classes uint8, nodata bool)``.
    """
    values = np.asarray(values)
    classes = np.ones(values.shape, dtype=np.uint8)
    for b in breaks:  # one comparison per break, exact for any dtype (no float64 copy)
        classes += passes(values, float(b), "upper")
    mask = np.zeros(values.shape, bool) if nodata is None else np.asarray(nodata, bool).copy()
    if values.dtype.kind == "f":
        mask |= np.isnan(values)
    return classes, mask


def _name(names: Sequence[str] | None, k: int) -> str:
    return names[k] if names is not None and k < len(names) else str(k + 1)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
