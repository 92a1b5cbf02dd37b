"""Per-pixel trend statistics of annual raster stacks: Theil-Sen, Mann-Kendall, OLS, mean.

Every function works on a stack shaped ``(t, ...)`` (years first, any number of
pixel axes after it) with NaN for missing years, vectorised over the pixels and
processed in chunks of pixels so that memory stays bounded by the chunk size.

Conventions (the ones ArcGIS *Generate Trend Raster*, pyMannKendall and
scipy use, so results can be compared with them):

* Theil-Sen slope: the median of the pairwise slopes ``(x_j - x_i) / (t_j - t_i)``
  over all pairs of valid years (the average of the two middle slopes when the
  number of pairs is even), as ``scipy.stats.theilslopes``. Slopes are in units
  per year when ``years`` are calendar years; missing years are gaps, the real
  year spacing is used.
* Mann-Kendall S: the sum of ``sign(x_j - x_i)`` over the valid pairs ``i < j``;
  its variance with the tie correction
  ``Var(S) = [n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)] / 18`` (Kendall 1975);
  ``Z = (S - sign(S)) / sqrt(Var(S))`` (continuity correction), 0 when S is 0;
  the two-sided p-value ``2 (1 - Phi(|Z|))``. ``n`` is the number of valid years.
* Kendall's tau is tau-b, ``S / sqrt(n0 (n0 - n_tied_pairs))`` with
  ``n0 = n(n-1)/2`` (``scipy.stats.kendalltau``); pyMannKendall's ``Tau`` is
  tau-a, ``S / n0``.
* OLS: least-squares slope of the value on the year and its R² (0 for a
  constant series, as ``scipy.stats.linregress``).
* Trend class: -1 significant decrease, 0 no significant trend, 1 significant
  increase, by the Mann-Kendall p-value at ``alpha``.

Pixels with fewer than ``min_years`` valid years get NaN (class
:data:`TREND_CLASS_NODATA`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .errors import CancelledError, InvalidInputError

Progress = Callable[[float], bool]

#: Statistics :func:`trend_statistics` can compute (attribute names of :class:`TrendResult`).
STATISTICS = (
    "sen_slope",
    "mk_s",
    "mk_var_s",
    "mk_z",
    "mk_p",
    "kendall_tau",
    "ols_slope",
    "r2",
    "mean",
    "trend_class",
)
#: Band order of the Mann-Kendall output of ArcGIS *Generate Trend Raster*:
#: Sen's slope, p-value, Mann-Kendall score S, S variance, Z-score.
ARCGIS_MANN_KENDALL_BANDS = ("sen_slope", "mk_p", "mk_s", "mk_var_s", "mk_z")
#: Trend class codes.
TREND_CLASSES = {-1: "significant decrease", 0: "no significant trend", 1: "significant increase"}
#: Trend class of pixels with too few valid years.
TREND_CLASS_NODATA = -128
DEFAULT_MIN_YEARS = 10
DEFAULT_ALPHA = 0.05
#: Pixels per chunk: the pairwise-slope buffer is ``n(n-1)/2 * chunk`` values
#: (253 x 4096 float32 = 4 MB for 23 years), small enough to stay in cache.
DEFAULT_CHUNK_PIXELS = 4096

_MK_STATS = frozenset({"mk_s", "mk_var_s", "mk_z", "mk_p", "kendall_tau", "trend_class"})
_OLS_STATS = frozenset({"ols_slope", "r2", "mean"})
# Invalid pairs of a chunk with missing years are set to -_BIG (below every real slope):
# counts subtract them, masked sums multiply them by 0 (a finite sentinel, unlike -inf).
_BIG = 1.0e30
_SELECT_MAX_PASSES = 40
_GUESS_SPREAD = 1.0  # first pivots: guess +- this many standard errors of the guess


@dataclass(frozen=True)
class YearsCheck:
    """Years of a stack put in order.

    Attributes
    ----------
    years
        The years in increasing order.
    order
        Positions of the input layers in that order (``stack[list(order)]``
        sorts a stack given in input order).
    gaps
        Years missing inside ``[min(years), max(years)]`` (allowed: the trend
        uses the real spacing; report them to the user).
    """

    years: tuple[int, ...]
    order: tuple[int, ...]
    gaps: tuple[int, ...]


@dataclass(frozen=True)
class TrendResult:
    """Per-pixel trend statistics; arrays have the stack's pixel shape.

    Statistics that were not requested are ``None``. Float statistics are
    float64 with NaN where a pixel has fewer than ``min_years`` valid years.

    Attributes
    ----------
    years, alpha, min_years
        The years (increasing), significance level and minimum valid years used.
    n_valid
        Number of valid (finite) years per pixel (int16).
    sen_slope
        Theil-Sen slope (units per year).
    mk_s, mk_var_s, mk_z, mk_p
        Mann-Kendall S, tie-corrected Var(S), continuity-corrected Z, two-sided p.
    kendall_tau
        Kendall's tau-b of value against year.
    ols_slope, r2
        Least-squares slope (units per year) and coefficient of determination.
    mean
        Mean over the valid years.
    trend_class
        int8: -1 significant decrease, 0 none, 1 significant increase,
        :data:`TREND_CLASS_NODATA` for too few years.
    """

    years: tuple[int, ...]
    alpha: float
    min_years: int
    n_valid: np.ndarray
    sen_slope: np.ndarray | None = None
    mk_s: np.ndarray | None = None
    mk_var_s: np.ndarray | None = None
    mk_z: np.ndarray | None = None
    mk_p: np.ndarray | None = None
    kendall_tau: np.ndarray | None = None
    ols_slope: np.ndarray | None = None
    r2: np.ndarray | None = None
    mean: np.ndarray | None = None
    trend_class: np.ndarray | None = None


_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_DATE_RE = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(\d{3}|\d{4})(?!\d)")


def parse_year(name: str) -> int:
    """Year in a layer or file name.

    A standalone four-digit year (1800-2199) is taken, e.g. ``ndvi_2016.tif``,
    ``NDVI 2016``; failing that, the year of a ``YYYYDDD`` (MODIS ``A2016001``)
    or ``YYYYMMDD`` date.

    Raises
    ------
    InvalidInputError
        No year, or several different years, in the name.
    """
    found = {int(m) for m in _YEAR_RE.findall(name)}
    if not found:
        for year, rest in _DATE_RE.findall(name):
            day = int(rest)
            if (len(rest) == 3 and 1 <= day <= 366) or (
                len(rest) == 4 and 1 <= day // 100 <= 12 and 1 <= day % 100 <= 31
            ):
                found.add(int(year))
    if not found:
        raise InvalidInputError("No year (e.g. 2016) found in the layer name {name}", name=name)
    if len(found) > 1:
        raise InvalidInputError(
            "The layer name {name} contains several years ({years}); give the years explicitly",
            name=name,
            years=", ".join(str(y) for y in sorted(found)),
        )
    return found.pop()


def parse_years(names: Sequence[str]) -> tuple[int, ...]:
    """:func:`parse_year` of every name (input order kept)."""
    return tuple(parse_year(name) for name in names)


def parse_year_list(text: str) -> tuple[int, ...]:
    """Years from text such as ``"2001-2005, 2007, 2010-2012"`` (ranges inclusive).

    Raises
    ------
    InvalidInputError
        Text that is not a comma-separated list of years and year ranges.
    """
    years: list[int] = []
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        m = re.fullmatch(r"(\d{3,4})\s*(?:-|–|:)\s*(\d{3,4})|(\d{3,4})", part)
        if m is None:
            raise InvalidInputError("Cannot read {part} as a year or a year range like 2001-2020", part=part)
        if m.group(3) is not None:
            years.append(int(m.group(3)))
        else:
            first, last = int(m.group(1)), int(m.group(2))
            if last < first:
                raise InvalidInputError("The year range {part} ends before it starts", part=part)
            years.extend(range(first, last + 1))
    return tuple(years)


def check_years(years: Iterable[int]) -> YearsCheck:
    """Sort the years of a stack, reject duplicates and report gaps.

    Raises
    ------
    InvalidInputError
        Fewer than two years, non-integer years, or a year given twice.
    """
    ys = [int(y) for y in years]
    if len(ys) < 2:
        raise InvalidInputError("A trend needs at least two years; got {count}", count=len(ys))
    seen: dict[int, int] = {}
    for y in ys:
        seen[y] = seen.get(y, 0) + 1
    dup = sorted(y for y, c in seen.items() if c > 1)
    if dup:
        raise InvalidInputError(
            "Year {year} occurs more than once in the stack", year=", ".join(str(y) for y in dup)
        )
    order = tuple(int(i) for i in np.argsort(ys, kind="stable"))
    sorted_years = tuple(ys[i] for i in order)
    present = set(sorted_years)
    gaps = tuple(y for y in range(sorted_years[0], sorted_years[-1] + 1) if y not in present)
    return YearsCheck(years=sorted_years, order=order, gaps=gaps)


# --------------------------------------------------------------------------------------
# float32 <-> order-preserving uint32 keys (for bisection between adjacent floats)


def _keys(v: np.ndarray) -> np.ndarray:
    """Order-preserving uint64 keys of float32 values (NaN excluded by the caller)."""
    b = np.asarray(v, dtype=np.float32).view(np.uint32).astype(np.uint64)
    return np.where(b >= 0x80000000, 0xFFFFFFFF - b, b + 0x80000000)


def _key_mid(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The float32 halfway in representation order between lo < hi (bisection that always progresses)."""
    klo, khi = _keys(lo), _keys(hi)
    mid = klo + (khi - klo) // 2
    b = np.where(mid < 0x80000000, 0xFFFFFFFF - mid, mid - 0x80000000).astype(np.uint32)
    return b.view(np.float32)


def _count_le(d: np.ndarray, pivot: np.ndarray, buf: np.ndarray, n_inv: np.ndarray) -> np.ndarray:
    """Valid values <= pivot in every column (float32 counts, exact below 2**24)."""
    np.less_equal(d, pivot.astype(d.dtype, copy=False), out=buf)
    acc = np.uint8 if d.shape[0] < 256 else np.int32
    return np.add.reduce(buf.view(np.uint8), axis=0, dtype=acc).astype(np.float32) - n_inv


def _select_median(
    d: np.ndarray,
    n_inv: np.ndarray,
    k1: np.ndarray,
    span: np.ndarray,
    lo: np.ndarray,
    clo: np.ndarray,
    hi: np.ndarray,
    chi: np.ndarray,
    guess: np.ndarray,
    density: np.ndarray,
    spread: np.ndarray,
) -> np.ndarray:
    """Exact median of the valid values of every column of ``d`` (pairs x pixels).

    The median is ``v[k1]`` (``span`` 1) or ``(v[k1] + v[k1 + 1]) / 2`` (``span`` 2)
    of the sorted valid values ``v``. Invalid values are -_BIG; ``n_inv`` counts
    them per column.

    Each pass compares a column with two pivots and counts the values <= each
    (a byte compare and a byte sum per value, on a cache-sized chunk), which
    narrows the bracket ``lo < v[k1] <= ... <= v[k1+span-1] <= hi`` with
    ``clo = #(v <= lo)`` and ``chi = #(v <= hi)``. One pivot hunts the gap just
    below ``v[k1]`` (count ``k1``), the other the gap just above the top middle
    value (count ``k1 + span``); a pivot falling between the two middle values
    bounds both hunts (``hiA``/``loB``). Pivots: ``guess`` (the OLS slope)
    +- a few values at ``density`` (expected values per unit near the median)
    first, then interpolation inside the brackets, or Newton steps with
    ``density`` while a side is open; a bisection in float32 representation
    order when a pivot falls outside. A column is done when its bracket holds
    exactly the ``span`` middle values: one masked sum over ``d`` reads them at
    the end (exact: every other term is a zero). A bracket that narrows to
    copies of one value is settled by testing its mean with two counts; the
    last few columns (under 1%) are sorted.
    """
    f32 = np.float32
    inf32 = f32(np.inf)
    ncol = d.shape[1]
    out = np.full(ncol, np.nan)
    out_lo = np.zeros(ncol, dtype=f32)
    out_hi = np.zeros(ncol, dtype=f32)
    out_div = np.zeros(ncol, dtype=f32)
    gidx = np.arange(ncol)
    lo, clo, hi, chi = (np.array(a, dtype=f32) for a in (lo, clo, hi, chi))
    hi_a, chi_a, lo_b, clo_b = hi.copy(), chi.copy(), lo.copy(), clo.copy()
    two_middles = bool(np.any(np.asarray(span) == 2))
    span = np.asarray(span, dtype=f32)
    k1 = np.asarray(k1, dtype=f32)
    kt = k1 + span
    n_inv = np.asarray(n_inv, dtype=f32)
    ov_first = f32(3.0)
    with np.errstate(divide="ignore"):
        idens = (1.0 / np.asarray(density, dtype=np.float64)).astype(f32)
    g = np.asarray(guess, dtype=f32)
    # first pivots: guess +- the larger of a few values and _GUESS_SPREAD standard errors of the guess
    h0 = np.maximum((0.5 * span + ov_first) * idens, f32(_GUESS_SPREAD) * np.asarray(spread, dtype=f32))
    done = np.zeros(ncol, dtype=bool)
    tried = np.full(ncol, -1.0, dtype=f32)  # bracket size at the last one-value test
    da = d
    buf = np.empty(d.shape, dtype=bool)
    tail = max(16, ncol // 128)
    ov = f32(3.0)  # open side: aim this many values beyond the target gap
    it = 0
    w_prev = None  # bracket widths of the previous pass (compared from the fourth pass on)
    while True:
        fin = (chi - clo == span) & ~done
        if fin.any():
            gi = gidx[fin]
            out_lo[gi] = np.maximum(lo[fin], f32(-_BIG))
            out_hi[gi] = hi[fin]
            out_div[gi] = span[fin]
            done |= fin
        w = chi - clo
        if it >= 3:
            # a bracket that stopped shrinking (or became very narrow) may hold copies of one value
            with np.errstate(invalid="ignore"):
                stalled = (w == w_prev) | ((hi - lo) <= f32(1e-4) * np.abs(hi))
            cand = ~done & stalled & (w <= 64) & (w != tried)
            if cand.any():
                # copies of one value fill the bracket? their mean is that value: test it with two counts
                cols = np.nonzero(cand)[0]
                tried[cols] = w[cols]  # test again only once the bracket has changed
                sub = np.take(da, cols, axis=1)
                msk = (sub > lo[cols]) & (sub <= hi[cols])
                total = np.einsum("pc,pc->c", sub, msk, dtype=np.float64, casting="unsafe")
                mv = (total / (chi[cols] - clo[cols])).astype(f32)
                le = _count_le(sub, mv, msk, n_inv[cols])
                np.less(sub, mv, out=msk)
                lt = np.add.reduce(msk.view(np.uint8), axis=0, dtype=np.int32).astype(f32) - n_inv[cols]
                ok = (lt <= k1[cols]) & (le >= kt[cols])
                out[gidx[cols[ok]]] = mv[ok]
                done[cols[ok]] = True
        alive = ~done
        n_alive = int(np.count_nonzero(alive))
        if n_alive == 0:
            break
        if n_alive <= tail or it >= _SELECT_MAX_PASSES:
            rest = np.nonzero(alive)[0]
            srt = np.sort(np.take(da, rest, axis=1), axis=0)
            pos = np.arange(rest.size)
            kk = (k1[rest] + n_inv[rest]).astype(np.intp)
            top = np.minimum(kk + 1, srt.shape[0] - 1)
            out[gidx[rest]] = np.where(
                span[rest] == 2, 0.5 * (srt[kk, pos].astype(np.float64) + srt[top, pos]), srt[kk, pos]
            )
            break
        if n_alive <= da.shape[1] // 2:
            idx = np.nonzero(alive)[0]
            da = np.take(da, idx, axis=1)
            buf = np.empty(da.shape, dtype=bool)
            state: tuple[np.ndarray, ...] = (
                gidx, lo, hi, clo, chi, hi_a, chi_a, lo_b, clo_b, k1, kt, span, n_inv, idens, g, tried, h0
            )
            gidx, lo, hi, clo, chi, hi_a, chi_a, lo_b, clo_b, k1, kt, span, n_inv, idens, g, tried, h0 = (
                a[idx] for a in state
            )
            done = np.zeros(n_alive, dtype=bool)
            w = chi - clo
        with np.errstate(all="ignore"):
            if it == 0:
                pa, pb = g - h0, g + h0
            else:
                # w values spread over a bracket sit near 1/(w+1), 2/(w+1) ... of it
                st_a = (hi_a - lo) / (chi_a - clo + 1)
                st_a = np.where(np.isfinite(st_a), st_a, idens)
                st_b = (hi - lo_b) / (chi - clo_b + 1)
                st_b = np.where(np.isfinite(st_b), st_b, idens)
                pa = np.where(
                    lo > -inf32,
                    lo + (k1 - clo + 0.5 + ov * (hi_a == inf32)) * st_a,
                    hi_a - (chi_a - k1 - 0.5 + ov) * st_a
                )
                pb = np.where(
                    lo_b > -inf32,
                    lo_b + (kt - clo_b + 0.5 + ov * (hi == inf32)) * st_b,
                    hi - (chi - kt - 0.5 + ov) * st_b
                )
                low_done = clo == k1
                high_done = (chi == kt) & ~low_done
                # one gap found: both pivots hunt the other one, half a value either side of its estimate
                if low_done.any():
                    pa = np.where(low_done, lo_b + (kt - clo_b) * st_b, pa)
                    pb = np.where(low_done, lo_b + (kt - clo_b + 1) * st_b, pb)
                if high_done.any():
                    pa = np.where(high_done, lo + (k1 - clo) * st_a, pa)
                    pb = np.where(high_done, lo + (k1 - clo + 1) * st_a, pb)
            pa = pa.astype(f32)
            pb = pb.astype(f32)
            bad = ~((pa > lo) & (pa < hi))
            if bad.any():
                low_done = clo == k1
                pa[bad] = _key_mid(np.where(low_done, lo_b, lo)[bad], np.where(low_done, hi, hi_a)[bad])
            bad = ~((pb > lo) & (pb < hi))
            if bad.any():
                high_done = chi == kt
                pb[bad] = _key_mid(np.where(high_done, lo, lo_b)[bad], np.where(high_done, hi_a, hi)[bad])
        ca = _count_le(da, pa, buf, n_inv)
        cb = _count_le(da, pb, buf, n_inv)
        for p, c in ((pa, ca), (pb, cb)):
            below = (c <= k1) & (p > lo)
            above = (c >= kt) & (p < hi)
            lo = np.where(below, p, lo)
            clo = np.where(below, c, clo)
            hi = np.where(above, p, hi)
            chi = np.where(above, c, chi)
            if two_middles:
                in_a = (c > k1) & (p < hi_a)
                in_b = (c < kt) & (p > lo_b)
                hi_a = np.where(in_a, p, hi_a)
                chi_a = np.where(in_a, c, chi_a)
                lo_b = np.where(in_b, p, lo_b)
                clo_b = np.where(in_b, c, clo_b)
        if not two_middles:  # one middle value: the two hunts share the bracket
            hi_a, chi_a, lo_b, clo_b = hi, chi, lo, clo
        w_prev = w
        it += 1
    read = out_div > 0
    if read.any():
        mask = d > out_lo.astype(d.dtype)[None, :]
        mask &= d <= out_hi.astype(d.dtype)[None, :]
        if np.any(out_div == 2):
            total = np.einsum("pc,pc->c", d, mask, dtype=np.float64, casting="unsafe")
        else:
            total = np.einsum("pc,pc->c", d, mask.astype(d.dtype))
        out[read] = total[read] / out_div[read]
    return out


def _sen_median(
    d: np.ndarray,
    m: np.ndarray,
    n_inv: np.ndarray,
    neg: np.ndarray,
    zeros: np.ndarray,
    guess: np.ndarray,
    density: np.ndarray,
    spread: np.ndarray,
) -> np.ndarray:
    """Median of the valid pairwise slopes of every column; the sign counts act as a pivot at 0."""
    c = d.shape[1]
    k1 = (m - 1) // 2
    span = np.where(m % 2 == 0, 2, 1)
    kt = k1 + span
    le0, lt0 = neg + zeros, neg
    out = np.full(c, np.nan)
    is_zero = (lt0 <= k1) & (le0 >= kt)  # every middle slope is exactly 0 (tied values)
    out[is_zero] = 0.0
    lo = np.where(le0 <= k1, 0.0, -np.inf)
    clo = np.where(le0 <= k1, le0, 0)
    hi = np.where(le0 >= kt, 0.0, np.inf)
    chi = np.where(le0 >= kt, le0, m)
    tiny = -float(np.nextafter(np.float32(0), np.float32(1)))
    neg_hi = (lt0 >= kt) & (hi > tiny)  # all middle slopes < 0: bound them by the largest float below 0
    hi = np.where(neg_hi, tiny, hi)
    chi = np.where(neg_hi, lt0, chi)
    todo = np.nonzero(~is_zero & (m > 0))[0]
    if todo.size:
        out[todo] = _select_median(
            np.take(d, todo, axis=1) if todo.size < c else d,
            n_inv[todo],
            k1[todo],
            span[todo],
            lo[todo],
            clo[todo],
            hi[todo],
            chi[todo],
            guess[todo],
            density[todo],
            spread[todo],
        )
    return out


# --------------------------------------------------------------------------------------


def _normal_sf2(z: np.ndarray) -> np.ndarray:
    """Two-sided normal tail probability 2 (1 - Phi(|z|))."""
    from scipy.special import ndtr

    return 2.0 * ndtr(-np.abs(z))


def _tie_terms(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Tied pairs and tied triples of each column of x (t, c), NaN ignored.

    ``sum_g t_g (t_g - 1)(2 t_g + 5) = 18 * pairs + 12 * triples`` for tie groups of size t_g.
    """
    s = np.sort(x, axis=0)
    run = np.zeros(x.shape[1], dtype=np.int64)
    pairs = np.zeros(x.shape[1], dtype=np.int64)
    triples = np.zeros(x.shape[1], dtype=np.int64)
    for j in range(1, x.shape[0]):
        eq = s[j] == s[j - 1]
        run = np.where(eq, run + 1, 0)
        pairs += run
        triples += run * (run - 1) // 2
    return pairs, triples


class _Plan:
    """Per-call constants: centred years, pair indices and spacings."""

    def __init__(self, years: np.ndarray, dtype: np.dtype) -> None:
        self.t = years.astype(np.float64)
        self.tc = self.t - self.t.mean()
        n = years.size
        self.n = n
        i, j = np.triu_indices(n, 1)
        self.pi, self.pj = i, j
        self.dt = (self.t[j] - self.t[i]).astype(dtype)
        self.dtype = dtype
        self.npairs = i.size


def _chunk(x: np.ndarray, plan: _Plan, want: frozenset[str], full: bool) -> dict[str, np.ndarray]:
    """Statistics of one chunk ``x`` (t, c) whose columns all have >= min_years valid years."""
    t, c = x.shape
    res: dict[str, np.ndarray] = {}
    need_pairs = "sen_slope" in want or bool(want & _MK_STATS)
    need_ols = bool(want & _OLS_STATS) or "sen_slope" in want
    if full:
        valid = None
        n = np.full(c, t, dtype=np.int64)
    else:
        valid = np.isfinite(x)
        n = valid.sum(axis=0).astype(np.int64)
    if need_ols:
        xd = x.astype(np.float64)
        if valid is None:
            mean = xd.mean(axis=0)
            xc = xd - mean
            dtt = plan.tc
            stx = dtt @ xc
            stt = np.full(c, float(dtt @ dtt))
            syy = np.einsum("tc,tc->c", xc, xc)
        else:
            w = valid.astype(np.float64)
            x0 = np.where(valid, xd, 0.0)
            mean = x0.sum(axis=0) / n
            tbar = (plan.tc @ w) / n
            dtt = (plan.tc[:, None] - tbar[None, :]) * w
            xc = (x0 - mean) * w
            stx = np.einsum("tc,tc->c", dtt, xc)
            stt = np.einsum("tc,tc->c", dtt, dtt)
            syy = np.einsum("tc,tc->c", xc, xc)
        slope = stx / stt
        res["mean"] = mean
        res["ols_slope"] = slope
        with np.errstate(invalid="ignore", divide="ignore"):
            r2 = np.where(syy > 0, stx * stx / (stt * syy), 0.0)
        res["r2"] = np.clip(r2, 0.0, 1.0)
        ssr = np.maximum(syy - slope * stx, 0.0)
    if not need_pairs:
        return res
    # pairwise slopes, pairs along axis 0 (pixels contiguous for the pivot passes)
    d = np.empty((plan.npairs, c), dtype=plan.dtype)
    o = 0
    for i in range(t - 1):
        k = t - 1 - i
        np.subtract(x[i + 1 :], x[i], out=d[o : o + k])
        o += k
    np.divide(d, plan.dt[:, None], out=d)
    m = n * (n - 1) // 2
    n_inv = plan.npairs - m
    if valid is not None:
        np.fmax(d, plan.dtype.type(-_BIG), out=d)  # NaN (invalid pair) -> -_BIG
    buf = np.empty(d.shape, dtype=bool)
    acc = np.uint8 if plan.npairs < 256 else np.int32
    np.greater(d, 0, out=buf)
    pos = np.add.reduce(buf.view(np.uint8), axis=0, dtype=acc).astype(np.int64)
    np.less(d, 0, out=buf)
    neg = np.add.reduce(buf.view(np.uint8), axis=0, dtype=acc).astype(np.int64) - n_inv
    del buf
    zeros = m - pos - neg
    s = pos - neg
    if want & _MK_STATS:
        tied_pairs = np.zeros(c, dtype=np.int64)
        triples = np.zeros(c, dtype=np.int64)
        tied = np.nonzero(zeros > 0)[0]
        if tied.size:
            tp, tt = _tie_terms(np.take(x, tied, axis=1))
            tied_pairs[tied], triples[tied] = tp, tt
        nf = n.astype(np.float64)
        var = (nf * (nf - 1) * (2 * nf + 5) - 18.0 * tied_pairs - 12.0 * triples) / 18.0
        with np.errstate(invalid="ignore", divide="ignore"):
            z = np.where(var > 0, (s - np.sign(s)) / np.sqrt(np.where(var > 0, var, 1.0)), 0.0)
            denom = np.sqrt(m.astype(np.float64) * (m - tied_pairs))
            tau = np.where(denom > 0, s / np.where(denom > 0, denom, 1.0), np.nan)
        res["mk_s"] = s.astype(np.float64)
        res["mk_var_s"] = var
        res["mk_z"] = z
        res["mk_p"] = _normal_sf2(z)
        res["kendall_tau"] = tau
    if "sen_slope" in want:
        # expected number of pairwise slopes per unit slope near the median (normal errors):
        # sum over pairs of dt / (2 sigma sqrt(pi)); steers the first pivots
        if valid is None:
            sum_dt = np.full(c, float(plan.dt.astype(np.float64).sum()))
        else:
            rank = np.cumsum(valid, axis=0) - 1
            sum_dt = (plan.t[:, None] * valid * (2 * rank - (n[None, :] - 1))).sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            sigma = np.sqrt(ssr / np.maximum(n - 2, 1))
            density = sum_dt / (2.0 * sigma * np.sqrt(np.pi))
        density = np.where(np.isfinite(density) & (density > 0), density, np.inf)
        with np.errstate(invalid="ignore", divide="ignore"):
            spread = sigma / np.sqrt(stt)  # standard error of the OLS slope
        res["sen_slope"] = _sen_median(d, m, n_inv, neg, zeros, res["ols_slope"], density, spread)
    return res


def trend_statistics(
    stack: np.ndarray,
    years: Sequence[int] | np.ndarray,
    *,
    statistics: Iterable[str] | None = None,
    alpha: float = DEFAULT_ALPHA,
    min_years: int = DEFAULT_MIN_YEARS,
    chunk_pixels: int = DEFAULT_CHUNK_PIXELS,
    workers: int = 1,
    progress: Progress | None = None,
) -> TrendResult:
    """Theil-Sen, Mann-Kendall, OLS and mean of every pixel of an annual stack.

    Parameters
    ----------
    stack
        Array ``(t, ...)``: one layer per year, NaN (or inf) for missing values.
        float32 and integer stacks up to 16 bits are processed in float32
        (exact for them), others in float64.
    years
        The year of each layer (any order; the stack is put in year order).
    statistics
        Names from :data:`STATISTICS` to compute (default all). Asking only
        for ``ols_slope``/``r2``/``mean`` skips the pairwise work.
    alpha
        Two-sided significance level of the trend class.
    min_years
        Pixels with fewer valid years get NaN / :data:`TREND_CLASS_NODATA`.
    chunk_pixels
        Pixels processed together (memory ~ ``n(n-1)/2 * chunk_pixels * 5`` bytes per worker).
    workers
        Threads computing chunks at the same time (numpy releases the GIL in its loops).
    progress
        ``progress(fraction) -> bool`` called per chunk; returning False cancels.

    Returns
    -------
    TrendResult

    Raises
    ------
    InvalidInputError
        Years and layers disagree, duplicate years, unknown statistic, or
        ``alpha``/``min_years`` out of range.
    CancelledError
        ``progress`` returned False.

    Notes
    -----
    The Theil-Sen median is selected exactly, not by sorting the pairwise
    slopes: counting passes over a cache-sized chunk of slopes narrow a
    bracket around the middle slope(s) (see :func:`_select_median`), which is
    several times faster than ``np.median``/``np.partition`` on the pair axis.

    References
    ----------
    Sen, P. K. (1968) JASA 63:1379-1389; Theil, H. (1950); Mann, H. B. (1945)
    Econometrica 13:245-259; Kendall, M. G. (1975) Rank Correlation Methods.

    Examples
    --------
    >>> import numpy as np
    >>> r = trend_statistics(np.array([1.0, 2.0, 4.0, 3.0, 5.0]), [2001, 2002, 2003, 2004, 2005], min_years=3)
    >>> float(r.sen_slope), float(r.mk_s)
    (1.0, 8.0)
    """
    x = np.asarray(stack)
    if x.ndim == 0:
        raise InvalidInputError("The stack must have a year axis; got a single value {value}", value=x)
    ys = np.asarray(list(years) if not isinstance(years, np.ndarray) else years)
    if ys.ndim != 1 or ys.size != x.shape[0]:
        raise InvalidInputError(
            "The stack has {layers} layers but {years} years were given", layers=x.shape[0], years=ys.size
        )
    ys64 = ys.astype(np.float64)
    if not np.all(np.isfinite(ys64)) or np.any(ys64 != np.round(ys64)):
        raise InvalidInputError("Years must be whole numbers; got {years}", years=", ".join(str(y) for y in ys))
    check = check_years(ys.astype(np.int64).tolist())
    want = frozenset(STATISTICS if statistics is None else statistics)
    unknown = sorted(want - set(STATISTICS))
    if unknown:
        raise InvalidInputError("Unknown trend statistic {name}", name=", ".join(unknown))
    if not 0.0 < float(alpha) < 1.0:
        raise InvalidInputError("The significance level must be between 0 and 1; got {alpha}", alpha=alpha)
    n_years = x.shape[0]
    if int(min_years) < 3 or int(min_years) > n_years:
        raise InvalidInputError(
            "The minimum number of valid years must be between 3 and the number of layers ({layers}); got {value}",
            layers=n_years,
            value=min_years,
        )
    min_years = int(min_years)
    work: np.dtype
    if (x.dtype.kind in "biu" and x.dtype.itemsize <= 2) or x.dtype in (np.float16, np.float32):
        work = np.dtype(np.float32)
    else:
        work = np.dtype(np.float64)
    order = np.asarray(check.order)
    if not np.array_equal(order, np.arange(n_years)):
        x = x[order]
    pix_shape = x.shape[1:]
    flat = x.reshape(n_years, -1)
    npix = flat.shape[1]
    plan = _Plan(np.asarray(check.years), work)

    if flat.dtype.kind == "f":
        n_valid = np.isfinite(flat).sum(axis=0).astype(np.int16)
    else:
        n_valid = np.full(npix, n_years, dtype=np.int16)
    enough = n_valid >= min_years
    full_idx = np.nonzero(n_valid == n_years)[0]
    part_idx = np.nonzero(enough & (n_valid < n_years))[0]

    float_stats = [s for s in STATISTICS if s in want and s != "trend_class"]
    need = set(want)
    if "trend_class" in want:
        need.add("mk_p")
        need.add("mk_s")
    out = {s: np.full(npix, np.nan) for s in need if s != "trend_class"}
    # keep the pairwise-slope buffer near chunk_pixels * 253 values whatever the number of years
    chunk_pixels = max(1, min(int(chunk_pixels), int(chunk_pixels) * 253 // max(plan.npairs, 1)))
    total = full_idx.size + part_idx.size
    done = 0
    contiguous_full = full_idx.size == npix
    tasks = [
        (idx[start : start + chunk_pixels], full, start)
        for idx, full in ((full_idx, True), (part_idx, False))
        for start in range(0, idx.size, chunk_pixels)
    ]
    need_f = frozenset(need)

    def run(task: tuple[np.ndarray, bool, int]) -> dict[str, np.ndarray]:
        sel, full, start = task
        if full and contiguous_full:
            xc = flat[:, start : start + sel.size]
        else:
            xc = np.take(flat, sel, axis=1)
        xc = np.ascontiguousarray(xc, dtype=work)
        if not full:
            xc = np.where(np.isfinite(xc), xc, np.nan).astype(work, copy=False)
        return _chunk(xc, plan, need_f, full)

    def store(task: tuple[np.ndarray, bool, int], res: dict[str, np.ndarray]) -> None:
        nonlocal done
        sel, full, start = task
        for name, arr in out.items():
            if full and contiguous_full:
                arr[start : start + sel.size] = res[name]
            else:
                arr[sel] = res[name]
        done += sel.size
        if progress is not None and progress(done / total) is False:
            raise CancelledError()

    if workers > 1 and len(tasks) > 1:
        # numpy releases the GIL in its loops: chunks on several threads use several cores
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(max_workers=int(workers), thread_name_prefix="minemonitor-trend")
        try:
            for task, res in zip(tasks, pool.map(run, tasks), strict=True):
                store(task, res)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        for task in tasks:
            store(task, run(task))
    fields: dict[str, np.ndarray] = {}
    for name in float_stats:
        fields[name] = out[name].reshape(pix_shape)
    if "trend_class" in want:
        p, s = out["mk_p"], out["mk_s"]
        cls = np.where(np.isnan(p), TREND_CLASS_NODATA, np.where(p < alpha, np.sign(s), 0)).astype(np.int8)
        fields["trend_class"] = cls.reshape(pix_shape)
    return TrendResult(
        years=check.years,
        alpha=float(alpha),
        min_years=min_years,
        n_valid=n_valid.reshape(pix_shape),
        **fields,
    )


def arcgis_mann_kendall_bands(result: TrendResult) -> np.ndarray:
    """The Mann-Kendall statistics as a float32 stack in ArcGIS band order.

    Band 1 Sen's slope, 2 p-value, 3 S, 4 Var(S), 5 Z (:data:`ARCGIS_MANN_KENDALL_BANDS`).

    Raises
    ------
    InvalidInputError
        One of the five statistics was not computed.
    """
    arrays = []
    for name in ARCGIS_MANN_KENDALL_BANDS:
        a = getattr(result, name)
        if a is None:
            raise InvalidInputError("The statistic {name} was not computed", name=name)
        arrays.append(np.asarray(a, dtype=np.float32))
    return np.stack(arrays)
