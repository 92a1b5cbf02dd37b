"""Zones given either as a field of the footprints or as a polygon layer with a name field.

The parameters and their checks shared by ``overlaptabulation`` and ``proximitybands`` (ids
``ZONE_FIELD``, ``ZONES``, ``ZONES_FIELD``: public API, models use them).
"""

from __future__ import annotations

from qgis.core import QgsProcessingException, QgsProcessingParameterFeatureSource, QgsProcessingParameterField

from ... import compat


class ZoneInputs:
    """Mixin for a :class:`~..base.MineMonitorAlgorithm` whose footprint layer is ``INPUT``."""

    ZONE_FIELD = "ZONE_FIELD"
    ZONES = "ZONES"
    ZONES_FIELD = "ZONES_FIELD"

    def add_zone_parameters(self, field_help: str, layer_help: str) -> None:
        """The footprints' zone field, the zone layer and its name field, all optional."""
        self.add_parameter(
            QgsProcessingParameterField(self.ZONE_FIELD, self.tr("Zone field of the footprints"),
                                        parentLayerParameterName=self.INPUT, optional=True),
            field_help,
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.ZONES, self.tr("Zone layer"), [compat.TYPE_VECTOR_POLYGON],
                                                optional=True),
            layer_help,
        )
        self.add_parameter(
            QgsProcessingParameterField(self.ZONES_FIELD, self.tr("Zone name field"),
                                        parentLayerParameterName=self.ZONES, optional=True),
            self.tr("Field of the zone layer naming the zones; required with a zone layer."),
        )

    def zone_inputs(self, parameters, context):
        """``(zone_field, zone_source, zone_name_field)``: a field of the footprints, or a zone layer
        (``None`` without one) with its name field; both at once, or a layer without a name field, are
        refused with a message naming them."""
        zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context)
        zones_src = self.source(parameters, self.ZONES, context, optional=True)
        zones_field = self.parameterAsString(parameters, self.ZONES_FIELD, context)
        if zone_field and zones_src is not None:
            raise QgsProcessingException(self.tr(
                "Give zones either as the field {field} of the footprints or as the zone layer {layer}, not both."
            ).format(field=zone_field, layer=zones_src.sourceName()))
        if zones_src is not None and not zones_field:
            raise QgsProcessingException(self.tr("Choose the zone name field of the zone layer {layer}.").format(
                layer=zones_src.sourceName()))
        return zone_field, zones_src, zones_field
