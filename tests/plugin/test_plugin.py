"""The plugin as a whole: entry point, provider, metadata, help texts, translations, purity of core."""

from __future__ import annotations

import ast
import configparser
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_tests_use_the_assembled_plugin(plugin_dir):
    import minemonitor_plugin

    assert Path(minemonitor_plugin.__file__).resolve().parent == plugin_dir.resolve()
    for name in ("metadata.txt", "LICENSE", "resources/icons/minemonitor.svg", "i18n/minemonitor_zh_CN.qm"):
        assert (plugin_dir / name).is_file(), name
    assert not list(plugin_dir.rglob("*.ts"))


def test_core_imports_no_qgis_or_qt():
    core = ROOT / "minemonitor_plugin" / "core"
    offenders = []
    for path in core.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "sip")]
    assert offenders == []


def test_core_modules_import_without_qgis(plugin_dir):
    """Import every core module in a fresh interpreter where qgis/PyQt imports fail."""
    code = (
        "import sys, importlib, pkgutil\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip'):\n"
        "            raise ImportError('blocked ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"sys.path.insert(0, {str(plugin_dir.parent)!r})\n"
        "import minemonitor_plugin.core as core\n"
        "mods = [m.name for m in pkgutil.iter_modules(core.__path__)]\n"
        "for m in mods: importlib.import_module('minemonitor_plugin.core.' + m)\n"
        "print(len(mods))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 2


def test_metadata_txt_complete(plugin_dir):
    parser = configparser.ConfigParser()
    parser.read(plugin_dir / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "tags", "category",
                "icon", "license"):
        assert general.get(key, "").strip(), key
    # the web links and email are the maintainer's, written by `make package` (tools/release_metadata.py):
    # the plugin has no public home yet, and a placeholder would be a dead link in the Plugin Manager
    for key in ("email", "repository", "tracker", "homepage"):
        assert key not in general, key
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert general["license"] == "GPL-2.0-or-later"
    assert (plugin_dir / general["icon"]).is_file()
    assert "GNU GENERAL PUBLIC LICENSE" in (plugin_dir / "LICENSE").read_text()


def test_provider_loaded_through_entry_point(provider, plugin_dir):
    from minemonitor_plugin.algorithms import ALGORITHMS

    assert provider is not None, "classFactory(...).initProcessing() did not register the provider"
    assert provider.id() == "minemonitor"
    assert provider.name() == "MineMonitor"
    parser = configparser.ConfigParser()
    parser.read(plugin_dir / "metadata.txt", encoding="utf-8")
    assert provider.versionInfo() == parser["general"]["version"]
    assert Path(provider.svgIconPath()).is_file()
    from minemonitor_plugin.provider import ShippedModel

    ids = sorted(a.id() for a in provider.algorithms() if not isinstance(a, ShippedModel))
    assert ids == sorted(f"minemonitor:{cls.ALG_ID}" for cls in ALGORITHMS)
    assert "minemonitor:fishnetdensity" in ids


def test_every_algorithm_documented(provider):
    problems = []
    for alg in provider.algorithms():
        name = alg.name()
        if not re.fullmatch(r"[a-z0-9]+", name):
            problems.append(f"{name}: id not lowercase alphanumeric")
        if not re.fullmatch(r"[a-z]+", alg.groupId()):
            problems.append(f"{name}: group id {alg.groupId()!r}")
        for text, what in ((alg.displayName(), "displayName"), (alg.shortHelpString(), "help"),
                           (alg.shortDescription(), "shortDescription"), (alg.group(), "group")):
            if not (text or "").strip():
                problems.append(f"{name}: empty {what}")
        if not Path(alg.svgIconPath()).is_file():
            problems.append(f"{name}: icon missing")
        for param in alg.parameterDefinitions():
            # a model's outputs are named "<child id>:<OUTPUT>" by QGIS
            if not re.fullmatch(r"([a-z]+:)?[A-Z][A-Z0-9_]*", param.name()):
                problems.append(f"{name}: parameter id {param.name()!r} not UPPER_SNAKE")
            if not (param.help() or "").strip():
                problems.append(f"{name}: parameter {param.name()} has no help")
    assert problems == []


def test_every_string_translated_to_zh_cn():
    from tools import i18n_sync

    messages, problems = i18n_sync.extract()
    assert len(messages) > 20
    assert problems == []  # no tr() of non-literals
    missing = i18n_sync.sync("zh_CN", check=True)
    assert missing == [], "\n".join(missing[:40])


@pytest.fixture
def chinese(qgis_app):
    from minemonitor_plugin.i18n import install_translator, remove_translator

    path = install_translator("zh_CN")
    yield path
    remove_translator()


def test_zh_cn_names_show(chinese, provider):
    from qgis.core import QgsApplication

    assert chinese and chinese.endswith("minemonitor_zh_CN.qm")
    alg = QgsApplication.processingRegistry().createAlgorithmById("minemonitor:fishnetdensity")
    assert CJK.search(alg.displayName()), alg.displayName()
    assert CJK.search(alg.group())
    assert CJK.search(alg.shortHelpString())
    assert all(CJK.search(p.description()) for p in alg.parameterDefinitions())
    assert all(CJK.search(p.help()) for p in alg.parameterDefinitions())
    assert CJK.search(provider.name()) is None  # the provider keeps its brand name
    assert CJK.search(provider.longName())


def test_qgis_process_lists_algorithms_in_chinese_locale(qgis_process_env):
    env = dict(qgis_process_env, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8", LANGUAGE="zh_CN")
    proc = subprocess.run(["/usr/bin/qgis_process.bin", "help", "minemonitor:fishnetdensity"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "CELL_SIZE" in proc.stdout
    # the plugin's own translation (not just QGIS's headings): the zh_CN algorithm name and help
    assert "渔网采矿密度" in proc.stdout, proc.stdout[:500]
    assert "格网大小（米）" in proc.stdout


def test_missing_dependency_keeps_algorithm_visible(provider, monkeypatch):
    from qgis.core import QgsApplication

    from minemonitor_plugin import deps

    alg = QgsApplication.processingRegistry().createAlgorithmById("minemonitor:fishnetdensity")
    ok, message = alg.canExecute()
    assert ok and message == ""
    monkeypatch.setattr(deps, "is_available", lambda module: module != "shapely")
    ok, message = alg.canExecute()
    assert not ok
    # the installer for QGIS's Python into the running profile's private folder (it pins numpy/scipy to
    # QGIS's own); never `pip install --user --break-system-packages`
    from minemonitor_plugin.installer import running_target

    assert "shapely" in message and f"{deps.python_executable()} -m minemonitor_plugin.installer" in message
    assert f"--target {running_target()}" in message
    assert "pip install" not in message and "--user" not in message and "--break-system-packages" not in message
    monkeypatch.setattr(deps, "is_available", lambda module: module != "scipy")
    stats = QgsApplication.processingRegistry().createAlgorithmById("minemonitor:footprintstatistics")
    ok, message = stats.canExecute()
    assert not ok and "scipy" in message and "must come with QGIS's Python" in message
    assert "minemonitor:fishnetdensity" in [a.id() for a in provider.algorithms()]


def test_style_post_processor_applies_qml(qgis_app):
    from qgis.core import QgsVectorLayer

    from minemonitor_plugin.styling import QmlStylePostProcessor, style_path

    layer = QgsVectorLayer("Polygon?crs=EPSG:3857&field=density_pct:double", "t", "memory")
    first = QmlStylePostProcessor.create(style_path("fishnet_density"))
    second = QmlStylePostProcessor.create(style_path("fishnet_density"))
    assert first is not second  # one instance per output
    first.postProcessLayer(layer, None, None)
    assert first.applied
    assert layer.renderer().type() == "graduatedSymbol"
    assert layer.renderer().classAttribute() == "density_pct"


def test_shapely_uses_the_geos_qgis_uses(qgis_app):
    """A shapely wheel with its own GEOS breaks inside qgis_process/the desktop, where QGIS's GEOS
    shadows it; set-up builds shapely against the system GEOS."""
    import shapely
    from qgis.core import Qgis

    assert shapely.geos_version[:2] == (Qgis.geosVersionMajor(), Qgis.geosVersionMinor())
