"""minemonitor:ndvitrend: per-pixel Theil-Sen / Mann-Kendall / OLS trend of an annual raster stack."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import replace

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ... import compat, styling
from ...core.errors import CancelledError, InvalidInputError
from ...core.trend import ARCGIS_MANN_KENDALL_BANDS
from ...engine.tasks import TrendSettings, trend_window
from ...qgis_io import raster as rio
from ..base import MineMonitorAlgorithm
from ..execution import ExecutionMixin

FLOAT_NODATA = -3.4028234663852886e38  # lowest float32, as the other MineMonitor rasters
CLASS_NODATA = -128


class AnnualStack:
    """The annual layers of a stack, in year order, with their years."""

    def __init__(self, inputs, years, gaps, note):
        self.inputs = inputs
        self.years = years
        self.gaps = gaps
        self.note = note


class AnnualStackMixin:
    """INPUT + YEARS parameters shared by the vegetation algorithms: read an annual stack."""

    INPUT = "INPUT"
    YEARS = "YEARS"
    READ_THREADS = "READ_THREADS"

    def add_stack_parameters(self):
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.INPUT, self.tr("Annual rasters"), compat.TYPE_RASTER),
            self.tr("Either one multiband raster whose bands are the years (band 1 = first year), or one "
                    "single-band raster per year (band 1 of each is used). All on the same grid."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.YEARS, self.tr("Years"), optional=True, defaultValue=""),
            self.tr("The year of each band or raster, in input order: a list and/or ranges such as "
                    "'2001-2020' or '2000, 2001, 2003-2022'. Empty: read from the layer names (e.g. "
                    "ndvi_2016.tif) or band descriptions. Duplicate years are refused; missing years "
                    "(gaps) are allowed and reported, the trend uses the real spacing."),
        )

    def add_threads_parameter(self):
        self.add_parameter(
            QgsProcessingParameterNumber(self.READ_THREADS, self.tr("Decoding threads"), compat.NUMBER_INTEGER,
                                         defaultValue=2, minValue=1, maxValue=16),
            self.tr("Threads decoding the next block of the rasters while the current one is computed "
                    "(GDAL releases Python's lock while decoding). 1 reads in the main thread only."),
            advanced=True,
        )

    def annual_stack(self, parameters, context, feedback) -> AnnualStack:
        """Inputs (one per year, year order) and years; raises a message naming the bad layer/value."""
        from ...core.trend import check_years, parse_year, parse_year_list

        layers = self.parameterAsLayerList(parameters, self.INPUT, context)
        if not layers:
            raise QgsProcessingException(self.tr("No annual raster was given."))
        from qgis.core import QgsRasterLayer

        for layer in layers:
            if not isinstance(layer, QgsRasterLayer):
                raise QgsProcessingException(self.tr("The layer {layer} is not a raster layer.").format(
                    layer=layer.name()))
        text = self.parameterAsString(parameters, self.YEARS, context).strip()
        if len(layers) == 1 and layers[0].bandCount() > 1:
            layer = layers[0]
            inputs = [rio.gdal_input(layer, b) for b in range(1, layer.bandCount() + 1)]
            inputs = [rio.RasterInput(i.dataset, i.band, f"{layer.name()} band {i.band}") for i in inputs]
            names = [layer.dataProvider().generateBandName(b) if not layer.bandName(b) else layer.bandName(b)
                     for b in range(1, layer.bandCount() + 1)]
            what = self.tr("bands of {layer}").format(layer=layer.name())
        else:
            inputs = []
            names = []
            for layer in layers:
                if layer.bandCount() > 1:
                    feedback.pushWarning(self.tr("Raster {layer} has {n} bands; band 1 is used.").format(
                        layer=layer.name(), n=layer.bandCount()))
                inputs.append(rio.gdal_input(layer, 1))
                names.append(layer.name())
            what = self.tr("rasters")
        if text:
            years = parse_year_list(text)
            source = self.tr("the Years parameter")
        else:
            try:
                years = tuple(parse_year(n) for n in names)
            except InvalidInputError:
                years = ()
                if len(inputs) == len(layers):  # single-band rasters: try their file names
                    try:
                        years = tuple(parse_year(os.path.basename(i.dataset)) for i in inputs)
                    except InvalidInputError:
                        years = ()
            if not years:
                raise QgsProcessingException(self.tr(
                    "Cannot read the years from the names of the {what} ({names}); give them in the Years "
                    "parameter, e.g. 2001-2020.").format(what=what, names=", ".join(names[:5])))
            source = self.tr("the layer names")
        if len(years) != len(inputs):
            raise QgsProcessingException(self.tr(
                "{n_years} years were given for {n_layers} {what}; give one year per band or raster.").format(
                n_years=len(years), n_layers=len(inputs), what=what))
        check = check_years(years)
        ordered = [inputs[i] for i in check.order]
        feedback.pushInfo(self.tr("{n} years from {source}: {first}-{last}").format(
            n=len(check.years), source=source, first=check.years[0], last=check.years[-1]))
        if check.gaps:
            feedback.pushWarning(self.tr("Missing years (gaps, the trend uses the real spacing): {gaps}").format(
                gaps=", ".join(str(y) for y in check.gaps)))
        grid = rio.grid_of(ordered[0])
        for inp in ordered[1:]:
            why = rio.grid_mismatch(rio.grid_of(inp), grid)
            if why is not None:
                raise QgsProcessingException(self.tr(
                    "The raster {layer} is not on the grid of {reference} ({difference}); put the annual "
                    "rasters on one grid first (e.g. with Align rasters).").format(
                    layer=inp.name, reference=ordered[0].name, difference=why))
        return AnnualStack(ordered, check.years, check.gaps, source)

    @staticmethod
    def block_stack(block):
        """(t, rows, cols) float32 (float64 for 32-bit integer / float64 bands) with NaN for NoData
        (``engine.tasks.stack_block``, which cluster workers use too)."""
        from ...engine.tasks import stack_block

        return stack_block(block.arrays, block.nodata)


# outputs: (parameter id, statistic, data type, NoData, style, created by default)
OUTPUTS = (
    ("OUTPUT_SEN_SLOPE", "sen_slope", "float32", FLOAT_NODATA, "slope", True),
    ("OUTPUT_MK_Z", "mk_z", "float32", FLOAT_NODATA, "ndvi_trend_z", False),
    ("OUTPUT_MK_P", "mk_p", "float32", FLOAT_NODATA, "ndvi_trend_p", True),
    ("OUTPUT_MK_S", "mk_s", "float32", FLOAT_NODATA, None, False),
    ("OUTPUT_MK_VAR_S", "mk_var_s", "float32", FLOAT_NODATA, None, False),
    ("OUTPUT_OLS_SLOPE", "ols_slope", "float32", FLOAT_NODATA, "slope", False),
    ("OUTPUT_R2", "r2", "float32", FLOAT_NODATA, None, False),
    ("OUTPUT_MEAN", "mean", "float32", FLOAT_NODATA, None, True),
    ("OUTPUT_CLASS", "trend_class", "int16", CLASS_NODATA, "ndvi_trend_class", True),
)


class NdviTrendAlgorithm(ExecutionMixin, AnnualStackMixin, MineMonitorAlgorithm):
    """Theil-Sen slope, Mann-Kendall test, OLS and mean of every pixel of an annual stack."""

    ALG_ID = "ndvitrend"
    GROUP_ID = "vegetation"

    ALPHA = "ALPHA"
    MIN_YEARS = "MIN_YEARS"
    COMPUTE_THREADS = "COMPUTE_THREADS"
    OUTPUT_MK_BANDS = "OUTPUT_MK_BANDS"
    N_YEARS = "N_YEARS"
    FIRST_YEAR = "FIRST_YEAR"
    LAST_YEAR = "LAST_YEAR"
    VALID_PIXELS = "VALID_PIXELS"
    INCREASE_PIXELS = "INCREASE_PIXELS"
    DECREASE_PIXELS = "DECREASE_PIXELS"
    YEARS_USED = "YEARS_USED"

    def displayName(self):
        return self.tr("Vegetation trend (Theil-Sen / Mann-Kendall)")

    def shortDescription(self):
        return self.tr("Per-pixel Theil-Sen slope, Mann-Kendall test, OLS slope, R², multi-year mean and "
                       "significant-trend class of an annual raster stack (e.g. NDVI).")

    def tags(self):
        return self.tr("ndvi,trend,theil-sen,sen slope,mann-kendall,mk test,ols,regression,vegetation,time series,"
                       "generate trend raster,sensslope").split(",")

    def shortHelpString(self):
        return self.tr(
            "Computes for every pixel of an annual stack (one raster per year, or one band per year), block by "
            "block and vectorised over pixels:\n"
            "• Theil-Sen slope: median of the slopes between all pairs of valid years (units per year);\n"
            "• Mann-Kendall Z and two-sided p-value, Kendall's S and Var(S) with the tie correction, Z with the "
            "continuity correction (as pyMannKendall's original test and ArcGIS Generate Trend Raster);\n"
            "• least-squares (OLS) slope and R²; the multi-year mean;\n"
            "• a trend class: -1 significant decrease, 0 no significant trend, 1 significant increase "
            "(Mann-Kendall p < alpha), styled with a diverging ramp.\n\n"
            "Every output is optional. The 'Mann-Kendall bands' output is one 5-band raster in ArcGIS's order: "
            "Sen's slope, p-value, S, Var(S), Z. The mean and the Theil-Sen slope are plain GeoTIFFs on the "
            "input grid, ready as the 'multi-year NDVI mean' and 'NDVI trend' factors of the desertification "
            "sensitivity.\n\n"
            "Missing values (NoData) are skipped year by year; pixels with fewer valid years than the minimum "
            "are NoData. Years come from the Years parameter or the layer names; duplicates are refused, "
            "gaps are reported and the real year spacing is used.")

    def initAlgorithm(self, config=None):
        self.add_stack_parameters()
        self.add_parameter(
            QgsProcessingParameterNumber(self.ALPHA, self.tr("Significance level (alpha)"), compat.NUMBER_DOUBLE,
                                         defaultValue=0.05, minValue=0.0001, maxValue=0.5),
            self.tr("Two-sided significance level of the Mann-Kendall test for the trend class."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.MIN_YEARS, self.tr("Minimum valid years"), compat.NUMBER_INTEGER,
                                         defaultValue=10, minValue=3),
            self.tr("Pixels with fewer valid (non-NoData) years are NoData in every output. The normal "
                    "approximation of the Mann-Kendall test needs about 10 years."),
        )
        self.add_threads_parameter()
        self.add_compression_parameter()
        self.add_parameter(
            QgsProcessingParameterNumber(self.COMPUTE_THREADS, self.tr("Computing threads"), compat.NUMBER_INTEGER,
                                         defaultValue=2, minValue=1, maxValue=16),
            self.tr("Threads computing chunks of pixels of a block at the same time (numpy releases Python's lock "
                    "in its loops). The results do not depend on it."),
            advanced=True,
        )
        self.add_execution_parameter()
        labels = {
            "OUTPUT_SEN_SLOPE": (self.tr("Theil-Sen slope"), self.tr("Median pairwise slope per year (Float32).")),
            "OUTPUT_MK_Z": (self.tr("Mann-Kendall Z"), self.tr("Continuity-corrected Z score (Float32).")),
            "OUTPUT_MK_P": (self.tr("Mann-Kendall p-value"), self.tr("Two-sided p-value (Float32).")),
            "OUTPUT_MK_S": (self.tr("Kendall S"), self.tr("Mann-Kendall score S (Float32).")),
            "OUTPUT_MK_VAR_S": (self.tr("Variance of S"), self.tr("Tie-corrected Var(S) (Float32).")),
            "OUTPUT_OLS_SLOPE": (self.tr("OLS slope"), self.tr("Least-squares slope per year (Float32).")),
            "OUTPUT_R2": (self.tr("OLS R²"), self.tr("Coefficient of determination of the OLS line (Float32).")),
            "OUTPUT_MEAN": (self.tr("Multi-year mean"), self.tr("Mean over the valid years (Float32).")),
            "OUTPUT_CLASS": (self.tr("Trend class"), self.tr(
                "Int16: -1 significant decrease, 0 no significant trend, 1 significant increase; NoData -128.")),
        }
        for pid, _stat, _dtype, _nodata, _style, default in OUTPUTS:
            title, help_text = labels[pid]
            self.add_parameter(
                QgsProcessingParameterRasterDestination(pid, title, optional=True, createByDefault=default),
                help_text + " " + self.tr("Tiled DEFLATE GeoTIFF; leave empty to skip."),
            )
        self.add_parameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT_MK_BANDS, self.tr("Mann-Kendall bands (ArcGIS order)"),
                                                    optional=True, createByDefault=False),
            self.tr("One Float32 raster with 5 bands: 1 Sen's slope, 2 p-value, 3 S, 4 Var(S), 5 Z, the band "
                    "order of ArcGIS Generate Trend Raster."),
        )
        for oid, title in ((self.N_YEARS, self.tr("Number of years")), (self.FIRST_YEAR, self.tr("First year")),
                           (self.LAST_YEAR, self.tr("Last year")), (self.VALID_PIXELS, self.tr("Pixels with a trend")),
                           (self.INCREASE_PIXELS, self.tr("Pixels with a significant increase")),
                           (self.DECREASE_PIXELS, self.tr("Pixels with a significant decrease"))):
            self.add_output(QgsProcessingOutputNumber(oid, title))
        self.add_output(QgsProcessingOutputString(self.YEARS_USED, self.tr("Years used")))

    def execute(self, parameters, context, feedback):
        import numpy as np

        stack = self.annual_stack(parameters, context, feedback)
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        min_years = self.parameterAsInt(parameters, self.MIN_YEARS, context)
        if min_years > len(stack.years):
            raise QgsProcessingException(self.tr(
                "The minimum number of valid years ({min_years}) exceeds the number of years ({n}).").format(
                min_years=min_years, n=len(stack.years)))
        threads = self.parameterAsInt(parameters, self.READ_THREADS, context)
        workers = self.parameterAsInt(parameters, self.COMPUTE_THREADS, context)
        address = self.execution_address(parameters, context, feedback)
        paths = {}
        for pid, _stat, _dtype, _nodata, _style, _default in OUTPUTS:
            path = self.cluster_raster_destination(parameters, pid, context, address)
            if path:
                paths[pid] = path
        mk_path = self.cluster_raster_destination(parameters, self.OUTPUT_MK_BANDS, context, address)
        if not paths and not mk_path:
            raise QgsProcessingException(self.tr("No output was requested."))
        wanted = {stat for pid, stat, *_ in OUTPUTS if pid in paths}
        if mk_path:
            wanted |= set(ARCGIS_MANN_KENDALL_BANDS)
        feedback.pushInfo(self.tr("Mann-Kendall test: two-sided, alpha {alpha:g}, tie-corrected variance, "
                                  "continuity-corrected Z; minimum {min_years} valid years per pixel.").format(
            alpha=alpha, min_years=min_years))
        feedback.pushInfo(self.tr("Statistics: {names}").format(names=", ".join(sorted(wanted))))

        compression = self.raster_compression(parameters, context, feedback)
        mk_descriptions = (self.tr("Sen's slope"), self.tr("p-value"), self.tr("Mann-Kendall score S"),
                           self.tr("S variance"), self.tr("Z-score"))
        settings = TrendSettings(
            years=tuple(stack.years), statistics=tuple(sorted(wanted)), alpha=alpha, min_years=min_years,
            outputs=tuple((pid, stat, dtype, nodata) for pid, stat, dtype, nodata, _s, _d in OUTPUTS if pid in paths),
            mk_output=self.OUTPUT_MK_BANDS if mk_path else "", mk_descriptions=mk_descriptions,
            float_nodata=FLOAT_NODATA)
        if address:
            summaries = self._run_on_cluster(address, stack, settings, paths, mk_path, compression, feedback)
        else:
            summaries = self._run_here(stack, settings, paths, mk_path, compression, threads, workers, feedback)
        valid = sum(s["valid"] for s in summaries)
        increase = sum(s["increase"] for s in summaries)
        decrease = sum(s["decrease"] for s in summaries)
        samples = {stat: [s["samples"][stat] for s in summaries if stat in s["samples"]]
                   for stat in ("sen_slope", "ols_slope")}
        feedback.pushInfo(self.tr("{valid} pixels with at least {min_years} valid years.").format(
            valid=valid, min_years=min_years))
        if "trend_class" in wanted:
            feedback.pushInfo(self.tr("Significant increase: {inc} pixels; significant decrease: {dec} pixels "
                                      "(alpha {alpha:g}).").format(inc=increase, dec=decrease, alpha=alpha))
        results = {self.N_YEARS: len(stack.years), self.FIRST_YEAR: stack.years[0], self.LAST_YEAR: stack.years[-1],
                   self.VALID_PIXELS: valid, self.INCREASE_PIXELS: increase, self.DECREASE_PIXELS: decrease,
                   self.YEARS_USED: ", ".join(str(y) for y in stack.years)}
        for pid, stat, _dtype, _nodata, style, _default in OUTPUTS:
            if pid not in paths:
                continue
            results[pid] = paths[pid]
            if style == "slope":
                vals = np.concatenate(samples[stat]) if samples[stat] else np.zeros(0)
                self.style_output(context, paths[pid], slope_style(vals, pid))
            elif style:
                self.style_output(context, paths[pid], style)
        if mk_path:
            results[self.OUTPUT_MK_BANDS] = mk_path
        return results

    def _run_here(self, stack, settings, paths, mk_path, compression, threads, workers, feedback) -> list:
        """Read, compute and write block by block in this process; one summary per block."""
        summaries = []
        writers = {}
        with rio.BlockReader(stack.inputs, threads=threads) as reader:
            grid = reader.grid
            feedback.pushInfo(self.tr("Grid: {grid}; {n} blocks").format(grid=grid.describe(), n=len(reader)))
            settings = replace(settings, sample_step=sample_step(grid))
            try:
                for pid, _stat, dtype, nodata in settings.outputs:
                    writers[pid] = rio.BlockWriter(paths[pid], grid, dtype, nodata, extra_options=compression)
                if mk_path:
                    writers[self.OUTPUT_MK_BANDS] = rio.BlockWriter(
                        mk_path, grid, "float32", FLOAT_NODATA, bands=5, extra_options=compression,
                        descriptions=list(settings.mk_descriptions))
                for k, block in enumerate(reader):
                    values = self.block_stack(block)
                    n_blocks = len(reader)

                    def progress(f, k=k, n_blocks=n_blocks):
                        feedback.setProgress(100.0 * (k + f) / n_blocks)
                        return not feedback.isCanceled()

                    res, missing, summary = trend_window(values, settings, workers, progress)
                    summaries.append(summary)
                    for pid, stat, _dtype, _nodata in settings.outputs:
                        writers[pid].write(block.window, getattr(res, stat), missing)
                    if mk_path:
                        for b, s in enumerate(ARCGIS_MANN_KENDALL_BANDS):
                            writers[self.OUTPUT_MK_BANDS].write(block.window, getattr(res, s), missing, band=b + 1)
                    if feedback.isCanceled():
                        raise CancelledError()
            finally:
                for w in writers.values():
                    w.close()
        return summaries

    def _run_on_cluster(self, address, stack, settings, paths, mk_path, compression, feedback) -> list:
        """The same windows as tasks on the dask cluster: COG tiles, then each output's VRT / COG."""
        from ...engine import tasks as et
        from ...engine import windows as ew

        sources = [ew.Source(i.dataset, i.band, i.name) for i in stack.inputs]
        grid, windows = ew.window_plan(sources)
        settings = replace(settings, sample_step=sample_step(grid))
        outputs = dict(paths)
        if mk_path:
            outputs[self.OUTPUT_MK_BANDS] = mk_path
        self._tile_folders = []
        try:
            folders = {pid: self.tile_folder(path) for pid, path in outputs.items()}
            with self.open_cluster(address, feedback, readable=[(s.name, s.dataset) for s in sources],
                                   writable=sorted(set(folders.values()))) as cluster:
                feedback.pushInfo(self.tr("{n} windows of up to {rows} rows as tasks on the cluster.").format(
                    n=len(windows), rows=windows[0].rows if windows else 0))
                summaries = self.cluster_mapper(cluster, feedback).map(
                    et.trend_task, windows,
                    {"sources": sources, "grid": grid, "settings": settings, "folders": folders,
                     "extra": list(compression)},
                    self.progress_callback(feedback, 0.0, 90.0))
            for k, (pid, path) in enumerate(outputs.items()):
                if feedback.isCanceled():
                    raise CancelledError()
                tiles = [s["tiles"][pid] for s in summaries]
                descriptions = list(settings.mk_descriptions) if pid == self.OUTPUT_MK_BANDS else None
                self.finish_raster(path, tiles, folders[pid], compression, descriptions)
                feedback.setProgress(90.0 + 10.0 * (k + 1) / len(outputs))
        except BaseException:
            self.discard_tile_folders()
            raise
        return summaries


def sample_step(grid) -> int:
    """Every how many pixels of a window the slope style samples (about 200,000 pixels in all)."""
    return max(1, (grid.width * grid.height) // 200000)


def slope_style(values, tag: str) -> str:
    """A copy of ``ndvi_trend_slope.qml`` whose diverging ramp spans +- the 98th percentile of |slope|.

    Zero stays at the centre (white); browns are decreases, greens increases.
    """
    import numpy as np

    vals = np.abs(np.asarray(values, dtype=np.float64))
    vals = vals[np.isfinite(vals)]
    top = float(np.percentile(vals, 98)) if vals.size else 0.0
    if not top > 0:
        top = float(vals.max()) if vals.size and vals.max() > 0 else 1e-3
    tree = ET.parse(styling.style_path("ndvi_trend_slope"))
    root = tree.getroot()
    renderer = root.find(".//rasterrenderer")
    renderer.set("classificationMin", repr(-top))
    renderer.set("classificationMax", repr(top))
    shader = root.find(".//colorrampshader")
    shader.set("minimumValue", repr(-top))
    shader.set("maximumValue", repr(top))
    items = shader.findall("item")
    for i, item in enumerate(items):
        v = -top + 2 * top * i / (len(items) - 1)
        item.set("value", repr(v))
        item.set("label", f"{v:.4g}")
    out = os.path.join(QgsProcessingUtils.tempFolder(), f"ndvi_trend_slope_{tag.lower()}_{id(values):x}.qml")
    tree.write(out, encoding="utf-8", xml_declaration=False)
    return out
