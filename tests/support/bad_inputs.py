"""Bad and unusual inputs built from data/sample (the reliability audit's classes), for the bad-input
matrix: no CRS, curved, NULL/empty/invalid geometries, wrong geometry type, text and constant fields,
case-differing classes, rasters without CRS, all-NoData, continuous, misaligned, a VRT declaring
10^12 pixels, a non-UTF-8 report, hostile weights files."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"


def build(folder: Path) -> dict[str, str]:
    """Write every bad input into ``folder``; returns name -> QGIS source string."""
    from osgeo import gdal, ogr, osr

    ogr.UseExceptions()
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, str] = {}
    epochs = str(SAMPLE / "epochs_2021_2022.gpkg")
    out["footprints"] = f"{epochs}|layername=footprints_2022"
    out["footprints_2021"] = f"{epochs}|layername=footprints_2021"
    out["verification"] = f"{epochs}|layername=verification_2022"
    out["provinces"] = f"{SAMPLE / 'nw4_admin.gpkg'}|layername=province"
    out["cells"] = f"{SAMPLE / 'maus_mining_cells.gpkg'}|layername=mining_cells"
    out["regions"] = f"{SAMPLE / 'ne_physical_regions.gpkg'}|layername=physical_regions"
    out["dem"] = str(SAMPLE / "etopo20_nw.tif")
    out["lai"] = str(SAMPLE / "lai_nw_2001_2020.tif")

    def translate(name: str, *args: str, sql: str | None = None, src: str = epochs, layer: str = "footprints_2022",
                  fmt: str = "GPKG", ext: str = "gpkg") -> str:
        path = folder / f"{name}.{ext}"
        options = gdal.VectorTranslateOptions(
            format=fmt, layerName=name, SQLStatement=sql, SQLDialect="SQLite" if sql else None,
            layers=None if sql else [layer], options=list(args))
        gdal.VectorTranslate(str(path), src, options=options)
        return f"{path}|layername={name}" if fmt == "GPKG" else str(path)

    # no CRS: a shapefile without its .prj
    shp = translate("nocrs", fmt="ESRI Shapefile", ext="shp")
    Path(shp).with_suffix(".prj").unlink()
    out["nocrs"] = shp
    out["curved"] = translate("curved", "-nlt", "MULTISURFACE")
    out["reprojected"] = translate("reprojected", "-t_srs", "EPSG:32646")
    out["points"] = translate("points", sql="SELECT ST_PointOnSurface(geom) AS geom, mine_id, type_code, area_km2 "
                                            "FROM footprints_2022")
    out["empty"] = translate("empty", sql="SELECT * FROM footprints_2022 WHERE 0")
    out["case_classes"] = translate(
        "case_classes", src=str(SAMPLE / "ne_physical_regions.gpkg"), layer="physical_regions",
        sql="SELECT geom, CASE WHEN fid % 3 = 0 THEN 'Desert' WHEN fid % 3 = 1 THEN 'desert' ELSE '' END AS cls "
            "FROM physical_regions")
    out["text_values"] = translate(
        "text_values", src=str(SAMPLE / "nw4_admin.gpkg"), layer="province",
        sql="SELECT geom, province, CAST(adcode AS TEXT) || 'x' AS code_text, 7 AS constant FROM province")

    # NULL geometries only, written after the layer extent (QGIS's extent then is empty)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    path = folder / "nullgeom.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("nullgeom", srs, ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn("type_code", ogr.OFTString))
    for code in ("10", "2A", "3B"):
        feature = ogr.Feature(lyr.GetLayerDefn())
        feature.SetField("type_code", code)
        lyr.CreateFeature(feature)
    ds = None
    out["nullgeom"] = f"{path}|layername=nullgeom"

    # invalid (bow-tie) and zero-area polygons mixed with good ones
    path = folder / "invalid.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("invalid", srs, ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn("value", ogr.OFTReal))
    wkts = ["MULTIPOLYGON(((90 40,90.1 40.1,90.1 40,90 40.1,90 40)))",  # bow-tie
            "MULTIPOLYGON(((91 40,91.1 40,91.1 40.1,91 40.1,91 40)))",
            "MULTIPOLYGON(((92 40,92.1 40,92.2 40,92 40)))",  # zero area
            "MULTIPOLYGON(((93 40,93.1 40,93.1 40.1,93 40.1,93 40)))"]
    for i, wkt in enumerate(wkts):
        feature = ogr.Feature(lyr.GetLayerDefn())
        feature.SetField("value", float(i))
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(feature)
    ds = None
    out["invalid"] = f"{path}|layername=invalid"

    # rasters
    nocrs = folder / "dem_nocrs.tif"
    shutil.copy(SAMPLE / "etopo20_nw.tif", nocrs)
    ds = gdal.Open(str(nocrs), gdal.GA_Update)
    ds.SetProjection("")
    ds = None
    out["dem_nocrs"] = str(nocrs)
    nodata = folder / "lai_nodata.tif"
    src = gdal.Open(str(SAMPLE / "lai_nw_2001_2020.tif"))
    dst = gdal.GetDriverByName("GTiff").CreateCopy(str(nodata), src)
    for b in range(1, dst.RasterCount + 1):
        band = dst.GetRasterBand(b)
        band.SetNoDataValue(-9999)
        band.Fill(-9999)
    dst = src = None
    out["lai_nodata"] = str(nodata)
    shifted = folder / "dem_shifted.tif"
    src = gdal.Open(str(SAMPLE / "etopo20_nw.tif"))
    dst = gdal.GetDriverByName("GTiff").CreateCopy(str(shifted), src)
    gt = list(src.GetGeoTransform())
    gt[0] += gt[1] / 3.0
    dst.SetGeoTransform(gt)
    dst = src = None
    out["dem_shifted"] = str(shifted)
    huge = folder / "huge.vrt"
    huge.write_text(
        '<VRTDataset rasterXSize="1000000" rasterYSize="1000000">'
        '<SRS>EPSG:4326</SRS><GeoTransform>70, 0.00004, 0, 50, 0, -0.00004</GeoTransform>'
        '<VRTRasterBand dataType="Float32" band="1"><SimpleSource>'
        f'<SourceFilename relativeToVRT="0">{SAMPLE / "etopo20_nw.tif"}</SourceFilename><SourceBand>1</SourceBand>'
        '</SimpleSource></VRTRasterBand></VRTDataset>', encoding="utf-8")
    out["huge"] = str(huge)

    # files
    latin = folder / "latin1_report.html"
    latin.write_bytes("<html><body><h2>Rapport é</h2><script>alert(1)</script></body></html>".encode("latin-1"))
    out["latin1_report"] = str(latin)
    gwt = folder / "negative.gwt"
    gwt.write_text("0 4 province adcode\n650000 620000 -1e300\n620000 650000 1\n630000 640000 1\n640000 630000 1\n",
                   encoding="utf-8")
    out["negative_gwt"] = str(gwt)
    return out
