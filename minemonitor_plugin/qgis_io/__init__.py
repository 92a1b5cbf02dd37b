"""The only code converting QGIS objects to numpy/shapely arrays and back."""
