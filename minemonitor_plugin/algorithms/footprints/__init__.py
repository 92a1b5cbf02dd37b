"""Footprint analysis: footprint statistics (Table 2, Figs 3-5, 7-8) and overlap tabulation (Tables 3-5)."""
