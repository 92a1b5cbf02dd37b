"""Quarterly survey epochs, deterministic: the sample with planted patterns, and benchmark series.

:func:`quarterly_epochs` turns one set of footprints into a series of quarters by chaining
:func:`tools.synthetic_epochs.derive_epochs` with quarterly rates of new, expanded, reduced, split and
disappeared footprints and no digitising jitter: an unchanged footprint is carried forward with
exactly the same outline, as a survey does (and as ``minemonitor:epochdensity`` exploits).

:func:`planted_sample` builds the bundled sample ``data/sample/quarters_2021_2023.gpkg``: 12 quarters
(2021Q1-2023Q4) of footprints in Baiyin prefecture (Gansu): the synthetic paper-scale footprints of
its five counties as a slowly changing background, and four planted clusters of quarry footprints
(each about 8 km across, far from the others):

- ``new``: appears in the last quarter only, as three times larger quarries (expected: a new hot spot);
- ``growing``: present from the first quarter, its footprints grow steadily to four times their
  area (an intensifying hot spot);
- ``fading``: present throughout, shrinking steadily to a quarter of its first area (a
  diminishing hot spot);
- ``oscillating``: worked one quarter in three, idle in between, worked again in the last quarter
  (on and off, never a cold spot: a sporadic hot spot; ArcGIS's "oscillating" needs earlier cold
  spots, which mining in an otherwise empty landscape cannot produce).

The file holds the layers ``footprints`` (field ``quarter`` such as ``2021Q3``, ``mine_id``,
``planted``), ``counties`` and ``study_area`` (from ``data/sample/nw4_admin.gpkg``) and
``planted`` (one point per cluster with its ``pattern`` and ``expected`` category code). Everything
comes from ``numpy.random.default_rng(seed)``.

``python -m tools.synthetic_quarters --sample`` rewrites the sample;
``python -m tools.synthetic_quarters OUT.gpkg --quarters 12 [--scale S]`` writes a paper-scale series
(layer ``footprints``, field ``quarter``) for benchmarks.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import shapely

from tools import synthetic
from tools.synthetic_epochs import derive_epochs

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample" / "quarters_2021_2023.gpkg"
ADMIN = ROOT / "data" / "sample" / "nw4_admin.gpkg"
PREFECTURE = "白银市"
FIRST_YEAR = 2021
#: Quarterly rates of change of the background footprints (fractions of the footprints).
QUARTERLY_RATES = {"new": 0.012, "expanded": 0.025, "disappeared": 0.005, "reduced": 0.008, "split": 0.001}
#: Planted clusters: name -> (lon, lat, expected category code of core.emerging).
PLANTED = {
    "new": (105.0, 35.85, 1),
    "growing": (105.0, 36.95, 3),
    "fading": (105.25, 36.25, 5),
    "oscillating": (104.75, 36.6, 6),
}
#: Footprints per planted cluster, their spacing (m), first-quarter area (km²) and largest scale (area factor).
CLUSTER_SIZE, CLUSTER_PITCH, CLUSTER_AREA_KM2, MAX_FACTOR = 9, 4000.0, 0.4, 4.0


def quarter_labels(n: int, first_year: int = FIRST_YEAR) -> list[str]:
    return [f"{first_year + q // 4}Q{q % 4 + 1}" for q in range(n)]


def quarterly_epochs(base: synthetic.SyntheticFootprints, n_quarters: int, seed: int = 2022,
                     rates: dict | None = None) -> list[synthetic.SyntheticFootprints]:
    """``n_quarters`` epochs: ``base`` then quarterly changes (see the module docstring)."""
    rates = dict(QUARTERLY_RATES if rates is None else rates)
    epochs = [base]
    current = base
    for q in range(1, n_quarters):
        _, current = derive_epochs(current, seed=seed + q, jitter_m=0.0, **rates)
        epochs.append(current)
    return epochs


def _cluster(centre: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """CLUSTER_SIZE star-shaped quarries of about CLUSTER_AREA_KM2 each, on a jittered 3 x 3 lattice, small
    enough never to touch each other even at MAX_FACTOR times their area."""
    areas = np.full(CLUSTER_SIZE, CLUSTER_AREA_KM2 * 1e6) * rng.uniform(0.7, 1.3, CLUSTER_SIZE)
    shapes, radius = synthetic._star_shapes(areas, rng)
    jitter = 100.0
    reach = radius * np.sqrt(MAX_FACTOR)
    limit = CLUSTER_PITCH / 2 - jitter - 50.0
    shrink = np.minimum(1.0, limit / reach)  # a strongly stretched shape is made smaller, not longer
    shapes = _scaled(shapes, shrink**2)
    k = np.arange(CLUSTER_SIZE)
    dx = (k % 3 - 1) * CLUSTER_PITCH + rng.uniform(-jitter, jitter, CLUSTER_SIZE)
    dy = (k // 3 - 1) * CLUSTER_PITCH + rng.uniform(-jitter, jitter, CLUSTER_SIZE)
    return synthetic._translate(shapes, centre[0] + dx, centre[1] + dy)


def _scaled(geoms: np.ndarray, factor) -> np.ndarray:
    """Each footprint scaled about its centroid so that its area is ``factor`` (one, or one per footprint)
    times larger."""
    centre = shapely.get_coordinates(shapely.centroid(geoms))
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    scale = np.broadcast_to(np.sqrt(np.asarray(factor, dtype=np.float64)), (len(geoms),))
    coords = centre[index] + (coords - centre[index]) * scale[index][:, None]
    return shapely.set_coordinates(geoms.copy(), coords)


def planted_sample(seed: int = 2022, n_quarters: int = 12, keep: int = 110):
    """The footprints of every quarter with the planted clusters.

    Returns ``(geometries, attributes, labels, admin)``: Albers geometries, attributes ``quarter``,
    ``mine_id``, ``planted``, the quarter labels and the Baiyin counties (Albers).
    """
    rng = np.random.default_rng(seed)
    counties = synthetic.load_admin("county", path=ADMIN)
    in_pref = counties["prefecture_zh"] == PREFECTURE
    names = set(counties["name_zh"][in_pref])
    base = synthetic.generate_footprints(seed=seed)
    sel = np.flatnonzero(np.isin(base.attributes["county"], list(names)))
    sel = np.sort(rng.choice(sel, size=min(keep, sel.size), replace=False))
    background = synthetic.SyntheticFootprints(base.geometries[sel], {k: np.asarray(v)[sel] for k, v in
                                                                     base.attributes.items()})
    series = quarterly_epochs(background, n_quarters, seed=seed)

    centres = {name: synthetic.lonlat_to_albers(lon, lat)[0] for name, (lon, lat, _) in PLANTED.items()}
    clusters = {name: _cluster(centres[name], rng) for name in PLANTED}
    geoms, quarter, mine, planted = [], [], [], []
    labels = quarter_labels(n_quarters)
    last = n_quarters - 1
    for q, epoch in enumerate(series):
        this_quarter = [epoch.geometries]
        quarter += [labels[q]] * len(epoch)
        mine += [str(m) for m in epoch.attributes["mine_id"]]
        planted += [""] * len(epoch)
        t = q / last
        present = {
            "new": (q == last, 3.0),
            "growing": (True, 1.0 + (MAX_FACTOR - 1.0) * t),
            "fading": (True, MAX_FACTOR - (MAX_FACTOR - 1.0) * t),
            "oscillating": ((q + 1) % 3 == 0, 2.0),
        }
        for name, (on, factor) in present.items():
            if on:
                this_quarter.append(_scaled(clusters[name], factor))
                quarter += [labels[q]] * CLUSTER_SIZE
                mine += [f"{name}-{i + 1}" for i in range(CLUSTER_SIZE)]
                planted += [name] * CLUSTER_SIZE
        this_quarter = np.concatenate(this_quarter)
        # no footprint overlaps another of its quarter (checked, not assumed), so footprint statistics
        # and the fishnet agree whatever their overlap rule
        tree = shapely.STRtree(this_quarter)
        a, b = tree.query(this_quarter, predicate="intersects")
        shared = a < b
        if shapely.area(shapely.intersection(this_quarter[a[shared]], this_quarter[b[shared]])).sum() > 0:
            raise RuntimeError(f"footprints of quarter {labels[q]} overlap")
        geoms.append(this_quarter)
    attributes = {
        "fid": np.arange(1, sum(len(g) for g in geoms) + 1, dtype=np.int64),
        "quarter": np.array(quarter, dtype=object),
        "mine_id": np.array(mine, dtype=object),
        "planted": np.array(planted, dtype=object),
    }
    admin = {k: np.asarray(v)[in_pref] for k, v in counties.items()}
    return np.concatenate(geoms), attributes, labels, admin, centres


def write_sample(path: Path = SAMPLE, seed: int = 2022) -> Path:
    """Write the sample GeoPackage (EPSG:4326, coordinates rounded to 1e-6 degree, about 0.1 m)."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    geoms, attributes, labels, admin, centres = planted_sample(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()

    def rounded(g):
        return shapely.set_precision(synthetic._transform(g, synthetic.NW_ALBERS, "EPSG:4326"), 1e-6)

    with tempfile.TemporaryDirectory() as tmp:
        layers = [
            ("footprints", rounded(geoms), attributes),
            ("counties", rounded(admin["geometries"]),
             {"fid": np.arange(1, len(admin["geometries"]) + 1), "name_zh": admin["name_zh"],
              "adcode": admin["adcode"]}),
            ("study_area", rounded(np.array([shapely.union_all(admin["geometries"])], dtype=object)),
             {"fid": np.array([1]), "name_zh": np.array([PREFECTURE], dtype=object)}),
        ]
        for name, g, attrs in layers:
            part = Path(tmp) / f"{name}.gpkg"
            synthetic.write_gpkg(part, g, attrs, crs="EPSG:4326", layer=name)
            gdal.VectorTranslate(str(path), str(part), accessMode="update" if path.exists() else None,
                                 layerName=name)
    ds = ogr.Open(str(path), 1)
    lyr = ds.CreateLayer("planted", synthetic._osr("EPSG:4326"), ogr.wkbPoint, options=["FID=fid"])
    lyr.CreateField(ogr.FieldDefn("pattern", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("expected", ogr.OFTInteger))
    points = synthetic._transform(shapely.points(np.array(list(centres.values()))), synthetic.NW_ALBERS, "EPSG:4326")
    for i, (name, point) in enumerate(zip(centres, points, strict=True)):
        feature = ogr.Feature(lyr.GetLayerDefn())
        feature.SetFID(i + 1)
        feature.SetField("pattern", name)
        feature.SetField("expected", int(PLANTED[name][2]))
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(point)))
        lyr.CreateFeature(feature)
    ds = None
    gdal.VectorTranslate(str(path) + ".tmp", str(path), format="GPKG")  # compact (drop freed pages)
    Path(str(path) + ".tmp").replace(path)
    print(f"{path}: {len(geoms)} footprints in {len(labels)} quarters {labels[0]}-{labels[-1]}, "
          f"{path.stat().st_size / 1024:.0f} KB")
    return path


def write_series(path: Path, n_quarters: int = 12, seed: int = 2022, scale: float = 1.0) -> Path:
    """Paper-scale quarterly series: layer ``footprints`` (NW_ALBERS) with the field ``quarter``."""
    base = synthetic.generate_footprints(seed=seed, scale=scale)
    series = quarterly_epochs(base, n_quarters, seed=seed)
    labels = quarter_labels(n_quarters)
    geoms = np.concatenate([e.geometries for e in series])
    quarter = np.concatenate([[labels[q]] * len(e) for q, e in enumerate(series)]).astype(object)
    mine = np.concatenate([np.asarray(e.attributes["mine_id"]) for e in series])
    synthetic.write_gpkg(path, geoms, {"fid": np.arange(1, len(geoms) + 1), "quarter": quarter, "mine_id": mine})
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", help="output GeoPackage of a paper-scale series (not with --sample)")
    parser.add_argument("--sample", action="store_true", help=f"write the sample to {SAMPLE}")
    parser.add_argument("--quarters", type=int, default=12)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    if args.sample:
        write_sample(SAMPLE, args.seed)
    elif args.out:
        path = write_series(Path(args.out), args.quarters, args.seed, args.scale)
        print(f"{path}: {args.quarters} quarters")
    else:
        parser.error("give OUT.gpkg or --sample")
    return 0


if __name__ == "__main__":
    sys.exit(main())
