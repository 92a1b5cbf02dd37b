"""minemonitor:fishnetdensity: mining density on a regular grid (the paper's Fig. 1)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ... import compat
from ...qgis_io import crs as crs_io
from ...qgis_io import vector as vio
from ..base import MineMonitorAlgorithm
from ..footprint_rule import log_footprint_rule, rule_help

#: Memory per grid cell while the grid is built and written (measured peak at 2 km: ~600 B per cell).
BYTES_PER_CELL = 600

OUTPUT_FIELDS = (
    ("cell_id", "int"),
    ("row", "int"),
    ("col", "int"),
    ("cell_km2", "double"),
    ("n_polygons", "int"),
    ("n_mines", "int"),
    ("mining_km2", "double"),
    ("density_pct", "double"),
)


class FishnetDensityAlgorithm(MineMonitorAlgorithm):
    """Apportion footprint area (or a weight) to the cells of a fishnet."""

    ALG_ID = "fishnetdensity"
    GROUP_ID = "grids"
    REQUIREMENTS = ("shapely",)

    INPUT = "INPUT"
    STUDY_AREA = "STUDY_AREA"
    CELL_SIZE = "CELL_SIZE"
    DEGREE_CELL_SIZE = "DEGREE_CELL_SIZE"
    GRID_CRS = "GRID_CRS"
    CLIP = "CLIP"
    MIN_CELL_FRACTION = "MIN_CELL_FRACTION"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    MINE_ID_FIELD = "MINE_ID_FIELD"
    KEEP_EMPTY = "KEEP_EMPTY"
    MAX_CELLS = "MAX_CELLS"
    OUTPUT = "OUTPUT"
    CELL_COUNT = "CELL_COUNT"
    CELLS_WITH_MINING = "CELLS_WITH_MINING"
    TOTAL_MINING_KM2 = "TOTAL_MINING_KM2"
    MAX_DENSITY_PCT = "MAX_DENSITY_PCT"

    def displayName(self):
        return self.tr("Fishnet mining density")

    def shortDescription(self):
        return self.tr("Share of each grid cell occupied by mining footprints, on a grid aligned to an equal-area CRS.")

    def tags(self):
        return self.tr("fishnet,grid,density,mining,footprint,area,apportion").split(",")

    def shortHelpString(self):
        return self.tr(
            "Builds a fishnet of square cells over the study area and computes, for every cell, the "
            "mining footprint area inside it and its density (percent of the cell area), as in the "
            "100 km fishnet of the reference paper (Fig. 1).\n\n"
            "Areas are computed in km² in an equal-area CRS: by default an Albers equal-area "
            "projection fitted to the study area (its definition is written to the log). Grid lines lie "
            "on multiples of the cell size in that CRS, so reruns and grids of other sizes align.\n\n"
            "A footprint that straddles cells splits its area between them; overlapping footprints "
            "are dissolved first, so no area is counted twice. With a weight field each footprint "
            "contributes its weight (for example km² of mining in a gridded product) apportioned by "
            "the share of its area in each cell.\n\n"
            "Cells are clipped to the study area by default; clipped border cells can be tiny, and "
            "their density is then unreliable: use 'Minimum cell fraction' to drop them.\n\n"
            "Geographic grids: with 'Cell size in degrees' (for example 0.5, 5' or 30\") the grid is a WGS 84 "
            "longitude/latitude grid aligned on 180° W / 90° N, the convention of the Maus et al. (2022) "
            "mining area grid products: row and col are the global raster row and column, cell_km2 is the "
            "exact area of the cell on the WGS 84 ellipsoid and the mining area of every footprint piece is "
            "measured on the ellipsoid too, so the pieces of a footprint add up to its area.\n\n"
            "Sparse grids: without 'Keep cells without mining' only the cells that meet a footprint are "
            "enumerated, never the whole grid over the study area, so 30\" or 1 km grids of large regions "
            "(or the globe) stay small.\n\n"
            "Invalid footprints are repaired (makeValid) and NULL geometries skipped; both are counted "
            "in the log.\n\n"
            "Output fields: cell_id, row (0 = northernmost), col (0 = westernmost), cell_km2, "
            "n_polygons (footprints intersecting the cell), n_mines (distinct mine ids), mining_km2, "
            "density_pct."
        ) + "\n\n" + rule_help() + "\n\n" + self.tr(
            "With a weight field every footprint carries its own weight, duplicates included (a weight is a "
            "quantity of the feature, not an area)."
        )

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Mining footprints"), [compat.TYPE_VECTOR_POLYGON]
            ),
            self.tr("Polygon layer of mining footprints, in any CRS; multipart polygons are allowed."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.STUDY_AREA, self.tr("Study area"), [compat.TYPE_VECTOR_POLYGON], optional=True
            ),
            self.tr(
                "Optional polygon layer bounding the analysis (for example provinces). Its features "
                "are merged. Default: the extent of the footprints."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.CELL_SIZE, self.tr("Cell size (metres)"), compat.NUMBER_DOUBLE, defaultValue=100000.0
            ),
            self.tr("Side of the square cells, in metres of the grid CRS. The paper uses 100 km."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.DEGREE_CELL_SIZE, self.tr("Cell size in degrees (geographic grid)"),
                                         defaultValue="", optional=True),
            self.tr("Optional: build a WGS 84 longitude/latitude grid with this cell size instead of a projected "
                    "one, for example 0.5 (degrees), 5' (arc-minutes) or 30\" (arc-seconds); the size must divide "
                    "180°. Cells are aligned on 180° W / 90° N as in the Maus et al. grid products and areas are "
                    "computed on the WGS 84 ellipsoid. 'Cell size (metres)' and 'Grid CRS' are then not used."),
        )
        self.add_parameter(
            QgsProcessingParameterCrs(self.GRID_CRS, self.tr("Grid CRS"), optional=True),
            self.tr(
                "Projected CRS of the grid, in metres; it should be equal-area. Default: an Albers "
                "equal-area CRS fitted to the study area."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.CLIP, self.tr("Clip cells to the study area"), defaultValue=True),
            self.tr("Clip border cells to the study area, so density is relative to the land inside it."),
        )
        min_fraction = QgsProcessingParameterNumber(
            self.MIN_CELL_FRACTION,
            self.tr("Minimum cell fraction"),
            compat.NUMBER_DOUBLE,
            defaultValue=0.0,
            minValue=0.0,
            maxValue=1.0,
        )
        self.add_parameter(
            min_fraction,
            self.tr(
                "Drop clipped cells smaller than this fraction of a full cell (0 keeps all). Border "
                "slivers of a few km² can show extreme densities."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.WEIGHT_FIELD,
                self.tr("Weight field"),
                parentLayerParameterName=self.INPUT,
                type=compat.FIELD_NUMERIC,
                optional=True,
            ),
            self.tr(
                "Optional numeric field: each footprint contributes this quantity (for example km² of "
                "mining in a gridded product) apportioned by the share of its area in each cell, "
                "instead of its area. NULL or negative values are refused."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.MINE_ID_FIELD,
                self.tr("Mine id field"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            ),
            self.tr("Optional field identifying the mine of each footprint; n_mines counts distinct ids per cell."),
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.KEEP_EMPTY, self.tr("Keep cells without mining"), defaultValue=True),
            self.tr("Keep cells with no mining (their values are 0, not NULL). Unchecked, only the cells that "
                    "meet a footprint are enumerated and written (a sparse grid, for fine cells over large areas)."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_CELLS,
                self.tr("Maximum number of cells"),
                compat.NUMBER_INTEGER,
                defaultValue=5000000,
                minValue=1,
            ),
            self.tr("Safety limit: a grid with more cells is refused, with a suggested cell size."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Fishnet density"), compat.TYPE_VECTOR_POLYGON),
            self.tr("Output grid cells (polygons in the grid CRS) with the density fields."),
        )
        self.add_output(QgsProcessingOutputNumber(self.CELL_COUNT, self.tr("Number of cells")))
        self.add_output(QgsProcessingOutputNumber(self.CELLS_WITH_MINING, self.tr("Cells with mining")))
        self.add_output(QgsProcessingOutputNumber(self.TOTAL_MINING_KM2, self.tr("Total mining area (km²)")))
        self.add_output(QgsProcessingOutputNumber(self.MAX_DENSITY_PCT, self.tr("Maximum density (%)")))

    def execute(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ...core import sparse_grid
        from ...core.grid import fishnet_density

        source = self.source(parameters, self.INPUT, context)
        study = self.source(parameters, self.STUDY_AREA, context, optional=True)
        cell_size = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        degree_text = (self.parameterAsString(parameters, self.DEGREE_CELL_SIZE, context) or "").strip()
        degree_size = sparse_grid.parse_degree_cell_size(degree_text) if degree_text else None
        if degree_size is None and not cell_size > 0:
            raise QgsProcessingException(
                self.tr("The cell size must be greater than 0; got {value}.").format(value=cell_size)
            )
        clip = self.parameterAsBool(parameters, self.CLIP, context)
        min_fraction = self.parameterAsDouble(parameters, self.MIN_CELL_FRACTION, context)
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        mine_field = self.parameterAsString(parameters, self.MINE_ID_FIELD, context)
        keep_empty = self.parameterAsBool(parameters, self.KEEP_EMPTY, context)
        max_cells = self.parameterAsInt(parameters, self.MAX_CELLS, context)

        if source.featureCount() == 0:
            raise QgsProcessingException(
                self.tr("Layer {layer} has no features.").format(layer=source.sourceName())
            )
        if degree_size is not None:
            grid_crs = crs_io.wgs84()
            feedback.pushInfo(self.tr(
                "Geographic grid: WGS 84 longitude/latitude cells of {size} aligned on 180° W / 90° N (the "
                "convention of the Maus et al. grid products); cell and mining areas on the WGS 84 ellipsoid."
            ).format(size=sparse_grid.degree_size_label(degree_size)))
            feedback.pushInfo(self.tr("Clip: {clip}; minimum cell fraction: {fraction}").format(
                clip=clip, fraction=min_fraction))
        else:
            grid_crs, _ = crs_io.resolve_equal_area_crs(
                self, parameters, self.GRID_CRS, study if study is not None else source, context
            )
            feedback.pushInfo(self.tr("Grid CRS: {definition}").format(
                definition=grid_crs.toProj() or grid_crs.authid()))
            feedback.pushInfo(self.tr("Cell size: {size} m; clip: {clip}; minimum cell fraction: {fraction}").format(
                size=cell_size, clip=clip, fraction=min_fraction))
        sparse = degree_size is not None or not keep_empty
        if not keep_empty:
            feedback.pushInfo(self.tr("Sparse grid: only the cells that meet a footprint are enumerated and written."))

        fields = [f for f in (weight_field, mine_field) if f]
        data = vio.read_polygons(source, context, feedback, crs=grid_crs, fields=fields,
                                 progress_range=(0.0, 20.0))
        if feedback.isCanceled():
            return {}
        if len(data) == 0:
            raise QgsProcessingException(
                self.tr("Layer {layer} has no footprint with a usable polygon geometry.").format(layer=data.layer_name)
            )
        weights = data.numeric(weight_field, allow_null=False, allow_negative=False) if weight_field else None
        mine_ids = None
        if mine_field:
            raw = data.attributes[mine_field]
            mine_ids = np.array([None if v is None else str(v) for v in raw], dtype=object)  # NULL: no mine

        area_geom = None
        if study is not None:
            area = vio.read_polygons(study, context, feedback, crs=grid_crs, progress_range=(20.0, 25.0))
            if len(area) == 0:
                raise QgsProcessingException(
                    self.tr("The study area layer {layer} has no polygon.").format(layer=area.layer_name)
                )
            area_geom = shapely.union_all(area.geometries)

        if not sparse:  # a dense grid enumerates every cell of the extent
            self._check_memory(data.geometries, area_geom, cell_size, max_cells)
        common = {
            "study_area": area_geom,
            "clip": clip and area_geom is not None,
            "min_cell_fraction": min_fraction,
            "weights": weights,
            "mine_ids": mine_ids,
            "keep_empty": keep_empty,
            "max_cells": max_cells,
            "progress": self.progress_callback(feedback, 25.0, 80.0),
        }
        if sparse:
            if degree_size is not None:
                grid = sparse_grid.DegreeGrid(degree_size)
            else:
                extent = area_geom.bounds if area_geom is not None else shapely.total_bounds(data.geometries)
                grid = sparse_grid.PlanarGrid.covering(extent, cell_size)
            result = sparse_grid.sparse_density(data.geometries, grid=grid, **common)
        else:
            result = fishnet_density(data.geometries, cell_size=cell_size, **common)
        if feedback.isCanceled():
            return {}
        log_footprint_rule(feedback, data.layer_name, data.fids, result.footprint_status)
        feedback.pushInfo(self.tr("Grid of {rows} rows x {cols} columns; {n} cells written.").format(
            rows=result.n_rows, cols=result.n_cols, n=len(result.cell_id)))
        if result.n_cells_dropped:
            feedback.pushInfo(self.tr("{n} clipped cells smaller than the minimum cell fraction were dropped.").format(
                n=result.n_cells_dropped))

        sink, dest_id = self.sink(  # MultiPolygon: a cell clipped by the study area can fall apart
            parameters, self.OUTPUT, context, vio.make_fields(OUTPUT_FIELDS), compat.WKB_MULTIPOLYGON, grid_crs
        )
        columns = [result.cell_id, result.row, result.col, result.cell_km2, result.n_polygons,
                   result.n_mines, result.mining_km2, result.density_pct]
        vio.write_features(self, sink, parameters, self.OUTPUT, feedback, columns, result.geometries,
                           progress_range=(80.0, 100.0))
        del sink
        self.style_output(context, dest_id, "fishnet_density")

        with_mining = int(np.count_nonzero(result.mining_km2 > 0))
        total = float(result.mining_km2.sum())
        max_density = float(result.density_pct.max()) if len(result.density_pct) else 0.0
        feedback.pushInfo(
            self.tr("Cells with mining: {n}; total mining area {area:.4f} km²; maximum density {max:.4f} %.").format(
                n=with_mining, area=total, max=max_density
            )
        )
        return {
            self.OUTPUT: dest_id,
            self.CELL_COUNT: len(result.cell_id),
            self.CELLS_WITH_MINING: with_mining,
            self.TOTAL_MINING_KM2: total,
            self.MAX_DENSITY_PCT: max_density,
        }


    def _check_memory(self, geometries, area_geom, cell_size, max_cells) -> None:
        """Refuse a grid whose cells would not fit in memory, whatever MAX_CELLS allows (the user may
        have raised it): about BYTES_PER_CELL bytes per cell while the grid is built and written."""
        import os

        import numpy as np
        import shapely

        bounds = shapely.total_bounds(geometries if area_geom is None else np.array([area_geom], dtype=object))
        cells = (float(np.ceil((bounds[2] - bounds[0]) / cell_size) + 1)
                 * float(np.ceil((bounds[3] - bounds[1]) / cell_size) + 1))
        try:
            memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (ValueError, OSError, AttributeError):
            return
        need = cells * BYTES_PER_CELL
        if cells <= max_cells and need > 0.5 * memory:
            raise QgsProcessingException(self.tr(
                "A grid of about {cells:.3g} cells of {size:g} m needs about {need:.1f} GB of memory, more than half "
                "of this machine's {memory:.1f} GB. Choose a larger cell size.").format(
                cells=cells, size=cell_size, need=need / 1e9, memory=memory / 1e9))
