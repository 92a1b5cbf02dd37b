"""minemonitor:proximitybands: footprint area and count within distance bands of features, per zone."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ... import compat
from ...i18n import user_locale
from ...qgis_io import crs as crs_io
from ...qgis_io import vector as vio
from ...reporting.html import write_html
from ...reporting.national import proximity_section
from ..base import MineMonitorAlgorithm
from ..footprint_rule import log_footprint_rule, rule_help
from .zone_inputs import ZoneInputs

TABLE_FIELDS = (
    ("zone", "string"),
    ("band_m", "double"),
    ("n_footprints", "int"),
    ("pct_footprints", "double"),
    ("area_km2", "double"),
    ("pct_area", "double"),
    ("zone_n", "int"),
    ("zone_km2", "double"),
)
FOOTPRINT_FIELDS = (
    ("footprint_fid", "int64"),
    ("zone", "string"),
    ("area_km2", "double"),
    ("nearest_m", "double"),
    ("nearest_layer", "string"),
    ("nearest_fid", "int64"),
    ("band_m", "double"),
)
DEFAULT_BANDS = "1000, 5000, 10000"


def parse_distances(text: str) -> list[float]:
    """Comma/semicolon/space separated numbers (metres); ValueError on a bad token."""
    return [float(t) for t in text.replace(";", ",").replace(" ", ",").split(",") if t.strip()]


class ProximityBandsAlgorithm(ZoneInputs, MineMonitorAlgorithm):
    """Share of footprint area and count within distance bands of features (rivers, roads, reserves...)."""

    ALG_ID = "proximitybands"
    GROUP_ID = "footprints"
    REQUIREMENTS = ("shapely",)

    INPUT = "INPUT"
    FEATURES = "FEATURES"
    BANDS = "BANDS"
    SEARCH_DISTANCE = "SEARCH_DISTANCE"
    DISTANCE_CRS = "DISTANCE_CRS"
    OUTPUT = "OUTPUT"
    OUTPUT_FOOTPRINTS = "OUTPUT_FOOTPRINTS"
    OUTPUT_HTML = "OUTPUT_HTML"
    N_FOOTPRINTS = "N_FOOTPRINTS"
    N_FEATURES = "N_FEATURES"
    TOTAL_KM2 = "TOTAL_KM2"
    PCT_AREA_FIRST_BAND = "PCT_AREA_FIRST_BAND"
    DISTANCE_METHOD = "DISTANCE_METHOD"

    def displayName(self):
        return self.tr("Proximity bands")

    def shortDescription(self):
        return self.tr("Share of footprint area and count within distance bands (e.g. 1/5/10 km) of features of "
                       "other layers, per zone, and each footprint's distance to its nearest feature.")

    def tags(self):
        return self.tr("proximity,distance,buffer,near,river,lake,water,road,railway,reserve,band,mine").split(",")

    def shortHelpString(self):
        return self.tr(
            "Answers questions such as \"which share of the tailings lies within 5 km of fresh water\" or "
            "\"how much mining area is within 10 km of a reported mine property\": for every distance band "
            "(for example 1000, 5000, 10000 m) and every zone, the number and share of footprints with some part "
            "within that distance of a feature (rivers, lakes, roads, railways, reserve boundaries, mine points "
            "of one or more layers), and the footprint area within that distance (footprint ∩ buffer of the "
            "features) with its share of the zone's footprint area. Bands are cumulative (within 5 km includes "
            "within 1 km).\n\n"
            "Output table: zone, band_m, n_footprints, pct_footprints, area_km2, pct_area, zone_n, zone_km2; the "
            "last zone, '(all footprints)', holds every footprint. Optional layer of the footprints with "
            "nearest_m (distance to the nearest feature, NULL beyond the search distance), nearest_layer, "
            "nearest_fid and band_m (the smallest band containing it).\n\n"
            "Distances are in metres, never in degrees: by default footprints are grouped in 1° tiles and each tile "
            "is measured in its own azimuthal equidistant projection on the WGS 84 ellipsoid centred on it "
            "(relative error below 1e-4), so national or global inputs are measured as accurately as local "
            "ones; areas are then on the ellipsoid. With a distance CRS (projected, metres) everything is "
            "measured in that CRS instead (areas planar in it).\n\n"
            "Zones: a field of the footprints (for example province), or a zone layer with each footprint "
            "assigned to the zone holding most of its area. Distances, counts and 'has a part within the band' "
            "use each counted footprint whole; area sums use each footprint's own land (below), so they add up to "
            "the area of the footprints' union. Footprints that are not counted have no row in the footprint "
            "layer and are in no count. Buffers use 32 segments per quarter circle. Invalid geometries are "
            "repaired and NULL ones skipped (counted in the log)."
        ) + "\n\n" + rule_help()

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Mining footprints"), [compat.TYPE_VECTOR_POLYGON]),
            self.tr("Polygon layer of mining footprints, in any CRS."),
        )
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.FEATURES, self.tr("Features"), compat.TYPE_VECTOR_ANY),
            self.tr("One or more layers of points, lines or polygons to measure distances to (rivers and lakes, "
                    "roads, railways, nature reserves, reported mine properties...)."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.BANDS, self.tr("Distance bands (metres)"), defaultValue=DEFAULT_BANDS),
            self.tr("Increasing distances in metres, separated by commas: footprint area and count within each "
                    "distance of a feature."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.SEARCH_DISTANCE, self.tr("Search distance for the nearest feature (m)"),
                                         compat.NUMBER_DOUBLE, defaultValue=0.0, minValue=0.0),
            self.tr("Largest distance searched for each footprint's nearest feature; beyond it nearest_m is NULL. "
                    "0: the largest band. Larger values cost time only where features are sparse."),
            advanced=True,
        )
        self.add_zone_parameters(
            self.tr("Optional field of the footprints giving their zone (for example province)."),
            self.tr("Optional polygon layer of zones; each footprint goes to the zone holding most of its area. "
                    "Use either this or the zone field."),
        )
        self.add_parameter(
            QgsProcessingParameterCrs(self.DISTANCE_CRS, self.tr("Distance CRS"), optional=True),
            self.tr("Optional projected CRS in metres in which to measure everything. Default: a local azimuthal "
                    "equidistant projection on the WGS 84 ellipsoid for every 1° tile of footprints."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Proximity table"), compat.TYPE_VECTOR),
            self.tr("Table with one row per zone and band (the last zone holds all footprints)."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_FOOTPRINTS, self.tr("Footprints with distances"),
                                              compat.TYPE_VECTOR_POLYGON, optional=True, createByDefault=False),
            self.tr("Optional copy of the footprints with footprint_fid, zone, area_km2, nearest_m, nearest_layer, "
                    "nearest_fid and band_m."),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_HTML, self.tr("Report"), self.tr("HTML files (*.html)"),
                                                  optional=True),
            self.tr("HTML report: shares of footprint area and count within each band, per zone, with a chart."),
        )
        self.add_output(QgsProcessingOutputNumber(self.N_FOOTPRINTS, self.tr("Number of footprints")))
        self.add_output(QgsProcessingOutputNumber(self.N_FEATURES, self.tr("Number of features")))
        self.add_output(QgsProcessingOutputNumber(self.TOTAL_KM2, self.tr("Footprint area (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.PCT_AREA_FIRST_BAND,
                                                  self.tr("Share of footprint area within the first band (%)")))
        self.add_output(QgsProcessingOutputString(self.DISTANCE_METHOD, self.tr("How distances were measured")))

    def execute(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ...core import geodesy
        from ...core.footprints import factorize
        from ...core.proximity import proximity
        from ...core.zones import largest_overlap

        source = self.source(parameters, self.INPUT, context)
        feature_sources = self.layer_sources(parameters, self.FEATURES, context)
        if not feature_sources:
            raise QgsProcessingException(self.tr("Choose at least one feature layer to measure distances to."))
        text = self.parameterAsString(parameters, self.BANDS, context) or DEFAULT_BANDS
        try:
            bands = parse_distances(text)
        except ValueError:
            raise QgsProcessingException(self.tr(
                "The distance bands {bands} are not a list of numbers of metres separated by commas.").format(
                    bands=text)) from None
        from ...core.proximity import check_bands

        bands = [float(b) for b in check_bands(bands)]
        search = self.parameterAsDouble(parameters, self.SEARCH_DISTANCE, context)
        zone_field, zones_src, zones_field = self.zone_inputs(parameters, context)
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("Layer {layer} has no features.").format(layer=source.sourceName()))

        dist_crs = self.parameterAsCrs(parameters, self.DISTANCE_CRS, context)
        geographic = not dist_crs.isValid()
        if geographic:
            frame_crs = crs_io.wgs84()
            method = self.tr("local azimuthal equidistant projections on the WGS 84 ellipsoid, one per 1° tile")
        else:
            if not crs_io.is_projected_metres(dist_crs):
                raise QgsProcessingException(self.tr(
                    "The CRS {crs} is not a projected CRS in metres; choose one, or leave the distance CRS empty "
                    "to measure on the ellipsoid.").format(crs=dist_crs.authid() or dist_crs.description()))
            frame_crs = dist_crs
            method = self.tr("planar distances in {crs}").format(crs=dist_crs.authid() or dist_crs.toProj())
        feedback.pushInfo(self.tr("Distances measured with {method}; bands {bands} m; buffers with 32 segments per "
                                  "quarter circle.").format(method=method, bands=", ".join(f"{b:g}" for b in bands)))

        fp = vio.read_polygons(source, context, feedback, crs=frame_crs,
                               fields=[zone_field] if zone_field else [], progress_range=(0.0, 10.0))
        if len(fp) == 0:
            raise QgsProcessingException(self.tr(
                "Layer {layer} has no footprint with a usable polygon geometry.").format(layer=fp.layer_name))
        reach = max(search, bands[-1])
        near = self._near_boxes(fp.geometries, reach, geographic)
        feats, layer_of, fid_of, names = [], [], [], []
        for i, fsrc in enumerate(feature_sources):
            data = vio.read_features(fsrc, context, feedback, crs=frame_crs, geometry="any", near=near,
                                     layer_name=getattr(fsrc, "_minemonitor_name", None),
                                     progress_range=(10.0 + 20.0 * i / len(feature_sources),
                                                     10.0 + 20.0 * (i + 1) / len(feature_sources)))
            feats.append(data.geometries)
            layer_of.append(np.full(len(data), i, dtype=np.int64))
            fid_of.append(np.asarray(data.fids, dtype=np.int64))
            names.append(data.layer_name)
        if feedback.isCanceled():
            return {}
        feats = np.concatenate(feats) if feats else np.empty(0, dtype=object)
        layer_of = np.concatenate(layer_of)
        fid_of = np.concatenate(fid_of)
        if feats.size == 0:
            raise QgsProcessingException(self.tr("The feature layers {layers} have no usable geometry near the "
                                                 "footprints.").format(layers=", ".join(names)))

        res = proximity(fp.geometries, feats, bands, geographic=geographic, search_m=search if search > 0 else None,
                        progress=self.progress_callback(feedback, 30.0, 85.0))
        if feedback.isCanceled():
            return {}
        if geographic:
            feedback.pushInfo(self.tr("{n} tiles, each in its own projection.").format(n=res.n_frames))
        log_footprint_rule(feedback, fp.layer_name, fp.fids, res.status, res.n_overlapping, res.overlap_km2 * 1e6)
        counted = res.counted

        # zones
        outside_label = self.tr("(outside every zone)")
        all_label = self.tr("(all footprints)")
        if zone_field:
            raw = fp.attributes[zone_field]
            zone_values = np.array([None if v is None else str(v) for v in raw], dtype=object)
        elif zones_src is not None:
            zones = vio.read_polygons(zones_src, context, feedback, crs=frame_crs, fields=[zones_field],
                                      progress_range=(85.0, 88.0))
            codes, uniques = factorize(zones.attributes[zones_field])
            area_fn = geodesy.ellipsoidal_area_km2 if geographic else None
            assignment = largest_overlap(fp.geometries, zones.geometries, codes, area_fn=area_fn,
                                         progress=self.progress_callback(feedback, 88.0, 90.0))
            zone_values = np.array([outside_label if c < 0 else str(uniques[c]) for c in assignment.code],
                                   dtype=object)
            feedback.pushInfo(self.tr("Zones from layer {layer} by largest overlap: {n} footprints outside every "
                                      "zone.").format(layer=zones.layer_name, n=assignment.n_unassigned))
        else:
            zone_values = None

        inside = res.within_band()
        labels, rows = self.table_rows(zone_values, inside, res, all_label, counted)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, vio.make_fields(TABLE_FIELDS),
                                  compat.WKB_NO_GEOMETRY, frame_crs)
        columns = [np.array([r[i] for r in rows], dtype=object if i == 0 else None) for i in range(len(TABLE_FIELDS))]
        vio.write_features(self, sink, parameters, self.OUTPUT, feedback, columns, progress_range=(90.0, 93.0))
        del sink
        outputs = {
            self.OUTPUT: dest_id,
            self.N_FOOTPRINTS: int(counted.sum()),
            self.N_FEATURES: int(feats.size),
            self.TOTAL_KM2: float(res.area_km2.sum()),
            self.PCT_AREA_FIRST_BAND: float(rows[-len(bands)][5]),
            self.DISTANCE_METHOD: method,
        }
        for b, d in enumerate(bands):
            total_row = rows[len(rows) - len(bands) + b]
            feedback.pushInfo(self.tr(
                "Within {d:g} m of a feature: {n} of {total} footprints ({pct_n:.2f} %), {area:.4f} km² of "
                "{total_km2:.4f} km² ({pct_a:.2f} %)."
            ).format(d=d, n=total_row[2], total=total_row[6], pct_n=total_row[3], area=total_row[4],
                     total_km2=total_row[7], pct_a=total_row[5]))
        beyond = int(np.isnan(res.nearest_m[counted]).sum())
        if beyond:
            feedback.pushInfo(self.tr("{n} footprints have no feature within {d:g} m (nearest_m NULL).").format(
                n=beyond, d=res.search_m))

        if self._requested(parameters, self.OUTPUT_FOOTPRINTS):
            fsink, fp_id = self.sink(parameters, self.OUTPUT_FOOTPRINTS, context, vio.make_fields(FOOTPRINT_FIELDS),
                                     compat.WKB_MULTIPOLYGON, frame_crs)
            found = res.nearest_feature >= 0
            nearest_layer = np.full(len(fp), None, dtype=object)
            nearest_layer[found] = [names[i] for i in layer_of[res.nearest_feature[found]]]
            nearest_fid = np.full(len(fp), None, dtype=object)
            nearest_fid[found] = fid_of[res.nearest_feature[found]].tolist()
            band = np.full(len(fp), np.nan)
            with np.errstate(invalid="ignore"):
                first = np.argmax(inside, axis=1)
            has_band = inside.any(axis=1)
            band[has_band] = np.asarray(bands)[first[has_band]]
            geoms = fp.geometries.copy()
            single = shapely.get_type_id(geoms) == shapely.GeometryType.POLYGON
            if single.any():
                geoms[single] = shapely.multipolygons(geoms[single].reshape(-1, 1))
            zone_col = zone_values if zone_values is not None else np.full(len(fp), None, dtype=object)
            columns = [fp.fids, zone_col, res.area_km2, res.nearest_m, nearest_layer, nearest_fid, band]
            vio.write_features(self, fsink, parameters, self.OUTPUT_FOOTPRINTS, feedback,
                               [np.asarray(c)[counted] for c in columns], geoms[counted],
                               progress_range=(93.0, 98.0))
            del fsink
            self.style_output(context, fp_id, "proximity_footprints")
            outputs[self.OUTPUT_FOOTPRINTS] = fp_id

        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            self.write_report(html_path, labels, rows, bands, names, method, source.sourceName())
            outputs[self.OUTPUT_HTML] = html_path
            feedback.pushInfo(self.tr("Report written to {path}.").format(path=html_path))
        feedback.setProgress(100)
        return outputs

    # ---------------------------------------------------------------------------------------- helpers
    def _requested(self, parameters, name) -> bool:
        value = parameters.get(name)
        if value is None:
            return False
        sink = getattr(value, "sink", None)
        text = sink.staticValue() if sink is not None else value
        return bool(text) and str(text).strip() != ""

    def _near_boxes(self, geoms, reach_m, geographic):
        """Footprint boxes grown by the search reach, in the frame CRS (features beyond cannot matter)."""
        import numpy as np
        import shapely

        from ...core import geodesy

        b = shapely.bounds(geoms)
        if geographic:
            lat = np.maximum(np.abs(b[:, 1]), np.abs(b[:, 3]))
            dlon = np.array([geodesy.degrees_for_metres(reach_m, v)[0] for v in np.unique(np.round(lat))])
            dlon_of = dlon[np.searchsorted(np.unique(np.round(lat)), np.round(lat))]
            dlat = geodesy.degrees_for_metres(reach_m, 0.0)[1]
            return shapely.box(b[:, 0] - dlon_of, b[:, 1] - dlat, b[:, 2] + dlon_of, b[:, 3] + dlat)
        return shapely.box(b[:, 0] - reach_m, b[:, 1] - reach_m, b[:, 2] + reach_m, b[:, 3] + reach_m)

    def table_rows(self, zone_values, inside, res, all_label, counted):
        """Rows (zone, band, n, pct n, km², pct km², zone n, zone km²) of the counted footprints: zones sorted,
        then all footprints."""
        import numpy as np

        from ...core.footprints import factorize

        groups = []
        if zone_values is not None:
            codes, uniques = factorize(zone_values[counted])
            for c, value in enumerate(uniques):
                sel = np.zeros(counted.size, dtype=bool)
                sel[np.flatnonzero(counted)[codes == c]] = True
                groups.append(("—" if value is None else str(value), sel))
        groups.append((all_label, counted.copy()))
        rows, labels = [], []
        for label, sel in groups:
            labels.append(label)
            n = int(sel.sum())
            km2 = float(res.area_km2[sel].sum())
            for b, d in enumerate(res.bands_m):
                count = int(inside[sel, b].sum())
                area = float(res.within_km2[sel, b].sum())
                rows.append((label, float(d), count, 100.0 * count / n if n else float("nan"), area,
                             100.0 * area / km2 if km2 > 0 else float("nan"), n, km2))
        return labels, rows

    def write_report(self, path, labels, rows, bands, names, method, layer_name):
        import numpy as np

        k = len(bands)
        pct_area = np.array([[rows[z * k + b][5] for b in range(k)] for z in range(len(labels))])
        pct_count = np.array([[rows[z * k + b][3] for b in range(k)] for z in range(len(labels))])
        zone_n = [rows[z * k][6] for z in range(len(labels))]
        zone_km2 = [rows[z * k][7] for z in range(len(labels))]
        note = self.tr("Footprints of {layer} near the features of {features}; distances measured with {method}. "
                       "Bands are cumulative.").format(layer=layer_name, features=", ".join(names), method=method)
        body = proximity_section(
            self.tr("Footprints within distance bands of {features}").format(features=", ".join(names)), note,
            labels, bands, pct_area, pct_count, zone_n, zone_km2,
            [self.tr("Zone"), self.tr("Footprints"), self.tr("Area (km²)"), self.tr("area %"), self.tr("count %")],
            (self.tr("Percent"), self.tr("Share of footprints"), self.tr("Share of footprint area")))
        lang = "zh-CN" if user_locale().startswith("zh") else "en"
        write_html(path, self.tr("Proximity bands"), body, lang)
