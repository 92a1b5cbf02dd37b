#!/usr/bin/env bash
# The paper's workflow end to end on the bundled sample data, through qgis_process:
#   synthetic paper-scale footprints (12,680 polygons) over the real NW China provinces,
#   1. Mining spatial pattern model (fishnet density, Moran's I / General G, local Moran, Gi*, statistics)
#   2. Footprint overlap model (footprints x Natural Earth physical regions by province)
#   3. Vegetation change model (MODIS LAI 2001-2020 trend, zonal series and change points)
#   4. Desertification sensitivity model (slope from ETOPO, LAI mean and trend as factors)
#   5. Monitoring: change 2021 -> 2022, occupation types, interpretation accuracy (sample epochs)
#   6. Mining dynamics over 12 quarters (per-epoch density, cell trends, emerging hot spots; sample quarters)
#   7. One report of everything.
# Leaves styled GeoPackages, GeoTIFFs and report.html in one folder (default output/demo).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/output/demo}" && cd "${1:-$root/output/demo}" && pwd)
rm -rf "$out"/* && mkdir -p "$out/work"
sample=$root/data/sample
provinces="$sample/nw4_admin.gpkg|layername=province"
regions="$sample/ne_physical_regions.gpkg|layername=physical_regions"
epochs=$sample/epochs_2021_2022.gpkg
quarters=$sample/quarters_2021_2023.gpkg
start=$(date +%s)

qp() {  # qgis_process run ALG -- ARGS..., quiet unless it fails
  local log="$out/work/$1.log"
  if ! "$root/scripts/qgis-process" run "$@" >"$log" 2>&1; then
    grep -v -e "setapi() is deprecated" -e "may only be partially supported" "$log" >&2
    echo "demo: $1 failed (log: $log)" >&2
    exit 1
  fi
}
step() { printf '[%4ss] %s\n' "$(( $(date +%s) - start ))" "$*"; }

step "Generating 12,680 synthetic footprints in 3,253 mines (tools/synthetic.py, seed 2022)"
(cd "$root" && .venv/bin/python -m tools.synthetic "$out/footprints_2022.gpkg" --wgs84 >/dev/null)
footprints="$out/footprints_2022.gpkg|layername=footprints"

step "1. Mining spatial pattern: 100 km fishnet, Moran's I, General G, local Moran, Gi*, statistics"
qp minemonitor:miningspatialpattern -- FOOTPRINTS="$footprints" STUDY_AREA="$provinces" CELL_SIZE=100000 \
  GROUP_FIELD=province PERMUTATIONS=999 \
  "fishnet:DENSITY=$out/fishnet_density.gpkg" "localmoran:CLUSTERS=$out/local_moran_clusters.gpkg" \
  "hotspots:HOT_SPOTS=$out/hot_spots.gpkg" "report:REPORT=$out/work/spatial_pattern.html"

step "2. Footprint overlap with physical regions by province (Tables 3-5)"
qp minemonitor:footprintoverlap -- FOOTPRINTS="$footprints" CLASSES="$regions" CLASS_FIELD=name \
  ZONES="$provinces" ZONES_FIELD=province \
  "overlap:TABLE=$out/overlap_by_province.gpkg" "report:REPORT=$out/work/overlap.html"

step "3. Vegetation change: LAI 2001-2020 trend and annual series by province"
qp minemonitor:vegetationchange -- STACK="$sample/lai_nw_2001_2020.tif" FOOTPRINTS="$footprints" \
  ZONES="$provinces" ZONE_FIELD=province BUFFERS="0-50000" \
  "trend:SLOPE=$out/lai_sen_slope.tif" "trend:TREND_CLASS=$out/lai_trend_class.tif" "trend:MEAN=$out/lai_mean.tif" \
  "series:SERIES=$out/lai_zonal_series.gpkg" "report:REPORT=$out/work/vegetation.html"

step "4. Desertification sensitivity: slope, LAI mean and trend graded by Table 6, natural breaks"
qp gdal:slope -- INPUT="$sample/etopo20_nw.tif" BAND=1 SCALE=111120 OUTPUT="$out/work/slope.tif"
qp minemonitor:desertificationsensitivitymodel -- SLOPE="$out/work/slope.tif" NDVI_MEAN="$out/lai_mean.tif" \
  NDVI_TREND="$out/lai_sen_slope.tif" FOOTPRINTS="$footprints" CLASS_METHOD=0 \
  "sensitivity:SCORE=$out/sensitivity_score.tif" "sensitivity:CLASSES=$out/sensitivity_classes.tif" \
  "zonal:CLASS_AREA=$out/sensitivity_class_area.gpkg" "report:REPORT=$out/work/sensitivity.html"

step "5. Monitoring: footprint change 2021 -> 2022, occupation types, interpretation accuracy"
qp minemonitor:footprintchange -- EARLIER="$epochs|layername=footprints_2021" LATER="$epochs|layername=footprints_2022" \
  MINE_ID_FIELD=mine_id TOLERANCE_M=5 OUTPUT="$out/footprint_change.gpkg" OUTPUT_SUMMARY="$out/work/change_summary.gpkg"
qp minemonitor:occupationtypes -- INPUT="$epochs|layername=footprints_2022" TYPE_FIELD=type_code \
  OUTPUT="$out/occupation_types.gpkg" OUTPUT_SUMMARY="$out/work/occupation_summary.gpkg" \
  OUTPUT_HTML="$out/work/occupation.html"
qp minemonitor:accuracyassessment -- VERIFICATION="$epochs|layername=verification_2022" OBSERVED_FIELD=observed \
  FOOTPRINTS="$epochs|layername=footprints_2022" MAPPED_FIELD=type_code \
  OUTPUT_MATRIX="$out/work/confusion_matrix.gpkg" OUTPUT_CLASSES="$out/work/accuracy_classes.gpkg" \
  OUTPUT_RECORDS="$out/work/accuracy_records.gpkg" OUTPUT_HTML="$out/work/accuracy.html"

step "6. Mining dynamics over 12 quarters: density per epoch, trend per cell, emerging hot spots"
qp minemonitor:miningdynamics -- FOOTPRINTS="$quarters|layername=footprints" EPOCH_FIELD=quarter \
  STUDY_AREA="$quarters|layername=study_area" ZONES="$quarters|layername=counties" ZONE_FIELD=name_zh \
  CELL_SIZE=5000 TIME_STEPS=1 PERMUTATIONS=0 \
  "epochs:DENSITY=$out/density_per_quarter.gpkg" "epochs:DENSITY_WIDE=$out/work/density_by_quarter.gpkg" \
  "epochs:TOTALS=$out/work/totals_per_quarter.gpkg" "trend:TREND=$out/mining_trend.gpkg" \
  "emerging:EMERGING=$out/emerging_hot_spots.gpkg" "report:REPORT=$out/work/dynamics.html"

step "7. One report"
qp minemonitor:report -- TITLE="MineMonitor: open-pit mining in NW China (sample data)" \
  MAP_LAYERS="$out/fishnet_density.gpkg" MAP_LAYERS="$out/local_moran_clusters.gpkg" MAP_LAYERS="$out/hot_spots.gpkg" \
  MAP_LAYERS="$out/lai_trend_class.tif" MAP_LAYERS="$out/sensitivity_classes.tif" \
  MAP_LAYERS="$out/footprint_change.gpkg" MAP_LAYERS="$out/occupation_types.gpkg" \
  MAP_LAYERS="$out/emerging_hot_spots.gpkg" MAP_LAYERS="$out/mining_trend.gpkg" \
  TABLES="$out/overlap_by_province.gpkg" TABLES="$out/sensitivity_class_area.gpkg" TABLES="$out/work/change_summary.gpkg" \
  REPORTS="$out/work/spatial_pattern.html" REPORTS="$out/work/overlap.html" REPORTS="$out/work/vegetation.html" \
  REPORTS="$out/work/sensitivity.html" REPORTS="$out/work/occupation.html" REPORTS="$out/work/accuracy.html" \
  REPORTS="$out/work/dynamics.html" \
  OUTPUT="$out/report.html"

step "Done. Styled outputs (open them in QGIS) and the report are in: $out"
ls -1 "$out" | grep -v '^work$' | sed 's/^/  /'
echo "Report: $out/report.html"
