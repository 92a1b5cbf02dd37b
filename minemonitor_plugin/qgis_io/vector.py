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
) -> VectorData:
    """Read ``source`` into shapely arrays.

    Parameters
    ----------
    source : QgsFeatureSource (from ``parameterAsSource``).
    crs : QgsCoordinateReferenceSystem or None; features are transformed to it (by QGIS).
    fields : names of attributes to read (others are not fetched).
    geometry : ``"polygon"`` keeps polygonal parts only (after repair), ``"point"`` points,
        ``"any"`` everything, ``"none"`` reads no geometry.

    NULL and empty geometries are skipped and counted; invalid geometries are repaired with
    GEOS MakeValid whatever the context's invalid-geometry setting, and counted. The counts are
    written to the log.
    """
    import shapely

    layer_name = layer_name or source.sourceName()
    request = QgsFeatureRequest()
    fields = list(fields)
    source_fields = source.fields()
    for name in fields:
        if source_fields.lookupField(name) < 0:
            raise QgsProcessingException(
                tr("Field {field} does not exist in layer {layer}.").format(field=name, layer=layer_name)
            )
    request.setSubsetOfAttributes(fields, source_fields)
    if geometry == "none":
        request.setFlags(compat.NO_GEOMETRY)
    elif crs is not None and crs.isValid() and crs != source.sourceCrs():
        request.setDestinationCrs(crs, context.transformContext())
    request.setInvalidGeometryCheck(compat.GEOMETRY_NO_CHECK)

    total = source.featureCount()
    step = max(total // 100, 1) if total > 0 else 1000
    start, end = progress_range
    wkbs: list = []
    fids: list = []
    rows: list = []
    n_read = n_null = 0
    indices = [source_fields.lookupField(n) for n in fields]
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
            wkbs.append(bytes(geom.asWkb()))
        fids.append(feature.id())
        rows.append([_python_value(attrs[i]) for i in indices])

    attributes = {}
    for j, name in enumerate(fields):
        column = np.empty(len(rows), dtype=object)
        column[:] = [row[j] for row in rows]
        attributes[name] = column

    data = VectorData(
        geometries=np.empty(0, dtype=object),
        fids=np.asarray(fids, dtype=np.int64),
        attributes=attributes,
        crs=crs if crs is not None else source.sourceCrs(),
        layer_name=layer_name,
        n_read=n_read,
        n_null=n_null,
    )
    if geometry == "none":
        data.geometries = np.full(len(fids), None, dtype=object)
        return data

    geoms = shapely.from_wkb(np.asarray(wkbs, dtype=object)) if wkbs else np.empty(0, dtype=object)
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
    return data


def _keep_dimension(geoms: np.ndarray, dim: int) -> np.ndarray:
    """Drop parts of other dimensions (e.g. lines left by MakeValid of a polygon)."""
    import shapely

    mixed = shapely.get_type_id(geoms) == shapely.GeometryType.GEOMETRYCOLLECTION
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
    rows = list(zip(*values)) if values else [()] * n
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
