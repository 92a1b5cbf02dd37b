"""Benchmark: exact Fisher-Jenks natural breaks, MineMonitor's own against mapclassify and jenkspy.

The natural breaks of weightedoverlay / desertificationsensitivity are computed on a deterministic
sample of the score (SAMPLE_SIZE: default 1,000, at most 100,000) into 2-20 classes (4 in the paper).
Contenders, each exact (the optimal classes of the same least-squares programme):

* MineMonitor ``core.natural_breaks.fisher_jenks`` (numpy; distinct values with weights, divide and
  conquer over monotone split points);
* mapclassify ``FisherJenks`` (pure Python without numba, which is not installed: O(k n^2) loops);
  timed while the n^2 prediction from the last size stays under ``--limit`` seconds, else extrapolated;
* jenkspy ``jenks_breaks`` (C extension, O(k n^2)), when importable (``--jenkspy-path`` adds a folder,
  e.g. a throwaway ``pip install --target``), timed under the same limit.

Two kinds of sample: *float* scores (the weighted method: a mixture of four normal clusters, every
value distinct) and *integer* scores (the paper's plain sum of 13 grades, 13-52). Each row gives the
best of ``--repeat`` wall times, the ratio to MineMonitor in the same run, and the SSD of the
contender's breaks relative to MineMonitor's (0 = the same optimum). Installed footprints are the
sizes of the distributions and of what they require beyond numpy/scipy, from their RECORD files.

Usage: .venv/bin/python -m benchmarks.bench_natural_breaks [--limit 30] [--repeat 3]
       [--jenkspy-path /tmp/jenkspy] [--markdown docs/benchmarks/natural_breaks.md]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import os
import re
import sys
import time
import warnings

import numpy as np

from minemonitor_plugin.core.natural_breaks import class_ssd, fisher_jenks

SIZES = (1_000, 2_000, 10_000, 100_000)
CLASSES = (4, 20)


def sample(kind: str, n: int, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "integer":
        return np.clip(np.round(rng.normal(30, 5, n)), 13, 52)
    centres = np.array([24.0, 30.0, 37.0, 45.0])
    return rng.normal(centres[rng.integers(0, 4, n)], 2.5)


def best_time(fn, repeat: int) -> tuple[float, object]:
    best, out = np.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def footprint(dist: str, skip=("numpy", "scipy")) -> tuple[float, list[str]]:
    """MB on disk of ``dist`` and its installed requirements (recursively), numpy/scipy excluded."""
    seen: dict[str, float] = {}

    def visit(name: str) -> None:
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen or key in skip:
            return
        try:
            d = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            return
        base = d.locate_file("")
        seen[key] = sum(os.path.getsize(base / f) for f in (d.files or []) if (base / f).exists()) / 1e6
        for req in d.requires or []:
            if "extra ==" in req:
                continue
            visit(re.match(r"[A-Za-z0-9._-]+", req).group())

    visit(dist)
    return sum(seen.values()), sorted(seen)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=30.0, help="largest single run timed (seconds)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jenkspy-path", default=None)
    parser.add_argument("--markdown", default=None)
    args = parser.parse_args(argv)
    if args.jenkspy_path:
        sys.path.append(args.jenkspy_path)
    contenders = {"MineMonitor": lambda x, k: fisher_jenks(x, k).breaks}
    try:
        import mapclassify

        def mc(x, k):
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Numba not installed")
                return tuple(float(b) for b in mapclassify.FisherJenks(x, k=k).bins[:-1])

        contenders["mapclassify " + mapclassify.__version__] = mc
    except ImportError:
        pass
    try:
        jenkspy = importlib.import_module("jenkspy")

        contenders[f"jenkspy {importlib.metadata.version('jenkspy')}"] = (
            lambda x, k: tuple(float(b) for b in jenkspy.jenks_breaks(x, n_classes=k)[1:-1]))
    except (ImportError, importlib.metadata.PackageNotFoundError):
        pass

    load = os.getloadavg()[0]
    rows = []
    timed: dict[str, tuple[int, float]] = {}  # largest size timed: (n, seconds)
    for kind in ("float", "integer"):
        for k in CLASSES:
            for n in SIZES:
                x = sample(kind, n)
                ours_t, ours_b = best_time(lambda x=x, k=k: contenders["MineMonitor"](x, k), args.repeat)
                ours_ssd = class_ssd(x, ours_b)
                for name, fn in contenders.items():
                    key = f"{name}/{kind}/{k}"
                    if name == "MineMonitor":
                        t, ssd, note = ours_t, 0.0, ""
                    elif key in timed and timed[key][1] * (n / timed[key][0]) ** 2 > args.limit:
                        n0, t0 = timed[key]
                        t, ssd, note = t0 * (n / n0) ** 2, float("nan"), f"extrapolated (n²) from {n0:,}"
                    else:
                        t, b = best_time(lambda fn=fn, x=x, k=k: fn(x, k), 1 if n >= 10_000 else args.repeat)
                        ssd = class_ssd(x, b) / ours_ssd - 1.0 if ours_ssd > 0 else 0.0
                        note = ""
                        timed[key] = (n, t)
                    rows.append((kind, k, n, name, t, t / ours_t, ssd, note))
                    print(f"{kind:7s} k={k:2d} n={n:7,d} {name:18s} {t:10.4f} s  {t / ours_t:9.1f}x  "
                          f"SSD {ssd:+.1e} {note}", flush=True)

    sizes = {name: footprint(name.split()[0]) for name in contenders if name != "MineMonitor"}
    for name, (mb, dists) in sizes.items():
        print(f"{name}: {mb:.1f} MB installed with {', '.join(dists)}")
    if args.markdown:
        lines = [
            "# Benchmark: exact Fisher-Jenks natural breaks",
            "",
            f"Measured with `python -m benchmarks.bench_natural_breaks --limit {args.limit:g} --repeat {args.repeat}` "
            f"on this 2-core machine shared with other work (1-minute load average {load:.1f} at the start: "
            "compare the ratios within the table, not the seconds). numpy "
            f"{np.__version__}, Python {sys.version.split()[0]}, numba not installed. Best of {args.repeat} "
            "runs (one run from 10,000 values on).",
            "",
            "Samples: *float* = a mixture of four normal clusters (every value distinct, as the weighted "
            "overlay's float scores); *integer* = the paper's plain sum of 13 grades (13-52, 40 distinct "
            "values). *SSD vs MineMonitor*: within-class sum of squares of the contender's breaks relative "
            "to MineMonitor's, minus 1 (0: the same optimum; positive: worse classes).",
            "",
            "| sample | classes | n | approach | time (s) | x MineMonitor | SSD vs MineMonitor | note |",
            "|---|---:|---:|---|---:|---:|---:|---|",
        ]
        for kind, k, n, name, t, ratio, ssd, note in rows:
            ssd_text = "" if np.isnan(ssd) else f"{ssd:+.1e}"
            lines.append(f"| {kind} | {k} | {n:,} | {name} | {t:.4g} | {ratio:,.1f} | {ssd_text} | {note} |")
        lines += ["", "Installed footprint beyond numpy/scipy (sizes of the installed files, from RECORD):", ""]
        lines += [f"- {name}: {mb:.1f} MB ({', '.join(d)})" for name, (mb, d) in sizes.items()]
        lines.append("- MineMonitor: 0 MB (`core/natural_breaks.py`, numpy only)")
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        print(f"written {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
