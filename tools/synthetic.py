"""Deterministic paper-scale synthetic mining footprints over the real NW China provinces.

The reference paper maps 12,680 open-pit mining polygons in 3,253 mines in Gansu, Qinghai,
Ningxia and Xinjiang (4,581.04 km² in total; Table 2, Figs 7-8). Its polygons are not
public, so benchmarks and demos use this stand-in, built to match its published statistics:

- polygon counts and areas per province from Table 2 (Gansu 3577 / 270.11 km², Qinghai
  1530 / 1386.55, Ningxia 729 / 52.11, Xinjiang 6844 / 2872.27);
- 26 polygons above 10 km² (17 of 10-50 km², 9 above 50 km², the largest the 1,555 km²
  Lop Nur potash works) holding about 72 % of the area (Fig. 8b: 71.8 % above 10 km²,
  63.5 % above 50, 58.6 % above 100, 34 % above 1000);
- the other polygons log-normal (Fig. 7) with per-province means from Table 2 and a common
  spread chosen so that the overall geometric mean is 0.024 km² (about half the polygons
  below it, ~80 % below 0.1 km²);
- mines clustered in the basins and counties the paper names (Qaidam/Golmud/Dachaidan,
  Lop Nur, Zhundong/Qitai, Turpan-Hami, Hexi corridor/Jinta, Jingtai/Baiyin, Ningxia
  east/Shapotou, Aksu, Tuoli ...), each mine's polygons around its centre without
  overlapping each other, and no two mines overlapping (so footprint areas add up);
- irregular shapes: jittered, sheared star polygons, about 4 % multipart.

Everything comes from ``numpy.random.default_rng(seed)``: the same seed gives the same
footprints. Geometries are in :data:`NW_ALBERS` metres. ``python -m tools.synthetic
OUT.gpkg [--seed N] [--wgs84]`` writes them to a GeoPackage.

Other scripts import this module (``sys.path.insert(0, "benchmarks")``); keep its API
(``NW_ALBERS``, ``generate_footprints``, ``write_gpkg``, ``load_admin``, ``ADMIN_GPKG``) stable.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from scipy.spatial import cKDTree
from scipy.special import ndtri

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("MINEMONITOR_SHARED_DATA", ROOT.parent / "shared" / "data"))
#: The NW China boundaries the footprints are placed in: ../shared/data's full-resolution file when it is
#: beside the repository (benchmarks and tests use it), else the bundled copy in data/sample (the same
#: boundaries simplified to about 200 m), so `make demo` runs from a clone without ../shared.
_SHARED_ADMIN = SHARED_DATA / "cn_admin_nw4_counties" / "nw4_admin.gpkg"
ADMIN_GPKG = _SHARED_ADMIN if _SHARED_ADMIN.is_file() else ROOT / "data" / "sample" / "nw4_admin.gpkg"

#: Albers equal-area conic fitted to NW China (73-107 E, 31-50 N): standard parallels at
#: about 1/6 and 5/6 of the latitude span, central meridian at the middle.
NW_ALBERS = "+proj=aea +lat_0=40 +lon_0=90 +lat_1=34 +lat_2=47 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"

PAPER_TOTAL_KM2 = 4581.04
PAPER_N_POLYGONS = 12680
PAPER_N_MINES = 3253

# Table 2: polygon count and area (km²) per province.
PROVINCES = {
    "Xinjiang": (6844, 2872.27),
    "Gansu": (3577, 270.11),
    "Qinghai": (1530, 1386.55),
    "Ningxia": (729, 52.11),
}

# The 26 polygons above 10 km² (Fig. 8b; Qinghai 16 > Xinjiang 9 > Gansu 1):
# (area km², province, basin, mineral, type code).
LARGE = [
    (1555.0, "Xinjiang", "lop_nur", "potash", "2E"),
    (400.0, "Qinghai", "qarhan", "potash", "2E"),
    (280.0, "Qinghai", "taijinair", "lithium", "2E"),
    (200.0, "Xinjiang", "lop_nur", "potash", "2E"),
    (140.0, "Qinghai", "qarhan", "potash", "2E"),
    (109.0, "Xinjiang", "zhundong", "coal", "10"),
    (85.0, "Qinghai", "dachaidan", "lithium", "2E"),
    (75.0, "Xinjiang", "hami", "coal", "10"),
    (65.0, "Qinghai", "mahai", "potash", "2E"),
    (48.0, "Qinghai", "qarhan", "potash", "2E"),
    (41.0, "Qinghai", "taijinair", "lithium", "2E"),
    (36.0, "Xinjiang", "zhundong", "coal", "3G"),
    (31.0, "Qinghai", "qarhan", "potash", "3B"),
    (28.0, "Qinghai", "mahai", "potash", "2E"),
    (26.0, "Gansu", "jinchang", "copper", "3B"),
    (24.0, "Xinjiang", "lop_nur", "potash", "3B"),
    (22.0, "Qinghai", "dachaidan", "lithium", "2E"),
    (19.5, "Qinghai", "golmud", "potash", "10"),
    (17.0, "Xinjiang", "zhundong", "coal", "3G"),
    (15.5, "Qinghai", "taijinair", "lithium", "3B"),
    (14.0, "Xinjiang", "hami", "iron", "10"),
    (13.0, "Qinghai", "muli", "coal", "10"),
    (12.0, "Xinjiang", "qitai", "coal", "10"),
    (11.5, "Qinghai", "lenghu", "potash", "10"),
    (11.0, "Qinghai", "golmud", "potash", "3G"),
    (10.5, "Qinghai", "qarhan", "potash", "2B"),
]

# Basins: province, (lon, lat), spread (km), share of the province's mines, minerals.
BASINS = {
    "lop_nur": ("Xinjiang", (90.6, 40.35), 25, 0.02, {"potash": 1.0}),
    "zhundong": ("Xinjiang", (89.3, 44.8), 45, 0.10, {"coal": 0.8, "construction sand": 0.2}),
    "qitai": ("Xinjiang", (89.6, 44.0), 30, 0.09, {"coal": 0.4, "construction sand": 0.4, "iron": 0.2}),
    "hami": ("Xinjiang", (93.5, 42.6), 70, 0.10, {"coal": 0.45, "iron": 0.25, "copper": 0.15, "gold": 0.15}),
    "turpan": ("Xinjiang", (89.2, 42.8), 55, 0.09, {"coal": 0.35, "construction sand": 0.35, "limestone": 0.3}),
    "urumqi": ("Xinjiang", (87.5, 43.9), 45, 0.10, {"construction sand": 0.6, "limestone": 0.3, "coal": 0.1}),
    "tuoli": ("Xinjiang", (83.6, 45.9), 45, 0.06, {"gold": 0.4, "copper": 0.2, "construction sand": 0.4}),
    "fuyun": ("Xinjiang", (89.5, 46.9), 50, 0.05, {"gold": 0.4, "copper": 0.3, "construction sand": 0.3}),
    "aksu": ("Xinjiang", (80.3, 41.2), 40, 0.07, {"construction sand": 0.7, "limestone": 0.3}),
    "korla": ("Xinjiang", (86.1, 41.7), 45, 0.05, {"construction sand": 0.6, "iron": 0.4}),
    "hotan": ("Xinjiang", (79.9, 37.1), 45, 0.04, {"construction sand": 0.8, "gold": 0.2}),
    "kashgar": ("Xinjiang", (76.0, 39.4), 50, 0.05, {"construction sand": 0.7, "limestone": 0.3}),
    "karamay": ("Xinjiang", (84.9, 45.5), 40, 0.04, {"construction sand": 0.6, "limestone": 0.4}),
    "xj_other": ("Xinjiang", None, 0, 0.14, {"construction sand": 0.5, "gold": 0.2, "iron": 0.15, "limestone": 0.15}),
    "qarhan": ("Qinghai", (95.2, 36.8), 30, 0.10, {"potash": 1.0}),
    "golmud": ("Qinghai", (94.9, 36.4), 35, 0.18, {"potash": 0.4, "construction sand": 0.4, "iron": 0.2}),
    "dachaidan": ("Qinghai", (95.4, 37.85), 30, 0.17, {"lithium": 0.4, "gold": 0.3, "limestone": 0.3}),
    "taijinair": ("Qinghai", (93.5, 37.4), 30, 0.06, {"lithium": 1.0}),
    "mahai": ("Qinghai", (94.3, 38.3), 25, 0.04, {"potash": 1.0}),
    "lenghu": ("Qinghai", (93.3, 38.7), 30, 0.04, {"potash": 0.5, "construction sand": 0.5}),
    "muli": ("Qinghai", (99.2, 38.1), 25, 0.05, {"coal": 1.0}),
    "xining": ("Qinghai", (101.7, 36.6), 35, 0.20, {"construction sand": 0.7, "limestone": 0.3}),
    "qh_other": ("Qinghai", None, 0, 0.16, {"construction sand": 0.6, "gold": 0.2, "copper": 0.2}),
    "jingtai": ("Gansu", (104.1, 37.2), 25, 0.16, {"coal": 0.3, "construction sand": 0.5, "limestone": 0.2}),
    "baiyin": ("Gansu", (104.2, 36.5), 30, 0.10, {"copper": 0.4, "construction sand": 0.4, "gold": 0.2}),
    "jinchang": ("Gansu", (102.2, 38.5), 30, 0.08, {"copper": 0.6, "limestone": 0.4}),
    "jinta": ("Gansu", (98.9, 40.0), 35, 0.10, {"iron": 0.4, "construction sand": 0.6}),
    "jiuquan": ("Gansu", (98.3, 39.8), 45, 0.12, {"iron": 0.6, "limestone": 0.4}),
    "zhangye": ("Gansu", (100.4, 38.9), 40, 0.10, {"construction sand": 0.6, "coal": 0.4}),
    "lanzhou": ("Gansu", (103.8, 36.1), 35, 0.14, {"construction sand": 0.8, "limestone": 0.2}),
    "gs_other": ("Gansu", None, 0, 0.20, {"construction sand": 0.7, "limestone": 0.2, "gold": 0.1}),
    "shapotou": ("Ningxia", (105.2, 37.45), 20, 0.32, {"coal": 0.4, "iron": 0.2, "construction sand": 0.4}),
    "ningdong": ("Ningxia", (106.6, 38.0), 25, 0.30, {"coal": 1.0}),
    "shizuishan": ("Ningxia", (106.4, 39.0), 20, 0.20, {"coal": 0.5, "limestone": 0.5}),
    "nx_other": ("Ningxia", None, 0, 0.18, {"construction sand": 0.8, "limestone": 0.2}),
}

# Table 1 type codes and an assumed frequency (stopes are the most common, the paper says).
TYPE_CODES = {
    "10": 0.38, "2A": 0.03, "2B": 0.06, "2C": 0.02, "2D": 0.05, "2E": 0.04, "3B": 0.04, "3C": 0.03,
    "3D": 0.06, "3E": 0.02, "3F": 0.03, "3G": 0.07, "4A": 0.05, "4B": 0.02, "4C": 0.01, "4D": 0.04,
    "4E": 0.005, "5A": 0.02, "GC": 0.015,
}

GEOMETRIC_MEAN_KM2 = 0.024
MULTIPART_SHARE = 0.04


@dataclass(frozen=True)
class SyntheticFootprints:
    """Generated footprints: shapely geometries in NW_ALBERS metres and per-polygon attributes."""

    geometries: np.ndarray
    attributes: dict
    crs: str = NW_ALBERS

    def __len__(self) -> int:
        return len(self.geometries)


def _osr(definition: str):
    from osgeo import osr

    srs = osr.SpatialReference()
    if definition.upper().startswith("EPSG:"):
        srs.ImportFromEPSG(int(definition.split(":")[1]))
    else:
        srs.ImportFromProj4(definition)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _transform(geoms: np.ndarray, src: str, dst: str) -> np.ndarray:
    """Reproject shapely geometries with OSR (one bulk call over all vertices)."""
    from osgeo import osr

    ct = osr.CoordinateTransformation(_osr(src), _osr(dst))

    def fn(coords: np.ndarray) -> np.ndarray:
        if not len(coords):
            return coords
        out = np.asarray(ct.TransformPoints(np.ascontiguousarray(coords[:, :2])))
        return out[:, :2]

    return shapely.transform(geoms, fn)


def lonlat_to_albers(lon, lat) -> np.ndarray:
    """(lon, lat) degrees -> NW_ALBERS metres, as an (n, 2) array."""
    pts = shapely.points(np.column_stack([np.atleast_1d(lon), np.atleast_1d(lat)]))
    return shapely.get_coordinates(_transform(pts, "EPSG:4326", NW_ALBERS))


def load_admin(layer: str = "province", crs: str = NW_ALBERS, path: Path | str = ADMIN_GPKG) -> dict:
    """Read a layer of the NW China admin GeoPackage (province, prefecture or county).

    Returns a dict with ``geometries`` (shapely, reprojected to ``crs``) and one numpy array per
    attribute field (adcode, province, province_zh, prefecture_zh, name_zh).
    """
    from osgeo import gdal, ogr

    gdal.PushErrorHandler("CPLQuietErrorHandler")  # the file's GeoPackage 1.4 version warning
    try:
        ds = ogr.Open(str(path))
    finally:
        gdal.PopErrorHandler()
    if ds is None:
        raise FileNotFoundError(f"cannot open {path}")
    lyr = ds.GetLayerByName(layer)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    wkb, fields = [], {n: [] for n in names}
    for feat in lyr:
        wkb.append(bytes(feat.GetGeometryRef().ExportToIsoWkb()))
        for n in names:
            fields[n].append(feat.GetField(n))
    geoms = shapely.from_wkb(np.array(wkb, dtype=object))
    if crs != "EPSG:4326":
        geoms = _transform(geoms, "EPSG:4326", crs)
    geoms = shapely.make_valid(geoms)
    out = {"geometries": geoms}
    out.update({n: np.array(v, dtype=object) for n, v in fields.items()})
    return out


def _star_shapes(areas: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Irregular polygons of exactly the given areas (m²) centred on the origin.

    Star-shaped around the origin (one vertex per angular sector, radius from a few random
    harmonics plus jitter), then sheared/stretched by a random area-preserving linear map:
    always valid. Returns the polygons and their bounding radius.
    """
    n = len(areas)
    n_vert = np.where(areas < 5e4, 10, np.where(areas < 1e6, 18, np.where(areas < 1e7, 36, 96)))
    geoms = np.empty(n, dtype=object)
    radius = np.empty(n)
    for nv in np.unique(n_vert):
        idx = np.flatnonzero(n_vert == nv)
        m = len(idx)
        k = np.arange(nv)
        theta = (k + rng.uniform(0.15, 0.85, (m, nv))) * (2 * np.pi / nv) + rng.uniform(0, 2 * np.pi, (m, 1))
        r = np.ones((m, nv))
        for h in (2, 3, 5):
            amp = rng.uniform(0.0, 0.25 / h**0.5, (m, 1))
            r += amp * np.cos(h * theta + rng.uniform(0, 2 * np.pi, (m, 1)))
        r *= rng.uniform(0.8, 1.2, (m, nv))
        r = np.clip(r, 0.35, None)
        x, y = r * np.cos(theta), r * np.sin(theta)
        # Random area-preserving stretch (elongated pits, dumps, roads).
        stretch = np.exp(rng.uniform(0.0, 0.9, (m, 1)))
        phi = rng.uniform(0, np.pi, (m, 1))
        c, s = np.cos(phi), np.sin(phi)
        u, v = c * x + s * y, -s * x + c * y
        u, v = u * stretch, v / stretch
        x, y = c * u - s * v, s * u + c * v
        unit_area = 0.5 * np.abs(np.sum(x * np.roll(y, -1, 1) - np.roll(x, -1, 1) * y, axis=1))
        scale = np.sqrt(areas[idx] / unit_area)[:, None]
        x, y = x * scale, y * scale
        coords = np.stack([x, y], -1)
        coords = np.concatenate([coords, coords[:, :1]], 1)
        geoms[idx] = shapely.polygons(coords)
        radius[idx] = np.sqrt(x**2 + y**2).max(1)
    return geoms, radius


def _shapes(areas: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Footprint shapes (some multipart) of the given areas (m²) around the origin."""
    n = len(areas)
    multi = rng.random(n) < MULTIPART_SHARE
    frac = rng.uniform(0.3, 0.7, n)
    part_areas = np.concatenate([areas[~multi], areas[multi] * frac[multi], areas[multi] * (1 - frac[multi])])
    parts, rad = _star_shapes(part_areas, rng)
    n1, n2 = int((~multi).sum()), int(multi.sum())
    geoms = np.empty(n, dtype=object)
    radius = np.empty(n)
    geoms[~multi], radius[~multi] = parts[:n1], rad[:n1]
    if n2:
        a, b = parts[n1 : n1 + n2], parts[n1 + n2 :]
        ra, rb = rad[n1 : n1 + n2], rad[n1 + n2 :]
        gap = (ra + rb) * rng.uniform(0.15, 0.6, n2)
        d = ra + rb + gap  # centre distance: the parts cannot touch
        ang = rng.uniform(0, 2 * np.pi, n2)
        ux, uy = np.cos(ang), np.sin(ang)
        share = rb / (ra + rb)
        a = _translate(a, -ux * d * share, -uy * d * share)
        b = _translate(b, ux * d * (1 - share), uy * d * (1 - share))
        geoms[multi] = shapely.multipolygons(np.column_stack([a, b]))
        radius[multi] = np.maximum(d * share + ra, d * (1 - share) + rb)
    return geoms, radius


def _translate(geoms: np.ndarray, dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
    """Translate each geometry by its own offset (vectorised over all vertices)."""
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    coords = coords + np.column_stack([np.asarray(dx)[index], np.asarray(dy)[index]])
    return shapely.set_coordinates(geoms.copy(), coords)


def _small_areas(counts: dict, totals: dict, rng: np.random.Generator) -> dict:
    """Log-normal areas (km²) per province: Table 2 means, common spread, overall GM 0.024 km².

    Quantiles of the log-normal (not random draws), so the statistics do not wander with the
    seed; capped below 10 km² (the large polygons are listed separately) and rescaled to
    the province total.
    """
    n_all = sum(counts.values())
    mean_log = sum(c * np.log(totals[p] / c) for p, c in counts.items() if c) / max(n_all, 1)
    # at reduced scale the mean area can fall below the target geometric mean: keep a sane spread
    sigma = float(np.sqrt(max(2 * (mean_log - np.log(GEOMETRIC_MEAN_KM2)), 0.25))) if n_all else 1.0
    out = {}
    for p, c in counts.items():
        if c == 0:
            out[p] = np.empty(0)
            continue
        z = ndtri((np.arange(c) + 0.5) / c)
        mu = np.log(totals[p] / c) - sigma**2 / 2
        a = np.minimum(np.exp(mu + sigma * z), 9.9)
        # Rescale to the province total, keeping the 9.9 km² cap (a few iterations).
        for _ in range(20):
            free = a < 9.9
            excess = totals[p] - a[~free].sum()
            a[free] *= excess / a[free].sum()
            a = np.minimum(a, 9.9)
        out[p] = rng.permutation(a)
    return out


def generate_footprints(
    seed: int = 2022, n_polygons: int = PAPER_N_POLYGONS, n_mines: int = PAPER_N_MINES, scale: float = 1.0
) -> SyntheticFootprints:
    """Generate the synthetic footprints.

    Parameters
    ----------
    seed : int
        Seed of ``numpy.random.default_rng``; the output depends on nothing else.
    n_polygons, n_mines : int
        Paper values by default; other values scale the province counts and areas
        proportionally (the 26 large polygons are kept, cycled when more are needed).
    scale : float
        Multiplies both counts (and so the areas), e.g. ``scale=4`` for a 4x denser load.

    Returns
    -------
    SyntheticFootprints
        ``.geometries`` (shapely, NW_ALBERS metres) and ``.attributes``: ``fid`` (1..n),
        ``mine_id``, ``province``, ``county``, ``mineral``, ``type_code``, ``area_km2``.
    """
    rng = np.random.default_rng(seed)
    n_total = max(1, round(n_polygons * scale))
    n_mine_total = max(1, min(n_total, round(n_mines * scale)))
    f = n_total / PAPER_N_POLYGONS
    n_large = min(n_total, round(len(LARGE) * f))
    large = [LARGE[i % len(LARGE)] for i in range(n_large)]

    prov = load_admin("province")
    prov_geom = dict(zip(prov["province"], prov["geometries"], strict=True))
    for g in prov_geom.values():
        shapely.prepare(g)

    # Polygon counts and small-polygon area totals per province.
    counts, totals = {}, {}
    for p, (count, area) in PROVINCES.items():
        big = [row for row in large if row[1] == p]
        counts[p] = max(0, round(count * f) - len(big))
        totals[p] = max(area * f - sum(row[0] for row in big), 1e-3 * max(counts[p], 1))
    drift = n_total - n_large - sum(counts.values())
    counts["Xinjiang"] = max(0, counts["Xinjiang"] + drift)
    small = _small_areas(counts, totals, rng)

    # Mines per province proportional to polygons; every large polygon starts its own mine.
    n_small_total = sum(counts.values())
    mines_left = n_mine_total - n_large
    mine_prov, mine_basin = [], []
    for p in PROVINCES:
        k = round(mines_left * counts[p] / max(n_small_total, 1))
        basins = [b for b, v in BASINS.items() if v[0] == p]
        share = np.array([BASINS[b][3] for b in basins])
        mine_basin += list(rng.choice(basins, size=k, p=share / share.sum()))
        mine_prov += [p] * k
    while len(mine_prov) > mines_left:
        mine_prov.pop()
        mine_basin.pop()
    while len(mine_prov) < mines_left:
        mine_prov.append("Xinjiang")
        mine_basin.append("xj_other")
    mine_prov = [row[1] for row in large] + mine_prov
    mine_basin = [row[2] for row in large] + mine_basin
    mine_prov_arr = np.array(mine_prov, dtype=object)
    n_m = len(mine_prov)

    # Small polygons go to the mines of their province: at least one per ordinary mine
    # (so every mine has a polygon), the rest by heavy-tailed mine "size" weights.
    poly_area_km2, poly_mine = [], []
    for i, row in enumerate(large):
        poly_area_km2.append(row[0])
        poly_mine.append(i)
    for p in PROVINCES:
        mids = np.flatnonzero(mine_prov_arr == p)
        ordinary = mids[mids >= n_large]
        a = small[p]
        if not len(a):
            continue
        if not len(ordinary):
            ordinary = mids if len(mids) else np.array([0])
        first = ordinary[: len(a)]
        rest = len(a) - len(first)
        w = rng.lognormal(0, 1.1, len(mids))
        extra = rng.choice(mids, size=rest, p=w / w.sum()) if rest > 0 else np.empty(0, int)
        poly_mine += list(first) + list(extra)
        poly_area_km2 += list(a)
    poly_area_km2 = np.array(poly_area_km2)
    poly_mine = np.array(poly_mine, dtype=np.int64)
    n = len(poly_area_km2)

    shapes, radius = _shapes(poly_area_km2 * 1e6, rng)

    # Place each mine's polygons around its centre: the largest in the middle, the others on
    # a rotated lattice outside it, one polygon per lattice slot (so they never overlap).
    order = np.lexsort((-poly_area_km2, poly_mine))
    offx, offy = np.zeros(n), np.zeros(n)
    mine_radius = np.zeros(n_m)
    starts = np.searchsorted(poly_mine[order], np.arange(n_m + 1))
    for m in range(n_m):
        members = order[starts[m] : starts[m + 1]]
        if not len(members):
            continue
        r0 = radius[members[0]]
        mine_radius[m] = r0
        if len(members) == 1:
            continue
        others = members[1:]
        rmax = radius[others].max()
        pitch = 2.0 * rmax * rng.uniform(1.15, 1.6) + 30.0
        inner = r0 + rmax + 0.3 * pitch
        need = len(others)
        half = int(np.ceil(np.sqrt(need * 1.3 / np.pi + (inner / pitch) ** 2))) + 2
        gx, gy = np.meshgrid(np.arange(-half, half + 1), np.arange(-half, half + 1))
        px, py = gx.ravel() * pitch, gy.ravel() * pitch
        dist = np.hypot(px, py)
        ok = dist >= inner
        px, py, dist = px[ok], py[ok], dist[ok]
        pick = np.argsort(dist + rng.uniform(0, 0.5 * pitch, len(dist)), kind="stable")[:need]
        rot = rng.uniform(0, 2 * np.pi)
        c, s = np.cos(rot), np.sin(rot)
        offx[others] = c * px[pick] - s * py[pick]
        offy[others] = s * px[pick] + c * py[pick]
        mine_radius[m] = max(r0, float((dist[pick] + radius[others]).max()))

    # Mine centres: around their basin (or anywhere in the province), the whole mine disc
    # inside its province, no two mine discs overlapping.
    basin_xy = {
        b: lonlat_to_albers(*v[1])[0] if v[1] is not None else None for b, v in BASINS.items()
    }
    cx, cy = np.full(n_m, np.nan), np.full(n_m, np.nan)
    todo = np.arange(n_m)
    for attempt in range(200):
        if not len(todo):
            break
        for p in PROVINCES:
            sel = todo[mine_prov_arr[todo] == p]
            if not len(sel):
                continue
            xmin, ymin, xmax, ymax = prov_geom[p].bounds
            for b in sorted({mine_basin[i] for i in sel}):
                sb = sel[np.array([mine_basin[i] == b for i in sel])]
                spread = BASINS[b][2] * 1e3 * (1 + attempt / 20)
                if basin_xy[b] is None or attempt > 150:
                    cx[sb] = rng.uniform(xmin, xmax, len(sb))
                    cy[sb] = rng.uniform(ymin, ymax, len(sb))
                else:
                    cx[sb] = basin_xy[b][0] + rng.normal(0, spread, len(sb))
                    cy[sb] = basin_xy[b][1] + rng.normal(0, spread, len(sb))
        # Inside the province (the whole disc)?
        bad = np.zeros(len(todo), dtype=bool)
        for p in PROVINCES:
            k = mine_prov_arr[todo] == p
            if k.any():
                centres = shapely.points(cx[todo][k], cy[todo][k])
                discs = shapely.buffer(centres, mine_radius[todo][k] * 1.02, quad_segs=4)
                bad[np.flatnonzero(k)] = ~shapely.contains(prov_geom[p], discs)
        placed = np.setdiff1d(np.arange(n_m), todo[bad])
        placed = placed[~np.isnan(cx[placed])]
        # Overlapping discs: the later mine moves.
        tree = cKDTree(np.column_stack([cx[placed], cy[placed]]))
        pairs = tree.query_pairs(2 * mine_radius[placed].max() + 1.0, output_type="ndarray")
        if len(pairs):
            i, j = placed[pairs[:, 0]], placed[pairs[:, 1]]
            d = np.hypot(cx[i] - cx[j], cy[i] - cy[j])
            clash = d < (mine_radius[i] + mine_radius[j]) * 1.02 + 50.0
            movers = np.unique(np.maximum(i[clash], j[clash]))
        else:
            movers = np.empty(0, dtype=np.int64)
        todo = np.union1d(todo[bad], movers).astype(np.int64)
    if len(todo):
        raise RuntimeError(f"could not place {len(todo)} mines without overlaps")

    geoms = _translate(shapes, cx[poly_mine] + offx, cy[poly_mine] + offy)

    # Attributes.
    mine_code = {"Xinjiang": "XJ", "Gansu": "GS", "Qinghai": "QH", "Ningxia": "NX"}
    mine_ids = np.array([f"{mine_code[mine_prov[m]]}-{m + 1:04d}" for m in range(n_m)], dtype=object)
    mineral_of_mine = np.empty(n_m, dtype=object)
    for m in range(n_m):
        if m < n_large:
            mineral_of_mine[m] = large[m][3]
        else:
            mix = BASINS[mine_basin[m]][4]
            mineral_of_mine[m] = rng.choice(list(mix), p=np.array(list(mix.values())) / sum(mix.values()))
    codes = np.array(list(TYPE_CODES))
    probs = np.array(list(TYPE_CODES.values()))
    type_code = rng.choice(codes, size=n, p=probs / probs.sum()).astype(object)
    for i, row in enumerate(large):
        type_code[i] = row[4]

    county = load_admin("county")
    pts = shapely.point_on_surface(geoms)
    # Tree over the points, queried with the (prepared) counties: fast point-in-polygon.
    ci, pi = shapely.STRtree(pts).query(county["geometries"], predicate="contains")
    county_name = np.full(n, "", dtype=object)
    county_name[pi] = county["name_zh"][ci]

    # Output order: shuffled (as real layers are not sorted by mine), fid 1..n.
    perm = rng.permutation(n)
    geoms = geoms[perm]
    attributes = {
        "fid": np.arange(1, n + 1, dtype=np.int64),
        "mine_id": mine_ids[poly_mine[perm]],
        "province": mine_prov_arr[poly_mine[perm]],
        "county": county_name[perm],
        "mineral": mineral_of_mine[poly_mine[perm]],
        "type_code": type_code[perm],
        "area_km2": shapely.area(geoms) / 1e6,
    }
    return SyntheticFootprints(geometries=geoms, attributes=attributes)


def write_gpkg(
    path: str | Path,
    geometries: np.ndarray,
    attributes: dict,
    crs: str = NW_ALBERS,
    layer: str = "footprints",
    to_wgs84: bool = False,
) -> Path:
    """Write polygons and attributes to a GeoPackage layer (MultiPolygon) with osgeo.ogr.

    ``crs`` is the CRS of ``geometries`` (a PROJ string or ``EPSG:n``); with ``to_wgs84``
    they are reprojected to EPSG:4326 first. An existing file is replaced. The ``fid``
    attribute, if present, becomes the feature id.
    """
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    path = Path(path)
    if path.exists():
        path.unlink()
    geoms = np.asarray(geometries, dtype=object)
    if to_wgs84:
        geoms = _transform(geoms, crs, "EPSG:4326")
        crs = "EPSG:4326"
    parts, owner = shapely.get_parts(geoms, return_index=True)
    multi = shapely.multipolygons(parts, indices=owner)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, _osr(crs), ogr.wkbMultiPolygon, options=["FID=fid"])
    kinds = {}
    for name, values in attributes.items():
        if name == "fid":
            continue
        arr = np.asarray(values)
        if arr.dtype.kind in "iub":
            kind = ogr.OFTInteger64
        elif arr.dtype.kind == "f":
            kind = ogr.OFTReal
        else:
            kind = ogr.OFTString
        lyr.CreateField(ogr.FieldDefn(name, kind))
        kinds[name] = (kind, arr)
    defn = lyr.GetLayerDefn()
    wkb = shapely.to_wkb(multi)
    fids = np.asarray(attributes["fid"]) if "fid" in attributes else None
    lyr.StartTransaction()
    for i in range(len(multi)):
        feat = ogr.Feature(defn)
        if fids is not None:
            feat.SetFID(int(fids[i]))
        for name, (kind, arr) in kinds.items():
            v = arr[i]
            if kind == ogr.OFTInteger64:
                feat.SetField(name, int(v))
            elif kind == ogr.OFTReal:
                feat.SetField(name, float(v))
            elif v is not None:
                feat.SetField(name, str(v))
        feat.SetGeometry(ogr.CreateGeometryFromWkb(wkb[i]))
        lyr.CreateFeature(feat)
    lyr.CommitTransaction()
    ds = None
    return path


def summary(fp: SyntheticFootprints) -> str:
    """The paper's statistics computed on the generated footprints (for a quick look)."""
    a = fp.attributes["area_km2"]
    gm = float(np.exp(np.mean(np.log(a))))
    lines = [
        f"polygons {len(a)}, mines {len(np.unique(fp.attributes['mine_id']))}, total {a.sum():.2f} km2",
        f"geometric mean {gm:.4f} km2 (paper 0.024); largest {a.max():.1f} km2 (paper 1555)",
        f"below GM {100 * np.mean(a < 0.024):.1f} % (paper 47.9), below 0.1 km2 {100 * np.mean(a < 0.1):.1f} % "
        f"(81.6), below 0.2 {100 * np.mean(a < 0.2):.1f} % (91), below 1 {100 * np.mean(a < 1):.1f} % (98.2)",
        f"> 10 km2: {int((a > 10).sum())} polygons (26) with {100 * a[a > 10].sum() / a.sum():.1f} % of the area "
        f"(71.8); > 50: {100 * a[a > 50].sum() / a.sum():.1f} % (63.5); "
        f"> 100: {100 * a[a > 100].sum() / a.sum():.1f} % (58.6)",
        f"multipart {int((shapely.get_num_geometries(fp.geometries) > 1).sum())}",
    ]
    for p in PROVINCES:
        k = fp.attributes["province"] == p
        lines.append(
            f"  {p}: {int(k.sum())} polygons, {a[k].sum():.2f} km2 (paper {PROVINCES[p][0]}, {PROVINCES[p][1]})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="output GeoPackage")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply polygon and mine counts")
    parser.add_argument("--wgs84", action="store_true", help="write EPSG:4326 instead of NW_ALBERS")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    fp = generate_footprints(seed=args.seed, scale=args.scale)
    t1 = time.perf_counter()
    write_gpkg(args.out, fp.geometries, fp.attributes, to_wgs84=args.wgs84)
    print(summary(fp))
    print(f"generated in {t1 - t0:.1f} s, written to {args.out} in {time.perf_counter() - t1:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
