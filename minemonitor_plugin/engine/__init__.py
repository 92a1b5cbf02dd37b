"""The QGIS-free execution engine: what a cluster worker needs besides ``core``.

* :mod:`.windows` — GDAL window reading (NoData masks, scale/offset) and writing (tiled COG tiles,
  VRT mosaics), shared by the in-QGIS block reader (``qgis_io.raster``) and the workers;
* :mod:`.tasks` — the per-window / per-block tasks of the heavy algorithms (trend, overlay,
  classes, zonal sums), plain functions of picklable arguments;
* :mod:`.cluster` — the dask client side: connecting to a scheduler, checking the workers'
  version and what they can open, running tasks with progress, cancel and retries;
* :mod:`.version` — the version a worker runs (the plugin's metadata.txt).

Nothing here imports ``qgis`` or ``PyQt`` (``tests/core/test_engine_imports.py`` checks it in a
fresh interpreter); errors are :mod:`..core.errors` with English templates the plugin translates.
The ``minemonitor-core`` distribution (``packaging/``) ships this package with ``core`` for the
worker machines.
"""
