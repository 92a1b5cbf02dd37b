"""Report building blocks shared by the algorithms: HTML pages and tables, SVG charts, class colours."""
