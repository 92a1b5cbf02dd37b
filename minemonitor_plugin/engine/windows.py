"""GDAL window IO without QGIS: windows, reading one window of aligned bands, COG tiles, VRT mosaics.

The in-QGIS block reader (``qgis_io.raster.BlockReader``) and the cluster workers read through the
same functions here (:func:`read_band_window`), so a window holds the same numbers on both paths.

* :class:`Window`, :func:`plan_windows` — windows aligned to the inputs' blocks and to 256-pixel
  tiles (full-width rows of blocks within a memory budget);
* :func:`read_window` — one window of several aligned rasters: arrays in the band's type (float64
  where a scale/offset applies) and NoData masks (NoData value, NaN, mask/alpha band);
* :func:`write_tile` — one window written as its own tiled, compressed Cloud Optimized GeoTIFF
  (written under a temporary name and renamed, so a task that runs twice — a lost worker's task
  recomputed — leaves one complete tile);
* :func:`build_vrt` / :func:`assemble` — the tiles as one VRT mosaic, optionally translated into
  one COG.

Inputs are plain ``(dataset, band, label)`` tuples (:class:`Source`) so tasks pickle without QGIS.
Errors are :class:`~..core.errors.InvalidInputError` with English templates (translated by the
plugin). GDAL's global state is not changed (no ``UseExceptions``, no cache size).
"""

from __future__ import annotations

import math
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from osgeo import gdal, ogr, osr

from ..core.errors import InvalidInputError

#: Tile size of written GeoTIFFs; windows are aligned to it when possible.
TILE = 256
#: Default memory budget of one window over all inputs.
DEFAULT_WINDOW_BYTES = 64 * 1024 * 1024

GDAL_TO_NUMPY = {
    gdal.GDT_Byte: np.uint8,
    gdal.GDT_UInt16: np.uint16,
    gdal.GDT_Int16: np.int16,
    gdal.GDT_UInt32: np.uint32,
    gdal.GDT_Int32: np.int32,
    gdal.GDT_Float32: np.float32,
    gdal.GDT_Float64: np.float64,
}
NUMPY_TO_GDAL = {np.dtype(v): k for k, v in GDAL_TO_NUMPY.items()}


class Source(NamedTuple):
    """One band of a GDAL-readable raster, as tasks receive it (picklable, QGIS-free)."""

    dataset: str
    band: int = 1
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or os.path.basename(self.dataset)


@dataclass(frozen=True)
class Grid:
    """A north-up grid: size, GDAL geotransform, CRS as WKT."""

    width: int
    height: int
    geotransform: tuple[float, float, float, float, float, float]
    crs_wkt: str

    @property
    def pixel_width(self) -> float:
        return abs(self.geotransform[1])

    @property
    def pixel_height(self) -> float:
        return abs(self.geotransform[5])

    @property
    def is_geographic(self) -> bool:
        srs = _srs(self.crs_wkt)
        return bool(srs is not None and srs.IsGeographic())

    def window_geotransform(self, window: Window) -> tuple[float, float, float, float, float, float]:
        x0, dx, rx, y0, ry, dy = self.geotransform
        return (x0 + window.col * dx + window.row * rx, dx, rx, y0 + window.col * ry + window.row * dy, ry, dy)


@dataclass(frozen=True)
class Window:
    """A rectangle of a grid: ``rows`` x ``cols`` pixels from (``row``, ``col``); ``index`` of ``count``."""

    row: int
    col: int
    rows: int
    cols: int
    index: int = 0
    count: int = 1

    @property
    def slices(self) -> tuple[slice, slice]:
        """Slices of this window in a full-grid array."""
        return slice(self.row, self.row + self.rows), slice(self.col, self.col + self.cols)

    @property
    def size(self) -> int:
        return self.rows * self.cols


@dataclass(frozen=True)
class Block:
    """The data of one window: per input an array and a NoData mask (True = NoData)."""

    window: Window
    arrays: tuple[np.ndarray, ...]
    nodata: tuple[np.ndarray, ...]


# --------------------------------------------------------------------------------------------
# planning
# --------------------------------------------------------------------------------------------
def plan_windows(
    grid,
    block_sizes: Sequence[tuple[int, int]],
    bytes_per_pixel: int,
    max_window_bytes: int = DEFAULT_WINDOW_BYTES,
) -> list[Window]:
    """Split ``grid`` (anything with ``width`` and ``height``) into windows aligned to the inputs'
    natural blocks and to :data:`TILE`.

    Windows are full-width rows of blocks whose height is a multiple of the least common multiple
    of the inputs' block heights and of :data:`TILE` (so no input block is decoded twice and a
    writer completes whole tiles); as many such rows as fit ``max_window_bytes``. If one such row
    is wider than the budget, windows are split into columns the same way.
    """
    step_r = _lcm([b[1] for b in block_sizes] + [TILE], cap=4 * TILE)
    step_c = _lcm([b[0] for b in block_sizes] + [TILE], cap=4 * TILE)
    row_bytes = max(1, grid.width * bytes_per_pixel)
    rows = max(1, max_window_bytes // (row_bytes * step_r)) * step_r
    if row_bytes * step_r <= max_window_bytes:
        cols = grid.width
    else:
        rows = step_r
        cols = max(1, max_window_bytes // (bytes_per_pixel * step_r * step_c)) * step_c
    rows, cols = min(rows, grid.height), min(cols, grid.width)
    starts = [(r, c) for r in range(0, grid.height, rows) for c in range(0, grid.width, cols)]
    return [
        Window(r, c, min(rows, grid.height - r), min(cols, grid.width - c), i, len(starts))
        for i, (r, c) in enumerate(starts)
    ]


def _lcm(values: Sequence[int], cap: int) -> int:
    out = 1
    for v in values:
        v = max(1, int(v))
        out = out * v // math.gcd(out, v)
        if out > cap:
            return TILE
    return out


# --------------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------------
def open_raster(source: Source | str):
    """Open a raster read-only; a clear error naming it when GDAL cannot."""
    name = source.dataset if isinstance(source, Source) else source
    label = source.name if isinstance(source, Source) else os.path.basename(source)
    ds = gdal.OpenEx(name, gdal.OF_RASTER | gdal.OF_READONLY)
    if ds is None:
        raise InvalidInputError("GDAL cannot open the raster {layer} ({source}).", layer=label, source=name)
    return ds


def grid_of(source: Source | str) -> Grid:
    ds = open_raster(source)
    return Grid(ds.RasterXSize, ds.RasterYSize, tuple(ds.GetGeoTransform()), ds.GetProjection() or "")


def band_dtype(band) -> np.dtype:
    """numpy type a band is read as (float64 for types numpy has no exact match for, and for bands
    with a scale/offset, which the reader applies)."""
    if band.GetScale() not in (None, 1.0) or band.GetOffset() not in (None, 0.0):
        return np.dtype(np.float64)
    return np.dtype(GDAL_TO_NUMPY.get(band.DataType, np.float64))


def read_band_window(band, nodata: float | None, window: Window, label: str) -> tuple[np.ndarray, np.ndarray]:
    """One window of an open band: the values (scale/offset applied) and the NoData mask.

    The blocks decoded for the window are dropped from GDAL's cache afterwards (windows never
    revisit them)."""
    data = band.ReadAsArray(window.col, window.row, window.cols, window.rows)
    if data is None:
        raise InvalidInputError("Could not read the raster {layer}: {error}", layer=label,
                                error=gdal.GetLastErrorMsg())
    mask = nodata_mask(band, data, nodata, window)
    scale, offset = band.GetScale(), band.GetOffset()
    if (scale not in (None, 1.0)) or (offset not in (None, 0.0)):
        data = data * (1.0 if scale is None else scale) + (0.0 if offset is None else offset)
    band.FlushCache()
    return data, mask


def nodata_mask(band, data: np.ndarray, nodata: float | None, window: Window) -> np.ndarray:
    """True where a pixel is NoData: the band's mask/alpha band is 0, the NoData value matches, or
    a float is NaN."""
    flags = band.GetMaskFlags()
    if flags & (gdal.GMF_PER_DATASET | gdal.GMF_ALPHA) and not flags & gdal.GMF_NODATA:
        mask_band = band.GetMaskBand()
        m = mask_band.ReadAsArray(window.col, window.row, window.cols, window.rows)
        mask = m == 0
    elif nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
        mask = data == np.asarray(nodata).astype(data.dtype) if _representable(nodata, data.dtype) \
            else np.zeros(data.shape, dtype=bool)
    else:
        mask = np.zeros(data.shape, dtype=bool)
    if data.dtype.kind == "f":
        mask |= np.isnan(data)
    return mask


def _representable(value: float, dtype: np.dtype) -> bool:
    if dtype.kind == "f":
        return True
    info = np.iinfo(dtype)
    return float(value).is_integer() and info.min <= value <= info.max


def read_window(sources: Sequence[Source], window: Window) -> Block:
    """One window of every source (opened for this call: a dataset is never shared between threads)."""
    arrays, masks = [], []
    for src in sources:
        ds = open_raster(src)
        if not 1 <= src.band <= ds.RasterCount:
            raise InvalidInputError("The raster {layer} has no band {band}.", layer=src.name, band=src.band)
        band = ds.GetRasterBand(src.band)
        data, mask = read_band_window(band, band.GetNoDataValue(), window, src.name)
        arrays.append(data)
        masks.append(mask)
    return Block(window, tuple(arrays), tuple(masks))


def window_plan(sources: Sequence[Source], max_window_bytes: int = DEFAULT_WINDOW_BYTES) -> tuple[Grid, list[Window]]:
    """The grid of the first source and the windows ``qgis_io.raster.BlockReader`` would read."""
    grid = grid_of(sources[0])
    blocks, bytes_pp = [], 0
    for src in sources:
        ds = open_raster(src)  # keep the dataset alive while its band is used
        band = ds.GetRasterBand(src.band)
        blocks.append(tuple(band.GetBlockSize()))
        bytes_pp += band_dtype(band).itemsize + 1  # + the mask
        del band, ds
    return grid, plan_windows(grid, blocks, bytes_pp, max_window_bytes)


# --------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------
def creation_options(dtype=None, extra: Sequence[str] = (), threads: int = 2) -> list[str]:
    """GeoTIFF creation options: 256 x 256 tiles, DEFLATE level 1, BigTIFF when needed, compression
    on ``threads`` threads; ``extra`` (``KEY=VALUE``) override them.

    Level 1 rather than GDAL's default 6: measured here on score and class rasters it compresses
    5-15 times faster for files only 10-15 % larger (and no predictor: it cost time without
    making these files smaller)."""
    opts = {
        "TILED": "YES", "BLOCKXSIZE": str(TILE), "BLOCKYSIZE": str(TILE), "COMPRESS": "DEFLATE",
        "ZLEVEL": "1", "BIGTIFF": "IF_SAFER", "NUM_THREADS": str(max(1, int(threads))),
    }
    for item in extra:
        key, _, value = item.partition("=")
        opts[key.strip().upper()] = value.strip()
    if opts["COMPRESS"].upper() != "DEFLATE":
        opts.pop("ZLEVEL", None)  # a DEFLATE level only
    if opts["COMPRESS"].upper() == "NONE":
        opts.pop("NUM_THREADS", None)
    return [f"{k}={v}" for k, v in opts.items()]


def cog_options(extra: Sequence[str] = (), threads: int = 1, overviews: bool = False) -> list[str]:
    """COG driver options equivalent to :func:`creation_options` (same compression and level)."""
    gtiff = dict(item.split("=", 1) for item in creation_options(None, extra, threads))
    opts = {"BLOCKSIZE": str(TILE), "COMPRESS": gtiff["COMPRESS"], "BIGTIFF": "IF_SAFER",
            "OVERVIEWS": "AUTO" if overviews else "NONE"}
    level = gtiff.get("ZLEVEL") or gtiff.get("ZSTD_LEVEL")
    if level:
        opts["LEVEL"] = level
    if "NUM_THREADS" in gtiff:
        opts["NUM_THREADS"] = gtiff["NUM_THREADS"]
    return [f"{k}={v}" for k, v in opts.items()]


def to_output(array: np.ndarray, mask: np.ndarray | None, dtype, nodata: float) -> np.ndarray:
    """``array`` converted to the output type with NoData where ``mask`` (the writers' one rule)."""
    dtype = np.dtype(dtype)
    out = np.asarray(array)
    owned = False
    if out.dtype != dtype:
        out, owned = out.astype(dtype), True
    if mask is not None and mask.any():
        fill = np.asarray(nodata).astype(dtype)
        if owned:
            np.copyto(out, fill, where=mask)
        else:
            out = np.where(mask, fill, out)
    return out


def tile_path(folder: str, name: str, window: Window) -> str:
    """Path of the tile of ``window`` for output ``name`` (sorted by window index)."""
    return os.path.join(folder, f"{name}_{window.index:06d}_r{window.row}_c{window.col}.tif")


def write_tile(path: str, grid: Grid, window: Window, bands: Sequence[np.ndarray], dtype, nodata: float,
               extra: Sequence[str] = (), descriptions: Sequence[str] | None = None) -> str:
    """Write ``bands`` (already in the output type, NoData filled) of ``window`` as one COG tile.

    Written under a temporary name in the same folder and renamed, so the tile is complete or
    absent; a second run of the same task replaces it."""
    dtype = np.dtype(dtype)
    mem = gdal.GetDriverByName("MEM").Create("", window.cols, window.rows, len(bands), NUMPY_TO_GDAL[dtype])
    mem.SetGeoTransform(grid.window_geotransform(window))
    if grid.crs_wkt:
        mem.SetProjection(grid.crs_wkt)
    for b, arr in enumerate(bands, start=1):
        band = mem.GetRasterBand(b)
        band.SetNoDataValue(float(nodata))
        if descriptions is not None and b - 1 < len(descriptions):
            band.SetDescription(descriptions[b - 1])
        if band.WriteArray(np.asarray(arr, dtype=dtype)) != 0:
            raise InvalidInputError("Could not write the raster {path}: {error}", path=path,
                                    error=gdal.GetLastErrorMsg())
    tmp = f"{path}.{uuid.uuid4().hex[:8]}.part"
    out = gdal.GetDriverByName("COG").CreateCopy(tmp, mem, options=cog_options(extra, threads=1))
    if out is None:
        raise InvalidInputError("Could not write the raster {path}: {error}", path=path,
                                error=gdal.GetLastErrorMsg())
    out = None  # closes the file
    os.replace(tmp, path)
    return path


def build_vrt(path: str, tiles: Sequence[str], descriptions: Sequence[str] | None = None) -> str:
    """A VRT mosaic of ``tiles`` (same grid, no overlaps) at ``path``; tiles are referenced by
    paths relative to the VRT when they are in its folder tree."""
    vrt = gdal.BuildVRT(path, list(tiles))
    if vrt is None:
        raise InvalidInputError("Could not write the raster {path}: {error}", path=path,
                                error=gdal.GetLastErrorMsg())
    if descriptions:
        for b, text in enumerate(descriptions, start=1):
            if b <= vrt.RasterCount:
                vrt.GetRasterBand(b).SetDescription(text)
    vrt = None  # closing writes the VRT
    return path


def assemble(vrt_path: str, out_path: str, extra: Sequence[str] = (), threads: int = 2) -> str:
    """Translate the VRT mosaic into one COG (with overviews) at ``out_path``."""
    if os.path.exists(out_path):
        gdal.GetDriverByName("GTiff").Delete(out_path)
    tmp = f"{out_path}.{uuid.uuid4().hex[:8]}.part.tif"
    out = gdal.Translate(tmp, vrt_path, format="COG",
                         creationOptions=cog_options(extra, threads=threads, overviews=True))
    if out is None:
        raise InvalidInputError("Could not write the raster {path}: {error}", path=out_path,
                                error=gdal.GetLastErrorMsg())
    out = None
    os.replace(tmp, out_path)
    return out_path


# --------------------------------------------------------------------------------------------
# rasterising polygons
# --------------------------------------------------------------------------------------------
def rasterize_values(wkbs: Sequence[bytes], values: Sequence[float], grid: Grid, window: Window, fill: float = 0.0,
                     dtype="int32", all_touched: bool = False) -> np.ndarray:
    """Burn ``values`` of polygons (WKB, in the grid's CRS) into ``window`` of ``grid``.

    A pixel gets a polygon's value when its centre is inside the polygon (GDAL's rule), or when
    the polygon touches it if ``all_touched``; later polygons overwrite earlier ones; other
    pixels get ``fill``.
    """
    dtype = np.dtype(dtype)
    mem = gdal.GetDriverByName("MEM").Create("", window.cols, window.rows, 1, NUMPY_TO_GDAL[dtype])
    mem.SetGeoTransform(grid.window_geotransform(window))
    if grid.crs_wkt:
        mem.SetProjection(grid.crs_wkt)
    band = mem.GetRasterBand(1)
    band.Fill(fill)
    if len(wkbs):
        vds = ogr.GetDriverByName("Memory").CreateDataSource("")
        srs = _srs(grid.crs_wkt)
        layer = vds.CreateLayer("burn", srs=srs, geom_type=ogr.wkbUnknown)
        layer.CreateField(ogr.FieldDefn("value", ogr.OFTReal))
        defn = layer.GetLayerDefn()
        for wkb, value in zip(wkbs, values, strict=True):
            feat = ogr.Feature(defn)
            feat.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)))
            feat.SetField(0, float(value))
            layer.CreateFeature(feat)
        opts = ["ATTRIBUTE=value"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
        if gdal.RasterizeLayer(mem, [1], layer, options=opts) != 0:
            raise InvalidInputError("Could not rasterise the polygons: {error}", error=gdal.GetLastErrorMsg())
    return band.ReadAsArray()


def _srs(wkt: str):
    if not wkt:
        return None
    srs = osr.SpatialReference()
    if srs.ImportFromWkt(wkt) != 0:
        return None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs
