"""Class colours shared by the reports' charts and the QML styles (tests check the styles use them)."""

from __future__ import annotations

#: Local Moran cluster code -> colour (0 not significant, 1 HH, 2 LH, 3 LL, 4 HL, 5 no neighbours);
#: the fills of ``resources/styles/lisa_clusters.qml``.
LISA_COLOURS = {0: "#eeeeee", 1: "#ff0000", 2: "#a7adf9", 3: "#0000ff", 4: "#f4ada8", 5: "#999999"}

#: Emerging hot spot category (``core.emerging.CATEGORIES``) -> fill colour: reds and oranges for
#: hot-spot patterns, blues for cold ones, the strongest colours for intensifying and persistent,
#: a vivid orange / blue for new spots, magenta / purple for oscillating, greyed for historical.
EMERGING_COLOURS = {
    0: "#f0f0f0",
    1: "#ff6a00", 2: "#fdae61", 3: "#a50026", 4: "#d73027", 5: "#f4a6a6", 6: "#fee090", 7: "#c51b7d", 8: "#d9b3a9",
    -1: "#0099ff", -2: "#abd9e9", -3: "#313695", -4: "#4575b4", -5: "#a6bddb", -6: "#e0f3f8", -7: "#7b3294",
    -8: "#a9b8d9",
}
#: Trend class of a cell over the epochs (1 significant increase, 0 none, -1 significant decrease).
TREND_COLOURS = {1: "#d7301f", 0: "#eeeeee", -1: "#2c7fb8"}
#: Density classes of ``resources/styles/fishnet_density.qml`` (upper bounds in %, fill colours).
DENSITY_BREAKS = (0.0, 0.1, 0.5, 1.0, 5.0)
DENSITY_COLOURS = ("#f0f0f0", "#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
