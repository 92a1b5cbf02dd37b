"""Coordinate reference systems: equal-area CRS fitted to an extent, extents in WGS 84."""

from __future__ import annotations

import math
import re

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsRectangle,
)

WGS84 = "EPSG:4326"


def wgs84() -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem(WGS84)


def extent_in_wgs84(extent: QgsRectangle, crs, context) -> QgsRectangle:
    """``extent`` (in ``crs``) as a lon/lat rectangle."""
    if crs.isGeographic() and crs.authid() == WGS84:
        return QgsRectangle(extent)
    transform = QgsCoordinateTransform(crs, wgs84(), context.transformContext())
    return transform.transformBoundingBox(extent)


def albers_definition(lon_min: float, lat_min: float, lon_max: float, lat_max: float) -> str:
    """PROJ string of an Albers equal-area projection fitted to a lon/lat box.

    Standard parallels at 1/6 and 5/6 of the latitude range (the usual rule of thumb), central
    meridian and latitude of origin at the centre. Values are rounded to 0.5 degree so that reruns
    on slightly different inputs give the same CRS (and aligned grids).
    """

    def half(value: float) -> float:
        return round(value * 2.0) / 2.0

    span = max(lat_max - lat_min, 1.0)
    lat_1 = half(lat_min + span / 6.0)
    lat_2 = half(lat_max - span / 6.0)
    if lat_1 == lat_2:
        lat_2 = lat_1 + 0.5
    lat_0 = half((lat_min + lat_max) / 2.0)
    lon_0 = half((lon_min + lon_max) / 2.0)
    return (
        f"+proj=aea +lat_0={lat_0:g} +lon_0={lon_0:g} +lat_1={lat_1:g} +lat_2={lat_2:g} "
        "+x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
    )


def usable_extent(extent: QgsRectangle) -> bool:
    """False for QGIS's empty ("minimal") rectangle (±DBL_MAX), a null one or non-finite values."""
    values = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    return (not extent.isNull() and all(math.isfinite(v) and abs(v) < 1e300 for v in values)
            and extent.xMaximum() >= extent.xMinimum() and extent.yMaximum() >= extent.yMinimum())


def check_source_crs(source, layer_name: str | None = None) -> None:
    """Refuse a feature source whose CRS is missing or unknown: its coordinates could be degrees or
    metres, and every area and distance computed from them would be wrong without a word."""
    from qgis.core import QgsProcessingException

    from ..i18n import tr

    if not source.sourceCrs().isValid():
        raise QgsProcessingException(
            tr("Layer {layer} has no coordinate reference system (or one QGIS does not know), so its areas and "
               "distances cannot be computed. Assign its CRS (Layer Properties > Source > Assigned Coordinate "
               "Reference System, or Processing > Vector general > Assign projection; for a shapefile, add the "
               ".prj file) and run again.").format(layer=layer_name or source.sourceName()))


def albers_name(definition: str) -> str:
    """Descriptive name of a fitted Albers CRS from its PROJ string, e.g.
    ``MineMonitor Albers equal-area (lon0 91, lat1 35.5, lat2 46)`` (what QGIS shows in layer lists,
    the status bar and a GeoPackage's ``gpkg_spatial_ref_sys.srs_name``)."""
    values = dict(re.findall(r"\+(lon_0|lat_1|lat_2)=(-?[0-9.]+)", definition))
    return "MineMonitor Albers equal-area (lon0 {lon_0}, lat1 {lat_1}, lat2 {lat_2})".format(
        **{key: f"{float(values.get(key, 0)):g}" for key in ("lon_0", "lat_1", "lat_2")})


def named_crs(definition: str, name: str) -> QgsCoordinateReferenceSystem:
    """The CRS of PROJ string ``definition`` carrying ``name`` (built from WKT with that PROJCRS name;
    a CRS made from a PROJ string is called "unknown")."""
    from osgeo import osr

    srs = osr.SpatialReference()
    if srs.ImportFromProj4(definition) != 0:
        return QgsCoordinateReferenceSystem.fromProj(definition)
    srs.SetProjCS(name)
    if srs.IsProjected() and srs.GetAttrValue("GEOGCS") in (None, "unknown"):
        srs.SetGeogCS("WGS 84", "World Geodetic System 1984", "WGS 84", 6378137.0, 298.257223563)
    crs = QgsCoordinateReferenceSystem.fromWkt(srs.ExportToWkt(["FORMAT=WKT2_2018"]))
    return crs if crs.isValid() else QgsCoordinateReferenceSystem.fromProj(definition)


def equal_area_crs_for(extent: QgsRectangle, crs, context, layer_name: str = "") -> QgsCoordinateReferenceSystem:
    """An Albers equal-area CRS fitted to ``extent`` given in ``crs``, named after its parameters
    (:func:`albers_name`).

    Raises QgsProcessingException for an empty extent (a layer without any geometry)."""
    if not usable_extent(extent):
        from qgis.core import QgsProcessingException

        from ..i18n import tr

        raise QgsProcessingException(
            tr("Layer {layer} has no usable geometry (its extent is empty): there is nothing to analyse.").format(
                layer=layer_name or "?"))
    box = extent_in_wgs84(extent, crs, context)
    if not all(math.isfinite(v) for v in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())):
        box = QgsRectangle(-180, -80, 180, 80)
    definition = albers_definition(
        max(box.xMinimum(), -180.0), max(box.yMinimum(), -85.0), min(box.xMaximum(), 180.0), min(box.yMaximum(), 85.0)
    )
    return named_crs(definition, albers_name(definition))


def is_projected_metres(crs) -> bool:
    """True for a projected CRS in metres (usable for distances and planar areas)."""
    from qgis.core import QgsUnitTypes

    return (not crs.isGeographic()) and crs.mapUnits() == QgsUnitTypes.DistanceMeters


def resolve_equal_area_crs(alg, parameters, name, reference, context):
    """The CRS of parameter ``name`` of ``alg`` (must be projected in metres), or, when it is not
    set, an Albers equal-area CRS fitted to the extent of the feature source ``reference``.

    Returns ``(crs, text)`` where ``text`` (authid or PROJ string) is for the log and outputs.
    """
    from qgis.core import QgsProcessingException

    from ..i18n import tr

    area_crs = alg.parameterAsCrs(parameters, name, context)
    given = parameters.get(name)
    if not area_crs.isValid() and isinstance(given, str) and given.strip():
        # a PROJ string or WKT typed on the command line (QGIS's parameter only reads authority codes)
        area_crs = QgsCoordinateReferenceSystem()
        area_crs.createFromUserInput(given.strip())
    if not area_crs.isValid() and given not in (None, "") and not (hasattr(given, "isValid") and not given.isValid()):
        raise QgsProcessingException(
            tr("The CRS {crs} given as {parameter} is not a valid coordinate reference system; give an EPSG code "
               "(e.g. EPSG:6933) or a PROJ/WKT definition, or leave it empty for a fitted Albers equal-area "
               "CRS.").format(
                crs=given if isinstance(given, str) else getattr(given, "authid", lambda: str(given))(),
                parameter=name))
    if not area_crs.isValid():
        check_source_crs(reference)
        area_crs = equal_area_crs_for(reference.sourceExtent(), reference.sourceCrs(), context,
                                      layer_name=reference.sourceName())
    elif not is_projected_metres(area_crs):
        raise QgsProcessingException(
            tr("The CRS {crs} is not a projected CRS in metres; choose an equal-area projection.").format(
                crs=area_crs.authid() or area_crs.description())
        )
    return area_crs, area_crs.authid() or area_crs.toProj()
