"""minemonitor:celltrend: Mann-Kendall trend and Theil-Sen slope of every cell's mining over the epochs."""

from __future__ import annotations

import math

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ... import compat, styling
from ...i18n import user_locale
from ...qgis_io import vector as vio
from ...reporting import charts
from ...reporting.colours import TREND_COLOURS
from ...reporting.html import html_heading, html_paragraph, html_table, write_html
from ..base import MineMonitorAlgorithm
from .epochs_base import EpochCube, run_path

RESULT_FIELDS = (
    ("n_epochs", "int"),
    ("first_value", "double"),
    ("last_value", "double"),
    ("mk_s", "double"),
    ("mk_z", "double"),
    ("mk_p", "double"),
    ("sen_per_epoch", "double"),
    ("sen_per_year", "double"),
    ("trend_class", "int"),
    ("trend", "string"),
)
#: Rows of the report's table of the fastest-growing cells.
TOP_CELLS = 10


class CellTrendAlgorithm(EpochCube, MineMonitorAlgorithm):
    """Per-cell Mann-Kendall test and Theil-Sen slope over the survey epochs (the project's trend core)."""

    ALG_ID = "celltrend"
    GROUP_ID = "monitoring"
    REQUIREMENTS = ("scipy",)

    ALPHA = "ALPHA"
    OUTPUT = "OUTPUT"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    N_INCREASE = "N_INCREASE"
    N_DECREASE = "N_DECREASE"
    N_NO_TREND = "N_NO_TREND"
    N_CONSTANT = "N_CONSTANT"

    def displayName(self):
        return self.tr("Mining trend per cell over epochs")

    def shortDescription(self):
        return self.tr("Mann-Kendall trend and Theil-Sen slope of every cell's mining area over the survey epochs: "
                       "where mining grows or shrinks.")

    def tags(self):
        return self.tr("trend,mann-kendall,theil-sen,sen slope,epoch,quarter,monitoring,growth").split(",")

    def trend_label(self, code):
        return {1: self.tr("significant increase"), 0: self.tr("no significant trend"),
                -1: self.tr("significant decrease")}.get(code, self.tr("too few epochs"))

    def shortHelpString(self):
        return self.tr(
            "For every cell of a cell-by-epoch layer (the per-epoch output of 'Mining density over epochs'), tests "
            "the trend of a value (mining_km2 by default) over the epochs, with the same trend core as 'Vegetation "
            "trend':\n"
            "- mk_s, mk_z, mk_p: Mann-Kendall S, its Z with the tie and continuity corrections, and the two-sided "
            "p-value; ties (a cell unchanged for several epochs) are handled by the tie correction;\n"
            "- sen_per_epoch: Theil-Sen slope per epoch (median of the pairwise slopes over the epoch numbers), in "
            "the unit of the value field (km² for mining_km2);\n"
            "- sen_per_year: Theil-Sen slope per year, over the real dates of the epochs (months for years, "
            "quarters and months, days for dates), so uneven spacing is taken into account;\n"
            "- trend_class: 1 significant increase, 0 no significant trend, -1 significant decrease at the chosen "
            "level (trend gives the label); first_value, last_value, n_epochs (valid values).\n\n"
            "A cell whose value never changes (no mining in any epoch, or a mine that did not move) has no trend: "
            "S = 0, p = 1, slope 0, class 0, not an empty value. Cells with fewer than three values are left NULL. "
            "With fewer than five epochs no trend can be significant at 0.05 (the log says so).\n\n"
            "The output has one feature per cell (its geometry from the first epoch), styled increase / no trend "
            "/ decrease; the optional report lists the classes, the map and the fastest-growing cells."
        )

    def initAlgorithm(self, config=None):
        self.add_cube_parameters("mining_km2", self.tr(
            "Numeric field whose trend is tested, for example mining_km2 (slopes in km² per epoch and year) or "
            "density_pct. NULL values are missing values."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.ALPHA, self.tr("Significance level"), compat.NUMBER_DOUBLE,
                                         defaultValue=0.05, minValue=0.0001, maxValue=0.5),
            self.tr("Two-sided level of the Mann-Kendall test below which a trend is significant."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Trend per cell"), compat.TYPE_VECTOR_POLYGON),
            self.tr("One feature per cell with the Mann-Kendall and Theil-Sen fields, styled by trend_class."),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, self.tr("Report"), self.tr("HTML files (*.html)"),
                                                  optional=True, createByDefault=False),
            self.tr("Optional HTML report: cells and area per trend class, the trend map and the fastest-growing "
                    "cells."),
        )
        for name, label in ((self.N_INCREASE, self.tr("Cells with a significant increase")),
                            (self.N_DECREASE, self.tr("Cells with a significant decrease")),
                            (self.N_NO_TREND, self.tr("Cells without a significant trend")),
                            (self.N_CONSTANT, self.tr("Cells whose value never changes"))):
            self.add_output(QgsProcessingOutputNumber(name, label))

    def execute(self, parameters, context, feedback):
        import numpy as np
        from scipy.special import ndtr

        from ...core.epochs import cell_trends, time_axis
        from ...core.trend import TREND_CLASS_NODATA

        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        report_path = self.output_file(parameters, self.OUTPUT_REPORT, context)
        source, cells, values, order, n_missing = self.read_cube(parameters, context, feedback, allow_missing=True,
                                                                 progress_range=(0.0, 30.0))
        if feedback.isCanceled():
            return {}
        field = self.cube_field(parameters, self.FIELD, context)
        epochs = order.epochs
        n_ep = len(epochs)
        axis = time_axis(epochs)
        feedback.pushInfo(self.tr("{cells} cells, {n} epochs ({labels}); value field {field}; two-sided level "
                                  "{alpha}.").format(cells=len(cells), n=n_ep, labels=", ".join(order.labels),
                                                     field=field, alpha=alpha))
        feedback.pushInfo(self.tr(
            "Theil-Sen slopes per year over the epoch dates counted in {unit} ({spacing}); per epoch over the epoch "
            "numbers.").format(unit=self.tr("months") if axis.unit == "month" else self.tr("days"),
                               spacing=self.tr("evenly spaced") if axis.regular else self.tr("unevenly spaced")))
        if n_missing:
            feedback.pushWarning(self.tr("{n} cell-epoch values are missing (no feature or NULL): they are gaps in "
                                         "the series.").format(n=n_missing))
        if n_ep >= 3:
            pairs = n_ep * (n_ep - 1) / 2
            z_max = (pairs - 1) / math.sqrt(n_ep * (n_ep - 1) * (2 * n_ep + 5) / 18)
            p_min = 2 * float(ndtr(-z_max))
            if p_min >= alpha:
                feedback.pushWarning(self.tr(
                    "With {n} epochs the smallest possible Mann-Kendall p-value is {p:.3f}: no trend can be "
                    "significant at {alpha}.").format(n=n_ep, p=p_min, alpha=alpha))
        res = cell_trends(values, epochs, alpha=alpha, progress=self.progress_callback(feedback, 30.0, 80.0))
        if feedback.isCanceled():
            return {}
        cls = res.trend_class.astype(np.int64)
        valid = cls != TREND_CLASS_NODATA
        finite = np.isfinite(values)
        rows = np.arange(len(values))
        any_value = finite.any(axis=1)
        first = np.where(any_value, values[rows, np.argmax(finite, axis=1)], np.nan)
        last = np.where(any_value, values[rows, n_ep - 1 - np.argmax(finite[:, ::-1], axis=1)], np.nan)
        lookup = np.array([self.trend_label(-1), self.trend_label(0), self.trend_label(1), None], dtype=object)
        labels = lookup[np.where(valid, cls + 1, 3)]
        cls_out = cls.astype(object)
        cls_out[~valid] = None

        fields, keep_columns = self.cell_fields(source, cells)
        for f in vio.make_fields(RESULT_FIELDS):
            fields.append(f)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, self.output_wkb(source), cells.crs)
        columns = [*keep_columns, res.n_valid, first, last, res.mk_s, res.mk_z, res.mk_p, res.sen_per_epoch,
                   res.sen_per_year, cls_out, labels]
        vio.write_features(self, sink, parameters, self.OUTPUT, feedback, columns, self.multi(cells),
                           progress_range=(80.0, 97.0))
        del sink
        self.style_output(context, dest_id, styling.categorized_style(
            run_path("epochs_trend", res), "trend_class",
            [(c, self.trend_label(c), TREND_COLOURS[c]) for c in (1, 0, -1)]))

        counts = {c: int(np.count_nonzero(cls == c)) for c in (1, 0, -1)}
        n_constant = int(np.count_nonzero(res.constant & valid))
        feedback.pushInfo(self.tr(
            "Significant increase: {up} cells; no significant trend: {none} cells ({constant} of them never change); "
            "significant decrease: {down} cells; too few epochs: {nodata} cells.").format(
                up=counts[1], none=counts[0], constant=n_constant, down=counts[-1], nodata=int((~valid).sum())))
        if valid.any() and n_constant == int(valid.sum()):
            feedback.pushInfo(self.tr("No cell changes over the epochs: every cell has no trend (S = 0, p = 1, "
                                      "slope 0)."))
        outputs = {self.OUTPUT: dest_id, self.N_INCREASE: counts[1], self.N_DECREASE: counts[-1],
                   self.N_NO_TREND: counts[0], self.N_CONSTANT: n_constant}
        if report_path:
            self.write_report(report_path, cells, res, cls, order, field, alpha, feedback)
            outputs[self.OUTPUT_REPORT] = report_path
        feedback.setProgress(100)
        return outputs

    # ------------------------------------------------------------------------------------------ report
    def write_report(self, path, cells, res, cls, order, field, alpha, feedback):
        import numpy as np

        area = self.cell_areas(cells)
        note = self.tr("Layer {layer}, field {field}; epochs {labels}; two-sided level {alpha}.")
        body = [html_paragraph(note.format(layer=cells.layer_name, field=field, labels=", ".join(order.labels),
                                           alpha=alpha), "note")]
        body.append(html_heading(self.tr("Cells per trend class")))
        rows = []
        for c in (1, 0, -1):
            sel = cls == c
            rows.append([self.trend_label(c), int(sel.sum()), 100.0 * sel.mean() if len(cls) else 0.0,
                         np.nansum(area[sel]) if area is not None else None])
        body.append(html_table([self.tr("Trend"), self.tr("Cells"), self.tr("Cells %"), self.tr("Area (km²)")], rows))
        if charts.available():
            index = np.where(cls == 1, 0, np.where(cls == -1, 2, np.where(cls == 0, 1, -1)))
            legend = [(TREND_COLOURS[c], self.trend_label(c)) for c in (1, 0, -1)]
            body.append(charts.cell_map_panels(
                [self.tr("Trend over {first} - {last}").format(first=order.labels[0], last=order.labels[-1])],
                index[None, :], [TREND_COLOURS[1], TREND_COLOURS[0], TREND_COLOURS[-1]], legend,
                ncols=1, panel_width=5.5, **self.cell_map(cells)))
        up = np.flatnonzero(cls == 1)
        if up.size:
            top = up[np.argsort(-res.sen_per_year[up], kind="stable")[:TOP_CELLS]]
            id_name = next(iter(cells.attributes))
            body.append(html_heading(self.tr("Fastest-growing cells")))
            body.append(html_table(
                [id_name, self.tr("Slope per year"), self.tr("Slope per epoch"), "mk_z", "mk_p"],
                [[str(cells.attributes[id_name][i]), res.sen_per_year[i], res.sen_per_epoch[i], res.mk_z[i],
                  res.mk_p[i]] for i in top], digits=5))
        lang = "zh-CN" if user_locale().startswith("zh") else "en"
        write_html(path, self.tr("Mining trend per cell over epochs"), body, lang)
        feedback.pushInfo(self.tr("Report written to {path}.").format(path=path))
