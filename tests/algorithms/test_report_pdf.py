"""minemonitor:report's print-layout PDF and HTML on the spatial pattern outputs of the sample data.

The PDF is read back as a user sees it: pages rendered to images with pdftoppm (map pages must show a
map, not an empty frame), text extracted with pdftotext (titles, legends, CRS names, the class-share
tables, equal to the algorithms' outputs), fonts listed with pdffonts (Chinese runs embed a CJK font).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
CELLS = f"{SAMPLE}/maus_mining_cells.gpkg|layername=mining_cells"
PROVINCES = f"{SAMPLE}/nw4_admin.gpkg|layername=province"
FORBIDDEN = ("PROJCRS", "NoGeometry", "wkt:", "example.org", "unknown", "Unknown CRS")
LISA_CLASSES = {"HH": "high-high cluster", "HL": "high-low outlier", "LH": "low-high outlier",
                "LL": "low-low cluster", "NS": "not significant", "NN": "no neighbours"}
GI_CLASSES = {"HOT_99": "hot spot, 99 % confidence", "HOT_95": "hot spot, 95 % confidence",
              "HOT_90": "hot spot, 90 % confidence", "NOT_SIGNIFICANT": "not significant",
              "COLD_90": "cold spot, 90 % confidence", "COLD_95": "cold spot, 95 % confidence",
              "COLD_99": "cold spot, 99 % confidence"}

pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils missing: run make setup")


def pdf_text(path, first: int | None = None, last: int | None = None, layout: bool = True) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else []) + (["-f", str(first), "-l", str(last or first)]
                                                              if first else []) + [str(path), "-"]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return text.replace("\ufb01", "fi").replace("\ufb02", "fl")  # ligatures as the letters a reader sees


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def page_image(path, page: int, out_dir: Path, dpi: int = 40):
    from qgis.PyQt.QtGui import QImage

    prefix = out_dir / f"page{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", str(path), str(prefix)],
                   check=True)
    image = QImage(str(next(out_dir.glob(f"page{page}-*.png"))))
    assert not image.isNull()
    return image


def colours_in(image, x0: float, y0: float, x1: float, y1: float) -> tuple[int, float]:
    """Distinct colours and the share of non-white pixels in a region given as fractions of the page."""
    w, h = image.width(), image.height()
    seen, painted, total = set(), 0, 0
    for x in range(int(x0 * w), int(x1 * w), 2):
        for y in range(int(y0 * h), int(y1 * h), 2):
            pixel = image.pixel(x, y) & 0xFFFFFF
            seen.add(pixel)
            painted += pixel != 0xFFFFFF
            total += 1
    return len(seen), painted / max(total, 1)


@pytest.fixture(scope="module")
def pattern(qgis_app, tmp_path_factory):
    """Fishnet, global Moran, local Moran and Gi* on the bundled Maus cells, then the report (HTML + PDF)."""
    import processing

    out = tmp_path_factory.mktemp("report_pdf")
    run = {}
    run["fishnet"] = processing.run("minemonitor:fishnetdensity", {
        "INPUT": CELLS, "STUDY_AREA": PROVINCES, "CELL_SIZE": 100000, "WEIGHT_FIELD": "mining_area_km2",
        "OUTPUT": str(out / "fishnet.gpkg")})
    stats = {"INPUT": str(out / "fishnet.gpkg"), "FIELD": "density_pct"}
    run["global"] = processing.run("minemonitor:globalautocorrelation", {
        **stats, "PERMUTATIONS": 99, "OUTPUT_REPORT": str(out / "global.html")})
    run["lisa"] = processing.run("minemonitor:localmoran", {
        **stats, "PERMUTATIONS": 99, "OUTPUT": str(out / "lisa.gpkg"), "OUTPUT_SUMMARY": str(out / "lisa_summary.gpkg"),
        "OUTPUT_REPORT": str(out / "lisa.html")})
    run["hot"] = processing.run("minemonitor:hotspots", {
        **stats, "OUTPUT": str(out / "hot.gpkg"), "OUTPUT_SUMMARY": str(out / "hot_summary.gpkg"),
        "OUTPUT_REPORT": str(out / "hot.html")})
    run["report"] = processing.run("minemonitor:report", {
        "TITLE": "Spatial pattern test",
        "MAP_LAYERS": [str(out / n) for n in ("fishnet.gpkg", "lisa.gpkg", "hot.gpkg")],
        "CONTEXT_LAYERS": [PROVINCES], "REPORTS": [str(out / n) for n in ("global.html", "lisa.html", "hot.html")],
        "ATTRIBUTION": "Maus et al. 2022 (CC BY-SA 4.0)", "OUTPUT": str(out / "report.html"),
        "OUTPUT_PDF": str(out / "report.pdf")})
    run["dir"] = out
    return run


def test_pdf_has_contents_and_a_full_map_page_per_map(pattern, tmp_path):
    pdf = pattern["dir"] / "report.pdf"
    pages = pdf_pages(pdf)
    assert pages == pattern["report"]["PDF_PAGES"] >= 8
    first = pdf_text(pdf, 1)
    assert "Spatial pattern test" in first and "Contents" in first
    titles = ("Mining density per fishnet cell", "Clusters and outliers (local Moran's I)",
              "Significance of local Moran's I", "Hot and cold spots (Getis-Ord Gi*)")
    contents = {}
    for title in titles:
        match = re.search(re.escape(title) + r"\s+(\d+)", first)
        assert match, title
        contents[title] = int(match.group(1))
    legends = {"Mining density per fishnet cell": "0 (no mining)",
               "Clusters and outliers (local Moran's I)": "High-High (HH)",
               "Significance of local Moran's I": "p < 0.001",
               "Hot and cold spots (Getis-Ord Gi*)": "Hot spot - 99% confidence"}
    for title, page in contents.items():
        text = pdf_text(pdf, page)
        assert title in text, (title, page)
        assert "Legend" in text and legends[title] in text and "Boundaries" in text
        assert re.search(r"\b\d+\s+km\b", text), "scale bar"
        assert "Coordinate reference system: MineMonitor Albers equal-area (lon0 " in text
        assert "Data: " in text and re.search(r"\d{4}-\d{2}-\d{2}", text)  # source line and date
        assert f"{page} / {pages}" in text  # page number
        image = page_image(pdf, page, tmp_path)
        # the map frame (left 70 % of an A4 landscape page, below the title): a map, not an empty frame
        distinct, painted = colours_in(image, 0.06, 0.15, 0.66, 0.80)
        assert distinct >= 4 and painted > 0.25, (title, distinct, painted)
    text = pdf_text(pdf)
    for word in FORBIDDEN:
        assert word not in text, word


def _table_rows(text: str, labels: dict) -> dict:
    """Class label -> the numbers printed after it on its line."""
    rows = {}
    for key, label in labels.items():
        line = next((ln for ln in text.splitlines() if ln.strip().startswith(label)), None)
        assert line is not None, label
        rows[key] = re.findall(r"-?\d+(?:\.\d+)?", line[line.index(label) + len(label):])
    return rows


def test_pdf_class_share_tables_equal_the_algorithm_outputs(pattern):
    text = pdf_text(pattern["dir"] / "report.pdf")
    for result, labels, heading in ((pattern["lisa"], LISA_CLASSES, "Clusters and outliers\n"),
                                    (pattern["hot"], GI_CLASSES, "Hot and cold spots\n")):
        start = text.index(heading, text.index("Contents") + 2000 if len(text) > 4000 else 0)
        section = text[start:text.index("Settings", start)]
        rows = _table_rows(section, labels)
        for key, numbers in rows.items():
            # features, features %, area (km²), area %
            assert int(numbers[0]) == result[f"COUNT_{key}"], key
            assert float(numbers[3]) == pytest.approx(result[f"AREA_PCT_{key}"], abs=0.005), key
        assert sum(int(n[0]) for n in rows.values()) == result["N"]


def test_summary_tables_equal_the_number_outputs(pattern):
    for result, path in ((pattern["lisa"], "lisa_summary.gpkg"), (pattern["hot"], "hot_summary.gpkg")):
        assert result["OUTPUT_SUMMARY"]
        with sqlite3.connect(pattern["dir"] / path) as db:
            table = db.execute("select table_name from gpkg_contents").fetchone()[0]
            rows = db.execute(f'select class, label, features, features_pct, area_km2, area_pct from "{table}"')
            rows = rows.fetchall()
        assert len(rows) == len(LISA_CLASSES if "lisa" in path else GI_CLASSES)
        for key, label, features, fpct, _area, apct in rows:
            assert features == result[f"COUNT_{key}"]
            assert apct == pytest.approx(result[f"AREA_PCT_{key}"], rel=1e-12)
            assert fpct == pytest.approx(100.0 * features / result["N"])
            assert label and label != key  # words, not codes
        assert sum(r[5] for r in rows) == pytest.approx(100.0)
        assert sum(r[4] for r in rows) > 0


def test_pdf_carries_the_statistics_reports(pattern):
    text = pdf_text(pattern["dir"] / "report.pdf", layout=False)
    moran = pattern["global"]["MORANS_I"]
    assert f"Moran's I = {moran:.4f}" in text  # scatterplot / reference distribution titles and the verdict
    assert "Reference distribution" in text and "Moran scatterplot" in text
    html = (pattern["dir"] / "report.html").read_text(encoding="utf-8")
    assert "HH (high-high)" in html and "LL (low-low)" in html  # quadrant labels of the scatterplots
    assert html.count("<svg") >= 3  # the two scatterplots and the reference distribution
    assert "Maus et al. 2022 (CC BY-SA 4.0)" in text  # attribution
    assert "fishnet.gpkg" in text  # data sources by file name


def test_html_report_has_the_same_content(pattern):
    import base64

    from qgis.PyQt.QtGui import QImage

    html = (pattern["dir"] / "report.html").read_text(encoding="utf-8")
    images = re.findall(r'<figure class="map"[^>]*>.*?src="data:image/png;base64,([^"]+)"', html, re.S)
    assert len(images) == 4
    for data in images:
        image = QImage.fromData(base64.b64decode(data), "PNG")
        assert image.width() > 900 and image.height() > 500
    assert '<nav class="contents">' in html and "Data sources" in html
    assert "<svg" in html and "Moran scatterplot" in html
    for word in FORBIDDEN:
        assert word not in re.sub(r"data:image/png;base64,[^\"]+", "", html), word


def test_wide_and_long_table_is_never_cut(run_alg, make_layer, tmp_path):
    names = [f"change_component_{i:02d}_km2" for i in range(18)]
    rng = np.random.default_rng(1)
    fields = {"key": [f"GS-{k:04d}" for k in range(120)]}
    fields.update({n: [float(v) for v in rng.normal(scale=1000, size=120)] for n in names})
    table = make_layer(tmp_path / "wide.gpkg", [None] * 120, fields=fields, layer="wide")
    res = run_alg("minemonitor:report", {"TITLE": "Wide", "TABLES": [table], "MAX_ROWS": 100,
                                         "OUTPUT": str(tmp_path / "w.html"), "OUTPUT_PDF": str(tmp_path / "w.pdf")})
    text = pdf_text(tmp_path / "w.pdf", layout=False)
    groups = len(re.findall(r"columns \d+-\d+ of 19", text))
    assert groups >= 2  # split into column groups
    for i in range(18):
        assert f"{i:02d} (km²)" in text, i  # every column's header (readable: "Change component 07 (km²)")
    for k in range(100):
        assert text.count(f"GS-{k:04d}") == groups, k  # every row in every column group
    assert "GS-0100" not in text and "100 of 120 rows shown." in text
    assert res["PDF_PAGES"] == pdf_pages(tmp_path / "w.pdf") > 3


def test_report_in_zh_hans_writes_chinese_legends_and_pdf(run_alg, tmp_path):
    """A run in QGIS's zh-Hans locale: Chinese legends stored in the outputs, Chinese report and PDF in a
    CJK font; an English run afterwards writes English legends again."""
    from minemonitor_plugin.i18n import install_translator, remove_translator

    fishnet = str(tmp_path / "fishnet.gpkg")
    run_alg("minemonitor:fishnetdensity", {"INPUT": CELLS, "STUDY_AREA": PROVINCES, "CELL_SIZE": 100000,
                                           "WEIGHT_FIELD": "mining_area_km2", "OUTPUT": fishnet})
    assert install_translator("zh-Hans")
    try:
        lisa = run_alg("minemonitor:localmoran", {"INPUT": fishnet, "FIELD": "density_pct", "PERMUTATIONS": 99,
                                                  "OUTPUT": str(tmp_path / "lisa_zh.gpkg")})
        res = run_alg("minemonitor:report", {"TITLE": "采矿空间格局", "MAP_LAYERS": [lisa["OUTPUT"]],
                                             "CONTEXT_LAYERS": [PROVINCES], "OUTPUT": str(tmp_path / "zh.html"),
                                             "OUTPUT_PDF": str(tmp_path / "zh.pdf")})
    finally:
        remove_translator()
    assert res["LANGUAGE"] == "zh_CN"
    with sqlite3.connect(tmp_path / "lisa_zh.gpkg") as db:
        styles = dict(db.execute("select styleName, styleQML from layer_styles"))
    assert "高-高（HH）" in styles["lisa_clusters"] and "High-High" not in styles["lisa_clusters"]
    assert "不显著（p ≥ 0.05）" in styles["lisa_significance"] and "p &lt; 0.05" in styles["lisa_significance"]
    # the PDF is in Chinese, in an embedded CJK font (text extraction of CJK fonts is lossy for digits
    # and full-width brackets, so words without them are checked; the HTML has the exact texts)
    text = unicodedata.normalize("NFKC", pdf_text(tmp_path / "zh.pdf"))  # Kangxi radicals as the characters
    for word in ("目录", "图例", "坐标参考系", "聚类与异常值", "局部莫兰指数的显著性", "不显著", "边界"):
        assert word in text, word
    html = (tmp_path / "zh.html").read_text(encoding="utf-8")
    for word in ("聚类与异常值（局部莫兰指数）", "局部莫兰指数的显著性", "数据来源", "目录"):
        assert word in html, word
    fonts = subprocess.run(["pdffonts", str(tmp_path / "zh.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"NotoSansCJK|WenQuanYi|SourceHanSans", fonts), fonts
    assert '<html lang="zh-CN">' in (tmp_path / "zh.html").read_text(encoding="utf-8")

    english = run_alg("minemonitor:localmoran", {"INPUT": fishnet, "FIELD": "density_pct", "PERMUTATIONS": 0,
                                                 "OUTPUT": str(tmp_path / "lisa_en.gpkg")})
    assert english["OUTPUT"]
    with sqlite3.connect(tmp_path / "lisa_en.gpkg") as db:
        qml = db.execute("select styleQML from layer_styles where styleName = 'lisa_clusters'").fetchone()[0]
    assert "High-High (HH)" in qml and "高-高" not in qml


def test_report_refuses_a_template_without_map_and_writes_nothing(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    bad = tmp_path / "bad.qpt"
    bad.write_text('<Layout name="x" units="mm"><PageCollection/></Layout>', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="template"):
        run_alg("minemonitor:report", {"MAP_LAYERS": [CELLS], "TEMPLATE": str(bad),
                                       "OUTPUT": str(tmp_path / "r.html"), "OUTPUT_PDF": str(tmp_path / "r.pdf")})
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "r.pdf").exists()
    assert not list(tmp_path.glob(".minemonitor-*"))


def test_report_cancel_leaves_no_file(run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException):
        run_alg("minemonitor:report", {"MAP_LAYERS": [CELLS], "OUTPUT": str(tmp_path / "c.html"),
                                       "OUTPUT_PDF": str(tmp_path / "c.pdf")}, feedback=feedback)
    assert not (tmp_path / "c.html").exists() and not (tmp_path / "c.pdf").exists()


def test_report_pdf_through_qgis_process(qgis_process, tmp_path):
    result = qgis_process("minemonitor:report", {
        "TITLE": "Cells", "MAP_LAYERS": CELLS, "CONTEXT_LAYERS": PROVINCES, "PAGE_FORMAT": 1,
        "OUTPUT": tmp_path / "q.html", "OUTPUT_PDF": tmp_path / "q.pdf"})["results"]
    assert result["PDF_PAGES"] == pdf_pages(tmp_path / "q.pdf") >= 2
    info = subprocess.run(["pdfinfo", str(tmp_path / "q.pdf")], capture_output=True, text=True).stdout
    assert "595 x 842 pts" in info  # A4 portrait
    assert "Coordinate reference system: WGS 84 (EPSG:4326)" in pdf_text(tmp_path / "q.pdf")


def _ink_height(svg: str) -> int:
    """Rows of non-white pixels when Qt's SVG renderer (what the print layout uses) draws ``svg``."""
    from qgis.PyQt.QtCore import QByteArray
    from qgis.PyQt.QtGui import QColor, QImage, QPainter
    from qgis.PyQt.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    assert renderer.isValid()
    image = QImage(400, 200, QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    pixels = np.frombuffer(image.constBits().asstring(image.sizeInBytes()), dtype=np.uint8).reshape(200, 400, 4)
    rows = np.flatnonzero((pixels[..., :3] < 128).any(axis=(1, 2)))
    return int(rows[-1] - rows[0] + 1) if rows.size else 0


@pytest.mark.parametrize("style", [
    "font: {size}px 'DejaVu Sans', 'Noto Sans CJK SC', sans-serif",  # matplotlib's shorthand with a list
    "font: bold {size}px 'Noto Sans CJK SC', 'DejaVu Sans'",
    "font-size:{size}px; font-family:'Microsoft YaHei', 'DejaVu Sans', sans-serif",
])
def test_chart_text_keeps_its_size_in_the_pdf(qgis_app, style):
    """Chart labels are drawn at the size matplotlib laid them out for: with the family list or the
    shorthand left as it was, Qt drew every label at its default size and the legend lines overlapped."""
    from minemonitor_plugin.reporting.layout import _svg_fonts

    def svg(size: int) -> str:
        return ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">'
                f'<text x="10" y="150" style="{style.format(size=size)}">Hg 会宁县</text></svg>')

    family = "DejaVu Sans"
    small, large = (_ink_height(_svg_fonts(svg(size), family)) for size in (10, 40))
    assert small > 0
    assert large / small == pytest.approx(4.0, rel=0.2)
