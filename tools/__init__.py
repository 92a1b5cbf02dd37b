"""Developer tools run as ``python -m tools.<name>`` from the repository root: reference and translation
generators, shipped-model builder, headless QGIS start-up, deterministic synthetic data."""
