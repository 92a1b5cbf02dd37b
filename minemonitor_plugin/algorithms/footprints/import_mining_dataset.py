"""minemonitor:importminingdataset: the public global mining-polygon datasets in one footprint schema."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from ... import compat
from ...i18n import user_locale
from ...qgis_io import crs as crs_io
from ...qgis_io import metadata as md_io
from ...qgis_io import vector as vio
from ...reporting.html import html_heading, html_paragraph, html_table, write_html
from ..base import MineMonitorAlgorithm

OUTPUT_FIELDS = (
    ("source", "string"),
    ("source_id", "string"),
    ("iso3", "string"),
    ("country", "string"),
    ("area_km2", "double"),
    ("orig_km2", "double"),
    ("published_km2", "double"),
)
SUMMARY_FIELDS = (
    ("source", "string"),
    ("iso3", "string"),
    ("country", "string"),
    ("n_polygons", "int"),
    ("area_km2", "double"),
    ("share_pct", "double"),
)


class ImportMiningDatasetAlgorithm(MineMonitorAlgorithm):
    """Read Maus et al. (2022) and Tang & Werner (2023) polygon files into one footprint schema."""

    ALG_ID = "importminingdataset"
    GROUP_ID = "footprints"
    REQUIREMENTS = ("shapely",)

    INPUTS = "INPUTS"
    REMOVE_OVERLAPS = "REMOVE_OVERLAPS"
    EXTENT = "EXTENT"
    COUNTRIES = "COUNTRIES"
    COUNTRY_ISO3_FIELD = "COUNTRY_ISO3_FIELD"
    COUNTRY_NAME_FIELD = "COUNTRY_NAME_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_HTML = "OUTPUT_HTML"
    N_POLYGONS = "N_POLYGONS"
    TOTAL_KM2 = "TOTAL_KM2"
    OVERLAP_REMOVED_KM2 = "OVERLAP_REMOVED_KM2"
    SOURCES = "SOURCES"

    def displayName(self):
        return self.tr("Import global mining dataset")

    def shortDescription(self):
        return self.tr("Reads the Maus et al. (2022) and Tang & Werner (2023) mining polygons into one footprint "
                       "schema, merges them without overlaps and measures them on the ellipsoid.")

    def tags(self):
        return self.tr("Maus,Tang,Werner,global,mining polygons,PANGAEA,Zenodo,import,merge,country,licence").split(",")

    def shortHelpString(self):
        return self.tr(
            "Reads the public global mining-area polygon datasets as they are downloaded and writes them in one "
            "footprint schema, ready for the other MineMonitor algorithms (national totals as in Table 2 of the "
            "reference paper: footprint statistics grouped by iso3 or country).\n\n"
            "Each input layer is recognised from its fields:\n"
            "- Maus et al. (2022), global-scale mining polygons v2 (PANGAEA, doi:10.1594/PANGAEA.942325, "
            "CC BY-SA 4.0), file global_mining_polygons_v2.gpkg: WGS 84 polygons with ISO3_CODE, COUNTRY_NAME and "
            "AREA (km²); version 1 (doi:10.1594/PANGAEA.910894) has the same fields;\n"
            "- Tang & Werner (2023), global mining footprint (Zenodo, doi:10.5281/zenodo.7894216, CC BY 4.0), "
            "shapefile '74548_projected polygons.shp' in an equal-area projection with OBJECTID and Name (no "
            "country);\n"
            "- an earlier output of this algorithm (source, source_id, iso3, country, area_km2).\n"
            "GeoPackage, shapefile and GeoJSON copies are read alike; any CRS is reprojected to WGS 84.\n\n"
            "Output fields: source (maus_v2, maus_v1 or tang_werner_2023), source_id (the Maus feature id, the "
            "Tang & Werner OBJECTID), iso3, country, area_km2 (area on the WGS 84 ellipsoid after overlap "
            "removal), orig_km2 (area of the source polygon on the ellipsoid), published_km2 (the AREA published "
            "with the Maus polygons, NULL otherwise).\n\n"
            "Overlaps: every area is kept once. Between datasets the order of the input layers decides (dataset "
            "precedence): where polygons of two layers overlap (the two datasets mapped the same mines), the layer "
            "listed first keeps the area, whatever the sizes of the polygons, so each part keeps its source, "
            "identifier and country. Within one layer the rule of every MineMonitor algorithm applies: land shared "
            "by polygons of the layer belongs to the smallest of them, whatever the order of the features. Polygons "
            "left without land of their own (exact duplicates, polygons entirely covered by smaller ones of their "
            "layer or by polygons of a layer listed earlier) and zero-area or hair-thin sliver polygons are dropped; "
            "the log lists their feature ids. This replaces the union of connected groups of intersecting polygons "
            "of the authors' own merge, which loses the source of each part.\n\n"
            "Areas are measured on the WGS 84 ellipsoid with the polygon edges taken as straight lines in "
            "longitude/latitude (exact integration with the authalic latitude; pieces cut along meridians or "
            "parallels add up exactly).\n\n"
            "Countries: Tang & Werner polygons have none; with a country layer (for example Natural Earth "
            "admin-0) every polygon without an ISO3 code gets the country holding the largest part of its area.\n\n"
            "The licence and citation of every source are written to the log, the report and the output's "
            "metadata (inside the GeoPackage: Layer Properties > Metadata). Maus et al. is CC BY-SA 4.0: data "
            "derived from it must be shared under the same licence."
        )

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.INPUTS, self.tr("Mining polygon datasets"),
                                                 compat.TYPE_VECTOR_POLYGON),
            self.tr("One or more polygon layers of the published datasets (Maus et al. v1/v2, Tang & Werner 2023), "
                    "in order of precedence: where polygons of two layers overlap, the layer listed first keeps the "
                    "area."),
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.REMOVE_OVERLAPS, self.tr("Remove overlaps"), defaultValue=True),
            self.tr("Count every area once: an area mapped by polygons of several layers stays with the layer listed "
                    "first; within a layer, with the smallest polygon. Unchecked, polygons are copied as they are and "
                    "overlaps count twice."),
        )
        self.add_parameter(
            QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True),
            self.tr("Optional: import only the polygons meeting this extent (for example a country or region)."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.COUNTRIES, self.tr("Country layer"), [compat.TYPE_VECTOR_POLYGON],
                                                optional=True),
            self.tr("Optional polygon layer of countries; polygons without an ISO3 code (Tang & Werner) get the "
                    "country holding the largest part of their area."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.COUNTRY_ISO3_FIELD, self.tr("Country ISO3 field"),
                                        parentLayerParameterName=self.COUNTRIES, optional=True),
            self.tr("Field of the country layer with the ISO 3166-1 alpha-3 code (Natural Earth: ISO_A3 or ADM0_A3)."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.COUNTRY_NAME_FIELD, self.tr("Country name field"),
                                        parentLayerParameterName=self.COUNTRIES, optional=True),
            self.tr("Field of the country layer with the country name (Natural Earth: NAME or ADMIN)."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Mining footprints"), compat.TYPE_VECTOR_POLYGON),
            self.tr("Footprints in one schema (WGS 84): source, source_id, iso3, country, area_km2, orig_km2, "
                    "published_km2; the sources' licences and citations are in the layer metadata."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SUMMARY, self.tr("Summary by source and country"),
                                              compat.TYPE_VECTOR, optional=True, createByDefault=False),
            self.tr("Optional table: one row per source and country (n_polygons, area_km2, share_pct of the total "
                    "area), plus one total row per source (iso3 NULL): Table 2's national reference rows."),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_HTML, self.tr("Report"), self.tr("HTML files (*.html)"),
                                                  optional=True),
            self.tr("HTML report: the sources with their citation and licence, polygons and area per source and "
                    "per country, overlap removed."),
        )
        self.add_output(QgsProcessingOutputNumber(self.N_POLYGONS, self.tr("Number of footprints")))
        self.add_output(QgsProcessingOutputNumber(self.TOTAL_KM2, self.tr("Total area on the ellipsoid (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.OVERLAP_REMOVED_KM2,
                                                  self.tr("Overlapping area counted once (km²)")))
        self.add_output(QgsProcessingOutputString(self.SOURCES, self.tr("Datasets recognised")))

    # ------------------------------------------------------------------------------------------ run
    def dataset_label(self, key: str) -> str:
        labels = {
            "maus_v2": self.tr("Maus et al. (2022), global-scale mining polygons v2"),
            "maus_v1": self.tr("Maus et al. (2020), global-scale mining polygons v1"),
            "tang_werner_2023": self.tr("Tang & Werner (2023), global mining footprint"),
        }
        return labels.get(key, key)

    def execute(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ...core import mining_datasets as mds

        sources = self.layer_sources(parameters, self.INPUTS, context)
        if not sources:
            raise QgsProcessingException(self.tr("Choose at least one mining polygon layer."))
        remove_overlaps = self.parameterAsBool(parameters, self.REMOVE_OVERLAPS, context)
        countries_src = self.source(parameters, self.COUNTRIES, context, optional=True)
        iso_field = self.parameterAsString(parameters, self.COUNTRY_ISO3_FIELD, context)
        name_field = self.parameterAsString(parameters, self.COUNTRY_NAME_FIELD, context)
        if countries_src is not None and not (iso_field or name_field):
            raise QgsProcessingException(self.tr(
                "Choose the ISO3 field or the name field of the country layer {layer}.").format(
                    layer=countries_src.sourceName()))
        wgs84 = crs_io.wgs84()
        box = None
        if parameters.get(self.EXTENT) not in (None, ""):
            rect = self.parameterAsExtent(parameters, self.EXTENT, context, wgs84)
            if rect is not None and not rect.isNull() and not rect.isEmpty():
                box = shapely.box(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
                feedback.pushInfo(self.tr("Only polygons meeting the extent {extent} (WGS 84) are imported.").format(
                    extent=rect.toString(6)))

        geoms, cols, used = [], {k: [] for k in ("source", "source_id", "iso3", "country", "published_km2")}, []
        fids, layer_of, layer_names = [], [], []
        n_inputs = len(sources)
        for i, source in enumerate(sources):
            names = source.fields().names()
            info = mds.detect_dataset(names, f"{source.sourceName()} {getattr(source, '_minemonitor_name', '')}")
            if info is None:
                raise QgsProcessingException(self.tr(
                    "Layer {layer} is not one of the supported mining datasets: expected the fields ISO3_CODE, "
                    "COUNTRY_NAME and AREA (Maus et al., global_mining_polygons_v2.gpkg) or OBJECTID and Name "
                    "(Tang & Werner, 74548_projected polygons.shp); it has {fields}."
                ).format(layer=source.sourceName(), fields=", ".join(names) or "—"))
            feedback.pushInfo(self.tr("Layer {layer}: recognised as {dataset}.").format(
                layer=source.sourceName(), dataset=self.dataset_label(info.key)))
            near = [box] if box is not None else None
            data = vio.read_polygons(source, context, feedback, crs=wgs84, fields=mds.fields_to_read(info, names),
                                     near=near, progress_range=(30.0 * i / n_inputs, 30.0 * (i + 1) / n_inputs))
            if feedback.isCanceled():
                return {}
            attrs = mds.normalise(info, data.attributes, data.fids)
            g = data.geometries
            keep = np.ones(len(g), dtype=bool)
            if box is not None and len(g):
                keep = shapely.intersects(g, box)
            geoms.append(g[keep])
            fids.append(np.asarray(data.fids, dtype=np.int64)[keep])
            layer_of.append(np.full(int(np.count_nonzero(keep)), i, dtype=np.int64))
            layer_names.append(data.layer_name)
            for name in cols:
                cols[name].append(getattr(attrs, name)[keep])
            used.append(info)
        geoms = np.concatenate(geoms) if geoms else np.empty(0, dtype=object)
        fids = np.concatenate(fids) if fids else np.empty(0, dtype=np.int64)
        layer_of = np.concatenate(layer_of) if layer_of else np.empty(0, dtype=np.int64)
        col = {k: np.concatenate(v) for k, v in cols.items()}
        if geoms.size == 0:
            raise QgsProcessingException(self.tr("No mining polygon was found in the inputs (or inside the extent)."))
        datasets = []
        for key in dict.fromkeys(col["source"]):
            info = mds.DATASETS.get(str(key))
            if info is not None:
                datasets.append(info)
        for info in datasets:
            feedback.pushInfo(self.tr("Source {dataset}: {citation}. Licence: {licence} ({url}).").format(
                dataset=self.dataset_label(info.key), citation=info.citation, licence=info.licence,
                url=info.licence_url))

        merged = mds.merge_footprints(geoms, remove_overlaps, progress=self.progress_callback(feedback, 30.0, 75.0),
                                      datasets=layer_of)
        if feedback.isCanceled():
            return {}
        idx = merged.index
        out = {k: v[idx] for k, v in col.items()}
        self.log_dropped(merged, fids, layer_of, layer_names, feedback)
        if remove_overlaps:
            feedback.pushInfo(self.tr(
                "Overlaps removed: {n} polygons overlapped others; {area:.6f} km² mapped more than once is counted "
                "once: a layer listed earlier keeps the area it shares with later layers, and within a layer the "
                "smallest polygon keeps it; {dropped} polygons without land of their own were dropped."
            ).format(n=merged.n_overlapping, area=merged.overlap_removed_km2, dropped=merged.n_covered))

        if countries_src is not None:
            self.assign_countries(merged.geometries, out, countries_src, iso_field, name_field, context, feedback)
        missing = int(sum(v is None for v in out["iso3"]))
        if missing:
            feedback.pushInfo(self.tr("{n} footprints have no country (iso3 NULL).").format(n=missing))

        sink, dest_id = self.sink(parameters, self.OUTPUT, context, vio.make_fields(OUTPUT_FIELDS),
                                  compat.WKB_MULTIPOLYGON, wgs84)
        geoms_out = merged.geometries.copy()
        single = shapely.get_type_id(geoms_out) == shapely.GeometryType.POLYGON
        if single.any():
            geoms_out[single] = shapely.multipolygons(geoms_out[single].reshape(-1, 1))
        vio.write_features(self, sink, parameters, self.OUTPUT, feedback,
                           [out["source"], out["source_id"], out["iso3"], out["country"], merged.area_km2,
                            merged.orig_km2, out["published_km2"]], geoms_out, progress_range=(80.0, 95.0))
        del sink
        if feedback.isCanceled():
            return {}
        self.style_output(context, dest_id, "mining_datasets")
        self.store_metadata(context, dest_id, datasets, remove_overlaps, feedback)

        total = float(merged.area_km2.sum())
        per_country, per_source = self.summary_rows(out, merged.area_km2, total)
        summary = per_country + per_source
        outputs = {
            self.OUTPUT: dest_id,
            self.N_POLYGONS: int(merged.geometries.size),
            self.TOTAL_KM2: total,
            self.OVERLAP_REMOVED_KM2: float(merged.overlap_removed_km2) if remove_overlaps else 0.0,
            self.SOURCES: ", ".join(info.key for info in datasets),
        }
        if self._requested(parameters, self.OUTPUT_SUMMARY):
            ssink, summary_id = self.sink(parameters, self.OUTPUT_SUMMARY, context, vio.make_fields(SUMMARY_FIELDS),
                                          compat.WKB_NO_GEOMETRY, wgs84)
            columns = [np.array([r[i] for r in summary], dtype=object) for i in range(3)]
            columns += [np.array([r[3] for r in summary], dtype=np.int64), np.array([r[4] for r in summary]),
                        np.array([r[5] for r in summary])]
            vio.write_features(self, ssink, parameters, self.OUTPUT_SUMMARY, feedback, columns,
                               progress_range=(95.0, 97.0))
            del ssink
            outputs[self.OUTPUT_SUMMARY] = summary_id
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            self.write_report(html_path, datasets, per_country, per_source, merged, remove_overlaps)
            outputs[self.OUTPUT_HTML] = html_path
            feedback.pushInfo(self.tr("Report written to {path}.").format(path=html_path))
        feedback.pushInfo(self.tr("{n} footprints, {area:.4f} km² on the ellipsoid.").format(
            n=int(merged.geometries.size), area=total))
        feedback.setProgress(100)
        return outputs

    def log_dropped(self, merged, fids, layer_of, layer_names, feedback):
        """Warn about the polygons left out, per input layer, with their feature ids (NULL, empty and repaired
        geometries are reported by the reader)."""
        from ...core.geometry import COVERED, DEGENERATE
        from ...reporting.html import id_list

        for k, name in enumerate(layer_names):
            sel = layer_of == k
            status = merged.status[sel]
            degenerate = fids[sel][status == DEGENERATE]
            if degenerate.size:
                feedback.pushWarning(self.tr(
                    "Layer {layer}: {n} polygons have no area (zero-area, collapsed or hair-thin slivers) and were "
                    "dropped (feature ids {ids}).").format(layer=name, n=int(degenerate.size),
                                                           ids=id_list(degenerate.tolist(), 20)))
            covered = fids[sel][status == COVERED]
            if covered.size:
                feedback.pushWarning(self.tr(
                    "Layer {layer}: {n} polygons have no land of their own (exact duplicates, or entirely covered by "
                    "smaller polygons of the layer or by polygons of a layer listed earlier) and were dropped "
                    "(feature ids {ids}).").format(layer=name, n=int(covered.size), ids=id_list(covered.tolist(), 20)))

    def _requested(self, parameters, name) -> bool:
        value = parameters.get(name)
        if value is None:
            return False
        sink = getattr(value, "sink", None)
        text = sink.staticValue() if sink is not None else value
        return bool(text) and str(text).strip() != ""

    def assign_countries(self, geoms, out, countries_src, iso_field, name_field, context, feedback):
        """ISO3 and name of the country holding the largest part of each footprint without an ISO3 code."""
        import numpy as np

        from ...core.footprints import factorize
        from ...core.geodesy import ellipsoidal_area_km2
        from ...core.zones import largest_overlap

        fields = [f for f in (iso_field, name_field) if f]
        countries = vio.read_polygons(countries_src, context, feedback, crs=crs_io.wgs84(), fields=fields,
                                      progress_range=(75.0, 78.0))
        todo = np.flatnonzero(np.equal(out["iso3"], None))
        if todo.size == 0 or len(countries) == 0:
            return
        keys = np.empty(len(countries), dtype=object)
        keys[:] = list(zip(*(countries.attributes[f] for f in fields), strict=True))
        codes, uniques = factorize(keys)
        assignment = largest_overlap(geoms[todo], countries.geometries, codes, area_fn=ellipsoidal_area_km2,
                                     progress=self.progress_callback(feedback, 78.0, 80.0))
        found = assignment.code >= 0
        for j, name in enumerate(fields):
            target = "iso3" if name == iso_field else "country"
            values = np.array([None if c < 0 else uniques[c][j] for c in assignment.code], dtype=object)
            values = np.array([None if v is None else str(v) for v in values], dtype=object)
            column = out[target].copy()
            column[todo[found]] = values[found]
            out[target] = column
        feedback.pushInfo(self.tr(
            "Countries from layer {layer} (largest overlap): {n} footprints assigned, {left} outside every country."
        ).format(layer=countries.layer_name, n=int(found.sum()), left=int((~found).sum())))

    def summary_rows(self, out, area, total):
        """Rows (source, iso3, country, n, km², share): per source and country, and per source."""
        import numpy as np

        from ...core.footprints import factorize

        def rows_for(keys_list):
            keys = np.empty(area.size, dtype=object)
            keys[:] = keys_list
            codes, uniques = factorize(keys)
            n = np.bincount(codes, minlength=len(uniques))
            a = np.bincount(codes, weights=area, minlength=len(uniques))
            return [(u[0], u[1], u[2], int(n[i]), float(a[i]), 100.0 * a[i] / total if total else float("nan"))
                    for i, u in enumerate(uniques)]

        per_country = rows_for(list(zip(out["source"], out["iso3"], out["country"], strict=True)))
        per_source = rows_for([(s, None, None) for s in out["source"]])
        return per_country, per_source

    def store_metadata(self, context, dest_id, datasets, remove_overlaps, feedback):
        names = "; ".join(self.dataset_label(d.key) for d in datasets)
        abstract = self.tr(
            "Mining footprints imported by MineMonitor from: {datasets}. Areas on the WGS 84 ellipsoid; overlaps "
            "between polygons removed: {overlaps}."
        ).format(datasets=names, overlaps=self.tr("yes") if remove_overlaps else self.tr("no"))
        licences = [f"{d.licence} ({self.dataset_label(d.key)}): {d.licence_url}" for d in datasets]
        rights = [d.citation for d in datasets] + [d.paper for d in datasets]
        links = [(d.title, f"https://doi.org/{d.doi}") for d in datasets]
        metadata = md_io.layer_metadata(self.tr("Mining footprints ({datasets})").format(datasets=names), abstract,
                                        licences, rights, links, keywords=["mining", "footprint"])
        try:
            md_io.write_metadata(context, dest_id, metadata)
        except RuntimeError as err:
            feedback.pushWarning(self.tr("Could not store the licences in the metadata of {output}: {error}").format(
                output=dest_id, error=err))

    def write_report(self, path, datasets, per_country, per_source, merged, remove_overlaps):
        body = [html_heading(self.tr("Sources"))]
        body.append(html_table(
            [self.tr("Dataset"), self.tr("Citation"), self.tr("Licence")],
            [[self.dataset_label(d.key), f"{d.citation}; {d.paper}", f"{d.licence} ({d.licence_url})"]
             for d in datasets], left_columns=3))
        body.append(html_paragraph(self.tr(
            "Areas on the WGS 84 ellipsoid. Overlapping area counted once: {area:.4f} km² ({n} polygons overlapped "
            "others, {dropped} dropped as entirely covered)."
        ).format(area=merged.overlap_removed_km2 if remove_overlaps else 0.0, n=merged.n_overlapping,
                 dropped=merged.n_covered), "note"))
        body.append(html_heading(self.tr("Polygons and area per source")))
        body.append(html_table(["source", "n_polygons", "area_km2", "share_pct"],
                               [[r[0], r[3], r[4], r[5]] for r in per_source]))
        body.append(html_heading(self.tr("Polygons and area per country")))
        body.append(html_table(["source", "iso3", "country", "n_polygons", "area_km2", "share_pct"],
                               [list(r) for r in sorted(per_country, key=lambda r: -r[4])], left_columns=3))
        lang = "zh-CN" if user_locale().startswith("zh") else "en"
        write_html(path, self.tr("Global mining datasets"), body, lang)
