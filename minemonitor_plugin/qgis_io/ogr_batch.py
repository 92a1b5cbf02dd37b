"""Reading GeoPackage layers in batches through OGR's Arrow interface (GDAL >= 3.6).

QGIS hands features over one by one (about 10 µs each in Python); a 200,000-polygon land-use
layer then costs seconds before any analysis starts. For the common case, a GeoPackage table read
whole by QGIS's ``ogr`` provider, the same table is read here with ``OGR_L_GetArrowStream`` as
numpy batches: feature ids, WKB and the requested attributes, about 1 µs per feature.

It is used only where it returns exactly what the QGIS iterator would (:func:`batch_table` says
when): a GeoPackage layer of the ``ogr`` provider, with no subset string, no unsaved edits, no
"selected features only", feature limit or filter on the Processing parameter, and requested
fields of integer, real or string type. Anything else (and any failure) falls back to the QGIS
iterator in :mod:`.vector`. Reprojection goes through QGIS's own ``QgsCoordinateTransform`` with
the context's transform settings (one call on a geometry collection of the whole batch).

With ``near`` (bounding boxes in the layer's CRS), only features whose box intersects one of
them are converted; the table's R*-tree (``rtree_<table>_<geometry>``, float32 boxes rounded
outwards, so a superset) picks them with one indexed SQLite query per box (read-only), without
reading every geometry; without an R*-tree the boxes come from the geometries, batch by batch.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np
from osgeo import gdal, ogr

from .. import compat

#: Attribute set on a QgsProcessingFeatureSource that :func:`batch_table` found readable in batches.
BATCH_ATTRIBUTE = "_minemonitor_batch_table"

#: Features per Arrow batch (progress and cancel are checked between batches).
BATCH_SIZE = 65536

_STRING_SUBTYPES = (ogr.OFSTNone, ogr.OFSTUUID)
_INTEGER_SUBTYPES = (ogr.OFSTNone, ogr.OFSTInt16)
_REAL_SUBTYPES = (ogr.OFSTNone, ogr.OFSTFloat32)


@dataclass(frozen=True)
class BatchTable:
    """A GeoPackage table that can be read in batches.

    Attributes
    ----------
    path : str
        The GeoPackage file.
    table : str
        The table (OGR layer) name.
    fid_column : str
        Name of the feature id column (QGIS shows it as a field too).
    fields : dict
        Field name -> ``"int"``, ``"real"`` or ``"string"`` for the fields batches can carry.
    """

    path: str
    table: str
    fid_column: str
    fields: dict


def available() -> bool:
    """True when this GDAL offers the Arrow stream as numpy arrays (GDAL >= 3.6)."""
    return hasattr(ogr.Layer, "GetArrowStreamAsNumPy")


def batch_table(algorithm, parameters, name, context) -> BatchTable | None:
    """The GeoPackage table behind the feature source parameter ``name``, if batches read it exactly
    as QGIS would; None otherwise (then QGIS's iterator is used)."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProviderRegistry

    if not available():
        return None
    value = parameters.get(name) if isinstance(parameters, dict) else None
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly:
            return None
        if getattr(value, "featureLimit", -1) >= 0:
            return None
        if getattr(value, "filterExpression", ""):
            return None
    try:
        layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    except Exception:  # a parameter QGIS cannot turn into a layer: use the iterator
        return None
    if layer is None or not layer.isValid() or layer.providerType() != "ogr":
        return None
    if layer.subsetString() or layer.isModified():
        return None
    provider = layer.dataProvider()
    if provider is None or provider.storageType() != "GPKG":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    ds = _open(path)
    if ds is None:
        return None
    lyr = None
    if parts.get("layerName"):
        lyr = ds.GetLayerByName(parts["layerName"])
    elif parts.get("layerId") not in (None, ""):
        lyr = ds.GetLayer(int(parts["layerId"]))
    elif ds.GetLayerCount() == 1:
        lyr = ds.GetLayer(0)
    if lyr is None or lyr.GetFeatureCount() != layer.featureCount():
        return None
    if ogr.GT_IsNonLinear(lyr.GetGeomType()) or ogr.GT_Flatten(lyr.GetGeomType()) in (
            ogr.wkbUnknown, ogr.wkbGeometryCollection):
        return None  # curves (or a mixed layer that may hold them): QGIS's iterator linearises them
    fields = {}
    defn = lyr.GetLayerDefn()
    for i in range(defn.GetFieldCount()):
        fd = defn.GetFieldDefn(i)
        kind = _kind(fd)
        if kind is not None:
            fields[fd.GetName()] = kind
    fid_column = lyr.GetFIDColumn() or "fid"
    return BatchTable(path, lyr.GetName(), fid_column, fields)


def _kind(fd) -> str | None:
    t, sub = fd.GetType(), fd.GetSubType()
    if t == ogr.OFTString and sub in _STRING_SUBTYPES:
        return "string"
    if (t == ogr.OFTInteger and sub in _INTEGER_SUBTYPES) or t == ogr.OFTInteger64:
        return "int"
    if t == ogr.OFTReal and sub in _REAL_SUBTYPES:
        return "real"
    return None  # booleans, dates, JSON, lists, binary: QGIS turns them into other Python types


def supports(table: BatchTable, fields) -> bool:
    """True when every requested field can be read in batches."""
    return all(f in table.fields or f == table.fid_column for f in fields)


@dataclass
class Batches:
    """What :func:`read` returns: ids, WKB (None for NULL geometries) and attribute columns
    (object arrays, None for NULL) of the features read, and how many features the table has."""

    fids: np.ndarray
    wkbs: np.ndarray
    attributes: dict
    total: int
    candidates: int | None = None  # features near the boxes (None: no ``near`` filter)


def read(table: BatchTable, fields, near_boxes=None, feedback=None, progress=(0.0, 100.0)) -> Batches | None:
    """Read ``fields`` and the geometry of ``table`` in Arrow batches.

    ``near_boxes``: (n, 4) array of ``xmin, ymin, xmax, ymax`` in the layer's CRS; only features
    whose bounding box intersects one of them are returned (all features with a box that does;
    possibly a few more). Returns None if OGR cannot read the table this way.
    """
    ds = _open(table.path)
    if ds is None:
        return None
    lyr = ds.GetLayerByName(table.table)
    if lyr is None:
        return None
    total = lyr.GetFeatureCount()
    wanted = None
    if near_boxes is not None:
        wanted = _near_ids(ds, lyr, table, np.asarray(near_boxes, dtype=np.float64).reshape(-1, 4))
    defn = lyr.GetLayerDefn()
    keep_fields = [f for f in fields if f != table.fid_column]
    ignored = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())
               if defn.GetFieldDefn(i).GetName() not in keep_fields]
    if lyr.SetIgnoredFields(ignored) != 0:
        return None
    lyr.SetAttributeFilter(None)
    lyr.SetSpatialFilter(None)
    lyr.ResetReading()
    geom_column = lyr.GetGeometryColumn() or "wkb_geometry"
    fid_key = lyr.GetFIDColumn() or "OGC_FID"
    ids, geoms = [], []
    columns: dict[str, list] = {f: [] for f in keep_fields}
    done = 0
    start, end = progress
    try:
        stream = lyr.GetArrowStreamAsNumPy(options=[f"MAX_FEATURES_IN_BATCH={BATCH_SIZE}", "INCLUDE_FID=YES"])
        for batch in stream:
            fid = np.asarray(batch[fid_key], dtype=np.int64)
            done += len(fid)
            sel = slice(None) if wanted is None else np.isin(fid, wanted, assume_unique=True)
            ids.append(fid[sel])
            # select first: only the rows kept are converted to Python objects
            geoms.append(_objects(batch[geom_column][sel], None))
            for f in keep_fields:
                columns[f].append(_objects(batch[f][sel], table.fields[f]))
            if feedback is not None:
                if feedback.isCanceled():
                    return None
                if total > 0:
                    feedback.setProgress(start + (end - start) * min(done / total, 1.0))
    except Exception:  # any OGR/Arrow failure: the caller uses QGIS's iterator
        return None
    finally:
        lyr.SetIgnoredFields([])
    fids = np.concatenate(ids) if ids else np.empty(0, np.int64)
    attributes = {f: (np.concatenate(columns[f]) if columns[f] else np.empty(0, object)) for f in keep_fields}
    if table.fid_column in fields:
        attributes[table.fid_column] = fids.astype(object)
    return Batches(fids, np.concatenate(geoms) if geoms else np.empty(0, object), attributes, total,
                   None if wanted is None else len(fids))


def _objects(column, kind: str | None) -> np.ndarray:
    """A numpy (masked) Arrow column as an object array of Python values, None where NULL."""
    mask = np.ma.getmaskarray(column)
    data = np.ma.getdata(column)
    if kind == "string":
        out = np.char.decode(data, "utf-8").astype(object) if data.dtype.kind == "S" else data.astype(object)
    else:
        out = data.astype(object)  # numpy ints/floats -> Python ints/floats; WKB bytes stay bytes
    if mask.any():
        out[mask] = None
    return out


def _near_ids(ds, lyr, table: BatchTable, boxes: np.ndarray) -> np.ndarray:
    """Sorted ids of the features whose bounding box intersects one of ``boxes``."""
    import shapely

    if not len(boxes):
        return np.empty(0, np.int64)
    ids = _rtree_ids(table.path, f"rtree_{lyr.GetName()}_{lyr.GetGeometryColumn()}", boxes)
    if ids is not None:
        return ids
    # no R*-tree (or SQLite cannot read it): the box of every geometry, read in batches
    tree = shapely.STRtree(shapely.box(boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]))
    found = []
    for fid, bounds in _envelopes(lyr):
        hits = tree.query(shapely.box(bounds[:, 0], bounds[:, 1], bounds[:, 2], bounds[:, 3]), predicate="intersects")
        found.append(fid[np.unique(hits[0])])
    return np.unique(np.concatenate(found)) if found else np.empty(0, np.int64)


def _rtree_ids(path: str, rtree: str, boxes: np.ndarray) -> np.ndarray | None:
    """Ids in the GeoPackage R*-tree ``rtree`` whose box meets one of ``boxes``: one indexed query
    per box (SQLite's R*-tree, read-only; about 40 µs each, whatever the table's size). None if
    SQLite cannot read the index."""
    import pathlib
    import sqlite3

    name = rtree.replace(chr(34), chr(34) * 2)
    query = f'SELECT id FROM "{name}" WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?'
    try:
        con = sqlite3.connect(pathlib.Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except (sqlite3.Error, ValueError):
        return None
    try:
        cursor = con.cursor()
        found: list = []
        for xmin, ymin, xmax, ymax in boxes.tolist():
            found.extend(cursor.execute(query, (xmax, xmin, ymax, ymin)).fetchall())
    except sqlite3.Error:
        return None
    finally:
        con.close()
    return np.unique(np.array(found, dtype=np.int64).reshape(-1))


def _envelopes(lyr):
    """``(ids, bounds)`` of the non-empty geometries of ``lyr``, batch by batch."""
    import shapely

    defn = lyr.GetLayerDefn()
    lyr.SetIgnoredFields([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())])
    lyr.ResetReading()
    try:
        for batch in lyr.GetArrowStreamAsNumPy(options=[f"MAX_FEATURES_IN_BATCH={BATCH_SIZE}", "INCLUDE_FID=YES"]):
            fid = np.asarray(batch[lyr.GetFIDColumn() or "OGC_FID"], dtype=np.int64)
            geoms = shapely.from_wkb(_objects(batch[lyr.GetGeometryColumn() or "wkb_geometry"], None))
            ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
            yield fid[ok], shapely.bounds(geoms[ok])
    finally:
        lyr.SetIgnoredFields([])
        lyr.ResetReading()


def transform_wkbs(wkbs, transform, reverse: bool = False) -> np.ndarray:
    """Transform WKB geometries with a ``QgsCoordinateTransform`` in one call (QGIS's own
    transformation, as its feature iterator applies it): they are wrapped in one geometry
    collection, transformed, and split again. Returns shapely geometries.

    Raises ``QgsCsException`` (or ValueError) when the geometries cannot be transformed.
    """
    import shapely
    from qgis.core import QgsCoordinateTransform, QgsGeometry

    wkbs = list(wkbs)
    if not wkbs:
        return np.empty(0, dtype=object)
    direction = _pick_direction(QgsCoordinateTransform, reverse)
    out = []
    for lo in range(0, len(wkbs), BATCH_SIZE):  # one collection per batch: memory stays bounded
        chunk = wkbs[lo:lo + BATCH_SIZE]
        collection = QgsGeometry()
        collection.fromWkb(struct.pack("<BII", 1, 7, len(chunk)) + b"".join(bytes(w) for w in chunk))
        if collection.transform(transform, direction) != compat.GEOMETRY_SUCCESS:
            raise ValueError("the geometry collection could not be transformed")
        parts = shapely.get_parts(shapely.from_wkb(bytes(collection.asWkb())))
        if len(parts) != len(chunk):
            raise ValueError("geometry collection round trip changed the number of geometries")
        out.append(parts)
    return np.concatenate(out)


def _pick_direction(cls, reverse: bool):
    from qgis.core import Qgis

    if hasattr(Qgis, "TransformDirection"):
        return Qgis.TransformDirection.Reverse if reverse else Qgis.TransformDirection.Forward
    return cls.ReverseTransform if reverse else cls.ForwardTransform


def _open(path: str):
    if not path:
        return None
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    finally:
        gdal.PopErrorHandler()
