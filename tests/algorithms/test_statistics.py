"""minemonitor:globalautocorrelation, :localmoran and :hotspots through processing.run, a model
chain and qgis_process, checked against esda/libpysal called directly on independently built
weights (the ``esda``/``libpysal`` oracle fixtures: those tests are marked ``oracle``), the fishnet's
own cell areas, and a published reference value."""

from __future__ import annotations

import csv
import sqlite3
import warnings

import numpy as np
import pytest

GLOBAL = "minemonitor:globalautocorrelation"
LOCAL = "minemonitor:localmoran"
HOT = "minemonitor:hotspots"
RTOL = 1e-9  # same statistic, independent code paths
RTOL_AREA = 1e-6  # shapely areas in the fishnet's Albers CRS against the fishnet's cell_km2 field

@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@pytest.fixture(scope="module")
def fishnet(qgis_app, shared_data, tmp_path_factory):
    """The paper's 100 km fishnet of the Maus mining grid over the four provinces."""
    import processing

    out = tmp_path_factory.mktemp("stats") / "fishnet.gpkg"
    cells = f"{shared_data}/maus_mining_area_grid_v2/maus_v2_5arcmin_cells_nw_bbox.gpkg|layername=mining_cells"
    provinces = f"{shared_data}/cn_admin_nw4_counties/nw4_admin.gpkg|layername=province"
    processing.run("minemonitor:fishnetdensity", {"INPUT": cells, "STUDY_AREA": provinces, "CELL_SIZE": 100000,
                                                  "WEIGHT_FIELD": "mining_area_km2", "OUTPUT": str(out)})
    return str(out)


def read_layer(path, names):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "layer", "ogr")
    assert layer.isValid(), path
    feats = sorted(layer.getFeatures(), key=lambda f: f.id())
    return layer, {n: np.array([f[n] for f in feats], dtype=object) for n in names}


def is_null(value) -> bool:
    """A NULL attribute as QGIS returns it (None or a null QVariant)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def queen_from_row_col(rows, cols, libpysal):
    """Independent queen lattice: a plain dictionary of the 8 surrounding (row, col) cells."""
    where = {(int(r), int(c)): i for i, (r, c) in enumerate(zip(rows, cols, strict=True))}
    neighbours = {}
    for i, (r, c) in enumerate(zip(rows, cols, strict=True)):
        neighbours[i] = [where[(r + dr, c + dc)] for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                         if (dr or dc) and (r + dr, c + dc) in where]
    return libpysal.weights.W(neighbours, silence_warnings=True)


@pytest.fixture(scope="module")
def fishnet_arrays(qgis_app, fishnet):
    _, cols = read_layer(fishnet, ["row", "col", "density_pct", "cell_km2"])
    rows, colv = cols["row"].astype(int), cols["col"].astype(int)
    return {"rows": rows, "cols": colv, "y": cols["density_pct"].astype(float),
            "area": cols["cell_km2"].astype(float)}


# ---------------------------------------------------------------------------- global


def test_global_on_maus_fishnet_matches_esda(run_alg, fishnet, fishnet_arrays, tmp_path, esda, libpysal):
    report = tmp_path / "global.html"
    res = run_alg(GLOBAL, {"INPUT": fishnet, "FIELD": "density_pct", "PERMUTATIONS": 99, "SEED": 3,
                           "OUTPUT_REPORT": str(report)})
    y, w = fishnet_arrays["y"], queen_from_row_col(fishnet_arrays["rows"], fishnet_arrays["cols"], libpysal)
    w.transform = "R"
    ref = esda.Moran(y, w, permutations=0)
    assert res["MORANS_I"] == pytest.approx(ref.I, rel=RTOL)
    assert res["MORANS_I_EXPECTED"] == pytest.approx(ref.EI, rel=RTOL)
    assert res["MORANS_I_VARIANCE"] == pytest.approx(ref.VI_rand, rel=RTOL)
    assert res["MORANS_I_Z"] == pytest.approx(ref.z_rand, rel=RTOL)
    assert res["MORANS_I_P"] == pytest.approx(ref.p_rand, rel=1e-6)
    gref = esda.G(y, queen_from_row_col(fishnet_arrays["rows"], fishnet_arrays["cols"], libpysal), permutations=0)
    assert res["GENERAL_G"] == pytest.approx(gref.G, rel=RTOL)
    assert res["GENERAL_G_Z"] == pytest.approx(gref.z_norm, rel=RTOL)
    # Mining clusters strongly on this grid (the paper: I = 0.156, z = 5.75 on its own polygons).
    assert res["MORANS_I"] > 0.1 and res["MORANS_I_Z"] > 5 and res["GENERAL_G_Z"] > 5
    assert res["MORANS_I_P_SIM"] == pytest.approx(0.01) and res["GENERAL_G_P_SIM"] == pytest.approx(0.01)
    assert res["N"] == len(y) and res["N_ISLANDS"] == 0
    text = report.read_text(encoding="utf-8")
    assert "<svg" in text and f"{res['MORANS_I']:.6g}" in text and "density_pct" in text
    log = res["_feedback"].log()
    assert "row/col" in log and "seed 3" in log


def test_global_weights_file_reproduces_st_louis_reference(run_alg, make_layer, tmp_path, libpysal):
    """esda's test value I = 0.24365582621771659 for HR8893 with the stl.gal bundled with libpysal."""
    examples = libpysal.examples

    with open(examples.get_path("stl_hom.csv"), newline="") as handle:
        rows = list(csv.DictReader(handle))
    src = make_layer(tmp_path / "stl.gpkg", [r["WKT"] for r in rows], crs="EPSG:4326",
                     fields={"gal_id": [str(i + 1) for i in range(len(rows))],
                             "hr": [float(r["HR8893"]) for r in rows]})
    res = run_alg(GLOBAL, {"INPUT": src, "FIELD": "hr", "WEIGHTS_FILE": examples.get_path("stl.gal"),
                           "ID_FIELD": "gal_id", "PERMUTATIONS": 0, "OUTPUT_REPORT": str(tmp_path / "r.html")})
    assert res["MORANS_I"] == pytest.approx(0.24365582621771659, rel=1e-12)
    assert res["MORANS_I_P_SIM"] is None  # no permutations asked
    assert "stl.gal" in res["_feedback"].log()


def test_general_g_skipped_with_reason_for_negative_values(run_alg, make_layer, tmp_path):
    wkts = [f"POINT({x} {y})" for x in range(5) for y in range(4)]
    vals = [float(np.sin(i)) for i in range(20)]  # negative values
    src = make_layer(tmp_path / "p.gpkg", wkts, crs="EPSG:3857", fields={"v": vals})
    res = run_alg(GLOBAL, {"INPUT": src, "FIELD": "v", "WEIGHTS": 3, "K": 4, "PERMUTATIONS": 0,
                           "OUTPUT_REPORT": str(tmp_path / "r.html")})
    assert res["GENERAL_G"] is None and res["MORANS_I"] is not None
    assert f"{min(vals)}" in res["_feedback"].log()  # the message names the minimum


# ---------------------------------------------------------------------------- local Moran


def test_local_moran_on_maus_fishnet(run_alg, fishnet, fishnet_arrays, tmp_path, esda, libpysal):
    from qgis.core import QgsVectorLayer

    out = tmp_path / "lisa.gpkg"
    report = tmp_path / "lisa.html"
    res = run_alg(LOCAL, {"INPUT": fishnet, "FIELD": "density_pct", "OUTPUT": str(out),
                          "OUTPUT_REPORT": str(report)})
    names = ["LMiIndex", "LMiZScore", "LMiPValue", "COType", "NNeighbors", "SpatialLag", "lisa_q",
             "lisa_cluster", "cell_km2", "density_pct"]
    _, f = read_layer(out, names)
    y, w = fishnet_arrays["y"], queen_from_row_col(fishnet_arrays["rows"], fishnet_arrays["cols"], libpysal)
    w.transform = "R"
    ref = esda.Moran_Local(y, w, transformation="r", permutations=999, seed=1, n_jobs=1)
    np.testing.assert_allclose(f["LMiIndex"].astype(float), ref.Is, rtol=RTOL, atol=1e-12)
    np.testing.assert_array_equal(f["lisa_q"].astype(int), ref.q)
    card = np.array([len(w.neighbors[i]) for i in range(len(y))])
    np.testing.assert_array_equal(f["NNeighbors"].astype(int), card)
    lag = np.array([y[w.neighbors[i]].mean() for i in range(len(y))])
    np.testing.assert_allclose(f["SpatialLag"].astype(float), lag, rtol=RTOL)
    # Same null distribution as esda (another random stream): p-values differ by noise only.
    p = f["LMiPValue"].astype(float)
    assert np.all(np.abs(p - ref.p_sim) < 6 * np.sqrt(np.clip(ref.p_sim, 1e-3, 0.5) / 999) + 2e-3)
    cluster = f["lisa_cluster"].astype(int)
    np.testing.assert_array_equal(cluster, np.where(p < 0.05, f["lisa_q"].astype(int), 0))
    labels = {0: "", 1: "HH", 2: "LH", 3: "LL", 4: "HL"}
    assert [labels[c] for c in cluster] == [c or "" for c in f["COType"]]
    area = f["cell_km2"].astype(float)
    for code, key in ((1, "HH"), (4, "HL"), (2, "LH"), (3, "LL"), (0, "NS")):
        assert res[f"COUNT_{key}"] == int((cluster == code).sum())
        assert res[f"AREA_PCT_{key}"] == pytest.approx(100 * area[cluster == code].sum() / area.sum(),
                                                       rel=RTOL_AREA, abs=1e-9)
    assert res["COUNT_HH"] > 0 and res["N_ISLANDS"] == 0
    with sqlite3.connect(out) as db:
        qml = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()[0]
    assert 'attr="lisa_cluster"' in qml
    assert QgsVectorLayer(str(out), "l", "ogr").renderer().type() == "categorizedSymbol"
    assert "<svg" in report.read_text(encoding="utf-8")
    again = run_alg(LOCAL, {"INPUT": fishnet, "FIELD": "density_pct", "OUTPUT": str(tmp_path / "b.gpkg")})
    _, g = read_layer(tmp_path / "b.gpkg", ["LMiPValue"])
    np.testing.assert_array_equal(g["LMiPValue"], f["LMiPValue"])  # fixed default seed
    assert again["COUNT_HH"] == res["COUNT_HH"]


def test_local_moran_counties_queen_from_geometry_and_fdr(run_alg, shared_data, tmp_path, esda, libpysal):
    """Real county polygons (lon/lat): contiguity from shared vertices, as libpysal's Queen."""
    import processing
    import shapely

    counties = f"{shared_data}/cn_admin_nw4_counties/nw4_admin.gpkg|layername=county"
    with_area = processing.run("native:fieldcalculator", {
        "INPUT": counties, "FIELD_NAME": "v", "FIELD_TYPE": 0, "FORMULA": "$area / 1e9 + $id % 7",
        "OUTPUT": str(tmp_path / "c.gpkg")})["OUTPUT"]
    out = tmp_path / "lisa.gpkg"
    res = run_alg(LOCAL, {"INPUT": with_area, "FIELD": "v", "FDR": True, "PERMUTATIONS": 199, "OUTPUT": str(out)})
    layer, f = read_layer(out, ["NNeighbors", "LMiPValue", "lisa_cluster", "LMiIndex", "v"])
    ordered = sorted(layer.getFeatures(), key=lambda x: x.id())
    geoms = [shapely.from_wkb(bytes(feat.geometry().asWkb())) for feat in ordered]
    ref = libpysal.weights.Queen.from_iterable(geoms)
    np.testing.assert_array_equal(f["NNeighbors"].astype(int), [ref.cardinalities[i] for i in ref.id_order])
    ref.transform = "R"
    lm = esda.Moran_Local(f["v"].astype(float), ref, permutations=0)
    np.testing.assert_allclose(f["LMiIndex"].astype(float), lm.Is, rtol=RTOL, atol=1e-12)
    p = f["LMiPValue"].astype(float)
    ps = np.sort(p)
    passed = np.flatnonzero(ps <= 0.05 * np.arange(1, p.size + 1) / p.size)
    cut = ps[passed[-1]] if passed.size else 0.0
    assert np.array_equal(f["lisa_cluster"].astype(int) > 0, (p <= cut) & (cut > 0))
    assert "shared polygon" in res["_feedback"].log()


# ---------------------------------------------------------------------------- hot spots


def test_hotspots_on_maus_fishnet_match_esda_and_cell_areas(run_alg, fishnet, fishnet_arrays, tmp_path, esda,
                                                            libpysal):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    out = tmp_path / "hot.gpkg"
    res = run_alg(HOT, {"INPUT": fishnet, "FIELD": "density_pct", "OUTPUT": str(out)})
    layer, f = read_layer(out, ["GiZScore", "GiPValue", "Gi_Bin", "NNeighbors"])
    y = fishnet_arrays["y"]
    w = queen_from_row_col(fishnet_arrays["rows"], fishnet_arrays["cols"], libpysal)
    ref = esda.G_Local(y, w, transform="B", star=True, permutations=0)
    z = f["GiZScore"].astype(float)
    np.testing.assert_allclose(z, ref.Zs, rtol=RTOL)
    np.testing.assert_allclose(f["GiPValue"].astype(float), 2 * ref.p_norm, rtol=1e-6)
    gbin = f["Gi_Bin"].astype(int)
    expected = np.select([np.abs(z) > 2.5758293035489, np.abs(z) > 1.959963984540, np.abs(z) > 1.644853626951],
                         [3, 2, 1], 0) * np.sign(z)
    np.testing.assert_array_equal(gbin, expected)
    area = fishnet_arrays["area"]
    assert res["AREA_PCT_HOT"] == pytest.approx(100 * area[gbin > 0].sum() / area.sum(), rel=RTOL_AREA)
    assert res["COUNT_HOT_99"] == int((gbin == 3).sum())
    # The paper's Dachaidan-Golmud (Qaidam) hot spot: a hot cell within 150 km of Golmud.
    to_wgs = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    hot = [to_wgs.transform(ft.geometry().centroid().asPoint()) for ft in layer.getFeatures() if ft["Gi_Bin"] > 0]
    dist_km = [np.hypot((p.x() - 94.9) * 111 * np.cos(np.radians(36.4)), (p.y() - 36.4) * 111) for p in hot]
    assert min(dist_km) < 150
    with sqlite3.connect(out) as db:
        assert 'attr="Gi_Bin"' in db.execute("select styleQML from layer_styles").fetchone()[0]


def test_hotspots_permutations_fdr_and_seed(run_alg, fishnet, fishnet_arrays, tmp_path):
    base = {"INPUT": fishnet, "FIELD": "density_pct", "PERMUTATIONS": 499}
    runs = []
    for name, seed, fdr in (("a", 7, False), ("b", 7, False), ("c", 8, False), ("d", 7, True)):
        run_alg(HOT, {**base, "SEED": seed, "FDR": fdr, "OUTPUT": str(tmp_path / f"{name}.gpkg")})
        runs.append(read_layer(tmp_path / f"{name}.gpkg", ["GiPValue", "GiZScore", "Gi_Bin"])[1])
    np.testing.assert_array_equal(runs[0]["GiPValue"], runs[1]["GiPValue"])
    assert not np.array_equal(runs[0]["GiZScore"], runs[2]["GiZScore"])
    p = runs[0]["GiPValue"].astype(float)
    assert np.all(np.isin(np.round(p * 500 / 2), np.arange(1, 501)) | (p == 1.0))  # 2 * k/500, capped
    # The hot Qaidam cells stay hot under permutation inference.
    bins = runs[0]["Gi_Bin"].astype(int)
    assert (bins > 0).sum() >= 5
    # Same seed, same p-values: FDR can only lower the confidence of a bin, never raise it.
    np.testing.assert_array_equal(runs[3]["GiPValue"], runs[0]["GiPValue"])
    fdr_bins = runs[3]["Gi_Bin"].astype(int)
    assert np.all(np.abs(fdr_bins) <= np.abs(bins)) and np.all(fdr_bins * bins >= 0)


def test_knn_on_points_uses_projected_metres(run_alg, make_layer, tmp_path):
    # points 1 degree apart along a parallel at 60 N: 55.6 km apart, not 1 "unit"
    wkts = [f"POINT({lon} 60)" for lon in range(10)] + [f"POINT({lon} 61)" for lon in range(10)]
    src = make_layer(tmp_path / "pts.gpkg", wkts, crs="EPSG:4326", fields={"v": [float(i % 7) for i in range(20)]})
    out = tmp_path / "hot.gpkg"
    res = run_alg(HOT, {"INPUT": src, "FIELD": "v", "WEIGHTS": 2, "OUTPUT": str(out)})
    log = res["_feedback"].log()
    assert "+proj=aea" in log
    band = float(log.split("Distance band chosen automatically: ")[1].split(" m")[0])
    assert 55000 < band < 112000  # about 55.6 km (the parallel) or 111 km (the meridian), in metres
    _, f = read_layer(out, ["NNeighbors"])
    assert f["NNeighbors"].astype(int).min() >= 1
    res = run_alg(LOCAL, {"INPUT": src, "FIELD": "v", "WEIGHTS": 3, "K": 3, "OUTPUT": str(tmp_path / "k.gpkg")})
    _, f = read_layer(tmp_path / "k.gpkg", ["NNeighbors"])
    assert set(f["NNeighbors"].astype(int)) == {3}


def test_islands_are_counted_marked_and_never_crash(run_alg, make_layer, tmp_path):
    """A 4 x 4 block of squares plus one far away square (no neighbour) in all three algorithms."""
    squares = [(x, y) for x in range(4) for y in range(4)] + [(40, 40)]
    wkts = [f"POLYGON(({x} {y},{x + 1} {y},{x + 1} {y + 1},{x} {y + 1},{x} {y}))" for x, y in squares]
    values = [float((x * 7 + y * 3) % 5) + 0.5 for x, y in squares]
    src = make_layer(tmp_path / "sq.gpkg", wkts, crs="EPSG:6933", fields={"v": values})
    res = run_alg(GLOBAL, {"INPUT": src, "FIELD": "v", "PERMUTATIONS": 99,
                           "OUTPUT_REPORT": str(tmp_path / "g.html")})
    assert res["N_ISLANDS"] == 1 and res["N"] == 17
    assert "no neighbours" in res["_feedback"].log()
    res = run_alg(LOCAL, {"INPUT": src, "FIELD": "v", "OUTPUT": str(tmp_path / "l.gpkg")})
    _, f = read_layer(tmp_path / "l.gpkg", ["COType", "NNeighbors", "LMiIndex", "LMiPValue", "lisa_cluster"])
    assert f["COType"][-1] == "NN" and f["NNeighbors"][-1] == 0 and f["lisa_cluster"][-1] == 5
    assert is_null(f["LMiIndex"][-1]) and is_null(f["LMiPValue"][-1])
    assert res["COUNT_NN"] == 1 and res["N_ISLANDS"] == 1
    assert res["AREA_PCT_NN"] == pytest.approx(100 / 17, rel=1e-9)  # equal squares in an equal-area CRS
    res = run_alg(HOT, {"INPUT": src, "FIELD": "v", "OUTPUT": str(tmp_path / "h.gpkg")})
    _, f = read_layer(tmp_path / "h.gpkg", ["Gi_Bin", "GiZScore", "NNeighbors"])
    assert f["Gi_Bin"][-1] == 0 and f["NNeighbors"][-1] == 0
    assert is_null(f["GiZScore"][-1])
    assert not any(is_null(v) for v in f["GiZScore"][:-1])


@pytest.mark.parametrize(
    "case, message",
    [
        ("points_queen", "point layer"),
        ("file_without_id", "Id field"),
        ("null_value", "NULL"),
        ("constant", "All values are equal"),
    ],
)
def test_bad_input_gives_clear_message(case, message, run_alg, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    wkts = [f"POINT({x} {y})" for x in range(4) for y in range(3)]
    values = [float(i) for i in range(12)]
    params = {"FIELD": "v", "OUTPUT": str(tmp_path / "o.gpkg")}
    if case == "points_queen":
        params["WEIGHTS"] = 0
    elif case == "file_without_id":
        params.update(WEIGHTS=3, WEIGHTS_FILE=str(tmp_path / "w.gal"))
        (tmp_path / "w.gal").write_text("1\n1 0\n\n")
    elif case == "null_value":
        params["WEIGHTS"] = 3
        values[4] = None
    elif case == "constant":
        params["WEIGHTS"] = 3
        values = [2.5] * 12
    src = make_layer(tmp_path / "p.gpkg", wkts, crs="EPSG:3857", fields={"v": values})
    with pytest.raises(QgsProcessingException, match=message):
        run_alg(LOCAL, {"INPUT": src, **params})
    assert not (tmp_path / "o.gpkg").exists()


# ---------------------------------------------------------------------------- chains


def test_model_chain_fishnet_then_hotspots(qgis_app, shared_data, tmp_path):
    """A two-step model (fishnetdensity -> hotspots) built and run like a saved .model3."""
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProject,
    )

    model = QgsProcessingModelAlgorithm("chain", "tests")
    for name in ("cells", "provinces"):
        model.addModelParameter(QgsProcessingParameterFeatureSource(name, name), QgsProcessingModelParameter(name))
    fish = QgsProcessingModelChildAlgorithm("minemonitor:fishnetdensity")
    fish.setChildId("fishnet")
    fish.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("cells")])
    fish.addParameterSources("STUDY_AREA", [QgsProcessingModelChildParameterSource.fromModelParameter("provinces")])
    fish.addParameterSources("CELL_SIZE", [QgsProcessingModelChildParameterSource.fromStaticValue(100000)])
    fish.addParameterSources("WEIGHT_FIELD",
                             [QgsProcessingModelChildParameterSource.fromStaticValue("mining_area_km2")])
    model.addChildAlgorithm(fish)
    hot = QgsProcessingModelChildAlgorithm("minemonitor:hotspots")
    hot.setChildId("hotspots")
    hot.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("fishnet", "OUTPUT")])
    hot.addParameterSources("FIELD", [QgsProcessingModelChildParameterSource.fromStaticValue("density_pct")])
    out = QgsProcessingModelOutput("hot_spots")
    out.setChildId("hotspots")
    out.setChildOutputName("OUTPUT")
    hot.setModelOutputs({"hot_spots": out})
    model.addChildAlgorithm(hot)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    cells = f"{shared_data}/maus_mining_area_grid_v2/maus_v2_5arcmin_cells_nw_bbox.gpkg|layername=mining_cells"
    provinces = f"{shared_data}/cn_admin_nw4_counties/nw4_admin.gpkg|layername=province"
    target = tmp_path / "hot.gpkg"
    _results, ok = model.run({"cells": cells, "provinces": provinces, "hotspots:hot_spots": str(target)},
                            context, QgsProcessingFeedback())
    assert ok
    _, f = read_layer(target, ["Gi_Bin", "density_pct", "row", "col"])
    assert (f["Gi_Bin"].astype(int) > 0).sum() > 5
    assert f["row"].size > 300


def test_qgis_process_runs_all_three(qgis_process, fishnet, tmp_path):
    hot = tmp_path / "hot.gpkg"
    result = qgis_process(HOT, {"INPUT": fishnet, "FIELD": "density_pct", "OUTPUT": str(hot)})
    assert result["results"]["COUNT_HOT_99"] > 0 and hot.exists()
    result = qgis_process(GLOBAL, {"INPUT": fishnet, "FIELD": "density_pct", "PERMUTATIONS": 99,
                                   "OUTPUT_REPORT": str(tmp_path / "g.html")})
    assert result["results"]["MORANS_I_Z"] > 5 and (tmp_path / "g.html").exists()
