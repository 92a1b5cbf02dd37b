"""Benchmark: the desertification sensitivity overlay of 13 factor rasters against the usual routes.

Generates 13 deterministic synthetic factor rasters (Float32, DEFLATE, 256 x 256 tiles, 30 m pixels
in the NW China Albers projection; 7,300 x 7,300 pixels by default, about the paper's 47,431 km²
demonstration area) into a folder under /tmp, then times, each in a fresh subprocess so its peak
resident memory (VmHWM) is its own:

- the read floor: every window of the 13 rasters read once with GDAL, on 1 and on 2 threads;
- minemonitor:weightedoverlay (weighted sum of the 13 rasters, Float32 score), with the default
  DEFLATE output and with COMPRESSION = ZSTD;
- minemonitor:desertificationsensitivity (grade by Table 6 + sum + classes with the paper's breaks
  28/31/34, one pass; DEFLATE and ZSTD; and with natural breaks, which needs a second pass over the score);
- QGIS's raster calculator engine (QgsRasterCalculator) summing the 13 rasters;
- gdal_calc.py summing the 13 rasters (DEFLATE, tiled output);
- the chain a QGIS user builds: native:reclassifybytable for each factor (Table 6) + the raster
  calculator sum + reclassify by table into the 4 classes;
- numpy on whole arrays in memory (read all, grade, add, classify, write).

Prints a Markdown table (seconds, ratio to the two-thread read floor, peak RSS) and writes it to
docs/benchmarks/overlay.md with ``--write-doc``. Usage::

    python -m benchmarks.bench_overlay [--size 7300] [--dir /tmp/minemonitor_bench_overlay] [--repeat 3] [--write-doc]
    python -m benchmarks.bench_overlay --size 1000 --only read1,read2,weightedoverlay   # quick look
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

NW_ALBERS = "+proj=aea +lat_0=40 +lon_0=90 +lat_1=34 +lat_2=47 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
PIXEL = 30.0
ORIGIN = (-100000.0, 400000.0)  # top-left corner in NW_ALBERS (around Qitai, on the Tianshan north slope)
NODATA = -9999.0
SEED = 20240601

#: factor key -> (parameter id of desertificationsensitivity, low value, high value, kind)
FACTORS = {
    "soil_moisture": ("SOIL_MOISTURE", 0.10, 0.45, "continuous"),
    "evapotranspiration": ("EVAPOTRANSPIRATION", 40.0, 260.0, "continuous"),
    "precipitation": ("PRECIPITATION", 100.0, 500.0, "continuous"),
    "wind_speed": ("WIND_SPEED", 2.0, 6.0, "continuous"),
    "sand": ("SAND", 5.0, 90.0, "continuous"),
    "silt": ("SILT", 0.0, 45.0, "continuous"),
    "clay": ("CLAY", 0.0, 35.0, "continuous"),
    "erosion": ("EROSION", 1, 6, "codes"),
    "slope": ("SLOPE", 0.0, 40.0, "continuous"),
    "geohazard": ("GEOHAZARD", 1, 4, "codes"),
    "ndvi_mean": ("NDVI_MEAN", 0.0, 0.8, "continuous"),
    "ndvi_trend": ("NDVI_TREND", -0.25, 0.05, "continuous"),
    "mining_occupation": ("LAND_USE", None, None, "landuse"),
}
LANDUSE_CODES = np.array([1, 2, 3, 5, 6], dtype=np.float32)  # no water (4): every code is in Table 6
USER_BREAKS = "28, 31, 34"

APPROACHES = ("qgis_baseline", "read1", "read2", "weightedoverlay", "weightedoverlay_zstd", "onestep", "onestep_zstd",
              "onestep_fj", "rastercalc", "gdal_calc", "chain", "numpy")
LABELS = {
    "qgis_baseline": "(QGIS + Processing + MineMonitor started, nothing run: memory baseline)",
    "read1": "Read floor, 1 thread (GDAL, every window of the 13 rasters once)",
    "read2": "Read floor, 2 threads",
    "weightedoverlay": "minemonitor:weightedoverlay (weighted sum, Float32 score)",
    "weightedoverlay_zstd": "minemonitor:weightedoverlay, COMPRESSION = ZSTD",
    "onestep": "minemonitor:desertificationsensitivity (grade + sum + classes, breaks 28/31/34)",
    "onestep_zstd": "minemonitor:desertificationsensitivity (breaks 28/31/34), COMPRESSION = ZSTD",
    "onestep_fj": "minemonitor:desertificationsensitivity (natural breaks: + 2nd pass)",
    "rastercalc": "QGIS raster calculator engine (QgsRasterCalculator), sum of 13",
    "gdal_calc": "gdal_calc.py, sum of 13 (DEFLATE tiled output)",
    "chain": "QGIS user chain: 13 x native:reclassifybytable + raster calculator + reclassify",
    "numpy": "numpy on whole arrays in memory (read all, grade, sum, classify, write)",
}


# ------------------------------------------------------------------------------------ data
def factor_paths(folder: Path) -> dict[str, str]:
    return {key: str(folder / f"{key}.tif") for key in FACTORS}


def generate(folder: Path, size: int) -> dict[str, str]:
    """Write the 13 factor rasters (skipped when a manifest says they exist at this size)."""
    from osgeo import osr

    from minemonitor_plugin.qgis_io import raster as rio

    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "manifest.json"
    paths = factor_paths(folder)
    want = {"size": size, "seed": SEED, "pixel": PIXEL, "version": 2}
    if manifest.exists() and json.loads(manifest.read_text()) == want and all(Path(p).exists() for p in paths.values()):
        return paths
    srs = osr.SpatialReference()
    srs.ImportFromProj4(NW_ALBERS)
    grid = rio.RasterGrid(size, size, (ORIGIN[0], PIXEL, 0.0, ORIGIN[1], 0.0, -PIXEL), srs.ExportToWkt())
    windows = rio.plan_windows(grid, [(256, 256)], 4, 32 * 1024 * 1024)
    t0 = time.perf_counter()
    for k, (key, (_param, lo, hi, kind)) in enumerate(FACTORS.items()):
        rng = np.random.default_rng([SEED, k])
        freq = rng.uniform(1.0, 4.0, size=(3, 2)) * 2 * np.pi / size
        phase = rng.uniform(0, 2 * np.pi, size=3)
        with rio.BlockWriter(paths[key], grid, "float32", NODATA, extra_options=["ZLEVEL=6"]) as writer:
            for w in windows:
                rows = np.arange(w.row, w.row + w.rows, dtype=np.float64)[:, None]
                cols = np.arange(w.col, w.col + w.cols, dtype=np.float64)[None, :]
                field = sum(np.sin(freq[j, 0] * rows + freq[j, 1] * cols + phase[j]) for j in range(3)) / 3.0
                noise = np.random.default_rng([SEED, k, w.index]).normal(0.0, 0.08, (w.rows, w.cols))
                u = np.clip((field + noise + 1.0) / 2.0, 0.0, 1.0)  # 0..1
                if kind == "continuous":
                    values = (lo + (hi - lo) * u).astype(np.float32)
                elif kind == "codes":
                    values = np.floor(lo + (hi - lo + 1) * np.minimum(u, 0.999999)).astype(np.float32)
                else:
                    values = LANDUSE_CODES[np.minimum((u * len(LANDUSE_CODES)).astype(int), len(LANDUSE_CODES) - 1)]
                mask = None
                if key == "precipitation":  # a NoData block in one factor
                    r, c = np.ogrid[w.row:w.row + w.rows, w.col:w.col + w.cols]
                    mask = (r < size // 20) & (c < size // 20)
                writer.write(w, values, mask)
        print(f"  generated {key} ({time.perf_counter() - t0:.0f} s)", flush=True)
    manifest.write_text(json.dumps(want))
    return paths


# ----------------------------------------------------------------------------------- workers
def start_qgis():
    from tools.qgis_headless import start_qgis as start

    return start()


def table6_rows():
    """Table 6 presets as (lower, upper, grade) rows with lower <= v < upper (categories as [c, c + 0.5))."""
    from minemonitor_plugin.core.grading import ThresholdTable, load_presets

    out = {}
    for key, preset in load_presets().items():
        if isinstance(preset.table, ThresholdTable):
            out[key] = [(max(r.lower, -1e30), min(r.upper, 1e30), r.grade) for r in preset.table.rows]
        else:
            out[key] = [(c, c + 0.5, g) for c, g in zip(preset.table.codes, preset.table.grades, strict=True)]
    return out


def read_floor(paths, threads):
    from concurrent.futures import ThreadPoolExecutor

    from osgeo import gdal

    datasets = [gdal.Open(p) for p in paths.values()]
    bands = [d.GetRasterBand(1) for d in datasets]
    width, height = datasets[0].RasterXSize, datasets[0].RasterYSize
    rows = 256

    def read(i, r):
        a = bands[i].ReadAsArray(0, r, width, min(rows, height - r))
        bands[i].FlushCache()
        return a.shape[0]

    with ThreadPoolExecutor(threads) as pool:
        for r in range(0, height, rows):
            list(pool.map(read, range(len(bands)), [r] * len(bands)))


def worker(name: str, folder: Path) -> dict:
    paths = factor_paths(folder)
    out = folder / "out" / name
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    if name in ("read1", "read2"):
        t0 = time.perf_counter()
        read_floor(paths, 1 if name == "read1" else 2)
        return {"seconds": time.perf_counter() - t0}
    if name == "gdal_calc":
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        args = [shutil.which("gdal_calc.py") or "gdal_calc.py"]
        for letter, p in zip(letters, paths.values(), strict=True):
            args += [f"-{letter}", p]
        expr = "+".join(letters[: len(paths)])
        args += ["--calc", expr, "--outfile", str(out / "sum.tif"), "--type", "Float32", "--NoDataValue",
                 str(NODATA), "--co", "COMPRESS=DEFLATE", "--co", "TILED=YES", "--quiet"]
        t0 = time.perf_counter()
        subprocess.run(args, check=True)
        return {"seconds": time.perf_counter() - t0}
    if name == "numpy":
        return numpy_whole(paths, out)
    _app, _plugin = start_qgis()
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    t0 = time.perf_counter()
    if name == "qgis_baseline":
        pass
    elif name in ("weightedoverlay", "weightedoverlay_zstd"):
        processing.run("minemonitor:weightedoverlay", {
            "FACTORS": list(paths.values()), "METHOD": 2, "OUTPUT": str(out / "score.tif"),
            "COMPRESSION": 1 if name.endswith("zstd") else 0}, context=context, feedback=feedback)
    elif name in ("onestep", "onestep_zstd", "onestep_fj"):
        params = {FACTORS[k][0]: p for k, p in paths.items()}
        params.update({"OUTPUT_SCORE": str(out / "score.tif"), "OUTPUT_CLASSES": str(out / "classes.tif"),
                       "CLASS_METHOD": 0 if name == "onestep_fj" else 1, "BREAKS": USER_BREAKS,
                       "COMPRESSION": 1 if name.endswith("zstd") else 0})
        processing.run("minemonitor:desertificationsensitivity", params, context=context, feedback=feedback)
    elif name == "rastercalc":
        raster_calculator(list(paths.values()), str(out / "sum.tif"))
    elif name == "chain":
        rows = table6_rows()
        graded = []
        for key, p in paths.items():
            table = [str(v) for row in rows[key] for v in row]
            dest = str(out / f"graded_{key}.tif")
            processing.run("native:reclassifybytable", {
                "INPUT_RASTER": p, "RASTER_BAND": 1, "TABLE": table, "NO_DATA": 255, "RANGE_BOUNDARIES": 1,
                "NODATA_FOR_MISSING": True, "DATA_TYPE": 0, "OUTPUT": dest}, context=context, feedback=feedback)
            graded.append(dest)
        raster_calculator(graded, str(out / "sum.tif"))
        breaks = [float(b) for b in USER_BREAKS.split(",")]
        class_table = ["-1e30", str(breaks[0]), "1", str(breaks[0]), str(breaks[1]), "2", str(breaks[1]),
                       str(breaks[2]), "3", str(breaks[2]), "1e30", "4"]
        processing.run("native:reclassifybytable", {
            "INPUT_RASTER": str(out / "sum.tif"), "RASTER_BAND": 1, "TABLE": class_table, "NO_DATA": 255,
            "RANGE_BOUNDARIES": 0, "NODATA_FOR_MISSING": True, "DATA_TYPE": 0,
            "OUTPUT": str(out / "classes.tif")}, context=context, feedback=feedback)
    else:
        raise SystemExit(f"unknown approach {name}")
    return {"seconds": time.perf_counter() - t0}


def raster_calculator(paths, dest):
    from qgis.analysis import QgsRasterCalculator, QgsRasterCalculatorEntry
    from qgis.core import QgsCoordinateTransformContext, QgsRasterLayer

    entries, refs, layers = [], [], []
    for i, p in enumerate(paths):
        layer = QgsRasterLayer(p, f"f{i}")
        layers.append(layer)
        e = QgsRasterCalculatorEntry()
        e.ref = f"f{i}@1"
        e.raster = layer
        e.bandNumber = 1
        entries.append(e)
        refs.append(f'"f{i}@1"')
    first = layers[0]
    calc = QgsRasterCalculator(" + ".join(refs), dest, "GTiff", first.extent(), first.width(), first.height(),
                               entries, QgsCoordinateTransformContext())
    code = calc.processCalculation()
    if code != 0:
        raise SystemExit(f"raster calculator failed: {code} {calc.lastError()}")


def numpy_whole(paths, out) -> dict:
    from osgeo import gdal

    from minemonitor_plugin.core.grading import grade_array, load_presets
    from minemonitor_plugin.core.raster_overlay import classify, overlay_spec, weighted_overlay

    presets = load_presets()
    t0 = time.perf_counter()
    arrays, masks = [], []
    ds0 = None
    for key, p in paths.items():
        ds = gdal.Open(p)
        ds0 = ds0 or ds
        a = ds.GetRasterBand(1).ReadAsArray()
        g = grade_array(a, presets[key].table, a == NODATA)
        del a
        arrays.append(g.grades)
        masks.append(g.nodata)
    ov = weighted_overlay(arrays, overlay_spec(len(arrays)), masks)
    classes, cmask = classify(ov.values, [float(b) for b in USER_BREAKS.split(",")], ov.nodata)
    drv = gdal.GetDriverByName("GTiff")
    for name, data, dtype, nd in (("score.tif", np.where(ov.nodata, -32768, ov.values), gdal.GDT_Int16, -32768),
                                  ("classes.tif", np.where(cmask, 255, classes), gdal.GDT_Byte, 255)):
        o = drv.Create(str(out / name), data.shape[1], data.shape[0], 1, dtype,
                       options=["TILED=YES", "COMPRESS=DEFLATE"])
        o.SetGeoTransform(ds0.GetGeoTransform())
        o.SetProjection(ds0.GetProjection())
        o.GetRasterBand(1).SetNoDataValue(nd)
        o.GetRasterBand(1).WriteArray(data)
        o = None
    return {"seconds": time.perf_counter() - t0}


# --------------------------------------------------------------------------------------- main
def run_worker(name: str, folder: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_overlay", "--worker", name, "--dir", str(folder)],
                          cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return {"error": (proc.stderr or proc.stdout).strip().splitlines()[-1:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(results: dict, size: int, folder: Path) -> str:
    floor = results.get("read2", {}).get("seconds")
    lines = [
        f"13 factor rasters of {size:,} x {size:,} pixels ({size * size / 1e6:.1f} M pixels each, 30 m, "
        f"{size * size * 900 / 1e6:,.0f} km²), Float32, DEFLATE, 256 x 256 tiles "
        f"({sum(os.path.getsize(p) for p in factor_paths(folder).values()) / 2**30:.2f} GiB on disk).",
        "",
        "| Approach | Time (s) | × read floor (2 threads) | Peak RSS (MB) |",
        "|---|---:|---:|---:|",
    ]
    for name in results:
        r = results[name]
        if "error" in r:
            lines.append(f"| {LABELS[name]} | failed: {' '.join(r['error'])} | | |")
            continue
        ratio = f"{r['seconds'] / floor:.2f}" if floor and name != "qgis_baseline" else ""
        lines.append(f"| {LABELS[name]} | {r['seconds']:.1f} | {ratio} | {r['peak_rss_mb']:.0f} |")
    return "\n".join(lines)


def summary(results: dict) -> str:
    """The issue's targets against this run: within 1.5x of the two-thread read floor, < 1 GB."""
    floor = results.get("read2", {}).get("seconds")
    base = results.get("qgis_baseline", {}).get("peak_rss_mb")
    lines = []
    for name in ("weightedoverlay", "weightedoverlay_zstd", "onestep", "onestep_zstd", "onestep_fj"):
        r = results.get(name)
        if not r or "seconds" not in r or not floor:
            continue
        extra = f", {r['peak_rss_mb'] - base:.0f} MB above the QGIS baseline" if base else ""
        others = [results[o]["seconds"] / r["seconds"] for o in ("rastercalc", "chain")
                  if "seconds" in results.get(o, {})]
        faster = (f"; the raster calculator takes {others[0]:.1f}x and the user chain {others[1]:.1f}x as long"
                  if len(others) == 2 and name in ("weightedoverlay", "onestep") else "")
        lines.append(f"- {name}: {r['seconds'] / floor:.2f}x the two-thread read floor (target 1.5x), peak RSS "
                     f"{r['peak_rss_mb']:.0f} MB (target < 1 GB){extra}{faster}.")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=7300)
    parser.add_argument("--dir", default="/tmp/minemonitor_bench_overlay")
    parser.add_argument("--only", default=",".join(APPROACHES), help="comma-separated approaches")
    parser.add_argument("--write-doc", action="store_true", help="write the table to docs/benchmarks/overlay.md")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each approach (each in a fresh process, in rotation); the fastest counts")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    folder = Path(args.dir)
    if args.worker:
        result = worker(args.worker, folder)
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec() from the forking parent
        with open("/proc/self/status") as fh:
            hwm_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
        child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result["peak_rss_mb"] = max(hwm_kb, child_kb) / 1024.0
        print(json.dumps(result))
        return 0
    print(f"Generating factors ({args.size} x {args.size}) in {folder} ...", flush=True)
    generate(folder, args.size)
    results = {}
    names = [a for a in args.only.split(",") if a]
    for _ in range(max(1, args.repeat)):
        # in rotation, so a slow spell of the machine does not fall on one approach only
        for name in names:
            load = os.getloadavg()[0]
            run = run_worker(name, folder)
            run["load"] = load
            print(f"  {name}: {run}", flush=True)
            shutil.rmtree(folder / "out" / name, ignore_errors=True)
            best = results.get(name)
            if best is None or run.get("seconds", float("inf")) < best.get("seconds", float("inf")):
                results[name] = dict(run, runs=(best or {}).get("runs", 0) + 1)
            else:
                best["runs"] += 1
    text = table(results, args.size, folder) + "\n\n" + summary(results)
    env = (f"Machine: {os.cpu_count()} cores, {platform.python_version()} Python, numpy {np.__version__}; "
           f"load average before each run: " + ", ".join(f"{n} {r['load']:.1f}" for n, r in results.items()))
    print()
    print(text)
    print()
    print(env)
    if args.write_doc:
        doc = ROOT / "docs" / "benchmarks" / "overlay.md"
        doc.parent.mkdir(parents=True, exist_ok=True)
        doc.write_text(DOC_HEADER + text + "\n\n" + env + "\n" + DOC_FOOTER)
        print(f"written {doc}")
    return 0


DOC_HEADER = """# Benchmark: weighted overlay of 13 factor rasters

`python -m benchmarks.bench_overlay --write-doc` (deterministic synthetic factors; each approach in a
fresh subprocess; peak RSS is that process's `VmHWM`, or its child's `ru_maxrss` for gdal_calc.py, and
includes QGIS itself, about 200-300 MB, for the QGIS-based rows).

"""

DOC_FOOTER = """
Notes
- Ratios are to the two-thread read floor: reading every window of the 13 rasters once with GDAL
  on two threads, doing nothing with the data.
- minemonitor reads, computes and writes block by block (full-width rows of 256-row tiles), decoding
  the next block on a second thread while the current one is graded and added; GDAL's block cache is
  emptied after each block, so memory does not grow with the rasters. Each block is computed in
  chunks of rows of 262,144 pixels (a float32 factor chunk stays in the CPU cache across the dozen
  passes of grading, masks and sum), grades are int8, and the output is compressed on one thread
  while two decode: with both cores busy, CPU time is wall time.
- What is left above the floor is CPU: the NoData masks, grading and sum (about 1.5 s of CPU for the
  one-step model), and compressing the output. DEFLATE of a Float32 score costs about 3 s of CPU
  (random mantissas compress slowly); ZSTD level 1 (`COMPRESSION` = ZSTD) writes the same size in a
  quarter of that. DEFLATE stays the default because every GIS (ArcGIS included) reads it.
- Natural breaks need the whole score before classes can be written, hence a second (lighter) pass
  and the Fisher-Jenks on the sample (core/natural_breaks.py: milliseconds for the integer score).
- The raster calculator and gdal_calc rows only add the 13 rasters; the QGIS user chain also grades
  each factor by Table 6 (13 reclassifications writing 13 intermediate rasters) and classifies the sum,
  i.e. the same work as the one-step algorithm.
- With `--repeat N` every approach runs N times (fresh processes, in rotation) and the fastest run
  counts; the load averages are those before the fastest run.
"""


if __name__ == "__main__":
    sys.exit(main())
