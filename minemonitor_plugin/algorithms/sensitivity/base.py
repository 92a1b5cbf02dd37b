"""Shared steps of the sensitivity algorithms: raster inputs and alignment, outputs, classes."""

from __future__ import annotations

import os
from dataclasses import dataclass

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ... import compat
from ...core.errors import CancelledError
from ...core.raster_overlay import DEFAULT_SAMPLE_SIZE, MAX_SAMPLE_SIZE
from ...engine.tasks import CHUNK_PIXELS  # noqa: F401 - rows of a block computed together (tests import it)
from ...qgis_io import raster as rio
from ..base import MineMonitorAlgorithm
from ..execution import ExecutionMixin

SCORE_NODATA_INT = -32768
SCORE_NODATA_FLOAT = -3.4028234663852886e38  # lowest float32, QGIS's usual float NoData
CLASS_NODATA = 255
CLASS_METHODS = ("fisher_jenks", "user")


@dataclass(frozen=True)
class ClassSettings:
    """How the score is cut into classes."""

    method: str
    k: int
    user_breaks: tuple[float, ...]
    sample_size: int
    seed: int


@dataclass(frozen=True)
class OverlayRun:
    """What the overlay loop produced."""

    score_min: float
    score_max: float
    valid_pixels: int
    breaks: tuple[float, ...]
    class_counts: dict


class SensitivityAlgorithm(ExecutionMixin, MineMonitorAlgorithm):
    """Base of the sensitivity algorithms: common parameters and raster steps."""

    GROUP_ID = "sensitivity"

    REFERENCE = "REFERENCE"
    RESAMPLING = "RESAMPLING"
    ALLOW_RESAMPLING = "ALLOW_RESAMPLING"
    READ_THREADS = "READ_THREADS"
    CLASS_METHOD = "CLASS_METHOD"
    BREAKS = "BREAKS"
    CLASS_COUNT = "CLASS_COUNT"
    SAMPLE_SIZE = "SAMPLE_SIZE"
    SEED = "SEED"
    OUTPUT_CLASSES = "OUTPUT_CLASSES"
    BREAKS_USED = "BREAKS_USED"
    METHOD = "METHOD"
    NODATA_RULE = "NODATA_RULE"
    EDGE_RULE = "EDGE_RULE"
    OUTSIDE = "OUTSIDE"
    OUTSIDE_GRADE = "OUTSIDE_GRADE"
    SCORE_MIN = "SCORE_MIN"
    SCORE_MAX = "SCORE_MAX"
    VALID_PIXELS = "VALID_PIXELS"

    # parameters ----------------------------------------------------------------------------
    def add_alignment_parameters(self, resampling_help: str, default_resampling: int = 0) -> None:
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.REFERENCE, self.tr("Reference raster (grid)"), optional=True),
            self.tr("Raster whose CRS, pixel size and extent the outputs use; other rasters are resampled onto "
                    "it. Default: the first input raster."),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(self.RESAMPLING, self.tr("Resampling method"),
                                       options=[self.tr("Nearest neighbour"), self.tr("Bilinear"),
                                                self.tr("Cubic"), self.tr("Average"), self.tr("Mode"),
                                                self.tr("Minimum"), self.tr("Maximum"), self.tr("Median")],
                                       defaultValue=default_resampling),
            resampling_help,
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.ALLOW_RESAMPLING, self.tr("Resample rasters not on the reference grid"),
                                          defaultValue=True),
            self.tr("If unchecked, a raster whose CRS, pixel size or extent differs from the reference is refused "
                    "with a message saying how it differs."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.READ_THREADS, self.tr("Decoding threads"), compat.NUMBER_INTEGER,
                                         defaultValue=2, minValue=1, maxValue=16),
            self.tr("Threads decoding the input rasters while the previous block is computed (GDAL releases "
                    "Python's lock while decoding). 1 reads in the main thread only."),
            advanced=True,
        )
        self.add_compression_parameter()

    def add_overlay_parameters(self, method_help: str, nodata_help: str) -> None:
        """METHOD (core OVERLAY_METHODS order) and NODATA_RULE (core NODATA_RULES order)."""
        self.add_parameter(
            QgsProcessingParameterEnum(self.METHOD, self.tr("Method"),
                                       options=[self.tr("Plain sum"),
                                                self.tr("Percent influence (ArcGIS Weighted Overlay)"),
                                                self.tr("Weighted sum (float)")], defaultValue=0),
            method_help,
        )
        self.add_parameter(
            QgsProcessingParameterEnum(self.NODATA_RULE, self.tr("NoData"),
                                       options=[self.tr("NoData in any factor gives NoData"),
                                                self.tr("Skip NoData factors and renormalise the weights")],
                                       defaultValue=0),
            nodata_help,
        )

    def overlay_choice(self, parameters, context) -> tuple[str, str]:
        from ...core.raster_overlay import NODATA_RULES, OVERLAY_METHODS

        return (OVERLAY_METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
                NODATA_RULES[self.parameterAsEnum(parameters, self.NODATA_RULE, context)])

    def add_table_rule_parameters(self, outside_help: str, advanced: bool) -> None:
        """EDGE_RULE (core CLOSED_SIDES order), OUTSIDE and OUTSIDE_GRADE."""
        self.add_parameter(
            QgsProcessingParameterEnum(self.EDGE_RULE, self.tr("Edge rule"),
                                       options=[self.tr("lower <= value < upper (lower bound inclusive)"),
                                                self.tr("lower < value <= upper (upper bound inclusive)")],
                                       defaultValue=0),
            self.tr("Which row a value exactly on a break belongs to. The first reads Table 6 as printed."),
            advanced=advanced,
        )
        self.add_parameter(
            QgsProcessingParameterEnum(self.OUTSIDE, self.tr("Values outside every row"),
                                       options=[self.tr("NoData"), self.tr("The grade below")], defaultValue=0),
            outside_help,
            advanced=advanced,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.OUTSIDE_GRADE, self.tr("Grade for values outside every row"),
                                         compat.NUMBER_INTEGER, defaultValue=1),
            self.tr("Grade given to values outside every row when 'The grade below' is chosen."),
            advanced=advanced,
        )

    def table_rules(self, parameters, context, feedback) -> tuple[str, int | None]:
        """The edge rule and the grade for values outside every row (None: NoData), logged."""
        from ...core.grading import CLOSED_SIDES

        closed = CLOSED_SIDES[self.parameterAsEnum(parameters, self.EDGE_RULE, context)]
        outside_grade = None
        if self.parameterAsEnum(parameters, self.OUTSIDE, context) == 1:
            outside_grade = self.parameterAsInt(parameters, self.OUTSIDE_GRADE, context)
        feedback.pushInfo(self.tr("Values outside every row become: {what}").format(
            what=self.tr("NoData") if outside_grade is None else str(outside_grade)))
        return closed, outside_grade

    def add_score_outputs(self) -> None:
        self.add_output(QgsProcessingOutputString(self.BREAKS_USED, self.tr("Class breaks")))
        self.add_output(QgsProcessingOutputNumber(self.SCORE_MIN, self.tr("Minimum score")))
        self.add_output(QgsProcessingOutputNumber(self.SCORE_MAX, self.tr("Maximum score")))
        self.add_output(QgsProcessingOutputNumber(self.VALID_PIXELS, self.tr("Valid score pixels")))

    def score_results(self, run) -> dict:
        return {self.SCORE_MIN: run.score_min, self.SCORE_MAX: run.score_max, self.VALID_PIXELS: run.valid_pixels,
                self.BREAKS_USED: format_breaks(run.breaks)}

    def add_class_parameters(self, optional_output: bool) -> None:
        self.add_parameter(
            QgsProcessingParameterEnum(self.CLASS_METHOD, self.tr("Classes"),
                                       options=[self.tr("Natural breaks (Fisher-Jenks on a sample)"),
                                                self.tr("User breaks")], defaultValue=0),
            self.tr("Natural breaks: exact Fisher-Jenks (the optimal classes, as PySAL mapclassify's FisherJenks) on a "
                    "deterministic random sample of the "
                    "score pixels (sample size and seed below). User breaks: the breaks given below, e.g. the "
                    "paper's 28, 31, 34. A score equal to a break belongs to the class below it."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.BREAKS, self.tr("User breaks"), optional=True, defaultValue=""),
            self.tr("Increasing upper bounds of the classes except the last, separated by commas, e.g. 28, 31, 34 "
                    "(classes: <= 28, 28-31, 31-34, > 34). Used with 'User breaks'."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.CLASS_COUNT, self.tr("Number of classes"), compat.NUMBER_INTEGER,
                                         defaultValue=4, minValue=2, maxValue=20),
            self.tr("Number of natural-breaks classes (the paper uses 4: low, moderate, relatively high, high)."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.SAMPLE_SIZE, self.tr("Natural-breaks sample size"),
                                         compat.NUMBER_INTEGER, defaultValue=DEFAULT_SAMPLE_SIZE, minValue=10,
                                         maxValue=MAX_SAMPLE_SIZE),
            self.tr("Number of score pixels Fisher-Jenks is computed on (10 to 100,000): a uniform random sample "
                    "without replacement, the same whatever the block size (each pixel's key is a hash of its "
                    "position and the seed). The exact Fisher-Jenks takes under 2 seconds at the largest sample "
                    "and 20 classes, and can be cancelled; integer scores with a few dozen distinct values take "
                    "milliseconds whatever the size."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"), compat.NUMBER_INTEGER, defaultValue=0),
            self.tr("Seed of the natural-breaks sample; the same seed gives the same sample and breaks."),
            advanced=True,
        )
        dest = QgsProcessingParameterRasterDestination(self.OUTPUT_CLASSES, self.tr("Sensitivity classes"),
                                                       optional=optional_output, createByDefault=not optional_output)
        self.add_parameter(
            dest,
            self.tr("Class raster (Byte, 1 = lowest class, NoData 255), tiled DEFLATE GeoTIFF, styled low to "
                    "high."),
        )

    def factor_names(self) -> dict[str, str]:
        """Translated names of the Table 6 factors, keyed like ``data/table6_presets.json``."""
        return {
            "soil_moisture": self.tr("Soil moisture content (m³/m³)"),
            "evapotranspiration": self.tr("Evapotranspiration (mm/month)"),
            "precipitation": self.tr("Annual precipitation (mm/year)"),
            "wind_speed": self.tr("Average wind speed (m/s)"),
            "sand": self.tr("Soil sand content (%)"),
            "silt": self.tr("Soil silt content (%)"),
            "clay": self.tr("Soil clay content (%)"),
            "erosion": self.tr("Soil erosion intensity (class code)"),
            "slope": self.tr("Slope gradient (degrees)"),
            "geohazard": self.tr("Geohazard susceptibility (class code)"),
            "ndvi_mean": self.tr("Multi-year NDVI mean"),
            "ndvi_trend": self.tr("NDVI change trend (per year)"),
            "mining_occupation": self.tr("Mining development land occupation (land-use code)"),
        }

    def presets_help(self) -> str:
        """The Table 6 presets as text (numbers from the data file, names translated)."""
        from ...core.grading import ThresholdTable, load_presets

        names = self.factor_names()
        lines = []
        for key, preset in load_presets().items():
            if isinstance(preset.table, ThresholdTable):
                cells = []
                for r in preset.table.rows:
                    lo = "" if r.lower == float("-inf") else f"{r.lower:g}"
                    hi = "" if r.upper == float("inf") else f"{r.upper:g}"
                    cells.append(f"[{lo or '-∞'}, {hi or '+∞'}) → {r.grade}")
            else:
                cells = [f"{c:g} → {g}" for c, g in zip(preset.table.codes, preset.table.grades, strict=True)]
            lines.append(f"• {names.get(key, preset.name)} [{key}]: " + "; ".join(cells))
        return "\n".join(lines)

    def table6_reading_help(self) -> str:
        return self.tr(
            "Table 6 as printed is not self-consistent, and the presets read it as follows. Every row covers "
            "lower <= value < upper, which is how its '<a', 'a~b', '>=b' cells read (a value on a break gets "
            "the grade of the row above it). Slope: the printed moderate range 5~15 overlaps 10~25; it is "
            "read as 5~10, the only reading that keeps the other printed ranges and leaves no gap (breaks 5, "
            "10, 25 degrees; negative slopes are outside the table). NDVI trend: the printed relatively-high "
            "range '-0.12 ~ -0.17' runs backwards and lies inside the high range '< -0.12'; the two inner "
            "breaks are read as swapped (high < -0.17, relatively high -0.17 to -0.12, moderate -0.12 to "
            "0.0025, low >= 0.0025). Erosion intensity codes follow SL 190-2007 (1 slight ... 6 severe; 4-6 "
            "read as Table 6's 'severe'); geohazard codes 1 none, 2 low, 3 moderate, 4 high; land-use codes "
            "are China's first-level classes (1 cultivated, 2 forest, 3 grassland, 4 water, 5 construction, "
            "6 unused; water is not in Table 6). Edit a table if your reading or coding differs."
        )

    # factor diagnostics ------------------------------------------------------------------------
    NDVI_TREND_READING = "NDVI_TREND_READING"
    TREND_PERIOD_YEARS = "TREND_PERIOD_YEARS"
    FACTOR_FIELDS = (("factor", "string"), ("parameter", "string"), ("grade", "int"), ("pixels", "int"),
                     ("pixels_pct", "double"), ("value_min", "double"), ("value_max", "double"),
                     ("warning", "string"))
    CLASS_FIELDS = (("class", "int"), ("label", "string"), ("score_from", "double"), ("score_to", "double"),
                    ("pixels", "int"), ("pixels_pct", "double"))

    def add_trend_reading_parameters(self, advanced: bool = False) -> None:
        """NDVI_TREND_READING (how Table 6's NDVI-trend row is read) and TREND_PERIOD_YEARS."""
        self.add_parameter(
            QgsProcessingParameterEnum(self.NDVI_TREND_READING, self.tr("Reading of Table 6's NDVI-trend row"),
                                       options=[self.tr("Per-year slope: breaks in NDVI per year, as printed"),
                                                self.tr("Change over the period: breaks in NDVI over the trend "
                                                        "period, divided by its length")],
                                       defaultValue=0),
            self.tr("Unit of the NDVI-trend breaks (-0.17, -0.12, 0.0025) of Table 6; the raster is a per-year "
                    "slope either way. Per year (as printed): real NDVI slopes (about 0.001-0.01 per year) never "
                    "reach the two upper grades. Change over the period: the breaks are the NDVI change over "
                    "the whole trend period, so a per-year slope is graded by the breaks divided by the period "
                    "length. The second is what the paper most plausibly meant (see the help)."),
            advanced=advanced,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.TREND_PERIOD_YEARS, self.tr("Length of the trend period (years)"),
                                         compat.NUMBER_DOUBLE, defaultValue=22.0, minValue=0.001),
            self.tr("Years from the first to the last year of the NDVI trend (the paper: 2000-2022, 22 years); "
                    "used by the 'change over the period' reading."),
            advanced=advanced,
        )

    def trend_reading(self, parameters, context) -> float | None:
        """The trend period in years when the 'change over the period' reading is chosen, else None."""
        if self.parameterAsEnum(parameters, self.NDVI_TREND_READING, context) != 1:
            return None
        years = self.parameterAsDouble(parameters, self.TREND_PERIOD_YEARS, context)
        if not years > 0:
            raise QgsProcessingException(
                self.tr("The length of the trend period must be positive; got {years}.").format(years=years))
        return years

    def trend_reading_help(self) -> str:
        return self.tr(
            "NDVI-trend readings. Table 6 prints the NDVI-trend breaks without a unit. Read as a per-year slope "
            "(the preset 'NDVI change trend'), a slope below -0.12 NDVI per year would lower NDVI by more than "
            "2.6 over 22 years, impossible for an index between -1 and 1; real annual NDVI Sen slopes (about "
            "0.001-0.01 per year) then only reach grades 1 and 2. Read as the change over the trend period "
            "(the preset 'NDVI change over the trend period'), the breaks divided by the period length "
            "(2000-2022: 22 years, i.e. -0.0077, -0.0055 and +0.00011 per year) spread real slopes over all "
            "four grades. The paper most plausibly meant the change over the period; the per-year reading "
            "stays the default for compatibility, and a factor that leaves grades empty or puts more than "
            "95 % of its pixels in one grade is reported in the log, the outputs and the report.")

    def diagnose_factors(self, names, params, tables, tallies, feedback, trend_years=None) -> list:
        """Diagnosis of every graded factor (grade histogram, value range), warnings in the log."""
        from ...core.factors import diagnose, table_grades

        out = []
        for name, param, table, tally in zip(names, params, tables, tallies, strict=True):
            dx = diagnose(name, tally, table_grades(table))
            out.append((param, dx))
            feedback.pushInfo(self.tr("{factor}: values {low} to {high}; pixels per grade: {grades}").format(
                factor=name, low=f"{dx.value_min:.6g}", high=f"{dx.value_max:.6g}",
                grades=", ".join(f"{g}: {c} ({100 * sh:.1f} %)" for g, c, sh in zip(dx.grades, dx.counts,
                                                                                         dx.shares, strict=True))))
            for text in self.factor_warnings(dx, param, trend_years):
                feedback.pushWarning(text)
        return out

    def factor_warnings(self, dx, param: str, trend_years=None) -> list[str]:
        """Translated warnings for one factor's diagnosis (empty when the factor is fine)."""
        texts = []
        values = {"factor": dx.name, "low": f"{dx.value_min:.6g}", "high": f"{dx.value_max:.6g}"}
        if dx.total == 0:
            return [self.tr("{factor}: no valid pixel was graded.").format(factor=dx.name)]
        if dx.dominant_share > dx.dominance:
            texts.append(self.tr(
                "{factor}: {pct} % of the valid pixels are in grade {grade} (values {low} to {high}): the "
                "factor hardly changes the score. Check its table and the unit of the raster.").format(
                pct=f"{100 * dx.dominant_share:.1f}", grade=dx.dominant_grade, **values))
        if dx.empty_grades:
            texts.append(self.tr("{factor}: no pixel in grade(s) {grades} of its table (values {low} to {high})."
                                 ).format(grades=", ".join(str(g) for g in dx.empty_grades), **values))
        if texts and param == "NDVI_TREND" and trend_years is None:
            texts.append(self.tr(
                "{factor}: Table 6's NDVI-trend breaks read per year are out of reach of real NDVI slopes; the "
                "reading 'change over the period' (parameter NDVI_TREND_READING) grades a per-year slope by "
                "the breaks divided by the period length.").format(factor=dx.name))
        return texts

    def class_labels(self, k: int) -> list[str]:
        """Names of k sensitivity classes: the paper's four, else numbered."""
        if k == 4:
            return [self.tr("Low"), self.tr("Moderate"), self.tr("Relatively high"), self.tr("High")]
        return [self.tr("Class {i}").format(i=i) for i in range(1, k + 1)]

    def write_factor_table(self, parameters, name, context, diagnoses, factor_warnings) -> str | None:
        """Optional table: one row per factor and grade (pixels, share, value range, warning)."""
        rows = [[dx.name, param, int(grade), int(count), float(100 * share), _finite(dx.value_min),
                 _finite(dx.value_max), " ".join(factor_warnings[param])]
                for param, dx in diagnoses
                for grade, count, share in zip(dx.grades, dx.counts, dx.shares, strict=True)]
        return self.write_table(parameters, name, context, self.FACTOR_FIELDS, rows)

    def class_rows(self, run) -> list[list]:
        """``[class, label, score from, score to, pixels, pct]`` of every sensitivity class."""
        from ...core.factors import class_ranges, class_shares

        labels = self.class_labels(len(run.class_counts))
        ranges = class_ranges(run.breaks, run.score_min, run.score_max)
        shares = class_shares(run.class_counts)
        return [[c, labels[i] if i < len(labels) else str(c), ranges[i][0] if i < len(ranges) else None,
                 ranges[i][1] if i < len(ranges) else None, run.class_counts[c], shares[c]]
                for i, c in enumerate(sorted(run.class_counts))]

    def write_class_table(self, parameters, name, context, run) -> str | None:
        """Optional table of the sensitivity classes: score range (the breaks used), pixels, share."""
        rows = [[int(row[0]), row[1], _finite(row[2]), _finite(row[3]), int(row[4]), float(row[5])]
                for row in self.class_rows(run)]
        return self.write_table(parameters, name, context, self.CLASS_FIELDS, rows)

    def sensitivity_report(self, path, run, diagnoses, factor_warnings, settings, spec_text, trend_years) -> None:
        """HTML report: breaks and classes, factor warnings, grade histograms, factor table, settings."""
        from ...i18n import html_language
        from ...reporting import charts
        from ...reporting.html import html_heading, html_paragraph, html_table, write_html

        body = [html_heading(self.tr("Sensitivity classes")),
                html_paragraph(self.tr("Class breaks used ({method}): {breaks}").format(
                    method=self.tr("natural breaks (Fisher-Jenks)") if settings.method != "user"
                    else self.tr("user breaks"), breaks=format_breaks(run.breaks) or "—")),
                html_table([self.tr("Class"), self.tr("Label"), self.tr("Score from"), self.tr("Score to"),
                            self.tr("Pixels"), self.tr("Pixels %")], self.class_rows(run), left_columns=2,
                           digits=2)]
        warnings = [text for param, _ in diagnoses for text in factor_warnings[param]]
        body.append(html_heading(self.tr("Factor diagnostics")))
        if warnings:
            body += [html_paragraph(text, "warn") for text in warnings]
        else:
            body.append(html_paragraph(self.tr("Every factor reaches several grades; none puts more than 95 % of "
                                               "its pixels in one grade.")))
        svg = charts.grade_histograms_svg([(dx.name, dx.grades, [100 * s for s in dx.shares]) for _, dx in diagnoses],
                                          self.tr("Grade"), self.tr("% of pixels"),
                                          warn=[dx.warn for _, dx in diagnoses]) if charts.available() else None
        if svg:
            body.append(svg)
        rows = []
        for _param, dx in diagnoses:
            for grade, count, share in zip(dx.grades, dx.counts, dx.shares, strict=True):
                rows.append([dx.name, grade, count, 100 * share, dx.value_min, dx.value_max])
        body.append(html_table([self.tr("Factor"), self.tr("Grade"), self.tr("Pixels"), self.tr("Pixels %"),
                                self.tr("Minimum value"), self.tr("Maximum value")], rows, left_columns=1, digits=2,
                               formatter=_factor_cell))
        body.append(html_heading(self.tr("Settings")))
        settings_rows = [[self.tr("Overlay"), spec_text],
                         [self.tr("Score range"), f"{run.score_min:g} – {run.score_max:g}"],
                         [self.tr("Valid score pixels"), run.valid_pixels]]
        if trend_years is not None:
            settings_rows.append([self.tr("NDVI-trend reading"), self.tr(
                "change over a period of {years} years").format(years=f"{trend_years:g}")])
        body.append(html_table([self.tr("Setting"), self.tr("Value")], settings_rows))
        write_html(path, self.tr("Desertification sensitivity"), body, html_language())

    # reading parameters ----------------------------------------------------------------------
    def class_settings(self, parameters, context) -> ClassSettings:
        from ...core.raster_overlay import user_breaks

        method = CLASS_METHODS[self.parameterAsEnum(parameters, self.CLASS_METHOD, context)]
        text = self.parameterAsString(parameters, self.BREAKS, context)
        breaks: tuple[float, ...] = ()
        if method == "user":
            if not text.strip():
                raise QgsProcessingException(self.tr("'User breaks' is selected but no breaks were given."))
            breaks = user_breaks(text).breaks
        k = len(breaks) + 1 if breaks else self.parameterAsInt(parameters, self.CLASS_COUNT, context)
        return ClassSettings(method, k, breaks, self.parameterAsInt(parameters, self.SAMPLE_SIZE, context),
                             self.parameterAsInt(parameters, self.SEED, context))

    def matrix_cells(self, parameters, name, context) -> list:
        """Cells of a matrix parameter as plain values; an unset matrix gives []."""
        from qgis.PyQt.QtCore import QVariant

        cells = self.parameterAsMatrix(parameters, name, context) or []
        out = [None if isinstance(c, QVariant) and c.isNull() else c for c in cells]
        return [] if all(c is None or c == "" for c in out) else out

    def raster_layers(self, parameters, name, context, optional: bool = False):
        """``parameterAsRasterLayer`` raising the standard invalid-source error."""
        layer = self.parameterAsRasterLayer(parameters, name, context)
        if layer is None and not optional:
            raise QgsProcessingException(self.invalidRasterError(parameters, name))
        return layer

    def align(self, parameters, context, feedback, inputs, reference_input, methods):
        """Put ``inputs`` on the reference grid (the REFERENCE raster or ``reference_input``).

        ``methods`` is one resampling method per input (None: the RESAMPLING parameter).
        Returns the aligned inputs and the grid.
        """
        ref_layer = self.parameterAsRasterLayer(parameters, self.REFERENCE, context)
        reference = rio.gdal_input(ref_layer) if ref_layer is not None else reference_input
        grid = rio.grid_of(reference)
        chosen = rio.RESAMPLING_METHODS[self.parameterAsEnum(parameters, self.RESAMPLING, context)]
        methods = [chosen if m is None else m for m in methods]
        allow = self.parameterAsBool(parameters, self.ALLOW_RESAMPLING, context)
        feedback.pushInfo(self.tr("Reference grid ({layer}): {grid}").format(
            layer=reference.name, grid=grid.describe()))
        workdir = os.path.join(QgsProcessingUtils.tempFolder(), f"minemonitor_align_{id(self):x}")
        os.makedirs(workdir, exist_ok=True)
        aligned, notes = rio.align_inputs(inputs, grid, methods, workdir, allow)
        for note in notes:
            feedback.pushInfo(note)
        return aligned, grid

    def read_threads(self, parameters, context) -> int:
        return self.parameterAsInt(parameters, self.READ_THREADS, context)

    # block loop helpers ------------------------------------------------------------------------
    def block_done(self, feedback, k: int, n: int, start: float, end: float) -> None:
        """Progress after block ``k`` (0-based) of ``n``; a cancel raises CancelledError."""
        if feedback.isCanceled():
            raise CancelledError()
        feedback.setProgress(start + (end - start) * (k + 1) / max(n, 1))

    def natural_breaks(self, sampler, settings: ClassSettings, feedback, start: float = 0.0, end: float = 100.0):
        """Breaks from the sample (Fisher-Jenks, progress mapped onto [start, end], cancellable) or the user's,
        written to the log."""
        from ...core.raster_overlay import fisher_jenks_breaks, user_breaks

        if settings.method == "user":
            result = user_breaks(settings.user_breaks)
            feedback.pushInfo(self.tr("User class breaks: {breaks}").format(breaks=format_breaks(result.breaks)))
            return result
        if sampler.population == 0:
            raise QgsProcessingException(self.tr("The score has no valid pixel, so it cannot be classified."))
        feedback.pushInfo(self.tr("Computing natural breaks (Fisher-Jenks, {k} classes) on a sample of {n} of "
                                  "{population} score pixels (seed {seed}).").format(
            k=settings.k, n=len(sampler.values), population=sampler.population, seed=settings.seed))
        result = fisher_jenks_breaks(sampler.values, settings.k, sampler.population,
                                     progress=self.progress_callback(feedback, start, end))
        feedback.pushInfo(self.tr("Natural breaks: {breaks}").format(breaks=format_breaks(result.breaks)))
        return result

    def write_classes(self, score_path: str, class_path: str, breaks, threads: int, feedback,
                      start: float, end: float, compression=()) -> dict[int, int]:
        """Classify the score raster into ``class_path``; returns the pixel count of each class."""
        import numpy as np

        from ...core.raster_overlay import classify

        counts = np.zeros(len(breaks) + 2, dtype=np.int64)
        # one small input: a smaller window keeps the classify temporaries small too
        with rio.BlockReader([rio.RasterInput(score_path, 1, "score")], threads=threads,
                             max_window_bytes=rio.DEFAULT_WINDOW_BYTES // 4) as reader, \
                rio.BlockWriter(class_path, reader.grid, "uint8", CLASS_NODATA, extra_options=compression) as writer:
            for k, block in enumerate(reader):
                classes, mask = classify(block.arrays[0], breaks, block.nodata[0])
                writer.write(block.window, classes, mask)
                counts += np.bincount(classes[~mask], minlength=counts.size)[: counts.size]
                self.block_done(feedback, k, len(reader), start, end)
        return {c: int(counts[c]) for c in range(1, len(breaks) + 2)}

    def log_class_counts(self, counts: dict[int, int], grid, feedback) -> None:
        total = sum(counts.values())
        area = grid.pixel_width * grid.pixel_height
        unit = self.tr("degree²") if grid.is_geographic else self.tr("CRS units²")
        for c, n in counts.items():
            feedback.pushInfo(self.tr("Class {c}: {n} pixels ({pct:.1f} %, {area:.6g} {unit})").format(
                c=c, n=n, pct=100.0 * n / total if total else 0.0, area=n * area, unit=unit))

    def run_overlay(self, inputs, spec, prepare, integer_score: bool, score_path: str,
                    class_path: str, settings: ClassSettings | None, threads: int, feedback,
                    names=None, compression=(), address: str = "") -> OverlayRun:
        """Stream ``inputs`` block by block through ``prepare`` (``engine.tasks.PassThrough`` or
        ``GradeFactors``: the factor values or their grades), the weighted overlay and the score
        raster; then the class raster (in the same pass for user breaks, in a second pass over the
        score for natural breaks, whose sample is drawn in the first).

        Each block is computed by ``engine.tasks.overlay_window`` in chunks of rows of about
        ``CHUNK_PIXELS`` pixels, so the dozen passes over a factor (comparisons, grades, masks, sum)
        run on data held in the CPU cache instead of memory (measured here: grading twice as fast).
        With a scheduler ``address`` the same windows are tasks on the dask cluster (COG tiles)."""
        import numpy as np

        from ...core.raster_overlay import DeterministicSample
        from ...engine.tasks import OverlaySettings

        score_dtype, score_nodata = (("int16", SCORE_NODATA_INT) if integer_score
                                     else ("float32", SCORE_NODATA_FLOAT))
        sampler = None
        breaks: tuple[float, ...] = ()
        if class_path and settings is not None:
            if settings.method == "user":
                breaks = self.natural_breaks(None, settings, feedback).breaks
            else:
                sampler = DeterministicSample(settings.sample_size, settings.seed)
        overlay = OverlaySettings(
            spec=spec, prepare=prepare, integer_score=integer_score, breaks=tuple(breaks) if class_path else (),
            names=tuple(names) if names is not None else None, sample_size=sampler.size if sampler else 0,
            seed=sampler.seed if sampler else 0, score_dtype=score_dtype, score_nodata=score_nodata,
            class_nodata=CLASS_NODATA)
        run = (self._overlay_on_cluster if address else self._overlay_here)(
            inputs, overlay, score_path, class_path, threads, feedback, compression, address)
        grid, outs = run["grid"], run["windows"]
        lo = min((o["lo"] for o in outs), default=np.inf)
        hi = max((o["hi"] for o in outs), default=-np.inf)
        valid = sum(o["valid"] for o in outs)
        self.outside_counts = [sum(c) for c in zip(*[o["outside"] for o in outs if o["outside"] is not None],
                                                   strict=True)]
        self.factor_tallies = None  # pixels per grade of every factor (GradeFactors with tally=True)
        for o in outs:
            for i, tally in enumerate(o.get("tallies") or ()):
                if self.factor_tallies is None:
                    self.factor_tallies = [None] * len(o["tallies"])
                if self.factor_tallies[i] is None:
                    self.factor_tallies[i] = tally
                else:
                    self.factor_tallies[i].merge(tally)
        for o in outs:
            if sampler is not None and o["sample"] is not None:
                sampler.merge(o["sample"])
        if valid == 0:
            feedback.pushWarning(self.tr("The score has no valid pixel: every pixel is NoData in some factor."))
        else:
            feedback.pushInfo(self.tr("Score: {n} valid pixels, minimum {lo:g}, maximum {hi:g}").format(
                n=valid, lo=lo, hi=hi))
        class_counts: dict[int, int] = {}
        if overlay.breaks:
            counts = np.sum([o["counts"] for o in outs], axis=0) if outs else np.zeros(len(breaks) + 2, np.int64)
            class_counts = {c: int(counts[c]) for c in range(1, len(breaks) + 2)}
        elif sampler is not None:
            try:
                nb = self.natural_breaks(sampler, settings, feedback, 80.0, 85.0)
            except BaseException:
                if address:
                    run["abort"]()  # close the cluster connection, remove the tiles
                raise
            breaks = nb.breaks
            if address:
                class_counts = run["classify"](breaks)
            else:
                class_counts = self.write_classes(score_path, class_path, breaks, threads, feedback, 85.0, 100.0,
                                                  compression)
        if class_path:
            self.log_class_counts(class_counts, grid, feedback)
        return OverlayRun(lo if valid else float("nan"), hi if valid else float("nan"), valid, tuple(breaks),
                          class_counts)

    def _overlay_here(self, inputs, overlay, score_path, class_path, threads, feedback, compression, _address):
        from ...engine.tasks import overlay_window

        outs = []
        end = 80.0 if overlay.sample_size else 100.0
        with rio.BlockReader(inputs, threads=threads) as reader:
            grid = reader.grid
            feedback.pushInfo(self.tr("{n} rasters in {blocks} blocks of up to {rows} rows").format(
                n=len(inputs), blocks=len(reader), rows=reader.windows[0].rows if reader.windows else 0))
            # the readers keep both cores busy: one compression thread per output is enough
            compress = 1 if threads > 1 else 2
            score_writer = rio.BlockWriter(score_path, grid, overlay.score_dtype, overlay.score_nodata,
                                           compress_threads=compress, extra_options=compression)
            class_writer = rio.BlockWriter(class_path, grid, "uint8", CLASS_NODATA, compress_threads=compress,
                                           extra_options=compression) if overlay.breaks else None
            try:
                for k, block in enumerate(reader):
                    out = overlay_window(block, grid, overlay)
                    if out["values"] is not None:
                        if class_writer is not None:
                            class_writer.write(block.window, out.pop("classes"), out.pop("cmask"), owned=True)
                        # last use of the block's score: the writer may put NoData into it in place
                        score_writer.write(block.window, out.pop("values"), out.pop("nodata"), owned=True)
                    outs.append(out)
                    self.block_done(feedback, k, len(reader), 0.0, end)
            finally:
                score_writer.close()
                if class_writer is not None:
                    class_writer.close()
        return {"grid": grid, "windows": outs}

    def _overlay_on_cluster(self, inputs, overlay, score_path, class_path, _threads, feedback, compression, address):
        """The overlay windows as tasks on the dask cluster; a ``classify`` closure for the second pass."""
        from ...engine import tasks as et
        from ...engine import windows as ew

        sources = [ew.Source(i.dataset, i.band, i.name) for i in inputs]
        grid, windows = ew.window_plan(sources)
        self._tile_folders = []
        end = 80.0 if overlay.sample_size else 95.0
        try:
            score_folder = self.tile_folder(score_path)
            class_folder = self.tile_folder(class_path) if class_path else score_folder
            cluster_cm = self.open_cluster(address, feedback, readable=[(s.name, s.dataset) for s in sources],
                                           writable=sorted({score_folder, class_folder}))
            cluster = cluster_cm.__enter__()
        except BaseException:
            self.discard_tile_folders()
            raise
        try:
            feedback.pushInfo(self.tr("{n} windows of up to {rows} rows as tasks on the cluster.").format(
                n=len(windows), rows=windows[0].rows if windows else 0))
            outs = self.cluster_mapper(cluster, feedback).map(
                et.overlay_task, windows,
                {"sources": sources, "grid": grid, "settings": overlay, "folders":
                 {"score": score_folder, "classes": class_folder}, "extra": list(compression)},
                self.progress_callback(feedback, 0.0, end))
            score_tiles = [o["tiles"]["score"] for o in outs if "score" in o["tiles"]]
            if overlay.breaks:
                self.finish_raster(class_path, [o["tiles"]["classes"] for o in outs if "classes" in o["tiles"]],
                                   class_folder, compression)
        except BaseException:
            cluster_cm.__exit__(None, None, None)
            self.discard_tile_folders()
            raise

        def classify(breaks):
            """Second pass: the class tiles from the score mosaic, then both rasters finished."""
            try:
                vrt = os.path.join(score_folder, "score.vrt")
                ew.build_vrt(vrt, score_tiles)
                parts = self.cluster_mapper(cluster, feedback).map(
                    et.classify_task, windows,
                    {"score": ew.Source(vrt, 1, "score"), "grid": grid, "breaks": tuple(breaks),
                     "folder": class_folder, "extra": list(compression), "class_nodata": CLASS_NODATA},
                    self.progress_callback(feedback, 85.0, 95.0))
                counts = sum(p["counts"] for p in parts)
                self.finish_raster(class_path, [p["tiles"]["classes"] for p in parts], class_folder, compression)
                self.finish_raster(score_path, score_tiles, score_folder, compression)
            except BaseException:
                self.discard_tile_folders()
                raise
            finally:
                cluster_cm.__exit__(None, None, None)
            return {c: int(counts[c]) for c in range(1, len(breaks) + 2)}

        if not overlay.sample_size:  # no second pass: finish now
            try:
                self.finish_raster(score_path, score_tiles, score_folder, compression)
            except BaseException:
                self.discard_tile_folders()
                raise
            finally:
                cluster_cm.__exit__(None, None, None)
        def abort():
            cluster_cm.__exit__(None, None, None)
            self.discard_tile_folders()

        feedback.setProgress(end)
        return {"grid": grid, "windows": outs, "classify": classify, "abort": abort}


def format_breaks(breaks) -> str:
    return ", ".join(f"{b:g}" for b in breaks)


def _finite(value):
    """A float for an attribute, NULL (None) for NaN or infinity."""
    import math

    return float(value) if value is not None and math.isfinite(float(value)) else None


def _factor_cell(value) -> str:
    """Factor table cells: whole numbers as they are, values with up to 6 significant digits."""
    from ...reporting.html import fmt

    if isinstance(value, float):
        return fmt(value, 6, significant=True)
    return fmt(value)
