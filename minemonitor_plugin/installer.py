"""Installs MineMonitor's Python dependencies for the running QGIS's Python into a private folder.

QGIS ships its own numpy and scipy (Debian's, OSGeo4W's...); replacing them breaks QGIS's GDAL
bindings and crashes it. So the installer never touches them:

1. it asks the target Python for its numpy/scipy versions and writes them into a constraints file;
2. ``pip install --dry-run --report`` resolves the requirements *against what that Python already
   has* (its site-packages plus the folders the running QGIS has on ``sys.path``) under those
   constraints, giving the closure of packages that are missing or too old. numpy/scipy can never be
   in it (they are installed and pinned); a requirement that needs another numpy fails here, before
   anything is written;
3. ``pip install --no-deps --target <folder>`` installs exactly that closure (``pip --target``
   ignores installed packages, which is why step 2 computes the closure first); shapely is built
   from source against the system GEOS (``--no-binary shapely``: a wheel's bundled GEOS is shadowed
   by the GEOS QGIS loads, and shapely calls then fail inside QGIS);
4. a fresh interpreter with the folder on ``sys.path`` imports every requirement and checks that
   numpy/scipy are still QGIS's own.

What it installs are the exact pins of ``deps.PIP_REQUIREMENTS`` (= ``requirements/runtime.txt``,
the versions it was tested with), and only those whose module QGIS's Python lacks or has in a version
too old for the plugin (``deps.MINIMUM_VERSIONS``): shapely 2 on Debian 12, nothing on Debian 13.

The folder is ``<QGIS profile>/python/minemonitor_deps`` by default; the plugin *appends* it (and the
folders listed in ``MINEMONITOR_DEPS``) to ``sys.path`` when it starts, after QGIS's own paths, so
nothing in it replaces a package QGIS or another plugin uses. The one exception is a required module
that QGIS's Python has only in a version too old for the plugin (shapely 1.8 on Debian 12): that module
is imported from the folder (:func:`activate`). ``python3 -m minemonitor_plugin.installer``
(``scripts/install-deps`` in the source tree) is the command line for servers; run with another Python
(a shell's pyenv or conda first on ``PATH``), it finds QGIS's own and uses that. The plugin menu runs
the same code with a progress dialog. Every pip subprocess has a time limit. This module imports no
QGIS/Qt at import time, so the command line works without a display.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib
import importlib.metadata
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence

from . import deps

DEPS_DIRNAME = "minemonitor_deps"
ENV_VAR = "MINEMONITOR_DEPS"
PROTECTED = ("numpy", "scipy")  # QGIS's own copies: never installed into the target
BUILD_FROM_SOURCE = ("shapely",)  # must link the GEOS library QGIS itself loads
_PIP_COMMON = ("--disable-pip-version-check", "--no-input", "--progress-bar", "off", "--timeout", "60")
#: Time limits (seconds) of the subprocesses: resolving (downloads metadata), installing (downloads and
#: builds shapely, about a minute here), and the short interpreter probes.
RESOLVE_TIMEOUT = 900.0
INSTALL_TIMEOUT = 1800.0
PROBE_TIMEOUT = 120.0

Log = Callable[[str], None]
Progress = Callable[[float], bool]


class InstallError(RuntimeError):
    """The installation failed; the message says why and what to do."""


class InstallCancelledError(InstallError):
    """The user cancelled the installation."""


class InstallTimeoutError(InstallError):
    """A pip subprocess took longer than its time limit and was stopped."""


InstallCancelled = InstallCancelledError  # its former name, kept for callers


@dataclasses.dataclass(frozen=True)
class InstallResult:
    """What an installation did.

    Attributes
    ----------
    target : str
        The folder the packages went into.
    installed : tuple of (name, version)
        Packages installed into ``target`` (empty when everything was already satisfied).
    modules : dict
        Import name -> version of every requirement, as imported by a fresh interpreter with
        ``target`` on ``sys.path``.
    numpy, scipy : str
        The versions of QGIS's numpy and scipy, unchanged.
    log : str
        The full log (pip's output included).
    """

    target: str
    installed: tuple[tuple[str, str], ...]
    modules: dict
    numpy: str
    scipy: str
    log: str

    @property
    def changed(self) -> bool:
        return bool(self.installed)


# --- where the packages go ---------------------------------------------------------------------
def profiles_root() -> str:
    """The folder holding QGIS user profiles, as QGIS computes it (``QGIS_CUSTOM_CONFIG_PATH`` first)."""
    custom = os.environ.get("QGIS_CUSTOM_CONFIG_PATH")
    if custom:
        return os.path.join(custom, "profiles")
    if sys.platform.startswith("win"):
        base = os.environ.get("APPDATA") or os.path.expanduser("~")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return os.path.join(base, "QGIS", "QGIS3", "profiles")


def default_target(profile: str = "default") -> str:
    """``<profiles>/<profile>/python/minemonitor_deps``: the folder the plugin adds to ``sys.path``."""
    return os.path.join(profiles_root(), profile, "python", DEPS_DIRNAME)


def running_target() -> str:
    """The private folder of the running QGIS profile (needs a running QgsApplication)."""
    from qgis.core import QgsApplication

    return os.path.join(QgsApplication.qgisSettingsDirPath(), "python", DEPS_DIRNAME)


def candidate_dirs() -> list[str]:
    """Folders put on ``sys.path``: those in ``MINEMONITOR_DEPS`` then the running profile's."""
    dirs = [d for d in os.environ.get(ENV_VAR, "").split(os.pathsep) if d]
    with contextlib.suppress(Exception):  # no QGIS (command line): only the environment variable counts
        dirs.append(running_target())
    return dirs


def activate(dirs: Iterable[str] | None = None) -> list[str]:
    """Append the existing dependency folders to ``sys.path``, after QGIS's own paths; returns those added.

    Called by the plugin when it starts and again after an installation. Appending means a package
    in the folder never replaces one QGIS or another plugin imports. A required module that QGIS's
    Python has only in a version too old for the plugin (``deps.MINIMUM_VERSIONS``: shapely 1.8 from
    Debian 12's python3-shapely) is then imported from the folder at once, since one Python cannot
    hold two versions of a module (:func:`prefer_private`).
    """
    folders = [os.path.abspath(f) for f in (candidate_dirs() if dirs is None else dirs)]
    added = []
    for folder in folders:
        if os.path.isdir(folder) and folder not in sys.path:
            sys.path.append(folder)
            added.append(folder)
    if added:
        importlib.invalidate_caches()
    prefer_private([f for f in folders if os.path.isdir(f)])
    return added


def installed_version(name: str, paths: Sequence[str]) -> str | None:
    """Version of the distribution ``name`` first found in ``paths`` (None when absent)."""
    for dist in importlib.metadata.distributions(name=name, path=list(paths)):
        return dist.version
    return None


def prefer_private(folders: Sequence[str]) -> list[str]:
    """Import from ``folders`` each required module that the other paths have only in a too old version.

    Returns the modules imported that way. A module already imported is left alone (whoever imported
    it first decides, as for any Python package); the plugin then reports the old version as missing.
    """
    folders = [os.path.abspath(f) for f in folders]
    others = [p for p in sys.path if os.path.abspath(p or os.curdir) not in folders]
    imported = []
    for module, minimum in deps.MINIMUM_VERSIONS.items():
        if module in sys.modules:
            continue
        system = installed_version(module, others)
        if system is None or deps.version_tuple(system) >= minimum:
            continue  # absent elsewhere (the appended folder provides it) or recent enough
        for folder in folders:
            version = installed_version(module, [folder])
            if version is None or deps.version_tuple(version) < minimum:
                continue
            sys.path.insert(0, folder)
            try:
                importlib.import_module(module)
                imported.append(module)
            except ImportError:
                pass
            finally:
                del sys.path[0]  # the folder stays appended at the end only
            break
    return imported


# --- requirements -----------------------------------------------------------------------------
def default_requirements() -> list[str]:
    """The exact pins the plugin installs (``deps.PIP_REQUIREMENTS``, = requirements/runtime.txt)."""
    return list(deps.PIP_REQUIREMENTS.values())


def requirement_name(requirement: str) -> str:
    """Normalised distribution name of a requirement string (``"shapely==2.1.2"`` -> ``"shapely"``)."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    if not match:
        raise InstallError(f"Not a requirement: {requirement!r}")
    return re.sub(r"[-_.]+", "-", match.group(1)).lower()


def import_name(requirement: str) -> str:
    """The module a requirement provides (from ``deps.PIP_REQUIREMENTS``, else its name)."""
    name = requirement_name(requirement)
    for module, req in deps.PIP_REQUIREMENTS.items():
        if requirement_name(req) == name:
            return module
    return {"scikit-learn": "sklearn", "python-dateutil": "dateutil"}.get(name, name.replace("-", "_"))


def no_binary_args(names: Iterable[str]) -> list[str]:
    """``--no-binary`` for the packages that must be built against system libraries."""
    wanted = sorted({requirement_name(n) for n in names} & set(BUILD_FROM_SOURCE))
    return ["--no-binary", ",".join(wanted)] if wanted else []


def closure_from_report(report: dict) -> list[tuple[str, str]]:
    """(name, version) of every package a ``pip --report`` would install, QGIS's numpy/scipy refused."""
    items = [(requirement_name(i["metadata"]["name"]), i["metadata"]["version"]) for i in report.get("install", [])]
    clash = [f"{n}=={v}" for n, v in items if n in PROTECTED]
    if clash:
        raise InstallError(
            "Resolving the requirements would install {clash} into the plugin folder; QGIS's own "
            "numpy/scipy must be used. Is numpy/scipy missing from QGIS's Python?".format(clash=", ".join(clash))
        )
    return items


def install_args(python: str, target: str, closure: Sequence[tuple[str, str]]) -> list[str]:
    """The pip command installing exactly ``closure`` into ``target`` (no dependency resolution)."""
    return [python, "-m", "pip", "install", *_PIP_COMMON, "--no-deps", "--upgrade",
            "--target", target, *no_binary_args(n for n, _ in closure), *[f"{n}=={v}" for n, v in closure]]


def resolve_args(python: str, requirements: Sequence[str], constraints: str, report: str) -> list[str]:
    """The pip command resolving ``requirements`` against the installed packages, numpy/scipy pinned."""
    return [python, "-m", "pip", "install", *_PIP_COMMON, "--dry-run", "--report", report, "-c", constraints,
            *no_binary_args(requirements), *requirements]


# --- running --------------------------------------------------------------------------------------
class _Runner:
    """Runs the steps, streams every output line to ``log`` and maps progress to [0, 1]."""

    def __init__(self, python: str, env: dict, log: Log | None, progress: Progress | None):
        self.python = python
        self.env = env
        self.lines: list[str] = []
        self._log = log
        self._progress = progress
        self._last = 0.0  # fraction reached; re-reported on every line so cancel is noticed promptly

    def log(self, line: str) -> None:
        self.lines.append(line)
        if self._log is not None:
            self._log(line)

    def progress(self, fraction: float) -> None:
        if self._progress is not None and self._progress(min(max(fraction, 0.0), 1.0)) is False:
            raise InstallCancelledError("Installation cancelled; the plugin folder may be incomplete, run it again.")

    def run(self, args: Sequence[str], on_line: Callable[[str], None] | None = None,
            timeout: float = INSTALL_TIMEOUT) -> tuple[int, str]:
        """Run ``args``, streaming merged stdout/stderr line by line; cancel kills the process.

        A reader thread feeds the lines, so cancel is noticed within a fraction of a second even
        while pip is silent (building shapely takes a minute without output). After ``timeout``
        seconds the process is killed and :class:`InstallTimeoutError` raised.
        """
        out: list[str] = []
        lines: queue.Queue = queue.Queue()
        deadline = time.monotonic() + timeout
        with subprocess.Popen(list(args), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env=self.env, bufsize=1, errors="replace") as proc:
            reader = threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True)
            reader.start()
            try:
                while True:
                    if time.monotonic() > deadline:
                        raise InstallTimeoutError(
                            f"{' '.join(args[1:4])} did not finish within {timeout:.0f} s and was stopped "
                            "(a slow or unreachable package index?); run the installer again.")
                    try:
                        raw = lines.get(timeout=0.2)
                    except queue.Empty:
                        self.progress(self._last)
                        continue
                    if raw is None:
                        break
                    line = raw.rstrip()
                    out.append(line)
                    # pip's notes about unreachable extra find-links folders are noise here
                    if line and "is ignored: it is neither a file nor a directory" not in line:
                        self.log(line)
                    if on_line is not None:
                        on_line(line)
                    self.progress(self._last)
            except BaseException:
                proc.kill()
                raise
            finally:
                reader.join(timeout=5)
        return proc.returncode, "\n".join(out)

    def stage(self, fraction: float) -> None:
        """A step is done: report ``fraction`` now (and keep reporting it while output streams)."""
        self._last = fraction
        self.progress(fraction)

    def reach(self, fraction: float) -> None:
        """Move the fraction reported with the next output line."""
        self._last = fraction

    def python_json(self, code: str, *args: str) -> dict:
        try:
            proc = subprocess.run([self.python, "-c", code, *args], capture_output=True, text=True, env=self.env,
                                  timeout=PROBE_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise InstallTimeoutError(f"{self.python} did not answer within {PROBE_TIMEOUT:.0f} s") from None
        if proc.returncode != 0:
            raise InstallError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed")
        return json.loads(proc.stdout.strip().splitlines()[-1])


def _pump(stream, lines: queue.Queue) -> None:
    """Move ``stream``'s lines into ``lines``; None marks the end."""
    try:
        for line in stream:
            lines.put(line)
    finally:
        lines.put(None)


_PROBE = """
import importlib, json, sys
out = {"python": sys.version.split()[0], "modules": {}}
for name in ("numpy", "scipy"):
    try:
        module = __import__(name)
        out[name] = [module.__version__, module.__file__]
    except Exception as err:
        out[name] = None
for name in sys.argv[1:]:
    try:
        module = importlib.import_module(name)
        out["modules"][name] = [getattr(module, "__version__", "0"), getattr(module, "__file__", "")]
    except Exception:
        pass
print(json.dumps(out))
"""

_VERIFY = """
import importlib, json, sys
target = sys.argv[1]
out = {"modules": {}, "errors": {}}
for name in sys.argv[2:]:
    try:
        module = importlib.import_module(name)
        out["modules"][name] = [getattr(module, "__version__", "?"), getattr(module, "__file__", "")]
    except Exception as err:
        out["errors"][name] = f"{type(err).__name__}: {err}"
for name in ("numpy", "scipy"):
    module = sys.modules.get(name) or importlib.import_module(name)
    out[name] = [module.__version__, module.__file__]
print(json.dumps(out))
"""


def _search_path(target: str, extra_paths: Sequence[str]) -> str:
    """PYTHONPATH for the pip/verification subprocesses: the target, then what QGIS sees."""
    keep = []
    for p in [target, *extra_paths, *os.environ.get("PYTHONPATH", "").split(os.pathsep)]:
        if not p or not os.path.isdir(p) or p in keep:
            continue
        norm = p.replace("\\", "/").rstrip("/")
        if norm.endswith(("/python/plugins", "/qgis/python")):
            continue  # plugin folders are not distributions and may hold modules named like pip's
        keep.append(p)
    return os.pathsep.join(keep)


def install(
    target: str,
    requirements: Sequence[str] | None = None,
    python: str | None = None,
    extra_paths: Sequence[str] = (),
    log: Log | None = None,
    progress: Progress | None = None,
) -> InstallResult:
    """Install ``requirements`` for ``python`` into ``target`` without replacing numpy/scipy.

    Parameters
    ----------
    target : str
        Folder the packages go into (created when something is installed).
    requirements : sequence of str, optional
        pip requirement strings; default :func:`default_requirements`.
    python : str, optional
        The interpreter QGIS runs (default :func:`deps.python_executable`).
    extra_paths : sequence of str
        Folders the running QGIS has on ``sys.path`` (so packages it already sees count as
        installed); the command line passes none.
    log : callable, optional
        Receives every output line (pip's included) as it is produced.
    progress : callable, optional
        ``progress(fraction) -> bool``; returning False cancels (pip is killed).

    Returns
    -------
    InstallResult

    Raises
    ------
    InstallError
        pip missing, resolution impossible without another numpy/scipy, a failed download or
        build, or an import that fails afterwards. ``InstallCancelledError`` when cancelled,
        ``InstallTimeoutError`` when pip exceeds its time limit.
    """
    requirements = list(requirements or default_requirements())
    python = python or deps.python_executable()
    target = os.path.abspath(os.path.expanduser(target))
    env = dict(os.environ)
    env["PYTHONPATH"] = _search_path(target, extra_paths)
    env.pop("PIP_CONSTRAINT", None)  # would also constrain shapely's isolated build environment
    env.setdefault("PIP_ROOT_USER_ACTION", "ignore")
    runner = _Runner(python, env, log, progress)

    runner.stage(0.0)
    runner.log(f"MineMonitor dependency installer: {', '.join(requirements)}")
    runner.log(f"Python: {python}; target folder: {target}")
    modules = [import_name(r) for r in requirements]
    try:
        probe = runner.python_json(_PROBE, *modules)
    except (OSError, InstallError) as err:
        raise InstallError(f"Cannot run QGIS's Python {python}: {err}") from None
    missing = [name for name in PROTECTED if not probe.get(name)]
    if missing:
        raise InstallError(f"QGIS's Python {python} has no {', '.join(missing)}; install QGIS's own package first.")
    numpy_version, scipy_version = probe["numpy"][0], probe["scipy"][0]
    runner.log(f"Kept from QGIS: numpy {numpy_version} ({probe['numpy'][1]}), scipy {scipy_version}")
    code, out = runner.run([python, "-m", "pip", "--version"])
    if code != 0:
        raise InstallError(
            f"pip is not available for {python}. Install it (Debian/Ubuntu: sudo apt install python3-pip) and retry."
        )
    runner.stage(0.05)

    # the plugin's own pins are installed only where QGIS's Python lacks the module or has it too old
    to_resolve = []
    for requirement, module in zip(requirements, modules, strict=True):
        have = probe["modules"].get(module)
        minimum = deps.MINIMUM_VERSIONS.get(module)
        if (have is not None and minimum is not None and requirement in deps.PIP_REQUIREMENTS.values()
                and deps.version_tuple(have[0]) >= minimum):
            runner.log(f"Already available to QGIS's Python: {module} {have[0]} ({have[1]}); not installed.")
        else:
            to_resolve.append(requirement)

    closure: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="minemonitor-pip-") as tmp:
        constraints = os.path.join(tmp, "constraints.txt")
        with open(constraints, "w", encoding="utf-8") as handle:
            handle.write(f"numpy=={numpy_version}\nscipy=={scipy_version}\n")
        report_path = os.path.join(tmp, "report.json")
        seen = set()

        def on_resolve_line(line: str) -> None:
            if line.startswith("Collecting "):
                seen.add(line.split()[1])
                runner.reach(0.05 + 0.2 * (1.0 - 1.0 / (1.0 + 0.2 * len(seen))))

        if to_resolve:
            runner.log("Resolving against the packages QGIS's Python already has (numpy/scipy pinned)...")
            code, out = runner.run(resolve_args(python, to_resolve, constraints, report_path), on_resolve_line,
                                   timeout=RESOLVE_TIMEOUT)
            if code != 0 or not os.path.exists(report_path):
                hint = ""
                if re.search(r"numpy|scipy", out) and ("conflict" in out.lower() or "ResolutionImpossible" in out):
                    hint = (f" A requirement needs another numpy/scipy than QGIS's (numpy {numpy_version}, "
                            f"scipy {scipy_version}); it was refused so QGIS keeps working.")
                raise InstallError(f"pip could not resolve {', '.join(to_resolve)}.{hint}\n{_tail(out)}")
            with open(report_path, encoding="utf-8") as handle:
                closure = closure_from_report(json.load(handle))
    runner.stage(0.25)

    if closure:
        runner.log("To install: " + ", ".join(f"{n} {v}" for n, v in closure))
        os.makedirs(target, exist_ok=True)
        done = set()

        def on_line(line: str) -> None:
            if line.startswith(("Collecting ", "Processing ", "Building wheel", "Installing collected")):
                done.add(line.split()[1] if line.startswith(("Collecting ", "Processing ")) else line)
                runner.reach(0.25 + 0.6 * min(len(done) / (len(closure) + 1), 1.0))

        code, out = runner.run(install_args(python, target, closure), on_line, timeout=INSTALL_TIMEOUT)
        if code != 0:
            hint = ""
            if "shapely" in out.lower() and ("geos" in out.lower() or "error: command" in out.lower()):
                hint = (" Building shapely against the system GEOS needs its development files and a compiler "
                        "(Debian/Ubuntu: sudo apt install libgeos-dev build-essential python3-dev).")
            raise InstallError(f"pip install failed.{hint}\n{_tail(out)}")
        removed = remove_protected(target)
        if removed:
            runner.log("Removed from the plugin folder (QGIS's own are used): " + ", ".join(removed))
    else:
        runner.log("Everything is already installed for QGIS's Python; nothing to do.")
    runner.stage(0.9)

    verify_env = dict(env, PYTHONPATH=_search_path(target, extra_paths))  # target exists now
    try:
        proc = subprocess.run([python, "-c", _VERIFY, target, *modules], capture_output=True, text=True,
                              env=verify_env, timeout=PROBE_TIMEOUT)
        checked = json.loads(proc.stdout.strip().splitlines()[-1])
    except subprocess.TimeoutExpired:
        raise InstallTimeoutError(f"Checking the installation did not finish within {PROBE_TIMEOUT:.0f} s.") from None
    except (OSError, ValueError, IndexError):
        raise InstallError(f"Could not check the installation: {proc.stderr.strip()[-2000:]}") from None
    if checked["errors"]:
        raise InstallError("Installed, but these imports fail: " + "; ".join(
            f"{name}: {error}" for name, error in checked["errors"].items()))
    for name, before in (("numpy", probe["numpy"]), ("scipy", probe["scipy"])):
        now = checked[name]
        if now[0] != before[0] or os.path.abspath(now[1]).startswith(target + os.sep):
            raise InstallError(f"{name} changed from {before[0]} ({before[1]}) to {now[0]} ({now[1]}); "
                               f"remove {target} to restore QGIS's own.")
    for name, (version, path) in checked["modules"].items():
        runner.log(f"OK import {name} {version} ({path})")
    runner.log(f"numpy {numpy_version} and scipy {scipy_version} are QGIS's own, unchanged.")
    runner.stage(1.0)
    return InstallResult(
        target=target,
        installed=tuple(closure),
        modules={name: version for name, (version, _) in checked["modules"].items()},
        numpy=numpy_version,
        scipy=scipy_version,
        log="\n".join(runner.lines),
    )


def remove_protected(target: str) -> list[str]:
    """Delete any numpy/scipy that landed in ``target`` (they must come from QGIS); returns names removed."""
    removed = []
    if not os.path.isdir(target):
        return removed
    for entry in sorted(os.listdir(target)):
        stem = re.split(r"[-.]", entry, maxsplit=1)[0].lower()
        if stem in PROTECTED:
            path = os.path.join(target, entry)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
            removed.append(entry)
    return removed


def _tail(text: str, lines: int = 25) -> str:
    kept = [line for line in text.splitlines() if "is ignored: it is neither a file nor a directory" not in line]
    return "\n".join(kept[-lines:])


# --- the plugin menu command ----------------------------------------------------------------------
class DependencyInstallerUI:
    """Plugins > MineMonitor > Install Python dependencies...: confirm, progress dialog, result.

    The installation runs in a worker thread; a timer in the main thread moves pip's lines into the
    progress dialog and the QGIS message log. ``interactive=False`` (tests) skips the question and
    result boxes; the result is kept in ``result``/``error``/``message``.
    """

    LOG_TAG = "MineMonitor"

    def __init__(self, parent=None, target: str | None = None, requirements: Sequence[str] | None = None,
                 interactive: bool = True):
        self.parent = parent
        self.target = target or running_target()
        self.requirements = list(requirements or default_requirements())
        self.interactive = interactive
        self.result: InstallResult | None = None
        self.error: Exception | None = None
        self.message = ""
        self.finished = False
        self._lines: list[str] = []
        self._fraction = 0.0
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._dialog = None
        self._timer = None

    def tr(self, text: str) -> str:
        from .i18n import tr_for

        return tr_for(self, text)

    def start(self) -> bool:
        """Ask (when interactive), then start the installation; False when the user declined."""
        import numpy
        from qgis.PyQt.QtCore import Qt, QTimer
        from qgis.PyQt.QtWidgets import QMessageBox, QProgressDialog

        if self.interactive:
            question = self.tr(
                "MineMonitor will install the Python packages {packages} for QGIS's Python into\n{folder}\n\n"
                "QGIS's own numpy {numpy} and scipy are kept: nothing that needs another version is "
                "installed. Packages QGIS already has are not installed again. Continue?"
            ).format(packages=", ".join(self.requirements), folder=self.target, numpy=numpy.__version__)
            answer = QMessageBox.question(self.parent, self.tr("Install Python dependencies"), question)
            if answer != QMessageBox.Yes:
                return False
        dialog = QProgressDialog(self.tr("Preparing..."), self.tr("Cancel"), 0, 100, self.parent)
        dialog.setWindowTitle(self.tr("Installing MineMonitor's Python dependencies"))
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(560)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel.set)
        dialog.show()
        self._dialog = dialog
        self._thread = threading.Thread(target=self._work, name="minemonitor-install-deps", daemon=True)
        self._thread.start()
        self._timer = QTimer()
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        return True

    def _work(self) -> None:
        def log(line: str) -> None:
            with self._lock:
                self._lines.append(line)

        def progress(fraction: float) -> bool:
            self._fraction = fraction
            return not self._cancel.is_set()

        try:
            self.result = install(self.target, self.requirements, extra_paths=list(sys.path), log=log,
                                  progress=progress)
        except Exception as err:  # shown to the user, never raised into the Qt event loop
            self.error = err

    def _poll(self) -> None:
        from qgis.core import Qgis, QgsMessageLog

        with self._lock:
            lines, self._lines = self._lines, []
        for line in lines:
            QgsMessageLog.logMessage(line, self.LOG_TAG, Qgis.Info)
        if self._dialog is not None:
            if lines:
                self._dialog.setLabelText(lines[-1][:110])
            self._dialog.setValue(round(self._fraction * 100))
        if self._thread is not None and not self._thread.is_alive():
            self._timer.stop()
            self._finish()

    def _finish(self) -> None:
        from qgis.core import Qgis, QgsMessageLog
        from qgis.PyQt.QtWidgets import QMessageBox

        if self._dialog is not None:
            self._dialog.canceled.disconnect(self._cancel.set)  # closing a QProgressDialog emits canceled
            self._dialog.hide()
        if self.result is not None:
            activate([self.target])
            reloaded = [m for m in self.result.modules if m in sys.modules]
            if self.result.changed:
                text = self.tr("Installed {count} package(s) into {folder}:\n{packages}").format(
                    count=len(self.result.installed), folder=self.target,
                    packages=", ".join(f"{n} {v}" for n, v in self.result.installed))
            else:
                text = self.tr("All MineMonitor dependencies are already available to QGIS's Python.")
            text += "\n\n" + self.tr("QGIS's numpy {numpy} and scipy {scipy} were kept.").format(
                numpy=self.result.numpy, scipy=self.result.scipy)
            if reloaded and self.result.changed:
                text += "\n\n" + self.tr("Restart QGIS so the new versions of {modules} are used.").format(
                    modules=", ".join(reloaded))
            level, details = Qgis.Success, self.result.log
        else:
            if isinstance(self.error, InstallCancelledError):
                text = self.tr("The installation was cancelled.")
            else:
                text = self.tr("The installation failed: {error}").format(error=str(self.error).splitlines()[0])
            level, details = Qgis.Critical, "\n".join([str(self.error)])
        self.message = text
        self.finished = True
        QgsMessageLog.logMessage(text, self.LOG_TAG, level)
        if self.interactive:
            box = QMessageBox(QMessageBox.Information if self.result else QMessageBox.Critical,
                              self.tr("Install Python dependencies"), text, QMessageBox.Ok, self.parent)
            box.setDetailedText(details)
            box.exec_()


# --- command line ----------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="install-deps",
        description="Install MineMonitor's Python dependencies for QGIS's Python into a plugin-private "
                    "folder, keeping QGIS's numpy and scipy.",
    )
    parser.add_argument("requirements", nargs="*", help="pip requirements (default: the plugin's pinned ones)")
    parser.add_argument("--target", help="folder to install into (default: the QGIS profile's "
                                          f"python/{DEPS_DIRNAME}, which the plugin adds to sys.path)")
    parser.add_argument("--profile", default="default", help="QGIS profile for the default target")
    parser.add_argument("--python", default=None,
                        help="QGIS's Python interpreter (default: this one if it can import qgis, else QGIS's "
                             "Python found where QGIS installs it, e.g. /usr/bin/python3)")
    parser.add_argument("--extra", action="append", default=[], choices=sorted(deps.OPTIONAL_REQUIREMENTS),
                        help="also install an optional group: cluster = dask and distributed (EXECUTION=tcp://...)")
    args = parser.parse_args(argv)
    if args.extra:
        args.requirements = list(args.requirements or default_requirements())
        for extra in args.extra:
            args.requirements += list(deps.OPTIONAL_REQUIREMENTS[extra])
    target = args.target or default_target(args.profile)
    python = args.python
    if python is None:
        if deps.can_import_qgis(sys.executable):
            python = sys.executable
        else:
            python = deps.find_qgis_python()
            if python is None:
                print(f"install-deps: FAILED: this Python ({sys.executable}) cannot import qgis, and QGIS's Python "
                      f"was not found ({', '.join(deps.qgis_python_candidates()) or 'no candidate'}); run this "
                      "command with QGIS's Python or pass --python.", file=sys.stderr)
                return 2
            print(f"install-deps: {sys.executable} is not QGIS's Python (it cannot import qgis; a shell's pyenv or "
                  f"conda first on PATH?): installing for QGIS's Python {python}", flush=True)
    width = 0

    def progress(fraction: float) -> bool:
        nonlocal width
        width = int(fraction * 100)
        return True

    def log(line: str) -> None:
        print(f"[{width:3d}%] {line}", flush=True)

    try:
        result = install(target, args.requirements or None, python=python, log=log, progress=progress)
    except KeyboardInterrupt:
        print("install-deps: cancelled", file=sys.stderr)
        return 130
    except InstallError as err:
        print(f"install-deps: FAILED: {err}", file=sys.stderr)
        return 1
    if result.changed:
        print(f"install-deps: installed {len(result.installed)} package(s) into {result.target}")
    else:
        print(f"install-deps: nothing to install; everything is available ({result.target})")
    print(f"install-deps: numpy {result.numpy} and scipy {result.scipy} kept (QGIS's own)")
    if args.target and os.path.abspath(args.target) != os.path.abspath(default_target(args.profile)):
        print(f"install-deps: for qgis_process/QGIS to use it: export {ENV_VAR}={result.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
