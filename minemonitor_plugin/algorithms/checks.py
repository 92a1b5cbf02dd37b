"""Checks every algorithm's parameters get before any work starts (called by the base class).

* numbers must be finite (``nan``/``inf`` typed on the command line pass QGIS's own range checks);
* fields must exist in their layer (QGIS does not check names given to ``qgis_process`` or set in a
  model), with a hint when a shapefile cut the name to 10 characters;
* output folders must exist and be writable, output files writable, tables not shapefiles;
* no output may be one of the inputs (writing it would destroy the input while it is being read).
"""

from __future__ import annotations

import math
import os

from qgis.core import QgsProcessingOutputLayerDefinition, QgsProviderRegistry

from ..i18n import tr
from ..qgis_io.outputs import destination_file

_INPUT_TYPES = ("source", "vector", "raster", "multilayer", "file", "layer", "mesh", "pointcloud")
_DESTINATION_TYPES = ("sink", "vectorDestination", "rasterDestination", "fileDestination", "folderDestination")


def _text(value, context) -> str:
    """A destination parameter value as the string QGIS would use (no side effects)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        prop = value.sink
        return prop.valueAsString(context.expressionContext(), "")[0] if hasattr(prop, "valueAsString") else ""
    if value is None:
        return ""
    if hasattr(value, "valueAsString"):  # QgsProperty
        return value.valueAsString(context.expressionContext(), "")[0]
    return str(value)


def destinations(alg, parameters, context) -> list[tuple[str, str, str, str]]:
    """``(parameter, description, file, layer)`` of every destination given a file."""
    out = []
    for definition in alg.destinationParameterDefinitions():
        value = _text(parameters.get(definition.name()), context).strip()
        target = destination_file(value)
        if target is None or not target[0]:
            continue
        out.append((definition.name(), definition.description(), os.path.abspath(target[0]), target[1]))
    return out


def _layer_file(layer) -> tuple[str, str] | None:
    if layer is None:
        return None
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    if not path or not os.path.exists(path):
        return None
    return os.path.abspath(path), parts.get("layerName") or ""


def inputs(alg, parameters, context) -> list[tuple[str, str, str, str]]:
    """``(parameter, description, file, layer)`` of every input read from a file."""
    out = []
    for definition in alg.parameterDefinitions():
        name, kind = definition.name(), definition.type()
        if kind not in _INPUT_TYPES or parameters.get(name) in (None, ""):
            continue
        try:
            if kind == "file":
                path = alg.parameterAsFile(parameters, name, context)
                targets = [(os.path.abspath(path), "")] if path and os.path.exists(path) else []
            elif kind == "multilayer":
                targets = [_layer_file(layer) for layer in alg.parameterAsLayerList(parameters, name, context)]
            elif kind == "raster":
                targets = [_layer_file(alg.parameterAsRasterLayer(parameters, name, context))]
            elif kind in ("source", "vector"):
                targets = [_layer_file(alg.parameterAsVectorLayer(parameters, name, context))]
            else:
                targets = [_layer_file(alg.parameterAsLayer(parameters, name, context))]
        except Exception:  # a value QGIS cannot resolve: its own check reports it
            continue
        out += [(name, definition.description(), t[0], t[1]) for t in targets if t is not None]
    return out


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_numbers(alg, parameters, context) -> str | None:
    for definition in alg.parameterDefinitions():
        if definition.type() not in ("number", "distance", "scale", "duration"):
            continue
        value = parameters.get(definition.name())
        if value is None or value == "":
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue  # expressions, properties: QGIS evaluates them
        if not math.isfinite(number):
            return tr("Parameter {parameter} ({label}) must be a finite number; got {value}.").format(
                parameter=definition.name(), label=definition.description(), value=value)
    return None


def check_fields(alg, parameters, context) -> str | None:
    for definition in alg.parameterDefinitions():
        if definition.type() != "field" or not definition.parentLayerParameterName():
            continue
        names = alg.parameterAsFields(parameters, definition.name(), context)
        if not names:
            continue
        try:
            layer = alg.parameterAsVectorLayer(parameters, definition.parentLayerParameterName(), context)
        except Exception:
            layer = None
        if layer is None:
            continue
        fields = layer.fields()
        for name in names:
            if fields.lookupField(name) >= 0:
                continue
            message = tr("Field {field} (parameter {parameter}) does not exist in layer {layer}; its fields are: "
                         "{fields}.").format(field=name, parameter=definition.name(), layer=layer.name(),
                                             fields=", ".join(fields.names()) or "-")
            truncated = [f for f in fields.names() if len(f) == 10 and name.startswith(f)]
            if truncated:
                message += " " + tr("The layer looks like a shapefile, which cuts field names to 10 characters "
                                    "({short}); write GeoPackage outputs to keep full names.").format(
                    short=truncated[0])
            return message
    return None


def check_destinations(alg, parameters, context) -> str | None:
    outs = destinations(alg, parameters, context)
    for name, label, path, _layer in outs:
        folder = os.path.dirname(path) or os.getcwd()
        if not os.path.isdir(folder):
            return tr("The folder {folder} of output {output} ({label}) does not exist.").format(
                folder=folder, output=name, label=label)
        if not os.access(folder, os.W_OK):
            return tr("The folder {folder} of output {output} ({label}) is not writable.").format(
                folder=folder, output=name, label=label)
        if os.path.exists(path) and not os.access(path, os.W_OK):
            return tr("The file {path} of output {output} ({label}) is read-only.").format(
                path=path, output=name, label=label)
    for definition in alg.destinationParameterDefinitions():
        if definition.type() != "sink" or not _is_table(definition):
            continue
        value = _text(parameters.get(definition.name()), context).strip().lower()
        if value.endswith(".shp"):
            return tr("Output {output} ({label}) is a table without geometry, which a shapefile cannot hold; "
                      "write it as .gpkg, .csv or .xlsx.").format(output=definition.name(),
                                                                 label=definition.description())
    if not outs:
        return None
    ins = inputs(alg, parameters, context)
    for out_name, out_label, out_path, out_layer in outs:
        for in_name, in_label, in_path, in_layer in ins:
            if not _same_file(out_path, in_path):
                continue
            if out_layer and in_layer and out_layer != in_layer:
                continue  # another layer of the same GeoPackage
            return tr("Output {output} ({out_label}) would overwrite the input {input} ({in_label}): {path}. "
                      "Choose another file or layer name.").format(
                output=out_name, out_label=out_label, input=in_name, in_label=in_label,
                path=out_path + (f"|layername={out_layer}" if out_layer else ""))
    return None


def _is_table(definition) -> bool:
    from .. import compat

    try:
        return definition.dataType() == compat.TYPE_VECTOR
    except AttributeError:
        return False


def check_all(alg, parameters, context) -> str | None:
    """The first problem found, as a translated message, or None."""
    for check in (check_numbers, check_fields, check_destinations):
        message = check(alg, parameters, context)
        if message:
            return message
    return None


def parameter_values_result(alg, parameters, context, base: tuple[bool, str]) -> tuple[bool, str]:
    """``checkParameterValues`` of an algorithm or a model: QGIS's own result ``base`` first, then
    :func:`check_all` (so the dialog shows the problem before anything runs)."""
    ok, message = base
    if not ok:
        return ok, message
    problem = check_all(alg, parameters, context)
    return (False, problem) if problem else (True, "")
