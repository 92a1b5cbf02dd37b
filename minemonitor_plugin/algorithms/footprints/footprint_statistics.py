"""minemonitor:footprintstatistics: count, area and spread per group, size classes, log-normality (Table 2, Figs 3-5, 7-8)."""

from __future__ import annotations

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
from ...i18n import user_locale
from ...qgis_io import vector as vio
from ...qgis_io import crs as crs_io
from ..base import MineMonitorAlgorithm
from ..footprint_rule import log_footprint_rule, rule_help
from ...reporting import charts
from ...reporting.html import html_heading, html_paragraph, html_table, write_html

STAT_FIELDS = (
    ("is_total", "int"),
    ("n_polygons", "int"),
    ("n_mines", "int"),
    ("total_km2", "double"),
    ("share_pct", "double"),
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
    OUTPUT = "OUTPUT"
    OUTPUT_SIZE_CLASSES = "OUTPUT_SIZE_CLASSES"
    OUTPUT_HTML = "OUTPUT_HTML"
    N_POLYGONS = "N_POLYGONS"
    TOTAL_KM2 = "TOTAL_KM2"
    GEOMEAN_KM2 = "GEOMEAN_KM2"
    NORMALITY_STATISTIC = "NORMALITY_STATISTIC"
    NORMALITY_P_VALUE = "NORMALITY_P_VALUE"
    NORMALITY_METHOD = "NORMALITY_METHOD"
    AREA_CRS_USED = "AREA_CRS_USED"

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
            "layer's area), mean_km2, std_km2, median_km2, geomean_km2 (geometric mean, the typical size of a "
            "log-normal distribution), min_km2, max_km2, total_perimeter_km and mean_perimeter_km. The "
            "whole-layer row has is_total = 1. NULL group values form their own group.\n\n"
            "Areas and perimeters are measured in an equal-area CRS (by default an Albers projection fitted "
            "to the layer; its definition is written to the log and the report).\n\n"
            "The size-class table counts polygons in the classes [0, b1), [b1, b2), ... [bk, ∞) of the size "
            "breaks, with the cumulative share of polygons below each upper bound and the share of the area.\n\n"
            "The log-normality check tests the natural logarithm of the areas: Shapiro-Wilk up to 5000 "
            "polygons, D'Agostino-Pearson K² above (where Shapiro-Wilk p-values are not accurate), or the "
            "test you choose. With thousands of polygons any test rejects tiny departures, so the report "
            "also gives the largest distance of the log-normal P-P plot from its diagonal.\n\n"
            "The HTML report shows the histogram of log areas, the P-P plot, the size classes and the top "
            "groups by polygon count and by area (per value of the first grouping field when there are "
            "several)."
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
            QgsProcessingParameterField(self.GROUP_FIELDS, self.tr("Group by fields"), parentLayerParameterName=self.INPUT,
                                        allowMultiple=True, optional=True),
            self.tr("Zero or more fields (province, county, mineral, type code...); one output row per "
                    "combination of their values."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.MINE_ID_FIELD, self.tr("Mine id field"), parentLayerParameterName=self.INPUT,
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

    def _field_names(self, parameters, name, context) -> list[str]:
        as_strings = getattr(self, "parameterAsStrings", None)  # QGIS >= 3.32; parameterAsFields before
        values = as_strings(parameters, name, context) if as_strings else self.parameterAsFields(parameters, name, context)
        return [v for v in values if v]

    def execute(self, parameters, context, feedback):
        import numpy as np

        from ...core.errors import InvalidInputError
        from ...core.footprints import (
            attribute_codes,
            footprint_statistics,
            lognormality_test,
            measure_footprints,
            size_classes,
        )

        source = self.source(parameters, self.INPUT, context)
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
        for name in group_fields:
            if name in stat_names:
                raise QgsProcessingException(
                    self.tr("The grouping field {field} has the name of an output column; rename it first.").format(
                        field=name)
                )
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("Layer {layer} has no features.").format(layer=source.sourceName()))

        area_crs, crs_text = crs_io.resolve_equal_area_crs(self, parameters, self.AREA_CRS, source, context)
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
        stats = footprint_statistics(
            area, perimeter, [data.attributes[f][kept] for f in group_fields], group_fields,
            mine_ids=data.attributes[mine_field][kept] if mine_field else None, ddof=ddof,
        )
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
        for name in group_fields:
            out_fields.append(QgsField(src_fields.field(src_fields.lookupField(name))))
        for field in vio.make_fields(STAT_FIELDS):
            out_fields.append(field)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, out_fields, compat.WKB_NO_GEOMETRY, area_crs)
        n_rows = stats.n_groups + 1
        columns = []
        for f in range(len(group_fields)):
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

        outputs = {
            self.OUTPUT: dest_id,
            self.OUTPUT_SIZE_CLASSES: size_id,
            self.N_POLYGONS: int(stats.total["n_polygons"]),
            self.TOTAL_KM2: stats.total["total_km2"],
            self.GEOMEAN_KM2: stats.total["geomean_km2"],
            self.NORMALITY_STATISTIC: test.statistic if test else float("nan"),
            self.NORMALITY_P_VALUE: test.pvalue if test else float("nan"),
            self.NORMALITY_METHOD: test.method if test else "",
            self.AREA_CRS_USED: crs_text,
        }
        feedback.pushInfo(self.tr("{n} polygons, {area:.4f} km²; geometric mean {gm:.6f} km²; {groups} groups.").format(
            n=int(stats.total["n_polygons"]), area=stats.total["total_km2"], gm=stats.total["geomean_km2"],
            groups=stats.n_groups))

        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            self.write_report(html_path, source.sourceName(), crs_text, area, stats, sizes, labels, test, top_n,
                              feedback)
            outputs[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return outputs

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
        for lo, hi in zip(sizes.lower_km2, sizes.upper_km2):
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
            cols = ("n_polygons", "total_km2", "share_pct", "mean_km2", "std_km2", "geomean_km2", "max_km2")
            rows = [[group_label(k), int(stats.columns["n_polygons"][g])] + [stats.columns[c][g] for c in cols[1:]]
                    for g, k in enumerate(stats.keys)]
            rows.append([self.tr("All"), int(t["n_polygons"])] + [t[c] for c in cols[1:]])
            body.append(html_table([" / ".join(stats.group_fields), "n_polygons", "total_km2", "share_pct", "mean_km2",
                                    "std_km2", "geomean_km2", "max_km2"], rows, total_last=True, digits=5))

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
            [self.tr("Class"), "n_polygons", "pct_polygons", "cum_pct_polygons", "total_km2", "pct_area",
             "pct_area_at_or_above"],
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
                    body.append(html_table([" / ".join(stats.group_fields), by, "share_pct"],
                                           [[names[j], values[j], stats.columns["share_pct"][i]]
                                            for j, i in enumerate(idx)]))
                    if have_charts and len(idx):
                        body.append(charts.top_bars(names, values, unit))
        lang = "zh-CN" if user_locale().startswith("zh") else "en"
        write_html(path, self.tr("Footprint statistics"), body, lang)
        feedback.pushInfo(self.tr("Report written to {path}.").format(path=path))
