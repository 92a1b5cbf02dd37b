"""The algorithms the provider registers (one module per algorithm)."""

from .grids.fishnet import FishnetDensityAlgorithm
from .reporting.report import ReportAlgorithm

ALGORITHMS = (
    FishnetDensityAlgorithm,
    ReportAlgorithm,
)
