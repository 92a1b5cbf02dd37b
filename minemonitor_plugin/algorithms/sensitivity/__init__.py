"""Sensitivity algorithms: factor grading, weighted overlay, the Table 6 model, zonal class areas."""
