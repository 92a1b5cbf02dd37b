"""Benchmark of the multi-epoch algorithms: epochdensity against repeated fishnets, emerging hot spots at scale.

    . scripts/env.sh && .venv/bin/python -m benchmarks.bench_epochs [--repeat 3] [--cells 100000] [--perms 999]

1. **One grid for 12 epochs.** 12 quarters of the paper-scale synthetic footprints (12,680 in the
   first quarter, 13,849 in the last: :func:`tools.synthetic_quarters.quarterly_epochs`, unchanged
   outlines carried forward, 1.2 % new, 2.5 % expanded, 0.8 % reduced, 0.5 % disappeared per
   quarter) on 10 km cells clipped to the four provinces, in NW_ALBERS metres:

   - ``epochs core``: ``core.epochs.epoch_density`` on all 12 epochs at once;
   - ``fishnet x 12``: ``core.grid.fishnet_density`` run on each epoch's footprints, one after the
     other (what a user would do with fishnetdensity);
   - ``fishnet once``: ``core.grid.fishnet_density`` on the first epoch alone;
   - ``epochdensity``: ``processing.run("minemonitor:epochdensity")`` reading the layer and writing
     the per-epoch, wide and totals outputs (IO included).

   The issue's target: epochdensity's computation within 2x of 12 x one fishnet core run; the
   table gives it against the 12 real runs and against one.

2. **Emerging hot spots at scale.** ``core.emerging.emerging_hot_spots`` on a 317 x 317 queen lattice
   (100,489 cells) x 12 epochs of gamma noise with planted clusters, 999 conditional permutations
   (and analytical, for comparison). Target: under 2 minutes and 2 GB.

Every contender runs in its own subprocess (``bench_fishnet.run_worker``); peak RSS from ``os.wait4``.
Times are the best of ``--repeat`` runs of the computation (data already in memory, except for the
``epochdensity`` row).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.bench_fishnet import (
    add_worker_arguments,
    best_of,
    build_plugin,
    emit_result,
    read_layer,
    run_worker,
)
from tools import synthetic

CELL_SIZE = 10_000.0
N_QUARTERS = 12
MODULE = "benchmarks.bench_epochs"


def prepare_data(workdir: Path) -> dict:
    """The 12 quarters (layer footprints, field quarter) and the provinces, NW_ALBERS GeoPackages."""
    from tools.synthetic_quarters import write_series

    t0 = time.perf_counter()
    foot = write_series(workdir / "quarters.gpkg", N_QUARTERS, seed=2022)
    prov = synthetic.load_admin("province")
    study = workdir / "provinces.gpkg"
    synthetic.write_gpkg(study, prov["geometries"], {"fid": np.arange(1, 5), "province": prov["province"]},
                         layer="provinces")
    return {"footprints": str(foot), "study": str(study), "seconds": time.perf_counter() - t0}


def _load(data: dict):
    import shapely

    from minemonitor_plugin.core.epochs import order_epochs

    geoms, attrs = read_layer(data["footprints"], ("quarter", "mine_id"))
    order = order_epochs(list(attrs["quarter"]))
    study_geoms, _ = read_layer(data["study"])
    return geoms, np.asarray(order.index), attrs["mine_id"], shapely.union_all(study_geoms), len(order.epochs)


def work_epochs_core(data: dict, repeat: int) -> dict:
    from minemonitor_plugin.core.epochs import epoch_density

    geoms, codes, mines, study, n_epochs = _load(data)

    def run():
        r = epoch_density(geoms, codes, n_epochs, cell_size=CELL_SIZE, study_area=study, mine_ids=mines)
        return {"cells": len(r.cell_id), "total_km2": r.grid_km2.tolist(), "footprints": int(r.n_footprints.sum()),
                "unique": r.n_unique}

    return best_of(run, repeat)


def work_fishnet(data: dict, repeat: int, epochs: str) -> dict:
    from minemonitor_plugin.core.grid import fishnet_density

    geoms, codes, mines, study, n_epochs = _load(data)
    chosen = range(n_epochs) if epochs == "all" else [0]

    def run():
        totals = []
        cells = 0
        for e in chosen:
            sel = codes == e
            r = fishnet_density(geoms[sel], cell_size=CELL_SIZE, study_area=study, mine_ids=mines[sel])
            totals.append(float(r.mining_km2.sum()))
            cells = len(r.cell_id)
        return {"cells": cells, "total_km2": totals}

    return best_of(run, repeat)


def work_epochdensity(data: dict, plugin_root: str, out_dir: str, repeat: int) -> dict:
    from benchmarks.bench_fishnet import _start_qgis

    _app, _plugin = _start_qgis(plugin_root)  # kept alive while processing runs
    import processing
    from qgis.core import QgsVectorLayer

    crs = QgsVectorLayer(data["footprints"], "footprints", "ogr").crs()

    def run():
        out = Path(out_dir) / f"long_{time.perf_counter_ns()}.gpkg"
        res = processing.run("minemonitor:epochdensity", {
            "INPUT": f"{data['footprints']}|layername=footprints", "EPOCH_FIELD": "quarter",
            "STUDY_AREA": f"{data['study']}|layername=provinces", "CELL_SIZE": CELL_SIZE,
            "GRID_CRS": crs, "MINE_ID_FIELD": "mine_id", "OUTPUT": str(out),
            "OUTPUT_WIDE": str(out.with_name(out.stem + "_wide.gpkg")),
            "OUTPUT_TOTALS": str(out.with_name(out.stem + "_totals.gpkg"))})
        return {"cells": int(res["CELL_COUNT"]), "epochs": int(res["EPOCH_COUNT"])}

    return best_of(run, repeat)


def work_emerging(data: dict, repeat: int) -> dict:
    from minemonitor_plugin.core.emerging import CATEGORIES, emerging_hot_spots
    from minemonitor_plugin.core.weights import lattice_weights

    side = int(np.ceil(np.sqrt(data["cells"])))
    r, c = np.divmod(np.arange(side * side), side)
    w = lattice_weights(r, c, "queen")
    rng = np.random.default_rng(2022)
    x = rng.gamma(0.3, 1.0, (side * side, N_QUARTERS))
    t = np.arange(N_QUARTERS)
    for k, trend in enumerate((0.5 * t, 6.0 - 0.4 * t, np.where(t == N_QUARTERS - 1, 6.0, 0.0))):
        block = (r // 20 == 3 + 4 * k) & (c // 20 == 5)
        x[block] += 2.0 + trend

    def run():
        res = emerging_hot_spots(x, w, time_steps=1, permutations=data["perms"], seed=12345, fdr=True)
        codes, counts = np.unique(res.category, return_counts=True)
        return {"cells": side * side, "bins": res.n_bins,
                "categories": {CATEGORIES[int(k)]: int(v) for k, v in zip(codes, counts, strict=True)}}

    return best_of(run, repeat)


def worker(args: argparse.Namespace) -> None:
    data = json.loads(args.data)
    sys.path.insert(0, args.plugin_root)  # the assembled plugin (its core is pure Python)
    name, repeat = args.worker, args.repeat
    if name == "epochs_core":
        out = work_epochs_core(data, repeat)
    elif name == "fishnet_all":
        out = work_fishnet(data, repeat, "all")
    elif name == "fishnet_one":
        out = work_fishnet(data, repeat, "one")
    elif name == "epochdensity":
        out = work_epochdensity(data, args.plugin_root, args.out_dir, repeat)
    elif name == "emerging":
        out = work_emerging(data, repeat)
    else:
        raise SystemExit(f"unknown worker {name}")
    emit_result(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="multi-epoch benchmark")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender; the fastest counts")
    parser.add_argument("--cells", type=int, default=100_000, help="cells of the emerging hot spot lattice")
    parser.add_argument("--perms", type=int, default=999, help="permutations of the emerging hot spot run")
    add_worker_arguments(parser)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0

    with tempfile.TemporaryDirectory(prefix="mm_bench_epochs_") as tmp_name:
        tmp = Path(tmp_name)
        plugin_root = build_plugin(tmp, args.source)
        data = prepare_data(tmp)
        print(f"data: 12 quarters written in {data['seconds']:.1f} s", file=sys.stderr)
        results = {}
        for name in ("fishnet_one", "fishnet_all", "epochs_core", "epochdensity"):
            results[name] = run_worker(name, CELL_SIZE, data, plugin_root, str(tmp), args.repeat, module=MODULE)
            print(f"{name}: {results[name]['time']:.2f} s, {results[name]['peak_mb']:.0f} MB", file=sys.stderr)
        one, each, core = results["fishnet_one"], results["fishnet_all"], results["epochs_core"]
        assert np.allclose(core["total_km2"], each["total_km2"], rtol=1e-9), "epochs differ from the fishnets"
        emerging = {}
        for perms in (0, args.perms):
            spec = {"cells": args.cells, "perms": perms}
            emerging[perms] = run_worker("emerging", 0.0, spec, plugin_root, str(tmp), 1 if perms else args.repeat,
                                         module=MODULE)
            print(f"emerging {perms} permutations: {emerging[perms]['time']:.1f} s, "
                  f"{emerging[perms]['peak_mb']:.0f} MB", file=sys.stderr)

    footprints = core["footprints"]
    print(f"\n### One grid for {N_QUARTERS} epochs ({footprints:,} footprints, {core['unique']:,} distinct outlines; "
          f"10 km cells, {core['cells']:,} cells)\n")
    print("| approach | time | x fishnet once | x 12 fishnets | peak memory |")
    print("|---|---:|---:|---:|---:|")
    for name, label in (("fishnet_one", "fishnet_density core, first epoch only"),
                        ("fishnet_all", "fishnet_density core x 12 epochs"),
                        ("epochs_core", "epoch_density core, 12 epochs"),
                        ("epochdensity", "epochdensity (processing.run, with IO)")):
        r = results[name]
        print(f"| {label} | {r['time']:.2f} s | {r['time'] / one['time']:.2f} | {r['time'] / each['time']:.2f} | "
              f"{r['peak_mb']:.0f} MB |")
    print(f"\nTarget: epoch_density <= 2 x (12 x one fishnet) = {24 * one['time']:.2f} s: "
          f"{core['time'] / (12 * one['time']):.2f} of 12 x one run (target 2).")
    print(f"\n### Emerging hot spots ({emerging[0]['cells']:,} cells x {N_QUARTERS} epochs = "
          f"{emerging[0]['bins']:,} bins, queen, time step 1, FDR)\n")
    print("| inference | time | peak memory | target |")
    print("|---|---:|---:|---|")
    print(f"| analytical | {emerging[0]['time']:.1f} s | {emerging[0]['peak_mb']:.0f} MB | |")
    slow = emerging[args.perms]
    print(f"| {args.perms} permutations | {slow['time']:.1f} s | {slow['peak_mb']:.0f} MB | < 120 s, < 2048 MB |")
    print(f"\ncategories (analytical): {emerging[0]['categories']}")
    print(f"categories ({args.perms} permutations): {emerging[args.perms]['categories']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
