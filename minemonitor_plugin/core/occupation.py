"""Occupation type codes of open-pit mining footprints (paper Table 1): validation and classification."""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import InvalidInputError

#: The bundled code table (Table 1 of the paper, English and Chinese); users may pass an extended copy.
DEFAULT_CODE_TABLE = Path(__file__).resolve().parent.parent / "data" / "occupation_types.csv"

#: Columns every code table must have, in this order in the bundled file.
CODE_TABLE_COLUMNS = ("code", "name_en", "name_zh", "legend_en", "legend_zh")

FLAG_OK = 0
FLAG_NORMALISED = 1
FLAG_UNKNOWN = 2
FLAG_EMPTY = 3
#: Meaning of the integer ``flag`` given to every record.
FLAGS = {
    FLAG_OK: "valid",
    FLAG_NORMALISED: "valid after normalisation",
    FLAG_UNKNOWN: "unknown code",
    FLAG_EMPTY: "empty code",
}
#: ``legend_code`` of records whose code is unknown or empty (Table 1 legends are numbered from 1).
UNKNOWN_LEGEND = 0

_INTEGRAL_DECIMAL = re.compile(r"^([+-]?\d+)\.0*$")
_WHITESPACE = re.compile(r"\s+")


def canonical_key(value: object, *, fold_case: bool = False) -> str:
    """Canonical text of one code or identifier; ``""`` means missing.

    Parameters
    ----------
    value
        A code or identifier as read from an attribute table: ``str``, ``int``,
        ``float`` (e.g. a numeric code column), ``None`` or NaN.
    fold_case
        If True (occupation codes) remove all whitespace and upper-case, so
        ``" 2a"`` and ``"2 A"`` become ``"2A"``. If False (mine identifiers)
        only the surrounding whitespace is removed.

    Returns
    -------
    str
        Unicode NFKC-normalised text (full-width ``２Ａ`` typed with a Chinese
        input method becomes ``2A``); integral numbers lose a decimal part, so
        ``10``, ``10.0`` and ``"10.0"`` all give ``"10"``. ``None``, NaN and
        blank strings give ``""``.
    """
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, (bool, np.bool_, int, np.integer)):
        text = str(int(value))
    elif isinstance(value, (float, np.floating)):
        number = float(value)
        if math.isnan(number):
            return ""
        text = str(int(number)) if number.is_integer() else repr(number)
    else:
        text = str(value)
    text = unicodedata.normalize("NFKC", text).strip()
    if fold_case:
        text = _WHITESPACE.sub("", text).upper()
    match = _INTEGRAL_DECIMAL.match(text)
    if match:
        text = match.group(1)
    return text


def canonical_keys(values: Iterable[object], *, fold_case: bool = False) -> np.ndarray:
    """:func:`canonical_key` of every value, as an object array (``""`` = missing).

    Each distinct value is normalised once (attribute columns repeat few distinct codes).
    """
    cache: dict[tuple[type, object], str] = {}
    out = []
    for value in values:
        try:
            key = (type(value), value)
            text = cache.get(key)
            if text is None:
                text = cache[key] = canonical_key(value, fold_case=fold_case)
        except TypeError:  # unhashable value: normalise without caching
            text = canonical_key(value, fold_case=fold_case)
        out.append(text)
    result = np.empty(len(out), dtype=object)
    result[:] = out
    return result


@dataclass(frozen=True)
class CodeTable:
    """An occupation type code table (Table 1 of the paper, possibly extended by the user).

    Attributes
    ----------
    codes, name_en, name_zh, legend_en, legend_zh
        One entry per type, in file order; ``codes`` are canonical
        (:func:`canonical_key` with ``fold_case=True``).
    legend_code
        Integer legend category per type: legends are numbered 1, 2, ... in
        the order of their first appearance in the file (Table 1 order: 1 Stope,
        2 Transit site, 3 Tailings pond, 4 Solid waste, 5 Mining building,
        6 Mining road, 7 Subsidence crater, 8 Remediation area). 0 is reserved
        for unknown or empty codes.
    source
        Where the table was read from.
    """

    codes: tuple[str, ...]
    name_en: tuple[str, ...]
    name_zh: tuple[str, ...]
    legend_en: tuple[str, ...]
    legend_zh: tuple[str, ...]
    legend_code: tuple[int, ...]
    source: str

    @property
    def legends(self) -> tuple[tuple[int, str, str], ...]:
        """Distinct legend categories as ``(legend_code, legend_en, legend_zh)``, by code."""
        seen: dict[int, tuple[int, str, str]] = {}
        for code, en, zh in zip(self.legend_code, self.legend_en, self.legend_zh, strict=True):
            seen.setdefault(code, (code, en, zh))
        return tuple(seen[k] for k in sorted(seen))

    def index_of(self, codes: np.ndarray) -> np.ndarray:
        """Row of each canonical code in the table, -1 where the code is not listed."""
        lookup = {code: i for i, code in enumerate(self.codes)}
        return np.fromiter((lookup.get(c, -1) for c in codes), dtype=np.int64, count=len(codes))


def load_code_table(path: str | Path | None = None) -> CodeTable:
    """Read an occupation type code table from a UTF-8 CSV file.

    Parameters
    ----------
    path
        CSV file with the header ``code,name_en,name_zh,legend_en,legend_zh``
        (further columns are ignored). ``None`` reads the bundled Table 1
        (``minemonitor_plugin/data/occupation_types.csv``). To add local
        types, copy that file and append rows; a new ``legend_en`` value
        becomes a new legend category.

    Returns
    -------
    CodeTable

    Raises
    ------
    InvalidInputError
        If the file is missing, lacks a column, has a row without a code,
        English name or English legend, lists a code twice (after
        normalisation), or gives one English legend two Chinese legends.
        Empty Chinese cells fall back to the English text.
    """
    source = Path(path) if path is not None else DEFAULT_CODE_TABLE
    try:
        with open(source, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in (reader.fieldnames or [])]
            reader.fieldnames = header
            rows = list(reader)
    except OSError as exc:
        raise InvalidInputError(
            "Cannot read the occupation code table {path}: {reason}", path=str(source), reason=str(exc)
        ) from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InvalidInputError(
            "The occupation code table {path} is not a UTF-8 CSV file: {reason}", path=str(source), reason=str(exc)
        ) from exc
    missing = [c for c in CODE_TABLE_COLUMNS if c not in header]
    if missing:
        raise InvalidInputError(
            "The occupation code table {path} lacks the column(s) {columns}",
            path=str(source),
            columns=", ".join(missing),
        )
    codes: list[str] = []
    fields: dict[str, list[str]] = {c: [] for c in CODE_TABLE_COLUMNS[1:]}
    first_line: dict[str, int] = {}
    legend_zh_of: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
        code = canonical_key(row.get("code"), fold_case=True)
        if not code and not any((row.get(c) or "").strip() for c in CODE_TABLE_COLUMNS):
            continue  # blank line
        values = {c: (row.get(c) or "").strip() for c in CODE_TABLE_COLUMNS[1:]}
        for column, value in (("code", code), ("name_en", values["name_en"]), ("legend_en", values["legend_en"])):
            if not value:
                raise InvalidInputError(
                    "The occupation code table {path} has an empty {column} on line {line}",
                    path=str(source),
                    column=column,
                    line=line,
                )
        if code in first_line:
            raise InvalidInputError(
                "The occupation code table {path} lists code {code} twice (lines {first} and {second})",
                path=str(source),
                code=code,
                first=first_line[code],
                second=line,
            )
        values["name_zh"] = values["name_zh"] or values["name_en"]
        values["legend_zh"] = values["legend_zh"] or values["legend_en"]
        known_zh = legend_zh_of.setdefault(values["legend_en"], values["legend_zh"])
        if known_zh != values["legend_zh"]:
            raise InvalidInputError(
                "The occupation code table {path} gives legend {legend} two Chinese names ({first}, {second})",
                path=str(source),
                legend=values["legend_en"],
                first=known_zh,
                second=values["legend_zh"],
            )
        first_line[code] = line
        codes.append(code)
        for column, value in values.items():
            fields[column].append(value)
    if not codes:
        raise InvalidInputError("The occupation code table {path} has no codes", path=str(source))
    legend_numbers: dict[str, int] = {}
    for legend in fields["legend_en"]:
        legend_numbers.setdefault(legend, len(legend_numbers) + 1)
    return CodeTable(
        codes=tuple(codes),
        name_en=tuple(fields["name_en"]),
        name_zh=tuple(fields["name_zh"]),
        legend_en=tuple(fields["legend_en"]),
        legend_zh=tuple(fields["legend_zh"]),
        legend_code=tuple(legend_numbers[legend] for legend in fields["legend_en"]),
        source=str(source),
    )


@dataclass(frozen=True)
class CategorySummary:
    """Count and area per category (a type code or a legend category).

    Attributes
    ----------
    key
        Category key: the canonical type code, or the integer legend code
        (``0`` = unknown or empty code).
    label_en, label_zh
        Type name or legend text (for the unknown row: ``"Unknown or empty code"``).
    count
        Number of records.
    area
        Sum of the record areas (NaN when no areas were given).
    area_share
        ``area / area.sum()`` (NaN without areas).
    """

    key: tuple[object, ...]
    label_en: tuple[str, ...]
    label_zh: tuple[str, ...]
    count: np.ndarray
    area: np.ndarray
    area_share: np.ndarray


@dataclass(frozen=True)
class OccupationResult:
    """Per-record classification and report of :func:`classify_occupation`.

    Attributes
    ----------
    code
        Canonical code per record (``""`` where empty).
    raw_code
        The values as given.
    type_index
        Row in the code table, -1 for unknown or empty codes.
    type_name_en, type_name_zh, legend_en, legend_zh
        Names from the table; ``None`` for unknown or empty codes (kept, flagged).
    legend_code
        Integer legend category (see :class:`CodeTable`); 0 for unknown/empty.
    flag
        :data:`FLAGS` code per record: 0 valid, 1 valid after normalisation
        (e.g. ``"2a"`` or ``"2A "``), 2 unknown code, 3 empty code.
    unknown_index, empty_index, normalised_index
        Record positions with flag 2, 3 and 1.
    unknown_codes
        ``(canonical code, count)`` of each distinct unknown code, most frequent first.
    by_type, by_legend
        Count and area per type code (table order, then unknown codes) and per
        legend category (legend order, then the unknown row, present only when
        needed).
    table
        The code table used.
    """

    code: np.ndarray
    raw_code: np.ndarray
    type_index: np.ndarray
    type_name_en: np.ndarray
    type_name_zh: np.ndarray
    legend_en: np.ndarray
    legend_zh: np.ndarray
    legend_code: np.ndarray
    flag: np.ndarray
    unknown_index: np.ndarray
    empty_index: np.ndarray
    normalised_index: np.ndarray
    unknown_codes: tuple[tuple[str, int], ...]
    by_type: CategorySummary
    by_legend: CategorySummary
    table: CodeTable


UNKNOWN_LABEL_EN = "Unknown or empty code"
UNKNOWN_LABEL_ZH = "未知或空编码"


def classify_occupation(
    codes: Sequence[object] | np.ndarray,
    table: CodeTable | None = None,
    *,
    areas: Sequence[float] | np.ndarray | None = None,
) -> OccupationResult:
    """Validate occupation type codes against a code table and attach names and legends.

    Parameters
    ----------
    codes
        One code per record (text or numbers, e.g. ``"2A"``, ``" 2a"``, ``10``,
        ``"10"``, ``10.0``, ``None``).
    table
        Code table; default the bundled Table 1 (:func:`load_code_table`).
    areas
        Optional area per record (any unit), summed in the summaries.

    Returns
    -------
    OccupationResult

    Notes
    -----
    Codes are compared after :func:`canonical_key` with ``fold_case=True``
    (NFKC, whitespace removed, upper case, integral numbers without decimals).
    Records whose code is empty or not in the table are never dropped: they get
    ``legend_code`` 0, ``None`` names and flag 3 (empty) or 2 (unknown), and
    are listed in ``empty_index`` / ``unknown_index``.
    """
    table = table if table is not None else load_code_table()
    raw = np.empty(len(codes), dtype=object)
    raw[:] = list(codes)
    code = canonical_keys(raw, fold_case=True)
    n = len(code)
    if areas is not None:
        area = np.asarray(areas, dtype=float)
        if area.shape != (n,):
            raise InvalidInputError(
                "Got {n_areas} areas for {n_codes} occupation codes", n_areas=area.size, n_codes=n
            )
    else:
        area = np.full(n, np.nan)

    type_index = table.index_of(code)
    known = type_index >= 0
    empty = code == ""
    # "normalised" = a text code was recognised only after canonicalisation ("2a", " 2A");
    # numbers (10, 10.0 from a numeric column) are not flagged
    as_text = np.empty(n, dtype=object)
    as_text[:] = [v if isinstance(v, str) else c for v, c in zip(raw, code, strict=True)]
    normalised = known & (as_text != code)
    flag = np.full(n, FLAG_OK, dtype=np.int64)
    flag[normalised] = FLAG_NORMALISED
    flag[~known] = FLAG_UNKNOWN
    flag[empty] = FLAG_EMPTY

    def pick(values: tuple[object, ...]) -> np.ndarray:
        out = np.full(n, None, dtype=object)
        lut = np.empty(len(values), dtype=object)
        lut[:] = values
        out[known] = lut[type_index[known]]
        return out

    legend_code = np.zeros(n, dtype=np.int64)
    legend_code[known] = np.asarray(table.legend_code, dtype=np.int64)[type_index[known]]

    unknown = flag == FLAG_UNKNOWN
    distinct, counts = np.unique(code[unknown].astype(str), return_counts=True)
    order = np.lexsort((distinct, -counts))
    unknown_codes = tuple((str(distinct[i]), int(counts[i])) for i in order)

    total_area = np.nansum(area) if areas is not None else np.nan

    def summary(
        keys: list[object], labels_en: list[str], labels_zh: list[str], members: np.ndarray
    ) -> CategorySummary:
        k = len(keys)
        count = np.bincount(members, minlength=k)[:k]
        if areas is not None:
            summed = np.bincount(members, weights=np.nan_to_num(area), minlength=k)[:k]
            share = summed / total_area if total_area > 0 else np.full(k, np.nan)
        else:
            summed = np.full(k, np.nan)
            share = np.full(k, np.nan)
        return CategorySummary(tuple(keys), tuple(labels_en), tuple(labels_zh), count, summed, share)

    # by type: table rows, then each distinct unknown code, then the empty code
    n_types = len(table.codes)
    type_keys: list[object] = list(table.codes)
    type_en, type_zh = list(table.name_en), list(table.name_zh)
    type_member = np.where(known, type_index, 0)
    if unknown.any():
        pos = {c: n_types + i for i, (c, _) in enumerate(unknown_codes)}
        type_member[unknown] = [pos[c] for c in code[unknown]]
        type_keys += [c for c, _ in unknown_codes]
        type_en += [UNKNOWN_LABEL_EN] * len(unknown_codes)
        type_zh += [UNKNOWN_LABEL_ZH] * len(unknown_codes)
    if empty.any():
        type_member[empty] = len(type_keys)
        type_keys.append("")
        type_en.append(UNKNOWN_LABEL_EN)
        type_zh.append(UNKNOWN_LABEL_ZH)
    by_type = summary(type_keys, type_en, type_zh, type_member)

    legends = table.legends
    leg_keys: list[object] = [code_ for code_, _, _ in legends]
    leg_en = [en for _, en, _ in legends]
    leg_zh = [zh for _, _, zh in legends]
    leg_member = legend_code - 1
    if (~known).any():
        leg_member = np.where(known, leg_member, len(leg_keys))
        leg_keys.append(UNKNOWN_LEGEND)
        leg_en.append(UNKNOWN_LABEL_EN)
        leg_zh.append(UNKNOWN_LABEL_ZH)
    by_legend = summary(leg_keys, leg_en, leg_zh, leg_member)

    return OccupationResult(
        code=code,
        raw_code=raw,
        type_index=type_index,
        type_name_en=pick(table.name_en),
        type_name_zh=pick(table.name_zh),
        legend_en=pick(table.legend_en),
        legend_zh=pick(table.legend_zh),
        legend_code=legend_code,
        flag=flag,
        unknown_index=np.flatnonzero(unknown),
        empty_index=np.flatnonzero(empty),
        normalised_index=np.flatnonzero(normalised),
        unknown_codes=unknown_codes,
        by_type=by_type,
        by_legend=by_legend,
        table=table,
    )
