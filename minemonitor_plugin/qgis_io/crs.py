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


def equal_area_crs_for(extent: QgsRectangle, crs, context) -> QgsCoordinateReferenceSystem:
    """An Albers equal-area CRS fitted to ``extent`` given in ``crs``, named after its parameters
    (:func:`albers_name`)."""
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
    if not area_crs.isValid():
        area_crs = equal_area_crs_for(reference.sourceExtent(), reference.sourceCrs(), context)
    elif not is_projected_metres(area_crs):
        raise QgsProcessingException(
            tr("The CRS {crs} is not a projected CRS in metres; choose an equal-area projection.").format(
                crs=area_crs.authid() or area_crs.description())
        )
    return area_crs, area_crs.authid() or area_crs.toProj()
