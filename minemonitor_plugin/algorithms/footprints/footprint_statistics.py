"""minemonitor:footprintstatistics: count, area and spread per group, size classes, log-normality
(Table 2, Figs 3-5, 7-8)."""

from __future__ import annotations

import dataclasses
import math

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ... import compat
from ...i18n import html_language
from ...qgis_io import crs as crs_io
from ...qgis_io import vector as vio
from ...reporting import charts
from ...reporting.html import html_heading, html_paragraph, html_table, write_html
from ..base import MineMonitorAlgorithm
from ..footprint_rule import log_footprint_rule, rule_help

STAT_FIELDS = (
    ("is_total", "int"),
    ("n_polygons", "int"),
    ("n_mines", "int"),
    ("total_km2", "double"),
    ("share_pct", "double"),
    ("count_share_pct", "double"),
    ("mean_km2", "double"),
    ("std_km2", "double"),
    ("median_km2", "double"),
    ("geomean_km2", "double"),
    ("min_km2", "double"),
    ("max_km2", "double"),
    ("total_perimeter_km", "double"),
    ("mean_perimeter_km", "double"),
)
SIZE_FIELDS = (
    ("size_class", "int"),
    ("label", "string"),
    ("lower_km2", "double"),
    ("upper_km2", "double"),
    ("n_polygons", "int"),
    ("pct_polygons", "double"),
    ("cum_pct_polygons", "double"),
    ("total_km2", "double"),
    ("pct_area", "double"),
    ("cum_pct_area", "double"),
    ("pct_area_at_or_above", "double"),
)
GROUP_SIZE_FIELDS = (
    ("size_class", "int"),
    ("label", "string"),
    ("lower_km2", "double"),
    ("upper_km2", "double"),
    ("n_polygons", "int"),
    ("pct_polygons", "double"),
    ("total_km2", "double"),
    ("pct_area", "double"),
)
DEFAULT_BREAKS = "0.024, 0.1, 0.2, 1, 10, 50, 100, 1000"
# index of the enum parameters -> core argument
STD_DDOF = (1, 0)
NORMALITY_METHODS = ("auto", "shapiro", "dagostino")


def group_label(key: tuple) -> str:
    """``Xinjiang / coal``; NULL shown as an em dash."""
    return " / ".join("—" if v is None else str(v) for v in key)


def parse_breaks(text: str) -> list[float]:
    """Comma/space separated numbers; raises ValueError naming the bad token."""
    values = []
    for token in text.replace(";", ",").replace(" ", ",").split(","):
        token = token.strip()
        if token:
            values.append(float(token))
    return values


class FootprintStatisticsAlgorithm(MineMonitorAlgorithm):
    """Per-group footprint statistics, size classes and a log-normality check, with an HTML report."""

    ALG_ID = "footprintstatistics"
    GROUP_ID = "footprints"
    REQUIREMENTS = ("shapely", "scipy")

    INPUT = "INPUT"
    GROUP_FIELDS = "GROUP_FIELDS"
    MINE_ID_FIELD = "MINE_ID_FIELD"
    SIZE_BREAKS = "SIZE_BREAKS"
    AREA_CRS = "AREA_CRS"
    STD_TYPE = "STD_TYPE"
    NORMALITY_TEST = "NORMALITY_TEST"
    TOP_N = "TOP_N"
    ZONES = "ZONES"
    ZONE_FIELDS = "ZONE_FIELDS"
    ZONE_METHOD = "ZONE_METHOD"
    OUTPUT = "OUTPUT"
    OUTPUT_SIZE_CLASSES = "OUTPUT_SIZE_CLASSES"
    OUTPUT_SIZE_BY_GROUP = "OUTPUT_SIZE_BY_GROUP"
    OUTPUT_HTML = "OUTPUT_HTML"
    N_POLYGONS = "N_POLYGONS"
    TOTAL_KM2 = "TOTAL_KM2"
    GEOMEAN_KM2 = "GEOMEAN_KM2"
    NORMALITY_STATISTIC = "NORMALITY_STATISTIC"
    NORMALITY_P_VALUE = "NORMALITY_P_VALUE"
    NORMALITY_METHOD = "NORMALITY_METHOD"
    AREA_CRS_USED = "AREA_CRS_USED"
    N_OUTSIDE_ZONES = "N_OUTSIDE_ZONES"

    def displayName(self):
        return self.tr("Footprint statistics")

    def shortDescription(self):
        return self.tr(
            "Polygon count, mines, area and perimeter statistics per group, size classes and a log-normality check."
        )

    def tags(self):
        return self.tr("footprint,statistics,area,size class,log-normal,geometric mean,province,mineral").split(",")

    def shortHelpString(self):
        return self.tr(
            "Summarises mining footprints per group, as Table 2 and Figs 3-5 and 7-8 of the reference paper.\n\n"
            "For each combination of the grouping fields (none: only the whole layer) and for the whole "
            "layer: n_polygons, n_mines (distinct values of the mine id field), total_km2, share_pct (of the "
            "layer's area), count_share_pct (of the layer's polygons), mean_km2, std_km2, median_km2, geomean_km2 "
            "(geometric mean, the typical size of a log-normal distribution), min_km2, max_km2, "
            "total_perimeter_km and mean_perimeter_km. The whole-layer row has is_total = 1. NULL group values "
            "form their own group.\n\n"
            "Zones from a boundary layer: with a zone layer (counties, prefectures, provinces, countries) the "
            "chosen fields of the zone layer become the first grouping fields, so the top counties per province "
            "(Fig. 3) come from the county layer without a county attribute on the footprints. Each footprint "
            "goes to the zone holding the largest part of its area, or, with 'Split footprints at zone "
            "boundaries', is cut into one piece per zone (each piece then counts in its zone: a footprint "
            "crossing a boundary counts in every zone it lies in, areas add up; the whole-layer row, the size "
            "classes and the log-normality test still use whole footprints). Footprints outside every zone "
            "polygon get NULL zone values; their number is an output.\n\n"
            "Areas and perimeters are measured in an equal-area CRS (by default an Albers projection fitted "
            "to the layer; its definition is written to the log and the report).\n\n"
            "The size-class table counts polygons in the classes [0, b1), [b1, b2), ... [bk, ∞) of the size "
            "breaks, with the cumulative share of polygons below each upper bound and the share of the area.\n\n"
            "The log-normality check tests the natural logarithm of the areas: Shapiro-Wilk up to 5000 "
            "polygons, D'Agostino-Pearson K² above (where Shapiro-Wilk p-values are not accurate), or the "
            "test you choose. With thousands of polygons any test rejects tiny departures, so the report "
            "also gives the largest distance of the log-normal P-P plot from its diagonal.\n\n"
            "The optional size-class x group table crosses the size classes with the groups (for example "
            "medium and large mines per province).\n\n"
            "The HTML report shows the histogram of log areas, the P-P plot, the size classes and the top "
            "groups by polygon count (with their share of the polygons) and by area (with their share of the "
            "area), per value of the first grouping field when there are several."
        ) + "\n\n" + rule_help() + "\n\n" + self.tr(
            "Each footprint's area is its own land, so areas add up to the area the layer covers (exact "
            "duplicates are one polygon); perimeters are those of the footprints themselves."
        )

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Mining footprints"), [compat.TYPE_VECTOR_POLYGON]),
            self.tr("Polygon layer of mining footprints, in any CRS; multipart polygons count as one polygon."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.GROUP_FIELDS, self.tr("Group by fields"),
                                        parentLayerParameterName=self.INPUT,
                                        allowMultiple=True, optional=True),
            self.tr("Zero or more fields (province, county, mineral, type code...); one output row per "
                    "combination of their values."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.ZONES, self.tr("Zone layer"), [compat.TYPE_VECTOR_POLYGON],
                                                optional=True),
            self.tr("Optional polygon layer of zones (counties, prefectures, provinces, countries); its zone fields "
                    "become the first grouping fields."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.ZONE_FIELDS, self.tr("Zone fields"), parentLayerParameterName=self.ZONES,
                                        allowMultiple=True, optional=True),
            self.tr("Fields of the zone layer identifying a zone, outermost first (for example province and "
                    "county: the report then ranks the top counties per province). Required with a zone layer."),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.ZONE_METHOD, self.tr("Footprints crossing zone boundaries"),
                [self.tr("Assign to the zone with the largest overlap"),
                 self.tr("Split footprints at zone boundaries")],
                defaultValue=0),
            self.tr("Largest overlap: every footprint counts once, in the zone holding most of its area (the "
                    "paper's counts per county). Split: every footprint is cut at the zone boundaries and each "
                    "piece counts in its zone."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.MINE_ID_FIELD, self.tr("Mine id field"),
                                        parentLayerParameterName=self.INPUT,
                                        optional=True),
            self.tr("Optional field identifying the mine of each polygon; n_mines counts distinct non-NULL values."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.SIZE_BREAKS, self.tr("Size-class breaks (km²)"),
                                         defaultValue=DEFAULT_BREAKS),
            self.tr("Increasing positive thresholds in km², separated by commas. The default are the paper's "
                    "classes: its geometric mean 0.024 km², then 0.1, 0.2, 1, 10 (medium mines), 50 (large "
                    "mines), 100 and 1000 km²."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.TOP_N, self.tr("Number of top groups"), compat.NUMBER_INTEGER,
                                         defaultValue=10, minValue=1),
            self.tr("How many groups the report ranks by polygon count and by area (the paper shows the top 10)."),
        )
        self.add_parameter(
            QgsProcessingParameterCrs(self.AREA_CRS, self.tr("Equal-area CRS"), optional=True),
            self.tr("Projected equal-area CRS in metres in which areas and perimeters are measured. Default: an "
                    "Albers equal-area CRS fitted to the layer."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterEnum(self.STD_TYPE, self.tr("Standard deviation"),
                                       [self.tr("Sample (n - 1)"), self.tr("Population (n)")], defaultValue=0),
            self.tr("Divisor of the standard deviation: n - 1 (sample, default) or n (population)."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.NORMALITY_TEST, self.tr("Log-normality test"),
                [self.tr("Automatic (Shapiro-Wilk up to 5000 polygons, else D'Agostino-Pearson)"),
                 self.tr("Shapiro-Wilk"), self.tr("D'Agostino-Pearson K²")], defaultValue=0),
            self.tr("Normality test applied to the natural logarithm of the areas."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Footprint statistics"), compat.TYPE_VECTOR),
            self.tr("Table with one row per group and the whole-layer row (is_total = 1)."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SIZE_CLASSES, self.tr("Size classes"), compat.TYPE_VECTOR),
            self.tr("Table with one row per size class."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SIZE_BY_GROUP, self.tr("Size classes by group"),
                                              compat.TYPE_VECTOR, optional=True, createByDefault=False),
            self.tr("Optional table with one row per group and size class: the grouping fields, size_class, label, "
                    "lower_km2, upper_km2, n_polygons, pct_polygons and pct_area (shares of the group), total_km2."),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_HTML, self.tr("Report"), self.tr("HTML files (*.html)"),
                                                  optional=True),
            self.tr("HTML report with the histogram of log areas, the log-normal P-P plot, the size classes and "
                    "the top groups."),
        )
        self.add_output(QgsProcessingOutputNumber(self.N_POLYGONS, self.tr("Number of polygons")))
        self.add_output(QgsProcessingOutputNumber(self.TOTAL_KM2, self.tr("Total area (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.GEOMEAN_KM2, self.tr("Geometric mean area (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.NORMALITY_STATISTIC, self.tr("Log-normality test statistic")))
        self.add_output(QgsProcessingOutputNumber(self.NORMALITY_P_VALUE, self.tr("Log-normality test p-value")))
        self.add_output(QgsProcessingOutputString(self.NORMALITY_METHOD, self.tr("Log-normality test")))
        self.add_output(QgsProcessingOutputString(self.AREA_CRS_USED, self.tr("CRS of the areas")))
        self.add_output(QgsProcessingOutputNumber(self.N_OUTSIDE_ZONES, self.tr("Footprints outside every zone")))

    def _field_names(self, parameters, name, context) -> list[str]:
        as_strings = getattr(self, "parameterAsStrings", None)  # QGIS >= 3.32; parameterAsFields before
        values = (as_strings or self.parameterAsFields)(parameters, name, context)
        return [v for v in values if v]

    def execute(self, parameters, context, feedback):
        import numpy as np

        from ...core.errors import InvalidInputError
        from ...core.footprints import (
            attribute_codes,
            footprint_statistics,
            grouped_size_classes,
            lognormality_test,
            measure_footprints,
            size_classes,
        )

        source = self.source(parameters, self.INPUT, context)
        zones_src = self.source(parameters, self.ZONES, context, optional=True)
        zone_fields = self._field_names(parameters, self.ZONE_FIELDS, context) if zones_src is not None else []
        split_zones = self.parameterAsEnum(parameters, self.ZONE_METHOD, context) == 1
        group_fields = self._field_names(parameters, self.GROUP_FIELDS, context)
        mine_field = self.parameterAsString(parameters, self.MINE_ID_FIELD, context)
        breaks_text = self.parameterAsString(parameters, self.SIZE_BREAKS, context) or DEFAULT_BREAKS
        try:
            breaks = parse_breaks(breaks_text)
        except ValueError:
            raise QgsProcessingException(
                self.tr("The size-class breaks {breaks} are not a list of numbers separated by commas.").format(
                    breaks=breaks_text)
            ) from None
        top_n = self.parameterAsInt(parameters, self.TOP_N, context)
        ddof = STD_DDOF[self.parameterAsEnum(parameters, self.STD_TYPE, context)]
        method = NORMALITY_METHODS[self.parameterAsEnum(parameters, self.NORMALITY_TEST, context)]
        stat_names = {name for name, _ in STAT_FIELDS}
        for name in zone_fields + group_fields:
            if name in stat_names:
                raise QgsProcessingException(
                    self.tr("The grouping field {field} has the name of an output column; rename it first.").format(
                        field=name)
                )
        if zones_src is not None and not zone_fields:
            raise QgsProcessingException(self.tr("Choose the zone fields of the zone layer {layer}.").format(
                layer=zones_src.sourceName()))
        for name in zone_fields:
            if name in group_fields:
                raise QgsProcessingException(self.tr(
                    "The zone field {field} has the same name as a grouping field of the footprints; group by one "
                    "of them only."
                ).format(field=name))
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("Layer {layer} has no features.").format(layer=source.sourceName()))

        area_crs, crs_text = crs_io.resolve_equal_area_crs(self, parameters, self.AREA_CRS, source, context)
        # the report names the CRS (and its authority id); the output keeps its definition
        crs_name = (f"{area_crs.description()} ({area_crs.authid()})" if area_crs.authid() else
                    area_crs.description()) or crs_text
        feedback.pushInfo(self.tr("Areas and perimeters measured in the equal-area CRS {crs}.").format(crs=crs_text))
        feedback.pushInfo(self.tr("Standard deviation with divisor n - {ddof}; size-class breaks {breaks} km².").format(
            ddof=ddof, breaks=", ".join(f"{b:g}" for b in breaks)))

        read_fields = list(dict.fromkeys(group_fields + ([mine_field] if mine_field else [])))
        data = vio.read_polygons(source, context, feedback, crs=area_crs, fields=read_fields,
                                 progress_range=(0.0, 60.0))
        if feedback.isCanceled():
            return {}
        if len(data) == 0:
            raise QgsProcessingException(
                self.tr("Layer {layer} has no footprint with a usable polygon geometry.").format(layer=data.layer_name)
            )
        # one rule for every algorithm: overlaps counted once (the smallest footprint keeps shared land),
        # duplicates and slivers not counted
        key_columns = [data.attributes[f] for f in group_fields] + ([data.attributes[mine_field]] if mine_field else [])
        measures = measure_footprints(data.geometries, progress=self.progress_callback(feedback, 60.0, 65.0),
                                      tie_break=attribute_codes(key_columns, len(data)))
        log_footprint_rule(feedback, data.layer_name, data.fids, measures.status, measures.n_overlapping,
                           measures.overlap_km2 * 1e6)
        if not len(measures.index):
            raise QgsProcessingException(
                self.tr("Layer {layer} has no footprint with a usable polygon geometry.").format(layer=data.layer_name)
            )
        area, perimeter, kept = measures.area_km2, measures.perimeter_km, measures.index
        # the counted footprints as their own land (zones by largest overlap or split count it once)
        counted = dataclasses.replace(data, geometries=measures.land, fids=data.fids[kept],
                                      attributes={k: v[kept] for k, v in data.attributes.items()})
        mine_ids = counted.attributes[mine_field] if mine_field else None
        n_outside = 0
        if zones_src is None:
            stats = footprint_statistics(
                area, perimeter, [counted.attributes[f] for f in group_fields], group_fields, mine_ids=mine_ids,
                ddof=ddof,
            )
            group_area = area
        else:
            stats, group_area, n_outside = self.zone_statistics(
                counted, area, perimeter, zones_src, zone_fields, group_fields, mine_ids, split_zones, area_crs,
                context, feedback, ddof)
        sizes = size_classes(area, breaks)
        feedback.setProgress(70)
        test = None
        try:
            test = lognormality_test(area, method)
        except InvalidInputError as err:
            feedback.pushWarning(self.tr("Log-normality test skipped: {reason}").format(reason=str(err)))
        if test is not None:
            feedback.pushInfo(self.test_sentence(test))

        # statistics table: group fields keep their type, then the statistics
        out_fields = QgsFields()
        src_fields = source.fields()
        if zones_src is not None:
            z_fields = zones_src.fields()
            for name in zone_fields:
                out_fields.append(QgsField(z_fields.field(z_fields.lookupField(name))))
        for name in group_fields:
            out_fields.append(QgsField(src_fields.field(src_fields.lookupField(name))))
        key_fields = QgsFields(out_fields)
        for field in vio.make_fields(STAT_FIELDS):
            out_fields.append(field)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, out_fields, compat.WKB_NO_GEOMETRY, area_crs)
        n_rows = stats.n_groups + 1
        columns = []
        for f in range(len(stats.group_fields)):
            col = np.empty(n_rows, dtype=object)
            col[:] = [k[f] for k in stats.keys] + [None]
            columns.append(col)
        columns.append(np.r_[np.zeros(stats.n_groups, dtype=np.int64), 1])
        for name, _ in STAT_FIELDS[1:]:
            values = np.r_[stats.columns[name], stats.total[name]]
            if name in ("n_polygons", "n_mines"):
                obj = np.empty(n_rows, dtype=object)
                obj[:] = [None if math.isnan(v) else int(v) for v in values.astype(np.float64)]
                values = obj
            columns.append(values)
        vio.write_features(self, sink, parameters, self.OUTPUT, feedback, columns, progress_range=(75.0, 85.0))
        del sink

        size_sink, size_id = self.sink(parameters, self.OUTPUT_SIZE_CLASSES, context, vio.make_fields(SIZE_FIELDS),
                                       compat.WKB_NO_GEOMETRY, area_crs)
        labels = self.size_labels(sizes)
        upper = sizes.upper_km2.astype(np.float64).copy()
        upper[np.isinf(upper)] = np.nan
        vio.write_features(
            self, size_sink, parameters, self.OUTPUT_SIZE_CLASSES, feedback,
            [np.arange(1, len(labels) + 1), np.array(labels, dtype=object), sizes.lower_km2, upper, sizes.n_polygons,
             sizes.pct_polygons, sizes.cum_pct_polygons, sizes.total_km2, sizes.pct_area, sizes.cum_pct_area,
             sizes.pct_area_at_or_above],
            progress_range=(85.0, 90.0),
        )
        del size_sink

        if stats.n_groups and self._requested(parameters, self.OUTPUT_SIZE_BY_GROUP):
            crossed = grouped_size_classes(group_area, stats.codes, stats.n_groups, breaks)
            spec = QgsFields(key_fields)
            for field in vio.make_fields(GROUP_SIZE_FIELDS):
                spec.append(field)
            cross_sink, cross_id = self.sink(parameters, self.OUTPUT_SIZE_BY_GROUP, context, spec,
                                             compat.WKB_NO_GEOMETRY, area_crs)
            n_classes = len(labels)
            g_index = np.repeat(np.arange(stats.n_groups), n_classes)
            k_index = np.tile(np.arange(n_classes), stats.n_groups)
            columns = []
            for f in range(len(stats.group_fields)):
                col = np.empty(g_index.size, dtype=object)
                col[:] = [stats.keys[g][f] for g in g_index]
                columns.append(col)
            label_col = np.empty(g_index.size, dtype=object)
            label_col[:] = [labels[k] for k in k_index]
            columns += [k_index + 1, label_col, sizes.lower_km2[k_index], upper[k_index],
                        crossed.n_polygons.ravel(), crossed.pct_polygons.ravel(), crossed.total_km2.ravel(),
                        crossed.pct_area.ravel()]
            vio.write_features(self, cross_sink, parameters, self.OUTPUT_SIZE_BY_GROUP, feedback, columns,
                               progress_range=(90.0, 92.0))
            del cross_sink
        else:
            cross_id = None

        outputs = {
            self.OUTPUT: dest_id,
            self.OUTPUT_SIZE_CLASSES: size_id,
            self.N_OUTSIDE_ZONES: n_outside,
            self.N_POLYGONS: int(stats.total["n_polygons"]),
            self.TOTAL_KM2: stats.total["total_km2"],
            self.GEOMEAN_KM2: stats.total["geomean_km2"],
            self.NORMALITY_STATISTIC: test.statistic if test else float("nan"),
            self.NORMALITY_P_VALUE: test.pvalue if test else float("nan"),
            self.NORMALITY_METHOD: test.method if test else "",
            self.AREA_CRS_USED: crs_text,
        }
        if cross_id is not None:
            outputs[self.OUTPUT_SIZE_BY_GROUP] = cross_id
        feedback.pushInfo(self.tr("{n} polygons, {area:.4f} km²; geometric mean {gm:.6f} km²; {groups} groups.").format(
            n=int(stats.total["n_polygons"]), area=stats.total["total_km2"], gm=stats.total["geomean_km2"],
            groups=stats.n_groups))

        html_path = self.output_file(parameters, self.OUTPUT_HTML, context)
        if html_path:
            self.write_report(html_path, source.sourceName(), crs_name, area, stats, sizes, labels, test, top_n,
                              feedback)
            outputs[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return outputs

    def _requested(self, parameters, name) -> bool:
        value = parameters.get(name)
        if value is None:
            return False
        sink = getattr(value, "sink", None)  # QgsProcessingOutputLayerDefinition
        text = sink.staticValue() if sink is not None else value
        return bool(text) and str(text).strip() != ""

    def zone_statistics(self, data, area, perimeter, zones_src, zone_fields, group_fields, mine_ids, split_zones,
                        area_crs, context, feedback, ddof):
        """Statistics grouped by the zone layer's fields (then the footprints' group fields).

        Returns the statistics, the area of each row given to them (footprints, or pieces when split)
        and the number of footprints outside every zone polygon."""
        import dataclasses

        import numpy as np

        from ...core.footprints import factorize, footprint_statistics, measure_polygons
        from ...core.zones import largest_overlap, split_by_zones

        zones = vio.read_polygons(zones_src, context, feedback, crs=area_crs, fields=zone_fields,
                                  progress_range=(60.0, 62.0))
        if len(zones) == 0:
            raise QgsProcessingException(self.tr("The zone layer {layer} has no polygon.").format(
                layer=zones.layer_name))
        keys = np.empty(len(zones), dtype=object)
        keys[:] = list(zip(*(zones.attributes[f] for f in zone_fields), strict=True))
        codes, uniques = factorize(keys)
        progress = self.progress_callback(feedback, 62.0, 70.0)
        n_zone_fields = len(zone_fields)

        def zone_columns(code):
            cols = []
            for f in range(n_zone_fields):
                col = np.empty(code.size, dtype=object)
                col[:] = [None if c < 0 else uniques[c][f] for c in code]
                cols.append(col)
            return cols

        names = list(zone_fields) + list(group_fields)
        if not split_zones:
            assignment = largest_overlap(data.geometries, zones.geometries, codes, progress=progress)
            n_outside = assignment.n_unassigned
            feedback.pushInfo(self.tr(
                "Zones by largest overlap: {n} footprints cross a zone boundary and were given to the zone holding "
                "most of their area."
            ).format(n=assignment.n_straddling))
            columns = zone_columns(assignment.code) + [data.attributes[f] for f in group_fields]
            stats = footprint_statistics(area, perimeter, columns, names, mine_ids=mine_ids, ddof=ddof)
            group_area = area
        else:
            pieces = split_by_zones(data.geometries, zones.geometries, codes, progress=progress)
            n_outside = int(np.unique(pieces.footprint[pieces.code < 0]).size)
            n_cut = int((np.bincount(pieces.footprint, minlength=len(data)) > 1).sum())
            feedback.pushInfo(self.tr(
                "Footprints split at zone boundaries: {n} footprints were cut into {pieces} pieces in all; each piece "
                "counts in its zone."
            ).format(n=n_cut, pieces=int(pieces.footprint.size)))
            p_area, p_perimeter = measure_polygons(pieces.geometries)
            columns = zone_columns(pieces.code) + [data.attributes[f][pieces.footprint] for f in group_fields]
            p_mines = mine_ids[pieces.footprint] if mine_ids is not None else None
            stats = footprint_statistics(p_area, p_perimeter, columns, names, mine_ids=p_mines, ddof=ddof,
                                         count_total=len(data))
            whole = footprint_statistics(area, perimeter, mine_ids=mine_ids, ddof=ddof)
            stats = dataclasses.replace(stats, total=whole.total)
            group_area = p_area
        if n_outside:
            feedback.pushWarning(self.tr(
                "{n} footprints lie (partly) outside every zone polygon; they form the group with NULL zone values."
            ).format(n=n_outside))
        return stats, group_area, n_outside

    # ------------------------------------------------------------------------------------------ text
    def test_sentence(self, test) -> str:
        if test.method == "shapiro":
            text = self.tr("Shapiro-Wilk test on the log areas of {n} polygons: W = {stat:.5f}, p = {p:.4g}.")
        else:
            text = self.tr("D'Agostino-Pearson K² test on the log areas of {n} polygons: K² = {stat:.4f}, "
                           "p = {p:.4g}.")
        text = text.format(n=test.n, stat=test.statistic, p=test.pvalue)
        if test.method == "dagostino" and test.n > 5000:
            text += " " + self.tr("Shapiro-Wilk p-values are not accurate above 5000 polygons.")
        if test.method == "shapiro" and test.n > 5000:
            text += " " + self.tr("The Shapiro-Wilk p-value is approximate above 5000 polygons.")
        text += " " + self.tr("Largest P-P plot distance from the diagonal: {d:.4f}; skewness {s:.3f}, excess "
                              "kurtosis {k:.3f} of the log areas.").format(d=test.pp_max_deviation, s=test.skewness,
                                                                          k=test.excess_kurtosis)
        return text

    def size_labels(self, sizes) -> list[str]:
        labels = []
        for lo, hi in zip(sizes.lower_km2, sizes.upper_km2, strict=True):
            if math.isinf(hi):
                labels.append(self.tr("≥ {lower:g} km²").format(lower=lo))
            elif lo == 0:
                labels.append(self.tr("< {upper:g} km²").format(upper=hi))
            else:
                labels.append(self.tr("{lower:g} - {upper:g} km²").format(lower=lo, upper=hi))
        return labels

    # ------------------------------------------------------------------------------------------ report
    def write_report(self, path, layer_name, crs_text, area, stats, sizes, labels, test, top_n, feedback):
        import numpy as np

        from ...core.footprints import lognormal_pp, top_groups

        t = stats.total
        body = [html_paragraph(self.tr("Layer {layer}; areas in the equal-area CRS {crs}.").format(
            layer=layer_name, crs=crs_text), "note")]
        body.append(html_heading(self.tr("Summary")))
        body.append(html_table(
            [self.tr("Statistic"), self.tr("Value")],
            [[self.tr("Polygons"), int(t["n_polygons"])],
             [self.tr("Mines"), "—" if math.isnan(t["n_mines"]) else int(t["n_mines"])],
             [self.tr("Total area (km²)"), t["total_km2"]],
             [self.tr("Mean area (km²)"), t["mean_km2"]],
             [self.tr("Standard deviation (km²)"), t["std_km2"]],
             [self.tr("Median area (km²)"), t["median_km2"]],
             [self.tr("Geometric mean area (km²)"), t["geomean_km2"]],
             [self.tr("Largest polygon (km²)"), t["max_km2"]],
             [self.tr("Total perimeter (km)"), t["total_perimeter_km"]],
             [self.tr("Mean perimeter (km)"), t["mean_perimeter_km"]]],
            digits=6,
        ))
        if stats.group_fields:
            body.append(html_heading(self.tr("Statistics by {fields}").format(fields=", ".join(stats.group_fields))))
            cols = ("n_polygons", "count_share_pct", "total_km2", "share_pct", "mean_km2", "std_km2", "geomean_km2",
                    "max_km2")
            rows = [[group_label(k), int(stats.columns["n_polygons"][g])] + [stats.columns[c][g] for c in cols[1:]]
                    for g, k in enumerate(stats.keys)]
            rows.append([self.tr("All"), int(t["n_polygons"])] + [t[c] for c in cols[1:]])
            body.append(html_table([" / ".join(stats.group_fields), self.tr("Polygons"),
                                    self.tr("Share of polygons (%)"),
                                    self.tr("Area (km²)"), self.tr("Share of the area (%)"), self.tr("Mean area (km²)"),
                                    self.tr("Standard deviation (km²)"),
                                    self.tr("Geometric mean (km²)"), self.tr("Largest (km²)")], rows, total_last=True,
                                   digits=4))

        body.append(html_heading(self.tr("Size distribution")))
        if test is not None:
            body.append(html_paragraph(self.test_sentence(test)))
        have_charts = charts.available()
        if not have_charts:
            body.append(html_paragraph(self.tr("matplotlib is not installed: the report has no charts."), "warn"))
        if have_charts and test is not None:
            body.append(charts.log_area_histogram(
                area, test.mu, test.sigma, t["geomean_km2"], self.tr("log10 of the polygon area (km²)"),
                self.tr("Polygons"), self.tr("Fitted log-normal"), self.tr("Geometric mean")))
            expected, observed = lognormal_pp(area)
            body.append(charts.pp_plot(expected, observed, self.tr("Expected cumulative probability (log-normal)"),
                                       self.tr("Observed cumulative probability")))
        body.append(html_heading(self.tr("Size classes"), 3))
        body.append(html_table(
            [self.tr("Class"), self.tr("Polygons"), self.tr("Polygons (%)"), self.tr("Cumulative polygons (%)"),
             self.tr("Area (km²)"), self.tr("Area (%)"), self.tr("Area at or above (%)")],
            [[labels[i], int(sizes.n_polygons[i]), sizes.pct_polygons[i], sizes.cum_pct_polygons[i],
              sizes.total_km2[i], sizes.pct_area[i], sizes.pct_area_at_or_above[i]] for i in range(len(labels))],
            digits=3,
        ))
        if have_charts:
            body.append(charts.size_class_bars(labels, sizes.pct_polygons, sizes.pct_area, self.tr("Percent"),
                                               self.tr("Share of polygons"), self.tr("Share of area")))

        if stats.n_groups:
            per_first = len(stats.group_fields) > 1
            for by, title, unit in (("n_polygons", self.tr("Top {n} groups by polygon count"), self.tr("Polygons")),
                                    ("total_km2", self.tr("Top {n} groups by area"), self.tr("Area (km²)"))):
                body.append(html_heading(title.format(n=top_n)))
                partitions = []
                if per_first:
                    idx = top_groups(stats, top_n, by, within_levels=1)
                    firsts = list(dict.fromkeys(stats.keys[i][0] for i in idx))
                    partitions = [(f"{stats.group_fields[0]} = {'—' if v is None else v}",
                                   [i for i in idx if stats.keys[i][0] == v]) for v in firsts]
                else:
                    partitions = [("", list(top_groups(stats, top_n, by)))]
                for heading, idx in partitions:
                    if heading:
                        body.append(html_heading(heading, 3))
                    names = [group_label(stats.keys[i]) for i in idx]
                    values = np.array([stats.columns[by][i] for i in idx], dtype=np.float64)
                    share = "count_share_pct" if by == "n_polygons" else "share_pct"  # counts beside count shares
                    share_label = self.tr("Share of polygons (%)") if by == "n_polygons" else self.tr(
                        "Share of the area (%)")
                    shown = values.astype(np.int64) if by == "n_polygons" else values  # counts stay whole
                    body.append(html_table([" / ".join(stats.group_fields), unit, share_label],
                                           [[names[j], shown[j], stats.columns[share][i]]
                                            for j, i in enumerate(idx)]))
                    if have_charts and len(idx):
                        body.append(charts.top_bars(names, values, unit))
        lang = html_language()
        write_html(path, self.tr("Footprint statistics"), body, lang)
        feedback.pushInfo(self.tr("Report written to {path}.").format(path=path))
