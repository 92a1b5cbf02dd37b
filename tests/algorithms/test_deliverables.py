"""What issue #13 adds to the algorithms: factor diagnostics and their outputs, the NDVI-trend period
reading, class summaries, the LISA significance style, styles of point outputs, the named equal-area
CRS, words instead of codes in the logs, the local help behind the Help button."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from tests.support.raster import write_tif

EQUAL_AREA = "EPSG:6933"
GT = (0.0, 100.0, 0.0, 1000.0, 0.0, -100.0)
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"


def table_rows(path, columns):
    with sqlite3.connect(path) as db:
        table = db.execute("select table_name from gpkg_contents").fetchone()[0]
        return db.execute(f'select {", ".join(columns)} from "{table}" order by fid').fetchall()


def trend_grades(path):
    return {g: n for p, g, n in table_rows(path, ["parameter", "grade", "pixels"]) if p == "NDVI_TREND"}


# ------------------------------------------------------------------------------- factor diagnostics
def test_desertification_warns_about_a_constant_factor_and_writes_its_tables(run_alg, tmp_path):
    """Slope of 1-3 degrees everywhere (Table 6: grade 1 below 5 degrees) beside a spread NDVI mean."""
    rng = np.random.default_rng(7)
    slope = rng.uniform(1.0, 3.0, (20, 20)).astype(np.float32)
    ndvi = rng.uniform(0.05, 0.75, (20, 20)).astype(np.float32)
    res = run_alg("minemonitor:desertificationsensitivity", {
        "SLOPE": write_tif(tmp_path / "slope.tif", slope, GT, EQUAL_AREA),
        "NDVI_MEAN": write_tif(tmp_path / "ndvi.tif", ndvi, GT, EQUAL_AREA),
        "CLASS_METHOD": 1, "BREAKS": "4,5,6",
        "OUTPUT_SCORE": str(tmp_path / "score.tif"), "OUTPUT_CLASSES": str(tmp_path / "classes.tif"),
        "OUTPUT_FACTORS": str(tmp_path / "factors.gpkg"), "OUTPUT_SUMMARY": str(tmp_path / "classes.gpkg"),
        "OUTPUT_REPORT": str(tmp_path / "sensitivity.html")})
    assert res["FACTOR_WARNINGS"] == 1
    log = res["_feedback"].log()
    low, high = f"{float(slope.min()):.6g}", f"{float(slope.max()):.6g}"
    assert (f"Slope gradient (degrees): 100.0 % of the valid pixels are in grade 1 (values {low} to {high})"
            in log)
    assert f"Slope gradient (degrees): no pixel in grade(s) 2, 3, 4 of its table (values {low} to {high})" in log
    assert "Multi-year NDVI mean: 100.0 %" not in log
    rows = table_rows(tmp_path / "factors.gpkg", ["parameter", "grade", "pixels", "pixels_pct", "value_min",
                                                  "value_max", "warning"])
    by_factor = {}
    for parameter, grade, pixels, pct, vmin, vmax, warning in rows:
        by_factor.setdefault(parameter, []).append((grade, pixels, pct, vmin, vmax, warning))
    assert [g[:2] for g in by_factor["SLOPE"]] == [(1, 400), (2, 0), (3, 0), (4, 0)]
    assert by_factor["SLOPE"][0][3] == pytest.approx(float(slope.min()), rel=1e-6)
    assert all("100.0 %" in g[5] for g in by_factor["SLOPE"])
    # the NDVI mean histogram against a hand count with Table 6's printed breaks 0.2 / 0.4 / 0.6
    expected = {4: int((ndvi < 0.2).sum()), 3: int(((ndvi >= 0.2) & (ndvi < 0.4)).sum()),
                2: int(((ndvi >= 0.4) & (ndvi < 0.6)).sum()), 1: int((ndvi >= 0.6).sum())}
    assert {g: n for g, n, *_ in by_factor["NDVI_MEAN"]} == expected
    assert all(w == "" for *_, w in by_factor["NDVI_MEAN"])
    # the class table holds the breaks used and equals the class raster
    classes = table_rows(tmp_path / "classes.gpkg", ["class", "label", "score_from", "score_to", "pixels",
                                                     "pixels_pct"])
    assert [c[3] for c in classes[:3]] == [4.0, 5.0, 6.0] and res["BREAKS_USED"] == "4, 5, 6"
    from osgeo import gdal

    raster = gdal.Open(str(tmp_path / "classes.tif")).ReadAsArray()
    assert [c[4] for c in classes] == [int((raster == k).sum()) for k in (1, 2, 3, 4)]
    assert [c[1] for c in classes] == ["Low", "Moderate", "Relatively high", "High"]
    html = (tmp_path / "sensitivity.html").read_text(encoding="utf-8")
    assert "Class breaks used (user breaks): 4, 5, 6" in html and 'class="warn"' in html and "<svg" in html


def test_ndvi_trend_period_reading_reaches_every_grade(run_alg, tmp_path):
    """Per-year slopes of -0.009, -0.006, -0.001 and +0.0002: with Table 6 read as the change over 22
    years (breaks -0.17/22, -0.12/22, 0.0025/22) they are grades 4, 3, 2, 1; read per year all are 2 or 1."""
    slopes = np.array([[-0.009, -0.006, -0.001, 0.0002]] * 4, dtype=np.float32)
    ndvi = np.full((4, 4), 0.3, dtype=np.float32)
    params = {"NDVI_TREND": write_tif(tmp_path / "trend.tif", slopes, GT, EQUAL_AREA),
              "NDVI_MEAN": write_tif(tmp_path / "ndvi.tif", ndvi, GT, EQUAL_AREA), "CLASS_METHOD": 1, "BREAKS": "4,5,6",
              "OUTPUT_SCORE": str(tmp_path / "s.tif"), "OUTPUT_CLASSES": str(tmp_path / "c.tif")}
    period = run_alg("minemonitor:desertificationsensitivity", {
        **params, "NDVI_TREND_READING": 1, "TREND_PERIOD_YEARS": 22, "OUTPUT_FACTORS": str(tmp_path / "p.gpkg")})
    grades = trend_grades(tmp_path / "p.gpkg")
    assert grades == {1: 4, 2: 4, 3: 4, 4: 4}
    assert "read as the change over 22 years" in period["_feedback"].log()
    yearly = run_alg("minemonitor:desertificationsensitivity", {**params, "OUTPUT_FACTORS": str(tmp_path / "y.gpkg")})
    grades = trend_grades(tmp_path / "y.gpkg")
    assert grades == {1: 0, 2: 16, 3: 0, 4: 0}
    assert "reading 'change over the period' (parameter NDVI_TREND_READING)" in yearly["_feedback"].log()


def test_gradefactor_period_preset_and_warning(run_alg, tmp_path):
    from minemonitor_plugin.algorithms.sensitivity.grade_factor import ALTERNATIVE_KEYS, PRESET_KEYS

    slopes = np.array([[-0.009, -0.006, -0.001, 0.0002]], dtype=np.float32)
    src = write_tif(tmp_path / "trend.tif", slopes, GT, EQUAL_AREA)
    res = run_alg("minemonitor:gradefactor", {"INPUT": src, "PRESET": len(PRESET_KEYS) + 1 +
                                              ALTERNATIVE_KEYS.index("ndvi_trend_period"),
                                              "TREND_PERIOD_YEARS": 22, "OUTPUT": str(tmp_path / "g.tif")})
    from osgeo import gdal

    np.testing.assert_array_equal(gdal.Open(str(tmp_path / "g.tif")).ReadAsArray(), [[4, 3, 2, 1]])
    per_year = run_alg("minemonitor:gradefactor", {"INPUT": src, "PRESET": PRESET_KEYS.index("ndvi_trend") + 1,
                                                   "OUTPUT": str(tmp_path / "y.tif")})
    # per year, every slope is grade 2 (-0.12 <= slope < 0.0025): the other grades stay empty
    assert "no pixel in grade(s) 1, 3, 4" in per_year["_feedback"].log()
    assert "100.0 % of the valid pixels are in grade 2" in per_year["_feedback"].log()
    assert "NDVI_TREND_READING" in per_year["_feedback"].log()
    assert "no pixel in grade" not in res["_feedback"].log()


# ------------------------------------------------------------------------------- statistics outputs
def _points(make_layer, path):
    xs, ys = np.meshgrid(np.arange(8) * 1000.0, np.arange(8) * 1000.0)
    values = [float(v) for v in (xs + ys).ravel() / 1000.0]
    wkts = [f"POINT({x} {y})" for x, y in zip(xs.ravel(), ys.ravel(), strict=True)]
    return make_layer(path, wkts, crs="EPSG:3857", fields={"value": values}, layer="points")


def test_point_outputs_are_styled_like_polygons(run_alg, make_layer, tmp_path):
    points = _points(make_layer, tmp_path / "pts.gpkg")
    base = {"INPUT": points, "FIELD": "value", "WEIGHTS": 3, "K": 4}
    run_alg("minemonitor:hotspots", {**base, "OUTPUT": str(tmp_path / "hot.gpkg")})
    lisa = run_alg("minemonitor:localmoran", {**base, "PERMUTATIONS": 99, "OUTPUT": str(tmp_path / "lisa.gpkg")})
    for path, style, attr in (("hot.gpkg", "hotspots_points", "Gi_Bin"), ("lisa.gpkg", "lisa_clusters_points",
                                                                          "lisa_cluster")):
        with sqlite3.connect(tmp_path / path) as db:
            name, qml = db.execute("select styleName, styleQML from layer_styles where useAsDefault").fetchone()
        assert name == style
        assert f'attr="{attr}"' in qml and 'type="marker"' in qml and 'type="fill"' not in qml
    # the colours are the polygon style's (GeoDa's LISA colours)
    from minemonitor_plugin.reporting.colours import LISA_COLOURS

    with sqlite3.connect(tmp_path / "lisa.gpkg") as db:
        qml = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()[0]
    for colour in LISA_COLOURS.values():
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert f"{r},{g},{b},255" in qml, colour
    assert lisa["N"] == 64


def test_lisa_significance_is_stored_as_a_second_style(run_alg, make_layer, tmp_path):
    from qgis.core import QgsVectorLayer

    from minemonitor_plugin import styling

    cells = f"{SAMPLE}/maus_mining_cells.gpkg|layername=mining_cells"
    grid = str(tmp_path / "grid.gpkg")
    run_alg("minemonitor:fishnetdensity", {"INPUT": cells, "CELL_SIZE": 100000, "WEIGHT_FIELD": "mining_area_km2",
                                           "OUTPUT": grid})
    run_alg("minemonitor:localmoran", {"INPUT": grid, "FIELD": "density_pct", "PERMUTATIONS": 99,
                                       "OUTPUT": str(tmp_path / "lisa.gpkg")})
    with sqlite3.connect(tmp_path / "lisa.gpkg") as db:
        styles = {n: (d, q) for n, d, q in db.execute("select styleName, useAsDefault, styleQML from layer_styles")}
        descriptions = dict(db.execute("select styleName, description from layer_styles"))
    assert styles["lisa_clusters"][0] == 1 and styles["lisa_significance"][0] == 0
    assert descriptions["lisa_significance"] == "Significance of local Moran's I"
    layer = QgsVectorLayer(str(tmp_path / "lisa.gpkg"), "lisa", "ogr")
    assert styling.output_style_of(layer) == "lisa_clusters"
    styling.apply_qml(layer, styling.style_path("lisa_significance"))
    renderer = layer.renderer()
    # every feature falls in the class its p-value says (a hand classification of LMiPValue)
    from qgis.core import QgsExpressionContextUtils, QgsRenderContext

    context = QgsRenderContext()
    context.expressionContext().appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    renderer.startRender(context, layer.fields())
    for feature in layer.getFeatures():
        context.expressionContext().setFeature(feature)
        p = feature["LMiPValue"]
        expected = 4 if p is None or feature["lisa_cluster"] == 5 else 3 if p < 0.001 else 2 if p < 0.01 else \
            1 if p < 0.05 else 0
        symbol = renderer.symbolForFeature(feature, context)
        category = next(c for c in renderer.categories() if c.symbol().color() == symbol.color())
        assert int(category.value()) == expected
    renderer.stopRender(context)


def test_logs_and_reports_use_words_not_codes(run_alg, make_layer, tmp_path):
    points = _points(make_layer, tmp_path / "pts.gpkg")
    res = run_alg("minemonitor:hotspots", {"INPUT": points, "FIELD": "value", "WEIGHTS": 3, "K": 4,
                                           "OUTPUT": str(tmp_path / "h.gpkg"),
                                           "OUTPUT_REPORT": str(tmp_path / "h.html")})
    log = res["_feedback"].log()
    assert "hot spot, 99 % confidence:" in log and "HOT_99:" not in log
    assert "binary weights" in log and "false discovery rate correction: no" in log
    assert "standardisation B" not in log and "FDR False" not in log
    html = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert "hot spot, 99 % confidence" in html and ">HOT_99<" not in html


def test_fitted_equal_area_crs_has_a_name(run_alg, tmp_path):
    from qgis.core import QgsVectorLayer

    cells = f"{SAMPLE}/maus_mining_cells.gpkg|layername=mining_cells"
    grid = str(tmp_path / "grid.gpkg")
    run_alg("minemonitor:fishnetdensity", {"INPUT": cells, "CELL_SIZE": 100000, "OUTPUT": grid})
    layer = QgsVectorLayer(grid, "grid", "ogr")
    crs = layer.crs()
    assert re.fullmatch(r"MineMonitor Albers equal-area \(lon0 -?[\d.]+, lat1 -?[\d.]+, lat2 -?[\d.]+\)",
                        crs.description()), crs.description()
    assert crs.toProj().startswith("+proj=aea") and "+lat_1=" in crs.toProj()
    lon0 = re.search(r"\+lon_0=(-?[\d.]+)", crs.toProj()).group(1)
    assert f"lon0 {float(lon0):g}," in crs.description()  # the name tells the parameters
    assert crs.userFriendlyIdentifier() != "" and "unknown" not in crs.userFriendlyIdentifier().lower()
    with sqlite3.connect(grid) as db:
        names = [r[0] for r in db.execute("select srs_name from gpkg_spatial_ref_sys")]
    assert crs.description() in names


# ------------------------------------------------------------------------------------------ help
def test_help_button_opens_the_local_help_in_the_run_language(provider, plugin_dir):
    from qgis.PyQt.QtCore import QUrl

    from minemonitor_plugin.i18n import install_translator, remove_translator

    algorithms = provider.algorithms()
    assert len(algorithms) >= 20  # the algorithms and the workflows
    for alg in algorithms:
        url = alg.helpUrl()
        assert url.startswith("file://") and "example." not in url, (alg.id(), url)
        path = Path(QUrl(url).toLocalFile())
        assert path.is_file() and path.parent == plugin_dir / "help" / "en", path
        text = path.read_text(encoding="utf-8")
        assert f"<h3>{alg.id()}</h3>" in text and alg.displayName() in text
        assert 'href="../zh_CN/' in text  # the other language, one click away
    assert install_translator("zh-Hans")
    try:
        alg = provider.algorithm("hotspots")
        path = Path(QUrl(alg.helpUrl()).toLocalFile())
        assert path.parent.name == "zh_CN" and alg.displayName() in path.read_text(encoding="utf-8")
        assert re.search(r"[\u4e00-\u9fff]", alg.displayName())
    finally:
        remove_translator()
