"""core.footprints: count shares beside area shares, size classes crossed with groups (issue #17)."""

from __future__ import annotations

import numpy as np
import pytest

from minemonitor_plugin.core.errors import InvalidInputError
from minemonitor_plugin.core.footprints import footprint_statistics, grouped_size_classes, size_classes


def test_count_share_beside_area_share_by_hand():
    # the paper's shares: 54/28/12/6 % of the patches; here 3 of 4 polygons in "a" hold 6 of 10 km²
    area = [1.0, 2.0, 3.0, 4.0]
    stats = footprint_statistics(area, [1.0] * 4, [["a", "a", "a", "b"]], ["prov"])
    assert stats.columns["count_share_pct"].tolist() == [75.0, 25.0]
    assert stats.columns["share_pct"].tolist() == [60.0, 40.0]
    assert stats.total["count_share_pct"] == 100.0
    assert stats.codes.tolist() == [0, 0, 0, 1]
    # pieces of split footprints: shares of the whole footprints (a straddler counts in both zones)
    pieces = footprint_statistics([1.0, 0.5, 0.5], [1.0] * 3, [["a", "a", "b"]], ["zone"], count_total=2)
    assert pieces.columns["count_share_pct"].tolist() == [100.0, 50.0]


def test_grouped_size_classes_match_size_classes_per_group():
    rng = np.random.default_rng(5)
    area = rng.lognormal(-3.5, 2.0, 500)
    groups = rng.integers(0, 4, 500)
    breaks = [0.024, 0.1, 1.0, 10.0]
    table = grouped_size_classes(area, groups, 4, breaks)
    assert table.n_polygons.shape == (4, 5)
    for g in range(4):
        alone = size_classes(area[groups == g], breaks)
        assert table.n_polygons[g].tolist() == alone.n_polygons.tolist()
        assert table.pct_polygons[g] == pytest.approx(alone.pct_polygons)
        assert table.total_km2[g] == pytest.approx(alone.total_km2)
        assert table.pct_area[g] == pytest.approx(alone.pct_area)
    assert table.n_polygons.sum() == 500
    # a group without polygons gives NaN shares, not a division error
    empty = grouped_size_classes([1.0], [0], 2, breaks)
    assert np.isnan(empty.pct_polygons[1]).all() and empty.n_polygons[1].sum() == 0
    with pytest.raises(InvalidInputError, match="2 group codes for 1 polygons"):
        grouped_size_classes([1.0], [0, 1], 2, breaks)
