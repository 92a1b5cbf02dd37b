"""minemonitor:desertificationsensitivity: the paper's desertification sensitivity model in one step."""

from __future__ import annotations

import re

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ... import compat
from ...engine.tasks import GradeFactors
from ...qgis_io import raster as rio
from ...qgis_io import vector as vio
from .base import SensitivityAlgorithm

#: (parameter id, preset key) in the order of Table 6.
FACTORS = (
    ("SOIL_MOISTURE", "soil_moisture"),
    ("EVAPOTRANSPIRATION", "evapotranspiration"),
    ("PRECIPITATION", "precipitation"),
    ("WIND_SPEED", "wind_speed"),
    ("SAND", "sand"),
    ("SILT", "silt"),
    ("CLAY", "clay"),
    ("EROSION", "erosion"),
    ("SLOPE", "slope"),
    ("GEOHAZARD", "geohazard"),
    ("NDVI_MEAN", "ndvi_mean"),
    ("NDVI_TREND", "ndvi_trend"),
    ("LAND_USE", "mining_occupation"),
)


class DesertificationSensitivityAlgorithm(SensitivityAlgorithm):
    """Grade the Table 6 factors, add them up and classify the sum, from raw factor rasters."""

    ALG_ID = "desertificationsensitivity"

    FOOTPRINTS = "FOOTPRINTS"
    OUTSIDE_MINING_GRADE = "OUTSIDE_MINING_GRADE"
    WEIGHTS = "WEIGHTS"
    OUTPUT_SCORE = "OUTPUT_SCORE"
    OUTPUT_FACTORS = "OUTPUT_FACTORS"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    FACTOR_COUNT = "FACTOR_COUNT"
    FACTOR_WARNINGS = "FACTOR_WARNINGS"

    def displayName(self):
        return self.tr("Desertification sensitivity (Table 6 model)")

    def shortDescription(self):
        return self.tr("Grades raw factor rasters by Table 6, adds the grades and classifies the sum by natural "
                       "breaks or given breaks, in one pass over the rasters.")

    def tags(self):
        return self.tr("desertification,sensitivity,Table 6,grade,weighted overlay,natural breaks,Fisher-Jenks,"
                       "mining,ecology").split(",")

    def shortHelpString(self):
        return (self.tr(
            "The desertification sensitivity model of the reference paper in one step: each given factor "
            "raster is graded by its table (Table 6 by default, editable in the advanced parameters), the "
            "grades are added (or weighted), and the score is classified into sensitivity classes, by exact "
            "Fisher-Jenks natural breaks on a deterministic sample or by given breaks such as the paper's "
            "28, 31, 34 (low <= 28 < moderate <= 31 < relatively high <= 34 < high).\n\n"
            "Give any subset of the 13 factors (at least two). Mining land occupation: a land-use raster graded "
            "by the occupation table; with mining footprints, only pixels whose centre lies in a footprint get "
            "the land-use grade and all other pixels the 'grade outside mining' (default 1, low); without "
            "footprints the land-use raster is graded everywhere.\n\n"
            "All rasters are put on the reference grid (default: the first factor given, in Table 6 order): "
            "continuous factors are resampled with the chosen method, categorical ones (erosion, geohazard, "
            "land use) always by nearest neighbour. Reading, grading, adding and writing go block by block, "
            "with the next block decoded on a second thread; a second pass over the score writes the classes "
            "when natural breaks are used. Values outside every row of a table become NoData (or the stated "
            "grade) and are counted in the log; NoData in any factor gives NoData in the score unless 'skip "
            "and renormalise' is chosen.\n\n"
            "Outputs: the score (Int16, NoData -32768, or Float32 for weighted sums) and the classes (Byte, "
            "1 = low, NoData 255), tiled DEFLATE GeoTIFFs, styled. 'Zonal class area' then gives the area of "
            "each class inside mining footprints (the paper's Fig. 13).\n\nTable 6 presets:")
            + "\n" + self.presets_help() + "\n\n" + self.table6_reading_help() + "\n\n"
            + self.trend_reading_help() + "\n\n" + self.tr(
                "Diagnostics: the grade histogram and value range of every factor are logged (and written to the "
                "optional factor table and report); a factor that leaves grades of its table empty or puts more "
                "than 95 % of its pixels in one grade is named in a warning with its value range."))

    def initAlgorithm(self, config=None):
        from ...core.grading import load_presets

        presets = load_presets()
        names = self.factor_names()
        helps = {
            "SOIL_MOISTURE": self.tr("Soil moisture raster, volumetric (m³/m³)."),
            "EVAPOTRANSPIRATION": self.tr("Evapotranspiration raster, mm per month."),
            "PRECIPITATION": self.tr("Annual precipitation raster, mm per year."),
            "WIND_SPEED": self.tr("Average wind speed raster, m/s."),
            "SAND": self.tr("Soil sand content raster, percent (0-100)."),
            "SILT": self.tr("Soil silt content raster, percent (0-100)."),
            "CLAY": self.tr("Soil clay content raster, percent (0-100)."),
            "EROSION": self.tr("Soil erosion intensity class raster (codes as in the erosion table)."),
            "SLOPE": self.tr("Slope raster in degrees (e.g. from a DEM with the Slope tool, in a projected CRS)."),
            "GEOHAZARD": self.tr("Geohazard susceptibility class raster (1 none, 2 low, 3 moderate, 4 high)."),
            "NDVI_MEAN": self.tr("Multi-year mean NDVI raster."),
            "NDVI_TREND": self.tr("NDVI trend raster, NDVI units per year (e.g. a Sen slope)."),
            "LAND_USE": self.tr("Land-use raster (codes as in the occupation table) for the mining land occupation "
                                "factor."),
        }
        for param, key in FACTORS:
            self.add_parameter(
                QgsProcessingParameterRasterLayer(param, names[key], optional=True), helps[param])
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.FOOTPRINTS, self.tr("Mining footprints"),
                                                [compat.TYPE_VECTOR_POLYGON], optional=True),
            self.tr("Optional mining footprint polygons: the land-use grade applies inside them only (pixel "
                    "centre in a footprint); needs the land-use raster."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.OUTSIDE_MINING_GRADE, self.tr("Grade outside mining"),
                                         compat.NUMBER_INTEGER, defaultValue=1, minValue=-32767, maxValue=32767),
            self.tr("Mining land occupation grade of pixels outside every footprint (no occupation: 1, low)."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.WEIGHTS, self.tr("Weights"), optional=True, defaultValue=""),
            self.tr("Optional weights as FACTOR=weight pairs, e.g. SLOPE=2, NDVI_TREND=1.5 (factor names are the "
                    "parameter names: SOIL_MOISTURE ... LAND_USE); unnamed factors weigh 1. Empty: the paper's "
                    "plain sum."),
        )
        self.add_trend_reading_parameters()
        self.add_overlay_parameters(self.tr("How the grades are combined: the paper adds them (plain sum)."),
                                    self.tr("What a NoData pixel in one factor does to the score."))
        self.add_alignment_parameters(
            self.tr("Resampling of continuous factors not on the reference grid (categorical factors always use "
                    "nearest neighbour)."), default_resampling=1)
        self.add_table_rule_parameters(self.tr("What factor values outside every row of their table become."),
                                       advanced=True)
        for param, key in FACTORS:
            preset = presets[key]
            threshold = preset.kind == "threshold"
            headers = ([self.tr("Lower bound"), self.tr("Upper bound"), self.tr("Grade")] if threshold
                       else [self.tr("Code"), self.tr("Grade")])
            self.add_parameter(
                QgsProcessingParameterMatrix(f"TABLE_{param}", self.tr("Table: {factor}").format(factor=names[key]),
                                             numberRows=0, hasFixedNumberRows=False, headers=headers,
                                             defaultValue=preset.table.as_matrix(), optional=True),
                self.tr("Threshold rows (lower bound, upper bound, grade; empty bound = open-ended) or category "
                        "rows (code, grade) for this factor; the default is its Table 6 preset."),
                advanced=True,
            )
        self.add_parameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT_SCORE, self.tr("Sensitivity score")),
            self.tr("Sum (or weighted sum) of the factor grades (tiled DEFLATE GeoTIFF), styled."),
        )
        self.add_class_parameters(optional_output=False)
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SUMMARY, self.tr("Sensitivity class table"),
                                              compat.TYPE_VECTOR, optional=True, createByDefault=False),
            self.tr("Optional table of the classes: class, label, score_from and score_to (the breaks used), "
                    "pixels and pixels_pct."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_FACTORS, self.tr("Factor grade table"),
                                              compat.TYPE_VECTOR, optional=True, createByDefault=False),
            self.tr("Optional table with one row per factor and grade: factor, parameter, grade, pixels, "
                    "pixels_pct, value_min, value_max and the warning when the factor leaves grades empty or "
                    "puts more than 95 % of its pixels in one grade."),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, self.tr("Report"), self.tr("HTML files (*.html)"),
                                                  optional=True, createByDefault=False),
            self.tr("Optional HTML report: class breaks and shares, factor warnings, a grade histogram per factor "
                    "and the settings."),
        )
        self.add_execution_parameter()
        self.add_score_outputs()
        self.add_output(QgsProcessingOutputNumber(self.FACTOR_COUNT, self.tr("Number of factors")))
        self.add_output(QgsProcessingOutputNumber(self.FACTOR_WARNINGS, self.tr("Factors with a warning")))

    # -----------------------------------------------------------------------------------------------
    def factor_tables(self, parameters, context, params, closed, trend_years=None):
        """Grading table of each given factor (from its matrix parameter; Table 6 when left empty). With
        ``trend_years`` the NDVI-trend table is read as the change over the period: its breaks are
        divided by the period length to grade a per-year slope."""
        from ...core.factors import per_year_table
        from ...core.grading import categorical_table, load_presets, rows_from_matrix, threshold_table

        presets = load_presets()
        tables = []
        for param in params:
            key = dict(FACTORS)[param]
            cells = self.matrix_cells(parameters, f"TABLE_{param}", context) or presets[key].table.as_matrix()
            if presets[key].kind == "threshold":
                table = threshold_table(rows_from_matrix(cells, 3), closed)
                if param == "NDVI_TREND" and trend_years is not None:
                    table = per_year_table(table, trend_years)
            else:
                table = categorical_table(rows_from_matrix(cells, 2))
            tables.append(table)
        return tables

    def factor_weights(self, parameters, context, params) -> str:
        """Positional weights for the given factors from FACTOR=weight pairs ("" when none)."""
        text = self.parameterAsString(parameters, self.WEIGHTS, context).strip()
        if not text:
            return ""
        weights = dict.fromkeys(params, "1")
        given: dict[str, str] = {}
        for item in [p for p in re.split(r"[,;]+", text) if p.strip()]:
            key, sep, value = item.partition("=")
            key = key.strip().upper()
            if not sep:
                raise QgsProcessingException(self.tr(
                    "The weight {item} is not of the form FACTOR=weight (e.g. SLOPE=2).").format(item=item.strip()))
            if key not in dict(FACTORS):
                raise QgsProcessingException(self.tr("Unknown factor {factor} in the weights; use {names}.").format(
                    factor=key, names=", ".join(p for p, _ in FACTORS)))
            if key not in weights:
                raise QgsProcessingException(self.tr(
                    "A weight is given for {factor}, but no {factor} raster was given.").format(factor=key))
            if key in given:
                raise QgsProcessingException(self.tr(
                    "The weight of {factor} is given twice ({first} and {second}).").format(
                    factor=key, first=given[key], second=value.strip()))
            given[key] = weights[key] = value.strip()
        return ",".join(weights[p] for p in params)

    def execute(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ...core.factors import GradeTally, table_grades
        from ...core.raster_overlay import overlay_spec

        names = self.factor_names()
        params, layers = [], []
        for param, _key in FACTORS:
            layer = self.parameterAsRasterLayer(parameters, param, context)
            if layer is not None:
                params.append(param)
                layers.append(layer)
        footprints = self.source(parameters, self.FOOTPRINTS, context, optional=True)
        if footprints is not None and "LAND_USE" not in params:
            raise QgsProcessingException(self.tr(
                "Mining footprints were given without a land-use raster: the occupation factor grades the land "
                "use inside the footprints."))
        if len(params) < 2:
            raise QgsProcessingException(self.tr("Give at least two factor rasters; {n} given.").format(
                n=len(params)))
        closed, outside_grade = self.table_rules(parameters, context, feedback)
        trend_years = self.trend_reading(parameters, context) if "NDVI_TREND" in params else None
        if trend_years is not None:
            feedback.pushInfo(self.tr("NDVI trend: Table 6's breaks read as the change over {years} years, i.e. "
                                      "divided by {years} for the per-year slope raster.").format(
                years=f"{trend_years:g}"))
        tables = self.factor_tables(parameters, context, params, closed, trend_years)
        method, rule = self.overlay_choice(parameters, context)
        spec = overlay_spec(len(params), method, self.factor_weights(parameters, context, params), rule)
        feedback.pushInfo(self.tr("Overlay: {spec}").format(spec=spec.describe()))

        inputs = [rio.gdal_input(layer, 1) for layer in layers]
        categorical = [not hasattr(t, "rows") for t in tables]
        for param, layer, table, w in zip(params, layers, tables, spec.weights, strict=True):
            key = dict(FACTORS)[param]
            kind = self.tr("categories") if not hasattr(table, "rows") else self.tr("thresholds")
            feedback.pushInfo(self.tr("{factor} ({layer}): {kind} {table}, weight {weight:g}").format(
                factor=names[key], layer=layer.name(), kind=kind, table=table.as_matrix(), weight=w))
        aligned, grid = self.align(parameters, context, feedback, inputs, inputs[0],
                                   ["near" if c else None for c in categorical])

        occupied = None
        mining_grade = self.parameterAsInt(parameters, self.OUTSIDE_MINING_GRADE, context)
        if footprints is not None:
            crs = QgsCoordinateReferenceSystem.fromWkt(grid.crs_wkt)
            data = vio.read_polygons(footprints, context, feedback, crs=crs, progress_range=(0.0, 2.0))
            wkbs = tuple(bytes(b) for b in shapely.to_wkb(data.geometries))
            bounds = shapely.bounds(data.geometries) if len(data) else np.empty((0, 4))
            occupied = (wkbs, bounds)
            feedback.pushInfo(self.tr("{n} mining footprints rasterised (pixel centre rule); grade outside "
                                      "mining: {grade}").format(n=len(data), grade=mining_grade))
        land_index = params.index("LAND_USE") if "LAND_USE" in params else -1
        prepare = GradeFactors(tables=tuple(tables), outside_grade=outside_grade, land_index=land_index,
                               mining_grade=mining_grade, footprints=occupied, tally=True)
        address = self.execution_address(parameters, context, feedback)
        score_path = self.cluster_raster_destination(parameters, self.OUTPUT_SCORE, context, address)
        class_path = self.cluster_raster_destination(parameters, self.OUTPUT_CLASSES, context, address)
        settings = self.class_settings(parameters, context)
        run = self.run_overlay(aligned, spec, prepare, spec.integer_output, score_path, class_path, settings,
                               self.read_threads(parameters, context), feedback,
                               [names[dict(FACTORS)[p]] for p in params],
                               self.raster_compression(parameters, context, feedback), address)
        outside_counts = self.outside_counts or [0] * len(params)
        for param, n in zip(params, outside_counts, strict=True):
            if n:
                feedback.pushWarning(self.tr("{factor}: {n} pixels had values outside every row of the table.").format(
                    factor=names[dict(FACTORS)[param]], n=n))
        factor_names = [names[dict(FACTORS)[p]] for p in params]
        tallies = self.factor_tallies or [GradeTally(expected=table_grades(t)) for t in tables]  # no window: empty
        diagnoses = self.diagnose_factors(factor_names, params, tables, tallies, feedback, trend_years)
        warnings = {param: self.factor_warnings(dx, param, trend_years) for param, dx in diagnoses}
        self.style_output(context, score_path, "sensitivity_score")
        self.style_output(context, class_path, "sensitivity_classes")
        results = {self.OUTPUT_SCORE: score_path, self.OUTPUT_CLASSES: class_path, self.FACTOR_COUNT: len(params),
                   self.FACTOR_WARNINGS: sum(1 for texts in warnings.values() if texts), **self.score_results(run)}
        table_id = self.write_factor_table(parameters, self.OUTPUT_FACTORS, context, diagnoses, warnings)
        if table_id:
            results[self.OUTPUT_FACTORS] = table_id
        summary_id = self.write_class_table(parameters, self.OUTPUT_SUMMARY, context, run)
        if summary_id:
            results[self.OUTPUT_SUMMARY] = summary_id
        report_path = self.output_file(parameters, self.OUTPUT_REPORT, context)
        if report_path:
            self.sensitivity_report(report_path, run, diagnoses, warnings, settings, spec.describe(), trend_years)
            results[self.OUTPUT_REPORT] = report_path
        return results
