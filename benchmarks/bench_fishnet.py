"""Benchmark of minemonitor:fishnetdensity against the QGIS chain, geopandas and bare shapely 2.

Run once (about 8 minutes, most of it the QGIS chain at 2 km; ``--quick`` skips that):

    . scripts/env.sh && .venv/bin/python -m benchmarks.bench_fishnet [--quick] [--sizes 100000,10000,2000]

Data: the deterministic paper-scale synthetic footprints (tools/synthetic.py, seed 2022:
12,680 polygons, 3,253 mines, 4,581 km²) and the real NW China provinces as study area, both
in NW_ALBERS metres, written to GeoPackages once. Every contender runs in its own subprocess;
its peak RSS comes from ``os.wait4``. Times cover the computation only (not interpreter or
QGIS start-up; data already in memory for the non-QGIS contenders):

- ``fishnetdensity``: ``processing.run("minemonitor:fishnetdensity")`` in a QGIS app started by
  the worker, reading both layers and writing the clipped output GeoPackage;
- ``core (clip)``: ``core.grid.fishnet_density`` alone (no layer IO), cells clipped to the
  study area, the plugin's default;
- ``core (no clip)``: the same with ``clip=False``, i.e. exactly the numbers the baselines give;
- ``QGIS chain``: what a user builds today: native:creategrid over the (aligned) study-area
  extent, native:calculatevectoroverlaps (area), native:joinbylocationsummary (count and
  unique mine ids), written to a GeoPackage. It keeps every cell of the extent and does not
  clip them;
- ``geopandas``: grid cells meeting the study area, ``geopandas.overlay`` with the footprints,
  groupby sums/counts/unique mines;
- ``bare shapely``: grid cells meeting the study area, ``STRtree.query`` of footprints,
  ``shapely.intersection`` areas, ``numpy.bincount``/``unique`` (unclipped cells).

All contenders print a result digest (cells, cells with mining, total km², max density) so the
table shows that they computed the same thing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from tools import synthetic

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


SIZES = (100_000.0, 10_000.0, 2_000.0)
CONTENDERS = ("fishnetdensity", "core_clip", "core_noclip", "chain", "geopandas", "shapely")
LABELS = {
    "fishnetdensity": "fishnetdensity (processing.run, with IO)",
    "core_clip": "core alone, clipped cells",
    "core_noclip": "core alone, unclipped cells",
    "chain": "QGIS chain (creategrid + calculatevectoroverlaps + joinbylocationsummary)",
    "geopandas": "geopandas overlay",
    "shapely": "bare shapely 2 STRtree",
}


# --------------------------------------------------------------------------- data


def prepare_data(workdir: Path) -> dict:
    """Write the synthetic footprints and the provinces (NW_ALBERS) to GeoPackages."""
    fp = synthetic.generate_footprints(seed=2022)
    foot = workdir / "footprints.gpkg"
    synthetic.write_gpkg(foot, fp.geometries, fp.attributes, layer="footprints")
    prov = synthetic.load_admin("province")
    study = workdir / "provinces.gpkg"
    synthetic.write_gpkg(
        study,
        prov["geometries"],
        {"fid": np.arange(1, 5), "province": prov["province"]},
        layer="provinces",
    )
    return {"footprints": str(foot), "study": str(study), "n": len(fp)}


def read_layer(path: str, fields: tuple[str, ...] = ()) -> tuple[np.ndarray, dict]:
    """Geometries (shapely) and fields of the only layer of a GeoPackage, via osgeo.ogr."""
    import shapely
    from osgeo import ogr

    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    wkb, values = [], {f: [] for f in fields}
    for feat in lyr:
        wkb.append(bytes(feat.GetGeometryRef().ExportToIsoWkb()))
        for f in fields:
            values[f].append(feat.GetField(f))
    return shapely.from_wkb(np.array(wkb, dtype=object)), {f: np.array(v, dtype=object) for f, v in values.items()}


def digest(n_cells, mining_km2, cell_km2, n_polygons) -> dict:
    mining_km2 = np.asarray(mining_km2, dtype=float)
    cell_km2 = np.asarray(cell_km2, dtype=float)
    density = 100 * mining_km2 / cell_km2
    return {
        "cells": int(n_cells),
        "with_mining": int(np.count_nonzero(mining_km2 > 0)),
        "total_km2": float(mining_km2.sum()),
        "max_density": float(density.max()),
        "pairs": int(np.asarray(n_polygons).sum()),
    }


# --------------------------------------------------------------------------- workers


def _grid_cells_in_study(study, size):
    """All cell squares of the aligned grid that meet the study area (shared by the baselines)."""
    import shapely

    from minemonitor_plugin.core.grid import grid_shape

    n_rows, n_cols, x0, y1 = grid_shape(study.bounds, size)
    rows, cols = np.divmod(np.arange(n_rows * n_cols), n_cols)
    cells = shapely.box(x0 + cols * size, y1 - (rows + 1) * size, x0 + (cols + 1) * size, y1 - rows * size)
    tree = shapely.STRtree(cells)
    inside = np.sort(tree.query(study, predicate="intersects"))
    return cells[inside]


def best_of(run, repeat: int) -> dict:
    """Run ``run()`` ``repeat`` times; the fastest time (the machine is shared) and its digest."""
    times = []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - t0)
    return {"time": min(times), "times": times, **out}


def work_core(data: dict, size: float, clip: bool, repeat: int) -> dict:
    import shapely

    from minemonitor_plugin.core.grid import fishnet_density

    geoms, attrs = read_layer(data["footprints"], ("mine_id",))
    prov, _ = read_layer(data["study"])
    study = shapely.union_all(prov)

    def run():
        r = fishnet_density(geoms, cell_size=size, study_area=study, clip=clip, mine_ids=attrs["mine_id"])
        return digest(len(r.cell_id), r.mining_km2, r.cell_km2, r.n_polygons)

    return best_of(run, repeat)


def work_shapely(data: dict, size: float, repeat: int) -> dict:
    import shapely

    geoms, attrs = read_layer(data["footprints"], ("mine_id",))
    prov, _ = read_layer(data["study"])
    study = shapely.union_all(prov)
    _, mine_code = np.unique(attrs["mine_id"].astype(str), return_inverse=True)
    return best_of(lambda: _bare_shapely(geoms, mine_code, study, size), repeat)


def _bare_shapely(geoms, mine_code, study, size) -> dict:
    import shapely

    cells = _grid_cells_in_study(study, size)
    tree = shapely.STRtree(cells)
    fp_idx, cell_idx = tree.query(geoms, predicate="intersects")
    area = shapely.area(shapely.intersection(geoms[fp_idx], cells[cell_idx]))
    pos = area > 0
    n = len(cells)
    mining = np.bincount(cell_idx, weights=area, minlength=n) / 1e6
    n_polygons = np.bincount(cell_idx[pos], minlength=n)
    n_codes = int(mine_code.max()) + 1
    pairs = np.unique(cell_idx[pos] * n_codes + mine_code[fp_idx[pos]])
    n_mines = np.bincount(pairs // n_codes, minlength=n)
    cell_km2 = shapely.area(cells) / 1e6
    assert n_mines.sum() > 0
    return digest(n, mining, cell_km2, n_polygons)


def work_geopandas(data: dict, size: float, repeat: int) -> dict:
    import geopandas as gpd
    import shapely

    geoms, attrs = read_layer(data["footprints"], ("mine_id",))
    prov, _ = read_layer(data["study"])
    study = shapely.union_all(prov)
    fp = gpd.GeoDataFrame({"mine_id": attrs["mine_id"].astype(str)}, geometry=geoms, crs=synthetic.NW_ALBERS)
    return best_of(lambda: _geopandas(fp, study, size), repeat)


def _geopandas(fp, study, size) -> dict:
    import geopandas as gpd

    cells = _grid_cells_in_study(study, size)
    grid = gpd.GeoDataFrame({"cell": np.arange(len(cells))}, geometry=cells, crs=synthetic.NW_ALBERS)
    pieces = gpd.overlay(fp, grid, how="intersection", keep_geom_type=True)
    pieces["area"] = pieces.geometry.area
    pieces = pieces[pieces["area"] > 0]
    stats = pieces.groupby("cell").agg(mining=("area", "sum"), n_polygons=("area", "size"),
                                       n_mines=("mine_id", "nunique"))
    stats = stats.reindex(grid["cell"], fill_value=0)
    cell_km2 = grid.geometry.area.to_numpy() / 1e6
    return digest(len(grid), stats["mining"].to_numpy() / 1e6, cell_km2, stats["n_polygons"])


def _start_qgis(plugin_root: str):
    from tools.qgis_headless import start_qgis

    return start_qgis(plugin_root)


def _read_output(path: str, fields: tuple[str, ...]) -> dict:
    from osgeo import ogr

    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    values: dict = {f: [] for f in fields}
    for feat in lyr:
        for f in fields:
            values[f].append(feat.GetField(f))
    return {f: np.array(v, dtype=float) for f, v in values.items()}


def work_fishnetdensity(data: dict, size: float, plugin_root: str, out_dir: str, repeat: int) -> dict:
    _app, _plugin = _start_qgis(plugin_root)
    import processing
    from qgis.core import QgsVectorLayer

    crs = QgsVectorLayer(data["footprints"], "footprints", "ogr").crs()
    outputs = []

    def run():
        out = os.path.join(out_dir, f"fishnetdensity_{int(size)}_{len(outputs)}.gpkg")
        res = processing.run(
            "minemonitor:fishnetdensity",
            {
                "INPUT": data["footprints"],
                "STUDY_AREA": data["study"],
                "CELL_SIZE": size,
                "GRID_CRS": crs,
                "MINE_ID_FIELD": "mine_id",
                "OUTPUT": out,
            },
        )
        outputs.append(res["OUTPUT"])
        return {}

    out = best_of(run, repeat)
    cols = _read_output(outputs[-1], ("mining_km2", "cell_km2", "n_polygons"))
    out.update(digest(len(cols["mining_km2"]), cols["mining_km2"], cols["cell_km2"], cols["n_polygons"]))
    return out


def work_chain(data: dict, size: float, plugin_root: str, out_dir: str, repeat: int) -> dict:
    _app, _plugin = _start_qgis(plugin_root)
    from qgis.core import QgsRectangle, QgsVectorLayer

    from minemonitor_plugin.core.grid import grid_shape

    study = QgsVectorLayer(data["study"], "provinces", "ogr")
    crs = study.crs()
    e = study.extent()
    n_rows, n_cols, x0, y1 = grid_shape((e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()), size)
    extent = QgsRectangle(x0, y1 - n_rows * size, x0 + n_cols * size, y1)
    runs = [_chain_once(data, size, extent, crs, os.path.join(out_dir, f"chain_{int(size)}_{i}.gpkg"))
            for i in range(max(1, repeat))]
    best = min(runs, key=lambda r: r["time"])
    best["times"] = [r["time"] for r in runs]
    return best


def _chain_once(data: dict, size: float, extent, crs, out: str) -> dict:
    import processing
    from qgis.core import QgsVectorLayer

    steps = {}
    t0 = time.perf_counter()
    grid = processing.run("native:creategrid", {
        "TYPE": 2, "EXTENT": extent, "HSPACING": size, "VSPACING": size, "HOVERLAY": 0, "VOVERLAY": 0,
        "CRS": crs, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    steps["creategrid"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    over = processing.run("native:calculatevectoroverlaps", {
        "INPUT": grid, "LAYERS": [data["footprints"]], "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    steps["calculatevectoroverlaps"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    # native: since QGIS 3.28 (C++); qgis: the older Python implementation (3.22 has only that one).
    from qgis.core import QgsApplication

    join_id = next(a for a in ("native:joinbylocationsummary", "qgis:joinbylocationsummary")
                   if QgsApplication.processingRegistry().algorithmById(a) is not None)
    steps["join_algorithm"] = join_id
    joined = processing.run(join_id, {
        "INPUT": over, "PREDICATE": [0], "JOIN": data["footprints"], "JOIN_FIELDS": ["mine_id"],
        "SUMMARIES": [0, 1], "DISCARD_NONMATCHING": False, "OUTPUT": out})["OUTPUT"]
    steps["joinbylocationsummary"] = time.perf_counter() - t2
    t = time.perf_counter() - t0
    lyr = QgsVectorLayer(joined, "chain", "ogr")
    area_field = next(f.name() for f in lyr.fields() if f.name().endswith("_area"))
    count_field = next(f.name() for f in lyr.fields() if f.name().endswith("_count"))
    cols = _read_output(joined, (area_field, count_field))
    n = len(cols[area_field])
    mining = np.nan_to_num(cols[area_field]) / 1e6
    return {"time": t, "steps": steps,
            **digest(n, mining, np.full(n, size * size / 1e6), np.nan_to_num(cols[count_field]))}


def worker(args: argparse.Namespace) -> None:
    data = json.loads(args.data)
    sys.path.insert(0, args.plugin_root)  # the assembled plugin (its core is pure Python)
    name, size, repeat = args.worker, args.size, args.repeat
    if name == "core_clip":
        out = work_core(data, size, True, repeat)
    elif name == "core_noclip":
        out = work_core(data, size, False, repeat)
    elif name == "shapely":
        out = work_shapely(data, size, repeat)
    elif name == "geopandas":
        out = work_geopandas(data, size, repeat)
    elif name == "fishnetdensity":
        out = work_fishnetdensity(data, size, args.plugin_root, args.out_dir, repeat)
    elif name == "chain":
        out = work_chain(data, size, args.plugin_root, args.out_dir, repeat)
    else:
        raise SystemExit(f"unknown worker {name}")
    emit_result(out)


# --------------------------------------------------------------------------- driver


def run_worker(name: str, size: float, data: dict, plugin_root: str, out_dir: str, repeat: int,
               module: str = "benchmarks.bench_fishnet") -> dict:
    """Run one contender (``python -m module --worker name``) in a subprocess: its result and its own peak RSS.

    Shared by the benchmark scripts whose workers take the same arguments (bench_overlap)."""
    cmd = [sys.executable, "-m", module, "--worker", name, "--size", str(size), "--data", json.dumps(data),
           "--plugin-root", plugin_root, "--out-dir", out_dir, "--repeat", str(repeat)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    # the child's peak RSS is its VmHWM (emit_result); os.wait4's ru_maxrss is the fallback, but Linux
    # carries it over exec() from this parent, so a parent holding a large data set inflates it
    stdout_chunks: list[str] = []
    stderr_chunks: list[str] = []

    def drain(stream, sink):
        for line in stream:
            sink.append(line)

    threads = [threading.Thread(target=drain, args=(proc.stdout, stdout_chunks)),
               threading.Thread(target=drain, args=(proc.stderr, stderr_chunks))]
    for th in threads:
        th.start()
    _, status, usage = os.wait4(proc.pid, 0)
    for th in threads:
        th.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = [ln for ln in stdout_chunks if ln.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        sys.stderr.write("".join(stderr_chunks[-40:]))
        raise RuntimeError(f"worker {name} at {size} m failed (exit {proc.returncode})")
    out = json.loads(lines[-1][len("RESULT "):])
    out["peak_mb"] = out.pop("vmhwm_mb", None) or usage.ru_maxrss / 1024
    return out


def peak_rss_mb() -> float | None:
    """This process's own peak resident set (VmHWM), in MB; None where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def emit_result(out: dict) -> None:
    """A worker's result line for :func:`run_worker`, with the worker's own peak RSS."""
    print("RESULT " + json.dumps({**out, "vmhwm_mb": peak_rss_mb()}), flush=True)


def add_worker_arguments(parser, size_type=float) -> None:
    """``--source`` and the hidden arguments with which :func:`run_worker` starts a contender in a
    subprocess (shared by the benchmarks that use this runner)."""
    parser.add_argument("--source", choices=("worktree", "head"), default="worktree",
                        help="benchmark the plugin as in the working tree (default) or as last committed")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=size_type, default=size_type(0), help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--plugin-root", help=argparse.SUPPRESS)
    parser.add_argument("--out-dir", help=argparse.SUPPRESS)


def build_plugin(tmp: Path, source: str) -> str:
    """Assemble the plugin into ``tmp`` from the working tree or from the committed HEAD.

    ``head`` exports the last commit with ``git archive`` (git state untouched), for when
    work in progress elsewhere in the tree keeps the provider from loading.
    """
    build = tmp / "plugin"
    src = ROOT
    if source == "head":
        src = tmp / "head"
        src.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive.stdout, check=True)
    subprocess.run(["make", "-s", "-C", str(src), "build", f"BUILD_DIR={build}"], check=True)
    return str(build)


def fmt_km(size: float) -> str:
    return f"{size / 1000:g} km"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="fishnet density benchmark")
    parser.add_argument("--quick", action="store_true", help="skip the QGIS chain at cell sizes below 10 km")
    parser.add_argument("--sizes", default=",".join(str(int(s)) for s in SIZES), help="cell sizes in metres")
    parser.add_argument("--only", default=",".join(CONTENDERS), help="comma-separated contenders")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender; the fastest counts")
    add_worker_arguments(parser)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0

    sizes = [float(s) for s in args.sizes.split(",")]
    contenders = [c for c in CONTENDERS if c in args.only.split(",")]
    with tempfile.TemporaryDirectory(prefix="mm_bench_fishnet_") as tmp_name:
        tmp = Path(tmp_name)
        plugin_root = build_plugin(tmp, args.source)
        t0 = time.perf_counter()
        data = prepare_data(tmp)
        print(f"data: {data['n']} synthetic footprints + 4 provinces, written in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
        results: dict = {}
        skipped = []
        for size in sizes:
            for name in contenders:
                if name == "chain" and args.quick and size < 10_000:
                    skipped.append(size)
                    continue
                print(f"  {fmt_km(size):>7} {name} ...", file=sys.stderr, flush=True)
                # The minutes-long chain at 2 km runs once; everything else is best of --repeat.
                repeat = 1 if name == "chain" and size < 10_000 else args.repeat
                results[(size, name)] = run_worker(name, size, data, plugin_root, str(tmp), repeat)
                r = results[(size, name)]
                print(f"          {r['time']:.2f} s, {r['peak_mb']:.0f} MB", file=sys.stderr, flush=True)
        print(report(results, sizes, contenders, skipped))
    return 0


def report(results: dict, sizes: list[float], contenders: list[str], skipped: list[float]) -> str:
    import platform

    lines = [
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; Python "
        f"{platform.python_version()}; data: 12,680 synthetic footprints (seed 2022) over the NW China provinces.",
        "",
        "| cell | contender | time (s) | peak RSS (MB) | cells | cells with mining | total km² | max density % |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        for name in contenders:
            r = results.get((size, name))
            if r is None:
                if name == "chain" and size in skipped:
                    lines.append(f"| {fmt_km(size)} | {LABELS[name]} | skipped (--quick) | | | | | |")
                continue
            lines.append(
                f"| {fmt_km(size)} | {LABELS[name]} | {r['time']:.2f} | {r['peak_mb']:.0f} | {r['cells']:,} | "
                f"{r['with_mining']:,} | {r['total_km2']:.2f} | {r['max_density']:.2f} |"
            )
    lines += ["", "| cell | chain / fishnetdensity (target >= 10) | core clipped / bare shapely (target <= 3) "
              "| core unclipped / bare shapely | fishnetdensity peak RSS (target < 2048 MB) |",
              "|---|---:|---:|---:|---:|"]

    def ratio(size: float, a: str, b: str) -> str:
        ra, rb = results.get((size, a)), results.get((size, b))
        return f"{ra['time'] / rb['time']:.1f}" if ra and rb else "n/a"

    for size in sizes:
        fd = results.get((size, "fishnetdensity"))
        memory = f"{fd['peak_mb']:.0f}" if fd else "n/a"
        lines.append(
            f"| {fmt_km(size)} | {ratio(size, 'chain', 'fishnetdensity')} | {ratio(size, 'core_clip', 'shapely')} | "
            f"{ratio(size, 'core_noclip', 'shapely')} | {memory} |"
        )
    steps = [(size, results[(size, "chain")]["steps"]) for size in sizes if (size, "chain") in results]
    if steps:
        lines += ["", "QGIS chain steps (s): " + "; ".join(
            f"{fmt_km(s)}: " + ", ".join(f"{k} {v:.1f}" if isinstance(v, float) else f"{k} = {v}"
                                 for k, v in st.items()) for s, st in steps)]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
