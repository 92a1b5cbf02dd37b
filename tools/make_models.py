#!/usr/bin/env python3
"""Build the shipped graphical models (resources/models/*.model3) from the algorithm definitions.

The models are written with QGIS's own model API, so they open in the graphical modeler. This file is
the single source of the models' names, help, input labels and input help: the provider reads them back
from the .model3 files and translates them (the strings are marked with QT_TRANSLATE_NOOP, context
``ShippedModel``, and tools/i18n_sync.py extracts them from here).

Layout in the modeler: inputs in the left column(s) in the dialog's order (``parameterOrder``), the
child algorithms in a column to their right, every model output beside the child that makes it.
Model output ids (``fishnet:DENSITY``...) are public API: they stay; their descriptions are the titles.

Run after changing a parameter id the models use:  . scripts/env.sh && .venv/bin/python -m tools.make_models
"""

from __future__ import annotations

import os
from pathlib import Path

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "models"

# geometry of the modeler layout (scene units)
INPUT_X = 130.0
INPUT_DY = 62.0
INPUTS_PER_COLUMN = 9
INPUT_COLUMN_DX = 230.0
CHILD_DX = 300.0  # from the last input column to the children
CHILD_DY = 125.0
OUTPUT_DX = 290.0  # from a child to its outputs
OUTPUT_DY = 42.0
TOP = 60.0

MODELS = {
    "miningspatialpattern": (
        QT_TRANSLATE_NOOP("ShippedModel", "Mining spatial pattern"),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "The paper's spatial pattern analysis in one run: fishnet mining density of the footprints, "
            "global Moran's I and General G, Anselin local Moran clusters (with their significance "
            "map), Getis-Ord Gi* hot spots, footprint statistics and size classes; the class shares of "
            "the clusters and hot spots as tables; one report as HTML and as a PDF with map pages "
            "(the paper's Figs 1, 6-8 and Table 2). Spatial weights: queen contiguity by default, as "
            "GeoDa; choose a fixed distance band for ArcGIS's default.",
        ),
    ),
    "footprintoverlap": (
        QT_TRANSLATE_NOOP("ShippedModel", "Footprint overlap"),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Tabulates the footprints against a class layer (land use, nature reserves, ecological "
            "zones) by zone (for example provinces), as the paper's Tables 3-5, with a wide pivot "
            "table, the intersection pieces and one report as HTML and PDF.",
        ),
    ),
    "desertificationsensitivitymodel": (
        QT_TRANSLATE_NOOP("ShippedModel", "Desertification sensitivity of mining areas"),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "The paper's desertification sensitivity model: factor rasters graded by Table 6, added, "
            "classified by natural breaks or given breaks, then the area of each class inside the "
            "mining footprints (Fig. 13); the class breaks and a grade histogram of every factor (with "
            "a warning when a factor leaves grades empty or puts more than 95 % of its pixels in one "
            "grade) as tables and in one report as HTML and PDF.",
        ),
    ),
    "miningdynamics": (
        QT_TRANSLATE_NOOP("ShippedModel", "Mining dynamics over epochs"),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Footprints of many survey epochs (quarters) -> one fishnet with mining per cell and epoch, totals "
            "per zone -> Mann-Kendall trend of each cell -> emerging hot spots (space-time Gi*) -> one report as "
            "HTML and PDF with the density maps of every epoch, the area per zone and epoch and the emerging hot "
            "spot categories.",
        ),
    ),
    "vegetationchange": (
        QT_TRANSLATE_NOOP("ShippedModel", "Vegetation change around mines"),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Vegetation change around mines: per-pixel trend of an annual NDVI (or LAI) stack, the "
            "annual series inside the footprints and rings around them with change points, and one "
            "report as HTML and PDF (Figs 10-11).",
        ),
    ),
}


def start_qgis():
    os.environ["QT_HASH_SEED"] = "0"  # stable attribute order in the written XML
    from tools.qgis_headless import start_qgis as start

    return start(ROOT)


class ModelBuilder:
    """Small helper over QgsProcessingModelAlgorithm: inputs, children, outputs, layout."""

    def __init__(self, model_id: str):
        from qgis.core import QgsProcessingModelAlgorithm

        name, description = MODELS[model_id]
        self.model_id = model_id
        self.model = QgsProcessingModelAlgorithm(name, "MineMonitor", "minemonitor")
        self.model.setHelpContent({"ALG_DESC": description, "ALG_CREATOR": "MineMonitor"})
        self.help = {}
        self.order: list[str] = []
        self.children: list = []

    def input(self, definition, help_text: str):
        from qgis.core import QgsProcessingModelParameter
        from qgis.PyQt.QtCore import QPointF

        index = len(self.order)
        column, row = divmod(index, INPUTS_PER_COLUMN)
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(INPUT_X + INPUT_COLUMN_DX * column, TOP + INPUT_DY * row))
        component.setDescription(definition.description())
        definition.setHelp(help_text)
        self.model.addModelParameter(definition, component)
        self.help[definition.name()] = help_text
        self.order.append(definition.name())

    def child(self, child_id: str, alg_id: str, description: str, params: dict, outputs: dict | None = None):
        """``params``: name -> ("param", model_input) | ("child", child, output) | ("static", value)
        | list of those (multiple sources). ``outputs``: child output name -> (model output id, title)."""
        from qgis.core import (
            QgsApplication,
            QgsProcessingModelChildAlgorithm,
            QgsProcessingModelChildParameterSource,
            QgsProcessingModelOutput,
        )

        child = QgsProcessingModelChildAlgorithm(alg_id)
        child.setChildId(child_id)
        child.setDescription(description)

        def source(spec):
            kind = spec[0]
            if kind == "param":
                return QgsProcessingModelChildParameterSource.fromModelParameter(spec[1])
            if kind == "child":
                return QgsProcessingModelChildParameterSource.fromChildOutput(spec[1], spec[2])
            return QgsProcessingModelChildParameterSource.fromStaticValue(spec[1])

        for name, spec in params.items():
            specs = spec if isinstance(spec, list) else [spec]
            child.addParameterSources(name, [source(s) for s in specs])
        # as the modeler does when an algorithm is added: every other input gets its default as a
        # static value, so the model validates (and shows the values) in the graphical modeler
        algorithm = QgsApplication.processingRegistry().algorithmById(alg_id)
        for definition in algorithm.parameterDefinitions():
            if definition.isDestination() or definition.name() in params:
                continue
            if definition.defaultValue() is not None:
                child.addParameterSources(definition.name(), [source(("static", definition.defaultValue()))])
        model_outputs = {}
        for output_name, (model_name, title) in (outputs or {}).items():
            out = QgsProcessingModelOutput(model_name)  # the parameter id becomes "<child_id>:<model_name>"
            out.setChildId(child_id)
            out.setChildOutputName(output_name)
            out.setDescription(title)
            model_outputs[model_name] = out
        child.setModelOutputs(model_outputs)
        self.children.append(child)

    def _layout(self):
        """Children in a column right of the inputs, outputs beside their child: nothing overlaps."""
        from qgis.core import QgsProcessingModelOutput
        from qgis.PyQt.QtCore import QPointF, QSizeF

        columns = max(1, (len(self.order) + INPUTS_PER_COLUMN - 1) // INPUTS_PER_COLUMN)
        child_x = INPUT_X + INPUT_COLUMN_DX * (columns - 1) + CHILD_DX
        y = TOP
        for child in self.children:
            outputs = child.modelOutputs()
            child.setPosition(QPointF(child_x, y))
            child.setSize(QSizeF(220.0, 50.0))
            placed = {}
            for k, (name, output) in enumerate(outputs.items()):
                out = QgsProcessingModelOutput(output)
                out.setPosition(QPointF(child_x + OUTPUT_DX, y + OUTPUT_DY * k - OUTPUT_DY * (len(outputs) - 1) / 2))
                out.setSize(QSizeF(200.0, 30.0))
                placed[name] = out
            child.setModelOutputs(placed)
            self.model.addChildAlgorithm(child)
            y += max(CHILD_DY, OUTPUT_DY * len(outputs) + 40.0)

    def save(self):
        self._layout()
        self.model.setParameterOrder(self.order)
        self.model.updateDestinationParameters()
        help_content = dict(self.model.helpContent())
        help_content.update(self.help)
        self.model.setHelpContent(help_content)
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"{self.model_id}.model3"
        assert self.model.toFile(str(path)), path
        print(path.relative_to(ROOT))


def spatial_pattern():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterNumber,
    )

    b = ModelBuilder("miningspatialpattern")
    b.input(
        QgsProcessingParameterFeatureSource(
            "FOOTPRINTS", QT_TRANSLATE_NOOP("ShippedModel", "Mining footprints"), [QgsProcessing.TypeVectorPolygon]
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "Mining footprint polygons (any CRS)."),
    )
    b.input(
        QgsProcessingParameterFeatureSource(
            "STUDY_AREA",
            QT_TRANSLATE_NOOP("ShippedModel", "Study area"),
            [QgsProcessing.TypeVectorPolygon],
            optional=True,
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Polygons bounding the analysis, e.g. the provinces; the fishnet is "
            "clipped to them and the report draws their outlines on every map.",
        ),
    )
    b.input(
        QgsProcessingParameterNumber(
            "CELL_SIZE",
            QT_TRANSLATE_NOOP("ShippedModel", "Cell size (metres)"),
            QgsProcessingParameterNumber.Double,
            defaultValue=100000.0,
            minValue=1.0,
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "Fishnet cell side in metres (the paper: 100 km)."),
    )
    b.input(
        QgsProcessingParameterField(
            "WEIGHT_FIELD",
            QT_TRANSLATE_NOOP("ShippedModel", "Weight field"),
            parentLayerParameterName="FOOTPRINTS",
            type=QgsProcessingParameterField.Numeric,
            optional=True,
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Optional numeric field apportioned instead of the footprint area (e.g. the mining area of grid cells).",
        ),
    )
    b.input(
        QgsProcessingParameterField(
            "MINE_ID_FIELD",
            QT_TRANSLATE_NOOP("ShippedModel", "Mine id field"),
            parentLayerParameterName="FOOTPRINTS",
            optional=True,
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Optional field identifying the mine of each footprint: mines are counted per cell and in the statistics.",
        ),
    )
    b.input(
        QgsProcessingParameterField(
            "GROUP_FIELD",
            QT_TRANSLATE_NOOP("ShippedModel", "Group statistics by"),
            parentLayerParameterName="FOOTPRINTS",
            optional=True,
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "Optional field (e.g. province) for the footprint statistics."),
    )
    b.input(
        QgsProcessingParameterEnum(
            "WEIGHTS",
            QT_TRANSLATE_NOOP("ShippedModel", "Spatial weights"),
            options=[
                QT_TRANSLATE_NOOP("ShippedModel", "Queen contiguity"),
                QT_TRANSLATE_NOOP("ShippedModel", "Rook contiguity"),
                QT_TRANSLATE_NOOP("ShippedModel", "Fixed distance band"),
                QT_TRANSLATE_NOOP("ShippedModel", "K nearest neighbours"),
                QT_TRANSLATE_NOOP("ShippedModel", "Inverse distance"),
            ],
            defaultValue=0,
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Neighbours of a fishnet cell in the spatial statistics: queen contiguity "
            "(the 8 surrounding cells, the default, as GeoDa), rook, a fixed distance "
            "band (ArcGIS's default for hot spots), K nearest neighbours or inverse "
            "distance.",
        ),
    )
    b.input(
        QgsProcessingParameterNumber(
            "DISTANCE",
            QT_TRANSLATE_NOOP("ShippedModel", "Distance band (metres)"),
            QgsProcessingParameterNumber.Double,
            defaultValue=0.0,
            minValue=0.0,
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Distance of the distance-band and inverse-distance weights; 0: the "
            "smallest distance that gives every cell a neighbour.",
        ),
    )
    b.input(
        QgsProcessingParameterNumber(
            "K",
            QT_TRANSLATE_NOOP("ShippedModel", "Number of neighbours (K)"),
            QgsProcessingParameterNumber.Integer,
            defaultValue=8,
            minValue=1,
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "Neighbours of the K-nearest-neighbours weights."),
    )
    b.input(
        QgsProcessingParameterNumber(
            "PERMUTATIONS",
            QT_TRANSLATE_NOOP("ShippedModel", "Permutations"),
            QgsProcessingParameterNumber.Integer,
            defaultValue=999,
            minValue=0,
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Permutations of the pseudo p-values of Moran's I, General G and the local "
            "Moran clusters (999 gives p-values down to 0.001).",
        ),
    )
    weights = {"WEIGHTS": ("param", "WEIGHTS"), "DISTANCE": ("param", "DISTANCE"), "K": ("param", "K")}
    b.child(
        "fishnet",
        "minemonitor:fishnetdensity",
        "Fishnet mining density",
        {
            "INPUT": ("param", "FOOTPRINTS"),
            "STUDY_AREA": ("param", "STUDY_AREA"),
            "CELL_SIZE": ("param", "CELL_SIZE"),
            "WEIGHT_FIELD": ("param", "WEIGHT_FIELD"),
            "MINE_ID_FIELD": ("param", "MINE_ID_FIELD"),
        },
        {"OUTPUT": ("DENSITY", QT_TRANSLATE_NOOP("ShippedModel", "Fishnet mining density"))},
    )
    stats_input = {"INPUT": ("child", "fishnet", "OUTPUT"), "FIELD": ("static", "density_pct"), **weights}
    b.child(
        "global",
        "minemonitor:globalautocorrelation",
        "Global Moran's I and General G",
        {**stats_input, "PERMUTATIONS": ("param", "PERMUTATIONS")},
    )
    b.child(
        "localmoran",
        "minemonitor:localmoran",
        "Local Moran clusters",
        {**stats_input, "PERMUTATIONS": ("param", "PERMUTATIONS")},
        {
            "OUTPUT": ("CLUSTERS", QT_TRANSLATE_NOOP("ShippedModel", "Clusters and outliers (LISA)")),
            "OUTPUT_SUMMARY": ("LISA_SUMMARY", QT_TRANSLATE_NOOP("ShippedModel", "LISA class shares")),
        },
    )
    b.child(
        "hotspots",
        "minemonitor:hotspots",
        "Gi* hot spots",
        dict(stats_input),
        {
            "OUTPUT": ("HOT_SPOTS", QT_TRANSLATE_NOOP("ShippedModel", "Hot and cold spots (Gi*)")),
            "OUTPUT_SUMMARY": ("HOT_SPOT_SUMMARY", QT_TRANSLATE_NOOP("ShippedModel", "Hot spot bin shares")),
        },
    )
    b.child(
        "footprints",
        "minemonitor:footprintstatistics",
        "Footprint statistics",
        {
            "INPUT": ("param", "FOOTPRINTS"),
            "GROUP_FIELDS": ("param", "GROUP_FIELD"),
            "MINE_ID_FIELD": ("param", "MINE_ID_FIELD"),
        },
    )
    b.child(
        "report",
        "minemonitor:report",
        "Report",
        {
            "TITLE": ("static", "Mining spatial pattern"),
            "MAP_LAYERS": [
                ("child", "fishnet", "OUTPUT"),
                ("child", "localmoran", "OUTPUT"),
                ("child", "hotspots", "OUTPUT"),
            ],
            "CONTEXT_LAYERS": [("param", "STUDY_AREA")],
            "REPORTS": [
                ("child", "global", "OUTPUT_REPORT"),
                ("child", "localmoran", "OUTPUT_REPORT"),
                ("child", "hotspots", "OUTPUT_REPORT"),
                ("child", "footprints", "OUTPUT_HTML"),
            ],
        },
        {
            "OUTPUT": ("REPORT", QT_TRANSLATE_NOOP("ShippedModel", "Report (HTML)")),
            "OUTPUT_PDF": ("REPORT_PDF", QT_TRANSLATE_NOOP("ShippedModel", "Report (PDF)")),
        },
    )
    b.save()


def footprint_overlap():
    from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSource, QgsProcessingParameterField

    b = ModelBuilder("footprintoverlap")
    b.input(
        QgsProcessingParameterFeatureSource(
            "FOOTPRINTS", QT_TRANSLATE_NOOP("ShippedModel", "Mining footprints"), [QgsProcessing.TypeVectorPolygon]
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "Mining footprint polygons (any CRS)."),
    )
    b.input(
        QgsProcessingParameterFeatureSource(
            "CLASSES", QT_TRANSLATE_NOOP("ShippedModel", "Class layer"), [QgsProcessing.TypeVectorPolygon]
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel", "Polygons of the classes: land use, nature reserves or ecological function zones."
        ),
    )
    b.input(
        QgsProcessingParameterField(
            "CLASS_FIELD", QT_TRANSLATE_NOOP("ShippedModel", "Class field"), parentLayerParameterName="CLASSES"
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel", "Field of the class layer holding the class (e.g. land-use type, reserve name)."
        ),
    )
    b.input(
        QgsProcessingParameterFeatureSource(
            "ZONES", QT_TRANSLATE_NOOP("ShippedModel", "Zones"), [QgsProcessing.TypeVectorPolygon]
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "Zone polygons, e.g. provinces; the report draws their outlines on the map."),
    )
    b.input(
        QgsProcessingParameterField(
            "ZONES_FIELD", QT_TRANSLATE_NOOP("ShippedModel", "Zone field"), parentLayerParameterName="ZONES"
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "Field of the zone layer naming the zone (e.g. province)."),
    )
    b.child(
        "overlap",
        "minemonitor:overlaptabulation",
        "Overlap tabulation",
        {
            "INPUT": ("param", "FOOTPRINTS"),
            "OVERLAY": ("param", "CLASSES"),
            "CLASS_FIELD": ("param", "CLASS_FIELD"),
            "ZONES": ("param", "ZONES"),
            "ZONES_FIELD": ("param", "ZONES_FIELD"),
        },
        {"OUTPUT": ("TABLE", QT_TRANSLATE_NOOP("ShippedModel", "Overlap table"))},
    )
    b.child(
        "report",
        "minemonitor:report",
        "Report",
        {
            "TITLE": ("static", "Footprint overlap"),
            "MAP_LAYERS": [("child", "overlap", "OUTPUT_PIECES")],
            "CONTEXT_LAYERS": [("param", "ZONES")],
            "TABLES": [("child", "overlap", "OUTPUT"), ("child", "overlap", "OUTPUT_PIVOT")],
        },
        {
            "OUTPUT": ("REPORT", QT_TRANSLATE_NOOP("ShippedModel", "Report (HTML)")),
            "OUTPUT_PDF": ("REPORT_PDF", QT_TRANSLATE_NOOP("ShippedModel", "Report (PDF)")),
        },
    )
    b.save()


def desertification():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterNumber,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterString,
    )

    from minemonitor_plugin.algorithms.sensitivity.desertification_sensitivity import FACTORS

    labels = {
        "SOIL_MOISTURE": QT_TRANSLATE_NOOP("ShippedModel", "Soil moisture content (m³/m³)"),
        "EVAPOTRANSPIRATION": QT_TRANSLATE_NOOP("ShippedModel", "Evapotranspiration (mm/month)"),
        "PRECIPITATION": QT_TRANSLATE_NOOP("ShippedModel", "Annual precipitation (mm/year)"),
        "WIND_SPEED": QT_TRANSLATE_NOOP("ShippedModel", "Average wind speed (m/s)"),
        "SAND": QT_TRANSLATE_NOOP("ShippedModel", "Soil sand content (%)"),
        "SILT": QT_TRANSLATE_NOOP("ShippedModel", "Soil silt content (%)"),
        "CLAY": QT_TRANSLATE_NOOP("ShippedModel", "Soil clay content (%)"),
        "EROSION": QT_TRANSLATE_NOOP("ShippedModel", "Soil erosion intensity (class code)"),
        "SLOPE": QT_TRANSLATE_NOOP("ShippedModel", "Slope gradient (degrees)"),
        "GEOHAZARD": QT_TRANSLATE_NOOP("ShippedModel", "Geohazard susceptibility (class code)"),
        "NDVI_MEAN": QT_TRANSLATE_NOOP("ShippedModel", "Multi-year NDVI mean"),
        "NDVI_TREND": QT_TRANSLATE_NOOP("ShippedModel", "NDVI change trend (per year)"),
        "LAND_USE": QT_TRANSLATE_NOOP("ShippedModel", "Land use (for the mining land occupation)"),
    }
    factor_help = QT_TRANSLATE_NOOP(
        "ShippedModel",
        "Optional factor raster, graded by its row of Table 6 (see the "
        "help of 'Desertification sensitivity'); give at least two "
        "factors.",
    )
    b = ModelBuilder("desertificationsensitivitymodel")
    b.input(
        QgsProcessingParameterFeatureSource(
            "FOOTPRINTS", QT_TRANSLATE_NOOP("ShippedModel", "Mining footprints"), [QgsProcessing.TypeVectorPolygon]
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel", "Mining footprints: the area of each sensitivity class is tallied inside them."
        ),
    )
    b.input(
        QgsProcessingParameterFeatureSource(
            "STUDY_AREA",
            QT_TRANSLATE_NOOP("ShippedModel", "Study area"),
            [QgsProcessing.TypeVectorPolygon],
            optional=True,
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel", "Optional boundaries (e.g. provinces or counties) drawn on the report's maps."
        ),
    )
    for param, _key in FACTORS:
        b.input(QgsProcessingParameterRasterLayer(param, labels[param], optional=True), factor_help)
    b.input(
        QgsProcessingParameterEnum(
            "NDVI_TREND_READING",
            QT_TRANSLATE_NOOP("ShippedModel", "Reading of Table 6's NDVI-trend row"),
            options=[
                QT_TRANSLATE_NOOP("ShippedModel", "Per-year slope: breaks in NDVI per year, as printed"),
                QT_TRANSLATE_NOOP(
                    "ShippedModel",
                    "Change over the period: breaks in NDVI over the trend period, divided by its length",
                ),
            ],
            defaultValue=0,
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Unit of Table 6's NDVI-trend breaks (-0.17, -0.12, 0.0025): per year as "
            "printed, or the change over the whole trend period (what the paper most "
            "plausibly meant; real per-year slopes never reach the upper grades "
            "otherwise).",
        ),
    )
    b.input(
        QgsProcessingParameterNumber(
            "TREND_PERIOD_YEARS",
            QT_TRANSLATE_NOOP("ShippedModel", "Length of the trend period (years)"),
            QgsProcessingParameterNumber.Double,
            defaultValue=22.0,
            minValue=0.001,
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Years from the first to the last year of the NDVI trend (the paper: "
            "2000-2022); used by the 'change over the period' reading.",
        ),
    )
    b.input(
        QgsProcessingParameterEnum(
            "CLASS_METHOD",
            QT_TRANSLATE_NOOP("ShippedModel", "Classes"),
            [
                QT_TRANSLATE_NOOP("ShippedModel", "Natural breaks (Fisher-Jenks)"),
                QT_TRANSLATE_NOOP("ShippedModel", "User breaks"),
            ],
            defaultValue=0,
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "How the score is classified into sensitivity classes."),
    )
    b.input(
        QgsProcessingParameterString(
            "BREAKS", QT_TRANSLATE_NOOP("ShippedModel", "User breaks"), defaultValue="28,31,34", optional=True
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel", "Upper bounds of the lower classes when 'User breaks' is chosen (the paper: 28,31,34)."
        ),
    )
    sources = {param: ("param", param) for param, _key in FACTORS}
    # the footprints are not passed to the sensitivity step: there they would require a land-use raster
    # (the occupation factor); in this model they delimit the class-area tally
    sources.update(
        {
            "CLASS_METHOD": ("param", "CLASS_METHOD"),
            "BREAKS": ("param", "BREAKS"),
            "NDVI_TREND_READING": ("param", "NDVI_TREND_READING"),
            "TREND_PERIOD_YEARS": ("param", "TREND_PERIOD_YEARS"),
        }
    )
    b.child(
        "sensitivity",
        "minemonitor:desertificationsensitivity",
        "Desertification sensitivity",
        sources,
        {
            "OUTPUT_SCORE": ("SCORE", QT_TRANSLATE_NOOP("ShippedModel", "Sensitivity score")),
            "OUTPUT_CLASSES": ("CLASSES", QT_TRANSLATE_NOOP("ShippedModel", "Sensitivity classes")),
            "OUTPUT_SUMMARY": ("CLASS_TABLE", QT_TRANSLATE_NOOP("ShippedModel", "Class breaks and shares")),
            "OUTPUT_FACTORS": ("FACTOR_TABLE", QT_TRANSLATE_NOOP("ShippedModel", "Factor grade histograms")),
        },
    )
    b.child(
        "zonal",
        "minemonitor:zonalclassarea",
        "Class area inside the footprints",
        {
            "INPUT": ("child", "sensitivity", "OUTPUT_CLASSES"),
            "ZONES": ("param", "FOOTPRINTS"),
            "CLASS_LABELS": ("static", "Low,Moderate,Relatively high,High"),
        },
        {"OUTPUT_TABLE": ("CLASS_AREA", QT_TRANSLATE_NOOP("ShippedModel", "Class area inside the footprints"))},
    )
    b.child(
        "report",
        "minemonitor:report",
        "Report",
        {
            "TITLE": ("static", "Desertification sensitivity of mining areas"),
            "MAP_LAYERS": [("child", "sensitivity", "OUTPUT_CLASSES")],
            "CONTEXT_LAYERS": [("param", "STUDY_AREA")],
            "TABLES": [("child", "zonal", "OUTPUT_TABLE")],
            "REPORTS": [("child", "sensitivity", "OUTPUT_REPORT")],
        },
        {
            "OUTPUT": ("REPORT", QT_TRANSLATE_NOOP("ShippedModel", "Report (HTML)")),
            "OUTPUT_PDF": ("REPORT_PDF", QT_TRANSLATE_NOOP("ShippedModel", "Report (PDF)")),
        },
    )
    b.save()


def vegetation():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterString,
    )

    b = ModelBuilder("vegetationchange")
    b.input(
        QgsProcessingParameterFeatureSource(
            "FOOTPRINTS",
            QT_TRANSLATE_NOOP("ShippedModel", "Mining footprints"),
            [QgsProcessing.TypeVectorPolygon],
            optional=True,
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "Mining footprints (dissolved into one zone, with rings around them)."),
    )
    b.input(
        QgsProcessingParameterMultipleLayers(
            "STACK", QT_TRANSLATE_NOOP("ShippedModel", "Annual rasters"), QgsProcessing.TypeRaster
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel", "One multiband raster (one band per year) or one single-band raster per year."
        ),
    )
    b.input(
        QgsProcessingParameterString(
            "YEARS", QT_TRANSLATE_NOOP("ShippedModel", "Years"), optional=True, defaultValue=""
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel",
            "Years of the bands or rasters (e.g. 2001-2020); default: read from band descriptions or file names.",
        ),
    )
    b.input(
        QgsProcessingParameterString(
            "BUFFERS",
            QT_TRANSLATE_NOOP("ShippedModel", "Rings around the footprints (metres)"),
            optional=True,
            defaultValue="0-1000,1000-5000",
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "Rings outside the footprints, e.g. 0-1000,1000-5000 (metres)."),
    )
    b.input(
        QgsProcessingParameterFeatureSource(
            "ZONES", QT_TRANSLATE_NOOP("ShippedModel", "Districts"), [QgsProcessing.TypeVectorPolygon], optional=True
        ),
        QT_TRANSLATE_NOOP(
            "ShippedModel", "Optional district polygons, one zone each; the report draws their outlines on the maps."
        ),
    )
    b.input(
        QgsProcessingParameterField(
            "ZONE_FIELD",
            QT_TRANSLATE_NOOP("ShippedModel", "District name field"),
            parentLayerParameterName="ZONES",
            optional=True,
        ),
        QT_TRANSLATE_NOOP("ShippedModel", "Field naming the districts."),
    )
    b.child(
        "trend",
        "minemonitor:ndvitrend",
        "Per-pixel trend",
        {"INPUT": ("param", "STACK"), "YEARS": ("param", "YEARS")},
        {
            "OUTPUT_SEN_SLOPE": ("SLOPE", QT_TRANSLATE_NOOP("ShippedModel", "Theil-Sen slope per year")),
            "OUTPUT_CLASS": ("TREND_CLASS", QT_TRANSLATE_NOOP("ShippedModel", "Trend class")),
            "OUTPUT_MEAN": ("MEAN", QT_TRANSLATE_NOOP("ShippedModel", "Multi-year mean")),
        },
    )
    b.child(
        "series",
        "minemonitor:zonaltimeseries",
        "Zonal annual series and change points",
        {
            "INPUT": ("param", "STACK"),
            "YEARS": ("param", "YEARS"),
            "FOOTPRINTS": ("param", "FOOTPRINTS"),
            "BUFFERS": ("param", "BUFFERS"),
            "ZONES": ("param", "ZONES"),
            "ZONE_FIELD": ("param", "ZONE_FIELD"),
        },
        {"OUTPUT": ("SERIES", QT_TRANSLATE_NOOP("ShippedModel", "Annual zonal series"))},
    )
    b.child(
        "report",
        "minemonitor:report",
        "Report",
        {
            "TITLE": ("static", "Vegetation change around mines"),
            "MAP_LAYERS": [("child", "trend", "OUTPUT_CLASS"), ("child", "trend", "OUTPUT_SEN_SLOPE")],
            "CONTEXT_LAYERS": [("param", "ZONES")],
            "TABLES": [("child", "series", "OUTPUT_CHANGE")],
            "REPORTS": [("child", "series", "OUTPUT_HTML")],
        },
        {
            "OUTPUT": ("REPORT", QT_TRANSLATE_NOOP("ShippedModel", "Report (HTML)")),
            "OUTPUT_PDF": ("REPORT_PDF", QT_TRANSLATE_NOOP("ShippedModel", "Report (PDF)")),
        },
    )
    b.save()


def mining_dynamics():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterNumber,
    )

    b = ModelBuilder("miningdynamics")
    polygons = [QgsProcessing.TypeVectorPolygon]
    b.input(QgsProcessingParameterFeatureSource("FOOTPRINTS", QT_TRANSLATE_NOOP("ShippedModel",
                                                                                "Footprints of all epochs"), polygons),
            QT_TRANSLATE_NOOP("ShippedModel", "Mining footprints of every survey epoch in one layer (any CRS)."))
    b.input(QgsProcessingParameterField("EPOCH_FIELD", QT_TRANSLATE_NOOP("ShippedModel", "Epoch field"),
                                        parentLayerParameterName="FOOTPRINTS"),
            QT_TRANSLATE_NOOP("ShippedModel",
                              "Field with each footprint's epoch: a date, a year or text such as 2022Q3."))
    b.input(QgsProcessingParameterFeatureSource("STUDY_AREA", QT_TRANSLATE_NOOP("ShippedModel", "Study area"), polygons,
                                                optional=True),
            QT_TRANSLATE_NOOP("ShippedModel", "Polygons bounding the analysis, e.g. a prefecture."))
    b.input(QgsProcessingParameterFeatureSource("ZONES", QT_TRANSLATE_NOOP("ShippedModel", "Zones"), polygons,
                                                optional=True),
            QT_TRANSLATE_NOOP("ShippedModel",
                              "Optional zones (provinces, counties) for the totals per zone and epoch."))
    b.input(QgsProcessingParameterField("ZONE_FIELD", QT_TRANSLATE_NOOP("ShippedModel", "Zone name field"),
                                        parentLayerParameterName="ZONES",
                                        optional=True),
            QT_TRANSLATE_NOOP("ShippedModel", "Field naming the zones."))
    b.input(QgsProcessingParameterNumber("CELL_SIZE", QT_TRANSLATE_NOOP("ShippedModel", "Cell size (metres)"),
                                         QgsProcessingParameterNumber.Double,
                                         defaultValue=10000.0),
            QT_TRANSLATE_NOOP("ShippedModel", "Fishnet cell side in metres."))
    b.input(QgsProcessingParameterNumber("TIME_STEPS", QT_TRANSLATE_NOOP("ShippedModel",
                                                                         "Neighbourhood time step (epochs)"),
                                         QgsProcessingParameterNumber.Integer, defaultValue=1, minValue=0),
            QT_TRANSLATE_NOOP("ShippedModel",
                              "Previous epochs in the space-time neighbourhood of the emerging hot spot analysis."))
    b.input(QgsProcessingParameterNumber("PERMUTATIONS", QT_TRANSLATE_NOOP("ShippedModel", "Permutations"),
                                         QgsProcessingParameterNumber.Integer,
                                         defaultValue=0, minValue=0),
            QT_TRANSLATE_NOOP("ShippedModel",
                              "0: analytical Gi* (as ArcGIS); more: conditional permutations for pseudo p-values."))
    b.child("epochs", "minemonitor:epochdensity", QT_TRANSLATE_NOOP("ShippedModel", "Mining density over epochs"),
            {"INPUT": ("param", "FOOTPRINTS"), "EPOCH_FIELD": ("param", "EPOCH_FIELD"),
             "STUDY_AREA": ("param", "STUDY_AREA"), "CELL_SIZE": ("param", "CELL_SIZE"), "ZONES": ("param", "ZONES"),
             "ZONE_FIELD": ("param", "ZONE_FIELD")},
            {"OUTPUT": ("DENSITY", QT_TRANSLATE_NOOP("ShippedModel", "Density per epoch")),
             "OUTPUT_WIDE": ("DENSITY_WIDE", QT_TRANSLATE_NOOP("ShippedModel", "Density by epoch")),
             "OUTPUT_TOTALS": ("TOTALS", QT_TRANSLATE_NOOP("ShippedModel", "Totals per epoch and zone"))})
    b.child("trend", "minemonitor:celltrend", QT_TRANSLATE_NOOP("ShippedModel", "Mining trend per cell"),
            {"INPUT": ("child", "epochs", "OUTPUT"), "FIELD": ("static", "mining_km2")},
            {"OUTPUT": ("TREND", QT_TRANSLATE_NOOP("ShippedModel", "Trend per cell"))})
    b.child("emerging", "minemonitor:emerginghotspots", QT_TRANSLATE_NOOP("ShippedModel", "Emerging hot spots"),
            {"INPUT": ("child", "epochs", "OUTPUT"), "FIELD": ("static", "density_pct"),
             "TIME_STEPS": ("param", "TIME_STEPS"), "PERMUTATIONS": ("param", "PERMUTATIONS")},
            {"OUTPUT": ("EMERGING", QT_TRANSLATE_NOOP("ShippedModel", "Emerging hot spots"))})
    b.child("report", "minemonitor:report", QT_TRANSLATE_NOOP("ShippedModel", "Report"),
            {"TITLE": ("static", "Mining dynamics over epochs"),
             "MAP_LAYERS": [("child", "emerging", "OUTPUT"), ("child", "trend", "OUTPUT"),
                            ("child", "epochs", "OUTPUT_WIDE")],
             "TABLES": [("child", "epochs", "OUTPUT_TOTALS")],
             "CONTEXT_LAYERS": [("param", "STUDY_AREA")],
             "REPORTS": [("child", "epochs", "OUTPUT_REPORT"), ("child", "trend", "OUTPUT_REPORT"),
                         ("child", "emerging", "OUTPUT_REPORT")]},
            {"OUTPUT": ("REPORT", QT_TRANSLATE_NOOP("ShippedModel", "Report (HTML)")),
             "OUTPUT_PDF": ("REPORT_PDF", QT_TRANSLATE_NOOP("ShippedModel", "Report (PDF)"))})
    b.save()


def main():
    _app, plugin = start_qgis()
    spatial_pattern()
    footprint_overlap()
    desertification()
    vegetation()
    mining_dynamics()
    plugin.unload()


if __name__ == "__main__":
    main()
