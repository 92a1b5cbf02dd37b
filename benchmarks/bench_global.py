"""Benchmark of the global-context algorithms (issue #17) against their targets.

    . scripts/env.sh && .venv/bin/python -m benchmarks.bench_global [--repeat 2] [--only import,grid,proximity]

Data (deterministic, cached in ``benchmarks/out/``):

- 120,000 synthetic polygons with the published schemas (``tools/synthetic_global.py``, seed 2023): 48,000
  in a Maus et al. v2 GeoPackage (ISO3_CODE, COUNTRY_NAME, AREA) and 72,000 in a Tang & Werner
  shapefile (OBJECTID, Name; EASE-Grid 2.0 metres), clustered around 10,000 mines in ten mining regions
  of the world, a third of the Tang & Werner polygons re-mapping Maus polygons (overlaps);
- the paper-scale footprints (``tools/synthetic.py``, seed 2022: 12,680 polygons, NW China, WGS 84) and
  100,000 synthetic line features (random walks of 12 vertices, ~11 km long) over the NW China box.

Tasks, each in its own subprocess (peak RSS from ``os.wait4``), times include reading the inputs and
writing the GeoPackage outputs through QGIS, not QGIS start-up:

- ``import``: ``minemonitor:importminingdataset`` on both files, overlaps removed (target: under 60 s);
- ``grid``: ``minemonitor:fishnetdensity`` on the import's output, 5′ global sparse grid
  (``DEGREE_CELL_SIZE=5'``, no empty cells; target: under 30 s);
- ``proximity``: ``minemonitor:proximitybands`` of the 12,680 footprints to the 100,000 lines, bands
  1/5/10 km (target: under 20 s);
- ``*_core``: the same computations on arrays (no QGIS IO), to show where the time goes.
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

from benchmarks.bench_fishnet import (
    _start_qgis,
    add_worker_arguments,
    best_of,
    build_plugin,
    emit_result,
    run_worker,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"


TASKS = ("import", "import_core", "grid", "grid_core", "proximity", "proximity_core")
TARGETS = {"import": 60.0, "grid": 30.0, "proximity": 20.0}
LABELS = {
    "import": "importminingdataset: 120,000 polygons, two schemas, overlaps removed",
    "import_core": "  core alone (merge_footprints on arrays)",
    "grid": "fishnetdensity: 5′ global sparse grid of the imported footprints",
    "grid_core": "  core alone (sparse_density on arrays)",
    "proximity": "proximitybands: 12,680 footprints x 100,000 lines, bands 1/5/10 km",
    "proximity_core": "  core alone (proximity on arrays)",
}


def prepare_data() -> dict:
    from tools import synthetic, synthetic_global

    OUT.mkdir(exist_ok=True)
    folder = OUT / "global_120k"
    maus = folder / synthetic_global.MAUS_FILE
    tang = folder / synthetic_global.TANG_FILE
    if not (maus.exists() and tang.exists()):
        synthetic_global.write_synthetic(folder, 120_000, 2023)
    foot = OUT / "footprints_2022_wgs84.gpkg"
    if not foot.exists():
        fp = synthetic.generate_footprints(seed=2022)
        synthetic.write_gpkg(foot, fp.geometries, fp.attributes, layer="footprints", to_wgs84=True)
    lines = OUT / "lines_100k.gpkg"
    if not lines.exists():
        synthetic_global.write_lines(lines, synthetic_global.generate_lines(100_000, seed=7))
    return {"maus": f"{maus}|layername={synthetic_global.MAUS_LAYER}", "tang": str(tang),
            "footprints": f"{foot}|layername=footprints", "lines": f"{lines}|layername=lines",
            "imported": str(OUT / "global_120k" / "imported.gpkg")}


def _read(path: str, fields=()):
    import shapely
    from osgeo import ogr

    ds = ogr.Open(path.split("|")[0])
    lyr = ds.GetLayerByName(path.split("layername=")[1]) if "layername=" in path else ds.GetLayer(0)
    wkb, values = [], {f: [] for f in fields}
    for feat in lyr:
        wkb.append(bytes(feat.GetGeometryRef().ExportToIsoWkb()))
        for f in fields:
            values[f].append(feat.GetField(f))
    return shapely.from_wkb(np.array(wkb, dtype=object)), values, lyr.GetSpatialRef()


def work(name: str, data: dict, plugin_root: str, out_dir: str, repeat: int) -> dict:
    if name in ("import", "grid", "proximity"):
        qgis = _start_qgis(plugin_root)  # the app and plugin stay referenced while the runs below use them
        import processing
    else:
        qgis = None
    outputs: list = []

    if name == "import":
        def run():
            res = processing.run("minemonitor:importminingdataset", {
                "INPUTS": [data["maus"], data["tang"]], "REMOVE_OVERLAPS": True,
                "OUTPUT": data["imported"] if not outputs else os.path.join(out_dir, f"imp{len(outputs)}.gpkg")})
            outputs.append(res)
            return {"n": res["N_POLYGONS"], "km2": res["TOTAL_KM2"], "overlap_km2": res["OVERLAP_REMOVED_KM2"]}
    elif name == "import_core":
        from minemonitor_plugin.core.mining_datasets import merge_footprints

        maus, _, _ = _read(data["maus"])
        tang, _, srs = _read(data["tang"])
        from osgeo import osr

        wgs = osr.SpatialReference()
        wgs.ImportFromEPSG(4326)
        wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        ct = osr.CoordinateTransformation(srs, wgs)
        import shapely

        tang = shapely.transform(tang, lambda c: np.asarray(ct.TransformPoints(np.ascontiguousarray(c)))[:, :2])
        geoms = np.concatenate([maus, tang])

        def run():
            m = merge_footprints(geoms)
            return {"n": int(m.geometries.size), "km2": float(m.area_km2.sum())}
    elif name == "grid":
        def run():
            res = processing.run("minemonitor:fishnetdensity", {
                "INPUT": data["imported"], "DEGREE_CELL_SIZE": "5'", "KEEP_EMPTY": False,
                "OUTPUT": os.path.join(out_dir, f"grid{len(outputs)}.gpkg")})
            outputs.append(res)
            return {"cells": res["CELL_COUNT"], "km2": res["TOTAL_MINING_KM2"]}
    elif name == "grid_core":
        from minemonitor_plugin.core.sparse_grid import DegreeGrid, parse_degree_cell_size, sparse_density

        geoms, _, _ = _read(data["imported"])

        def run():
            r = sparse_density(geoms, grid=DegreeGrid(parse_degree_cell_size("5'")))
            return {"cells": int(r.cell_id.size), "km2": float(r.mining_km2.sum())}
    elif name == "proximity":
        def run():
            res = processing.run("minemonitor:proximitybands", {
                "INPUT": data["footprints"], "FEATURES": [data["lines"]], "BANDS": "1000,5000,10000",
                "OUTPUT": os.path.join(out_dir, f"prox{len(outputs)}.gpkg")})
            outputs.append(res)
            return {"pct_area_1km": res["PCT_AREA_FIRST_BAND"], "n": res["N_FOOTPRINTS"]}
    elif name == "proximity_core":
        from minemonitor_plugin.core.proximity import proximity

        fps, _, _ = _read(data["footprints"])
        lines, _, _ = _read(data["lines"])

        def run():
            r = proximity(fps, lines, [1000, 5000, 10000], geographic=True)
            return {"pct_area_1km": float(100 * r.within_km2[:, 0].sum() / r.area_km2.sum()), "tiles": r.n_frames}
    else:
        raise SystemExit(f"unknown task {name}")
    result = best_of(run, repeat)
    del qgis
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="global-context benchmark (issue #17)")
    parser.add_argument("--only", default=",".join(TASKS))
    parser.add_argument("--repeat", type=int, default=2, help="runs per task; the fastest counts")
    add_worker_arguments(parser)
    args = parser.parse_args(argv)
    if args.worker:
        sys.path.insert(0, args.plugin_root)
        out = work(args.worker, json.loads(args.data), args.plugin_root, args.out_dir, args.repeat)
        emit_result(out)
        return 0
    tasks = [t for t in TASKS if t in args.only.split(",")]
    needs_import = ("grid" in tasks or "grid_core" in tasks) and "import" not in tasks
    if needs_import and not Path(OUT / "global_120k" / "imported.gpkg").exists():
        tasks.insert(0, "import")
    with tempfile.TemporaryDirectory(prefix="mm_bench_global_") as tmp_name:
        tmp = Path(tmp_name)
        plugin_root = build_plugin(tmp, args.source)
        t0 = time.perf_counter()
        data = prepare_data()
        print(f"data ready in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        results = {}
        for task in tasks:
            print(f"  {task} ...", file=sys.stderr, flush=True)
            results[task] = run_worker(task, 0.0, data, plugin_root, str(tmp), args.repeat,
                                       module="benchmarks.bench_global")
            print(f"      {results[task]['time']:.2f} s, {results[task]['peak_mb']:.0f} MB  {results[task]}",
                  file=sys.stderr, flush=True)
        print(report(results))
    return 0


def report(results: dict) -> str:
    load = os.getloadavg()[0]
    lines = [f"Load average at the end: {load:.1f} (2 cores): compare ratios, not seconds.", "",
             "| task | time | target | target / time | peak memory | result |", "|---|---:|---:|---:|---:|---|"]
    for task, r in results.items():
        target = TARGETS.get(task)
        extra = ", ".join(f"{k} {v:.6g}" if isinstance(v, float) else f"{k} {v}" for k, v in r.items()
                          if k not in ("time", "peak_mb", "times"))
        target_text = f"{target:.0f} s" if target else ""
        ratio_text = f"{target / r['time']:.1f}x" if target else ""
        lines.append(f"| {LABELS[task]} | {r['time']:.2f} s | {target_text} | {ratio_text} | "
                     f"{r['peak_mb']:.0f} MB | {extra} |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
