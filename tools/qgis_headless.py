"""Start QGIS headless with Processing and MineMonitor loaded (for scripts and benchmarks).

    from tools.qgis_headless import start_qgis     # run from the repository root
    app, plugin = start_qgis(plugin_parent)   # keep both references alive while working
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def start_qgis(plugin_parent: str | Path | None = None, load_plugin: bool = True):
    """QgsApplication (no GUI), Processing initialised and, unless ``load_plugin`` is False, the
    plugin loaded through its entry point (``classFactory(None).initProcessing()``) from
    ``plugin_parent`` (the folder containing ``minemonitor_plugin``; default: already importable).

    Returns ``(app, plugin)`` (``plugin`` is None when not loaded)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    if not load_plugin:
        return app, None
    if plugin_parent is not None:
        sys.path.insert(0, str(plugin_parent))
    import minemonitor_plugin

    plugin = minemonitor_plugin.classFactory(None)
    plugin.initProcessing()
    return app, plugin
