"""minemonitor:footprintchange, :occupationtypes and :accuracyassessment through processing.run and qgis_process."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

EQUAL_AREA = "EPSG:6933"  # Lambert cylindrical equal-area, metres
ATOL_M2 = 1e-4  # areas of rectangles after a GeoPackage round trip (coordinates are exact in binary)
ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "data" / "sample" / "epochs_2021_2022.gpkg"


def rect(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


# The hand-built epochs of tests/core/test_change.py (areas derived there): split, merge, new,
# disappeared, 1 m shift (jitter), expansion + 1.5 m jitter, a new neighbour with a 0.5 m sliver overlap.
EARLIER = [rect(0, 0, 100, 50), rect(200, 0, 240, 50), rect(260, 0, 300, 50), rect(500, 0, 550, 50),
           rect(700, 0, 800, 100), rect(0, 200, 100, 300), rect(400, 200, 450, 250)]
EARLIER_MINES = ["A", "B", "B", "C", "D", "E", "F"]
LATER = [rect(0, 0, 40, 50), rect(60, 0, 100, 50), rect(200, 0, 300, 50), rect(1000, 0, 1050, 50),
         rect(701, 0, 801, 100), rect(0, 198.5, 160, 300), rect(449.5, 200, 500, 250), rect(400, 200, 449.5, 250)]
LATER_MINES = ["A", "A", "B", "G", "D", "E", "F", "F"]


def _is_null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull())


def read_rows(source: str) -> list[dict]:
    """Attributes of every feature (NULL as None) plus its geometry under ``_geom``."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(source, "out", "ogr")
    assert layer.isValid(), source
    names = layer.fields().names()
    rows = []
    for f in layer.getFeatures():
        row = {n: None if _is_null(f[n]) else f[n] for n in names}
        row["_geom"] = f.geometry()
        rows.append(row)
    return rows


@pytest.fixture
def epochs(make_layer, tmp_path):
    earlier = make_layer(tmp_path / "e.gpkg", EARLIER, crs=EQUAL_AREA, fields={"mine": EARLIER_MINES})
    later = make_layer(tmp_path / "l.gpkg", LATER, crs=EQUAL_AREA, fields={"mine": LATER_MINES})
    zones = make_layer(tmp_path / "z.gpkg", [rect(-10, -10, 245, 400), rect(245, -10, 2000, 400)],
                       crs=EQUAL_AREA, fields={"name": ["west", "east"]})
    return earlier, later, zones


def test_footprint_change_pieces_summary_and_style(run_alg, epochs, tmp_path):
    earlier, later, zones = epochs
    out, summary = tmp_path / "pieces.gpkg", tmp_path / "summary.gpkg"
    res = run_alg("minemonitor:footprintchange", {
        "EARLIER": earlier, "LATER": later, "MINE_ID_FIELD": "mine", "TOLERANCE_M": 5, "ZONES": zones,
        "ZONE_FIELD": "name", "AREA_CRS": EQUAL_AREA, "INCLUDE_JITTER": True, "OUTPUT": str(out),
        "OUTPUT_SUMMARY": str(summary)})
    pieces = read_rows(str(out))
    by_class: dict[str, float] = {}
    for p in pieces:
        by_class[p["change"]] = by_class.get(p["change"], 0.0) + p["area_m2"]
        assert p["area_m2"] == pytest.approx(p["_geom"].area(), abs=ATOL_M2)
        assert p["area_km2"] == pytest.approx(p["area_m2"] / 1e6)
    expected = {"unchanged": 30375, "new": 5025, "expanded": 7090, "reduced": 1000, "disappeared": 2500,
                "jitter added": 250, "jitter removed": 125}
    assert set(by_class) == set(expected)
    for name, area in expected.items():
        assert by_class[name] == pytest.approx(area, abs=ATOL_M2), name
    codes = {p["change"]: p["change_code"] for p in pieces}
    assert codes == {"new": 1, "expanded": 2, "unchanged": 3, "reduced": 4, "disappeared": 5,
                     "jitter added": 6, "jitter removed": 7}
    # the split of feature 1 (fid 1) and the merge into later fid 3
    split = [p for p in pieces if p["earlier_fid"] == 1 and p["change"] == "unchanged"]
    assert sorted(p["later_fid"] for p in split) == [1, 2] and {p["relation"] for p in split} == {"split"}
    merge = [p for p in pieces if p["later_fid"] == 3]
    assert {p["relation"] for p in merge} == {"merge"}
    new = [p for p in pieces if p["change"] == "new"]
    assert sorted(p["later_fid"] for p in new) == [4, 7] and all(p["earlier_fid"] is None for p in new)

    rows = read_rows(str(summary))
    total = next(r for r in rows if r["level"] == "total")
    assert total["earlier_km2"] == pytest.approx(0.034, abs=1e-10)
    assert total["later_km2"] == pytest.approx(0.04274, abs=1e-10)
    assert total["n_new"] == 2 and total["n_disappeared"] == 1 and total["n_split"] == 1 and total["n_merge"] == 1
    for r in rows:  # every row reconciles
        assert r["earlier_km2"] + r["added_km2"] - r["removed_km2"] + r["jitter_added_km2"] \
            - r["jitter_removed_km2"] == pytest.approx(r["later_km2"], abs=1e-12)
    mines = {r["key"]: r for r in rows if r["level"] == "mine"}
    assert sorted(mines) == ["A", "B", "C", "D", "E", "F", "G"]
    assert mines["C"]["disappeared_km2"] == pytest.approx(0.0025) and mines["G"]["new_km2"] == pytest.approx(0.0025)
    zones_rows = {r["key"]: r for r in rows if r["level"] == "zone"}
    assert zones_rows["west"]["expanded_km2"] == pytest.approx(0.00634, abs=1e-10)
    assert zones_rows["east"]["later_km2"] == pytest.approx(0.02025, abs=1e-10)

    assert res["N_NEW"] == 2 and res["N_DISAPPEARED"] == 1
    assert res["NET_KM2"] == pytest.approx(0.04274 - 0.034, abs=1e-10)
    assert res["ADDED_KM2"] == pytest.approx((5025 + 7090) / 1e6, abs=1e-10)
    log = res["_feedback"].log()
    assert "Reconciliation (km²)" in log and "Tolerance: 5.0 m" in log
    assert "not taken as matches" in log  # the sliver overlap
    with sqlite3.connect(out) as db:
        qml = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()[0]
    assert 'attr="change_code"' in qml


def test_footprint_change_zero_tolerance_and_self_overlap_warning(run_alg, make_layer, tmp_path):
    # feature 2 is the smaller: it keeps the shared 50 m x 100 m; feature 3 duplicates feature 1
    earlier = make_layer(tmp_path / "e.gpkg", [rect(0, 0, 100, 100), rect(50, 0, 130, 100), rect(0, 0, 100, 100)],
                         crs=EQUAL_AREA)
    later = make_layer(tmp_path / "l.gpkg", [rect(0, 0, 131, 100)], crs=EQUAL_AREA)
    res = run_alg("minemonitor:footprintchange", {"EARLIER": earlier, "LATER": later, "TOLERANCE_M": 0,
                                                  "AREA_CRS": EQUAL_AREA, "OUTPUT": str(tmp_path / "p.gpkg"),
                                                  "OUTPUT_SUMMARY": "memory:"})
    assert res["EARLIER_KM2"] == pytest.approx(0.013)
    assert res["ADDED_KM2"] == pytest.approx(0.0001)  # the 1 m strip is change with tolerance 0
    assert res["N_DISAPPEARED"] == 0  # the duplicate is not a footprint, so it cannot disappear
    assert {r["change_code"] for r in read_rows(str(tmp_path / "p.gpkg"))} == {3, 2}
    log = res["_feedback"].log()
    assert "3 pairs of footprints overlap" in log
    assert "keeping/losing: 1/3, 2/1, 2/3" in log
    assert "1 footprints have no land of their own" in log and "(feature ids 3)" in log


def test_footprint_change_mine_field_missing_in_later(run_alg, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    earlier = make_layer(tmp_path / "e.gpkg", [rect(0, 0, 10, 10)], crs=EQUAL_AREA, fields={"mine": ["A"]})
    later = make_layer(tmp_path / "l.gpkg", [rect(0, 0, 10, 10)], crs=EQUAL_AREA, fields={"other": ["A"]})
    with pytest.raises(QgsProcessingException, match=r"mine id field mine .* does not exist in layer"):
        run_alg("minemonitor:footprintchange", {"EARLIER": earlier, "LATER": later, "MINE_ID_FIELD": "mine",
                                                "OUTPUT": str(tmp_path / "p.gpkg"), "OUTPUT_SUMMARY": "memory:"})
    assert not (tmp_path / "p.gpkg").exists()


def test_occupation_types_flags_keeps_everything_and_reports(run_alg, make_layer, tmp_path):
    codes = ["10", "2a", " 3G", "9Z", None, "", "GC", "9z", "4d"]
    wkts = [rect(i * 100, 0, i * 100 + 10 * (i + 1), 10) for i in range(len(codes))]
    wkts[6] = None  # a NULL geometry is kept too
    src = make_layer(tmp_path / "t.gpkg", wkts, crs=EQUAL_AREA, fields={"code": codes, "legend": ["x"] * 9})
    out, html = tmp_path / "out.gpkg", tmp_path / "report.html"
    res = run_alg("minemonitor:occupationtypes", {"INPUT": src, "TYPE_FIELD": "code", "OUTPUT": str(out),
                                                  "OUTPUT_SUMMARY": str(tmp_path / "s.gpkg"),
                                                  "OUTPUT_HTML": str(html)})
    rows = sorted(read_rows(str(out)), key=lambda r: r["fid"])
    assert len(rows) == len(codes)
    assert [r["code_norm"] for r in rows] == ["10", "2A", "3G", "9Z", None, None, "GC", "9Z", "4D"]
    assert [r["code_flag"] for r in rows] == [0, 1, 1, 2, 3, 3, 0, 2, 1]
    assert [r["legend_code"] for r in rows] == [1, 2, 4, 0, 0, 0, 8, 0, 6]
    assert rows[1]["type_name"] == "Coal storage yard" and rows[1]["legend"] == "Transit site"
    assert rows[1]["type_name_zh"] == "储煤场" and rows[1]["legend_zh"] == "中转场地"
    assert rows[3]["type_name"] is None and rows[3]["legend"] is None  # unknown: NULL
    assert rows[0]["area_km2"] == pytest.approx(10 * 10 / 1e6, rel=1e-6)
    assert rows[6]["area_km2"] is None  # NULL geometry: kept, no area
    assert "legend" in read_rows(str(out))[0] and rows[0]["legend"] == "Stope"  # replaced input field
    assert (res["N_VALID"], res["N_NORMALISED"], res["N_UNKNOWN"], res["N_EMPTY"]) == (2, 3, 2, 2)
    log = res["_feedback"].log()
    assert "9Z (2)" in log and "feature ids 4, 8" in log and "feature ids 5, 6" in log
    summary = read_rows(str(tmp_path / "s.gpkg"))
    legend = {r["key"]: r for r in summary if r["level"] == "legend"}
    assert legend["0"]["count"] == 4 and legend["1"]["count"] == 1 and legend["4"]["count"] == 1
    total = sum(r["area_km2"] for r in summary if r["level"] == "legend")
    assert sum(r["area_pct"] for r in summary if r["level"] == "legend") == pytest.approx(100.0)
    assert total == pytest.approx(sum(r["area_km2"] or 0 for r in rows), rel=1e-9)
    text = html.read_text(encoding="utf-8")
    assert "9Z" in text and "4, 8" in text and "Transit site" in text and "中转场地" in text
    with sqlite3.connect(out) as db:
        qml = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()[0]
    assert 'attr="legend_code"' in qml


def test_occupation_types_with_extended_code_table(run_alg, make_layer, tmp_path):
    from minemonitor_plugin.core.occupation import DEFAULT_CODE_TABLE

    table = tmp_path / "codes.csv"
    extra = "6A,Explosives store,炸药库,Hazard site,危险品场地\n"
    table.write_text(DEFAULT_CODE_TABLE.read_text(encoding="utf-8") + extra, encoding="utf-8")
    src = make_layer(tmp_path / "t.gpkg", [rect(0, 0, 1, 1), rect(2, 0, 3, 1)], crs=EQUAL_AREA,
                     fields={"code": ["6a", "10"]})
    res = run_alg("minemonitor:occupationtypes", {"INPUT": src, "TYPE_FIELD": "code", "CODE_TABLE": str(table),
                                                  "OUTPUT": str(tmp_path / "o.gpkg")})
    rows = sorted(read_rows(str(tmp_path / "o.gpkg")), key=lambda r: r["fid"])
    assert [r["legend_code"] for r in rows] == [9, 1]
    assert rows[0]["legend_zh"] == "危险品场地"
    assert res["N_UNKNOWN"] == 0


CONGALTON = np.array([[65, 4, 22, 24], [6, 81, 5, 8], [0, 11, 85, 19], [4, 7, 3, 90]])
CLASSES = ["D", "C", "AG", "SB"]


def test_accuracy_assessment_reproduces_congalton_example(run_alg, make_layer, tmp_path):
    # footprint i (mapped class i) holds n_ij points observed as class j (Congalton 1991, Table 1)
    footprints = make_layer(tmp_path / "f.gpkg", [rect(i * 1000, 0, i * 1000 + 900, 900) for i in range(4)],
                            crs=EQUAL_AREA, fields={"mapped": CLASSES})
    wkts, observed = [], []
    for i in range(4):
        k = 0
        for j in range(4):
            for _ in range(CONGALTON[i, j]):
                wkts.append(f"POINT({i * 1000 + 20 + (k % 40) * 20} {20 + (k // 40) * 20})")
                observed.append(CLASSES[j])
                k += 1
    wkts += ["POINT(5000 5000)", "POINT(-500 0)"]  # two records outside every footprint
    observed += ["D", "C"]
    points = make_layer(tmp_path / "v.gpkg", wkts, crs=EQUAL_AREA, fields={"observed": observed})
    html = tmp_path / "acc.html"
    res = run_alg("minemonitor:accuracyassessment", {
        "VERIFICATION": points, "OBSERVED_FIELD": "observed", "FOOTPRINTS": footprints, "MAPPED_FIELD": "mapped",
        "OUTPUT_MATRIX": str(tmp_path / "m.gpkg"), "OUTPUT_CLASSES": str(tmp_path / "c.gpkg"),
        "OUTPUT_RECORDS": str(tmp_path / "r.gpkg"), "OUTPUT_HTML": str(html)})
    assert res["N_RECORDS"] == 434 and res["N_UNMATCHED"] == 2
    assert res["OVERALL_ACCURACY"] == pytest.approx(321 / 434)
    assert res["KAPPA"] == pytest.approx(0.65, abs=0.005)  # published KHAT
    matrix = {r["map_class"]: r for r in read_rows(str(tmp_path / "m.gpkg"))}
    for i, c in enumerate(CLASSES):
        assert [matrix[c][f"ref_{d}"] for d in CLASSES] == CONGALTON[i].tolist()
    assert matrix["TOTAL"]["total"] == 434
    classes = {r["class"]: r for r in read_rows(str(tmp_path / "c.gpkg"))}
    assert classes["D"]["producers"] == pytest.approx(65 / 75) and classes["D"]["users"] == pytest.approx(65 / 115)
    assert classes["D"]["producers_low"] < 65 / 75 < classes["D"]["producers_high"]
    records = read_rows(str(tmp_path / "r.gpkg"))
    status = np.bincount([r["status"] for r in records], minlength=4)
    assert status.tolist() == [321, 113, 2, 0]
    text = html.read_text(encoding="utf-8")
    assert "0.7396" in text and "435, 436" in text  # unmatched record ids listed


def test_accuracy_assessment_polygons_and_unmatched_class(run_alg, make_layer, tmp_path):
    footprints = make_layer(tmp_path / "f.gpkg", [rect(0, 0, 100, 100), rect(100, 0, 200, 100),
                                                  rect(300, 0, 400, 100)], crs=EQUAL_AREA,
                            fields={"mapped": ["10", "2A", None]})
    # polygon 2 overlaps footprint 2 most; polygon 3 lies outside (a missed footprint); polygon 4 lies on
    # footprint 3, which has no mapped class (left out, not unmatched)
    records = make_layer(tmp_path / "v.gpkg", [rect(10, 10, 50, 50), rect(80, 10, 190, 50), rect(500, 0, 600, 50),
                                               rect(310, 10, 320, 20)],
                         crs=EQUAL_AREA, fields={"observed": ["10", "2a", "10", "3C"]})
    res = run_alg("minemonitor:accuracyassessment", {
        "VERIFICATION": records, "OBSERVED_FIELD": "observed", "FOOTPRINTS": footprints, "MAPPED_FIELD": "mapped",
        "UNMATCHED_CLASS": "non-mining", "OUTPUT_MATRIX": "memory:", "OUTPUT_CLASSES": str(tmp_path / "c.gpkg"),
        "OUTPUT_RECORDS": str(tmp_path / "r.gpkg")})
    assert res["N_RECORDS"] == 3 and res["N_UNMATCHED"] == 1
    status = {r["record_fid"]: r["status"] for r in read_rows(str(tmp_path / "r.gpkg"))}
    assert status == {1: 0, 2: 0, 3: 2, 4: 4}
    assert "fall on footprints without a mapped class and were left out (feature ids 4)" in res["_feedback"].log()
    assert res["OVERALL_ACCURACY"] == pytest.approx(2 / 3)
    classes = {r["class"]: r for r in read_rows(str(tmp_path / "c.gpkg"))}
    assert classes["10"]["producers"] == pytest.approx(0.5)  # one of two observed stopes was mapped
    assert classes["2A"]["users"] == pytest.approx(1.0)


def test_qgis_process_footprint_change_on_sample_epochs(qgis_process, tmp_path):
    assert SAMPLE.exists(), "data/sample/epochs_2021_2022.gpkg: run tools/synthetic_epochs.py --sample"
    out = tmp_path / "change.gpkg"
    result = qgis_process("minemonitor:footprintchange", {
        "EARLIER": f"{SAMPLE}|layername=footprints_2021", "LATER": f"{SAMPLE}|layername=footprints_2022",
        "MINE_ID_FIELD": "mine_id", "TOLERANCE_M": 5, "OUTPUT": str(out), "OUTPUT_SUMMARY": str(tmp_path / "s.gpkg")})
    results = result["results"]
    assert results["N_NEW"] > 0 and results["N_DISAPPEARED"] > 0
    assert results["ADDED_KM2"] > 0 and results["REMOVED_KM2"] > 0
    assert results["NET_KM2"] == pytest.approx(results["LATER_KM2"] - results["EARLIER_KM2"], abs=1e-9)
    with sqlite3.connect(out) as db:
        assert db.execute("select count(*) from layer_styles where useAsDefault").fetchone()[0] == 1
        layer = db.execute("select table_name from gpkg_contents where data_type = 'features'").fetchone()[0]
        # jitter pieces are left out by default; their areas are in the summary
        assert db.execute(f'select count(*) from "{layer}" where change_code >= 6').fetchone()[0] == 0
        assert db.execute(f'select count(*) from "{layer}" where change_code = 3').fetchone()[0] > 300
    total = next(r for r in read_rows(str(tmp_path / "s.gpkg")) if r["level"] == "total")
    assert total["jitter_added_km2"] > 0 and total["jitter_removed_km2"] > 0


def test_qgis_process_occupation_types(qgis_process, make_layer, tmp_path):
    src = make_layer(tmp_path / "t.gpkg", [rect(0, 0, 10, 10), rect(20, 0, 30, 10)], crs=EQUAL_AREA,
                     fields={"code": ["3c", "XX"]})
    result = qgis_process("minemonitor:occupationtypes", {"INPUT": src, "TYPE_FIELD": "code",
                                                          "OUTPUT": str(tmp_path / "o.gpkg"),
                                                          "OUTPUT_HTML": str(tmp_path / "r.html")})
    assert result["results"]["N_UNKNOWN"] == 1 and result["results"]["N_NORMALISED"] == 1
    assert (tmp_path / "r.html").exists()
