"""minemonitor:overlaptabulation: footprint area and count per (zone, class), like Tabulate Intersection
(Tables 3-5)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ... import compat
from ...qgis_io import crs as crs_io
from ...qgis_io import vector as vio
from ..base import MineMonitorAlgorithm
from ..footprint_rule import log_footprint_rule, rule_help
from .zone_inputs import ZoneInputs

TABLE_FIELDS = (
    ("zone", "string"),
    ("class", "string"),
    ("n_polygons", "int"),
    ("area_km2", "double"),
    ("pct_of_zone", "double"),
    ("pct_of_class_total", "double"),
)
PIECE_FIELDS = (
    ("footprint_fid", "int64"),
    ("zone", "string"),
    ("class", "string"),
    ("class_id", "int"),
    ("area_km2", "double"),
)


def value_text(value) -> str | None:
    """A zone/class value as text for the output (NULL stays NULL; 3.0 becomes "3")."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)



#: Longest class name used in a pivot column name (before the _n / _km2 suffix).
PIVOT_NAME_CHARS = 50

class OverlapTabulationAlgorithm(ZoneInputs, MineMonitorAlgorithm):
    """Tabulate the footprint area and polygon count in each class of an overlay layer, per zone."""

    ALG_ID = "overlaptabulation"
    GROUP_ID = "footprints"
    REQUIREMENTS = ("shapely",)

    INPUT = "INPUT"
    OVERLAY = "OVERLAY"
    CLASS_FIELD = "CLASS_FIELD"
    ZONE_METHOD = "ZONE_METHOD"
    AREA_CRS = "AREA_CRS"
    MIN_OVERLAP_M2 = "MIN_OVERLAP_M2"
    OUTPUT = "OUTPUT"
    OUTPUT_PIVOT = "OUTPUT_PIVOT"
    OUTPUT_PIECES = "OUTPUT_PIECES"
    N_FOOTPRINTS = "N_FOOTPRINTS"
    FOOTPRINT_AREA_KM2 = "FOOTPRINT_AREA_KM2"
    OUTSIDE_KM2 = "OUTSIDE_KM2"
    AREA_CRS_USED = "AREA_CRS_USED"

    def displayName(self):
        return self.tr("Overlap tabulation")

    def shortDescription(self):
        return self.tr("Footprint area and polygon count in each class of an overlay layer, per zone, without "
                       "double counting.")

    def tags(self):
        return self.tr("tabulate intersection,overlay,land use,nature reserve,ecological zone,cross tabulation,"
                       "area,footprint").split(",")

    def shortHelpString(self):
        return self.tr(
            "Tabulates mining footprints against a class layer (land use, nature reserves, ecological "
            "function zones...) per zone, as Tables 3-5 of the reference paper, in one step.\n\n"
            "Output table, one row per (zone, class): zone, class, n_polygons (footprints with area in the "
            "class and zone), area_km2 (footprint area in the class), pct_of_zone (percent of the zone's "
            "footprint area) and pct_of_class_total (percent of the class's footprint area over all zones).\n\n"
            "No area is counted twice: overlapping footprints are dissolved first (an area covered by "
            "several footprints counts once, for the smallest of them), and overlapping polygons of the same "
            "class count once. Different classes are tallied each on its own: where classes overlap each "
            "other (ecological zones often do), the rows of a zone add up to more than its footprint area. "
            "Footprint area outside every class polygon gets the class '(outside every class)', so the "
            "rows reconcile with the footprint total. NULL classes and zones are kept as their own rows.\n\n"
            "Zones come either from a field of the footprints (ZONE_FIELD, for example province) or from "
            "a zone layer (ZONES and ZONES_FIELD, for example counties), which splits footprints at zone "
            "boundaries; footprint area outside every zone polygon gets the zone '(outside every zone)'. "
            "With 'Assign to the zone with the largest overlap' a footprint is not split but goes whole to the "
            "zone holding most of its area (footprints outside every zone: '(outside every zone)'). "
            "Without zones all footprints form one zone.\n\n"
            "Areas are planar areas in an equal-area CRS (by default an Albers projection fitted to the "
            "footprints), stated in the log and the AREA_CRS_USED output. Invalid geometries are repaired "
            "and counted.\n\n"
            "Optional outputs: a wide table (zones x classes, with totals, as Tables 3 and 5) and a layer "
            "of the intersection pieces (one per footprint, zone and class)."
        ) + "\n\n" + rule_help()

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Mining footprints"), [compat.TYPE_VECTOR_POLYGON]),
            self.tr("Polygon layer of mining footprints, in any CRS."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.OVERLAY, self.tr("Class layer"), [compat.TYPE_VECTOR_POLYGON]),
            self.tr("Polygon layer of the classes: land use, nature reserves, ecological function zones..."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.CLASS_FIELD, self.tr("Class field"),
                                        parentLayerParameterName=self.OVERLAY),
            self.tr("Field of the class layer holding the class (land-use type, reserve name, zone type)."),
        )
        self.add_zone_parameters(
            self.tr("Optional field of the footprints giving their zone (for example province). Leave empty "
                    "when zones come from a zone layer."),
            self.tr("Optional polygon layer of zones (provinces, counties); footprints are split at zone "
                    "boundaries. Use either this or the zone field of the footprints."),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.ZONE_METHOD, self.tr("Footprints crossing zone boundaries"),
                [self.tr("Split footprints at zone boundaries"),
                 self.tr("Assign to the zone with the largest overlap")],
                defaultValue=0),
            self.tr("With a zone layer: split each footprint at the zone boundaries (areas exact per zone), or give "
                    "each footprint whole to the zone holding most of its area (every footprint counted in one "
                    "zone)."),
        )
        self.add_parameter(
            QgsProcessingParameterCrs(self.AREA_CRS, self.tr("Equal-area CRS"), optional=True),
            self.tr("Projected equal-area CRS in metres in which areas are measured. Default: an Albers "
                    "equal-area CRS fitted to the footprints."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.MIN_OVERLAP_M2, self.tr("Minimum overlap counted (m²)"),
                                         compat.NUMBER_DOUBLE, defaultValue=0.0, minValue=0.0),
            self.tr("A footprint counts in n_polygons of a row when more than this area of it lies in the row's "
                    "zone and class (0: any positive area). Areas are always summed in full."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Overlap table"), compat.TYPE_VECTOR),
            self.tr("Table with one row per (zone, class)."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_PIVOT, self.tr("Overlap pivot table"), compat.TYPE_VECTOR,
                                              optional=True, createByDefault=False),
            self.tr("Optional wide table: one row per zone plus a total row; for each class a polygon count "
                    "column (<class>_n) and an area column (<class>_km2), then the zone totals."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_PIECES, self.tr("Intersection pieces"),
                                              compat.TYPE_VECTOR_POLYGON, optional=True, createByDefault=False),
            self.tr("Optional polygon layer of the pieces: each footprint cut by zone and class, with the "
                    "footprint's feature id, zone, class, class_id (0 = outside every class) and area_km2."),
        )
        self.add_output(QgsProcessingOutputNumber(self.N_FOOTPRINTS, self.tr("Number of footprints")))
        self.add_output(QgsProcessingOutputNumber(self.FOOTPRINT_AREA_KM2,
                                                  self.tr("Footprint area, overlaps once (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.OUTSIDE_KM2,
                                                  self.tr("Footprint area outside every class (km²)")))
        self.add_output(QgsProcessingOutputString(self.AREA_CRS_USED, self.tr("CRS of the areas")))

    def largest_overlap_zones(self, fp, zones, zones_field, outside, feedback):
        """Zone value of each footprint by largest overlap (``outside`` where none)."""
        import numpy as np

        from ...core.footprints import factorize
        from ...core.zones import largest_overlap

        codes, uniques = factorize(zones.attributes[zones_field])
        assignment = largest_overlap(fp.geometries, zones.geometries, codes,
                                     progress=self.progress_callback(feedback, 35.0, 40.0))
        values = np.empty(len(fp), dtype=object)
        values[:] = [outside if c < 0 else uniques[c] for c in assignment.code]
        feedback.pushInfo(self.tr(
            "Zones by largest overlap: {n} footprints cross a zone boundary and were given whole to the zone holding "
            "most of their area; {outside} lie outside every zone."
        ).format(n=assignment.n_straddling, outside=assignment.n_unassigned))
        return values

    def _requested(self, parameters, name) -> bool:
        value = parameters.get(name)
        if value is None:
            return False
        sink = getattr(value, "sink", None)  # QgsProcessingOutputLayerDefinition
        text = sink.staticValue() if sink is not None else value
        return bool(text) and str(text).strip() != ""

    def execute(self, parameters, context, feedback):
        import numpy as np

        from ...core.tabulate import ALL, OUTSIDE, overlap_pivot, overlap_tabulation

        source = self.source(parameters, self.INPUT, context)
        overlay = self.source(parameters, self.OVERLAY, context)
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context)
        largest = self.parameterAsEnum(parameters, self.ZONE_METHOD, context) == 1
        min_overlap = self.parameterAsDouble(parameters, self.MIN_OVERLAP_M2, context)
        if not class_field:
            raise QgsProcessingException(self.tr("Choose the class field of layer {layer}.").format(
                layer=overlay.sourceName()))
        zone_field, zones_src, zones_field = self.zone_inputs(parameters, context)
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("Layer {layer} has no features.").format(layer=source.sourceName()))

        area_crs, crs_text = crs_io.resolve_equal_area_crs(self, parameters, self.AREA_CRS, source, context)
        feedback.pushInfo(self.tr("Areas are planar areas in the equal-area CRS {crs}.").format(crs=crs_text))
        feedback.pushInfo(self.tr("A footprint is counted in a row when more than {area} m² of it lies there.").format(
            area=min_overlap))

        fp = vio.read_polygons(source, context, feedback, crs=area_crs, fields=[zone_field] if zone_field else [],
                               progress_range=(0.0, 5.0))
        if len(fp) == 0:
            raise QgsProcessingException(
                self.tr("Layer {layer} has no footprint with a usable polygon geometry.").format(layer=fp.layer_name))
        # only the class polygons near a footprint are read (e.g. 23,000 of 200,000 land-use polygons)
        cls = vio.read_polygons(overlay, context, feedback, crs=area_crs, fields=[class_field], near=fp.geometries,
                                progress_range=(5.0, 30.0))
        zones = None
        if zones_src is not None:
            zones = vio.read_polygons(zones_src, context, feedback, crs=area_crs, fields=[zones_field],
                                      progress_range=(30.0, 35.0), allow_empty=False)
        if feedback.isCanceled():
            return {}

        footprint_zones = fp.attributes[zone_field] if zone_field else None
        if zones is not None and largest:
            footprint_zones = self.largest_overlap_zones(fp, zones, zones_field, OUTSIDE, feedback)
            zones = None
        table = overlap_tabulation(
            fp.geometries,
            cls.geometries,
            cls.attributes[class_field],
            footprint_zones=footprint_zones,
            zones=zones.geometries if zones is not None else None,
            zone_values=zones.attributes[zones_field] if zones is not None else None,
            min_overlap_m2=min_overlap,
            keep_pieces=self._requested(parameters, self.OUTPUT_PIECES),
            progress=self.progress_callback(feedback, 35.0, 90.0),
        )

        outside_class = self.tr("(outside every class)")
        outside_zone = self.tr("(outside every zone)")
        all_zones = self.tr("(all footprints)")

        def zone_label(v):
            return outside_zone if v is OUTSIDE else all_zones if v is ALL else value_text(v)

        def class_label(v):
            return outside_class if v is OUTSIDE else value_text(v)

        log_footprint_rule(feedback, fp.layer_name, fp.fids, table.footprint_status)
        if table.n_overlapping_footprints:
            feedback.pushInfo(self.tr(
                "{n} footprints overlap others; {area:.6f} km² of double-counted area was dissolved."
            ).format(n=table.n_overlapping_footprints, area=table.overlap_removed_km2))
        if table.n_class_polygons_repaired:
            feedback.pushWarning(self.tr("{n} invalid class polygons were repaired.").format(
                n=table.n_class_polygons_repaired))
        if table.n_zone_polygons_repaired:
            feedback.pushWarning(self.tr("{n} invalid zone polygons were repaired.").format(
                n=table.n_zone_polygons_repaired))
        outside_km2 = float(sum(a for c, a in zip(table.classes, table.area_km2, strict=True) if c is OUTSIDE))
        feedback.pushInfo(self.tr(
            "{n} footprints, {area:.6f} km² (overlaps counted once); {outside:.6f} km² outside every class."
        ).format(n=table.n_footprints, area=table.footprint_area_km2, outside=outside_km2))

        sink, dest_id = self.sink(parameters, self.OUTPUT, context, vio.make_fields(TABLE_FIELDS),
                                  compat.WKB_NO_GEOMETRY, area_crs)
        zone_col = np.empty(len(table.zones), dtype=object)
        zone_col[:] = [zone_label(z) for z in table.zones]
        class_col = np.empty(len(table.classes), dtype=object)
        class_col[:] = [class_label(c) for c in table.classes]
        vio.write_features(self, sink, parameters, self.OUTPUT, feedback,
                           [zone_col, class_col, table.n_polygons, table.area_km2, table.pct_of_zone,
                            table.pct_of_class_total], progress_range=(90.0, 93.0))
        del sink
        outputs = {
            self.OUTPUT: dest_id,
            self.N_FOOTPRINTS: table.n_footprints,
            self.FOOTPRINT_AREA_KM2: table.footprint_area_km2,
            self.OUTSIDE_KM2: outside_km2,
            self.AREA_CRS_USED: crs_text,
        }

        if self._requested(parameters, self.OUTPUT_PIVOT):
            pv = overlap_pivot(table)
            names = ["zone"]
            # column names: unique without regard to case (GeoPackage and most databases ignore it),
            # printable, at most PIVOT_NAME_CHARS characters; NULL and "" kept apart
            taken = {"zone", "total_n", "total_km2"}
            for c in pv.class_keys:
                if c is OUTSIDE:
                    base = "outside"
                elif c is None:
                    base = "NULL"
                else:
                    base = " ".join(value_text(c).split())[:PIVOT_NAME_CHARS] or "empty"
                name = base
                k = 2
                while f"{name}_n".lower() in taken or f"{name}_km2".lower() in taken:
                    name = f"{base}_{k}"
                    k += 1
                taken.update({f"{name}_n".lower(), f"{name}_km2".lower()})
                names += [f"{name}_n", f"{name}_km2"]
            spec = [("zone", "string")] + [(n, "int" if n.endswith("_n") else "double") for n in names[1:]]
            spec += [("total_n", "int"), ("total_km2", "double")]
            psink, pivot_id = self.sink(parameters, self.OUTPUT_PIVOT, context, vio.make_fields(spec),
                                        compat.WKB_NO_GEOMETRY, area_crs)
            nz = len(pv.zone_keys)
            zcol = np.empty(nz + 1, dtype=object)
            zcol[:] = [zone_label(z) for z in pv.zone_keys] + [self.tr("Total")]
            columns = [zcol]
            for j in range(len(pv.class_keys)):
                columns.append(np.r_[pv.n_polygons[:, j], pv.class_n_polygons[j]])
                columns.append(np.r_[pv.area_km2[:, j], pv.class_area_km2[j]])
            columns.append(np.r_[pv.zone_n_polygons, pv.total_n_polygons])
            columns.append(np.r_[pv.zone_area_km2, pv.total_area_km2])
            vio.write_features(self, psink, parameters, self.OUTPUT_PIVOT, feedback, columns,
                               progress_range=(93.0, 95.0))
            del psink
            outputs[self.OUTPUT_PIVOT] = pivot_id

        if table.pieces is not None and self._requested(parameters, self.OUTPUT_PIECES):
            p = table.pieces
            class_ids = {c: i + 1 for i, c in enumerate(k for k in table.class_keys if k is not OUTSIDE)}
            zcol = np.empty(len(p.zones), dtype=object)
            zcol[:] = [zone_label(z) for z in p.zones]
            ccol = np.empty(len(p.classes), dtype=object)
            ccol[:] = [class_label(c) for c in p.classes]
            cid = np.array([0 if c is OUTSIDE else class_ids[c] for c in p.classes], dtype=np.int64)
            ksink, pieces_id = self.sink(parameters, self.OUTPUT_PIECES, context, vio.make_fields(PIECE_FIELDS),
                                         compat.WKB_MULTIPOLYGON, area_crs)
            import shapely

            geoms = p.geometries.copy()
            single = shapely.get_type_id(geoms) == shapely.GeometryType.POLYGON
            geoms[single] = shapely.multipolygons(geoms[single].reshape(-1, 1)) if single.any() else geoms[single]
            vio.write_features(self, ksink, parameters, self.OUTPUT_PIECES, feedback,
                               [fp.fids[p.footprint], zcol, ccol, cid, p.area_km2], geoms,
                               progress_range=(95.0, 100.0))
            del ksink
            self.style_output(context, pieces_id, "overlap_pieces")
            outputs[self.OUTPUT_PIECES] = pieces_id
        feedback.setProgress(100)
        return outputs
