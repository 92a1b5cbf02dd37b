"""minemonitor:importminingdataset on fixture files with the published schemas (no download).

Oracles: GeographicLib (pyproj.Geod) areas of the output polygons (tests/support/geodesy_oracle.py),
planar areas in the equal-area projection of the Tang & Werner file, shapely unions and differences
of the input polygons, and the fixture's own attribute values.
"""

from __future__ import annotations

import numpy as np
import pytest

ALG = "minemonitor:importminingdataset"
RTOL_AREA = 1e-9  # ellipsoidal areas against GeographicLib (the "done when" figure)


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory):
    from tests.support.mining_fixtures import write_countries, write_fixtures

    folder = tmp_path_factory.mktemp("datasets")
    maus, tang = write_fixtures(folder)
    countries = write_countries(folder / "countries.gpkg")
    return f"{maus}|layername=global_mining_polygons_v2", str(tang), countries, folder


def read(path):
    import shapely
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    rows = []
    for f in layer.getFeatures():
        row = {n: (None if f[n] is None or (hasattr(f[n], "isNull") and f[n].isNull()) else f[n])
               for n in layer.fields().names()}
        row["geometry"] = None if f.geometry().isNull() else shapely.from_wkb(bytes(f.geometry().asWkb()))
        rows.append(row)
    return layer, rows


def test_both_datasets_import_into_one_schema_with_ellipsoidal_areas(run_alg, fixtures, tmp_path):
    from qgis.core import QgsVectorLayer

    from tests.support.geodesy_oracle import geod_area_km2
    from tests.support.mining_fixtures import maus_polygons

    maus, tang, _, _ = fixtures
    out = tmp_path / "merged.gpkg"
    res = run_alg(ALG, {"INPUTS": [maus, tang], "REMOVE_OVERLAPS": False, "OUTPUT": str(out)})
    layer, rows = read(out)
    assert layer.crs().authid() == "EPSG:4326"
    assert [f.name() for f in layer.fields()][1:] == ["source", "source_id", "iso3", "country", "area_km2",
                                                      "orig_km2", "published_km2"]
    assert res["N_POLYGONS"] == 10 and res["SOURCES"] == "maus_v2, tang_werner_2023"
    by_source = {s: [r for r in rows if r["source"] == s] for s in ("maus_v2", "tang_werner_2023")}
    assert [r["source_id"] for r in by_source["maus_v2"]] == ["1", "2", "3", "4", "5"]
    assert [r["source_id"] for r in by_source["tang_werner_2023"]] == ["101", "102", "103", "104", "105"]
    _, iso3, country = maus_polygons()
    assert [r["iso3"] for r in by_source["maus_v2"]] == iso3
    assert [r["country"] for r in by_source["maus_v2"]] == country
    assert all(r["iso3"] is None and r["published_km2"] is None for r in by_source["tang_werner_2023"])
    for r in rows:  # areas on the ellipsoid, to 1e-9 relative
        assert r["area_km2"] == pytest.approx(geod_area_km2(r["geometry"]), rel=RTOL_AREA)
        assert r["orig_km2"] == r["area_km2"]
    for r in by_source["maus_v2"]:
        assert r["published_km2"] == pytest.approx(r["area_km2"], abs=1e-4)  # the fixture's AREA (4 decimals)
    # the Tang & Werner shapefile is in an equal-area projection: its planar areas are areas on the ellipsoid
    # of polygons whose edges are straight in that projection, not in lon/lat: the same to about 1e-5 for
    # kilometre-sized polygons
    shp = QgsVectorLayer(tang, "t", "ogr")
    assert "Cylindrical_Equal_Area" in shp.crs().toWkt() or "cea" in shp.crs().toProj()
    planar = {str(f["OBJECTID"]): f.geometry().area() / 1e6 for f in shp.getFeatures()}
    for r in by_source["tang_werner_2023"]:
        assert r["area_km2"] == pytest.approx(planar[r["source_id"]], rel=2e-5)
    assert res["TOTAL_KM2"] == pytest.approx(sum(r["area_km2"] for r in rows), rel=1e-12)


def test_overlaps_removed_first_input_keeps_the_area(run_alg, fixtures, tmp_path):
    import shapely

    from tests.support.geodesy_oracle import geod_area_km2

    maus, tang, _, _ = fixtures
    res = run_alg(ALG, {"INPUTS": [maus, tang], "OUTPUT": str(tmp_path / "a.gpkg")})
    _, rows = read(tmp_path / "a.gpkg")
    union = shapely.union_all([r["geometry"] for r in rows])
    assert res["TOTAL_KM2"] == pytest.approx(geod_area_km2(union), rel=RTOL_AREA)
    assert shapely.area(shapely.union_all([r["geometry"] for r in rows])) == pytest.approx(
        sum(shapely.area(r["geometry"]) for r in rows), rel=1e-9)  # disjoint
    by_id = {(r["source"], r["source_id"]): r for r in rows}
    # Maus first: its polygons are untouched; T1 lost its overlap with Maus 1; T4 (inside Maus 4) is gone;
    # T2 (Maus 2 without the hole) keeps only the hole
    assert by_id[("maus_v2", "1")]["area_km2"] == by_id[("maus_v2", "1")]["orig_km2"]
    t1 = by_id[("tang_werner_2023", "101")]
    expected_t1 = shapely.difference(shapely.box(90.01, 40.005, 90.03, 40.025), shapely.box(90.0, 40.0, 90.02, 40.02))
    # (the Tang & Werner vertices come back from EASE-Grid metres within a millimetre: rel 1e-6)
    assert t1["area_km2"] == pytest.approx(geod_area_km2(expected_t1), rel=1e-6)
    assert ("tang_werner_2023", "104") not in by_id
    hole = by_id[("tang_werner_2023", "102")]
    # (plus slivers along the shared outline, where the round trip moved T2's vertices by ~0.5 mm)
    assert hole["area_km2"] == pytest.approx(geod_area_km2(shapely.box(95.12, 37.82, 95.13, 37.83)), rel=1e-4)
    assert res["N_POLYGONS"] == 9
    assert res["OVERLAP_REMOVED_KM2"] == pytest.approx(sum(r["orig_km2"] for r in rows) + by_id_missing_area(
        fixtures) - res["TOTAL_KM2"], rel=1e-9)
    log = res["_feedback"].log()
    # T4 (feature 3 of the shapefile) is listed, with its layer
    assert ("Layer 74548_projected polygons: 1 polygons have no land of their own (exact duplicates, or entirely "
            "covered by smaller polygons of the layer or by polygons of a layer listed earlier) and were dropped "
            "(feature ids 3).") in log
    assert "1 polygons without land of their own were dropped" in log
    # Tang & Werner first: now the Tang polygons are intact; Maus 2 keeps only the hair-thin slivers along the
    # outline that the round trip through EASE-Grid moved by ~0.5 mm, so it has no land of its own and is dropped
    # with them: the total differs from the first run by those slivers only (less than a 1 mm band along Maus 2)
    rev = run_alg(ALG, {"INPUTS": [tang, maus], "OUTPUT": str(tmp_path / "b.gpkg")})
    _, rows_b = read(tmp_path / "b.gpkg")
    assert all(r["area_km2"] == r["orig_km2"] for r in rows_b if r["source"] == "tang_werner_2023")
    assert ("maus_v2", "2") not in {(r["source"], r["source_id"]) for r in rows_b} and rev["N_POLYGONS"] == 9
    assert "global_mining_polygons_v2: 1 polygons have no land of their own" in rev["_feedback"].log()
    band_km2 = 1e-3 * 24_000 / 1e6  # 1 mm along the ~24 km outline of Maus 2
    assert 0 <= res["TOTAL_KM2"] - rev["TOTAL_KM2"] <= band_km2
    union_b = shapely.union_all([r["geometry"] for r in rows_b])
    assert rev["TOTAL_KM2"] == pytest.approx(geod_area_km2(union_b), rel=RTOL_AREA)


def test_within_one_dataset_the_footprint_rule_applies(run_alg, make_layer, tmp_path):
    """One Maus-schema layer: a mine, a smaller polygon digitised inside it, a duplicate of the mine and a
    sliver. The smaller polygon keeps its own area, the mine the rest; the duplicate and the sliver are
    dropped and listed, whatever the order of the features."""
    import shapely

    from tests.support.geodesy_oracle import geod_area_km2

    mine = shapely.box(100.0, 40.0, 100.02, 40.02)
    inner = shapely.box(100.005, 40.005, 100.01, 40.01)
    sliver = shapely.box(100.05, 40.0, 100.06, 40.0 + 1e-10)
    wkts = [mine.wkt, inner.wkt, mine.wkt, sliver.wkt]
    fields = {"ISO3_CODE": ["CHN"] * 4, "COUNTRY_NAME": ["China"] * 4, "AREA": [1.0] * 4}
    layer = make_layer(tmp_path / "maus.gpkg", wkts, crs="EPSG:4326", fields=fields,
                       layer="global_mining_polygons_v2")
    res = run_alg(ALG, {"INPUTS": [layer], "OUTPUT": str(tmp_path / "o.gpkg")})
    _, rows = read(tmp_path / "o.gpkg")
    areas = {r["source_id"]: r["area_km2"] for r in rows}
    assert set(areas) == {"1", "2"} and res["N_POLYGONS"] == 2
    assert areas["1"] == pytest.approx(geod_area_km2(shapely.difference(mine, inner)), rel=RTOL_AREA)
    assert areas["2"] == pytest.approx(geod_area_km2(inner), rel=RTOL_AREA)
    log = res["_feedback"].log()
    assert "Layer maus: 1 polygons have no area" in log and "(feature ids 4)" in log
    assert "Layer maus: 1 polygons have no land of their own" in log
    assert "(feature ids 3)" in log
    # the other order of the features: the same parts (the duplicate listed first is now the one kept)
    rev = make_layer(tmp_path / "rev.gpkg", wkts[::-1], crs="EPSG:4326", fields=fields,
                     layer="global_mining_polygons_v2")
    again = run_alg(ALG, {"INPUTS": [rev], "OUTPUT": str(tmp_path / "r.gpkg")})
    _, rows_r = read(tmp_path / "r.gpkg")
    assert sorted(r["area_km2"] for r in rows_r) == pytest.approx(sorted(areas.values()), rel=1e-12)
    assert again["TOTAL_KM2"] == pytest.approx(res["TOTAL_KM2"], rel=1e-12)


def by_id_missing_area(fixtures):
    """Ellipsoidal area of T4, the Tang polygon dropped as entirely covered (its orig_km2 is not in the output)."""
    import shapely

    from minemonitor_plugin.core.geodesy import ellipsoidal_area_km2

    return float(ellipsoidal_area_km2([shapely.box(-69.09, -24.19, -69.08, -24.18)])[0])


def test_countries_licences_summary_report_and_extent(run_alg, fixtures, tmp_path):
    from qgis.core import QgsVectorLayer

    maus, tang, countries, _ = fixtures
    out, summary, report = tmp_path / "c.gpkg", tmp_path / "summary.gpkg", tmp_path / "report.html"
    res = run_alg(ALG, {"INPUTS": [maus, tang], "COUNTRIES": countries, "COUNTRY_ISO3_FIELD": "ISO_A3",
                        "COUNTRY_NAME_FIELD": "NAME", "OUTPUT": str(out), "OUTPUT_SUMMARY": str(summary),
                        "OUTPUT_HTML": str(report)})
    layer, rows = read(out)
    tang_rows = {r["source_id"]: r for r in rows if r["source"] == "tang_werner_2023"}
    assert (tang_rows["103"]["iso3"], tang_rows["103"]["country"]) == ("CHN", "China")
    assert (tang_rows["105"]["iso3"], tang_rows["105"]["country"]) == ("AUS", "Australia")
    # licence and citation of each source: in the GeoPackage's metadata, the log and the report
    md = layer.metadata()
    licences = " ".join(md.licenses())
    assert "CC BY-SA 4.0" in licences and "CC BY 4.0" in licences
    rights = " ".join(md.rights())
    assert "10.1594/PANGAEA.942325" in rights and "10.5281/zenodo.7894216" in rights
    assert any("doi.org/10.1594/PANGAEA.942325" in link.url for link in md.links())
    log = res["_feedback"].log()
    assert "Licence: CC BY-SA 4.0" in log and "Licence: CC BY 4.0" in log and "PANGAEA.942325" in log
    page = report.read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in page and "Tang, L. &amp; Werner" in page
    # summary: per source and country, and per source
    srows = {(r["source"], r["iso3"]): r for r in read(summary)[1]}
    assert srows[("maus_v2", "CHN")]["n_polygons"] == 3
    assert srows[("tang_werner_2023", "CHN")]["n_polygons"] == 3
    assert srows[("maus_v2", None)]["n_polygons"] == 5
    assert sum(r["area_km2"] for k, r in srows.items() if k[1] is not None) == pytest.approx(res["TOTAL_KM2"])
    # extent: only the Chinese polygons
    ext = run_alg(ALG, {"INPUTS": [maus, tang], "EXTENT": "73,135,18,54 [EPSG:4326]",
                        "OUTPUT": str(tmp_path / "e.gpkg")})
    _, erows = read(tmp_path / "e.gpkg")
    assert ext["N_POLYGONS"] == len(erows) == 6 and all(r["geometry"].bounds[0] > 73 for r in erows)
    assert QgsVectorLayer(str(out), "x", "ogr").metadata().title().startswith("Mining footprints")


def test_geojson_copy_and_earlier_output_are_recognised(run_alg, fixtures, tmp_path):
    import processing

    maus, tang, _, _ = fixtures
    geojson = processing.run("native:savefeatures", {"INPUT": maus, "OUTPUT": str(tmp_path / "maus.geojson")})["OUTPUT"]
    first = run_alg(ALG, {"INPUTS": [geojson], "OUTPUT": str(tmp_path / "g.gpkg")})
    assert first["N_POLYGONS"] == 5 and first["SOURCES"] == "maus_v2"
    again = run_alg(ALG, {"INPUTS": [str(tmp_path / "g.gpkg"), tang], "OUTPUT": str(tmp_path / "h.gpkg")})
    _, rows = read(tmp_path / "h.gpkg")
    assert {r["source"] for r in rows} == {"maus_v2", "tang_werner_2023"} and again["N_POLYGONS"] == 9


def test_unknown_layer_is_refused_naming_the_fields(run_alg, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    other = make_layer(tmp_path / "other.gpkg", ["POLYGON((0 0,1 0,1 1,0 1,0 0))"], crs="EPSG:4326",
                       fields={"landuse": ["x"]})
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match=r"not one of the supported mining datasets.*landuse"):
        run_alg(ALG, {"INPUTS": [other], "OUTPUT": str(out)})
    assert not out.exists()


def test_cancel_leaves_no_output(run_alg, fixtures, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelLate(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress >= 30:
                self.cancel()

    maus, tang, _, _ = fixtures
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg(ALG, {"INPUTS": [maus, tang], "OUTPUT": str(out)}, feedback=CancelLate())
    assert not out.exists()


def test_qgis_process_import(qgis_process, fixtures, tmp_path):
    maus, tang, _, _ = fixtures
    out = tmp_path / "q.gpkg"
    result = qgis_process(ALG, {"INPUTS": [maus, tang], "OUTPUT": str(out)})
    assert result["results"]["N_POLYGONS"] == 9
    import sqlite3

    with sqlite3.connect(out) as db:
        assert db.execute("select count(*) from gpkg_metadata").fetchone()[0] >= 1
        assert db.execute("select count(*) from layer_styles where useAsDefault").fetchone()[0] == 1
    assert np.isfinite(result["results"]["TOTAL_KM2"])
