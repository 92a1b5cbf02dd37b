"""Spatial statistics algorithms: global autocorrelation, local Moran clusters, Gi* hot spots."""
