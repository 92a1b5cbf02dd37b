#!/usr/bin/env python3
"""Write the print-layout templates of the PDF report (resources/templates/*.qpt) with QGIS's layout API.

Two templates per page format (A4/A3, landscape/portrait): ``map_*`` (title, map, legend, scale bar,
north arrow, CRS, source and caption lines, header, footer, page number) and ``page_*`` (header, footer,
page number). minemonitor_plugin/reporting/layout.py finds the items by id; edit a copy in the layout
designer and give it to minemonitor:report's TEMPLATE parameter to change the map pages.
Run from the repository root:  . scripts/env.sh && .venv/bin/python -m tools.make_templates
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "templates"


def main() -> int:
    os.environ["QT_HASH_SEED"] = "0"
    from tools.qgis_headless import start_qgis

    app, _ = start_qgis(load_plugin=False)
    from qgis.core import QgsProject

    from minemonitor_plugin.reporting.layout import PAGE_FORMATS, build_template, write_template

    OUT.mkdir(parents=True, exist_ok=True)
    project = QgsProject()
    for paper, orientation in PAGE_FORMATS:
        for kind in ("map", "page"):
            path = OUT / f"{kind}_{paper}_{orientation}.qpt"
            write_template(build_template(kind, paper, orientation, project), str(path))
            print(path.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
