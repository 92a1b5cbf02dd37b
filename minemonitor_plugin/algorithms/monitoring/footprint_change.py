"""minemonitor:footprintchange: change pieces and summaries between two survey epochs."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ... import compat
from ...qgis_io import crs as crs_io
from ...qgis_io import vector as vio
from ...reporting.html import id_list
from ..base import MineMonitorAlgorithm
from ..footprint_rule import log_footprint_rule, rule_help

PIECE_FIELDS = (
    ("change", "string"),
    ("change_code", "int"),
    ("relation", "string"),
    ("relation_code", "int"),
    ("earlier_fid", "int64"),
    ("later_fid", "int64"),
    ("mine_id", "string"),
    ("area_m2", "double"),
    ("area_km2", "double"),
)

SUMMARY_FIELDS = (
    ("level", "string"),
    ("key", "string"),
    ("earlier_km2", "double"),
    ("later_km2", "double"),
    ("unchanged_km2", "double"),
    ("added_km2", "double"),
    ("new_km2", "double"),
    ("expanded_km2", "double"),
    ("removed_km2", "double"),
    ("reduced_km2", "double"),
    ("disappeared_km2", "double"),
    ("net_km2", "double"),
    ("jitter_added_km2", "double"),
    ("jitter_removed_km2", "double"),
    ("n_earlier", "int"),
    ("n_later", "int"),
    ("n_new", "int"),
    ("n_disappeared", "int"),
    ("n_split", "int"),
    ("n_merge", "int"),
)


class FootprintChangeAlgorithm(MineMonitorAlgorithm):
    """Classify the change of mining footprints between an earlier and a later survey."""

    ALG_ID = "footprintchange"
    GROUP_ID = "monitoring"
    REQUIREMENTS = ("shapely",)

    EARLIER = "EARLIER"
    LATER = "LATER"
    MINE_ID_FIELD = "MINE_ID_FIELD"
    TOLERANCE_M = "TOLERANCE_M"
    ZONES = "ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    AREA_CRS = "AREA_CRS"
    INCLUDE_JITTER = "INCLUDE_JITTER"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    EARLIER_KM2 = "EARLIER_KM2"
    LATER_KM2 = "LATER_KM2"
    ADDED_KM2 = "ADDED_KM2"
    REMOVED_KM2 = "REMOVED_KM2"
    NET_KM2 = "NET_KM2"
    N_NEW = "N_NEW"
    N_DISAPPEARED = "N_DISAPPEARED"

    def displayName(self):
        return self.tr("Footprint change between epochs")

    def shortDescription(self):
        return self.tr(
            "New, expanded, unchanged, reduced and disappeared mining footprints between two surveys, "
            "with areas per mine and per zone."
        )

    def tags(self):
        return self.tr("change,epoch,monitoring,new,expanded,reduced,disappeared,restored,jitter,mine").split(",")

    def change_label(self, code):
        labels = {
            1: self.tr("new"),
            2: self.tr("expanded"),
            3: self.tr("unchanged"),
            4: self.tr("reduced"),
            5: self.tr("disappeared"),
            6: self.tr("jitter added"),
            7: self.tr("jitter removed"),
        }
        return labels[code]

    def relation_label(self, code):
        labels = {
            0: self.tr("none"),
            1: self.tr("one-to-one"),
            2: self.tr("split"),
            3: self.tr("merge"),
            4: self.tr("split and merge"),
        }
        return labels[code]

    def shortHelpString(self):
        return self.tr(
            "Compares the mining footprints of two surveys (for example 2021 and 2022) and cuts them into "
            "change pieces, each with a change class:\n"
            "- new: a later footprint that overlaps no earlier footprint;\n"
            "- expanded: area added to a footprint that already existed;\n"
            "- unchanged: area occupied in both surveys;\n"
            "- reduced: area removed from a footprint that persists;\n"
            "- disappeared: an earlier footprint that overlaps no later footprint (restored or closed);\n"
            "- jitter added / jitter removed: differences narrower than the tolerance (digitising jitter, "
            "not change; in the summary table, and in the pieces layer with 'Write jitter pieces').\n\n"
            "Matching: an earlier and a later footprint are matched when their overlap is at least "
            "TOLERANCE_M wide somewhere (or covers at least half of the smaller footprint, so narrow roads "
            "still match) and, with a mine id field, both belong to the same mine. A footprint "
            "that splits in two gives two unchanged pieces (relation 'split'); two footprints that merge give "
            "two unchanged pieces and the filled gap as expanded (relation 'merge'). With a mine id field, "
            "land passing from one mine to another is removed from the first and added to the second.\n\n"
            "Tolerance rule: the area added to (removed from) a matched footprint is opened "
            "morphologically: buffer by -TOLERANCE_M/2, then by +TOLERANCE_M/2 (mitre joins), clipped to the "
            "added area. What the opening keeps is real change; the parts it removes (everything narrower "
            "than TOLERANCE_M) are jitter. A strip of 1 m along an edge is jitter with the default 5 m; a "
            "60 m extension is kept exactly. Whole new or disappeared footprints are never jitter. Use 0 to "
            "report every difference.\n\n"
            "Footprints of one survey that overlap each other are made disjoint first (the smallest "
            "keeps the shared area, whatever the order of the features; the overlaps are reported in the log), "
            "so two identical surveys report no change even where a pond is digitised inside a stope.\n\n"
            "Areas are planar in an equal-area CRS (default: Albers fitted to the earlier layer; the pieces "
            "are written in it). The summary table has one row for the total, one per mine (with a mine id "
            "field) and one per zone (with a zone layer; pieces are cut at zone boundaries, footprints are "
            "counted in the zone holding their representative point). Every row reconciles: earlier + added "
            "- removed + jitter added - jitter removed = later, with added = new + expanded and removed = "
            "reduced + disappeared."
        ) + "\n\n" + rule_help()

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.EARLIER, self.tr("Earlier footprints"),
                                                [compat.TYPE_VECTOR_POLYGON]),
            self.tr("Polygon layer of the mining footprints of the earlier survey (for example 2021)."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.LATER, self.tr("Later footprints"),
                                                [compat.TYPE_VECTOR_POLYGON]),
            self.tr("Polygon layer of the mining footprints of the later survey (for example 2022)."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.MINE_ID_FIELD, self.tr("Mine id field"),
                                        parentLayerParameterName=self.EARLIER, optional=True),
            self.tr(
                "Optional field identifying the mine, present in both layers under this name. Footprints are "
                "then matched only within the same mine and the summary has a row per mine. Values are "
                "compared as text without surrounding spaces (10, 10.0 and '10' are one mine)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.TOLERANCE_M, self.tr("Tolerance (metres)"), compat.NUMBER_DOUBLE,
                                         defaultValue=5.0, minValue=0.0),
            self.tr(
                "Differences narrower than this width are digitising jitter, not change (see the help for "
                "the exact rule). The default of 5 m is a little over two pixels of the 2 m imagery the "
                "surveys use. 0 reports every difference."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.ZONES, self.tr("Zones"), [compat.TYPE_VECTOR_POLYGON],
                                                optional=True),
            self.tr("Optional polygon layer (counties, planning units...) for a summary per zone."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.ZONE_FIELD, self.tr("Zone name field"),
                                        parentLayerParameterName=self.ZONES, optional=True),
            self.tr("Field naming each zone in the summary; default the zone feature id."),
        )
        self.add_parameter(
            QgsProcessingParameterCrs(self.AREA_CRS, self.tr("Equal-area CRS"), optional=True),
            self.tr(
                "Projected CRS in metres for the computation and the output pieces; it should be "
                "equal-area. Default: an Albers equal-area CRS fitted to the earlier layer."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.INCLUDE_JITTER, self.tr("Write jitter pieces"), defaultValue=False),
            self.tr(
                "Also write the jitter pieces (change_code 6 and 7) to the change pieces layer, to inspect what "
                "the tolerance filtered out. Their areas are always in the summary table."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Change pieces"), compat.TYPE_VECTOR_POLYGON),
            self.tr(
                "Change pieces with change (class name), change_code (1 new, 2 expanded, 3 unchanged, "
                "4 reduced, 5 disappeared, 6 jitter added, 7 jitter removed), relation (one-to-one, split, "
                "merge), earlier_fid / later_fid of the footprints, mine_id, area_m2 and area_km2."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SUMMARY, self.tr("Change summary"), compat.TYPE_VECTOR),
            self.tr(
                "Table with one row for the total, one per mine and one per zone: areas in km² (earlier, "
                "later, unchanged, added, new, expanded, removed, reduced, disappeared, net, jitter) and "
                "counts of footprints (earlier, later, new, disappeared, split, merged)."
            ),
        )
        self.add_output(QgsProcessingOutputNumber(self.EARLIER_KM2, self.tr("Earlier footprint area (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.LATER_KM2, self.tr("Later footprint area (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.ADDED_KM2, self.tr("Added area (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.REMOVED_KM2, self.tr("Removed area (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.NET_KM2, self.tr("Net change (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.N_NEW, self.tr("New footprints")))
        self.add_output(QgsProcessingOutputNumber(self.N_DISAPPEARED, self.tr("Disappeared footprints")))

    def execute(self, parameters, context, feedback):
        import numpy as np

        from ...core.change import PAIR_OTHER_MINE, PAIR_SLIVER, footprint_change, summarize_by_zone

        earlier_src = self.source(parameters, self.EARLIER, context)
        later_src = self.source(parameters, self.LATER, context)
        zones_src = self.source(parameters, self.ZONES, context, optional=True)
        mine_field = self.parameterAsString(parameters, self.MINE_ID_FIELD, context)
        zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE_M, context)
        include_jitter = self.parameterAsBool(parameters, self.INCLUDE_JITTER, context)
        if tolerance < 0:
            raise QgsProcessingException(
                self.tr("The tolerance must not be negative; got {value}.").format(value=tolerance))
        for src in (earlier_src, later_src):
            if src.featureCount() == 0:
                raise QgsProcessingException(self.tr("Layer {layer} has no features.").format(layer=src.sourceName()))
        if mine_field and later_src.fields().lookupField(mine_field) < 0:
            raise QgsProcessingException(
                self.tr("The mine id field {field} of the earlier layer does not exist in layer {layer}.").format(
                    field=mine_field, layer=later_src.sourceName()))

        area_crs, _ = crs_io.resolve_equal_area_crs(self, parameters, self.AREA_CRS, earlier_src, context)
        feedback.pushInfo(self.tr("Equal-area CRS: {definition}").format(
            definition=area_crs.toProj() or area_crs.authid()))
        feedback.pushInfo(self.tr(
            "Tolerance: {tolerance} m. Added or removed parts narrower than this (what a morphological opening "
            "by buffer -{half} m / +{half} m removes) are reported as jitter, not change.").format(
                tolerance=tolerance, half=tolerance / 2.0))
        if mine_field:
            feedback.pushInfo(self.tr("Matching by overlap within the same mine (field {field}).").format(
                field=mine_field))
        else:
            feedback.pushInfo(self.tr("Matching by overlap (no mine id field)."))

        fields = [mine_field] if mine_field else []
        earlier = vio.read_polygons(earlier_src, context, feedback, crs=area_crs, fields=fields,
                                    progress_range=(0.0, 10.0))
        later = vio.read_polygons(later_src, context, feedback, crs=area_crs, fields=fields,
                                  progress_range=(10.0, 20.0))
        if feedback.isCanceled():
            return {}
        for data in (earlier, later):
            if len(data) == 0:
                raise QgsProcessingException(
                    self.tr("Layer {layer} has no footprint with a usable polygon geometry.").format(
                        layer=data.layer_name))
        result = footprint_change(
            earlier.geometries,
            later.geometries,
            earlier_ids=earlier.attributes[mine_field] if mine_field else None,
            later_ids=later.attributes[mine_field] if mine_field else None,
            tolerance=tolerance,
            progress=self.progress_callback(feedback, 20.0, 75.0),
        )
        for data, overlaps, status in ((earlier, result.earlier_overlaps, result.earlier_status),
                                       (later, result.later_overlaps, result.later_status)):
            log_footprint_rule(feedback, data.layer_name, data.fids, status)
            if len(overlaps.first):
                pairs = [f"{int(data.fids[a])}/{int(data.fids[b])}" for a, b in zip(overlaps.first, overlaps.second,
                                                                                    strict=True)]
                feedback.pushWarning(self.tr(
                    "Layer {layer}: {n} pairs of footprints overlap ({area:.1f} m² in all); the smaller footprint "
                    "keeps the shared area (feature id pairs, keeping/losing: {pairs}).").format(
                        layer=data.layer_name, n=len(pairs), area=overlaps.total_area, pairs=id_list(pairs, 20)))
        n_sliver = int(np.count_nonzero(result.pair_status == PAIR_SLIVER))
        n_other = int(np.count_nonzero(result.pair_status == PAIR_OTHER_MINE))
        if n_sliver:
            feedback.pushInfo(self.tr(
                "{n} overlaps between earlier and later footprints are narrower than the tolerance and were not "
                "taken as matches.").format(n=n_sliver))
        if n_other:
            feedback.pushInfo(self.tr(
                "{n} overlaps are between footprints of different mines; their area counts as removed from one "
                "mine and added to the other.").format(n=n_other))

        zone_summary = None
        if zones_src is not None:
            zones = vio.read_polygons(zones_src, context, feedback, crs=area_crs,
                                      fields=[zone_field] if zone_field else [], progress_range=(75.0, 78.0))
            if len(zones) == 0:
                raise QgsProcessingException(
                    self.tr("The zone layer {layer} has no polygon.").format(layer=zones.layer_name))
            keys = zones.attributes[zone_field] if zone_field else zones.fids
            keys = np.array(["" if k is None else str(k) for k in keys], dtype=object)
            zone_summary = summarize_by_zone(result, earlier.geometries, later.geometries, zones.geometries, keys)
        if feedback.isCanceled():
            return {}

        pieces = result.pieces
        shown = np.ones(len(pieces), dtype=bool) if include_jitter else pieces.change < 6
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, vio.make_fields(PIECE_FIELDS),
                                  compat.WKB_MULTIPOLYGON, area_crs)

        def fids(data, index):
            out = np.full(len(index), None, dtype=object)
            hit = index >= 0
            out[hit] = data.fids[index[hit]].astype(object)
            return out

        change_names = {c: self.change_label(c) for c in range(1, 8)}
        relation_names = {c: self.relation_label(c) for c in range(0, 5)}
        mine = np.full(len(pieces), None, dtype=object)
        if mine_field:
            known = pieces.mine_id != ""
            mine[known] = pieces.mine_id[known]
        columns = [
            np.array([change_names[c] for c in pieces.change[shown].tolist()], dtype=object),
            pieces.change[shown],
            np.array([relation_names[c] for c in pieces.relation[shown].tolist()], dtype=object),
            pieces.relation[shown],
            fids(earlier, pieces.earlier_index[shown]),
            fids(later, pieces.later_index[shown]),
            mine[shown],
            pieces.area[shown],
            pieces.area[shown] / 1e6,
        ]
        from ...core.geometry import as_multipolygons  # the sink's type

        vio.write_features(self, sink, parameters, self.OUTPUT, feedback, columns,
                           as_multipolygons(pieces.geometry[shown]), progress_range=(80.0, 95.0))
        del sink
        self.style_output(context, dest_id, "footprint_change")

        table, table_id = self.sink(parameters, self.OUTPUT_SUMMARY, context, vio.make_fields(SUMMARY_FIELDS),
                                    compat.WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem())
        blocks = [("total", result.total)]
        if result.by_mine is not None:
            blocks.append(("mine", result.by_mine))
        if zone_summary is not None:
            blocks.append(("zone", zone_summary))
        level_col, columns = [], None
        for level, summary in blocks:
            cols = summary.columns()
            level_col += [level] * len(cols["key"])
            values = [np.asarray(cols["key"], dtype=object)]
            for name, _ in SUMMARY_FIELDS[2:]:
                source = name.replace("_km2", "_m2")
                values.append(cols[source] / 1e6 if name.endswith("_km2") else cols[name])
            columns = values if columns is None else [np.concatenate([a, b]) for a, b in zip(columns, values,
                                                                                             strict=True)]
        columns = [np.array(level_col, dtype=object), *columns]
        vio.write_features(self, table, parameters, self.OUTPUT_SUMMARY, feedback, columns,
                           progress_range=(95.0, 100.0))
        del table

        t = result.total
        counts = {c: int(np.count_nonzero(pieces.change == c)) for c in range(1, 8)}
        feedback.pushInfo(self.tr(
            "Pieces: {new} new, {expanded} expanded, {unchanged} unchanged, {reduced} reduced, {disappeared} "
            "disappeared, {jitter} jitter.").format(new=counts[1], expanded=counts[2], unchanged=counts[3],
                                                    reduced=counts[4], disappeared=counts[5],
                                                    jitter=counts[6] + counts[7]))
        feedback.pushInfo(self.tr(
            "Footprints: {n_new} new, {n_gone} disappeared, {n_split} split, {n_merge} merged.").format(
                n_new=int(t.n_new[0]), n_gone=int(t.n_disappeared[0]), n_split=int(t.n_split[0]),
                n_merge=int(t.n_merge[0])))
        km2 = 1e-6
        feedback.pushInfo(self.tr(
            "Reconciliation (km²): earlier {earlier:.6f} + added {added:.6f} - removed {removed:.6f} + jitter "
            "added {ja:.6f} - jitter removed {jr:.6f} = {total:.6f}; later {later:.6f}.").format(
                earlier=t.earlier[0] * km2, added=t.added[0] * km2, removed=t.removed[0] * km2,
                ja=t.jitter_added[0] * km2, jr=t.jitter_removed[0] * km2,
                total=(t.later[0] + t.reconciliation_error[0]) * km2, later=t.later[0] * km2))
        return {
            self.OUTPUT: dest_id,
            self.OUTPUT_SUMMARY: table_id,
            self.EARLIER_KM2: float(t.earlier[0] * km2),
            self.LATER_KM2: float(t.later[0] * km2),
            self.ADDED_KM2: float(t.added[0] * km2),
            self.REMOVED_KM2: float(t.removed[0] * km2),
            self.NET_KM2: float(t.net[0] * km2),
            self.N_NEW: int(t.n_new[0]),
            self.N_DISAPPEARED: int(t.n_disappeared[0]),
        }
