"""minemonitor:emerginghotspots: emerging hot spot analysis of mining over survey epochs (space-time Gi*)."""

from __future__ import annotations

import html

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ... import compat, styling
from ...i18n import user_locale
from ...qgis_io import vector as vio
from ...reporting import charts
from ...reporting.colours import EMERGING_COLOURS
from ...reporting.html import html_heading, html_paragraph, html_table
from ..statistics.base import SpatialStatisticsAlgorithm, Standardization, stats_table
from .epochs_base import EpochCube, run_path

RESULT_FIELDS = (
    ("category", "int"),
    ("pattern", "string"),
    ("n_hot", "int"),
    ("n_cold", "int"),
    ("trend_z", "double"),
    ("trend_p", "double"),
    ("last_bin", "int"),
    ("last_z", "double"),
)
#: Category codes in report order: hot patterns, no pattern, cold patterns.
CATEGORY_ORDER = (1, 2, 3, 4, 5, 6, 7, 8, 0, -1, -2, -3, -4, -5, -6, -7, -8)
#: Index of the CONFIDENCE enum -> bin confidence.
CONFIDENCES = (0.90, 0.95, 0.99)


class EmergingHotSpotsAlgorithm(EpochCube, SpatialStatisticsAlgorithm):
    """Space-time Gi* per epoch, Mann-Kendall trend of each cell's z-scores, ArcGIS's categories."""

    ALG_ID = "emerginghotspots"
    GROUP_ID = "monitoring"
    REQUIREMENTS = ("shapely", "scipy")
    DEFAULT_STANDARDIZATION = Standardization.BINARY
    DEFAULT_PERMUTATIONS = 0

    TIME_STEPS = "TIME_STEPS"
    CONFIDENCE = "CONFIDENCE"
    FDR = "FDR"
    TREND_ALPHA = "TREND_ALPHA"
    N_HOT_PATTERNS = "N_HOT_PATTERNS"
    N_COLD_PATTERNS = "N_COLD_PATTERNS"
    N_NEW_HOT = "N_NEW_HOT"

    def displayName(self):
        return self.tr("Emerging hot spots over epochs")

    def shortDescription(self):
        return self.tr("New, consecutive, intensifying, persistent, diminishing, sporadic, oscillating and historical "
                       "hot and cold spots of mining over the survey epochs (space-time Gi* and Mann-Kendall).")

    def tags(self):
        return self.tr("emerging hot spot,space-time,gi*,getis,ord,mann-kendall,epoch,quarter,new,intensifying,"
                       "persistent,arcgis,sfdep").split(",")

    def pattern_label(self, code):
        return {
            0: self.tr("No pattern detected"),
            1: self.tr("New hot spot"), 2: self.tr("Consecutive hot spot"), 3: self.tr("Intensifying hot spot"),
            4: self.tr("Persistent hot spot"), 5: self.tr("Diminishing hot spot"), 6: self.tr("Sporadic hot spot"),
            7: self.tr("Oscillating hot spot"), 8: self.tr("Historical hot spot"),
            -1: self.tr("New cold spot"), -2: self.tr("Consecutive cold spot"), -3: self.tr("Intensifying cold spot"),
            -4: self.tr("Persistent cold spot"), -5: self.tr("Diminishing cold spot"),
            -6: self.tr("Sporadic cold spot"),
            -7: self.tr("Oscillating cold spot"), -8: self.tr("Historical cold spot"),
        }[code]

    def shortHelpString(self):
        return self.tr(
            "Emerging hot spot analysis as ArcGIS Pro defines it ('How Emerging Hot Spot Analysis works'), on a "
            "cell-by-epoch layer such as the per-epoch output of 'Mining density over epochs'.\n\n"
            "1. Space-time Gi*: every cell in every epoch (a bin) is compared with the whole cube. Its neighbours are "
            "its spatial neighbours in the same epoch and the cell itself and its spatial neighbours in the previous "
            "TIME_STEPS epochs (1: the previous epoch). Spatial weights as in the other statistics (queen by "
            "default; fishnet row/col give the contiguity directly), binary by default as ArcGIS. Inference is "
            "analytical by default (as ArcGIS) or by conditional permutations with an explicit seed; the bins "
            "(-3..3 at 90/95/99 % confidence) use the Benjamini-Hochberg FDR correction over all bins when FDR is "
            "on (ArcGIS always applies it). A bin is a hot (cold) spot when its bin reaches the chosen confidence "
            "(90 %: any non-zero bin).\n"
            "2. Trend: the Mann-Kendall test of each cell's series of Gi* z-scores; significant at the trend level "
            "(two-sided).\n"
            "3. Categories (hot; cold spots mirror them), '90 %' meaning at least 90 % of the epochs:\n"
            "- new: hot in the final epoch and never before;\n"
            "- consecutive: one uninterrupted run of at least two hot epochs ending with the final one, never hot "
            "before the run, hot in less than 90 % of the epochs;\n"
            "- intensifying: hot in at least 90 % of the epochs including the final one, z-scores increasing "
            "significantly;\n"
            "- persistent: hot in at least 90 % of the epochs including the final one, no significant trend;\n"
            "- diminishing: hot in at least 90 % of the epochs including the final one, z-scores decreasing "
            "significantly;\n"
            "- sporadic: hot in the final epoch, hot on and off in less than 90 % of the epochs, never a cold spot;\n"
            "- oscillating: hot in the final epoch, hot in less than 90 % of the epochs, a cold spot before;\n"
            "- historical: not hot in the final epoch but hot in at least 90 % of the epochs.\n"
            "Where the definitions overlap the more specific one wins, as in sfdep's order: hot only in the final "
            "epoch (or final run) after earlier cold spots is oscillating, not new (or consecutive); cold in 90 % of "
            "the epochs and hot in the final one is an oscillating hot spot, not a historical cold spot. With fewer "
            "than 10 epochs the 90 % rule means every epoch.\n\n"
            "Differences from R sfdep's emerging_hotspot_analysis (each checked on series in the tests): sfdep "
            "standardises each epoch by that epoch's mean and variance (here, and in ArcGIS by default, the whole "
            "cube); it takes significance as a folded pseudo p-value of at most 0.01 without FDR and tests the trend "
            "at the same 0.01; its final run of a consecutive spot may mix hot and cold epochs (here that is "
            "oscillating); its intensifying hot spot counts epochs significant as hot or cold towards the 90 %; its "
            "persistent spot does not need the final epoch and is tested before historical; its historical spot needs "
            "a final z-score of the other sign; its sporadic spot does not need the final epoch.\n\n"
            "Output: one feature per cell with category (1..8 new, consecutive, intensifying, persistent, "
            "diminishing, sporadic, oscillating, historical hot spot; -1..-8 the cold ones; 0 no pattern), pattern "
            "(the name), n_hot and n_cold (significant epochs), trend_z and trend_p (Mann-Kendall of the z-scores), "
            "last_bin and last_z (the final epoch), styled with the category colours. The report maps the "
            "categories and tabulates cells and area per category."
        )

    def permutations_help(self) -> str:
        return self.tr(
            "0 (default): analytical z-scores and normal p-values, as ArcGIS. More than 0: conditional permutations "
            "over the whole cube for pseudo p-values (at best 2 / (permutations + 1) two-sided: with FDR over many "
            "bins use enough of them)."
        )

    def initAlgorithm(self, config=None):
        self.add_cube_parameters("density_pct", self.tr(
            "Numeric field analysed in every epoch, for example density_pct (percent of the cell mined) or "
            "mining_km2. Every cell needs a value in every epoch."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.TIME_STEPS, self.tr("Neighbourhood time step (epochs)"),
                                         compat.NUMBER_INTEGER, defaultValue=1, minValue=0, maxValue=100),
            self.tr("Number of previous epochs whose bins (the cell itself and its spatial neighbours) join the "
                    "neighbourhood of a bin: ArcGIS's neighbourhood time step, sfdep's k. 0: the same epoch only."),
        )
        self.add_weights_parameters()
        self.add_parameter(
            QgsProcessingParameterEnum(self.CONFIDENCE, self.tr("Hot / cold spot confidence"),
                                       options=["90 %", "95 %", "99 %"], defaultValue=0),
            self.tr("A bin counts as a hot (cold) spot from this confidence on: 90 % (two-sided p < 0.10, every "
                    "non-zero Gi bin, as ArcGIS's hot spot bins), 95 % or 99 % (sfdep's default threshold 0.01)."),
        )
        self.add_fdr_parameter(self.FDR)
        self.parameterDefinition(self.FDR).setDefaultValue(True)
        self.add_parameter(
            QgsProcessingParameterNumber(self.TREND_ALPHA, self.tr("Trend significance level"), compat.NUMBER_DOUBLE,
                                         defaultValue=0.05, minValue=0.0001, maxValue=0.5),
            self.tr("Two-sided level of the Mann-Kendall test of each cell's Gi* z-scores (intensifying, "
                    "diminishing and persistent spots)."),
        )
        self.add_permutation_parameters()
        self.add_layer_outputs(
            self.tr("Emerging hot spots"),
            self.tr("One feature per cell with the category, its name, the counts of hot and cold epochs, the trend "
                    "of the z-scores and the final epoch's bin, styled by category."),
            self.tr("Optional HTML report: the category map, cells and area per category, the settings and the "
                    "rules."),
        )
        self.add_output(QgsProcessingOutputNumber(self.N_HOT_PATTERNS, self.tr("Cells with a hot spot pattern")))
        self.add_output(QgsProcessingOutputNumber(self.N_COLD_PATTERNS, self.tr("Cells with a cold spot pattern")))
        self.add_output(QgsProcessingOutputNumber(self.N_NEW_HOT, self.tr("New hot spots")))

    def standardization_help(self) -> str:
        return self.tr(
            "Binary (default, as ArcGIS): every neighbour bin weighs 1 (inverse-distance and .gwt weights are kept "
            "as they are). Row standardised (as sfdep): each bin's weights, its own included, sum to 1."
        )

    def execute(self, parameters, context, feedback):
        import numpy as np

        from ...core.emerging import emerging_hot_spots

        permutations, seed = self.permutation_settings(parameters, context)
        transform = {"R": "R", "O": "B"}[self.transform(parameters, context)]
        fdr = self.parameterAsBool(parameters, self.FDR, context)
        time_steps = self.parameterAsInt(parameters, self.TIME_STEPS, context)
        confidence = CONFIDENCES[self.parameterAsEnum(parameters, self.CONFIDENCE, context)]
        trend_alpha = self.parameterAsDouble(parameters, self.TREND_ALPHA, context)
        report_path = self.output_file(parameters, self.OUTPUT_REPORT, context)
        cell_field = self.cube_field(parameters, self.CELL_ID_FIELD, context)
        weights_file = self.parameterAsFile(parameters, self.WEIGHTS_FILE, context)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        if weights_file and id_field and id_field != cell_field:
            raise QgsProcessingException(self.tr(
                "The ids of a weights file must be the cell ids: set 'Id field' to {field} or leave it empty.").format(
                    field=cell_field))
        if weights_file:
            parameters = dict(parameters, **{self.ID_FIELD: cell_field})

        source, cells, values, order, _ = self.read_cube(parameters, context, feedback, allow_missing=False,
                                                         progress_range=(0.0, 15.0))
        if feedback.isCanceled():
            return {}
        point_layer = QgsWkbTypes.geometryType(source.wkbType()) == compat.GEOMETRY_POINT
        self.check_weights_parameters(parameters, context, source, point_layer)
        if len(cells) < 3:
            raise QgsProcessingException(self.tr(
                "Layer {layer} has {n} cells; spatial statistics need at least 3.").format(layer=cells.layer_name,
                                                                                           n=len(cells)))
        n_ep = len(order.epochs)
        if n_ep < 3:
            raise QgsProcessingException(self.tr(
                "Emerging hot spots need at least three epochs (a trend over time); layer {layer} has {n}.").format(
                    layer=cells.layer_name, n=n_ep))
        weights, label, _, _ = self.build_weights(parameters, context, feedback, source, cells, point_layer)
        self._log_weights(weights, cells, label, feedback)
        if weights.kind in ("inverse_distance", "file") and transform == "B":
            transform = "O"
        field = self.cube_field(parameters, self.FIELD, context)
        feedback.pushInfo(self.tr(
            "{cells} cells x {n} epochs ({labels}) = {bins} bins; field {field}; neighbourhood time step {steps}; "
            "standardisation {transform}; confidence {confidence:.0%}; FDR {fdr}; trend level {alpha}; inference "
            "{inference}.").format(
                cells=len(cells), n=n_ep, labels=", ".join(order.labels), bins=len(cells) * n_ep, field=field,
                steps=time_steps, transform=transform, confidence=confidence, fdr=fdr, alpha=trend_alpha,
                inference=self.tr("analytical") if permutations == 0 else self.tr(
                    "{perm} permutations, seed {seed}").format(perm=permutations, seed=seed)))
        if n_ep < 10:
            feedback.pushWarning(self.tr(
                "Only {n} epochs: with fewer than 10 the 90 % rule means every epoch, and the Mann-Kendall trend of "
                "the z-scores has little power (ArcGIS recommends at least 10 time steps).").format(n=n_ep))
        res = emerging_hot_spots(values, weights, time_steps=time_steps, permutations=permutations, seed=seed, fdr=fdr,
                                 transform=transform, confidence=confidence, trend_alpha=trend_alpha,
                                 progress=self.progress_callback(feedback, 15.0, 85.0))
        if feedback.isCanceled():
            return {}
        if res.constant:
            feedback.pushWarning(self.tr(
                "Every value of the cube is {value}: Gi* is undefined, so no cell has a pattern.").format(
                    value=float(values.flat[0])))
        elif permutations and fdr and not (res.n_hot.any() or res.n_cold.any()):
            feedback.pushWarning(self.tr(
                "No bin is significant. With FDR over {bins} bins, the smallest pseudo p-value that {perm} "
                "permutations can give ({p:.4f}) may be too coarse: use more permutations or analytical inference "
                "(0).").format(bins=res.n_bins, perm=permutations, p=min(1.0, 2.0 / (permutations + 1))))

        fields, keep_columns = self.cell_fields(source, cells)
        for f in vio.make_fields(RESULT_FIELDS):
            fields.append(f)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, self.output_wkb(source), cells.crs)
        lookup = {c: self.pattern_label(c) for c in CATEGORY_ORDER}
        patterns = np.array([lookup[int(c)] for c in CATEGORY_ORDER], dtype=object)
        position = {c: i for i, c in enumerate(CATEGORY_ORDER)}
        index = np.array([position[c] for c in range(-8, 9)], dtype=np.int64)[res.category + 8]
        columns = [*keep_columns, res.category, patterns[index], res.n_hot, res.n_cold, res.trend_z, res.trend_p,
                   res.last_bin, res.z[:, -1]]
        vio.write_features(self, sink, parameters, self.OUTPUT, feedback, columns, self.multi(cells),
                           progress_range=(85.0, 97.0))
        del sink
        if not point_layer:
            self.style_output(context, dest_id, styling.categorized_style(
                run_path("epochs_emerging", res), "category",
                [(c, lookup[c], EMERGING_COLOURS[c]) for c in CATEGORY_ORDER]))

        counts = {c: int(np.count_nonzero(res.category == c)) for c in CATEGORY_ORDER}
        for c in CATEGORY_ORDER:
            if counts[c]:
                feedback.pushInfo(self.tr("{pattern}: {n} cells.").format(pattern=lookup[c], n=counts[c]))
        results = {self.OUTPUT: dest_id, self.N_HOT_PATTERNS: int(np.count_nonzero(res.category > 0)),
                   self.N_COLD_PATTERNS: int(np.count_nonzero(res.category < 0)), self.N_NEW_HOT: counts[1]}
        if report_path:
            self.write_emerging_report(report_path, cells, res, order, lookup, index, label, feedback)
            results[self.OUTPUT_REPORT] = report_path
        feedback.setProgress(100)
        return results

    def sfdep_differences(self) -> list[str]:
        return [
            self.tr("Gi*: sfdep standardises each epoch by that epoch's mean and variance while its neighbour sums "
                    "include earlier epochs; here, as in ArcGIS by default, every bin is compared with the whole "
                    "cube."),
            self.tr("Significance: sfdep takes a folded pseudo p-value of at most 0.01 without FDR; here the two-sided "
                    "Gi bins at the chosen confidence, with FDR as chosen (ArcGIS applies it)."),
            self.tr("Trend: sfdep tests the Mann-Kendall trend at the same 0.01; here at the trend level."),
            self.tr("Consecutive: sfdep's final run may mix hot and cold epochs (a cold spot turning hot in one "
                    "unbroken run is consecutive there, oscillating here)."),
            self.tr("Intensifying: sfdep counts epochs significant as hot or cold towards the 90 %; ArcGIS hot ones."),
            self.tr("Persistent: sfdep does not need the final epoch hot and tests it before historical (hot in 90 % "
                    "of the epochs but not the final one: persistent in sfdep, historical here)."),
            self.tr("Historical: sfdep needs a final z-score of the other sign (negative for a hot spot); ArcGIS only "
                    "'not hot'."),
            self.tr("Sporadic: sfdep does not need the final epoch hot; ArcGIS Pro's definition does."),
        ]

    def write_emerging_report(self, path, cells, res, order, lookup, index, weights_label, feedback):
        import numpy as np

        area = self.cell_areas(cells)
        body = [html_paragraph(self.tr("Layer {layer}; epochs {labels}.").format(
            layer=cells.layer_name, labels=", ".join(order.labels)), "note")]
        body.append(html_heading(self.tr("Emerging hot and cold spots")))
        if charts.available():
            present = [c for c in CATEGORY_ORDER if np.any(res.category == c)]
            legend = [(EMERGING_COLOURS[c], lookup[c]) for c in present]
            body.append(charts.cell_map_panels(
                [self.tr("Pattern at {last}").format(last=order.labels[-1])], index[None, :],
                [EMERGING_COLOURS[c] for c in CATEGORY_ORDER], legend,
                ncols=1, panel_width=5.5, **self.cell_map(cells)))
        rows = []
        total_area = np.nansum(area) if area is not None else np.nan
        for c in CATEGORY_ORDER:
            sel = res.category == c
            if not sel.any() and c != 0:
                continue
            a = float(np.nansum(area[sel])) if area is not None else None
            rows.append([lookup[c], c, int(sel.sum()), 100.0 * sel.mean(), a,
                         100.0 * a / total_area if a is not None and total_area > 0 else None])
        body.append(html_table([self.tr("Pattern"), self.tr("Code"), self.tr("Cells"), self.tr("Cells %"),
                                self.tr("Area (km²)"), self.tr("Area %")], rows, digits=2))
        hot_per_epoch = (res.bins >= 1).sum(axis=0)
        cold_per_epoch = (res.bins <= -1).sum(axis=0)
        body.append(html_heading(self.tr("Significant bins per epoch (90 % and above)"), 3))
        body.append(html_table([self.tr("Epoch"), self.tr("Hot spot cells"), self.tr("Cold spot cells")],
                               [[label, int(h), int(k)] for label, h, k in zip(order.labels, hot_per_epoch,
                                                                                cold_per_epoch, strict=True)]))
        s = res.settings
        body.append(f"<h2>{html.escape(self.tr('Settings'))}</h2>")
        body.append(stats_table([self.tr("Setting"), self.tr("Value")], [
            [self.tr("Spatial weights"), weights_label],
            [self.tr("Neighbourhood time step (epochs)"), s["time_steps"]],
            [self.tr("Standardisation"), self.tr("row standardised") if s["transform"] == "R" else self.tr("binary")],
            [self.tr("Hot / cold spot confidence"), f"{s['confidence']:.0%}"],
            [self.tr("FDR correction"), self.tr("yes") if s["fdr"] else self.tr("no")],
            [self.tr("Trend significance level"), s["trend_alpha"]],
            [self.tr("Permutations"), s["permutations"]], [self.tr("Seed"), s["seed"]],
            [self.tr("Bins"), res.n_bins], [self.tr("Mean space-time neighbours per bin"), res.n_neighbours_mean],
        ]))
        body.append(html_paragraph(self.tr("Differences from R sfdep (emerging_hotspot_analysis):"), "note"))
        body.append("<ul>" + "".join(f"<li>{html.escape(d)}</li>" for d in self.sfdep_differences()) + "</ul>")
        lang = "zh-CN" if user_locale().startswith("zh") else "en"
        from ...reporting.html import write_html

        write_html(path, self.tr("Emerging hot spots over epochs"), [*body, html_paragraph(self.tr(
            "Categories follow ArcGIS Pro's definitions; at least 90 % of the epochs means 10 x count >= 9 x epochs."),
            "note")], lang)
        feedback.pushInfo(self.tr("Report written to {path}.").format(path=path))
