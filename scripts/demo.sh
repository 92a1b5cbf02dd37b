#!/usr/bin/env bash
# The main job on bundled sample data: runs MineMonitor through qgis_process and leaves the styled
# outputs in one folder (default: output/demo), printing where they are.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/output/demo}
mkdir -p "$out"
sample=$root/data/sample
cells="$sample/maus_mining_cells.gpkg|layername=mining_cells"
provinces="$sample/nw4_admin.gpkg|layername=province"
qp() { "$root/scripts/qgis-process" "$@" 2> >(grep -v -e "setapi() is deprecated" -e "may only be partially supported" >&2); }

echo "== Fishnet mining density (100 km) of the Maus et al. mining grid over NW China"
qp run minemonitor:fishnetdensity -- INPUT="$cells" STUDY_AREA="$provinces" CELL_SIZE=100000 \
  WEIGHT_FIELD=mining_area_km2 OUTPUT="$out/fishnet_density.gpkg"

echo
echo "Outputs (styled; open them in QGIS): $out"
ls -1 "$out"
