"""Footprint analysis: footprint statistics (Table 2, Figs 3-5, 7-8) and overlap tabulation (Tables 3-5)."""

from __future__ import annotations


def resolve_area_crs(alg, parameters, name, source, context):
    """The equal-area CRS of parameter ``name``, or an Albers CRS fitted to ``source``; and its text.

    A CRS that is not projected in metres is refused with a message naming it.
    """
    from qgis.core import QgsProcessingException

    from ...i18n import tr
    from ...qgis_io import crs as crs_io

    area_crs = alg.parameterAsCrs(parameters, name, context)
    if not area_crs.isValid():
        area_crs = crs_io.equal_area_crs_for(source.sourceExtent(), source.sourceCrs(), context)
    elif not crs_io.is_projected_metres(area_crs):
        raise QgsProcessingException(
            tr("The CRS {crs} is not a projected CRS in metres; choose an equal-area projection.").format(
                crs=area_crs.authid() or area_crs.description())
        )
    return area_crs, area_crs.authid() or area_crs.toProj()
