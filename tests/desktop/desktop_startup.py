"""Runs inside the real QGIS desktop (``qgis --code desktop_startup.py``) started by test_desktop.py.

Checks the installed plugin, its provider and menu, the Processing toolbox; runs fishnetdensity and a
shipped model (when ``resources/models/*.model3`` exist) through Processing's load-on-completion path
(``processing.runAndLoadResults``: outputs are added to the project and the algorithm's QML
post-processor styles them); saves a screenshot of the map canvas; writes everything to the JSON file
named by ``MINEMONITOR_DESKTOP_RESULT`` and quits QGIS. Nothing here asserts: the pytest side does.

Environment: ``MINEMONITOR_DESKTOP_RESULT`` (JSON path), ``MINEMONITOR_DESKTOP_OUT`` (folder for
outputs and the screenshot), ``MINEMONITOR_SHARED_DATA`` (../shared/data), optional
``MINEMONITOR_DESKTOP_MODEL_PARAMS`` (JSON: model name or file -> parameters; ``{data}``,
``{sample}`` (data/sample) and ``{out}`` are expanded), ``MINEMONITOR_DESKTOP_COPIES`` (more folders
for the screenshot).
"""

import glob
import json
import os
import re
import sys
import time
import traceback

from qgis.core import (
    QgsApplication,
    QgsMapLayer,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QImage
from qgis.utils import active_plugins, iface, plugins

from minemonitor_plugin.compat import FLAG_OPTIONAL  # the installed plugin's enum spellings

RESULT = os.environ["MINEMONITOR_DESKTOP_RESULT"]
#: "full" (default): fishnet, a shipped model, screenshot; "legends": fishnet, local Moran and Gi* outputs
#: loaded as a user does, their legend labels and the QGIS interface language (the zh-Hans test)
MODE = os.environ.get("MINEMONITOR_DESKTOP_MODE", "full")
SHOT = os.environ.get("MINEMONITOR_DESKTOP_SHOT", "desktop_canvas.png")
OUT = os.environ["MINEMONITOR_DESKTOP_OUT"]
DATA = os.environ["MINEMONITOR_SHARED_DATA"]
SAMPLE = os.environ.get("MINEMONITOR_SAMPLE_DATA", "")
PLUGIN = "minemonitor_plugin"
MAUS_CELLS = os.path.join(DATA, "maus_mining_area_grid_v2", "maus_v2_5arcmin_cells_nw_bbox.gpkg") + \
    "|layername=mining_cells"
PROVINCES = os.path.join(DATA, "cn_admin_nw4_counties", "nw4_admin.gpkg") + "|layername=province"
DEM = os.path.join(DATA, "etopo20_dem_nw", "etopo20_nw_bbox.tif")
LAI = os.path.join(DATA, "modis_lai_china_g050", "MOD15A2_LAI_China_G050_2001-2020.tif")
COAL_MINES = os.path.join(DATA, "gem_coal_mine_tracker_2022", "gcmt_july2022_china.gpkg")

result = {"started": time.time(), "errors": [], "steps": []}


class Feedback(QgsProcessingFeedback):
    """Keeps the Processing log so the pytest side can show it on failure."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        self.lines.append(info)

    def pushWarning(self, warning):
        self.lines.append("WARNING " + warning)

    def reportError(self, error, fatalError=False):
        self.lines.append("ERROR " + error)


def step(name):
    result["steps"].append(name)
    write()


def write():
    result["elapsed_s"] = round(time.time() - result["started"], 1)
    with open(RESULT + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1, default=str)
    os.replace(RESULT + ".tmp", RESULT)


def wait(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec_()


def describe_layer(layer):
    info = {"name": layer.name(), "type": "vector" if layer.type() == QgsMapLayer.VectorLayer else "raster",
            "source": layer.source(), "provider": layer.providerType(), "valid": layer.isValid()}
    renderer = layer.renderer()
    if renderer is not None:
        info["renderer"] = renderer.type()
        if info["type"] == "vector":
            info["feature_count"] = layer.featureCount()
            if hasattr(renderer, "classAttribute"):
                info["class_attribute"] = renderer.classAttribute()
            if hasattr(renderer, "ranges"):
                info["classes"] = len(renderer.ranges())
            elif hasattr(renderer, "categories"):
                info["classes"] = len(renderer.categories())
    return info


def check_plugin():
    step("plugin")
    result["active_plugins"] = list(active_plugins)
    module = sys.modules.get(PLUGIN)
    result["plugin_file"] = getattr(module, "__file__", None)
    result["plugin_loaded"] = PLUGIN in plugins
    import shapely

    result["shapely"] = [shapely.__version__, shapely.__file__]
    result["numpy"] = [__import__("numpy").__version__, __import__("numpy").__file__]


def check_provider_and_toolbox():
    step("provider")
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("minemonitor")
    result["provider"] = None if provider is None else {
        "name": provider.name(), "version": provider.versionInfo(), "long_name": provider.longName(),
        "algorithms": sorted(a.id() for a in provider.algorithms()),
        "cannot_execute": {a.id(): a.canExecute()[1] for a in provider.algorithms() if not a.canExecute()[0]},
    }
    # the Processing toolbox's tree (what a user sees) lists the provider and its algorithms
    toolbox = plugins["processing"].toolbox
    toolbox.show()
    tree = toolbox.algorithmTree
    model = tree.model()
    found = {"provider_nodes": [], "algorithms": []}

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            alg = tree.algorithmForIndex(index)
            if alg is not None:
                if alg.provider() is not None and alg.provider().id() == "minemonitor":
                    found["algorithms"].append(alg.id())
            else:
                text = model.data(index)
                if text == "MineMonitor":
                    found["provider_nodes"].append(text)
                walk(index)

    walk(tree.rootIndex())
    found["algorithms"] = sorted(set(found["algorithms"]))
    result["toolbox"] = found


def check_menu():
    step("menu")
    entries = []
    for top in iface.pluginMenu().actions():
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if action.objectName() == "mMineMonitorInstallDependencies":
                entries.append({"menu": top.text(), "action": action.text(), "enabled": action.isEnabled()})
    result["menu"] = entries


def run_and_load(alg_id_or_alg, params):
    import processing

    feedback = Feedback()
    before = set(QgsProject.instance().mapLayers())
    try:
        outputs = processing.runAndLoadResults(alg_id_or_alg, params, feedback=feedback)
    finally:
        result.setdefault("logs", []).append(feedback.lines[-40:])
    QCoreApplication.processEvents()
    added = [QgsProject.instance().mapLayer(i) for i in QgsProject.instance().mapLayers() if i not in before]
    return outputs, added


def run_fishnet():
    step("fishnetdensity")
    # TEMPORARY_OUTPUT: a memory layer carries no stored style, so its renderer can only come from
    # the post-processor Processing calls when it loads the output
    params = {"INPUT": MAUS_CELLS, "STUDY_AREA": PROVINCES, "CELL_SIZE": 100000,
              "WEIGHT_FIELD": "mining_area_km2", "OUTPUT": "TEMPORARY_OUTPUT"}
    outputs, added = run_and_load("minemonitor:fishnetdensity", params)
    result["fishnet"] = {
        "outputs": {k: v for k, v in outputs.items() if k != "OUTPUT"},
        "loaded": [describe_layer(layer) for layer in added],
    }
    return added


# --- a shipped model ---------------------------------------------------------------------------
def model_files():
    module = sys.modules[PLUGIN]
    return sorted(glob.glob(os.path.join(os.path.dirname(module.__file__), "resources", "models", "*.model3")))


def model_algorithm(path):
    """The registered MineMonitor algorithm for this model file if the provider registers models,
    else the model loaded from its file."""
    model = QgsProcessingModelAlgorithm()
    if not model.fromFile(path):
        raise RuntimeError(f"cannot read model {path}")
    for alg in QgsApplication.processingRegistry().algorithms():
        if alg.provider() is not None and alg.provider().id() == "minemonitor" and \
                isinstance(alg, QgsProcessingModelAlgorithm) and alg.name() == model.name():
            return QgsApplication.processingRegistry().createAlgorithmById(alg.id()), alg.id()
    return model, None


def guess_value(param, chosen):
    """A sample-data value for a required model input, or None if nothing sensible exists."""
    kind = param.type()
    text = f"{param.name()} {param.description()}".lower()
    if param.isDestination():
        if kind == "fileDestination":
            ext = re.search(r"\*\.(\w+)", param.fileFilter() or "")
            return os.path.join(OUT, f"{param.name().lower()}.{ext.group(1) if ext else 'html'}")
        if kind == "folderDestination":
            return os.path.join(OUT, param.name().lower())
        return "TEMPORARY_OUTPUT"
    if kind in ("source", "vector"):
        types = list(getattr(param, "dataTypes", lambda: [])())
        if re.search(r"study|boundar|province|region|admin|zone|county", text):
            return PROVINCES
        if re.search(r"point|mine.?location|coal", text) and os.path.exists(COAL_MINES):
            return COAL_MINES
        return MAUS_CELLS if types != [0] else COAL_MINES
    if kind == "raster":
        return LAI if re.search(r"lai|ndvi|veget|series|stack", text) else DEM
    if kind == "multilayer":
        return [LAI]
    if kind == "field":
        parent = chosen.get(param.parentLayerParameterName(), "")
        if parent == MAUS_CELLS:
            return "mining_area_km2" if not param.allowMultiple() else ["mining_area_km2"]
        return None
    default = param.defaultValue()
    return default


def choose_model():
    overrides = {}
    path = os.environ.get("MINEMONITOR_DESKTOP_MODEL_PARAMS")
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            overrides = json.load(handle)
    candidates = model_files()
    # the paper's main chain first
    candidates.sort(key=lambda p: (0 if "pattern" in os.path.basename(p).lower() else 1, p))
    tried = []
    for file in candidates:
        alg, registered_id = model_algorithm(file)
        name = alg.name()
        params = {}
        if name in overrides or os.path.basename(file) in overrides:
            raw = json.dumps(overrides.get(name, overrides.get(os.path.basename(file))))
            for placeholder, folder in (("{data}", DATA), ("{sample}", SAMPLE), ("{out}", OUT)):
                raw = raw.replace(placeholder, folder.replace("\\", "/"))
            params = json.loads(raw)
        missing = []
        for param in alg.parameterDefinitions():
            if param.name() in params:
                continue
            optional = bool(param.flags() & FLAG_OPTIONAL)
            if optional and not param.isDestination():
                continue
            value = guess_value(param, params)
            if value is None and not optional:
                missing.append(param.name())
            elif value is not None:
                params[param.name()] = value
        tried.append({"file": os.path.basename(file), "name": name, "missing": missing})
        if not missing:
            return file, alg, registered_id, params, tried
    return None, None, None, None, tried


def run_model():
    step("model")
    files = model_files()
    info = {"files": [os.path.basename(f) for f in files], "ran": False}
    result["model"] = info
    if not files:
        return []
    file, alg, registered_id, params, tried = choose_model()
    info["tried"] = tried
    if alg is None:
        info["error"] = "no shipped model could be given sample data (set MINEMONITOR_DESKTOP_MODEL_PARAMS)"
        return []
    info.update({"file": os.path.basename(file), "name": alg.name(), "registered_id": registered_id,
                 "params": params})
    outputs, added = run_and_load(alg, params)
    info["ran"] = True
    info["outputs"] = {k: v for k, v in outputs.items() if isinstance(v, (int, float, str))}
    info["loaded"] = [describe_layer(layer) for layer in added]
    return added


# --- screenshot ---------------------------------------------------------------------------------
def screenshot(layers):
    step("screenshot")
    canvas = iface.mapCanvas()
    main = iface.mainWindow()
    main.resize(1580, 1080)
    plugins["processing"].toolbox.hide()  # a wider canvas
    # the styled outputs on top of each other: fishnet density last (largest, drawn first = bottom)
    vector = [layer for layer in layers if layer.type() == QgsMapLayer.VectorLayer]
    shown = vector or layers
    root = QgsProject.instance().layerTreeRoot()
    for layer in QgsProject.instance().mapLayers().values():
        node = root.findLayer(layer.id())
        if node is not None:
            node.setItemVisibilityChecked(layer in shown)
    extent = QgsRectangle()
    extent.setMinimal()
    for layer in shown:
        layer_extent = canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent())
        extent.combineExtentWith(layer_extent)
    if not extent.isEmpty():
        canvas.setExtent(extent)
        canvas.zoomByFactor(1.05)
    canvas.refreshAllLayers()
    canvas.refresh()
    deadline = time.time() + 30
    wait(300)
    while canvas.isDrawing() and time.time() < deadline:
        wait(100)
    wait(300)
    paths = []
    for folder in [OUT, *[p for p in os.environ.get("MINEMONITOR_DESKTOP_COPIES", "").split(os.pathsep) if p]]:
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, SHOT)
        canvas.saveAsImage(path)
        paths.append(path)
    image = QImage(paths[0])
    background = canvas.canvasColor().rgb()
    colours, painted = set(), 0
    step_x, step_y = max(image.width() // 200, 1), max(image.height() // 150, 1)
    samples = 0
    for x in range(0, image.width(), step_x):
        for y in range(0, image.height(), step_y):
            rgb = image.pixel(x, y)
            samples += 1
            if rgb != background:
                painted += 1
                colours.add(QColor(rgb).name())
    result["screenshot"] = {"paths": paths, "width": image.width(), "height": image.height(),
                            "painted_fraction": painted / max(samples, 1), "distinct_colours": len(colours),
                            "visible_layers": [layer.name() for layer in shown],
                            "canvas_crs": canvas.mapSettings().destinationCrs().authid()}


def legend_labels(layer):
    """The legend entries the Layers panel shows for ``layer``."""
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    model = iface.layerTreeView().layerTreeModel()
    return [n.data(Qt.DisplayRole) for n in model.layerLegendNodes(node)] if node is not None else []


def run_legends(fishnet_layers):
    """Local Moran and Gi* on the fishnet, loaded as the dialog does; legends and interface language."""
    step("legends")
    fishnet = next(layer for layer in fishnet_layers if layer.type() == QgsMapLayer.VectorLayer)
    added = []
    for alg_id in ("minemonitor:localmoran", "minemonitor:hotspots"):
        _outputs, layers = run_and_load(alg_id, {"INPUT": fishnet, "FIELD": "density_pct", "PERMUTATIONS": 99,
                                                 "OUTPUT": "TEMPORARY_OUTPUT"})
        added += layers
    QCoreApplication.processEvents()
    result["legends"] = {alg: legend_labels(layer) for alg, layer in
                         zip(("fishnetdensity", "localmoran", "hotspots"), [fishnet, *added], strict=True)}
    result["layer_names"] = [layer.name() for layer in [fishnet, *added]]
    result["interface"] = {
        "locale": QgsApplication.locale(),
        "menus": [a.text() for a in iface.mainWindow().menuBar().actions()][:6],
        "hotspots_name": QgsApplication.processingRegistry().algorithmById("minemonitor:hotspots").displayName(),
        "hotspots_help": QgsApplication.processingRegistry().algorithmById("minemonitor:hotspots").helpUrl(),
    }
    return added


def main():
    if MODE == "legends":
        return main_legends()
    try:
        check_plugin()
        check_provider_and_toolbox()
        check_menu()
        layers = []
        try:
            layers += run_fishnet()
        except Exception:
            result["errors"].append("fishnet: " + traceback.format_exc())
        try:
            layers = run_model() + layers
        except Exception:
            result["errors"].append("model: " + traceback.format_exc())
        result["project_layers"] = [describe_layer(layer) for layer in QgsProject.instance().mapLayers().values()]
        screenshot(layers)
        result["completed"] = True
    except Exception:
        result["errors"].append(traceback.format_exc())
    finally:
        write()
        QgsProject.instance().setDirty(False)
        QTimer.singleShot(100, lambda: QgsApplication.exit(0))


def main_legends():
    try:
        check_plugin()
        check_menu()
        layers = run_fishnet()
        layers = run_legends(layers) + layers
        screenshot(layers[:2])
        # the whole window: the Layers panel shows the legends a user reads
        window = iface.mainWindow().grab()
        result["window_shots"] = []
        for folder in [OUT, *[p for p in os.environ.get("MINEMONITOR_DESKTOP_COPIES", "").split(os.pathsep) if p]]:
            path = os.path.join(folder, SHOT.replace("canvas", "window"))
            window.save(path)
            result["window_shots"].append(path)
        result["completed"] = True
    except Exception:
        result["errors"].append(traceback.format_exc())
    finally:
        write()
        QgsProject.instance().setDirty(False)
        QTimer.singleShot(100, lambda: QgsApplication.exit(0))


# start once the event loop runs (rendering and deferred plugin start-up need it)
QTimer.singleShot(1000, main)
