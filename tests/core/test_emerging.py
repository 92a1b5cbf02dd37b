"""Emerging hot spots: space-time weights by brute force, Gi* of the cube against hand formulas and esda,
the categories against ArcGIS's definitions, hand-built series and a port of sfdep's rules."""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from minemonitor_plugin.core.emerging import (
    CATEGORIES,
    CONSECUTIVE,
    DIMINISHING,
    HISTORICAL,
    INTENSIFYING,
    NEW,
    NO_PATTERN,
    OSCILLATING,
    PERSISTENT,
    SPORADIC,
    classify,
    emerging_hot_spots,
    space_time_weights,
)
from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.spatial_stats import gi_star
from minemonitor_plugin.core.trend import trend_statistics
from minemonitor_plugin.core.weights import inverse_distance_weights, lattice_weights
from tests.support.lattices import to_libpysal
from tools.crosscheck_sfdep import final_run, sfdep_classify

RTOL = 1e-10


def _lattice(side):
    r, c = np.divmod(np.arange(side * side), side)
    return r, c, lattice_weights(r, c, "queen")


# ---------------------------------------------------------------------------------------------
# space-time neighbours


def _brute_neighbours(w, n_t, k):
    """{(bin, neighbour bin): weight} built by the definition, with dictionaries."""
    n = w.n
    dense = w.base.toarray()
    out = {}
    for t in range(n_t):
        for i in range(n):
            row = dense[i]
            self_w = row.max() if row.any() else 1.0
            for lag in range(0, min(t, k) + 1):
                for j in range(n):
                    if j == i and lag == 0:
                        continue
                    weight = self_w if j == i else row[j]
                    if weight:
                        out[(t * n + i, (t - lag) * n + j)] = weight
    return out


@pytest.mark.parametrize("k", [0, 1, 2, 5])
def test_space_time_weights_by_definition(k):
    _, _, w = _lattice(4)
    st_w = space_time_weights(w, 4, k)
    m = st_w.base.tocoo()
    got = {(int(i), int(j)): float(v) for i, j, v in zip(m.row, m.col, m.data, strict=True)}
    assert got == _brute_neighbours(w, 4, k)
    assert st_w.base.has_sorted_indices and st_w.n == 16 * 4
    # bin (i, t) for t >= k has its 8 (or fewer) spatial neighbours once per epoch and itself k times
    assert st_w.cardinalities[3 * 16 + 5] == 8 * (min(3, k) + 1) + min(3, k)


def test_space_time_weights_keep_weights_and_use_the_row_max_for_earlier_selves():
    xy = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [3.0, 3.0]])
    w = inverse_distance_weights(xy, threshold=3.5)
    st_w = space_time_weights(w, 3, 1)
    got = {(int(i), int(j)): v for i, j, v in zip(*st_w.base.nonzero(), st_w.base.data, strict=True)}
    assert got == pytest.approx(_brute_neighbours(w, 3, 1))


def test_space_time_weights_bad_input():
    _, _, w = _lattice(3)
    with pytest.raises(InvalidInputError, match="time step"):
        space_time_weights(w, 3, -1)
    with pytest.raises(InvalidInputError, match="at least one epoch"):
        space_time_weights(w, 0, 1)


# ---------------------------------------------------------------------------------------------
# Gi* of the cube


def _gi_star_z(y, dense_w):
    """Ord & Getis (1995) Gi* z with the bin itself weighing 1, from a dense binary matrix."""
    n = y.size
    star = dense_w + np.eye(n)
    wi = star.sum(axis=1)
    s1 = (star**2).sum(axis=1)
    return (star @ y - y.mean() * wi) / (y.std() * np.sqrt((n * s1 - wi**2) / (n - 1)))


def test_cube_gi_star_equals_the_textbook_formula_and_esda():
    rng = np.random.default_rng(5)
    _, _, w = _lattice(5)
    values = rng.gamma(0.5, 2.0, (25, 4))
    res = emerging_hot_spots(values, w, time_steps=1, permutations=0, fdr=False)
    st_w = space_time_weights(w, 4, 1)
    y = values.T.ravel()
    z = _gi_star_z(y, st_w.base.toarray())
    np.testing.assert_allclose(res.z, z.reshape(4, 25).T, rtol=RTOL)
    np.testing.assert_allclose(res.p, 2 * stats.norm.sf(np.abs(res.z)), rtol=1e-9)


def test_cube_gi_star_equals_esda(esda, libpysal):
    rng = np.random.default_rng(5)
    _, _, w = _lattice(5)
    values = rng.gamma(0.5, 2.0, (25, 4))
    res = emerging_hot_spots(values, w, time_steps=1, permutations=0, fdr=False)
    st_w = space_time_weights(w, 4, 1)
    y = values.T.ravel()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = esda.G_Local(y, to_libpysal(st_w.transformed("B"), libpysal), transform="B", star=True, permutations=0)
    np.testing.assert_allclose(res.z.T.ravel(), g.Zs, rtol=1e-9)


def test_sfdep_standardises_each_epoch_which_differs_from_the_whole_cube():
    """sfdep's local_g_spt_calc (ported): each epoch's own mean and variance, lagged neighbour sums."""
    rng = np.random.default_rng(8)
    side, n_t = 10, 3
    n = side * side
    _, _, w = _lattice(side)
    values = rng.gamma(0.5, 2.0, (n, n_t)) + np.array([0.0, 1.0, 3.0])  # the level rises over time
    dense = space_time_weights(w, n_t, 1).base.toarray()
    y = values.T.ravel()
    sfdep = np.empty(n * n_t)
    for t in range(n_t):
        rows = slice(n * t, n * (t + 1))
        # include_self() neighbours, row-standardised, the same weights repeated for the lagged epoch
        own = dense[rows][:, n * t : n * (t + 1)] + np.eye(n)
        wj = np.hstack([own / own.sum(axis=1, keepdims=True)] * (1 + min(t, 1)))
        cols = slice(n * (t - min(t, 1)), n * (t + 1))
        x = values[:, t]
        wi, s1 = wj.sum(axis=1), (wj**2).sum(axis=1)
        si2 = ((x - x.mean()) ** 2).sum() / n
        sfdep[rows] = (wj @ y[cols] - wi * x.mean()) / np.sqrt(si2 * (n * s1 - wi**2) / (n - 1))
    ours = emerging_hot_spots(values, w, transform="R", permutations=0, fdr=False).z.T.ravel()
    assert np.isfinite(sfdep).all() and not np.allclose(ours, sfdep, rtol=0.05)
    # the whole cube sees the last, higher epoch as hot; sfdep compares it with itself plus the lower lag
    assert ours[2 * n :].mean() > 1.0 > 0.0 > sfdep[2 * n :].mean()


# ---------------------------------------------------------------------------------------------
# categories: ArcGIS's definitions on hand-built series


def _series(text):
    """'H' hot, 'C' cold, '.' neither, one character per epoch."""
    return np.array([c == "H" for c in text])[:, None], np.array([c == "C" for c in text])[:, None]


def _category(text, trend=0):
    """Category of a series with a significant increasing (1), decreasing (-1) or no (0) trend."""
    hot, cold = _series(text)
    z, p = {1: (3.0, 0.003), -1: (-3.0, 0.003), 0: (0.4, 0.69)}[trend]
    return int(classify(hot, cold, np.array([z]), np.array([p]), 0.05)[0])


@pytest.mark.parametrize("text, trend, code", [
    ("..........H", 0, NEW),                       # hot in the final epoch, never before
    ("........HHH", 0, CONSECUTIVE),               # one final run of 3
    ("..........HH", 1, CONSECUTIVE),              # a run of 2 is enough
    (".H......HHH", 0, SPORADIC),                  # hot before the final run: on and off
    ("H.H.H.H.H.H", 1, SPORADIC),
    ("HHHHHHHHHHH", 1, INTENSIFYING),              # hot throughout, z increasing
    (".HHHHHHHHHH", 1, INTENSIFYING),              # 10 of 11 = 91 % (>= 90 %)
    ("HHHHHHHHHHH", 0, PERSISTENT),
    ("HHHHHHHHHHH", -1, DIMINISHING),
    ("HH.HHHHHHHHH", 0, PERSISTENT),               # 11 of 12
    ("HHHHHHHHHH.", 0, HISTORICAL),                # 10 of 11, the final one not hot
    ("HHHHHHHHHH.", 1, HISTORICAL),                # whatever the trend
    ("HHHHHHHHH..H", 0, SPORADIC),                 # 10 of 12 = 83 %: not 90 %
    ("HHHHHHHHH.", 0, HISTORICAL),                 # 9 of 10 = 90 % exactly
    ("C.........H", 0, OSCILLATING),               # a cold spot before: oscillating, not new
    ("C.......HHH", 0, OSCILLATING),               # ... not consecutive
    ("CCCCCCCCCCH", 0, OSCILLATING),               # not a historical cold spot
    ("...........", 1, NO_PATTERN),
    ("HHH........", 0, NO_PATTERN),                # hot early only, less than 90 %
    ("HH", 0, PERSISTENT),                         # short series: 90 % means every epoch
    ("H.HH", 0, SPORADIC),
])
def test_categories_follow_arcgis_definitions(text, trend, code):
    assert _category(text, trend) == code
    mirrored = text.replace("H", "x").replace("C", "H").replace("x", "C")
    assert _category(mirrored, -trend) == -code  # cold spots mirror hot ones, trends reversed


def test_classify_bad_input():
    with pytest.raises(InvalidInputError, match="both a hot and a cold"):
        classify(np.ones((3, 1), bool), np.ones((3, 1), bool), [0.0], [1.0])
    with pytest.raises(InvalidInputError, match="same shape"):
        classify(np.ones((3, 2), bool), np.ones((3, 1), bool), [0.0], [1.0])


@settings(max_examples=300, deadline=None)
@given(states=st.lists(st.sampled_from("HC."), min_size=3, max_size=14), trend=st.sampled_from([-1, 0, 1]))
def test_property_categories_are_consistent_with_the_series(states, trend):
    text = "".join(states)
    code = _category(text, trend)
    hot, cold = text.count("H"), text.count("C")
    n = len(text)
    assert code in CATEGORIES
    if text[-1] == "H":
        assert 1 <= code <= 7  # a final hot spot has a hot pattern other than historical
    elif text[-1] == "C":
        assert -7 <= code <= -1
    else:
        assert code in (0, HISTORICAL, -HISTORICAL)
        assert (code == HISTORICAL) == (10 * hot >= 9 * n) and (code == -HISTORICAL) == (10 * cold >= 9 * n)
    if abs(code) in (INTENSIFYING, PERSISTENT, DIMINISHING, HISTORICAL):
        assert 10 * (hot if code > 0 else cold) >= 9 * n
    if abs(code) in (NEW, CONSECUTIVE, SPORADIC, OSCILLATING):
        assert 10 * (hot if code > 0 else cold) < 9 * n
    if abs(code) == OSCILLATING:
        assert (cold if code > 0 else hot) > 0


# ---------------------------------------------------------------------------------------------
# categories against sfdep's classify_hotspot (R/emerging-hostpot-classifications.R, sfdep 0.2.x),
# ported rule by rule in its order of tests in tools/crosscheck_sfdep.py; every disagreement must be
# one of the differences documented in the algorithm's help.


def _ours(code):
    if code == 0:
        return "no pattern"
    name = CATEGORIES[code].lower().split()
    return f"{name[0]} {name[1]}"


def _explained(a, b, hot, cold, gs):
    """The documented difference that makes sfdep say ``a`` where MineMonitor says ``b`` (None if none)."""
    sigs = hot | cold
    run = final_run(sigs)
    kind_a = a.split()[-1] if a != "no pattern" else ""
    mine = hot if kind_a == "hot" else cold
    if a.startswith("consecutive") and b.startswith("oscillating"):
        in_run = slice(len(sigs) - run, None)
        return "mixed run" if hot[in_run].any() and cold[in_run].any() else None
    if a == "intensifying hot" and 10 * hot.sum() < 9 * len(hot):
        return "intensifying counts cold"
    if a.startswith("sporadic") and not mine[-1]:
        return "sporadic without the final epoch"
    if a.startswith("persistent") and not mine[-1] and b.startswith("historical"):
        return "persistent without the final epoch"
    if a == "no pattern" and b.startswith("historical"):
        sign = 1 if b.endswith("hot") else -1
        return "historical sign" if not (sign * gs[-1] < 0) else None
    return None


def test_categories_agree_with_sfdep_except_the_documented_differences():
    rng = np.random.default_rng(2022)
    threshold = 0.05
    seen = set()
    cases = [np.array(s) for n in (3, 4, 5, 6) for s in itertools.product((-1, 0, 1), repeat=n)]
    cases += [rng.choice([-1, 0, 1], size=n, p=p) for n in (10, 12) for p in ((0.3, 0.4, 0.3), (0.05, 0.1, 0.85),
                                                                                (0.85, 0.1, 0.05)) for _ in range(300)]
    agreements = 0
    for states in cases:
        hot, cold = states == 1, states == -1
        for quiet_sign in (1, -1):
            gs = np.where(states != 0, 3.0 * states, 0.5 * quiet_sign)
            for z, p in ((2.8, 0.005), (-2.8, 0.005), (0.3, 0.76)):
                a = sfdep_classify(gs, hot | cold, np.sign(z), p, threshold)
                b = _ours(int(classify(hot[:, None], cold[:, None], np.array([z]), np.array([p]), threshold)[0]))
                if a == b:
                    agreements += 1
                    continue
                why = _explained(a, b, hot, cold, gs)
                assert why is not None, (states.tolist(), gs[-1], z, a, b)
                seen.add(why)
    assert agreements > 0.75 * len(cases) * 6  # most series are classified alike
    assert seen == {"mixed run", "intensifying counts cold", "sporadic without the final epoch",
                    "persistent without the final epoch", "historical sign"}


# ---------------------------------------------------------------------------------------------
# the whole analysis


def _planted_cube(rng, side=16, n_t=12):
    """A quiet lattice with planted clusters: new, growing, fading and on-off (every third epoch)."""
    r, c, w = _lattice(side)
    x = rng.gamma(0.2, 0.2, (side * side, n_t))
    blocks = {"new": (r < 3) & (c < 3), "growing": (r < 3) & (c >= side - 3),
              "fading": (r >= side - 3) & (c < 3), "on-off": (r >= side - 3) & (c >= side - 3)}
    t = np.arange(n_t)
    x[blocks["new"], -1] += 6.0
    x[blocks["growing"]] += 2.0 + 0.5 * t
    x[blocks["fading"]] += 8.0 - 0.5 * t
    x[blocks["on-off"]] += np.where((t + 1) % 3 == 0, 6.0, 0.0)
    return x, w, blocks


def test_planted_patterns_get_their_categories():
    x, w, blocks = _planted_cube(np.random.default_rng(4))
    res = emerging_hot_spots(x, w, time_steps=1, permutations=0, fdr=True)
    centre = {name: int(np.flatnonzero(mask)[4]) for name, mask in blocks.items()}  # middle cell of each 3 x 3
    assert res.category[centre["new"]] == NEW
    assert res.category[centre["growing"]] == INTENSIFYING
    assert res.category[centre["fading"]] == DIMINISHING
    assert res.category[centre["on-off"]] == SPORADIC
    # the trend columns are the trend core's Mann-Kendall of the z-scores
    mk = trend_statistics(res.z.T, np.arange(12), statistics=("mk_z", "mk_p"), min_years=3)
    np.testing.assert_array_equal(res.trend_z, mk.mk_z)
    np.testing.assert_array_equal(res.trend_p, mk.mk_p)
    assert (res.n_hot == (res.bins >= 1).sum(axis=1)).all() and res.last_bin.tolist() == res.bins[:, -1].tolist()


def test_permutations_are_explicit_and_reproducible():
    x, w, _ = _planted_cube(np.random.default_rng(1), side=8, n_t=6)
    a = emerging_hot_spots(x, w, permutations=99, seed=7, fdr=False)
    b = emerging_hot_spots(x, w, permutations=99, seed=7, fdr=False)
    c = emerging_hot_spots(x, w, permutations=99, seed=8, fdr=False)
    np.testing.assert_array_equal(a.p, b.p)
    assert not np.array_equal(a.p, c.p)
    assert a.settings["permutations"] == 99 and a.settings["seed"] == 7
    assert np.nanmin(a.p) >= 2 / 100  # two-sided folded pseudo p of 99 permutations


def test_constant_cube_is_a_stated_result_and_bad_input_is_refused():
    _, _, w = _lattice(4)
    res = emerging_hot_spots(np.full((16, 5), 2.5), w)
    assert res.constant and (res.category == 0).all() and (res.n_hot == 0).all()
    with pytest.raises(InvalidInputError, match="at least three epochs"):
        emerging_hot_spots(np.zeros((16, 2)), w)
    bad = np.ones((16, 4))
    bad[3, 2] = np.nan
    with pytest.raises(InvalidInputError, match="location 3 in epoch 3"):
        emerging_hot_spots(bad, w)
    with pytest.raises(InvalidInputError, match="confidence"):
        emerging_hot_spots(np.random.default_rng(0).random((16, 4)), w, confidence=0.8)
    with pytest.raises(InvalidInputError, match="expected 16 locations"):
        emerging_hot_spots(np.ones((15, 4)), w)


def test_cancel():
    x, w, _ = _planted_cube(np.random.default_rng(2), side=8, n_t=4)
    with pytest.raises(CancelledError):
        emerging_hot_spots(x, w, permutations=99, progress=lambda f: f < 0.5)


def test_confidence_levels_use_the_bins():
    x, w, _ = _planted_cube(np.random.default_rng(3))
    loose = emerging_hot_spots(x, w, confidence=0.90, fdr=False)
    strict = emerging_hot_spots(x, w, confidence=0.99, fdr=False)
    assert (strict.n_hot <= loose.n_hot).all() and strict.n_hot.sum() < loose.n_hot.sum()
    assert (loose.n_hot == (loose.bins >= 1).sum(axis=1)).all()
    assert (strict.n_hot == (strict.bins >= 3).sum(axis=1)).all()
    np.testing.assert_array_equal(gi_star(x.T.ravel(), space_time_weights(w, 12, 1), 0).gi_bin.reshape(12, -1).T,
                                  loose.bins)
