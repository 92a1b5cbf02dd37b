"""The dependency installer: pins, where its folder goes on sys.path, QGIS's interpreter, time limits,
and a real pip run into a clean profile with QGIS's own Python.

QGIS's Python here is the system ``/usr/bin/python3`` (numpy/scipy from Debian, no mapclassify, pandas
or scikit-learn); the venv the tests run in is kept out of its path, so the installer has real work
to do. The mechanism test installs mapclassify (pure-Python wheels, about 15 s): the plugin's own pin
(shapely) would be built from source for a minute. Targets and profiles are throwaway folders.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shlex
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
    code = ("import json, numpy, scipy; print(json.dumps({'numpy': [numpy.__version__, numpy.__file__], "
            "'scipy': [scipy.__version__, scipy.__file__]}))")
    out = subprocess.run([QGIS_PYTHON, "-c", code], capture_output=True, text=True,
                         env=qgis_python_env(Path("/nonexistent")), check=True)
    return json.loads(out.stdout)


def test_runtime_requirements_are_the_plugin_pins():
    """The shipped plugin installs what requirements/runtime.txt pins (the plugin carries its own copy),
    exact versions only, and none of the test oracles."""
    from minemonitor_plugin import deps, installer

    lines = (ROOT / "requirements" / "runtime.txt").read_text(encoding="utf-8").splitlines()
    pinned = sorted(line.split("#")[0].strip() for line in lines if line.split("#")[0].strip())
    assert sorted(installer.default_requirements()) == pinned
    assert sorted(deps.PIP_REQUIREMENTS.values()) == pinned
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*", pin) for pin in pinned), pinned
    assert not {installer.requirement_name(p) for p in pinned} & {"esda", "libpysal", "mapclassify"}


def test_runtime_dependencies_are_what_the_plugin_imports():
    """Every module the plugin imports is the standard library, QGIS's (qgis, osgeo, numpy, scipy), a
    runtime pin, or an optional package whose absence the code handles; and every pin is imported."""
    from minemonitor_plugin import deps

    allowed = set(sys.stdlib_module_names) | {"qgis", "osgeo", "minemonitor_plugin", "processing"}  # QGIS's own
    allowed |= set(deps.SYSTEM_PACKAGES) | set(deps.PIP_REQUIREMENTS) | set(deps.OPTIONAL)
    # optional groups (installer --extra): imported only where their absence is handled
    allowed |= {req.split("==")[0] for group in deps.OPTIONAL_REQUIREMENTS.values() for req in group}
    imported = set()
    for path in (ROOT / "minemonitor_plugin").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    assert imported - allowed == set()
    assert set(deps.PIP_REQUIREMENTS) <= imported and set(deps.OPTIONAL) <= imported
    test_only = {"esda", "libpysal", "mapclassify"}
    assert not imported & test_only, "the oracles are test dependencies, never imported by the plugin"


def test_resolution_helpers():
    from minemonitor_plugin import installer

    report = {"install": [{"metadata": {"name": "Mapclassify", "version": "2.8.1"}},
                          {"metadata": {"name": "scikit_learn", "version": "1.9.1"}}]}
    assert installer.closure_from_report(report) == [("mapclassify", "2.8.1"), ("scikit-learn", "1.9.1")]
    with pytest.raises(installer.InstallError, match=r"numpy==2\.0\.0"):
        installer.closure_from_report({"install": [{"metadata": {"name": "NumPy", "version": "2.0.0"}}]})
    args = installer.install_args("py", "/t", [("shapely", "2.1.2"), ("pandas", "2.3.3")])
    assert args[args.index("--no-binary") + 1] == "shapely"  # built against the system GEOS
    assert "--no-deps" in args and args[args.index("--target") + 1] == "/t"
    assert args[-2:] == ["shapely==2.1.2", "pandas==2.3.3"]
    assert args[args.index("--timeout") + 1] == "60"  # pip's own network time limit
    assert "--no-binary" not in installer.install_args("py", "/t", [("pandas", "2.3.3")])
    assert installer.import_name("scikit-learn>=1") == "sklearn"
    assert installer.import_name("shapely==2.1.2") == "shapely"


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
        assert sys.path[-1] == str(extra) and str(extra) not in saved  # appended after QGIS's own paths
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
    from qgis.core import QgsApplication

    from minemonitor_plugin.installer import DependencyInstallerUI, InstallError

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

    with pytest.raises(installer.InstallCancelledError):
        installer.install(str(tmp_path / "deps"), ["mapclassify>=2.6"], python=QGIS_PYTHON, progress=progress)
    assert not (tmp_path / "deps").exists()
    assert max(seen) >= 0.1 and max(seen) < 0.25


def _fake_distribution(folder: Path, name: str, version: str) -> None:
    """A package ``name`` whose module says its version, with the metadata pip would write."""
    (folder / name).mkdir(parents=True)
    (folder / name / "__init__.py").write_text(f"__version__ = {version!r}\n")
    info = folder / f"{name}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")


def test_private_folder_never_shadows_other_packages(tmp_path, monkeypatch):
    """The folder is appended: a package QGIS (or another plugin) has keeps QGIS's copy, even when the
    folder holds a newer one; only a required module whose system copy is too old is taken from it."""
    from minemonitor_plugin import deps, installer

    system, private = tmp_path / "system", tmp_path / "private"
    _fake_distribution(system, "mm_required", "1.8.5")  # like Debian 12's shapely 1.8
    _fake_distribution(system, "mm_shared", "1.0")  # like QGIS's own requests/pandas
    _fake_distribution(private, "mm_required", "2.1.2")
    _fake_distribution(private, "mm_shared", "9.9")
    _fake_distribution(private, "mm_only_private", "3.0")
    monkeypatch.setattr(deps, "MINIMUM_VERSIONS", {"mm_required": (2, 0)})
    saved = list(sys.path)
    names = ("mm_required", "mm_shared", "mm_only_private")
    try:
        sys.path.insert(0, str(system))
        assert installer.activate([str(private)]) == [str(private)]
        assert sys.path == [str(system), *saved, str(private)]  # the folder is last, the order restored
        import mm_only_private
        import mm_required
        import mm_shared

        assert mm_required.__version__ == "2.1.2" and Path(mm_required.__file__).parent.parent == private
        assert mm_shared.__version__ == "1.0" and Path(mm_shared.__file__).parent.parent == system
        assert mm_only_private.__version__ == "3.0"
        # a module someone already imported is left alone: the plugin then reports it as too old
        for name in names:
            sys.modules.pop(name, None)
        import mm_required as old

        assert old.__version__ == "1.8.5"
        assert installer.prefer_private([str(private)]) == []
        assert not deps.is_available("mm_required")
    finally:
        sys.path[:] = saved
        for name in names:
            sys.modules.pop(name, None)


def _fake_pyenv(folder: Path) -> Path:
    """A folder like ~/.pyenv/shims: python3 and python3.X that are *another* Python than QGIS's."""
    folder.mkdir()
    for name in ("python", "python3", f"python{sys.version_info[0]}.{sys.version_info[1]}"):
        shim = folder / name
        shim.write_text("#!/bin/sh\necho 'this is the shell pyenv, not QGIS' >&2\nexit 3\n")
        shim.chmod(0o755)
    return folder


def test_python_executable_is_qgis_python_whatever_path_says(tmp_path):
    """Embedded in QGIS, sys.executable is the QGIS binary: the interpreter is found from the running
    Python's prefix, never from PATH, where the shell's pyenv shims come first."""
    shims = _fake_pyenv(tmp_path / "shims")
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "sys.executable = '/usr/bin/qgis'\n"
        "from minemonitor_plugin import deps\n"
        "print(json.dumps({'python': deps.python_executable(), 'command': deps.install_command('/tmp/t')}))\n"
    )
    env = qgis_python_env(tmp_path / "cfg")
    env["PATH"] = os.pathsep.join([str(shims), env.get("PATH", "")])
    proc = subprocess.run([QGIS_PYTHON, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout)
    assert os.path.realpath(seen["python"]) == os.path.realpath(QGIS_PYTHON)
    assert str(shims) not in seen["command"]


def test_install_command_quotes_and_uses_the_private_folder(monkeypatch):
    from minemonitor_plugin import deps

    monkeypatch.setattr(deps, "python_executable", lambda: "/opt/QGIS 3.34/bin/python3")
    command = deps.install_command("/home/u/QGIS profiles/default/python/minemonitor_deps")
    words = shlex.split(command)
    assert words[0] == f"PYTHONPATH={Path(deps.__file__).resolve().parent.parent}"  # the plugins folder
    assert words[1:4] == ["/opt/QGIS 3.34/bin/python3", "-m", "minemonitor_plugin.installer"]
    assert words[4:] == ["--target", "/home/u/QGIS profiles/default/python/minemonitor_deps"]
    assert "--user" not in words and "--break-system-packages" not in words


def test_command_line_run_with_another_python_installs_for_qgis_python(tmp_path):
    """scripts/install-deps started by a Python that cannot import qgis (as a shell's pyenv or conda
    python3 first on PATH) finds QGIS's Python and works for that one."""
    other = tmp_path / "other-python"
    subprocess.run([QGIS_PYTHON, "-m", "venv", "--without-pip", str(other)], check=True, timeout=120)
    other_python = other / "bin" / "python3"
    env = qgis_python_env(tmp_path / "cfg")
    assert subprocess.run([str(other_python), "-c", "import qgis"], env=env, capture_output=True).returncode != 0
    target = tmp_path / "deps"
    # numpy: QGIS's own satisfies it, so nothing is downloaded or written
    proc = subprocess.run([str(other_python), str(INSTALL_DEPS), "--target", str(target), "numpy"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "is not QGIS's Python (it cannot import qgis" in proc.stdout
    assert f"Python: {QGIS_PYTHON};" in proc.stdout and "nothing to install" in proc.stdout
    assert not target.exists()


def test_plugin_pins_already_available_are_not_installed(tmp_path):
    """With shapely 2 already importable (the tests' Python, like Debian 13's QGIS), the default
    installation resolves and writes nothing."""
    from minemonitor_plugin import installer

    target = tmp_path / "deps"
    result = installer.install(str(target), python=sys.executable)
    assert result.installed == () and "shapely" in result.modules
    assert "Already available to QGIS's Python: shapely 2." in result.log
    assert "Resolving against" not in result.log and not target.exists()


def test_pip_time_limit_stops_the_process(tmp_path):
    from minemonitor_plugin import installer

    runner = installer._Runner(sys.executable, dict(os.environ), None, None)
    start = time.monotonic()
    with pytest.raises(installer.InstallTimeoutError, match="did not finish within 1 s"):
        runner.run([sys.executable, "-c", "import time; print('started', flush=True); time.sleep(60)"], timeout=1.0)
    assert time.monotonic() - start < 20
