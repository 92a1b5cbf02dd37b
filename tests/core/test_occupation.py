"""Occupation type codes: every Table 1 code round-trips, normalisation, unknown codes reported."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from minemonitor_plugin.core.errors import InvalidInputError
from minemonitor_plugin.core.occupation import (
    FLAG_EMPTY,
    FLAG_NORMALISED,
    FLAG_OK,
    FLAG_UNKNOWN,
    canonical_key,
    classify_occupation,
    load_code_table,
)

# Table 1 of the paper ("Types of mining occupations in open-pit mines"), typed from the paper.
TABLE_1 = [
    ("10", "Stope", "Stope"),
    ("2A", "Coal storage yard", "Transit site"),
    ("2B", "Other ore stockpiles", "Transit site"),
    ("2C", "Coal washing plant", "Transit site"),
    ("2D", "Mineral processing plant", "Transit site"),
    ("2E", "Processing pond", "Transit site"),
    ("3B", "Tailings pond", "Tailings pond"),
    ("3C", "Coal gangue pile", "Solid waste"),
    ("3D", "Gangue pile", "Solid waste"),
    ("3E", "Topsoil stockpile", "Solid waste"),
    ("3F", "Internal waste dump", "Solid waste"),
    ("3G", "External waste dump", "Solid waste"),
    ("4A", "Production area", "Mining building"),
    ("4B", "Residential area", "Mining building"),
    ("4C", "Administrative area", "Mining building"),
    ("4D", "Mine access road", "Mining road"),
    ("4E", "Mine railway", "Mining road"),
    ("5A", "Subsidence crater", "Subsidence crater"),
    ("GC", "Restoration and rehabilitation project", "Remediation area"),
]
LEGENDS = [
    "Stope",
    "Transit site",
    "Tailings pond",
    "Solid waste",
    "Mining building",
    "Mining road",
    "Subsidence crater",
    "Remediation area",
]


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_bundled_table_is_table_1():
    table = load_code_table()
    assert table.codes == tuple(code for code, _, _ in TABLE_1)
    assert table.name_en == tuple(name for _, name, _ in TABLE_1)
    assert table.legend_en == tuple(legend for _, _, legend in TABLE_1)
    assert [en for _, en, _ in table.legends] == LEGENDS
    assert all(_has_cjk(t) for t in table.name_zh + table.legend_zh)


@pytest.mark.parametrize(("code", "name", "legend"), TABLE_1)
def test_every_table_1_code_round_trips(code, name, legend):
    variants = [code, code.lower(), f" {code} ", code[0] + " " + code[1:]]
    r = classify_occupation(variants)
    assert r.code.tolist() == [code] * 4
    assert r.type_name_en.tolist() == [name] * 4
    assert r.legend_en.tolist() == [legend] * 4
    assert r.legend_code.tolist() == [LEGENDS.index(legend) + 1] * 4
    assert all(_has_cjk(t) for t in r.type_name_zh.tolist() + r.legend_zh.tolist())
    # the exact code is valid; every other spelling is valid after normalisation (and reported)
    expected = [FLAG_OK] + [FLAG_NORMALISED if v != code else FLAG_OK for v in variants[1:]]
    assert r.flag.tolist() == expected


def test_numeric_codes_and_full_width_input():
    r = classify_occupation([10, 10.0, "10", "10.0", "２ａ", np.int64(10)])
    assert r.code.tolist() == ["10", "10", "10", "10", "2A", "10"]
    assert (r.type_index >= 0).all()
    # numbers from a numeric column are not "normalised"; the texts "10.0" and full-width "２ａ" are
    assert r.flag.tolist() == [FLAG_OK, FLAG_OK, FLAG_OK, FLAG_NORMALISED, FLAG_NORMALISED, FLAG_OK]
    assert canonical_key(float("nan")) == ""
    assert canonical_key(None) == ""
    assert canonical_key(" mine 7 ") == "mine 7"


def test_unknown_and_empty_codes_are_reported_kept_and_flagged():
    codes = ["2A", "9Z", None, "", "   ", "x1", "9z", float("nan"), "GC"]
    areas = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0]
    r = classify_occupation(codes, areas=areas)
    assert len(r.flag) == len(codes)  # nothing dropped
    assert r.unknown_index.tolist() == [1, 5, 6]
    assert r.empty_index.tolist() == [2, 3, 4, 7]
    assert r.unknown_codes == (("9Z", 2), ("X1", 1))
    ok, unknown, empty = FLAG_OK, FLAG_UNKNOWN, FLAG_EMPTY
    assert r.flag.tolist() == [ok, unknown, empty, empty, empty, unknown, unknown, empty, ok]
    assert r.legend_code.tolist() == [2, 0, 0, 0, 0, 0, 0, 0, 8]
    assert r.type_name_en[1] is None and r.legend_en[2] is None
    # legend summary: Transit site 1 record / 1 m², Remediation area 256 m², unknown row last with the rest
    by = r.by_legend
    assert by.key[-1] == 0
    counts = dict(zip(by.key, by.count.tolist(), strict=True))
    areas_by = dict(zip(by.key, by.area.tolist(), strict=True))
    assert counts[2] == 1 and counts[8] == 1 and counts[0] == 7 and counts[1] == 0
    assert areas_by[0] == pytest.approx(2 + 4 + 8 + 16 + 32 + 64 + 128)
    np.testing.assert_allclose(by.area_share.sum(), 1.0)
    # type summary lists each unknown code and the empty code separately
    types = dict(zip(r.by_type.key, r.by_type.count.tolist(), strict=True))
    assert types["9Z"] == 2 and types["X1"] == 1 and types[""] == 4 and types["2A"] == 1
    assert r.by_type.count.sum() == len(codes)


def test_summary_per_legend_sums_areas():
    codes = ["10", "2A", "2B", "3C", "3G", "10"]
    areas = np.array([5.0, 1.0, 2.0, 3.0, 4.0, 5.0])
    r = classify_occupation(codes, areas=areas)
    by = r.by_legend
    assert list(by.key) == list(range(1, 9))  # no unknown row when every code is known
    np.testing.assert_allclose(by.area[:4], [10.0, 3.0, 0.0, 7.0])
    np.testing.assert_allclose(by.count[:4], [2, 2, 0, 2])
    np.testing.assert_allclose(by.area_share[0], 10.0 / 20.0)


def test_user_extended_table(tmp_path):
    bundled = load_code_table().source
    text = Path(bundled).read_text(encoding="utf-8")
    path = tmp_path / "types.csv"
    path.write_text(text + "6a,Explosives store,炸药库,Hazard site,危险品场地\n", encoding="utf-8")
    table = load_code_table(path)
    assert table.codes[-1] == "6A"
    r = classify_occupation(["6A", "10"], table)
    assert r.legend_code.tolist() == [9, 1]
    assert r.legend_zh[0] == "危险品场地"


def test_code_table_errors(tmp_path):
    dup = tmp_path / "dup.csv"
    dup.write_text("code,name_en,name_zh,legend_en,legend_zh\n2A,a,a,L,L\n2a,b,b,L,L\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="code 2A twice"):
        load_code_table(dup)
    missing = tmp_path / "missing.csv"
    missing.write_text("code,name_en\n10,Stope\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="legend_en"):
        load_code_table(missing)
    empty_name = tmp_path / "empty.csv"
    empty_name.write_text("code,name_en,name_zh,legend_en,legend_zh\n10,,,Stope,\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="name_en on line 2"):
        load_code_table(empty_name)
    with pytest.raises(InvalidInputError, match="Cannot read"):
        load_code_table(tmp_path / "nope.csv")
