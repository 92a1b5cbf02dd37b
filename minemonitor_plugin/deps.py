"""Python packages the plugin imports beyond QGIS: detection, pins, QGIS's interpreter, the install command.

Runtime dependencies are exactly what the code imports:

- numpy and scipy: QGIS's own (from the distribution, OSGeo4W or the app bundle), never installed or
  replaced by the plugin;
- shapely 2: the only package the dependency installer installs (:data:`PIP_REQUIREMENTS`, the same
  pins as ``requirements/runtime.txt``); built against the system GEOS;
- matplotlib (optional, :data:`OPTIONAL`): charts in the HTML reports; without it reports say so.

esda, libpysal and mapclassify are *test oracles* (``requirements/tests.txt``): the statistics, the
weights and the natural breaks are the plugin's own numpy/scipy code, checked against them in the
tests (docs/DEVELOPING.md, "Why the statistics are not esda calls").

Algorithms list importable module names in ``REQUIREMENTS``; the plugin never hides an algorithm
whose dependency is missing, ``canExecute()`` says what is missing and how to install it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import subprocess
import sys

#: import name -> the exact pip requirement the installer installs (tested with these versions)
PIP_REQUIREMENTS = {
    "shapely": "shapely==2.1.2",
}

#: import name -> oldest version the code works with; an older copy counts as missing
MINIMUM_VERSIONS = {
    "shapely": (2, 0),
}

#: optional packages: import name -> what they add (never installed by the installer)
OPTIONAL = {
    "matplotlib": "charts in the HTML reports",
}

#: packages that must come with QGIS (installing them with pip breaks QGIS's GDAL bindings)
SYSTEM_PACKAGES = ("numpy", "scipy")


def version_tuple(text: str) -> tuple[int, ...]:
    """Leading numeric parts of a version string (``"2.1.2rc1"`` -> ``(2, 1, 2)``).

    >>> version_tuple("2.0.6")
    (2, 0, 6)
    """
    parts = []
    for piece in str(text).split("."):
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
    return tuple(parts)


#: Optional groups (``python3 -m minemonitor_plugin.installer --extra NAME``): the plugin works without them.
#: cluster: EXECUTION=tcp://... (the dask client); pinned to the versions the tests run with.
OPTIONAL_REQUIREMENTS = {
    "cluster": ("dask==2026.8.0", "distributed==2026.8.0"),
}


def is_available(module: str) -> bool:
    """True when ``module`` can be imported at a version the code works with."""
    minimum = MINIMUM_VERSIONS.get(module)
    if minimum is None:
        return importlib.util.find_spec(module) is not None
    try:
        imported = importlib.import_module(module)
    except ImportError:
        return False
    return version_tuple(getattr(imported, "__version__", "0")) >= minimum


def missing(modules) -> list[str]:
    """The modules of ``modules`` that cannot be imported (or are too old), in order."""
    return [m for m in modules if not is_available(m)]


def pinned_numpy_scipy() -> list[str]:
    """Pins for the numpy/scipy QGIS runs with, so pip never replaces them."""
    pins = []
    for name in SYSTEM_PACKAGES:
        try:
            module = __import__(name)
            pins.append(f"{name}=={module.__version__}")
        except ImportError:
            pass
    return pins


# --- QGIS's interpreter -----------------------------------------------------------------------------
_PYTHON_NAME = re.compile(r"python(\d+(\.\d+)?)?(\.exe)?$", re.IGNORECASE)


def _interpreter_candidates() -> list[str]:
    """Paths where the running Python's own interpreter lives, most specific first.

    Built from the running interpreter (``sys.executable`` when it is a Python, else its prefixes),
    never from ``PATH``, where a shell's pyenv shims or a conda environment may come first."""
    major, minor = sys.version_info[:2]
    found = []
    exe = sys.executable or ""
    if exe and _PYTHON_NAME.match(os.path.basename(exe)):
        found.append(exe)
    prefixes = []
    for prefix in (sys.exec_prefix, sys.prefix, sys.base_exec_prefix, sys.base_prefix):
        if prefix and prefix not in prefixes:
            prefixes.append(prefix)
    for prefix in prefixes:
        if sys.platform.startswith("win"):  # OSGeo4W: <root>\apps\Python3x\python.exe
            found += [os.path.join(prefix, "python.exe"), os.path.join(prefix, "python3.exe")]
        else:
            found += [os.path.join(prefix, "bin", f"python{major}.{minor}"),
                      os.path.join(prefix, "bin", f"python{major}")]
    if exe and not _PYTHON_NAME.match(os.path.basename(exe)):
        # the macOS app: <QGIS.app>/Contents/MacOS/QGIS beside <QGIS.app>/Contents/MacOS/bin/python3
        here = os.path.dirname(exe)
        found += [os.path.join(here, "bin", f"python{major}.{minor}"), os.path.join(here, "bin", f"python{major}"),
                  os.path.join(here, "python.exe")]
    unique = []
    for path in found:
        if path not in unique:
            unique.append(path)
    return unique


def python_executable() -> str:
    """The interpreter of the running Python (QGIS's own when called inside QGIS).

    ``sys.executable`` is the QGIS binary in the desktop on some platforms; the interpreter is then
    found from the running Python's prefixes. ``PATH`` is never searched: a shell's pyenv or conda
    ``python3`` that comes first there is another Python, with other packages.
    """
    for path in _interpreter_candidates():
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return sys.executable or f"python{sys.version_info[0]}"


def can_import_qgis(python: str, timeout: float = 60.0) -> bool:
    """True when the interpreter ``python`` can import ``qgis.core`` (it is a QGIS's Python)."""
    if os.path.abspath(python) == os.path.abspath(sys.executable or "") and importlib.util.find_spec("qgis"):
        return True
    try:
        proc = subprocess.run([python, "-c", "import qgis.core"], capture_output=True, timeout=timeout,
                              env={k: v for k, v in os.environ.items() if k != "PYTHONHOME"})
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0


def qgis_python_candidates() -> list[str]:
    """Where QGIS's Python usually is, for a command run with another Python (pyenv, conda, a venv)."""
    found = [python_executable()]
    if sys.platform.startswith("win"):
        root = os.environ.get("OSGEO4W_ROOT", r"C:\OSGeo4W")
        found += [os.path.join(root, "bin", "python.exe"), os.path.join(root, "bin", "python3.exe")]
    elif sys.platform == "darwin":
        apps = "/Applications"
        if os.path.isdir(apps):
            found += [os.path.join(apps, name, "Contents", "MacOS", "bin", "python3")
                      for name in sorted(os.listdir(apps)) if name.startswith("QGIS")]
    else:
        found += ["/usr/bin/python3"]  # Debian, Ubuntu, Fedora, Arch: QGIS embeds the system Python
    unique = []
    for path in found:
        if path not in unique and os.path.isfile(path):
            unique.append(path)
    return unique


def find_qgis_python() -> str | None:
    """The first of :func:`qgis_python_candidates` that can import ``qgis.core``, or None."""
    for path in qgis_python_candidates():
        if can_import_qgis(path):
            return path
    return None


# --- the command shown to users -----------------------------------------------------------------------
def quote(arg: str) -> str:
    """``arg`` quoted for the user's shell (cmd.exe on Windows, a POSIX shell elsewhere)."""
    if sys.platform.startswith("win"):
        return subprocess.list2cmdline([arg])
    return shlex.quote(arg)


def install_command(target: str | None = None, extras: tuple[str, ...] = ()) -> str:
    """The shell command that runs the dependency installer with QGIS's Python.

    It installs the missing :data:`PIP_REQUIREMENTS` (exact pins) into the plugin's private folder
    (``target``, default: the default profile's), never into the user site and never replacing
    numpy/scipy. The interpreter and folders are quoted for the user's shell. ``extras`` adds optional
    groups of :data:`OPTIONAL_REQUIREMENTS` (``cluster``: dask and distributed).
    """
    plugins = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    args = [quote(python_executable()), "-m", "minemonitor_plugin.installer"]
    if target:
        args += ["--target", quote(target)]
    for extra in extras:
        args += ["--extra", extra]
    if sys.platform.startswith("win"):
        return f'set "PYTHONPATH={plugins}" && ' + " ".join(args)
    return f"PYTHONPATH={quote(plugins)} " + " ".join(args)
