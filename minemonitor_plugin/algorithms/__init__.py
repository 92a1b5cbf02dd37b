"""The algorithms the provider registers (one module per algorithm)."""

from .footprints.footprint_statistics import FootprintStatisticsAlgorithm
from .footprints.import_mining_dataset import ImportMiningDatasetAlgorithm
from .footprints.overlap_tabulation import OverlapTabulationAlgorithm
from .footprints.proximity_bands import ProximityBandsAlgorithm
from .grids.fishnet import FishnetDensityAlgorithm
from .monitoring.accuracy_assessment import AccuracyAssessmentAlgorithm
from .monitoring.cell_trend import CellTrendAlgorithm
from .monitoring.emerging_hotspots import EmergingHotSpotsAlgorithm
from .monitoring.epoch_density import EpochDensityAlgorithm
from .monitoring.footprint_change import FootprintChangeAlgorithm
from .monitoring.occupation_types import OccupationTypesAlgorithm
from .reporting.report import ReportAlgorithm
from .sensitivity.desertification_sensitivity import DesertificationSensitivityAlgorithm
from .sensitivity.grade_factor import GradeFactorAlgorithm
from .sensitivity.weighted_overlay import WeightedOverlayAlgorithm
from .sensitivity.zonal_class_area import ZonalClassAreaAlgorithm
from .statistics.global_autocorrelation import GlobalAutocorrelationAlgorithm
from .statistics.hotspots import HotSpotsAlgorithm
from .statistics.local_moran import LocalMoranAlgorithm
from .vegetation.ndvi_trend import NdviTrendAlgorithm
from .vegetation.zonal_time_series import ZonalTimeSeriesAlgorithm

ALGORITHMS = (
    FootprintStatisticsAlgorithm,
    OverlapTabulationAlgorithm,
    ImportMiningDatasetAlgorithm,
    ProximityBandsAlgorithm,
    FishnetDensityAlgorithm,
    ReportAlgorithm,
    FootprintChangeAlgorithm,
    OccupationTypesAlgorithm,
    AccuracyAssessmentAlgorithm,
    EpochDensityAlgorithm,
    CellTrendAlgorithm,
    EmergingHotSpotsAlgorithm,
    GlobalAutocorrelationAlgorithm,
    LocalMoranAlgorithm,
    HotSpotsAlgorithm,
    GradeFactorAlgorithm,
    WeightedOverlayAlgorithm,
    DesertificationSensitivityAlgorithm,
    ZonalClassAreaAlgorithm,
    NdviTrendAlgorithm,
    ZonalTimeSeriesAlgorithm,
)
