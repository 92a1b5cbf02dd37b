#!/usr/bin/env python3
"""Copy the sample data MineMonitor ships from ../shared/data into data/sample (reproducible).

Boundaries are simplified (0.002 degrees, about 200 m) to keep the repository small; rasters are
clipped to the NW China box. Run: .venv/bin/python -m tools.make_sample_data [SHARED_DATA_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from osgeo import gdal

gdal.UseExceptions()
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "sample"
BOX = (73.0, 50.0, 112.0, 31.0)  # ulx, uly, lrx, lry


def vector(src: Path, layer: str, dst: Path, new_name: str, simplify: float | None = None) -> None:
    options = ["-nln", new_name, "-nlt", "PROMOTE_TO_MULTI", "-makevalid"]
    if simplify:
        options += ["-simplify", str(simplify)]
    gdal.VectorTranslate(str(dst), str(src), options=[layer, *options],
                         accessMode="update" if dst.exists() else None, format="GPKG")


def water_and_mines(shared: Path) -> None:
    """Natural Earth rivers and lakes (distances to fresh water) and the GEM coal mines in the NW China
    box (reported mine properties), for minemonitor:proximitybands and the demo's national context."""
    ne = shared / "natural_earth_physical_nw" / "ne_10m_physical_nw_bbox.gpkg"
    water = OUT / "ne_water.gpkg"
    water.unlink(missing_ok=True)
    for layer, name in (("ne_10m_rivers_lake_centerlines", "rivers"), ("ne_10m_lakes", "lakes")):
        gdal.VectorTranslate(str(water), str(ne), options=[layer, "-nln", name, "-select", "name,featurecla,scalerank"],
                             accessMode="update" if water.exists() else None, format="GPKG")
    mines = OUT / "gem_coal_mines_nw.gpkg"
    mines.unlink(missing_ok=True)
    gdal.VectorTranslate(
        str(mines), str(shared / "gem_coal_mine_tracker_2022" / "gcmt_july2022_china.gpkg"),
        options=["coal_mines_china", "-nln", "coal_mines", "-spat", str(BOX[0]), str(BOX[3]), str(BOX[2]),
                 str(BOX[1]), "-sql",
                 'SELECT "Mine IDs" AS mine_ids, "Mine Name" AS mine_name, "Status" AS status, '
                 '"Mine Type" AS mine_type, "Mining Method" AS mining_method, '
                 '"Coal Output (Annual, Mt)" AS coal_output_mt, "State, Province" AS province, geom '
                 "FROM coal_mines_china"],
        format="GPKG")


def main(shared: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    admin = OUT / "nw4_admin.gpkg"
    admin.unlink(missing_ok=True)
    for layer in ("province", "prefecture", "county"):
        vector(shared / "cn_admin_nw4_counties" / "nw4_admin.gpkg", layer, admin, layer, simplify=0.002)
    cells = OUT / "maus_mining_cells.gpkg"
    cells.unlink(missing_ok=True)
    vector(shared / "maus_mining_area_grid_v2" / "maus_v2_5arcmin_cells_nw_bbox.gpkg", "mining_cells", cells,
           "mining_cells")
    regions = OUT / "ne_physical_regions.gpkg"
    regions.unlink(missing_ok=True)
    vector(shared / "natural_earth_physical_nw" / "ne_10m_physical_nw_bbox.gpkg", "ne_10m_geography_regions_polys",
           regions, "physical_regions")
    creation = ["COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES"]
    gdal.Translate(str(OUT / "lai_nw_2001_2020.tif"),
                   str(shared / "modis_lai_china_g050" / "MOD15A2_LAI_China_G050_2001-2020.tif"),
                   projWin=list(BOX), creationOptions=creation)
    lai = gdal.Open(str(OUT / "lai_nw_2001_2020.tif"), gdal.GA_Update)
    for band in range(1, lai.RasterCount + 1):  # band i is year 2000 + i (see the source's SOURCE.md)
        lai.GetRasterBand(band).SetDescription(str(2000 + band))
    lai = None
    gdal.Translate(str(OUT / "etopo20_nw.tif"), str(shared / "etopo20_dem_nw" / "etopo20_nw_bbox.tif"),
                   creationOptions=creation)
    water_and_mines(shared)
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
