"""Optional Python dependencies: detection and the exact command that installs them.

Algorithms list importable module names in ``REQUIREMENTS``; the plugin never hides an
algorithm whose dependency is missing, ``canExecute()`` says what is missing and how to install it
without replacing QGIS's own numpy/scipy (they are pinned to the running versions in the command).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import sysconfig

# import name -> pip requirement
PIP_REQUIREMENTS = {
    "shapely": "shapely>=2.0",
    "esda": "esda>=2.5",
    "libpysal": "libpysal>=4.10",
    "mapclassify": "mapclassify>=2.6",
}


#: Optional groups (``python3 -m minemonitor_plugin.installer --extra NAME``): the plugin works without them.
#: cluster: EXECUTION=tcp://... (the dask client); pinned to the versions the tests run with.
OPTIONAL_REQUIREMENTS = {
    "cluster": ("dask==2026.8.0", "distributed==2026.8.0"),
}


def is_available(module: str) -> bool:
    """True when ``module`` can be imported (without importing it)."""
    if module == "shapely":
        try:
            import shapely

            return int(shapely.__version__.split(".")[0]) >= 2
        except ImportError:
            return False
    return importlib.util.find_spec(module) is not None


def missing(modules) -> list[str]:
    """The modules of ``modules`` that cannot be imported, in order."""
    return [m for m in modules if not is_available(m)]


def pinned_numpy_scipy() -> list[str]:
    """Pins for the numpy/scipy QGIS runs with, so pip never replaces them."""
    pins = []
    for name in ("numpy", "scipy"):
        try:
            module = __import__(name)
            pins.append(f"{name}=={module.__version__}")
        except ImportError:
            pass
    return pins


def python_executable() -> str:
    """The Python interpreter matching QGIS's embedded Python (sys.executable may be qgis)."""
    exe = sys.executable or ""
    if os.path.basename(exe).lower().startswith("python"):
        return exe
    candidate = os.path.join(sys.exec_prefix, "bin", f"python{sys.version_info.major}.{sys.version_info.minor}")
    if os.path.exists(candidate):
        return candidate
    return f"python{sys.version_info.major}"


def install_command(modules) -> str:
    """The shell command that installs ``modules`` for QGIS's Python, keeping numpy/scipy."""
    reqs = [PIP_REQUIREMENTS.get(m, m) for m in modules]
    args = [python_executable(), "-m", "pip", "install", "--user"]
    marker = os.path.join(sysconfig.get_paths().get("stdlib", ""), "EXTERNALLY-MANAGED")
    if os.path.exists(marker):
        args.append("--break-system-packages")
    if "shapely" in modules:
        # a shapely wheel bundles its own GEOS, which QGIS's GEOS shadows inside QGIS: build it
        # against the system GEOS instead (needs the GEOS development files and a compiler)
        args += ["--no-binary", "shapely"]
    args += [f'"{r}"' for r in reqs + pinned_numpy_scipy()]
    return " ".join(args)
