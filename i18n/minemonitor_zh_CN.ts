<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccuracyAssessmentAlgorithm</name>
    <message>
        <source>Interpretation accuracy assessment</source>
        <translation>解译精度评价</translation>
    </message>
    <message>
        <source>Confusion matrix, overall accuracy, Cohen's kappa and producer's and user's accuracy with confidence intervals, from field verification records.</source>
        <translation>根据实地核查记录计算混淆矩阵、总体精度、Cohen kappa 系数以及生产者精度和用户精度及其置信区间。</translation>
    </message>
    <message>
        <source>accuracy,verification,confusion,error matrix,kappa,producer,user,field check</source>
        <translation>精度,核查,混淆,误差矩阵,kappa,生产者,用户,实地核查</translation>
    </message>
    <message>
        <source>Compares the class observed in the field (verification points or polygons) with the class mapped by the interpretation (the footprint the record falls on):
- a point matches the footprint containing it (or touching it; with several, the first listed);
- a polygon matches the footprint it overlaps most.
Records that match no footprint are unmatched: they are counted and listed (log, report, records layer) and left out of the matrix, or, with 'Class for unmatched records', counted as mapped to that class (for example 'non-mining', so missed footprints lower the producer's accuracy). Records without an observed class, or on a footprint without a mapped class, are listed and left out.

The confusion matrix has the mapped classes in rows and the observed (reference) classes in columns. Overall accuracy = correct / n. Producer's accuracy of a class = correct / reference total (1 - omission error); user's accuracy = correct / mapped total (1 - commission error). Cohen's kappa with its large-sample standard error (delta method; Congalton &amp; Green 2009) and the normal interval kappa ± z·se. Intervals for proportions: Wilson score (default; good coverage for accuracies near 1 and small class totals) or the normal approximation p ± z·sqrt(p(1-p)/(m-1)) (Olofsson et al. 2014, for simple random samples). The records are treated as a simple random sample or a census (as when every patch is field-checked); area-weighted stratified estimators are not applied.

With 'Compare as type codes' labels are normalised like occupation codes ('2a' = '2A', 10 = '10') and Table 1 codes are listed in Table 1 order.</source>
        <translation>将实地核查（核查点或核查面）观测到的类别与解译制图的类别（记录所在的图斑）进行比较：
- 核查点匹配包含它（或与其接触）的图斑；有多个时取排在最前的一个；
- 核查面匹配与其重叠面积最大的图斑。
未匹配任何图斑的记录为“未匹配”：它们会被统计并列出（日志、报告、记录图层），且不计入矩阵；若设置了“未匹配记录的类别”，则计为制图为该类别（例如“非矿山”，这样遗漏的图斑会降低生产者精度）。没有观测类别或落在无制图类别图斑上的记录会被列出并排除。

混淆矩阵的行为制图类别，列为观测（参考）类别。总体精度 = 正确数 / n。某类的生产者精度 = 正确数 / 参考合计（1 - 漏分误差）；用户精度 = 正确数 / 制图合计（1 - 错分误差）。Cohen kappa 系数给出其大样本标准误（delta 方法；Congalton &amp; Green 2009）及正态区间 kappa ± z·se。比例的区间：Wilson 得分区间（默认；精度接近 1、类别样本少时覆盖率好）或正态近似 p ± z·sqrt(p(1-p)/(m-1))（Olofsson 等 2014，适用于简单随机抽样）。核查记录按简单随机样本或普查处理（如每个图斑都经实地核查）；不使用按面积加权的分层估计量。

勾选“按类型编码比较”时，标签按占地类型编码规范化（'2a' = '2A'，10 = '10'），表 1 中的编码按表 1 顺序排列。</translation>
    </message>
    <message>
        <source>Verification records</source>
        <translation>核查记录</translation>
    </message>
    <message>
        <source>Field verification points or polygons with the class observed on site.</source>
        <translation>实地核查点或核查面，含现场观测到的类别。</translation>
    </message>
    <message>
        <source>Observed class field</source>
        <translation>观测类别字段</translation>
    </message>
    <message>
        <source>Field of the verification layer with the observed (reference) class.</source>
        <translation>核查图层中记录观测（参考）类别的字段。</translation>
    </message>
    <message>
        <source>Interpreted footprints</source>
        <translation>解译图斑</translation>
    </message>
    <message>
        <source>Polygon layer of the interpreted (mapped) footprints.</source>
        <translation>解译（制图）图斑的面图层。</translation>
    </message>
    <message>
        <source>Mapped class field</source>
        <translation>制图类别字段</translation>
    </message>
    <message>
        <source>Field of the footprint layer with the mapped class.</source>
        <translation>图斑图层中记录制图类别的字段。</translation>
    </message>
    <message>
        <source>Class for unmatched records</source>
        <translation>未匹配记录的类别</translation>
    </message>
    <message>
        <source>Leave empty to leave records outside every footprint out of the matrix (they are counted and listed). Give a class name (for example non-mining) to count them as mapped to that class.</source>
        <translation>留空时，落在所有图斑之外的记录不计入矩阵（但会被统计并列出）。填写类别名称（例如 non-mining）则将它们计为制图为该类别。</translation>
    </message>
    <message>
        <source>Compare as type codes</source>
        <translation>按类型编码比较</translation>
    </message>
    <message>
        <source>Normalise labels like occupation type codes: ignore case and spaces, 10.0 = 10.</source>
        <translation>按占地类型编码规范化标签：忽略大小写和空格，10.0 = 10。</translation>
    </message>
    <message>
        <source>Confidence level</source>
        <translation>置信水平</translation>
    </message>
    <message>
        <source>Confidence level of all intervals.</source>
        <translation>所有区间的置信水平。</translation>
    </message>
    <message>
        <source>Interval for accuracies</source>
        <translation>精度区间方法</translation>
    </message>
    <message>
        <source>Wilson score</source>
        <translation>Wilson 得分区间</translation>
    </message>
    <message>
        <source>Normal approximation</source>
        <translation>正态近似</translation>
    </message>
    <message>
        <source>Interval for overall, producer's and user's accuracy: Wilson score (recommended) or normal approximation (Olofsson et al. 2014).</source>
        <translation>总体精度、生产者精度和用户精度的区间：Wilson 得分区间（推荐）或正态近似（Olofsson 等 2014）。</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Table: one row per mapped class (map_class), one column ref_&lt;class&gt; per observed class, the row total, and a last row TOTAL with the column totals.</source>
        <translation>表：每个制图类别一行（map_class），每个观测类别一列 ref_&lt;class&gt;，行合计，最后一行 TOTAL 为列合计。</translation>
    </message>
    <message>
        <source>Accuracy per class</source>
        <translation>分类精度</translation>
    </message>
    <message>
        <source>Table: per class the reference, mapped and correct counts, producer's and user's accuracy with interval bounds, omission and commission errors.</source>
        <translation>表：每个类别的参考数、制图数和正确数，生产者精度和用户精度及其区间上下限，漏分误差和错分误差。</translation>
    </message>
    <message>
        <source>Checked records</source>
        <translation>核查结果记录</translation>
    </message>
    <message>
        <source>Optional point layer (a point inside each verification record) with observed and mapped class, matched footprint id and status: 0 agree, 1 disagree, 2 unmatched, 3 no observed class, 4 footprint without mapped class.</source>
        <translation>可选点图层（每条核查记录内的一个点），含观测类别和制图类别、匹配图斑的编号及状态：0 一致，1 不一致，2 未匹配，3 无观测类别，4 图斑无制图类别。</translation>
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
        <source>HTML report with the matrix, the accuracy measures and the unmatched records.</source>
        <translation>HTML 报告，含混淆矩阵、精度指标和未匹配记录。</translation>
    </message>
    <message>
        <source>Overall accuracy</source>
        <translation>总体精度</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa 系数</translation>
    </message>
    <message>
        <source>Kappa standard error</source>
        <translation>Kappa 标准误</translation>
    </message>
    <message>
        <source>Records in the matrix</source>
        <translation>矩阵中的记录数</translation>
    </message>
    <message>
        <source>Unmatched records</source>
        <translation>未匹配记录数</translation>
    </message>
    <message>
        <source>Layer {layer} has no features.</source>
        <translation>图层 {layer} 没有要素。</translation>
    </message>
    <message>
        <source>Matching in the equal-area CRS {definition}</source>
        <translation>在等积坐标系 {definition} 中匹配</translation>
    </message>
    <message>
        <source>Intervals: {method} at {level:.1%}; unmatched records: {unmatched}; compare as type codes: {fold}.</source>
        <translation>区间：{method}，置信水平 {level:.1%}；未匹配记录：{unmatched}；按类型编码比较：{fold}。</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>不计入</translation>
    </message>
    <message>
        <source>Layer {layer} has no record with a usable geometry.</source>
        <translation>图层 {layer} 没有几何可用的记录。</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>no observed class</source>
        <translation>无观测类别</translation>
    </message>
    <message>
        <source>footprint without mapped class</source>
        <translation>图斑无制图类别</translation>
    </message>
    <message>
        <source>{n} records in the matrix; overall accuracy {oa:.4f} ({low:.4f}-{high:.4f}); kappa {kappa:.4f} (se {se:.4f}, {klow:.4f}-{khigh:.4f}).</source>
        <translation>矩阵中有 {n} 条记录；总体精度 {oa:.4f}（{low:.4f}-{high:.4f}）；kappa {kappa:.4f}（标准误 {se:.4f}，{klow:.4f}-{khigh:.4f}）。</translation>
    </message>
    <message>
        <source>{n} verification records fall on no interpreted footprint (feature ids {ids}).</source>
        <translation>{n} 条核查记录未落在任何解译图斑上（要素编号 {ids}）。</translation>
    </message>
    <message>
        <source>{n} verification records have no observed class and were left out (feature ids {ids}).</source>
        <translation>{n} 条核查记录没有观测类别，已排除（要素编号 {ids}）。</translation>
    </message>
    <message>
        <source>{n} verification records fall on footprints without a mapped class and were left out (feature ids {ids}).</source>
        <translation>{n} 条核查记录落在没有制图类别的图斑上，已排除（要素编号 {ids}）。</translation>
    </message>
    <message>
        <source>{n} records touch more than one footprint; see the candidates field.</source>
        <translation>{n} 条记录与多个图斑接触；见 candidates 字段。</translation>
    </message>
    <message>
        <source>normal approximation</source>
        <translation>正态近似</translation>
    </message>
    <message>
        <source>Verification records: {ver}; interpreted footprints: {fp}.</source>
        <translation>核查记录：{ver}；解译图斑：{fp}。</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Lower bound</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper bound</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>{n} records in the matrix; {unmatched} unmatched ({handling}); {missing} without an observed or mapped class; {ambiguous} touching more than one footprint. Intervals: {method}, {level:.1%}.</source>
        <translation>矩阵中有 {n} 条记录；{unmatched} 条未匹配（{handling}）；{missing} 条无观测或制图类别；{ambiguous} 条与多个图斑接触。区间：{method}，{level:.1%}。</translation>
    </message>
    <message>
        <source>counted as {name}</source>
        <translation>计为 {name}</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: mapped, columns: observed)</source>
        <translation>混淆矩阵（行：制图，列：观测）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>制图</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Producer's</source>
        <translation>生产者精度</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>User's</source>
        <translation>用户精度</translation>
    </message>
    <message>
        <source>Records on no footprint</source>
        <translation>未落在任何图斑上的记录</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Records without an observed or mapped class</source>
        <translation>无观测或制图类别的记录</translation>
    </message>
    <message>
        <source>Interpretation accuracy</source>
        <translation>解译精度</translation>
    </message>
</context>
<context>
    <name>AnnualStackMixin</name>
    <message>
        <source>Annual rasters</source>
        <translation>逐年栅格</translation>
    </message>
    <message>
        <source>Either one multiband raster whose bands are the years (band 1 = first year), or one single-band raster per year (band 1 of each is used). All on the same grid.</source>
        <translation>一个多波段栅格（每个波段为一年，波段 1 为第一年），或每年一个单波段栅格（各取波段 1）。所有栅格须在同一格网上。</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>The year of each band or raster, in input order: a list and/or ranges such as '2001-2020' or '2000, 2001, 2003-2022'. Empty: read from the layer names (e.g. ndvi_2016.tif) or band descriptions. Duplicate years are refused; missing years (gaps) are allowed and reported, the trend uses the real spacing.</source>
        <translation>按输入顺序给出每个波段或栅格的年份：列表和/或范围，如“2001-2020”或“2000, 2001, 2003-2022”。留空则从图层名称（如 ndvi_2016.tif）或波段描述中读取。重复年份将被拒绝；允许缺失年份（间断）并予以报告，趋势按实际年份间隔计算。</translation>
    </message>
    <message>
        <source>Decoding threads</source>
        <translation>解码线程数</translation>
    </message>
    <message>
        <source>Threads decoding the next block of the rasters while the current one is computed (GDAL releases Python's lock while decoding). 1 reads in the main thread only.</source>
        <translation>在计算当前数据块的同时解码下一个数据块的线程数（GDAL 解码时释放 Python 全局锁）。1 表示仅在主线程读取。</translation>
    </message>
    <message>
        <source>No annual raster was given.</source>
        <translation>未提供逐年栅格。</translation>
    </message>
    <message>
        <source>The layer {layer} is not a raster layer.</source>
        <translation>图层 {layer} 不是栅格图层。</translation>
    </message>
    <message>
        <source>bands of {layer}</source>
        <translation>{layer} 的波段</translation>
    </message>
    <message>
        <source>Raster {layer} has {n} bands; band 1 is used.</source>
        <translation>栅格 {layer} 有 {n} 个波段，使用波段 1。</translation>
    </message>
    <message>
        <source>rasters</source>
        <translation>栅格</translation>
    </message>
    <message>
        <source>the Years parameter</source>
        <translation>“年份”参数</translation>
    </message>
    <message>
        <source>Cannot read the years from the names of the {what} ({names}); give them in the Years parameter, e.g. 2001-2020.</source>
        <translation>无法从{what}的名称（{names}）中读取年份；请在“年份”参数中给出，如 2001-2020。</translation>
    </message>
    <message>
        <source>the layer names</source>
        <translation>图层名称</translation>
    </message>
    <message>
        <source>{n_years} years were given for {n_layers} {what}; give one year per band or raster.</source>
        <translation>为 {n_layers} 个{what}给出了 {n_years} 个年份；每个波段或栅格须对应一个年份。</translation>
    </message>
    <message>
        <source>{n} years from {source}: {first}-{last}</source>
        <translation>来自{source}的 {n} 个年份：{first}-{last}</translation>
    </message>
    <message>
        <source>Missing years (gaps, the trend uses the real spacing): {gaps}</source>
        <translation>缺失年份（间断，趋势按实际间隔计算）：{gaps}</translation>
    </message>
    <message>
        <source>The raster {layer} is not on the grid of {reference} ({difference}); put the annual rasters on one grid first (e.g. with Align rasters).</source>
        <translation>栅格 {layer} 与 {reference} 的格网不一致（{difference}）；请先将逐年栅格对齐到同一格网（例如使用“对齐栅格”）。</translation>
    </message>
</context>
<context>
    <name>CellTrendAlgorithm</name>
    <message>
        <source>Mining trend per cell over epochs</source>
        <translation>各格网采矿变化趋势（多期次）</translation>
    </message>
    <message>
        <source>Mann-Kendall trend and Theil-Sen slope of every cell's mining area over the survey epochs: where mining grows or shrinks.</source>
        <translation>各格网采矿面积在多个监测期次上的 Mann-Kendall 趋势与 Theil-Sen 斜率：采矿在哪里扩张或收缩。</translation>
    </message>
    <message>
        <source>trend,mann-kendall,theil-sen,sen slope,epoch,quarter,monitoring,growth</source>
        <translation>趋势,mann-kendall,theil-sen,sen斜率,期次,季度,监测,扩张</translation>
    </message>
    <message>
        <source>significant increase</source>
        <translation>显著增加</translation>
    </message>
    <message>
        <source>no significant trend</source>
        <translation>无显著趋势</translation>
    </message>
    <message>
        <source>significant decrease</source>
        <translation>显著减少</translation>
    </message>
    <message>
        <source>too few epochs</source>
        <translation>期次不足</translation>
    </message>
    <message>
        <source>For every cell of a cell-by-epoch layer (the per-epoch output of 'Mining density over epochs'), tests the trend of a value (mining_km2 by default) over the epochs, with the same trend core as 'Vegetation trend':
- mk_s, mk_z, mk_p: Mann-Kendall S, its Z with the tie and continuity corrections, and the two-sided p-value; ties (a cell unchanged for several epochs) are handled by the tie correction;
- sen_per_epoch: Theil-Sen slope per epoch (median of the pairwise slopes over the epoch numbers), in the unit of the value field (km² for mining_km2);
- sen_per_year: Theil-Sen slope per year, over the real dates of the epochs (months for years, quarters and months, days for dates), so uneven spacing is taken into account;
- trend_class: 1 significant increase, 0 no significant trend, -1 significant decrease at the chosen level (trend gives the label); first_value, last_value, n_epochs (valid values).

A cell whose value never changes (no mining in any epoch, or a mine that did not move) has no trend: S = 0, p = 1, slope 0, class 0, not an empty value. Cells with fewer than three values are left NULL. With fewer than five epochs no trend can be significant at 0.05 (the log says so).

The output has one feature per cell (its geometry from the first epoch), styled increase / no trend / decrease; the optional report lists the classes, the map and the fastest-growing cells.</source>
        <translation>对格网-期次图层（“多期次采矿密度”的分期次输出）中的每个格网，检验某一数值（默认 mining_km2）随期次的趋势，所用趋势核心与“植被变化趋势”相同：
- mk_s、mk_z、mk_p：Mann-Kendall S、经结校正和连续性校正的 Z 以及双侧 p 值；结（格网在若干期次内不变）由结校正处理；
- sen_per_epoch：每期次的 Theil-Sen 斜率（按期次序号计算的成对斜率中位数），单位为数值字段的单位（mining_km2 为 km²）；
- sen_per_year：每年的 Theil-Sen 斜率，按各期次的实际日期计算（年、季度、月按月计，日期按日计），因此考虑了不等间隔；
- trend_class：在所选显著性水平下 1 为显著增加、0 为无显著趋势、-1 为显著减少（trend 给出名称）；first_value、last_value、n_epochs（有效值个数）。

数值从不变化的格网（任何期次都无采矿，或矿山未变动）没有趋势：S = 0，p = 1，斜率 0，类别 0，而不是空值。有效值少于三个的格网留为 NULL。期次少于五个时，在 0.05 水平上没有趋势能够显著（日志会说明）。

输出为每个格网一个要素（几何取自第一个期次），按增加 / 无趋势 / 减少设置样式；可选报告列出各类别、趋势图和增长最快的格网。</translation>
    </message>
    <message>
        <source>Numeric field whose trend is tested, for example mining_km2 (slopes in km² per epoch and year) or density_pct. NULL values are missing values.</source>
        <translation>要检验趋势的数值字段，例如 mining_km2（斜率单位为每期次和每年的 km²）或 density_pct。NULL 值视为缺失值。</translation>
    </message>
    <message>
        <source>Significance level</source>
        <translation>显著性水平</translation>
    </message>
    <message>
        <source>Two-sided level of the Mann-Kendall test below which a trend is significant.</source>
        <translation>Mann-Kendall 检验的双侧显著性水平，低于该值的趋势为显著。</translation>
    </message>
    <message>
        <source>Trend per cell</source>
        <translation>各格网趋势</translation>
    </message>
    <message>
        <source>One feature per cell with the Mann-Kendall and Theil-Sen fields, styled by trend_class.</source>
        <translation>每个格网一个要素，带 Mann-Kendall 和 Theil-Sen 字段，按 trend_class 设置样式。</translation>
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
        <source>Optional HTML report: cells and area per trend class, the trend map and the fastest-growing cells.</source>
        <translation>可选 HTML 报告：各趋势类别的格网数和面积、趋势图以及增长最快的格网。</translation>
    </message>
    <message>
        <source>Cells with a significant increase</source>
        <translation>显著增加的格网数</translation>
    </message>
    <message>
        <source>Cells with a significant decrease</source>
        <translation>显著减少的格网数</translation>
    </message>
    <message>
        <source>Cells without a significant trend</source>
        <translation>无显著趋势的格网数</translation>
    </message>
    <message>
        <source>Cells whose value never changes</source>
        <translation>数值从不变化的格网数</translation>
    </message>
    <message>
        <source>{cells} cells, {n} epochs ({labels}); value field {field}; two-sided level {alpha}.</source>
        <translation>{cells} 个格网，{n} 个期次（{labels}）；数值字段 {field}；双侧显著性水平 {alpha}。</translation>
    </message>
    <message>
        <source>Theil-Sen slopes per year over the epoch dates counted in {unit} ({spacing}); per epoch over the epoch numbers.</source>
        <translation>每年的 Theil-Sen 斜率按期次日期以{unit}计算（{spacing}）；每期次的斜率按期次序号计算。</translation>
    </message>
    <message>
        <source>months</source>
        <translation>月</translation>
    </message>
    <message>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>evenly spaced</source>
        <translation>等间隔</translation>
    </message>
    <message>
        <source>unevenly spaced</source>
        <translation>不等间隔</translation>
    </message>
    <message>
        <source>{n} cell-epoch values are missing (no feature or NULL): they are gaps in the series.</source>
        <translation>有 {n} 个格网-期次值缺失（无要素或为 NULL）：它们是序列中的空缺。</translation>
    </message>
    <message>
        <source>With {n} epochs the smallest possible Mann-Kendall p-value is {p:.3f}: no trend can be significant at {alpha}.</source>
        <translation>只有 {n} 个期次时，Mann-Kendall 最小可能的 p 值为 {p:.3f}：在 {alpha} 水平上没有趋势能够显著。</translation>
    </message>
    <message>
        <source>Significant increase: {up} cells; no significant trend: {none} cells ({constant} of them never change); significant decrease: {down} cells; too few epochs: {nodata} cells.</source>
        <translation>显著增加：{up} 个格网；无显著趋势：{none} 个格网（其中 {constant} 个从不变化）；显著减少：{down} 个格网；期次不足：{nodata} 个格网。</translation>
    </message>
    <message>
        <source>No cell changes over the epochs: every cell has no trend (S = 0, p = 1, slope 0).</source>
        <translation>没有格网随期次变化：所有格网均无趋势（S = 0，p = 1，斜率 0）。</translation>
    </message>
    <message>
        <source>Layer {layer}, field {field}; epochs {labels}; two-sided level {alpha}.</source>
        <translation>图层 {layer}，字段 {field}；期次 {labels}；双侧显著性水平 {alpha}。</translation>
    </message>
    <message>
        <source>Cells per trend class</source>
        <translation>各趋势类别的格网数</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>格网数</translation>
    </message>
    <message>
        <source>Cells %</source>
        <translation>格网 %</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <source>Trend over {first} - {last}</source>
        <translation>{first} - {last} 的趋势</translation>
    </message>
    <message>
        <source>Fastest-growing cells</source>
        <translation>增长最快的格网</translation>
    </message>
    <message>
        <source>Slope per year</source>
        <translation>每年斜率</translation>
    </message>
    <message>
        <source>Slope per epoch</source>
        <translation>每期次斜率</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>报告已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>DependencyInstallerUI</name>
    <message>
        <source>MineMonitor will install the Python packages {packages} for QGIS's Python into
{folder}

QGIS's own numpy {numpy} and scipy are kept: nothing that needs another version is installed. Packages QGIS already has are not installed again. Continue?</source>
        <translation>MineMonitor 将为 QGIS 的 Python 安装 Python 包 {packages}，安装位置：
{folder}

QGIS 自带的 numpy {numpy} 和 scipy 保持不变：需要其他版本的包不会被安装。QGIS 已有的包不会重复安装。是否继续？</translation>
    </message>
    <message>
        <source>Install Python dependencies</source>
        <translation>安装 Python 依赖</translation>
    </message>
    <message>
        <source>Preparing...</source>
        <translation>正在准备……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Installing MineMonitor's Python dependencies</source>
        <translation>正在安装 MineMonitor 的 Python 依赖</translation>
    </message>
    <message>
        <source>Installed {count} package(s) into {folder}:
{packages}</source>
        <translation>已将 {count} 个包安装到 {folder}：
{packages}</translation>
    </message>
    <message>
        <source>All MineMonitor dependencies are already available to QGIS's Python.</source>
        <translation>QGIS 的 Python 已具备 MineMonitor 的全部依赖。</translation>
    </message>
    <message>
        <source>QGIS's numpy {numpy} and scipy {scipy} were kept.</source>
        <translation>QGIS 的 numpy {numpy} 和 scipy {scipy} 保持不变。</translation>
    </message>
    <message>
        <source>Restart QGIS so the new versions of {modules} are used.</source>
        <translation>请重启 QGIS 以使用 {modules} 的新版本。</translation>
    </message>
    <message>
        <source>The installation was cancelled.</source>
        <translation>安装已取消。</translation>
    </message>
    <message>
        <source>The installation failed: {error}</source>
        <translation>安装失败：{error}</translation>
    </message>
</context>
<context>
    <name>DesertificationSensitivityAlgorithm</name>
    <message>
        <source>Desertification sensitivity (Table 6 model)</source>
        <translation>荒漠化敏感性（表 6 模型）</translation>
    </message>
    <message>
        <source>Grades raw factor rasters by Table 6, adds the grades and classifies the sum by natural breaks or given breaks, in one pass over the rasters.</source>
        <translation>按表 6 对原始因子栅格分级，累加各级得分，并按自然断点或给定断点对总分分级，只需遍历栅格一次。</translation>
    </message>
    <message>
        <source>desertification,sensitivity,Table 6,grade,weighted overlay,natural breaks,Fisher-Jenks,mining,ecology</source>
        <translation>荒漠化,敏感性,表 6,分级,加权叠加,自然断点,Fisher-Jenks,矿山,生态</translation>
    </message>
    <message>
        <source>The desertification sensitivity model of the reference paper in one step: each given factor raster is graded by its table (Table 6 by default, editable in the advanced parameters), the grades are added (or weighted), and the score is classified into sensitivity classes, by exact Fisher-Jenks natural breaks on a deterministic sample or by given breaks such as the paper's 28, 31, 34 (low &lt;= 28 &lt; moderate &lt;= 31 &lt; relatively high &lt;= 34 &lt; high).

Give any subset of the 13 factors (at least two). Mining land occupation: a land-use raster graded by the occupation table; with mining footprints, only pixels whose centre lies in a footprint get the land-use grade and all other pixels the 'grade outside mining' (default 1, low); without footprints the land-use raster is graded everywhere.

All rasters are put on the reference grid (default: the first factor given, in Table 6 order): continuous factors are resampled with the chosen method, categorical ones (erosion, geohazard, land use) always by nearest neighbour. Reading, grading, adding and writing go block by block, with the next block decoded on a second thread; a second pass over the score writes the classes when natural breaks are used. Values outside every row of a table become NoData (or the stated grade) and are counted in the log; NoData in any factor gives NoData in the score unless 'skip and renormalise' is chosen.

Outputs: the score (Int16, NoData -32768, or Float32 for weighted sums) and the classes (Byte, 1 = low, NoData 255), tiled DEFLATE GeoTIFFs, styled. 'Zonal class area' then gives the area of each class inside mining footprints (the paper's Fig. 13).

Table 6 presets:</source>
        <translation>一步完成参考论文的荒漠化敏感性模型：每个给定的因子栅格按其分级表（默认为表 6，可在高级参数中编辑）分级，各级得分相加（或加权），再将得分划分为敏感性等级，可采用对确定性样本的精确 Fisher-Jenks 自然断点，或给定断点，例如论文中的 28, 31, 34（低 &lt;= 28 &lt; 中 &lt;= 31 &lt; 较高 &lt;= 34 &lt; 高）。

可给出 13 个因子中的任意子集（至少两个）。矿山开发占地：按占地表对土地利用栅格分级；给出矿山图斑时，只有中心点位于图斑内的像元取土地利用等级，其余像元取“矿区外等级”（默认 1，低）；未给出图斑时，土地利用栅格在全部范围内分级。

所有栅格都被置于参考网格上（默认：按表 6 顺序给出的第一个因子）：连续因子按所选方法重采样，类别因子（侵蚀、地质灾害、土地利用）始终采用最邻近法。读取、分级、相加和写出均逐块进行，并在第二个线程上解码下一个数据块；使用自然断点时，会再遍历一次得分以写出等级。超出表中所有行的值变为 NoData（或指定的等级），并在日志中计数；除非选择“跳过并重新归一化”，任一因子为 NoData 时得分为 NoData。

输出：得分（Int16，NoData 为 -32768；加权求和时为 Float32）和等级（Byte，1 = 低，NoData 为 255），均为分块 DEFLATE 压缩的 GeoTIFF，并带样式。随后可用“分区等级面积”得到矿山图斑内各等级的面积（论文图 13）。

表 6 预设：</translation>
    </message>
    <message>
        <source>Diagnostics: the grade histogram and value range of every factor are logged (and written to the optional factor table and report); a factor that leaves grades of its table empty or puts more than 95 % of its pixels in one grade is named in a warning with its value range.</source>
        <translation>诊断：每个因子的等级直方图和取值范围写入日志（以及可选的因子表和报告）；若某因子有等级为空或超过 95% 的像元落在同一等级，会在警告中给出因子名称及其取值范围。</translation>
    </message>
    <message>
        <source>Soil moisture raster, volumetric (m³/m³).</source>
        <translation>土壤含水量栅格，体积含水量（m³/m³）。</translation>
    </message>
    <message>
        <source>Evapotranspiration raster, mm per month.</source>
        <translation>蒸散量栅格，mm/月。</translation>
    </message>
    <message>
        <source>Annual precipitation raster, mm per year.</source>
        <translation>年降水量栅格，mm/年。</translation>
    </message>
    <message>
        <source>Average wind speed raster, m/s.</source>
        <translation>平均风速栅格，m/s。</translation>
    </message>
    <message>
        <source>Soil sand content raster, percent (0-100).</source>
        <translation>土壤砂粒含量栅格，百分比（0-100）。</translation>
    </message>
    <message>
        <source>Soil silt content raster, percent (0-100).</source>
        <translation>土壤粉粒含量栅格，百分比（0-100）。</translation>
    </message>
    <message>
        <source>Soil clay content raster, percent (0-100).</source>
        <translation>土壤黏粒含量栅格，百分比（0-100）。</translation>
    </message>
    <message>
        <source>Soil erosion intensity class raster (codes as in the erosion table).</source>
        <translation>土壤侵蚀强度类别栅格（代码见侵蚀分级表）。</translation>
    </message>
    <message>
        <source>Slope raster in degrees (e.g. from a DEM with the Slope tool, in a projected CRS).</source>
        <translation>以度为单位的坡度栅格（例如在投影坐标系下用坡度工具由 DEM 计算）。</translation>
    </message>
    <message>
        <source>Geohazard susceptibility class raster (1 none, 2 low, 3 moderate, 4 high).</source>
        <translation>地质灾害易发性类别栅格（1 不易发、2 低、3 中、4 高）。</translation>
    </message>
    <message>
        <source>Multi-year mean NDVI raster.</source>
        <translation>多年平均 NDVI 栅格。</translation>
    </message>
    <message>
        <source>NDVI trend raster, NDVI units per year (e.g. a Sen slope).</source>
        <translation>NDVI 趋势栅格，单位为 NDVI/年（例如 Sen 斜率）。</translation>
    </message>
    <message>
        <source>Land-use raster (codes as in the occupation table) for the mining land occupation factor.</source>
        <translation>用于矿山开发占地因子的土地利用栅格（代码见占地分级表）。</translation>
    </message>
    <message>
        <source>Mining footprints</source>
        <translation>矿区范围</translation>
    </message>
    <message>
        <source>Optional mining footprint polygons: the land-use grade applies inside them only (pixel centre in a footprint); needs the land-use raster.</source>
        <translation>可选的矿山图斑面：土地利用等级仅适用于图斑内部（像元中心位于图斑内）；需要土地利用栅格。</translation>
    </message>
    <message>
        <source>Grade outside mining</source>
        <translation>矿区外等级</translation>
    </message>
    <message>
        <source>Mining land occupation grade of pixels outside every footprint (no occupation: 1, low).</source>
        <translation>位于所有图斑之外的像元的矿山占地等级（未占用：1，低）。</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Optional weights as FACTOR=weight pairs, e.g. SLOPE=2, NDVI_TREND=1.5 (factor names are the parameter names: SOIL_MOISTURE ... LAND_USE); unnamed factors weigh 1. Empty: the paper's plain sum.</source>
        <translation>可选权重，格式为 因子=权重，例如 SLOPE=2, NDVI_TREND=1.5（因子名称即参数名称：SOIL_MOISTURE … LAND_USE）；未列出的因子权重为 1。为空：论文中的简单求和。</translation>
    </message>
    <message>
        <source>How the grades are combined: the paper adds them (plain sum).</source>
        <translation>各级得分的组合方式：论文采用相加（简单求和）。</translation>
    </message>
    <message>
        <source>What a NoData pixel in one factor does to the score.</source>
        <translation>某一因子的 NoData 像元对得分的影响。</translation>
    </message>
    <message>
        <source>Resampling of continuous factors not on the reference grid (categorical factors always use nearest neighbour).</source>
        <translation>对不在参考网格上的连续因子的重采样方法（类别因子始终采用最邻近法）。</translation>
    </message>
    <message>
        <source>What factor values outside every row of their table become.</source>
        <translation>超出其分级表所有行的因子值变为何值。</translation>
    </message>
    <message>
        <source>Lower bound</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper bound</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Table: {factor}</source>
        <translation>分级表：{factor}</translation>
    </message>
    <message>
        <source>Threshold rows (lower bound, upper bound, grade; empty bound = open-ended) or category rows (code, grade) for this factor; the default is its Table 6 preset.</source>
        <translation>该因子的阈值行（下界、上界、等级；空界表示开放）或类别行（代码、等级）；默认为其表 6 预设。</translation>
    </message>
    <message>
        <source>Sensitivity score</source>
        <translation>敏感性得分</translation>
    </message>
    <message>
        <source>Sum (or weighted sum) of the factor grades (tiled DEFLATE GeoTIFF), styled.</source>
        <translation>各因子等级之和（或加权和）（分块 DEFLATE 压缩的 GeoTIFF），带样式。</translation>
    </message>
    <message>
        <source>Sensitivity class table</source>
        <translation>敏感性分级表</translation>
    </message>
    <message>
        <source>Optional table of the classes: class, label, score_from and score_to (the breaks used), pixels and pixels_pct.</source>
        <translation>可选的分级表：class、label、score_from 和 score_to（所用断点）、pixels 和 pixels_pct。</translation>
    </message>
    <message>
        <source>Factor grade table</source>
        <translation>因子等级表</translation>
    </message>
    <message>
        <source>Optional table with one row per factor and grade: factor, parameter, grade, pixels, pixels_pct, value_min, value_max and the warning when the factor leaves grades empty or puts more than 95 % of its pixels in one grade.</source>
        <translation>可选的表，每个因子每个等级一行：factor、parameter、grade、pixels、pixels_pct、value_min、value_max，以及当因子有等级为空或超过 95% 的像元落在同一等级时的警告。</translation>
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
        <source>Optional HTML report: class breaks and shares, factor warnings, a grade histogram per factor and the settings.</source>
        <translation>可选的 HTML 报告：分级断点与占比、因子警告、每个因子的等级直方图以及设置。</translation>
    </message>
    <message>
        <source>Number of factors</source>
        <translation>因子数</translation>
    </message>
    <message>
        <source>Factors with a warning</source>
        <translation>有警告的因子数</translation>
    </message>
    <message>
        <source>The weight {item} is not of the form FACTOR=weight (e.g. SLOPE=2).</source>
        <translation>权重 {item} 的格式不是 因子=权重（例如 SLOPE=2）。</translation>
    </message>
    <message>
        <source>Unknown factor {factor} in the weights; use {names}.</source>
        <translation>权重中有未知因子 {factor}；请使用 {names}。</translation>
    </message>
    <message>
        <source>A weight is given for {factor}, but no {factor} raster was given.</source>
        <translation>为 {factor} 给出了权重，但未给出 {factor} 栅格。</translation>
    </message>
    <message>
        <source>The weight of {factor} is given twice ({first} and {second}).</source>
        <translation>{factor} 的权重给出了两次（{first} 和 {second}）。</translation>
    </message>
    <message>
        <source>Mining footprints were given without a land-use raster: the occupation factor grades the land use inside the footprints.</source>
        <translation>给出了矿山图斑却没有土地利用栅格：占地因子是对图斑内的土地利用分级。</translation>
    </message>
    <message>
        <source>Give at least two factor rasters; {n} given.</source>
        <translation>请至少给出两个因子栅格；当前给出 {n} 个。</translation>
    </message>
    <message>
        <source>NDVI trend: Table 6's breaks read as the change over {years} years, i.e. divided by {years} for the per-year slope raster.</source>
        <translation>NDVI 趋势：表 6 的断点按 {years} 年内的变化解读，即对逐年斜率栅格除以 {years}。</translation>
    </message>
    <message>
        <source>Overlay: {spec}</source>
        <translation>叠加：{spec}</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>{factor} ({layer}): {kind} {table}, weight {weight:g}</source>
        <translation>{factor}（{layer}）：{kind} {table}，权重 {weight:g}</translation>
    </message>
    <message>
        <source>{n} mining footprints rasterised (pixel centre rule); grade outside mining: {grade}</source>
        <translation>已栅格化 {n} 个矿山图斑（像元中心规则）；矿区外等级：{grade}</translation>
    </message>
    <message>
        <source>{factor}: {n} pixels had values outside every row of the table.</source>
        <translation>{factor}：{n} 个像元的值超出分级表的所有行。</translation>
    </message>
</context>
<context>
    <name>EmergingHotSpotsAlgorithm</name>
    <message>
        <source>Emerging hot spots over epochs</source>
        <translation>多期次新兴热点</translation>
    </message>
    <message>
        <source>New, consecutive, intensifying, persistent, diminishing, sporadic, oscillating and historical hot and cold spots of mining over the survey epochs (space-time Gi* and Mann-Kendall).</source>
        <translation>多个监测期次上采矿的新增、连续、加强、持续、减弱、零星、振荡和历史热点与冷点（时空 Gi* 与 Mann-Kendall）。</translation>
    </message>
    <message>
        <source>emerging hot spot,space-time,gi*,getis,ord,mann-kendall,epoch,quarter,new,intensifying,persistent,arcgis,sfdep</source>
        <translation>新兴热点,时空,gi*,getis,ord,mann-kendall,期次,季度,新增,加强,持续,arcgis,sfdep</translation>
    </message>
    <message>
        <source>No pattern detected</source>
        <translation>未检测到模式</translation>
    </message>
    <message>
        <source>New hot spot</source>
        <translation>新增热点</translation>
    </message>
    <message>
        <source>Consecutive hot spot</source>
        <translation>连续热点</translation>
    </message>
    <message>
        <source>Intensifying hot spot</source>
        <translation>加强的热点</translation>
    </message>
    <message>
        <source>Persistent hot spot</source>
        <translation>持续热点</translation>
    </message>
    <message>
        <source>Diminishing hot spot</source>
        <translation>减弱的热点</translation>
    </message>
    <message>
        <source>Sporadic hot spot</source>
        <translation>零星热点</translation>
    </message>
    <message>
        <source>Oscillating hot spot</source>
        <translation>振荡热点</translation>
    </message>
    <message>
        <source>Historical hot spot</source>
        <translation>历史热点</translation>
    </message>
    <message>
        <source>New cold spot</source>
        <translation>新增冷点</translation>
    </message>
    <message>
        <source>Consecutive cold spot</source>
        <translation>连续冷点</translation>
    </message>
    <message>
        <source>Intensifying cold spot</source>
        <translation>加强的冷点</translation>
    </message>
    <message>
        <source>Persistent cold spot</source>
        <translation>持续冷点</translation>
    </message>
    <message>
        <source>Diminishing cold spot</source>
        <translation>减弱的冷点</translation>
    </message>
    <message>
        <source>Sporadic cold spot</source>
        <translation>零星冷点</translation>
    </message>
    <message>
        <source>Oscillating cold spot</source>
        <translation>振荡冷点</translation>
    </message>
    <message>
        <source>Historical cold spot</source>
        <translation>历史冷点</translation>
    </message>
    <message>
        <source>Emerging hot spot analysis as ArcGIS Pro defines it ('How Emerging Hot Spot Analysis works'), on a cell-by-epoch layer such as the per-epoch output of 'Mining density over epochs'.

1. Space-time Gi*: every cell in every epoch (a bin) is compared with the whole cube. Its neighbours are its spatial neighbours in the same epoch and the cell itself and its spatial neighbours in the previous TIME_STEPS epochs (1: the previous epoch). Spatial weights as in the other statistics (queen by default; fishnet row/col give the contiguity directly), binary by default as ArcGIS. Inference is analytical by default (as ArcGIS) or by conditional permutations with an explicit seed; the bins (-3..3 at 90/95/99 % confidence) use the Benjamini-Hochberg FDR correction over all bins when FDR is on (ArcGIS always applies it). A bin is a hot (cold) spot when its bin reaches the chosen confidence (90 %: any non-zero bin).
2. Trend: the Mann-Kendall test of each cell's series of Gi* z-scores; significant at the trend level (two-sided).
3. Categories (hot; cold spots mirror them), '90 %' meaning at least 90 % of the epochs:
- new: hot in the final epoch and never before;
- consecutive: one uninterrupted run of at least two hot epochs ending with the final one, never hot before the run, hot in less than 90 % of the epochs;
- intensifying: hot in at least 90 % of the epochs including the final one, z-scores increasing significantly;
- persistent: hot in at least 90 % of the epochs including the final one, no significant trend;
- diminishing: hot in at least 90 % of the epochs including the final one, z-scores decreasing significantly;
- sporadic: hot in the final epoch, hot on and off in less than 90 % of the epochs, never a cold spot;
- oscillating: hot in the final epoch, hot in less than 90 % of the epochs, a cold spot before;
- historical: not hot in the final epoch but hot in at least 90 % of the epochs.
Where the definitions overlap the more specific one wins, as in sfdep's order: hot only in the final epoch (or final run) after earlier cold spots is oscillating, not new (or consecutive); cold in 90 % of the epochs and hot in the final one is an oscillating hot spot, not a historical cold spot. With fewer than 10 epochs the 90 % rule means every epoch.

Differences from R sfdep's emerging_hotspot_analysis (each checked on series in the tests): sfdep standardises each epoch by that epoch's mean and variance (here, and in ArcGIS by default, the whole cube); it takes significance as a folded pseudo p-value of at most 0.01 without FDR and tests the trend at the same 0.01; its final run of a consecutive spot may mix hot and cold epochs (here that is oscillating); its intensifying hot spot counts epochs significant as hot or cold towards the 90 %; its persistent spot does not need the final epoch and is tested before historical; its historical spot needs a final z-score of the other sign; its sporadic spot does not need the final epoch.

Output: one feature per cell with category (1..8 new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating, historical hot spot; -1..-8 the cold ones; 0 no pattern), pattern (the name), n_hot and n_cold (significant epochs), trend_z and trend_p (Mann-Kendall of the z-scores), last_bin and last_z (the final epoch), styled with the category colours. The report maps the categories and tabulates cells and area per category.</source>
        <translation>按 ArcGIS Pro 的定义（“新兴热点分析的工作原理”）进行新兴热点分析，输入为格网-期次图层，例如“多期次采矿密度”的分期次输出。

1. 时空 Gi*：每个期次中的每个格网（一个时空单元）都与整个立方体比较。其邻域为同一期次中的空间邻居，以及前 TIME_STEPS 个期次中该格网本身及其空间邻居（1：前一个期次）。空间权重与其他统计工具相同（默认 queen 邻接；渔网的 row/col 直接给出邻接关系），与 ArcGIS 一样默认为二值权重。默认采用解析推断（与 ArcGIS 相同），也可采用指定随机种子的条件置换；开启 FDR 时，各单元的分级（-3..3，对应 90/95/99 % 置信度）在所有单元上使用 Benjamini-Hochberg FDR 校正（ArcGIS 总是使用）。单元的分级达到所选置信度时即为热点（冷点）（90 %：任何非零分级）。
2. 趋势：每个格网 Gi* z 得分序列的 Mann-Kendall 检验；在趋势显著性水平上（双侧）判断显著性。
3. 类别（热点；冷点与之对称），“90 %”指至少 90 % 的期次：
- 新增：最后一个期次为热点，之前从未是热点；
- 连续：以最后一个期次结束的至少两个热点期次的不间断连续段，在该段之前从未是热点，热点期次少于 90 %；
- 加强：包括最后一个期次在内至少 90 % 的期次为热点，z 得分显著上升；
- 持续：包括最后一个期次在内至少 90 % 的期次为热点，无显著趋势；
- 减弱：包括最后一个期次在内至少 90 % 的期次为热点，z 得分显著下降；
- 零星：最后一个期次为热点，少于 90 % 的期次时断时续地为热点，从未是冷点；
- 振荡：最后一个期次为热点，热点期次少于 90 %，之前曾是冷点；
- 历史：最后一个期次不是热点，但至少 90 % 的期次为热点。
定义重叠时采用更具体的一种，与 sfdep 的判断顺序相同：在早先的冷点之后仅最后一个期次（或最后一段）为热点的，是振荡而非新增（或连续）；90 % 的期次为冷点而最后一个期次为热点的，是振荡热点而非历史冷点。期次少于 10 个时，90 % 规则即指全部期次。

与 R sfdep 的 emerging_hotspot_analysis 的差异（测试中逐条在序列上检验）：sfdep 用各期次自身的均值和方差标准化每个期次（本工具与 ArcGIS 默认一样使用整个立方体）；sfdep 以不超过 0.01 的折叠伪 p 值判定显著性，不做 FDR，并以同样的 0.01 检验趋势；sfdep 连续热点的最后一段可以混合热点和冷点期次（本工具视为振荡）；sfdep 的加强热点把显著的热点或冷点期次都计入 90 %；sfdep 的持续热点不要求最后一个期次，并在历史热点之前判断；sfdep 的历史热点要求最后一个期次的 z 得分符号相反；sfdep 的零星热点不要求最后一个期次。

输出：每个格网一个要素，包含 category（1..8 为新增、连续、加强、持续、减弱、零星、振荡、历史热点；-1..-8 为相应冷点；0 为无模式）、pattern（名称）、n_hot 和 n_cold（显著期次数）、trend_z 和 trend_p（z 得分的 Mann-Kendall 检验）、last_bin 和 last_z（最后一个期次），按类别颜色设置样式。报告绘制类别图，并列出各类别的格网数和面积。</translation>
    </message>
    <message>
        <source>0 (default): analytical z-scores and normal p-values, as ArcGIS. More than 0: conditional permutations over the whole cube for pseudo p-values (at best 2 / (permutations + 1) two-sided: with FDR over many bins use enough of them).</source>
        <translation>0（默认）：解析 z 得分和正态 p 值，与 ArcGIS 相同。大于 0：在整个立方体上进行条件置换得到伪 p 值（双侧最小为 2 / (置换次数 + 1)：在大量单元上做 FDR 时请使用足够多的置换次数）。</translation>
    </message>
    <message>
        <source>Numeric field analysed in every epoch, for example density_pct (percent of the cell mined) or mining_km2. Every cell needs a value in every epoch.</source>
        <translation>每个期次中分析的数值字段，例如 density_pct（格网被开采的百分比）或 mining_km2。每个格网在每个期次都需要有值。</translation>
    </message>
    <message>
        <source>Neighbourhood time step (epochs)</source>
        <translation>邻域时间步长（期次）</translation>
    </message>
    <message>
        <source>Number of previous epochs whose bins (the cell itself and its spatial neighbours) join the neighbourhood of a bin: ArcGIS's neighbourhood time step, sfdep's k. 0: the same epoch only.</source>
        <translation>其单元（格网本身及其空间邻居）加入某单元邻域的前序期次个数：即 ArcGIS 的邻域时间步长、sfdep 的 k。0：仅同一期次。</translation>
    </message>
    <message>
        <source>Hot / cold spot confidence</source>
        <translation>热点 / 冷点置信度</translation>
    </message>
    <message>
        <source>A bin counts as a hot (cold) spot from this confidence on: 90 % (two-sided p &lt; 0.10, every non-zero Gi bin, as ArcGIS's hot spot bins), 95 % or 99 % (sfdep's default threshold 0.01).</source>
        <translation>单元达到此置信度即计为热点（冷点）：90 %（双侧 p &lt; 0.10，即任何非零 Gi 分级，与 ArcGIS 热点分级相同）、95 % 或 99 %（sfdep 默认阈值 0.01）。</translation>
    </message>
    <message>
        <source>Trend significance level</source>
        <translation>趋势显著性水平</translation>
    </message>
    <message>
        <source>Two-sided level of the Mann-Kendall test of each cell's Gi* z-scores (intensifying, diminishing and persistent spots).</source>
        <translation>每个格网 Gi* z 得分的 Mann-Kendall 检验的双侧显著性水平（用于加强、减弱和持续类别）。</translation>
    </message>
    <message>
        <source>Emerging hot spots</source>
        <translation>新兴热点</translation>
    </message>
    <message>
        <source>One feature per cell with the category, its name, the counts of hot and cold epochs, the trend of the z-scores and the final epoch's bin, styled by category.</source>
        <translation>每个格网一个要素，包含类别及其名称、热点和冷点期次数、z 得分趋势以及最后一个期次的分级，按类别设置样式。</translation>
    </message>
    <message>
        <source>Optional HTML report: the category map, cells and area per category, the settings and the rules.</source>
        <translation>可选 HTML 报告：类别图、各类别的格网数和面积、参数设置及判定规则。</translation>
    </message>
    <message>
        <source>Cells with a hot spot pattern</source>
        <translation>具有热点模式的格网数</translation>
    </message>
    <message>
        <source>Cells with a cold spot pattern</source>
        <translation>具有冷点模式的格网数</translation>
    </message>
    <message>
        <source>New hot spots</source>
        <translation>新增热点数</translation>
    </message>
    <message>
        <source>Binary (default, as ArcGIS): every neighbour bin weighs 1 (inverse-distance and .gwt weights are kept as they are). Row standardised (as sfdep): each bin's weights, its own included, sum to 1.</source>
        <translation>二值（默认，与 ArcGIS 相同）：每个邻域单元权重为 1（反距离权重和 .gwt 权重保持原值）。行标准化（与 sfdep 相同）：每个单元的权重（含自身）之和为 1。</translation>
    </message>
    <message>
        <source>The ids of a weights file must be the cell ids: set 'Id field' to {field} or leave it empty.</source>
        <translation>权重文件的 id 必须是格网 id：请将“Id 字段”设为 {field} 或留空。</translation>
    </message>
    <message>
        <source>Layer {layer} has {n} cells; spatial statistics need at least 3.</source>
        <translation>图层 {layer} 有 {n} 个格网；空间统计至少需要 3 个。</translation>
    </message>
    <message>
        <source>Emerging hot spots need at least three epochs (a trend over time); layer {layer} has {n}.</source>
        <translation>新兴热点至少需要三个期次（才能计算随时间的趋势）；图层 {layer} 只有 {n} 个。</translation>
    </message>
    <message>
        <source>{cells} cells x {n} epochs ({labels}) = {bins} bins; field {field}; neighbourhood time step {steps}; standardisation {transform}; confidence {confidence:.0%}; FDR {fdr}; trend level {alpha}; inference {inference}.</source>
        <translation>{cells} 个格网 x {n} 个期次（{labels}）= {bins} 个单元；字段 {field}；邻域时间步长 {steps}；标准化 {transform}；置信度 {confidence:.0%}；FDR {fdr}；趋势水平 {alpha}；推断方式 {inference}。</translation>
    </message>
    <message>
        <source>analytical</source>
        <translation>解析法</translation>
    </message>
    <message>
        <source>{perm} permutations, seed {seed}</source>
        <translation>{perm} 次置换，种子 {seed}</translation>
    </message>
    <message>
        <source>Only {n} epochs: with fewer than 10 the 90 % rule means every epoch, and the Mann-Kendall trend of the z-scores has little power (ArcGIS recommends at least 10 time steps).</source>
        <translation>只有 {n} 个期次：少于 10 个时 90 % 规则即指全部期次，且 z 得分的 Mann-Kendall 趋势检验功效很低（ArcGIS 建议至少 10 个时间步长）。</translation>
    </message>
    <message>
        <source>Every value of the cube is {value}: Gi* is undefined, so no cell has a pattern.</source>
        <translation>立方体中所有数值均为 {value}：Gi* 无定义，因此没有格网具有模式。</translation>
    </message>
    <message>
        <source>No bin is significant. With FDR over {bins} bins, the smallest pseudo p-value that {perm} permutations can give ({p:.4f}) may be too coarse: use more permutations or analytical inference (0).</source>
        <translation>没有显著的单元。在 {bins} 个单元上做 FDR 时，{perm} 次置换所能给出的最小伪 p 值（{p:.4f}）可能过于粗糙：请增加置换次数或使用解析推断（0）。</translation>
    </message>
    <message>
        <source>{pattern}: {n} cells.</source>
        <translation>{pattern}：{n} 个格网。</translation>
    </message>
    <message>
        <source>Gi*: sfdep standardises each epoch by that epoch's mean and variance while its neighbour sums include earlier epochs; here, as in ArcGIS by default, every bin is compared with the whole cube.</source>
        <translation>Gi*：sfdep 用各期次自身的均值和方差标准化每个期次，而其邻域和包含了更早的期次；本工具与 ArcGIS 默认设置一样，把每个单元与整个立方体比较。</translation>
    </message>
    <message>
        <source>Significance: sfdep takes a folded pseudo p-value of at most 0.01 without FDR; here the two-sided Gi bins at the chosen confidence, with FDR as chosen (ArcGIS applies it).</source>
        <translation>显著性：sfdep 以不超过 0.01 的折叠伪 p 值判定，不做 FDR；本工具使用所选置信度下的双侧 Gi 分级，FDR 按所选设置（ArcGIS 会使用）。</translation>
    </message>
    <message>
        <source>Trend: sfdep tests the Mann-Kendall trend at the same 0.01; here at the trend level.</source>
        <translation>趋势：sfdep 以同样的 0.01 检验 Mann-Kendall 趋势；本工具使用趋势显著性水平。</translation>
    </message>
    <message>
        <source>Consecutive: sfdep's final run may mix hot and cold epochs (a cold spot turning hot in one unbroken run is consecutive there, oscillating here).</source>
        <translation>连续：sfdep 的最后一段可以混合热点和冷点期次（冷点在一段不间断的显著期次中变为热点，在 sfdep 中为连续，在本工具中为振荡）。</translation>
    </message>
    <message>
        <source>Intensifying: sfdep counts epochs significant as hot or cold towards the 90 %; ArcGIS hot ones.</source>
        <translation>加强：sfdep 把显著的热点或冷点期次都计入 90 %；ArcGIS 只计热点期次。</translation>
    </message>
    <message>
        <source>Persistent: sfdep does not need the final epoch hot and tests it before historical (hot in 90 % of the epochs but not the final one: persistent in sfdep, historical here).</source>
        <translation>持续：sfdep 不要求最后一个期次为热点，并在历史热点之前判断（90 % 的期次为热点但最后一个期次不是：在 sfdep 中为持续，在本工具中为历史）。</translation>
    </message>
    <message>
        <source>Historical: sfdep needs a final z-score of the other sign (negative for a hot spot); ArcGIS only 'not hot'.</source>
        <translation>历史：sfdep 要求最后一个期次的 z 得分符号相反（热点为负）；ArcGIS 只要求“不是热点”。</translation>
    </message>
    <message>
        <source>Sporadic: sfdep does not need the final epoch hot; ArcGIS Pro's definition does.</source>
        <translation>零星：sfdep 不要求最后一个期次为热点；ArcGIS Pro 的定义要求。</translation>
    </message>
    <message>
        <source>Layer {layer}; epochs {labels}.</source>
        <translation>图层 {layer}；期次 {labels}。</translation>
    </message>
    <message>
        <source>Emerging hot and cold spots</source>
        <translation>新兴热点与冷点</translation>
    </message>
    <message>
        <source>Pattern at {last}</source>
        <translation>{last} 的模式</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>格网数</translation>
    </message>
    <message>
        <source>Cells %</source>
        <translation>格网 %</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <source>Area %</source>
        <translation>面积 %</translation>
    </message>
    <message>
        <source>Significant bins per epoch (90 % and above)</source>
        <translation>各期次的显著单元（置信度 90 % 及以上）</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Hot spot cells</source>
        <translation>热点格网数</translation>
    </message>
    <message>
        <source>Cold spot cells</source>
        <translation>冷点格网数</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Spatial weights</source>
        <translation>空间权重</translation>
    </message>
    <message>
        <source>Standardisation</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>row standardised</source>
        <translation>行标准化</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>二值</translation>
    </message>
    <message>
        <source>FDR correction</source>
        <translation>FDR 校正</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation>置换次数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>Mean space-time neighbours per bin</source>
        <translation>每个单元的平均时空邻居数</translation>
    </message>
    <message>
        <source>Differences from R sfdep (emerging_hotspot_analysis):</source>
        <translation>与 R sfdep（emerging_hotspot_analysis）的差异：</translation>
    </message>
    <message>
        <source>Categories follow ArcGIS Pro's definitions; at least 90 % of the epochs means 10 x count &gt;= 9 x epochs.</source>
        <translation>类别采用 ArcGIS Pro 的定义；“至少 90 % 的期次”即 10 x 个数 &gt;= 9 x 期次数。</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>报告已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>EpochCube</name>
    <message>
        <source>Cells by epoch</source>
        <translation>格网-期次表</translation>
    </message>
    <message>
        <source>One feature per cell and epoch, such as the per-epoch output of 'Mining density over epochs' (fields cell_id, epoch, mining_km2, density_pct). Each cell keeps its geometry from its first feature; the row and col fields of a fishnet give its neighbours directly.</source>
        <translation>每个格网和期次一个要素，例如“多期次采矿密度”的分期次输出（字段 cell_id、epoch、mining_km2、density_pct）。每个格网的几何取自其第一个要素；渔网的 row 和 col 字段直接给出其邻居。</translation>
    </message>
    <message>
        <source>Cell id field</source>
        <translation>格网 id 字段</translation>
    </message>
    <message>
        <source>Field identifying the cell (location) of each feature (default cell_id).</source>
        <translation>标识每个要素所属格网（位置）的字段（默认 cell_id）。</translation>
    </message>
    <message>
        <source>Epoch field</source>
        <translation>期次字段</translation>
    </message>
    <message>
        <source>Field holding the epoch of each feature (a date, a year or text such as 2022Q3; default epoch); epochs are sorted chronologically.</source>
        <translation>保存每个要素期次的字段（日期、年份或 2022Q3 等文本；默认 epoch）；期次按时间先后排序。</translation>
    </message>
    <message>
        <source>Value field</source>
        <translation>数值字段</translation>
    </message>
    <message>
        <source>Layer {layer} has no features with a usable geometry.</source>
        <translation>图层 {layer} 没有几何可用的要素。</translation>
    </message>
    <message>
        <source>The cell id field {field} is NULL for feature {fid}.</source>
        <translation>格网 id 字段 {field} 在要素 {fid} 中为 NULL。</translation>
    </message>
    <message>
        <source>Cell {cell} has several features for epoch {epoch}; give one value per cell and epoch.</source>
        <translation>格网 {cell} 在期次 {epoch} 中有多个要素；每个格网每个期次只能有一个值。</translation>
    </message>
    <message>
        <source>Cell {cell} has no value for epoch {epoch}: every cell needs a value in every epoch.</source>
        <translation>格网 {cell} 在期次 {epoch} 中没有值：每个格网在每个期次都需要有值。</translation>
    </message>
</context>
<context>
    <name>EpochDensityAlgorithm</name>
    <message>
        <source>Mining density over epochs</source>
        <translation>多期次采矿密度</translation>
    </message>
    <message>
        <source>Mining area, footprints, mines and density per fishnet cell for every survey epoch, on one grid, with totals per epoch and zone.</source>
        <translation>在同一个格网上计算每个监测期次各渔网格网的采矿面积、矿山占地个数、矿山数和密度，并给出各期次和各区域的合计。</translation>
    </message>
    <message>
        <source>epoch,quarter,time series,monitoring,fishnet,density,temporal,animation</source>
        <translation>期次,季度,时间序列,监测,渔网,密度,时态,动画</translation>
    </message>
    <message>
        <source>Lays one fishnet over the footprints of several survey epochs (for example 12 quarters) and computes, for every cell and epoch, the mining area inside it (mining_km2), the footprints (n_polygons) and distinct mines (n_mines) it holds and its density (density_pct, percent of the cell area). The grid follows the rules of 'Fishnet mining density': square cells on multiples of the cell size in an equal-area CRS (by default an Albers projection fitted to the study area), clipped to the study area, small border cells dropped with 'Minimum cell fraction'.

Epochs come either from one layer with an epoch field (a date, a year or text such as 2022Q3, 2022H1, 2022-03, 2022-03-31) or from a list of layers, one per epoch, labelled in the order given or from the layer names. They are sorted chronologically; NULL epochs and values that cannot be ordered are refused. An epoch without footprints is kept with zero mining (stated in the log).

Overlapping footprints: the footprints of each epoch are counted with the rule of every MineMonitor algorithm (below), within the epoch only: a footprint and its enlarged version in the next epoch never affect each other. So every epoch gives exactly what 'Fishnet mining density' gives on that epoch's footprints (mining_km2, n_polygons and n_mines in every cell), and its area and number of footprints are those of 'Footprint statistics' on them; the totals table gives the area counted once instead of several times (overlap_km2). The work is shared between epochs: the study area is laid on the grid once and a footprint repeated unchanged in later epochs is apportioned once.

Outputs: the per-epoch layer (one feature per cell and epoch, with epoch, epoch_index, epoch_start and epoch_end; its temporal properties are set so that the Temporal Controller animates it); the wide layer (one feature per cell, with km2_&lt;epoch&gt; and pct_&lt;epoch&gt; columns for maps); the totals table (per epoch: footprints, mines, footprint area, area inside the grid, area of dissolved overlaps, cells with mining; with a zone layer, the same per zone and epoch, footprints cut at zone boundaries, and the area outside every zone); and an optional HTML report with the density maps of every epoch and the area per zone and epoch as a chart.

Invalid footprints are repaired (makeValid) and NULL geometries skipped; both are counted in the log.</source>
        <translation>在多个监测期次（例如 12 个季度）的矿山占地上叠加一个渔网，计算每个格网在每个期次中的采矿面积（mining_km2）、所含占地图斑数（n_polygons）和不同矿山数（n_mines）以及密度（density_pct，占格网面积的百分比）。格网遵循“渔网采矿密度”的规则：正方形格网位于等积坐标系中格网尺寸的整数倍上（默认为适配研究区的 Albers 投影），按研究区裁剪，用“最小格网比例”去除边缘小格网。

期次来自带期次字段的单个图层（日期、年份或 2022Q3、2022H1、2022-03、2022-03-31 等文本），或来自每个期次一个图层的图层列表，其标签按给定顺序或从图层名称读取。期次按时间先后排序；NULL 期次和无法排序的值会被拒绝。没有占地的期次以零采矿保留（日志中说明）。

重叠占地：每个期次的占地按所有 MineMonitor 算法共用的规则（见下文）计数，且只在该期次内部适用：某个占地与其在下一期次中扩大后的版本互不影响。因此每个期次的结果与对该期次占地运行“渔网采矿密度”完全相同（每个格网的 mining_km2、n_polygons 和 n_mines），其面积和占地数等于对该期次占地运行“矿山占地统计”的结果；合计表给出只计一次而非多次计算的面积（overlap_km2）。各期次共享计算：研究区只在格网上叠加一次，在后续期次中原样重复的占地只分摊一次。

输出：分期次图层（每个格网和期次一个要素，含 epoch、epoch_index、epoch_start 和 epoch_end；已设置其时态属性，时态控制器可以播放动画）；宽表图层（每个格网一个要素，带用于制图的 km2_&lt;期次&gt; 和 pct_&lt;期次&gt; 列）；合计表（每个期次：占地数、矿山数、占地面积、格网内面积、已合并重叠的面积、有采矿的格网数；有区域图层时，还按区域和期次给出相同内容，占地在区域边界处切分，并给出所有区域以外的面积）；以及可选的 HTML 报告，包含各期次的密度图和以图表表示的各区域各期次面积。

无效占地会被修复（makeValid），NULL 几何会被跳过；两者都在日志中计数。</translation>
    </message>
    <message>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <source>Optional polygon layer bounding the analysis (its features are merged). Default: the extent of the footprints of all epochs.</source>
        <translation>可选的研究区多边形图层（其要素会被合并）。默认：所有期次占地的范围。</translation>
    </message>
    <message>
        <source>Cell size (metres)</source>
        <translation>格网大小（米）</translation>
    </message>
    <message>
        <source>Side of the square cells, in metres of the grid CRS.</source>
        <translation>正方形格网的边长，单位为格网坐标系的米。</translation>
    </message>
    <message>
        <source>Grid CRS</source>
        <translation>格网坐标系</translation>
    </message>
    <message>
        <source>Projected equal-area CRS of the grid, in metres. Default: an Albers equal-area CRS fitted to the study area (or to the footprints).</source>
        <translation>格网的投影等积坐标系，单位为米。默认：适配研究区（或占地）的 Albers 等积坐标系。</translation>
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
        <source>Drop clipped cells smaller than this fraction of a full cell (0 keeps all).</source>
        <translation>去除面积小于完整格网该比例的裁剪格网（0 表示全部保留）。</translation>
    </message>
    <message>
        <source>Mine id field</source>
        <translation>矿山编号字段</translation>
    </message>
    <message>
        <source>Optional field identifying the mine of each footprint; n_mines counts distinct ids per cell and epoch. With a list of layers, the field of this name in every layer.</source>
        <translation>可选字段，标识每个占地所属的矿山；n_mines 统计每个格网每个期次中的不同 id 数。使用图层列表时，为每个图层中同名的字段。</translation>
    </message>
    <message>
        <source>Keep cells without mining</source>
        <translation>保留无采矿格网</translation>
    </message>
    <message>
        <source>Keep cells without a footprint in any epoch (with zeros). A cell kept is kept in every epoch, so every cell has a value in every epoch (as the trend and emerging hot spot analyses need).</source>
        <translation>保留在任何期次都没有占地的格网（值为零）。保留的格网在每个期次都保留，因此每个格网在每个期次都有值（趋势分析和新兴热点分析需要）。</translation>
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
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Optional polygon layer (provinces, counties) for totals per zone and epoch.</source>
        <translation>可选的区域多边形图层（省、县），用于按区域和期次计算合计。</translation>
    </message>
    <message>
        <source>Zone name field</source>
        <translation>分区名称字段</translation>
    </message>
    <message>
        <source>Field naming each zone in the totals; default the zone feature id.</source>
        <translation>在合计中命名各区域的字段；默认为区域要素 id。</translation>
    </message>
    <message>
        <source>Density per epoch</source>
        <translation>分期次密度</translation>
    </message>
    <message>
        <source>One feature per cell and epoch, with epoch_start / epoch_end dates for the Temporal Controller.</source>
        <translation>每个格网和期次一个要素，带供时态控制器使用的 epoch_start / epoch_end 日期。</translation>
    </message>
    <message>
        <source>Density by epoch (one column per epoch)</source>
        <translation>各期次密度（每个期次一列）</translation>
    </message>
    <message>
        <source>One feature per cell with km2_&lt;epoch&gt; and pct_&lt;epoch&gt; columns, styled by the last epoch.</source>
        <translation>每个格网一个要素，带 km2_&lt;期次&gt; 和 pct_&lt;期次&gt; 列，按最后一个期次设置样式。</translation>
    </message>
    <message>
        <source>Totals per epoch and zone</source>
        <translation>各期次和区域合计</translation>
    </message>
    <message>
        <source>Table with one row per epoch (level total) and, with zones, per zone and epoch (level zone, and level outside for the area outside every zone).</source>
        <translation>每个期次一行（level 为 total）的表格；有区域时，还有每个区域每个期次一行（level 为 zone，所有区域以外的面积 level 为 outside）。</translation>
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
        <source>Optional HTML report: totals per epoch, area per zone and epoch as a chart, and the density map of every epoch.</source>
        <translation>可选 HTML 报告：各期次合计、以图表表示的各区域各期次面积，以及每个期次的密度图。</translation>
    </message>
    <message>
        <source>Number of cells</source>
        <translation>格网数</translation>
    </message>
    <message>
        <source>Number of epochs</source>
        <translation>期次数</translation>
    </message>
    <message>
        <source>Epochs in chronological order</source>
        <translation>按时间顺序排列的期次</translation>
    </message>
    <message>
        <source>The cell size must be greater than 0; got {value}.</source>
        <translation>格网大小必须大于 0；当前为 {value}。</translation>
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
        <source>{n} epochs in chronological order: {labels}.</source>
        <translation>按时间顺序的 {n} 个期次：{labels}。</translation>
    </message>
    <message>
        <source>No epoch has a footprint with a usable polygon geometry ({layers}).</source>
        <translation>没有任何期次含有可用多边形几何的占地（{layers}）。</translation>
    </message>
    <message>
        <source>The study area layer {layer} has no polygon.</source>
        <translation>研究区图层 {layer} 中没有面。</translation>
    </message>
    <message>
        <source>The zone layer {layer} has no polygon.</source>
        <translation>分区图层 {layer} 没有面要素。</translation>
    </message>
    <message>
        <source>Grid of {rows} rows x {cols} columns; {n} cells in every epoch. {total} footprints over all epochs hold {unique} distinct geometries: each was apportioned once.</source>
        <translation>格网为 {rows} 行 x {cols} 列；每个期次 {n} 个格网。所有期次的 {total} 个占地共有 {unique} 个不同的几何：每个只分摊了一次。</translation>
    </message>
    <message>
        <source>{n} clipped cells smaller than the minimum cell fraction were dropped.</source>
        <translation>剔除了 {n} 个小于最小格网比例的裁剪格网。</translation>
    </message>
    <message>
        <source>{n} invalid footprints were repaired with makeValid.</source>
        <translation>{n} 个无效占地已用 makeValid 修复。</translation>
    </message>
    <message>
        <source>Epoch {epoch} has no footprints: zero mining in every cell.</source>
        <translation>期次 {epoch} 没有占地：所有格网的采矿为零。</translation>
    </message>
    <message>
        <source>Epoch {epoch}: {n} footprints, {area:.4f} km² (overlaps counted once), {grid:.4f} km² inside the grid, {cells} cells with mining.</source>
        <translation>期次 {epoch}：{n} 个占地，{area:.4f} km²（重叠只计一次），格网内 {grid:.4f} km²，{cells} 个格网有采矿。</translation>
    </message>
    <message>
        <source>No footprint lies inside a cell in any epoch: every value is zero.</source>
        <translation>任何期次都没有占地位于格网内：所有数值均为零。</translation>
    </message>
    <message>
        <source>{layer} (epoch {epoch})</source>
        <translation>{layer}（期次 {epoch}）</translation>
    </message>
    <message>
        <source>(outside every zone)</source>
        <translation>（不在任何分区内）</translation>
    </message>
    <message>
        <source>Layers {layers}; grid of {size:g} m cells in {crs}.</source>
        <translation>图层 {layers}；{crs} 中 {size:g} 米的格网。</translation>
    </message>
    <message>
        <source>Mining per epoch</source>
        <translation>各期次采矿</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Footprints</source>
        <translation>图斑</translation>
    </message>
    <message>
        <source>Mines</source>
        <translation>矿山数</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <source>Inside the grid (km²)</source>
        <translation>格网内（km²）</translation>
    </message>
    <message>
        <source>Dissolved overlaps (km²)</source>
        <translation>已合并的重叠（km²）</translation>
    </message>
    <message>
        <source>Cells with mining</source>
        <translation>含采矿的格网数</translation>
    </message>
    <message>
        <source>matplotlib is not installed: the report has no charts.</source>
        <translation>未安装 matplotlib：报告中没有图表。</translation>
    </message>
    <message>
        <source>All footprints</source>
        <translation>全部占地</translation>
    </message>
    <message>
        <source>Mining area per zone and epoch (km²)</source>
        <translation>各区域各期次采矿面积（km²）</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Other zones</source>
        <translation>其他区域</translation>
    </message>
    <message>
        <source>Mining area (km²)</source>
        <translation>采矿面积（km²）</translation>
    </message>
    <message>
        <source>0 (no mining)</source>
        <translation>0（无采矿）</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>报告已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>EpochField</name>
    <message>
        <source>The epoch field {field} of layer {layer} is NULL for {n} features (feature ids {ids}); give every footprint an epoch.</source>
        <translation>图层 {layer} 的期次字段 {field} 有 {n} 个要素为 NULL（要素 id {ids}）；请为每个占地指定期次。</translation>
    </message>
</context>
<context>
    <name>EpochInput</name>
    <message>
        <source>Footprints of all epochs (one layer)</source>
        <translation>所有期次的占地（单个图层）</translation>
    </message>
    <message>
        <source>Polygon layer with the footprints of every survey epoch and an epoch field. Give either this layer or a list of layers, one per epoch.</source>
        <translation>包含各监测期次矿山占地和期次字段的多边形图层。请给出此图层，或给出每个期次一个图层的图层列表。</translation>
    </message>
    <message>
        <source>Epoch field</source>
        <translation>期次字段</translation>
    </message>
    <message>
        <source>Field of the single layer holding each footprint's epoch: a date, a year (2022) or text such as 2022Q3, 2022H1, 2022-03, 2022-03-31 or 2022年第3季度. Epochs are sorted chronologically; NULL values and values that cannot be ordered are refused, naming them.</source>
        <translation>单个图层中保存每个占地期次的字段：日期、年份（2022）或 2022Q3、2022H1、2022-03、2022-03-31、2022年第3季度等文本。期次按时间先后排序；NULL 值和无法排序的值会被拒绝，并给出具体值。</translation>
    </message>
    <message>
        <source>Footprints, one layer per epoch</source>
        <translation>占地，每个期次一个图层</translation>
    </message>
    <message>
        <source>Instead of one layer with an epoch field: one polygon layer per epoch, in any order and any CRS. A layer without features is an epoch without mining.</source>
        <translation>代替带期次字段的单个图层：每个期次一个多边形图层，顺序和坐标系不限。没有要素的图层表示该期次没有采矿。</translation>
    </message>
    <message>
        <source>Epoch labels of the layers</source>
        <translation>各图层的期次标签</translation>
    </message>
    <message>
        <source>Epoch of each layer of the list, in the same order, separated by commas (for example 2021Q1, 2021Q2, 2021Q3). Default: the epoch found in each layer's name (footprints_2021Q3).</source>
        <translation>列表中每个图层的期次，顺序与图层相同，用逗号分隔（例如 2021Q1, 2021Q2, 2021Q3）。默认：从每个图层的名称中读取期次（footprints_2021Q3）。</translation>
    </message>
    <message>
        <source>Give the footprints either as one layer with an epoch field or as a list of layers, not both.</source>
        <translation>请以带期次字段的单个图层或图层列表给出占地，不能两者都给。</translation>
    </message>
    <message>
        <source>Give the footprints of the epochs: one layer with an epoch field, or a list of layers (one per epoch).</source>
        <translation>请给出各期次的占地：带期次字段的单个图层，或图层列表（每个期次一个）。</translation>
    </message>
    <message>
        <source>Layer {layer} needs an epoch field: the field that says which survey epoch each footprint belongs to.</source>
        <translation>图层 {layer} 需要期次字段：即说明每个占地属于哪个监测期次的字段。</translation>
    </message>
    <message>
        <source>{n_labels} epoch labels were given for {n_layers} layers; give one label per layer, in the order of the layers.</source>
        <translation>为 {n_layers} 个图层给出了 {n_labels} 个期次标签；请按图层顺序为每个图层给出一个标签。</translation>
    </message>
    <message>
        <source>Layer {layer} has no valid CRS; set its CRS first.</source>
        <translation>图层 {layer} 没有有效的坐标系；请先设置其坐标系。</translation>
    </message>
    <message>
        <source>The epoch layers are in different CRSs ({crs}); every layer is transformed to the grid CRS.</source>
        <translation>各期次图层的坐标系不同（{crs}）；所有图层都会转换到格网坐标系。</translation>
    </message>
    <message>
        <source>Field {field} does not exist in layer {layer}.</source>
        <translation>图层 {layer} 中不存在字段 {field}。</translation>
    </message>
</context>
<context>
    <name>ExecutionMixin</name>
    <message>
        <source>Execution (dask scheduler)</source>
        <translation>运行位置（dask 调度器）</translation>
    </message>
    <message>
        <source>Where the heavy part runs. Empty: the default set in Processing &gt; Options &gt; Providers &gt; MineMonitor, else the environment variable MINEMONITOR_DASK_SCHEDULER, else this computer. 'local': this computer. tcp://host:8786: the dask scheduler at that address (started outside QGIS; its workers need minemonitor-core of this plugin's version and must see the inputs and the output folder under the same paths). The results are the same either way. On a cluster a raster output named .vrt is written as Cloud Optimized GeoTIFF tiles in a folder beside it plus the VRT; a .tif output is assembled into one Cloud Optimized GeoTIFF.</source>
        <translation>计算量大的部分在哪里运行。留空：使用“处理 &gt; 选项 &gt; 提供者 &gt; MineMonitor”中的默认设置，其次为环境变量 MINEMONITOR_DASK_SCHEDULER，否则在本机运行。“local”：在本机运行。tcp://host:8786：该地址上的 dask 调度器（在 QGIS 之外启动；其工作进程需要安装与本插件版本相同的 minemonitor-core，并且能以相同路径访问输入数据和输出文件夹）。两种方式的结果完全相同。在集群上，名为 .vrt 的栅格输出会写成其旁边文件夹中的云优化 GeoTIFF 瓦片加上该 VRT；.tif 输出会合并为一个云优化 GeoTIFF。</translation>
    </message>
    <message>
        <source>the EXECUTION parameter</source>
        <translation>EXECUTION 参数</translation>
    </message>
    <message>
        <source>the MineMonitor Processing option</source>
        <translation>MineMonitor 的处理选项</translation>
    </message>
    <message>
        <source>the environment variable {name}</source>
        <translation>环境变量 {name}</translation>
    </message>
    <message>
        <source>Execution: this computer.</source>
        <translation>运行位置：本机。</translation>
    </message>
    <message>
        <source>Execution: dask scheduler {address} (from {origin}).</source>
        <translation>运行位置：dask 调度器 {address}（来自{origin}）。</translation>
    </message>
    <message>
        <source>Running on the dask cluster {address} needs the Python packages {packages}, which are not installed for QGIS's Python. Install them with: {command}; or leave EXECUTION empty to run on this computer.</source>
        <translation>在 dask 集群 {address} 上运行需要 Python 包 {packages}，QGIS 的 Python 中尚未安装。请用以下命令安装：{command}；或将 EXECUTION 留空，在本机运行。</translation>
    </message>
    <message>
        <source>Connecting to the dask scheduler {address} ...</source>
        <translation>正在连接 dask 调度器 {address} ……</translation>
    </message>
    <message>
        <source>{n} dask workers, all running MineMonitor {version}.</source>
        <translation>{n} 个 dask 工作进程，均运行 MineMonitor {version}。</translation>
    </message>
</context>
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

Geographic grids: with 'Cell size in degrees' (for example 0.5, 5' or 30") the grid is a WGS 84 longitude/latitude grid aligned on 180° W / 90° N, the convention of the Maus et al. (2022) mining area grid products: row and col are the global raster row and column, cell_km2 is the exact area of the cell on the WGS 84 ellipsoid and the mining area of every footprint piece is measured on the ellipsoid too, so the pieces of a footprint add up to its area.

Sparse grids: without 'Keep cells without mining' only the cells that meet a footprint are enumerated, never the whole grid over the study area, so 30" or 1 km grids of large regions (or the globe) stay small.

Invalid footprints are repaired (makeValid) and NULL geometries skipped; both are counted in the log.

Output fields: cell_id, row (0 = northernmost), col (0 = westernmost), cell_km2, n_polygons (footprints intersecting the cell), n_mines (distinct mine ids), mining_km2, density_pct.</source>
        <translation>在研究区上建立正方形格网（渔网），计算每个格网内的矿山占地面积及其密度（占格网面积的百分比），即参考论文中 100 km 渔网分析（图 1）。

面积在等积坐标系中以 km² 计算：默认使用按研究区拟合的 Albers 等积投影（其定义写入日志）。格网线位于该坐标系中格网大小的整数倍处，因此重复运行及不同大小的格网彼此对齐。

跨越多个格网的图斑按其面积在各格网中的部分分摊；相互重叠的图斑先融合，面积不会重复计算。指定权重字段时，每个图斑按其面积在各格网中的比例分摊该权重（例如格网化产品中的采矿面积 km²），而不是分摊其面积。

默认将格网裁剪到研究区；裁剪后的边缘格网可能很小，其密度不可靠：可用“最小格网比例”剔除。

地理格网：指定“以度为单位的格网大小”（例如 0.5、5' 或 30"）时，格网为对齐于 180° W / 90° N 的 WGS 84 经纬度格网，即 Maus 等（2022）矿区面积格网产品的约定：row 和 col 为全球栅格的行号和列号，cell_km2 为格网在 WGS 84 椭球面上的精确面积，每个图斑碎片的采矿面积也在椭球面上量算，因此一个图斑各碎片的面积之和等于其面积。

稀疏格网：不勾选“保留无采矿的格网”时，只枚举与图斑相交的格网，绝不生成研究区上的完整格网，因此大区域（乃至全球）的 30" 或 1 km 格网也保持很小。

无效几何会被修复（makeValid），空几何被跳过；两者数量均写入日志。

输出字段：cell_id、row（0 = 最北行）、col（0 = 最西列）、cell_km2、n_polygons（与格网相交的图斑数）、n_mines（不同矿山编号数）、mining_km2、density_pct。</translation>
    </message>
    <message>
        <source>With a weight field every footprint carries its own weight, duplicates included (a weight is a quantity of the feature, not an area).</source>
        <translation>设置权重字段时，每个图斑（包括重复图斑）都携带各自的权重（权重是要素的数量，而不是面积）。</translation>
    </message>
    <message>
        <source>Mining footprints</source>
        <translation>矿区范围</translation>
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
        <source>Cell size in degrees (geographic grid)</source>
        <translation>以度为单位的格网大小（地理格网）</translation>
    </message>
    <message>
        <source>Optional: build a WGS 84 longitude/latitude grid with this cell size instead of a projected one, for example 0.5 (degrees), 5' (arc-minutes) or 30" (arc-seconds); the size must divide 180°. Cells are aligned on 180° W / 90° N as in the Maus et al. grid products and areas are computed on the WGS 84 ellipsoid. 'Cell size (metres)' and 'Grid CRS' are then not used.</source>
        <translation>可选：以此格网大小建立 WGS 84 经纬度格网（而不是投影格网），例如 0.5（度）、5'（角分）或 30"（角秒）；大小必须能整除 180°。格网与 Maus 等的格网产品一样对齐于 180° W / 90° N，面积在 WGS 84 椭球面上计算。此时不使用“格网大小（米）”和“格网坐标系”。</translation>
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
        <source>Keep cells with no mining (their values are 0, not NULL). Unchecked, only the cells that meet a footprint are enumerated and written (a sparse grid, for fine cells over large areas).</source>
        <translation>保留无采矿的格网（其值为 0，而非空值）。不勾选时只枚举并写出与图斑相交的格网（稀疏格网，适用于大范围的细格网）。</translation>
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
        <source>Geographic grid: WGS 84 longitude/latitude cells of {size} aligned on 180° W / 90° N (the convention of the Maus et al. grid products); cell and mining areas on the WGS 84 ellipsoid.</source>
        <translation>地理格网：{size} 的 WGS 84 经纬度格网，对齐于 180° W / 90° N（Maus 等格网产品的约定）；格网面积和采矿面积在 WGS 84 椭球面上计算。</translation>
    </message>
    <message>
        <source>Clip: {clip}; minimum cell fraction: {fraction}</source>
        <translation>裁剪：{clip}；最小格网比例：{fraction}</translation>
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
        <source>Sparse grid: only the cells that meet a footprint are enumerated and written.</source>
        <translation>稀疏格网：只枚举并写出与图斑相交的格网。</translation>
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
    <message>
        <source>A grid of about {cells:.3g} cells of {size:g} m needs about {need:.1f} GB of memory, more than half of this machine's {memory:.1f} GB. Choose a larger cell size.</source>
        <translation>约 {cells:.3g} 个 {size:g} 米格网单元需要约 {need:.1f} GB 内存，超过本机 {memory:.1f} GB 内存的一半。请选择更大的格网大小。</translation>
    </message>
</context>
<context>
    <name>FootprintChangeAlgorithm</name>
    <message>
        <source>Footprint change between epochs</source>
        <translation>两期图斑变化</translation>
    </message>
    <message>
        <source>New, expanded, unchanged, reduced and disappeared mining footprints between two surveys, with areas per mine and per zone.</source>
        <translation>两期调查之间新增、扩大、未变化、缩小和消失的矿山图斑，并按矿山和分区汇总面积。</translation>
    </message>
    <message>
        <source>change,epoch,monitoring,new,expanded,reduced,disappeared,restored,jitter,mine</source>
        <translation>变化,期次,监测,新增,扩大,缩小,消失,恢复,抖动,矿山</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>expanded</source>
        <translation>扩大</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>reduced</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>disappeared</source>
        <translation>消失</translation>
    </message>
    <message>
        <source>jitter added</source>
        <translation>抖动增加</translation>
    </message>
    <message>
        <source>jitter removed</source>
        <translation>抖动减少</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>one-to-one</source>
        <translation>一对一</translation>
    </message>
    <message>
        <source>split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>split and merge</source>
        <translation>拆分与合并</translation>
    </message>
    <message>
        <source>Compares the mining footprints of two surveys (for example 2021 and 2022) and cuts them into change pieces, each with a change class:
- new: a later footprint that overlaps no earlier footprint;
- expanded: area added to a footprint that already existed;
- unchanged: area occupied in both surveys;
- reduced: area removed from a footprint that persists;
- disappeared: an earlier footprint that overlaps no later footprint (restored or closed);
- jitter added / jitter removed: differences narrower than the tolerance (digitising jitter, not change; in the summary table, and in the pieces layer with 'Write jitter pieces').

Matching: an earlier and a later footprint are matched when their overlap is at least TOLERANCE_M wide somewhere (or covers at least half of the smaller footprint, so narrow roads still match) and, with a mine id field, both belong to the same mine. A footprint that splits in two gives two unchanged pieces (relation 'split'); two footprints that merge give two unchanged pieces and the filled gap as expanded (relation 'merge'). With a mine id field, land passing from one mine to another is removed from the first and added to the second.

Tolerance rule: the area added to (removed from) a matched footprint is opened morphologically: buffer by -TOLERANCE_M/2, then by +TOLERANCE_M/2 (mitre joins), clipped to the added area. What the opening keeps is real change; the parts it removes (everything narrower than TOLERANCE_M) are jitter. A strip of 1 m along an edge is jitter with the default 5 m; a 60 m extension is kept exactly. Whole new or disappeared footprints are never jitter. Use 0 to report every difference.

Footprints of one survey that overlap each other are made disjoint first (the smallest keeps the shared area, whatever the order of the features; the overlaps are reported in the log), so two identical surveys report no change even where a pond is digitised inside a stope.

Areas are planar in an equal-area CRS (default: Albers fitted to the earlier layer; the pieces are written in it). The summary table has one row for the total, one per mine (with a mine id field) and one per zone (with a zone layer; pieces are cut at zone boundaries, footprints are counted in the zone holding their representative point). Every row reconciles: earlier + added - removed + jitter added - jitter removed = later, with added = new + expanded and removed = reduced + disappeared.</source>
        <translation>比较两期调查（例如 2021 年和 2022 年）的矿山图斑，将其切分为变化块，每块带一个变化类别：
- 新增：与任何前期图斑都不重叠的后期图斑；
- 扩大：在原有图斑上增加的面积；
- 未变化：两期均被占用的面积；
- 缩小：从保留的图斑上减少的面积；
- 消失：与任何后期图斑都不重叠的前期图斑（已恢复或关闭）；
- 抖动增加 / 抖动减少：窄于容差的差异（数字化抖动，不是变化；见汇总表，勾选“输出抖动块”时也写入变化块图层）。

匹配：前期与后期图斑的重叠部分至少在某处宽达 TOLERANCE_M（或覆盖较小图斑的一半以上，因此狭窄的道路仍能匹配），且（设置矿山编号字段时）两者属于同一矿山，则视为匹配。一个图斑拆分为两个时得到两个未变化块（关系“拆分”）；两个图斑合并时得到两个未变化块，填补的间隙为扩大（关系“合并”）。设置矿山编号字段时，从一个矿山转到另一个矿山的土地记为前者减少、后者增加。

容差规则：对匹配图斑增加（减少）的面积做形态学开运算：先缓冲 -TOLERANCE_M/2，再缓冲 +TOLERANCE_M/2（斜接连接），并裁剪到增加的面积内。开运算保留的部分是真实变化；被去除的部分（所有窄于 TOLERANCE_M 的部分）为抖动。默认 5 m 时，沿边界 1 m 宽的条带为抖动；60 m 的外扩被完整保留。整个新增或消失的图斑永远不算抖动。设为 0 则报告所有差异。

同一期内相互重叠的图斑先被处理为互不重叠（由最小的图斑保留重叠部分，与要素顺序无关；重叠情况写入日志），因此即使在采场内单独数字化了一个水塘，两期相同的调查也不会报告任何变化。

面积在等积坐标系中按平面计算（默认：按前期图层拟合的 Albers 等积投影；变化块也以该坐标系输出）。汇总表有一行总计、每个矿山一行（设置矿山编号字段时）和每个分区一行（提供分区图层时；变化块在分区边界处切分，图斑按其代表点所在分区计数）。每一行都满足：前期 + 增加 - 减少 + 抖动增加 - 抖动减少 = 后期，其中增加 = 新增 + 扩大，减少 = 缩小 + 消失。</translation>
    </message>
    <message>
        <source>Earlier footprints</source>
        <translation>前期图斑</translation>
    </message>
    <message>
        <source>Polygon layer of the mining footprints of the earlier survey (for example 2021).</source>
        <translation>前期调查（例如 2021 年）矿山图斑的面图层。</translation>
    </message>
    <message>
        <source>Later footprints</source>
        <translation>后期图斑</translation>
    </message>
    <message>
        <source>Polygon layer of the mining footprints of the later survey (for example 2022).</source>
        <translation>后期调查（例如 2022 年）矿山图斑的面图层。</translation>
    </message>
    <message>
        <source>Mine id field</source>
        <translation>矿山编号字段</translation>
    </message>
    <message>
        <source>Optional field identifying the mine, present in both layers under this name. Footprints are then matched only within the same mine and the summary has a row per mine. Values are compared as text without surrounding spaces (10, 10.0 and '10' are one mine).</source>
        <translation>可选的矿山编号字段，两个图层中须同名。设置后只在同一矿山内匹配图斑，汇总表中每个矿山一行。取值按去掉首尾空格的文本比较（10、10.0 和 '10' 为同一矿山）。</translation>
    </message>
    <message>
        <source>Tolerance (metres)</source>
        <translation>容差（米）</translation>
    </message>
    <message>
        <source>Differences narrower than this width are digitising jitter, not change (see the help for the exact rule). The default of 5 m is a little over two pixels of the 2 m imagery the surveys use. 0 reports every difference.</source>
        <translation>窄于此宽度的差异视为数字化抖动而非变化（确切规则见帮助）。默认 5 m，略大于调查所用 2 m 影像的两个像元。设为 0 则报告所有差异。</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Optional polygon layer (counties, planning units...) for a summary per zone.</source>
        <translation>可选的面图层（县、规划单元等），用于按分区汇总。</translation>
    </message>
    <message>
        <source>Zone name field</source>
        <translation>分区名称字段</translation>
    </message>
    <message>
        <source>Field naming each zone in the summary; default the zone feature id.</source>
        <translation>在汇总表中命名各分区的字段；默认使用分区要素编号。</translation>
    </message>
    <message>
        <source>Equal-area CRS</source>
        <translation>等积坐标系</translation>
    </message>
    <message>
        <source>Projected CRS in metres for the computation and the output pieces; it should be equal-area. Default: an Albers equal-area CRS fitted to the earlier layer.</source>
        <translation>用于计算和输出变化块的以米为单位的投影坐标系，应为等积投影。默认：按前期图层拟合的 Albers 等积投影。</translation>
    </message>
    <message>
        <source>Write jitter pieces</source>
        <translation>输出抖动块</translation>
    </message>
    <message>
        <source>Also write the jitter pieces (change_code 6 and 7) to the change pieces layer, to inspect what the tolerance filtered out. Their areas are always in the summary table.</source>
        <translation>同时将抖动块（change_code 6 和 7）写入变化块图层，以便查看容差过滤掉的部分。其面积始终列在汇总表中。</translation>
    </message>
    <message>
        <source>Change pieces</source>
        <translation>变化块</translation>
    </message>
    <message>
        <source>Change pieces with change (class name), change_code (1 new, 2 expanded, 3 unchanged, 4 reduced, 5 disappeared, 6 jitter added, 7 jitter removed), relation (one-to-one, split, merge), earlier_fid / later_fid of the footprints, mine_id, area_m2 and area_km2.</source>
        <translation>变化块，字段包括 change（类别名称）、change_code（1 新增，2 扩大，3 未变化，4 缩小，5 消失，6 抖动增加，7 抖动减少）、relation（一对一、拆分、合并）、图斑的 earlier_fid / later_fid、mine_id、area_m2 和 area_km2。</translation>
    </message>
    <message>
        <source>Change summary</source>
        <translation>变化汇总</translation>
    </message>
    <message>
        <source>Table with one row for the total, one per mine and one per zone: areas in km² (earlier, later, unchanged, added, new, expanded, removed, reduced, disappeared, net, jitter) and counts of footprints (earlier, later, new, disappeared, split, merged).</source>
        <translation>表：一行总计、每个矿山一行、每个分区一行；面积单位 km²（前期、后期、未变化、增加、新增、扩大、减少、缩小、消失、净变化、抖动），以及图斑数量（前期、后期、新增、消失、拆分、合并）。</translation>
    </message>
    <message>
        <source>Earlier footprint area (km²)</source>
        <translation>前期图斑面积（km²）</translation>
    </message>
    <message>
        <source>Later footprint area (km²)</source>
        <translation>后期图斑面积（km²）</translation>
    </message>
    <message>
        <source>Added area (km²)</source>
        <translation>增加面积（km²）</translation>
    </message>
    <message>
        <source>Removed area (km²)</source>
        <translation>减少面积（km²）</translation>
    </message>
    <message>
        <source>Net change (km²)</source>
        <translation>净变化（km²）</translation>
    </message>
    <message>
        <source>New footprints</source>
        <translation>新增图斑数</translation>
    </message>
    <message>
        <source>Disappeared footprints</source>
        <translation>消失图斑数</translation>
    </message>
    <message>
        <source>The tolerance must not be negative; got {value}.</source>
        <translation>容差不能为负；当前为 {value}。</translation>
    </message>
    <message>
        <source>Layer {layer} has no features.</source>
        <translation>图层 {layer} 没有要素。</translation>
    </message>
    <message>
        <source>The mine id field {field} of the earlier layer does not exist in layer {layer}.</source>
        <translation>前期图层的矿山编号字段 {field} 在图层 {layer} 中不存在。</translation>
    </message>
    <message>
        <source>Equal-area CRS: {definition}</source>
        <translation>等积坐标系：{definition}</translation>
    </message>
    <message>
        <source>Tolerance: {tolerance} m. Added or removed parts narrower than this (what a morphological opening by buffer -{half} m / +{half} m removes) are reported as jitter, not change.</source>
        <translation>容差：{tolerance} m。窄于此宽度的增加或减少部分（即缓冲 -{half} m / +{half} m 的形态学开运算所去除的部分）记为抖动，而非变化。</translation>
    </message>
    <message>
        <source>Matching by overlap within the same mine (field {field}).</source>
        <translation>在同一矿山内按重叠匹配（字段 {field}）。</translation>
    </message>
    <message>
        <source>Matching by overlap (no mine id field).</source>
        <translation>按重叠匹配（未设置矿山编号字段）。</translation>
    </message>
    <message>
        <source>Layer {layer} has no footprint with a usable polygon geometry.</source>
        <translation>图层 {layer} 中没有具有可用面几何的图斑。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} pairs of footprints overlap ({area:.1f} m² in all); the smaller footprint keeps the shared area (feature id pairs, keeping/losing: {pairs}).</source>
        <translation>图层 {layer}：{n} 对图斑相互重叠（共 {area:.1f} m²）；由较小的图斑保留重叠部分（要素编号对，保留/让出：{pairs}）。</translation>
    </message>
    <message>
        <source>{n} overlaps between earlier and later footprints are narrower than the tolerance and were not taken as matches.</source>
        <translation>{n} 处前后期图斑的重叠窄于容差，未作为匹配。</translation>
    </message>
    <message>
        <source>{n} overlaps are between footprints of different mines; their area counts as removed from one mine and added to the other.</source>
        <translation>{n} 处重叠发生在不同矿山的图斑之间；其面积记为一个矿山减少、另一个矿山增加。</translation>
    </message>
    <message>
        <source>The zone layer {layer} has no polygon.</source>
        <translation>分区图层 {layer} 没有面要素。</translation>
    </message>
    <message>
        <source>Pieces: {new} new, {expanded} expanded, {unchanged} unchanged, {reduced} reduced, {disappeared} disappeared, {jitter} jitter.</source>
        <translation>变化块：新增 {new}，扩大 {expanded}，未变化 {unchanged}，缩小 {reduced}，消失 {disappeared}，抖动 {jitter}。</translation>
    </message>
    <message>
        <source>Footprints: {n_new} new, {n_gone} disappeared, {n_split} split, {n_merge} merged.</source>
        <translation>图斑：新增 {n_new}，消失 {n_gone}，拆分 {n_split}，合并 {n_merge}。</translation>
    </message>
    <message>
        <source>Reconciliation (km²): earlier {earlier:.6f} + added {added:.6f} - removed {removed:.6f} + jitter added {ja:.6f} - jitter removed {jr:.6f} = {total:.6f}; later {later:.6f}.</source>
        <translation>面积平衡（km²）：前期 {earlier:.6f} + 增加 {added:.6f} - 减少 {removed:.6f} + 抖动增加 {ja:.6f} - 抖动减少 {jr:.6f} = {total:.6f}；后期 {later:.6f}。</translation>
    </message>
</context>
<context>
    <name>FootprintStatisticsAlgorithm</name>
    <message>
        <source>Footprint statistics</source>
        <translation>矿山占地统计</translation>
    </message>
    <message>
        <source>Polygon count, mines, area and perimeter statistics per group, size classes and a log-normality check.</source>
        <translation>按分组统计图斑数、矿山数、面积与周长，并给出面积分级和对数正态检验。</translation>
    </message>
    <message>
        <source>footprint,statistics,area,size class,log-normal,geometric mean,province,mineral</source>
        <translation>占地,统计,面积,面积分级,对数正态,几何平均,省份,矿种</translation>
    </message>
    <message>
        <source>Summarises mining footprints per group, as Table 2 and Figs 3-5 and 7-8 of the reference paper.

For each combination of the grouping fields (none: only the whole layer) and for the whole layer: n_polygons, n_mines (distinct values of the mine id field), total_km2, share_pct (of the layer's area), count_share_pct (of the layer's polygons), mean_km2, std_km2, median_km2, geomean_km2 (geometric mean, the typical size of a log-normal distribution), min_km2, max_km2, total_perimeter_km and mean_perimeter_km. The whole-layer row has is_total = 1. NULL group values form their own group.

Zones from a boundary layer: with a zone layer (counties, prefectures, provinces, countries) the chosen fields of the zone layer become the first grouping fields, so the top counties per province (Fig. 3) come from the county layer without a county attribute on the footprints. Each footprint goes to the zone holding the largest part of its area, or, with 'Split footprints at zone boundaries', is cut into one piece per zone (each piece then counts in its zone: a footprint crossing a boundary counts in every zone it lies in, areas add up; the whole-layer row, the size classes and the log-normality test still use whole footprints). Footprints outside every zone polygon get NULL zone values; their number is an output.

Areas and perimeters are measured in an equal-area CRS (by default an Albers projection fitted to the layer; its definition is written to the log and the report).

The size-class table counts polygons in the classes [0, b1), [b1, b2), ... [bk, ∞) of the size breaks, with the cumulative share of polygons below each upper bound and the share of the area.

The log-normality check tests the natural logarithm of the areas: Shapiro-Wilk up to 5000 polygons, D'Agostino-Pearson K² above (where Shapiro-Wilk p-values are not accurate), or the test you choose. With thousands of polygons any test rejects tiny departures, so the report also gives the largest distance of the log-normal P-P plot from its diagonal.

The optional size-class x group table crosses the size classes with the groups (for example medium and large mines per province).

The HTML report shows the histogram of log areas, the P-P plot, the size classes and the top groups by polygon count (with their share of the polygons) and by area (with their share of the area), per value of the first grouping field when there are several.</source>
        <translation>按分组汇总矿山占地图斑，对应参考论文的表 2 以及图 3-5、图 7-8。

对分组字段的每种取值组合（不选分组字段时只有全图层）以及全图层计算：n_polygons、n_mines（矿山编号字段的不同取值数）、total_km2、share_pct（占全图层面积的百分比）、count_share_pct（占全图层图斑数的百分比）、mean_km2、std_km2、median_km2、geomean_km2（几何平均，对数正态分布的典型大小）、min_km2、max_km2、total_perimeter_km 和 mean_perimeter_km。全图层一行的 is_total = 1。分组值为 NULL 的要素单独成组。

来自边界图层的分区：指定分区图层（县、地级市、省、国家）时，所选分区图层字段作为最前面的分组字段，因此每省前几位的县（图 3）直接来自县界图层，图斑无需带有县属性。每个图斑归入包含其最大面积部分的分区；选择“在分区边界处切分图斑”时，则切分为每个分区一块（每块计入其所在分区：跨越边界的图斑在其所在的每个分区都计数，面积可以相加；全图层一行、面积分级和对数正态检验仍使用完整图斑）。落在所有分区多边形之外的图斑分区值为 NULL，其数量作为输出。

面积和周长在等积坐标系中量算（默认为按图层拟合的 Albers 等积投影，其定义写入日志和报告）。

面积分级表按分级阈值统计 [0, b1)、[b1, b2) …… [bk, ∞) 各级的图斑数，给出小于各级上限的图斑累计比例及面积比例。

对数正态检验针对面积的自然对数：图斑数不超过 5000 时用 Shapiro-Wilk 检验，超过时用 D'Agostino-Pearson K² 检验（此时 Shapiro-Wilk 的 p 值不准确），也可自选检验。图斑数达数千时任何检验都会拒绝微小偏离，因此报告还给出对数正态 P-P 图偏离对角线的最大距离。

可选的“面积分级 × 分组”表将面积分级与分组交叉（例如各省的中型和大型矿山）。

HTML 报告包含对数面积直方图、P-P 图、面积分级以及按图斑数（附图斑数占比）和按面积（附面积占比）排名的前几位分组（有多个分组字段时按第一个分组字段的每个取值分别排名）。</translation>
    </message>
    <message>
        <source>Each footprint's area is its own land, so areas add up to the area the layer covers (exact duplicates are one polygon); perimeters are those of the footprints themselves.</source>
        <translation>每个图斑的面积是其自身占有的土地面积，因此各面积之和等于图层覆盖的面积（完全重复的图斑只算一个多边形）；周长为图斑自身的周长。</translation>
    </message>
    <message>
        <source>Mining footprints</source>
        <translation>矿区范围</translation>
    </message>
    <message>
        <source>Polygon layer of mining footprints, in any CRS; multipart polygons count as one polygon.</source>
        <translation>矿山占地图斑面图层，坐标系不限；多部件面计为一个图斑。</translation>
    </message>
    <message>
        <source>Group by fields</source>
        <translation>分组字段</translation>
    </message>
    <message>
        <source>Zero or more fields (province, county, mineral, type code...); one output row per combination of their values.</source>
        <translation>零个或多个字段（省份、县、矿种、类型代码等）；每种取值组合输出一行。</translation>
    </message>
    <message>
        <source>Zone layer</source>
        <translation>分区图层</translation>
    </message>
    <message>
        <source>Optional polygon layer of zones (counties, prefectures, provinces, countries); its zone fields become the first grouping fields.</source>
        <translation>可选的分区多边形图层（县、地级市、省、国家）；其分区字段作为最前面的分组字段。</translation>
    </message>
    <message>
        <source>Zone fields</source>
        <translation>分区字段</translation>
    </message>
    <message>
        <source>Fields of the zone layer identifying a zone, outermost first (for example province and county: the report then ranks the top counties per province). Required with a zone layer.</source>
        <translation>分区图层中标识分区的字段，由外到内（例如省和县：报告将按省列出前几位的县）。指定分区图层时必填。</translation>
    </message>
    <message>
        <source>Footprints crossing zone boundaries</source>
        <translation>跨越分区边界的图斑</translation>
    </message>
    <message>
        <source>Assign to the zone with the largest overlap</source>
        <translation>归入重叠面积最大的分区</translation>
    </message>
    <message>
        <source>Split footprints at zone boundaries</source>
        <translation>在分区边界处切分图斑</translation>
    </message>
    <message>
        <source>Largest overlap: every footprint counts once, in the zone holding most of its area (the paper's counts per county). Split: every footprint is cut at the zone boundaries and each piece counts in its zone.</source>
        <translation>最大重叠：每个图斑只计一次，归入包含其大部分面积的分区（论文中按县计数的方式）。切分：每个图斑在分区边界处切开，每块计入其所在分区。</translation>
    </message>
    <message>
        <source>Mine id field</source>
        <translation>矿山编号字段</translation>
    </message>
    <message>
        <source>Optional field identifying the mine of each polygon; n_mines counts distinct non-NULL values.</source>
        <translation>可选，标识图斑所属矿山的字段；n_mines 统计其不同的非 NULL 取值数。</translation>
    </message>
    <message>
        <source>Size-class breaks (km²)</source>
        <translation>面积分级阈值（km²）</translation>
    </message>
    <message>
        <source>Increasing positive thresholds in km², separated by commas. The default are the paper's classes: its geometric mean 0.024 km², then 0.1, 0.2, 1, 10 (medium mines), 50 (large mines), 100 and 1000 km².</source>
        <translation>以逗号分隔、递增的正阈值（km²）。默认采用论文的分级：几何平均 0.024 km²，然后是 0.1、0.2、1、10（中型矿山）、50（大型矿山）、100 和 1000 km²。</translation>
    </message>
    <message>
        <source>Number of top groups</source>
        <translation>排名分组数</translation>
    </message>
    <message>
        <source>How many groups the report ranks by polygon count and by area (the paper shows the top 10).</source>
        <translation>报告中按图斑数和按面积排名列出的分组个数（论文列出前 10 名）。</translation>
    </message>
    <message>
        <source>Equal-area CRS</source>
        <translation>等积坐标系</translation>
    </message>
    <message>
        <source>Projected equal-area CRS in metres in which areas and perimeters are measured. Default: an Albers equal-area CRS fitted to the layer.</source>
        <translation>用于量算面积和周长的以米为单位的投影等积坐标系。默认：按图层拟合的 Albers 等积坐标系。</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Sample (n - 1)</source>
        <translation>样本（n - 1）</translation>
    </message>
    <message>
        <source>Population (n)</source>
        <translation>总体（n）</translation>
    </message>
    <message>
        <source>Divisor of the standard deviation: n - 1 (sample, default) or n (population).</source>
        <translation>标准差的除数：n - 1（样本，默认）或 n（总体）。</translation>
    </message>
    <message>
        <source>Log-normality test</source>
        <translation>对数正态检验</translation>
    </message>
    <message>
        <source>Automatic (Shapiro-Wilk up to 5000 polygons, else D'Agostino-Pearson)</source>
        <translation>自动（不超过 5000 个图斑用 Shapiro-Wilk，否则用 D'Agostino-Pearson）</translation>
    </message>
    <message>
        <source>Shapiro-Wilk</source>
        <translation>Shapiro-Wilk</translation>
    </message>
    <message>
        <source>D'Agostino-Pearson K²</source>
        <translation>D'Agostino-Pearson K²</translation>
    </message>
    <message>
        <source>Normality test applied to the natural logarithm of the areas.</source>
        <translation>对面积自然对数进行的正态性检验。</translation>
    </message>
    <message>
        <source>Table with one row per group and the whole-layer row (is_total = 1).</source>
        <translation>每个分组一行，另加全图层一行（is_total = 1）的表。</translation>
    </message>
    <message>
        <source>Size classes</source>
        <translation>面积分级</translation>
    </message>
    <message>
        <source>Table with one row per size class.</source>
        <translation>每个面积等级一行的表。</translation>
    </message>
    <message>
        <source>Size classes by group</source>
        <translation>按分组的面积分级</translation>
    </message>
    <message>
        <source>Optional table with one row per group and size class: the grouping fields, size_class, label, lower_km2, upper_km2, n_polygons, pct_polygons and pct_area (shares of the group), total_km2.</source>
        <translation>可选表，每个分组和面积级别一行：分组字段、size_class、label、lower_km2、upper_km2、n_polygons、pct_polygons 和 pct_area（占该分组的百分比）、total_km2。</translation>
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
        <source>HTML report with the histogram of log areas, the log-normal P-P plot, the size classes and the top groups.</source>
        <translation>HTML 报告，包含对数面积直方图、对数正态 P-P 图、面积分级和排名靠前的分组。</translation>
    </message>
    <message>
        <source>Number of polygons</source>
        <translation>图斑数</translation>
    </message>
    <message>
        <source>Total area (km²)</source>
        <translation>总面积（km²）</translation>
    </message>
    <message>
        <source>Geometric mean area (km²)</source>
        <translation>几何平均面积（km²）</translation>
    </message>
    <message>
        <source>Log-normality test statistic</source>
        <translation>对数正态检验统计量</translation>
    </message>
    <message>
        <source>Log-normality test p-value</source>
        <translation>对数正态检验 p 值</translation>
    </message>
    <message>
        <source>CRS of the areas</source>
        <translation>面积所用坐标系</translation>
    </message>
    <message>
        <source>Footprints outside every zone</source>
        <translation>不在任何分区内的图斑</translation>
    </message>
    <message>
        <source>The size-class breaks {breaks} are not a list of numbers separated by commas.</source>
        <translation>面积分级阈值 {breaks} 不是以逗号分隔的数字列表。</translation>
    </message>
    <message>
        <source>The grouping field {field} has the name of an output column; rename it first.</source>
        <translation>分组字段 {field} 与输出列同名，请先重命名。</translation>
    </message>
    <message>
        <source>Choose the zone fields of the zone layer {layer}.</source>
        <translation>请选择分区图层 {layer} 的分区字段。</translation>
    </message>
    <message>
        <source>The zone field {field} has the same name as a grouping field of the footprints; group by one of them only.</source>
        <translation>分区字段 {field} 与图斑的某个分组字段同名；请只按其中之一分组。</translation>
    </message>
    <message>
        <source>Layer {layer} has no features.</source>
        <translation>图层 {layer} 没有要素。</translation>
    </message>
    <message>
        <source>Areas and perimeters measured in the equal-area CRS {crs}.</source>
        <translation>面积和周长在等积坐标系 {crs} 中量算。</translation>
    </message>
    <message>
        <source>Standard deviation with divisor n - {ddof}; size-class breaks {breaks} km².</source>
        <translation>标准差除数为 n - {ddof}；面积分级阈值 {breaks} km²。</translation>
    </message>
    <message>
        <source>Layer {layer} has no footprint with a usable polygon geometry.</source>
        <translation>图层 {layer} 中没有具有可用面几何的图斑。</translation>
    </message>
    <message>
        <source>Log-normality test skipped: {reason}</source>
        <translation>已跳过对数正态检验：{reason}</translation>
    </message>
    <message>
        <source>{n} polygons, {area:.4f} km²; geometric mean {gm:.6f} km²; {groups} groups.</source>
        <translation>{n} 个图斑，{area:.4f} km²；几何平均 {gm:.6f} km²；{groups} 个分组。</translation>
    </message>
    <message>
        <source>The zone layer {layer} has no polygon.</source>
        <translation>分区图层 {layer} 没有面要素。</translation>
    </message>
    <message>
        <source>Zones by largest overlap: {n} footprints cross a zone boundary and were given to the zone holding most of their area.</source>
        <translation>按最大重叠划分分区：{n} 个图斑跨越分区边界，已归入包含其大部分面积的分区。</translation>
    </message>
    <message>
        <source>Footprints split at zone boundaries: {n} footprints were cut into {pieces} pieces in all; each piece counts in its zone.</source>
        <translation>在分区边界处切分图斑：{n} 个图斑共被切分为 {pieces} 块；每块计入其所在分区。</translation>
    </message>
    <message>
        <source>{n} footprints lie (partly) outside every zone polygon; they form the group with NULL zone values.</source>
        <translation>{n} 个图斑（部分）位于所有分区多边形之外；它们构成分区值为 NULL 的分组。</translation>
    </message>
    <message>
        <source>Shapiro-Wilk test on the log areas of {n} polygons: W = {stat:.5f}, p = {p:.4g}.</source>
        <translation>对 {n} 个图斑的对数面积做 Shapiro-Wilk 检验：W = {stat:.5f}，p = {p:.4g}。</translation>
    </message>
    <message>
        <source>D'Agostino-Pearson K² test on the log areas of {n} polygons: K² = {stat:.4f}, p = {p:.4g}.</source>
        <translation>对 {n} 个图斑的对数面积做 D'Agostino-Pearson K² 检验：K² = {stat:.4f}，p = {p:.4g}。</translation>
    </message>
    <message>
        <source>Shapiro-Wilk p-values are not accurate above 5000 polygons.</source>
        <translation>图斑数超过 5000 时 Shapiro-Wilk 的 p 值不准确。</translation>
    </message>
    <message>
        <source>The Shapiro-Wilk p-value is approximate above 5000 polygons.</source>
        <translation>图斑数超过 5000 时 Shapiro-Wilk 的 p 值为近似值。</translation>
    </message>
    <message>
        <source>Largest P-P plot distance from the diagonal: {d:.4f}; skewness {s:.3f}, excess kurtosis {k:.3f} of the log areas.</source>
        <translation>P-P 图偏离对角线的最大距离：{d:.4f}；对数面积的偏度 {s:.3f}，超额峰度 {k:.3f}。</translation>
    </message>
    <message>
        <source>≥ {lower:g} km²</source>
        <translation>≥ {lower:g} km²</translation>
    </message>
    <message>
        <source>&lt; {upper:g} km²</source>
        <translation>&lt; {upper:g} km²</translation>
    </message>
    <message>
        <source>{lower:g} - {upper:g} km²</source>
        <translation>{lower:g} - {upper:g} km²</translation>
    </message>
    <message>
        <source>Layer {layer}; areas in the equal-area CRS {crs}.</source>
        <translation>图层 {layer}；面积采用等积坐标系 {crs}。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>统计量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Polygons</source>
        <translation>图斑数</translation>
    </message>
    <message>
        <source>Mines</source>
        <translation>矿山数</translation>
    </message>
    <message>
        <source>Mean area (km²)</source>
        <translation>平均面积（km²）</translation>
    </message>
    <message>
        <source>Standard deviation (km²)</source>
        <translation>标准差（km²）</translation>
    </message>
    <message>
        <source>Median area (km²)</source>
        <translation>面积中位数（km²）</translation>
    </message>
    <message>
        <source>Largest polygon (km²)</source>
        <translation>最大图斑（km²）</translation>
    </message>
    <message>
        <source>Total perimeter (km)</source>
        <translation>总周长（km）</translation>
    </message>
    <message>
        <source>Mean perimeter (km)</source>
        <translation>平均周长（km）</translation>
    </message>
    <message>
        <source>Statistics by {fields}</source>
        <translation>按 {fields} 统计</translation>
    </message>
    <message>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Share of polygons (%)</source>
        <translation>多边形数量占比（%）</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <source>Share of the area (%)</source>
        <translation>面积占比（%）</translation>
    </message>
    <message>
        <source>Geometric mean (km²)</source>
        <translation>几何平均面积（km²）</translation>
    </message>
    <message>
        <source>Largest (km²)</source>
        <translation>最大面积（km²）</translation>
    </message>
    <message>
        <source>Size distribution</source>
        <translation>面积分布</translation>
    </message>
    <message>
        <source>matplotlib is not installed: the report has no charts.</source>
        <translation>未安装 matplotlib：报告中没有图表。</translation>
    </message>
    <message>
        <source>log10 of the polygon area (km²)</source>
        <translation>图斑面积（km²）的 log10</translation>
    </message>
    <message>
        <source>Fitted log-normal</source>
        <translation>拟合的对数正态分布</translation>
    </message>
    <message>
        <source>Geometric mean</source>
        <translation>几何平均</translation>
    </message>
    <message>
        <source>Expected cumulative probability (log-normal)</source>
        <translation>期望累积概率（对数正态）</translation>
    </message>
    <message>
        <source>Observed cumulative probability</source>
        <translation>观测累积概率</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Polygons (%)</source>
        <translation>图斑（%）</translation>
    </message>
    <message>
        <source>Cumulative polygons (%)</source>
        <translation>累计图斑（%）</translation>
    </message>
    <message>
        <source>Area (%)</source>
        <translation>面积（%）</translation>
    </message>
    <message>
        <source>Area at or above (%)</source>
        <translation>该级及以上面积（%）</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Share of polygons</source>
        <translation>图斑数比例</translation>
    </message>
    <message>
        <source>Share of area</source>
        <translation>面积比例</translation>
    </message>
    <message>
        <source>Top {n} groups by polygon count</source>
        <translation>图斑数前 {n} 位的分组</translation>
    </message>
    <message>
        <source>Top {n} groups by area</source>
        <translation>面积前 {n} 位的分组</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>报告已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>GlobalAutocorrelationAlgorithm</name>
    <message>
        <source>Global spatial autocorrelation (Moran's I, General G)</source>
        <translation>全局空间自相关（Moran's I、General G）</translation>
    </message>
    <message>
        <source>Global Moran's I and Getis-Ord General G of a field, with z-scores, p-values and a report.</source>
        <translation>字段的全局 Moran's I 与 Getis-Ord General G，含 z 得分、p 值和报告。</translation>
    </message>
    <message>
        <source>moran,general g,getis,ord,autocorrelation,clustering,global,esda,pysal</source>
        <translation>moran,general g,getis,ord,自相关,聚集,全局,esda,pysal</translation>
    </message>
    <message>
        <source>Tests whether the values of a field are spatially clustered over the whole layer.

Global Moran's I (Moran 1950) compares each value with its neighbours' values; I above its expectation -1/(n-1) means similar values cluster. Its variance is computed under randomisation (Cliff and Ord 1981), and the p-value is two-sided (normal approximation), as R spdep's moran.test and esda's p_rand. Standardisation: row (default, as GeoDa and esda) or binary.

Getis-Ord General G (1992) measures whether high values (G above its expectation) or low values (below) cluster. It is defined on binary weights and always uses them, whatever the standardisation; it needs non-negative values (otherwise only Moran's I is computed and the log says why). Its p-value is two-sided (esda's p_norm is one-sided: half of it).

Permutations (default 999, fixed seed so reruns are identical) give pseudo p-values, folded as in esda and GeoDa: (number of permuted statistics at least as extreme on the observed side + 1) / (permutations + 1), i.e. one-sided in the direction of the observed value.

Features without neighbours are kept with a zero spatial lag (as esda and GeoDa do); their number is returned in N_ISLANDS and listed in the log.

The HTML report gives the numbers, the settings and a Moran scatterplot (standardised value against its spatial lag; with row weights the slope of the line is Moran's I up to the factor n/S0). All numbers are also outputs, so the algorithm chains in models. The computations are numpy/scipy and agree with esda 2.7 and R spdep (tested).</source>
        <translation>检验字段值在整个图层上是否存在空间聚集。

全局 Moran's I（Moran 1950）将每个值与其邻居的值比较；I 高于其期望值 -1/(n-1) 表示相似值聚集。其方差在随机化假设下计算（Cliff 和 Ord 1981），p 值为双侧（正态近似），与 R spdep 的 moran.test 和 esda 的 p_rand 一致。标准化：行标准化（默认，同 GeoDa 和 esda）或二值。

Getis-Ord General G（1992）衡量高值（G 高于期望）或低值（低于期望）是否聚集。它定义在二值权重上，无论标准化如何都使用二值权重；它要求值非负（否则只计算 Moran's I，并在日志中说明原因）。其 p 值为双侧（esda 的 p_norm 为单侧，是它的一半）。

置换（默认 999 次，种子固定，重复运行结果相同）给出伪 p 值，按 esda 和 GeoDa 的方式折叠：（观测值一侧至少同样极端的置换统计量个数 + 1）/（置换次数 + 1），即沿观测值方向的单侧检验。

没有邻居的要素以零空间滞后保留（同 esda 和 GeoDa）；其数量在 N_ISLANDS 中返回并在日志中列出。

HTML 报告给出数值、设置和 Moran 散点图（标准化值对其空间滞后；行权重下拟合线的斜率等于 Moran's I 乘以因子 S0/n）。所有数值也作为输出，便于在模型中串联。计算基于 numpy/scipy，与 esda 2.7 和 R spdep 一致（已测试）。</translation>
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
        <source>HTML report with the statistics, the settings and a Moran scatterplot.</source>
        <translation>包含统计量、设置和 Moran 散点图的 HTML 报告。</translation>
    </message>
    <message>
        <source>Moran's I</source>
        <translation>Moran's I</translation>
    </message>
    <message>
        <source>Moran's I expected value</source>
        <translation>Moran's I 期望值</translation>
    </message>
    <message>
        <source>Moran's I variance (randomisation)</source>
        <translation>Moran's I 方差（随机化）</translation>
    </message>
    <message>
        <source>Moran's I z-score</source>
        <translation>Moran's I z 得分</translation>
    </message>
    <message>
        <source>Moran's I p-value (two-sided)</source>
        <translation>Moran's I p 值（双侧）</translation>
    </message>
    <message>
        <source>Moran's I pseudo p-value (permutations)</source>
        <translation>Moran's I 伪 p 值（置换）</translation>
    </message>
    <message>
        <source>General G</source>
        <translation>General G</translation>
    </message>
    <message>
        <source>General G z-score</source>
        <translation>General G z 得分</translation>
    </message>
    <message>
        <source>General G p-value (two-sided)</source>
        <translation>General G p 值（双侧）</translation>
    </message>
    <message>
        <source>General G pseudo p-value (permutations)</source>
        <translation>General G 伪 p 值（置换）</translation>
    </message>
    <message>
        <source>Number of features</source>
        <translation>要素数量</translation>
    </message>
    <message>
        <source>Features without neighbours</source>
        <translation>无邻居的要素</translation>
    </message>
    <message>
        <source>Field {field}; {transform} weights for Moran's I (binary for General G); {perm} permutations, seed {seed}.</source>
        <translation>字段 {field}；Moran's I 使用{transform}权重（General G 使用二值权重）；{perm} 次置换，种子 {seed}。</translation>
    </message>
    <message>
        <source>General G was not computed: {reason}</source>
        <translation>未计算 General G：{reason}</translation>
    </message>
    <message>
        <source>Moran's I = {i:.6f} (expected {e:.6f}, variance {v:.6g}), z = {z:.4f}, p = {p:.4g}, pseudo p = {ps}.</source>
        <translation>Moran's I = {i:.6f}（期望 {e:.6f}，方差 {v:.6g}），z = {z:.4f}，p = {p:.4g}，伪 p = {ps}。</translation>
    </message>
    <message>
        <source>General G = {g:.6g} (expected {e:.6g}), z = {z:.4f}, p = {p:.4g}, pseudo p = {ps}.</source>
        <translation>General G = {g:.6g}（期望 {e:.6g}），z = {z:.4f}，p = {p:.4g}，伪 p = {ps}。</translation>
    </message>
    <message>
        <source>Moran's I = {i} (z = {z}, p = {p}): similar values cluster in space more than a random arrangement would give (significant at {alpha}).</source>
        <translation>Moran's I = {i}（z = {z}，p = {p}）：相似的值在空间上比随机排列更为聚集（在 {alpha} 水平上显著）。</translation>
    </message>
    <message>
        <source>Moran's I = {i} (z = {z}, p = {p}): neighbouring values differ more than a random arrangement would give (dispersion, significant at {alpha}).</source>
        <translation>Moran's I = {i}（z = {z}，p = {p}）：相邻值之间的差异比随机排列更大（离散，在 {alpha} 水平上显著）。</translation>
    </message>
    <message>
        <source>Moran's I = {i} (z = {z}, p = {p}): the pattern cannot be told apart from a random arrangement at the {alpha} level.</source>
        <translation>Moran's I = {i}（z = {z}，p = {p}）：在 {alpha} 水平上无法与随机排列区分。</translation>
    </message>
    <message>
        <source>Expected I</source>
        <translation>期望 I</translation>
    </message>
    <message>
        <source>Variance (randomisation)</source>
        <translation>方差（随机化）</translation>
    </message>
    <message>
        <source>Variance (normality)</source>
        <translation>方差（正态）</translation>
    </message>
    <message>
        <source>z-score (randomisation)</source>
        <translation>z 得分（随机化）</translation>
    </message>
    <message>
        <source>p-value (two-sided)</source>
        <translation>p 值（双侧）</translation>
    </message>
    <message>
        <source>Pseudo p-value (folded)</source>
        <translation>伪 p 值（折叠）</translation>
    </message>
    <message>
        <source>Permutation z-score</source>
        <translation>置换 z 得分</translation>
    </message>
    <message>
        <source>Global Moran statistic</source>
        <translation>全局 Moran 统计量</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>统计量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Getis-Ord General G (binary weights)</source>
        <translation>Getis-Ord General G（二值权重）</translation>
    </message>
    <message>
        <source>Not computed: General G needs non-negative values.</source>
        <translation>未计算：General G 要求非负值。</translation>
    </message>
    <message>
        <source>Expected G</source>
        <translation>期望 G</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>z 得分</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Spatial weights</source>
        <translation>空间权重</translation>
    </message>
    <message>
        <source>Standardisation (Moran's I)</source>
        <translation>标准化（Moran's I）</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation>置换次数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Distance CRS</source>
        <translation>距离坐标系</translation>
    </message>
    <message>
        <source>Global spatial autocorrelation</source>
        <translation>全局空间自相关</translation>
    </message>
    <message>
        <source>p-values: two-sided normal approximation under randomisation. Pseudo p-values: folded as in esda/GeoDa, (extreme permutations on the observed side + 1) / (permutations + 1). General G always uses binary weights. Features without neighbours enter with a zero spatial lag.</source>
        <translation>p 值：随机化假设下的双侧正态近似。伪 p 值：按 esda/GeoDa 方式折叠，（观测值一侧的极端置换数 + 1）/（置换次数 + 1）。General G 始终使用二值权重。无邻居的要素以零空间滞后参与计算。</translation>
    </message>
</context>
<context>
    <name>GradeFactorAlgorithm</name>
    <message>
        <source>Grade factor raster</source>
        <translation>因子栅格分级</translation>
    </message>
    <message>
        <source>Grades a raster into sensitivity grades (1-4 or any integers) by a threshold table or a category mapping, with the paper's Table 6 as presets.</source>
        <translation>按阈值表或类别映射将栅格分为敏感性等级（1-4 或任意整数），并以论文表 6 作为预设。</translation>
    </message>
    <message>
        <source>grade,reclassify,threshold,table,sensitivity,desertification,factor,Table 6</source>
        <translation>分级,重分类,阈值,表,敏感性,荒漠化,因子,表 6</translation>
    </message>
    <message>
        <source>Grades one raster band into integer grades, block by block, like one step of ArcGIS Weighted Overlay's remap or QGIS 'Reclassify by table', with checks those tools lack.

Threshold table: rows of lower bound, upper bound, grade (an empty bound is open-ended). Rows may be given in any order; they must neither overlap nor leave gaps, otherwise the run is refused with a message naming the two rows. The grade may rise with the value (more wind, more sensitive) or fall (more precipitation, less sensitive). Edge rule: by default a row covers lower &lt;= value &lt; upper, so a value exactly on a break takes the grade of the row above it.

Category mapping: rows of code, grade (erosion classes, hazard classes, land-use codes).

Values outside every row become NoData, or a grade you state; they never become 0 silently, and their number is logged and returned. Input NoData (and NaN) stays NoData. The output is a tiled, DEFLATE-compressed GeoTIFF (Byte with NoData 255 when the grades fit, Int16 otherwise).

Presets (Table 6 of the reference paper, grade 4 = high sensitivity):</source>
        <translation>将一个栅格波段逐块分为整数等级，相当于 ArcGIS 加权叠加中的重映射或 QGIS“按表重分类”中的一步，并增加了这些工具所缺少的检查。

阈值表：每行为下界、上界、等级（空界表示开放）。各行顺序不限；各行既不能重叠也不能留有空隙，否则运行会被拒绝，并在消息中指出相关的两行。等级可随值升高（风越大越敏感），也可随值降低（降水越多越不敏感）。边界规则：默认每行覆盖 下界 &lt;= 值 &lt; 上界，因此恰好落在断点上的值取断点上方那一行的等级。

类别映射：每行为代码、等级（侵蚀类别、灾害类别、土地利用代码）。

超出所有行的值变为 NoData 或您指定的等级；绝不会被悄悄设为 0，其数量会记录在日志中并作为结果返回。输入中的 NoData（以及 NaN）保持为 NoData。输出为分块、DEFLATE 压缩的 GeoTIFF（等级可容纳时为 Byte，NoData 为 255，否则为 Int16）。

预设（参考论文表 6，等级 4 = 高敏感）：</translation>
    </message>
    <message>
        <source>Factor raster</source>
        <translation>因子栅格</translation>
    </message>
    <message>
        <source>Raster of the factor in the units of the table (read with GDAL).</source>
        <translation>以分级表单位表示的因子栅格（通过 GDAL 读取）。</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <source>Band of the factor raster to grade.</source>
        <translation>要分级的因子栅格波段。</translation>
    </message>
    <message>
        <source>Grading preset</source>
        <translation>分级预设</translation>
    </message>
    <message>
        <source>Custom table (below)</source>
        <translation>自定义表（见下）</translation>
    </message>
    <message>
        <source>NDVI change over the trend period (Table 6 breaks ÷ period length, for a per-year slope)</source>
        <translation>趋势时段内的 NDVI 变化（表 6 断点 ÷ 时段长度，用于逐年斜率）</translation>
    </message>
    <message>
        <source>A Table 6 factor (its table is listed in the help), or 'Custom table' to use the threshold table or the category mapping below. To edit a preset, copy its rows into a custom table. 'NDVI change over the trend period' reads the NDVI-trend breaks as the change over the whole period and grades a per-year slope raster by the breaks divided by the period length below.</source>
        <translation>表 6 的一个因子（其分级表列在帮助中），或选择“自定义表”以使用下面的阈值表或类别映射。若要修改预设，请把其行复制到自定义表中。“趋势时段内的 NDVI 变化”把 NDVI 趋势断点解读为整个时段的变化，并按断点除以下面的时段长度对逐年斜率栅格分级。</translation>
    </message>
    <message>
        <source>Length of the trend period (years)</source>
        <translation>趋势时段长度（年）</translation>
    </message>
    <message>
        <source>Years from the first to the last year of the trend (the paper: 2000-2022, 22 years); used by the preset 'NDVI change over the trend period'.</source>
        <translation>趋势从第一年到最后一年的年数（论文：2000-2022 年，22 年）；用于预设“趋势时段内的 NDVI 变化”。</translation>
    </message>
    <message>
        <source>Threshold table</source>
        <translation>阈值表</translation>
    </message>
    <message>
        <source>Lower bound</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper bound</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Custom threshold rows: lower bound, upper bound (empty = open-ended), integer grade.</source>
        <translation>自定义阈值行：下界、上界（空表示开放）、整数等级。</translation>
    </message>
    <message>
        <source>Category mapping</source>
        <translation>类别映射</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Custom category rows: raster code, integer grade. Give either this or a threshold table.</source>
        <translation>自定义类别行：栅格代码、整数等级。请给出此表或阈值表之一。</translation>
    </message>
    <message>
        <source>What pixels whose value lies outside every row (or whose code is not mapped) become.</source>
        <translation>值超出所有行（或代码未被映射）的像元变为何值。</translation>
    </message>
    <message>
        <source>Graded factor</source>
        <translation>分级后的因子</translation>
    </message>
    <message>
        <source>Graded raster (tiled, compressed GeoTIFF), styled by grade.</source>
        <translation>分级栅格（分块压缩 GeoTIFF），按等级设置样式。</translation>
    </message>
    <message>
        <source>Pixels outside every row</source>
        <translation>超出所有行的像元数</translation>
    </message>
    <message>
        <source>NoData pixels in the output</source>
        <translation>输出中的 NoData 像元数</translation>
    </message>
    <message>
        <source>A preset is selected and a custom table is given too; choose 'Custom table' to use your table.</source>
        <translation>已选择预设，同时又给出了自定义表；若要使用您的表，请选择“自定义表”。</translation>
    </message>
    <message>
        <source>Preset: NDVI change over a trend period of {years} years (breaks divided by {years})</source>
        <translation>预设：{years} 年趋势时段内的 NDVI 变化（断点除以 {years}）</translation>
    </message>
    <message>
        <source>Preset: {name}</source>
        <translation>预设：{name}</translation>
    </message>
    <message>
        <source>Give either a threshold table or a category mapping, not both.</source>
        <translation>请给出阈值表或类别映射之一，不要同时给出。</translation>
    </message>
    <message>
        <source>Choose a preset or give a threshold table or a category mapping.</source>
        <translation>请选择一个预设，或给出阈值表或类别映射。</translation>
    </message>
    <message>
        <source>Threshold table ({rule} bound inclusive, grades {direction}): {rows}</source>
        <translation>阈值表（含{rule}界，等级{direction}）：{rows}</translation>
    </message>
    <message>
        <source>Category mapping: {rows}</source>
        <translation>类别映射：{rows}</translation>
    </message>
    <message>
        <source>Grid: {grid}; {n} blocks</source>
        <translation>网格：{grid}；{n} 个数据块</translation>
    </message>
    <message>
        <source>{n} pixels had values outside every row of the table.</source>
        <translation>{n} 个像元的值超出分级表的所有行。</translation>
    </message>
    <message>
        <source>Grade {grade}: {n} pixels</source>
        <translation>等级 {grade}：{n} 个像元</translation>
    </message>
    <message>
        <source>NoData pixels: {n}</source>
        <translation>NoData 像元：{n}</translation>
    </message>
</context>
<context>
    <name>HotSpotsAlgorithm</name>
    <message>
        <source>Hot spot analysis (Getis-Ord Gi*)</source>
        <translation>热点分析（Getis-Ord Gi*）</translation>
    </message>
    <message>
        <source>Getis-Ord Gi* z-score of every feature and its hot/cold spot confidence bin.</source>
        <translation>每个要素的 Getis-Ord Gi* z 得分及其冷热点置信等级。</translation>
    </message>
    <message>
        <source>hot spot,cold spot,getis,ord,gi*,gistar,cluster,esda,arcgis</source>
        <translation>热点,冷点,getis,ord,gi*,gistar,聚集,esda,arcgis</translation>
    </message>
    <message>
        <source>Getis-Ord Gi* (Getis and Ord 1992; Ord and Getis 1995) compares the sum of the values of each feature and its neighbours (the feature itself included) with what a random arrangement would give. A large positive z-score marks a hot spot (high values clustering), a large negative one a cold spot.

Fields written: GiZScore, GiPValue (two-sided), Gi_Bin (3, 2, 1 = hot spot at 99, 95, 90 % confidence; -3, -2, -1 = cold spot; 0 = not significant or no neighbours) and NNeighbors (neighbours, the feature itself not counted). Styled with the usual hot/cold ramp.

Weights: binary by default, as ArcGIS; the feature's own weight is 1 (the row's largest weight for inverse distance). Row standardisation divides by the row total, self included.

Inference: by default analytical, z = (sum_j w_ij x_j - mean * W_i) / (S * sqrt((n S1_i - W_i²) / (n-1))) (ArcGIS's formula, valid for any weights; for binary weights identical to esda's G_Local). With permutations &gt; 0 the values around each feature are permuted (conditional randomisation, as esda): GiZScore is then the z-score against the permutation distribution and GiPValue twice the folded pseudo p-value (capped at 1), so that the bins keep their two-sided meaning.

FDR applies the Benjamini-Hochberg correction separately at the 90, 95 and 99 % levels, as ArcGIS does. Features without neighbours get NULL z and p and Gi_Bin 0.

The summary outputs give the number of features and the percentage of the total area in every bin, and AREA_PCT_HOT / AREA_PCT_COLD for all hot / cold bins together (the paper reports hot spots above 90 % confidence).</source>
        <translation>Getis-Ord Gi*（Getis 和 Ord 1992；Ord 和 Getis 1995）将每个要素及其邻居（含要素自身）的值之和与随机排列的结果比较。较大的正 z 得分表示热点（高值聚集），较大的负 z 得分表示冷点。

写出的字段：GiZScore、GiPValue（双侧）、Gi_Bin（3、2、1 = 置信度 99、95、90 % 的热点；-3、-2、-1 = 冷点；0 = 不显著或无邻居）和 NNeighbors（邻居数，不含要素自身）。按常用的冷热色带设置样式。

权重：默认二值，同 ArcGIS；要素自身权重为 1（反距离时为该行的最大权重）。行标准化除以含自身在内的行总和。

推断：默认解析法，z = (sum_j w_ij x_j - mean * W_i) / (S * sqrt((n S1_i - W_i²) / (n-1)))（ArcGIS 的公式，适用于任意权重；二值权重下与 esda 的 G_Local 相同）。置换次数 &gt; 0 时，对每个要素周围的值进行置换（条件随机化，同 esda）：此时 GiZScore 为相对置换分布的 z 得分，GiPValue 为折叠伪 p 值的两倍（上限为 1），使等级保持双侧含义。

FDR 在 90、95 和 99 % 水平上分别应用 Benjamini-Hochberg 校正，同 ArcGIS。无邻居的要素 z 和 p 为空，Gi_Bin 为 0。

汇总输出给出每个等级的要素数量和占总面积的百分比，以及所有热点/冷点等级合计的 AREA_PCT_HOT / AREA_PCT_COLD（论文报告置信度 90 % 以上的热点）。</translation>
    </message>
    <message>
        <source>0 (default): analytical z-scores and normal p-values. More than 0: number of conditional permutations for pseudo p-values.</source>
        <translation>0（默认）：解析 z 得分和正态 p 值。大于 0：用于伪 p 值的条件置换次数。</translation>
    </message>
    <message>
        <source>Hot spots</source>
        <translation>热点</translation>
    </message>
    <message>
        <source>The input features with the Gi* fields, styled by Gi_Bin.</source>
        <translation>输入要素加上 Gi* 字段，按 Gi_Bin 设置样式。</translation>
    </message>
    <message>
        <source>Optional HTML report with the summary table and the settings.</source>
        <translation>可选的 HTML 报告，含汇总表和设置。</translation>
    </message>
    <message>
        <source>hot spot, 99 % confidence</source>
        <translation>热点，置信度 99 %</translation>
    </message>
    <message>
        <source>hot spot, 95 % confidence</source>
        <translation>热点，置信度 95 %</translation>
    </message>
    <message>
        <source>hot spot, 90 % confidence</source>
        <translation>热点，置信度 90 %</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>不显著</translation>
    </message>
    <message>
        <source>cold spot, 90 % confidence</source>
        <translation>冷点，置信度 90 %</translation>
    </message>
    <message>
        <source>cold spot, 95 % confidence</source>
        <translation>冷点，置信度 95 %</translation>
    </message>
    <message>
        <source>cold spot, 99 % confidence</source>
        <translation>冷点，置信度 99 %</translation>
    </message>
    <message>
        <source>Hot spot summary</source>
        <translation>热点汇总</translation>
    </message>
    <message>
        <source>Area % of hot spots (90 % and above)</source>
        <translation>热点面积 %（90 % 及以上）</translation>
    </message>
    <message>
        <source>Area % of cold spots (90 % and above)</source>
        <translation>冷点面积 %（90 % 及以上）</translation>
    </message>
    <message>
        <source>Field {field}; {transform} weights; false discovery rate correction: {fdr}; inference: {inference}.</source>
        <translation>字段 {field}；{transform}权重；错误发现率校正：{fdr}；推断方法：{inference}。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>analytical</source>
        <translation>解析法</translation>
    </message>
    <message>
        <source>{perm} permutations, seed {seed}</source>
        <translation>{perm} 次置换，种子 {seed}</translation>
    </message>
    <message>
        <source>Hot and cold spots</source>
        <translation>冷热点</translation>
    </message>
    <message>
        <source>Gi* bin</source>
        <translation>Gi* 分级</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Spatial weights</source>
        <translation>空间权重</translation>
    </message>
    <message>
        <source>Standardisation</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>FDR correction</source>
        <translation>FDR 校正</translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation>置换次数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Gi_Bin 3/2/1: hot spot at 99/95/90 % confidence (two-sided p below 0.01/0.05/0.10); negative: cold spot. Features without neighbours: bin 0.</source>
        <translation>Gi_Bin 3/2/1：置信度 99/95/90 % 的热点（双侧 p 低于 0.01/0.05/0.10）；负值：冷点。无邻居的要素：等级 0。</translation>
    </message>
</context>
<context>
    <name>ImportMiningDatasetAlgorithm</name>
    <message>
        <source>Import global mining dataset</source>
        <translation>导入全球矿区数据集</translation>
    </message>
    <message>
        <source>Reads the Maus et al. (2022) and Tang &amp; Werner (2023) mining polygons into one footprint schema, merges them without overlaps and measures them on the ellipsoid.</source>
        <translation>将 Maus 等（2022）和 Tang &amp; Werner（2023）的矿区多边形读入统一的图斑结构，去除重叠后合并，并在椭球面上量算面积。</translation>
    </message>
    <message>
        <source>Maus,Tang,Werner,global,mining polygons,PANGAEA,Zenodo,import,merge,country,licence</source>
        <translation>Maus,Tang,Werner,全球,矿区多边形,PANGAEA,Zenodo,导入,合并,国家,许可</translation>
    </message>
    <message>
        <source>Reads the public global mining-area polygon datasets as they are downloaded and writes them in one footprint schema, ready for the other MineMonitor algorithms (national totals as in Table 2 of the reference paper: footprint statistics grouped by iso3 or country).

Each input layer is recognised from its fields:
- Maus et al. (2022), global-scale mining polygons v2 (PANGAEA, doi:10.1594/PANGAEA.942325, CC BY-SA 4.0), file global_mining_polygons_v2.gpkg: WGS 84 polygons with ISO3_CODE, COUNTRY_NAME and AREA (km²); version 1 (doi:10.1594/PANGAEA.910894) has the same fields;
- Tang &amp; Werner (2023), global mining footprint (Zenodo, doi:10.5281/zenodo.7894216, CC BY 4.0), shapefile '74548_projected polygons.shp' in an equal-area projection with OBJECTID and Name (no country);
- an earlier output of this algorithm (source, source_id, iso3, country, area_km2).
GeoPackage, shapefile and GeoJSON copies are read alike; any CRS is reprojected to WGS 84.

Output fields: source (maus_v2, maus_v1 or tang_werner_2023), source_id (the Maus feature id, the Tang &amp; Werner OBJECTID), iso3, country, area_km2 (area on the WGS 84 ellipsoid after overlap removal), orig_km2 (area of the source polygon on the ellipsoid), published_km2 (the AREA published with the Maus polygons, NULL otherwise).

Overlaps: every area is kept once. Between datasets the order of the input layers decides (dataset precedence): where polygons of two layers overlap (the two datasets mapped the same mines), the layer listed first keeps the area, whatever the sizes of the polygons, so each part keeps its source, identifier and country. Within one layer the rule of every MineMonitor algorithm applies: land shared by polygons of the layer belongs to the smallest of them, whatever the order of the features. Polygons left without land of their own (exact duplicates, polygons entirely covered by smaller ones of their layer or by polygons of a layer listed earlier) and zero-area or hair-thin sliver polygons are dropped; the log lists their feature ids. This replaces the union of connected groups of intersecting polygons of the authors' own merge, which loses the source of each part.

Areas are measured on the WGS 84 ellipsoid with the polygon edges taken as straight lines in longitude/latitude (exact integration with the authalic latitude; pieces cut along meridians or parallels add up exactly).

Countries: Tang &amp; Werner polygons have none; with a country layer (for example Natural Earth admin-0) every polygon without an ISO3 code gets the country holding the largest part of its area.

The licence and citation of every source are written to the log, the report and the output's metadata (inside the GeoPackage: Layer Properties &gt; Metadata). Maus et al. is CC BY-SA 4.0: data derived from it must be shared under the same licence.</source>
        <translation>按下载时的原样读取公开的全球矿区多边形数据集，并写入统一的图斑结构，可直接用于 MineMonitor 的其他算法（如参考论文表 2 中的各国合计：按 iso3 或 country 分组的图斑统计）。

每个输入图层根据其字段识别：
- Maus 等（2022）全球矿区多边形第 2 版（PANGAEA，doi:10.1594/PANGAEA.942325，CC BY-SA 4.0），文件 global_mining_polygons_v2.gpkg：WGS 84 多边形，字段 ISO3_CODE、COUNTRY_NAME 和 AREA（km²）；第 1 版（doi:10.1594/PANGAEA.910894）字段相同；
- Tang &amp; Werner（2023）全球采矿足迹（Zenodo，doi:10.5281/zenodo.7894216，CC BY 4.0），等积投影下的 shapefile“74548_projected polygons.shp”，字段 OBJECTID 和 Name（无国家字段）；
- 本算法以前的输出（source、source_id、iso3、country、area_km2）。
GeoPackage、shapefile 和 GeoJSON 副本同样可读；任何坐标系都会重投影到 WGS 84。

输出字段：source（maus_v2、maus_v1 或 tang_werner_2023）、source_id（Maus 的要素编号、Tang &amp; Werner 的 OBJECTID）、iso3、country、area_km2（去除重叠后在 WGS 84 椭球面上的面积）、orig_km2（源多边形在椭球面上的面积）、published_km2（Maus 多边形随附发布的 AREA，其他为 NULL）。

重叠：每块面积只保留一次。数据集之间由输入图层的顺序决定（数据集优先级）：两个图层的多边形相互重叠时（两个数据集绘制了同一矿山），无论多边形大小，面积都归属排在前面的图层，因此每一部分都保留其来源、编号和国家。同一图层内适用所有 MineMonitor 算法共用的规则：图层中多边形共有的土地归属其中最小的多边形，与要素顺序无关。没有自身土地的多边形（完全重复的多边形，或完全被本图层更小多边形或排在前面图层的多边形覆盖的多边形）以及面积为零或极细的条带状多边形会被剔除；日志列出它们的要素编号。这取代了作者自己合并时对相交多边形连通组求并集的做法，后者会丢失各部分的来源。

面积在 WGS 84 椭球面上量算，多边形的边视为经纬度中的直线（借助等积纬度精确积分；沿经线或纬线切开的各块面积之和严格相等）。

国家：Tang &amp; Werner 多边形没有国家信息；指定国家图层（例如 Natural Earth admin-0）时，每个没有 ISO3 代码的多边形归入包含其最大面积部分的国家。

每个来源的许可和引用写入日志、报告和输出的元数据（GeoPackage 内：图层属性 &gt; 元数据）。Maus 等的数据采用 CC BY-SA 4.0：由其派生的数据必须以相同许可共享。</translation>
    </message>
    <message>
        <source>Mining polygon datasets</source>
        <translation>矿区多边形数据集</translation>
    </message>
    <message>
        <source>One or more polygon layers of the published datasets (Maus et al. v1/v2, Tang &amp; Werner 2023), in order of precedence: where polygons of two layers overlap, the layer listed first keeps the area.</source>
        <translation>一个或多个已发布数据集（Maus 等 v1/v2、Tang &amp; Werner 2023）的多边形图层，按优先级排列：两个图层的多边形相互重叠时，由排在前面的图层保留面积。</translation>
    </message>
    <message>
        <source>Remove overlaps</source>
        <translation>去除重叠</translation>
    </message>
    <message>
        <source>Count every area once: an area mapped by polygons of several layers stays with the layer listed first; within a layer, with the smallest polygon. Unchecked, polygons are copied as they are and overlaps count twice.</source>
        <translation>每块面积只计一次：被多个图层的多边形覆盖的面积归属排在最前的图层；同一图层内归属最小的多边形。不勾选时多边形原样复制，重叠部分重复计算。</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Optional: import only the polygons meeting this extent (for example a country or region).</source>
        <translation>可选：只导入与此范围相交的多边形（例如某个国家或地区）。</translation>
    </message>
    <message>
        <source>Country layer</source>
        <translation>国家图层</translation>
    </message>
    <message>
        <source>Optional polygon layer of countries; polygons without an ISO3 code (Tang &amp; Werner) get the country holding the largest part of their area.</source>
        <translation>可选的国家多边形图层；没有 ISO3 代码的多边形（Tang &amp; Werner）归入包含其最大面积部分的国家。</translation>
    </message>
    <message>
        <source>Country ISO3 field</source>
        <translation>国家 ISO3 字段</translation>
    </message>
    <message>
        <source>Field of the country layer with the ISO 3166-1 alpha-3 code (Natural Earth: ISO_A3 or ADM0_A3).</source>
        <translation>国家图层中 ISO 3166-1 三字母代码的字段（Natural Earth：ISO_A3 或 ADM0_A3）。</translation>
    </message>
    <message>
        <source>Country name field</source>
        <translation>国家名称字段</translation>
    </message>
    <message>
        <source>Field of the country layer with the country name (Natural Earth: NAME or ADMIN).</source>
        <translation>国家图层中国家名称的字段（Natural Earth：NAME 或 ADMIN）。</translation>
    </message>
    <message>
        <source>Mining footprints</source>
        <translation>矿区范围</translation>
    </message>
    <message>
        <source>Footprints in one schema (WGS 84): source, source_id, iso3, country, area_km2, orig_km2, published_km2; the sources' licences and citations are in the layer metadata.</source>
        <translation>统一结构的图斑（WGS 84）：source、source_id、iso3、country、area_km2、orig_km2、published_km2；各来源的许可和引用写在图层元数据中。</translation>
    </message>
    <message>
        <source>Summary by source and country</source>
        <translation>按来源和国家汇总</translation>
    </message>
    <message>
        <source>Optional table: one row per source and country (n_polygons, area_km2, share_pct of the total area), plus one total row per source (iso3 NULL): Table 2's national reference rows.</source>
        <translation>可选表：每个来源和国家一行（n_polygons、area_km2、share_pct 占总面积的百分比），另加每个来源一行合计（iso3 为 NULL）：即表 2 中的各国参考行。</translation>
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
        <source>HTML report: the sources with their citation and licence, polygons and area per source and per country, overlap removed.</source>
        <translation>HTML 报告：各来源及其引用和许可，按来源和按国家的多边形数与面积，去除的重叠面积。</translation>
    </message>
    <message>
        <source>Number of footprints</source>
        <translation>图斑数</translation>
    </message>
    <message>
        <source>Total area on the ellipsoid (km²)</source>
        <translation>椭球面上的总面积（km²）</translation>
    </message>
    <message>
        <source>Overlapping area counted once (km²)</source>
        <translation>只计一次的重叠面积（km²）</translation>
    </message>
    <message>
        <source>Datasets recognised</source>
        <translation>识别出的数据集</translation>
    </message>
    <message>
        <source>Maus et al. (2022), global-scale mining polygons v2</source>
        <translation>Maus 等（2022）全球矿区多边形 v2</translation>
    </message>
    <message>
        <source>Maus et al. (2020), global-scale mining polygons v1</source>
        <translation>Maus 等（2020）全球矿区多边形 v1</translation>
    </message>
    <message>
        <source>Tang &amp; Werner (2023), global mining footprint</source>
        <translation>Tang &amp; Werner（2023）全球采矿足迹</translation>
    </message>
    <message>
        <source>Choose at least one mining polygon layer.</source>
        <translation>请至少选择一个矿区多边形图层。</translation>
    </message>
    <message>
        <source>Choose the ISO3 field or the name field of the country layer {layer}.</source>
        <translation>请选择国家图层 {layer} 的 ISO3 字段或名称字段。</translation>
    </message>
    <message>
        <source>Only polygons meeting the extent {extent} (WGS 84) are imported.</source>
        <translation>只导入与范围 {extent}（WGS 84）相交的多边形。</translation>
    </message>
    <message>
        <source>Layer {layer} is not one of the supported mining datasets: expected the fields ISO3_CODE, COUNTRY_NAME and AREA (Maus et al., global_mining_polygons_v2.gpkg) or OBJECTID and Name (Tang &amp; Werner, 74548_projected polygons.shp); it has {fields}.</source>
        <translation>图层 {layer} 不是受支持的矿区数据集：应有字段 ISO3_CODE、COUNTRY_NAME 和 AREA（Maus 等，global_mining_polygons_v2.gpkg）或 OBJECTID 和 Name（Tang &amp; Werner，74548_projected polygons.shp）；该图层的字段为 {fields}。</translation>
    </message>
    <message>
        <source>Layer {layer}: recognised as {dataset}.</source>
        <translation>图层 {layer}：识别为 {dataset}。</translation>
    </message>
    <message>
        <source>No mining polygon was found in the inputs (or inside the extent).</source>
        <translation>输入中（或范围内）没有找到矿区多边形。</translation>
    </message>
    <message>
        <source>Source {dataset}: {citation}. Licence: {licence} ({url}).</source>
        <translation>来源 {dataset}：{citation}。许可：{licence}（{url}）。</translation>
    </message>
    <message>
        <source>Overlaps removed: {n} polygons overlapped others; {area:.6f} km² mapped more than once is counted once: a layer listed earlier keeps the area it shares with later layers, and within a layer the smallest polygon keeps it; {dropped} polygons without land of their own were dropped.</source>
        <translation>已去除重叠：{n} 个多边形与其他多边形重叠；被多次绘制的 {area:.6f} km² 只计一次：排在前面的图层保留其与后面图层共有的面积，同一图层内由最小的多边形保留；{dropped} 个没有自身土地的多边形已剔除。</translation>
    </message>
    <message>
        <source>{n} footprints have no country (iso3 NULL).</source>
        <translation>{n} 个图斑没有国家（iso3 为 NULL）。</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>报告已写入 {path}。</translation>
    </message>
    <message>
        <source>{n} footprints, {area:.4f} km² on the ellipsoid.</source>
        <translation>{n} 个图斑，椭球面上 {area:.4f} km²。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} polygons have no area (zero-area, collapsed or hair-thin slivers) and were dropped (feature ids {ids}).</source>
        <translation>图层 {layer}：{n} 个多边形没有面积（面积为零、环退化或为极细条带），已剔除（要素编号 {ids}）。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} polygons have no land of their own (exact duplicates, or entirely covered by smaller polygons of the layer or by polygons of a layer listed earlier) and were dropped (feature ids {ids}).</source>
        <translation>图层 {layer}：{n} 个多边形没有自身的土地（完全重复的多边形，或完全被本图层更小多边形或排在前面图层的多边形覆盖），已剔除（要素编号 {ids}）。</translation>
    </message>
    <message>
        <source>Countries from layer {layer} (largest overlap): {n} footprints assigned, {left} outside every country.</source>
        <translation>国家来自图层 {layer}（最大重叠）：{n} 个图斑已分配，{left} 个不在任何国家内。</translation>
    </message>
    <message>
        <source>Mining footprints imported by MineMonitor from: {datasets}. Areas on the WGS 84 ellipsoid; overlaps between polygons removed: {overlaps}.</source>
        <translation>由 MineMonitor 从以下数据集导入的矿区图斑：{datasets}。面积在 WGS 84 椭球面上量算；去除多边形之间的重叠：{overlaps}。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Mining footprints ({datasets})</source>
        <translation>矿区图斑（{datasets}）</translation>
    </message>
    <message>
        <source>Could not store the licences in the metadata of {output}: {error}</source>
        <translation>无法将许可信息写入 {output} 的元数据：{error}</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>Areas on the WGS 84 ellipsoid. Overlapping area counted once: {area:.4f} km² ({n} polygons overlapped others, {dropped} dropped as entirely covered).</source>
        <translation>面积在 WGS 84 椭球面上量算。只计一次的重叠面积：{area:.4f} km²（{n} 个多边形与其他多边形重叠，{dropped} 个因被完全覆盖而剔除）。</translation>
    </message>
    <message>
        <source>Polygons and area per source</source>
        <translation>按来源的多边形数与面积</translation>
    </message>
    <message>
        <source>Polygons and area per country</source>
        <translation>按国家的多边形数与面积</translation>
    </message>
    <message>
        <source>Global mining datasets</source>
        <translation>全球矿区数据集</translation>
    </message>
</context>
<context>
    <name>LocalMoranAlgorithm</name>
    <message>
        <source>Cluster and outlier analysis (Anselin Local Moran's I)</source>
        <translation>聚类和异常值分析（Anselin 局部 Moran's I）</translation>
    </message>
    <message>
        <source>Local Moran's I of every feature: high-high and low-low clusters, high-low and low-high outliers.</source>
        <translation>每个要素的局部 Moran's I：高-高与低-低聚类，高-低与低-高异常值。</translation>
    </message>
    <message>
        <source>lisa,local moran,cluster,outlier,hot spot,anselin,geoda,esda</source>
        <translation>lisa,局部 moran,聚类,异常值,热点,anselin,geoda,esda</translation>
    </message>
    <message>
        <source>Anselin's (1995) local Moran's I compares each feature's value with the values of its neighbours and classifies significant features as HH (high among high: cluster), LL (low among low: cluster), HL (high among low: outlier) or LH (low among high: outlier).

Fields written: LMiIndex (local Moran's I), LMiZScore, LMiPValue, COType (HH, HL, LH, LL; empty when not significant; NN for a feature without neighbours), NNeighbors (number of neighbours), SpatialLag (the neighbours' average of the field), lisa_q (quadrant, esda's coding 1 HH, 2 LH, 3 LL, 4 HL, 0 without neighbours) and lisa_cluster (the styled code: 0 not significant, 1-4 as lisa_q, 5 no neighbours). The layer is styled with GeoDa's LISA colours.

Scaling: LMiIndex is esda's I_i = (n-1) z_i lag_i / sum(z²); GeoDa reports n/(n-1) times this value and ArcGIS sum(z²)/(sum(z²)-z_i²) times it (its variance leaves the feature out). Signs, z-scores and p-values do not depend on the scaling.

Inference: with permutations (default 999) each feature's value is held fixed and the others are permuted among its neighbours (conditional randomisation, as esda and GeoDa). LMiPValue is the folded pseudo p-value (GeoDa's convention: one-sided in the direction of the observed I) and LMiZScore the z-score of I against the permutation distribution. A permuted value equal to the observed one counts on both sides, so a feature exactly at the mean gets p = 1. With 0 permutations the z-score uses the analytical moments under total randomisation (Sokal et al. 1998, rescaled to esda's I) and the p-value is two-sided normal.

Significance: p &lt; ALPHA, or with FDR the Benjamini-Hochberg false discovery rate at ALPHA over all features with neighbours. Features without neighbours get NULL statistics and COType NN.

The summary outputs give the number of features and the percentage of the total area (polygons, in an equal-area CRS) in each class, as the paper reports them. The optional report adds a Moran scatterplot coloured by cluster.</source>
        <translation>Anselin（1995）局部 Moran's I 将每个要素的值与其邻居的值比较，把显著的要素分为 HH（高值被高值包围：聚类）、LL（低值被低值包围：聚类）、HL（高值被低值包围：异常值）或 LH（低值被高值包围：异常值）。

写出的字段：LMiIndex（局部 Moran's I）、LMiZScore、LMiPValue、COType（HH、HL、LH、LL；不显著时为空；无邻居的要素为 NN）、NNeighbors（邻居数）、SpatialLag（字段的邻居平均值）、lisa_q（象限，esda 编码 1 HH、2 LH、3 LL、4 HL，无邻居为 0）和 lisa_cluster（用于样式的编码：0 不显著，1-4 同 lisa_q，5 无邻居）。图层使用 GeoDa 的 LISA 配色。

尺度：LMiIndex 为 esda 的 I_i = (n-1) z_i lag_i / sum(z²)；GeoDa 报告该值的 n/(n-1) 倍，ArcGIS 报告其 sum(z²)/(sum(z²)-z_i²) 倍（其方差不含该要素）。符号、z 得分和 p 值与尺度无关。

推断：有置换时（默认 999 次），固定每个要素的值，在其邻居位置上置换其他值（条件随机化，同 esda 和 GeoDa）。LMiPValue 为折叠伪 p 值（GeoDa 约定：沿观测 I 方向的单侧），LMiZScore 为 I 相对置换分布的 z 得分。与观测值相等的置换值在两侧都计数，因此恰好等于均值的要素 p = 1。置换次数为 0 时，z 得分使用完全随机化下的解析矩（Sokal 等 1998，换算到 esda 的 I），p 值为双侧正态。

显著性：p &lt; ALPHA，或启用 FDR 时在所有有邻居的要素上以 ALPHA 控制 Benjamini-Hochberg 错误发现率。无邻居的要素统计量为空，COType 为 NN。

汇总输出给出每类的要素数量及占总面积的百分比（多边形，在等积坐标系中计算），与论文的报告方式一致。可选报告另附按聚类着色的 Moran 散点图。</translation>
    </message>
    <message>
        <source>Significance level (alpha)</source>
        <translation>显著性水平（alpha）</translation>
    </message>
    <message>
        <source>Features with a p-value below this level are classified as clusters or outliers.</source>
        <translation>p 值低于该水平的要素被划为聚类或异常值。</translation>
    </message>
    <message>
        <source>Local Moran clusters</source>
        <translation>局部 Moran 聚类</translation>
    </message>
    <message>
        <source>The input features with the local Moran fields, styled with the LISA colours.</source>
        <translation>输入要素加上局部 Moran 字段，使用 LISA 配色。</translation>
    </message>
    <message>
        <source>Optional HTML report: summary table, settings and a Moran scatterplot by cluster.</source>
        <translation>可选的 HTML 报告：汇总表、设置和按聚类着色的 Moran 散点图。</translation>
    </message>
    <message>
        <source>high-high cluster</source>
        <translation>高-高聚类</translation>
    </message>
    <message>
        <source>high-low outlier</source>
        <translation>高-低异常值</translation>
    </message>
    <message>
        <source>low-high outlier</source>
        <translation>低-高异常值</translation>
    </message>
    <message>
        <source>low-low cluster</source>
        <translation>低-低聚类</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>不显著</translation>
    </message>
    <message>
        <source>no neighbours</source>
        <translation>无邻居</translation>
    </message>
    <message>
        <source>LISA summary</source>
        <translation>LISA 汇总</translation>
    </message>
    <message>
        <source>Field {field}; {transform} weights; significance level {alpha}; false discovery rate correction: {fdr}; {perm} permutations, seed {seed}.</source>
        <translation>字段 {field}；{transform}权重；显著性水平 {alpha}；错误发现率校正：{fdr}；{perm} 次置换，种子 {seed}。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Benjamini-Hochberg p-value cut-off: {cut}.</source>
        <translation>Benjamini-Hochberg p 值阈值：{cut}。</translation>
    </message>
    <message>
        <source>Clusters and outliers</source>
        <translation>聚类和异常值</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Spatial weights</source>
        <translation>空间权重</translation>
    </message>
    <message>
        <source>Standardisation</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>Significance level</source>
        <translation>显著性水平</translation>
    </message>
    <message>
        <source>FDR correction</source>
        <translation>FDR 校正</translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation>置换次数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Features without neighbours</source>
        <translation>无邻居的要素</translation>
    </message>
    <message>
        <source>LMiIndex uses esda's scaling (GeoDa's I is n/(n-1) times larger). LMiPValue: folded pseudo p-value of the conditional randomisation (one-sided, GeoDa's convention), or the two-sided normal p-value without permutations.</source>
        <translation>LMiIndex 使用 esda 的尺度（GeoDa 的 I 是其 n/(n-1) 倍）。LMiPValue：条件随机化的折叠伪 p 值（单侧，GeoDa 约定），无置换时为双侧正态 p 值。</translation>
    </message>
</context>
<context>
    <name>MineMonitor</name>
    <message>
        <source>Parameter {parameter} ({label}) must be a finite number; got {value}.</source>
        <translation>参数 {parameter}（{label}）必须是有限数值；实际为 {value}。</translation>
    </message>
    <message>
        <source>Field {field} (parameter {parameter}) does not exist in layer {layer}; its fields are: {fields}.</source>
        <translation>字段 {field}（参数 {parameter}）在图层 {layer} 中不存在；该图层的字段为：{fields}。</translation>
    </message>
    <message>
        <source>The layer looks like a shapefile, which cuts field names to 10 characters ({short}); write GeoPackage outputs to keep full names.</source>
        <translation>该图层似乎是 shapefile，字段名被截断为 10 个字符（{short}）；请输出为 GeoPackage 以保留完整字段名。</translation>
    </message>
    <message>
        <source>The folder {folder} of output {output} ({label}) does not exist.</source>
        <translation>输出 {output}（{label}）的文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>The folder {folder} of output {output} ({label}) is not writable.</source>
        <translation>输出 {output}（{label}）的文件夹 {folder} 不可写。</translation>
    </message>
    <message>
        <source>The file {path} of output {output} ({label}) is read-only.</source>
        <translation>输出 {output}（{label}）的文件 {path} 为只读。</translation>
    </message>
    <message>
        <source>Output {output} ({label}) is a table without geometry, which a shapefile cannot hold; write it as .gpkg, .csv or .xlsx.</source>
        <translation>输出 {output}（{label}）是不含几何的表，shapefile 无法保存；请写为 .gpkg、.csv 或 .xlsx。</translation>
    </message>
    <message>
        <source>Output {output} ({out_label}) would overwrite the input {input} ({in_label}): {path}. Choose another file or layer name.</source>
        <translation>输出 {output}（{out_label}）将覆盖输入 {input}（{in_label}）：{path}。请选择其他文件或图层名。</translation>
    </message>
    <message>
        <source>Overlapping footprints: land covered by several footprints of one layer is counted once and belongs to the smallest of them (a pond digitised inside a stope keeps its area, the stope the rest), whatever the order of the features. A footprint left without land of its own (an exact duplicate, or a footprint entirely covered by smaller ones) and a zero-area or hair-thin sliver footprint is not counted; the log lists their feature ids.</source>
        <translation>重叠图斑：同一图层中被多个图斑覆盖的土地只计一次，归属其中最小的图斑（在采场内单独数字化的水塘保留其面积，采场保留其余部分），与要素顺序无关。没有自身土地的图斑（完全重复的图斑，或完全被更小图斑覆盖的图斑）以及面积为零或极细的条带状图斑不参与计数；日志列出它们的要素编号。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} footprints have no area (zero-area, collapsed or hair-thin slivers) and are not counted (feature ids {ids}).</source>
        <translation>图层 {layer}：{n} 个图斑没有面积（面积为零、环退化或为极细条带），不参与计数（要素编号 {ids}）。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} footprints have no land of their own (exact duplicates or footprints entirely covered by smaller footprints of the layer) and are not counted (feature ids {ids}).</source>
        <translation>图层 {layer}：{n} 个图斑没有自身的土地（完全重复的图斑，或完全被该图层中更小图斑覆盖的图斑），不参与计数（要素编号 {ids}）。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} footprints overlap others; the shared area ({area:.6f} km²) is counted once, for the smallest footprint.</source>
        <translation>图层 {layer}：{n} 个图斑与其他图斑重叠；重叠面积（{area:.6f} km²）只计一次，归属最小的图斑。</translation>
    </message>
    <message>
        <source>Install Python dependencies…</source>
        <translation>安装 Python 依赖……</translation>
    </message>
    <message>
        <source>Install the Python packages MineMonitor needs for QGIS's Python, keeping QGIS's numpy and scipy</source>
        <translation>为 QGIS 的 Python 安装 MineMonitor 所需的 Python 包，保留 QGIS 自带的 numpy 和 scipy</translation>
    </message>
    <message>
        <source>&amp;MineMonitor</source>
        <translation>&amp;MineMonitor</translation>
    </message>
    <message>
        <source>Layer {layer} has no coordinate reference system (or one QGIS does not know), so its areas and distances cannot be computed. Assign its CRS (Layer Properties &gt; Source &gt; Assigned Coordinate Reference System, or Processing &gt; Vector general &gt; Assign projection; for a shapefile, add the .prj file) and run again.</source>
        <translation>图层 {layer} 没有坐标参考系（或 QGIS 无法识别其坐标参考系），因此无法计算面积和距离。请为其指定坐标参考系（图层属性 &gt; 源 &gt; 指定的坐标参考系，或 处理 &gt; 矢量通用 &gt; 指定投影；shapefile 请补上 .prj 文件）后再运行。</translation>
    </message>
    <message>
        <source>Layer {layer} has no usable geometry (its extent is empty): there is nothing to analyse.</source>
        <translation>图层 {layer} 没有可用的几何（范围为空）：没有可分析的内容。</translation>
    </message>
    <message>
        <source>The CRS {crs} given as {parameter} is not a valid coordinate reference system; give an EPSG code (e.g. EPSG:6933) or a PROJ/WKT definition, or leave it empty for a fitted Albers equal-area CRS.</source>
        <translation>作为 {parameter} 给出的 {crs} 不是有效的坐标参考系；请给出 EPSG 代码（如 EPSG:6933）或 PROJ/WKT 定义，或留空以使用自动拟合的 Albers 等积投影。</translation>
    </message>
    <message>
        <source>The CRS {crs} is not a projected CRS in metres; choose an equal-area projection.</source>
        <translation>坐标系 {crs} 不是以米为单位的投影坐标系；请选择等积投影。</translation>
    </message>
    <message>
        <source>{width} x {height} pixels of {dx} x {dy}, extent {extent}</source>
        <translation>{width} x {height} 个像元，像元大小 {dx} x {dy}，范围 {extent}</translation>
    </message>
    <message>
        <source>The layer {layer} is not a raster layer.</source>
        <translation>图层 {layer} 不是栅格图层。</translation>
    </message>
    <message>
        <source>The raster layer {layer} is not valid.</source>
        <translation>栅格图层 {layer} 无效。</translation>
    </message>
    <message>
        <source>The raster layer {layer} is read by the {provider} provider; MineMonitor reads rasters with GDAL. Save it as a GeoTIFF first.</source>
        <translation>栅格图层 {layer} 由 {provider} 数据提供者读取；MineMonitor 使用 GDAL 读取栅格。请先将其另存为 GeoTIFF。</translation>
    </message>
    <message>
        <source>GDAL cannot open the raster layer {layer} ({source}).</source>
        <translation>GDAL 无法打开栅格图层 {layer}（{source}）。</translation>
    </message>
    <message>
        <source>The raster layer {layer} has no band {band}.</source>
        <translation>栅格图层 {layer} 没有第 {band} 波段。</translation>
    </message>
    <message>
        <source>The raster layer {layer} has no coordinate reference system, so its pixel sizes and areas are unknown. Assign one (Raster &gt; Projections &gt; Assign Projection, or gdal_edit.py -a_srs) and run again.</source>
        <translation>栅格图层 {layer} 没有坐标参考系，因此其像元大小和面积未知。请为其指定坐标参考系（栅格 &gt; 投影 &gt; 指定投影，或 gdal_edit.py -a_srs）后再运行。</translation>
    </message>
    <message>
        <source>The raster layer {layer} has {width} x {height} = {pixels:.3g} pixels per band, more than this machine is set to process ({limit:.3g}; hours of work). Clip or resample it first, or raise the limit with the environment variable MINEMONITOR_MAX_PIXELS (QGIS: Settings &gt; Options &gt; System &gt; Environment).</source>
        <translation>栅格图层 {layer} 每个波段有 {width} x {height} = {pixels:.3g} 个像元，超过本机设定的处理上限（{limit:.3g}；需要数小时）。请先裁剪或重采样，或通过环境变量 MINEMONITOR_MAX_PIXELS 提高上限（QGIS：设置 &gt; 选项 &gt; 系统 &gt; 环境）。</translation>
    </message>
    <message>
        <source>CRS {crs} instead of {reference}</source>
        <translation>坐标系为 {crs}，而非 {reference}</translation>
    </message>
    <message>
        <source>rotated geotransform</source>
        <translation>地理变换带旋转</translation>
    </message>
    <message>
        <source>pixel size {size} instead of {reference}</source>
        <translation>像元大小为 {size}，而非 {reference}</translation>
    </message>
    <message>
        <source>{grid} instead of {reference}</source>
        <translation>{grid}，而非 {reference}</translation>
    </message>
    <message>
        <source>Unknown resampling method {method}.</source>
        <translation>未知的重采样方法 {method}。</translation>
    </message>
    <message>
        <source>The raster {layer} is not on the reference grid ({difference}); align it first or allow resampling.</source>
        <translation>栅格 {layer} 不在参考网格上（{difference}）；请先对齐，或允许重采样。</translation>
    </message>
    <message>
        <source>{layer}: {difference}; resampled ({method}) onto the reference grid</source>
        <translation>{layer}：{difference}；已（以 {method} 法）重采样到参考网格</translation>
    </message>
    <message>
        <source>Could not resample the raster {layer}: {error}</source>
        <translation>无法对栅格 {layer} 重采样：{error}</translation>
    </message>
    <message>
        <source>No raster to read.</source>
        <translation>没有要读取的栅格。</translation>
    </message>
    <message>
        <source>The raster {layer} is not on the grid of {reference} ({difference}).</source>
        <translation>栅格 {layer} 不在 {reference} 的网格上（{difference}）。</translation>
    </message>
    <message>
        <source>The raster {layer} has no band {band}.</source>
        <translation>栅格 {layer} 没有第 {band} 波段。</translation>
    </message>
    <message>
        <source>Unknown raster compression {name}.</source>
        <translation>未知的栅格压缩方式 {name}。</translation>
    </message>
    <message>
        <source>Unsupported output data type {dtype}.</source>
        <translation>不支持的输出数据类型 {dtype}。</translation>
    </message>
    <message>
        <source>Could not create the raster {path}: {error}</source>
        <translation>无法创建栅格 {path}：{error}</translation>
    </message>
    <message>
        <source>Could not write the raster {path}: {error}</source>
        <translation>无法写入栅格 {path}：{error}</translation>
    </message>
    <message>
        <source>GDAL cannot open the raster {layer} ({source}).</source>
        <translation>GDAL 无法打开栅格 {layer}（{source}）。</translation>
    </message>
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
        <source>Layer {layer} has no feature with a usable geometry ({n} features read, {null} with NULL or empty geometry, {bad} with no part of the expected type).</source>
        <translation>图层 {layer} 没有几何可用的要素（读取 {n} 个要素，{null} 个几何为空或 NULL，{bad} 个没有所需类型的部分）。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} of its {total} features lie near the other layer's features and are read.</source>
        <translation>图层 {layer}：其 {total} 个要素中有 {n} 个位于另一图层要素附近，仅读取这些要素。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} features read, {kept} used.</source>
        <translation>图层 {layer}：读取 {n} 个要素，使用 {kept} 个。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} curved geometries (arcs, curve polygons, multi-surfaces) were converted to straight segments.</source>
        <translation>图层 {layer}：{n} 个曲线几何（圆弧、曲线多边形、多曲面）已转换为直线段。</translation>
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
        <source>Raster output compression</source>
        <translation>栅格输出压缩方式</translation>
    </message>
    <message>
        <source>DEFLATE (read by every GIS)</source>
        <translation>DEFLATE（所有 GIS 均可读取）</translation>
    </message>
    <message>
        <source>ZSTD (3-4 times faster to write, same size; GDAL 2.3+, QGIS 3)</source>
        <translation>ZSTD（写入快 3–4 倍，文件大小相同；需 GDAL 2.3+、QGIS 3）</translation>
    </message>
    <message>
        <source>LZW</source>
        <translation>LZW</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不压缩</translation>
    </message>
    <message>
        <source>Compression of the output GeoTIFFs (tiled 256 x 256 either way). DEFLATE can be read by any GIS, ArcGIS included; ZSTD writes Float32 rasters several times faster at the same size and is read by QGIS and any GDAL since 2.3.</source>
        <translation>输出 GeoTIFF 的压缩方式（均为 256 x 256 分块）。DEFLATE 可被任何 GIS（包括 ArcGIS）读取；ZSTD 写入 Float32 栅格快数倍，文件大小相同，可被 QGIS 及 GDAL 2.3 以后的版本读取。</translation>
    </message>
    <message>
        <source>Raster outputs: tiled GeoTIFF, {compression} compression.</source>
        <translation>栅格输出：分块 GeoTIFF，{compression} 压缩。</translation>
    </message>
    <message>
        <source>This algorithm needs the Python package(s) {packages}, which must come with QGIS's Python (Debian/Ubuntu: sudo apt install python3-numpy python3-scipy; OSGeo4W and the macOS app ship them).</source>
        <translation>此算法需要 Python 包 {packages}，它们必须随 QGIS 的 Python 一起提供（Debian/Ubuntu：sudo apt install python3-numpy python3-scipy；OSGeo4W 和 macOS 应用已自带）。</translation>
    </message>
    <message>
        <source>This algorithm needs the Python package(s) {packages}, which are not installed for QGIS's Python. Install them with Plugins &gt; MineMonitor &gt; Install Python dependencies, or on the command line (QGIS's numpy and scipy are kept):
{command}</source>
        <translation>此算法需要 Python 包 {packages}，但 QGIS 的 Python 中尚未安装。请通过“插件 &gt; MineMonitor &gt; 安装 Python 依赖”安装，或在命令行运行（保留 QGIS 自带的 numpy 和 scipy）：
{command}</translation>
    </message>
    <message>
        <source>The output {output} must be a GeoTIFF (.tif) file; got {path}.</source>
        <translation>输出 {output} 必须是 GeoTIFF（.tif）文件；实际为 {path}。</translation>
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
        <source>Output {output} is incomplete: {written} features were written but {path} holds {found}. Is the disk full, or the file size limited? Nothing was kept.</source>
        <translation>输出 {output} 不完整：写入了 {written} 个要素，但 {path} 中只有 {found} 个。磁盘是否已满或文件大小受限？未保留任何输出。</translation>
    </message>
    <message>
        <source>{algorithm} could not write or read a file: {error}</source>
        <translation>{algorithm} 无法写入或读取文件：{error}</translation>
    </message>
    <message>
        <source>Unexpected error in {algorithm}: {error}. Please report it with the log.</source>
        <translation>{algorithm} 发生意外错误：{error}。请附上日志报告此问题。</translation>
    </message>
    <message>
        <source>Could not store the style in {output}: {error}</source>
        <translation>无法将样式保存到 {output}：{error}</translation>
    </message>
    <message>
        <source>Could not remove the partial outputs {paths}; delete them by hand.</source>
        <translation>无法删除未完成的输出 {paths}；请手动删除。</translation>
    </message>
</context>
<context>
    <name>MineMonitorCore</name>
    <message>
        <source>Unknown interval method {method} (use wilson or normal)</source>
        <translation>未知的区间方法 {method}（请使用 wilson 或 normal）</translation>
    </message>
    <message>
        <source>The confidence level must be between 0 and 1, got {value}</source>
        <translation>置信水平必须在 0 和 1 之间，当前为 {value}</translation>
    </message>
    <message>
        <source>Got {n_observed} observed and {n_mapped} mapped classes</source>
        <translation>观测类别有 {n_observed} 个，制图类别有 {n_mapped} 个</translation>
    </message>
    <message>
        <source>The class for unmatched records must not be empty</source>
        <translation>未匹配记录的类别不能为空</translation>
    </message>
    <message>
        <source>No verification record has both an observed and a mapped class</source>
        <translation>没有同时具有观测类别和制图类别的核查记录</translation>
    </message>
    <message>
        <source>Got {n_classes} mapped classes for {n_footprints} footprints</source>
        <translation>{n_footprints} 个图斑却有 {n_classes} 个制图类别</translation>
    </message>
    <message>
        <source>Verification record {index} is a {kind}; use points or polygons</source>
        <translation>核查记录 {index} 是 {kind}；请使用点或面</translation>
    </message>
    <message>
        <source>The tolerance must be a non-negative number of metres, got {value}</source>
        <translation>容差必须是非负的米数，当前为 {value}</translation>
    </message>
    <message>
        <source>Mine identifiers must be given for both epochs or for neither</source>
        <translation>矿山编号必须两期都提供或都不提供</translation>
    </message>
    <message>
        <source>Got {n_ids} mine identifiers for {n_geoms} {epoch} footprints</source>
        <translation>{n_geoms} 个{epoch}图斑却有 {n_ids} 个矿山编号</translation>
    </message>
    <message>
        <source>Got {n_keys} zone keys for {n_zones} zones</source>
        <translation>{n_zones} 个分区却有 {n_keys} 个分区键</translation>
    </message>
    <message>
        <source>{count} {epoch} geometries are not polygons (first: position {index}, {kind})</source>
        <translation>{count} 个{epoch}几何不是面（第一个：位置 {index}，{kind}）</translation>
    </message>
    <message>
        <source>Series must be a (years, series) array; got {ndim} dimensions</source>
        <translation>序列必须为（年份, 序列）数组；实际为 {ndim} 维</translation>
    </message>
    <message>
        <source>The series have {rows} years but {years} years were given</source>
        <translation>序列有 {rows} 个年份，但给出了 {years} 个年份</translation>
    </message>
    <message>
        <source>{values} values but {zones} zone indices were given</source>
        <translation>给出了 {values} 个值，但有 {zones} 个分区索引</translation>
    </message>
    <message>
        <source>Zone index {index} is out of range</source>
        <translation>分区索引 {index} 超出范围</translation>
    </message>
    <message>
        <source>Unknown random scheme {value}; use numpy or esda</source>
        <translation>未知的随机方案 {value}；请使用 numpy 或 esda</translation>
    </message>
    <message>
        <source>The {value} random scheme runs on this computer only.</source>
        <translation>随机方案 {value} 只能在本机运行。</translation>
    </message>
    <message>
        <source>The cube needs at least one epoch; found {count}.</source>
        <translation>立方体至少需要一个期次；实际为 {count} 个。</translation>
    </message>
    <message>
        <source>The neighbourhood time step must be a whole number &gt;= 0; got {value}.</source>
        <translation>邻域时间步长必须是 &gt;= 0 的整数；实际为 {value}。</translation>
    </message>
    <message>
        <source>Hot and cold bins must be two arrays of the same shape (epochs, locations); got {shape}.</source>
        <translation>热点和冷点单元必须是形状相同（期次, 位置）的两个数组；实际为 {shape}。</translation>
    </message>
    <message>
        <source>A bin cannot be both a hot and a cold spot ({count} are).</source>
        <translation>一个单元不能同时是热点和冷点（有 {count} 个如此）。</translation>
    </message>
    <message>
        <source>The cube has shape {shape}; expected {n} locations by epochs.</source>
        <translation>立方体形状为 {shape}；应为 {n} 个位置 x 期次。</translation>
    </message>
    <message>
        <source>Emerging hot spots need at least three epochs (a trend); found {count}.</source>
        <translation>新兴热点至少需要三个期次（才能计算趋势）；实际为 {count} 个。</translation>
    </message>
    <message>
        <source>The value of location {index} in epoch {epoch} is missing or not finite.</source>
        <translation>位置 {index} 在期次 {epoch} 中的值缺失或不是有限数。</translation>
    </message>
    <message>
        <source>The confidence must be 0.90, 0.95 or 0.99; got {value}.</source>
        <translation>置信度必须为 0.90、0.95 或 0.99；实际为 {value}。</translation>
    </message>
    <message>
        <source>The significance level must be between 0 and 1 (found {value})</source>
        <translation>显著性水平必须在 0 和 1 之间（实际为 {value}）</translation>
    </message>
    <message>
        <source>Cannot read the epoch value {value}: use years (2022), half years (2022H1), quarters (2022Q3), months (2022-03) or dates (2022-03-31).</source>
        <translation>无法读取期次值 {value}：请使用年份（2022）、半年（2022H1）、季度（2022Q3）、月份（2022-03）或日期（2022-03-31）。</translation>
    </message>
    <message>
        <source>The name {name} contains several epochs ({labels}); give the epoch labels explicitly.</source>
        <translation>名称 {name} 中包含多个期次（{labels}）；请明确给出期次标签。</translation>
    </message>
    <message>
        <source>No epoch (such as 2022, 2022Q3, 2022-03 or 2022-03-31) found in the name {name}; give the epoch labels explicitly.</source>
        <translation>在名称 {name} 中没有找到期次（例如 2022、2022Q3、2022-03 或 2022-03-31）；请明确给出期次标签。</translation>
    </message>
    <message>
        <source>Cannot order the epoch values {values}: use years (2022), half years (2022H1), quarters (2022Q3), months (2022-03) or dates (2022-03-31).</source>
        <translation>无法对期次值 {values} 排序：请使用年份（2022）、半年（2022H1）、季度（2022Q3）、月份（2022-03）或日期（2022-03-31）。</translation>
    </message>
    <message>
        <source>The epochs {first} and {second} overlap in time; give each epoch once and use periods that do not overlap (all years, all quarters or all dates, for example).</source>
        <translation>期次 {first} 和 {second} 在时间上重叠；每个期次只给一次，并使用互不重叠的时段（例如全部为年份、全部为季度或全部为日期）。</translation>
    </message>
    <message>
        <source>At least two epochs are needed; found {count} ({labels}).</source>
        <translation>至少需要两个期次；实际为 {count} 个（{labels}）。</translation>
    </message>
    <message>
        <source>There are {n_values} epoch values for {n} footprints.</source>
        <translation>有 {n_values} 个期次值，却有 {n} 个占地。</translation>
    </message>
    <message>
        <source>Epoch codes must be whole numbers from 0 to {last}.</source>
        <translation>期次代码必须是 0 到 {last} 之间的整数。</translation>
    </message>
    <message>
        <source>Footprint {index} is a {geometry_type}, not a polygon.</source>
        <translation>图斑 {index} 是 {geometry_type}，不是面。</translation>
    </message>
    <message>
        <source>None of the {count} footprints has a positive area.</source>
        <translation>{count} 个图斑的面积均不为正。</translation>
    </message>
    <message>
        <source>Zone {index} is not a polygon.</source>
        <translation>区域 {index} 不是多边形。</translation>
    </message>
    <message>
        <source>A trend over epochs needs at least three epochs; found {count}.</source>
        <translation>多期次趋势至少需要三个期次；实际为 {count} 个。</translation>
    </message>
    <message>
        <source>The values have shape {shape}; expected one column per epoch ({count}).</source>
        <translation>数值形状为 {shape}；应为每个期次一列（{count} 列）。</translation>
    </message>
    <message>
        <source>The computation was cancelled.</source>
        <translation>计算已取消。</translation>
    </message>
    <message>
        <source>The dominance share must lie between 0.5 and 1; got {value}.</source>
        <translation>主导占比必须介于 0.5 和 1 之间；给定值为 {value}。</translation>
    </message>
    <message>
        <source>The trend period must be a positive number of years; got {value}.</source>
        <translation>趋势时段必须为正的年数；给定值为 {value}。</translation>
    </message>
    <message>
        <source>Polygon {index} has the perimeter {value}; perimeters must be finite and non-negative.</source>
        <translation>图斑 {index} 的周长为 {value}；周长必须是有限的非负数。</translation>
    </message>
    <message>
        <source>Polygon {index} has the area {value}; areas must be finite and non-negative.</source>
        <translation>图斑 {index} 的面积为 {value}；面积必须是有限的非负数。</translation>
    </message>
    <message>
        <source>Got {n_area} areas but {n_perimeter} perimeters; give one of each per polygon.</source>
        <translation>有 {n_area} 个面积但有 {n_perimeter} 个周长；每个图斑应各有一个。</translation>
    </message>
    <message>
        <source>The footprint layer has no polygons to summarise (count {count}).</source>
        <translation>图斑图层中没有可统计的面（数量 {count}）。</translation>
    </message>
    <message>
        <source>The degrees-of-freedom correction must be 0 or more, got {ddof}.</source>
        <translation>自由度修正必须大于等于 0，实际为 {ddof}。</translation>
    </message>
    <message>
        <source>Got {n_values} grouping value columns for {n_fields} grouping fields.</source>
        <translation>{n_fields} 个分组字段却有 {n_values} 列分组值。</translation>
    </message>
    <message>
        <source>Grouping field {field} has {n_values} values for {n} polygons.</source>
        <translation>分组字段 {field} 有 {n_values} 个值，而图斑有 {n} 个。</translation>
    </message>
    <message>
        <source>The mine id field has {n_values} values for {n} polygons.</source>
        <translation>矿山编号字段有 {n_values} 个值，而图斑有 {n} 个。</translation>
    </message>
    <message>
        <source>Size-class breaks must be positive and strictly increasing, got {breaks}.</source>
        <translation>面积分级阈值必须为正且严格递增，实际为 {breaks}。</translation>
    </message>
    <message>
        <source>Got {n_codes} group codes for {n} polygons.</source>
        <translation>{n} 个多边形有 {n_codes} 个分组编码。</translation>
    </message>
    <message>
        <source>At least {minimum} polygons with positive area are needed for a log-normal fit, got {count}.</source>
        <translation>对数正态拟合至少需要 {minimum} 个面积为正的图斑，实际只有 {count} 个。</translation>
    </message>
    <message>
        <source>Unknown normality test {method}; use auto, shapiro or dagostino.</source>
        <translation>未知的正态性检验 {method}；请使用 auto、shapiro 或 dagostino。</translation>
    </message>
    <message>
        <source>At least {minimum} polygons with positive area are needed for the {test} test, got {count}.</source>
        <translation>{test} 检验至少需要 {minimum} 个面积为正的图斑，实际只有 {count} 个。</translation>
    </message>
    <message>
        <source>Unknown ranking column {column}.</source>
        <translation>未知的排名列 {column}。</translation>
    </message>
    <message>
        <source>The number of top groups must be at least 1, got {n}.</source>
        <translation>排名分组数至少为 1，实际为 {n}。</translation>
    </message>
    <message>
        <source>Cannot rank within {levels} grouping levels with {n_fields} grouping fields.</source>
        <translation>只有 {n_fields} 个分组字段，无法在 {levels} 级分组内排名。</translation>
    </message>
    <message>
        <source>Polygon {index} has coordinates outside longitude -180..180 / latitude -90..90; areas on the ellipsoid need coordinates in degrees (WGS 84).</source>
        <translation>多边形 {index} 的坐标超出经度 -180..180 / 纬度 -90..90；椭球面面积需要以度为单位的坐标（WGS 84）。</translation>
    </message>
    <message>
        <source>Polygon {index} crosses the antimeridian (an edge spans more than 180° of longitude); split it at ±180° first.</source>
        <translation>多边形 {index} 跨越反子午线（一条边跨越超过 180° 经度）；请先在 ±180° 处切分。</translation>
    </message>
    <message>
        <source>The geodesic between ({lon1}, {lat1}) and ({lon2}, {lat2}) did not converge (nearly antipodal points).</source>
        <translation>({lon1}, {lat1}) 与 ({lon2}, {lat2}) 之间的测地线计算未收敛（两点近乎对跖）。</translation>
    </message>
    <message>
        <source>GEOS could not clip a polygon to the rectangle {bounds}: {reason}</source>
        <translation>GEOS 无法将多边形裁剪到矩形 {bounds}：{reason}</translation>
    </message>
    <message>
        <source>Got {n_keys} keys for {n} footprints.</source>
        <translation>为 {n} 个图斑提供了 {n_keys} 个键。</translation>
    </message>
    <message>
        <source>Unknown edge rule {rule}: use lower or upper.</source>
        <translation>未知的边界规则 {rule}：请使用 lower 或 upper。</translation>
    </message>
    <message>
        <source>Row {row} of the grading table needs a lower bound, an upper bound and a grade.</source>
        <translation>分级表第 {row} 行需要下界、上界和等级。</translation>
    </message>
    <message>
        <source>Row {row} of the grading table: the lower bound {lower} is not below the upper bound {upper}.</source>
        <translation>分级表第 {row} 行：下界 {lower} 不小于上界 {upper}。</translation>
    </message>
    <message>
        <source>The grading table has no rows.</source>
        <translation>分级表没有任何行。</translation>
    </message>
    <message>
        <source>Rows {row_a} and {row_b} of the grading table overlap: {a_lower}..{a_upper} and {b_lower}..{b_upper}.</source>
        <translation>分级表第 {row_a} 行与第 {row_b} 行重叠：{a_lower}..{a_upper} 与 {b_lower}..{b_upper}。</translation>
    </message>
    <message>
        <source>Rows {row_a} and {row_b} of the grading table leave a gap between {a_upper} and {b_lower}.</source>
        <translation>分级表第 {row_a} 行与第 {row_b} 行之间在 {a_upper} 与 {b_lower} 之间留有空隙。</translation>
    </message>
    <message>
        <source>Unknown direction {direction}: use ascending or descending.</source>
        <translation>未知的方向 {direction}：请使用 ascending 或 descending。</translation>
    </message>
    <message>
        <source>Row {row} of the category table needs a code and a grade.</source>
        <translation>类别表第 {row} 行需要代码和等级。</translation>
    </message>
    <message>
        <source>Row {row} of the category table has no valid code ({value}).</source>
        <translation>类别表第 {row} 行没有有效代码（{value}）。</translation>
    </message>
    <message>
        <source>Rows {row_a} and {row_b} of the category table both map the code {code}.</source>
        <translation>类别表第 {row_a} 行与第 {row_b} 行都映射了代码 {code}。</translation>
    </message>
    <message>
        <source>The category table has no rows.</source>
        <translation>类别表没有任何行。</translation>
    </message>
    <message>
        <source>The table has {count} cells, not a multiple of its {columns} columns.</source>
        <translation>该表有 {count} 个单元格，不是其 {columns} 列的整数倍。</translation>
    </message>
    <message>
        <source>Grades must lie between -32767 and 32767; found {low}..{high}.</source>
        <translation>等级必须介于 -32767 与 32767 之间；实际为 {low}..{high}。</translation>
    </message>
    <message>
        <source>Row {row} of the table: {value} is not a number.</source>
        <translation>表第 {row} 行：{value} 不是数字。</translation>
    </message>
    <message>
        <source>Row {row} of the table: the grade {value} is not an integer.</source>
        <translation>表第 {row} 行：等级 {value} 不是整数。</translation>
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
        <source>The grid would have {count} cells, more than the limit of {limit}; use a cell size of at least {suggested} or a smaller study area.</source>
        <translation>格网将有 {count} 个单元，超过上限 {limit}；请使用不小于 {suggested} 的格网大小或更小的研究区。</translation>
    </message>
    <message>
        <source>No footprint lies inside the study area ({count} footprints checked).</source>
        <translation>没有图斑位于研究区内（共检查 {count} 个图斑）。</translation>
    </message>
    <message>
        <source>Unknown dataset {dataset}.</source>
        <translation>未知的数据集 {dataset}。</translation>
    </message>
    <message>
        <source>There are no mining polygons to import (count {count}).</source>
        <translation>没有要导入的矿区多边形（数量 {count}）。</translation>
    </message>
    <message>
        <source>None of the {count} mining polygons has a positive area.</source>
        <translation>{count} 个矿区多边形中没有一个面积为正。</translation>
    </message>
    <message>
        <source>At least 2 classes are needed; got {k}.</source>
        <translation>至少需要 2 个级别；实际为 {k}。</translation>
    </message>
    <message>
        <source>Natural breaks need finite values; the sample holds NaN or infinite values.</source>
        <translation>自然断点需要有限值；样本中含有 NaN 或无穷大值。</translation>
    </message>
    <message>
        <source>The score has only {count} distinct values in the sample, too few for {k} classes; give the breaks by hand.</source>
        <translation>得分在样本中只有 {count} 个不同的值，不足以分为 {k} 级；请手动给出断点。</translation>
    </message>
    <message>
        <source>Natural breaks accept at most {limit} distinct values; the sample has {count}.</source>
        <translation>自然断点最多接受 {limit} 个不同的值；样本中有 {count} 个。</translation>
    </message>
    <message>
        <source>Cannot read the occupation code table {path}: {reason}</source>
        <translation>无法读取占地类型编码表 {path}：{reason}</translation>
    </message>
    <message>
        <source>The occupation code table {path} is not a UTF-8 CSV file: {reason}</source>
        <translation>占地类型编码表 {path} 不是 UTF-8 编码的 CSV 文件：{reason}</translation>
    </message>
    <message>
        <source>The occupation code table {path} lacks the column(s) {columns}</source>
        <translation>占地类型编码表 {path} 缺少列 {columns}</translation>
    </message>
    <message>
        <source>The occupation code table {path} has an empty {column} on line {line}</source>
        <translation>占地类型编码表 {path} 第 {line} 行的 {column} 为空</translation>
    </message>
    <message>
        <source>The occupation code table {path} lists code {code} twice (lines {first} and {second})</source>
        <translation>占地类型编码表 {path} 中编码 {code} 出现了两次（第 {first} 行和第 {second} 行）</translation>
    </message>
    <message>
        <source>The occupation code table {path} gives legend {legend} two Chinese names ({first}, {second})</source>
        <translation>占地类型编码表 {path} 中图例 {legend} 有两个中文名称（{first}，{second}）</translation>
    </message>
    <message>
        <source>The occupation code table {path} has no codes</source>
        <translation>占地类型编码表 {path} 中没有编码</translation>
    </message>
    <message>
        <source>Got {n_areas} areas for {n_codes} occupation codes</source>
        <translation>{n_codes} 个占地类型编码却有 {n_areas} 个面积值</translation>
    </message>
    <message>
        <source>Distance bands must be positive and strictly increasing metres, got {bands}.</source>
        <translation>距离带必须是正的、严格递增的米数，实际为 {bands}。</translation>
    </message>
    <message>
        <source>The search distance must be a finite number of metres, got {value}.</source>
        <translation>搜索距离必须是有限的米数，实际为 {value}。</translation>
    </message>
    <message>
        <source>There are no footprints to measure (count {count}).</source>
        <translation>没有要量算的图斑（数量 {count}）。</translation>
    </message>
    <message>
        <source>The feature layer has no usable geometry to measure distances to.</source>
        <translation>要素图层没有可用于量算距离的几何。</translation>
    </message>
    <message>
        <source>The weight {value} is not a number.</source>
        <translation>权重 {value} 不是数字。</translation>
    </message>
    <message>
        <source>{given} weights were given for {count} factor rasters.</source>
        <translation>为 {count} 个因子栅格给出了 {given} 个权重。</translation>
    </message>
    <message>
        <source>At least one factor raster is needed.</source>
        <translation>至少需要一个因子栅格。</translation>
    </message>
    <message>
        <source>Unknown overlay method {method}.</source>
        <translation>未知的叠加方法 {method}。</translation>
    </message>
    <message>
        <source>Unknown NoData rule {rule}.</source>
        <translation>未知的 NoData 规则 {rule}。</translation>
    </message>
    <message>
        <source>The plain sum takes no weights; choose the percent or weighted method to use the weights {weights}.</source>
        <translation>简单求和不使用权重；若要使用权重 {weights}，请选择百分比或加权方法。</translation>
    </message>
    <message>
        <source>Give percentage weights for the {count} factors: 100 cannot be split equally into whole percentages.</source>
        <translation>请为这 {count} 个因子给出百分比权重：100 无法平均分成整数百分比。</translation>
    </message>
    <message>
        <source>Percentage weights must be whole numbers &gt;= 0; found {value}.</source>
        <translation>百分比权重必须是 &gt;= 0 的整数；实际为 {value}。</translation>
    </message>
    <message>
        <source>Percentage weights must add up to 100; they add up to {total}.</source>
        <translation>百分比权重之和必须为 100；实际之和为 {total}。</translation>
    </message>
    <message>
        <source>Every weight is 0: the score would be 0 everywhere. Give at least one factor a non-zero weight.</source>
        <translation>所有权重均为 0：得分将处处为 0。请至少为一个因子指定非零权重。</translation>
    </message>
    <message>
        <source>The weights add up to 0, so they cannot be renormalised.</source>
        <translation>权重之和为 0，无法重新归一化。</translation>
    </message>
    <message>
        <source>The factor {factor} has a different block shape.</source>
        <translation>因子 {factor} 的数据块形状不同。</translation>
    </message>
    <message>
        <source>The factor {factor} has the non-integer value {value}; the percent overlay needs graded (integer) rasters.</source>
        <translation>因子 {factor} 含有非整数值 {value}；百分比叠加需要分级后的（整数）栅格。</translation>
    </message>
    <message>
        <source>The sample size must be at least 1; got {size}.</source>
        <translation>样本量必须至少为 1；实际为 {size}。</translation>
    </message>
    <message>
        <source>The break {value} is not a number.</source>
        <translation>断点 {value} 不是数字。</translation>
    </message>
    <message>
        <source>No class breaks were given.</source>
        <translation>未给出分级断点。</translation>
    </message>
    <message>
        <source>Class breaks must increase; {first} is followed by {second}.</source>
        <translation>分级断点必须递增；{first} 之后是 {second}。</translation>
    </message>
    <message>
        <source>Class breaks must be finite numbers.</source>
        <translation>分级断点必须是有限数。</translation>
    </message>
    <message>
        <source>Got {value} areas for {n} features</source>
        <translation>{n} 个要素得到了 {value} 个面积</translation>
    </message>
    <message>
        <source>The cell size {value} is not a number of degrees, arc-minutes (') or arc-seconds ("), for example 0.5, 5' or 30".</source>
        <translation>格网大小 {value} 不是以度、角分（'）或角秒（"）表示的数，例如 0.5、5' 或 30"。</translation>
    </message>
    <message>
        <source>The cell size must be greater than 0; got {value}.</source>
        <translation>格网大小必须大于 0；当前为 {value}。</translation>
    </message>
    <message>
        <source>The cell size {value} does not divide 180°; choose a size such as 1°, 0.5°, 0.25°, 5', 1', 30" or 15" so the grid aligns on the poles and the antimeridian.</source>
        <translation>格网大小 {value} 不能整除 180°；请选择 1°、0.5°、0.25°、5'、1'、30" 或 15" 等大小，使格网对齐于两极和反子午线。</translation>
    </message>
    <message>
        <source>The cell size {value} does not divide 180°.</source>
        <translation>格网大小 {value} 不能整除 180°。</translation>
    </message>
    <message>
        <source>The grid would have {count} cells, more than the limit of {limit}; use a coarser cell size, a smaller study area, or leave out the empty cells (sparse grid).</source>
        <translation>格网将有 {count} 个格网，超过上限 {limit}；请使用更大的格网、更小的研究区，或不保留空格网（稀疏格网）。</translation>
    </message>
    <message>
        <source>The weights describe {n} features but {value} values were given</source>
        <translation>权重描述了 {n} 个要素，但给出了 {value} 个值</translation>
    </message>
    <message>
        <source>Value of feature {value} is missing or not finite</source>
        <translation>要素 {value} 的值缺失或不是有限数</translation>
    </message>
    <message>
        <source>The statistic needs at least {minimum} features (found {value})</source>
        <translation>该统计量至少需要 {minimum} 个要素（实际 {value} 个）</translation>
    </message>
    <message>
        <source>All values are equal ({value}); spatial autocorrelation is undefined</source>
        <translation>所有值都相等（{value}）；空间自相关无定义</translation>
    </message>
    <message>
        <source>The number of permutations must be a whole number &gt;= 0 (found {value})</source>
        <translation>置换次数必须是 &gt;= 0 的整数（实际为 {value}）</translation>
    </message>
    <message>
        <source>The seed must be a whole number between 0 and 4294967295 (found {value})</source>
        <translation>种子必须是 0 到 4294967295 之间的整数（实际为 {value}）</translation>
    </message>
    <message>
        <source>No feature has a neighbour ({value} features)</source>
        <translation>没有任何要素有邻居（共 {value} 个要素）</translation>
    </message>
    <message>
        <source>General G needs non-negative values; the minimum is {value}</source>
        <translation>General G 要求非负值；最小值为 {value}</translation>
    </message>
    <message>
        <source>General G needs at least two features with positive values (found {value})</source>
        <translation>General G 至少需要两个正值要素（实际 {value} 个）</translation>
    </message>
    <message>
        <source>Unknown weights standardisation {value}; use O, B or R</source>
        <translation>未知的权重标准化方式 {value}；请使用 O、B 或 R</translation>
    </message>
    <message>
        <source>Class polygon {index} is a {geometry_type}, not a polygon.</source>
        <translation>类别多边形 {index} 是 {geometry_type}，不是面。</translation>
    </message>
    <message>
        <source>Zone polygon {index} is a {geometry_type}, not a polygon.</source>
        <translation>分区多边形 {index} 是 {geometry_type}，不是面。</translation>
    </message>
    <message>
        <source>Give zones either as a footprint attribute or as a zone layer, not both ({count} sources).</source>
        <translation>分区只能由图斑属性或分区图层之一给出，不能同时给出（给出了 {count} 种）。</translation>
    </message>
    <message>
        <source>The minimum overlap area must be zero or more, got {value}.</source>
        <translation>最小重叠面积必须大于等于 0，实际为 {value}。</translation>
    </message>
    <message>
        <source>Got {n_values} zone values for {n} footprints.</source>
        <translation>{n} 个图斑却有 {n_values} 个分区值。</translation>
    </message>
    <message>
        <source>The footprint layer has no polygons to tabulate (count {count}).</source>
        <translation>图斑图层中没有可交叉统计的面（数量 {count}）。</translation>
    </message>
    <message>
        <source>Got {n_values} class values for {n} class polygons.</source>
        <translation>{n} 个类别多边形却有 {n_values} 个类别值。</translation>
    </message>
    <message>
        <source>Got {n_values} zone values for {n} zone polygons.</source>
        <translation>{n} 个分区多边形却有 {n_values} 个分区值。</translation>
    </message>
    <message>
        <source>No year (e.g. 2016) found in the layer name {name}</source>
        <translation>图层名称 {name} 中未找到年份（如 2016）</translation>
    </message>
    <message>
        <source>The layer name {name} contains several years ({years}); give the years explicitly</source>
        <translation>图层名称 {name} 含有多个年份（{years}）；请明确给出年份</translation>
    </message>
    <message>
        <source>Cannot read {part} as a year or a year range like 2001-2020</source>
        <translation>无法将 {part} 读作年份或年份范围（如 2001-2020）</translation>
    </message>
    <message>
        <source>The year range {part} ends before it starts</source>
        <translation>年份范围 {part} 的结束早于开始</translation>
    </message>
    <message>
        <source>A trend needs at least two years; got {count}</source>
        <translation>趋势至少需要两个年份；实际为 {count}</translation>
    </message>
    <message>
        <source>Year {year} occurs more than once in the stack</source>
        <translation>年份 {year} 在序列中出现多次</translation>
    </message>
    <message>
        <source>The stack must have a year axis; got a single value {value}</source>
        <translation>序列必须有年份轴；实际为单个值 {value}</translation>
    </message>
    <message>
        <source>The stack has {layers} layers but {years} years were given</source>
        <translation>序列有 {layers} 层，但给出了 {years} 个年份</translation>
    </message>
    <message>
        <source>Years must be whole numbers; got {years}</source>
        <translation>年份必须为整数；实际为 {years}</translation>
    </message>
    <message>
        <source>Unknown trend statistic {name}</source>
        <translation>未知的趋势统计量 {name}</translation>
    </message>
    <message>
        <source>The significance level must be between 0 and 1; got {alpha}</source>
        <translation>显著性水平必须介于 0 和 1 之间；实际为 {alpha}</translation>
    </message>
    <message>
        <source>The minimum number of valid years must be between 3 and the number of layers ({layers}); got {value}</source>
        <translation>最少有效年数必须介于 3 和层数（{layers}）之间；实际为 {value}</translation>
    </message>
    <message>
        <source>The statistic {name} was not computed</source>
        <translation>未计算统计量 {name}</translation>
    </message>
    <message>
        <source>Unknown contiguity {value}; use queen or rook</source>
        <translation>未知的邻接方式 {value}；请使用 queen 或 rook</translation>
    </message>
    <message>
        <source>Row and col arrays differ in length ({value})</source>
        <translation>row 与 col 数组长度不同（{value}）</translation>
    </message>
    <message>
        <source>Two cells share row/col {value}; row/col must identify each cell</source>
        <translation>两个格网的 row/col 相同（{value}）；row/col 必须唯一标识每个格网</translation>
    </message>
    <message>
        <source>The {value} values must be integers</source>
        <translation>{value} 的值必须是整数</translation>
    </message>
    <message>
        <source>The {value} values must be integers (found {bad})</source>
        <translation>{value} 的值必须是整数（发现 {bad}）</translation>
    </message>
    <message>
        <source>The snapping tolerance must be &gt;= 0 (found {value})</source>
        <translation>吸附容差必须 &gt;= 0（实际为 {value}）</translation>
    </message>
    <message>
        <source>The polygons share vertices so widely that contiguity would give {pairs:.3g} neighbour pairs ({value} polygons meet at one point); check for stacked duplicates or use K nearest neighbours</source>
        <translation>多边形共享顶点过多，邻接关系将产生 {pairs:.3g} 对邻居（有 {value} 个多边形交于一点）；请检查是否存在重叠的重复要素，或改用 K 最近邻</translation>
    </message>
    <message>
        <source>Coordinates must be an (n, 2) array (got shape {value})</source>
        <translation>坐标必须是 (n, 2) 数组（实际形状 {value}）</translation>
    </message>
    <message>
        <source>Feature {value} has no finite coordinates</source>
        <translation>要素 {value} 没有有限的坐标</translation>
    </message>
    <message>
        <source>Distance weights need at least two features (found {value})</source>
        <translation>距离权重至少需要两个要素（实际 {value} 个）</translation>
    </message>
    <message>
        <source>The distance exponent must be &gt; 0 (found {value})</source>
        <translation>距离指数必须 &gt; 0（实际为 {value}）</translation>
    </message>
    <message>
        <source>Features {value} are at the same location; inverse distance weights need distinct locations</source>
        <translation>要素 {value} 位于同一位置；反距离权重需要不同的位置</translation>
    </message>
    <message>
        <source>The distance threshold must be &gt; 0 (found {value})</source>
        <translation>距离阈值必须 &gt; 0（实际为 {value}）</translation>
    </message>
    <message>
        <source>The distance band of {band:.6g} m gives {pairs} neighbour pairs, {mean:.0f} neighbours per feature on average (limits: {max_pairs} pairs, {max_mean} per feature): too many to be a meaningful or memory-safe neighbourhood. Feature {far} is {far_distance:.6g} m from its nearest neighbour, so any band giving every feature a neighbour is at least that wide. Use K nearest neighbours, or a smaller distance band (features beyond it are left without neighbours).</source>
        <translation>{band:.6g} 米的距离带产生 {pairs} 对邻居，平均每个要素 {mean:.0f} 个邻居（上限：{max_pairs} 对，每个要素 {max_mean} 个）：邻域过大，既无意义也会耗尽内存。要素 {far} 距其最近邻 {far_distance:.6g} 米，因此使每个要素都有邻居的距离带至少这么宽。请使用 K 最近邻，或更小的距离带（超出距离带的要素将没有邻居）。</translation>
    </message>
    <message>
        <source>The number of neighbours must be between 1 and n - 1 = {n} (found {value})</source>
        <translation>邻居数量必须在 1 到 n - 1 = {n} 之间（实际为 {value}）</translation>
    </message>
    <message>
        <source>Weights file {value} must end in .gal or .gwt</source>
        <translation>权重文件 {value} 的扩展名必须是 .gal 或 .gwt</translation>
    </message>
    <message>
        <source>The id field has duplicate value {value}; weights files need unique ids</source>
        <translation>id 字段有重复值 {value}；权重文件需要唯一的 id</translation>
    </message>
    <message>
        <source>Cannot read weights file {value}: {reason}</source>
        <translation>无法读取权重文件 {value}：{reason}</translation>
    </message>
    <message>
        <source>Weights file {value} is empty</source>
        <translation>权重文件 {value} 为空</translation>
    </message>
    <message>
        <source>Weights file {path} refers to id {value}, which is not in the id field</source>
        <translation>权重文件 {path} 引用了 id {value}，该 id 不在 id 字段中</translation>
    </message>
    <message>
        <source>Weights file {path} has an invalid header line: {value}</source>
        <translation>权重文件 {path} 的标题行无效：{value}</translation>
    </message>
    <message>
        <source>Weights file {path} is malformed near id {value}</source>
        <translation>权重文件 {path} 在 id {value} 附近格式错误</translation>
    </message>
    <message>
        <source>Feature id {value} has no entry in the weights file {path}</source>
        <translation>要素 id {value} 在权重文件 {path} 中没有条目</translation>
    </message>
    <message>
        <source>Weights file {path} is malformed: {value} values do not form id/id/weight triples</source>
        <translation>权重文件 {path} 格式错误：{value} 个值不能组成 id/id/权重 三元组</translation>
    </message>
    <message>
        <source>Weights file {path} has a non-numeric weight</source>
        <translation>权重文件 {path} 含有非数值的权重</translation>
    </message>
    <message>
        <source>Weights file {path} has a non-finite weight</source>
        <translation>权重文件 {path} 含有非有限的权重</translation>
    </message>
    <message>
        <source>Weights file {path} gives the pair {a} {b} the weight {value}; spatial weights must be non-negative and of a sensible size</source>
        <translation>权重文件 {path} 为 {a} {b} 这对要素给出的权重为 {value}；空间权重必须非负且大小合理</translation>
    </message>
    <message>
        <source>Weights file {path} declares {value} features but the layer has {n}</source>
        <translation>权重文件 {path} 声明了 {value} 个要素，但图层有 {n} 个</translation>
    </message>
    <message>
        <source>Weights file {path} lists the pair {value} twice</source>
        <translation>权重文件 {path} 两次列出了 {value} 这一对</translation>
    </message>
    <message>
        <source>Rotated rasters are not supported.</source>
        <translation>不支持带旋转的栅格。</translation>
    </message>
    <message>
        <source>The raster is not north-up (pixel size {dx}, {dy}).</source>
        <translation>该栅格不是北向朝上的（像元大小 {dx}, {dy}）。</translation>
    </message>
    <message>
        <source>{given} zone keys for {count} polygons.</source>
        <translation>为 {count} 个面给出了 {given} 个分区键。</translation>
    </message>
    <message>
        <source>Unknown pixel rule {rule}: use centre or fraction.</source>
        <translation>未知的像元规则 {rule}：请使用 centre 或 fraction。</translation>
    </message>
    <message>
        <source>{given} row areas for a raster of {rows} rows.</source>
        <translation>为 {rows} 行的栅格给出了 {given} 个行面积。</translation>
    </message>
    <message>
        <source>The class raster has the non-integer value {value}.</source>
        <translation>等级栅格含有非整数值 {value}。</translation>
    </message>
    <message>
        <source>Running on a dask cluster needs the Python packages {packages}.</source>
        <translation>在 dask 集群上运行需要 Python 包 {packages}。</translation>
    </message>
    <message>
        <source>Cannot reach the dask scheduler at {address}: {error}</source>
        <translation>无法连接位于 {address} 的 dask 调度器：{error}</translation>
    </message>
    <message>
        <source>The dask scheduler at {address} has no worker.</source>
        <translation>位于 {address} 的 dask 调度器没有任何工作进程（worker）。</translation>
    </message>
    <message>
        <source>The dask workers at {address} cannot run MineMonitor ({error}); install minemonitor-core {version} on them.</source>
        <translation>位于 {address} 的 dask 工作进程无法运行 MineMonitor（{error}）；请在其上安装 minemonitor-core {version}。</translation>
    </message>
    <message>
        <source>The dask worker {worker} runs MineMonitor {found}, this plugin is {expected}; install minemonitor-core {expected} on the workers.</source>
        <translation>dask 工作进程 {worker} 运行的是 MineMonitor {found}，而本插件为 {expected}；请在工作进程上安装 minemonitor-core {expected}。</translation>
    </message>
    <message>
        <source>The dask worker {worker} cannot open the input {layer} ({path}); put it on storage every worker sees under the same path (or a URL GDAL reads, /vsicurl/...).</source>
        <translation>dask 工作进程 {worker} 无法打开输入 {layer}（{path}）；请把它放在所有工作进程都能以相同路径访问的存储上（或使用 GDAL 可读的 URL，如 /vsicurl/...）。</translation>
    </message>
    <message>
        <source>The dask worker {worker} cannot write into {path}; choose an output folder every worker sees under the same path.</source>
        <translation>dask 工作进程 {worker} 无法写入 {path}；请选择所有工作进程都能以相同路径访问的输出文件夹。</translation>
    </message>
    <message>
        <source>A task failed on the dask cluster: {error}</source>
        <translation>dask 集群上的一个任务失败：{error}</translation>
    </message>
    <message>
        <source>The score reaches {value}, beyond the Int16 output; use the weighted method.</source>
        <translation>得分达到 {value}，超出 Int16 输出范围；请使用加权方法。</translation>
    </message>
    <message>
        <source>GDAL cannot open the raster {layer} ({source}).</source>
        <translation>GDAL 无法打开栅格 {layer}（{source}）。</translation>
    </message>
    <message>
        <source>Could not read the raster {layer}: {error}</source>
        <translation>无法读取栅格 {layer}：{error}</translation>
    </message>
    <message>
        <source>The raster {layer} has no band {band}.</source>
        <translation>栅格 {layer} 没有第 {band} 波段。</translation>
    </message>
    <message>
        <source>Could not write the raster {path}: {error}</source>
        <translation>无法写入栅格 {path}：{error}</translation>
    </message>
    <message>
        <source>Could not rasterise the polygons: {error}</source>
        <translation>无法栅格化这些面：{error}</translation>
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
    <message>
        <source>Dask scheduler address (e.g. tcp://10.0.0.5:8786; empty: run on this computer)</source>
        <translation>Dask 调度器地址（例如 tcp://10.0.0.5:8786；留空：在本机运行）</translation>
    </message>
</context>
<context>
    <name>MineMonitorStyles</name>
    <message>
        <source>Mining density per fishnet cell</source>
        <translation>渔网单元采矿密度</translation>
    </message>
    <message>
        <source>Hot and cold spots (Getis-Ord Gi*)</source>
        <translation>热点与冷点（Getis-Ord Gi*）</translation>
    </message>
    <message>
        <source>Clusters and outliers (local Moran's I)</source>
        <translation>聚类与异常值（局部莫兰指数）</translation>
    </message>
    <message>
        <source>Significance of local Moran's I</source>
        <translation>局部莫兰指数的显著性</translation>
    </message>
    <message>
        <source>Desertification sensitivity classes</source>
        <translation>荒漠化敏感性分级</translation>
    </message>
    <message>
        <source>Desertification sensitivity score</source>
        <translation>荒漠化敏感性得分</translation>
    </message>
    <message>
        <source>Sensitivity grade of a factor</source>
        <translation>因子敏感性等级</translation>
    </message>
    <message>
        <source>Sensitivity classes by zone</source>
        <translation>各分区的敏感性分级</translation>
    </message>
    <message>
        <source>Vegetation trend (Mann-Kendall)</source>
        <translation>植被趋势（Mann-Kendall）</translation>
    </message>
    <message>
        <source>Vegetation trend: Theil-Sen slope per year</source>
        <translation>植被趋势：每年的 Theil-Sen 斜率</translation>
    </message>
    <message>
        <source>Vegetation trend: Mann-Kendall p-value</source>
        <translation>植被趋势：Mann-Kendall p 值</translation>
    </message>
    <message>
        <source>Vegetation trend: Mann-Kendall z-score</source>
        <translation>植被趋势：Mann-Kendall z 值</translation>
    </message>
    <message>
        <source>Footprint change between epochs</source>
        <translation>两期图斑变化</translation>
    </message>
    <message>
        <source>Land occupation types of the footprints</source>
        <translation>图斑的土地占用类型</translation>
    </message>
    <message>
        <source>Footprint pieces by class and zone</source>
        <translation>按类别和分区的图斑片段</translation>
    </message>
    <message>
        <source>Verification records</source>
        <translation>核查记录</translation>
    </message>
    <message>
        <source>0 (no mining)</source>
        <translation>0（无采矿）</translation>
    </message>
    <message>
        <source>Cold spot - 99% confidence</source>
        <translation>冷点 - 99% 置信度</translation>
    </message>
    <message>
        <source>Cold spot - 95% confidence</source>
        <translation>冷点 - 95% 置信度</translation>
    </message>
    <message>
        <source>Cold spot - 90% confidence</source>
        <translation>冷点 - 90% 置信度</translation>
    </message>
    <message>
        <source>Not significant</source>
        <translation>不显著</translation>
    </message>
    <message>
        <source>Hot spot - 90% confidence</source>
        <translation>热点 - 90% 置信度</translation>
    </message>
    <message>
        <source>Hot spot - 95% confidence</source>
        <translation>热点 - 95% 置信度</translation>
    </message>
    <message>
        <source>Hot spot - 99% confidence</source>
        <translation>热点 - 99% 置信度</translation>
    </message>
    <message>
        <source>High-High (HH)</source>
        <translation>高-高（HH）</translation>
    </message>
    <message>
        <source>Low-High (LH)</source>
        <translation>低-高（LH）</translation>
    </message>
    <message>
        <source>Low-Low (LL)</source>
        <translation>低-低（LL）</translation>
    </message>
    <message>
        <source>High-Low (HL)</source>
        <translation>高-低（HL）</translation>
    </message>
    <message>
        <source>No neighbours (NN)</source>
        <translation>无邻居（NN）</translation>
    </message>
    <message>
        <source>Not significant (p ≥ 0.05)</source>
        <translation>不显著（p ≥ 0.05）</translation>
    </message>
    <message>
        <source>p &lt; 0.05</source>
        <translation>p &lt; 0.05</translation>
    </message>
    <message>
        <source>p &lt; 0.01</source>
        <translation>p &lt; 0.01</translation>
    </message>
    <message>
        <source>p &lt; 0.001</source>
        <translation>p &lt; 0.001</translation>
    </message>
    <message>
        <source>Maus et al. (2022) v2</source>
        <translation>Maus 等（2022）v2</translation>
    </message>
    <message>
        <source>Maus et al. (2020) v1</source>
        <translation>Maus 等（2020）v1</translation>
    </message>
    <message>
        <source>Tang &amp; Werner (2023)</source>
        <translation>Tang 与 Werner（2023）</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Significant decrease</source>
        <translation>显著减少</translation>
    </message>
    <message>
        <source>No significant trend</source>
        <translation>无显著趋势</translation>
    </message>
    <message>
        <source>Significant increase</source>
        <translation>显著增加</translation>
    </message>
    <message>
        <source>-3 (decrease)</source>
        <translation>-3（减少）</translation>
    </message>
    <message>
        <source>3 (increase)</source>
        <translation>3（增加）</translation>
    </message>
    <message>
        <source>≤ 1 km</source>
        <translation>≤ 1 公里</translation>
    </message>
    <message>
        <source>1 - 5 km</source>
        <translation>1 - 5 公里</translation>
    </message>
    <message>
        <source>5 - 10 km</source>
        <translation>5 - 10 公里</translation>
    </message>
    <message>
        <source>10 - 50 km</source>
        <translation>10 - 50 公里</translation>
    </message>
    <message>
        <source>&gt; 50 km</source>
        <translation>&gt; 50 公里</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>Relatively high</source>
        <translation>较高</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>1 low</source>
        <translation>1 低</translation>
    </message>
    <message>
        <source>2 moderate</source>
        <translation>2 中等</translation>
    </message>
    <message>
        <source>3 relatively high</source>
        <translation>3 较高</translation>
    </message>
    <message>
        <source>4 high</source>
        <translation>4 高</translation>
    </message>
</context>
<context>
    <name>NdviTrendAlgorithm</name>
    <message>
        <source>Vegetation trend (Theil-Sen / Mann-Kendall)</source>
        <translation>植被变化趋势（Theil-Sen / Mann-Kendall）</translation>
    </message>
    <message>
        <source>Per-pixel Theil-Sen slope, Mann-Kendall test, OLS slope, R², multi-year mean and significant-trend class of an annual raster stack (e.g. NDVI).</source>
        <translation>逐像元计算逐年栅格序列（如 NDVI）的 Theil-Sen 斜率、Mann-Kendall 检验、最小二乘斜率、R²、多年均值和显著趋势分类。</translation>
    </message>
    <message>
        <source>ndvi,trend,theil-sen,sen slope,mann-kendall,mk test,ols,regression,vegetation,time series,generate trend raster,sensslope</source>
        <translation>ndvi,趋势,theil-sen,sen 斜率,mann-kendall,mk 检验,最小二乘,回归,植被,时间序列,生成趋势栅格,sensslope</translation>
    </message>
    <message>
        <source>Computes for every pixel of an annual stack (one raster per year, or one band per year), block by block and vectorised over pixels:
• Theil-Sen slope: median of the slopes between all pairs of valid years (units per year);
• Mann-Kendall Z and two-sided p-value, Kendall's S and Var(S) with the tie correction, Z with the continuity correction (as pyMannKendall's original test and ArcGIS Generate Trend Raster);
• least-squares (OLS) slope and R²; the multi-year mean;
• a trend class: -1 significant decrease, 0 no significant trend, 1 significant increase (Mann-Kendall p &lt; alpha), styled with a diverging ramp.

Every output is optional. The 'Mann-Kendall bands' output is one 5-band raster in ArcGIS's order: Sen's slope, p-value, S, Var(S), Z. The mean and the Theil-Sen slope are plain GeoTIFFs on the input grid, ready as the 'multi-year NDVI mean' and 'NDVI trend' factors of the desertification sensitivity.

Missing values (NoData) are skipped year by year; pixels with fewer valid years than the minimum are NoData. Years come from the Years parameter or the layer names; duplicates are refused, gaps are reported and the real year spacing is used.</source>
        <translation>对逐年栅格序列（每年一个栅格或每年一个波段）的每个像元，逐块、按像元向量化计算：
• Theil-Sen 斜率：所有有效年份两两之间斜率的中位数（单位/年）；
• Mann-Kendall Z 值和双侧 p 值、含结校正的 Kendall S 及 Var(S)、含连续性校正的 Z（与 pyMannKendall 的 original_test 及 ArcGIS“生成趋势栅格”一致）；
• 最小二乘（OLS）斜率和 R²；多年均值；
• 趋势分类：-1 显著减少，0 无显著趋势，1 显著增加（Mann-Kendall p &lt; alpha），以发散色带着色。

所有输出均为可选。“Mann-Kendall 波段”输出为按 ArcGIS 顺序排列的 5 波段栅格：Sen 斜率、p 值、S、Var(S)、Z。均值和 Theil-Sen 斜率为输入格网上的普通 GeoTIFF，可直接作为荒漠化敏感性的“多年 NDVI 均值”和“NDVI 变化趋势”因子。

缺失值（NoData）逐年跳过；有效年份少于最小值的像元为 NoData。年份取自“年份”参数或图层名称；拒绝重复年份，报告间断并按实际年份间隔计算。</translation>
    </message>
    <message>
        <source>Significance level (alpha)</source>
        <translation>显著性水平（alpha）</translation>
    </message>
    <message>
        <source>Two-sided significance level of the Mann-Kendall test for the trend class.</source>
        <translation>趋势分类所用 Mann-Kendall 检验的双侧显著性水平。</translation>
    </message>
    <message>
        <source>Minimum valid years</source>
        <translation>最少有效年数</translation>
    </message>
    <message>
        <source>Pixels with fewer valid (non-NoData) years are NoData in every output. The normal approximation of the Mann-Kendall test needs about 10 years.</source>
        <translation>有效（非 NoData）年数少于此值的像元在所有输出中为 NoData。Mann-Kendall 检验的正态近似约需 10 年。</translation>
    </message>
    <message>
        <source>Computing threads</source>
        <translation>计算线程数</translation>
    </message>
    <message>
        <source>Threads computing chunks of pixels of a block at the same time (numpy releases Python's lock in its loops). The results do not depend on it.</source>
        <translation>同时计算数据块中各像元分块的线程数（numpy 在循环中释放 Python 全局锁）。结果与线程数无关。</translation>
    </message>
    <message>
        <source>Theil-Sen slope</source>
        <translation>Theil-Sen 斜率</translation>
    </message>
    <message>
        <source>Median pairwise slope per year (Float32).</source>
        <translation>两两斜率的中位数，单位/年（Float32）。</translation>
    </message>
    <message>
        <source>Mann-Kendall Z</source>
        <translation>Mann-Kendall Z 值</translation>
    </message>
    <message>
        <source>Continuity-corrected Z score (Float32).</source>
        <translation>经连续性校正的 Z 值（Float32）。</translation>
    </message>
    <message>
        <source>Mann-Kendall p-value</source>
        <translation>Mann-Kendall p 值</translation>
    </message>
    <message>
        <source>Two-sided p-value (Float32).</source>
        <translation>双侧 p 值（Float32）。</translation>
    </message>
    <message>
        <source>Kendall S</source>
        <translation>Kendall S</translation>
    </message>
    <message>
        <source>Mann-Kendall score S (Float32).</source>
        <translation>Mann-Kendall 统计量 S（Float32）。</translation>
    </message>
    <message>
        <source>Variance of S</source>
        <translation>S 的方差</translation>
    </message>
    <message>
        <source>Tie-corrected Var(S) (Float32).</source>
        <translation>经结校正的 Var(S)（Float32）。</translation>
    </message>
    <message>
        <source>OLS slope</source>
        <translation>最小二乘斜率</translation>
    </message>
    <message>
        <source>Least-squares slope per year (Float32).</source>
        <translation>最小二乘斜率，单位/年（Float32）。</translation>
    </message>
    <message>
        <source>OLS R²</source>
        <translation>最小二乘 R²</translation>
    </message>
    <message>
        <source>Coefficient of determination of the OLS line (Float32).</source>
        <translation>最小二乘回归线的决定系数（Float32）。</translation>
    </message>
    <message>
        <source>Multi-year mean</source>
        <translation>多年均值</translation>
    </message>
    <message>
        <source>Mean over the valid years (Float32).</source>
        <translation>有效年份的均值（Float32）。</translation>
    </message>
    <message>
        <source>Trend class</source>
        <translation>趋势分类</translation>
    </message>
    <message>
        <source>Int16: -1 significant decrease, 0 no significant trend, 1 significant increase; NoData -128.</source>
        <translation>Int16：-1 显著减少，0 无显著趋势，1 显著增加；NoData 为 -128。</translation>
    </message>
    <message>
        <source>Tiled DEFLATE GeoTIFF; leave empty to skip.</source>
        <translation>分块 DEFLATE 压缩的 GeoTIFF；留空则不输出。</translation>
    </message>
    <message>
        <source>Mann-Kendall bands (ArcGIS order)</source>
        <translation>Mann-Kendall 波段（ArcGIS 顺序）</translation>
    </message>
    <message>
        <source>One Float32 raster with 5 bands: 1 Sen's slope, 2 p-value, 3 S, 4 Var(S), 5 Z, the band order of ArcGIS Generate Trend Raster.</source>
        <translation>一个 5 波段 Float32 栅格：1 Sen 斜率，2 p 值，3 S，4 Var(S)，5 Z，即 ArcGIS“生成趋势栅格”的波段顺序。</translation>
    </message>
    <message>
        <source>Number of years</source>
        <translation>年数</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>终止年份</translation>
    </message>
    <message>
        <source>Pixels with a trend</source>
        <translation>有趋势结果的像元数</translation>
    </message>
    <message>
        <source>Pixels with a significant increase</source>
        <translation>显著增加的像元数</translation>
    </message>
    <message>
        <source>Pixels with a significant decrease</source>
        <translation>显著减少的像元数</translation>
    </message>
    <message>
        <source>Years used</source>
        <translation>所用年份</translation>
    </message>
    <message>
        <source>The minimum number of valid years ({min_years}) exceeds the number of years ({n}).</source>
        <translation>最少有效年数（{min_years}）超过了年数（{n}）。</translation>
    </message>
    <message>
        <source>No output was requested.</source>
        <translation>未请求任何输出。</translation>
    </message>
    <message>
        <source>Mann-Kendall test: two-sided, alpha {alpha:g}, tie-corrected variance, continuity-corrected Z; minimum {min_years} valid years per pixel.</source>
        <translation>Mann-Kendall 检验：双侧，alpha {alpha:g}，方差经结校正，Z 经连续性校正；每个像元至少 {min_years} 个有效年份。</translation>
    </message>
    <message>
        <source>Statistics: {names}</source>
        <translation>统计量：{names}</translation>
    </message>
    <message>
        <source>Sen's slope</source>
        <translation>Sen 斜率</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p 值</translation>
    </message>
    <message>
        <source>Mann-Kendall score S</source>
        <translation>Mann-Kendall 统计量 S</translation>
    </message>
    <message>
        <source>S variance</source>
        <translation>S 的方差</translation>
    </message>
    <message>
        <source>Z-score</source>
        <translation>Z 值</translation>
    </message>
    <message>
        <source>{valid} pixels with at least {min_years} valid years.</source>
        <translation>{valid} 个像元至少有 {min_years} 个有效年份。</translation>
    </message>
    <message>
        <source>Significant increase: {inc} pixels; significant decrease: {dec} pixels (alpha {alpha:g}).</source>
        <translation>显著增加：{inc} 个像元；显著减少：{dec} 个像元（alpha {alpha:g}）。</translation>
    </message>
    <message>
        <source>Grid: {grid}; {n} blocks</source>
        <translation>网格：{grid}；{n} 个数据块</translation>
    </message>
    <message>
        <source>{n} windows of up to {rows} rows as tasks on the cluster.</source>
        <translation>{n} 个窗口（每个最多 {rows} 行）作为集群上的任务。</translation>
    </message>
</context>
<context>
    <name>OccupationTypesAlgorithm</name>
    <message>
        <source>Occupation types (Table 1 codes)</source>
        <translation>占地类型（表 1 编码）</translation>
    </message>
    <message>
        <source>Validates the occupation type code of every footprint against the Table 1 code table and adds type names and legend categories in English and Chinese.</source>
        <translation>按表 1 编码表检查每个图斑的占地类型编码，并添加中英文类型名称和图例类别。</translation>
    </message>
    <message>
        <source>occupation,type,code,legend,stope,tailings,waste,validate,classify</source>
        <translation>占地,类型,编码,图例,采场,尾矿,废弃物,检查,分类</translation>
    </message>
    <message>
        <source>Checks the type code field of a footprint layer against the occupation type code table (Table 1 of the reference paper: 10 stope; 2A-2E transit sites; 3B tailings pond; 3C-3G solid waste; 4A-4C mining buildings; 4D-4E mining roads; 5A subsidence crater; GC remediation area) and adds to every feature:
- code_norm: the code after normalisation (spaces removed, upper case, full-width characters converted, 10.0 -&gt; 10);
- type_name, type_name_zh, legend, legend_zh: names from the table;
- legend_code: 1 Stope ... 8 Remediation area (0 = unknown or empty code), used by the style;
- code_flag: 0 valid, 1 valid after normalisation (e.g. '2a'), 2 unknown code, 3 empty code;
- area_km2 (polygons, equal-area).

No feature is dropped: features with an unknown or empty code are kept, flagged and listed (count and feature ids) in the log and the HTML report. The summary table gives the count and area per legend category and per type code.

The code table is a UTF-8 CSV file (code,name_en,name_zh,legend_en,legend_zh). To add local types, copy the bundled file (minemonitor_plugin/data/occupation_types.csv), append rows and choose the copy as the code table; a new legend_en value becomes a new legend category.</source>
        <translation>按占地类型编码表（参考论文表 1：10 采场；2A-2E 中转场地；3B 尾矿库；3C-3G 固体废弃物；4A-4C 矿山建筑；4D-4E 矿山道路；5A 塌陷坑；GC 恢复治理区）检查图斑图层的类型编码字段，并为每个要素添加：
- code_norm：规范化后的编码（去除空格、转为大写、全角字符转为半角、10.0 -&gt; 10）；
- type_name、type_name_zh、legend、legend_zh：编码表中的名称；
- legend_code：1 采场 ... 8 恢复治理区（0 = 未知或空编码），供样式使用；
- code_flag：0 有效，1 规范化后有效（如 '2a'），2 未知编码，3 空编码；
- area_km2（面要素，等积计算）。

不删除任何要素：编码未知或为空的要素被保留、标记，并在日志和 HTML 报告中列出（数量和要素编号）。汇总表给出每个图例类别和每个类型编码的数量和面积。

编码表为 UTF-8 编码的 CSV 文件（code,name_en,name_zh,legend_en,legend_zh）。如需添加本地类型，复制自带文件（minemonitor_plugin/data/occupation_types.csv），追加行后选择该副本作为编码表；新的 legend_en 值即成为新的图例类别。</translation>
    </message>
    <message>
        <source>Footprints</source>
        <translation>图斑</translation>
    </message>
    <message>
        <source>Layer (polygons, points or a table) with an occupation type code field.</source>
        <translation>含占地类型编码字段的图层（面、点或表）。</translation>
    </message>
    <message>
        <source>Type code field</source>
        <translation>类型编码字段</translation>
    </message>
    <message>
        <source>Field holding the Table 1 type code (text such as '2A' or numbers such as 10).</source>
        <translation>存放表 1 类型编码的字段（文本如 '2A' 或数字如 10）。</translation>
    </message>
    <message>
        <source>Code table (CSV)</source>
        <translation>编码表（CSV）</translation>
    </message>
    <message>
        <source>Optional CSV code table with the columns code,name_en,name_zh,legend_en,legend_zh. Default: the bundled Table 1.</source>
        <translation>可选的 CSV 编码表，列为 code,name_en,name_zh,legend_en,legend_zh。默认：自带的表 1。</translation>
    </message>
    <message>
        <source>Classified footprints</source>
        <translation>分类后的图斑</translation>
    </message>
    <message>
        <source>The input features with code_norm, type_name, type_name_zh, legend, legend_zh, legend_code, code_flag and area_km2 added (existing fields of these names are replaced).</source>
        <translation>输入要素，并添加 code_norm、type_name、type_name_zh、legend、legend_zh、legend_code、code_flag 和 area_km2 字段（同名的已有字段将被替换）。</translation>
    </message>
    <message>
        <source>Summary per legend and type</source>
        <translation>按图例和类型汇总</translation>
    </message>
    <message>
        <source>Table with the count, area (km²) and share of the area per legend category and per code.</source>
        <translation>表：每个图例类别和每个编码的数量、面积（km²）及面积占比。</translation>
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
        <source>HTML report: counts, unknown and empty codes with feature ids, summary tables.</source>
        <translation>HTML 报告：各类数量、未知和空编码及其要素编号、汇总表。</translation>
    </message>
    <message>
        <source>Valid codes</source>
        <translation>有效编码数</translation>
    </message>
    <message>
        <source>Codes valid after normalisation</source>
        <translation>规范化后有效的编码数</translation>
    </message>
    <message>
        <source>Unknown codes</source>
        <translation>未知编码数</translation>
    </message>
    <message>
        <source>Empty codes</source>
        <translation>空编码数</translation>
    </message>
    <message>
        <source>Field {field} does not exist in layer {layer}.</source>
        <translation>图层 {layer} 中不存在字段 {field}。</translation>
    </message>
    <message>
        <source>Code table: {path} ({n} codes, {m} legend categories).</source>
        <translation>编码表：{path}（{n} 个编码，{m} 个图例类别）。</translation>
    </message>
    <message>
        <source>Areas in the equal-area CRS {definition}</source>
        <translation>面积在等积坐标系 {definition} 中计算</translation>
    </message>
    <message>
        <source>{n} features: {valid} valid codes, {norm} valid after normalisation, {unknown} unknown, {empty} empty.</source>
        <translation>{n} 个要素：{valid} 个有效编码，{norm} 个规范化后有效，{unknown} 个未知，{empty} 个为空。</translation>
    </message>
    <message>
        <source>{n} features have a code that is not in the code table: {codes}; feature ids {ids}. They are kept with code_flag 2 and legend_code 0.</source>
        <translation>{n} 个要素的编码不在编码表中：{codes}；要素编号 {ids}。这些要素被保留，code_flag 为 2，legend_code 为 0。</translation>
    </message>
    <message>
        <source>{n} features have an empty code (feature ids {ids}). They are kept with code_flag 3 and legend_code 0.</source>
        <translation>{n} 个要素的编码为空（要素编号 {ids}）。这些要素被保留，code_flag 为 3，legend_code 为 0。</translation>
    </message>
    <message>
        <source>Layer {layer}, field {field}; code table {path}.</source>
        <translation>图层 {layer}，字段 {field}；编码表 {path}。</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Valid after normalisation</source>
        <translation>规范化后有效</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Feature ids</source>
        <translation>要素编号</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Codes recognised after normalisation</source>
        <translation>规范化后识别的编码</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>原始写法</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <source>Area (%)</source>
        <translation>面积（%）</translation>
    </message>
    <message>
        <source>Per legend category</source>
        <translation>按图例类别</translation>
    </message>
    <message>
        <source>Per type code</source>
        <translation>按类型编码</translation>
    </message>
    <message>
        <source>Occupation type check</source>
        <translation>占地类型检查</translation>
    </message>
</context>
<context>
    <name>OverlapTabulationAlgorithm</name>
    <message>
        <source>Overlap tabulation</source>
        <translation>叠加交叉统计</translation>
    </message>
    <message>
        <source>Footprint area and polygon count in each class of an overlay layer, per zone, without double counting.</source>
        <translation>按分区统计矿山占地在叠加图层各类别中的面积和图斑数，不重复计算。</translation>
    </message>
    <message>
        <source>tabulate intersection,overlay,land use,nature reserve,ecological zone,cross tabulation,area,footprint</source>
        <translation>交叉制表,叠加,土地利用,自然保护区,生态功能区,交叉统计,面积,占地</translation>
    </message>
    <message>
        <source>Tabulates mining footprints against a class layer (land use, nature reserves, ecological function zones...) per zone, as Tables 3-5 of the reference paper, in one step.

Output table, one row per (zone, class): zone, class, n_polygons (footprints with area in the class and zone), area_km2 (footprint area in the class), pct_of_zone (percent of the zone's footprint area) and pct_of_class_total (percent of the class's footprint area over all zones).

No area is counted twice: overlapping footprints are dissolved first (an area covered by several footprints counts once, for the smallest of them), and overlapping polygons of the same class count once. Different classes are tallied each on its own: where classes overlap each other (ecological zones often do), the rows of a zone add up to more than its footprint area. Footprint area outside every class polygon gets the class '(outside every class)', so the rows reconcile with the footprint total. NULL classes and zones are kept as their own rows.

Zones come either from a field of the footprints (ZONE_FIELD, for example province) or from a zone layer (ZONES and ZONES_FIELD, for example counties), which splits footprints at zone boundaries; footprint area outside every zone polygon gets the zone '(outside every zone)'. With 'Assign to the zone with the largest overlap' a footprint is not split but goes whole to the zone holding most of its area (footprints outside every zone: '(outside every zone)'). Without zones all footprints form one zone.

Areas are planar areas in an equal-area CRS (by default an Albers projection fitted to the footprints), stated in the log and the AREA_CRS_USED output. Invalid geometries are repaired and counted.

Optional outputs: a wide table (zones x classes, with totals, as Tables 3 and 5) and a layer of the intersection pieces (one per footprint, zone and class).</source>
        <translation>一步完成矿山占地图斑与类别图层（土地利用、自然保护区、生态功能区等）按分区的交叉统计，对应参考论文的表 3-5。

输出表每个（分区，类别）一行：zone、class、n_polygons（在该分区和类别中有面积的图斑数）、area_km2（该类别中的占地面积）、pct_of_zone（占该分区占地面积的百分比）和 pct_of_class_total（占该类别在所有分区中占地面积的百分比）。

任何面积都不重复计算：先融合相互重叠的图斑（被多个图斑覆盖的面积只计一次，归属其中最小的图斑），同一类别相互重叠的多边形也只计一次。不同类别各自单独统计：类别之间相互重叠时（生态功能区常常如此），一个分区各行之和会大于其占地面积。落在所有类别多边形之外的占地面积归入类别“（不在任何类别内）”，因此各行与占地总面积相符。类别或分区为 NULL 的单独成行。

分区可以来自图斑的字段（ZONE_FIELD，例如省份），也可以来自分区图层（ZONES 和 ZONES_FIELD，例如县），后者会在分区边界处切分图斑；落在所有分区多边形之外的占地面积归入分区“（不在任何分区内）”。选择“归入重叠面积最大的分区”时图斑不被切分，而是整体归入包含其大部分面积的分区（不在任何分区内的图斑：“（不在任何分区内）”）。不指定分区时所有图斑构成一个分区。

面积为等积坐标系中的平面面积（默认为按图斑拟合的 Albers 投影），写入日志和 AREA_CRS_USED 输出。无效几何会被修复并计数。

可选输出：宽表（分区 × 类别，含合计，对应表 3 和表 5）以及交集碎片图层（每个图斑、分区和类别一块）。</translation>
    </message>
    <message>
        <source>Mining footprints</source>
        <translation>矿区范围</translation>
    </message>
    <message>
        <source>Polygon layer of mining footprints, in any CRS.</source>
        <translation>矿山占地图斑面图层，坐标系不限。</translation>
    </message>
    <message>
        <source>Class layer</source>
        <translation>类别图层</translation>
    </message>
    <message>
        <source>Polygon layer of the classes: land use, nature reserves, ecological function zones...</source>
        <translation>类别面图层：土地利用、自然保护区、生态功能区等。</translation>
    </message>
    <message>
        <source>Class field</source>
        <translation>类别字段</translation>
    </message>
    <message>
        <source>Field of the class layer holding the class (land-use type, reserve name, zone type).</source>
        <translation>类别图层中存放类别的字段（地类、保护区名称、功能区类型）。</translation>
    </message>
    <message>
        <source>Optional field of the footprints giving their zone (for example province). Leave empty when zones come from a zone layer.</source>
        <translation>可选，图斑中给出其分区的字段（例如省份）。分区来自分区图层时留空。</translation>
    </message>
    <message>
        <source>Optional polygon layer of zones (provinces, counties); footprints are split at zone boundaries. Use either this or the zone field of the footprints.</source>
        <translation>可选的分区面图层（省、县）；图斑在分区边界处被切分。与图斑的分区字段二选一。</translation>
    </message>
    <message>
        <source>Footprints crossing zone boundaries</source>
        <translation>跨越分区边界的图斑</translation>
    </message>
    <message>
        <source>Split footprints at zone boundaries</source>
        <translation>在分区边界处切分图斑</translation>
    </message>
    <message>
        <source>Assign to the zone with the largest overlap</source>
        <translation>归入重叠面积最大的分区</translation>
    </message>
    <message>
        <source>With a zone layer: split each footprint at the zone boundaries (areas exact per zone), or give each footprint whole to the zone holding most of its area (every footprint counted in one zone).</source>
        <translation>使用分区图层时：在分区边界处切分每个图斑（各分区面积精确），或将每个图斑整体归入包含其大部分面积的分区（每个图斑只计入一个分区）。</translation>
    </message>
    <message>
        <source>Equal-area CRS</source>
        <translation>等积坐标系</translation>
    </message>
    <message>
        <source>Projected equal-area CRS in metres in which areas are measured. Default: an Albers equal-area CRS fitted to the footprints.</source>
        <translation>用于量算面积的以米为单位的投影等积坐标系。默认：按图斑拟合的 Albers 等积坐标系。</translation>
    </message>
    <message>
        <source>Minimum overlap counted (m²)</source>
        <translation>计数的最小重叠面积（m²）</translation>
    </message>
    <message>
        <source>A footprint counts in n_polygons of a row when more than this area of it lies in the row's zone and class (0: any positive area). Areas are always summed in full.</source>
        <translation>图斑落在某行分区和类别中的面积大于此值时才计入该行的 n_polygons（0：任何正面积）。面积总是全部累加。</translation>
    </message>
    <message>
        <source>Overlap table</source>
        <translation>交叉统计表</translation>
    </message>
    <message>
        <source>Table with one row per (zone, class).</source>
        <translation>每个（分区，类别）一行的表。</translation>
    </message>
    <message>
        <source>Overlap pivot table</source>
        <translation>交叉统计宽表</translation>
    </message>
    <message>
        <source>Optional wide table: one row per zone plus a total row; for each class a polygon count column (&lt;class&gt;_n) and an area column (&lt;class&gt;_km2), then the zone totals.</source>
        <translation>可选宽表：每个分区一行，另加合计行；每个类别一列图斑数（&lt;类别&gt;_n）和一列面积（&lt;类别&gt;_km2），最后是分区合计。</translation>
    </message>
    <message>
        <source>Intersection pieces</source>
        <translation>交集碎片</translation>
    </message>
    <message>
        <source>Optional polygon layer of the pieces: each footprint cut by zone and class, with the footprint's feature id, zone, class, class_id (0 = outside every class) and area_km2.</source>
        <translation>可选的碎片面图层：每个图斑按分区和类别切分，带有图斑的要素编号、zone、class、class_id（0 = 不在任何类别内）和 area_km2。</translation>
    </message>
    <message>
        <source>Number of footprints</source>
        <translation>图斑数</translation>
    </message>
    <message>
        <source>Footprint area, overlaps once (km²)</source>
        <translation>占地面积，重叠只计一次（km²）</translation>
    </message>
    <message>
        <source>Footprint area outside every class (km²)</source>
        <translation>不在任何类别内的占地面积（km²）</translation>
    </message>
    <message>
        <source>CRS of the areas</source>
        <translation>面积所用坐标系</translation>
    </message>
    <message>
        <source>Zones by largest overlap: {n} footprints cross a zone boundary and were given whole to the zone holding most of their area; {outside} lie outside every zone.</source>
        <translation>按最大重叠划分分区：{n} 个图斑跨越分区边界，已整体归入包含其大部分面积的分区；{outside} 个不在任何分区内。</translation>
    </message>
    <message>
        <source>Choose the class field of layer {layer}.</source>
        <translation>请选择图层 {layer} 的类别字段。</translation>
    </message>
    <message>
        <source>Layer {layer} has no features.</source>
        <translation>图层 {layer} 没有要素。</translation>
    </message>
    <message>
        <source>Areas are planar areas in the equal-area CRS {crs}.</source>
        <translation>面积为等积坐标系 {crs} 中的平面面积。</translation>
    </message>
    <message>
        <source>A footprint is counted in a row when more than {area} m² of it lies there.</source>
        <translation>图斑落在某行中的面积大于 {area} m² 时计入该行。</translation>
    </message>
    <message>
        <source>Layer {layer} has no footprint with a usable polygon geometry.</source>
        <translation>图层 {layer} 中没有具有可用面几何的图斑。</translation>
    </message>
    <message>
        <source>(outside every class)</source>
        <translation>（不在任何类别内）</translation>
    </message>
    <message>
        <source>(outside every zone)</source>
        <translation>（不在任何分区内）</translation>
    </message>
    <message>
        <source>(all footprints)</source>
        <translation>（全部图斑）</translation>
    </message>
    <message>
        <source>{n} footprints overlap others; {area:.6f} km² of double-counted area was dissolved.</source>
        <translation>{n} 个图斑与其他图斑重叠；已融合 {area:.6f} km² 的重复面积。</translation>
    </message>
    <message>
        <source>{n} invalid class polygons were repaired.</source>
        <translation>已修复 {n} 个无效的类别多边形。</translation>
    </message>
    <message>
        <source>{n} invalid zone polygons were repaired.</source>
        <translation>已修复 {n} 个无效的分区多边形。</translation>
    </message>
    <message>
        <source>{n} footprints, {area:.6f} km² (overlaps counted once); {outside:.6f} km² outside every class.</source>
        <translation>{n} 个图斑，{area:.6f} km²（重叠只计一次）；{outside:.6f} km² 不在任何类别内。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>ProximityBandsAlgorithm</name>
    <message>
        <source>Proximity bands</source>
        <translation>邻近距离带</translation>
    </message>
    <message>
        <source>Share of footprint area and count within distance bands (e.g. 1/5/10 km) of features of other layers, per zone, and each footprint's distance to its nearest feature.</source>
        <translation>各分区图斑面积和图斑数落在其他图层要素一定距离带（如 1/5/10 km）内的比例，以及每个图斑到最近要素的距离。</translation>
    </message>
    <message>
        <source>proximity,distance,buffer,near,river,lake,water,road,railway,reserve,band,mine</source>
        <translation>邻近,距离,缓冲区,附近,河流,湖泊,水体,道路,铁路,保护区,距离带,矿山</translation>
    </message>
    <message>
        <source>Answers questions such as "which share of the tailings lies within 5 km of fresh water" or "how much mining area is within 10 km of a reported mine property": for every distance band (for example 1000, 5000, 10000 m) and every zone, the number and share of footprints with some part within that distance of a feature (rivers, lakes, roads, railways, reserve boundaries, mine points of one or more layers), and the footprint area within that distance (footprint ∩ buffer of the features) with its share of the zone's footprint area. Bands are cumulative (within 5 km includes within 1 km).

Output table: zone, band_m, n_footprints, pct_footprints, area_km2, pct_area, zone_n, zone_km2; the last zone, '(all footprints)', holds every footprint. Optional layer of the footprints with nearest_m (distance to the nearest feature, NULL beyond the search distance), nearest_layer, nearest_fid and band_m (the smallest band containing it).

Distances are in metres, never in degrees: by default footprints are grouped in 1° tiles and each tile is measured in its own azimuthal equidistant projection on the WGS 84 ellipsoid centred on it (relative error below 1e-4), so national or global inputs are measured as accurately as local ones; areas are then on the ellipsoid. With a distance CRS (projected, metres) everything is measured in that CRS instead (areas planar in it).

Zones: a field of the footprints (for example province), or a zone layer with each footprint assigned to the zone holding most of its area. Distances, counts and 'has a part within the band' use each counted footprint whole; area sums use each footprint's own land (below), so they add up to the area of the footprints' union. Footprints that are not counted have no row in the footprint layer and are in no count. Buffers use 32 segments per quarter circle. Invalid geometries are repaired and NULL ones skipped (counted in the log).</source>
        <translation>回答诸如“多大比例的尾矿位于淡水 5 km 以内”或“有多少采矿面积位于已报告矿山 10 km 以内”之类的问题：对每个距离带（例如 1000、5000、10000 米）和每个分区，统计有部分位于要素（一个或多个图层的河流、湖泊、道路、铁路、保护区边界、矿山点）该距离内的图斑数及其占比，以及该距离内的图斑面积（图斑 ∩ 要素缓冲区）及其占该分区图斑面积的比例。距离带是累积的（5 km 以内包含 1 km 以内）。

输出表：zone、band_m、n_footprints、pct_footprints、area_km2、pct_area、zone_n、zone_km2；最后一个分区“（全部图斑）”包含所有图斑。可选的图斑图层带有 nearest_m（到最近要素的距离，超出搜索距离时为 NULL）、nearest_layer、nearest_fid 和 band_m（包含该图斑的最小距离带）。

距离以米为单位，绝不使用度：默认将图斑按 1° 分块，每块在以其为中心的 WGS 84 椭球面方位等距投影中量算（相对误差小于 1e-4），因此全国或全球范围的输入与局部输入同样精确；面积随后在椭球面上计算。指定距离坐标系（投影坐标系，单位为米）时，一切都在该坐标系中量算（面积为其中的平面面积）。

分区：图斑的字段（例如省份），或分区图层（每个图斑归入包含其大部分面积的分区）。距离、计数以及“有部分位于距离带内”使用每个参与计数的完整图斑；面积求和使用每个图斑自身的土地（见下文），因此其和等于图斑并集的面积。不参与计数的图斑在图斑图层中没有记录，也不计入任何计数。缓冲区每四分之一圆使用 32 段。无效几何会被修复、空几何被跳过（数量写入日志）。</translation>
    </message>
    <message>
        <source>Mining footprints</source>
        <translation>矿区范围</translation>
    </message>
    <message>
        <source>Polygon layer of mining footprints, in any CRS.</source>
        <translation>矿山占地图斑面图层，坐标系不限。</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>One or more layers of points, lines or polygons to measure distances to (rivers and lakes, roads, railways, nature reserves, reported mine properties...).</source>
        <translation>一个或多个点、线或面图层，用于量算到它们的距离（河流和湖泊、道路、铁路、自然保护区、已报告的矿山等）。</translation>
    </message>
    <message>
        <source>Distance bands (metres)</source>
        <translation>距离带（米）</translation>
    </message>
    <message>
        <source>Increasing distances in metres, separated by commas: footprint area and count within each distance of a feature.</source>
        <translation>以逗号分隔的递增距离（米）：统计每个距离内的图斑面积和图斑数。</translation>
    </message>
    <message>
        <source>Search distance for the nearest feature (m)</source>
        <translation>最近要素的搜索距离（米）</translation>
    </message>
    <message>
        <source>Largest distance searched for each footprint's nearest feature; beyond it nearest_m is NULL. 0: the largest band. Larger values cost time only where features are sparse.</source>
        <translation>为每个图斑搜索最近要素的最大距离；超出时 nearest_m 为 NULL。0：使用最大的距离带。较大的值只在要素稀疏处增加耗时。</translation>
    </message>
    <message>
        <source>Optional field of the footprints giving their zone (for example province).</source>
        <translation>可选的图斑分区字段（例如省份）。</translation>
    </message>
    <message>
        <source>Optional polygon layer of zones; each footprint goes to the zone holding most of its area. Use either this or the zone field.</source>
        <translation>可选的分区多边形图层；每个图斑归入包含其大部分面积的分区。与分区字段二选一。</translation>
    </message>
    <message>
        <source>Distance CRS</source>
        <translation>距离坐标系</translation>
    </message>
    <message>
        <source>Optional projected CRS in metres in which to measure everything. Default: a local azimuthal equidistant projection on the WGS 84 ellipsoid for every 1° tile of footprints.</source>
        <translation>可选的投影坐标系（单位为米），所有量算都在其中进行。默认：每个 1° 图斑分块使用一个 WGS 84 椭球面上的局部方位等距投影。</translation>
    </message>
    <message>
        <source>Proximity table</source>
        <translation>邻近距离表</translation>
    </message>
    <message>
        <source>Table with one row per zone and band (the last zone holds all footprints).</source>
        <translation>每个分区和距离带一行的表（最后一个分区包含全部图斑）。</translation>
    </message>
    <message>
        <source>Footprints with distances</source>
        <translation>带距离的图斑</translation>
    </message>
    <message>
        <source>Optional copy of the footprints with footprint_fid, zone, area_km2, nearest_m, nearest_layer, nearest_fid and band_m.</source>
        <translation>可选的图斑副本，带有 footprint_fid、zone、area_km2、nearest_m、nearest_layer、nearest_fid 和 band_m。</translation>
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
        <source>HTML report: shares of footprint area and count within each band, per zone, with a chart.</source>
        <translation>HTML 报告：各分区在每个距离带内的图斑面积和图斑数占比，附图表。</translation>
    </message>
    <message>
        <source>Number of footprints</source>
        <translation>图斑数</translation>
    </message>
    <message>
        <source>Number of features</source>
        <translation>要素数量</translation>
    </message>
    <message>
        <source>Footprint area (km²)</source>
        <translation>图斑面积（km²）</translation>
    </message>
    <message>
        <source>Share of footprint area within the first band (%)</source>
        <translation>第一个距离带内的图斑面积占比（%）</translation>
    </message>
    <message>
        <source>How distances were measured</source>
        <translation>距离的量算方式</translation>
    </message>
    <message>
        <source>Choose at least one feature layer to measure distances to.</source>
        <translation>请至少选择一个要素图层以量算距离。</translation>
    </message>
    <message>
        <source>The distance bands {bands} are not a list of numbers of metres separated by commas.</source>
        <translation>距离带 {bands} 不是以逗号分隔的米数列表。</translation>
    </message>
    <message>
        <source>Layer {layer} has no features.</source>
        <translation>图层 {layer} 没有要素。</translation>
    </message>
    <message>
        <source>local azimuthal equidistant projections on the WGS 84 ellipsoid, one per 1° tile</source>
        <translation>WGS 84 椭球面上的局部方位等距投影，每个 1° 分块一个</translation>
    </message>
    <message>
        <source>The CRS {crs} is not a projected CRS in metres; choose one, or leave the distance CRS empty to measure on the ellipsoid.</source>
        <translation>坐标系 {crs} 不是以米为单位的投影坐标系；请选择投影坐标系，或将距离坐标系留空以在椭球面上量算。</translation>
    </message>
    <message>
        <source>planar distances in {crs}</source>
        <translation>{crs} 中的平面距离</translation>
    </message>
    <message>
        <source>Distances measured with {method}; bands {bands} m; buffers with 32 segments per quarter circle.</source>
        <translation>距离量算方式：{method}；距离带 {bands} 米；缓冲区每四分之一圆 32 段。</translation>
    </message>
    <message>
        <source>Layer {layer} has no footprint with a usable polygon geometry.</source>
        <translation>图层 {layer} 中没有具有可用面几何的图斑。</translation>
    </message>
    <message>
        <source>The feature layers {layers} have no usable geometry near the footprints.</source>
        <translation>要素图层 {layers} 在图斑附近没有可用的几何。</translation>
    </message>
    <message>
        <source>{n} tiles, each in its own projection.</source>
        <translation>{n} 个分块，每块使用各自的投影。</translation>
    </message>
    <message>
        <source>(outside every zone)</source>
        <translation>（不在任何分区内）</translation>
    </message>
    <message>
        <source>(all footprints)</source>
        <translation>（全部图斑）</translation>
    </message>
    <message>
        <source>Zones from layer {layer} by largest overlap: {n} footprints outside every zone.</source>
        <translation>分区来自图层 {layer}（最大重叠）：{n} 个图斑不在任何分区内。</translation>
    </message>
    <message>
        <source>Within {d:g} m of a feature: {n} of {total} footprints ({pct_n:.2f} %), {area:.4f} km² of {total_km2:.4f} km² ({pct_a:.2f} %).</source>
        <translation>距要素 {d:g} 米以内：{total} 个图斑中的 {n} 个（{pct_n:.2f} %），{total_km2:.4f} km² 中的 {area:.4f} km²（{pct_a:.2f} %）。</translation>
    </message>
    <message>
        <source>{n} footprints have no feature within {d:g} m (nearest_m NULL).</source>
        <translation>{n} 个图斑在 {d:g} 米以内没有要素（nearest_m 为 NULL）。</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>报告已写入 {path}。</translation>
    </message>
    <message>
        <source>Footprints of {layer} near the features of {features}; distances measured with {method}. Bands are cumulative.</source>
        <translation>图层 {layer} 的图斑靠近 {features} 的要素；距离量算方式：{method}。距离带是累积的。</translation>
    </message>
    <message>
        <source>Footprints within distance bands of {features}</source>
        <translation>距 {features} 一定距离带内的图斑</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Footprints</source>
        <translation>图斑</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <source>area %</source>
        <translation>面积 %</translation>
    </message>
    <message>
        <source>count %</source>
        <translation>图斑数 %</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Share of footprints</source>
        <translation>图斑数占比</translation>
    </message>
    <message>
        <source>Share of footprint area</source>
        <translation>图斑面积占比</translation>
    </message>
</context>
<context>
    <name>ReportAlgorithm</name>
    <message>
        <source>Analysis report</source>
        <translation>分析报告</translation>
    </message>
    <message>
        <source>One report of a run, as HTML and as a print-layout PDF: map pages with legend, scale bar, north arrow and CRS, tables and the algorithms' reports, with a contents page.</source>
        <translation>一次运行的报告：HTML 与打印布局 PDF，包括带图例、比例尺、指北针和坐标参考系的地图页、表格以及各算法的报告，并附目录页。</translation>
    </message>
    <message>
        <source>Writes one self-contained HTML file and, optionally, a PDF made from QGIS print layouts, that document a MineMonitor run for filing.

Maps: every layer of 'Map layers' gets a map page (from the shipped A4/A3 templates or your own .qpt): its title (the output's name, or the layer's name in your project), the layer drawn with its style (the style MineMonitor stores in its outputs) over the outlines of the 'Context layers' (e.g. the provinces of the study area), a legend, a scale bar, a north arrow, the name of the coordinate reference system, a data-source line, the date and the page number. A local Moran layer also gets its significance map (p &lt; 0.05 / 0.01 / 0.001). The HTML shows the same pages as images.

Tables: the rows of every layer of 'Tables' (at most 'Maximum table rows'), with readable column names and one number format per column; tables wider than the page are split into column groups that repeat the first column, and long tables continue on the next pages with their header, so no column or row is cut.

Reports: the HTML reports written by other MineMonitor algorithms and models are read and laid out again (headings, tables, charts, maps), so a model's report can be part of a workflow report; a map or table that is also given directly is shown once.

The PDF starts with a contents page; every section starts on a new page. Data sources are listed by file name (never the internal description of temporary layers), followed by the 'Attribution' text. The report is written in the language of the run (English or Chinese, zh_CN and zh-Hans alike); Chinese text needs a CJK font such as Noto Sans CJK SC or WenQuanYi Micro Hei (the log says which font is used and warns when none is installed).</source>
        <translation>写出一个独立的 HTML 文件，并可另外写出一份由 QGIS 打印布局生成的 PDF，用于存档报送一次 MineMonitor 运行的结果。

地图：“地图图层”中的每个图层占一页地图（使用随插件提供的 A4/A3 模板或您自己的 .qpt）：标题（输出的名称，或您工程中图层的名称）、按图层样式绘制的图层（MineMonitor 保存在输出中的样式）、其上叠加“背景图层”的边界轮廓（例如研究区的省界）、图例、比例尺、指北针、坐标参考系名称、数据来源行、日期和页码。局部莫兰图层还会另外生成显著性地图（p &lt; 0.05 / 0.01 / 0.001）。HTML 以图片形式显示相同的页面。

表格：“表格”中每个图层的记录（最多“最大表格行数”行），列名可读、每列使用统一的数字格式；比页面宽的表格拆分为若干列组，每组重复第一列；长表格在后续页面续排并重复表头，因此不会截断任何列或行。

报告：读取其他 MineMonitor 算法和模型写出的 HTML 报告并重新排版（标题、表格、图表、地图），因此模型的报告可以作为工作流报告的一部分；同时直接给出的地图或表格只显示一次。

PDF 以目录页开始，每一节从新页开始。数据来源按文件名列出（绝不显示临时图层的内部描述），其后是“署名”文本。报告使用运行时的语言（英文或中文，zh_CN 与 zh-Hans 相同）；中文需要 CJK 字体，例如 Noto Sans CJK SC 或文泉驿微米黑（日志会说明所用字体，未安装时会发出警告）。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Title printed at the top of the report and on every PDF page.</source>
        <translation>打印在报告顶部和每页 PDF 上的标题。</translation>
    </message>
    <message>
        <source>Map layers</source>
        <translation>地图图层</translation>
    </message>
    <message>
        <source>Layers (vector or raster) drawn as one map page each, with their styles.</source>
        <translation>矢量或栅格图层，每个图层按其样式绘制为一页地图。</translation>
    </message>
    <message>
        <source>Context layers (boundaries)</source>
        <translation>背景图层（边界）</translation>
    </message>
    <message>
        <source>Boundary layers drawn as outlines over every map, e.g. the provinces of the study area.</source>
        <translation>在每幅地图上以轮廓线绘制的边界图层，例如研究区的各省。</translation>
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
        <source>HTML reports written by MineMonitor algorithms or models; their content is laid out again in this report.</source>
        <translation>由 MineMonitor 算法或模型写出的 HTML 报告；其内容会在本报告中重新排版。</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Text printed after the data sources: licences and credits of the input data.</source>
        <translation>打印在数据来源之后的文本：输入数据的许可和致谢。</translation>
    </message>
    <message>
        <source>Maximum table rows</source>
        <translation>表格最大行数</translation>
    </message>
    <message>
        <source>At most this many rows of each table are printed (the report says how many there are).</source>
        <translation>每个表格最多打印这么多行（报告会说明共有多少行）。</translation>
    </message>
    <message>
        <source>PDF page format</source>
        <translation>PDF 页面格式</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <source>A3 portrait</source>
        <translation>A3 纵向</translation>
    </message>
    <message>
        <source>Paper size and orientation of the PDF pages (map pages use the matching shipped template).</source>
        <translation>PDF 页面的纸张大小和方向（地图页使用对应的随附模板）。</translation>
    </message>
    <message>
        <source>Map page template (.qpt)</source>
        <translation>地图页模板（.qpt）</translation>
    </message>
    <message>
        <source>Optional print layout template for the map pages, e.g. a copy of resources/templates/map_A4_landscape.qpt edited in the layout designer (a logo, other fonts). It needs a map item with the id 'map'; items with the ids title, legend, scalebar, north, crs, source, caption, header and footer are filled in when present.</source>
        <translation>可选的地图页打印布局模板，例如在布局设计器中修改过的 resources/templates/map_A4_landscape.qpt 副本（加入标志、更换字体）。模板需要一个标识为 'map' 的地图项；若存在标识为 title、legend、scalebar、north、crs、source、caption、header 和 footer 的项，会自动填写。</translation>
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
        <source>PDF report</source>
        <translation>PDF 报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Optional PDF of the same report made from QGIS print layouts (contents page, map pages, tables over as many pages as needed).</source>
        <translation>可选：同一报告由 QGIS 打印布局生成的 PDF（目录页、地图页、按需跨页的表格）。</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <source>Pages of the PDF</source>
        <translation>PDF 页数</translation>
    </message>
    <message>
        <source>Give at least one map layer, table or HTML report.</source>
        <translation>请至少提供一个地图图层、表格或 HTML 报告。</translation>
    </message>
    <message>
        <source>The HTML report {path} does not exist.</source>
        <translation>HTML 报告 {path} 不存在。</translation>
    </message>
    <message>
        <source>The template {path} does not exist.</source>
        <translation>模板 {path} 不存在。</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Coordinate reference system: {crs}</source>
        <translation>坐标参考系：{crs}</translation>
    </message>
    <message>
        <source>Data: {source}</source>
        <translation>数据：{source}</translation>
    </message>
    <message>
        <source>columns {first}-{last} of {total}</source>
        <translation>第 {first}-{last} 列，共 {total} 列</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>边界</translation>
    </message>
    <message>
        <source>MineMonitor {version} · QGIS {qgis} · {date}</source>
        <translation>MineMonitor {version} · QGIS {qgis} · {date}</translation>
    </message>
    <message>
        <source>The map page template cannot be used: {error}</source>
        <translation>无法使用该地图页模板：{error}</translation>
    </message>
    <message>
        <source>Report font: {family}.</source>
        <translation>报告字体：{family}。</translation>
    </message>
    <message>
        <source>No font with Chinese characters is installed (looked for Noto Sans CJK SC, Source Han Sans, WenQuanYi, Microsoft YaHei...): Chinese text may show as empty boxes in the PDF. On Debian or Ubuntu install fonts-noto-cjk.</source>
        <translation>未安装含中文字符的字体（查找了 Noto Sans CJK SC、思源黑体、文泉驿、微软雅黑等）：PDF 中的中文可能显示为空方框。在 Debian 或 Ubuntu 上请安装 fonts-noto-cjk。</translation>
    </message>
    <message>
        <source>Generated by MineMonitor {version} with QGIS {qgis} on {date}.</source>
        <translation>由 MineMonitor {version}（QGIS {qgis}）于 {date} 生成。</translation>
    </message>
    <message>
        <source>Language: {language}; page format: {paper} {orientation}.</source>
        <translation>语言：{language}；页面格式：{paper} {orientation}。</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Writing the PDF ({pages} pages)...</source>
        <translation>正在写出 PDF（{pages} 页）……</translation>
    </message>
    <message>
        <source>Map layer {layer} has no feature or pixel to draw; it is left out of the report.</source>
        <translation>地图图层 {layer} 没有可绘制的要素或像元，报告中不包含该图层。</translation>
    </message>
    <message>
        <source>{layer} is already a map of an embedded report: shown once.</source>
        <translation>{layer} 已是嵌入报告中的地图：只显示一次。</translation>
    </message>
    <message>
        <source>{layer} is already a table of an embedded report: shown once.</source>
        <translation>{layer} 已是嵌入报告中的表格：只显示一次。</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>temporary layer</source>
        <translation>临时图层</translation>
    </message>
    <message>
        <source>{provider} layer</source>
        <translation>{provider} 图层</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <source>Area (%)</source>
        <translation>面积（%）</translation>
    </message>
    <message>
        <source>Polygons</source>
        <translation>图斑数</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>% of zone</source>
        <translation>占分区（%）</translation>
    </message>
    <message>
        <source>% of class total</source>
        <translation>占类别总量（%）</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Features (%)</source>
        <translation>要素（%）</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>像元</translation>
    </message>
    <message>
        <source>Pixels (%)</source>
        <translation>像元（%）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>因子</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Minimum value</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Maximum value</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Score from</source>
        <translation>得分起</translation>
    </message>
    <message>
        <source>Score to</source>
        <translation>得分止</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Zone type</source>
        <translation>分区类型</translation>
    </message>
    <message>
        <source>Net change (km²)</source>
        <translation>净变化（km²）</translation>
    </message>
    <message>
        <source>{shown} of {total} rows shown.</source>
        <translation>显示 {total} 行中的 {shown} 行。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{path} is gone: the map is shown as the embedded image.</source>
        <translation>{path} 已不存在：地图以嵌入的图片显示。</translation>
    </message>
</context>
<context>
    <name>SensitivityAlgorithm</name>
    <message>
        <source>Reference raster (grid)</source>
        <translation>参考栅格（网格）</translation>
    </message>
    <message>
        <source>Raster whose CRS, pixel size and extent the outputs use; other rasters are resampled onto it. Default: the first input raster.</source>
        <translation>输出采用其坐标系、像元大小和范围的栅格；其他栅格重采样到该网格上。默认：第一个输入栅格。</translation>
    </message>
    <message>
        <source>Resampling method</source>
        <translation>重采样方法</translation>
    </message>
    <message>
        <source>Nearest neighbour</source>
        <translation>最邻近</translation>
    </message>
    <message>
        <source>Bilinear</source>
        <translation>双线性</translation>
    </message>
    <message>
        <source>Cubic</source>
        <translation>三次卷积</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>众数</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Resample rasters not on the reference grid</source>
        <translation>对不在参考网格上的栅格重采样</translation>
    </message>
    <message>
        <source>If unchecked, a raster whose CRS, pixel size or extent differs from the reference is refused with a message saying how it differs.</source>
        <translation>若不勾选，坐标系、像元大小或范围与参考栅格不同的栅格将被拒绝，并在消息中说明差异所在。</translation>
    </message>
    <message>
        <source>Decoding threads</source>
        <translation>解码线程数</translation>
    </message>
    <message>
        <source>Threads decoding the input rasters while the previous block is computed (GDAL releases Python's lock while decoding). 1 reads in the main thread only.</source>
        <translation>在计算上一数据块的同时解码输入栅格的线程数（GDAL 解码时会释放 Python 的全局锁）。1 表示仅在主线程中读取。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Plain sum</source>
        <translation>简单求和</translation>
    </message>
    <message>
        <source>Percent influence (ArcGIS Weighted Overlay)</source>
        <translation>百分比影响（ArcGIS 加权叠加）</translation>
    </message>
    <message>
        <source>Weighted sum (float)</source>
        <translation>加权求和（浮点）</translation>
    </message>
    <message>
        <source>NoData</source>
        <translation>NoData</translation>
    </message>
    <message>
        <source>NoData in any factor gives NoData</source>
        <translation>任一因子为 NoData 则结果为 NoData</translation>
    </message>
    <message>
        <source>Skip NoData factors and renormalise the weights</source>
        <translation>跳过 NoData 因子并重新归一化权重</translation>
    </message>
    <message>
        <source>Edge rule</source>
        <translation>边界规则</translation>
    </message>
    <message>
        <source>lower &lt;= value &lt; upper (lower bound inclusive)</source>
        <translation>下界 &lt;= 值 &lt; 上界（含下界）</translation>
    </message>
    <message>
        <source>lower &lt; value &lt;= upper (upper bound inclusive)</source>
        <translation>下界 &lt; 值 &lt;= 上界（含上界）</translation>
    </message>
    <message>
        <source>Which row a value exactly on a break belongs to. The first reads Table 6 as printed.</source>
        <translation>恰好落在断点上的值属于哪一行。第一种与表 6 原文的读法一致。</translation>
    </message>
    <message>
        <source>Values outside every row</source>
        <translation>超出所有行的值</translation>
    </message>
    <message>
        <source>The grade below</source>
        <translation>下面指定的等级</translation>
    </message>
    <message>
        <source>Grade for values outside every row</source>
        <translation>超出所有行的值的等级</translation>
    </message>
    <message>
        <source>Grade given to values outside every row when 'The grade below' is chosen.</source>
        <translation>选择“下面指定的等级”时，赋给超出所有行的值的等级。</translation>
    </message>
    <message>
        <source>Values outside every row become: {what}</source>
        <translation>超出所有行的值变为：{what}</translation>
    </message>
    <message>
        <source>Class breaks</source>
        <translation>分级断点</translation>
    </message>
    <message>
        <source>Minimum score</source>
        <translation>最小得分</translation>
    </message>
    <message>
        <source>Maximum score</source>
        <translation>最大得分</translation>
    </message>
    <message>
        <source>Valid score pixels</source>
        <translation>有效得分像元数</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Natural breaks (Fisher-Jenks on a sample)</source>
        <translation>自然断点（基于样本的 Fisher-Jenks）</translation>
    </message>
    <message>
        <source>User breaks</source>
        <translation>用户断点</translation>
    </message>
    <message>
        <source>Natural breaks: exact Fisher-Jenks (the optimal classes, as PySAL mapclassify's FisherJenks) on a deterministic random sample of the score pixels (sample size and seed below). User breaks: the breaks given below, e.g. the paper's 28, 31, 34. A score equal to a break belongs to the class below it.</source>
        <translation>自然断点：对得分像元的确定性随机样本（样本量和种子见下）执行精确 Fisher-Jenks（最优分级，与 PySAL mapclassify 的 FisherJenks 相同）。用户断点：使用下面给出的断点，例如论文中的 28, 31, 34。等于断点的得分属于其下方的级别。</translation>
    </message>
    <message>
        <source>Increasing upper bounds of the classes except the last, separated by commas, e.g. 28, 31, 34 (classes: &lt;= 28, 28-31, 31-34, &gt; 34). Used with 'User breaks'.</source>
        <translation>除最后一级外各级的递增上界，以逗号分隔，例如 28, 31, 34（各级：&lt;= 28、28-31、31-34、&gt; 34）。选择“用户断点”时使用。</translation>
    </message>
    <message>
        <source>Number of classes</source>
        <translation>级别数</translation>
    </message>
    <message>
        <source>Number of natural-breaks classes (the paper uses 4: low, moderate, relatively high, high).</source>
        <translation>自然断点的级别数（论文使用 4 级：低、中、较高、高）。</translation>
    </message>
    <message>
        <source>Natural-breaks sample size</source>
        <translation>自然断点样本量</translation>
    </message>
    <message>
        <source>Number of score pixels Fisher-Jenks is computed on (10 to 100,000): a uniform random sample without replacement, the same whatever the block size (each pixel's key is a hash of its position and the seed). The exact Fisher-Jenks takes under 2 seconds at the largest sample and 20 classes, and can be cancelled; integer scores with a few dozen distinct values take milliseconds whatever the size.</source>
        <translation>用于计算 Fisher-Jenks 的得分像元数（10 至 100,000）：不放回的均匀随机样本，与数据块大小无关（每个像元的键是其位置与种子的哈希值）。在最大样本量和 20 个级别时，精确 Fisher-Jenks 耗时不到 2 秒，并且可以取消；只有几十个不同取值的整数得分，无论样本多大都只需几毫秒。</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of the natural-breaks sample; the same seed gives the same sample and breaks.</source>
        <translation>自然断点样本的随机种子；相同的种子给出相同的样本和断点。</translation>
    </message>
    <message>
        <source>Sensitivity classes</source>
        <translation>敏感性等级</translation>
    </message>
    <message>
        <source>Class raster (Byte, 1 = lowest class, NoData 255), tiled DEFLATE GeoTIFF, styled low to high.</source>
        <translation>等级栅格（Byte，1 = 最低级，NoData 为 255），分块 DEFLATE 压缩的 GeoTIFF，按从低到高设置样式。</translation>
    </message>
    <message>
        <source>Soil moisture content (m³/m³)</source>
        <translation>土壤含水量（m³/m³）</translation>
    </message>
    <message>
        <source>Evapotranspiration (mm/month)</source>
        <translation>蒸散量（mm/月）</translation>
    </message>
    <message>
        <source>Annual precipitation (mm/year)</source>
        <translation>年降水量（mm/年）</translation>
    </message>
    <message>
        <source>Average wind speed (m/s)</source>
        <translation>平均风速（m/s）</translation>
    </message>
    <message>
        <source>Soil sand content (%)</source>
        <translation>土壤砂粒含量（%）</translation>
    </message>
    <message>
        <source>Soil silt content (%)</source>
        <translation>土壤粉粒含量（%）</translation>
    </message>
    <message>
        <source>Soil clay content (%)</source>
        <translation>土壤黏粒含量（%）</translation>
    </message>
    <message>
        <source>Soil erosion intensity (class code)</source>
        <translation>土壤侵蚀强度（类别代码）</translation>
    </message>
    <message>
        <source>Slope gradient (degrees)</source>
        <translation>坡度（度）</translation>
    </message>
    <message>
        <source>Geohazard susceptibility (class code)</source>
        <translation>地质灾害易发性（类别代码）</translation>
    </message>
    <message>
        <source>Multi-year NDVI mean</source>
        <translation>多年 NDVI 均值</translation>
    </message>
    <message>
        <source>NDVI change trend (per year)</source>
        <translation>NDVI 变化趋势（每年）</translation>
    </message>
    <message>
        <source>Mining development land occupation (land-use code)</source>
        <translation>矿山开发占地（土地利用代码）</translation>
    </message>
    <message>
        <source>Table 6 as printed is not self-consistent, and the presets read it as follows. Every row covers lower &lt;= value &lt; upper, which is how its '&lt;a', 'a~b', '&gt;=b' cells read (a value on a break gets the grade of the row above it). Slope: the printed moderate range 5~15 overlaps 10~25; it is read as 5~10, the only reading that keeps the other printed ranges and leaves no gap (breaks 5, 10, 25 degrees; negative slopes are outside the table). NDVI trend: the printed relatively-high range '-0.12 ~ -0.17' runs backwards and lies inside the high range '&lt; -0.12'; the two inner breaks are read as swapped (high &lt; -0.17, relatively high -0.17 to -0.12, moderate -0.12 to 0.0025, low &gt;= 0.0025). Erosion intensity codes follow SL 190-2007 (1 slight ... 6 severe; 4-6 read as Table 6's 'severe'); geohazard codes 1 none, 2 low, 3 moderate, 4 high; land-use codes are China's first-level classes (1 cultivated, 2 forest, 3 grassland, 4 water, 5 construction, 6 unused; water is not in Table 6). Edit a table if your reading or coding differs.</source>
        <translation>论文表 6 原文并不自洽，预设按以下方式解读。每一行覆盖 下界 &lt;= 值 &lt; 上界，这正是“&lt;a”“a~b”“&gt;=b”等单元格的读法（落在断点上的值取断点上方那一行的等级）。坡度：原文中度敏感范围 5~15 与 10~25 重叠，按 5~10 解读，这是唯一既保留其余原文范围又不留空隙的读法（断点 5、10、25 度；负坡度不在表内）。NDVI 趋势：原文较高敏感范围“-0.12 ~ -0.17”方向颠倒，且落在高敏感范围“&lt; -0.12”之内；两个内部断点按互换解读（高 &lt; -0.17，较高 -0.17 至 -0.12，中 -0.12 至 0.0025，低 &gt;= 0.0025）。土壤侵蚀强度代码依照 SL 190-2007（1 微度 … 6 剧烈；4-6 视为表 6 的“剧烈”）；地质灾害代码 1 不易发、2 低易发、3 中易发、4 高易发；土地利用代码为中国一级地类（1 耕地、2 林地、3 草地、4 水域、5 建设用地、6 未利用地；水域不在表 6 中）。如您的解读或编码不同，请编辑相应的表。</translation>
    </message>
    <message>
        <source>Reading of Table 6's NDVI-trend row</source>
        <translation>表 6 中 NDVI 趋势一行的解读</translation>
    </message>
    <message>
        <source>Per-year slope: breaks in NDVI per year, as printed</source>
        <translation>逐年斜率：断点为每年 NDVI 变化（按原文）</translation>
    </message>
    <message>
        <source>Change over the period: breaks in NDVI over the trend period, divided by its length</source>
        <translation>整个时段的变化：断点为整个趋势时段内的 NDVI 变化，除以时段长度</translation>
    </message>
    <message>
        <source>Unit of the NDVI-trend breaks (-0.17, -0.12, 0.0025) of Table 6; the raster is a per-year slope either way. Per year (as printed): real NDVI slopes (about 0.001-0.01 per year) never reach the two upper grades. Change over the period: the breaks are the NDVI change over the whole trend period, so a per-year slope is graded by the breaks divided by the period length. The second is what the paper most plausibly meant (see the help).</source>
        <translation>表 6 中 NDVI 趋势断点（-0.17、-0.12、0.0025）的单位；两种解读下栅格都是逐年斜率。按年（原文印刷）：真实 NDVI 斜率（约每年 0.001-0.01）永远达不到两个较高等级。整个时段的变化：断点是整个趋势时段内 NDVI 的变化量，因此逐年斜率按断点除以时段长度分级。后者最可能是论文的本意（见帮助）。</translation>
    </message>
    <message>
        <source>Length of the trend period (years)</source>
        <translation>趋势时段长度（年）</translation>
    </message>
    <message>
        <source>Years from the first to the last year of the NDVI trend (the paper: 2000-2022, 22 years); used by the 'change over the period' reading.</source>
        <translation>NDVI 趋势从第一年到最后一年的年数（论文：2000-2022 年，22 年）；用于“整个时段的变化”解读。</translation>
    </message>
    <message>
        <source>The length of the trend period must be positive; got {years}.</source>
        <translation>趋势时段长度必须为正数；给定值为 {years}。</translation>
    </message>
    <message>
        <source>NDVI-trend readings. Table 6 prints the NDVI-trend breaks without a unit. Read as a per-year slope (the preset 'NDVI change trend'), a slope below -0.12 NDVI per year would lower NDVI by more than 2.6 over 22 years, impossible for an index between -1 and 1; real annual NDVI Sen slopes (about 0.001-0.01 per year) then only reach grades 1 and 2. Read as the change over the trend period (the preset 'NDVI change over the trend period'), the breaks divided by the period length (2000-2022: 22 years, i.e. -0.0077, -0.0055 and +0.00011 per year) spread real slopes over all four grades. The paper most plausibly meant the change over the period; the per-year reading stays the default for compatibility, and a factor that leaves grades empty or puts more than 95 % of its pixels in one grade is reported in the log, the outputs and the report.</source>
        <translation>NDVI 趋势的解读。表 6 印刷的 NDVI 趋势断点没有单位。若按逐年斜率解读（预设“NDVI 变化趋势”），斜率低于每年 -0.12 意味着 22 年内 NDVI 下降超过 2.6，对取值在 -1 到 1 之间的指数来说不可能；真实的年 NDVI Sen 斜率（约每年 0.001-0.01）只会落入等级 1 和 2。若按整个趋势时段的变化解读（预设“趋势时段内的 NDVI 变化”），断点除以时段长度（2000-2022 年：22 年，即每年 -0.0077、-0.0055 和 +0.00011）可使真实斜率分布到全部四个等级。论文最可能指的是整个时段的变化；为保持兼容，默认仍为逐年解读；若某因子有等级为空或超过 95% 的像元落在同一等级，会在日志、输出和报告中给出提示。</translation>
    </message>
    <message>
        <source>{factor}: values {low} to {high}; pixels per grade: {grades}</source>
        <translation>{factor}：取值 {low} 至 {high}；各等级像元数：{grades}</translation>
    </message>
    <message>
        <source>{factor}: no valid pixel was graded.</source>
        <translation>{factor}：没有可分级的有效像元。</translation>
    </message>
    <message>
        <source>{factor}: {pct} % of the valid pixels are in grade {grade} (values {low} to {high}): the factor hardly changes the score. Check its table and the unit of the raster.</source>
        <translation>{factor}：{pct}% 的有效像元落在等级 {grade}（取值 {low} 至 {high}）：该因子几乎不影响得分。请检查其分级表和栅格的单位。</translation>
    </message>
    <message>
        <source>{factor}: no pixel in grade(s) {grades} of its table (values {low} to {high}).</source>
        <translation>{factor}：其分级表的等级 {grades} 中没有像元（取值 {low} 至 {high}）。</translation>
    </message>
    <message>
        <source>{factor}: Table 6's NDVI-trend breaks read per year are out of reach of real NDVI slopes; the reading 'change over the period' (parameter NDVI_TREND_READING) grades a per-year slope by the breaks divided by the period length.</source>
        <translation>{factor}：按逐年解读时，表 6 的 NDVI 趋势断点是真实 NDVI 斜率达不到的；“整个时段的变化”解读（参数 NDVI_TREND_READING）按断点除以时段长度对逐年斜率分级。</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>Relatively high</source>
        <translation>较高</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Class {i}</source>
        <translation>第 {i} 级</translation>
    </message>
    <message>
        <source>Class breaks used ({method}): {breaks}</source>
        <translation>所用分级断点（{method}）：{breaks}</translation>
    </message>
    <message>
        <source>natural breaks (Fisher-Jenks)</source>
        <translation>自然断点（Fisher-Jenks）</translation>
    </message>
    <message>
        <source>user breaks</source>
        <translation>用户断点</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Score from</source>
        <translation>得分起</translation>
    </message>
    <message>
        <source>Score to</source>
        <translation>得分止</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>像元</translation>
    </message>
    <message>
        <source>Pixels %</source>
        <translation>像元 %</translation>
    </message>
    <message>
        <source>Factor diagnostics</source>
        <translation>因子诊断</translation>
    </message>
    <message>
        <source>Every factor reaches several grades; none puts more than 95 % of its pixels in one grade.</source>
        <translation>每个因子都覆盖多个等级；没有因子把超过 95% 的像元放在同一等级。</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>% of pixels</source>
        <translation>像元百分比</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>因子</translation>
    </message>
    <message>
        <source>Minimum value</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Maximum value</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Score range</source>
        <translation>得分范围</translation>
    </message>
    <message>
        <source>NDVI-trend reading</source>
        <translation>NDVI 趋势解读</translation>
    </message>
    <message>
        <source>change over a period of {years} years</source>
        <translation>{years} 年时段内的变化</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Desertification sensitivity</source>
        <translation>荒漠化敏感性</translation>
    </message>
    <message>
        <source>'User breaks' is selected but no breaks were given.</source>
        <translation>已选择“用户断点”，但未给出断点。</translation>
    </message>
    <message>
        <source>Reference grid ({layer}): {grid}</source>
        <translation>参考网格（{layer}）：{grid}</translation>
    </message>
    <message>
        <source>User class breaks: {breaks}</source>
        <translation>用户分级断点：{breaks}</translation>
    </message>
    <message>
        <source>The score has no valid pixel, so it cannot be classified.</source>
        <translation>得分没有有效像元，无法分级。</translation>
    </message>
    <message>
        <source>Computing natural breaks (Fisher-Jenks, {k} classes) on a sample of {n} of {population} score pixels (seed {seed}).</source>
        <translation>正在计算自然断点（Fisher-Jenks，{k} 级），样本为 {population} 个得分像元中的 {n} 个（种子 {seed}）。</translation>
    </message>
    <message>
        <source>Natural breaks: {breaks}</source>
        <translation>自然断点：{breaks}</translation>
    </message>
    <message>
        <source>degree²</source>
        <translation>平方度</translation>
    </message>
    <message>
        <source>CRS units²</source>
        <translation>坐标系单位²</translation>
    </message>
    <message>
        <source>Class {c}: {n} pixels ({pct:.1f} %, {area:.6g} {unit})</source>
        <translation>等级 {c}：{n} 个像元（{pct:.1f} %，{area:.6g} {unit}）</translation>
    </message>
    <message>
        <source>The score has no valid pixel: every pixel is NoData in some factor.</source>
        <translation>得分没有有效像元：每个像元都在某个因子中为 NoData。</translation>
    </message>
    <message>
        <source>Score: {n} valid pixels, minimum {lo:g}, maximum {hi:g}</source>
        <translation>得分：{n} 个有效像元，最小值 {lo:g}，最大值 {hi:g}</translation>
    </message>
    <message>
        <source>{n} rasters in {blocks} blocks of up to {rows} rows</source>
        <translation>{n} 个栅格，分为 {blocks} 个数据块，每块最多 {rows} 行</translation>
    </message>
    <message>
        <source>{n} windows of up to {rows} rows as tasks on the cluster.</source>
        <translation>{n} 个窗口（每个最多 {rows} 行）作为集群上的任务。</translation>
    </message>
</context>
<context>
    <name>ShippedModel</name>
    <message>
        <source>The model failed: removed the outputs its steps had already written: {paths}</source>
        <translation>模型运行失败：已删除其步骤先前写出的输出：{paths}</translation>
    </message>
    <message>
        <source>The model failed after these outputs had been replaced by new, complete results: {paths}</source>
        <translation>模型运行失败，但以下输出已被新的完整结果替换：{paths}</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>工作流程</translation>
    </message>
    <message>
        <source>Mining spatial pattern</source>
        <translation>采矿空间格局</translation>
    </message>
    <message>
        <source>The paper's spatial pattern analysis in one run: fishnet mining density of the footprints, global Moran's I and General G, Anselin local Moran clusters (with their significance map), Getis-Ord Gi* hot spots, footprint statistics and size classes; the class shares of the clusters and hot spots as tables; one report as HTML and as a PDF with map pages (the paper's Figs 1, 6-8 and Table 2). Spatial weights: queen contiguity by default, as GeoDa; choose a fixed distance band for ArcGIS's default.</source>
        <translation>论文的空间格局分析一次完成：图斑的渔网采矿密度、全局 Moran's I 和 General G、Anselin 局部莫兰聚类（及其显著性地图）、Getis-Ord Gi* 热点、图斑统计和规模分级；聚类和热点的类别占比表；一份 HTML 报告和带地图页的 PDF 报告（论文图 1、图 6-8 和表 2）。空间权重：默认后相邻（与 GeoDa 相同）；选择固定距离带即为 ArcGIS 的默认设置。</translation>
    </message>
    <message>
        <source>Footprint overlap</source>
        <translation>图斑叠置统计</translation>
    </message>
    <message>
        <source>Tabulates the footprints against a class layer (land use, nature reserves, ecological zones) by zone (for example provinces), as the paper's Tables 3-5, with a wide pivot table, the intersection pieces and one report as HTML and PDF.</source>
        <translation>按分区（例如省）将图斑与类别图层（土地利用、自然保护区、生态功能区）交叉制表，即论文的表 3-5，并给出宽格式透视表、相交片段以及一份 HTML 和 PDF 报告。</translation>
    </message>
    <message>
        <source>Desertification sensitivity of mining areas</source>
        <translation>矿区荒漠化敏感性</translation>
    </message>
    <message>
        <source>The paper's desertification sensitivity model: factor rasters graded by Table 6, added, classified by natural breaks or given breaks, then the area of each class inside the mining footprints (Fig. 13); the class breaks and a grade histogram of every factor (with a warning when a factor leaves grades empty or puts more than 95 % of its pixels in one grade) as tables and in one report as HTML and PDF.</source>
        <translation>论文的荒漠化敏感性模型：按表 6 对因子栅格分级、相加，以自然断点或给定断点分级，再统计采矿图斑内各级的面积（图 13）；分级断点和每个因子的等级直方图（若某因子有等级为空或超过 95% 的像元落在同一等级则给出警告）以表格形式输出，并写入一份 HTML 和 PDF 报告。</translation>
    </message>
    <message>
        <source>Mining dynamics over epochs</source>
        <translation>多期采矿动态</translation>
    </message>
    <message>
        <source>Footprints of many survey epochs (quarters) -&gt; one fishnet with mining per cell and epoch, totals per zone -&gt; Mann-Kendall trend of each cell -&gt; emerging hot spots (space-time Gi*) -&gt; one report as HTML and PDF with the density maps of every epoch, the area per zone and epoch and the emerging hot spot categories.</source>
        <translation>多个调查期（季度）的开采区 -&gt; 一个格网，给出每个单元每期的采矿面积及各分区合计 -&gt; 每个单元的 Mann-Kendall 趋势 -&gt; 新兴热点（时空 Gi*）-&gt; 一份 HTML 和 PDF 报告，包含每期的密度图、各分区各期的面积以及新兴热点类别。</translation>
    </message>
    <message>
        <source>Vegetation change around mines</source>
        <translation>矿山周边植被变化</translation>
    </message>
    <message>
        <source>Vegetation change around mines: per-pixel trend of an annual NDVI (or LAI) stack, the annual series inside the footprints and rings around them with change points, and one report as HTML and PDF (Figs 10-11).</source>
        <translation>矿区周边植被变化：年度 NDVI（或 LAI）序列的逐像元趋势、图斑内及其周边缓冲环内的年度序列及突变点，以及一份 HTML 和 PDF 报告（图 10-11）。</translation>
    </message>
    <message>
        <source>Mining footprints</source>
        <translation>矿区范围</translation>
    </message>
    <message>
        <source>Mining footprint polygons (any CRS).</source>
        <translation>采矿图斑面（任意坐标参考系）。</translation>
    </message>
    <message>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <source>Polygons bounding the analysis, e.g. the provinces; the fishnet is clipped to them and the report draws their outlines on every map.</source>
        <translation>限定分析范围的面，例如各省；渔网按其裁剪，报告在每幅地图上绘制其轮廓。</translation>
    </message>
    <message>
        <source>Cell size (metres)</source>
        <translation>格网大小（米）</translation>
    </message>
    <message>
        <source>Fishnet cell side in metres (the paper: 100 km).</source>
        <translation>渔网单元边长（米；论文：100 千米）。</translation>
    </message>
    <message>
        <source>Weight field</source>
        <translation>权重字段</translation>
    </message>
    <message>
        <source>Optional numeric field apportioned instead of the footprint area (e.g. the mining area of grid cells).</source>
        <translation>可选的数值字段，代替图斑面积进行分摊（例如格网单元的采矿面积）。</translation>
    </message>
    <message>
        <source>Mine id field</source>
        <translation>矿山编号字段</translation>
    </message>
    <message>
        <source>Optional field identifying the mine of each footprint: mines are counted per cell and in the statistics.</source>
        <translation>可选字段，标识每个图斑所属的矿山：按单元和在统计中计算矿山数量。</translation>
    </message>
    <message>
        <source>Group statistics by</source>
        <translation>统计分组依据</translation>
    </message>
    <message>
        <source>Optional field (e.g. province) for the footprint statistics.</source>
        <translation>可选字段（例如省），用于图斑统计。</translation>
    </message>
    <message>
        <source>Spatial weights</source>
        <translation>空间权重</translation>
    </message>
    <message>
        <source>Queen contiguity</source>
        <translation>后（Queen）邻接</translation>
    </message>
    <message>
        <source>Rook contiguity</source>
        <translation>车（Rook）邻接</translation>
    </message>
    <message>
        <source>Fixed distance band</source>
        <translation>固定距离带</translation>
    </message>
    <message>
        <source>K nearest neighbours</source>
        <translation>K 最近邻</translation>
    </message>
    <message>
        <source>Inverse distance</source>
        <translation>反距离</translation>
    </message>
    <message>
        <source>Neighbours of a fishnet cell in the spatial statistics: queen contiguity (the 8 surrounding cells, the default, as GeoDa), rook, a fixed distance band (ArcGIS's default for hot spots), K nearest neighbours or inverse distance.</source>
        <translation>空间统计中渔网单元的邻居：后相邻（周围 8 个单元，默认，与 GeoDa 相同）、车相邻、固定距离带（ArcGIS 热点分析的默认设置）、K 最近邻或反距离。</translation>
    </message>
    <message>
        <source>Distance band (metres)</source>
        <translation>距离带（米）</translation>
    </message>
    <message>
        <source>Distance of the distance-band and inverse-distance weights; 0: the smallest distance that gives every cell a neighbour.</source>
        <translation>距离带和反距离权重的距离；0：使每个单元至少有一个邻居的最小距离。</translation>
    </message>
    <message>
        <source>Number of neighbours (K)</source>
        <translation>邻居数量（K）</translation>
    </message>
    <message>
        <source>Neighbours of the K-nearest-neighbours weights.</source>
        <translation>K 最近邻权重的邻居数。</translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation>置换次数</translation>
    </message>
    <message>
        <source>Permutations of the pseudo p-values of Moran's I, General G and the local Moran clusters (999 gives p-values down to 0.001).</source>
        <translation>Moran's I、General G 和局部莫兰聚类的伪 p 值所用置换次数（999 次可得低至 0.001 的 p 值）。</translation>
    </message>
    <message>
        <source>Fishnet mining density</source>
        <translation>渔网采矿密度</translation>
    </message>
    <message>
        <source>Clusters and outliers (LISA)</source>
        <translation>聚类与异常值（LISA）</translation>
    </message>
    <message>
        <source>LISA class shares</source>
        <translation>LISA 类别占比</translation>
    </message>
    <message>
        <source>Hot and cold spots (Gi*)</source>
        <translation>热点与冷点（Gi*）</translation>
    </message>
    <message>
        <source>Hot spot bin shares</source>
        <translation>热点分级占比</translation>
    </message>
    <message>
        <source>Report (HTML)</source>
        <translation>报告（HTML）</translation>
    </message>
    <message>
        <source>Report (PDF)</source>
        <translation>报告（PDF）</translation>
    </message>
    <message>
        <source>Class layer</source>
        <translation>类别图层</translation>
    </message>
    <message>
        <source>Polygons of the classes: land use, nature reserves or ecological function zones.</source>
        <translation>类别面：土地利用、自然保护区或生态功能区。</translation>
    </message>
    <message>
        <source>Class field</source>
        <translation>类别字段</translation>
    </message>
    <message>
        <source>Field of the class layer holding the class (e.g. land-use type, reserve name).</source>
        <translation>类别图层中表示类别的字段（例如土地利用类型、保护区名称）。</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Zone polygons, e.g. provinces; the report draws their outlines on the map.</source>
        <translation>分区面，例如各省；报告在地图上绘制其轮廓。</translation>
    </message>
    <message>
        <source>Zone field</source>
        <translation>分区字段</translation>
    </message>
    <message>
        <source>Field of the zone layer naming the zone (e.g. province).</source>
        <translation>分区图层中表示分区名称的字段（例如省）。</translation>
    </message>
    <message>
        <source>Overlap table</source>
        <translation>交叉统计表</translation>
    </message>
    <message>
        <source>Soil moisture content (m³/m³)</source>
        <translation>土壤含水量（m³/m³）</translation>
    </message>
    <message>
        <source>Evapotranspiration (mm/month)</source>
        <translation>蒸散量（mm/月）</translation>
    </message>
    <message>
        <source>Annual precipitation (mm/year)</source>
        <translation>年降水量（mm/年）</translation>
    </message>
    <message>
        <source>Average wind speed (m/s)</source>
        <translation>平均风速（m/s）</translation>
    </message>
    <message>
        <source>Soil sand content (%)</source>
        <translation>土壤砂粒含量（%）</translation>
    </message>
    <message>
        <source>Soil silt content (%)</source>
        <translation>土壤粉粒含量（%）</translation>
    </message>
    <message>
        <source>Soil clay content (%)</source>
        <translation>土壤黏粒含量（%）</translation>
    </message>
    <message>
        <source>Soil erosion intensity (class code)</source>
        <translation>土壤侵蚀强度（类别代码）</translation>
    </message>
    <message>
        <source>Slope gradient (degrees)</source>
        <translation>坡度（度）</translation>
    </message>
    <message>
        <source>Geohazard susceptibility (class code)</source>
        <translation>地质灾害易发性（类别代码）</translation>
    </message>
    <message>
        <source>Multi-year NDVI mean</source>
        <translation>多年 NDVI 均值</translation>
    </message>
    <message>
        <source>NDVI change trend (per year)</source>
        <translation>NDVI 变化趋势（每年）</translation>
    </message>
    <message>
        <source>Land use (for the mining land occupation)</source>
        <translation>土地利用（用于采矿用地占用）</translation>
    </message>
    <message>
        <source>Optional factor raster, graded by its row of Table 6 (see the help of 'Desertification sensitivity'); give at least two factors.</source>
        <translation>可选的因子栅格，按表 6 中对应的行分级（见“荒漠化敏感性”的帮助）；至少给出两个因子。</translation>
    </message>
    <message>
        <source>Mining footprints: the area of each sensitivity class is tallied inside them.</source>
        <translation>采矿图斑：在其内部统计各敏感性等级的面积。</translation>
    </message>
    <message>
        <source>Optional boundaries (e.g. provinces or counties) drawn on the report's maps.</source>
        <translation>可选的边界（例如省或县），绘制在报告的地图上。</translation>
    </message>
    <message>
        <source>Reading of Table 6's NDVI-trend row</source>
        <translation>表 6 中 NDVI 趋势一行的解读</translation>
    </message>
    <message>
        <source>Per-year slope: breaks in NDVI per year, as printed</source>
        <translation>逐年斜率：断点为每年 NDVI 变化（按原文）</translation>
    </message>
    <message>
        <source>Change over the period: breaks in NDVI over the trend period, divided by its length</source>
        <translation>整个时段的变化：断点为整个趋势时段内的 NDVI 变化，除以时段长度</translation>
    </message>
    <message>
        <source>Unit of Table 6's NDVI-trend breaks (-0.17, -0.12, 0.0025): per year as printed, or the change over the whole trend period (what the paper most plausibly meant; real per-year slopes never reach the upper grades otherwise).</source>
        <translation>表 6 中 NDVI 趋势断点（-0.17、-0.12、0.0025）的单位：按原文为每年，或为整个趋势时段内的变化（论文最可能的本意；否则真实的逐年斜率永远达不到较高等级）。</translation>
    </message>
    <message>
        <source>Length of the trend period (years)</source>
        <translation>趋势时段长度（年）</translation>
    </message>
    <message>
        <source>Years from the first to the last year of the NDVI trend (the paper: 2000-2022); used by the 'change over the period' reading.</source>
        <translation>NDVI 趋势从第一年到最后一年的年数（论文：2000-2022 年）；用于“整个时段的变化”解读。</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Natural breaks (Fisher-Jenks)</source>
        <translation>自然断点（Fisher-Jenks）</translation>
    </message>
    <message>
        <source>User breaks</source>
        <translation>用户断点</translation>
    </message>
    <message>
        <source>How the score is classified into sensitivity classes.</source>
        <translation>得分划分为敏感性等级的方法。</translation>
    </message>
    <message>
        <source>Upper bounds of the lower classes when 'User breaks' is chosen (the paper: 28,31,34).</source>
        <translation>选择“用户断点”时较低各级的上限（论文：28,31,34）。</translation>
    </message>
    <message>
        <source>Sensitivity score</source>
        <translation>敏感性得分</translation>
    </message>
    <message>
        <source>Sensitivity classes</source>
        <translation>敏感性等级</translation>
    </message>
    <message>
        <source>Class breaks and shares</source>
        <translation>分级断点与占比</translation>
    </message>
    <message>
        <source>Factor grade histograms</source>
        <translation>因子等级直方图</translation>
    </message>
    <message>
        <source>Class area inside the footprints</source>
        <translation>图斑内各级面积</translation>
    </message>
    <message>
        <source>Mining footprints (dissolved into one zone, with rings around them).</source>
        <translation>采矿图斑（合并为一个分区，并在其周围生成缓冲环）。</translation>
    </message>
    <message>
        <source>Annual rasters</source>
        <translation>逐年栅格</translation>
    </message>
    <message>
        <source>One multiband raster (one band per year) or one single-band raster per year.</source>
        <translation>一个多波段栅格（每年一个波段），或每年一个单波段栅格。</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Years of the bands or rasters (e.g. 2001-2020); default: read from band descriptions or file names.</source>
        <translation>各波段或栅格的年份（例如 2001-2020）；默认从波段描述或文件名读取。</translation>
    </message>
    <message>
        <source>Rings around the footprints (metres)</source>
        <translation>矿区范围周边缓冲环（米）</translation>
    </message>
    <message>
        <source>Rings outside the footprints, e.g. 0-1000,1000-5000 (metres).</source>
        <translation>图斑外的缓冲环，例如 0-1000,1000-5000（米）。</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Optional district polygons, one zone each; the report draws their outlines on the maps.</source>
        <translation>可选的区县面，每个面为一个分区；报告在地图上绘制其轮廓。</translation>
    </message>
    <message>
        <source>District name field</source>
        <translation>区县名称字段</translation>
    </message>
    <message>
        <source>Field naming the districts.</source>
        <translation>表示区县名称的字段。</translation>
    </message>
    <message>
        <source>Theil-Sen slope per year</source>
        <translation>每年的 Theil-Sen 斜率</translation>
    </message>
    <message>
        <source>Trend class</source>
        <translation>趋势分类</translation>
    </message>
    <message>
        <source>Multi-year mean</source>
        <translation>多年均值</translation>
    </message>
    <message>
        <source>Annual zonal series</source>
        <translation>逐年分区序列</translation>
    </message>
    <message>
        <source>Footprints of all epochs</source>
        <translation>所有时期的开采区</translation>
    </message>
    <message>
        <source>Mining footprints of every survey epoch in one layer (any CRS).</source>
        <translation>所有调查期的采矿开采区，位于同一图层（任意坐标参考系）。</translation>
    </message>
    <message>
        <source>Epoch field</source>
        <translation>期次字段</translation>
    </message>
    <message>
        <source>Field with each footprint's epoch: a date, a year or text such as 2022Q3.</source>
        <translation>记录每个开采区所属时期的字段：日期、年份或如 2022Q3 的文本。</translation>
    </message>
    <message>
        <source>Polygons bounding the analysis, e.g. a prefecture.</source>
        <translation>限定分析范围的多边形，例如一个地级市。</translation>
    </message>
    <message>
        <source>Optional zones (provinces, counties) for the totals per zone and epoch.</source>
        <translation>可选的分区（省、县），用于按分区和时期统计合计。</translation>
    </message>
    <message>
        <source>Zone name field</source>
        <translation>分区名称字段</translation>
    </message>
    <message>
        <source>Field naming the zones.</source>
        <translation>分区名称字段。</translation>
    </message>
    <message>
        <source>Fishnet cell side in metres.</source>
        <translation>格网单元边长（米）。</translation>
    </message>
    <message>
        <source>Neighbourhood time step (epochs)</source>
        <translation>邻域时间步长（期次）</translation>
    </message>
    <message>
        <source>Previous epochs in the space-time neighbourhood of the emerging hot spot analysis.</source>
        <translation>新兴热点分析的时空邻域中包含的前期数。</translation>
    </message>
    <message>
        <source>0: analytical Gi* (as ArcGIS); more: conditional permutations for pseudo p-values.</source>
        <translation>0：解析法 Gi*（与 ArcGIS 相同）；大于 0：条件置换计算伪 p 值。</translation>
    </message>
    <message>
        <source>Mining density over epochs</source>
        <translation>多期次采矿密度</translation>
    </message>
    <message>
        <source>Density per epoch</source>
        <translation>分期次密度</translation>
    </message>
    <message>
        <source>Density by epoch</source>
        <translation>各期密度</translation>
    </message>
    <message>
        <source>Totals per epoch and zone</source>
        <translation>各期次和区域合计</translation>
    </message>
    <message>
        <source>Mining trend per cell</source>
        <translation>各单元采矿趋势</translation>
    </message>
    <message>
        <source>Trend per cell</source>
        <translation>各格网趋势</translation>
    </message>
    <message>
        <source>Emerging hot spots</source>
        <translation>新兴热点</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
</context>
<context>
    <name>SpatialStatisticsAlgorithm</name>
    <message>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <source>Polygon or point layer, for example the fishnet written by 'Fishnet mining density'. Features with a NULL geometry are skipped (and counted in the log).</source>
        <translation>多边形或点图层，例如“渔网采矿密度”输出的渔网。几何为空的要素被跳过（并在日志中计数）。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Numeric field to analyse (for example density_pct). NULL values are refused.</source>
        <translation>要分析的数值字段（例如 density_pct）。不接受空值。</translation>
    </message>
    <message>
        <source>Spatial weights</source>
        <translation>空间权重</translation>
    </message>
    <message>
        <source>Queen contiguity</source>
        <translation>后（Queen）邻接</translation>
    </message>
    <message>
        <source>Rook contiguity</source>
        <translation>车（Rook）邻接</translation>
    </message>
    <message>
        <source>Fixed distance band</source>
        <translation>固定距离带</translation>
    </message>
    <message>
        <source>K nearest neighbours</source>
        <translation>K 最近邻</translation>
    </message>
    <message>
        <source>Inverse distance</source>
        <translation>反距离</translation>
    </message>
    <message>
        <source>How neighbours are defined. Queen: polygons sharing a vertex; rook: sharing an edge. A fishnet with integer row and col fields gets its contiguity from row/col directly (queen: the 8 surrounding cells, rook: the 4 sharing an edge). Distance band: features whose centroids lie within the distance; k nearest neighbours: the K closest centroids; inverse distance: features within the distance weighted by 1/distance. Distances are measured in metres in the layer's CRS when it is projected in metres, else in an Albers equal-area CRS fitted to the layer (never in degrees).</source>
        <translation>邻居的定义方式。Queen：共享顶点的多边形；Rook：共享边的多边形。带有整数 row 和 col 字段的渔网直接由 row/col 得到邻接关系（Queen：周围 8 个格网，Rook：共边的 4 个）。距离带：质心位于该距离内的要素；K 最近邻：质心最近的 K 个要素；反距离：该距离内的要素，按 1/距离 加权。距离以米为单位，在图层坐标系为以米为单位的投影坐标系时直接使用，否则使用根据图层拟合的 Albers 等积坐标系（从不使用度）。</translation>
    </message>
    <message>
        <source>Distance band (metres)</source>
        <translation>距离带（米）</translation>
    </message>
    <message>
        <source>Threshold distance for the distance band and inverse distance weights, in metres. 0 (default): the smallest distance that gives every feature at least one neighbour (ArcGIS's default); the value used is written to the log.</source>
        <translation>距离带和反距离权重的阈值距离，单位米。0（默认）：使每个要素至少有一个邻居的最小距离（ArcGIS 的默认值）；实际使用的值写入日志。</translation>
    </message>
    <message>
        <source>Number of neighbours (K)</source>
        <translation>邻居数量（K）</translation>
    </message>
    <message>
        <source>Number of nearest neighbours for the K nearest neighbours weights (default 8).</source>
        <translation>K 最近邻权重的最近邻数量（默认 8）。</translation>
    </message>
    <message>
        <source>Standardisation</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>Row standardised</source>
        <translation>行标准化</translation>
    </message>
    <message>
        <source>Binary (no standardisation)</source>
        <translation>二值（不标准化）</translation>
    </message>
    <message>
        <source>Weights file (.gal / .gwt)</source>
        <translation>权重文件（.gal / .gwt）</translation>
    </message>
    <message>
        <source>Spatial weights (*.gal *.gwt *.GAL *.GWT)</source>
        <translation>空间权重（*.gal *.gwt *.GAL *.GWT）</translation>
    </message>
    <message>
        <source>Optional GeoDa/PySAL weights file; when given it replaces the 'Spatial weights' choice. A .gal lists each feature's neighbours (binary weights), a .gwt 'id neighbour weight' triples. Ids are matched to the 'Id field'.</source>
        <translation>可选的 GeoDa/PySAL 权重文件；给出后将替代“空间权重”的选择。.gal 列出每个要素的邻居（二值权重），.gwt 为“id 邻居 权重”三元组。id 与“Id 字段”匹配。</translation>
    </message>
    <message>
        <source>Id field</source>
        <translation>Id 字段</translation>
    </message>
    <message>
        <source>Field holding the ids used in the weights file (required with a weights file).</source>
        <translation>保存权重文件中所用 id 的字段（使用权重文件时必填）。</translation>
    </message>
    <message>
        <source>Row standardised: each feature's neighbour weights sum to 1 (the neighbour average). Binary: every neighbour weighs 1 (inverse-distance and .gwt weights are kept as they are). Features without neighbours keep an empty row either way.</source>
        <translation>行标准化：每个要素的邻居权重之和为 1（即邻居平均）。二值：每个邻居权重为 1（反距离和 .gwt 权重保持原值）。无邻居的要素在两种方式下都保持空行。</translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation>置换次数</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of the permutations (numpy's default generator); the same seed gives the same pseudo p-values on every run.</source>
        <translation>置换的种子（numpy 默认生成器）；相同种子每次运行给出相同的伪 p 值。</translation>
    </message>
    <message>
        <source>Number of random permutations for the pseudo p-values (0 = none). 999 gives p-values down to 0.001.</source>
        <translation>伪 p 值的随机置换次数（0 = 不置换）。999 次可给出低至 0.001 的 p 值。</translation>
    </message>
    <message>
        <source>False discovery rate correction</source>
        <translation>错误发现率校正</translation>
    </message>
    <message>
        <source>Apply the Benjamini-Hochberg false discovery rate correction to the p-values of all features (features without neighbours are not counted as tests).</source>
        <translation>对所有要素的 p 值应用 Benjamini-Hochberg 错误发现率校正（无邻居的要素不计为检验）。</translation>
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
        <source>Number of features</source>
        <translation>要素数量</translation>
    </message>
    <message>
        <source>Features without neighbours</source>
        <translation>无邻居的要素</translation>
    </message>
    <message>
        <source>Features: {label}</source>
        <translation>要素数：{label}</translation>
    </message>
    <message>
        <source>Area %: {label}</source>
        <translation>面积 %：{label}</translation>
    </message>
    <message>
        <source>Class summary</source>
        <translation>类别汇总</translation>
    </message>
    <message>
        <source>Optional table with one row per class: class_code, class, label (in the run's language), features, features_pct, area_km2 and area_pct (area in an equal-area CRS; empty for points). The same numbers as the COUNT_/AREA_PCT_ outputs, as a table a model can output and the report prints.</source>
        <translation>可选的表，每个类别一行：class_code、class、label（运行时语言）、features、features_pct、area_km2 和 area_pct（面积在等积坐标参考系中计算；点图层为空）。与 COUNT_/AREA_PCT_ 输出的数字相同，以表格形式可作为模型输出并在报告中打印。</translation>
    </message>
    <message>
        <source>{cls}: {n} features ({fpct:.2f} %), {apct} % of the area.</source>
        <translation>{cls}：{n} 个要素（{fpct:.2f} %），占面积 {apct} %。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Features %</source>
        <translation>要素 %</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <source>Area %</source>
        <translation>面积 %</translation>
    </message>
    <message>
        <source>Moran scatterplot</source>
        <translation>Moran 散点图</translation>
    </message>
    <message>
        <source>Moran scatterplot, Moran's I = {i}</source>
        <translation>莫兰散点图，Moran's I = {i}</translation>
    </message>
    <message>
        <source>slope {slope:.4f}</source>
        <translation>斜率 {slope:.4f}</translation>
    </message>
    <message>
        <source>Standardised value</source>
        <translation>标准化值</translation>
    </message>
    <message>
        <source>Spatial lag of the standardised value</source>
        <translation>标准化值的空间滞后</translation>
    </message>
    <message>
        <source>HH (high-high)</source>
        <translation>HH（高-高）</translation>
    </message>
    <message>
        <source>LH (low-high)</source>
        <translation>LH（低-高）</translation>
    </message>
    <message>
        <source>LL (low-low)</source>
        <translation>LL（低-低）</translation>
    </message>
    <message>
        <source>HL (high-low)</source>
        <translation>HL（高-低）</translation>
    </message>
    <message>
        <source>matplotlib is not installed: no plot.</source>
        <translation>未安装 matplotlib：无图。</translation>
    </message>
    <message>
        <source>Moran's I = {i}, {n} permutations, pseudo p = {p}</source>
        <translation>Moran's I = {i}，{n} 次置换，伪 p = {p}</translation>
    </message>
    <message>
        <source>Moran's I of the permuted values</source>
        <translation>置换值的 Moran's I</translation>
    </message>
    <message>
        <source>observed I</source>
        <translation>观测 I</translation>
    </message>
    <message>
        <source>expected I = -1/(n-1)</source>
        <translation>期望 I = -1/(n-1)</translation>
    </message>
    <message>
        <source>Reference distribution</source>
        <translation>参考分布</translation>
    </message>
    <message>
        <source>Layer {layer} must be a polygon or point layer.</source>
        <translation>图层 {layer} 必须是多边形或点图层。</translation>
    </message>
    <message>
        <source>Layer {layer} has {n} usable features; spatial statistics need at least 3.</source>
        <translation>图层 {layer} 只有 {n} 个可用要素；空间统计至少需要 3 个。</translation>
    </message>
    <message>
        <source>A weights file needs the 'Id field' that holds the ids used in {file}.</source>
        <translation>权重文件需要保存 {file} 中所用 id 的“Id 字段”。</translation>
    </message>
    <message>
        <source>The weights file {file} does not exist.</source>
        <translation>权重文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>Contiguity weights need polygons, but {layer} is a point layer: choose a distance band, K nearest neighbours or inverse distance.</source>
        <translation>邻接权重需要多边形，但 {layer} 是点图层：请选择距离带、K 最近邻或反距离。</translation>
    </message>
    <message>
        <source>Id field {field} is NULL for feature {fid}.</source>
        <translation>要素 {fid} 的 Id 字段 {field} 为空。</translation>
    </message>
    <message>
        <source>weights file {file} (ids from {field})</source>
        <translation>权重文件 {file}（id 来自 {field}）</translation>
    </message>
    <message>
        <source>{kind} contiguity from the fishnet's row/col fields</source>
        <translation>由渔网的 row/col 字段得到的 {kind} 邻接</translation>
    </message>
    <message>
        <source>{kind} contiguity from shared polygon vertices/edges</source>
        <translation>由多边形共享顶点/边得到的 {kind} 邻接</translation>
    </message>
    <message>
        <source>Distances measured in {crs} (metres).</source>
        <translation>距离在 {crs} 中量测（米）。</translation>
    </message>
    <message>
        <source>fixed distance band of {d:.1f} m</source>
        <translation>{d:.1f} 米的固定距离带</translation>
    </message>
    <message>
        <source>{k} nearest neighbours</source>
        <translation>{k} 个最近邻</translation>
    </message>
    <message>
        <source>inverse distance within {d:.1f} m</source>
        <translation>{d:.1f} 米以内的反距离</translation>
    </message>
    <message>
        <source>Distance band chosen automatically: {d:.1f} m, the smallest distance that gives every feature a neighbour.</source>
        <translation>自动选择的距离带：{d:.1f} 米，即使每个要素都有邻居的最小距离。</translation>
    </message>
    <message>
        <source>The row/col fields do not identify the cells ({reason}); using the geometries.</source>
        <translation>row/col 字段不能唯一标识格网（{reason}）；改用几何。</translation>
    </message>
    <message>
        <source>Feature {fid} could not be transformed to {crs}.</source>
        <translation>要素 {fid} 无法转换到 {crs}。</translation>
    </message>
    <message>
        <source>Spatial weights: {label}; {n} features, neighbours per feature min {min} / mean {mean:.2f} / max {max}.</source>
        <translation>空间权重：{label}；{n} 个要素，每个要素的邻居数 最小 {min} / 平均 {mean:.2f} / 最大 {max}。</translation>
    </message>
    <message>
        <source>{n} features have no neighbours (feature ids {ids}{more}). They are kept with a zero spatial lag in the global statistics and get no local statistic (NULL, cluster type NN, Gi_Bin 0).</source>
        <translation>{n} 个要素没有邻居（要素 id {ids}{more}）。它们在全局统计中以零空间滞后保留，不计算局部统计量（空值、聚类类型 NN、Gi_Bin 0）。</translation>
    </message>
    <message>
        <source>row-standardised</source>
        <translation>行标准化</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>二值</translation>
    </message>
    <message>
        <source>Input field {field} is replaced by the result field of the same name.</source>
        <translation>输入字段 {field} 被同名的结果字段替换。</translation>
    </message>
</context>
<context>
    <name>WeightedOverlayAlgorithm</name>
    <message>
        <source>Weighted overlay</source>
        <translation>加权叠加</translation>
    </message>
    <message>
        <source>Adds graded factor rasters with weights (plain sum, ArcGIS percent influence or weighted sum), block by block, and optionally classifies the score.</source>
        <translation>逐块对分级后的因子栅格加权相加（简单求和、ArcGIS 百分比影响或加权求和），并可选地对得分分级。</translation>
    </message>
    <message>
        <source>weighted overlay,weighted sum,sum,suitability,sensitivity,multi-criteria,raster calculator</source>
        <translation>加权叠加,加权求和,求和,适宜性,敏感性,多准则,栅格计算器</translation>
    </message>
    <message>
        <source>Combines factor rasters (usually graded with 'Grade factor raster') into a score, reading and writing block by block so memory does not grow with the rasters; the next block is decoded on a second thread while the current one is computed.

Methods: 'Plain sum' adds the values (the paper's model: 13 factors graded 1-4 summed); 'Percent influence' is ArcGIS Weighted Overlay: integer grades times whole-number percentage weights adding up to 100, the result rounded half up to an integer (2.5 -&gt; 3); 'Weighted sum' multiplies each raster by any weight and adds them (float result).

Weights: one per factor raster in the order of the list, separated by commas (e.g. 30, 20, 50). Empty: 1 each (or equal percentages).

NoData: by default a pixel that is NoData in any factor is NoData in the score. With 'skip and renormalise', NoData factors are left out and the others' weights scaled up to the same total (score = sum of w·x over valid factors × sum of all w / sum of valid w); a pixel with no valid factor stays NoData. The plain sum then becomes a float.

Grids: the rasters are put on the grid of the reference raster (default: the first factor): those with another CRS, pixel size or extent are resampled with the stated method (nearest neighbour by default, right for grades), or refused if resampling is not allowed. Band 1 of each raster is used.

Optionally the score is classified (natural breaks by exact Fisher-Jenks on a deterministic sample, or user breaks) into a class raster. Outputs are tiled DEFLATE GeoTIFFs (score Int16 with NoData -32768 when integer, else Float32).</source>
        <translation>将因子栅格（通常已用“因子栅格分级”分级）组合为得分，逐块读写，内存占用不随栅格大小增长；在计算当前数据块的同时，在第二个线程上解码下一个数据块。

方法：“简单求和”将各值相加（论文模型：13 个因子各分 1-4 级后求和）；“百分比影响”即 ArcGIS 加权叠加：整数等级乘以总和为 100 的整数百分比权重，结果四舍五入为整数（2.5 -&gt; 3）；“加权求和”将每个栅格乘以任意权重后相加（浮点结果）。

权重：按列表顺序每个因子栅格一个，以逗号分隔（例如 30, 20, 50）。为空：各为 1（或平均分配百分比）。

NoData：默认任一因子为 NoData 的像元在得分中为 NoData。选择“跳过并重新归一化”时，略去 NoData 因子，并将其余因子的权重按比例放大到相同总和（得分 = 有效因子上 w·x 之和 × 全部 w 之和 / 有效 w 之和）；没有任何有效因子的像元仍为 NoData。此时简单求和的结果为浮点数。

网格：各栅格被置于参考栅格（默认：第一个因子）的网格上：坐标系、像元大小或范围不同的栅格按指定方法重采样（默认最邻近，适合等级数据），若不允许重采样则拒绝。使用每个栅格的第 1 波段。

可选地将得分分级（基于确定性样本的精确 Fisher-Jenks 自然断点，或用户断点）输出为等级栅格。输出为分块 DEFLATE 压缩的 GeoTIFF（得分为整数时为 Int16，NoData 为 -32768，否则为 Float32）。</translation>
    </message>
    <message>
        <source>Factor rasters</source>
        <translation>因子栅格</translation>
    </message>
    <message>
        <source>The rasters to combine (band 1 of each), e.g. the graded factors.</source>
        <translation>要组合的栅格（各取第 1 波段），例如分级后的因子。</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>One weight per factor raster, in the order of the list, separated by commas. Empty: equal weights. Percent influence needs whole numbers adding up to 100.</source>
        <translation>按列表顺序每个因子栅格一个权重，以逗号分隔。为空：等权重。百分比影响需要总和为 100 的整数。</translation>
    </message>
    <message>
        <source>How the factors are combined (see the help).</source>
        <translation>各因子的组合方式（见帮助）。</translation>
    </message>
    <message>
        <source>What a NoData pixel in one of the factors does to the score.</source>
        <translation>某一因子的 NoData 像元对得分的影响。</translation>
    </message>
    <message>
        <source>Resampling of rasters not on the reference grid: nearest neighbour keeps grades intact.</source>
        <translation>对不在参考网格上的栅格的重采样方法：最邻近法可保持等级不变。</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>The combined score raster (tiled, compressed GeoTIFF).</source>
        <translation>叠加得分栅格（分块压缩 GeoTIFF）。</translation>
    </message>
    <message>
        <source>No factor raster was given.</source>
        <translation>未给出因子栅格。</translation>
    </message>
    <message>
        <source>The layer {layer} is not a raster.</source>
        <translation>图层 {layer} 不是栅格。</translation>
    </message>
    <message>
        <source>Overlay: {spec}</source>
        <translation>叠加：{spec}</translation>
    </message>
    <message>
        <source>  {layer}: weight {weight:g}</source>
        <translation>  {layer}：权重 {weight:g}</translation>
    </message>
</context>
<context>
    <name>ZonalClassAreaAlgorithm</name>
    <message>
        <source>Zonal class area</source>
        <translation>分区等级面积</translation>
    </message>
    <message>
        <source>Area and share of each class of a class raster inside polygons: per polygon, per zone and in total.</source>
        <translation>统计面内等级栅格各等级的面积和占比：按每个面、按分区以及总计。</translation>
    </message>
    <message>
        <source>zonal,class,area,share,tabulate area,zonal histogram,footprint,sensitivity</source>
        <translation>分区,等级,面积,占比,面积制表,分区直方图,图斑,敏感性</translation>
    </message>
    <message>
        <source>Tabulates the area of each class of a class raster (e.g. the desertification sensitivity classes) inside polygons such as mining footprints: per polygon (a copy of the polygons with one area and one share field per class), per zone (polygons grouped by a field, e.g. county) and in total, the table of the paper's Fig. 13.

Pixel rule: 'fraction' counts each pixel with the exact share of its area inside the polygon (the class areas then add up to the polygon area inside the raster); 'centre' counts a pixel wholly when its centre lies inside the polygon (as rasterising or most zonal tools do). The choice matters for footprints of a few pixels, where the centre rule can miss or double a footprint's area.

Areas are in km²: planar in the raster's projected CRS (use an equal-area projection for true areas), or on the ellipsoid for a geographic raster. Shares are percent of the classified area (NoData excluded; the NoData area is reported separately). Polygons are transformed to the raster CRS; overlapping polygons each count their overlap (a warning says so). The raster is read block by block, only where polygons are.</source>
        <translation>统计等级栅格（例如荒漠化敏感性等级）各等级在面（如矿山图斑）内的面积：按每个面（复制各面并为每个等级添加面积和占比字段）、按分区（按字段分组的面，例如县）以及总计，即论文图 13 的表格。

像元规则：“比例”按像元面积落在面内的精确比例计数（各等级面积之和等于面在栅格范围内的面积）；“中心”在像元中心位于面内时整像元计数（与栅格化或大多数分区统计工具一致）。对于只有几个像元大小的图斑，这一选择很重要，中心规则可能漏算或加倍图斑面积。

面积单位为 km²：在栅格的投影坐标系中按平面计算（需要真实面积请使用等积投影），地理坐标系栅格则在椭球面上计算。占比为已分级面积的百分比（不含 NoData；NoData 面积单独报告）。各面会被转换到栅格坐标系；重叠的面各自计入其重叠部分（会给出警告）。只读取有面的栅格数据块，逐块进行。</translation>
    </message>
    <message>
        <source>Class raster</source>
        <translation>等级栅格</translation>
    </message>
    <message>
        <source>Raster of integer classes, e.g. the sensitivity classes.</source>
        <translation>整数等级栅格，例如敏感性等级。</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <source>Band holding the classes.</source>
        <translation>存放等级的波段。</translation>
    </message>
    <message>
        <source>Polygons (footprints)</source>
        <translation>面（图斑）</translation>
    </message>
    <message>
        <source>Polygons to tabulate, e.g. mining footprints; any CRS.</source>
        <translation>要统计的面，例如矿山图斑；坐标系不限。</translation>
    </message>
    <message>
        <source>Zone field</source>
        <translation>分区字段</translation>
    </message>
    <message>
        <source>Optional field grouping the polygons into zones (e.g. county); the table then has one block of rows per zone.</source>
        <translation>可选字段，用于将面分组为分区（例如县）；此时表中每个分区有一组行。</translation>
    </message>
    <message>
        <source>Pixel rule</source>
        <translation>像元规则</translation>
    </message>
    <message>
        <source>Fraction of the pixel covered (exact)</source>
        <translation>像元被覆盖的比例（精确）</translation>
    </message>
    <message>
        <source>Pixel centre in polygon</source>
        <translation>像元中心位于面内</translation>
    </message>
    <message>
        <source>How pixels on a polygon boundary count (see the help).</source>
        <translation>面边界上的像元如何计数（见帮助）。</translation>
    </message>
    <message>
        <source>Class labels</source>
        <translation>等级标签</translation>
    </message>
    <message>
        <source>Low, Moderate, Relatively high, High</source>
        <translation>低, 中, 较高, 高</translation>
    </message>
    <message>
        <source>Labels of classes 1, 2, 3 ... separated by commas, written to the table.</source>
        <translation>等级 1、2、3 … 的标签，以逗号分隔，写入表中。</translation>
    </message>
    <message>
        <source>Class areas per polygon</source>
        <translation>各面的等级面积</translation>
    </message>
    <message>
        <source>The polygons (in the raster CRS) with polygon_km2, nodata_km2, class_&lt;c&gt;_km2 and class_&lt;c&gt;_pct fields and the dominant class.</source>
        <translation>各面（位于栅格坐标系中），带有 polygon_km2、nodata_km2、class_&lt;c&gt;_km2 和 class_&lt;c&gt;_pct 字段以及主导等级。</translation>
    </message>
    <message>
        <source>Class area table</source>
        <translation>等级面积表</translation>
    </message>
    <message>
        <source>Table without geometry: level (zone or total), zone, class, label, area_km2, share_pct.</source>
        <translation>无几何的表：level（分区或总计）、zone、class、label、area_km2、share_pct。</translation>
    </message>
    <message>
        <source>Total classified area (km²)</source>
        <translation>已分级总面积（km²）</translation>
    </message>
    <message>
        <source>Class shares</source>
        <translation>各等级占比</translation>
    </message>
    <message>
        <source>Pixel rule: {rule}</source>
        <translation>像元规则：{rule}</translation>
    </message>
    <message>
        <source>Layer {layer} has no polygon to tabulate.</source>
        <translation>图层 {layer} 没有可统计的面。</translation>
    </message>
    <message>
        <source>Geographic raster: pixel areas on the ellipsoid {ellipsoid}.</source>
        <translation>地理坐标系栅格：像元面积在椭球 {ellipsoid} 上计算。</translation>
    </message>
    <message>
        <source>Areas are planar in {crs}.</source>
        <translation>面积按 {crs} 中的平面计算。</translation>
    </message>
    <message>
        <source>{n} of the raster's blocks hold polygons.</source>
        <translation>栅格中有 {n} 个数据块包含面。</translation>
    </message>
    <message>
        <source>The polygons overlap: overlapping areas are counted once per polygon in the totals.</source>
        <translation>各面之间存在重叠：在总计中，重叠面积按每个面各计一次。</translation>
    </message>
    <message>
        <source>The raster {layer} has {n} distinct values inside the polygons (at most {limit} classes make a readable table): it looks like a continuous raster, not a class raster. Classify it first, e.g. with Grade factor or the sensitivity classes.</source>
        <translation>栅格 {layer} 在多边形内有 {n} 个不同的值（可读的表最多 {limit} 类）：它看起来是连续栅格而非分类栅格。请先分类，例如用“因子分级”或敏感性分级。</translation>
    </message>
    <message>
        <source>Total classified area {area:.4f} km² in {n} polygons (NoData {nodata:.4f} km²); polygon area {poly:.4f} km².</source>
        <translation>{n} 个面内已分级总面积 {area:.4f} km²（NoData {nodata:.4f} km²）；面的面积 {poly:.4f} km²。</translation>
    </message>
    <message>
        <source>Classes: {shares}</source>
        <translation>等级：{shares}</translation>
    </message>
</context>
<context>
    <name>ZonalTimeSeriesAlgorithm</name>
    <message>
        <source>Zonal annual series and change point</source>
        <translation>分区逐年序列与突变点</translation>
    </message>
    <message>
        <source>Annual mean, median and pixel count of a raster stack in footprints, rings around them and districts, with a Pettitt change point and the trends before and after it.</source>
        <translation>统计栅格序列在矿区范围、其周边缓冲环和行政区内的逐年均值、中位数和像元数，并给出 Pettitt 突变点及其前后的变化趋势。</translation>
    </message>
    <message>
        <source>ndvi,zonal,time series,annual,pettitt,change point,break,buffer,ring,chart,vegetation</source>
        <translation>ndvi,分区,时间序列,逐年,pettitt,突变点,断点,缓冲区,环,图表,植被</translation>
    </message>
    <message>
        <source>Summarises an annual raster stack (e.g. NDVI 2000-2022) inside zones, as the paper's Fig. 11: the mining footprints (all polygons dissolved into one zone), optional rings around them (Buffers, in metres, e.g. '0-1000, 1000-5000': the ring 0-1000 is the land within 1 km outside the footprints) and optional district polygons (one zone per polygon, named by the zone field).

For every zone and year: mean, median and count of the valid pixels (pixel centre inside the zone, or every touched pixel). For every zone, on its mean (or median) series: Pettitt's change-point test (the change year is the last year of the first segment; statistic K and approximate p-value 2·exp(-6K²/(n³+n²))), the Theil-Sen slopes and means before (up to and including the change year) and after it, and the whole-period Theil-Sen slope and Mann-Kendall p-value.

Outputs: the annual table (zone, year, mean, median, count), the change-point table, an HTML page with the chart of the series (SVG, change years of significant breaks marked, segment trends dashed) and optionally the zone polygons. Rings are built in a local equal-area projection and transformed to the raster CRS.</source>
        <translation>按论文图 11 的方式在各分区内汇总逐年栅格序列（如 2000-2022 年 NDVI）：矿区范围（所有多边形融合为一个分区）、可选的周边缓冲环（以米为单位，如“0-1000, 1000-5000”：0-1000 环为矿区范围外 1 km 以内的区域）以及可选的行政区多边形（每个多边形一个分区，以分区字段命名）。

对每个分区和年份：有效像元的均值、中位数和数量（像元中心位于分区内，或分区接触到的所有像元）。对每个分区的均值（或中位数）序列：Pettitt 突变点检验（突变年份为第一段的最后一年；统计量 K 及近似 p 值 2·exp(-6K²/(n³+n²))）、突变前（含突变年份）后的 Theil-Sen 斜率和均值，以及全时段的 Theil-Sen 斜率和 Mann-Kendall p 值。

输出：逐年表（分区、年份、均值、中位数、数量）、突变点表、含序列图（SVG，标出显著突变年份，分段趋势以虚线表示）的 HTML 页面，以及可选的分区多边形。缓冲环在局部等积投影中构建后转换到栅格坐标系。</translation>
    </message>
    <message>
        <source>Mining footprints</source>
        <translation>矿区范围</translation>
    </message>
    <message>
        <source>Polygons dissolved into the zone 'footprints'; the rings are built around them.</source>
        <translation>融合为“矿区范围”分区的多边形；缓冲环围绕其构建。</translation>
    </message>
    <message>
        <source>Districts or other zones</source>
        <translation>行政区或其他分区</translation>
    </message>
    <message>
        <source>Polygons summarised one by one, e.g. the mining district or counties.</source>
        <translation>逐个汇总的多边形，如矿区所在区域或各县。</translation>
    </message>
    <message>
        <source>Zone name field</source>
        <translation>分区名称字段</translation>
    </message>
    <message>
        <source>Field naming the district zones; default: the feature id.</source>
        <translation>为行政区分区命名的字段；默认为要素编号。</translation>
    </message>
    <message>
        <source>Rings around the footprints (metres)</source>
        <translation>矿区范围周边缓冲环（米）</translation>
    </message>
    <message>
        <source>Distance ranges outside the footprints, e.g. '0-1000, 1000-5000'. Empty: no rings.</source>
        <translation>矿区范围以外的距离区间，如“0-1000, 1000-5000”。留空则不建缓冲环。</translation>
    </message>
    <message>
        <source>Count every pixel a zone touches</source>
        <translation>统计分区接触到的所有像元</translation>
    </message>
    <message>
        <source>Unchecked: a pixel belongs to a zone when its centre is inside (GDAL's rule). Checked: every pixel the zone touches counts (for zones of a few pixels).</source>
        <translation>不勾选：像元中心位于分区内时该像元属于分区（GDAL 规则）。勾选：分区接触到的每个像元都计入（适用于只含少数像元的分区）。</translation>
    </message>
    <message>
        <source>Series tested for a change point</source>
        <translation>用于突变点检验的序列</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Which annual zonal statistic the Pettitt test and the slopes use.</source>
        <translation>Pettitt 检验和斜率所用的逐年分区统计量。</translation>
    </message>
    <message>
        <source>Significance level (alpha)</source>
        <translation>显著性水平（alpha）</translation>
    </message>
    <message>
        <source>A change point with p &lt; alpha is marked significant (table and chart).</source>
        <translation>p &lt; alpha 的突变点标记为显著（表格和图表中）。</translation>
    </message>
    <message>
        <source>Annual zonal series</source>
        <translation>逐年分区序列</translation>
    </message>
    <message>
        <source>Table: zone, zone_type, year, mean, median, count.</source>
        <translation>表格：zone（分区）、zone_type（分区类型）、year（年份）、mean（均值）、median（中位数）、count（像元数）。</translation>
    </message>
    <message>
        <source>Change points</source>
        <translation>突变点</translation>
    </message>
    <message>
        <source>Table, one row per zone: change_year, pettitt_k, pettitt_p, significant, slope_before, slope_after, mean_before, mean_after, sen_slope, mk_p.</source>
        <translation>表格，每个分区一行：change_year、pettitt_k、pettitt_p、significant、slope_before、slope_after、mean_before、mean_after、sen_slope、mk_p。</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>HTML page with the chart of the series (inline SVG) and the change-point table.</source>
        <translation>包含序列图（内嵌 SVG）和突变点表的 HTML 页面。</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>The zone polygons (footprints, rings, districts) in the raster CRS.</source>
        <translation>栅格坐标系下的分区多边形（矿区范围、缓冲环、行政区）。</translation>
    </message>
    <message>
        <source>Number of zones</source>
        <translation>分区数</translation>
    </message>
    <message>
        <source>Cannot read the rings {text}; write distance ranges in metres such as 0-1000, 1000-5000.</source>
        <translation>无法读取缓冲环 {text}；请以米为单位写出距离区间，如 0-1000, 1000-5000。</translation>
    </message>
    <message>
        <source>The ring {a:g}-{b:g} m reaches farther than {limit:g} km from the footprints; rings are meant for the surroundings of mines (give distances in metres).</source>
        <translation>环带 {a:g}-{b:g} 米离开采区超过 {limit:g} 公里；环带用于矿区周边（距离以米为单位）。</translation>
    </message>
    <message>
        <source>No zone: give mining footprints and/or district polygons.</source>
        <translation>没有分区：请提供矿区范围和/或行政区多边形。</translation>
    </message>
    <message>
        <source>Pixel rule: {rule}; series statistic for the change point: {stat}; alpha {alpha:g}</source>
        <translation>像元规则：{rule}；突变点检验所用序列统计量：{stat}；alpha {alpha:g}</translation>
    </message>
    <message>
        <source>touched pixels</source>
        <translation>接触到的像元</translation>
    </message>
    <message>
        <source>pixel centre inside</source>
        <translation>像元中心在分区内</translation>
    </message>
    <message>
        <source>Zone {zone} covers no pixel centre of the raster; its series is empty (try 'Count every pixel a zone touches').</source>
        <translation>分区 {zone} 未覆盖任何栅格像元中心，其序列为空（可尝试“统计分区接触到的所有像元”）。</translation>
    </message>
    <message>
        <source>Every pixel of {layer} inside the zones is NoData in every year: there is no series to analyse.</source>
        <translation>{layer} 在各分区内的所有像元在每一年都是 NoData：没有可分析的时间序列。</translation>
    </message>
    <message>
        <source>Zone {zone}: every pixel is NoData in every year; its series is empty.</source>
        <translation>分区 {zone}：所有像元在每一年都是 NoData，其时间序列为空。</translation>
    </message>
    <message>
        <source>{zone}: change after {year} (K = {k:g}, p = {p:.3g}{sig}); slope {before:.4g}/yr before, {after:.4g}/yr after</source>
        <translation>{zone}：{year} 年后突变（K = {k:g}，p = {p:.3g}{sig}）；突变前斜率 {before:.4g}/年，突变后 {after:.4g}/年</translation>
    </message>
    <message>
        <source>, significant</source>
        <translation>，显著</translation>
    </message>
    <message>
        <source>The chart needs the Python package matplotlib; install it or leave the Chart output empty.</source>
        <translation>图表需要 Python 包 matplotlib；请安装它或将“图表”输出留空。</translation>
    </message>
    <message>
        <source>Layer {layer} has no polygon.</source>
        <translation>图层 {layer} 中没有多边形。</translation>
    </message>
    <message>
        <source>footprints</source>
        <translation>矿区范围</translation>
    </message>
    <message>
        <source>Rings need the mining footprints layer.</source>
        <translation>缓冲环需要矿区范围图层。</translation>
    </message>
    <message>
        <source>Rings built in {crs}.</source>
        <translation>缓冲环在 {crs} 中构建。</translation>
    </message>
    <message>
        <source>Could not transform the ring {a}-{b} m to the raster CRS.</source>
        <translation>无法将 {a}-{b} 米缓冲环转换到栅格坐标系。</translation>
    </message>
    <message>
        <source>ring {a}-{b} m</source>
        <translation>{a}-{b} 米缓冲环</translation>
    </message>
    <message>
        <source>Annual {stat} of {layer}</source>
        <translation>{layer} 的逐年{stat}</translation>
    </message>
    <message>
        <source>Annual series by zone</source>
        <translation>各分区逐年序列</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Change after</source>
        <translation>突变年份</translation>
    </message>
    <message>
        <source>Significant</source>
        <translation>显著</translation>
    </message>
    <message>
        <source>Slope before</source>
        <translation>突变前斜率</translation>
    </message>
    <message>
        <source>Slope after</source>
        <translation>突变后斜率</translation>
    </message>
    <message>
        <source>Theil-Sen slope</source>
        <translation>Theil-Sen 斜率</translation>
    </message>
    <message>
        <source>Mann-Kendall p</source>
        <translation>Mann-Kendall p 值</translation>
    </message>
    <message>
        <source>Pettitt test on the annual {stat}; a change is significant when p &lt; {alpha:g}. Slopes are Theil-Sen slopes per year of the years up to and including the change year (before) and after it.</source>
        <translation>对逐年{stat}进行 Pettitt 检验；p &lt; {alpha:g} 时突变显著。斜率为 Theil-Sen 斜率（单位/年），分别针对突变年份及之前（突变前）和之后的年份。</translation>
    </message>
    <message>
        <source>Zonal annual series</source>
        <translation>分区逐年序列</translation>
    </message>
</context>
<context>
    <name>ZoneInputs</name>
    <message>
        <source>Zone field of the footprints</source>
        <translation>图斑的分区字段</translation>
    </message>
    <message>
        <source>Zone layer</source>
        <translation>分区图层</translation>
    </message>
    <message>
        <source>Zone name field</source>
        <translation>分区名称字段</translation>
    </message>
    <message>
        <source>Field of the zone layer naming the zones; required with a zone layer.</source>
        <translation>分区图层中给出分区名称的字段；使用分区图层时必填。</translation>
    </message>
    <message>
        <source>Give zones either as the field {field} of the footprints or as the zone layer {layer}, not both.</source>
        <translation>分区只能由图斑的字段 {field} 或分区图层 {layer} 之一给出，不能同时给出。</translation>
    </message>
    <message>
        <source>Choose the zone name field of the zone layer {layer}.</source>
        <translation>请选择分区图层 {layer} 的分区名称字段。</translation>
    </message>
</context>
</TS>
