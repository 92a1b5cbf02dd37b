"""minemonitor:hotspots: Getis-Ord Gi* hot spot analysis with confidence bins."""

from __future__ import annotations

import html

from qgis.core import QgsProcessingOutputNumber

from .base import SpatialStatisticsAlgorithm, Standardization, stats_table

OUTPUT_FIELDS = (
    ("GiZScore", "double"),
    ("GiPValue", "double"),
    ("Gi_Bin", "int"),
    ("NNeighbors", "int"),
)
#: Summary classes: (Gi_Bin, output suffix).
CLASSES = (
    (3, "HOT_99"), (2, "HOT_95"), (1, "HOT_90"), (0, "NOT_SIGNIFICANT"),
    (-1, "COLD_90"), (-2, "COLD_95"), (-3, "COLD_99"),
)


class HotSpotsAlgorithm(SpatialStatisticsAlgorithm):
    """Gi* z-scores, p-values and -3..3 confidence bins; analytical by default."""

    ALG_ID = "hotspots"
    FDR = "FDR"
    DEFAULT_STANDARDIZATION = Standardization.BINARY
    DEFAULT_PERMUTATIONS = 0

    def displayName(self):
        return self.tr("Hot spot analysis (Getis-Ord Gi*)")

    def shortDescription(self):
        return self.tr("Getis-Ord Gi* z-score of every feature and its hot/cold spot confidence bin.")

    def tags(self):
        return self.tr("hot spot,cold spot,getis,ord,gi*,gistar,cluster,esda,arcgis").split(",")

    def shortHelpString(self):
        return self.tr(
            "Getis-Ord Gi* (Getis and Ord 1992; Ord and Getis 1995) compares the sum of the values of "
            "each feature and its neighbours (the feature itself included) with what a random "
            "arrangement would give. A large positive z-score marks a hot spot (high values "
            "clustering), a large negative one a cold spot.\n\n"
            "Fields written: GiZScore, GiPValue (two-sided), Gi_Bin (3, 2, 1 = hot spot at 99, 95, 90 % "
            "confidence; -3, -2, -1 = cold spot; 0 = not significant or no neighbours) and NNeighbors "
            "(neighbours, the feature itself not counted). Styled with the usual hot/cold ramp.\n\n"
            "Weights: binary by default, as ArcGIS; the feature's own weight is 1 (the row's largest "
            "weight for inverse distance). Row standardisation divides by the row total, self "
            "included.\n\n"
            "Inference: by default analytical, z = (sum_j w_ij x_j - mean * W_i) / (S * sqrt((n S1_i - "
            "W_i²) / (n-1))) (ArcGIS's formula, valid for any weights; for binary weights identical to "
            "esda's G_Local). With permutations > 0 the values around each feature are permuted "
            "(conditional randomisation, as esda): GiZScore is then the z-score against the "
            "permutation distribution and GiPValue twice the folded pseudo p-value (capped at 1), so "
            "that the bins keep their two-sided meaning.\n\n"
            "FDR applies the Benjamini-Hochberg correction separately at the 90, 95 and 99 % levels, "
            "as ArcGIS does. Features without neighbours get NULL z and p and Gi_Bin 0.\n\n"
            "The summary outputs give the number of features and the percentage of the total area in "
            "every bin, and AREA_PCT_HOT / AREA_PCT_COLD for all hot / cold bins together (the paper "
            "reports hot spots above 90 % confidence)."
        )

    def permutations_help(self) -> str:
        return self.tr(
            "0 (default): analytical z-scores and normal p-values. More than 0: number of conditional "
            "permutations for pseudo p-values."
        )

    def initAlgorithm(self, config=None):
        self.add_input_parameters()
        self.add_weights_parameters()
        self.add_fdr_parameter(self.FDR)
        self.add_permutation_parameters()
        self.add_execution_parameter()
        self.add_layer_outputs(
            self.tr("Hot spots"),
            self.tr("The input features with the Gi* fields, styled by Gi_Bin."),
            self.tr("Optional HTML report with the summary table and the settings."),
        )
        self.add_summary_outputs(CLASSES, {
            "HOT_99": self.tr("hot spot, 99 % confidence"), "HOT_95": self.tr("hot spot, 95 % confidence"),
            "HOT_90": self.tr("hot spot, 90 % confidence"), "NOT_SIGNIFICANT": self.tr("not significant"),
            "COLD_90": self.tr("cold spot, 90 % confidence"), "COLD_95": self.tr("cold spot, 95 % confidence"),
            "COLD_99": self.tr("cold spot, 99 % confidence"),
        }, self.tr("Hot spot summary"))
        self.add_output(QgsProcessingOutputNumber("AREA_PCT_HOT", self.tr("Area % of hot spots (90 % and above)")))
        self.add_output(QgsProcessingOutputNumber("AREA_PCT_COLD", self.tr("Area % of cold spots (90 % and above)")))

    def execute(self, parameters, context, feedback):
        from ...core.spatial_stats import gi_star

        permutations, seed = self.permutation_settings(parameters, context)
        transform = {"R": "R", "O": "B"}[self.transform(parameters, context)]
        fdr = self.parameterAsBool(parameters, self.FDR, context)
        report_path = self.output_file(parameters, self.OUTPUT_REPORT, context)
        inp = self.read_input(parameters, context, feedback, (0.0, 15.0))
        if inp is None or feedback.isCanceled():
            return {}
        if inp.weights.kind in ("inverse_distance", "file") and transform == "B":
            transform = "O"  # "binary (no standardisation)" keeps 1/d and file weights
        feedback.pushInfo(
            self.tr("Field {field}; {transform} weights; false discovery rate correction: {fdr}; inference: "
                    "{inference}.").format(
                field=inp.field, transform=self.transform_words(transform),
                fdr=self.tr("yes") if fdr else self.tr("no"),
                inference=self.tr("analytical") if permutations == 0 else self.tr(
                    "{perm} permutations, seed {seed}").format(perm=permutations, seed=seed))
        )
        with self.statistics_mapper(parameters, context, feedback, permutations) as mapper:
            res = gi_star(inp.values, inp.weights, permutations, seed, fdr, transform,
                          progress=self.progress_callback(feedback, 15.0, 85.0), mapper=mapper)
        columns = [res.z_score, res.p_value, res.gi_bin, res.n_neighbors]
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, inp, OUTPUT_FIELDS, columns,
                                   progress_range=(85.0, 98.0))
        self.style_output(context, dest_id, self.layer_style("hotspots", inp))

        summary, shares = self.summary_results(res.gi_bin, CLASSES, inp, feedback)
        results = {self.OUTPUT: dest_id, **summary}
        summary_id = self.write_summary_table(parameters, context, feedback, shares, inp)
        if summary_id:
            results[self.OUTPUT_SUMMARY] = summary_id
        if inp.areas_km2 is not None:
            total = float(inp.areas_km2.sum())
            results["AREA_PCT_HOT"] = float(100.0 * inp.areas_km2[res.gi_bin > 0].sum() / total)
            results["AREA_PCT_COLD"] = float(100.0 * inp.areas_km2[res.gi_bin < 0].sum() / total)
        if report_path:
            body = [f"<h2>{html.escape(self.tr('Hot and cold spots'))}</h2>",
                    self.summary_table(shares, inp, self.tr("Gi* bin")),
                    f"<h2>{html.escape(self.tr('Settings'))}</h2>",
                    stats_table([self.tr("Setting"), self.tr("Value")], [
                        [self.tr("Layer"), inp.data.layer_name], [self.tr("Field"), inp.field],
                        [self.tr("Spatial weights"), inp.weights_label],
                        [self.tr("Standardisation"), self.transform_words(transform)],
                        [self.tr("FDR correction"), self.tr("yes") if fdr else self.tr("no")],
                        [self.tr("Permutations"), permutations], [self.tr("Seed"), seed],
                        [self.tr("Features"), res.n],
                    ])]
            self.write_report(report_path, self.tr("Hot spot analysis (Getis-Ord Gi*)"), body, self.tr(
                "Gi_Bin 3/2/1: hot spot at 99/95/90 % confidence (two-sided p below 0.01/0.05/0.10); "
                "negative: cold spot. Features without neighbours: bin 0."))
            results[self.OUTPUT_REPORT] = report_path
        return results
