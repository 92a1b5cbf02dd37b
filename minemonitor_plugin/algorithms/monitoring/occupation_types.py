"""minemonitor:occupationtypes: validate occupation type codes against Table 1 and classify footprints."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)

from ... import compat
from ...i18n import html_language
from ...qgis_io import crs as crs_io
from ...qgis_io import vector as vio
from ...reporting.html import html_heading, html_paragraph, html_table, id_list, write_html
from ..base import MineMonitorAlgorithm

ADDED_FIELDS = (
    ("code_norm", "string"),
    ("type_name", "string"),
    ("type_name_zh", "string"),
    ("legend", "string"),
    ("legend_zh", "string"),
    ("legend_code", "int"),
    ("code_flag", "int"),
    ("area_km2", "double"),
)

SUMMARY_FIELDS = (
    ("level", "string"),
    ("key", "string"),
    ("name_en", "string"),
    ("name_zh", "string"),
    ("count", "int"),
    ("area_km2", "double"),
    ("area_pct", "double"),
)


class OccupationTypesAlgorithm(MineMonitorAlgorithm):
    """Check a type code field against the Table 1 code table and add names and legend categories."""

    ALG_ID = "occupationtypes"
    GROUP_ID = "monitoring"
    REQUIREMENTS = ("shapely",)

    INPUT = "INPUT"
    TYPE_FIELD = "TYPE_FIELD"
    CODE_TABLE = "CODE_TABLE"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_HTML = "OUTPUT_HTML"
    N_VALID = "N_VALID"
    N_NORMALISED = "N_NORMALISED"
    N_UNKNOWN = "N_UNKNOWN"
    N_EMPTY = "N_EMPTY"

    def displayName(self):
        return self.tr("Occupation types (Table 1 codes)")

    def shortDescription(self):
        return self.tr(
            "Validates the occupation type code of every footprint against the Table 1 code table and adds "
            "type names and legend categories in English and Chinese."
        )

    def tags(self):
        return self.tr("occupation,type,code,legend,stope,tailings,waste,validate,classify").split(",")

    def shortHelpString(self):
        return self.tr(
            "Checks the type code field of a footprint layer against the occupation type code table "
            "(Table 1 of the reference paper: 10 stope; 2A-2E transit sites; 3B tailings pond; 3C-3G solid "
            "waste; 4A-4C mining buildings; 4D-4E mining roads; 5A subsidence crater; GC remediation area) "
            "and adds to every feature:\n"
            "- code_norm: the code after normalisation (spaces removed, upper case, full-width characters "
            "converted, 10.0 -> 10);\n"
            "- type_name, type_name_zh, legend, legend_zh: names from the table;\n"
            "- legend_code: 1 Stope ... 8 Remediation area (0 = unknown or empty code), used by the style;\n"
            "- code_flag: 0 valid, 1 valid after normalisation (e.g. '2a'), 2 unknown code, 3 empty code;\n"
            "- area_km2 (polygons, equal-area).\n\n"
            "No feature is dropped: features with an unknown or empty code are kept, flagged and listed "
            "(count and feature ids) in the log and the HTML report. The summary table gives the count and "
            "area per legend category and per type code.\n\n"
            "The code table is a UTF-8 CSV file (code,name_en,name_zh,legend_en,legend_zh). To add local "
            "types, copy the bundled file (minemonitor_plugin/data/occupation_types.csv), append rows and "
            "choose the copy as the code table; a new legend_en value becomes a new legend category."
        )

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Footprints"), [compat.TYPE_VECTOR]),
            self.tr("Layer (polygons, points or a table) with an occupation type code field."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.TYPE_FIELD, self.tr("Type code field"),
                                        parentLayerParameterName=self.INPUT),
            self.tr("Field holding the Table 1 type code (text such as '2A' or numbers such as 10)."),
        )
        self.add_parameter(
            QgsProcessingParameterFile(self.CODE_TABLE, self.tr("Code table (CSV)"), extension="csv",
                                       optional=True),
            self.tr(
                "Optional CSV code table with the columns code,name_en,name_zh,legend_en,legend_zh. Default: "
                "the bundled Table 1."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Classified footprints"), compat.TYPE_VECTOR),
            self.tr(
                "The input features with code_norm, type_name, type_name_zh, legend, legend_zh, legend_code, "
                "code_flag and area_km2 added (existing fields of these names are replaced)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SUMMARY, self.tr("Summary per legend and type"),
                                              compat.TYPE_VECTOR, optional=True),
            self.tr("Table with the count, area (km²) and share of the area per legend category and per code."),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_HTML, self.tr("Report"),
                                                  self.tr("HTML files (*.html)"), optional=True),
            self.tr("HTML report: counts, unknown and empty codes with feature ids, summary tables."),
        )
        self.add_output(QgsProcessingOutputNumber(self.N_VALID, self.tr("Valid codes")))
        self.add_output(QgsProcessingOutputNumber(self.N_NORMALISED, self.tr("Codes valid after normalisation")))
        self.add_output(QgsProcessingOutputNumber(self.N_UNKNOWN, self.tr("Unknown codes")))
        self.add_output(QgsProcessingOutputNumber(self.N_EMPTY, self.tr("Empty codes")))

    def execute(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ...core.occupation import FLAG_NORMALISED, FLAG_OK, classify_occupation, load_code_table

        source = self.source(parameters, self.INPUT, context)
        type_field = self.parameterAsString(parameters, self.TYPE_FIELD, context)
        table_path = self.parameterAsFile(parameters, self.CODE_TABLE, context)
        html_path = self.output_file(parameters, self.OUTPUT_HTML, context)
        if source.fields().lookupField(type_field) < 0:
            raise QgsProcessingException(self.tr("Field {field} does not exist in layer {layer}.").format(
                field=type_field, layer=source.sourceName()))
        table = load_code_table(table_path or None)
        feedback.pushInfo(self.tr("Code table: {path} ({n} codes, {m} legend categories).").format(
            path=table.source, n=len(table.codes), m=len(table.legends)))

        records = vio.read_features(source, context, feedback, fields=[type_field], geometry="none",
                                    progress_range=(0.0, 20.0))
        if feedback.isCanceled():
            return {}
        n = len(records)
        areas = np.full(n, np.nan)
        is_polygon = QgsWkbTypes.geometryType(source.wkbType()) == compat.GEOMETRY_POLYGON
        if is_polygon and n:
            area_crs = crs_io.equal_area_crs_for(source.sourceExtent(), source.sourceCrs(), context,
                                                 layer_name=source.sourceName())
            feedback.pushInfo(self.tr("Areas in the equal-area CRS {definition}").format(
                definition=area_crs.toProj()))
            polys = vio.read_polygons(source, context, feedback, crs=area_crs, progress_range=(20.0, 50.0))
            order = np.argsort(records.fids)
            position = order[np.searchsorted(records.fids[order], polys.fids)]
            areas[position] = shapely.area(polys.geometries) / 1e6
        result = classify_occupation(records.attributes[type_field], table,
                                     areas=areas if is_polygon else None)
        if feedback.isCanceled():
            return {}

        # output: the input fields (minus replaced names) + the added fields
        added_names = {name for name, _ in ADDED_FIELDS}
        in_fields = source.fields()
        kept = [i for i in range(in_fields.count()) if in_fields.at(i).name() not in added_names]
        out_fields = QgsFields()
        for i in kept:
            out_fields.append(in_fields.at(i))
        for field in vio.make_fields(ADDED_FIELDS):
            out_fields.append(field)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, out_fields, source.wkbType(),
                                  source.sourceCrs())
        row_of = {int(fid): i for i, fid in enumerate(records.fids)}

        def text(value):
            return None if value is None or value == "" else str(value)

        batch = []
        step = max(n // 50, 1)
        request = QgsFeatureRequest().setInvalidGeometryCheck(compat.GEOMETRY_NO_CHECK)
        for k, feature in enumerate(source.getFeatures(request, compat.SKIP_GEOMETRY_CHECKS)):
            if k % step == 0:
                if feedback.isCanceled():
                    return {}
                feedback.setProgress(50.0 + 45.0 * k / max(n, 1))
            i = row_of[int(feature.id())]
            attrs = feature.attributes()
            out = QgsFeature(out_fields)
            out.setGeometry(feature.geometry())
            area = areas[i]
            out.setAttributes([attrs[j] for j in kept] + [
                text(result.code[i]), result.type_name_en[i], result.type_name_zh[i], result.legend_en[i],
                result.legend_zh[i], int(result.legend_code[i]), int(result.flag[i]),
                None if np.isnan(area) else float(area),
            ])
            batch.append(out)
            if len(batch) >= 5000:
                self.add_features(sink, batch, parameters, self.OUTPUT)
                batch = []
        if batch:
            self.add_features(sink, batch, parameters, self.OUTPUT)
        del sink
        if is_polygon:  # the categorized legend uses fill symbols
            self.style_output(context, dest_id, "occupation_types")

        fids = records.fids
        n_valid = int(np.count_nonzero(result.flag == FLAG_OK))
        n_norm = len(result.normalised_index)
        n_unknown = len(result.unknown_index)
        n_empty = len(result.empty_index)
        feedback.pushInfo(self.tr(
            "{n} features: {valid} valid codes, {norm} valid after normalisation, {unknown} unknown, {empty} "
            "empty.").format(n=n, valid=n_valid, norm=n_norm, unknown=n_unknown, empty=n_empty))
        if n_unknown:
            codes = ", ".join(f"{code} ({count})" for code, count in result.unknown_codes[:30])
            feedback.pushWarning(self.tr(
                "{n} features have a code that is not in the code table: {codes}; feature ids {ids}. They are "
                "kept with code_flag 2 and legend_code 0.").format(
                    n=n_unknown, codes=codes, ids=id_list(fids[result.unknown_index].tolist())))
        if n_empty:
            feedback.pushWarning(self.tr(
                "{n} features have an empty code (feature ids {ids}). They are kept with code_flag 3 and "
                "legend_code 0.").format(n=n_empty, ids=id_list(fids[result.empty_index].tolist())))

        outputs = {self.OUTPUT: dest_id, self.N_VALID: n_valid, self.N_NORMALISED: n_norm,
                   self.N_UNKNOWN: n_unknown, self.N_EMPTY: n_empty}
        summary_rows = self.summary_rows(result)
        if parameters.get(self.OUTPUT_SUMMARY):
            table_sink, table_id = self.sink(parameters, self.OUTPUT_SUMMARY, context,
                                             vio.make_fields(SUMMARY_FIELDS), compat.WKB_NO_GEOMETRY,
                                             QgsCoordinateReferenceSystem())
            columns = [np.array([row[c] for row in summary_rows], dtype=object) for c in range(len(SUMMARY_FIELDS))]
            columns[4] = columns[4].astype(np.int64)
            columns[5] = columns[5].astype(float)
            columns[6] = columns[6].astype(float)
            vio.write_features(self, table_sink, parameters, self.OUTPUT_SUMMARY, feedback, columns,
                               progress_range=(95.0, 98.0))
            del table_sink
            outputs[self.OUTPUT_SUMMARY] = table_id
        if html_path:
            self.write_report(html_path, source.sourceName(), type_field, table, result, fids, summary_rows,
                              (n, n_valid, n_norm, n_unknown, n_empty), is_polygon, FLAG_NORMALISED)
            outputs[self.OUTPUT_HTML] = html_path
        return outputs

    def summary_rows(self, result):
        """(level, key, name_en, name_zh, count, area_km2, area_pct) per legend, then per type code."""
        rows = []
        for level, summary in (("legend", result.by_legend), ("type", result.by_type)):
            for j, key in enumerate(summary.key):
                rows.append((level, str(key), summary.label_en[j], summary.label_zh[j], int(summary.count[j]),
                             float(summary.area[j]), float(summary.area_share[j] * 100.0)))
        return rows

    def write_report(self, path, layer, field, table, result, fids, rows, counts, is_polygon, flag_normalised):
        import numpy as np

        n, n_valid, n_norm, n_unknown, n_empty = counts
        body = [
            html_paragraph(self.tr("Layer {layer}, field {field}; code table {path}.").format(
                layer=layer, field=field, path=table.source)),
            html_table(
                [self.tr("Features"), self.tr("Valid"), self.tr("Valid after normalisation"), self.tr("Unknown"),
                 self.tr("Empty")],
                [[n, n_valid, n_norm, n_unknown, n_empty]], left_columns=0),
        ]
        body.append(html_heading(self.tr("Unknown codes")))
        if n_unknown:
            unknown_rows = []
            for code, count in result.unknown_codes:
                ids = fids[result.unknown_index[result.code[result.unknown_index] == code]].tolist()
                unknown_rows.append([code, count, id_list(ids, 200)])
            body.append(html_table([self.tr("Code"), self.tr("Count"), self.tr("Feature ids")], unknown_rows))
        else:
            body.append(html_paragraph(self.tr("None.")))
        body.append(html_heading(self.tr("Empty codes")))
        body.append(html_paragraph(id_list(fids[result.empty_index].tolist(), 500) if n_empty else self.tr("None.")))
        if n_norm:
            body.append(html_heading(self.tr("Codes recognised after normalisation")))
            raw = np.array([repr(v) for v in result.raw_code[result.flag == flag_normalised]], dtype=object)
            norm = result.code[result.flag == flag_normalised]
            pairs, count = np.unique(np.array([f"{a}\u0000{b}" for a, b in zip(raw, norm, strict=True)]),
                                     return_counts=True)
            body.append(html_table([self.tr("As written"), self.tr("Code"), self.tr("Count")],
                                   [[*p.split("\u0000"), int(c)] for p, c in zip(pairs, count,
                                                                                 strict=True)], left_columns=2))
        headers = [self.tr("Key"), self.tr("Name"), self.tr("Name (Chinese)"), self.tr("Count")]
        if is_polygon:
            headers += [self.tr("Area (km²)"), self.tr("Area (%)")]
        for level, title in (("legend", self.tr("Per legend category")), ("type", self.tr("Per type code"))):
            body.append(html_heading(title))
            body.append(html_table(headers, [list(r[1:5]) + (list(r[5:7]) if is_polygon else [])
                                             for r in rows if r[0] == level], left_columns=3))
        write_html(path, self.tr("Occupation type check"), body, html_language())
