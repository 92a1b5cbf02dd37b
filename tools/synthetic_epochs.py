"""Two survey epochs (2021, 2022) derived deterministically from the synthetic footprints.

The earlier epoch is :func:`synthetic.generate_footprints` as generated. The later one has

- about ``disappeared`` (2 %) of the footprints removed (restored or closed);
- about ``expanded`` (10 %) grown outward on one side by a band 20-50 % of their equivalent
  radius wide (never more than 45 % of the distance to the nearest other footprint, so
  expansions do not run into neighbours);
- about ``reduced`` (3 %) cut back by a half-plane, ``split`` (0.5 %) cut in two by a strip;
- about ``new`` (5 %) new footprints (scaled copies of a footprint of the same mine, placed
  near it at least 10 m from everything else);
- every later footprint shifted by a random digitising jitter of at most ``jitter_m`` (1 m),
  below the 5 m default tolerance of ``minemonitor:footprintchange``.

A ``truth`` attribute records what was done (earlier: persists / disappeared; later:
unchanged / expanded / reduced / split / new), so results can be checked. Everything comes
from ``numpy.random.default_rng(seed)``.

``python -m tools.synthetic_epochs OUT.gpkg [--seed N] [--scale S] [--county NAME]``
writes layers ``footprints_2021`` and ``footprints_2022``; ``--sample`` writes the demo file
``data/sample/epochs_2021_2022.gpkg`` (the 418 footprints of Jingtai County, Gansu, in
EPSG:4326, with a few misspelt, unknown and empty type codes in 2022 and a
``verification_2022`` point layer of field checks agreeing with the map about 95 % of the time,
as the paper's county verification).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import shapely

from tools import synthetic

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample" / "epochs_2021_2022.gpkg"
SAMPLE_COUNTY = "景泰县"  # Jingtai, Gansu: the paper's example of a small-mine cluster
TOLERANCE_M = 5.0


def _subset(fp: synthetic.SyntheticFootprints, keep: np.ndarray) -> synthetic.SyntheticFootprints:
    return synthetic.SyntheticFootprints(
        geometries=fp.geometries[keep], attributes={k: np.asarray(v)[keep] for k, v in fp.attributes.items()}
    )


def _halfplanes(cx, cy, angle, offset, size) -> np.ndarray:
    """Rectangles standing in for the half-planes {p : (p - c) . u >= offset}, u = (cos a, sin a)."""
    ux, uy = np.cos(angle), np.sin(angle)
    vx, vy = -uy, ux
    near_x, near_y = cx + offset * ux, cy + offset * uy
    far_x, far_y = near_x + size * ux, near_y + size * uy
    coords = np.stack([
        np.column_stack([near_x - size * vx, near_y - size * vy]),
        np.column_stack([far_x - size * vx, far_y - size * vy]),
        np.column_stack([far_x + size * vx, far_y + size * vy]),
        np.column_stack([near_x + size * vx, near_y + size * vy]),
        np.column_stack([near_x - size * vx, near_y - size * vy]),
    ], axis=1)
    return shapely.polygons(coords)


def _strips(cx, cy, angle, width, size) -> np.ndarray:
    """Rectangles of the given width through the centres, perpendicular to angle."""
    return shapely.difference(_halfplanes(cx, cy, angle, -width / 2, size), _halfplanes(cx, cy, angle, width / 2, size))


def derive_epochs(
    base: synthetic.SyntheticFootprints,
    *,
    seed: int = 2022,
    new: float = 0.05,
    expanded: float = 0.10,
    disappeared: float = 0.02,
    reduced: float = 0.03,
    split: float = 0.005,
    jitter_m: float = 1.0,
) -> tuple[synthetic.SyntheticFootprints, synthetic.SyntheticFootprints]:
    """The earlier (``base``) and later epochs; see the module docstring."""
    rng = np.random.default_rng(seed)
    geoms = base.geometries
    n = len(geoms)
    attrs = {k: np.asarray(v) for k, v in base.attributes.items() if k not in ("fid", "area_km2")}
    area = shapely.area(geoms)
    radius = np.sqrt(area / np.pi)
    centre = shapely.get_coordinates(shapely.centroid(geoms))
    tree = shapely.STRtree(geoms)
    _, nearest = tree.query_nearest(geoms, exclusive=True, return_distance=True, all_matches=False)
    room = 0.45 * nearest  # how far a footprint may grow without meeting a grown neighbour

    order = rng.permutation(n)
    k = {name: round(frac * n) for name, frac in
         (("disappeared", disappeared), ("expanded", expanded), ("reduced", reduced), ("split", split))}
    taken = np.zeros(n, dtype=bool)

    def pick(count: int, eligible: np.ndarray) -> np.ndarray:
        candidates = order[eligible[order] & ~taken[order]][:count]
        taken[candidates] = True
        return candidates

    gone = pick(k["disappeared"], np.ones(n, dtype=bool))
    grow = pick(k["expanded"], room >= 2 * TOLERANCE_M)
    cut = pick(k["split"], radius >= 60)
    shrink = pick(k["reduced"], radius >= 30)

    later = geoms.copy()
    truth = np.full(n, "unchanged", dtype=object)
    size = 10 * (radius + 1000)
    # expanded: a band on one side (the half-plane through the centroid), 20-50 % of the radius wide
    width = np.minimum(rng.uniform(0.2, 0.5, len(grow)) * radius[grow], room[grow])
    side = _halfplanes(centre[grow, 0], centre[grow, 1], rng.uniform(0, 2 * np.pi, len(grow)), 0.0, size[grow])
    # round joins: a mitre at a sharp vertex would reach past ``room``
    band = shapely.intersection(shapely.buffer(geoms[grow], width, quad_segs=4), side)
    later[grow] = shapely.union(geoms[grow], band)
    truth[grow] = "expanded"
    # reduced: the cap beyond a line 0.3 radius from the centre is given up
    cap = _halfplanes(centre[shrink, 0], centre[shrink, 1], rng.uniform(0, 2 * np.pi, len(shrink)),
                      0.3 * radius[shrink], size[shrink])
    later[shrink] = shapely.difference(geoms[shrink], cap)
    truth[shrink] = "reduced"
    # split: a strip (3 x the tolerance or 10 % of the radius wide) through the centre
    strip = _strips(centre[cut, 0], centre[cut, 1], rng.uniform(0, np.pi, len(cut)),
                    np.maximum(3 * TOLERANCE_M, 0.1 * radius[cut]), size[cut])
    later[cut] = shapely.difference(geoms[cut], strip)
    truth[cut] = "split"

    keep = np.setdiff1d(np.arange(n), gone)
    parts, owner = shapely.get_parts(later[keep], return_index=True)
    # split footprints become one feature per part; others keep their (multi)polygon
    is_split = truth[keep][owner] == "split"
    rows = np.concatenate([keep[np.unique(owner[~is_split])], keep[owner[is_split]]])
    out_geoms = np.concatenate([later[keep][np.unique(owner[~is_split])], parts[is_split]])
    out_truth = truth[rows]

    # new footprints: scaled copies of a footprint of the same mine, near it, 10 m from everything
    want = round(new * n)
    placed_geoms: list = []
    placed_rows: list = []
    occupied = shapely.STRtree(np.concatenate([geoms, out_geoms]))
    for _ in range(20):
        need = want - len(placed_geoms)
        if need <= 0:
            break
        src = rng.choice(keep, size=2 * need)
        factor = np.sqrt(rng.uniform(0.15, 0.6, len(src)))
        shapes = shapely.transform(geoms[src], lambda xy: xy)  # copies
        coords, index = shapely.get_coordinates(shapes, return_index=True)
        coords = centre[src][index] + (coords - centre[src][index]) * factor[index][:, None]
        r_src = shapely.minimum_bounding_radius(geoms[src])
        distance = r_src * (1 + factor) + rng.uniform(40, 200, len(src))
        angle = rng.uniform(0, 2 * np.pi, len(src))
        coords += np.column_stack([np.cos(angle), np.sin(angle)])[index] * distance[index][:, None]
        shapes = shapely.set_coordinates(shapes, coords)
        clear = shapely.buffer(shapes, 2 * TOLERANCE_M, quad_segs=2)
        hit = np.unique(occupied.query(clear, predicate="intersects")[0])
        ok = np.setdiff1d(np.arange(len(src)), hit)
        if placed_geoms:  # and not on the new ones already placed
            hit_new = np.unique(shapely.STRtree(np.array(placed_geoms)).query(clear[ok], predicate="intersects")[0])
            ok = np.delete(ok, hit_new)
        # candidates of this round must not meet each other either: keep the first of each clash
        a, b = shapely.STRtree(clear[ok]).query(clear[ok], predicate="intersects")
        ok = ok[np.setdiff1d(np.arange(len(ok)), b[a < b])][:need]
        placed_geoms += list(shapes[ok])
        placed_rows += list(src[ok])
    new_geoms = np.array(placed_geoms, dtype=object)
    new_rows = np.array(placed_rows, dtype=np.int64)

    all_geoms = np.concatenate([out_geoms, new_geoms])
    all_rows = np.concatenate([rows, new_rows])
    all_truth = np.concatenate([out_truth, np.full(len(new_geoms), "new", dtype=object)])
    # digitising jitter: every later outline shifted by at most jitter_m
    shift = rng.normal(0, jitter_m / 2, size=(len(all_geoms), 2))
    shift *= np.minimum(1.0, jitter_m / np.maximum(np.hypot(shift[:, 0], shift[:, 1]), 1e-12))[:, None]
    coords, index = shapely.get_coordinates(all_geoms, return_index=True)
    all_geoms = shapely.set_coordinates(all_geoms.copy(), coords + shift[index])
    perm = rng.permutation(len(all_geoms))
    all_geoms, all_rows, all_truth = all_geoms[perm], all_rows[perm], all_truth[perm]

    earlier_truth = np.full(n, "persists", dtype=object)
    earlier_truth[gone] = "disappeared"
    earlier = synthetic.SyntheticFootprints(
        geometries=geoms,
        attributes={"fid": np.arange(1, n + 1, dtype=np.int64), **attrs, "truth": earlier_truth,
                    "area_km2": area / 1e6},
    )
    later_fp = synthetic.SyntheticFootprints(
        geometries=all_geoms,
        attributes={"fid": np.arange(1, len(all_geoms) + 1, dtype=np.int64),
                    **{k: v[all_rows] for k, v in attrs.items()}, "truth": all_truth,
                    "area_km2": shapely.area(all_geoms) / 1e6},
    )
    return earlier, later_fp


def make_epochs(seed: int = 2022, scale: float = 1.0, county: str | None = None):
    """Base footprints (optionally one county's) and the two derived epochs."""
    base = synthetic.generate_footprints(seed=seed, scale=scale)
    if county:
        base = _subset(base, base.attributes["county"] == county)
    return derive_epochs(base, seed=seed)


def write_epochs(path: str | Path, earlier, later, *, to_wgs84: bool = False, extra_layers=()) -> Path:
    """Both epochs (and any ``(name, geometries, attributes)`` point layers) into one GeoPackage."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        for name, fp in (("footprints_2021", earlier), ("footprints_2022", later)):
            part = Path(tmp) / f"{name}.gpkg"
            synthetic.write_gpkg(part, fp.geometries, fp.attributes, layer=name, to_wgs84=to_wgs84)
            gdal.VectorTranslate(str(path), str(part), accessMode="update" if path.exists() else None,
                                 layerName=name)
    crs = "EPSG:4326" if to_wgs84 else synthetic.NW_ALBERS
    for name, points, attributes in extra_layers:
        pts = synthetic._transform(points, synthetic.NW_ALBERS, crs) if to_wgs84 else points
        ds = ogr.Open(str(path), 1)
        lyr = ds.CreateLayer(name, synthetic._osr(crs), ogr.wkbPoint, options=["FID=fid"])
        for field in attributes:
            lyr.CreateField(ogr.FieldDefn(field, ogr.OFTString))
        lyr.StartTransaction()
        for i, wkb in enumerate(shapely.to_wkb(pts)):
            feature = ogr.Feature(lyr.GetLayerDefn())
            feature.SetFID(i + 1)
            for field, values in attributes.items():
                if values[i] is not None:
                    feature.SetField(field, str(values[i]))
            feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
            lyr.CreateFeature(feature)
        lyr.CommitTransaction()
        ds = None
    return path


def sample_extras(later, seed: int = 2022):
    """Type-code noise in the later epoch and field-verification points for the demo."""
    rng = np.random.default_rng(seed + 7)
    codes = later.attributes["type_code"].astype(object).copy()
    m = len(codes)
    order = rng.permutation(m)
    lower = order[: max(1, int(0.03 * m))]
    codes[lower] = [" " + c.lower() if i % 2 else c.lower() for i, c in enumerate(codes[lower])]
    unknown = order[len(lower): len(lower) + max(1, int(0.01 * m))]
    codes[unknown] = rng.choice(["9X", "3A", "11"], size=len(unknown))
    empty = order[len(lower) + len(unknown): len(lower) + len(unknown) + 2]
    codes[empty] = None
    later.attributes["type_code"] = codes

    # one verification point per later footprint, the observed class agreeing ~95 % of the time
    points = shapely.point_on_surface(later.geometries)
    observed = np.array([str(c).strip().upper() if c is not None else "10" for c in codes], dtype=object)
    wrong = rng.random(m) < 0.05
    observed[wrong] = rng.choice(list(synthetic.TYPE_CODES), size=int(wrong.sum()))
    # three checks on land the interpretation missed (outside every footprint)
    bounds = shapely.total_bounds(later.geometries)
    extra = shapely.points(rng.uniform(bounds[0], bounds[2], 3), rng.uniform(bounds[1], bounds[3], 3))
    outside = ~np.isin(np.arange(len(extra)),
                       shapely.STRtree(later.geometries).query(extra, predicate="intersects")[0])
    points = np.concatenate([points, extra[outside]])
    observed = np.concatenate([observed, np.array(["10"] * int(outside.sum()), dtype=object)])
    return points, {"observed": observed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", help="output GeoPackage (not with --sample)")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--county", help="only the footprints of this county (name_zh)")
    parser.add_argument("--sample", action="store_true", help=f"write the demo sample to {SAMPLE}")
    args = parser.parse_args(argv)
    if args.sample:
        earlier, later = make_epochs(seed=args.seed, county=SAMPLE_COUNTY)
        points, attributes = sample_extras(later, seed=args.seed)
        write_epochs(SAMPLE, earlier, later, to_wgs84=True, extra_layers=[("verification_2022", points, attributes)])
        out = SAMPLE
    else:
        if not args.out:
            parser.error("give OUT.gpkg or --sample")
        earlier, later = make_epochs(seed=args.seed, scale=args.scale, county=args.county)
        out = write_epochs(args.out, earlier, later)
    for name, fp in (("2021", earlier), ("2022", later)):
        kinds, counts = np.unique(fp.attributes["truth"].astype(str), return_counts=True)
        detail = ", ".join(f"{k} {c}" for k, c in zip(kinds, counts, strict=True))
        print(f"{name}: {len(fp)} footprints, {fp.attributes['area_km2'].sum():.3f} km2 ({detail})")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
