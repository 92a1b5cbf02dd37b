"""minemonitor:localmoran: Anselin local Moran's I clusters and outliers (LISA)."""

from __future__ import annotations

import html

import numpy as np
from qgis.core import QgsProcessingParameterNumber

from ... import compat
from .base import SpatialStatisticsAlgorithm, stats_table

OUTPUT_FIELDS = (
    ("LMiIndex", "double"),
    ("LMiZScore", "double"),
    ("LMiPValue", "double"),
    ("COType", "string"),
    ("NNeighbors", "int"),
    ("SpatialLag", "double"),
    ("lisa_q", "int"),
    ("lisa_cluster", "int"),
)
#: Summary classes: (cluster code, output suffix); 0 = not significant, 5 = no neighbours.
CLASSES = ((1, "HH"), (4, "HL"), (2, "LH"), (3, "LL"), (0, "NS"), (5, "NN"))


class LocalMoranAlgorithm(SpatialStatisticsAlgorithm):
    """Cluster and outlier analysis with conditional-randomisation pseudo p-values."""

    ALG_ID = "localmoran"
    ALPHA = "ALPHA"
    FDR = "FDR"

    def displayName(self):
        return self.tr("Cluster and outlier analysis (Anselin Local Moran's I)")

    def shortDescription(self):
        return self.tr(
            "Local Moran's I of every feature: high-high and low-low clusters, high-low and low-high outliers."
        )

    def tags(self):
        return self.tr("lisa,local moran,cluster,outlier,hot spot,anselin,geoda,esda").split(",")

    def shortHelpString(self):
        return self.tr(
            "Anselin's (1995) local Moran's I compares each feature's value with the values of its "
            "neighbours and classifies significant features as HH (high among high: cluster), LL (low "
            "among low: cluster), HL (high among low: outlier) or LH (low among high: outlier).\n\n"
            "Fields written: LMiIndex (local Moran's I), LMiZScore, LMiPValue, COType (HH, HL, LH, LL; "
            "empty when not significant; NN for a feature without neighbours), NNeighbors (number of "
            "neighbours), SpatialLag (the neighbours' average of the field), lisa_q (quadrant, esda's "
            "coding 1 HH, 2 LH, 3 LL, 4 HL, 0 without neighbours) and lisa_cluster (the styled code: 0 "
            "not significant, 1-4 as lisa_q, 5 no neighbours). The layer is styled with GeoDa's LISA "
            "colours.\n\n"
            "Scaling: LMiIndex is esda's I_i = (n-1) z_i lag_i / sum(z²); GeoDa reports n/(n-1) times "
            "this value and ArcGIS sum(z²)/(sum(z²)-z_i²) times it (its variance leaves the feature "
            "out). Signs, z-scores and p-values do not depend on the scaling.\n\n"
            "Inference: with permutations (default 999) each feature's value is held fixed and the "
            "others are permuted among its neighbours (conditional randomisation, as esda and GeoDa). "
            "LMiPValue is the folded pseudo p-value (GeoDa's convention: one-sided in the direction of "
            "the observed I) and LMiZScore the z-score of I against the permutation distribution. A "
            "permuted value equal to the observed one counts on both sides, so a feature exactly at "
            "the mean gets p = 1. With 0 permutations the z-score uses the analytical moments under "
            "total randomisation (Sokal et al. 1998, rescaled to esda's I) and the p-value is "
            "two-sided normal.\n\n"
            "Significance: p < ALPHA, or with FDR the Benjamini-Hochberg false discovery rate at ALPHA "
            "over all features with neighbours. Features without neighbours get NULL statistics and "
            "COType NN.\n\n"
            "The summary outputs give the number of features and the percentage of the total area "
            "(polygons, in an equal-area CRS) in each class, as the paper reports them. The optional "
            "report adds a Moran scatterplot coloured by cluster."
        )

    def initAlgorithm(self, config=None):
        self.add_input_parameters()
        self.add_weights_parameters()
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.ALPHA, self.tr("Significance level (alpha)"), compat.NUMBER_DOUBLE, defaultValue=0.05,
                minValue=0.0001, maxValue=0.5,
            ),
            self.tr("Features with a p-value below this level are classified as clusters or outliers."),
        )
        self.add_fdr_parameter(self.FDR)
        self.add_permutation_parameters()
        self.add_execution_parameter()
        self.add_layer_outputs(
            self.tr("Local Moran clusters"),
            self.tr("The input features with the local Moran fields, styled with the LISA colours."),
            self.tr("Optional HTML report: summary table, settings and a Moran scatterplot by cluster."),
        )
        self.add_summary_outputs(CLASSES, {
            "HH": self.tr("high-high cluster"), "HL": self.tr("high-low outlier"), "LH": self.tr("low-high outlier"),
            "LL": self.tr("low-low cluster"), "NS": self.tr("not significant"), "NN": self.tr("no neighbours"),
        }, self.tr("LISA summary"))

    def execute(self, parameters, context, feedback):
        from ...core.spatial_stats import CLUSTER_LABELS, local_moran

        permutations, seed = self.permutation_settings(parameters, context)
        transform = self.transform(parameters, context)
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        fdr = self.parameterAsBool(parameters, self.FDR, context)
        report_path = self.output_file(parameters, self.OUTPUT_REPORT, context)
        inp = self.read_input(parameters, context, feedback, (0.0, 15.0))
        if inp is None or feedback.isCanceled():
            return {}
        feedback.pushInfo(
            self.tr("Field {field}; {transform} weights; significance level {alpha}; false discovery rate "
                    "correction: {fdr}; {perm} permutations, seed {seed}.").format(
                field=inp.field, transform=self.transform_words(transform), alpha=alpha,
                fdr=self.tr("yes") if fdr else self.tr("no"), perm=permutations, seed=seed)
        )
        with self.statistics_mapper(parameters, context, feedback, permutations) as mapper:
            res = local_moran(inp.values, inp.weights, permutations, seed, alpha, fdr, transform,
                              progress=self.progress_callback(feedback, 15.0, 85.0), mapper=mapper)
        if fdr:
            feedback.pushInfo(self.tr("Benjamini-Hochberg p-value cut-off: {cut}.").format(cut=res.fdr_threshold))
        labels = [CLUSTER_LABELS[int(c)] for c in res.cluster]
        columns = [res.i, res.z_score, res.p_value, labels, res.n_neighbors, res.lag_values, res.q, res.cluster]
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, inp, OUTPUT_FIELDS, columns,
                                   progress_range=(85.0, 98.0))
        # the cluster map, and the significance map as a second style of the same layer
        self.style_output(context, dest_id, self.layer_style("lisa_clusters", inp),
                          extra_styles=(self.layer_style("lisa_significance", inp),))

        summary, shares = self.summary_results(res.cluster, CLASSES, inp, feedback)
        results = {self.OUTPUT: dest_id, **summary}
        summary_id = self.write_summary_table(parameters, context, feedback, shares, inp)
        if summary_id:
            results[self.OUTPUT_SUMMARY] = summary_id
        if report_path:
            self._write_report(report_path, inp, res, shares, transform, alpha, fdr)
            results[self.OUTPUT_REPORT] = report_path
        return results

    def _write_report(self, path, inp, res, shares, transform, alpha, fdr):
        body = [f"<h2>{html.escape(self.tr('Clusters and outliers'))}</h2>",
                self.summary_table(shares, inp, self.tr("Type"))]
        body.append(f"<h2>{html.escape(self.tr('Settings'))}</h2>")
        body.append(stats_table([self.tr("Setting"), self.tr("Value")], [
            [self.tr("Layer"), inp.data.layer_name], [self.tr("Field"), inp.field],
            [self.tr("Spatial weights"), inp.weights_label],
            [self.tr("Standardisation"), self.transform_words(transform)],
            [self.tr("Significance level"), alpha],
            [self.tr("FDR correction"), self.tr("yes") if fdr else self.tr("no")],
            [self.tr("Permutations"), res.permutations], [self.tr("Seed"), res.seed],
            [self.tr("Features"), res.n], [self.tr("Features without neighbours"), int((res.cluster == 5).sum())],
        ]))
        # the global Moran's I of the same weights: the slope of the scatterplot up to n / S0
        s0 = float(inp.weights.transformed(transform).matrix.sum())
        global_i = float("nan")
        if s0:
            global_i = float(res.n / s0 * np.nansum(res.z_values * res.lag) / np.sum(res.z_values ** 2))
        body += self.scatterplot_section(res.z_values, res.lag, clusters=res.cluster, moran_i=global_i)
        self.write_report(path, self.tr("Cluster and outlier analysis (Anselin Local Moran's I)"), body, self.tr(
            "LMiIndex uses esda's scaling (GeoDa's I is n/(n-1) times larger). LMiPValue: folded pseudo "
            "p-value of the conditional randomisation (one-sided, GeoDa's convention), or the two-sided "
            "normal p-value without permutations."
        ))
