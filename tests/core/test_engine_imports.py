"""The engine (what cluster workers run) imports and works without QGIS, PyQt or dask."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCKED = '''
import sys
for name in ("qgis", "PyQt5", "PyQt6", "qgis.core", "dask", "distributed"):
    sys.modules[name] = None  # importing any of them now raises ImportError
'''


def test_engine_and_core_import_without_qgis_pyqt_or_dask():
    code = BLOCKED + '''
import minemonitor_plugin.engine.windows, minemonitor_plugin.engine.tasks, minemonitor_plugin.engine.cluster
import minemonitor_plugin.engine.version as v, minemonitor_plugin.core.parallel
from minemonitor_plugin.engine.cluster import missing_packages
assert v.core_version() != "0", v.metadata_path()
print("ok", v.core_version())
'''
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    version = [line for line in (ROOT / "metadata.txt").read_text().splitlines() if line.startswith("version=")]
    assert proc.stdout.split() == ["ok", version[0].split("=", 1)[1]]


def test_the_cluster_pins_agree_everywhere():
    from minemonitor_plugin import deps
    from minemonitor_plugin.engine.cluster import PINNED

    assert tuple(PINNED) == deps.OPTIONAL_REQUIREMENTS["cluster"]
    for name in ("cluster.txt", "tests.txt"):
        lines = {ln.strip() for ln in (ROOT / "requirements" / name).read_text().splitlines()}
        assert set(PINNED) <= lines, name
