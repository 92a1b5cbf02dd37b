"""minemonitor:epochdensity: mining per fishnet cell and survey epoch, on one grid for every epoch."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsRectangle,
)

from ... import compat
from ...i18n import user_locale
from ...qgis_io import crs as crs_io
from ...qgis_io import vector as vio
from ...reporting import charts
from ...reporting.colours import DENSITY_BREAKS, DENSITY_COLOURS
from ...reporting.html import html_heading, html_paragraph, html_table, write_html
from ..base import MineMonitorAlgorithm
from ..footprint_rule import log_footprint_rule, rule_help
from .epochs_base import END_FIELD, START_FIELD, EpochInput, field_tag, qdate, run_path, style_temporal

LONG_FIELDS = (
    ("cell_id", "int"),
    ("row", "int"),
    ("col", "int"),
    ("epoch", "string"),
    ("epoch_index", "int"),
    (START_FIELD, "date"),
    (END_FIELD, "date"),
    ("cell_km2", "double"),
    ("n_polygons", "int"),
    ("n_mines", "int"),
    ("mining_km2", "double"),
    ("density_pct", "double"),
)
TOTAL_FIELDS = (
    ("level", "string"),
    ("zone", "string"),
    ("epoch", "string"),
    ("epoch_index", "int"),
    ("n_footprints", "int"),
    ("n_mines", "int"),
    ("mining_km2", "double"),
    ("grid_km2", "double"),
    ("overlap_km2", "double"),
    ("cells_with_mining", "int"),
)
#: Zones drawn as their own line in the report chart; the others are summed.
MAX_CHART_ZONES = 8


class EpochDensityAlgorithm(EpochInput, MineMonitorAlgorithm):
    """One fishnet for every survey epoch: mining area, footprints, mines and density per cell and epoch."""

    ALG_ID = "epochdensity"
    GROUP_ID = "monitoring"
    REQUIREMENTS = ("shapely", "scipy")

    STUDY_AREA = "STUDY_AREA"
    CELL_SIZE = "CELL_SIZE"
    GRID_CRS = "GRID_CRS"
    CLIP = "CLIP"
    MIN_CELL_FRACTION = "MIN_CELL_FRACTION"
    KEEP_EMPTY = "KEEP_EMPTY"
    MAX_CELLS = "MAX_CELLS"
    ZONES = "ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_WIDE = "OUTPUT_WIDE"
    OUTPUT_TOTALS = "OUTPUT_TOTALS"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    CELL_COUNT = "CELL_COUNT"
    EPOCH_COUNT = "EPOCH_COUNT"
    EPOCHS = "EPOCHS"

    def displayName(self):
        return self.tr("Mining density over epochs")

    def shortDescription(self):
        return self.tr("Mining area, footprints, mines and density per fishnet cell for every survey epoch, on one "
                       "grid, with totals per epoch and zone.")

    def tags(self):
        return self.tr("epoch,quarter,time series,monitoring,fishnet,density,temporal,animation").split(",")

    def shortHelpString(self):
        return self.tr(
            "Lays one fishnet over the footprints of several survey epochs (for example 12 quarters) and computes, "
            "for every cell and epoch, the mining area inside it (mining_km2), the footprints (n_polygons) and "
            "distinct mines (n_mines) it holds and its density (density_pct, percent of the cell area). The grid "
            "follows the rules of 'Fishnet mining density': square cells on multiples of the cell size in an "
            "equal-area CRS (by default an Albers projection fitted to the study area), clipped to the study area, "
            "small border cells dropped with 'Minimum cell fraction'.\n\n"
            "Epochs come either from one layer with an epoch field (a date, a year or text such as 2022Q3, "
            "2022H1, 2022-03, 2022-03-31) or from a list of layers, one per epoch, labelled in the order given or "
            "from the layer names. They are sorted chronologically; NULL epochs and values that cannot be ordered "
            "are refused. An epoch without footprints is kept with zero mining (stated in the log).\n\n"
            "Overlapping footprints: the footprints of each epoch are counted with the rule of every MineMonitor "
            "algorithm (below), within the epoch only: a footprint and its enlarged version in the next epoch never "
            "affect each other. So every epoch gives exactly what 'Fishnet mining density' gives on that epoch's "
            "footprints (mining_km2, n_polygons and n_mines in every cell), and its area and number of footprints "
            "are those of 'Footprint statistics' on them; the totals table gives the area counted once instead of "
            "several times (overlap_km2). The work is shared between epochs: the study area is laid on the grid "
            "once and a footprint repeated unchanged in later epochs is apportioned once.\n\n"
            "Outputs: the per-epoch layer (one feature per cell and epoch, with epoch, epoch_index, epoch_start and "
            "epoch_end; its temporal properties are set so that the Temporal Controller animates it); the wide "
            "layer (one feature per cell, with km2_<epoch> and pct_<epoch> columns for maps); the totals table "
            "(per epoch: footprints, mines, footprint area, area inside the grid, area of dissolved overlaps, cells "
            "with mining; with a zone layer, the same per zone and epoch, footprints cut at zone boundaries, and the "
            "area outside every zone); and an optional HTML report with the density maps of every epoch and the "
            "area per zone and epoch as a chart.\n\n"
            "Invalid footprints are repaired (makeValid) and NULL geometries skipped; both are counted in the log."
        ) + "\n\n" + rule_help()

    def initAlgorithm(self, config=None):
        self.add_epoch_parameters()
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.STUDY_AREA, self.tr("Study area"), [compat.TYPE_VECTOR_POLYGON],
                                                optional=True),
            self.tr("Optional polygon layer bounding the analysis (its features are merged). Default: the extent of "
                    "the footprints of all epochs."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.CELL_SIZE, self.tr("Cell size (metres)"), compat.NUMBER_DOUBLE,
                                         defaultValue=10000.0),
            self.tr("Side of the square cells, in metres of the grid CRS."),
        )
        self.add_parameter(
            QgsProcessingParameterCrs(self.GRID_CRS, self.tr("Grid CRS"), optional=True),
            self.tr("Projected equal-area CRS of the grid, in metres. Default: an Albers equal-area CRS fitted to the "
                    "study area (or to the footprints)."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.CLIP, self.tr("Clip cells to the study area"), defaultValue=True),
            self.tr("Clip border cells to the study area, so density is relative to the land inside it."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.MIN_CELL_FRACTION, self.tr("Minimum cell fraction"), compat.NUMBER_DOUBLE,
                                         defaultValue=0.0, minValue=0.0, maxValue=1.0),
            self.tr("Drop clipped cells smaller than this fraction of a full cell (0 keeps all)."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.MINE_ID_FIELD, self.tr("Mine id field"),
                                        parentLayerParameterName=self.INPUT, optional=True),
            self.tr("Optional field identifying the mine of each footprint; n_mines counts distinct ids per cell and "
                    "epoch. With a list of layers, the field of this name in every layer."),
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.KEEP_EMPTY, self.tr("Keep cells without mining"), defaultValue=True),
            self.tr("Keep cells without a footprint in any epoch (with zeros). A cell kept is kept in every epoch, so "
                    "every cell has a value in every epoch (as the trend and emerging hot spot analyses need)."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.MAX_CELLS, self.tr("Maximum number of cells"), compat.NUMBER_INTEGER,
                                         defaultValue=5000000, minValue=1),
            self.tr("Safety limit: a grid with more cells is refused, with a suggested cell size."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.ZONES, self.tr("Zones"), [compat.TYPE_VECTOR_POLYGON],
                                                optional=True),
            self.tr("Optional polygon layer (provinces, counties) for totals per zone and epoch."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.ZONE_FIELD, self.tr("Zone name field"),
                                        parentLayerParameterName=self.ZONES, optional=True),
            self.tr("Field naming each zone in the totals; default the zone feature id."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Density per epoch"), compat.TYPE_VECTOR_POLYGON),
            self.tr("One feature per cell and epoch, with epoch_start / epoch_end dates for the Temporal Controller."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_WIDE, self.tr("Density by epoch (one column per epoch)"),
                                              compat.TYPE_VECTOR_POLYGON),
            self.tr("One feature per cell with km2_<epoch> and pct_<epoch> columns, styled by the last epoch."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_TOTALS, self.tr("Totals per epoch and zone"),
                                              compat.TYPE_VECTOR),
            self.tr("Table with one row per epoch (level total) and, with zones, per zone and epoch (level zone, and "
                    "level outside for the area outside every zone)."),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, self.tr("Report"), self.tr("HTML files (*.html)"),
                                                  optional=True, createByDefault=False),
            self.tr("Optional HTML report: totals per epoch, area per zone and epoch as a chart, and the density map "
                    "of every epoch."),
        )
        self.add_output(QgsProcessingOutputNumber(self.CELL_COUNT, self.tr("Number of cells")))
        self.add_output(QgsProcessingOutputNumber(self.EPOCH_COUNT, self.tr("Number of epochs")))
        self.add_output(QgsProcessingOutputString(self.EPOCHS, self.tr("Epochs in chronological order")))

    # ------------------------------------------------------------------------------------------ run
    def grid_crs(self, parameters, context, study, sources):
        """The grid CRS: the parameter (projected in metres), else Albers fitted to the study area or to
        the extent of every epoch layer."""
        crs = self.parameterAsCrs(parameters, self.GRID_CRS, context)
        if crs.isValid() or study is not None:
            reference = study if study is not None else sources[0]
            return crs_io.resolve_equal_area_crs(self, parameters, self.GRID_CRS, reference, context)[0]
        box = None
        for source in sources:
            if source.featureCount() == 0:
                continue
            extent = crs_io.extent_in_wgs84(source.sourceExtent(), source.sourceCrs(), context)
            if box is None:
                box = QgsRectangle(extent)
            else:
                box.combineExtentWith(extent)
        if box is None:
            box = crs_io.extent_in_wgs84(sources[0].sourceExtent(), sources[0].sourceCrs(), context)
        return crs_io.equal_area_crs_for(box, QgsCoordinateReferenceSystem(crs_io.WGS84), context)

    def execute(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ...core.epochs import epoch_density

        inputs = self.epoch_sources(parameters, context)
        sources = inputs[0]
        study = self.source(parameters, self.STUDY_AREA, context, optional=True)
        zones_src = self.source(parameters, self.ZONES, context, optional=True)
        zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context)
        cell_size = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        if not cell_size > 0:
            raise QgsProcessingException(self.tr("The cell size must be greater than 0; got {value}.").format(
                value=cell_size))
        clip = self.parameterAsBool(parameters, self.CLIP, context)
        min_fraction = self.parameterAsDouble(parameters, self.MIN_CELL_FRACTION, context)
        mine_field = self.parameterAsString(parameters, self.MINE_ID_FIELD, context)
        keep_empty = self.parameterAsBool(parameters, self.KEEP_EMPTY, context)
        max_cells = self.parameterAsInt(parameters, self.MAX_CELLS, context)
        report_path = self.output_file(parameters, self.OUTPUT_REPORT, context)

        grid_crs = self.grid_crs(parameters, context, study, sources)
        feedback.pushInfo(self.tr("Grid CRS: {definition}").format(definition=grid_crs.toProj() or grid_crs.authid()))
        feedback.pushInfo(self.tr("Cell size: {size} m; clip: {clip}; minimum cell fraction: {fraction}").format(
            size=cell_size, clip=clip, fraction=min_fraction))
        geoms, codes, attrs, order, names, fids, layer_of = self.read_epochs(
            parameters, context, feedback, grid_crs, [mine_field] if mine_field else [], (0.0, 20.0), inputs)
        if feedback.isCanceled():
            return {}
        epochs = order.epochs
        feedback.pushInfo(self.tr("{n} epochs in chronological order: {labels}.").format(
            n=len(epochs), labels=", ".join(order.labels)))
        if len(geoms) == 0:
            raise QgsProcessingException(self.tr("No epoch has a footprint with a usable polygon geometry ({layers})."
                                                 ).format(layers=", ".join(names)))
        area_geom = None
        if study is not None:
            area = vio.read_polygons(study, context, feedback, crs=grid_crs, progress_range=(20.0, 23.0))
            if len(area) == 0:
                raise QgsProcessingException(self.tr("The study area layer {layer} has no polygon.").format(
                    layer=area.layer_name))
            area_geom = shapely.union_all(area.geometries)
        zone_geoms = zone_keys = None
        if zones_src is not None:
            zones = vio.read_polygons(zones_src, context, feedback, crs=grid_crs,
                                      fields=[zone_field] if zone_field else [], progress_range=(23.0, 25.0))
            if len(zones) == 0:
                raise QgsProcessingException(self.tr("The zone layer {layer} has no polygon.").format(
                    layer=zones.layer_name))
            zone_geoms = zones.geometries
            raw_keys = zones.attributes[zone_field] if zone_field else zones.fids
            zone_keys = ["" if k is None else str(k) for k in raw_keys]

        result = epoch_density(
            geoms, codes, len(epochs), cell_size=cell_size, study_area=area_geom, clip=clip and area_geom is not None,
            min_cell_fraction=min_fraction, mine_ids=attrs[mine_field] if mine_field else None,
            keep_empty=keep_empty, max_cells=max_cells, zones=zone_geoms,
            progress=self.progress_callback(feedback, 25.0, 70.0),
        )
        if feedback.isCanceled():
            return {}
        self.log_result(result, order, feedback)
        self.log_rule(result, order, codes, names, fids, layer_of, feedback)

        n_cells, n_ep = result.mining_km2.shape
        # per-epoch layer: epoch-major, one block of cells per epoch
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, vio.make_fields(LONG_FIELDS), compat.WKB_POLYGON,
                                  grid_crs)
        e_idx = np.repeat(np.arange(n_ep), n_cells)
        labels = np.array(order.labels, dtype=object)
        starts = np.empty(n_ep, dtype=object)
        starts[:] = [qdate(e.start) for e in epochs]
        ends = np.empty(n_ep, dtype=object)
        ends[:] = [qdate(e.end) for e in epochs]
        columns = [np.tile(result.cell_id, n_ep), np.tile(result.row, n_ep), np.tile(result.col, n_ep), labels[e_idx],
                   e_idx + 1, starts[e_idx], ends[e_idx], np.tile(result.cell_km2, n_ep), result.n_polygons.T.ravel(),
                   result.n_mines.T.ravel(), result.mining_km2.T.ravel(), result.density_pct.T.ravel()]
        vio.write_features(self, sink, parameters, self.OUTPUT, feedback, columns, np.tile(result.geometries, n_ep),
                           progress_range=(70.0, 90.0))
        del sink
        style_temporal(self, context, dest_id, self.long_style())

        tags = [field_tag(label) for label in order.labels]
        wide_fields = [("cell_id", "int"), ("row", "int"), ("col", "int"), ("cell_km2", "double")]
        wide_fields += [(f"km2_{t}", "double") for t in tags] + [(f"pct_{t}", "double") for t in tags]
        wide_sink, wide_id = self.sink(parameters, self.OUTPUT_WIDE, context, vio.make_fields(wide_fields),
                                       compat.WKB_POLYGON, grid_crs)
        wide_columns = [result.cell_id, result.row, result.col, result.cell_km2]
        wide_columns += [result.mining_km2[:, k] for k in range(n_ep)] + [result.density_pct[:, k] for k in range(n_ep)]
        vio.write_features(self, wide_sink, parameters, self.OUTPUT_WIDE, feedback, wide_columns, result.geometries,
                           progress_range=(90.0, 96.0))
        del wide_sink
        from ... import styling

        self.style_output(context, wide_id, styling.derived_style(
            "fishnet_density", run_path("epochs_wide", result), attribute=f"pct_{tags[-1]}"))

        totals_sink, totals_id = self.sink(parameters, self.OUTPUT_TOTALS, context, vio.make_fields(TOTAL_FIELDS),
                                           compat.WKB_NO_GEOMETRY, grid_crs)
        vio.write_features(self, totals_sink, parameters, self.OUTPUT_TOTALS, feedback,
                           self.total_columns(result, order, zone_keys), progress_range=(96.0, 98.0))
        del totals_sink

        outputs = {self.OUTPUT: dest_id, self.OUTPUT_WIDE: wide_id, self.OUTPUT_TOTALS: totals_id,
                   self.CELL_COUNT: n_cells, self.EPOCH_COUNT: n_ep, self.EPOCHS: ",".join(order.labels)}
        if report_path:
            self.write_report(report_path, result, order, zone_keys, names, grid_crs, cell_size, feedback)
            outputs[self.OUTPUT_REPORT] = report_path
        feedback.setProgress(100)
        return outputs

    def long_style(self) -> str:
        from ... import styling

        return styling.derived_style("fishnet_density", run_path("epochs_long", self),
                                     temporal=(START_FIELD, END_FIELD))

    def log_result(self, result, order, feedback):
        import numpy as np

        n_total = int(result.n_footprints.sum())
        feedback.pushInfo(self.tr(
            "Grid of {rows} rows x {cols} columns; {n} cells in every epoch. {total} footprints over all epochs hold "
            "{unique} distinct geometries: each was apportioned once.").format(
                rows=result.n_rows, cols=result.n_cols, n=len(result.cell_id), total=n_total, unique=result.n_unique))
        if result.n_cells_dropped:
            feedback.pushInfo(self.tr("{n} clipped cells smaller than the minimum cell fraction were dropped.").format(
                n=result.n_cells_dropped))
        if result.n_repaired:
            feedback.pushWarning(self.tr("{n} invalid footprints were repaired with makeValid.").format(
                n=result.n_repaired))
        for k, epoch in enumerate(order.epochs):
            if result.n_footprints[k] == 0:
                feedback.pushWarning(self.tr("Epoch {epoch} has no footprints: zero mining in every cell.").format(
                    epoch=epoch.label))
                continue
            feedback.pushInfo(self.tr(
                "Epoch {epoch}: {n} footprints, {area:.4f} km² (overlaps counted once), {grid:.4f} km² inside the "
                "grid, {cells} cells with mining.").format(
                    epoch=epoch.label, n=int(result.n_footprints[k]), area=result.footprint_km2[k],
                    grid=result.grid_km2[k], cells=int(np.count_nonzero(result.mining_km2[:, k] > 0))))
        if not result.mining_km2.any():
            feedback.pushWarning(self.tr("No footprint lies inside a cell in any epoch: every value is zero."))

    def log_rule(self, result, order, codes, names, fids, layer_of, feedback):
        """The footprint rule per epoch: footprints not counted (with their layer and feature ids) and overlaps."""
        for k, epoch in enumerate(order.epochs):
            in_epoch = codes == k
            layers = sorted(set(layer_of[in_epoch].tolist()))
            for j in layers:
                sel = in_epoch & (layer_of == j)
                label = self.tr("{layer} (epoch {epoch})").format(layer=names[j], epoch=epoch.label)
                # the overlaps of the epoch are reported once, with its last layer
                last = j == layers[-1]
                log_footprint_rule(feedback, label, fids[sel], result.footprint_status[sel],
                                   int(result.n_overlapping[k]) if last else 0,
                                   float(result.overlap_km2[k]) * 1e6 if last else 0.0)

    def total_columns(self, result, order, zone_keys):
        import numpy as np

        epochs = order.epochs
        rows = []
        for k, e in enumerate(epochs):
            rows.append(("total", None, e.label, k + 1, int(result.n_footprints[k]),
                         int(result.n_mines_total[k]), float(result.footprint_km2[k]), float(result.grid_km2[k]),
                         float(result.overlap_km2[k]), int(np.count_nonzero(result.mining_km2[:, k] > 0))))
        if zone_keys is not None:
            outside = self.tr("(outside every zone)")
            for z, key in enumerate([*zone_keys, outside]):
                level = "zone" if z < len(zone_keys) else "outside"
                for k, e in enumerate(epochs):
                    rows.append((level, key, e.label, k + 1, int(result.zone_polygons[z, k]), None,
                                 float(result.zone_km2[z, k]), None, None, None))
        columns = []
        for j in range(len(TOTAL_FIELDS)):
            col = np.empty(len(rows), dtype=object)
            col[:] = [r[j] for r in rows]
            columns.append(col)
        return columns

    # ------------------------------------------------------------------------------------------ report
    def write_report(self, path, result, order, zone_keys, names, grid_crs, cell_size, feedback):
        import numpy as np

        labels = list(order.labels)
        body = [html_paragraph(self.tr("Layers {layers}; grid of {size:g} m cells in {crs}.").format(
            layers=", ".join(names), size=cell_size, crs=grid_crs.authid() or grid_crs.toProj()), "note")]
        body.append(html_heading(self.tr("Mining per epoch")))
        rows = [[e.label, int(result.n_footprints[k]), int(result.n_mines_total[k]), result.footprint_km2[k],
                 result.grid_km2[k], result.overlap_km2[k], int(np.count_nonzero(result.mining_km2[:, k] > 0))]
                for k, e in enumerate(order.epochs)]
        body.append(html_table([self.tr("Epoch"), self.tr("Footprints"), self.tr("Mines"), self.tr("Area (km²)"),
                                self.tr("Inside the grid (km²)"), self.tr("Dissolved overlaps (km²)"),
                                self.tr("Cells with mining")], rows))
        have_charts = charts.available()
        if not have_charts:
            body.append(html_paragraph(self.tr("matplotlib is not installed: the report has no charts."), "warn"))
        series = [(self.tr("All footprints"), result.footprint_km2)]
        if zone_keys is not None:
            body.append(html_heading(self.tr("Mining area per zone and epoch (km²)")))
            keys = [*zone_keys, self.tr("(outside every zone)")]
            body.append(html_table([self.tr("Zone"), *labels],
                                   [[keys[z], *result.zone_km2[z]] for z in range(len(keys))
                                    if result.zone_km2[z].any() or z < len(zone_keys)]))
            order_z = np.argsort(-result.zone_km2[:-1].max(axis=1), kind="stable")
            shown = [int(z) for z in order_z[:MAX_CHART_ZONES] if result.zone_km2[z].any()]
            series = [(zone_keys[z], result.zone_km2[z]) for z in shown]
            rest = [z for z in range(len(zone_keys)) if z not in shown]
            if rest and result.zone_km2[rest].any():
                series.append((self.tr("Other zones"), result.zone_km2[rest].sum(axis=0)))
            if result.zone_km2[-1].any():
                series.append((keys[-1], result.zone_km2[-1]))
        if have_charts:
            body.append(charts.series_lines(labels, series, self.tr("Mining area (km²)")))
            body.append(html_heading(self.tr("Density per epoch")))
            classes = np.searchsorted(np.asarray(DENSITY_BREAKS), result.density_pct.T, side="left")
            legend = list(zip(DENSITY_COLOURS, [self.tr("0 (no mining)"), "0 - 0.1 %", "0.1 - 0.5 %", "0.5 - 1 %",
                                                "1 - 5 %", "> 5 %"], strict=True))
            body.append(charts.cell_map_panels(labels, classes, DENSITY_COLOURS, legend, rows=result.row,
                                               cols=result.col))
        lang = "zh-CN" if user_locale().startswith("zh") else "en"
        write_html(path, self.tr("Mining density over epochs"), body, lang)
        feedback.pushInfo(self.tr("Report written to {path}.").format(path=path))
