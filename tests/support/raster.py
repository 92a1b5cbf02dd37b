"""Small GeoTIFF writer shared by the raster tests."""

from __future__ import annotations

import numpy as np


def write_tif(path, array, gt, crs, nodata=None, tiled=False):
    """Write ``array`` (rows x cols, or bands x rows x cols) as a GeoTIFF with geotransform ``gt``."""
    from osgeo import gdal, osr

    array = np.asarray(array)
    types = {"uint8": gdal.GDT_Byte, "int16": gdal.GDT_Int16, "uint16": gdal.GDT_UInt16, "int32": gdal.GDT_Int32,
             "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64}
    data = array[None] if array.ndim == 2 else array
    opts = ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"] if tiled else []
    ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[2], data.shape[1], data.shape[0],
                                              types[str(array.dtype)], options=opts)
    ds.SetGeoTransform(gt)
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    ds.SetProjection(srs.ExportToWkt())
    for b in range(data.shape[0]):
        band = ds.GetRasterBand(b + 1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(data[b])
    ds = None
    return str(path)
