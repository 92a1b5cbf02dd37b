"""minemonitor:zonaltimeseries: annual mean/median of a stack in zones, Pettitt change point, HTML chart."""

from __future__ import annotations

import re

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRectangle,
)

from ... import compat
from ...core.errors import CancelledError
from ...engine.tasks import zone_values_window
from ...i18n import html_language
from ...qgis_io import crs as qcrs
from ...qgis_io import raster as rio
from ...qgis_io import vector as vio
from ...reporting.html import html_document, html_paragraph, html_table
from ..base import MineMonitorAlgorithm
from ..execution import ExecutionMixin
from .ndvi_trend import AnnualStackMixin

SERIES_STATISTICS = ("mean", "median")


class ZonalTimeSeriesAlgorithm(ExecutionMixin, AnnualStackMixin, MineMonitorAlgorithm):
    """Annual zonal series of a raster stack with a Pettitt change point per zone."""

    ALG_ID = "zonaltimeseries"
    GROUP_ID = "vegetation"
    REQUIREMENTS = ("shapely",)

    FOOTPRINTS = "FOOTPRINTS"
    ZONES = "ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    BUFFERS = "BUFFERS"
    ALL_TOUCHED = "ALL_TOUCHED"
    SERIES_STATISTIC = "SERIES_STATISTIC"
    ALPHA = "ALPHA"
    OUTPUT = "OUTPUT"
    OUTPUT_CHANGE = "OUTPUT_CHANGE"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_ZONES = "OUTPUT_ZONES"
    ZONE_COUNT = "ZONE_COUNT"

    def displayName(self):
        return self.tr("Zonal annual series and change point")

    def shortDescription(self):
        return self.tr("Annual mean, median and pixel count of a raster stack in footprints, rings around them "
                       "and districts, with a Pettitt change point and the trends before and after it.")

    def tags(self):
        return self.tr("ndvi,zonal,time series,annual,pettitt,change point,break,buffer,ring,chart,"
                       "vegetation").split(",")

    def shortHelpString(self):
        return self.tr(
            "Summarises an annual raster stack (e.g. NDVI 2000-2022) inside zones, as the paper's Fig. 11: the "
            "mining footprints (all polygons dissolved into one zone), optional rings around them (Buffers, in "
            "metres, e.g. '0-1000, 1000-5000': the ring 0-1000 is the land within 1 km outside the "
            "footprints) and optional district polygons (one zone per polygon, named by the zone field).\n\n"
            "For every zone and year: mean, median and count of the valid pixels (pixel centre inside the zone, "
            "or every touched pixel). For every zone, on its mean (or median) series: Pettitt's change-point "
            "test (the change year is the last year of the first segment; statistic K and approximate p-value "
            "2·exp(-6K²/(n³+n²))), the Theil-Sen slopes and means before (up to and including the change year) "
            "and after it, and the whole-period Theil-Sen slope and Mann-Kendall p-value.\n\n"
            "Outputs: the annual table (zone, year, mean, median, count), the change-point table, an HTML "
            "page with the chart of the series (SVG, change years of significant breaks marked, segment "
            "trends dashed) and optionally the zone polygons. Rings are built in a local equal-area "
            "projection and transformed to the raster CRS.")

    def initAlgorithm(self, config=None):
        self.add_stack_parameters()
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.FOOTPRINTS, self.tr("Mining footprints"),
                                                [compat.TYPE_VECTOR_POLYGON], optional=True),
            self.tr("Polygons dissolved into the zone 'footprints'; the rings are built around them."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.ZONES, self.tr("Districts or other zones"),
                                                [compat.TYPE_VECTOR_POLYGON], optional=True),
            self.tr("Polygons summarised one by one, e.g. the mining district or counties."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.ZONE_FIELD, self.tr("Zone name field"),
                                        parentLayerParameterName=self.ZONES,
                                        optional=True),
            self.tr("Field naming the district zones; default: the feature id."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.BUFFERS, self.tr("Rings around the footprints (metres)"), optional=True,
                                         defaultValue=""),
            self.tr("Distance ranges outside the footprints, e.g. '0-1000, 1000-5000'. Empty: no rings."),
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.ALL_TOUCHED, self.tr("Count every pixel a zone touches"),
                                          defaultValue=False),
            self.tr("Unchecked: a pixel belongs to a zone when its centre is inside (GDAL's rule). Checked: every "
                    "pixel the zone touches counts (for zones of a few pixels)."),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(self.SERIES_STATISTIC, self.tr("Series tested for a change point"),
                                       options=[self.tr("Mean"), self.tr("Median")], defaultValue=0),
            self.tr("Which annual zonal statistic the Pettitt test and the slopes use."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.ALPHA, self.tr("Significance level (alpha)"), compat.NUMBER_DOUBLE,
                                         defaultValue=0.05, minValue=0.0001, maxValue=0.5),
            self.tr("A change point with p < alpha is marked significant (table and chart)."),
        )
        self.add_threads_parameter()
        self.add_execution_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Annual zonal series"), compat.TYPE_VECTOR_ANY),
            self.tr("Table: zone, zone_type, year, mean, median, count."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_CHANGE, self.tr("Change points"), compat.TYPE_VECTOR_ANY),
            self.tr("Table, one row per zone: change_year, pettitt_k, pettitt_p, significant, slope_before, "
                    "slope_after, mean_before, mean_after, sen_slope, mk_p."),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_HTML, self.tr("Chart"), self.tr("HTML files (*.html)"),
                                                  optional=True),
            self.tr("HTML page with the chart of the series (inline SVG) and the change-point table."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_ZONES, self.tr("Zones"), compat.TYPE_VECTOR_POLYGON,
                                              optional=True, createByDefault=False),
            self.tr("The zone polygons (footprints, rings, districts) in the raster CRS."),
        )
        self.add_output(QgsProcessingOutputNumber(self.ZONE_COUNT, self.tr("Number of zones")))

    # -------------------------------------------------------------------------------------------
    def execute(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ...core.changepoint import pettitt, zonal_series
        from ...core.geometry import as_multipolygons
        from ...core.trend import trend_statistics

        stack = self.annual_stack(parameters, context, feedback)
        years = stack.years
        grid = rio.grid_of(stack.inputs[0])
        crs = QgsCoordinateReferenceSystem.fromWkt(grid.crs_wkt)
        all_touched = self.parameterAsBool(parameters, self.ALL_TOUCHED, context)
        stat = SERIES_STATISTICS[self.parameterAsEnum(parameters, self.SERIES_STATISTIC, context)]
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        rings = parse_rings(self.parameterAsString(parameters, self.BUFFERS, context))
        if rings is None:
            raise QgsProcessingException(self.tr(
                "Cannot read the rings {text}; write distance ranges in metres such as 0-1000, 1000-5000.").format(
                text=self.parameterAsString(parameters, self.BUFFERS, context)))
        if rings and max(b for _, b in rings) > MAX_RING_M:
            raise QgsProcessingException(self.tr(
                "The ring {a:g}-{b:g} m reaches farther than {limit:g} km from the footprints; rings are meant for "
                "the surroundings of mines (give distances in metres).").format(
                a=max(rings, key=lambda r: r[1])[0], b=max(b for _, b in rings), limit=MAX_RING_M / 1000))
        names, kinds, geoms = self._zones(parameters, context, feedback, crs, rings)
        if not geoms:
            raise QgsProcessingException(self.tr("No zone: give mining footprints and/or district polygons."))
        feedback.pushInfo(self.tr("Pixel rule: {rule}; series statistic for the change point: {stat}; alpha {alpha:g}")
                          .format(rule=self.tr("touched pixels") if all_touched else self.tr("pixel centre inside"),
                                  stat=stat, alpha=alpha))

        # raster windows holding zones only
        _x0, _dx, _, y0, _, dy = grid.geotransform
        bounds = shapely.bounds(np.array(geoms, dtype=object))
        wkbs = [shapely.to_wkb(g) for g in geoms]
        threads = self.parameterAsInt(parameters, self.READ_THREADS, context)
        with rio.BlockReader(stack.inputs, threads=1) as probe:
            all_windows = probe.windows
        ymin, ymax = float(bounds[:, 1].min()), float(bounds[:, 3].max())
        r0 = int(np.floor((ymax - y0) / dy)) - 1
        r1 = int(np.ceil((ymin - y0) / dy)) + 1
        windows = [w for w in all_windows if w.row + w.rows > r0 and w.row < r1]
        values: list[list] = [[] for _ in geoms]
        address = self.execution_address(parameters, context, feedback)
        if address:
            per_window = self._zone_values_on_cluster(address, stack, windows, grid, wkbs, bounds, all_touched,
                                                      feedback)
        else:
            per_window = []
            with rio.BlockReader(stack.inputs, threads=threads, windows=windows) as reader:
                for k, block in enumerate(reader):
                    per_window.append(zone_values_window(block, grid, wkbs, bounds, all_touched))
                    feedback.setProgress(80.0 * (k + 1) / max(len(reader), 1))
                    if feedback.isCanceled():
                        raise CancelledError()
        for found in per_window:  # window order: the same concatenation on both paths
            for z, data in found:
                values[z].append(data)
        t = len(years)
        member = [np.concatenate(v, axis=1) if v else np.zeros((t, 0), dtype=np.float32) for v in values]
        sizes = np.array([m.shape[1] for m in member])
        for z in np.nonzero(sizes == 0)[0]:
            feedback.pushWarning(self.tr("Zone {zone} covers no pixel centre of the raster; its series is empty "
                                         "(try 'Count every pixel a zone touches').").format(zone=names[z]))
        zs = zonal_series(np.concatenate(member, axis=1), np.repeat(np.arange(len(geoms)), sizes), len(geoms))
        if sizes.sum() > 0 and int(np.asarray(zs.count).sum()) == 0:
            raise QgsProcessingException(self.tr(
                "Every pixel of {layer} inside the zones is NoData in every year: there is no series to analyse."
            ).format(layer=stack.inputs[0].name))
        empty = (np.asarray(zs.count).reshape(len(geoms), -1).sum(axis=1) == 0) & (sizes > 0)
        for z in np.nonzero(empty)[0]:
            feedback.pushWarning(self.tr(
                "Zone {zone}: every pixel is NoData in every year; its series is empty.").format(zone=names[z]))
        series = zs.mean if stat == "mean" else zs.median
        pt = pettitt(series.T, years)
        whole = trend_statistics(series.T, years, statistics=["sen_slope", "mk_p"], min_years=3)

        # annual table
        n_z = len(geoms)
        zone_col = np.repeat(np.array(names, dtype=object), t)
        kind_col = np.repeat(np.array(kinds, dtype=object), t)
        year_col = np.tile(np.array(years, dtype=np.int64), n_z)
        fields = vio.make_fields([("zone", "string"), ("zone_type", "string"), ("year", "int"), ("mean", "double"),
                                  ("median", "double"), ("count", "int64")])
        sink, dest = self.sink(parameters, self.OUTPUT, context, fields, compat.WKB_NO_GEOMETRY,
                               QgsCoordinateReferenceSystem())
        vio.write_features(self, sink, parameters, self.OUTPUT, feedback,
                           [zone_col, kind_col, year_col, zs.mean.reshape(-1), zs.median.reshape(-1),
                            zs.count.reshape(-1).astype(np.int64)], None, progress_range=(80.0, 88.0))
        del sink
        significant = np.where(np.isfinite(pt.p_value), pt.p_value < alpha, False)
        change_year = np.where(np.isfinite(pt.year), pt.year, np.nan)
        cfields = vio.make_fields([
            ("zone", "string"), ("zone_type", "string"), ("pixels", "int64"), ("n_years", "int"),
            ("change_year", "int"), ("pettitt_k", "double"), ("pettitt_p", "double"), ("significant", "bool"),
            ("slope_before", "double"), ("slope_after", "double"), ("mean_before", "double"),
            ("mean_after", "double"), ("sen_slope", "double"), ("mk_p", "double")])
        csink, cdest = self.sink(parameters, self.OUTPUT_CHANGE, context, cfields, compat.WKB_NO_GEOMETRY,
                                 QgsCoordinateReferenceSystem())
        change_int = np.array([None if not np.isfinite(v) else int(v) for v in change_year], dtype=object)
        vio.write_features(self, csink, parameters, self.OUTPUT_CHANGE, feedback,
                           [np.array(names, dtype=object), np.array(kinds, dtype=object), sizes.astype(np.int64),
                            np.asarray(pt.n, dtype=np.int64), change_int, pt.statistic, pt.p_value, significant,
                            pt.slope_before, pt.slope_after, pt.mean_before, pt.mean_after, whole.sen_slope,
                            whole.mk_p], None, progress_range=(88.0, 94.0))
        del csink
        for z in range(n_z):
            if np.isfinite(pt.year[z]):
                feedback.pushInfo(self.tr(
                    "{zone}: change after {year} (K = {k:g}, p = {p:.3g}{sig}); slope {before:.4g}/yr before, "
                    "{after:.4g}/yr after").format(
                    zone=names[z], year=int(pt.year[z]), k=pt.statistic[z], p=pt.p_value[z],
                    sig=self.tr(", significant") if significant[z] else "",
                    before=pt.slope_before[z], after=pt.slope_after[z]))
        results = {self.OUTPUT: dest, self.OUTPUT_CHANGE: cdest, self.ZONE_COUNT: n_z}
        html_path = self.output_file(parameters, self.OUTPUT_HTML, context)
        if html_path:
            try:
                import matplotlib  # noqa: F401 - the chart needs it (QGIS usually ships it)
            except ImportError:
                raise QgsProcessingException(self.tr(
                    "The chart needs the Python package matplotlib; install it or leave the Chart output empty."
                )) from None
            page = self._html(names, years, series, pt, significant, whole, stat, alpha, stack.inputs[0].name)
            with open(html_path, "w", encoding="utf-8") as f:
                f.write(page)
            results[self.OUTPUT_HTML] = html_path
        if parameters.get(self.OUTPUT_ZONES) is not None:
            zfields = vio.make_fields([("zone", "string"), ("zone_type", "string"), ("pixels", "int64")])
            zsink, zdest = self.sink(parameters, self.OUTPUT_ZONES, context, zfields, compat.WKB_MULTIPOLYGON, crs)
            if zsink is not None:
                # a zone can be a Polygon, a MultiPolygon or (a ring after makeValid) a collection:
                # written as the MultiPolygon of its polygonal parts
                multi = as_multipolygons(geoms)
                vio.write_features(self, zsink, parameters, self.OUTPUT_ZONES, feedback,
                                   [np.array(names, dtype=object), np.array(kinds, dtype=object),
                                    sizes.astype(np.int64)], multi, progress_range=(94.0, 100.0))
                del zsink
                results[self.OUTPUT_ZONES] = zdest
        return results

    # -------------------------------------------------------------------------------------------
    def _zones(self, parameters, context, feedback, crs, rings):
        """Names, kinds and shapely polygons (raster CRS) of the zones."""
        import shapely

        names: list[str] = []
        kinds: list[str] = []
        geoms: list = []
        foot = self.source(parameters, self.FOOTPRINTS, context, optional=True)
        if foot is not None:
            data = vio.read_polygons(foot, context, feedback, crs=crs, progress_range=(0.0, 2.0))
            if len(data) == 0:
                raise QgsProcessingException(self.tr("Layer {layer} has no polygon.").format(layer=data.layer_name))
            dissolved = shapely.union_all(data.geometries)
            names.append(self.tr("footprints"))
            kinds.append("footprints")
            geoms.append(dissolved)
            if rings:
                names_r, geoms_r = self._rings(foot, context, feedback, crs, rings)
                names += names_r
                kinds += ["ring"] * len(names_r)
                geoms += geoms_r
        elif rings:
            raise QgsProcessingException(self.tr("Rings need the mining footprints layer."))
        zones = self.source(parameters, self.ZONES, context, optional=True)
        if zones is not None:
            field = self.parameterAsString(parameters, self.ZONE_FIELD, context)
            data = vio.read_polygons(zones, context, feedback, crs=crs, fields=[field] if field else [],
                                     progress_range=(2.0, 4.0), allow_empty=False)
            labels = (data.attributes[field] if field else data.fids)
            for fid, label, g in zip(data.fids, labels, data.geometries, strict=True):
                names.append(str(label) if label is not None else str(int(fid)))
                kinds.append("district")
                geoms.append(g)
        seen: dict[str, int] = {}
        for i, n in enumerate(names):  # unique zone names in the tables
            if n in seen:
                seen[n] += 1
                names[i] = f"{n} ({seen[n]})"
            else:
                seen[n] = 1
        keep = [i for i, g in enumerate(geoms) if g is not None and not shapely.is_empty(g)]
        return [names[i] for i in keep], [kinds[i] for i in keep], [geoms[i] for i in keep]

    def _rings(self, foot, context, feedback, crs, rings):
        """Rings around the dissolved footprints, built in metres and returned in the raster CRS."""
        import shapely

        from ...core.geometry import polygonal

        ext = foot.sourceExtent()
        metric = qcrs.equal_area_crs_for(QgsRectangle(ext), foot.sourceCrs(), context, layer_name=foot.sourceName())
        data = vio.read_polygons(foot, context, feedback, crs=metric, progress_range=(0.0, 2.0), allow_empty=False)
        base = shapely.union_all(data.geometries)
        feedback.pushInfo(self.tr("Rings built in {crs}.").format(crs=metric.description() or metric.toProj()))
        to_raster = QgsCoordinateTransform(metric, crs, context.transformContext())
        parts = shapely.get_parts(base)

        def grown(distance):
            # buffer(A u B) = buffer(A) u buffer(B): buffering the parts and uniting them is the same
            # zone, orders of magnitude faster than buffering the dissolved multipolygon (minutes at 50 km)
            return shapely.union_all(shapely.buffer(parts, distance, quad_segs=16))

        names, geoms = [], []
        for a, b in rings:
            if feedback.isCanceled():
                break
            outer = grown(b)
            inner = base if a == 0 else grown(a)
            ring = shapely.difference(outer, inner)
            g = QgsGeometry()
            g.fromWkb(shapely.to_wkb(ring))
            if g.transform(to_raster) != 0:
                raise QgsProcessingException(self.tr(
                    "Could not transform the ring {a}-{b} m to the raster CRS.").format(a=f"{a:g}", b=f"{b:g}"))
            names.append(self.tr("ring {a}-{b} m").format(a=f"{a:g}", b=f"{b:g}"))
            geoms.append(polygonal(shapely.make_valid(shapely.from_wkb(bytes(g.asWkb()))))[0])
        return names, geoms

    def _zone_values_on_cluster(self, address, stack, windows, grid, wkbs, bounds, all_touched, feedback) -> list:
        """The zone pixels of the same windows, 8 to a task, read on the dask cluster (in window order)."""
        from ...engine import tasks as et
        from ...engine import windows as ew

        sources = [ew.Source(i.dataset, i.band, i.name) for i in stack.inputs]
        groups = [windows[i:i + 8] for i in range(0, len(windows), 8)]
        with self.open_cluster(address, feedback, readable=[(s.name, s.dataset) for s in sources]) as cluster:
            parts = self.cluster_mapper(cluster, feedback).map(
                et.zone_values_task, groups,
                {"sources": sources, "grid": ew.Grid(grid.width, grid.height, tuple(grid.geotransform), grid.crs_wkt),
                 "zones": list(wkbs), "bounds": bounds, "all_touched": all_touched},
                self.progress_callback(feedback, 0.0, 80.0))
        return [found for part in parts for found in part]

    def _html(self, names, years, series, pt, significant, whole, stat, alpha, source_name) -> str:
        """HTML page: SVG chart of the zone series and the change-point table."""
        svg = chart_svg(names, years, series, pt, significant, ylabel=self.tr("Annual {stat} of {layer}").format(
            stat=stat, layer=source_name), title=self.tr("Annual series by zone"), xlabel=self.tr("Year"))
        rows = []
        for z, name in enumerate(names):
            year = "" if pt.year[z] != pt.year[z] else str(int(pt.year[z]))
            rows.append([name, year, pt.statistic[z], pt.p_value[z],
                         self.tr("yes") if significant[z] else self.tr("no"), pt.slope_before[z],
                         pt.slope_after[z], whole.sen_slope[z], whole.mk_p[z]])
        headers = [self.tr("Zone"), self.tr("Change after"), "K", "p", self.tr("Significant"), self.tr("Slope before"),
                   self.tr("Slope after"), self.tr("Theil-Sen slope"), self.tr("Mann-Kendall p")]
        note = self.tr("Pettitt test on the annual {stat}; a change is significant when p < {alpha:g}. Slopes are "
                       "Theil-Sen slopes per year of the years up to and including the change year (before) and "
                       "after it.").format(stat=stat, alpha=alpha)
        return html_document(self.tr("Zonal annual series"), [
            svg, html_paragraph(note), html_table(headers, rows, left_columns=2, digits=4, significant=True)],
            html_language())


#: Farthest ring edge accepted (metres): 500 km is far beyond any mine's surroundings, and buffers of
#: continental size overflow GEOS (a 100,000 km ring gave "Invalid Coordinate at inf inf").
MAX_RING_M = 500_000.0


def parse_rings(text: str):
    """``"0-1000, 1000-5000"`` -> [(0.0, 1000.0), (1000.0, 5000.0)]; None if unreadable."""
    rings = []
    for part in (p.strip() for p in (text or "").replace(";", ",").split(",")):
        if not part:
            continue
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)", part)
        if m is None:
            return None
        a, b = float(m.group(1)), float(m.group(2))
        if not b > a:
            return None
        rings.append((a, b))
    return rings


def chart_svg(names, years, series, pt, significant, ylabel: str, title: str, xlabel: str = "Year") -> str:
    """Inline SVG of the series (one line per zone), significant change years and segment trends."""
    import matplotlib

    from ...reporting import charts

    with matplotlib.rc_context(charts.RC):
        return _chart(names, years, series, pt, significant, ylabel, title, xlabel)


def _chart(names, years, series, pt, significant, ylabel, title, xlabel) -> str:
    import numpy as np

    from ...reporting import charts

    fig = charts.figure(9, 5)
    ax = fig.add_subplot(1, 1, 1)
    yrs = np.asarray(years, dtype=float)
    for z, name in enumerate(names):
        line = ax.plot(yrs, series[z], marker="o", markersize=3, label=name)[0]
        if significant[z] and np.isfinite(pt.year[z]):
            c = line.get_color()
            ax.axvline(pt.year[z] + 0.5, color=c, linestyle=":", linewidth=1)
            before = yrs <= pt.year[z]
            for mask, slope in ((before, pt.slope_before[z]), (~before, pt.slope_after[z])):
                ok = mask & np.isfinite(series[z])
                if ok.sum() >= 2 and np.isfinite(slope):
                    xs, ys = yrs[ok], series[z][ok]
                    intercept = np.median(ys - slope * xs)
                    ax.plot(xs, intercept + slope * xs, color=c, linestyle="--", linewidth=1)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    charts.annual_axis(ax)  # whole years, never 2002.5
    ax.grid(alpha=0.3)
    ax.legend(fontsize="small")
    return charts.to_svg(fig)
