"""Deterministic synthetic land-use mosaic over the synthetic mining footprints (for bench_overlap).

Table 3 of the paper tabulates the footprints against the Third National Land Survey, which
is not public. This stand-in is a Voronoi mosaic (no gaps, no overlaps, like a land survey)
of ``n_polygons`` cells in the 7 classes of Table 3, fine where the mines are and coarse
elsewhere:

- 60 % of the Voronoi seeds scattered around footprint centroids (normal, sd 3 km), so a
  footprint typically straddles a few land-use polygons, as real survey parcels do;
- 30 % around the basin centres of ``tools/synthetic.py`` (sd 1.5 x the basin spread);
- 10 % uniform over the bounding box of the four provinces (the mosaic covers it all).

Classes are spatially autocorrelated: a smooth random field (a sum of random plane waves,
wavelengths 20-300 km) plus per-cell noise, cut at quantiles so that the class shares by
polygon count follow Table 3's area shares (other land 54 %, water 15 %, industrial and
mining storage 15 %, grass 12 %, forest 2 %, farmland 1 %, garden 0.3 %).

Everything comes from ``numpy.random.default_rng(seed)``. ``python -m tools.synthetic_landuse
OUT.gpkg [--n 200000] [--seed 7]`` writes a GeoPackage in ``NW_ALBERS`` (layer ``landuse``,
fields ``class`` (text) and ``class_code`` (1..7)).
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
import shapely

from tools import synthetic

#: Table 3 classes and their share of the footprint area (used as polygon-count shares).
CLASSES = (
    ("Grass", 540.07),
    ("Farmland", 41.66),
    ("Industrial and Mining Storage Land", 697.05),
    ("Forest Land", 99.29),
    ("Other Land", 2488.33),
    ("Water Areas and Hydraulic Facilities", 701.70),
    ("Garden Land", 12.94),
)


def generate_landuse(
    footprints: np.ndarray, n_polygons: int = 200_000, seed: int = 7, extent: tuple[float, ...] | None = None
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Voronoi land-use mosaic around the footprints.

    Parameters
    ----------
    footprints : array of shapely polygons
        Footprints in NW_ALBERS metres (seeds cluster around their centroids).
    n_polygons : int
        Number of Voronoi seeds; the mosaic has exactly this many polygons.
    seed : int
        Seed of ``numpy.random.default_rng``.
    extent : (xmin, ymin, xmax, ymax), optional
        Mosaic extent; default the bounding box of the four provinces.

    Returns
    -------
    geometries : ndarray of shapely Polygons
    attributes : dict
        ``fid`` (1..n), ``class`` (Table 3 name), ``class_code`` (1..7 in Table 3 order).
    """
    rng = np.random.default_rng(seed)
    if extent is None:
        prov = synthetic.load_admin("province")
        extent = tuple(shapely.total_bounds(prov["geometries"]))
    xmin, ymin, xmax, ymax = extent
    cent = shapely.get_coordinates(shapely.centroid(np.asarray(footprints, dtype=object)))
    n_fp = round(0.6 * n_polygons)
    n_basin = round(0.3 * n_polygons)
    n_unif = n_polygons - n_fp - n_basin
    near_fp = cent[rng.integers(0, len(cent), n_fp)] + rng.normal(0.0, 3_000.0, (n_fp, 2))
    basins = [(v[1], v[2]) for v in synthetic.BASINS.values() if v[1] is not None]
    bxy = synthetic.lonlat_to_albers([b[0][0] for b in basins], [b[0][1] for b in basins])
    bsd = np.array([b[1] for b in basins], dtype=float) * 1.5e3
    pick = rng.integers(0, len(basins), n_basin)
    near_basin = bxy[pick] + rng.normal(0.0, 1.0, (n_basin, 2)) * bsd[pick, None]
    uniform = rng.uniform((xmin, ymin), (xmax, ymax), (n_unif, 2))
    pts = np.concatenate([near_fp, near_basin, uniform])
    pts[:, 0] = np.clip(pts[:, 0], xmin, xmax)
    pts[:, 1] = np.clip(pts[:, 1], ymin, ymax)
    # duplicate seeds would merge cells: nudge them apart deterministically
    _, first = np.unique(pts, axis=0, return_index=True)
    dup = np.setdiff1d(np.arange(len(pts)), first)
    pts[dup] += rng.uniform(-1.0, 1.0, (len(dup), 2))

    frame = shapely.box(xmin, ymin, xmax, ymax)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=frame))
    cells = shapely.intersection(cells, frame)
    cells = cells[shapely.area(cells) > 0]

    # smooth field + noise -> quantile classes
    c = shapely.get_coordinates(shapely.centroid(cells))
    field = np.zeros(len(cells))
    for _ in range(12):
        wavelength = rng.uniform(20e3, 300e3)
        angle = rng.uniform(0, np.pi)
        phase = rng.uniform(0, 2 * np.pi)
        field += np.cos((c[:, 0] * np.cos(angle) + c[:, 1] * np.sin(angle)) * 2 * np.pi / wavelength + phase)
    field = field / field.std() + rng.normal(0.0, 0.5, len(cells))
    shares = np.array([a for _, a in CLASSES])
    # order the classes along the field so that similar covers neighbour each other
    along = np.array([4, 5, 2, 0, 3, 6, 1])  # other, water, industrial, grass, forest, garden, farmland
    cuts = np.quantile(field, np.cumsum(shares[along])[:-1] / shares.sum())
    code = along[np.searchsorted(cuts, field)]
    names = np.array([n for n, _ in CLASSES], dtype=object)
    return cells, {
        "fid": np.arange(1, len(cells) + 1, dtype=np.int64),
        "class": names[code],
        "class_code": (code + 1).astype(np.int64),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="output GeoPackage")
    parser.add_argument("--n", type=int, default=200_000, help="number of land-use polygons")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--footprint-seed", type=int, default=2022, help="seed of tools/synthetic.py")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    fp = synthetic.generate_footprints(seed=args.footprint_seed)
    geoms, attrs = generate_landuse(fp.geometries, n_polygons=args.n, seed=args.seed)
    t1 = time.perf_counter()
    synthetic.write_gpkg(args.out, geoms, attrs, layer="landuse")
    counts = np.unique(attrs["class"], return_counts=True)
    print(f"{len(geoms)} land-use polygons generated in {t1 - t0:.1f} s, written in {time.perf_counter() - t1:.1f} s")
    for name, k in zip(*counts, strict=True):
        print(f"  {name}: {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
