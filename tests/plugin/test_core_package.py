"""The minemonitor-core wheel: built from the plugin's sources, versioned from metadata.txt, installed into a
throwaway venv, and the worker code runs there without QGIS (a trend window read and written as a COG tile)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

WORKER = r'''
import sys
for name in ("qgis", "qgis.core", "PyQt5"):
    sys.modules[name] = None  # a worker machine has no QGIS
import numpy as np
from osgeo import gdal, osr
import minemonitor_plugin
from minemonitor_plugin.engine import tasks as T, windows as W
from minemonitor_plugin.engine.version import core_version
folder = sys.argv[1]
paths = []
for k in range(6):
    ds = gdal.GetDriverByName("GTiff").Create(f"{folder}/y{2001 + k}.tif", 40, 30, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((0, 10, 0, 300, 0, -10)); srs = osr.SpatialReference(); srs.ImportFromEPSG(32650)
    ds.SetProjection(srs.ExportToWkt()); ds.GetRasterBand(1).WriteArray(np.full((30, 40), k, np.float32)); ds = None
    paths.append(f"{folder}/y{2001 + k}.tif")
sources = [W.Source(p) for p in paths]
grid, windows = W.window_plan(sources)
settings = T.TrendSettings(years=tuple(range(2001, 2007)), statistics=("sen_slope",), alpha=0.05, min_years=3,
                           outputs=(("slope", "sen_slope", "float32", -9999.0),))
out = T.trend_task(windows[0], sources, grid, settings, {"slope": folder})
slope = gdal.Open(out["tiles"]["slope"]).ReadAsArray()
assert np.all(slope == 1.0) and out["valid"] == 1200, (slope, out)
print(minemonitor_plugin.__file__)
print(core_version())
'''


def test_core_wheel_builds_installs_and_runs_without_qgis(tmp_path):
    wheels = tmp_path / "dist"
    build = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_core.py"), "--out", str(wheels)],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    wheel = Path(build.stdout.strip().splitlines()[-1])
    version = next(line.split("=", 1)[1] for line in (ROOT / "metadata.txt").read_text().splitlines()
                   if line.startswith("version="))
    assert wheel.name == f"minemonitor_core-{version}-py3-none-any.whl"
    names = zipfile.ZipFile(wheel).namelist()
    assert "minemonitor_plugin/metadata.txt" in names and "minemonitor_plugin/engine/tasks.py" in names
    assert not [n for n in names if n.startswith(("minemonitor_plugin/algorithms", "minemonitor_plugin/qgis_io"))]

    venv = tmp_path / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
                   check=True, timeout=120)
    py = venv / "bin" / "python"
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index",
                              "--disable-pip-version-check", "-q", str(wheel)], capture_output=True, text=True,
                             timeout=300)
    assert install.returncode == 0, install.stderr
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    site = [p for p in sys.path if p.endswith("site-packages") and ".venv" in p]  # shapely 2 of the project venv
    env["PYTHONPATH"] = os.pathsep.join(site)
    run = subprocess.run([str(py), "-c", WORKER, str(work)], cwd=work, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    module, got = run.stdout.split()
    assert module.startswith(str(venv)) and got == version
