"""Release ZIP helpers: ``make package`` and what *Install from ZIP* does (release and desktop tests)."""

from __future__ import annotations

import configparser
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "minemonitor_plugin"


def metadata_version() -> str:
    parser = configparser.ConfigParser()
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def build_release_zip(dist_dir: Path, **links: str) -> Path:
    """``make package`` into ``dist_dir`` (``links``: REPOSITORY_URL=..., MAINTAINER_EMAIL=... make
    variables for metadata.txt); returns the ZIP."""
    variables = [f"{key}={value}" for key, value in links.items()]
    proc = subprocess.run(["make", "-s", "-C", str(ROOT), "package", f"DIST_DIR={dist_dir}", *variables],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    zips = sorted(Path(dist_dir).glob("*.zip"))
    assert [z.name for z in zips] == [f"{PLUGIN}-{metadata_version()}.zip"], zips
    assert proc.stdout.strip().endswith(zips[0].name)
    return zips[0]


def install_zip(zip_path: Path, plugins_dir: Path) -> Path:
    """What *Install from ZIP* does: unzip into the profile's plugin folder; returns the plugin folder."""
    plugins_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins_dir)
    return plugins_dir / PLUGIN
