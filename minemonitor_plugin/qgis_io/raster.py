"""Block-wise raster IO over GDAL: aligned multi-raster block reader, grid alignment, GeoTIFF writer.

The only module that turns raster layers into numpy arrays. Everything is window by window, so
memory stays bounded whatever the raster size:

* :func:`gdal_input` turns a ``QgsRasterLayer`` (GDAL provider) into a :class:`RasterInput`
  (the GDAL dataset name the provider opened, and a band);
* :func:`grid_of` / :func:`grid_mismatch` / :func:`align_inputs` describe grids, explain how two
  grids differ, and warp misaligned inputs onto a reference grid as VRTs (stated resampling method);
* :class:`BlockReader` iterates over windows of one or many aligned rasters (full-width rows of the
  files' natural blocks when they fit in the memory budget), returning arrays and NoData masks;
  the next window is decoded by a small thread pool while the caller computes the current one
  (GDAL releases the GIL while decoding, so both cores work);
* :class:`BlockWriter` writes a tiled, DEFLATE-compressed GeoTIFF window by window with NoData;
* :func:`rasterize_values` burns polygon values onto one window of a grid (vector factors, zones).

Styling of outputs is the algorithm base class's job (``style_output`` writes the sidecar .qml).
No global GDAL state is changed (no ``gdal.UseExceptions()``, no cache size): return values are
checked instead, and each window's blocks are dropped from GDAL's block cache once read, so GDAL's
cache does not grow to its default (5 % of RAM) during a long read.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from osgeo import gdal
from qgis.core import QgsProcessingException

from ..core.errors import InvalidInputError
from ..engine import windows as _engine
from ..engine.windows import Block, Window, plan_windows  # one home (QGIS-free), re-exported
from ..i18n import core_error_message, tr

#: Resampling methods accepted by :func:`align_inputs` (GDAL names, in the order of the enum
#: parameters that offer them). ``near`` is the only sensible one for grades and classes.
RESAMPLING_METHODS = ("near", "bilinear", "cubic", "average", "mode", "min", "max", "med")

#: Tile size of written GeoTIFFs; :class:`BlockReader` windows are aligned to it when possible.
TILE = 256

#: Default memory budget of one window over all inputs (the reader holds two: current + next).
DEFAULT_WINDOW_BYTES = 64 * 1024 * 1024

#: Largest raster (pixels per band) an algorithm reads on this machine unless the user raises the
#: limit with the environment variable ``MINEMONITOR_MAX_PIXELS``: 2e10 pixels is a 4-province
#: mosaic at 10 m; a national 30 m raster (1.1e10) passes, a VRT declaring 10^12 pixels does not.
MAX_PIXELS = 20_000_000_000


def max_pixels() -> int:
    """:data:`MAX_PIXELS`, or the value of ``MINEMONITOR_MAX_PIXELS`` when set to a number."""
    try:
        return int(float(os.environ.get("MINEMONITOR_MAX_PIXELS", MAX_PIXELS)))
    except ValueError:
        return MAX_PIXELS

_GDAL_TO_NUMPY = _engine.GDAL_TO_NUMPY
_NUMPY_TO_GDAL = _engine.NUMPY_TO_GDAL


# --------------------------------------------------------------------------------------------
# inputs and grids
# --------------------------------------------------------------------------------------------
#: One band of a GDAL-readable raster: ``dataset`` (a file path, a VRT, ``GPKG:file:table`` ...),
#: 1-based ``band`` and the ``label`` shown in messages (the layer name); ``name`` is the label or the
#: dataset's file name. The engine's :class:`~..engine.windows.Source`, so the same value goes to
#: local readers and to dask workers.
RasterInput = _engine.Source


@dataclass(frozen=True)
class RasterGrid(_engine.Grid):
    """A north-up raster grid (:class:`engine.windows.Grid`: size, GDAL geotransform
    ``(x0, dx, 0, y0, 0, dy)`` with ``dy < 0``, CRS as WKT) with what messages need on top."""

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)``."""
        x0, dx, _, y0, _, dy = self.geotransform
        xs = (x0, x0 + dx * self.width)
        ys = (y0, y0 + dy * self.height)
        return min(xs), min(ys), max(xs), max(ys)

    def describe(self) -> str:
        """A short (translated) description for logs: size, pixel size, extent."""
        xmin, ymin, xmax, ymax = self.extent
        return tr("{width} x {height} pixels of {dx} x {dy}, extent {extent}").format(
            width=self.width, height=self.height, dx=f"{self.pixel_width:g}", dy=f"{self.pixel_height:g}",
            extent=f"{xmin:g}, {ymin:g} : {xmax:g}, {ymax:g}")


def gdal_input(layer, band: int = 1) -> RasterInput:
    """The GDAL dataset behind a ``QgsRasterLayer`` read by the ``gdal`` provider.

    The provider's data source URI is opened as is (QGIS's gdal provider URIs are GDAL dataset
    names); if GDAL cannot open it, the path decoded by QGIS's provider registry is used.

    Raises
    ------
    QgsProcessingException
        If the layer is invalid, not read by GDAL (WMS, WCS, a plugin provider ...) or the band
        does not exist.
    """
    from qgis.core import QgsProviderRegistry, QgsRasterLayer

    if layer is not None and not isinstance(layer, QgsRasterLayer):
        raise QgsProcessingException(tr("The layer {layer} is not a raster layer.").format(layer=layer.name()))
    if layer is None or not layer.isValid():
        name = layer.name() if layer is not None else "?"
        raise QgsProcessingException(tr("The raster layer {layer} is not valid.").format(layer=name))
    provider = layer.dataProvider()
    if provider is None or provider.name() != "gdal":
        raise QgsProcessingException(
            tr("The raster layer {layer} is read by the {provider} provider; MineMonitor reads rasters "
               "with GDAL. Save it as a GeoTIFF first.").format(
                layer=layer.name(), provider=provider.name() if provider is not None else "?"))
    uri = provider.dataSourceUri()
    candidates = [uri]
    decoded = QgsProviderRegistry.instance().decodeUri("gdal", uri)
    path = decoded.get("path") or ""
    if decoded.get("layerName"):
        candidates.append(f"GPKG:{path}:{decoded['layerName']}")
    candidates.append(path)
    for name in candidates:
        if name and _open(name) is not None:
            break
    else:
        raise QgsProcessingException(
            tr("GDAL cannot open the raster layer {layer} ({source}).").format(layer=layer.name(), source=uri))
    if not 1 <= band <= layer.bandCount():
        raise QgsProcessingException(
            tr("The raster layer {layer} has no band {band}.").format(layer=layer.name(), band=band))
    ds = _open(name)
    if not layer.crs().isValid() or not (ds.GetProjection() or "").strip():
        raise QgsProcessingException(
            tr("The raster layer {layer} has no coordinate reference system, so its pixel sizes and areas are "
               "unknown. Assign one (Raster > Projections > Assign Projection, or gdal_edit.py -a_srs) and run "
               "again.").format(layer=layer.name()))
    pixels = ds.RasterXSize * ds.RasterYSize
    if pixels > max_pixels():
        raise QgsProcessingException(
            tr("The raster layer {layer} has {width} x {height} = {pixels:.3g} pixels per band, more than this "
               "machine is set to process ({limit:.3g}; hours of work). Clip or resample it first, or raise the "
               "limit with the environment variable MINEMONITOR_MAX_PIXELS (QGIS: Settings > Options > System > "
               "Environment).").format(layer=layer.name(), width=ds.RasterXSize, height=ds.RasterYSize,
                                       pixels=float(pixels), limit=float(max_pixels())))
    return RasterInput(name, band, layer.name())


def grid_of(source: RasterInput | str) -> RasterGrid:
    """The grid of a raster (a :class:`RasterInput` or a GDAL dataset name)."""
    ds = _open_checked(source)
    return RasterGrid(ds.RasterXSize, ds.RasterYSize, tuple(ds.GetGeoTransform()), ds.GetProjection() or "")


def dtype_of(source: RasterInput) -> np.dtype:
    """numpy data type of a band as :class:`BlockReader` returns it (float64 for types numpy has no
    exact match for, and for bands with a scale/offset, which the reader applies)."""
    ds = _open_checked(source)
    return _band_dtype(ds.GetRasterBand(source.band))


def _band_dtype(band) -> np.dtype:
    return _engine.band_dtype(band)


def grid_from_layer(layer) -> RasterGrid:
    """The grid of a ``QgsRasterLayer`` of any provider (for reference grids)."""
    ext = layer.extent()
    w, h = layer.width(), layer.height()
    dx = ext.width() / w
    dy = ext.height() / h
    return RasterGrid(w, h, (ext.xMinimum(), dx, 0.0, ext.yMaximum(), 0.0, -dy), layer.crs().toWkt())


def grid_mismatch(grid: RasterGrid, reference: RasterGrid, tolerance: float = 1e-6) -> str | None:
    """How ``grid`` differs from ``reference`` (translated, for messages), or None if aligned.

    Origins and pixel sizes are compared with a tolerance of ``tolerance`` pixels.
    """
    if not _same_crs(grid.crs_wkt, reference.crs_wkt):
        return tr("CRS {crs} instead of {reference}").format(
            crs=_crs_name(grid.crs_wkt), reference=_crs_name(reference.crs_wkt))
    g, r = grid.geotransform, reference.geotransform
    if g[2] or g[4] or r[2] or r[4]:
        return tr("rotated geotransform")
    px = reference.pixel_width * tolerance
    py = reference.pixel_height * tolerance
    if abs(g[1] - r[1]) > px or abs(g[5] - r[5]) > py:
        return tr("pixel size {size} instead of {reference}").format(
            size=f"{grid.pixel_width:g} x {grid.pixel_height:g}",
            reference=f"{reference.pixel_width:g} x {reference.pixel_height:g}")
    same_size = (grid.width, grid.height) == (reference.width, reference.height)
    if abs(g[0] - r[0]) > px or abs(g[3] - r[3]) > py or not same_size:
        return tr("{grid} instead of {reference}").format(grid=grid.describe(), reference=reference.describe())
    return None


def align_inputs(
    inputs: Sequence[RasterInput],
    reference: RasterGrid,
    resampling: str | Sequence[str] = "near",
    workdir: str | None = None,
    allow_resampling: bool = True,
) -> tuple[tuple[RasterInput, ...], tuple[str, ...]]:
    """Put every input on ``reference``: aligned ones as they are, others warped into a VRT.

    Parameters
    ----------
    inputs : sequence of RasterInput
    reference : RasterGrid
        Target CRS, pixel size and extent.
    resampling : str or sequence of str
        GDAL resampling method (one of :data:`RESAMPLING_METHODS`), or one per input.
    workdir : str, optional
        Folder for the VRT files (a new temporary folder if None).
    allow_resampling : bool
        If False, a misaligned input raises instead of being warped.

    Returns
    -------
    (inputs, notes)
        The aligned inputs (same order; a warped one points at its single-band VRT) and one
        translated note per warped input (for the log).

    Raises
    ------
    QgsProcessingException
        A misaligned input when ``allow_resampling`` is False, or a failed warp.
    """
    methods = [resampling] * len(inputs) if isinstance(resampling, str) else list(resampling)
    aligned: list[RasterInput] = []
    notes: list[str] = []
    for inp, method in zip(inputs, methods, strict=True):
        if method not in RESAMPLING_METHODS:
            raise QgsProcessingException(tr("Unknown resampling method {method}.").format(method=method))
        why = grid_mismatch(grid_of(inp), reference)
        if why is None:
            aligned.append(inp)
            continue
        if not allow_resampling:
            raise QgsProcessingException(
                tr("The raster {layer} is not on the reference grid ({difference}); align it first or "
                   "allow resampling.").format(layer=inp.name, difference=why))
        if workdir is None:
            workdir = tempfile.mkdtemp(prefix="minemonitor_align_")
        vrt = os.path.join(workdir, f"aligned_{len(aligned)}_{abs(hash((inp.dataset, inp.band))):x}.vrt")
        aligned.append(_warp_to_vrt(inp, reference, method, vrt))
        notes.append(tr("{layer}: {difference}; resampled ({method}) onto the reference grid").format(
            layer=inp.name, difference=why, method=method))
    return tuple(aligned), tuple(notes)


def _warp_to_vrt(inp: RasterInput, reference: RasterGrid, method: str, vrt: str) -> RasterInput:
    ds = _open_checked(inp)
    band = ds.GetRasterBand(inp.band)
    nodata = band.GetNoDataValue()
    kwargs = {}
    if nodata is None:
        # cells outside the source must become NoData, so the warped band needs a NoData value
        kwargs.update(outputType=gdal.GDT_Float32, dstNodata=float("nan"))
    else:
        kwargs.update(srcNodata=nodata, dstNodata=nodata)
    xmin, ymin, xmax, ymax = reference.extent
    source = ds
    if ds.RasterCount > 1:
        # one band only (gdal.Warp's srcBands needs GDAL 3.7): a band-selecting VRT in between
        source = gdal.Translate(vrt[:-4] + "_band.vrt", ds, format="VRT", bandList=[inp.band])
    options = gdal.WarpOptions(
        format="VRT", outputBounds=(xmin, ymin, xmax, ymax), width=reference.width, height=reference.height,
        dstSRS=reference.crs_wkt or None, resampleAlg=method, multithread=False, **kwargs,
    )
    out = gdal.Warp(vrt, source, options=options)
    if out is None:
        raise QgsProcessingException(tr("Could not resample the raster {layer}: {error}").format(
            layer=inp.name, error=gdal.GetLastErrorMsg()))
    out = None  # closing writes the VRT
    return RasterInput(vrt, 1, inp.name)


# --------------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------------
class BlockReader:
    """Iterate over windows of one or many aligned rasters, reading ahead on a thread pool.

    Parameters
    ----------
    inputs : sequence of RasterInput
        Rasters on the same grid (use :func:`align_inputs` first); the first one defines it.
    threads : int
        Decoding threads (>= 1). With 2, the inputs of the next window are decoded on two threads
        while the caller processes the current window. Each dataset is only ever used by one
        thread at a time (a window's reads finish before the next window's are submitted).
    max_window_bytes : int
        Memory budget of one window over all inputs; at most two windows are alive at once.
    windows : sequence of Window, optional
        Explicit windows (default: :func:`plan_windows`).

    Notes
    -----
    NoData: a pixel is NoData where the band's NoData value matches, where a float is NaN, or
    where the band's mask band (per-dataset mask, alpha) is 0. Declared scale/offset are applied.

    Examples
    --------
    >>> with BlockReader([a, b]) as reader:                           # doctest: +SKIP
    ...     for block in reader:
    ...         total = block.arrays[0] + block.arrays[1]
    """

    def __init__(
        self,
        inputs: Sequence[RasterInput],
        threads: int = 2,
        max_window_bytes: int = DEFAULT_WINDOW_BYTES,
        windows: Sequence[Window] | None = None,
    ) -> None:
        if not inputs:
            raise QgsProcessingException(tr("No raster to read."))
        self.inputs = tuple(inputs)
        self._datasets = [_open_checked(inp) for inp in self.inputs]
        self.grid = grid_of(self.inputs[0])
        for inp in self.inputs[1:]:
            why = grid_mismatch(grid_of(inp), self.grid)
            if why is not None:
                raise QgsProcessingException(
                    tr("The raster {layer} is not on the grid of {reference} ({difference}).").format(
                        layer=inp.name, reference=self.inputs[0].name, difference=why))
        self._bands = []
        for inp, ds in zip(self.inputs, self._datasets, strict=True):
            if not 1 <= inp.band <= ds.RasterCount:
                raise QgsProcessingException(
                    tr("The raster {layer} has no band {band}.").format(layer=inp.name, band=inp.band))
            self._bands.append(ds.GetRasterBand(inp.band))
        self.nodata_values = tuple(b.GetNoDataValue() for b in self._bands)
        self.dtypes = tuple(_band_dtype(b) for b in self._bands)
        bytes_pp = sum(d.itemsize for d in self.dtypes) + len(self.dtypes)  # + the masks
        blocks = [tuple(b.GetBlockSize()) for b in self._bands]
        self.windows = list(windows) if windows is not None else plan_windows(
            self.grid, blocks, bytes_pp, max_window_bytes)
        self.threads = max(1, int(threads))
        self._pool: ThreadPoolExecutor | None = None

    # context manager ---------------------------------------------------------------------
    def __enter__(self) -> BlockReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the thread pool and close the datasets."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        self._bands = []
        self._datasets = []

    def __len__(self) -> int:
        return len(self.windows)

    # reading ------------------------------------------------------------------------------
    def read(self, window: Window) -> Block:
        """Read one window synchronously."""
        results = [self._read_one(i, window) for i in range(len(self.inputs))]
        return Block(window, tuple(r[0] for r in results), tuple(r[1] for r in results))

    def __iter__(self) -> Iterator[Block]:
        if not self.windows:
            return
        if self.threads == 1:
            for window in self.windows:
                yield self.read(window)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="minemonitor-read")
        pending = self._submit(self.windows[0])
        try:
            for k, window in enumerate(self.windows):
                results = [f.result() for f in pending]
                # submit the next window only now: no dataset is read by two threads at once
                pending = self._submit(self.windows[k + 1]) if k + 1 < len(self.windows) else []
                yield Block(window, tuple(r[0] for r in results), tuple(r[1] for r in results))
        finally:
            for f in pending:
                f.cancel()
            for f in pending:
                if not f.cancelled():
                    f.exception()

    def _submit(self, window: Window) -> list[Future]:
        assert self._pool is not None
        # large inputs first, so the two threads finish together
        order = sorted(range(len(self.inputs)), key=lambda i: -self.dtypes[i].itemsize)
        futures = {i: self._pool.submit(self._read_one, i, window) for i in order}
        return [futures[i] for i in range(len(self.inputs))]

    def _read_one(self, i: int, window: Window) -> tuple[np.ndarray, np.ndarray]:
        # the engine's reader: cluster workers read the same numbers (engine/windows.py)
        try:
            return _engine.read_band_window(self._bands[i], self.nodata_values[i], window, self.inputs[i].name)
        except InvalidInputError as err:
            raise QgsProcessingException(core_error_message(err)) from None


# --------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------
#: Output compressions offered by the algorithms (in the order of their COMPRESSION parameter).
#: DEFLATE is the default: every GIS reads it (ArcGIS included). ZSTD level 1 compresses
#: Float32 scores 3-4 times faster for files of the same size (measured here), and every GDAL
#: since 2.3 (so every QGIS 3) reads it.
COMPRESSIONS = ("DEFLATE", "ZSTD", "LZW", "NONE")


def compression_options(name: str) -> list[str]:
    """Creation options (for :func:`creation_options` ``extra``) of a name of :data:`COMPRESSIONS`."""
    if name not in COMPRESSIONS:
        raise QgsProcessingException(tr("Unknown raster compression {name}.").format(name=name))
    return {"DEFLATE": [], "ZSTD": ["COMPRESS=ZSTD", "ZSTD_LEVEL=1"], "LZW": ["COMPRESS=LZW"],
            "NONE": ["COMPRESS=NONE"]}[name]


def creation_options(dtype: np.dtype | str, extra: Sequence[str] = (), threads: int = 2) -> list[str]:
    """GeoTIFF creation options (256 x 256 tiles, DEFLATE level 1 ...): :func:`engine.windows.creation_options`."""
    return _engine.creation_options(dtype, extra, threads)


class BlockWriter:
    """Write a single- or multi-band tiled, compressed GeoTIFF window by window.

    Parameters
    ----------
    path : str
        Output file (``.tif``); overwritten.
    grid : RasterGrid
    dtype : numpy dtype or str
        Band data type (uint8, int16, int32, float32 ...).
    nodata : float
        NoData value written where the mask is True and stored in the file.
    bands : int
    extra_options : sequence of str
        Creation options overriding :func:`creation_options`.
    descriptions : sequence of str, optional
        Band descriptions.

    background : bool
        Write on a background thread: :meth:`write` returns at once and the window is converted,
        compressed and written while the caller computes the next one (at most one window waits;
        an error surfaces at the next :meth:`write` or at :meth:`close`). The arrays passed must
        not be modified afterwards.
    compress_threads : int
        Threads GDAL compresses tiles on (``NUM_THREADS``). 2 by default; 1 when the caller keeps
        both cores busy reading (a second compression thread then only adds switching).

    Notes
    -----
    Windows should be aligned to :data:`TILE` rows (those of :func:`plan_windows` are); the cache
    is flushed whenever a window completes a row of tiles, so memory stays bounded.
    """

    def __init__(self, path: str, grid: RasterGrid, dtype, nodata: float, bands: int = 1,
                 extra_options: Sequence[str] = (), descriptions: Sequence[str] | None = None,
                 background: bool = True, compress_threads: int = 2) -> None:
        self.path = path
        self.grid = grid
        self.dtype = np.dtype(dtype)
        if self.dtype not in _NUMPY_TO_GDAL:
            raise QgsProcessingException(tr("Unsupported output data type {dtype}.").format(dtype=str(self.dtype)))
        self.nodata = nodata
        if os.path.exists(path):
            gdal.GetDriverByName("GTiff").Delete(path)
        ds = gdal.GetDriverByName("GTiff").Create(
            path, grid.width, grid.height, bands, _NUMPY_TO_GDAL[self.dtype],
            options=creation_options(self.dtype, extra_options, compress_threads))
        if ds is None:
            raise QgsProcessingException(tr("Could not create the raster {path}: {error}").format(
                path=path, error=gdal.GetLastErrorMsg()))
        ds.SetGeoTransform(grid.geotransform)
        if grid.crs_wkt:
            ds.SetProjection(grid.crs_wkt)
        for b in range(1, bands + 1):
            band = ds.GetRasterBand(b)
            band.SetNoDataValue(float(nodata))
            if descriptions is not None and b - 1 < len(descriptions):
                band.SetDescription(descriptions[b - 1])
        self._ds = ds
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="minemonitor-write") if background else None
        self._pending: Future | None = None

    def __enter__(self) -> BlockWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def write(self, window: Window, array: np.ndarray, mask: np.ndarray | None = None, band: int = 1,
              owned: bool = False) -> None:
        """Write ``array`` (``window.rows`` x ``window.cols``) at ``window``; True in ``mask`` -> NoData.

        ``owned``: the caller hands ``array`` over (it is not used afterwards), so NoData may be
        written into it in place instead of into a copy."""
        if self._ds is None:
            raise RuntimeError("BlockWriter is closed")
        if self._executor is None:
            self._write_now(window, array, mask, band, owned)
            return
        if self._pending is not None:
            self._pending.result()  # one window in flight at most; re-raises a failed write
        self._pending = self._executor.submit(self._write_now, window, array, mask, band, owned)

    def _write_now(self, window: Window, array: np.ndarray, mask: np.ndarray | None, band: int,
                   owned: bool = False) -> None:
        out = np.asarray(array)
        if out.dtype != self.dtype:
            out, owned = out.astype(self.dtype), True
        if mask is not None and mask.any():
            fill = np.asarray(self.nodata).astype(self.dtype)
            if owned and out.flags.writeable:
                np.copyto(out, fill, where=mask)
            else:
                out = np.where(mask, fill, out)
        b = self._ds.GetRasterBand(band)
        if b.WriteArray(out, window.col, window.row) != 0:
            raise QgsProcessingException(tr("Could not write the raster {path}: {error}").format(
                path=self.path, error=gdal.GetLastErrorMsg()))
        end = window.row + window.rows
        if end % TILE == 0 or end == self.grid.height:
            gdal.ErrorReset()
            b.FlushCache()
            self._check_errors()

    def close(self) -> str:
        """Finish the pending write, flush and close the file; returns its path."""
        try:
            if self._pending is not None:
                pending, self._pending = self._pending, None
                pending.result()
        finally:
            if self._executor is not None:
                self._executor.shutdown(wait=True)
                self._executor = None
            if self._ds is not None:
                gdal.ErrorReset()
                self._ds.FlushCache()
                self._ds = None  # closes the file (the last tiles are written now)
                self._check_errors()
        return self.path

    def _check_errors(self) -> None:
        """GDAL reports a failed tile write (disk full, file size limit) only as an error message."""
        if gdal.GetLastErrorType() >= gdal.CE_Failure:
            message = gdal.GetLastErrorMsg()
            gdal.ErrorReset()
            raise QgsProcessingException(tr("Could not write the raster {path}: {error}").format(
                path=self.path, error=message))


# --------------------------------------------------------------------------------------------
# rasterising polygons
# --------------------------------------------------------------------------------------------
def rasterize_values(
    wkbs: Sequence[bytes],
    values: Sequence[float],
    grid: RasterGrid,
    window: Window,
    fill: float = 0.0,
    dtype="int32",
    all_touched: bool = False,
) -> np.ndarray:
    """Burn ``values`` of polygons (WKB, in the grid's CRS) into ``window`` of ``grid``
    (:func:`engine.windows.rasterize_values`: pixel centre rule, or every touched pixel)."""
    try:
        return _engine.rasterize_values(wkbs, values, grid, window, fill, dtype, all_touched)
    except InvalidInputError as err:
        raise QgsProcessingException(core_error_message(err)) from None


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------
def _open(name: str):
    return gdal.OpenEx(name, gdal.OF_RASTER | gdal.OF_READONLY)


def _open_checked(source: RasterInput | str):
    name = source.dataset if isinstance(source, RasterInput) else source
    label = source.name if isinstance(source, RasterInput) else os.path.basename(source)
    ds = _open(name)
    if ds is None:
        raise QgsProcessingException(
            tr("GDAL cannot open the raster {layer} ({source}).").format(layer=label, source=name))
    return ds


_srs = _engine._srs


def _same_crs(a: str, b: str) -> bool:
    if a == b:
        return True
    sa, sb = _srs(a), _srs(b)
    if sa is None or sb is None:
        return sa is None and sb is None
    return bool(sa.IsSame(sb))


def _crs_name(wkt: str) -> str:
    srs = _srs(wkt)
    if srs is None:
        return "(none)"
    auth = srs.GetAuthorityName(None)
    code = srs.GetAuthorityCode(None)
    return f"{auth}:{code}" if auth and code else (srs.GetName() or "(unnamed)")
