"""Pure numerical core of MineMonitor: numpy/scipy/shapely/esda only, no qgis or PyQt."""
