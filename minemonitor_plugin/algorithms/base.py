"""MineMonitorAlgorithm: the base class of every MineMonitor Processing algorithm."""

from __future__ import annotations

import gc
import os
import traceback

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP
from qgis.PyQt.QtGui import QIcon

from .. import compat, deps, styling
from ..core.errors import CancelledError, MineMonitorError
from ..i18n import core_error_message, tr_for
from ..qgis_io.outputs import IncompleteOutputError

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
ICON_DIR = os.path.join(PLUGIN_DIR, "resources", "icons")

#: Toolbox groups: ``GROUP_ID`` -> English name (translated by :meth:`MineMonitorAlgorithm.group`).
GROUPS = {
    "grids": QT_TRANSLATE_NOOP("MineMonitorAlgorithm", "Grids and density"),
    "spatialstatistics": QT_TRANSLATE_NOOP("MineMonitorAlgorithm", "Spatial statistics"),
    "footprints": QT_TRANSLATE_NOOP("MineMonitorAlgorithm", "Footprint analysis"),
    "sensitivity": QT_TRANSLATE_NOOP("MineMonitorAlgorithm", "Sensitivity"),
    "vegetation": QT_TRANSLATE_NOOP("MineMonitorAlgorithm", "Vegetation"),
    "monitoring": QT_TRANSLATE_NOOP("MineMonitorAlgorithm", "Monitoring"),
    "reporting": QT_TRANSLATE_NOOP("MineMonitorAlgorithm", "Reporting"),
}


class MineMonitorAlgorithm(QgsProcessingAlgorithm):
    """Base class: identity, translation, help, dependency checks and error handling.

    Subclasses set ``ALG_ID``, ``GROUP_ID`` and optionally ``REQUIREMENTS`` and implement
    ``displayName``, ``shortHelpString``, ``shortDescription``, ``initAlgorithm`` and ``execute``
    (not ``run``: QgsProcessingAlgorithm.run is QGIS's own entry point).
    """

    ALG_ID = ""
    GROUP_ID = ""
    REQUIREMENTS: tuple[str, ...] = ()
    ICON = "minemonitor.svg"

    def __init__(self):
        super().__init__()
        self._styled_outputs: list[tuple] = []
        self._outputs = None  # qgis_io.outputs.OutputGuard of the running execution

    # identity ---------------------------------------------------------------------------
    def tr(self, text: str) -> str:
        """Translate with this class's context (and its bases')."""
        return tr_for(self, text)

    def createInstance(self):
        return type(self)()

    def name(self):
        return self.ALG_ID

    def groupId(self):
        return self.GROUP_ID

    def group(self):
        return tr_for(self, GROUPS[self.GROUP_ID]) if self.GROUP_ID in GROUPS else self.GROUP_ID

    def icon(self):
        return QIcon(self.svgIconPath())

    def svgIconPath(self):
        path = os.path.join(ICON_DIR, f"{self.ALG_ID}.svg")
        return path if os.path.exists(path) else os.path.join(ICON_DIR, self.ICON)

    def helpUrl(self):
        """The algorithm's page of the local help shipped with the plugin, in the run's language."""
        from ..help import help_url

        return help_url(f"minemonitor:{self.ALG_ID}")

    # parameters ---------------------------------------------------------------------------
    def add_parameter(self, parameter, help_text: str, advanced: bool = False):
        """Add ``parameter`` with its help text (mandatory) and the Advanced flag if asked."""
        from ..compat import FLAG_ADVANCED

        parameter.setHelp(help_text)
        if advanced:
            parameter.setFlags(parameter.flags() | FLAG_ADVANCED)
        self.addParameter(parameter)
        return parameter

    COMPRESSION = "COMPRESSION"

    def add_compression_parameter(self):
        """The advanced COMPRESSION parameter of algorithms writing rasters (qgis_io.raster.COMPRESSIONS)."""
        from qgis.core import QgsProcessingParameterEnum

        self.add_parameter(
            QgsProcessingParameterEnum(
                self.COMPRESSION, self.tr("Raster output compression"),
                options=[self.tr("DEFLATE (read by every GIS)"),
                         self.tr("ZSTD (3-4 times faster to write, same size; GDAL 2.3+, QGIS 3)"),
                         self.tr("LZW"), self.tr("None")],
                defaultValue=0),
            self.tr("Compression of the output GeoTIFFs (tiled 256 x 256 either way). DEFLATE can be read by "
                    "any GIS, ArcGIS included; ZSTD writes Float32 rasters several times faster at the same "
                    "size and is read by QGIS and any GDAL since 2.3."),
            advanced=True,
        )

    def raster_compression(self, parameters, context, feedback) -> list:
        """Creation options of the chosen COMPRESSION, written to the log."""
        from ..qgis_io import raster as rio

        name = rio.COMPRESSIONS[self.parameterAsEnum(parameters, self.COMPRESSION, context)]
        feedback.pushInfo(self.tr("Raster outputs: tiled GeoTIFF, {compression} compression.").format(
            compression=name))
        return rio.compression_options(name)

    def add_output(self, output):
        """Add a (number/string/html...) output definition."""
        self.addOutput(output)
        return output

    # dependencies -----------------------------------------------------------------------------
    def canExecute(self):
        missing = deps.missing(self.REQUIREMENTS)
        if missing:
            return False, self.dependency_message(missing)
        return True, ""

    def dependency_message(self, missing) -> str:
        system = [m for m in missing if m in deps.SYSTEM_PACKAGES]
        if system:
            return self.tr(
                "This algorithm needs the Python package(s) {packages}, which must come with QGIS's Python "
                "(Debian/Ubuntu: sudo apt install python3-numpy python3-scipy; OSGeo4W and the macOS app "
                "ship them)."
            ).format(packages=", ".join(system))
        try:
            from ..installer import running_target

            target = running_target()
        except Exception:  # no running QGIS application: the default profile's folder
            target = None
        return self.tr(
            "This algorithm needs the Python package(s) {packages}, which are not installed "
            "for QGIS's Python. Install them with Plugins > MineMonitor > Install Python dependencies, "
            "or on the command line (QGIS's numpy and scipy are kept):\n{command}"
        ).format(packages=", ".join(missing), command=deps.install_command(target))

    # inputs / outputs ---------------------------------------------------------------------------
    def source(self, parameters, name, context, optional=False):
        """``parameterAsSource`` that raises the standard invalid-source error.

        A whole GeoPackage table is marked for batch reading (``qgis_io.ogr_batch``), which
        ``qgis_io.vector.read_features`` then uses instead of QGIS's feature iterator."""
        src = self.parameterAsSource(parameters, name, context)
        if src is None:
            if not optional:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            return src
        from ..qgis_io import ogr_batch
        from ..qgis_io.crs import check_source_crs

        if src.wkbType() != compat.WKB_NO_GEOMETRY:
            check_source_crs(src)

        table = ogr_batch.batch_table(self, parameters, name, context)
        if table is not None:
            setattr(src, ogr_batch.BATCH_ATTRIBUTE, table)
        return src

    def _guard(self):
        from ..qgis_io.outputs import OutputGuard

        if self._outputs is None:
            self._outputs = OutputGuard()
        return self._outputs
    def layer_sources(self, parameters, name, context):
        """The layers of a multiple-layers parameter as feature sources, in the order given (for
        ``qgis_io.vector.read_features``); a layer that cannot be loaded raises the standard error."""
        from qgis.core import QgsProcessingFeatureSource, QgsProviderRegistry

        sources = []
        for layer in self.parameterAsLayerList(parameters, name, context):
            if layer is None or not layer.isValid():
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            source = QgsProcessingFeatureSource(layer, context)
            source._minemonitor_layer = layer  # the source does not own the layer: keep it alive
            # the table name of a multi-layer file (gpkg|layername=...), else the layer's own name
            parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
            source._minemonitor_name = parts.get("layerName") or layer.name()
            sources.append(source)
        return sources

    def sink(self, parameters, name, context, fields, wkb_type, crs):
        """``parameterAsSink`` writing under a temporary name (``qgis_io.outputs``): the output is
        moved into place when the run completes and removed if it fails or is cancelled. Raises the
        standard invalid-sink error. Returns ``(sink, dest_id)``; ``dest_id`` is temporary until the
        run completes (the base class maps it in the results)."""
        from qgis.core import QgsProcessingOutputLayerDefinition, QgsProperty

        value = parameters.get(name)
        project = value.destinationProject if isinstance(value, QgsProcessingOutputLayerDefinition) else None
        final = self.parameterAsOutputLayer(
            {name: QgsProcessingOutputLayerDefinition(value.sink) if project is not None else value}, name, context)
        planned = self._guard().plan_sink(name, final)
        if planned is not None:
            tmp_destination, plan = planned
            redirected = QgsProcessingOutputLayerDefinition(QgsProperty.fromValue(tmp_destination), project)
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                redirected.destinationName = value.destinationName
                redirected.createOptions = value.createOptions
            parameters = {**parameters, name: redirected}
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        if planned is not None:
            self._guard().set_written_id(plan, dest_id)
        return sink, dest_id

    def output_file(self, parameters, name, context) -> str:
        """Path to write a file output (raster, HTML...) to: a temporary name beside the requested
        file, moved into place when the run completes and removed if it fails ("" when an optional
        output is skipped)."""
        path = self.parameterAsOutputLayer(parameters, name, context)
        if not path:
            path = self.parameterAsFileOutput(parameters, name, context)
        if not path:
            return ""
        return self._guard().plan_file(name, path)

    def final_path(self, path: str) -> str:
        """The path an output written to ``path`` (from :meth:`output_file`) will have (for logs)."""
        return self._outputs.final_id(path) if self._outputs is not None else path

    def raster_destination(self, parameters, name, context) -> str:
        """Output path of a raster destination ("" when an optional output is skipped); MineMonitor
        writes tiled GeoTIFFs only, so another format is refused with a message naming the output."""
        path = self.output_file(parameters, name, context)
        if path and not path.lower().endswith((".tif", ".tiff")):
            raise QgsProcessingException(
                self.tr("The output {output} must be a GeoTIFF (.tif) file; got {path}.").format(
                    output=name, path=self.final_path(path))
            )
        return path or ""

    def write_table(self, parameters, name, context, spec, rows) -> str | None:
        """Write ``rows`` (lists of Python values in the order of ``spec``, ``[(field, kind), ...]`` as
        :func:`qgis_io.vector.make_fields` takes) to the table output ``name``; None when that optional
        output was not requested, else its destination id."""
        from qgis.core import QgsCoordinateReferenceSystem, QgsFeature

        from ..qgis_io import vector as vio

        if not self.parameterAsOutputLayer(parameters, name, context):
            return None
        fields = vio.make_fields(spec)
        sink, dest_id = self.sink(parameters, name, context, fields, compat.WKB_NO_GEOMETRY,
                                  QgsCoordinateReferenceSystem())
        features = []
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(list(row))
            features.append(feature)
        self.add_features(sink, features, parameters, name)
        del sink
        return dest_id

    def add_features(self, sink, features, parameters, name):
        """Write ``features`` (a list) to ``sink``; a failed write raises the standard error."""
        from ..compat import FAST_INSERT

        if not sink.addFeatures(features, FAST_INSERT):
            raise QgsProcessingException(self.writeFeatureError(sink, parameters, name))
        if self._outputs is not None:
            self._outputs.count_features(name, len(features))

    def style_output(self, context, dest_id: str, style: str, extra_styles=()) -> None:
        """Style output ``dest_id`` with ``resources/styles/<style>.qml``, or with the QML file at path
        ``style`` (a style generated for this run, e.g. a ramp scaled to the data).

        Legend labels follow the run's language (``styling.localised_qml``). In the desktop the style
        is applied when the layer loads (one post-processor instance per output); file outputs also
        carry it (inside a GeoPackage, as a sidecar .qml otherwise), so a headless result opens styled.
        ``extra_styles`` are stored in a GeoPackage output as further, non-default styles the user can
        switch to (e.g. the LISA significance map beside the cluster map).
        """
        qml = styling.localised_qml(style if os.path.isfile(style) else styling.style_path(style))
        self._styled_outputs.append((dest_id, qml))
        for extra in extra_styles:
            path = styling.localised_qml(extra if os.path.isfile(extra) else styling.style_path(extra))
            self._styled_outputs.append((dest_id, path, False))
        for key in (dest_id, self.final_path(dest_id)):  # sinks register the temporary id, rasters the final
            if context.willLoadLayerOnCompletion(key):
                details = context.layerToLoadOnCompletionDetails(key)
                details.setPostProcessor(styling.QmlStylePostProcessor.create(qml))
                break

    def progress_callback(self, feedback, start: float = 0.0, end: float = 100.0):
        """A core ``progress(fraction) -> bool`` callback mapped onto [start, end] percent."""

        def progress(fraction: float) -> bool:
            feedback.setProgress(start + (end - start) * min(max(fraction, 0.0), 1.0))
            return not feedback.isCanceled()

        return progress

    # running -----------------------------------------------------------------------------------
    def execute(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError

    def checkParameterValues(self, parameters, context):
        from .checks import parameter_values_result

        return parameter_values_result(self, parameters, context, super().checkParameterValues(parameters, context))

    def processAlgorithm(self, parameters, context, feedback):
        missing = deps.missing(self.REQUIREMENTS)
        if missing:
            raise QgsProcessingException(self.dependency_message(missing))
        from .checks import check_all

        problem = check_all(self, parameters, context)  # also when a model or script skipped checkParameterValues
        if problem:
            raise QgsProcessingException(problem)
        self._styled_outputs = []
        self._outputs = None
        try:
            results = self.execute(parameters, context, feedback)
            if feedback.isCanceled():
                raise CancelledError()
            results = self._commit_outputs(results, context)
        except CancelledError as err:
            self._discard_outputs(err, feedback)
            raise QgsProcessingException(self.tr("Cancelled: no output was written.")) from None
        except MineMonitorError as err:
            self._discard_outputs(err, feedback)
            raise QgsProcessingException(core_error_message(err)) from None
        except QgsProcessingException as err:
            message = self._outputs.map_text(str(err)) if self._outputs is not None else str(err)
            self._discard_outputs(err, feedback)
            if message != str(err):
                raise QgsProcessingException(message) from None
            raise
        except MemoryError as err:
            self._discard_outputs(err, feedback)
            raise QgsProcessingException(
                self.tr("Not enough memory for {algorithm}; try a coarser setting or a smaller input.").format(
                    algorithm=self.displayName()
                )
            ) from None
        except IncompleteOutputError as err:
            self._discard_outputs(err, feedback)
            raise QgsProcessingException(
                self.tr("Output {output} is incomplete: {written} features were written but {path} holds {found}. "
                        "Is the disk full, or the file size limited? Nothing was kept.").format(
                    output=err.name, written=err.written, path=err.path, found=err.found)
            ) from None
        except OSError as err:  # a disk full, a file that vanished, a folder made read-only meanwhile
            self._discard_outputs(err, feedback)
            raise QgsProcessingException(
                self.tr("{algorithm} could not write or read a file: {error}").format(
                    algorithm=self.displayName(), error=err)
            ) from None
        except Exception as err:  # an unexpected bug: clean message, traceback only in the log
            feedback.pushDebugInfo("".join(traceback.format_exception(type(err), err, err.__traceback__)))
            self._discard_outputs(err, feedback)
            raise QgsProcessingException(
                self.tr("Unexpected error in {algorithm}: {error}. Please report it with the log.").format(
                    algorithm=self.displayName(), error=f"{type(err).__name__}: {err}"
                )
            ) from None
        self._embed_styles(feedback)
        return results

    def _commit_outputs(self, results, context):
        """Close the sinks, move every output into place and give the results their final ids."""
        gc.collect()  # sinks unreferenced once execute returned are closed (flushed) here
        if self._outputs is None:
            return results
        self._outputs.verify()
        self._outputs.commit(context)
        self._styled_outputs = [(self._outputs.final_id(entry[0]), *entry[1:]) for entry in self._styled_outputs]
        return self._outputs.map_results(results)

    def _embed_styles(self, feedback) -> None:
        """Write styles into the file outputs (GeoPackage style table, sidecar .qml).

        Done here, as soon as ``execute`` has returned (its sinks are then unreferenced and closed
        by the collection below), not in postProcessAlgorithm: inside a model the next child
        algorithm (e.g. the report) reads these outputs before the model's post-processing runs.
        """
        gc.collect()
        for dest_id, qml, *default in self._styled_outputs:
            try:
                styling.embed_style(dest_id, qml, *default)
            except Exception as err:  # a style must never fail a finished analysis
                feedback.pushWarning(self.tr("Could not store the style in {output}: {error}").format(
                    output=dest_id, error=err))

    def _discard_outputs(self, err: BaseException, feedback=None) -> None:
        """Remove what a failed or cancelled run wrote; outputs of earlier runs and other layers of a
        GeoPackage stay untouched (``qgis_io.outputs``)."""
        if err.__traceback__ is not None:
            traceback.clear_frames(err.__traceback__)
        gc.collect()  # closes sinks still referenced by the failed frames
        if self._outputs is None:
            return
        left = self._outputs.discard()
        if left and feedback is not None:
            feedback.reportError(self.tr("Could not remove the partial outputs {paths}; delete them by hand.").format(
                paths=", ".join(left)))
        self._outputs = None
