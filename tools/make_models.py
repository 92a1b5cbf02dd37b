#!/usr/bin/env python3
"""Build the shipped graphical models (resources/models/*.model3) from the algorithm definitions.

The models are written with QGIS's own model API, so they open in the graphical modeler. Run after
changing a parameter id the models use:  . scripts/env.sh && .venv/bin/python -m tools.make_models
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "models"


def start_qgis():
    os.environ["QT_HASH_SEED"] = "0"  # stable attribute order in the written XML
    from tools.qgis_headless import start_qgis as start

    return start(ROOT)


class ModelBuilder:
    """Small helper over QgsProcessingModelAlgorithm: inputs, children, outputs, layout."""

    def __init__(self, name: str, description: str):
        from qgis.core import QgsProcessingModelAlgorithm

        self.model = QgsProcessingModelAlgorithm(name, "MineMonitor", "minemonitor")
        self.model.setHelpContent({"ALG_DESC": description, "ALG_CREATOR": "MineMonitor"})
        self.help = {}
        self._inputs = 0
        self._children = 0

    def input(self, definition, help_text: str):
        from qgis.core import QgsProcessingModelParameter
        from qgis.PyQt.QtCore import QPointF

        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120 + 220 * self._inputs, 60))
        definition.setHelp(help_text)
        self.model.addModelParameter(definition, component)
        self.help[definition.name()] = help_text
        self._inputs += 1

    def child(self, child_id: str, alg_id: str, description: str, params: dict, outputs: dict | None = None):
        """``params``: name -> ("param", model_input) | ("child", child, output) | ("static", value)
        | list of those (multiple sources). ``outputs``: child output name -> (model output id, title)."""
        from qgis.core import (
            QgsProcessingModelChildAlgorithm,
            QgsProcessingModelChildParameterSource,
            QgsProcessingModelOutput,
        )
        from qgis.PyQt.QtCore import QPointF

        child = QgsProcessingModelChildAlgorithm(alg_id)
        child.setChildId(child_id)
        child.setDescription(description)
        child.setPosition(QPointF(200 + 260 * (self._children % 3), 220 + 150 * (self._children // 3)))
        self._children += 1

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
        from qgis.core import QgsApplication

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
        self.model.addChildAlgorithm(child)

    def save(self, file_id: str):
        self.model.updateDestinationParameters()
        help_content = dict(self.model.helpContent())
        help_content.update(self.help)
        self.model.setHelpContent(help_content)
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"{file_id}.model3"
        assert self.model.toFile(str(path)), path
        print(path.relative_to(ROOT))


def spatial_pattern():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterNumber,
    )

    b = ModelBuilder(
        "Mining spatial pattern",
        "Fishnet density -> global Moran's I / General G -> local Moran clusters -> Gi* hot spots -> "
        "footprint statistics -> report (the paper's Figs 1, 6-8 and Table 2).",
    )
    b.input(QgsProcessingParameterFeatureSource("FOOTPRINTS", "Mining footprints", [QgsProcessing.TypeVectorPolygon]),
            "Mining footprint polygons (any CRS).")
    b.input(QgsProcessingParameterFeatureSource("STUDY_AREA", "Study area", [QgsProcessing.TypeVectorPolygon],
                                                optional=True), "Polygons bounding the analysis, e.g. provinces.")
    b.input(QgsProcessingParameterNumber("CELL_SIZE", "Cell size (metres)", QgsProcessingParameterNumber.Double,
                                         defaultValue=100000.0), "Fishnet cell side in metres (the paper: 100 km).")
    b.input(QgsProcessingParameterField("WEIGHT_FIELD", "Weight field", parentLayerParameterName="FOOTPRINTS",
                                        type=QgsProcessingParameterField.Numeric, optional=True),
            "Optional numeric field apportioned instead of the footprint area.")
    b.input(QgsProcessingParameterField("GROUP_FIELD", "Group statistics by", parentLayerParameterName="FOOTPRINTS",
                                        optional=True), "Optional field (e.g. province) for the footprint statistics.")
    b.input(QgsProcessingParameterNumber("PERMUTATIONS", "Permutations", QgsProcessingParameterNumber.Integer,
                                         defaultValue=999, minValue=0), "Permutations of the pseudo p-values.")
    b.child("fishnet", "minemonitor:fishnetdensity", "Fishnet mining density",
            {"INPUT": ("param", "FOOTPRINTS"), "STUDY_AREA": ("param", "STUDY_AREA"),
             "CELL_SIZE": ("param", "CELL_SIZE"), "WEIGHT_FIELD": ("param", "WEIGHT_FIELD")},
            {"OUTPUT": ("DENSITY", "Fishnet density")})
    stats_input = {"INPUT": ("child", "fishnet", "OUTPUT"), "FIELD": ("static", "density_pct"),
                   "PERMUTATIONS": ("param", "PERMUTATIONS")}
    # intermediate results (statistics tables, sub-reports) stay temporary and end up in the report;
    # the model's outputs are the styled maps and the report
    b.child("global", "minemonitor:globalautocorrelation", "Global Moran's I and General G", dict(stats_input))
    b.child("localmoran", "minemonitor:localmoran", "Local Moran clusters", dict(stats_input),
            {"OUTPUT": ("CLUSTERS", "Clusters and outliers")})
    b.child("hotspots", "minemonitor:hotspots", "Gi* hot spots",
            {"INPUT": ("child", "fishnet", "OUTPUT"), "FIELD": ("static", "density_pct")}, {"OUTPUT": ("HOT_SPOTS", "Hot spots")})
    b.child("footprints", "minemonitor:footprintstatistics", "Footprint statistics",
            {"INPUT": ("param", "FOOTPRINTS"), "GROUP_FIELDS": ("param", "GROUP_FIELD")})
    b.child("report", "minemonitor:report", "Report",
            {"TITLE": ("static", "Mining spatial pattern"),
             "MAP_LAYERS": [("child", "fishnet", "OUTPUT"), ("child", "localmoran", "OUTPUT"),
                            ("child", "hotspots", "OUTPUT")],
             "TABLES": [("child", "footprints", "OUTPUT"), ("child", "footprints", "OUTPUT_SIZE_CLASSES")],
             "REPORTS": [("child", "global", "OUTPUT_REPORT"), ("child", "footprints", "OUTPUT_HTML")]},
            {"OUTPUT": ("REPORT", "Report")})
    b.save("miningspatialpattern")


def footprint_overlap():
    from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSource, QgsProcessingParameterField

    b = ModelBuilder(
        "Footprint overlap",
        "Footprints tabulated against a class layer (land use, nature reserves, ecological zones) by zone, "
        "as the paper's Tables 3-5, and a report.",
    )
    b.input(QgsProcessingParameterFeatureSource("FOOTPRINTS", "Mining footprints", [QgsProcessing.TypeVectorPolygon]),
            "Mining footprint polygons (any CRS).")
    b.input(QgsProcessingParameterFeatureSource("CLASSES", "Class layer", [QgsProcessing.TypeVectorPolygon]),
            "Polygons of the classes: land use, nature reserves or ecological function zones.")
    b.input(QgsProcessingParameterField("CLASS_FIELD", "Class field", parentLayerParameterName="CLASSES"),
            "Field of the class layer holding the class (e.g. land-use type, reserve name).")
    b.input(QgsProcessingParameterFeatureSource("ZONES", "Zones", [QgsProcessing.TypeVectorPolygon]),
            "Zone polygons, e.g. provinces.")
    b.input(QgsProcessingParameterField("ZONES_FIELD", "Zone field", parentLayerParameterName="ZONES"),
            "Field of the zone layer naming the zone (e.g. province).")
    b.child("overlap", "minemonitor:overlaptabulation", "Overlap tabulation",
            {"INPUT": ("param", "FOOTPRINTS"), "OVERLAY": ("param", "CLASSES"), "CLASS_FIELD": ("param", "CLASS_FIELD"),
             "ZONES": ("param", "ZONES"), "ZONES_FIELD": ("param", "ZONES_FIELD")},
            {"OUTPUT": ("TABLE", "Overlap table")})
    b.child("report", "minemonitor:report", "Report",
            {"TITLE": ("static", "Footprint overlap"), "MAP_LAYERS": [("child", "overlap", "OUTPUT_PIECES")],
             "TABLES": [("child", "overlap", "OUTPUT_PIVOT"), ("child", "overlap", "OUTPUT")]},
            {"OUTPUT": ("REPORT", "Report")})
    b.save("footprintoverlap")


def desertification():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterString,
    )

    from minemonitor_plugin.algorithms.sensitivity.desertification_sensitivity import FACTORS

    b = ModelBuilder(
        "Desertification sensitivity of mining areas",
        "Factor rasters graded by Table 6 -> sum -> classes (natural breaks or the paper's 28/31/34) -> "
        "area of each class inside the mining footprints (Fig. 13) -> report.",
    )
    for param, _key in FACTORS:
        label = param.replace("_", " ").capitalize()
        b.input(QgsProcessingParameterRasterLayer(param, label, optional=True),
                f"Optional factor raster ({label}), graded by its Table 6 row; give at least two factors.")
    b.input(QgsProcessingParameterFeatureSource("FOOTPRINTS", "Mining footprints", [QgsProcessing.TypeVectorPolygon]),
            "Mining footprints: the area of each sensitivity class is tallied inside them.")
    b.input(QgsProcessingParameterEnum("CLASS_METHOD", "Classes", ["Natural breaks (Fisher-Jenks)", "User breaks"],
                                       defaultValue=0), "How the score is classified into sensitivity classes.")
    b.input(QgsProcessingParameterString("BREAKS", "User breaks", defaultValue="28,31,34", optional=True),
            "Upper bounds of the lower classes when 'User breaks' is chosen (the paper: 28,31,34).")
    sources = {param: ("param", param) for param, _key in FACTORS}
    # the footprints are not passed to the sensitivity step: there they would require a land-use raster
    # (the occupation factor); in this model they delimit the class-area tally
    sources.update({"CLASS_METHOD": ("param", "CLASS_METHOD"), "BREAKS": ("param", "BREAKS")})
    b.child("sensitivity", "minemonitor:desertificationsensitivity", "Desertification sensitivity", sources,
            {"OUTPUT_SCORE": ("SCORE", "Sensitivity score"), "OUTPUT_CLASSES": ("CLASSES", "Sensitivity classes")})
    b.child("zonal", "minemonitor:zonalclassarea", "Class area inside the footprints",
            {"INPUT": ("child", "sensitivity", "OUTPUT_CLASSES"), "ZONES": ("param", "FOOTPRINTS"),
             "CLASS_LABELS": ("static", "Low,Moderate,Relatively high,High")},
            {"OUTPUT_TABLE": ("CLASS_AREA", "Class area table")})
    b.child("report", "minemonitor:report", "Report",
            {"TITLE": ("static", "Desertification sensitivity of mining areas"),
             "MAP_LAYERS": [("child", "sensitivity", "OUTPUT_CLASSES")],
             "TABLES": [("child", "zonal", "OUTPUT_TABLE")]},
            {"OUTPUT": ("REPORT", "Report")})
    b.save("desertificationsensitivitymodel")


def vegetation():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterString,
    )

    b = ModelBuilder(
        "Vegetation change around mines",
        "Per-pixel Theil-Sen / Mann-Kendall trend of an annual NDVI (or LAI) stack -> annual series inside "
        "the footprints, rings around them and districts, with Pettitt change points -> report (Figs 10-11).",
    )
    b.input(QgsProcessingParameterMultipleLayers("STACK", "Annual rasters", QgsProcessing.TypeRaster),
            "One multiband raster (one band per year) or one single-band raster per year.")
    b.input(QgsProcessingParameterString("YEARS", "Years", optional=True, defaultValue=""),
            "Years of the bands or rasters (e.g. 2001-2020); default: read from band descriptions or file names.")
    b.input(QgsProcessingParameterFeatureSource("FOOTPRINTS", "Mining footprints", [QgsProcessing.TypeVectorPolygon],
                                                optional=True), "Mining footprints (dissolved into one zone).")
    b.input(QgsProcessingParameterString("BUFFERS", "Rings around the footprints (metres)", optional=True,
                                         defaultValue="0-1000,1000-5000"),
            "Rings outside the footprints, e.g. 0-1000,1000-5000 (metres).")
    b.input(QgsProcessingParameterFeatureSource("ZONES", "Districts", [QgsProcessing.TypeVectorPolygon],
                                                optional=True), "Optional district polygons, one zone each.")
    b.input(QgsProcessingParameterField("ZONE_FIELD", "District name field", parentLayerParameterName="ZONES",
                                        optional=True), "Field naming the districts.")
    b.child("trend", "minemonitor:ndvitrend", "Per-pixel trend",
            {"INPUT": ("param", "STACK"), "YEARS": ("param", "YEARS")},
            {"OUTPUT_SEN_SLOPE": ("SLOPE", "Theil-Sen slope"), "OUTPUT_CLASS": ("TREND_CLASS", "Trend class"),
             "OUTPUT_MEAN": ("MEAN", "Multi-year mean")})
    b.child("series", "minemonitor:zonaltimeseries", "Zonal annual series and change points",
            {"INPUT": ("param", "STACK"), "YEARS": ("param", "YEARS"), "FOOTPRINTS": ("param", "FOOTPRINTS"),
             "BUFFERS": ("param", "BUFFERS"), "ZONES": ("param", "ZONES"), "ZONE_FIELD": ("param", "ZONE_FIELD")},
            {"OUTPUT": ("SERIES", "Annual zonal series")})
    b.child("report", "minemonitor:report", "Report",
            {"TITLE": ("static", "Vegetation change around mines"),
             "MAP_LAYERS": [("child", "trend", "OUTPUT_CLASS"), ("child", "trend", "OUTPUT_SEN_SLOPE")],
             "TABLES": [("child", "series", "OUTPUT_CHANGE")],
             "REPORTS": [("child", "series", "OUTPUT_HTML")]},
            {"OUTPUT": ("REPORT", "Report")})
    b.save("vegetationchange")


def mining_dynamics():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterNumber,
    )

    b = ModelBuilder(
        "Mining dynamics over epochs",
        "Footprints of many survey epochs (quarters) -> one fishnet with mining per cell and epoch, totals per zone "
        "-> Mann-Kendall trend of each cell -> emerging hot spots (space-time Gi*) -> report with the density maps "
        "of every epoch, the area per zone and epoch and the emerging hot spot categories.",
    )
    b.input(QgsProcessingParameterFeatureSource("FOOTPRINTS", "Footprints of all epochs", [QgsProcessing.TypeVectorPolygon]),
            "Mining footprints of every survey epoch in one layer (any CRS).")
    b.input(QgsProcessingParameterField("EPOCH_FIELD", "Epoch field", parentLayerParameterName="FOOTPRINTS"),
            "Field with each footprint's epoch: a date, a year or text such as 2022Q3.")
    b.input(QgsProcessingParameterFeatureSource("STUDY_AREA", "Study area", [QgsProcessing.TypeVectorPolygon],
                                                optional=True), "Polygons bounding the analysis, e.g. a prefecture.")
    b.input(QgsProcessingParameterFeatureSource("ZONES", "Zones", [QgsProcessing.TypeVectorPolygon], optional=True),
            "Optional zones (provinces, counties) for the totals per zone and epoch.")
    b.input(QgsProcessingParameterField("ZONE_FIELD", "Zone name field", parentLayerParameterName="ZONES", optional=True),
            "Field naming the zones.")
    b.input(QgsProcessingParameterNumber("CELL_SIZE", "Cell size (metres)", QgsProcessingParameterNumber.Double,
                                         defaultValue=10000.0), "Fishnet cell side in metres.")
    b.input(QgsProcessingParameterNumber("TIME_STEPS", "Neighbourhood time step (epochs)",
                                         QgsProcessingParameterNumber.Integer, defaultValue=1, minValue=0),
            "Previous epochs in the space-time neighbourhood of the emerging hot spot analysis.")
    b.input(QgsProcessingParameterNumber("PERMUTATIONS", "Permutations", QgsProcessingParameterNumber.Integer,
                                         defaultValue=0, minValue=0),
            "0: analytical Gi* (as ArcGIS); more: conditional permutations for pseudo p-values.")
    b.child("epochs", "minemonitor:epochdensity", "Mining density over epochs",
            {"INPUT": ("param", "FOOTPRINTS"), "EPOCH_FIELD": ("param", "EPOCH_FIELD"),
             "STUDY_AREA": ("param", "STUDY_AREA"), "CELL_SIZE": ("param", "CELL_SIZE"), "ZONES": ("param", "ZONES"),
             "ZONE_FIELD": ("param", "ZONE_FIELD")},
            {"OUTPUT": ("DENSITY", "Density per epoch"), "OUTPUT_WIDE": ("DENSITY_WIDE", "Density by epoch"),
             "OUTPUT_TOTALS": ("TOTALS", "Totals per epoch and zone")})
    b.child("trend", "minemonitor:celltrend", "Mining trend per cell",
            {"INPUT": ("child", "epochs", "OUTPUT"), "FIELD": ("static", "mining_km2")},
            {"OUTPUT": ("TREND", "Trend per cell")})
    b.child("emerging", "minemonitor:emerginghotspots", "Emerging hot spots",
            {"INPUT": ("child", "epochs", "OUTPUT"), "FIELD": ("static", "density_pct"),
             "TIME_STEPS": ("param", "TIME_STEPS"), "PERMUTATIONS": ("param", "PERMUTATIONS")},
            {"OUTPUT": ("EMERGING", "Emerging hot spots")})
    b.child("report", "minemonitor:report", "Report",
            {"TITLE": ("static", "Mining dynamics over epochs"),
             "MAP_LAYERS": [("child", "emerging", "OUTPUT"), ("child", "trend", "OUTPUT"),
                            ("child", "epochs", "OUTPUT_WIDE")],
             "TABLES": [("child", "epochs", "OUTPUT_TOTALS")],
             "REPORTS": [("child", "epochs", "OUTPUT_REPORT"), ("child", "trend", "OUTPUT_REPORT"),
                         ("child", "emerging", "OUTPUT_REPORT")]},
            {"OUTPUT": ("REPORT", "Report")})
    b.save("miningdynamics")


def main():
    app, plugin = start_qgis()
    spatial_pattern()
    footprint_overlap()
    desertification()
    vegetation()
    mining_dynamics()
    plugin.unload()


if __name__ == "__main__":
    main()
