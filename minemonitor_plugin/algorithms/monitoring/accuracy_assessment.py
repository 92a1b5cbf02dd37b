"""minemonitor:accuracyassessment: interpretation accuracy against field verification records."""

from __future__ import annotations

import re

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ... import compat
from ...i18n import html_language
from ...qgis_io import crs as crs_io
from ...qgis_io import vector as vio
from ...reporting.html import html_heading, html_paragraph, html_table, id_list, write_html
from ..base import MineMonitorAlgorithm

CLASS_FIELDS = (
    ("class", "string"),
    ("n_reference", "int"),
    ("n_mapped", "int"),
    ("n_correct", "int"),
    ("producers", "double"),
    ("producers_low", "double"),
    ("producers_high", "double"),
    ("users", "double"),
    ("users_low", "double"),
    ("users_high", "double"),
    ("omission", "double"),
    ("commission", "double"),
)

RECORD_FIELDS = (
    ("record_fid", "int64"),
    ("observed", "string"),
    ("mapped", "string"),
    ("footprint_fid", "int64"),
    ("candidates", "int"),
    ("status", "int"),
    ("status_text", "string"),
)

STATUS_AGREE, STATUS_DISAGREE, STATUS_UNMATCHED, STATUS_NO_OBSERVED, STATUS_NO_MAPPED = 0, 1, 2, 3, 4
CI_METHODS = ("wilson", "normal")


def field_names_for(classes):
    """Unique field names ``ref_<class>`` (letters, digits and _ only) for matrix columns."""
    names, used = [], set()
    for label in classes:
        base = "ref_" + (re.sub(r"[^0-9A-Za-z_]", "_", label) or "x")
        name, k = base, 1
        while name.lower() in used:
            k += 1
            name = f"{base}_{k}"
        used.add(name.lower())
        names.append(name)
    return names


class AccuracyAssessmentAlgorithm(MineMonitorAlgorithm):
    """Confusion matrix, overall accuracy, kappa and per-class accuracy with confidence intervals."""

    ALG_ID = "accuracyassessment"
    GROUP_ID = "monitoring"
    REQUIREMENTS = ("shapely", "scipy")

    VERIFICATION = "VERIFICATION"
    OBSERVED_FIELD = "OBSERVED_FIELD"
    FOOTPRINTS = "FOOTPRINTS"
    MAPPED_FIELD = "MAPPED_FIELD"
    UNMATCHED_CLASS = "UNMATCHED_CLASS"
    IGNORE_CASE = "IGNORE_CASE"
    CONFIDENCE = "CONFIDENCE"
    CI_METHOD = "CI_METHOD"
    OUTPUT_MATRIX = "OUTPUT_MATRIX"
    OUTPUT_CLASSES = "OUTPUT_CLASSES"
    OUTPUT_RECORDS = "OUTPUT_RECORDS"
    OUTPUT_HTML = "OUTPUT_HTML"
    OVERALL_ACCURACY = "OVERALL_ACCURACY"
    KAPPA = "KAPPA"
    KAPPA_SE = "KAPPA_SE"
    N_RECORDS = "N_RECORDS"
    N_UNMATCHED = "N_UNMATCHED"

    def displayName(self):
        return self.tr("Interpretation accuracy assessment")

    def shortDescription(self):
        return self.tr(
            "Confusion matrix, overall accuracy, Cohen's kappa and producer's and user's accuracy with "
            "confidence intervals, from field verification records."
        )

    def tags(self):
        return self.tr("accuracy,verification,confusion,error matrix,kappa,producer,user,field check").split(",")

    def shortHelpString(self):
        return self.tr(
            "Compares the class observed in the field (verification points or polygons) with the class "
            "mapped by the interpretation (the footprint the record falls on):\n"
            "- a point matches the footprint containing it (or touching it; with several, the first listed);\n"
            "- a polygon matches the footprint it overlaps most.\n"
            "Records that match no footprint are unmatched: they are counted and listed (log, report, records "
            "layer) and left out of the matrix, or, with 'Class for unmatched records', counted as mapped to "
            "that class (for example 'non-mining', so missed footprints lower the producer's accuracy). "
            "Records without an observed class, or on a footprint without a mapped class, are listed and left "
            "out.\n\n"
            "The confusion matrix has the mapped classes in rows and the observed (reference) classes in "
            "columns. Overall accuracy = correct / n. Producer's accuracy of a class = correct / reference "
            "total (1 - omission error); user's accuracy = correct / mapped total (1 - commission error). "
            "Cohen's kappa with its large-sample standard error (delta method; Congalton & Green 2009) and the "
            "normal interval kappa ± z·se. Intervals for proportions: Wilson score (default; good coverage "
            "for accuracies near 1 and small class totals) or the normal approximation p ± z·sqrt(p(1-p)/(m-1)) "
            "(Olofsson et al. 2014, for simple random samples). The records are treated as a simple random "
            "sample or a census (as when every patch is field-checked); area-weighted stratified estimators "
            "are not applied.\n\n"
            "With 'Compare as type codes' labels are normalised like occupation codes ('2a' = '2A', 10 = '10') "
            "and Table 1 codes are listed in Table 1 order."
        )

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.VERIFICATION, self.tr("Verification records"),
                                                [compat.TYPE_VECTOR_POINT, compat.TYPE_VECTOR_POLYGON]),
            self.tr("Field verification points or polygons with the class observed on site."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.OBSERVED_FIELD, self.tr("Observed class field"),
                                        parentLayerParameterName=self.VERIFICATION),
            self.tr("Field of the verification layer with the observed (reference) class."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.FOOTPRINTS, self.tr("Interpreted footprints"),
                                                [compat.TYPE_VECTOR_POLYGON]),
            self.tr("Polygon layer of the interpreted (mapped) footprints."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.MAPPED_FIELD, self.tr("Mapped class field"),
                                        parentLayerParameterName=self.FOOTPRINTS),
            self.tr("Field of the footprint layer with the mapped class."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.UNMATCHED_CLASS, self.tr("Class for unmatched records"),
                                         defaultValue="", optional=True),
            self.tr(
                "Leave empty to leave records outside every footprint out of the matrix (they are counted and "
                "listed). Give a class name (for example non-mining) to count them as mapped to that class."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.IGNORE_CASE, self.tr("Compare as type codes"), defaultValue=True),
            self.tr("Normalise labels like occupation type codes: ignore case and spaces, 10.0 = 10."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.CONFIDENCE, self.tr("Confidence level"), compat.NUMBER_DOUBLE,
                                         defaultValue=0.95, minValue=0.5, maxValue=0.999),
            self.tr("Confidence level of all intervals."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterEnum(self.CI_METHOD, self.tr("Interval for accuracies"),
                                       options=[self.tr("Wilson score"), self.tr("Normal approximation")],
                                       defaultValue=0),
            self.tr(
                "Interval for overall, producer's and user's accuracy: Wilson score (recommended) or normal "
                "approximation (Olofsson et al. 2014)."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_MATRIX, self.tr("Confusion matrix"), compat.TYPE_VECTOR),
            self.tr(
                "Table: one row per mapped class (map_class), one column ref_<class> per observed class, the "
                "row total, and a last row TOTAL with the column totals."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_CLASSES, self.tr("Accuracy per class"),
                                              compat.TYPE_VECTOR),
            self.tr(
                "Table: per class the reference, mapped and correct counts, producer's and user's accuracy "
                "with interval bounds, omission and commission errors."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_RECORDS, self.tr("Checked records"),
                                              compat.TYPE_VECTOR_POINT, optional=True),
            self.tr(
                "Optional point layer (a point inside each verification record) with observed and mapped "
                "class, matched footprint id and status: 0 agree, 1 disagree, 2 unmatched, 3 no observed class, 4 "
                "footprint without mapped class."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_HTML, self.tr("Report"),
                                                  self.tr("HTML files (*.html)"), optional=True),
            self.tr("HTML report with the matrix, the accuracy measures and the unmatched records."),
        )
        self.add_output(QgsProcessingOutputNumber(self.OVERALL_ACCURACY, self.tr("Overall accuracy")))
        self.add_output(QgsProcessingOutputNumber(self.KAPPA, self.tr("Kappa")))
        self.add_output(QgsProcessingOutputNumber(self.KAPPA_SE, self.tr("Kappa standard error")))
        self.add_output(QgsProcessingOutputNumber(self.N_RECORDS, self.tr("Records in the matrix")))
        self.add_output(QgsProcessingOutputNumber(self.N_UNMATCHED, self.tr("Unmatched records")))

    def execute(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ...core.accuracy import assess_accuracy, match_verification
        from ...core.occupation import canonical_keys, load_code_table

        ver_src = self.source(parameters, self.VERIFICATION, context)
        fp_src = self.source(parameters, self.FOOTPRINTS, context)
        observed_field = self.parameterAsString(parameters, self.OBSERVED_FIELD, context)
        mapped_field = self.parameterAsString(parameters, self.MAPPED_FIELD, context)
        unmatched_class = self.parameterAsString(parameters, self.UNMATCHED_CLASS, context).strip() or None
        fold = self.parameterAsBool(parameters, self.IGNORE_CASE, context)
        confidence = self.parameterAsDouble(parameters, self.CONFIDENCE, context)
        ci_method = CI_METHODS[self.parameterAsEnum(parameters, self.CI_METHOD, context)]
        html_path = self.output_file(parameters, self.OUTPUT_HTML, context)
        for src in (ver_src, fp_src):
            if src.featureCount() == 0:
                raise QgsProcessingException(self.tr("Layer {layer} has no features.").format(layer=src.sourceName()))

        area_crs = crs_io.equal_area_crs_for(fp_src.sourceExtent(), fp_src.sourceCrs(), context,
                                             layer_name=fp_src.sourceName())
        feedback.pushInfo(self.tr("Matching in the equal-area CRS {definition}").format(definition=area_crs.toProj()))
        feedback.pushInfo(self.tr(
            "Intervals: {method} at {level:.1%}; unmatched records: {unmatched}; compare as type codes: {fold}."
        ).format(method=ci_method, level=confidence,
                 unmatched=unmatched_class if unmatched_class else self.tr("left out"), fold=fold))
        is_point = QgsWkbTypes.geometryType(ver_src.wkbType()) == compat.GEOMETRY_POINT
        records = vio.read_features(ver_src, context, feedback, crs=area_crs, fields=[observed_field],
                                    geometry="point" if is_point else "polygon", progress_range=(0.0, 20.0),
                                    allow_empty=False)
        footprints = vio.read_polygons(fp_src, context, feedback, crs=area_crs, fields=[mapped_field],
                                       progress_range=(20.0, 45.0))
        if feedback.isCanceled():
            return {}
        if len(records) == 0:
            raise QgsProcessingException(
                self.tr("Layer {layer} has no record with a usable geometry.").format(layer=records.layer_name))
        match = match_verification(records.geometries, footprints.geometries, footprints.attributes[mapped_field])
        feedback.setProgress(60.0)
        observed = canonical_keys(records.attributes[observed_field], fold_case=fold)
        mapped = canonical_keys(match.mapped, fold_case=fold)
        # records on a footprint whose mapped class is empty cannot be assessed (nor are they unmatched)
        no_class = (match.footprint_index >= 0) & (mapped == "")
        use = np.flatnonzero(~no_class)
        classes = load_code_table().codes if fold else None
        result = assess_accuracy(observed[use], mapped[use], classes=classes, confidence=confidence,
                                 ci_method=ci_method, unmatched_class=unmatched_class, fold_case=fold)
        used_classes = [c for i, c in enumerate(result.classes)
                        if result.map_totals[i] or result.reference_totals[i]]
        keep = np.array([c in set(used_classes) for c in result.classes])
        classes_out = list(np.array(result.classes, dtype=object)[keep])
        matrix = result.matrix[np.ix_(keep, keep)]

        # confusion matrix table
        ref_names = field_names_for(classes_out)
        spec = [("map_class", "string")] + [(n, "int") for n in ref_names] + [("total", "int")]
        sink, matrix_id = self.sink(parameters, self.OUTPUT_MATRIX, context, vio.make_fields(spec),
                                    compat.WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem())
        body = np.vstack([matrix, matrix.sum(axis=0, keepdims=True)])
        columns = [np.array([*classes_out, "TOTAL"], dtype=object)]
        columns += [body[:, j].astype(np.int64) for j in range(len(classes_out))]
        columns.append(body.sum(axis=1).astype(np.int64))
        vio.write_features(self, sink, parameters, self.OUTPUT_MATRIX, feedback, columns,
                           progress_range=(60.0, 70.0))
        del sink

        # per-class table
        sink, classes_id = self.sink(parameters, self.OUTPUT_CLASSES, context, vio.make_fields(CLASS_FIELDS),
                                     compat.WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem())
        diag = np.diag(result.matrix)[keep]
        prod, users = result.producers[keep], result.users[keep]
        prod_ci, users_ci = result.producers_ci[keep], result.users_ci[keep]
        columns = [np.array(classes_out, dtype=object), result.reference_totals[keep], result.map_totals[keep], diag,
                   prod, prod_ci[:, 0], prod_ci[:, 1], users, users_ci[:, 0], users_ci[:, 1], 1 - prod, 1 - users]
        vio.write_features(self, sink, parameters, self.OUTPUT_CLASSES, feedback, columns,
                           progress_range=(70.0, 80.0))
        del sink

        # records
        status = np.where(observed == mapped, STATUS_AGREE, STATUS_DISAGREE)
        status[match.footprint_index < 0] = STATUS_UNMATCHED
        status[no_class] = STATUS_NO_MAPPED
        status[observed == ""] = STATUS_NO_OBSERVED
        outputs = {self.OUTPUT_MATRIX: matrix_id, self.OUTPUT_CLASSES: classes_id}
        if parameters.get(self.OUTPUT_RECORDS):
            names = {STATUS_AGREE: self.tr("agree"), STATUS_DISAGREE: self.tr("disagree"),
                     STATUS_UNMATCHED: self.tr("unmatched"), STATUS_NO_OBSERVED: self.tr("no observed class"),
                     STATUS_NO_MAPPED: self.tr("footprint without mapped class")}
            sink, records_id = self.sink(parameters, self.OUTPUT_RECORDS, context, vio.make_fields(RECORD_FIELDS),
                                         compat.WKB_POINT, area_crs)
            fp_fid = np.full(len(records), None, dtype=object)
            hit = match.footprint_index >= 0
            fp_fid[hit] = footprints.fids[match.footprint_index[hit]].astype(object)
            points = shapely.point_on_surface(records.geometries)  # a point stays itself
            columns = [records.fids, np.where(observed == "", None, observed), np.where(mapped == "", None, mapped),
                       fp_fid, match.candidates, status, np.array([names[s] for s in status.tolist()], dtype=object)]
            vio.write_features(self, sink, parameters, self.OUTPUT_RECORDS, feedback, columns, points,
                               progress_range=(80.0, 95.0))
            del sink
            self.style_output(context, records_id, "accuracy_records")
            outputs[self.OUTPUT_RECORDS] = records_id

        unmatched_fids = records.fids[use[result.unmatched_index]].tolist()
        missing_fids = records.fids[use[result.missing_observed_index]].tolist()
        no_class_fids = records.fids[no_class].tolist()
        ambiguous = int(np.count_nonzero(match.candidates > 1))
        feedback.pushInfo(self.tr(
            "{n} records in the matrix; overall accuracy {oa:.4f} ({low:.4f}-{high:.4f}); kappa {kappa:.4f} "
            "(se {se:.4f}, {klow:.4f}-{khigh:.4f}).").format(
                n=result.n, oa=result.overall, low=result.overall_ci[0], high=result.overall_ci[1],
                kappa=result.kappa, se=result.kappa_se, klow=result.kappa_ci[0], khigh=result.kappa_ci[1]))
        if unmatched_fids:
            feedback.pushWarning(self.tr(
                "{n} verification records fall on no interpreted footprint (feature ids {ids}).").format(
                    n=len(unmatched_fids), ids=id_list(unmatched_fids)))
        if missing_fids:
            feedback.pushWarning(self.tr(
                "{n} verification records have no observed class and were left out (feature ids {ids}).").format(
                    n=len(missing_fids), ids=id_list(missing_fids)))
        if no_class_fids:
            feedback.pushWarning(self.tr(
                "{n} verification records fall on footprints without a mapped class and were left out (feature "
                "ids {ids}).").format(n=len(no_class_fids), ids=id_list(no_class_fids)))
        if ambiguous:
            feedback.pushInfo(self.tr(
                "{n} records touch more than one footprint; see the candidates field.").format(n=ambiguous))
        if html_path:
            self.write_report(html_path, ver_src.sourceName(), fp_src.sourceName(), result, classes_out, matrix,
                              keep, unmatched_fids, missing_fids + no_class_fids, ambiguous, unmatched_class)
            outputs[self.OUTPUT_HTML] = html_path
        outputs.update({
            self.OVERALL_ACCURACY: result.overall,
            self.KAPPA: result.kappa,
            self.KAPPA_SE: result.kappa_se,
            self.N_RECORDS: result.n,
            self.N_UNMATCHED: len(unmatched_fids),
        })
        return outputs

    def write_report(self, path, ver_name, fp_name, result, classes, matrix, keep, unmatched_fids, missing_fids,
                     ambiguous, unmatched_class):
        import numpy as np

        method = self.tr("Wilson score") if result.ci_method == "wilson" else self.tr("normal approximation")
        body = [
            html_paragraph(self.tr("Verification records: {ver}; interpreted footprints: {fp}.").format(
                ver=ver_name, fp=fp_name)),
            html_table(
                [self.tr("Measure"), self.tr("Value"), self.tr("Lower bound"), self.tr("Upper bound")],
                [[self.tr("Overall accuracy"), result.overall, *result.overall_ci],
                 [self.tr("Kappa"), result.kappa, *result.kappa_ci],
                 [self.tr("Kappa standard error"), result.kappa_se, None, None]]),
            html_paragraph(self.tr(
                "{n} records in the matrix; {unmatched} unmatched ({handling}); {missing} without an observed "
                "or mapped class; {ambiguous} touching more than one footprint. Intervals: {method}, {level:.1%}."
            ).format(
                    n=result.n, unmatched=len(unmatched_fids),
                    handling=(self.tr("counted as {name}").format(name=unmatched_class) if unmatched_class
                              else self.tr("left out")),
                    missing=len(missing_fids), ambiguous=ambiguous, method=method, level=result.confidence),
                "note"),
            html_heading(self.tr("Confusion matrix (rows: mapped, columns: observed)")),
        ]
        rows = [[c, *matrix[i].tolist(), int(matrix[i].sum())] for i, c in enumerate(classes)]
        rows.append([self.tr("Total"), *matrix.sum(axis=0).tolist(), int(matrix.sum())])
        body.append(html_table([self.tr("Mapped"), *classes, self.tr("Total")], rows, total_last=True,
                               diagonal_from=1))
        body.append(html_heading(self.tr("Accuracy per class")))
        diag = np.diag(result.matrix)[keep]
        rows = []
        for i, c in enumerate(classes):
            j = result.classes.index(c)
            rows.append([c, int(result.reference_totals[j]), int(result.map_totals[j]), int(diag[i]),
                         result.producers[j], *result.producers_ci[j], result.users[j], *result.users_ci[j]])
        body.append(html_table(
            [self.tr("Class"), self.tr("Reference"), self.tr("Mapped"), self.tr("Correct"),
             self.tr("Producer's"), self.tr("Low"), self.tr("High"), self.tr("User's"), self.tr("Low"),
             self.tr("High")], rows))
        body.append(html_heading(self.tr("Records on no footprint")))
        body.append(html_paragraph(id_list(unmatched_fids, 1000) if unmatched_fids else self.tr("None.")))
        if missing_fids:
            body.append(html_heading(self.tr("Records without an observed or mapped class")))
            body.append(html_paragraph(id_list(missing_fids, 1000)))
        write_html(path, self.tr("Interpretation accuracy"), body, html_language())
