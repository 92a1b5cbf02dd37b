"""Files with the published schemas of the two global mining-polygon datasets, and synthetic ones.

The real files are not downloaded anywhere in MineMonitor's tests or benchmarks: these writers make
small fixture files (tests) and large synthetic ones (benchmarks) *with exactly the published field
names and file layout*, so ``minemonitor:importminingdataset`` reads them as it reads the real ones:

* Maus et al. (2022) v2, ``global_mining_polygons_v2.gpkg`` (layer ``global_mining_polygons_v2``):
  WGS 84 MultiPolygons; ``ISO3_CODE`` (string), ``COUNTRY_NAME`` (string), ``AREA`` (real, km²);
  the GeoPackage feature id is the polygon id.
* Tang & Werner (2023), ``74548_projected polygons.shp`` (+ .shx .dbf .prj .cpg): polygons in the
  WGS 84 EASE-Grid 2.0 global cylindrical equal-area projection (metres, EPSG:6933, written as an
  ESRI .prj as in the published file); ``OBJECTID`` (integer), ``Name`` (string).

``python -m tools.synthetic_global OUT_DIR --n 120000`` writes the synthetic pair used by
``benchmarks/bench_global.py``: mines clustered in the world's mining regions, polygons log-normal
in size, and about a third of the Tang & Werner polygons overlapping Maus polygons (both datasets
mapped the same mines), all from ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import shapely

MAUS_FILE = "global_mining_polygons_v2.gpkg"
MAUS_LAYER = "global_mining_polygons_v2"
TANG_FILE = "74548_projected polygons.shp"
EASE_GRID = "EPSG:6933"

#: (ISO3, country, lon_min, lat_min, lon_max, lat_max) of mining regions for the synthetic data.
REGIONS = (
    ("CHN", "China", 85.0, 35.0, 120.0, 45.0),
    ("AUS", "Australia", 115.0, -33.0, 150.0, -20.0),
    ("USA", "United States", -120.0, 32.0, -80.0, 45.0),
    ("RUS", "Russian Federation", 60.0, 50.0, 130.0, 62.0),
    ("CHL", "Chile", -71.0, -30.0, -68.0, -18.0),
    ("BRA", "Brazil", -55.0, -22.0, -40.0, -5.0),
    ("IDN", "Indonesia", 100.0, -5.0, 125.0, 3.0),
    ("ZAF", "South Africa", 22.0, -30.0, 31.0, -24.0),
    ("CAN", "Canada", -125.0, 48.0, -70.0, 58.0),
    ("PER", "Peru", -78.0, -16.0, -70.0, -6.0),
)


def _srs(definition: str):
    from osgeo import osr

    srs = osr.SpatialReference()
    if definition.upper().startswith("EPSG:"):
        srs.ImportFromEPSG(int(definition.split(":")[1]))
    else:
        srs.SetFromUserInput(definition)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def to_ease_grid(geoms_lonlat: np.ndarray) -> np.ndarray:
    """WGS 84 lon/lat geometries in EASE-Grid 2.0 metres (one bulk OSR call)."""
    from osgeo import osr

    ct = osr.CoordinateTransformation(_srs("EPSG:4326"), _srs(EASE_GRID))

    def fn(coords: np.ndarray) -> np.ndarray:
        if not len(coords):
            return coords
        return np.asarray(ct.TransformPoints(np.ascontiguousarray(coords[:, :2])))[:, :2]

    return shapely.transform(np.asarray(geoms_lonlat, dtype=object), fn)


def _write(ds, layer_name: str, srs, geom_type, geoms: np.ndarray, fields: list[tuple[str, int, np.ndarray]],
           fids: np.ndarray | None = None) -> None:
    from osgeo import ogr

    lyr = ds.CreateLayer(layer_name, srs, geom_type)
    for name, kind, _ in fields:
        lyr.CreateField(ogr.FieldDefn(name, kind))
    defn = lyr.GetLayerDefn()
    wkb = shapely.to_wkb(geoms)
    lyr.StartTransaction()
    for i in range(len(geoms)):
        feat = ogr.Feature(defn)
        if fids is not None:
            feat.SetFID(int(fids[i]))
        for name, kind, values in fields:
            value = values[i]
            if value is None:
                continue
            if kind == ogr.OFTInteger or kind == ogr.OFTInteger64:
                feat.SetField(name, int(value))
            elif kind == ogr.OFTReal:
                feat.SetField(name, float(value))
            else:
                feat.SetField(name, str(value))
        feat.SetGeometry(ogr.CreateGeometryFromWkb(wkb[i]))
        lyr.CreateFeature(feat)
    lyr.CommitTransaction()


def write_maus_v2(folder: str | Path, geoms_lonlat, iso3, country, area_km2, fids=None) -> Path:
    """``global_mining_polygons_v2.gpkg`` with the published schema (an existing file is replaced)."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    path = Path(folder) / MAUS_FILE
    if path.exists():
        path.unlink()
    geoms = np.asarray(geoms_lonlat, dtype=object)
    parts, owner = shapely.get_parts(geoms, return_index=True)
    multi = shapely.multipolygons(parts, indices=owner)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    _write(ds, MAUS_LAYER, _srs("EPSG:4326"), ogr.wkbMultiPolygon, multi, [
        ("ISO3_CODE", ogr.OFTString, np.asarray(iso3, dtype=object)),
        ("COUNTRY_NAME", ogr.OFTString, np.asarray(country, dtype=object)),
        ("AREA", ogr.OFTReal, np.asarray(area_km2, dtype=np.float64)),
    ], fids=None if fids is None else np.asarray(fids))
    ds = None
    return path


def write_tang_werner(folder: str | Path, geoms_lonlat, objectid=None, names=None) -> Path:
    """``74548_projected polygons.shp`` (EASE-Grid 2.0 metres, ESRI .prj) with OBJECTID and Name."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    path = Path(folder) / TANG_FILE
    driver = ogr.GetDriverByName("ESRI Shapefile")
    if path.exists():
        driver.DeleteDataSource(str(path))
    geoms = to_ease_grid(geoms_lonlat)
    n = len(geoms)
    objectid = np.arange(1, n + 1) if objectid is None else np.asarray(objectid)
    names = np.full(n, "Placemark", dtype=object) if names is None else np.asarray(names, dtype=object)
    ds = driver.CreateDataSource(str(path))
    srs = _srs(EASE_GRID)
    srs.MorphToESRI()
    _write(ds, path.stem, srs, ogr.wkbPolygon, geoms, [
        ("OBJECTID", ogr.OFTInteger, objectid),
        ("Name", ogr.OFTString, names),
    ])
    ds = None
    path.with_suffix(".cpg").write_text("UTF-8", encoding="ascii")
    return path


def _stars(centres: np.ndarray, radii_deg: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Irregular 7-12 vertex polygons around centres (lon/lat), radius in degrees of latitude."""
    n = len(centres)
    k = 10
    angles = np.sort(rng.uniform(0, 2 * np.pi, (n, k)), axis=1)
    rad = radii_deg[:, None] * rng.uniform(0.55, 1.0, (n, k))
    coslat = np.cos(np.radians(centres[:, 1]))[:, None]
    x = centres[:, 0:1] + rad * np.cos(angles) / coslat
    y = centres[:, 1:2] + rad * np.sin(angles)
    coords = np.stack([x, y], axis=2)
    coords = np.concatenate([coords, coords[:, :1]], axis=1)
    rings = shapely.linearrings(coords.reshape(-1, 2), indices=np.repeat(np.arange(n), k + 1))
    polys = shapely.polygons(rings)
    return shapely.make_valid(polys)


def generate(n_total: int = 120_000, seed: int = 2023) -> dict:
    """Synthetic Maus-like and Tang-like polygons (lon/lat), about 40 % Maus and 60 % Tang & Werner.

    Returns a dict with ``maus`` (geometries, iso3, country, area) and ``tang`` (geometries)."""
    from minemonitor_plugin.core.geodesy import ellipsoidal_area_km2

    rng = np.random.default_rng(seed)
    n_maus = round(n_total * 0.4)
    n_tang = n_total - n_maus
    n_mines = max(n_total // 12, 1)
    region = rng.integers(0, len(REGIONS), n_mines)
    box = np.array([r[2:] for r in REGIONS])[region]
    mine_xy = np.column_stack([rng.uniform(box[:, 0], box[:, 2]), rng.uniform(box[:, 1], box[:, 3])])

    def polygons(n, spread_deg, size_mu):
        mine = rng.integers(0, n_mines, n)
        centre = mine_xy[mine] + rng.normal(0, spread_deg, (n, 2))
        area = np.clip(rng.lognormal(size_mu, 1.3, n), 0.002, 60.0)  # km²
        radius = np.sqrt(area / np.pi) / 111.0
        return mine, centre, radius

    m_mine, m_centre, m_radius = polygons(n_maus, 0.03, -1.2)
    maus = _stars(m_centre, m_radius, rng)
    # a third of the Tang & Werner polygons re-map Maus polygons (shifted, resized): overlaps
    n_copy = n_tang // 3
    pick = rng.integers(0, n_maus, n_copy)
    copy_centre = m_centre[pick] + rng.normal(0, 1, (n_copy, 2)) * m_radius[pick, None] * 0.4
    copies = _stars(copy_centre, m_radius[pick] * rng.uniform(0.5, 1.1, n_copy), rng)
    _, t_centre, t_radius = polygons(n_tang - n_copy, 0.05, -2.0)
    tang = np.concatenate([copies, _stars(t_centre, t_radius, rng)])
    iso3 = np.array([REGIONS[r][0] for r in region[m_mine]], dtype=object)
    country = np.array([REGIONS[r][1] for r in region[m_mine]], dtype=object)
    return {"maus": {"geometries": maus, "iso3": iso3, "country": country,
                     "area": np.round(ellipsoidal_area_km2(maus), 6)},
            "tang": {"geometries": tang}}


def generate_lines(n: int = 100_000, seed: int = 7, box=(73.0, 31.0, 112.0, 50.0), vertices: int = 12,
                   step_deg: float = 0.01) -> np.ndarray:
    """Synthetic line features (roads, rivers) in a lon/lat box: random walks of ``vertices`` points with
    ~``step_deg`` steps (about 1 km), for the proximity benchmark."""
    rng = np.random.default_rng(seed)
    start = np.column_stack([rng.uniform(box[0], box[2], n), rng.uniform(box[1], box[3], n)])
    heading = rng.uniform(0, 2 * np.pi, n)
    turns = np.cumsum(rng.normal(0, 0.4, (n, vertices - 1)), axis=1) + heading[:, None]
    steps = np.stack([np.cos(turns), np.sin(turns)], axis=2) * step_deg
    coords = np.concatenate([start[:, None, :], start[:, None, :] + np.cumsum(steps, axis=1)], axis=1)
    return shapely.linestrings(coords.reshape(-1, 2), indices=np.repeat(np.arange(n), vertices))


def write_lines(path: str | Path, lines: np.ndarray, layer: str = "lines") -> Path:
    """Write lon/lat lines to a GeoPackage layer (an existing file is replaced)."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    path = Path(path)
    if path.exists():
        path.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    _write(ds, layer, _srs("EPSG:4326"), ogr.wkbLineString, np.asarray(lines, dtype=object), [])
    ds = None
    return path


def write_synthetic(folder: str | Path, n_total: int = 120_000, seed: int = 2023) -> tuple[Path, Path]:
    """Write the synthetic pair into ``folder``; returns (Maus GeoPackage, Tang & Werner shapefile)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = generate(n_total, seed)
    m = data["maus"]
    maus = write_maus_v2(folder, m["geometries"], m["iso3"], m["country"], m["area"])
    tang = write_tang_werner(folder, data["tang"]["geometries"])
    return maus, tang


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--n", type=int, default=120_000, help="polygons in both files together")
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    maus, tang = write_synthetic(args.folder, args.n, args.seed)
    print(f"{maus}\n{tang}\n({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
