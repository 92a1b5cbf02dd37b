"""Small fixture files with the published schemas of Maus et al. (2022) v2 and Tang & Werner (2023).

Written by the schema writers of ``tools/synthetic_global.py`` (the published field names, file names,
geometry types and CRS), from the hand-made polygons below, so tests never download the real files.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from tools.synthetic_global import write_maus_v2, write_tang_werner


def _square(lon, lat, size):
    return shapely.box(lon, lat, lon + size, lat + size)


def maus_polygons():
    """Five Maus-like polygons: China (3, one with a hole), Chile, Australia (a MultiPolygon)."""
    hole = shapely.Polygon(
        [(95.10, 37.80), (95.16, 37.80), (95.17, 37.85), (95.10, 37.86)],
        [[(95.12, 37.82), (95.13, 37.82), (95.13, 37.83), (95.12, 37.83)]],
    )
    return [
        _square(90.00, 40.00, 0.02),
        hole,
        shapely.Polygon([(100.20, 38.50), (100.25, 38.49), (100.26, 38.53), (100.21, 38.55)]),
        _square(-69.10, -24.20, 0.03),
        shapely.MultiPolygon([_square(118.50, -22.70, 0.01), _square(118.53, -22.70, 0.015)]),
    ], ["CHN", "CHN", "CHN", "CHL", "AUS"], ["China", "China", "China", "Chile", "Australia"]


def tang_polygons():
    """Five Tang-like polygons: T1 half over Maus 1, T2 = Maus 2 without its hole, T3 alone in China,
    T4 nested inside Maus 4 (entirely covered), T5 alone in Australia."""
    maus, _, _ = maus_polygons()
    return [
        _square(90.01, 40.005, 0.02),
        shapely.Polygon(maus[1].exterior.coords),
        _square(91.00, 41.00, 0.015),
        _square(-69.09, -24.19, 0.01),
        _square(119.00, -23.00, 0.02),
    ]


def write_fixtures(folder: Path) -> tuple[Path, Path]:
    """Write both fixture datasets into ``folder``; returns (Maus GeoPackage, Tang & Werner shapefile)."""
    from minemonitor_plugin.core.geodesy import ellipsoidal_area_km2

    folder.mkdir(parents=True, exist_ok=True)
    geoms, iso3, country = maus_polygons()
    geoms = np.array(geoms, dtype=object)
    maus = write_maus_v2(folder, geoms, iso3, country, np.round(ellipsoidal_area_km2(geoms), 4),
                         fids=np.arange(1, len(geoms) + 1))
    tang = write_tang_werner(folder, np.array(tang_polygons(), dtype=object), objectid=[101, 102, 103, 104, 105],
                             names=["Placemark", "unnamed polygon", "2", "Placemark", "Placemark"])
    return maus, tang


def write_countries(path: Path) -> str:
    """A country layer (Natural Earth field names ISO_A3 and NAME) with three coarse boxes."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("countries", srs, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("ISO_A3", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("NAME", ogr.OFTString))
    for iso, name, box in (("CHN", "China", (73, 18, 135, 54)), ("CHL", "Chile", (-76, -56, -66, -17)),
                           ("AUS", "Australia", (112, -44, 154, -10))):
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetField("ISO_A3", iso)
        feat.SetField("NAME", name)
        feat.SetGeometry(ogr.CreateGeometryFromWkt(shapely.box(*box).wkt))
        lyr.CreateFeature(feat)
    ds = None
    return f"{path}|layername=countries"
