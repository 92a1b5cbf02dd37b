"""MineMonitorAlgorithm: the base class of every MineMonitor Processing algorithm."""

from __future__ import annotations

import contextlib
import gc
import os
import traceback

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP
from qgis.PyQt.QtGui import QIcon

from .. import deps, styling
from ..core.errors import CancelledError, MineMonitorError
from ..i18n import core_error_message, tr_for

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
        self._created_outputs: list[str] = []

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
        return self.tr(
            "This algorithm needs the Python package(s) {packages}, which are not installed "
            "for QGIS's Python. Install them with Plugins > MineMonitor > Install Python dependencies, "
            "or on a server with: python3 -m minemonitor_plugin.installer (QGIS's numpy and scipy are "
            "kept). Alternatively, for the current user:\n{command}"
        ).format(packages=", ".join(missing), command=deps.install_command(missing))

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

        table = ogr_batch.batch_table(self, parameters, name, context)
        if table is not None:
            setattr(src, ogr_batch.BATCH_ATTRIBUTE, table)
        return src

    def sink(self, parameters, name, context, fields, wkb_type, crs):
        """``parameterAsSink`` that raises the standard invalid-sink error and remembers the
        destination so it can be removed if the run fails or is cancelled."""
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        self._created_outputs.append(dest_id)
        return sink, dest_id

    def output_file(self, parameters, name, context) -> str:
        """``parameterAsOutputLayer`` / file destination path, removed again if the run fails."""
        path = self.parameterAsOutputLayer(parameters, name, context)
        if not path:
            path = self.parameterAsFileOutput(parameters, name, context)
        if path:
            self._created_outputs.append(path)
        return path

    def raster_destination(self, parameters, name, context) -> str:
        """Output path of a raster destination ("" when an optional output is skipped); MineMonitor
        writes tiled GeoTIFFs only, so another format is refused with a message naming the output."""
        path = self.output_file(parameters, name, context)
        if path and not path.lower().endswith((".tif", ".tiff")):
            raise QgsProcessingException(
                self.tr("The output {output} must be a GeoTIFF (.tif) file; got {path}.").format(output=name, path=path)
            )
        return path or ""

    def add_features(self, sink, features, parameters, name):
        """Write ``features`` (a list) to ``sink``; a failed write raises the standard error."""
        from ..compat import FAST_INSERT

        if not sink.addFeatures(features, FAST_INSERT):
            raise QgsProcessingException(self.writeFeatureError(sink, parameters, name))

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
        if context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)
            details.setPostProcessor(styling.QmlStylePostProcessor.create(qml))

    def progress_callback(self, feedback, start: float = 0.0, end: float = 100.0):
        """A core ``progress(fraction) -> bool`` callback mapped onto [start, end] percent."""

        def progress(fraction: float) -> bool:
            feedback.setProgress(start + (end - start) * min(max(fraction, 0.0), 1.0))
            return not feedback.isCanceled()

        return progress

    # running -----------------------------------------------------------------------------------
    def execute(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):
        missing = deps.missing(self.REQUIREMENTS)
        if missing:
            raise QgsProcessingException(self.dependency_message(missing))
        self._styled_outputs = []
        self._created_outputs = []
        try:
            results = self.execute(parameters, context, feedback)
            if feedback.isCanceled():
                raise CancelledError()
        except CancelledError as err:
            self._discard_outputs(err)
            raise QgsProcessingException(self.tr("Cancelled: no output was written.")) from None
        except MineMonitorError as err:
            self._discard_outputs(err)
            raise QgsProcessingException(core_error_message(err)) from None
        except QgsProcessingException as err:
            self._discard_outputs(err)
            raise
        except MemoryError as err:
            self._discard_outputs(err)
            raise QgsProcessingException(
                self.tr("Not enough memory for {algorithm}; try a coarser setting or a smaller input.").format(
                    algorithm=self.displayName()
                )
            ) from None
        except Exception as err:  # an unexpected bug: clean message, traceback only in the log
            feedback.pushDebugInfo("".join(traceback.format_exception(type(err), err, err.__traceback__)))
            self._discard_outputs(err)
            raise QgsProcessingException(
                self.tr("Unexpected error in {algorithm}: {error}. Please report it with the log.").format(
                    algorithm=self.displayName(), error=f"{type(err).__name__}: {err}"
                )
            ) from None
        self._embed_styles(feedback)
        return results

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

    def _discard_outputs(self, err: BaseException) -> None:
        """Remove file outputs created during a failed or cancelled run."""
        if err.__traceback__ is not None:
            traceback.clear_frames(err.__traceback__)
        gc.collect()  # closes sinks still referenced by the failed frames
        for dest_id in self._created_outputs:
            path = dest_id.split("|")[0]
            if os.path.isfile(path):
                for suffix in ("", "-wal", "-shm", "-journal"):
                    with contextlib.suppress(OSError):
                        os.remove(path + suffix)
        self._created_outputs = []
