"""Class colours shared by the reports' charts and the QML styles (tests check the styles use them)."""

from __future__ import annotations

#: Local Moran cluster code -> colour (0 not significant, 1 HH, 2 LH, 3 LL, 4 HL, 5 no neighbours);
#: the fills of ``resources/styles/lisa_clusters.qml``.
LISA_COLOURS = {0: "#eeeeee", 1: "#ff0000", 2: "#a7adf9", 3: "#0000ff", 4: "#f4ada8", 5: "#999999"}
