"""minemonitor:epochdensity, :celltrend and :emerginghotspots through processing.run and qgis_process."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "quarters_2021_2023.gpkg"
FOOTPRINTS = f"{SAMPLE}|layername=footprints"
STUDY = f"{SAMPLE}|layername=study_area"
COUNTIES = f"{SAMPLE}|layername=counties"
EQUAL_AREA = "EPSG:6933"  # one equal-area CRS for the grid and the footprint statistics
QUARTERS = [f"{2021 + q // 4}Q{q % 4 + 1}" for q in range(12)]
RTOL = 1e-9  # the reconciliation tolerance


def rows(source) -> list[dict]:
    """Attributes (NULL as None) and geometry of every feature of a path or a layer."""
    from qgis.core import QgsVectorLayer

    layer = source if isinstance(source, QgsVectorLayer) else QgsVectorLayer(source, "out", "ogr")
    assert layer.isValid(), source
    names = layer.fields().names()
    out = []
    for f in layer.getFeatures():
        row = {n: (None if f[n] is None or (hasattr(f[n], "isNull") and f[n].isNull()) else f[n]) for n in names}
        row["_geom"] = f.geometry()
        out.append(row)
    return out


def rect(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


@pytest.fixture(scope="module")
def density(qgis_app, tmp_path_factory):
    """epochdensity on the sample (5 km cells, counties as zones), run once for the module."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    out = tmp_path_factory.mktemp("epochs")
    params = {"INPUT": FOOTPRINTS, "EPOCH_FIELD": "quarter", "STUDY_AREA": STUDY, "CELL_SIZE": 5000,
              "GRID_CRS": EQUAL_AREA, "MINE_ID_FIELD": "mine_id", "ZONES": COUNTIES, "ZONE_FIELD": "name_zh",
              "OUTPUT": str(out / "long.gpkg"), "OUTPUT_WIDE": str(out / "wide.gpkg"),
              "OUTPUT_TOTALS": str(out / "totals.gpkg"), "OUTPUT_REPORT": str(out / "report.html")}

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):
            self.lines.append(info)

        def pushWarning(self, warning):
            self.lines.append(warning)

    feedback = Log()
    results = processing.run("minemonitor:epochdensity", params, context=QgsProcessingContext(), feedback=feedback)
    results["_log"] = "\n".join(feedback.lines)
    results["_dir"] = out
    return results


def test_epochdensity_outputs_totals_and_report(density):
    assert density["EPOCH_COUNT"] == 12 and density["EPOCHS"] == ",".join(QUARTERS)
    long_rows = rows(density["OUTPUT"])
    n_cells = density["CELL_COUNT"]
    assert len(long_rows) == 12 * n_cells
    assert [r["epoch"] for r in long_rows[:: n_cells]] == QUARTERS  # one block of cells per epoch
    first = long_rows[0]
    assert first["epoch_start"].toString("yyyy-MM-dd") == "2021-01-01"
    assert first["epoch_end"].toString("yyyy-MM-dd") == "2021-04-01"
    for r in long_rows[:50]:
        assert r["density_pct"] == pytest.approx(100 * r["mining_km2"] / r["cell_km2"], rel=1e-12)
    wide = rows(density["OUTPUT_WIDE"])
    assert len(wide) == n_cells
    by_cell = {(r["cell_id"], r["epoch"]): r for r in long_rows}
    for w in wide[::37]:
        for q in QUARTERS:
            assert w[f"km2_{q}"] == by_cell[(w["cell_id"], q)]["mining_km2"]
            assert w[f"pct_{q}"] == by_cell[(w["cell_id"], q)]["density_pct"]
    totals = rows(density["OUTPUT_TOTALS"])
    total = {r["epoch"]: r for r in totals if r["level"] == "total"}
    for q in QUARTERS:
        cells_sum = sum(r["mining_km2"] for r in long_rows if r["epoch"] == q)
        assert total[q]["grid_km2"] == pytest.approx(cells_sum, rel=RTOL)
        zones = [r for r in totals if r["epoch"] == q and r["level"] in ("zone", "outside")]
        assert len(zones) == 6  # five counties and the outside row
        assert sum(r["mining_km2"] for r in zones) == pytest.approx(total[q]["mining_km2"], rel=RTOL)
        assert sum(r["n_footprints"] for r in zones) == total[q]["n_footprints"]
        assert total[q]["overlap_km2"] == 0.0  # the sample's footprints never overlap within a quarter
    assert "2023Q4: 146 footprints" in density["_log"] or "2023Q4:" in density["_log"]
    assert "distinct geometries: each was apportioned once" in density["_log"]
    text = (density["_dir"] / "report.html").read_text(encoding="utf-8")
    assert text.count("<svg") >= 2 and "2023Q4" in text and "会宁县" in text


def test_per_epoch_totals_reconcile_with_footprint_statistics(density, run_alg):
    """Each epoch's area equals footprintstatistics on that epoch's footprints, to 1e-9 relative."""
    totals = {r["epoch"]: r for r in rows(density["OUTPUT_TOTALS"]) if r["level"] == "total"}
    for q in QUARTERS:
        subset = f"{FOOTPRINTS}|subset=\"quarter\" = '{q}'"
        stats = run_alg("minemonitor:footprintstatistics", {"INPUT": subset, "AREA_CRS": EQUAL_AREA,
                                                           "OUTPUT": "memory:", "OUTPUT_SIZE_CLASSES": "memory:"})
        assert stats["N_POLYGONS"] == totals[q]["n_footprints"]
        assert totals[q]["mining_km2"] == pytest.approx(stats["TOTAL_KM2"], rel=RTOL)


def test_per_epoch_layer_is_temporal_in_the_stored_style_and_the_desktop(density):
    from qgis.core import QgsVectorLayer

    from minemonitor_plugin import styling

    with sqlite3.connect(density["OUTPUT"]) as db:
        qml = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()[0]
    assert 'startField="epoch_start"' in qml and 'endField="epoch_end"' in qml and 'enabled="1"' in qml
    assert 'attr="density_pct"' in qml
    layer = QgsVectorLayer(density["OUTPUT"], "long", "ogr")
    layer.loadDefaultStyle()  # what opening the GeoPackage applies
    props = layer.temporalProperties()
    assert props.isActive() and props.startField() == "epoch_start" and props.endField() == "epoch_end"
    # the post-processor used when the desktop loads the output sets them explicitly too
    fresh = QgsVectorLayer(density["OUTPUT"], "long", "ogr")
    fresh.temporalProperties().setIsActive(False)
    styling.TemporalStylePostProcessor.create(styling.style_path("fishnet_density"), "epoch_start",
                                              "epoch_end").postProcessLayer(fresh, None, None)
    assert fresh.temporalProperties().isActive() and fresh.temporalProperties().startField() == "epoch_start"
    with sqlite3.connect(density["OUTPUT_WIDE"]) as db:
        qml = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()[0]
    assert 'attr="pct_2023Q4"' in qml  # the wide layer is styled by the last epoch


def test_list_of_layers_equals_one_layer_with_an_epoch_field(run_alg, make_layer, tmp_path):
    shapes = {"2021Q1": [rect(0, 0, 300, 300)], "2021Q2": [rect(0, 0, 600, 300), rect(2000, 0, 2100, 100)],
              "2021Q3": [rect(0, 0, 600, 600), rect(150, 150, 250, 250)]}  # a nested copy in Q3
    single = make_layer(tmp_path / "all.gpkg", [w for q in shapes for w in shapes[q]], crs=EQUAL_AREA,
                        fields={"quarter": [q for q in shapes for _ in shapes[q]]})
    layers = [make_layer(tmp_path / f"fp_{q}.gpkg", shapes[q], crs=EQUAL_AREA, layer=f"fp_{q}")
              for q in ("2021Q3", "2021Q1", "2021Q2")]  # any order
    common = {"CELL_SIZE": 500, "GRID_CRS": EQUAL_AREA, "OUTPUT_WIDE": "memory:", "OUTPUT_TOTALS": "memory:"}
    a = run_alg("minemonitor:epochdensity", {"INPUT": single, "EPOCH_FIELD": "quarter",
                                             "OUTPUT": str(tmp_path / "a.gpkg"), **common})
    b = run_alg("minemonitor:epochdensity", {"EPOCH_LAYERS": layers, "OUTPUT": str(tmp_path / "b.gpkg"), **common})
    c = run_alg("minemonitor:epochdensity", {"EPOCH_LAYERS": layers, "EPOCH_LABELS": "2021Q3, 2021Q1, 2021Q2",
                                             "OUTPUT": str(tmp_path / "c.gpkg"), **common})
    ra, rb, rc = (rows(r["OUTPUT"]) for r in (a, b, c))
    key = [(r["epoch"], r["cell_id"], r["mining_km2"], r["n_polygons"]) for r in ra]
    assert key == [(r["epoch"], r["cell_id"], r["mining_km2"], r["n_polygons"]) for r in rb]
    assert key == [(r["epoch"], r["cell_id"], r["mining_km2"], r["n_polygons"]) for r in rc]
    totals = {q: sum(r["mining_km2"] for r in ra if r["epoch"] == q) for q in shapes}
    # the nested copy of 2021Q3 is counted once
    assert totals == {"2021Q1": pytest.approx(0.09), "2021Q2": pytest.approx(0.19), "2021Q3": pytest.approx(0.36)}


def test_each_epoch_equals_fishnetdensity_and_footprintstatistics_with_overlaps(run_alg, make_layer, tmp_path):
    """Overlapping, duplicate and sliver footprints within epochs: every epoch gets the footprint rule of
    fishnetdensity and footprintstatistics on that epoch's footprints (cell by cell and in total), never
    across epochs, and the log lists the footprints not counted with their feature ids."""
    shapes = [("2021Q1", rect(0, 0, 600, 600)), ("2021Q1", rect(100, 100, 300, 300)),  # a stope, a pond inside
              ("2021Q1", rect(0, 0, 600, 600)),  # a duplicate of the stope (feature 3)
              ("2021Q1", rect(700, 100, 950, 100.001)),  # a sliver, 1 mm over 250 m (feature 4)
              ("2021Q2", rect(0, 0, 600, 600)), ("2021Q2", rect(0, 0, 900, 600)),  # the old and the grown outline
              ("2021Q3", rect(0, 0, 900, 600)), ("2021Q3", rect(2000, 0, 2300, 300))]
    fp = make_layer(tmp_path / "all.gpkg", [w for _, w in shapes], crs=EQUAL_AREA, layer="all",
                    fields={"quarter": [q for q, _ in shapes]})
    study = make_layer(tmp_path / "study.gpkg", [rect(-100, -100, 2900, 900)], crs=EQUAL_AREA)
    common = {"STUDY_AREA": study, "CELL_SIZE": 500, "GRID_CRS": EQUAL_AREA}
    res = run_alg("minemonitor:epochdensity", {"INPUT": fp, "EPOCH_FIELD": "quarter", **common,
                                               "OUTPUT": str(tmp_path / "long.gpkg"), "OUTPUT_WIDE": "memory:",
                                               "OUTPUT_TOTALS": str(tmp_path / "totals.gpkg")})
    long_rows = rows(res["OUTPUT"])
    totals = {r["epoch"]: r for r in rows(res["OUTPUT_TOTALS"]) if r["level"] == "total"}
    expected_n = {"2021Q1": 2, "2021Q2": 2, "2021Q3": 2}  # by hand: the duplicate and the sliver are not counted
    for q in ("2021Q1", "2021Q2", "2021Q3"):
        subset = f"{fp}|subset=\"quarter\" = '{q}'"
        grid = run_alg("minemonitor:fishnetdensity", {"INPUT": subset, **common, "OUTPUT": "memory:"})["OUTPUT"]
        one = {(f["row"], f["col"]): (f["n_polygons"], f["mining_km2"]) for f in grid.getFeatures()}
        mine = {(r["row"], r["col"]): (r["n_polygons"], r["mining_km2"]) for r in long_rows if r["epoch"] == q}
        assert set(mine) == set(one)
        for key, (n, km2) in one.items():
            assert mine[key][0] == n and mine[key][1] == pytest.approx(km2, rel=RTOL, abs=1e-15)
        stats = run_alg("minemonitor:footprintstatistics", {"INPUT": subset, "AREA_CRS": EQUAL_AREA,
                                                           "OUTPUT": "memory:", "OUTPUT_SIZE_CLASSES": "memory:"})
        assert stats["N_POLYGONS"] == totals[q]["n_footprints"] == expected_n[q]
        assert totals[q]["mining_km2"] == pytest.approx(stats["TOTAL_KM2"], rel=RTOL)
    assert totals["2021Q1"]["mining_km2"] == pytest.approx(0.36, rel=RTOL)  # the pond is counted once
    assert totals["2021Q1"]["overlap_km2"] == pytest.approx(0.36 + 0.04, rel=RTOL)  # the duplicate and the pond
    assert totals["2021Q2"]["mining_km2"] == pytest.approx(0.54, rel=RTOL)
    log = res["_feedback"].log()
    assert ("Layer all (epoch 2021Q1): 1 footprints have no land of their own (exact duplicates or footprints "
            "entirely covered by smaller footprints of the layer) and are not counted (feature ids 3).") in log
    assert "Layer all (epoch 2021Q1): 1 footprints have no area" in log and "(feature ids 4)" in log
    assert "Layer all (epoch 2021Q2): 2 footprints overlap others" in log
    assert "Layer all (epoch 2021Q3)" not in log  # nothing to say: no overlap, every footprint counted


def test_empty_epoch_and_mixed_crs_are_stated(run_alg, make_layer, tmp_path):
    a = make_layer(tmp_path / "a.gpkg", [rect(0, 0, 300, 300)], crs=EQUAL_AREA, layer="mines_2021")
    b = make_layer(tmp_path / "b.gpkg", [rect(0.0, 0.0, 0.002, 0.002)], crs="EPSG:4326", layer="mines_2022")
    empty = make_layer(tmp_path / "c.gpkg", [], crs=EQUAL_AREA, layer="mines_2023", geom_type=3)
    res = run_alg("minemonitor:epochdensity", {"EPOCH_LAYERS": [a, b, empty], "CELL_SIZE": 1000,
                                               "GRID_CRS": EQUAL_AREA, "OUTPUT": "memory:",
                                               "OUTPUT_WIDE": "memory:", "OUTPUT_TOTALS": "memory:"})
    log = res["_feedback"].log()
    assert "different CRSs" in log and "EPSG:4326" in log
    assert "Epoch 2023 has no footprints: zero mining in every cell." in log
    assert res["EPOCHS"] == "2021,2022,2023"


@pytest.mark.parametrize("case, message", [
    ("neither", "Give the footprints of the epochs"),
    ("both", "not both"),
    ("no field", "needs an epoch field"),
    ("null", "is NULL for 1 features"),
    ("unorderable", "Cannot order the epoch values 'spring'"),
    ("one epoch", "At least two epochs are needed"),
    ("labels", "2 epoch labels were given for 3 layers"),
    ("name", "No epoch"),
])
def test_epochdensity_bad_input(run_alg, make_layer, tmp_path, case, message):
    from qgis.core import QgsProcessingException

    values = {"null": ["2021", None, "2022"], "unorderable": ["2021", "spring", "2022"],
              "one epoch": ["2021", "2021", "2021"]}.get(case, ["2021", "2022", "2023"])
    single = make_layer(tmp_path / "s.gpkg", [rect(0, 0, 100, 100)] * 3, crs=EQUAL_AREA, fields={"epoch": values})
    layers = [make_layer(tmp_path / f"l{i}.gpkg", [rect(0, 0, 100, 100)], crs=EQUAL_AREA,
                         layer="footprints" if case == "name" else f"fp_{2021 + i}") for i in range(3)]
    params = {"CELL_SIZE": 100, "OUTPUT": str(tmp_path / "o.gpkg"), "OUTPUT_WIDE": "memory:",
              "OUTPUT_TOTALS": "memory:"}
    if case in ("both", "no field", "null", "unorderable", "one epoch"):
        params.update(INPUT=single, EPOCH_FIELD="" if case == "no field" else "epoch")
    if case in ("both", "labels", "name"):
        params["EPOCH_LAYERS"] = layers
    if case == "labels":
        params["EPOCH_LABELS"] = "2021, 2022"
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("minemonitor:epochdensity", params)
    assert not (tmp_path / "o.gpkg").exists()


def test_epochdensity_cancel_leaves_no_output(run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelLate(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress > 60:
                self.cancel()

    out = tmp_path / "long.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("minemonitor:epochdensity", {"INPUT": FOOTPRINTS, "EPOCH_FIELD": "quarter", "CELL_SIZE": 5000,
                                             "OUTPUT": str(out), "OUTPUT_WIDE": "memory:", "OUTPUT_TOTALS": "memory:"},
                feedback=CancelLate())
    assert not out.exists()


def test_celltrend_equals_the_trend_core(density, run_alg, tmp_path):
    from minemonitor_plugin.core.trend import trend_statistics

    res = run_alg("minemonitor:celltrend", {"INPUT": density["OUTPUT"], "OUTPUT": str(tmp_path / "t.gpkg"),
                                            "OUTPUT_REPORT": str(tmp_path / "t.html")})
    long_rows = rows(density["OUTPUT"])
    cells = sorted({r["cell_id"] for r in long_rows})
    cube = np.zeros((len(cells), 12))
    for r in long_rows:
        cube[r["cell_id"] - 1, QUARTERS.index(r["epoch"])] = r["mining_km2"]
    core = trend_statistics(cube.T, np.arange(0, 36, 3), statistics=("mk_s", "mk_z", "mk_p", "sen_slope"),
                            min_years=3)
    out = {r["cell_id"]: r for r in rows(res["OUTPUT"])}
    for i, cell in enumerate(cells):
        r = out[cell]
        assert r["mk_s"] == core.mk_s[i] and r["mk_z"] == pytest.approx(core.mk_z[i], abs=1e-12)
        assert r["mk_p"] == pytest.approx(core.mk_p[i], abs=1e-12)
        assert r["sen_per_year"] == pytest.approx(12 * core.sen_slope[i], abs=1e-12)
        assert r["sen_per_epoch"] == pytest.approx(3 * core.sen_slope[i], abs=1e-12)
        assert r["first_value"] == cube[i, 0] and r["last_value"] == cube[i, -1]
    never = [r for r in out.values() if r["first_value"] == 0 and r["last_value"] == 0 and r["mk_s"] == 0]
    assert never and all(r["trend_class"] == 0 and r["mk_p"] == 1.0 and r["sen_per_year"] == 0 for r in never)
    assert res["N_INCREASE"] == sum(r["trend_class"] == 1 for r in out.values()) > 0
    assert res["N_DECREASE"] > 0 and res["N_CONSTANT"] >= len(never)
    with sqlite3.connect(tmp_path / "t.gpkg") as db:
        assert 'attr="trend_class"' in db.execute("select styleQML from layer_styles").fetchone()[0]
    assert "<svg" in (tmp_path / "t.html").read_text(encoding="utf-8")


def test_celltrend_unchanged_cells_and_bad_input(run_alg, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    cells = [rect(i * 10, 0, i * 10 + 10, 10) for i in range(3)]
    layer = make_layer(tmp_path / "c.gpkg", cells * 4, crs=EQUAL_AREA,
                       fields={"cell_id": [1, 2, 3] * 4, "epoch": [y for y in ("2020", "2021", "2022", "2023")
                                                                    for _ in range(3)],
                               "mining_km2": [0.5] * 12})
    res = run_alg("minemonitor:celltrend", {"INPUT": layer, "OUTPUT": "memory:"})
    assert res["N_CONSTANT"] == 3 and res["N_NO_TREND"] == 3
    log = res["_feedback"].log()
    assert "No cell changes over the epochs" in log and "no trend can be significant" in log
    two = make_layer(tmp_path / "two.gpkg", cells * 2, crs=EQUAL_AREA,
                     fields={"cell_id": [1, 2, 3] * 2, "epoch": ["2020"] * 3 + ["2021"] * 3, "mining_km2": [0.5] * 6})
    with pytest.raises(QgsProcessingException, match="at least three epochs"):
        run_alg("minemonitor:celltrend", {"INPUT": two, "OUTPUT": "memory:"})
    dup = make_layer(tmp_path / "dup.gpkg", cells * 2, crs=EQUAL_AREA,
                     fields={"cell_id": [1, 1, 3] * 2, "epoch": ["2020"] * 3 + ["2021"] * 3, "mining_km2": [0.5] * 6})
    with pytest.raises(QgsProcessingException, match="Cell 1 has several features for epoch 2020"):
        run_alg("minemonitor:celltrend", {"INPUT": dup, "OUTPUT": "memory:"})


def _category_at_planted_points(path):
    """Category of the output cell holding each planted cluster's centre, and the expected one."""
    from qgis.core import QgsCoordinateTransform, QgsProject, QgsVectorLayer

    planted = QgsVectorLayer(f"{SAMPLE}|layername=planted", "planted", "ogr")
    cells = QgsVectorLayer(str(path), "cells", "ogr")
    transform = QgsCoordinateTransform(planted.crs(), cells.crs(), QgsProject.instance())
    found = {}
    for point in planted.getFeatures():
        geom = point.geometry()
        geom.transform(transform)
        hit = [f for f in cells.getFeatures() if f.geometry().contains(geom)]
        assert len(hit) == 1, point["pattern"]
        found[point["pattern"]] = (hit[0]["category"], point["expected"], hit[0]["pattern"])
    return found


def test_emerginghotspots_planted_patterns_through_qgis_process(density, qgis_process, tmp_path):
    out = tmp_path / "ehsa.gpkg"
    result = qgis_process("minemonitor:emerginghotspots", {
        "INPUT": density["OUTPUT"], "OUTPUT": out, "OUTPUT_REPORT": tmp_path / "ehsa.html"})
    assert result["results"]["N_NEW_HOT"] > 0 and result["results"]["N_HOT_PATTERNS"] > 0
    found = _category_at_planted_points(out)
    assert {name: got for name, (got, _, _) in found.items()} == {name: exp for name, (_, exp, _) in found.items()}
    assert found["new"][2] == "New hot spot" and found["growing"][2] == "Intensifying hot spot"
    with sqlite3.connect(out) as db:
        qml = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()[0]
    assert 'attr="category"' in qml and "Diminishing hot spot" in qml
    text = (tmp_path / "ehsa.html").read_text(encoding="utf-8")
    assert "<svg" in text and "sfdep" in text and "New hot spot" in text


def test_emerginghotspots_fields_settings_and_permutations(density, run_alg, tmp_path):
    res = run_alg("minemonitor:emerginghotspots", {"INPUT": density["OUTPUT"], "OUTPUT": str(tmp_path / "e.gpkg"),
                                                   "PERMUTATIONS": 99, "SEED": 3, "FDR": False, "TIME_STEPS": 2,
                                                   "CONFIDENCE": 1})
    log = res["_feedback"].log()
    assert "99 permutations, seed 3" in log and "neighbourhood time step 2" in log and "confidence 95%" in log
    out = rows(res["OUTPUT"])
    names = set(out[0]) - {"_geom"}
    assert {"cell_id", "row", "col", "cell_km2", "category", "pattern", "n_hot", "n_cold", "trend_z", "trend_p",
            "last_bin", "last_z"} <= names
    assert all(-8 <= r["category"] <= 8 and 0 <= r["n_hot"] <= 12 for r in out)
    again = run_alg("minemonitor:emerginghotspots", {"INPUT": density["OUTPUT"], "OUTPUT": "memory:",
                                                     "PERMUTATIONS": 99, "SEED": 3, "FDR": False, "TIME_STEPS": 2,
                                                     "CONFIDENCE": 1})
    assert [r["last_z"] for r in rows(again["OUTPUT"])] == [r["last_z"] for r in out]  # same seed, same draws


def test_emerginghotspots_bad_input(run_alg, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    cells = [rect(i * 10, 0, i * 10 + 10, 10) for i in range(4)]
    years = [y for y in ("2020", "2021", "2022") for _ in range(4)]
    gap = make_layer(tmp_path / "gap.gpkg", cells * 3, crs=EQUAL_AREA,
                     fields={"cell_id": [1, 2, 3, 4] * 3, "epoch": years,
                             "density_pct": [1.0, 2.0, None, 4.0] + [1.0] * 8})
    with pytest.raises(QgsProcessingException, match="is NULL for feature 3"):
        run_alg("minemonitor:emerginghotspots", {"INPUT": gap, "OUTPUT": "memory:"})
    missing = make_layer(tmp_path / "missing.gpkg", cells * 3, crs=EQUAL_AREA,
                         fields={"cell_id": [1, 2, 3, 4] * 2 + [1, 2, 3, 9], "density_pct": [1.0] * 12,
                                 "epoch": [y for y in ("2020", "2021", "2022") for _ in range(4)]})
    with pytest.raises(QgsProcessingException, match="Cell 4 has no value for epoch 2022"):
        run_alg("minemonitor:emerginghotspots", {"INPUT": missing, "OUTPUT": "memory:"})
    two = make_layer(tmp_path / "two.gpkg", cells * 2, crs=EQUAL_AREA,
                     fields={"cell_id": [1, 2, 3, 4] * 2, "epoch": ["2020"] * 4 + ["2021"] * 4,
                             "density_pct": [1.0] * 8})
    with pytest.raises(QgsProcessingException, match="at least three epochs"):
        run_alg("minemonitor:emerginghotspots", {"INPUT": two, "OUTPUT": "memory:"})
    flat = make_layer(tmp_path / "flat.gpkg", cells * 3, crs=EQUAL_AREA,
                      fields={"cell_id": [1, 2, 3, 4] * 3, "epoch": years, "density_pct": [0.0] * 12})
    res = run_alg("minemonitor:emerginghotspots", {"INPUT": flat, "OUTPUT": "memory:"})
    assert "Gi* is undefined, so no cell has a pattern" in res["_feedback"].log()
    assert res["N_HOT_PATTERNS"] == 0 and res["N_COLD_PATTERNS"] == 0


def test_epochdensity_and_celltrend_through_qgis_process(qgis_process, tmp_path):
    out = tmp_path / "long.gpkg"
    result = qgis_process("minemonitor:epochdensity", {
        "INPUT": FOOTPRINTS, "EPOCH_FIELD": "quarter", "STUDY_AREA": STUDY, "CELL_SIZE": 10000, "OUTPUT": out,
        "OUTPUT_WIDE": tmp_path / "wide.gpkg", "OUTPUT_TOTALS": tmp_path / "totals.gpkg"})
    assert result["results"]["EPOCH_COUNT"] == 12 and out.exists()
    trend = qgis_process("minemonitor:celltrend", {"INPUT": out, "OUTPUT": tmp_path / "trend.gpkg"})
    assert trend["results"]["N_INCREASE"] > 0


@pytest.mark.parametrize("alg, extra", [("minemonitor:celltrend", {}),
                                        ("minemonitor:emerginghotspots", {"PERMUTATIONS": 99})])
def test_trend_and_emerging_cancel_leaves_no_output(density, run_alg, tmp_path, alg, extra):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelAfterReading(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress > 31:
                self.cancel()

    out = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg(alg, {"INPUT": density["OUTPUT"], "OUTPUT": str(out), **extra}, feedback=CancelAfterReading())
    assert not out.exists()


def test_emerginghotspots_with_a_weights_file_of_cell_ids(run_alg, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    cells = [rect(i * 10, 0, i * 10 + 10, 10) for i in range(5)]
    years = [y for y in ("2020", "2021", "2022", "2023") for _ in range(5)]
    layer = make_layer(tmp_path / "line.gpkg", cells * 4, crs=EQUAL_AREA,
                       fields={"cell_id": [11, 12, 13, 14, 15] * 4, "epoch": years,
                               "density_pct": [5.0, 4.0, 0.0, 0.1, 0.2] * 4})
    gal = tmp_path / "line.gal"
    gal.write_text("5\n11 1\n12\n12 2\n11 13\n13 2\n12 14\n14 2\n13 15\n15 1\n14\n")
    res = run_alg("minemonitor:emerginghotspots", {"INPUT": layer, "WEIGHTS_FILE": str(gal), "OUTPUT": "memory:"})
    assert "weights file line.gal (ids from cell_id)" in res["_feedback"].log()
    assert len(rows(res["OUTPUT"])) == 5
    with pytest.raises(QgsProcessingException, match="must be the cell ids"):
        run_alg("minemonitor:emerginghotspots", {"INPUT": layer, "WEIGHTS_FILE": str(gal), "ID_FIELD": "epoch",
                                                 "OUTPUT": "memory:"})
