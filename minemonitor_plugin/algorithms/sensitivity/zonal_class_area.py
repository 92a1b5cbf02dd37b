"""minemonitor:zonalclassarea: area and share of each class of a class raster inside polygons."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBand,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsUnitTypes,
)

from ... import compat
from ...qgis_io import raster as rio
from ...qgis_io import vector as vio
from .base import SensitivityAlgorithm

PIXEL_RULES = ("fraction", "centre")
WINDOW_BYTES = 2 * 1024 * 1024



#: More distinct raster values than this make no class table (one pair of columns per class).
MAX_CLASSES = 255

class ZonalClassAreaAlgorithm(SensitivityAlgorithm):
    """Class areas per polygon, per zone and in total (the paper's Fig. 13 table)."""

    ALG_ID = "zonalclassarea"
    REQUIREMENTS = ("shapely",)

    INPUT = "INPUT"
    BAND = "BAND"
    ZONES = "ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    PIXEL_RULE = "PIXEL_RULE"
    CLASS_LABELS = "CLASS_LABELS"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    TOTAL_KM2 = "TOTAL_KM2"
    CLASS_SHARES = "CLASS_SHARES"

    def displayName(self):
        return self.tr("Zonal class area")

    def shortDescription(self):
        return self.tr("Area and share of each class of a class raster inside polygons: per polygon, per zone and "
                       "in total.")

    def tags(self):
        return self.tr("zonal,class,area,share,tabulate area,zonal histogram,footprint,sensitivity").split(",")

    def shortHelpString(self):
        return self.tr(
            "Tabulates the area of each class of a class raster (e.g. the desertification sensitivity classes) "
            "inside polygons such as mining footprints: per polygon (a copy of the polygons with one area and "
            "one share field per class), per zone (polygons grouped by a field, e.g. county) and in total, the "
            "table of the paper's Fig. 13.\n\n"
            "Pixel rule: 'fraction' counts each pixel with the exact share of its area inside the polygon "
            "(the class areas then add up to the polygon area inside the raster); 'centre' counts a pixel "
            "wholly when its centre lies inside the polygon (as rasterising or most zonal tools do). The "
            "choice matters for footprints of a few pixels, where the centre rule can miss or double a "
            "footprint's area.\n\n"
            "Areas are in km²: planar in the raster's projected CRS (use an equal-area projection for true "
            "areas), or on the ellipsoid for a geographic raster. Shares are percent of the classified area "
            "(NoData excluded; the NoData area is reported separately). Polygons are transformed to the "
            "raster CRS; overlapping polygons each count their overlap (a warning says so). The raster is "
            "read block by block, only where polygons are."
        )

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Class raster")),
            self.tr("Raster of integer classes, e.g. the sensitivity classes."),
        )
        self.add_parameter(
            QgsProcessingParameterBand(self.BAND, self.tr("Band"), defaultValue=1, parentLayerParameterName=self.INPUT,
                                       optional=True),
            self.tr("Band holding the classes."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.ZONES, self.tr("Polygons (footprints)"),
                                                [compat.TYPE_VECTOR_POLYGON]),
            self.tr("Polygons to tabulate, e.g. mining footprints; any CRS."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.ZONE_FIELD, self.tr("Zone field"), parentLayerParameterName=self.ZONES,
                                        optional=True),
            self.tr("Optional field grouping the polygons into zones (e.g. county); the table then has one block "
                    "of rows per zone."),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(self.PIXEL_RULE, self.tr("Pixel rule"),
                                       options=[self.tr("Fraction of the pixel covered (exact)"),
                                                self.tr("Pixel centre in polygon")], defaultValue=0),
            self.tr("How pixels on a polygon boundary count (see the help)."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.CLASS_LABELS, self.tr("Class labels"), optional=True,
                                         defaultValue=self.tr("Low, Moderate, Relatively high, High")),
            self.tr("Labels of classes 1, 2, 3 ... separated by commas, written to the table."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Class areas per polygon"),
                                              compat.TYPE_VECTOR_POLYGON),
            self.tr("The polygons (in the raster CRS) with polygon_km2, nodata_km2, class_<c>_km2 and "
                    "class_<c>_pct fields and the dominant class."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_TABLE, self.tr("Class area table"), compat.TYPE_VECTOR_ANY),
            self.tr("Table without geometry: level (zone or total), zone, class, label, area_km2, share_pct."),
        )
        self.add_execution_parameter()
        self.add_output(QgsProcessingOutputNumber(self.TOTAL_KM2, self.tr("Total classified area (km²)")))
        self.add_output(QgsProcessingOutputString(self.CLASS_SHARES, self.tr("Class shares")))

    def execute(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ...core.zonal import PixelGrid, PolygonCoverage, geographic_row_areas, tabulate_class_areas

        layer = self.raster_layers(parameters, self.INPUT, context)
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        source = self.source(parameters, self.ZONES, context)
        zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context)
        rule = PIXEL_RULES[self.parameterAsEnum(parameters, self.PIXEL_RULE, context)]
        labels = [t.strip() for t in self.parameterAsString(parameters, self.CLASS_LABELS, context).split(",")
                  if t.strip()]
        inp = rio.gdal_input(layer, band)
        grid = rio.grid_of(inp)
        crs = QgsCoordinateReferenceSystem.fromWkt(grid.crs_wkt)
        pgrid = PixelGrid.from_geotransform(grid.geotransform, grid.width, grid.height)
        feedback.pushInfo(self.tr("Pixel rule: {rule}").format(rule=rule))

        data = vio.read_polygons(source, context, feedback, crs=crs, fields=[zone_field] if zone_field else [],
                                 progress_range=(0.0, 10.0))
        if len(data) == 0:
            raise QgsProcessingException(self.tr("Layer {layer} has no polygon to tabulate.").format(
                layer=data.layer_name))
        geoms = data.geometries

        # pixel areas in km² (planar in a projected CRS, ellipsoidal for lon/lat)
        row_areas = None
        if crs.isGeographic():
            from qgis.core import QgsEllipsoidUtils

            params = QgsEllipsoidUtils.ellipsoidParameters(crs.ellipsoidAcronym())
            a, inv_f = (params.semiMajor, params.inverseFlattening) if params.valid else (6378137.0, 298.257223563)
            row_areas = geographic_row_areas(pgrid.y0, pgrid.dy, pgrid.height, pgrid.dx, a, inv_f) / 1e6
            feedback.pushInfo(self.tr("Geographic raster: pixel areas on the ellipsoid {ellipsoid}.").format(
                ellipsoid=crs.ellipsoidAcronym()))
            factor = None
        else:
            factor = _metres_per_unit(crs) ** 2 / 1e6
            feedback.pushInfo(self.tr("Areas are planar in {crs}.").format(crs=crs.authid() or crs.description()))

        coverage = PolygonCoverage(geoms, pgrid, rule)
        # about a million pixels a window: the coverage of a large zone enumerates every pixel of its
        # bounding box in the window (some 80 bytes each), so the window, not the raster, sets memory
        with rio.BlockReader([inp], threads=2, max_window_bytes=WINDOW_BYTES) as probe:
            windows = [w for w in probe.windows if coverage.touches_rows(w.row, w.row + w.rows)]
        feedback.pushInfo(self.tr("{n} of the raster's blocks hold polygons.").format(n=len(windows)))

        def blocks():
            with rio.BlockReader([inp], threads=2, windows=windows) as reader:
                for block in reader:
                    w = block.window
                    yield w.row, w.col, block.arrays[0], block.nodata[0]

        address = self.execution_address(parameters, context, feedback)
        if address:
            table = self._tabulate_on_cluster(address, inp, windows, geoms, pgrid, rule, row_areas, feedback)
        else:
            table = tabulate_class_areas(coverage, blocks(), row_areas=row_areas,
                                         progress=self.progress_callback(feedback, 10.0, 85.0),
                                         total_blocks=len(windows))
        area = table.area if factor is None else table.area * factor
        nodata_area = table.nodata_area if factor is None else table.nodata_area * factor
        polygon_km2 = self._polygon_areas(geoms, crs, context, factor)
        overlap = float(shapely.area(geoms).sum() - shapely.area(shapely.union_all(geoms)))
        if overlap > 1e-9 * max(float(shapely.area(geoms).sum()), 1.0):
            feedback.pushWarning(self.tr("The polygons overlap: overlapping areas are counted once per polygon "
                                         "in the totals."))

        classes = table.classes
        if len(classes) > MAX_CLASSES:
            raise QgsProcessingException(self.tr(
                "The raster {layer} has {n} distinct values inside the polygons (at most {limit} classes make a "
                "readable table): it looks like a continuous raster, not a class raster. Classify it first, e.g. "
                "with Grade factor or the sensitivity classes.").format(layer=inp.name, n=len(classes),
                                                                        limit=MAX_CLASSES))
        label_of = {c: labels[c - 1] if 1 <= c <= len(labels) else str(c) for c in classes}
        fields = [("fid", "int64")] + ([("zone", "string")] if zone_field else []) + [
            ("polygon_km2", "double"), ("classified_km2", "double"), ("nodata_km2", "double"),
            ("dominant_class", "int")]
        for c in classes:
            fields += [(f"class_{c}_km2", "double"), (f"class_{c}_pct", "double")]
        classified = area.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(classified[:, None] > 0, 100.0 * area / np.where(classified > 0, classified, 1)[:, None],
                             np.nan)
        dominant = (np.array(classes)[np.argmax(area, axis=1)] if classes else np.zeros(len(geoms), int))
        dominant = np.where(classified > 0, dominant, 0)
        zones = np.array(["" if v is None else str(v) for v in data.attributes[zone_field]], dtype=object) \
            if zone_field else None
        columns = [data.fids] + ([zones] if zone_field else []) + [polygon_km2, classified, nodata_area, dominant]
        for j in range(len(classes)):
            columns += [area[:, j], share[:, j]]
        sink, dest = self.sink(parameters, self.OUTPUT, context, vio.make_fields(fields), compat.WKB_MULTIPOLYGON,
                               crs)
        vio.write_features(self, sink, parameters, self.OUTPUT, feedback, columns, _as_multi(geoms),
                           progress_range=(85.0, 95.0))
        del sink
        self.style_output(context, dest, "sensitivity_zonal")

        # the Fig. 13 table: per zone, then the total
        rows_level, rows_zone, rows_class, rows_label, rows_area, rows_share = [], [], [], [], [], []

        def add_rows(level, zone, class_area):
            tot = class_area.sum()
            for j, c in enumerate(classes):
                rows_level.append(level)
                rows_zone.append(zone)
                rows_class.append(c)
                rows_label.append(label_of[c])
                rows_area.append(class_area[j])
                rows_share.append(100.0 * class_area[j] / tot if tot > 0 else np.nan)

        if zone_field:
            keys, zone_area, _ = table.grouped(list(zones))
            zone_area = zone_area if factor is None else zone_area * factor
            for key, za in zip(keys, zone_area, strict=True):
                add_rows("zone", key, za)
        total = area.sum(axis=0)
        add_rows("total", "", total)
        table_fields = [("level", "string"), ("zone", "string"), ("class", "int"), ("label", "string"),
                        ("area_km2", "double"), ("share_pct", "double")]
        tsink, tdest = self.sink(parameters, self.OUTPUT_TABLE, context, vio.make_fields(table_fields),
                                 compat.WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem())
        vio.write_features(self, tsink, parameters, self.OUTPUT_TABLE, feedback,
                           [np.array(rows_level, dtype=object), np.array(rows_zone, dtype=object),
                            np.array(rows_class), np.array(rows_label, dtype=object), np.array(rows_area),
                            np.array(rows_share)], None, progress_range=(95.0, 100.0))
        del tsink

        grand = float(total.sum())
        shares = "; ".join(f"{c} {label_of[c]}: {total[j]:.4f} km² ({100 * total[j] / grand:.1f} %)"
                           for j, c in enumerate(classes)) if grand > 0 else ""
        feedback.pushInfo(self.tr("Total classified area {area:.4f} km² in {n} polygons (NoData {nodata:.4f} km²); "
                                  "polygon area {poly:.4f} km².").format(
            area=grand, n=len(geoms), nodata=float(nodata_area.sum()), poly=float(polygon_km2.sum())))
        if shares:
            feedback.pushInfo(self.tr("Classes: {shares}").format(shares=shares))
        return {self.OUTPUT: dest, self.OUTPUT_TABLE: tdest, self.TOTAL_KM2: grand, self.CLASS_SHARES: shares}

    def _tabulate_on_cluster(self, address, inp, windows, geoms, pgrid, rule, row_areas, feedback):
        """The same windows, 16 to a task, tabulated on the dask cluster and summed in window order (the
        sums of the local path, bit for bit)."""
        import shapely

        from ...engine import tasks as et
        from ...engine import windows as ew

        groups = [windows[i:i + 16] for i in range(0, len(windows), 16)]
        with self.open_cluster(address, feedback, readable=[(inp.name, inp.dataset)]) as cluster:
            parts = self.cluster_mapper(cluster, feedback).map(
                et.zonal_class_task, groups,
                {"source": ew.Source(inp.dataset, inp.band, inp.name), "polygons": shapely.to_wkb(geoms),
                 "grid": (pgrid.x0, pgrid.y0, pgrid.dx, pgrid.dy, pgrid.width, pgrid.height), "rule": rule,
                 "row_areas": row_areas},
                self.progress_callback(feedback, 10.0, 85.0))
        return et.merge_class_area_tables([t for part in parts for t in part], len(geoms), rule)

    @staticmethod
    def _polygon_areas(geoms, crs, context, factor):
        """Polygon areas in km² (planar × factor, or ellipsoidal for a geographic CRS)."""
        import numpy as np
        import shapely

        if factor is not None:
            return shapely.area(geoms) * factor
        da = QgsDistanceArea()
        da.setSourceCrs(crs, context.transformContext())
        da.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7030")
        out = np.empty(len(geoms))
        for i, wkb in enumerate(shapely.to_wkb(geoms)):  # reporting only, one call per polygon
            g = QgsGeometry()
            g.fromWkb(wkb)
            out[i] = da.measureArea(g) / 1e6
        return out


def _as_multi(geoms):
    import numpy as np
    import shapely

    single = shapely.get_type_id(geoms) == shapely.GeometryType.POLYGON
    out = geoms.copy()
    if single.any():
        n = int(single.sum())
        out[single] = shapely.multipolygons(geoms[single], indices=np.arange(n))
    return out


def _metres_per_unit(crs) -> float:
    unit = crs.mapUnits()
    try:
        from qgis.core import Qgis

        metres = Qgis.DistanceUnit.Meters
    except AttributeError:
        metres = QgsUnitTypes.DistanceMeters
    return QgsUnitTypes.fromUnitToUnitFactor(unit, metres)
