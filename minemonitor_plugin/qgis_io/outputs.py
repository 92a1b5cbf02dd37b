"""Output safety: every output is written under a temporary name and moved into place when the run
is complete; a failed or cancelled run removes only what it created.

Destinations and how they are written:

* a file (``x.gpkg``, ``x.tif``, ``x.html``, ``x.shp`` ...): written as ``x.mm-partial-<token>.<ext>``
  in the same folder (same file system, so the final move is a rename); on success it replaces
  ``x.<ext>`` (the same "overwrite" QGIS does, but only once the new file is whole), sidecars
  included (``.dbf``/``.shx``/``.prj``/``.cpg`` of a shapefile, ``.aux.xml`` of a raster). A plain
  ``.gpkg`` path keeps QGIS's layer name (the file's base name), not the temporary one.
* a layer of a GeoPackage (``ogr:dbname='x.gpkg' table="t"``, QGIS's "Save to GeoPackage"): written
  as layer ``t_mm_partial_<token>`` inside ``x.gpkg``; on success the old layer ``t`` (if any) is
  dropped and the new one renamed ``t``. On failure only that layer is dropped, never the file and
  its other layers (unless this run created the file).
* memory layers and other providers: left to QGIS.

A run that fails or is cancelled therefore never loses a file the user had, and never leaves a
half-written output under the name the user asked for.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from dataclasses import dataclass

PARTIAL_MARK = ".mm-partial-"
LAYER_MARK = "_mm_partial_"
#: Files that belong to a raster or vector file and go with it (suffixes after the full file name).
_RASTER_SIDECARS = (".aux.xml", ".ovr", ".msk")
_SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")
#: Shapefile parts beside ``x.shp`` (``x.<ext>``); never a glob, which could catch the user's ``x.tif``.
_SHAPEFILE_PARTS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".fbn", ".fbx", ".ain", ".aih",
                    ".atx", ".ixs", ".mxs", ".shp.xml")
_OGR_URI = re.compile(r"^ogr:dbname='(?P<db>(?:[^']|'')*)'\s+table=\"(?P<table>(?:[^\"]|\"\")*)\"(?P<rest>.*)$", re.S)


class IncompleteOutputError(OSError):
    """A vector output holds fewer features than were written to it (disk full, file size limit)."""

    def __init__(self, name: str, path: str, written: int, found: int) -> None:
        super().__init__(f"{name}: {written} features were written to {path} but it holds {found}")
        self.name, self.path, self.written, self.found = name, path, written, found


@dataclass
class Planned:
    """One destination of a run."""

    name: str  # parameter name
    kind: str  # "file" | "layer"
    final_id: str  # what results and logs show: the path, or ``path|layername=t``
    tmp_id: str  # what the algorithm writes to
    path: str  # final file
    tmp_path: str  # file written (== path for a layer in a GeoPackage)
    layer: str = ""
    tmp_layer: str = ""
    file_existed: bool = False
    committed: bool = False
    features: int | None = None  # features handed to a vector sink (None: not a vector sink)


def split_ogr_uri(destination: str) -> tuple[str, str] | None:
    """``(file, table)`` of an ``ogr:dbname='file' table="t"`` destination, else None."""
    match = _OGR_URI.match(destination or "")
    if not match:
        return None
    return match.group("db").replace("''", "'"), match.group("table").replace('""', '"')


def ogr_uri(path: str, table: str) -> str:
    return "ogr:dbname='{}' table=\"{}\"".format(path.replace("'", "''"), table.replace('"', '""'))


def destination_file(destination: str) -> tuple[str, str] | None:
    """``(file, layer)`` a destination string writes to (layer "" for a whole file); None for memory
    layers, temporary outputs and other providers."""
    if not destination or destination.startswith("memory:") or destination == "TEMPORARY_OUTPUT":
        return None
    parts = split_ogr_uri(destination)
    if parts is not None:
        return parts[0], parts[1]
    if ":" in destination.split("/")[0] and not re.match(r"^[A-Za-z]:[\\/]", destination):
        return None  # postgres:, spatialite: ... (not a plain file)
    path = destination.split("|")[0]
    return path, ""


def _token() -> str:
    return secrets.token_hex(4)


def partial_path(path: str) -> str:
    """``/d/x.tif`` -> ``/d/x.mm-partial-1a2b3c4d.tif`` (same folder, same extension)."""
    folder, base = os.path.split(path)
    stem, ext = os.path.splitext(base)
    return os.path.join(folder, f"{stem}{PARTIAL_MARK}{_token()}{ext}")


def _companions(path: str) -> list[str]:
    """Files that make up the file ``path``: itself and its sidecars (``x.shp`` -> ``x.dbf`` ...,
    ``x.tif`` -> ``x.tif.aux.xml`` ..., ``x.gpkg`` -> ``x.gpkg-wal`` ...)."""
    stem, ext = os.path.splitext(path)
    out = [path]
    if ext.lower() == ".shp":
        out += [stem + part for part in _SHAPEFILE_PARTS] + [stem + part.upper() for part in _SHAPEFILE_PARTS]
    out += [path + s for s in _RASTER_SIDECARS + _SQLITE_SUFFIXES[1:]]
    return [p for p in out if os.path.lexists(p)]


def remove_file(path: str) -> None:
    """Remove ``path``, its sidecars and its sidecar style ``.qml`` (errors ignored)."""
    style = os.path.splitext(path)[0] + ".qml"
    for item in _companions(path) + [path + s for s in _SQLITE_SUFFIXES[1:]] + [style]:
        with contextlib.suppress(OSError):
            os.remove(item)


def _move_file(src: str, dst: str) -> None:
    """Replace ``dst`` (and its sidecars) by ``src`` (and its sidecars)."""
    src_stem, _src_ext = os.path.splitext(src)
    dst_stem, _ = os.path.splitext(dst)
    remove_file(dst)
    moves = []
    for item in _companions(src):
        if item == src:
            target = dst
        elif item.startswith(src):  # x.tif.aux.xml
            target = dst + item[len(src):]
        else:  # x.dbf of x.shp
            target = dst_stem + item[len(src_stem):]
        moves.append((item, target))
    for item, target in moves:
        os.replace(item, target)


def _gpkg_layers(path: str) -> list[str]:
    from osgeo import ogr

    ds = ogr.Open(path, 0)
    if ds is None:
        return []
    try:
        return [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    finally:
        ds = None


def _drop_layer(path: str, layer: str) -> None:
    from osgeo import ogr

    ds = ogr.Open(path, 1)
    if ds is None:
        return
    try:
        for i in range(ds.GetLayerCount()):
            if ds.GetLayer(i).GetName() == layer:
                ds.DeleteLayer(i)
                break
        _delete_styles(ds, layer)
    finally:
        ds = None


def _delete_styles(ds, layer: str) -> None:
    """Styles QGIS stored for ``layer`` (its ``layer_styles`` rows): they belong to the old layer."""
    if ds.GetLayerByName("layer_styles") is None:
        return
    quoted = layer.replace("'", "''")
    ds.ExecuteSQL(f"DELETE FROM layer_styles WHERE f_table_name = '{quoted}'")


def _rename_layer(path: str, old: str, new: str) -> None:
    from osgeo import ogr

    ds = ogr.Open(path, 1)
    if ds is None:
        raise OSError(f"cannot open {path} for writing")
    try:
        lyr = ds.GetLayerByName(old)
        if lyr is None:
            raise OSError(f"layer {old} not found in {path}")
        if hasattr(lyr, "Rename"):
            if lyr.Rename(new) != 0:
                raise OSError(f"could not rename layer {old} to {new} in {path}")
        else:  # GDAL < 3.5
            ds.ExecuteSQL('ALTER TABLE "{}" RENAME TO "{}"'.format(old.replace('"', '""'), new.replace('"', '""')))
    finally:
        ds = None


def _rename_file_layer(path: str, tmp_path: str) -> None:
    """QGIS names the layer of a new GeoPackage after its file: give the moved file's layer the final
    file's name (``x.mm-partial-1a2b.gpkg`` had layer ``x.mm-partial-1a2b``, ``x.gpkg`` has ``x``)."""
    if not path.lower().endswith((".gpkg", ".sqlite")):
        return
    old = os.path.splitext(os.path.basename(tmp_path))[0]
    new = os.path.splitext(os.path.basename(path))[0]
    if old != new and old in _gpkg_layers(path):
        _rename_layer(path, old, new)


class OutputGuard:
    """The destinations of one run: plans temporary names, then commits or discards them."""

    def __init__(self) -> None:
        self.planned: list[Planned] = []
        self.created_files: set[str] = set()  # files that did not exist before this run

    # planning --------------------------------------------------------------------------------
    def _note_file(self, path: str) -> bool:
        existed = os.path.exists(path) and path not in self.created_files
        if not existed:
            self.created_files.add(path)
        return existed

    def plan_file(self, name: str, path: str) -> str:
        """A file destination (raster, HTML...): the temporary path to write."""
        tmp = partial_path(path)
        self.planned.append(Planned(name, "file", path, tmp, path, tmp))
        return tmp

    def plan_sink(self, name: str, destination: str) -> tuple[str, Planned] | None:
        """A vector destination string: ``(temporary destination, plan)``, or None when QGIS handles
        it as it is (memory layer, database provider)."""
        target = destination_file(destination)
        if target is None:
            return None
        path, layer = target
        if layer:
            existed = self._note_file(path)
            tmp_layer = f"{layer}{LAYER_MARK}{_token()}"
            plan = Planned(name, "layer", f"{path}|layername={layer}", f"{path}|layername={tmp_layer}", path, path,
                           layer=layer, tmp_layer=tmp_layer, file_existed=existed)
            self.planned.append(plan)
            return ogr_uri(path, tmp_layer), plan
        tmp = partial_path(path)
        plan = Planned(name, "file", path, tmp, path, tmp)
        self.planned.append(plan)
        return tmp, plan

    def set_written_id(self, plan: Planned, dest_id: str) -> None:
        """The id QGIS gave the sink (e.g. ``tmp.gpkg|layername=x``); counting of its features starts.

        QGIS appends its default extension to a file name it has no driver for (``x.xyz`` becomes
        ``x.xyz.gpkg``): the final name gets the same suffix."""
        plan.tmp_id = dest_id
        plan.features = 0
        written = dest_id.split("|")[0]
        if plan.kind == "file" and written != plan.tmp_path and written.startswith(plan.tmp_path):
            suffix = written[len(plan.tmp_path):]
            plan.tmp_path = written
            plan.path += suffix
            plan.final_id = plan.path + dest_id[len(written):]

    def count_features(self, name: str, n: int) -> None:
        """``n`` more features were handed to the sink of parameter ``name``."""
        for plan in self.planned:
            if plan.name == name and plan.features is not None:
                plan.features += n

    def verify(self) -> None:
        """Check that every closed vector output holds the features handed to it: GDAL reports a full
        disk or a file-size limit only in its log, and the write call itself succeeds.

        Raises IncompleteOutputError naming the output."""
        from osgeo import gdal, ogr

        for plan in self.planned:
            if plan.committed or not plan.features:
                continue
            path, _, layer = plan.tmp_id.partition("|layername=")
            if not os.path.exists(path):
                raise IncompleteOutputError(plan.name, plan.final_id, plan.features, 0)
            gdal.PushErrorHandler("CPLQuietErrorHandler")
            try:
                ds = ogr.Open(path, 0)
                lyr = None if ds is None else (ds.GetLayerByName(layer) if layer else ds.GetLayer(0))
                found = -1 if lyr is None else lyr.GetFeatureCount()
                ds = None
            finally:
                gdal.PopErrorHandler()
            if found < plan.features:
                raise IncompleteOutputError(plan.name, plan.final_id, plan.features, max(found, 0))

    # mapping ---------------------------------------------------------------------------------
    def final_id(self, written_id: str) -> str:
        for plan in self.planned:
            if written_id == plan.tmp_id:
                return plan.final_id
        return written_id

    def map_text(self, text: str) -> str:
        """``text`` (an error message) naming final outputs instead of temporary files."""
        for plan in self.planned:
            text = text.replace(plan.tmp_id, plan.final_id).replace(plan.tmp_path, plan.path)
        return text

    def map_results(self, results):
        """Results with every temporary id replaced by its final id."""
        if not isinstance(results, dict):
            return results
        return {k: (self.final_id(v) if isinstance(v, str) else v) for k, v in results.items()}

    # finishing -------------------------------------------------------------------------------
    def commit(self, context=None) -> None:
        """Move every output into place (raises OSError when a move fails; the caller discards)."""
        for plan in self.planned:
            if plan.committed:
                continue
            if plan.kind == "file":
                if os.path.exists(plan.tmp_path):
                    _move_file(plan.tmp_path, plan.path)
                    _rename_file_layer(plan.path, plan.tmp_path)
            else:
                layers = _gpkg_layers(plan.path)
                if plan.tmp_layer in layers:
                    if plan.layer in layers:
                        _drop_layer(plan.path, plan.layer)
                    _rename_layer(plan.path, plan.tmp_layer, plan.layer)
            plan.committed = True
            if context is not None:
                _rekey_layer_to_load(context, plan.tmp_id, plan.final_id)

    def discard(self) -> list[str]:
        """Remove what this run wrote and has not committed; returns what could not be removed."""
        left = []
        for plan in self.planned:
            if plan.committed:
                continue
            if plan.kind == "file":
                remove_file(plan.tmp_path)
                if os.path.exists(plan.tmp_path):
                    left.append(plan.tmp_path)
            elif plan.path in self.created_files:
                remove_file(plan.path)
            elif os.path.exists(plan.path):
                with contextlib.suppress(Exception):
                    _drop_layer(plan.path, plan.tmp_layer)
                if plan.tmp_layer in _gpkg_layers(plan.path):
                    left.append(plan.tmp_id)
        self.planned = [p for p in self.planned if p.committed]
        return left


def _rekey_layer_to_load(context, tmp_id: str, final_id: str) -> None:
    """Layers QGIS loads when the run completes are keyed by the id the sink returned: re-key the
    temporary one to the final output."""
    if tmp_id == final_id or not context.willLoadLayerOnCompletion(tmp_id):
        return
    layers = context.layersToLoadOnCompletion()
    details = layers.pop(tmp_id)
    layers[final_id] = details
    context.setLayersToLoadOnCompletion(layers)
