"""Cross-check of the emerging hot spot categories on sfdep's documented example (Boston, 2010-2019).

sfdep's vignette "Emerging Hot Spot Analysis" runs ``emerging_hotspot_analysis(bos, "value", k = 1,
nsim = 99)`` on the ``bos-ecometric`` data it ships (168 census block groups x 10 years of 911 gun
calls) and prints the count per category. This tool recomputes that run the way sfdep does it
(ported, not called: R is not needed) and classifies the result both with sfdep's rules and with
MineMonitor's (ArcGIS's) rules, so the differences listed in the help of
``minemonitor:emerginghotspots`` can be seen on real data:

- neighbours: queen contiguity with the location itself included (``include_self``), row
  standardised, repeated for the previous year (``spt_nb``/``spt_wt`` with ``k = 1``);
- Gi*: sfdep's ``local_g_spt_calc``, each year standardised by that year's mean and variance;
- p-values: sfdep's conditional permutations (every neighbour slot, the location's own included,
  drawn from all other bins), folded, from MineMonitor's permutation engine (same null distribution,
  another random stream than R's, so counts move by a few units between seeds);
- categories: a port of sfdep's ``classify_hotspot`` (threshold 0.01 for the bins and the trend) and
  :func:`minemonitor_plugin.core.emerging.classify` on the same bins and trends.

``python -m tools.crosscheck_sfdep SFDEP_EXTDATA [--nsim 99] [--seeds 5]``, where SFDEP_EXTDATA is
sfdep's ``inst/extdata`` folder (bos-ecometric.csv and bos-ecometric.geojson, GPL-3, not bundled).
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

import numpy as np

#: Counts printed by sfdep's vignette for this run (nsim = 99, R's random stream).
DOCUMENTED = {"consecutive hot": 19, "intensifying hot": 2, "no pattern": 14, "persistent cold": 8,
              "persistent hot": 3, "sporadic cold": 92, "sporadic hot": 30}


def load(extdata: Path):
    """Locations (geojson order), years and the (locations x years) values; missing values as 0."""
    import shapely
    from osgeo import ogr

    ds = ogr.Open(str(extdata / "bos-ecometric.geojson"))
    lyr = ds.GetLayer(0)
    ids, geoms = [], []
    for feature in lyr:
        ids.append(feature.GetField(".region_id"))
        geoms.append(shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb())))
    with open(extdata / "bos-ecometric.csv", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    years = sorted({int(r["year"]) for r in records})
    position = {loc: i for i, loc in enumerate(ids)}
    values = np.zeros((len(ids), len(years)))
    for r in records:
        values[position[r[".region_id"]], years.index(int(r["year"]))] = float(r["value"]) if r["value"] else 0.0
    return ids, np.array(geoms, dtype=object), years, values


def sfdep_run(geoms, values, nsim: int, seed: int):
    """sfdep's Gi* (per-year standardisation) and folded pseudo p-values, as (locations x years) arrays."""
    import scipy.sparse as sp

    from minemonitor_plugin.core.crand import conditional_randomisation
    from minemonitor_plugin.core.significance import folded_p
    from minemonitor_plugin.core.weights import contiguity_weights

    w = contiguity_weights(geoms, "queen")
    n, n_t = values.shape
    own = (w.base + sp.identity(n, format="csr")).tocsr()  # include_self
    own.data = np.ones_like(own.data)
    own = sp.diags(1.0 / np.asarray(own.sum(axis=1)).ravel()) @ own  # row standardised ("W")
    blocks = [[None] * n_t for _ in range(n_t)]
    for t in range(n_t):
        blocks[t][t] = own
        if t > 0:
            blocks[t][t - 1] = own  # the same neighbours one year earlier (k = 1)
    m = sp.bmat(blocks, format="csr")
    m.sort_indices()
    y = values.T.ravel()
    lx = m @ y
    gi = np.empty(n * n_t)
    for t in range(n_t):
        rows = slice(n * t, n * (t + 1))
        x = values[:, t]
        wi = np.asarray(m[rows].sum(axis=1)).ravel()
        s1 = np.asarray(m[rows].multiply(m[rows]).sum(axis=1)).ravel()
        si2 = ((x - x.mean()) ** 2).sum() / n
        gi[rows] = (lx[rows] - wi * x.mean()) / np.sqrt(si2 * (n * s1 - wi**2) / (n - 1))
    cr = conditional_randomisation(y, m, lx, nsim, seed)
    p_sim = folded_p(cr.n_ge, cr.n_le, nsim)
    return gi.reshape(n_t, n).T, p_sim.reshape(n_t, n).T


def final_run(sigs):
    """Length of the final run of significant epochs."""
    k = 0
    while k < len(sigs) and sigs[len(sigs) - 1 - k]:
        k += 1
    return k


def sfdep_classify(gs, sigs, tau, tau_p, threshold):
    """sfdep's classify_hotspot (R/emerging-hostpot-classifications.R, sfdep 0.2.x), its rules in its order."""
    gs, sigs = np.asarray(gs, float), np.asarray(sigs, bool)
    n = len(gs)
    hot, cold = sigs & (gs > 0), sigs & (gs < 0)

    def consecutive(sign):
        if not (sigs[-1] and (gs[-1] > 0 if sign > 0 else gs[-1] < 0)):
            return False
        outside = np.ones(n, bool)
        outside[n - final_run(sigs):] = False
        share = (hot if sign > 0 else cold).sum() / n
        return (not sigs[outside].any() and sigs[~outside].all() and not (sigs[outside] & (gs[outside] > 0)).any()
                and share < 0.9)

    rules = (
        ("new hot", lambda: sigs.sum() == 1 and sigs[-1] and gs[-1] > 0),
        ("new cold", lambda: sigs.sum() == 1 and sigs[-1] and gs[-1] < 0),
        ("consecutive hot", lambda: consecutive(1)),
        ("consecutive cold", lambda: consecutive(-1)),
        ("intensifying hot", lambda: sigs.sum() / n >= 0.9 and sigs[-1] and tau > 0 and tau_p < threshold),
        ("intensifying cold", lambda: cold.sum() / n >= 0.9 and sigs[-1] and tau < 0 and tau_p <= threshold),
        ("persistent hot", lambda: hot.sum() / n >= 0.9 and tau_p > threshold),
        ("persistent cold", lambda: cold.sum() / n >= 0.9 and tau_p > threshold),
        ("diminishing hot", lambda: hot.sum() / n >= 0.9 and sigs[-1] and tau < 0 and tau_p <= threshold),
        ("diminishing cold", lambda: cold.sum() / n >= 0.9 and sigs[-1] and tau > 0 and tau_p <= threshold),
        ("oscillating hot", lambda: hot.sum() / n <= 0.9 and gs[-1] > 0 and sigs[-1] and cold.any()),
        ("oscillating cold", lambda: cold.sum() / n < 0.9 and gs[-1] < 0 and sigs[-1] and hot.any()),
        ("historical hot", lambda: hot.sum() / n >= 0.9 and gs[-1] < 0),
        ("historical cold", lambda: gs[-1] > 0 and cold.sum() / n >= 0.9),
        ("sporadic hot", lambda: hot.sum() / n < 0.9 and not cold.any() and hot.any()),
        ("sporadic cold", lambda: cold.sum() / n < 0.9 and not hot.any() and cold.any()),
    )
    return next((name for name, rule in rules if rule()), "no pattern")


def classify_both(gi, p_sim, threshold=0.01):
    """Counts per category with sfdep's rules and with MineMonitor's, on the same bins and trends."""
    from minemonitor_plugin.core.emerging import CATEGORIES, classify
    from minemonitor_plugin.core.trend import trend_statistics

    n, n_t = gi.shape
    mk = trend_statistics(gi.T, np.arange(n_t), statistics=("mk_s", "mk_z", "mk_p"), min_years=3)
    sigs = p_sim <= threshold
    sfdep = [sfdep_classify(gi[i], sigs[i], np.sign(mk.mk_s[i]), mk.mk_p[i], threshold) for i in range(n)]
    ours = classify((sigs & (gi > 0)).T, (sigs & (gi < 0)).T, mk.mk_z, mk.mk_p, threshold)
    names = ["no pattern" if c == 0 else " ".join(CATEGORIES[int(c)].lower().split()[:2]) for c in ours]
    return collections.Counter(sfdep), collections.Counter(names), collections.Counter(zip(sfdep, names, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("extdata", type=Path, help="sfdep's inst/extdata folder")
    parser.add_argument("--nsim", type=int, default=99)
    parser.add_argument("--seeds", type=int, default=5, help="permutation streams to average over")
    args = parser.parse_args(argv)
    ids, geoms, years, values = load(args.extdata)
    print(f"{len(ids)} locations x {len(years)} years ({years[0]}-{years[-1]}), nsim {args.nsim}")
    totals_s, totals_o = collections.Counter(), collections.Counter()
    pairs = collections.Counter()
    for seed in range(args.seeds):
        gi, p_sim = sfdep_run(geoms, values, args.nsim, seed)
        s, o, both = classify_both(gi, p_sim)
        totals_s.update(s)
        totals_o.update(o)
        pairs.update(both)
    names = sorted(set(totals_s) | set(totals_o) | set(DOCUMENTED))
    print("\n| category | sfdep vignette | sfdep rules (this port, mean) | MineMonitor rules (mean) |")
    print("|---|---:|---:|---:|")
    for name in names:
        print(f"| {name} | {DOCUMENTED.get(name, 0)} | {totals_s[name] / args.seeds:.1f} | "
              f"{totals_o[name] / args.seeds:.1f} |")
    print("\nLocations classified differently (sfdep -> MineMonitor), mean per run:")
    for (a, b), count in sorted(pairs.items(), key=lambda kv: -kv[1]):
        if a != b:
            print(f"  {a} -> {b}: {count / args.seeds:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
