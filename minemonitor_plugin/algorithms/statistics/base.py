"""Shared glue of the spatial statistics algorithms: weights parameters, input reading, reports.

:class:`SpatialStatisticsAlgorithm` declares the parameters the three algorithms share
(``INPUT``, ``FIELD``, ``WEIGHTS`` ... ``SEED``), reads the layer into arrays, builds the
spatial weights (fishnet row/col lattice, polygon contiguity, distance band, KNN, inverse
distance or a ``.gal``/``.gwt`` file) and logs every statistical choice. The HTML helpers at the
end write the reports (numbers, settings, conventions, an inline SVG Moran scatterplot).
"""

from __future__ import annotations

import contextlib
import functools
import html
import os
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ... import compat
from ...core.spatial_stats import PERMUTATIONS as DEFAULT_PERMUTATION_COUNT
from ...core.spatial_stats import SEED as DEFAULT_SEED
from ...i18n import html_language
from ...qgis_io import crs as crs_io
from ...qgis_io import vector as vio
from ...reporting.charts import moran_scatter_svg
from ...reporting.html import html_document, html_table
from ..base import MineMonitorAlgorithm
from ..execution import ExecutionMixin


class WeightsMethod(IntEnum):
    """Index of the ``WEIGHTS`` enum (public API: the order never changes)."""

    QUEEN = 0
    ROOK = 1
    DISTANCE_BAND = 2
    KNN = 3
    INVERSE_DISTANCE = 4


class Standardization(IntEnum):
    """Index of the ``STANDARDIZATION`` enum."""

    ROW = 0
    BINARY = 1


#: Core transform code of each standardisation ("binary" keeps inverse-distance and .gwt
#: weights as they are: for the binary kinds that is the same as 0/1 weights).
TRANSFORM_CODE = {Standardization.ROW: "R", Standardization.BINARY: "O"}

#: Tables of the statistics reports: 6 significant digits, scientific notation for tiny p-values.
stats_table = functools.partial(html_table, digits=6, significant=True)

_EQUAL_AREA_PROJ = ("+proj=aea", "+proj=laea", "+proj=cea", "+proj=moll", "+proj=eqearth", "+proj=sinu")



@dataclass
class StatsInput:
    """A layer read for a spatial statistic.

    ``data`` holds the features (source CRS, every attribute), ``values`` the analysed field,
    ``weights`` the neighbours as built, ``areas_km2`` the equal-area areas of polygons (None for
    points), ``point_layer`` the geometry kind, ``weights_label`` a translated description.
    """

    data: vio.VectorData
    values: np.ndarray
    weights: object
    areas_km2: np.ndarray | None
    point_layer: bool
    field: str
    weights_label: str
    distance_crs: str
    wkb_type: int


class SpatialStatisticsAlgorithm(ExecutionMixin, MineMonitorAlgorithm):
    """Base of minemonitor:globalautocorrelation, :localmoran and :hotspots."""

    GROUP_ID = "spatialstatistics"
    REQUIREMENTS = ("shapely", "scipy")

    INPUT = "INPUT"
    FIELD = "FIELD"
    WEIGHTS = "WEIGHTS"
    DISTANCE = "DISTANCE"
    K = "K"
    STANDARDIZATION = "STANDARDIZATION"
    WEIGHTS_FILE = "WEIGHTS_FILE"
    ID_FIELD = "ID_FIELD"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    DEFAULT_STANDARDIZATION = Standardization.ROW
    DEFAULT_PERMUTATIONS = DEFAULT_PERMUTATION_COUNT

    # parameters ---------------------------------------------------------------------------
    def add_input_parameters(self):
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Input layer"), [compat.TYPE_VECTOR_POLYGON, compat.TYPE_VECTOR_POINT]
            ),
            self.tr(
                "Polygon or point layer, for example the fishnet written by 'Fishnet mining density'. "
                "Features with a NULL geometry are skipped (and counted in the log)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.FIELD, self.tr("Field"), parentLayerParameterName=self.INPUT, type=compat.FIELD_NUMERIC
            ),
            self.tr("Numeric field to analyse (for example density_pct). NULL values are refused."),
        )

    def add_weights_parameters(self):
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.WEIGHTS,
                self.tr("Spatial weights"),
                options=[
                    self.tr("Queen contiguity"),
                    self.tr("Rook contiguity"),
                    self.tr("Fixed distance band"),
                    self.tr("K nearest neighbours"),
                    self.tr("Inverse distance"),
                ],
                defaultValue=int(WeightsMethod.QUEEN),
            ),
            self.tr(
                "How neighbours are defined. Queen: polygons sharing a vertex; rook: sharing an edge. "
                "A fishnet with integer row and col fields gets its contiguity from row/col directly "
                "(queen: the 8 surrounding cells, rook: the 4 sharing an edge). Distance band: "
                "features whose centroids lie within the distance; k nearest neighbours: the K "
                "closest centroids; inverse distance: features within the distance weighted by "
                "1/distance. Distances are measured in metres in the layer's CRS when it is projected "
                "in metres, else in an Albers equal-area CRS fitted to the layer (never in degrees)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.DISTANCE,
                self.tr("Distance band (metres)"),
                compat.NUMBER_DOUBLE,
                defaultValue=0.0,
                minValue=0.0,
            ),
            self.tr(
                "Threshold distance for the distance band and inverse distance weights, in metres. "
                "0 (default): the smallest distance that gives every feature at least one neighbour "
                "(ArcGIS's default); the value used is written to the log."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.K, self.tr("Number of neighbours (K)"), compat.NUMBER_INTEGER, defaultValue=8, minValue=1
            ),
            self.tr("Number of nearest neighbours for the K nearest neighbours weights (default 8)."),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.STANDARDIZATION,
                self.tr("Standardisation"),
                options=[self.tr("Row standardised"), self.tr("Binary (no standardisation)")],
                defaultValue=int(self.DEFAULT_STANDARDIZATION),
            ),
            self.standardization_help(),
        )
        self.add_parameter(
            QgsProcessingParameterFile(
                self.WEIGHTS_FILE,
                self.tr("Weights file (.gal / .gwt)"),
                extension="",
                optional=True,
                fileFilter=self.tr("Spatial weights (*.gal *.gwt *.GAL *.GWT)"),
            ),
            self.tr(
                "Optional GeoDa/PySAL weights file; when given it replaces the 'Spatial weights' "
                "choice. A .gal lists each feature's neighbours (binary weights), a .gwt "
                "'id neighbour weight' triples. Ids are matched to the 'Id field'."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.ID_FIELD, self.tr("Id field"), parentLayerParameterName=self.INPUT, optional=True
            ),
            self.tr("Field holding the ids used in the weights file (required with a weights file)."),
            advanced=True,
        )

    def standardization_help(self) -> str:
        return self.tr(
            "Row standardised: each feature's neighbour weights sum to 1 (the neighbour average). "
            "Binary: every neighbour weighs 1 (inverse-distance and .gwt weights are kept as they "
            "are). Features without neighbours keep an empty row either way."
        )

    def add_permutation_parameters(self):
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.PERMUTATIONS,
                self.tr("Permutations"),
                compat.NUMBER_INTEGER,
                defaultValue=int(self.DEFAULT_PERMUTATIONS),
                minValue=0,
                maxValue=99999,
            ),
            self.permutations_help(),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.SEED, self.tr("Random seed"), compat.NUMBER_INTEGER, defaultValue=DEFAULT_SEED, minValue=0,
                maxValue=2147483647,
            ),
            self.tr(
                "Seed of the permutations (numpy's default generator); the same seed gives the same "
                "pseudo p-values on every run."
            ),
            advanced=True,
        )

    @contextlib.contextmanager
    def statistics_mapper(self, parameters, context, feedback, permutations: int):
        """Where the permutation tasks run: None (two threads here) or the dask cluster's mapper.

        Without permutations there is nothing to distribute: the cluster is not contacted."""
        address = self.execution_address(parameters, context, feedback)
        if not address or not permutations:
            yield None
            return
        with self.open_cluster(address, feedback) as cluster:
            yield self.cluster_mapper(cluster, feedback)

    def permutations_help(self) -> str:
        return self.tr(
            "Number of random permutations for the pseudo p-values (0 = none). 999 gives p-values "
            "down to 0.001."
        )

    def add_fdr_parameter(self, name: str):
        self.add_parameter(
            QgsProcessingParameterBoolean(name, self.tr("False discovery rate correction"), defaultValue=False),
            self.tr(
                "Apply the Benjamini-Hochberg false discovery rate correction to the p-values of all "
                "features (features without neighbours are not counted as tests)."
            ),
        )

    def add_layer_outputs(self, sink_label: str, sink_help: str, report_help: str):
        """The ``OUTPUT`` layer and the optional ``OUTPUT_REPORT`` HTML file."""
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, sink_label), sink_help)
        self.add_parameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT, self.tr("Report"), self.tr("HTML files (*.html)"), optional=True,
                createByDefault=False,
            ),
            report_help,
        )

    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    #: Fields of the OUTPUT_SUMMARY table (public API: field names of an output).
    SUMMARY_FIELDS = (("class_code", "int"), ("class", "string"), ("label", "string"), ("features", "int"),
                      ("features_pct", "double"), ("area_km2", "double"), ("area_pct", "double"))

    def add_summary_outputs(self, classes, labels: dict, summary_label: str = ""):
        """``N``, ``N_ISLANDS``, ``COUNT_<key>`` / ``AREA_PCT_<key>`` for every class, and the optional
        ``OUTPUT_SUMMARY`` table (one row per class: the same numbers, usable as a model output)."""
        self._class_labels = dict(labels)
        self.add_output(QgsProcessingOutputNumber("N", self.tr("Number of features")))
        self.add_output(QgsProcessingOutputNumber("N_ISLANDS", self.tr("Features without neighbours")))
        for _, key in classes:
            self.add_output(QgsProcessingOutputNumber(
                f"COUNT_{key}", self.tr("Features: {label}").format(label=labels[key])))
            self.add_output(QgsProcessingOutputNumber(
                f"AREA_PCT_{key}", self.tr("Area %: {label}").format(label=labels[key])))
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SUMMARY, summary_label or self.tr("Class summary"),
                                              compat.TYPE_VECTOR, optional=True, createByDefault=False),
            self.tr("Optional table with one row per class: class_code, class, label (in the run's language), "
                    "features, features_pct, area_km2 and area_pct (area in an equal-area CRS; empty for "
                    "points). The same numbers as the COUNT_/AREA_PCT_ outputs, as a table a model can "
                    "output and the report prints."),
        )

    def class_label(self, key: str) -> str:
        """Translated words for a class key (``HOT_99`` -> "hot spot, 99 % confidence")."""
        return getattr(self, "_class_labels", {}).get(key, key)

    def summary_results(self, codes, classes, inp: StatsInput, feedback):
        """Class counts and area shares as outputs (area ones only for polygons), logged in words."""
        from ...core.spatial_stats import class_shares

        shares = class_shares(codes, [c for c, _ in classes], [k for _, k in classes], inp.areas_km2)
        results = {"N": len(codes), "N_ISLANDS": inp.weights.n_islands}
        for _, key, count, fshare, _, ashare in shares.as_rows():
            results[f"COUNT_{key}"] = count
            if inp.areas_km2 is not None:
                results[f"AREA_PCT_{key}"] = 100.0 * ashare
            feedback.pushInfo(self.tr("{cls}: {n} features ({fpct:.2f} %), {apct} % of the area.").format(
                cls=self.class_label(key), n=count, fpct=100 * fshare,
                apct="—" if inp.areas_km2 is None else f"{100 * ashare:.2f}"))
        return results, shares

    def write_summary_table(self, parameters, context, feedback, shares, inp: StatsInput):
        """The OUTPUT_SUMMARY table, when asked for; returns its id or None."""
        from qgis.core import QgsCoordinateReferenceSystem, QgsFeature

        if not self.parameterAsOutputLayer(parameters, self.OUTPUT_SUMMARY, context):
            return None
        sink, dest_id = self.sink(parameters, self.OUTPUT_SUMMARY, context, vio.make_fields(self.SUMMARY_FIELDS),
                                  compat.WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem())
        features = []
        fields = vio.make_fields(self.SUMMARY_FIELDS)
        for code, key, count, fshare, area, ashare in shares.as_rows():
            feature = QgsFeature(fields)
            points = inp.areas_km2 is None
            feature.setAttributes([int(code), key, self.class_label(key), int(count), float(100 * fshare),
                                   None if points else float(area), None if points else float(100 * ashare)])
            features.append(feature)
        self.add_features(sink, features, parameters, self.OUTPUT_SUMMARY)
        del sink
        return dest_id

    def summary_table(self, shares, inp: StatsInput, first_header: str) -> str:
        """HTML table of :meth:`summary_results`' shares (class words, counts, shares, areas)."""
        points = inp.areas_km2 is None
        rows = [[self.class_label(key), count, 100 * fs, None if points else area, None if points else 100 * ashare]
                for _, key, count, fs, area, ashare in shares.as_rows()]
        total_area = None if points else float(np.nansum([r[3] for r in rows]))
        rows.append([self.tr("Total"), int(sum(r[1] for r in rows)), 100.0, total_area, None if points else 100.0])
        return html_table([first_header, self.tr("Features"), self.tr("Features %"), self.tr("Area (km²)"),
                           self.tr("Area %")], rows, digits=2, total_last=True)

    def scatterplot_section(self, z, lag, clusters=None, moran_i=None) -> list[str]:
        """Report section with the Moran scatterplot (or a note that matplotlib is missing): quadrants
        labelled HH/LH/LL/HL, symmetric axes and Moran's I in the title."""
        title = self.tr("Moran scatterplot") if moran_i is None else self.tr(
            "Moran scatterplot, Moran's I = {i}").format(i=f"{moran_i:.4f}")
        svg = moran_scatter_svg(z, lag, self.tr("slope {slope:.4f}"), self.tr("Standardised value"),
                                self.tr("Spatial lag of the standardised value"), clusters=clusters, title=title,
                                quadrant_labels=(self.tr("HH (high-high)"), self.tr("LH (low-high)"),
                                                 self.tr("LL (low-low)"), self.tr("HL (high-low)")))
        return [f"<h2>{html.escape(self.tr('Moran scatterplot'))}</h2>",
                svg or f"<p>{html.escape(self.tr('matplotlib is not installed: no plot.'))}</p>"]

    def reference_distribution_section(self, sims, observed, expected, p_sim) -> list[str]:
        """Report section with the histogram of Moran's I under the permutations (GeoDa's reference
        distribution), the observed I and its expectation marked."""
        from ...reporting.charts import reference_distribution_svg

        if sims is None or len(sims) == 0:
            return []
        svg = reference_distribution_svg(
            sims, observed, expected,
            self.tr("Moran's I = {i}, {n} permutations, pseudo p = {p}").format(
                i=f"{observed:.4f}", n=len(sims), p=f"{p_sim:.4g}"),
            self.tr("Moran's I of the permuted values"), self.tr("Permutations"),
            self.tr("observed I"), self.tr("expected I = -1/(n-1)"))
        return [f"<h2>{html.escape(self.tr('Reference distribution'))}</h2>",
                svg or f"<p>{html.escape(self.tr('matplotlib is not installed: no plot.'))}</p>"]

    def write_report(self, path: str, title: str, body: list[str], note: str) -> None:
        """Write the HTML report: ``body`` sections and a closing note on the conventions."""
        document = html_document(title, [*body, f'<p class="note">{html.escape(note)}</p>'], html_language())
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(document)

    # reading -------------------------------------------------------------------------------
    def read_input(self, parameters, context, feedback, progress_range=(0.0, 20.0)) -> StatsInput:
        """Read the layer and build the (untransformed) spatial weights, logging every choice."""
        source = self.source(parameters, self.INPUT, context)
        field = self.parameterAsString(parameters, self.FIELD, context)
        geometry_type = QgsWkbTypes.geometryType(source.wkbType())
        if geometry_type not in (compat.GEOMETRY_POLYGON, compat.GEOMETRY_POINT):
            raise QgsProcessingException(
                self.tr("Layer {layer} must be a polygon or point layer.").format(layer=source.sourceName())
            )
        point_layer = geometry_type == compat.GEOMETRY_POINT
        self.check_weights_parameters(parameters, context, source, point_layer)

        start, end = progress_range
        names = [f.name() for f in source.fields()]
        data = vio.read_features(
            source, context, feedback, fields=names, geometry="point" if point_layer else "polygon",
            progress_range=(start, start + 0.5 * (end - start)), allow_empty=False,
        )
        if feedback.isCanceled():
            return None
        if len(data) < 3:
            raise QgsProcessingException(
                self.tr("Layer {layer} has {n} usable features; spatial statistics need at least 3.").format(
                    layer=data.layer_name, n=len(data)
                )
            )
        values = data.numeric(field, allow_null=False)
        weights, label, distance_crs, projected = self.build_weights(parameters, context, feedback, source, data,
                                                                     point_layer)

        areas = None
        if not point_layer:
            areas = self._areas_km2(source, context, feedback, data, projected)
        self._log_weights(weights, data, label, feedback)
        feedback.setProgress(end)
        return StatsInput(
            data=data, values=values, weights=weights, areas_km2=areas, point_layer=point_layer, field=field,
            weights_label=label, distance_crs=distance_crs, wkb_type=QgsWkbTypes.multiType(source.wkbType()),
        )

    def check_weights_parameters(self, parameters, context, source, point_layer) -> None:
        """Refuse weights settings that cannot work (before any feature is read)."""
        method = WeightsMethod(self.parameterAsEnum(parameters, self.WEIGHTS, context))
        weights_file = self.parameterAsFile(parameters, self.WEIGHTS_FILE, context)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        if weights_file and not id_field:
            raise QgsProcessingException(
                self.tr("A weights file needs the 'Id field' that holds the ids used in {file}.").format(
                    file=os.path.basename(weights_file)
                )
            )
        if weights_file and not os.path.isfile(weights_file):
            raise QgsProcessingException(self.tr("The weights file {file} does not exist.").format(file=weights_file))
        if not weights_file and point_layer and method in (WeightsMethod.QUEEN, WeightsMethod.ROOK):
            raise QgsProcessingException(
                self.tr(
                    "Contiguity weights need polygons, but {layer} is a point layer: choose a distance "
                    "band, K nearest neighbours or inverse distance."
                ).format(layer=source.sourceName())
            )

    def build_weights(self, parameters, context, feedback, source, data, point_layer):
        """The spatial weights (as built) of the features ``data`` read from ``source``.

        Returns ``(weights, label, distance_crs, projected)``: a translated description, the CRS of
        distances ("" for contiguity and files) and the geometries re-read in that CRS (or None).
        """
        import shapely

        from ...core import weights as cw

        method = WeightsMethod(self.parameterAsEnum(parameters, self.WEIGHTS, context))
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        k = self.parameterAsInt(parameters, self.K, context)
        weights_file = self.parameterAsFile(parameters, self.WEIGHTS_FILE, context)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        distance_crs = ""
        projected = None
        if weights_file:
            ids = data.attributes[id_field]
            if any(v is None for v in ids):
                bad = int(data.fids[[v is None for v in ids].index(True)])
                raise QgsProcessingException(
                    self.tr("Id field {field} is NULL for feature {fid}.").format(field=id_field, fid=bad)
                )
            weights = cw.read_weights_file(weights_file, ids)
            label = self.tr("weights file {file} (ids from {field})").format(
                file=os.path.basename(weights_file), field=id_field
            )
        elif method in (WeightsMethod.QUEEN, WeightsMethod.ROOK):
            contiguity = "queen" if method == WeightsMethod.QUEEN else "rook"
            weights = self._lattice_from_row_col(data, contiguity, feedback)
            if weights is not None:
                label = self.tr("{kind} contiguity from the fishnet's row/col fields").format(kind=contiguity)
            else:
                weights = cw.contiguity_weights(data.geometries, contiguity)
                label = self.tr("{kind} contiguity from shared polygon vertices/edges").format(kind=contiguity)
        else:
            dist_crs = source.sourceCrs()
            if not crs_io.is_projected_metres(dist_crs):
                dist_crs = crs_io.equal_area_crs_for(source.sourceExtent(), source.sourceCrs(), context,
                                                     layer_name=source.sourceName())
                projected = self._reread(source, context, feedback, data, dist_crs, point_layer)
                geoms = projected
            else:
                geoms = data.geometries
            distance_crs = dist_crs.authid() or dist_crs.toProj()
            feedback.pushInfo(self.tr("Distances measured in {crs} (metres).").format(crs=distance_crs))
            coords = shapely.get_coordinates(shapely.centroid(geoms))
            threshold = distance if distance > 0 else None
            if method == WeightsMethod.DISTANCE_BAND:
                weights = cw.distance_band_weights(coords, threshold)
                label = self.tr("fixed distance band of {d:.1f} m").format(d=weights.threshold)
            elif method == WeightsMethod.KNN:
                weights = cw.knn_weights(coords, k)
                label = self.tr("{k} nearest neighbours").format(k=k)
            else:
                weights = cw.inverse_distance_weights(coords, threshold)
                label = self.tr("inverse distance within {d:.1f} m").format(d=weights.threshold)
            if threshold is None and method != WeightsMethod.KNN:
                feedback.pushInfo(
                    self.tr(
                        "Distance band chosen automatically: {d:.1f} m, the smallest distance that gives "
                        "every feature a neighbour."
                    ).format(d=weights.threshold)
                )
        return weights, label, distance_crs, projected

    def _lattice_from_row_col(self, data, contiguity, feedback):
        """Lattice weights from integer ``row``/``col`` fields (a fishnet), else None."""
        from ...core import weights as cw
        from ...core.errors import InvalidInputError

        names = {n.lower(): n for n in data.attributes}
        if "row" not in names or "col" not in names:
            return None
        rows, cols = data.attributes[names["row"]], data.attributes[names["col"]]
        if any(v is None or (isinstance(v, float) and not float(v).is_integer()) for v in rows) or any(
            v is None or (isinstance(v, float) and not float(v).is_integer()) for v in cols
        ):
            return None
        try:
            return cw.lattice_weights(
                np.asarray(rows, dtype=np.float64), np.asarray(cols, dtype=np.float64), contiguity
            )
        except InvalidInputError as err:
            feedback.pushWarning(
                self.tr("The row/col fields do not identify the cells ({reason}); using the geometries.").format(
                    reason=str(err)
                )
            )
            return None

    def _reread(self, source, context, feedback, data, crs, point_layer):
        """Geometries of ``data``'s features transformed to ``crs`` (aligned by feature id)."""
        other = vio.read_features(source, context, feedback, crs=crs, geometry="point" if point_layer else "polygon")
        if np.array_equal(other.fids, data.fids):
            return other.geometries
        position = {int(f): i for i, f in enumerate(other.fids)}
        missing = [int(f) for f in data.fids if int(f) not in position]
        if missing:
            raise QgsProcessingException(
                self.tr("Feature {fid} could not be transformed to {crs}.").format(
                    fid=missing[0], crs=crs.authid() or crs.toProj()
                )
            )
        return other.geometries[[position[int(f)] for f in data.fids]]

    def _areas_km2(self, source, context, feedback, data, projected):
        """Polygon areas in km² from an equal-area CRS (the layer's own if it is equal-area)."""
        import shapely

        crs = source.sourceCrs()
        proj = crs.toProj() or ""
        if crs_io.is_projected_metres(crs) and any(p in proj for p in _EQUAL_AREA_PROJ):
            return shapely.area(data.geometries) / 1e6
        if projected is not None:
            return shapely.area(projected) / 1e6
        ea = crs_io.equal_area_crs_for(source.sourceExtent(), crs, context, layer_name=source.sourceName())
        return shapely.area(self._reread(source, context, feedback, data, ea, False)) / 1e6

    def _log_weights(self, weights, data, label, feedback):
        card = weights.cardinalities
        feedback.pushInfo(
            self.tr(
                "Spatial weights: {label}; {n} features, neighbours per feature min {min} / mean {mean:.2f} "
                "/ max {max}."
            ).format(label=label, n=weights.n, min=int(card.min()), mean=float(card.mean()), max=int(card.max()))
        )
        if weights.n_islands:
            fids = ", ".join(str(int(f)) for f in data.fids[weights.islands][:20])
            feedback.pushWarning(
                self.tr(
                    "{n} features have no neighbours (feature ids {ids}{more}). They are kept with a zero "
                    "spatial lag in the global statistics and get no local statistic (NULL, cluster type "
                    "NN, Gi_Bin 0)."
                ).format(n=weights.n_islands, ids=fids, more=" ..." if weights.n_islands > 20 else "")
            )

    def permutation_settings(self, parameters, context):
        return (
            self.parameterAsInt(parameters, self.PERMUTATIONS, context),
            self.parameterAsInt(parameters, self.SEED, context),
        )

    def layer_style(self, style: str, inp: StatsInput) -> str:
        """The style of an output of ``inp``: the polygon style, or its point version (circles of the
        same colours) for a point layer."""
        from ... import styling

        return styling.point_qml(styling.style_path(style)) if inp.point_layer else style

    def transform_words(self, code: str) -> str:
        """Words for a weights standardisation code (log and reports, never the code letter)."""
        return {"R": self.tr("row-standardised"), "O": self.tr("binary"), "B": self.tr("binary")}.get(code, code)

    def transform(self, parameters, context) -> str:
        return TRANSFORM_CODE[Standardization(self.parameterAsEnum(parameters, self.STANDARDIZATION, context))]

    # writing -------------------------------------------------------------------------------
    def write_layer(self, parameters, name, context, feedback, inp: StatsInput, new_fields, columns,
                    progress_range=(90.0, 100.0)):
        """Write the input features with their attributes plus ``new_fields`` (name, kind)."""
        import shapely
        from qgis.core import QgsFields

        taken = {n.lower() for n, _ in new_fields}
        source_fields = inp.data.attributes
        fields = QgsFields()
        kept = []
        layer_fields = self.parameterAsSource(parameters, self.INPUT, context).fields()
        for f in layer_fields:
            if f.name().lower() in taken:
                feedback.pushWarning(
                    self.tr("Input field {field} is replaced by the result field of the same name.").format(
                        field=f.name()
                    )
                )
                continue
            fields.append(f)
            kept.append(f.name())
        for f in vio.make_fields(new_fields):
            fields.append(f)
        sink, dest_id = self.sink(parameters, name, context, fields, inp.wkb_type, inp.data.crs)
        geoms = inp.data.geometries
        parts, index = shapely.get_parts(geoms, return_index=True)
        maker = shapely.multipoints if inp.point_layer else shapely.multipolygons
        multi = maker(parts, indices=index)
        all_columns = [source_fields[n] for n in kept] + list(columns)
        vio.write_features(self, sink, parameters, name, feedback, all_columns, multi,
                           progress_range=progress_range)
        del sink
        return dest_id
