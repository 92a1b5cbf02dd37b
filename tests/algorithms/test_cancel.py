"""Cancel (issue #12): every algorithm stops when the user cancels, says so, and leaves nothing behind.

The feedback cancels at the first progress report past a threshold, i.e. in the middle of the work
(reading, weights, the core loops, rendering, writing): each threshold is a different place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
EPOCHS = SAMPLE / "epochs_2021_2022.gpkg"
CELLS = f"{SAMPLE / 'maus_mining_cells.gpkg'}|layername=mining_cells"
PROVINCES = f"{SAMPLE / 'nw4_admin.gpkg'}|layername=province"

CASES = [
    ("fishnetdensity", {"INPUT": CELLS, "STUDY_AREA": PROVINCES, "CELL_SIZE": 20000, "OUTPUT": "{out}/f.gpkg"}),
    ("footprintstatistics", {"INPUT": f"{EPOCHS}|layername=footprints_2022", "OUTPUT": "{out}/s.gpkg",
                             "OUTPUT_SIZE_CLASSES": "{out}/c.gpkg", "OUTPUT_HTML": "{out}/s.html"}),
    ("overlaptabulation", {"INPUT": CELLS,
                           "OVERLAY": f"{SAMPLE / 'ne_physical_regions.gpkg'}|layername=physical_regions",
                           "CLASS_FIELD": "name", "OUTPUT": "{out}/t.gpkg", "OUTPUT_PIECES": "{out}/p.gpkg"}),
    ("footprintchange", {"EARLIER": f"{EPOCHS}|layername=footprints_2021",
                         "LATER": f"{EPOCHS}|layername=footprints_2022",
                         "OUTPUT": "{out}/c.gpkg", "OUTPUT_SUMMARY": "{out}/s.gpkg"}),
    ("occupationtypes", {"INPUT": f"{EPOCHS}|layername=footprints_2022", "TYPE_FIELD": "type_code",
                         "OUTPUT": "{out}/t.gpkg", "OUTPUT_SUMMARY": "{out}/s.gpkg", "OUTPUT_HTML": "{out}/t.html"}),
    ("localmoran", {"INPUT": CELLS, "FIELD": "mining_area_km2", "WEIGHTS": 3, "PERMUTATIONS": 9999,
                    "OUTPUT": "{out}/l.gpkg", "OUTPUT_REPORT": "{out}/l.html"}),
    ("hotspots", {"INPUT": CELLS, "FIELD": "mining_area_km2", "WEIGHTS": 0, "PERMUTATIONS": 9999,
                  "OUTPUT": "{out}/h.gpkg"}),
    ("globalautocorrelation", {"INPUT": CELLS, "FIELD": "mining_area_km2", "PERMUTATIONS": 99999,
                               "OUTPUT_REPORT": "{out}/g.html"}),
    ("gradefactor", {"INPUT": str(SAMPLE / "lai_nw_2001_2020.tif"), "PRESET": 9, "OUTPUT": "{out}/g.tif"}),
    ("weightedoverlay", {"FACTORS": [str(SAMPLE / "etopo20_nw.tif")] * 3, "OUTPUT": "{out}/w.tif",
                         "OUTPUT_CLASSES": "{out}/c.tif"}),
    ("ndvitrend", {"INPUT": str(SAMPLE / "lai_nw_2001_2020.tif"), "OUTPUT_SEN_SLOPE": "{out}/s.tif",
                   "OUTPUT_MK_P": "{out}/p.tif"}),
    ("zonaltimeseries", {"INPUT": str(SAMPLE / "lai_nw_2001_2020.tif"), "FOOTPRINTS": CELLS,
                         "BUFFERS": "0-20000,20000-50000",
                         "OUTPUT": "{out}/s.gpkg", "OUTPUT_CHANGE": "{out}/c.gpkg"}),
    ("report", {"MAP_LAYERS": [PROVINCES, CELLS], "OUTPUT": "{out}/r.html"}),
]


class CancelAfter:
    """A feedback cancelling at the first progress report of at least ``threshold`` percent."""

    def __new__(cls, threshold: float):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def setProgress(self, progress):
                super().setProgress(progress)
                if progress >= threshold and not self.isCanceled():
                    self.cancel()

        return Feedback()


def _fill(value, out):
    if isinstance(value, list):
        return [v.format(out=out) if isinstance(v, str) else v for v in value]
    return value.format(out=out) if isinstance(value, str) else value


@pytest.mark.parametrize("threshold", [1.0, 50.0])
@pytest.mark.parametrize("alg, params", CASES, ids=[c[0] for c in CASES])
def test_cancel_leaves_nothing(run_alg, tmp_path, alg, params, threshold):
    from qgis.core import QgsProcessingException

    out = tmp_path / "out"
    out.mkdir()
    params = {k: _fill(v, out) for k, v in params.items()}
    feedback = CancelAfter(threshold)
    try:
        run_alg(f"minemonitor:{alg}", params, feedback=feedback)
    except QgsProcessingException as err:
        assert "Cancelled" in str(err), str(err)
    else:  # finished before the threshold was reported: then it must be whole, not cancelled
        assert not feedback.isCanceled()
    if feedback.isCanceled():
        assert sorted(p.name for p in out.iterdir()) == []
