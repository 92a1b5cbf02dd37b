"""Benchmark of minemonitor:overlaptabulation (and footprintstatistics) against the QGIS chain and geopandas.

Run once (about 10 minutes with the 2,000,000-polygon layer; ``--sizes 200000`` for the quick run):

    . scripts/env.sh && .venv/bin/python -m benchmarks.bench_overlap [--sizes 200000,2000000] [--write]

Data (deterministic, cached in ``benchmarks/out/``): the paper-scale synthetic footprints
(``tools/synthetic.py``, seed 2022: 12,680 polygons in 4 provinces) and a land-use mosaic
of 200,000 (and 2,000,000) Voronoi polygons in the 7 classes of Table 3
(``tools/synthetic_landuse.py``), both in NW_ALBERS metres. The question is Table 3:
footprint area per (province, land-use class).

Every contender runs in its own subprocess; its peak RSS comes from ``os.wait4``. Times include
reading both GeoPackages (as the issue's reference numbers do), not interpreter/QGIS start-up:

- ``overlaptabulation``: ``processing.run("minemonitor:overlaptabulation")`` in a QGIS app
  (ZONE_FIELD = province, AREA_CRS = the layers' CRS so nobody reprojects), reading through
  QGIS and writing the output table to a GeoPackage;
- ``core``: pyogrio read + ``core.tabulate.overlap_tabulation`` (no QGIS);
- ``QGIS chain``: what a user builds today: native:intersection (keeping province and class),
  native:fieldcalculator ($area), native:statisticsbycategories (sum by province and class);
- ``geopandas``: ``read_file`` + ``geopandas.overlay`` + ``groupby(...).sum()``;
- ``bare shapely``: pyogrio read + ``STRtree.query`` + ``shapely.intersection`` + ``bincount``.

The baselines neither dissolve overlapping footprints nor overlapping class polygons nor report
footprint area outside every class; on this data (non-overlapping footprints, a gap-free mosaic)
they compute the same numbers, which the table checks (largest relative difference of a
(province, class) area against overlaptabulation).
footprintstatistics is timed on the 12,680 footprints (province x county groups, mine ids,
HTML report), with and without QGIS.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks import bench_fishnet  # shared benchmark plumbing
from benchmarks.bench_fishnet import _start_qgis, best_of, build_plugin
from tools import synthetic, synthetic_landuse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"


SIZES = (200_000, 2_000_000)
CONTENDERS = ("overlaptabulation", "core", "chain", "geopandas", "shapely")
LABELS = {
    "overlaptabulation": "overlaptabulation (processing.run, with IO)",
    "core": "core alone (pyogrio read + overlap_tabulation)",
    "chain": "QGIS chain (intersection + fieldcalculator + statisticsbycategories)",
    "geopandas": "geopandas (read_file + overlay + groupby)",
    "shapely": "bare shapely 2 STRtree (pyogrio read)",
}


# --------------------------------------------------------------------------- data
def prepare_data(sizes: list[int]) -> dict:
    """Footprints and land-use GeoPackages, generated once into benchmarks/out/."""
    OUT.mkdir(exist_ok=True)
    foot = OUT / "footprints_2022.gpkg"
    fp = None
    if not foot.exists():
        fp = synthetic.generate_footprints(seed=2022)
        synthetic.write_gpkg(foot, fp.geometries, fp.attributes, layer="footprints")
    data = {"footprints": str(foot)}
    for n in sizes:
        path = OUT / f"landuse_{n}.gpkg"
        if not path.exists():
            if fp is None:
                fp = synthetic.generate_footprints(seed=2022)
            t0 = time.perf_counter()
            geoms, attrs = synthetic_landuse.generate_landuse(fp.geometries, n_polygons=n, seed=7)
            synthetic.write_gpkg(path, geoms, attrs, layer="landuse")
            print(f"land use {n:,}: generated and written in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        data[f"landuse_{n}"] = str(path)
    return data


def read_arrays(path: str, columns: list[str]) -> tuple[np.ndarray, dict]:
    """Shapely geometries and attribute arrays of a GeoPackage's only layer, via pyogrio."""
    import shapely
    from pyogrio.raw import read

    meta, _, wkb, fields = read(path, columns=columns)
    # pyogrio returns the columns in the layer's order, named in meta["fields"]
    return shapely.from_wkb(wkb), {c: np.asarray(f, dtype=object) for c, f in zip(meta["fields"], fields, strict=True)}


def read_both(data: dict, landuse: str) -> tuple:
    """Footprints (with province) and land use (with class) as shapely arrays; and the read time."""
    t0 = time.perf_counter()
    fg, fa = read_arrays(data["footprints"], ["province"])
    lg, la = read_arrays(landuse, ["class"])
    return fg, fa["province"], lg, la["class"], time.perf_counter() - t0


def keyed(zones, classes, areas) -> dict:
    """{"zone|class": km2} with zero rows dropped (the common digest)."""
    out: dict = {}
    for z, c, a in zip(zones, classes, areas, strict=True):
        if a > 0:
            key = f"{z}|{c}"
            out[key] = out.get(key, 0.0) + float(a)
    return out


# --------------------------------------------------------------------------- workers
def work_overlaptabulation(data: dict, landuse: str, plugin_root: str, out_dir: str, repeat: int) -> dict:
    _app, _plugin = _start_qgis(plugin_root)
    import processing
    from qgis.core import QgsVectorLayer

    crs = QgsVectorLayer(data["footprints"], "footprints", "ogr").crs()
    outputs = []

    def run():
        out = os.path.join(out_dir, f"overlap_{len(outputs)}.gpkg")
        res = processing.run("minemonitor:overlaptabulation", {
            "INPUT": data["footprints"], "OVERLAY": landuse, "CLASS_FIELD": "class", "ZONE_FIELD": "province",
            "AREA_CRS": crs, "OUTPUT": out})
        outputs.append(res["OUTPUT"])
        return {}

    out = best_of(run, repeat)
    zones, classes, areas = [], [], []
    for f in QgsVectorLayer(outputs[-1], "t", "ogr").getFeatures():
        zones.append(f["zone"])
        classes.append(f["class"])
        areas.append(f["area_km2"])
    out["table"] = keyed(zones, classes, areas)
    return out


def work_core(data: dict, landuse: str, repeat: int) -> dict:
    from minemonitor_plugin.core.tabulate import overlap_tabulation

    holder = {}

    def run():
        fg, province, lg, klass, read = read_both(data, landuse)
        t1 = time.perf_counter()
        holder["t"] = overlap_tabulation(fg, lg, klass, footprint_zones=province)
        return {"read": read, "compute": time.perf_counter() - t1}

    out = best_of(run, repeat)
    t = holder["t"]
    out["table"] = keyed(t.zones, t.classes, t.area_km2)
    return out


def work_shapely(data: dict, landuse: str, repeat: int) -> dict:
    import shapely

    holder = {}

    def run():
        fg, province, lg, klass, read = read_both(data, landuse)
        t1 = time.perf_counter()
        zones, zcode = np.unique(province.astype(str), return_inverse=True)
        classes, ccode = np.unique(klass.astype(str), return_inverse=True)
        tree = shapely.STRtree(lg)
        fi, li = tree.query(fg, predicate="intersects")
        area = shapely.area(shapely.intersection(fg[fi], lg[li]))
        row = zcode[fi] * len(classes) + ccode[li]
        sums = np.bincount(row, weights=area, minlength=len(zones) * len(classes)) / 1e6
        holder["r"] = (np.repeat(zones, len(classes)), np.tile(classes, len(zones)), sums)
        return {"read": read, "compute": time.perf_counter() - t1}

    out = best_of(run, repeat)
    out["table"] = keyed(*holder["r"])
    return out


def work_geopandas(data: dict, landuse: str, repeat: int) -> dict:
    import geopandas as gpd

    holder = {}

    def run():
        t0 = time.perf_counter()
        fp = gpd.read_file(data["footprints"], columns=["province"])
        lu = gpd.read_file(landuse, columns=["class"])
        t1 = time.perf_counter()
        pieces = gpd.overlay(fp, lu, how="intersection", keep_geom_type=True)
        holder["s"] = pieces.assign(a=pieces.area / 1e6).groupby(["province", "class"])["a"].sum()
        return {"read": t1 - t0, "compute": time.perf_counter() - t1}

    out = best_of(run, repeat)
    s = holder["s"]
    out["table"] = keyed([k[0] for k in s.index], [k[1] for k in s.index], s.to_numpy())
    return out


def work_chain(data: dict, landuse: str, plugin_root: str, out_dir: str, repeat: int) -> dict:
    _app, _plugin = _start_qgis(plugin_root)
    import processing
    from qgis.core import QgsApplication, QgsVectorLayer

    # native (C++) since QGIS 3.26; the Python qgis: implementation before (3.22 has only that one)
    stats_id = next(a for a in ("native:statisticsbycategories", "qgis:statisticsbycategories")
                    if QgsApplication.processingRegistry().algorithmById(a) is not None)
    runs = []
    for i in range(max(1, repeat)):
        steps = {}
        t0 = time.perf_counter()
        inter = processing.run("native:intersection", {
            "INPUT": data["footprints"], "OVERLAY": landuse, "INPUT_FIELDS": ["province"],
            "OVERLAY_FIELDS": ["class"], "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        steps["intersection"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        calc = processing.run("native:fieldcalculator", {
            "INPUT": inter, "FIELD_NAME": "area", "FIELD_TYPE": 0, "FIELD_LENGTH": 20, "FIELD_PRECISION": 6,
            "FORMULA": "$area", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        steps["fieldcalculator"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        out = os.path.join(out_dir, f"chain_{i}.gpkg")
        stats = processing.run(stats_id, {
            "INPUT": calc, "VALUES_FIELD_NAME": "area", "CATEGORIES_FIELD_NAME": ["province", "class"],
            "OUTPUT": out})["OUTPUT"]
        steps["statisticsbycategories"] = time.perf_counter() - t2
        runs.append({"time": time.perf_counter() - t0, "steps": steps, "out": stats})
    best = min(runs, key=lambda r: r["time"])
    zones, classes, areas = [], [], []
    for f in QgsVectorLayer(best["out"], "t", "ogr").getFeatures():
        zones.append(f["province"])
        classes.append(f["class"])
        areas.append(f["sum"] / 1e6)
    best["steps"]["statistics algorithm"] = stats_id
    return {"time": best["time"], "times": [r["time"] for r in runs], "steps": best["steps"],
            "table": keyed(zones, classes, areas)}


def work_stats_alg(data: dict, plugin_root: str, out_dir: str, repeat: int) -> dict:
    _app, _plugin = _start_qgis(plugin_root)
    import processing

    def run():
        processing.run("minemonitor:footprintstatistics", {
            "INPUT": data["footprints"], "GROUP_FIELDS": ["province", "county"], "MINE_ID_FIELD": "mine_id",
            "OUTPUT": os.path.join(out_dir, "stats.gpkg"), "OUTPUT_SIZE_CLASSES": os.path.join(out_dir, "sizes.gpkg"),
            "OUTPUT_HTML": os.path.join(out_dir, "stats.html")})
        return {}

    return best_of(run, repeat)


def work_stats_core(data: dict, repeat: int) -> dict:
    from minemonitor_plugin.core.footprints import (
        attribute_codes,
        footprint_statistics,
        lognormality_test,
        measure_footprints,
        size_classes,
        top_groups,
    )

    geoms, attrs = read_arrays(data["footprints"], ["province", "county", "mine_id"])

    def run():
        # as the algorithm does: the footprint rule (overlaps once, ties by the grouping fields), then statistics
        keys = [attrs["province"], attrs["county"], attrs["mine_id"]]
        m = measure_footprints(geoms, tie_break=attribute_codes(keys, len(geoms)))
        area, perim = m.area_km2, m.perimeter_km
        s = footprint_statistics(area, perim, [attrs["province"][m.index], attrs["county"][m.index]],
                                 ["province", "county"], mine_ids=attrs["mine_id"][m.index])
        size_classes(area)
        lognormality_test(area)
        top_groups(s, 10, "n_polygons", within_levels=1)
        return {"n": len(area)}

    return best_of(run, repeat)


def worker(args: argparse.Namespace) -> None:
    data = json.loads(args.data)
    sys.path.insert(0, args.plugin_root)
    landuse = data.get(f"landuse_{args.size}", "")
    name, repeat = args.worker, args.repeat
    if name == "overlaptabulation":
        out = work_overlaptabulation(data, landuse, args.plugin_root, args.out_dir, repeat)
    elif name == "core":
        out = work_core(data, landuse, repeat)
    elif name == "shapely":
        out = work_shapely(data, landuse, repeat)
    elif name == "geopandas":
        out = work_geopandas(data, landuse, repeat)
    elif name == "chain":
        out = work_chain(data, landuse, args.plugin_root, args.out_dir, repeat)
    elif name == "stats_alg":
        out = work_stats_alg(data, args.plugin_root, args.out_dir, repeat)
    elif name == "stats_core":
        out = work_stats_core(data, repeat)
    else:
        raise SystemExit(f"unknown worker {name}")
    bench_fishnet.emit_result(out)


# --------------------------------------------------------------------------- driver
def run_worker(name: str, size: int, data: dict, plugin_root: str, out_dir: str, repeat: int) -> dict:
    """One contender in a subprocess (bench_fishnet's runner, pointed at this script)."""
    return bench_fishnet.run_worker(name, size, data, plugin_root, out_dir, repeat, module="benchmarks.bench_overlap")


def max_rel_diff(table: dict, ref: dict) -> float:
    keys = set(table) | set(ref)
    return max(abs(table.get(k, 0.0) - ref.get(k, 0.0)) / max(abs(ref.get(k, 0.0)), 1e-12) for k in keys)


def report(results: dict, sizes: list[int], contenders: list[str], stats: dict) -> str:
    import platform

    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores shared with other jobs; Python "
        f"{platform.python_version()}. Data: 12,680 synthetic footprints (seed 2022, 4 provinces) x synthetic "
        "land-use mosaic (7 classes), NW_ALBERS metres; times include reading both GeoPackages, best of runs.",
        "",
        "| land-use polygons | contender | time (s) | of which reading (s) | peak RSS (MB) | rows "
        "| max rel. diff vs overlaptabulation |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        ref = results.get((size, "overlaptabulation"), {}).get("table")
        for name in contenders:
            r = results.get((size, name))
            if r is None:
                continue
            read = r.get("read")
            diff = f"{max_rel_diff(r['table'], ref):.1e}" if ref is not None and name != "overlaptabulation" else "-"
            lines.append(f"| {size:,} | {LABELS[name]} | {r['time']:.2f} | {'' if read is None else f'{read:.2f}'} | "
                         f"{r['peak_mb']:.0f} | {len(r['table'])} | {diff} |")
    lines += ["", "| land-use polygons | QGIS chain / overlaptabulation (target >= 3) | geopandas / overlaptabulation "
              "(target >= 1) | geopandas / core | overlaptabulation peak RSS (target < 2048 MB) |",
              "|---:|---:|---:|---:|---:|"]
    def ratio(size, a, b):
        ra, rb = results.get((size, a)), results.get((size, b))
        return f"{ra['time'] / rb['time']:.2f}" if ra and rb else "n/a"

    for size in sizes:
        ot = results.get((size, "overlaptabulation"))
        if ot is None:
            lines.append(f"| {size:,} | n/a | n/a | n/a | n/a |")
            continue
        lines.append(f"| {size:,} | {ratio(size, 'chain', 'overlaptabulation')} | "
                     f"{ratio(size, 'geopandas', 'overlaptabulation')} | {ratio(size, 'geopandas', 'core')} | "
                     f"{ot['peak_mb']:.0f} |")
    steps = [(s, results[(s, "chain")]["steps"]) for s in sizes if (s, "chain") in results]
    if steps:
        lines += ["", "QGIS chain steps (s): " + "; ".join(
            f"{s:,}: " + ", ".join(f"{k} {v:.1f}" if isinstance(v, float) else f"{k} = {v}" for k, v in st.items())
            for s, st in steps)]
    if stats:
        lines += ["",
                  "| footprintstatistics on 12,680 footprints (province x county, mine ids) | time (s) "
                  "| peak RSS (MB) |",
                  "|---|---:|---:|"]
        if "stats_alg" in stats:
            lines.append(f"| processing.run with IO and HTML report (3 charts + top-N) "
                         f"| {stats['stats_alg']['time']:.2f} | {stats['stats_alg']['peak_mb']:.0f} |")
        if "stats_core" in stats:
            lines.append(f"| core compute only (measures, statistics, size classes, test, top-N) | "
                         f"{stats['stats_core']['time']:.3f} | {stats['stats_core']['peak_mb']:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="overlap tabulation benchmark")
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES), help="land-use polygon counts")
    parser.add_argument("--only", default=",".join(CONTENDERS), help="comma-separated contenders")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender; the fastest counts")
    parser.add_argument("--chain-max", type=int, default=200_000,
                        help="run the QGIS chain only up to this many land-use polygons (it is slow)")
    parser.add_argument("--write", action="store_true", help="write the table to docs/benchmarks/overlap.md")
    bench_fishnet.add_worker_arguments(parser, size_type=int)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    contenders = [c for c in CONTENDERS if c in args.only.split(",")]
    data = prepare_data(sizes)
    results: dict = {}
    stats: dict = {}
    with tempfile.TemporaryDirectory(prefix="mm_bench_overlap_") as tmp_name:
        tmp = Path(tmp_name)
        plugin_root = build_plugin(tmp, args.source)
        for size in sizes:
            for name in contenders:
                if name == "chain" and size > args.chain_max:
                    continue
                repeat = 1 if size > 200_000 else args.repeat
                print(f"  {size:>9,} {name} ...", file=sys.stderr, flush=True)
                results[(size, name)] = r = run_worker(name, size, data, plugin_root, str(tmp), repeat)
                print(f"            {r['time']:.2f} s, {r['peak_mb']:.0f} MB", file=sys.stderr, flush=True)
        for name in ("stats_alg", "stats_core"):
            stats[name] = run_worker(name, 0, data, plugin_root, str(tmp), args.repeat)
    text = report(results, sizes, contenders, stats)
    print(text)
    if args.write:
        doc = ROOT / "docs" / "benchmarks" / "overlap.md"
        doc.parent.mkdir(parents=True, exist_ok=True)
        doc.write_text("# Overlap tabulation and footprint statistics benchmark\n\n"
                       "Measured with `benchmarks/bench_overlap.py` (see its docstring for the contenders).\n\n"
                       + text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
