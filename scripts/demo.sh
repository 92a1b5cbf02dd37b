#!/usr/bin/env bash
# The main job on bundled sample data: runs MineMonitor through qgis_process and leaves the styled
# outputs in one folder (default: output/demo), printing where they are.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/output/demo}
mkdir -p "$out"
shared=${MINEMONITOR_SHARED:-$root/../shared/data}
cells="$shared/maus_mining_area_grid_v2/maus_v2_5arcmin_cells_nw_bbox.gpkg|layername=mining_cells"
provinces="$shared/cn_admin_nw4_counties/nw4_admin.gpkg|layername=province"
qp() { "$root/scripts/qgis-process" "$@" 2> >(grep -v -e "setapi() is deprecated" -e "may only be partially supported" >&2); }

echo "== Fishnet mining density (100 km) of the Maus et al. mining grid over NW China"
qp run minemonitor:fishnetdensity -- INPUT="$cells" STUDY_AREA="$provinces" CELL_SIZE=100000 \
  WEIGHT_FIELD=mining_area_km2 OUTPUT="$out/fishnet_density.gpkg"

echo
echo "Outputs (styled; open them in QGIS): $out"
ls -1 "$out"
