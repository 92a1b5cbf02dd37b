"""Enum spellings accepted by QGIS 3.22 up to 3.40+, resolved in one place.

QGIS 3.36 moved many enums to the ``Qgis`` namespace (``Qgis.ProcessingSourceType``...). The old
spellings still work on Qt5 builds but are deprecated, so each constant tries the new spelling
first and falls back to the old one.
"""

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingFeatureSource,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsVectorLayerTemporalProperties,
    QgsWkbTypes,
)


def _pick(new_owner, new_path, old_owner, old_name):
    obj = new_owner
    try:
        for part in new_path.split("."):
            obj = getattr(obj, part)
        return obj
    except AttributeError:
        return getattr(old_owner, old_name)


FLAG_ADVANCED = _pick(Qgis, "ProcessingParameterFlag.Advanced", QgsProcessingParameterDefinition, "FlagAdvanced")
FLAG_OPTIONAL = _pick(Qgis, "ProcessingParameterFlag.Optional", QgsProcessingParameterDefinition, "FlagOptional")

TYPE_VECTOR_POLYGON = _pick(Qgis, "ProcessingSourceType.VectorPolygon", QgsProcessing, "TypeVectorPolygon")
TYPE_VECTOR_POINT = _pick(Qgis, "ProcessingSourceType.VectorPoint", QgsProcessing, "TypeVectorPoint")
TYPE_VECTOR_ANY = _pick(Qgis, "ProcessingSourceType.VectorAnyGeometry", QgsProcessing, "TypeVectorAnyGeometry")
TYPE_VECTOR = _pick(Qgis, "ProcessingSourceType.Vector", QgsProcessing, "TypeVector")
TYPE_MAP_LAYER = _pick(Qgis, "ProcessingSourceType.MapLayer", QgsProcessing, "TypeMapLayer")
TYPE_FILE = _pick(Qgis, "ProcessingSourceType.File", QgsProcessing, "TypeFile")
TYPE_RASTER = _pick(Qgis, "ProcessingSourceType.Raster", QgsProcessing, "TypeRaster")

NUMBER_DOUBLE = _pick(Qgis, "ProcessingNumberParameterType.Double", QgsProcessingParameterNumber, "Double")
NUMBER_INTEGER = _pick(Qgis, "ProcessingNumberParameterType.Integer", QgsProcessingParameterNumber, "Integer")

FIELD_NUMERIC = _pick(Qgis, "ProcessingFieldParameterDataType.Numeric", QgsProcessingParameterField, "Numeric")
FIELD_ANY = _pick(Qgis, "ProcessingFieldParameterDataType.Any", QgsProcessingParameterField, "Any")
FIELD_STRING = _pick(Qgis, "ProcessingFieldParameterDataType.String", QgsProcessingParameterField, "String")

SKIP_GEOMETRY_CHECKS = _pick(
    Qgis,
    "ProcessingFeatureSourceFlag.SkipGeometryValidityChecks",
    QgsProcessingFeatureSource,
    "FlagSkipGeometryValidityChecks",
)
GEOMETRY_NO_CHECK = _pick(Qgis, "InvalidGeometryCheck.NoCheck", QgsFeatureRequest, "GeometryNoCheck")
NO_GEOMETRY = _pick(Qgis, "FeatureRequestFlag.NoGeometry", QgsFeatureRequest, "NoGeometry")
GEOMETRY_SUCCESS = _pick(Qgis, "GeometryOperationResult.Success", QgsGeometry, "Success")
FAST_INSERT = _pick(Qgis, "FeatureSinkFlag.FastInsert", QgsFeatureSink, "FastInsert")

ALG_NO_THREADING = _pick(Qgis, "ProcessingAlgorithmFlag.NoThreading", QgsProcessingAlgorithm, "FlagNoThreading")

WKB_POLYGON = _pick(Qgis, "WkbType.Polygon", QgsWkbTypes, "Polygon")
WKB_MULTIPOLYGON = _pick(Qgis, "WkbType.MultiPolygon", QgsWkbTypes, "MultiPolygon")
WKB_POINT = _pick(Qgis, "WkbType.Point", QgsWkbTypes, "Point")
WKB_NO_GEOMETRY = _pick(Qgis, "WkbType.NoGeometry", QgsWkbTypes, "NoGeometry")
WKB_UNKNOWN = _pick(Qgis, "WkbType.Unknown", QgsWkbTypes, "Unknown")
WKB_GEOMETRY_COLLECTION = _pick(Qgis, "WkbType.GeometryCollection", QgsWkbTypes, "GeometryCollection")
GEOMETRY_POLYGON = _pick(Qgis, "GeometryType.Polygon", QgsWkbTypes, "PolygonGeometry")
GEOMETRY_POINT = _pick(Qgis, "GeometryType.Point", QgsWkbTypes, "PointGeometry")
TEMPORAL_START_END_FIELDS = _pick(Qgis, "VectorTemporalMode.FeatureDateTimeStartAndEndFromFields",
                                  QgsVectorLayerTemporalProperties, "ModeFeatureDateTimeStartAndEndFromFields")



def variant_type(name):
    """QVariant type for a field (``"int"``, ``"double"``, ``"string"``, ``"int64"``)."""
    from qgis.PyQt.QtCore import QVariant

    return {
        "int": QVariant.Int,
        "int64": QVariant.LongLong,
        "double": QVariant.Double,
        "string": QVariant.String,
        "bool": QVariant.Bool,
        "date": QVariant.Date,
    }[name]
