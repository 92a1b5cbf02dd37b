"""minemonitor:gradefactor: grade one raster into sensitivity grades by a threshold table or categories."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBand,
    QgsProcessingParameterEnum,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ... import compat
from ...qgis_io import raster as rio
from .base import SensitivityAlgorithm

PRESET_KEYS = ("soil_moisture", "evapotranspiration", "precipitation", "wind_speed", "sand", "silt", "clay",
               "erosion", "slope", "geohazard", "ndvi_mean", "ndvi_trend", "mining_occupation")
#: Alternative readings of Table 6 rows (``alternatives`` of data/table6_presets.json), listed after the
#: factors in the PRESET enum (index len(PRESET_KEYS) + 1 + i; the order never changes).
ALTERNATIVE_KEYS = ("ndvi_trend_period",)


class GradeFactorAlgorithm(SensitivityAlgorithm):
    """Grade a raster by a threshold table or a categorical mapping (Table 6 presets)."""

    ALG_ID = "gradefactor"

    INPUT = "INPUT"
    BAND = "BAND"
    PRESET = "PRESET"
    TABLE = "TABLE"
    CATEGORIES = "CATEGORIES"
    OUTPUT = "OUTPUT"
    OUTSIDE_COUNT = "OUTSIDE_COUNT"
    NODATA_COUNT = "NODATA_COUNT"

    def displayName(self):
        return self.tr("Grade factor raster")

    def shortDescription(self):
        return self.tr("Grades a raster into sensitivity grades (1-4 or any integers) by a threshold table or a "
                       "category mapping, with the paper's Table 6 as presets.")

    def tags(self):
        return self.tr("grade,reclassify,threshold,table,sensitivity,desertification,factor,Table 6").split(",")

    def shortHelpString(self):
        return (self.tr(
            "Grades one raster band into integer grades, block by block, like one step of ArcGIS Weighted "
            "Overlay's remap or QGIS 'Reclassify by table', with checks those tools lack.\n\n"
            "Threshold table: rows of lower bound, upper bound, grade (an empty bound is open-ended). Rows may "
            "be given in any order; they must neither overlap nor leave gaps, otherwise the run is refused "
            "with a message naming the two rows. The grade may rise with the value (more wind, more "
            "sensitive) or fall (more precipitation, less sensitive). Edge rule: by default a row covers "
            "lower <= value < upper, so a value exactly on a break takes the grade of the row above it.\n\n"
            "Category mapping: rows of code, grade (erosion classes, hazard classes, land-use codes).\n\n"
            "Values outside every row become NoData, or a grade you state; they never become 0 silently, and "
            "their number is logged and returned. Input NoData (and NaN) stays NoData. The output is a "
            "tiled, DEFLATE-compressed GeoTIFF (Byte with NoData 255 when the grades fit, Int16 otherwise).\n\n"
            "Presets (Table 6 of the reference paper, grade 4 = high sensitivity):")
            + "\n" + self.presets_help() + "\n\n" + self.table6_reading_help() + "\n\n"
            + self.trend_reading_help())

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Factor raster")),
            self.tr("Raster of the factor in the units of the table (read with GDAL)."),
        )
        self.add_parameter(
            QgsProcessingParameterBand(self.BAND, self.tr("Band"), defaultValue=1, parentLayerParameterName=self.INPUT,
                                       optional=True),
            self.tr("Band of the factor raster to grade."),
        )
        names = self.factor_names()
        self.add_parameter(
            QgsProcessingParameterEnum(self.PRESET, self.tr("Grading preset"),
                                       options=[self.tr("Custom table (below)")] + [names[k] for k in PRESET_KEYS]
                                       + [self.tr("NDVI change over the trend period (Table 6 breaks ÷ period "
                                                  "length, for a per-year slope)")],
                                       defaultValue=0),
            self.tr("A Table 6 factor (its table is listed in the help), or 'Custom table' to use the threshold "
                    "table or the category mapping below. To edit a preset, copy its rows into a custom table. "
                    "'NDVI change over the trend period' reads the NDVI-trend breaks as the change over the whole "
                    "period and grades a per-year slope raster by the breaks divided by the period length below."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.TREND_PERIOD_YEARS, self.tr("Length of the trend period (years)"),
                                         compat.NUMBER_DOUBLE, defaultValue=22.0, minValue=0.001),
            self.tr("Years from the first to the last year of the trend (the paper: 2000-2022, 22 years); used by "
                    "the preset 'NDVI change over the trend period'."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterMatrix(self.TABLE, self.tr("Threshold table"), numberRows=0,
                                         hasFixedNumberRows=False,
                                         headers=[self.tr("Lower bound"), self.tr("Upper bound"), self.tr("Grade")],
                                         optional=True),
            self.tr("Custom threshold rows: lower bound, upper bound (empty = open-ended), integer grade."),
        )
        self.add_parameter(
            QgsProcessingParameterMatrix(self.CATEGORIES, self.tr("Category mapping"), numberRows=0,
                                         hasFixedNumberRows=False, headers=[self.tr("Code"), self.tr("Grade")],
                                         optional=True),
            self.tr("Custom category rows: raster code, integer grade. Give either this or a threshold table."),
        )
        self.add_table_rule_parameters(
            self.tr("What pixels whose value lies outside every row (or whose code is not mapped) become."),
            advanced=False)
        self.add_compression_parameter()
        self.add_parameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Graded factor")),
            self.tr("Graded raster (tiled, compressed GeoTIFF), styled by grade."),
        )
        self.add_output(QgsProcessingOutputNumber(self.OUTSIDE_COUNT, self.tr("Pixels outside every row")))
        self.add_output(QgsProcessingOutputNumber(self.NODATA_COUNT, self.tr("NoData pixels in the output")))

    def grading_table(self, parameters, context, feedback, closed):
        """The table chosen by PRESET / TABLE / CATEGORIES, with edge rule ``closed`` (logged)."""
        from ...core.grading import categorical_table, load_presets, rows_from_matrix, threshold_table

        preset = self.parameterAsEnum(parameters, self.PRESET, context)
        rows = self.matrix_cells(parameters, self.TABLE, context)
        cats = self.matrix_cells(parameters, self.CATEGORIES, context)
        if preset > 0:
            if rows or cats:
                raise QgsProcessingException(self.tr(
                    "A preset is selected and a custom table is given too; choose 'Custom table' to use your table."))
            if preset > len(PRESET_KEYS):
                from ...core.factors import load_alternatives, per_year_table

                key = ALTERNATIVE_KEYS[preset - len(PRESET_KEYS) - 1]
                years = self.parameterAsDouble(parameters, self.TREND_PERIOD_YEARS, context)
                table = load_alternatives()[key][0].table
                if table.closed != closed:
                    table = threshold_table([(r.lower, r.upper, r.grade) for r in table.rows], closed)
                table = per_year_table(table, years)
                feedback.pushInfo(self.tr("Preset: NDVI change over a trend period of {years} years (breaks divided "
                                          "by {years})").format(years=f"{years:g}"))
                return table
            key = PRESET_KEYS[preset - 1]
            table = load_presets()[key].table
            if hasattr(table, "closed") and table.closed != closed:
                table = threshold_table([(r.lower, r.upper, r.grade) for r in table.rows], closed)
            feedback.pushInfo(self.tr("Preset: {name}").format(name=self.factor_names()[key]))
        elif rows and cats:
            raise QgsProcessingException(self.tr("Give either a threshold table or a category mapping, not both."))
        elif rows:
            table = threshold_table(rows_from_matrix(rows, 3), closed)
        elif cats:
            table = categorical_table(rows_from_matrix(cats, 2))
        else:
            raise QgsProcessingException(self.tr("Choose a preset or give a threshold table or a category mapping."))
        if hasattr(table, "rows"):
            feedback.pushInfo(self.tr("Threshold table ({rule} bound inclusive, grades {direction}): {rows}").format(
                rule=closed, direction=table.direction,
                rows="; ".join(f"{r.lower:g}..{r.upper:g} -> {r.grade}" for r in table.rows)))
        else:
            feedback.pushInfo(self.tr("Category mapping: {rows}").format(
                rows="; ".join(f"{c:g} -> {g}" for c, g in zip(table.codes, table.grades, strict=True))))
        return table

    def execute(self, parameters, context, feedback):
        import numpy as np

        from ...core.grading import grade_array, output_dtype

        layer = self.raster_layers(parameters, self.INPUT, context)
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        closed, outside_grade = self.table_rules(parameters, context, feedback)
        table = self.grading_table(parameters, context, feedback, closed)
        dtype, nodata = output_dtype(table, outside_grade)
        path = self.raster_destination(parameters, self.OUTPUT, context)
        source = rio.gdal_input(layer, band)
        compression = self.raster_compression(parameters, context, feedback)

        from ...core.factors import GradeTally

        outside = 0
        nodata_count = 0
        counts: dict[int, int] = {}
        from ...core.factors import table_grades

        tally = GradeTally(expected=table_grades(table))
        with rio.BlockReader([source], threads=2) as reader, \
                rio.BlockWriter(path, reader.grid, dtype, nodata, extra_options=compression) as writer:
            feedback.pushInfo(self.tr("Grid: {grid}; {n} blocks").format(grid=reader.grid.describe(), n=len(reader)))
            for k, block in enumerate(reader):
                res = grade_array(block.arrays[0], table, block.nodata[0], outside_grade, nan_in_nodata=True)
                tally.add(res.grades, res.nodata, block.arrays[0], block.nodata[0])
                writer.write(block.window, res.grades, res.nodata)
                outside += res.outside
                nodata_count += int(res.nodata.sum())
                values, n = np.unique(res.grades[~res.nodata], return_counts=True)
                for v, c in zip(values.tolist(), n.tolist(), strict=True):
                    counts[v] = counts.get(v, 0) + c
                self.block_done(feedback, k, len(reader), 0.0, 100.0)
        if outside:
            feedback.pushWarning(self.tr("{n} pixels had values outside every row of the table.").format(n=outside))
        for grade in sorted(counts):
            feedback.pushInfo(self.tr("Grade {grade}: {n} pixels").format(grade=grade, n=counts[grade]))
        feedback.pushInfo(self.tr("NoData pixels: {n}").format(n=nodata_count))
        from ...core.factors import diagnose, table_grades

        dx = diagnose(layer.name(), tally, table_grades(table))
        preset = self.parameterAsEnum(parameters, self.PRESET, context)
        param = "NDVI_TREND" if 0 < preset <= len(PRESET_KEYS) and PRESET_KEYS[preset - 1] == "ndvi_trend" else ""
        for text in self.factor_warnings(dx, param, None):
            feedback.pushWarning(text)
        self.style_output(context, path, "sensitivity_grade")
        return {self.OUTPUT: path, self.OUTSIDE_COUNT: outside, self.NODATA_COUNT: nodata_count}
