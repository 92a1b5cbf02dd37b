"""Public global mining-area datasets: recognising their files, one footprint schema, merging them.

Two polygon datasets cover mining worldwide and give the national totals of the paper's Table 2:

* **Maus et al. (2022), global-scale mining polygons, version 2** (44,929 polygons, 101,583 km²;
  PANGAEA, doi:10.1594/PANGAEA.942325, CC BY-SA 4.0). File ``global_mining_polygons_v2.gpkg``:
  WGS 84 polygons with the fields ``ISO3_CODE`` (string), ``COUNTRY_NAME`` (string) and ``AREA``
  (double, km²), the feature id being the polygon's identifier (version 1, doi:10.1594/PANGAEA.910894,
  has the same fields).
* **Tang & Werner (2023), global mining footprint** (74,548 polygons, ~66,000 km²; Zenodo,
  doi:10.5281/zenodo.7894216, CC BY 4.0). Shapefile ``74548_projected polygons.shp`` in a projected
  equal-area CRS (WGS 84 EASE-Grid, metres) with the fields ``OBJECTID`` (integer) and ``Name``
  (string, mostly "Placemark" / "unnamed polygon"); no country field.

:func:`detect_dataset` recognises a layer from its field names (and file name);
:func:`normalise` maps its attributes to the common schema (source, source id, ISO3, country,
published area); :func:`merge_footprints` removes the overlaps between and within datasets with
:func:`dissolve_by_precedence` and measures every polygon on the WGS 84 ellipsoid
(:func:`core.geodesy.ellipsoidal_area_km2`).

Overlaps when merging datasets (dataset precedence)
---------------------------------------------------
Merging *different* published datasets is a question of precedence, not of the footprint rule alone:
the datasets are ranked (the order of the input layers), and where polygons of two datasets overlap
the dataset ranked first keeps the area, whatever the sizes of the polygons, so every part of the
merged layer keeps the source, identifier and country of one published polygon. *Within* one
dataset the footprint rule of every MineMonitor algorithm applies (:mod:`core.geometry`): shared
land belongs to the smallest polygon, and polygons left without land of their own (exact duplicates,
polygons covered by smaller ones or by a dataset ranked earlier) and zero-area or sliver polygons
are not kept. With a single dataset the result is exactly the footprint rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import CancelledError, InvalidInputError
from .geodesy import ellipsoidal_area_km2
from .geometry import COUNTED, COVERED, DEGENERATE, EMPTY, Footprints, clean_polygons, prepare_footprints

Progress = Callable[[float], Any]


@dataclass(frozen=True)
class DatasetInfo:
    """What MineMonitor knows about a published dataset: identity, expected fields, citation, licence."""

    key: str
    title: str
    citation: str
    doi: str
    paper: str
    licence: str
    licence_url: str
    fields: tuple[str, ...]
    description: str


MAUS_V2 = DatasetInfo(
    key="maus_v2",
    title="Global-scale mining polygons (Version 2)",
    citation="Maus, V. et al. (2022): Global-scale mining polygons (Version 2). PANGAEA, "
             "https://doi.org/10.1594/PANGAEA.942325",
    doi="10.1594/PANGAEA.942325",
    paper="Maus, V. et al. (2022): An update on global mining land use. Scientific Data 9, 433, "
          "https://doi.org/10.1038/s41597-022-01547-4",
    licence="CC BY-SA 4.0",
    licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
    fields=("ISO3_CODE", "COUNTRY_NAME", "AREA"),
    description="global_mining_polygons_v2.gpkg: WGS 84 polygons; ISO3_CODE, COUNTRY_NAME, AREA (km²)",
)
MAUS_V1 = DatasetInfo(
    key="maus_v1",
    title="Global-scale mining polygons (Version 1)",
    citation="Maus, V. et al. (2020): Global-scale mining polygons (Version 1). PANGAEA, "
             "https://doi.org/10.1594/PANGAEA.910894",
    doi="10.1594/PANGAEA.910894",
    paper="Maus, V. et al. (2020): A global-scale data set of mining areas. Scientific Data 7, 289, "
          "https://doi.org/10.1038/s41597-020-00624-w",
    licence="CC BY-SA 4.0",
    licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
    fields=("ISO3_CODE", "COUNTRY_NAME", "AREA"),
    description="global_mining_polygons_v1.gpkg: WGS 84 polygons; ISO3_CODE, COUNTRY_NAME, AREA (km²)",
)
TANG_WERNER = DatasetInfo(
    key="tang_werner_2023",
    title="Global mining footprint mapped from high-resolution satellite imagery",
    citation="Tang, L. & Werner, T. T. (2023): Global mining footprint mapped from high-resolution satellite "
             "imagery (74,548 polygons). Zenodo, https://doi.org/10.5281/zenodo.7894216",
    doi="10.5281/zenodo.7894216",
    paper="Tang, L. & Werner, T. T. (2023): Global mining footprint mapped from high-resolution satellite "
          "imagery. Communications Earth & Environment 4, 134, https://doi.org/10.1038/s43247-023-00805-6",
    licence="CC BY 4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    fields=("OBJECTID", "Name"),
    description="74548_projected polygons.shp: polygons in WGS 84 EASE-Grid (equal-area, metres); OBJECTID, Name",
)
MINEMONITOR = DatasetInfo(
    key="minemonitor",
    title="MineMonitor footprint schema",
    citation="",
    doi="",
    paper="",
    licence="",
    licence_url="",
    fields=("source", "source_id", "iso3", "country", "area_km2"),
    description="an output of minemonitor:importminingdataset (fields source, source_id, iso3, country, area_km2)",
)
DATASETS: dict[str, DatasetInfo] = {d.key: d for d in (MAUS_V2, MAUS_V1, TANG_WERNER)}

_ISO3_NAMES = ("iso3_code", "iso3")
_COUNTRY_NAMES = ("country_name", "country")


def _lookup(field_names: Sequence[str]) -> dict[str, str]:
    return {name.lower(): name for name in field_names}


def detect_dataset(field_names: Sequence[str], name: str = "") -> DatasetInfo | None:
    """The dataset a layer comes from, judged by its field names (and file / layer name), or None.

    Examples
    --------
    >>> detect_dataset(["fid", "ISO3_CODE", "COUNTRY_NAME", "AREA"], "global_mining_polygons_v2").key
    'maus_v2'
    >>> detect_dataset(["OBJECTID", "Name"], "74548_projected polygons").key
    'tang_werner_2023'
    """
    fields = _lookup(field_names)
    lowered = name.lower()
    if {"source", "source_id", "area_km2"} <= set(fields):
        return MINEMONITOR
    has_iso = any(n in fields for n in _ISO3_NAMES)
    has_country = any(n in fields for n in _COUNTRY_NAMES)
    if has_iso and has_country:
        if "v1" in lowered and "v2" not in lowered:
            return MAUS_V1
        return MAUS_V2
    if "objectid" in fields and ("name" in fields or "74548" in lowered):
        return TANG_WERNER
    return None


@dataclass(frozen=True)
class NormalisedAttributes:
    """Attributes of one layer in the common schema (object arrays, None for NULL)."""

    source: np.ndarray
    source_id: np.ndarray
    iso3: np.ndarray
    country: np.ndarray
    published_km2: np.ndarray


def fields_to_read(info: DatasetInfo, field_names: Sequence[str]) -> list[str]:
    """The fields of a detected layer that :func:`normalise` needs (in the layer's own spelling)."""
    fields = _lookup(field_names)
    wanted: list[str] = []
    if info.key == "minemonitor":
        wanted = ["source", "source_id", "iso3", "country", "published_km2"]
    elif info.key.startswith("maus"):
        wanted = [next(n for n in _ISO3_NAMES if n in fields), next(n for n in _COUNTRY_NAMES if n in fields), "area"]
    elif info.key == TANG_WERNER.key:
        wanted = ["objectid"]
    return [fields[w.lower()] for w in wanted if w.lower() in fields]


def _text(values: Any, n: int) -> np.ndarray:
    out = np.empty(n, dtype=object)
    if values is None:
        return out
    out[:] = [None if v is None or (isinstance(v, float) and v != v) else
              (str(int(v)) if isinstance(v, float) and float(v).is_integer() else str(v)).strip() or None
              for v in values]
    return out


def _number(values: Any, n: int) -> np.ndarray:
    out = np.full(n, np.nan)
    if values is None:
        return out
    for i, v in enumerate(values):  # attribute conversion of one column (IO, not geometry)
        try:
            out[i] = float(v) if v is not None else np.nan
        except (TypeError, ValueError):
            out[i] = np.nan
    return out


def normalise(info: DatasetInfo, attributes: Mapping[str, Sequence[Any]], fids: Sequence[int]) -> NormalisedAttributes:
    """Map a detected layer's attributes to the common schema.

    Parameters
    ----------
    info : DatasetInfo
        From :func:`detect_dataset`.
    attributes : mapping
        Field name (as in the layer) -> values, for the fields of :func:`fields_to_read`.
    fids : sequence of int
        Feature ids (the Maus polygons' identifier; fallback identifier of the others).
    """
    n = len(fids)
    fields = _lookup(list(attributes))

    def column(*names: str):
        for name in names:
            if name in fields:
                return attributes[fields[name]]
        return None

    fid_text = _text(list(fids), n)
    if info.key == "minemonitor":
        source = _text(column("source"), n)
        source_id = _text(column("source_id"), n)
        iso3 = _text(column("iso3"), n)
        country = _text(column("country"), n)
        published = _number(column("published_km2"), n)
    elif info.key.startswith("maus"):
        source = np.full(n, info.key, dtype=object)
        source_id = fid_text
        iso3 = _text(column(*_ISO3_NAMES), n)
        country = _text(column(*_COUNTRY_NAMES), n)
        published = _number(column("area"), n)
    elif info.key == TANG_WERNER.key:
        source = np.full(n, info.key, dtype=object)
        ids = _text(column("objectid"), n)
        no_id = np.equal(ids, None)  # type: ignore[call-overload]  # numpy stubs: None operand
        source_id = np.where(no_id, fid_text, ids)
        iso3 = np.full(n, None, dtype=object)
        country = np.full(n, None, dtype=object)
        published = np.full(n, np.nan)
    else:
        raise InvalidInputError("Unknown dataset {dataset}.", dataset=info.key)
    return NormalisedAttributes(source, source_id, iso3, country, published)


@dataclass(frozen=True)
class MergedFootprints:
    """Footprints of one or more datasets in one schema, overlaps removed.

    Attributes
    ----------
    geometries : ndarray
        WGS 84 (multi)polygons, disjoint when overlaps were removed.
    index : ndarray of int64
        Position of each kept footprint in the input.
    area_km2 : ndarray
        Ellipsoidal area of each kept footprint (after overlap removal).
    orig_km2 : ndarray
        Ellipsoidal area of the input polygon (before overlap removal; repaired if invalid).
    n_dropped : int
        Input polygons left out (``n_empty + n_degenerate + n_covered`` and non-polygons).
    overlap_removed_km2 : float
        Area mapped more than once and counted once (the input polygons' areas minus the kept areas;
        0 without overlap removal).
    n_overlapping : int
        Input polygons overlapping another one (more than numerical noise).
    status : ndarray of int8
        What happened to every input polygon (:data:`.geometry.COUNTED`: kept, ``EMPTY``,
        ``DEGENERATE``: no area, ``COVERED``: no land of its own, ``WRONG_TYPE``: not a polygon).
    n_empty, n_degenerate, n_covered, n_repaired : int
        NULL or empty polygons, polygons without area (zero-area, collapsed, slivers), polygons
        without land of their own (duplicates, covered by smaller polygons of their dataset or by a
        dataset ranked earlier), and invalid polygons repaired with MakeValid.
    """

    geometries: np.ndarray
    index: np.ndarray
    area_km2: np.ndarray
    orig_km2: np.ndarray
    n_dropped: int
    overlap_removed_km2: float
    n_overlapping: int
    status: np.ndarray
    n_empty: int = 0
    n_degenerate: int = 0
    n_covered: int = 0
    n_repaired: int = 0


def dissolve_by_precedence(geometries: Sequence[Any] | np.ndarray, precedence: Sequence[int] | np.ndarray | None,
                           progress: Progress | None = None) -> Footprints:
    """Make the polygons of several ranked datasets disjoint: dataset precedence, then the footprint rule.

    Parameters
    ----------
    geometries : array of shapely polygons
        The polygons of all datasets.
    precedence : array of int, optional
        Rank of each polygon's dataset (0 = the first dataset). Where polygons of two datasets
        overlap, the polygon of the dataset ranked first keeps the shared area, whatever the sizes;
        among polygons of one dataset the footprint rule applies (the smallest keeps it).
        None: one dataset.
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels (:class:`CancelledError`).

    Returns
    -------
    core.geometry.Footprints
        ``land`` is each polygon's part in the merged layer (empty where not kept), ``status``
        what happened to it. The result does not depend on the order of the polygons within a dataset.

    Examples
    --------
    >>> import shapely
    >>> big, small = shapely.box(0, 0, 4, 4), shapely.box(1, 1, 2, 2)
    >>> dissolve_by_precedence([big, small], None).land_area.tolist()  # one dataset: the smallest keeps it
    [15.0, 1.0]
    >>> dissolve_by_precedence([big, small], [0, 1]).land_area.tolist()  # the first dataset keeps it
    [16.0, 0.0]
    """
    return prepare_footprints(geometries, precedence=precedence, progress=progress)


def merge_footprints(geometries: Sequence[Any] | np.ndarray, remove_overlaps: bool = True,
                     progress: Progress | None = None,
                     datasets: Sequence[int] | np.ndarray | None = None) -> MergedFootprints:
    """Polygons of one or more datasets as one disjoint set with ellipsoidal areas.

    Parameters
    ----------
    geometries : array of shapely polygons in WGS 84 degrees
        The polygons of all datasets.
    remove_overlaps : bool
        False keeps every polygon with an area as it is (areas may then be counted twice).
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels.
    datasets : array of int, optional
        Rank of each polygon's dataset (the position of its input layer): where datasets overlap, the
        one ranked first keeps the area (:func:`dissolve_by_precedence`). None: one dataset.

    Notes
    -----
    Overlaps are found and removed on the lon/lat coordinates (overlay topology does not depend on the
    projection; "smallest" compares the polygons' areas in square degrees, which orders polygons of one
    place as their areas on the ellipsoid do). Areas are then measured on the ellipsoid. Invalid
    polygons are repaired first (``make_valid``); NULL, empty, non-polygonal, zero-area and sliver
    polygons are dropped.
    """
    geoms = np.asarray(geometries, dtype=object).reshape(-1)
    n = geoms.size
    if n == 0:
        raise InvalidInputError("There are no mining polygons to import (count {count}).", count=0)

    def sub(fraction: float) -> bool:
        return progress is None or progress(0.8 * fraction) is not False

    with np.errstate(invalid="ignore"):  # GEOS flags empty intersections as invalid values
        if remove_overlaps:
            rule = dissolve_by_precedence(geoms, datasets, progress=sub)
            status, clean_geoms, out, repaired = rule.status, rule.geometries, rule.land, rule.repaired
            n_overlapping = rule.n_overlapping
        else:
            clean = clean_polygons(geoms)
            status, clean_geoms, out, repaired = clean.status, clean.geometries, clean.geometries, clean.repaired
            n_overlapping = 0
            if not sub(1.0):
                raise CancelledError()
    kept = np.flatnonzero(status == COUNTED)
    if kept.size == 0:
        raise InvalidInputError("None of the {count} mining polygons has a positive area.", count=int(n))
    usable = np.flatnonzero(np.isin(status, (COUNTED, COVERED)))
    orig = np.zeros(n)
    orig[usable] = ellipsoidal_area_km2(clean_geoms[usable])
    area = ellipsoidal_area_km2(out[kept])
    if progress is not None:
        progress(1.0)
    return MergedFootprints(
        geometries=out[kept],
        index=kept.astype(np.int64),
        area_km2=area,
        orig_km2=orig[kept],
        n_dropped=int(n - kept.size),
        overlap_removed_km2=float(orig.sum() - area.sum()) if remove_overlaps else 0.0,
        n_overlapping=n_overlapping,
        status=status,
        n_empty=int(np.count_nonzero(status == EMPTY)),
        n_degenerate=int(np.count_nonzero(status == DEGENERATE)),
        n_covered=int(np.count_nonzero(status == COVERED)),
        n_repaired=int(np.count_nonzero(repaired)),
    )
