"""Vegetation algorithms: per-pixel trends of annual stacks and zonal annual series with change points."""
