"""Layer metadata (title, abstract, licences, rights, links) written with file outputs.

Data derived from published datasets must carry their licence and citation. QGIS keeps layer
metadata inside a GeoPackage (table ``gpkg_metadata``, read back in Layer Properties > Metadata
and by any QGIS that opens the file); other file formats get a ``.qmd`` sidecar, memory layers
get it on the layer object.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence


def layer_metadata(title: str, abstract: str, licences: Sequence[str], rights: Sequence[str],
                   links: Sequence[tuple[str, str]] = (), keywords: Sequence[str] = ()):
    """A QgsLayerMetadata with the given texts; ``links`` are (name, url) pairs."""
    from qgis.core import QgsAbstractMetadataBase, QgsLayerMetadata

    md = QgsLayerMetadata()
    md.setTitle(title)
    md.setAbstract(abstract)
    md.setLicenses(list(licences))
    md.setRights(list(rights))
    for name, url in links:
        md.addLink(QgsAbstractMetadataBase.Link(name, "WWW:LINK", url))
    if keywords:
        md.addKeywords("MineMonitor", list(keywords))
    return md


def write_metadata(context, dest_id: str, metadata) -> str:
    """Store ``metadata`` with the output ``dest_id`` (its sink must already be closed).

    Returns ``"gpkg"``, ``"qmd"`` or ``"layer"`` for where it went; raises RuntimeError on failure."""
    from qgis.core import QgsProviderRegistry, QgsVectorLayer

    gc.collect()  # a sink still referenced somewhere keeps the GeoPackage open
    path = dest_id.split("|")[0]
    if os.path.isfile(path):
        if path.lower().endswith(".gpkg"):
            ok, error = QgsProviderRegistry.instance().saveLayerMetadata("ogr", _gpkg_table_uri(dest_id), metadata)
            if not ok:
                raise RuntimeError(error)
            return "gpkg"
        layer = QgsVectorLayer(dest_id, "metadata", "ogr")
        layer.setMetadata(metadata)
        message, ok = layer.saveNamedMetadata(os.path.splitext(path)[0] + ".qmd")
        if not ok:
            raise RuntimeError(message)
        return "qmd"
    layer = context.getMapLayer(dest_id)
    if layer is None:
        raise RuntimeError(f"output {dest_id} not found")
    layer.setMetadata(metadata)
    return "layer"


def _gpkg_table_uri(dest_id: str) -> str:
    """``path|layername=table`` for a GeoPackage output (a bare path names its only table)."""
    from osgeo import ogr

    parts = dest_id.split("|")
    if any(p.startswith("layername=") for p in parts[1:]):
        return dest_id
    ds = ogr.Open(parts[0])
    if ds is None or ds.GetLayerCount() < 1:
        raise RuntimeError(f"cannot open {dest_id}")
    name = ds.GetLayer(0).GetName()
    ds = None
    return f"{parts[0]}|layername={name}"
