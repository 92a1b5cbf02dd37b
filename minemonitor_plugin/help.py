"""The Help button: the local HTML help shipped in the plugin (``help/<language>/<algorithm>.html``,
written at build time by tools/gen_help.py from the algorithm reference), in the run's language."""

from __future__ import annotations

import os

HELP_DIR = os.path.join(os.path.dirname(__file__), "help")


def help_file(algorithm_id: str, language: str | None = None) -> str | None:
    """Path of the help page of ``minemonitor:<id>`` (or ``<id>``) in ``language`` (default: the run's),
    falling back to English and to the index; None when the plugin was assembled without help."""
    from .i18n import translation_language

    name = algorithm_id.split(":")[-1].lower()
    language = language or translation_language()
    for lang in dict.fromkeys((language, "en")):
        for page in (f"{name}.html", "index.html"):
            path = os.path.join(HELP_DIR, lang, page)
            if os.path.isfile(path):
                return path
    return None


def help_url(algorithm_id: str, language: str | None = None) -> str:
    """``file://`` URL of :func:`help_file` ("" when there is none: QGIS then shows no Help link)."""
    from qgis.PyQt.QtCore import QUrl

    path = help_file(algorithm_id, language)
    return QUrl.fromLocalFile(path).toString() if path else ""
