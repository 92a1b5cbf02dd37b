"""The dependency installer: a real pip run into a clean profile with QGIS's own Python.

QGIS's Python here is the system ``/usr/bin/python3`` (numpy/scipy from Debian, no mapclassify, pandas
or scikit-learn); the venv the tests run in is kept out of its path, so the installer has real work
to do. Only mapclassify is installed (pure-Python wheels, about 15 s).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QGIS_PYTHON = "/usr/bin/python3"  # the interpreter Debian's QGIS embeds
INSTALL_DEPS = ROOT / "scripts" / "install-deps"


def qgis_python_env(config_dir: Path) -> dict:
    """Environment of a QGIS started with a clean profile: no venv on the path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "MINEMONITOR_DEPS")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(config_dir)
    return env


def system_numpy_scipy() -> dict:
    out = subprocess.run([QGIS_PYTHON, "-c", "import json, numpy, scipy; print(json.dumps("
                          "{'numpy': [numpy.__version__, numpy.__file__], 'scipy': [scipy.__version__, scipy.__file__]}))"],
                         capture_output=True, text=True, env=qgis_python_env(Path("/nonexistent")), check=True)
    return json.loads(out.stdout)


def test_runtime_requirements_are_the_plugin_pins():
    """The shipped plugin installs what requirements/runtime.txt pins (the plugin carries its own copy)."""
    from minemonitor_plugin import deps, installer

    lines = (ROOT / "requirements" / "runtime.txt").read_text(encoding="utf-8").splitlines()
    pinned = sorted(line.split("#")[0].strip() for line in lines if line.split("#")[0].strip())
    assert sorted(installer.default_requirements()) == pinned
    assert sorted(deps.PIP_REQUIREMENTS.values()) == pinned


def test_resolution_helpers():
    from minemonitor_plugin import installer

    report = {"install": [{"metadata": {"name": "Mapclassify", "version": "2.8.1"}},
                          {"metadata": {"name": "scikit_learn", "version": "1.9.1"}}]}
    assert installer.closure_from_report(report) == [("mapclassify", "2.8.1"), ("scikit-learn", "1.9.1")]
    with pytest.raises(installer.InstallError, match="numpy==2.0.0"):
        installer.closure_from_report({"install": [{"metadata": {"name": "NumPy", "version": "2.0.0"}}]})
    args = installer.install_args("py", "/t", [("shapely", "2.1.2"), ("esda", "2.7.0")])
    assert args[args.index("--no-binary") + 1] == "shapely"  # built against the system GEOS
    assert "--no-deps" in args and args[args.index("--target") + 1] == "/t"
    assert args[-2:] == ["shapely==2.1.2", "esda==2.7.0"]
    assert "--no-binary" not in installer.install_args("py", "/t", [("esda", "2.7.0")])
    assert installer.import_name("scikit-learn>=1") == "sklearn"
    assert installer.import_name("libpysal>=4.10") == "libpysal"


def test_default_target_is_the_folder_the_plugin_activates(qgis_app, tmp_path, monkeypatch):
    from minemonitor_plugin import installer

    # the command line's default (computed without QGIS) is the running profile's folder
    assert os.path.normpath(installer.default_target()) == os.path.normpath(installer.running_target())
    extra = tmp_path / "deps"
    extra.mkdir()
    (extra / "mm_private_probe.py").write_text("VALUE = 42\n")
    monkeypatch.setenv(installer.ENV_VAR, str(extra))
    saved = list(sys.path)
    try:
        assert installer.activate() == [str(extra)]
        assert sys.path[0] == str(extra)
        assert installer.activate() == []  # idempotent
        import mm_private_probe

        assert mm_private_probe.VALUE == 42
    finally:
        sys.path[:] = saved
        sys.modules.pop("mm_private_probe", None)


def test_install_into_clean_profile_keeps_qgis_numpy(plugin_dir, tmp_path):
    """scripts/install-deps with QGIS's Python into a clean profile: mapclassify and its missing
    dependencies land in <profile>/python/minemonitor_deps, numpy/scipy do not, and the plugin makes
    them importable in a fresh QGIS Python."""
    config = tmp_path / "qgis-config"
    env = qgis_python_env(config)
    before = system_numpy_scipy()
    probe = subprocess.run([QGIS_PYTHON, "-c", "import mapclassify"], env=env, capture_output=True, text=True)
    assert probe.returncode != 0, "QGIS's Python already has mapclassify: the test would prove nothing"

    proc = subprocess.run([QGIS_PYTHON, str(INSTALL_DEPS), "mapclassify>=2.6"], env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    target = config / "profiles" / "default" / "python" / "minemonitor_deps"
    assert f"into {target}" in proc.stdout
    percents = [int(p) for p in re.findall(r"^\[\s*(\d+)%\]", proc.stdout, flags=re.M)]
    assert percents == sorted(percents) and percents[-1] >= 85  # progress streamed with pip's lines
    assert "Successfully installed" in proc.stdout and "mapclassify-" in proc.stdout
    entries = sorted(p.name for p in target.iterdir())
    assert "mapclassify" in entries and "pandas" in entries  # pandas is missing from QGIS's Python here
    assert not [e for e in entries if re.match(r"(numpy|scipy)([-_.]|$)", e, flags=re.I)], entries
    assert system_numpy_scipy() == before

    # a fresh QGIS Python with that profile: the plugin entry point puts the folder on sys.path
    code = (
        "import importlib.util, json, sys\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        f"sys.path.insert(0, {str(plugin_dir.parent)!r})\n"
        "before = importlib.util.find_spec('mapclassify') is not None\n"
        "import minemonitor_plugin\n"
        "plugin = minemonitor_plugin.classFactory(None)\n"
        "import mapclassify, numpy, scipy\n"
        "mapclassify.NaturalBreaks([1.0, 2.0, 3.0, 10.0, 11.0, 12.0], k=2)\n"
        "print(json.dumps({'before': before, 'mapclassify': mapclassify.__file__, 'numpy': numpy.__file__,"
        " 'scipy': scipy.__file__, 'settings': QgsApplication.qgisSettingsDirPath()}))\n"
    )
    run = subprocess.run([QGIS_PYTHON, "-c", code], env=dict(env, QT_QPA_PLATFORM="offscreen"),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["before"] is False
    assert Path(seen["mapclassify"]).resolve().is_relative_to(target.resolve())
    assert seen["numpy"] == before["numpy"][1] and seen["scipy"] == before["scipy"][1]

    # a second run finds everything in place and changes nothing
    mtime = (target / "mapclassify").stat().st_mtime
    again = subprocess.run([QGIS_PYTHON, str(INSTALL_DEPS), "mapclassify>=2.6"], env=env, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert "nothing to install" in again.stdout
    assert (target / "mapclassify").stat().st_mtime == mtime


def test_requirement_needing_another_numpy_is_refused(tmp_path):
    env = qgis_python_env(tmp_path / "cfg")
    target = tmp_path / "deps"
    proc = subprocess.run([QGIS_PYTHON, str(INSTALL_DEPS), "--target", str(target), "numpy>=2"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    numpy_version = system_numpy_scipy()["numpy"][0]
    assert "FAILED" in proc.stderr and f"numpy {numpy_version}" in proc.stderr and "refused" in proc.stderr
    assert not target.exists()


def _wait(ui, timeout=120.0):
    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not ui.finished and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert ui.finished, "installer UI did not finish"


def test_menu_command_reports_progress_and_result(qgis_app, tmp_path):
    """The plugin menu's controller (progress dialog, worker thread, message log), headless: one run
    where everything is already there (the tests' Python has the venv's packages) and one refused."""
    from minemonitor_plugin.installer import DependencyInstallerUI, InstallError
    from qgis.core import QgsApplication

    logged = []

    def on_message(message, tag, level):
        if tag == "MineMonitor":
            logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(on_message)
    try:
        ok = DependencyInstallerUI(None, target=str(tmp_path / "deps"), requirements=["mapclassify>=2.6"],
                                   interactive=False)
        assert ok.start()
        _wait(ok)
        assert ok.error is None, ok.error
        assert ok.result.installed == () and "mapclassify" in ok.result.modules
        assert "already available" in ok.message
        assert any("Resolving against" in line for line in logged)  # pip's lines reach the log
        assert ok._dialog.value() == 100

        refused = DependencyInstallerUI(None, target=str(tmp_path / "deps2"), requirements=["numpy>=2"],
                                        interactive=False)
        refused.start()
        _wait(refused)
        assert isinstance(refused.error, InstallError)
        assert refused.message.startswith("The installation failed") and "numpy" in refused.message
        assert not (tmp_path / "deps2").exists()
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(on_message)


def test_cancel_stops_pip_and_writes_nothing(tmp_path, monkeypatch):
    """progress() returning False (the dialog's Cancel) kills pip; nothing lands in the folder."""
    from minemonitor_plugin import installer

    for key in ("PYTHONPATH", "VIRTUAL_ENV"):
        monkeypatch.delenv(key, raising=False)
    seen = []

    def progress(fraction):
        seen.append(fraction)
        return fraction < 0.1  # cancel while pip resolves

    with pytest.raises(installer.InstallCancelled):
        installer.install(str(tmp_path / "deps"), ["mapclassify>=2.6"], python=QGIS_PYTHON, progress=progress)
    assert not (tmp_path / "deps").exists()
    assert max(seen) >= 0.1 and max(seen) < 0.25
