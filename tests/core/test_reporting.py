"""The report's blocks (no QGIS): HTML read back into blocks, column groups, fonts, charts."""

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minemonitor_plugin.reporting import document as doc
from minemonitor_plugin.reporting.fonts import CJK_FAMILIES, choose_family, css_font_stack
from minemonitor_plugin.reporting.html import html_document, html_heading, html_paragraph, html_table


def test_algorithm_reports_read_back_into_blocks():
    body = [html_heading("Clusters and outliers"),
            html_table(["Type", "Features", "Area %"], [["high-high cluster", 13, 4.63], ["Total", 343, 100.0]],
                       digits=2, total_last=True),
            html_paragraph("p-values: folded.", "note"),
            '<svg width="100pt" height="50pt"><text>chart</text></svg>',
            doc.figure_html(doc.MapFigure("LISA", source="/x/lisa.gpkg|layername=l", context=["/x/p.gpkg"],
                                          style="lisa_significance", legend=[("#ff0000", "High-High (HH)")]), "QUJD")]
    title, blocks = doc.parse_html(html_document("Cluster and outlier analysis", body))
    assert title == "Cluster and outlier analysis"
    heading, table, note, chart, figure = blocks
    assert heading == doc.Heading("Clusters and outliers", 2)
    assert table.headers == ["Type", "Features", "Area %"]
    assert table.rows == [["high-high cluster", "13", "4.63"], ["Total", "343", "100.00"]]
    assert table.total_last and table.left_columns == 1
    assert note == doc.Paragraph("p-values: folded.", "note")
    assert isinstance(chart, doc.Chart) and "<text>chart</text>" in chart.svg
    assert figure.title == "LISA" and figure.source == "/x/lisa.gpkg|layername=l"
    assert figure.context == ["/x/p.gpkg"] and figure.style == "lisa_significance"
    assert figure.png == "QUJD" and figure.legend == [("#ff0000", "High-High (HH)")]


def test_combined_report_cover_contents_and_sources_are_not_content():
    text = ('<html><body><header class="cover"><h1>Model</h1><p class="meta">Generated on 2026-01-01</p></header>'
            '<nav class="contents"><h2>Contents</h2><ol><li>Maps</li></ol></nav>'
            '<section class="part"><h2>Maps</h2><p>Body</p></section>'
            '<section class="sources"><h2>Data sources</h2><ul><li>Hot spots: hot_spots.gpkg</li></ul>'
            '</section></body></html>')
    title, blocks = doc.parse_html(text)
    assert title == "Model"
    assert blocks == [doc.Heading("Maps", 2), doc.Paragraph("Body"), doc.Source("Hot spots", "hot_spots.gpkg")]


def test_blocks_written_as_html_read_back_the_same():
    table = doc.Table(["Zone", "Area (km²)"], [["Gansu", "270.11"], ["All", "4581.04"]], total_last=True,
                      numeric=[False, True])
    blocks = [doc.Heading("Overlap", 3), doc.Paragraph("Two zones.", "meta"), table]
    html = "".join(doc.block_html(b, "columns {first}-{last} of {total}") for b in blocks)
    _, again = doc.parse_html(f"<html><body><h1>t</h1>{html}</body></html>")
    assert again[0] == blocks[0] and again[1] == blocks[1]
    assert again[2].headers == table.headers and again[2].rows == table.rows and again[2].total_last


def test_shift_headings():
    blocks = doc.shift_headings([doc.Heading("a", 2), doc.Paragraph("x"), doc.Heading("b", 6)], 1)
    assert [b.level for b in blocks if isinstance(b, doc.Heading)] == [3, 6]


def test_wide_table_is_split_into_groups_that_repeat_the_key():
    headers = ["Level", "Key"] + [f"change_{i}_km2" for i in range(16)]
    rows = [["mine", f"GS-{k}"] + [f"{k * i:.4f}" for i in range(16)] for k in range(30)]
    groups = doc.split_columns(headers, rows, 2, available=120.0)
    assert len(groups) > 1
    assert all(g[:2] == [0, 1] for g in groups)  # the row keys in every part
    own = [c for g in groups for c in g[2:]]
    assert sorted(own) == list(range(2, 18))  # every other column exactly once, none cut
    widths = doc.column_widths(headers, rows, doc.text_width_chars, 40.0)
    for group in groups:
        assert sum(widths[c] + 2.0 for c in group) <= 120.0 or len(group) == 3
    parts = doc.table_parts(doc.Table(headers, rows, 2), groups, "columns {first}-{last} of {total}")
    assert next(p.caption for p in parts).startswith("columns 3-")
    assert all(len(p.rows) == 30 and p.left_columns == 2 for p in parts)


def test_narrow_table_stays_whole():
    assert doc.split_columns(["a", "b"], [["1", "2"]], 1, 100.0) == [[0, 1]]
    table = doc.Table(["a", "b"], [["1", "2"]])
    assert doc.table_parts(table, [[0, 1]], "{first}") == [table]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(1, 40), min_size=1, max_size=25), st.integers(0, 3), st.floats(30.0, 300.0))
def test_column_groups_cover_every_column_once(widths, keys, available):
    headers = ["h" * w for w in widths]
    keys = min(keys, len(headers))
    groups = doc.split_columns(headers, [], keys, available)
    own = [c for g in groups for c in g if c >= keys]
    assert sorted(own) == list(range(keys, len(headers)))
    assert all(g[:keys] == list(range(keys)) for g in groups)


def test_cjk_characters_count_double_width():
    assert doc.text_width_chars("abc") == 3.0
    assert doc.text_width_chars("甘肃省") == 6.0


def test_fonts_for_chinese_and_without_cjk_fonts():
    installed = ["DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP"]
    assert choose_family("zh_CN", installed) == ("Noto Sans CJK SC", True)
    assert choose_family("zh_CN", ["DejaVu Sans", "WenQuanYi Micro Hei"]) == ("WenQuanYi Micro Hei", True)
    # no CJK font installed: a Latin family and the flag the report algorithm warns about
    assert choose_family("zh_CN", ["DejaVu Sans", "Liberation Sans"]) == ("DejaVu Sans", False)
    assert choose_family("zh_CN", []) == (None, False)
    assert choose_family("en", installed) == ("DejaVu Sans", False)
    assert choose_family("en", ["noto sans cjk sc"]) == ("noto sans cjk sc", True)  # case-insensitive
    assert css_font_stack("zh_CN").startswith(f"'{CJK_FAMILIES[0]}'")


def test_scatterplot_names_the_quadrants_and_i():
    pytest.importorskip("matplotlib")
    from minemonitor_plugin.reporting.charts import moran_scatter_svg

    rng = np.random.default_rng(3)
    z = rng.normal(size=50)
    svg = moran_scatter_svg(z, 0.5 * z + rng.normal(scale=0.1, size=50), "slope {slope:.2f}", "z", "lag",
                            title="Moran's I = 0.4812", quadrant_labels=("HH", "LH", "LL", "HL"))
    texts = re.findall(r"<!-- (.*?) -->|>([^<>]+)</text>", svg)
    flat = " ".join(a or b for a, b in texts)
    for word in ("HH", "LH", "LL", "HL", "Moran's I = 0.4812"):
        assert word in svg or word in flat, word


def test_reference_distribution_marks_observed_and_expected():
    pytest.importorskip("matplotlib")
    from minemonitor_plugin.reporting.charts import reference_distribution_svg

    svg = reference_distribution_svg(np.linspace(-0.1, 0.1, 99), 0.3, -0.01, "I = 0.3", "I", "n", "observed",
                                     "expected")
    assert svg.startswith("<svg") and "observed" in svg and "expected" in svg
    assert reference_distribution_svg([], 0.3, 0.0, "t", "x", "y", "o", "e") is None
