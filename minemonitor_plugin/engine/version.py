"""The version of the code a process runs: the plugin's ``metadata.txt`` (one version for everything).

Found beside the package (the installed plugin and the ``minemonitor-core`` wheel both carry
``minemonitor_plugin/metadata.txt``) or one folder up (the source tree). A cluster client refuses
workers whose version differs from its own (:func:`..cluster.check_versions`).
"""

from __future__ import annotations

import configparser
import os

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_VERSION: str | None = None


def metadata_path() -> str:
    """The ``metadata.txt`` this code is versioned by ("" when none is found)."""
    for folder in (PACKAGE_DIR, os.path.dirname(PACKAGE_DIR)):
        path = os.path.join(folder, "metadata.txt")
        if os.path.isfile(path):
            return path
    return ""


def core_version() -> str:
    """``version`` of ``[general]`` in :func:`metadata_path` ("0" when there is none)."""
    global _VERSION
    if _VERSION is None:
        path = metadata_path()
        version = "0"
        if path:
            parser = configparser.ConfigParser(interpolation=None)
            parser.read(path, encoding="utf-8")
            version = parser.get("general", "version", fallback="0")
        _VERSION = version
    return _VERSION
