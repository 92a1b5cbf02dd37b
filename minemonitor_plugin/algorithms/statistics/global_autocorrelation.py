"""minemonitor:globalautocorrelation: global Moran's I and Getis-Ord General G with a report."""

from __future__ import annotations

import html

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFileDestination

from ...reporting.html import fmt
from .base import SpatialStatisticsAlgorithm, stats_table


class GlobalAutocorrelationAlgorithm(SpatialStatisticsAlgorithm):
    """Global Moran's I (any standardisation) and General G (binary weights) in one run."""

    ALG_ID = "globalautocorrelation"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    NUMBER_OUTPUTS = (
        "MORANS_I", "MORANS_I_EXPECTED", "MORANS_I_VARIANCE", "MORANS_I_Z", "MORANS_I_P", "MORANS_I_P_SIM",
        "GENERAL_G", "GENERAL_G_Z", "GENERAL_G_P", "GENERAL_G_P_SIM", "N", "N_ISLANDS",
    )

    def displayName(self):
        return self.tr("Global spatial autocorrelation (Moran's I, General G)")

    def shortDescription(self):
        return self.tr("Global Moran's I and Getis-Ord General G of a field, with z-scores, p-values and a report.")

    def tags(self):
        return self.tr("moran,general g,getis,ord,autocorrelation,clustering,global,esda,pysal").split(",")

    def shortHelpString(self):
        return self.tr(
            "Tests whether the values of a field are spatially clustered over the whole layer.\n\n"
            "Global Moran's I (Moran 1950) compares each value with its neighbours' values; I above its "
            "expectation -1/(n-1) means similar values cluster. Its variance is computed under "
            "randomisation (Cliff and Ord 1981), and the p-value is two-sided (normal approximation), as "
            "R spdep's moran.test and esda's p_rand. Standardisation: row (default, as GeoDa and esda) "
            "or binary.\n\n"
            "Getis-Ord General G (1992) measures whether high values (G above its expectation) or low "
            "values (below) cluster. It is defined on binary weights and always uses them, whatever the "
            "standardisation; it needs non-negative values (otherwise only Moran's I is computed and "
            "the log says why). Its p-value is two-sided (esda's p_norm is one-sided: half of it).\n\n"
            "Permutations (default 999, fixed seed so reruns are identical) give pseudo p-values, "
            "folded as in esda and GeoDa: (number of permuted statistics at least as extreme on the "
            "observed side + 1) / (permutations + 1), i.e. one-sided in the direction of the observed "
            "value.\n\n"
            "Features without neighbours are kept with a zero spatial lag (as esda and GeoDa do); "
            "their number is returned in N_ISLANDS and listed in the log.\n\n"
            "The HTML report gives the numbers, the settings and a Moran scatterplot (standardised "
            "value against its spatial lag; with row weights the slope of the line is Moran's I up to "
            "the factor n/S0). All numbers are also outputs, so the algorithm chains in models. The "
            "computations are numpy/scipy and agree with esda 2.7 and R spdep (tested)."
        )

    def initAlgorithm(self, config=None):
        self.add_input_parameters()
        self.add_weights_parameters()
        self.add_permutation_parameters()
        self.add_execution_parameter()
        self.add_parameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT, self.tr("Report"), self.tr("HTML files (*.html)")
            ),
            self.tr("HTML report with the statistics, the settings and a Moran scatterplot."),
        )
        labels = {
            "MORANS_I": self.tr("Moran's I"),
            "MORANS_I_EXPECTED": self.tr("Moran's I expected value"),
            "MORANS_I_VARIANCE": self.tr("Moran's I variance (randomisation)"),
            "MORANS_I_Z": self.tr("Moran's I z-score"),
            "MORANS_I_P": self.tr("Moran's I p-value (two-sided)"),
            "MORANS_I_P_SIM": self.tr("Moran's I pseudo p-value (permutations)"),
            "GENERAL_G": self.tr("General G"),
            "GENERAL_G_Z": self.tr("General G z-score"),
            "GENERAL_G_P": self.tr("General G p-value (two-sided)"),
            "GENERAL_G_P_SIM": self.tr("General G pseudo p-value (permutations)"),
            "N": self.tr("Number of features"),
            "N_ISLANDS": self.tr("Features without neighbours"),
        }
        for key in self.NUMBER_OUTPUTS:
            self.add_output(QgsProcessingOutputNumber(key, labels[key]))

    def execute(self, parameters, context, feedback):
        from ...core.errors import InvalidInputError
        from ...core.spatial_stats import general_g, global_moran
        from ...engine.cluster import ClusterError

        permutations, seed = self.permutation_settings(parameters, context)
        transform = self.transform(parameters, context)
        report_path = self.output_file(parameters, self.OUTPUT_REPORT, context)
        inp = self.read_input(parameters, context, feedback, (0.0, 20.0))
        if inp is None or feedback.isCanceled():
            return {}
        feedback.pushInfo(
            self.tr("Field {field}; {transform} weights for Moran's I (binary for General G); "
                    "{perm} permutations, seed {seed}.").format(
                field=inp.field, transform=self.transform_words(transform), perm=permutations, seed=seed)
        )
        with self.statistics_mapper(parameters, context, feedback, permutations) as mapper:
            moran = global_moran(inp.values, inp.weights, permutations, seed, transform,
                                 progress=self.progress_callback(feedback, 20.0, 60.0), mapper=mapper)
            gg = None
            try:
                gg = general_g(inp.values, inp.weights, permutations, seed,
                               progress=self.progress_callback(feedback, 60.0, 95.0), mapper=mapper)
            except InvalidInputError as err:
                if isinstance(err, ClusterError):  # the cluster failed, not General G's conditions
                    raise
                feedback.pushWarning(
                    self.tr("General G was not computed: {reason}").format(reason=self._core_message(err))
                )
        feedback.pushInfo(
            self.tr("Moran's I = {i:.6f} (expected {e:.6f}, variance {v:.6g}), z = {z:.4f}, p = {p:.4g}, "
                    "pseudo p = {ps}.").format(
                i=moran.i, e=moran.expected, v=moran.variance_rand, z=moran.z, p=moran.p, ps=fmt(moran.p_sim, 6,
                                                                                                 significant=True))
        )
        if gg is not None:
            feedback.pushInfo(
                self.tr("General G = {g:.6g} (expected {e:.6g}), z = {z:.4f}, p = {p:.4g}, pseudo p = {ps}.").format(
                    g=gg.g, e=gg.expected, z=gg.z, p=gg.p, ps=fmt(gg.p_sim, 6, significant=True))
            )
        self._write_report(report_path, inp, moran, gg, transform, permutations, seed)
        feedback.setProgress(100.0)

        def number(value):
            return None if value is None or value != value else float(value)

        return {
            self.OUTPUT_REPORT: report_path,
            "MORANS_I": number(moran.i),
            "MORANS_I_EXPECTED": number(moran.expected),
            "MORANS_I_VARIANCE": number(moran.variance_rand),
            "MORANS_I_Z": number(moran.z),
            "MORANS_I_P": number(moran.p),
            "MORANS_I_P_SIM": number(moran.p_sim),
            "GENERAL_G": number(gg.g) if gg else None,
            "GENERAL_G_Z": number(gg.z) if gg else None,
            "GENERAL_G_P": number(gg.p) if gg else None,
            "GENERAL_G_P_SIM": number(gg.p_sim) if gg else None,
            "N": moran.n,
            "N_ISLANDS": moran.n_islands,
        }

    def verdict(self, moran, alpha: float = 0.05) -> str:
        """One sentence for a reader: clustered, dispersed or not distinguishable from random."""
        p = moran.p_sim if moran.permutations else moran.p
        values = {"i": f"{moran.i:.4f}", "z": f"{moran.z:.2f}", "p": fmt(p, 4, significant=True),
                  "alpha": f"{alpha:g}"}
        if p < alpha and moran.i > moran.expected:
            return self.tr("Moran's I = {i} (z = {z}, p = {p}): similar values cluster in space more than a "
                           "random arrangement would give (significant at {alpha}).").format(**values)
        if p < alpha:
            return self.tr("Moran's I = {i} (z = {z}, p = {p}): neighbouring values differ more than a random "
                           "arrangement would give (dispersion, significant at {alpha}).").format(**values)
        return self.tr("Moran's I = {i} (z = {z}, p = {p}): the pattern cannot be told apart from a random "
                       "arrangement at the {alpha} level.").format(**values)

    def _core_message(self, err) -> str:
        from ...i18n import core_error_message

        return core_error_message(err)

    def _write_report(self, path, inp, moran, gg, transform, permutations, seed):
        rows = [
            [self.tr("Moran's I"), moran.i], [self.tr("Expected I"), moran.expected],
            [self.tr("Variance (randomisation)"), moran.variance_rand],
            [self.tr("Variance (normality)"), moran.variance_norm],
            [self.tr("z-score (randomisation)"), moran.z], [self.tr("p-value (two-sided)"), moran.p],
            [self.tr("Pseudo p-value (folded)"), moran.p_sim], [self.tr("Permutation z-score"), moran.z_sim],
        ]
        body = [f"<h2>{html.escape(self.tr('Global Moran statistic'))}</h2>",
                f"<p>{html.escape(self.verdict(moran))}</p>",
                stats_table([self.tr("Statistic"), self.tr("Value")], rows)]
        body.append(f"<h2>{html.escape(self.tr('Getis-Ord General G (binary weights)'))}</h2>")
        if gg is None:
            body.append(f"<p>{html.escape(self.tr('Not computed: General G needs non-negative values.'))}</p>")
        else:
            body.append(stats_table([self.tr("Statistic"), self.tr("Value")], [
                [self.tr("General G"), gg.g], [self.tr("Expected G"), gg.expected],
                [self.tr("Variance (randomisation)"), gg.variance], [self.tr("z-score"), gg.z],
                [self.tr("p-value (two-sided)"), gg.p], [self.tr("Pseudo p-value (folded)"), gg.p_sim],
            ]))
        body.append(f"<h2>{html.escape(self.tr('Settings'))}</h2>")
        body.append(stats_table([self.tr("Setting"), self.tr("Value")], [
            [self.tr("Layer"), inp.data.layer_name], [self.tr("Field"), inp.field],
            [self.tr("Spatial weights"), inp.weights_label],
            [self.tr("Standardisation (Moran's I)"), self.transform_words(transform)],
            [self.tr("Features"), moran.n], [self.tr("Features without neighbours"), moran.n_islands],
            [self.tr("Permutations"), permutations], [self.tr("Seed"), seed],
            [self.tr("Distance CRS"), inp.distance_crs or "—"],
        ]))
        z = (inp.values - inp.values.mean()) / inp.values.std()
        lag = inp.weights.transformed(transform).matrix @ z
        body += self.scatterplot_section(z, lag, moran_i=moran.i)
        body += self.reference_distribution_section(moran.sims, moran.i, moran.expected, moran.p_sim)
        self.write_report(path, self.tr("Global spatial autocorrelation"), body, self.tr(
            "p-values: two-sided normal approximation under randomisation. Pseudo p-values: folded as in "
            "esda/GeoDa, (extreme permutations on the observed side + 1) / (permutations + 1). General G "
            "always uses binary weights. Features without neighbours enter with a zero spatial lag."
        ))
