"""The real QGIS desktop under Xvfb, with the plugin installed from the release ZIP.

A fresh profile (``--profiles-path``) gets the ZIP unzipped into ``python/plugins`` and the plugin
enabled in its QGIS3.ini (what *Install from ZIP* does); ``desktop_startup.py`` runs inside QGIS
(``--code``) and writes a JSON report, which this test checks. The screenshot of the map canvas is
kept in build/artifacts/ and docs/images/ (the README shows it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.release import build_release_zip, install_zip

pytestmark = pytest.mark.desktop

ROOT = Path(__file__).resolve().parents[2]
STARTUP = Path(__file__).resolve().parent / "desktop_startup.py"
MODEL_PARAMS = Path(__file__).resolve().parent / "model_params.json"
ARTIFACTS = ROOT / "build" / "artifacts"
README_IMAGE_DIR = ROOT / "docs" / "images"
TIMEOUT_S = 170


def venv_site_packages() -> str:
    site = [p for p in sys.path if p.endswith("site-packages") and str(ROOT / ".venv") in p]
    assert site, "run the tests with the project venv (make test)"
    return site[0]


def run_qgis_desktop(profiles: Path, result_path: Path, out_dir: Path, shared_data: Path,
                     extra_env: dict | None = None) -> subprocess.CompletedProcess:
    assert shutil.which("xvfb-run"), "xvfb-run is missing: run make setup (it installs xvfb)"
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_PLUGINPATH", "PYTHONPATH", "DISPLAY")}
    env.update({
        "MINEMONITOR_DESKTOP_RESULT": str(result_path),
        "MINEMONITOR_DESKTOP_OUT": str(out_dir),
        "MINEMONITOR_DESKTOP_COPIES": os.pathsep.join([str(ARTIFACTS), str(README_IMAGE_DIR)]),
        "MINEMONITOR_SHARED_DATA": str(shared_data),
        "MINEMONITOR_SAMPLE_DATA": str(ROOT / "data" / "sample"),
        "MINEMONITOR_DESKTOP_MODEL_PARAMS": str(MODEL_PARAMS),
        # the packages a user would install with Plugins > MineMonitor > Install Python dependencies;
        # the plugin puts this folder on sys.path when it starts
        "MINEMONITOR_DEPS": venv_site_packages(),
    })
    env.update(extra_env or {})
    args = ["xvfb-run", "-a", "-s", "-screen 0 1600x1100x24", "/usr/bin/qgis", "--profiles-path", str(profiles),
            "--nologo", "--noversioncheck", "--code", str(STARTUP)]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # QGIS, Xvfb and xvfb-run together
        out, _ = proc.communicate()
        pytest.fail(f"QGIS desktop did not finish within {TIMEOUT_S} s; last output:\n{out[-3000:]}\n"
                    f"partial result: {result_path.read_text() if result_path.exists() else 'none'}")
    return subprocess.CompletedProcess(args, proc.returncode, out, "")


def test_desktop_installs_runs_styles_and_shows(tmp_path, shared_data):
    zip_path = build_release_zip(tmp_path / "dist")
    profiles = tmp_path / "profiles"
    profile = profiles / "profiles" / "default"
    plugin_dir = install_zip(zip_path, profile / "python" / "plugins")
    (profile / "QGIS").mkdir(parents=True)
    (profile / "QGIS" / "QGIS3.ini").write_text("[PythonPlugins]\nminemonitor_plugin=true\nprocessing=true\n")
    result_path = tmp_path / "desktop_result.json"
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    proc = run_qgis_desktop(profiles, result_path, out_dir, shared_data)
    assert result_path.exists(), f"the startup script wrote no result (rc {proc.returncode}):\n{proc.stdout[-3000:]}"
    result = json.loads(result_path.read_text())
    context = json.dumps({k: result.get(k) for k in ("errors", "steps", "logs", "model")}, indent=1)[-6000:]
    assert result.get("completed"), context
    assert result["errors"] == [], context

    # the plugin came from the ZIP, and put the dependency folder on sys.path
    assert Path(result["plugin_file"]).resolve().parent == plugin_dir.resolve()
    assert result["plugin_loaded"] and "minemonitor_plugin" in result["active_plugins"]
    assert int(result["shapely"][0].split(".")[0]) >= 2
    assert result["numpy"][1].startswith("/usr/"), "QGIS's own numpy must be used"

    # provider, algorithms, toolbox, menu
    from minemonitor_plugin.algorithms import ALGORITHMS

    expected = {f"minemonitor:{cls.ALG_ID}" for cls in ALGORITHMS}
    provider = result["provider"]
    assert provider is not None and provider["name"] == "MineMonitor"
    assert expected <= set(provider["algorithms"])
    assert provider["cannot_execute"] == {}, provider["cannot_execute"]
    assert result["toolbox"]["provider_nodes"] == ["MineMonitor"]
    assert expected <= set(result["toolbox"]["algorithms"])
    assert result["menu"] == [{"menu": "&MineMonitor", "action": "Install Python dependencies…", "enabled": True}]

    # fishnetdensity through runAndLoadResults: a memory output, styled by the post-processor
    fishnet = result["fishnet"]
    assert fishnet["outputs"]["CELL_COUNT"] > 300
    assert len(fishnet["loaded"]) == 1
    layer = fishnet["loaded"][0]
    assert layer["valid"] and layer["provider"] == "memory"  # no stored style to fall back on
    assert layer["feature_count"] == fishnet["outputs"]["CELL_COUNT"]
    assert layer["renderer"] == "graduatedSymbol" and layer["class_attribute"] == "density_pct"
    assert layer["classes"] >= 3

    # a shipped model runs when one exists (none until the models land)
    model = result["model"]
    shipped = sorted(p.name for p in (plugin_dir / "resources" / "models").glob("*.model3"))
    assert model["files"] == shipped
    if shipped:
        assert model["ran"], model
        assert model["loaded"], model
        styled = [lay for lay in model["loaded"] if lay.get("renderer") not in (None, "singleSymbol", "singlebandgray")]
        assert styled, f"no model output was styled: {model['loaded']}"

    # the screenshot shows the styled layers
    shot = result["screenshot"]
    assert shot["width"] >= 600 and shot["height"] >= 400
    assert shot["painted_fraction"] > 0.2, shot
    assert shot["distinct_colours"] >= 5, shot  # graduated classes, not one flat fill
    for path in shot["paths"]:
        assert Path(path).stat().st_size > 10_000, path
    assert Path(ARTIFACTS / "desktop_canvas.png").exists()
    (ARTIFACTS / "desktop_result.json").write_text(json.dumps(result, indent=1, default=str))
    assert result["elapsed_s"] < TIMEOUT_S


CJK = re.compile(r"[\u4e00-\u9fff]")


def test_desktop_in_zh_hans_shows_chinese_legends(tmp_path, shared_data):
    """QGIS set to Chinese the way a user does it (Options > General > 简体中文, i.e. zh-Hans): QGIS, the
    plugin and the legends of the styled local Moran, Gi* and fishnet outputs are all Chinese."""
    zip_path = build_release_zip(tmp_path / "dist")
    profiles = tmp_path / "profiles"
    profile = profiles / "profiles" / "default"
    install_zip(zip_path, profile / "python" / "plugins")
    (profile / "QGIS").mkdir(parents=True)
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\nminemonitor_plugin=true\nprocessing=true\n\n[locale]\noverrideFlag=true\n"
        "userLocale=zh-Hans\n", encoding="utf-8")
    result_path = tmp_path / "desktop_zh.json"
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    proc = run_qgis_desktop(profiles, result_path, out_dir, shared_data, {
        "MINEMONITOR_DESKTOP_MODE": "legends", "MINEMONITOR_DESKTOP_SHOT": "desktop_canvas_zh.png",
        "MINEMONITOR_DESKTOP_COPIES": str(ARTIFACTS)})
    assert result_path.exists(), f"the startup script wrote no result (rc {proc.returncode}):\n{proc.stdout[-3000:]}"
    result = json.loads(result_path.read_text())
    context = json.dumps({k: result.get(k) for k in ("errors", "steps", "logs", "legends")}, indent=1,
                         ensure_ascii=False)[-6000:]
    assert result.get("completed") and result["errors"] == [], context
    interface = result["interface"]
    assert interface["locale"] == "zh-Hans"
    assert all(CJK.search(text) for text in interface["menus"]), interface["menus"]  # QGIS's own menus
    assert interface["hotspots_name"] == "热点分析（Getis-Ord Gi*）"
    assert "/help/zh_CN/hotspots.html" in interface["hotspots_help"]
    assert result["menu"] and CJK.search(result["menu"][0]["action"])
    legends = result["legends"]
    assert "0（无采矿）" in legends["fishnetdensity"], legends
    assert {"不显著", "高-高（HH）", "低-低（LL）", "无邻居（NN）"} <= set(legends["localmoran"]), legends
    assert {"热点 - 99% 置信度", "冷点 - 99% 置信度", "不显著"} <= set(legends["hotspots"]), legends
    for labels in legends.values():
        assert not [label for label in labels if re.search(r"[A-Za-z]{4,}", label)], labels  # no English words
    shot = result["screenshot"]
    assert shot["painted_fraction"] > 0.2 and shot["distinct_colours"] >= 3, shot
    (ARTIFACTS / "desktop_zh_result.json").write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str))
