"""Vegetation algorithms (ndvitrend, zonaltimeseries) through processing.run and qgis_process, on the real
MODIS LAI 2001-2020 series (band i = year 2000 + i) with a pixel-by-pixel scipy reference, and on hand-made
stacks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from tests.support.raster import write_tif as shared_write_tif

LAI = "modis_lai_china_g050/MOD15A2_LAI_China_G050_2001-2020.tif"
COUNTIES = "cn_admin_nw4_counties/nw4_admin.gpkg"
MINING = "maus_mining_area_grid_v2/maus_v2_5arcmin_cells_nw_bbox.gpkg"
YEARS = np.arange(2001, 2021)
RTOL32 = 1e-6  # float32 pairwise slopes against scipy's float64
FLOAT_NODATA = -3.4028234663852886e38


def read(path, band=1):
    from osgeo import gdal

    ds = gdal.Open(str(path))
    b = ds.GetRasterBand(band)
    return b.ReadAsArray(), b.GetNoDataValue(), ds


def write_tif(path, array, gt=(500000.0, 30.0, 0.0, 4000000.0, 0.0, -30.0), crs="EPSG:32645", nodata=None):
    return shared_write_tif(path, array, gt, crs, nodata)


def table(path):
    """Rows of a GeoPackage table as dicts."""
    from osgeo import ogr

    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    return [f.items() for f in layer]


def brute_mk(y):
    n = y.size
    s = sum(np.sign(y[j] - y[i]) for i in range(n) for j in range(i + 1, n))
    _, tp = np.unique(y, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - np.sum(tp * (tp - 1) * (2 * tp + 5))) / 18
    z = 0.0 if s == 0 else (s - np.sign(s)) / np.sqrt(var)
    return s, var, z, 2 * stats.norm.sf(abs(z))


@pytest.fixture(scope="module")
def lai(shared_data):
    from osgeo import gdal

    path = shared_data / LAI
    stack = gdal.Open(str(path)).ReadAsArray().astype(np.float64)
    return str(path), stack


# ------------------------------------------------------------------------------------ ndvitrend
def test_ndvitrend_lai_matches_scipy_pixel_by_pixel(run_alg, lai, tmp_path):
    path, stack = lai
    outs = {k: str(tmp_path / f"{k.lower()}.tif") for k in (
        "OUTPUT_SEN_SLOPE", "OUTPUT_MK_Z", "OUTPUT_MK_P", "OUTPUT_MK_S", "OUTPUT_MK_VAR_S", "OUTPUT_OLS_SLOPE",
        "OUTPUT_R2", "OUTPUT_MEAN", "OUTPUT_CLASS", "OUTPUT_MK_BANDS")}
    res = run_alg("minemonitor:ndvitrend", {"INPUT": [path], "YEARS": "2001-2020", "ALPHA": 0.05, "MIN_YEARS": 10,
                                            **outs})
    log = res["_feedback"].log()
    assert "20 years" in log and "2001-2020" in log
    assert res["N_YEARS"] == 20 and res["FIRST_YEAR"] == 2001 and res["LAST_YEAR"] == 2020
    assert res["VALID_PIXELS"] == 140 * 80  # LAI has no NaN: zeros are valid (constant series)
    got = {k: read(v)[0] for k, v in outs.items() if k != "OUTPUT_MK_BANDS"}
    cls = got["OUTPUT_CLASS"]
    assert set(np.unique(cls)) <= {-1, 0, 1}
    assert res["INCREASE_PIXELS"] == int((cls == 1).sum()) and res["DECREASE_PIXELS"] == int((cls == -1).sum())
    assert res["INCREASE_PIXELS"] > 100  # LAI greening over China
    rng = np.random.default_rng(20)
    rows, cols = np.nonzero(stack[0] > 0)
    pick = rng.choice(rows.size, 150, replace=False)
    for r, c in [*list(zip(rows[pick], cols[pick], strict=True)), (0, 0)]:  # (0, 0): all-zero, constant series
        y = stack[:, r, c]
        ts = stats.theilslopes(y, YEARS)
        assert got["OUTPUT_SEN_SLOPE"][r, c] == pytest.approx(ts.slope, rel=RTOL32, abs=1e-9)
        s, var, z, p = brute_mk(y)
        assert got["OUTPUT_MK_S"][r, c] == s
        assert got["OUTPUT_MK_VAR_S"][r, c] == pytest.approx(var, rel=1e-6)
        assert got["OUTPUT_MK_Z"][r, c] == pytest.approx(z, rel=1e-6, abs=1e-6)
        assert got["OUTPUT_MK_P"][r, c] == pytest.approx(p, rel=1e-5, abs=1e-7)
        lr = stats.linregress(YEARS, y)
        assert got["OUTPUT_OLS_SLOPE"][r, c] == pytest.approx(lr.slope, rel=1e-5, abs=1e-8)
        assert got["OUTPUT_R2"][r, c] == pytest.approx(lr.rvalue**2, rel=1e-5, abs=1e-7)
        assert got["OUTPUT_MEAN"][r, c] == pytest.approx(y.mean(), rel=1e-6)
        assert cls[r, c] == (int(np.sign(s)) if p < 0.05 else 0)
    # the ArcGIS-order 5-band raster holds the same values
    for band, key in enumerate(("OUTPUT_SEN_SLOPE", "OUTPUT_MK_P", "OUTPUT_MK_S", "OUTPUT_MK_VAR_S", "OUTPUT_MK_Z")):
        np.testing.assert_array_equal(read(outs["OUTPUT_MK_BANDS"], band + 1)[0], got[key])
    # styled: sidecar QML for the class (diverging palette) and the slope (data-scaled ramp)
    import pathlib

    assert "Significant decrease" in pathlib.Path(outs["OUTPUT_CLASS"][:-4] + ".qml").read_text()
    slope_qml = pathlib.Path(outs["OUTPUT_SEN_SLOPE"][:-4] + ".qml").read_text()
    assert "singlebandpseudocolor" in slope_qml and 'classificationMin="-' in slope_qml
    # same grid as the input (usable as a desertification factor)
    _, _, ds_in = read(path)
    _, nodata, ds_out = read(outs["OUTPUT_MEAN"])
    assert ds_out.GetGeoTransform() == ds_in.GetGeoTransform() and ds_out.RasterXSize == 140
    assert nodata == FLOAT_NODATA


def test_ndvitrend_single_band_rasters_years_from_names_with_gap_and_nodata(run_alg, tmp_path):
    from minemonitor_plugin.core.trend import trend_statistics

    rng = np.random.default_rng(3)
    years = [y for y in range(2005, 2018) if y != 2010]  # 2010 missing
    t = np.array(years, dtype=float)[:, None, None]
    stack = (0.3 + 0.004 * (t - 2005) * rng.random((1, 9, 11)) + rng.normal(0, 0.01, (len(years), 9, 11)))
    stack = stack.astype(np.float32)
    stack[2, 4, 4] = -1.0  # NoData in 2007 at one pixel
    stack[:, 0, 0] = -1.0  # a pixel NoData every year
    paths = []
    for i in rng.permutation(len(years)):  # input order is not year order
        paths.append(write_tif(tmp_path / f"ndvi_{years[i]}.tif", stack[i], nodata=-1.0))
    out_slope, out_class, out_mean = (str(tmp_path / n) for n in ("slope.tif", "class.tif", "mean.tif"))
    res = run_alg("minemonitor:ndvitrend", {"INPUT": paths, "MIN_YEARS": 8, "OUTPUT_SEN_SLOPE": out_slope,
                                            "OUTPUT_CLASS": out_class, "OUTPUT_MEAN": out_mean,
                                            "OUTPUT_MK_P": None})
    log = res["_feedback"].log()
    assert "2005-2017" in log and "2010" in log  # the gap is reported
    assert res["YEARS_USED"] == ", ".join(str(y) for y in years)
    masked = np.where(stack == -1.0, np.nan, stack).astype(np.float32)
    ref = trend_statistics(masked, years, min_years=8)
    slope, nodata, _ = read(out_slope)
    assert slope[0, 0] == nodata
    np.testing.assert_allclose(slope[1:, 1:], ref.sen_slope[1:, 1:].astype(np.float32), rtol=1e-7)
    ok = np.isfinite(masked[:, 4, 4])
    assert slope[4, 4] == pytest.approx(stats.theilslopes(masked[ok, 4, 4], t[ok, 0, 0]).slope, rel=RTOL32)
    cls, cls_nodata, _ = read(out_class)
    assert cls_nodata == -128 and cls[0, 0] == -128
    np.testing.assert_array_equal(cls[1:, 1:], ref.trend_class[1:, 1:])


def test_ndvitrend_refuses_bad_years(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    a = write_tif(tmp_path / "ndvi_2001.tif", np.ones((3, 3), np.float32))
    b = write_tif(tmp_path / "ndvi_2001_copy.tif", np.ones((3, 3), np.float32))
    c = write_tif(tmp_path / "ndvi_band.tif", np.ones((3, 3), np.float32))
    with pytest.raises(QgsProcessingException, match="2001"):
        run_alg("minemonitor:ndvitrend", {"INPUT": [a, b], "MIN_YEARS": 3, "OUTPUT_MEAN": str(tmp_path / "m.tif")})
    with pytest.raises(QgsProcessingException, match="Years parameter"):
        run_alg("minemonitor:ndvitrend", {"INPUT": [a, c], "MIN_YEARS": 3, "OUTPUT_MEAN": str(tmp_path / "m.tif")})
    with pytest.raises(QgsProcessingException, match="3 years were given for 2"):
        run_alg("minemonitor:ndvitrend", {"INPUT": [a, c], "YEARS": "2001-2003", "MIN_YEARS": 3,
                                          "OUTPUT_MEAN": str(tmp_path / "m.tif")})


def test_ndvitrend_outputs_feed_the_factor_grading(run_alg, lai, tmp_path):
    from minemonitor_plugin.algorithms.sensitivity.grade_factor import PRESET_KEYS

    path, _stack = lai
    slope = str(tmp_path / "slope.tif")
    run_alg("minemonitor:ndvitrend", {"INPUT": [path], "YEARS": "2001-2020", "OUTPUT_SEN_SLOPE": slope,
                                      "OUTPUT_MK_P": None, "OUTPUT_MEAN": None, "OUTPUT_CLASS": None})
    graded = str(tmp_path / "graded.tif")
    run_alg("minemonitor:gradefactor", {"INPUT": slope, "PRESET": PRESET_KEYS.index("ndvi_trend") + 1,
                                        "OUTPUT": graded})
    grades, _, _ = read(graded)
    values, _, _ = read(slope)
    assert set(np.unique(grades)) <= {1, 2, 3, 4}
    assert np.all(grades[values >= 0.0025] == 1)  # Table 6: trend >= 0.0025 per year is the low grade


def test_ndvitrend_through_qgis_process(qgis_process, lai, tmp_path):
    path, stack = lai
    out = str(tmp_path / "z.tif")
    res = qgis_process("minemonitor:ndvitrend", {"INPUT": path, "YEARS": "2001-2020", "MIN_YEARS": 10,
                                                 "OUTPUT_MK_Z": out, "OUTPUT_SEN_SLOPE": str(tmp_path / "s.tif"),
                                                 "OUTPUT_MK_P": str(tmp_path / "p.tif"),
                                                 "OUTPUT_MEAN": str(tmp_path / "m.tif"),
                                                 "OUTPUT_CLASS": str(tmp_path / "c.tif")})
    assert res["results"]["N_YEARS"] == 20
    z, _, _ = read(out)
    r, c = 40, 100
    assert z[r, c] == pytest.approx(brute_mk(stack[:, r, c])[2], rel=1e-6, abs=1e-6)


# ------------------------------------------------------------------------------- zonaltimeseries
@pytest.fixture(scope="module")
def zones(shared_data, tmp_path_factory):
    """Three Xinjiang counties and the MAUS mining cells inside them (as footprints)."""
    from osgeo import gdal

    folder = tmp_path_factory.mktemp("zones")
    counties = str(folder / "counties.gpkg")
    gdal.VectorTranslate(counties, str(shared_data / COUNTIES), layers=["county"], layerName="county",
                         where="name_zh IN ('阜康市', '吉木萨尔县', '奇台县')")
    mining = str(folder / "mining.gpkg")
    gdal.VectorTranslate(mining, str(shared_data / MINING), spatFilter=(87.5, 43.5, 91.5, 45.5), layerName="mining")
    return counties, mining


def _centre_mask(geom_wkb, gt, shape):
    """Pixels whose centre is in the polygon (shapely, a second method to GDAL's rasteriser)."""
    import shapely

    g = shapely.from_wkb(geom_wkb)
    rows, cols = np.mgrid[0 : shape[0], 0 : shape[1]]
    x = gt[0] + (cols + 0.5) * gt[1]
    y = gt[3] + (rows + 0.5) * gt[5]
    return shapely.contains_xy(g, x, y)


def test_zonaltimeseries_lai_counties_and_footprints(run_alg, lai, zones, tmp_path):
    from osgeo import ogr

    from minemonitor_plugin.core.changepoint import pettitt

    path, stack = lai
    counties, mining = zones
    series, change, page = str(tmp_path / "series.gpkg"), str(tmp_path / "change.gpkg"), str(tmp_path / "c.html")
    res = run_alg("minemonitor:zonaltimeseries", {
        "INPUT": [path], "YEARS": "2001-2020", "FOOTPRINTS": mining, "ZONES": counties, "ZONE_FIELD": "name_zh",
        "BUFFERS": "0-50000, 50000-150000", "ALL_TOUCHED": False, "OUTPUT": series, "OUTPUT_CHANGE": change,
        "OUTPUT_HTML": page, "OUTPUT_ZONES": str(tmp_path / "zones.gpkg")})
    assert res["ZONE_COUNT"] == 6  # footprints, 2 rings, 3 counties
    rows = table(series)
    assert len(rows) == 6 * 20
    by_zone = {}
    for row in rows:
        by_zone.setdefault(row["zone"], {})[row["year"]] = row
    assert set(by_zone) >= {"footprints", "阜康市", "吉木萨尔县", "奇台县"}
    # county means against an independent rasterisation (pixel centres with shapely)
    _, _, ds = read(path)
    gt = ds.GetGeoTransform()
    ds_counties = ogr.Open(counties)  # keep the datasource alive while its layer is read
    layer = ds_counties.GetLayer(0)
    checked = 0
    for feat in layer:
        name = feat.GetField("name_zh")
        mask = _centre_mask(bytes(feat.GetGeometryRef().ExportToWkb()), gt, stack.shape[1:])
        counts = [by_zone[name][y]["count"] for y in YEARS]
        assert counts == [int(mask.sum())] * 20
        if mask.sum():
            expected = stack[:, mask]
            got_mean = np.array([by_zone[name][y]["mean"] for y in YEARS])
            got_median = np.array([by_zone[name][y]["median"] for y in YEARS])
            np.testing.assert_allclose(got_mean, expected.mean(axis=1), rtol=1e-6)
            np.testing.assert_allclose(got_median, np.median(expected, axis=1), rtol=1e-6)
            checked += 1
    assert checked >= 1
    # change points agree with Pettitt on the written series (and U by brute force)
    for row in table(change):
        s = np.array([by_zone[row["zone"]][y]["mean"] for y in YEARS], dtype=float)
        if not np.all(np.isfinite(s)):
            continue
        u = [sum(np.sign(s[j] - s[i]) for i in range(t + 1) for j in range(t + 1, 20)) for t in range(19)]
        k = int(np.argmax(np.abs(u)))
        assert row["pettitt_k"] == abs(u[k]) and row["change_year"] == YEARS[k]
        assert row["pettitt_p"] == pytest.approx(min(1.0, 2 * np.exp(-6 * u[k] ** 2 / (20**3 + 20**2))))
        assert row["slope_before"] == pytest.approx(stats.theilslopes(s[: k + 1], YEARS[: k + 1]).slope, rel=1e-9)
        assert row["sen_slope"] == pytest.approx(stats.theilslopes(s, YEARS).slope, rel=1e-9)
        assert row["significant"] == (row["pettitt_p"] < 0.05)
        assert pettitt(s, YEARS).year == row["change_year"]
    text = Path(page).read_text(encoding="utf-8")
    assert "<svg" in text and "奇台县" in text and "footprints" in text


def test_zonaltimeseries_planted_break_and_qgis_process(qgis_process, make_layer, tmp_path):
    # a small stack whose vegetation falls after 2016 inside a square "mine", rises slowly outside
    years = np.arange(2000, 2023)
    rng = np.random.default_rng(9)
    inside = np.zeros((20, 20), bool)
    inside[5:12, 5:12] = True
    t = years[:, None, None]
    base = 0.3 + 0.003 * (t - 2000) + rng.normal(0, 0.002, (23, 20, 20))
    fall = np.where(t > 2016, -0.08 - 0.02 * (t - 2017), 0.0)  # a cliff after 2016
    stack = np.where(inside[None], base + fall, base).astype(np.float32)
    path = write_tif(tmp_path / "ndvi.tif", stack)
    x0, y0 = 500000.0, 4000000.0
    mine = (f"POLYGON(({x0 + 150} {y0 - 150},{x0 + 360} {y0 - 150},{x0 + 360} {y0 - 360},"
            f"{x0 + 150} {y0 - 360},{x0 + 150} {y0 - 150}))")
    src = make_layer(tmp_path / "mine.gpkg", [mine], crs="EPSG:32645")
    series, change = str(tmp_path / "series.gpkg"), str(tmp_path / "change.gpkg")
    res = qgis_process("minemonitor:zonaltimeseries", {
        "INPUT": path, "YEARS": "2000-2022", "FOOTPRINTS": src, "BUFFERS": "0-60,60-150", "OUTPUT": series,
        "OUTPUT_CHANGE": change, "OUTPUT_HTML": str(tmp_path / "chart.html")})
    assert res["results"]["ZONE_COUNT"] == 3
    rows = {r["zone"]: r for r in table(change)}
    foot = rows["footprints"]
    assert foot["change_year"] == 2016 and foot["significant"] == 1
    series_rows = sorted((r for r in table(series) if r["zone"] == "footprints"), key=lambda r: r["year"])
    assert [r["count"] for r in series_rows] == [49] * 23  # 7 x 7 pixels of 30 m
    mean = np.array([r["mean"] for r in series_rows])
    np.testing.assert_allclose(mean, stack[:, inside].mean(axis=1), rtol=1e-6)
    after = years > 2016
    assert foot["slope_before"] == pytest.approx(stats.theilslopes(mean[~after], years[~after]).slope, rel=1e-9)
    assert foot["slope_after"] == pytest.approx(stats.theilslopes(mean[after], years[after]).slope, rel=1e-9)
    assert foot["slope_before"] > 0 and foot["slope_after"] < -0.01
    # the rings outside the mine keep rising: no cliff there
    for ring in ("ring 0-60 m", "ring 60-150 m"):
        assert rows[ring]["slope_after"] > 0


def test_zonaltimeseries_ring_zones_written_on_sample_data(run_alg, sample_data, tmp_path):
    """Audit D4: with rings and OUTPUT_ZONES on the sample data, a ring repaired into a GeometryCollection made
    ``shapely.multipolygons([g])`` raise and every output was discarded. Zones are now written as the
    MultiPolygons of their polygonal parts."""
    import shapely
    from osgeo import ogr

    zones_path = tmp_path / "zones.gpkg"
    res = run_alg("minemonitor:zonaltimeseries", {
        "INPUT": [str(sample_data / "lai_nw_2001_2020.tif")],
        "FOOTPRINTS": f"{sample_data / 'maus_mining_cells.gpkg'}|layername=mining_cells", "BUFFERS": "0-50000",
        "OUTPUT": str(tmp_path / "s.gpkg"), "OUTPUT_CHANGE": str(tmp_path / "c.gpkg"), "OUTPUT_ZONES": str(zones_path)})
    assert res["ZONE_COUNT"] == 2 and res["OUTPUT_ZONES"]
    ds = ogr.Open(str(zones_path))
    layer = ds.GetLayer(0)
    assert layer.GetGeomType() == ogr.wkbMultiPolygon
    geoms = {f.GetField("zone_type"): shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb())) for f in layer}
    assert set(geoms) == {"footprints", "ring"}
    assert all(g.geom_type == "MultiPolygon" and g.is_valid and g.area > 0 for g in geoms.values())
    # the ring lies around the footprints, not on them
    assert shapely.intersection(geoms["ring"], geoms["footprints"]).area < 1e-6 * geoms["footprints"].area
