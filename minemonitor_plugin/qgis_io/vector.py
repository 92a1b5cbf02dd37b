"""Vector layers <-> shapely arrays: reading with repair and counts, writing to sinks."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QVariant

from .. import compat
from ..i18n import tr
from . import ogr_batch


@dataclass
class VectorData:
    """Features of a layer as arrays.

    ``geometries`` are shapely 2 geometries in ``crs`` (valid; NULL/empty ones skipped), ``fids``
    the QGIS feature ids, ``attributes`` one object array per requested field (None for NULL).
    """

    geometries: np.ndarray
    fids: np.ndarray
    attributes: dict[str, np.ndarray]
    crs: object
    layer_name: str
    n_read: int = 0
    n_null: int = 0
    n_repaired: int = 0
    n_emptied: int = 0
    n_curved: int = 0
    repaired_fids: list = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.fids)

    def numeric(self, name: str, allow_null: bool = False, allow_negative: bool = True) -> np.ndarray:
        """Field ``name`` as float64; NULL or non-numeric values raise a message naming the feature."""
        values = self.attributes[name]
        out = np.empty(len(values), dtype=np.float64)
        for i, value in enumerate(values):  # conversion of QVariant-ish values (IO, not a hot path)
            if value is None:
                if not allow_null:
                    raise QgsProcessingException(
                        tr("Field {field} of layer {layer} is NULL for feature {fid}.").format(
                            field=name, layer=self.layer_name, fid=int(self.fids[i])
                        )
                    )
                out[i] = math.nan
                continue
            try:
                out[i] = float(value)
            except (TypeError, ValueError):
                raise QgsProcessingException(
                    tr("Field {field} of layer {layer} has the non-numeric value {value!r} for feature {fid}.").format(
                        field=name, layer=self.layer_name, value=value, fid=int(self.fids[i])
                    )
                ) from None
        if not allow_negative and len(out) and np.nanmin(out) < 0:
            i = int(np.nanargmin(out))
            raise QgsProcessingException(
                tr("Field {field} of layer {layer} has the negative value {value} for feature {fid}.").format(
                    field=name, layer=self.layer_name, value=out[i], fid=int(self.fids[i])
                )
            )
        return out


def _python_value(value):
    if value.__class__ is QVariant:  # one type test: this runs once per value read
        return None if value.isNull() else value.value()
    return value


#: Above this many features, ``near`` reads only the features close to the given geometries.
NEAR_THRESHOLD = 20_000

#: With more than this many features per ``near`` geometry, QGIS's iterator finds the close ones
#: with one bounding-box request per geometry (the provider's spatial index) instead of indexing
#: every feature's box.
NEAR_REQUESTS_RATIO = 30


@dataclass
class _Raw:
    """Features before conversion: geometries (shapely, in the target CRS, None for NULL) or
    their WKB, ids, attribute columns, and counts."""

    fids: np.ndarray
    attributes: dict
    n_read: int
    geometries: np.ndarray | None = None
    wkbs: list | None = None
    n_null: int = 0
    n_curved: int = 0


def read_features(
    source,
    context,
    feedback,
    *,
    crs=None,
    fields=(),
    geometry="polygon",
    layer_name: str | None = None,
    progress_range=(0.0, 30.0),
    near=None,
    allow_empty: bool = True,
) -> VectorData:
    """Read ``source`` into shapely arrays.

    Parameters
    ----------
    source : QgsFeatureSource (from ``parameterAsSource``; the algorithm base class marks
        GeoPackage tables that :mod:`.ogr_batch` can read in batches, much faster).
    crs : QgsCoordinateReferenceSystem or None; features are transformed to it (by QGIS).
    fields : names of attributes to read (others are not fetched).
    geometry : ``"polygon"`` keeps polygonal parts only (after repair), ``"point"`` points,
        ``"any"`` everything, ``"none"`` reads no geometry.
    near : shapely geometries in ``crs``, optional. When the layer has more than
        :data:`NEAR_THRESHOLD` features, only those whose bounding box intersects the bounding box
        of one of these geometries are read (e.g. the land-use polygons under the footprints);
        the others cannot touch them. Used for overlays of a large layer with a small one.

    allow_empty : when False, a layer left without any usable geometry is refused with a message
        naming it (instead of an empty result).

    The source must have a valid CRS (QgsProcessingException otherwise: its coordinates could be
    degrees or metres). Curved geometries (CircularString, CurvePolygon, MultiSurface...) are
    linearised by QGIS. NULL and empty geometries are skipped and counted; invalid geometries are
    repaired with GEOS MakeValid whatever the context's invalid-geometry setting, and counted. The
    counts are written to the log.
    """
    import shapely

    layer_name = layer_name or source.sourceName()
    if geometry != "none":
        from .crs import check_source_crs

        check_source_crs(source, layer_name)
    fields = list(fields)
    source_fields = source.fields()
    for name in fields:
        if source_fields.lookupField(name) < 0:
            raise QgsProcessingException(
                tr("Field {field} does not exist in layer {layer}.").format(field=name, layer=layer_name)
            )
    transform = None
    if geometry != "none" and crs is not None and crs.isValid() and crs != source.sourceCrs():
        from qgis.core import QgsCoordinateTransform

        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    if near is not None and 0 <= source.featureCount() <= NEAR_THRESHOLD:
        near = None

    raw = None
    table = getattr(source, ogr_batch.BATCH_ATTRIBUTE, None)
    if table is not None and geometry != "none" and ogr_batch.supports(table, fields):
        raw = _read_batches(table, fields, transform, near, feedback, progress_range, layer_name)
    if raw is None and near is not None:
        source = _near_source(source, near, transform, fields, context, feedback, progress_range, layer_name)
    if raw is None:
        raw = _read_iterator(source, fields, geometry, transform, context, feedback, progress_range)

    data = VectorData(
        geometries=np.empty(0, dtype=object),
        fids=raw.fids,
        attributes=raw.attributes,
        crs=crs if crs is not None else source.sourceCrs(),
        layer_name=layer_name,
        n_read=raw.n_read,
        n_null=raw.n_null,
        n_curved=raw.n_curved,
    )
    if geometry == "none":
        data.geometries = np.full(len(raw.fids), None, dtype=object)
        return data

    if raw.geometries is None:
        geoms = shapely.from_wkb(np.asarray(raw.wkbs, dtype=object)) if raw.wkbs else np.empty(0, dtype=object)
    else:
        geoms = raw.geometries
    keep = np.ones(len(geoms), dtype=bool)
    invalid = ~shapely.is_valid(geoms) if len(geoms) else np.zeros(0, dtype=bool)
    if invalid.any():
        fixed = shapely.make_valid(geoms[invalid])
        geoms[invalid] = fixed
        data.n_repaired = int(invalid.sum())
        data.repaired_fids = data.fids[invalid].tolist()
    if geometry in ("polygon", "point") and len(geoms):
        geoms = _keep_dimension(geoms, 2 if geometry == "polygon" else 0)
        keep &= ~shapely.is_empty(geoms) & ~shapely.is_missing(geoms)
    data.n_emptied = int((~keep).sum())
    if data.n_emptied:
        data.geometries = geoms[keep]
        data.fids = data.fids[keep]
        data.attributes = {k: v[keep] for k, v in data.attributes.items()}
    else:
        data.geometries = geoms
    log_read(data, feedback)
    if not allow_empty and len(data.fids) == 0:
        raise QgsProcessingException(
            tr("Layer {layer} has no feature with a usable geometry ({n} features read, {null} with NULL or empty "
               "geometry, {bad} with no part of the expected type).").format(
                layer=layer_name, n=data.n_read, null=data.n_null, bad=data.n_emptied))
    return data


def _read_iterator(source, fields, geometry, transform, context, feedback, progress_range) -> _Raw:
    """Features through QGIS's feature iterator (any provider, selections, filters, edits)."""
    request = QgsFeatureRequest()
    source_fields = source.fields()
    request.setSubsetOfAttributes(fields, source_fields)
    if geometry == "none":
        request.setFlags(compat.NO_GEOMETRY)
    elif transform is not None:
        request.setDestinationCrs(transform.destinationCrs(), context.transformContext())
    request.setInvalidGeometryCheck(compat.GEOMETRY_NO_CHECK)

    total = source.featureCount()
    step = max(total // 100, 1) if total > 0 else 1000
    start, end = progress_range
    wkbs: list = []
    fids: list = []
    rows: list = []
    n_read = n_null = 0
    indices = [source_fields.lookupField(n) for n in fields]
    from qgis.core import QgsWkbTypes

    layer_type = QgsWkbTypes.flatType(source.wkbType())
    curves = geometry != "none" and (QgsWkbTypes.isCurvedType(source.wkbType()) or layer_type in (
        compat.WKB_UNKNOWN, compat.WKB_GEOMETRY_COLLECTION))
    n_curved = 0
    for n_read, feature in enumerate(source.getFeatures(request, compat.SKIP_GEOMETRY_CHECKS), start=1):
        if n_read % step == 0:
            if feedback.isCanceled():
                break
            if total > 0:
                feedback.setProgress(start + (end - start) * n_read / total)
        attrs = feature.attributes() if indices else ()
        if geometry != "none":
            geom = feature.geometry()
            if geom is None or geom.isNull() or geom.isEmpty():
                n_null += 1
                continue
            if curves and QgsWkbTypes.isCurvedType(geom.wkbType()):
                # linear type (MultiSurface -> MultiPolygon); arcs at QGIS's default tolerance
                geom = QgsGeometry(geom.constGet().segmentize())
                n_curved += 1
            wkbs.append(bytes(geom.asWkb()))
        fids.append(feature.id())
        rows.append([_python_value(attrs[i]) for i in indices])

    attributes = {}
    for j, name in enumerate(fields):
        column = np.empty(len(rows), dtype=object)
        column[:] = [row[j] for row in rows]
        attributes[name] = column
    return _Raw(np.asarray(fids, dtype=np.int64), attributes, n_read, wkbs=wkbs, n_null=n_null, n_curved=n_curved)


def _read_batches(table, fields, transform, near, feedback, progress_range, layer_name) -> _Raw | None:
    """Features of a GeoPackage table in Arrow batches (:mod:`.ogr_batch`); None if that fails."""
    import shapely

    boxes = None
    try:
        if near is not None:
            boxes = _near_boxes(near, transform)
        batches = ogr_batch.read(table, fields, boxes, feedback, progress_range)
        if batches is None:
            return None
        present = np.array([w is not None for w in batches.wkbs], dtype=bool)
        if transform is not None:
            geoms = np.full(len(batches.wkbs), None, dtype=object)
            geoms[present] = ogr_batch.transform_wkbs(batches.wkbs[present], transform)
        else:
            geoms = shapely.from_wkb(batches.wkbs)
    except Exception:  # a transformation or OGR failure: read with QGIS's iterator
        return None
    null = ~present | shapely.is_empty(geoms)
    if batches.candidates is not None:
        feedback.pushInfo(tr("Layer {layer}: {n} of its {total} features lie near the other layer's features and "
                             "are read.").format(layer=layer_name, n=batches.candidates, total=batches.total))
    keep = ~null
    return _Raw(batches.fids[keep], {k: v[keep] for k, v in batches.attributes.items()}, len(batches.fids),
                geometries=geoms[keep], n_null=int(null.sum()))


def _near_boxes(near, transform) -> np.ndarray:
    """Bounding boxes of ``near`` (in the target CRS) in the layer's CRS, for the R*-tree test.

    Boxes are densified (10 points per side) before the reverse transformation and padded by 1 %
    of their size, so curved images of straight sides stay inside them."""
    import shapely

    bounds = shapely.bounds(np.asarray(near, dtype=object))
    bounds = bounds[~np.isnan(bounds).any(axis=1)]
    if transform is None or not len(bounds):
        return bounds
    boxes = shapely.box(bounds[:, 0], bounds[:, 1], bounds[:, 2], bounds[:, 3])
    size = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
    boxes = shapely.segmentize(boxes, np.maximum(size / 10.0, 1e-9))
    back = shapely.bounds(ogr_batch.transform_wkbs(shapely.to_wkb(boxes), transform, reverse=True))
    pad = 0.01 * np.maximum(back[:, 2] - back[:, 0], back[:, 3] - back[:, 1])[:, None]
    return back + np.hstack([-pad, -pad, pad, pad])


def _near_source(source, near, transform, fields, context, feedback, progress_range, layer_name):
    """The features of ``source`` near ``near``, as a materialised source (QGIS iterator path).

    Their ids are found with the layer's own spatial index (one bounding-box request per geometry,
    as native:intersection does) when the layer has more than NEAR_REQUESTS_RATIO times as many
    features, else with a QgsSpatialIndex built in one C++ pass."""
    import shapely
    from qgis.core import (
        Qgis,
        QgsFeatureSource,
        QgsProcessingFeatureSource,
        QgsRectangle,
        QgsSpatialIndex,
    )

    from ..core.errors import CancelledError

    count = source.featureCount()
    boxes = shapely.bounds(np.asarray(near, dtype=object))
    boxes = boxes[~np.isnan(boxes).any(axis=1)]
    start, end = progress_range
    present = compat._pick(Qgis, "SpatialIndexPresence.Present", QgsFeatureSource, "SpatialIndexPresent")
    fids: set = set()
    if source.hasSpatialIndex() == present and count > NEAR_REQUESTS_RATIO * len(boxes):
        for i, box in enumerate(boxes):
            if i % 500 == 0:
                if feedback.isCanceled():
                    raise CancelledError()
                feedback.setProgress(start + 0.8 * (end - start) * i / len(boxes))
            rect = QgsRectangle(*box)
            if transform is not None:
                rect = transform.transformBoundingBox(rect, _reverse())
            fids.update(f.id() for f in source.getFeatures(QgsFeatureRequest().setFilterRect(rect).setNoAttributes()))
    else:
        request = QgsFeatureRequest().setNoAttributes()
        if transform is not None:
            request.setDestinationCrs(transform.destinationCrs(), context.transformContext())
        index = QgsSpatialIndex(source.getFeatures(request), feedback)
        if feedback.isCanceled():
            raise CancelledError()
        for box in boxes:
            fids.update(index.intersects(QgsRectangle(*box)))
    near_layer = source.materialize(
        QgsFeatureRequest().setFilterFids(sorted(fids)).setSubsetOfAttributes(fields, source.fields()), feedback)
    feedback.pushInfo(tr("Layer {layer}: {n} of its {total} features lie near the other layer's features and are "
                         "read.").format(layer=layer_name, n=near_layer.featureCount(), total=count))
    near_source = QgsProcessingFeatureSource(near_layer, context)
    near_source._minemonitor_layer = near_layer  # the source does not own the layer: keep it alive
    return near_source


def _reverse():
    from qgis.core import Qgis, QgsCoordinateTransform

    return compat._pick(Qgis, "TransformDirection.Reverse", QgsCoordinateTransform, "ReverseTransform")


def _keep_dimension(geoms: np.ndarray, dim: int) -> np.ndarray:
    """Drop parts of other dimensions (e.g. lines left by MakeValid of a polygon)."""
    import shapely

    # a single-type result of another dimension (a polygon repaired into a line) has no such part
    other = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms) & (shapely.get_dimensions(geoms) != dim)
    mixed = shapely.get_type_id(geoms) == shapely.GeometryType.GEOMETRYCOLLECTION
    if other.any():
        geoms = geoms.copy()
        geoms[other & ~mixed] = None
    if not mixed.any():
        return geoms
    parts, index = shapely.get_parts(geoms[mixed], return_index=True)
    ok = shapely.get_dimensions(parts) == dim
    rebuilt = np.full(int(mixed.sum()), None, dtype=object)
    if ok.any():
        maker = shapely.multipolygons if dim == 2 else shapely.multipoints
        present = np.unique(index[ok])
        rebuilt[present] = maker(parts[ok], indices=np.searchsorted(present, index[ok]))
    out = geoms.copy()
    out[mixed] = rebuilt
    return out


def log_read(data: VectorData, feedback) -> None:
    """Write the read/skip/repair counts of ``data`` to the log."""
    feedback.pushInfo(
        tr("Layer {layer}: {n} features read, {kept} used.").format(
            layer=data.layer_name, n=data.n_read, kept=len(data.fids)
        )
    )
    if data.n_curved:
        feedback.pushInfo(
            tr("Layer {layer}: {n} curved geometries (arcs, curve polygons, multi-surfaces) were converted to "
               "straight segments.").format(
                layer=data.layer_name, n=data.n_curved))
    if data.n_null:
        feedback.pushWarning(
            tr("Layer {layer}: {n} features with NULL or empty geometry were skipped.").format(
                layer=data.layer_name, n=data.n_null
            )
        )
    if data.n_repaired:
        sample = ", ".join(str(f) for f in data.repaired_fids[:10])
        feedback.pushWarning(
            tr("Layer {layer}: {n} invalid geometries were repaired with makeValid (feature ids {ids}).").format(
                layer=data.layer_name, n=data.n_repaired, ids=sample + (" ..." if data.n_repaired > 10 else "")
            )
        )
    if data.n_emptied:
        feedback.pushWarning(
            tr("Layer {layer}: {n} geometries had no part of the expected type after repair and were skipped.").format(
                layer=data.layer_name, n=data.n_emptied
            )
        )


def read_polygons(source, context, feedback, **kwargs) -> VectorData:
    """:func:`read_features` for polygon layers (refuses other geometry types)."""
    from qgis.core import QgsWkbTypes

    layer_name = kwargs.get("layer_name") or source.sourceName()
    if QgsWkbTypes.geometryType(source.wkbType()) != compat.GEOMETRY_POLYGON:
        raise QgsProcessingException(
            tr("Layer {layer} is not a polygon layer.").format(layer=layer_name)
        )
    return read_features(source, context, feedback, geometry="polygon", **kwargs)


def make_fields(spec) -> QgsFields:
    """QgsFields from ``[(name, "int"|"int64"|"double"|"string"|"bool"), ...]``."""
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, compat.variant_type(kind)))
    return fields


def _column_values(values) -> list:
    """Python-native values for QgsFeature.setAttributes (NaN -> NULL)."""
    array = np.asarray(values)
    if array.dtype.kind == "f":
        out = array.astype(object)
        out[np.isnan(array)] = None
        return [None if v is None else float(v) for v in out]
    if array.dtype.kind in "iu":
        return array.tolist()
    if array.dtype.kind == "b":
        return array.tolist()
    return [None if v is None else (v.item() if isinstance(v, np.generic) else v) for v in array.tolist()]


def write_features(algorithm, sink, parameters, name, feedback, columns, geometries=None,
                   progress_range=(90.0, 100.0), chunk=10000) -> int:
    """Write rows to ``sink``: ``columns`` is a list of arrays in the sink's field order,
    ``geometries`` a shapely array (or None for tables). Honours cancel between chunks."""
    import shapely

    n = len(columns[0]) if columns else (len(geometries) if geometries is not None else 0)
    values = [_column_values(c) for c in columns]
    wkbs = shapely.to_wkb(geometries) if geometries is not None and n else None
    start, end = progress_range
    written = 0
    rows = list(zip(*values, strict=True)) if values else [()] * n
    for lo in range(0, n, chunk):
        if feedback.isCanceled():
            return written
        hi = min(lo + chunk, n)
        batch = []
        for i in range(lo, hi):
            feature = QgsFeature()
            feature.setAttributes(list(rows[i]))
            if wkbs is not None:
                geom = QgsGeometry()
                geom.fromWkb(wkbs[i])
                feature.setGeometry(geom)
            batch.append(feature)
        algorithm.add_features(sink, batch, parameters, name)
        written = hi
        feedback.setProgress(start + (end - start) * hi / max(n, 1))
    return written
