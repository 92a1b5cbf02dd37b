"""qgis_io.vector.read_features: the GeoPackage batch path (OGR Arrow) returns exactly what QGIS's
feature iterator returns, and is used only where it can."""

from __future__ import annotations

import numpy as np
import pytest

EQUAL_AREA = "EPSG:6933"


def square(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


WKTS = [
    square(10, 40, 11, 41),
    None,  # NULL geometry
    "POLYGON((20 40,21 41,21 40,20 41,20 40))",  # bow-tie: repaired
    "POLYGON EMPTY",
    "MULTIPOLYGON(((30 40,31 40,31 41,30 40)),((32 40,33 40,33 41,32 40)))",
    "POLYGON((40 40,42 40,41 40,40 40))",  # collapses to a line (in any CRS): no polygonal part left
    square(50, 42, 52, 44),
]
FIELDS = {
    "name": ["a", None, "长城", "", "b", "c", None],
    "count": [1, None, 2**40, 0, -3, 5, 6],
    "share": [1.5, None, None, 0.0, -2.25, 3.0, 1e-300],
}


@pytest.fixture
def gpkg(make_layer, tmp_path):
    return make_layer(tmp_path / "io.gpkg", WKTS, crs="EPSG:4326", fields=FIELDS)


def sources(string, context):
    """The source marked for batches (as the algorithms get it) and the plain QGIS source."""
    from qgis.core import QgsApplication

    from minemonitor_plugin.qgis_io import ogr_batch

    alg = QgsApplication.processingRegistry().createAlgorithmById("minemonitor:overlaptabulation")
    params = {"INPUT": string}
    marked = alg.source(params, "INPUT", context)
    plain = alg.parameterAsSource(params, "INPUT", context)
    return marked, plain, getattr(marked, ogr_batch.BATCH_ATTRIBUTE, None)


def read_both(string, **kwargs):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from minemonitor_plugin.qgis_io import vector

    context = QgsProcessingContext()
    marked, plain, table = sources(string, context)
    assert table is not None
    feedback = QgsProcessingFeedback()
    return (vector.read_features(marked, context, feedback, **kwargs),
            vector.read_features(plain, context, QgsProcessingFeedback(), **kwargs))


def assert_same(a, b):
    import shapely

    np.testing.assert_array_equal(a.fids, b.fids)
    assert (a.n_read, a.n_null, a.n_repaired, a.n_emptied) == (b.n_read, b.n_null, b.n_repaired, b.n_emptied)
    assert a.repaired_fids == b.repaired_fids
    assert set(a.attributes) == set(b.attributes)
    for name in a.attributes:
        assert [(type(v), v) for v in a.attributes[name]] == [(type(v), v) for v in b.attributes[name]], name
    assert len(a.geometries) == len(b.geometries)
    assert shapely.equals_exact(a.geometries, b.geometries, tolerance=0.0).all()


@pytest.mark.parametrize("crs", [None, "EPSG:4326", EQUAL_AREA])
@pytest.mark.parametrize("batch_size", [65536, 2])
def test_batches_equal_the_qgis_iterator(qgis_app, gpkg, crs, batch_size, monkeypatch):
    from qgis.core import QgsCoordinateReferenceSystem

    from minemonitor_plugin.qgis_io import ogr_batch

    monkeypatch.setattr(ogr_batch, "BATCH_SIZE", batch_size)  # 2: many Arrow batches and transform calls
    target = QgsCoordinateReferenceSystem(crs) if crs else None
    batch, iterator = read_both(gpkg, crs=target, fields=["name", "count", "share", "fid"])
    assert_same(batch, iterator)
    # the hand count: 7 features, 1 NULL + 1 empty skipped, the bow-tie repaired, the line dropped
    assert (batch.n_read, batch.n_null, batch.n_repaired, batch.n_emptied, len(batch)) == (7, 2, 2, 1, 4)
    assert batch.attributes["name"].tolist() == ["a", "长城", "b", None]
    assert batch.attributes["count"].tolist() == [1, 2**40, -3, 6]
    assert batch.attributes["share"].tolist() == [1.5, None, -2.25, 1e-300]
    assert batch.fids.tolist() == [1, 3, 5, 7]


def test_batches_without_attributes_and_points(qgis_app, make_layer, tmp_path):
    string = make_layer(tmp_path / "pts.gpkg", ["POINT(1 2)", None, "POINT(3 4)"], crs="EPSG:4326",
                        fields={"v": [1.0, 2.0, None]})
    batch, iterator = read_both(string, geometry="point")
    assert_same(batch, iterator)
    assert len(batch) == 2 and batch.attributes == {}


def test_near_reads_the_same_features_by_every_path(qgis_app, make_layer, monkeypatch, tmp_path):
    """Only features whose box meets a ``near`` box are read: by batches with and without the
    R*-tree and by QGIS's iterator, also when ``near`` is in another CRS than the layer."""
    import shapely
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
    )

    from minemonitor_plugin.qgis_io import ogr_batch, vector

    grid = [square(x, y, x + 1, y + 1) for x in range(60, 100, 2) for y in range(30, 50, 2)]
    names = [f"p{i}" for i in range(len(grid))]
    monkeypatch.setattr(vector, "NEAR_THRESHOLD", 0)
    wgs84, equal_area = QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem(EQUAL_AREA)
    # probes, in equal-area metres: two small squares inside the cells at (70, 40) and (90, 44), one in
    # the gap between cells (near no box)
    probes_deg = [shapely.box(70.2, 40.2, 70.4, 40.4), shapely.box(90.5, 44.5, 90.6, 44.6),
                  shapely.box(80.2, 45.2, 80.8, 45.8)]
    ct = QgsCoordinateTransform(wgs84, equal_area, QgsProject.instance().transformContext())
    probes = ogr_batch.transform_wkbs(shapely.to_wkb(np.array(probes_deg, dtype=object)), ct)
    expected = {"p" + str(((70 - 60) // 2) * 10 + (40 - 30) // 2), "p" + str(((90 - 60) // 2) * 10 + (44 - 30) // 2)}
    results = {}
    for label, options in (("rtree", []), ("no rtree", ["SPATIAL_INDEX=NO"])):
        string = make_layer(tmp_path / f"{label}.gpkg", grid, crs="EPSG:4326", fields={"name": names},
                            options=options)
        context = QgsProcessingContext()
        marked, plain, table = sources(string, context)
        # the R*-tree answers box queries itself (fid = position + 1); without one there is none to ask
        ids = ogr_batch._rtree_ids(table.path, f"rtree_{table.table}_geom", np.array([[70.2, 40.2, 70.4, 40.4]]))
        assert (ids.tolist() == [56]) if label == "rtree" else ids is None
        for path, src in (("batches", marked), ("iterator", plain)):
            feedback = QgsProcessingFeedback()
            data = vector.read_features(src, context, feedback, crs=equal_area, fields=["name"], near=probes)
            results[(label, path)] = sorted(data.attributes["name"].tolist())
            assert f"{len(data)} of its {len(grid)} features lie near" in feedback.textLog()
    for key, got in results.items():
        assert set(got) == expected, key


def test_where_batches_are_not_used(qgis_app, make_layer, tmp_path):
    from osgeo import ogr
    from qgis.core import QgsProcessingContext, QgsProcessingFeatureSourceDefinition

    from minemonitor_plugin.qgis_io import ogr_batch, vector

    string = make_layer(tmp_path / "w.gpkg", [square(0, 0, 1, 1), square(2, 2, 3, 3)], crs="EPSG:4326",
                        fields={"name": ["a", "b"]})
    context = QgsProcessingContext()
    assert sources(string, context)[2] is not None
    # a subset string, "selected features only" and a feature limit: QGIS's iterator
    assert sources(string + "|subset=\"name\" = 'a'", context)[2] is None
    assert sources(QgsProcessingFeatureSourceDefinition(string, True), context)[2] is None
    assert sources(QgsProcessingFeatureSourceDefinition(string, False, 1), context)[2] is None
    # not a GeoPackage
    shp = tmp_path / "w.shp"
    ds = ogr.GetDriverByName("ESRI Shapefile").CopyDataSource(ogr.Open(str(tmp_path / "w.gpkg")), str(shp))
    ds = None
    assert sources(str(shp), context)[2] is None
    # a date field cannot be read in batches; read_features then uses the iterator and gets QGIS's values
    ds = ogr.Open(str(tmp_path / "w.gpkg"), 1)
    lyr = ds.GetLayer(0)
    lyr.CreateField(ogr.FieldDefn("day", ogr.OFTDate))
    for f in lyr:
        f.SetField("day", 2022, 6, 1 + f.GetFID(), 0, 0, 0, 0)
        lyr.SetFeature(f)
    ds = None
    context = QgsProcessingContext()  # a new context: the old one holds the layer as it was
    marked, _plain, table = sources(string, context)
    assert not ogr_batch.supports(table, ["day"]) and ogr_batch.supports(table, ["name", "fid"])
    days = vector.read_features(marked, context, _feedback(), fields=["day"]).attributes["day"]
    assert [d.toString("yyyy-MM-dd") for d in days] == ["2022-06-02", "2022-06-03"]


def _feedback():
    from qgis.core import QgsProcessingFeedback

    return QgsProcessingFeedback()
