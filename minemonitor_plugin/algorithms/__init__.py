"""The algorithms the provider registers (one module per algorithm)."""

from .grids.fishnet import FishnetDensityAlgorithm

ALGORITHMS = (
    FishnetDensityAlgorithm,
)
