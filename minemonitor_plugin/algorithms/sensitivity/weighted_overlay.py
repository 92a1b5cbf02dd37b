"""minemonitor:weightedoverlay: combine graded rasters with weights into a score (and classes)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsRasterLayer,
)

from ... import compat
from ...engine.tasks import PassThrough
from ...qgis_io import raster as rio
from .base import SensitivityAlgorithm


class WeightedOverlayAlgorithm(SensitivityAlgorithm):
    """Plain sum, ArcGIS-style percent influence or float weighted sum of aligned rasters."""

    ALG_ID = "weightedoverlay"

    FACTORS = "FACTORS"
    WEIGHTS = "WEIGHTS"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Weighted overlay")

    def shortDescription(self):
        return self.tr("Adds graded factor rasters with weights (plain sum, ArcGIS percent influence or weighted "
                       "sum), block by block, and optionally classifies the score.")

    def tags(self):
        return self.tr("weighted overlay,weighted sum,sum,suitability,sensitivity,multi-criteria,raster "
                       "calculator").split(",")

    def shortHelpString(self):
        return self.tr(
            "Combines factor rasters (usually graded with 'Grade factor raster') into a score, reading and "
            "writing block by block so memory does not grow with the rasters; the next block is decoded on a "
            "second thread while the current one is computed.\n\n"
            "Methods: 'Plain sum' adds the values (the paper's model: 13 factors graded 1-4 summed); "
            "'Percent influence' is ArcGIS Weighted Overlay: integer grades times whole-number percentage "
            "weights adding up to 100, the result rounded half up to an integer (2.5 -> 3); 'Weighted sum' "
            "multiplies each raster by any weight and adds them (float result).\n\n"
            "Weights: one per factor raster in the order of the list, separated by commas (e.g. 30, 20, 50). "
            "Empty: 1 each (or equal percentages).\n\n"
            "NoData: by default a pixel that is NoData in any factor is NoData in the score. With 'skip and "
            "renormalise', NoData factors are left out and the others' weights scaled up to the same total "
            "(score = sum of w·x over valid factors × sum of all w / sum of valid w); a pixel with no valid "
            "factor stays NoData. The plain sum then becomes a float.\n\n"
            "Grids: the rasters are put on the grid of the reference raster (default: the first factor): "
            "those with another CRS, pixel size or extent are resampled with the stated method (nearest "
            "neighbour by default, right for grades), or refused if resampling is not allowed. Band 1 of "
            "each raster is used.\n\n"
            "Optionally the score is classified (natural breaks by exact Fisher-Jenks on a deterministic "
            "sample, or user breaks) into a class raster. Outputs are tiled DEFLATE GeoTIFFs (score Int16 "
            "with NoData -32768 when integer, else Float32)."
        )

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.FACTORS, self.tr("Factor rasters"), compat.TYPE_RASTER),
            self.tr("The rasters to combine (band 1 of each), e.g. the graded factors."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.WEIGHTS, self.tr("Weights"), optional=True, defaultValue=""),
            self.tr("One weight per factor raster, in the order of the list, separated by commas. Empty: equal "
                    "weights. Percent influence needs whole numbers adding up to 100."),
        )
        self.add_overlay_parameters(self.tr("How the factors are combined (see the help)."),
                                    self.tr("What a NoData pixel in one of the factors does to the score."))
        self.add_alignment_parameters(
            self.tr("Resampling of rasters not on the reference grid: nearest neighbour keeps grades intact."))
        self.add_parameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Score")),
            self.tr("The combined score raster (tiled, compressed GeoTIFF)."),
        )
        self.add_class_parameters(optional_output=True)
        self.add_execution_parameter()
        self.add_score_outputs()

    def execute(self, parameters, context, feedback):
        from ...core.raster_overlay import overlay_spec

        layers = self.parameterAsLayerList(parameters, self.FACTORS, context)
        if not layers:
            raise QgsProcessingException(self.tr("No factor raster was given."))
        inputs = []
        for layer in layers:
            if not isinstance(layer, QgsRasterLayer):
                raise QgsProcessingException(self.tr("The layer {layer} is not a raster.").format(layer=layer.name()))
            inputs.append(rio.gdal_input(layer, 1))
        method, rule = self.overlay_choice(parameters, context)
        spec = overlay_spec(len(inputs), method, self.parameterAsString(parameters, self.WEIGHTS, context), rule)
        feedback.pushInfo(self.tr("Overlay: {spec}").format(spec=spec.describe()))
        for inp, w in zip(inputs, spec.weights, strict=True):
            feedback.pushInfo(self.tr("  {layer}: weight {weight:g}").format(layer=inp.name, weight=w))
        aligned, _grid = self.align(parameters, context, feedback, inputs, inputs[0], [None] * len(inputs))

        address = self.execution_address(parameters, context, feedback)
        score_path = self.cluster_raster_destination(parameters, self.OUTPUT, context, address)
        class_path = self.cluster_raster_destination(parameters, self.OUTPUT_CLASSES, context, address)
        settings = self.class_settings(parameters, context) if class_path else None
        threads = self.read_threads(parameters, context)
        names = [inp.name for inp in inputs]
        integer_score = spec.integer_output and all(rio.dtype_of(a).kind in "iu" for a in aligned)

        run = self.run_overlay(aligned, spec, PassThrough(), integer_score,
                               score_path, class_path, settings, threads, feedback, names,
                               self.raster_compression(parameters, context, feedback), address)
        self.style_output(context, score_path, "sensitivity_score")
        results = {self.OUTPUT: score_path, **self.score_results(run)}
        if class_path:
            self.style_output(context, class_path, "sensitivity_classes")
            results[self.OUTPUT_CLASSES] = class_path
        return results
