"""The footprint rule shared by every algorithm that takes mining footprints, and its log lines.

Where footprints of one layer overlap, the shared land is counted once and belongs to the smallest
of them; a footprint without land of its own (an exact duplicate, or one entirely covered by smaller
footprints) and a zero-area or sliver footprint is not counted (``core.geometry``).
"""

from __future__ import annotations

import numpy as np

from ..core.geometry import COVERED, DEGENERATE
from ..i18n import tr
from ..reporting.html import id_list


def rule_help() -> str:
    """One paragraph for the help of the algorithms that take footprints."""
    return tr(
        "Overlapping footprints: land covered by several footprints of one layer is counted once and "
        "belongs to the smallest of them (a pond digitised inside a stope keeps its area, the stope the "
        "rest), whatever the order of the features. A footprint left without land of its own (an exact "
        "duplicate, or a footprint entirely covered by smaller ones) and a zero-area or hair-thin sliver "
        "footprint is not counted; the log lists their feature ids."
    )


def log_footprint_rule(feedback, layer_name: str, fids: np.ndarray, status: np.ndarray,
                       n_overlapping: int = 0, overlap_m2: float = 0.0) -> None:
    """Warn about footprints not counted and report the overlaps counted once.

    ``fids`` and ``status`` have one entry per footprint given to the core (``core.geometry`` status).
    """
    fids = np.asarray(fids)
    degenerate = fids[np.asarray(status) == DEGENERATE]
    if degenerate.size:
        feedback.pushWarning(tr(
            "Layer {layer}: {n} footprints have no area (zero-area, collapsed or hair-thin slivers) and are not "
            "counted (feature ids {ids}).").format(layer=layer_name, n=int(degenerate.size),
                                                   ids=id_list(degenerate.tolist(), 20)))
    covered = fids[np.asarray(status) == COVERED]
    if covered.size:
        feedback.pushWarning(tr(
            "Layer {layer}: {n} footprints have no land of their own (exact duplicates or footprints entirely "
            "covered by smaller footprints of the layer) and are not counted (feature ids {ids}).").format(
                layer=layer_name, n=int(covered.size), ids=id_list(covered.tolist(), 20)))
    if n_overlapping:
        feedback.pushInfo(tr(
            "Layer {layer}: {n} footprints overlap others; the shared area ({area:.6f} km²) is counted once, for "
            "the smallest footprint.").format(layer=layer_name, n=int(n_overlapping), area=overlap_m2 / 1e6))
