"""The EXECUTION switch against a real dask scheduler and two workers on 127.0.0.1 (started and stopped here).

For every switched algorithm the cluster run must equal the local run: rasters bit for bit (read back
with GDAL), statistics, classes and pseudo p-values identical. Robustness: a worker killed mid-run, cancel,
an unreachable address, a worker of another version, an input the workers cannot open, dask missing.
One end-to-end run through qgis_process. The cluster processes import the assembled plugin (the copy the
QGIS tests run against), as worker machines import minemonitor-core.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from tests.support.cluster import LoopbackCluster
from tests.support.qgis_session import BUILD_ROOT
from tests.support.raster import write_tif

FLOAT_NODATA = -3.4028234663852886e38
GT = (500000.0, 30.0, 0.0, 4000000.0, 0.0, -30.0)
CRS = "EPSG:32645"


@pytest.fixture(scope="module")
def cluster(qgis_app):
    with LoopbackCluster(workers=2, pythonpath=[str(BUILD_ROOT)]) as c:
        yield c


def read(path, band=1):
    from osgeo import gdal

    ds = gdal.Open(str(path))
    assert ds is not None, path
    b = ds.GetRasterBand(band)
    return b.ReadAsArray(), b.GetNoDataValue(), ds.RasterCount, ds.GetGeoTransform()


def assert_same_raster(a, b):
    """Same pixels (bit for bit, NaN included), NoData value, band count and georeferencing."""
    ra, rb = read(a), read(b)
    assert ra[1:] == rb[1:], (a, b, ra[1:], rb[1:])
    for band in range(1, ra[2] + 1):
        xa, xb = read(a, band)[0], read(b, band)[0]
        assert xa.dtype == xb.dtype
        np.testing.assert_array_equal(xa.view(np.uint8), xb.view(np.uint8))


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """12 annual float32 rasters of 1536 x 1100 (three reading windows), 2 % NoData, a trend in part."""
    folder = tmp_path_factory.mktemp("stack")
    rng = np.random.default_rng(15)
    rows, cols = 1100, 1536
    trend = np.linspace(-0.02, 0.03, cols)[None, :] * np.ones((rows, 1))
    paths = []
    for k, year in enumerate(range(2001, 2013)):
        a = (0.3 + trend * k + 0.05 * rng.standard_normal((rows, cols))).astype(np.float32)
        a[rng.random((rows, cols)) < 0.02] = -9999
        path = folder / f"ndvi_{year}.tif"
        write_tif(path, a, GT, CRS, nodata=-9999)
        paths.append(str(path))
    return paths


def trend_params(stack, out: Path, prefix: str, **extra):
    return {"INPUT": stack, "MIN_YEARS": 5, "OUTPUT_SEN_SLOPE": str(out / f"{prefix}_slope.tif"),
            "OUTPUT_MK_P": str(out / f"{prefix}_p.tif"), "OUTPUT_MEAN": str(out / f"{prefix}_mean.tif"),
            "OUTPUT_CLASS": str(out / f"{prefix}_class.tif"), "OUTPUT_MK_BANDS": str(out / f"{prefix}_mk.tif"),
            **extra}


@pytest.fixture(scope="module")
def local_trend(qgis_app, stack, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("trend_local")
    params = trend_params(stack, out, "l", EXECUTION="local")
    return out, processing.run("minemonitor:ndvitrend", params)


NUMBERS = ("VALID_PIXELS", "INCREASE_PIXELS", "DECREASE_PIXELS", "N_YEARS", "YEARS_USED")


def test_ndvitrend_on_the_cluster_is_bit_identical(run_alg, cluster, stack, local_trend, tmp_path):
    out_l, res_l = local_trend
    params = trend_params(stack, tmp_path, "c", EXECUTION=cluster.address)
    params["OUTPUT_CLASS"] = str(tmp_path / "c_class.vrt")  # kept as tiles + VRT
    res = run_alg("minemonitor:ndvitrend", params)
    log = res["_feedback"].log()
    assert f"dask scheduler {cluster.address}" in log and "2 dask workers" in log
    assert "3 windows" in log  # the reading windows of the local path, one task each
    for key in NUMBERS:
        assert res[key] == res_l[key], key
    for name in ("slope", "p", "mean", "mk"):
        assert_same_raster(out_l / f"l_{name}.tif", tmp_path / f"c_{name}.tif")
    assert_same_raster(out_l / "l_class.tif", tmp_path / "c_class.vrt")
    assert sorted(p.suffix for p in (tmp_path / "c_class_tiles").iterdir()) == [".tif"] * 3  # one per window
    from osgeo import gdal

    assert gdal.Info(str(tmp_path / "c_slope.tif"), format="json")["metadata"]["IMAGE_STRUCTURE"]["LAYOUT"] == "COG"
    # styled like the local outputs (the slope ramp from the same samples), no temporary tiles left
    assert (tmp_path / "c_slope.qml").read_text() == (out_l / "l_slope.qml").read_text()
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".")]


def _factor_rasters(folder: Path, count: int, rows: int, cols: int, dtype=np.float64):
    rng = np.random.default_rng(7)
    paths = []
    for i in range(count):
        a = np.round(rng.uniform(1, 4, (rows, cols)) + 0.2 * i, 2).astype(dtype)
        a[rng.random((rows, cols)) < 0.01] = -1
        p = folder / f"factor_{i}.tif"
        write_tif(p, a, GT, CRS, nodata=-1)
        paths.append(str(p))
    return paths


def test_weightedoverlay_natural_breaks_on_the_cluster_equal_local(run_alg, cluster, tmp_path):
    # 12 Float64 factors of 1024 x 1100: three windows, natural breaks sampled across them (second pass)
    factors = _factor_rasters(tmp_path, 12, 1100, 1024)
    base = {"FACTORS": factors, "METHOD": 2, "WEIGHTS": "1,2,3,4,5,6,1,2,3,4,5,6", "CLASS_METHOD": 0,
            "CLASS_COUNT": 4, "SAMPLE_SIZE": 500, "SEED": 3}
    loc = run_alg("minemonitor:weightedoverlay", {**base, "EXECUTION": "local", "OUTPUT": str(tmp_path / "l.tif"),
                                                  "OUTPUT_CLASSES": str(tmp_path / "lc.tif")})
    dist = run_alg("minemonitor:weightedoverlay", {**base, "EXECUTION": cluster.address,
                                                   "OUTPUT": str(tmp_path / "c.tif"),
                                                   "OUTPUT_CLASSES": str(tmp_path / "cc.tif")})
    assert "3 windows" in dist["_feedback"].log()
    for key in ("BREAKS_USED", "SCORE_MIN", "SCORE_MAX", "VALID_PIXELS"):
        assert dist[key] == loc[key], key
    assert_same_raster(tmp_path / "l.tif", tmp_path / "c.tif")
    assert_same_raster(tmp_path / "lc.tif", tmp_path / "cc.tif")
    log_l = [m for m in loc["_feedback"].messages if m.startswith(("Class ", "Natural breaks", "Computing"))]
    log_c = [m for m in dist["_feedback"].messages if m.startswith(("Class ", "Natural breaks", "Computing"))]
    assert log_l == log_c and len(log_l) >= 6  # same sample, breaks and class counts


def test_desertificationsensitivity_on_the_cluster_equals_local(run_alg, cluster, make_layer, tmp_path):
    rng = np.random.default_rng(11)
    rows, cols = 400, 500
    slope = rng.uniform(0, 30, (rows, cols)).astype(np.float32)
    mean = rng.uniform(0, 0.6, (rows, cols)).astype(np.float32)
    trend = rng.uniform(-0.2, 0.05, (rows, cols)).astype(np.float32)
    land = rng.integers(1, 7, (rows, cols)).astype(np.uint8)
    paths = {}
    for name, arr in (("SLOPE", slope), ("NDVI_MEAN", mean), ("NDVI_TREND", trend), ("LAND_USE", land)):
        paths[name] = str(tmp_path / f"{name}.tif")
        write_tif(paths[name], arr, GT, CRS)
    x0, y0 = GT[0], GT[3]
    feet = [f"POLYGON(({x0 + a} {y0 - b}, {x0 + a + 900} {y0 - b}, {x0 + a + 900} {y0 - b - 600}, "
            f"{x0 + a} {y0 - b - 600}, {x0 + a} {y0 - b}))" for a, b in ((300, 300), (6000, 4000), (12000, 9000))]
    footprints = make_layer(tmp_path / "feet.gpkg", feet, crs=CRS)
    base = {**paths, "FOOTPRINTS": footprints, "CLASS_METHOD": 0, "SAMPLE_SIZE": 300}
    loc = run_alg("minemonitor:desertificationsensitivity", {
        **base, "EXECUTION": "local", "OUTPUT_SCORE": str(tmp_path / "ls.tif"),
        "OUTPUT_CLASSES": str(tmp_path / "lc.tif")})
    dist = run_alg("minemonitor:desertificationsensitivity", {
        **base, "EXECUTION": cluster.address, "OUTPUT_SCORE": str(tmp_path / "cs.tif"),
        "OUTPUT_CLASSES": str(tmp_path / "cc.tif")})
    for key in ("BREAKS_USED", "SCORE_MIN", "SCORE_MAX", "VALID_PIXELS", "FACTOR_COUNT"):
        assert dist[key] == loc[key], key
    assert_same_raster(tmp_path / "ls.tif", tmp_path / "cs.tif")
    assert_same_raster(tmp_path / "lc.tif", tmp_path / "cc.tif")
    # the footprints matter: the score differs from a run without them
    assert read(tmp_path / "ls.tif")[0].std() > 0


def test_zonalclassarea_on_the_cluster_equals_local(run_alg, cluster, make_layer, tmp_path):
    rng = np.random.default_rng(5)
    classes = rng.integers(1, 5, (1500, 2000)).astype(np.uint8)
    classes[:40, :40] = 255
    write_tif(tmp_path / "classes.tif", classes, GT, CRS, nodata=255)
    x0, y0 = GT[0], GT[3]
    polys = [f"POLYGON(({x0 + a} {y0 - b}, {x0 + a + w} {y0 - b}, {x0 + a + w} {y0 - b - h}, {x0 + a} {y0 - b}))"
             for a, b, w, h in ((10, 10, 5000, 2000), (20000, 10000, 30000, 30000), (50000, 40000, 777, 555))]
    layer = make_layer(tmp_path / "zones.gpkg", polys, crs=CRS, fields={"zone": ["a", "b", "a"]})
    base = {"INPUT": str(tmp_path / "classes.tif"), "ZONES": layer, "ZONE_FIELD": "zone", "PIXEL_RULE": 0}
    loc = run_alg("minemonitor:zonalclassarea", {**base, "EXECUTION": "local", "OUTPUT": str(tmp_path / "l.gpkg"),
                                                 "OUTPUT_TABLE": str(tmp_path / "lt.gpkg")})
    dist = run_alg("minemonitor:zonalclassarea", {**base, "EXECUTION": cluster.address,
                                                  "OUTPUT": str(tmp_path / "c.gpkg"),
                                                  "OUTPUT_TABLE": str(tmp_path / "ct.gpkg")})
    assert dist["TOTAL_KM2"] == loc["TOTAL_KM2"] and dist["CLASS_SHARES"] == loc["CLASS_SHARES"]
    assert "blocks hold polygons" in dist["_feedback"].log()
    assert _rows(tmp_path / "l.gpkg") == _rows(tmp_path / "c.gpkg")
    assert _rows(tmp_path / "lt.gpkg") == _rows(tmp_path / "ct.gpkg")


def _rows(path):
    from osgeo import ogr

    ds = ogr.Open(str(path))
    return [f.items() for f in ds.GetLayer(0)]


def test_zonaltimeseries_on_the_cluster_equals_local(run_alg, cluster, stack, make_layer, tmp_path):
    x0, y0 = GT[0], GT[3]
    feet = [f"POLYGON(({x0 + a} {y0 - a}, {x0 + a + 3000} {y0 - a}, {x0 + a + 3000} {y0 - a - 2000}, "
            f"{x0 + a} {y0 - a - 2000}, {x0 + a} {y0 - a}))" for a in (600, 15000)]
    footprints = make_layer(tmp_path / "feet.gpkg", feet, crs=CRS)
    base = {"INPUT": stack, "FOOTPRINTS": footprints, "BUFFERS": "0-1500"}
    loc = run_alg("minemonitor:zonaltimeseries", {**base, "EXECUTION": "local", "OUTPUT": str(tmp_path / "l.gpkg"),
                                                  "OUTPUT_CHANGE": str(tmp_path / "lc.gpkg")})
    dist = run_alg("minemonitor:zonaltimeseries", {**base, "EXECUTION": cluster.address,
                                                   "OUTPUT": str(tmp_path / "c.gpkg"),
                                                   "OUTPUT_CHANGE": str(tmp_path / "cc.gpkg")})
    assert dist["ZONE_COUNT"] == loc["ZONE_COUNT"] == 2
    assert _rows(tmp_path / "l.gpkg") == _rows(tmp_path / "c.gpkg")
    assert _rows(tmp_path / "lc.gpkg") == _rows(tmp_path / "cc.gpkg")


@pytest.fixture(scope="module")
def lattice_layer(qgis_app, make_layer, tmp_path_factory):
    """A 60 x 70 fishnet (queen neighbours from row/col) with a smooth positive field."""
    folder = tmp_path_factory.mktemp("lattice")
    rng = np.random.default_rng(9)
    nr, nc = 60, 70
    r, c = np.divmod(np.arange(nr * nc), nc)
    value = np.exp(np.sin(r / 6) + np.cos(c / 7) + 0.4 * rng.standard_normal(r.size))
    wkts = [f"POLYGON(({cc * 1000} {-rr * 1000}, {cc * 1000 + 1000} {-rr * 1000}, {cc * 1000 + 1000} "
            f"{-rr * 1000 - 1000}, {cc * 1000} {-rr * 1000 - 1000}, {cc * 1000} {-rr * 1000}))"
            for rr, cc in zip(r, c, strict=True)]
    return make_layer(folder / "fishnet.gpkg", wkts, crs="EPSG:3857",
                      fields={"row": [int(x) for x in r], "col": [int(x) for x in c],
                              "density": [float(v) for v in value]})


def test_statistics_on_the_cluster_equal_local(run_alg, cluster, lattice_layer, tmp_path):
    base = {"INPUT": lattice_layer, "FIELD": "density", "PERMUTATIONS": 199, "SEED": 4}
    for alg, extra, numbers in (
        ("localmoran", {}, ("COUNT_HH", "COUNT_LL", "COUNT_NS")),
        ("hotspots", {"PERMUTATIONS": 99}, ("COUNT_HOT_99", "COUNT_COLD_99", "COUNT_NOT_SIGNIFICANT")),
    ):
        loc = run_alg(f"minemonitor:{alg}", {**base, **extra, "EXECUTION": "local",
                                             "OUTPUT": str(tmp_path / f"{alg}_l.gpkg")})
        dist = run_alg(f"minemonitor:{alg}", {**base, **extra, "EXECUTION": cluster.address,
                                              "OUTPUT": str(tmp_path / f"{alg}_c.gpkg")})
        assert f"dask scheduler {cluster.address}" in dist["_feedback"].log()
        for key in numbers:
            assert dist[key] == loc[key], (alg, key)
        assert _rows(tmp_path / f"{alg}_l.gpkg") == _rows(tmp_path / f"{alg}_c.gpkg"), alg
    report = {"OUTPUT_REPORT": str(tmp_path / "g.html")}
    loc = run_alg("minemonitor:globalautocorrelation", {**base, **report, "EXECUTION": "local"})
    dist = run_alg("minemonitor:globalautocorrelation", {**base, "OUTPUT_REPORT": str(tmp_path / "gc.html"),
                                                         "EXECUTION": cluster.address})
    for key in ("MORANS_I", "MORANS_I_P_SIM", "GENERAL_G", "GENERAL_G_P_SIM", "MORANS_I_Z"):
        assert dist[key] == loc[key], key
    assert 0 < loc["MORANS_I_P_SIM"] <= 0.05  # the smooth field is clustered


# ----------------------------------------------------------------------------------------- robustness
def test_unreachable_scheduler_is_a_clear_error(run_alg, stack, tmp_path):
    from qgis.core import QgsProcessingException

    start = time.monotonic()
    with pytest.raises(QgsProcessingException, match=r"tcp://127\.0\.0\.1:9"):
        run_alg("minemonitor:ndvitrend", trend_params(stack[:6], tmp_path, "x", EXECUTION="127.0.0.1:9"))
    assert time.monotonic() - start < 60
    assert not list(tmp_path.iterdir())  # nothing written, no tile folder left


def test_missing_dask_names_the_packages_and_the_installer(run_alg, stack, tmp_path, monkeypatch):
    from qgis.core import QgsProcessingException

    from minemonitor_plugin.engine import cluster as engine_cluster

    monkeypatch.setattr(engine_cluster, "missing_packages", lambda: ["distributed"])
    with pytest.raises(QgsProcessingException, match=r"distributed.*minemonitor_plugin\.installer"):
        run_alg("minemonitor:ndvitrend", trend_params(stack[:6], tmp_path, "x", EXECUTION="tcp://127.0.0.1:8786"))
    assert not list(tmp_path.iterdir())


def test_a_worker_of_another_version_is_refused(run_alg, cluster, stack, tmp_path):
    from distributed import Client
    from qgis.core import QgsProcessingException

    def set_version(value):
        from minemonitor_plugin.engine import version

        version._VERSION = value
        return value

    with Client(cluster.address, timeout=30, set_as_default=False) as client:
        worker = sorted(client.scheduler_info()["workers"])[0]
        client.run(set_version, "0.0.1-old", workers=[worker])
        try:
            with pytest.raises(QgsProcessingException, match=rf"{worker} runs MineMonitor 0\.0\.1-old"):
                run_alg("minemonitor:ndvitrend", trend_params(stack[:6], tmp_path, "v", EXECUTION=cluster.address))
        finally:
            client.run(set_version, None, workers=[worker])
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".tif", ".vrt") or p.name.startswith(".")]


def test_an_input_the_workers_cannot_open_is_named(run_alg, cluster, stack, tmp_path):
    """A raster that exists only in this process (GDAL's /vsimem/): QGIS opens it, no worker can."""
    from osgeo import gdal
    from qgis.core import QgsProcessingException, QgsRasterLayer

    memory = [f"/vsimem/minemonitor_test/ndvi_{2001 + i}.tif" for i in range(6)]
    for src, dst in zip(stack[:6], memory, strict=True):
        gdal.Translate(dst, src)
    layers = [QgsRasterLayer(path, f"ndvi_{2001 + i}", "gdal") for i, path in enumerate(memory)]
    assert all(layer.isValid() for layer in layers)
    try:
        with pytest.raises(QgsProcessingException, match=r"cannot open the input ndvi_2001 \(/vsimem/"):
            run_alg("minemonitor:ndvitrend", trend_params(layers, tmp_path, "m", EXECUTION=cluster.address))
        assert not list(tmp_path.iterdir())
    finally:
        for path in memory:
            gdal.Unlink(path)


def test_cancel_cancels_the_tasks_and_leaves_nothing(run_alg, cluster, stack, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelAtStart(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.messages = []

        def pushInfo(self, info):
            self.messages.append(info)
            if "windows of up to" in info:  # tasks submitted next: cancel while they run
                threading.Timer(0.5, self.cancel).start()

        def log(self):
            return "\n".join(self.messages)

    feedback = CancelAtStart()
    start = time.monotonic()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("minemonitor:ndvitrend", trend_params(stack, tmp_path, "k", EXECUTION=cluster.address),
                feedback=feedback)
    assert time.monotonic() - start < 30
    assert not list(tmp_path.iterdir())  # outputs and tile folders removed
    from distributed import Client

    with Client(cluster.address, timeout=30, set_as_default=False) as client:
        deadline = time.monotonic() + 20
        while any(k.startswith("minemonitor-") for k in client.who_has()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(k.startswith("minemonitor-") for k in client.who_has())  # no task result kept


@pytest.mark.slow  # its own cluster and a full qgis_process run (about a minute)
def test_a_worker_killed_mid_run_is_recovered(qgis_process, stack, local_trend, tmp_path):
    """Its tasks are recomputed on the other worker; the raster is the same as the local one."""
    out_l, res_l = local_trend
    with LoopbackCluster(workers=2, pythonpath=[str(BUILD_ROOT)]) as own:
        params = trend_params(stack, tmp_path, "w", EXECUTION=own.address)
        params = {k: params[k] for k in ("INPUT", "MIN_YEARS", "EXECUTION", "OUTPUT_SEN_SLOPE")}
        params["OUTPUT_SEN_SLOPE"] = str(tmp_path / "w_slope.vrt")
        tiles = tmp_path / "w_slope_tiles"
        killed = threading.Event()

        def kill_after_first_tile():
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if tiles.is_dir() and any(p.suffix == ".tif" for p in tiles.iterdir()):
                    own.kill_worker(0)
                    killed.set()
                    return
                time.sleep(0.05)

        watcher = threading.Thread(target=kill_after_first_tile, daemon=True)
        watcher.start()
        res = qgis_process("minemonitor:ndvitrend", params, timeout=300)
        watcher.join(timeout=5)
        assert killed.is_set()
        assert own.workers[0].poll() is not None  # the worker is gone
    assert res["results"]["VALID_PIXELS"] == res_l["VALID_PIXELS"]
    assert_same_raster(out_l / "l_slope.tif", tmp_path / "w_slope.vrt")


def test_qgis_process_end_to_end_with_the_environment_default(qgis_process_env, stack, local_trend, tmp_path):
    """qgis_process run minemonitor:ndvitrend against a scheduler and two workers started here; the address
    comes from MINEMONITOR_DASK_SCHEDULER (no EXECUTION parameter), as in a batch or a model."""
    import json
    import subprocess

    from tests.support.qgis_session import QGIS_PROCESS_BIN

    out_l, res_l = local_trend
    with LoopbackCluster(workers=2, pythonpath=[str(BUILD_ROOT)]) as own:
        env = dict(qgis_process_env, MINEMONITOR_DASK_SCHEDULER=own.address)
        args = [QGIS_PROCESS_BIN, "--json", "run", "minemonitor:ndvitrend", "--", "MIN_YEARS=5",
                f"OUTPUT_SEN_SLOPE={tmp_path / 'e_slope.tif'}", f"OUTPUT_MK_P={tmp_path / 'e_p.tif'}"]
        args += [f"INPUT={p}" for p in stack]
        proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(proc.stdout[proc.stdout.find("{"):])
    assert f"Execution: dask scheduler {own.address} (from the environment variable" in proc.stdout + proc.stderr
    assert result["results"]["VALID_PIXELS"] == res_l["VALID_PIXELS"]
    assert_same_raster(out_l / "l_slope.tif", tmp_path / "e_slope.tif")
    assert_same_raster(out_l / "l_p.tif", tmp_path / "e_p.tif")


def test_the_processing_option_is_the_default_and_local_overrides_it(run_alg, cluster, lattice_layer, tmp_path):
    from processing.core.ProcessingConfig import ProcessingConfig

    from minemonitor_plugin.algorithms.execution import SETTING

    assert ProcessingConfig.getSetting(SETTING) in ("", None)  # registered by the provider, empty by default
    base = {"INPUT": lattice_layer, "FIELD": "density", "PERMUTATIONS": 99, "SEED": 2}
    ProcessingConfig.setSettingValue(SETTING, cluster.address)
    try:
        on = run_alg("minemonitor:localmoran", {**base, "OUTPUT": str(tmp_path / "a.gpkg")})
        off = run_alg("minemonitor:localmoran", {**base, "EXECUTION": "local", "OUTPUT": str(tmp_path / "b.gpkg")})
    finally:
        ProcessingConfig.setSettingValue(SETTING, "")
    assert f"dask scheduler {cluster.address} (from the MineMonitor Processing option)" in on["_feedback"].log()
    assert "Execution: this computer." in off["_feedback"].log()
    assert _rows(tmp_path / "a.gpkg") == _rows(tmp_path / "b.gpkg")
