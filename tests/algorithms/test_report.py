"""minemonitor:report: maps rendered by QGIS, tables and embedded reports in one HTML file."""

from __future__ import annotations

import base64
import re

import pytest


def test_report_renders_styled_map_and_table(run_alg, shared_data, tmp_path):
    from qgis.PyQt.QtGui import QImage

    cells = f"{shared_data}/maus_mining_area_grid_v2/maus_v2_5arcmin_cells_nw_bbox.gpkg|layername=mining_cells"
    provinces = f"{shared_data}/cn_admin_nw4_counties/nw4_admin.gpkg|layername=province"
    grid = tmp_path / "grid.gpkg"
    run_alg("minemonitor:fishnetdensity", {"INPUT": cells, "STUDY_AREA": provinces, "CELL_SIZE": 100000,
                                           "WEIGHT_FIELD": "mining_area_km2", "OUTPUT": str(grid)})
    embedded = tmp_path / "other.html"
    embedded.write_text("<html><head><style>p{}</style></head><body><p id='x'>Moran scatterplot here</p></body></html>",
                        encoding="utf-8")
    out = tmp_path / "report.html"
    res = run_alg("minemonitor:report", {"TITLE": "NW China 2022", "MAP_LAYERS": [str(grid)], "TABLES": [str(grid)],
                                         "REPORTS": [str(embedded)], "MAX_ROWS": 5, "OUTPUT": str(out)})
    text = out.read_text(encoding="utf-8")
    assert res["OUTPUT"] == str(out)
    assert "<h1>NW China 2022</h1>" in text
    assert "Moran scatterplot here" in text and "p{}" not in text  # embedded content, not its CSS
    table = re.search(r'<table data-source="[^"]*grid.gpkg[^"]*">(.*?)</table>', text, re.S).group(1)
    assert table.count("<tr>") == 6  # header + MAX_ROWS rows
    assert "Density (%)" in table and ">fid<" not in table  # readable header, no fid column
    assert "5 of " in text and "rows shown." in text
    png = re.search(r'<figure class="map"[^>]*>.*?src="data:image/png;base64,([^"]+)"', text, re.S).group(1)
    image = QImage.fromData(base64.b64decode(png), "PNG")
    assert image.width() > 1000  # the map page of the print layout (A4 landscape at 100 dpi)
    # the map is drawn with the graduated density style: several distinct fill colours
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) >= 5


def test_report_needs_content(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="at least one"):
        run_alg("minemonitor:report", {"OUTPUT": str(tmp_path / "r.html")})
    assert not (tmp_path / "r.html").exists()
