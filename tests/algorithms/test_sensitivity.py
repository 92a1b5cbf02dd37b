"""Sensitivity algorithms (gradefactor, weightedoverlay, desertificationsensitivity, zonalclassarea) and the
block-wise raster IO layer, through processing.run and qgis_process, on hand-made rasters and sample data."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from tests.support.raster import write_tif as shared_write_tif

EQUAL_AREA = "EPSG:6933"  # Lambert cylindrical equal-area, metres
RTOL_AREA = 1e-9


# ---------------------------------------------------------------------------------------- helpers
def write_tif(path, array, gt=(0.0, 100.0, 0.0, 1000.0, 0.0, -100.0), crs=EQUAL_AREA, nodata=None, tiled=False):
    return shared_write_tif(path, array, gt, crs, nodata, tiled)


def read_tif(path):
    from osgeo import gdal

    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    return band.ReadAsArray(), band.GetNoDataValue(), ds


def square(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


# ------------------------------------------------------------------------------- raster IO layer
def test_block_reader_and_writer_round_trip_in_many_windows(qgis_app, tmp_path):
    from osgeo import gdal

    from minemonitor_plugin.qgis_io import raster as rio

    rng = np.random.default_rng(1)
    a = rng.random((300, 520)).astype(np.float32)
    a[5, 7] = -9999
    b = rng.integers(0, 5, (300, 520)).astype(np.uint8)
    pa = write_tif(tmp_path / "a.tif", a, nodata=-9999, tiled=True)
    pb = write_tif(tmp_path / "b.tif", b, tiled=True)
    inputs = [rio.RasterInput(pa, 1, "a"), rio.RasterInput(pb, 1, "b")]
    for threads in (1, 2):
        with rio.BlockReader(inputs, threads=threads, max_window_bytes=200_000) as reader:
            assert len(reader) > 2  # really block-wise
            assert all(w.rows % rio.TILE == 0 or w.row + w.rows == 300 for w in reader.windows)
            out = tmp_path / f"sum{threads}.tif"
            with rio.BlockWriter(str(out), reader.grid, "float32", -1.0) as writer:
                for block in reader:
                    s = block.arrays[0] + block.arrays[1]
                    writer.write(block.window, s, block.nodata[0] | block.nodata[1])
        got, nodata, ds = read_tif(out)
        expected = a + b
        assert nodata == -1.0 and got[5, 7] == -1.0
        mask = np.ones_like(got, bool)
        mask[5, 7] = False
        np.testing.assert_allclose(got[mask], expected[mask], rtol=1e-6)
        info = gdal.Info(ds, format="json")
        assert info["metadata"]["IMAGE_STRUCTURE"]["COMPRESSION"] == "DEFLATE"
        assert info["bands"][0]["block"] == [256, 256]


def test_alignment_resamples_or_refuses(qgis_app, tmp_path):
    from osgeo import gdal
    from qgis.core import QgsProcessingException

    from minemonitor_plugin.qgis_io import raster as rio

    ref = write_tif(tmp_path / "ref.tif", np.zeros((10, 10), np.uint8))
    coarse = np.arange(25, dtype=np.uint8).reshape(5, 5)
    other = write_tif(tmp_path / "coarse.tif", coarse, gt=(0.0, 200.0, 0.0, 1000.0, 0.0, -200.0), nodata=255)
    grid = rio.grid_of(ref)
    why = rio.grid_mismatch(rio.grid_of(other), grid)
    assert "pixel size 200 x 200 instead of 100 x 100" in why
    with pytest.raises(QgsProcessingException, match=r"coarse.*not on the reference grid"):
        rio.align_inputs([rio.RasterInput(other, 1, "coarse")], grid, "near", str(tmp_path), allow_resampling=False)
    aligned, notes = rio.align_inputs([rio.RasterInput(other, 1, "coarse")], grid, "near", str(tmp_path))
    assert len(notes) == 1 and "near" in notes[0]
    with rio.BlockReader(aligned) as reader:
        got = next(iter(reader)).arrays[0]
    # nearest neighbour onto a grid twice as fine: each coarse pixel becomes 2 x 2 (GDAL directly agrees)
    np.testing.assert_array_equal(got, np.kron(coarse, np.ones((2, 2), np.uint8)))
    direct = gdal.Warp("", other, format="MEM", width=10, height=10, outputBounds=(0, 0, 1000, 1000),
                       resampleAlg="near").ReadAsArray()
    np.testing.assert_array_equal(got, direct)


# ------------------------------------------------------------------------------------ gradefactor
def test_gradefactor_preset_edges_nodata_and_style(run_alg, tmp_path):
    from osgeo import gdal

    # precipitation preset (descending): <200 -> 4, 200~300 -> 3, 300~400 -> 2, >=400 -> 1
    values = np.array([[150, 200, 299.5, 300], [399, 400, 800, -9999]], dtype=np.float32)
    src = write_tif(tmp_path / "precip.tif", values, nodata=-9999)
    out = tmp_path / "graded.tif"
    res = run_alg("minemonitor:gradefactor", {"INPUT": src, "PRESET": 3, "OUTPUT": str(out)})
    got, nodata, ds = read_tif(out)
    assert nodata == 255 and ds.GetRasterBand(1).DataType == gdal.GDT_Byte
    np.testing.assert_array_equal(got, [[4, 3, 3, 2], [2, 1, 1, 255]])
    assert res["OUTSIDE_COUNT"] == 0 and res["NODATA_COUNT"] == 1
    assert (tmp_path / "graded.qml").exists()  # sidecar style
    assert "Preset: Annual precipitation" in res["_feedback"].log()


def test_gradefactor_custom_table_outside_values(run_alg, tmp_path):
    values = np.array([[-1.0, 0.0, 5.0, 10.0, 25.0, 60.0]], dtype=np.float32)
    src = write_tif(tmp_path / "slope.tif", values)
    table = ["0", "5", "1", "5", "10", "2", "10", "25", "3", "25", "", "4"]
    out = tmp_path / "g.tif"
    res = run_alg("minemonitor:gradefactor", {"INPUT": src, "TABLE": table, "OUTPUT": str(out)})
    got, _nodata, _ = read_tif(out)
    np.testing.assert_array_equal(got, [[255, 1, 2, 3, 4, 4]])  # -1 is outside: NoData, never 0
    assert res["OUTSIDE_COUNT"] == 1
    out2 = tmp_path / "g2.tif"
    run_alg("minemonitor:gradefactor", {"INPUT": src, "TABLE": table, "OUTSIDE": 1, "OUTSIDE_GRADE": 9,
                                        "EDGE_RULE": 1, "OUTPUT": str(out2)})
    got, _, _ = read_tif(out2)
    # upper bound inclusive: 5 -> 1, 10 -> 2, 25 -> 3; 0 is now outside (0 < v <= 5)
    np.testing.assert_array_equal(got, [[9, 9, 1, 2, 3, 4]])


def test_gradefactor_categories(run_alg, tmp_path):
    codes = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.uint8)
    src = write_tif(tmp_path / "lu.tif", codes)
    out = tmp_path / "occ.tif"
    run_alg("minemonitor:gradefactor", {"INPUT": src, "PRESET": 13, "OUTPUT": str(out)})
    got, _, _ = read_tif(out)
    # land-use preset: cultivated 3, forest 4, grassland 4, water outside, construction 1, unused 2
    np.testing.assert_array_equal(got, [[3, 4, 4], [255, 1, 2]])


def test_gradefactor_printed_slope_table_refused_naming_rows(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    src = write_tif(tmp_path / "slope.tif", np.zeros((2, 2), np.float32))
    printed = ["25", "", "4", "10", "25", "3", "5", "15", "2", "0", "5", "1"]
    out = tmp_path / "g.tif"
    with pytest.raises(QgsProcessingException, match="Rows 3 and 2 of the grading table overlap"):
        run_alg("minemonitor:gradefactor", {"INPUT": src, "TABLE": printed, "OUTPUT": str(out)})
    assert not out.exists()
    with pytest.raises(QgsProcessingException, match="gap between 5 and 6"):
        run_alg("minemonitor:gradefactor", {"INPUT": src, "TABLE": ["0", "5", "1", "6", "", "2"],
                                            "OUTPUT": str(out)})


# ------------------------------------------------------------------------------- weightedoverlay
def test_weightedoverlay_sum_percent_weighted_and_nodata(run_alg, tmp_path):
    a = np.array([[1, 2], [3, 4]], np.uint8)
    b = np.array([[4, 4], [1, 255]], np.uint8)  # 255 = NoData
    c = np.array([[2, 1], [3, 3]], np.uint8)
    paths = [write_tif(tmp_path / f"{n}.tif", x, nodata=255) for n, x in (("a", a), ("b", b), ("c", c))]
    out = tmp_path / "sum.tif"
    res = run_alg("minemonitor:weightedoverlay", {"FACTORS": paths, "OUTPUT": str(out)})
    got, nodata, _ = read_tif(out)
    assert nodata == -32768
    np.testing.assert_array_equal(got, [[7, 7], [7, -32768]])
    assert res["SCORE_MIN"] == 7 and res["SCORE_MAX"] == 7 and res["VALID_PIXELS"] == 3

    out = tmp_path / "pct.tif"
    run_alg("minemonitor:weightedoverlay", {"FACTORS": paths, "METHOD": 1, "WEIGHTS": "50, 30, 20",
                                            "OUTPUT": str(out)})
    got, _, _ = read_tif(out)
    # (1*50 + 4*30 + 2*20)/100 = 2.1 -> 2; (2*50+4*30+1*20)/100 = 2.4 -> 2; (3*50+1*30+3*20)/100 = 2.4 -> 2
    np.testing.assert_array_equal(got, [[2, 2], [2, -32768]])

    out = tmp_path / "w.tif"
    run_alg("minemonitor:weightedoverlay", {"FACTORS": paths, "METHOD": 2, "WEIGHTS": "0.5,2,1", "NODATA_RULE": 1,
                                            "OUTPUT": str(out)})
    got, nodata, _ = read_tif(out)
    expected = 0.5 * a + 2.0 * b.astype(float) + 1.0 * c
    # pixel (1,1): b missing -> (0.5*4 + 1*3) * 3.5 / 1.5
    expected[1, 1] = (0.5 * 4 + 3) * 3.5 / 1.5
    np.testing.assert_allclose(got, expected, rtol=1e-6)


def test_overlay_of_rasters_larger_than_a_chunk_matches_whole_arrays(run_alg, tmp_path):
    # 700 x 900 pixels: each block is computed in several chunks of rows (CHUNK_PIXELS); second
    # method: numpy on the whole arrays
    from minemonitor_plugin.algorithms.sensitivity.base import CHUNK_PIXELS

    rng = np.random.default_rng(5)
    shape = (700, 900)
    assert shape[0] * shape[1] > 2 * CHUNK_PIXELS
    arrays = [rng.uniform(0, 10, shape).astype(np.float32) for _ in range(3)]
    arrays[0][rng.random(shape) < 0.01] = -9999.0
    arrays[1][rng.random(shape) < 0.01] = np.nan
    paths = [write_tif(tmp_path / f"f{i}.tif", a, nodata=-9999.0, tiled=True) for i, a in enumerate(arrays)]
    res = run_alg("minemonitor:weightedoverlay", {
        "FACTORS": paths, "METHOD": 2, "WEIGHTS": "1, 2, 0.5", "OUTPUT": str(tmp_path / "s.tif"),
        "OUTPUT_CLASSES": str(tmp_path / "c.tif"), "CLASS_METHOD": 1, "BREAKS": "10, 15, 20"})
    stack = np.stack(arrays).astype(np.float64)
    missing = (stack[0] == -9999.0) | np.isnan(stack).any(axis=0)
    expected = stack[0] + 2 * stack[1] + 0.5 * stack[2]
    got, nodata, _ = read_tif(tmp_path / "s.tif")
    np.testing.assert_array_equal(got == nodata, missing)
    np.testing.assert_allclose(got[~missing], expected[~missing], rtol=1e-6)
    classes, cnodata, _ = read_tif(tmp_path / "c.tif")
    score = got.astype(np.float64)  # classes follow the Float32 score as written
    expected_classes = 1 + (score > 10).astype(int) + (score > 15) + (score > 20)
    np.testing.assert_array_equal(classes == cnodata, missing)
    np.testing.assert_array_equal(classes[~missing], expected_classes[~missing])
    assert res["VALID_PIXELS"] == int((~missing).sum())
    assert res["SCORE_MIN"] == pytest.approx(float(got[~missing].min()))
    assert res["SCORE_MAX"] == pytest.approx(float(got[~missing].max()))


@pytest.mark.parametrize("index, name", [(0, "DEFLATE"), (1, "ZSTD"), (2, "LZW"), (3, None)])
def test_raster_output_compression(run_alg, tmp_path, index, name):
    from osgeo import gdal

    paths = [write_tif(tmp_path / f"{i}.tif", np.arange(12, dtype=np.float32).reshape(3, 4) * (i + 1))
             for i in range(2)]
    out = tmp_path / "s.tif"
    res = run_alg("minemonitor:weightedoverlay", {"FACTORS": paths, "METHOD": 2, "COMPRESSION": index,
                                                  "OUTPUT": str(out), "OUTPUT_CLASSES": str(tmp_path / "c.tif"),
                                                  "CLASS_METHOD": 1, "BREAKS": "10"})
    got, _, _ = read_tif(out)
    np.testing.assert_array_equal(got, np.arange(12).reshape(3, 4) * 3)
    for path in (out, tmp_path / "c.tif"):
        ds = gdal.Open(str(path))
        assert ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == name
        assert ds.GetRasterBand(1).GetBlockSize() == [256, 256]
    assert f"tiled GeoTIFF, {name or 'NONE'} compression" in res["_feedback"].log()


def test_weightedoverlay_aligns_to_reference_or_refuses(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    fine = np.arange(16, dtype=np.uint8).reshape(4, 4) % 4 + 1
    coarse = np.array([[1, 2], [3, 4]], np.uint8)
    pf = write_tif(tmp_path / "fine.tif", fine)
    pc = write_tif(tmp_path / "coarse.tif", coarse, gt=(0.0, 200.0, 0.0, 1000.0, 0.0, -200.0))
    # the fine raster covers x 0..400, y 600..1000; the coarse one x 0..400, y 600..1000 at 200 m
    out = tmp_path / "s.tif"
    res = run_alg("minemonitor:weightedoverlay", {"FACTORS": [pf, pc], "OUTPUT": str(out)})
    got, _, ds = read_tif(out)
    assert ds.RasterXSize == 4 and ds.GetGeoTransform()[1] == 100.0
    np.testing.assert_array_equal(got, fine + np.kron(coarse, np.ones((2, 2), np.uint8)))
    assert "coarse: pixel size 200 x 200 instead of 100 x 100; resampled (near)" in res["_feedback"].log()
    with pytest.raises(QgsProcessingException, match="coarse is not on the reference grid"):
        run_alg("minemonitor:weightedoverlay", {"FACTORS": [pf, pc], "ALLOW_RESAMPLING": False,
                                                "OUTPUT": str(tmp_path / "r.tif")})
    # the coarse raster as reference: the fine one is resampled instead
    out = tmp_path / "s2.tif"
    run_alg("minemonitor:weightedoverlay", {"FACTORS": [pf, pc], "REFERENCE": pc, "RESAMPLING": 4,
                                            "OUTPUT": str(out)})
    _, _, ds = read_tif(out)
    assert ds.RasterXSize == 2 and ds.GetGeoTransform()[1] == 200.0


def test_weightedoverlay_refuses_bad_weights(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    paths = [write_tif(tmp_path / f"{i}.tif", np.ones((2, 2), np.uint8)) for i in range(3)]
    with pytest.raises(QgsProcessingException, match="add up to 100; they add up to 90"):
        run_alg("minemonitor:weightedoverlay", {"FACTORS": paths, "METHOD": 1, "WEIGHTS": "30,30,30",
                                                "OUTPUT": str(tmp_path / "o.tif")})
    with pytest.raises(QgsProcessingException, match="2 weights were given for 3 factor rasters"):
        run_alg("minemonitor:weightedoverlay", {"FACTORS": paths, "METHOD": 2, "WEIGHTS": "1,2",
                                                "OUTPUT": str(tmp_path / "o.tif")})
    assert not (tmp_path / "o.tif").exists()


def test_weightedoverlay_natural_breaks_agree_with_mapclassify(run_alg, tmp_path, mapclassify):
    from minemonitor_plugin.core.raster_overlay import pixel_keys

    rng = np.random.default_rng(2)
    layers = [rng.integers(1, 5, (60, 70)).astype(np.uint8) for _ in range(5)]
    paths = [write_tif(tmp_path / f"f{i}.tif", x) for i, x in enumerate(layers)]
    out, cls = tmp_path / "score.tif", tmp_path / "classes.tif"
    res = run_alg("minemonitor:weightedoverlay", {"FACTORS": paths, "OUTPUT": str(out), "OUTPUT_CLASSES": str(cls),
                                                  "SAMPLE_SIZE": 300, "SEED": 7})
    score = sum(x.astype(int) for x in layers)
    got, _, _ = read_tif(out)
    np.testing.assert_array_equal(got, score)
    # the same sample drawn independently: the 300 pixels with the smallest keys
    flat = score.ravel()
    sample = flat[np.argsort(pixel_keys(np.arange(flat.size), 7))[:300]].astype(float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fj = mapclassify.FisherJenks(sample, k=4)
    breaks = [float(x) for x in res["BREAKS_USED"].split(",")]
    np.testing.assert_allclose(breaks, fj.bins[:-1])
    classes, nodata, _ = read_tif(cls)
    assert nodata == 255
    np.testing.assert_array_equal(classes, np.searchsorted(breaks, score, side="left") + 1)
    assert (tmp_path / "classes.qml").exists() and (tmp_path / "score.qml").exists()


def _float_factors(tmp_path, rows=400, cols=300):
    rng = np.random.default_rng(11)
    layers = [rng.normal(30.0, 6.0, (rows, cols)).astype(np.float32) for _ in range(2)]
    return layers, [write_tif(tmp_path / f"g{i}.tif", x, tiled=True) for i, x in enumerate(layers)]


def test_weightedoverlay_largest_natural_breaks_sample(run_alg, tmp_path):
    """The audit's D7/W09c: SAMPLE_SIZE 100,000 on float scores (every value distinct) into 20 classes
    took hours inside mapclassify; the breaks are the exact Fisher-Jenks of the same sample drawn
    independently (core.natural_breaks, checked against brute force and mapclassify in tests/core)."""
    from minemonitor_plugin.core.natural_breaks import fisher_jenks
    from minemonitor_plugin.core.raster_overlay import pixel_keys

    _layers, paths = _float_factors(tmp_path)
    out, cls = tmp_path / "score.tif", tmp_path / "classes.tif"
    res = run_alg("minemonitor:weightedoverlay", {"FACTORS": paths, "METHOD": 2, "WEIGHTS": "1, 2",
                                                  "OUTPUT": str(out), "OUTPUT_CLASSES": str(cls),
                                                  "CLASS_COUNT": 20, "SAMPLE_SIZE": 100000, "SEED": 3})
    score, _, _ = read_tif(out)
    flat = score.ravel()
    sample = flat[np.argsort(pixel_keys(np.arange(flat.size), 3))[:100000]].astype(float)
    expected = fisher_jenks(sample, 20).breaks
    breaks = [float(x) for x in res["BREAKS_USED"].split(",")]
    np.testing.assert_allclose(breaks, expected, rtol=1e-5)  # BREAKS_USED prints 6 significant digits
    classes, _, _ = read_tif(cls)
    np.testing.assert_array_equal(classes, np.searchsorted(np.asarray(expected), score, side="left") + 1)
    assert "on a sample of 100000 of 120000 score pixels" in res["_feedback"].log()


def test_cancel_during_natural_breaks_leaves_no_output(run_alg, tmp_path):
    """Cancel is honoured inside the Fisher-Jenks computation (after the first pass wrote the score)."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    _, paths = _float_factors(tmp_path)
    seen = []

    class CancelInNaturalBreaks(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            seen.append(progress)
            if progress > 80.0:  # the first pass ends at 80 %, natural breaks run from 80 to 85 %
                self.cancel()

    out, cls = tmp_path / "score.tif", tmp_path / "classes.tif"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("minemonitor:weightedoverlay", {"FACTORS": paths, "METHOD": 2, "OUTPUT": str(out),
                                                "OUTPUT_CLASSES": str(cls), "CLASS_COUNT": 20,
                                                "SAMPLE_SIZE": 100000}, feedback=CancelInNaturalBreaks())
    assert 80.0 < seen[-1] < 85.0  # stopped inside the natural breaks
    assert not out.exists() and not cls.exists()


# ---------------------------------------------------------------------- desertificationsensitivity
@pytest.fixture
def sample_factors(shared_data, tmp_path):
    """Factors on a 40 km equal-area grid over part of NW China: slope from the ETOPO DEM, the LAI
    multi-year mean (as the vegetation factor, resampled by the algorithm) and generated factors."""
    from osgeo import gdal

    dem = str(shared_data / "etopo20_dem_nw" / "etopo20_nw_bbox.tif")
    lai = str(shared_data / "modis_lai_china_g050" / "MOD15A2_LAI_China_G050_2001-2020.tif")
    albers = "+proj=aea +lat_0=40 +lon_0=90 +lat_1=34 +lat_2=47 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
    bounds = (-1200000.0, -600000.0, 1200000.0, 800000.0)
    dem_p = str(tmp_path / "dem.tif")
    gdal.Warp(dem_p, dem, dstSRS=albers, outputBounds=bounds, xRes=40000, yRes=40000, resampleAlg="bilinear")
    slope = str(tmp_path / "slope.tif")
    gdal.DEMProcessing(slope, dem_p, "slope", computeEdges=True)
    lai_ds = gdal.Open(lai)
    stack = lai_ds.ReadAsArray().astype(np.float64)
    mean = stack.mean(axis=0).astype(np.float32)
    lai_mean = write_tif(tmp_path / "lai_mean.tif", mean, gt=lai_ds.GetGeoTransform(), crs="EPSG:4326")
    ref = gdal.Open(slope)
    h, w = ref.RasterYSize, ref.RasterXSize
    rng = np.random.default_rng(42)
    rows, cols = np.mgrid[0:h, 0:w]
    precip = (50 + 450 * rows / h + rng.normal(0, 20, (h, w))).astype(np.float32)  # 50..500 mm
    wind = (2 + 4 * cols / w).astype(np.float32)  # 2..6 m/s
    gt, wkt = ref.GetGeoTransform(), ref.GetProjection()
    return {
        "dem": dem_p, "slope": slope, "lai_mean": lai_mean, "grid": (gt, wkt, h, w),
        "precip": write_tif(tmp_path / "precip.tif", precip, gt=gt, crs=wkt),
        "wind": write_tif(tmp_path / "wind.tif", wind, gt=gt, crs=wkt),
        "arrays": {"precip": precip, "wind": wind},
    }


LAI_TABLE = ["", "0.2", "4", "0.2", "0.5", "3", "0.5", "1", "2", "1", "", "1"]


def _expected_score(f):
    """Independent expectation: GDAL reads and warps, numpy digitize of the Table 6 ranges."""
    from osgeo import gdal

    gt, wkt, h, w = f["grid"]
    slope_ds = gdal.Open(f["slope"])
    slope = slope_ds.ReadAsArray()
    slope_nd = slope == slope_ds.GetRasterBand(1).GetNoDataValue()
    xmin, ymax = gt[0], gt[3]
    lai = gdal.Warp("", f["lai_mean"], format="MEM", dstSRS=wkt, outputBounds=(xmin, ymax + gt[5] * h,
                    xmin + gt[1] * w, ymax), width=w, height=h, resampleAlg="bilinear",
                    dstNodata=np.nan, outputType=gdal.GDT_Float32).ReadAsArray()
    g_slope = np.digitize(slope, [5, 10, 25]) + 1
    g_precip = 4 - np.digitize(f["arrays"]["precip"], [200, 300, 400])
    g_wind = np.digitize(f["arrays"]["wind"], [2.8, 3.6, 4.7]) + 1
    g_lai = 4 - np.digitize(lai, [0.2, 0.5, 1.0])
    nodata = slope_nd | (slope < 0) | np.isnan(lai)
    return g_slope + g_precip + g_wind + g_lai, nodata


def test_desertification_model_on_sample_data(run_alg, sample_factors, tmp_path):
    f = sample_factors
    score_p, class_p = tmp_path / "score.tif", tmp_path / "classes.tif"
    res = run_alg("minemonitor:desertificationsensitivity", {
        "SLOPE": f["slope"], "PRECIPITATION": f["precip"], "WIND_SPEED": f["wind"], "NDVI_MEAN": f["lai_mean"],
        "TABLE_NDVI_MEAN": LAI_TABLE, "REFERENCE": f["slope"], "CLASS_METHOD": 1, "BREAKS": "8, 10, 12",
        "OUTPUT_SCORE": str(score_p), "OUTPUT_CLASSES": str(class_p)})
    expected, nodata = _expected_score(f)
    got, nd_value, _ds = read_tif(score_p)
    assert nd_value == -32768
    np.testing.assert_array_equal(got == -32768, nodata)
    np.testing.assert_array_equal(got[~nodata], expected[~nodata])
    classes, _, _ = read_tif(class_p)
    np.testing.assert_array_equal(classes[~nodata], np.searchsorted([8, 10, 12], expected[~nodata], "left") + 1)
    assert res["FACTOR_COUNT"] == 4 and res["BREAKS_USED"] == "8, 10, 12"
    assert res["VALID_PIXELS"] == int((~nodata).sum())
    log = res["_feedback"].log()
    assert "resampled (bilinear)" in log and "lai_mean" in log
    assert (tmp_path / "classes.qml").exists() and (tmp_path / "score.qml").exists()


def test_desertification_mining_occupation_from_footprints(run_alg, make_layer, tmp_path):
    # 4 x 4 grid of 100 m; a footprint over the 2 x 2 top-left pixels; land use: grassland (3) there
    lu = np.array([[3, 3, 1, 1], [3, 3, 1, 1], [6, 6, 5, 5], [6, 6, 5, 5]], np.uint8)
    precip = np.full((4, 4), 250.0, np.float32)  # grade 3 everywhere
    p_lu = write_tif(tmp_path / "lu.tif", lu)
    p_pr = write_tif(tmp_path / "pr.tif", precip)
    fp = make_layer(tmp_path / "fp.gpkg", [square(0, 800, 200, 1000), square(200, 600, 290, 690)], crs=EQUAL_AREA)
    out, cls = tmp_path / "s.tif", tmp_path / "c.tif"
    run_alg("minemonitor:desertificationsensitivity", {
        "PRECIPITATION": p_pr, "LAND_USE": p_lu, "FOOTPRINTS": fp, "OUTSIDE_MINING_GRADE": 1,
        "CLASS_METHOD": 1, "BREAKS": "4, 6", "OUTPUT_SCORE": str(out), "OUTPUT_CLASSES": str(cls)})
    got, _, _ = read_tif(out)
    # inside the footprint: grassland 4 + 3; pixel (3, 2) has its centre (250, 650) in the second
    # footprint: construction land 1 + 3; elsewhere 'outside mining' 1 + 3
    expected = np.full((4, 4), 4)
    expected[:2, :2] = 7
    np.testing.assert_array_equal(got, expected)


def test_desertification_needs_two_factors_and_land_use(run_alg, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    p = write_tif(tmp_path / "pr.tif", np.full((2, 2), 250.0, np.float32))
    with pytest.raises(QgsProcessingException, match="at least two factor rasters; 1 given"):
        run_alg("minemonitor:desertificationsensitivity", {"PRECIPITATION": p, "OUTPUT_SCORE": str(tmp_path / "s.tif"),
                                                           "OUTPUT_CLASSES": str(tmp_path / "c.tif")})
    fp = make_layer(tmp_path / "fp.gpkg", [square(0, 800, 100, 1000)], crs=EQUAL_AREA)
    with pytest.raises(QgsProcessingException, match="without a land-use raster"):
        run_alg("minemonitor:desertificationsensitivity", {"PRECIPITATION": p, "WIND_SPEED": p, "FOOTPRINTS": fp,
                                                           "OUTPUT_SCORE": str(tmp_path / "s.tif"),
                                                           "OUTPUT_CLASSES": str(tmp_path / "c.tif")})
    with pytest.raises(QgsProcessingException, match="no SLOPE raster was given"):
        run_alg("minemonitor:desertificationsensitivity", {"PRECIPITATION": p, "WIND_SPEED": p, "WEIGHTS": "SLOPE=2",
                                                           "OUTPUT_SCORE": str(tmp_path / "s.tif"),
                                                           "OUTPUT_CLASSES": str(tmp_path / "c.tif")})


def test_cancel_leaves_no_output(run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    paths = [write_tif(tmp_path / f"{i}.tif", np.ones((600, 300), np.uint8), tiled=True) for i in range(2)]

    class CancelAtOnce(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            self.cancel()

    out = tmp_path / "s.tif"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("minemonitor:weightedoverlay", {"FACTORS": paths, "OUTPUT": str(out)}, feedback=CancelAtOnce())
    assert not out.exists()


# --------------------------------------------------------------------------------- zonalclassarea
def test_zonalclassarea_reconciles_with_polygon_areas(run_alg, make_layer, tmp_path):
    from qgis.core import QgsVectorLayer

    rows, cols = np.mgrid[0:10, 0:10]
    classes = ((rows // 3 + cols // 4) % 4 + 1).astype(np.uint8)
    classes[0, 0] = 255
    src = write_tif(tmp_path / "classes.tif", classes, nodata=255)
    wkts = [square(0, 900, 250, 1000), "POLYGON((310 120,880 260,520 770,310 120))", square(430, 430, 470, 460)]
    fp = make_layer(tmp_path / "fp.gpkg", wkts, crs=EQUAL_AREA, fields={"county": ["A", "B", "A"]})
    out, table = tmp_path / "per_polygon.gpkg", tmp_path / "table.gpkg"
    res = run_alg("minemonitor:zonalclassarea", {"INPUT": src, "ZONES": fp, "ZONE_FIELD": "county",
                                                 "OUTPUT": str(out), "OUTPUT_TABLE": str(table)})
    layer = QgsVectorLayer(str(out), "p", "ogr")
    feats = sorted(layer.getFeatures(), key=lambda f: f["fid"])
    areas_km2 = [0.025, 0.5 * abs((880 - 310) * (770 - 120) - (520 - 310) * (260 - 120)) / 1e6, 0.0012]
    for f, poly_km2 in zip(feats, areas_km2, strict=True):
        # fraction rule: classified + NoData area = polygon area
        assert f["classified_km2"] + f["nodata_km2"] == pytest.approx(poly_km2, rel=RTOL_AREA)
        assert f["polygon_km2"] == pytest.approx(poly_km2, rel=RTOL_AREA)
        assert sum(f[n] for n in layer.fields().names() if n.endswith("_pct") and f[n] is not None) == \
            pytest.approx(100.0)
    # polygon 1: 2.5 x 1 pixels in row 0: pixel (0,0) NoData, (0,1) class 1, (0,2) half, class 1
    assert feats[0]["nodata_km2"] == pytest.approx(0.01)
    assert feats[0]["class_1_km2"] == pytest.approx(0.015)
    # the sub-pixel footprint lies in pixel row 5, col 4: class (5//3 + 4//4) % 4 + 1 = 3
    assert feats[2]["class_3_km2"] == pytest.approx(0.0012) and feats[2]["dominant_class"] == 3
    tab = QgsVectorLayer(str(table), "t", "ogr")
    rows_t = [(f["level"], f["zone"], f["class"], f["label"], f["area_km2"], f["share_pct"]) for f in tab.getFeatures()]
    total = [r for r in rows_t if r[0] == "total"]
    assert [r[3] for r in total] == ["Low", "Moderate", "Relatively high", "High"]
    assert sum(r[4] for r in total) == pytest.approx(res["TOTAL_KM2"])
    assert res["TOTAL_KM2"] == pytest.approx(sum(areas_km2) - 0.01, rel=RTOL_AREA)
    zone_a = sum(r[4] for r in rows_t if r[0] == "zone" and r[1] == "A")
    assert zone_a == pytest.approx(feats[0]["classified_km2"] + feats[2]["classified_km2"])
    assert sum(r[5] for r in total) == pytest.approx(100.0)


def test_zonalclassarea_centre_rule_counts_whole_pixels(run_alg, make_layer, tmp_path):
    classes = np.full((10, 10), 2, np.uint8)
    src = write_tif(tmp_path / "c.tif", classes)
    # 3 x 2 pixels exactly, plus a footprint smaller than a pixel that holds no pixel centre
    fp = make_layer(tmp_path / "fp.gpkg", [square(100, 500, 400, 700), square(610, 210, 640, 240)], crs=EQUAL_AREA)
    res = run_alg("minemonitor:zonalclassarea", {"INPUT": src, "ZONES": fp, "PIXEL_RULE": 1,
                                                 "OUTPUT": str(tmp_path / "o.gpkg"), "OUTPUT_TABLE": "memory:"})
    assert res["TOTAL_KM2"] == pytest.approx(0.06)
    frac = run_alg("minemonitor:zonalclassarea", {"INPUT": src, "ZONES": fp, "PIXEL_RULE": 0,
                                                  "OUTPUT": str(tmp_path / "o2.gpkg"), "OUTPUT_TABLE": "memory:"})
    assert frac["TOTAL_KM2"] == pytest.approx(0.06 + 0.0009)


# ----------------------------------------------------------------------------------- qgis_process
def test_qgis_process_runs_the_model_and_zonal_table(qgis_process, sample_factors, make_layer, tmp_path):
    f = sample_factors
    score_p, class_p = tmp_path / "score.tif", tmp_path / "classes.tif"
    result = qgis_process("minemonitor:desertificationsensitivity", {
        "SLOPE": f["slope"], "PRECIPITATION": f["precip"], "WIND_SPEED": f["wind"], "NDVI_MEAN": f["lai_mean"],
        "TABLE_NDVI_MEAN": ",".join(LAI_TABLE), "SAMPLE_SIZE": 200,
        "OUTPUT_SCORE": str(score_p), "OUTPUT_CLASSES": str(class_p)})
    results = result["results"]
    expected, nodata = _expected_score(f)
    got, _, _ = read_tif(score_p)
    np.testing.assert_array_equal(got[~nodata], expected[~nodata])
    breaks = [float(b) for b in results["BREAKS_USED"].split(",")]
    assert len(breaks) == 3 and breaks == sorted(breaks)
    gt, wkt, _h, _w = f["grid"]
    x0, y0 = gt[0], gt[3]
    fp = make_layer(tmp_path / "fp.gpkg", [square(x0 + 400000, y0 - 800000, x0 + 1000000, y0 - 320000)],
                    crs=wkt)
    zres = qgis_process("minemonitor:zonalclassarea", {"INPUT": str(class_p), "ZONES": fp,
                                                       "OUTPUT": str(tmp_path / "z.gpkg"),
                                                       "OUTPUT_TABLE": str(tmp_path / "t.gpkg")})["results"]
    classes, _, _ = read_tif(class_p)
    window = classes[320000 // 40000:800000 // 40000, 400000 // 40000:1000000 // 40000]
    valid = window != 255
    assert zres["TOTAL_KM2"] == pytest.approx(valid.sum() * 1600.0, rel=1e-6)


# --------------------------------------------------------------------------------------- a model
def test_model_grade_overlay_zonal(run_alg, make_layer, tmp_path):
    """gradefactor x 2 -> weightedoverlay (classes) -> zonalclassarea chained in a Processing model."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterRasterLayer,
    )

    src = QgsProcessingModelChildParameterSource
    precip = np.array([[150, 250, 350, 450]] * 4, np.float32)  # grades 4 3 2 1 by column
    wind = np.array([[2.0], [3.0], [4.0], [5.0]], np.float32).repeat(4, axis=1)  # grades 1 2 3 4 by row
    p_pr = write_tif(tmp_path / "pr.tif", precip)
    p_wi = write_tif(tmp_path / "wi.tif", wind)
    fp = make_layer(tmp_path / "fp.gpkg", [square(0, 600, 400, 1000)], crs=EQUAL_AREA)

    model = QgsProcessingModelAlgorithm("sensitivity_chain", "tests")
    for name in ("precip", "wind"):
        model.addModelParameter(QgsProcessingParameterRasterLayer(name, name), QgsProcessingModelParameter(name))
    model.addModelParameter(QgsProcessingParameterFeatureSource("footprints", "footprints"),
                            QgsProcessingModelParameter("footprints"))
    for cid, name, preset in (("g_precip", "precip", 3), ("g_wind", "wind", 4)):
        child = QgsProcessingModelChildAlgorithm("minemonitor:gradefactor")
        child.setChildId(cid)
        child.addParameterSources("INPUT", [src.fromModelParameter(name)])
        child.addParameterSources("PRESET", [src.fromStaticValue(preset)])
        model.addChildAlgorithm(child)
    overlay = QgsProcessingModelChildAlgorithm("minemonitor:weightedoverlay")
    overlay.setChildId("overlay")
    overlay.addParameterSources("FACTORS", [src.fromChildOutput("g_precip", "OUTPUT"),
                                            src.fromChildOutput("g_wind", "OUTPUT")])
    overlay.addParameterSources("CLASS_METHOD", [src.fromStaticValue(1)])
    overlay.addParameterSources("BREAKS", [src.fromStaticValue("3, 5, 6")])
    out = QgsProcessingModelOutput("classes", "classes")
    out.setChildOutputName("OUTPUT_CLASSES")
    out.setChildId("overlay")
    overlay.setModelOutputs({"classes": out})
    model.addChildAlgorithm(overlay)
    zonal = QgsProcessingModelChildAlgorithm("minemonitor:zonalclassarea")
    zonal.setChildId("zonal")
    zonal.addParameterSources("INPUT", [src.fromChildOutput("overlay", "OUTPUT_CLASSES")])
    zonal.addParameterSources("ZONES", [src.fromModelParameter("footprints")])
    table_out = QgsProcessingModelOutput("table", "table")
    table_out.setChildOutputName("OUTPUT_TABLE")
    table_out.setChildId("zonal")
    zonal.setModelOutputs({"table": table_out})
    model.addChildAlgorithm(zonal)
    model.updateDestinationParameters()

    res = run_alg(model, {"precip": p_pr, "wind": p_wi, "footprints": fp,
                          "overlay:classes": str(tmp_path / "classes.tif"), "zonal:table": str(tmp_path / "t.gpkg")})
    classes, _, _ = read_tif(tmp_path / "classes.tif")
    score = (4 - np.arange(4))[None, :] + np.array([1, 2, 3, 4])[:, None]  # precip grade + wind grade
    np.testing.assert_array_equal(classes, np.searchsorted([3, 5, 6], score, side="left") + 1)
    assert res["overlay:classes"] == str(tmp_path / "classes.tif")
    from qgis.core import QgsVectorLayer

    table = QgsVectorLayer(str(tmp_path / "t.gpkg"), "t", "ogr")
    total = {f["class"]: f["area_km2"] for f in table.getFeatures() if f["level"] == "total"}
    expected = np.bincount(np.searchsorted([3, 5, 6], score, side="left").ravel() + 1)[1:] * 0.01
    assert [total[c] for c in sorted(total)] == pytest.approx([a for a in expected if a > 0])
