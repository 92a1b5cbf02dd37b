"""Exact Fisher-Jenks against mapclassify's FisherJenks (the oracle; marked ``oracle``).

mapclassify 2.8 solves the same dynamic programme in float32 by trying every split; on
well-conditioned data the breaks must be equal, and everywhere the SSD of our classes must not
exceed that of mapclassify's breaks (ours is the exact float64 optimum).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from minemonitor_plugin.core.natural_breaks import class_ssd, fisher_jenks

SSD_RTOL = 1e-9


def _mapclassify_breaks(mapclassify, values: np.ndarray, k: int) -> tuple[float, ...]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Numba not installed")
        return tuple(float(b) for b in mapclassify.FisherJenks(values, k=k).bins[:-1])


@pytest.mark.parametrize(("seed", "n", "k"), [(0, 60, 2), (1, 200, 4), (2, 400, 5), (3, 700, 7)])
def test_same_breaks_as_mapclassify_on_continuous_data(mapclassify, seed, n, k):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0, 100, k)
    values = rng.normal(centres[rng.integers(0, k, n)], 3.0)
    ours = fisher_jenks(values, k)
    assert ours.breaks == _mapclassify_breaks(mapclassify, values, k)


def test_mapclassify_documented_example(mapclassify):
    """mapclassify's own doctest data (California, 58 values): bins 75.29, 192.05, 370.5, 722.85."""
    values = np.asarray(mapclassify.load_example(), dtype=float)
    ours = fisher_jenks(values, 5)
    assert ours.breaks == (75.29, 192.05, 370.5, 722.85)
    assert ours.counts == (49, 3, 4, 1, 1)


@pytest.mark.parametrize("seed", range(6))
def test_never_worse_than_mapclassify(mapclassify, seed):
    """Integer scores (many duplicates) and values with a large offset, where float32 loses digits."""
    rng = np.random.default_rng(seed)
    if seed % 2:
        values = np.clip(np.round(rng.normal(30, 6, 500)), 13, 52)
    else:
        values = 20_000.0 + rng.gamma(2.0, 1.5, 500)
    k = 3 + seed % 3
    ours = fisher_jenks(values, k)
    theirs = _mapclassify_breaks(mapclassify, values, k)
    assert ours.ssd <= class_ssd(values, theirs) * (1 + SSD_RTOL)
    assert class_ssd(values, ours.breaks) == pytest.approx(ours.ssd, rel=SSD_RTOL)
