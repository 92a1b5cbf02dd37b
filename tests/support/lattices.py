"""Lattice weights and smooth fields for the statistics tests (numpy only, no QGIS)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from minemonitor_plugin.core import weights as W

COLUMBUS_CSV = Path(__file__).resolve().parents[1] / "core" / "data" / "columbus.csv"


def lattice(nrows: int, ncols: int, contiguity: str = "queen") -> W.SpatialWeights:
    """Contiguity weights of an ``nrows`` x ``ncols`` grid of cells, row-major."""
    r, c = np.divmod(np.arange(nrows * ncols), ncols)
    return W.lattice_weights(r, c, contiguity)


def smooth_field(nrows: int, ncols: int, seed: int) -> np.ndarray:
    """Continuous, spatially autocorrelated, positive values (no ties)."""
    rng = np.random.default_rng(seed)
    r, c = np.divmod(np.arange(nrows * ncols), ncols)
    trend = np.sin(r / 4.0) + np.cos(c / 5.0)
    return np.exp(trend + 0.5 * rng.standard_normal(r.size))


def columbus() -> tuple[np.ndarray, np.ndarray]:
    """Centroids (X, Y) and CRIME of the 49 Columbus neighbourhoods (tests/core/data/SOURCE.md)."""
    with open(COLUMBUS_CSV, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    xy = np.array([[float(r["X"]), float(r["Y"])] for r in rows])
    return xy, np.array([float(r["CRIME"]) for r in rows])


def neighbour_pattern(m) -> sp.csr_matrix:
    """The non-zero pattern of a sparse matrix as ones."""
    m = sp.csr_matrix(m, dtype=np.float64, copy=True)
    m.eliminate_zeros()
    m.data[:] = 1.0
    return m


def same_neighbours(a, b) -> bool:
    """True when two sparse weights matrices have the same neighbour pairs."""
    return (neighbour_pattern(a) != neighbour_pattern(b)).nnz == 0


def to_libpysal(w: W.SpatialWeights, libpysal):
    """``w``'s transformed weights as a :class:`libpysal.weights.W` (ids ``0..n-1``, transform "O"),
    to hand them to esda; ``libpysal`` is the oracle fixture's module."""
    lw = libpysal.weights.WSP(w.matrix.copy(), id_order=list(range(w.n))).to_W(silence_warnings=True)
    lw.transform = "O"
    return lw
